/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-copy.h: a whole programme database, with its history and audit trail, copied from a file to a team database and back */
#pragma once

#include <glib.h>

#include "rp-team.h"

G_BEGIN_DECLS

/* What a copy moved, for the person who asked for it. */
typedef struct
{
  char    **programmes;     /* the programmes' names */
  guint64   attendees;      /* attendees copied */
  guint64   audit_entries;  /* entries of the audit trail copied (without the copy's own note) */
  char     *target;         /* where they went, in words: a file, or a database on a server (never a password) */
} RpTeamCopySummary;

void      rp_team_copy_summary_clear (RpTeamCopySummary  *summary);

gboolean  rp_team_copy_file_to_team  (const char         *path,
                                      const char         *conninfo,
                                      RpTeamCopySummary  *summary,
                                      GError            **error);
gboolean  rp_team_copy_team_to_file  (const char         *conninfo,
                                      const char         *path,
                                      RpTeamCopySummary  *summary,
                                      GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RpTeamCopySummary, rp_team_copy_summary_clear)

G_END_DECLS
