/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-team.c: the same programme on a file and on a team database reached
 * over loopback TCP, side by side in one run: opening the store and loading
 * the Attendees list, and recording a step change. The target is the team
 * database within twice the file's time.
 *
 * It starts a throwaway PostgreSQL server of its own (build-aux/
 * pg-test-cluster.sh, listening on 127.0.0.1 and waiting for the disk as a real
 * server does), copies the generated programme onto it with `team copy`, and
 * removes it at the end.
 *
 * Usage: bench-team N CACHE_DIR SOURCE_ROOT */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-common.h"
#include "rp-team.h"
#include "rp-team-copy.h"

#define RUNS          7
#define STEP_CHANGES  100
#define STEP_WARM_UP  5    /* the first on a connection prepare its statements: not counted */
#define STEP_BLOCK    10   /* step changes on one backend before the other's turn */
#define BENCH_PORT    "54331"

typedef struct
{
  const char *name;
  char       *location;
  double      open_ms[RUNS];
  double      load_ms[RUNS];
  double      reload_ms[RUNS];
  double      step_ms[STEP_CHANGES];
  guint       n_steps;
} Backend;

static gboolean
run (const char * const  *argv,
     const char          *tcp,
     char               **out)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (tcp != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "RP_PG_CLUSTER_TCP", tcp, TRUE);
      g_subprocess_launcher_setenv (launcher, "RP_PG_CLUSTER_FSYNC", "on", TRUE);
      g_subprocess_launcher_setenv (launcher, "RP_PG_CLUSTER_PORT", BENCH_PORT, TRUE);
    }
  if (!(process = g_subprocess_launcher_spawnv (launcher, argv, &error)) ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, out, NULL, &error) ||
      !g_subprocess_get_successful (process))
    {
      g_printerr ("%s failed%s%s\n", argv[0], error != NULL ? ": " : "", error != NULL ? error->message : "");
      return FALSE;
    }
  return TRUE;
}

static void
measure_open (Backend *backend)
{
  for (guint run_no = 0; run_no < RUNS; run_no++)
    {
      g_autoptr(RpStore) store = NULL;
      g_autoptr(RpProgramme) programme = NULL;
      g_autoptr(GListModel) attendees = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      gint64 opened;

      store = bench_open_programme (backend->location, &programme, &error);
      g_assert_no_error (error);
      opened = g_get_monotonic_time ();
      attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), &error);
      g_assert_no_error (error);
      backend->open_ms[run_no] = bench_elapsed_ms (start);
      backend->load_ms[run_no] = bench_elapsed_ms (opened);
      g_assert_cmpuint (g_list_model_get_n_items (attendees), >, 0);
    }
}

/* What the Attendees view does after every change anyone makes: reads the
 * list again in its thread (rp-attendee-list.c), through a snapshot; on a
 * team database on the connection it kept from the read before, on a file
 * on a new read-only connection. The first read, which opens the view, is
 * not counted. */
static void
measure_reload (Backend *backend)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpStore) kept = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpStoreSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  store = bench_open_programme (backend->location, &programme, &error);
  g_assert_no_error (error);
  snapshot = rp_store_snapshot_new (store);

  for (int run_no = -1; run_no < RUNS; run_no++)
    {
      g_autoptr(RpStore) reader = NULL;
      g_autoptr(GListModel) attendees = NULL;
      gint64 start = g_get_monotonic_time ();

      reader = rp_store_snapshot_open_kept (snapshot, &kept, &error);
      g_assert_no_error (error);
      attendees = rp_store_list_attendees (reader, rp_programme_get_id (programme), &error);
      g_assert_no_error (error);
      if (run_no >= 0)
        backend->reload_ms[run_no] = bench_elapsed_ms (start);
      g_assert_cmpuint (g_list_model_get_n_items (attendees), >, 0);
    }
}

/* One step forward each, spread over the programme, as a day's work would be,
 * the backends taking turns so that a busy moment of the machine (or of its
 * disk, which both wait for at every commit) falls on both alike; the file
 * takes the even attendees, the server the odd ones. */
