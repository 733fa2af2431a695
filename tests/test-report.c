/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c: the scrutiny report: what it contains, as of when, and what it must never contain */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "rp-core.h"
#include "rp-report-private.h"
#include "rp-test-util.h"

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
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

static void
test_report_progress_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RpReport) report = build (fixture, NULL);

  g_assert_cmpstr (rp_report_get_title (report), ==, "Day Centre Update");
  g_assert_cmpstr (rp_report_get_as_of (report), ==, "2023-09-22");
  g_assert_cmpuint (rp_report_get_n_rows (report), ==, G_N_ELEMENTS (rp_reference_rows));

  for (guint i = 0; i < G_N_ELEMENTS (rp_reference_rows); i++)
    {
      const RpProgressRow *row = rp_report_get_row (report, i);
      g_autofree char *status = rp_report_format_status (row);
      g_autofree char *expected_status = g_strdup_printf ("Attendee (%s)", rp_reference_rows[i].status);

      g_assert_cmpint (row->number, ==, rp_reference_rows[i].number);
      g_assert_cmpint (row->step, ==, rp_reference_rows[i].step);
      g_assert_cmpstr (status, ==, expected_status);
      g_assert_cmpstr (row->report_note, ==, rp_reference_rows[i].note);
    }

  g_assert_cmpuint (rp_report_get_count (report, 2), ==, 8);
  g_assert_cmpuint (rp_report_get_count (report, 4), ==, 6);
  g_assert_cmpuint (rp_report_get_count (report, 8), ==, 19);
}

static void
test_report_as_of (Fixture       *fixture,
                   gconstpointer  data)
{
  RpReportOptions early = { .as_of = "2023-08-01" };
  RpReportOptions mid = { .as_of = "2023-08-30", .compare_with = "2023-08-01" };
  RpReportOptions before = { .as_of = "2023-07-01" };
  g_autoptr(RpReport) report = build (fixture, &early);
  g_autoptr(RpReport) later = build (fixture, &mid);
  g_autoptr(RpReport) empty = build (fixture, &before);

  /* On 1 August everyone had a worker and nobody had been contacted yet. */
  g_assert_cmpuint (rp_report_get_count (report, 1), ==, 19);
  g_assert_cmpuint (rp_report_get_count (report, 2), ==, 0);

  /* By 30 August the reviews of those now at step 3 or beyond had started. */
  g_assert_cmpuint (rp_report_get_count (later, 1), ==, 2);
  g_assert_cmpuint (rp_report_get_count (later, 2), ==, 8);
  g_assert_cmpuint (rp_report_get_count (later, 3), ==, 9);
  g_assert_true (rp_report_has_comparison (later));
  g_assert_cmpint (rp_report_get_change (later, 1), ==, -17);
  g_assert_cmpint (rp_report_get_change (later, 3), ==, 9);

  /* Before anyone was added, there is nobody to report. */
  g_assert_cmpuint (rp_report_get_n_rows (empty), ==, 0);
}

static void
test_report_moves (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) seven = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 7, NULL);
  g_autoptr(GListModel) providers = rp_store_list_providers (fixture->store, NULL);
  g_autoptr(RpProvider) mosaic = g_list_model_get_item (providers, 2);
  RpReportOptions without = { .as_of = "2023-09-22" };
  RpReportOptions with = { .as_of = "2023-09-22", .include_moved = TRUE };
  RpReportOptions before_move = { .as_of = "2023-09-19", .include_moved = TRUE };
  g_autoptr(RpReport) report = NULL;
  g_autoptr(RpReport) with_moved = NULL;
  g_autoptr(RpReport) earlier = NULL;
  g_autofree char *note = NULL;

  g_assert_true (rp_store_record_move (fixture->store, rp_attendee_get_id (seven), rp_provider_get_id (mosaic),
                                       "2023-09-20", &error));
  report = build (fixture, &without);
  with_moved = build (fixture, &with);
  earlier = build (fixture, &before_move);

  g_assert_cmpuint (rp_report_get_n_rows (report), ==, 18);
  g_assert_cmpuint (rp_report_get_n_rows (with_moved), ==, 19);
  g_assert_cmpuint (rp_report_get_moved (report), ==, 1);
  g_assert_cmpuint (rp_report_get_count (report, 3), ==, 1);
  note = rp_report_format_note (rp_report_get_row (with_moved, 6));
  g_assert_cmpstr (note, ==, "Allocated worker meeting with family – Mosaic potential alt. provider. Moved on 20 Sep 2023.");

  /* On 19 September the move had not happened. */
  g_assert_cmpuint (rp_report_get_moved (earlier), ==, 0);
}

