/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-exports.c: every export leaves a trace, every page says where it came from, and hidden counts stay hidden */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-export-record-private.h"
#include "rp-audit-entry-private.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  RpStore     *store;
  RpProgramme *programme;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  rp_store_set_user (fixture->store, "jtaylor");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static RpReport *
build (Fixture               *fixture,
       const RpReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  RpReport *report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), options, &error);

  g_assert_no_error (error);
  return report;
}

/* Runs @argv and returns its standard output; the exit status in @status. */
static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  if (status != NULL)
    *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return g_steal_pointer (&out);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, path, "-", NULL };

  if (pdftotext == NULL)
    return NULL;

  return run (argv, NULL);
}

static guint
count_matches (const char *text,
               const char *needle)
{
  guint n = 0;

  for (const char *at = text; (at = strstr (at, needle)) != NULL; at += strlen (needle))
    n++;

  return n;
}

static void
test_record_report (Fixture       *fixture,
                    gconstpointer  data)
{
  RpReportOptions options = {
    .as_of = "2023-09-22", .compare_with = "2023-09-01", .suppress_below = 5, .without_step_column = TRUE,
  };
  g_autoptr(RpReport) report = build (fixture, &options);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(RpExportRecord) record = NULL;
  guint audited = 0;

  g_assert_true (rp_report_record_export (report, fixture->store, "report", "pdf",
                                          "/home/jtaylor/Reports/Day Centre Update.pdf",
                                          "  Scrutiny commission, October meeting ", &error));
  g_assert_no_error (error);

  exports = rp_store_list_exports (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 1);
  record = g_list_model_get_item (exports, 0);
  g_assert_cmpstr (rp_export_record_get_user (record), ==, rp_test_audit_user ("jtaylor"));
  g_assert_cmpstr (rp_export_record_get_kind (record), ==, "report");
  g_assert_cmpstr (rp_export_record_get_format (record), ==, "pdf");
  g_assert_cmpstr (rp_export_record_get_tables (record), ==,
                   "summary, timetable, progress without steps, follow-up summary, follow-up");
  g_assert_cmpstr (rp_export_record_get_as_of (record), ==, "2023-09-22");
  g_assert_cmpstr (rp_export_record_get_compare_with (record), ==, "2023-09-01");
  g_assert_cmpuint (rp_export_record_get_suppress_below (record), ==, 5);
  /* The file's name, not the folder it went to: that would tell of home folders. */
  g_assert_cmpstr (rp_export_record_get_file_name (record), ==, "Day Centre Update.pdf");
  g_assert_cmpstr (rp_export_record_get_reason (record), ==, "Scrutiny commission, October meeting");
  g_assert_nonnull (rp_export_record_get_recorded_at (record));

  /* The export is in the audit trail, under the same user. */
  audit = rp_store_list_audit (fixture->store, "export_record", rp_export_record_get_id (record), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (audit); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (audit, i);

      g_assert_cmpstr (rp_audit_entry_get_user (entry), ==, rp_test_audit_user ("jtaylor"));
      g_assert_cmpstr (rp_audit_entry_get_action (entry), ==, "insert");
      if (g_strcmp0 (rp_audit_entry_get_field (entry), "file_name") == 0)
        g_assert_cmpstr (rp_audit_entry_get_new_value (entry), ==, "Day Centre Update.pdf");
      audited++;
    }
  g_assert_cmpuint (audited, >=, 8);

  /* Nobody edits or removes the history. */
  g_assert_false (rp_test_try_exec (fixture->store, "UPDATE export_record SET reason = 'x'"));
  g_assert_false (rp_test_try_exec (fixture->store, "DELETE FROM export_record"));

  /* A print of the whole report, newest first in the history. */
  {
    g_autoptr(RpReport) whole = build (fixture, NULL);
    g_autoptr(GListModel) again = NULL;
    g_autoptr(RpExportRecord) newest = NULL;
    g_autofree char *description = NULL;

    g_assert_true (rp_report_record_export (whole, fixture->store, "print", "print", NULL, NULL, &error));
    again = rp_store_list_exports (fixture->store, rp_programme_get_id (fixture->programme), &error);
    g_assert_cmpuint (g_list_model_get_n_items (again), ==, 2);
    newest = g_list_model_get_item (again, 0);
    g_assert_cmpstr (rp_export_record_get_kind (newest), ==, "print");
    g_assert_null (rp_export_record_get_file_name (newest));
    g_assert_null (rp_export_record_get_reason (newest));
    g_assert_cmpstr (rp_export_record_get_tables (newest), ==, "summary, timetable, progress, follow-up summary, follow-up");
    description = rp_export_record_describe (newest);
    g_assert_cmpstr (description, ==,
                     "Printed · summary, timetable, progress, follow-up summary, follow-up · as of 22 Sep 2023");
  }
}

