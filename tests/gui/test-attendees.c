/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-attendees.c: a social worker finds an attendee, moves them a step, undoes it and edits a field */

#include "config.h"

#include "rp-communication-banner.h"
#include "rp-communication-editor.h"

#include <adwaita.h>
#include <string.h>

#include "rp-after-move-group.h"
#include "rp-attendee-detail-page.h"
#include "rp-review-dialog.h"
#include "rp-attendee-row.h"
#include "rp-attendee-table.h"
#include "rp-attendee-list-page.h"
#include "rp-date-row.h"
#include "rp-field-message.h"
#include "rp-step-change-dialog.h"
#include "rp-contact-dialog.h"
#include "rp-step-dots.h"
#include "rp-new-attendee-window.h"
#include "rp-stepper.h"
#include "rp-reports-page.h"
#include "rp-cell-text.h"
#include "rp-core.h"
#include "rp-audit-entry-private.h"
#include "rp-store-private.h"
#include "rp-gui-test-util.h"
#include "rp-preferences-window.h"
#include "rp-test-util.h"
#include "rp-window.h"

typedef struct
{
  char            *dir;
  RpStore         *store;
  RpProgramme     *programme;
  RpWindow        *window;
  RpAttendeeListPage *page;
} Fixture;

/* Runs the main loop until @done is true, for five seconds at most. */
static gboolean
spin_until (gboolean (*done) (Fixture *), Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return done (fixture);
}

static gboolean
list_settled (Fixture *fixture)
{
  return !rp_attendee_list_get_busy (rp_attendee_list_page_get_list (fixture->page));
}

/* The list reads, filters and sorts in a thread: waits for its answer. */
static void
settle (Fixture *fixture)
{
  rp_test_spin ();
  g_assert_true (spin_until (list_settled, fixture));
  rp_test_spin ();
}

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
  rp_store_set_user (fixture->store, "jtaylor");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);

  fixture->window = rp_window_new (NULL);
  rp_window_set_store (fixture->window, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  rp_test_spin ();

  fixture->page = RP_ATTENDEE_LIST_PAGE (rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_ATTENDEE_LIST_PAGE, NULL, NULL));
  g_assert_nonnull (fixture->page);
  /* The attendee's page is made when one is first opened. */
  g_assert_null (rp_test_find_widget (GTK_WIDGET (fixture->page), RP_TYPE_ATTENDEE_DETAIL_PAGE, NULL, NULL));
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rp_attendee_list_page_get_list (fixture->page))), ==, 19);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rp_test_spin ();
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static guint
shown (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (rp_attendee_list_page_get_list (fixture->page)));
}

static gboolean
one_shown (Fixture *fixture)
{
  return shown (fixture) == 1;
}

static int
number_at (Fixture *fixture,
           guint    position)
{
  return rp_attendee_get_number (rp_attendee_list_get_attendee (rp_attendee_list_page_get_list (fixture->page), position));
}

static void
test_attendees_filter_and_search (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *search = rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  GtkWidget *step_dropdown = rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_DROP_DOWN, NULL, NULL);
  GtkWidget *clear;

  /* Typing in the search box finds Sam by his preferred name. */
  gtk_editable_set_text (GTK_EDITABLE (search), "sam");
  g_assert_true (spin_until (one_shown, fixture));
  g_assert_cmpint (number_at (fixture, 0), ==, 18);

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 19);

  /* The step filter in the popover: step 4 has six attendees in the reference table. */
  g_assert_nonnull (step_dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (step_dropdown), 4);
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(RpAttendeeListRow) row = g_list_model_get_item (G_LIST_MODEL (rp_attendee_list_page_get_list (fixture->page)), i);
      g_assert_cmpint (rp_attendee_get_step (rp_attendee_list_row_get_attendee (row)), ==, 4);
    }

  /* The status filter on top: four of them are Health. */
  g_object_set (rp_attendee_list_page_get_filter (fixture->page), "funding", (int) RP_FUNDING_HEALTH, NULL);
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 4);

  clear = rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "label", "_Clear Filters");
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_activate_action (clear, "attendees.clear-filters", NULL));
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 19);
}

static void
test_attendees_sort (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *column = NULL;

  rp_attendee_list_page_sort_by (fixture->page, "name", GTK_SORT_ASCENDING);
  settle (fixture);
  g_assert_cmpint (number_at (fixture, 0), ==, 1);   /* Aisha Rahman */
  g_assert_cmpint (number_at (fixture, 18), ==, 19); /* Tara Quinn */

  rp_attendee_list_page_sort_by (fixture->page, "step", GTK_SORT_DESCENDING);
  settle (fixture);
  g_assert_cmpint (number_at (fixture, 0), ==, 19);  /* the only one at step 5 */

  /* The sort is remembered for the next start. */
  column = g_settings_get_string (settings, "attendees-sort-column");
  g_assert_cmpstr (column, ==, "step");
  g_assert_true (g_settings_get_boolean (settings, "attendees-sort-descending"));

  rp_attendee_list_page_sort_by (fixture->page, "number", GTK_SORT_ASCENDING);
  settle (fixture);
  g_assert_cmpint (number_at (fixture, 0), ==, 1);
}

/* "My attendees" lists each active worker with their caseload as it is when
 * the menu opens, and choosing one shows just their attendees. */
static void
test_attendees_worker_menu (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *button = rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_MENU_BUTTON,
                                           "icon-name", "avatar-default-symbolic");
  g_autoptr(GListModel) workers = rp_store_list_workers (fixture->store, TRUE, NULL);
  g_autoptr(RpWorker) worker = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *label = NULL;
  GMenuModel *menu, *section;
  guint caseload = 0;
  guint line = 0;

  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "My attendees");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE);

  /* Nothing is counted until it opens. */
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rp_test_spin ();
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Everyone");

  section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, g_list_model_get_n_items (workers));
  /* Each worker's line, up to the first with attendees allocated. */
  for (guint i = 0; caseload == 0 && i < g_list_model_get_n_items (workers); i++)
    {
      line = i;
      g_clear_object (&worker);
      worker = g_list_model_get_item (workers, i);
      caseload = rp_store_count_caseload (fixture->store, rp_programme_get_id (fixture->programme),
                                          rp_worker_get_id (worker), NULL);
      g_clear_pointer (&expected, g_free);
      expected = g_strdup_printf ("%s (%u)", rp_worker_get_name (worker), caseload);
      g_clear_pointer (&label, g_free);
      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_cmpstr (label, ==, expected);
    }
  g_assert_cmpuint (caseload, >, 0);
  g_object_unref (section);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  g_assert_true (gtk_widget_activate_action (button, "attendees.show-worker", "x", rp_worker_get_id (worker)));
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, caseload);

  /* The list says it is narrowed, and to whom, with one click to show all. */
  {
    g_autofree char *said = g_strdup_printf ("Showing only attendees allocated to %s", rp_worker_get_name (worker));
    GtkWidget *bar = rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, "label", said);
    GtkWidget *show_all = rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "label", "_Show All");

    g_assert_nonnull (bar);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER))));
    g_assert_nonnull (show_all);
    g_signal_emit_by_name (show_all, "clicked");
    settle (fixture);
    g_assert_cmpuint (shown (fixture), ==, 19);
    g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER))));

    g_assert_true (gtk_widget_activate_action (button, "attendees.show-worker", "x", rp_worker_get_id (worker)));
    settle (fixture);
    g_assert_cmpuint (shown (fixture), ==, caseload);
  }

  /* One more allocated meanwhile shows the next time it opens. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RpAttendee) unallocated = NULL;
    g_autoptr(GListModel) attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), &error);

    for (guint i = 0; unallocated == NULL && i < g_list_model_get_n_items (attendees); i++)
      {
        g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);

        if (rp_attendee_get_worker_id (attendee) != rp_worker_get_id (worker) &&
            rp_attendee_get_outcome (attendee) == RP_OUTCOME_ATTENDING && !rp_attendee_get_archived (attendee))
          unallocated = g_steal_pointer (&attendee);
      }
    g_assert_nonnull (unallocated);
    rp_attendee_set_worker_id (unallocated, rp_worker_get_id (worker));
    g_assert_true (rp_store_save_attendee (fixture->store, unallocated, &error));
    g_assert_no_error (error);
    caseload++;
  }
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rp_test_spin ();
  section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), 1, G_MENU_LINK_SECTION);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s (%u)", rp_worker_get_name (worker), caseload);
  g_clear_pointer (&label, g_free);
  g_assert_true (g_menu_model_get_item_attribute (section, line, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, expected);
  g_object_unref (section);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* Filters are remembered: the next test starts from everyone. */
  g_assert_true (gtk_widget_activate_action (button, "attendees.clear-filters", NULL));
  settle (fixture);
}

