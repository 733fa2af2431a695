/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-detail-page.c: one attendee: their step on the moving plan, their details and history */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-after-move-group.h"
#include "rp-attendee-detail-page.h"
#include "rp-choices.h"
#include "rp-contact-dialog.h"
#include "rp-communication-banner.h"
#include "rp-communication-editor.h"
#include "rp-date-row.h"
#include "rp-field-message.h"
#include "rp-family-window.h"
#include "rp-step-change-dialog.h"
#include "rp-stepper.h"

#define SAVE_DELAY_MS 400
#define SAVED_SHOWN_MS 3000
#define MAX_CHANGES 100

/* A change this page saved, which Ctrl+Z can take back: a step change, or
 * one field edited (a field typed in several goes is one change). */
typedef enum
{
  CHANGE_STEP,
  CHANGE_FIELD,
} ChangeKind;

typedef struct
{
  ChangeKind       kind;
  gint64           attendee_id;
  gint64           step_change_id;  /* CHANGE_STEP */
  RpAttendeeField  field;           /* CHANGE_FIELD, from before to after */
  GVariant        *before;
  GVariant        *after;
} Change;

static void
change_free (Change *change)
{
  g_clear_pointer (&change->before, g_variant_unref);
  g_clear_pointer (&change->after, g_variant_unref);
  g_free (change);
}

struct _RpAttendeeDetailPage
{
  AdwBin         parent_instance;

  RpStore       *store;
  RpProgramme   *programme;
  RpAttendee    *attendee;
  RpAttendee    *base;           /* each field as it was when editing it began */
  RpNameIndex   *names;
  GSettings     *settings;
  RpChoices     *workers;        /* the worker combo's model */
  guint          save_source;
  guint          follow_source;  /* a re-read for changes just committed */
  GSignalGroup  *store_signals;
  gboolean       loading;
  GPtrArray     *changes;        /* Change: what this page saved, newest last */
  guint          saved_source;   /* hides the word "Saved" again */
  guint          note_tick;      /* scrolls to the report note once laid out */
  int            note_ticks;

  GtkRevealer   *saved_revealer;
  GtkWidget     *saved_box;
  GtkImage      *saved_icon;
  GtkLabel      *saved_label;
  gboolean       not_saved;      /* what is on screen failed to save: kept, marked, tried again */
  GtkWidget     *report_note_group;

  GtkLabel      *title_label;
  GtkLabel      *heading_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *attention_label;
  RpStepper     *stepper;
  AdwEntryRow   *step_note_row;
  GtkButton     *next_step_button;
  AdwEntryRow   *full_name_row;
  AdwEntryRow   *preferred_name_row;
  RpDateRow     *date_of_birth_row;
  AdwEntryRow   *contact_name_row;
  AdwEntryRow   *contact_relationship_row;
  AdwEntryRow   *contact_phone_row;
  GtkSwitch     *wheelchair_switch;
  GtkSwitch     *transport_switch;
  AdwEntryRow   *access_needs_row;
  RpCommunicationBanner *communication_banner;
  RpCommunicationEditor *communication_editor;
  RpCommunicationEditor *contact_communication_editor;
  AdwEntryRow   *communication_notes_row;
  AdwComboRow   *funding_row;
  AdwComboRow   *worker_row;
  RpDateRow     *target_date_row;
  GtkTextView   *case_notes_view;
  GtkTextView   *report_note_view;
  GtkLabel      *report_warning_label;
  AdwActionRow  *outcome_row;
  AdwComboRow   *provider_row;
  RpDateRow     *move_date_row;
  GtkListBox    *history_list;
  GtkListBox    *bookings_list;
  GtkListBox    *contacts_list;
  RpAfterMoveGroup *after_move_group;
};

G_DEFINE_FINAL_TYPE (RpAttendeeDetailPage, rp_attendee_detail_page, ADW_TYPE_BIN)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers ------------------------------------------------------------------ */

static void
add_toast (RpAttendeeDetailPage *self,
           AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_message (RpAttendeeDetailPage *self,
              const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  add_toast (self, toast);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Set only when it differs: a refresh that brings the same words keeps the
 * cursor and the selection where the person left them. */
static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  g_autofree char *shown = buffer_text (view);

  if (g_strcmp0 (shown, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Reads a date field; a date that is not real is marked and the old value kept. */
static const char *
read_date (RpDateRow    *row,
           const char   *old_value,
           char        **storage)
{
  g_autoptr(GError) error = NULL;

  *storage = rp_date_row_dup_iso (row, &error);
  return error != NULL ? old_value : *storage;
}

/* A date of birth must also not be in the future: said under the field, and
 * the stored one kept, so that the rest of the page still saves. */
static const char *
read_birth_date (RpAttendeeDetailPage  *self,
                 const char            *old_value,
                 char                 **storage)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  const char *value = read_date (self->date_of_birth_row, old_value, storage);

  if (*storage == NULL)
    return value;

  today = rp_store_dup_today (self->store);
  if (!rp_attendee_check_date_of_birth (*storage, today, &error))
    {
      rp_row_mark_error (ADW_PREFERENCES_ROW (self->date_of_birth_row), error->message);
      return old_value;
    }

  return value;
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Loading ---------------------------------------------------------------- */

/* The note is checked as it will be published, and a word someone
 * confirmed is not a name in it is not flagged again. */
static void
update_report_warning (RpAttendeeDetailPage *self)
{
  g_autofree char *note = buffer_text (self->report_note_view);
  g_autofree char *published = rp_text_strip_invisible (note);
  g_autofree char *place = rp_name_place ("attendee", rp_attendee_get_id (self->attendee), "report_note");
  g_autofree char *message = NULL;
  RpNameMatch match;
  gboolean named = self->names != NULL && rp_name_index_match (self->names, place, published, &match);

  if (named)
    {
      g_autofree char *word = match.known != NULL ? g_strdup (match.known)
                              : g_strndup (published + match.start, match.end - match.start);

      message = g_strdup_printf (_("This note names “%s”. Published notes must not name anyone: describe the progress instead."), word);
    }

  gtk_label_set_label (self->report_warning_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->report_warning_label), named);
}

static void
load_history (RpAttendeeDetailPage *self)
{
  g_autofree char *my_name = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  /* Changes made from this computer account read as the worker it belongs to. */
  my_name = g_settings_get_string (self->settings, "my-worker");
  lines = rp_history_describe (self->store, rp_attendee_get_id (self->attendee),
                               rp_store_get_user (self->store), my_name, NULL);
  if (lines == NULL)
    return;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      GtkWidget *label = gtk_label_new (line);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      /* A screen reader moving down the history reads each line as it comes. */
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, line, -1);
      gtk_list_box_append (self->history_list, row);
    }
}

/* Who "I" am changed in Preferences: the history names this account anew. */
static void
on_my_worker_changed (RpAttendeeDetailPage *self)
{
  if (self->store != NULL && self->attendee != NULL)
    load_history (self);
}

static void
load_bookings (RpAttendeeDetailPage *self)
{
  g_autoptr(GListModel) bookings = rp_store_list_attendee_bookings (self->store, rp_attendee_get_id (self->attendee), NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->bookings_list))) != NULL)
    gtk_list_box_remove (self->bookings_list, child);

  for (guint i = 0; bookings != NULL && i < g_list_model_get_n_items (bookings); i++)
    {
      g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);
      g_autoptr(RpTasterDay) day = rp_store_get_taster_day (self->store, rp_booking_get_taster_day_id (booking), NULL);
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (day == NULL)
        continue;

      date = rp_taster_day_get_date (day) != NULL ? rp_date_format_long (rp_taster_day_get_date (day))
                                                  : g_strdup (_("Date to be confirmed"));
      subtitle = g_strdup_printf ("%s · %s%s", date, rp_booking_status_get_label (rp_booking_get_status (booking)),
                                  rp_taster_day_get_cancelled (day) ? _(" · day cancelled") : "");
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_taster_day_get_provider_name (day));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->bookings_list, row);
    }

  if (bookings == NULL || g_list_model_get_n_items (bookings) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not booked on any taster day yet"));
      gtk_list_box_append (self->bookings_list, row);
    }
}

/* Contact log -------------------------------------------------------------- */

static void open_contact (RpAttendeeDetailPage *self,
                          RpContact            *contact);

static void
on_contact_activated (AdwActionRow         *row,
                      RpAttendeeDetailPage *self)
{
  open_contact (self, g_object_get_data (G_OBJECT (row), "contact"));
}

/* Newest first; each row names how, with whom and when, and the summary
 * follows in full, wrapped, so nothing is cut off at 360 px. */
