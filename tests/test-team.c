/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team.c: setting up a team database on PostgreSQL: idempotent set-up, the roles' rights, the server-side audit trail */

#include "config.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-team-copy.h"
#include "rp-team-private.h"
#include "store/rp-store-internal.h"
#include "rp-test-team.h"
#include "rp-test-util.h"

typedef RpTestTeam Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  rp_test_team_set_up (f, "rp_test", "rpt");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rp_test_team_tear_down (f, RP_TEST_TEAM_DROP_DEFAULT);
}

/* The whole audit trail, as one value that any change to it changes. */
#define AUDIT_STATE "SELECT count(*) || ' ' || md5 (string_agg (a::text, ',' ORDER BY id)) FROM reprovision.audit a"

static PGconn *
connect_login (Fixture    *f,
               const char *login,
               const char *schema)
{
  PGconn *conn = rp_test_team_connect (f->database, login);
  g_autofree char *path = g_strdup_printf ("SET search_path = %s", schema);

  rp_test_team_exec_ok (conn, path);
  return conn;
}

/* Connection strings ---------------------------------------------------- */

static void
assert_conninfo (const char *conninfo,
                 gboolean    verify_full,
                 const char *also)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *completed = rp_team_complete_conninfo (conninfo, &error);

  g_assert_no_error (error);
  g_assert_nonnull (completed);
  if (verify_full)
    g_assert_nonnull (strstr (completed, "sslmode='verify-full'"));
  else
    g_assert_null (strstr (completed, "verify-full"));
  if (also != NULL)
    g_assert_nonnull (strstr (completed, also));
  g_assert_nonnull (strstr (completed, "connect_timeout="));
}

static void
test_conninfo_tls (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  g_test_summary ("A server on another computer is reached with its certificate checked, unless the user chose otherwise");

  /* A remote host, as a URI or a connection string, and in a list. */
  assert_conninfo ("postgresql://jo@db.council.example/programme", TRUE, "host='db.council.example'");
  assert_conninfo ("host=db.council.example dbname=programme", TRUE, "dbname='programme'");
  assert_conninfo ("host=localhost,db.council.example dbname=programme", TRUE, NULL);
  assert_conninfo ("hostaddr=192.0.2.10 dbname=programme", TRUE, NULL);
  /* The user's choice stands. */
  assert_conninfo ("host=db.council.example sslmode=require", FALSE, "sslmode='require'");
  /* This computer: a socket, localhost, loopback. */
  assert_conninfo ("host=/run/postgresql dbname=programme", FALSE, NULL);
  assert_conninfo ("postgresql://localhost/programme", FALSE, NULL);
  assert_conninfo ("host=127.0.0.1 dbname=programme", FALSE, NULL);
  /* Quotes in a value survive the rewrite. */
  assert_conninfo ("host=/tmp dbname='it\\'s'", FALSE, "dbname='it\\'s'");

  bad = rp_team_complete_conninfo ("postgresql://[nothing", &error);
  g_assert_null (bad);
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID);
}

/* Set-up ------------------------------------------------------------------ */

static void
test_init_twice (Fixture       *f,
                 gconstpointer  data)
{
  static const char counts[] =
    "SELECT (SELECT count(*) FROM reprovision.schema_version) || ' '"
    " || (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    "     WHERE n.nspname IN ('reprovision', 'reprovision_report')) || ' '"
    " || (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal) || ' '"
    " || (SELECT count(*) FROM reprovision.audit) || ' '"
    " || (SELECT md5 (string_agg (c.relname || coalesce (c.relacl::text, ''), ',' ORDER BY n.nspname, c.relname))"
    "     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    "     WHERE n.nspname IN ('reprovision', 'reprovision_report')) || ' '"
    " || (SELECT string_agg (version || '/' || file_version, ',') FROM reprovision.schema_version)";
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *prefix = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Setting up a team database twice changes nothing the second time");

  rp_test_team_init (f);
  first = rp_test_team_query_value (f->admin, counts);
  rp_test_team_init (f);
  second = rp_test_team_query_value (f->admin, counts);
  g_assert_cmpstr (first, ==, second);

  rp_test_team_assert_value (f->admin, "SELECT max (version)::text FROM reprovision.schema_version",
                             G_STRINGIFY (RP_TEAM_SCHEMA_VERSION));
  g_assert_true (g_str_has_suffix (second, G_STRINGIFY (RP_TEAM_SCHEMA_VERSION) "/" G_STRINGIFY (RP_TEAM_FILE_SCHEMA_VERSION)));
  prefix = rp_test_team_query_value (f->admin, "SELECT value FROM reprovision.team_setting WHERE name = 'role_prefix'");
  g_assert_cmpstr (prefix, ==, f->prefix);
}

/* A team database of version 3, as that version left it: without the
 * erasure's table, its audit values written in the server's own forms by
 * the one-argument rp_audit_text (). */
static void
make_version_3 (Fixture *f)
{
  g_autofree char *as_owner = g_strdup_printf ("SET ROLE %sowner", f->prefix);

  rp_test_team_exec_ok (f->admin, as_owner);
  rp_test_team_exec_ok (f->admin,
                        "SET search_path = reprovision;"
                        "DELETE FROM schema_version WHERE version >= 4;"
                        "DROP TABLE erasure_under_way CASCADE;"
                        "CREATE FUNCTION rp_audit_text (value jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$"
                        "  SELECT CASE jsonb_typeof (value) WHEN 'null' THEN NULL"
                        "         WHEN 'boolean' THEN CASE WHEN value = 'true'::jsonb THEN '1' ELSE '0' END"
                        "         ELSE value #>> '{}' END $$;"
                        "INSERT INTO audit (\"user\", table_name, record_id, action, field, old_value, new_value) VALUES"
                        "  ('jo', 'booking', 1, 'update', 'pickup_time', '09:30:00', '10:00:00'),"
                        "  ('jo', 'taster_day', 1, 'update', 'start_time', NULL, '09:30:15'),"
                        "  ('jo', 'step_change', 1, 'insert', 'recorded_at', NULL, '2026-12-05T21:11:01.123456+00:00'),"
                        "  ('jo', 'export_record', 1, 'insert', 'recorded_at', NULL, '2026-12-05T16:11:01.5-05:00'),"
                        "  ('jo', 'booking', 1, 'update', 'family_attending', '09:30:00', '2026-12-05T21:11:01+00:00'),"
                        "  ('jo', 'database', 0, 'restore', 'backup', NULL, '09:30:00');"
                        "RESET search_path; RESET ROLE");
}

static void
test_init_upgrade_from_3 (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Set-up brings a version 3 team database to this version: its audit values in the file's forms, erasure's functions; once");

  rp_test_team_init (f);
  make_version_3 (f);
  rp_test_team_assert_value (f->admin, "SELECT max (version)::text FROM reprovision.schema_version", "3");

  rp_test_team_init (f);
  rp_test_team_assert_value (f->admin, "SELECT max (version)::text FROM reprovision.schema_version", G_STRINGIFY (RP_TEAM_SCHEMA_VERSION));
  rp_test_team_assert_value (f->admin, "SELECT to_regprocedure ('reprovision.rp_audit_text (jsonb)') IS NULL", "t");
  rp_test_team_assert_value (f->admin, "SELECT to_regclass ('reprovision.erasure_under_way') IS NOT NULL", "t");
  /* Times of day without seconds as 'HH:MM', moments in UTC to the
   * millisecond; a time with seconds, text and notes as they were. */
  rp_test_team_assert_value (f->admin,
                             "SELECT string_agg (coalesce (old_value, '-') || ' ' || new_value, ', ' ORDER BY id) FROM reprovision.audit",
                             "09:30 10:00, - 09:30:15, - 2026-12-05T21:11:01.123Z, - 2026-12-05T21:11:01.500Z, "
                             "09:30:00 2026-12-05T21:11:01+00:00, - 09:30:00");

  /* And once only: set up again, nothing changes. */
  first = rp_test_team_query_value (f->admin, AUDIT_STATE);
  rp_test_team_init (f);
  second = rp_test_team_query_value (f->admin, AUDIT_STATE);
  g_assert_cmpstr (first, ==, second);
  rp_test_team_assert_value (f->admin, "SELECT count(*)::text FROM reprovision.schema_version", G_STRINGIFY (RP_TEAM_SCHEMA_VERSION));
}

static void
test_init_upgrade_from_4 (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *as_owner = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Set-up brings a version 4 team database to this version: the reports role's name check and export history, then its Reports area and confirmations; once");

  rp_test_team_init (f);
  as_owner = g_strdup_printf ("SET ROLE %sowner", f->prefix);
  rp_test_team_exec_ok (f->admin, as_owner);
  rp_test_team_exec_ok (f->admin,
                        "DELETE FROM reprovision.schema_version WHERE version >= 5;"
                        "DROP FUNCTION reprovision_report.rp_report_name_words (text[]);"
                        "DROP FUNCTION reprovision_report.rp_report_name_confirmations (bigint, text[], text[]);"
                        "DROP FUNCTION reprovision_report.rp_record_export (bigint, text, text, text, date, date, integer, text, text);"
                        /* and as version 5 had them: */
                        "DROP FUNCTION reprovision_report.rp_confirm_not_a_name (bigint, text, text, text, text);"
                        "DROP VIEW reprovision_report.taster_day;"
                        "CREATE VIEW reprovision_report.taster_day AS"
                        "  SELECT id, programme_id, provider_id, day, cancelled FROM reprovision.taster_day;"
                        "DROP VIEW reprovision_report.export_record;"
                        "CREATE VIEW reprovision_report.export_record AS"
                        "  SELECT id, programme_id, recorded_at, kind, format, as_of FROM reprovision.export_record;"
                        "RESET ROLE");
  rp_test_team_assert_value (f->admin, "SELECT max (version)::text FROM reprovision.schema_version", "4");

  rp_test_team_init (f);
  rp_test_team_assert_value (f->admin, "SELECT max (version)::text FROM reprovision.schema_version", G_STRINGIFY (RP_TEAM_SCHEMA_VERSION));
  rp_test_team_assert_value (f->admin, "SELECT to_regprocedure ('reprovision_report.rp_report_name_words (text[])') IS NOT NULL"
                                       " AND to_regprocedure ('reprovision_report.rp_record_export (bigint, text, text, text, date,"
                                       " date, integer, text, text)') IS NOT NULL", "t");
  /* Version 6: the Reports area's taster days and export history, and the confirmations. */
  rp_test_team_assert_value (f->admin, "SELECT string_agg (attname, ',' ORDER BY attnum) FROM pg_attribute"
                                       " WHERE attrelid = 'reprovision_report.taster_day'::regclass AND attnum > 0",
                             "id,programme_id,provider_id,day,cancelled,start_time,end_time,places");
  rp_test_team_assert_value (f->admin, "SELECT string_agg (attname, ',' ORDER BY attnum) FROM pg_attribute"
                                       " WHERE attrelid = 'reprovision_report.export_record'::regclass AND attnum > 0",
                             "id,programme_id,recorded_at,kind,format,as_of,tables,compare_with,suppress_below,mine");
  rp_test_team_assert_value (f->admin, "SELECT to_regprocedure ('reprovision_report.rp_confirm_not_a_name (bigint, text, text,"
                                       " text, text)') IS NOT NULL", "t");

  first = rp_test_team_query_value (f->admin, AUDIT_STATE);
  rp_test_team_init (f);
  second = rp_test_team_query_value (f->admin, AUDIT_STATE);
  g_assert_cmpstr (first, ==, second);
  rp_test_team_assert_value (f->admin, "SELECT count(*)::text FROM reprovision.schema_version", G_STRINGIFY (RP_TEAM_SCHEMA_VERSION));
}

