/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking-rules.c: the warnings about a taster-day booking, from rows already loaded
 *
 * The one home of these rules and of their words: rp_store_check_booking()
 * loads one booking's rows and rp_store_summarise_taster_days() a whole
 * programme's, and both ask here; the booking dialogue names people and
 * days with the same describe functions. Nothing in this file reads the
 * database.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-booking-rules.h"
#include "rp-date.h"

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

/**
 * rp_booking_rules_describe_attendee:
 * @number: the attendee's number in the programme
 * @preferred_name: (nullable): the name they go by
 * @full_name: (nullable): their full name
 *
 * Names an attendee as the coordinator knows them, the name they go by and
 * their number: "Danny (attendee 4)"; their full name when they go by no
 * other, and "Attendee 4" when no name is kept (an erased record).
 *
 * Returns: (transfer full): the words
 */
char *
rp_booking_rules_describe_attendee (int         number,
                                    const char *preferred_name,
                                    const char *full_name)
{
  const char *name = !is_blank (preferred_name) ? preferred_name : full_name;

  if (is_blank (name))
    return g_strdup_printf (_("Attendee %d"), number);

  /* Translators: an attendee's name and their number, "Danny (attendee 4)" */
  return g_strdup_printf (_("%s (attendee %d)"), name, number);
}

/**
 * rp_booking_rules_describe_day:
 * @date: (nullable): the taster day's date, ISO 8601, or none while to be confirmed
 * @provider_name: (nullable): the provider running it
 *
 * Names a taster day as a coordinator would say it, to follow "on":
 * "19 October 2023 with Pathfinders", or "the Pathfinders day, date to be
 * confirmed".
 *
 * Returns: (transfer full): the words
 */
char *
rp_booking_rules_describe_day (const char *date,
                               const char *provider_name)
{
  g_autofree char *when = is_blank (date) ? NULL : rp_date_format_medium (date);

  if (when != NULL && !is_blank (provider_name))
    /* Translators: a taster day, "19 October 2023 with Pathfinders" */
    return g_strdup_printf (_("%s with %s"), when, provider_name);
  if (when != NULL)
    return g_steal_pointer (&when);
  if (!is_blank (provider_name))
    /* Translators: a taster day whose date is not known yet, "the Pathfinders day, date to be confirmed" */
    return g_strdup_printf (_("the %s day, date to be confirmed"), provider_name);

  return g_strdup (_("a day whose date is to be confirmed"));
}

/* Two days clash if they share a date and their times overlap; a day
 * without both times takes the whole day. Times touching end to start do
 * not clash. */
static gboolean
same_date (const RpBookingSlot *a,
           const RpBookingSlot *b)
{
  return !is_blank (a->date) && !is_blank (b->date) && strcmp (a->date, b->date) == 0;
}

static gboolean
times_clash (const RpBookingSlot *a,
             const RpBookingSlot *b)
{
  if (!same_date (a, b))
    return FALSE;

  if (is_blank (a->start_time) || is_blank (a->end_time) || is_blank (b->start_time) || is_blank (b->end_time))
    return TRUE;

  return strcmp (b->start_time, a->end_time) < 0 && strcmp (a->start_time, b->end_time) < 0;
}

/* Another booking, on another day of the same date that goes ahead, that
 * takes someone there as well as @booking. */
static gboolean
elsewhere_that_date (const RpBookingSlot *booking,
                     const RpBookingSlot *other)
{
  return other->id != booking->id &&
         other->taster_day_id != booking->taster_day_id &&
         !other->day_cancelled &&
         rp_booking_rules_takes_place (other->status) &&
         same_date (booking, other);
}

