/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-audit.c: reading the audit trail */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rp-error.h"
#include "rp-store-internal.h"

#define AUDIT_COLUMNS \
  "id, recorded_at, user, table_name, record_id, field, old_value, new_value, action"

static RpAuditEntry *
audit_entry_from_row (RpStmt *stmt)
{
  RpAuditEntry *entry = rp_audit_entry_new ();

  rp_audit_entry_set_id (entry, rp_stmt_column_int64 (stmt, 0));
  rp_audit_entry_set_recorded_at (entry, column_text (stmt, 1));
  rp_audit_entry_set_user (entry, column_text (stmt, 2));
  rp_audit_entry_set_table_name (entry, column_text (stmt, 3));
  rp_audit_entry_set_record_id (entry, rp_stmt_column_int64 (stmt, 4));
  rp_audit_entry_set_field (entry, column_text (stmt, 5));
  rp_audit_entry_set_old_value (entry, column_text (stmt, 6));
  rp_audit_entry_set_new_value (entry, column_text (stmt, 7));
  rp_audit_entry_set_action (entry, column_text (stmt, 8));
  return entry;
}

/**
 * rp_store_list_audit:
 * @table_name: (nullable): only changes to this table
 * @record_id: only changes to this record, if @table_name is set
 *
 * Returns: (transfer full): a #GListModel of #RpAuditEntry, newest first
 */
