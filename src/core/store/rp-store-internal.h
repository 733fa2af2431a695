/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-internal.h: what the store's files share: the object, its
 * statements and write helper; one connection behind them all */
#pragma once

#include <sys/stat.h>

#include "rp-error-private.h"
#include "rp-store.h"
#include "rp-store-private.h"
#include "rp-stmt.h"
#include "rp-team.h"

G_BEGIN_DECLS

typedef struct _RpStoreTeam RpStoreTeam;

struct _RpStore
{
  GObject     parent_instance;

  sqlite3    *db;           /* a database file, or NULL for a team database */
  RpStoreTeam *team;        /* a team database (rp-store-team.c), or NULL for a file */
  char       *path;         /* the file, or NULL for a team database */
  char       *location;     /* a team database's location as opened, password and all: never shown */
  char       *user;
  char       *today;
  GHashTable *statements;   /* SQL text → RpStmt */
  struct stat wal_file;     /* the -wal and -shm this connection opened */
  struct stat shm_file;
  GHashTable *pending;      /* interned table name → GArray of row ids, or NULL for too many to list */
  gint64      data_version; /* PRAGMA data_version when last checked: changes made elsewhere move it */
  guint       read_only : 1;
  guint       erasing : 1;
  guint       lock_lost : 1;
};
/* Tables whose every change goes into the audit trail (rp-store-schema.c). */
extern const char * const audited_tables[];
extern const guint        n_audited_tables;

/* Errors and statements (rp-store.c) */
gboolean      set_error_from_db  (RpStore       *self,
                                  GError       **error);
/* Statements are prepared once and reused; @sql must be a static string. */
RpStmt       *store_prepare      (RpStore       *self,
                                  const char    *sql,
                                  GError       **error);
gboolean      store_exec         (RpStore       *self,
                                  const char    *sql,
                                  GError       **error);
/* Runs a statement that returns no rows and resets it. */
gboolean      step_done          (RpStore       *self,
                                  RpStmt        *stmt,
                                  GError       **error);
/* The same for a write's last statement, when nothing asks what it did
 * (no changes count, no new id): on a team database it goes with the
 * COMMIT, one round trip fewer, and any error it meets is the COMMIT's. */
gboolean      step_done_before_commit (RpStore  *self,
                                       RpStmt   *stmt,
                                       GError  **error);
void          bind_text          (RpStmt        *stmt,
                                  int            index,
                                  const char    *text);
/* An id of 0 means "none" in the domain objects and NULL in the database. */
void          bind_id            (RpStmt        *stmt,
                                  int            index,
                                  gint64         id);
const char   *column_text        (RpStmt        *stmt,
                                  int            column);
gboolean      query_int          (RpStore       *self,
                                  const char    *sql,
                                  int           *value,
                                  GError       **error);
/* How many rows the last INSERT, UPDATE or DELETE changed; the id the last
 * INSERT gave its row (rp-stmt.c). */
int           store_changes      (RpStore       *self);
gint64        store_last_insert_id (RpStore     *self);
/* The last failure was a second row with the same primary key. */
gboolean      store_error_is_duplicate_key (RpStore *self);
/* Moves what the WAL holds into the database file at once (rp-store.c):
 * after an erasure, so that no overwritten page is left in the -wal. */
void          store_checkpoint   (RpStore       *self);
gboolean      count_query        (RpStore       *self,
                                  const char    *sql,
                                  gint64         programme_id,
                                  const char    *today,
                                  guint         *count,
                                  GError       **error);

typedef gpointer (*RowFunc) (RpStmt *stmt);
typedef char    *(*SortKeyFunc) (gpointer item);

/* Runs a prepared, bound query and collects one object per row. */
GListModel   *collect_rows       (RpStore       *self,
                                  RpStmt        *stmt,
                                  GType          item_type,
                                  RowFunc        from_row,
                                  GError       **error);
gboolean      store_write_name_words (RpStore    *self,
                                      const char *table,
                                      gint64      id,
                                      GError    **error);
GListModel   *collect_rows_sorted (RpStore      *self,
                                   RpStmt       *stmt,
                                   GType         item_type,
                                   RowFunc       from_row,
                                   SortKeyFunc   key_func,
                                   GError      **error);
/* Runs a prepared, bound query expected to return one row. */
gpointer      collect_one        (RpStore       *self,
                                  RpStmt        *stmt,
                                  RowFunc        from_row,
                                  const char    *not_found,
                                  GError       **error);

/* Writes (rp-store.c) */
typedef gboolean (*StoreWriteFunc)    (RpStore   *self,
                                       gpointer   data,
                                       GError   **error);
typedef gboolean (*StoreValidateFunc) (gpointer   item,
                                       GError   **error);
typedef void     (*StoreSetIdFunc)    (gpointer   item,
                                       gint64     id);

gboolean      store_write        (RpStore           *self,
                                  StoreWriteFunc     func,
                                  gpointer           data,
                                  GError           **error);
/* store_write(), but a reports login on a team database may make it too:
 * only the report's own writes (the name check's confirmations), which the
 * server lets that login make through its functions and nothing else. */
