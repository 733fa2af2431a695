/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-attendees.c: attendees, their step history, and erasure */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-attention.h"
#include "rp-date.h"
#include "rp-error.h"
#include "rp-moving-plan.h"
#include "rp-store-internal.h"

#define ATTENDEE_OWN_COLUMNS \
  "a.id, a.programme_id, a.number, a.full_name, a.preferred_name, a.date_of_birth," \
  " a.contact_name, a.contact_relationship, a.contact_phone, a.wheelchair_user," \
  " a.transport_needed, a.access_needs, a.funding, a.worker_id, w.name, a.step, a.step_since," \
  " a.case_notes, a.report_note, a.target_date, a.outcome, a.outcome_date," \
  " a.moved_to_provider_id, p.name, a.outcome_reason, a.archived," \
  " a.communication_needs, a.interpreter_language, a.preferred_contact, a.communication_notes," \
  " a.contact_communication_needs, a.contact_interpreter_language, a.contact_preferred_contact,"

/* With the newest contact with the family or advocate (who speaks for a
 * person with no family) and the day the programme's contact log began,
 * for the attention rule, and the interim move and review dates: read in
 * the same query, through the indexes (contact_log_attendee_with answers
 * the first from the index alone), never a query per row. */
#define ATTENDEE_COLUMNS ATTENDEE_OWN_COLUMNS \
  " (SELECT max (c.contacted_on) FROM contact_log c" \
  "  WHERE c.attendee_id = a.id AND c.with_whom IN ('family', 'advocate'))," \
  AFTER_MOVE_COLUMNS "," \
  " (SELECT g.contact_log_since FROM programme g WHERE g.id = a.programme_id)"

#define ATTENDEE_FROM \
  " FROM attendee a LEFT JOIN worker w ON w.id = a.worker_id" \
  " LEFT JOIN provider p ON p.id = a.moved_to_provider_id"

/* A whole programme's attendees: the same columns in the same order, with
 * the newest contact and review dates gathered once per table rather than
 * looked up row by row. Both are quick on a file; on a team database's
 * server a subquery per row costs several times the whole list. */
#define ATTENDEE_LIST_COLUMNS ATTENDEE_OWN_COLUMNS \
  " lc.last_contact, a.interim, a.permanent_provider_id, a.permanent_date," \
  " rv.last_follow_up, rv.last_review, g.contact_log_since"

#define ATTENDEE_LIST_FROM ATTENDEE_FROM \
  " JOIN programme g ON g.id = a.programme_id" \
  " LEFT JOIN (SELECT attendee_id, max (contacted_on) AS last_contact FROM contact_log" \
  "  WHERE with_whom IN ('family', 'advocate') GROUP BY attendee_id) lc ON lc.attendee_id = a.id" \
  " LEFT JOIN (SELECT attendee_id, max (CASE WHEN kind = 'follow-up' THEN held_on END) AS last_follow_up," \
  "  max (held_on) AS last_review FROM review GROUP BY attendee_id) rv ON rv.attendee_id = a.id"

static RpAttendee *
attendee_from_row (RpStmt *stmt)
{
  RpAttendee *attendee = rp_attendee_new ();
  RpFunding funding = RP_FUNDING_ASC;
  RpOutcome outcome = RP_OUTCOME_ATTENDING;

  rp_funding_from_string (column_text (stmt, 12), &funding);
  rp_outcome_from_string (column_text (stmt, 20), &outcome);

  rp_attendee_set_id (attendee, rp_stmt_column_int64 (stmt, 0));
  rp_attendee_set_programme_id (attendee, rp_stmt_column_int64 (stmt, 1));
  rp_attendee_set_number (attendee, rp_stmt_column_int (stmt, 2));
  rp_attendee_set_full_name (attendee, column_text (stmt, 3));
  rp_attendee_set_preferred_name (attendee, column_text (stmt, 4));
  rp_attendee_set_date_of_birth (attendee, column_text (stmt, 5));
  rp_attendee_set_contact_name (attendee, column_text (stmt, 6));
  rp_attendee_set_contact_relationship (attendee, column_text (stmt, 7));
  rp_attendee_set_contact_phone (attendee, column_text (stmt, 8));
  rp_attendee_set_wheelchair_user (attendee, rp_stmt_column_int (stmt, 9));
  rp_attendee_set_transport_needed (attendee, rp_stmt_column_int (stmt, 10));
  rp_attendee_set_access_needs (attendee, column_text (stmt, 11));
  rp_attendee_set_funding (attendee, funding);
  rp_attendee_set_worker_id (attendee, rp_stmt_column_int64 (stmt, 13));
  rp_attendee_set_worker_name (attendee, column_text (stmt, 14));
  rp_attendee_set_step (attendee, rp_stmt_column_int (stmt, 15));
  rp_attendee_set_step_since (attendee, column_text (stmt, 16));
  rp_attendee_set_case_notes (attendee, column_text (stmt, 17));
  rp_attendee_set_report_note (attendee, column_text (stmt, 18));
  rp_attendee_set_target_date (attendee, column_text (stmt, 19));
  rp_attendee_set_outcome (attendee, outcome);
  rp_attendee_set_outcome_date (attendee, column_text (stmt, 21));
  rp_attendee_set_moved_to_provider_id (attendee, rp_stmt_column_int64 (stmt, 22));
  rp_attendee_set_moved_to_provider_name (attendee, column_text (stmt, 23));
  rp_attendee_set_outcome_reason (attendee, column_text (stmt, 24));
  rp_attendee_set_archived (attendee, rp_stmt_column_int (stmt, 25));
  rp_attendee_set_communication_needs (attendee, column_text (stmt, 26));
  rp_attendee_set_interpreter_language (attendee, column_text (stmt, 27));
  rp_attendee_set_preferred_contact (attendee, column_text (stmt, 28));
  rp_attendee_set_communication_notes (attendee, column_text (stmt, 29));
  rp_attendee_set_contact_communication_needs (attendee, column_text (stmt, 30));
  rp_attendee_set_contact_interpreter_language (attendee, column_text (stmt, 31));
  rp_attendee_set_contact_preferred_contact (attendee, column_text (stmt, 32));
  rp_attendee_set_last_family_contact (attendee, column_text (stmt, 33));
  read_after_move_columns (attendee, stmt, 34);
  rp_attendee_set_contact_log_since (attendee, column_text (stmt, 39));
  return attendee;
}

/**
 * rp_store_list_attendees:
 * Returns: (transfer full): a #GListModel of #RpAttendee, by attendee number
 */
GListModel *
rp_store_list_attendees (RpStore  *self,
                         gint64    programme_id,
                         GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " ATTENDEE_LIST_COLUMNS ATTENDEE_LIST_FROM
                        " WHERE a.programme_id = ? ORDER BY a.number",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  return collect_rows (self, stmt, RP_TYPE_ATTENDEE, (RowFunc) attendee_from_row, error);
}

/**
 * rp_store_find_needing_attention:
 * @rules: the day, closure date and stale days to judge by
 * @max: how many of them to return
 * @n_needing: (out) (optional): how many need attention in all
 *
 * The attendees not archived who need attention (see rp_attention_for_attendee()),
 * judged one row at a time: a programme of 100,000 is never all in memory.
 *
 * Returns: (transfer container) (element-type RpAttendee): the first @max of
 *   them by number, or %NULL on error
 */
GPtrArray *
rp_store_find_needing_attention (RpStore              *self,
                                 gint64                programme_id,
                                 const RpRulesContext *rules,
                                 guint                 max,
                                 guint                *n_needing,
                                 GError              **error)
{
  return rp_store_find_needing_attention_counted (self, programme_id, rules, max, n_needing, NULL, error);
}

/**
 * rp_store_find_needing_attention_counted:
 * @n_not_contacted: (out) (optional): how many of them have a family not
 *   contacted for longer than the rules allow (%RP_ATTENTION_FAMILY_NOT_CONTACTED)
 *
 * As rp_store_find_needing_attention(), counting in the same walk the
 * families the dashboard's line speaks of.
 */
