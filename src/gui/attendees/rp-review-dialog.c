/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-review-dialog.c: records a review after a move, rating each of the
 * person's outcomes met, partly met or not met, with a note */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-choices.h"
#include "rp-date-row.h"
#include "rp-field-message.h"
#include "rp-review-dialog.h"

struct _RpReviewDialog
{
  RpFormDialog      parent_instance;

  RpStore          *store;
  RpAttendee       *attendee;
  RpReviewKind      kind;
  GPtrArray        *outcome_rows;  /* OutcomeRow */
  GtkWidget        *none_row;      /* said when the plan has no outcomes */

  RpDateRow        *date_row;
  AdwComboRow      *reviewer_row;
  GtkCheckButton   *person_check;
  GtkCheckButton   *family_check;
  GtkCheckButton   *provider_check;
  GtkCheckButton   *advocate_check;
  GtkWidget        *outcomes_heading;
  GtkListBox       *outcomes_list;
  GtkSwitch        *continues_switch;
  AdwEntryRow      *actions_row;
  AdwEntryRow      *notes_row;
};

G_DEFINE_FINAL_TYPE (RpReviewDialog, rp_review_dialog, RP_TYPE_FORM_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64       outcome_id;
  char        *description;
  AdwComboRow *rating_row;
  AdwEntryRow *note_row;
} OutcomeRow;

static void
outcome_row_free (gpointer data)
{
  OutcomeRow *row = data;

  g_free (row->description);
  g_free (row);
}

/* The choices' positions: nothing chosen yet, then the three ratings. */
static const RpRating rating_at[] = { RP_RATING_NONE, RP_RATING_MET, RP_RATING_PARTLY_MET, RP_RATING_NOT_MET };

static gboolean
save (RpFormDialog  *dialog,
      GError       **error)
{
  RpReviewDialog *self = RP_REVIEW_DIALOG (dialog);
  g_autoptr(RpReview) review = rp_review_new ();
  g_autoptr(GError) refusal = NULL;
  g_autofree char *date = NULL;
  RpTookPart took_part = RP_TOOK_PART_NONE;
  gint64 reviewer_id;

  rp_row_clear_error (ADW_PREFERENCES_ROW (self->reviewer_row));

  /* A date that does not exist marks its row itself. */
  date = rp_date_row_dup_iso (self->date_row, &refusal);
  if (refusal != NULL)
    return FALSE;

  reviewer_id = rp_combo_row_get_selected_id (self->reviewer_row);
  if (reviewer_id <= 0)
    {
      rp_row_mark_error (ADW_PREFERENCES_ROW (self->reviewer_row), _("Choose who held the review."));
      return FALSE;
    }

  if (gtk_check_button_get_active (self->person_check))
    took_part |= RP_TOOK_PART_PERSON;
  if (gtk_check_button_get_active (self->family_check))
    took_part |= RP_TOOK_PART_FAMILY;
  if (gtk_check_button_get_active (self->provider_check))
    took_part |= RP_TOOK_PART_PROVIDER;
  if (gtk_check_button_get_active (self->advocate_check))
    took_part |= RP_TOOK_PART_ADVOCATE;

  rp_review_set_attendee_id (review, rp_attendee_get_id (self->attendee));
  rp_review_set_kind (review, self->kind);
  rp_review_set_held_on (review, date);
  rp_review_set_reviewer_id (review, reviewer_id);
  rp_review_set_took_part (review, took_part);
  rp_review_set_placement_continues (review, gtk_switch_get_active (self->continues_switch));
  rp_review_set_actions (review, gtk_editable_get_text (GTK_EDITABLE (self->actions_row)));
  rp_review_set_notes (review, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));

  for (guint i = 0; i < self->outcome_rows->len; i++)
    {
      OutcomeRow *row = g_ptr_array_index (self->outcome_rows, i);
      guint chosen = adw_combo_row_get_selected (row->rating_row);
      RpRating rating = chosen < G_N_ELEMENTS (rating_at) ? rating_at[chosen] : RP_RATING_NONE;

      rp_row_clear_error (ADW_PREFERENCES_ROW (row->rating_row));
      if (rating == RP_RATING_NONE)
        {
          g_autofree char *message = g_strdup_printf (_("Say whether “%s” was met, partly met or not met."),
                                                      row->description);

          rp_row_mark_error (ADW_PREFERENCES_ROW (row->rating_row), message);
          return FALSE;
        }

      rp_review_set_rating (review, row->outcome_id, row->description, rating,
                            gtk_editable_get_text (GTK_EDITABLE (row->note_row)));
    }

  if (!rp_store_record_review (self->store, review, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, review);
  return TRUE;
}

