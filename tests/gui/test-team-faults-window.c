/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team-faults-window.c: the window on a team database whose server
 * goes away: a banner says so, what was typed stays on screen marked "Not
 * saved", and once the server is back the banner goes and it is saved.
 *
 * The server is stopped, so this runs on a cluster of its own (another
 * folder and port, build-aux/pg-test-cluster.sh), in a subprocess, so that
 * the cluster is removed whatever happens. */

#include "config.h"

#include <adwaita.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rp-application.h"
#include "rp-attendee-detail-page.h"
#include "rp-attendee-list-page.h"
#include "rp-connection-banner.h"
#include "rp-new-attendee-window.h"
#include "rp-new-programme-window.h"
#include "rp-core.h"
#include "rp-gui-test-util.h"
#include "rp-team.h"
#include "rp-team-private.h"
#include "rp-test-team.h"
#include "rp-test-util.h"
#include "rp-timetable-page.h"
#include "rp-window.h"
#include "store/rp-store-internal.h"
#include "rp-workers-window.h"

#define FAULTS_PORT  "54341"

static gboolean
run_cluster (const char *command)
{
  return rp_test_team_run_cluster (RP_CLUSTER_SCRIPT, FAULTS_PORT, command);
}

static char *
conninfo_for (const char *database,
              const char *user)
{
  return rp_test_team_cluster_conninfo (FAULTS_PORT, database, user);
}

static char *
stored_phone (void)
{
  g_autofree char *conninfo = conninfo_for ("rp_faults", "postgres");
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  g_autoptr(PGresult) result = PQexec (conn, "SELECT contact_phone FROM reprovision.attendee WHERE number = 1");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  return g_strdup (PQgetvalue (result, 0, 0));
}

static char *
stored_worker_team (void)
{
  g_autofree char *conninfo = conninfo_for ("rp_faults", "postgres");
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  g_autoptr(PGresult) result = PQexec (conn, "SELECT coalesce (team, '') FROM reprovision.worker");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  return g_strdup (PQgetvalue (result, 0, 0));
}

static int
count_of (const char *sql)
{
  g_autofree char *conninfo = conninfo_for ("rp_faults", "postgres");
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  g_autoptr(PGresult) result = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  return atoi (PQgetvalue (result, 0, 0));
}

/* Connected again after a test's dropped COMMIT, with the window's own loop running meanwhile. */
static void
reconnect_and_wait (RpStore *store)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  rp_store_reconnect (store);
  while (rp_store_get_connection_lost (store) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_false (rp_store_get_connection_lost (store));
  rp_test_spin ();
}

static int
logged_contacts (void)
{
  g_autofree char *conninfo = conninfo_for ("rp_faults", "postgres");
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  g_autoptr(PGresult) result = PQexec (conn, "SELECT count(*) FROM reprovision.contact_log");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  return atoi (PQgetvalue (result, 0, 0));
}

static int
audited_phone_changes (void)
{
  g_autofree char *conninfo = conninfo_for ("rp_faults", "postgres");
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  g_autoptr(PGresult) result = PQexec (conn, "SELECT count(*) FROM reprovision.audit WHERE table_name = 'attendee'"
                                             " AND field = 'contact_phone' AND action = 'update'");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  return atoi (PQgetvalue (result, 0, 0));
}

static gboolean
banner_shown (RpWindow *window)
{
  GtkWidget *banner = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_CONNECTION_BANNER, NULL, NULL);

  g_assert_nonnull (banner);
  return gtk_widget_is_visible (banner) &&
         rp_test_find_widget (banner, GTK_TYPE_LABEL, "label",
                              "The connection to the team database was lost. Trying again… What you type is kept "
                              "and can be saved once it is back.") != NULL &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (rp_test_find_widget (banner, GTK_TYPE_REVEALER, NULL, NULL)));
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* A form whose save's COMMIT is answered after the connection dropped:
 * it stays as typed; once connected again it goes, saying it was saved,
 * and what it made is there once (not refused, nor made twice). */
