/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-page.h: one attendee: their step on the moving plan, their details and history */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEE_PAGE (rp_attendee_page_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeePage, rp_attendee_page, RP, ATTENDEE_PAGE, AdwBin)

void        rp_attendee_page_show         (RpAttendeePage *self,
                                           RpStore        *store,
                                           RpProgramme    *programme,
                                           RpAttendee     *attendee);
RpAttendee *rp_attendee_page_get_attendee (RpAttendeePage *self);
void        rp_attendee_page_save_now     (RpAttendeePage *self);

G_END_DECLS