typedef struct
{
  Backend    *backend;
  RpStore    *store;
  GListModel *attendees;
  guint       next;
  guint       done;
} Stepping;

static gboolean
step_once (Stepping *stepping,
           guint     stride)
{
  guint n_attendees = g_list_model_get_n_items (stepping->attendees);
  Backend *backend = stepping->backend;

  for (; stepping->next < n_attendees; stepping->next += stride)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (stepping->attendees, stepping->next);
      g_autoptr(GError) error = NULL;
      gint64 start;
      double ms;

      if (rp_attendee_get_step (attendee) >= RP_MOVING_PLAN_LAST_STEP ||
          rp_attendee_get_outcome (attendee) != RP_OUTCOME_ATTENDING)
        continue;

      start = g_get_monotonic_time ();
      rp_store_change_step (stepping->store, rp_attendee_get_id (attendee), rp_attendee_get_step (attendee) + 1,
                            BENCH_TODAY, NULL, &error);
      ms = bench_elapsed_ms (start);
      g_assert_no_error (error);
      stepping->next += stride;
      if (stepping->done++ >= STEP_WARM_UP)
        backend->step_ms[backend->n_steps++] = ms;
      return TRUE;
    }
  return FALSE;
}

static void
measure_steps (Backend *file,
               Backend *team)
{
  Backend *backends[] = { file, team };
  Stepping stepping[2] = { { 0 } };
  g_autoptr(GError) error = NULL;
  guint stride = 2;

  for (guint b = 0; b < G_N_ELEMENTS (backends); b++)
    {
      g_autoptr(RpProgramme) programme = NULL;

      stepping[b].backend = backends[b];
      stepping[b].backend->n_steps = 0;
      stepping[b].store = bench_open_programme (backends[b]->location, &programme, &error);
      g_assert_no_error (error);
      stepping[b].attendees = rp_store_list_attendees (stepping[b].store, rp_programme_get_id (programme), &error);
      g_assert_no_error (error);
      stepping[b].next = b;
      stride = MAX (g_list_model_get_n_items (stepping[b].attendees) / ((STEP_CHANGES + STEP_WARM_UP) * 4) * 2, 2);
    }

  /* In blocks rather than one by one: a commit just after the other
   * backend's would wait for the disk still busy with that one's. */
  for (gboolean more = TRUE; more;)
    {
      more = FALSE;
      for (guint b = 0; b < G_N_ELEMENTS (backends); b++)
        for (guint i = 0; i < STEP_BLOCK && backends[b]->n_steps < STEP_CHANGES; i++)
          if (step_once (&stepping[b], stride))
            more = TRUE;
          else
            break;
    }

  for (guint b = 0; b < G_N_ELEMENTS (backends); b++)
    {
      g_clear_object (&stepping[b].attendees);
      g_clear_object (&stepping[b].store);
    }
}

