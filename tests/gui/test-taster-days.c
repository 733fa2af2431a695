/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-taster-days.c: a coordinator cancels a taster day; a family sees only their own days */

#include "config.h"

#include "rp-communication-banner.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "rp-attendee-picker.h"
#include "rp-booking-details.h"
#include "rp-booking-dialog.h"
#include "rp-choices.h"
#include "rp-core.h"
#include "rp-date-row.h"
#include "rp-field-message.h"
#include "rp-family-window.h"
#include "rp-gui-test-util.h"
#include "rp-taster-day-dialog.h"
#include "rp-taster-days-page.h"
#include "rp-test-util.h"
#include "rp-window.h"

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static AdwExpanderRow *find_day_row (GtkWidget  *page,
                                     const char *iso_date);

/* The sample's days in date order: two open days held (Mosaic 2 Sep, IBC
 * 9 Sep), then Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 and 19 Oct, and FTM
 * Dance to be confirmed. */
enum { MOSAIC_27_SEP = 2, FTM_DANCE_TBC = 6 };

static void
test_cancel_day_keeps_bookings (Fixture       *fixture,
                                gconstpointer  data)
{
  RpWindow *window = rp_window_new (NULL);
  g_autoptr(GListModel) days = NULL;
  g_autoptr(RpTasterDay) mosaic = NULL;
  g_autoptr(GListModel) bookings = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *page, *expander, *cancel;

  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "area", "taster-days", NULL);
  rp_test_spin ();

  page = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE, NULL, NULL);
  g_assert_nonnull (rp_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "title", "To Be Confirmed"));

  /* The open days already held say so; the days to come do not. */
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                     rp_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "title", "Saturday 2 September 2023"))),
                   ==, "Held: this day has passed");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                     rp_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "title", "Wednesday 27 September 2023"))),
                   ==, "");

  /* Mosaic's day on 27 September; its buttons are there once it is open. */
  expander = GTK_WIDGET (find_day_row (page, "2023-09-27"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  rp_test_spin ();
  cancel = rp_test_find_widget (page, GTK_TYPE_BUTTON, "label", "Ca_ncel Day…");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  rp_test_spin ();

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 bookings will be marked cancelled"));
  adw_message_dialog_response (dialog, "cancel-day");
  rp_test_spin ();

  days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  mosaic = g_list_model_get_item (days, MOSAIC_27_SEP);
  g_assert_true (rp_taster_day_get_cancelled (mosaic));
  bookings = rp_store_list_bookings (fixture->store, rp_taster_day_get_id (mosaic), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (bookings), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);
      g_assert_cmpint (rp_booking_get_status (booking), ==, RP_BOOKING_CANCELLED);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

/* The day shown in the agenda group of @iso_date; the first if there are several. */
static AdwExpanderRow *
find_day_row (GtkWidget  *page,
              const char *iso_date)
{
  g_autofree char *title = rp_date_format_long (iso_date);
  GtkWidget *group = rp_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "title", title);

  g_assert_nonnull (group);
  return ADW_EXPANDER_ROW (rp_test_find_widget (group, ADW_TYPE_EXPANDER_ROW, NULL, NULL));
}

static guint
count_widgets (GtkWidget  *root,
               GType       type,
               const char *property,
               const char *value)
{
  guint n = 0;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      g_autofree char *found = NULL;

      g_object_get (root, property, &found, NULL);
      n += g_strcmp0 (found, value) == 0;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type, property, value);

  return n;
}

/* Booking rows whose subtitle is "Invited" and a warning that names the
 * person booked and FTM Dance's day, which is full. */
static guint
count_full_day_rows (GtkWidget *root)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (root))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (root));
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      /* The row's title starts with the attendee's number: "2 · Ben". */
      g_autofree char *number = g_strdup_printf ("(attendee %d)", title != NULL ? atoi (title) : 0);

      n += subtitle != NULL &&
           g_str_has_prefix (subtitle, "Invited\n⚠ There is no place left for ") &&
           g_str_has_suffix (subtitle, " on the FTM Dance day, date to be confirmed: it has 4 places, and they are all taken.") &&
           strstr (subtitle, number) != NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_full_day_rows (child);

  return n;
}

/* A closed day says that one of its bookings needs checking, without a row
 * for any booking; opening it makes the rows, with the warning on the booking. */
static void
test_closed_day_shows_warning (Fixture       *fixture,
                               gconstpointer  data)
{
  RpWindow *window = rp_window_new (NULL);
  AdwExpanderRow *warned, *clean;
  GtkWidget *page, *row;

  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "area", "taster-days", NULL);
  rp_test_spin ();
  page = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE, NULL, NULL);

  /* Pathfinders on 19 October: Ben (attendee 2), as the agenda calls him, needs transport, not arranged yet. */
  warned = find_day_row (page, "2023-10-19");
  g_assert_false (adw_expander_row_get_expanded (warned));
  g_assert_cmpstr (adw_expander_row_get_subtitle (warned), ==,
                   "Unit 4, Canal Wharf · 1 of 5 places booked · ⚠ check the bookings");
  g_assert_null (rp_test_find_widget (GTK_WIDGET (warned), ADW_TYPE_ACTION_ROW, "title", "2 · Ben"));
  g_assert_null (rp_test_find_widget (GTK_WIDGET (warned), GTK_TYPE_BUTTON, "label", "Ca_ncel Day…"));

  /* Pathfinders on 10 October: Ella's booking is in order. */
  clean = find_day_row (page, "2023-10-10");
  g_assert_cmpstr (adw_expander_row_get_subtitle (clean), ==, "Unit 4, Canal Wharf · 1 of 5 places booked");

  /* Opened, the day has its booking, marked, and its buttons. */
  adw_expander_row_set_expanded (warned, TRUE);
  rp_test_spin ();
  row = rp_test_find_widget (GTK_WIDGET (warned), ADW_TYPE_ACTION_ROW, "title", "2 · Ben");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "attention"));
  /* The warning names him as the coordinator knows him, and the day. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "⚠ Ben (attendee 2) needs transport on 19 October 2023 with Pathfinders, and it is not arranged yet."));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_grab_focus (row));
  /* Named by its title for a screen reader, as every row. */
  gtk_test_accessible_assert_relation (row, GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       rp_test_find_widget (row, GTK_TYPE_LABEL, "label", "2 · Ben"), NULL);
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (warned), GTK_TYPE_BUTTON, "label", "Ca_ncel Day…"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (warned), ==,
                   "Unit 4, Canal Wharf · 1 of 5 places booked · ⚠ check the bookings");

  /* Closed and opened again, the rows are not made twice. */
  adw_expander_row_set_expanded (warned, FALSE);
  rp_test_spin ();
  adw_expander_row_set_expanded (warned, TRUE);
  rp_test_spin ();
  g_assert_cmpuint (count_widgets (GTK_WIDGET (warned), ADW_TYPE_ACTION_ROW, "title", "2 · Ben"), ==, 1);

  /* After a refresh the day is still open, with its rows; the other still closed, without. */
  rp_area_page_refresh (RP_AREA_PAGE (page));
  rp_test_spin ();
  warned = find_day_row (page, "2023-10-19");
  clean = find_day_row (page, "2023-10-10");
  g_assert_true (adw_expander_row_get_expanded (warned));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (warned), ADW_TYPE_ACTION_ROW, "title", "2 · Ben"));
  g_assert_false (adw_expander_row_get_expanded (clean));
  g_assert_null (rp_test_find_widget (GTK_WIDGET (clean), ADW_TYPE_ACTION_ROW, "title", "5 · Ella Morgan"));

  /* Only Pathfinders' days (the last provider by name), the open one still open. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (rp_test_find_widget (page, GTK_TYPE_DROP_DOWN, NULL, NULL)), 4);
  rp_test_spin ();
  g_assert_null (rp_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "title", "To Be Confirmed"));
  warned = find_day_row (page, "2023-10-19");
  g_assert_true (adw_expander_row_get_expanded (warned));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (warned), "⚠ check the bookings"));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (warned), ADW_TYPE_ACTION_ROW, "title", "2 · Ben"));

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

/* Runs the main loop, frames included, until @root holds a button labelled
 * @button_label or five seconds have passed. */
