/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking-dialog.c: books attendees on a taster day, or edits one booking
 *
 * New bookings are for the attendees ticked in the picker, all with the
 * details in the form: apply_details() writes the form into each booking,
 * so giving each attendee details of their own needs only a form per
 * booking in its place. */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-attendee-picker.h"
#include "rp-booking-dialog.h"
#include "rp-choices.h"

struct _RpBookingDialog
{
  RpFormDialog      parent_instance;

  /* Owned References */
  RpStore          *store;
  RpTasterDay      *day;
  RpBooking        *booking;      /* the booking edited, or NULL for new ones */
  GPtrArray        *pending;      /* bookings waiting on "Save Anyway?", or NULL */

  /* Template Widgets */
  AdwBin           *picker_bin;
  AdwComboRow      *status_row;
  GtkSwitch        *needed_switch;
  GtkSwitch        *arranged_switch;
  AdwEntryRow      *pickup_row;
  AdwComboRow      *staff_row;
  AdwEntryRow      *family_row;
  AdwEntryRow      *feedback_row;
};

G_DEFINE_FINAL_TYPE (RpBookingDialog, rp_booking_dialog, RP_TYPE_FORM_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
status_label (gpointer        item,
              RpBookingStatus status)
{
  return g_strdup (rp_booking_status_get_label (status));
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Writes what the form says into @booking. */
static void
apply_details (RpBookingDialog *self,
               RpBooking       *booking)
{
  AdwEnumListItem *status = adw_combo_row_get_selected_item (self->status_row);
  const char *pickup = text_of (self->pickup_row);

  rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (self->day));
  rp_booking_set_status (booking, adw_enum_list_item_get_value (status));
  rp_booking_set_transport_needed (booking, gtk_switch_get_active (self->needed_switch));
  rp_booking_set_transport_arranged (booking, gtk_switch_get_active (self->arranged_switch));
  /* A blank time is no time; anything else must be HH:MM, checked by the core. */
  rp_booking_set_pickup_time (booking, pickup[0] != '\0' ? pickup : NULL);
  rp_booking_set_staff_id (booking, rp_combo_row_get_selected_id (self->staff_row));
  rp_booking_set_family_attending (booking, text_of (self->family_row));
  rp_booking_set_feedback (booking, text_of (self->feedback_row));
}

/* Shows @booking's details in the form. */
static void
show_details (RpBookingDialog *self,
              RpBooking       *booking)
{
  AdwEnumListModel *statuses = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (self->status_row));

  adw_combo_row_set_selected (self->status_row, adw_enum_list_model_find_position (statuses, rp_booking_get_status (booking)));
  gtk_switch_set_active (self->needed_switch, rp_booking_get_transport_needed (booking));
  gtk_switch_set_active (self->arranged_switch, rp_booking_get_transport_arranged (booking));
  set_text (self->pickup_row, rp_booking_get_pickup_time (booking));
  rp_combo_row_set_selected_id (self->staff_row, rp_booking_get_staff_id (booking));
  set_text (self->family_row, rp_booking_get_family_attending (booking));
  set_text (self->feedback_row, rp_booking_get_feedback (booking));
}

/* The bookings the form stands for: the one edited, or one for each attendee ticked. */
static GPtrArray *
collect_bookings (RpBookingDialog  *self,
                  GError          **error)
{
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ticked = NULL;

  if (self->booking != NULL)
    {
      RpBooking *booking = rp_booking_copy (self->booking);

      apply_details (self, booking);
      g_ptr_array_add (bookings, booking);
      return g_steal_pointer (&bookings);
    }

  ticked = rp_attendee_picker_get_ticked (RP_ATTENDEE_PICKER (adw_bin_get_child (self->picker_bin)));
  if (ticked->len == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Tick at least one attendee to book."));
      return NULL;
    }

  for (guint i = 0; i < ticked->len; i++)
    {
      RpBooking *booking = rp_booking_new ();

      rp_booking_set_attendee_id (booking, g_array_index (ticked, gint64, i));
      apply_details (self, booking);
      g_ptr_array_add (bookings, booking);
    }

  return g_steal_pointer (&bookings);
}

static gboolean
write_bookings (RpBookingDialog  *self,
                GPtrArray        *bookings,
                GError          **error)
{
  if (self->booking != NULL ? !rp_store_save_booking (self->store, g_ptr_array_index (bookings, 0), error)
                            : !rp_store_add_bookings (self->store, bookings, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, bookings);
  return TRUE;
}

static void
on_warnings_response (RpBookingDialog  *self,
                      const char       *response,
                      AdwMessageDialog *question)
{
  g_autoptr(GPtrArray) bookings = g_steal_pointer (&self->pending);
  g_autoptr(GError) error = NULL;

  /* Going back leaves the form as it was typed. */
  if (!g_str_equal (response, "save") || bookings == NULL)
    return;

  if (write_bookings (self, bookings, &error))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    rp_form_dialog_show_problem (RP_FORM_DIALOG (self), error);
}

/* The checks' warnings for @bookings, each naming its attendee by number. */
static GPtrArray *
check_bookings (RpBookingDialog *self,
                GPtrArray       *bookings)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < bookings->len; i++)
    {
      RpBooking *booking = g_ptr_array_index (bookings, i);
      g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(RpAttendee) attendee = NULL;

      if (rp_store_check_booking (self->store, booking, messages, NULL) == RP_BOOKING_WARNING_NONE)
        continue;

      attendee = rp_store_get_attendee (self->store, rp_booking_get_attendee_id (booking), NULL);
      for (guint m = 0; m < messages->len; m++)
        g_ptr_array_add (warnings, g_strdup_printf (_("Attendee %d: %s"),
                                                    attendee != NULL ? rp_attendee_get_number (attendee) : 0,
                                                    (char *) g_ptr_array_index (messages, m)));
    }

  return warnings;
}