static void
check_made_once (RpStore    *store,
                 GtkWindow  *form,
                 const char *create_action,
                 GtkWidget  *typed_row,
                 const char *count_sql)
{
  g_autofree char *typed = NULL;
  gboolean gone = FALSE;
  AdwMessageDialog *said;

  g_assert_nonnull (typed_row);
  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (typed_row)));
  g_signal_connect_swapped (form, "destroy", G_CALLBACK (set_true), &gone);
  gtk_window_present (form);
  store_team_drop_next_commit (store, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), create_action, NULL));
  rp_test_spin ();
  g_assert_false (gone);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (typed_row)), ==, typed);
  g_assert_cmpint (count_of (count_sql), ==, 1);

  reconnect_and_wait (store);
  g_assert_true (gone);
  said = rp_test_find_dialog ("Saved");
  g_assert_nonnull (said);
  rp_test_click_response (said, "_Close");
  rp_test_spin ();
  g_assert_cmpint (count_of (count_sql), ==, 1);
}

static void
body (void)
{
  g_autofree char *admin_info = conninfo_for ("postgres", "postgres");
  g_autofree char *db_info = conninfo_for ("rp_faults", "postgres");
  g_autofree char *location = conninfo_for ("rp_faults", "rp_faults_jo");
  g_autoptr(PGconn) admin = PQconnectdb (admin_info);
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *phone_now = NULL;
  RpAttendeeListPage *list;
  RpAttendeeDetailPage *page;
  GtkWidget *phone;
  GtkWidget *not_saved;
  RpWindow *window;
  RpWorkersWindow *workers = NULL;
  GtkWidget *timetable, *tick = NULL;
  g_autofree char *team_now = NULL;
  g_autoptr(RpApplication) app = NULL;
  gint64 deadline;

  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  rp_test_team_exec_ok (admin, "CREATE DATABASE rp_faults");
  g_assert_true (rp_team_init_with_prefix (db_info, "rp_faults_", &error));
  g_assert_no_error (error);
  g_clear_pointer (&admin, PQfinish);
  admin = PQconnectdb (db_info);
  rp_test_team_exec_ok (admin, "CREATE ROLE rp_faults_jo LOGIN IN ROLE rp_faults_staff");
  g_clear_pointer (&admin, PQfinish);

  store = rp_store_open (location, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rp_programme_set_name (programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (store, programme, &error));
  rp_attendee_set_programme_id (attendee, rp_programme_get_id (programme));
  rp_attendee_set_number (attendee, 1);
  rp_attendee_set_full_name (attendee, "Georgia Bennett");
  rp_attendee_set_contact_name (attendee, "Ruth Bennett");
  rp_attendee_set_contact_phone (attendee, "07700 900107");
  rp_attendee_set_step (attendee, 1);
  g_assert_true (rp_store_add_attendee (store, attendee, "2024-02-01", &error));
  g_assert_no_error (error);
  {
    g_autoptr(RpAttendee) other = rp_attendee_new ();
    g_autoptr(RpWorker) worker = rp_worker_new ();

    rp_attendee_set_programme_id (other, rp_programme_get_id (programme));
    rp_attendee_set_number (other, 2);
    rp_worker_set_name (worker, "Hannah Ward");
    rp_worker_set_initials (worker, "HW");
    g_assert_true (rp_store_add_worker (store, worker, &error));
    g_assert_no_error (error);
    rp_attendee_set_full_name (other, "Samuel Okafor");
    rp_attendee_set_step (other, 1);
    g_assert_true (rp_store_add_attendee (store, other, "2024-02-01", &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();

    rp_timetable_action_set_programme_id (action, rp_programme_get_id (programme));
    rp_timetable_action_set_activity (action, "Book the minibus for the Pathfinders visit");
    rp_timetable_action_set_status (action, RP_ACTION_IN_PROGRESS);
    rp_timetable_action_set_position (action, 1);
    g_assert_true (rp_store_add_action (store, action, &error));
    g_assert_no_error (error);
  }

  /* The app's style sheet, as AdwApplication loads it, for the screenshots. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/reprovision/Reprovision/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  /* The application, for its Quit and for opening a database from outside the window. */
  app = rp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = rp_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  rp_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();
  g_assert_false (banner_shown (window));

  list = RP_ATTENDEE_LIST_PAGE (rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_ATTENDEE_LIST_PAGE, NULL, NULL));
  g_assert_nonnull (list);
  /* The list may still be loading on a busy machine: opened once it is. */
  page = rp_attendee_list_page_get_attendee_detail_page (list);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)) && g_get_monotonic_time () < deadline)
    {
      rp_attendee_list_page_open (list, 0);
      rp_test_spin ();
    }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  phone = rp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  g_assert_nonnull (phone);

  /* The workers window is open when the server goes. */
  workers = rp_workers_window_new (GTK_WINDOW (window), store, programme);
  gtk_window_present (GTK_WINDOW (workers));
  rp_test_spin ();

  /* The window's timetable has been looked at, and is kept while the attendees are shown. */
  g_object_set (window, "area", "timetable", NULL);
  rp_test_spin ();
  timetable = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_TIMETABLE_PAGE, NULL, NULL);
  g_assert_nonnull (timetable);
  tick = rp_test_find_widget (timetable, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_nonnull (tick);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (tick)));
  g_object_set (window, "area", "attendees", NULL);
  rp_test_spin ();

  /* The server goes: the banner says so, before anything is saved. */
  g_assert_true (run_cluster ("crash"));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!banner_shown (window) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (banner_shown (window));

  /* A tick while the connection is lost stays ticked, marked "Not saved",
   * and nothing reaches the database; a refresh (others' changes) keeps it. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (tick), TRUE);
  rp_test_spin ();
  rp_area_page_refresh (RP_AREA_PAGE (timetable));
  rp_test_spin ();
  tick = rp_test_find_widget (timetable, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_nonnull (tick);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (tick)));
  {
    GtkWidget *row = gtk_widget_get_ancestor (tick, ADW_TYPE_ACTION_ROW);

    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Not saved · "));
  }
  if (g_getenv ("RP_TEST_SHOTS_DIR") != NULL)
    {
      g_object_set (window, "area", "timetable", NULL);
      rp_test_spin ();
      rp_test_save_shot (GTK_WIDGET (window), "fault-timetable-not-saved.png");
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
      rp_test_spin ();
      rp_test_save_shot (GTK_WIDGET (window), "fault-timetable-not-saved-360.png");
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
      g_object_set (window, "area", "attendees", NULL);
      rp_test_spin ();
    }

  /* Closing the window asks before dropping the tick; kept open, it stays. */
  {
    AdwMessageDialog *dialog;

    gtk_window_close (GTK_WINDOW (window));
    rp_test_spin ();
    dialog = rp_test_find_dialog ("Close Without Saving?");
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "A tick in the closure timetable is not saved"));
    rp_test_click_response (dialog, "_Keep Window Open");
    rp_test_spin ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
    g_assert_true (rp_timetable_page_has_unsaved (RP_TIMETABLE_PAGE (timetable)));
  }

  /* What is typed stays on screen, marked as not saved. */
  gtk_editable_set_text (GTK_EDITABLE (phone), "07700 900999");
  rp_attendee_detail_page_save_now (page);
  rp_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900999");
  not_saved = rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "label", "Not saved");
  g_assert_nonnull (not_saved);
  g_assert_true (gtk_widget_is_visible (not_saved));
  g_assert_true (banner_shown (window));
  rp_test_save_shot (GTK_WIDGET (window), "fault-banner.png");
  if (g_getenv ("RP_TEST_SHOTS_DIR") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
      rp_test_spin ();
      rp_test_save_shot (GTK_WIDGET (window), "fault-banner-360.png");
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
    }

  /* An outcome typed into its dialogue comes back in it, said not saved, rather than going with it. */
  {
    GtkWidget *add = rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "label", "_Add Outcome…");
    AdwMessageDialog *dialog;
    GtkWidget *entry;

    g_assert_nonnull (add);
    g_signal_emit_by_name (add, "clicked");
    rp_test_spin ();
    dialog = rp_test_find_dialog ("Add Outcome");
    g_assert_nonnull (dialog);
    entry = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Outcome");
    gtk_editable_set_text (GTK_EDITABLE (entry), "Keeps seeing friends from the centre");
    rp_test_click_response (dialog, "_Save");
    rp_test_spin ();
    g_assert_null (rp_test_find_dialog ("Add Outcome"));
    dialog = rp_test_find_dialog ("The Outcome Was Not Saved");
    g_assert_nonnull (dialog);
    entry = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Outcome");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Keeps seeing friends from the centre");
    rp_test_save_shot (GTK_WIDGET (dialog), "fault-outcome-not-saved.png");
    rp_test_click_response (dialog, "_Cancel");
    rp_test_spin ();
    g_assert_null (rp_test_find_dialog ("The Outcome Was Not Saved"));
  }

  /* A worker's team typed in the workers window stays, said not saved; closing asks. */
  {
    GtkWidget *row, *team, *error_label;
    AdwMessageDialog *dialog;

    row = rp_test_find_widget (GTK_WIDGET (workers), RP_TYPE_RECORD_ROW, "title", "Hannah Ward");
    g_assert_nonnull (row);
    team = rp_test_find_widget (row, ADW_TYPE_ENTRY_ROW, "title", "Team");
    gtk_editable_set_text (GTK_EDITABLE (team), "Transitions Team");
    g_signal_emit_by_name (team, "apply");
    rp_test_spin ();
    error_label = rp_test_find_widget (GTK_WIDGET (workers), GTK_TYPE_LABEL, "label",
                                       "The connection to the team database was lost. Your change was not saved; it "
                                       "is still on screen and will be saved when you try again once the connection "
                                       "is back.");
    g_assert_nonnull (error_label);
    g_assert_true (gtk_widget_is_visible (error_label));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (team)), ==, "Transitions Team");
    rp_test_save_shot (GTK_WIDGET (workers), "fault-workers-not-saved.png");

    gtk_window_close (GTK_WINDOW (workers));
    rp_test_spin ();
    dialog = rp_test_find_dialog ("Close Without Saving?");
    g_assert_nonnull (dialog);
    rp_test_click_response (dialog, "_Keep Window Open");
    rp_test_spin ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (workers)));
  }

  /* Opening someone else asks first, rather than dropping the change; kept, it stays on screen. */
  {
    AdwMessageDialog *dialog;

    rp_attendee_list_page_open (list, 1);
    rp_test_spin ();
    dialog = rp_test_find_dialog ("Discard Unsaved Change?");
    g_assert_nonnull (dialog);
    rp_test_click_response (dialog, "_Keep Editing");
    rp_test_spin ();
    g_assert_null (rp_test_find_dialog ("Discard Unsaved Change?"));
    g_assert_cmpstr (rp_attendee_get_full_name (rp_attendee_detail_page_get_attendee (page)), ==, "Georgia Bennett");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900999");
    g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "label", "Not saved"));
  }

  /* Opening the same attendee again shows them as typed, without asking. */
  rp_attendee_list_page_open (list, 0);
  rp_test_spin ();
  g_assert_null (rp_test_find_dialog ("Discard Unsaved Change?"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900999");

  /* Closing the window asks too; kept open, nothing is lost. */
  {
    g_autoptr(GtkWidget) still = g_object_ref (GTK_WIDGET (window));
    AdwMessageDialog *dialog;

    gtk_window_close (GTK_WINDOW (window));
    rp_test_spin ();
    dialog = rp_test_find_dialog ("Close Without Saving?");
    g_assert_nonnull (dialog);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
    rp_test_save_shot (GTK_WIDGET (dialog), "fault-close-unsaved.png");
    rp_test_click_response (dialog, "_Keep Window Open");
    rp_test_spin ();
    g_assert_null (rp_test_find_dialog ("Close Without Saving?"));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900999");
  }

  /* Opening another database asks too, however it is asked for (the
   * menu, the desktop or the command line); kept, nothing changes. Quitting
   * asks as closing does. */
  {
    g_autofree char *elsewhere = g_build_filename (g_get_tmp_dir (), "rp-faults-elsewhere.db", NULL);
    AdwMessageDialog *dialog;

    g_action_group_activate_action (G_ACTION_GROUP (app), "open-location", g_variant_new_string (elsewhere));
    rp_test_spin ();
    dialog = rp_test_find_dialog ("Open Another Database Without Saving?");
    g_assert_nonnull (dialog);
    rp_test_save_shot (GTK_WIDGET (dialog), "fault-open-unsaved.png");
    if (g_getenv ("RP_TEST_SHOTS_DIR") != NULL)
      {
        gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
        rp_test_spin ();
        rp_test_save_shot (GTK_WIDGET (dialog), "fault-open-unsaved-360.png");
        gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
      }
    rp_test_click_response (dialog, "_Keep Editing");
    rp_test_spin ();
    g_assert_null (rp_test_find_dialog ("Open Another Database Without Saving?"));
    g_assert_true (rp_window_get_store (window) == store);
    g_assert_false (g_file_test (elsewhere, G_FILE_TEST_EXISTS));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
    rp_test_spin ();
    dialog = rp_test_find_dialog ("Open Another Database Without Saving?");
    g_assert_nonnull (dialog);
    rp_test_click_response (dialog, "_Keep Editing");
    rp_test_spin ();

    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
    rp_test_spin ();
    dialog = rp_test_find_dialog ("Close Without Saving?");
    g_assert_nonnull (dialog);
    rp_test_click_response (dialog, "_Keep Window Open");
    rp_test_spin ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900999");
    g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "label", "Not saved"));
  }

  /* Back: the banner goes, and what was typed is saved, once. */
  g_assert_true (run_cluster ("restart"));
  /* Try Now tries at once, rather than after the wait. */
  {
    GtkWidget *banner = rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_CONNECTION_BANNER, NULL, NULL);
    GtkWidget *try_now = rp_test_find_widget (banner, GTK_TYPE_BUTTON, "label", "_Try Now");

    g_assert_nonnull (try_now);
    g_assert_true (gtk_widget_is_sensitive (try_now));
    g_signal_emit_by_name (try_now, "clicked");
  }
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (banner_shown (window) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_false (banner_shown (window));

  /* Saved by itself, without another keystroke: the page tries again as the connection returns. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_free (phone_now);
      phone_now = stored_phone ();
      if (g_str_equal (phone_now, "07700 900999"))
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpstr (phone_now, ==, "07700 900999");
  /* The tick too, once, and its mark goes. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (count_of ("SELECT count(*) FROM reprovision.timetable_action WHERE status = 'completed'") == 0 &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpint (count_of ("SELECT count(*) FROM reprovision.timetable_action WHERE status = 'completed'"), ==, 1);
  rp_test_spin ();
  tick = rp_test_find_widget (timetable, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (tick)));
  g_assert_false (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (tick, ADW_TYPE_ACTION_ROW))),
                                    "Not saved"));

  /* The worker's team too, without another keystroke. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_free (team_now);
      team_now = stored_worker_team ();
      if (g_str_equal (team_now, "Transitions Team"))
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpstr (team_now, ==, "Transitions Team");
  gtk_window_close (GTK_WINDOW (workers));
  rp_test_spin ();
  g_assert_null (rp_test_find_dialog ("Close Without Saving?"));
  rp_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "07700 900999");
  /* Saving again writes nothing more: one change in the audit trail. */
  rp_attendee_detail_page_save_now (page);
  rp_test_spin ();
  g_assert_cmpint (audited_phone_changes (), ==, 1);
  g_assert_null (rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "label", "Not saved"));

  /* A contact logged whose COMMIT is answered after the connection dropped:
   * once connected again the dialogue goes, saying it was saved, and the
   * contact is in the log once. */
  {
    AdwMessageDialog *contact_dialog;
    AdwMessageDialog *said;
    GtkWidget *method, *summary;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.log-contact", NULL));
    rp_test_spin ();
    contact_dialog = rp_test_find_dialog ("Log Contact");
    g_assert_nonnull (contact_dialog);
    method = rp_test_find_widget (GTK_WIDGET (contact_dialog), ADW_TYPE_COMBO_ROW, "title", "_How");
    adw_combo_row_set_selected (ADW_COMBO_ROW (method), RP_CONTACT_METHOD_PHONE);
    summary = rp_test_find_widget (GTK_WIDGET (contact_dialog), GTK_TYPE_TEXT_VIEW, NULL, NULL);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (summary)), "Ruth rang about the move.", -1);

    store_team_drop_next_commit (store, TRUE);
    rp_test_click_response (contact_dialog, "_Save");
    rp_test_spin ();
    g_assert_true (rp_test_find_dialog ("Log Contact") == contact_dialog);
    g_assert_nonnull (rp_test_find_dialog ("The Contact Was Not Saved"));
    g_assert_cmpint (logged_contacts (), ==, 1);

    rp_store_reconnect (store);
    deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    while (rp_store_get_connection_lost (store) && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    g_assert_false (rp_store_get_connection_lost (store));
    rp_test_spin ();
    g_assert_null (rp_test_find_dialog ("Log Contact"));
    g_assert_null (rp_test_find_dialog ("The Contact Was Not Saved"));
    said = rp_test_find_dialog ("Saved");
    g_assert_nonnull (said);
    rp_test_save_shot (GTK_WIDGET (said), "fault-contact-saved-once.png");
    rp_test_click_response (said, "_Close");
    rp_test_spin ();
    g_assert_cmpint (logged_contacts (), ==, 1);
  }

  /* A new attendee whose COMMIT is answered after the connection dropped:
   * the window stays as typed; once connected again it goes, saying it was
   * saved, and the attendee is there once (not refused as a duplicate). */
  {
    RpNewAttendeeWindow *adding = rp_new_attendee_window_new (GTK_WINDOW (window), store, programme);
    GtkWidget *name_row = rp_test_find_widget (GTK_WIDGET (adding), ADW_TYPE_ENTRY_ROW, "title", "Full name");

    gtk_editable_set_text (GTK_EDITABLE (name_row), "Priya Shah");
    check_made_once (store, GTK_WINDOW (adding), "new-attendee.create", name_row,
                     "SELECT count(*) FROM reprovision.attendee WHERE full_name = 'Priya Shah'");
  }

  /* A new programme likewise: never made twice. */
  {
    RpNewProgrammeWindow *making = rp_new_programme_window_new (GTK_WINDOW (window), store);
    GtkWidget *name_row = rp_test_find_widget (GTK_WIDGET (making), ADW_TYPE_ENTRY_ROW, "title", "Day centre name");
    GtkWidget *closure_row = rp_test_find_widget (GTK_WIDGET (making), ADW_TYPE_ENTRY_ROW, "title",
                                                  "Closure date, for example 31/03/2024");

    g_assert_nonnull (closure_row);
    gtk_editable_set_text (GTK_EDITABLE (name_row), "Brookside");
    gtk_editable_set_text (GTK_EDITABLE (closure_row), "2027-09-30");
    check_made_once (store, GTK_WINDOW (making), "new-programme.create", name_row,
                     "SELECT count(*) FROM reprovision.programme WHERE name = 'Brookside'");
  }

  /* An outcome for after the move, likewise: its dialogue goes once the
   * server is known to have it, and it is there once. */
  {
    GtkWidget *add = rp_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "label", "_Add Outcome…");
    AdwMessageDialog *dialog, *said;
    GtkWidget *entry;

    g_assert_nonnull (add);
    g_signal_emit_by_name (add, "clicked");
    rp_test_spin ();
    dialog = rp_test_find_dialog ("Add Outcome");
    g_assert_nonnull (dialog);
    entry = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Outcome");
    gtk_editable_set_text (GTK_EDITABLE (entry), "Goes on swimming on Thursdays");
    store_team_drop_next_commit (store, TRUE);
    rp_test_click_response (dialog, "_Save");
    rp_test_spin ();
    g_assert_true (rp_test_find_dialog ("The Outcome Was Not Saved") == dialog);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Goes on swimming on Thursdays");

    reconnect_and_wait (store);
    g_assert_null (rp_test_find_dialog ("The Outcome Was Not Saved"));
    said = rp_test_find_dialog ("Saved");
    g_assert_nonnull (said);
    rp_test_click_response (said, "_Close");
    rp_test_spin ();
    g_assert_cmpint (count_of ("SELECT count(*) FROM reprovision.planned_outcome"), ==, 1);
  }

  /* A contact whose COMMIT never reached the server: once connected again
   * the dialogue says plainly that the connection is back and it can be
   * saved now; saved then, it is logged once. */
  {
    AdwMessageDialog *contact_dialog, *back;
    GtkWidget *method, *summary;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "attendee.log-contact", NULL));
    rp_test_spin ();
    contact_dialog = rp_test_find_dialog ("Log Contact");
    g_assert_nonnull (contact_dialog);
    method = rp_test_find_widget (GTK_WIDGET (contact_dialog), ADW_TYPE_COMBO_ROW, "title", "_How");
    adw_combo_row_set_selected (ADW_COMBO_ROW (method), RP_CONTACT_METHOD_PHONE);
    summary = rp_test_find_widget (GTK_WIDGET (contact_dialog), GTK_TYPE_TEXT_VIEW, NULL, NULL);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (summary)), "Left a message with Ruth.", -1);

    store_team_drop_next_commit (store, FALSE);
    rp_test_click_response (contact_dialog, "_Save");
    rp_test_spin ();
    g_assert_nonnull (rp_test_find_dialog ("The Contact Was Not Saved"));
    g_assert_null (rp_test_find_dialog ("The Connection Is Back"));

    reconnect_and_wait (store);
    g_assert_true (rp_test_find_dialog ("Log Contact") == contact_dialog);
    g_assert_null (rp_test_find_dialog ("The Contact Was Not Saved"));
    back = rp_test_find_dialog ("The Connection Is Back");
    g_assert_nonnull (back);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (back)) == GTK_WINDOW (contact_dialog));
    g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (back), GTK_TYPE_LABEL, "label",
                                           "Your change was not saved, and what you typed is still here. "
                                           "You can save it now."));
    rp_test_save_shot (GTK_WIDGET (back), "fault-connection-back.png");
    if (g_getenv ("RP_TEST_SHOTS_DIR") != NULL)
      {
        gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
        rp_test_spin ();
        rp_test_save_shot (GTK_WIDGET (contact_dialog), "fault-connection-back-form-360.png");
        rp_test_save_shot (GTK_WIDGET (back), "fault-connection-back-360.png");
        gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
      }
    g_assert_cmpint (logged_contacts (), ==, 1);
    rp_test_click_response (back, "_Close");
    rp_test_spin ();
    rp_test_click_response (contact_dialog, "_Save");
    rp_test_spin ();
    g_assert_null (rp_test_find_dialog ("Log Contact"));
    g_assert_cmpint (logged_contacts (), ==, 2);
  }

  /* With everything saved, closing asks nothing. */
  {
    gboolean destroyed = FALSE;

    g_signal_connect_swapped (window, "destroy", G_CALLBACK (set_true), &destroyed);
    gtk_window_close (GTK_WINDOW (window));
    rp_test_spin ();
    g_assert_null (rp_test_find_dialog ("Close Without Saving?"));
    g_assert_true (destroyed);
  }
}

static void
test_server_restarted (void)
{
  rp_test_team_run_on_own_cluster (RP_CLUSTER_SCRIPT, FAULTS_PORT, "rp-pg-faults-gui", 150,
                                   "With the server stopped, the window says so in a banner and keeps what was typed, marked "
                                   "not saved; once the server is back the banner goes and the change is saved",
                                   body);
}

/* libadwaita 1.2 warns when a snapshot takes a gizmo of a narrow window (as test-team-window.c). */
static GLogWriterOutput
shots_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        g_str_has_prefix (fields[i].value, "Trying to snapshot AdwGizmo"))
      return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("RP_TEST_SHOTS_DIR") != NULL)
    g_log_set_writer_func (shots_writer, NULL, NULL);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/team-faults-window/server-restarted", test_server_restarted);

  return g_test_run ();
}
