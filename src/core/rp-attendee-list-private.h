/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-list-private.h: what the list and its rows share */
#pragma once

#include "rp-attendee-list.h"
#include "rp-attendee-list-row.h"

G_BEGIN_DECLS

RpAttendeeListRow *rp_attendee_list_row_new          (guint              position,
                                                      RpAttendee        *attendee);
void               rp_attendee_list_row_set_attendee (RpAttendeeListRow *self,
                                                      RpAttendee        *attendee);
void               rp_attendee_list_row_set_list     (RpAttendeeListRow *self,
                                                      RpAttendeeList    *list);

/* Called by a row on its way out, so the list stops handing it out. */
void               rp_attendee_list_forget_row       (RpAttendeeList    *self,
                                                      RpAttendeeListRow *row);

G_END_DECLS
