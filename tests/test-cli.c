/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: reprovision-cli as a user runs it */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-export-record-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

static void
test_cli_help_and_version (void)
{
  g_auto(RpCliResult) help = { 0 };
  g_auto(RpCliResult) version = { 0 };
  g_auto(RpCliResult) nothing = { 0 };
  g_auto(RpCliResult) unknown = { 0 };

  rp_test_run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "demo"));
  g_assert_nonnull (strstr (help.out, "attendees"));
  g_assert_nonnull (strstr (help.out, "report"));
  g_assert_nonnull (strstr (help.out, "generate"));
  g_assert_nonnull (strstr (help.out, "import"));

  rp_test_run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "reprovision-cli " PACKAGE_VERSION "\n");

  rp_test_run_cli (&nothing, NULL);
  g_assert_cmpint (nothing.status, ==, 2);

  rp_test_run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "“frobnicate” is not a command"));
}

static void
test_cli_demo_then_read_back (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) csv = { 0 };
  g_auto(RpCliResult) table = { 0 };
  g_auto(GStrv) lines = NULL;

  rp_test_run_cli (&demo, "demo", "--database", location, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "19 attendees"));

  rp_test_run_cli (&csv, "attendees", "--database", location, "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "attendee_no,status,step,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + G_N_ELEMENTS (rp_reference_rows) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (rp_reference_rows); i++)
    {
      const RpReferenceRow *row = &rp_reference_rows[i];
      g_autofree char *prefix = g_strdup_printf ("%d,%s,%d,%s,", row->number, row->status, row->step,
                                                 rp_moving_plan_step_name (row->step));

      if (!g_str_has_prefix (lines[i + 1], prefix))
        g_test_fail_printf ("row %u is “%s”, expected it to start “%s”", i + 1, lines[i + 1], prefix);
    }
  g_assert_cmpstr (lines[G_N_ELEMENTS (rp_reference_rows) + 1], ==, "");

  /* A step change from the command line follows the app's rules. */
  {
    g_auto(RpCliResult) jump = { 0 };
    g_auto(RpCliResult) forward = { 0 };
    g_auto(RpCliResult) after = { 0 };

    rp_test_run_cli (&jump, "step", "--database", location, "--attendee", "4", "--to", "3", NULL);
    g_assert_cmpint (jump.status, ==, 1);
    g_assert_nonnull (strstr (jump.err, "Say why Danny is moving from step 1 to step 3."));

    /* The step is read as an import reads it: a whole number from 1 to 6 or a step's name. */
    {
      const char *unclear[] = { "2.5", "0x2", "+2", "02.0", "2 or 3", "Step 2" };

      for (guint i = 0; i < G_N_ELEMENTS (unclear); i++)
        {
          g_auto(RpCliResult) refused = { 0 };
          g_autofree char *expected = g_strdup_printf ("“%s” is not a step.", unclear[i]);

          rp_test_run_cli (&refused, "step", "--database", location, "--attendee", "4", "--to", unclear[i], "--note", "Phoned", NULL);
          g_assert_cmpint (refused.status, ==, 2);
          g_assert_nonnull (strstr (refused.err, expected));
        }
    }

    rp_test_run_cli (&forward, "step", "--database", location, "--attendee", "4", "--to", "contact with people to commence discussion",
             "--note", "Phoned the family", NULL);
    g_assert_cmpint (forward.status, ==, 0);

    rp_test_run_cli (&after, "attendees", "--database", location, "--format", "csv", NULL);
    g_assert_nonnull (strstr (after.out, "\r\n4,ASC,2,"));
  }

  /* A family's schedule, and the refusal of a command that names nobody. */
  {
    g_auto(RpCliResult) nobody = { 0 };
    g_auto(RpCliResult) ella = { 0 };
    g_autofree char *pdf = g_build_filename (dir, "ella.pdf", NULL);

    rp_test_run_cli (&nobody, "schedule", "--database", location, "--output", pdf, NULL);
    g_assert_cmpint (nobody.status, ==, 2);
    rp_test_run_cli (&ella, "schedule", "--database", location, "--attendee", "5", "--from", "2023-09-22", "--output", pdf, NULL);
    g_assert_cmpint (ella.status, ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }

  rp_test_run_cli (&table, "attendees", "--database", location, NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Health"));

  rp_test_remove_tree (dir);
}

/* A published text that names someone stops the report; the message says
 * which text and how to confirm an ordinary word, never the name. */
static void
test_cli_report_names (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *out = g_build_filename (dir, "progress.csv", NULL);
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) stopped = { 0 };
  g_auto(RpCliResult) wrong = { 0 };
  g_auto(RpCliResult) confirmed = { 0 };
  g_auto(RpCliResult) again = { 0 };
  g_auto(RpCliResult) owner = { 0 };
  g_autoptr(GError) error = NULL;

  rp_test_run_cli (&demo, "demo", "--database", location, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  {
    g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(RpAttendee) four = NULL;

    g_assert_no_error (error);
    four = rp_store_find_attendee (store, 1, 4, &error);
    g_assert_no_error (error);
    rp_attendee_set_report_note (four, "Grant funding agreed for transport.");
    g_assert_true (rp_store_save_attendee (store, four, &error));
  }

  rp_test_run_cli (&stopped, "report", "--database", location, "--format", "csv", "--table", "progress", "--output", out, NULL);
  g_assert_cmpint (stopped.status, ==, 1);
  g_assert_nonnull (strstr (stopped.err, "Word 1 of the report note of attendee 4"));
  g_assert_nonnull (strstr (stopped.err, "--confirm-not-a-name 4:note=WORD"));
  g_assert_null (strstr (stopped.err, "Grant"));
  g_assert_null (strstr (stopped.err, "Leah"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  rp_test_run_cli (&wrong, "report", "--database", location, "--format", "csv", "--table", "progress", "--output", out,
           "--confirm-not-a-name", "4:note=funding", NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  rp_test_run_cli (&confirmed, "report", "--database", location, "--format", "csv", "--table", "progress", "--output", out,
           "--confirm-not-a-name", "4:note=Grant", NULL);
  g_assert_cmpint (confirmed.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  /* The confirmation was recorded: the next export needs none. */
  g_assert_cmpint (g_remove (out), ==, 0);
  rp_test_run_cli (&again, "report", "--database", location, "--format", "csv", "--table", "progress", "--output", out, NULL);
  g_assert_cmpint (again.status, ==, 0);

  /* A worker's full name as a task owner. */
  {
    g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(GListModel) actions = NULL;
    g_autoptr(RpTimetableAction) first = NULL;

    g_assert_no_error (error);
    actions = rp_store_list_actions (store, 1, &error);
    first = g_list_model_get_item (actions, 0);
    rp_timetable_action_set_owner (first, "Priya Mistry");
    g_assert_true (rp_store_save_action (store, first, &error));
  }
  rp_test_run_cli (&owner, "report", "--database", location, "--format", "pdf", "--output", out, NULL);
  g_assert_cmpint (owner.status, ==, 1);
  g_assert_nonnull (strstr (owner.err, "task owner of closure action 1"));
  g_assert_null (strstr (owner.err, "Priya"));
  g_assert_null (strstr (owner.err, "Mistry"));

  rp_test_remove_tree (dir);
}

/* The sample is written as of the day given, as a new user would see it that
 * day: the closure ahead, progress recent except for the two attendees chosen
 * to need attention, taster days coming with families booked, real dates. */
static void
test_cli_demo_today (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_auto(RpCliResult) wrong = { 0 };
  g_auto(RpCliResult) demo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GArray) scheduled = NULL;
  const char *today = "2027-03-01";
  const char *closure;
  guint upcoming = 0;

  rp_test_run_cli (&wrong, "demo", "--database", location, "--today", "2027-02-30", NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "“2027-02-30” is not a real date"));
  /* No file is made (on the team backend the database was made beforehand). */
  if (!rp_test_backend_is_team ())
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  rp_test_run_cli (&demo, "demo", "--database", location, "--today", today, NULL);
  g_assert_cmpint (demo.status, ==, 0);

  store = rp_test_open_store (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  programmes = rp_store_list_programmes (store, &error);
  programme = g_list_model_get_item (programmes, 0);
  closure = rp_programme_get_closure_date (programme);
  g_assert_true (rp_date_is_valid_iso (closure));
  g_assert_cmpint (rp_date_days_between (today, closure), >, 60);
  g_assert_cmpint (rp_date_days_between (today, closure), <, 365);

  attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), &error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 19);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_autoptr(GListModel) history = rp_store_list_step_history (store, rp_attendee_get_id (attendee), &error);
      int number = rp_attendee_get_number (attendee);
      g_autoptr(RpRulesContext) rules = rp_rules_context_new_for_programme (programme, today, 14);
      RpAttention attention = rp_attention_for_attendee (attendee, rules);
      g_autofree char *words = rp_attention_describe (attention, attendee, today);
      const char *previous = NULL;

      /* Attendees 4 and 10 were allocated weeks ago and nobody has called; 11's target has passed;
       * 12's family has not been contacted for 18 days, longer than the programme's 14. */
      if (number == 4 || number == 10)
        g_assert_cmpint (attention, ==, RP_ATTENTION_STALLED);
      else if (number == 11)
        g_assert_cmpint (attention, ==, RP_ATTENTION_TARGET_PASSED);
      else if (number == 12)
        {
          g_assert_cmpint (attention, ==, RP_ATTENTION_FAMILY_NOT_CONTACTED);
          g_assert_cmpstr (words, ==, "Family or advocate not contacted for 18 days");
        }
      else if (attention != RP_ATTENTION_NONE)
        g_test_fail_printf ("attendee %d needs attention: %s", number, words);

      if (number != 4 && number != 10 && words != NULL)
        g_assert_null (strstr (words, "No progress"));

      g_assert_true (rp_attendee_get_target_date (attendee) == NULL ||
                     rp_date_is_valid_iso (rp_attendee_get_target_date (attendee)));
      for (guint j = 0; j < g_list_model_get_n_items (history); j++)
        {
          g_autoptr(RpStepChange) change = g_list_model_get_item (history, j);
          const char *changed_on = rp_step_change_get_changed_on (change);

          g_assert_true (rp_date_is_valid_iso (changed_on));
          g_assert_cmpint (rp_date_compare (changed_on, today), <, 0);
          if (previous != NULL)
            g_assert_cmpint (rp_date_compare (previous, changed_on), <, 0);
          previous = changed_on;
        }
    }

  days = rp_store_list_taster_days (store, rp_programme_get_id (programme), &error);
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
      const char *date = rp_taster_day_get_date (day);

      g_assert_true (date == NULL || rp_date_is_valid_iso (date));
      if (date != NULL && rp_date_days_between (today, date) > 0 && rp_date_days_between (today, date) <= 42)
        upcoming++;
    }
  g_assert_cmpuint (upcoming, >=, 3);

  /* Done actions were due before today, those in progress are not overdue yet. */
  actions = rp_store_list_actions (store, rp_programme_get_id (programme), &error);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
      const char *due = rp_timetable_action_get_due_date (action);

      g_assert_true (due == NULL || rp_date_is_valid_iso (due));
      if (due != NULL)
        g_assert_cmpint (rp_date_compare (due, today) < 0, ==,
                         rp_timetable_action_get_status (action) == RP_ACTION_COMPLETED);
    }

  /* The family schedule of the sample shows the days to come. */
  scheduled = rp_schedule_list_attendees (store, rp_programme_get_id (programme), today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scheduled->len, >=, 4);
  for (guint i = 0; i < scheduled->len; i++)
    {
      g_autoptr(RpSchedule) schedule = rp_schedule_build (store, g_array_index (scheduled, gint64, i), today, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (schedule->sections->len, >, 0);
    }

  g_clear_object (&attendees);
  g_clear_object (&programme);
  g_clear_object (&programmes);
  g_clear_object (&days);
  g_clear_object (&actions);
  g_assert_finalize_object (g_steal_pointer (&store));
  rp_test_remove_tree (dir);
}

