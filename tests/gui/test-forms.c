/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-forms.c: the booking dialogue, the combo rows that offer the store's records, and the workers and providers windows */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rp-booking-details.h"
#include "rp-booking-dialog.h"
#include "rp-choices.h"
#include "rp-core.h"
#include "rp-gui-test-util.h"
#include "rp-providers-window.h"
#include "rp-taster-days-page.h"
#include "rp-test-util.h"
#include "rp-window.h"
#include "rp-workers-window.h"

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
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
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

static void
on_bookings_saved (RpBookingDialog  *dialog,
                   GPtrArray        *bookings,
                   GPtrArray       **saved)
{
  g_clear_pointer (saved, g_ptr_array_unref);
  *saved = g_ptr_array_ref (bookings);
}

/* The position in @row's choices of the record named @name, or G_MAXUINT. */
static guint
find_choice (AdwComboRow *row,
             const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *found = NULL;

      g_object_get (item, "name", &found, NULL);
      if (g_strcmp0 (found, name) == 0)
        return i;
    }

  return G_MAXUINT;
}

/* @booking as now stored. */
static RpBooking *
stored_booking (RpStore   *store,
                RpBooking *booking)
{
  g_autoptr(GListModel) bookings = rp_store_list_bookings (store, rp_booking_get_taster_day_id (booking), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
    {
      g_autoptr(RpBooking) one = g_list_model_get_item (bookings, i);

      if (rp_booking_get_id (one) == rp_booking_get_id (booking))
        return g_steal_pointer (&one);
    }

  return NULL;
}

/* Editing a booking: the staff offered are those in the store, one added
 * elsewhere included, and the one chosen is saved; a warning asks first,
 * and going back leaves the form as it was typed. */
static void
test_booking_saves_chosen_staff (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GListModel) days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(RpTasterDay) day = NULL;
  g_autoptr(GListModel) bookings = NULL;
  g_autoptr(RpBooking) booking = NULL;
  g_autoptr(RpBooking) stored = NULL;
  g_autoptr(RpWorker) priya = rp_worker_new ();
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  RpBookingDialog *dialog;
  AdwMessageDialog *question;
  AdwComboRow *staff;
  GtkWidget *arranged;
  guint position;

  for (guint i = 0; day == NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) one = g_list_model_get_item (days, i);

      if (g_strcmp0 (rp_taster_day_get_date (one), "2023-10-19") == 0)
        day = g_steal_pointer (&one);
    }
  g_assert_nonnull (day);
  bookings = rp_store_list_bookings (fixture->store, rp_taster_day_get_id (day), NULL);
  booking = g_list_model_get_item (bookings, 0);
  g_assert_true (rp_booking_get_transport_needed (booking));
  g_assert_false (rp_booking_get_transport_arranged (booking));

  dialog = rp_booking_dialog_new (NULL, fixture->store, fixture->programme, day, booking);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_bookings_saved), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Booking at Pathfinders");
  /* The day under the heading, and the details headed with Ben's name as the coordinator knows him. */
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "Thursday 19 October 2023, 10:30 to 13:30");
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_BOOKING_DETAILS, "who", "Ben (attendee 2)"));
  staff = ADW_COMBO_ROW (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "title", "Day centre staff going"));
  g_assert_nonnull (staff);
  g_assert_cmpuint (find_choice (staff, "Priya Shah"), ==, G_MAXUINT);

  /* Added in the workers window, say, while the booking is open. */
  rp_worker_set_name (priya, "Priya Shah");
  rp_worker_set_initials (priya, "PS");
  rp_worker_set_role (priya, RP_WORKER_ROLE_DAY_CENTRE_STAFF);
  rp_store_add_worker (fixture->store, priya, &error);
  g_assert_no_error (error);
  rp_test_spin ();
  position = find_choice (staff, "Priya Shah");
  g_assert_cmpuint (position, !=, G_MAXUINT);
  adw_combo_row_set_selected (staff, position);
  g_assert_cmpint (rp_combo_row_get_selected_id (staff), ==, rp_worker_get_id (priya));

  /* Transport is needed and not arranged: asked first, and going back keeps what was chosen. */
  click_response (ADW_MESSAGE_DIALOG (dialog), "_Save");
  question = find_dialog_headed ("Save Anyway?");
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==, "Check this first:");
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (question), GTK_TYPE_LABEL, "label",
                                         "Ben (attendee 2) needs transport on 19 October 2023 with Pathfinders, and it is not arranged yet."));
  /* Editing one booking, there are no others to book instead. */
  g_assert_false (adw_message_dialog_has_response (question, "others"));
  click_response (question, "_Go Back");
  g_assert_null (find_dialog_headed ("Save Anyway?"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (adw_combo_row_get_selected (staff), ==, position);
  g_assert_null (saved);
  stored = stored_booking (fixture->store, booking);
  g_assert_cmpint (rp_booking_get_staff_id (stored), ==, rp_booking_get_staff_id (booking));
  g_clear_object (&stored);

  /* Put right, it saves without asking, and the dialogue goes. */
  arranged = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "title", "Transport arranged");
  gtk_switch_set_active (GTK_SWITCH (rp_test_find_widget (arranged, GTK_TYPE_SWITCH, NULL, NULL)), TRUE);
  click_response (ADW_MESSAGE_DIALOG (dialog), "_Save");
  g_assert_null (find_dialog_headed ("Save Anyway?"));
  g_assert_null (find_dialog_headed ("Booking at Pathfinders"));
  g_assert_nonnull (saved);
  g_assert_cmpuint (saved->len, ==, 1);
  stored = stored_booking (fixture->store, booking);
  g_assert_cmpint (rp_booking_get_staff_id (stored), ==, rp_worker_get_id (priya));
  g_assert_true (rp_booking_get_transport_arranged (stored));
}

