/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-copy.c: a whole programme database, with its history and audit trail, copied from a file to a team database and back */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "rp-check.h"
#include "rp-error.h"
#include "rp-error-private.h"
#include "rp-output-file.h"
#include "rp-store-private.h"
#include "rp-team-copy.h"
#include "rp-team-private.h"
#include "rp-validate.h"

/*
 * A copy moves every table of the file's schema, row by row with its id, in
 * one transaction on each side: the audit trail and the step history come
 * over as they are, so the audit triggers and the step-history triggers are
 * off while the rows go in (they would record the copy as new changes, or
 * move the current step), and only the copy itself is noted, once. The
 * tables and their columns are read from both schemas and matched by name;
 * the order follows the file's foreign keys. Values are converted by the
 * team column's type: flags 0/1 and boolean, dates YYYY-MM-DD, times of day
 * HH:MM, moments as the file writes them (strftime '%Y-%m-%dT%H:%M:%fZ'),
 * blobs and bytea.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* How much of a COPY is gathered before it is sent. */
#define COPY_CHUNK (256 * 1024)

/* The team's own tables, which no file has. */
#define TEAM_ONLY_TABLES "'schema_version', 'team_setting', 'erasure_under_way'"

typedef struct
{
  char      *name;
  GPtrArray *columns;     /* (element-type utf8): in the file's order */
  GPtrArray *file_types;  /* (element-type utf8): each column's declared type in the file, upper case */
  GPtrArray *team_types;  /* (element-type utf8): its data_type on the server */
  GPtrArray *references;  /* (element-type utf8): the tables its foreign keys name */
  gboolean   identity;    /* the team's id is an identity */
  gboolean   autoincrement;  /* the file's id never gives an id out twice (sqlite_sequence) */
} CopyTable;

static void
copy_table_free (CopyTable *table)
{
  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->file_types);
  g_ptr_array_unref (table->team_types);
  g_ptr_array_unref (table->references);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CopyTable, copy_table_free)

/**
 * rp_team_copy_summary_clear:
 *
 * Frees what a #RpTeamCopySummary holds, and empties it.
 */
void
rp_team_copy_summary_clear (RpTeamCopySummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_clear_pointer (&summary->programmes, g_strfreev);
  g_clear_pointer (&summary->target, g_free);
  summary->attendees = 0;
  summary->audit_entries = 0;
}

static char *
quote_name (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* Errors ------------------------------------------------------------------ */

static gboolean
set_sqlite_error (GError  **error,
                  sqlite3  *db)
{
  rp_error_set_from_sqlite (error, sqlite3_extended_errcode (db), sqlite3_errmsg (db));
  return FALSE;
}

/* A statement the server refused: permission is said for what a copy needs. */
static gboolean
set_pg_error (GError    **error,
              PGconn     *conn,
              PGresult   *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  if (g_strcmp0 (state, "42501") == 0)
    {
      g_autofree char *user = rp_quote_value (PQuser (conn) != NULL ? PQuser (conn) : "");
      const char *detail = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);

      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION,
                   _("The account “%s” may not do this on the team database. Copy with the account that set it up "
                     "(“team init”), or ask the database administrator. Nothing was copied. (%s)"),
                   user, detail != NULL ? detail : "");
      return FALSE;
    }

  rp_team_set_result_error (error, conn, result);
  return FALSE;
}

static gboolean
pg_exec (PGconn      *conn,
         const char  *sql,
         GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    return set_pg_error (error, conn, result);
  return TRUE;
}

static PGresult *
pg_query (PGconn      *conn,
          const char  *sql,
          GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      set_pg_error (error, conn, result);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/* The team database must be set up at this version. */
static gboolean
check_team_version (PGconn      *conn,
                    GError     **error)
{
  int version = 0;

  if (!rp_team_read_version (conn, &version, error))
    return FALSE;

  if (version == 0)
    {
      /* As rp_store_open() says of a database not set up. */
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                           _("This database is not set up as a team database yet. Set it up first with "
                             "“reprovision-cli team init”. Nothing was copied."));
      return FALSE;
    }
  if (version > RP_TEAM_SCHEMA_VERSION)
    {
      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEWER_VERSION,
                   _("This team database was set up by a newer version of Reprovision (its version %d; this one knows up to %d). "
                     "Update Reprovision; nothing was copied."),
                   version, RP_TEAM_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < RP_TEAM_SCHEMA_VERSION)
    {
      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID,
                   _("This team database was set up by an older version of Reprovision. Update it first with "
                     "“reprovision-cli team init”. Nothing was copied."));
      return FALSE;
    }

  return TRUE;
}

/* The file ---------------------------------------------------------------- */

static gboolean
sqlite_int (sqlite3     *db,
            const char  *sql,
            gint64      *value,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, db);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (error, db);
  return TRUE;
}

static gboolean
sqlite_exec (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (error, db);
  return TRUE;
}

