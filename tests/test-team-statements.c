/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team-statements.c: every statement the store runs on a file, rewritten for PostgreSQL, prepares on the team schema */

#include "config.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-team-private.h"
#include "rp-test-team.h"
#include "rp-test-util.h"
#include "store/rp-sql-dialect.h"

/*
 * The store's SQL is collected as it runs, on every connection the core
 * opens while a realistic workload goes through it (the sample programme and
 * its moves, edits and undos, reviews and their CSV, contacts, reports as
 * of a day and compared with another, exports, calendars and schedules,
 * the history, an import and an erasure), so these are the real statements,
 * not copies. Each is rewritten with rp_sql_to_postgres () and prepared on a
 * freshly set up team database as the staff role: PostgreSQL checks names,
 * types and parameters at PREPARE, so a statement that prepares here is one
 * the libpq backend can run; EXPLAIN then checks that staff may run it.
 */

/* What only makes sense on the SQLite file, by how the statement starts or
 * what it names, with the reason. */
static const struct
{
  const char *text;
  gboolean    prefix;   /* the statement starts with it; else it appears anywhere */
  const char *reason;
} file_only[] = {
  { "PRAGMA", TRUE, "the file's settings, version and checks: the server has schema_version and its catalogue" },
  { "pragma_", FALSE, "the file's table list and foreign-key check (the server enforces its keys itself)" },
  { "sqlite_master", FALSE, "the file's own catalogue: its trigger safeguards (on the server the owner role owns the triggers) "
                           "and whether an old backup has a table (a team database is at one schema version)" },
  { "sqlite_sequence", FALSE, "the file's id counters: identities on the server" },
  { "VACUUM", TRUE, "erasure's scrub of the file's free pages" },
  { "CREATE TRIGGER", TRUE, "the file's audit triggers and guards, made by its migrations: the team schema has its own" },
  { "DROP TRIGGER", TRUE, "as CREATE TRIGGER" },
};

/* The store's own writes to the audit trail (the erasure's scrub and its
 * tombstone, the note of a restore) are the owner's functions on the server
 * (team schema version 4): rp_sql_to_postgres () calls them, and staff may
 * run those calls as any other statement. They must be among what the
 * workload runs. */
static const char * const audit_functions[] = { "rp_erase_audit (", "rp_erase_tombstone (", "rp_store_note (" };

/* Transaction control cannot be PREPAREd; it is run instead, in a throwaway transaction. */
static const char * const transaction_words[] = { "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE" };

static GPtrArray *collected;  /* every statement run while collecting, once */
static gboolean   collecting;
G_LOCK_DEFINE_STATIC (collected);  /* a store may run statements from a worker thread */

static int
collect_statement (unsigned int  type,
                   void         *data,
                   void         *statement,
                   void         *text)
{
  const char *sql = sqlite3_sql (statement);

  G_LOCK (collected);
  if (collecting && sql != NULL && !g_ptr_array_find_with_equal_func (collected, sql, g_str_equal, NULL))
    g_ptr_array_add (collected, g_strdup (sql));
  G_UNLOCK (collected);
  return 0;
}

/* Every connection the process opens, the store's own and those that
 * import, erasure and copies open by themselves, is traced. */
static int
trace_connection (sqlite3                         *db,
                  const char                     **error_message,
                  const struct sqlite3_api_routines *api)
{
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, collect_statement, NULL);
  return SQLITE_OK;
}

static gboolean
starts_with_word (const char *sql,
                  const char *word)
{
  gsize length = strlen (word);

  while (g_ascii_isspace (*sql))
    sql++;
  return g_ascii_strncasecmp (sql, word, length) == 0 && !g_ascii_isalnum (sql[length]) && sql[length] != '_';
}

static const char *
file_only_reason (const char *sql)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_only); i++)
    if (file_only[i].prefix ? starts_with_word (sql, file_only[i].text) : strstr (sql, file_only[i].text) != NULL)
      return file_only[i].reason;
  return NULL;
}