/* The header over @title's column: what a click on it sorts by. */
static GtkWidget *
find_header (Fixture    *fixture,
             const char *title)
{
  GtkWidget *table = rp_test_find_widget (GTK_WIDGET (fixture->page), RP_TYPE_ATTENDEE_TABLE, NULL, NULL);
  GtkWidget *label = rp_test_find_widget (table, GTK_TYPE_LABEL, "label", title);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

/* The rows built in @root, and the one among them that shows @number. */
static guint
count_rows (GtkWidget      *root,
            const char     *number,
            RpAttendeeRow **found)
{
  guint n = 0;

  if (RP_IS_ATTENDEE_ROW (root))
    {
      if (found != NULL && g_strcmp0 (rp_attendee_row_get_text (RP_ATTENDEE_ROW (root), RP_ATTENDEE_COLUMN_NUMBER), number) == 0)
        *found = RP_ATTENDEE_ROW (root);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, number, found);

  return n;
}

/* Counts the rows whose attention marker is shown and those whose is faded out,
 * checking that each shows exactly when it has something to say. */
static void
count_markers (GtkWidget *root,
               guint     *shown,
               guint     *faded)
{
  if (RP_IS_ATTENDEE_ROW (root))
    {
      GtkWidget *marker = gtk_widget_get_first_child (root);
      gboolean has_text = rp_attendee_row_get_text (RP_ATTENDEE_ROW (root), RP_ATTENDEE_COLUMN_ATTENTION) != NULL;

      g_assert_cmpfloat (gtk_widget_get_opacity (marker), ==, has_text ? 1.0 : 0.0);
      (*(has_text ? shown : faded))++;
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_markers (child, shown, faded);
}

static void
test_attendees_header_sorts (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *table = rp_test_find_widget (GTK_WIDGET (fixture->page), RP_TYPE_ATTENDEE_TABLE, NULL, NULL);
  GtkWidget *name_header = find_header (fixture, "Name");
  RpAttendeeRow *row = NULL;

  g_signal_emit_by_name (name_header, "clicked");
  settle (fixture);
  g_assert_cmpstr (rp_attendee_table_get_sort_column (RP_ATTENDEE_TABLE (table)), ==, "name");
  g_assert_false (rp_attendee_table_get_sort_descending (RP_ATTENDEE_TABLE (table)));
  g_assert_cmpint (number_at (fixture, 0), ==, 1);   /* Aisha Rahman */

  /* A screen reader hears a column header, and which way it sorts. */
  gtk_test_accessible_assert_role (name_header, GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  gtk_test_accessible_assert_property (name_header, GTK_ACCESSIBLE_PROPERTY_LABEL, "Name");
  gtk_test_accessible_assert_property (name_header, GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_ASCENDING);

  /* A second click turns the order round. */
  g_signal_emit_by_name (name_header, "clicked");
  settle (fixture);
  g_assert_true (rp_attendee_table_get_sort_descending (RP_ATTENDEE_TABLE (table)));
  gtk_test_accessible_assert_property (name_header, GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_DESCENDING);
  g_assert_cmpint (number_at (fixture, 0), ==, 19);  /* Tara Quinn */

  /* Her row shows what is known of her, each in its column. */
  count_rows (table, "19", &row);
  g_assert_nonnull (row);
  g_assert_cmpstr (rp_attendee_row_get_text (row, RP_ATTENDEE_COLUMN_NAME), ==, "Tara Quinn");
  g_assert_cmpstr (rp_attendee_row_get_text (row, RP_ATTENDEE_COLUMN_STATUS), ==, "Health");
  g_assert_cmpstr (rp_attendee_row_get_text (row, RP_ATTENDEE_COLUMN_WORKER), ==, "Hannah Ward");
  g_assert_true (g_str_has_prefix (rp_attendee_row_get_text (row, RP_ATTENDEE_COLUMN_STEP), "5 · "));

  /* A screen reader reads the row as a row of cells, each cell with its
   * column's title, and the step in words, not as dots. */
  gtk_test_accessible_assert_role (row, GTK_ACCESSIBLE_ROLE_ROW);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row)); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (RP_IS_STEP_DOTS (child))
      gtk_test_accessible_assert_state (child, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
    else if (RP_IS_CELL_TEXT (child))
      gtk_test_accessible_assert_role (child, GTK_ACCESSIBLE_ROLE_CELL);
  {
    GtkWidget *cells[RP_ATTENDEE_N_COLUMNS] = { NULL };
    guint column = RP_ATTENDEE_COLUMN_NUMBER;
    g_autofree char *days = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row)); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (RP_IS_CELL_TEXT (child))
        cells[column++] = child;
    gtk_test_accessible_assert_property (cells[RP_ATTENDEE_COLUMN_NAME], GTK_ACCESSIBLE_PROPERTY_LABEL, "Name: Tara Quinn");
    gtk_test_accessible_assert_property (cells[RP_ATTENDEE_COLUMN_STEP], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Step on Moving Plan: 5 of 6, Explore options for new provision");
    days = g_strdup_printf ("Days at Step: %s", rp_attendee_row_get_text (row, RP_ATTENDEE_COLUMN_DAYS));
    gtk_test_accessible_assert_property (cells[RP_ATTENDEE_COLUMN_DAYS], GTK_ACCESSIBLE_PROPERTY_LABEL, days);
  }

  /* Rows told a new attendee show or fade the attention marker to match. */
  {
    guint shown = 0, faded = 0;

    count_markers (table, &shown, &faded);
    g_assert_cmpuint (shown, >, 0);
    g_assert_cmpuint (faded, >, 0);
  }

  /* Another column's header sorts by that column, from the start. */
  g_signal_emit_by_name (find_header (fixture, "No"), "clicked");
  settle (fixture);
  g_assert_cmpstr (rp_attendee_table_get_sort_column (RP_ATTENDEE_TABLE (table)), ==, "number");
  g_assert_false (rp_attendee_table_get_sort_descending (RP_ATTENDEE_TABLE (table)));
  g_assert_cmpint (number_at (fixture, 0), ==, 1);
  gtk_test_accessible_assert_property (name_header, GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_NONE);
}

/* Scrolls to the end, as far as the table has been laid out so far, and says
 * whether the last attendee's row has been built. */
static gboolean
scrolled_to_last_row (Fixture *fixture)
{
  GtkWidget *table = rp_test_find_widget (GTK_WIDGET (fixture->page), RP_TYPE_ATTENDEE_TABLE, NULL, NULL);
  GtkAdjustment *scroll = rp_attendee_table_get_vadjustment (RP_ATTENDEE_TABLE (table));
  RpAttendeeRow *last = NULL;

  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  count_rows (table, "2000", &last);
  return last != NULL;
}

/* At council scale the view builds the rows in sight and a few more, not one
 * per attendee, nor the 200 a GTK 4.8 list view would keep. */
static void
test_attendees_rows_in_sight (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *table = rp_test_find_widget (GTK_WIDGET (fixture->page), RP_TYPE_ATTENDEE_TABLE, NULL, NULL);
  g_autoptr(RpProgramme) large = NULL;
  g_autoptr(GError) error = NULL;

  large = rp_generate_programme (fixture->store, 2000, 7, &error);
  g_assert_no_error (error);
  rp_window_set_programme (fixture->window, large);
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 2000);
  g_assert_cmpuint (count_rows (table, NULL, NULL), <=, 40);

  /* Scrolled to the end, the last attendee's row is built in place of others. */
  g_assert_true (spin_until (scrolled_to_last_row, fixture));
  g_assert_cmpuint (count_rows (table, NULL, NULL), <=, 40);
}

static guint
position_of_number (Fixture *fixture,
                    int      number)
{
  for (guint i = 0; i < shown (fixture); i++)
    if (number_at (fixture, i) == number)
      return i;

  g_assert_not_reached ();
}

static RpAttendeeDetailPage *
open_attendee (Fixture *fixture,
               int      number)
{
  RpAttendeeDetailPage *attendee_detail_page = rp_attendee_list_page_get_attendee_detail_page (fixture->page);

  rp_attendee_list_page_open (fixture->page, position_of_number (fixture, number));
  settle (fixture);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (attendee_detail_page)));
  g_assert_cmpint (rp_attendee_get_number (rp_attendee_detail_page_get_attendee (attendee_detail_page)), ==, number);
  return attendee_detail_page;
}

static int
stored_step (Fixture *fixture,
             int      number)
{
  g_autoptr(RpAttendee) attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme),
                                                           number, NULL);
  return rp_attendee_get_step (attendee);
}

static GtkWindow *
find_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static GtkWindow *
find_dialog_headed (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return toplevel;
    }

  return NULL;
}

/* A jump of two steps without a reason is refused and the dialogue stays
 * open as typed, saying why under the reason, by name, with the keyboard
 * there; a date in the future is refused under the date. With a reason and
 * a date it is recorded as given. */
static void
test_attendees_change_step_dialog (Fixture       *fixture,
                                   gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 4);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(RpStepChange) last = NULL;
  GtkWindow *dialog;
  GtkWidget *step, *date, *reason, *reason_text;

  g_assert_cmpint (stored_step (fixture, 4), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.change-step", NULL));
  settle (fixture);
  dialog = find_window_of_type (RP_TYPE_STEP_CHANGE_DIALOG);
  g_assert_nonnull (dialog);

  /* It offers the next step, today. */
  step = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "title", "Step reached");
  date = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_DATE_ROW, NULL, NULL);
  reason = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Reason, needed for a jump or a step back");
  reason_text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (reason)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (step)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "22/09/2023");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Danny (attendee 4) is at step 1"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (step), 2);
  gtk_editable_set_text (GTK_EDITABLE (date), "21/09/2023");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Record"), "clicked");
  settle (fixture);

  /* Still open, as chosen, with the reason asked for beside its field and
   * nothing over the dialogue. */
  g_assert_cmpint (stored_step (fixture, 4), ==, 1);
  g_assert_true (find_window_of_type (RP_TYPE_STEP_CHANGE_DIALOG) == dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (step)), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "21/09/2023");
  g_assert_null (find_dialog_headed ("The Step Was Not Changed"));
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (reason)), ==, "Say why Danny is moving from step 1 to step 3.");
  g_assert_true (gtk_widget_get_visible (rp_test_find_widget (reason, GTK_TYPE_LABEL, "label",
                                                              "Say why Danny is moving from step 1 to step 3.")));
  g_assert_true (gtk_widget_has_css_class (reason, "error"));
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (date)));
  gtk_test_accessible_assert_property (reason_text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Say why Danny is moving from step 1 to step 3.");
  gtk_test_accessible_assert_state (reason_text, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_window_get_focus (dialog) == reason_text);

  /* Choosing the next step after all takes the request away. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (step), 1);
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (reason)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (step), 2);

  /* A day still to come is refused under the date, the reason kept. */
  gtk_editable_set_text (GTK_EDITABLE (reason), "Agreed at the review");
  gtk_editable_set_text (GTK_EDITABLE (date), "23/09/2023");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Record"), "clicked");
  settle (fixture);
  g_assert_cmpint (stored_step (fixture, 4), ==, 1);
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (date)), ==, "A step change cannot be dated in the future.");
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (reason)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason)), ==, "Agreed at the review");
  g_assert_true (gtk_window_get_focus (dialog) == GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (date))));

  gtk_editable_set_text (GTK_EDITABLE (date), "21/09/2023");
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (date)));
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Record"), "clicked");
  settle (fixture);

  g_assert_null (find_window_of_type (RP_TYPE_STEP_CHANGE_DIALOG));
  g_assert_cmpint (stored_step (fixture, 4), ==, 3);
  {
    g_autoptr(RpAttendee) attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
    history = rp_store_list_step_history (fixture->store, rp_attendee_get_id (attendee), NULL);
  }
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_assert_cmpstr (rp_step_change_get_reason (last), ==, "Agreed at the review");
  g_assert_cmpstr (rp_step_change_get_changed_on (last), ==, "2023-09-21");
}