/* A Reprovision file of exactly the version the team schema follows. */
static gboolean
check_file_version (sqlite3     *db,
                    const char  *path,
                    GError     **error)
{
  gint64 application_id = 0;
  gint64 version = 0;

  if (!sqlite_int (db, "SELECT application_id FROM pragma_application_id", &application_id, error) ||
      !sqlite_int (db, "SELECT user_version FROM pragma_user_version", &version, error))
    return FALSE;

  if (application_id != RP_STORE_APPLICATION_ID)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                   _("“%s” is not a Reprovision database. Nothing was copied."), path);
      return FALSE;
    }
  if (version > RP_TEAM_FILE_SCHEMA_VERSION)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer Reprovision than this one. Update Reprovision to copy it. Nothing was copied."),
                   path);
      return FALSE;
    }
  if (version < RP_TEAM_FILE_SCHEMA_VERSION)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                   _("“%s” was saved by an older version of Reprovision. Open this file in Reprovision first to update it, "
                     "then copy it. Nothing was copied."),
                   path);
      return FALSE;
    }

  return TRUE;
}

/* Every table of the file with its columns and the tables it refers to, in
 * the order sqlite_master keeps them (the order they were made in). */
static GPtrArray *
read_file_tables (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) copy_table_free);
  sqlite3_stmt *list = NULL;
  sqlite3_stmt *columns = NULL;
  sqlite3_stmt *references = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name, sql LIKE '%AUTOINCREMENT%' FROM sqlite_master"
                              " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                              " ORDER BY rowid", -1, &list, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT name, upper (type) FROM pragma_table_info (?) ORDER BY cid", -1, &columns, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list (?)", -1, &references, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, db);
      goto out;
    }

  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      CopyTable *table = g_new0 (CopyTable, 1);

      table->name = g_strdup ((const char *) sqlite3_column_text (list, 0));
      table->autoincrement = sqlite3_column_int (list, 1);
      table->columns = g_ptr_array_new_with_free_func (g_free);
      table->file_types = g_ptr_array_new_with_free_func (g_free);
      table->team_types = g_ptr_array_new_with_free_func (g_free);
      table->references = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (tables, table);

      sqlite3_bind_text (columns, 1, table->name, -1, SQLITE_STATIC);
      while (sqlite3_step (columns) == SQLITE_ROW)
        {
          g_ptr_array_add (table->columns, g_strdup ((const char *) sqlite3_column_text (columns, 0)));
          g_ptr_array_add (table->file_types, g_strdup ((const char *) sqlite3_column_text (columns, 1)));
        }
      sqlite3_reset (columns);

      sqlite3_bind_text (references, 1, table->name, -1, SQLITE_STATIC);
      while (sqlite3_step (references) == SQLITE_ROW)
        g_ptr_array_add (table->references, g_strdup ((const char *) sqlite3_column_text (references, 0)));
      sqlite3_reset (references);
    }

  if (rc != SQLITE_DONE)
    set_sqlite_error (error, db);

out:
  sqlite3_finalize (list);
  sqlite3_finalize (columns);
  sqlite3_finalize (references);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&tables);
}

/* The plan --------------------------------------------------------------- */

/* Referenced tables first; among equals, the file's order. */
static GPtrArray *
order_by_references (GPtrArray  *tables,
                     GError    **error)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) copy_table_free);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);

  while (tables->len > 0)
    {
      gboolean progress = FALSE;

      for (guint i = 0; i < tables->len; i++)
        {
          CopyTable *table = g_ptr_array_index (tables, i);
          gboolean ready = TRUE;

          for (guint r = 0; r < table->references->len && ready; r++)
            {
              const char *other = g_ptr_array_index (table->references, r);

              ready = g_str_equal (other, table->name) || g_hash_table_contains (placed, other);
            }
          if (!ready)
            continue;

          g_hash_table_add (placed, table->name);
          g_ptr_array_add (ordered, g_ptr_array_steal_index (tables, i));
          progress = TRUE;
          break;
        }

      if (!progress)
        {
          CopyTable *table = g_ptr_array_index (tables, 0);

          g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_FAILED,
                       _("The table “%s” refers to a table the file does not have, so it cannot be copied. Nothing was copied."),
                       table->name);
          return NULL;
        }
    }

  return g_steal_pointer (&ordered);
}

static CopyTable *
find_table (GPtrArray  *tables,
            const char *name)
{
  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);

      if (g_str_equal (table->name, name))
        return table;
    }
  return NULL;
}

/* Matches the file's tables and columns with the team's, by name: any that
 * one side has and the other has not stops the copy before it starts. */
