/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-common.c: figures and generated programmes shared by the benchmarks */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench-common.h"
#include "rp-store-private.h"

double
bench_elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double *
sorted_copy (const double *values,
             guint         n)
{
  double *sorted = g_memdup2 (values, n * sizeof (double));

  qsort (sorted, n, sizeof (double), compare_doubles);
  return sorted;
}

double
bench_median (const double *values,
              guint         n)
{
  g_autofree double *sorted = NULL;

  if (n == 0)
    return 0;

  sorted = sorted_copy (values, n);
  return sorted[n / 2];
}

void
bench_report (const char   *name,
              const double *ms,
              guint         n)
{
  g_autofree double *sorted = sorted_copy (ms, n);

  g_print ("%-34s median %8.2f ms   (min %.2f, max %.2f, %u runs)\n",
           name, sorted[n / 2], sorted[0], sorted[n - 1], n);
}

void
bench_remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

void
bench_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            bench_remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }

  g_rmdir (path);
}

/**
 * bench_programme_path:
 * @cache_dir: where generated programmes are kept between runs
 * @generated_s: (out): seconds spent generating, 0 if it was already there
 *
 * Generating 100,000 attendees takes about a minute, so each size is made
 * once and kept, named by size, seed and schema version. Change rp-generate.c
 * and the old files must be deleted by hand.
 *
 * Returns: (transfer full): the database's path, or %NULL
 */
char *
bench_programme_path (const char  *cache_dir,
                      guint        n_attendees,
                      double      *generated_s,
                      GError     **error)
{
  g_autofree char *name = g_strdup_printf ("programme-%u-seed%d-v%d.db", n_attendees, BENCH_SEED,
                                           RP_STORE_SCHEMA_VERSION);
  g_autofree char *path = g_build_filename (cache_dir, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  gint64 start = g_get_monotonic_time ();

  *generated_s = 0;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  /* Written under another name and renamed when whole: an interrupted run leaves no half programme. */
  bench_remove_database (partial);
  if (!(store = rp_store_open (partial, RP_STORE_OPEN_CREATE, error)))
    return NULL;
  rp_store_set_today (store, BENCH_TODAY);
  if (!(programme = rp_generate_programme (store, n_attendees, BENCH_SEED, error)))
    return NULL;

  /* Closing checkpoints the write-ahead log into the file. */
  g_clear_object (&store);
  if (g_rename (partial, path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
      return NULL;
    }

  *generated_s = bench_elapsed_ms (start) / 1000;
  return g_steal_pointer (&path);
}

/* Opens @path with the benchmarks' "today", and its first programme. */
RpStore *
bench_open_programme (const char   *path,
                      RpProgramme **programme,
                      GError      **error)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GListModel) programmes = NULL;

  if (!(store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, error)) ||
      !(programmes = rp_store_list_programmes (store, error)))
    return NULL;

  if (g_list_model_get_n_items (programmes) == 0)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND, "%s holds no programme", path);
      return NULL;
    }

  rp_store_set_today (store, BENCH_TODAY);
  *programme = g_list_model_get_item (programmes, 0);
  return g_steal_pointer (&store);
}

/* The most resident memory the process has used, in KiB (VmHWM). */
guint64
bench_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmHWM:")) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen ("\nVmHWM:"), NULL, 10);
}

/* Forgets the peak so far (Linux 4.0 and later), so what came before is not counted. */
gboolean
bench_reset_peak_rss (void)
{
  int fd = g_open ("/proc/self/clear_refs", O_WRONLY, 0);
  gboolean done;

  if (fd < 0)
    return FALSE;

  done = write (fd, "5", 1) == 1;
  close (fd);
  return done;
}
