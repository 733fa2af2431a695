/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-after-move-group.c: the attendee page's "After the Move" section
 *
 * Shows when the follow-up and annual reviews fall (worked out by
 * rp-follow-up from the programme's setting), the reviews held with their
 * ratings, an interim place with the permanent one planned, and the
 * outcomes in the person's plan, which can be added and edited at any
 * step. Every write goes through the store, whose change signal brings
 * the page, and so this section, up to date. */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-after-move-group.h"
#include "rp-save-watch.h"
#include "rp-date-row.h"
#include "rp-review-dialog.h"

struct _RpAfterMoveGroup
{
  AdwBin        parent_instance;

  RpStore      *store;
  RpProgramme  *programme;
  RpAttendee   *attendee;

  GtkWidget    *reviews_group;
  AdwActionRow *follow_up_row;
  AdwActionRow *annual_row;
  AdwActionRow *interim_row;
  GtkWidget    *permanent_button;
  GtkListBox   *reviews_list;
  GtkWidget    *review_button;
  GtkListBox   *outcomes_list;
};

G_DEFINE_FINAL_TYPE (RpAfterMoveGroup, rp_after_move_group, ADW_TYPE_BIN)

static GtkWindow *
parent_window (RpAfterMoveGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
say (RpAfterMoveGroup *self,
     const char       *heading,
     const char       *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Reviews due and held ------------------------------------------------------ */

static char *
describe_state (RpReviewState  state,
                const char    *due,
                const char    *today)
{
  g_autofree char *when = rp_date_format_medium (due);

  switch (state)
    {
    case RP_REVIEW_STATE_OVERDUE:
      {
        int late = rp_date_days_between (due, today);

        /* Translators: "3 days overdue: it was due on 12 November 2026" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue: it was due on %s",
                                             "%d days overdue: it was due on %s", late), late, when);
      }
    case RP_REVIEW_STATE_DUE:
      return g_strdup_printf (_("Due by %s"), when);
    case RP_REVIEW_STATE_SCHEDULED:
      return g_strdup_printf (_("Falls on %s"), when);
    case RP_REVIEW_STATE_DONE:
    case RP_REVIEW_STATE_NONE:
    default:
      return NULL;
    }
}

static void
show_reviews_due (RpAfterMoveGroup *self)
{
  RpAttendee *attendee = self->attendee;
  const char *moved_on = rp_attendee_get_outcome_date (attendee);
  guint weeks = self->programme != NULL ? rp_programme_get_follow_up_weeks (self->programme)
                                        : RP_PROGRAMME_DEFAULT_FOLLOW_UP_WEEKS;
  gboolean moved = rp_attendee_get_outcome (attendee) == RP_OUTCOME_MOVED && moved_on != NULL;
  g_autofree char *today = rp_store_dup_today (self->store);
  g_autofree char *due = NULL;
  g_autofree char *annual_due = NULL;
  g_autofree char *follow_up = NULL;
  g_autofree char *annual = NULL;
  RpReviewState state;

  gtk_widget_set_visible (GTK_WIDGET (self->annual_row), moved);
  gtk_widget_set_sensitive (self->review_button, moved);

  if (!moved)
    {
      /* Translators: the follow-up review's row before the move */
      follow_up = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Falls %u week after the move, once it is recorded",
                                                "Falls %u weeks after the move, once it is recorded", weeks),
                                   weeks);
      adw_action_row_set_subtitle (self->follow_up_row, follow_up);
      gtk_widget_set_visible (GTK_WIDGET (self->interim_row), FALSE);
      gtk_widget_set_visible (self->permanent_button, FALSE);
      return;
    }

  state = rp_follow_up_state (moved_on, weeks, rp_attendee_get_follow_up_held_on (attendee), today, &due);
  if (state == RP_REVIEW_STATE_DONE)
    {
      g_autofree char *held = rp_date_format_medium (rp_attendee_get_follow_up_held_on (attendee));

      follow_up = g_strdup_printf (_("Held on %s"), held);
    }
  else
    follow_up = describe_state (state, due, today);
  adw_action_row_set_subtitle (self->follow_up_row, follow_up);

  state = rp_annual_review_state (moved_on, rp_attendee_get_last_review_on (attendee), today, &annual_due);
  annual = describe_state (state, annual_due, today);
  adw_action_row_set_subtitle (self->annual_row, annual);

  gtk_widget_set_visible (GTK_WIDGET (self->interim_row), rp_attendee_get_interim (attendee));
  gtk_widget_set_visible (self->permanent_button, rp_attendee_get_interim (attendee));
  if (rp_attendee_get_interim (attendee))
    {
      g_autoptr(RpProvider) place = rp_store_get_provider (self->store, rp_attendee_get_permanent_provider_id (attendee), NULL);
      g_autofree char *from = rp_date_format_medium (rp_attendee_get_permanent_date (attendee));
      g_autofree char *text = NULL;
      const char *name = place != NULL ? rp_provider_get_name (place) : _("a provider no longer listed");

      if (from != NULL)
        /* Translators: "Permanent place planned at Brook House from 4 January 2027" */
        text = g_strdup_printf (_("Permanent place planned at %s from %s"), name, from);
      else
        text = g_strdup_printf (_("Permanent place planned at %s, date not yet known"), name);
      adw_action_row_set_subtitle (self->interim_row, text);
    }
}

static void
show_reviews_held (RpAfterMoveGroup *self)
{
  g_autoptr(GListModel) reviews = rp_store_list_reviews (self->store, rp_attendee_get_id (self->attendee), NULL);
  guint n = reviews != NULL ? g_list_model_get_n_items (reviews) : 0;

  clear_list (self->reviews_list);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_list), n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpReview) review = g_list_model_get_item (reviews, i);
      g_autofree char *held = rp_date_format_medium (rp_review_get_held_on (review));
      g_autofree char *title = NULL;
      g_autofree char *who = rp_took_part_describe (rp_review_get_took_part (review));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_expander_row_new ();
      guint met, partly, not_met;

      /* Translators: "Follow-up review, 12 November 2026" */
      title = g_strdup_printf (_("%s, %s"), rp_review_kind_get_label (rp_review_get_kind (review)), held);
      rp_review_count_ratings (review, &met, &partly, &not_met);
      /* Translators: "Priya Mistry · 2 met, 1 partly met, 0 not met · placement continues" */
      g_string_append_printf (subtitle, _("%s · %u met, %u partly met, %u not met · %s"),
                              rp_review_get_reviewer_name (review) != NULL ? rp_review_get_reviewer_name (review) : "",
                              met, partly, not_met,
                              rp_review_get_placement_continues (review) ? _("placement continues")
                                                                         : _("placement does not continue"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);

      for (guint r = 0; r < rp_review_get_n_ratings (review); r++)
        {
          const RpOutcomeRating *rating = rp_review_get_rating (review, r);
          GtkWidget *line = adw_action_row_new ();
          g_autofree char *text = NULL;

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), rating->description);
          adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (line), FALSE);
          text = rating->note != NULL ? g_strdup_printf ("%s: %s", rp_rating_get_label (rating->rating), rating->note)
                                      : g_strdup (rp_rating_get_label (rating->rating));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }

      {
        GtkWidget *line = adw_action_row_new ();
        g_autofree char *text = g_strdup_printf (_("Took part: %s"), who);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), text);
        adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (line), FALSE);
        if (rp_review_get_actions (review) != NULL)
          {
            g_autofree char *actions = g_strdup_printf (_("Actions: %s"), rp_review_get_actions (review));
            adw_action_row_set_subtitle (ADW_ACTION_ROW (line), actions);
          }
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
      }

      gtk_list_box_append (self->reviews_list, row);
    }
}