static void
test_report_suppression (Fixture       *fixture,
                         gconstpointer  data)
{
  RpReportOptions five = { .suppress_below = 5 };
  RpReportOptions two = { .suppress_below = 2 };
  g_autoptr(RpReport) report = build (fixture, &five);
  g_autoptr(RpReport) secondary = build (fixture, &two);
  g_autofree char *step1 = rp_report_format_count (report, 1);
  g_autofree char *step2 = rp_report_format_count (report, 2);
  g_autofree char *step5 = rp_report_format_count (secondary, 5);
  g_autofree char *step6 = rp_report_format_count (secondary, 6);
  g_autofree char *step3 = rp_report_format_count (secondary, 3);
  g_autofree char *total = rp_report_format_count (secondary, 8);
  g_autofree char *csv = rp_report_to_csv (report, RP_REPORT_TABLE_SUMMARY);

  g_assert_cmpstr (step1, ==, "<5");
  g_assert_cmpstr (step2, ==, "8");
  g_assert_nonnull (strstr (csv, "1,Social worker identified,<5,"));

  /* Only step 5 (one person) is small: the next smallest cell is hidden too,
   * so 19 minus the others cannot reveal it. */
  g_assert_cmpstr (step5, ==, "<2");
  g_assert_cmpstr (step6, ==, "<2");
  g_assert_cmpstr (step3, ==, "2");
  g_assert_cmpstr (total, ==, "19");
}

static void
test_report_names_stop_export (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpNameIndex) names = rp_store_build_name_index (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(RpReport) clean = build (fixture, NULL);
  g_autoptr(RpAttendee) three = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 3, NULL);
  g_autoptr(RpAttendee) one = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 1, NULL);
  g_assert_true (rp_report_check_names (clean, names, NULL, &error));
  g_assert_no_error (error);

  /* A note that names the worker. */
  rp_attendee_set_report_note (three, "Priya discussing options with family");
  g_assert_true (rp_store_save_attendee (fixture->store, three, &error));
  {
    g_autoptr(RpReport) report = build (fixture, NULL);
    g_autoptr(RpNameFinding) finding = NULL;

    g_assert_false (rp_report_check_names (report, names, &finding, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_assert_cmpint (finding->field, ==, RP_PUBLISHED_REPORT_NOTE);
    g_assert_cmpint (finding->number, ==, 3);
    g_assert_cmpstr (finding->known, ==, "Priya");
    g_assert_null (strstr (error->message, "Priya"));
    g_clear_error (&error);
  }

  /* A note that names an attendee's mother, with a possessive. */
  rp_attendee_set_report_note (three, "Worker discussing options with family");
  g_assert_true (rp_store_save_attendee (fixture->store, three, &error));
  rp_attendee_set_report_note (one, "Nasreen's preference is Mosaic");
  g_assert_true (rp_store_save_attendee (fixture->store, one, &error));
  {
    g_autoptr(RpReport) report = build (fixture, NULL);
    g_autoptr(RpNameFinding) finding = NULL;

    g_assert_false (rp_report_check_names (report, names, &finding, &error));
    g_assert_cmpint (finding->number, ==, 1);
    g_assert_cmpstr (finding->known, ==, "Nasreen");
  }
}

/* Checks the report @fixture's store makes now; returns the finding, if any. */
static RpNameFinding *
check_now (Fixture *fixture,
           const RpReportOptions *options,
           char    **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReport) report = build (fixture, options);
  g_autoptr(RpNameIndex) names = rp_store_build_name_index (fixture->store, rp_programme_get_id (fixture->programme), &error);
  RpNameFinding *finding = NULL;

  g_assert_no_error (error);
  if (rp_report_check_names (report, names, &finding, &error))
    {
      g_assert_no_error (error);
      return NULL;
    }

  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  if (message != NULL)
    *message = g_strdup (error->message);
  return finding;
}

