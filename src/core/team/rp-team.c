/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team.c: a programme on a team database (PostgreSQL through libpq): connecting and setting one up */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "rp-name-index.h"
#include "rp-team-private.h"
#include "rp-validate.h"

/* Any number that stays the same: two set-ups of one database take turns. */
#define INIT_LOCK_KEY "7265707276"

/* PostgreSQL 13 is the oldest Reprovision supports. */
#define OLDEST_SERVER 130000

G_DEFINE_QUARK (rp-team-error-quark, rp_team_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PQconninfoOption, PQconninfoFree)

/**
 * rp_team_is_supported:
 *
 * Returns: %TRUE if this build can use team databases (it was built with libpq)
 */
gboolean
rp_team_is_supported (void)
{
  return TRUE;
}

/* Connection strings --------------------------------------------------- */

static gboolean
is_local_host (const char *host)
{
  /* A socket directory, an abstract socket, or this computer. */
  return host[0] == '\0' || host[0] == '/' || host[0] == '@' ||
         g_ascii_strcasecmp (host, "localhost") == 0 ||
         g_str_has_prefix (host, "127.") || g_str_equal (host, "::1");
}

static gboolean
names_remote_host (const char *hosts)
{
  g_auto(GStrv) each = NULL;

  if (hosts == NULL)
    return FALSE;

  each = g_strsplit (hosts, ",", -1);
  for (guint i = 0; each[i] != NULL; i++)
    if (!is_local_host (g_strstrip (each[i])))
      return TRUE;

  return FALSE;
}

static void
append_option (GString    *conninfo,
               const char *keyword,
               const char *value)
{
  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s='", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *p);
    }
  g_string_append_c (conninfo, '\'');
}

/**
 * rp_team_complete_conninfo:
 * @conninfo: a libpq connection string ("host=… dbname=…") or URI
 *   ("postgresql://user@host/dbname")
 * @error: why it is not one
 *
 * Adds what Reprovision requires of every connection that libpq would
 * otherwise leave out. A connection to another computer (a host that is not
 * a socket directory, localhost or a loopback address, given in @conninfo
 * or $PGHOST) with no sslmode (in @conninfo or $PGSSLMODE) gets
 * sslmode=verify-full: encrypted, and only to a server whose certificate a
 * trusted authority issued for that host name. Whoever wants less says so
 * with sslmode. A connection that names no connect_timeout gets 10 seconds,
 * so an unreachable server is reported rather than waited for.
 *
 * Returns: (transfer full): the connection string in key=value form, or
 *   %NULL if @conninfo is not a connection string
 */
char *
rp_team_complete_conninfo (const char  *conninfo,
                           GError     **error)
{
  g_autoptr(PQconninfoOption) options = NULL;
  g_autoptr(GString) completed = g_string_new (NULL);
  g_autofree char *parse_error = NULL;
  const char *host = NULL, *hostaddr = NULL;
  gboolean has_sslmode = g_getenv ("PGSSLMODE") != NULL;
  gboolean has_timeout = g_getenv ("PGCONNECT_TIMEOUT") != NULL;
  char *message = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(options = PQconninfoParse (conninfo, &message)))
    {
      parse_error = message != NULL ? g_strstrip (g_strdup (message)) : NULL;
      PQfreemem (message);
      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID,
                   _("The database address is not one Reprovision understands. Write it as "
                     "postgresql://account@server/database or as host=… dbname=… (%s)"),
                   parse_error != NULL ? parse_error : _("no details"));
      return NULL;
    }

  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL)
        continue;

      if (g_str_equal (option->keyword, "host"))
        host = option->val;
      else if (g_str_equal (option->keyword, "hostaddr"))
        hostaddr = option->val;
      else if (g_str_equal (option->keyword, "sslmode"))
        has_sslmode = TRUE;
      else if (g_str_equal (option->keyword, "connect_timeout"))
        has_timeout = TRUE;

      append_option (completed, option->keyword, option->val);
    }

  if (host == NULL && hostaddr == NULL)
    host = g_getenv ("PGHOST");

  if (!has_sslmode && (names_remote_host (host) || names_remote_host (hostaddr)))
    append_option (completed, "sslmode", "verify-full");
  if (!has_timeout)
    append_option (completed, "connect_timeout", "10");

  return g_string_free (g_steal_pointer (&completed), FALSE);
}

/* Errors -------------------------------------------------------------- */

static char *
server_message (const char *message)
{
  g_autofree char *copy = g_strstrip (g_strdup (message != NULL ? message : ""));

  return copy[0] != '\0' ? g_steal_pointer (&copy) : g_strdup (_("no details"));
}

