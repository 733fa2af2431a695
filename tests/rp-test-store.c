/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-test-store.c: the core tests' store, on a file or, with
 * RP_TEST_BACKEND=team, on a database of the throwaway PostgreSQL cluster */

#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "store/rp-stmt.h"

#ifdef RP_HAVE_LIBPQ
#include <libpq-fe.h>

#define TEST_PREFIX "rptest_"
#define TEST_LOGIN  TEST_PREFIX "login"

static void
exec_or_die (PGconn     *conn,
             const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
}

static char *
twin_name (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, absolute, -1);

  return g_strdup_printf ("rpt_%.16s", digest);
}

/* One database per file path, set up the first time the path is opened;
 * every test opens it as one staff login. */
static RpStore *
open_team_twin (const char        *path,
                RpStoreOpenFlags   flags,
                GError           **error)
{
  g_autofree char *database = twin_name (path);
  g_autofree char *location = g_strdup_printf ("dbname=%s user=" TEST_LOGIN, database);
  const char *params[] = { database };
  PGconn *admin;
  PGresult *exists;
  gboolean made;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & RP_STORE_OPEN_CREATE) || (flags & RP_STORE_OPEN_READ_ONLY))
        {
          g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND, "The database “%s” does not exist.", path);
          return NULL;
        }
      /* The file stands for the database, so that a test sees it exist. */
      if (!g_file_set_contents (path, "", 0, error))
        return NULL;
    }

  admin = PQconnectdb ("dbname=postgres");
  if (PQstatus (admin) != CONNECTION_OK)
    g_error ("RP_TEST_BACKEND=team needs the throwaway cluster: %s", PQerrorMessage (admin));
  exec_or_die (admin, "SET client_min_messages = warning");
  exists = PQexecParams (admin, "SELECT 1 FROM pg_database WHERE datname = $1", 1, NULL, params, NULL, NULL, 0);
  made = PQntuples (exists) > 0;
  PQclear (exists);

  if (!made)
    {
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", database);
      g_autofree char *conninfo = g_strdup_printf ("dbname=%s", database);
      g_autoptr(GError) init_error = NULL;

      exec_or_die (admin, create);
      if (!rp_team_init_with_prefix (conninfo, TEST_PREFIX, &init_error))
        g_error ("team init of %s: %s", database, init_error->message);
      exec_or_die (admin,
                   "DO $$ BEGIN"
                   "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" TEST_LOGIN "') THEN"
                   "    CREATE ROLE " TEST_LOGIN " LOGIN;"
                   "  END IF;"
                   " END $$");
      exec_or_die (admin, "GRANT " TEST_PREFIX "staff TO " TEST_LOGIN);
    }
  PQfinish (admin);

  return rp_store_open (location, flags & RP_STORE_OPEN_READ_ONLY, error);
}
#endif

/**
 * rp_test_open_store:
 *
 * rp_store_open() for the core tests: with RP_TEST_BACKEND=team (and the
 * throwaway cluster's environment), the file @path stands for a database of
 * its own on the cluster, which the same calls then work on.
 */
RpStore *
rp_test_open_store (const char        *path,
                    RpStoreOpenFlags   flags,
                    GError           **error)
{
#ifdef RP_HAVE_LIBPQ
  if (rp_test_backend_is_team () && !rp_store_location_is_team (path))
    return open_team_twin (path, flags, error);
#endif

  return rp_store_open (path, flags, error);
}

/**
 * rp_test_store_location:
 * @path: the file a test opened with rp_test_open_store()
 *
 * Where that store is, for reprovision-cli's `--database`: @path on a file;
 * on the team backend the location of its database on the cluster.
 */
char *
rp_test_store_location (const char *path)
{
#ifdef RP_HAVE_LIBPQ
  if (rp_test_backend_is_team () && !rp_store_location_is_team (path))
    {
      g_autofree char *database = twin_name (path);

      return g_strdup_printf ("dbname=%s user=" TEST_LOGIN, database);
    }
#endif
  return g_strdup (path);
}

/**
 * rp_test_cli_database:
 * @path: a file for reprovision-cli to make, or one it made
 *
 * What to give reprovision-cli's `--database` for @path when the command
 * line, not the test, makes the database (`demo`): @path on a file; on the
 * team backend the location of @path's database on the cluster, made and
 * set up first (empty), as a team's administrator leaves one.
 */