static void
load_contacts (RpAttendeeDetailPage *self)
{
  g_autoptr(GListModel) contacts = rp_store_list_contacts (self->store, rp_attendee_get_id (self->attendee), NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_list))) != NULL)
    gtk_list_box_remove (self->contacts_list, child);

  for (guint i = 0; contacts != NULL && i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RpContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *date = rp_date_format_medium (rp_contact_get_contacted_on (contact));
      g_autofree char *how = rp_contact_describe (contact);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a contact log row: "12 Sep 2023 · Phone call with the family (Janet Walker)" */
      title = g_strdup_printf (_("%s · %s"), date, how);
      if (rp_contact_get_follow_up_needed (contact))
        g_string_append (subtitle, _("Follow-up needed. "));
      if (rp_contact_get_summary (contact) != NULL)
        g_string_append (subtitle, rp_contact_get_summary (contact));
      if (rp_contact_get_worker_name (contact) != NULL)
        /* Translators: who made the contact, after its summary */
        g_string_append_printf (subtitle, _(" (%s)"), rp_contact_get_worker_name (contact));

      /* Typed by people: text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_strstrip (subtitle->str));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
      gtk_widget_set_tooltip_text (row, _("Edit or delete this contact"));
      g_object_set_data_full (G_OBJECT (row), "contact", g_object_ref (contact), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_contact_activated), self, 0);
      gtk_list_box_append (self->contacts_list, row);
    }

  if (contacts == NULL || g_list_model_get_n_items (contacts) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No contact logged yet"));
      gtk_list_box_append (self->contacts_list, row);
    }
}

static void
on_undo_contact_delete (AdwToast             *toast,
                        RpAttendeeDetailPage *self)
{
  RpContact *contact = g_object_get_data (G_OBJECT (toast), "contact");
  g_autoptr(GError) error = NULL;

  /* Put back as it was; shown when the store announces it. */
  if (self->store != NULL && !rp_store_restore_contact (self->store, contact, &error))
    show_message (self, error->message);
}

static void
on_contact_deleted (RpContactDialog      *dialog,
                    RpContact            *contact,
                    RpAttendeeDetailPage *self)
{
  AdwToast *toast = adw_toast_new (_("Contact deleted"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "contact", g_object_ref (contact), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_contact_delete), self, 0);
  add_toast (self, toast);
}

static void
open_contact (RpAttendeeDetailPage *self,
              RpContact            *contact)
{
  RpContactDialog *dialog;

  if (self->store == NULL || contact == NULL)
    return;

  /* The dialogue saves, and keeps itself open on a refusal; the log shows
   * the change when the store announces it. */
  dialog = rp_contact_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, contact);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (on_contact_deleted), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new entry for today, with the family contact's name and the allocated
 * worker filled in, as most entries are a call to the family. */
static void
log_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);
  g_autoptr(RpContact) contact = NULL;
  g_autofree char *today = NULL;

  if (self->attendee == NULL || self->store == NULL)
    return;

  today = rp_store_dup_today (self->store);
  contact = rp_contact_new ();
  rp_contact_set_attendee_id (contact, rp_attendee_get_id (self->attendee));
  rp_contact_set_contacted_on (contact, today);
  rp_contact_set_worker_id (contact, rp_attendee_get_worker_id (self->attendee));
  rp_contact_set_with_name (contact, rp_attendee_get_contact_name (self->attendee));
  open_contact (self, contact);
}

/* The worker and provider choices follow the store; a deactivated worker
 * stays listed only while still allocated here. */
static void
load_choices (RpAttendeeDetailPage *self)
{
  g_autoptr(RpChoices) providers = NULL;
  g_autoptr(GtkStringList) fundings = NULL;

  if (self->workers != NULL)
    {
      rp_choices_set_keep_id (self->workers, rp_attendee_get_worker_id (self->attendee));
      return;
    }

  self->workers = rp_choices_new (self->store, RP_TYPE_WORKER, _("None allocated"), rp_attendee_get_worker_id (self->attendee));
  providers = rp_choices_new (self->store, RP_TYPE_PROVIDER, _("Choose a provider"), 0);
  fundings = gtk_string_list_new (NULL);
  gtk_string_list_append (fundings, rp_funding_get_label (RP_FUNDING_ASC));
  gtk_string_list_append (fundings, rp_funding_get_label (RP_FUNDING_HEALTH));

  adw_combo_row_set_model (self->worker_row, G_LIST_MODEL (self->workers));
  adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (providers));
  adw_combo_row_set_model (self->funding_row, G_LIST_MODEL (fundings));
}

static void
update_summary (RpAttendeeDetailPage *self)
{
  RpAttendee *attendee = self->attendee;
  int step = rp_attendee_get_step (attendee);
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *today = rp_store_dup_today (self->store);
  g_autofree char *attention = NULL;
  g_autoptr(RpRulesContext) rules = NULL;
  const char *worker = rp_attendee_get_worker_name (attendee);

  /* Translators: attendee number and name, "7 · Georgia Bennett" */
  if (rp_attendee_get_preferred_name (attendee) != NULL)
    /* Translators: attendee number, full name and preferred name, "7 · Georgia Bennett (Georgie)" */
    heading = g_strdup_printf (_("%d · %s (%s)"), rp_attendee_get_number (attendee),
                               rp_attendee_get_full_name (attendee), rp_attendee_get_preferred_name (attendee));
  else
    heading = g_strdup_printf (_("%d · %s"), rp_attendee_get_number (attendee), rp_attendee_get_full_name (attendee));
  gtk_label_set_label (self->heading_label, heading);
  gtk_label_set_label (self->title_label, heading);

  /* Translators: "Attendee (ASC) · worker: Priya Mistry" */
  subtitle = g_strdup_printf (_("Attendee (%s) · %s"),
                              rp_funding_get_label (rp_attendee_get_funding (attendee)),
                              worker != NULL ? worker : _("no worker allocated"));
  if (rp_attendee_get_archived (attendee))
    {
      char *archived = g_strdup_printf (_("%s · archived"), subtitle);
      g_free (subtitle);
      subtitle = archived;
    }
  gtk_label_set_label (self->subtitle_label, subtitle);

  rules = rp_rules_context_new_for_programme (self->programme, today,
                                              g_settings_get_uint (self->settings, "stale-days"));
  attention = rp_attention_describe_for (rp_attention_for_attendee (attendee, rules), attendee, rules);
  gtk_label_set_label (self->attention_label, attention != NULL ? attention : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attention_label), attention != NULL);

  if (rp_moving_plan_step_by_review (step + 1, rp_attendee_get_outcome (attendee) == RP_OUTCOME_MOVED))
    gtk_button_set_label (self->next_step_button, _("Record the Follow-up Review…"));
  else if (step < RP_MOVING_PLAN_LAST_STEP)
    {
      g_autofree char *label = g_strdup_printf (_("Move to Step %d · %s"), step + 1, rp_moving_plan_step_name (step + 1));
      gtk_button_set_label (self->next_step_button, label);
    }
  else
    gtk_button_set_label (self->next_step_button, _("Last Step Reached"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendee.next-step", step < RP_MOVING_PLAN_LAST_STEP);

  switch (rp_attendee_get_outcome (attendee))
    {
    case RP_OUTCOME_MOVED:
      {
        g_autofree char *date = rp_date_format_long (rp_attendee_get_outcome_date (attendee));
        outcome = g_strdup_printf (_("Moved to %s on %s"), rp_attendee_get_moved_to_provider_name (attendee), date);
      }
      break;

    case RP_OUTCOME_LEFT:
      {
        g_autofree char *date = rp_date_format_long (rp_attendee_get_outcome_date (attendee));
        outcome = g_strdup_printf (_("Left on %s"), date);
      }
      break;

    case RP_OUTCOME_ATTENDING:
    default:
      outcome = g_strdup (_("Still attending the day centre"));
      break;
    }
  adw_action_row_set_subtitle (self->outcome_row, outcome);
}

/* Communication needs: edited in two groups, flagged in the banner. */
static void
load_communication (RpAttendeeDetailPage *self,
                    RpAttendee           *attendee)
{
  rp_communication_editor_set_values (self->communication_editor,
                                      rp_attendee_get_communication_needs (attendee),
                                      rp_attendee_get_interpreter_language (attendee),
                                      rp_attendee_get_preferred_contact (attendee));
  rp_communication_editor_set_values (self->contact_communication_editor,
                                      rp_attendee_get_contact_communication_needs (attendee),
                                      rp_attendee_get_contact_interpreter_language (attendee),
                                      rp_attendee_get_contact_preferred_contact (attendee));
  set_entry (self->communication_notes_row, rp_attendee_get_communication_notes (attendee));
  rp_communication_banner_set_attendee (self->communication_banner, attendee);
}

static void
apply_communication (RpAttendeeDetailPage *self,
                     RpAttendee           *attendee)
{
  g_autofree char *needs = rp_communication_editor_dup_needs (self->communication_editor);
  g_autofree char *language = rp_communication_editor_dup_language (self->communication_editor);
  g_autofree char *contact_needs = rp_communication_editor_dup_needs (self->contact_communication_editor);
  g_autofree char *contact_language = rp_communication_editor_dup_language (self->contact_communication_editor);

  rp_attendee_set_communication_needs (attendee, needs);
  rp_attendee_set_interpreter_language (attendee, language);
  rp_attendee_set_preferred_contact (attendee, rp_communication_editor_get_preferred (self->communication_editor));
  rp_attendee_set_contact_communication_needs (attendee, contact_needs);
  rp_attendee_set_contact_interpreter_language (attendee, contact_language);
  rp_attendee_set_contact_preferred_contact (attendee,
                                             rp_communication_editor_get_preferred (self->contact_communication_editor));
  rp_attendee_set_communication_notes (attendee, entry_text (self->communication_notes_row));
}

static void
load_attendee (RpAttendeeDetailPage *self)
{
  RpAttendee *attendee = self->attendee;
  g_autoptr(GListModel) steps = rp_store_list_step_history (self->store, rp_attendee_get_id (attendee), NULL);

  self->loading = TRUE;

  /* "Not saved" was about the attendee shown before, and the person chose
   * to let it go (rp_attendee_detail_page_show () asks). */
  if (self->not_saved)
    {
      self->not_saved = FALSE;
      gtk_revealer_set_reveal_child (self->saved_revealer, FALSE);
    }

  g_clear_object (&self->base);
  self->base = rp_attendee_copy (attendee);
  load_choices (self);
  set_entry (self->full_name_row, rp_attendee_get_full_name (attendee));
  set_entry (self->preferred_name_row, rp_attendee_get_preferred_name (attendee));
  rp_date_row_set_iso (self->date_of_birth_row, rp_attendee_get_date_of_birth (attendee));
  set_entry (self->contact_name_row, rp_attendee_get_contact_name (attendee));
  set_entry (self->contact_relationship_row, rp_attendee_get_contact_relationship (attendee));
  set_entry (self->contact_phone_row, rp_attendee_get_contact_phone (attendee));
  gtk_switch_set_active (self->wheelchair_switch, rp_attendee_get_wheelchair_user (attendee));
  gtk_switch_set_active (self->transport_switch, rp_attendee_get_transport_needed (attendee));
  set_entry (self->access_needs_row, rp_attendee_get_access_needs (attendee));
  load_communication (self, attendee);
  adw_combo_row_set_selected (self->funding_row, rp_attendee_get_funding (attendee));
  rp_combo_row_set_selected_id (self->worker_row, rp_attendee_get_worker_id (attendee));
  rp_date_row_set_iso (self->target_date_row, rp_attendee_get_target_date (attendee));
  set_view_text (self->case_notes_view, rp_attendee_get_case_notes (attendee));
  set_view_text (self->report_note_view, rp_attendee_get_report_note (attendee));
  rp_combo_row_set_selected_id (self->provider_row, rp_attendee_get_moved_to_provider_id (attendee));
  rp_row_clear_error (ADW_PREFERENCES_ROW (self->provider_row));
  rp_date_row_set_iso (self->move_date_row, rp_attendee_get_outcome_date (attendee));

  rp_stepper_set_history (self->stepper, rp_attendee_get_step (attendee), steps);
  update_summary (self);
  update_report_warning (self);
  load_bookings (self);
  load_contacts (self);
  load_history (self);
  rp_after_move_group_show (self->after_move_group, self->store, self->programme, attendee);

  self->loading = FALSE;
}

/* Re-reads the attendee from the store, after a change made elsewhere. */
static void
reload (RpAttendeeDetailPage *self)
{
  g_autoptr(RpAttendee) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->attendee == NULL)
    return;

  if (!(fresh = rp_store_get_attendee (self->store, rp_attendee_get_id (self->attendee), &error)))
    {
      show_message (self, error->message);
      return;
    }

  g_set_object (&self->attendee, fresh);
  load_attendee (self);
}

