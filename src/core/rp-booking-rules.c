/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking-rules.c: the warnings about a taster-day booking, from rows already loaded
 *
 * The one home of these rules: rp_store_check_booking() loads one booking's
 * rows and rp_store_summarise_taster_days() a whole programme's, and both
 * ask here. Nothing in this file reads the database.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-booking-rules.h"

/* Words in a provider's notes or venue that say a wheelchair user can get in. */
static const char * const access_words[] = {
  "accessible", "level access", "step-free", "step free", "wheelchair", "ground floor", "changing places", "lift",
};

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/**
 * rp_booking_rules_takes_place:
 *
 * Returns: whether a booking in @status takes someone to the day: a declined
 *   or cancelled booking takes nobody anywhere
 */
gboolean
rp_booking_rules_takes_place (RpBookingStatus status)
{
  return status != RP_BOOKING_DECLINED && status != RP_BOOKING_CANCELLED;
}

/**
 * rp_booking_rules_mentions_access:
 *
 * Returns: whether @text says, in any case, that a wheelchair user can get in
 */
gboolean
rp_booking_rules_mentions_access (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (access_words); i++)
    if (strstr (folded, access_words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* Two days clash if they share a date and their times overlap; a day
 * without both times takes the whole day. Times touching end to start do
 * not clash. */
static gboolean
times_clash (const RpBookingSlot *a,
             const RpBookingSlot *b)
{
  if (is_blank (a->date) || is_blank (b->date) || strcmp (a->date, b->date) != 0)
    return FALSE;

  if (is_blank (a->start_time) || is_blank (a->end_time) || is_blank (b->start_time) || is_blank (b->end_time))
    return TRUE;

  return strcmp (b->start_time, a->end_time) < 0 && strcmp (a->start_time, b->end_time) < 0;
}

/* Another booking, on another day that goes ahead, that takes someone there
 * at the same time as @booking. */
static gboolean
clashes_with (const RpBookingSlot *booking,
              const RpBookingSlot *other)
{
  return other->id != booking->id &&
         other->taster_day_id != booking->taster_day_id &&
         !other->day_cancelled &&
         rp_booking_rules_takes_place (other->status) &&
         times_clash (booking, other);
}

static void
add_message (GPtrArray  *messages,
             char       *message)
{
  if (messages != NULL)
    g_ptr_array_add (messages, message);
  else
    g_free (message);
}

/**
 * rp_booking_rules_check:
 * @facts: the booking and the rows around it
 * @messages: (nullable) (element-type utf8): where to add each warning in plain words
 *
 * Checks a booking against the rest of the programme: the same person on two
 * days at once, more people than places, a day after the closure, transport
 * needed but not arranged, a staff member in two places, and a wheelchair
 * user at a venue whose notes say nothing about access. These are warnings:
 * the booking may still be saved.
 *
 * Returns: the warnings found
 */
RpBookingWarning
rp_booking_rules_check (const RpBookingFacts *facts,
                        GPtrArray            *messages)
{
  const RpBookingSlot *booking;
  RpBookingWarning warnings = RP_BOOKING_WARNING_NONE;

  g_return_val_if_fail (facts != NULL, RP_BOOKING_WARNING_NONE);
  g_return_val_if_fail (facts->n_attendee_bookings == 0 || facts->attendee_bookings != NULL, RP_BOOKING_WARNING_NONE);
  g_return_val_if_fail (facts->n_staff_bookings == 0 || facts->staff_bookings != NULL, RP_BOOKING_WARNING_NONE);

  booking = &facts->booking;
  if (!rp_booking_rules_takes_place (booking->status))
    return RP_BOOKING_WARNING_NONE;

  if (!is_blank (booking->date))
    {
      for (guint i = 0; i < facts->n_attendee_bookings; i++)
        {
          const RpBookingSlot *other = &facts->attendee_bookings[i];

          if (other->attendee_id == booking->attendee_id && clashes_with (booking, other))
            {
              warnings |= RP_BOOKING_WARNING_OVERLAP;
              add_message (messages, g_strdup (_("This attendee is booked on another taster day at the same time.")));
              break;
            }
        }

      for (guint i = 0; booking->staff_id > 0 && i < facts->n_staff_bookings; i++)
        {
          const RpBookingSlot *other = &facts->staff_bookings[i];

          if (other->staff_id == booking->staff_id && clashes_with (booking, other))
            {
              warnings |= RP_BOOKING_WARNING_STAFF_CLASH;
              add_message (messages, g_strdup (_("The supporting staff member is with someone at another taster day at the same time.")));
              break;
            }
        }

      if (!is_blank (facts->closure_date) && strcmp (booking->date, facts->closure_date) > 0)
        {
          warnings |= RP_BOOKING_WARNING_AFTER_CLOSURE;
          add_message (messages, g_strdup (_("This taster day is after the day centre closes.")));
        }
    }

  if (facts->places > 0 && facts->others_booked + 1 > (guint) facts->places)
    {
      warnings |= RP_BOOKING_WARNING_OVER_CAPACITY;
      add_message (messages, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "This taster day has %d place, and it is taken.",
                                                           "This taster day has %d places, and they are all taken.",
                                                           facts->places),
                                              facts->places));
    }

  if (booking->transport_needed && !booking->transport_arranged)
    {
      warnings |= RP_BOOKING_WARNING_TRANSPORT;
      add_message (messages, g_strdup (_("Transport is needed but not arranged yet.")));
    }

  if (facts->wheelchair_user &&
      !rp_booking_rules_mentions_access (facts->provider_notes) &&
      !rp_booking_rules_mentions_access (facts->venue) &&
      !rp_booking_rules_mentions_access (facts->day_notes))
    {
      warnings |= RP_BOOKING_WARNING_ACCESS;
      add_message (messages, g_strdup (_("This attendee uses a wheelchair, and nothing in the provider’s notes says the venue is accessible. Check with the provider.")));
    }

  return warnings;
}
