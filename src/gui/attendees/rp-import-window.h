/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-import-window.h: checking a CSV file of attendees, then adding them all or none */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_IMPORT_WINDOW (rp_import_window_get_type ())

G_DECLARE_FINAL_TYPE (RpImportWindow, rp_import_window, RP, IMPORT_WINDOW, AdwWindow)

RpImportWindow *rp_import_window_new         (GtkWindow   *parent,
                                              RpStore     *store,
                                              RpProgramme *programme,
                                              RpImport    *import,
                                              const char  *file_name);
guint           rp_import_window_get_n_problems (RpImportWindow *self);

G_END_DECLS