static GPtrArray *
plan_tables (sqlite3  *db,
             PGconn   *conn,
             GError  **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GHashTable) team_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(tables = read_file_tables (db, error)))
    return NULL;

  result = pg_query (conn,
                     "SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns"
                     " WHERE table_schema = 'reprovision' AND table_name NOT IN (" TEAM_ONLY_TABLES ")"
                     " ORDER BY table_name, ordinal_position",
                     error);
  if (result == NULL)
    return NULL;

  for (int row = 0; row < PQntuples (result); row++)
    {
      const char *table_name = PQgetvalue (result, row, 0);
      const char *column = PQgetvalue (result, row, 1);
      CopyTable *table = find_table (tables, table_name);
      g_autofree char *qualified = g_strconcat (table_name, ".", column, NULL);
      guint index;

      g_hash_table_add (team_tables, g_strdup (table_name));
      if (table == NULL)
        {
          g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_FAILED,
                       _("The team database has a table “%s” that the file does not have: they were made by different "
                         "versions of Reprovision. Nothing was copied."), table_name);
          return NULL;
        }
      if (!g_ptr_array_find_with_equal_func (table->columns, column, g_str_equal, &index))
        {
          g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_FAILED,
                       _("The team database has a column “%s” that the file does not have: they were made by different "
                         "versions of Reprovision. Nothing was copied."), qualified);
          return NULL;
        }
      /* Filled in the file's column order below. */
      if (table->team_types->len == 0)
        for (guint c = 0; c < table->columns->len; c++)
          g_ptr_array_add (table->team_types, NULL);
      g_free (g_ptr_array_index (table->team_types, index));
      g_ptr_array_index (table->team_types, index) = g_strdup (PQgetvalue (result, row, 2));
      if (g_str_equal (column, "id") && g_str_equal (PQgetvalue (result, row, 3), "YES"))
        table->identity = TRUE;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);

      if (!g_hash_table_contains (team_tables, table->name))
        {
          g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_FAILED,
                       _("The file has a table “%s” that the team database does not have: they were made by different "
                         "versions of Reprovision. Nothing was copied."), table->name);
          return NULL;
        }
      for (guint c = 0; c < table->columns->len; c++)
        if (g_ptr_array_index (table->team_types, c) == NULL)
          {
            g_autofree char *qualified = g_strconcat (table->name, ".", (char *) g_ptr_array_index (table->columns, c), NULL);

            g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_FAILED,
                         _("The file has a column “%s” that the team database does not have: they were made by different "
                           "versions of Reprovision. Nothing was copied."), qualified);
            return NULL;
          }
    }

  return order_by_references (tables, error);
}

static char *
column_list (CopyTable *table)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint c = 0; c < table->columns->len; c++)
    {
      g_autofree char *quoted = quote_name (g_ptr_array_index (table->columns, c));

      g_string_append_printf (list, "%s%s", c > 0 ? ", " : "", quoted);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static char **
read_programme_names (sqlite3  *db,
                      GError  **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM programme ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, db);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, db);
      return NULL;
    }
  return g_strv_builder_end (names);
}

/* File → team ------------------------------------------------------------- */

/* One value in COPY's text format. */
static void
append_copy_value (GString       *line,
                   sqlite3_stmt  *stmt,
                   int            column)
{
  static const char hex[] = "0123456789abcdef";

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (line, "\\N");
      break;

    case SQLITE_BLOB:
      {
        const guchar *bytes = sqlite3_column_blob (stmt, column);
        int length = sqlite3_column_bytes (stmt, column);

        /* bytea's hex input, its backslash escaped for COPY. */
        g_string_append (line, "\\\\x");
        for (int i = 0; i < length; i++)
          {
            g_string_append_c (line, hex[bytes[i] >> 4]);
            g_string_append_c (line, hex[bytes[i] & 0xf]);
          }
      }
      break;

    default:
      for (const char *p = (const char *) sqlite3_column_text (stmt, column); *p != '\0'; p++)
        switch (*p)
          {
          case '\\': g_string_append (line, "\\\\"); break;
          case '\n': g_string_append (line, "\\n"); break;
          case '\r': g_string_append (line, "\\r"); break;
          case '\t': g_string_append (line, "\\t"); break;
          default: g_string_append_c (line, *p); break;
          }
      break;
    }
}