static gboolean
spin_until (GtkWidget  *root,
            const char *button_label)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (rp_test_find_widget (root, GTK_TYPE_BUTTON, "label", button_label) == NULL)
    {
      if (g_get_monotonic_time () > give_up)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }

  return TRUE;
}

/* A day with many bookings gets its first rows at once and the rest over
 * the next frames, each once, even when the page is refreshed meanwhile. */
static void
test_large_day_filled_over_frames (Fixture       *fixture,
                                   gconstpointer  data)
{
  RpWindow *window = rp_window_new (NULL);
  g_autoptr(GListModel) attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(GListModel) days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(RpTasterDay) ftm = g_list_model_get_item (days, FTM_DANCE_TBC);
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *group;
  AdwExpanderRow *day;
  guint n = g_list_model_get_n_items (attendees);

  /* Everyone on FTM Dance's day, still to be confirmed, which has four places. */
  g_assert_cmpstr (rp_taster_day_get_provider_name (ftm), ==, "FTM Dance");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      RpBooking *booking = rp_booking_new ();

      rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (ftm));
      rp_booking_set_attendee_id (booking, rp_attendee_get_id (attendee));
      g_ptr_array_add (bookings, booking);
    }
  g_assert_true (rp_store_add_bookings (fixture->store, bookings, &error));
  g_assert_no_error (error);

  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "area", "taster-days", NULL);
  rp_test_spin ();
  page = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE, NULL, NULL);
  group = rp_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "title", "To Be Confirmed");
  day = ADW_EXPANDER_ROW (rp_test_find_widget (group, ADW_TYPE_EXPANDER_ROW, NULL, NULL));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (day), "19 of 4 places booked · ⚠ check the bookings"));

  /* Some rows at once, not all; then a refresh before the rest are made. */
  adw_expander_row_set_expanded (day, TRUE);
  g_assert_cmpuint (count_full_day_rows (GTK_WIDGET (day)), >, 0);
  g_assert_cmpuint (count_full_day_rows (GTK_WIDGET (day)), <, n);
  rp_area_page_refresh (RP_AREA_PAGE (page));

  group = rp_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "title", "To Be Confirmed");
  day = ADW_EXPANDER_ROW (rp_test_find_widget (group, ADW_TYPE_EXPANDER_ROW, NULL, NULL));
  g_assert_true (adw_expander_row_get_expanded (day));
  g_assert_true (spin_until (GTK_WIDGET (day), "Ca_ncel Day…"));
  g_assert_cmpuint (count_full_day_rows (GTK_WIDGET (day)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_autofree char *title = g_strdup_printf ("%d · %s", rp_attendee_get_number (attendee), rp_attendee_get_display_name (attendee));

      g_assert_cmpuint (count_widgets (GTK_WIDGET (day), ADW_TYPE_ACTION_ROW, "title", title), ==, 1);
    }
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (day), "19 of 4 places booked · ⚠ check the bookings"));

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

/* Every label's text, a line each, as a reader sees it: non-breaking
 * spaces read as spaces. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_autoptr(GString) label = g_string_new (gtk_label_get_label (GTK_LABEL (widget)));

      g_string_replace (label, "\u00a0", " ", 0);
      g_string_append_printf (text, "%s\n", label->str);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
test_family_sees_only_their_days (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RpAttendee) five = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 5, NULL);
  g_autoptr(GListModel) attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  RpFamilyWindow *window = rp_family_window_new (NULL, fixture->store, five);

  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();
  collect_text (GTK_WIDGET (window), text);

  g_assert_nonnull (strstr (text->str, "Taster days for Ella Morgan"));
  g_assert_nonnull (strstr (text->str, "Wednesday 27 September, 11 am to 3 pm"));
  g_assert_nonnull (strstr (text->str, "Transport will collect you at 10:15 am."));
  g_assert_null (strstr (text->str, "Susan keen on Mosaic"));

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) other = g_list_model_get_item (attendees, i);

      if (rp_attendee_get_number (other) == 5)
        continue;
      if (strstr (text->str, rp_attendee_get_full_name (other)) != NULL ||
          (rp_attendee_get_contact_name (other) != NULL && strstr (text->str, rp_attendee_get_contact_name (other)) != NULL))
        g_test_fail_printf ("the family view names attendee %d or their family", rp_attendee_get_number (other));
    }

  /* Escape closes it; nothing else is reachable from it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  rp_test_spin ();
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root))
    {
      g_autoptr(GString) label = g_string_new (gtk_label_get_label (GTK_LABEL (root)));

      g_string_replace (label, "\u00a0", " ", 0);
      if (g_str_equal (label->str, text))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_pictures (GtkWidget *root)
{
  guint n = GTK_IS_IMAGE (root) && gtk_widget_has_css_class (root, "family-icon") && gtk_widget_get_visible (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_pictures (child);
  return n;
}

static void
assert_shown_as (RpFamilyWindow   *window,
                 RpScheduleFormat  format,
                 gboolean          pictures)
{
  static const char *const classes[] = { "family-plain", "family-large-print", "family-easy-read" };
  GtkWidget *dropdown = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (gtk_widget_has_css_class (GTK_WIDGET (window), classes[i]) != (i == format))
      g_test_fail_printf ("the window %s class %s", i == format ? "lacks" : "has", classes[i]);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, format);
  if (pictures)
    g_assert_cmpuint (count_pictures (GTK_WIDGET (window)), >=, 4);
  else
    g_assert_cmpuint (count_pictures (GTK_WIDGET (window)), ==, 0);
}

/* The window takes the form the person's needs ask for: plain words at an
 * ordinary size, large print, or easy read with a picture beside each
 * point; it follows a change to the needs; the coordinator can show this
 * sheet in another form without changing the record. */
