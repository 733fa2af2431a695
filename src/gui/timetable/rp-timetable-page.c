/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-timetable-page.c: the Timetable area: the actions needed to close the day centre */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-field-message.h"
#include "rp-timetable-action-dialog.h"
#include "rp-timetable-page.h"
#include "rp-team.h"

/* A tick waiting for the connection: the change the person made. */
typedef struct
{
  gint64         action_id;
  RpActionStatus from;
  RpActionStatus to;
} Pending;

struct _RpTimetablePage
{
  RpAreaPage           parent_instance;

  GPtrArray           *rows;
  /* Ticks not saved for a lost team connection, by action id (Pending). */
  GHashTable          *pending;
  GSignalGroup        *store_signals;  /* the store's "connection-lost" */
  guint                resave_source;

  AdwPreferencesGroup *actions_group;
  AdwEntryRow         *activity_row;
  AdwEntryRow         *owner_row;
  AdwEntryRow         *due_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (RpTimetablePage, rp_timetable_page, RP_TYPE_AREA_PAGE)

static void
show_error (RpTimetablePage *self,
            const GError    *error)
{
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static RpTimetableAction *
row_action (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "action") : NULL;
}

/* A tick kept on screen that is not saved yet says so on its row: a warning
 * sign beside the tick, and "Not saved" in words at the head of the line
 * under the title (words there fit a narrow window too), which a screen
 * reader hears with the tick. */
static void
mark_not_saved (GtkWidget *row,
                GtkWidget *check)
{
  GtkWidget *icon;
  g_autofree char *subtitle = NULL;
  const char *why = _("Not saved: the team database cannot be reached. It is saved once the connection is back.");

  if (g_object_get_data (G_OBJECT (row), "not-saved") != NULL)
    return;

  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "saved-indicator");
  gtk_widget_add_css_class (icon, "not-saved");
  gtk_widget_set_tooltip_text (icon, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  /* Translators: heads the line under a timetable action whose tick is not saved yet */
  subtitle = g_strdup_printf (_("Not saved · %s"), adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "not-saved", icon);
}

/* The tick's change, from the status shown to the one ticked; the store
 * refuses it if that status is no longer the stored one. */
static void
save_status (RpTimetablePage *self,
             gint64           action_id,
             RpActionStatus   from,
             RpActionStatus   to,
             GtkWidget       *check)
{
  g_autoptr(GError) error = NULL;

  show_error (self, NULL);

  if (rp_store_set_action_status (rp_area_page_get_store (RP_AREA_PAGE (self)), action_id, from, to, &error))
    {
      /* Saved: shown when the store announces it. */
      g_hash_table_remove (self->pending, &action_id);
      return;
    }

  /* A lost connection: the tick stays as the person left it, marked, and
   * is saved once the connection is back (the window's banner says why). */
  if (g_error_matches (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE))
    {
      Pending *kept = g_new (Pending, 1);

      *kept = (Pending) { action_id, from, to };
      g_hash_table_replace (self->pending, &kept->action_id, kept);
      if (check != NULL)
        mark_not_saved (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW), check);
      return;
    }

  /* Any other refusal (someone else's change meanwhile included): the rows
   * go back to what is stored. */
  g_hash_table_remove (self->pending, &action_id);
  show_error (self, error);
  rp_area_page_refresh (RP_AREA_PAGE (self));
}

static void
on_completed_toggled (GtkCheckButton  *check,
                      RpTimetablePage *self)
{
  RpTimetableAction *stored = row_action (GTK_WIDGET (check));
  gboolean completed = gtk_check_button_get_active (check);
  gint64 action_id;

  if (stored == NULL)
    return;

  action_id = rp_timetable_action_get_id (stored);
  if (completed == (rp_timetable_action_get_status (stored) == RP_ACTION_COMPLETED))
    {
      /* Put back as stored before it could be saved: nothing left to save. */
      if (g_hash_table_remove (self->pending, &action_id))
        rp_area_page_refresh (RP_AREA_PAGE (self));
      return;
    }

  save_status (self, action_id, rp_timetable_action_get_status (stored),
               completed ? RP_ACTION_COMPLETED : RP_ACTION_IN_PROGRESS, GTK_WIDGET (check));
}

/* The team database is back: each tick kept is saved now, unless someone
 * else changed that action meanwhile (the store refuses it, and the page
 * shows what they saved and says so). */
static gboolean
save_again (gpointer user_data)
{
  RpTimetablePage *self = user_data;
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  g_autoptr(GPtrArray) kept = NULL;

  self->resave_source = 0;
  if (store == NULL || rp_store_get_connection_lost (store) || g_hash_table_size (self->pending) == 0)
    return G_SOURCE_REMOVE;

  /* Each save takes its tick out of the table, or puts it back if lost again. */
  kept = g_ptr_array_new_with_free_func (g_free);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->pending);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        g_ptr_array_add (kept, g_memdup2 (value, sizeof (Pending)));
      }
  }
  for (guint i = 0; i < kept->len; i++)
    {
      Pending *tick = g_ptr_array_index (kept, i);

      save_status (self, tick->action_id, tick->from, tick->to, NULL);
      if (rp_store_get_connection_lost (store))
        break;
    }

  rp_area_page_refresh (RP_AREA_PAGE (self));
  return G_SOURCE_REMOVE;
}