static void
test_cli_errors (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_auto(RpCliResult) no_file = { 0 };
  g_auto(RpCliResult) not_db = { 0 };
  g_auto(RpCliResult) no_database = { 0 };
  g_auto(RpCliResult) bad_format = { 0 };

  rp_test_run_cli (&no_file, "attendees", "--database", missing, NULL);
  g_assert_cmpint (no_file.status, ==, 1);
  g_assert_nonnull (strstr (no_file.err, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (text, "Shopping list\n", -1, NULL));
  rp_test_run_cli (&not_db, "demo", "--database", text, NULL);
  g_assert_cmpint (not_db.status, ==, 1);
  g_assert_nonnull (strstr (not_db.err, "not a Reprovision database"));

  rp_test_run_cli (&no_database, "demo", NULL);
  g_assert_cmpint (no_database.status, ==, 2);
  g_assert_nonnull (strstr (no_database.err, "--database"));

  rp_test_run_cli (&bad_format, "attendees", "--database", missing, "--format", "xml", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);

  /* Personal fields only in a CSV file, never mixed into the table. */
  {
    g_auto(RpCliResult) all_fields_table = { 0 };

    rp_test_run_cli (&all_fields_table, "attendees", "--database", missing, "--all-fields", NULL);
    g_assert_cmpint (all_fields_table.status, ==, 2);
  }

  rp_test_remove_tree (dir);
}

/* "report -o report.pdf" writes a PDF, as the name says; a name that says
 * nothing needs --format, and is told so. */
static void
test_cli_report_format_from_name (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "programme.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *pdf = g_build_filename (dir, "Scrutiny report.PDF", NULL);
  g_autofree char *other = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *data = NULL;
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) by_name = { 0 };
  g_auto(RpCliResult) unnamed = { 0 };

  rp_test_run_cli (&demo, "demo", "--database", location, "--today", "2023-09-22", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  rp_test_run_cli (&by_name, "report", "--database", location, "--output", pdf, NULL);
  g_assert_cmpint (by_name.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));

  rp_test_run_cli (&unnamed, "report", "--database", location, "--output", other, NULL);
  g_assert_cmpint (unnamed.status, ==, 2);
  g_assert_nonnull (strstr (unnamed.err, "Say the format with --format"));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  rp_test_remove_tree (dir);
}

