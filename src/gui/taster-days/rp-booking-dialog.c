/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking-dialog.c: books attendees on a taster day, or edits one booking
 *
 * Each attendee ticked gets an RpBookingDetails of their own, filled in from
 * their own record, so one person's pick-up time or family never lands on
 * another's booking. Unticked, their details are hidden, not lost: ticked
 * again, they come back as typed.
 *
 * Saving checks every booking first and asks before going ahead with any
 * warning, naming each person and the day that clashes. Someone already
 * booked on this day is never booked again: the others can still be booked,
 * and anyone found booked by someone else meanwhile is left out and named. */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-attendee-picker.h"
#include "rp-booking-details.h"
#include "rp-booking-dialog.h"

struct _RpBookingDialog
{
  RpFormDialog      parent_instance;

  /* Owned References */
  RpStore          *store;
  RpTasterDay      *day;
  RpBooking        *booking;      /* the booking edited, or NULL for new ones */
  GHashTable       *details;      /* attendee id → their RpBookingDetails in details_box (borrowed) */
  GPtrArray        *pending;      /* bookings waiting on the question, or NULL */
  GArray           *pending_warnings; /* the RpBookingWarning of each pending booking */

  /* Template Widgets */
  AdwBin           *picker_bin;
  GtkLabel         *details_hint;
  GtkBox           *details_box;
};

G_DEFINE_FINAL_TYPE (RpBookingDialog, rp_booking_dialog, RP_TYPE_FORM_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ANY_WARNING (RP_BOOKING_WARNING_OVERLAP | RP_BOOKING_WARNING_OVER_CAPACITY | RP_BOOKING_WARNING_AFTER_CLOSURE | \
                     RP_BOOKING_WARNING_TRANSPORT | RP_BOOKING_WARNING_STAFF_CLASH | RP_BOOKING_WARNING_ACCESS | \
                     RP_BOOKING_WARNING_SAME_DATE | RP_BOOKING_WARNING_ALREADY_BOOKED)

static RpAttendeePicker *
get_picker (RpBookingDialog *self)
{
  GtkWidget *child = adw_bin_get_child (self->picker_bin);

  return child != NULL ? RP_ATTENDEE_PICKER (child) : NULL;
}

/* Feedback is for a day that has been held, or a booking already made. */
static gboolean
wants_feedback (RpBookingDialog *self)
{
  g_autofree char *today = rp_store_dup_today (self->store);
  const char *date = rp_taster_day_get_date (self->day);

  return self->booking != NULL || (date != NULL && rp_date_compare (date, today) < 0);
}

static int
number_of (GtkWidget *details)
{
  RpAttendee *attendee = rp_booking_details_get_attendee (RP_BOOKING_DETAILS (details));

  return attendee != NULL ? rp_attendee_get_number (attendee) : 0;
}

/* In number order, as the picker lists them. */
static void
insert_details (RpBookingDialog *self,
                GtkWidget       *details)
{
  GtkWidget *after = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box));
       child != NULL && number_of (child) < number_of (details);
       child = gtk_widget_get_next_sibling (child))
    after = child;

  gtk_box_insert_child_after (self->details_box, details, after);
}

static void
update_hint (RpBookingDialog *self)
{
  RpAttendeePicker *picker = get_picker (self);
  g_autoptr(GArray) ticked = picker != NULL ? rp_attendee_picker_get_ticked (picker) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->details_hint), ticked != NULL && ticked->len > 0);
}

