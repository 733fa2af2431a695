/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-app-first-frame.c: Reprovision started as main.c starts it, until the attendees are drawn */

#include "config.h"

#include <glib/gi18n.h>

#include "bench-first-frame.h"
#include "rp-application.h"
#include "rp-attendees-page.h"
#include "rp-window.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The frame that counts shows the programme's attendees, not an empty window. */
static gboolean
shows_attendees (GtkWindow *window)
{
  GtkWidget *page;

  if (g_strcmp0 (rp_window_get_view (RP_WINDOW (window)), "programme") != 0 ||
      g_strcmp0 (rp_window_get_area (RP_WINDOW (window)), "attendees") != 0)
    return FALSE;

  page = find_widget (GTK_WIDGET (window), RP_TYPE_ATTENDEES_PAGE);
  return page != NULL && g_list_model_get_n_items (G_LIST_MODEL (rp_attendees_page_get_list (RP_ATTENDEES_PAGE (page)))) > 0;
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  if (RP_IS_WINDOW (window))
    bench_quit_on_first_frame (window, shows_attendees);
}

/* As main.c, with one signal handler more; the database is the argument. */
int
main (int    argc,
      char **argv)
{
  g_autoptr(RpApplication) application = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = rp_application_new ();
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
