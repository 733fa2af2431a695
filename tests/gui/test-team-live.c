/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team-live.c: a team database opened from the command line, a file's programme moved onto one, and two windows on one team database */

#include "config.h"

#include <adwaita.h>
#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include "rp-application.h"
#include "rp-attendee-detail-page.h"
#include "rp-attendee-list-page.h"
#include "rp-attendee-list.h"
#include "rp-backups-window.h"
#include "rp-core.h"
#include "rp-gui-test-team.h"
#include "rp-gui-test-util.h"
#include "rp-team.h"
#include "rp-team-connect-window.h"
#include "rp-test-team.h"
#include "rp-test-util.h"
#include "rp-window.h"

typedef RpGuiTestTeam Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  rp_gui_test_team_set_up (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rp_gui_test_team_tear_down (f);
}

/* Waits, with the main loop running, until @done says so; FALSE after 20 seconds. */
static gboolean
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  rp_test_spin ();
  return done (data);
}

/* The command line ------------------------------------------------------ */

typedef struct
{
  Fixture       *f;
  RpApplication *app;
  char          *uri;
  int            stage;
  gboolean       opened_from_key_value;
  gboolean       asked_for_password;
  char          *message;
} Launch;

static RpWindow *
app_window (RpApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return RP_IS_WINDOW (window) ? RP_WINDOW (window) : NULL;
}

static gboolean
step_launch (gpointer user_data)
{
  Launch *launch = user_data;
  RpWindow *window = app_window (launch->app);
  RpTeamConnectWindow *dialog = rp_test_find_connect_dialogue ();

  if (launch->stage == 0)
    {
      /* key=value from the command line: opened through the dialogue. */
      if (window == NULL || rp_window_get_store (window) == NULL)
        return G_SOURCE_CONTINUE;
      launch->opened_from_key_value = rp_store_is_team (rp_window_get_store (window)) &&
                                      g_strcmp0 (rp_store_get_login (rp_window_get_store (window)), launch->f->jo) == 0;
      if (launch->uri == NULL)
        {
          g_application_quit (G_APPLICATION (launch->app));
          return G_SOURCE_REMOVE;
        }

      /* A URI, as GIO hands it to open (): a GFile with the URI's scheme. */
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (launch->uri);

        g_application_open (G_APPLICATION (launch->app), &file, 1, "");
      }
      launch->stage = 1;
      return G_SOURCE_CONTINUE;
    }

  if (dialog == NULL || rp_team_connect_window_is_connecting (dialog) ||
      rp_team_connect_window_get_message (dialog) == NULL)
    return G_SOURCE_CONTINUE;

  /* The server asks the password role for its password: the dialogue asks. */
  launch->message = g_strdup (rp_team_connect_window_get_message (dialog));
  launch->asked_for_password = strstr (launch->message, "asks for a password") != NULL &&
                               gtk_widget_is_visible (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL, NULL));
  rp_test_save_shot (GTK_WIDGET (dialog), "live-command-line-password.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_application_quit (G_APPLICATION (launch->app));
  return G_SOURCE_REMOVE;
}

