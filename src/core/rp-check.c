/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-check.c: a database's health, in plain words */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "rp-check.h"
#include "rp-date.h"
#include "rp-error.h"
#include "rp-database-file-private.h"
#include "rp-error-private.h"
#include "rp-store.h"
#include "rp-store-private.h"

/* At most this many details per check: a damaged file can list thousands. */
#define MAX_PROBLEMS 20

static void
finding_free (gpointer data)
{
  RpCheckFinding *finding = data;

  g_free (finding->passed);
  g_free (finding->failed);
  g_ptr_array_unref (finding->problems);
  g_free (finding);
}

static RpCheckFinding *
finding_new (GPtrArray  *findings,
             const char *passed,
             const char *failed)
{
  RpCheckFinding *finding = g_new0 (RpCheckFinding, 1);

  finding->passed = g_strdup (passed);
  finding->failed = g_strdup (failed);
  finding->problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (findings, finding);

  return finding;
}

static void
add_problem (RpCheckFinding *finding,
             char           *problem)
{
  if (finding->problems->len < MAX_PROBLEMS)
    g_ptr_array_add (finding->problems, problem);
  else
    g_free (problem);
}

/* Runs @sql; a query SQLite cannot run is itself a problem of the file. */
static sqlite3_stmt *
prepare (sqlite3        *db,
         const char     *sql,
         RpCheckFinding *finding)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      add_problem (finding, g_strdup_printf (_("The check could not be run: %s."), sqlite3_errmsg (db)));
      return NULL;
    }

  return stmt;
}

static void
finish (sqlite3        *db,
        sqlite3_stmt   *stmt,
        int             rc,
        RpCheckFinding *finding)
{
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    add_problem (finding, g_strdup_printf (_("The check stopped part-way: %s."), sqlite3_errmsg (db)));
  sqlite3_finalize (stmt);
}

static void
check_integrity (sqlite3   *db,
                 GPtrArray *findings)
{
  RpCheckFinding *finding = finding_new (findings,
                                         _("The file is whole: SQLite’s integrity check passed."),
                                         _("The file is damaged. Restore a backup, or ask your IT service for help; do not keep working in it."));
  sqlite3_stmt *stmt = prepare (db, "PRAGMA integrity_check (" G_STRINGIFY (MAX_PROBLEMS) ")", finding);
  int rc = SQLITE_DONE;

  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        add_problem (finding, g_strdup_printf (_("SQLite reports: %s"), line));
    }
  finish (db, stmt, rc, finding);
}

/* What a table's rows are called heading a sentence, and one of them within it. */
static const struct
{
  const char *table;
  const char *rows;
  const char *one;
} table_words[] = {
  { "attendee", N_("Attendees"), N_("an attendee") },
  { "booking", N_("Bookings"), N_("a booking") },
  { "step_change", N_("Step history"), N_("a step history entry") },
  { "taster_day", N_("Taster days"), N_("a taster day") },
  { "timetable_action", N_("Timetable"), N_("a timetable action") },
  { "timetable_action_taster_day", N_("Timetable actions’ taster days"), N_("a timetable action’s taster day") },
  { "programme", N_("Programmes"), N_("a programme") },
  { "worker", N_("Workers"), N_("a worker") },
  { "provider", N_("Providers"), N_("a provider") },
};

static const char *
describe_table (const char *table,
                gboolean    one)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_words); i++)
    if (g_strcmp0 (table, table_words[i].table) == 0)
      return _(one ? table_words[i].one : table_words[i].rows);

  return table;
}

static void
check_references (sqlite3   *db,
                  GPtrArray *findings)
{
  RpCheckFinding *finding = finding_new (findings,
                                         _("Every record refers only to records that exist."),
                                         _("Some records refer to records that do not exist."));
  sqlite3_stmt *stmt = prepare (db,
                                "SELECT \"table\", parent, count(*) FROM pragma_foreign_key_check"
                                " GROUP BY \"table\", parent ORDER BY \"table\", parent",
                                finding);
  int rc = SQLITE_DONE;

  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *parent = (const char *) sqlite3_column_text (stmt, 1);
      int count = sqlite3_column_int (stmt, 2);

      /* Translators: "Bookings: 3 refer to a taster day that does not exist." */
      add_problem (finding, g_strdup_printf (ngettext ("%s: %d refers to %s that does not exist.",
                                                       "%s: %d refer to %s that does not exist.", count),
                                             describe_table (table, FALSE), count, describe_table (parent, TRUE)));
    }
  finish (db, stmt, rc, finding);
}

/* Since version 4 the date of the current step is kept beside it too. */
#define STEP_SINCE_VERSION 4

