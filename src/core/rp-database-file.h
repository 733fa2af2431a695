/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-database-file.h: a database as a file: copies, local copies and the backups folder beside it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RP_BACKUP_DAILY,           /* the first time the app opens the database each day */
  RP_BACKUP_BEFORE_UPDATE,   /* before the schema is migrated to a newer version */
  RP_BACKUP_BEFORE_IMPORT,
  RP_BACKUP_BEFORE_RESTORE,  /* the file as it was before a backup replaced it */
  RP_BACKUP_MANUAL,          /* asked for by the user; never removed automatically */
} RpBackupReason;

/* How many of each kind are kept; older ones are removed when a new one is made. */
#define RP_BACKUP_KEEP_DAILY      14
#define RP_BACKUP_KEEP_PRE_CHANGE 5

/* Copies a consistent snapshot of a database (path or `file:` URI) to a new
 * file, written whole or not at all (backups, and the CLI's backup --output). */
gboolean  rp_database_file_copy                (const char      *source,
                                                const char      *target,
                                                GError         **error);

/* The Flatpak document portal (a FUSE mount) and network drives cannot hold SQLite's
 * locks: rp_store_open() refuses to write there, and a database chosen there is
 * copied into the user data directory and the copy is opened instead. */
gboolean  rp_database_file_is_portal           (const char      *path);
gboolean  rp_database_file_needs_local_copy    (const char      *path);
char     *rp_database_file_make_local_copy     (const char      *path,
                                                GError         **error);

char     *rp_database_file_get_backup_folder   (const char      *database_path);
char     *rp_database_file_back_up             (const char      *database_path,
                                                RpBackupReason   reason,
                                                GError         **error);

G_END_DECLS