/* What was saved, and taking it back ------------------------------------- */

/* Ctrl+Z takes back this attendee's last change made here, and only while
 * there is one. */
static Change *
last_change (RpAttendeeDetailPage *self,
             guint                *index)
{
  for (guint i = self->changes->len; self->attendee != NULL && i > 0; i--)
    {
      Change *change = g_ptr_array_index (self->changes, i - 1);

      if (change->attendee_id == rp_attendee_get_id (self->attendee))
        {
          if (index != NULL)
            *index = i - 1;
          return change;
        }
    }

  return NULL;
}

static void
update_undo_action (RpAttendeeDetailPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendee.undo", last_change (self, NULL) != NULL);
}

static void
remember (RpAttendeeDetailPage *self,
          Change               *change)
{
  if (self->changes->len >= MAX_CHANGES)
    g_ptr_array_remove_index (self->changes, 0);
  g_ptr_array_add (self->changes, change);
  update_undo_action (self);
}

static void
remember_step_change (RpAttendeeDetailPage *self,
                      RpStepChange         *step_change)
{
  Change *change = g_new0 (Change, 1);

  change->kind = CHANGE_STEP;
  change->attendee_id = rp_step_change_get_attendee_id (step_change);
  change->step_change_id = rp_step_change_get_id (step_change);
  remember (self, change);
}

/* A field saved in several goes as it is typed is one change to take back;
 * typed back to what it was, there is nothing left to take back. */
static void
remember_field_change (RpAttendeeDetailPage *self,
                       gint64                attendee_id,
                       RpAttendeeField       field,
                       GVariant             *before,
                       GVariant             *after)
{
  Change *top = self->changes->len > 0 ? g_ptr_array_index (self->changes, self->changes->len - 1) : NULL;
  Change *change;

  if (top != NULL && top->kind == CHANGE_FIELD && top->attendee_id == attendee_id && top->field == field)
    {
      if (g_variant_equal (top->before, after))
        g_ptr_array_remove_index (self->changes, self->changes->len - 1);
      else
        {
          g_clear_pointer (&top->after, g_variant_unref);
          top->after = g_variant_ref (after);
        }
      update_undo_action (self);
      return;
    }

  change = g_new0 (Change, 1);
  change->kind = CHANGE_FIELD;
  change->attendee_id = attendee_id;
  change->field = field;
  change->before = g_variant_ref (before);
  change->after = g_variant_ref (after);
  remember (self, change);
}

static gboolean
hide_saved (gpointer user_data)
{
  RpAttendeeDetailPage *self = user_data;

  self->saved_source = 0;
  gtk_revealer_set_reveal_child (self->saved_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

/* A quiet "Saved" beside the title for a few seconds after each save as
 * the person types; a screen reader finds it as the page's status, saying
 * what was saved. GTK 4.8 has no way to announce it without taking the
 * person away from what they are typing. */
static void
show_saved (RpAttendeeDetailPage *self,
            GArray               *edits)
{
  g_autofree char *what = NULL;

  if (edits->len == 1)
    {
      const char *label = rp_attendee_field_get_label (g_array_index (edits, RpFieldEdit, 0).field);

      /* Translators: "Saved: phone number", said to a screen reader */
      what = g_strdup_printf (_("Saved: %s"), label);
    }
  else
    what = g_strdup (_("Changes saved"));

  self->not_saved = FALSE;
  gtk_image_set_from_icon_name (self->saved_icon, "object-select-symbolic");
  gtk_label_set_label (self->saved_label, _("Saved"));
  gtk_widget_remove_css_class (self->saved_box, "not-saved");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->saved_box), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  gtk_widget_set_tooltip_text (self->saved_box, what);
  gtk_revealer_set_reveal_child (self->saved_revealer, TRUE);
  g_clear_handle_id (&self->saved_source, g_source_remove);
  self->saved_source = g_timeout_add (SAVED_SHOWN_MS, hide_saved, self);
}

/* What is typed could not be saved (a team database's lost connection,
 * say): it stays on screen, and "Not saved" stays beside the title until a
 * save works; the page tries again once the connection is back. */
static void
show_not_saved (RpAttendeeDetailPage *self,
                const char           *why)
{
  self->not_saved = TRUE;
  g_clear_handle_id (&self->saved_source, g_source_remove);
  gtk_image_set_from_icon_name (self->saved_icon, "dialog-warning-symbolic");
  gtk_label_set_label (self->saved_label, _("Not saved"));
  gtk_widget_add_css_class (self->saved_box, "not-saved");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->saved_box), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
  gtk_widget_set_tooltip_text (self->saved_box, why);
  gtk_revealer_set_reveal_child (self->saved_revealer, TRUE);
}

/* Saving ----------------------------------------------------------------- */