static void
check_steps (sqlite3   *db,
             int        version,
             GPtrArray *findings)
{
  RpCheckFinding *finding = finding_new (findings,
                                         _("Every attendee’s current step agrees with their step history."),
                                         _("Some attendees’ current step does not agree with their step history."));
  gboolean has_since = version >= STEP_SINCE_VERSION;
  g_autofree char *sql = g_strdup_printf ("SELECT p.name, a.number, a.step, h.to_step, %s, h.changed_on"
                                          " FROM attendee a JOIN programme p ON p.id = a.programme_id"
                                          " LEFT JOIN step_change h ON h.id = (SELECT id FROM step_change"
                                          "   WHERE attendee_id = a.id ORDER BY changed_on DESC, id DESC LIMIT 1)"
                                          " WHERE h.to_step IS NOT a.step%s"
                                          " ORDER BY p.id, a.number",
                                          has_since ? "a.step_since" : "h.changed_on",
                                          has_since ? " OR h.changed_on IS NOT a.step_since" : "");
  sqlite3_stmt *stmt = prepare (db, sql, finding);
  int rc = SQLITE_DONE;

  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *programme = (const char *) sqlite3_column_text (stmt, 0);
      int number = sqlite3_column_int (stmt, 1);
      int step = sqlite3_column_int (stmt, 2);
      g_autofree char *since = rp_date_format_short ((const char *) sqlite3_column_text (stmt, 4));
      g_autofree char *changed_on = rp_date_format_short ((const char *) sqlite3_column_text (stmt, 5));

      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        add_problem (finding, g_strdup_printf (_("%s, attendee %d: at step %d, but there is no step history."),
                                               programme, number, step));
      else if (sqlite3_column_int (stmt, 3) != step)
        add_problem (finding, g_strdup_printf (_("%s, attendee %d: at step %d, but the step history ends at step %d."),
                                               programme, number, step, sqlite3_column_int (stmt, 3)));
      else
        add_problem (finding, g_strdup_printf (_("%s, attendee %d: at step %d since %s, but the step history says since %s."),
                                               programme, number, step,
                                               since != NULL ? since : _("an unknown date"),
                                               changed_on != NULL ? changed_on : _("an unknown date")));
    }
  finish (db, stmt, rc, finding);
}

static void
check_bookings (sqlite3   *db,
                GPtrArray *findings)
{
  RpCheckFinding *finding = finding_new (findings,
                                         _("Every booking is for a taster day that exists, in the attendee’s own programme."),
                                         _("Some bookings are for taster days that do not exist or belong to another programme."));
  sqlite3_stmt *stmt = prepare (db,
                                "SELECT p.name, a.number, b.taster_day_id, d.id IS NULL"
                                " FROM booking b JOIN attendee a ON a.id = b.attendee_id"
                                " JOIN programme p ON p.id = a.programme_id"
                                " LEFT JOIN taster_day d ON d.id = b.taster_day_id"
                                " WHERE d.id IS NULL OR d.programme_id IS NOT a.programme_id"
                                " ORDER BY p.id, a.number",
                                finding);
  int rc = SQLITE_DONE;

  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *programme = (const char *) sqlite3_column_text (stmt, 0);
      int number = sqlite3_column_int (stmt, 1);

      if (sqlite3_column_int (stmt, 3))
        add_problem (finding, g_strdup_printf (_("%s, attendee %d: booked on a taster day that does not exist."),
                                               programme, number));
      else
        add_problem (finding, g_strdup_printf (_("%s, attendee %d: booked on a taster day of another programme."),
                                               programme, number));
    }
  finish (db, stmt, rc, finding);
}

/* The safeguards in plain words: what nobody can rely on while one is missing. */
static char *
describe_trigger_problem (const RpTriggerProblem *problem)
{
  g_autofree char *what = NULL;

  if (problem->damage == RP_TRIGGER_UNKNOWN)
    return g_strdup_printf (_("The file holds a trigger Reprovision did not make, “%s”, which could change or hide records."),
                            problem->name);

  if (g_str_equal (problem->name, "audit_no_update"))
    what = g_strdup (_("nothing stops the audit trail being edited"));
  else if (g_str_equal (problem->name, "audit_no_delete"))
    what = g_strdup (_("nothing stops entries being deleted from the audit trail"));
  else if (g_str_has_prefix (problem->name, "audit_"))
    /* Translators: "changes to Attendees are not recorded in the audit trail" */
    what = g_strdup_printf (_("changes to %s are not recorded in the audit trail"), describe_table (problem->table, FALSE));
  else
    what = g_strdup (_("nothing keeps attendees’ current step in line with their step history"));

  if (problem->damage == RP_TRIGGER_MISSING)
    /* Translators: "The safeguard “audit_no_update” is missing: nothing stops the audit trail being edited." */
    return g_strdup_printf (_("The safeguard “%s” is missing: %s."), problem->name, what);

  return g_strdup_printf (_("The safeguard “%s” has been changed: it may no longer work, and then %s."), problem->name, what);
}

