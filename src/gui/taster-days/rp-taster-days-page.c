/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-taster-days-page.c: the Taster Days area: providers' days by date, and who is booked */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-booking-dialog.h"
#include "rp-choices.h"
#include "rp-file-chooser.h"
#include "rp-providers-window.h"
#include "rp-taster-day-dialog.h"
#include "rp-taster-days-page.h"

struct _RpTasterDaysPage
{
  RpAreaPage          parent_instance;

  GPtrArray          *groups;          /* the agenda's date groups, rebuilt on refresh */
  GtkNativeDialog    *file_chooser;
  GHashTable         *expanded;        /* ids of the days shown open, kept across refreshes */
  RpChoices          *providers;       /* the provider filter's model, "All providers" first */
  gboolean            loading;
  guint               filter_source;   /* a refresh for a provider just chosen */

  GtkDropDown        *provider_dropdown;
  AdwPreferencesPage *agenda;
};

G_DEFINE_FINAL_TYPE (RpTasterDaysPage, rp_taster_days_page, RP_TYPE_AREA_PAGE)

/* Small helpers for the dialogues ---------------------------------------------------- */

static GtkWindow *
parent_window (RpTasterDaysPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
show_message (RpTasterDaysPage *self,
              const char       *heading,
              const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Taster day dialogue --------------------------------------------------------------- */

static void
present_day_dialog (RpTasterDaysPage *self,
                    RpTasterDay      *day)
{
  RpTasterDayDialog *dialog = rp_taster_day_dialog_new (parent_window (self),
                                                        rp_area_page_get_store (RP_AREA_PAGE (self)),
                                                        rp_area_page_get_programme (RP_AREA_PAGE (self)),
                                                        day);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Booking dialogue ------------------------------------------------------------------ */

/* @booking: (nullable): the booking to edit, or %NULL to book attendees */
static void
present_booking_dialog (RpTasterDaysPage *self,
                        RpTasterDay      *day,
                        RpBooking        *booking)
{
  RpBookingDialog *dialog = rp_booking_dialog_new (parent_window (self),
                                                   rp_area_page_get_store (RP_AREA_PAGE (self)),
                                                   rp_area_page_get_programme (RP_AREA_PAGE (self)),
                                                   day, booking);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Cancelling a day ------------------------------------------------------------------ */

static void
on_cancel_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RpTasterDaysPage *self)
{
  RpTasterDay *day = g_object_get_data (G_OBJECT (dialog), "day");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "cancel-day"))
    return;

  if (!rp_store_cancel_taster_day (rp_area_page_get_store (RP_AREA_PAGE (self)), rp_taster_day_get_id (day), NULL, &error))
    show_message (self, _("The Taster Day Was Not Cancelled"), error->message);
}

static void
present_cancel_dialog (RpTasterDaysPage *self,
                       RpTasterDay      *day,
                       guint             active)
{
  g_autofree char *heading = g_strdup_printf (_("Cancel the %s Taster Day?"), rp_taster_day_get_provider_name (day));
  g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u booking will be marked cancelled. Nothing is deleted: the day and its bookings stay on record.",
                                                        "%u bookings will be marked cancelled. Nothing is deleted: the day and its bookings stay on record.",
                                                        active), active);
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep the Day"),
                                    "cancel-day", _("_Cancel the Day"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-day", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "day", g_object_ref (day), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The agenda ------------------------------------------------------------------------ */

static void
on_book_clicked (GtkButton        *button,
                 RpTasterDaysPage *self)
{
  present_booking_dialog (self, g_object_get_data (G_OBJECT (button), "day"), NULL);
}

static void
on_edit_day_clicked (GtkButton        *button,
                     RpTasterDaysPage *self)
{
  present_day_dialog (self, g_object_get_data (G_OBJECT (button), "day"));
}

static void
on_cancel_day_clicked (GtkButton        *button,
                       RpTasterDaysPage *self)
{
  present_cancel_dialog (self, g_object_get_data (G_OBJECT (button), "day"),
                         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "active")));
}

static void
on_booking_activated (AdwActionRow     *row,
                      RpTasterDaysPage *self)
{
  present_booking_dialog (self, g_object_get_data (G_OBJECT (row), "day"), g_object_get_data (G_OBJECT (row), "booking"));
}

