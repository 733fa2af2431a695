/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-migrations.c: databases of every earlier schema version open and keep their data */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-util.h"

static void
test_migrate_every_version (void)
{
  for (int version = 0; version < RP_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *dir = rp_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RpStore) store = NULL;
      g_autoptr(GListModel) programmes = NULL;
      gboolean has_data = version >= 1;

      g_test_message ("Migrating a database of version %d", version);

      store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rp_store_get_schema_version (store), ==, version);

      /* Every version since 1 has programmes: one written then must survive. */
      if (has_data)
        g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                       "INSERT INTO programme (name, closure_date) VALUES ('Riverside', '2024-03-31');"
                                       "INSERT INTO attendee (programme_id, number, full_name, step) VALUES (1, 7, 'Georgia Bennett', 3);"
                                       "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                                       "  VALUES (1, 0, 3, '2023-08-29', 'pm');",
                                       NULL, NULL, NULL), ==, SQLITE_OK);
      g_clear_object (&store);

      store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

      programmes = rp_store_list_programmes (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, has_data ? 1 : 0);
      if (has_data)
        {
          g_autoptr(RpProgramme) programme = g_list_model_get_item (programmes, 0);

          g_assert_cmpstr (rp_programme_get_name (programme), ==, "Riverside");
          g_assert_cmpstr (rp_programme_get_closure_date (programme), ==, "2024-03-31");

          {
            g_autoptr(RpAttendee) attendee = rp_store_find_attendee (store, rp_programme_get_id (programme), 7, &error);

            g_assert_no_error (error);
            g_assert_cmpstr (rp_attendee_get_full_name (attendee), ==, "Georgia Bennett");
            g_assert_cmpint (rp_attendee_get_step (attendee), ==, 3);
            g_assert_cmpstr (rp_attendee_get_step_since (attendee), ==, "2023-08-29");
            g_assert_false (rp_attendee_get_archived (attendee));
          }
        }

      /* The migrated schema is complete enough for the sample programme. */
      {
        g_autoptr(RpProgramme) sample = rp_sample_create (store, &error);
        g_assert_no_error (error);
        g_assert_nonnull (sample);
      }

      g_clear_object (&store);
      rp_test_remove_tree (dir);
    }
}

static void
test_failed_migration_changes_nothing (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "clash.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  sqlite3 *db = NULL;
  int version = -1;
  sqlite3_stmt *stmt = NULL;

  /* A version-0 file of ours that already holds a table the first migration creates. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA application_id = 1380995670;"
                                 "CREATE TABLE audit (note TEXT);"
                                 "INSERT INTO audit VALUES ('keep me');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_nonnull (error);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (version, ==, 0);

  sqlite3_prepare_v2 (db, "SELECT note FROM audit", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "keep me");
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE name = 'attendee'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  rp_test_remove_tree (dir);
}

static char *
dump_schema (RpStore *store)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rp_store_get_db (store),
                                       "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "%s %s %s %s\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static int
query_int (RpStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (rp_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Version 5 rebuilds every table so ids are never used twice: the rows, the
 * step history (which a dropped attendee table would cascade into), every
 * index and trigger survive, and an id the audit trail has seen stays used. */
static void
test_migrate_ids_never_reused (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpStore) fresh = NULL;

  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO programme (name) VALUES ('Riverside');"
                                 "INSERT INTO attendee (programme_id, number, full_name) VALUES (1, 7, 'Georgia Bennett');"
                                 "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                                 "  VALUES (1, 0, 1, '2023-08-29', 'pm');"
                                 "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                                 "  VALUES (1, 1, 2, '2023-09-29', 'pm');"
                                 "DELETE FROM step_change WHERE id = 2;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM step_change WHERE attendee_id = 1"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM attendee"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE table_name = 'step_change' AND record_id = 2"), >, 0);

  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                                 "  VALUES (1, 1, 3, '2023-10-29', 'pm');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT max (id) FROM step_change"), ==, 3);

  fresh = rp_store_open (fresh_path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  migrated_schema = dump_schema (store);
  fresh_schema = dump_schema (fresh);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);

  g_clear_object (&fresh);
  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

