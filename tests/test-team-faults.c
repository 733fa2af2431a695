/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team-faults.c: a team database whose server goes away mid-work: what
 * was saved stays saved, a change that was not is said to be so, and the
 * store connects again by itself once the server is back.
 *
 * The test stops its server, so it runs on a cluster of its own (another
 * folder and port, build-aux/pg-test-cluster.sh), never on the one the
 * other team tests share. The body runs in a subprocess, so that the
 * cluster is stopped and removed whatever the body does. */

#include "config.h"

#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include "rp-core.h"
#include "store/rp-store-internal.h"
#include "rp-team-private.h"
#include "rp-test-team.h"
#include "rp-test-util.h"

#define FAULTS_PORT  "54340"

/* Runs build-aux/pg-test-cluster.sh @command on the test's own cluster. */
static gboolean
run_cluster (const char *command)
{
  return rp_test_team_run_cluster (RP_CLUSTER_SCRIPT, FAULTS_PORT, command);
}

static char *
conninfo_for (const char *database,
              const char *user)
{
  return rp_test_team_cluster_conninfo (FAULTS_PORT, database, user);
}

static char *
query_value (const char *sql)
{
  g_autofree char *conninfo = conninfo_for ("rp_faults", "postgres");
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  g_autoptr(PGresult) result = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  return PQntuples (result) > 0 ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
}

typedef struct
{
  guint lost_notified;
  guint attendee_reloads;   /* "changed" for attendee with no ids: read everything again */
} Watched;

static void
on_connection_lost (RpStore    *store,
                    GParamSpec *pspec,
                    Watched    *watched)
{
  watched->lost_notified++;
}

