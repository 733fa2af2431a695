/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-dots.h: a compact six-dot marker of the step reached */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RP_TYPE_STEP_DOTS (rp_step_dots_get_type ())

/* The width the six dots take, in pixels. */
#define RP_STEP_DOTS_WIDTH 72

G_DECLARE_FINAL_TYPE (RpStepDots, rp_step_dots, RP, STEP_DOTS, GtkWidget)

GtkWidget *rp_step_dots_new      (void);
int        rp_step_dots_get_step (RpStepDots *self);
void       rp_step_dots_set_step (RpStepDots *self,
                                  int         step);

G_END_DECLS
