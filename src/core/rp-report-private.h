/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report-private.h: what only the tests read of a report */
#pragma once

#include "rp-report.h"

G_BEGIN_DECLS

guint          rp_report_get_moved         (RpReport              *self);
char          *rp_name_finding_get_handle  (const RpNameFinding   *finding);

G_END_DECLS
