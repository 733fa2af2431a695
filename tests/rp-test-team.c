/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-test-team.c: the team tests' fixtures on the throwaway PostgreSQL cluster */

#include "config.h"

#include <unistd.h>

#include "rp-team.h"
#include "rp-test-team.h"

gboolean
rp_test_team_available (void)
{
  return g_getenv ("RP_TEAM_TEST_CLUSTER") != NULL && g_getenv ("PGHOST") != NULL;
}

void
rp_test_team_set_up (RpTestTeam *team,
                     const char *name,
                     const char *stem)
{
  /* One count for the whole test program: each test a database of its own. */
  static int counter;
  g_autoptr(PGconn) postgres = NULL;
  g_autofree char *create = NULL;

  team->available = rp_test_team_available ();
  if (!team->available)
    return;

  counter++;
  team->database = g_strdup_printf ("%s_%d_%d", name, (int) getpid (), counter);
  team->prefix = g_strdup_printf ("%s%dn%d_", stem, (int) getpid (), counter);
  team->conninfo = g_strdup_printf ("dbname=%s", team->database);

  postgres = rp_test_team_connect ("postgres", NULL);
  create = g_strdup_printf ("CREATE DATABASE %s", team->database);
  rp_test_team_exec_ok (postgres, create);
  team->admin = rp_test_team_connect (team->database, NULL);
}

/* Waits until no one but @postgres is connected to @database. */
static void
wait_for_close (PGconn     *postgres,
                const char *database)
{
  g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM pg_stat_activity WHERE datname = '%s'", database);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(PGresult) result = PQexec (postgres, count);

      if (PQresultStatus (result) == PGRES_TUPLES_OK && g_str_equal (PQgetvalue (result, 0, 0), "0"))
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

void
rp_test_team_tear_down (RpTestTeam          *team,
                        RpTestTeamDropFlags  flags)
{
  g_autoptr(PGconn) postgres = NULL;
  g_autoptr(PGresult) roles = NULL;
  g_autofree char *drop = NULL;
  g_autofree char *like = NULL;

  if (!team->available)
    return;

  g_clear_pointer (&team->admin, PQfinish);
  postgres = rp_test_team_connect ("postgres", NULL);
  if (flags & RP_TEST_TEAM_DROP_WAIT_FOR_CLOSE)
    wait_for_close (postgres, team->database);
  drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", team->database);
  rp_test_team_exec_ok (postgres, drop);
  if (flags & RP_TEST_TEAM_DROP_PASSWORD_ROLE)
    rp_test_team_exec_ok (postgres, "DROP ROLE IF EXISTS " RP_TEST_TEAM_PASSWORD_ROLE);

  /* Every role the test made starts with its prefix; the logins go before
   * the group roles they are members of. */
  like = g_strdup_printf ("SELECT rolname FROM pg_roles WHERE starts_with (rolname, '%s')"
                          " ORDER BY rolcanlogin DESC", team->prefix);
  roles = PQexec (postgres, like);
  for (int i = 0; i < PQntuples (roles); i++)
    {
      g_autofree char *drop_role = g_strdup_printf ("DROP ROLE \"%s\"", PQgetvalue (roles, i, 0));

      rp_test_team_exec_ok (postgres, drop_role);
    }

  g_clear_pointer (&team->database, g_free);
  g_clear_pointer (&team->prefix, g_free);
  g_clear_pointer (&team->conninfo, g_free);
}

void
rp_test_team_init (RpTestTeam *team)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_team_init_with_prefix (team->conninfo, team->prefix, &error));
  g_assert_no_error (error);
}

char *
rp_test_team_make_login (RpTestTeam *team,
                         const char *name,
                         const char *kind)
{
  char *login = g_strconcat (team->prefix, name, NULL);
  g_autofree char *sql = g_strdup_printf ("CREATE ROLE %s LOGIN IN ROLE %s%s", login, team->prefix, kind);

  rp_test_team_exec_ok (team->admin, sql);
  return login;
}

PGconn *
rp_test_team_connect (const char *database,
                      const char *user)
{
  g_autoptr(GString) conninfo = g_string_new (NULL);
  PGconn *conn;

  g_string_append_printf (conninfo, "dbname='%s'", database);
  if (user != NULL)
    g_string_append_printf (conninfo, " user='%s'", user);
  conn = PQconnectdb (conninfo->str);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("could not connect to %s as %s: %s", database, user ? user : "(default)", PQerrorMessage (conn));
  PQclear (PQexec (conn, "SET client_min_messages = warning"));
  return conn;
}

void
rp_test_team_exec_ok (PGconn     *conn,
                      const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
}

char *
rp_test_team_exec_state (PGconn     *conn,
                         const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return NULL;
  return g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
}

char *
rp_test_team_query_value (PGconn     *conn,
                          const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (PQntuples (result) == 0 || PQgetisnull (result, 0, 0))
    return NULL;
  return g_strdup (PQgetvalue (result, 0, 0));
}

void
rp_test_team_assert_value (PGconn     *conn,
                           const char *sql,
                           const char *expected)
{
  g_autofree char *value = rp_test_team_query_value (conn, sql);

  g_assert_cmpstr (value, ==, expected);
}

void
rp_test_team_assert_state (PGconn     *conn,
                           const char *sql,
                           const char *expected)
{
  g_autofree char *state = rp_test_team_exec_state (conn, sql);

  g_assert_cmpstr (state, ==, expected);
}

void
rp_test_team_assert_refused (PGconn     *conn,
                             const char *sql)
{
  g_autofree char *state = rp_test_team_exec_state (conn, sql);

  g_assert_nonnull (state);
}

gboolean
rp_test_team_run_cluster (const char *script,
                          const char *port,
                          const char *command)
{
  const char *argv[] = { script, command, g_getenv ("RP_FAULTS_CLUSTER"), NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "RP_PG_CLUSTER_PORT", port, TRUE);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("pg-test-cluster.sh %s: %s\n%s\n", command, error->message, err != NULL ? err : "");
      return FALSE;
    }
  return TRUE;
}

char *
rp_test_team_cluster_conninfo (const char *port,
                               const char *database,
                               const char *user)
{
  return g_strdup_printf ("host=%s/socket port=%s dbname=%s user=%s",
                          g_getenv ("RP_FAULTS_CLUSTER"), port, database, user);
}

void
rp_test_team_run_on_own_cluster (const char  *script,
                                 const char  *port,
                                 const char  *stem,
                                 guint        timeout_seconds,
                                 const char  *summary,
                                 void       (*body) (void))
{
  g_autofree char *dir = NULL;
  gboolean started;

  if (g_test_subprocess ())
    {
      body ();
      return;
    }

  if (g_getenv ("RP_TEAM_TEST_CLUSTER") == NULL)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary (summary);

  dir = g_strdup_printf ("/tmp/%s.%d", stem, (int) getpid ());
  g_setenv ("RP_FAULTS_CLUSTER", dir, TRUE);
  started = rp_test_team_run_cluster (script, port, "start");
  g_assert_true (started);

  g_test_trap_subprocess (NULL, timeout_seconds * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  rp_test_team_run_cluster (script, port, "stop");
  g_test_trap_assert_passed ();
}