static gboolean
copy_rows_to_team (sqlite3    *db,
                   PGconn     *conn,
                   CopyTable  *table,
                   guint64    *n_rows,
                   GError    **error)
{
  g_autofree char *columns = column_list (table);
  g_autofree char *quoted = quote_name (table->name);
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM %s", columns, quoted);
  g_autofree char *copy = g_strdup_printf ("COPY %s (%s) FROM STDIN", quoted, columns);
  g_autoptr(GString) buffer = g_string_sized_new (COPY_CHUNK + 4096);
  g_autoptr(PGresult) started = NULL;
  PGresult *result;
  sqlite3_stmt *stmt = NULL;
  gboolean sent = TRUE;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  *n_rows = 0;
  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, db);

  started = PQexec (conn, copy);
  if (PQresultStatus (started) != PGRES_COPY_IN)
    {
      sqlite3_finalize (stmt);
      return set_pg_error (error, conn, started);
    }

  while (sent && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint c = 0; c < table->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (buffer, '\t');
          append_copy_value (buffer, stmt, c);
        }
      g_string_append_c (buffer, '\n');
      (*n_rows)++;

      if (buffer->len >= COPY_CHUNK)
        {
          sent = PQputCopyData (conn, buffer->str, buffer->len) == 1;
          g_string_truncate (buffer, 0);
        }
    }
  if (sent && buffer->len > 0)
    sent = PQputCopyData (conn, buffer->str, buffer->len) == 1;

  if (!sent || rc != SQLITE_DONE)
    {
      /* The server throws away what it has of this COPY. */
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        set_sqlite_error (error, db);
      PQputCopyEnd (conn, _("The file could not be read."));
      ok = FALSE;
    }
  else if (PQputCopyEnd (conn, NULL) != 1)
    ok = FALSE;
  sqlite3_finalize (stmt);

  while ((result = PQgetResult (conn)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK && (error == NULL || *error == NULL))
        {
          set_pg_error (error, conn, result);
          ok = FALSE;
        }
      PQclear (result);
    }

  if (!ok && error != NULL && *error == NULL)
    rp_team_set_result_error (error, conn, NULL);
  if (!ok)
    g_prefix_error (error, _("The table “%s” could not be copied: "), table->name);

  return ok;
}

static gboolean
set_triggers (PGconn      *conn,
              GPtrArray   *tables,
              gboolean     enabled,
              GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);
      g_autofree char *quoted = quote_name (table->name);

      g_string_append_printf (sql, "ALTER TABLE %s %s TRIGGER USER;", quoted, enabled ? "ENABLE" : "DISABLE");
    }
  return pg_exec (conn, sql->str, error);
}

/* A copy goes only into a team database that holds nothing yet: ids are kept. */
static gboolean
check_team_empty (PGconn     *conn,
                  GPtrArray  *tables,
                  GError    **error)
{
  /* The programme first: what people will recognise. */
  for (guint n = 0; n <= tables->len; n++)
    {
      CopyTable *table = n == 0 ? find_table (tables, "programme") : g_ptr_array_index (tables, n - 1);
      g_autofree char *quoted = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(PGresult) result = NULL;

      if (table == NULL)
        continue;
      quoted = quote_name (table->name);
      sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 1", quoted);
      if (!(result = pg_query (conn, sql, error)))
        return FALSE;
      if (PQntuples (result) == 0)
        continue;

      if (g_str_equal (table->name, "programme"))
        g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NOT_EMPTY,
                             _("The team database already holds a programme; nothing was copied."));
      else
        g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NOT_EMPTY,
                     _("The team database already holds records (in “%s”); nothing was copied."), table->name);
      return FALSE;
    }
  return TRUE;
}

/* Each identity goes past the largest id the file has given out, so the
 * team never gives out an id the file's audit trail knows. */
static gboolean
set_identities (sqlite3    *db,
                PGconn     *conn,
                GPtrArray  *tables,
                GError    **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT coalesce (max (seq), 0) FROM sqlite_sequence WHERE name = ?", -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, db);

  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);
      g_autofree char *quoted = quote_name (table->name);
      g_autofree char *literal = NULL;
      gint64 seq = 0;

      if (!table->identity)
        continue;

      sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        seq = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      literal = g_strdup_printf ("reprovision.%s", quoted);
      g_string_append_printf (sql,
                              "SELECT CASE WHEN v > 0 THEN setval (s, v) ELSE setval (s, 1, false) END"
                              "  FROM (SELECT pg_get_serial_sequence ($q$%s$q$, 'id') AS s,"
                              "               greatest (%" G_GINT64_FORMAT ", coalesce (max (id), 0)) AS v FROM %s) q;",
                              literal, seq, quoted);
    }
  sqlite3_finalize (stmt);

  return pg_exec (conn, sql->str, error);
}

static gboolean
become_team_owner (PGconn     *conn,
                   GError    **error)
{
  g_autoptr(PGresult) prefix = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;

  if (!(prefix = pg_query (conn, "SELECT value FROM reprovision.team_setting WHERE name = 'role_prefix'", error)))
    return FALSE;
  owner = g_strconcat (PQntuples (prefix) > 0 ? PQgetvalue (prefix, 0, 0) : RP_TEAM_DEFAULT_ROLE_PREFIX, "owner", NULL);
  quoted = quote_name (owner);
  sql = g_strdup_printf ("SET LOCAL ROLE %s", quoted);
  return pg_exec (conn, sql, error);
}

