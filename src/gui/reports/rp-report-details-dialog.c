/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report-details-dialog.c: edits the front matter every report of a programme carries */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-date-row.h"
#include "rp-report-details-dialog.h"

struct _RpReportDetailsDialog
{
  RpFormDialog  parent_instance;

  RpStore      *store;
  RpProgramme  *programme;   /* as stored when the dialogue opened */

  AdwEntryRow  *title_row;
  AdwEntryRow  *name_row;
  RpDateRow    *closure_row;
  AdwEntryRow  *department_row;
  AdwEntryRow  *author_row;
  AdwEntryRow  *meeting_row;
  RpDateRow    *meeting_date_row;
  RpDateRow    *as_of_row;
  AdwEntryRow  *marking_row;
  AdwEntryRow  *family_contact_row;
  AdwEntryRow  *family_contact_phone_row;
  GtkSpinButton *follow_up_weeks_spin;
  GtkSpinButton *contact_due_days_spin;
};

G_DEFINE_FINAL_TYPE (RpReportDetailsDialog, rp_report_details_dialog, RP_TYPE_FORM_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
save (RpFormDialog  *dialog,
      GError       **error)
{
  RpReportDetailsDialog *self = RP_REPORT_DETAILS_DIALOG (dialog);
  g_autoptr(RpProgramme) programme = rp_programme_copy (self->programme);
  g_autofree char *closure = NULL;
  g_autofree char *meeting_date = NULL;
  g_autofree char *as_of = NULL;
  g_autoptr(GError) closure_error = NULL;
  g_autoptr(GError) meeting_error = NULL;
  g_autoptr(GError) as_of_error = NULL;

  /* Each date row says under itself what is wrong with it, all at once. */
  closure = rp_date_row_dup_iso (self->closure_row, &closure_error);
  meeting_date = rp_date_row_dup_iso (self->meeting_date_row, &meeting_error);
  as_of = rp_date_row_dup_iso (self->as_of_row, &as_of_error);
  if (closure_error != NULL || meeting_error != NULL || as_of_error != NULL)
    return FALSE;

  rp_programme_set_report_title (programme, row_text (self->title_row));
  rp_programme_set_name (programme, row_text (self->name_row));
  rp_programme_set_closure_date (programme, closure);
  rp_programme_set_department (programme, row_text (self->department_row));
  rp_programme_set_author (programme, row_text (self->author_row));
  rp_programme_set_meeting (programme, row_text (self->meeting_row));
  rp_programme_set_meeting_date (programme, meeting_date);
  rp_programme_set_report_as_of (programme, as_of);
  rp_programme_set_marking (programme, row_text (self->marking_row));
  rp_programme_set_family_contact (programme, row_text (self->family_contact_row));
  rp_programme_set_family_contact_phone (programme, row_text (self->family_contact_phone_row));
  rp_programme_set_follow_up_weeks (programme, gtk_spin_button_get_value_as_int (self->follow_up_weeks_spin));
  rp_programme_set_contact_due_days (programme, gtk_spin_button_get_value_as_int (self->contact_due_days_spin));
  if (!rp_store_save_programme (self->store, programme, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, programme);
  return TRUE;
}

static void
rp_report_details_dialog_dispose (GObject *object)
{
  RpReportDetailsDialog *self = RP_REPORT_DETAILS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_REPORT_DETAILS_DIALOG);

  G_OBJECT_CLASS (rp_report_details_dialog_parent_class)->dispose (object);
}


static RpStore *
get_store (RpFormDialog *dialog)
{
  return RP_REPORT_DETAILS_DIALOG (dialog)->store;
}

static void
rp_report_details_dialog_class_init (RpReportDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpFormDialogClass *dialog_class = RP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = rp_report_details_dialog_dispose;
  dialog_class->save = save;
  dialog_class->get_store = get_store;
  dialog_class->problem_heading = N_("The Report Details Were Not Saved");

  /**
   * RpReportDetailsDialog::saved:
   * @programme: the programme as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_PROGRAMME);

  g_type_ensure (RP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/reports/rp-report-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, closure_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, meeting_date_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, marking_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, family_contact_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, family_contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, follow_up_weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, RpReportDetailsDialog, contact_due_days_spin);
}

static void
rp_report_details_dialog_init (RpReportDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

RpReportDetailsDialog *
rp_report_details_dialog_new (GtkWindow   *parent,
                              RpStore     *store,
                              RpProgramme *programme)
{
  RpReportDetailsDialog *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), NULL);

  self = g_object_new (RP_TYPE_REPORT_DETAILS_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);

  set_row_text (self->title_row, rp_programme_get_report_title (programme));
  set_row_text (self->name_row, rp_programme_get_name (programme));
  rp_date_row_set_iso (self->closure_row, rp_programme_get_closure_date (programme));
  set_row_text (self->department_row, rp_programme_get_department (programme));
  set_row_text (self->author_row, rp_programme_get_author (programme));
  set_row_text (self->meeting_row, rp_programme_get_meeting (programme));
  rp_date_row_set_iso (self->meeting_date_row, rp_programme_get_meeting_date (programme));
  rp_date_row_set_iso (self->as_of_row, rp_programme_get_report_as_of (programme));
  set_row_text (self->marking_row, rp_programme_get_marking (programme));
  set_row_text (self->family_contact_row, rp_programme_get_family_contact (programme));
  set_row_text (self->family_contact_phone_row, rp_programme_get_family_contact_phone (programme));
  gtk_spin_button_set_value (self->follow_up_weeks_spin, rp_programme_get_follow_up_weeks (programme));
  gtk_spin_button_set_value (self->contact_due_days_spin, rp_programme_get_contact_due_days (programme));

  return self;
}
