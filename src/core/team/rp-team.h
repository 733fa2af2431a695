/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team.h: a programme on a team database (PostgreSQL): setting one up */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RP_TEAM_ERROR (rp_team_error_quark ())

typedef enum
{
  RP_TEAM_ERROR_UNREACHABLE,     /* no server answered at that address */
  RP_TEAM_ERROR_AUTHENTICATION,  /* the server did not accept the login */
  RP_TEAM_ERROR_PERMISSION,      /* the login may not do this */
  RP_TEAM_ERROR_NEWER_VERSION,   /* the team database was set up by a newer Reprovision */
  RP_TEAM_ERROR_INVALID,         /* the connection string or an option is wrong */
  RP_TEAM_ERROR_NOT_SUPPORTED,   /* this build has no team databases, or the server is too old */
  RP_TEAM_ERROR_FAILED,          /* anything else the server reported */
  RP_TEAM_ERROR_NEEDS_PASSWORD,  /* the server asks for a password the location did not give:
                                  * ask for one and try again with rp_team_conninfo_with_password() */
  RP_TEAM_ERROR_NOT_EMPTY,       /* a copy onto a team database that already holds records */
} RpTeamError;

/* What the login may do on a team database, from its membership of the
 * team's roles (PREFIXstaff, PREFIXreports, PREFIXowner). */
typedef enum
{
  RP_TEAM_ROLE_NONE,     /* a database file, not a team database */
  RP_TEAM_ROLE_STAFF,    /* reads and writes programmes */
  RP_TEAM_ROLE_REPORTS,  /* reads only what the scrutiny report shows */
  RP_TEAM_ROLE_OWNER,    /* the schema's owner (the administrator) */
} RpTeamRole;

/* The team schema's version; see rp-team-schema.c. */
#define RP_TEAM_SCHEMA_VERSION 10

/* The roles' names are this prefix followed by "owner", "staff" and "reports". */
#define RP_TEAM_DEFAULT_ROLE_PREFIX "reprovision_"

GQuark    rp_team_error_quark         (void);

gboolean  rp_team_is_supported        (void);
gboolean  rp_team_location_is_team    (const char  *location);

char     *rp_team_complete_conninfo   (const char  *conninfo,
                                       GError     **error);

char     *rp_team_conninfo_with_password (const char *conninfo,
                                         const char *password);

gboolean  rp_team_init                (const char  *conninfo,
                                       GError     **error);
gboolean  rp_team_init_with_prefix    (const char  *conninfo,
                                       const char  *role_prefix,
                                       GError     **error);

G_END_DECLS
