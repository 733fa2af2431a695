/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking.h: an attendee booked on a taster day */
#pragma once

#include <glib-object.h>

#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_BOOKING (rp_booking_get_type ())

G_DECLARE_FINAL_TYPE (RpBooking, rp_booking, RP, BOOKING, GObject)

RpBooking       *rp_booking_new                    (void);
RpBooking       *rp_booking_new_for_attendee       (RpAttendee       *attendee,
                                                    gint64            taster_day_id);
RpBooking       *rp_booking_copy                   (RpBooking        *self);
gint64           rp_booking_get_id                 (RpBooking        *self);
void             rp_booking_set_id                 (RpBooking        *self,
                                                    gint64            value);
gint64           rp_booking_get_taster_day_id      (RpBooking        *self);
void             rp_booking_set_taster_day_id      (RpBooking        *self,
                                                    gint64            value);
gint64           rp_booking_get_attendee_id        (RpBooking        *self);
void             rp_booking_set_attendee_id        (RpBooking        *self,
                                                    gint64            value);
RpBookingStatus  rp_booking_get_status             (RpBooking        *self);
void             rp_booking_set_status             (RpBooking        *self,
                                                    RpBookingStatus   value);
gboolean         rp_booking_get_transport_needed   (RpBooking        *self);
void             rp_booking_set_transport_needed   (RpBooking        *self,
                                                    gboolean          value);
gboolean         rp_booking_get_transport_arranged (RpBooking        *self);
void             rp_booking_set_transport_arranged (RpBooking        *self,
                                                    gboolean          value);
const char      *rp_booking_get_pickup_time        (RpBooking        *self);
void             rp_booking_set_pickup_time        (RpBooking        *self,
                                                    const char       *value);
gint64           rp_booking_get_staff_id           (RpBooking        *self);
void             rp_booking_set_staff_id           (RpBooking        *self,
                                                    gint64            value);
const char      *rp_booking_get_family_attending   (RpBooking        *self);
void             rp_booking_set_family_attending   (RpBooking        *self,
                                                    const char       *value);
const char      *rp_booking_get_feedback           (RpBooking        *self);
void             rp_booking_set_feedback           (RpBooking        *self,
                                                    const char       *value);
gboolean         rp_booking_validate               (RpBooking        *self,
                                                    GError          **error);

G_END_DECLS
