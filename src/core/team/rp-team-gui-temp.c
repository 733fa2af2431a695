/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-gui-temp.c: TEMPORARY (teamgui) stand-ins so the GUI links before
 * the backend branch lands; reverted when it is merged. File stores only. */

#include "config.h"

#include "rp-store.h"
#include "rp-team.h"

gboolean
rp_store_location_is_team (const char *location)
{
  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://") ||
         strchr (location, '=') != NULL;
}

gboolean
rp_store_is_team (RpStore *self)
{
  return FALSE;
}

RpTeamRole
rp_store_get_team_role (RpStore *self)
{
  return RP_TEAM_ROLE_NONE;
}

char *
rp_store_dup_display_name (RpStore *self)
{
  return g_path_get_basename (rp_store_get_path (self));
}

const char *
rp_store_get_login (RpStore *self)
{
  return NULL;
}

char *
rp_team_conninfo_with_password (const char *conninfo,
                                const char *password)
{
  return g_strdup_printf ("%s password='%s'", conninfo, password);
}
