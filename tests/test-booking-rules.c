/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-booking-rules.c: the warnings about a booking, from rows made by hand */

#include "config.h"

#include <string.h>

#include "rp-core.h"

/* Danny (attendee 4, id 8), confirmed, at Pathfinders on 19 October
 * 10:30–13:30 with no limit on places, in a programme whose centre closes on
 * 31 March 2024: no warning. */
#define DANNY "Danny (attendee 4)"

static RpBookingFacts
plain_facts (void)
{
  return (RpBookingFacts) {
    .booking = {
      .id = 10,
      .taster_day_id = 1,
      .attendee_id = 8,
      .status = RP_BOOKING_CONFIRMED,
      .date = "2023-10-19",
      .start_time = "10:30",
      .end_time = "13:30",
      .provider_name = "Pathfinders",
      .attendee_number = 4,
      .preferred_name = "Danny",
      .full_name = "Daniel Okoro",
    },
    .closure_date = "2024-03-31",
    .provider_notes = "Pottery and painting sessions.",
  };
}

/* Another active booking of Danny's with staff member 3, on another day the
 * same date, at Mosaic 12:00–15:00. */
static RpBookingSlot
other_slot (void)
{
  return (RpBookingSlot) {
    .id = 11,
    .taster_day_id = 2,
    .attendee_id = 8,
    .staff_id = 3,
    .status = RP_BOOKING_INVITED,
    .date = "2023-10-19",
    .start_time = "12:00",
    .end_time = "15:00",
    .provider_name = "Mosaic",
    .attendee_number = 4,
    .preferred_name = "Danny",
    .full_name = "Daniel Okoro",
  };
}

static guint
count_warnings (RpBookingWarning warnings)
{
  guint n = 0;

  for (; warnings != 0; warnings &= warnings - 1)
    n++;

  return n;
}

/* Checks @facts and asserts the warnings are @expected, with one message
 * each, and that every message names the person as the coordinator knows
 * them, never by number alone. */
static void
assert_warnings (const RpBookingFacts *facts,
                 RpBookingWarning      expected)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *who = rp_booking_rules_describe_attendee (facts->booking.attendee_number,
                                                             facts->booking.preferred_name,
                                                             facts->booking.full_name);
  RpBookingWarning warnings = rp_booking_rules_check (facts, messages);

  g_assert_cmphex (warnings, ==, expected);
  g_assert_cmphex (rp_booking_rules_check (facts, NULL), ==, expected);
  g_assert_cmpuint (messages->len, ==, count_warnings (expected));
  for (guint i = 0; i < messages->len; i++)
    if (strstr (g_ptr_array_index (messages, i), who) == NULL)
      g_test_fail_printf ("“%s” does not name %s", (char *) g_ptr_array_index (messages, i), who);
}

/* The one message about @facts, which must be @expected. */
static void
assert_message (const RpBookingFacts *facts,
                const char           *expected)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);

  rp_booking_rules_check (facts, messages);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==, expected);
}

/* The attendee's other booking as the only one the rules are given. */
static void
assert_with_attendee_booking (RpBookingFacts   facts,
                              RpBookingSlot    other,
                              RpBookingWarning expected)
{
  facts.attendee_bookings = &other;
  facts.n_attendee_bookings = 1;
  assert_warnings (&facts, expected);
}

static void
test_plain (void)
{
  RpBookingFacts facts = plain_facts ();

  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
}