gboolean      store_write_report (RpStore           *self,
                                  StoreWriteFunc     func,
                                  gpointer           data,
                                  GError           **error);
/* Adds a new record: validates it, writes it, and resets its id on failure. */
gboolean      store_add          (RpStore           *self,
                                  gpointer           item,
                                  StoreValidateFunc  validate,
                                  StoreWriteFunc     write_func,
                                  StoreSetIdFunc     set_id,
                                  GError           **error);

/* After the move (rp-store-reviews.c): the attendee's interim move and
 * the dates of its reviews, read beside its other columns. @clearing:
 * the stored attendee may hold an interim move this one no longer has. */
#define AFTER_MOVE_COLUMNS \
  " a.interim, a.permanent_provider_id, a.permanent_date," \
  " (SELECT max (r.held_on) FROM review r WHERE r.attendee_id = a.id AND r.kind = 'follow-up')," \
  " (SELECT max (r.held_on) FROM review r WHERE r.attendee_id = a.id)"
void          read_after_move_columns  (RpAttendee    *attendee,
                                        RpStmt        *stmt,
                                        int            first);
gboolean      write_after_move_columns (RpStore       *self,
                                        gint64         attendee_id,
                                        RpAttendee    *attendee,
                                        gboolean       clearing,
                                        GError       **error);

/* Change announcements (rp-store.c): a row of @table was written, to be
 * announced after the commit; the announcement itself. */
void          store_note_change     (RpStore     *self,
                                     const char  *table,
                                     gint64       id);
void          store_announce_changes (RpStore    *self);
void          store_forget_changes  (RpStore     *self);
/* %TRUE on a file; on a team database, %FALSE and @error saying that
 * this works on a file only. */
gboolean      store_refuse_team     (RpStore     *self,
                                     GError     **error);
/* Inside a transaction on the connection. */
gboolean      store_in_transaction  (RpStore     *self);

/* A team database (rp-store-team.c with libpq; rp-store-team-none.c
 * without): the connection and its statements. */
gboolean      store_team_open       (RpStore           *self,
                                     const char        *location,
                                     RpStoreOpenFlags   flags,
                                     GError           **error);
void          store_team_closing    (RpStore     *self);
void          store_team_close      (RpStore     *self);
/* Hears others' changes in the calling thread's main context, if not already. */
void          store_team_watch      (RpStore     *self);
RpStmt       *store_team_prepare    (RpStore     *self,
                                     const char  *sql,
                                     GError     **error);
gboolean      store_team_exec       (RpStore     *self,
                                     const char  *sql,
                                     GError     **error);
gboolean      store_team_in_transaction (RpStore *self);
gboolean      store_team_defer_write (RpStore    *self,
                                      RpStmt     *stmt);
gboolean      store_team_set_error  (RpStore     *self,
                                     GError     **error);
const char   *store_team_errmsg     (RpStore     *self);
int           store_team_changes    (RpStore     *self);
gint64        store_team_last_insert_id (RpStore *self);
gboolean      store_team_error_is_duplicate_key (RpStore *self);
gboolean      store_team_set_today  (RpStore     *self,
                                     const char  *today_iso,
                                     GError     **error);
/* Notes every change announced on the connection (store_note_change());
 * %FALSE if the connection was lost. */
gboolean      store_team_read_notifications (RpStore *self);
/* Lets go of what was announced on a connection kept idle (a snapshot's);
 * %FALSE if it was lost, or is not idle and fit to be used again. */
gboolean      store_team_forget_notifications (RpStore *self);
/* The same after a round trip, so that a commit another connection
 * finished before this call is heard now rather than in a moment. */
void          store_team_check_notifications (RpStore *self);
int           store_team_get_socket (RpStore     *self);
RpTeamRole    store_team_get_role   (RpStore     *self);
const char   *store_team_get_login  (RpStore     *self);
char         *store_team_dup_display_name (RpStore *self);
int           store_team_get_schema_version (RpStore *self);
/* The connection was lost and is being made again (rp-store-team.c);
 * store_connection_changed() tells when that begins and ends. */
gboolean      store_team_is_connection_lost (RpStore *self);
const GError *store_team_get_connection_problem (RpStore *self);
void          store_team_reconnect  (RpStore     *self);
RpCommitOutcome store_team_get_commit_outcome (RpStore *self);
/* For tests only: the next COMMIT's connection drops just before it is
 * sent (@after FALSE) or just after it is answered (@after TRUE), so that
 * the answer never comes. */
void          store_team_drop_next_commit (RpStore   *self,
                                           gboolean   after);
/* For tests only: the next COMMIT's connection is cut as a network cuts
 * it, unnoticed by the server; returns the real socket, which the caller
 * closes to end the old session (until then its transaction is "in progress"). */
int           store_team_cut_next_commit (RpStore   *self);
void          store_connection_changed (RpStore  *self);

/* Schema (rp-store-schema.c) */
void          register_functions    (RpStore  *self);
gboolean      migrate               (RpStore  *self,
                                     int       from_version,
                                     int       to_version,
                                     GError  **error);
gboolean      check_protection      (RpStore  *self,
                                     GError  **error);

G_END_DECLS
