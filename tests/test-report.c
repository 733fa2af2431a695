/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c: the scrutiny report: what it contains, as of when, and what it must never contain */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-report-private.h"
#include "rp-test-store.h"
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
  fixture->store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
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

  /* By 30 August the reviews of those now at step 4 or beyond had started;
   * the others reached their present step in September. */
  g_assert_cmpuint (rp_report_get_count (later, 1), ==, 10);
  g_assert_cmpuint (rp_report_get_count (later, 2), ==, 2);
  g_assert_cmpuint (rp_report_get_count (later, 3), ==, 7);
  g_assert_true (rp_report_has_comparison (later));
  g_assert_cmpint (rp_report_get_change (later, 1), ==, -9);
  g_assert_cmpint (rp_report_get_change (later, 3), ==, 7);

  /* Before anyone was added, there is nobody to report. */
  g_assert_cmpuint (rp_report_get_n_rows (empty), ==, 0);
}

/* SQLite's clock, moved by the tests: the audit trail dates each change by
 * it. The default file system with its clock replaced; 0 is the real time. */
static sqlite3_vfs  clock_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_int64 fake_now;   /* milliseconds since the Julian epoch, as SQLite counts */

static int
clock_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *now)
{
  if (fake_now == 0)
    return real_vfs->xCurrentTimeInt64 (real_vfs, now);

  *now = fake_now;
  return SQLITE_OK;
}

static int
clock_current_time (sqlite3_vfs *vfs,
                    double      *now)
{
  sqlite3_int64 ms;
  int rc = clock_current_time_int64 (vfs, &ms);

  *now = ms / 86400000.0;
  return rc;
}

static void
install_clock (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  clock_vfs = *real_vfs;
  clock_vfs.zName = "reprovision-test-clock";
  clock_vfs.xCurrentTime = clock_current_time;
  clock_vfs.xCurrentTimeInt64 = clock_current_time_int64;
  g_assert_cmpint (sqlite3_vfs_register (&clock_vfs, 1), ==, SQLITE_OK);
}

/* Sets SQLite's clock to noon UTC on @iso_date, and @store's today to it. */
static void
set_clock (RpStore    *store,
           const char *iso_date)
{
  g_autofree char *text = g_strdup_printf ("%sT12:00:00Z", iso_date);
  g_autoptr(GDateTime) noon = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (noon);
  fake_now = g_date_time_to_unix (noon) * 1000 + G_GINT64_CONSTANT (210866760000000);
  if (store != NULL)
    rp_store_set_today (store, iso_date);
}

