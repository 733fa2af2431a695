/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team-store.c: the store on a team database: a programme kept on the
 * server through the same calls as a file, changes heard from other people,
 * the roles' limits and the same-field conflict across two connections */

#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-export-record-private.h"
#include "rp-store-private.h"
#include "rp-team-private.h"
#include "rp-test-team.h"
#include "rp-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PQconninfoOption, PQconninfoFree)

typedef struct
{
  RpTestTeam  team;
  char       *jo;        /* staff */
  char       *sam;       /* staff */
  char       *rita;      /* reports */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  rp_test_team_set_up (&f->team, "rp_store", "rps");
  if (!f->team.available)
    return;

  /* data: a database never set up */
  if (data != NULL)
    return;

  rp_test_team_init (&f->team);
  f->jo = rp_test_team_make_login (&f->team, "jo", "staff");
  f->sam = rp_test_team_make_login (&f->team, "sam", "staff");
  f->rita = rp_test_team_make_login (&f->team, "rita", "reports");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!f->team.available)
    return;

  rp_test_team_tear_down (&f->team, RP_TEST_TEAM_DROP_DEFAULT);
  g_free (f->jo);
  g_free (f->sam);
  g_free (f->rita);
}

static char *
location (Fixture    *f,
          const char *login)
{
  return g_strdup_printf ("dbname=%s user=%s", f->team.database, login);
}

static RpStore *
open_as (Fixture    *f,
         const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = location (f, login);
  RpStore *store = rp_store_open (where, RP_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  rp_store_set_today (store, "2024-03-04");
  return store;
}

static gint64
add_programme (RpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  gboolean ok;

  rp_programme_set_name (programme, "Riverside Day Centre");
  ok = rp_store_add_programme (store, programme, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (rp_programme_get_id (programme), >, 0);
  return rp_programme_get_id (programme);
}

static gint64
add_attendee (RpStore    *store,
              gint64      programme_id,
              int         number,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  gboolean ok;

  rp_attendee_set_programme_id (attendee, programme_id);
  rp_attendee_set_number (attendee, number);
  rp_attendee_set_full_name (attendee, name);
  rp_attendee_set_contact_name (attendee, "Ruth Bennett");
  rp_attendee_set_contact_phone (attendee, "07700 900107");
  rp_attendee_set_step (attendee, 1);
  ok = rp_store_add_attendee (store, attendee, "2024-02-01", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (rp_attendee_get_id (attendee), >, 0);
  return rp_attendee_get_id (attendee);
}

/* Locations ------------------------------------------------------------- */

static char *
password_of (const char *conninfo)
{
  g_autoptr(PQconninfoOption) options = PQconninfoParse (conninfo, NULL);

  g_assert_nonnull (options);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "password"))
      return g_strdup (option->val);
  return NULL;
}

static void
test_location_kinds (void)
{
  static const char awkward[] = "it's a \\ p@ss/word?&=#";

  g_test_summary ("A team database is named by a URI or a connection string; the password is added so libpq reads it back exactly");

  g_assert_true (rp_store_location_is_team ("postgresql://jo@db.council.example/rp_demo"));
  g_assert_true (rp_store_location_is_team ("postgres://db.council.example/rp_demo"));
  g_assert_true (rp_store_location_is_team ("host=/tmp/x dbname=rp"));
  g_assert_false (rp_store_location_is_team ("/home/jo/reprovision.db"));
  g_assert_false (rp_store_location_is_team ("programme.db"));
  /* A file's name may hold "=": only libpq's own keywords make a connection string. */
  g_assert_true (rp_store_location_is_team ("  dbname = rp user=jo"));
  g_assert_true (rp_store_location_is_team ("service=reprovision"));
  g_assert_false (rp_store_location_is_team ("minutes=final.db"));
  g_assert_false (rp_store_location_is_team ("/home/jo/host=x.db"));
  g_assert_false (rp_store_location_is_team ("host x.db"));
  g_assert_false (rp_store_location_is_team (""));

  {
    g_autofree char *uri = rp_team_conninfo_with_password ("postgresql://jo@db.council.example/rp_demo", awkward);
    g_autofree char *uri_query = rp_team_conninfo_with_password ("postgresql://jo@db.council.example/rp_demo?sslmode=require", awkward);
    g_autofree char *keywords = rp_team_conninfo_with_password ("host=/tmp/x dbname=rp", awkward);
    g_autofree char *a = password_of (uri);
    g_autofree char *b = password_of (uri_query);
    g_autofree char *c = password_of (keywords);

    g_assert_cmpstr (a, ==, awkward);
    g_assert_cmpstr (b, ==, awkward);
    g_assert_cmpstr (c, ==, awkward);
  }
}

/* Opening ------------------------------------------------------------------ */

static void
test_staff_programme (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(RpAttendee) read_back = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autofree char *name = NULL;
  g_autofree char *users = NULL;
  gint64 programme_id, georgia;
  gboolean ok;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A staff login keeps a programme on the team database through the store, and the audit trail names the login");

  store = open_as (f, f->jo);
  g_assert_true (rp_store_is_team (store));
  g_assert_cmpint (rp_store_get_team_role (store), ==, RP_TEAM_ROLE_STAFF);
  g_assert_cmpstr (rp_store_get_login (store), ==, f->jo);
  g_assert_null (rp_store_get_path (store));
  g_assert_cmpint (rp_store_get_notify_fd (store), >=, 0);
  name = rp_store_dup_display_name (store);
  g_assert_true (g_str_has_prefix (name, f->team.database));

  programme_id = add_programme (store);
  georgia = add_attendee (store, programme_id, 1, "Georgia Bennett");
  add_attendee (store, programme_id, 2, "Harold Price");

  ok = rp_store_change_step (store, georgia, 3, "2024-03-01", "Visited two providers", &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  attendees = rp_store_list_attendees (store, programme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 2);

  read_back = rp_store_get_attendee (store, georgia, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_attendee_get_full_name (read_back), ==, "Georgia Bennett");
  g_assert_cmpint (rp_attendee_get_step (read_back), ==, 3);
  g_assert_cmpstr (rp_attendee_get_contact_phone (read_back), ==, "07700 900107");

  history = rp_store_list_step_history (store, georgia, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), >=, 1);

  /* The server writes the audit trail, naming the database login. */
  users = rp_test_team_query_value (f->team.admin, "SELECT string_agg (DISTINCT \"user\", ',') FROM reprovision.audit");
  g_assert_cmpstr (users, ==, f->jo);
}

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *where = NULL;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A team database set up by a newer Reprovision is refused in plain words, and left alone");

  rp_test_team_exec_ok (f->team.admin, "INSERT INTO reprovision.schema_version (version, file_version) VALUES (99, 99)");
  where = location (f, f->jo);
  store = rp_store_open (where, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Reprovision"));
}

static void
test_not_set_up (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *where = g_strdup_printf ("dbname=%s", f->team.database ? f->team.database : "");

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A database nobody set up for Reprovision says how to set it up, and is not changed");

  store = rp_store_open (where, RP_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "reprovision-cli team init"));
}

static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *where = g_strdup_printf ("host=%s port=5 dbname=nothing", dir);
  g_autoptr(RpStore) store = NULL;

  g_test_summary ("A team database whose server does not answer is reported as unreachable");

  store = rp_store_open (where, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
  rp_test_remove_tree (dir);
}