static void
test_overlap (void)
{
  RpBookingFacts facts = plain_facts ();
  RpBookingSlot other = other_slot ();

  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_OVERLAP);
  facts.attendee_bookings = &other;
  facts.n_attendee_bookings = 1;
  assert_message (&facts, DANNY " is already booked at the same time on 19 October 2023 with Mosaic.");
  facts = plain_facts ();

  /* Not saved yet: still a clash. */
  facts.booking.id = 0;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_OVERLAP);
  facts = plain_facts ();

  /* A day without times takes the whole day, on either side. */
  other.start_time = other.end_time = NULL;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_OVERLAP);
  other = other_slot ();
  facts.booking.start_time = "";
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_OVERLAP);
  facts = plain_facts ();

  /* Starting as the other ends is no clash, but still the same date. */
  other.start_time = "13:30";
  other.end_time = "16:00";
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_SAME_DATE);
  other = other_slot ();

  /* Nor is another date, a day to be confirmed, a day called off, a booking
   * declined or cancelled, the booking itself, or another attendee's
   * booking; another booking on the same day is refused, not a clash. */
  other.date = "2023-10-20";
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_NONE);
  other.date = NULL;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_NONE);
  other = other_slot ();
  other.day_cancelled = TRUE;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_NONE);
  other = other_slot ();
  other.status = RP_BOOKING_DECLINED;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_NONE);
  other.status = RP_BOOKING_CANCELLED;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_NONE);
  other.status = RP_BOOKING_ATTENDED;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_OVERLAP);
  other = other_slot ();
  other.id = facts.booking.id;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_NONE);
  other = other_slot ();
  other.taster_day_id = facts.booking.taster_day_id;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_ALREADY_BOOKED);
  other = other_slot ();
  other.attendee_id = 9;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_NONE);
  other = other_slot ();

  /* A booking on a day to be confirmed clashes with nothing. */
  facts.booking.date = NULL;
  other.date = NULL;
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_NONE);
  facts.booking.date = other.date = "";
  assert_with_attendee_booking (facts, other, RP_BOOKING_WARNING_NONE);
}

/* Another day of the same date at other times: still warned, naming the
 * day; at the same time instead, the clash is said in its place. */
static void
test_same_date (void)
{
  RpBookingFacts facts = plain_facts ();
  RpBookingSlot others[] = { other_slot (), other_slot () };

  others[0].start_time = "14:00";
  others[0].end_time = "16:00";
  others[0].provider_name = "Pathfinders";
  others[0].taster_day_id = 3;
  facts.attendee_bookings = others;
  facts.n_attendee_bookings = 1;
  assert_warnings (&facts, RP_BOOKING_WARNING_SAME_DATE);
  assert_message (&facts, DANNY " is already booked on 19 October 2023 with Pathfinders.");

  /* Before, or all day, on the other side. */
  others[0].start_time = "08:00";
  others[0].end_time = "10:00";
  assert_warnings (&facts, RP_BOOKING_WARNING_SAME_DATE);

  /* One at other times and one at the same time: only the clash is said. */
  facts.n_attendee_bookings = 2;
  assert_warnings (&facts, RP_BOOKING_WARNING_OVERLAP);
  assert_message (&facts, DANNY " is already booked at the same time on 19 October 2023 with Mosaic.");

  /* Neither the day called off, nor one they declined, nor another day. */
  facts.n_attendee_bookings = 1;
  others[0].day_cancelled = TRUE;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  others[0].day_cancelled = FALSE;
  others[0].status = RP_BOOKING_DECLINED;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  others[0].status = RP_BOOKING_CONFIRMED;
  others[0].date = "2023-10-20";
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  others[0].date = "2023-10-19";

  /* A booking they decline warns of nothing. */
  facts.booking.status = RP_BOOKING_DECLINED;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
}

/* The same person on the same taster day: refused whatever either status,
 * on a day to be confirmed too, saved or about to be. */
static void
test_already_booked (void)
{
  RpBookingFacts facts = plain_facts ();
  RpBookingSlot other = other_slot ();

  other.taster_day_id = facts.booking.taster_day_id;
  other.provider_name = "Pathfinders";
  other.start_time = "10:30";
  other.end_time = "13:30";
  facts.booking.id = 0;
  facts.attendee_bookings = &other;
  facts.n_attendee_bookings = 1;
  assert_warnings (&facts, RP_BOOKING_WARNING_ALREADY_BOOKED);
  assert_message (&facts, DANNY " already has a booking on this day, 19 October 2023 with Pathfinders:"
                          " change that booking instead of booking them twice.");

  other.status = RP_BOOKING_CANCELLED;
  assert_warnings (&facts, RP_BOOKING_WARNING_ALREADY_BOOKED);
  facts.booking.status = RP_BOOKING_DECLINED;
  assert_warnings (&facts, RP_BOOKING_WARNING_ALREADY_BOOKED);
  facts.booking.status = RP_BOOKING_CONFIRMED;

  facts.booking.date = other.date = NULL;
  assert_warnings (&facts, RP_BOOKING_WARNING_ALREADY_BOOKED);
  assert_message (&facts, DANNY " already has a booking on this day, the Pathfinders day, date to be confirmed:"
                          " change that booking instead of booking them twice.");

  /* Refused, nothing else is said about it: it will not be made. */
  facts.booking.transport_needed = TRUE;
  facts.places = 1;
  facts.others_booked = 1;
  assert_warnings (&facts, RP_BOOKING_WARNING_ALREADY_BOOKED);
  facts.booking.transport_needed = FALSE;
  facts.places = 0;
  facts.others_booked = 0;

  /* The booking itself, once saved, is not a second one. */
  facts.booking.id = other.id;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
}

