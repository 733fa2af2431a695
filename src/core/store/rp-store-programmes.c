/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-programmes.c: programmes and their counts */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-store-internal.h"

#define PROGRAMME_COLUMNS "id, name, closure_date, report_title, department, author, meeting, meeting_date," \
                          " report_as_of, marking, family_contact, family_contact_phone, follow_up_weeks, contact_due_days"
/* A reports login on a team database reads the front matter only
 * (reprovision_report.programme): the family contact is not in it, and the
 * contact rule is not the report's, so it reads as the default. */
#define PROGRAMME_REPORT_COLUMNS "id, name, closure_date, report_title, department, author, meeting, meeting_date," \
                                 " report_as_of, marking, NULL, NULL, follow_up_weeks, 14"

static gboolean
reads_front_matter_only (RpStore *self)
{
  return rp_store_get_team_role (self) == RP_TEAM_ROLE_REPORTS;
}

static RpProgramme *
programme_from_row (RpStmt *stmt)
{
  RpProgramme *programme = rp_programme_new ();

  rp_programme_set_id (programme, rp_stmt_column_int64 (stmt, 0));
  rp_programme_set_name (programme, column_text (stmt, 1));
  rp_programme_set_closure_date (programme, column_text (stmt, 2));
  rp_programme_set_report_title (programme, column_text (stmt, 3));
  rp_programme_set_department (programme, column_text (stmt, 4));
  rp_programme_set_author (programme, column_text (stmt, 5));
  rp_programme_set_meeting (programme, column_text (stmt, 6));
  rp_programme_set_meeting_date (programme, column_text (stmt, 7));
  rp_programme_set_report_as_of (programme, column_text (stmt, 8));
  rp_programme_set_marking (programme, column_text (stmt, 9));
  rp_programme_set_family_contact (programme, column_text (stmt, 10));
  rp_programme_set_family_contact_phone (programme, column_text (stmt, 11));
  rp_programme_set_follow_up_weeks (programme, rp_stmt_column_int (stmt, 12));
  rp_programme_set_contact_due_days (programme, rp_stmt_column_int (stmt, 13));
  return programme;
}

/**
 * rp_store_list_programmes:
 * Returns: (transfer full): a #GListModel of #RpProgramme, oldest first
 */
GListModel *
rp_store_list_programmes (RpStore  *self,
                          GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!(stmt = store_prepare (self,
                              reads_front_matter_only (self)
                              ? "SELECT " PROGRAMME_REPORT_COLUMNS " FROM programme ORDER BY id"
                              : "SELECT " PROGRAMME_COLUMNS " FROM programme ORDER BY id",
                              error)))
    return NULL;

  return collect_rows (self, stmt, RP_TYPE_PROGRAMME, (RowFunc) programme_from_row, error);
}

RpProgramme *
rp_store_get_programme (RpStore  *self,
                        gint64    programme_id,
                        GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!(stmt = store_prepare (self,
                              reads_front_matter_only (self)
                              ? "SELECT " PROGRAMME_REPORT_COLUMNS " FROM programme WHERE id = ?"
                              : "SELECT " PROGRAMME_COLUMNS " FROM programme WHERE id = ?",
                              error)))
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  return collect_one (self, stmt, (RowFunc) programme_from_row,
                      _("The programme no longer exists."), error);
}