/* Booking with nobody ticked is refused, says why, and keeps the
 * dialogue open with what was typed. Nobody ticked, there are no details
 * to fill in: they come with each person ticked. */
static void
test_booking_needs_an_attendee (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GListModel) days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(RpTasterDay) day = g_list_model_get_item (days, 0);
  g_autoptr(GListModel) before = rp_store_list_bookings (fixture->store, rp_taster_day_get_id (day), NULL);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  RpBookingDialog *dialog = rp_booking_dialog_new (NULL, fixture->store, fixture->programme, day, NULL);
  AdwMessageDialog *problem;
  GtkWidget *search;
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_signal_connect (dialog, "saved", G_CALLBACK (on_bookings_saved), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The picker reads the attendees in a thread. */
  while (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "label", "Tick the attendees to book.") == NULL &&
         g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Book Attendees at Mosaic");
  g_assert_null (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Family or carers going"));
  search = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "Zoë O’Brien");

  click_response (ADW_MESSAGE_DIALOG (dialog), "_Save");
  problem = find_dialog_headed ("The Booking Was Not Saved");
  g_assert_nonnull (problem);
  g_assert_cmpstr (adw_message_dialog_get_body (problem), ==, "Tick at least one attendee to book.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "Zoë O’Brien");
  g_assert_null (saved);
  after = rp_store_list_bookings (fixture->store, rp_taster_day_get_id (day), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));

  gtk_window_destroy (GTK_WINDOW (problem));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();
}

/* The label in sight that says what is wrong, or NULL. */
static GtkWidget *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error") && gtk_widget_get_visible (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The providers window lists the store's providers and follows it: an edit
 * made in a row is saved and shown, a provider added elsewhere appears, and
 * one refused says why and keeps what was typed. */
static void
test_providers_window (Fixture       *fixture,
                       gconstpointer  data)
{
  RpProvidersWindow *window = rp_providers_window_new (NULL, fixture->store);
  g_autoptr(RpProvider) elsewhere = rp_provider_new ();
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row, *framework, *name, *error_label;

  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();
  row = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Mosaic");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "On the framework");

  /* Off the framework: saved, and the row says so. */
  framework = rp_test_find_widget (rp_test_find_widget (row, ADW_TYPE_ACTION_ROW, "title", "On the council’s framework"),
                                   GTK_TYPE_SWITCH, NULL, NULL);
  gtk_switch_set_active (GTK_SWITCH (framework), FALSE);
  rp_test_spin ();
  row = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Mosaic");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Not on the framework");
  providers = rp_store_list_providers (fixture->store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(RpProvider) provider = g_list_model_get_item (providers, i);

      g_assert_true (rp_provider_get_on_framework (provider) == (g_strcmp0 (rp_provider_get_name (provider), "Mosaic") != 0));
    }

  /* Added from elsewhere, it is listed without reopening the window. */
  rp_provider_set_name (elsewhere, "Hollybank Trust");
  rp_store_add_provider (fixture->store, elsewhere, &error);
  g_assert_no_error (error);
  rp_test_spin ();
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Hollybank Trust"));

  /* A name emptied is refused, said, and left as typed. */
  row = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Hollybank Trust");
  name = rp_test_find_widget (row, ADW_TYPE_ENTRY_ROW, "title", "Name");
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  g_signal_emit_by_name (name, "apply");
  rp_test_spin ();
  error_label = find_error_label (GTK_WIDGET (window));
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), !=, "");
  g_assert_true (rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Hollybank Trust") == row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

/* The provider filter offers the store's providers: one added elsewhere is
 * offered too, and the one chosen stays chosen, its days alone shown. */
static void
test_provider_filter_follows_store (Fixture       *fixture,
                                    gconstpointer  data)
{
  RpWindow *window = rp_window_new (NULL);
  g_autoptr(RpProvider) aardvark = rp_provider_new ();
  g_autoptr(GError) error = NULL;
  GtkDropDown *filter;
  GtkWidget *page;
  RpProvider *chosen;

  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "area", "taster-days", NULL);
  rp_test_spin ();
  page = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE, NULL, NULL);
  filter = GTK_DROP_DOWN (rp_test_find_widget (page, GTK_TYPE_DROP_DOWN, NULL, NULL));
  gtk_drop_down_set_selected (filter, 4);
  rp_test_spin ();
  chosen = gtk_drop_down_get_selected_item (filter);
  g_assert_true (RP_IS_PROVIDER (chosen));
  g_assert_cmpstr (rp_provider_get_name (chosen), ==, "Pathfinders");
  g_assert_null (rp_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "title", "To Be Confirmed"));

  rp_provider_set_name (aardvark, "Aardvark Care");
  rp_store_add_provider (fixture->store, aardvark, &error);
  g_assert_no_error (error);
  rp_test_spin ();

  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (filter)), ==, 6);
  {
    g_autoptr(RpProvider) first = g_list_model_get_item (gtk_drop_down_get_model (filter), 1);

    g_assert_cmpstr (rp_provider_get_name (first), ==, "Aardvark Care");
  }
  chosen = gtk_drop_down_get_selected_item (filter);
  g_assert_cmpstr (rp_provider_get_name (chosen), ==, "Pathfinders");
  g_assert_null (rp_test_find_widget (page, ADW_TYPE_PREFERENCES_GROUP, "title", "To Be Confirmed"));
  g_assert_nonnull (find_day_row (page, "2023-10-19"));

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

