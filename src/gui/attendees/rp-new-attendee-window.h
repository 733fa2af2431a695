/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-new-attendee-window.h: adds an attendee, with the next free number suggested */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_NEW_ATTENDEE_WINDOW (rp_new_attendee_window_get_type ())

G_DECLARE_FINAL_TYPE (RpNewAttendeeWindow, rp_new_attendee_window, RP, NEW_ATTENDEE_WINDOW, AdwWindow)

RpNewAttendeeWindow *rp_new_attendee_window_new (GtkWindow   *parent,
                                                 RpStore     *store,
                                                 RpProgramme *programme);

G_END_DECLS
