/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report-private.h: what only the tests read of a report */
#pragma once

#include "rp-report.h"

G_BEGIN_DECLS

guint          rp_report_get_moved         (RpReport              *self);

G_END_DECLS