/* Saved from an idle, once every form following the store has read what
 * became of an unanswered COMMIT (as the record list windows do). */
static void
on_connection_lost_changed (RpTimetablePage *self,
                            GParamSpec      *pspec,
                            RpStore         *store)
{
  if (rp_store_get_connection_lost (store) || g_hash_table_size (self->pending) == 0 || self->resave_source != 0)
    return;

  self->resave_source = g_idle_add (save_again, self);
}

static void
on_store_notify (RpTimetablePage *self)
{
  g_signal_group_set_target (self->store_signals, rp_area_page_get_store (RP_AREA_PAGE (self)));
}

static void
move (RpTimetablePage *self,
      GtkWidget       *button,
      int              offset)
{
  RpTimetableAction *action = row_action (button);
  g_autoptr(GError) error = NULL;

  if (action == NULL)
    return;

  if (!rp_store_move_action (rp_area_page_get_store (RP_AREA_PAGE (self)), rp_timetable_action_get_id (action),
                             offset, &error))
    show_error (self, error);
}

static void
on_up_clicked (GtkButton       *button,
               RpTimetablePage *self)
{
  move (self, GTK_WIDGET (button), -1);
}

static void
on_down_clicked (GtkButton       *button,
                 RpTimetablePage *self)
{
  move (self, GTK_WIDGET (button), 1);
}

static void
add_toast (RpTimetablePage *self,
           AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_undo_delete_clicked (AdwToast        *toast,
                        RpTimetablePage *self)
{
  RpTimetableAction *action = g_object_get_data (G_OBJECT (toast), "action");
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  g_autoptr(GError) error = NULL;

  /* Put back as it was, in its place; shown when the store announces it. */
  if (store != NULL && !rp_store_restore_action (store, action, &error))
    show_error (self, error);
}

static void
on_action_deleted (RpTimetableActionDialog *dialog,
                   RpTimetableAction       *action,
                   RpTimetablePage         *self)
{
  AdwToast *toast = adw_toast_new (_("Action deleted"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "action", g_object_ref (action), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked), self, 0);
  add_toast (self, toast);
}

static void
on_edit_clicked (GtkButton       *button,
                 RpTimetablePage *self)
{
  RpTimetableAction *action = row_action (GTK_WIDGET (button));
  RpTimetableActionDialog *dialog;

  if (action == NULL)
    return;

  /* The dialogue saves, and keeps itself open on a refusal; a saved
   * change is shown when the store announces it. */
  show_error (self, NULL);
  dialog = rp_timetable_action_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                           rp_area_page_get_store (RP_AREA_PAGE (self)), action);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (on_action_deleted), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
icon_button (const char      *icon,
             const char      *label,
             GCallback        callback,
             RpTimetablePage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
make_row (RpTimetablePage   *self,
          RpTimetableAction *action,
          const char        *today,
          guint              position,
          guint              n_actions)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *due = rp_timetable_action_format_due (action);
  g_autofree char *subtitle = NULL;
  const char *owner = rp_timetable_action_get_owner (action);
  const char *due_date = rp_timetable_action_get_due_date (action);
  gboolean overdue = rp_timetable_action_get_status (action) != RP_ACTION_COMPLETED &&
                     due_date != NULL && rp_date_compare (due_date, today) < 0;
  Pending *kept = g_hash_table_lookup (self->pending, &(gint64) { rp_timetable_action_get_id (action) });
  GtkWidget *up, *down;

  g_object_set_data_full (G_OBJECT (row), "action", g_object_ref (action), g_object_unref);
  /* Written by people: "IBC 30 Sept, Pathfinders 10 & 19 Oct" is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_timetable_action_get_activity (action));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  /* Translators: under a timetable action: "Task owner: OO/MM · Due: 20 Sep 2023" */
  subtitle = g_strdup_printf (_("Task owner: %s · Due: %s%s"), owner != NULL ? owner : _("none"), due,
                              overdue ? _(" · Overdue") : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (overdue)
    gtk_widget_add_css_class (row, "attention");

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* A tick not saved yet is shown as the person left it. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               (kept != NULL ? kept->to : rp_timetable_action_get_status (action)) == RP_ACTION_COMPLETED);
  gtk_widget_set_tooltip_text (check, _("Completed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Completed"), -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_completed_toggled), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  if (kept != NULL)
    mark_not_saved (row, check);

  up = icon_button ("go-up-symbolic", _("Move Up"), G_CALLBACK (on_up_clicked), self);
  down = icon_button ("go-down-symbolic", _("Move Down"), G_CALLBACK (on_down_clicked), self);
  gtk_widget_set_sensitive (up, position > 0);
  gtk_widget_set_sensitive (down, position + 1 < n_actions);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-edit-symbolic", _("Edit"),
                                                                G_CALLBACK (on_edit_clicked), self));
  return row;
}

