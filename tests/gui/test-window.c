/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window and the new-programme window, driven as a user would */

#include "config.h"

#include <adwaita.h>

#include <sqlite3.h>
#include <string.h>

#include "rp-backups-window.h"
#include "rp-import-window.h"
#include "rp-core.h"
#include "rp-database-file-private.h"
#include "rp-store-private.h"
#include "rp-count-row.h"
#include "rp-new-programme-window.h"
#include "rp-programme-history-window.h"
#include "rp-reports-page.h"
#include "rp-gui-test-util.h"
#include "rp-test-util.h"
#include "rp-accessible.h"
#include "rp-window.h"

typedef struct
{
  char    *dir;
  RpStore *store;
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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Runs the main loop until @view shows, for work done in a thread; FALSE after 5 s. */
static gboolean
wait_for_view (RpWindow   *window,
               const char *view)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_strcmp0 (rp_window_get_view (window), view) != 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return g_strcmp0 (rp_window_get_view (window), view) == 0;
}

/* Destroys @window and checks that nothing else still holds it, once the
 * checks and backups it started in threads have reported back. */
static void
destroy_window (RpWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (G_OBJECT (window)->ref_count > 1 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  rp_test_spin ();
  g_assert_finalize_object (window);
}

/* A figure on the dashboard, read as a user does: in the Reports area. */
static const char *
count_in_area (RpWindow   *window,
               const char *row_title)
{
  GtkWidget *row;

  g_object_set (window, "area", "reports", NULL);
  rp_test_spin ();
  row = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_COUNT_ROW, "title", row_title);

  g_assert_nonnull (row);
  return rp_count_row_get_value (RP_COUNT_ROW (row));
}

static void
test_window_welcome_without_store (Fixture       *fixture,
                                   gconstpointer  data)
{
  RpWindow *window = rp_window_new (NULL);
  GtkWidget *menu_button;

  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  g_assert_cmpstr (rp_window_get_view (window), ==, "welcome");
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "_Explore a Sample Programme"));

  /* The icon-only menu button has a name a screen reader can say. */
  menu_button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, NULL);
  g_assert_nonnull (menu_button);
  gtk_test_accessible_assert_role (menu_button, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (menu_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
  /* Said to have a menu before the menu is first made. */
  gtk_test_accessible_assert_property (menu_button, GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE);

  /* The menu is there when it opens, with Open Database among the first items. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  rp_test_spin ();
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
    g_autoptr(GMenuModel) first_section = NULL;
    g_autofree char *label = NULL;

    g_assert_nonnull (menu);
    first_section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_true (g_menu_model_get_item_attribute (first_section, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "_Open Database…");
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  destroy_window (window);
}

static void
test_window_shows_programme (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autofree char *expected = NULL;
  RpProgrammeCounts counts;
  RpWindow *window;
  GtkWidget *title;

  /* The sample as of the reference report, seen on a fixed day before the
   * closure, so the subtitle and the days left do not depend on the clock. */
  rp_store_set_today (fixture->store, "2023-09-22");
  programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2024-01-01");
  g_assert_true (rp_store_get_counts (fixture->store, rp_programme_get_id (programme), &counts, &error));

  window = rp_window_new (NULL);
  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  g_assert_cmpstr (rp_window_get_view (window), ==, "programme");
  g_assert_cmpint (rp_programme_get_id (rp_window_get_programme (window)), ==, rp_programme_get_id (programme));

  title = rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL, NULL);
  g_assert_cmpstr (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (title)), ==,
                   rp_programme_get_name (programme));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title)), ==, "Closes 31 March 2024");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, rp_programme_get_name (programme));

  /* The Attendees area is built first; the others wait until they are shown. */
  g_assert_cmpstr (rp_window_get_area (window), ==, "attendees");
  g_assert_null (rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_REPORTS_PAGE, NULL, NULL));

  /* The figures are the database's, not the page's. */
  expected = g_strdup_printf ("%u", counts.attending);
  g_assert_cmpstr (count_in_area (window, "Still attending"), ==, expected);
  g_assert_cmpstr (count_in_area (window, "Step 2 · Contact with people to commence discussion"), ==, "8");
  g_assert_cmpstr (count_in_area (window, "Step 5 · Explore options for new provision"), ==, "1");
  g_assert_cmpstr (count_in_area (window, "Health"), ==, "5");
  g_assert_cmpstr (count_in_area (window, "Moved to new provision"), ==, "0 of 19");
  g_assert_cmpstr (count_in_area (window, "Days until closure"), ==, "90");

  /* Alt+3 and the area action switch to the timetable. */
  g_assert_cmpstr (rp_window_get_area (window), ==, "reports");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.area", "s", "timetable"));
  g_assert_cmpstr (rp_window_get_area (window), ==, "timetable");

  /* A step change shows after a refresh of the programme. */
  {
    g_autoptr(RpAttendee) four = rp_store_find_attendee (fixture->store, rp_programme_get_id (programme), 4, &error);

    g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (four), 2, NULL, NULL, &error));
    rp_window_set_store (window, NULL);
    rp_window_set_store (window, fixture->store);
    rp_test_spin ();
    g_assert_cmpstr (count_in_area (window, "Step 2 · Contact with people to commence discussion"), ==, "9");
  }

  destroy_window (window);
}

