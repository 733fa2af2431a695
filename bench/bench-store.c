/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-store.c: recording step changes and exporting the report at council scale, no display needed */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "rp-store-private.h"

#define STEP_CHANGES     200
#define EXPORT_RUNS      5
#define LIBREOFFICE_RUNS 3

/* What the user waits for after choosing a file: the report is read, checked
 * for names (as the app and the CLI do) and written. */
static RpReport *
build_checked_report (RpStore       *store,
                      RpProgramme   *programme,
                      RpReportTable  only_table)
{
  /* The Reports page's defaults. */
  RpReportOptions options = { .include_moved = TRUE, .only_table = only_table, .marking = "OFFICIAL" };
  g_autoptr(RpReport) report = NULL;
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(GError) error = NULL;

  report = rp_report_build (store, rp_programme_get_id (programme), &options, &error);
  g_assert_no_error (error);
  names = rp_store_build_name_index (store, rp_programme_get_id (programme), &error);
  g_assert_no_error (error);
  g_assert_true (rp_report_check_names (report, names, NULL, NULL));

  return g_steal_pointer (&report);
}

/* The three files the app writes when saving as CSV. */
static void
write_csv (RpReport   *report,
           const char *dir)
{
  static const char * const tables[] = { "progress", "timetable", "summary" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *csv = rp_report_to_csv (report, RP_REPORT_TABLE_PROGRESS + i);
      g_autofree char *name = g_strdup_printf ("%s.csv", tables[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
      g_assert_no_error (error);
    }
}

/* One step forward each, spread over the whole programme, as a day's work would be. */
static guint
change_steps (RpStore    *store,
              GListModel *attendees,
              guint       first,
              double     *ms)
{
  guint n_attendees = g_list_model_get_n_items (attendees);
  guint stride = MAX (n_attendees / (STEP_CHANGES * 2), 2);
  guint n = 0;

  for (guint i = first; i < n_attendees && n < STEP_CHANGES; i += stride)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_autoptr(GError) error = NULL;
      gint64 start;

      if (rp_attendee_get_step (attendee) >= RP_MOVING_PLAN_LAST_STEP ||
          rp_attendee_get_outcome (attendee) != RP_OUTCOME_ATTENDING)
        continue;

      start = g_get_monotonic_time ();
      rp_store_change_step (store, rp_attendee_get_id (attendee), rp_attendee_get_step (attendee) + 1,
                            BENCH_TODAY, NULL, &error);
      ms[n++] = bench_elapsed_ms (start);
      g_assert_no_error (error);
    }

  return n;
}

static void
measure_step_changes (RpStore     *store,
                      RpProgramme *programme)
{
  g_autoptr(GListModel) attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), NULL);
  double ms[STEP_CHANGES];
  guint n;

  n = change_steps (store, attendees, 0, ms);
  bench_report ("record a step change", ms, n);

  /* The same on other attendees without waiting for the disk, to tell the
   * store's own work from fsync, which a busy disk can slow tenfold. */
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store), "PRAGMA synchronous = NORMAL", NULL, NULL, NULL), ==, SQLITE_OK);
  n = change_steps (store, attendees, 1, ms);
  bench_report ("  the same, without fsync", ms, n);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store), "PRAGMA synchronous = FULL", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