static void
test_reports_role (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RpStore) staff = NULL;
  g_autoptr(RpStore) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  gint64 programme_id, georgia;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A reports login reads no name and changes nothing");

  staff = open_as (f, f->jo);
  programme_id = add_programme (staff);
  georgia = add_attendee (staff, programme_id, 1, "Georgia Bennett");

  reports = open_as (f, f->rita);
  g_assert_cmpint (rp_store_get_team_role (reports), ==, RP_TEAM_ROLE_REPORTS);
  g_assert_true (rp_store_is_read_only (reports));
  g_assert_false (rp_store_is_read_only (staff));

  /* It reads the programme's front matter, for the report. */
  {
    g_autoptr(RpProgramme) front = rp_store_get_programme (reports, programme_id, &error);
    g_autoptr(GListModel) all = rp_store_list_programmes (reports, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rp_programme_get_name (front), ==, "Riverside Day Centre");
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  }

  /* The views it reads have no names: reading an attendee fails. */
  attendee = rp_store_get_attendee (reports, georgia, &error);
  g_assert_null (attendee);
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION);
  g_clear_error (&error);

  rp_programme_set_name (programme, "Another");
  g_assert_false (rp_store_add_programme (reports, programme, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION);
}

static gint64
add_attendee_with_note (RpStore    *store,
                        gint64      programme_id,
                        int         number,
                        const char *name,
                        const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  gboolean ok;

  rp_attendee_set_programme_id (attendee, programme_id);
  rp_attendee_set_number (attendee, number);
  rp_attendee_set_full_name (attendee, name);
  rp_attendee_set_report_note (attendee, note);
  rp_attendee_set_step (attendee, 1 + number % 3);
  ok = rp_store_add_attendee (store, attendee, "2024-02-01", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return rp_attendee_get_id (attendee);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The report as @store builds it: its progress table's CSV, and the first
 * published text that names someone ("" if none), by place and word. */
static char *
build_report (RpStore     *store,
              gint64       programme_id,
              const char  *csv,
              char       **finding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(RpNameFinding) found = NULL;
  RpReportOptions options = { 0 };

  options.as_of = "2024-03-04";
  options.plain_utf8 = TRUE;
  report = rp_report_build (store, programme_id, &options, &error);
  g_assert_no_error (error);
  names = rp_report_build_name_index (report, store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (names);
  if (rp_report_check_names (report, names, &found, NULL))
    *finding = g_strdup ("");
  else
    {
      g_autofree char *word = rp_name_finding_get_word (found);
      g_autofree char *where = rp_name_finding_describe (found);

      *finding = g_strdup_printf ("%s: %s", where, word);
    }

  g_assert_true (rp_report_write_csv (report, RP_REPORT_TABLE_PROGRESS, csv, &error));
  g_assert_no_error (error);
  return read_text (csv);
}

static void
test_reports_builds_report (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const names[] = { "Zoë O’Neill", "Łukasz Straße", "Ægir Øvergaard-Smith", "Georgia Bennett" };
  g_autoptr(RpStore) staff = NULL;
  g_autoptr(RpStore) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RpNameIndex) index = NULL;
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autoptr(PGconn) admin = NULL;
  g_autoptr(PGresult) refused = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *staff_csv = NULL, *reports_csv = NULL, *staff_found = NULL, *reports_found = NULL;
  g_autofree char *pdf = NULL, *by = NULL, *sql = NULL;
  RpReportOptions options = { 0 };
  const char *empty[] = { NULL };
  gint64 programme_id, zoe;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A reports login builds, checks, exports and records the scrutiny report as staff would, without a name");

  dir = rp_test_make_tmpdir ();
  staff = open_as (f, f->jo);
  programme_id = add_programme (staff);
  add_attendee_with_note (staff, programme_id, 1, names[3], "Visited two day services.");
  zoe = add_attendee_with_note (staff, programme_id, 2, names[0], "Spoke with ZOE about options.");
  add_attendee_with_note (staff, programme_id, 3, names[1], "Grant funding agreed.");
  add_attendee_with_note (staff, programme_id, 4, names[2], NULL);
  reports = open_as (f, f->rita);

  /* The server finds each word of each name as the core folds it, and no ordinary word. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(GStrv) parts = rp_name_index_name_words (names[i]);

      for (guint j = 0; parts[j] != NULL; j++)
        g_ptr_array_add (words, g_strdup (parts[j]));
    }
  g_assert_cmpuint (words->len, ==, 9);
  g_ptr_array_add (words, g_strdup ("options"));
  g_ptr_array_add (words, NULL);
  index = rp_store_build_name_index_for_words (reports, programme_id, (const char * const *) words->pdata,
                                               empty, empty, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < words->len - 2; i++)
    {
      RpNameMatch match;

      if (!rp_name_index_match (index, NULL, g_ptr_array_index (words, i), &match))
        g_error ("the server does not know “%s” as a name word", (char *) g_ptr_array_index (words, i));
    }
  g_assert_null (rp_name_index_find (index, "options"));

  /* The same name found in the same published text, by place and word. */
  staff_csv = g_build_filename (dir, "staff.csv", NULL);
  reports_csv = g_build_filename (dir, "reports.csv", NULL);
  g_free (build_report (staff, programme_id, staff_csv, &staff_found));
  g_free (build_report (reports, programme_id, reports_csv, &reports_found));
  g_assert_cmpstr (staff_found, !=, "");
  g_assert_cmpstr (reports_found, ==, staff_found);

  /* A possessive or a family's plural names the person too, for both: the
   * reports login asks the server about every form the check looks up. */
  admin = rp_test_team_connect (f->team.database, NULL);
  for (guint i = 0; i < 2; i++)
    {
      static const char * const notes[] = { "Met at Bennett’s house.", "Visited the Bennetts." };

      sql = g_strdup_printf ("UPDATE reprovision.attendee SET report_note = '%s' WHERE id = %" G_GINT64_FORMAT, notes[i], zoe);
      rp_test_team_exec_ok (admin, sql);
      g_clear_pointer (&sql, g_free);
      g_clear_pointer (&staff_found, g_free);
      g_clear_pointer (&reports_found, g_free);
      g_free (build_report (staff, programme_id, staff_csv, &staff_found));
      g_free (build_report (reports, programme_id, reports_csv, &reports_found));
      g_assert_cmpstr (staff_found, !=, "");
      g_assert_cmpstr (reports_found, ==, staff_found);
    }

  /* Edited, it passes for both, with the same progress table. */
  sql = g_strdup_printf ("UPDATE reprovision.attendee SET report_note = 'Spoke about options.' WHERE id = %" G_GINT64_FORMAT, zoe);
  rp_test_team_exec_ok (admin, sql);
  g_clear_pointer (&staff_found, g_free);
  g_clear_pointer (&reports_found, g_free);
  {
    g_autofree char *staff_table = build_report (staff, programme_id, staff_csv, &staff_found);
    g_autofree char *reports_table = build_report (reports, programme_id, reports_csv, &reports_found);

    g_assert_cmpstr (staff_found, ==, "");
    g_assert_cmpstr (reports_found, ==, "");
    g_assert_nonnull (strstr (staff_table, "Spoke about options."));
    g_assert_cmpstr (reports_table, ==, staff_table);
  }

  /* The PDF, recorded in the export history and the audit trail under the login. */
  options.as_of = "2024-03-04";
  report = rp_report_build (reports, programme_id, &options, &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "report.pdf", NULL);
  g_assert_true (rp_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (rp_report_record_export (report, reports, "report", "pdf", pdf, NULL, &error));
  g_assert_no_error (error);
  exports = rp_store_list_exports (staff, programme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 1);
  {
    g_autoptr(RpExportRecord) record = g_list_model_get_item (exports, 0);

    g_assert_cmpstr (rp_export_record_get_user (record), ==, f->rita);
    g_assert_cmpstr (rp_export_record_get_file_name (record), ==, "report.pdf");
  }
  by = rp_test_team_query_value (admin, "SELECT string_agg (DISTINCT \"user\", ',') FROM reprovision.audit"
                                        " WHERE table_name = 'export_record' AND action = 'insert'");
  g_assert_cmpstr (by, ==, f->rita);

  /* Only the report's kinds, and nothing else anywhere. */
  g_assert_false (rp_report_record_export (report, reports, "attendees-all-fields", "csv", pdf, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (rp_store_record_export (reports, &(RpExportDetails) { .programme_id = programme_id,
                                                                         .kind = "contact-log", .format = "csv" },
                                          &error));
  /* The core refuses it first; the server too (below). */
  g_assert_error (error, RP_ERROR, RP_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autofree char *where = g_strdup_printf ("dbname=%s user=%s", f->team.database, f->rita);
    g_autoptr(PGconn) rita = PQconnectdb (where);

    g_assert_cmpint (PQstatus (rita), ==, CONNECTION_OK);
    refused = PQexec (rita, "SELECT FROM reprovision_report.rp_record_export (0, 'contact-log', 'csv', NULL, NULL,"
                            " NULL, 0, NULL, NULL)");
    g_assert_cmpstr (PQresultErrorField (refused, PG_DIAG_SQLSTATE), ==, "42501");
    g_clear_pointer (&refused, PQclear);
    refused = PQexec (rita, "INSERT INTO reprovision_report.export_record (kind, format) VALUES ('report', 'pdf')");
    g_assert_cmpstr (PQresultErrorField (refused, PG_DIAG_SQLSTATE), ==, "42501");
    g_clear_pointer (&refused, PQclear);
    refused = PQexec (rita, "INSERT INTO reprovision.export_record (\"user\", kind, format) VALUES ('x', 'report', 'pdf')");
    g_assert_cmpstr (PQresultErrorField (refused, PG_DIAG_SQLSTATE), ==, "42501");
    g_clear_pointer (&refused, PQclear);
    refused = PQexec (rita, "UPDATE reprovision_report.attendee SET report_note = 'x'");
    g_assert_cmpstr (PQresultErrorField (refused, PG_DIAG_SQLSTATE), ==, "42501");
  }
  g_clear_object (&exports);
  exports = rp_store_list_exports (staff, programme_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 1);

  /* And from the command line, as the reports login. */
  {
    g_auto(RpCliResult) cli = { 0 };
    g_autofree char *where = location (f, f->rita);
    g_autofree char *cli_pdf = g_build_filename (dir, "x.pdf", NULL);

    rp_test_run_cli (&cli, "report", "-d", where, "-o", cli_pdf, NULL);
    if (cli.status != 0)
      g_error ("reprovision-cli report failed: %s", cli.err);
    g_assert_true (g_file_test (cli_pdf, G_FILE_TEST_IS_REGULAR));
    g_clear_object (&exports);
    exports = rp_store_list_exports (staff, programme_id, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 2);
    {
      g_autoptr(RpExportRecord) record = g_list_model_get_item (exports, 0);

      g_assert_cmpstr (rp_export_record_get_user (record), ==, f->rita);
      g_assert_cmpstr (rp_export_record_get_file_name (record), ==, "x.pdf");
    }
  }
  rp_test_remove_tree (dir);
}

static gint64
add_taster_day (RpStore    *store,
                gint64      programme_id,
                gint64      provider_id,
                const char *date,
                int         places)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTasterDay) day = rp_taster_day_new ();
  gboolean ok;

  rp_taster_day_set_programme_id (day, programme_id);
  rp_taster_day_set_provider_id (day, provider_id);
  rp_taster_day_set_date (day, date);
  rp_taster_day_set_start_time (day, "10:00");
  rp_taster_day_set_end_time (day, "14:30");
  rp_taster_day_set_places (day, places);
  /* Free text, which may name someone: a reports login never reads it. */
  rp_taster_day_set_venue (day, "Ruth Bennett's garden");
  rp_taster_day_set_notes (day, "Georgia likes music");
  ok = rp_store_add_taster_day (store, day, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return rp_taster_day_get_id (day);
}

static void
add_booking (RpStore         *store,
             gint64           day_id,
             gint64           attendee_id,
             RpBookingStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpBooking) booking = rp_booking_new ();
  gboolean ok;

  rp_booking_set_taster_day_id (booking, day_id);
  rp_booking_set_attendee_id (booking, attendee_id);
  rp_booking_set_status (booking, status);
  rp_booking_set_family_attending (booking, "Ruth Bennett");
  ok = rp_store_add_booking (store, booking, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
assert_no_name (const char *value)
{
  if (value != NULL && (strstr (value, "Bennett") != NULL || strstr (value, "Georgia") != NULL))
    g_error ("a reports login was given “%s”", value);
}

static void
test_reports_area (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RpStore) staff = NULL;
  g_autoptr(RpStore) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProvider) provider = rp_provider_new ();
  g_autoptr(GListModel) staff_days = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(RpTasterDay) one = NULL;
  gint64 programme_id, georgia, sam, day_id;
  guint staff_booked = 0, booked = 0;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A reports login reads the upcoming taster days and how full they are, and the whole export history, "
                  "without a name, a free text, another login or a file name");

  staff = open_as (f, f->jo);
  programme_id = add_programme (staff);
  georgia = add_attendee (staff, programme_id, 1, "Georgia Bennett");
  sam = add_attendee (staff, programme_id, 2, "Sam Okafor");
  rp_provider_set_name (provider, "Riverside Day Services");
  g_assert_true (rp_store_add_provider (staff, provider, &error));
  g_assert_no_error (error);
  day_id = add_taster_day (staff, programme_id, rp_provider_get_id (provider), "2024-03-11", 8);
  add_booking (staff, day_id, georgia, RP_BOOKING_CONFIRMED);
  add_booking (staff, day_id, sam, RP_BOOKING_DECLINED);
  g_assert_true (rp_store_record_export (staff, &(RpExportDetails) { .programme_id = programme_id, .kind = "contact-log",
                                                                      .format = "csv", .path = "/tmp/Georgia Bennett.csv",
                                                                      .reason = "Asked by Ruth Bennett" }, &error));
  g_assert_no_error (error);

  reports = open_as (f, f->rita);
  g_assert_true (rp_store_record_export (reports, &(RpExportDetails) { .programme_id = programme_id, .kind = "report",
                                                                        .format = "pdf", .tables = "summary",
                                                                        .as_of = "2024-03-04", .path = "/tmp/report.pdf" },
                                         &error));
  g_assert_no_error (error);

  /* The taster days, as staff read them but for the free text. */
  staff_days = rp_store_list_taster_days (staff, programme_id, &error);
  g_assert_no_error (error);
  days = rp_store_list_taster_days (reports, programme_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (days);
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (staff_days), ==, 1);
  {
    g_autoptr(RpTasterDay) day = g_list_model_get_item (days, 0);
    g_autoptr(RpTasterDay) as_staff = g_list_model_get_item (staff_days, 0);

    g_assert_cmpint (rp_taster_day_get_id (day), ==, day_id);
    g_assert_cmpstr (rp_taster_day_get_date (day), ==, "2024-03-11");
    g_assert_cmpstr (rp_taster_day_get_provider_name (day), ==, "Riverside Day Services");
    g_assert_cmpstr (rp_taster_day_get_start_time (day), ==, rp_taster_day_get_start_time (as_staff));
    g_assert_cmpstr (rp_taster_day_get_end_time (day), ==, rp_taster_day_get_end_time (as_staff));
    g_assert_cmpint (rp_taster_day_get_places (day), ==, 8);
    g_assert_false (rp_taster_day_get_cancelled (day));
    g_assert_null (rp_taster_day_get_venue (day));
    g_assert_null (rp_taster_day_get_notes (day));
    g_assert_cmpstr (rp_taster_day_get_venue (as_staff), ==, "Ruth Bennett's garden");
  }
  one = rp_store_get_taster_day (reports, day_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_taster_day_get_date (one), ==, "2024-03-11");
  g_assert_null (rp_taster_day_get_notes (one));

  /* How full it is, counted alike: the declined booking takes nobody. */
  g_assert_true (rp_store_count_booked (staff, day_id, &staff_booked, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_count_booked (reports, day_id, &booked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (booked, ==, 1);
  g_assert_cmpuint (booked, ==, staff_booked);
  /* Still no booking itself: who is booked is personal. */
  g_assert_null (rp_store_list_bookings (reports, day_id, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Every export, newest first: its own named, others' not, and no file name or reason. */
  exports = rp_store_list_exports (reports, programme_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (exports);
  g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 2);
  {
    g_autoptr(RpExportRecord) mine = g_list_model_get_item (exports, 0);
    g_autoptr(RpExportRecord) other = g_list_model_get_item (exports, 1);
    g_autofree char *what = rp_export_record_describe (other);

    g_assert_cmpstr (rp_export_record_get_user (mine), ==, f->rita);
    g_assert_null (rp_export_record_get_file_name (mine));
    g_assert_cmpstr (rp_export_record_get_tables (mine), ==, "summary");
    g_assert_cmpstr (rp_export_record_get_as_of (mine), ==, "2024-03-04");
    g_assert_cmpstr (rp_export_record_get_kind (other), ==, "contact-log");
    g_assert_null (rp_export_record_get_user (other));
    g_assert_null (rp_export_record_get_file_name (other));
    g_assert_null (rp_export_record_get_reason (other));
    g_assert_cmpstr (what, ==, "CSV · contact log");
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(RpExportRecord) record = g_list_model_get_item (exports, i);

        assert_no_name (rp_export_record_get_user (record));
        assert_no_name (rp_export_record_get_recorded_at (record));
      }
  }

  /* Staff read the history as before: who, the file and why. */
  g_clear_object (&exports);
  exports = rp_store_list_exports (staff, programme_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RpExportRecord) other = g_list_model_get_item (exports, 1);

    g_assert_cmpstr (rp_export_record_get_user (other), ==, f->jo);
    g_assert_cmpstr (rp_export_record_get_file_name (other), ==, "Georgia Bennett.csv");
    g_assert_cmpstr (rp_export_record_get_reason (other), ==, "Asked by Ruth Bennett");
  }
}

static void
test_reports_confirms_not_a_name (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(RpStore) staff = NULL;
  g_autoptr(PGconn) admin = NULL;
  g_autoptr(GListModel) exports = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *where = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *by = NULL;
  g_autofree char *audited = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *found = NULL;
  gint64 programme_id;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A reports login tells the name check, from the command line, that a flagged word is not a name: "
                  "kept under its login and in the audit trail, and the report is exported");

  dir = rp_test_make_tmpdir ();
  staff = open_as (f, f->jo);
  programme_id = add_programme (staff);
  add_attendee_with_note (staff, programme_id, 1, "Georgia Grant", NULL);
  add_attendee_with_note (staff, programme_id, 2, "Sam Okafor", "Grant funding agreed.");
  where = location (f, f->rita);
  pdf = g_build_filename (dir, "report.pdf", NULL);

  /* Flagged: the message names the text and how to confirm, never the name. */
  {
    g_auto(RpCliResult) cli = { 0 };

    rp_test_run_cli (&cli, "report", "-d", where, "-o", pdf, NULL);
    g_assert_cmpint (cli.status, !=, 0);
    g_assert_nonnull (strstr (cli.err, "--confirm-not-a-name 2:"));
    g_assert_null (strstr (cli.err, "Georgia"));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }

  /* Confirmed: exported and recorded. */
  {
    g_auto(RpCliResult) cli = { 0 };
    g_autofree char *handle = NULL;
    g_autofree char *confirmation = NULL;
    const char *start;

    rp_test_run_cli (&cli, "report", "-d", where, "-o", pdf, NULL);
    start = strstr (cli.err, "--confirm-not-a-name ");
    g_assert_nonnull (start);
    start += strlen ("--confirm-not-a-name ");
    handle = g_strndup (start, strcspn (start, "="));
    confirmation = g_strdup_printf ("%s=Grant", handle);
    rp_test_cli_result_clear (&cli);

    rp_test_run_cli (&cli, "report", "-d", where, "-o", pdf, "--confirm-not-a-name", confirmation, NULL);
    if (cli.status != 0)
      g_error ("reprovision-cli report --confirm-not-a-name failed as a reports login: %s", cli.err);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }

  admin = rp_test_team_connect (f->team.database, NULL);
  by = rp_test_team_query_value (admin, "SELECT string_agg (confirmed_by || ' ' || word, ',') FROM reprovision.name_confirmation");
  {
    g_autofree char *expected = g_strdup_printf ("%s grant", f->rita);

    g_assert_cmpstr (by, ==, expected);
  }
  audited = rp_test_team_query_value (admin, "SELECT string_agg (DISTINCT \"user\", ',') FROM reprovision.audit"
                                             " WHERE table_name = 'name_confirmation' AND action = 'insert'");
  g_assert_cmpstr (audited, ==, f->rita);
  exports = rp_store_list_exports (staff, programme_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 1);

  /* It holds for everyone: staff's check passes on the same text, and the next export needs no confirmation. */
  csv = g_build_filename (dir, "staff.csv", NULL);
  g_free (build_report (staff, programme_id, csv, &found));
  g_assert_cmpstr (found, ==, "");
  {
    g_auto(RpCliResult) cli = { 0 };

    g_unlink (pdf);
    rp_test_run_cli (&cli, "report", "-d", where, "-o", pdf, NULL);
    if (cli.status != 0)
      g_error ("reprovision-cli report failed after the confirmation: %s", cli.err);
  }
  rp_test_remove_tree (dir);
}

/* Changes from others ---------------------------------------------------- */

typedef struct
{
  GPtrArray *tables;
} Heard;

static void
on_changed (RpStore    *store,
            const char *table,
            GArray     *ids,
            Heard      *heard)
{
  g_ptr_array_add (heard->tables, g_strdup (table));
}

static guint
count_heard (Heard      *heard,
             const char *table)
{
  guint n = 0;

  for (guint i = 0; i < heard->tables->len; i++)
    n += g_str_equal (g_ptr_array_index (heard->tables, i), table);
  return n;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @heard has a change of @table, or 5 seconds. */
static void
wait_for (Heard      *heard,
          const char *table)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (5, on_timeout, &timed_out);

  while (!timed_out && count_heard (heard, table) == 0)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
}

static void
test_changes_announced (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RpStore) mine = NULL;
  g_autoptr(RpStore) theirs = NULL;
  Heard heard_mine = { g_ptr_array_new_with_free_func (g_free) };
  Heard heard_theirs = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GError) error = NULL;
  gint64 programme_id;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A change saved by one person is announced on another's store within moments, and once on the saver's own");

  mine = open_as (f, f->jo);
  theirs = open_as (f, f->sam);
  programme_id = add_programme (mine);
  g_signal_connect (mine, "changed", G_CALLBACK (on_changed), &heard_mine);
  g_signal_connect (theirs, "changed", G_CALLBACK (on_changed), &heard_theirs);

  add_attendee (mine, programme_id, 1, "Georgia Bennett");
  /* The saver hears of its own change once, at the commit, before any main loop runs. */
  g_assert_cmpuint (count_heard (&heard_mine, "attendee"), ==, 1);

  wait_for (&heard_theirs, "attendee");
  g_assert_cmpuint (count_heard (&heard_theirs, "attendee"), ==, 1);

  /* Nothing more arrives for the saver: not its own change a second time. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_heard (&heard_mine, "attendee"), ==, 1);

  /* A rolled-back write is announced to nobody. */
  g_ptr_array_set_size (heard_theirs.tables, 0);
  g_assert_true (rp_store_begin (mine, &error));
  add_attendee (mine, programme_id, 2, "Harold Price");
  rp_store_rollback (mine);
  g_assert_false (rp_store_check_for_changes (theirs));
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (rp_store_check_for_changes (theirs));
  g_assert_cmpuint (heard_theirs.tables->len, ==, 0);

  g_signal_handlers_disconnect_by_data (mine, &heard_mine);
  g_signal_handlers_disconnect_by_data (theirs, &heard_theirs);
  g_ptr_array_unref (heard_mine.tables);
  g_ptr_array_unref (heard_theirs.tables);
}

static void
on_opened (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RpStore **store = user_data;
  g_autoptr(GError) error = NULL;

  *store = rp_store_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_changes_heard_when_opened_async (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(RpStore) mine = NULL;
  g_autoptr(RpStore) theirs = NULL;
  g_autofree char *where = NULL;
  Heard heard = { g_ptr_array_new_with_free_func (g_free) };
  gint64 programme_id;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A team database the app opens in a thread (so the window never freezes) still hears others' changes");

  where = location (f, f->sam);
  rp_store_open_async (where, RP_STORE_OPEN_DEFAULT, NULL, on_opened, &theirs);
  while (theirs == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (theirs, "changed", G_CALLBACK (on_changed), &heard);

  mine = open_as (f, f->jo);
  programme_id = add_programme (mine);
  add_attendee (mine, programme_id, 1, "Georgia Bennett");

  wait_for (&heard, "attendee");
  g_assert_cmpuint (count_heard (&heard, "attendee"), ==, 1);

  g_signal_handlers_disconnect_by_data (theirs, &heard);
  g_ptr_array_unref (heard.tables);
}

/* Conflicts ----------------------------------------------------------------- */

static void
their_edit (RpStore         *theirs,
            gint64           id,
            RpAttendeeField  field,
            const char      *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = rp_store_get_attendee (theirs, id, &error);
  gboolean ok;

  g_assert_no_error (error);
  rp_attendee_set_field (attendee, field, g_variant_new_string (value));
  ok = rp_store_save_attendee (theirs, attendee, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_same_field_conflict (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RpStore) mine = NULL;
  g_autoptr(RpStore) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) base = NULL;
  g_autoptr(RpAttendee) edited = NULL;
  g_autoptr(RpAttendee) after = NULL;
  g_autoptr(GArray) edits = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  RpFieldConflict *conflict;
  gint64 id;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Two people on two connections: a change to the same field is a conflict that keeps theirs; different fields merge");

  mine = open_as (f, f->jo);
  theirs = open_as (f, f->sam);
  id = add_attendee (mine, add_programme (mine), 7, "Georgia Bennett");
  base = rp_store_get_attendee (mine, id, &error);
  g_assert_no_error (error);

  their_edit (theirs, id, RP_ATTENDEE_FIELD_CONTACT_PHONE, "07700 900111");

  edited = rp_attendee_copy (base);
  rp_attendee_set_field (edited, RP_ATTENDEE_FIELD_CONTACT_PHONE, g_variant_new_string ("07700 900999"));
  rp_attendee_set_field (edited, RP_ATTENDEE_FIELD_CONTACT_NAME, g_variant_new_string ("Ruth Bennett-Okafor"));
  edits = rp_attendee_diff (base, edited);

  g_assert_false (rp_store_save_attendee_fields (mine, id, (RpFieldEdit *) edits->data, edits->len, &conflicts, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_CONFLICT);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->field, ==, RP_ATTENDEE_FIELD_CONTACT_PHONE);
  g_assert_cmpstr (g_variant_get_string (conflict->stored, NULL), ==, "07700 900111");
  g_assert_cmpstr (g_variant_get_string (conflict->mine, NULL), ==, "07700 900999");
  g_assert_cmpstr (conflict->changed_by, ==, f->sam);
  g_assert_true (g_str_has_suffix (conflict->changed_at, "Z"));
  g_clear_error (&error);

  /* Theirs is kept; my other field is saved. */
  after = rp_store_get_attendee (theirs, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_attendee_get_contact_phone (after), ==, "07700 900111");
  g_assert_cmpstr (rp_attendee_get_contact_name (after), ==, "Ruth Bennett-Okafor");
}

/* Who the audit trail says inserted step change @id. */
static char *
audited_inserter (Fixture *f,
                  gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT string_agg (DISTINCT \"user\", ',') FROM reprovision.audit"
                                          " WHERE table_name = 'step_change' AND record_id = %" G_GINT64_FORMAT
                                          " AND action = 'insert'", id);

  return rp_test_team_query_value (f->team.admin, sql);
}

static PGconn *
connect_as (Fixture    *f,
            const char *login)
{
  g_autofree char *conninfo = g_strdup_printf ("dbname=%s user=%s", f->team.database, login);
  PGconn *conn = PQconnectdb (conninfo);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  rp_test_team_exec_ok (conn, "SET search_path = reprovision");
  return conn;
}

static void
test_step_history_names_login (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RpStore) mine = NULL;
  g_autoptr(RpStore) theirs = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) sam = NULL;
  g_autoptr(PGresult) forged = NULL;
  g_autofree char *forged_by = NULL;
  const char *expected[] = { f->jo, f->sam, f->jo };
  gint64 georgia;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("On a team database the step history names the login that made each change, as the audit trail does, "
                  "whatever name the application was given");

  mine = open_as (f, f->jo);
  theirs = open_as (f, f->sam);
  rp_store_set_user (mine, "Jo in the app");
  rp_store_set_user (theirs, "Sam in the app");
  georgia = add_attendee (mine, add_programme (mine), 1, "Georgia Bennett");
  g_assert_true (rp_store_change_step (theirs, georgia, 2, "2024-02-10", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_change_step (mine, georgia, 3, "2024-03-01", NULL, &error));
  g_assert_no_error (error);

  history = rp_store_list_step_history (theirs, georgia, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RpStepChange) change = g_list_model_get_item (history, i);
      g_autofree char *audited = audited_inserter (f, rp_step_change_get_id (change));

      g_assert_cmpstr (rp_step_change_get_recorded_by (change), ==, expected[i]);
      g_assert_cmpstr (audited, ==, expected[i]);
    }

  /* A staff login writing the table itself cannot name someone else, nor rename later. */
  sam = connect_as (f, f->sam);
  {
    g_autofree char *insert = g_strdup_printf ("INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                                               " VALUES (%" G_GINT64_FORMAT ", 3, 4, '2024-03-02', 'Someone Else')"
                                               " RETURNING recorded_by", georgia);

    forged_by = rp_test_team_query_value (sam, insert);
    g_assert_cmpstr (forged_by, ==, f->sam);
  }
  forged = PQexec (sam, "UPDATE step_change SET recorded_by = 'Someone Else'");
  g_assert_cmpint (PQresultStatus (forged), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (forged, PG_DIAG_SQLSTATE), ==, "42501");
}

typedef struct
{
  Fixture *f;
  gint64   attendee;
  int      to_step;
  GError  *error;
} StepInThread;

/* A store lives in the thread that opened it. */
static gpointer
step_in_thread (gpointer data)
{
  StepInThread *stepping = data;
  g_autoptr(RpStore) store = open_as (stepping->f, stepping->f->jo);

  rp_store_change_step (store, stepping->attendee, stepping->to_step, "2024-03-02", NULL, &stepping->error);
  return NULL;
}

static void
test_step_change_from_stale_step (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(RpStore) mine = NULL;
  g_autoptr(PGconn) jo = NULL;
  g_autoptr(PGconn) sam = NULL;
  g_autoptr(PGresult) stale = NULL;
  g_autoptr(PGresult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_1 = NULL;
  g_autofree char *from_2 = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *history = NULL;
  gint64 georgia;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Two people moving the same attendee at the same moment on a team database: the second is "
                  "refused as a change made at the same moment, never recorded as made from a step no longer "
                  "current, as the file's one writer at a time ensures");

  mine = open_as (f, f->jo);
  georgia = add_attendee (mine, add_programme (mine), 1, "Georgia Bennett");
  g_assert_true (rp_store_change_step (mine, georgia, 2, "2024-02-10", NULL, &error));
  g_assert_no_error (error);

  /* Made from step 1, read before the change to 2 was saved. */
  sam = connect_as (f, f->sam);
  from_1 = g_strdup_printf ("INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                            " VALUES (%" G_GINT64_FORMAT ", 1, 2, '2024-02-11', '')", georgia);
  stale = PQexec (sam, from_1);
  g_assert_cmpint (PQresultStatus (stale), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (stale, PG_DIAG_SQLSTATE), ==, "40001");

  /* Both from step 2 at once: the second waits for the first, then is refused. */
  jo = connect_as (f, f->jo);
  from_2 = g_strdup_printf ("INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                            " VALUES (%" G_GINT64_FORMAT ", 2, 3, '2024-03-01', '')", georgia);
  rp_test_team_exec_ok (jo, "BEGIN");
  rp_test_team_exec_ok (jo, from_2);
  g_assert_true (PQsendQuery (sam, from_2));
  g_usleep (G_USEC_PER_SEC / 5);
  g_assert_true (PQconsumeInput (sam));
  g_assert_true (PQisBusy (sam));
  rp_test_team_exec_ok (jo, "COMMIT");
  second = PQgetResult (sam);
  g_assert_cmpint (PQresultStatus (second), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (second, PG_DIAG_SQLSTATE), ==, "40001");
  for (PGresult *rest; (rest = PQgetResult (sam)) != NULL;)
    PQclear (rest);

  steps = rp_test_team_query_value (f->team.admin, "SELECT string_agg (from_step || '>' || to_step, ',' ORDER BY id)"
                                                   " FROM reprovision.step_change");
  g_assert_cmpstr (steps, ==, "0>1,1>2,2>3");
  history = rp_test_team_query_value (f->team.admin, "SELECT step FROM reprovision.attendee");
  g_assert_cmpstr (history, ==, "3");

  /* Through the store, whose change waits for the other's COMMIT: said in
   * words, and nothing of it saved. */
  {
    g_autofree char *from_3 = g_strdup_printf ("INSERT INTO step_change (attendee_id, from_step, to_step, changed_on,"
                                               " recorded_by) VALUES (%" G_GINT64_FORMAT ", 3, 4, '2024-03-02', '')",
                                               georgia);
    StepInThread stepping = { f, georgia, 4 };
    GThread *thread;

    rp_test_team_exec_ok (sam, "BEGIN");
    rp_test_team_exec_ok (sam, from_3);
    thread = g_thread_new ("step", step_in_thread, &stepping);
    g_usleep (G_USEC_PER_SEC / 2);
    rp_test_team_exec_ok (sam, "COMMIT");
    g_thread_join (thread);
    g_assert_error (stepping.error, RP_ERROR, RP_ERROR_LOCKED);
    g_assert_nonnull (strstr (stepping.error->message, "at the same moment"));
    g_clear_error (&stepping.error);
  }
  g_free (steps);
  steps = rp_test_team_query_value (f->team.admin, "SELECT string_agg (from_step || '>' || to_step, ',' ORDER BY id)"
                                                   " FROM reprovision.step_change");
  g_assert_cmpstr (steps, ==, "0>1,1>2,2>3,3>4");
}

static void
test_name_words_follow_edits (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpAttendee) base = NULL;
  g_autoptr(RpAttendee) edited = NULL;
  g_autoptr(GArray) edits = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpWorker) worker = rp_worker_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stored = NULL;
  const char *ask = "SELECT string_agg (w, ',' ORDER BY w) FROM reprovision_report.rp_report_name_words"
                    " (ARRAY['bennett', 'okafor', 'obrien', 'siobhan', 'ruth']) AS w";
  gint64 id;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("The server's name check knows a name as soon as the store saves it, by the words the core folded: "
                  "it folds nothing itself");

  store = open_as (f, f->jo);
  id = add_attendee (store, add_programme (store), 3, "Georgia Bennett");
  before = rp_test_team_query_value (f->team.admin, ask);
  g_assert_cmpstr (before, ==, "bennett,ruth");

  /* One field at a time, as the attendee page saves. */
  base = rp_store_get_attendee (store, id, &error);
  g_assert_no_error (error);
  edited = rp_attendee_copy (base);
  rp_attendee_set_field (edited, RP_ATTENDEE_FIELD_CONTACT_NAME, g_variant_new_string ("Siobhán O\u2019Brien-Okafor"));
  edits = rp_attendee_diff (base, edited);
  g_assert_true (rp_store_save_attendee_fields (store, id, (RpFieldEdit *) edits->data, edits->len, &conflicts, &error));
  g_assert_no_error (error);
  rp_worker_set_name (worker, "Ruth Ap-Rhys");
  rp_worker_set_initials (worker, "RA");
  g_assert_true (rp_store_add_worker (store, worker, &error));
  g_assert_no_error (error);

  after = rp_test_team_query_value (f->team.admin, ask);
  g_assert_cmpstr (after, ==, "bennett,obrien,okafor,ruth,siobhan");
  stored = rp_test_team_query_value (f->team.admin, "SELECT name_words FROM reprovision.attendee WHERE number = 3");
  g_assert_cmpstr (stored, ==, "bennett georgia obrien okafor siobhan");
  /* The words are not in the audit trail: the names are. */
  g_free (stored);
  stored = rp_test_team_query_value (f->team.admin, "SELECT count(*)::text FROM reprovision.audit WHERE field = 'name_words'");
  g_assert_cmpstr (stored, ==, "0");
}

/* Names that the file's NOCASE and the server's ICU collation put in
 * different orders: accents, ’ and ', a zero-width joiner, case, particles. */
static const char * const awkward_names[] = {
  "O\u2019Brien", "van der Berg", "Zoë Zed", "Ó Briain", "Ma\u200Dry", "ÉMILE", "O'Brien", "Ní Bhriain",
  "Łukasz", "Van Der Berg", "emile", "ap Rhys", "Mary", "Lukas", "Siân",
};

/* The folded forms the names must come in (rp_name_sort_key ()): names that
 * fold alike sit together, whatever the locale does with the rest. */
static const char * const awkward_folded[] = {
  "aprhys", "emile", "emile", "lukas", "lukasz", "mary", "mary", "nibhriain", "obriain", "obrien", "obrien",
  "sian", "vanderberg", "vanderberg", "zoezed",
};

G_STATIC_ASSERT (G_N_ELEMENTS (awkward_names) == G_N_ELEMENTS (awkward_folded));

static void
settle_list (RpAttendeeList *list)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (rp_attendee_list_get_busy (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (rp_attendee_list_get_busy (list));
}

/* Fills @store with a worker, a provider, an attendee and a taster day for
 * each awkward name, and returns the four lists' names in the order the
 * core gives them, one line each. */
static char *
awkward_orders (RpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) orders = g_string_new (NULL);
  g_autoptr(GListModel) workers = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(RpAttendeeFilter) filter = rp_attendee_filter_new ();
  g_autoptr(RpAttendeeList) list = rp_attendee_list_new (filter);
  gint64 programme_id = add_programme (store);

  for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
    {
      g_autoptr(RpWorker) worker = rp_worker_new ();
      g_autoptr(RpProvider) provider = rp_provider_new ();
      g_autoptr(RpTasterDay) day = rp_taster_day_new ();

      rp_worker_set_name (worker, awkward_names[i]);
      rp_worker_set_initials (worker, "XX");
      g_assert_true (rp_store_add_worker (store, worker, &error));
      g_assert_no_error (error);
      rp_provider_set_name (provider, awkward_names[i]);
      g_assert_true (rp_store_add_provider (store, provider, &error));
      g_assert_no_error (error);
      add_attendee (store, programme_id, i + 1, awkward_names[i]);
      /* All on one day at one time: only the provider's name orders them. */
      rp_taster_day_set_programme_id (day, programme_id);
      rp_taster_day_set_provider_id (day, rp_provider_get_id (provider));
      rp_taster_day_set_date (day, "2024-04-02");
      rp_taster_day_set_start_time (day, "10:00");
      rp_taster_day_set_end_time (day, "12:00");
      g_assert_true (rp_store_add_taster_day (store, day, &error));
      g_assert_no_error (error);
    }

  workers = rp_store_list_workers (store, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);
      g_string_append_printf (orders, "%s%s", i > 0 ? " | " : "worker: ", rp_worker_get_name (worker));
    }
  providers = rp_store_list_providers (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(RpProvider) provider = g_list_model_get_item (providers, i);
      g_string_append_printf (orders, "%s%s", i > 0 ? " | " : "\nprovider: ", rp_provider_get_name (provider));
    }
  days = rp_store_list_taster_days (store, programme_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
      g_string_append_printf (orders, "%s%s", i > 0 ? " | " : "\ntaster day: ", rp_taster_day_get_provider_name (day));
    }

  rp_attendee_list_load (list, store, programme_id);
  settle_list (list);
  rp_attendee_list_set_sort (list, RP_ATTENDEE_SORT_NAME, FALSE);
  settle_list (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (awkward_names));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_string_append_printf (orders, "%s%s", i > 0 ? " | " : "\nattendee: ",
                            rp_attendee_get_full_name (rp_attendee_list_get_attendee (list, i)));

  return g_string_free (g_steal_pointer (&orders), FALSE);
}

static void
test_same_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RpStore) team = NULL;
  g_autoptr(RpStore) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *team_orders = NULL;
  g_autofree char *file_orders = NULL;
  g_auto(GStrv) lines = NULL;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Attendees, workers, providers and taster days with awkward names are listed in the same order "
                  "on a file and on a team database: the core orders them, not the database's collation");

  dir = rp_test_make_tmpdir ();
  path = g_build_filename (dir, "programme.db", NULL);
  file = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (file, "2024-03-04");
  team = open_as (f, f->jo);

  file_orders = awkward_orders (file);
  team_orders = awkward_orders (team);
  g_test_message ("on the file:\n%s", file_orders);
  g_assert_cmpstr (team_orders, ==, file_orders);

  /* And the order is the rule's: by folded name, so O'Brien and O’Brien
   * sit together, Ó Briain beside them, "van der Berg" under V. */
  lines = g_strsplit (file_orders, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) names = g_strsplit (strchr (lines[l], ':') + 2, " | ", -1);

      g_assert_cmpuint (g_strv_length (names), ==, G_N_ELEMENTS (awkward_folded));
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *folded = rp_name_index_fold (names[i], -1);
          g_assert_cmpstr (folded, ==, awkward_folded[i]);
        }
    }
}