static void
test_window_switch_programme (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) sample = rp_sample_create (fixture->store, &error);
  g_autoptr(RpProgramme) other = rp_programme_new ();
  RpWindow *window;
  GtkWidget *title;

  g_assert_no_error (error);
  rp_programme_set_name (other, "Hillside Day Centre");
  rp_programme_set_closure_date (other, NULL);
  g_assert_true (rp_store_add_programme (fixture->store, other, &error));

  window = rp_window_new (NULL);
  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  /* The programmes menu item switches the whole window to the other programme. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "programme.show", "x",
                                             rp_programme_get_id (other)));
  g_assert_cmpint (rp_programme_get_id (rp_window_get_programme (window)), ==, rp_programme_get_id (other));
  title = rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE, NULL, NULL);
  g_assert_cmpstr (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (title)), ==, "Hillside Day Centre");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title)), ==, "No closure date set");
  rp_test_spin ();
  g_assert_cmpstr (count_in_area (window, "Still attending"), ==, "0");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "programme.show", "x",
                                             rp_programme_get_id (sample)));
  rp_test_spin ();
  g_assert_cmpstr (count_in_area (window, "Still attending"), ==, "19");

  destroy_window (window);
}

static void
test_window_recent_database_missing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *missing = g_build_filename (fixture->dir, "moved-away.db", NULL);
  g_autofree char *recent = NULL;
  RpWindow *window = rp_window_new (NULL);

  g_settings_set_string (settings, "recent-database", missing);
  rp_window_restore_session (window);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  /* The welcome page shows, and the next start does not look for the file again. */
  g_assert_null (rp_window_get_store (window));
  g_assert_cmpstr (rp_window_get_view (window), ==, "welcome");
  recent = g_settings_get_string (settings, "recent-database");
  g_assert_cmpstr (recent, ==, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  destroy_window (window);
}

static void
test_window_open_not_a_database (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const char text[] = "Name,Step\nA,2\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autofree char *contents = NULL;
  RpWindow *window = rp_window_new (NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));

  /* The file is refused with a reason, shown on the fault page, and left exactly as it was. */
  g_assert_false (rp_window_open_database (window, path, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE);
  g_assert_null (rp_window_get_store (window));
  g_assert_cmpstr (rp_window_get_view (window), ==, "fault");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);

  destroy_window (window);
}

