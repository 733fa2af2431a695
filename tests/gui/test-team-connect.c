/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team-connect.c: the Open a Team Database dialogue, driven as a user would, without a server */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rp-core.h"
#include "rp-gui-test-util.h"
#include "rp-team.h"
#include "rp-team-connect-window.h"
#include "rp-test-util.h"
#include "rp-window.h"

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  GtkWidget *row = rp_test_find_widget (root, type, "title", title);

  g_assert_nonnull (row);
  return row;
}

static void
set_text (GtkWidget  *root,
          const char *title,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (root, ADW_TYPE_ENTRY_ROW, title)), text);
}

static const char *
get_text (GtkWidget  *root,
          const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_row (root, ADW_TYPE_ENTRY_ROW, title)));
}

static GtkSwitch *
verify_switch (GtkWidget *root)
{
  GtkWidget *row = find_row (root, ADW_TYPE_ACTION_ROW, "Require a verified secure connection");
  GtkWidget *widget = rp_test_find_widget (row, GTK_TYPE_SWITCH, NULL, NULL);

  g_assert_nonnull (widget);
  return GTK_SWITCH (widget);
}

/* Runs the main loop until the dialogue stops connecting; FALSE after 20 s. */
static gboolean
wait_until_idle (RpTeamConnectWindow *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (rp_team_connect_window_is_connecting (dialog) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  rp_test_spin ();

  return !rp_team_connect_window_is_connecting (dialog);
}

static void
test_location_from_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *with_port = NULL;
  g_autofree char *unverified = NULL;
  g_autofree char *local = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *no_database = NULL;
  g_autofree char *bad_port = NULL;
  g_autofree char *big_port = NULL;

  /* The core decides which hosts need verifying; without team support it cannot say. */
  if (!rp_team_is_supported ())
    {
      g_test_skip ("built without team databases");
      return;
    }

  plain = rp_team_connect_window_build_location (" db.council.example ", "", "rp_demo", "jo", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, "host='db.council.example' dbname='rp_demo' user='jo'");
  /* The core then asks a verified secure connection of it by itself. */
  {
    g_autofree char *completed = rp_team_complete_conninfo (plain, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (completed, "sslmode='verify-full'"));
  }

  with_port = rp_team_connect_window_build_location ("db.council.example", "5433", "rp_demo", "jo", TRUE, &error);
  g_assert_cmpstr (with_port, ==, "host='db.council.example' port='5433' dbname='rp_demo' user='jo'");

  /* Switched off, and only then, a weaker mode is written. */
  unverified = rp_team_connect_window_build_location ("db.council.example", NULL, "rp_demo", "jo", FALSE, &error);
  g_assert_cmpstr (unverified, ==, "host='db.council.example' dbname='rp_demo' user='jo' sslmode='prefer'");

  /* On this computer nothing crosses the network: the switch means nothing. */
  local = rp_team_connect_window_build_location ("localhost", NULL, "rp_demo", NULL, FALSE, &error);
  g_assert_cmpstr (local, ==, "host='localhost' dbname='rp_demo'");

  quoted = rp_team_connect_window_build_location ("db", NULL, "it's", "o\\brien", TRUE, &error);
  g_assert_cmpstr (quoted, ==, "host='db' dbname='it\\'s' user='o\\\\brien'");
  g_assert_no_error (error);

  no_database = rp_team_connect_window_build_location ("db", NULL, "  ", "jo", TRUE, &error);
  g_assert_null (no_database);
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID);
  g_clear_error (&error);

  bad_port = rp_team_connect_window_build_location ("db", "54x", "rp_demo", "jo", TRUE, &error);
  g_assert_null (bad_port);
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID);
  g_clear_error (&error);

  big_port = rp_team_connect_window_build_location ("db", "70000", "rp_demo", "jo", TRUE, &error);
  g_assert_null (big_port);
  g_assert_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID);
}

