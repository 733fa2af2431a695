/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-new-programme-window.h: asks for the day centre, closure date and report title */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_NEW_PROGRAMME_WINDOW (rp_new_programme_window_get_type ())

G_DECLARE_FINAL_TYPE (RpNewProgrammeWindow, rp_new_programme_window, RP, NEW_PROGRAMME_WINDOW, AdwWindow)

RpNewProgrammeWindow *rp_new_programme_window_new            (GtkWindow            *parent,
                                                              RpStore              *store);
gboolean              rp_new_programme_window_get_can_create (RpNewProgrammeWindow *self);

G_END_DECLS