static gboolean
write_programme (RpStore  *self,
                 gpointer  data,
                 GError  **error)
{
  RpProgramme *programme = data;
  gint64 id = rp_programme_get_id (programme);
  RpStmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO programme (name, closure_date, report_title, department, author, meeting,"
                          " meeting_date, report_as_of, marking, family_contact, family_contact_phone, follow_up_weeks,"
                          " contact_due_days, id, contact_log_since)"
                          /* The contact log starts with the programme (see the 12 → 13 migration). */
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, rp_today ())"
                        : "UPDATE programme SET name = ?, closure_date = ?, report_title = ?, department = ?, author = ?,"
                          " meeting = ?, meeting_date = ?, report_as_of = ?, marking = ?, family_contact = ?,"
                          " family_contact_phone = ?, follow_up_weeks = ?, contact_due_days = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, rp_programme_get_name (programme));
  bind_text (stmt, 2, rp_programme_get_closure_date (programme));
  bind_text (stmt, 3, rp_programme_get_report_title (programme));
  bind_text (stmt, 4, rp_programme_get_department (programme));
  bind_text (stmt, 5, rp_programme_get_author (programme));
  bind_text (stmt, 6, rp_programme_get_meeting (programme));
  bind_text (stmt, 7, rp_programme_get_meeting_date (programme));
  bind_text (stmt, 8, rp_programme_get_report_as_of (programme));
  bind_text (stmt, 9, rp_programme_get_marking (programme));
  bind_text (stmt, 10, rp_programme_get_family_contact (programme));
  bind_text (stmt, 11, rp_programme_get_family_contact_phone (programme));
  rp_stmt_bind_int (stmt, 12, rp_programme_get_follow_up_weeks (programme));
  rp_stmt_bind_int (stmt, 13, rp_programme_get_contact_due_days (programme));
  if (id != 0)
    rp_stmt_bind_int64 (stmt, 14, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_programme_set_id (programme, store_last_insert_id (self));
  else if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The programme no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_add_programme (RpStore      *self,
                        RpProgramme  *programme,
                        GError      **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (rp_programme_get_id (programme) == 0, FALSE);

  return store_add (self, programme, (StoreValidateFunc) rp_programme_validate, write_programme,
                    (StoreSetIdFunc) rp_programme_set_id, error);
}

gboolean
rp_store_save_programme (RpStore      *self,
                         RpProgramme  *programme,
                         GError      **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (rp_programme_get_id (programme) > 0, FALSE);

  if (!rp_programme_validate (programme, error))
    return FALSE;

  return store_write (self, write_programme, programme, error);
}

/**
 * rp_store_get_counts:
 * @counts: (out caller-allocates): the figures
 *
 * Counts the attendees, workers, providers, taster days and timetable actions
 * of a programme, as the overview pages and the CLI show them.
 */
gboolean
rp_store_get_counts (RpStore            *self,
                     gint64              programme_id,
                     RpProgrammeCounts  *counts,
                     GError            **error)
{
  g_autofree char *today = NULL;
  RpStmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  today = rp_store_dup_today (self);

  stmt = store_prepare (self,
                        "SELECT outcome, step, funding, worker_id IS NULL, count(*) FROM attendee"
                        " WHERE programme_id = ? GROUP BY 1, 2, 3, 4",
                        error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      RpOutcome outcome = RP_OUTCOME_ATTENDING;
      int step = rp_stmt_column_int (stmt, 1);
      guint n = rp_stmt_column_int (stmt, 4);

      rp_outcome_from_string (column_text (stmt, 0), &outcome);
      counts->attendees += n;

      switch (outcome)
        {
        case RP_OUTCOME_MOVED:
          counts->moved += n;
          break;

        case RP_OUTCOME_LEFT:
          counts->left += n;
          break;

        case RP_OUTCOME_ATTENDING:
        default:
          counts->attending += n;
          if (rp_moving_plan_step_valid (step))
            counts->at_step[step] += n;
          if (g_strcmp0 (column_text (stmt, 2), "health") == 0)
            counts->health += n;
          if (rp_stmt_column_int (stmt, 3))
            counts->no_worker += n;
          break;
        }
    }
  rp_stmt_reset (stmt);
  if (rc != RP_STMT_DONE)
    return set_error_from_db (self, error);

  return count_query (self, "SELECT count(*) FROM worker WHERE active",
                      programme_id, NULL, &counts->workers, error) &&
         count_query (self, "SELECT count(*) FROM provider",
                      programme_id, NULL, &counts->providers, error) &&
         count_query (self, "SELECT count(*) FROM taster_day WHERE programme_id = ? AND NOT cancelled",
                      programme_id, NULL, &counts->taster_days, error) &&
         count_query (self,
                      "SELECT count(*) FROM taster_day WHERE programme_id = ? AND NOT cancelled"
                      " AND (day IS NULL OR day >= ?)",
                      programme_id, today, &counts->taster_days_upcoming, error) &&
         count_query (self,
                      "SELECT count(*) FROM booking b JOIN taster_day t ON t.id = b.taster_day_id"
                      " WHERE t.programme_id = ? AND b.status != 'cancelled'",
                      programme_id, NULL, &counts->bookings, error) &&
         count_query (self, "SELECT count(*) FROM timetable_action WHERE programme_id = ?",
                      programme_id, NULL, &counts->actions, error) &&
         count_query (self,
                      "SELECT count(*) FROM timetable_action WHERE programme_id = ? AND status = 'completed'",
                      programme_id, NULL, &counts->actions_completed, error) &&
         count_query (self,
                      "SELECT count(*) FROM timetable_action WHERE programme_id = ?"
                      " AND status != 'completed' AND due_date < ?",
                      programme_id, today, &counts->actions_overdue, error);
}

typedef struct
{
  gint64      programme_id;
  const char *since;
} LogSince;

static gboolean
write_contact_log_since (RpStore  *self,
                         gpointer  data,
                         GError  **error)
{
  LogSince *change = data;
  RpStmt *stmt;

  if (!(stmt = store_prepare (self, "UPDATE programme SET contact_log_since = ? WHERE id = ?", error)))
    return FALSE;
  bind_text (stmt, 1, change->since);
  rp_stmt_bind_int64 (stmt, 2, change->programme_id);
  return step_done (self, stmt, error);
}

gboolean
rp_store_set_contact_log_since (RpStore     *self,
                                gint64       programme_id,
                                const char  *since,
                                GError     **error)
{
  LogSince change = { programme_id, since };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (since != NULL && rp_date_is_valid_iso (since), FALSE);

  return store_write (self, write_contact_log_since, &change, error);
}
