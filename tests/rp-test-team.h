/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-test-team.h: the team tests' fixtures on the throwaway PostgreSQL
 * cluster (build-aux/pg-test-cluster.sh): a fresh database and its roles for
 * each test, statements of the test's own, and clusters a test stops itself */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The tests that need a server run on the throwaway cluster that
 * build-aux/pg-test-cluster.sh starts (build-aux/run-tests.sh does), found
 * through RP_TEAM_TEST_CLUSTER and PGHOST, PGPORT, PGUSER (a superuser):
 * they create and drop databases and roles, so never a real server. */
#define RP_TEST_TEAM_SKIP_MESSAGE "no throwaway PostgreSQL cluster: start one with build-aux/pg-test-cluster.sh start and eval its env"

/* The cluster asks this role, and only it, for a password (pg-test-cluster.sh). */
#define RP_TEST_TEAM_PASSWORD_ROLE "reprovision_test_password"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* A fresh database on the cluster for one test, and the prefix of every
 * role made for it, so that all of them go with it. */
typedef struct
{
  gboolean  available; /* whether there is a cluster at all */
  char     *database;  /* a fresh database for this test */
  char     *prefix;    /* and its roles' prefix */
  char     *conninfo;  /* "dbname=" the database, as the superuser */
  PGconn   *admin;     /* the superuser, on the fresh database */
} RpTestTeam;

typedef enum
{
  RP_TEST_TEAM_DROP_DEFAULT          = 0,
  /* Waits (up to 10 s) for connections the code under test closes in its
   * own time, such as a window's reader threads, before dropping. */
  RP_TEST_TEAM_DROP_WAIT_FOR_CLOSE   = 1 << 0,
  /* Drops RP_TEST_TEAM_PASSWORD_ROLE too, which a test may leave behind. */
  RP_TEST_TEAM_DROP_PASSWORD_ROLE    = 1 << 1,
} RpTestTeamDropFlags;

gboolean  rp_test_team_available     (void);

/* Fills @team: a database named @name_pid_n, roles prefixed @stem<pid>n<n>_;
 * only @team->available (FALSE) without a cluster. */
void      rp_test_team_set_up        (RpTestTeam          *team,
                                      const char          *name,
                                      const char          *stem);
void      rp_test_team_tear_down     (RpTestTeam          *team,
                                      RpTestTeamDropFlags  flags);
/* rp_team_init_with_prefix() on @team's database, which must succeed. */
void      rp_test_team_init          (RpTestTeam          *team);
/* A login of @kind ("staff", "reports"), named prefix + @name. */
char     *rp_test_team_make_login    (RpTestTeam          *team,
                                      const char          *name,
                                      const char          *kind);

/* A connection to @database as @user (the cluster's superuser if %NULL),
 * which must work. */
PGconn   *rp_test_team_connect       (const char          *database,
                                      const char          *user);
/* Runs @sql, which must succeed. */
void      rp_test_team_exec_ok       (PGconn              *conn,
                                      const char          *sql);
/* The SQLSTATE @sql failed with, or %NULL if it worked. */
char     *rp_test_team_exec_state    (PGconn              *conn,
                                      const char          *sql);
/* The first column of the first row, or %NULL for none or NULL. */
char     *rp_test_team_query_value   (PGconn              *conn,
                                      const char          *sql);
void      rp_test_team_assert_value  (PGconn              *conn,
                                      const char          *sql,
                                      const char          *expected);
void      rp_test_team_assert_state  (PGconn              *conn,
                                      const char          *sql,
                                      const char          *expected);
void      rp_test_team_assert_refused (PGconn             *conn,
                                       const char         *sql);

/* A cluster of the test's own, which it stops and starts (the fault tests):
 * in the folder RP_FAULTS_CLUSTER names, on @port. */
gboolean  rp_test_team_run_cluster   (const char          *script,
                                      const char          *port,
                                      const char          *command);
char     *rp_test_team_cluster_conninfo (const char       *port,
                                         const char       *database,
                                         const char       *user);
/* The whole test case for a test that stops its server: @body runs in a
 * subprocess on a cluster of its own (in /tmp/@stem.PID, on @port), which
 * is stopped and removed whatever @body does; skipped without a cluster. */
void      rp_test_team_run_on_own_cluster (const char     *script,
                                           const char     *port,
                                           const char     *stem,
                                           guint           timeout_seconds,
                                           const char     *summary,
                                           void          (*body) (void));

G_END_DECLS
