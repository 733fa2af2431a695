/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: starts Reprovision */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(RpApplication) application = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = rp_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