char *
rp_test_cli_database (const char *path)
{
#ifdef RP_HAVE_LIBPQ
  if (rp_test_backend_is_team () && !rp_store_location_is_team (path))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RpStore) store = open_team_twin (path, RP_STORE_OPEN_CREATE, &error);

      g_assert_no_error (error);
    }
#endif
  return rp_test_store_location (path);
}

gboolean
rp_test_backend_is_team (void)
{
  return g_strcmp0 (g_getenv ("RP_TEST_BACKEND"), "team") == 0;
}

/**
 * rp_test_audit_user:
 * @name: the name given to rp_store_set_user()
 *
 * The name the audit trail (and a step's history, an export's record)
 * holds for a change made after rp_store_set_user (@name): @name on a file;
 * on a server the database login, whatever the app was told.
 */
const char *
rp_test_audit_user (const char *name)
{
#ifdef RP_HAVE_LIBPQ
  if (rp_test_backend_is_team ())
    return TEST_LOGIN;
#endif
  return name;
}

/**
 * rp_test_skip_on_team:
 * @reason: why the test case means nothing on a server
 *
 * Skips the running test case on the team backend, saying why.
 *
 * Returns: %TRUE when skipped (the test case then returns).
 */
gboolean
rp_test_skip_on_team (const char *reason)
{
  if (!rp_test_backend_is_team ())
    return FALSE;
  g_test_skip (reason);
  return TRUE;
}

static RpStmt *
prepare_or_fail (RpStore    *store,
                 const char *sql)
{
  RpStmt *stmt = NULL;

  if (rp_stmt_prepare (store, sql, &stmt) != RP_STMT_OK)
    g_error ("%s: %s", sql, rp_store_errmsg (store));
  return stmt;
}

static void
exec_one (RpStore    *store,
          const char *sql)
{
  RpStmt *stmt = prepare_or_fail (store, sql);
  RpStmtResult result;

  while ((result = rp_stmt_step (stmt)) == RP_STMT_ROW)
    ;
  if (result != RP_STMT_DONE)
    g_error ("%s: %s", sql, rp_store_errmsg (store));
  rp_stmt_finalize (stmt);
}

/* Runs @sql, which may hold several statements separated by `;` (outside
 * quotes), as sqlite3_exec() does on a file. */
void
rp_test_exec (RpStore    *store,
              const char *sql)
{
  g_autoptr(GString) one = g_string_new (NULL);
  gboolean quoted = FALSE;

  if (!rp_test_backend_is_team ())
    {
      char *message = NULL;

      if (sqlite3_exec (rp_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", sql, message);
      return;
    }

  for (const char *p = sql; ; p++)
    {
      if (*p == '\'')
        quoted = !quoted;
      if (*p == '\0' || (*p == ';' && !quoted))
        {
          g_strstrip (one->str);
          if (one->str[0] != '\0')
            exec_one (store, one->str);
          g_string_truncate (one, 0);
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (one, *p);
    }
}

gboolean
rp_test_try_exec (RpStore    *store,
                  const char *sql)
{
  RpStmt *stmt = NULL;
  RpStmtResult result;

  if (rp_stmt_prepare (store, sql, &stmt) != RP_STMT_OK)
    return FALSE;
  while ((result = rp_stmt_step (stmt)) == RP_STMT_ROW)
    ;
  rp_stmt_finalize (stmt);
  return result == RP_STMT_DONE;
}

gint64
rp_test_query_int (RpStore    *store,
                   const char *sql)
{
  RpStmt *stmt = prepare_or_fail (store, sql);
  RpStmtResult result = rp_stmt_step (stmt);
  gint64 value = 0;

  if (result == RP_STMT_ROW)
    value = rp_stmt_column_int64 (stmt, 0);
  else if (result != RP_STMT_DONE)
    g_error ("%s: %s", sql, rp_store_errmsg (store));
  rp_stmt_finalize (stmt);
  return value;
}

char *
rp_test_query_text (RpStore    *store,
                    const char *sql)
{
  RpStmt *stmt = prepare_or_fail (store, sql);
  RpStmtResult result = rp_stmt_step (stmt);
  char *value = NULL;

  if (result == RP_STMT_ROW)
    value = g_strdup (rp_stmt_column_text (stmt, 0));
  else if (result != RP_STMT_DONE)
    g_error ("%s: %s", sql, rp_store_errmsg (store));
  rp_stmt_finalize (stmt);
  return value;
}