static void
append_outcome_row (RpReviewDialog   *self,
                    RpPlannedOutcome *outcome)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  OutcomeRow *row = g_new0 (OutcomeRow, 1);
  g_autofree char *note_title = NULL;

  row->outcome_id = rp_planned_outcome_get_id (outcome);
  row->description = g_strdup (rp_planned_outcome_get_description (outcome));

  gtk_string_list_append (choices, _("Choose…"));
  for (guint r = 1; r < G_N_ELEMENTS (rating_at); r++)
    gtk_string_list_append (choices, rp_rating_get_label (rating_at[r]));

  /* The outcome's words are the row's title, so a screen reader names the choice by them. */
  row->rating_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->rating_row), row->description);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row->rating_row), FALSE);
  adw_combo_row_set_model (row->rating_row, G_LIST_MODEL (choices));
  gtk_list_box_append (self->outcomes_list, GTK_WIDGET (row->rating_row));
  rp_row_add_message_line (ADW_PREFERENCES_ROW (row->rating_row));

  /* Translators: the title of the note beside one outcome's rating */
  note_title = g_strdup_printf (_("Note on “%s”"), row->description);
  row->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->note_row), note_title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row->note_row), FALSE);
  gtk_list_box_append (self->outcomes_list, GTK_WIDGET (row->note_row));

  g_ptr_array_add (self->outcome_rows, row);
}

static OutcomeRow *
find_outcome_row (RpReviewDialog *self,
                  gint64          outcome_id)
{
  for (guint i = 0; i < self->outcome_rows->len; i++)
    {
      OutcomeRow *row = g_ptr_array_index (self->outcome_rows, i);

      if (row->outcome_id == outcome_id)
        return row;
    }

  return NULL;
}

/* Someone may change the plan while the review is being written (another
 * window, reprovision-cli): an outcome added gets its row, one taken out
 * loses it, and what was already chosen and typed for the others stays. */
static void
sync_outcome_rows (RpReviewDialog *self)
{
  g_autoptr(GListModel) outcomes = rp_store_list_planned_outcomes (self->store, rp_attendee_get_id (self->attendee), NULL);
  guint n;

  if (outcomes == NULL)
    return;
  n = g_list_model_get_n_items (outcomes);

  for (guint i = self->outcome_rows->len; i-- > 0;)
    {
      OutcomeRow *row = g_ptr_array_index (self->outcome_rows, i);
      gboolean still = FALSE;

      for (guint j = 0; j < n && !still; j++)
        {
          g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, j);
          still = rp_planned_outcome_get_id (outcome) == row->outcome_id;
        }

      if (!still)
        {
          gtk_list_box_remove (self->outcomes_list, GTK_WIDGET (row->rating_row));
          gtk_list_box_remove (self->outcomes_list, GTK_WIDGET (row->note_row));
          g_ptr_array_remove_index (self->outcome_rows, i);
        }
    }

  if (self->none_row != NULL && n > 0)
    {
      gtk_list_box_remove (self->outcomes_list, self->none_row);
      self->none_row = NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, i);
      OutcomeRow *row = find_outcome_row (self, rp_planned_outcome_get_id (outcome));

      if (row == NULL)
        append_outcome_row (self, outcome);
      else if (g_strcmp0 (row->description, rp_planned_outcome_get_description (outcome)) != 0)
        {
          g_autofree char *note_title = NULL;

          g_free (row->description);
          row->description = g_strdup (rp_planned_outcome_get_description (outcome));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->rating_row), row->description);
          note_title = g_strdup_printf (_("Note on “%s”"), row->description);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->note_row), note_title);
        }
    }

  if (n == 0 && self->none_row == NULL)
    {
      self->none_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->none_row), _("No outcomes in the plan"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->none_row),
                                   _("Add the outcomes agreed in the moving plan on the attendee’s page."));
      gtk_list_box_append (self->outcomes_list, self->none_row);
    }
}

