/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-backups-window.h: the copies kept of a database, to make one or restore one */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RP_TYPE_BACKUPS_WINDOW (rp_backups_window_get_type ())

G_DECLARE_FINAL_TYPE (RpBackupsWindow, rp_backups_window, RP, BACKUPS_WINDOW, AdwWindow)

RpBackupsWindow *rp_backups_window_new           (GtkWindow       *parent,
                                                  const char      *database_path,
                                                  gboolean         can_back_up);
RpBackupsWindow *rp_backups_window_new_for_team  (GtkWindow       *parent,
                                                  const char      *team_name,
                                                  const char      *conninfo);
void             rp_backups_window_save_copy     (RpBackupsWindow *self,
                                                  const char      *path);
gboolean         rp_backups_window_is_busy       (RpBackupsWindow *self);
const char      *rp_backups_window_get_path      (RpBackupsWindow *self);
void             rp_backups_window_reload        (RpBackupsWindow *self);

G_END_DECLS