static void
test_cli_generate (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *first_location = rp_test_cli_database (first);
  g_autofree char *second = g_build_filename (dir, "second.db", NULL);
  g_autofree char *second_location = rp_test_cli_database (second);
  g_auto(RpCliResult) make_first = { 0 };
  g_auto(RpCliResult) make_second = { 0 };
  g_auto(RpCliResult) list_first = { 0 };
  g_auto(RpCliResult) list_second = { 0 };
  g_auto(GStrv) lines = NULL;

  rp_test_run_cli (&make_first, "generate", "--database", first_location, "--attendees", "50", "--seed", "7", NULL);
  rp_test_run_cli (&make_second, "generate", "--database", second_location, "--attendees", "50", "--seed", "7", NULL);
  g_assert_cmpint (make_first.status, ==, 0);
  g_assert_cmpint (make_second.status, ==, 0);

  rp_test_run_cli (&list_first, "attendees", "--database", first_location, "--format", "csv", NULL);
  rp_test_run_cli (&list_second, "attendees", "--database", second_location, "--format", "csv", NULL);
  lines = g_strsplit (list_first.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 50 + 1);

  /* The same seed gives the same programme, so benchmarks compare like with like. */
  g_assert_cmpstr (list_first.out, ==, list_second.out);

  rp_test_remove_tree (dir);
}

/* Backup, a change, check, restore: the change is undone and the file passes the check. */
static void
test_cli_backup_check_restore (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) backup = { 0 };
  g_auto(RpCliResult) list = { 0 };
  g_auto(RpCliResult) step = { 0 };
  g_auto(RpCliResult) check = { 0 };
  g_auto(RpCliResult) restore = { 0 };
  g_auto(RpCliResult) after = { 0 };
  g_auto(RpCliResult) again = { 0 };
  g_auto(RpCliResult) not_ours = { 0 };
  g_auto(RpCliResult) no_backup = { 0 };

  if (rp_test_skip_on_team ("backup, check and restore work on a file; a server's database is backed up and checked by its administrator"))
    {
      rp_test_remove_tree (dir);
      return;
    }

  rp_test_run_cli (&demo, "demo", "--database", location, "--today", "2023-09-22", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  rp_test_run_cli (&backup, "backup", "--database", location, "--output", copy, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  /* Never overwrites a file. */
  rp_test_run_cli (&again, "backup", "--database", location, "--output", copy, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already exists"));

  rp_test_run_cli (&step, "step", "--database", location, "--attendee", "4", "--to", "2", "--date", "2023-09-20", NULL);
  g_assert_cmpint (step.status, ==, 0);

  rp_test_run_cli (&check, "check", "--database", location, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "No problems found."));

  rp_test_run_cli (&restore, "restore", "--database", location, "--from", copy, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_nonnull (strstr (restore.out, "is kept in"));

  rp_test_run_cli (&after, "attendees", "--database", location, "--format", "csv", NULL);
  g_assert_nonnull (strstr (after.out, "\r\n4,ASC,1,"));

  /* The file replaced by the restore is listed among the backups. */
  rp_test_run_cli (&list, "backup", "--database", location, "--list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Before restoring a backup"));

  g_assert_true (g_file_set_contents (text, "Attendee 4 moved.\n", -1, NULL));
  rp_test_run_cli (&not_ours, "check", "--database", text, NULL);
  g_assert_cmpint (not_ours.status, ==, 1);
  g_assert_nonnull (strstr (not_ours.err, "not a Reprovision database"));

  rp_test_run_cli (&no_backup, "restore", "--database", location, "--from", text, NULL);
  g_assert_cmpint (no_backup.status, ==, 1);
  g_assert_nonnull (strstr (no_backup.err, "cannot be restored"));

  rp_test_remove_tree (dir);
}

static guint
count_attendees (const char *database)
{
  g_auto(RpCliResult) csv = { 0 };
  g_auto(GStrv) lines = NULL;

  rp_test_run_cli (&csv, "attendees", "--database", database, "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\r\n", -1);
  /* The headings, and an empty string after the last line end. */
  return g_strv_length (lines) - 2;
}

/* erase says what it would do until told --yes, then erases from the backups too. */
static void
test_cli_erase (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *folder = g_build_filename (dir, "centre-backups", NULL);
  g_autofree char *copy = NULL;
  g_autoptr(GDir) backups = NULL;
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) backup = { 0 };
  g_auto(RpCliResult) ask = { 0 };
  g_auto(RpCliResult) erase = { 0 };
  g_auto(RpCliResult) missing = { 0 };
  guint before;

  if (rp_test_skip_on_team ("erases from the file's backups too; erasure on a server is in test-team-store"))
    {
      rp_test_remove_tree (dir);
      return;
    }

  rp_test_run_cli (&demo, "demo", "--database", location, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  rp_test_run_cli (&backup, "backup", "--database", location, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  backups = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (backups);
  copy = g_build_filename (folder, g_dir_read_name (backups), NULL);
  before = count_attendees (location);
  g_assert_cmpuint (count_attendees (copy), ==, before);

  rp_test_run_cli (&ask, "erase", "--database", location, "--attendee", "4", NULL);
  g_assert_cmpint (ask.status, ==, 1);
  g_assert_nonnull (strstr (ask.out, "This would erase attendee 4"));
  g_assert_nonnull (strstr (ask.out, "--yes"));
  g_assert_cmpuint (count_attendees (location), ==, before);

  rp_test_run_cli (&erase, "erase", "--database", location, "--attendee", "4", "--yes", NULL);
  g_assert_cmpint (erase.status, ==, 0);
  g_assert_nonnull (strstr (erase.out, "erased from 1 backup"));
  g_assert_cmpuint (count_attendees (location), ==, before - 1);
  g_assert_cmpuint (count_attendees (copy), ==, before - 1);

  rp_test_run_cli (&missing, "erase", "--database", location, "--attendee", "4", "--yes", NULL);
  g_assert_cmpint (missing.status, ==, 1);

  rp_test_remove_tree (dir);
}

/* A file whose audit trail lost a safeguard is refused for changes until
 * "check --repair" puts it back. */
static void
test_cli_check_repair (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) check = { 0 };
  g_auto(RpCliResult) refused = { 0 };
  g_auto(RpCliResult) repair = { 0 };
  g_auto(RpCliResult) step = { 0 };
  sqlite3 *db = NULL;

  if (rp_test_skip_on_team ("about the file's audit triggers and check --repair, which works on a file"))
    {
      rp_test_remove_tree (dir);
      return;
    }

  rp_test_run_cli (&demo, "demo", "--database", location, "--today", "2023-09-22", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  rp_test_run_cli (&check, "check", "--database", location, NULL);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.out, "“audit_no_update” is missing: nothing stops the audit trail being edited."));

  rp_test_run_cli (&refused, "step", "--database", location, "--attendee", "4", "--to", "2", "--date", "2023-09-20", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "check --repair"));

  rp_test_run_cli (&repair, "check", "--database", location, "--repair", NULL);
  g_assert_cmpint (repair.status, ==, 0);
  g_assert_nonnull (strstr (repair.out, "Repaired: 1 safeguard"));
  g_assert_nonnull (strstr (repair.out, "No problems found."));

  rp_test_run_cli (&step, "step", "--database", location, "--attendee", "4", "--to", "2", "--date", "2023-09-20", NULL);
  g_assert_cmpint (step.status, ==, 0);

  rp_test_remove_tree (dir);
}

