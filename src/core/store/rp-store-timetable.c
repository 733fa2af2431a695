/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-timetable.c: the closure timetable */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-store-internal.h"

#define ACTION_COLUMNS "id, programme_id, activity, owner, due_date, status, position, due_note"

static RpTimetableAction *
action_from_row (RpStmt *stmt)
{
  RpTimetableAction *action = rp_timetable_action_new ();
  RpActionStatus status = RP_ACTION_NOT_STARTED;

  rp_action_status_from_string (column_text (stmt, 5), &status);
  rp_timetable_action_set_id (action, rp_stmt_column_int64 (stmt, 0));
  rp_timetable_action_set_programme_id (action, rp_stmt_column_int64 (stmt, 1));
  rp_timetable_action_set_activity (action, column_text (stmt, 2));
  rp_timetable_action_set_owner (action, column_text (stmt, 3));
  rp_timetable_action_set_due_date (action, column_text (stmt, 4));
  rp_timetable_action_set_status (action, status);
  rp_timetable_action_set_position (action, rp_stmt_column_int (stmt, 6));
  rp_timetable_action_set_due_note (action, column_text (stmt, 7));
  return action;
}

/* Taster days linked to actions ------------------------------------------- */

/* A linked day as the due text needs it: which day, its provider, its date
 * and whether it is cancelled. Rows are (action_id, id, programme_id,
 * provider_id, provider name, day, cancelled). */
static RpTasterDay *
linked_day_from_row (RpStmt *stmt)
{
  RpTasterDay *day = rp_taster_day_new ();

  rp_taster_day_set_id (day, rp_stmt_column_int64 (stmt, 1));
  rp_taster_day_set_programme_id (day, rp_stmt_column_int64 (stmt, 2));
  rp_taster_day_set_provider_id (day, rp_stmt_column_int64 (stmt, 3));
  rp_taster_day_set_provider_name (day, column_text (stmt, 4));
  rp_taster_day_set_date (day, column_text (stmt, 5));
  rp_taster_day_set_cancelled (day, rp_stmt_column_int (stmt, 6) != 0);
  return day;
}

/* Gives each action of @actions the days the bound query @stmt links it to;
 * links of actions not in @actions are passed over. */