/* Why libpq could not open a connection, as a person can act on it. */
static void
set_connect_error (GError **error,
                   PGconn  *conn)
{
  g_autofree char *detail = server_message (PQerrorMessage (conn));
  g_autofree char *host = rp_quote_value (PQhost (conn) != NULL && PQhost (conn)[0] != '\0'
                                          ? PQhost (conn) : "localhost");
  g_autofree char *user = rp_quote_value (PQuser (conn) != NULL ? PQuser (conn) : "");
  g_autofree char *database = rp_quote_value (PQdb (conn) != NULL ? PQdb (conn) : "");

  /* Asked for a password the location did not give: the app asks for one. */
  if (PQconnectionNeedsPassword (conn))
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEEDS_PASSWORD,
                 _("The database server %s asks for the password of the account %s."),
                 host, user);
  else if (strstr (detail, "authentication failed") != NULL ||
      strstr (detail, "password") != NULL || (strstr (detail, "role") != NULL && strstr (detail, "does not exist") != NULL))
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_AUTHENTICATION,
                 _("The database server %s did not accept the account %s: check the account name and its password, "
                   "or ask the database administrator whether the account may log in. (%s)"),
                 host, user, detail);
  else if (strstr (detail, "database") != NULL && strstr (detail, "does not exist") != NULL)
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE,
                 _("The database server %s has no database called %s. Check its name, or ask the database administrator to create it. (%s)"),
                 host, database, detail);
  else if (strstr (detail, "permission denied") != NULL)
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION,
                 _("The account %s may not connect to the database %s. Ask the database administrator to give it one of Reprovision’s roles. (%s)"),
                 user, database, detail);
  else if (strstr (detail, "certificate") != NULL || strstr (detail, "SSL") != NULL)
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE,
                 _("A secure connection to the database server %s could not be made, so nothing was sent to it. Check that its "
                   "certificate is trusted by this computer, or ask the database administrator. (%s)"),
                 host, detail);
  else
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE,
                 _("The database server %s could not be reached. Check the address and the network, or try again later. (%s)"),
                 host, detail);
}

/* Why a statement failed, from its SQLSTATE. */
static void
set_result_error (GError     **error,
                  PGconn      *conn,
                  PGresult    *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *detail = server_message (primary != NULL ? primary : PQerrorMessage (conn));
  g_autofree char *user = rp_quote_value (PQuser (conn) != NULL ? PQuser (conn) : "");

  if (state != NULL && (g_str_equal (state, "42501") || g_str_has_prefix (state, "28")))
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION,
                 _("The account %s is not allowed to do this. Setting up a team database needs an account that may create "
                   "roles and owns the database (the database administrator’s). Nothing was changed. (%s)"),
                 user, detail);
  else if (PQstatus (conn) == CONNECTION_BAD)
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE,
                 _("The connection to the database server was lost. Nothing was changed; try again. (%s)"), detail);
  else
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_FAILED,
                 _("The database server refused a change, so nothing was changed. (%s)"), detail);
}

/* Statements ---------------------------------------------------------- */

static PGresult *
run (PGconn      *conn,
     const char  *sql,
     GError     **error)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_result_error (error, conn, result);
      PQclear (result);
      return NULL;
    }

  return result;
}

static gboolean
exec (PGconn      *conn,
      const char  *sql,
      GError     **error)
{
  g_autoptr(PGresult) result = run (conn, sql, error);

  return result != NULL;
}

/* The first value of a query's first row, or %NULL if there is none. */
static gboolean
query_value (PGconn       *conn,
             const char   *sql,
             char        **value,
             GError      **error)
{
  g_autoptr(PGresult) result = run (conn, sql, error);

  if (result == NULL)
    return FALSE;

  *value = PQntuples (result) > 0 && !PQgetisnull (result, 0, 0) ? g_strdup (PQgetvalue (result, 0, 0)) : NULL;
  return TRUE;
}

static char *
quote_identifier (PGconn     *conn,
                  const char *name)
{
  char *quoted = PQescapeIdentifier (conn, name, strlen (name));
  char *copy = g_strdup (quoted);

  PQfreemem (quoted);
  return copy;
}

static char *
quote_literal (PGconn     *conn,
               const char *value)
{
  char *quoted = PQescapeLiteral (conn, value, strlen (value));
  char *copy = g_strdup (quoted);

  PQfreemem (quoted);
  return copy;
}

