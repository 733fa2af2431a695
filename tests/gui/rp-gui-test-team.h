/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-gui-test-team.h: the window tests' team database (a fresh one with the
 * sample programme, kept by a member of staff) and the connect dialogue,
 * beside tests/rp-test-team.h */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"
#include "rp-gui-test-util.h"
#include "rp-team-connect-window.h"
#include "rp-test-team.h"
#include "rp-test-util.h"
#include "rp-window.h"

typedef struct
{
  RpTestTeam  team;
  char       *dir;       /* XDG_DATA_HOME */
  char       *jo;        /* staff */
  char       *rita;      /* reports */
} RpGuiTestTeam;

/* The location of @login's connection to the test's database. */
static inline char *
rp_gui_test_team_location (RpGuiTestTeam *f,
                       const char    *login)
{
  /* No host: the cluster's socket directory, from PGHOST. */
  return g_strdup_printf ("dbname='%s' user='%s'", f->team.database, login);
}

static inline void
rp_gui_test_team_set_up (RpGuiTestTeam *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) sample = NULL;
  g_autofree char *jo_location = NULL;

  f->dir = rp_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", f->dir, TRUE);
  rp_test_team_set_up (&f->team, "rp_gui", "rpg");
  if (!f->team.available)
    return;

  rp_test_team_init (&f->team);
  f->jo = rp_test_team_make_login (&f->team, "jo", "staff");
  f->rita = rp_test_team_make_login (&f->team, "rita", "reports");

  /* The sample programme, kept on the server by a member of staff. */
  jo_location = rp_gui_test_team_location (f, f->jo);
  store = rp_store_open (jo_location, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rp_store_set_today (store, "2023-09-22");
  sample = rp_sample_create (store, &error);
  g_assert_no_error (error);
}

static inline void
rp_gui_test_team_tear_down (RpGuiTestTeam *f)
{
  /* Readers the window started in threads (the attendee list's) finish
   * and let go of their connections; only then is the database dropped. */
  rp_test_team_tear_down (&f->team, RP_TEST_TEAM_DROP_WAIT_FOR_CLOSE | RP_TEST_TEAM_DROP_PASSWORD_ROLE);
  rp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->jo);
  g_free (f->rita);
}

/* The connect dialogue on screen, if any. */
static inline RpTeamConnectWindow *
rp_test_find_connect_dialogue (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (RP_IS_TEAM_CONNECT_WINDOW (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return RP_TEAM_CONNECT_WINDOW (item);
    }

  return NULL;
}

/* Runs the main loop until the dialogue stops connecting; FALSE after 20 s. */
static inline gboolean
rp_test_wait_until_idle (RpTeamConnectWindow *dialog)
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

/* Destroys @window and checks that nothing keeps it (up to 5 s for threads). */
static inline void
rp_test_destroy_window (RpWindow *window)
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