/* Scribbles over the attendee table's first page; SQLite still opens the file. */
static void
damage_attendee_table (const char *path)
{
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length;
  int root_page;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_master WHERE name = 'attendee'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root_page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  memset (contents + (root_page - 1) * 4096, 0x5A, 12);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* The first window of @type open, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

static guint
count_daily_backups (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = rp_backup_list (path, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(RpBackup) backup = g_list_model_get_item (backups, i);

      n += rp_backup_get_reason (backup) == RP_BACKUP_DAILY;
    }

  return n;
}

/* The first opening of the day backs the file up, but only once the window has
 * been drawn: reading the whole file must not hold up the first sight of it. */
static void
test_window_daily_backup_after_drawing (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) sample = rp_sample_create (fixture->store, &error);
  g_autofree char *path = g_strdup (rp_store_get_path (fixture->store));
  RpWindow *window = rp_window_new (NULL);
  gint64 deadline;

  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  g_assert_true (rp_window_open_database (window, path, &error));
  g_assert_no_error (error);
  /* Ample time for a backup of the sample, had it been started. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (count_daily_backups (path), ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (count_daily_backups (path) == 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (count_daily_backups (path), ==, 1);

  destroy_window (window);
  fixture->store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

/* The keyboard shortcuts are made when asked for, not with every window, and
 * Ctrl+? still brings them up. */
static void
test_window_shortcuts_on_demand (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GtkApplication) application = gtk_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  RpWindow *window;
  GtkWindow *shortcuts;

  /* A window of the application, which is what GtkApplication gave its overlay. */
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  window = rp_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  rp_test_spin ();
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_destroy (shortcuts);
  rp_test_spin ();

  destroy_window (window);
}

/* A damaged table looks empty to SQLite until it is read: the window finds
 * out, says so, and restores a backup, keeping the damaged file. */
static void
test_window_damaged_database_restored (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) sample = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autofree char *path = g_strdup (rp_store_get_path (fixture->store));
  g_autofree char *good = NULL;
  RpWindow *window = rp_window_new (NULL);
  RpBackupsWindow *dialog;
  GtkWidget *heading;
  guint n_before_restore = 0;

  sample = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  good = rp_database_file_back_up (path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  damage_attendee_table (path);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rp_window_open_database (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_view (window, "fault"));
  heading = rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "title", "The Database Is Damaged");
  g_assert_nonnull (heading);
  g_assert_true (gtk_widget_get_mapped (heading));
  g_assert_null (rp_window_get_store (window));

  /* No daily backup of a damaged file pushes a good one out. */
  backups = rp_backup_list (path, &error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  g_clear_object (&backups);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL));
  rp_test_spin ();
  dialog = RP_BACKUPS_WINDOW (find_toplevel (RP_TYPE_BACKUPS_WINDOW));
  g_assert_nonnull (dialog);
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Restore…"));

  /* What the confirmation's Restore button sends. */
  g_signal_emit_by_name (dialog, "restore", good);
  rp_test_spin ();
  g_assert_true (wait_for_view (window, "programme"));
  g_assert_cmpstr (count_in_area (window, "Still attending"), ==, "19");
  g_assert_null (find_toplevel (RP_TYPE_BACKUPS_WINDOW));

  backups = rp_backup_list (path, &error);
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(RpBackup) backup = g_list_model_get_item (backups, i);

      if (rp_backup_get_reason (backup) == RP_BACKUP_BEFORE_RESTORE)
        {
          /* The damaged file itself, damage and all, for whoever tries to recover more. */
          n_before_restore++;
          g_assert_false (rp_check_quick (rp_backup_get_path (backup), NULL));
        }
    }
  g_assert_cmpuint (n_before_restore, ==, 1);

  destroy_window (window);
  fixture->store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

/* Restoring the session on a file that is not ours shows what is wrong and
 * what can be done, and leaves the file alone. */
static void
test_window_fault_page (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char text[] = "Attendee,Step\n4,2\n";
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autofree char *contents = NULL;
  RpWindow *window = rp_window_new (NULL);
  GtkWidget *button;

  rp_accessible_install_mnemonic_fix ();
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_settings_set_string (settings, "recent-database", path);
  rp_window_restore_session (window);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  g_assert_cmpstr (rp_window_get_view (window), ==, "fault");
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "title", "This Is Not a Reprovision Database"));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "label", path));

  /* Only what can help is offered: no backups exist, and it cannot be read at all. */
  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "_Choose Another File…");
  g_assert_true (gtk_widget_get_visible (button));
  /* A screen reader hears the button's label once and without its underscore. */
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Choose Another File…");
  {
    g_autofree char *shown = rp_accessible_strip_mnemonic ("Open _Read-Only and __ kept");

    g_assert_cmpstr (shown, ==, "Open Read-Only and _ kept");
  }
  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "_Restore a Backup…");
  g_assert_false (gtk_widget_get_visible (button));
  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "Open _Read-Only");
  g_assert_false (gtk_widget_get_visible (button));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);

  destroy_window (window);
}

