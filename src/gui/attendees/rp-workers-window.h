/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-workers-window.h: social workers and day-centre staff, with their caseloads */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-record-list-window.h"

G_BEGIN_DECLS

#define RP_TYPE_WORKERS_WINDOW (rp_workers_window_get_type ())

G_DECLARE_FINAL_TYPE (RpWorkersWindow, rp_workers_window, RP, WORKERS_WINDOW, RpRecordListWindow)

RpWorkersWindow *rp_workers_window_new (GtkWindow   *parent,
                                        RpStore     *store,
                                        RpProgramme *programme);

G_END_DECLS
