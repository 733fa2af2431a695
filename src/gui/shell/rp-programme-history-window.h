/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-programme-history-window.h: who changed the programme's settings, workers, providers and timetable, and when */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-record-list-window.h"

G_BEGIN_DECLS

#define RP_TYPE_PROGRAMME_HISTORY_WINDOW (rp_programme_history_window_get_type ())

G_DECLARE_FINAL_TYPE (RpProgrammeHistoryWindow, rp_programme_history_window, RP, PROGRAMME_HISTORY_WINDOW, RpRecordListWindow)

RpProgrammeHistoryWindow *rp_programme_history_window_new (GtkWindow   *parent,
                                                           RpStore     *store,
                                                           RpProgramme *programme);

G_END_DECLS