static GListModel *
contacts_of (Fixture *fixture,
             int      number)
{
  g_autoptr(RpAttendee) attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme),
                                                           number, NULL);
  return rp_store_list_contacts (fixture->store, rp_attendee_get_id (attendee), NULL);
}

/* A worker logs a call to Liam's family from his page: the dialogue offers
 * today and the family contact's name, refuses a save without saying how,
 * under that field, and then logs it; the log shows it first and the
 * "not contacted" marker goes. Opening the entry again and deleting it
 * takes it out of the log. */
static void
test_attendees_log_contact (Fixture       *fixture,
                            gconstpointer  data)
{
  RpAttendeeDetailPage *page = open_attendee (fixture, 12);
  g_autoptr(GListModel) before = contacts_of (fixture, 12);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(RpContact) logged = NULL;
  GtkWidget *list, *method, *date, *name, *summary, *row, *made_by;
  GtkWindow *dialog;

  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "label", "Family or advocate not contacted for 18 days"));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "label", "_Log Contact…"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.log-contact", NULL));
  settle (fixture);
  dialog = find_window_of_type (RP_TYPE_CONTACT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Log Contact");
  date = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_DATE_ROW, NULL, NULL);
  name = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Their name");
  method = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "title", "_How");
  summary = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "22/09/2023");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Janet Walker");
  gtk_test_accessible_assert_property (summary, GTK_ACCESSIBLE_PROPERTY_LABEL, "Summary");
  /* A new entry has nothing to delete. */
  g_assert_null (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Delete"));

  /* Not said how: refused under "How", nothing logged, the dialogue kept as typed. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (summary)), "Janet’s back from Spain.\nLiam keen on Pathfinders.", -1);
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  settle (fixture);
  g_assert_true (find_window_of_type (RP_TYPE_CONTACT_DIALOG) == dialog);
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (method)), ==,
                   "Say how the contact was made: letter, phone, visit, meeting or email.");
  after = contacts_of (fixture, 12);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  g_clear_object (&after);

  /* A day still to come is refused under the date. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (method), RP_CONTACT_METHOD_PHONE);
  gtk_editable_set_text (GTK_EDITABLE (date), "23/09/2023");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  settle (fixture);
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (date)), ==, "The date of the contact cannot be in the future.");

  /* The allocated worker is offered as who made the call; a colleague made it. */
  made_by = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "title", "_Made by");
  g_assert_nonnull (made_by);
  {
    g_autoptr(RpWorker) offered = g_object_ref (adw_combo_row_get_selected_item (ADW_COMBO_ROW (made_by)));
    GListModel *workers = adw_combo_row_get_model (ADW_COMBO_ROW (made_by));

    g_assert_cmpstr (rp_worker_get_name (offered), ==, "Mel Lewis");
    for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (workers, i);

        if (RP_IS_WORKER (item) && g_strcmp0 (rp_worker_get_name (RP_WORKER (item)), "Priya Mistry") == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (made_by), i);
      }
  }

  gtk_editable_set_text (GTK_EDITABLE (date), "22/09/2023");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  settle (fixture);
  g_assert_null (find_window_of_type (RP_TYPE_CONTACT_DIALOG));

  after = contacts_of (fixture, 12);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 1);
  logged = g_list_model_get_item (after, 0);
  g_assert_cmpstr (rp_contact_get_contacted_on (logged), ==, "2023-09-22");
  g_assert_cmpint (rp_contact_get_method (logged), ==, RP_CONTACT_METHOD_PHONE);
  g_assert_cmpint (rp_contact_get_with_whom (logged), ==, RP_CONTACT_WITH_FAMILY);
  g_assert_cmpstr (rp_contact_get_with_name (logged), ==, "Janet Walker");
  g_assert_cmpstr (rp_contact_get_summary (logged), ==, "Janet’s back from Spain.\nLiam keen on Pathfinders.");
  g_assert_cmpstr (rp_contact_get_worker_name (logged), ==, "Priya Mistry");

  /* The page follows: the new call is first in the log and the marker has gone. */
  row = rp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "title",
                             "22 September 2023 · Phone call with the family (Janet Walker)");
  g_assert_nonnull (row);
  list = gtk_widget_get_parent (row);
  g_assert_true (gtk_widget_get_first_child (list) == row);
  gtk_test_accessible_assert_property (list, GTK_ACCESSIBLE_PROPERTY_LABEL, "Contact log");
  g_assert_null (rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "label", "Family or advocate not contacted for 18 days"));

  /* Opened again, it can be deleted. */
  g_signal_emit_by_name (row, "activated");
  settle (fixture);
  dialog = find_window_of_type (RP_TYPE_CONTACT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Edit Contact");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Delete"), "clicked");
  settle (fixture);
  g_assert_null (find_window_of_type (RP_TYPE_CONTACT_DIALOG));
  g_clear_object (&after);
  after = contacts_of (fixture, 12);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "label", "Family or advocate not contacted for 18 days"));
}

/* The AdwMessageDialog on screen headed @heading, or %NULL. */
static AdwMessageDialog *
visible_dialog_headed (const char *heading)
{
  GtkWindow *dialog = find_dialog_headed (heading);

  return dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)) ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

/* Clicks a button of the dialogue, as a person would; that also closes it. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  rp_test_spin ();
}

/* "Move to Step N" asks first, with the date and the note, and Cancel
 * records nothing; Move records it, and the keyboard leaves the button for
 * the new current step, so that pressing on cannot move the person twice. */
static void
test_attendees_step_forward_and_undo (Fixture       *fixture,
                                      gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 4);
  GtkWidget *note = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Note for the step change (optional)");
  GtkWidget *stepper = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), RP_TYPE_STEPPER, NULL, NULL);
  GtkWidget *button = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), GTK_TYPE_BUTTON, "action-name", "attendee.next-step");
  const char *heading = "Move Danny to Step 2 — Contact with people to commence discussion?";
  GtkWindow *window = GTK_WINDOW (fixture->window);
  AdwMessageDialog *confirm;
  GtkWidget *undo, *focus;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(RpStepChange) last = NULL;

  g_assert_cmpint (stored_step (fixture, 4), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (note), "Phoned Grace");
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.next-step", NULL));
  settle (fixture);

  /* Asked first, with the day and the note; Enter moves, Escape cancels. */
  confirm = visible_dialog_headed (heading);
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_body (confirm), ==,
                   "It is recorded as reached today, Friday 22 September 2023, with the note “Phoned Grace”.");
  g_assert_cmpstr (adw_message_dialog_get_default_response (confirm), ==, "move");
  g_assert_cmpstr (adw_message_dialog_get_close_response (confirm), ==, "cancel");
  g_assert_cmpint (stored_step (fixture, 4), ==, 1);

  click_response (confirm, "_Cancel");
  settle (fixture);
  g_assert_null (visible_dialog_headed (heading));
  g_assert_cmpint (stored_step (fixture, 4), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "Phoned Grace");

  /* Twice in a row, as a double click would: one dialogue at a time, one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.next-step", NULL));
  settle (fixture);
  confirm = visible_dialog_headed (heading);
  g_assert_nonnull (confirm);
  click_response (confirm, "_Move");
  settle (fixture);
  g_assert_cmpint (stored_step (fixture, 4), ==, 2);

  /* The keyboard is on the new current step, not on the button that moves again. */
  focus = gtk_window_get_focus (window);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, stepper));
  g_assert_false (focus == button);
  gtk_test_accessible_assert_property (focus, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Step 2, Contact with people to commence discussion: Current step, since 22 Sep 2023");

  {
    g_autoptr(RpAttendee) attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
    history = rp_store_list_step_history (fixture->store, rp_attendee_get_id (attendee), NULL);
  }
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_assert_cmpstr (rp_step_change_get_reason (last), ==, "Phoned Grace");
  g_assert_cmpstr (rp_step_change_get_changed_on (last), ==, "2023-09-22");
  g_assert_cmpstr (rp_step_change_get_recorded_by (last), ==, "jtaylor");

  /* The list shows the new step once back on it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.back", NULL));
  settle (fixture);
  {
    RpAttendee *shown_attendee = rp_attendee_list_get_attendee (rp_attendee_list_page_get_list (fixture->page),
                                                                position_of_number (fixture, 4));
    g_assert_cmpint (rp_attendee_get_step (shown_attendee), ==, 2);
  }

  /* The toast's Undo takes the change back. */
  undo = rp_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "label", "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  settle (fixture);
  g_assert_cmpint (stored_step (fixture, 4), ==, 1);
}

/* Presses @accelerator on @widget as its own key bindings would take it. */
static gboolean
press_shortcut (GtkWidget  *widget,
                const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_test_fail_printf ("%s is not bound on %s", accelerator, G_OBJECT_TYPE_NAME (widget));
  return FALSE;
}

/* Dismisses every toast, as their time running out would. */
static void
dismiss_toasts (Fixture *fixture)
{
  GtkWidget *close;

  while ((close = rp_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "icon-name", "window-close-symbolic")) != NULL &&
         gtk_widget_get_ancestor (close, ADW_TYPE_TOAST_OVERLAY) != NULL && gtk_widget_get_mapped (close))
    {
      /* libadwaita 1.2 crashed here when a toast was dismissed while still
       * sliding in, so let it finish first, as a person reading it would. */
      for (int i = 0; i < 50; i++)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
      g_object_add_weak_pointer (G_OBJECT (close), (gpointer *) &close);
      g_signal_emit_by_name (close, "clicked");
      for (int i = 0; i < 300 && close != NULL && gtk_widget_get_mapped (close); i++)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
      if (close != NULL)
        g_object_remove_weak_pointer (G_OBJECT (close), (gpointer *) &close);
      rp_test_spin ();
    }
}

