/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-check.c: the database check finds damage and broken records, and says so plainly */

#include "config.h"

#include <sqlite3.h>

#include "rp-core.h"
#include "rp-audit-entry-private.h"
#include "rp-store-private.h"
#include "rp-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "centre.db", NULL);

  store = rp_store_open (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  programme = rp_sample_create (store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
sql_constant (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  sqlite3_result_int (context, 0);
}

/* Breaks the database the way a faulty tool or a bug could, behind the store's back. */
static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_create_function (db, "rp_audit_user", 0, SQLITE_UTF8, NULL, sql_constant, NULL, NULL);
  sqlite3_create_function (db, "rp_erasing", 0, SQLITE_UTF8, NULL, sql_constant, NULL, NULL);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

/* All the problems found, as one text to search. */
static char *
problems_text (GPtrArray *findings)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      RpCheckFinding *finding = g_ptr_array_index (findings, i);

      for (guint j = 0; j < finding->problems->len; j++)
        g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (finding->problems, j));
    }

  return g_string_free (text, FALSE);
}

static void
test_healthy (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = rp_check_database (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 5);
  g_assert_true (rp_check_passed (findings));
  g_assert_true (rp_check_quick (fixture->path, &error));
  g_assert_no_error (error);
}

static void
test_broken_records (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  tamper (fixture->path,
          "PRAGMA foreign_keys = OFF;"
          "INSERT INTO booking (taster_day_id, attendee_id) VALUES (999, 3);"
          "DROP TRIGGER attendee_step_follows_history;"
          "UPDATE attendee SET step = 6 WHERE number = 4;"
          "DROP TRIGGER attendee_step_since_follows_history;"
          "UPDATE attendee SET step_since = '2020-01-06' WHERE number = 5;");
  g_assert_true (g_file_get_contents (fixture->path, &before, NULL, NULL));

  findings = rp_check_database (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (rp_check_passed (findings));

  text = problems_text (findings);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Bookings: 1 refers to a taster day that does not exist."));
  g_assert_nonnull (strstr (text, "attendee 4: at step 6, but the step history ends at step 1."));
  g_assert_nonnull (strstr (text, "attendee 5: at step "));
  g_assert_nonnull (strstr (text, " since 6 Jan 2020, but the step history says since "));
  g_assert_nonnull (strstr (text, "attendee 3: booked on a taster day that does not exist."));

  /* Checking never changes the file. */
  g_assert_true (g_file_get_contents (fixture->path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* Scribbles over the attendee table's first page: SQLite still opens the file. */
static void
damage_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int root_page;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_master WHERE name = 'attendee'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root_page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, (gsize) root_page * 4096);
  memset (contents + (root_page - 1) * 4096, 0x5A, 12);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_damaged_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  damage_file (fixture->path);

  findings = rp_check_database (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (rp_check_passed (findings));

  /* The check the app runs in the background after opening finds it too. */
  g_assert_false (rp_check_quick (fixture->path, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_CORRUPT);
}

static void
test_not_ours (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (rp_check_database (other, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "Attendee 4 moved on Monday.\n", -1, NULL));
  g_assert_null (rp_check_database (text, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE);
  g_clear_error (&error);

  g_assert_null (rp_check_database (missing, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
}

/* A file whose safeguards were removed or changed behind the app's back is
 * reported, refused for writing (reading still works), and repaired only on
 * purpose, with the repair on record. */
static void
test_unprotected (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) repaired = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(RpAuditEntry) latest = NULL;
  g_autofree char *text = NULL;
  guint n_repaired = 0;

  tamper (fixture->path,
          "DROP TRIGGER audit_no_delete;"
          "DROP TRIGGER audit_attendee_update;"
          "DROP TRIGGER step_change_after_insert;"
          "CREATE TRIGGER quietly AFTER INSERT ON audit BEGIN SELECT 1; END;");

  findings = rp_check_database (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (rp_check_passed (findings));
  text = problems_text (findings);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "“audit_no_delete” is missing: nothing stops entries being deleted from the audit trail."));
  g_assert_nonnull (strstr (text, "“audit_attendee_update” is missing: changes to Attendees are not recorded in the audit trail."));
  g_assert_nonnull (strstr (text, "“step_change_after_insert” is missing: nothing keeps attendees’ current step in line"));
  g_assert_nonnull (strstr (text, "a trigger Reprovision did not make, “quietly”"));

  store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, RP_ERROR, RP_ERROR_UNPROTECTED);
  g_assert_null (store);
  g_clear_error (&error);

  store = rp_store_open (fixture->path, RP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (rp_store_repair_protection (fixture->path, &n_repaired, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_repaired, ==, 4);

  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = rp_check_database (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (rp_check_passed (findings));

  store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  audit = rp_store_list_audit (store, "database", 0, &error);
  g_assert_no_error (error);
  latest = g_list_model_get_item (audit, 0);
  g_assert_cmpstr (rp_audit_entry_get_action (latest), ==, "repair");
  g_assert_cmpstr (rp_audit_entry_get_user (latest), ==, g_get_user_name ());
  g_assert_nonnull (strstr (rp_audit_entry_get_new_value (latest), "audit_no_delete"));
}

static void
on_done (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static guint
count_daily_backups (const char *path)
{
  g_autoptr(GListModel) backups = rp_backup_list (path, NULL);
  guint count = 0;

  for (guint i = 0; backups != NULL && i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(RpBackup) backup = g_list_model_get_item (backups, i);

      count += rp_backup_get_reason (backup) == RP_BACKUP_DAILY;
    }

  return count;
}

/* The app's daily check and backup, as the window runs it after opening. */
static gboolean
check_and_back_up (const char  *path,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rp_backup_check_and_back_up_async (path, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rp_backup_check_and_back_up_finish (result, error);
}

static void
test_check_and_back_up (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (check_and_back_up (fixture->path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_daily_backups (fixture->path), ==, 1);
}

/* A damaged file must never push a good copy out of the backups. */
static void
test_check_and_back_up_damaged (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  damage_file (fixture->path);

  g_assert_false (check_and_back_up (fixture->path, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_CORRUPT);
  g_assert_cmpuint (count_daily_backups (fixture->path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/core/check/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("healthy", test_healthy);
  ADD ("broken-records", test_broken_records);
  ADD ("damaged-file", test_damaged_file);
  ADD ("not-ours", test_not_ours);
  ADD ("unprotected", test_unprotected);
  ADD ("check-and-back-up", test_check_and_back_up);
  ADD ("check-and-back-up-damaged", test_check_and_back_up_damaged);
#undef ADD

  return g_test_run ();
}
