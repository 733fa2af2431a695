/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-preferences-window.h: the team's preferences */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_PREFERENCES_WINDOW (rp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RpPreferencesWindow, rp_preferences_window, RP, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *rp_preferences_window_new (GtkWindow *parent,
                                      RpStore   *store);

G_END_DECLS
