/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking-rules.h: the warnings about a taster-day booking, from rows already loaded */
#pragma once

#include <glib.h>

#include "rp-types.h"

G_BEGIN_DECLS

typedef enum
{
  RP_BOOKING_WARNING_NONE          = 0,
  RP_BOOKING_WARNING_OVERLAP       = 1 << 0,  /* the attendee is on another day at the same time */
  RP_BOOKING_WARNING_OVER_CAPACITY = 1 << 1,
  RP_BOOKING_WARNING_AFTER_CLOSURE = 1 << 2,
  RP_BOOKING_WARNING_TRANSPORT     = 1 << 3,  /* needed but not arranged */
  RP_BOOKING_WARNING_STAFF_CLASH   = 1 << 4,  /* the supporting staff member is elsewhere then */
  RP_BOOKING_WARNING_ACCESS        = 1 << 5,  /* a wheelchair user, and no word of access at the venue */
  RP_BOOKING_WARNING_SAME_DATE     = 1 << 6,  /* the attendee is on another day of the same date, at other times */
  RP_BOOKING_WARNING_ALREADY_BOOKED = 1 << 7, /* the attendee already has a booking on this very day: never booked twice */
} RpBookingWarning;

/* A booking and when its taster day is. The strings are borrowed; a blank
 * date or time counts as none, as the objects read them. The names are only
 * needed for the words of a warning: a check that asks for no messages may
 * leave them out. */
typedef struct
{
  gint64           id;                  /* 0 for a booking not saved yet */
  gint64           taster_day_id;
  gint64           attendee_id;
  gint64           staff_id;            /* 0 for no supporting staff member */
  RpBookingStatus  status;
  gboolean         transport_needed;
  gboolean         transport_arranged;
  const char      *date;                /* ISO 8601, or none while to be confirmed */
  const char      *start_time;          /* "HH:MM"; a day without both times takes the whole day */
  const char      *end_time;
  gboolean         day_cancelled;
  const char      *provider_name;       /* of its taster day */
  int              attendee_number;     /* 0 when not known */
  const char      *preferred_name;      /* of the attendee */
  const char      *full_name;
} RpBookingSlot;

/* Everything the rules need to know about one booking. */
typedef struct
{
  RpBookingSlot        booking;
  int                  places;              /* of its taster day; 0 for no limit */
  guint                others_booked;       /* bookings on the same day, not this one, that take someone there */
  const char          *closure_date;        /* of its programme, or none */
  gboolean             wheelchair_user;     /* the attendee */
  const char          *venue;               /* of the taster day */
  const char          *day_notes;
  const char          *provider_notes;
  const char          *staff_name;          /* of booking.staff_id, for the words of a warning */
  /* The attendee's other bookings and the staff member's, or more: the rules
   * pick out those of the same person on the same date, and the attendee's
   * own on the same taster day. */
  const RpBookingSlot *attendee_bookings;
  guint                n_attendee_bookings;
  const RpBookingSlot *staff_bookings;
  guint                n_staff_bookings;
} RpBookingFacts;

gboolean         rp_booking_rules_takes_place       (RpBookingStatus       status);
char            *rp_booking_rules_describe_attendee (int                   number,
                                                     const char           *preferred_name,
                                                     const char           *full_name);
char            *rp_booking_rules_describe_day      (const char           *date,
                                                     const char           *provider_name);
gboolean         rp_booking_rules_mentions_access   (const char           *text);
RpBookingWarning rp_booking_rules_check             (const RpBookingFacts *facts,
                                                     GPtrArray            *messages);

G_END_DECLS