static RpTimetableAction *
first_action (Fixture *fixture)
{
  g_autoptr(GListModel) actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);

  return g_list_model_get_item (actions, 0);
}

/* Every text the report prints is checked, not only the notes, and the
 * message says where without saying who. */
static void
test_report_every_published_text_checked (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTimetableAction) action = first_action (fixture);
  g_autofree char *activity = g_strdup (rp_timetable_action_get_activity (action));
  RpReportOptions marked = { .marking = "OFFICIAL \xe2\x80\x93 for Imran" };

  g_assert_null (check_now (fixture, NULL, NULL));

  /* A full name as task owner. */
  rp_timetable_action_set_owner (action, "Priya Mistry");
  g_assert_true (rp_store_save_action (fixture->store, action, &error));
  {
    g_autofree char *message = NULL;
    g_autoptr(RpNameFinding) finding = check_now (fixture, NULL, &message);

    g_assert_nonnull (finding);
    g_assert_cmpint (finding->field, ==, RP_PUBLISHED_TASK_OWNER);
    g_assert_cmpint (finding->number, ==, 1);
    g_assert_nonnull (strstr (message, "task owner of closure action 1"));
    g_assert_nonnull (strstr (message, "--confirm-not-a-name timetable:1:owner=WORD"));
    g_assert_null (strstr (message, "Priya"));
    g_assert_null (strstr (message, "Mistry"));
  }

  /* Initials stay allowed. */
  rp_timetable_action_set_owner (action, "OO/MM");
  g_assert_true (rp_store_save_action (fixture->store, action, &error));
  g_assert_null (check_now (fixture, NULL, NULL));
  rp_timetable_action_set_owner (action, "ML");
  g_assert_true (rp_store_save_action (fixture->store, action, &error));
  g_assert_null (check_now (fixture, NULL, NULL));

  /* An activity that names an attendee's family (Susan Morgan is Ella's mother). */
  rp_timetable_action_set_activity (action, "Meet the Morgans about transport");
  g_assert_true (rp_store_save_action (fixture->store, action, &error));
  {
    g_autoptr(RpNameFinding) finding = check_now (fixture, NULL, NULL);

    g_assert_nonnull (finding);
    g_assert_cmpint (finding->field, ==, RP_PUBLISHED_ACTIVITY);
    g_assert_cmpstr (finding->known, ==, "Morgan");
  }
  rp_timetable_action_set_activity (action, activity);
  g_assert_true (rp_store_save_action (fixture->store, action, &error));

  /* The report title, the programme's name and the protective marking. */
  rp_programme_set_report_title (fixture->programme, "Aisha\xe2\x80\x99s day centre");
  g_assert_true (rp_store_save_programme (fixture->store, fixture->programme, &error));
  {
    g_autoptr(RpNameFinding) finding = check_now (fixture, NULL, NULL);

    g_assert_nonnull (finding);
    g_assert_cmpint (finding->field, ==, RP_PUBLISHED_REPORT_TITLE);
  }
  rp_programme_set_report_title (fixture->programme, NULL);
  rp_programme_set_name (fixture->programme, "Clarke House closure");
  g_assert_true (rp_store_save_programme (fixture->store, fixture->programme, &error));
  {
    g_autoptr(RpNameFinding) finding = check_now (fixture, NULL, NULL);

    g_assert_nonnull (finding);
    g_assert_cmpint (finding->field, ==, RP_PUBLISHED_PROGRAMME_NAME);
  }
  rp_programme_set_name (fixture->programme, "Day centre closure");
  g_assert_true (rp_store_save_programme (fixture->store, fixture->programme, &error));
  {
    g_autofree char *message = NULL;
    g_autoptr(RpNameFinding) finding = check_now (fixture, &marked, &message);

    g_assert_nonnull (finding);
    g_assert_cmpint (finding->field, ==, RP_PUBLISHED_MARKING);
    /* A marking is typed for each export: it cannot be confirmed. */
    g_assert_null (finding->place);
    g_assert_null (strstr (message, "Imran"));
  }
  g_assert_null (check_now (fixture, NULL, NULL));
}

/* Names the programme's own index did not hold: family named only on a
 * booking, attendees of another programme in the same file, and people
 * who have been erased. */