/* As elsewhere_that_date(), and at the same time. */
static gboolean
clashes_with (const RpBookingSlot *booking,
              const RpBookingSlot *other)
{
  return elsewhere_that_date (booking, other) && times_clash (booking, other);
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

static char *
describe_slot_attendee (const RpBookingSlot *slot)
{
  return rp_booking_rules_describe_attendee (slot->attendee_number, slot->preferred_name, slot->full_name);
}

static char *
describe_slot_day (const RpBookingSlot *slot)
{
  return rp_booking_rules_describe_day (slot->date, slot->provider_name);
}

/* The words of each warning, which name the person and the day: only made
 * when someone will read them. */
static char *
say_already_booked (const RpBookingSlot *booking)
{
  g_autofree char *who = describe_slot_attendee (booking);
  g_autofree char *day = describe_slot_day (booking);

  return g_strdup_printf (_("%s already has a booking on this day, %s: change that booking instead of booking them twice."),
                          who, day);
}

static char *
say_elsewhere (const RpBookingSlot *booking,
               const RpBookingSlot *other,
               gboolean             same_time)
{
  g_autofree char *who = describe_slot_attendee (booking);
  g_autofree char *day = describe_slot_day (other);

  return same_time ? g_strdup_printf (_("%s is already booked at the same time on %s."), who, day)
                   : g_strdup_printf (_("%s is already booked on %s."), who, day);
}

static char *
say_staff_clash (const RpBookingFacts *facts,
                 const RpBookingSlot  *other)
{
  g_autofree char *who = describe_slot_attendee (&facts->booking);
  g_autofree char *with = other->attendee_number > 0 ? describe_slot_attendee (other) : g_strdup (_("someone else"));
  g_autofree char *day = describe_slot_day (other);

  if (is_blank (facts->staff_name))
    return g_strdup_printf (_("The staff member going with %s is also going with %s at the same time on %s."), who, with, day);

  return g_strdup_printf (_("%s, going with %s, is also going with %s at the same time on %s."),
                          facts->staff_name, who, with, day);
}

static char *
say_after_closure (const RpBookingFacts *facts)
{
  g_autofree char *who = describe_slot_attendee (&facts->booking);
  g_autofree char *day = describe_slot_day (&facts->booking);
  g_autofree char *closes = rp_date_format_medium (facts->closure_date);

  return g_strdup_printf (_("%s would go on %s, after the day centre closes on %s."), who, day, closes);
}

static char *
say_over_capacity (const RpBookingFacts *facts)
{
  g_autofree char *who = describe_slot_attendee (&facts->booking);
  g_autofree char *day = describe_slot_day (&facts->booking);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "There is no place left for %s on %s: it has %d place, and it is taken.",
                                       "There is no place left for %s on %s: it has %d places, and they are all taken.",
                                       facts->places),
                          who, day, facts->places);
}

static char *
say_transport (const RpBookingFacts *facts)
{
  g_autofree char *who = describe_slot_attendee (&facts->booking);
  g_autofree char *day = describe_slot_day (&facts->booking);

  return g_strdup_printf (_("%s needs transport on %s, and it is not arranged yet."), who, day);
}

static char *
say_access (const RpBookingFacts *facts)
{
  g_autofree char *who = describe_slot_attendee (&facts->booking);
  g_autofree char *day = describe_slot_day (&facts->booking);

  return g_strdup_printf (_("%s uses a wheelchair, and nothing in the notes for %s says the venue is accessible. Check with the provider."),
                          who, day);
}

/**
 * rp_booking_rules_check:
 * @facts: the booking and the rows around it
 * @messages: (nullable) (element-type utf8): where to add each warning in plain words
 *
 * Checks a booking against the rest of the programme: the same person
 * already booked on the same day, on two days at once or on two days of one
 * date, more people than places, a day after the closure, transport needed
 * but not arranged, a staff member in two places, and a wheelchair user at a
 * venue whose notes say nothing about access. Each message names the person
 * as the coordinator knows them and the day concerned.
 *
 * All but %RP_BOOKING_WARNING_ALREADY_BOOKED are warnings: the booking may
 * still be saved. A person already booked on the day cannot be booked on it
 * again, whatever the status of either booking: that is then all there is
 * to say.
 *
 * Returns: the warnings found
 */
