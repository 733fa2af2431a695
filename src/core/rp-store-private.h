/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-private.h: store internals for the core's own tools and tests */
#pragma once

#include <sqlite3.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* "RPRV": marks the file as ours, so another program's SQLite file is refused. */
#define RP_STORE_APPLICATION_ID 0x52505256

/* For copies the core works on (a backup being erased from or restored):
 * no backup is made of the copy before it is updated, and it is kept at its
 * own schema version when asked. */
#define RP_STORE_OPEN_WORKING_COPY ((RpStoreOpenFlags) (1 << 8))
#define RP_STORE_OPEN_KEEP_VERSION ((RpStoreOpenFlags) (1 << 9))
/* Opens a file whose protective triggers are damaged, to repair them. */
#define RP_STORE_OPEN_REPAIR       ((RpStoreOpenFlags) (1 << 10))

/* Opens and migrates only as far as @target_version; tests build old databases with it. */
RpStore *rp_store_open_at_version (const char        *path,
                                   RpStoreOpenFlags   flags,
                                   int                target_version,
                                   GError           **error);
sqlite3 *rp_store_get_db          (RpStore           *self);
/* What rp_store_open() opens again, in another thread: the file's path, or
 * the team database's location (which may hold a password: never show it). */
const char *rp_store_get_location (RpStore           *self);
int      rp_store_get_schema_version (RpStore           *self);
/* A team database's store kept idle between reads (rp_store_snapshot_open_kept()):
 * lets go of what was announced meanwhile; %FALSE if its connection was lost
 * or is not idle, or for a file. */
gboolean rp_store_ready_to_reuse  (RpStore           *self);

/* One transaction around many writes, all or nothing (sample programme, imports). */
gboolean rp_store_begin           (RpStore           *self,
                                   GError           **error);
gboolean rp_store_commit          (RpStore           *self,
                                   GError           **error);
void     rp_store_rollback        (RpStore           *self);
/* rp_store_begin(), but a reports login on a team database may write too:
 * only for recording the scrutiny report's own exports (rp-export-record.c;
 * the server lets that login do nothing else but confirm the name check's
 * words, rp_store_confirm_not_a_name()). */
gboolean rp_store_begin_report_export (RpStore         *self,
                                       GError         **error);

/* Dates the start of a programme's contact log back (the sample, whose log
 * goes back weeks): the attention rule counts days without contact from it. */
gboolean rp_store_set_contact_log_since (RpStore     *self,
                                         gint64       programme_id,
                                         const char  *since,
                                         GError     **error);

/* Opens an SQLite connection that writes nothing, not even a -wal or -shm when
 * @create_nothing is set; sets @error and returns %NULL if it cannot. */
sqlite3 *rp_store_open_sqlite_read_only (const char  *path,
                                         gboolean     create_nothing,
                                         GError     **error);

/* Rewrites the file so that nothing deleted is left in it (an erasure's copy). */
gboolean rp_store_vacuum              (RpStore           *self,
                                       GError           **error);

/* A stable tag of this database file for @purpose, telling nothing of its key. */
char    *rp_store_dup_file_tag        (RpStore           *self,
                                       const char        *purpose,
                                       GError           **error);

/* An erasure on record: the tombstone the audit trail keeps of an erased attendee. */
typedef struct
{
  gint64  attendee_id;
  int     number;
  gint64  programme_id;  /* when known (0 otherwise): a copy must hold the person in it */
  char   *recorded_at;
  char   *user;
} RpTombstone;

void     rp_tombstone_clear           (RpTombstone        *tombstone);
GArray  *rp_store_list_tombstones     (RpStore            *self,
                                       GError            **error);
gboolean rp_store_apply_tombstone     (RpStore            *self,
                                       const RpTombstone  *tombstone,
                                       gboolean           *erased,
                                       GError            **error);
gboolean rp_store_record_restore      (RpStore            *self,
                                       const char         *backup_path,
                                       GError            **error);

/* Reports as of a past day. The value @column of the @table_name record
 * whose id is @id_sql had at the end of that day: the old value of the first
 * change the audit trail records from then on, or @current_sql if it has not
 * changed since. The statement binds as ?2 the id of the first entry of the
 * audit trail after that day (rp_store_find_as_of_cutoff()), so each look-up
 * reads only the record's newer changes, through the audit_record index. */
#define RP_STORE_AS_OF_CONVERTED(table_name, id_sql, column, current_sql, before, after) \
  "(CASE WHEN EXISTS (SELECT 1 FROM audit WHERE table_name = '" table_name "' AND record_id = " id_sql \
  "   AND id >= ?2 AND field = '" column "' AND action IN ('update', 'delete'))" \
  " THEN " before "(SELECT old_value FROM audit WHERE table_name = '" table_name "' AND record_id = " id_sql \
  "   AND id >= ?2 AND field = '" column "' AND action IN ('update', 'delete') ORDER BY id LIMIT 1)" after \
  " ELSE " current_sql " END)"
/* By the column's type: the team database's audit trail keeps every value
 * as text, so one from it is converted back, in SQL that both SQLite and
 * PostgreSQL read alike (SQLite's date () of a date is the date; its CAST
 * to BIGINT and BOOLEAN leaves the file's numbers as they are). */
#define RP_STORE_AS_OF_TEXT(table_name, id_sql, column, current_sql) \
  RP_STORE_AS_OF_CONVERTED (table_name, id_sql, column, current_sql, "", "")
#define RP_STORE_AS_OF_INTEGER(table_name, id_sql, column, current_sql) \
  RP_STORE_AS_OF_CONVERTED (table_name, id_sql, column, current_sql, "CAST (", " AS BIGINT)")
#define RP_STORE_AS_OF_FLAG(table_name, id_sql, column, current_sql) \
  RP_STORE_AS_OF_CONVERTED (table_name, id_sql, column, current_sql, "CAST (", " AS BOOLEAN)")
#define RP_STORE_AS_OF_DATE(table_name, id_sql, column, current_sql) \
  RP_STORE_AS_OF_CONVERTED (table_name, id_sql, column, current_sql, "date (", ")")

gboolean    rp_store_find_as_of_cutoff  (RpStore     *self,
                                         const char  *date,
                                         gint64      *since,
                                         GError     **error);
GListModel *rp_store_list_actions_as_of (RpStore     *self,
                                         gint64       programme_id,
                                         gint64       since,
                                         GError     **error);

/* What is wrong with one of the triggers that protect the audit trail and the step history. */
typedef enum
{
  RP_TRIGGER_MISSING,
  RP_TRIGGER_CHANGED,
  RP_TRIGGER_UNKNOWN,   /* a trigger Reprovision does not make */
} RpTriggerDamage;

typedef struct
{
  char            *name;
  char            *table;   /* the table it is on */
  RpTriggerDamage  damage;
} RpTriggerProblem;

GPtrArray *rp_store_list_trigger_problems (sqlite3  *db,
                                           GError  **error);

G_END_DECLS