/* Outcomes ------------------------------------------------------------------ */

typedef struct
{
  RpAfterMoveGroup *self;
  gint64            outcome_id;  /* 0 for a new one */
  GtkWidget        *entry;
  RpSaveWatch      *watch;       /* a save refused for a lost connection */
} OutcomeEdit;

static void
outcome_edit_free (gpointer data)
{
  OutcomeEdit *edit = data;

  g_clear_object (&edit->watch);
  g_object_unref (edit->self);
  g_free (edit);
}

static void
on_outcome_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  OutcomeEdit *edit = user_data;
  RpAfterMoveGroup *self = edit->self;
  g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (g_strcmp0 (response, "save") != 0 || self->attendee == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  rp_planned_outcome_set_id (outcome, edit->outcome_id);
  rp_planned_outcome_set_attendee_id (outcome, rp_attendee_get_id (self->attendee));
  rp_planned_outcome_set_description (outcome, gtk_editable_get_text (GTK_EDITABLE (edit->entry)));

  rp_save_watch_saving (edit->watch, self->store);
  saved = edit->outcome_id > 0 ? rp_store_save_planned_outcome (self->store, outcome, &error)
                               : rp_store_add_planned_outcome (self->store, outcome, &error);
  if (saved)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  /* What was typed is not lost with the dialogue: it shows again with it,
   * saying why it was not saved (a lost team connection, say), and follows
   * the connection back as the form dialogues do (never saved twice). */
  rp_save_watch_failed (edit->watch);
  adw_message_dialog_set_heading (dialog, _("The Outcome Was Not Saved"));
  adw_message_dialog_set_body (dialog, error->message);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (edit->entry);
}

