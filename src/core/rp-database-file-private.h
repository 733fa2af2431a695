/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-database-file-private.h: database files, for the core's own use and its tests */
#pragma once

#include "rp-database-file.h"

G_BEGIN_DECLS

/* Creates @path with owner-only permissions if it does not exist yet. */
gboolean  rp_database_file_create_private      (const char      *path,
                                                GError         **error);
/* Makes an existing database and its -wal, -shm and -journal owner-only. */
gboolean  rp_database_file_make_private        (const char      *path,
                                                GError         **error);
/* Writes @source over the live database @target through SQLite's locks. */
gboolean  rp_database_file_copy_into           (const char      *source,
                                                const char      *target,
                                                GError         **error);
/* Removes a copy the core worked on, with its -wal and -shm. */
void      rp_database_file_remove_working_copy (const char      *path);

gboolean  rp_database_file_is_on_network_share (const char      *path);
/* %FALSE, with @error saying why, for a team database's location: what
 * works on a database file (backups, restores, checks) does not apply. */
gboolean  rp_database_file_refuse_team         (const char      *path,
                                                GError         **error);
/* Tests only: report every folder as being on a filesystem of @type, as
 * statfs(2) names it (0 looks it up again), to stand in for a network share. */
void      rp_database_file_set_fake_filesystem_type (unsigned long type);

/* One copy in the backups folder. */
typedef struct
{
  char           *path;
  RpBackupReason  reason;
  GDateTime      *created;
  goffset         size;
} RpBackupFile;

void       rp_backup_file_free                  (RpBackupFile    *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpBackupFile, rp_backup_file_free)

/* The copies in the backups folder, newest first (empty when there is none). */
GPtrArray *rp_database_file_list_backups        (const char      *database_path,
                                                 GError         **error);
/* A new, unused name in the backups folder, which is checked and created first. */
char      *rp_database_file_new_backup_path     (const char      *database_path,
                                                 RpBackupReason   reason,
                                                 GError         **error);

G_END_DECLS
