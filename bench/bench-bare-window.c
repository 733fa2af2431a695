/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bare-window.c: the yardstick for cold start: an empty AdwApplicationWindow */

#include "config.h"

#include <adwaita.h>

#include "bench-first-frame.h"

static void
on_activate (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  /* The main window's default size, so both draw as many pixels. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  bench_quit_on_first_frame (GTK_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) application = NULL;

  /* Unique on the session bus like the app, so both pay for registering. */
  application = adw_application_new ("io.github.reprovision.Reprovision.BenchBareWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