GPtrArray *
rp_store_find_needing_attention_counted (RpStore              *self,
                                         gint64                programme_id,
                                         const RpRulesContext *rules,
                                         guint                 max,
                                         guint                *n_needing,
                                         guint                *n_not_contacted,
                                         GError              **error)
{
  guint not_contacted = 0;
  g_autoptr(GPtrArray) found = NULL;
  RpStmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  stmt = store_prepare (self,
                        "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM
                        " WHERE a.programme_id = ? AND NOT a.archived ORDER BY a.number",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  found = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      g_autoptr(RpAttendee) attendee = attendee_from_row (stmt);
      RpAttention attention = rp_attention_for_attendee (attendee, rules);

      if (attention == RP_ATTENTION_NONE)
        continue;
      if (attention & RP_ATTENTION_FAMILY_NOT_CONTACTED)
        not_contacted++;

      if (n++ < max)
        g_ptr_array_add (found, g_steal_pointer (&attendee));
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  if (n_needing != NULL)
    *n_needing = n;
  if (n_not_contacted != NULL)
    *n_not_contacted = not_contacted;
  return g_steal_pointer (&found);
}

/* A write reads only the attendee's own row, as it stands before the write. */
static RpAttendee *
get_attendee_to_write (RpStore  *self,
                       gint64    attendee_id,
                       GError  **error)
{
  RpStmt *stmt = store_prepare (self, "SELECT " ATTENDEE_OWN_COLUMNS " NULL," AFTER_MOVE_COLUMNS ATTENDEE_FROM " WHERE a.id = ?", error);

  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  return collect_one (self, stmt, (RowFunc) attendee_from_row,
                      _("The attendee no longer exists."), error);
}

RpAttendee *
rp_store_get_attendee (RpStore  *self,
                       gint64    attendee_id,
                       GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self, "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM " WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  return collect_one (self, stmt, (RowFunc) attendee_from_row,
                      _("The attendee no longer exists."), error);
}

RpAttendee *
rp_store_find_attendee (RpStore  *self,
                        gint64    programme_id,
                        int       number,
                        GError  **error)
{
  g_autofree char *message = NULL;
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM
                        " WHERE a.programme_id = ? AND a.number = ?",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  rp_stmt_bind_int (stmt, 2, number);
  message = g_strdup_printf (_("There is no attendee number %d in this programme."), number);
  return collect_one (self, stmt, (RowFunc) attendee_from_row, message, error);
}

/**
 * rp_store_next_attendee_number:
 * Returns: the number after the highest in use, or 0 on error
 */
int
rp_store_next_attendee_number (RpStore  *self,
                               gint64    programme_id,
                               GError  **error)
{
  guint highest = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  if (!count_query (self, "SELECT coalesce (max (number), 0) FROM attendee WHERE programme_id = ?",
                    programme_id, NULL, &highest, error))
    return 0;

  return highest + 1;
}

/* Binds every editable attendee column; the step is changed only through the history. */
static void
bind_attendee (RpStmt       *stmt,
               RpAttendee   *attendee)
{
  bind_text (stmt, 1, rp_attendee_get_full_name (attendee));
  bind_text (stmt, 2, rp_attendee_get_preferred_name (attendee));
  bind_text (stmt, 3, rp_attendee_get_date_of_birth (attendee));
  bind_text (stmt, 4, rp_attendee_get_contact_name (attendee));
  bind_text (stmt, 5, rp_attendee_get_contact_relationship (attendee));
  bind_text (stmt, 6, rp_attendee_get_contact_phone (attendee));
  rp_stmt_bind_int (stmt, 7, rp_attendee_get_wheelchair_user (attendee) ? 1 : 0);
  rp_stmt_bind_int (stmt, 8, rp_attendee_get_transport_needed (attendee) ? 1 : 0);
  bind_text (stmt, 9, rp_attendee_get_access_needs (attendee));
  bind_text (stmt, 10, rp_funding_to_string (rp_attendee_get_funding (attendee)));
  bind_id (stmt, 11, rp_attendee_get_worker_id (attendee));
  bind_text (stmt, 12, rp_attendee_get_case_notes (attendee));
  bind_text (stmt, 13, rp_attendee_get_report_note (attendee));
  bind_text (stmt, 14, rp_attendee_get_target_date (attendee));
  bind_text (stmt, 15, rp_outcome_to_string (rp_attendee_get_outcome (attendee)));
  bind_text (stmt, 16, rp_attendee_get_outcome_date (attendee));
  bind_id (stmt, 17, rp_attendee_get_moved_to_provider_id (attendee));
  bind_text (stmt, 18, rp_attendee_get_outcome_reason (attendee));
  rp_stmt_bind_int (stmt, 19, rp_attendee_get_archived (attendee) ? 1 : 0);
}

/* The communication needs are written on their own, and only when there
 * are some to write on a new record, so that a new attendee without any is
 * the same INSERT as before schema 12. */
static gboolean
write_communication (RpStore     *self,
                     gint64       id,
                     RpAttendee  *attendee,
                     gboolean     always,
                     GError     **error)
{
  const char *values[] = {
    rp_attendee_get_communication_needs (attendee),
    rp_attendee_get_interpreter_language (attendee),
    rp_attendee_get_preferred_contact (attendee),
    rp_attendee_get_communication_notes (attendee),
    rp_attendee_get_contact_communication_needs (attendee),
    rp_attendee_get_contact_interpreter_language (attendee),
    rp_attendee_get_contact_preferred_contact (attendee),
  };
  gboolean any = always;
  RpStmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (values) && !any; i++)
    any = values[i] != NULL;
  if (!any)
    return TRUE;

  stmt = store_prepare (self,
                        "UPDATE attendee SET communication_needs = ?, interpreter_language = ?,"
                        " preferred_contact = ?, communication_notes = ?, contact_communication_needs = ?,"
                        " contact_interpreter_language = ?, contact_preferred_contact = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    bind_text (stmt, i + 1, values[i]);
  rp_stmt_bind_int64 (stmt, 8, id);
  return step_done (self, stmt, error);
}

static gboolean
stored_has_communication (RpAttendee *stored)
{
  return rp_attendee_get_communication_needs (stored) != NULL ||
         rp_attendee_get_interpreter_language (stored) != NULL ||
         rp_attendee_get_preferred_contact (stored) != NULL ||
         rp_attendee_get_communication_notes (stored) != NULL ||
         rp_attendee_get_contact_communication_needs (stored) != NULL ||
         rp_attendee_get_contact_interpreter_language (stored) != NULL ||
         rp_attendee_get_contact_preferred_contact (stored) != NULL;
}

static gboolean
check_references (RpStore     *self,
                  RpAttendee  *attendee,
                  GError     **error)
{
  guint found = 0;

  if (rp_attendee_get_worker_id (attendee) > 0)
    {
      if (!count_query (self, "SELECT count(*) FROM worker WHERE id = ?",
                        rp_attendee_get_worker_id (attendee), NULL, &found, error))
        return FALSE;
      if (found == 0)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                               _("The allocated worker no longer exists. Choose another worker."));
          return FALSE;
        }
    }

  if (rp_attendee_get_moved_to_provider_id (attendee) > 0)
    {
      if (!count_query (self, "SELECT count(*) FROM provider WHERE id = ?",
                        rp_attendee_get_moved_to_provider_id (attendee), NULL, &found, error))
        return FALSE;
      if (found == 0)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                               _("The provider no longer exists. Choose another provider."));
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  RpAttendee *attendee;
  const char *started_on;
} AddAttendee;