static void
on_toggled (RpBookingDialog  *self,
            gint64            attendee_id,
            gboolean          ticked,
            RpAttendeePicker *picker)
{
  GtkWidget *details = g_hash_table_lookup (self->details, &attendee_id);

  if (details == NULL && ticked)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RpAttendee) attendee = rp_store_get_attendee (self->store, attendee_id, &error);
      g_autoptr(RpBooking) booking = NULL;

      /* Erased since the list was read: nobody to book. */
      if (attendee == NULL)
        {
          rp_attendee_picker_untick (picker, attendee_id);
          if (error != NULL)
            rp_form_dialog_show_problem (RP_FORM_DIALOG (self), error);
          return;
        }

      booking = rp_booking_new_for_attendee (attendee, rp_taster_day_get_id (self->day));
      details = rp_booking_details_new (self->store, attendee, booking);
      rp_booking_details_set_show_feedback (RP_BOOKING_DETAILS (details), wants_feedback (self));
      g_hash_table_insert (self->details, g_memdup2 (&attendee_id, sizeof attendee_id), details);
      insert_details (self, details);
    }
  else if (details != NULL)
    gtk_widget_set_visible (details, ticked);

  update_hint (self);
}

/* The bookings the form stands for: the one edited, or one for each person
 * ticked, each from their own details, in the order shown. */
static GPtrArray *
collect_bookings (RpBookingDialog  *self,
                  GError          **error)
{
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
  RpAttendeePicker *picker = get_picker (self);
  g_autoptr(GHashTable) ticked = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = NULL;

  if (picker != NULL)
    {
      ids = rp_attendee_picker_get_ticked (picker);
      if (ids->len == 0)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Tick at least one attendee to book."));
          return NULL;
        }
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (ticked, &g_array_index (ids, gint64, i));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RpBookingDetails *details = RP_BOOKING_DETAILS (child);
      gint64 id = rp_booking_get_attendee_id (rp_booking_details_get_booking (details));
      RpBooking *booking;

      if (picker != NULL && !g_hash_table_contains (ticked, &id))
        continue;

      if (!(booking = rp_booking_details_dup_booking (details, error)))
        return NULL;
      g_ptr_array_add (bookings, booking);
    }

  return g_steal_pointer (&bookings);
}

/* Who a booking is for, as their details are headed. */
static const char *
who_is (RpBookingDialog *self,
        RpBooking       *booking)
{
  gint64 id = rp_booking_get_attendee_id (booking);
  RpBookingDetails *details = g_hash_table_lookup (self->details, &id);

  return details != NULL ? rp_booking_details_get_who (details) : "";
}

/* Says who was found already booked while saving and left out. */
static void
report_left_out (RpBookingDialog *self,
                 GPtrArray       *left_out,
                 guint            n_saved)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *notice;

  for (guint i = 0; i < left_out->len; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append_printf (body, _("%s was not booked: someone else booked them on this day while you were filling in. Change that booking instead."),
                              who_is (self, g_ptr_array_index (left_out, i)));
    }

  notice = adw_message_dialog_new (parent,
                                   n_saved > 0 ? _("The Others Were Booked") : _("Nobody Was Booked"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (notice), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (notice));
}

/* Writes @bookings. New ones go in together, except anyone booked on the
 * day meanwhile (by another window or program), who is left out and named. */
static gboolean
write_bookings (RpBookingDialog  *self,
                GPtrArray        *bookings,
                GError          **error)
{
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->booking != NULL)
    {
      if (!rp_store_save_booking (self->store, g_ptr_array_index (bookings, 0), error))
        return FALSE;
      g_signal_emit (self, signals[SAVED], 0, bookings);
      return TRUE;
    }

  if (!rp_store_add_bookings_except_booked (self->store, bookings, left_out, error))
    return FALSE;

  for (guint i = 0; i < bookings->len; i++)
    if (rp_booking_get_id (g_ptr_array_index (bookings, i)) > 0)
      g_ptr_array_add (saved, g_object_ref (g_ptr_array_index (bookings, i)));

  if (saved->len > 0)
    g_signal_emit (self, signals[SAVED], 0, saved);
  if (left_out->len > 0)
    report_left_out (self, left_out, saved->len);
  return TRUE;
}

/* The bookings pending, leaving out those with any of @leave_out. */
static GPtrArray *
pending_without (RpBookingDialog  *self,
                 RpBookingWarning  leave_out)
{
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->pending->len; i++)
    if (!(g_array_index (self->pending_warnings, RpBookingWarning, i) & leave_out))
      g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (self->pending, i)));

  return chosen;
}