/* Version 10 adds a phone number to workers and a contact for families to
 * programmes: what was there before stays, the new fields start empty,
 * take a value, and a change to them is in the audit trail. */
static void
test_migrate_family_contact (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpWorker) worker = NULL;

  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, 9, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO programme (name, author) VALUES ('Riverside', 'Head of Service');"
                                 "INSERT INTO worker (name, initials, team) VALUES ('Priya Mistry', 'PM', 'Learning Disabilities');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  programme = rp_store_get_programme (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_programme_get_author (programme), ==, "Head of Service");
  g_assert_null (rp_programme_get_family_contact (programme));
  g_assert_null (rp_programme_get_family_contact_phone (programme));
  worker = rp_store_get_worker (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_worker_get_team (worker), ==, "Learning Disabilities");
  g_assert_null (rp_worker_get_phone (worker));

  rp_programme_set_family_contact (programme, "the day centre office");
  rp_programme_set_family_contact_phone (programme, "0116 496 0100");
  g_assert_true (rp_store_save_programme (store, programme, &error));
  g_assert_no_error (error);
  rp_worker_set_phone (worker, "0116 496 0201");
  g_assert_true (rp_store_save_worker (store, worker, &error));
  g_assert_no_error (error);
  g_clear_object (&programme);
  g_clear_object (&worker);

  programme = rp_store_get_programme (store, 1, &error);
  g_assert_cmpstr (rp_programme_get_family_contact (programme), ==, "the day centre office");
  g_assert_cmpstr (rp_programme_get_family_contact_phone (programme), ==, "0116 496 0100");
  worker = rp_store_get_worker (store, 1, &error);
  g_assert_cmpstr (rp_worker_get_phone (worker), ==, "0116 496 0201");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE table_name = 'worker'"
                                     " AND field = 'phone' AND new_value = '0116 496 0201'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE table_name = 'programme'"
                                     " AND field = 'family_contact_phone' AND new_value = '0116 496 0100'"), ==, 1);

  /* A note where a number should be is refused, in words. */
  rp_worker_set_phone (worker, "ask at reception");
  g_assert_false (rp_store_save_worker (store, worker, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "six digits"));

  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

/* The last version before timetable actions could be linked to taster
 * days; the links came with version 11, after the families' contacts (10). */
#define BEFORE_TASTER_DAY_LINKS 10

/* A file of before the links opens with its timetable, taster days and
 * programmes' markings as they were (a programme without a marking keeps
 * none: only new programmes are marked OFFICIAL), and its actions can then
 * be linked, audited and protected like everything else. The schema is the
 * one a new file gets. */