static gboolean
toast_shown (Fixture *fixture)
{
  GtkWidget *close = rp_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "icon-name", "window-close-symbolic");

  return close != NULL && gtk_widget_get_ancestor (close, ADW_TYPE_TOAST_OVERLAY) != NULL && gtk_widget_get_mapped (close);
}

static gboolean
label_shown (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = rp_test_find_widget (root, GTK_TYPE_LABEL, "label", text);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* Ctrl+Z takes back the last step change after its toast has gone, and
 * then the last field edited, each saying what it took back; with nothing
 * left to take back it does nothing. */
static void
test_attendees_undo_after_toast (Fixture       *fixture,
                                 gconstpointer  data)
{
  RpAttendeeDetailPage *page = open_attendee (fixture, 4);
  GtkWidget *phone = rp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  g_autoptr(RpAttendee) stored = NULL;
  AdwMessageDialog *confirm;

  /* Nothing done yet: nothing to take back, and nothing said. */
  press_shortcut (GTK_WIDGET (page), "<Control>z");
  settle (fixture);
  g_assert_false (toast_shown (fixture));
  g_assert_cmpint (stored_step (fixture, 4), ==, 1);

  /* A field edited in several goes, saved as typed... */
  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 9");
  rp_attendee_detail_page_save_now (page);
  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 900555");
  rp_attendee_detail_page_save_now (page);

  /* ... then a move. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.next-step", NULL));
  settle (fixture);
  confirm = visible_dialog_headed ("Move Danny to Step 2 — Contact with people to commence discussion?");
  click_response (confirm, "_Move");
  settle (fixture);
  g_assert_cmpint (stored_step (fixture, 4), ==, 2);

  dismiss_toasts (fixture);
  g_assert_null (rp_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "label", "_Undo"));

  /* Ctrl+Z, with the keyboard where the move left it. */
  g_assert_true (press_shortcut (GTK_WIDGET (page), "<Control>z"));
  settle (fixture);
  g_assert_cmpint (stored_step (fixture, 4), ==, 1);
  g_assert_true (label_shown (GTK_WIDGET (fixture->window),
                              "Undone: Danny is back at step 1, Social worker identified."));
  dismiss_toasts (fixture);

  /* Again: the phone number as it was before any of it. */
  g_assert_true (press_shortcut (GTK_WIDGET (page), "<Control>z"));
  settle (fixture);
  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_assert_cmpstr (rp_attendee_get_contact_phone (stored), ==, "07700 900104");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900104");
  g_assert_true (label_shown (GTK_WIDGET (fixture->window), "Undone: the phone number is “07700 900104” again."));

  /* A change someone else has made since is never overwritten by Ctrl+Z. */
  dismiss_toasts (fixture);
  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 900666");
  rp_attendee_detail_page_save_now (page);
  g_clear_object (&stored);
  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  rp_attendee_set_contact_phone (stored, "07700 900888");
  g_assert_true (rp_store_save_attendee (fixture->store, stored, NULL));
  g_assert_true (press_shortcut (GTK_WIDGET (page), "<Control>z"));
  settle (fixture);
  g_clear_object (&stored);
  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_assert_cmpstr (rp_attendee_get_contact_phone (stored), ==, "07700 900888");
  g_assert_true (label_shown (GTK_WIDGET (fixture->window), "Not undone: someone else has changed the phone number since."));

  /* Nothing left: Ctrl+Z does nothing, and says nothing. */
  dismiss_toasts (fixture);
  press_shortcut (GTK_WIDGET (page), "<Control>z");
  settle (fixture);
  g_assert_cmpint (stored_step (fixture, 4), ==, 1);
  g_assert_false (toast_shown (fixture));
}

/* A date of birth that does not exist, or is still to come, turns the field
 * red and says why under it, in words a screen reader reads too; the rest
 * of the page is saved all the same. */
static void
test_attendees_impossible_birth_date (Fixture       *fixture,
                                      gconstpointer  data)
{
  RpAttendeeDetailPage *page = open_attendee (fixture, 5);
  GtkWidget *birth = rp_test_find_widget (GTK_WIDGET (page), RP_TYPE_DATE_ROW, "title", "Date of birth, for example 12/04/1991");
  GtkWidget *phone = rp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  GtkWidget *typing = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (birth)));
  g_autoptr(RpAttendee) stored = NULL;
  const char *words;

  gtk_editable_set_text (GTK_EDITABLE (birth), "31/02/1990");
  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 900321");
  rp_attendee_detail_page_save_now (page);

  words = "“31/02/1990” is not a real date: that month has 28 days.";
  g_assert_true (gtk_widget_has_css_class (birth, "error"));
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (birth)), ==, words);
  g_assert_true (label_shown (birth, words));
  gtk_test_accessible_assert_property (typing, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words);
  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 5, NULL);
  g_assert_cmpstr (rp_attendee_get_date_of_birth (stored), ==, "1990-06-08");
  g_assert_cmpstr (rp_attendee_get_contact_phone (stored), ==, "07700 900321");
  g_clear_object (&stored);

  /* Typing again takes the words away until the next save. */
  gtk_editable_set_text (GTK_EDITABLE (birth), "01/01/2090");
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (birth)));
  g_assert_false (gtk_widget_has_css_class (birth, "error"));
  rp_attendee_detail_page_save_now (page);
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (birth)), ==, "The date of birth cannot be in the future.");
  g_assert_true (label_shown (birth, "The date of birth cannot be in the future."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "01/01/2090");
  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 5, NULL);
  g_assert_cmpstr (rp_attendee_get_date_of_birth (stored), ==, "1990-06-08");
  g_clear_object (&stored);

  gtk_editable_set_text (GTK_EDITABLE (birth), "08/06/1991");
  rp_attendee_detail_page_save_now (page);
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (birth)));
  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 5, NULL);
  g_assert_cmpstr (rp_attendee_get_date_of_birth (stored), ==, "1991-06-08");
}

/* Each save as the person types is followed by a quiet "Saved" by the
 * title, which says to a screen reader what was saved, and then fades. */
static void
test_attendees_saved_feedback (Fixture       *fixture,
                               gconstpointer  data)
{
  RpAttendeeDetailPage *page = open_attendee (fixture, 7);
  GtkWidget *phone = rp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  GtkWidget *saved = rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "label", "Saved");
  GtkWidget *revealer = gtk_widget_get_ancestor (saved, GTK_TYPE_REVEALER);
  GtkWidget *status = gtk_widget_get_parent (saved);
  gint64 deadline;

  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* Nothing changed, nothing said. */
  rp_attendee_detail_page_save_now (page);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* Typed, then saved by the page's own pause, not by leaving it. */
  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 900777");
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  gtk_test_accessible_assert_role (status, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_test_accessible_assert_property (status, GTK_ACCESSIBLE_PROPERTY_LABEL, "Saved: phone number");
  {
    g_autoptr(RpAttendee) stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 7, NULL);
    g_assert_cmpstr (rp_attendee_get_contact_phone (stored), ==, "07700 900777");
  }

  /* A few seconds later it has gone again. */
  deadline = g_get_monotonic_time () + 6 * G_USEC_PER_SEC;
  while (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}

/* A move to new provision is checked under its fields, then confirmed in
 * words before it is recorded. */
static void
test_attendees_record_move_confirmed (Fixture       *fixture,
                                      gconstpointer  data)
{
  RpAttendeeDetailPage *page = open_attendee (fixture, 4);
  GtkWidget *provider = rp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "title", "New provider");
  GtkWidget *date = rp_test_find_widget (GTK_WIDGET (page), RP_TYPE_DATE_ROW, "title", "Date of the move, for example 20/09/2023");
  g_autoptr(RpAttendee) stored = NULL;
  AdwMessageDialog *confirm = NULL;
  GListModel *toplevels;

  /* No provider: said under the provider, and nothing asked or recorded. */
  gtk_editable_set_text (GTK_EDITABLE (date), "20/09/2023");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.record-move", NULL));
  settle (fixture);
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (provider)), ==, "A move needs the provider the person moved to.");

  /* A provider, and a day still to come: said under the date. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (provider), 1);
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (provider)));
  gtk_editable_set_text (GTK_EDITABLE (date), "30/09/2023");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.record-move", NULL));
  settle (fixture);
  g_assert_nonnull (strstr (rp_row_get_error (ADW_PREFERENCES_ROW (date)), "once it has happened"));

  gtk_editable_set_text (GTK_EDITABLE (date), "20/09/2023");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.record-move", NULL));
  settle (fixture);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          g_str_has_prefix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), "Record Danny’s Move to "))
        confirm = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (confirm);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (confirm), "Danny moved on Wednesday 20 September 2023."));
  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_assert_cmpint (rp_attendee_get_outcome (stored), ==, RP_OUTCOME_ATTENDING);
  g_clear_object (&stored);

  click_response (confirm, "_Record the Move");
  settle (fixture);
  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_assert_cmpint (rp_attendee_get_outcome (stored), ==, RP_OUTCOME_MOVED);
  g_assert_cmpstr (rp_attendee_get_outcome_date (stored), ==, "2023-09-20");
}

/* A move dated before the step it follows is said in the confirmation and
 * not recorded by Enter alone; once moved, the page's next step is the
 * follow-up review, which is what reaches step 6. */