/* People and days in the words a coordinator uses. */
static void
test_describe (void)
{
  const struct { int number; const char *preferred, *full, *expected; } people[] = {
    { 4, "Danny", "Daniel Okoro", "Danny (attendee 4)" },
    { 5, NULL, "Ella Morgan", "Ella Morgan (attendee 5)" },
    { 5, "", "Ella Morgan", "Ella Morgan (attendee 5)" },
    { 12, "Zoë", "Zoë O’Brien-Ångström", "Zoë (attendee 12)" },
    { 13, NULL, "Siobhán D’Arcy", "Siobhán D’Arcy (attendee 13)" },
    { 7, NULL, NULL, "Attendee 7" },
    { 7, "", "", "Attendee 7" },
  };
  const struct { const char *date, *provider, *expected; } days[] = {
    { "2023-10-19", "Pathfinders", "19 October 2023 with Pathfinders" },
    { "2024-03-01", "Café Ōrā", "1 March 2024 with Café Ōrā" },
    { "2023-10-19", NULL, "19 October 2023" },
    { NULL, "FTM Dance", "the FTM Dance day, date to be confirmed" },
    { "", "FTM Dance", "the FTM Dance day, date to be confirmed" },
    { NULL, NULL, "a day whose date is to be confirmed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *words = rp_booking_rules_describe_attendee (people[i].number, people[i].preferred, people[i].full);
      g_assert_cmpstr (words, ==, people[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *words = rp_booking_rules_describe_day (days[i].date, days[i].provider);
      g_assert_cmpstr (words, ==, days[i].expected);
    }
}

static void
test_staff_clash (void)
{
  RpBookingFacts facts = plain_facts ();
  RpBookingSlot other = other_slot ();

  other.attendee_id = 12;
  facts.staff_bookings = &other;
  facts.n_staff_bookings = 1;

  /* No supporting staff member: nobody to clash. */
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.booking.staff_id = 3;
  assert_warnings (&facts, RP_BOOKING_WARNING_STAFF_CLASH);
  /* Named, with whom else they are going, where and when. */
  other.attendee_number = 12;
  other.preferred_name = NULL;
  other.full_name = "Liam Walker";
  assert_message (&facts, "The staff member going with " DANNY " is also going with Liam Walker (attendee 12)"
                          " at the same time on 19 October 2023 with Mosaic.");
  facts.staff_name = "Dee Walsh";
  assert_message (&facts, "Dee Walsh, going with " DANNY ", is also going with Liam Walker (attendee 12)"
                          " at the same time on 19 October 2023 with Mosaic.");
  facts.booking.staff_id = 4;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.booking.staff_id = 3;
  other.day_cancelled = TRUE;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  other.day_cancelled = FALSE;
  other.start_time = "14:00";
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
}

static void
test_after_closure (void)
{
  RpBookingFacts facts = plain_facts ();

  facts.booking.date = "2024-04-10";
  assert_warnings (&facts, RP_BOOKING_WARNING_AFTER_CLOSURE);
  assert_message (&facts, DANNY " would go on 10 April 2024 with Pathfinders, after the day centre closes on 31 March 2024.");
  facts.booking.date = "2024-03-31";
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.booking.date = NULL;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.booking.date = "2024-04-10";
  facts.closure_date = NULL;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.closure_date = "";
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
}

static void
test_over_capacity (void)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  RpBookingFacts facts = plain_facts ();

  facts.others_booked = 40;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.places = 2;
  facts.others_booked = 1;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.others_booked = 2;
  assert_warnings (&facts, RP_BOOKING_WARNING_OVER_CAPACITY);
  facts.places = 1;
  facts.others_booked = 1;
  g_assert_cmphex (rp_booking_rules_check (&facts, messages), ==, RP_BOOKING_WARNING_OVER_CAPACITY);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==,
                   "There is no place left for " DANNY " on 19 October 2023 with Pathfinders: it has 1 place, and it is taken.");
}

static void
test_transport (void)
{
  RpBookingFacts facts = plain_facts ();

  facts.booking.transport_needed = TRUE;
  assert_warnings (&facts, RP_BOOKING_WARNING_TRANSPORT);
  assert_message (&facts, DANNY " needs transport on 19 October 2023 with Pathfinders, and it is not arranged yet.");
  facts.booking.transport_arranged = TRUE;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.booking.transport_needed = FALSE;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
}

static void
test_access (void)
{
  RpBookingFacts facts = plain_facts ();

  facts.wheelchair_user = TRUE;
  assert_warnings (&facts, RP_BOOKING_WARNING_ACCESS);
  assert_message (&facts, DANNY " uses a wheelchair, and nothing in the notes for 19 October 2023 with Pathfinders"
                          " says the venue is accessible. Check with the provider.");
  facts.provider_notes = NULL;
  assert_warnings (&facts, RP_BOOKING_WARNING_ACCESS);

  /* A word of access in the venue, the day's notes or the provider's, in any case. */
  facts.venue = "Studio 2, GROUND FLOOR";
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.venue = NULL;
  facts.day_notes = "Lift to the first floor";
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.day_notes = NULL;
  facts.provider_notes = "Step-free entrance and a Changing Places toilet";
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);

  facts.provider_notes = NULL;
  facts.wheelchair_user = FALSE;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);

  g_assert_true (rp_booking_rules_mentions_access ("WHEELCHAIR accessible"));
  g_assert_false (rp_booking_rules_mentions_access ("Café upstairs"));
  g_assert_false (rp_booking_rules_mentions_access (NULL));
}