static void
test_migrate_taster_day_links (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpStore) fresh = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RpTimetableAction) action = NULL;
  g_autoptr(RpTasterDay) day = NULL;
  g_autofree char *due = NULL;

  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, BEFORE_TASTER_DAY_LINKS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO programme (name) VALUES ('Riverside');"
                                 "INSERT INTO programme (name, marking) VALUES ('Northfield', 'OFFICIAL-SENSITIVE');"
                                 "INSERT INTO provider (name) VALUES ('Café Lumière');"
                                 "INSERT INTO taster_day (programme_id, provider_id, day) VALUES (1, 1, '2023-09-30');"
                                 "INSERT INTO timetable_action (programme_id, activity, due_note, position)"
                                 "  VALUES (1, 'Taster days', 'Café Lumière 30 Sept', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM timetable_action_taster_day"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM programme WHERE marking IS NULL AND name = 'Riverside'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM programme WHERE marking = 'OFFICIAL-SENSITIVE'"), ==, 1);
  {
    g_autoptr(RpProgramme) riverside = rp_store_get_programme (store, 1, &error);

    g_assert_no_error (error);
    g_assert_null (rp_programme_get_marking (riverside));
  }

  actions = rp_store_list_actions (store, 1, &error);
  g_assert_no_error (error);
  action = g_list_model_get_item (actions, 0);
  g_assert_cmpuint (rp_timetable_action_get_n_taster_days (action), ==, 0);
  day = rp_store_get_taster_day (store, 1, &error);
  g_assert_no_error (error);

  /* Linked now: the note follows the day it was written about. */
  rp_timetable_action_link_taster_day (action, day);
  g_assert_true (rp_timetable_action_set_due_text (action, "", &error));
  g_assert_true (rp_store_save_action (store, action, &error));
  g_assert_no_error (error);
  g_clear_object (&actions);
  g_clear_object (&action);
  actions = rp_store_list_actions (store, 1, &error);
  action = g_list_model_get_item (actions, 0);
  due = rp_timetable_action_format_due (action);
  g_assert_cmpstr (due, ==, "Café Lumière 30 Sep");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE table_name = 'timetable_action_taster_day'"
                                     " AND action = 'insert'"), ==, 2);

  problems = rp_store_list_trigger_problems (rp_store_get_db (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  fresh = rp_store_open (fresh_path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  migrated_schema = dump_schema (store);
  fresh_schema = dump_schema (fresh);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);

  g_clear_object (&fresh);
  g_clear_object (&actions);
  g_clear_object (&action);
  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

/* Version 12 brings what comes after the move. A file of version 11 opens
 * with its programmes and attendees as they were, the follow-up and
 * contact settings at their defaults (6 weeks, 14 days), and no
 * communication needs, outcomes, reviews or contacts; then those can be
 * written, are in the audit trail, and go, audit rows too, when the
 * attendee is erased. The schema is the one a new file gets. */
static void
test_migrate_after_the_move (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpStore) fresh = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO programme (name) VALUES ('Riverside');"
                                 "INSERT INTO provider (name) VALUES ('Café Lumière');"
                                 "INSERT INTO attendee (programme_id, number, full_name, outcome, outcome_date,"
                                 "                      moved_to_provider_id)"
                                 "  VALUES (1, 7, 'Siân O’Brien', 'moved', '2026-10-01', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM programme WHERE follow_up_weeks = 6 AND contact_due_days = 14"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM attendee WHERE full_name = 'Siân O’Brien' AND outcome = 'moved'"
                                     " AND interim = 0 AND communication_needs IS NULL"), ==, 1);

  /* The programme's two settings: read, changed, kept, audited; a value
   * out of range is refused in words and nothing is written. */
  {
    g_autoptr(RpProgramme) programme = rp_store_get_programme (store, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rp_programme_get_follow_up_weeks (programme), ==, 6);
    g_assert_cmpuint (rp_programme_get_contact_due_days (programme), ==, 14);
    rp_programme_set_follow_up_weeks (programme, 8);
    g_assert_true (rp_store_save_programme (store, programme, &error));
    g_assert_no_error (error);
    rp_programme_set_contact_due_days (programme, 0);
    g_assert_false (rp_store_save_programme (store, programme, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "between 1 and 365"));
    g_clear_error (&error);
    g_clear_object (&programme);
    programme = rp_store_get_programme (store, 1, &error);
    g_assert_cmpuint (rp_programme_get_follow_up_weeks (programme), ==, 8);
    g_assert_cmpuint (rp_programme_get_contact_due_days (programme), ==, 14);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE table_name = 'programme'"
                                       " AND field = 'follow_up_weeks' AND old_value = 6 AND new_value = 8"), ==, 1);
  }

  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "BEGIN;"
                                 "UPDATE attendee SET communication_needs = 'large-print', preferred_contact = 'phone' WHERE id = 1;"
                                 "INSERT INTO planned_outcome (attendee_id, description) VALUES (1, 'Hydrotherapy each week');"
                                 "INSERT INTO review (attendee_id, held_on) VALUES (1, '2026-11-12');"
                                 "INSERT INTO review_outcome (review_id, outcome_id, rating) VALUES (1, 1, 'partly-met');"
                                 "INSERT INTO contact_log (attendee_id, contacted_on, method, summary)"
                                 "  VALUES (1, '2026-11-20', 'phone', 'Spoke to Mum about the review');"
                                 "COMMIT;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE table_name = 'attendee'"
                                     " AND field = 'communication_needs' AND new_value = 'large-print'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(DISTINCT table_name) FROM audit WHERE action = 'insert' AND table_name IN"
                                     " ('planned_outcome', 'review', 'review_outcome', 'contact_log')"), ==, 4);

  /* A rating that is not one of the three is refused by the file itself. */
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO review_outcome (review_id, outcome_id, rating) VALUES (1, 1, 'fine')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);

  g_assert_true (rp_store_delete_attendee (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM planned_outcome") +
                   query_int (store, "SELECT count(*) FROM review") +
                   query_int (store, "SELECT count(*) FROM review_outcome") +
                   query_int (store, "SELECT count(*) FROM contact_log"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE table_name IN"
                                     " ('planned_outcome', 'review', 'review_outcome', 'contact_log')"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE new_value LIKE '%Mum%' OR old_value LIKE '%Mum%'"
                                     " OR new_value LIKE '%Hydrotherapy%' OR old_value LIKE '%Hydrotherapy%'"), ==, 0);

  problems = rp_store_list_trigger_problems (rp_store_get_db (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  fresh = rp_store_open (fresh_path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  migrated_schema = dump_schema (store);
  fresh_schema = dump_schema (fresh);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);

  g_clear_object (&fresh);
  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

static char *
query_text (RpStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rp_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Opens @path at @version with @seed written in its export history, then
 * at the current version: the history is all there, with its ids, guards
 * and index, and still cannot be changed or deleted. */
static RpStore *
migrate_export_history (const char *path,
                        int         version,
                        const char *seed)
{
  const char *rows_sql = "SELECT group_concat (id || ':' || kind || ':' || format || ':' || user || ':'"
                         " || coalesce (file_name, '-') || ':' || recorded_at, ';') FROM (SELECT * FROM export_record ORDER BY id)";
  const char *triggers_sql = "SELECT group_concat (name || '=' || sql, ';') FROM"
                             " (SELECT name, sql FROM sqlite_master WHERE tbl_name = 'export_record'"
                             "  AND type IN ('trigger', 'index') AND name NOT LIKE 'audit_%' ORDER BY name)";
  g_autofree char *triggers_before = NULL;
  g_autofree char *triggers_after = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;

  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store), seed, NULL, NULL, NULL), ==, SQLITE_OK);
  rows_before = query_text (store, rows_sql);
  triggers_before = query_text (store, triggers_sql);
  g_clear_object (&store);

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  rows_after = query_text (store, rows_sql);
  triggers_after = query_text (store, triggers_sql);
  g_assert_nonnull (rows_before);
  g_assert_cmpstr (rows_after, ==, rows_before);
  g_assert_nonnull (strstr (triggers_before, "export_record_no_update"));
  g_assert_nonnull (strstr (triggers_before, "export_record_no_delete"));
  g_assert_nonnull (strstr (triggers_before, "export_record_programme"));
  g_assert_cmpstr (triggers_after, ==, triggers_before);

  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store), "UPDATE export_record SET user = 'someone' WHERE id = 1",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store), "DELETE FROM export_record WHERE id = 2",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM export_record"), ==, 3);
  return g_steal_pointer (&store);
}