static void
test_attendees_early_move_then_review (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(RpAttendee) danny = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_autoptr(GError) error = NULL;
  RpAttendeeDetailPage *page;
  GtkWidget *provider, *date, *button;
  AdwMessageDialog *confirm;

  if (rp_attendee_get_step (danny) != 5)
    g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (danny), 5, "2023-09-15",
                                         "Options explored with the family", &error));
  g_assert_no_error (error);
  g_clear_object (&danny);
  danny = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_assert_cmpint (rp_attendee_get_step (danny), ==, 5);

  page = open_attendee (fixture, 4);
  provider = rp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "title", "New provider");
  date = rp_test_find_widget (GTK_WIDGET (page), RP_TYPE_DATE_ROW, "title", "Date of the move, for example 20/09/2023");
  adw_combo_row_set_selected (ADW_COMBO_ROW (provider), 1);
  gtk_editable_set_text (GTK_EDITABLE (date), "01/08/2023");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.record-move", NULL));
  settle (fixture);
  confirm = ADW_MESSAGE_DIALOG (find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm),
                            "The step history has step 5 reached on Friday 15 September 2023, after this move."));
  g_assert_cmpstr (adw_message_dialog_get_default_response (confirm), ==, "cancel");
  click_response (confirm, "_Cancel");
  settle (fixture);

  /* On or after the step's day: nothing to say, and Enter records it. */
  gtk_editable_set_text (GTK_EDITABLE (date), "20/09/2023");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.record-move", NULL));
  settle (fixture);
  confirm = ADW_MESSAGE_DIALOG (find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (strstr (adw_message_dialog_get_body (confirm), "Check the date"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (confirm), ==, "record");
  click_response (confirm, "_Record the Move");
  settle (fixture);

  button = rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "action-name", "attendee.next-step");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Record the Follow-up Review…");
  g_assert_null (find_window_of_type (RP_TYPE_REVIEW_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.next-step", NULL));
  settle (fixture);
  g_assert_nonnull (find_window_of_type (RP_TYPE_REVIEW_DIALOG));
  g_clear_object (&danny);
  danny = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_assert_cmpint (rp_attendee_get_step (danny), ==, 5);
  gtk_window_destroy (find_window_of_type (RP_TYPE_REVIEW_DIALOG));
}

/* "Edit the Note" from a report stopped by a name lands in the note, with
 * the flagged word selected, though accented letters and an invisible
 * character come before it and one sits inside it. */
static void
test_attendees_edit_note_selects_word (Fixture       *fixture,
                                       gconstpointer  data)
{
  const char *note = "Zo\xc3\xab\xe2\x80\x99s caf\xc3\xa9\xe2\x80\x8b visit went well; Cl\xe2\x80\x8b" "aire's choice is IBC";
  g_autoptr(RpAttendee) nine = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 9, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "stopped.pdf", NULL);
  g_autofree char *selected = NULL;
  RpAttendeeDetailPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *reports, *view, *scroller;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gint64 deadline;

  rp_attendee_set_report_note (nine, note);
  g_assert_true (rp_store_save_attendee (fixture->store, nine, &error));

  g_object_set (fixture->window, "area", "reports", NULL);
  rp_test_spin ();
  reports = rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_REPORTS_PAGE, NULL, NULL);
  rp_reports_page_print (RP_REPORTS_PAGE (reports), path);
  rp_test_spin ();
  dialog = visible_dialog_headed ("A Published Text May Name Someone");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "edit");
  settle (fixture);

  page = rp_attendee_list_page_get_attendee_detail_page (fixture->page);
  g_assert_cmpint (rp_attendee_get_number (rp_attendee_detail_page_get_attendee (page)), ==, 9);
  view = rp_test_find_widget (rp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "title", "Report Note"),
                              GTK_TYPE_TEXT_VIEW, NULL, NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  /* The keyboard is in the note, on the word, which typing replaces. */
  g_assert_true (gtk_widget_has_focus (view));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "Cl\xe2\x80\x8b" "aire's");
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 29);

  /* And the note is in sight: the page has scrolled down to it. */
  scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))) == 0 &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_rect_t bounds;

    /* Where the note is, in the part of the page in sight. */
    g_assert_true (gtk_widget_compute_bounds (view, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)), &bounds));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
    g_assert_cmpfloat (graphene_rect_get_y (&bounds), >=, 0);
    g_assert_cmpfloat (graphene_rect_get_y (&bounds) + 40, <, gtk_adjustment_get_page_size (adjustment));
  }

  /* Typing replaces the word, and the warning goes. */
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (buffer, "The family's", -1);
  rp_attendee_detail_page_save_now (page);
  g_clear_object (&nine);
  nine = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 9, NULL);
  g_assert_true (g_str_has_suffix (rp_attendee_get_report_note (nine), "; The family's choice is IBC"));
}

static void
test_attendees_edit_field (Fixture       *fixture,
                           gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 7);
  GtkWidget *phone = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  GtkWidget *birth = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Date of birth, for example 12/04/1991");
  g_autoptr(RpAttendee) stored = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(RpAuditEntry) entry = NULL;

  g_assert_nonnull (phone);
  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 900999");
  /* An impossible date is marked and not saved; the rest still is. */
  gtk_editable_set_text (GTK_EDITABLE (birth), "31/02/1993");

  /* Leaving the page saves what was typed at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.back", NULL));
  settle (fixture);

  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 7, NULL);
  g_assert_cmpstr (rp_attendee_get_contact_phone (stored), ==, "07700 900999");
  g_assert_cmpstr (rp_attendee_get_date_of_birth (stored), ==, "1993-03-27");
  g_assert_true (gtk_widget_has_css_class (birth, "error"));

  audit = rp_store_list_audit (fixture->store, "attendee", rp_attendee_get_id (stored), NULL);
  entry = g_list_model_get_item (audit, 0);
  g_assert_cmpstr (rp_audit_entry_get_field (entry), ==, "contact_phone");
  g_assert_cmpstr (rp_audit_entry_get_old_value (entry), ==, "07700 900107");
  g_assert_cmpstr (rp_audit_entry_get_new_value (entry), ==, "07700 900999");
}

/* The communication needs are flagged at the top of the page, read by a
 * screen reader, edited with ticks, saved, and the flag follows. */
static void
test_attendees_communication_banner (Fixture       *fixture,
                                     gconstpointer  data)
{
  RpAttendeeDetailPage *page = open_attendee (fixture, 7);
  GtkWidget *banner = rp_test_find_widget (GTK_WIDGET (page), RP_TYPE_COMMUNICATION_BANNER, NULL, NULL);
  GtkWidget *editor = rp_test_find_widget (GTK_WIDGET (page), RP_TYPE_COMMUNICATION_EDITOR, "title", "Communication Needs");
  const char *flag = "Georgie: BSL interpreter · Prefers video calls. Family contact: Polish interpreter · Prefers text messages";
  g_autoptr(RpAttendee) stored = NULL;

  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_get_mapped (banner));
  g_assert_cmpstr (rp_communication_banner_get_text (RP_COMMUNICATION_BANNER (banner)), ==, flag);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (banner), GTK_ACCESSIBLE_ROLE_NOTE);
  gtk_test_accessible_assert_property (banner, GTK_ACCESSIBLE_PROPERTY_LABEL, "Communication needs");
  gtk_test_accessible_assert_property (banner, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, flag);

  /* Easy read, ticked, is saved as its key and flagged first. */
  g_assert_nonnull (editor);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (rp_communication_editor_get_need_check (RP_COMMUNICATION_EDITOR (editor), 0)),
                               TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.back", NULL));
  settle (fixture);
  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 7, NULL);
  g_assert_cmpstr (rp_attendee_get_communication_needs (stored), ==, "easy-read,bsl");

  page = open_attendee (fixture, 7);
  banner = rp_test_find_widget (GTK_WIDGET (page), RP_TYPE_COMMUNICATION_BANNER, NULL, NULL);
  g_assert_true (g_str_has_prefix (rp_communication_banner_get_text (RP_COMMUNICATION_BANNER (banner)),
                                   "Georgie: Easy read · BSL interpreter"));

  /* Someone with none recorded has no banner. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.back", NULL));
  settle (fixture);
  page = open_attendee (fixture, 4);
  banner = rp_test_find_widget (GTK_WIDGET (page), RP_TYPE_COMMUNICATION_BANNER, NULL, NULL);
  g_assert_false (gtk_widget_get_visible (banner));
}

static void
test_attendees_report_note_warning (Fixture       *fixture,
                                    gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 1);
  GtkWidget *group = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_PREFERENCES_GROUP, "title", "Report Note");
  GtkWidget *view;
  GtkWidget *warning;

  g_assert_nonnull (group);
  view = rp_test_find_widget (group, GTK_TYPE_TEXT_VIEW, NULL, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Nasreen's view is that Mosaic suits", -1);
  settle (fixture);

  warning = rp_test_find_widget (group, GTK_TYPE_LABEL, "label",
                         "This note names “Nasreen”. Published notes must not name anyone: describe the progress instead.");
  g_assert_nonnull (warning);
  g_assert_true (gtk_widget_get_visible (warning));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Family visiting Mosaic", -1);
  settle (fixture);
  g_assert_false (gtk_widget_get_visible (warning));
}

static void
test_attendees_close_mid_edit (Fixture       *fixture,
                               gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 12);
  GtkWidget *group = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_PREFERENCES_GROUP, "title", "Case Notes");
  GtkWidget *view = rp_test_find_widget (group, GTK_TYPE_TEXT_VIEW, NULL, NULL);
  g_autoptr(RpAttendee) stored = NULL;

  /* Typed, then the window closes before the save delay is up. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Family back from Spain; visit booked", -1);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = rp_window_new (NULL);
  rp_test_spin ();

  stored = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 12, NULL);
  g_assert_cmpstr (rp_attendee_get_case_notes (stored), ==, "Family back from Spain; visit booked");
}

/* A full disk refuses the save: what was typed stays on screen, the person is
 * told, the database keeps its last good state, and the next save succeeds. */