int
main (int    argc,
      char **argv)
{
  guint n_attendees = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  const char *cache_dir = argc > 2 ? argv[2] : g_get_tmp_dir ();
  const char *source_root = argc > 3 ? argv[3] : ".";
  g_autofree char *cluster_script = g_build_filename (source_root, "build-aux", "pg-test-cluster.sh", NULL);
  g_autofree char *cluster_dir = NULL;
  g_autofree char *cached = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *file_copy = NULL;
  g_autofree char *admin = NULL;
  g_autoptr(GError) error = NULL;
  Backend file = { "file" }, team = { "team database (loopback)" };
  double generated_s = 0, open_ratio, load_ratio, reload_ratio, step_ratio;
  int status = EXIT_SUCCESS;

  setlocale (LC_ALL, "");
  if (!rp_team_is_supported ())
    {
      g_print ("Built without team databases: nothing to measure.\n");
      return 77;
    }

  scratch = g_dir_make_tmp ("reprovision-bench-team-XXXXXX", &error);
  g_assert_no_error (error);
  /* Not inside the scratch folder: the server's own user must reach it. The
   * script makes it and "stop" removes it. */
  cluster_dir = g_strdup_printf ("%s-server", scratch);

  cached = bench_programme_path (cache_dir, n_attendees, &generated_s, &error);
  g_assert_no_error (error);

  /* Both backends start from the same programme; the cached one stays as it was. */
  file_copy = g_build_filename (scratch, "programme.db", NULL);
  {
    g_autoptr(GFile) from = g_file_new_for_path (cached);
    g_autoptr(GFile) to = g_file_new_for_path (file_copy);

    g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  file.location = g_strdup (file_copy);

  {
    const char *start[] = { "bash", cluster_script, "start", cluster_dir, NULL };

    if (!run (start, "1", NULL))
      return EXIT_FAILURE;
  }

  admin = g_strdup ("host=127.0.0.1 port=" BENCH_PORT " user=postgres dbname=postgres");
  {
    const char *create[] = { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", admin, "-c",
                             "CREATE DATABASE reprovision_bench", NULL };
    const char *login[] = { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
                            "host=127.0.0.1 port=" BENCH_PORT " user=postgres dbname=reprovision_bench", "-c",
                            "CREATE ROLE bench_worker LOGIN IN ROLE reprovision_staff", NULL };
    /* As a server is a while after a copy: autovacuum's first pass over the
     * copied rows, and the disk writing them out, would otherwise run during
     * the measurements. */
    const char *settle[] = { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
                             "host=127.0.0.1 port=" BENCH_PORT " user=postgres dbname=reprovision_bench", "-c",
                             "VACUUM", "-c", "CHECKPOINT", NULL };
    const char *owner = "host=127.0.0.1 port=" BENCH_PORT " user=postgres dbname=reprovision_bench";
    gint64 start;

    if (!run (create, NULL, NULL) ||
        !rp_team_init (owner, &error))
      goto out;
    start = g_get_monotonic_time ();
    if (!rp_team_copy_file_to_team (file_copy, owner, NULL, &error))
      goto out;
    g_print ("Copied %u attendees onto the server in %.1f s\n", n_attendees, bench_elapsed_ms (start) / 1000);
    if (!run (login, NULL, NULL) ||
        !run (settle, NULL, NULL))
      goto out;
  }
  team.location = g_strdup ("host=127.0.0.1 port=" BENCH_PORT " user=bench_worker dbname=reprovision_bench sslmode=disable");

  g_print ("\n%u attendees, %d runs each, medians\n\n", n_attendees, RUNS);

  /* Interleaved, so that a busy moment of the machine falls on both alike. */
  measure_open (&file);
  measure_open (&team);
  measure_reload (&file);
  measure_reload (&team);
  measure_steps (&file, &team);

  bench_report ("file: open and load the Attendees list", file.open_ms, RUNS);
  bench_report ("team: open and load the Attendees list", team.open_ms, RUNS);
  bench_report ("  file: of which loading the list", file.load_ms, RUNS);
  bench_report ("  team: of which loading the list", team.load_ms, RUNS);
  bench_report ("file: load again after a change", file.reload_ms, RUNS);
  bench_report ("team: load again after a change", team.reload_ms, RUNS);
  bench_report ("file: record a step change", file.step_ms, file.n_steps);
  bench_report ("team: record a step change", team.step_ms, team.n_steps);

  open_ratio = bench_median (team.open_ms, RUNS) / bench_median (file.open_ms, RUNS);
  load_ratio = bench_median (team.load_ms, RUNS) / bench_median (file.load_ms, RUNS);
  reload_ratio = bench_median (team.reload_ms, RUNS) / bench_median (file.reload_ms, RUNS);
  step_ratio = bench_median (team.step_ms, team.n_steps) / bench_median (file.step_ms, file.n_steps);
  g_print ("\nteam / file: open and load %.2f×, of which loading %.2f×, load again %.2f×, step change %.2f× "
           "(target: within 2×)\n", open_ratio, load_ratio, reload_ratio, step_ratio);

out:
  if (error != NULL)
    {
      g_printerr ("bench-team: %s\n", error->message);
      status = EXIT_FAILURE;
    }
  {
    const char *stop[] = { "bash", cluster_script, "stop", cluster_dir, NULL };

    run (stop, NULL, NULL);
  }
  bench_remove_tree (scratch);
  g_free (file.location);
  g_free (team.location);
  return status;
}