static gboolean
copy_to_team_in_transaction (sqlite3            *db,
                             PGconn             *conn,
                             const char         *path,
                             RpTeamCopySummary  *summary,
                             GError            **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *note = NULL;
  char *escaped;

  /* The owner's rights (tables, triggers, sequences); the audit note still
   * names the login, which SET ROLE does not change. */
  /* A session left open in a transaction would otherwise keep the copy
   * waiting for its locks without a word. */
  if (!become_team_owner (conn, error) ||
      !pg_exec (conn, "SET LOCAL search_path = reprovision, pg_temp; SET LOCAL lock_timeout = '30s'", error) ||
      !(tables = plan_tables (db, conn, error)) ||
      !set_triggers (conn, tables, FALSE, error) ||
      !check_team_empty (conn, tables, error))
    return FALSE;

  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);
      guint64 n_rows = 0;

      if (!copy_rows_to_team (db, conn, table, &n_rows, error))
        return FALSE;
      if (g_str_equal (table->name, "attendee"))
        summary->attendees = n_rows;
      else if (g_str_equal (table->name, "audit"))
        summary->audit_entries = n_rows;
    }

  escaped = PQescapeLiteral (conn, basename, strlen (basename));
  note = g_strdup_printf ("SELECT rp_audit_note ('database', 0, 'restore', 'copy-from-file', %s)", escaped);
  PQfreemem (escaped);

  /* The names' words are the core's to fold, not the file's to say. */
  return rp_team_refresh_name_words (conn, error) &&
         set_triggers (conn, tables, TRUE, error) &&
         set_identities (db, conn, tables, error) &&
         pg_exec (conn, note, error);
}

static char *
describe_team (PGconn *conn)
{
  g_autofree char *database = rp_quote_value (PQdb (conn) != NULL ? PQdb (conn) : "");
  g_autofree char *host = rp_quote_value (PQhost (conn));

  /* A socket directory says nothing to a person. */
  if (host[0] == '\0' || host[0] == '/')
    return g_strdup_printf (_("the team database “%s”"), database);
  return g_strdup_printf (_("the team database “%s” on %s"), database, host);
}

/**
 * rp_team_copy_file_to_team:
 * @path: a Reprovision database file of the version the team schema follows
 * @conninfo: a team database set up with rp_team_init() that holds nothing
 *   yet; the login must be able to act as its owner role (the account that
 *   set it up can)
 * @summary: (out caller-allocates) (optional): what was copied; clear it
 *   with rp_team_copy_summary_clear()
 * @error: why nothing was copied
 *
 * Copies every programme of @path, with its step history, audit trail and
 * export history, into the team database, each record with its id, as one
 * transaction: all of it or nothing. The copy is noted once in the team's
 * audit trail (action "restore", field "copy-from-file", the file's name).
 * The file is only read.
 *
 * Returns: %TRUE if everything was copied
 */
gboolean
rp_team_copy_file_to_team (const char         *path,
                           const char         *conninfo,
                           RpTeamCopySummary  *summary,
                           GError            **error)
{
  g_auto(RpTeamCopySummary) copied = { NULL };
  g_autoptr(PGconn) conn = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (conninfo != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The database “%s” does not exist."), path);
      return FALSE;
    }

  /* Read as one snapshot, changing nothing beside the file. */
  if (!(db = rp_store_open_sqlite_read_only (path, TRUE, error)))
    return FALSE;
  sqlite3_busy_timeout (db, 5000);

  ok = check_file_version (db, path, error) &&
       sqlite_exec (db, "BEGIN", error) &&
       (copied.programmes = read_programme_names (db, error)) != NULL &&
       (conn = rp_team_connect (conninfo, error)) != NULL &&
       PQsetClientEncoding (conn, "UTF8") == 0 &&
       check_team_version (conn, error) &&
       pg_exec (conn, "BEGIN", error);

  if (ok)
    {
      ok = copy_to_team_in_transaction (db, conn, path, &copied, error) &&
           pg_exec (conn, "COMMIT", error);
      if (!ok)
        PQclear (PQexec (conn, "ROLLBACK"));
    }
  else if (conn != NULL && error != NULL && *error == NULL)
    rp_team_set_result_error (error, conn, NULL);

  sqlite3_close_v2 (db);
  if (!ok)
    return FALSE;

  /* The planner's statistics for the rows just copied, so that the first
   * people to open the programme do not wait for the server to gather them
   * (without them, a list of thousands is planned as if it were huge). The
   * copy is committed: a failure here loses nothing, so it is not one. */
  PQclear (PQexec (conn, "ANALYZE"));

  copied.target = describe_team (conn);
  if (summary != NULL)
    {
      *summary = copied;
      memset (&copied, 0, sizeof copied);
    }
  return TRUE;
}

/* Team → file ------------------------------------------------------------- */

/* What the server is asked for each column, so that it reads back as the
 * file writes it. */
static void
append_select_value (GString    *sql,
                     const char *column,
                     const char *team_type)
{
  g_autofree char *quoted = quote_name (column);

  if (g_str_equal (team_type, "boolean"))
    g_string_append_printf (sql, "%s::int", quoted);
  else if (g_str_equal (team_type, "date"))
    g_string_append_printf (sql, "to_char (%s, 'YYYY-MM-DD')", quoted);
  else if (g_str_has_prefix (team_type, "time without"))
    g_string_append_printf (sql, "to_char (%s, 'HH24:MI')", quoted);
  else if (g_str_has_prefix (team_type, "timestamp with"))
    g_string_append_printf (sql, "to_char (%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')", quoted);
  else
    g_string_append (sql, quoted);
}