static gboolean
write_new_attendee (RpStore  *self,
                    gpointer  data,
                    GError  **error)
{
  AddAttendee *add = data;
  RpAttendee *attendee = add->attendee;
  gint64 programme_id = rp_attendee_get_programme_id (attendee);
  int number = rp_attendee_get_number (attendee);
  guint existing = 0;
  RpStmt *stmt;
  gint64 id;

  if (!count_query (self, "SELECT count(*) FROM programme WHERE id = ?",
                    programme_id, NULL, &existing, error))
    return FALSE;
  if (existing == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The programme no longer exists."));
      return FALSE;
    }

  stmt = store_prepare (self, "SELECT count(*) FROM attendee WHERE programme_id = ? AND number = ?", error);
  if (stmt == NULL)
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, programme_id);
  rp_stmt_bind_int (stmt, 2, number);
  if (rp_stmt_step (stmt) != RP_STMT_ROW)
    {
      rp_stmt_reset (stmt);
      return set_error_from_db (self, error);
    }
  existing = rp_stmt_column_int (stmt, 0);
  rp_stmt_reset (stmt);

  if (existing > 0)
    {
      int next = rp_store_next_attendee_number (self, programme_id, NULL);

      g_set_error (error, RP_ERROR, RP_ERROR_DUPLICATE,
                   _("Attendee number %d is already in use in this programme. The next free number is %d."),
                   number, next);
      return FALSE;
    }

  if (!check_references (self, attendee, error))
    return FALSE;

  stmt = store_prepare (self,
                        "INSERT INTO attendee (full_name, preferred_name, date_of_birth, contact_name,"
                        " contact_relationship, contact_phone, wheelchair_user, transport_needed,"
                        " access_needs, funding, worker_id, case_notes, report_note, target_date,"
                        " outcome, outcome_date, moved_to_provider_id, outcome_reason, archived,"
                        " programme_id, number, step)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_attendee (stmt, attendee);
  rp_stmt_bind_int64 (stmt, 20, programme_id);
  rp_stmt_bind_int (stmt, 21, number);
  rp_stmt_bind_int (stmt, 22, rp_attendee_get_step (attendee));
  if (!step_done (self, stmt, error))
    return FALSE;

  id = store_last_insert_id (self);
  if (!store_write_name_words (self, "attendee", id, error) ||
      !write_after_move_columns (self, id, attendee, FALSE, error) ||
      !write_communication (self, id, attendee, FALSE, error))
    return FALSE;

  /* Who recorded it is the audit trail's name for the person (the store's
   * user on a file, the login on a server, where a trigger insists on it). */
  stmt = store_prepare (self,
                        "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                        " VALUES (?, 0, ?, ?, rp_audit_user ())",
                        error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, id);
  rp_stmt_bind_int (stmt, 2, rp_attendee_get_step (attendee));
  bind_text (stmt, 3, add->started_on);
  if (!step_done (self, stmt, error))
    return FALSE;

  rp_attendee_set_id (attendee, id);
  return TRUE;
}

/**
 * rp_store_add_attendee:
 * @attendee: a new attendee (id 0) with its programme, number and step set
 * @started_on: (nullable): the date the attendee reached its first step; today if %NULL
 *
 * Adds the attendee and the first entry of its step history.
 */
gboolean
rp_store_add_attendee (RpStore     *self,
                       RpAttendee  *attendee,
                       const char  *started_on,
                       GError     **error)
{
  g_autofree char *today = NULL;
  AddAttendee add;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), FALSE);
  g_return_val_if_fail (rp_attendee_get_id (attendee) == 0, FALSE);

  if (!rp_attendee_validate (attendee, error))
    return FALSE;

  today = rp_store_dup_today (self);
  if (started_on == NULL)
    started_on = today;

  if (!rp_moving_plan_check_change (0, rp_attendee_get_step (attendee), started_on, NULL,
                                    today, NULL, error))
    return FALSE;

  add.attendee = attendee;
  add.started_on = started_on;
  if (!store_write (self, write_new_attendee, &add, error))
    {
      rp_attendee_set_id (attendee, 0);
      return FALSE;
    }

  rp_attendee_set_step_since (attendee, started_on);
  return TRUE;
}

static gboolean
write_attendee (RpStore  *self,
                gpointer  data,
                GError  **error)
{
  RpAttendee *attendee = data;
  g_autoptr(RpAttendee) stored = NULL;
  RpStmt *stmt;

  if (!(stored = get_attendee_to_write (self, rp_attendee_get_id (attendee), error)))
    return FALSE;

  /* Published reports identify people by number only, so it never changes. */
  if (rp_attendee_get_number (stored) != rp_attendee_get_number (attendee) ||
      rp_attendee_get_programme_id (stored) != rp_attendee_get_programme_id (attendee))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Attendee number %d cannot be changed: published reports identify people by their number."),
                   rp_attendee_get_number (stored));
      return FALSE;
    }

  if (!check_references (self, attendee, error))
    return FALSE;

  stmt = store_prepare (self,
                        "UPDATE attendee SET full_name = ?, preferred_name = ?, date_of_birth = ?,"
                        " contact_name = ?, contact_relationship = ?, contact_phone = ?,"
                        " wheelchair_user = ?, transport_needed = ?, access_needs = ?, funding = ?,"
                        " worker_id = ?, case_notes = ?, report_note = ?, target_date = ?, outcome = ?,"
                        " outcome_date = ?, moved_to_provider_id = ?, outcome_reason = ?, archived = ?"
                        " WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_attendee (stmt, attendee);
  rp_stmt_bind_int64 (stmt, 20, rp_attendee_get_id (attendee));
  return step_done (self, stmt, error) &&
         store_write_name_words (self, "attendee", rp_attendee_get_id (attendee), error) &&
         write_after_move_columns (self, rp_attendee_get_id (attendee), attendee,
                                   rp_attendee_get_interim (stored) ||
                                   rp_attendee_get_permanent_provider_id (stored) > 0 ||
                                   rp_attendee_get_permanent_date (stored) != NULL, error) &&
         write_communication (self, rp_attendee_get_id (attendee), attendee,
                              stored_has_communication (stored), error);
}

/**
 * rp_store_save_attendee:
 *
 * Saves every field of @attendee except its step, which changes only through
 * rp_store_change_step(), and its number, which never changes.
 */
gboolean
rp_store_save_attendee (RpStore     *self,
                        RpAttendee  *attendee,
                        GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), FALSE);
  g_return_val_if_fail (rp_attendee_get_id (attendee) > 0, FALSE);

  if (!rp_attendee_validate (attendee, error))
    return FALSE;

  return store_write (self, write_attendee, attendee, error);
}

/* Each field the page saves on its own, and the attendee column it is in. */
#define ATTENDEE_FIELD_COLUMNS(X) \
  X (FULL_NAME, "full_name") \
  X (PREFERRED_NAME, "preferred_name") \
  X (DATE_OF_BIRTH, "date_of_birth") \
  X (CONTACT_NAME, "contact_name") \
  X (CONTACT_RELATIONSHIP, "contact_relationship") \
  X (CONTACT_PHONE, "contact_phone") \
  X (WHEELCHAIR_USER, "wheelchair_user") \
  X (TRANSPORT_NEEDED, "transport_needed") \
  X (ACCESS_NEEDS, "access_needs") \
  X (FUNDING, "funding") \
  X (WORKER, "worker_id") \
  X (TARGET_DATE, "target_date") \
  X (CASE_NOTES, "case_notes") \
  X (REPORT_NOTE, "report_note") \
  X (ARCHIVED, "archived") \
  X (COMMUNICATION_NEEDS, "communication_needs") \
  X (INTERPRETER_LANGUAGE, "interpreter_language") \
  X (PREFERRED_CONTACT, "preferred_contact") \
  X (COMMUNICATION_NOTES, "communication_notes") \
  X (CONTACT_COMMUNICATION_NEEDS, "contact_communication_needs") \
  X (CONTACT_INTERPRETER_LANGUAGE, "contact_interpreter_language") \
  X (CONTACT_PREFERRED_CONTACT, "contact_preferred_contact")

/* Compare-and-set, one statement a field: the field is written only while it
 * still holds the value the person started from (?3). */