static void
apply_fields (RpAttendeeDetailPage *self,
              RpAttendee     *attendee)
{
  g_autofree char *dob = NULL;
  g_autofree char *target = NULL;
  g_autofree char *case_notes = buffer_text (self->case_notes_view);
  g_autofree char *report_note = buffer_text (self->report_note_view);
  g_autofree char *full_name = g_strstrip (g_strdup (entry_text (self->full_name_row)));

  /* An emptied name is not saved: the record always has one. */
  if (full_name[0] != '\0')
    rp_attendee_set_full_name (attendee, full_name);
  rp_attendee_set_preferred_name (attendee, entry_text (self->preferred_name_row));
  rp_attendee_set_date_of_birth (attendee, read_birth_date (self, rp_attendee_get_date_of_birth (attendee), &dob));
  rp_attendee_set_contact_name (attendee, entry_text (self->contact_name_row));
  rp_attendee_set_contact_relationship (attendee, entry_text (self->contact_relationship_row));
  rp_attendee_set_contact_phone (attendee, entry_text (self->contact_phone_row));
  rp_attendee_set_wheelchair_user (attendee, gtk_switch_get_active (self->wheelchair_switch));
  rp_attendee_set_transport_needed (attendee, gtk_switch_get_active (self->transport_switch));
  rp_attendee_set_access_needs (attendee, entry_text (self->access_needs_row));
  apply_communication (self, attendee);
  rp_attendee_set_funding (attendee, adw_combo_row_get_selected (self->funding_row) == 1 ? RP_FUNDING_HEALTH
                                                                                       : RP_FUNDING_ASC);
  rp_attendee_set_worker_id (attendee, rp_combo_row_get_selected_id (self->worker_row));
  rp_attendee_set_target_date (attendee, read_date (self->target_date_row,
                                                    rp_attendee_get_target_date (attendee), &target));
  rp_attendee_set_case_notes (attendee, case_notes);
  rp_attendee_set_report_note (attendee, report_note);

  gtk_widget_remove_css_class (GTK_WIDGET (self->full_name_row), "error");
  if (full_name[0] == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->full_name_row), "error");
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* Shows the value of one field of @attendee, as loading does for them all. */
static void
load_field (RpAttendeeDetailPage  *self,
            RpAttendeeField  field,
            RpAttendee      *attendee)
{
  self->loading = TRUE;

  switch (field)
    {
    case RP_ATTENDEE_FIELD_FULL_NAME:
      set_entry (self->full_name_row, rp_attendee_get_full_name (attendee));
      break;

    case RP_ATTENDEE_FIELD_PREFERRED_NAME:
      set_entry (self->preferred_name_row, rp_attendee_get_preferred_name (attendee));
      break;

    case RP_ATTENDEE_FIELD_DATE_OF_BIRTH:
      rp_date_row_set_iso (self->date_of_birth_row, rp_attendee_get_date_of_birth (attendee));
      break;

    case RP_ATTENDEE_FIELD_CONTACT_NAME:
      set_entry (self->contact_name_row, rp_attendee_get_contact_name (attendee));
      break;

    case RP_ATTENDEE_FIELD_CONTACT_RELATIONSHIP:
      set_entry (self->contact_relationship_row, rp_attendee_get_contact_relationship (attendee));
      break;

    case RP_ATTENDEE_FIELD_CONTACT_PHONE:
      set_entry (self->contact_phone_row, rp_attendee_get_contact_phone (attendee));
      break;

    case RP_ATTENDEE_FIELD_WHEELCHAIR_USER:
      gtk_switch_set_active (self->wheelchair_switch, rp_attendee_get_wheelchair_user (attendee));
      break;

    case RP_ATTENDEE_FIELD_TRANSPORT_NEEDED:
      gtk_switch_set_active (self->transport_switch, rp_attendee_get_transport_needed (attendee));
      break;

    case RP_ATTENDEE_FIELD_ACCESS_NEEDS:
      set_entry (self->access_needs_row, rp_attendee_get_access_needs (attendee));
      break;

    case RP_ATTENDEE_FIELD_FUNDING:
      adw_combo_row_set_selected (self->funding_row, rp_attendee_get_funding (attendee));
      break;

    case RP_ATTENDEE_FIELD_WORKER:
      /* The worker allocated elsewhere is listed, even one no longer active. */
      rp_choices_set_keep_id (self->workers, rp_attendee_get_worker_id (attendee));
      rp_combo_row_set_selected_id (self->worker_row, rp_attendee_get_worker_id (attendee));
      break;

    case RP_ATTENDEE_FIELD_TARGET_DATE:
      rp_date_row_set_iso (self->target_date_row, rp_attendee_get_target_date (attendee));
      break;

    case RP_ATTENDEE_FIELD_CASE_NOTES:
      set_view_text (self->case_notes_view, rp_attendee_get_case_notes (attendee));
      break;

    case RP_ATTENDEE_FIELD_REPORT_NOTE:
      set_view_text (self->report_note_view, rp_attendee_get_report_note (attendee));
      update_report_warning (self);
      break;

    case RP_ATTENDEE_FIELD_COMMUNICATION_NEEDS:
    case RP_ATTENDEE_FIELD_INTERPRETER_LANGUAGE:
    case RP_ATTENDEE_FIELD_PREFERRED_CONTACT:
    case RP_ATTENDEE_FIELD_COMMUNICATION_NOTES:
    case RP_ATTENDEE_FIELD_CONTACT_COMMUNICATION_NEEDS:
    case RP_ATTENDEE_FIELD_CONTACT_INTERPRETER_LANGUAGE:
    case RP_ATTENDEE_FIELD_CONTACT_PREFERRED_CONTACT:
      load_communication (self, attendee);
      break;

    case RP_ATTENDEE_FIELD_ARCHIVED:
    case RP_ATTENDEE_N_FIELDS:
    default:
      break;
    }

  self->loading = FALSE;
}

/* Reads the attendee again after a write: the summary follows the store. */
static gboolean
refresh_attendee (RpAttendeeDetailPage *self)
{
  g_autoptr(RpAttendee) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!(fresh = rp_store_get_attendee (self->store, rp_attendee_get_id (self->attendee), &error)))
    {
      show_message (self, error->message);
      return FALSE;
    }

  g_set_object (&self->attendee, fresh);
  update_summary (self);
  rp_communication_banner_set_attendee (self->communication_banner, self->attendee);
  return TRUE;
}

/* A field the person has not touched shows what someone else saved since. */
static void
follow_store (RpAttendeeDetailPage *self,
              RpAttendee     *mine)
{
  for (RpAttendeeField field = 0; field < RP_ATTENDEE_N_FIELDS; field++)
    {
      if (!rp_attendee_field_equal (mine, self->base, field) ||
          rp_attendee_field_equal (self->attendee, self->base, field))
        continue;

      /* A date typed wrongly is kept on screen to be corrected. */
      if ((field == RP_ATTENDEE_FIELD_DATE_OF_BIRTH &&
           gtk_widget_has_css_class (GTK_WIDGET (self->date_of_birth_row), "error")) ||
          (field == RP_ATTENDEE_FIELD_TARGET_DATE &&
           gtk_widget_has_css_class (GTK_WIDGET (self->target_date_row), "error")))
        continue;

      {
        g_autoptr(GVariant) stored = rp_attendee_dup_field (self->attendee, field);

        rp_attendee_set_field (self->base, field, stored);
        load_field (self, field, self->attendee);
      }
    }
}

/* Someone else changed this attendee — another window, reprovision-cli,
 * an import or a restore: the page shows it, leaving alone every field the
 * person is editing. */
static gboolean
follow_changes (gpointer user_data)
{
  RpAttendeeDetailPage *self = user_data;
  g_autoptr(RpAttendee) mine = NULL;
  g_autoptr(RpAttendee) stored = NULL;
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GError) error = NULL;

  self->follow_source = 0;

  if (self->attendee == NULL || self->store == NULL || self->base == NULL)
    return G_SOURCE_REMOVE;

  /* Erased elsewhere: there is nobody left to show, or to save. */
  if (!(stored = rp_store_get_attendee (self->store, rp_attendee_get_id (self->attendee), &error)) &&
      g_error_matches (error, RP_ERROR, RP_ERROR_NOT_FOUND))
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      g_clear_object (&self->attendee);
      g_clear_object (&self->base);
      g_signal_emit (self, signals[BACK], 0);
      show_message (self, _("This attendee’s details were erased elsewhere."));
      return G_SOURCE_REMOVE;
    }

  mine = rp_attendee_copy (self->base);
  apply_fields (self, mine);
  if (!refresh_attendee (self))
    return G_SOURCE_REMOVE;
  follow_store (self, mine);

  steps = rp_store_list_step_history (self->store, rp_attendee_get_id (self->attendee), NULL);
  rp_stepper_set_history (self->stepper, rp_attendee_get_step (self->attendee), steps);
  load_bookings (self);
  load_contacts (self);
  load_history (self);
  rp_after_move_group_show (self->after_move_group, self->store, self->programme, self->attendee);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed (RpAttendeeDetailPage *self,
                  const char     *table,
                  GArray         *ids,
                  RpStore        *store)
{
  if (self->attendee == NULL || self->follow_source != 0)
    return;

  if (g_str_equal (table, "attendee") && ids != NULL && !has_id (ids, rp_attendee_get_id (self->attendee)))
    return;

  self->follow_source = g_idle_add (follow_changes, self);
}

static void ask_about_conflict (GtkWindow       *parent,
                                RpAttendeeDetailPage  *page,
                                RpStore         *store,
                                gint64           attendee_id,
                                RpFieldConflict *conflict);

/**
 * rp_attendee_detail_page_save_now:
 *
 * Saves the fields changed since they were shown, in one transaction, each
 * only where nobody else has changed it meanwhile; asks about those they have.
 * With nothing changed, nothing is written.
 */
void
rp_attendee_detail_page_save_now (RpAttendeeDetailPage *self)
{
  g_autoptr(RpAttendee) mine = NULL;
  g_autoptr(GArray) edits = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RP_IS_ATTENDEE_DETAIL_PAGE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->attendee == NULL || self->store == NULL || self->base == NULL)
    return;

  mine = rp_attendee_copy (self->base);
  apply_fields (self, mine);
  edits = rp_attendee_diff (self->base, mine);
  if (edits->len == 0)
    return;

  if (!rp_store_save_attendee_fields (self->store, rp_attendee_get_id (self->attendee),
                                      (RpFieldEdit *) edits->data, edits->len, &conflicts, &error) &&
      !g_error_matches (error, RP_ERROR, RP_ERROR_CONFLICT))
    {
      /* What was typed stays on screen, marked; the person is told why it was not saved. */
      show_not_saved (self, error->message);
      /* A lost connection is said by the window's banner; a toast would repeat it, cut short. */
      if (!g_error_matches (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE))
        show_message (self, error->message);
      return;
    }

  /* Each field saved now starts from what was saved, and can be taken
   * back; a field in conflict keeps its base until the person chooses. */
  for (guint i = 0; i < edits->len; i++)
    {
      RpFieldEdit *edit = &g_array_index (edits, RpFieldEdit, i);
      gboolean conflicted = FALSE;

      for (guint j = 0; conflicts != NULL && j < conflicts->len; j++)
        conflicted |= ((RpFieldConflict *) g_ptr_array_index (conflicts, j))->field == edit->field;

      if (!conflicted)
        {
          remember_field_change (self, rp_attendee_get_id (self->attendee), edit->field, edit->base, edit->value);
          rp_attendee_set_field (self->base, edit->field, edit->value);
        }
    }
  if (conflicts == NULL || conflicts->len < edits->len)
    show_saved (self, edits);

  if (!refresh_attendee (self))
    return;
  follow_store (self, mine);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    ask_about_conflict (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self, self->store,
                        rp_attendee_get_id (self->attendee), g_ptr_array_index (conflicts, i));
}