static gboolean
is_integer_type (const char *file_type)
{
  return file_type != NULL && strstr (file_type, "INT") != NULL;
}

/* The audit trail's values have no type in the file: each takes the one of
 * the column it was, as the file's triggers wrote it. */
typedef struct
{
  GHashTable *types;  /* "table.column" → its declared type in the file */
  int         table_name;
  int         field;
} UntypedRule;

static void
bind_value (sqlite3_stmt      *insert,
            int                parameter,
            PGresult          *row,
            int                column,
            const char        *file_type,
            const char        *team_type,
            const UntypedRule *rule)
{
  const char *value;
  gint64 number;

  if (PQgetisnull (row, 0, column))
    {
      sqlite3_bind_null (insert, parameter);
      return;
    }

  value = PQgetvalue (row, 0, column);

  if (g_str_equal (team_type, "bytea"))
    {
      size_t length = 0;
      guchar *bytes = PQunescapeBytea ((const guchar *) value, &length);

      sqlite3_bind_blob64 (insert, parameter, bytes, length, SQLITE_TRANSIENT);
      PQfreemem (bytes);
      return;
    }

  if (file_type[0] == '\0' && rule->table_name >= 0 && rule->field >= 0 &&
      !PQgetisnull (row, 0, rule->table_name) && !PQgetisnull (row, 0, rule->field))
    {
      g_autofree char *key = g_strconcat (PQgetvalue (row, 0, rule->table_name), ".",
                                          PQgetvalue (row, 0, rule->field), NULL);

      file_type = g_hash_table_lookup (rule->types, key);
    }

  if (is_integer_type (file_type) && g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
    sqlite3_bind_int64 (insert, parameter, number);
  else
    sqlite3_bind_text (insert, parameter, value, -1, SQLITE_TRANSIENT);
}

static gboolean
copy_rows_to_file (PGconn             *conn,
                   sqlite3            *db,
                   CopyTable          *table,
                   GHashTable         *types,
                   guint64            *n_rows,
                   GError            **error)
{
  g_autofree char *columns = column_list (table);
  g_autofree char *quoted = quote_name (table->name);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert_sql = g_string_new (NULL);
  UntypedRule rule = { types, -1, -1 };
  sqlite3_stmt *insert = NULL;
  PGresult *result;
  gboolean ok = TRUE;

  *n_rows = 0;
  for (guint c = 0; c < table->columns->len; c++)
    {
      const char *column = g_ptr_array_index (table->columns, c);

      if (c > 0)
        g_string_append (select, ", ");
      append_select_value (select, column, g_ptr_array_index (table->team_types, c));
      if (g_str_equal (column, "table_name"))
        rule.table_name = c;
      else if (g_str_equal (column, "field"))
        rule.field = c;
    }
  g_string_append_printf (select, " FROM %s", quoted);

  g_string_append_printf (insert_sql, "INSERT INTO %s (%s) VALUES (", quoted, columns);
  for (guint c = 0; c < table->columns->len; c++)
    g_string_append (insert_sql, c > 0 ? ", ?" : "?");
  g_string_append_c (insert_sql, ')');
  if (sqlite3_prepare_v2 (db, insert_sql->str, -1, &insert, NULL) != SQLITE_OK)
    return set_sqlite_error (error, db);

  /* Row by row, so a large audit trail is never held whole. */
  if (!PQsendQuery (conn, select->str) || !PQsetSingleRowMode (conn))
    {
      sqlite3_finalize (insert);
      rp_team_set_result_error (error, conn, NULL);
      while ((result = PQgetResult (conn)) != NULL)
        PQclear (result);
      return FALSE;
    }

  while ((result = PQgetResult (conn)) != NULL)
    {
      ExecStatusType status = PQresultStatus (result);

      if (status == PGRES_SINGLE_TUPLE && ok)
        {
          for (guint c = 0; c < table->columns->len; c++)
            bind_value (insert, c + 1, result, c, g_ptr_array_index (table->file_types, c),
                        g_ptr_array_index (table->team_types, c), &rule);
          if (sqlite3_step (insert) != SQLITE_DONE)
            ok = set_sqlite_error (error, db);
          sqlite3_reset (insert);
          sqlite3_clear_bindings (insert);
          (*n_rows)++;
        }
      else if (status != PGRES_SINGLE_TUPLE && status != PGRES_TUPLES_OK && ok)
        ok = set_pg_error (error, conn, result);
      PQclear (result);
    }
  sqlite3_finalize (insert);

  if (!ok)
    g_prefix_error (error, _("The table “%s” could not be copied: "), table->name);
  return ok;
}

/* The file's counters: what the team's identities have given out, or the
 * largest id copied if that is more (or the login may not read them). */
static gboolean
set_sequences (PGconn     *conn,
               sqlite3    *db,
               GPtrArray  *tables,
               GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  sqlite3_stmt *add = NULL;
  sqlite3_stmt *tidy = NULL;
  gboolean ok = TRUE;

  result = pg_query (conn,
                     "SELECT c.table_name, s.last_value FROM information_schema.columns c"
                     "  JOIN pg_sequences s ON format ('%I.%I', s.schemaname, s.sequencename)"
                     "                       = pg_get_serial_sequence (format ('%I.%I', c.table_schema, c.table_name), c.column_name)"
                     " WHERE c.table_schema = 'reprovision' AND c.is_identity = 'YES' AND s.last_value IS NOT NULL",
                     error);
  if (result == NULL)
    return FALSE;

  /* sqlite_sequence has no key: the new row is added, then the one SQLite
   * kept while the rows went in is removed. */
  if (sqlite3_prepare_v2 (db, "INSERT INTO sqlite_sequence (name, seq)"
                              " SELECT ?1, max (?2, coalesce ((SELECT max (seq) FROM sqlite_sequence WHERE name = ?1), 0))",
                              -1, &add, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "DELETE FROM sqlite_sequence WHERE name = ?1"
                              " AND rowid <> (SELECT max (rowid) FROM sqlite_sequence WHERE name = ?1)",
                              -1, &tidy, NULL) != SQLITE_OK)
    ok = set_sqlite_error (error, db);

  for (int row = 0; ok && row < PQntuples (result); row++)
    {
      const char *name = PQgetvalue (result, row, 0);
      CopyTable *table = find_table (tables, name);
      gint64 value = 0;

      if (table == NULL || !table->autoincrement ||
          !g_ascii_string_to_signed (PQgetvalue (result, row, 1), 10, 1, G_MAXINT64, &value, NULL))
        continue;

      sqlite3_bind_text (add, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (add, 2, value);
      sqlite3_bind_text (tidy, 1, name, -1, SQLITE_STATIC);
      if (sqlite3_step (add) != SQLITE_DONE || sqlite3_step (tidy) != SQLITE_DONE)
        ok = set_sqlite_error (error, db);
      sqlite3_reset (add);
      sqlite3_reset (tidy);
    }

  sqlite3_finalize (add);
  sqlite3_finalize (tidy);
  return ok;
}

typedef struct
{
  char *name;
  char *sql;
} SavedTrigger;

static void
saved_trigger_free (SavedTrigger *trigger)
{
  g_free (trigger->name);
  g_free (trigger->sql);
  g_free (trigger);
}

/* The file's triggers, as sqlite_master keeps them, to be put back exactly. */
static GPtrArray *
take_triggers (sqlite3  *db,
               GError  **error)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) saved_trigger_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid", -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, db);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SavedTrigger *trigger = g_new0 (SavedTrigger, 1);

      trigger->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      trigger->sql = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (triggers, trigger);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, db);
      return NULL;
    }

  for (guint i = 0; i < triggers->len; i++)
    {
      SavedTrigger *trigger = g_ptr_array_index (triggers, i);
      g_autofree char *quoted = quote_name (trigger->name);
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", quoted);

      if (!sqlite_exec (db, drop, error))
        return NULL;
    }

  return g_steal_pointer (&triggers);
}

