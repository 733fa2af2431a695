/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-keyring.h: team database passwords in the desktop keyring (libsecret) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Which password: the server, its port ("" for the usual one), the database
 * and the login. Nothing else about a team database goes into the keyring. */
typedef struct
{
  char *host;
  char *port;
  char *database;
  char *login;
} RpTeamAccount;

RpTeamAccount *rp_team_account_new              (const char           *host,
                                                 const char           *port,
                                                 const char           *database,
                                                 const char           *login);
RpTeamAccount *rp_team_account_copy             (const RpTeamAccount  *account);
void           rp_team_account_free             (RpTeamAccount        *account);

void           rp_team_keyring_lookup_async     (const RpTeamAccount  *account,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
char          *rp_team_keyring_lookup_finish    (GAsyncResult         *result,
                                                 GError              **error);
void           rp_team_keyring_store_async      (const RpTeamAccount  *account,
                                                 const char           *label,
                                                 const char           *password,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       rp_team_keyring_store_finish     (GAsyncResult         *result,
                                                 GError              **error);
void           rp_team_keyring_clear_async      (const RpTeamAccount  *account,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       rp_team_keyring_clear_finish     (GAsyncResult         *result,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpTeamAccount, rp_team_account_free)

G_END_DECLS