/* Conflicts ---------------------------------------------------------------- */

/* What a conflict's dialogue needs, even after the page has moved on to
 * another attendee or gone: what the person typed is held here until they choose. */
typedef struct
{
  GWeakRef         page;
  RpStore         *store;
  gint64           attendee_id;
  RpFieldConflict *conflict;
} ConflictChoice;

static void
conflict_choice_free (gpointer data,
                      GClosure *closure)
{
  ConflictChoice *choice = data;

  g_weak_ref_clear (&choice->page);
  g_clear_object (&choice->store);
  g_clear_pointer (&choice->conflict, rp_field_conflict_free);
  g_free (choice);
}

static char *
describe_value (RpStore         *store,
                RpAttendeeField  field,
                GVariant        *value)
{
  g_autoptr(RpWorker) worker = NULL;

  if (field == RP_ATTENDEE_FIELD_WORKER && g_variant_get_int64 (value) > 0)
    worker = rp_store_get_worker (store, g_variant_get_int64 (value), NULL);

  return rp_attendee_field_describe (field, value, worker != NULL ? rp_worker_get_name (worker) : NULL);
}

/* One of the two values, under a heading; long notes scroll. */
static GtkWidget *
value_box (const char *heading,
           const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (GTK_BOX (box), title);

  /* A scroller would reserve room for its scrollbar even around one line. */
  if (g_utf8_strlen (value, -1) > 240)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      /* A wrapped label's height is asked for at its widest: give it room for a few lines. */
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text);
      gtk_box_append (GTK_BOX (box), scroller);
    }
  else
    gtk_box_append (GTK_BOX (box), text);

  return box;
}

static void
on_conflict_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ConflictChoice   *choice)
{
  g_autoptr(RpAttendeeDetailPage) self = g_weak_ref_get (&choice->page);
  RpFieldConflict *conflict = choice->conflict;
  gboolean shown = self != NULL && self->attendee != NULL && self->base != NULL &&
                   rp_attendee_get_id (self->attendee) == choice->attendee_id;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "theirs"))
    {
      /* What is stored now, which may be newer still, replaces what was typed. */
      if (shown && refresh_attendee (self))
        {
          g_autoptr(GVariant) stored = rp_attendee_dup_field (self->attendee, conflict->field);

          rp_attendee_set_field (self->base, conflict->field, stored);
          load_field (self, conflict->field, self->attendee);
        }
      return;
    }

  /* Keep Mine: saved over what is stored now, which becomes the base. */
  {
    RpFieldEdit edit = { conflict->field, conflict->stored, conflict->mine };

    if (!rp_store_save_attendee_fields (choice->store, choice->attendee_id, &edit, 1, &again, &error))
      {
        GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

        /* Changed yet again meanwhile: ask again, with the newest value. */
        if (again != NULL)
          for (guint i = 0; i < again->len; i++)
            ask_about_conflict (parent, self, choice->store, choice->attendee_id, g_ptr_array_index (again, i));
        else if (self != NULL)
          show_message (self, error->message);
        else
          {
            /* The page has gone: the person is told in a dialogue of its own. */
            GtkWidget *failed = adw_message_dialog_new (parent, _("Not Saved"), error->message);

            adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
            gtk_window_present (GTK_WINDOW (failed));
          }
        return;
      }
  }

  if (shown)
    {
      rp_attendee_set_field (self->base, conflict->field, conflict->mine);
      refresh_attendee (self);
    }
}

/* Shows both values of a field someone else changed while it was being
 * edited, in words, and lets the person choose. Nothing is overwritten until
 * they do; closing the dialogue keeps what they typed. */