static gboolean
put_back_triggers (sqlite3    *db,
                   GPtrArray  *triggers,
                   GError    **error)
{
  for (guint i = 0; i < triggers->len; i++)
    {
      SavedTrigger *trigger = g_ptr_array_index (triggers, i);

      if (!sqlite_exec (db, trigger->sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
note_copy_in_file (sqlite3     *db,
                   const char  *database,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Under the name the store records this user's changes with. */
  if (sqlite3_prepare_v2 (db, "INSERT INTO audit (user, table_name, record_id, action, field, new_value)"
                              " VALUES (?, 'database', 0, 'restore', 'copy-from-team', ?)", -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (error, db);
  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, database, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, db);
  return TRUE;
}

static gboolean
copy_to_file_in_transaction (PGconn             *conn,
                             sqlite3            *db,
                             RpTeamCopySummary  *summary,
                             GError            **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(tables = plan_tables (db, conn, error)) ||
      !(triggers = take_triggers (db, error)))
    return FALSE;

  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);

      for (guint c = 0; c < table->columns->len; c++)
        g_hash_table_insert (types, g_strconcat (table->name, ".", (char *) g_ptr_array_index (table->columns, c), NULL),
                             g_ptr_array_index (table->file_types, c));
    }

  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);
      guint64 n_rows = 0;

      if (!copy_rows_to_file (conn, db, table, types, &n_rows, error))
        return FALSE;
      if (g_str_equal (table->name, "attendee"))
        summary->attendees = n_rows;
      else if (g_str_equal (table->name, "audit"))
        summary->audit_entries = n_rows;
    }

  return put_back_triggers (db, triggers, error) &&
         set_sequences (conn, db, tables, error) &&
         note_copy_in_file (db, PQdb (conn), error) &&
         (summary->programmes = read_programme_names (db, error)) != NULL;
}

