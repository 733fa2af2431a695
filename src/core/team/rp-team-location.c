/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-location.c: team database locations as text, in every build (with or without libpq) */

#include "config.h"

#include <string.h>

#include "rp-team.h"

static gboolean
is_uri (const char *conninfo)
{
  return g_str_has_prefix (conninfo, "postgresql://") || g_str_has_prefix (conninfo, "postgres://");
}

/* The keywords a libpq key=value string may start with. A file's name that
 * happens to hold "=" ("minutes=final.db") stays a file. */
static const char * const conninfo_keywords[] = {
  "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service",
  "sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name",
  "options", "gssencmode", "krbsrvname", "target_session_attrs", "channel_binding",
  "require_auth", "sslnegotiation", "load_balance_hosts",
};

/**
 * rp_team_location_is_team:
 * @location: what the person gave as the database
 *
 * A team database is named by a URI ("postgresql://…" or "postgres://…") or
 * a libpq key=value string that starts with one of libpq's keywords
 * ("host=… dbname=…"); anything else, and any absolute path, is a file.
 *
 * Returns: %TRUE if @location names a team database
 */
gboolean
rp_team_location_is_team (const char *location)
{
  const char *start, *after;
  gsize length;

  g_return_val_if_fail (location != NULL, FALSE);

  if (is_uri (location))
    return TRUE;

  for (start = location; g_ascii_isspace (*start); start++)
    ;
  for (length = 0; g_ascii_isalnum (start[length]) || start[length] == '_'; length++)
    ;
  for (after = start + length; g_ascii_isspace (*after); after++)
    ;
  if (length == 0 || *after != '=')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (conninfo_keywords); i++)
    if (strlen (conninfo_keywords[i]) == length && strncmp (start, conninfo_keywords[i], length) == 0)
      return TRUE;
  return FALSE;
}

/**
 * rp_team_conninfo_with_password:
 * @conninfo: a team database's location, a URI or a key=value string
 * @password: the password the person gave
 *
 * The location with the password added, quoted as its form needs: a URI
 * gets a `password` query parameter, percent-encoded; a key=value string
 * gets `password='…'` with quotes and backslashes escaped. A later
 * password wins in both, so one given already is replaced.
 *
 * Returns: (transfer full): the location to connect to; never shown or stored
 */
char *
rp_team_conninfo_with_password (const char *conninfo,
                                const char *password)
{
  GString *completed;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  completed = g_string_new (conninfo);
  if (is_uri (conninfo))
    {
      g_autofree char *escaped = g_uri_escape_string (password, NULL, FALSE);

      /* Anything after a '#' is not sent; the parameters go before it. */
      if (strchr (conninfo, '#') != NULL)
        g_string_truncate (completed, strchr (conninfo, '#') - conninfo);
      g_string_append_c (completed, strchr (completed->str, '?') != NULL ? '&' : '?');
      g_string_append_printf (completed, "password=%s", escaped);
    }
  else
    {
      g_string_append (completed, completed->len > 0 ? " password='" : "password='");
      for (const char *p = password; *p != '\0'; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (completed, '\\');
          g_string_append_c (completed, *p);
        }
      g_string_append_c (completed, '\'');
    }

  return g_string_free (completed, FALSE);
}