static void
ask_save_anyway (RpBookingDialog *self,
                 GPtrArray       *bookings,
                 GPtrArray       *warnings)
{
  g_autofree char *body = NULL;
  GtkWidget *question;

  g_ptr_array_add (warnings, NULL);
  body = g_strjoinv ("\n", (char **) warnings->pdata);
  question = adw_message_dialog_new (GTK_WINDOW (self), _("Save Anyway?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question), "back", _("_Go Back"), "save", _("_Save Anyway"), NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "back");
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending = g_ptr_array_ref (bookings);
  g_signal_connect_object (question, "response", G_CALLBACK (on_warnings_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (question));
}

/* Checks first and warns: the coordinator may still go ahead. */
static gboolean
save (RpFormDialog  *dialog,
      GError       **error)
{
  RpBookingDialog *self = RP_BOOKING_DIALOG (dialog);
  g_autoptr(GPtrArray) bookings = collect_bookings (self, error);
  g_autoptr(GPtrArray) warnings = NULL;

  if (bookings == NULL)
    return FALSE;

  for (guint i = 0; i < bookings->len; i++)
    if (!rp_booking_validate (g_ptr_array_index (bookings, i), error))
      return FALSE;

  warnings = check_bookings (self, bookings);
  if (warnings->len > 0)
    {
      ask_save_anyway (self, bookings, warnings);
      return FALSE;
    }

  return write_bookings (self, bookings, error);
}

static void
rp_booking_dialog_dispose (GObject *object)
{
  RpBookingDialog *self = RP_BOOKING_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->day);
  g_clear_object (&self->booking);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_BOOKING_DIALOG);

  G_OBJECT_CLASS (rp_booking_dialog_parent_class)->dispose (object);
}

static void
rp_booking_dialog_class_init (RpBookingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpFormDialogClass *dialog_class = RP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = rp_booking_dialog_dispose;
  dialog_class->save = save;
  dialog_class->problem_heading = N_("The Booking Was Not Saved");

  /**
   * RpBookingDialog::saved:
   * @bookings: (element-type RpBooking): the bookings as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  g_type_ensure (RP_TYPE_BOOKING_STATUS);
  g_type_ensure (RP_TYPE_WORKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-booking-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, picker_bin);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, needed_switch);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, arranged_switch);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, pickup_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, family_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, feedback_row);
  gtk_widget_class_bind_template_callback (widget_class, status_label);
}

static void
rp_booking_dialog_init (RpBookingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rp_booking_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @booking: (nullable): the booking to edit, or %NULL to book attendees
 */
RpBookingDialog *
rp_booking_dialog_new (GtkWindow   *parent,
                       RpStore     *store,
                       RpProgramme *programme,
                       RpTasterDay *day,
                       RpBooking   *booking)
{
  RpBookingDialog *self;
  g_autoptr(RpChoices) staff = NULL;
  g_autoptr(RpBooking) blank = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (RP_IS_TASTER_DAY (day), NULL);
  g_return_val_if_fail (booking == NULL || RP_IS_BOOKING (booking), NULL);

  self = g_object_new (RP_TYPE_BOOKING_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->day = g_object_ref (day);
  g_set_object (&self->booking, booking);

  /* Someone no longer working stays offered where they are already going. */
  staff = rp_choices_new (store, RP_TYPE_WORKER, _("Nobody yet"), booking != NULL ? rp_booking_get_staff_id (booking) : 0);
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (staff));

  if (booking != NULL)
    {
      g_autoptr(RpAttendee) attendee = rp_store_get_attendee (store, rp_booking_get_attendee_id (booking), NULL);

      heading = g_strdup_printf (_("Booking at %s"), rp_taster_day_get_provider_name (day));
      if (attendee != NULL)
        {
          g_autofree char *whose = g_strdup_printf ("%d · %s", rp_attendee_get_number (attendee), rp_attendee_get_full_name (attendee));
          adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), whose);
        }
      show_details (self, booking);
    }
  else
    {
      heading = g_strdup_printf (_("Book Attendees at %s"), rp_taster_day_get_provider_name (day));
      adw_bin_set_child (self->picker_bin, rp_attendee_picker_new (store, programme));
      gtk_widget_set_visible (GTK_WIDGET (self->picker_bin), TRUE);
      blank = rp_booking_new ();
      show_details (self, blank);
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  return self;
}
