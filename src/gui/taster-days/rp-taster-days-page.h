/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-taster-days-page.h: the Taster Days area: providers’ taster days and who is booked */
#pragma once

#include "rp-area-page.h"

G_BEGIN_DECLS

#define RP_TYPE_TASTER_DAYS_PAGE (rp_taster_days_page_get_type ())

G_DECLARE_FINAL_TYPE (RpTasterDaysPage, rp_taster_days_page, RP, TASTER_DAYS_PAGE, RpAreaPage)

G_END_DECLS
