/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendees-page.h: the Attendees area: where every attendee is on the moving plan */
#pragma once

#include "rp-area-page.h"
#include "rp-attendee-page.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEES_PAGE (rp_attendees_page_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeesPage, rp_attendees_page, RP, ATTENDEES_PAGE, RpAreaPage)

RpAttendeeFilter *rp_attendees_page_get_filter        (RpAttendeesPage *self);
RpAttendeeList   *rp_attendees_page_get_list          (RpAttendeesPage *self);
void              rp_attendees_page_open              (RpAttendeesPage *self,
                                                       guint            position);
void              rp_attendees_page_sort_by           (RpAttendeesPage *self,
                                                       const char      *column_id,
                                                       GtkSortType      order);
RpAttendeePage   *rp_attendees_page_get_attendee_page (RpAttendeesPage *self);
void              rp_attendees_page_show_number       (RpAttendeesPage *self,
                                                       int              number);

G_END_DECLS