static gboolean
is_transaction_control (const char *sql)
{
  for (guint i = 0; i < G_N_ELEMENTS (transaction_words); i++)
    if (starts_with_word (sql, transaction_words[i]))
      return TRUE;
  return FALSE;
}

/* The workload --------------------------------------------------------------- */

/* Each function has a local `error`; a failure stops the test with its message. */
#define OK(call) G_STMT_START { if (!(call)) g_error ("%s: %s", #call, error != NULL ? error->message : "failed"); } G_STMT_END
#define UNREF(call) G_STMT_START { gpointer object = (call); \
                                   if (object == NULL) g_error ("%s: %s", #call, error != NULL ? error->message : "failed"); \
                                   g_object_unref (object); } G_STMT_END

static RpAttendee *
nth_attendee (RpStore *store,
              gint64   programme_id,
              guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attendees = rp_store_list_attendees (store, programme_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), >, n);
  return g_list_model_get_item (attendees, n);
}

/* An attendee who has moved, for the reviews and the follow-up. */
static RpAttendee *
moved_attendee (RpStore *store,
                gint64   programme_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attendees = rp_store_list_attendees (store, programme_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);

      if (rp_attendee_get_outcome (attendee) == RP_OUTCOME_MOVED)
        return g_steal_pointer (&attendee);
    }
  g_error ("the sample has nobody who moved");
}