static void fill_programme (PGconn *staff);

static void
test_init_upgrade_from_5 (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *as_owner = NULL;
  g_autofree char *jo = NULL;
  g_autofree char *sam = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(PGconn) staff = NULL;
  const char *attendee[] = { "Zed Secretname", "Zeddy", "Fay Familyname Jr" };

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Set-up brings a version 5 team database to this version: the step history names the login the "
                  "audit trail names, and every record gets its names' words, folded by the core; once");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  sam = rp_test_team_make_login (f, "sam", "staff");
  staff = connect_login (f, jo, "reprovision");
  fill_programme (staff);

  /* Version 5: the server had its own fold, no words were kept, and the
   * step history kept what the application sent. */
  as_owner = g_strdup_printf ("SET ROLE %sowner", f->prefix);
  rp_test_team_exec_ok (f->admin, as_owner);
  sql = g_strdup_printf ("SET search_path = reprovision;"
                         "DELETE FROM schema_version WHERE version >= 6;"
                         "DROP TRIGGER step_change_recorded_by ON step_change;"
                         "UPDATE step_change SET recorded_by = 'Jo in the app';"
                         "ALTER TABLE attendee DROP COLUMN name_words;"
                         "ALTER TABLE booking DROP COLUMN name_words;"
                         "ALTER TABLE worker DROP COLUMN name_words;"
                         "ALTER TABLE provider DROP COLUMN name_words;"
                         "RESET search_path; RESET ROLE");
  rp_test_team_exec_ok (f->admin, sql);
  rp_test_team_exec_ok (staff, "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                               "  VALUES (1, 2, 3, '2026-11-25', 'Jo in the app')");
  rp_test_team_assert_value (f->admin, "SELECT string_agg (DISTINCT recorded_by, ',') FROM reprovision.step_change", "Jo in the app");
  rp_test_team_assert_value (f->admin, "SELECT max (version)::text FROM reprovision.schema_version", "5");

  rp_test_team_init (f);
  rp_test_team_assert_value (f->admin, "SELECT max (version)::text FROM reprovision.schema_version", G_STRINGIFY (RP_TEAM_SCHEMA_VERSION));
  /* Each step change names whoever the audit trail says inserted it. */
  rp_test_team_assert_value (f->admin, "SELECT string_agg (DISTINCT recorded_by, ',') FROM reprovision.step_change", jo);
  expected = rp_name_index_stored_words (attendee, G_N_ELEMENTS (attendee));
  rp_test_team_assert_value (f->admin, "SELECT name_words FROM reprovision.attendee WHERE id = 1", expected);
  rp_test_team_assert_value (f->admin, "SELECT name_words FROM reprovision.worker WHERE id = 1", "wendy workername");
  rp_test_team_assert_value (f->admin, "SELECT name_words FROM reprovision.provider WHERE id = 1", "contactname cora");
  rp_test_team_assert_value (f->admin, "SELECT string_agg (name_words, ',') FROM reprovision.booking", "familyname fay");
  rp_test_team_assert_value (f->admin, "SELECT to_regprocedure ('reprovision.rp_name_fold (text)') IS NULL", "t");
  /* The words filled in are no change to the audit trail. */
  rp_test_team_assert_value (f->admin, "SELECT count(*)::text FROM reprovision.audit WHERE field = 'name_words'", "0");

  first = rp_test_team_query_value (f->admin, AUDIT_STATE);
  rp_test_team_init (f);
  second = rp_test_team_query_value (f->admin, AUDIT_STATE);
  g_assert_cmpstr (first, ==, second);
  rp_test_team_assert_value (f->admin, "SELECT count(*)::text FROM reprovision.schema_version", G_STRINGIFY (RP_TEAM_SCHEMA_VERSION));
}

/* A version 9 database loses rp_audit_text () and the to_jsonb () audit
 * functions when set up again. */
static void
test_init_upgrade_from_9 (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *as_owner = NULL;
  g_autofree char *jo = NULL;
  g_autoptr(PGconn) staff = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Set-up brings a version 9 team database to this version: audit functions that write each "
                  "column's text from its type, without rp_audit_text ()");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  staff = connect_login (f, jo, "reprovision");

  /* Version 9: each value went through to_jsonb () and rp_audit_text (). */
  as_owner = g_strdup_printf ("SET ROLE %sowner", f->prefix);
  rp_test_team_exec_ok (f->admin, as_owner);
  rp_test_team_exec_ok (f->admin,
                        "SET search_path = reprovision;"
                        "DELETE FROM schema_version WHERE version >= 10;"
                        "CREATE FUNCTION rp_audit_text (value jsonb, value_type oid) RETURNS text"
                        "  LANGUAGE sql STABLE AS $$ SELECT value #>> '{}' $$;"
                        "CREATE OR REPLACE FUNCTION rp_audit_programme () RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        "  INSERT INTO audit (\"user\", table_name, record_id, action, field, new_value)"
                        "  VALUES (session_user, TG_TABLE_NAME, NEW.id, 'insert', 'name',"
                        "          rp_audit_text (to_jsonb (NEW.name), 'text'::regtype));"
                        "  RETURN NULL; END $$;"
                        "RESET search_path; RESET ROLE");
  rp_test_team_assert_value (f->admin, "SELECT max (version)::text FROM reprovision.schema_version", "9");

  rp_test_team_init (f);
  rp_test_team_assert_value (f->admin, "SELECT max (version)::text FROM reprovision.schema_version", G_STRINGIFY (RP_TEAM_SCHEMA_VERSION));
  rp_test_team_assert_value (f->admin, "SELECT to_regprocedure ('reprovision.rp_audit_text (jsonb, oid)') IS NULL", "t");
  rp_test_team_assert_value (f->admin, "SELECT count(*)::text FROM pg_proc WHERE pronamespace = 'reprovision'::regnamespace"
                                       " AND (prosrc LIKE '%rp_audit_text%' OR prosrc LIKE '%to_jsonb%')", "0");
  rp_test_team_exec_ok (staff, "INSERT INTO programme (id, name, follow_up_weeks) VALUES (1, 'Oak Centre closure', 6)");
  rp_test_team_assert_value (f->admin, "SELECT string_agg (field || '=' || new_value, ',' ORDER BY id) FROM reprovision.audit"
                                       " WHERE table_name = 'programme'",
                             "name=Oak Centre closure,follow_up_weeks=6,contact_due_days=14");
}

/* Every table and column of the file's schema is there under the same
 * name, and nothing else, so that a copy maps one to one. */