#define FIELD_UPDATE(field, column) \
  [RP_ATTENDEE_FIELD_##field] = "UPDATE attendee SET " column " = ?1 WHERE id = ?2 AND " column " IS ?3",
#define FIELD_COLUMN(field, column) [RP_ATTENDEE_FIELD_##field] = column,

static const char * const field_updates[RP_ATTENDEE_N_FIELDS] = { ATTENDEE_FIELD_COLUMNS (FIELD_UPDATE) };
static const char * const field_columns[RP_ATTENDEE_N_FIELDS] = { ATTENDEE_FIELD_COLUMNS (FIELD_COLUMN) };

#undef FIELD_UPDATE
#undef FIELD_COLUMN

/* Binds a field value as the column holds it: empty text and no worker are NULL. */
static void
bind_field (RpStmt       *stmt,
            int           index,
            GVariant     *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    rp_stmt_bind_int (stmt, index, g_variant_get_boolean (value) ? 1 : 0);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    bind_id (stmt, index, g_variant_get_int64 (value));
  else
    {
      const char *text = g_variant_get_string (value, NULL);
      bind_text (stmt, index, text[0] != '\0' ? text : NULL);
    }
}

/* A conflict, with who saved the value kept and when, as the audit trail has it. */
static void
add_conflict (RpStore           *self,
              GPtrArray         *conflicts,
              gint64             attendee_id,
              const RpFieldEdit *edit,
              GVariant          *stored)
{
  RpFieldConflict *conflict = rp_field_conflict_new (edit->field, edit->base, stored, edit->value);
  RpStmt *stmt = store_prepare (self,
                                      "SELECT user, recorded_at FROM audit"
                                      " WHERE table_name = 'attendee' AND record_id = ? AND field = ?"
                                      " ORDER BY id DESC LIMIT 1",
                                      NULL);

  if (stmt != NULL)
    {
      rp_stmt_bind_int64 (stmt, 1, attendee_id);
      bind_text (stmt, 2, field_columns[edit->field]);
      if (rp_stmt_step (stmt) == RP_STMT_ROW)
        {
          conflict->changed_by = g_strdup (column_text (stmt, 0));
          conflict->changed_at = g_strdup (column_text (stmt, 1));
        }
      rp_stmt_reset (stmt);
    }

  g_ptr_array_add (conflicts, conflict);
}

typedef struct
{
  gint64             attendee_id;
  const RpFieldEdit *edits;
  guint              n_edits;
  int                number;
  GPtrArray         *conflicts;
} SaveFields;

static gboolean
write_attendee_fields (RpStore  *self,
                       gpointer  data,
                       GError  **error)
{
  SaveFields *save = data;
  g_autoptr(RpAttendee) stored = NULL;
  g_autoptr(RpAttendee) merged = NULL;
  g_autoptr(GArray) to_write = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!(stored = get_attendee_to_write (self, save->attendee_id, error)))
    return FALSE;

  save->number = rp_attendee_get_number (stored);
  merged = rp_attendee_copy (stored);

  for (guint i = 0; i < save->n_edits; i++)
    {
      const RpFieldEdit *edit = &save->edits[i];
      g_autoptr(GVariant) current = rp_attendee_dup_field (stored, edit->field);

      /* Already what the person wants: nothing to write, nothing to ask. */
      if (g_variant_equal (current, edit->value))
        continue;

      /* Someone else changed it meanwhile: theirs is kept, and the person asked. */
      if (!g_variant_equal (current, edit->base))
        {
          add_conflict (self, save->conflicts, save->attendee_id, edit, current);
          continue;
        }

      rp_attendee_set_field (merged, edit->field, edit->value);
      g_array_append_val (to_write, i);
    }

  /* The record as it will be after the save must keep every rule. */
  if (to_write->len > 0 &&
      (!rp_attendee_validate (merged, error) || !check_references (self, merged, error)))
    return FALSE;

  for (guint i = 0; i < to_write->len; i++)
    {
      const RpFieldEdit *edit = &save->edits[g_array_index (to_write, guint, i)];
      RpStmt *stmt = store_prepare (self, field_updates[edit->field], error);

      if (stmt == NULL)
        return FALSE;

      bind_field (stmt, 1, edit->value);
      rp_stmt_bind_int64 (stmt, 2, save->attendee_id);
      bind_field (stmt, 3, edit->base);
      if (!step_done (self, stmt, error))
        return FALSE;

      /* The write lock is held since the read above, so this cannot happen;
       * should it, the field is reported rather than overwritten. */
      if (store_changes (self) != 1)
        {
          g_autoptr(GVariant) current = rp_attendee_dup_field (stored, edit->field);
          add_conflict (self, save->conflicts, save->attendee_id, edit, current);
        }
    }

  /* The names' words follow the names only: a phone number or a note saved
   * writes nothing more. */
  for (guint i = 0; i < to_write->len; i++)
    switch (save->edits[g_array_index (to_write, guint, i)].field)
      {
      case RP_ATTENDEE_FIELD_FULL_NAME:
      case RP_ATTENDEE_FIELD_PREFERRED_NAME:
      case RP_ATTENDEE_FIELD_CONTACT_NAME:
        return store_write_name_words (self, "attendee", save->attendee_id, error);
      default:
        break;
      }

  return TRUE;
}

/**
 * rp_store_save_attendee_fields:
 * @edits: (array length=n_edits): the fields changed, each with the value it
 *   held when the person started editing it
 * @conflicts: (out) (optional) (transfer full): on %RP_ERROR_CONFLICT, a
 *   #GPtrArray of #RpFieldConflict; otherwise %NULL
 *
 * Saves only the edited fields, in one transaction, and each only while the
 * store still holds its base value. A field someone else changed meanwhile is
 * left as they saved it and reported as a conflict; the other fields are still
 * saved. Edits that change nothing write nothing, not even a transaction.
 *
 * Returns: %TRUE if every edit is saved; %FALSE with %RP_ERROR_CONFLICT if
 *   some were not because of a conflict (the others are saved), or another
 *   error if nothing was saved
 */
gboolean
rp_store_save_attendee_fields (RpStore            *self,
                               gint64              attendee_id,
                               const RpFieldEdit  *edits,
                               guint               n_edits,
                               GPtrArray         **conflicts,
                               GError            **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (RpFieldEdit));
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_field_conflict_free);
  SaveFields save = { .attendee_id = attendee_id, .conflicts = found };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (attendee_id > 0, FALSE);
  g_return_val_if_fail (edits != NULL || n_edits == 0, FALSE);

  if (conflicts != NULL)
    *conflicts = NULL;

  for (guint i = 0; i < n_edits; i++)
    {
      g_return_val_if_fail (edits[i].field < RP_ATTENDEE_N_FIELDS, FALSE);
      g_return_val_if_fail (edits[i].base != NULL && edits[i].value != NULL, FALSE);
      g_return_val_if_fail (g_variant_is_of_type (edits[i].base, rp_attendee_field_get_value_type (edits[i].field)) &&
                            g_variant_is_of_type (edits[i].value, rp_attendee_field_get_value_type (edits[i].field)),
                            FALSE);

      if (!g_variant_equal (edits[i].base, edits[i].value))
        g_array_append_val (changed, edits[i]);
    }

  if (changed->len == 0)
    return TRUE;

  save.edits = (const RpFieldEdit *) changed->data;
  save.n_edits = changed->len;
  if (!store_write (self, write_attendee_fields, &save, error))
    return FALSE;

  if (found->len > 0)
    {
      if (found->len == 1)
        g_set_error (error, RP_ERROR, RP_ERROR_CONFLICT,
                     _("Someone else changed the %s of attendee %d while you were editing it. "
                       "What they saved was kept: choose which to keep."),
                     rp_attendee_field_get_label (((RpFieldConflict *) found->pdata[0])->field), save.number);
      else
        g_set_error (error, RP_ERROR, RP_ERROR_CONFLICT,
                     _("Someone else changed %u fields of attendee %d while you were editing them. "
                       "What they saved was kept: choose which to keep."),
                     found->len, save.number);
      if (conflicts != NULL)
        *conflicts = g_steal_pointer (&found);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gint64      attendee_id;
  int         to_step;
  const char *date;
  const char *reason;
} ChangeStep;

static gboolean
write_step_change (RpStore  *self,
                   gpointer  data,
                   GError  **error)
{
  ChangeStep *change = data;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autofree char *today = rp_store_dup_today (self);
  g_autofree char *reason = NULL;
  RpStmt *stmt;

  if (!(attendee = get_attendee_to_write (self, change->attendee_id, error)))
    return FALSE;

  /* The refusal names the person, as the app's dialogue and the command line say it. */
  if (!rp_moving_plan_check_change_of (rp_attendee_get_display_name (attendee),
                                       rp_attendee_get_step (attendee), change->to_step, change->date,
                                       rp_attendee_get_step_since (attendee), today, change->reason,
                                       NULL, error))
    return FALSE;

  reason = g_strstrip (g_strdup (change->reason != NULL ? change->reason : ""));

  stmt = store_prepare (self,
                        "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on,"
                        " recorded_by, reason) VALUES (?1, ?2, ?3, ?4, rp_audit_user (), ?5)",
                        error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, change->attendee_id);
  rp_stmt_bind_int (stmt, 2, rp_attendee_get_step (attendee));
  rp_stmt_bind_int (stmt, 3, change->to_step);
  bind_text (stmt, 4, change->date);
  bind_text (stmt, 5, reason[0] != '\0' ? reason : NULL);
  return step_done_before_commit (self, stmt, error);
}