static void
work_people (RpStore *store,
             gint64   programme_id)
{
  g_autoptr(RpAttendee) attendee = nth_attendee (store, programme_id, 0);
  g_autoptr(RpAttendee) added = rp_attendee_new ();
  g_autoptr(RpWorker) worker = rp_worker_new ();
  g_autoptr(RpProvider) provider = rp_provider_new ();
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(RpRulesContext) rules = NULL;
  g_autoptr(GError) error = NULL;
  gint64 attendee_id = rp_attendee_get_id (attendee);
  guint n_needing = 0, n_not_contacted = 0;
  RpProgrammeCounts counts;

  UNREF (rp_store_list_programmes (store, &error));
  UNREF (rp_store_get_programme (store, programme_id, &error));
  OK (rp_store_get_counts (store, programme_id, &counts, &error));

  /* Workers and providers, shared by every programme. */
  rp_worker_set_name (worker, "Priya Shah");
  rp_worker_set_initials (worker, "PS");
  OK (rp_store_add_worker (store, worker, &error));
  rp_worker_set_phone (worker, "0116 496 0000");
  rp_worker_set_active (worker, FALSE);
  OK (rp_store_save_worker (store, worker, &error));
  UNREF (rp_store_list_workers (store, TRUE, &error));
  UNREF (rp_store_list_workers (store, FALSE, &error));
  UNREF (rp_store_get_worker (store, rp_worker_get_id (worker), &error));
  rp_provider_set_name (provider, "Brookside Hub");
  OK (rp_store_add_provider (store, provider, &error));
  rp_provider_set_on_framework (provider, TRUE);
  OK (rp_store_save_provider (store, provider, &error));
  UNREF (rp_store_list_providers (store, &error));
  UNREF (rp_store_get_provider (store, rp_provider_get_id (provider), &error));

  /* Attendees: add, save, save field by field (every field), steps and their undo. */
  rp_attendee_set_programme_id (added, programme_id);
  rp_attendee_set_number (added, rp_store_next_attendee_number (store, programme_id, &error));
  g_assert_no_error (error);
  rp_attendee_set_full_name (added, "Alex Example");
  OK (rp_store_add_attendee (store, added, "2023-09-01", &error));
  rp_attendee_set_wheelchair_user (added, TRUE);
  rp_attendee_set_target_date (added, "2024-01-31");
  OK (rp_store_save_attendee (store, added, &error));
  for (int field = 0; field < RP_ATTENDEE_N_FIELDS; field++)
    {
      g_autoptr(GVariant) value = rp_attendee_dup_field (attendee, field);
      RpFieldEdit edit = { field, value, value };

      OK (rp_store_save_attendee_fields (store, attendee_id, &edit, 1, &conflicts, &error));
      g_clear_pointer (&conflicts, g_ptr_array_unref);
    }
  {
    /* One that conflicts: someone else changed the phone number meanwhile. */
    g_autoptr(GVariant) base = g_variant_ref_sink (g_variant_new_string ("0000"));
    g_autoptr(GVariant) mine = g_variant_ref_sink (g_variant_new_string ("07700 900999"));
    RpFieldEdit edit = { RP_ATTENDEE_FIELD_CONTACT_PHONE, base, mine };

    rp_store_save_attendee_fields (store, attendee_id, &edit, 1, &conflicts, &error);
    g_clear_error (&error);
    g_clear_pointer (&conflicts, g_ptr_array_unref);
  }
  OK (rp_store_change_step (store, rp_attendee_get_id (added), 2, "2023-09-10", "Visited the family", &error));
  OK (rp_store_change_step (store, rp_attendee_get_id (added), 3, "2023-09-20", NULL, &error));
  history = rp_store_list_step_history (store, rp_attendee_get_id (added), &error);
  g_assert_no_error (error);
  {
    g_autoptr(RpStepChange) newest = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);

    OK (rp_store_undo_step_change (store, rp_step_change_get_id (newest), &error));
  }
  UNREF (rp_store_list_undone_step_changes (store, rp_attendee_get_id (added), &error));
  UNREF (rp_store_get_attendee (store, attendee_id, &error));
  UNREF (rp_store_find_attendee (store, programme_id, rp_attendee_get_number (attendee), &error));
  rp_store_count_caseload (store, programme_id, rp_attendee_get_worker_id (attendee), &error);
  g_assert_no_error (error);
  OK (rp_store_record_move (store, rp_attendee_get_id (added), rp_provider_get_id (provider), "2023-10-01", &error));

  rules = rp_rules_context_new_full ("2023-10-15", NULL, 56, 14);
  g_ptr_array_unref (rp_store_find_needing_attention (store, programme_id, rules, 10, &n_needing, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (rp_store_find_needing_attention_counted (store, programme_id, rules, 10, &n_needing,
                                                             &n_not_contacted, &error));
  g_assert_no_error (error);

  rp_name_index_free (rp_store_build_name_index (store, programme_id, &error));
  g_assert_no_error (error);
  rp_name_index_free (rp_store_build_people_index (store, &error));
  g_assert_no_error (error);
  rp_name_index_free (rp_store_build_erased_index (store, &error));
  g_assert_no_error (error);
  OK (rp_store_confirm_not_a_name (store, programme_id, "report_note", "Met Bill at the hub", "Bill", &error));

  /* Audit and history. */
  UNREF (rp_store_list_audit (store, "attendee", attendee_id, &error));
  UNREF (rp_store_list_audit (store, NULL, 0, &error));
  UNREF (rp_store_list_attendee_records_audit (store, attendee_id, &error));
  UNREF (rp_store_list_programme_audit (store, programme_id, &error));
  g_ptr_array_unref (rp_history_describe (store, attendee_id, "jtaylor", "Jo Taylor", &error));
  g_assert_no_error (error);
  g_ptr_array_unref (rp_history_describe_programme (store, programme_id, NULL, NULL, &error));
  g_assert_no_error (error);

  OK (rp_store_delete_attendee (store, rp_attendee_get_id (added), &error));
}

static void
work_days_and_timetable (RpStore *store,
                         gint64   programme_id)
{
  g_autoptr(RpAttendee) attendee = nth_attendee (store, programme_id, 1);
  g_autoptr(RpAttendee) other = nth_attendee (store, programme_id, 2);
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(RpProvider) provider = NULL;
  g_autoptr(RpTasterDay) day = rp_taster_day_new ();
  g_autoptr(RpBooking) booking = rp_booking_new ();
  g_autoptr(RpBooking) second = rp_booking_new ();
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) already = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
  g_autoptr(RpTimetableAction) linked = rp_timetable_action_new ();
  g_autoptr(GError) error = NULL;
  guint n_bookings = 0;

  providers = rp_store_list_providers (store, &error);
  g_assert_no_error (error);
  provider = g_list_model_get_item (providers, 0);

  rp_taster_day_set_programme_id (day, programme_id);
  rp_taster_day_set_provider_id (day, rp_provider_get_id (provider));
  rp_taster_day_set_date (day, "2023-11-02");
  rp_taster_day_set_start_time (day, "10:00");
  rp_taster_day_set_end_time (day, "14:30");
  rp_taster_day_set_places (day, 4);
  OK (rp_store_add_taster_day (store, day, &error));
  rp_taster_day_set_venue (day, "Main hall, step-free");
  OK (rp_store_save_taster_day (store, day, &error));
  UNREF (rp_store_list_taster_days (store, programme_id, &error));
  UNREF (rp_store_get_taster_day (store, rp_taster_day_get_id (day), &error));

  rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (day));
  rp_booking_set_attendee_id (booking, rp_attendee_get_id (attendee));
  rp_booking_set_transport_needed (booking, TRUE);
  rp_booking_set_pickup_time (booking, "09:15");
  rp_booking_set_staff_id (booking, rp_attendee_get_worker_id (attendee));
  rp_store_check_booking (store, booking, messages, &error);
  g_assert_no_error (error);
  OK (rp_store_add_booking (store, booking, &error));
  rp_booking_set_status (booking, RP_BOOKING_CONFIRMED);
  OK (rp_store_save_booking (store, booking, &error));
  rp_booking_set_taster_day_id (second, rp_taster_day_get_id (day));
  rp_booking_set_attendee_id (second, rp_attendee_get_id (other));
  g_ptr_array_add (bookings, g_object_ref (second));
  g_array_unref (rp_store_check_bookings (store, bookings, messages, &error));
  g_assert_no_error (error);
  OK (rp_store_add_bookings_except_booked (store, bookings, already, &error));
  UNREF (rp_store_list_bookings (store, rp_taster_day_get_id (day), &error));
  UNREF (rp_store_list_attendee_bookings (store, rp_attendee_get_id (attendee), &error));
  g_array_unref (rp_store_summarise_taster_days (store, programme_id, &error));
  g_assert_no_error (error);

  /* The closure timetable, one action linked to the day. */
  rp_timetable_action_set_programme_id (action, programme_id);
  rp_timetable_action_set_activity (action, "Tell families about the open days");
  rp_timetable_action_set_due_date (action, "2023-11-30");
  OK (rp_store_add_action (store, action, &error));
  rp_timetable_action_set_owner (action, "Commissioning");
  OK (rp_store_save_action (store, action, &error));
  rp_timetable_action_set_programme_id (linked, programme_id);
  rp_timetable_action_set_activity (linked, "Taster days at Brookside");
  OK (rp_timetable_action_set_due_text (linked, "after the taster days", &error));
  OK (rp_store_add_action (store, linked, &error));
  OK (rp_store_move_action (store, rp_timetable_action_get_id (action), 1, &error));
  /* Linked to the day, then not. */
  rp_timetable_action_link_taster_day (linked, day);
  OK (rp_store_save_action (store, linked, &error));
  rp_timetable_action_unlink_taster_day (linked, rp_taster_day_get_id (day));
  OK (rp_store_save_action (store, linked, &error));
  rp_timetable_action_link_taster_day (linked, day);
  OK (rp_store_save_action (store, linked, &error));
  UNREF (rp_store_list_actions (store, programme_id, &error));
  OK (rp_store_delete_action (store, rp_timetable_action_get_id (action), &error));
  OK (rp_store_restore_action (store, action, &error));

  /* A write that fails inside a larger transaction rolls back to its savepoint: the same booking twice. */
  OK (rp_store_begin (store, &error));
  {
    g_autoptr(RpBooking) twice = rp_booking_new ();

    rp_booking_set_taster_day_id (twice, rp_taster_day_get_id (day));
    rp_booking_set_attendee_id (twice, rp_attendee_get_id (attendee));
    g_assert_false (rp_store_add_booking (store, twice, &error));
    g_clear_error (&error);
  }
  rp_store_rollback (store);

  OK (rp_store_cancel_taster_day (store, rp_taster_day_get_id (day), &n_bookings, &error));
}