static void
test_init_same_columns_as_file (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) file_columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) team_columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PGresult) result = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("The team schema has the file schema's tables and columns, by the same names");

  dir = rp_test_make_tmpdir ();
  path = g_build_filename (dir, "programme.db", NULL);
  store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (rp_store_get_db (store),
                                       "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info (m.name) p"
                                       " WHERE m.type = 'table' AND m.name <> 'sqlite_sequence' ORDER BY 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (file_columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  rp_test_team_init (f);
  result = PQexec (f->admin,
                   "SELECT table_name || '.' || column_name FROM information_schema.columns"
                   " WHERE table_schema = 'reprovision' AND table_name NOT IN ('schema_version', 'team_setting', 'erasure_under_way')"
                   " ORDER BY (table_name || '.' || column_name) COLLATE \"C\"");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (team_columns, g_strdup (PQgetvalue (result, i, 0)));

  g_ptr_array_add (file_columns, NULL);
  g_ptr_array_add (team_columns, NULL);
  g_assert_cmpstrv ((char **) team_columns->pdata, (char **) file_columns->pdata);

  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

/* Every kind and format of export the file's history takes, the team's
 * takes too: a file migration that widens a CHECK needs a team one. */
static void
test_init_export_kinds_as_file (Fixture       *f,
                                gconstpointer  data)
{
  const char * const *kinds = rp_export_record_get_kinds ();
  const char * const *formats = rp_export_record_get_formats ();
  g_autofree char *jo = NULL;
  g_autoptr(PGconn) staff = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  staff = connect_login (f, jo, "reprovision");
  for (guint k = 0; kinds[k] != NULL; k++)
    for (guint i = 0; formats[i] != NULL; i++)
      {
        g_autofree char *sql = g_strdup_printf ("INSERT INTO export_record (\"user\", kind, format) VALUES ('jo', '%s', '%s')",
                                                kinds[k], formats[i]);

        rp_test_team_exec_ok (staff, sql);
      }
}

static void
test_init_newer_version (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A team database set up by a newer Reprovision is left alone, and the user is told why");

  rp_test_team_init (f);
  rp_test_team_exec_ok (f->admin, "INSERT INTO reprovision.schema_version (version, file_version) VALUES (99, 99)");
  g_assert_false (rp_team_init_with_prefix (f->conninfo, f->prefix, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Reprovision"));
}

static void
test_init_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *conninfo = g_strdup_printf ("host=%s port=5 dbname=nothing", dir);

  g_test_summary ("A server that does not answer is reported as unreachable, in plain words");

  g_assert_false (rp_team_init (conninfo, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "could not be reached"));
  rp_test_remove_tree (dir);
}

static void
test_init_authentication (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nobody = NULL;
  g_autoptr(PGconn) probe = NULL;
  g_autofree char *wrong = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A login the server refuses is reported as such, naming the account");

  /* An account the server does not know. */
  nobody = g_strdup_printf ("dbname=%s user=%snobody", f->database, f->prefix);
  g_assert_false (rp_team_init (nobody, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_AUTHENTICATION);
  g_assert_nonnull (strstr (error->message, "did not accept the account"));
  g_clear_error (&error);

  /* A wrong password: the test cluster asks this role for one. */
  rp_test_team_exec_ok (f->admin, "DROP ROLE IF EXISTS reprovision_test_password");
  rp_test_team_exec_ok (f->admin, "CREATE ROLE reprovision_test_password LOGIN PASSWORD 'right'");
  wrong = g_strdup_printf ("dbname=%s user=reprovision_test_password password=wrong", f->database);
  probe = PQconnectdb (wrong);
  if (PQstatus (probe) == CONNECTION_OK)
    {
      g_clear_pointer (&probe, PQfinish);
      rp_test_team_exec_ok (f->admin, "DROP ROLE reprovision_test_password");
      g_test_skip ("this server does not ask reprovision_test_password for a password");
      return;
    }
  g_assert_false (rp_team_init (wrong, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_AUTHENTICATION);
  rp_test_team_exec_ok (f->admin, "DROP ROLE reprovision_test_password");
}

static void
test_init_permission (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("CREATE ROLE %splain LOGIN", f != NULL && f->prefix ? f->prefix : "");
  g_autofree char *conninfo = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("An account that may not create roles is told so, and nothing is made");

  rp_test_team_exec_ok (f->admin, sql);
  conninfo = g_strdup_printf ("dbname=%s user=%splain", f->database, f->prefix);
  g_assert_false (rp_team_init_with_prefix (conninfo, f->prefix, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "is not allowed"));
  rp_test_team_assert_value (f->admin, "SELECT to_regclass ('reprovision.attendee')::text", NULL);
}

/* What an IT department does: the database's owner, who may create roles
 * but is no superuser, sets it up; then a staff login can work in it. */
static void
test_init_database_owner (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dba = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *jo = NULL;
  g_autofree char *owner = NULL;
  g_autoptr(PGconn) staff = NULL;
  g_autoptr(GError) error = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  owner = g_strconcat (f->prefix, "owner", NULL);
  g_test_summary ("The database's owner with CREATEROLE, not a superuser, can set up a team database twice");

  dba = g_strconcat (f->prefix, "dba", NULL);
  sql = g_strdup_printf ("CREATE ROLE %1$s LOGIN CREATEROLE; ALTER DATABASE %2$s OWNER TO %1$s", dba, f->database);
  rp_test_team_exec_ok (f->admin, sql);
  conninfo = g_strdup_printf ("dbname=%s user=%s", f->database, dba);
  for (int i = 0; i < 2; i++)
    {
      g_assert_true (rp_team_init_with_prefix (conninfo, f->prefix, &error));
      g_assert_no_error (error);
    }

  jo = rp_test_team_make_login (f, "jo", "staff");
  staff = connect_login (f, jo, "reprovision");
  rp_test_team_exec_ok (staff, "INSERT INTO programme (name) VALUES ('Oak Centre closure')");
  rp_test_team_assert_value (f->admin, "SELECT \"user\" FROM reprovision.audit WHERE field = 'name'", jo);
  rp_test_team_assert_value (f->admin, "SELECT pg_get_userbyid (relowner) FROM pg_class WHERE oid = 'reprovision.attendee'::regclass",
                             owner);
}

/* Roles ------------------------------------------------------------------- */

/* Personal data that a reports login must never receive. */
static const char * const secrets[] = {
  "Zed Secretname", "Zeddy", "1961-02-03", "Fay Familyname", "07700 900123",
  "Wendy Workername", "Cora Contactname", "Rita Recorder", "case note text", "spoke privately",
};

/* A programme written by a staff login, with personal data in every table
 * that can hold some. */
static void
fill_programme (PGconn *staff)
{
  rp_test_team_exec_ok (staff,
                        "INSERT INTO programme (id, name, report_title, follow_up_weeks) VALUES (1, 'Oak Centre closure', 'Progress', 6);"
                        "INSERT INTO worker (id, name, initials, phone) VALUES (1, 'Wendy Workername', 'WW', '07700 900123');"
                        "INSERT INTO provider (id, name, contact_name, contact_phone) VALUES (1, 'Riverside Day Services', 'Cora Contactname', '07700 900123');"
                        "INSERT INTO attendee (id, programme_id, number, full_name, preferred_name, date_of_birth, contact_name,"
                        "                      contact_phone, worker_id, case_notes, report_note, target_date, funding,"
                        "                      communication_notes)"
                        "  VALUES (1, 1, 7, 'Zed Secretname', 'Zeddy', '1961-02-03', 'Fay Familyname', '07700 900123', 1,"
                        "          'case note text', 'Allocated worker made contact.', '2027-03-31', 'health', 'spoke privately');"
                        "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by, reason)"
                        "  VALUES (1, 1, 2, '2026-11-02', 'Rita Recorder', 'spoke privately with Fay Familyname');"
                        "INSERT INTO taster_day (id, programme_id, provider_id, day, start_time, notes, venue, places)"
                        "  VALUES (1, 1, 1, '2026-12-10', '10:00', 'Zeddy likes music', 'Fay Familyname''s garden', 8);"
                        "INSERT INTO booking (taster_day_id, attendee_id, staff_id, family_attending, feedback)"
                        "  VALUES (1, 1, 1, 'Fay Familyname', 'Zeddy enjoyed it');"
                        "INSERT INTO timetable_action (id, programme_id, activity, owner, due_date) VALUES (1, 1, 'Open days', 'Commissioning', '2026-12-20');"
                        "INSERT INTO timetable_action_taster_day (action_id, taster_day_id) VALUES (1, 1);"
                        "INSERT INTO planned_outcome (id, attendee_id, description) VALUES (1, 1, 'Zeddy keeps seeing friends');"
                        "INSERT INTO review (id, attendee_id, held_on, reviewer_id, took_part, placement_continues, actions, notes)"
                        "  VALUES (1, 1, '2026-11-20', 1, 'family', true, 'Fay Familyname to call', 'spoke privately');"
                        "INSERT INTO review_outcome (review_id, outcome_id, rating, note) VALUES (1, 1, 'met', 'Zeddy is happy');"
                        "INSERT INTO contact_log (attendee_id, contacted_on, worker_id, with_name, method, summary)"
                        "  VALUES (1, '2026-11-01', 1, 'Fay Familyname', 'phone', 'spoke privately');"
                        "INSERT INTO name_confirmation (programme_id, place, text_digest, word, confirmed_by)"
                        "  VALUES (1, 'report_note', 'abc', 'Zeddy', 'Rita Recorder');"
                        "INSERT INTO export_record (programme_id, \"user\", kind, format, as_of, file_name, reason)"
                        "  VALUES (1, 'Rita Recorder', 'report', 'pdf', '2026-11-30', 'Zed Secretname.pdf', 'spoke privately');"
                        "UPDATE attendee SET full_name = 'Zed Secretname', contact_name = 'Fay Familyname Jr' WHERE id = 1;"
                        "SELECT rp_audit_note ('attendee', 1, 'export', 'Zed Secretname', 'Fay Familyname');");

  /* The names' words, as the store writes them with every name (team schema 8). */
  {
    const char *attendee[] = { "Zed Secretname", "Zeddy", "Fay Familyname Jr" };
    const char *family[] = { "Fay Familyname" };
    const char *worker[] = { "Wendy Workername" };
    const char *provider[] = { "Cora Contactname" };
    g_autofree char *a = rp_name_index_stored_words (attendee, G_N_ELEMENTS (attendee));
    g_autofree char *b = rp_name_index_stored_words (family, G_N_ELEMENTS (family));
    g_autofree char *w = rp_name_index_stored_words (worker, G_N_ELEMENTS (worker));
    g_autofree char *p = rp_name_index_stored_words (provider, G_N_ELEMENTS (provider));
    g_autofree char *sql = g_strdup_printf ("UPDATE attendee SET name_words = '%s' WHERE id = 1;"
                                            "UPDATE booking SET name_words = '%s' WHERE attendee_id = 1;"
                                            "UPDATE worker SET name_words = '%s' WHERE id = 1;"
                                            "UPDATE provider SET name_words = '%s' WHERE id = 1;", a, b, w, p);

    rp_test_team_exec_ok (staff, sql);
  }
}

static void
test_reports_no_names (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *jo = NULL;
  g_autofree char *manager = NULL;
  g_autoptr(PGconn) staff = NULL;
  g_autoptr(PGconn) reports = NULL;
  g_autoptr(PGresult) relations = NULL;
  guint readable = 0, refused = 0;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A reports login cannot read a name, a date of birth or a contact from any table or view");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  manager = rp_test_team_make_login (f, "manager", "reports");
  staff = connect_login (f, jo, "reprovision");
  fill_programme (staff);
  reports = connect_login (f, manager, "reprovision_report");

  /* Every table, view and sequence outside the system's own. */
  relations = PQexec (f->admin,
                      "SELECT quote_ident (n.nspname) || '.' || quote_ident (c.relname), n.nspname, c.relkind"
                      "  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                      " WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f')"
                      "   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
                      " ORDER BY 1");
  g_assert_cmpint (PQresultStatus (relations), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (relations), >, 20);

  for (int i = 0; i < PQntuples (relations); i++)
    {
      const char *relation = PQgetvalue (relations, i, 0);
      const char *schema = PQgetvalue (relations, i, 1);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", relation);
      g_autoptr(PGresult) rows = PQexec (reports, sql);

      if (PQresultStatus (rows) != PGRES_TUPLES_OK)
        {
          /* Refused outright: no rights on the programme's tables. */
          g_assert_cmpstr (PQresultErrorField (rows, PG_DIAG_SQLSTATE), ==, "42501");
          g_assert_cmpstr (schema, !=, "reprovision_report");
          refused++;
          continue;
        }

      g_assert_cmpstr (schema, ==, "reprovision_report");
      readable++;
      for (int row = 0; row < PQntuples (rows); row++)
        for (int column = 0; column < PQnfields (rows); column++)
          {
            const char *value = PQgetvalue (rows, row, column);

            for (guint s = 0; s < G_N_ELEMENTS (secrets); s++)
              if (strstr (value, secrets[s]) != NULL)
                g_error ("%s.%s shows “%s” to a reports login", relation, PQfname (rows, column), value);
            g_assert_null (strstr (value, jo));
          }
    }

  g_assert_cmpuint (readable, >=, 11);
  g_assert_cmpuint (refused, >=, 20);

  /* Nor through the app's own functions, nor by writing. */
  rp_test_team_assert_state (reports, "SELECT reprovision.rp_audit_note ('attendee', 1, 'export', 'x', 'y')", "42501");
  rp_test_team_assert_state (reports, "UPDATE reprovision_report.attendee SET number = 8", "42501");
  /* The name check's function answers only for words given (team schema 5);
   * its helpers and the tables it reads are out of reach. */
  rp_test_team_assert_value (reports, "SELECT count(*)::text FROM reprovision_report.rp_report_name_words (ARRAY[]::text[])", "0");
  rp_test_team_assert_value (reports, "SELECT string_agg (w, ',' ORDER BY w) FROM reprovision_report.rp_report_name_words"
                                      " (ARRAY['zed', 'oak', 'zeddy', 'centre']) AS w", "zed,zeddy");
  rp_test_team_assert_state (reports, "SELECT name_words FROM reprovision.attendee", "42501");
  rp_test_team_assert_state (reports, "SELECT reprovision_report.rp_record_export (1, 'contact-log', 'csv', NULL, NULL, NULL, 0, NULL, NULL)",
                             "42501");
  rp_test_team_assert_state (reports, "INSERT INTO reprovision_report.export_record (kind, format) VALUES ('report', 'pdf')", "42501");
  /* A word confirmed not to be a name is kept under the login that
   * confirmed it, whatever login the call names (team schema 6). */
  rp_test_team_assert_value (reports, "SELECT count(*)::text FROM reprovision_report.rp_confirm_not_a_name"
                                      " (1, 'attendee/7/note', 'def', 'oak', 'Rita Recorder')", "0");
  rp_test_team_assert_value (f->admin, "SELECT confirmed_by = 'Rita Recorder' FROM reprovision.name_confirmation WHERE text_digest = 'def'",
                             "f");
  rp_test_team_assert_value (f->admin, "SELECT \"user\" FROM reprovision.audit WHERE table_name = 'name_confirmation'"
                                       " AND field = 'word' AND new_value = 'oak'", manager);
  rp_test_team_assert_state (reports, "INSERT INTO reprovision_report.name_confirmation (word) VALUES ('x')", "42P01");
}

static void
test_reports_columns (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *jo = NULL;
  g_autofree char *manager = NULL;
  g_autoptr(PGconn) staff = NULL;
  g_autoptr(PGconn) reports = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("The reports views give every column the scrutiny report reads, under the tables' names");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  manager = rp_test_team_make_login (f, "manager", "reports");
  staff = connect_login (f, jo, "reprovision");
  fill_programme (staff);
  reports = connect_login (f, manager, "reprovision_report");

  /* The queries of src/core/rp-report.c and the store functions it calls. */
  rp_test_team_assert_value (reports,
                                             "SELECT a.number || ' ' || a.funding || ' ' || a.report_note || ' ' || a.target_date"
                                             " || ' ' || a.outcome || ' ' || coalesce (a.outcome_date::text, '-') || ' ' || a.id"
                                             " || ' ' || a.archived || ' ' || a.interim || ' ' || a.step || ' ' || a.step_since"
                                             " FROM attendee a WHERE a.programme_id = 1",
                                "7 health Allocated worker made contact. 2027-03-31 attending - 1 false false 2 2026-11-02");
  rp_test_team_assert_value (reports,
                                             "SELECT s.to_step || ' ' || s.changed_on FROM step_change s WHERE s.attendee_id = 1"
                                             " ORDER BY s.changed_on DESC, s.id DESC LIMIT 1", "2 2026-11-02");
  rp_test_team_assert_value (reports,
                                             "SELECT name || ' ' || report_title || ' ' || follow_up_weeks || ' ' ||"
                                             " coalesce (closure_date::text, '-') || coalesce (department, '-') || coalesce (author, '-')"
                                             " || coalesce (meeting, '-') || coalesce (meeting_date::text, '-')"
                                             " || coalesce (report_as_of::text, '-') || coalesce (marking, '-') FROM programme",
                                "Oak Centre closure Progress 6 -------");
  rp_test_team_assert_value (reports,
                                             "SELECT id || ' ' || attendee_id || ' ' || kind || ' ' || held_on || ' ' || placement_continues"
                                             " FROM review WHERE held_on <= '2026-12-01'", "1 1 follow-up 2026-11-20 true");
  rp_test_team_assert_value (reports, "SELECT review_id || ' ' || rating FROM review_outcome", "1 met");
  rp_test_team_assert_value (reports,
                                             "SELECT max (coalesce (as_of, recorded_at::date))::text FROM export_record"
                                             " WHERE programme_id = 1 AND kind = 'report'", "2026-11-30");
  rp_test_team_assert_value (reports,
                                             "SELECT t.activity || ' ' || t.owner || ' ' || t.due_date || ' ' || t.status || ' '"
                                             " || t.position || ' ' || coalesce (t.due_note, '-') || ' ' || p.name || ' ' || d.day"
                                             " || ' ' || d.cancelled"
                                             " FROM timetable_action t JOIN timetable_action_taster_day l ON l.action_id = t.id"
                                             " JOIN taster_day d ON d.id = l.taster_day_id JOIN provider p ON p.id = d.provider_id"
                                             " WHERE t.programme_id = 1 AND d.programme_id = 1",
                                "Open days Commissioning 2026-12-20 not-started 0 - Riverside Day Services 2026-12-10 false");
  /* The report as it was on a day: the audit trail of those columns. */
  rp_test_team_assert_value (reports,
                                             "SELECT string_agg (field || '=' || new_value, ',' ORDER BY id) FROM audit"
                                             " WHERE table_name = 'attendee' AND record_id = 1 AND action = 'update'",
                                "step=2,step_since=2026-11-02");
  rp_test_team_assert_value (reports, "SELECT count(*) > 0 FROM audit WHERE id >= 1 AND recorded_at <= now ()", "t");
  rp_test_team_assert_value (reports, "SELECT max (version)::text FROM schema_version", G_STRINGIFY (RP_TEAM_SCHEMA_VERSION));
  /* What the Reports area shows besides the report (team schema 6): the
   * upcoming taster days, how full they are, and the export history,
   * which export was the login's own but not whose the others are. */
  rp_test_team_assert_value (reports,
                             "SELECT t.day || ' ' || t.start_time || ' ' || coalesce (t.end_time::text, '-') || ' ' || t.places"
                             " || ' ' || t.cancelled || ' ' || p.name || ' ' || (SELECT count(*) FROM booking b"
                             " WHERE b.taster_day_id = t.id AND b.status NOT IN ('declined', 'cancelled'))"
                             " FROM taster_day t JOIN provider p ON p.id = t.provider_id WHERE t.programme_id = 1",
                             "2026-12-10 10:00:00 - 8 false Riverside Day Services 1");
  rp_test_team_assert_value (reports,
                             "SELECT kind || ' ' || format || ' ' || as_of || ' ' || coalesce (tables, '-') || ' '"
                             " || coalesce (compare_with::text, '-') || ' ' || suppress_below || ' ' || mine FROM export_record",
                             "report pdf 2026-11-30 - - 0 false");
}

/* Audit --------------------------------------------------------------------- */

static void
test_audit_staff_cannot_change (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *jo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PGconn) staff = NULL;
  static const char * const attempts[] = {
    "UPDATE audit SET \"user\" = 'someone else'",
    "DELETE FROM audit",
    "TRUNCATE audit",
    "INSERT INTO audit (\"user\", table_name, record_id, action) VALUES ('someone else', 'attendee', 1, 'insert')",
    "ALTER TABLE attendee DISABLE TRIGGER ALL",
    "ALTER TABLE attendee DISABLE TRIGGER audit_attendee",
    "DROP TRIGGER audit_attendee ON attendee",
    "ALTER TABLE audit DISABLE TRIGGER audit_no_change",
    "SET session_replication_role = replica",
    "UPDATE export_record SET reason = 'none'",
    "DELETE FROM export_record",
    "CREATE OR REPLACE FUNCTION rp_audit_attendee () RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
    "ALTER FUNCTION rp_audit_attendee () RENAME TO rp_audit_gone",
    "DROP FUNCTION rp_audit_attendee () CASCADE",
    "SELECT rp_audit_note ('attendee', 1, 'update', 'full_name', 'forged')",
  };
  char *state;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A staff login cannot change, delete or stop the audit trail");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  staff = connect_login (f, jo, "reprovision");
  fill_programme (staff);
  before = rp_test_team_query_value (f->admin, "SELECT count(*) || ' ' || md5 (string_agg (a::text, ',' ORDER BY id)) FROM reprovision.audit a");

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      state = rp_test_team_exec_state (staff, attempts[i]);
      if (state == NULL)
        g_error ("a staff login could run: %s", attempts[i]);
      /* Refused for want of rights, or by the app's own guard (P0001). */
      if (!g_str_equal (state, "42501") && !g_str_equal (state, "P0001"))
        g_error ("%s failed with %s, not for want of rights", attempts[i], state);
      g_free (state);
    }

  after = rp_test_team_query_value (f->admin, "SELECT count(*) || ' ' || md5 (string_agg (a::text, ',' ORDER BY id)) FROM reprovision.audit a");
  g_assert_cmpstr (before, ==, after);

  /* Changes are still recorded afterwards. */
  rp_test_team_exec_ok (staff, "UPDATE attendee SET report_note = 'Review booked' WHERE id = 1");
  rp_test_team_assert_value (f->admin, "SELECT new_value FROM reprovision.audit ORDER BY id DESC LIMIT 1",
                                "Review booked");

  /* Even the owner cannot edit the trail without dropping its guard first. */
  {
    g_autofree char *as_owner = g_strdup_printf ("SET ROLE %sowner", f->prefix);

    rp_test_team_exec_ok (f->admin, as_owner);
    state = rp_test_team_exec_state (f->admin, "UPDATE reprovision.audit SET \"user\" = 'someone else'");
    g_assert_nonnull (state);
    g_free (state);
    rp_test_team_exec_ok (f->admin, "RESET ROLE");
  }
}

static void
test_audit_names_login (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *jo = NULL;
  g_autofree char *sam = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *set_role = NULL;
  g_autoptr(PGconn) staff_jo = NULL;
  g_autoptr(PGconn) staff_sam = NULL;
  g_autoptr(PGresult) rows = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Every insert and update by a staff login is audited under that login's name, whatever role it takes");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  sam = rp_test_team_make_login (f, "sam", "staff");
  staff_jo = connect_login (f, jo, "reprovision");
  staff_sam = connect_login (f, sam, "reprovision");

  rp_test_team_exec_ok (staff_jo, "INSERT INTO programme (name, follow_up_weeks) VALUES ('Oak Centre closure', 8)");
  /* SET ROLE changes current_user, not the login. */
  set_role = g_strdup_printf ("SET ROLE %sstaff", f->prefix);
  rp_test_team_exec_ok (staff_sam, set_role);
  rp_test_team_exec_ok (staff_sam, "UPDATE programme SET name = 'Oak Centre', follow_up_weeks = follow_up_weeks WHERE name = 'Oak Centre closure'");

  rows = PQexec (f->admin,
                 "SELECT \"user\", table_name, action, field, coalesce (old_value, '-'), coalesce (new_value, '-')"
                 "  FROM reprovision.audit ORDER BY id");
  g_assert_cmpint (PQresultStatus (rows), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (rows), ==, 4);
  /* The insert, one row per column with a value, in column order. */
  for (int i = 0; i < 3; i++)
    {
      g_assert_cmpstr (PQgetvalue (rows, i, 0), ==, jo);
      g_assert_cmpstr (PQgetvalue (rows, i, 1), ==, "programme");
      g_assert_cmpstr (PQgetvalue (rows, i, 2), ==, "insert");
    }
  g_assert_cmpstr (PQgetvalue (rows, 0, 3), ==, "name");
  g_assert_cmpstr (PQgetvalue (rows, 0, 5), ==, "Oak Centre closure");
  g_assert_cmpstr (PQgetvalue (rows, 1, 3), ==, "follow_up_weeks");
  g_assert_cmpstr (PQgetvalue (rows, 1, 5), ==, "8");
  g_assert_cmpstr (PQgetvalue (rows, 2, 3), ==, "contact_due_days");
  /* The update: only what changed, from what to what, by sam. */
  g_assert_cmpstr (PQgetvalue (rows, 3, 0), ==, sam);
  g_assert_cmpstr (PQgetvalue (rows, 3, 2), ==, "update");
  g_assert_cmpstr (PQgetvalue (rows, 3, 3), ==, "name");
  g_assert_cmpstr (PQgetvalue (rows, 3, 4), ==, "Oak Centre closure");
  g_assert_cmpstr (PQgetvalue (rows, 3, 5), ==, "Oak Centre");
  g_clear_pointer (&rows, PQclear);

  /* A delete is audited too, and the step follows the step history. */
  rp_test_team_exec_ok (staff_jo, "INSERT INTO attendee (programme_id, number, full_name) SELECT id, 1, 'A Person' FROM programme");
  rp_test_team_exec_ok (staff_jo, "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                                  " SELECT id, 1, 3, '2026-11-02', 'Jo' FROM attendee");
  rp_test_team_assert_value (staff_jo, "SELECT step || ' ' || step_since FROM attendee", "3 2026-11-02");
  rp_test_team_assert_refused (staff_jo, "UPDATE attendee SET step = 5");
  rp_test_team_exec_ok (staff_sam, "DELETE FROM attendee");
  expected = g_strdup_printf ("%s delete A Person", sam);
  rp_test_team_assert_value (f->admin,
                                             "SELECT \"user\" || ' ' || action || ' ' || old_value FROM reprovision.audit"
                                             " WHERE table_name = 'attendee' AND action = 'delete' AND field = 'full_name'",
                                expected);
}

/* Notifications ------------------------------------------------------------- */

/* The payloads of the notifications @conn has received within @timeout_ms
 * once @until has come (or everything by then if @until is %NULL). */
static GPtrArray *
receive_notifications (PGconn     *conn,
                       const char *until,
                       int         timeout_ms)
{
  GPtrArray *payloads = g_ptr_array_new_with_free_func (g_free);
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gboolean seen = FALSE;

  while (!seen)
    {
      struct pollfd fd = { .fd = PQsocket (conn), .events = POLLIN };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      PGnotify *notify;

      if (left <= 0)
        break;
      poll (&fd, 1, (int) left);
      g_assert_cmpint (PQconsumeInput (conn), ==, 1);
      while ((notify = PQnotifies (conn)) != NULL)
        {
          g_assert_cmpstr (notify->relname, ==, "reprovision_changes");
          g_ptr_array_add (payloads, g_strdup (notify->extra));
          seen = seen || g_strcmp0 (notify->extra, until) == 0;
          PQfreemem (notify);
        }
    }

  return payloads;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_audit_notifies (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *jo = NULL;
  g_autoptr(PGconn) staff = NULL;
  g_autoptr(PGconn) listener = NULL;
  g_autoptr(GPtrArray) payloads = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A committed change to an audited table tells every listening store which row changed; a rolled-back one says nothing");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  staff = connect_login (f, jo, "reprovision");
  listener = connect_login (f, jo, "reprovision");
  rp_test_team_exec_ok (listener, "LISTEN reprovision_changes");

  rp_test_team_exec_ok (staff, "BEGIN; INSERT INTO programme (id, name) VALUES (5, 'Never kept'); ROLLBACK");
  rp_test_team_exec_ok (staff, "BEGIN; INSERT INTO programme (id, name) VALUES (7, 'Oak Centre closure')");
  /* Nothing before the commit. */
  payloads = receive_notifications (listener, NULL, 300);
  g_assert_cmpuint (payloads->len, ==, 0);
  g_clear_pointer (&payloads, g_ptr_array_unref);
  rp_test_team_exec_ok (staff, "COMMIT");
  payloads = receive_notifications (listener, "programme:7", 5000);
  g_assert_cmpuint (payloads->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (payloads, 0), ==, "programme:7");
  g_clear_pointer (&payloads, g_ptr_array_unref);

  /* An update and a delete name their row too. */
  rp_test_team_exec_ok (staff, "UPDATE programme SET name = 'Oak Centre' WHERE id = 7; DELETE FROM programme WHERE id = 7");
  payloads = receive_notifications (listener, NULL, 1000);
  g_assert_cmpuint (payloads->len, ==, 1);  /* the same row twice in one transaction is said once */
  g_assert_cmpstr (g_ptr_array_index (payloads, 0), ==, "programme:7");
  g_clear_pointer (&payloads, g_ptr_array_unref);

  /* Every audited table, the file's list, and only those. */
  fill_programme (staff);
  payloads = receive_notifications (listener, NULL, 1500);
  for (guint i = 0; i < payloads->len; i++)
    {
      const char *payload = g_ptr_array_index (payloads, i);
      const char *colon = strchr (payload, ':');
      g_autofree char *table = NULL;

      g_assert_nonnull (colon);
      g_assert_cmpint (g_ascii_strtoll (colon + 1, NULL, 10), >, 0);
      table = g_strndup (payload, (gsize) (colon - payload));
      if (!g_ptr_array_find_with_equal_func (tables, table, g_str_equal, NULL))
        g_ptr_array_add (tables, g_steal_pointer (&table));
    }
  for (guint i = 0; i < n_audited_tables; i++)
    g_ptr_array_add (expected, (gpointer) audited_tables[i]);
  g_ptr_array_sort (tables, compare_strings);
  g_ptr_array_sort (expected, compare_strings);
  g_ptr_array_add (tables, NULL);
  g_ptr_array_add (expected, NULL);
  g_assert_cmpstrv ((char **) tables->pdata, (char **) expected->pdata);
}

/* The audit trail's text forms ------------------------------------------------ */

/* The row @id of @table in the file @db, as SQL that writes it on the
 * server: all its columns (an INSERT) or all but the id (an UPDATE), each
 * value a literal in the file's form, which PostgreSQL reads as the
 * column's type. */
static char *
mirror_sql (sqlite3    *db,
            PGconn     *conn,
            const char *table,
            gint64      id,
            gboolean    update)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      const char *name = sqlite3_column_name (stmt, i);
      const char *text = (const char *) sqlite3_column_text (stmt, i);
      char *literal = text != NULL ? PQescapeLiteral (conn, text, strlen (text)) : NULL;

      if (update && g_str_equal (name, "id"))
        {
          PQfreemem (literal);
          continue;
        }
      if (update)
        g_string_append_printf (values, "%s\"%s\" = %s", values->len > 0 ? ", " : "", name, literal ? literal : "NULL");
      else
        {
          g_string_append_printf (columns, "%s\"%s\"", columns->len > 0 ? ", " : "", name);
          g_string_append_printf (values, "%s%s", values->len > 0 ? ", " : "", literal ? literal : "NULL");
        }
      PQfreemem (literal);
    }
  sqlite3_finalize (stmt);

  if (update)
    return g_strdup_printf ("UPDATE %s SET %s WHERE id = %" G_GINT64_FORMAT, table, values->str, id);
  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, columns->str, values->str);
}

static void
mirror_row (sqlite3    *db,
            PGconn     *conn,
            const char *table,
            gint64      id,
            gboolean    update)
{
  g_autofree char *sql = mirror_sql (db, conn, table, id, update);

  rp_test_team_exec_ok (conn, sql);
}

/* Every step_change of the file not yet on the server. */
static void
mirror_new_step_changes (sqlite3 *db,
                         PGconn  *conn)
{
  g_autofree char *known = rp_test_team_query_value (conn, "SELECT coalesce (max (id), 0) FROM step_change");
  g_autofree char *select = g_strdup_printf ("SELECT id FROM step_change WHERE id > %s ORDER BY id", known);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    mirror_row (db, conn, "step_change", sqlite3_column_int64 (stmt, 0), FALSE);
  sqlite3_finalize (stmt);
}

#define AUDIT_LINE_COLUMNS "table_name, record_id, action, field, old_value, new_value"

/* The audit rows of @tables (SQL, quoted), one line each
 * (table record action field old new, ∅ for NULL), sorted. */
static char *
file_audit_lines (sqlite3    *db,
                  const char *tables)
{
  g_autofree char *select = g_strdup_printf ("SELECT " AUDIT_LINE_COLUMNS " FROM audit WHERE table_name IN (%s)", tables);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (int i = 0; i < 6; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (line, "%s%s", i > 0 ? " | " : "", text != NULL ? text : "∅");
        }
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static char *
team_audit_lines (PGconn     *conn,
                  const char *tables)
{
  g_autofree char *select = g_strdup_printf ("SELECT " AUDIT_LINE_COLUMNS " FROM reprovision.audit WHERE table_name IN (%s)", tables);
  g_autoptr(PGresult) rows = PQexec (conn, select);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (PQresultStatus (rows), ==, PGRES_TUPLES_OK);
  for (int r = 0; r < PQntuples (rows); r++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (int i = 0; i < 6; i++)
        g_string_append_printf (line, "%s%s", i > 0 ? " | " : "", PQgetisnull (rows, r, i) ? "∅" : PQgetvalue (rows, r, i));
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_audit_file_forms (Fixture       *f,
                       gconstpointer  data)
{
  static const char compared[] = "'taster_day', 'booking', 'step_change'";
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *jo = NULL;
  g_autofree char *file_lines = NULL;
  g_autofree char *team_lines = NULL;
  g_autofree char *copied_lines = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpProvider) provider = rp_provider_new ();
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  g_autoptr(RpTasterDay) day = rp_taster_day_new ();
  g_autoptr(RpBooking) booking = rp_booking_new ();
  g_autoptr(PGconn) staff = NULL;
  g_autoptr(PGresult) moments = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3 *copy = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_moments = 0;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("The audit trail on the server holds each value exactly as the file's holds it: "
                  "flags, dates, times of day, moments in UTC and text, whatever the session's date style and time zone");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  staff = connect_login (f, jo, "reprovision");
  /* Nothing in the values may depend on how the session shows dates and times. */
  rp_test_team_exec_ok (staff, "SET TimeZone = 'America/New_York'; SET DateStyle = 'SQL, DMY'; SET IntervalStyle = 'sql_standard'");

  dir = rp_test_make_tmpdir ();
  path = g_build_filename (dir, "programme.db", NULL);
  store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* The same person on both: the step history names the login on the server. */
  rp_store_set_user (store, jo);

  /* The same changes, made with the core API on the file and mirrored as
   * SQL by a staff login on the server. */
  rp_programme_set_name (programme, "Oak Centre closure");
  g_assert_true (rp_store_add_programme (store, programme, &error));
  g_assert_no_error (error);
  mirror_row (db, staff, "programme", rp_programme_get_id (programme), FALSE);
  rp_provider_set_name (provider, "Riverside Day Services");
  g_assert_true (rp_store_add_provider (store, provider, &error));
  mirror_row (db, staff, "provider", rp_provider_get_id (provider), FALSE);
  rp_attendee_set_programme_id (attendee, rp_programme_get_id (programme));
  rp_attendee_set_number (attendee, 1);
  rp_attendee_set_full_name (attendee, "Alex Example");
  g_assert_true (rp_store_add_attendee (store, attendee, "2026-11-02", &error));
  g_assert_no_error (error);
  mirror_row (db, staff, "attendee", rp_attendee_get_id (attendee), FALSE);
  mirror_new_step_changes (db, staff);

  rp_taster_day_set_programme_id (day, rp_programme_get_id (programme));
  rp_taster_day_set_provider_id (day, rp_provider_get_id (provider));
  rp_taster_day_set_date (day, "2026-12-10");
  rp_taster_day_set_start_time (day, "09:30");
  rp_taster_day_set_end_time (day, "15:00");
  rp_taster_day_set_venue (day, "Main hall, step-free");
  rp_taster_day_set_places (day, 6);
  g_assert_true (rp_store_add_taster_day (store, day, &error));
  g_assert_no_error (error);
  mirror_row (db, staff, "taster_day", rp_taster_day_get_id (day), FALSE);
  rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (day));
  rp_booking_set_attendee_id (booking, rp_attendee_get_id (attendee));
  rp_booking_set_transport_needed (booking, TRUE);
  rp_booking_set_pickup_time (booking, "09:30");
  rp_booking_set_family_attending (booking, "Mum");
  g_assert_true (rp_store_add_booking (store, booking, &error));
  g_assert_no_error (error);
  mirror_row (db, staff, "booking", rp_booking_get_id (booking), FALSE);

  /* Changed: the pick-up from 09:30 to 10:00, a flag off, a date, text. */
  rp_booking_set_pickup_time (booking, "10:00");
  rp_booking_set_transport_needed (booking, FALSE);
  rp_booking_set_transport_arranged (booking, TRUE);
  rp_booking_set_family_attending (booking, "Mum and Dad");
  g_assert_true (rp_store_save_booking (store, booking, &error));
  g_assert_no_error (error);
  mirror_row (db, staff, "booking", rp_booking_get_id (booking), TRUE);
  rp_taster_day_set_date (day, "2027-01-07");
  rp_taster_day_set_start_time (day, "10:15");
  rp_taster_day_set_cancelled (day, TRUE);
  g_assert_true (rp_store_save_taster_day (store, day, &error));
  g_assert_no_error (error);
  mirror_row (db, staff, "taster_day", rp_taster_day_get_id (day), TRUE);
  /* A moment: the step history's time of recording. */
  g_assert_true (rp_store_change_step (store, rp_attendee_get_id (attendee), 2, "2026-11-20", "Visited", &error));
  g_assert_no_error (error);
  mirror_new_step_changes (db, staff);

  file_lines = file_audit_lines (db, compared);
  team_lines = team_audit_lines (f->admin, compared);
  g_test_message ("the file's audit rows:\n%s", file_lines);
  g_assert_cmpstr (team_lines, ==, file_lines);
  /* The test saw what it is about. */
  g_assert_nonnull (strstr (file_lines, "booking | 1 | update | pickup_time | 09:30 | 10:00"));
  g_assert_nonnull (strstr (file_lines, "booking | 1 | update | transport_needed | 1 | 0"));
  g_assert_nonnull (strstr (file_lines, "taster_day | 1 | update | day | 2026-12-10 | 2027-01-07"));
  g_assert_true (g_regex_match_simple ("step_change \\| 2 \\| insert \\| recorded_at \\| ∅ \\| "
                                       "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z\n",
                                       file_lines, G_REGEX_MULTILINE, 0));

  /* Copied into a file, the team's audit trail reads as the file's: its
   * values and its own times of recording, in UTC to the millisecond. */
  copy_path = g_build_filename (dir, "copy.db", NULL);
  g_assert_true (rp_team_copy_team_to_file (f->conninfo, copy_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (copy_path, &copy, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  copied_lines = file_audit_lines (copy, compared);
  g_assert_cmpstr (copied_lines, ==, file_lines);
  moments = PQexec (f->admin, "SELECT id, to_char (recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
                              "  FROM reprovision.audit ORDER BY id");
  g_assert_cmpint (PQresultStatus (moments), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT id, recorded_at, typeof (recorded_at) FROM audit"
                                             " WHERE table_name <> 'database' ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *recorded_at = (const char *) sqlite3_column_text (stmt, 1);

      g_assert_cmpint ((int) n_moments, <, PQntuples (moments));
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, g_ascii_strtoll (PQgetvalue (moments, (int) n_moments, 0), NULL, 10));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "text");
      g_assert_cmpstr (recorded_at, ==, PQgetvalue (moments, (int) n_moments, 1));
      g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$",
                                           recorded_at, 0, 0));
      n_moments++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint ((int) n_moments, ==, PQntuples (moments));
  g_assert_cmpuint (n_moments, >, 20);

  /* Erased on both: what is left of the person is the same tombstone. The
   * server's erasure is the store's statements as the backend runs them
   * (rp_sql_to_postgres ()): the owner's functions. */
  g_assert_true (rp_store_delete_attendee (store, rp_attendee_get_id (attendee), &error));
  g_assert_no_error (error);
  {
    g_autofree char *erase = g_strdup_printf (
      "BEGIN;"
      "DELETE FROM booking WHERE attendee_id = %1$" G_GINT64_FORMAT ";"
      "DELETE FROM attendee WHERE id = %1$" G_GINT64_FORMAT ";"
      "SELECT FROM rp_erase_audit ('booking', %2$" G_GINT64_FORMAT ");"
      "SELECT FROM rp_erase_audit ('step_change', 1);"
      "SELECT FROM rp_erase_audit ('step_change', 2);"
      "SELECT FROM rp_erase_audit ('attendee', %1$" G_GINT64_FORMAT ");"
      "SELECT FROM rp_erase_tombstone (NULL, 'ignored', %1$" G_GINT64_FORMAT ", 1);"
      "COMMIT",
      rp_attendee_get_id (attendee), rp_booking_get_id (booking));

    rp_test_team_exec_ok (staff, erase);
  }
  g_clear_pointer (&file_lines, g_free);
  g_clear_pointer (&team_lines, g_free);
  file_lines = file_audit_lines (db, "'booking', 'step_change', 'attendee'");
  team_lines = team_audit_lines (f->admin, "'booking', 'step_change', 'attendee'");
  g_assert_cmpstr (team_lines, ==, file_lines);
  g_assert_cmpstr (file_lines, ==, "attendee | 1 | delete | number | 1 | ∅");

  sqlite3_close (copy);
  sqlite3_close (db);
  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

/* rp_audit_text () as team schemas 4 to 9 had it, through which each audit
 * function passed every value as jsonb: what each value's text must still
 * be, now that the functions write it straight from the column's type
 * (team schema 10). */
#define REFERENCE_TEXT \
  "CREATE FUNCTION pg_temp.reference_text (value jsonb, value_type oid) RETURNS text" \
  "  LANGUAGE sql STABLE AS $$" \
  "  SELECT CASE" \
  "         WHEN value IS NULL OR jsonb_typeof (value) = 'null' THEN NULL" \
  "         WHEN value_type = 'boolean'::regtype THEN CASE WHEN value = 'true'::jsonb THEN '1' ELSE '0' END" \
  "         WHEN value_type = 'date'::regtype THEN to_char ((value #>> '{}')::date, 'YYYY-MM-DD')" \
  "         WHEN value_type = 'time'::regtype THEN to_char ((value #>> '{}')::time, 'HH24:MI')" \
  "         WHEN value_type = 'timestamptz'::regtype" \
  "           THEN to_char ((value #>> '{}')::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')" \
  "         ELSE value #>> '{}' END $$"

/* Each column with a value of the row @id of @table, "field=text" in
 * column order, in the reference's text. */
static char *
reference_row (PGconn     *admin,
               const char *table,
               int         id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT string_agg (a.attname || '=' || pg_temp.reference_text (j.value, a.atttypid), ',' ORDER BY a.attnum)"
    "  FROM reprovision.%1$s r, jsonb_each (to_jsonb (r)) j, pg_attribute a"
    " WHERE r.id = %2$d AND a.attrelid = 'reprovision.%1$s'::regclass AND a.attname = j.key"
    "   AND j.key NOT IN ('id', 'name_words') AND pg_temp.reference_text (j.value, a.atttypid) IS NOT NULL",
    table, id);

  return rp_test_team_query_value (admin, sql);
}

static void
test_audit_typed_forms (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(PGconn) staff = NULL;
  g_autofree char *jo = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *taster_day = NULL;
  g_autofree char *review = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Each audit function writes every kind of column in the text rp_audit_text () gave, "
                  "whatever the session's time zone and date style, and nothing for an update to the same value");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  staff = connect_login (f, jo, "reprovision");
  /* A time zone half an hour off the hour, days before months. */
  rp_test_team_exec_ok (staff, "SET TimeZone = 'Asia/Kolkata'; SET DateStyle = 'SQL, DMY'");
  rp_test_team_exec_ok (f->admin, "SET TimeZone = 'America/New_York'; SET DateStyle = 'German'");
  rp_test_team_exec_ok (f->admin, REFERENCE_TEXT);

  fill_programme (staff);
  /* A moment with a fraction beyond the millisecond, given in the session's zone. */
  rp_test_team_exec_ok (staff, "INSERT INTO export_record (programme_id, recorded_at, \"user\", kind, format, as_of)"
                               "  VALUES (1, '2026-12-05 23:59:59.9996', 'Rita Recorder', 'print', 'pdf', '01/12/2026')");

  /* Every column of every audited table: the last value audited is the
   * reference's text of the value it holds (none for no value). */
  for (guint i = 0; i < n_audited_tables; i++)
    g_string_append_printf (rows, "%1$sSELECT '%2$s' AS t, r.id, j.key, j.value"
                                  " FROM reprovision.%2$s r, jsonb_each (to_jsonb (r)) j",
                            i > 0 ? " UNION ALL " : "", audited_tables[i]);
  sql = g_strdup_printf (
    "WITH v AS (%s),"
    " checked AS ("
    "  SELECT v.t, v.id, v.key, a.atttypid, pg_temp.reference_text (v.value, a.atttypid) AS expected,"
    "         (SELECT l.new_value FROM reprovision.audit l"
    "           WHERE l.table_name = v.t AND l.record_id = v.id AND l.field = v.key"
    "             AND l.action IN ('insert', 'update') ORDER BY l.id DESC LIMIT 1) AS audited"
    "    FROM v JOIN pg_attribute a ON a.attrelid = ('reprovision.' || v.t)::regclass AND a.attname = v.key"
    "   WHERE v.key NOT IN ('id', 'name_words'))"
    " SELECT coalesce ((SELECT string_agg (format ('%%s.%%s#%%s: %%s, not %%s', t, key, id,"
    "                                              coalesce (audited, '-'), coalesce (expected, '-')), '; ')"
    "                     FROM checked WHERE audited IS DISTINCT FROM expected), 'all as before')"
    "        || ' | ' || (SELECT string_agg (DISTINCT format_type (atttypid, NULL), ', ') FROM checked WHERE expected IS NOT NULL)"
    "        || ' | ' || (SELECT count(*) FROM checked WHERE expected IS NOT NULL)",
    rows->str);
  after = rp_test_team_query_value (f->admin, sql);
  g_test_message ("%s", after);
  g_assert_true (g_str_has_prefix (after, "all as before | bigint, boolean, date, integer, text, "
                                          "time without time zone, timestamp with time zone | "));
  g_assert_cmpint (g_ascii_strtoll (strrchr (after, ' ') + 1, NULL, 10), >, 80);
  g_clear_pointer (&after, g_free);
  /* The test saw what it is about: a flag off, a date, a time of day, a moment in UTC. */
  rp_test_team_assert_value (f->admin,
                             "SELECT string_agg (field || '=' || new_value, ',' ORDER BY id) FROM reprovision.audit"
                             " WHERE (table_name, field) IN (('attendee', 'wheelchair_user'), ('taster_day', 'day'),"
                             "                               ('taster_day', 'start_time'))"
                             "    OR (table_name = 'export_record' AND record_id = 2 AND field IN ('recorded_at', 'as_of'))",
                             "wheelchair_user=0,day=2026-12-10,start_time=10:00,"
                             "recorded_at=2026-12-05T18:29:59.999Z,as_of=2026-12-01");

  /* The same values, however written, are no change. */
  before = rp_test_team_query_value (f->admin, AUDIT_STATE);
  rp_test_team_exec_ok (staff,
                        "UPDATE taster_day SET day = '10/12/2026', start_time = '10:00:00', cancelled = 'no',"
                        "       places = places, venue = venue, notes = notes WHERE id = 1;"
                        "UPDATE attendee SET full_name = full_name, date_of_birth = '03/02/1961', wheelchair_user = false,"
                        "       programme_id = 1, number = 7 WHERE id = 1;"
                        "UPDATE step_change SET recorded_at = recorded_at AT TIME ZONE 'UTC' AT TIME ZONE 'UTC', reason = reason;"
                        "UPDATE review SET placement_continues = 'yes', held_on = held_on WHERE id = 1");
  after = rp_test_team_query_value (f->admin, AUDIT_STATE);
  g_assert_cmpstr (after, ==, before);

  /* A change: one row for each column that changed, NULLs as none. */
  rp_test_team_exec_ok (staff, "UPDATE taster_day SET cancelled = true, start_time = '10:15', end_time = '15:00',"
                               "       notes = NULL, places = 8 WHERE id = 1");
  rp_test_team_assert_value (f->admin,
                             "SELECT string_agg (field || ' ' || coalesce (old_value, '-') || ' ' || coalesce (new_value, '-'),"
                             "                   ',' ORDER BY id)"
                             "  FROM reprovision.audit WHERE table_name = 'taster_day' AND action = 'update'",
                             "start_time 10:00 10:15,end_time - 15:00,notes Zeddy likes music -,cancelled 0 1");

  /* Deleted: every value it had, in the same text. */
  taster_day = reference_row (f->admin, "taster_day", 1);
  review = reference_row (f->admin, "review", 1);
  g_assert_nonnull (strstr (taster_day, "cancelled=1"));
  g_assert_nonnull (strstr (review, "placement_continues=1"));
  rp_test_team_exec_ok (staff, "DELETE FROM booking; DELETE FROM timetable_action_taster_day;"
                               "DELETE FROM taster_day WHERE id = 1; DELETE FROM review_outcome; DELETE FROM review WHERE id = 1");
  rp_test_team_assert_value (f->admin,
                             "SELECT string_agg (field || '=' || old_value, ',' ORDER BY id) FROM reprovision.audit"
                             " WHERE table_name = 'taster_day' AND action = 'delete' AND new_value IS NULL",
                             taster_day);
  rp_test_team_assert_value (f->admin,
                             "SELECT string_agg (field || '=' || old_value, ',' ORDER BY id) FROM reprovision.audit"
                             " WHERE table_name = 'review' AND action = 'delete' AND new_value IS NULL",
                             review);

  rp_test_team_exec_ok (f->admin, "RESET TimeZone; RESET DateStyle");
}

/* Erasure on the server ------------------------------------------------------- */

/* @sql, run by @staff after @before in one transaction that is then rolled
 * back, is refused for want of rights. */
static void
assert_erasure_refused (PGconn     *staff,
                        const char *before,
                        const char *sql)
{
  g_autofree char *state = NULL;

  rp_test_team_exec_ok (staff, "BEGIN");
  if (before != NULL)
    rp_test_team_exec_ok (staff, before);
  state = rp_test_team_exec_state (staff, sql);
  rp_test_team_exec_ok (staff, "ROLLBACK");
  if (g_strcmp0 (state, "42501") != 0)
    g_error ("after %s, staff could run %s (%s)", before ? before : "nothing", sql, state ? state : "no error");
}

static void
test_erasure_functions (Fixture       *f,
                        gconstpointer  data)
{
  static const char erase_other[] = "DELETE FROM booking WHERE attendee_id = 2; DELETE FROM attendee WHERE id = 2";
  g_autofree char *jo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *tombstone = NULL;
  g_autoptr(PGconn) staff = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Staff erase a person from the audit trail only through the owner's functions, "
                  "only for someone they erase in the same change, and still cannot edit the trail");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  staff = connect_login (f, jo, "reprovision");
  fill_programme (staff);
  rp_test_team_exec_ok (staff, "INSERT INTO attendee (id, programme_id, number, full_name) VALUES (2, 1, 8, 'Bea Othername');"
                               "INSERT INTO booking (id, taster_day_id, attendee_id, family_attending) VALUES (2, 1, 2, 'Bea''s brother');"
                               "INSERT INTO attendee (id, programme_id, number, full_name) VALUES (3, 1, 9, 'Cy Gonename');"
                               "INSERT INTO name_confirmation (id, programme_id, place, text_digest, word, confirmed_by)"
                               "  VALUES (5, 1, 'attendee/1/report_note', 'def', 'Zeddy', 'Rita Recorder');"
                               /* Deleted in a change of its own, earlier: not being erased now. */
                               "DELETE FROM attendee WHERE id = 3");
  before = rp_test_team_query_value (f->admin, AUDIT_STATE);

  /* A person still there, or an id of something that is not theirs. */
  assert_erasure_refused (staff, NULL, "SELECT FROM rp_erase_audit ('attendee', 1)");
  assert_erasure_refused (staff, NULL, "SELECT FROM rp_erase_audit ('booking', 1)");
  assert_erasure_refused (staff, NULL, "SELECT FROM rp_erase_tombstone (NULL, NULL, 1, 7)");
  assert_erasure_refused (staff, NULL, "SELECT FROM rp_erase_audit ('programme', 1)");
  assert_erasure_refused (staff, NULL, "SELECT FROM rp_erase_audit ('audit', 1)");
  assert_erasure_refused (staff, NULL, "SELECT FROM rp_erase_audit (NULL, 1)");
  /* Erased earlier, in another change. */
  assert_erasure_refused (staff, NULL, "SELECT FROM rp_erase_audit ('attendee', 3)");
  assert_erasure_refused (staff, NULL, "SELECT FROM rp_erase_tombstone (NULL, NULL, 3, 9)");
  /* While attendee 2 is being erased: someone else's records, another table's
   * ids, another number, a date of the caller's choosing. */
  assert_erasure_refused (staff, erase_other, "SELECT FROM rp_erase_audit ('attendee', 1)");
  assert_erasure_refused (staff, erase_other, "SELECT FROM rp_erase_audit ('booking', 1)");
  assert_erasure_refused (staff, erase_other, "SELECT FROM rp_erase_audit ('step_change', 1)");
  assert_erasure_refused (staff, erase_other, "SELECT FROM rp_erase_audit ('review_outcome', 1)");
  assert_erasure_refused (staff, erase_other, "DELETE FROM name_confirmation WHERE id = 5;"
                                              "SELECT FROM rp_erase_audit ('name_confirmation', 5)");
  assert_erasure_refused (staff, erase_other, "SELECT FROM rp_erase_audit ('programme', 2)");
  assert_erasure_refused (staff, erase_other, "SELECT FROM rp_erase_audit ('worker', 2)");
  assert_erasure_refused (staff, erase_other, "SELECT FROM rp_erase_tombstone (NULL, NULL, 2, 7)");
  assert_erasure_refused (staff, erase_other, "SELECT FROM rp_erase_tombstone ('2020-01-01T00:00:00.000Z', NULL, 2, 8)");
  /* Nor the trail itself, nor the note of who is being erased, even then. */
  assert_erasure_refused (staff, erase_other, "UPDATE audit SET old_value = NULL WHERE table_name = 'attendee'");
  assert_erasure_refused (staff, erase_other, "DELETE FROM audit WHERE table_name = 'attendee' AND record_id = 2");
  assert_erasure_refused (staff, "SET LOCAL reprovision.erasing = 'on'", "UPDATE audit SET old_value = NULL");
  assert_erasure_refused (staff, NULL, "INSERT INTO erasure_under_way (xact, attendee_id, number) VALUES (pg_current_xact_id (), 1, 7)");
  assert_erasure_refused (staff, NULL, "SELECT count(*) FROM erasure_under_way");
  after = rp_test_team_query_value (f->admin, AUDIT_STATE);
  g_assert_cmpstr (before, ==, after);

  /* The erasure as the store runs it on the server: inside a savepoint,
   * every record of the person, each record's audit rows, the tombstone. */
  rp_test_team_exec_ok (staff, "BEGIN; SAVEPOINT rp_write;"
                               "DELETE FROM name_confirmation WHERE place LIKE 'attendee/' || 1 || '/%';"
                               "DELETE FROM booking WHERE attendee_id = 1;"
                               "DELETE FROM attendee WHERE id = 1;"
                               "SELECT FROM rp_erase_audit ('booking', 1);"
                               "SELECT FROM rp_erase_audit ('step_change', 1);"
                               "SELECT FROM rp_erase_audit ('name_confirmation', 5);"
                               "SELECT FROM rp_erase_audit ('review_outcome', 1);"
                               "SELECT FROM rp_erase_audit ('review', 1);"
                               "SELECT FROM rp_erase_audit ('planned_outcome', 1);"
                               "SELECT FROM rp_erase_audit ('contact_log', 1);"
                               "SELECT FROM rp_erase_audit ('attendee', 1);"
                               "SELECT FROM rp_erase_tombstone (NULL, 'Jo', 1, 7);"
                               "RELEASE rp_write; COMMIT");
  /* Nothing of theirs is left but the tombstone, under the login. */
  rp_test_team_assert_value (f->admin, "SELECT count(*) FROM reprovision.audit WHERE (table_name, record_id) IN"
                                       " (('booking', 1), ('step_change', 1), ('name_confirmation', 5), ('review_outcome', 1), ('review', 1),"
                                       "  ('planned_outcome', 1), ('contact_log', 1))", "0");
  tombstone = g_strdup_printf ("%s delete number 7", jo);
  rp_test_team_assert_value (f->admin, "SELECT string_agg (\"user\" || ' ' || action || ' ' || field || ' ' || old_value, ',')"
                                       "  FROM reprovision.audit WHERE table_name = 'attendee' AND record_id = 1", tombstone);
  /* Someone else's history stays. */
  rp_test_team_assert_value (f->admin, "SELECT count(*) > 0 FROM reprovision.audit WHERE table_name = 'attendee' AND record_id = 2"
                                       " AND new_value = 'Bea Othername'", "t");
  /* Their erasure is over (a delete made outside the store's erasure, as
   * attendee 3's, stays noted under its own transaction, which has ended). */
  rp_test_team_assert_value (f->admin, "SELECT count(*) FROM reprovision.erasure_under_way WHERE attendee_id = 1", "0");
  /* Once recorded, the erasure cannot be made again to scrub more. */
  assert_erasure_refused (staff, NULL, "SELECT FROM rp_erase_audit ('attendee', 1)");
}

