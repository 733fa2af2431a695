/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-private.h: store internals for the core's own tools and tests */
#pragma once

#include <sqlite3.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* "RPRV": marks the file as ours, so another program's SQLite file is refused. */
#define RP_STORE_APPLICATION_ID 0x52505256

/* Opens and migrates only as far as @target_version; tests build old databases with it. */
RpStore *rp_store_open_at_version (const char        *path,
                                   RpStoreOpenFlags   flags,
                                   int                target_version,
                                   GError           **error);
sqlite3 *rp_store_get_db          (RpStore           *self);

/* One transaction around many writes, all or nothing (sample programme, imports). */
gboolean rp_store_begin           (RpStore           *self,
                                   GError           **error);
gboolean rp_store_commit          (RpStore           *self,
                                   GError           **error);
void     rp_store_rollback        (RpStore           *self);

/* Creates @path with owner-only permissions if it does not exist yet. */
gboolean rp_store_create_private_file (const char  *path,
                                       GError     **error);
/* Tests only: report every folder as being on a filesystem of @type, as
 * statfs(2) names it (0 looks it up again), to stand in for a network share. */
void     rp_store_set_fake_filesystem_type (unsigned long type);

/* Opens an SQLite connection that writes nothing, not even a -wal or -shm when
 * @create_nothing is set; sets @error and returns %NULL if it cannot. */
sqlite3 *rp_store_open_sqlite_read_only (const char  *path,
                                         gboolean     create_nothing,
                                         GError     **error);
/* Turns an SQLite result code into a clear RP_ERROR. */
void     rp_store_set_error_from_code (GError     **error,
                                       int          code,
                                       const char  *detail);
/* Copies a consistent snapshot of a database (path or `file:` URI) to a new file. */
gboolean rp_store_copy_database       (const char  *source,
                                       const char  *target,
                                       GError     **error);

G_END_DECLS