static void
test_attendees_disk_full (Fixture       *fixture,
                          gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 12);
  GtkWidget *group = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_PREFERENCES_GROUP, "title", "Case Notes");
  GtkWidget *view = rp_test_find_widget (group, GTK_TYPE_TEXT_VIEW, NULL, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  sqlite3 *db = rp_store_get_db (fixture->store);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(RpAttendee) before = NULL;
  g_autoptr(RpAttendee) after = NULL;
  g_autoptr(RpAttendee) saved = NULL;
  g_autofree char *shown_text = NULL;
  g_autofree char *limit = NULL;
  sqlite3_stmt *stmt = NULL;
  GtkTextIter start, end;
  int pages;

  before = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 12, NULL);
  for (int i = 0; g_string_append_printf (note, "Visit %d: family discussed Mosaic and Hollybank. ", i), note->len < 9000; i++)
    ;

  /* The database may not grow by a single page: SQLite reports the disk full. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d", pages);
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  gtk_text_buffer_set_text (buffer, note->str, -1);
  rp_attendee_detail_page_save_now (attendee_detail_page);
  settle (fixture);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown_text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown_text, ==, note->str);
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, "label",
                                         "The disk is full. Nothing was saved; free some space, then try again."));

  after = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 12, NULL);
  g_assert_cmpstr (rp_attendee_get_case_notes (after), ==, rp_attendee_get_case_notes (before));
  g_assert_true (rp_check_quick (rp_store_get_path (fixture->store), NULL));

  /* Space freed: the same edit, still on screen, is saved. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL), ==, SQLITE_OK);
  rp_attendee_detail_page_save_now (attendee_detail_page);
  saved = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 12, NULL);
  g_assert_cmpstr (rp_attendee_get_case_notes (saved), ==, note->str);
}

/* Someone else (another window, the CLI, an import) saves a field through a
 * connection of their own, as a whole record, the way older versions did. */
static void
their_edit (Fixture         *fixture,
            int              number,
            RpAttendeeField  field,
            const char      *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) theirs = rp_store_open (rp_store_get_path (fixture->store), RP_STORE_OPEN_DEFAULT, &error);
  g_autoptr(RpAttendee) attendee = NULL;

  g_assert_no_error (error);
  rp_store_set_user (theirs, "amorgan");
  attendee = rp_store_find_attendee (theirs, rp_programme_get_id (fixture->programme), number, &error);
  g_assert_no_error (error);
  rp_attendee_set_field (attendee, field, g_variant_new_string (value));
  g_assert_true (rp_store_save_attendee (theirs, attendee, &error));
  g_assert_no_error (error);
}

static RpAttendee *
stored_attendee (Fixture *fixture,
                 int      number)
{
  return rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), number, NULL);
}

/* The dialogue that asks which of two values to keep, if one is open. */
static AdwMessageDialog *
find_conflict_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), "Changed While You Were Editing") == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
find_label_with_prefix (GtkWidget  *root,
                        const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (find_label_with_prefix (child, prefix))
      return TRUE;
  return FALSE;
}

/* Both values are shown in words, under headings that say whose they are. */
static void
assert_shows_both (AdwMessageDialog *dialog,
                   const char       *theirs,
                   const char       *mine)
{
  GtkWidget *extra;
  GtkWidget *label;

  /* The old page saved over theirs without asking. */
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  /* Who saved theirs, and when, from the audit trail. */
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "amorgan changed the phone number of attendee 7 while you were editing it. "
                   "Nothing has been overwritten. Which do you want to keep?");
  g_assert_true (find_label_with_prefix (extra, "Saved by amorgan at "));
  g_assert_nonnull (rp_test_find_widget (extra, GTK_TYPE_LABEL, "label", "What you typed"));
  label = rp_test_find_widget (extra, GTK_TYPE_LABEL, "label", theirs);
  g_assert_nonnull (label);
  label = rp_test_find_widget (extra, GTK_TYPE_LABEL, "label", mine);
  g_assert_nonnull (label);
  g_assert_true (adw_message_dialog_has_response (dialog, "theirs"));
  g_assert_true (adw_message_dialog_has_response (dialog, "mine"));
}

/* Someone else changes the attendee open on screen while the person types
 * in another field: the page shows their change, and what is being typed is
 * left alone, then saved. */
static void
test_attendees_follows_store_while_typing (Fixture       *fixture,
                                           gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 7);
  GtkWidget *phone = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  GtkWidget *access = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Other access needs");
  g_autoptr(RpAttendee) after = NULL;

  g_assert_nonnull (phone);
  g_assert_nonnull (access);
  gtk_editable_set_text (GTK_EDITABLE (access), "Tube feeding; hoist");
  their_edit (fixture, 7, RP_ATTENDEE_FIELD_CONTACT_PHONE, "07700 900111");

  /* As when the window is next in use: it looks for changes made elsewhere. */
  g_assert_true (rp_store_check_for_changes (fixture->store));
  rp_test_spin ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900111");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (access)), ==, "Tube feeding; hoist");
  g_assert_null (find_conflict_dialog ());

  rp_attendee_detail_page_save_now (attendee_detail_page);
  rp_test_spin ();
  g_assert_null (find_conflict_dialog ());
  after = stored_attendee (fixture, 7);
  g_assert_cmpstr (rp_attendee_get_contact_phone (after), ==, "07700 900111");
  g_assert_cmpstr (rp_attendee_get_access_needs (after), ==, "Tube feeding; hoist");
}

/* The attendee on screen is erased from another window or the command
 * line: the page goes back to the list and says so, and nothing of theirs
 * is saved again. */
static void
test_attendees_erased_elsewhere (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 7);
  GtkWidget *access = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Other access needs");

  gtk_editable_set_text (GTK_EDITABLE (access), "Hoist");
  {
    g_autoptr(RpStore) other = rp_store_open (rp_store_get_path (fixture->store), RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(RpAttendee) seven = NULL;

    g_assert_no_error (error);
    seven = rp_store_find_attendee (other, rp_programme_get_id (fixture->programme), 7, &error);
    g_assert_true (rp_store_delete_attendee (other, rp_attendee_get_id (seven), &error));
    g_assert_no_error (error);
  }

  g_assert_true (rp_store_check_for_changes (fixture->store));
  settle (fixture);

  g_assert_null (rp_attendee_detail_page_get_attendee (attendee_detail_page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (attendee_detail_page)))), ==, "list");
  g_assert_null (rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 7, NULL));
  g_assert_cmpuint (shown (fixture), ==, 18);
}

/* A step change made elsewhere shows in the list without reopening it, and
 * the selected attendee stays selected. */
static void
test_attendees_list_follows_store (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("REPROVISION_CLI");
  const char *argv[] = { cli, "step", "--database", rp_store_get_path (fixture->store), "--attendee", "4", "--to", "2", NULL };
  int status = 0;

  g_assert_nonnull (cli);
  g_assert_cmpint (rp_attendee_get_step (rp_attendee_list_get_attendee (rp_attendee_list_page_get_list (fixture->page),
                                                                        position_of_number (fixture, 4))), ==, 1);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  g_assert_true (rp_store_check_for_changes (fixture->store));
  settle (fixture);
  g_assert_cmpint (rp_attendee_get_step (rp_attendee_list_get_attendee (rp_attendee_list_page_get_list (fixture->page),
                                                                        position_of_number (fixture, 4))), ==, 2);
}

static void
test_attendees_conflict_use_theirs (Fixture       *fixture,
                                    gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 7);
  GtkWidget *phone = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  AdwMessageDialog *dialog;
  g_autoptr(RpAttendee) after = NULL;
  g_autoptr(RpAttendee) later = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900107");
  their_edit (fixture, 7, RP_ATTENDEE_FIELD_CONTACT_PHONE, "07700 900111");

  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 900999");
  rp_attendee_detail_page_save_now (attendee_detail_page);
  rp_test_spin ();

  /* Nothing of theirs was overwritten, and nothing typed is lost. */
  after = stored_attendee (fixture, 7);
  g_assert_cmpstr (rp_attendee_get_contact_phone (after), ==, "07700 900111");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900999");
  dialog = find_conflict_dialog ();
  assert_shows_both (dialog, "“07700 900111”", "“07700 900999”");

  /* Use Theirs: the field shows what is stored, and is not saved again. */
  click_response (dialog, "_Use Theirs");
  g_assert_null (find_conflict_dialog ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900111");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.back", NULL));
  settle (fixture);
  g_assert_null (find_conflict_dialog ());
  later = stored_attendee (fixture, 7);
  g_assert_cmpstr (rp_attendee_get_contact_phone (later), ==, "07700 900111");
}

/* Leaving the page asks too; Keep Mine saves over theirs, both in the history. */
static void
test_attendees_conflict_keep_mine (Fixture       *fixture,
                                   gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 7);
  GtkWidget *phone = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  AdwMessageDialog *dialog;
  g_autoptr(RpAttendee) after = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(RpAuditEntry) newest = NULL;
  g_autoptr(RpAuditEntry) theirs = NULL;

  their_edit (fixture, 7, RP_ATTENDEE_FIELD_CONTACT_PHONE, "07700 900111");
  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 900999");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.back", NULL));
  settle (fixture);

  dialog = find_conflict_dialog ();
  assert_shows_both (dialog, "“07700 900111”", "“07700 900999”");
  click_response (dialog, "_Keep Mine");

  after = stored_attendee (fixture, 7);
  g_assert_cmpstr (rp_attendee_get_contact_phone (after), ==, "07700 900999");
  audit = rp_store_list_audit (fixture->store, "attendee", rp_attendee_get_id (after), NULL);
  newest = g_list_model_get_item (audit, 0);
  theirs = g_list_model_get_item (audit, 1);
  g_assert_cmpstr (rp_audit_entry_get_old_value (newest), ==, "07700 900111");
  g_assert_cmpstr (rp_audit_entry_get_new_value (newest), ==, "07700 900999");
  g_assert_cmpstr (rp_audit_entry_get_old_value (theirs), ==, "07700 900107");
  g_assert_cmpstr (rp_audit_entry_get_new_value (theirs), ==, "07700 900111");
}

/* Someone else's change to another field is kept, merged without asking, and shown. */
static void
test_attendees_other_field_merges (Fixture       *fixture,
                                   gconstpointer  data)
{
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 7);
  GtkWidget *phone = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  GtkWidget *relationship = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), ADW_TYPE_ENTRY_ROW, "title", "Relationship");
  g_autoptr(RpAttendee) after = NULL;

  their_edit (fixture, 7, RP_ATTENDEE_FIELD_CONTACT_RELATIONSHIP, "Sister");
  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 900999");
  rp_attendee_detail_page_save_now (attendee_detail_page);
  rp_test_spin ();

  g_assert_null (find_conflict_dialog ());
  after = stored_attendee (fixture, 7);
  g_assert_cmpstr (rp_attendee_get_contact_phone (after), ==, "07700 900999");
  g_assert_cmpstr (rp_attendee_get_contact_relationship (after), ==, "Sister");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (relationship)), ==, "Sister");
}

