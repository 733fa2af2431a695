/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendees-page.h: the Attendees area: where every attendee is on the moving plan */
#pragma once

#include "rp-area-page.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEES_PAGE (rp_attendees_page_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeesPage, rp_attendees_page, RP, ATTENDEES_PAGE, RpAreaPage)

G_END_DECLS
