/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-cold-start.c: cold start to the first frame, Reprovision against a bare libadwaita window */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-common.h"
#include "rp-store-private.h"

#define RUNS       7
#define LARGE_RUNS 3   /* each start of 100,000 attendees takes seconds */

/* Runs @program once; the time is from starting the process to the frame it reports. */
static void
start_once (const char *program,
            const char *database,
            double     *ms,
            double     *rss_mb)
{
  const char *argv[] = { program, database, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *frame, *rss;
  gint64 start;
  int status = 0;

  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  frame = strstr (out, "first-frame ");
  rss = strstr (out, "peak-rss-kb ");
  g_assert_nonnull (frame);
  g_assert_nonnull (rss);
  *ms = (g_ascii_strtoll (frame + strlen ("first-frame "), NULL, 10) - start) / 1000.0;
  *rss_mb = g_ascii_strtoull (rss + strlen ("peak-rss-kb "), NULL, 10) / 1024.0;
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

  rp_store_copy_database (cached, path, &error);
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
      double bare_ms[RUNS], bare_mb[RUNS], app_ms[RUNS], app_mb[RUNS];

      /* The first start reads the programs and the file from disk; the others find them in memory. */
      if (k == 0)
        start_once (bare, NULL, &bare_ms[0], &bare_mb[0]);
      start_once (app, database, &app_ms[0], &app_mb[0]);

      /* Taking turns, so a busy moment on the machine slows both alike. */
      for (guint run = 0; run < runs; run++)
        {
          if (k == 0)
            start_once (bare, NULL, &bare_ms[run], &bare_mb[run]);
          start_once (app, database, &app_ms[run], &app_mb[run]);
        }

      if (k == 0)
        {
          bench_report ("bare AdwApplicationWindow", bare_ms, runs);
          bench_report (name, app_ms, runs);
          g_print ("%-34s %8.2fx  (Reprovision median / bare median)\n", "  ratio to the bare window",
                   bench_median (app_ms, runs) / bench_median (bare_ms, runs));
          g_print ("%-34s %8.1f MB bare, %.1f MB Reprovision (medians)\n\n", "  peak RSS at the first frame",
                   bench_median (bare_mb, runs), bench_median (app_mb, runs));
        }
      else
        {
          bench_report (name, app_ms, runs);
          g_print ("%-34s %8.1f MB   (median; whole process)\n\n", "  peak RSS at the first frame",
                   bench_median (app_mb, runs));
        }
    }

  bench_remove_tree (dir);
  return 0;
}