/* Another program deleted the write-ahead log under the window's database,
 * as it does once something in this process dropped SQLite's locks. */
static void
test_window_lock_lost (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_strdup (rp_store_get_path (fixture->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(GError) error = NULL;
  RpWindow *window = rp_window_new (NULL);
  RpStore *reopened;
  GtkWidget *button;

  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  /* Another program copies the log into the file, then deletes it. Between
   * saves, everything saved is in the file: the store opens it again and
   * the next save goes in, with no fault shown. */
  g_assert_cmpint (sqlite3_wal_checkpoint_v2 (rp_store_get_db (fixture->store), NULL, SQLITE_CHECKPOINT_FULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (g_unlink (wal), ==, 0);
  g_assert_cmpint (g_unlink (shm), ==, 0);
  rp_programme_set_name (programme, "Before");
  g_assert_true (rp_store_add_programme (fixture->store, programme, &error));
  g_assert_no_error (error);
  rp_test_spin ();
  g_assert_null (rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "title", "Saving Stopped to Keep the Database Safe"));
  g_object_unref (programme);
  programme = rp_programme_new ();

  /* In the middle of a change the log cannot be given up: that save is
   * refused, and the window says why instead of carrying on. */
  g_assert_true (rp_store_begin (fixture->store, &error));
  g_assert_cmpint (g_unlink (wal), ==, 0);
  g_assert_cmpint (g_unlink (shm), ==, 0);
  rp_programme_set_name (programme, "Riverside");
  g_assert_false (rp_store_add_programme (fixture->store, programme, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_LOCK_LOST);
  g_clear_error (&error);
  rp_store_rollback (fixture->store);
  g_assert_true (wait_for_view (window, "fault"));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "title", "Saving Stopped to Keep the Database Safe"));
  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "_Try Again");
  g_assert_true (gtk_widget_get_visible (button));
  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "_Restore a Backup…");
  g_assert_false (gtk_widget_get_visible (button));

  /* Opening it again gives a connection that can save. */
  g_clear_object (&fixture->store);
  fixture->store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-open", NULL));
  rp_test_spin ();
  g_object_get (window, "store", &reopened, NULL);
  g_assert_nonnull (reopened);
  g_assert_true (rp_store_add_programme (reopened, programme, &error));
  g_assert_no_error (error);
  g_object_unref (reopened);

  destroy_window (window);
}

/* A database on a network drive is not opened for writing; a copy is offered. */
static void
test_window_network_share (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_strdup (rp_store_get_path (fixture->store));
  g_autoptr(GError) error = NULL;
  RpWindow *window = rp_window_new (NULL);
  RpStore *opened;
  GtkWidget *button;

  g_clear_object (&fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  rp_database_file_set_fake_filesystem_type (0xFF534D42);  /* a Windows share */

  g_assert_false (rp_window_open_database (window, path, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NETWORK_SHARE);
  rp_window_show_fault (window, path, error);
  rp_test_spin ();
  g_assert_cmpstr (rp_window_get_view (window), ==, "fault");
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "title", "The Database Is on a Network Drive"));
  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "Open _Read-Only");
  g_assert_true (gtk_widget_get_visible (button));
  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "_Copy to This Computer");
  g_assert_true (gtk_widget_get_visible (button));

  /* The copy lives in the data folder, on this computer, and can be changed. */
  rp_database_file_set_fake_filesystem_type (0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-local-copy", NULL));
  rp_test_spin ();
  g_object_get (window, "store", &opened, NULL);
  g_assert_nonnull (opened);
  g_assert_false (rp_store_is_read_only (opened));
  g_assert_cmpstr (rp_store_get_path (opened), !=, path);
  g_assert_true (g_str_has_prefix (rp_store_get_path (opened), g_get_user_data_dir ()));
  fixture->store = opened;

  destroy_window (window);
}

/* A file whose audit trail lost a safeguard opens on the fault page, which
 * offers the repair; repairing opens it, with the repair on record. */