static char *
action_activities (RpReport *report)
{
  GListModel *actions = rp_report_get_actions (report);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
      g_autofree char *due = rp_timetable_action_format_due (action);

      g_string_append_printf (text, "%s | %s | %s | %s\n", rp_timetable_action_get_activity (action),
                              rp_timetable_action_get_owner (action), due,
                              rp_action_status_get_label (rp_timetable_action_get_status (action)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A report as of a past day shows every published value as it stood at the
 * end of that day, from the step history and the audit trail, and checks the
 * notes of then for names; a report as of today shows the values of now. */
static void
test_report_as_of_reconstructs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "programme.db", NULL);
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpAttendee) one = NULL;
  g_autoptr(RpAttendee) four = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(RpTimetableAction) first = NULL;
  g_autoptr(RpTimetableAction) second = NULL;
  g_autoptr(RpTimetableAction) added = rp_timetable_action_new ();
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(RpReport) then = NULL;
  g_autoptr(RpReport) now = NULL;
  g_autoptr(RpReport) today = NULL;
  g_autoptr(RpNameFinding) finding = NULL;
  g_autofree char *then_actions = NULL;
  g_autofree char *before_actions = NULL;
  g_autofree char *now_actions = NULL;
  RpReportOptions as_of_then = { .as_of = "2023-09-30" };
  RpReportOptions as_of_today = { .as_of = "2023-10-05" };
  gint64 programme_id;

  if (rp_test_skip_on_team ("dates the audit trail by faking SQLite's clock; a server dates it by its own"))
    return;

  /* Until 30 September: the sample, and a note that named a worker. */
  set_clock (NULL, "2023-09-22");
  store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  set_clock (store, "2023-09-22");
  programme = rp_sample_create (store, &error);
  g_assert_no_error (error);
  programme_id = rp_programme_get_id (programme);
  one = rp_store_find_attendee (store, programme_id, 1, &error);
  four = rp_store_find_attendee (store, programme_id, 4, &error);
  g_assert_no_error (error);
  rp_attendee_set_report_note (one, "Priya made contact.");
  g_assert_true (rp_store_save_attendee (store, one, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RpReport) before = rp_report_build (store, programme_id, NULL, &error);

    g_assert_no_error (error);
    before_actions = action_activities (before);
  }

  /* In October: a new note and a step, another status and target date, the
   * timetable moved on, and one action gone. */
  set_clock (store, "2023-10-05");
  rp_attendee_set_report_note (one, "Allocated worker made contact.");
  g_assert_true (rp_store_save_attendee (store, one, &error));
  g_assert_true (rp_store_change_step (store, rp_attendee_get_id (one), 3, "2023-10-04", NULL, &error));
  g_assert_no_error (error);
  rp_attendee_set_funding (four, RP_FUNDING_HEALTH);
  rp_attendee_set_target_date (four, "2024-01-31");
  g_assert_true (rp_store_save_attendee (store, four, &error));
  g_assert_no_error (error);
  actions = rp_store_list_actions (store, programme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), >=, 2);
  first = g_list_model_get_item (actions, 0);
  second = g_list_model_get_item (actions, 1);
  rp_timetable_action_set_status (first, RP_ACTION_COMPLETED);
  rp_timetable_action_set_owner (first, "JB");
  g_assert_true (rp_store_save_action (store, first, &error));
  rp_timetable_action_set_programme_id (added, programme_id);
  rp_timetable_action_set_activity (added, "Hand the building back to the landlord");
  rp_timetable_action_set_position (added, 99);
  g_assert_true (rp_store_add_action (store, added, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM timetable_action WHERE id = %" G_GINT64_FORMAT,
                                            rp_timetable_action_get_id (second));
    rp_test_exec (store, sql);
  }
  /* Attendee 19 erased: gone from every report, whatever its date. */
  {
    g_autoptr(RpAttendee) nineteen = rp_store_find_attendee (store, programme_id, 19, &error);

    g_assert_no_error (error);
    g_assert_true (rp_erasure_erase_attendee (store, rp_attendee_get_id (nineteen), RP_ERASURE_KEEP_BACKUPS, NULL, &error));
    g_assert_no_error (error);
  }

  then = rp_report_build (store, programme_id, &as_of_then, &error);
  g_assert_no_error (error);
  now = rp_report_build (store, programme_id, NULL, &error);
  g_assert_no_error (error);
  today = rp_report_build (store, programme_id, &as_of_today, &error);
  g_assert_no_error (error);

  /* As of 30 September: the step, note, status and target date of then. */
  g_assert_cmpuint (rp_report_get_n_rows (then), ==, G_N_ELEMENTS (rp_reference_rows) - 1);
  g_assert_cmpint (rp_report_get_row (then, rp_report_get_n_rows (then) - 1)->number, ==, 18);
  g_assert_cmpint (rp_report_get_row (then, 0)->step, ==, 2);
  g_assert_cmpstr (rp_report_get_row (then, 0)->report_note, ==, "Priya made contact.");
  g_assert_cmpint (rp_report_get_row (then, 3)->funding, ==, RP_FUNDING_ASC);
  g_assert_cmpstr (rp_report_get_row (then, 3)->target_date, !=, "2024-01-31");
  /* The timetable of then, to the letter: the added action absent, the deleted one back. */
  then_actions = action_activities (then);
  g_assert_cmpstr (then_actions, ==, before_actions);
  g_assert_null (strstr (then_actions, "Hand the building back"));

  /* The name check reads the note of then. */
  names = rp_store_build_name_index (store, programme_id, &error);
  g_assert_no_error (error);
  g_assert_false (rp_report_check_names (then, names, &finding, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (finding->field, ==, RP_PUBLISHED_REPORT_NOTE);
  g_assert_cmpint (finding->number, ==, 1);
  g_assert_cmpstr (finding->known, ==, "Priya");

  /* As of today: the values of now, the same as a report with no date. */
  g_assert_cmpint (rp_report_get_row (today, 0)->step, ==, 3);
  g_assert_cmpstr (rp_report_get_row (today, 0)->report_note, ==, "Allocated worker made contact.");
  g_assert_cmpint (rp_report_get_row (today, 3)->funding, ==, RP_FUNDING_HEALTH);
  g_assert_cmpstr (rp_report_get_row (today, 3)->target_date, ==, "2024-01-31");
  g_assert_true (rp_report_check_names (today, names, NULL, &error));
  g_assert_no_error (error);
  now_actions = action_activities (now);
  g_assert_nonnull (strstr (now_actions, "Hand the building back"));
  {
    g_autofree char *today_actions = action_activities (today);

    g_assert_cmpstr (today_actions, ==, now_actions);
  }
  for (guint i = 0; i < rp_report_get_n_rows (now); i++)
    {
      const RpProgressRow *a = rp_report_get_row (now, i), *b = rp_report_get_row (today, i);

      g_assert_cmpint (a->step, ==, b->step);
      g_assert_cmpint (a->funding, ==, b->funding);
      g_assert_cmpstr (a->report_note, ==, b->report_note);
      g_assert_cmpstr (a->target_date, ==, b->target_date);
    }

  fake_now = 0;
  g_clear_object (&programme);
  g_clear_object (&then);
  g_clear_object (&now);
  g_clear_object (&today);
  g_assert_finalize_object (g_steal_pointer (&store));
  rp_test_remove_tree (dir);
}

/* The sample's action linked to the taster days, in @actions. */
static RpTimetableAction *
find_linked_action (GListModel *actions)
{
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);

      if (rp_timetable_action_get_n_taster_days (action) > 0)
        return g_steal_pointer (&action);
    }

  return NULL;
}