static void
test_family_window_follows_needs (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RpAttendee) ben = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 2, NULL);
  g_autoptr(RpAttendee) stored = NULL;
  g_autoptr(GError) error = NULL;
  RpFamilyWindow *window;
  GtkWidget *dropdown;

  rp_attendee_set_communication_needs (ben, NULL);
  rp_attendee_set_contact_communication_needs (ben, NULL);
  g_assert_true (rp_store_save_attendee (fixture->store, ben, &error));
  g_assert_no_error (error);

  window = rp_family_window_new (NULL, fixture->store, ben);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();
  assert_shown_as (window, RP_SCHEDULE_FORMAT_PLAIN, FALSE);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "As their needs ask: Plain."));

  /* Their contact needs large print: the sheet is for both. */
  rp_attendee_set_contact_communication_needs (ben, "large-print");
  g_assert_true (rp_store_save_attendee (fixture->store, ben, &error));
  rp_test_spin ();
  assert_shown_as (window, RP_SCHEDULE_FORMAT_LARGE_PRINT, FALSE);

  rp_attendee_set_communication_needs (ben, "easy-read");
  g_assert_true (rp_store_save_attendee (fixture->store, ben, &error));
  rp_test_spin ();
  assert_shown_as (window, RP_SCHEDULE_FORMAT_EASY_READ, TRUE);

  /* The coordinator shows this sheet plain: the window follows, the record
   * keeps easy read, and a later change to the needs does not undo the choice. */
  dropdown = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, NULL, NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, "Sheet format");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), RP_SCHEDULE_FORMAT_PLAIN);
  rp_test_spin ();
  assert_shown_as (window, RP_SCHEDULE_FORMAT_PLAIN, FALSE);
  g_assert_nonnull (find_label (GTK_WIDGET (window),
                                "Their needs ask for Easy read with pictures. This sheet only is shown and printed differently; their record is not changed."));
  stored = rp_store_get_attendee (fixture->store, rp_attendee_get_id (ben), NULL);
  g_assert_cmpstr (rp_attendee_get_communication_needs (stored), ==, "easy-read");
  rp_attendee_set_communication_needs (ben, "easy-read,bsl");
  g_assert_true (rp_store_save_attendee (fixture->store, ben, &error));
  rp_test_spin ();
  assert_shown_as (window, RP_SCHEDULE_FORMAT_PLAIN, FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  rp_test_spin ();
}

static double
smallest_text (const char *path)
{
  g_autoptr(GArray) sizes = rp_test_pdf_text_sizes (path);
  double smallest = G_MAXDOUBLE;

  g_assert_cmpuint (sizes->len, >, 0);
  for (guint i = 0; i < sizes->len; i++)
    smallest = MIN (smallest, g_array_index (sizes, double, i));
  return smallest;
}

/* The sheet format chosen for this sheet only is what Save as PDF and the
 * print path write, not the format the record asks for; each is recorded. */
static void
test_family_sheet_format_printed (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RpAttendee) ben = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 2, NULL);
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *large = g_build_filename (fixture->dir, "large.pdf", NULL);
  g_autofree char *saved = g_build_filename (fixture->dir, "saved.pdf", NULL);
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  RpFamilyWindow *window;
  GtkWidget *dropdown;

  rp_attendee_set_communication_needs (ben, "large-print");
  g_assert_true (rp_store_save_attendee (fixture->store, ben, &error));
  g_assert_no_error (error);
  window = rp_family_window_new (NULL, fixture->store, ben);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  /* As the needs ask: large print, 16 pt and more. */
  g_assert_true (rp_family_window_save_pdf (window, large, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (smallest_text (large), >=, 16.0);

  dropdown = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, NULL, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), RP_SCHEDULE_FORMAT_PLAIN);
  rp_test_spin ();
  g_assert_true (rp_family_window_save_pdf (window, saved, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (smallest_text (saved), <, 14.0);

  rp_family_window_print (window, printed);
  rp_test_spin ();
  g_assert_true (g_file_test (printed, G_FILE_TEST_EXISTS));
  g_assert_cmpfloat (smallest_text (printed), <, 14.0);

  exports = rp_store_list_exports (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  rp_test_spin ();
}

/* Ben's family sees his one plan, the day still to be confirmed apart
 * under its own heading, and whom to call, in his preferred name; the
 * window follows a change made meanwhile, and fits a phone's width. */
static void
test_family_window_sections (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RpAttendee) ben = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 2, NULL);
  g_autoptr(GListModel) bookings = rp_store_list_attendee_bookings (fixture->store, rp_attendee_get_id (ben), NULL);
  g_autoptr(RpBooking) invited = NULL;
  g_autoptr(GError) error = NULL;
  RpFamilyWindow *window = rp_family_window_new (NULL, fixture->store, ben);
  GtkWidget *heading;
  int minimum;

  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Taster days for\u00a0Ben");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "If you have questions, call Rob Hughes on 0116 496 0202."));
  heading = find_label (GTK_WIDGET (window), "Days you are going to");
  g_assert_nonnull (heading);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "You are going to IBC, 12 High Street."));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "To be confirmed"));
  heading = find_label (GTK_WIDGET (window), "To be confirmed: Thursday 19 October, 10:30 am to 1:30 pm");
  g_assert_nonnull (heading);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "You might go to Pathfinders, Unit 4, Canal Wharf."));
  g_assert_null (find_label (GTK_WIDGET (window), "You are going to Pathfinders, Unit 4, Canal Wharf."));

  /* Nothing in it asks for more than a phone's width, with its buttons to
   * print, save and add the days to a calendar, each named for a screen
   * reader. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  {
    GtkWidget *calendar = find_action_button (GTK_WIDGET (window), "family.add-to-calendar");
    GtkWidget *print = find_action_button (GTK_WIDGET (window), "family.print");

    g_assert_nonnull (calendar);
    g_assert_true (gtk_widget_is_sensitive (calendar));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add to Calendar…");
    g_assert_nonnull (print);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, "Print…");
  }

  /* The coordinator confirms the day elsewhere: the window shows it as a plan. */
  for (guint i = 0; i < g_list_model_get_n_items (bookings) && invited == NULL; i++)
    {
      g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);

      if (rp_booking_get_status (booking) == RP_BOOKING_INVITED)
        invited = g_object_ref (booking);
    }
  g_assert_nonnull (invited);
  rp_booking_set_status (invited, RP_BOOKING_CONFIRMED);
  g_assert_true (rp_store_save_booking (fixture->store, invited, &error));
  g_assert_no_error (error);
  rp_test_spin ();
  g_assert_nonnull (find_label (GTK_WIDGET (window), "You are going to Pathfinders, Unit 4, Canal Wharf."));
  g_assert_null (find_label (GTK_WIDGET (window), "To be confirmed"));

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

