/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-timetable-action-dialog.c: edits one action on the timetable */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-field-message.h"
#include "rp-timetable-action-dialog.h"

struct _RpTimetableActionDialog
{
  RpFormDialog       parent_instance;

  /* Owned References */
  RpStore           *store;
  RpTimetableAction *action;       /* as stored when the dialogue opened */
  GListModel        *taster_days;  /* of RpTasterDay: the programme's, by date */
  GPtrArray         *day_checks;   /* the GtkCheckButton of each of @taster_days, in order */

  /* Template Widgets */
  GtkTextView       *activity_view;
  AdwEntryRow       *owner_row;
  AdwEntryRow       *due_row;
  AdwComboRow       *status_row;
  GtkLabel          *preview_label;
  GtkListBox        *taster_days_list;
  GtkWidget         *no_taster_days_label;
};

G_DEFINE_FINAL_TYPE (RpTimetableActionDialog, rp_timetable_action_dialog, RP_TYPE_FORM_DIALOG)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The action's links as ticked now. */
static void
set_ticked_days (RpTimetableActionDialog *self,
                 RpTimetableAction       *action)
{
  rp_timetable_action_clear_taster_days (action);
  for (guint i = 0; i < self->day_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->day_checks, i)))
      {
        g_autoptr(RpTasterDay) day = g_list_model_get_item (self->taster_days, i);

        rp_timetable_action_link_taster_day (action, day);
      }
}

/* "Prints as: IBC 30 Sep, Pathfinders 10 Oct; tbc", as the form stands, so
 * that what a tick or a note does is seen before it is saved. */
static void
update_preview (RpTimetableActionDialog *self)
{
  g_autoptr(RpTimetableAction) action = NULL;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;

  if (self->action == NULL)
    return;

  action = rp_timetable_action_copy (self->action);
  set_ticked_days (self, action);
  rp_timetable_action_set_status (action, adw_combo_row_get_selected (self->status_row));
  /* A date still being typed, or wrong, leaves the stored due as it was. */
  rp_timetable_action_set_due_text (action, gtk_editable_get_text (GTK_EDITABLE (self->due_row)), NULL);

  due = rp_timetable_action_format_due (action);
  /* Translators: what the timetable and the report will print as "Due"; keep the markup */
  text = g_markup_printf_escaped (_("<b>Prints as:</b> %s"), due);
  gtk_label_set_markup (self->preview_label, text);
}

/* Alt+T: the list itself takes no focus, so its first day does; a row
 * or tick box given the access key instead would be ticked by it. */
static gboolean
on_taster_days_mnemonic (GtkWidget *list,
                         gboolean   group_cycling)
{
  return gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD);
}

static void
on_day_toggled (RpTimetableActionDialog *self)
{
  update_preview (self);
}

static GtkWidget *
make_day_row (RpTimetableActionDialog *self,
              RpTasterDay             *day)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *date = rp_date_format_short (rp_taster_day_get_date (day));
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  const char *provider = rp_taster_day_get_provider_name (day);

  /* Provider names are typed by people: text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), provider);
  if (rp_taster_day_get_cancelled (day))
    /* Translators: under a taster day's provider: "30 Sep 2023 · Cancelled, prints as tbc" */
    subtitle = g_strdup_printf (_("%s · Cancelled, prints as tbc"),
                                date != NULL ? date : _("Date to be confirmed"));
  else
    subtitle = g_strdup (date != NULL ? date : _("Date to be confirmed"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Translators: a screen reader's name for a taster day's tick box: "IBC, 30 Sep 2023" */
  name = g_strdup_printf (_("%s, %s"), provider, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               rp_timetable_action_has_taster_day (self->action, rp_taster_day_get_id (day)));
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_day_toggled), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_ptr_array_add (self->day_checks, check);
  return row;
}

static void
fill_taster_days (RpTimetableActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  self->taster_days = rp_store_list_taster_days (self->store, rp_timetable_action_get_programme_id (self->action), &error);
  if (self->taster_days == NULL)
    {
      g_warning ("The taster days could not be read: %s", error->message);
      self->taster_days = G_LIST_MODEL (g_list_store_new (RP_TYPE_TASTER_DAY));
    }

  n = g_list_model_get_n_items (self->taster_days);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (self->taster_days, i);

      gtk_list_box_append (self->taster_days_list, make_day_row (self, day));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->taster_days_list), n > 0);
  gtk_widget_set_visible (self->no_taster_days_label, n == 0);
}