static void
on_warnings_response (RpBookingDialog  *self,
                      const char       *response,
                      AdwMessageDialog *question)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GError) error = NULL;

  /* Going back leaves the form as it was typed. */
  if (self->pending == NULL || !(g_str_equal (response, "save") || g_str_equal (response, "others")))
    {
      g_clear_pointer (&self->pending, g_ptr_array_unref);
      g_clear_pointer (&self->pending_warnings, g_array_unref);
      return;
    }

  /* Nobody is booked twice on one day, whatever the answer. */
  chosen = pending_without (self, g_str_equal (response, "save") ? RP_BOOKING_WARNING_ALREADY_BOOKED : ANY_WARNING);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_warnings, g_array_unref);

  if (!write_bookings (self, chosen, &error))
    {
      rp_form_dialog_show_problem (RP_FORM_DIALOG (self), error);
      return;
    }

  /* The question closes once its answer is handled, and must not be left
   * pointing at this dialogue, gone by then. */
  gtk_window_set_transient_for (GTK_WINDOW (question), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The warnings, one label each, in a scroller: three people with three
 * warnings each must still fit a phone. */
static GtkWidget *
warnings_list (GPtrArray *messages)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (guint i = 0; i < messages->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (messages, i));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* Asked its height for no particular width, a wrapping label answers for
   * one long line: room for about four lines a warning, up to a height that
   * still fits a phone, shows them all or most of them. */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), MIN (84 * (int) messages->len, 320));
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  return scroller;
}

/* Asks before saving any booking with a warning. "Save Anyway" books
 * everyone but those already booked here; "Book Only the Others" books
 * those with nothing to check; "Go Back" returns to the form as typed. */
static void
ask_first (RpBookingDialog *self,
           GPtrArray       *bookings,
           GArray          *warnings,
           GPtrArray       *messages)
{
  guint n_refused = 0, n_warned = 0, n_clean = 0;
  const char *heading;
  g_autofree char *body = NULL;
  GtkWidget *question;

  for (guint i = 0; i < warnings->len; i++)
    {
      RpBookingWarning found = g_array_index (warnings, RpBookingWarning, i);

      if (found & RP_BOOKING_WARNING_ALREADY_BOOKED)
        n_refused++;
      else if (found != RP_BOOKING_WARNING_NONE)
        n_warned++;
      else
        n_clean++;
    }

  if (n_warned > 0)
    heading = _("Save Anyway?");
  else if (n_clean > 0)
    heading = _("Book Only the Others?");
  else
    heading = _("Nobody to Book");

  if (bookings->len == 1)
    body = g_strdup (_("Check this first:"));
  else
    /* Translators: how many of the people ticked have something to check */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of the %u people ticked has something to check first:",
                                         "%u of the %u people ticked have something to check first:",
                                         n_refused + n_warned),
                            n_refused + n_warned, bookings->len);

  question = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (question), warnings_list (messages));
  /* The safe way on is the last, where the eye and Enter land. */
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (question), "back", _("_Go Back"));
  if (n_warned > 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (question), "save", _("_Save Anyway"));
  if (n_clean > 0 && n_refused + n_warned > 0 && self->booking == NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (question), "others", _("Book Only the _Others"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "others", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "others");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "back");

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_warnings, g_array_unref);
  self->pending = g_ptr_array_ref (bookings);
  self->pending_warnings = g_array_ref (warnings);
  g_signal_connect_object (question, "response", G_CALLBACK (on_warnings_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (question));
}