static AdwMessageDialog *
find_dialog_headed (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
on_day_saved (RpTasterDayDialog *dialog,
              RpTasterDay       *day,
              RpTasterDay      **saved)
{
  g_set_object (saved, day);
}

static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  rp_test_spin ();
}

/* A taster day that cannot be saved (a date that does not exist) stays open
 * with everything that was typed, the date marked in colour and in words,
 * under a message saying why; put right, it saves and says so. */
static void
test_unsaved_day_keeps_what_was_typed (Fixture       *fixture,
                                       gconstpointer  data)
{
  RpWindow *window = rp_window_new (NULL);
  g_autoptr(GListModel) before = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(RpTasterDay) saved = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autofree char *nothing = rp_date_normalise ("31/02/2024", &date_error);
  AdwMessageDialog *dialog;
  GtkWidget *page, *venue, *date;

  g_assert_null (nothing);
  g_assert_nonnull (date_error);

  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "area", "taster-days", NULL);
  rp_test_spin ();
  page = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE, NULL, NULL);

  g_assert_true (gtk_widget_activate_action (page, "taster-days.new", NULL));
  rp_test_spin ();
  dialog = find_dialog_headed ("New Taster Day");
  g_assert_true (RP_IS_TASTER_DAY_DIALOG (dialog));
  g_signal_connect (dialog, "saved", G_CALLBACK (on_day_saved), &saved);
  venue = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Venue");
  date = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_DATE_ROW, "title", "Date (dd/mm/yyyy)");
  g_assert_nonnull (venue);
  g_assert_nonnull (date);
  gtk_editable_set_text (GTK_EDITABLE (venue), "Hollybank Hall, Mill Lane");
  gtk_editable_set_text (GTK_EDITABLE (date), "31/02/2024");

  click_response (dialog, "_Save");

  /* Said under the field, in words, and not again in a message over the form. */
  g_assert_null (find_dialog_headed ("The Taster Day Was Not Saved"));
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (date)), ==, date_error->message);
  g_assert_true (find_dialog_headed ("New Taster Day") == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (venue)), ==, "Hollybank Hall, Mill Lane");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "31/02/2024");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  gtk_test_accessible_assert_property (date, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, date_error->message);
  g_assert_null (saved);

  after = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  g_clear_object (&after);

  /* Put right, the mark goes; saved, the day is stored with its ISO date and the dialogue goes. */
  gtk_editable_set_text (GTK_EDITABLE (date), "28/02/2024");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  click_response (dialog, "_Save");

  g_assert_nonnull (saved);
  g_assert_cmpint (rp_taster_day_get_id (saved), >, 0);
  g_assert_cmpstr (rp_taster_day_get_date (saved), ==, "2024-02-28");
  g_assert_cmpstr (rp_taster_day_get_venue (saved), ==, "Hollybank Hall, Mill Lane");
  g_assert_null (find_dialog_headed ("New Taster Day"));
  after = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

/* The date row shows dates as people write them, keeps them as ISO, and
 * says what is wrong in colour, in words under it and to a screen reader. */
static void
test_date_row (Fixture       *fixture,
               gconstpointer  data)
{
  RpDateRow *row = g_object_ref_sink (RP_DATE_ROW (rp_date_row_new ()));
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  rp_date_row_set_iso (row, "2023-09-07");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "07/09/2023");
  rp_date_row_set_iso (row, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_null (rp_date_row_dup_iso (row, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (row), "1/2/2024");
  iso = rp_date_row_dup_iso (row, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, "2024-02-01");

  gtk_editable_set_text (GTK_EDITABLE (row), "30/02/2024");
  g_assert_null (rp_date_row_dup_iso (row, &error));
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (row)), ==, error->message);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message);

  /* Shown a stored date again, the mark goes. */
  rp_date_row_set_iso (row, "2024-02-29");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "29/02/2024");

  g_object_unref (row);
}

/* Editing a day shows what is stored, the date as people write it. */
static void
test_edit_day_shows_stored_values (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GListModel) days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(RpTasterDay) mosaic = g_list_model_get_item (days, MOSAIC_27_SEP);
  RpTasterDayDialog *dialog = rp_taster_day_dialog_new (NULL, fixture->store, fixture->programme, mosaic);
  GtkWidget *date, *provider;

  g_assert_cmpstr (rp_taster_day_get_date (mosaic), ==, "2023-09-27");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Edit Taster Day");
  date = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_DATE_ROW, NULL, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "27/09/2023");
  provider = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "title", "Provider");
  g_assert_cmpstr (rp_provider_get_name (adw_combo_row_get_selected_item (ADW_COMBO_ROW (provider))), ==,
                   rp_taster_day_get_provider_name (mosaic));

  /* Closed without saving (Escape), it goes and nothing changes. */
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Venue")), "Elsewhere");
  gtk_window_close (GTK_WINDOW (dialog));
  rp_test_spin ();
  g_assert_null (find_dialog_headed ("Edit Taster Day"));
  g_clear_object (&days);
  days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_clear_object (&mosaic);
  mosaic = g_list_model_get_item (days, MOSAIC_27_SEP);
  g_assert_cmpstr (rp_taster_day_get_venue (mosaic), !=, "Elsewhere");
}

/* The check box in sight whose label starts with @prefix, or NULL. */
static GtkCheckButton *
find_check_labelled (GtkWidget  *root,
                     const char *prefix)
{
  const char *label;

  if (GTK_IS_CHECK_BUTTON (root) && gtk_widget_get_mapped (root) &&
      (label = gtk_check_button_get_label (GTK_CHECK_BUTTON (root))) != NULL && g_str_has_prefix (label, prefix))
    return GTK_CHECK_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check_labelled (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_check_labelled (GtkWidget  *root,
                    const char *prefix)
{
  return find_check_labelled (root, prefix) != NULL;
}

static guint
count_checks (GtkWidget *root)
{
  guint n = GTK_IS_CHECK_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_checks (child);

  return n;
}

static gboolean
spin_until_check (GtkWidget  *root,
                  const char *prefix)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!has_check_labelled (root, prefix) && g_get_monotonic_time () < give_up)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return has_check_labelled (root, prefix);
}

/* Booking at council scale: the dialogue builds a row for the attendees in
 * sight, not for each of 2,000; a search finds one by number, and what is
 * ticked stays ticked when the search changes. */
