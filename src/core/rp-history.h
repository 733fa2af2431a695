/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-history.h: an attendee's step history and audit trail as readable lines */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GPtrArray  *rp_history_describe     (GListModel *step_changes,
                                     GListModel *audit_entries);

G_END_DECLS
