/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-new-attendee-window.c: adds an attendee, with the next free number suggested */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "rp-date-row.h"
#include "rp-field-message.h"
#include "rp-choices.h"
#include "rp-new-attendee-window.h"
#include "rp-save-watch.h"

struct _RpNewAttendeeWindow
{
  AdwWindow     parent_instance;

  RpStore      *store;
  RpProgramme  *programme;

  AdwEntryRow  *number_row;
  AdwEntryRow  *name_row;
  AdwComboRow  *funding_row;
  AdwComboRow  *worker_row;
  AdwComboRow  *step_row;
  RpDateRow    *date_row;
  GtkLabel     *error_label;

  RpSaveWatch  *watch;    /* a save refused for a lost connection */
};

G_DEFINE_FINAL_TYPE (RpNewAttendeeWindow, rp_new_attendee_window, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (RpNewAttendeeWindow *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpNewAttendeeWindow *self = RP_NEW_ATTENDEE_WINDOW (widget);
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *started = NULL;
  g_autofree char *full_name = NULL;
  const char *number_text = gtk_editable_get_text (GTK_EDITABLE (self->number_row));
  char *end = NULL;
  long number = strtol (number_text, &end, 10);

  show_error (self, NULL);

  /* What is wrong with one field is said under it, and the keyboard goes there. */
  if (end == number_text || *end != '\0' || number < 1 || number > G_MAXINT)
    rp_row_mark_error (ADW_PREFERENCES_ROW (self->number_row),
                       _("The attendee number must be a whole number from 1 upwards."));
  started = rp_date_row_dup_iso (self->date_row, &error);
  if (rp_find_row_in_error (GTK_WIDGET (self)) != NULL)
    {
      rp_focus_row (ADW_PREFERENCES_ROW (rp_find_row_in_error (GTK_WIDGET (self))));
      return;
    }

  rp_attendee_set_programme_id (attendee, rp_programme_get_id (self->programme));
  rp_attendee_set_number (attendee, number);
  full_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  rp_attendee_set_full_name (attendee, full_name);
  rp_attendee_set_funding (attendee, adw_combo_row_get_selected (self->funding_row) == 1 ? RP_FUNDING_HEALTH : RP_FUNDING_ASC);
  rp_attendee_set_worker_id (attendee, rp_combo_row_get_selected_id (self->worker_row));
  rp_attendee_set_step (attendee, adw_combo_row_get_selected (self->step_row) + 1);

  rp_save_watch_saving (self->watch, self->store);
  if (!rp_store_add_attendee (self->store, attendee, started, &error))
    {
      /* A lost connection: once it is back, the window goes if the server
       * had the attendee (never added twice), or says it can be saved now. */
      rp_save_watch_failed (self->watch);
      /* A number already given is the number's fault; anything else is said below the form. */
      if (g_error_matches (error, RP_ERROR, RP_ERROR_DUPLICATE))
        {
          rp_row_mark_error (ADW_PREFERENCES_ROW (self->number_row), error->message);
          rp_focus_row (ADW_PREFERENCES_ROW (self->number_row));
        }
      else
        show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, attendee);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rp_new_attendee_window_dispose (GObject *object)
{
  RpNewAttendeeWindow *self = RP_NEW_ATTENDEE_WINDOW (object);

  g_clear_object (&self->watch);
  g_clear_object (&self->store);
  g_clear_object (&self->programme);

  G_OBJECT_CLASS (rp_new_attendee_window_parent_class)->dispose (object);
}

static void
rp_new_attendee_window_class_init (RpNewAttendeeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_new_attendee_window_dispose;

  /**
   * RpNewAttendeeWindow::created:
   * @attendee: the attendee now in the store
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_ATTENDEE);

  g_type_ensure (RP_TYPE_DATE_ROW);
  g_type_ensure (RP_TYPE_WORKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-new-attendee-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpNewAttendeeWindow, number_row);
  gtk_widget_class_bind_template_child (widget_class, RpNewAttendeeWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpNewAttendeeWindow, funding_row);
  gtk_widget_class_bind_template_child (widget_class, RpNewAttendeeWindow, worker_row);
  gtk_widget_class_bind_template_child (widget_class, RpNewAttendeeWindow, step_row);
  gtk_widget_class_bind_template_child (widget_class, RpNewAttendeeWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, RpNewAttendeeWindow, error_label);

  gtk_widget_class_install_action (widget_class, "new-attendee.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_new_attendee_window_init (RpNewAttendeeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->watch = rp_save_watch_new (GTK_WINDOW (self));
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self->number_row));
}

/**
 * rp_new_attendee_window_new:
 * @parent: (nullable): the window it belongs to
 */
RpNewAttendeeWindow *
rp_new_attendee_window_new (GtkWindow   *parent,
                            RpStore     *store,
                            RpProgramme *programme)
{
  RpNewAttendeeWindow *self;
  g_autoptr(GtkStringList) fundings = gtk_string_list_new (NULL);
  g_autoptr(RpChoices) workers = NULL;
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);
  g_autofree char *next = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), NULL);

  self = g_object_new (RP_TYPE_NEW_ATTENDEE_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);

  next = g_strdup_printf ("%d", rp_store_next_attendee_number (store, rp_programme_get_id (programme), NULL));
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), next);

  gtk_string_list_append (fundings, rp_funding_get_label (RP_FUNDING_ASC));
  gtk_string_list_append (fundings, rp_funding_get_label (RP_FUNDING_HEALTH));
  adw_combo_row_set_model (self->funding_row, G_LIST_MODEL (fundings));

  workers = rp_choices_new (store, RP_TYPE_WORKER, _("None allocated yet"), 0);
  adw_combo_row_set_model (self->worker_row, G_LIST_MODEL (workers));

  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *name = g_strdup_printf ("%d · %s", step, rp_moving_plan_step_name (step));
      gtk_string_list_append (steps, name);
    }
  adw_combo_row_set_model (self->step_row, G_LIST_MODEL (steps));

  today = rp_store_dup_today (store);
  rp_date_row_set_iso (self->date_row, today);

  /* Typing starts with the name: the number is already suggested. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}
