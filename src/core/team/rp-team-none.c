/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-none.c: team databases in a build without libpq: each call says so */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-team.h"
#include "rp-team-copy.h"

G_DEFINE_QUARK (rp-team-error-quark, rp_team_error)

gboolean
rp_team_is_supported (void)
{
  return FALSE;
}

static void
set_not_supported (GError **error)
{
  g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NOT_SUPPORTED,
                       _("This copy of Reprovision was built without team databases (PostgreSQL). "
                         "It works with database files only."));
}

char *
rp_team_complete_conninfo (const char  *conninfo,
                           GError     **error)
{
  g_return_val_if_fail (conninfo != NULL, NULL);
  set_not_supported (error);
  return NULL;
}

gboolean
rp_team_init_with_prefix (const char  *conninfo,
                          const char  *role_prefix,
                          GError     **error)
{
  g_return_val_if_fail (conninfo != NULL, FALSE);
  set_not_supported (error);
  return FALSE;
}

gboolean
rp_team_init (const char  *conninfo,
              GError     **error)
{
  return rp_team_init_with_prefix (conninfo, NULL, error);
}

void
rp_team_copy_summary_clear (RpTeamCopySummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_clear_pointer (&summary->programmes, g_strfreev);
  g_clear_pointer (&summary->target, g_free);
  summary->attendees = 0;
  summary->audit_entries = 0;
}

gboolean
rp_team_copy_file_to_team (const char         *path,
                           const char         *conninfo,
                           RpTeamCopySummary  *summary,
                           GError            **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (conninfo != NULL, FALSE);
  set_not_supported (error);
  return FALSE;
}

gboolean
rp_team_copy_team_to_file (const char         *conninfo,
                           const char         *path,
                           RpTeamCopySummary  *summary,
                           GError            **error)
{
  g_return_val_if_fail (conninfo != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  set_not_supported (error);
  return FALSE;
}