static void
on_changed (RpStore    *store,
            const char *table,
            GArray     *ids,
            Watched    *watched)
{
  if (g_str_equal (table, "attendee") && ids == NULL)
    watched->attendee_reloads++;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static RpStore *
open_as_jo (void)
{
  g_autofree char *location = conninfo_for ("rp_faults", "rp_faults_jo");
  g_autoptr(GError) error = NULL;
  RpStore *store = rp_store_open (location, RP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  rp_store_set_today (store, "2024-03-04");
  return store;
}

static gboolean
save_phone (RpStore    *store,
            gint64      id,
            const char *base,
            const char *value,
            GError    **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  RpFieldEdit edit = {
    RP_ATTENDEE_FIELD_CONTACT_PHONE,
    g_variant_ref_sink (g_variant_new_string (base)),
    g_variant_ref_sink (g_variant_new_string (value)),
  };
  gboolean ok = rp_store_save_attendee_fields (store, id, &edit, 1, &conflicts, error);

  g_assert_null (conflicts);
  rp_field_edit_clear (&edit);
  return ok;
}

static void
faults_body (void)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpStore) again = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  g_autoptr(RpAttendee) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *admin_info = conninfo_for ("postgres", "postgres");
  g_autofree char *db_info = conninfo_for ("rp_faults", "postgres");
  g_autoptr(PGconn) admin = PQconnectdb (admin_info);
  g_autofree char *changes = NULL;
  Watched watched = { 0 };
  gboolean timed_out = FALSE;
  guint timeout;
  gint64 id;

  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  rp_test_team_exec_ok (admin, "CREATE DATABASE rp_faults");
  g_assert_true (rp_team_init_with_prefix (db_info, "rp_faults_", &error));
  g_assert_no_error (error);
  g_clear_pointer (&admin, PQfinish);
  admin = PQconnectdb (db_info);
  rp_test_team_exec_ok (admin, "CREATE ROLE rp_faults_jo LOGIN IN ROLE rp_faults_staff");
  g_clear_pointer (&admin, PQfinish);

  /* Saved and acknowledged before the server goes. */
  store = open_as_jo ();
  rp_programme_set_name (programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (store, programme, &error));
  g_assert_no_error (error);
  rp_attendee_set_programme_id (attendee, rp_programme_get_id (programme));
  rp_attendee_set_number (attendee, 1);
  rp_attendee_set_full_name (attendee, "Georgia Bennett");
  rp_attendee_set_contact_name (attendee, "Ruth Bennett");
  rp_attendee_set_contact_phone (attendee, "07700 900107");
  rp_attendee_set_step (attendee, 1);
  g_assert_true (rp_store_add_attendee (store, attendee, "2024-02-01", &error));
  g_assert_no_error (error);
  id = rp_attendee_get_id (attendee);
  g_assert_false (rp_store_get_connection_lost (store));

  g_signal_connect (store, "notify::connection-lost", G_CALLBACK (on_connection_lost), &watched);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &watched);

  /* The server stops at once, as in a crash. */
  g_assert_true (run_cluster ("crash"));

  /* The next save fails, says so in plain words, and is not taken for saved. */
  g_assert_false (save_phone (store, id, "07700 900107", "07700 900999", &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "Your change was not saved"));
  g_clear_error (&error);
  g_assert_true (rp_store_get_connection_lost (store));
  g_assert_cmpuint (watched.lost_notified, ==, 1);

  /* Reads say the same, and the store keeps trying without being asked. */
  g_assert_null (rp_store_get_attendee (store, id, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
  g_clear_error (&error);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (rp_store_get_connection_lost (store));

  /* Back: the store connects again by itself, says so, and every view reads again. */
  g_assert_true (run_cluster ("restart"));
  timeout = g_timeout_add_seconds (60, on_timeout, &timed_out);
  while (!timed_out && rp_store_get_connection_lost (store))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
  g_assert_false (rp_store_get_connection_lost (store));
  g_assert_cmpuint (watched.lost_notified, ==, 2);
  g_assert_cmpuint (watched.attendee_reloads, >=, 1);

  /* The same save again: saved, exactly once. */
  g_assert_true (save_phone (store, id, "07700 900107", "07700 900999", &error));
  g_assert_no_error (error);
  /* As after a commit whose answer was lost: trying again changes nothing. */
  g_assert_true (save_phone (store, id, "07700 900107", "07700 900999", &error));
  g_assert_no_error (error);
  changes = query_value ("SELECT count(*) FROM reprovision.audit WHERE table_name = 'attendee'"
                         " AND field = 'contact_phone' AND action = 'update'");
  g_assert_cmpstr (changes, ==, "1");

  /* Updated by a newer Reprovision while the connection was down: the store
   * says so, in plain words, and keeps trying; once that is undone it is back. */
  {
    g_autoptr(PGconn) owner = PQconnectdb (db_info);

    rp_test_team_exec_ok (owner, "INSERT INTO reprovision.schema_version (version, file_version) VALUES (99, 99)");
    rp_test_team_exec_ok (owner, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE usename = 'rp_faults_jo'");
    timed_out = FALSE;
    timeout = g_timeout_add_seconds (30, on_timeout, &timed_out);
    while (!timed_out && rp_store_get_connection_problem (store) == NULL)
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (timeout);
    g_assert_true (rp_store_get_connection_lost (store));
    g_assert_nonnull (rp_store_get_connection_problem (store));
    g_assert_true (g_error_matches (rp_store_get_connection_problem (store), RP_TEAM_ERROR, RP_TEAM_ERROR_NEWER_VERSION));
    g_assert_false (save_phone (store, id, "07700 900999", "07700 900111", &error));
    g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
    g_clear_error (&error);

    rp_test_team_exec_ok (owner, "DELETE FROM reprovision.schema_version WHERE version = 99");
    rp_store_reconnect (store);
    timed_out = FALSE;
    timeout = g_timeout_add_seconds (60, on_timeout, &timed_out);
    while (!timed_out && rp_store_get_connection_lost (store))
      g_main_context_iteration (NULL, TRUE);
    if (!timed_out)
      g_source_remove (timeout);
    g_assert_false (rp_store_get_connection_lost (store));
    g_assert_null (rp_store_get_connection_problem (store));
  }

  /* What was acknowledged is there when the database is opened afresh. */
  g_clear_object (&store);
  again = open_as_jo ();
  read_back = rp_store_get_attendee (again, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_attendee_get_full_name (read_back), ==, "Georgia Bennett");
  g_assert_cmpstr (rp_attendee_get_contact_phone (read_back), ==, "07700 900999");
}

static void
wait_until_connected (RpStore *store)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (60, on_timeout, &timed_out);

  rp_store_reconnect (store);
  while (!timed_out && rp_store_get_connection_lost (store))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
}

static char *
audited_phone_changes (void)
{
  return query_value ("SELECT count(*) FROM reprovision.audit WHERE table_name = 'attendee'"
                      " AND field = 'contact_phone' AND action = 'update'");
}

typedef struct
{
  gint64   last;
  gint64   longest;      /* the longest the main loop went without running, in µs */
  int      held;         /* the old session's socket, held open by the test */
  gboolean lost_at_end;  /* the store still said lost when the old session ended */
  RpStore *store;
} Ticking;

static gboolean
on_tick (gpointer data)
{
  Ticking *ticking = data;
  gint64 now = g_get_monotonic_time ();

  if (ticking->last != 0)
    ticking->longest = MAX (ticking->longest, now - ticking->last);
  ticking->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
on_end_old_session (gpointer data)
{
  Ticking *ticking = data;

  ticking->lost_at_end = rp_store_get_connection_lost (ticking->store);
  close (ticking->held);
  ticking->held = -1;
  return G_SOURCE_REMOVE;
}

/* The COMMIT goes, and the connection drops before its answer comes: once
 * as the server had saved it, once as it had not. */
static void
commit_body (void)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *admin_info = conninfo_for ("postgres", "postgres");
  g_autofree char *db_info = conninfo_for ("rp_faults", "postgres");
  g_autoptr(PGconn) admin = PQconnectdb (admin_info);
  g_autofree char *phone = NULL;
  g_autofree char *changes = NULL;
  gint64 id;

  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  rp_test_team_exec_ok (admin, "CREATE DATABASE rp_faults");
  g_assert_true (rp_team_init_with_prefix (db_info, "rp_faults_", &error));
  g_assert_no_error (error);
  g_clear_pointer (&admin, PQfinish);
  admin = PQconnectdb (db_info);
  rp_test_team_exec_ok (admin, "CREATE ROLE rp_faults_jo LOGIN IN ROLE rp_faults_staff");
  g_clear_pointer (&admin, PQfinish);

  store = open_as_jo ();
  rp_programme_set_name (programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (store, programme, &error));
  rp_attendee_set_programme_id (attendee, rp_programme_get_id (programme));
  rp_attendee_set_number (attendee, 1);
  rp_attendee_set_full_name (attendee, "Georgia Bennett");
  rp_attendee_set_contact_phone (attendee, "07700 900107");
  rp_attendee_set_step (attendee, 1);
  g_assert_true (rp_store_add_attendee (store, attendee, "2024-02-01", &error));
  g_assert_no_error (error);
  id = rp_attendee_get_id (attendee);
  g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_NONE);

  /* Saved by the server, but the answer is lost: not claimed saved, nor lost. */
  store_team_drop_next_commit (store, TRUE);
  g_assert_false (save_phone (store, id, "07700 900107", "07700 900999", &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "may or may not have been saved"));
  g_clear_error (&error);
  g_assert_true (rp_store_get_connection_lost (store));
  g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_UNSURE);
  phone = query_value ("SELECT contact_phone FROM reprovision.attendee");
  g_assert_cmpstr (phone, ==, "07700 900999");

  /* Connected again, the store knows it landed; saving again writes nothing twice. */
  wait_until_connected (store);
  g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_SAVED);
  g_assert_true (save_phone (store, id, "07700 900107", "07700 900999", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_NONE);
  changes = audited_phone_changes ();
  g_assert_cmpstr (changes, ==, "1");

  /* The connection drops as the COMMIT goes: the server never had it. */
  store_team_drop_next_commit (store, FALSE);
  g_assert_false (save_phone (store, id, "07700 900999", "07700 900111", &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_UNSURE);
  wait_until_connected (store);
  g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_NOT_SAVED);
  g_free (phone);
  phone = query_value ("SELECT contact_phone FROM reprovision.attendee");
  g_assert_cmpstr (phone, ==, "07700 900999");

  /* Saved when tried again, once. */
  g_assert_true (save_phone (store, id, "07700 900999", "07700 900111", &error));
  g_assert_no_error (error);
  g_free (phone);
  phone = query_value ("SELECT contact_phone FROM reprovision.attendee");
  g_assert_cmpstr (phone, ==, "07700 900111");
  g_free (changes);
  changes = audited_phone_changes ();
  g_assert_cmpstr (changes, ==, "2");

  /* The network goes as the COMMIT would: the server never hears of it and
   * its session lingers, the transaction "in progress", for a second after
   * the store is connected again. The store waits for it to end before it
   * says it is connected, and the main loop runs meanwhile (a window is
   * drawn, what is on screen can be read). */
  {
    Ticking ticking = { .store = store };
    guint tick, end;

    ticking.held = store_team_cut_next_commit (store);
    g_assert_cmpint (ticking.held, >=, 0);
    g_assert_false (save_phone (store, id, "07700 900111", "07700 900222", &error));
    g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
    g_clear_error (&error);
    g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_UNSURE);

    tick = g_timeout_add (20, on_tick, &ticking);
    end = g_timeout_add (1000, on_end_old_session, &ticking);
    wait_until_connected (store);
    g_source_remove (tick);
    if (ticking.held >= 0)
      {
        g_source_remove (end);
        close (ticking.held);
      }
    g_assert_true (ticking.lost_at_end);
    g_assert_cmpint (ticking.longest, <, G_USEC_PER_SEC / 2);
    g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_NOT_SAVED);
    g_free (phone);
    phone = query_value ("SELECT contact_phone FROM reprovision.attendee");
    g_assert_cmpstr (phone, ==, "07700 900111");
  }

  /* A step change's INSERT goes in its COMMIT's round trip: the same
   * when that answer is lost, saved once or not at all. */
  {
    g_autofree char *steps = query_value ("SELECT count (*) FROM reprovision.step_change");
    g_autofree char *history = NULL;
    g_autofree char *step = NULL;

    store_team_drop_next_commit (store, TRUE);
    g_assert_false (rp_store_change_step (store, id, 2, NULL, NULL, &error));
    g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
    g_assert_nonnull (strstr (error->message, "may or may not have been saved"));
    g_clear_error (&error);
    g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_UNSURE);
    wait_until_connected (store);
    g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_SAVED);
    step = query_value ("SELECT step FROM reprovision.attendee");
    g_assert_cmpstr (step, ==, "2");
    history = query_value ("SELECT count (*) - 1 FROM reprovision.step_change");
    g_assert_cmpstr (history, ==, steps);

    store_team_drop_next_commit (store, FALSE);
    g_assert_false (rp_store_change_step (store, id, 3, NULL, NULL, &error));
    g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
    g_clear_error (&error);
    wait_until_connected (store);
    g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_NOT_SAVED);
    g_free (step);
    step = query_value ("SELECT step FROM reprovision.attendee");
    g_assert_cmpstr (step, ==, "2");

    /* An INSERT the server refuses is said so as it would be on its own:
     * nothing saved, nothing unsure, and the connection fine for the next. */
    admin = PQconnectdb (db_info);
    rp_test_team_exec_ok (admin,
                          "CREATE FUNCTION reprovision.refuse_step () RETURNS trigger LANGUAGE plpgsql AS $$"
                          " BEGIN RAISE EXCEPTION 'Refused by the test.'; END $$;"
                          "CREATE TRIGGER refuse_step BEFORE INSERT ON reprovision.step_change"
                          " FOR EACH ROW WHEN (NEW.reason = 'refuse') EXECUTE FUNCTION reprovision.refuse_step ()");
    g_assert_false (rp_store_change_step (store, id, 3, NULL, "refuse", &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Refused by the test."));
    g_clear_error (&error);
    g_assert_false (rp_store_get_connection_lost (store));
    g_assert_cmpint (rp_store_get_commit_outcome (store), ==, RP_COMMIT_OUTCOME_NONE);
    g_free (step);
    step = query_value ("SELECT step FROM reprovision.attendee");
    g_assert_cmpstr (step, ==, "2");

    g_assert_true (rp_store_change_step (store, id, 3, NULL, NULL, &error));
    g_assert_no_error (error);
    g_free (step);
    step = query_value ("SELECT step FROM reprovision.attendee");
    g_assert_cmpstr (step, ==, "3");
    g_free (history);
    history = query_value ("SELECT count (*) - 2 FROM reprovision.step_change");
    g_assert_cmpstr (history, ==, steps);
  }
}