/* A database open only for reading cannot record an export, so it cannot export. */
static void
test_record_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) reader = rp_test_open_store (fixture->path, RP_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(RpReport) report = build (fixture, NULL);

  g_assert_no_error (error);
  g_assert_false (rp_report_record_export (report, reader, "report", "pdf", "r.pdf", NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_READ_ONLY);
}

static void
test_footer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RpReport) report = build (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *produced = rp_report_format_produced (report);
  g_auto(GStrv) pages = NULL;

  g_assert_cmpstr (produced, ==, "Produced by Reprovision on 22 September 2023");
  g_assert_true (rp_report_write_pdf (report, path, &error));
  g_assert_no_error (error);

  if ((text = pdf_text (path)) == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  /* Every page, each on its own: pdftotext ends a page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 4);
  for (guint i = 0; pages[i + 1] != NULL; i++)
    g_assert_nonnull (strstr (pages[i], "Produced by Reprovision on 22 September 2023"));
}

static void
test_suppression_warning (Fixture       *fixture,
                          gconstpointer  data)
{
  RpReportOptions full = { .suppress_below = 5, .include_moved = TRUE };
  RpReportOptions safe = { .suppress_below = 5, .include_moved = TRUE, .without_step_column = TRUE };
  RpReportOptions summary = { .suppress_below = 5, .only_table = RP_REPORT_TABLE_SUMMARY };
  g_autoptr(RpReport) unsafe = build (fixture, &full);
  g_autoptr(RpReport) without = build (fixture, &safe);
  g_autoptr(RpReport) alone = build (fixture, &summary);
  g_autoptr(GError) error = NULL;
  g_autofree char *unsafe_path = g_build_filename (fixture->dir, "unsafe.pdf", NULL);
  g_autofree char *safe_path = g_build_filename (fixture->dir, "safe.pdf", NULL);
  g_autofree char *unsafe_text = NULL;
  g_autofree char *safe_text = NULL;
  g_autofree char *statement = rp_report_describe_suppression (unsafe);

  /* Steps 1, 3 and 5 (2, 2 and 1 attendees) are hidden; the progress table gives them away. */
  g_assert_true (rp_report_hidden_counts_recoverable (unsafe));
  g_assert_false (rp_report_hidden_counts_recoverable (without));
  g_assert_false (rp_report_hidden_counts_recoverable (alone));
  g_assert_nonnull (strstr (statement, "every hidden count can be recounted"));

  g_assert_true (rp_report_write_pdf (unsafe, unsafe_path, &error));
  g_assert_true (rp_report_write_pdf (without, safe_path, &error));
  g_assert_no_error (error);
  if ((unsafe_text = pdf_text (unsafe_path)) == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  safe_text = pdf_text (safe_path);

  /* pdftotext wraps the statement's lines; look at its words alone. */
  {
    g_auto(GStrv) words = g_strsplit_set (unsafe_text, " \n", -1);
    g_autofree char *joined = g_strjoinv (" ", words);

    g_assert_nonnull (strstr (joined, "This protects the summary tables only."));
    g_assert_nonnull (strstr (joined, "This report does not protect small groups."));
  }
  {
    g_auto(GStrv) words = g_strsplit_set (safe_text, " \n", -1);
    g_autofree char *joined = g_strjoinv (" ", words);

    g_assert_nonnull (strstr (joined, "This protects the summary tables only."));
    g_assert_null (strstr (joined, "does not protect"));
  }

  /* The safe progress table has no step column, in every format: step 2's
   * name is in the summary once, and no more in the progress table. */
  g_assert_cmpuint (count_matches (unsafe_text, "· Contact with people"), ==, 9);
  g_assert_cmpuint (count_matches (safe_text, "· Contact with people"), ==, 1);
  g_assert_nonnull (strstr (safe_text, "Appendix 2"));
  {
    g_autofree char *csv = rp_report_to_csv (without, RP_REPORT_TABLE_PROGRESS);

    g_assert_true (g_str_has_prefix (csv, "attendee_no,status,report_note,target_moving_date\r\n"));
    g_assert_null (strstr (csv, "Contact with people"));
  }
  {
    RpReportOptions progress = { .suppress_below = 5, .without_step_column = TRUE,
                                 .only_table = RP_REPORT_TABLE_PROGRESS };
    g_autoptr(RpReport) table = build (fixture, &progress);
    g_autofree char *xlsx = g_build_filename (fixture->dir, "safe.xlsx", NULL);
    g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-text.py", NULL);
    g_autofree char *python = g_find_program_in_path ("python3");
    g_autofree char *text = NULL;
    const char *argv[] = { python, script, xlsx, NULL };

    g_assert_true (rp_report_write_xlsx (table, xlsx, &error));
    g_assert_no_error (error);
    if (python != NULL)
      {
        text = run (argv, NULL);
        g_assert_nonnull (strstr (text, "Attendee (Health)"));
        g_assert_null (strstr (text, "Step on moving plan"));
        g_assert_null (strstr (text, "Contact with people"));
      }
  }
}

/* Three cells of one attendee each are hidden, and nothing else: the total
 * minus the cells shown leaves 3, so each of the three must be 1. Another
 * cell is hidden too, and it is not called small. */
static void
test_secondary_suppression (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 programme_id = rp_programme_get_id (fixture->programme);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) two = rp_store_find_attendee (fixture->store, programme_id, 2, NULL);
  g_autoptr(RpAttendee) five = rp_store_find_attendee (fixture->store, programme_id, 5, NULL);
  g_autoptr(RpAttendee) nineteen = rp_store_find_attendee (fixture->store, programme_id, 19, NULL);
  g_autoptr(GListModel) providers = rp_store_list_providers (fixture->store, NULL);
  g_autoptr(RpProvider) provider = g_list_model_get_item (providers, 0);
  RpReportOptions options = { .suppress_below = 2, .only_table = RP_REPORT_TABLE_SUMMARY };
  g_autoptr(RpReport) report = NULL;
  guint hidden = 0;

  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (two), 5, "2023-09-20", NULL, &error));
  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (five), 5, "2023-09-20", NULL, &error));
  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (five), 6, "2023-09-21", NULL, &error));
  g_assert_true (rp_store_record_move (fixture->store, rp_attendee_get_id (nineteen), rp_provider_get_id (provider),
                                       "2023-09-21", &error));
  g_assert_no_error (error);

  report = build (fixture, &options);
  g_assert_cmpuint (rp_report_get_count (report, 5), ==, 1);
  g_assert_cmpuint (rp_report_get_count (report, 6), ==, 1);
  g_assert_cmpuint (rp_report_get_count (report, 7), ==, 1);

  for (int cell = 1; cell <= 7; cell++)
    hidden += rp_report_is_hidden (report, cell);
  g_assert_cmpuint (hidden, ==, 4);
  g_assert_false (rp_report_hidden_counts_recoverable (report));

  /* The extra cell holds 2: it prints as hidden, never as "<2". */
  {
    g_autofree char *step1 = rp_report_format_count (report, 1);
    g_autofree char *step5 = rp_report_format_count (report, 5);
    g_autofree char *total = rp_report_format_count (report, 8);

    g_assert_cmpstr (step1, ==, "[c]");
    g_assert_cmpstr (step5, ==, "<2");
    g_assert_cmpstr (total, ==, "19");
  }
}