static GtkWidget *
day_button (RpTasterDaysPage *self,
            const char       *label,
            RpTasterDay      *day,
            GCallback         callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data_full (G_OBJECT (button), "day", g_object_ref (day), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
booking_row (RpTasterDaysPage *self,
             RpTasterDay      *day,
             RpBooking        *booking)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  g_autoptr(RpAttendee) attendee = rp_store_get_attendee (store, rp_booking_get_attendee_id (booking), NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) subtitle = g_string_new (rp_booking_status_get_label (rp_booking_get_status (booking)));
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();

  title = attendee != NULL ? g_strdup_printf ("%d · %s", rp_attendee_get_number (attendee), rp_attendee_get_display_name (attendee))
                           : g_strdup (_("Erased attendee"));
  /* Names and notes are text, not markup: "Zoë & Co" would blank the row. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (rp_booking_get_transport_needed (booking))
    g_string_append_printf (subtitle, " · %s", rp_booking_get_transport_arranged (booking)
                                               ? _("transport arranged") : _("transport needed"));
  if (rp_booking_get_pickup_time (booking) != NULL)
    g_string_append_printf (subtitle, _(", collected at %s"), rp_booking_get_pickup_time (booking));
  if (rp_booking_get_staff_id (booking) > 0)
    {
      g_autoptr(RpWorker) staff = rp_store_get_worker (store, rp_booking_get_staff_id (booking), NULL);
      if (staff != NULL)
        g_string_append_printf (subtitle, _(" · with %s"), rp_worker_get_name (staff));
    }
  if (rp_booking_get_family_attending (booking) != NULL)
    g_string_append_printf (subtitle, " · %s", rp_booking_get_family_attending (booking));

  /* The checks stay visible after saving, as markers. */
  if (!rp_taster_day_get_cancelled (day) &&
      rp_store_check_booking (store, booking, warnings, NULL) != RP_BOOKING_WARNING_NONE)
    {
      for (guint i = 0; i < warnings->len; i++)
        g_string_append_printf (subtitle, "\n⚠ %s", (char *) g_ptr_array_index (warnings, i));
      gtk_widget_add_css_class (row, "attention");
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "day", g_object_ref (day), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "booking", g_object_ref (booking), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_booking_activated), self, 0);
  return row;
}

