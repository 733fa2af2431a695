/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-list-row.h: one position of an attendee list, and who is shown there */
#pragma once

#include "rp-attendee.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEE_LIST_ROW (rp_attendee_list_row_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeeListRow, rp_attendee_list_row, RP, ATTENDEE_LIST_ROW, GObject)

RpAttendee *rp_attendee_list_row_get_attendee (RpAttendeeListRow *self);
guint       rp_attendee_list_row_get_position (RpAttendeeListRow *self);

G_END_DECLS
