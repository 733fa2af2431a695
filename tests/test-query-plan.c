/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-query-plan.c: the store finds attendees, steps, bookings and audit rows through an index */

#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-util.h"

/* The SQL the store runs is collected as it runs, so these are the real
 * queries, not copies of them. Only the plans that must hold for a
 * programme of 100,000 attendees to stay quick are asserted: dropping one
 * of the indexes makes a test fail. */

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
  GPtrArray   *sql;        /* every statement run, once */
} Fixture;

static int
collect_sql (unsigned int  type,
             void         *data,
             void         *statement,
             void         *text)
{
  GPtrArray *sql = data;
  const char *run = sqlite3_sql (statement);

  if (run != NULL && !g_ptr_array_find_with_equal_func (sql, run, g_str_equal, NULL))
    g_ptr_array_add (sql, g_strdup (run));

  return 0;
}

/* Everything the Attendees view, an attendee's page, the reports, the agenda and the booking checks ask of the store. */
static void
run_lookups (Fixture *fixture)
{
  RpStore *store = fixture->store;
  gint64 programme_id = rp_programme_get_id (fixture->programme);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autoptr(RpNameIndex) names = NULL;
  RpProgrammeCounts counts;
  gboolean checked = FALSE;

  attendees = rp_store_list_attendees (store, programme_id, &error);
  g_assert_no_error (error);
  attendee = g_list_model_get_item (attendees, 0);

  g_object_unref (rp_store_find_attendee (store, programme_id, 2, &error));
  g_assert_no_error (error);
  g_object_unref (rp_store_list_step_history (store, rp_attendee_get_id (attendee), &error));
  g_assert_no_error (error);
  g_object_unref (rp_store_list_attendee_bookings (store, rp_attendee_get_id (attendee), &error));
  g_assert_no_error (error);
  g_object_unref (rp_store_list_audit (store, "attendee", rp_attendee_get_id (attendee), &error));
  g_assert_no_error (error);
  g_ptr_array_unref (rp_history_describe_programme (store, programme_id, NULL, NULL, &error));
  g_assert_no_error (error);
  rp_store_count_caseload (store, programme_id, rp_attendee_get_worker_id (attendee), &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_get_counts (store, programme_id, &counts, &error));

  report = rp_report_build (store, programme_id, &(RpReportOptions) { .include_moved = TRUE }, &error);
  g_assert_no_error (error);
  g_object_unref (rp_report_build (store, programme_id, &(RpReportOptions) { .as_of = "2023-09-15" }, &error));
  g_assert_no_error (error);
  names = rp_store_build_name_index (store, programme_id, &error);
  g_assert_no_error (error);

  /* A booking with supporting staff on a dated day, so every clash check runs. */
  days = rp_store_list_taster_days (store, programme_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (days) && !checked; i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
      g_autoptr(GListModel) bookings = rp_store_list_bookings (store, rp_taster_day_get_id (day), &error);

      g_assert_no_error (error);
      if (rp_taster_day_get_date (day) != NULL && g_list_model_get_n_items (bookings) > 0)
        {
          g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, 0);

          rp_booking_set_staff_id (booking, 1);
          rp_store_check_booking (store, booking, NULL, &error);
          g_assert_no_error (error);
          checked = TRUE;
        }
    }
  g_assert_true (checked);

  /* What the agenda shows of every day while its bookings are not listed. */
  g_array_unref (rp_store_summarise_taster_days (store, programme_id, &error));
  g_assert_no_error (error);
}

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
  rp_store_set_today (fixture->store, "2023-10-15");
  /* Large enough to have bookings and moves; the plans do not depend on the size. */
  fixture->programme = rp_generate_programme (fixture->store, 100, 42, &error);
  g_assert_no_error (error);

  fixture->sql = g_ptr_array_new_with_free_func (g_free);
  sqlite3_trace_v2 (rp_store_get_db (fixture->store), SQLITE_TRACE_STMT, collect_sql, fixture->sql);
  run_lookups (fixture);
  sqlite3_trace_v2 (rp_store_get_db (fixture->store), 0, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->sql, g_ptr_array_unref);
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The one statement run that contains @fragment. */
static const char *
find_sql (Fixture    *fixture,
          const char *fragment)
{
  const char *found = NULL;

  for (guint i = 0; i < fixture->sql->len; i++)
    {
      const char *sql = g_ptr_array_index (fixture->sql, i);

      if (strstr (sql, fragment) != NULL)
        {
          if (found != NULL)
            g_error ("More than one statement contains “%s”:\n%s\n%s", fragment, found, sql);
          found = sql;
        }
    }

  if (found == NULL)
    g_error ("No statement run contains “%s”: has the store's SQL changed?", fragment);

  return found;
}