static void
set_day_subtitle (GtkWidget   *expander,
                  RpTasterDay *day,
                  guint        active,
                  guint        warned)
{
  const char *venue = rp_taster_day_get_venue (day);
  g_autofree char *booked = NULL;
  g_autofree char *subtitle = NULL;

  if (rp_taster_day_get_places (day) > 0)
    booked = g_strdup_printf (_("%u of %d places booked"), active, rp_taster_day_get_places (day));
  else
    booked = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booked", "%u booked", active), active);
  subtitle = g_strdup_printf ("%s%s%s%s%s", rp_taster_day_get_cancelled (day) ? _("Cancelled · ") : "",
                              venue != NULL ? venue : "", venue != NULL ? " · " : "", booked,
                              warned > 0 ? _(" · ⚠ check the bookings") : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
}

/* A day may have hundreds of bookings, and GTK lays out each new row in the
 * next frame: a few milliseconds each with the cairo renderer. A day being
 * filled gets a few rows at once, then as many in each frame as keeps the
 * frames short. */
#define FIRST_ROWS      3
#define FRAME_BUDGET_US 20000

typedef struct
{
  GListModel *bookings;
  guint       next;        /* the next booking to make a row for */
  guint       active;
  guint       warned;
  guint       per_frame;   /* rows to add in the next frame */
  gint64      last_frame;  /* the frame time when rows were last added */
} DayFill;

static void
day_fill_free (gpointer data)
{
  DayFill *fill = data;

  g_clear_object (&fill->bookings);
  g_free (fill);
}

/* The day's buttons wrap onto a second line in a narrow window (360 px)
 * rather than widen it. Tab goes to the buttons themselves, not to the flow
 * box's own cells around them. */
static void
add_day_button (GtkWidget *buttons,
                GtkWidget *button)
{
  GtkWidget *cell;

  gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
  cell = gtk_widget_get_parent (button);
  gtk_widget_set_focusable (cell, FALSE);
}

/* Adds up to @n booking rows, then once they are all there the day's buttons.
 * Returns: %TRUE when the day is complete */
static gboolean
add_day_rows (RpTasterDaysPage *self,
              GtkWidget        *expander,
              DayFill          *fill,
              guint             n)
{
  RpTasterDay *day = g_object_get_data (G_OBJECT (expander), "day");
  guint n_bookings = g_list_model_get_n_items (fill->bookings);
  GtkWidget *buttons, *cancel;

  for (; n > 0 && fill->next < n_bookings; n--, fill->next++)
    {
      g_autoptr(RpBooking) booking = g_list_model_get_item (fill->bookings, fill->next);
      RpBookingStatus status = rp_booking_get_status (booking);
      GtkWidget *row = booking_row (self, day, booking);

      if (status != RP_BOOKING_DECLINED && status != RP_BOOKING_CANCELLED)
        fill->active++;
      if (gtk_widget_has_css_class (row, "attention"))
        fill->warned++;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  if (fill->next < n_bookings)
    return FALSE;

  /* The rows were checked just now: the subtitle says what they show. */
  set_day_subtitle (expander, day, fill->active, fill->warned);

  /* Across the row, in equal cells; centred, GTK 4.8 measures a flow box
   * one line wide and lays it out on three, showing only the first. */
  buttons = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (buttons), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 12);
  gtk_widget_set_margin_top (buttons, 8);
  gtk_widget_set_margin_bottom (buttons, 8);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  add_day_button (buttons, day_button (self, _("_Book Attendees…"), day, G_CALLBACK (on_book_clicked)));
  add_day_button (buttons, day_button (self, _("_Edit Day…"), day, G_CALLBACK (on_edit_day_clicked)));
  cancel = day_button (self, _("Ca_ncel Day…"), day, G_CALLBACK (on_cancel_day_clicked));
  g_object_set_data (G_OBJECT (cancel), "active", GUINT_TO_POINTER (fill->active));
  gtk_widget_add_css_class (cancel, "destructive-action");
  add_day_button (buttons, cancel);
  gtk_widget_set_sensitive (buttons, !rp_taster_day_get_cancelled (day));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), buttons);
  return TRUE;
}

static gboolean
add_day_rows_on_tick (GtkWidget     *expander,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  GtkWidget *page = gtk_widget_get_ancestor (expander, RP_TYPE_TASTER_DAYS_PAGE);
  DayFill *fill = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  /* A row taken out of the page by a refresh is not filled any further. */
  if (page == NULL)
    return G_SOURCE_REMOVE;

  /* Half as many rows after a frame that ran long, one more after a quick one. */
  if (fill->last_frame != 0 && now - fill->last_frame > FRAME_BUDGET_US)
    fill->per_frame = MAX (1, fill->per_frame / 2);
  else if (fill->last_frame != 0)
    fill->per_frame++;
  fill->last_frame = now;

  return add_day_rows (RP_TASTER_DAYS_PAGE (page), expander, fill, fill->per_frame) ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* A day's bookings and buttons are made when it is first opened: most days
 * stay closed, and their rows would cost time and memory for nothing. The
 * first rows come at once, any more in the frames after. */
static void
fill_day (RpTasterDaysPage *self,
          GtkWidget        *expander)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpTasterDay *day = g_object_get_data (G_OBJECT (expander), "day");
  DayFill *fill;

  if (g_object_get_data (G_OBJECT (expander), "filled") != NULL || store == NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "filled", GINT_TO_POINTER (TRUE));

  fill = g_new0 (DayFill, 1);
  fill->bookings = rp_store_list_bookings (store, rp_taster_day_get_id (day), NULL);
  if (fill->bookings == NULL)
    fill->bookings = G_LIST_MODEL (g_list_store_new (RP_TYPE_BOOKING));

  fill->per_frame = FIRST_ROWS;
  if (add_day_rows (self, expander, fill, FIRST_ROWS))
    day_fill_free (fill);
  else
    gtk_widget_add_tick_callback (expander, add_day_rows_on_tick, fill, day_fill_free);
}

