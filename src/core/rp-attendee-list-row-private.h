/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-list-row-private.h: what a list needs to make and keep its rows */
#pragma once

#include "rp-attendee-list-row.h"

G_BEGIN_DECLS

/* Called by a row on its way out, so its list stops handing it out. */
typedef void (*RpAttendeeListRowGone) (gpointer           owner,
                                       RpAttendeeListRow *row);

RpAttendeeListRow *rp_attendee_list_row_new          (guint                  position,
                                                      RpAttendee            *attendee);
void               rp_attendee_list_row_set_attendee (RpAttendeeListRow     *self,
                                                      RpAttendee            *attendee);
/* The row does not own @owner: the owner sets %NULL before it goes. */
void               rp_attendee_list_row_set_owner    (RpAttendeeListRow     *self,
                                                      gpointer               owner,
                                                      RpAttendeeListRowGone  gone);

G_END_DECLS
