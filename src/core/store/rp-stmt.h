/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-stmt.h: the statement seam: the domain's SQL runs through these calls,
 * never through the database library's own, so that a second backend
 * (PostgreSQL through libpq, issue 18) can sit behind the same calls.
 *
 * Today SQLite is the only backend and the seam costs nothing: an RpStmt is
 * the sqlite3_stmt itself behind an opaque type, and the calls below are
 * static inline casts onto sqlite3_*.
 *
 * How each call maps to libpq when that backend comes (RpStmt then becomes a
 * small struct with a pointer to its backend's table of these functions, and
 * the inline functions here dispatch through it):
 *
 * - prepare (store_prepare(), rp_stmt_prepare()): the SQL's `?N` and `?`
 *   become `$N` (a bare `?` takes the next number, as in SQLite), and the
 *   statement is made once per connection with PQprepare() under a name
 *   derived from the SQL; rp_stmt_finalize() sends DEALLOCATE for a
 *   one-off statement. The SQL itself stays portable: what SQLite alone
 *   understands lives in rp-store-schema.c and is given a PostgreSQL twin
 *   there.
 * - bind_int64/int/text: kept in the statement as text parameters
 *   (g_strdup_printf ("%" G_GINT64_FORMAT) for numbers, a copy of the text),
 *   sent as paramValues with paramFormats 0 by the first step; bind_null
 *   keeps a NULL paramValue. Binding a NULL text is binding NULL.
 * - step: the first step after a reset calls PQexecPrepared() and keeps the
 *   PGresult; PGRES_TUPLES_OK with rows answers RP_STMT_ROW for row 0 and
 *   each later step walks to the next row, RP_STMT_DONE after the last;
 *   PGRES_COMMAND_OK answers RP_STMT_DONE; anything else is RP_STMT_ERROR
 *   with the result's message and SQLSTATE kept for the store's error
 *   mapping (set_error_from_db(), store_error_is_duplicate_key() reads
 *   SQLSTATE 23505).
 * - reset: PQclear() of the result and back to before the first row; the
 *   binds are kept, as in SQLite (store_prepare() clears them when it hands
 *   a cached statement out again).
 * - column_int64/int: g_ascii_strtoll() of PQgetvalue(); column_text:
 *   PQgetvalue(), valid until the next step or reset as in SQLite;
 *   column_is_null: PQgetisnull(). A NULL reads as 0 or a NULL string, as
 *   SQLite does. Columns are numbered from 0 in both.
 * - rp_stmt_dup_column_bytes(): PQunescapeBytea() of a bytea column.
 * - store_changes(): atoi (PQcmdTuples()) of the last command's result.
 * - store_last_insert_id(): `SELECT lastval()` on the same connection, right
 *   after the INSERT (every audited table has a serial id).
 * - rp_store_errmsg(): the last result's PQresultErrorMessage(), or
 *   PQerrorMessage() of the connection.
 * - Not statements, but on the same path: store_checkpoint() is nothing on
 *   a server (its WAL is the server's); rp_store_vacuum() runs only on an
 *   erasure's file copy; count_query() reads how many parameters a
 *   statement takes, PQdescribePrepared() and PQnparams() there.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "rp-store.h"

G_BEGIN_DECLS

typedef struct _RpStmt RpStmt;

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

#define RP_STMT_SQLITE(stmt) ((sqlite3_stmt *) (stmt))

/* Parameters are numbered from 1, as `?1` in the SQL. */
static inline void
rp_stmt_bind_int64 (RpStmt *stmt,
                    int     index,
                    gint64  value)
{
  sqlite3_bind_int64 (RP_STMT_SQLITE (stmt), index, value);
}

static inline void
rp_stmt_bind_int (RpStmt *stmt,
                  int     index,
                  int     value)
{
  sqlite3_bind_int (RP_STMT_SQLITE (stmt), index, value);
}

/* The text is copied; %NULL binds NULL. */
static inline void
rp_stmt_bind_text (RpStmt     *stmt,
                   int         index,
                   const char *text)
{
  sqlite3_bind_text (RP_STMT_SQLITE (stmt), index, text, -1, SQLITE_TRANSIENT);
}

static inline void
rp_stmt_bind_null (RpStmt *stmt,
                   int     index)
{
  sqlite3_bind_null (RP_STMT_SQLITE (stmt), index);
}

static inline RpStmtResult
rp_stmt_step (RpStmt *stmt)
{
  int rc = sqlite3_step (RP_STMT_SQLITE (stmt));

  return G_LIKELY (rc == SQLITE_ROW || rc == SQLITE_DONE) ? (RpStmtResult) rc : RP_STMT_ERROR;
}

/* Back to before the first row, keeping the binds. */
static inline void
rp_stmt_reset (RpStmt *stmt)
{
  sqlite3_reset (RP_STMT_SQLITE (stmt));
}

/* Columns are numbered from 0. A NULL reads as 0. */
static inline gint64
rp_stmt_column_int64 (RpStmt *stmt,
                      int     column)
{
  return sqlite3_column_int64 (RP_STMT_SQLITE (stmt), column);
}

static inline int
rp_stmt_column_int (RpStmt *stmt,
                    int     column)
{
  return sqlite3_column_int (RP_STMT_SQLITE (stmt), column);
}

/* Valid until the next step or reset; %NULL for a NULL. */
static inline const char *
rp_stmt_column_text (RpStmt *stmt,
                     int     column)
{
  return (const char *) sqlite3_column_text (RP_STMT_SQLITE (stmt), column);
}

static inline gboolean
rp_stmt_column_is_null (RpStmt *stmt,
                        int     column)
{
  return sqlite3_column_type (RP_STMT_SQLITE (stmt), column) == SQLITE_NULL;
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
/* Frees a statement of rp_stmt_prepare(); %NULL is ignored. */
void          rp_stmt_finalize         (RpStmt      *stmt);

/* The database's message about the last failure, for a detail in an error. */
const char   *rp_store_errmsg          (RpStore     *store);

G_END_DECLS