static void
test_window_repair_protection (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) sample = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(RpAuditEntry) latest = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_strdup (rp_store_get_path (fixture->store));
  RpWindow *window = rp_window_new (NULL);
  GtkWidget *button;
  sqlite3 *db = NULL;

  sample = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_delete", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_settings_set_string (settings, "recent-database", path);
  rp_window_restore_session (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for_view (window, "fault"));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "title", "The Audit Trail Is Not Protected"));
  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "_Repair the Safeguards");
  g_assert_true (gtk_widget_get_visible (button));
  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "Open _Read-Only");
  g_assert_true (gtk_widget_get_visible (button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.repair-protection", NULL));
  g_assert_true (wait_for_view (window, "programme"));

  destroy_window (window);
  fixture->store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  audit = rp_store_list_audit (fixture->store, "database", 0, &error);
  latest = g_list_model_get_item (audit, 0);
  g_assert_cmpstr (rp_audit_entry_get_action (latest), ==, "repair");
}

static RpImportWindow *
find_import_window (void)
{
  return (RpImportWindow *) find_toplevel (RP_TYPE_IMPORT_WINDOW);
}

/* A window on screen showing the sample programme, as of 22 September 2023. */
static RpWindow *
show_sample (Fixture      *fixture,
             RpProgramme **sample)
{
  g_autoptr(GError) error = NULL;
  RpWindow *window = rp_window_new (NULL);

  rp_store_set_today (fixture->store, "2023-09-22");
  *sample = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();
  return window;
}

/* A file with a problem shows it and cannot be imported; a good one is added
 * in one go after a backup, and the list shows the new attendees. */
/* A change made in one area is seen in another without reopening anything:
 * the Reports dashboard follows a step change while it is on screen, and the
 * window follows another program's change within a second or so. */
static void
test_window_follows_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) sample = NULL;
  g_autoptr(RpAttendee) four = NULL;
  g_autofree char *today = NULL;
  RpWindow *window = show_sample (fixture, &sample);

  g_assert_cmpstr (count_in_area (window, "Step 1 · Social worker identified"), ==, "2");
  g_assert_cmpstr (count_in_area (window, "Step 2 · Contact with people to commence discussion"), ==, "8");

  four = rp_store_find_attendee (fixture->store, rp_programme_get_id (sample), 4, &error);
  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (four), 2, "2023-09-22", NULL, &error));
  g_assert_no_error (error);
  rp_test_spin ();
  g_assert_cmpstr (count_in_area (window, "Step 1 · Social worker identified"), ==, "1");
  g_assert_cmpstr (count_in_area (window, "Step 2 · Contact with people to commence discussion"), ==, "9");

  /* Another program renames the programme: the window's title follows. */
  {
    g_autoptr(RpStore) other = rp_store_open (rp_store_get_path (fixture->store), RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(RpProgramme) theirs = NULL;

    g_assert_no_error (error);
    theirs = rp_store_get_programme (other, rp_programme_get_id (sample), &error);
    rp_programme_set_name (theirs, "Riverside day centre");
    g_assert_true (rp_store_save_programme (other, theirs, &error));
  }
  /* The window on screen looks for changes made elsewhere once a second. */
  {
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "Riverside day centre") != 0 &&
           g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Riverside day centre");

  destroy_window (window);
}

/* The history row whose line starts with @start, or NULL. */
static GtkWidget *
find_history_row (GtkWidget  *root,
                  const char *start)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), start))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_history_row (child, start);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* Programme History, from the main menu, tells the programme's changes in
 * words and follows a change another program makes while it is open. */