static void
test_file_only_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("What works on a file only says so on a team database");

  store = open_as (f, f->jo);
  g_assert_false (rp_store_vacuum (store, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "database file only"));
  g_clear_error (&error);
  g_assert_true (rp_store_check_file (store, NULL));
  rp_store_renew_locks (store);

  /* Backups, restores and checks take the location too, and say the same. */
  {
    g_autofree char *where = location (f, f->jo);
    g_autoptr(GListModel) backups = rp_backup_list (where, &error);
    guint n_repaired = 0;

    g_assert_null (backups);
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (rp_check_database (where, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (rp_backup_restore (where, "/nowhere/backup.db", NULL, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (rp_store_repair_protection (where, &n_repaired, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  }
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(RpStore) store = NULL;
  g_autofree char *where = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *step = NULL;
  static const char * const file_only[] = { "backup", "restore", "check" };

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("reprovision-cli works on a team database given as --database, and says which commands are for files only");

  store = open_as (f, f->jo);
  add_attendee (store, add_programme (store), 4, "Georgia Bennett");
  where = location (f, f->jo);

  out = rp_test_cli_output (0, NULL, "attendees", "--database", where, NULL);
  g_assert_nonnull (strstr (out, "Still attending"));

  g_free (rp_test_cli_output (0, NULL, "step", "--database", where, "--attendee", "4", "--to", "2", NULL));
  step = rp_test_team_query_value (f->team.admin, "SELECT step::text FROM reprovision.attendee WHERE number = 4");
  g_assert_cmpstr (step, ==, "2");

  for (guint i = 0; i < G_N_ELEMENTS (file_only); i++)
    {
      g_autofree char *refused = NULL;

      g_clear_pointer (&err, g_free);
      refused = g_str_equal (file_only[i], "restore")
                ? rp_test_cli_output (1, &err, file_only[i], "--database", where, "--from", "x.db", NULL)
                : rp_test_cli_output (1, &err, file_only[i], "--database", where, NULL);
      g_assert_nonnull (strstr (err, "works on a database file only"));
    }
}

static void
test_needs_password (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *where = NULL;
  g_autofree char *with_password = NULL;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A server that asks for a password the location did not give says so, and the same location with the password opens");

  /* The test cluster asks this one role for a password. */
  rp_test_team_exec_ok (f->team.admin, "DROP ROLE IF EXISTS reprovision_test_password");
  sql = g_strdup_printf ("CREATE ROLE reprovision_test_password LOGIN PASSWORD 'it''s right' IN ROLE %sstaff", f->team.prefix);
  rp_test_team_exec_ok (f->team.admin, sql);

  where = g_strdup_printf ("dbname=%s user=reprovision_test_password", f->team.database);
  store = rp_store_open (where, RP_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    {
      g_clear_object (&store);
      rp_test_team_exec_ok (f->team.admin, "DROP ROLE reprovision_test_password");
      g_test_skip ("this server does not ask reprovision_test_password for a password");
      return;
    }
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);

  with_password = rp_team_conninfo_with_password (where, "it's right");
  store = rp_store_open (with_password, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_store_get_login (store), ==, "reprovision_test_password");
  g_clear_object (&store);
  rp_test_team_exec_ok (f->team.admin, "DROP ROLE reprovision_test_password");
}

static void
test_erasure (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) gone = NULL;
  g_autofree char *names = NULL;
  guint n_backups = 1;
  gint64 georgia;
  gboolean ok;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Erasing an attendee on a team database removes them and what the audit trail held of them; no backup here is touched");

  store = open_as (f, f->jo);
  georgia = add_attendee (store, add_programme (store), 1, "Georgia Bennett");

  ok = rp_erasure_erase_attendee (store, georgia, RP_ERASURE_DEFAULT, &n_backups, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (n_backups, ==, 0);

  gone = rp_store_get_attendee (store, georgia, &error);
  g_assert_null (gone);
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  names = rp_test_team_query_value (f->team.admin, "SELECT count(*) FROM reprovision.audit WHERE new_value = 'Georgia Bennett' OR old_value = 'Georgia Bennett'");
  g_assert_cmpstr (names, ==, "0");
}

static void
test_connection_lost (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autofree char *sql = NULL;
  g_autofree char *count = NULL;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A connection the server dropped is reported in plain words, and the change is not taken for saved");

  store = open_as (f, f->jo);
  sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE usename = '%s'", f->jo);
  rp_test_team_exec_ok (f->team.admin, sql);

  rp_programme_set_name (programme, "Riverside Day Centre");
  g_assert_false (rp_store_add_programme (store, programme, &error));
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "connection to the team database was lost"));
  g_assert_cmpint (rp_programme_get_id (programme), ==, 0);

  count = rp_test_team_query_value (f->team.admin, "SELECT count(*) FROM reprovision.programme");
  g_assert_cmpstr (count, ==, "0");
}

static char *
count_backends (Fixture    *f,
                const char *login)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pg_stat_activity WHERE usename = '%s'", login);

  return rp_test_team_query_value (f->team.admin, sql);
}

static void
test_snapshot_kept (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpStore) kept = NULL;
  g_autoptr(RpStore) read = NULL;
  g_autoptr(RpStoreSnapshot) snapshot = NULL;
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *today = NULL;
  RpStore *first;
  RpStore *dropped;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A thread that reads again and again keeps its one connection, and makes a new one once the server dropped it");

  store = open_as (f, f->jo);
  add_programme (store);
  snapshot = rp_store_snapshot_new (store);

  read = rp_store_snapshot_open_kept (snapshot, &kept, &error);
  g_assert_no_error (error);
  g_assert_true (read == kept);
  g_assert_true (rp_store_is_read_only (read));
  today = rp_store_dup_today (read);
  g_assert_cmpstr (today, ==, "2024-03-04");
  first = kept;
  g_clear_object (&read);
  {
    g_autofree char *n = count_backends (f, f->jo);

    g_assert_cmpstr (n, ==, "2");
  }

  /* Read again: the same connection, no new server process. */
  read = rp_store_snapshot_open_kept (snapshot, &kept, &error);
  g_assert_no_error (error);
  g_assert_true (read == first);
  programmes = rp_store_list_programmes (read, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
  g_clear_object (&read);
  g_clear_object (&programmes);
  {
    g_autofree char *n = count_backends (f, f->jo);

    g_assert_cmpstr (n, ==, "2");
  }

  /* The server drops it while it waits: the next read is on a new one. */
  sql = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE usename = '%s'", f->jo);
  rp_test_team_exec_ok (f->team.admin, sql);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *left = count_backends (f, f->jo);

      if (g_str_equal (left, "0"))
        break;
      g_usleep (50000);
    }
  dropped = kept;
  g_object_add_weak_pointer (G_OBJECT (kept), (gpointer *) &dropped);
  read = rp_store_snapshot_open_kept (snapshot, &kept, &error);
  g_assert_no_error (error);
  g_assert_null (dropped);
  g_assert_true (read == kept);
  programmes = rp_store_list_programmes (read, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/team-store/location/kinds", test_location_kinds);
  g_test_add_func ("/team-store/open/unreachable", test_unreachable);
  g_test_add ("/team-store/open/not-set-up", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_not_set_up, fixture_tear_down);
  g_test_add ("/team-store/open/newer-version", Fixture, NULL, fixture_set_up, test_newer_version, fixture_tear_down);
  g_test_add ("/team-store/staff/programme", Fixture, NULL, fixture_set_up, test_staff_programme, fixture_tear_down);
  g_test_add ("/team-store/reports/no-names", Fixture, NULL, fixture_set_up, test_reports_role, fixture_tear_down);
  g_test_add ("/team-store/reports/builds-report", Fixture, NULL, fixture_set_up, test_reports_builds_report, fixture_tear_down);
  g_test_add ("/team-store/reports/reports-area", Fixture, NULL, fixture_set_up, test_reports_area, fixture_tear_down);
  g_test_add ("/team-store/reports/confirms-not-a-name", Fixture, NULL, fixture_set_up, test_reports_confirms_not_a_name,
              fixture_tear_down);
  g_test_add ("/team-store/changes/announced", Fixture, NULL, fixture_set_up, test_changes_announced, fixture_tear_down);
  g_test_add ("/team-store/changes/heard-when-opened-in-a-thread", Fixture, NULL, fixture_set_up,
              test_changes_heard_when_opened_async, fixture_tear_down);
  g_test_add ("/team-store/save/same-field-conflict", Fixture, NULL, fixture_set_up, test_same_field_conflict, fixture_tear_down);
  g_test_add ("/team-store/cli/team-database", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/team-store/open/needs-password", Fixture, NULL, fixture_set_up, test_needs_password, fixture_tear_down);
  g_test_add ("/team-store/erasure/on-the-server", Fixture, NULL, fixture_set_up, test_erasure, fixture_tear_down);
  g_test_add ("/team-store/faults/connection-lost", Fixture, NULL, fixture_set_up, test_connection_lost, fixture_tear_down);
  g_test_add ("/team-store/history/names-the-login", Fixture, NULL, fixture_set_up, test_step_history_names_login,
              fixture_tear_down);
  g_test_add ("/team-store/history/stale-step-refused", Fixture, NULL, fixture_set_up, test_step_change_from_stale_step,
              fixture_tear_down);
  g_test_add ("/team-store/reports/name-words-follow-edits", Fixture, NULL, fixture_set_up, test_name_words_follow_edits,
              fixture_tear_down);
  g_test_add ("/team-store/order/same-on-both", Fixture, NULL, fixture_set_up, test_same_order, fixture_tear_down);
  g_test_add ("/team-store/snapshot/kept", Fixture, NULL, fixture_set_up, test_snapshot_kept, fixture_tear_down);
  g_test_add ("/team-store/file-only/refused", Fixture, NULL, fixture_set_up, test_file_only_refused, fixture_tear_down);

  return g_test_run ();
}
