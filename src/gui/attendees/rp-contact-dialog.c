/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-contact-dialog.c: logs or edits one contact in an attendee's contact log */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-choices.h"
#include "rp-contact-dialog.h"
#include "rp-date-row.h"
#include "rp-field-message.h"

struct _RpContactDialog
{
  RpFormDialog  parent_instance;

  /* Owned References */
  RpStore      *store;
  RpContact    *contact;   /* as stored when the dialogue opened, or new (id 0) */

  /* Template Widgets */
  RpDateRow    *date_row;
  AdwComboRow  *worker_row;
  AdwComboRow  *with_row;
  AdwEntryRow  *name_row;
  AdwComboRow  *method_row;
  GtkTextView  *summary_view;
  GtkCheckButton *follow_up_check;
};

G_DEFINE_FINAL_TYPE (RpContactDialog, rp_contact_dialog, RP_TYPE_FORM_DIALOG)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
save (RpFormDialog  *dialog,
      GError       **error)
{
  RpContactDialog *self = RP_CONTACT_DIALOG (dialog);
  g_autoptr(RpContact) contact = rp_contact_copy (self->contact);
  g_autoptr(GError) field_error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *today = rp_store_dup_today (self->store);
  g_autofree char *summary = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  GtkTextIter start, end;
  gint64 worker_id;

  /* A date missing, wrong or to come is said under the date. */
  date = rp_date_row_dup_iso (self->date_row, &field_error);
  if (field_error == NULL)
    rp_contact_check_date (date, today, &field_error);
  if (field_error != NULL)
    {
      rp_entry_row_mark_error (ADW_ENTRY_ROW (self->date_row), field_error->message);
      return FALSE;
    }

  if (adw_combo_row_get_selected (self->method_row) == RP_CONTACT_METHOD_NONE)
    {
      rp_row_mark_error (ADW_PREFERENCES_ROW (self->method_row),
                         _("Say how the contact was made: letter, phone, visit, meeting or email."));
      return FALSE;
    }
  rp_row_clear_error (ADW_PREFERENCES_ROW (self->method_row));

  worker_id = rp_combo_row_get_selected_id (self->worker_row);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  summary = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (summary);

  rp_contact_set_contacted_on (contact, date);
  rp_contact_set_worker_id (contact, worker_id);
  rp_contact_set_with_whom (contact, adw_combo_row_get_selected (self->with_row));
  rp_contact_set_with_name (contact, name[0] != '\0' ? name : NULL);
  rp_contact_set_method (contact, adw_combo_row_get_selected (self->method_row));
  rp_contact_set_summary (contact, summary[0] != '\0' ? summary : NULL);
  rp_contact_set_follow_up_needed (contact, gtk_check_button_get_active (self->follow_up_check));

  if (rp_contact_get_id (contact) == 0
      ? !rp_store_add_contact (self->store, contact, error)
      : !rp_store_save_contact (self->store, contact, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, contact);
  return TRUE;
}

/* Delete takes the entry out of the log and closes the dialogue; the page
 * offers to undo it. A refusal keeps the dialogue open. */
static void
rp_contact_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  RpContactDialog *self = RP_CONTACT_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0)
    {
      if (!rp_store_delete_contact (self->store, rp_contact_get_id (self->contact), &error))
        {
          gtk_window_present (GTK_WINDOW (self));
          rp_form_dialog_show_problem (RP_FORM_DIALOG (self), error);
          return;
        }

      g_signal_emit (self, signals[DELETED], 0, self->contact);
    }

  ADW_MESSAGE_DIALOG_CLASS (rp_contact_dialog_parent_class)->response (dialog, response);
}

static void
rp_contact_dialog_dispose (GObject *object)
{
  RpContactDialog *self = RP_CONTACT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->contact);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_CONTACT_DIALOG);

  G_OBJECT_CLASS (rp_contact_dialog_parent_class)->dispose (object);
}


static RpStore *
get_store (RpFormDialog *dialog)
{
  return RP_CONTACT_DIALOG (dialog)->store;
}

static void
rp_contact_dialog_class_init (RpContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpFormDialogClass *dialog_class = RP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = rp_contact_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = rp_contact_dialog_response;
  dialog_class->save = save;
  dialog_class->get_store = get_store;
  dialog_class->problem_heading = N_("The Contact Was Not Saved");

  /**
   * RpContactDialog::saved:
   * @contact: the entry as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_CONTACT);

  /**
   * RpContactDialog::deleted:
   * @contact: the entry as it was, to put back with rp_store_restore_contact()
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_CONTACT);

  g_type_ensure (RP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpContactDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RpContactDialog, worker_row);
  gtk_widget_class_bind_template_child (widget_class, RpContactDialog, with_row);
  gtk_widget_class_bind_template_child (widget_class, RpContactDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpContactDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, RpContactDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, RpContactDialog, follow_up_check);
}

static void
rp_contact_dialog_init (RpContactDialog *self)
{
  g_autoptr(GtkStringList) whom = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self->date_row));
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self->method_row));

  /* The combo rows list the values in their enums' order, so a position is a value. */
  for (int i = RP_CONTACT_WITH_FAMILY; i <= RP_CONTACT_WITH_OTHER; i++)
    gtk_string_list_append (whom, rp_contact_with_get_label (i));
  adw_combo_row_set_model (self->with_row, G_LIST_MODEL (whom));

  gtk_string_list_append (methods, _("Choose…"));
  for (int i = RP_CONTACT_METHOD_LETTER; i <= RP_CONTACT_METHOD_EMAIL; i++)
    gtk_string_list_append (methods, rp_contact_method_get_label (i));
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (methods));
}

/**
 * rp_contact_dialog_new:
 * @contact: an entry to edit, or a new one (id 0) with its attendee and,
 *   if wished, a date and a name already filled in
 */
RpContactDialog *
rp_contact_dialog_new (GtkWindow *parent,
                       RpStore   *store,
                       RpContact *contact)
{
  RpContactDialog *self;
  g_autoptr(RpChoices) workers = NULL;
  const char *name;
  const char *summary;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_CONTACT (contact), NULL);

  self = g_object_new (RP_TYPE_CONTACT_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->contact = g_object_ref (contact);

  /* A new entry has nothing to delete. */
  if (rp_contact_get_id (contact) == 0)
    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Log Contact"));
  else
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "delete", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "save", _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);

  /* Whoever made the contact; a new entry starts with the allocated worker. */
  workers = rp_choices_new (store, RP_TYPE_WORKER, _("Not recorded"), rp_contact_get_worker_id (contact));
  adw_combo_row_set_model (self->worker_row, G_LIST_MODEL (workers));
  rp_combo_row_set_selected_id (self->worker_row, rp_contact_get_worker_id (contact));

  name = rp_contact_get_with_name (contact);
  summary = rp_contact_get_summary (contact);
  rp_date_row_set_iso (self->date_row, rp_contact_get_contacted_on (contact));
  adw_combo_row_set_selected (self->with_row, rp_contact_get_with_whom (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  adw_combo_row_set_selected (self->method_row, rp_contact_get_method (contact));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), summary != NULL ? summary : "", -1);
  gtk_check_button_set_active (self->follow_up_check, rp_contact_get_follow_up_needed (contact));
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));

  return self;
}
