/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-window.h: the main window: one programme, in four areas */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_WINDOW (rp_window_get_type ())

G_DECLARE_FINAL_TYPE (RpWindow, rp_window, RP, WINDOW, AdwApplicationWindow)

RpWindow    *rp_window_new             (GtkApplication  *application);
RpStore     *rp_window_get_store       (RpWindow        *self);
void         rp_window_set_store       (RpWindow        *self,
                                        RpStore         *store);
RpProgramme *rp_window_get_programme   (RpWindow        *self);
void         rp_window_set_programme   (RpWindow        *self,
                                        RpProgramme     *programme);
const char  *rp_window_get_area        (RpWindow        *self);
const char  *rp_window_get_view        (RpWindow        *self);
gboolean     rp_window_open_database   (RpWindow        *self,
                                        const char      *path,
                                        GError         **error);
void         rp_window_restore_session (RpWindow        *self);
void         rp_window_open_location   (RpWindow        *self,
                                        const char      *location);
void         rp_window_open_team_location (RpWindow     *self,
                                          const char   *location);
void         rp_window_import_file     (RpWindow        *self,
                                        const char      *path);
void         rp_window_show_fault      (RpWindow        *self,
                                        const char      *path,
                                        const GError    *error);
void         rp_window_show_error      (RpWindow        *self,
                                        const char      *heading,
                                        const GError    *error);
void         rp_window_add_toast       (RpWindow        *self,
                                        const char      *message);

G_END_DECLS