static char *
linked_due (RpReport *report)
{
  g_autoptr(RpTimetableAction) action = find_linked_action (rp_report_get_actions (report));

  return action != NULL ? rp_timetable_action_format_due (action) : NULL;
}

static RpTasterDay *
find_day (GListModel *days,
          const char *provider,
          const char *date)
{
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);

      if (g_str_equal (rp_taster_day_get_provider_name (day), provider) &&
          g_strcmp0 (rp_taster_day_get_date (day), date) == 0)
        return g_steal_pointer (&day);
    }

  g_assert_not_reached ();
}

/* As of a past day, an action linked to taster days prints the days it was
 * linked to then, with their dates, cancellations and providers' names of
 * then, even after the action itself was deleted; the name check reads the
 * providers' names of then too. */
static void
test_report_as_of_taster_day_links (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "programme.db", NULL);
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(RpTimetableAction) action = NULL;
  g_autoptr(RpTasterDay) mosaic = NULL;
  g_autoptr(RpTasterDay) pathfinders = NULL;
  g_autoptr(RpTasterDay) ibc = NULL;
  g_autoptr(RpTasterDay) ibc_held = NULL;
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(RpNameFinding) finding = NULL;
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  gint64 programme_id;
  RpReportOptions as_of_then = { .as_of = "2023-09-30" };
  RpReportOptions as_of_changed = { .as_of = "2023-10-05" };

  if (rp_test_skip_on_team ("dates the audit trail by faking SQLite's clock; a server dates it by its own"))
    return;

  set_clock (NULL, "2023-09-22");
  store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  set_clock (store, "2023-09-22");
  programme = rp_sample_create (store, &error);
  g_assert_no_error (error);
  programme_id = rp_programme_get_id (programme);
  {
    g_autoptr(RpReport) report = rp_report_build (store, programme_id, NULL, &error);

    g_assert_no_error (error);
    before = linked_due (report);
  }
  g_assert_cmpstr (before, ==, "Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc; 19 Oct 2023");

  /* On 5 October: Mosaic's day unlinked, Pathfinders' second day
   * cancelled, IBC's day moved and its held open day linked, and FTM Dance
   * renamed after someone the programme knows. */
  set_clock (store, "2023-10-05");
  actions = rp_store_list_actions (store, programme_id, &error);
  g_assert_no_error (error);
  action = find_linked_action (actions);
  days = rp_store_list_taster_days (store, programme_id, &error);
  g_assert_no_error (error);
  mosaic = find_day (days, "Mosaic", "2023-09-27");
  pathfinders = find_day (days, "Pathfinders", "2023-10-19");
  ibc = find_day (days, "IBC", "2023-09-30");
  ibc_held = find_day (days, "IBC", "2023-09-09");
  g_assert_true (rp_timetable_action_unlink_taster_day (action, rp_taster_day_get_id (mosaic)));
  rp_timetable_action_link_taster_day (action, ibc_held);
  g_assert_true (rp_store_save_action (store, action, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_cancel_taster_day (store, rp_taster_day_get_id (pathfinders), NULL, &error));
  g_assert_no_error (error);
  rp_taster_day_set_date (ibc, "2023-10-02");
  g_assert_true (rp_store_save_taster_day (store, ibc, &error));
  g_assert_no_error (error);
  providers = rp_store_list_providers (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(RpProvider) provider = g_list_model_get_item (providers, i);

      if (g_str_equal (rp_provider_get_name (provider), "FTM Dance"))
        {
          rp_provider_set_name (provider, "Susan’s Dance Studio");
          g_assert_true (rp_store_save_provider (store, provider, &error));
          g_assert_no_error (error);
        }
    }
  {
    g_autoptr(RpReport) report = rp_report_build (store, programme_id, NULL, &error);

    g_assert_no_error (error);
    changed = linked_due (report);
    g_assert_cmpstr (changed, ==, "IBC 9 Sep & 2 Oct, Pathfinders 10 Oct & tbc, Susan’s Dance Studio tbc; 19 Oct 2023");

    /* Susan Morgan is Ella's mother in the sample: the provider's name
     * printed with the days is checked, and named without the name. */
    names = rp_store_build_name_index (store, programme_id, &error);
    g_assert_no_error (error);
    g_assert_false (rp_report_check_names (report, names, &finding, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (finding->field, ==, RP_PUBLISHED_DUE_PROVIDER);
    g_assert_cmpint (finding->number, ==, 5);
    g_assert_cmpstr (finding->known, ==, "Susan");
    g_assert_cmpstr (finding->text, ==, "Susan’s Dance Studio");
    g_clear_pointer (&finding, rp_name_finding_free);
  }

  /* On 6 October the action is deleted, its links with it. */
  set_clock (store, "2023-10-06");
  g_assert_true (rp_store_delete_action (store, rp_timetable_action_get_id (action), &error));
  g_assert_no_error (error);
  {
    g_autoptr(RpReport) now = rp_report_build (store, programme_id, NULL, &error);
    g_autoptr(RpReport) then = rp_report_build (store, programme_id, &as_of_then, &error);
    g_autoptr(RpReport) on_fifth = rp_report_build (store, programme_id, &as_of_changed, &error);
    g_autofree char *now_due = NULL;
    g_autofree char *then_due = NULL;
    g_autofree char *fifth_due = NULL;

    g_assert_no_error (error);
    now_due = linked_due (now);
    then_due = linked_due (then);
    fifth_due = linked_due (on_fifth);
    g_assert_null (now_due);
    g_assert_cmpstr (then_due, ==, before);
    g_assert_cmpstr (fifth_due, ==, changed);

    /* The names of then: FTM Dance names nobody. */
    g_assert_true (rp_report_check_names (then, names, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (rp_report_check_names (on_fifth, names, NULL, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_clear_error (&error);
  }

  fake_now = 0;
  g_clear_object (&programme);
  g_clear_object (&actions);
  g_clear_object (&action);
  g_assert_finalize_object (g_steal_pointer (&store));
  rp_test_remove_tree (dir);
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
  if (rp_test_backend_is_team ())
    return;   /* a server's storage is its administrator's, not a file to read */
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

  /* A due note, and a provider's name printed with the taster days, too. */
  {
    g_autoptr(GListModel) actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), &error);
    g_autoptr(RpTimetableAction) health = g_list_model_get_item (actions, 3);
    g_autoptr(RpReport) again = NULL;
    g_autofree char *timetable = NULL;

    g_assert_no_error (error);
    /* The app refuses such a name; a file changed by another tool may hold one. */
    rp_test_exec (fixture->store, "UPDATE provider SET name = 'I\xe2\x80\x8b" "B\xe2\x80\xae" "C' WHERE name = 'IBC'");
    g_assert_true (rp_timetable_action_set_due_text (health, "after half\xe2\x80\x8b term", &error));
    g_assert_true (rp_store_save_action (fixture->store, health, &error));
    g_assert_no_error (error);

    again = build (fixture, NULL);
    timetable = rp_report_to_csv (again, RP_REPORT_TABLE_TIMETABLE);
    g_assert_nonnull (strstr (timetable, ",after half term,"));
    g_assert_nonnull (strstr (timetable, "\"Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc; 19 Oct 2023\""));
    g_assert_null (strstr (timetable, "\xe2\x80\xae"));
    g_assert_null (strstr (timetable, "\xe2\x80\x8b"));
  }
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
  /* The change says what it is measured from. */
  g_assert_true (g_str_has_prefix (summary, "step,step_name,attendees,Change since 1 August 2023\r\n"));
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
  g_autofree char *file = g_build_filename (fixture->dir, "programme.db", NULL);
  g_autofree char *database = rp_test_store_location (file);
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
  /* The first three bytes tell Excel the file is UTF-8, so "–" shows as a dash. */
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "attendee_no,status,step,step_name,report_note,target_moving_date\r\n1,ASC,2,"));
  g_assert_cmpint (g_stat (progress_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* Plain UTF-8 when asked, for a folder and for one table. */
  {
    g_autofree char *plain_folder = g_build_filename (fixture->dir, "plain", NULL);
    g_autofree char *plain_progress = g_build_filename (plain_folder, "progress.csv", NULL);
    g_autofree char *plain_single = g_build_filename (fixture->dir, "summary.csv", NULL);
    g_autofree char *plain = NULL;
    g_autofree char *plain_summary = NULL;
    const char *args[] = { cli, "report", "--database", database, "--format", "csv", "--output", plain_folder,
                           "--as-of", "2023-09-22", "--plain-utf8", NULL };
    const char *single_args[] = { cli, "report", "--database", database, "--format", "csv", "--output", plain_single,
                                  "--table", "summary", "--plain-utf8", NULL };

    g_assert_cmpint (run_cli (args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (single_args, &err), ==, 0);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_file_get_contents (plain_progress, &plain, NULL, NULL));
    g_assert_true (g_str_has_prefix (plain, "attendee_no,"));
    g_assert_true (g_file_get_contents (plain_single, &plain_summary, NULL, NULL));
    g_assert_true (g_str_has_prefix (plain_summary, "step,"));
  }

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

  /* 19 attendees: the title page, the follow-up summary, the timetable, two
   * pages of progress and the follow-up table. */
  g_assert_cmpuint (rp_report_document_get_n_pages (document), ==, 6);

  /* One table only: the timetable straight after the title, on one page. */
  {
    RpReportOptions only = { .only_table = RP_REPORT_TABLE_TIMETABLE };
    g_autoptr(RpReport) timetable = build (fixture, &only);
    g_autoptr(RpReportDocument) one = rp_report_document_new (timetable, RP_REPORT_PAGE_WIDTH, RP_REPORT_PAGE_HEIGHT);

    g_assert_cmpuint (rp_report_document_get_n_pages (one), ==, 1);
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

  /* With an earlier date, the change column says which. */
  {
    RpReportOptions compared = { .compare_with = "2023-09-01" };
    g_autoptr(RpReport) with_change = build (fixture, &compared);
    g_autofree char *compared_path = g_build_filename (fixture->dir, "compared.pdf", NULL);
    g_autofree char *pdftotext_path = g_find_program_in_path ("pdftotext");

    g_assert_true (rp_report_write_pdf (with_change, compared_path, &error));
    g_assert_no_error (error);
    if (pdftotext_path != NULL)
      {
        g_autofree char *compared_text = NULL;
        g_autofree char *reading_text = NULL;
        const char *heading;
        const char *args[] = { pdftotext_path, "-layout", compared_path, "-", NULL };
        const char *reading_args[] = { pdftotext_path, compared_path, "-", NULL };

        g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                     &compared_text, NULL, NULL, &error));
        /* In reading order the heading's cell is read whole, however it wraps. */
        g_assert_true (g_spawn_sync (NULL, (char **) reading_args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                     &reading_text, NULL, NULL, &error));
        g_strdelimit (reading_text, "\n", ' ');
        heading = strstr (reading_text, "Change since");
        g_assert_nonnull (heading);
        g_assert_true (g_str_has_prefix (heading, "Change since 1 September 2023"));
        g_assert_nonnull (strstr (reading_text, "1 · Social worker identified  2  -8 "));
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
  g_assert_nonnull (strstr (text, "Page 6 of 6"));
  g_assert_nonnull (strstr (text, "Step 6 — Follow up as part of review"));
  g_assert_null (strstr (text, "Change"));

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
  RpReportOptions options = { .include_moved = TRUE, .compare_with = "2023-09-01", .marking = "OFFICIAL" };
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
  g_assert_nonnull (strstr (text, "\nChange since 1 September 2023\n"));

  /* Each sheet is labelled above its table (marking, title, programme and
   * date), and its header row stays in view and filters the rows below it:
   * 5 actions, 19 attendees, 8 summary lines. */
  for (guint sheet = 1; sheet <= 3; sheet++)
    {
      static const char * const filters[] = { NULL, "<autoFilter ref=\"A5:C10\"/>",
                                              "<autoFilter ref=\"A5:D24\"/>", "<autoFilter ref=\"A5:C13\"/>" };
      g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet);
      g_autofree char *xml = NULL;
      g_autofree char *cells = NULL;

      {
        const char *args[] = { python, script, path, "--xml", part, NULL };
        g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &xml, NULL, &status, &error));
      }
      {
        const char *args[] = { python, script, path, "--cells", part, NULL };
        g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &cells, NULL, &status, &error));
      }
      g_assert_no_error (error);

      g_assert_nonnull (strstr (xml, "<pane ySplit=\"5\" topLeftCell=\"A6\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
      g_assert_nonnull (strstr (xml, filters[sheet]));
      g_assert_nonnull (strstr (xml, "<oddHeader>&amp;COFFICIAL</oddHeader>"));
      g_assert_true (g_str_has_prefix (cells, "A1\tOFFICIAL\nA2\tDay Centre Update\n"
                                              "A3\tRiverside (sample) — report as of Friday 22 September 2023\nA5\t"));
    }

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
  install_clock ();

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
  g_test_add_func ("/core/report/as-of-reconstructs", test_report_as_of_reconstructs);
  g_test_add_func ("/core/report/as-of-taster-day-links", test_report_as_of_taster_day_links);

  return g_test_run ();
}