static void
test_dialogue_tls_switch (void)
{
  RpTeamConnectWindow *dialog;
  GtkWidget *root;
  GtkWidget *row;
  GtkSwitch *verify;

  /* The core decides which hosts need verifying; without team support it cannot say. */
  if (!rp_team_is_supported ())
    {
      g_test_skip ("built without team databases");
      return;
    }

  dialog = rp_team_connect_window_new (NULL);
  root = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();
  row = find_row (root, ADW_TYPE_ACTION_ROW, "Require a verified secure connection");
  verify = verify_switch (root);

  /* On by default, and the switch has a name a screen reader says. */
  g_assert_true (gtk_switch_get_active (verify));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (verify), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Require a verified secure connection");

  set_text (root, "Server, for example db.council.example", "db.council.example");
  g_assert_true (gtk_widget_get_sensitive (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "certificate"));

  /* Switched off, the subtitle says what that means. */
  gtk_switch_set_active (verify, FALSE);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "pretend to be the server"));
  set_text (root, "Database", "rp_demo");
  set_text (root, "Account", "jo");
  rp_test_save_shot (root, "team-connect-tls-off.png");

  /* A server on this computer needs none. */
  set_text (root, "Server, for example db.council.example", "localhost");
  g_assert_false (gtk_widget_get_sensitive (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "on this computer"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();
}

static void
test_dialogue_form_kept_on_error (void)
{
  RpTeamConnectWindow *dialog = rp_team_connect_window_new (NULL);
  GtkWidget *root = GTK_WIDGET (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();

  set_text (root, "Server, for example db.council.example", "db.council.example");
  set_text (root, "Account", "jo");
  set_text (root, "Port (optional)", "5o");
  set_text (root, "Database", "rp_demo");

  /* A port that is not a number is said in the dialogue, and nothing is tried. */
  rp_team_connect_window_connect (dialog);
  rp_test_spin ();
  g_assert_false (rp_team_connect_window_is_connecting (dialog));
  g_assert_nonnull (strstr (rp_team_connect_window_get_message (dialog), "port"));
  g_assert_true (gtk_widget_has_css_class (find_row (root, ADW_TYPE_ENTRY_ROW, "Port (optional)"), "error"));
  g_assert_cmpstr (get_text (root, "Server, for example db.council.example"), ==, "db.council.example");
  g_assert_cmpstr (get_text (root, "Account"), ==, "jo");
  rp_test_save_shot (root, "team-connect-error.png");

  /* A database is needed. */
  set_text (root, "Port (optional)", "");
  set_text (root, "Database", "");
  rp_team_connect_window_connect (dialog);
  rp_test_spin ();
  g_assert_nonnull (strstr (rp_team_connect_window_get_message (dialog), "name of the database"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();
}

static void
on_opened (RpTeamConnectWindow *dialog,
           RpStore             *store,
           gboolean            *opened)
{
  *opened = TRUE;
}

/* A server that refuses: the reason is in the dialogue, the fields as they were. */
static void
test_dialogue_unreachable (void)
{
  RpTeamConnectWindow *dialog = rp_team_connect_window_new (NULL);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autofree char *socket_dir = rp_test_make_tmpdir ();
  gboolean opened = FALSE;

  if (!rp_team_is_supported ())
    {
      g_test_skip ("built without team databases");
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  g_signal_connect (dialog, "opened", G_CALLBACK (on_opened), &opened);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();

  /* An empty socket directory: no server there, and no network used. */
  set_text (root, "Server, for example db.council.example", socket_dir);
  set_text (root, "Port (optional)", "5999");
  set_text (root, "Database", "rp_demo");
  set_text (root, "Account", "jo");
  rp_team_connect_window_connect (dialog);
  g_assert_true (rp_team_connect_window_is_connecting (dialog));
  g_assert_true (wait_until_idle (dialog));

  g_assert_false (opened);
  g_assert_nonnull (rp_team_connect_window_get_message (dialog));
  g_assert_nonnull (strstr (rp_team_connect_window_get_message (dialog), "could not be reached"));
  g_assert_cmpstr (get_text (root, "Database"), ==, "rp_demo");
  g_assert_cmpstr (get_text (root, "Account"), ==, "jo");
  g_assert_true (gtk_widget_get_visible (root));
  rp_test_save_shot (root, "team-connect-unreachable.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();
  rp_test_remove_tree (socket_dir);
}

/* Cancel while connecting: the form is back at once, and what opens late is dropped. */
static void
test_dialogue_cancel (void)
{
  RpTeamConnectWindow *dialog = rp_team_connect_window_new (NULL);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autofree char *socket_dir = rp_test_make_tmpdir ();

  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();
  set_text (root, "Server, for example db.council.example", socket_dir);
  set_text (root, "Database", "rp_demo");
  rp_team_connect_window_connect (dialog);
  g_assert_true (rp_team_connect_window_is_connecting (dialog));
  g_assert_false (gtk_widget_is_sensitive (find_row (root, ADW_TYPE_ENTRY_ROW, "Database")));

  g_assert_true (gtk_widget_activate_action (root, "team-connect.cancel", NULL));
  g_assert_false (rp_team_connect_window_is_connecting (dialog));
  g_assert_true (gtk_widget_is_sensitive (find_row (root, ADW_TYPE_ENTRY_ROW, "Database")));
  g_assert_nonnull (strstr (rp_team_connect_window_get_message (dialog), "cancelled"));

  /* The attempt finishes in its thread; the window says the same after it. */
  for (int i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_nonnull (strstr (rp_team_connect_window_get_message (dialog), "cancelled"));

  /* A second Cancel closes the dialogue. */
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (root, "team-connect.cancel", NULL));
  rp_test_spin ();
  g_assert_false (gtk_widget_get_visible (root));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  rp_test_remove_tree (socket_dir);
}

static void
test_dialogue_location_round_trip (void)
{
  RpTeamConnectWindow *dialog = rp_team_connect_window_new (NULL);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *location = rp_team_connect_window_build_location ("db.council.example", "5433", "rp_demo",
                                                                     "o'brien", FALSE, &error);
  AdwExpanderRow *advanced;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();

  /* The location remembered at the last start fills the fields again. */
  rp_team_connect_window_set_location (dialog, location);
  g_assert_cmpstr (get_text (root, "Server, for example db.council.example"), ==, "db.council.example");
  g_assert_cmpstr (get_text (root, "Port (optional)"), ==, "5433");
  g_assert_cmpstr (get_text (root, "Database"), ==, "rp_demo");
  g_assert_cmpstr (get_text (root, "Account"), ==, "o'brien");
  g_assert_false (gtk_switch_get_active (verify_switch (root)));

  /* Anything else is shown as the connection string it is. */
  rp_team_connect_window_set_location (dialog, "postgresql://jo@db.council.example/rp_demo?application_name=x");
  advanced = ADW_EXPANDER_ROW (find_row (root, ADW_TYPE_EXPANDER_ROW, "Advanced: use a connection string"));
  g_assert_true (adw_expander_row_get_enable_expansion (advanced));
  /* Its switch has a name a screen reader says. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (rp_test_find_widget (GTK_WIDGET (advanced), GTK_TYPE_SWITCH, NULL, NULL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Use a connection string");
  g_assert_cmpstr (get_text (root, "Connection string"), ==, "postgresql://jo@db.council.example/rp_demo?application_name=x");
  g_assert_false (gtk_widget_is_sensitive (find_row (root, ADW_TYPE_ENTRY_ROW, "Database")));

  /* A password in it would be remembered with it: it is refused (the core
   * reads the string; a build without team databases refuses it anyway). */
  set_text (root, "Connection string", "postgresql://jo:secret@db.council.example/rp_demo");
  rp_team_connect_window_connect (dialog);
  rp_test_spin ();
  g_assert_false (rp_team_connect_window_is_connecting (dialog));
  if (rp_team_is_supported ())
    g_assert_nonnull (strstr (rp_team_connect_window_get_message (dialog), "Leave the password out"));
  else
    g_assert_nonnull (rp_team_connect_window_get_message (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();
}

/* At the narrowest the app allows, every field and the message still fit. */
static void
test_dialogue_narrow (void)
{
  RpTeamConnectWindow *dialog = rp_team_connect_window_new (NULL);
  GtkWidget *root = GTK_WIDGET (dialog);

  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 700);
  gtk_window_present (GTK_WINDOW (dialog));
  rp_test_spin ();
  set_text (root, "Server, for example db.council.example", "db.council.example");
  set_text (root, "Port (optional)", "five");
  set_text (root, "Database", "rp_demo");
  set_text (root, "Account", "jo");
  rp_team_connect_window_connect (dialog);
  rp_test_spin ();
  g_assert_nonnull (rp_team_connect_window_get_message (dialog));

  /* No wider than asked: nothing in the form forces it wider. */
  g_assert_cmpint (gtk_widget_get_width (root), <=, 360);
  rp_test_save_shot (root, "team-connect-360.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();
}

/* The main menu and the welcome page both offer it. */
static void
test_window_offers_team_database (void)
{
  RpWindow *window = rp_window_new (NULL);
  GtkWidget *button;

  gtk_window_present (GTK_WINDOW (window));
  rp_test_spin ();

  button = rp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "label", "Open a _Team Database…");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.open-team");
  g_assert_cmpint (gtk_widget_get_sensitive (button), ==, rp_team_is_supported ());

  if (rp_team_is_supported ())
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      RpTeamConnectWindow *dialog = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-team", NULL));
      rp_test_spin ();
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

          if (RP_IS_TEAM_CONNECT_WINDOW (item))
            dialog = RP_TEAM_CONNECT_WINDOW (item);
        }
      g_assert_nonnull (dialog);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  rp_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The rules under test are the app's, not the environment's. */
  g_unsetenv ("PGSSLMODE");
  g_unsetenv ("PGHOST");
  dir = rp_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  g_test_add_func ("/team-connect/location-from-fields", test_location_from_fields);
  g_test_add_func ("/team-connect/tls-switch", test_dialogue_tls_switch);
  g_test_add_func ("/team-connect/form-kept-on-error", test_dialogue_form_kept_on_error);
  g_test_add_func ("/team-connect/unreachable", test_dialogue_unreachable);
  g_test_add_func ("/team-connect/cancel", test_dialogue_cancel);
  g_test_add_func ("/team-connect/location-round-trip", test_dialogue_location_round_trip);
  g_test_add_func ("/team-connect/narrow", test_dialogue_narrow);
  g_test_add_func ("/team-connect/window-offers-it", test_window_offers_team_database);

  {
    int status = g_test_run ();

    rp_test_remove_tree (dir);
    return status;
  }
}