static void
work_after_the_move (RpStore *store,
                     gint64   programme_id)
{
  g_autoptr(RpAttendee) attendee = moved_attendee (store, programme_id);
  g_autoptr(RpAttendee) interim = nth_attendee (store, programme_id, 3);
  g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();
  g_autoptr(RpPlannedOutcome) second = rp_planned_outcome_new ();
  g_autoptr(RpReview) review = rp_review_new ();
  g_autoptr(RpContact) contact = rp_contact_new ();
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(RpProvider) provider = NULL;
  g_autoptr(RpProvider) other_provider = NULL;
  g_autoptr(GError) error = NULL;
  gint64 attendee_id = rp_attendee_get_id (attendee);

  providers = rp_store_list_providers (store, &error);
  g_assert_no_error (error);
  provider = g_list_model_get_item (providers, 1);
  other_provider = g_list_model_get_item (providers, 2);

  rp_planned_outcome_set_attendee_id (outcome, attendee_id);
  rp_planned_outcome_set_description (outcome, "Keeps seeing friends from the centre");
  OK (rp_store_add_planned_outcome (store, outcome, &error));
  rp_planned_outcome_set_written_on (outcome, "2023-09-01");
  OK (rp_store_save_planned_outcome (store, outcome, &error));
  rp_planned_outcome_set_attendee_id (second, attendee_id);
  rp_planned_outcome_set_description (second, "Goes swimming");
  OK (rp_store_add_planned_outcome (store, second, &error));
  OK (rp_store_move_planned_outcome (store, rp_planned_outcome_get_id (second), -1, &error));
  UNREF (rp_store_list_planned_outcomes (store, attendee_id, &error));

  rp_review_set_attendee_id (review, attendee_id);
  rp_review_set_kind (review, RP_REVIEW_KIND_ANNUAL);
  rp_review_set_held_on (review, "2023-10-14");
  rp_review_set_placement_continues (review, TRUE);
  rp_review_set_reviewer_id (review, rp_attendee_get_worker_id (attendee) != 0 ? rp_attendee_get_worker_id (attendee) : 1);
  {
    g_autoptr(GListModel) outcomes = rp_store_list_planned_outcomes (store, attendee_id, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
      {
        g_autoptr(RpPlannedOutcome) each = g_list_model_get_item (outcomes, i);

        rp_review_set_rating (review, rp_planned_outcome_get_id (each), rp_planned_outcome_get_description (each),
                              i % 2 == 0 ? RP_RATING_MET : RP_RATING_PARTLY_MET, i == 0 ? "Every week" : NULL);
      }
  }
  OK (rp_store_record_review (store, review, &error));
  UNREF (rp_store_list_reviews (store, attendee_id, &error));
  /* One written after the review, and taken back. */
  rp_planned_outcome_set_id (second, 0);
  rp_planned_outcome_set_description (second, "Joins the gardening club");
  OK (rp_store_add_planned_outcome (store, second, &error));
  OK (rp_store_delete_planned_outcome (store, rp_planned_outcome_get_id (second), &error));

  rp_contact_set_attendee_id (contact, attendee_id);
  rp_contact_set_contacted_on (contact, "2023-10-12");
  rp_contact_set_with_whom (contact, RP_CONTACT_WITH_FAMILY);
  rp_contact_set_method (contact, RP_CONTACT_METHOD_PHONE);
  rp_contact_set_summary (contact, "Settling in well");
  OK (rp_store_add_contact (store, contact, &error));
  rp_contact_set_follow_up_needed (contact, TRUE);
  OK (rp_store_save_contact (store, contact, &error));
  UNREF (rp_store_list_contacts (store, attendee_id, &error));
  UNREF (rp_store_list_programme_contacts (store, programme_id, &error));
  OK (rp_store_delete_contact (store, rp_contact_get_id (contact), &error));
  OK (rp_store_restore_contact (store, contact, &error));

  OK (rp_store_record_interim_move (store, rp_attendee_get_id (interim), rp_provider_get_id (provider), "2023-10-02",
                                    rp_provider_get_id (other_provider), "2024-02-01", &error));
  OK (rp_store_record_permanent_move (store, rp_attendee_get_id (interim), rp_provider_get_id (other_provider),
                                      "2023-10-14", &error));
}

static void
work_documents (RpStore    *store,
                gint64      programme_id,
                const char *dir)
{
  static const RpReportOptions options[] = {
    { .include_moved = TRUE },
    { .as_of = "2023-09-15" },
    { .as_of = "2023-10-14", .compare_with = "2023-09-01", .include_moved = TRUE, .suppress_below = 5 },
    { .only_table = RP_REPORT_TABLE_FOLLOW_UP },
  };
  g_autoptr(RpAttendee) attendee = moved_attendee (store, programme_id);
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *contact_csv = NULL;
  g_autofree char *family = NULL;
  g_autofree char *staff = NULL;
  g_autoptr(RpSchedule) schedule = NULL;
  g_autoptr(RpNameIndex) names = rp_store_build_name_index (store, programme_id, NULL);
  guint n_added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(RpReport) report = rp_report_build (store, programme_id, &options[i], &error);
      g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);

      g_assert_no_error (error);
      rp_report_check_names_confirming (report, store, names, NULL, NULL, &error);
      g_clear_error (&error);
      OK (rp_report_record_export (report, store, i == 0 ? "report" : "print", i == 0 ? "pdf" : "print", path,
                                   "Scrutiny commission", &error));
    }
  UNREF (rp_store_list_exports (store, programme_id, &error));

  /* Reviews and contacts as CSV, written and read back. */
  reviews = rp_review_csv_write (store, programme_id, &error);
  g_assert_no_error (error);
  /* Read back as a check only: the same reviews again are problems, which is what the check reads for. */
  rp_review_csv_import (store, programme_id, reviews, strlen (reviews), TRUE, &n_added, NULL, &error);
  g_clear_error (&error);
  attendees = rp_store_list_attendees (store, programme_id, &error);
  g_assert_no_error (error);
  contacts = rp_store_list_programme_contacts (store, programme_id, &error);
  g_assert_no_error (error);
  contact_csv = rp_contact_csv_write (contacts, attendees);
  rp_contact_csv_import (store, programme_id, contact_csv, strlen (contact_csv), FALSE, &n_added, NULL, &error);
  g_clear_error (&error);

  family = rp_calendar_build_family (store, rp_attendee_get_id (attendee), NULL, NULL, &error);
  g_assert_no_error (error);
  staff = rp_calendar_build_staff (store, programme_id, NULL, NULL, &error);
  g_assert_no_error (error);
  schedule = rp_schedule_build (store, rp_attendee_get_id (attendee), NULL, &error);
  g_assert_no_error (error);
  g_array_unref (rp_schedule_list_attendees (store, programme_id, NULL, &error));
  g_assert_no_error (error);
}

