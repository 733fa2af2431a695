/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-cli-team.c: "reprovision-cli team init", which sets up a team database on a PostgreSQL server, and "team copy" */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp-cli-team.h"
#include "rp-team.h"
#include "rp-team-copy.h"
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

/* A team database is named by a URI or a key=value connection string;
 * anything else is a file. */
static gboolean
names_team_database (const char *place)
{
  static const char * const keywords[] = { "host=", "hostaddr=", "dbname=", "service=", "user=", "port=" };

  if (g_str_has_prefix (place, "postgresql://") || g_str_has_prefix (place, "postgres://"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      const char *at = strstr (place, keywords[i]);

      if (at != NULL && (at == place || at[-1] == ' '))
        return TRUE;
    }
  return FALSE;
}

static char *
describe_programmes (char **names)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = names != NULL ? g_strv_length (names) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *quoted = rp_quote_value (names[i]);

      g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", quoted);
    }

  if (n == 0)
    return g_strdup (_("no programme"));
  if (n == 1)
    return g_strdup_printf (_("programme %s"), list->str);
  return g_strdup_printf (_("programmes %s"), list->str);
}

static int
command_team_copy (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(RpTeamCopySummary) summary = { NULL };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *programmes = NULL;
  gboolean from_team, to_team, ok;
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_FILENAME, &from,
      N_("The database file, or the team database as postgresql://account@server/database or host=… dbname=…"),
      N_("FILE|URI") },
    { "to", 't', 0, G_OPTION_ARG_FILENAME, &to,
      N_("The team database (set up with “team init” and still empty), or a new database file"),
      N_("URI|FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("Copies a whole programme database, with its step history, audit trail and export "
                                  "history, from a database file onto a team database that holds nothing yet, or from "
                                  "a team database into a new file. Every record keeps its id; the copy is all or "
                                  "nothing and is noted once in the audit trail of the copy. Copying onto a team "
                                  "database needs the account that set it up (“team init”); the file is only read. A "
                                  "new file is readable by you only, and checked before it is kept."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (from == NULL || to == NULL)
    return usage_error (context, _("Say where to copy from and to with --from and --to."));
  if (argc > 1)
    {
      g_autofree char *extra = rp_quote_value (argv[1]);
      g_autofree char *message = g_strdup_printf (_("“team copy” takes no argument %s."), extra);

      return usage_error (context, message);
    }

  from_team = names_team_database (from);
  to_team = names_team_database (to);
  if (from_team == to_team)
    return usage_error (context, _("Copy from a file to a team database (postgresql://…), or from a team database to a file."));

  ok = from_team ? rp_team_copy_team_to_file (from, to, &summary, &error)
                 : rp_team_copy_file_to_team (from, to, &summary, &error);
  if (!ok)
    {
      g_printerr ("reprovision-cli: %s\n", error->message);
      return EXIT_FAILURE;
    }

  programmes = describe_programmes (summary.programmes);
  g_print (_("Copied %s (%" G_GUINT64_FORMAT " attendees, %" G_GUINT64_FORMAT " audit entries) to %s.\n"),
           programmes, summary.attendees, summary.audit_entries, summary.target);
  return EXIT_SUCCESS;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n       %s\n\n  init   %s\n  copy   %s\n",
           _("Usage: reprovision-cli team init --database URI"),
           _("reprovision-cli team copy --from FILE|URI --to URI|FILE"),
           _("Set up a team database on a PostgreSQL server, or update it"),
           _("Copy a programme database from a file to a team database, or back into a new file"));
}

/**
 * rp_cli_command_team:
 *
 * "team SUBCOMMAND …": "init" and "copy".
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

  if (argc >= 2 && g_str_equal (argv[1], "copy"))
    {
      g_set_prgname ("reprovision-cli team copy");
      return command_team_copy (argc - 1, argv + 1);
    }

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }

  print_usage (stderr);
  return EXIT_USAGE;
}