/* "Saved by amorgan at 14:02", or on another day "… on 4 Dec at 14:02". */
static char *
describe_saved_by (const RpFieldConflict *conflict)
{
  g_autoptr(GDateTime) utc = conflict->changed_at != NULL ? g_date_time_new_from_iso8601 (conflict->changed_at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = NULL;
  g_autofree char *day = NULL;

  if (conflict->changed_by == NULL || local == NULL)
    return g_strdup (_("Saved now by someone else"));

  time = g_date_time_format (local, "%H:%M");
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: "Saved by amorgan at 14:02" */
    return g_strdup_printf (_("Saved by %s at %s"), conflict->changed_by, time);

  day = g_date_time_format (local, "%-d %b");
  /* Translators: "Saved by amorgan on 4 Dec at 14:02" */
  return g_strdup_printf (_("Saved by %s on %s at %s"), conflict->changed_by, day, time);
}

static void
ask_about_conflict (GtkWindow       *parent,
                    RpAttendeeDetailPage  *page,
                    RpStore         *store,
                    gint64           attendee_id,
                    RpFieldConflict *conflict)
{
  ConflictChoice *choice = g_new0 (ConflictChoice, 1);
  g_autoptr(RpAttendee) attendee = rp_store_get_attendee (store, attendee_id, NULL);
  g_autofree char *body = NULL;
  g_autofree char *stored = describe_value (store, conflict->field, conflict->stored);
  g_autofree char *mine = describe_value (store, conflict->field, conflict->mine);
  g_autofree char *theirs_heading = NULL;
  GtkWidget *dialog, *box;

  g_weak_ref_init (&choice->page, page);
  choice->store = g_object_ref (store);
  choice->attendee_id = attendee_id;
  choice->conflict = rp_field_conflict_new (conflict->field, conflict->base, conflict->stored, conflict->mine);
  choice->conflict->changed_by = g_strdup (conflict->changed_by);
  choice->conflict->changed_at = g_strdup (conflict->changed_at);

  if (conflict->changed_by != NULL)
    /* Translators: "amorgan changed the phone number of attendee 7 while you were editing it. …" */
    body = g_strdup_printf (_("%s changed the %s of attendee %d while you were editing it. "
                              "Nothing has been overwritten. Which do you want to keep?"),
                            conflict->changed_by, rp_attendee_field_get_label (conflict->field),
                            attendee != NULL ? rp_attendee_get_number (attendee) : 0);
  else
    /* Translators: "… changed the phone number of attendee 7 …" */
    body = g_strdup_printf (_("Someone else changed the %s of attendee %d while you were editing it: in another window, "
                              "with the command line, by an import or by restoring a backup. "
                              "Nothing has been overwritten. Which do you want to keep?"),
                            rp_attendee_field_get_label (conflict->field),
                            attendee != NULL ? rp_attendee_get_number (attendee) : 0);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), value_box (theirs_heading = describe_saved_by (conflict), stored));
  gtk_box_append (GTK_BOX (box), value_box (_("What you typed"), mine));

  dialog = adw_message_dialog_new (parent, _("Changed While You Were Editing"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "theirs", _("_Use Theirs"),
                                    "mine", _("_Keep Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_conflict_response), choice, conflict_choice_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_timeout (gpointer user_data)
{
  RpAttendeeDetailPage *self = user_data;

  self->save_source = 0;
  rp_attendee_detail_page_save_now (self);
  return G_SOURCE_REMOVE;
}

/* The team database is back: what could not be saved is saved now (each
 * field only where nobody else changed it meanwhile, so never twice). */
static void
on_connection_lost_changed (RpAttendeeDetailPage *self,
                            GParamSpec           *pspec,
                            RpStore              *store)
{
  if (rp_store_get_connection_lost (store) || !self->not_saved || self->attendee == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_idle_add (save_timeout, self);
}

static void
on_field_changed (RpAttendeeDetailPage *self)
{
  if (self->loading || self->attendee == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

static void
on_report_note_changed (RpAttendeeDetailPage *self)
{
  update_report_warning (self);
  on_field_changed (self);
}

/* Actions ---------------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);

  rp_attendee_detail_page_save_now (self);
  g_signal_emit (self, signals[BACK], 0);
}

/* Says what was taken back: "Undone: the phone number is “07700 900107” again." */
static char *
describe_undone_field (RpAttendeeDetailPage *self,
                       const Change         *change)
{
  const char *label = rp_attendee_field_get_label (change->field);
  g_autofree char *value = NULL;

  if (change->field == RP_ATTENDEE_FIELD_ARCHIVED)
    return g_strdup (g_variant_get_boolean (change->before) ? _("Undone: archived again.")
                                                            : _("Undone: no longer archived."));

  if (g_variant_is_of_type (change->before, G_VARIANT_TYPE_STRING) &&
      g_variant_get_string (change->before, NULL)[0] != '\0')
    value = describe_value (self->store, change->field, change->before);
  else if (change->field == RP_ATTENDEE_FIELD_WORKER || change->field == RP_ATTENDEE_FIELD_FUNDING)
    value = describe_value (self->store, change->field, change->before);

  /* A long text or a switch reads better as what was undone than as its value. */
  if (value == NULL || g_utf8_strlen (value, -1) > 60 || strchr (value, '\n') != NULL)
    /* Translators: "Undone: your change to the case notes." */
    return g_strdup_printf (_("Undone: your change to the %s."), label);

  /* Translators: "Undone: the phone number is “07700 900107” again." */
  return g_strdup_printf (_("Undone: the %s is %s again."), label, value);
}

/* Takes back @change, which is no longer offered. What someone else has
 * changed since is never overwritten: the person is told instead. */
static void
undo_change (RpAttendeeDetailPage *self,
             Change               *change)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) whose = NULL;
  g_autofree char *message = NULL;

  if (change->kind == CHANGE_STEP)
    {
      if (!rp_store_undo_step_change (self->store, change->step_change_id, &error))
        {
          /* Translators: "Not undone: Only the latest step change can be undone." */
          message = g_strdup_printf (_("Not undone: %s"), error->message);
          show_message (self, message);
          return;
        }

      /* The toast's Undo may be pressed once another attendee is shown. */
      if (self->attendee != NULL && rp_attendee_get_id (self->attendee) == change->attendee_id)
        {
          reload (self);
          rp_stepper_focus_current (self->stepper);
        }
      if ((whose = rp_store_get_attendee (self->store, change->attendee_id, NULL)) != NULL)
        {
          int step = rp_attendee_get_step (whose);

          /* Translators: "Undone: Danny is back at step 2, Contact with people to commence discussion." */
          message = g_strdup_printf (_("Undone: %s is back at step %d, %s."),
                                     rp_attendee_get_display_name (whose), step, rp_moving_plan_step_name (step));
          show_message (self, message);
        }
      return;
    }

  {
    RpFieldEdit edit = { change->field, change->after, change->before };
    g_autoptr(GPtrArray) conflicts = NULL;

    if (!rp_store_save_attendee_fields (self->store, change->attendee_id, &edit, 1, &conflicts, &error))
      {
        if (conflicts != NULL)
          /* Translators: "Not undone: someone else has changed the phone number since." */
          message = g_strdup_printf (_("Not undone: someone else has changed the %s since."),
                                     rp_attendee_field_get_label (change->field));
        else
          message = g_strdup_printf (_("Not undone: %s"), error->message);
        show_message (self, message);
        return;
      }
  }

  /* Only that field is shown afresh: anything still being typed stays. */
  if (self->attendee != NULL && rp_attendee_get_id (self->attendee) == change->attendee_id && refresh_attendee (self))
    {
      rp_attendee_set_field (self->base, change->field, change->before);
      load_field (self, change->field, self->attendee);
      load_history (self);
    }

  message = describe_undone_field (self, change);
  show_message (self, message);
}

/* Ctrl+Z: the last change made here to the attendee shown, even after its
 * toast has gone. What is being typed is saved first, and so is taken back
 * with the rest of that field's change. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);
  Change *change;
  guint index;

  if (self->attendee == NULL || self->store == NULL)
    return;

  rp_attendee_detail_page_save_now (self);
  if ((change = last_change (self, &index)) == NULL)
    return;

  g_ptr_array_steal_index (self->changes, index);
  update_undo_action (self);
  undo_change (self, change);
  change_free (change);
}

/* The toast's Undo takes back that step change, wherever it is in the list. */
static void
on_undo_clicked (AdwToast             *toast,
                 RpAttendeeDetailPage *self)
{
  gint64 change_id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "step-change-id");

  if (self->store == NULL)
    return;

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = g_ptr_array_index (self->changes, i);

      if (change->kind == CHANGE_STEP && change->step_change_id == change_id)
        {
          g_ptr_array_steal_index (self->changes, i);
          update_undo_action (self);
          undo_change (self, change);
          change_free (change);
          return;
        }
    }
}

/* After a step change, from the button or the dialogue: the page shows it,
 * a toast offers to undo it (and Ctrl+Z does after the toast has gone), and
 * the keyboard moves to the new current step, away from the button that
 * would move the attendee on again. */
static void
step_recorded (RpAttendeeDetailPage *self,
               RpStepChange   *change)
{
  g_autofree char *message = NULL;
  int to_step = rp_step_change_get_to_step (change);
  AdwToast *toast;

  set_entry (self->step_note_row, NULL);
  reload (self);
  remember_step_change (self, change);
  rp_stepper_focus_current (self->stepper);

  /* Translators: "Moved to step 3, Review in progress" */
  message = g_strdup_printf (_("Moved to step %d, %s"), to_step, rp_moving_plan_step_name (to_step));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "step-change-id",
                          g_memdup2 (&(gint64) { rp_step_change_get_id (change) }, sizeof (gint64)), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  add_toast (self, toast);
}

static void
record_step (RpAttendeeDetailPage *self,
             int             to_step,
             const char     *date,
             const char     *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(RpStepChange) last = NULL;

  rp_attendee_detail_page_save_now (self);

  if (!rp_store_change_step (self->store, rp_attendee_get_id (self->attendee), to_step, date, note, &error))
    {
      show_message (self, error->message);
      return;
    }

  steps = rp_store_list_step_history (self->store, rp_attendee_get_id (self->attendee), NULL);
  last = g_list_model_get_item (steps, g_list_model_get_n_items (steps) - 1);
  step_recorded (self, last);
}

/* What a confirmation was asked about, checked again on the answer. */
typedef struct
{
  GWeakRef  page;
  gint64    attendee_id;
  int       from_step;
  gint64    provider_id;
  char     *date;
  char     *note;
} Pending;

static Pending *
pending_new (RpAttendeeDetailPage *self)
{
  Pending *pending = g_new0 (Pending, 1);

  g_weak_ref_init (&pending->page, self);
  pending->attendee_id = rp_attendee_get_id (self->attendee);
  return pending;
}

static void
pending_free (gpointer  data,
              GClosure *closure)
{
  Pending *pending = data;

  g_weak_ref_clear (&pending->page);
  g_free (pending->date);
  g_free (pending->note);
  g_free (pending);
}

static gboolean
still_shown (RpAttendeeDetailPage *self,
             Pending              *pending)
{
  return self != NULL && self->attendee != NULL && self->store != NULL &&
         rp_attendee_get_id (self->attendee) == pending->attendee_id;
}

static void
on_next_step_response (AdwMessageDialog     *dialog,
                       const char           *response,
                       Pending              *pending)
{
  g_autoptr(RpAttendeeDetailPage) self = g_weak_ref_get (&pending->page);

  if (!g_str_equal (response, "move") || !still_shown (self, pending))
    return;

  /* Only from the step asked about: moved meanwhile by someone else, the
   * person is not moved on a second time. */
  if (rp_attendee_get_step (self->attendee) != pending->from_step)
    {
      show_message (self, _("Not moved: someone else has changed the step meanwhile. The page shows it now."));
      reload (self);
      return;
    }

  record_step (self, pending->from_step + 1, NULL, pending->note);
}

/* "Move to Step N" asks first: one click, or Enter held down, must not
 * record a move nobody meant. Escape or closing is Cancel; Enter is Move. */
static void
next_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);
  g_autofree char *note = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;
  Pending *pending;
  GtkWidget *dialog;
  int to_step;

  if (self->attendee == NULL)
    return;

  rp_attendee_detail_page_save_now (self);
  to_step = rp_attendee_get_step (self->attendee) + 1;
  if (!rp_moving_plan_step_valid (to_step))
    return;

  if (rp_moving_plan_step_by_review (to_step, rp_attendee_get_outcome (self->attendee) == RP_OUTCOME_MOVED))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->after_move_group), "after-move.record-review", NULL);
      return;
    }

  note = g_strstrip (g_strdup (entry_text (self->step_note_row)));
  today = rp_store_dup_today (self->store);
  day = rp_date_format_long (today);

  /* Translators: "Move Danny to Step 3 — Review in progress?" */
  heading = g_strdup_printf (_("Move %s to Step %d — %s?"), rp_attendee_get_display_name (self->attendee),
                             to_step, rp_moving_plan_step_name (to_step));
  if (note[0] != '\0')
    /* Translators: "It is recorded as reached today, Saturday 5 December 2026, with the note “Phoned Grace”." */
    body = g_strdup_printf (_("It is recorded as reached today, %s, with the note “%s”."), day, note);
  else
    body = g_strdup_printf (_("It is recorded as reached today, %s. For another day, use Change Step."), day);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  pending = pending_new (self);
  pending->from_step = to_step - 1;
  pending->note = note[0] != '\0' ? g_strdup (note) : NULL;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_next_step_response), pending, pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_step_change_saved (RpStepChangeDialog *dialog,
                      RpStepChange       *change,
                      RpAttendeeDetailPage     *self)
{
  step_recorded (self, change);
}

static void
change_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);
  RpStepChangeDialog *dialog;

  if (self->attendee == NULL)
    return;

  /* What is typed on the page is saved first, as before any step change. */
  rp_attendee_detail_page_save_now (self);
  dialog = rp_step_change_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->attendee);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_step_change_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_record_move_response (AdwMessageDialog *dialog,
                         const char       *response,
                         Pending          *pending)
{
  g_autoptr(RpAttendeeDetailPage) self = g_weak_ref_get (&pending->page);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "record") || !still_shown (self, pending))
    return;

  /* An interim place: the permanent one is planned, and the person stays
   * on the worklist until it is recorded. */
  if (adw_expander_row_get_enable_expansion (g_object_get_data (G_OBJECT (dialog), "rp-interim-row")))
    {
      AdwComboRow *permanent_row = g_object_get_data (G_OBJECT (dialog), "rp-permanent-row");
      RpDateRow *permanent_date_row = g_object_get_data (G_OBJECT (dialog), "rp-permanent-date-row");
      g_autofree char *permanent_date = rp_date_row_dup_iso (permanent_date_row, &error);

      if (error == NULL)
        rp_store_record_interim_move (self->store, pending->attendee_id, pending->provider_id, pending->date,
                                      rp_combo_row_get_selected_id (permanent_row), permanent_date, &error);
    }
  else
    rp_store_record_move (self->store, pending->attendee_id, pending->provider_id, pending->date, &error);

  if (error != NULL)
    {
      show_message (self, error->message);
      return;
    }

  reload (self);
  show_message (self, _("The move was recorded. The attendee leaves the list of people still attending and stays in reports."));
}

