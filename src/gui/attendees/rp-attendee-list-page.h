/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-list-page.h: the Attendees area: where every attendee is on the moving plan */
#pragma once

#include "rp-area-page.h"
#include "rp-attendee-detail-page.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEE_LIST_PAGE (rp_attendee_list_page_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeeListPage, rp_attendee_list_page, RP, ATTENDEE_LIST_PAGE, RpAreaPage)

RpAttendeeFilter *rp_attendee_list_page_get_filter        (RpAttendeeListPage *self);
RpAttendeeList   *rp_attendee_list_page_get_list          (RpAttendeeListPage *self);
void              rp_attendee_list_page_open              (RpAttendeeListPage *self,
                                                       guint            position);
void              rp_attendee_list_page_sort_by           (RpAttendeeListPage *self,
                                                       const char      *column_id,
                                                       GtkSortType      order);
RpAttendeeDetailPage   *rp_attendee_list_page_get_attendee_detail_page (RpAttendeeListPage *self);
void              rp_attendee_list_page_show_number       (RpAttendeeListPage *self,
                                                       int              number);

G_END_DECLS
