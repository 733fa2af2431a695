/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-test-store.c: the core tests' store, on a file or, with
 * RP_TEST_BACKEND=team, on a database of the throwaway PostgreSQL cluster */

#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-test-store.h"

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

/* One database per file path, set up the first time the path is opened;
 * every test opens it as one staff login. */
static RpStore *
open_team_twin (const char        *path,
                RpStoreOpenFlags   flags,
                GError           **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, absolute, -1);
  g_autofree char *database = g_strdup_printf ("rpt_%.16s", digest);
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

gboolean
rp_test_backend_is_team (void)
{
  return g_strcmp0 (g_getenv ("RP_TEST_BACKEND"), "team") == 0;
}