static void
rp_review_dialog_dispose (GObject *object)
{
  RpReviewDialog *self = RP_REVIEW_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->attendee);
  g_clear_pointer (&self->outcome_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_REVIEW_DIALOG);

  G_OBJECT_CLASS (rp_review_dialog_parent_class)->dispose (object);
}


static RpStore *
get_store (RpFormDialog *dialog)
{
  return RP_REVIEW_DIALOG (dialog)->store;
}

static void
rp_review_dialog_class_init (RpReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpFormDialogClass *dialog_class = RP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = rp_review_dialog_dispose;
  dialog_class->save = save;
  dialog_class->get_store = get_store;
  dialog_class->problem_heading = N_("The Review Was Not Recorded");

  /**
   * RpReviewDialog::saved:
   * @review: the review as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_REVIEW);

  g_type_ensure (RP_TYPE_DATE_ROW);
  g_type_ensure (RP_TYPE_WORKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, person_check);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, family_check);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, provider_check);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, advocate_check);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, outcomes_heading);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, outcomes_list);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, continues_switch);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, actions_row);
  gtk_widget_class_bind_template_child (widget_class, RpReviewDialog, notes_row);
}

static void
rp_review_dialog_init (RpReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->outcome_rows = g_ptr_array_new_with_free_func (outcome_row_free);
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self->reviewer_row));

  /* The rows the list wraps round the ticks would take the focus first and
   * be read as a nameless list item: the focus goes to each tick itself. */
  {
    GtkCheckButton *checks[] = { self->person_check, self->family_check, self->provider_check, self->advocate_check };

    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (checks[i])), FALSE);
  }
}

/**
 * rp_review_dialog_new:
 *
 * A follow-up review while none has been held since the move; an annual
 * review after it.
 */
RpReviewDialog *
rp_review_dialog_new (GtkWindow  *parent,
                      RpStore    *store,
                      RpAttendee *attendee)
{
  RpReviewDialog *self;
  g_autoptr(RpChoices) workers = NULL;
  g_autofree char *today = NULL;
  g_autofree char *body = NULL;
  const char *moved_on;
  const char *held_on;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), NULL);

  self = g_object_new (RP_TYPE_REVIEW_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->attendee = g_object_ref (attendee);

  moved_on = rp_attendee_get_outcome_date (attendee);
  held_on = rp_attendee_get_follow_up_held_on (attendee);
  self->kind = held_on != NULL && moved_on != NULL && rp_date_compare (held_on, moved_on) >= 0
               ? RP_REVIEW_KIND_ANNUAL : RP_REVIEW_KIND_FOLLOW_UP;

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  self->kind == RP_REVIEW_KIND_ANNUAL ? _("Record Annual Review")
                                                                      : _("Record Follow-up Review"));
  if (self->kind == RP_REVIEW_KIND_FOLLOW_UP && rp_attendee_get_step (attendee) != RP_MOVING_PLAN_LAST_STEP)
    /* Translators: "Danny (attendee 4) moves to step 6, Follow up as part of review, on the day of the review." */
    body = g_strdup_printf (_("%s (attendee %d) moves to step 6, %s, on the day of the review. "
                              "Say how each outcome in the plan was met."),
                            rp_attendee_get_display_name (attendee), rp_attendee_get_number (attendee),
                            rp_moving_plan_step_name (RP_MOVING_PLAN_LAST_STEP));
  else
    body = g_strdup_printf (_("Say how each outcome in the plan for %s (attendee %d) was met."),
                            rp_attendee_get_display_name (attendee), rp_attendee_get_number (attendee));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  /* Whoever is allocated usually holds the review. */
  workers = rp_choices_new (store, RP_TYPE_WORKER, _("Choose a worker"), rp_attendee_get_worker_id (attendee));
  adw_combo_row_set_model (self->reviewer_row, G_LIST_MODEL (workers));
  rp_combo_row_set_selected_id (self->reviewer_row, rp_attendee_get_worker_id (attendee));

  today = rp_store_dup_today (store);
  rp_date_row_set_iso (self->date_row, today);
  sync_outcome_rows (self);
  g_signal_connect_object (store, "changed::planned_outcome", G_CALLBACK (sync_outcome_rows), self, G_CONNECT_SWAPPED);

  return self;
}