/* Checks first and asks about any warning: the coordinator may still go ahead. */
static gboolean
save (RpFormDialog  *dialog,
      GError       **error)
{
  RpBookingDialog *self = RP_BOOKING_DIALOG (dialog);
  g_autoptr(GPtrArray) bookings = collect_bookings (self, error);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) warnings = NULL;

  if (bookings == NULL)
    return FALSE;

  /* An edited booking is checked alone; new ones together, for the places. */
  if (!(warnings = rp_store_check_bookings (self->store, bookings, messages, error)))
    return FALSE;

  if (messages->len > 0)
    {
      ask_first (self, bookings, warnings, messages);
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
  g_clear_pointer (&self->pending_warnings, g_array_unref);
  g_clear_pointer (&self->details, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_BOOKING_DIALOG);

  G_OBJECT_CLASS (rp_booking_dialog_parent_class)->dispose (object);
}


static RpStore *
get_store (RpFormDialog *dialog)
{
  return RP_BOOKING_DIALOG (dialog)->store;
}

static void
rp_booking_dialog_class_init (RpBookingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpFormDialogClass *dialog_class = RP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = rp_booking_dialog_dispose;
  dialog_class->save = save;
  dialog_class->get_store = get_store;
  dialog_class->problem_heading = N_("The Booking Was Not Saved");

  /**
   * RpBookingDialog::saved:
   * @bookings: (element-type RpBooking): the bookings as now stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  g_type_ensure (RP_TYPE_BOOKING_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-booking-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, picker_bin);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, details_hint);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDialog, details_box);
}

static void
rp_booking_dialog_init (RpBookingDialog *self)
{
  self->details = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "Thursday 19 October 2023, 10:30 to 13:30", or "Date to be confirmed". */
static char *
describe_when (RpTasterDay *day)
{
  g_autofree char *date = rp_date_format_long (rp_taster_day_get_date (day));
  const char *start = rp_taster_day_get_start_time (day);
  const char *end = rp_taster_day_get_end_time (day);

  if (date == NULL)
    return g_strdup (_("Date to be confirmed"));
  if (start == NULL || end == NULL)
    return g_steal_pointer (&date);

  /* Translators: a taster day's date, start and end, "Thursday 19 October 2023, 10:30 to 13:30" */
  return g_strdup_printf (_("%s, %s to %s"), date, start, end);
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
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (RP_IS_TASTER_DAY (day), NULL);
  g_return_val_if_fail (booking == NULL || RP_IS_BOOKING (booking), NULL);

  self = g_object_new (RP_TYPE_BOOKING_DIALOG, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->day = g_object_ref (day);
  g_set_object (&self->booking, booking);

  when = describe_when (day);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), when);

  if (booking != NULL)
    {
      g_autoptr(RpAttendee) attendee = rp_store_get_attendee (store, rp_booking_get_attendee_id (booking), NULL);
      GtkWidget *details = rp_booking_details_new (store, attendee, booking);
      gint64 id = rp_booking_get_attendee_id (booking);

      heading = g_strdup_printf (_("Booking at %s"), rp_taster_day_get_provider_name (day));
      rp_booking_details_set_show_feedback (RP_BOOKING_DETAILS (details), TRUE);
      g_hash_table_insert (self->details, g_memdup2 (&id, sizeof id), details);
      gtk_box_append (self->details_box, details);
    }
  else
    {
      GtkWidget *picker = rp_attendee_picker_new (store, programme);
      g_autoptr(GListModel) bookings = rp_store_list_bookings (store, rp_taster_day_get_id (day), NULL);
      g_autoptr(GArray) booked = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; bookings != NULL && i < g_list_model_get_n_items (bookings); i++)
        {
          g_autoptr(RpBooking) existing = g_list_model_get_item (bookings, i);
          gint64 id = rp_booking_get_attendee_id (existing);

          g_array_append_val (booked, id);
        }
      rp_attendee_picker_set_booked (RP_ATTENDEE_PICKER (picker), booked);

      heading = g_strdup_printf (_("Book Attendees at %s"), rp_taster_day_get_provider_name (day));
      g_signal_connect_object (picker, "toggled", G_CALLBACK (on_toggled), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->picker_bin, picker);
      gtk_widget_set_visible (GTK_WIDGET (self->picker_bin), TRUE);
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  return self;
}
