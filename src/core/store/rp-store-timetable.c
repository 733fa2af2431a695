/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-timetable.c: the closure timetable */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-error.h"
#include "rp-store-internal.h"

#define ACTION_COLUMNS "id, programme_id, activity, owner, due_date, status, position, due_note"

static RpTimetableAction *
action_from_row (sqlite3_stmt *stmt)
{
  RpTimetableAction *action = rp_timetable_action_new ();
  RpActionStatus status = RP_ACTION_NOT_STARTED;

  rp_action_status_from_string (column_text (stmt, 5), &status);
  rp_timetable_action_set_id (action, sqlite3_column_int64 (stmt, 0));
  rp_timetable_action_set_programme_id (action, sqlite3_column_int64 (stmt, 1));
  rp_timetable_action_set_activity (action, column_text (stmt, 2));
  rp_timetable_action_set_owner (action, column_text (stmt, 3));
  rp_timetable_action_set_due_date (action, column_text (stmt, 4));
  rp_timetable_action_set_status (action, status);
  rp_timetable_action_set_position (action, sqlite3_column_int (stmt, 6));
  rp_timetable_action_set_due_note (action, column_text (stmt, 7));
  return action;
}

/**
 * rp_store_list_actions:
 * Returns: (transfer full): a #GListModel of #RpTimetableAction in timetable order
 */
GListModel *
rp_store_list_actions (RpStore  *self,
                       gint64    programme_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " ACTION_COLUMNS " FROM timetable_action WHERE programme_id = ?"
                        " ORDER BY position, id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  return collect_rows (self, stmt, RP_TYPE_TIMETABLE_ACTION, (RowFunc) action_from_row, error);
}

#define ACTION_AS_OF(column) RP_STORE_AS_OF ("timetable_action", "ids.id", column, "t." column)

/**
 * rp_store_list_actions_as_of:
 * @since: from rp_store_find_as_of_cutoff(); 0 for now
 *
 * The timetable as it stood before the audit trail's entry @since: actions added since are left out,
 * actions deleted since are back (the audit trail keeps what a deleted row
 * held), and each field has the value it had then.
 *
 * Returns: (transfer full): a #GListModel of #RpTimetableAction in timetable order
 */
GListModel *
rp_store_list_actions_as_of (RpStore     *self,
                             gint64       programme_id,
                             gint64       since,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (since == 0)
    return rp_store_list_actions (self, programme_id, error);

  stmt = store_prepare (self,
                        "WITH ids (id) AS ("
                        "  SELECT id FROM timetable_action WHERE programme_id = ?1"
                        "  UNION SELECT record_id FROM audit WHERE table_name = 'timetable_action' AND action = 'delete'"
                        "   AND id >= ?2 AND field = 'programme_id' AND old_value = ?1)"
                        " SELECT * FROM (SELECT ids.id, ?1, " ACTION_AS_OF ("activity") ", " ACTION_AS_OF ("owner") ","
                        "  " ACTION_AS_OF ("due_date") ", " ACTION_AS_OF ("status") ", " ACTION_AS_OF ("position") " AS position,"
                        "  " ACTION_AS_OF ("due_note")
                        "  FROM ids LEFT JOIN timetable_action t ON t.id = ids.id"
                        /* It was there unless the first thing to happen to it since was its insert. */
                        "  WHERE coalesce ((SELECT action FROM audit WHERE table_name = 'timetable_action' AND record_id = ids.id"
                        "   AND id >= ?2 AND action IN ('insert', 'delete') ORDER BY id LIMIT 1), '') != 'insert')"
                        " ORDER BY position, id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, since);
  return collect_rows (self, stmt, RP_TYPE_TIMETABLE_ACTION, (RowFunc) action_from_row, error);
}

/* Binds every column but the id, in the order of the statements below. */
static void
bind_action (sqlite3_stmt      *stmt,
             RpTimetableAction *action)
{
  sqlite3_bind_int64 (stmt, 1, rp_timetable_action_get_programme_id (action));
  bind_text (stmt, 2, rp_timetable_action_get_activity (action));
  bind_text (stmt, 3, rp_timetable_action_get_owner (action));
  bind_text (stmt, 4, rp_timetable_action_get_due_date (action));
  bind_text (stmt, 5, rp_action_status_to_string (rp_timetable_action_get_status (action)));
  sqlite3_bind_int (stmt, 6, rp_timetable_action_get_position (action));
  bind_text (stmt, 7, rp_timetable_action_get_due_note (action));
}

static gboolean
write_action (RpStore  *self,
              gpointer  data,
              GError  **error)
{
  RpTimetableAction *action = data;
  gint64 id = rp_timetable_action_get_id (action);
  sqlite3_stmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO timetable_action (programme_id, activity, owner, due_date, status,"
                          " position, due_note, id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)"
                        : "UPDATE timetable_action SET programme_id = ?, activity = ?, owner = ?,"
                          " due_date = ?, status = ?, position = ?, due_note = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_action (stmt, action);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 8, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_timetable_action_set_id (action, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The timetable action no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_add_action (RpStore            *self,
                     RpTimetableAction  *action,
                     GError            **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (action), FALSE);
  g_return_val_if_fail (rp_timetable_action_get_id (action) == 0, FALSE);

  return store_add (self, action, (StoreValidateFunc) rp_timetable_action_validate, write_action,
                    (StoreSetIdFunc) rp_timetable_action_set_id, error);
}

gboolean
rp_store_save_action (RpStore            *self,
                      RpTimetableAction  *action,
                      GError            **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (action), FALSE);
  g_return_val_if_fail (rp_timetable_action_get_id (action) > 0, FALSE);

  if (!rp_timetable_action_validate (action, error))
    return FALSE;

  return store_write (self, write_action, action, error);
}