/**
 * rp_store_change_step:
 * @to_step: the step reached
 * @date_iso: (nullable): the day it was reached; today if %NULL
 * @reason: (nullable): a note; required for a jump or a step back
 *
 * Records a step change under the moving-plan rules; refused changes write nothing.
 */
gboolean
rp_store_change_step (RpStore     *self,
                      gint64       attendee_id,
                      int          to_step,
                      const char  *date_iso,
                      const char  *reason,
                      GError     **error)
{
  g_autofree char *today = NULL;
  ChangeStep change = { attendee_id, to_step, date_iso, reason };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (date_iso == NULL)
    change.date = today = rp_store_dup_today (self);

  return store_write (self, write_step_change, &change, error);
}

typedef struct
{
  gint64      attendee_id;
  RpOutcome   outcome;
  gint64      provider_id;
  const char *date;
  const char *reason;
} RecordOutcome;

static gboolean
write_outcome (RpStore  *self,
               gpointer  data,
               GError  **error)
{
  RecordOutcome *record = data;
  g_autoptr(RpAttendee) attendee = NULL;

  if (!(attendee = get_attendee_to_write (self, record->attendee_id, error)))
    return FALSE;

  rp_attendee_set_outcome (attendee, record->outcome);
  rp_attendee_set_outcome_date (attendee, record->date);
  rp_attendee_set_moved_to_provider_id (attendee, record->provider_id);
  rp_attendee_set_outcome_reason (attendee, record->reason);

  return rp_attendee_validate (attendee, error) && write_attendee (self, attendee, error);
}

/**
 * rp_store_record_move:
 * @provider_id: the provider the attendee moved to
 * @date_iso: the day of the move, not in the future
 *
 * Records that the attendee has moved to new provision. They stay in the
 * programme and in reports.
 */
gboolean
rp_store_record_move (RpStore     *self,
                      gint64       attendee_id,
                      gint64       provider_id,
                      const char  *date_iso,
                      GError     **error)
{
  RecordOutcome record = { attendee_id, RP_OUTCOME_MOVED, provider_id, date_iso, NULL };
  g_autofree char *today = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  today = rp_store_dup_today (self);
  if (!rp_moving_plan_check_move (provider_id, date_iso, today, NULL, error))
    return FALSE;

  return store_write (self, write_outcome, &record, error);
}

#define STEP_CHANGE_COLUMNS \
  "id, attendee_id, from_step, to_step, changed_on, recorded_by, reason, recorded_at"

static RpStepChange *
step_change_from_row (RpStmt *stmt)
{
  RpStepChange *change = rp_step_change_new ();

  rp_step_change_set_id (change, rp_stmt_column_int64 (stmt, 0));
  rp_step_change_set_attendee_id (change, rp_stmt_column_int64 (stmt, 1));
  rp_step_change_set_from_step (change, rp_stmt_column_int (stmt, 2));
  rp_step_change_set_to_step (change, rp_stmt_column_int (stmt, 3));
  rp_step_change_set_changed_on (change, column_text (stmt, 4));
  rp_step_change_set_recorded_by (change, column_text (stmt, 5));
  rp_step_change_set_reason (change, column_text (stmt, 6));
  rp_step_change_set_recorded_at (change, column_text (stmt, 7));
  return change;
}

/**
 * rp_store_list_step_history:
 * Returns: (transfer full): a #GListModel of #RpStepChange, oldest first
 */
GListModel *
rp_store_list_step_history (RpStore  *self,
                            gint64    attendee_id,
                            GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " STEP_CHANGE_COLUMNS " FROM step_change WHERE attendee_id = ?"
                        " ORDER BY changed_on, id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  return collect_rows (self, stmt, RP_TYPE_STEP_CHANGE, (RowFunc) step_change_from_row, error);
}

static gboolean
write_undo_step_change (RpStore  *self,
                        gpointer  data,
                        GError  **error)
{
  gint64 step_change_id = *(gint64 *) data;
  RpStmt *stmt;
  int rc;
  gboolean newest, first, by_review;
  g_autofree char *changed_on = NULL;

  stmt = store_prepare (self,
                        "SELECT s.from_step = 0,"
                        " s.id = (SELECT n.id FROM step_change n WHERE n.attendee_id = s.attendee_id"
                        "         ORDER BY n.changed_on DESC, n.id DESC LIMIT 1),"
                        " s.to_step = 6 AND EXISTS (SELECT 1 FROM review r WHERE r.attendee_id = s.attendee_id"
                        "                           AND r.kind = 'follow-up' AND r.held_on = s.changed_on),"
                        " s.changed_on"
                        " FROM step_change s WHERE s.id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, step_change_id);
  rc = rp_stmt_step (stmt);
  first = rc == RP_STMT_ROW && rp_stmt_column_int (stmt, 0);
  newest = rc == RP_STMT_ROW && rp_stmt_column_int (stmt, 1);
  by_review = rc == RP_STMT_ROW && rp_stmt_column_int (stmt, 2);
  changed_on = rc == RP_STMT_ROW ? g_strdup (column_text (stmt, 3)) : NULL;
  rp_stmt_reset (stmt);

  if (rc == RP_STMT_DONE)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("That step change no longer exists."));
      return FALSE;
    }
  if (rc != RP_STMT_ROW)
    return set_error_from_db (self, error);

  if (first || !newest)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           first ? _("The first step of the history cannot be undone.")
                                 : _("Only the latest step change can be undone."));
      return FALSE;
    }

  /* Step 6 after a move stands for the follow-up review: the step without
   * the review it records would say the review was never held. */
  if (by_review)
    {
      g_autofree char *day = rp_date_format_long (changed_on);

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Step 6 was reached by the follow-up review held on %s. The review stays recorded, so its step cannot be undone on its own."),
                   day);
      return FALSE;
    }

  stmt = store_prepare (self, "DELETE FROM step_change WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, step_change_id);
  return step_done (self, stmt, error);
}

/**
 * rp_store_undo_step_change:
 * @step_change_id: the latest step change of an attendee
 *
 * Takes back a step change recorded by mistake; the attendee returns to the
 * step before it. The audit trail keeps a record of both.
 */
gboolean
rp_store_undo_step_change (RpStore  *self,
                           gint64    step_change_id,
                           GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_write (self, write_undo_step_change, &step_change_id, error);
}

/* Collects the ids a query returns, for the erasure of one person's records. */
static GArray *
collect_ids (RpStore     *self,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RpStmt *stmt = store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, id);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      gint64 value = rp_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
delete_by_id (RpStore     *self,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  RpStmt *stmt = store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
}

/* Deletes what the audit trail holds about records @ids of @table_name, and
 * nothing older: a database from before version 5 may have given the same id
 * to an earlier record, since deleted, whose history ends with its 'delete'
 * rows before this record's 'insert'. That history is someone else's. */