measure_exports (RpStore     *store,
                 RpProgramme *programme,
                 const char  *dir,
                 double      *progress_pdf_median)
{
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *progress_pdf = g_build_filename (dir, "progress-only.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "report.xlsx", NULL);
  double build_ms[EXPORT_RUNS], csv_ms[EXPORT_RUNS], pdf_ms[EXPORT_RUNS], xlsx_ms[EXPORT_RUNS];
  double progress_ms[EXPORT_RUNS];
  guint n_pages = 0;

  for (guint run = 0; run < EXPORT_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start;

      start = g_get_monotonic_time ();
      g_object_unref (build_checked_report (store, programme, RP_REPORT_TABLE_ALL));
      build_ms[run] = bench_elapsed_ms (start);

      start = g_get_monotonic_time ();
      {
        g_autoptr(RpReport) report = build_checked_report (store, programme, RP_REPORT_TABLE_ALL);
        write_csv (report, dir);
      }
      csv_ms[run] = bench_elapsed_ms (start);

      start = g_get_monotonic_time ();
      {
        g_autoptr(RpReport) report = build_checked_report (store, programme, RP_REPORT_TABLE_ALL);
        rp_report_write_pdf (report, pdf, &error);
      }
      pdf_ms[run] = bench_elapsed_ms (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      {
        g_autoptr(RpReport) report = build_checked_report (store, programme, RP_REPORT_TABLE_ALL);
        rp_report_write_xlsx (report, xlsx, &error);
      }
      xlsx_ms[run] = bench_elapsed_ms (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      {
        g_autoptr(RpReport) report = build_checked_report (store, programme, RP_REPORT_TABLE_PROGRESS);
        rp_report_write_pdf (report, progress_pdf, &error);
        if (run == 0)
          {
            g_autoptr(RpReportDocument) document = rp_report_document_new (report, RP_REPORT_PAGE_WIDTH,
                                                                           RP_REPORT_PAGE_HEIGHT);
            n_pages = rp_report_document_get_n_pages (document);
          }
      }
      progress_ms[run] = bench_elapsed_ms (start);
      g_assert_no_error (error);
    }

  bench_report ("build the report (read, check)", build_ms, EXPORT_RUNS);
  bench_report ("export CSV (3 files)", csv_ms, EXPORT_RUNS);
  bench_report ("export PDF", pdf_ms, EXPORT_RUNS);
  bench_report ("export XLSX", xlsx_ms, EXPORT_RUNS);
  bench_report ("export PDF, progress table only", progress_ms, EXPORT_RUNS);
  g_print ("%-34s %u pages\n", "  (progress table only)", n_pages);
  *progress_pdf_median = bench_median (progress_ms, EXPORT_RUNS);
}

static gboolean
run_libreoffice (const char *program,
                 const char *profile_uri,
                 const char *csv,
                 const char *out_dir)
{
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  /* Comma-separated, quoted with ", UTF-8 (76), from the first line: as the app writes it. */
  const char *argv[] = { program, profile_arg, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "pdf",
                         "--outdir", out_dir, csv, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("LibreOffice failed: %s\n%s", error->message, err != NULL ? err : "");
      return FALSE;
    }

  return TRUE;
}

/* The same progress table, from the CSV the app writes, through LibreOffice. */
static void
measure_libreoffice (const char *dir,
                     double      reprovision_ms)
{
  g_autofree char *program = g_find_program_in_path ("libreoffice");
  g_autofree char *csv = g_build_filename (dir, "progress.csv", NULL);
  g_autofree char *pdf = g_build_filename (dir, "progress.pdf", NULL);
  g_autofree char *profile = g_build_filename (dir, "libreoffice-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  double ms[LIBREOFFICE_RUNS];
  gint64 start;

  if (program == NULL)
    program = g_find_program_in_path ("soffice");
  if (program == NULL)
    {
      g_print ("%-34s skipped: libreoffice is not installed (Debian: apt-get install libreoffice-calc-nogui)\n",
               "LibreOffice CSV to PDF");
      return;
    }

  /* The first run creates the profile, which the user pays only once. */
  start = g_get_monotonic_time ();
  if (!run_libreoffice (program, profile_uri, csv, dir))
    return;
  g_print ("%-34s %8.2f ms   (warm-up, a fresh profile; not counted)\n", "LibreOffice CSV to PDF, first run",
           bench_elapsed_ms (start));

  for (guint run = 0; run < LIBREOFFICE_RUNS; run++)
    {
      g_unlink (pdf);
      start = g_get_monotonic_time ();
      if (!run_libreoffice (program, profile_uri, csv, dir))
        return;
      ms[run] = bench_elapsed_ms (start);
      g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }

  bench_report ("LibreOffice CSV to PDF", ms, LIBREOFFICE_RUNS);
  g_print ("%-34s %8.1fx  (LibreOffice median / Reprovision median)\n", "  ratio to the progress-table PDF",
           bench_median (ms, LIBREOFFICE_RUNS) / reprovision_ms);
}

int
main (int    argc,
      char **argv)
{
  guint n_attendees = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autofree char *dir = g_dir_make_tmp ("reprovision-bench-XXXXXX", NULL);
  const char *cache_dir = argc > 2 ? argv[2] : dir;
  g_autofree char *cached = NULL;
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  double generated_s, progress_pdf_ms;

  cached = bench_programme_path (cache_dir, n_attendees, &generated_s, &error);
  g_assert_no_error (error);

  /* Step changes are written: they go to a copy, so the cached programme stays as generated. */
  rp_database_file_copy (cached, path, &error);
  g_assert_no_error (error);
  store = bench_open_programme (path, &programme, &error);
  g_assert_no_error (error);

  if (generated_s > 0)
    g_print ("Store and reports with %u attendees (generated in %.1f s)\n\n", n_attendees, generated_s);
  else
    g_print ("Store and reports with %u attendees (generated earlier: %s)\n\n", n_attendees, cached);

  measure_step_changes (store, programme);
  g_print ("%-34s write-ahead log, synchronous = FULL, database in %s\n\n", "", g_get_tmp_dir ());

  measure_exports (store, programme, dir, &progress_pdf_ms);
  g_print ("%-34s each export includes building and checking the report\n\n", "");

  measure_libreoffice (dir, progress_pdf_ms);

  g_clear_object (&store);
  bench_remove_tree (dir);
  return 0;
}