static void
on_expanded (AdwExpanderRow   *expander,
             GParamSpec       *pspec,
             RpTasterDaysPage *self)
{
  RpTasterDay *day = g_object_get_data (G_OBJECT (expander), "day");
  gint64 id = rp_taster_day_get_id (day);

  if (adw_expander_row_get_expanded (expander))
    {
      g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
      fill_day (self, GTK_WIDGET (expander));
    }
  else
    g_hash_table_remove (self->expanded, &id);
}

/* @summary: (nullable): the day's bookings and warnings, if they could be counted */
static GtkWidget *
day_row (RpTasterDaysPage         *self,
         RpTasterDay              *day,
         const RpTasterDaySummary *summary)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *title = NULL;
  const char *start = rp_taster_day_get_start_time (day);
  const char *end = rp_taster_day_get_end_time (day);
  gint64 id = rp_taster_day_get_id (day);

  if (start != NULL && end != NULL)
    title = g_strdup_printf ("%s · %s–%s", rp_taster_day_get_provider_name (day), start, end);
  else
    title = g_strdup (rp_taster_day_get_provider_name (day));

  /* A provider or venue may hold "&": text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  set_day_subtitle (expander, day, summary != NULL ? summary->booked : 0, summary != NULL ? summary->warned : 0);
  if (rp_taster_day_get_cancelled (day))
    gtk_widget_add_css_class (expander, "dim-label");

  g_object_set_data_full (G_OBJECT (expander), "day", g_object_ref (day), g_object_unref);
  if (g_hash_table_contains (self->expanded, &id))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      fill_day (self, expander);
    }
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (on_expanded), self, 0);
  return expander;
}

static void
rp_taster_days_page_refresh (RpAreaPage *page)
{
  RpTasterDaysPage *self = RP_TASTER_DAYS_PAGE (page);
  RpStore *store = rp_area_page_get_store (page);
  RpProgramme *programme = rp_area_page_get_programme (page);
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = NULL;
  g_autofree char *group_date = NULL;
  g_autofree char *today = NULL;
  gint64 shown_provider = 0;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->agenda, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  if (store == NULL || programme == NULL)
    return;

  /* The provider filter follows the store by itself; it is made again only for another store. */
  if (self->providers == NULL || rp_choices_get_store (self->providers) != store)
    {
      g_clear_object (&self->providers);
      self->providers = rp_choices_new (store, RP_TYPE_PROVIDER, _("All providers"), 0);
      self->loading = TRUE;
      gtk_drop_down_set_model (self->provider_dropdown, G_LIST_MODEL (self->providers));
      self->loading = FALSE;
    }
  shown_provider = rp_choices_get_item_id (gtk_drop_down_get_selected_item (self->provider_dropdown));

  today = rp_store_dup_today (store);
  days = rp_store_list_taster_days (store, rp_programme_get_id (programme), NULL);
  /* One query for every day's counts and warnings, instead of checking each booking. */
  summaries = rp_store_summarise_taster_days (store, rp_programme_get_id (programme), &error);
  if (summaries == NULL)
    g_debug ("Could not count the taster days’ bookings: %s", error->message);
  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
      const char *date = rp_taster_day_get_date (day);

      if (shown_provider != 0 && rp_taster_day_get_provider_id (day) != shown_provider)
        continue;

      /* One group per date, and one for the days still to be confirmed. */
      if (group == NULL || g_strcmp0 (group_date, date) != 0)
        {
          g_autofree char *title = date != NULL ? rp_date_format_long (date) : g_strdup (_("To Be Confirmed"));

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, title);
          /* Days gone by stay in the agenda, for their attendance, but must not look to come. */
          if (date != NULL && rp_date_compare (date, today) < 0)
            adw_preferences_group_set_description (group, _("Held: this day has passed"));
          adw_preferences_page_add (self->agenda, group);
          g_ptr_array_add (self->groups, group);
          g_free (group_date);
          group_date = g_strdup (date);
        }

      adw_preferences_group_add (group, day_row (self, day, summaries != NULL
                                                           ? rp_taster_day_summary_find (summaries, rp_taster_day_get_id (day))
                                                           : NULL));
    }

  if (self->groups->len == 0)
    {
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, _("No Taster Days Yet"));
      adw_preferences_group_set_description (group, _("Add the taster days and open days that providers run, then book attendees on them."));
      adw_preferences_page_add (self->agenda, group);
      g_ptr_array_add (self->groups, group);
    }
}