/* The workers window: a worker added in its form is listed, an edit in a
 * row is saved and shown, and a worker added elsewhere appears without
 * reopening the window. */
static void
test_workers_window (Fixture       *fixture,
                               gconstpointer  data)
{
  RpWorkersWindow *window = rp_workers_window_new (NULL, fixture->store, fixture->programme);
  g_autoptr(RpWorker) elsewhere = rp_worker_new ();
  g_autoptr(GListModel) workers = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *form, *row, *team;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Hannah Ward"));

  /* Added in the form. */
  form = rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_GROUP, "title", "Add a Worker");
  g_assert_nonnull (form);
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "title", "Name")), "Nia Brooks");
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "title",
                                                            "Initials, as task owners are shown")), "NB");
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "title",
                                                            "Phone number families may call")), "0116 496 0210");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "record-list.add", NULL));
  rp_test_spin ();
  row = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Nia Brooks");
  g_assert_nonnull (row);

  /* Her team, typed in her row and confirmed, is saved and shown. */
  team = rp_test_find_widget (row, ADW_TYPE_ENTRY_ROW, "title", "Team");
  gtk_editable_set_text (GTK_EDITABLE (team), "Transitions Team");
  g_signal_emit_by_name (team, "apply");
  rp_test_spin ();
  row = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Nia Brooks");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Social worker · Transitions Team · 0 attendees allocated");
  workers = rp_store_list_workers (fixture->store, TRUE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

      if (g_strcmp0 (rp_worker_get_name (worker), "Nia Brooks") == 0)
        {
          g_assert_cmpstr (rp_worker_get_team (worker), ==, "Transitions Team");
          g_assert_cmpstr (rp_worker_get_initials (worker), ==, "NB");
          g_assert_cmpstr (rp_worker_get_phone (worker), ==, "0116 496 0210");
          found = TRUE;
        }
    }
  g_assert_true (found);
  /* Her number is in her row to change. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_find_widget (row, ADW_TYPE_ENTRY_ROW, "title",
                                                                             "Phone number families may call"))),
                   ==, "0116 496 0210");

  /* Her role, chosen in her row, likewise. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_find_widget (row, ADW_TYPE_COMBO_ROW, "title", "Role")),
                              RP_WORKER_ROLE_DAY_CENTRE_STAFF);
  rp_test_spin ();
  row = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Nia Brooks");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Day centre staff · Transitions Team · 0 attendees allocated");

  /* Added elsewhere, listed at once. */
  rp_worker_set_name (elsewhere, "Aaron Abbott");
  rp_worker_set_initials (elsewhere, "AA");
  rp_store_add_worker (fixture->store, elsewhere, &error);
  g_assert_no_error (error);
  rp_test_spin ();
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_RECORD_ROW, "title", "Aaron Abbott"));

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
  ADD ("/gui/forms/booking-saves-chosen-staff", test_booking_saves_chosen_staff);
  ADD ("/gui/forms/booking-needs-an-attendee", test_booking_needs_an_attendee);
  ADD ("/gui/forms/provider-filter-follows-store", test_provider_filter_follows_store);
  ADD ("/gui/forms/providers-window", test_providers_window);
  ADD ("/gui/forms/workers-window", test_workers_window);
#undef ADD

  return g_test_run ();
}