/* Recording a move takes the person off the list of those still attending:
 * what is wrong is said under the provider or the date, and what is right
 * is confirmed first, in words. */
static void
record_move_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);
  gint64 provider_id = rp_combo_row_get_selected_id (self->provider_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProvider) provider = NULL;
  g_autofree char *date = NULL;
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *early = NULL;
  Pending *pending;
  RpPlanField field;
  GtkWidget *dialog;

  if (self->attendee == NULL)
    return;

  rp_attendee_detail_page_save_now (self);
  rp_row_clear_error (ADW_PREFERENCES_ROW (self->provider_row));

  date = rp_date_row_dup_iso (self->move_date_row, &error);
  if (error != NULL)
    {
      rp_focus_row (ADW_PREFERENCES_ROW (self->move_date_row));
      return;
    }

  today = rp_store_dup_today (self->store);
  if (!rp_moving_plan_check_move (provider_id, date, today, &field, &error))
    {
      AdwPreferencesRow *row = field == RP_PLAN_FIELD_PROVIDER ? ADW_PREFERENCES_ROW (self->provider_row)
                                                                : ADW_PREFERENCES_ROW (self->move_date_row);

      rp_row_mark_error (row, error->message);
      rp_focus_row (row);
      return;
    }

  provider = rp_store_get_provider (self->store, provider_id, NULL);
  day = rp_date_format_long (date);
  /* Translators: "Record Danny’s Move to Mosaic?" */
  heading = g_strdup_printf (_("Record %s’s Move to %s?"), rp_attendee_get_display_name (self->attendee),
                             provider != NULL ? rp_provider_get_name (provider) : _("New Provision"));
  /* Translators: "Danny moved on Saturday 5 December 2026. …" */
  body = g_strdup_printf (_("%s moved on %s. They leave the list of people still attending the day centre, "
                            "and stay in reports."), rp_attendee_get_display_name (self->attendee), day);
  early = rp_moving_plan_describe_early_move (date, rp_attendee_get_step (self->attendee),
                                              rp_attendee_get_step_since (self->attendee));
  if (early != NULL)
    {
      char *warned = g_strconcat (body, "\n\n", early, NULL);

      g_free (body);
      body = warned;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record the Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  /* A date that looks mistyped is not recorded by Enter alone. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), early != NULL ? "cancel" : "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  {
    GtkWidget *list = gtk_list_box_new ();
    GtkWidget *interim_row = adw_expander_row_new ();
    GtkWidget *permanent_row = adw_combo_row_new ();
    GtkWidget *permanent_date_row = rp_date_row_new ();
    g_autoptr(RpChoices) providers = rp_choices_new (self->store, RP_TYPE_PROVIDER, _("Choose a provider"), 0);

    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (list, "boxed-list");
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (interim_row), _("Interim place"));
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (interim_row), _("The permanent place is not ready yet"));
    adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (interim_row), TRUE);
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (interim_row), FALSE);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (permanent_row), _("Permanent place planned"));
    adw_combo_row_set_expression (ADW_COMBO_ROW (permanent_row),
                                  gtk_property_expression_new (RP_TYPE_PROVIDER, NULL, "name"));
    adw_combo_row_set_model (ADW_COMBO_ROW (permanent_row), G_LIST_MODEL (providers));
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (permanent_date_row),
                                   _("Date of the permanent move, if known (dd/mm/yyyy)"));
    adw_expander_row_add_row (ADW_EXPANDER_ROW (interim_row), permanent_row);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (interim_row), permanent_date_row);
    gtk_list_box_append (GTK_LIST_BOX (list), interim_row);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
    g_object_set_data (G_OBJECT (dialog), "rp-interim-row", interim_row);
    g_object_set_data (G_OBJECT (dialog), "rp-permanent-row", permanent_row);
    g_object_set_data (G_OBJECT (dialog), "rp-permanent-date-row", permanent_date_row);
  }

  pending = pending_new (self);
  pending->provider_id = provider_id;
  pending->date = g_steal_pointer (&date);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_record_move_response), pending, pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_family_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);
  RpFamilyWindow *window;

  if (self->attendee == NULL)
    return;

  rp_attendee_detail_page_save_now (self);
  window = rp_family_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->attendee);
  gtk_window_present (GTK_WINDOW (window));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);
  g_autoptr(GVariant) base = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  gboolean archive;

  if (self->attendee == NULL)
    return;

  rp_attendee_detail_page_save_now (self);
  archive = !rp_attendee_get_archived (self->base);
  base = rp_attendee_dup_field (self->base, RP_ATTENDEE_FIELD_ARCHIVED);
  value = g_variant_ref_sink (g_variant_new_boolean (archive));

  /* Only the archived flag is written, and only if nobody else changed it. */
  if (!rp_store_save_attendee_fields (self->store, rp_attendee_get_id (self->attendee),
                                      &(RpFieldEdit) { RP_ATTENDEE_FIELD_ARCHIVED, base, value }, 1, NULL, &error))
    {
      show_message (self, error->message);
      reload (self);
      return;
    }

  remember_field_change (self, rp_attendee_get_id (self->attendee), RP_ATTENDEE_FIELD_ARCHIVED, base, value);

  reload (self);
  show_message (self, archive ? _("Archived. The attendee is hidden from the list unless archived attendees are shown.")
                              : _("Restored from the archive."));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RpAttendeeDetailPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) still_there = NULL;
  GtkCheckButton *backups = GTK_CHECK_BUTTON (adw_message_dialog_get_extra_child (dialog));
  gint64 id;

  if (!g_str_equal (response, "delete") || self->attendee == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  id = rp_attendee_get_id (self->attendee);

  if (!rp_erasure_erase_attendee (self->store, id,
                                  gtk_check_button_get_active (backups) ? RP_ERASURE_DEFAULT : RP_ERASURE_KEEP_BACKUPS,
                                  NULL, &error))
    {
      show_message (self, error->message);

      /* Erased here, but some backup could not be rewritten: the page has nothing left to show. */
      if ((still_there = rp_store_get_attendee (self->store, id, NULL)) != NULL)
        return;
    }

  g_clear_object (&self->attendee);
  g_signal_emit (self, signals[BACK], 0);
  if (error == NULL)
    show_message (self, gtk_check_button_get_active (backups)
                        ? _("The attendee’s details were erased, from the backups too.")
                        : _("The attendee’s details were erased. The backups made before today still hold them."));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *backups;

  if (self->attendee == NULL)
    return;

  heading = g_strdup_printf (_("Delete Attendee %d Permanently?"), rp_attendee_get_number (self->attendee));
  body = g_strdup_printf (_("%s’s details, contacts, notes, step history and bookings will be erased and cannot be recovered. "
                            "The audit trail keeps only that attendee %d was deleted, when and by whom. "
                            "To keep the record but hide it, archive the attendee instead.\n\n"
                            "The backups made before today still hold %s. Unless they are erased from too, "
                            "anyone with a backup can still read the details. "
                            "Copies kept anywhere else, such as on a memory stick, are out of Reprovision’s reach."),
                          rp_attendee_get_display_name (self->attendee), rp_attendee_get_number (self->attendee),
                          rp_attendee_get_display_name (self->attendee));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  backups = gtk_check_button_new_with_mnemonic (_("Also erase from every _backup"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (backups), TRUE);
  gtk_widget_set_halign (backups, GTK_ALIGN_CENTER);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), backups);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Permanently"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject ---------------------------------------------------------------- */

static void
rp_attendee_detail_page_unmap (GtkWidget *widget)
{
  /* Leaving the page, or closing the window, keeps everything typed. */
  rp_attendee_detail_page_save_now (RP_ATTENDEE_DETAIL_PAGE (widget));

  GTK_WIDGET_CLASS (rp_attendee_detail_page_parent_class)->unmap (widget);
}

static void
rp_attendee_detail_page_dispose (GObject *object)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (object);

  if (self->save_source != 0)
    rp_attendee_detail_page_save_now (self);

  g_clear_handle_id (&self->follow_source, g_source_remove);
  g_clear_handle_id (&self->saved_source, g_source_remove);
  if (self->note_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->note_tick);
  self->note_tick = 0;
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->attendee);
  g_clear_object (&self->base);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->names, rp_name_index_free);
  g_clear_object (&self->workers);

  G_OBJECT_CLASS (rp_attendee_detail_page_parent_class)->dispose (object);
}

/* A long step name wraps rather than widening the page past a phone's width. */
static void
wrap_button_label (GtkButton *button)
{
  GtkWidget *label = gtk_button_get_child (button);

  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    }
}

