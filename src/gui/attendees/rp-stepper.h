/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-stepper.h: the six steps of the moving plan: done, current and to come, with dates */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RP_TYPE_STEPPER (rp_stepper_get_type ())

G_DECLARE_FINAL_TYPE (RpStepper, rp_stepper, RP, STEPPER, GtkWidget)

GtkWidget *rp_stepper_new         (void);
void       rp_stepper_set_history (RpStepper  *self,
                                   int         current_step,
                                   GListModel *step_changes);
void       rp_stepper_focus_current (RpStepper *self);

G_END_DECLS
