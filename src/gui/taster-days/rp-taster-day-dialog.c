/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-taster-day-dialog.c: adds or edits a taster day */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-choices.h"
#include "rp-date-row.h"
#include "rp-taster-day-dialog.h"

struct _RpTasterDayDialog
{
  RpFormDialog      parent_instance;

  RpStore          *store;
  RpProgramme      *programme;
  RpTasterDay      *day;          /* the day edited, or NULL for a new one */

  AdwComboRow      *provider_row;
  RpDateRow        *date_row;
  AdwEntryRow      *start_row;
  AdwEntryRow      *end_row;
  AdwEntryRow      *venue_row;
  AdwEntryRow      *places_row;
};

G_DEFINE_FINAL_TYPE (RpTasterDayDialog, rp_taster_day_dialog, RP_TYPE_FORM_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* A blank time is no time; anything else must be HH:MM, checked by the core. */
static const char *
time_or_null (AdwEntryRow *row)
{
  const char *text = text_of (row);

  return text[0] != '\0' ? text : NULL;
}

static gboolean
save (RpFormDialog  *dialog,
      GError       **error)
{
  RpTasterDayDialog *self = RP_TASTER_DAY_DIALOG (dialog);
  g_autoptr(RpTasterDay) day = self->day != NULL ? rp_taster_day_copy (self->day) : rp_taster_day_new ();
  g_autofree char *date = NULL;
  const char *places = text_of (self->places_row);
  g_autoptr(GError) date_error = NULL;

  /* The row says what is wrong under itself: no second message over the form. */
  date = rp_date_row_dup_iso (self->date_row, &date_error);
  if (date_error != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  if (self->day == NULL)
    rp_taster_day_set_programme_id (day, rp_programme_get_id (self->programme));
  rp_taster_day_set_provider_id (day, rp_combo_row_get_selected_id (self->provider_row));
  rp_taster_day_set_date (day, date);
  rp_taster_day_set_start_time (day, time_or_null (self->start_row));
  rp_taster_day_set_end_time (day, time_or_null (self->end_row));
  rp_taster_day_set_venue (day, text_of (self->venue_row));
  rp_taster_day_set_places (day, places[0] != '\0' ? (int) g_ascii_strtoll (places, NULL, 10) : 0);

  if (rp_taster_day_get_id (day) > 0 ? !rp_store_save_taster_day (self->store, day, error)
                                     : !rp_store_add_taster_day (self->store, day, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, day);
  return TRUE;
}

static void
rp_taster_day_dialog_dispose (GObject *object)
{
  RpTasterDayDialog *self = RP_TASTER_DAY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  g_clear_object (&self->day);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_TASTER_DAY_DIALOG);

  G_OBJECT_CLASS (rp_taster_day_dialog_parent_class)->dispose (object);
}


static RpStore *
get_store (RpFormDialog *dialog)
{
  return RP_TASTER_DAY_DIALOG (dialog)->store;
}

static void
rp_taster_day_dialog_class_init (RpTasterDayDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpFormDialogClass *dialog_class = RP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = rp_taster_day_dialog_dispose;
  dialog_class->save = save;
  dialog_class->get_store = get_store;
  dialog_class->problem_heading = N_("The Taster Day Was Not Saved");

  /**
   * RpTasterDayDialog::saved:
   * @day: the taster day as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_TASTER_DAY);

  g_type_ensure (RP_TYPE_DATE_ROW);
  g_type_ensure (RP_TYPE_PROVIDER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-taster-day-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTasterDayDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDayDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDayDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDayDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDayDialog, venue_row);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDayDialog, places_row);
}

static void
rp_taster_day_dialog_init (RpTasterDayDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RpTasterDayDialog *
rp_taster_day_dialog_new (GtkWindow   *parent,
                          RpStore     *store,
                          RpProgramme *programme,
                          RpTasterDay *day)
{
  RpTasterDayDialog *self;
  g_autoptr(RpChoices) providers = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (day == NULL || RP_IS_TASTER_DAY (day), NULL);

  self = g_object_new (RP_TYPE_TASTER_DAY_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);
  g_set_object (&self->day, day);

  providers = rp_choices_new (store, RP_TYPE_PROVIDER, NULL, 0);
  adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (providers));
  if (day == NULL)
    return self;

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Taster Day"));
  rp_combo_row_set_selected_id (self->provider_row, rp_taster_day_get_provider_id (day));
  rp_date_row_set_iso (self->date_row, rp_taster_day_get_date (day));
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), rp_taster_day_get_start_time (day) != NULL ? rp_taster_day_get_start_time (day) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), rp_taster_day_get_end_time (day) != NULL ? rp_taster_day_get_end_time (day) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->venue_row), rp_taster_day_get_venue (day) != NULL ? rp_taster_day_get_venue (day) : "");
  if (rp_taster_day_get_places (day) > 0)
    {
      g_autofree char *places = g_strdup_printf ("%d", rp_taster_day_get_places (day));
      gtk_editable_set_text (GTK_EDITABLE (self->places_row), places);
    }

  return self;
}