GListModel *
rp_store_list_audit (RpStore     *self,
                     const char  *table_name,
                     gint64       record_id,
                     GError     **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  /* Two statements, not one with "?1 IS NULL OR": SQLite cannot use the
   * audit_record index for an OR, and read every change ever made to show
   * one attendee's (0.3 s at 100,000 attendees). */
  if (table_name != NULL)
    stmt = store_prepare (self,
                          "SELECT " AUDIT_COLUMNS " FROM audit WHERE table_name = ? AND record_id = ?"
                          " ORDER BY id DESC",
                          error);
  else
    stmt = store_prepare (self, "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;

  if (table_name != NULL)
    {
      bind_text (stmt, 1, table_name);
      rp_stmt_bind_int64 (stmt, 2, record_id);
    }

  return collect_rows (self, stmt, RP_TYPE_AUDIT_ENTRY, (RowFunc) audit_entry_from_row, error);
}

/**
 * rp_store_list_attendee_records_audit:
 * @attendee_id: the attendee
 *
 * The audit trail of the records kept about an attendee after the move:
 * their planned outcomes, reviews and the ratings given at them, and the
 * log of contact with their family; deleted ones too, found by the
 * attendee (or review) their deletion recorded.
 *
 * Returns: (transfer full): a #GListModel of #RpAuditEntry, oldest first
 */
GListModel *
rp_store_list_attendee_records_audit (RpStore  *self,
                                      gint64    attendee_id,
                                      GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "WITH owned (table_name, record_id) AS ("
                        "  SELECT table_name, record_id FROM audit"
                        "   WHERE table_name IN ('planned_outcome', 'review', 'contact_log')"
                        "     AND field = 'attendee_id' AND action IN ('insert', 'delete')"
                        "     AND (new_value = ?1 OR old_value = ?1)"
                        "  UNION"
                        "  SELECT table_name, record_id FROM audit"
                        "   WHERE table_name = 'review_outcome' AND field = 'review_id' AND action IN ('insert', 'delete')"
                        "     AND CAST (coalesce (new_value, old_value) AS TEXT) IN"
                        "       (SELECT CAST (record_id AS TEXT) FROM audit WHERE table_name = 'review' AND field = 'attendee_id'"
                        "         AND action = 'insert' AND new_value = ?1))"
                        " SELECT " AUDIT_COLUMNS " FROM audit"
                        " WHERE (table_name, record_id) IN (SELECT table_name, record_id FROM owned)"
                        " ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  return collect_rows (self, stmt, RP_TYPE_AUDIT_ENTRY, (RowFunc) audit_entry_from_row, error);
}

/**
 * rp_store_list_programme_audit:
 * @programme_id: the programme
 *
 * The audit trail of what belongs to the programme rather than to one
 * attendee: the programme's own settings, its timetable actions (found by
 * the programme their insertion recorded), and the workers and providers,
 * which every programme of the database shares. Nothing about an attendee
 * is read, so nothing an erasure has taken can come back through it.
 *
 * Returns: (transfer full): a #GListModel of #RpAuditEntry, oldest first
 */
GListModel *
rp_store_list_programme_audit (RpStore  *self,
                               gint64    programme_id,
                               GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  /* A compound, not one WHERE with ORs, so each part is a search of the
   * audit_record index and the rest of the trail (every attendee's) is
   * never read. */
  stmt = store_prepare (self,
                        "SELECT " AUDIT_COLUMNS " FROM audit WHERE table_name IN ('worker', 'provider')"
                        " UNION ALL"
                        " SELECT " AUDIT_COLUMNS " FROM audit WHERE table_name = 'programme' AND record_id = ?1"
                        " UNION ALL"
                        " SELECT " AUDIT_COLUMNS " FROM audit WHERE table_name = 'timetable_action' AND record_id IN"
                        "   (SELECT record_id FROM audit WHERE table_name = 'timetable_action'"
                        "     AND field = 'programme_id' AND action = 'insert' AND CAST (new_value AS TEXT) = CAST (?1 AS TEXT))"
                        " ORDER BY 1",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  return collect_rows (self, stmt, RP_TYPE_AUDIT_ENTRY, (RowFunc) audit_entry_from_row, error);
}

/**
 * rp_store_list_undone_step_changes:
 * @attendee_id: the attendee
 *
 * A step change that was undone is gone from the step history; the audit
 * trail keeps what it was (its fields as the deletion recorded them, by whom
 * and when it was undone).
 *
 * Returns: (transfer full): a #GListModel of #RpAuditEntry, the deletions of
 *   the attendee's step changes, newest first
 */
GListModel *
rp_store_list_undone_step_changes (RpStore  *self,
                                   gint64    attendee_id,
                                   GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " AUDIT_COLUMNS " FROM audit"
                        " WHERE table_name = 'step_change' AND action = 'delete' AND record_id IN"
                        "   (SELECT record_id FROM audit WHERE table_name = 'step_change' AND action = 'delete'"
                        "    AND field = 'attendee_id' AND old_value = ?)"
                        " ORDER BY id DESC",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  return collect_rows (self, stmt, RP_TYPE_AUDIT_ENTRY, (RowFunc) audit_entry_from_row, error);
}

/**
 * rp_store_find_as_of_cutoff:
 * @date: an ISO date
 * @since: (out): the id of the first entry of the audit trail made after
 *   @date ended where the user is; 0 when @date is today or later, or when
 *   nothing has been recorded since, so that the values of now are those of
 *   @date
 *
 * For RP_STORE_AS_OF(): every change from @since on, in the audit trail's
 * own order, is undone to show the data as it stood at the end of @date.
 */
gboolean
rp_store_find_as_of_cutoff (RpStore     *self,
                            const char  *date,
                            gint64      *since,
                            GError     **error)
{
  g_autofree char *today = NULL;
  g_autofree char *cutoff = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) end_utc = NULL;
  RpStmt *stmt;
  int year, month, day;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (since != NULL, FALSE);

  *since = 0;
  today = rp_store_dup_today (self);
  if (strcmp (date, today) >= 0 || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3 ||
      !(start = g_date_time_new_local (year, month, day, 0, 0, 0)))
    return TRUE;

  /* The audit trail writes its times in UTC. Reports are mostly as of a
   * recent day, so the newest entry before it is looked for from the end. */
  end = g_date_time_add_days (start, 1);
  end_utc = g_date_time_to_utc (end);
  cutoff = g_date_time_format (end_utc, "%Y-%m-%dT%H:%M:%S.000Z");
  if (!(stmt = store_prepare (self,
                              "SELECT coalesce ((SELECT id FROM audit WHERE recorded_at < ?1 ORDER BY id DESC LIMIT 1), 0) + 1,"
                              " coalesce ((SELECT max (id) FROM audit), 0)",
                              error)))
    return FALSE;

  bind_text (stmt, 1, cutoff);
  if ((rc = rp_stmt_step (stmt)) != RP_STMT_ROW)
    {
      set_error_from_db (self, error);
      rp_stmt_reset (stmt);
      return FALSE;
    }

  /* Nothing recorded since: the values of now are those of @date. */
  if (rp_stmt_column_int64 (stmt, 0) <= rp_stmt_column_int64 (stmt, 1))
    *since = rp_stmt_column_int64 (stmt, 0);
  rp_stmt_reset (stmt);
  return TRUE;
}