static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RpApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PGconn) probe = NULL;
  g_autofree char *location = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *probe_info = NULL;
  Launch launch = { 0 };
  char *argv[3];

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A team database given on the command line opens: a key=value string, and a URI that asks for a password, which the dialogue asks for");

  rp_test_team_exec_ok (f->team.admin, "DROP ROLE IF EXISTS " RP_TEST_TEAM_PASSWORD_ROLE);
  grant = g_strdup_printf ("CREATE ROLE " RP_TEST_TEAM_PASSWORD_ROLE " LOGIN PASSWORD 'right' IN ROLE %sstaff", f->team.prefix);
  rp_test_team_exec_ok (f->team.admin, grant);
  probe_info = g_strdup_printf ("dbname=%s user=" RP_TEST_TEAM_PASSWORD_ROLE, f->team.database);
  probe = PQconnectdb (probe_info);
  if (PQstatus (probe) == CONNECTION_OK)
    {
      g_test_skip ("this server does not ask " RP_TEST_TEAM_PASSWORD_ROLE " for a password");
      return;
    }

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "recent-database", "");

  /* As a person types it: a key=value string that GIO would take for a file name. */
  location = g_strdup_printf ("dbname=%s user=%s", f->team.database, f->jo);
  launch.f = f;
  launch.uri = g_strdup_printf ("postgresql:///%s?user=" RP_TEST_TEAM_PASSWORD_ROLE "&host=%s", f->team.database, g_getenv ("PGHOST"));
  app = rp_application_new ();
  /* Not the session's single instance: this test is the only one. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  launch.app = app;
  g_timeout_add (10, step_launch, &launch);

  argv[0] = (char *) "reprovision";
  argv[1] = location;
  argv[2] = NULL;
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);

  g_assert_true (launch.opened_from_key_value);
  g_test_message ("the dialogue said: %s", launch.message);
  g_assert_true (launch.asked_for_password);
  g_free (launch.uri);
  g_free (launch.message);
}

/* The same through --database, whose value is a team location too. */
static void
test_database_option (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RpApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *location = NULL;
  Launch launch = { 0 };
  char *argv[4];

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "recent-database", "");
  location = g_strdup_printf ("dbname=%s user=%s", f->team.database, f->jo);
  launch.f = f;
  app = rp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  launch.app = app;
  g_timeout_add (10, step_launch, &launch);

  argv[0] = (char *) "reprovision";
  argv[1] = (char *) "--database";
  argv[2] = location;
  argv[3] = NULL;
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (launch.opened_from_key_value);
}

static gboolean
has_backups_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (RP_IS_BACKUPS_WINDOW (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return TRUE;
    }
  return FALSE;
}

static void
close_backups_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i - 1);

      if (RP_IS_BACKUPS_WINDOW (item))
        gtk_window_destroy (GTK_WINDOW (item));
    }
  rp_test_spin ();
}

/* Moving a file's programme onto a team database ------------------------- */

static RpTeamConnectWindow *
open_move_dialogue (RpWindow   *window,
                    const char *location)
{
  RpTeamConnectWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-to-team", NULL));
  rp_test_spin ();
  dialog = rp_test_find_connect_dialogue ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Move to a Team Database");
  rp_team_connect_window_set_location (dialog, location);
  return dialog;
}

static const char *
move_and_wait (RpTeamConnectWindow *dialog)
{
  rp_team_connect_window_connect (dialog);
  g_assert_true (rp_test_wait_until_idle (dialog));
  return rp_team_connect_window_get_message (dialog);
}

/* Two windows on one team database ---------------------------------------- */

typedef struct
{
  RpStore            *store;
  RpWindow           *window;
  RpAttendeeListPage *page;
} Side;

static gboolean
side_settled (gpointer data)
{
  Side *side = data;

  return !rp_attendee_list_get_busy (rp_attendee_list_page_get_list (side->page));
}

static void
open_side (Fixture    *f,
           Side       *side,
           const char *login)
{
  g_autofree char *location = rp_gui_test_team_location (f, login);
  g_autoptr(GError) error = NULL;

  side->store = rp_store_open (location, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rp_store_set_today (side->store, "2023-09-22");
  side->window = rp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (side->window), 900, 760);
  rp_window_set_store (side->window, side->store);
  gtk_window_present (GTK_WINDOW (side->window));
  rp_test_spin ();
  side->page = RP_ATTENDEE_LIST_PAGE (rp_test_find_widget (GTK_WIDGET (side->window), RP_TYPE_ATTENDEE_LIST_PAGE, NULL, NULL));
  g_assert_nonnull (side->page);
  g_assert_true (wait_for (side_settled, side));
}

static int
listed_step (Side *side,
             int   number)
{
  RpAttendeeList *list = rp_attendee_list_page_get_list (side->page);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      RpAttendee *attendee = rp_attendee_list_get_attendee (list, i);

      if (rp_attendee_get_number (attendee) == number)
        return rp_attendee_get_step (attendee);
    }
  return -1;
}

static guint
position_of (Side *side,
             int   number)
{
  RpAttendeeList *list = rp_attendee_list_page_get_list (side->page);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    if (rp_attendee_get_number (rp_attendee_list_get_attendee (list, i)) == number)
      return i;
  g_assert_not_reached ();
}