static void
test_cli_import (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *good = g_build_filename (dir, "good.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *binary = g_build_filename (dir, "photo.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *step_problem = NULL;
  g_autofree char *number_problem = NULL;
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) dry_good = { 0 };
  g_auto(RpCliResult) dry_bad = { 0 };
  g_auto(RpCliResult) real_bad = { 0 };
  g_auto(RpCliResult) real_good = { 0 };
  g_auto(RpCliResult) again = { 0 };
  g_auto(RpCliResult) no_file = { 0 };
  g_auto(RpCliResult) two_files = { 0 };
  g_auto(RpCliResult) not_there = { 0 };
  g_auto(RpCliResult) not_text = { 0 };

  rp_test_run_cli (&demo, "demo", "--database", location, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_set_contents (good,
                                      "attendee_no,status,step,full_name,worker\r\n"
                                      "20,ASC,1,Zara Ali,PM\r\n"
                                      "21,Health,Contact with people to commence discussion,Yusuf Ali,\r\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (bad,
                                      "attendee_no,status,step,full_name\n"
                                      "22,ASC,7,Bad Step\n"
                                      "4,ASC,1,Number Taken\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (binary, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL));

  /* A dry run says what would happen and writes nothing. */
  rp_test_run_cli (&dry_good, "import", "--database", location, "--dry-run", good, NULL);
  g_assert_cmpint (dry_good.status, ==, 0);
  g_assert_cmpstr (dry_good.out, ==, "2 attendees would be added.\n");
  g_assert_cmpuint (count_attendees (location), ==, 19);

  /* Every problem, as FILE:LINE: column “heading”: message, and a failing exit status. */
  rp_test_run_cli (&dry_bad, "import", "--database", location, "--dry-run", bad, NULL);
  g_assert_cmpint (dry_bad.status, ==, 1);
  step_problem = g_strdup_printf ("%s:2: column “step”: “7” is not a step. Write a whole number from 1 to 6, or the step’s name as the moving plan gives it.\n", bad);
  number_problem = g_strdup_printf ("%s:3: column “attendee_no”: Attendee number 4 is already in use in this programme.\n", bad);
  g_assert_nonnull (strstr (dry_bad.err, step_problem));
  g_assert_nonnull (strstr (dry_bad.err, number_problem));
  g_assert_nonnull (strstr (dry_bad.err, "Nothing was added: the file has 2 problems."));
  g_assert_cmpstr (dry_bad.out, ==, "");

  rp_test_run_cli (&real_bad, "import", "--database", location, bad, NULL);
  g_assert_cmpint (real_bad.status, ==, 1);
  g_assert_cmpuint (count_attendees (location), ==, 19);

  rp_test_run_cli (&real_good, "import", "--database", location, good, NULL);
  g_assert_cmpint (real_good.status, ==, 0);
  g_assert_cmpstr (real_good.out, ==, "Added 2 attendees.\n");
  g_assert_cmpuint (count_attendees (location), ==, 21);

  /* The file as it was before the import is kept, so the import can be
   * undone (a server's backups are its administrator's). */
  if (!rp_test_backend_is_team ())
    {
      g_autoptr(GListModel) backups = rp_backup_list (path, NULL);
      g_autoptr(RpBackup) before = g_list_model_get_item (backups, 0);

      g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
      g_assert_cmpint (rp_backup_get_reason (before), ==, RP_BACKUP_BEFORE_IMPORT);
      g_assert_cmpuint (count_attendees (rp_backup_get_path (before)), ==, 19);
    }

  rp_test_run_cli (&again, "import", "--database", location, good, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "Attendee number 20 is already in use"));
  g_assert_cmpuint (count_attendees (location), ==, 21);

  rp_test_run_cli (&no_file, "import", "--database", location, NULL);
  g_assert_cmpint (no_file.status, ==, 2);
  g_assert_nonnull (strstr (no_file.err, "Name the CSV file to import."));
  rp_test_run_cli (&two_files, "import", "--database", location, good, bad, NULL);
  g_assert_cmpint (two_files.status, ==, 2);

  rp_test_run_cli (&not_there, "import", "--database", location, missing, NULL);
  g_assert_cmpint (not_there.status, ==, 1);
  g_assert_nonnull (strstr (not_there.err, "does not exist"));
  rp_test_run_cli (&not_text, "import", "--database", location, "--dry-run", binary, NULL);
  g_assert_cmpint (not_text.status, ==, 1);
  g_assert_nonnull (strstr (not_text.err, "not text"));
  g_assert_cmpuint (count_attendees (location), ==, 21);

  rp_test_remove_tree (dir);
}

/* Whether @text holds ESC or another control a terminal acts on, or a bidirectional override. */
static gboolean
has_terminal_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }

  return FALSE;
}

/* A file or an argument that holds escape sequences cannot make the terminal
 * run them: every value quoted in an error shows them as codes. */
static void
test_cli_no_raw_controls (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *file = g_build_filename (dir, "hostile.csv", NULL);
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) import = { 0 };
  g_auto(RpCliResult) command = { 0 };

  rp_test_run_cli (&demo, "demo", "--database", location, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_set_contents (file,
                                      "attendee_no,status,step,full_name\x1b,worker,\x1b]0;owned\x07notes,date_of_birth\n"
                                      "20,ASC,\x1b[2J,Zara Ali,R\x1b[8mH,,\n"
                                      "21,ASC,1,\xe2\x80\xae" "Ali,,,\xe2\x80\xae" "3202-01-02\n",
                                      -1, NULL));

  rp_test_run_cli (&import, "import", "--database", location, "--dry-run", file, NULL);
  g_assert_cmpint (import.status, ==, 1);
  g_test_message ("%s", import.err);
  g_assert_false (has_terminal_controls (import.err));
  g_assert_nonnull (strstr (import.err, "the column “\\x1b]0;owned\\x07notes” is left out"));
  g_assert_nonnull (strstr (import.err, ":2: column “step”: “\\x1b[2J” is not a step."));
  g_assert_nonnull (strstr (import.err, ":2: column “worker”: No worker called “R\\x1b[8mH”"));
  g_assert_nonnull (strstr (import.err, ":3: column “full_name\\x1b”: There is a hidden character (U+202E) in the full name"));
  g_assert_nonnull (strstr (import.err, ":3: column “date_of_birth”: “[U+202E]3202-01-02” is not a date"));

  rp_test_run_cli (&command, "frob\x1b[2J", NULL);
  g_assert_cmpint (command.status, ==, 2);
  g_assert_false (has_terminal_controls (command.err));
  g_assert_nonnull (strstr (command.err, "“frob\\x1b[2J” is not a command"));
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Which of the -wal, -shm and -journal beside @database exist, one bit each. */
static guint
companions (const char *database)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  guint present = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (database, suffixes[i], NULL);

      if (g_file_test (companion, G_FILE_TEST_EXISTS))
        present |= 1u << i;
    }

  return present;
}

/* An export named after the database, its -wal or a link to it writes
 * nothing; the database is unchanged and passes the check. */
