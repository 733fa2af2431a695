/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-keyring.c: team database passwords in the desktop keyring (libsecret) */

#include "config.h"

#include <libsecret/secret.h>

#include "rp-team-keyring.h"

/* One item per server, port, database and login: the same account on two
 * databases may have two passwords. Inside a Flatpak libsecret goes
 * through the Secret portal by itself. */
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.reprovision.Reprovision.TeamDatabase", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

RpTeamAccount *
rp_team_account_new (const char *host,
                     const char *port,
                     const char *database,
                     const char *login)
{
  RpTeamAccount *account = g_new0 (RpTeamAccount, 1);

  account->host = g_strdup (host != NULL ? host : "");
  account->port = g_strdup (port != NULL ? port : "");
  account->database = g_strdup (database != NULL ? database : "");
  account->login = g_strdup (login != NULL ? login : "");

  return account;
}

RpTeamAccount *
rp_team_account_copy (const RpTeamAccount *account)
{
  g_return_val_if_fail (account != NULL, NULL);

  return rp_team_account_new (account->host, account->port, account->database, account->login);
}

void
rp_team_account_free (RpTeamAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->host);
  g_free (account->port);
  g_free (account->database);
  g_free (account->login);
  g_free (account);
}

static GHashTable *
attributes_for (const RpTeamAccount *account)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  /* The table borrows the account's strings; it is used before they go. */
  g_hash_table_insert (attributes, (gpointer) "host", account->host);
  g_hash_table_insert (attributes, (gpointer) "port", account->port);
  g_hash_table_insert (attributes, (gpointer) "database", account->database);
  g_hash_table_insert (attributes, (gpointer) "login", account->login);

  return attributes;
}

/**
 * rp_team_keyring_lookup_async:
 * @account: the server, port, database and login
 *
 * Looks for the password kept for @account. Without a keyring (none running,
 * or none allowed) the lookup fails; the caller then asks the person.
 */
void
rp_team_keyring_lookup_async (const RpTeamAccount *account,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (account != NULL);

  attributes = attributes_for (account);
  secret_password_lookupv (get_schema (), attributes, cancellable, callback, user_data);
}

/**
 * rp_team_keyring_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL if none is
 *   kept (@error unset) or the keyring could not be asked (@error set).
 *   Free it with secret_password_free().
 */
char *
rp_team_keyring_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  return secret_password_lookup_finish (result, error);
}

/**
 * rp_team_keyring_store_async:
 * @label: what the keyring shows the person, as "Reprovision: rp_demo on db.council.example"
 * @password: the password the server accepted
 *
 * Keeps @password for @account in the default keyring, in place of any kept before.
 */
void
rp_team_keyring_store_async (const RpTeamAccount *account,
                             const char          *label,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (account != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (password != NULL);

  attributes = attributes_for (account);
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, callback, user_data);
}

gboolean
rp_team_keyring_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  return secret_password_store_finish (result, error);
}

/**
 * rp_team_keyring_clear_async:
 *
 * Removes the password kept for @account: the server refused it.
 */
void
rp_team_keyring_clear_async (const RpTeamAccount *account,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (account != NULL);

  attributes = attributes_for (account);
  secret_password_clearv (get_schema (), attributes, cancellable, callback, user_data);
}

gboolean
rp_team_keyring_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  return secret_password_clear_finish (result, error);
}