/* The schema of a migrated database is the one a new database gets. */
static void
assert_schema_as_fresh (RpStore    *store,
                        const char *dir)
{
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) fresh = NULL;

  problems = rp_store_list_trigger_problems (rp_store_get_db (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  fresh = rp_store_open (fresh_path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  migrated_schema = dump_schema (store);
  fresh_schema = dump_schema (fresh);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);
}

/* Version 13 names calendars and the contact log in the export history: the
 * history of a version 12 file is all there; an id given out before (on a row
 * an erasure took) is not given out again; the new kinds are taken and a kind
 * nobody knows is not. */
static void
test_migrate_export_kinds (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *since = NULL;
  g_autofree char *today = rp_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  RpExportDetails calendar = { 1, "family-calendar", "ics" };
  RpExportDetails staff = { 1, "staff-calendar", "ics" };
  RpExportDetails log = { 1, "contact-log", "csv" };

  store = migrate_export_history (path, 12,
                                  "INSERT INTO programme (name) VALUES ('Riverside');"
                                  "INSERT INTO export_record (programme_id, user, kind, format, file_name)"
                                  "  VALUES (1, 'pm', 'report', 'pdf', 'scrutiny.pdf');"
                                  "INSERT INTO export_record (programme_id, user, kind, format)"
                                  "  VALUES (1, 'pm', 'family-schedule', 'csv');"
                                  "INSERT INTO export_record (programme_id, user, kind, format, reason)"
                                  "  VALUES (1, 'jw', 'attendees-all-fields', 'csv', 'Contact log: audit');"
                                  /* as an erasure leaves it: ids up to 9 given out */
                                  "UPDATE sqlite_sequence SET seq = 9 WHERE name = 'export_record';");

  /* The new kinds, with ids after every one given out before. */
  calendar.path = "/home/pm/Ella Thompson.ics";
  g_assert_true (rp_store_record_export (store, &calendar, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_record_export (store, &staff, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_record_export (store, &log, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT min (id) FROM export_record WHERE kind = 'family-calendar'"), ==, 10);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM export_record WHERE format = 'ics'"), ==, 2);
  /* A family's calendar is named after the person: no file name kept. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM export_record WHERE id = 10 AND file_name IS NULL"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE table_name = 'export_record' AND record_id = 12"), >, 0);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO export_record (programme_id, user, kind, format) VALUES (1, 'pm', 'everything', 'ics')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO export_record (programme_id, user, kind, format) VALUES (1, 'pm', 'report', 'vcs')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);

  /* The contact log starts for this programme on the day of the update. */
  since = query_text (store, "SELECT contact_log_since FROM programme WHERE id = 1");
  g_assert_cmpstr (since, ==, today);

  assert_schema_as_fresh (store, dir);
  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

/* Version 14 names the reviews CSV in the export history: the history of a
 * version 13 file is all there, a reviews export is taken after the ids
 * given out before, and the history says what it was. */
static void
test_migrate_export_reviews (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *described = NULL;
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(RpExportRecord) newest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  RpExportDetails reviews = { 1, "reviews", "csv" };

  /* Version 13 has no kind for reviews. */
  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, 13, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO programme (name) VALUES ('Riverside');"
                                 "INSERT INTO export_record (programme_id, user, kind, format) VALUES (1, 'pm', 'reviews', 'csv')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);
  g_clear_object (&store);
  rp_test_remove_tree (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  store = migrate_export_history (path, 13,
                                  "INSERT INTO programme (name) VALUES ('Riverside');"
                                  "INSERT INTO export_record (programme_id, user, kind, format, file_name)"
                                  "  VALUES (1, 'pm', 'report', 'pdf', 'scrutiny.pdf');"
                                  "INSERT INTO export_record (programme_id, user, kind, format, file_name)"
                                  "  VALUES (1, 'jw', 'contact-log', 'csv', 'log.csv');"
                                  "INSERT INTO export_record (programme_id, user, kind, format)"
                                  "  VALUES (1, 'pm', 'staff-calendar', 'ics');"
                                  "UPDATE sqlite_sequence SET seq = 9 WHERE name = 'export_record';");

  g_assert_true (rp_store_record_export (store, &reviews, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT id FROM export_record WHERE kind = 'reviews'"), ==, 10);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE table_name = 'export_record' AND record_id = 10"), >, 0);

  exports = rp_store_list_exports (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 4);
  newest = g_list_model_get_item (exports, 0);
  described = rp_export_record_describe (newest);
  g_assert_nonnull (strstr (described, "CSV · reviews"));

  assert_schema_as_fresh (store, dir);
  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

/* Version 15 keeps each record's names' folded words: a version 14 file's
 * records get them from the core's fold as it is updated, without a line
 * in the audit trail; a name saved afterwards brings its words with it. */
static void
test_migrate_name_words (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *attendee_words = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *booking_words = NULL;
  g_autofree char *worker_words = NULL;
  g_autofree char *provider_words = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpWorker) worker = NULL;
  const char *names[] = { "Siân O’Brien-Ní Bhriain", "Zo\u200Be", "Łukasz van der Berg" };
  int audit_rows;

  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, 14, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO programme (name) VALUES ('Riverside');"
                                 "INSERT INTO worker (name, initials) VALUES ('Wendy Workername', 'WW');"
                                 "INSERT INTO provider (name, contact_name) VALUES ('Oak Day Services', 'Cora A. Contact');"
                                 "INSERT INTO attendee (programme_id, number, full_name, preferred_name, contact_name)"
                                 "  VALUES (1, 1, 'Siân O’Brien-Ní Bhriain', 'Zo\u200Be', 'Łukasz van der Berg');"
                                 "INSERT INTO taster_day (programme_id, provider_id) VALUES (1, 1);"
                                 "INSERT INTO booking (taster_day_id, attendee_id, family_attending) VALUES (1, 1, 'Mum and Dad');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  audit_rows = query_int (store, "SELECT count(*) FROM audit");
  g_clear_object (&store);

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);
  expected = rp_name_index_stored_words (names, G_N_ELEMENTS (names));
  attendee_words = query_text (store, "SELECT name_words FROM attendee");
  g_assert_cmpstr (attendee_words, ==, expected);
  g_assert_cmpstr (attendee_words, ==, "berg bhriain der lukasz ni obrien sian van zoe");
  booking_words = query_text (store, "SELECT name_words FROM booking");
  g_assert_cmpstr (booking_words, ==, "and dad mum");
  provider_words = query_text (store, "SELECT name_words FROM provider");
  g_assert_cmpstr (provider_words, ==, "contact cora");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit"), ==, audit_rows);

  /* Saved through the store, a name brings its words; the audit trail has the name only. */
  worker = rp_store_get_worker (store, 1, &error);
  g_assert_no_error (error);
  rp_worker_set_name (worker, "Wendy Ap-Rhys");
  g_assert_true (rp_store_save_worker (store, worker, &error));
  g_assert_no_error (error);
  worker_words = query_text (store, "SELECT name_words FROM worker");
  g_assert_cmpstr (worker_words, ==, "ap rhys wendy");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE field = 'name_words'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit WHERE field = 'name'"
                                     " AND new_value = 'Wendy Ap-Rhys'"), ==, 1);

  assert_schema_as_fresh (store, dir);
  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

/* A programme from before the contact log (version 12) flags nobody on the
 * day it is updated: days without contact count from the update, and only
 * once more days than the programme allows have passed is anyone flagged. */
static void
test_migrate_contact_clock (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *today = rp_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpAttendee) georgia = NULL;
  GDate date;
  char *days[3];

  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store),
                                 "INSERT INTO programme (name, contact_due_days) VALUES ('Riverside', 14);"
                                 "INSERT INTO worker (name, initials) VALUES ('Sam Patel', 'SP');"
                                 "INSERT INTO attendee (programme_id, number, full_name, worker_id) VALUES (1, 7, 'Georgia Bennett', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  georgia = rp_store_find_attendee (store, 1, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_attendee_get_contact_log_since (georgia), ==, today);

  g_assert_true (rp_date_from_iso (today, &date));
  days[0] = rp_date_to_iso (&date);
  g_date_add_days (&date, 14);
  days[1] = rp_date_to_iso (&date);
  g_date_add_days (&date, 1);
  days[2] = rp_date_to_iso (&date);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(RpRulesContext) rules = rp_rules_context_new_full (days[i], NULL, 365, 14);
      gboolean flagged = (rp_attention_for_attendee (georgia, rules) & RP_ATTENTION_FAMILY_NOT_CONTACTED) != 0;

      g_assert_cmpint (flagged, ==, i == 2);
      g_free (days[i]);
    }

  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/migrations/every-version", test_migrate_every_version);
  g_test_add_func ("/core/migrations/failure-changes-nothing", test_failed_migration_changes_nothing);
  g_test_add_func ("/core/migrations/ids-never-reused", test_migrate_ids_never_reused);
  g_test_add_func ("/core/migrations/family-contact", test_migrate_family_contact);
  g_test_add_func ("/core/migrations/taster-day-links", test_migrate_taster_day_links);
  g_test_add_func ("/core/migrations/after-the-move", test_migrate_after_the_move);
  g_test_add_func ("/core/migrations/export-kinds", test_migrate_export_kinds);
  g_test_add_func ("/core/migrations/contact-clock", test_migrate_contact_clock);
  g_test_add_func ("/core/migrations/export-reviews", test_migrate_export_reviews);
  g_test_add_func ("/core/migrations/name-words", test_migrate_name_words);

  return g_test_run ();
}
