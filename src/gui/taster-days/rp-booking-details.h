/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking-details.h: one person's booking details, headed with their name */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_BOOKING_DETAILS (rp_booking_details_get_type ())

G_DECLARE_FINAL_TYPE (RpBookingDetails, rp_booking_details, RP, BOOKING_DETAILS, AdwBin)

GtkWidget  *rp_booking_details_new               (RpStore          *store,
                                                  RpAttendee       *attendee,
                                                  RpBooking        *booking);
RpBooking  *rp_booking_details_get_booking       (RpBookingDetails *self);
RpAttendee *rp_booking_details_get_attendee      (RpBookingDetails *self);
const char *rp_booking_details_get_who           (RpBookingDetails *self);
gboolean    rp_booking_details_get_show_feedback (RpBookingDetails *self);
void        rp_booking_details_set_show_feedback (RpBookingDetails *self,
                                                  gboolean          show_feedback);
RpBooking  *rp_booking_details_dup_booking       (RpBookingDetails *self,
                                                  GError          **error);

G_END_DECLS