/* Fills the new file at @partial from the team database. */
static gboolean
fill_file (PGconn             *conn,
           const char         *partial,
           RpTeamCopySummary  *summary,
           GError            **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (partial, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      rp_error_set_from_sqlite (error, rc, db != NULL ? sqlite3_errmsg (db) : "");
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_extended_result_codes (db, 1);

  ok = sqlite_exec (db, "PRAGMA foreign_keys = ON", error) &&
       sqlite_exec (db, "PRAGMA synchronous = FULL", error) &&
       sqlite_exec (db, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = copy_to_file_in_transaction (conn, db, summary, error) &&
           sqlite_exec (db, "COMMIT", error);
      if (!ok)
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }

  sqlite3_close_v2 (db);
  return ok;
}

/* The new file is only kept if the database check finds nothing wrong. */
static gboolean
check_copy (const char  *partial,
            GError     **error)
{
  g_autoptr(GPtrArray) findings = rp_check_database (partial, error);
  g_autoptr(GString) problems = g_string_new (NULL);

  if (findings == NULL)
    return FALSE;
  if (rp_check_passed (findings))
    return TRUE;

  for (guint i = 0; i < findings->len; i++)
    {
      RpCheckFinding *finding = g_ptr_array_index (findings, i);

      for (guint p = 0; p < finding->problems->len; p++)
        g_string_append_printf (problems, " %s", (char *) g_ptr_array_index (finding->problems, p));
    }
  g_set_error (error, RP_ERROR, RP_ERROR_CORRUPT,
               _("The copy did not pass the database check, so it was not kept:%s"), problems->str);
  return FALSE;
}

/**
 * rp_team_copy_team_to_file:
 * @conninfo: a team database set up with rp_team_init()
 * @path: a new file: an existing file (or a link) is refused and left as it is
 * @summary: (out caller-allocates) (optional): what was copied; clear it
 *   with rp_team_copy_summary_clear()
 * @error: why no file was made
 *
 * Copies the team database, with its step history, audit trail and export
 * history, into a new Reprovision file readable by its owner only, each
 * record with its id, from one consistent snapshot. The copy is noted once in
 * the new file's audit trail (action "restore", field "copy-from-team", the
 * database's name) and checked with rp_check_database() before it is given
 * its name; a copy that fails any step leaves no file behind.
 *
 * Returns: %TRUE if the file was made
 */
gboolean
rp_team_copy_team_to_file (const char         *conninfo,
                           const char         *path,
                           RpTeamCopySummary  *summary,
                           GError            **error)
{
  g_auto(RpTeamCopySummary) copied = { NULL };
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(RpOutputFile) output = NULL;
  g_autoptr(RpStore) store = NULL;
  GStatBuf info;
  gboolean ok;

  g_return_val_if_fail (conninfo != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A copy never replaces anything: not a file, not a link's target. */
  if (g_lstat (path, &info) == 0)
    {
      if (S_ISLNK (info.st_mode))
        return rp_output_file_check_target (path, error);
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” already exists. A team database is copied only into a new file: choose another name. Nothing was written."),
                   path);
      return FALSE;
    }

  if (!(conn = rp_team_connect (conninfo, error)))
    return FALSE;
  if (PQsetClientEncoding (conn, "UTF8") != 0)
    {
      rp_team_set_result_error (error, conn, NULL);
      return FALSE;
    }
  if (!check_team_version (conn, error))
    return FALSE;

  /* The schema as the store makes it, in a file beside the target that
   * only gets its name once it is complete and checked. */
  if (!(output = rp_output_file_new (path, error)))
    return FALSE;
  store = rp_store_open_at_version (rp_output_file_get_temp_path (output), RP_STORE_OPEN_CREATE,
                                    RP_TEAM_FILE_SCHEMA_VERSION, error);
  if (store == NULL)
    return FALSE;
  g_clear_object (&store);

  /* One snapshot of the team database, read only. */
  if (!pg_exec (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return FALSE;
  ok = pg_exec (conn, "SET LOCAL search_path = reprovision, pg_temp", error) &&
       fill_file (conn, rp_output_file_get_temp_path (output), &copied, error);
  PQclear (PQexec (conn, ok ? "COMMIT" : "ROLLBACK"));
  if (!ok || !check_copy (rp_output_file_get_temp_path (output), error))
    return FALSE;

  /* Someone may have made the file meanwhile. */
  if (g_lstat (path, &info) == 0)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” was made by something else while the copy was written. Choose another name. Nothing was written."),
                   path);
      return FALSE;
    }
  if (!rp_output_file_commit (output, error))
    return FALSE;

  copied.target = g_strdup (path);
  if (summary != NULL)
    {
      *summary = copied;
      memset (&copied, 0, sizeof copied);
    }
  return TRUE;
}
