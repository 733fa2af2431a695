/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-no-network.c: with a local file, Reprovision contacts nothing. The
 * Flatpak may reach the network only for a team database the user set up;
 * these tests run the command-line tool and the app on a file under a shim
 * (rp-connect-log.c) that logs every connect() to a network address or a
 * PostgreSQL socket, and first prove the shim sees such a connection. */

#include "config.h"

#include <gio/gio.h>

#include "rp-core.h"
#include "rp-team.h"
#include "rp-test-util.h"

typedef struct
{
  char *dir;
  char *log;
  char *database;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = rp_test_make_tmpdir ();
  fixture->log = g_build_filename (fixture->dir, "connections.log", NULL);
  fixture->database = g_build_filename (fixture->dir, "programme.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->log);
  g_free (fixture->database);
}

static GSubprocessLauncher *
make_launcher (Fixture *fixture)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                             G_SUBPROCESS_FLAGS_STDERR_PIPE);
  const char *asan = g_getenv ("ASAN_OPTIONS");
  g_autofree char *asan_options = NULL;

  g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", g_getenv ("RP_CONNECT_LOG_SHIM"), TRUE);
  g_subprocess_launcher_setenv (launcher, "RP_CONNECT_LOG", fixture->log, TRUE);
  /* Under AddressSanitizer the shim is loaded before its runtime; that is harmless here. */
  asan_options = g_strdup_printf ("%s%sverify_asan_link_order=0", asan != NULL ? asan : "", asan != NULL ? ":" : "");
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan_options, TRUE);
  /* A libpq default must not turn a file into a connection either. */
  g_subprocess_launcher_unsetenv (launcher, "PGHOST");
  g_subprocess_launcher_unsetenv (launcher, "PGPORT");
  g_subprocess_launcher_unsetenv (launcher, "PGDATABASE");
  return launcher;
}

/* Runs reprovision-cli under the shim; returns its exit status. */
static int
run_cli (Fixture    *fixture,
         const char *first_arg,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = make_launcher (fixture);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("REPROVISION_CLI"));
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_error ("reprovision-cli %s did not exit", first_arg);
  if (g_subprocess_get_exit_status (process) != 0)
    g_test_message ("reprovision-cli %s: %s", first_arg, err);
  return g_subprocess_get_exit_status (process);
}

static char *
read_log (Fixture *fixture)
{
  char *contents = NULL;

  if (!g_file_get_contents (fixture->log, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

/* The control: a connection is seen, so an empty log below means something. */
static void
test_shim_sees_a_connection (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *log = NULL;

  if (!rp_team_is_supported ())
    {
      g_test_skip ("built without team databases: nothing here would connect");
      return;
    }

  /* Port 9 (discard) on this machine: refused at once, or nobody answers. */
  g_assert_cmpint (run_cli (fixture, "team", "init", "--database",
                            "postgresql://127.0.0.1:9/none?connect_timeout=2", NULL), !=, 0);
  log = read_log (fixture);
  g_assert_nonnull (strstr (log, "inet 127.0.0.1 9\n"));
}

static void
assert_log_empty (Fixture *fixture)
{
  g_autofree char *log = read_log (fixture);

  if (log[0] != '\0')
    g_test_fail_printf ("a connection was attempted with a local file:\n%s", log);
}

static void
test_cli_on_a_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *report = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "report-csv", NULL);
  g_autofree char *schedule = g_build_filename (fixture->dir, "schedule.pdf", NULL);

  g_assert_cmpint (run_cli (fixture, "demo", "-d", fixture->database, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, "attendees", "-d", fixture->database, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, "step", "-d", fixture->database, "--attendee", "4", "--to", "3", "--note", "Review started", NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, "report", "-d", fixture->database, "-o", report, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, "report", "-d", fixture->database, "--format", "csv", "-o", csv, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, "taster-days", "-d", fixture->database, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, "schedule", "-d", fixture->database, "--attendee", "1", "-o", schedule, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, "backup", "-d", fixture->database, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, "check", "-d", fixture->database, NULL), ==, 0);

  g_assert_true (g_file_test (report, G_FILE_TEST_EXISTS));
  assert_log_empty (fixture);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* The app itself, on a file, for a few seconds: the window, its pages and
 * their background loads. Only where there is a display. */
static void
test_app_on_a_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  const char *app = g_getenv ("REPROVISION_APP");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  g_assert_cmpint (run_cli (fixture, "demo", "-d", fixture->database, "--after-move", NULL), ==, 0);
  launcher = make_launcher (fixture);
  process = g_subprocess_launcher_spawn (launcher, &error, app, fixture->database, NULL);
  g_assert_no_error (error);

  /* Long enough for the first frame and the pages filled after it. */
  loop = g_main_loop_new (NULL, FALSE);
  g_timeout_add_seconds (6, quit_loop, loop);
  g_main_loop_run (loop);

  /* Still running: it did not fail to start, so the quiet log means something. */
  g_assert_nonnull (g_subprocess_get_identifier (process));
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  assert_log_empty (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/no-network/shim-sees-a-connection", Fixture, NULL, fixture_set_up,
              test_shim_sees_a_connection, fixture_tear_down);
  g_test_add ("/no-network/cli-on-a-file", Fixture, NULL, fixture_set_up,
              test_cli_on_a_file, fixture_tear_down);
  g_test_add ("/no-network/app-on-a-file", Fixture, NULL, fixture_set_up,
              test_app_on_a_file, fixture_tear_down);

  return g_test_run ();
}