static gint64
data_version (RpStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version;

  g_assert_cmpint (sqlite3_prepare_v2 (rp_store_get_db (store), "PRAGMA data_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Opening a page and leaving it with no edit commits nothing at all. */
static void
test_attendees_leave_without_edits (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) other = rp_store_open (rp_store_get_path (fixture->store), RP_STORE_OPEN_READ_ONLY, &error);
  RpAttendeeDetailPage *attendee_detail_page;
  gint64 before;

  g_assert_no_error (error);
  before = data_version (other);

  attendee_detail_page = open_attendee (fixture, 7);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.back", NULL));
  settle (fixture);
  attendee_detail_page = open_attendee (fixture, 12);
  rp_attendee_detail_page_save_now (attendee_detail_page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.back", NULL));
  settle (fixture);

  g_assert_cmpint (data_version (other), ==, before);
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

/* The erase dialogue says the backups still hold the person, and by default
 * erases them from the backups too. */
static void
test_attendees_erase_from_backups (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = rp_database_file_back_up (rp_store_get_path (fixture->store), RP_BACKUP_MANUAL, &error);
  g_autoptr(RpStore) backup = NULL;
  g_autoptr(RpAttendee) kept = NULL;
  RpAttendeeDetailPage *attendee_detail_page;
  AdwMessageDialog *dialog;
  GtkWidget *also_backups;

  g_assert_no_error (error);
  attendee_detail_page = open_attendee (fixture, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.delete", NULL));
  rp_test_spin ();

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The backups made before today still hold"));
  also_backups = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_CHECK_BUTTON (also_backups));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (also_backups)));
  adw_message_dialog_response (dialog, "delete");
  settle (fixture);

  g_assert_null (rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL));
  backup = rp_store_open (copy, RP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  kept = rp_store_find_attendee (backup, rp_programme_get_id (fixture->programme), 4, NULL);
  g_assert_null (kept);
}

/* Enter in the search opens the one attendee found, even when pressed
 * before the search has answered; with several found it goes to the list. */
static void
test_attendees_search_enter (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *search = rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  RpAttendeeDetailPage *detail;

  gtk_widget_grab_focus (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "ella");
  g_signal_emit_by_name (search, "activate");
  settle (fixture);
  detail = rp_attendee_list_page_get_attendee_detail_page (fixture->page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (detail)));
  g_assert_cmpint (rp_attendee_get_number (rp_attendee_detail_page_get_attendee (detail)), ==, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "attendee.back", NULL));
  settle (fixture);
  gtk_widget_grab_focus (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "an");
  g_signal_emit_by_name (search, "activate");
  settle (fixture);
  g_assert_cmpuint (shown (fixture), >, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (detail)))), ==, "list");
  g_assert_false (gtk_widget_has_focus (search));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         rp_test_find_widget (GTK_WIDGET (fixture->page), RP_TYPE_ATTENDEE_TABLE, NULL, NULL)));

  /* The search is remembered for the next start, and so for the next test. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  settle (fixture);
}

/* Every area, and an attendee's page, fit GNOME's phone width of 360 px. */
static void
test_attendees_fits_narrow_window (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char * const areas[] = { "attendees", "taster-days", "timetable", "reports" };
  int minimum;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_object_set (fixture->window, "area", areas[i], NULL);
      settle (fixture);
      gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > 360)
        g_test_fail_printf ("%s needs %d px", areas[i], minimum);
    }

  g_object_set (fixture->window, "area", "attendees", NULL);
  settle (fixture);
  open_attendee (fixture, 2);
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* The worker choices are the store's workers: one added or renamed
 * elsewhere is offered as it now is, the one allocated stays chosen and
 * nothing is saved by the change; a worker chosen is saved by id. */
static void
test_attendees_worker_choices_follow_store (Fixture       *fixture,
                                            gconstpointer  data)
{
  RpAttendeeDetailPage *page = open_attendee (fixture, 7);
  AdwComboRow *worker_row = ADW_COMBO_ROW (rp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "title", "Allocated worker"));
  g_autoptr(RpAttendee) before = stored_attendee (fixture, 7);
  g_autoptr(RpAttendee) after = NULL;
  g_autoptr(RpWorker) allocated = rp_store_get_worker (fixture->store, rp_attendee_get_worker_id (before), NULL);
  g_autoptr(RpWorker) renamed = NULL;
  g_autoptr(RpWorker) aaron = rp_worker_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audit_before = rp_store_list_audit (fixture->store, "attendee", rp_attendee_get_id (before), NULL);
  g_autoptr(GListModel) audit_after = NULL;
  GListModel *choices;
  RpWorker *chosen;

  g_assert_nonnull (worker_row);
  g_assert_nonnull (allocated);
  chosen = adw_combo_row_get_selected_item (worker_row);
  g_assert_true (RP_IS_WORKER (chosen));
  g_assert_cmpint (rp_worker_get_id (chosen), ==, rp_worker_get_id (allocated));

  /* Added first by name, and the allocated worker renamed, elsewhere. */
  rp_worker_set_name (aaron, "Aaron Abbott");
  rp_worker_set_initials (aaron, "AA");
  rp_store_add_worker (fixture->store, aaron, &error);
  g_assert_no_error (error);
  renamed = rp_worker_copy (allocated);
  rp_worker_set_name (renamed, "Kerry-Ann Walsh");
  rp_store_save_worker (fixture->store, renamed, &error);
  g_assert_no_error (error);
  settle (fixture);

  choices = adw_combo_row_get_model (worker_row);
  g_assert_true (g_list_model_get_item_type (choices) == RP_TYPE_WORKER);
  chosen = adw_combo_row_get_selected_item (worker_row);
  g_assert_cmpint (rp_worker_get_id (chosen), ==, rp_worker_get_id (allocated));
  g_assert_cmpstr (rp_worker_get_name (chosen), ==, "Kerry-Ann Walsh");
  rp_attendee_detail_page_save_now (page);
  settle (fixture);
  audit_after = rp_store_list_audit (fixture->store, "attendee", rp_attendee_get_id (before), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (audit_after), ==, g_list_model_get_n_items (audit_before));
  {
    g_autoptr(RpWorker) first = g_list_model_get_item (choices, 1);

    g_assert_cmpstr (rp_worker_get_name (first), ==, "Aaron Abbott");
    adw_combo_row_set_selected (worker_row, 1);
  }

  rp_attendee_detail_page_save_now (page);
  settle (fixture);
  after = stored_attendee (fixture, 7);
  g_assert_cmpint (rp_attendee_get_worker_id (after), ==, rp_worker_get_id (aaron));
}

/* The history names the worker this account belongs to, once chosen in
 * Preferences, and the account until then. */
static void
test_attendees_history_names_me (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *mine = NULL;
  RpAttendeeDetailPage *attendee_detail_page = open_attendee (fixture, 4);
#define MOVED "22 September 2023 — Moved to step 2, Contact with people to commence discussion, by "
  const char *by_account = MOVED "jtaylor";
  const char *by_name = MOVED "Jo Taylor";
#undef MOVED
  GtkWidget *preferences;
  GtkWidget *row;
  GtkWidget *line;
  GListModel *names;
  guint jo = GTK_INVALID_LIST_POSITION;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (attendee_detail_page), "attendee.next-step", NULL));
  settle (fixture);
  click_response (visible_dialog_headed ("Move Danny to Step 2 — Contact with people to commence discussion?"), "_Move");
  settle (fixture);
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (attendee_detail_page), GTK_TYPE_LABEL, "label", by_account));

  preferences = rp_preferences_window_new (GTK_WINDOW (fixture->window), fixture->store);
  gtk_window_present (GTK_WINDOW (preferences));
  rp_test_spin ();
  row = rp_test_find_widget (preferences, ADW_TYPE_COMBO_ROW, "title", "Your name in the history");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  names = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Jo Taylor") == 0)
      jo = i;
  g_assert_cmpuint (jo, !=, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), jo);
  mine = g_settings_get_string (settings, "my-worker");
  g_assert_cmpstr (mine, ==, "Jo Taylor");
  rp_test_spin ();
  line = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), GTK_TYPE_LABEL, "label", by_name);
  g_assert_nonnull (line);
  g_assert_null (rp_test_find_widget (GTK_WIDGET (attendee_detail_page), GTK_TYPE_LABEL, "label", by_account));
  /* A screen reader moving along the history reads each line's words. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (line)), GTK_ACCESSIBLE_PROPERTY_LABEL, by_name);

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "my-worker");
  rp_test_spin ();
}

/* A new attendee's form says what is wrong under each field at fault, all
 * at once, keeps everything typed, and saves once it is put right. */
static void
test_attendees_new_attendee_form (Fixture       *fixture,
                                  gconstpointer  data)
{
  RpNewAttendeeWindow *window = rp_new_attendee_window_new (GTK_WINDOW (fixture->window), fixture->store, fixture->programme);
  GtkWidget *number, *name, *date, *add;
  g_autoptr(RpAttendee) added = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();
  number = rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "title", "Attendee number");
  name = rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "title", "Full name");
  date = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_DATE_ROW, NULL, NULL);
  add = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "_Add");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number)), ==, "20");

  gtk_editable_set_text (GTK_EDITABLE (number), "2O");
  gtk_editable_set_text (GTK_EDITABLE (name), "Zo\xc3\xab O\xe2\x80\x99" "Brien");
  gtk_editable_set_text (GTK_EDITABLE (date), "30/02/2023");
  g_signal_emit_by_name (add, "clicked");
  rp_test_spin ();

  g_assert_nonnull (window);
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (number)), ==, "The attendee number must be a whole number from 1 upwards.");
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (date)), ==, "“30/02/2023” is not a real date: that month has 28 days.");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (number))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Zo\xc3\xab O\xe2\x80\x99" "Brien");

  /* A number already given is said under the number. */
  gtk_editable_set_text (GTK_EDITABLE (number), "4");
  gtk_editable_set_text (GTK_EDITABLE (date), "20/09/2023");
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (number)));
  g_signal_emit_by_name (add, "clicked");
  rp_test_spin ();
  g_assert_nonnull (window);
  g_assert_nonnull (strstr (rp_row_get_error (ADW_PREFERENCES_ROW (number)), "Attendee number 4 is already in use"));
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (date)));

  gtk_editable_set_text (GTK_EDITABLE (number), "20");
  g_signal_emit_by_name (add, "clicked");
  rp_test_spin ();
  g_assert_null (window);
  added = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 20, NULL);
  g_assert_nonnull (added);
  g_assert_cmpstr (rp_attendee_get_full_name (added), ==, "Zo\xc3\xab O\xe2\x80\x99" "Brien");
}