/* What EXPLAIN QUERY PLAN says, one step a line. */
static char *
query_plan (Fixture    *fixture,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rp_store_get_db (fixture->store), explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* The plan of the statement containing @fragment must not have @unwanted,
 * and must have each of the strings after it, up to NULL. */
static void
assert_plan (Fixture    *fixture,
             const char *fragment,
             const char *unwanted,
             ...)
{
  const char *sql = find_sql (fixture, fragment);
  g_autofree char *plan = query_plan (fixture, sql);
  va_list args;

  if (unwanted != NULL && strstr (plan, unwanted) != NULL)
    g_error ("The plan of\n  %s\nhas “%s”:\n%s", sql, unwanted, plan);

  va_start (args, unwanted);
  for (const char *needed = va_arg (args, const char *); needed != NULL; needed = va_arg (args, const char *))
    if (strstr (plan, needed) == NULL)
      g_error ("The plan of\n  %s\nlacks “%s”:\n%s", sql, needed, plan);
  va_end (args);
}

static void
test_attendees_list (Fixture       *fixture,
                     gconstpointer  data)
{
  /* In number order straight from the (programme_id, number) index; the date
   * of each attendee's step is kept beside it, so no history is read. */
  assert_plan (fixture, "WHERE a.programme_id = ? ORDER BY a.number", "USE TEMP B-TREE",
               "SEARCH a USING INDEX sqlite_autoindex_attendee_1 (programme_id=?)",
               "SEARCH w USING INTEGER PRIMARY KEY",
               NULL);
  assert_plan (fixture, "WHERE a.programme_id = ? ORDER BY a.number", "step_change", NULL);
  assert_plan (fixture, "WHERE a.programme_id = ? AND a.number = ?", "SCAN",
               "(programme_id=? AND number=?)", NULL);
}

/* The attention rule's newest contact with the family or advocate, read
 * with each attendee: for the whole list, gathered in one pass over the
 * contact log's covering index, never its rows, and the reviews' by their
 * index, each joined through an index; the day the log began by the
 * programme's key. */
static void
test_contact_clock (Fixture       *fixture,
                    gconstpointer  data)
{
  assert_plan (fixture, "WHERE a.programme_id = ? ORDER BY a.number", "SCAN a",
               "SCAN contact_log USING COVERING INDEX contact_log_attendee_with",
               "SCAN review USING INDEX review_attendee",
               "SEARCH lc USING AUTOMATIC COVERING INDEX (attendee_id=?)",
               "SEARCH rv USING AUTOMATIC COVERING INDEX (attendee_id=?)",
               "SEARCH g USING INTEGER PRIMARY KEY",
               NULL);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  /* The counts at each step, and a worker's caseload, read one programme or one worker. */
  assert_plan (fixture, "GROUP BY 1, 2, 3, 4", "SCAN attendee", "SEARCH attendee USING", "(programme_id=?)", NULL);
  assert_plan (fixture, "WHERE programme_id = ? AND worker_id = ?", "SCAN attendee",
               "SEARCH attendee USING", "worker_id=?", NULL);
}

static void
test_step_history (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Oldest first, in the index's own order. */
  assert_plan (fixture, "FROM step_change WHERE attendee_id = ?", "USE TEMP B-TREE",
               "SEARCH step_change USING INDEX step_change_attendee (attendee_id=?)", NULL);
  /* The report: each attendee's step on a given day. */
  assert_plan (fixture, "s.changed_on <= ?2", "SCAN s",
               "SEARCH a USING INDEX sqlite_autoindex_attendee_1 (programme_id=?)",
               "step_change_attendee (attendee_id=? AND changed_on<?)", NULL);
}

static void
test_booking_lookups (Fixture       *fixture,
                      gconstpointer  data)
{
  /* A day's bookings, an attendee's own days, and the checks for a full day,
   * double bookings and staff in two places. */
  assert_plan (fixture, "FROM booking WHERE taster_day_id = ? ORDER BY id", "SCAN booking",
               "SEARCH booking USING", "(taster_day_id=?)", NULL);
  assert_plan (fixture, "FROM booking b JOIN taster_day t ON t.id = b.taster_day_id WHERE b.attendee_id = ?", "SCAN b",
               "SEARCH b USING INDEX booking_attendee (attendee_id=?)", NULL);
  assert_plan (fixture, "x.attendee_id = ?1", "SCAN x", "SEARCH x USING INDEX booking_attendee (attendee_id=?)", NULL);
  assert_plan (fixture, "x.staff_id = ?1", "SCAN x", "SEARCH x USING INDEX booking_staff (staff_id=?)", NULL);
  assert_plan (fixture, "FROM booking WHERE taster_day_id = ?1", "SCAN booking", "(taster_day_id=?)", NULL);
  /* Each day's bookings, for the whole programme at once, and the other
   * programmes' bookings on the same dates: found through an index, never
   * by reading every booking. */
  assert_plan (fixture, "LEFT JOIN booking b ON b.taster_day_id = t.id", "SCAN",
               "SEARCH t USING INDEX taster_day_programme (programme_id=?)",
               "SEARCH b USING INDEX sqlite_autoindex_booking_1 (taster_day_id=?)", NULL);
  assert_plan (fixture, "o.programme_id != ?1", "SCAN x",
               "SEARCH x USING INDEX sqlite_autoindex_booking_1 (taster_day_id=?)",
               "COVERING INDEX taster_day_programme (programme_id=?)", NULL);
  /* The agenda of taster days. */
  assert_plan (fixture, "WHERE t.programme_id = ? ORDER BY", "SCAN t",
               "SEARCH t USING INDEX taster_day_programme (programme_id=?)", NULL);
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  /* One attendee's changes, newest first, without reading anyone else's. */
  assert_plan (fixture, "FROM audit WHERE table_name = ?", "SCAN audit",
               "SEARCH audit USING INDEX audit_record (table_name=? AND record_id=?)", NULL);
  /* A report as of a past day: each value of then from that record's own changes. */
  assert_plan (fixture, "s.changed_on <= ?3", "SCAN audit",
               "SEARCH audit USING INDEX audit_record (table_name=? AND record_id=? AND rowid>?)", NULL);
  assert_plan (fixture, "WITH ids (id) AS", "SCAN audit",
               "SEARCH audit USING INDEX audit_record (table_name=? AND record_id=? AND rowid>?)", NULL);
  /* The reviews held by then and their ratings then, for the follow-up table. */
  assert_plan (fixture, "WITH review_ids (id) AS", "SCAN audit",
               "SEARCH audit USING INDEX audit_record (table_name=? AND record_id=? AND rowid>?)", NULL);
  assert_plan (fixture, "WITH rating_ids (id) AS", "SCAN audit",
               "SEARCH audit USING INDEX audit_record (table_name=? AND record_id=? AND rowid>?)", NULL);
  /* The programme's history: its own changes, its timetable's, and the
   * workers' and providers', never reading every attendee's. */
  assert_plan (fixture, "table_name IN ('worker', 'provider')", "SCAN audit",
               "SEARCH audit USING INDEX audit_record (table_name=?)",
               "SEARCH audit USING INDEX audit_record (table_name=? AND record_id=?)", NULL);
  /* The taster days the timetable's actions were linked to then, and their dates and providers then. */
  assert_plan (fixture, "WITH link_ids (id) AS", "SCAN audit",
               "SEARCH audit USING INDEX audit_record (table_name=? AND record_id=? AND rowid>?)", NULL);
}

static void
test_timetable_links (Fixture       *fixture,
                      gconstpointer  data)
{
  /* The taster days linked to one programme's actions, found from its actions. */
  assert_plan (fixture, "FROM timetable_action_taster_day l JOIN timetable_action a", "SCAN",
               "SEARCH a USING COVERING INDEX timetable_action_programme (programme_id=?)",
               "SEARCH l USING COVERING INDEX sqlite_autoindex_timetable_action_taster_day_1 (action_id=?)", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/query-plan/attendees-list", Fixture, NULL, fixture_set_up, test_attendees_list, fixture_tear_down);
  g_test_add ("/core/query-plan/contact-clock", Fixture, NULL, fixture_set_up, test_contact_clock, fixture_tear_down);
  g_test_add ("/core/query-plan/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/core/query-plan/step-history", Fixture, NULL, fixture_set_up, test_step_history, fixture_tear_down);
  g_test_add ("/core/query-plan/booking-lookups", Fixture, NULL, fixture_set_up, test_booking_lookups, fixture_tear_down);
  g_test_add ("/core/query-plan/audit", Fixture, NULL, fixture_set_up, test_audit, fixture_tear_down);
  g_test_add ("/core/query-plan/timetable-links", Fixture, NULL, fixture_set_up, test_timetable_links, fixture_tear_down);

  return g_test_run ();
}