static void
test_cli_export_refuses_database (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cc.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *wal = g_build_filename (dir, "cc.db-wal", NULL);
  g_autofree char *soft = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) onto_database = { 0 };
  g_auto(RpCliResult) onto_wal = { 0 };
  g_auto(RpCliResult) onto_link = { 0 };
  g_auto(RpCliResult) schedule = { 0 };
  g_auto(RpCliResult) backup = { 0 };
  g_auto(RpCliResult) backup_wal = { 0 };
  g_auto(RpCliResult) check = { 0 };

  if (rp_test_skip_on_team ("about exports written over the database file and its -wal file"))
    {
      rp_test_remove_tree (dir);
      return;
    }

  rp_test_run_cli (&demo, "demo", "--database", location, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (symlink (path, soft), ==, 0);
  before = read_bytes (path);

  rp_test_run_cli (&onto_database, "report", "--database", location, "--format", "pdf", "--output", path, NULL);
  g_assert_cmpint (onto_database.status, ==, 1);
  g_assert_nonnull (strstr (onto_database.err, "Nothing was written"));

  rp_test_run_cli (&onto_wal, "report", "--database", location, "--format", "csv", "--table", "summary", "--output", wal, NULL);
  g_assert_cmpint (onto_wal.status, ==, 1);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  rp_test_run_cli (&onto_link, "report", "--database", location, "--format", "xlsx", "--output", soft, NULL);
  g_assert_cmpint (onto_link.status, ==, 1);
  g_assert_nonnull (strstr (onto_link.err, "link"));
  g_assert_true (g_file_test (soft, G_FILE_TEST_IS_SYMLINK));

  rp_test_run_cli (&schedule, "schedule", "--database", location, "--attendee", "5", "--from", "2023-09-22", "--output", path, NULL);
  g_assert_cmpint (schedule.status, ==, 1);

  rp_test_run_cli (&backup_wal, "backup", "--database", location, "--output", wal, NULL);
  g_assert_cmpint (backup_wal.status, ==, 1);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  rp_test_run_cli (&check, "check", "--database", location, NULL);
  g_assert_cmpint (check.status, ==, 0);

  /* A copy is made where it is allowed. */
  rp_test_run_cli (&backup, "backup", "--database", location, "--output", copy, NULL);
  g_assert_cmpint (backup.status, ==, 0);

  rp_test_remove_tree (dir);
}

/* The personal fields go into a file only its owner can read, replacing an
 * earlier one whole. */
static void
test_cli_attendees_output (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cc.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *csv = g_build_filename (dir, "attendees.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) attendees = { 0 };
  g_auto(RpCliResult) help = { 0 };
  GStatBuf info;

  rp_test_run_cli (&demo, "demo", "--database", location, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_set_contents (csv, "last month's list", -1, NULL));
  g_assert_cmpint (g_chmod (csv, 0644), ==, 0);

  rp_test_run_cli (&attendees, "attendees", "--database", location, "--format", "csv", "--all-fields", "--output", csv, NULL);
  g_assert_cmpint (attendees.status, ==, 0);
  g_assert_cmpstr (attendees.out, ==, "");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  /* A file starts with the byte-order mark that tells Excel it is UTF-8. */
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "attendee_no,status,step,"));
  g_assert_nonnull (strstr (contents, "full_name"));
  g_assert_cmpint (g_stat (csv, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* Without it when asked. */
  {
    g_auto(RpCliResult) plain = { 0 };

    g_clear_pointer (&contents, g_free);
    rp_test_run_cli (&plain, "attendees", "--database", location, "--format", "csv", "--plain-utf8", "--output", csv, NULL);
    g_assert_cmpint (plain.status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "attendee_no,status,step,"));
  }

  rp_test_run_cli (&help, "attendees", "--help", NULL);
  g_assert_nonnull (strstr (help.out, "--output"));

  rp_test_remove_tree (dir);
}

/* A database left readable by others is the owner's alone after a writing command. */
static void
test_cli_tightens_database (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cc.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) step = { 0 };
  GStatBuf info;

  if (rp_test_skip_on_team ("about the database file's permissions"))
    {
      rp_test_remove_tree (dir);
      return;
    }

  rp_test_run_cli (&demo, "demo", "--database", location, "--today", "2023-09-22", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  rp_test_run_cli (&step, "step", "--database", location, "--attendee", "4", "--to", "2", "--date", "2023-09-20", NULL);
  g_assert_cmpint (step.status, ==, 0);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  rp_test_remove_tree (dir);
}

/* Runs the commands that only read on @database, expecting @status from each. */
static void
run_reading_commands (const char *database,
                      int         status)
{
  g_auto(RpCliResult) attendees = { 0 };
  g_auto(RpCliResult) check = { 0 };

  rp_test_run_cli (&attendees, "attendees", "--database", database, "--format", "csv", NULL);
  rp_test_run_cli (&check, "check", "--database", database, NULL);

  g_assert_cmpint (attendees.status, ==, status);
  g_assert_cmpint (check.status, ==, status);
  if (status != 0)
    g_assert_nonnull (strstr (attendees.err, "empty"));
}

