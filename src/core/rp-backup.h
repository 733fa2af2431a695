/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-backup.h: copies of a database kept beside it, and restoring one */
#pragma once

#include <gio/gio.h>

/* Making a copy (rp_database_file_back_up()) and where the copies live
 * (rp_database_file_get_backup_folder()) are in rp-database-file.h, which the
 * store uses too, before it updates a database to a newer version. */
#include "rp-database-file.h"

G_BEGIN_DECLS

#define RP_TYPE_BACKUP (rp_backup_get_type ())

G_DECLARE_FINAL_TYPE (RpBackup, rp_backup, RP, BACKUP, GObject)

const char     *rp_backup_get_path         (RpBackup        *self);
RpBackupReason  rp_backup_get_reason       (RpBackup        *self);
GDateTime      *rp_backup_get_created      (RpBackup        *self);
goffset         rp_backup_get_size         (RpBackup        *self);

const char     *rp_backup_reason_get_label (RpBackupReason   reason);

GListModel     *rp_backup_list             (const char      *database_path,
                                            GError         **error);
char           *rp_backup_ensure_daily     (const char      *database_path,
                                            GError         **error);
gboolean        rp_backup_restore          (const char      *database_path,
                                            const char      *backup_path,
                                            char           **safety_copy_path,
                                            GError         **error);

/* The daily check and backup: the file is checked whole first, so a damaged
 * file never pushes a good copy out of the backups. Done in a thread. */
void            rp_backup_check_and_back_up_async  (const char           *database_path,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        rp_backup_check_and_back_up_finish (GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