static gboolean
attach_taster_days (RpStore       *self,
                    GListModel    *actions,
                    RpStmt        *stmt,
                    GError       **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint n = g_list_model_get_n_items (actions);
  int rc;

  for (guint i = 0; i < n; i++)
    {
      RpTimetableAction *action = g_list_model_get_item (actions, i);
      gint64 *id = g_new (gint64, 1);

      *id = rp_timetable_action_get_id (action);
      g_hash_table_insert (by_id, id, action);
    }

  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      gint64 action_id = rp_stmt_column_int64 (stmt, 0);
      RpTimetableAction *action = g_hash_table_lookup (by_id, &action_id);
      g_autoptr(RpTasterDay) day = NULL;

      if (action == NULL || rp_stmt_column_is_null (stmt, 1))
        continue;

      day = linked_day_from_row (stmt);
      rp_timetable_action_link_taster_day (action, day);
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    return set_error_from_db (self, error);

  return TRUE;
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
  g_autoptr(GListModel) actions = NULL;
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " ACTION_COLUMNS " FROM timetable_action WHERE programme_id = ?"
                        " ORDER BY position, id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  if (!(actions = collect_rows (self, stmt, RP_TYPE_TIMETABLE_ACTION, (RowFunc) action_from_row, error)))
    return NULL;

  stmt = store_prepare (self,
                        "SELECT l.action_id, t.id, t.programme_id, t.provider_id, p.name, t.day, t.cancelled"
                        " FROM timetable_action_taster_day l"
                        " JOIN timetable_action a ON a.id = l.action_id"
                        " JOIN taster_day t ON t.id = l.taster_day_id"
                        " JOIN provider p ON p.id = t.provider_id"
                        " WHERE a.programme_id = ?"
                        " ORDER BY l.action_id, t.day IS NULL, t.day, t.id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  if (!attach_taster_days (self, actions, stmt, error))
    return NULL;

  return g_steal_pointer (&actions);
}

#define ACTION_AS_OF(column, type) RP_STORE_AS_OF_##type ("timetable_action", "ids.id", column, "t." column)
#define LINK_AS_OF(column, type) RP_STORE_AS_OF_##type ("timetable_action_taster_day", "link_ids.id", column, "l." column)
#define DAY_AS_OF(column, type) RP_STORE_AS_OF_##type ("taster_day", "links.taster_day_id", column, "t." column)
#define PROVIDER_NAME_AS_OF RP_STORE_AS_OF_TEXT ("provider", "days.provider_id", "name", "p.name")

/**
 * rp_store_list_actions_as_of:
 * @since: from rp_store_find_as_of_cutoff(); 0 for now
 *
 * The timetable as it stood before the audit trail's entry @since: actions added since are left out,
 * actions deleted since are back (the audit trail keeps what a deleted row
 * held), and each field has the value it had then. So are the taster days
 * each action was linked to, with their dates, cancellations and providers'
 * names of then.
 *
 * Returns: (transfer full): a #GListModel of #RpTimetableAction in timetable order
 */
GListModel *
rp_store_list_actions_as_of (RpStore     *self,
                             gint64       programme_id,
                             gint64       since,
                             GError     **error)
{
  g_autoptr(GListModel) actions = NULL;
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (since == 0)
    return rp_store_list_actions (self, programme_id, error);

  stmt = store_prepare (self,
                        "WITH ids (id) AS ("
                        "  SELECT id FROM timetable_action WHERE programme_id = ?1"
                        "  UNION SELECT record_id FROM audit WHERE table_name = 'timetable_action' AND action = 'delete'"
                        "   AND id >= ?2 AND field = 'programme_id' AND CAST (old_value AS TEXT) = CAST (?1 AS TEXT))"
                        " SELECT * FROM (SELECT ids.id, ?1, " ACTION_AS_OF ("activity", TEXT) ", " ACTION_AS_OF ("owner", TEXT) ","
                        "  " ACTION_AS_OF ("due_date", DATE) ", " ACTION_AS_OF ("status", TEXT) ", " ACTION_AS_OF ("position", INTEGER) " AS position,"
                        "  " ACTION_AS_OF ("due_note", TEXT)
                        "  FROM ids LEFT JOIN timetable_action t ON t.id = ids.id"
                        /* It was there unless the first thing to happen to it since was its insert. */
                        "  WHERE coalesce ((SELECT action FROM audit WHERE table_name = 'timetable_action' AND record_id = ids.id"
                        "   AND id >= ?2 AND action IN ('insert', 'delete') ORDER BY id LIMIT 1), '') != 'insert') AS actions"
                        " ORDER BY position, id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  rp_stmt_bind_int64 (stmt, 2, since);
  if (!(actions = collect_rows (self, stmt, RP_TYPE_TIMETABLE_ACTION, (RowFunc) action_from_row, error)))
    return NULL;

  /* The links of then, from the audit trail as the actions are: those made
   * since are left out and those removed since are back; then each day's
   * date, whether it was cancelled and its provider's name, as they were. */
  stmt = store_prepare (self,
                        "WITH link_ids (id) AS ("
                        "  SELECT id FROM timetable_action_taster_day"
                        "  UNION SELECT record_id FROM audit WHERE table_name = 'timetable_action_taster_day'"
                        "   AND action = 'delete' AND id >= ?2),"
                        " links (action_id, taster_day_id) AS ("
                        "  SELECT " LINK_AS_OF ("action_id", INTEGER) ", " LINK_AS_OF ("taster_day_id", INTEGER)
                        "  FROM link_ids LEFT JOIN timetable_action_taster_day l ON l.id = link_ids.id"
                        "  WHERE coalesce ((SELECT action FROM audit WHERE table_name = 'timetable_action_taster_day'"
                        "   AND record_id = link_ids.id AND id >= ?2 AND action IN ('insert', 'delete') ORDER BY id LIMIT 1), '') != 'insert'),"
                        " days (action_id, id, programme_id, provider_id, day, cancelled) AS ("
                        "  SELECT links.action_id, links.taster_day_id, " DAY_AS_OF ("programme_id", INTEGER) ","
                        "   " DAY_AS_OF ("provider_id", INTEGER) ", " DAY_AS_OF ("day", DATE) ", " DAY_AS_OF ("cancelled", FLAG)
                        "  FROM links LEFT JOIN taster_day t ON t.id = links.taster_day_id)"
                        " SELECT days.action_id, days.id, days.programme_id, days.provider_id, " PROVIDER_NAME_AS_OF ","
                        "  days.day, days.cancelled"
                        " FROM days LEFT JOIN provider p ON p.id = days.provider_id"
                        " WHERE days.programme_id = ?1"
                        " ORDER BY days.action_id, days.day IS NULL, days.day, days.id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  rp_stmt_bind_int64 (stmt, 2, since);
  if (!attach_taster_days (self, actions, stmt, error))
    return NULL;

  return g_steal_pointer (&actions);
}

/* Binds every column but the id, in the order of the statements below. */
static void
bind_action (RpStmt            *stmt,
             RpTimetableAction *action)
{
  rp_stmt_bind_int64 (stmt, 1, rp_timetable_action_get_programme_id (action));
  bind_text (stmt, 2, rp_timetable_action_get_activity (action));
  bind_text (stmt, 3, rp_timetable_action_get_owner (action));
  bind_text (stmt, 4, rp_timetable_action_get_due_date (action));
  bind_text (stmt, 5, rp_action_status_to_string (rp_timetable_action_get_status (action)));
  rp_stmt_bind_int (stmt, 6, rp_timetable_action_get_position (action));
  bind_text (stmt, 7, rp_timetable_action_get_due_note (action));
}

/* "at IBC on 30 Sep 2023": which taster day, in an error message. */
static char *
describe_day (RpTasterDay *day)
{
  g_autofree char *date = rp_date_format_short (rp_taster_day_get_date (day));
  const char *provider = rp_taster_day_get_provider_name (day);

  if (provider == NULL)
    /* Translators: a taster day known only by its number: "The taster day number 12 …" */
    return g_strdup_printf (_("number %" G_GINT64_FORMAT), rp_taster_day_get_id (day));

  if (date == NULL)
    /* Translators: "The taster day at FTM Dance (date to be confirmed) …" */
    return g_strdup_printf (_("at %s (date to be confirmed)"), provider);

  /* Translators: "The taster day at IBC on 30 Sep 2023 …" */
  return g_strdup_printf (_("at %s on %s"), provider, date);
}

/* Makes the stored links of @action those it holds, adding and removing
 * rows (each audited) and leaving alone the links that stay. A day that no
 * longer exists is refused, or passed over when @skip_missing, as an undo
 * puts back what it can. */
static gboolean
write_links (RpStore            *self,
             RpTimetableAction  *action,
             gboolean            skip_missing,
             GError            **error)
{
  gint64 action_id = rp_timetable_action_get_id (action);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  RpStmt *stmt;
  int rc;

  stmt = store_prepare (self, "SELECT programme_id FROM taster_day WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < rp_timetable_action_get_n_taster_days (action); i++)
    {
      RpTasterDay *day = rp_timetable_action_get_taster_day (action, i);
      gint64 day_id = rp_taster_day_get_id (day);
      gint64 programme_id = 0;

      rp_stmt_bind_int64 (stmt, 1, day_id);
      rc = rp_stmt_step (stmt);
      if (rc == RP_STMT_ROW)
        programme_id = rp_stmt_column_int64 (stmt, 0);
      rp_stmt_reset (stmt);
      if (rc != RP_STMT_ROW && rc != RP_STMT_DONE)
        return set_error_from_db (self, error);

      if (rc == RP_STMT_DONE)
        {
          g_autofree char *what = NULL;

          if (skip_missing)
            continue;
          what = describe_day (day);
          /* Translators: %s says which day, as in "at IBC on 30 Sep 2023" */
          g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                       _("The taster day %s no longer exists, so the action cannot be linked to it."), what);
          return FALSE;
        }

      if (programme_id != rp_timetable_action_get_programme_id (action))
        {
          g_autofree char *what = describe_day (day);

          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("The taster day %s belongs to another programme. An action can only be linked to taster days of its own programme."),
                       what);
          return FALSE;
        }

      g_array_append_val (wanted, day_id);
    }

  /* Links that go. */
  stmt = store_prepare (self, "SELECT id, taster_day_id FROM timetable_action_taster_day WHERE action_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, action_id);
  {
    g_autoptr(GArray) going = g_array_new (FALSE, FALSE, sizeof (gint64));

    while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
      {
        gint64 link_id = rp_stmt_column_int64 (stmt, 0);
        gint64 day_id = rp_stmt_column_int64 (stmt, 1);
        gboolean stays = FALSE;

        for (guint i = 0; !stays && i < wanted->len; i++)
          if (g_array_index (wanted, gint64, i) == day_id)
            {
              stays = TRUE;
              g_array_remove_index (wanted, i);
            }

        if (!stays)
          g_array_append_val (going, link_id);
      }
    rp_stmt_reset (stmt);
    if (rc != RP_STMT_DONE)
      return set_error_from_db (self, error);

    stmt = store_prepare (self, "DELETE FROM timetable_action_taster_day WHERE id = ?", error);
    if (stmt == NULL)
      return FALSE;
    for (guint i = 0; i < going->len; i++)
      {
        rp_stmt_bind_int64 (stmt, 1, g_array_index (going, gint64, i));
        if (!step_done (self, stmt, error))
          return FALSE;
      }
  }

  /* Links that come: what is left of @wanted. */
  stmt = store_prepare (self, "INSERT INTO timetable_action_taster_day (action_id, taster_day_id) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < wanted->len; i++)
    {
      rp_stmt_bind_int64 (stmt, 1, action_id);
      rp_stmt_bind_int64 (stmt, 2, g_array_index (wanted, gint64, i));
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_action (RpStore  *self,
              gpointer  data,
              GError  **error)
{
  RpTimetableAction *action = data;
  gint64 id = rp_timetable_action_get_id (action);
  RpStmt *stmt;

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
    rp_stmt_bind_int64 (stmt, 8, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_timetable_action_set_id (action, store_last_insert_id (self));
  else if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The timetable action no longer exists."));
      return FALSE;
    }

  return write_links (self, action, FALSE, error);
}

/**
 * rp_store_add_action:
 * @action: a new action, with the taster days it is linked to, if any
 *
 * Adds an action to the timetable, and its links, in one transaction.
 */
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

/**
 * rp_store_save_action:
 * @action: an action as edited, with every taster day it is now linked to
 *
 * Saves an action's fields and its links in one transaction: links it no
 * longer holds are removed and new ones added, each in the audit trail.
 * A taster day of another programme, or one that no longer exists, is
 * refused in words and nothing is saved.
 */
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
  gint64         action_id;
  RpActionStatus from;
  RpActionStatus to;
} SetStatus;

static gboolean
write_action_status (RpStore  *self,
                     gpointer  data,
                     GError  **error)
{
  SetStatus *set = data;
  RpStmt *stmt;
  int rc;

  stmt = store_prepare (self, "UPDATE timetable_action SET status = ? WHERE id = ? AND status = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, rp_action_status_to_string (set->to));
  rp_stmt_bind_int64 (stmt, 2, set->action_id);
  bind_text (stmt, 3, rp_action_status_to_string (set->from));
  if (!step_done (self, stmt, error))
    return FALSE;
  if (store_changes (self) > 0)
    return TRUE;

  /* Nothing changed: the action is gone, or its status is no longer the one
   * the person changed it from. */
  stmt = store_prepare (self, "SELECT status FROM timetable_action WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, set->action_id);
  rc = rp_stmt_step (stmt);
  rp_stmt_reset (stmt);
  if (rc == RP_STMT_ROW)
    g_set_error_literal (error, RP_ERROR, RP_ERROR_CONFLICT,
                         _("Someone else changed this action while your change waited, so it shows what they "
                           "saved. Change it again if it is still needed."));
  else if (rc == RP_STMT_DONE)
    g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The timetable action no longer exists."));
  else
    set_error_from_db (self, error);
  return FALSE;
}

/**
 * rp_store_set_action_status:
 * @from: the status the person saw and changed
 * @to: the new status
 *
 * Changes only an action's status, and only if it is still @from: a tick
 * made on an out-of-date page (another person's change, a save that waited
 * for a lost connection) never overwrites what someone else saved; that is
 * refused with %RP_ERROR_CONFLICT. The action's other fields stay as stored.
 */
gboolean
rp_store_set_action_status (RpStore         *self,
                            gint64           action_id,
                            RpActionStatus   from,
                            RpActionStatus   to,
                            GError         **error)
{
  SetStatus set = { action_id, from, to };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (action_id > 0, FALSE);

  if (from == to)
    return TRUE;

  return store_write (self, write_action_status, &set, error);
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
  RpStmt *stmt;
  guint n, from = G_MAXUINT;
  int to;

  stmt = store_prepare (self, "SELECT programme_id FROM timetable_action WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, move->action_id);
  if (rp_stmt_step (stmt) == RP_STMT_ROW)
    programme_id = rp_stmt_column_int64 (stmt, 0);
  rp_stmt_reset (stmt);

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
      rp_stmt_bind_int (stmt, 1, position++);
      rp_stmt_bind_int64 (stmt, 2, rp_timetable_action_get_id (action));
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
  RpStmt *stmt;

  stmt = store_prepare (self, "DELETE FROM timetable_action WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, action_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The timetable action no longer exists."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_store_delete_action:
 *
 * Takes an action off the timetable, with its links to taster days. The
 * audit trail keeps what it said and which days it was linked to, and
 * rp_store_restore_action() can put it back.
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
  RpStmt *stmt;
  int rc;

  stmt = store_prepare (self, "SELECT 1 FROM timetable_action WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, rp_timetable_action_get_id (action));
  rc = rp_stmt_step (stmt);
  rp_stmt_reset (stmt);
  if (rc == RP_STMT_ROW)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("The action is already back on the timetable."));
      return FALSE;
    }
  if (rc != RP_STMT_DONE)
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

  rp_stmt_bind_int64 (stmt, 1, rp_timetable_action_get_programme_id (action));
  rp_stmt_bind_int (stmt, 2, rp_timetable_action_get_position (action));
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
  rp_stmt_bind_int64 (stmt, 8, rp_timetable_action_get_id (action));
  return step_done (self, stmt, error) &&
         write_links (self, action, TRUE, error);
}

/**
 * rp_store_restore_action:
 * @action: an action as it was before rp_store_delete_action()
 *
 * Puts a deleted action back, with the same id, content and place in the
 * timetable, linked again to its taster days (those that still exist): the
 * undo of a deletion.
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