static void
test_report_names_beyond_the_programme (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) one = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 1, NULL);
  g_autoptr(RpAttendee) nineteen = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 19, NULL);
  g_autoptr(RpTasterDay) day = rp_taster_day_new ();
  g_autoptr(RpBooking) booking = rp_booking_new ();
  g_autoptr(RpProgramme) other = rp_programme_new ();
  g_autoptr(RpAttendee) stranger = rp_attendee_new ();
  g_autofree char *path = g_strdup (rp_store_get_path (fixture->store));
  g_autofree char *bytes = NULL;
  gsize length = 0;

  rp_taster_day_set_programme_id (day, rp_programme_get_id (fixture->programme));
  rp_taster_day_set_provider_id (day, 1);
  rp_taster_day_set_date (day, "2023-10-19");
  g_assert_true (rp_store_add_taster_day (fixture->store, day, &error));
  rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (day));
  rp_booking_set_attendee_id (booking, rp_attendee_get_id (one));
  rp_booking_set_family_attending (booking, "Auntie Yewande");
  g_assert_true (rp_store_add_booking (fixture->store, booking, &error));

  rp_attendee_set_report_note (one, "Yewande came to the open day.");
  g_assert_true (rp_store_save_attendee (fixture->store, one, &error));
  {
    g_autoptr(RpNameFinding) finding = check_now (fixture, NULL, NULL);

    g_assert_nonnull (finding);
    g_assert_cmpint (finding->number, ==, 1);
    g_assert_cmpstr (finding->known, ==, "Yewande");
  }

  rp_programme_set_name (other, "Second closure");
  g_assert_true (rp_store_add_programme (fixture->store, other, &error));
  rp_attendee_set_programme_id (stranger, rp_programme_get_id (other));
  rp_attendee_set_number (stranger, 1);
  rp_attendee_set_full_name (stranger, "Tobias Wren");
  g_assert_true (rp_store_add_attendee (fixture->store, stranger, "2023-09-01", &error));
  rp_attendee_set_report_note (one, "Moving with Tobias to the same provider.");
  g_assert_true (rp_store_save_attendee (fixture->store, one, &error));
  {
    g_autoptr(RpNameFinding) finding = check_now (fixture, NULL, NULL);

    g_assert_nonnull (finding);
    g_assert_cmpstr (finding->known, ==, "Tobias");
  }

  /* Tara Quinn (attendee 19, brother Declan) asks to be erased. */
  g_assert_true (rp_store_delete_attendee (fixture->store, rp_attendee_get_id (nineteen), &error));
  g_assert_no_error (error);
  rp_attendee_set_report_note (one, "Moving with Declan\xe2\x80\x99s sister to the same provider.");
  g_assert_true (rp_store_save_attendee (fixture->store, one, &error));
  {
    g_autofree char *message = NULL;
    g_autoptr(RpNameFinding) finding = check_now (fixture, NULL, &message);

    g_assert_nonnull (finding);
    g_assert_cmpint (finding->number, ==, 1);
    g_assert_null (finding->known);
    g_assert_cmpstr (finding->text + finding->start, ==, "Declan\xe2\x80\x99s sister to the same provider.");
    g_assert_null (strstr (message, "Declan"));
  }
  rp_attendee_set_report_note (one, "Moving with the QUINNS.");
  g_assert_true (rp_store_save_attendee (fixture->store, one, &error));
  {
    g_autoptr(RpNameFinding) finding = check_now (fixture, NULL, NULL);

    g_assert_nonnull (finding);
  }

  /* Only digests are kept: the erased names are nowhere in the file. */
  rp_attendee_set_report_note (one, "Allocated worker made contact.");
  g_assert_true (rp_store_save_attendee (fixture->store, one, &error));
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_null (g_strstr_len (bytes, length, "Quinn"));
  g_assert_null (g_strstr_len (bytes, length, "Declan"));
  g_assert_null (g_strstr_len (bytes, length, "quinn"));
}

/* Leah Grant is a provider's contact, and "Grant funding" is not about
 * her. Someone confirms it, for that text, and it is recorded who and
 * when; an edit asks again. */