RpBookingWarning
rp_booking_rules_check (const RpBookingFacts *facts,
                        GPtrArray            *messages)
{
  const RpBookingSlot *booking;
  const RpBookingSlot *same_time = NULL, *same_day = NULL;
  RpBookingWarning warnings = RP_BOOKING_WARNING_NONE;

  g_return_val_if_fail (facts != NULL, RP_BOOKING_WARNING_NONE);
  g_return_val_if_fail (facts->n_attendee_bookings == 0 || facts->attendee_bookings != NULL, RP_BOOKING_WARNING_NONE);
  g_return_val_if_fail (facts->n_staff_bookings == 0 || facts->staff_bookings != NULL, RP_BOOKING_WARNING_NONE);

  booking = &facts->booking;

  /* Whatever either status: the day has room for each person once. */
  for (guint i = 0; i < facts->n_attendee_bookings; i++)
    {
      const RpBookingSlot *other = &facts->attendee_bookings[i];

      if (other->attendee_id == booking->attendee_id && other->id != booking->id &&
          other->taster_day_id == booking->taster_day_id)
        {
          /* Nothing else matters about a booking that will not be made. */
          if (messages != NULL)
            add_message (messages, say_already_booked (booking));
          return RP_BOOKING_WARNING_ALREADY_BOOKED;
        }
    }

  if (!rp_booking_rules_takes_place (booking->status))
    return RP_BOOKING_WARNING_NONE;

  if (!is_blank (booking->date))
    {
      /* At the same time is the graver: said in its place, not as well. */
      for (guint i = 0; i < facts->n_attendee_bookings && same_time == NULL; i++)
        {
          const RpBookingSlot *other = &facts->attendee_bookings[i];

          if (other->attendee_id != booking->attendee_id)
            continue;
          if (clashes_with (booking, other))
            same_time = other;
          else if (same_day == NULL && elsewhere_that_date (booking, other))
            same_day = other;
        }

      if (same_time != NULL || same_day != NULL)
        {
          warnings |= same_time != NULL ? RP_BOOKING_WARNING_OVERLAP : RP_BOOKING_WARNING_SAME_DATE;
          if (messages != NULL)
            add_message (messages, say_elsewhere (booking, same_time != NULL ? same_time : same_day, same_time != NULL));
        }

      for (guint i = 0; booking->staff_id > 0 && i < facts->n_staff_bookings; i++)
        {
          const RpBookingSlot *other = &facts->staff_bookings[i];

          if (other->staff_id == booking->staff_id && clashes_with (booking, other))
            {
              warnings |= RP_BOOKING_WARNING_STAFF_CLASH;
              if (messages != NULL)
                add_message (messages, say_staff_clash (facts, other));
              break;
            }
        }

      if (!is_blank (facts->closure_date) && strcmp (booking->date, facts->closure_date) > 0)
        {
          warnings |= RP_BOOKING_WARNING_AFTER_CLOSURE;
          if (messages != NULL)
            add_message (messages, say_after_closure (facts));
        }
    }

  if (facts->places > 0 && facts->others_booked + 1 > (guint) facts->places)
    {
      warnings |= RP_BOOKING_WARNING_OVER_CAPACITY;
      if (messages != NULL)
        add_message (messages, say_over_capacity (facts));
    }

  if (booking->transport_needed && !booking->transport_arranged)
    {
      warnings |= RP_BOOKING_WARNING_TRANSPORT;
      if (messages != NULL)
        add_message (messages, say_transport (facts));
    }

  if (facts->wheelchair_user &&
      !rp_booking_rules_mentions_access (facts->provider_notes) &&
      !rp_booking_rules_mentions_access (facts->venue) &&
      !rp_booking_rules_mentions_access (facts->day_notes))
    {
      warnings |= RP_BOOKING_WARNING_ACCESS;
      if (messages != NULL)
        add_message (messages, say_access (facts));
    }

  return warnings;
}
