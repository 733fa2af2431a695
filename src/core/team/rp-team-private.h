/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-private.h: the team schema's SQL, for rp-team.c and the tests */
#pragma once

#include <glib.h>

#include "rp-team.h"

G_BEGIN_DECLS

/* The file schema version whose tables and columns the team schema has. */
#define RP_TEAM_FILE_SCHEMA_VERSION 15

const char *rp_team_schema_bootstrap   (void);
const char *rp_team_schema_migration   (int         version);
const char *rp_team_schema_definitions (void);
char       *rp_team_schema_grants      (const char *owner,
                                        const char *staff,
                                        const char *reports,
                                        const char *database);

/* For the other team modules (rp-team-copy.c), from rp-team.c; only in a
 * build with libpq. These typedefs are libpq-fe.h's own. */
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

PGconn     *rp_team_connect            (const char  *conninfo,
                                        GError     **error);
void        rp_team_set_result_error   (GError     **error,
                                        PGconn      *conn,
                                        PGresult    *result);
gboolean    rp_team_refresh_name_words (PGconn      *conn,
                                        GError     **error);
gboolean    rp_team_read_version       (PGconn      *conn,
                                        int         *version,
                                        GError     **error);

G_END_DECLS
