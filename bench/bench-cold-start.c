/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-cold-start.c: cold start to the first frame, Reprovision against a bare libadwaita window */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-common.h"
#include "rp-store-private.h"

#define RUNS       7
#define LARGE_RUNS 3   /* each start of 100,000 attendees takes seconds */

/* What one start reports; the app also reports what follows its first frame. */
typedef struct
{
  double ms;               /* from starting the process to its first frame */
  double rss_mb;           /* peak RSS at the first frame */
  double settled_rss_mb;   /* peak RSS once the main loop is idle after the first frame */
  double stall_ms;         /* the longest the main loop was busy, first frame to idle */
  double shown_ms;         /* from showing the Taster Days area (built and read then) to its frame */
  double taster_ms;        /* main-thread time reading the Taster Days area meanwhile */
  double shown_rss_mb;     /* peak RSS once it is drawn */
  double open_ms;          /* from opening its first day to the frame that shows all its bookings */
  double open_frame_ms;    /* the longest from one frame to the next meanwhile */
  double opened_rss_mb;    /* peak RSS once that is drawn */
} Start;

static double
figure (const char *out,
        const char *name,
        double      scale)
{
  g_autofree char *key = g_strconcat (name, " ", NULL);
  const char *found = strstr (out, key);

  g_assert_nonnull (found);
  return g_ascii_strtoll (found + strlen (key), NULL, 10) / scale;
}

/* Runs @program once; the time is from starting the process to the frame it reports. */
static void
start_once (const char *program,
            const char *database,
            Start      *result)
{
  const char *argv[] = { program, database, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  int status = 0;

  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  memset (result, 0, sizeof *result);
  result->ms = (figure (out, "first-frame", 1) - start) / 1000.0;
  result->rss_mb = figure (out, "peak-rss-kb", 1024);
  if (database == NULL)
    return;

  result->settled_rss_mb = figure (out, "settled-peak-rss-kb", 1024);
  result->taster_ms = figure (out, "taster-days-refresh-us", 1000);
  result->stall_ms = figure (out, "longest-stall-us", 1000);
  result->shown_ms = figure (out, "taster-days-shown-us", 1000);
  result->shown_rss_mb = figure (out, "shown-peak-rss-kb", 1024);
  result->open_ms = figure (out, "open-day-us", 1000);
  result->open_frame_ms = figure (out, "open-day-longest-frame-us", 1000);
  result->opened_rss_mb = figure (out, "opened-peak-rss-kb", 1024);
}

/* The median of one field of @starts. */
static double
median_of (const Start *starts,
           guint        n,
           gsize        offset)
{
  double values[16];

  g_assert (n <= G_N_ELEMENTS (values));
  for (guint i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (double, &starts[i], offset);

  return bench_median (values, n);
}

#define MEDIAN(starts, n, field) median_of ((starts), (n), G_STRUCT_OFFSET (Start, field))

static void
report_after_first_frame (const Start *app,
                          guint        runs)
{
  g_print ("%-34s %8.1f MB   (median; whole process)\n", "  peak RSS, settled",
           MEDIAN (app, runs, settled_rss_mb));
  g_print ("%-34s %8.1f ms   (median; first frame to settled)\n", "  longest main-loop stall",
           MEDIAN (app, runs, stall_ms));
  g_print ("%-34s %8.1f ms   (median; switch to its frame)\n", "  showing Taster Days",
           MEDIAN (app, runs, shown_ms));
  g_print ("%-34s %8.1f ms   (median; main thread, while shown)\n", "  reading Taster Days",
           MEDIAN (app, runs, taster_ms));
  g_print ("%-34s %8.1f MB   (median; whole process)\n", "  peak RSS, Taster Days shown",
           MEDIAN (app, runs, shown_rss_mb));
  g_print ("%-34s %8.1f ms   (median; until all its bookings are drawn)\n", "  opening the first day",
           MEDIAN (app, runs, open_ms));
  g_print ("%-34s %8.1f ms   (median; the longest meanwhile)\n", "  frame to frame",
           MEDIAN (app, runs, open_frame_ms));
  g_print ("%-34s %8.1f MB   (median; whole process)\n\n", "  peak RSS, first day open",
           MEDIAN (app, runs, opened_rss_mb));
}

/* A private copy, with today's backup already made: the runs measure an
 * ordinary start, not the day's first, which also copies the whole file in
 * a background thread. */
static char *
prepare_database (const char *cache_dir,
                  const char *dir,
                  guint       n_attendees)
{
  g_autofree char *name = g_strdup_printf ("programme-%u.db", n_attendees);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *cached = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  double generated_s;

  cached = bench_programme_path (cache_dir, n_attendees, &generated_s, &error);
  g_assert_no_error (error);
  if (generated_s > 0)
    g_print ("(%u attendees generated in %.1f s)\n", n_attendees, generated_s);

  rp_database_file_copy (cached, path, &error);
  g_assert_no_error (error);
  backup = rp_backup_ensure_daily (path, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("reprovision-bench-XXXXXX", NULL);
  const char *bare, *app, *cache_dir;
  char *default_sizes[] = { (char *) "10000", NULL };
  char **sizes;

  if (argc < 4)
    {
      g_printerr ("Usage: %s BARE-WINDOW APP-FIRST-FRAME CACHE-DIR [ATTENDEES…]\n", argv[0]);
      return EXIT_FAILURE;
    }

  bare = argv[1];
  app = argv[2];
  cache_dir = argv[3];
  sizes = argc > 4 ? argv + 4 : default_sizes;

  g_print ("Cold start to the first frame (after one warm-up run each)\n\n");

  for (guint k = 0; sizes[k] != NULL; k++)
    {
      guint n_attendees = (guint) atoi (sizes[k]);
      g_autofree char *database = prepare_database (cache_dir, dir, n_attendees);
      g_autofree char *name = g_strdup_printf ("Reprovision, %u attendees", n_attendees);
      guint runs = k == 0 ? RUNS : LARGE_RUNS;
      Start bare_runs[RUNS], app_runs[RUNS];
      double bare_ms[RUNS], app_ms[RUNS];

      /* The first start reads the programs and the file from disk; the others find them in memory. */
      if (k == 0)
        start_once (bare, NULL, &bare_runs[0]);
      start_once (app, database, &app_runs[0]);

      /* Taking turns, so a busy moment on the machine slows both alike. */
      for (guint run = 0; run < runs; run++)
        {
          if (k == 0)
            {
              start_once (bare, NULL, &bare_runs[run]);
              bare_ms[run] = bare_runs[run].ms;
            }
          start_once (app, database, &app_runs[run]);
          app_ms[run] = app_runs[run].ms;
        }

      if (k == 0)
        {
          bench_report ("bare AdwApplicationWindow", bare_ms, runs);
          bench_report (name, app_ms, runs);
          g_print ("%-34s %8.2fx  (Reprovision median / bare median)\n", "  ratio to the bare window",
                   bench_median (app_ms, runs) / bench_median (bare_ms, runs));
          g_print ("%-34s %8.1f MB bare, %.1f MB Reprovision (medians)\n", "  peak RSS at the first frame",
                   MEDIAN (bare_runs, runs, rss_mb), MEDIAN (app_runs, runs, rss_mb));
        }
      else
        {
          bench_report (name, app_ms, runs);
          g_print ("%-34s %8.1f MB   (median; whole process)\n", "  peak RSS at the first frame",
                   MEDIAN (app_runs, runs, rss_mb));
        }
      report_after_first_frame (app_runs, runs);
    }

  bench_remove_tree (dir);
  return 0;
}