static void
ignore_notice (void       *data,
               const char *message)
{
  /* "trigger … does not exist, skipping" and the like say nothing to a user. */
}

/* Opens a connection with rp_team_complete_conninfo()'s defaults. */
static PGconn *
team_connect (const char  *conninfo,
              GError     **error)
{
  g_autofree char *completed = NULL;
  g_autoptr(PGconn) conn = NULL;

  if (!(completed = rp_team_complete_conninfo (conninfo, error)))
    return NULL;

  conn = PQconnectdb (completed);
  if (conn == NULL)
    {
      g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_FAILED,
                           _("There was not enough memory to connect to the database server."));
      return NULL;
    }

  if (PQstatus (conn) != CONNECTION_OK)
    {
      set_connect_error (error, conn);
      return NULL;
    }

  PQsetNoticeProcessor (conn, ignore_notice, NULL);

  if (PQserverVersion (conn) < OLDEST_SERVER)
    {
      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NOT_SUPPORTED,
                   _("The database server runs PostgreSQL %d.%d; Reprovision needs PostgreSQL 13 or newer."),
                   PQserverVersion (conn) / 10000, PQserverVersion (conn) % 10000 / 100);
      return NULL;
    }

  return g_steal_pointer (&conn);
}

/* Set-up -------------------------------------------------------------- */

typedef struct
{
  char *owner;
  char *staff;
  char *reports;
} Roles;