static void
rp_timetable_page_refresh (RpAreaPage *page)
{
  RpTimetablePage *self = RP_TIMETABLE_PAGE (page);
  RpStore *store = rp_area_page_get_store (page);
  RpProgramme *programme = rp_area_page_get_programme (page);
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *today = NULL;
  g_autofree char *description = NULL;
  RpProgrammeCounts counts;
  guint n;

  /* With the team connection lost, what is on screen stays as it is
   * (ticks not saved yet included) rather than emptying. */
  if (store != NULL && programme != NULL)
    {
      actions = rp_store_list_actions (store, rp_programme_get_id (programme), NULL);
      if (actions == NULL && rp_store_get_connection_lost (store))
        return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->actions_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (store == NULL || programme == NULL)
    return;

  rp_area_page_load_counts (page, &counts);
  /* Translators: "5 actions · 3 completed · 1 overdue"; the plural follows the first number */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action · %u completed · %u overdue. Due dates print as people write them: a date, a note such as “tbc”, “In progress” or “Completed”. An action linked to taster days prints their dates itself.",
                                              "%u actions · %u completed · %u overdue. Due dates print as people write them: a date, a note such as “tbc”, “In progress” or “Completed”. An action linked to taster days prints their dates itself.",
                                              counts.actions),
                                 counts.actions, counts.actions_completed, counts.actions_overdue);
  adw_preferences_group_set_description (self->actions_group, description);

  today = rp_store_dup_today (store);
  n = actions != NULL ? g_list_model_get_n_items (actions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
      GtkWidget *row = make_row (self, action, today, i, n);

      adw_preferences_group_add (self->actions_group, row);
      g_ptr_array_add (self->rows, row);
    }

  /* A tick kept for an action deleted meanwhile has nothing left to save. */
  if (actions != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->pending);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gboolean found = FALSE;

          for (guint i = 0; i < self->rows->len && !found; i++)
            found = rp_timetable_action_get_id (g_object_get_data (g_ptr_array_index (self->rows, i), "action")) ==
                    *(gint64 *) key;
          if (!found)
            g_hash_table_iter_remove (&iter);
        }
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RpTimetablePage *self = RP_TIMETABLE_PAGE (widget);
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || programme == NULL)
    return;

  actions = rp_store_list_actions (store, rp_programme_get_id (programme), NULL);

  rp_timetable_action_set_programme_id (action, rp_programme_get_id (programme));
  rp_timetable_action_set_activity (action, gtk_editable_get_text (GTK_EDITABLE (self->activity_row)));
  rp_timetable_action_set_owner (action, gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
  rp_timetable_action_set_position (action, (actions != NULL ? g_list_model_get_n_items (actions) : 0) + 1);

  /* A due date that is not a real one is said under the field where it was typed. */
  if (!rp_timetable_action_set_due_text (action, gtk_editable_get_text (GTK_EDITABLE (self->due_row)), &error))
    {
      show_error (self, NULL);
      rp_entry_row_mark_error (self->due_row, error->message);
      rp_focus_row (ADW_PREFERENCES_ROW (self->due_row));
      return;
    }

  if (!rp_store_add_action (store, action, &error))
    {
      show_error (self, error);
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->activity_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), "");
}

static void
rp_timetable_page_dispose (GObject *object)
{
  RpTimetablePage *self = RP_TIMETABLE_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_handle_id (&self->resave_source, g_source_remove);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (rp_timetable_page_parent_class)->dispose (object);
}

static void
rp_timetable_page_class_init (RpTimetablePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpAreaPageClass *page_class = RP_AREA_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rp_timetable_page_dispose;
  page_class->refresh = rp_timetable_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/timetable/rp-timetable-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, activity_row);
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, due_row);
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, error_label);

  gtk_widget_class_install_action (widget_class, "timetable.add", NULL, add_action);
}

static void
rp_timetable_page_init (RpTimetablePage *self)
{
  self->rows = g_ptr_array_new ();
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->store_signals = g_signal_group_new (RP_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "notify::connection-lost",
                                 G_CALLBACK (on_connection_lost_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::store", G_CALLBACK (on_store_notify), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self->due_row));
}

/**
 * rp_timetable_page_has_unsaved:
 *
 * Returns: whether a tick made while the team database could not be
 *   reached is still waiting to be saved
 */
gboolean
rp_timetable_page_has_unsaved (RpTimetablePage *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_PAGE (self), FALSE);

  return g_hash_table_size (self->pending) > 0;
}

/**
 * rp_timetable_page_discard_unsaved:
 *
 * Lets go of the ticks waiting to be saved, as the person chose to (the
 * window asks first): the rows show what is stored again.
 */
void
rp_timetable_page_discard_unsaved (RpTimetablePage *self)
{
  g_return_if_fail (RP_IS_TIMETABLE_PAGE (self));

  if (g_hash_table_size (self->pending) == 0)
    return;

  g_hash_table_remove_all (self->pending);
  rp_area_page_refresh (RP_AREA_PAGE (self));
}