static void
edit_outcome (RpAfterMoveGroup *self,
              gint64            outcome_id,
              const char        *text)
{
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  OutcomeEdit *edit = g_new0 (OutcomeEdit, 1);

  dialog = adw_message_dialog_new (parent_window (self),
                                   outcome_id > 0 ? _("Change Outcome") : _("Add Outcome"),
                                   _("One thing the move should keep or bring about for the person, in their words "
                                     "where you can, such as “keeps seeing friends from the centre”."));
  /* Hidden on a response, not gone: a refused save shows it again as typed. */
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  edit->entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (edit->entry), _("Outcome"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (edit->entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (edit->entry), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), edit->entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  edit->self = g_object_ref (self);
  edit->outcome_id = outcome_id;
  edit->watch = rp_save_watch_new (GTK_WINDOW (dialog));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_outcome_response), edit,
                         (GClosureNotify) (void (*) (void)) outcome_edit_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (edit->entry);
}

static void
on_outcome_button (GtkButton        *button,
                   RpAfterMoveGroup *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "rp-what");
  RpPlannedOutcome *outcome = g_object_get_data (G_OBJECT (button), "rp-outcome");
  g_autoptr(GError) error = NULL;
  gboolean done = TRUE;

  if (g_str_equal (what, "edit"))
    {
      edit_outcome (self, rp_planned_outcome_get_id (outcome), rp_planned_outcome_get_description (outcome));
      return;
    }

  if (g_str_equal (what, "up") || g_str_equal (what, "down"))
    done = rp_store_move_planned_outcome (self->store, rp_planned_outcome_get_id (outcome),
                                          g_str_equal (what, "up") ? -1 : 1, &error);
  else if (g_str_equal (what, "delete"))
    done = rp_store_delete_planned_outcome (self->store, rp_planned_outcome_get_id (outcome), &error);

  if (!done)
    say (self, _("The Outcome Was Not Changed"), error->message);
}

static GtkWidget *
outcome_button (RpAfterMoveGroup *self,
                RpPlannedOutcome *outcome,
                const char       *what,
                const char       *icon,
                const char       *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *name = g_strdup_printf ("%s: %s", label, rp_planned_outcome_get_description (outcome));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "rp-what", (gpointer) what);
  g_object_set_data_full (G_OBJECT (button), "rp-outcome", g_object_ref (outcome), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_outcome_button), self, 0);
  return button;
}

static void
show_outcomes (RpAfterMoveGroup *self)
{
  g_autoptr(GListModel) outcomes = rp_store_list_planned_outcomes (self->store, rp_attendee_get_id (self->attendee), NULL);
  guint n = outcomes != NULL ? g_list_model_get_n_items (outcomes) : 0;

  clear_list (self->outcomes_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *up = outcome_button (self, outcome, "up", "go-up-symbolic", _("Move up"));
      GtkWidget *down = outcome_button (self, outcome, "down", "go-down-symbolic", _("Move down"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_planned_outcome_get_description (outcome));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < n);
      gtk_box_append (GTK_BOX (box), up);
      gtk_box_append (GTK_BOX (box), down);
      gtk_box_append (GTK_BOX (box), outcome_button (self, outcome, "edit", "document-edit-symbolic", _("Change")));
      gtk_box_append (GTK_BOX (box), outcome_button (self, outcome, "delete", "user-trash-symbolic", _("Delete")));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      gtk_list_box_append (self->outcomes_list, row);
    }

  if (n == 0)
    {
      GtkWidget *none = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("No outcomes yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (none),
                                   _("Add what the moving plan sets out to keep or achieve, so the follow-up review can rate it."));
      gtk_list_box_append (self->outcomes_list, none);
    }
}

/* Actions ------------------------------------------------------------------- */

static void
add_outcome_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RpAfterMoveGroup *self = RP_AFTER_MOVE_GROUP (widget);

  if (self->attendee != NULL)
    edit_outcome (self, 0, NULL);
}

static void
record_review_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RpAfterMoveGroup *self = RP_AFTER_MOVE_GROUP (widget);
  RpReviewDialog *dialog;

  if (self->attendee == NULL)
    return;

  dialog = rp_review_dialog_new (parent_window (self), self->store, self->attendee);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  RpAfterMoveGroup *self;
  gint64            attendee_id;
  GtkWidget        *date_row;
} PermanentMove;

