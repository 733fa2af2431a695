/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: opening, creating and refusing database files */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
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
  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static int
pragma_int (RpStore    *store,
            const char *sql)
{
  return rp_test_query_int (store, sql);
}

static void
test_store_create_private (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "new.db", NULL);
  struct stat info;

  if (rp_test_skip_on_team ("about the new file: its folders, its 0600 mode and SQLite's settings"))
    return;

  store = rp_test_open_store (nested, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (g_stat (nested, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  /* Durability and integrity settings hold on every connection. */
  g_assert_cmpint (pragma_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (pragma_int (store, "PRAGMA busy_timeout"), >=, 1000);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (rp_store_get_db (store), "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
}

static void
test_store_default_path (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = rp_store_get_default_path ();
  g_autofree char *expected = g_build_filename (fixture->dir, "reprovision", "reprovision.db", NULL);
  g_autofree char *sample = rp_store_get_sample_path ();

  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_str_has_prefix (sample, fixture->dir));
  g_assert_false (rp_database_file_needs_local_copy (path));
  g_assert_true (rp_database_file_needs_local_copy ("/run/user/1000/doc/1a2b3c/programme.db"));
}

static void
test_store_missing_not_created (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (fixture->path, RP_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
assert_refused_unchanged (const char *path,
                          int         expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, RP_ERROR, expected_code);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_store_refuses_text_file (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (4096, 'x');

  if (rp_test_skip_on_team ("about a file that is not a database; a server that is not set up is refused in test-team-store"))
    return;

  g_assert_true (g_file_set_contents (fixture->path, text, -1, NULL));
  assert_refused_unchanged (fixture->path, RP_ERROR_NOT_DATABASE);
}

static void
test_store_refuses_other_sqlite (Fixture       *fixture,
                                 gconstpointer  data)
{
  sqlite3 *db = NULL;

  if (rp_test_skip_on_team ("about another program's SQLite file; a server that is not set up is refused in test-team-store"))
    return;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (fixture->path, RP_ERROR_NOT_DATABASE);
}

static void
test_store_refuses_newer (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", RP_STORE_SCHEMA_VERSION + 1);

  if (rp_test_skip_on_team ("about the file's schema version (PRAGMA user_version); a newer team schema is refused in test-team-store"))
    return;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store), bump, NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  store = rp_test_open_store (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RP_ERROR, RP_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Reprovision"));
}

static void
test_store_read_only (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(GListModel) programmes = NULL;

  g_assert_no_error (error);
  rp_programme_set_name (programme, "Riverside");
  g_assert_true (rp_store_add_programme (store, programme, &error));
  g_clear_object (&store);

  store = rp_test_open_store (fixture->path, RP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_is_read_only (store));

  rp_programme_set_name (programme, "Changed");
  g_assert_false (rp_store_save_programme (store, programme, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_READ_ONLY);

  programmes = rp_store_list_programmes (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
  {
    g_autoptr(RpProgramme) stored = g_list_model_get_item (programmes, 0);
    g_assert_cmpstr (rp_programme_get_name (stored), ==, "Riverside");
  }
}

static void
test_store_programmes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) first = rp_programme_new ();
  g_autoptr(RpProgramme) second = rp_programme_new ();
  g_autoptr(RpProgramme) bad = rp_programme_new ();
  g_autoptr(RpProgramme) loaded = NULL;
  g_autoptr(GListModel) programmes = NULL;

  rp_programme_set_name (first, "Riverside Day Centre");
  rp_programme_set_closure_date (first, "2024-03-31");
  rp_programme_set_report_title (first, "Day Centre Update");
  g_assert_true (rp_store_add_programme (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_programme_get_id (first), >, 0);

  /* One database may hold several programmes. */
  rp_programme_set_name (second, "Hillside Resource Centre");
  g_assert_true (rp_store_add_programme (store, second, &error));

  /* A programme needs a name; nothing is written without one. */
  g_assert_false (rp_store_add_programme (store, bad, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpint (rp_programme_get_id (bad), ==, 0);
  g_clear_error (&error);

  programmes = rp_store_list_programmes (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 2);

  rp_programme_set_closure_date (second, "2024-06-30");
  g_assert_true (rp_store_save_programme (store, second, &error));
  loaded = rp_store_get_programme (store, rp_programme_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_programme_get_closure_date (loaded), ==, "2024-06-30");
  g_assert_cmpstr (rp_programme_get_name (loaded), ==, "Hillside Resource Centre");
}

/* A new programme, and the sample, print OFFICIAL at the top and foot of
 * each report page from the start; a programme whose marking was cleared,
 * or one from a file of before, keeps none. */
static void
test_store_default_marking (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpProgramme) copy = NULL;
  g_autoptr(RpProgramme) loaded = NULL;
  g_autoptr(RpProgramme) sample = NULL;
  g_autoptr(RpReport) report = NULL;

  g_assert_cmpstr (RP_PROGRAMME_DEFAULT_MARKING, ==, "OFFICIAL");
  g_assert_cmpstr (rp_programme_get_marking (programme), ==, "OFFICIAL");

  rp_programme_set_name (programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (store, programme, &error));
  g_assert_no_error (error);
  loaded = rp_store_get_programme (store, rp_programme_get_id (programme), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_programme_get_marking (loaded), ==, "OFFICIAL");
  report = rp_report_build (store, rp_programme_get_id (programme), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_report_get_marking (report), ==, "OFFICIAL");
  g_clear_object (&report);

  /* Cleared on purpose: it stays clear, read back and copied. */
  rp_programme_set_marking (loaded, "");
  g_assert_true (rp_store_save_programme (store, loaded, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = rp_store_get_programme (store, rp_programme_get_id (programme), &error);
  g_assert_null (rp_programme_get_marking (loaded));
  copy = rp_programme_copy (loaded);
  g_assert_null (rp_programme_get_marking (copy));
  report = rp_report_build (store, rp_programme_get_id (programme), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (rp_report_get_marking (report));

  /* Another marking is kept as it is. */
  rp_programme_set_marking (copy, "OFFICIAL-SENSITIVE");
  g_assert_true (rp_store_save_programme (store, copy, &error));
  g_clear_object (&loaded);
  loaded = rp_store_get_programme (store, rp_programme_get_id (programme), &error);
  g_assert_cmpstr (rp_programme_get_marking (loaded), ==, "OFFICIAL-SENSITIVE");

  rp_store_set_today (store, "2023-09-22");
  sample = rp_sample_create (store, &error);
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = rp_store_get_programme (store, rp_programme_get_id (sample), &error);
  g_assert_cmpstr (rp_programme_get_marking (loaded), ==, "OFFICIAL");
}

static void
test_store_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) programme = NULL;
  RpProgrammeCounts counts;

  rp_store_set_today (store, "2023-09-22");
  programme = rp_sample_create (store, &error);
  g_assert_no_error (error);

  g_assert_true (rp_store_get_counts (store, rp_programme_get_id (programme), &counts, &error));
  g_assert_cmpuint (counts.attendees, ==, 19);
  g_assert_cmpuint (counts.attending, ==, 19);
  g_assert_cmpuint (counts.moved, ==, 0);
  g_assert_cmpuint (counts.at_step[1], ==, 2);
  g_assert_cmpuint (counts.at_step[2], ==, 8);
  g_assert_cmpuint (counts.at_step[3], ==, 2);
  g_assert_cmpuint (counts.at_step[4], ==, 6);
  g_assert_cmpuint (counts.at_step[5], ==, 1);
  g_assert_cmpuint (counts.at_step[6], ==, 0);
  g_assert_cmpuint (counts.health, ==, 5);
  g_assert_cmpuint (counts.no_worker, ==, 0);
  g_assert_cmpuint (counts.providers, ==, 4);
  g_assert_cmpuint (counts.taster_days, ==, 7);
  /* On 22 Sep 2023 five taster days are still to come (FTM Dance's to be
   * confirmed) and two open days have been held. */
  g_assert_cmpuint (counts.taster_days_upcoming, ==, 5);
  g_assert_cmpuint (counts.actions, ==, 5);
  g_assert_cmpuint (counts.actions_completed, ==, 3);
  g_assert_cmpuint (counts.actions_overdue, ==, 0);

  rp_store_set_today (store, "2023-10-20");
  g_assert_true (rp_store_get_counts (store, rp_programme_get_id (programme), &counts, &error));
  g_assert_cmpuint (counts.taster_days_upcoming, ==, 1);
  g_assert_cmpuint (counts.actions_overdue, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/store/create-private", test_store_create_private);
  ADD ("/core/store/default-path", test_store_default_path);
  ADD ("/core/store/missing-not-created", test_store_missing_not_created);
  ADD ("/core/store/refuses-text-file", test_store_refuses_text_file);
  ADD ("/core/store/refuses-other-sqlite", test_store_refuses_other_sqlite);
  ADD ("/core/store/refuses-newer", test_store_refuses_newer);
  ADD ("/core/store/read-only", test_store_read_only);
  ADD ("/core/store/programmes", test_store_programmes);
  ADD ("/core/store/default-marking", test_store_default_marking);
  ADD ("/core/store/counts", test_store_counts);
#undef ADD

  return g_test_run ();
}