static void
test_book_from_a_large_programme (Fixture       *fixture,
                                  gconstpointer  data)
{
  RpWindow *window = rp_window_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) large = rp_generate_programme (fixture->store, 2000, 7, &error);
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) bookings = NULL;
  g_autoptr(RpAttendee) chosen = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *number = NULL;
  GtkWidget *page, *button, *picker, *search;
  GtkCheckButton *check;
  AdwExpanderRow *day;
  AdwMessageDialog *dialog;
  gint64 day_id;
  guint attending = 0, n_before;

  g_assert_no_error (error);
  attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (large), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);

      if (rp_attendee_get_outcome (attendee) != RP_OUTCOME_ATTENDING || rp_attendee_get_archived (attendee))
        continue;
      attending++;
      if (chosen == NULL && rp_attendee_get_number (attendee) >= 1500)
        chosen = g_object_ref (attendee);
    }
  g_assert_cmpuint (attending, >, 1000);
  g_assert_nonnull (chosen);

  rp_window_set_store (window, fixture->store);
  rp_window_set_programme (window, large);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "area", "taster-days", NULL);
  rp_test_spin ();
  page = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE, NULL, NULL);
  day = ADW_EXPANDER_ROW (rp_test_find_widget (page, ADW_TYPE_EXPANDER_ROW, NULL, NULL));
  g_assert_nonnull (day);
  adw_expander_row_set_expanded (day, TRUE);
  g_assert_true (spin_until (GTK_WIDGET (day), "_Book Attendees…"));
  button = rp_test_find_widget (GTK_WIDGET (day), GTK_TYPE_BUTTON, "label", "_Book Attendees…");
  day_id = rp_taster_day_get_id (g_object_get_data (G_OBJECT (button), "day"));
  bookings = rp_store_list_bookings (fixture->store, day_id, NULL);
  n_before = g_list_model_get_n_items (bookings);
  g_clear_object (&bookings);
  g_signal_emit_by_name (button, "clicked");
  rp_test_spin ();

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  picker = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_ATTENDEE_PICKER, NULL, NULL);
  g_assert_nonnull (picker);
  g_assert_true (spin_until_check (picker, "1 · "));
  g_assert_cmpuint (count_checks (picker), <, 300);

  /* Found by number, as typed in the search box, and ticked. */
  prefix = g_strdup_printf ("%d · ", rp_attendee_get_number (chosen));
  number = g_strdup_printf ("%d", rp_attendee_get_number (chosen));
  search = rp_test_find_widget (picker, GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), number);
  g_assert_true (spin_until_check (picker, prefix));
  g_assert_false (has_check_labelled (picker, "1 · "));
  check = find_check_labelled (picker, prefix);
  gtk_check_button_set_active (check, TRUE);
  g_assert_nonnull (rp_test_find_widget (picker, GTK_TYPE_LABEL, "label", "1 attendee ticked"));

  /* Cleared, the search shows everyone again, and the tick is kept. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_assert_true (spin_until_check (picker, "1 · "));
  g_assert_nonnull (rp_test_find_widget (picker, GTK_TYPE_LABEL, "label", "1 attendee ticked"));

  click_response (dialog, "_Save");
  g_assert_null (find_dialog ());

  bookings = rp_store_list_bookings (fixture->store, day_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (bookings), ==, n_before + 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
      {
        g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);

        found |= rp_booking_get_attendee_id (booking) == rp_attendee_get_id (chosen);
      }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}


/* Booking several people ------------------------------------------------------------ */

static gint64
worker_id (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GListModel) workers = rp_store_list_workers (fixture->store, FALSE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

      if (g_strcmp0 (rp_worker_get_name (worker), name) == 0)
        return rp_worker_get_id (worker);
    }

  g_assert_not_reached ();
}

static gint64
attendee_id (Fixture *fixture,
             int      number)
{
  g_autoptr(RpAttendee) attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), number, NULL);

  g_assert_nonnull (attendee);
  return rp_attendee_get_id (attendee);
}

static RpTasterDay *
day_on (Fixture    *fixture,
        const char *iso_date)
{
  g_autoptr(GListModel) days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);

      if (g_strcmp0 (rp_taster_day_get_date (day), iso_date) == 0)
        return g_steal_pointer (&day);
    }

  g_assert_not_reached ();
}

/* The details headed with @who in @root, or NULL. */
static RpBookingDetails *
find_details (GtkWidget  *root,
              const char *who)
{
  return RP_BOOKING_DETAILS (rp_test_find_widget (root, RP_TYPE_BOOKING_DETAILS, "who", who));
}

static AdwEntryRow *
entry_row (RpBookingDetails *details,
           const char       *title)
{
  GtkWidget *row = rp_test_find_widget (GTK_WIDGET (details), ADW_TYPE_ENTRY_ROW, "title", title);

  g_assert_nonnull (row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
staff_row (RpBookingDetails *details)
{
  return ADW_COMBO_ROW (rp_test_find_widget (GTK_WIDGET (details), ADW_TYPE_COMBO_ROW, "title", "Day centre staff going"));
}

static GtkSwitch *
arranged_switch (RpBookingDetails *details)
{
  GtkWidget *row = rp_test_find_widget (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW, "title", "Transport arranged");

  return GTK_SWITCH (rp_test_find_widget (row, GTK_TYPE_SWITCH, NULL, NULL));
}

static GtkSwitch *
needed_switch (RpBookingDetails *details)
{
  GtkWidget *row = rp_test_find_widget (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW, "title", "Transport needed");

  return GTK_SWITCH (rp_test_find_widget (row, GTK_TYPE_SWITCH, NULL, NULL));
}

static void
fill_in (RpBookingDetails *details,
         const char       *pickup,
         gint64            staff,
         const char       *family)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row (details, "Pick-up time, like 09:15")), pickup);
  rp_combo_row_set_selected_id (staff_row (details), staff);
  gtk_editable_set_text (GTK_EDITABLE (entry_row (details, "Family or carers going")), family);
}

static GString *
text_of_window (GtkWidget *window)
{
  GString *text = g_string_new (NULL);

  collect_text (window, text);
  return text;
}

/* The stored booking of attendee @number on @day, which must be the only one. */
static RpBooking *
stored_booking (Fixture     *fixture,
                RpTasterDay *day,
                int          number)
{
  g_autoptr(GListModel) bookings = rp_store_list_bookings (fixture->store, rp_taster_day_get_id (day), NULL);
  RpBooking *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
    {
      g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);

      if (rp_booking_get_attendee_id (booking) != attendee_id (fixture, number))
        continue;
      g_assert_null (found);
      found = g_steal_pointer (&booking);
    }

  return found;
}

/* A coordinator books Ben, Danny and Aisha on Pathfinders' day of 10 October
 * at once: each gets their own details, headed with their name, filled in
 * from their own record; each is given a different pick-up time, staff
 * member and family; saved, each booking has its own, and opened again,
 * each shows its own. */