static gboolean
review_shown_held (Fixture *fixture)
{
  GtkWidget *page = rp_test_find_widget (GTK_WIDGET (fixture->page), RP_TYPE_ATTENDEE_DETAIL_PAGE, NULL, NULL);

  return page != NULL && rp_test_find_widget (page, ADW_TYPE_ACTION_ROW, "subtitle", "Held on 22 September 2023") != NULL;
}

/* Issue 17: a follow-up review recorded from the attendee's page rates
 * each of three outcomes and takes the person to step 6 through the step
 * history, dated the day of the review. */
static void
test_attendees_record_review (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const texts[] = { "Keeps seeing friends from the centre", "Hydrotherapy each week",
                                        "Same transport driver" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) providers = rp_store_list_providers (fixture->store, NULL);
  g_autoptr(RpProvider) provider = g_list_model_get_item (providers, 0);
  g_autoptr(RpAttendee) danny = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_autoptr(GListModel) reviews = NULL;
  g_autoptr(RpReview) review = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(RpStepChange) last = NULL;
  RpAttendeeDetailPage *attendee_detail_page;
  GtkWidget *group, *rating, *note;
  GtkWindow *dialog;

  g_assert_true (rp_store_record_move (fixture->store, rp_attendee_get_id (danny), rp_provider_get_id (provider),
                                       "2023-09-10", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();

      rp_planned_outcome_set_attendee_id (outcome, rp_attendee_get_id (danny));
      rp_planned_outcome_set_description (outcome, texts[i]);
      g_assert_true (rp_store_add_planned_outcome (fixture->store, outcome, &error));
    }

  attendee_detail_page = open_attendee (fixture, 4);
  settle (fixture);
  group = rp_test_find_widget (GTK_WIDGET (attendee_detail_page), RP_TYPE_AFTER_MOVE_GROUP, NULL, NULL);
  g_assert_nonnull (group);
  /* Six weeks after 10 September 2023. */
  g_assert_nonnull (rp_test_find_widget (group, ADW_TYPE_ACTION_ROW, "subtitle", "Falls on 22 October 2023"));
  g_assert_nonnull (rp_test_find_widget (group, ADW_TYPE_ACTION_ROW, "title", "Hydrotherapy each week"));

  g_assert_true (gtk_widget_activate_action (group, "after-move.record-review", NULL));
  settle (fixture);
  dialog = find_window_of_type (RP_TYPE_REVIEW_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Record Follow-up Review");

  /* Tab reaches each tick of who took part itself, never a nameless row round it. */
  {
    GtkWidget *person = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, "label", "The _person");

    g_assert_nonnull (person);
    g_assert_true (gtk_widget_get_focusable (person));
    g_assert_false (gtk_widget_get_focusable (gtk_widget_get_parent (person)));
  }

  /* Unrated, it is refused beside the first outcome, and nothing is written. */
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Record"), "clicked");
  settle (fixture);
  g_assert_true (find_window_of_type (RP_TYPE_REVIEW_DIALOG) == dialog);
  rating = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "title", texts[0]);
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (rating)), ==,
                   "Say whether “Keeps seeing friends from the centre” was met, partly met or not met.");
  g_assert_cmpint (stored_step (fixture, 4), ==, 1);

  /* Met, partly met with a note, met. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rating), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "title", texts[1])), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "title", texts[2])), 1);
  note = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Note on “Hydrotherapy each week”");
  gtk_editable_set_text (GTK_EDITABLE (note), "Pool closed for repairs");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON,
                                                                      "label", "Their _family or carer")), TRUE);

  /* Meanwhile a colleague adds an outcome to the plan: the review gets a row
   * for it, keeps what was chosen and typed, and asks for its rating there. */
  {
    g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();

    rp_planned_outcome_set_attendee_id (outcome, rp_attendee_get_id (danny));
    rp_planned_outcome_set_description (outcome, "Swimming on Fridays");
    g_assert_true (rp_store_add_planned_outcome (fixture->store, outcome, &error));
    g_assert_no_error (error);
  }
  settle (fixture);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rating)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "Pool closed for repairs");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Record"), "clicked");
  settle (fixture);
  g_assert_true (find_window_of_type (RP_TYPE_REVIEW_DIALOG) == dialog);
  rating = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "title", "Swimming on Fridays");
  g_assert_nonnull (rating);
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (rating)), ==,
                   "Say whether “Swimming on Fridays” was met, partly met or not met.");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rating), 3);

  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Record"), "clicked");
  settle (fixture);
  g_assert_null (find_window_of_type (RP_TYPE_REVIEW_DIALOG));

  reviews = rp_store_list_reviews (fixture->store, rp_attendee_get_id (danny), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 1);
  review = g_list_model_get_item (reviews, 0);
  g_assert_cmpstr (rp_review_get_held_on (review), ==, "2023-09-22");
  g_assert_cmpint (rp_review_get_reviewer_id (review), ==, rp_attendee_get_worker_id (danny));
  g_assert_cmpint (rp_review_get_took_part (review), ==, RP_TOOK_PART_FAMILY);
  g_assert_cmpuint (rp_review_get_n_ratings (review), ==, 4);
  g_assert_cmpint (rp_review_get_rating (review, 3)->rating, ==, RP_RATING_NOT_MET);
  g_assert_cmpint (rp_review_get_rating (review, 0)->rating, ==, RP_RATING_MET);
  g_assert_cmpint (rp_review_get_rating (review, 1)->rating, ==, RP_RATING_PARTLY_MET);
  g_assert_cmpstr (rp_review_get_rating (review, 1)->note, ==, "Pool closed for repairs");
  g_assert_cmpint (rp_review_get_rating (review, 2)->rating, ==, RP_RATING_MET);

  g_assert_cmpint (stored_step (fixture, 4), ==, 6);
  history = rp_store_list_step_history (fixture->store, rp_attendee_get_id (danny), NULL);
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_assert_cmpint (rp_step_change_get_to_step (last), ==, 6);
  g_assert_cmpstr (rp_step_change_get_changed_on (last), ==, "2023-09-22");

  /* The page shows it held. */
  g_assert_true (spin_until (review_shown_held, fixture));
  g_assert_nonnull (rp_test_find_widget (group, ADW_TYPE_ACTION_ROW, "subtitle", "Held on 22 September 2023"));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/attendees/communication-banner", test_attendees_communication_banner);
  ADD ("/gui/attendees/filter-and-search", test_attendees_filter_and_search);
  ADD ("/gui/attendees/search-enter", test_attendees_search_enter);
  ADD ("/gui/attendees/fits-narrow-window", test_attendees_fits_narrow_window);
  ADD ("/gui/attendees/sort", test_attendees_sort);
  ADD ("/gui/attendees/worker-menu", test_attendees_worker_menu);
  ADD ("/gui/attendees/header-sorts", test_attendees_header_sorts);
  ADD ("/gui/attendees/rows-in-sight", test_attendees_rows_in_sight);
  ADD ("/gui/attendees/step-forward-and-undo", test_attendees_step_forward_and_undo);
  ADD ("/gui/attendees/change-step-dialog", test_attendees_change_step_dialog);
  ADD ("/gui/attendees/undo-after-toast", test_attendees_undo_after_toast);
  ADD ("/gui/attendees/impossible-birth-date", test_attendees_impossible_birth_date);
  ADD ("/gui/attendees/saved-feedback", test_attendees_saved_feedback);
  ADD ("/gui/attendees/record-move-confirmed", test_attendees_record_move_confirmed);
  ADD ("/gui/attendees/edit-note-selects-word", test_attendees_edit_note_selects_word);
  ADD ("/gui/attendees/new-attendee-form", test_attendees_new_attendee_form);
  ADD ("/gui/attendees/edit-field", test_attendees_edit_field);
  ADD ("/gui/attendees/report-note-warning", test_attendees_report_note_warning);
  ADD ("/gui/attendees/close-mid-edit", test_attendees_close_mid_edit);
  ADD ("/gui/attendees/disk-full-keeps-the-edit", test_attendees_disk_full);
  ADD ("/gui/attendees/follows-store-while-typing", test_attendees_follows_store_while_typing);
  ADD ("/gui/attendees/list-follows-store", test_attendees_list_follows_store);
  ADD ("/gui/attendees/erased-elsewhere", test_attendees_erased_elsewhere);
  ADD ("/gui/attendees/conflict-use-theirs", test_attendees_conflict_use_theirs);
  ADD ("/gui/attendees/conflict-keep-mine", test_attendees_conflict_keep_mine);
  ADD ("/gui/attendees/other-field-merges", test_attendees_other_field_merges);
  ADD ("/gui/attendees/leave-without-edits", test_attendees_leave_without_edits);
  ADD ("/gui/attendees/erase-from-backups", test_attendees_erase_from_backups);
  ADD ("/gui/attendees/worker-choices-follow-store", test_attendees_worker_choices_follow_store);
  ADD ("/gui/attendees/history-names-me", test_attendees_history_names_me);
  ADD ("/gui/attendees/log-contact", test_attendees_log_contact);
  ADD ("/gui/attendees/record-review", test_attendees_record_review);
  ADD ("/gui/attendees/early-move-then-review", test_attendees_early_move_then_review);
#undef ADD

  return g_test_run ();
}