static void
rp_attendee_detail_page_class_init (RpAttendeeDetailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_attendee_detail_page_dispose;
  widget_class->unmap = rp_attendee_detail_page_unmap;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RP_TYPE_STEPPER);
  g_type_ensure (RP_TYPE_AFTER_MOVE_GROUP);
  g_type_ensure (RP_TYPE_COMMUNICATION_BANNER);
  g_type_ensure (RP_TYPE_COMMUNICATION_EDITOR);
  g_type_ensure (RP_TYPE_DATE_ROW);
  g_type_ensure (RP_TYPE_WORKER);
  g_type_ensure (RP_TYPE_PROVIDER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-attendee-detail-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, attention_label);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, stepper);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, after_move_group);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, step_note_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, next_step_button);
  gtk_widget_class_bind_template_callback (widget_class, wrap_button_label);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, preferred_name_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, date_of_birth_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, contact_relationship_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, wheelchair_switch);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, transport_switch);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, access_needs_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, communication_banner);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, communication_editor);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, contact_communication_editor);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, communication_notes_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, funding_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, worker_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, target_date_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, case_notes_view);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, report_note_view);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, report_warning_label);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, provider_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, move_date_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, bookings_list);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, saved_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, saved_box);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, saved_icon);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, saved_label);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeDetailPage, report_note_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "attendee.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "attendee.next-step", NULL, next_step_action);
  gtk_widget_class_install_action (widget_class, "attendee.change-step", NULL, change_step_action);
  gtk_widget_class_install_action (widget_class, "attendee.record-move", NULL, record_move_action);
  gtk_widget_class_install_action (widget_class, "attendee.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "attendee.show-family", NULL, show_family_action);
  gtk_widget_class_install_action (widget_class, "attendee.log-contact", NULL, log_contact_action);
  gtk_widget_class_install_action (widget_class, "attendee.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "attendee.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "attendee.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "attendee.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "attendee.next-step", NULL);
  /* A field's own typing is undone first, by the field; with nothing of its
   * own to undo, or outside a field, Ctrl+Z takes back the last change saved. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "attendee.undo", NULL);
}

static void
rp_attendee_detail_page_init (RpAttendeeDetailPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendee.undo", FALSE);
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self->provider_row));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::my-worker", G_CALLBACK (on_my_worker_changed),
                           self, G_CONNECT_SWAPPED);
  self->store_signals = g_signal_group_new (RP_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed", G_CALLBACK (on_store_changed),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "notify::connection-lost",
                                 G_CALLBACK (on_connection_lost_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->case_notes_view), "changed",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->report_note_view), "changed",
                           G_CALLBACK (on_report_note_changed), self, G_CONNECT_SWAPPED);
}

/* Showing an attendee --------------------------------------------------- */

static void show_attendee_now (RpAttendeeDetailPage *self,
                               RpStore              *store,
                               RpProgramme          *programme,
                               RpAttendee           *attendee);

typedef struct
{
  RpAttendeeDetailPage *page;
  RpStore              *store;
  RpProgramme          *programme;
  RpAttendee           *attendee;
} NextAttendee;

static void
next_attendee_free (NextAttendee *next)
{
  g_object_unref (next->page);
  g_object_unref (next->store);
  g_object_unref (next->programme);
  g_object_unref (next->attendee);
  g_free (next);
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     NextAttendee     *next)
{
  if (g_str_equal (response, "discard"))
    show_attendee_now (next->page, next->store, next->programme, next->attendee);
}

/* A change that could not be saved is never dropped unasked: the person
 * may keep editing (it is saved once it can be), or let it go. */
static void
ask_before_discarding (RpAttendeeDetailPage *self,
                       RpStore              *store,
                       RpProgramme          *programme,
                       RpAttendee           *attendee)
{
  GtkWidget *dialog;
  NextAttendee *next = g_new0 (NextAttendee, 1);
  g_autofree char *body = NULL;

  next->page = g_object_ref (self);
  next->store = g_object_ref (store);
  next->programme = g_object_ref (programme);
  next->attendee = g_object_ref (attendee);

  body = g_strdup_printf (_("A change to %s’s details could not be saved. If you open another attendee now, "
                            "the change is lost; keep editing and it is saved as soon as it can be."),
                          rp_attendee_get_display_name (self->attendee));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Discard Unsaved Change?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard Change"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_discard_response), next,
                         (GClosureNotify) next_attendee_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * rp_attendee_detail_page_show:
 *
 * Shows @attendee as the store has it now, saving first whatever was being
 * typed about the attendee shown before; if that cannot be saved, asks
 * before letting it go.
 */
void
rp_attendee_detail_page_show (RpAttendeeDetailPage *self,
                       RpStore        *store,
                       RpProgramme    *programme,
                       RpAttendee     *attendee)
{
  g_return_if_fail (RP_IS_ATTENDEE_DETAIL_PAGE (self));
  g_return_if_fail (RP_IS_STORE (store));
  g_return_if_fail (RP_IS_PROGRAMME (programme));
  g_return_if_fail (RP_IS_ATTENDEE (attendee));

  rp_attendee_detail_page_save_now (self);

  if (self->not_saved && self->attendee != NULL)
    {
      /* The same attendee again is shown as typed, not read over it. */
      if (store != self->store || rp_attendee_get_id (self->attendee) != rp_attendee_get_id (attendee))
        ask_before_discarding (self, store, programme, attendee);
      return;
    }

  show_attendee_now (self, store, programme, attendee);
}

static void
show_attendee_now (RpAttendeeDetailPage *self,
                   RpStore              *store,
                   RpProgramme          *programme,
                   RpAttendee           *attendee)
{
  g_autoptr(RpAttendee) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (!(fresh = rp_store_get_attendee (store, rp_attendee_get_id (attendee), &error)))
    {
      show_message (self, error->message);
      return;
    }

  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);
  g_set_object (&self->programme, programme);
  g_set_object (&self->attendee, fresh);
  g_clear_pointer (&self->names, rp_name_index_free);
  self->names = rp_store_build_name_index (store, rp_programme_get_id (programme), NULL);

  load_attendee (self);
  update_undo_action (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->stepper), GTK_TYPE_SCROLLED_WINDOW))), 0);
}

/**
 * rp_attendee_detail_page_has_unsaved:
 *
 * Returns: %TRUE while a change on screen could not be saved (it is marked
 *   "Not saved" and tried again once the connection is back)
 */
gboolean
rp_attendee_detail_page_has_unsaved (RpAttendeeDetailPage *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_DETAIL_PAGE (self), FALSE);

  return self->not_saved && self->attendee != NULL;
}

/**
 * rp_attendee_detail_page_discard_unsaved:
 *
 * Lets go of a change that could not be saved, as the person chose to
 * (rp_attendee_detail_page_show () and the window ask first): it is no
 * longer marked "Not saved" nor saved once the connection is back.
 */
void
rp_attendee_detail_page_discard_unsaved (RpAttendeeDetailPage *self)
{
  g_return_if_fail (RP_IS_ATTENDEE_DETAIL_PAGE (self));

  if (!self->not_saved)
    return;

  self->not_saved = FALSE;
  gtk_revealer_set_reveal_child (self->saved_revealer, FALSE);
}

/**
 * rp_attendee_detail_page_get_attendee:
 *
 * Returns: (transfer none) (nullable): the attendee shown, as last saved
 */
RpAttendee *
rp_attendee_detail_page_get_attendee (RpAttendeeDetailPage *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_DETAIL_PAGE (self), NULL);

  return self->attendee;
}

/* Scrolls the page to the report note once it is laid out: a page just
 * shown has no place for it yet. */
static gboolean
scroll_to_note (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RpAttendeeDetailPage *self = RP_ATTENDEE_DETAIL_PAGE (widget);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->stepper), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->report_note_view);
  graphene_rect_t group;
  GdkRectangle word;
  GtkTextIter start, end;
  double view_x, view_y, top, bottom, value;

  /* Measured in the scrolled content, wherever it is scrolled to now. */
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));

  if (gtk_widget_get_height (scroller) == 0 ||
      !gtk_widget_compute_bounds (self->report_note_group, content, &group) ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (self->report_note_view), content, 0, 0, &view_x, &view_y))
    {
      if (++self->note_ticks < 30)
        return G_SOURCE_CONTINUE;
      self->note_tick = 0;
      return G_SOURCE_REMOVE;
    }

  /* The note's heading at the top, unless the word would then be out of sight. */
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gtk_text_view_get_iter_location (self->report_note_view, &start, &word);
  top = graphene_rect_get_y (&group) - 12;
  bottom = view_y + word.y + word.height + 12;
  value = top;
  if (bottom > value + gtk_adjustment_get_page_size (adjustment))
    value = bottom - gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment, value);

  self->note_tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * rp_attendee_detail_page_edit_report_note:
 *
 * Takes the person to the report note to put it right before a report is
 * published: scrolled into sight, with the keyboard in it and the first
 * word that names someone selected, so that typing replaces it. Invisible
 * characters and letters of several bytes before the word are allowed for.
 */
void
rp_attendee_detail_page_edit_report_note (RpAttendeeDetailPage *self)
{
  GtkTextBuffer *buffer;
  g_autofree char *note = NULL;
  g_autofree char *published = NULL;
  g_autofree char *place = NULL;
  GtkTextIter start, end;
  RpNameMatch match;
  int from, to;

  g_return_if_fail (RP_IS_ATTENDEE_DETAIL_PAGE (self));

  if (self->attendee == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->report_note_view);
  note = buffer_text (self->report_note_view);
  published = rp_text_strip_invisible (note);
  place = rp_name_place ("attendee", rp_attendee_get_id (self->attendee), "report_note");

  /* The word is looked for as the name check finds it, in the note as it
   * will be published, and selected where it is in the note as typed. */
  if (self->names != NULL && rp_name_index_match (self->names, place, published, &match) &&
      rp_text_map_stripped_range (note, match.start, match.end, &from, &to))
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
    }
  else
    {
      gtk_text_buffer_get_end_iter (buffer, &start);
      end = start;
    }

  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->report_note_view));

  if (self->note_tick == 0)
    {
      self->note_ticks = 0;
      self->note_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_note, NULL, NULL);
    }
}