typedef struct
{
  gint64 action_id;
  int    offset;
} MoveAction;

static gboolean
write_move_action (RpStore  *self,
                   gpointer  data,
                   GError  **error)
{
  MoveAction *move = data;
  g_autoptr(GListModel) actions = NULL;
  gint64 programme_id = 0;
  sqlite3_stmt *stmt;
  guint n, from = G_MAXUINT;
  int to;

  stmt = store_prepare (self, "SELECT programme_id FROM timetable_action WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, move->action_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    programme_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (programme_id == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The timetable action no longer exists."));
      return FALSE;
    }

  if (!(actions = rp_store_list_actions (self, programme_id, error)))
    return FALSE;

  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
      if (rp_timetable_action_get_id (action) == move->action_id)
        from = i;
    }

  to = CLAMP ((int) from + move->offset, 0, (int) n - 1);

  /* Renumber every action 1..n in the new order, so positions stay tidy. */
  stmt = store_prepare (self, "UPDATE timetable_action SET position = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0, position = 1; i < n; i++)
    {
      guint source = i;
      g_autoptr(RpTimetableAction) action = NULL;

      /* Walk the list as it will be after moving item @from to @to. */
      if ((int) i == to)
        source = from;
      else if (from < (guint) to && i >= from && (int) i < to)
        source = i + 1;
      else if (from > (guint) to && (int) i > to && i <= from)
        source = i - 1;

      action = g_list_model_get_item (actions, source);
      sqlite3_bind_int (stmt, 1, position++);
      sqlite3_bind_int64 (stmt, 2, rp_timetable_action_get_id (action));
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rp_store_move_action:
 * @offset: how many places to move: -1 up, 1 down
 *
 * Moves an action within the timetable's order.
 */
gboolean
rp_store_move_action (RpStore  *self,
                      gint64    action_id,
                      int       offset,
                      GError  **error)
{
  MoveAction move = { action_id, offset };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_write (self, write_move_action, &move, error);
}

static gboolean
write_delete_action (RpStore  *self,
                     gpointer  data,
                     GError  **error)
{
  gint64 action_id = *(gint64 *) data;
  sqlite3_stmt *stmt;

  stmt = store_prepare (self, "DELETE FROM timetable_action WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, action_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The timetable action no longer exists."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_store_delete_action:
 *
 * Takes an action off the timetable. The audit trail keeps what it said,
 * and rp_store_restore_action() can put it back.
 */
gboolean
rp_store_delete_action (RpStore  *self,
                        gint64    action_id,
                        GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (action_id > 0, FALSE);

  return store_write (self, write_delete_action, &action_id, error);
}

static gboolean
write_restore_action (RpStore  *self,
                      gpointer  data,
                      GError  **error)
{
  RpTimetableAction *action = data;
  sqlite3_stmt *stmt;
  int rc;

  stmt = store_prepare (self, "SELECT 1 FROM timetable_action WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rp_timetable_action_get_id (action));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("The action is already back on the timetable."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return set_error_from_db (self, error);

  /* Its place may have been taken by a move since: the actions from there
   * on go down one, so it comes back between the same neighbours. */
  stmt = store_prepare (self,
                        "UPDATE timetable_action SET position = position + 1"
                        " WHERE programme_id = ?1 AND position >= ?2"
                        "   AND EXISTS (SELECT 1 FROM timetable_action WHERE programme_id = ?1 AND position = ?2)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rp_timetable_action_get_programme_id (action));
  sqlite3_bind_int (stmt, 2, rp_timetable_action_get_position (action));
  if (!step_done (self, stmt, error))
    return FALSE;

  /* The same id: it is the same record, and its audit trail goes on. */
  stmt = store_prepare (self,
                        "INSERT INTO timetable_action (programme_id, activity, owner, due_date, status,"
                        " position, due_note, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_action (stmt, action);
  sqlite3_bind_int64 (stmt, 8, rp_timetable_action_get_id (action));
  return step_done (self, stmt, error);
}

/**
 * rp_store_restore_action:
 * @action: an action as it was before rp_store_delete_action()
 *
 * Puts a deleted action back, with the same id, content and place in the
 * timetable: the undo of a deletion.
 */
gboolean
rp_store_restore_action (RpStore            *self,
                         RpTimetableAction  *action,
                         GError            **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (action), FALSE);
  g_return_val_if_fail (rp_timetable_action_get_id (action) > 0, FALSE);

  if (!rp_timetable_action_validate (action, error))
    return FALSE;

  return store_write (self, write_restore_action, action, error);
}
