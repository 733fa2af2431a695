/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-change-dialog.c: records an attendee's step on the moving plan, with a date and reason */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-field-message.h"
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

/* The row a refusal is about, where it is said. */
static AdwPreferencesRow *
row_for (RpStepChangeDialog *self,
         RpPlanField         field)
{
  switch (field)
    {
    case RP_PLAN_FIELD_STEP:
      return ADW_PREFERENCES_ROW (self->step_row);
    case RP_PLAN_FIELD_DATE:
      return ADW_PREFERENCES_ROW (self->date_row);
    case RP_PLAN_FIELD_REASON:
    case RP_PLAN_FIELD_PROVIDER:
    default:
      return ADW_PREFERENCES_ROW (self->reason_row);
    }
}

/* Checked here first, by the same rules the store applies, so that a
 * refusal is said beside the field at fault: "Say why Danny is moving from
 * step 1 to step 4." under the reason. The store checks again as it writes. */
static gboolean
save (RpFormDialog  *dialog,
      GError       **error)
{
  RpStepChangeDialog *self = RP_STEP_CHANGE_DIALOG (dialog);
  gint64 attendee_id = rp_attendee_get_id (self->attendee);
  int to_step = adw_combo_row_get_selected (self->step_row) + 1;
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  g_autoptr(GListModel) history = NULL;
  g_autoptr(RpStepChange) change = NULL;
  g_autoptr(RpAttendee) now = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *date = NULL;
  g_autofree char *today = NULL;
  RpPlanField field;

  rp_row_clear_error (ADW_PREFERENCES_ROW (self->step_row));
  rp_row_clear_error (ADW_PREFERENCES_ROW (self->reason_row));

  /* A date that does not exist marks its row itself. */
  date = rp_date_row_dup_iso (self->date_row, &refusal);
  if (refusal != NULL)
    return FALSE;

  if (!(now = rp_store_get_attendee (self->store, attendee_id, error)))
    return FALSE;

  today = rp_store_dup_today (self->store);
  if (!rp_moving_plan_check_change_of (rp_attendee_get_display_name (now), rp_attendee_get_step (now), to_step,
                                       date, rp_attendee_get_step_since (now), today, reason, &field, &refusal))
    {
      rp_row_mark_error (row_for (self, field), refusal->message);
      return FALSE;
    }

  if (!rp_store_change_step (self->store, attendee_id, to_step, date, reason, error))
    return FALSE;

  history = rp_store_list_step_history (self->store, attendee_id, NULL);
  change = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_signal_emit (self, signals[SAVED], 0, change);
  return TRUE;
}

/* Another step chosen: what was said about the last choice no longer holds. */
static void
on_step_selected (RpStepChangeDialog *self)
{
  rp_row_clear_error (ADW_PREFERENCES_ROW (self->reason_row));
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


static RpStore *
get_store (RpFormDialog *dialog)
{
  return RP_STEP_CHANGE_DIALOG (dialog)->store;
}

static void
rp_step_change_dialog_class_init (RpStepChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpFormDialogClass *dialog_class = RP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = rp_step_change_dialog_dispose;
  dialog_class->save = save;
  dialog_class->get_store = get_store;
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
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self->step_row));
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self->reason_row));

  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *name = g_strdup_printf ("%d · %s", step, rp_moving_plan_step_name (step));
      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->step_row, G_LIST_MODEL (names));
  g_signal_connect_object (self->step_row, "notify::selected", G_CALLBACK (on_step_selected), self, G_CONNECT_SWAPPED);
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

  /* Translators: "Danny (attendee 4) is at step 1, Social worker identified. …" */
  body = g_strdup_printf (_("%s (attendee %d) is at step %d, %s. Steps usually go forward one at a time."),
                          rp_attendee_get_display_name (attendee), rp_attendee_get_number (attendee),
                          rp_attendee_get_step (attendee), rp_moving_plan_step_name (rp_attendee_get_step (attendee)));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  /* The next step is offered: the position of step n is n - 1. */
  adw_combo_row_set_selected (self->step_row, MIN (rp_attendee_get_step (attendee), RP_MOVING_PLAN_LAST_STEP - 1));
  today = rp_store_dup_today (store);
  rp_date_row_set_iso (self->date_row, today);

  return self;
}
