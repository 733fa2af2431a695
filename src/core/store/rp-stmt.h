/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-stmt.h: the statement seam: the domain's SQL runs through these calls,
 * never through the database library's own, so that a second backend
 * (PostgreSQL through libpq, issue 18) sits behind the same calls.
 *
 * An RpStmt is a small struct: a pointer to its backend's table of
 * functions, NULL for SQLite, and the SQLite statement. The calls below are
 * static inline: for SQLite they go straight to sqlite3_* after one
 * predictable branch, and only a server's statement pays for the table.
 *
 * How each call maps to libpq (src/core/store/rp-stmt-pg.c):
 *
 * - prepare (store_prepare(), rp_stmt_prepare()): rp_sql_to_postgres()
 *   turns the SQL's `?N` and `?` into `$N` (a bare `?` takes the next
 *   number, as in SQLite) and SQLite's few words of its own into
 *   PostgreSQL's; the statement is made once per connection with
 *   PQprepare() under a name of its own ("rp1", "rp2", …);
 *   rp_stmt_finalize() sends DEALLOCATE for it.
 * - bind_int64/int/text: kept in the statement as text parameters
 *   (g_strdup_printf ("%" G_GINT64_FORMAT) for numbers, a copy of the text),
 *   sent as paramValues in text format by the first step; bind_null keeps a
 *   NULL paramValue. Binding a NULL text is binding NULL.
 * - step: the first step after a reset calls PQexecPrepared() and keeps the
 *   PGresult; PGRES_TUPLES_OK with rows answers RP_STMT_ROW for row 0 and
 *   each later step walks to the next row, RP_STMT_DONE after the last;
 *   PGRES_COMMAND_OK answers RP_STMT_DONE; anything else is RP_STMT_ERROR
 *   with the result's message and SQLSTATE kept for the store's error
 *   mapping (set_error_from_db(); store_error_is_duplicate_key() reads
 *   SQLSTATE 23505).
 * - reset: PQclear() of the result and back to before the first row; the
 *   binds are kept, as in SQLite (store_prepare() clears them when it hands
 *   a cached statement out again).
 * - column_int64/int: g_ascii_strtoll() of PQgetvalue(), with a boolean
 *   column (PQftype() 16) read as 1 or 0; column_text: PQgetvalue(), valid
 *   until the next step or reset as in SQLite, with a time (0) read as
 *   "HH:MM" and a timestamptz as "YYYY-MM-DDTHH:MM:SS.sssZ", as the file
 *   stores them (the connection's TimeZone is UTC, its DateStyle ISO, so a
 *   date is already "YYYY-MM-DD"); column_is_null: PQgetisnull(). A NULL
 *   reads as 0 or a NULL string, as SQLite does. Columns are numbered from
 *   0 in both.
 * - rp_stmt_dup_column_bytes(): PQunescapeBytea() of a bytea column.
 * - store_changes(): atoi (PQcmdTuples()) of the last command's result.
 * - store_last_insert_id(): currval() of the id sequence of the table the
 *   last INSERT wrote to, on the same connection. Not lastval(): the audit
 *   trigger's own INSERT takes a number from the audit trail's sequence
 *   after the row's.
 * - rp_store_errmsg(): the last failed result's message, or
 *   PQerrorMessage() of the connection.
 * - Not statements, but on the same path: store_checkpoint() is nothing on
 *   a server (its WAL is the server's); rp_store_vacuum() runs only on an
 *   erasure's file copy; count_query() reads how many parameters a
 *   statement takes, which the backend counted when it prepared it.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "rp-store.h"

G_BEGIN_DECLS

typedef struct _RpStmt RpStmt;
typedef struct _RpStmtBackend RpStmtBackend;

/* What a step (or rp_stmt_prepare()) answers. The values are SQLite's own,
 * so that the SQLite backend passes them through unchanged. */
typedef enum
{
  RP_STMT_OK    = 0,    /* prepared */
  RP_STMT_ERROR = 1,    /* failed: the store holds the error (set_error_from_db(), rp_store_errmsg()) */
  RP_STMT_ROW   = 100,  /* a row is ready to be read */
  RP_STMT_DONE  = 101,  /* finished: no (more) rows */
} RpStmtResult;

G_STATIC_ASSERT (RP_STMT_OK == SQLITE_OK);
G_STATIC_ASSERT (RP_STMT_ERROR == SQLITE_ERROR);
G_STATIC_ASSERT (RP_STMT_ROW == SQLITE_ROW);
G_STATIC_ASSERT (RP_STMT_DONE == SQLITE_DONE);

/* A backend other than SQLite: what each call below does there. */
struct _RpStmtBackend
{
  void          (*bind_int64)     (RpStmt *stmt, int index, gint64 value);
  void          (*bind_text)      (RpStmt *stmt, int index, const char *text);
  void          (*bind_null)      (RpStmt *stmt, int index);
  void          (*clear_bindings) (RpStmt *stmt);
  RpStmtResult  (*step)           (RpStmt *stmt);
  void          (*reset)          (RpStmt *stmt);
  gint64        (*column_int64)   (RpStmt *stmt, int column);
  const char   *(*column_text)    (RpStmt *stmt, int column);
  gboolean      (*column_is_null) (RpStmt *stmt, int column);
  GBytes       *(*column_bytes)   (RpStmt *stmt, int column);
  int           (*n_params)       (RpStmt *stmt);
  void          (*finalize)       (RpStmt *stmt);
};

struct _RpStmt
{
  const RpStmtBackend *backend;  /* NULL: SQLite */
  sqlite3_stmt        *sqlite;
};

#define RP_STMT_IS_SQLITE(stmt) G_LIKELY ((stmt)->backend == NULL)

/* Parameters are numbered from 1, as `?1` in the SQL. */
static inline void
rp_stmt_bind_int64 (RpStmt *stmt,
                    int     index,
                    gint64  value)
{
  if (RP_STMT_IS_SQLITE (stmt))
    sqlite3_bind_int64 (stmt->sqlite, index, value);
  else
    stmt->backend->bind_int64 (stmt, index, value);
}

static inline void
rp_stmt_bind_int (RpStmt *stmt,
                  int     index,
                  int     value)
{
  if (RP_STMT_IS_SQLITE (stmt))
    sqlite3_bind_int (stmt->sqlite, index, value);
  else
    stmt->backend->bind_int64 (stmt, index, value);
}

/* The text is copied; %NULL binds NULL. */
static inline void
rp_stmt_bind_text (RpStmt     *stmt,
                   int         index,
                   const char *text)
{
  if (RP_STMT_IS_SQLITE (stmt))
    sqlite3_bind_text (stmt->sqlite, index, text, -1, SQLITE_TRANSIENT);
  else
    stmt->backend->bind_text (stmt, index, text);
}

static inline void
rp_stmt_bind_null (RpStmt *stmt,
                   int     index)
{
  if (RP_STMT_IS_SQLITE (stmt))
    sqlite3_bind_null (stmt->sqlite, index);
  else
    stmt->backend->bind_null (stmt, index);
}

static inline RpStmtResult
rp_stmt_step (RpStmt *stmt)
{
  int rc;

  if (!RP_STMT_IS_SQLITE (stmt))
    return stmt->backend->step (stmt);

  rc = sqlite3_step (stmt->sqlite);
  return G_LIKELY (rc == SQLITE_ROW || rc == SQLITE_DONE) ? (RpStmtResult) rc : RP_STMT_ERROR;
}

/* Back to before the first row, keeping the binds. */
static inline void
rp_stmt_reset (RpStmt *stmt)
{
  if (RP_STMT_IS_SQLITE (stmt))
    sqlite3_reset (stmt->sqlite);
  else
    stmt->backend->reset (stmt);
}

/* Every parameter back to NULL. */
static inline void
rp_stmt_clear_bindings (RpStmt *stmt)
{
  if (RP_STMT_IS_SQLITE (stmt))
    sqlite3_clear_bindings (stmt->sqlite);
  else
    stmt->backend->clear_bindings (stmt);
}

/* Columns are numbered from 0. A NULL reads as 0. */
static inline gint64
rp_stmt_column_int64 (RpStmt *stmt,
                      int     column)
{
  if (RP_STMT_IS_SQLITE (stmt))
    return sqlite3_column_int64 (stmt->sqlite, column);
  return stmt->backend->column_int64 (stmt, column);
}

static inline int
rp_stmt_column_int (RpStmt *stmt,
                    int     column)
{
  if (RP_STMT_IS_SQLITE (stmt))
    return sqlite3_column_int (stmt->sqlite, column);
  return (int) stmt->backend->column_int64 (stmt, column);
}

/* Valid until the next step or reset; %NULL for a NULL. */
static inline const char *
rp_stmt_column_text (RpStmt *stmt,
                     int     column)
{
  if (RP_STMT_IS_SQLITE (stmt))
    return (const char *) sqlite3_column_text (stmt->sqlite, column);
  return stmt->backend->column_text (stmt, column);
}

static inline gboolean
rp_stmt_column_is_null (RpStmt *stmt,
                        int     column)
{
  if (RP_STMT_IS_SQLITE (stmt))
    return sqlite3_column_type (stmt->sqlite, column) == SQLITE_NULL;
  return stmt->backend->column_is_null (stmt, column);
}

/* How many parameters the statement takes. */
static inline int
rp_stmt_n_params (RpStmt *stmt)
{
  if (RP_STMT_IS_SQLITE (stmt))
    return sqlite3_bind_parameter_count (stmt->sqlite);
  return stmt->backend->n_params (stmt);
}

/* A copy of a blob column; an empty #GBytes for a NULL. */
GBytes       *rp_stmt_dup_column_bytes (RpStmt      *stmt,
                                        int          column);

/* A statement of its own, not kept with the store's (store_prepare()):
 * for the core's modules that read once. Sets @stmt to %NULL on failure;
 * free it with rp_stmt_finalize(). */
RpStmtResult  rp_stmt_prepare          (RpStore     *store,
                                        const char  *sql,
                                        RpStmt     **stmt);
/* Wraps a prepared SQLite statement, which the RpStmt then owns. */
RpStmt       *rp_stmt_new_sqlite       (sqlite3_stmt *prepared);
/* Frees a statement of rp_stmt_prepare(); %NULL is ignored. */
void          rp_stmt_finalize         (RpStmt      *stmt);

/* The database's message about the last failure, for a detail in an error. */
const char   *rp_store_errmsg          (RpStore     *store);

G_END_DECLS