/* Every warning at once, each with its own message; none for a booking that
 * takes nobody anywhere. */
static void
test_all_and_none (void)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  RpBookingFacts facts = plain_facts ();
  RpBookingSlot others[] = { other_slot (), other_slot () };
  RpBookingWarning all = RP_BOOKING_WARNING_OVERLAP | RP_BOOKING_WARNING_OVER_CAPACITY |
                         RP_BOOKING_WARNING_AFTER_CLOSURE | RP_BOOKING_WARNING_TRANSPORT |
                         RP_BOOKING_WARNING_STAFF_CLASH | RP_BOOKING_WARNING_ACCESS;

  others[0].date = others[1].date = facts.booking.date = "2024-04-10";
  others[1].attendee_id = 12;
  facts.booking.staff_id = 3;
  facts.places = 3;
  facts.others_booked = 3;
  facts.booking.transport_needed = TRUE;
  facts.wheelchair_user = TRUE;
  facts.attendee_bookings = others;
  facts.n_attendee_bookings = G_N_ELEMENTS (others);
  facts.staff_bookings = others;
  facts.n_staff_bookings = G_N_ELEMENTS (others);

  g_assert_cmphex (rp_booking_rules_check (&facts, messages), ==, all);
  g_assert_cmpuint (messages->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==, DANNY " is already booked at the same time on 10 April 2024 with Mosaic.");
  g_assert_true (g_ptr_array_find_with_equal_func (messages,
                                                   "There is no place left for " DANNY " on 10 April 2024 with Pathfinders:"
                                                   " it has 3 places, and they are all taken.",
                                                   g_str_equal, NULL));

  facts.booking.status = RP_BOOKING_DECLINED;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.booking.status = RP_BOOKING_CANCELLED;
  assert_warnings (&facts, RP_BOOKING_WARNING_NONE);
  facts.booking.status = RP_BOOKING_INVITED;
  assert_warnings (&facts, all);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/booking-rules/plain", test_plain);
  g_test_add_func ("/booking-rules/overlap", test_overlap);
  g_test_add_func ("/booking-rules/same-date", test_same_date);
  g_test_add_func ("/booking-rules/already-booked", test_already_booked);
  g_test_add_func ("/booking-rules/describe", test_describe);
  g_test_add_func ("/booking-rules/staff-clash", test_staff_clash);
  g_test_add_func ("/booking-rules/after-closure", test_after_closure);
  g_test_add_func ("/booking-rules/over-capacity", test_over_capacity);
  g_test_add_func ("/booking-rules/transport", test_transport);
  g_test_add_func ("/booking-rules/access", test_access);
  g_test_add_func ("/booking-rules/all-and-none", test_all_and_none);

  return g_test_run ();
}