static void
test_book_three_with_own_details (Fixture       *fixture,
                                  gconstpointer  data)
{
  RpWindow *window = rp_window_new (NULL);
  g_autoptr(RpTasterDay) day = day_on (fixture, "2023-10-10");
  static const struct { int number; const char *who, *pickup, *staff, *family, *prefilled; gboolean transport; } people[] = {
    { 2, "Ben (attendee 2)", "10:05", "Priya Mistry", "Margaret Clarke (mother)", "Margaret Clarke (mother)", TRUE },
    { 4, "Danny (attendee 4)", "09:30", "Sam Carter", "Grace Okoro (sister)", "Grace Okoro (sister)", FALSE },
    { 1, "Aisha Rahman (attendee 1)", "09:15", "Dee Walsh", "Nasreen Rahman (mother) and Zoë’s carer", "Nasreen Rahman (mother)", TRUE },
  };
  AdwMessageDialog *dialog, *question;
  GtkWidget *page, *button, *picker;
  AdwExpanderRow *expander;
  RpBookingDetails *typed;
  int previous = 0;

  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "area", "taster-days", NULL);
  rp_test_spin ();
  page = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE, NULL, NULL);
  expander = find_day_row (page, "2023-10-10");
  adw_expander_row_set_expanded (expander, TRUE);
  g_assert_true (spin_until (GTK_WIDGET (expander), "_Book Attendees…"));
  button = rp_test_find_widget (GTK_WIDGET (expander), GTK_TYPE_BUTTON, "label", "_Book Attendees…");
  g_signal_emit_by_name (button, "clicked");
  rp_test_spin ();
  dialog = find_dialog_headed ("Book Attendees at Pathfinders");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "Tuesday 10 October 2023, 10:30 to 13:30");
  picker = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_ATTENDEE_PICKER, NULL, NULL);
  g_assert_null (rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_BOOKING_DETAILS, NULL, NULL));

  /* Ticked in any order, each has details of their own, in number order,
   * filled in from their own record. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    rp_attendee_picker_tick (RP_ATTENDEE_PICKER (picker), attendee_id (fixture, people[i].number));
  rp_test_spin ();
  typed = find_details (GTK_WIDGET (dialog), "Danny (attendee 4)");
  g_assert_nonnull (typed);
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (typed))); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int number = rp_attendee_get_number (rp_booking_details_get_attendee (RP_BOOKING_DETAILS (child)));

      g_assert_cmpint (number, >, previous);
      previous = number;
    }
  g_assert_cmpint (previous, ==, 4);
  /* Each person's communication needs are flagged under their name. */
  {
    GtkWidget *ben = rp_test_find_widget (GTK_WIDGET (find_details (GTK_WIDGET (dialog), "Ben (attendee 2)")),
                                          RP_TYPE_COMMUNICATION_BANNER, NULL, NULL);
    GtkWidget *danny = rp_test_find_widget (GTK_WIDGET (typed), RP_TYPE_COMMUNICATION_BANNER, NULL, NULL);

    g_assert_nonnull (ben);
    g_assert_true (gtk_widget_get_mapped (ben));
    g_assert_cmpstr (rp_communication_banner_get_text (RP_COMMUNICATION_BANNER (ben)), ==,
                     "Family contact: Large print · Prefers letters");
    gtk_test_accessible_assert_property (ben, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         "Family contact: Large print · Prefers letters");
    g_assert_false (gtk_widget_get_visible (danny));
  }
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      RpBookingDetails *details = find_details (GTK_WIDGET (dialog), people[i].who);
      g_autofree char *pickup_name = g_strdup_printf ("Pick-up time for %s", people[i].who);
      g_autofree char *staff_name = g_strdup_printf ("Day centre staff going with %s", people[i].who);
      g_autofree char *family_name = g_strdup_printf ("Family or carers going with %s", people[i].who);
      g_autofree char *arranged_name = g_strdup_printf ("Transport arranged for %s", people[i].who);

      g_assert_nonnull (details);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (details, "Family or carers going"))), ==, people[i].prefilled);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (details, "Pick-up time, like 09:15"))), ==, "");
      g_assert_cmpint (gtk_switch_get_active (needed_switch (details)), ==, people[i].transport);
      g_assert_false (gtk_switch_get_active (arranged_switch (details)));
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (entry_row (details, "Feedback after the day"))));
      /* A screen reader hears whose field it is in. */
      gtk_test_accessible_assert_property (entry_row (details, "Pick-up time, like 09:15"), GTK_ACCESSIBLE_PROPERTY_LABEL, pickup_name);
      gtk_test_accessible_assert_property (staff_row (details), GTK_ACCESSIBLE_PROPERTY_LABEL, staff_name);
      gtk_test_accessible_assert_property (entry_row (details, "Family or carers going"), GTK_ACCESSIBLE_PROPERTY_LABEL, family_name);
      gtk_test_accessible_assert_property (arranged_switch (details), GTK_ACCESSIBLE_PROPERTY_LABEL, arranged_name);

      fill_in (details, people[i].pickup, worker_id (fixture, people[i].staff), people[i].family);
      gtk_switch_set_active (arranged_switch (details), people[i].transport);
    }

  /* Unticked, Danny's details go out of sight; ticked again, they are as typed. */
  typed = find_details (GTK_WIDGET (dialog), "Danny (attendee 4)");
  rp_attendee_picker_untick (RP_ATTENDEE_PICKER (picker), attendee_id (fixture, 4));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (typed)));
  rp_attendee_picker_tick (RP_ATTENDEE_PICKER (picker), attendee_id (fixture, 4));
  g_assert_true (find_details (GTK_WIDGET (dialog), "Danny (attendee 4)") == typed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (typed)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (typed, "Pick-up time, like 09:15"))), ==, "09:30");

  /* The whole dialogue still fits a phone: it scrolls instead. */
  {
    int min_width = 0, min_height = 0;

    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_VERTICAL, 360, &min_height, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 360);
    g_assert_cmpint (min_height, <=, 640);
  }

  click_response (dialog, "_Save");
  /* Aisha uses a wheelchair, and Pathfinders' notes say step-free: nothing
   * to ask, unless a rule warns; then going ahead books all three. */
  question = find_dialog_headed ("Save Anyway?");
  if (question != NULL)
    {
      adw_message_dialog_response (question, "save");
      rp_test_spin ();
    }
  g_assert_null (find_dialog_headed ("Book Attendees at Pathfinders"));

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(RpBooking) saved = stored_booking (fixture, day, people[i].number);
      RpBookingDialog *edit;
      RpBookingDetails *details;
      g_autofree char *heading = NULL;

      g_assert_nonnull (saved);
      g_assert_cmpstr (rp_booking_get_pickup_time (saved), ==, people[i].pickup);
      g_assert_cmpint (rp_booking_get_staff_id (saved), ==, worker_id (fixture, people[i].staff));
      g_assert_cmpstr (rp_booking_get_family_attending (saved), ==, people[i].family);
      g_assert_cmpint (rp_booking_get_transport_needed (saved), ==, people[i].transport);
      g_assert_cmpint (rp_booking_get_transport_arranged (saved), ==, people[i].transport);
      g_assert_cmpint (rp_booking_get_status (saved), ==, RP_BOOKING_INVITED);

      /* Opened again, each shows its own, with feedback to fill in. */
      edit = rp_booking_dialog_new (NULL, fixture->store, fixture->programme, day, saved);
      details = find_details (GTK_WIDGET (edit), people[i].who);
      g_assert_nonnull (details);
      g_assert_null (rp_test_find_widget (GTK_WIDGET (edit), RP_TYPE_ATTENDEE_PICKER, NULL, NULL));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (details, "Pick-up time, like 09:15"))), ==, people[i].pickup);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (details, "Family or carers going"))), ==, people[i].family);
      g_assert_cmpint (rp_combo_row_get_selected_id (staff_row (details)), ==, worker_id (fixture, people[i].staff));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry_row (details, "Feedback after the day"))));
      gtk_window_destroy (GTK_WINDOW (edit));
    }

  /* Ella's booking of before is as it was. */
  {
    g_autoptr(RpBooking) ella = stored_booking (fixture, day, 5);

    g_assert_cmpstr (rp_booking_get_family_attending (ella), ==, "Susan (mother)");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

/* Ella is already booked on Mosaic's day: the list shows it, she is never
 * booked again, and the others can be. Danny, booked there by another program while the
 * question is open, is left out and named; Harry is booked. */
static void
test_already_booked_and_another_writer (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTasterDay) day = day_on (fixture, "2023-09-27");
  g_autoptr(RpStore) theirs = NULL;
  g_autoptr(RpBooking) danny = NULL;
  g_autoptr(RpBooking) stored = NULL;
  g_autoptr(GString) text = NULL;
  RpBookingDialog *dialog = rp_booking_dialog_new (NULL, fixture->store, fixture->programme, day, NULL);
  AdwMessageDialog *question, *notice;
  GtkWidget *picker;

  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();
  picker = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_ATTENDEE_PICKER, NULL, NULL);

  /* The list says she is booked and will not tick her. */
  g_assert_true (spin_until_check (picker, "5 · Ella Morgan — already booked"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_check_labelled (picker, "5 · Ella Morgan — already booked"))));
  rp_attendee_picker_tick (RP_ATTENDEE_PICKER (picker), attendee_id (fixture, 5));
  {
    g_autoptr(GArray) ticked = rp_attendee_picker_get_ticked (RP_ATTENDEE_PICKER (picker));

    g_assert_cmpuint (ticked->len, ==, 0);
  }

  /* A list opened before her booking was made would not know: then the
   * save itself refuses to book her twice. */
  {
    g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (gint64));

    rp_attendee_picker_set_booked (RP_ATTENDEE_PICKER (picker), none);
  }
  for (guint i = 0; i < 3; i++)
    {
      static const int numbers[] = { 5, 4, 8 };

      rp_attendee_picker_tick (RP_ATTENDEE_PICKER (picker), attendee_id (fixture, numbers[i]));
    }
  fill_in (find_details (GTK_WIDGET (dialog), "Harry Doyle (attendee 8)"), "09:50", 0, "Ann Doyle (mother)");
  fill_in (find_details (GTK_WIDGET (dialog), "Danny (attendee 4)"), "09:40", 0, "Grace Okoro (sister)");

  /* Asked first, Ella named, and no way to book her twice. */
  click_response (ADW_MESSAGE_DIALOG (dialog), "_Save");
  question = find_dialog_headed ("Book Only the Others?");
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==, "1 of the 3 people ticked has something to check first:");
  text = text_of_window (GTK_WIDGET (question));
  g_assert_nonnull (strstr (text->str, "Ella Morgan (attendee 5) already has a booking on this day, 27 September 2023 with Mosaic:"
                                       " change that booking instead of booking them twice."));
  g_assert_true (adw_message_dialog_has_response (question, "others"));
  g_assert_true (adw_message_dialog_has_response (question, "back"));
  g_assert_false (adw_message_dialog_has_response (question, "save"));

  /* Meanwhile another program books Danny there. */
  theirs = rp_store_open (rp_store_get_path (fixture->store), RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  danny = rp_booking_new ();
  rp_booking_set_taster_day_id (danny, rp_taster_day_get_id (day));
  rp_booking_set_attendee_id (danny, attendee_id (fixture, 4));
  rp_booking_set_pickup_time (danny, "11:11");
  g_assert_true (rp_store_add_booking (theirs, danny, &error));

  adw_message_dialog_response (question, "others");
  rp_test_spin ();
  g_assert_null (find_dialog_headed ("Book Attendees at Mosaic"));
  notice = find_dialog_headed ("The Others Were Booked");
  g_assert_nonnull (notice);
  g_assert_cmpstr (adw_message_dialog_get_body (notice), ==,
                   "Danny (attendee 4) was not booked: someone else booked them on this day while you were filling in."
                   " Change that booking instead.");
  gtk_window_destroy (GTK_WINDOW (notice));

  /* Harry booked with his details; Danny and Ella once each, as they were. */
  stored = stored_booking (fixture, day, 8);
  g_assert_cmpstr (rp_booking_get_pickup_time (stored), ==, "09:50");
  g_clear_object (&stored);
  stored = stored_booking (fixture, day, 4);
  g_assert_cmpstr (rp_booking_get_pickup_time (stored), ==, "11:11");
  g_clear_object (&stored);
  stored = stored_booking (fixture, day, 5);
  g_assert_cmpstr (rp_booking_get_pickup_time (stored), ==, "10:15");

  g_clear_object (&theirs);
  rp_test_spin ();
}