static void
work_import_and_erasure (RpStore    *store,
                         gint64      programme_id,
                         const char *dir)
{
  g_autofree char *copy_path = g_build_filename (dir, "restored.db", NULL);
  g_autoptr(RpStore) copy = NULL;
  static const char csv[] =
    "Number,Full name,Date of birth,Step,Wheelchair user,Funding\n"
    "901,Sam Imported,1960-04-05,2,yes,ASC\n"
    "902,Kim Imported,,1,no,Health\n";
  g_autoptr(RpImport) import = NULL;
  g_autoptr(RpImportPreview) preview = NULL;
  g_autoptr(RpAttendee) erased = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  import = rp_import_new_from_data (csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  preview = rp_import_check (import, store, programme_id, NULL, &error);
  g_assert_no_error (error);
  OK (rp_import_apply (import, store, programme_id, NULL, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 2);

  erased = rp_store_find_attendee (store, programme_id, 901, &error);
  g_assert_no_error (error);
  OK (rp_erasure_erase_attendee (store, rp_attendee_get_id (erased), RP_ERASURE_KEEP_BACKUPS, NULL, &error));
  rp_name_index_free (rp_store_build_erased_index (store, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (rp_history_describe_programme (store, programme_id, NULL, NULL, &error));
  g_assert_no_error (error);

  /* A backup put back: the erasures since are applied to it again, and the restore is recorded. */
  collecting = FALSE;  /* a new file's migrations are the file's own */
  copy = rp_store_open (copy_path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  collecting = TRUE;
  OK (rp_erasure_reapply (copy, rp_store_get_path (store), &error));
  OK (rp_store_record_restore (copy, copy_path, &error));
}

static void
run_workload (RpStore    *store,
              const char *dir)
{
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  gint64 programme_id;

  programme = rp_sample_create (store, &error);
  g_assert_no_error (error);
  OK (rp_sample_add_moves (store, programme, &error));
  programme_id = rp_programme_get_id (programme);
  rp_programme_set_report_title (programme, "Day centre closure: progress");
  OK (rp_store_save_programme (store, programme, &error));
  rp_store_check_for_changes (store);

  work_people (store, programme_id);
  work_days_and_timetable (store, programme_id);
  work_after_the_move (store, programme_id);
  work_documents (store, programme_id, dir);
  work_import_and_erasure (store, programme_id, dir);
  {
    /* A second programme, generated, as the benchmarks and query plans make one. */
    g_autoptr(RpProgramme) generated = rp_generate_programme (store, 30, 7, &error);

    g_assert_no_error (error);
  }
}

/* The check ---------------------------------------------------------------- */

/* Why @sql does not prepare (or, for transaction control, run) on @conn, or %NULL. */
static char *
check_statement (PGconn     *conn,
                 const char *postgres,
                 guint       n_params,
                 gboolean    transaction_control)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(PGresult) described = NULL;

  if (transaction_control)
    {
      g_autofree char *script = g_strdup_printf ("BEGIN; SAVEPOINT rp_write; %s; ROLLBACK", postgres);

      result = PQexec (conn, script);
      PQclear (PQexec (conn, "ROLLBACK"));
      return PQresultStatus (result) == PGRES_COMMAND_OK ? NULL : g_strdup (PQresultErrorMessage (result));
    }

  result = PQprepare (conn, "", postgres, (int) n_params, NULL);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    return g_strdup (PQresultErrorMessage (result));
  described = PQdescribePrepared (conn, "");
  if (PQnparams (described) != (int) n_params)
    return g_strdup_printf ("takes %d parameters, not %u", PQnparams (described), n_params);
  return NULL;
}

/* Why the staff role may not run @postgres (which prepares), or %NULL: the
 * privileges are checked when a plan starts, which EXPLAIN does. */
static char *
check_privileges (PGconn     *conn,
                  const char *postgres,
                  guint       n_params)
{
  g_autoptr(PGresult) prepared = PQprepare (conn, "rp_privileges", postgres, (int) n_params, NULL);
  g_autoptr(PGresult) explained = NULL;
  g_autoptr(GString) explain = g_string_new ("EXPLAIN EXECUTE rp_privileges");
  char *problem = NULL;

  g_assert_cmpint (PQresultStatus (prepared), ==, PGRES_COMMAND_OK);
  for (guint i = 0; i < n_params; i++)
    g_string_append (explain, i == 0 ? " (NULL" : ", NULL");
  if (n_params > 0)
    g_string_append_c (explain, ')');
  explained = PQexec (conn, explain->str);
  if (PQresultStatus (explained) != PGRES_TUPLES_OK)
    problem = g_strdup (PQresultErrorMessage (explained));
  PQclear (PQexec (conn, "DEALLOCATE rp_privileges"));
  return problem;
}

static void
test_statements_prepare (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "programme.db", NULL);
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *sql = NULL;
  RpTestTeam team = { 0 };
  guint n_failed = 0, n_checked = 0, n_file_only = 0;
  guint audit_calls = 0;  /* which of audit_functions[] were called */

  g_test_summary ("Every statement the store runs on a file, rewritten for PostgreSQL, prepares on the team schema as staff");

  collected = g_ptr_array_new_with_free_func (g_free);
  sqlite3_auto_extension ((void (*) (void)) trace_connection);
  store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (store, "2023-10-15");
  collecting = TRUE;
  run_workload (store, dir);
  collecting = FALSE;
  g_clear_object (&store);
  sqlite3_cancel_auto_extension ((void (*) (void)) trace_connection);
  g_test_message ("%u statements collected", collected->len);
  /* The workload reached the store: far more than a handful of statements. */
  g_assert_cmpuint (collected->len, >, 100);

  if (!rp_test_team_available ())
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      g_clear_pointer (&collected, g_ptr_array_unref);
      rp_test_remove_tree (dir);
      return;
    }

  rp_test_team_set_up (&team, "rp_stmt", "rps");
  rp_test_team_init (&team);
  conn = rp_test_team_connect (team.database, NULL);
  sql = g_strdup_printf ("SET client_min_messages = error; SET ROLE %sstaff; SET search_path = reprovision", team.prefix);
  rp_test_team_exec_ok (conn, sql);
  g_clear_pointer (&sql, g_free);

  for (guint i = 0; i < collected->len; i++)
    {
      const char *sqlite = g_ptr_array_index (collected, i);
      g_autofree char *translated = NULL;
      g_autofree char *problem = NULL;
      const char *reason;
      guint n_params = 0;

      if ((reason = file_only_reason (sqlite)) != NULL)
        {
          if (g_test_verbose ())
            g_test_message ("only for the file (%s): %s", reason, sqlite);
          n_file_only++;
          continue;
        }

      translated = rp_sql_to_postgres (sqlite, &n_params);
      if (g_test_verbose ())
        g_test_message ("%s", sqlite);
      for (guint j = 0; j < G_N_ELEMENTS (audit_functions); j++)
        if (strstr (translated, audit_functions[j]) != NULL)
          audit_calls |= 1u << j;
      problem = check_statement (conn, translated, n_params, is_transaction_control (sqlite));
      n_checked++;
      if (problem == NULL && !is_transaction_control (sqlite))
        {
          g_autofree char *refused = check_privileges (conn, translated, n_params);

          if (refused != NULL)
            {
              n_failed++;
              g_string_append_printf (failures, "\n%s\n  as PostgreSQL: %s\n  staff may not run it: %s",
                                      sqlite, translated, g_strchomp (refused));
            }
        }
      if (problem != NULL)
        {
          n_failed++;
          g_string_append_printf (failures, "\n%s\n  as PostgreSQL: %s\n  %s", sqlite, translated, g_strchomp (problem));
        }
    }

  g_test_message ("%u statements checked, %u only for the file", n_checked, n_file_only);
  g_clear_pointer (&conn, PQfinish);
  rp_test_team_tear_down (&team, RP_TEST_TEAM_DROP_DEFAULT);
  g_clear_pointer (&collected, g_ptr_array_unref);
  rp_test_remove_tree (dir);

  if (n_failed > 0)
    g_error ("%u of %u statements do not prepare on the team schema, or staff may not run them:%s", n_failed, n_checked, failures->str);
  /* The erasure and the restore reached the audit trail through the owner's functions. */
  g_assert_cmpuint (audit_calls, ==, (1u << G_N_ELEMENTS (audit_functions)) - 1);
}

int
main (int    argc,
      char **argv)
{
  g_unsetenv ("PGDATABASE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team/statements/prepare", test_statements_prepare);

  return g_test_run ();
}