/* Runs the commands that export on @database, expecting @status from each. */
static void
run_exporting_commands (const char *dir,
                        const char *database,
                        int         status)
{
  g_autofree char *pdf = g_build_filename (dir, "read.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "read-csv", NULL);
  g_auto(RpCliResult) report = { 0 };
  g_auto(RpCliResult) csv_report = { 0 };
  g_auto(RpCliResult) schedule = { 0 };

  rp_test_run_cli (&report, "report", "--database", database, "--format", "pdf", "--output", pdf, NULL);
  rp_test_run_cli (&csv_report, "report", "--database", database, "--format", "csv", "--output", csv, NULL);
  rp_test_run_cli (&schedule, "schedule", "--database", database, "--all", "--from", "2023-09-22", "--output", pdf, NULL);

  g_assert_cmpint (report.status, ==, status);
  g_assert_cmpint (csv_report.status, ==, status);
  g_assert_cmpint (schedule.status, ==, status);
}

static guint
count_exports (const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (database, RP_STORE_OPEN_READ_ONLY | RP_STORE_OPEN_NO_COMPANIONS, &error);
  g_autoptr(GListModel) exports = NULL;

  g_assert_no_error (error);
  exports = rp_store_list_exports (store, 1, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (exports);
}

/* Reading commands change nothing: not an empty file, not a backup copy's
 * journal mode, not the files beside a database nobody has open. Exporting
 * commands change only the export history, which records them. */
static void
test_cli_reading_writes_nothing (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cc.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  const char *files[] = { path, copy };
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) backup = { 0 };
  g_auto(RpCliResult) missing_report = { 0 };
  GStatBuf info;

  if (rp_test_skip_on_team ("about the bytes of the database file, its companion files and a backup copy"))
    {
      rp_test_remove_tree (dir);
      return;
    }

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  run_reading_commands (empty, 1);
  run_exporting_commands (dir, empty, 1);
  g_assert_cmpint (g_stat (empty, &info), ==, 0);
  g_assert_cmpint (info.st_size, ==, 0);
  g_assert_cmpuint (companions (empty), ==, 0);

  rp_test_run_cli (&missing_report, "report", "--database", missing, "--format", "csv", "--table", "summary",
           "--output", empty, NULL);
  g_assert_cmpint (missing_report.status, ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  rp_test_run_cli (&demo, "demo", "--database", location, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_cmpuint (companions (path), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      guint companions_before;
      guint exports_before;
      GStatBuf stat_before;
      GStatBuf stat_after;

      /* The copy in a single file with no log, as backups are made. */
      if (files[i] == copy)
        {
          rp_test_run_cli (&backup, "backup", "--database", location, "--output", copy, NULL);
          g_assert_cmpint (backup.status, ==, 0);
        }

      before = read_bytes (files[i]);
      companions_before = companions (files[i]);
      g_assert_cmpint (g_stat (files[i], &stat_before), ==, 0);
      run_reading_commands (files[i], 0);
      g_assert_cmpint (g_stat (files[i], &stat_after), ==, 0);
      after = read_bytes (files[i]);

      g_assert_true (g_bytes_equal (before, after));
      g_assert_cmpint (stat_before.st_mtim.tv_sec, ==, stat_after.st_mtim.tv_sec);
      g_assert_cmpint (stat_before.st_mtim.tv_nsec, ==, stat_after.st_mtim.tv_nsec);
      g_assert_cmpuint (companions (files[i]), ==, companions_before);

      /* Each export is recorded, and nothing else changes: the journal mode
       * (bytes 18 and 19 of the header), the files beside it. */
      exports_before = count_exports (files[i]);
      run_exporting_commands (dir, files[i], 0);
      g_clear_pointer (&after, g_bytes_unref);
      after = read_bytes (files[i]);
      g_assert_cmpuint (count_exports (files[i]), ==, exports_before + 3);
      g_assert_cmpint (((const guint8 *) g_bytes_get_data (before, NULL))[18], ==,
                       ((const guint8 *) g_bytes_get_data (after, NULL))[18]);
      g_assert_cmpint (((const guint8 *) g_bytes_get_data (before, NULL))[19], ==,
                       ((const guint8 *) g_bytes_get_data (after, NULL))[19]);
      g_assert_cmpuint (companions (files[i]), ==, companions_before);
    }

  rp_test_remove_tree (dir);
}

/* The sample or a synthetic programme is written beside a real one only when asked. */
static void
test_cli_demo_needs_add (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cc.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(RpCliResult) first = { 0 };
  g_auto(RpCliResult) again = { 0 };
  g_auto(RpCliResult) generate = { 0 };
  g_auto(RpCliResult) added = { 0 };
  g_auto(RpCliResult) several = { 0 };

  rp_test_run_cli (&first, "demo", "--database", location, NULL);
  g_assert_cmpint (first.status, ==, 0);
  before = read_bytes (path);

  rp_test_run_cli (&again, "demo", "--database", location, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already holds a programme"));
  g_assert_nonnull (strstr (again.err, "--add"));
  rp_test_run_cli (&generate, "generate", "--database", location, "--attendees", "5", NULL);
  g_assert_cmpint (generate.status, ==, 1);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* Nor is a backup copy switched to another journal mode by a refusal
   * (a backup copy is a file's). */
  if (!rp_test_backend_is_team ())
    {
      g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
      g_autoptr(GBytes) copy_before = NULL;
      g_autoptr(GBytes) copy_after = NULL;
      g_auto(RpCliResult) backup = { 0 };
      g_auto(RpCliResult) onto_copy = { 0 };

      rp_test_run_cli (&backup, "backup", "--database", location, "--output", copy, NULL);
      g_assert_cmpint (backup.status, ==, 0);
      copy_before = read_bytes (copy);
      rp_test_run_cli (&onto_copy, "demo", "--database", copy, NULL);
      g_assert_cmpint (onto_copy.status, ==, 1);
      copy_after = read_bytes (copy);
      g_assert_true (g_bytes_equal (copy_before, copy_after));
    }

  rp_test_run_cli (&added, "demo", "--database", location, "--add", NULL);
  g_assert_cmpint (added.status, ==, 0);
  rp_test_run_cli (&several, "attendees", "--database", location, NULL);
  g_assert_nonnull (strstr (several.err, "several programmes"));

  rp_test_remove_tree (dir);
}

/* Display columns from the start of a line to the start of its last cell
 * (cells are set apart by two spaces or more). */
static glong
last_cell_column (const char *line)
{
  const char *last = NULL;

  for (const char *p = line; *p != '\0'; p++)
    if (p[0] == ' ' && p[1] == ' ' && p[2] != ' ' && p[2] != '\0')
      last = p + 2;
  g_assert_nonnull (last);
  return g_utf8_strlen (line, last - line);
}

/* The table lines up by what a terminal shows: an en dash or an accented
 * initial is one column, not the two or three bytes it is written in. */
static void
test_cli_table_aligns_by_display_width (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) table = { 0 };
  g_auto(GStrv) lines = NULL;
  gboolean saw_dash = FALSE;
  gboolean saw_accent = FALSE;
  glong column = -1;

  rp_test_run_cli (&demo, "demo", "--database", location, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(RpAttendee) first = NULL;
    g_autoptr(RpWorker) worker = NULL;

    g_assert_no_error (error);
    first = rp_store_find_attendee (store, 1, 1, &error);
    g_assert_no_error (error);
    rp_attendee_set_target_date (first, NULL);
    g_assert_true (rp_store_save_attendee (store, first, &error));
    g_assert_no_error (error);
    worker = rp_store_get_worker (store, rp_attendee_get_worker_id (first), &error);
    g_assert_no_error (error);
    rp_worker_set_initials (worker, "ÉÓ");
    g_assert_true (rp_store_save_worker (store, worker, &error));
    g_assert_no_error (error);
  }

  rp_test_run_cli (&table, "attendees", "--database", location, NULL);
  g_assert_cmpint (table.status, ==, 0);
  lines = g_strsplit (table.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      if (column < 0)
        column = last_cell_column (lines[i]);
      g_assert_cmpint (last_cell_column (lines[i]), ==, column);
      saw_dash |= strstr (lines[i], "–") != NULL;
      saw_accent |= strstr (lines[i], "ÉÓ") != NULL;
    }
  g_assert_true (saw_dash);
  g_assert_true (saw_accent);

  rp_test_remove_tree (dir);
}

static gint64
sample_day_id (RpStore    *store,
               gint64      programme_id,
               const char *provider,
               const char *date)
{
  g_autoptr(GListModel) days = rp_store_list_taster_days (store, programme_id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);

      if (g_str_equal (rp_taster_day_get_provider_name (day), provider) &&
          g_strcmp0 (rp_taster_day_get_date (day), date) == 0)
        return rp_taster_day_get_id (day);
    }

  g_assert_not_reached ();
}

static char *
stored_due (const char *path,
            gint64      programme_id,
            guint       position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(RpTimetableAction) action = NULL;

  g_assert_no_error (error);
  actions = rp_store_list_actions (store, programme_id, &error);
  g_assert_no_error (error);
  action = g_list_model_get_item (actions, position);
  return rp_timetable_action_format_due (action);
}

/* "timetable" lists the actions with their due text as printed; "--action N
 * --link-taster-day ID --unlink-taster-day ID" changes an action's links,
 * and a wrong action or day is refused in words, changing nothing. */
static void
test_cli_timetable (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *ibc_id = NULL;
  g_autofree char *pathfinders_id = NULL;
  g_autofree char *mosaic_id = NULL;
  g_autofree char *elsewhere_id = NULL;
  g_autofree char *due = NULL;
  g_autofree char *unchanged = NULL;
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) list = { 0 };
  g_auto(RpCliResult) show = { 0 };
  g_auto(RpCliResult) linked = { 0 };
  g_auto(RpCliResult) unlinked = { 0 };
  g_auto(RpCliResult) no_action = { 0 };
  g_auto(RpCliResult) no_day = { 0 };
  g_auto(RpCliResult) not_a_number = { 0 };
  g_auto(RpCliResult) without_action = { 0 };
  g_auto(RpCliResult) both = { 0 };
  g_auto(RpCliResult) add = { 0 };
  g_auto(RpCliResult) other_programme = { 0 };
  g_autoptr(GError) error = NULL;

  rp_test_run_cli (&demo, "demo", "--database", location, "--today", "2023-09-22", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  {
    g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    ibc_id = g_strdup_printf ("%" G_GINT64_FORMAT, sample_day_id (store, 1, "IBC", "2023-09-30"));
    pathfinders_id = g_strdup_printf ("%" G_GINT64_FORMAT, sample_day_id (store, 1, "Pathfinders", "2023-10-10"));
    mosaic_id = g_strdup_printf ("%" G_GINT64_FORMAT, sample_day_id (store, 1, "Mosaic", "2023-09-27"));
  }

  rp_test_run_cli (&list, "timetable", "--database", location, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, "No.  Due"));
  g_assert_nonnull (strstr (list.out, "\n5    Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc; 19 Oct 2023  In progress  RH/PM"));
  g_assert_nonnull (strstr (list.out, "\n4    In progress"));

  rp_test_run_cli (&show, "timetable", "--database", location, "--action", "4", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Action 4: Work underway with Health"));
  g_assert_nonnull (strstr (show.out, "Taster days of Riverside (sample)"));
  g_assert_nonnull (strstr (show.out, "\nID  Linked  Provider     Date\n"));
  g_assert_nonnull (strstr (show.out, "FTM Dance    to be confirmed\n"));

  /* Two days linked (repeated), then one unlinked; each saved and printed. */
  rp_test_run_cli (&linked, "timetable", "--database", location, "--action", "4",
           "--link-taster-day", ibc_id, "--link-taster-day", pathfinders_id, NULL);
  g_assert_cmpint (linked.status, ==, 0);
  g_assert_nonnull (strstr (linked.out, "Due:                     IBC 30 Sep, Pathfinders 10 Oct\n"));
  due = stored_due (path, 1, 3);
  g_assert_cmpstr (due, ==, "IBC 30 Sep, Pathfinders 10 Oct");
  g_clear_pointer (&due, g_free);

  rp_test_run_cli (&unlinked, "timetable", "--database", location, "--action", "4", "--unlink-taster-day", ibc_id,
           "--link-taster-day", mosaic_id, NULL);
  g_assert_cmpint (unlinked.status, ==, 0);
  due = stored_due (path, 1, 3);
  g_assert_cmpstr (due, ==, "Mosaic 27 Sep, Pathfinders 10 Oct");
  unchanged = g_strdup (due);

  /* Refusals change nothing and say what to do. */
  rp_test_run_cli (&no_action, "timetable", "--database", location, "--action", "9", "--link-taster-day", ibc_id, NULL);
  g_assert_cmpint (no_action.status, ==, 1);
  g_assert_nonnull (strstr (no_action.err, "The timetable has no action 9: it has 5 actions, numbered 1 to 5"));

  rp_test_run_cli (&no_day, "timetable", "--database", location, "--action", "4", "--link-taster-day", ibc_id,
           "--link-taster-day", "999", NULL);
  g_assert_cmpint (no_day.status, ==, 1);
  g_assert_nonnull (strstr (no_day.err, "There is no taster day 999. Nothing was changed."));

  rp_test_run_cli (&not_a_number, "timetable", "--database", location, "--action", "4", "--link-taster-day", "IBC", NULL);
  g_assert_cmpint (not_a_number.status, ==, 2);
  g_assert_nonnull (strstr (not_a_number.err, "“IBC” is not a taster day’s ID"));

  rp_test_run_cli (&without_action, "timetable", "--database", location, "--link-taster-day", ibc_id, NULL);
  g_assert_cmpint (without_action.status, ==, 2);
  g_assert_nonnull (strstr (without_action.err, "--action N"));

  rp_test_run_cli (&both, "timetable", "--database", location, "--action", "4", "--link-taster-day", ibc_id,
           "--unlink-taster-day", ibc_id, NULL);
  g_assert_cmpint (both.status, ==, 2);

  /* A day of another programme in the same file. */
  rp_test_run_cli (&add, "demo", "--database", location, "--add", "--today", "2023-09-22", NULL);
  g_assert_cmpint (add.status, ==, 0);
  {
    g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    elsewhere_id = g_strdup_printf ("%" G_GINT64_FORMAT, sample_day_id (store, 2, "IBC", "2023-09-30"));
  }
  rp_test_run_cli (&other_programme, "timetable", "--database", location, "--programme", "1", "--action", "4",
           "--link-taster-day", elsewhere_id, NULL);
  g_assert_cmpint (other_programme.status, ==, 1);
  g_assert_nonnull (strstr (other_programme.err, "belongs to programme 2 (“Riverside (sample)”), not to programme 1"));
  g_assert_nonnull (strstr (other_programme.err, "Nothing was changed."));

  g_clear_pointer (&due, g_free);
  due = stored_due (path, 1, 3);
  g_assert_cmpstr (due, ==, unchanged);

  rp_test_remove_tree (dir);
}

/* reprovision-cli contact logs and lists contacts under the app's rules,
 * and its CSV of every log is personal data, readable by its owner only
 * and recorded as an export. */
static void
test_cli_contact (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *csv_path = g_build_filename (dir, "contacts.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) add = { 0 };
  g_auto(RpCliResult) future = { 0 };
  g_auto(RpCliResult) no_how = { 0 };
  g_auto(RpCliResult) list = { 0 };
  g_auto(RpCliResult) export = { 0 };
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  rp_test_run_cli (&demo, "demo", "--database", location, "--today", "2023-09-22", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  rp_test_run_cli (&add, "contact", "--database", location, "--attendee", "12", "--add", "--how", "visit",
           "--date", "2023-09-21", "--name", "Janet Walker", "--summary", "Home visit: Janet’s back", "--follow-up", NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_nonnull (strstr (add.out, "Logged for attendee 12: Visit with the family (Janet Walker)"));

  rp_test_run_cli (&future, "contact", "--database", location, "--attendee", "12", "--add", "--how", "phone",
           "--date", "2099-01-01", NULL);  /* the command judges by the real today */
  g_assert_cmpint (future.status, ==, 1);
  g_assert_nonnull (strstr (future.err, "The date of the contact cannot be in the future."));

  rp_test_run_cli (&no_how, "contact", "--database", location, "--attendee", "12", "--add", NULL);
  g_assert_cmpint (no_how.status, !=, 0);
  g_assert_nonnull (strstr (no_how.err, "--how"));

  /* Newest first: the visit, then the sample's call of 18 days before. */
  rp_test_run_cli (&list, "contact", "--database", location, "--attendee", "12", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Home visit: Janet’s back"));
  g_assert_true (strstr (list.out, "21 Sep 2023") < strstr (list.out, "4 Sep 2023"));
  g_assert_nonnull (strstr (list.out, "4 Sep 2023"));

  rp_test_run_cli (&export, "contact", "--database", location, "--all", "--format", "csv", "--output", csv_path,
           "--reason", "Handover to the new team", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, "attendee,date,worker,with_whom,with_name,method,summary,follow_up_needed"));
  g_assert_nonnull (strstr (csv, "12,2023-09-21,Mel Lewis,family,Janet Walker,visit,Home visit: Janet’s back,yes"));
  g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  {
    g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(GListModel) programmes = rp_store_list_programmes (store, &error);
    g_autoptr(RpProgramme) programme = g_list_model_get_item (programmes, 0);
    g_autoptr(GListModel) exports = rp_store_list_exports (store, rp_programme_get_id (programme), &error);
    g_autoptr(RpExportRecord) record = g_list_model_get_item (exports, 0);
    g_autofree char *described = rp_export_record_describe (record);

    g_assert_no_error (error);
    /* The history names it for what it is (schema 13), not as attendees' fields. */
    g_assert_cmpstr (rp_export_record_get_kind (record), ==, "contact-log");
    g_assert_cmpstr (rp_export_record_get_reason (record), ==, "Handover to the new team");
    g_assert_cmpstr (described, ==, "CSV · contact log");
    {
      g_autofree char *base = g_path_get_basename (csv_path);

      g_assert_cmpstr (rp_export_record_get_file_name (record), ==, base);
    }
  }
}

/* After the move, from the command line: the sample's three who moved are
 * shown as a worker would say it; a review that leaves an outcome unrated
 * is refused and changes nothing; one that rates every outcome is kept and
 * moves the person to step 6. */
static void
test_cli_review (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_autofree char *today = rp_date_today ();
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) grace = { 0 };
  g_auto(RpCliResult) eileen = { 0 };
  g_auto(RpCliResult) attending = { 0 };
  g_auto(RpCliResult) half = { 0 };
  g_auto(RpCliResult) whole = { 0 };
  g_auto(RpCliResult) after = { 0 };

  rp_test_run_cli (&demo, "demo", "--after-move", "--database", location, "--today", today, NULL);
  g_assert_cmpint (demo.status, ==, 0);

  rp_test_run_cli (&grace, "review", "--database", location, "--attendee", "20", NULL);
  g_assert_cmpint (grace.status, ==, 0);
  g_assert_nonnull (strstr (grace.out, "Follow-up review: held on "));
  g_assert_nonnull (strstr (grace.out, "Hydrotherapy each week: Partly met — "));
  g_assert_null (strstr (grace.out, "-12-"));  /* dates in words, not ISO */

  rp_test_run_cli (&eileen, "review", "--database", location, "--attendee", "22", NULL);
  g_assert_nonnull (strstr (eileen.out, "Interim place: permanent move planned for "));

  rp_test_run_cli (&attending, "review", "--database", location, "--attendee", "5", NULL);
  g_assert_nonnull (strstr (attending.out, "Not moved yet: no review to hold."));

  rp_test_run_cli (&half, "review", "--database", location, "--attendee", "21", "--record", "--reviewer", "Priya Mistry",
           "--took-part", "person,family", "--rate", "1=met", NULL);
  g_assert_cmpint (half.status, !=, 0);
  g_assert_nonnull (strstr (half.err, "Keeps his quiet room after lunch"));

  rp_test_run_cli (&whole, "review", "--database", location, "--attendee", "21", "--record", "--reviewer", "Priya Mistry",
           "--took-part", "person,family", "--rate", "1=met", "--rate", "2=not-met:Room given to another group", NULL);
  g_assert_cmpint (whole.status, ==, 0);

  rp_test_run_cli (&after, "review", "--database", location, "--attendee", "21", NULL);
  g_assert_nonnull (strstr (after.out, "Follow-up review: held on "));
  g_assert_nonnull (strstr (after.out, "Keeps his quiet room after lunch: Not met — Room given to another group"));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(GListModel) programmes = NULL;
    g_autoptr(RpProgramme) programme = NULL;
    g_autoptr(RpAttendee) tomasz = NULL;

    g_assert_no_error (error);
    programmes = rp_store_list_programmes (store, &error);
    programme = g_list_model_get_item (programmes, 0);
    tomasz = rp_store_find_attendee (store, rp_programme_get_id (programme), 21, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rp_attendee_get_step (tomasz), ==, 6);
  }

  rp_test_remove_tree (dir);
}

/* The programme's history prints what the app's Programme History shows. */
static void
test_cli_programme_history (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *location = rp_test_cli_database (path);
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) change = { 0 };
  g_auto(RpCliResult) history = { 0 };
  g_auto(RpCliResult) both = { 0 };

  rp_test_run_cli (&demo, "demo", "--database", location, "--today", "2023-09-22", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  rp_test_run_cli (&change, "programme", "--database", location, "--follow-up-weeks", "8", NULL);
  g_assert_cmpint (change.status, ==, 0);

  rp_test_run_cli (&history, "programme", "--database", location, "--history", NULL);
  g_assert_cmpint (history.status, ==, 0);
  /* Newest first, one change a line. */
  g_assert_true (g_str_has_prefix (history.out, "Follow-up review set to 8 weeks after the move (was 6) — "));
  g_assert_nonnull (strstr (history.out, "\nWorker Jo Taylor added — "));
  g_assert_nonnull (strstr (history.out, "\nTimetable action “Allocate people to social workers"));
  g_assert_null (strstr (history.out, "Day centre:"));

  rp_test_run_cli (&both, "programme", "--database", location, "--history", "--meeting", "Scrutiny", NULL);
  g_assert_cmpint (both.status, !=, 0);
  g_assert_nonnull (strstr (both.err, "--history"));

  rp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help-and-version", test_cli_help_and_version);
  g_test_add_func ("/cli/demo-then-read-back", test_cli_demo_then_read_back);
  g_test_add_func ("/cli/demo-today", test_cli_demo_today);
  g_test_add_func ("/cli/errors", test_cli_errors);
  g_test_add_func ("/cli/report-names", test_cli_report_names);
  g_test_add_func ("/cli/generate", test_cli_generate);
  g_test_add_func ("/cli/report-format-from-name", test_cli_report_format_from_name);
  g_test_add_func ("/cli/backup-check-restore", test_cli_backup_check_restore);
  g_test_add_func ("/cli/import", test_cli_import);
  g_test_add_func ("/cli/no-raw-controls", test_cli_no_raw_controls);
  g_test_add_func ("/cli/export-refuses-database", test_cli_export_refuses_database);
  g_test_add_func ("/cli/attendees-output", test_cli_attendees_output);
  g_test_add_func ("/cli/tightens-database", test_cli_tightens_database);
  g_test_add_func ("/cli/reading-writes-nothing", test_cli_reading_writes_nothing);
  g_test_add_func ("/cli/demo-needs-add", test_cli_demo_needs_add);
  g_test_add_func ("/cli/erase", test_cli_erase);
  g_test_add_func ("/cli/check-repair", test_cli_check_repair);
  g_test_add_func ("/cli/timetable", test_cli_timetable);
  g_test_add_func ("/cli/programme-history", test_cli_programme_history);
  g_test_add_func ("/cli/contact", test_cli_contact);
  g_test_add_func ("/cli/review", test_cli_review);

  g_test_add_func ("/cli/table-aligns-by-display-width", test_cli_table_aligns_by_display_width);
  return g_test_run ();
}
