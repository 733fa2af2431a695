/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-audit-entry-private.h: what only the tests read of an audit entry */
#pragma once

#include "rp-audit-entry.h"

G_BEGIN_DECLS

const char   *rp_audit_entry_get_table_name  (RpAuditEntry *self);

G_END_DECLS