static gboolean
save (RpFormDialog  *dialog,
      GError       **error)
{
  RpTimetableActionDialog *self = RP_TIMETABLE_ACTION_DIALOG (dialog);
  g_autoptr(RpTimetableAction) action = rp_timetable_action_copy (self->action);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->activity_view);
  g_autofree char *activity = NULL;
  GtkTextIter start, end;
  g_autoptr(GError) due_error = NULL;

  /* A due date that is not a real one is said under the field where it was typed. */
  if (!rp_timetable_action_set_due_text (action, gtk_editable_get_text (GTK_EDITABLE (self->due_row)), &due_error))
    {
      rp_entry_row_mark_error (self->due_row, due_error->message);
      return FALSE;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  activity = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  rp_timetable_action_set_activity (action, activity);
  rp_timetable_action_set_owner (action, gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
  rp_timetable_action_set_status (action, adw_combo_row_get_selected (self->status_row));
  set_ticked_days (self, action);
  if (!rp_store_save_action (self->store, action, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, action);
  return TRUE;
}

/* Delete takes the action off the timetable and closes the dialogue; the
 * page offers to undo it. A refusal keeps the dialogue open. */
static void
rp_timetable_action_dialog_response (AdwMessageDialog *dialog,
                                     const char       *response)
{
  RpTimetableActionDialog *self = RP_TIMETABLE_ACTION_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0)
    {
      if (!rp_store_delete_action (self->store, rp_timetable_action_get_id (self->action), &error))
        {
          GtkWidget *problem;

          gtk_window_present (GTK_WINDOW (self));
          problem = adw_message_dialog_new (GTK_WINDOW (self), _("The Action Was Not Deleted"), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (problem), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (problem));
          return;
        }

      g_signal_emit (self, signals[DELETED], 0, self->action);
    }

  ADW_MESSAGE_DIALOG_CLASS (rp_timetable_action_dialog_parent_class)->response (dialog, response);
}

static void
rp_timetable_action_dialog_dispose (GObject *object)
{
  RpTimetableActionDialog *self = RP_TIMETABLE_ACTION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->action);
  g_clear_object (&self->taster_days);
  g_clear_pointer (&self->day_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_TIMETABLE_ACTION_DIALOG);

  G_OBJECT_CLASS (rp_timetable_action_dialog_parent_class)->dispose (object);
}


static RpStore *
get_store (RpFormDialog *dialog)
{
  return RP_TIMETABLE_ACTION_DIALOG (dialog)->store;
}

static void
rp_timetable_action_dialog_class_init (RpTimetableActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpFormDialogClass *dialog_class = RP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = rp_timetable_action_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = rp_timetable_action_dialog_response;
  dialog_class->save = save;
  dialog_class->get_store = get_store;
  dialog_class->problem_heading = N_("The Action Was Not Saved");

  /**
   * RpTimetableActionDialog::saved:
   * @action: the action as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_TIMETABLE_ACTION);

  /**
   * RpTimetableActionDialog::deleted:
   * @action: the action as it was, to put back with rp_store_restore_action()
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_TIMETABLE_ACTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/timetable/rp-timetable-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTimetableActionDialog, activity_view);
  gtk_widget_class_bind_template_child (widget_class, RpTimetableActionDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RpTimetableActionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, RpTimetableActionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpTimetableActionDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, RpTimetableActionDialog, taster_days_list);
  gtk_widget_class_bind_template_child (widget_class, RpTimetableActionDialog, no_taster_days_label);
  gtk_widget_class_bind_template_callback (widget_class, update_preview);
  gtk_widget_class_bind_template_callback (widget_class, on_taster_days_mnemonic);
}

static void
rp_timetable_action_dialog_init (RpTimetableActionDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->day_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self->due_row));

  for (int i = RP_ACTION_NOT_STARTED; i <= RP_ACTION_COMPLETED; i++)
    gtk_string_list_append (statuses, rp_action_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

RpTimetableActionDialog *
rp_timetable_action_dialog_new (GtkWindow         *parent,
                                RpStore           *store,
                                RpTimetableAction *action)
{
  RpTimetableActionDialog *self;
  g_autofree char *due = NULL;
  const char *owner;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (action), NULL);

  self = g_object_new (RP_TYPE_TIMETABLE_ACTION_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->action = g_object_ref (action);

  owner = rp_timetable_action_get_owner (action);
  due = rp_timetable_action_dup_due_text (action);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->activity_view), rp_timetable_action_get_activity (action), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), owner != NULL ? owner : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
  adw_combo_row_set_selected (self->status_row, rp_timetable_action_get_status (action));
  fill_taster_days (self);
  update_preview (self);

  return self;
}