/* The store's SQL functions ------------------------------------------------- */

static void
test_store_functions (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *jo = NULL;
  g_autofree char *as_owner = NULL;
  g_autoptr(PGconn) staff = NULL;

  if (!f->available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("The functions the store's SQL calls answer on the server: the session's day, the login, and no erasure for staff");

  rp_test_team_init (f);
  jo = rp_test_team_make_login (f, "jo", "staff");
  staff = connect_login (f, jo, "reprovision");

  rp_test_team_assert_value (staff, "SELECT rp_today () = current_date", "t");
  rp_test_team_exec_ok (staff, "SET reprovision.today = '2023-10-15'");
  rp_test_team_assert_value (staff, "SELECT rp_today ()::text", "2023-10-15");
  rp_test_team_assert_value (staff, "SELECT rp_audit_user ()", jo);
  rp_test_team_assert_value (staff, "SELECT length (rp_random_bytes (32))::text || ' ' || (rp_random_bytes (32) <> rp_random_bytes (32))", "32 true");

  /* A staff login cannot make itself the erasure, whatever it sets. */
  rp_test_team_assert_value (staff, "SELECT rp_erasing ()::text", "false");
  rp_test_team_exec_ok (staff, "SET reprovision.erasing = 'on'");
  rp_test_team_assert_value (staff, "SELECT rp_erasing ()::text", "false");
  rp_test_team_assert_refused (staff, "DELETE FROM audit");
  /* Only the owner's own code, which the erasure will be, can. */
  as_owner = g_strdup_printf ("SET ROLE %sowner; SET reprovision.erasing = 'on'", f->prefix);
  rp_test_team_exec_ok (f->admin, as_owner);
  rp_test_team_assert_value (f->admin, "SELECT reprovision.rp_erasing ()::text", "true");
  rp_test_team_exec_ok (f->admin, "RESET ROLE; RESET reprovision.erasing");

  /* Names compare and order without regard to case, as the file's NOCASE. */
  rp_test_team_assert_value (staff, "SELECT string_agg (n, ',' ORDER BY n COLLATE reprovision.nocase, n COLLATE \"C\")"
                                    " FROM (VALUES ('beta'), ('Alpha'), ('alpha'), ('Gamma')) AS v (n)",
                             "Alpha,alpha,beta,Gamma");
  rp_test_team_assert_value (staff, "SELECT ('Oak Centre' = 'OAK CENTRE' COLLATE reprovision.nocase)::text", "true");
}

int
main (int    argc,
      char **argv)
{
  /* The defaults under test come from these when a connection string has none. */
  g_unsetenv ("PGSSLMODE");
  g_unsetenv ("PGCONNECT_TIMEOUT");
  g_unsetenv ("PGDATABASE");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team/conninfo/tls", test_conninfo_tls);
  g_test_add_func ("/team/init/unreachable", test_init_unreachable);
  g_test_add ("/team/init/twice", Fixture, NULL, fixture_set_up, test_init_twice, fixture_tear_down);
  g_test_add ("/team/init/upgrade-from-3", Fixture, NULL, fixture_set_up, test_init_upgrade_from_3, fixture_tear_down);
  g_test_add ("/team/init/upgrade-from-4", Fixture, NULL, fixture_set_up, test_init_upgrade_from_4, fixture_tear_down);
  g_test_add ("/team/init/upgrade-from-5", Fixture, NULL, fixture_set_up, test_init_upgrade_from_5, fixture_tear_down);
  g_test_add ("/team/init/upgrade-from-9", Fixture, NULL, fixture_set_up, test_init_upgrade_from_9, fixture_tear_down);
  g_test_add ("/team/init/same-columns-as-file", Fixture, NULL, fixture_set_up, test_init_same_columns_as_file, fixture_tear_down);
  g_test_add ("/team/init/export-kinds-as-file", Fixture, NULL, fixture_set_up, test_init_export_kinds_as_file, fixture_tear_down);
  g_test_add ("/team/init/newer-version", Fixture, NULL, fixture_set_up, test_init_newer_version, fixture_tear_down);
  g_test_add ("/team/init/authentication", Fixture, NULL, fixture_set_up, test_init_authentication, fixture_tear_down);
  g_test_add ("/team/init/permission", Fixture, NULL, fixture_set_up, test_init_permission, fixture_tear_down);
  g_test_add ("/team/init/database-owner", Fixture, NULL, fixture_set_up, test_init_database_owner, fixture_tear_down);
  g_test_add ("/team/reports/no-names", Fixture, NULL, fixture_set_up, test_reports_no_names, fixture_tear_down);
  g_test_add ("/team/reports/columns", Fixture, NULL, fixture_set_up, test_reports_columns, fixture_tear_down);
  g_test_add ("/team/audit/staff-cannot-change", Fixture, NULL, fixture_set_up, test_audit_staff_cannot_change, fixture_tear_down);
  g_test_add ("/team/audit/names-login", Fixture, NULL, fixture_set_up, test_audit_names_login, fixture_tear_down);
  g_test_add ("/team/audit/notifies", Fixture, NULL, fixture_set_up, test_audit_notifies, fixture_tear_down);
  g_test_add ("/team/audit/file-forms", Fixture, NULL, fixture_set_up, test_audit_file_forms, fixture_tear_down);
  g_test_add ("/team/audit/typed-forms", Fixture, NULL, fixture_set_up, test_audit_typed_forms, fixture_tear_down);
  g_test_add ("/team/erasure/functions", Fixture, NULL, fixture_set_up, test_erasure_functions, fixture_tear_down);
  g_test_add ("/team/store-functions", Fixture, NULL, fixture_set_up, test_store_functions, fixture_tear_down);

  return g_test_run ();
}