static void
test_cli_records (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *cli = g_getenv ("REPROVISION_CLI");
  g_autofree char *database = rp_test_store_location (fixture->path);
  g_autofree char *folder = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *pdf = g_build_filename (folder, "report.pdf", NULL);
  g_autofree char *unsafe = g_build_filename (folder, "unsafe.pdf", NULL);
  g_autofree char *csv = g_build_filename (folder, "progress.csv", NULL);
  g_autofree char *schedule = g_build_filename (folder, "schedule.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  /* Suppression with the full progress table would publish recountable counts. */
  {
    const char *argv[] = { cli, "report", "--database", database, "--format", "pdf", "--output", unsafe,
                           "--suppress-below", "5", NULL };
    g_free (run (argv, &status));
    g_assert_cmpint (status, ==, 1);
    g_assert_false (g_file_test (unsafe, G_FILE_TEST_EXISTS));
  }
  {
    const char *argv[] = { cli, "report", "--database", database, "--format", "pdf", "--output", pdf,
                           "--suppress-below", "5", "--without-steps", "--as-of", "2023-09-22",
                           "--reason", "Scrutiny commission", NULL };
    g_free (run (argv, &status));
    g_assert_cmpint (status, ==, 0);
  }
  {
    const char *argv[] = { cli, "report", "--database", database, "--format", "csv", "--table", "progress",
                           "--output", csv, "--without-steps", NULL };
    g_free (run (argv, &status));
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
    g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "attendee_no,status,report_note,target_moving_date\r\n"));
  }
  {
    const char *argv[] = { cli, "schedule", "--database", database, "--attendee", "1", "--output", schedule,
                           "--from", "2023-09-01", NULL };
    g_free (run (argv, &status));
    g_assert_cmpint (status, ==, 0);
  }
  {
    const char *argv[] = { cli, "attendees", "--database", database, "--format", "csv", "--all-fields",
                           "--reason", "Handover to the new provider", NULL };
    out = run (argv, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "full_name"));
  }

  exports = rp_store_list_exports (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 4);
  {
    g_autoptr(RpExportRecord) all_fields = g_list_model_get_item (exports, 0);
    g_autoptr(RpExportRecord) family = g_list_model_get_item (exports, 1);
    g_autoptr(RpExportRecord) progress = g_list_model_get_item (exports, 2);
    g_autoptr(RpExportRecord) report = g_list_model_get_item (exports, 3);

    g_assert_cmpstr (rp_export_record_get_kind (all_fields), ==, "attendees-all-fields");
    g_assert_cmpstr (rp_export_record_get_reason (all_fields), ==, "Handover to the new provider");
    g_assert_cmpstr (rp_export_record_get_kind (family), ==, "family-schedule");
    /* A family's file is named after the person: it is not kept, as it would outlive an erasure. */
    g_assert_null (rp_export_record_get_file_name (family));
    g_assert_cmpstr (rp_export_record_get_tables (progress), ==, "progress without steps");
    g_assert_cmpstr (rp_export_record_get_format (progress), ==, "csv");
    g_assert_cmpstr (rp_export_record_get_kind (report), ==, "report");
    g_assert_cmpstr (rp_export_record_get_format (report), ==, "pdf");
    g_assert_cmpstr (rp_export_record_get_file_name (report), ==, "report.pdf");
    g_assert_cmpstr (rp_export_record_get_as_of (report), ==, "2023-09-22");
    g_assert_cmpuint (rp_export_record_get_suppress_below (report), ==, 5);
    g_assert_cmpstr (rp_export_record_get_reason (report), ==, "Scrutiny commission");
  }
}

/* A database the CLI cannot write to cannot record an export: nothing is written. */
static void
test_cli_unrecorded (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *cli = g_getenv ("REPROVISION_CLI");
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  int status = -1;

  if (getuid () == 0)
    {
      g_test_skip ("root can write to a read-only file");
      return;
    }

  g_assert_cmpint (g_chmod (fixture->path, 0400), ==, 0);
  {
    const char *argv[] = { cli, "report", "--database", fixture->path, "--format", "pdf", "--output", pdf, NULL };
    g_free (run (argv, &status));
  }
  g_chmod (fixture->path, 0600);
  g_assert_cmpint (status, ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/exports/record-report", test_record_report);
  ADD ("/core/exports/record-read-only", test_record_read_only);
  ADD ("/core/exports/footer", test_footer);
  ADD ("/core/exports/suppression-warning", test_suppression_warning);
  ADD ("/core/exports/secondary-suppression", test_secondary_suppression);
  ADD ("/core/exports/cli-records", test_cli_records);
  ADD ("/core/exports/cli-unrecorded", test_cli_unrecorded);
#undef ADD

  return g_test_run ();
}
