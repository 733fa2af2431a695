/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-detail-page.h: one attendee: their step on the moving plan, their details and history */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEE_DETAIL_PAGE (rp_attendee_detail_page_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeeDetailPage, rp_attendee_detail_page, RP, ATTENDEE_DETAIL_PAGE, AdwBin)

void        rp_attendee_detail_page_show         (RpAttendeeDetailPage *self,
                                           RpStore        *store,
                                           RpProgramme    *programme,
                                           RpAttendee     *attendee);
RpAttendee *rp_attendee_detail_page_get_attendee (RpAttendeeDetailPage *self);
void        rp_attendee_detail_page_save_now     (RpAttendeeDetailPage *self);
gboolean    rp_attendee_detail_page_has_unsaved  (RpAttendeeDetailPage *self);
void        rp_attendee_detail_page_discard_unsaved (RpAttendeeDetailPage *self);
void        rp_attendee_detail_page_edit_report_note (RpAttendeeDetailPage *self);

G_END_DECLS