/* Ben is at Pathfinders on the morning of 19 October: booked on another day
 * that afternoon, he is warned of before saving, by name, with the day;
 * going back keeps the form as it was; going ahead books him. */
static void
test_same_date_warned_before_saving (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTasterDay) morning = day_on (fixture, "2023-10-19");
  g_autoptr(RpTasterDay) afternoon = rp_taster_day_copy (morning);
  g_autoptr(RpBooking) stored = NULL;
  g_autoptr(GString) text = NULL;
  RpBookingDialog *dialog;
  AdwMessageDialog *question;
  GtkWidget *picker;

  rp_taster_day_set_id (afternoon, 0);
  rp_taster_day_set_start_time (afternoon, "14:00");
  rp_taster_day_set_end_time (afternoon, "16:00");
  g_assert_true (rp_store_add_taster_day (fixture->store, afternoon, &error));
  g_assert_no_error (error);

  dialog = rp_booking_dialog_new (NULL, fixture->store, fixture->programme, afternoon, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();
  picker = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_ATTENDEE_PICKER, NULL, NULL);
  rp_attendee_picker_tick (RP_ATTENDEE_PICKER (picker), attendee_id (fixture, 2));
  gtk_switch_set_active (arranged_switch (find_details (GTK_WIDGET (dialog), "Ben (attendee 2)")), TRUE);

  click_response (ADW_MESSAGE_DIALOG (dialog), "_Save");
  question = find_dialog_headed ("Save Anyway?");
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==, "Check this first:");
  text = text_of_window (GTK_WIDGET (question));
  g_assert_nonnull (strstr (text->str, "Ben (attendee 2) is already booked on 19 October 2023 with Pathfinders."));
  g_assert_false (adw_message_dialog_has_response (question, "others"));

  adw_message_dialog_response (question, "back");
  rp_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (find_details (GTK_WIDGET (dialog), "Ben (attendee 2)"));
  g_assert_true (gtk_switch_get_active (arranged_switch (find_details (GTK_WIDGET (dialog), "Ben (attendee 2)"))));
  g_assert_null (stored_booking (fixture, afternoon, 2));

  click_response (ADW_MESSAGE_DIALOG (dialog), "_Save");
  question = find_dialog_headed ("Save Anyway?");
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "save");
  rp_test_spin ();
  stored = stored_booking (fixture, afternoon, 2);
  g_assert_nonnull (stored);
  g_assert_true (rp_booking_get_transport_arranged (stored));
}