static void
test_report_confirm_not_a_name (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) four = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_autoptr(RpReport) report = NULL;
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(RpNameFinding) finding = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autofree char *word = NULL;
  const char *wrong_word[] = { "4:note=funding", NULL };
  const char *wrong_text[] = { "5:note=grant", NULL };
  const char *right[] = { "4:note=GRANT", NULL };

  rp_attendee_set_report_note (four, "Options explored; grant funding agreed for transport.");
  g_assert_true (rp_store_save_attendee (fixture->store, four, &error));

  report = build (fixture, NULL);
  names = rp_store_build_name_index (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);

  /* A confirmation is taken only for the word that was flagged, in the text it was flagged in. */
  g_assert_false (rp_report_check_names_confirming (report, fixture->store, names, wrong_word, NULL, &error));
  g_clear_error (&error);
  g_assert_false (rp_report_check_names_confirming (report, fixture->store, names, wrong_text, &finding, &error));
  g_clear_error (&error);
  g_assert_cmpint (finding->field, ==, RP_PUBLISHED_REPORT_NOTE);
  g_assert_cmpint (finding->number, ==, 4);
  word = rp_name_finding_get_word (finding);
  g_assert_cmpstr (word, ==, "grant");
  g_assert_cmpuint (rp_name_finding_get_word_position (finding), ==, 3);

  g_assert_true (rp_report_check_names_confirming (report, fixture->store, names, right, NULL, &error));
  g_assert_no_error (error);

  /* It is kept, with who confirmed it, in the audit trail. */
  g_assert_null (check_now (fixture, NULL, NULL));
  audit = rp_store_list_audit (fixture->store, "name_confirmation", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), >, 0);

  /* An edit of the note asks again. */
  rp_attendee_set_report_note (four, "Options explored; grant funding agreed for transport and support.");
  g_assert_true (rp_store_save_attendee (fixture->store, four, &error));
  g_clear_pointer (&finding, rp_name_finding_free);
  finding = check_now (fixture, NULL, NULL);
  g_assert_nonnull (finding);
  g_assert_cmpint (finding->number, ==, 4);

  /* Erasing the attendee erases the confirmation, which quoted their note, and its audit rows. */
  g_assert_true (rp_store_delete_attendee (fixture->store, rp_attendee_get_id (four), &error));
  g_assert_no_error (error);
  g_clear_object (&audit);
  audit = rp_store_list_audit (fixture->store, "name_confirmation", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), ==, 0);
}

/* Published text carries nothing a reader cannot see. */
static void
test_report_invisible_characters_removed (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) one = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 1, NULL);
  g_autoptr(RpReport) report = NULL;
  g_autofree char *csv = NULL;

  rp_attendee_set_report_note (one, "Moving to \xe2\x80\xae" "CBI\xe2\x80\xac next\xe2\x80\x8b month");
  g_assert_true (rp_store_save_attendee (fixture->store, one, &error));
  report = build (fixture, NULL);
  csv = rp_report_to_csv (report, RP_REPORT_TABLE_PROGRESS);

  g_assert_nonnull (strstr (csv, "Moving to CBI next month"));
  g_assert_null (strstr (csv, "\xe2\x80\xae"));
  g_assert_null (strstr (csv, "\xe2\x80\x8b"));
}

/* Every private value the sample holds, none of which may be published. */
static GPtrArray *
private_values (Fixture *fixture)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(GListModel) workers = rp_store_list_workers (fixture->store, TRUE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) a = g_list_model_get_item (attendees, i);
      const char *fields[] = {
        rp_attendee_get_full_name (a), rp_attendee_get_preferred_name (a), rp_attendee_get_date_of_birth (a),
        rp_attendee_get_contact_name (a), rp_attendee_get_contact_phone (a), rp_attendee_get_case_notes (a),
        rp_attendee_get_access_needs (a),
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (fields[f] != NULL)
          g_ptr_array_add (values, g_strdup (fields[f]));
    }

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) w = g_list_model_get_item (workers, i);
      g_ptr_array_add (values, g_strdup (rp_worker_get_name (w)));
    }

  return values;
}

