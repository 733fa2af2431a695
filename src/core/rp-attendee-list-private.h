/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-list-private.h: what only the tests ask of an attendee list */
#pragma once

#include "rp-attendee-list.h"

G_BEGIN_DECLS

RpAttendeeSort    rp_attendee_list_get_sort        (RpAttendeeList   *self,
                                                    gboolean         *descending);

G_END_DECLS
