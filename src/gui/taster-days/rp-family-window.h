/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-family-window.h: one attendee's taster days, full window and large print, for their family */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_FAMILY_WINDOW (rp_family_window_get_type ())

G_DECLARE_FINAL_TYPE (RpFamilyWindow, rp_family_window, RP, FAMILY_WINDOW, AdwWindow)

RpFamilyWindow *rp_family_window_new (GtkWindow  *parent,
                                      RpStore    *store,
                                      RpAttendee *attendee);
gboolean        rp_family_window_save_pdf (RpFamilyWindow  *self,
                                           const char      *path,
                                           GError         **error);
void            rp_family_window_print    (RpFamilyWindow  *self,
                                           const char      *export_path);

G_END_DECLS
