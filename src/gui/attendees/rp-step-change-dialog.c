/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-change-dialog.c: records an attendee's step on the moving plan, with a date and reason */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-step-change-dialog.h"

struct _RpStepChangeDialog
{
  RpFormDialog      parent_instance;

  RpStore          *store;
  RpAttendee       *attendee;

  AdwComboRow      *step_row;
  RpDateRow        *date_row;
  AdwEntryRow      *reason_row;
};

G_DEFINE_FINAL_TYPE (RpStepChangeDialog, rp_step_change_dialog, RP_TYPE_FORM_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
save (RpFormDialog  *dialog,
      GError       **error)
{
  RpStepChangeDialog *self = RP_STEP_CHANGE_DIALOG (dialog);
  gint64 attendee_id = rp_attendee_get_id (self->attendee);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(RpStepChange) change = NULL;
  g_autofree char *date = NULL;
  GError *date_error = NULL;

  date = rp_date_row_dup_iso (self->date_row, &date_error);
  if (date_error != NULL)
    {
      g_propagate_error (error, date_error);
      return FALSE;
    }

  if (!rp_store_change_step (self->store, attendee_id, adw_combo_row_get_selected (self->step_row) + 1,
                             date, gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), error))
    return FALSE;

  history = rp_store_list_step_history (self->store, attendee_id, NULL);
  change = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_signal_emit (self, signals[SAVED], 0, change);
  return TRUE;
}

static void
rp_step_change_dialog_dispose (GObject *object)
{
  RpStepChangeDialog *self = RP_STEP_CHANGE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->attendee);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_STEP_CHANGE_DIALOG);

  G_OBJECT_CLASS (rp_step_change_dialog_parent_class)->dispose (object);
}

static void
rp_step_change_dialog_class_init (RpStepChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpFormDialogClass *dialog_class = RP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = rp_step_change_dialog_dispose;
  dialog_class->save = save;
  dialog_class->problem_heading = N_("The Step Was Not Changed");

  /**
   * RpStepChangeDialog::saved:
   * @change: the step change as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_STEP_CHANGE);

  g_type_ensure (RP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-step-change-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpStepChangeDialog, step_row);
  gtk_widget_class_bind_template_child (widget_class, RpStepChangeDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RpStepChangeDialog, reason_row);
}

static void
rp_step_change_dialog_init (RpStepChangeDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *name = g_strdup_printf ("%d · %s", step, rp_moving_plan_step_name (step));
      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->step_row, G_LIST_MODEL (names));
}

RpStepChangeDialog *
rp_step_change_dialog_new (GtkWindow  *parent,
                           RpStore    *store,
                           RpAttendee *attendee)
{
  RpStepChangeDialog *self;
  g_autofree char *today = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), NULL);

  self = g_object_new (RP_TYPE_STEP_CHANGE_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->attendee = g_object_ref (attendee);

  body = g_strdup_printf (_("Attendee %d is at step %d. Steps usually go forward one at a time."),
                          rp_attendee_get_number (attendee), rp_attendee_get_step (attendee));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  /* The next step is offered: the position of step n is n - 1. */
  adw_combo_row_set_selected (self->step_row, MIN (rp_attendee_get_step (attendee), RP_MOVING_PLAN_LAST_STEP - 1));
  today = rp_store_dup_today (store);
  rp_date_row_set_iso (self->date_row, today);

  return self;
}