static void
test_report_csv_anonymised (Fixture       *fixture,
                            gconstpointer  data)
{
  RpReportOptions options = { .include_moved = TRUE, .compare_with = "2023-08-01" };
  g_autoptr(RpReport) report = build (fixture, &options);
  g_autoptr(GPtrArray) values = private_values (fixture);
  g_autofree char *progress = rp_report_to_csv (report, RP_REPORT_TABLE_PROGRESS);
  g_autofree char *timetable = rp_report_to_csv (report, RP_REPORT_TABLE_TIMETABLE);
  g_autofree char *summary = rp_report_to_csv (report, RP_REPORT_TABLE_SUMMARY);
  const char *outputs[] = { progress, timetable, summary };
  g_auto(GStrv) lines = g_strsplit (progress, "\r\n", -1);

  g_assert_cmpuint (values->len, >, 60);
  for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
    for (guint v = 0; v < values->len; v++)
      if (strstr (outputs[o], g_ptr_array_index (values, v)) != NULL)
        g_test_fail_printf ("a published table contains the private value “%s”", (char *) g_ptr_array_index (values, v));

  /* Header, one line per attendee in number order, and a final line break. */
  g_assert_cmpstr (lines[0], ==, "attendee_no,status,step,step_name,report_note,target_moving_date");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 19 + 1);
  g_assert_cmpstr (lines[2], ==, "2,ASC,4,Review process completed,\"Allocated worker completed review, family attending open days\",2024-01-15");
  g_assert_true (g_str_has_prefix (lines[19], "19,Health,5,Explore options for new provision,"));
  g_assert_true (g_str_has_prefix (timetable, "activity,task_owner,due_date,due,status\r\n"));
  g_assert_nonnull (strstr (timetable, ",H/PM,,In progress,In progress\r\n"));
  g_assert_nonnull (strstr (summary, "1,Social worker identified,2,-17\r\n"));
}

static void
test_report_due_dates (void)
{
  g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
  g_autofree char *tbc = NULL;
  g_autofree char *dated = NULL;
  g_autofree char *in_progress = NULL;
  g_autofree char *completed = NULL;

  tbc = rp_timetable_action_format_due (action);
  rp_timetable_action_set_status (action, RP_ACTION_IN_PROGRESS);
  in_progress = rp_timetable_action_format_due (action);
  rp_timetable_action_set_due_date (action, "2023-09-20");
  dated = rp_timetable_action_format_due (action);
  rp_timetable_action_set_status (action, RP_ACTION_COMPLETED);
  completed = rp_timetable_action_format_due (action);

  g_assert_cmpstr (tbc, ==, "tbc");
  g_assert_cmpstr (in_progress, ==, "In progress");
  g_assert_cmpstr (dated, ==, "20 Sep 2023");
  g_assert_cmpstr (completed, ==, "Completed");
}

