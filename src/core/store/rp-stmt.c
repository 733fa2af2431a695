/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-stmt.c: the statement seam's calls that are not inline: one-off
 * statements, blobs, and what the connection knows of the last statement */

#include "config.h"

#include "rp-stmt.h"
#include "rp-store-internal.h"

GBytes *
rp_stmt_dup_column_bytes (RpStmt *stmt,
                          int     column)
{
  const void *data;

  if (!RP_STMT_IS_SQLITE (stmt))
    return stmt->backend->column_bytes (stmt, column);

  data = sqlite3_column_blob (stmt->sqlite, column);
  /* The length is read after the blob: that is the order SQLite documents. */
  return g_bytes_new (data, sqlite3_column_bytes (stmt->sqlite, column));
}

RpStmtResult
rp_stmt_prepare (RpStore     *store,
                 const char  *sql,
                 RpStmt     **stmt)
{
  sqlite3_stmt *prepared = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), RP_STMT_ERROR);
  g_return_val_if_fail (sql != NULL, RP_STMT_ERROR);
  g_return_val_if_fail (stmt != NULL, RP_STMT_ERROR);

  if (store->team != NULL)
    {
      *stmt = store_team_prepare (store, sql, NULL);
      return *stmt != NULL ? RP_STMT_OK : RP_STMT_ERROR;
    }

  if (sqlite3_prepare_v2 (store->db, sql, -1, &prepared, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (prepared);
      *stmt = NULL;
      return RP_STMT_ERROR;
    }

  *stmt = rp_stmt_new_sqlite (prepared);
  return RP_STMT_OK;
}

/* Wraps a prepared SQLite statement, which the RpStmt then owns. */
RpStmt *
rp_stmt_new_sqlite (sqlite3_stmt *prepared)
{
  RpStmt *stmt = g_new0 (RpStmt, 1);

  stmt->sqlite = prepared;
  return stmt;
}

void
rp_stmt_finalize (RpStmt *stmt)
{
  if (stmt == NULL)
    return;

  if (!RP_STMT_IS_SQLITE (stmt))
    {
      stmt->backend->finalize (stmt);
      return;
    }

  sqlite3_finalize (stmt->sqlite);
  g_free (stmt);
}

const char *
rp_store_errmsg (RpStore *store)
{
  g_return_val_if_fail (RP_IS_STORE (store), "");

  if (store->team != NULL)
    return store_team_errmsg (store);

  return sqlite3_errmsg (store->db);
}

/**
 * store_changes:
 *
 * Returns: how many rows the last INSERT, UPDATE or DELETE changed
 */
int
store_changes (RpStore *self)
{
  if (self->team != NULL)
    return store_team_changes (self);

  return sqlite3_changes (self->db);
}

/**
 * store_last_insert_id:
 *
 * Returns: the id of the row the last INSERT added
 */
gint64
store_last_insert_id (RpStore *self)
{
  if (self->team != NULL)
    return store_team_last_insert_id (self);

  return sqlite3_last_insert_rowid (self->db);
}

/* The last failure was a second row with the same primary key. */
gboolean
store_error_is_duplicate_key (RpStore *self)
{
  if (self->team != NULL)
    return store_team_error_is_duplicate_key (self);

  return sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_PRIMARYKEY;
}
