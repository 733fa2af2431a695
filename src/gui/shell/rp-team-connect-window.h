/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-connect-window.h: asks for a team database's server, database and account, and opens it */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_TEAM_CONNECT_WINDOW (rp_team_connect_window_get_type ())

G_DECLARE_FINAL_TYPE (RpTeamConnectWindow, rp_team_connect_window, RP, TEAM_CONNECT_WINDOW, AdwWindow)

RpTeamConnectWindow *rp_team_connect_window_new            (GtkWindow            *parent);
RpTeamConnectWindow *rp_team_connect_window_new_for_move   (GtkWindow            *parent,
                                                            const char           *path);
gboolean             rp_team_connect_window_is_moved       (RpTeamConnectWindow  *self);
void                 rp_team_connect_window_set_location   (RpTeamConnectWindow  *self,
                                                            const char           *location);
void                 rp_team_connect_window_connect        (RpTeamConnectWindow  *self);
gboolean             rp_team_connect_window_is_connecting  (RpTeamConnectWindow  *self);
const char          *rp_team_connect_window_get_location   (RpTeamConnectWindow  *self);
const char          *rp_team_connect_window_get_conninfo   (RpTeamConnectWindow  *self);
const char          *rp_team_connect_window_get_notice     (RpTeamConnectWindow  *self);
const char          *rp_team_connect_window_get_message    (RpTeamConnectWindow  *self);

char                *rp_team_connect_window_build_location (const char           *host,
                                                            const char           *port,
                                                            const char           *database,
                                                            const char           *login,
                                                            gboolean              verify,
                                                            GError              **error);

G_END_DECLS