static RpAttendeeDetailPage *
open_attendee (Side *side,
               int   number)
{
  RpAttendeeDetailPage *detail = rp_attendee_list_page_get_attendee_detail_page (side->page);

  rp_attendee_list_page_open (side->page, position_of (side, number));
  g_assert_true (wait_for (side_settled, side));
  g_assert_cmpint (rp_attendee_get_number (rp_attendee_detail_page_get_attendee (detail)), ==, number);
  return detail;
}

/* What the server holds, read as the superuser, past both windows. */
static char *
stored_value (Fixture    *f,
              const char *column,
              int         number)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM reprovision.attendee WHERE number = %d", column, number);
  g_autoptr(PGresult) result = PQexec (f->team.admin, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, 1);
  return g_strdup (PQgetvalue (result, 0, 0));
}

typedef struct
{
  Side *side;
  int   number;
  int   step;
} StepShown;

static gboolean
step_shown (gpointer data)
{
  StepShown *shown = data;

  return listed_step (shown->side, shown->number) == shown->step;
}

static gboolean
dialog_open (gpointer data)
{
  return rp_test_find_dialog (data) != NULL;
}

static gboolean
text_is_ann_s (gpointer data)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (data)), "07700 900999") == 0;
}

/* Both windows as they are on screen, side by side, in one picture. */
static void
save_side_by_side (Side       *a,
                   Side       *b,
                   const char *name)
{
  const char *dir = g_getenv ("RP_TEST_SHOTS_DIR");
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *both = NULL;
  g_autofree char *left_name = g_strconcat (name, "-a.png", NULL);
  g_autofree char *right_name = g_strconcat (name, "-b.png", NULL);
  g_autofree char *both_name = g_strconcat (name, ".png", NULL);
  const char *argv[] = { "convert", NULL, NULL, "-background", "#808080", "-splice", "0x0", "+append", NULL, NULL };

  if (dir == NULL)
    return;

  rp_test_save_shot (GTK_WIDGET (a->window), left_name);
  rp_test_save_shot (GTK_WIDGET (b->window), right_name);
  left = g_build_filename (dir, left_name, NULL);
  right = g_build_filename (dir, right_name, NULL);
  both = g_build_filename (dir, both_name, NULL);
  argv[1] = left;
  argv[2] = right;
  argv[8] = both;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *unset_db = NULL;
  g_autofree char *create = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *as_owner = NULL;
  g_autofree char *as_jo = NULL;
  g_autofree char *as_unset = NULL;
  g_autofree char *count = NULL;
  g_autoptr(RpStore) file = NULL;
  g_autoptr(RpProgramme) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) postgres = NULL;
  g_autoptr(PGconn) empty = NULL;
  g_autoptr(PGresult) attendees = NULL;
  RpTeamConnectWindow *dialog;
  RpWindow *window;
  const char *message;

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("A file's programme moves onto an empty team database from the app; refusals are said in plain words and leave the file open");

  /* The file, with the sample programme in it. */
  path = g_build_filename (f->dir, "programme.db", NULL);
  file = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sample = rp_sample_create (file, &error);
  g_assert_no_error (error);
  g_clear_object (&sample);
  g_clear_object (&file);

  /* An empty team database, set up, and one not set up. */
  postgres = rp_test_team_connect ("postgres", NULL);
  empty_db = g_strconcat (f->team.database, "_empty", NULL);
  unset_db = g_strconcat (f->team.database, "_unset", NULL);
  create = g_strdup_printf ("CREATE DATABASE %s; ", empty_db);
  rp_test_team_exec_ok (postgres, create);
  g_free (create);
  create = g_strdup_printf ("CREATE DATABASE %s", unset_db);
  rp_test_team_exec_ok (postgres, create);
  conninfo = g_strdup_printf ("dbname=%s", empty_db);
  g_assert_true (rp_team_init_with_prefix (conninfo, f->team.prefix, &error));
  g_assert_no_error (error);
  {
    g_autofree char *grant = g_strdup_printf ("GRANT CONNECT ON DATABASE %s TO %sstaff", empty_db, f->team.prefix);

    rp_test_team_exec_ok (postgres, grant);
  }

  window = rp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rp_window_open_database (window, path, &error));
  g_assert_no_error (error);
  rp_test_spin ();

  /* Save a Copy as a File is for a team database only: nothing comes of it here. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-team-copy", NULL);
  rp_test_spin ();
  g_assert_false (has_backups_window ());

  /* Not set up: the administrator is asked to set it up. */
  as_unset = g_strdup_printf ("dbname='%s'", unset_db);
  dialog = open_move_dialogue (window, as_unset);
  rp_test_save_shot (GTK_WIDGET (dialog), "live-move-dialogue.png");
  message = move_and_wait (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Ask the database administrator to set it up with “reprovision-cli team init”"));
  g_assert_false (rp_team_connect_window_is_moved (dialog));
  rp_test_save_shot (GTK_WIDGET (dialog), "live-move-not-set-up.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();

  /* A member of staff may not: the owner's account is needed. */
  as_jo = g_strdup_printf ("dbname='%s' user='%s'", empty_db, f->jo);
  dialog = open_move_dialogue (window, as_jo);
  message = move_and_wait (dialog);
  g_assert_nonnull (strstr (message, "a staff account is not enough"));
  g_assert_false (rp_team_connect_window_is_moved (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();

  /* Not empty: the fixture's database holds the sample already. */
  as_owner = g_strdup_printf ("dbname='%s'", f->team.database);
  dialog = open_move_dialogue (window, as_owner);
  message = move_and_wait (dialog);
  g_assert_nonnull (strstr (message, "already holds a programme, and a programme is moved only into an empty one"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();

  /* The file is still open, as it was. */
  g_assert_false (rp_store_is_team (rp_window_get_store (window)));

  /* An edit still waiting to be saved (typed a moment ago) goes with it. */
  {
    Side side = { NULL, window, NULL };
    GtkWidget *access;

    side.page = RP_ATTENDEE_LIST_PAGE (rp_test_find_widget (GTK_WIDGET (window), RP_TYPE_ATTENDEE_LIST_PAGE, NULL, NULL));
    g_assert_true (wait_for (side_settled, &side));
    access = rp_test_find_widget (GTK_WIDGET (open_attendee (&side, 7)), ADW_TYPE_ENTRY_ROW, "title", "Other access needs");
    gtk_editable_set_text (GTK_EDITABLE (access), "Hoist for transfers");
  }

  /* The set-up, empty one, as the account that set it up: moved. */
  g_free (as_owner);
  as_owner = g_strdup_printf ("dbname='%s'", empty_db);
  dialog = open_move_dialogue (window, as_owner);
  message = move_and_wait (dialog);
  g_assert_true (rp_team_connect_window_is_moved (dialog));
  g_assert_nonnull (strstr (message, "The programme is now on"));
  g_assert_nonnull (strstr (message, "The file stays as it was"));
  rp_test_save_shot (GTK_WIDGET (dialog), "live-move-done.png");

  empty = rp_test_team_connect (empty_db, NULL);
  count = g_strdup_printf ("SELECT count(*) FROM reprovision.attendee");
  attendees = PQexec (empty, count);
  g_assert_cmpint (PQresultStatus (attendees), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (attendees, 0, 0), !=, "0");
  {
    g_autoptr(PGresult) hoist = PQexec (empty, "SELECT access_needs FROM reprovision.attendee WHERE number = 7");

    g_assert_cmpint (PQresultStatus (hoist), ==, PGRES_TUPLES_OK);
    g_assert_cmpstr (PQgetvalue (hoist, 0, 0), ==, "Hoist for transfers");
  }

  /* Then it opens in the window, which now works on the team database. */
  rp_team_connect_window_connect (dialog);
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (!rp_store_is_team (rp_window_get_store (window)) && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  g_assert_true (rp_store_is_team (rp_window_get_store (window)));
  g_assert_nonnull (rp_window_get_programme (window));
  g_assert_null (rp_test_find_connect_dialogue ());

  /* On the team database, nothing more to move; a copy as a file is offered. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-to-team", NULL);
  rp_test_spin ();
  g_assert_null (rp_test_find_connect_dialogue ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-team-copy", NULL));
  rp_test_spin ();
  g_assert_true (has_backups_window ());
  close_backups_windows ();

  rp_test_destroy_window (window);
  g_clear_pointer (&empty, PQfinish);
  {
    g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", empty_db);

    rp_test_team_exec_ok (postgres, drop);
    g_free (drop);
    drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", unset_db);
    rp_test_team_exec_ok (postgres, drop);
  }
}

static void
test_two_windows (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *ann = NULL;
  g_autofree char *access = NULL;
  g_autofree char *phone = NULL;
  g_autoptr(GError) error = NULL;
  Side a = { 0 };
  Side b = { 0 };
  RpAttendeeDetailPage *detail_a;
  RpAttendeeDetailPage *detail_b;
  GtkWidget *access_b;
  GtkWidget *phone_a;
  GtkWidget *phone_b;
  AdwMessageDialog *confirm;
  AdwMessageDialog *conflict;
  StepShown shown;
  gint64 started;
  const char *move_heading = "Move Danny to Step 2 — Contact with people to commence discussion?";

  if (!f->team.available)
    {
      g_test_skip (RP_TEST_TEAM_SKIP_MESSAGE);
      return;
    }

  g_test_summary ("Two windows on one team database as two members of staff: a change in one shows in the other at once, "
                  "an edit in progress there is kept, and a change to the same field asks whose to keep, naming the other");

  ann = rp_test_team_make_login (&f->team, "ann", "staff");
  open_side (f, &a, f->jo);
  open_side (f, &b, ann);
  g_assert_cmpint (listed_step (&a, 4), ==, 1);
  g_assert_cmpint (listed_step (&b, 4), ==, 1);

  /* Jo is about to move Danny on; Ann is typing on attendee 7's page. */
  detail_a = open_attendee (&a, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail_a), "attendee.next-step", NULL));
  rp_test_spin ();
  confirm = rp_test_find_dialog (move_heading);
  g_assert_nonnull (confirm);

  detail_b = open_attendee (&b, 7);
  access_b = rp_test_find_widget (GTK_WIDGET (detail_b), ADW_TYPE_ENTRY_ROW, "title", "Other access needs");
  g_assert_nonnull (access_b);
  access = stored_value (f, "access_needs", 7);
  gtk_editable_set_text (GTK_EDITABLE (access_b), "Hoist for transfers");

  /* Jo moves Danny: Ann's window shows it within a second, with nobody
   * touching it (the server's notification, not a look for changes). */
  started = g_get_monotonic_time ();
  rp_test_click_response (confirm, "_Move");
  rp_test_spin ();
  shown = (StepShown) { &b, 4, 2 };
  while (!step_shown (&shown) && g_get_monotonic_time () - started < G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpint (listed_step (&b, 4), ==, 2);
  g_test_message ("the step change showed in the other window after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - started) / 1000);

  /* What Ann was typing is still there, and then saved as hers. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (access_b)), ==, "Hoist for transfers");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (detail_b)));
  g_assert_cmpint (rp_attendee_get_number (rp_attendee_detail_page_get_attendee (detail_b)), ==, 7);
  rp_attendee_detail_page_save_now (detail_b);
  rp_test_spin ();
  g_free (access);
  access = stored_value (f, "access_needs", 7);
  g_assert_cmpstr (access, ==, "Hoist for transfers");
  g_assert_cmpint (listed_step (&a, 4), ==, 2);

  /* Back to the list in Jo's window, for the picture. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail_a), "attendee.back", NULL));
  g_assert_true (wait_for (side_settled, &a));
  save_side_by_side (&a, &b, "live-two-windows");

  /* The same field: Ann types a phone number while Jo saves another. */
  detail_a = open_attendee (&a, 7);
  phone_a = rp_test_find_widget (GTK_WIDGET (detail_a), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  phone_b = rp_test_find_widget (GTK_WIDGET (detail_b), ADW_TYPE_ENTRY_ROW, "title", "Phone number");
  gtk_editable_set_text (GTK_EDITABLE (phone_b), "07700 900999");
  gtk_editable_set_text (GTK_EDITABLE (phone_a), "07700 900222");
  rp_attendee_detail_page_save_now (detail_a);
  phone = stored_value (f, "contact_phone", 7);
  g_assert_cmpstr (phone, ==, "07700 900222");

  /* Jo's arrives in Ann's window; what she typed stays; her save asks. */
  g_assert_true (wait_for (dialog_open, (gpointer) "Changed While You Were Editing"));
  conflict = rp_test_find_dialog ("Changed While You Were Editing");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (conflict)) == GTK_WINDOW (b.window));
  {
    g_autofree char *body = g_strdup_printf ("%s changed the phone number of attendee 7 while you were editing it. "
                                             "Nothing has been overwritten. Which do you want to keep?", f->jo);

    g_assert_cmpstr (adw_message_dialog_get_body (conflict), ==, body);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone_b)), ==, "07700 900999");
  g_free (phone);
  phone = stored_value (f, "contact_phone", 7);
  g_assert_cmpstr (phone, ==, "07700 900222");
  if (g_getenv ("RP_TEST_SHOTS_DIR") != NULL)
    {
      /* The phone numbers in view in both windows: focus scrolls to them. */
      gtk_widget_grab_focus (phone_a);
      gtk_widget_grab_focus (phone_b);
      rp_test_spin ();
      rp_test_save_shot (GTK_WIDGET (conflict), "live-conflict.png");
      save_side_by_side (&a, &b, "live-conflict-windows");
    }

  /* Ann keeps hers: saved over Jo's, both in the audit trail. */
  rp_test_click_response (conflict, "_Keep Mine");
  rp_test_spin ();
  g_free (phone);
  phone = stored_value (f, "contact_phone", 7);
  g_assert_cmpstr (phone, ==, "07700 900999");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT string_agg (\"user\" || ':' || coalesce (old_value, '') || '>' || new_value, ',' ORDER BY id)"
                                            "  FROM reprovision.audit WHERE table_name = 'attendee' AND field = 'contact_phone'"
                                            "   AND record_id = (SELECT id FROM reprovision.attendee WHERE number = 7)");
    g_autoptr(PGresult) result = PQexec (f->team.admin, sql);
    g_autofree char *expected = g_strdup_printf ("%s:07700 900107>07700 900222,%s:07700 900222>07700 900999", f->jo, ann);

    g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
    g_assert_true (g_str_has_suffix (PQgetvalue (result, 0, 0), expected));
  }

  /* And Jo's window follows, again without anyone touching it. */
  g_assert_true (wait_for (text_is_ann_s, phone_a));
  g_assert_null (rp_test_find_dialog ("Changed While You Were Editing"));

  /* The other way round: Jo types while Ann saves; Jo uses Ann's. */
  gtk_editable_set_text (GTK_EDITABLE (phone_a), "07700 900333");
  gtk_editable_set_text (GTK_EDITABLE (phone_b), "07700 900444");
  rp_attendee_detail_page_save_now (detail_b);
  g_assert_true (wait_for (dialog_open, (gpointer) "Changed While You Were Editing"));
  conflict = rp_test_find_dialog ("Changed While You Were Editing");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (conflict)) == GTK_WINDOW (a.window));
  {
    g_autofree char *body = g_strdup_printf ("%s changed the phone number of attendee 7 while you were editing it. "
                                             "Nothing has been overwritten. Which do you want to keep?", ann);

    g_assert_cmpstr (adw_message_dialog_get_body (conflict), ==, body);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone_a)), ==, "07700 900333");
  rp_test_click_response (conflict, "_Use Theirs");
  rp_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone_a)), ==, "07700 900444");
  /* Leaving the page saves nothing over Ann's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail_a), "attendee.back", NULL));
  g_assert_true (wait_for (side_settled, &a));
  g_assert_null (rp_test_find_dialog ("Changed While You Were Editing"));
  g_free (phone);
  phone = stored_value (f, "contact_phone", 7);
  g_assert_cmpstr (phone, ==, "07700 900444");

  rp_test_destroy_window (a.window);
  rp_test_destroy_window (b.window);
  g_assert_finalize_object (a.store);
  g_assert_finalize_object (b.store);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/team-live/command-line", Fixture, NULL, fixture_set_up, test_command_line, fixture_tear_down);
  g_test_add ("/team-live/database-option", Fixture, NULL, fixture_set_up, test_database_option, fixture_tear_down);
  g_test_add ("/team-live/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/team-live/two-windows", Fixture, NULL, fixture_set_up, test_two_windows, fixture_tear_down);

  return g_test_run ();
}