static void
check_protection (sqlite3   *db,
                  int        version,
                  GPtrArray *findings)
{
  RpCheckFinding *finding;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* An older file is brought up to date, safeguards and all, when it is next opened. */
  if (version != RP_STORE_SCHEMA_VERSION)
    return;

  finding = finding_new (findings,
                         _("The audit trail and the step history are protected against changes made outside Reprovision."),
                         _("The safeguards that protect the audit trail and the step history are damaged. "
                           "Reprovision will not change this file until they are repaired with “reprovision-cli check --repair” "
                           "or Repair in the app; the repair is recorded in the audit trail."));

  if (!(problems = rp_store_list_trigger_problems (db, &error)))
    {
      add_problem (finding, g_strdup_printf (_("The check could not be run: %s"), error->message));
      return;
    }

  for (guint i = 0; i < problems->len; i++)
    add_problem (finding, describe_trigger_problem (g_ptr_array_index (problems, i)));
}

/**
 * rp_check_database:
 * @path: a database file
 * @error: why the file could not be checked at all (missing, not a database, newer)
 *
 * Reads the file without changing it: SQLite's integrity and foreign-key
 * checks, then Reprovision's own rules (the current step agrees with the step
 * history; bookings are for existing days of the same programme; the
 * triggers that protect the audit trail and the step history are in place).
 *
 * Returns: (transfer full) (element-type RpCheckFinding): the findings, in order
 */
GPtrArray *
rp_check_database (const char  *path,
                   GError     **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int application_id = 0;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rp_database_file_refuse_team (path, error))
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist."), path);
      return NULL;
    }

  /* A check changes nothing, not even the files beside the database. */
  if (!(db = rp_store_open_sqlite_read_only (path, TRUE, error)))
    return NULL;

  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id),"
                               " (SELECT user_version FROM pragma_user_version)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      application_id = sqlite3_column_int (stmt, 0);
      version = sqlite3_column_int (stmt, 1);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    {
      int code = db != NULL ? sqlite3_extended_errcode (db) : rc;

      /* A damaged header can still be checked; anything else cannot. */
      if ((code & 0xff) != SQLITE_CORRUPT)
        {
          rp_error_set_from_sqlite (error, code, db != NULL ? sqlite3_errmsg (db) : "");
          sqlite3_finalize (stmt);
          sqlite3_close_v2 (db);
          return NULL;
        }
      application_id = RP_STORE_APPLICATION_ID;
    }
  sqlite3_finalize (stmt);

  if (application_id != RP_STORE_APPLICATION_ID)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                   _("“%s” is not a Reprovision database."), path);
      sqlite3_close_v2 (db);
      return NULL;
    }
  if (version > RP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NEWER_VERSION,
                   _("This database was saved by a newer version of Reprovision, which can check it."));
      sqlite3_close_v2 (db);
      return NULL;
    }

  findings = g_ptr_array_new_with_free_func (finding_free);
  check_integrity (db, findings);
  check_references (db, findings);
  check_steps (db, version, findings);
  check_bookings (db, findings);
  check_protection (db, version, findings);
  sqlite3_close_v2 (db);

  return g_steal_pointer (&findings);
}

gboolean
rp_check_passed (GPtrArray *findings)
{
  g_return_val_if_fail (findings != NULL, FALSE);

  for (guint i = 0; i < findings->len; i++)
    {
      RpCheckFinding *finding = g_ptr_array_index (findings, i);

      if (finding->problems->len > 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * rp_check_quick:
 * @path: a database file
 * @error: %RP_ERROR_CORRUPT when the file is damaged
 *
 * SQLite's quick check, on a connection of its own so it can run in a thread
 * while the app is in use. A damaged page is otherwise only found when it is
 * read, and a damaged table can look like an empty one.
 *
 * Returns: %TRUE if the file is whole
 */
gboolean
rp_check_quick (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean whole = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rp_database_file_refuse_team (path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      whole = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_OK)
    rp_error_set_from_sqlite (error, db != NULL ? sqlite3_extended_errcode (db) : rc,
                              db != NULL ? sqlite3_errmsg (db) : "");
  else if (!whole)
    g_set_error_literal (error, RP_ERROR, RP_ERROR_CORRUPT,
                         _("The database file is damaged. Open one of its backups instead."));

  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);

  return rc == SQLITE_OK && whole;
}
