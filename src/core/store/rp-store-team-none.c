/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-team-none.c: a build without libpq opens no team database; the
 * rest is never called, as no store has a connection to a server */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-store-internal.h"

gboolean
store_team_open (RpStore           *self,
                 const char        *location,
                 RpStoreOpenFlags   flags,
                 GError           **error)
{
  g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NOT_SUPPORTED,
                       _("This copy of Reprovision was built without team databases (PostgreSQL). "
                         "It works with database files only."));
  return FALSE;
}

void store_team_closing (RpStore *self) { }
void store_team_close (RpStore *self) { }
void store_team_watch (RpStore *self) { }
RpStmt *store_team_prepare (RpStore *self, const char *sql, GError **error) { g_return_val_if_reached (NULL); }
gboolean store_team_exec (RpStore *self, const char *sql, GError **error) { g_return_val_if_reached (FALSE); }
gboolean store_team_in_transaction (RpStore *self) { return FALSE; }
gboolean store_team_defer_write (RpStore *self, RpStmt *stmt) { return FALSE; }
gboolean store_team_set_error (RpStore *self, GError **error) { g_return_val_if_reached (FALSE); }
const char *store_team_errmsg (RpStore *self) { return ""; }
int store_team_changes (RpStore *self) { return 0; }
gint64 store_team_last_insert_id (RpStore *self) { return 0; }
gboolean store_team_error_is_duplicate_key (RpStore *self) { return FALSE; }
gboolean store_team_set_today (RpStore *self, const char *today_iso, GError **error) { return TRUE; }
gboolean store_team_read_notifications (RpStore *self) { return TRUE; }
void store_team_check_notifications (RpStore *self) { }
gboolean store_team_forget_notifications (RpStore *self) { return FALSE; }
int store_team_get_socket (RpStore *self) { return -1; }
RpTeamRole store_team_get_role (RpStore *self) { return RP_TEAM_ROLE_NONE; }
const char *store_team_get_login (RpStore *self) { return NULL; }
char *store_team_dup_display_name (RpStore *self) { return NULL; }
int store_team_get_schema_version (RpStore *self) { return -1; }
gboolean store_team_is_connection_lost (RpStore *self) { return FALSE; }
const GError *store_team_get_connection_problem (RpStore *self) { return NULL; }
void store_team_reconnect (RpStore *self) { }
RpCommitOutcome store_team_get_commit_outcome (RpStore *self) { return RP_COMMIT_OUTCOME_NONE; }
void store_team_drop_next_commit (RpStore *self, gboolean after) { }
int store_team_cut_next_commit (RpStore *self) { return -1; }