static void
test_window_programme_history (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) sample = NULL;
  RpWindow *window = show_sample (fixture, &sample);
  RpProgrammeHistoryWindow *history;
  GtkWidget *row;
  GtkWidget *add_button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.programme-history", NULL));
  rp_test_spin ();
  history = (RpProgrammeHistoryWindow *) find_toplevel (RP_TYPE_PROGRAMME_HISTORY_WINDOW);
  g_assert_nonnull (history);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (history)), ==, "Programme History");

  row = find_history_row (GTK_WIDGET (history), "Worker Jo Taylor added — ");
  g_assert_nonnull (row);
  /* Reached with the keyboard, and read out whole. */
  g_assert_true (gtk_widget_get_focusable (row));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  /* Read, not edited: there is nothing to add. */
  add_button = rp_test_find_widget (GTK_WIDGET (history), GTK_TYPE_BUTTON, "action-name", "record-list.add");
  g_assert_false (gtk_widget_is_visible (add_button));
  /* Nothing about an attendee. */
  g_assert_null (find_history_row (GTK_WIDGET (history), "Added to the programme"));
  g_assert_null (find_history_row (GTK_WIDGET (history), "Follow-up review"));

  /* Another program changes the follow-up review while the history is open. */
  {
    g_autoptr(RpStore) other = rp_store_open (rp_store_get_path (fixture->store), RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(RpProgramme) theirs = NULL;

    g_assert_no_error (error);
    rp_store_set_user (other, "pmistry");
    theirs = rp_store_get_programme (other, rp_programme_get_id (sample), &error);
    g_assert_no_error (error);
    rp_programme_set_follow_up_weeks (theirs, 8);
    g_assert_true (rp_store_save_programme (other, theirs, &error));
    g_assert_no_error (error);
  }
  /* The window on screen looks for changes made elsewhere once a second. */
  {
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (find_history_row (GTK_WIDGET (history), "Follow-up review") == NULL && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  row = find_history_row (GTK_WIDGET (history), "Follow-up review set to 8 weeks after the move (was 6) — pmistry, ");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  gtk_window_destroy (GTK_WINDOW (history));
  destroy_window (window);
}

/* Choosing the open database itself to import is refused without the file
 * ever being opened by anything but SQLite; the database goes on working. */
static void
test_window_import_refuses_database (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) sample = rp_sample_create (fixture->store, &error);
  g_autofree char *wal = g_strconcat (rp_store_get_path (fixture->store), "-wal", NULL);
  RpWindow *window = rp_window_new (NULL);
  GListModel *toplevels;
  AdwMessageDialog *dialog = NULL;

  g_assert_no_error (error);
  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  rp_window_import_file (window, rp_store_get_path (fixture->store));
  rp_test_spin ();
  g_assert_null (find_import_window ());
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is the database itself"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  rp_window_import_file (window, wal);
  rp_test_spin ();
  g_assert_null (find_import_window ());

  destroy_window (window);
}

static void
test_window_import (Fixture       *fixture,
                    gconstpointer  data)
{
  /* The problem quotes the cell as it is written, not as markup. */
  static const char bad[] = "attendee_no,name,status,step\r\n20,Idris Evans,ASC,2\r\n21,Noor Haddad,Health,3 <or> 4 & up\r\n";
  static const char good[] = "\xef\xbb\xbf" "attendee_no,name,status,step\r\n20,Idris Evans,ASC,2\r\n21,\"Haddad, Noor\",Health,3\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) sample = rp_sample_create (fixture->store, &error);
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autofree char *bad_path = g_build_filename (fixture->dir, "bad.csv", NULL);
  g_autofree char *good_path = g_build_filename (fixture->dir, "good.csv", NULL);
  RpWindow *window = rp_window_new (NULL);
  RpImportWindow *dialog;
  gint64 deadline;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (bad_path, bad, -1, NULL));
  g_assert_true (g_file_set_contents (good_path, good, -1, NULL));
  rp_window_set_store (window, fixture->store);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  rp_window_import_file (window, bad_path);
  rp_test_spin ();
  dialog = find_import_window ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (rp_import_window_get_n_problems (dialog), ==, 1);
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "subtitle",
                                         "“3 <or> 4 & up” is not a step. Write a whole number from 1 to 6, or the step’s name as the moving plan gives it."));
  g_assert_false (gtk_widget_is_sensitive (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Import")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();

  rp_window_import_file (window, good_path);
  rp_test_spin ();
  dialog = find_import_window ();
  g_assert_cmpuint (rp_import_window_get_n_problems (dialog), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (find_import_window () != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (find_import_window ());

  attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (sample), &error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 21);
  {
    g_autoptr(RpAttendee) noor = rp_store_find_attendee (fixture->store, rp_programme_get_id (sample), 21, &error);

    g_assert_cmpstr (rp_attendee_get_full_name (noor), ==, "Haddad, Noor");
    g_assert_cmpint (rp_attendee_get_step (noor), ==, 3);
  }
  rp_test_spin ();
  g_assert_cmpstr (count_in_area (window, "Still attending"), ==, "21");

  backups = rp_backup_list (rp_store_get_path (fixture->store), &error);
  {
    g_autoptr(RpBackup) before = g_list_model_get_item (backups, 0);

    g_assert_cmpint (rp_backup_get_reason (before), ==, RP_BACKUP_BEFORE_IMPORT);
  }

  destroy_window (window);
}

static void
test_new_programme_window (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) programmes = NULL;
  RpNewProgrammeWindow *dialog = rp_new_programme_window_new (NULL, fixture->store);
  GtkWidget *name_row;
  GtkWidget *closure_row;
  GtkWidget *create_button;

  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();

  name_row = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Day centre name");
  closure_row = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Closure date, for example 31/03/2024");
  create_button = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "C_reate");
  g_assert_nonnull (name_row);
  g_assert_nonnull (closure_row);
  g_assert_nonnull (create_button);

  /* Nothing can be created without a name. */
  g_assert_false (rp_new_programme_window_get_can_create (dialog));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Riverside Day Centre");
  g_assert_true (rp_new_programme_window_get_can_create (dialog));

  /* An impossible date is refused and explained. */
  gtk_editable_set_text (GTK_EDITABLE (closure_row), "31/02/2024");
  rp_test_spin ();
  g_assert_false (rp_new_programme_window_get_can_create (dialog));
  g_assert_false (gtk_widget_get_sensitive (create_button));
  g_assert_true (gtk_widget_has_css_class (closure_row, "error"));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "label",
                                 "“31/02/2024” is not a real date: that month has 29 days."));

  gtk_editable_set_text (GTK_EDITABLE (closure_row), "31/03/2024");
  rp_test_spin ();
  g_assert_true (rp_new_programme_window_get_can_create (dialog));
  g_assert_true (gtk_widget_get_sensitive (create_button));

  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-programme.create", NULL));
  rp_test_spin ();
  g_assert_finalize_object (dialog);

  programmes = rp_store_list_programmes (fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
  {
    g_autoptr(RpProgramme) programme = g_list_model_get_item (programmes, 0);

    g_assert_cmpstr (rp_programme_get_name (programme), ==, "Riverside Day Centre");
    g_assert_cmpstr (rp_programme_get_closure_date (programme), ==, "2024-03-31");
    g_assert_cmpstr (rp_programme_get_report_title (programme), ==, "Day Centre Update");
  }
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/window/welcome-without-store", test_window_welcome_without_store);
  ADD ("/gui/window/shows-programme", test_window_shows_programme);
  ADD ("/gui/window/switch-programme", test_window_switch_programme);
  ADD ("/gui/window/recent-database-missing", test_window_recent_database_missing);
  ADD ("/gui/window/open-not-a-database", test_window_open_not_a_database);
  ADD ("/gui/window/fault-page", test_window_fault_page);
  ADD ("/gui/window/lock-lost", test_window_lock_lost);
  ADD ("/gui/window/network-share", test_window_network_share);
  ADD ("/gui/window/repair-protection", test_window_repair_protection);
  ADD ("/gui/window/shortcuts-on-demand", test_window_shortcuts_on_demand);
  ADD ("/gui/window/daily-backup-after-drawing", test_window_daily_backup_after_drawing);
  ADD ("/gui/window/damaged-database-restored", test_window_damaged_database_restored);
  ADD ("/gui/window/import", test_window_import);
  ADD ("/gui/window/import-refuses-database", test_window_import_refuses_database);
  ADD ("/gui/window/follows-changes", test_window_follows_changes);
  ADD ("/gui/window/programme-history", test_window_programme_history);
  ADD ("/gui/new-programme/refuses-impossible-date", test_new_programme_window);
#undef ADD

  return g_test_run ();
}
