/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team-copy.c: a programme database copied from a file onto a team database (PostgreSQL) and back, whole */

#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-erasure.h"
#include "rp-export-record.h"
#include "rp-sample.h"
#include "rp-store-private.h"
#include "rp-team-copy.h"
#include "rp-team-private.h"
#include "rp-test-team.h"
#include "rp-test-util.h"

typedef struct
{
  RpTestTeam  team;
  char       *dir;       /* the files */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  rp_test_team_set_up (&f->team, "rp_copy", "rpc");
  if (f->team.available)
    f->dir = rp_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!f->team.available)
    return;

  rp_test_team_tear_down (&f->team, RP_TEST_TEAM_DROP_DEFAULT);
  rp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* What the whole team database holds, to see that a refused copy changed nothing. */
static char *
team_fingerprint (Fixture *f)
{
  return rp_test_team_query_value (f->team.admin,
                                   "SELECT string_agg (t, ';' ORDER BY t) FROM ("
                                   "  SELECT 'programme ' || count(*) || md5 (coalesce (string_agg (p::text, ',' ORDER BY id), '')) AS t FROM reprovision.programme p"
                                   "  UNION ALL SELECT 'attendee ' || count(*) FROM reprovision.attendee"
                                   "  UNION ALL SELECT 'audit ' || count(*) || md5 (coalesce (string_agg (a::text, ',' ORDER BY id), '')) FROM reprovision.audit a"
                                   "  UNION ALL SELECT 'sequence ' || coalesce (last_value, 0) FROM pg_sequences WHERE sequencename = 'attendee_id_seq') q");
}

/* The sample programme after the move (reviews, outcomes, contacts), with an
 * export, a confirmed word and an erased person, so that every table holds
 * something and an id counter is past the largest id. */
