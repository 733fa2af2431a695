/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-file-chooser.c: where file choosers open, away from the live database */

#include "config.h"

#include "rp-file-chooser.h"

/**
 * rp_file_chooser_open_away_from:
 * @chooser: a file chooser about to be shown
 * @store: (nullable): the open database
 *
 * Starts @chooser in Documents, or else the home folder, never in the
 * folder of @store. A chooser opens and reads every file it shows to guess
 * its type, and closing that descriptor drops all of SQLite's locks in this
 * process (sqlite.org/howtocorrupt.html §2.2). The user may still go to that
 * folder, so the store takes its locks again once the chooser has closed.
 */
void
rp_file_chooser_open_away_from (GtkFileChooser *chooser,
                                RpStore        *store)
{
  const char *candidates[] = { g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), g_get_home_dir () };
  g_autofree char *database_dir = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));
  g_return_if_fail (store == NULL || RP_IS_STORE (store));

  /* A team database has no folder here. */
  if (store != NULL && rp_store_get_path (store) != NULL)
    {
      database_dir = g_path_get_dirname (rp_store_get_path (store));
      if (GTK_IS_NATIVE_DIALOG (chooser))
        g_signal_connect_object (chooser, "response", G_CALLBACK (rp_store_renew_locks), store, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(GFile) folder = NULL;
      g_autoptr(GFile) database_folder = NULL;

      if (candidates[i] == NULL || !g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
        continue;

      folder = g_file_new_for_path (candidates[i]);
      database_folder = database_dir != NULL ? g_file_new_for_path (database_dir) : NULL;
      if (database_folder != NULL && g_file_equal (folder, database_folder))
        continue;

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
      return;
    }
}
