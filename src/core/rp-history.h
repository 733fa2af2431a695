/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-history.h: an attendee's, or a programme's, history and audit trail in people's words */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

GPtrArray  *rp_history_describe     (RpStore     *store,
                                     gint64       attendee_id,
                                     const char  *my_account,
                                     const char  *my_name,
                                     GError     **error);
GPtrArray  *rp_history_describe_programme (RpStore   *store,
                                           gint64     programme_id,
                                           const char *my_account,
                                           const char *my_name,
                                           GError   **error);

G_END_DECLS