static void
roles_clear (Roles *roles)
{
  g_clear_pointer (&roles->owner, g_free);
  g_clear_pointer (&roles->staff, g_free);
  g_clear_pointer (&roles->reports, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Roles, roles_clear)

/* Makes each role that is not there yet: none of them can log in; the
 * administrator gives logins to people ("GRANT reprovision_staff TO jo"). */
static gboolean
create_roles (PGconn       *conn,
              const char   *prefix,
              Roles        *quoted,
              GError      **error)
{
  static const char * const kinds[] = { "owner", "staff", "reports" };
  char **targets[] = { &quoted->owner, &quoted->staff, &quoted->reports };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strconcat (prefix, kinds[i], NULL);
      g_autofree char *literal = quote_literal (conn, name);
      g_autofree char *sql = NULL;

      *targets[i] = quote_identifier (conn, name);
      sql = g_strdup_printf ("DO $$ BEGIN"
                             "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %s) THEN"
                             "    CREATE ROLE %s NOLOGIN;"
                             "  END IF;"
                             " END $$",
                             literal, *targets[i]);
      if (!exec (conn, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* The schema's objects belong to the owner role, so the administrator
 * becomes a member of it (a superuser already may act as any role). */
static gboolean
become_owner (PGconn      *conn,
              const char  *owner,
              GError     **error)
{
  g_autofree char *superuser = NULL;
  g_autofree char *member = NULL;
  g_autofree char *owner_literal = quote_literal (conn, owner);
  g_autofree char *owner_identifier = quote_identifier (conn, owner);
  g_autofree char *is_member = g_strdup_printf ("SELECT pg_has_role (current_user, %s, 'MEMBER')", owner_literal);
  g_autofree char *grant = g_strdup_printf ("GRANT %s TO CURRENT_USER", owner_identifier);

  if (!query_value (conn, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", &superuser, error) ||
      !query_value (conn, is_member, &member, error))
    return FALSE;

  if (g_strcmp0 (superuser, "t") == 0 || g_strcmp0 (member, "t") == 0)
    return TRUE;

  return exec (conn, grant, error);
}

static gboolean
read_version (PGconn      *conn,
              int         *version,
              GError     **error)
{
  g_autofree char *exists = NULL;
  g_autofree char *value = NULL;

  *version = 0;
  if (!query_value (conn, "SELECT to_regclass ('reprovision.schema_version') IS NOT NULL", &exists, error))
    return FALSE;
  if (g_strcmp0 (exists, "t") != 0)
    return TRUE;

  if (!query_value (conn, "SELECT coalesce (max (version), 0) FROM reprovision.schema_version", &value, error))
    return FALSE;
  *version = value != NULL ? atoi (value) : 0;
  return TRUE;
}

/* A database set up with one set of roles keeps them: another prefix would
 * leave the first roles with their rights. */
static gboolean
check_prefix (PGconn      *conn,
              const char  *prefix,
              GError     **error)
{
  g_autofree char *exists = NULL;
  g_autofree char *stored = NULL;

  if (!query_value (conn, "SELECT to_regclass ('reprovision.team_setting') IS NOT NULL", &exists, error))
    return FALSE;
  if (g_strcmp0 (exists, "t") != 0)
    return TRUE;
  if (!query_value (conn, "SELECT value FROM reprovision.team_setting WHERE name = 'role_prefix'", &stored, error))
    return FALSE;

  if (stored != NULL && !g_str_equal (stored, prefix))
    {
      g_autofree char *quoted = rp_quote_value (stored);

      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID,
                   _("This team database was set up with roles whose names start with %s. Run the set-up again with "
                     "that prefix; nothing was changed."),
                   quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
init_in_transaction (PGconn      *conn,
                     const char  *prefix,
                     GError     **error)
{
  g_auto(Roles) roles = { NULL };
  g_autofree char *database = NULL;
  g_autofree char *database_identifier = NULL;
  g_autofree char *owner_name = g_strconcat (prefix, "owner", NULL);
  g_autofree char *grants = NULL;
  g_autofree char *prefix_literal = NULL;
  g_autofree char *sql = NULL;
  int version;

  if (!exec (conn, "SELECT pg_advisory_xact_lock (" INIT_LOCK_KEY ")", error) ||
      !read_version (conn, &version, error))
    return FALSE;

  if (version > RP_TEAM_SCHEMA_VERSION)
    {
      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEWER_VERSION,
                   _("This team database was set up by a newer version of Reprovision (its version %d; this one knows up to %d). "
                     "Update Reprovision; nothing was changed."),
                   version, RP_TEAM_SCHEMA_VERSION);
      return FALSE;
    }

  if (!check_prefix (conn, prefix, error) ||
      !create_roles (conn, prefix, &roles, error) ||
      !become_owner (conn, owner_name, error) ||
      !query_value (conn, "SELECT current_database ()", &database, error))
    return FALSE;

  /* The database itself: only Reprovision's roles may connect. */
  database_identifier = quote_identifier (conn, database);
  sql = g_strdup_printf ("REVOKE CONNECT, TEMPORARY ON DATABASE %1$s FROM PUBLIC;"
                         "GRANT CONNECT ON DATABASE %1$s TO %2$s, %3$s, %4$s;"
                         "CREATE SCHEMA IF NOT EXISTS reprovision AUTHORIZATION %2$s;"
                         "CREATE SCHEMA IF NOT EXISTS reprovision_report AUTHORIZATION %2$s;"
                         "SET LOCAL ROLE %2$s;"
                         "SET LOCAL search_path = reprovision, pg_temp;",
                         database_identifier, roles.owner, roles.staff, roles.reports);
  if (!exec (conn, sql, error) ||
      !exec (conn, rp_team_schema_bootstrap (), error))
    return FALSE;

  for (int step = version; step < RP_TEAM_SCHEMA_VERSION; step++)
    {
      g_autofree char *record = g_strdup_printf ("INSERT INTO schema_version (version, file_version) VALUES (%d, %d)",
                                                 step + 1, RP_TEAM_FILE_SCHEMA_VERSION);

      if (!exec (conn, rp_team_schema_migration (step), error) ||
          !exec (conn, record, error))
        return FALSE;
    }

  /* Functions, triggers and views as this version makes them; the names'
   * words, which only the core can fold, for any record without them. */
  if (version < RP_TEAM_SCHEMA_VERSION &&
      (!exec (conn, rp_team_schema_definitions (), error) || !rp_team_refresh_name_words (conn, error)))
    return FALSE;

  prefix_literal = quote_literal (conn, prefix);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO team_setting (name, value) VALUES ('role_prefix', %s) ON CONFLICT DO NOTHING",
                         prefix_literal);
  grants = rp_team_schema_grants (roles.owner, roles.staff, roles.reports, database_identifier);
  return exec (conn, sql, error) && exec (conn, grants, error);
}

/**
 * rp_team_init_with_prefix:
 * @conninfo: the team database, as a libpq connection string or URI (see
 *   rp_team_complete_conninfo() for the defaults added to it)
 * @role_prefix: (nullable): what the roles' names start with, so that two
 *   programmes on one server keep apart; %RP_TEAM_DEFAULT_ROLE_PREFIX if %NULL
 * @error: why it could not be set up
 *
 * Sets up a team database: the roles (@role_prefix followed by "owner",
 * which owns the schema, "staff", which reads and writes programmes, and
 * "reports", which reads only the anonymised views the scrutiny report
 * uses), the schema, its audit triggers and views, as one transaction,
 * then updates it to this version's schema. A database already set up is
 * left as it is. Run by an account that may create roles and owns the
 * database.
 *
 * Returns: %TRUE if the database is set up at this version
 */
gboolean
rp_team_init_with_prefix (const char  *conninfo,
                          const char  *role_prefix,
                          GError     **error)
{
  g_autoptr(PGconn) conn = NULL;
  const char *prefix = role_prefix != NULL ? role_prefix : RP_TEAM_DEFAULT_ROLE_PREFIX;

  g_return_val_if_fail (conninfo != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Role names are at most 63 bytes, and quoted everywhere. */
  if (prefix[0] == '\0' || strlen (prefix) > 40 || !g_utf8_validate (prefix, -1, NULL) ||
      strpbrk (prefix, "\"'\\") != NULL)
    {
      g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID,
                           _("The role prefix must be 1 to 40 characters, without quotes or backslashes."));
      return FALSE;
    }

  if (!(conn = team_connect (conninfo, error)))
    return FALSE;

  if (!exec (conn, "BEGIN", error))
    return FALSE;

  if (!init_in_transaction (conn, prefix, error))
    {
      PQclear (PQexec (conn, "ROLLBACK"));
      return FALSE;
    }

  return exec (conn, "COMMIT", error);
}

/**
 * rp_team_init:
 * @conninfo: the team database
 * @error: why it could not be set up
 *
 * rp_team_init_with_prefix() with the default role names.
 *
 * Returns: %TRUE if the database is set up at this version
 */
gboolean
rp_team_init (const char  *conninfo,
              GError     **error)
{
  return rp_team_init_with_prefix (conninfo, NULL, error);
}

/* For rp-team-copy.c (declared in rp-team-private.h) ------------------------ */

/* A connection with the defaults above, to a server new enough. */
PGconn *
rp_team_connect (const char  *conninfo,
                 GError     **error)
{
  return team_connect (conninfo, error);
}

/* Why a statement failed, in plain words. */
void
rp_team_set_result_error (GError   **error,
                          PGconn    *conn,
                          PGresult  *result)
{
  set_result_error (error, conn, result);
}

/**
 * rp_team_refresh_name_words: (skip)
 *
 * Gives every record with personal names the folded words of those names
 * (rp_name_index_stored_words ()), where it has not got them right: after
 * the migration that adds the name_words columns, and after a copy from a
 * file, whose words are not taken on trust. The server has no rule of its
 * own for a name's words (rp_report_name_words () reads these). Run as the
 * owner, in the caller's transaction.
 */
gboolean
rp_team_refresh_name_words (PGconn  *conn,
                            GError **error)
{
  /* The same tables and names as the store's name_word_tables (rp-store.c). */
  static const struct
  {
    int         n_names;
    const char *read;
    const char *write;
  } tables[] = {
    { 3, "SELECT id, name_words, full_name, preferred_name, contact_name FROM attendee",
      "UPDATE attendee SET name_words = $2 WHERE id = $1" },
    { 1, "SELECT id, name_words, family_attending FROM booking", "UPDATE booking SET name_words = $2 WHERE id = $1" },
    { 1, "SELECT id, name_words, name FROM worker", "UPDATE worker SET name_words = $2 WHERE id = $1" },
    { 1, "SELECT id, name_words, contact_name FROM provider", "UPDATE provider SET name_words = $2 WHERE id = $1" },
  };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(PGresult) rows = run (conn, tables[t].read, error);

      if (rows == NULL)
        return FALSE;

      for (int r = 0; r < PQntuples (rows); r++)
        {
          const char *names[3] = { NULL, NULL, NULL };
          g_autofree char *words = NULL;
          const char *stored = PQgetisnull (rows, r, 1) ? NULL : PQgetvalue (rows, r, 1);
          const char *params[2];

          for (int c = 0; c < tables[t].n_names; c++)
            names[c] = PQgetisnull (rows, r, 2 + c) ? NULL : PQgetvalue (rows, r, 2 + c);
          words = rp_name_index_stored_words (names, tables[t].n_names);
          if (g_strcmp0 (words, stored) == 0)
            continue;

          params[0] = PQgetvalue (rows, r, 0);
          params[1] = words;
          {
            g_autoptr(PGresult) result = PQexecParams (conn, tables[t].write, 2, NULL, params, NULL, NULL, 0);

            if (PQresultStatus (result) != PGRES_COMMAND_OK)
              {
                set_result_error (error, conn, result);
                return FALSE;
              }
          }
        }
    }

  return TRUE;
}

/* The team schema's version, 0 if the database is not set up. */
gboolean
rp_team_read_version (PGconn      *conn,
                      int         *version,
                      GError     **error)
{
  return read_version (conn, version, error);
}
