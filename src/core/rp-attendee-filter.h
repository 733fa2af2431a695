/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-filter.h: which attendees a worker wants to see */
#pragma once

#include "rp-attendee.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEE_FILTER (rp_attendee_filter_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeeFilter, rp_attendee_filter, RP, ATTENDEE_FILTER, GObject)

/* Special values of the worker filter. */
#define RP_ATTENDEE_FILTER_ANY_WORKER 0
#define RP_ATTENDEE_FILTER_NO_WORKER  (-1)

/* Special values of the funding and outcome filters. */
#define RP_ATTENDEE_FILTER_ANY (-1)

RpAttendeeFilter *rp_attendee_filter_new          (void);
RpAttendeeFilter *rp_attendee_filter_copy         (RpAttendeeFilter *self);
gboolean          rp_attendee_filter_match        (RpAttendeeFilter *self,
                                                   RpAttendee       *attendee);
void              rp_attendee_filter_reset        (RpAttendeeFilter *self);
char             *rp_attendee_filter_describe     (RpAttendeeFilter *self,
                                                   const char       *worker_name);

G_END_DECLS
