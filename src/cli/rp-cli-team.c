/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-cli-team.c: "reprovision-cli team init", which sets up a team database on a PostgreSQL server */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "rp-cli-team.h"
#include "rp-team.h"
#include "rp-validate.h"

#define EXIT_USAGE 2

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("reprovision-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

static int
command_team_init (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *prefix = NULL;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database,
      N_("The team database, as postgresql://account@server/database or host=… dbname=… "
         "(a server on another computer is reached over TLS with its certificate checked, unless sslmode says otherwise)"),
      N_("URI") },
    { "role-prefix", 0, 0, G_OPTION_ARG_STRING, &prefix,
      N_("What the roles’ names start with (default: reprovision_), to keep two programmes on one server apart"),
      N_("PREFIX") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Sets up a team database on a PostgreSQL server, or updates one set up by an older "
                                  "version: the roles PREFIXowner, PREFIXstaff and PREFIXreports, the tables and the "
                                  "audit trail. A database already set up is left as it is. Run it as the database "
                                  "administrator (an account that may create roles and owns the database), then give "
                                  "people’s logins a role: GRANT reprovision_staff TO jo;"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (database == NULL)
    return usage_error (context, _("Name the team database with --database URI."));
  if (argc > 1)
    {
      g_autofree char *extra = rp_quote_value (argv[1]);
      g_autofree char *message = g_strdup_printf (_("“team init” takes no argument %s."), extra);

      return usage_error (context, message);
    }

  if (!rp_team_init_with_prefix (database, prefix, &error))
    {
      g_printerr ("reprovision-cli: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print (_("The team database is set up (version %d).\n"), RP_TEAM_SCHEMA_VERSION);
  return EXIT_SUCCESS;
}

/**
 * rp_cli_command_team:
 *
 * "team SUBCOMMAND …": for now "init".
 */
int
rp_cli_command_team (int    argc,
                     char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "init"))
    {
      g_set_prgname ("reprovision-cli team init");
      return command_team_init (argc - 1, argv + 1);
    }

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n\n  init   %s\n", _("Usage: reprovision-cli team init --database URI"),
               _("Set up a team database on a PostgreSQL server, or update it"));
      return EXIT_SUCCESS;
    }

  g_printerr ("%s\n\n  init   %s\n", _("Usage: reprovision-cli team init --database URI"),
              _("Set up a team database on a PostgreSQL server, or update it"));
  return EXIT_USAGE;
}