static char *
make_programme_file (Fixture *f)
{
  char *path = g_build_filename (f->dir, "programme.db", NULL);
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tag = NULL;
  RpExportDetails details = { 0 };
  sqlite3_stmt *stmt = NULL;
  gint64 erased = 0;

  store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (store, "2026-11-16");
  programme = rp_sample_create (store, &error);
  g_assert_no_error (error);
  g_assert_true (rp_sample_add_moves (store, programme, &error));
  g_assert_no_error (error);

  details.programme_id = rp_programme_get_id (programme);
  details.kind = "report";
  details.format = "pdf";
  details.as_of = "2026-11-15";
  details.path = "/tmp/report.pdf";
  details.reason = "Scrutiny committee,\ttab and\nnew line \\ backslash";
  g_assert_true (rp_store_record_export (store, &details, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_confirm_not_a_name (store, rp_programme_get_id (programme), "report_note",
                                              "Went to Rose Court.", "Rose", &error));
  g_assert_no_error (error);
  tag = rp_store_dup_file_tag (store, "test", &error);
  g_assert_no_error (error);

  /* The newest attendee goes: its id stays given out. */
  g_assert_cmpint (sqlite3_prepare_v2 (rp_store_get_db (store), "SELECT max (id) FROM attendee", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  erased = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_true (rp_erasure_erase_attendee (store, erased, RP_ERASURE_KEEP_BACKUPS, NULL, &error));
  g_assert_no_error (error);

  return path;
}

static sqlite3 *
open_file (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
file_int (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of a query, each value with its type, as one line a row. */
static GPtrArray *
file_rows (sqlite3    *db,
           const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          int type = sqlite3_column_type (stmt, c);

          g_string_append_printf (row, "%s%s=%d:", c > 0 ? " | " : "", sqlite3_column_name (stmt, c), type);
          if (type == SQLITE_BLOB)
            {
              const guchar *bytes = sqlite3_column_blob (stmt, c);

              for (int i = 0; i < sqlite3_column_bytes (stmt, c); i++)
                g_string_append_printf (row, "%02x", bytes[i]);
            }
          else if (type != SQLITE_NULL)
            g_string_append (row, (const char *) sqlite3_column_text (stmt, c));
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_ptr_array_add (rows, NULL);
  return rows;
}

static void
assert_same_rows (sqlite3    *a,
                  sqlite3    *b,
                  const char *sql)
{
  g_autoptr(GPtrArray) rows_a = file_rows (a, sql);
  g_autoptr(GPtrArray) rows_b = file_rows (b, sql);

  g_assert_cmpstrv ((char **) rows_b->pdata, (char **) rows_a->pdata);
}

/* The copy notes each direction adds. */
#define NOT_A_COPY_NOTE "NOT (action = 'restore' AND field IN ('copy-from-file', 'copy-from-team'))"

static void
assert_same_files (const char *original,
                   const char *copy)
{
  sqlite3 *a = open_file (original);
  sqlite3 *b = open_file (copy);
  g_autoptr(GPtrArray) tables = file_rows (a, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  guint compared = 0;

  /* The same schema, triggers and all, at the same version. */
  assert_same_rows (a, b, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
  assert_same_rows (a, b, "SELECT * FROM pragma_user_version, pragma_application_id, pragma_journal_mode");

  for (guint i = 0; g_ptr_array_index (tables, i) != NULL; i++)
    {
      const char *table = strchr (g_ptr_array_index (tables, i), ':') + 1;
      g_autofree char *sql = NULL;

      if (g_str_equal (table, "audit"))
        sql = g_strdup ("SELECT * FROM audit WHERE " NOT_A_COPY_NOTE " ORDER BY id");
      else if (g_str_equal (table, "sqlite_sequence"))
        sql = g_strdup ("SELECT * FROM sqlite_sequence WHERE name <> 'audit' ORDER BY name");
      else
        sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", table);

      assert_same_rows (a, b, sql);
      /* A table that is empty on both sides proves nothing. */
      g_free (sql);
      sql = g_strdup_printf ("SELECT count(*) > 0 FROM \"%s\"", table);
      if (file_int (a, sql))
        compared++;
    }
  g_assert_cmpuint (compared, >=, 18);

  /* One note each way, the audit trail's counter past both. */
  g_assert_cmpint (file_int (b, "SELECT count(*) FROM audit WHERE NOT " NOT_A_COPY_NOTE), ==, 2);
  g_assert_cmpint (file_int (b, "SELECT seq FROM sqlite_sequence WHERE name = 'audit'"), ==,
                   file_int (a, "SELECT seq FROM sqlite_sequence WHERE name = 'audit'") + 2);

  sqlite3_close (a);
  sqlite3_close (b);
}

static void
test_copy_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *jo = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *file_audit = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RpTeamCopySummary) there = { NULL };
  g_auto(RpTeamCopySummary) back = { NULL };
  g_autoptr(PGconn) staff = NULL;
  GStatBuf info;
  sqlite3 *db;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A programme copied to a team database and back is the same, table by table, with one note of each copy");

  original = make_programme_file (f);
  rp_test_team_init (&f->team);
  g_assert_true (rp_team_copy_file_to_team (original, f->team.conninfo, &there, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (there.programmes), ==, 1);
  g_assert_cmpstr (there.programmes[0], ==, "Riverside (sample)");
  g_assert_cmpuint (there.attendees, ==, 21);
  g_assert_nonnull (strstr (there.target, f->team.database));

  /* On the server: the file's audit trail as it was, and one note. */
  db = open_file (original);
  file_audit = g_strdup_printf ("%" G_GINT64_FORMAT, file_int (db, "SELECT count(*) FROM audit"));
  g_assert_cmpuint (there.audit_entries, ==, (guint64) file_int (db, "SELECT count(*) FROM audit"));
  sqlite3_close (db);
  rp_test_team_assert_value (f->team.admin, "SELECT count(*) FROM reprovision.audit WHERE action <> 'restore' OR field <> 'copy-from-file'", file_audit);
  rp_test_team_assert_value (f->team.admin,
                             "SELECT \"user\" || ' ' || table_name || ' ' || record_id || ' ' || new_value FROM reprovision.audit"
                             " WHERE action = 'restore' AND field = 'copy-from-file'",
                             "postgres database 0 programme.db");
  /* The step history and the current steps agree, as the file had them. */
  rp_test_team_assert_value (f->team.admin,
                             "SELECT count(*) FROM reprovision.attendee a WHERE a.step <> (SELECT to_step FROM reprovision.step_change s"
                             " WHERE s.attendee_id = a.id ORDER BY changed_on DESC, id DESC LIMIT 1)", "0");

  /* Back into a new file: the same as the original. */
  copy = g_build_filename (f->dir, "copy.db", NULL);
  g_assert_true (rp_team_copy_team_to_file (f->team.conninfo, copy, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (back.target, ==, copy);
  g_assert_cmpuint (back.attendees, ==, 21);
  g_assert_cmpuint (back.audit_entries, ==, there.audit_entries + 1);
  assert_same_files (original, copy);
  g_assert_cmpint (g_lstat (copy, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  db = open_file (copy);
  expected = g_strdup_printf ("%s database 0 %s", g_get_user_name (), f->team.database);
  {
    g_autoptr(GPtrArray) note = file_rows (db, "SELECT user || ' ' || table_name || ' ' || record_id || ' ' || new_value"
                                               " FROM audit WHERE action = 'restore' AND field = 'copy-from-team'");
    g_autofree char *line = g_strdup_printf ("user || ' ' || table_name || ' ' || record_id || ' ' || new_value=3:%s", expected);

    g_assert_cmpuint (note->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (note, 0), ==, line);
  }
  sqlite3_close (db);

  /* The copy opens, passes the check and is protected as any file. */
  {
    g_autoptr(RpStore) store = rp_store_open (copy, RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(GPtrArray) findings = NULL;

    g_assert_no_error (error);
    g_clear_object (&store);
    findings = rp_check_database (copy, &error);
    g_assert_no_error (error);
    g_assert_true (rp_check_passed (findings));
  }

  /* A staff login, which may read everything but not every counter, copies the same. */
  jo = rp_test_team_make_login (&f->team, "jo", "staff");
  {
    g_autofree char *as_jo = g_strdup_printf ("dbname=%s user=%s", f->team.database, jo);
    g_autofree char *staff_copy = g_build_filename (f->dir, "staff-copy.db", NULL);

    g_assert_true (rp_team_copy_team_to_file (as_jo, staff_copy, NULL, &error));
    g_assert_no_error (error);
    assert_same_files (original, staff_copy);
  }

  /* The team works on from there: new ids past every id the file gave out
   * (the erased person's too), every change audited under the login. */
  db = open_file (original);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, file_int (db, "SELECT seq + 1 FROM sqlite_sequence WHERE name = 'attendee'"));
  sqlite3_close (db);
  staff = rp_test_team_connect (f->team.database, jo);
  rp_test_team_exec_ok (staff, "SET search_path = reprovision");
  rp_test_team_exec_ok (staff, "INSERT INTO attendee (programme_id, number, full_name) VALUES (1, 99, 'New Person')");
  rp_test_team_assert_value (f->team.admin, "SELECT id FROM reprovision.attendee WHERE number = 99", expected);
  g_free (expected);
  expected = g_strdup_printf ("%s insert", jo);
  rp_test_team_assert_value (f->team.admin,
                             "SELECT \"user\" || ' ' || action FROM reprovision.audit WHERE table_name = 'attendee'"
                             " AND field = 'full_name' AND new_value = 'New Person'", expected);
}


static void
test_copy_refuses_non_empty (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A copy onto a team database that already holds a programme is refused, and changes nothing");

  original = make_programme_file (f);
  rp_test_team_init (&f->team);
  g_assert_true (rp_team_copy_file_to_team (original, f->team.conninfo, NULL, &error));
  g_assert_no_error (error);

  before = team_fingerprint (f);
  g_assert_false (rp_team_copy_file_to_team (original, f->team.conninfo, NULL, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NOT_EMPTY);
  g_assert_cmpstr (error->message, ==, "The team database already holds a programme; nothing was copied.");
  after = team_fingerprint (f);
  g_assert_cmpstr (before, ==, after);
  /* The triggers are on again: the refused copy left them as they were. */
  rp_test_team_assert_value (f->team.admin, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'", "0");
}

static void
test_copy_refuses_file_version (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  sqlite3 *db = NULL;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A file of another version than the team schema follows is refused in plain words");

  rp_test_team_init (&f->team);
  before = team_fingerprint (f);

  older = g_build_filename (f->dir, "older.db", NULL);
  store = rp_store_open_at_version (older, RP_STORE_OPEN_CREATE, RP_TEAM_FILE_SCHEMA_VERSION - 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (rp_team_copy_file_to_team (older, f->team.conninfo, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Open this file in Reprovision first to update it"));
  g_clear_error (&error);

  newer = g_build_filename (f->dir, "newer.db", NULL);
  store = rp_store_open (newer, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (rp_team_copy_file_to_team (newer, f->team.conninfo, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "made by a newer Reprovision"));

  after = team_fingerprint (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_copy_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A copy the server refuses part-way leaves the team database as it was");

  original = make_programme_file (f);
  /* A moment the server cannot read, at the end of the audit trail. */
  g_assert_cmpint (sqlite3_open (original, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO audit (recorded_at, user, table_name, record_id, action)"
                                     " VALUES ('not a moment', 'someone', 'attendee', 1, 'insert')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  rp_test_team_init (&f->team);
  before = team_fingerprint (f);
  g_assert_false (rp_team_copy_file_to_team (original, f->team.conninfo, NULL, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“audit”"));
  after = team_fingerprint (f);
  g_assert_cmpstr (before, ==, after);
  rp_test_team_assert_value (f->team.admin, "SELECT (SELECT count(*) FROM reprovision.attendee) + (SELECT count(*) FROM reprovision.worker)", "0");
}

static void
test_copy_needs_set_up_and_owner (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *jo = NULL;
  g_autofree char *as_jo = NULL;
  g_autoptr(GError) error = NULL;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A copy needs a team database that is set up, and the account that set it up");

  original = make_programme_file (f);
  g_assert_false (rp_team_copy_file_to_team (original, f->team.conninfo, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "team init"));
  g_clear_error (&error);

  rp_test_team_init (&f->team);
  jo = rp_test_team_make_login (&f->team, "jo", "staff");
  as_jo = g_strdup_printf ("dbname=%s user=%s", f->team.database, jo);
  g_assert_false (rp_team_copy_file_to_team (original, as_jo, NULL, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "the account that set it up"));
  rp_test_team_assert_value (f->team.admin, "SELECT count(*) FROM reprovision.audit", "0");
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_copy_refuses_existing_file (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *target = NULL;
  g_autofree char *link = NULL;
  g_autofree char *dangling = NULL;
  g_autofree char *nowhere = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A copy from a team database goes only into a new file: an existing file or a link is refused and left as it was");

  original = make_programme_file (f);
  rp_test_team_init (&f->team);
  g_assert_true (rp_team_copy_file_to_team (original, f->team.conninfo, NULL, &error));
  g_assert_no_error (error);

  existing = g_build_filename (f->dir, "existing.db", NULL);
  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  g_assert_false (rp_team_copy_team_to_file (f->team.conninfo, existing, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already exists"));
  g_clear_error (&error);
  assert_file_contents (existing, "keep me");

  /* Nor the original database itself. */
  g_assert_false (rp_team_copy_team_to_file (f->team.conninfo, original, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);

  target = g_build_filename (f->dir, "target.txt", NULL);
  link = g_build_filename (f->dir, "link.db", NULL);
  g_assert_true (g_file_set_contents (target, "keep me too", -1, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_false (rp_team_copy_team_to_file (f->team.conninfo, link, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "link"));
  g_clear_error (&error);
  assert_file_contents (target, "keep me too");

  nowhere = g_build_filename (f->dir, "nowhere.db", NULL);
  dangling = g_build_filename (f->dir, "dangling.db", NULL);
  g_assert_cmpint (symlink (nowhere, dangling), ==, 0);
  g_assert_false (rp_team_copy_team_to_file (f->team.conninfo, dangling, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  /* A copy that cannot be made leaves no file behind either. */
  fresh = g_build_filename (f->dir, "fresh.db", NULL);
  rp_test_team_exec_ok (f->team.admin, "UPDATE reprovision.schema_version SET version = version + 100");
  g_assert_false (rp_team_copy_team_to_file (f->team.conninfo, fresh, NULL, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEWER_VERSION);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  /* Only what the test made is in the folder: no half-written copy. */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 5);
}

static void
test_copy_cli (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *audit = NULL;
  sqlite3 *db;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("reprovision-cli team copy copies both ways and says what it copied, without the connection's password");

  original = make_programme_file (f);
  rp_test_team_init (&f->team);
  db = open_file (original);
  audit = g_strdup_printf ("%" G_GINT64_FORMAT, file_int (db, "SELECT count(*) FROM audit"));
  sqlite3_close (db);

  out = rp_test_cli_output (0, NULL, "team", "copy", "--from", original, "--to", f->team.conninfo, NULL);
  expected = g_strdup_printf ("Copied programme “Riverside (sample)” (21 attendees, %s audit entries) to the team database “%s”.\n",
                              audit, f->team.database);
  g_assert_cmpstr (out, ==, expected);
  g_free (out);

  copy = g_build_filename (f->dir, "copy.db", NULL);
  out = rp_test_cli_output (0, NULL, "team", "copy", "--from", f->team.conninfo, "--to", copy, NULL);
  g_assert_true (g_str_has_prefix (out, "Copied programme “Riverside (sample)” (21 attendees, "));
  g_assert_true (g_str_has_suffix (out, copy) || strstr (out, copy) != NULL);
  g_free (out);

  /* Two files, or two databases, is not a copy this command makes. */
  out = rp_test_cli_output (2, NULL, "team", "copy", "--from", original, "--to", copy, NULL);
  g_free (out);
  out = rp_test_cli_output (0, NULL, "team", "--help", NULL);
  g_assert_nonnull (strstr (out, "team copy --from"));
}

int
main (int    argc,
      char **argv)
{
  g_unsetenv ("PGSSLMODE");
  g_unsetenv ("PGCONNECT_TIMEOUT");
  g_unsetenv ("PGDATABASE");

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/team/copy/round-trip", Fixture, NULL, fixture_set_up, test_copy_round_trip, fixture_tear_down);
  g_test_add ("/team/copy/refuses-non-empty", Fixture, NULL, fixture_set_up, test_copy_refuses_non_empty, fixture_tear_down);
  g_test_add ("/team/copy/refuses-file-version", Fixture, NULL, fixture_set_up, test_copy_refuses_file_version, fixture_tear_down);
  g_test_add ("/team/copy/all-or-nothing", Fixture, NULL, fixture_set_up, test_copy_all_or_nothing, fixture_tear_down);
  g_test_add ("/team/copy/needs-set-up-and-owner", Fixture, NULL, fixture_set_up, test_copy_needs_set_up_and_owner, fixture_tear_down);
  g_test_add ("/team/copy/refuses-existing-file", Fixture, NULL, fixture_set_up, test_copy_refuses_existing_file, fixture_tear_down);
  g_test_add ("/team/copy/cli", Fixture, NULL, fixture_set_up, test_copy_cli, fixture_tear_down);

  return g_test_run ();
}