static void
permanent_move_free (gpointer data)
{
  PermanentMove *move = data;

  g_object_unref (move->self);
  g_free (move);
}

static void
on_permanent_response (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  PermanentMove *move = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (g_strcmp0 (response, "record") != 0)
    return;

  date = rp_date_row_dup_iso (RP_DATE_ROW (move->date_row), &error);
  if (error == NULL)
    rp_store_record_permanent_move (move->self->store, move->attendee_id, 0, date, &error);
  if (error != NULL)
    say (move->self, _("The Permanent Move Was Not Recorded"), error->message);
}

static void
record_permanent_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RpAfterMoveGroup *self = RP_AFTER_MOVE_GROUP (widget);
  g_autoptr(RpProvider) place = NULL;
  g_autofree char *body = NULL;
  g_autofree char *today = NULL;
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  PermanentMove *move;

  if (self->attendee == NULL || !rp_attendee_get_interim (self->attendee))
    return;

  place = rp_store_get_provider (self->store, rp_attendee_get_permanent_provider_id (self->attendee), NULL);
  /* Translators: "Danny moves from the interim place to Brook House. The follow-up review falls six weeks after this move." */
  body = g_strdup_printf (_("%s moves from the interim place to %s. The follow-up review is then worked out from this move."),
                          rp_attendee_get_display_name (self->attendee),
                          place != NULL ? rp_provider_get_name (place) : _("the permanent place"));
  dialog = adw_message_dialog_new (parent_window (self), _("Record the Permanent Move"), body);

  move = g_new0 (PermanentMove, 1);
  move->self = g_object_ref (self);
  move->attendee_id = rp_attendee_get_id (self->attendee);
  move->date_row = rp_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (move->date_row), _("Date of the permanent move (dd/mm/yyyy)"));
  today = rp_store_dup_today (self->store);
  rp_date_row_set_iso (RP_DATE_ROW (move->date_row), rp_attendee_get_permanent_date (self->attendee) != NULL &&
                       rp_date_compare (rp_attendee_get_permanent_date (self->attendee), today) <= 0
                       ? rp_attendee_get_permanent_date (self->attendee) : today);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), move->date_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_permanent_response), move,
                         (GClosureNotify) (void (*) (void)) permanent_move_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The object ---------------------------------------------------------------- */

static void
rp_after_move_group_dispose (GObject *object)
{
  RpAfterMoveGroup *self = RP_AFTER_MOVE_GROUP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  g_clear_object (&self->attendee);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_AFTER_MOVE_GROUP);

  G_OBJECT_CLASS (rp_after_move_group_parent_class)->dispose (object);
}

static void
rp_after_move_group_class_init (RpAfterMoveGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_after_move_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-after-move-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RpAfterMoveGroup, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, RpAfterMoveGroup, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, RpAfterMoveGroup, annual_row);
  gtk_widget_class_bind_template_child (widget_class, RpAfterMoveGroup, interim_row);
  gtk_widget_class_bind_template_child (widget_class, RpAfterMoveGroup, permanent_button);
  gtk_widget_class_bind_template_child (widget_class, RpAfterMoveGroup, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, RpAfterMoveGroup, review_button);
  gtk_widget_class_bind_template_child (widget_class, RpAfterMoveGroup, outcomes_list);

  gtk_widget_class_install_action (widget_class, "after-move.add-outcome", NULL, add_outcome_action);
  gtk_widget_class_install_action (widget_class, "after-move.record-review", NULL, record_review_action);
  gtk_widget_class_install_action (widget_class, "after-move.record-permanent", NULL, record_permanent_action);
}

static void
rp_after_move_group_init (RpAfterMoveGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rp_after_move_group_show:
 * @programme: (nullable): the programme, whose setting places the follow-up review
 *
 * Shows @attendee as the store now has it.
 */
void
rp_after_move_group_show (RpAfterMoveGroup *self,
                          RpStore          *store,
                          RpProgramme      *programme,
                          RpAttendee       *attendee)
{
  g_return_if_fail (RP_IS_AFTER_MOVE_GROUP (self));
  g_return_if_fail (RP_IS_STORE (store));
  g_return_if_fail (RP_IS_ATTENDEE (attendee));

  g_set_object (&self->store, store);
  g_set_object (&self->programme, programme);
  g_set_object (&self->attendee, attendee);

  show_reviews_due (self);
  show_reviews_held (self);
  show_outcomes (self);
}