static gboolean
scrub_audit (RpStore     *self,
             const char  *table_name,
             GArray      *ids,
             GError     **error)
{
  RpStmt *stmt = store_prepare (self,
                                      "DELETE FROM audit WHERE table_name = ?1 AND record_id = ?2"
                                      " AND id > coalesce ((SELECT max (id) FROM audit"
                                      "                     WHERE table_name = ?1 AND record_id = ?2"
                                      "                       AND action = 'delete'"
                                      "                       AND id < (SELECT max (id) FROM audit"
                                      "                                 WHERE table_name = ?1 AND record_id = ?2"
                                      "                                   AND action = 'insert')), 0)",
                                      error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      bind_text (stmt, 1, table_name);
      rp_stmt_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static GBytes *
read_erasure_key (RpStore  *self,
                  GError  **error)
{
  RpStmt *stmt = store_prepare (self, "SELECT key FROM erasure_key WHERE id = 1", error);
  GBytes *key = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    key = rp_stmt_dup_column_bytes (stmt, 0);
  else if (rc != RP_STMT_DONE)
    set_error_from_db (self, error);
  rp_stmt_reset (stmt);

  return key;
}

/**
 * rp_store_dup_file_tag:
 * @purpose: what the tag is for, such as "calendar-uid"
 *
 * A tag of this database file that stays the same across exports, backups
 * and restores and differs between files: a keyed digest of @purpose under
 * the file's own random key, so it tells nothing of the key. The key is
 * made (once, as the erasure would make it) if the file has none yet.
 *
 * Returns: (transfer full): 16 hex digits, or %NULL with @error set
 */
char *
rp_store_dup_file_tag (RpStore     *self,
                       const char  *purpose,
                       GError     **error)
{
  g_autoptr(GBytes) key = NULL;
  g_autofree char *digest = NULL;
  GError *key_error = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (purpose != NULL, NULL);

  if (!(key = read_erasure_key (self, &key_error)))
    {
      if (key_error != NULL)
        {
          g_propagate_error (error, key_error);
          return NULL;
        }
      if (!rp_store_begin (self, error))
        return NULL;
      if (!store_exec (self, "INSERT OR IGNORE INTO erasure_key (id, key) VALUES (1, randomblob (32))", error))
        {
          rp_store_rollback (self);
          return NULL;
        }
      if (!rp_store_commit (self, error))
        return NULL;
      if (!(key = read_erasure_key (self, &key_error)))
        {
          if (key_error != NULL)
            g_propagate_error (error, key_error);
          else
            g_set_error_literal (error, RP_ERROR, RP_ERROR_IO, _("The database’s own key could not be read."));
          return NULL;
        }
    }

  digest = g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                      g_bytes_get_data (key, NULL), g_bytes_get_size (key),
                                      purpose, -1);
  return g_strndup (digest, 16);
}

/* An erased person's names, and the family named on their bookings, stay
 * only as keyed one-way digests of their words, so that a published note
 * that still names them is stopped without the names being kept. */
static gboolean
remember_erased_names (RpStore     *self,
                       gint64       attendee_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) key = NULL;
  GError *key_error = NULL;
  RpStmt *stmt;
  int rc;

  if (!(stmt = store_prepare (self,
                              "SELECT full_name FROM attendee WHERE id = ?1"
                              " UNION ALL SELECT preferred_name FROM attendee WHERE id = ?1"
                              " UNION ALL SELECT contact_name FROM attendee WHERE id = ?1"
                              " UNION ALL SELECT family_attending FROM booking WHERE attendee_id = ?1",
                              error)))
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    g_ptr_array_add (names, g_strdup (column_text (stmt, 0)));
  rp_stmt_reset (stmt);
  if (rc != RP_STMT_DONE)
    return set_error_from_db (self, error);

  if (!store_exec (self, "INSERT OR IGNORE INTO erasure_key (id, key) VALUES (1, randomblob (32))", error))
    return FALSE;
  if (!(key = read_erasure_key (self, &key_error)))
    {
      if (key_error != NULL)
        g_propagate_error (error, key_error);
      else
        set_error_from_db (self, error);
      return FALSE;
    }

  if (!(stmt = store_prepare (self, "INSERT OR IGNORE INTO erased_name (digest) VALUES (?)", error)))
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      g_auto(GStrv) words = rp_name_index_name_words (g_ptr_array_index (names, i));

      for (guint j = 0; words[j] != NULL; j++)
        {
          g_autofree char *digest = rp_name_index_digest_word (key, words[j]);

          bind_text (stmt, 1, digest);
          if (!step_done (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* A backup made before the name check had no digests of erased names: it is
 * given them when it is restored and brought up to date. */
static gboolean
has_table (RpStore    *self,
           const char *name)
{
  RpStmt *stmt;
  gboolean found;

  /* A team database has every table of the file's version it follows. */
  if (self->team != NULL)
    return TRUE;

  if (!(stmt = store_prepare (self, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", NULL)))
    return FALSE;

  bind_text (stmt, 1, name);
  found = rp_stmt_step (stmt) == RP_STMT_ROW;
  rp_stmt_reset (stmt);
  return found;
}

typedef struct
{
  gint64      attendee_id;
  int         number;        /* 0: whatever number the attendee has */
  gint64      programme_id;  /* 0: whichever programme */
  const char *recorded_at;   /* the tombstone's, when an erasure is applied again */
  const char *user;
  gboolean    erased;
} Erasure;

static gboolean
write_erasure (RpStore  *self,
               gpointer  data,
               GError  **error)
{
  Erasure *erasure = data;
  g_autoptr(GArray) step_ids = NULL;
  g_autoptr(GArray) booking_ids = NULL;
  g_autoptr(GArray) attendee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) confirmation_ids = NULL;
  g_autoptr(GArray) outcome_ids = NULL;
  g_autoptr(GArray) review_ids = NULL;
  g_autoptr(GArray) rating_ids = NULL;
  g_autoptr(GArray) contact_ids = NULL;
  RpStmt *stmt;
  int number = 0;
  int rc;

  /* Only the number and programme are read, so a backup of any schema
   * version can be erased from too. */
  stmt = store_prepare (self, "SELECT number FROM attendee WHERE id = ?1 AND number = coalesce (?2, number)"
                              " AND programme_id = coalesce (?3, programme_id)", error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, erasure->attendee_id);
  bind_id (stmt, 2, erasure->number);
  bind_id (stmt, 3, erasure->programme_id);
  rc = rp_stmt_step (stmt);
  if (rc == RP_STMT_ROW)
    number = rp_stmt_column_int (stmt, 0);
  rp_stmt_reset (stmt);

  if (rc == RP_STMT_DONE)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("That attendee no longer exists."));
      return FALSE;
    }
  if (rc != RP_STMT_ROW)
    return set_error_from_db (self, error);

  if (!(step_ids = collect_ids (self, "SELECT id FROM step_change WHERE attendee_id = ?", erasure->attendee_id, error)) ||
      !(booking_ids = collect_ids (self, "SELECT id FROM booking WHERE attendee_id = ?", erasure->attendee_id, error)))
    return FALSE;

  g_array_append_val (attendee_ids, erasure->attendee_id);

  /* What came after the move (version 12): outcomes, reviews and the
   * contact log go with the attendee too, and so do their audit rows. */
  if (has_table (self, "contact_log"))
    {
      if (!(outcome_ids = collect_ids (self, "SELECT id FROM planned_outcome WHERE attendee_id = ?", erasure->attendee_id, error)) ||
          !(review_ids = collect_ids (self, "SELECT id FROM review WHERE attendee_id = ?", erasure->attendee_id, error)) ||
          !(rating_ids = collect_ids (self, "SELECT id FROM review_outcome WHERE review_id IN"
                                            " (SELECT id FROM review WHERE attendee_id = ?)", erasure->attendee_id, error)) ||
          !(contact_ids = collect_ids (self, "SELECT id FROM contact_log WHERE attendee_id = ?", erasure->attendee_id, error)))
        return FALSE;
    }
  else
    {
      outcome_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      review_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      rating_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  if (has_table (self, "erased_name"))
    {
      /* Confirmations name their place "attendee/ID/field" (rp_name_place()). */
      if (!(confirmation_ids = collect_ids (self, "SELECT id FROM name_confirmation"
                                                  " WHERE place LIKE 'attendee/' || ? || '/%'",
                                            erasure->attendee_id, error)) ||
          !remember_erased_names (self, erasure->attendee_id, error) ||
          !delete_by_id (self, "DELETE FROM name_confirmation WHERE place LIKE 'attendee/' || ? || '/%'",
                         erasure->attendee_id, error))
        return FALSE;
    }
  else
    {
      confirmation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  /* The step history, outcomes, reviews and contact log go with the
   * attendee (ON DELETE CASCADE). */
  if (!delete_by_id (self, "DELETE FROM booking WHERE attendee_id = ?", erasure->attendee_id, error) ||
      !delete_by_id (self, "DELETE FROM attendee WHERE id = ?", erasure->attendee_id, error) ||
      !scrub_audit (self, "booking", booking_ids, error) ||
      !scrub_audit (self, "step_change", step_ids, error) ||
      !scrub_audit (self, "name_confirmation", confirmation_ids, error) ||
      !scrub_audit (self, "review_outcome", rating_ids, error) ||
      !scrub_audit (self, "review", review_ids, error) ||
      !scrub_audit (self, "planned_outcome", outcome_ids, error) ||
      !scrub_audit (self, "contact_log", contact_ids, error) ||
      !scrub_audit (self, "attendee", attendee_ids, error))
    return FALSE;

  /* The tombstone: who was erased (by number only), when and by whom. An
   * erasure applied again to a copy keeps the original's date and user. */
  stmt = store_prepare (self,
                        "INSERT INTO audit (recorded_at, user, table_name, record_id, action, field, old_value)"
                        " VALUES (coalesce (?1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')), ?2, 'attendee', ?3,"
                        "         'delete', 'number', ?4)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, erasure->recorded_at);
  bind_text (stmt, 2, erasure->user != NULL ? erasure->user : self->user);
  rp_stmt_bind_int64 (stmt, 3, erasure->attendee_id);
  rp_stmt_bind_int (stmt, 4, number);
  erasure->erased = TRUE;
  return step_done (self, stmt, error);
}

static gboolean
store_erase (RpStore  *self,
             Erasure  *erasure,
             GError  **error)
{
  gboolean ok;

  self->erasing = TRUE;
  ok = store_write (self, write_erasure, erasure, error);
  self->erasing = FALSE;

  /* Move the overwritten pages out of the WAL into the main file at once. */
  if (ok)
    store_checkpoint (self);

  return ok;
}

/**
 * rp_store_delete_attendee:
 *
 * Permanently erases an attendee: their record, step history, bookings,
 * outcomes, reviews, contact log and
 * every value the audit trail held about them. Only a tombstone remains in
 * the audit trail — the attendee number, the date and who erased it — so a
 * right-to-erasure request can be honoured.
 */
gboolean
rp_store_delete_attendee (RpStore  *self,
                          gint64    attendee_id,
                          GError  **error)
{
  Erasure erasure = { .attendee_id = attendee_id };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_erase (self, &erasure, error);
}

static gboolean
has_tombstone (RpStore             *self,
               const RpTombstone   *tombstone,
               gboolean            *found,
               GError             **error)
{
  RpStmt *stmt = store_prepare (self,
                                      "SELECT 1 FROM audit WHERE table_name = 'attendee' AND record_id = ?"
                                      " AND action = 'delete' AND field = 'number' AND old_value = ?"
                                      " AND recorded_at = ?",
                                      error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, tombstone->attendee_id);
  rp_stmt_bind_int (stmt, 2, tombstone->number);
  bind_text (stmt, 3, tombstone->recorded_at);
  rc = rp_stmt_step (stmt);
  rp_stmt_reset (stmt);
  if (rc != RP_STMT_ROW && rc != RP_STMT_DONE)
    return set_error_from_db (self, error);

  *found = rc == RP_STMT_ROW;
  return TRUE;
}

static gboolean
write_tombstone (RpStore  *self,
                 gpointer  data,
                 GError  **error)
{
  const RpTombstone *tombstone = data;
  RpStmt *stmt = store_prepare (self,
                                      "INSERT INTO audit (recorded_at, user, table_name, record_id, action, field, old_value)"
                                      " VALUES (?, ?, 'attendee', ?, 'delete', 'number', ?)",
                                      error);

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, tombstone->recorded_at);
  bind_text (stmt, 2, tombstone->user);
  rp_stmt_bind_int64 (stmt, 3, tombstone->attendee_id);
  rp_stmt_bind_int (stmt, 4, tombstone->number);
  return step_done (self, stmt, error);
}

/**
 * rp_store_apply_tombstone:
 * @tombstone: an erasure recorded in another copy of this database
 * @erased: (out) (optional): whether a record of the person was found and erased
 *
 * Applies an erasure recorded elsewhere to this copy (a backup, or a backup
 * being restored): the attendee with the tombstone's id and number is erased
 * as rp_store_delete_attendee() would, and the tombstone itself is kept. A
 * copy that already holds the tombstone was made after the erasure and is
 * left as it is.
 */
gboolean
rp_store_apply_tombstone (RpStore            *self,
                          const RpTombstone  *tombstone,
                          gboolean           *erased,
                          GError            **error)
{
  Erasure erasure = {
    .attendee_id = tombstone->attendee_id,
    .number = tombstone->number,
    .programme_id = tombstone->programme_id,
    .recorded_at = tombstone->recorded_at,
    .user = tombstone->user,
  };
  g_autoptr(GError) local_error = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (tombstone != NULL, FALSE);

  if (erased != NULL)
    *erased = FALSE;

  if (!has_tombstone (self, tombstone, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  if (store_erase (self, &erasure, &local_error))
    {
      if (erased != NULL)
        *erased = TRUE;
      return TRUE;
    }

  if (!g_error_matches (local_error, RP_ERROR, RP_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The copy never held the person: the erasure is still on record. */
  return store_write (self, write_tombstone, (gpointer) tombstone, error);
}

/**
 * rp_store_list_tombstones:
 *
 * Returns: (transfer full) (element-type RpTombstone): every erasure on record, oldest first
 */
GArray *
rp_store_list_tombstones (RpStore  *self,
                          GError  **error)
{
  g_autoptr(GArray) tombstones = g_array_new (FALSE, TRUE, sizeof (RpTombstone));
  RpStmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  g_array_set_clear_func (tombstones, (GDestroyNotify) rp_tombstone_clear);
  stmt = store_prepare (self,
                        "SELECT record_id, old_value, recorded_at, user FROM audit"
                        " WHERE table_name = 'attendee' AND action = 'delete' AND field = 'number'"
                        " ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      RpTombstone tombstone = {
        .attendee_id = rp_stmt_column_int64 (stmt, 0),
        .number = rp_stmt_column_int (stmt, 1),
        .recorded_at = g_strdup (column_text (stmt, 2)),
        .user = g_strdup (column_text (stmt, 3)),
      };

      g_array_append_val (tombstones, tombstone);
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  return g_steal_pointer (&tombstones);
}

void
rp_tombstone_clear (RpTombstone *tombstone)
{
  g_clear_pointer (&tombstone->recorded_at, g_free);
  g_clear_pointer (&tombstone->user, g_free);
}

static gboolean
write_restore_record (RpStore  *self,
                      gpointer  data,
                      GError  **error)
{
  RpStmt *stmt = store_prepare (self,
                                      "INSERT INTO audit (user, table_name, record_id, action, field, new_value)"
                                      " VALUES (?, 'database', 0, 'restore', 'backup', ?)",
                                      error);

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, self->user);
  bind_text (stmt, 2, data);
  return step_done (self, stmt, error);
}

/**
 * rp_store_record_restore:
 * @backup_path: the copy this database was restored from
 *
 * Records in the audit trail that this database was put back from a backup:
 * who, when and from which copy, so a rolled-back trail says so itself.
 */
gboolean
rp_store_record_restore (RpStore     *self,
                         const char  *backup_path,
                         GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  return store_write (self, write_restore_record, (gpointer) backup_path, error);
}

/**
 * rp_store_count_caseload:
 *
 * Returns: how many attendees still attending are allocated to @worker_id
 */
guint
rp_store_count_caseload (RpStore  *self,
                         gint64    programme_id,
                         gint64    worker_id,
                         GError  **error)
{
  RpStmt *stmt;
  guint count = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  stmt = store_prepare (self,
                        "SELECT count(*) FROM attendee WHERE programme_id = ? AND worker_id = ?"
                        " AND outcome = 'attending' AND NOT archived",
                        error);
  if (stmt == NULL)
    return 0;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  rp_stmt_bind_int64 (stmt, 2, worker_id);
  if (rp_stmt_step (stmt) == RP_STMT_ROW)
    count = rp_stmt_column_int (stmt, 0);
  else
    set_error_from_db (self, error);
  rp_stmt_reset (stmt);

  return count;
}

/**
 * rp_store_build_people_index:
 *
 * Collects the names of the people the programmes are about, in every
 * programme: attendees' full and preferred names and their contacts'
 * names. A family's papers use it to make sure no text on them names
 * anyone but their own.
 *
 * Returns: (transfer full): the index, or %NULL on error
 */
RpNameIndex *
rp_store_build_people_index (RpStore  *self,
                             GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  RpStmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT full_name FROM attendee"
                        " UNION SELECT preferred_name FROM attendee"
                        " UNION SELECT contact_name FROM attendee",
                        error);
  if (stmt == NULL)
    return NULL;

  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    if (column_text (stmt, 0) != NULL)
      g_ptr_array_add (names, g_strdup (column_text (stmt, 0)));
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  return rp_name_index_new ((const char * const *) names->pdata, names->len);
}

/* Lets @index find erased people's names, by the digests the erasures left;
 * a database that never erased anyone has no key and nothing to add. */
static gboolean
add_erased_names (RpStore      *self,
                  RpNameIndex  *index,
                  GError      **error)
{
  g_autoptr(GPtrArray) digests = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) key = NULL;
  GError *key_error = NULL;
  RpStmt *stmt;
  int rc;

  if (!(key = read_erasure_key (self, &key_error)))
    {
      if (key_error == NULL)
        return TRUE;
      g_propagate_error (error, key_error);
      return FALSE;
    }

  if (!(stmt = store_prepare (self, "SELECT digest FROM erased_name", error)))
    return FALSE;
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    g_ptr_array_add (digests, g_strdup (column_text (stmt, 0)));
  rp_stmt_reset (stmt);
  if (rc != RP_STMT_DONE)
    return set_error_from_db (self, error);

  g_ptr_array_add (digests, NULL);
  rp_name_index_add_erased (index, key, (const char * const *) digests->pdata);
  return TRUE;
}

/**
 * rp_store_build_erased_index:
 *
 * An index of the names of the people who were erased, and of nobody
 * else: to keep what the audit trail still holds of other records (an
 * activity's words before it was edited) from naming them again.
 *
 * Returns: (transfer full): the index, or %NULL on error
 */
RpNameIndex *
rp_store_build_erased_index (RpStore  *self,
                             GError  **error)
{
  g_autoptr(RpNameIndex) index = rp_name_index_new (NULL, 0);

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!add_erased_names (self, index, error))
    return NULL;

  return g_steal_pointer (&index);
}

/**
 * rp_store_build_name_index:
 * @programme_id: the programme whose published text will be checked
 *
 * Collects every personal name the database knows, in every programme —
 * attendees' full and preferred names, their contacts, family named on
 * bookings, workers and staff, providers' contacts — and the digests of
 * erased people's names, to check text meant for publication. The words
 * someone confirmed are not names in @programme_id's texts are let through.
 *
 * Returns: (transfer full): the index, or %NULL on error
 */
RpNameIndex *
rp_store_build_name_index (RpStore  *self,
                           gint64    programme_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RpNameIndex) index = NULL;
  RpStmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT full_name FROM attendee"
                        " UNION SELECT preferred_name FROM attendee"
                        " UNION SELECT contact_name FROM attendee"
                        " UNION SELECT family_attending FROM booking"
                        " UNION SELECT name FROM worker"
                        " UNION SELECT contact_name FROM provider",
                        error);
  if (stmt == NULL)
    return NULL;

  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    if (column_text (stmt, 0) != NULL)
      g_ptr_array_add (names, g_strdup (column_text (stmt, 0)));
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  index = rp_name_index_new ((const char * const *) names->pdata, names->len);
  if (!add_erased_names (self, index, error))
    return NULL;

  if (!(stmt = store_prepare (self,
                              "SELECT place, text_digest, word FROM name_confirmation WHERE programme_id = ?",
                              error)))
    return NULL;
  rp_stmt_bind_int64 (stmt, 1, programme_id);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    rp_name_index_add_confirmation (index, column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 2));
  rp_stmt_reset (stmt);
  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  return g_steal_pointer (&index);
}

/* @strings as a PostgreSQL array literal, each element quoted. */
static char *
array_literal (const char * const *strings)
{
  GString *text = g_string_new ("{");

  for (gsize i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      g_string_append (text, i > 0 ? ",\"" : "\"");
      for (const char *p = strings[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (text, '\\');
          g_string_append_c (text, *p);
        }
      g_string_append_c (text, '"');
    }

  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

/**
 * rp_store_build_name_index_for_words:
 * @programme_id: the programme whose published text will be checked
 * @words: (array zero-terminated=1): folded words of the texts to check
 *   (rp_name_index_name_words())
 * @places: (array zero-terminated=1): where those texts are published (rp_name_place())
 * @text_digests: (array zero-terminated=1): their digests
 *   (rp_name_index_digest_text()), one for each of @places
 *
 * For a reports login on a team database, which may not read names: an
 * index of those of @words that the server says are parts of a name the
 * database knows (the same people as rp_store_build_name_index(), erased
 * ones too), with the words confirmed not to be names in those texts. It
 * finds in those texts what the full index would, and holds no name that
 * the texts do not already have.
 *
 * Returns: (transfer full): the index, or %NULL on error
 */
RpNameIndex *
rp_store_build_name_index_for_words (RpStore            *self,
                                     gint64              programme_id,
                                     const char * const *words,
                                     const char * const *places,
                                     const char * const *text_digests,
                                     GError            **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RpNameIndex) index = NULL;
  g_autofree char *word_array = array_literal (words);
  g_autofree char *place_array = array_literal (places);
  g_autofree char *digest_array = array_literal (text_digests);
  RpStmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!(stmt = store_prepare (self, "SELECT w FROM rp_report_name_words (?1) AS w", error)))
    return NULL;
  bind_text (stmt, 1, word_array);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    if (column_text (stmt, 0) != NULL)
      g_ptr_array_add (names, g_strdup (column_text (stmt, 0)));
  rp_stmt_reset (stmt);
  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  index = rp_name_index_new ((const char * const *) names->pdata, names->len);

  if (!(stmt = store_prepare (self,
                              "SELECT place, text_digest, word FROM rp_report_name_confirmations (?1, ?2, ?3) AS c",
                              error)))
    return NULL;
  rp_stmt_bind_int64 (stmt, 1, programme_id);
  bind_text (stmt, 2, place_array);
  bind_text (stmt, 3, digest_array);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    rp_name_index_add_confirmation (index, column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 2));
  rp_stmt_reset (stmt);
  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  return g_steal_pointer (&index);
}

typedef struct
{
  gint64      programme_id;
  const char *place;
  const char *text;
  const char *word;
} Confirmation;

static gboolean
write_confirmation (RpStore  *self,
                    gpointer  data,
                    GError  **error)
{
  Confirmation *confirmation = data;
  g_autofree char *text_digest = rp_name_index_digest_text (confirmation->text);
  RpStmt *stmt = store_prepare (self,
                                      "INSERT OR IGNORE INTO name_confirmation"
                                      " (programme_id, place, text_digest, word, confirmed_by)"
                                      " VALUES (?, ?, ?, ?, ?)",
                                      error);

  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, confirmation->programme_id);
  bind_text (stmt, 2, confirmation->place);
  bind_text (stmt, 3, text_digest);
  bind_text (stmt, 4, confirmation->word);
  bind_text (stmt, 5, self->user);
  return step_done (self, stmt, error);
}

/**
 * rp_store_confirm_not_a_name:
 * @place: where the text is published (rp_name_place())
 * @text: the text exactly as it was shown to the person confirming
 * @word: the folded word (rp_name_index_confirmation_word())
 *
 * Records that someone looked at @text and confirmed that @word, which the
 * name check flagged, is an ordinary word there and not a name. It is kept
 * with who confirmed it and when, in the audit trail, and holds for this
 * text only: any later edit is checked afresh.
 */
gboolean
rp_store_confirm_not_a_name (RpStore     *self,
                             gint64       programme_id,
                             const char  *place,
                             const char  *text,
                             const char  *word,
                             GError     **error)
{
  Confirmation confirmation = { programme_id, place, text, word };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (place != NULL && text != NULL && word != NULL, FALSE);

  /* A reports login confirms the words of the report it exports too
   * (through the server's rp_confirm_not_a_name (), team schema 6). */
  return store_write_report (self, write_confirmation, &confirmation, error);
}
