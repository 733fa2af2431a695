/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-timetable-page.h: the Timetable area: the actions needed to close the day centre */
#pragma once

#include "rp-area-page.h"

G_BEGIN_DECLS

#define RP_TYPE_TIMETABLE_PAGE (rp_timetable_page_get_type ())

G_DECLARE_FINAL_TYPE (RpTimetablePage, rp_timetable_page, RP, TIMETABLE_PAGE, RpAreaPage)

gboolean rp_timetable_page_has_unsaved     (RpTimetablePage *self);
void     rp_timetable_page_discard_unsaved (RpTimetablePage *self);

G_END_DECLS