static int
run_cli (const char * const *args,
         char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_report_cli (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = g_build_filename (fixture->dir, "programme.db", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "report", NULL);
  g_autofree char *single = g_build_filename (fixture->dir, "progress.csv", NULL);
  g_autofree char *progress_path = g_build_filename (folder, "progress.csv", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(RpAttendee) five = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 5, NULL);
  const char *cli = g_getenv ("REPROVISION_CLI");
  struct stat info;

  {
    const char *args[] = { cli, "report", "--database", database, "--format", "csv", "--output", folder,
                           "--as-of", "2023-09-22", NULL };
    g_assert_cmpint (run_cli (args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
  }
  g_assert_true (g_file_get_contents (progress_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "attendee_no,status,step,step_name,report_note,target_moving_date\r\n1,ASC,2,"));
  g_assert_cmpint (g_stat (progress_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* A note naming Susan (attendee 5's mother) stops the export, naming only the number and field. */
  rp_attendee_set_report_note (five, "Susan keen on Mosaic");
  g_assert_true (rp_store_save_attendee (fixture->store, five, &error));
  {
    const char *args[] = { cli, "report", "--database", database, "--format", "csv", "--output", single,
                           "--table", "progress", NULL };
    g_assert_cmpint (run_cli (args, &err), ==, 1);
  }
  g_assert_nonnull (strstr (err, "attendee 5"));
  g_assert_nonnull (strstr (err, "report note"));
  g_assert_null (strstr (err, "Susan"));
  g_assert_false (g_file_test (single, G_FILE_TEST_EXISTS));
}

static void
test_report_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  RpReportOptions options = { .include_moved = TRUE, .marking = "OFFICIAL" };
  g_autoptr(RpReport) report = build (fixture, &options);
  g_autoptr(GPtrArray) values = private_values (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(RpReportDocument) document = rp_report_document_new (report, RP_REPORT_PAGE_WIDTH, RP_REPORT_PAGE_HEIGHT);
  struct stat info;
  int status = 0;

  /* 19 attendees: the title page, the timetable and two pages of progress. */
  g_assert_cmpuint (rp_report_document_get_n_pages (document), ==, 4);

  /* One table only: the key, then the timetable straight after it. */
  {
    RpReportOptions only = { .only_table = RP_REPORT_TABLE_TIMETABLE };
    g_autoptr(RpReport) timetable = build (fixture, &only);
    g_autoptr(RpReportDocument) one = rp_report_document_new (timetable, RP_REPORT_PAGE_WIDTH, RP_REPORT_PAGE_HEIGHT);

    g_assert_cmpuint (rp_report_document_get_n_pages (one), ==, 2);
  }

  /* Without the summary, the report has no summary table or chart. */
  {
    RpReportOptions bare = { .without_summary = TRUE };
    g_autoptr(RpReport) without = build (fixture, &bare);
    g_autofree char *bare_path = g_build_filename (fixture->dir, "bare.pdf", NULL);
    g_autofree char *pdftotext_path = g_find_program_in_path ("pdftotext");

    g_assert_true (rp_report_write_pdf (without, bare_path, &error));
    if (pdftotext_path != NULL)
      {
        g_autofree char *bare_text = NULL;
        const char *args[] = { pdftotext_path, bare_path, "-", NULL };

        g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                     &bare_text, NULL, NULL, &error));
        g_assert_null (strstr (bare_text, "Summary"));
        g_assert_nonnull (strstr (bare_text, "Appendix 2"));
      }
  }

  g_assert_true (rp_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  {
    const char *args[] = { pdftotext, "-layout", path, "-", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &text, NULL, &status, &error));
  }
  g_assert_no_error (error);

  g_assert_nonnull (strstr (text, "OFFICIAL"));
  g_assert_nonnull (strstr (text, "Appendix 1"));
  g_assert_nonnull (strstr (text, "Appendix 2"));
  g_assert_nonnull (strstr (text, "Attendee (Health)"));
  g_assert_nonnull (strstr (text, "Page 4 of 4"));
  g_assert_nonnull (strstr (text, "Step 6 — Follow up as part of review"));

  for (guint v = 0; v < values->len; v++)
    if (strstr (text, g_ptr_array_index (values, v)) != NULL)
      g_test_fail_printf ("the PDF contains the private value “%s”", (char *) g_ptr_array_index (values, v));
}

static void
assert_owners (Fixture            *fixture,
               const char * const *expected)
{
  g_autoptr(GListModel) actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);

  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
      g_assert_cmpstr (rp_timetable_action_get_owner (action), ==, expected[i]);
    }
}

static void
test_timetable_order (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(RpTimetableAction) jt = g_list_model_get_item (actions, 2);
  g_autoptr(RpTimetableAction) ml = g_list_model_get_item (actions, 0);
  const char * const up[] = { "ML", "JT", "OO/MM", "H/PM", "RH/PM", NULL };
  const char * const last[] = { "JT", "OO/MM", "H/PM", "RH/PM", "ML", NULL };

  g_assert_true (rp_store_move_action (fixture->store, rp_timetable_action_get_id (jt), -1, &error));
  assert_owners (fixture, up);

  /* Moving past the end stops at the end. */
  g_assert_true (rp_store_move_action (fixture->store, rp_timetable_action_get_id (ml), 10, &error));
  g_assert_no_error (error);
  assert_owners (fixture, last);
}

static void
test_report_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  RpReportOptions options = { .include_moved = TRUE };
  g_autoptr(RpReport) report = build (fixture, &options);
  g_autoptr(GPtrArray) values = private_values (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-text.py", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *text = NULL;
  struct stat info;
  int status = 0;

  g_assert_true (rp_report_write_xlsx (report, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  {
    const char *args[] = { python, script, path, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error));
  }
  g_assert_no_error (error);

  /* One sheet per table, with the report's cells. */
  g_assert_nonnull (strstr (text, "Timetable"));
  g_assert_nonnull (strstr (text, "Progress"));
  g_assert_nonnull (strstr (text, "Summary"));
  g_assert_nonnull (strstr (text, "Attendee (Health)"));
  g_assert_nonnull (strstr (text, "Allocate people to social workers"));

  for (guint v = 0; v < values->len; v++)
    if (strstr (text, g_ptr_array_index (values, v)) != NULL)
      g_test_fail_printf ("the spreadsheet contains the private value “%s”", (char *) g_ptr_array_index (values, v));
}

/* Text a spreadsheet would run as a formula is written so that it reads as
 * text: in CSV after an apostrophe (OWASP, "CSV Injection"), in XLSX as a
 * string, never a formula. Counts and changes stay numbers. */
static void
test_report_formula_cells (Fixture       *fixture,
                           gconstpointer  data)
{
  RpReportOptions options = { .compare_with = "2023-08-01" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) three = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 3, NULL);
  g_autoptr(GListModel) actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(RpTimetableAction) first = g_list_model_get_item (actions, 0);
  g_autoptr(RpReport) report = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *timetable = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-text.py", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *strings = NULL;
  int status = 0;

  rp_attendee_set_report_note (three, "=HYPERLINK(\"http://example.com\",\"Open\")");
  g_assert_true (rp_store_save_attendee (fixture->store, three, &error));
  rp_timetable_action_set_activity (first, "@SUM(1+1)");
  rp_timetable_action_set_owner (first, "-PM");
  g_assert_true (rp_store_save_action (fixture->store, first, &error));
  g_assert_no_error (error);

  report = build (fixture, &options);
  progress = rp_report_to_csv (report, RP_REPORT_TABLE_PROGRESS);
  timetable = rp_report_to_csv (report, RP_REPORT_TABLE_TIMETABLE);
  summary = rp_report_to_csv (report, RP_REPORT_TABLE_SUMMARY);

  g_assert_nonnull (strstr (progress, "\r\n3,ASC,2,Contact with people to commence discussion,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Open\"\")\","));
  g_assert_true (g_str_has_prefix (timetable, "activity,task_owner,due_date,due,status\r\n\"'@SUM(1+1)\",\"'-PM\","));
  g_assert_nonnull (strstr (summary, "1,Social worker identified,2,-17\r\n"));
  g_assert_nonnull (strstr (summary, "2,Contact with people to commence discussion,8,+8\r\n"));
  g_assert_null (strchr (summary, '\''));

  g_assert_true (rp_report_write_xlsx (report, path, &error));
  g_assert_no_error (error);
  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  {
    const char *args[] = { python, script, path, "xl/sharedStrings.xml", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &strings, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_nonnull (strstr (strings, "\n=HYPERLINK(\"http://example.com\",\"Open\")\n"));
  g_assert_nonnull (strstr (strings, "\n@SUM(1+1)\n"));
  g_assert_nonnull (strstr (strings, "\n-PM\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/report/every-published-text-checked", test_report_every_published_text_checked);
  ADD ("/core/report/names-beyond-the-programme", test_report_names_beyond_the_programme);
  ADD ("/core/report/confirm-not-a-name", test_report_confirm_not_a_name);
  ADD ("/core/report/invisible-characters-removed", test_report_invisible_characters_removed);
  ADD ("/core/report/progress-rows", test_report_progress_rows);
  ADD ("/core/report/as-of", test_report_as_of);
  ADD ("/core/report/moves", test_report_moves);
  ADD ("/core/report/suppression", test_report_suppression);
  ADD ("/core/report/names-stop-export", test_report_names_stop_export);
  ADD ("/core/report/csv-anonymised", test_report_csv_anonymised);
  ADD ("/core/report/cli", test_report_cli);
  ADD ("/core/report/pdf", test_report_pdf);
  ADD ("/core/report/xlsx", test_report_xlsx);
  ADD ("/core/report/formula-cells", test_report_formula_cells);
  ADD ("/core/timetable/order", test_timetable_order);
#undef ADD
  g_test_add_func ("/core/report/due-dates", test_report_due_dates);

  return g_test_run ();
}