static void
run_on_own_cluster (const char *summary)
{
  g_autofree char *dir = NULL;
  gboolean started;

  if (g_getenv ("RP_TEAM_TEST_CLUSTER") == NULL)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary (summary);

  dir = g_strdup_printf ("/tmp/rp-pg-faults.%d", (int) getpid ());
  g_setenv ("RP_FAULTS_CLUSTER", dir, TRUE);
  started = run_cluster ("start");
  g_assert_true (started);

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  run_cluster ("stop");
  g_test_trap_assert_passed ();
}

static void
test_commit_unanswered (void)
{
  if (g_test_subprocess ())
    {
      commit_body ();
      return;
    }

  run_on_own_cluster ("A COMMIT sent whose answer never comes is neither claimed saved nor lost: once connected "
                      "again the store says whether the server had it, and saving again never saves it twice");
}

static void
test_server_restarted (void)
{
  rp_test_team_run_on_own_cluster (RP_CLUSTER_SCRIPT, FAULTS_PORT, "rp-pg-faults", 120,
                                   "With the server stopped mid-work, the acknowledged changes survive, a save says it was not saved, "
                                   "and once the server is back the store reconnects by itself and the same save succeeds exactly once",
                                   faults_body);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team-faults/server-restarted", test_server_restarted);
  g_test_add_func ("/team-faults/commit-unanswered", test_commit_unanswered);

  return g_test_run ();
}