/* A pick-up time that is not a time keeps the dialogue open, marks the
 * field and says whose it is. */
static void
test_wrong_time_names_the_person (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RpTasterDay) day = day_on (fixture, "2023-10-10");
  RpBookingDialog *dialog = rp_booking_dialog_new (NULL, fixture->store, fixture->programme, day, NULL);
  AdwMessageDialog *problem;
  AdwEntryRow *pickup;
  GtkWidget *picker;

  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();
  picker = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_ATTENDEE_PICKER, NULL, NULL);
  rp_attendee_picker_tick (RP_ATTENDEE_PICKER (picker), attendee_id (fixture, 8));
  rp_attendee_picker_tick (RP_ATTENDEE_PICKER (picker), attendee_id (fixture, 4));
  pickup = entry_row (find_details (GTK_WIDGET (dialog), "Danny (attendee 4)"), "Pick-up time, like 09:15");
  gtk_editable_set_text (GTK_EDITABLE (pickup), "9.30am");

  click_response (ADW_MESSAGE_DIALOG (dialog), "_Save");
  problem = find_dialog_headed ("The Booking Was Not Saved");
  g_assert_nonnull (problem);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (problem), "Pick-up time for Danny (attendee 4): "));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (pickup), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (stored_booking (fixture, day, 8));
  gtk_window_destroy (GTK_WINDOW (problem));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();
}

/* Names are text, not markup: "&" or "<b>" in a name shows as typed on the
 * agenda and in its warnings, instead of blanking the row. */
static void
test_names_are_not_markup (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) ben = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 2, NULL);
  RpWindow *window = rp_window_new (NULL);
  AdwExpanderRow *expander;
  GtkWidget *page, *row;

  rp_attendee_set_full_name (ben, "Benjamin Clarke & <b>Co</b>");
  rp_attendee_set_preferred_name (ben, "Ben & <i>Jo</i>");
  g_assert_true (rp_store_save_attendee (fixture->store, ben, &error));
  g_assert_no_error (error);

  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "area", "taster-days", NULL);
  rp_test_spin ();
  page = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE, NULL, NULL);
  expander = find_day_row (page, "2023-10-19");
  adw_expander_row_set_expanded (expander, TRUE);
  g_assert_true (spin_until (GTK_WIDGET (expander), "_Book Attendees…"));

  row = rp_test_find_widget (GTK_WIDGET (expander), ADW_TYPE_ACTION_ROW, "title", "2 · Ben & <i>Jo</i>");
  g_assert_nonnull (row);
  g_assert_nonnull (rp_test_find_widget (row, GTK_TYPE_LABEL, "label", "2 · Ben & <i>Jo</i>"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "⚠ Ben & <i>Jo</i> (attendee 2) needs transport on 19 October 2023 with Pathfinders"));

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

/* An open day's buttons fit a phone's width (360 px): they wrap. */
static void
test_open_day_fits_narrow (Fixture       *fixture,
                           gconstpointer  data)
{
  RpWindow *window = rp_window_new (NULL);
  AdwExpanderRow *expander;
  GtkWidget *page;
  int min_width = 0;

  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "area", "taster-days", NULL);
  rp_test_spin ();
  page = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE, NULL, NULL);
  expander = find_day_row (page, "2023-10-10");
  adw_expander_row_set_expanded (expander, TRUE);
  g_assert_true (spin_until (GTK_WIDGET (expander), "Ca_ncel Day…"));

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  /* Each button still reachable by keyboard. */
  g_assert_true (gtk_widget_grab_focus (rp_test_find_widget (GTK_WIDGET (expander), GTK_TYPE_BUTTON, "label", "Ca_ncel Day…")));

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/taster-days/cancel-day-keeps-bookings", test_cancel_day_keeps_bookings);
  ADD ("/gui/taster-days/closed-day-shows-warning", test_closed_day_shows_warning);
  ADD ("/gui/taster-days/large-day-filled-over-frames", test_large_day_filled_over_frames);
  ADD ("/gui/taster-days/family-sees-only-their-days", test_family_sees_only_their_days);
  ADD ("/gui/taster-days/family-window-sections", test_family_window_sections);
  ADD ("/gui/taster-days/family-window-follows-needs", test_family_window_follows_needs);
  ADD ("/gui/taster-days/family-sheet-format-printed", test_family_sheet_format_printed);
  ADD ("/gui/taster-days/unsaved-day-keeps-what-was-typed", test_unsaved_day_keeps_what_was_typed);
  ADD ("/gui/taster-days/edit-day-shows-stored-values", test_edit_day_shows_stored_values);
  ADD ("/gui/taster-days/date-row", test_date_row);
  ADD ("/gui/taster-days/book-from-a-large-programme", test_book_from_a_large_programme);
  ADD ("/gui/taster-days/book-three-with-own-details", test_book_three_with_own_details);
  ADD ("/gui/taster-days/already-booked-and-another-writer", test_already_booked_and_another_writer);
  ADD ("/gui/taster-days/same-date-warned-before-saving", test_same_date_warned_before_saving);
  ADD ("/gui/taster-days/wrong-time-names-the-person", test_wrong_time_names_the_person);
  ADD ("/gui/taster-days/open-day-fits-narrow", test_open_day_fits_narrow);
  ADD ("/gui/taster-days/names-are-not-markup", test_names_are_not_markup);
#undef ADD

  return g_test_run ();
}