static gboolean
refresh_for_provider (gpointer user_data)
{
  RpTasterDaysPage *self = user_data;

  self->filter_source = 0;
  rp_area_page_refresh (RP_AREA_PAGE (self));
  return G_SOURCE_REMOVE;
}

/* A refresh for another store gives the drop-down a new model. Done from
 * inside the drop-down's own change of selection, GTK 4.8 goes round that
 * change again for ever (the app hung): the refresh waits until the change
 * is over. */
static void
on_provider_changed (RpTasterDaysPage *self)
{
  if (!self->loading && self->filter_source == 0)
    self->filter_source = g_idle_add (refresh_for_provider, self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RpTasterDaysPage *self = RP_TASTER_DAYS_PAGE (widget);

  if (rp_area_page_get_store (RP_AREA_PAGE (self)) != NULL)
    present_day_dialog (self, NULL);
}

static void
on_schedules_response (RpTasterDaysPage *self,
                       int               response,
                       GtkNativeDialog  *dialog)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && store != NULL && programme != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (!(ids = rp_schedule_list_attendees (store, rp_programme_get_id (programme), NULL, &error)) ||
          !rp_schedule_write_pdf (store, ids, NULL, path, &error))
        show_message (self, _("The Schedules Were Not Saved"), error->message);
    }

  g_clear_object (&self->file_chooser);
}

/* One easy-read sheet for every family with a taster day to come, to print and post. */
static void
schedules_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RpTasterDaysPage *self = RP_TASTER_DAYS_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (rp_area_page_get_store (RP_AREA_PAGE (self)) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Every Family’s Schedule"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Taster day schedules.pdf"));
  rp_file_chooser_open_away_from (GTK_FILE_CHOOSER (chooser), rp_area_page_get_store (RP_AREA_PAGE (self)));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_schedules_response), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
on_calendar_response (RpTasterDaysPage *self,
                      int               response,
                      GtkNativeDialog  *dialog)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && store != NULL && programme != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL &&
      !rp_calendar_write_staff (store, rp_programme_get_id (programme), NULL, path, NULL, NULL, &error))
    show_message (self, _("The Calendar Was Not Saved"), error->message);

  g_clear_object (&self->file_chooser);
}

/* Every taster day with a date, the staff going and each person's pick-up,
 * as a calendar file for the team. It names attendees: not for families. */
static void
calendar_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RpTasterDaysPage *self = RP_TASTER_DAYS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  if (rp_area_page_get_store (RP_AREA_PAGE (self)) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save the Staff Calendar"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Taster days for staff.ics"));
  rp_file_chooser_open_away_from (GTK_FILE_CHOOSER (chooser), rp_area_page_get_store (RP_AREA_PAGE (self)));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_calendar_response), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
providers_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RpTasterDaysPage *self = RP_TASTER_DAYS_PAGE (widget);
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProvidersWindow *window;

  if (store == NULL)
    return;

  window = rp_providers_window_new (parent_window (self), store);
  gtk_window_present (GTK_WINDOW (window));
}

static void
rp_taster_days_page_dispose (GObject *object)
{
  RpTasterDaysPage *self = RP_TASTER_DAYS_PAGE (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_handle_id (&self->filter_source, g_source_remove);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_object (&self->providers);

  G_OBJECT_CLASS (rp_taster_days_page_parent_class)->dispose (object);
}

static void
rp_taster_days_page_class_init (RpTasterDaysPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpAreaPageClass *page_class = RP_AREA_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rp_taster_days_page_dispose;
  page_class->refresh = rp_taster_days_page_refresh;

  g_type_ensure (RP_TYPE_PROVIDER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-taster-days-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTasterDaysPage, provider_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDaysPage, agenda);

  gtk_widget_class_install_action (widget_class, "taster-days.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "taster-days.providers", NULL, providers_action);
  gtk_widget_class_install_action (widget_class, "taster-days.schedules", NULL, schedules_action);
  gtk_widget_class_install_action (widget_class, "taster-days.calendar", NULL, calendar_action);
}

static void
rp_taster_days_page_init (RpTasterDaysPage *self)
{
  self->groups = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->provider_dropdown, "notify::selected", G_CALLBACK (on_provider_changed),
                           self, G_CONNECT_SWAPPED);
}
