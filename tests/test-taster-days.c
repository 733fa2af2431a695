/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-taster-days.c: bookings on taster days, the checks that warn, and cancelling a day */

#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
  GListModel  *days;       /* Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM tbc */
} Fixture;

/* The sample's days still to come on 22 September 2023, which the tests name
 * by position: Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 and 19 Oct, FTM
 * Dance to be confirmed. The open days already held come before them. */
static GListModel *
list_days_to_come (Fixture *fixture)
{
  g_autoptr(GListModel) days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  GListStore *to_come = g_list_store_new (RP_TYPE_TASTER_DAY);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);

      if (rp_taster_day_get_date (day) == NULL || rp_date_compare (rp_taster_day_get_date (day), "2023-09-22") >= 0)
        g_list_store_append (to_come, day);
    }

  return G_LIST_MODEL (to_come);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  fixture->days = list_days_to_come (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->days), ==, 5);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->days);
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gint64
day_id (Fixture *fixture,
        guint    index)
{
  g_autoptr(RpTasterDay) day = g_list_model_get_item (fixture->days, index);

  return rp_taster_day_get_id (day);
}

static RpAttendee *
attendee (Fixture *fixture,
          int      number)
{
  return rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), number, NULL);
}

static RpBooking *
make_booking (Fixture *fixture,
              guint    day,
              int      number)
{
  g_autoptr(RpAttendee) who = attendee (fixture, number);
  RpBooking *booking = rp_booking_new ();

  rp_booking_set_taster_day_id (booking, day_id (fixture, day));
  rp_booking_set_attendee_id (booking, rp_attendee_get_id (who));
  rp_booking_set_status (booking, RP_BOOKING_CONFIRMED);
  return booking;
}

static void
test_check_clean (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  /* Attendee 8 walks, needs no transport, and has nothing else booked. */
  g_autoptr(RpBooking) booking = make_booking (fixture, 1, 8);

  g_assert_cmpint (rp_store_check_booking (fixture->store, booking, messages, &error), ==, RP_BOOKING_WARNING_NONE);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 0);
}

static void
test_check_overlap_and_staff (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RpBooking) first = make_booking (fixture, 3, 8);
  g_autoptr(RpBooking) second = NULL;
  g_autoptr(GListModel) workers = rp_store_list_workers (fixture->store, FALSE, NULL);
  g_autoptr(RpWorker) staff = g_list_model_get_item (workers, 0);
  g_autoptr(RpTasterDay) other = rp_taster_day_new ();
  RpBookingWarning warnings;

  /* A second day on 19 October at 12:00, overlapping Pathfinders' 10:30–13:30. */
  rp_taster_day_set_programme_id (other, rp_programme_get_id (fixture->programme));
  rp_taster_day_set_provider_id (other, 1);
  rp_taster_day_set_date (other, "2023-10-19");
  rp_taster_day_set_start_time (other, "12:00");
  rp_taster_day_set_end_time (other, "15:00");
  g_assert_true (rp_store_add_taster_day (fixture->store, other, &error));

  rp_booking_set_staff_id (first, rp_worker_get_id (staff));
  g_assert_true (rp_store_add_booking (fixture->store, first, &error));

  second = make_booking (fixture, 3, 9);
  rp_booking_set_taster_day_id (second, rp_taster_day_get_id (other));
  rp_booking_set_attendee_id (second, rp_booking_get_attendee_id (first));
  rp_booking_set_staff_id (second, rp_worker_get_id (staff));
  warnings = rp_store_check_booking (fixture->store, second, messages, &error);
  g_assert_no_error (error);
  g_assert_true (warnings & RP_BOOKING_WARNING_OVERLAP);
  g_assert_true (warnings & RP_BOOKING_WARNING_STAFF_CLASH);
  /* Harry (attendee 8) by name, the other day, and the staff member by name. */
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==,
                   "Harry Doyle (attendee 8) is already booked at the same time on 19 October 2023 with Pathfinders.");
  /* Dee Walsh also goes with Ben (attendee 2) to Pathfinders that morning, in the sample. */
  g_assert_cmpstr (rp_worker_get_name (staff), ==, "Dee Walsh");
  g_assert_cmpstr (g_ptr_array_index (messages, 1), ==,
                   "Dee Walsh, going with Harry Doyle (attendee 8), is also going with Ben (attendee 2)"
                   " at the same time on 19 October 2023 with Pathfinders.");

  /* Later the same day, no clash. */
  rp_taster_day_set_start_time (other, "14:00");
  rp_taster_day_set_end_time (other, "16:00");
  g_assert_true (rp_store_save_taster_day (fixture->store, other, &error));
  warnings = rp_store_check_booking (fixture->store, second, NULL, &error);
  g_assert_false (warnings & RP_BOOKING_WARNING_OVERLAP);
  g_assert_false (warnings & RP_BOOKING_WARNING_STAFF_CLASH);
}

static void
test_check_capacity_closure_transport_access (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RpTasterDay) small = rp_taster_day_new ();
  g_autoptr(RpBooking) taken = NULL;
  g_autoptr(RpBooking) booking = NULL;
  g_autoptr(RpProvider) plain = rp_provider_new ();
  RpBookingWarning warnings;

  /* A provider whose notes say nothing about access, one place, after the closure. */
  rp_provider_set_name (plain, "Riverbank Arts");
  rp_provider_set_notes (plain, "Pottery and painting sessions.");
  g_assert_true (rp_store_add_provider (fixture->store, plain, &error));
  rp_taster_day_set_programme_id (small, rp_programme_get_id (fixture->programme));
  rp_taster_day_set_provider_id (small, rp_provider_get_id (plain));
  rp_taster_day_set_date (small, "2024-04-10");
  rp_taster_day_set_places (small, 1);
  g_assert_true (rp_store_add_taster_day (fixture->store, small, &error));

  taken = make_booking (fixture, 0, 8);
  rp_booking_set_taster_day_id (taken, rp_taster_day_get_id (small));
  g_assert_true (rp_store_add_booking (fixture->store, taken, &error));

  /* Attendee 1 uses a wheelchair and needs transport. */
  booking = make_booking (fixture, 0, 1);
  rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (small));
  rp_booking_set_transport_needed (booking, TRUE);
  warnings = rp_store_check_booking (fixture->store, booking, messages, &error);
  g_assert_no_error (error);
  g_assert_cmpint (warnings, ==, RP_BOOKING_WARNING_OVER_CAPACITY | RP_BOOKING_WARNING_AFTER_CLOSURE |
                                 RP_BOOKING_WARNING_TRANSPORT | RP_BOOKING_WARNING_ACCESS);
  g_assert_cmpuint (messages->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (messages, 1), ==,
                   "There is no place left for Aisha Rahman (attendee 1) on 10 April 2024 with Riverbank Arts:"
                   " it has 1 place, and it is taken.");

  /* The same person at IBC, whose notes mention level access, needs no access warning. */
  rp_booking_set_taster_day_id (booking, day_id (fixture, 1));
  rp_booking_set_transport_arranged (booking, TRUE);
  warnings = rp_store_check_booking (fixture->store, booking, NULL, &error);
  g_assert_false (warnings & RP_BOOKING_WARNING_ACCESS);
  g_assert_false (warnings & RP_BOOKING_WARNING_TRANSPORT);

  /* A declined booking takes nobody anywhere. */
  rp_booking_set_status (booking, RP_BOOKING_DECLINED);
  g_assert_cmpint (rp_store_check_booking (fixture->store, booking, NULL, &error), ==, RP_BOOKING_WARNING_NONE);
}

static void
test_cancel_keeps_bookings (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) bookings = NULL;
  g_autoptr(RpTasterDay) ibc = NULL;
  guint n = 0;

  /* IBC on 30 September has two bookings in the sample. */
  g_assert_true (rp_store_cancel_taster_day (fixture->store, day_id (fixture, 1), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  ibc = rp_store_get_taster_day (fixture->store, day_id (fixture, 1), NULL);
  g_assert_true (rp_taster_day_get_cancelled (ibc));
  bookings = rp_store_list_bookings (fixture->store, day_id (fixture, 1), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (bookings), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);
      g_assert_cmpint (rp_booking_get_status (booking), ==, RP_BOOKING_CANCELLED);
    }
}

static void
test_attendee_bookings (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RpAttendee) five = attendee (fixture, 5);
  g_autoptr(GListModel) bookings = rp_store_list_attendee_bookings (fixture->store, rp_attendee_get_id (five), NULL);
  g_autoptr(RpBooking) held = g_list_model_get_item (bookings, 0);
  g_autoptr(RpBooking) first = g_list_model_get_item (bookings, 1);
  g_autoptr(RpTasterDay) day = rp_store_get_taster_day (fixture->store, rp_booking_get_taster_day_id (first), NULL);

  /* The open day at IBC on 9 September, which Ella went to, comes before
   * Mosaic on 27 September, which comes before Pathfinders on 10 October. */
  g_assert_cmpuint (g_list_model_get_n_items (bookings), ==, 3);
  g_assert_cmpint (rp_booking_get_status (held), ==, RP_BOOKING_ATTENDED);
  g_assert_cmpstr (rp_taster_day_get_provider_name (day), ==, "Mosaic");
  g_assert_cmpstr (rp_booking_get_pickup_time (first), ==, "10:15");
}

static void
test_schedule_items (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) five = attendee (fixture, 5);
  g_autoptr(RpSchedule) schedule = rp_schedule_build (fixture->store, rp_attendee_get_id (five), NULL, &error);
  RpScheduleSection *going;
  RpScheduleItem *first;

  g_assert_no_error (error);
  g_assert_cmpuint (schedule->sections->len, ==, 1);
  going = g_ptr_array_index (schedule->sections, 0);
  g_assert_cmpint (going->kind, ==, RP_SCHEDULE_GOING);
  g_assert_cmpuint (going->items->len, ==, 2);
  first = g_ptr_array_index (going->items, 0);
  /* Non-breaking spaces hold the day and month, and each time, together. */
  g_assert_cmpstr (first->heading, ==, "Wednesday 27\u00a0September, 11\u00a0am to\u00a03\u00a0pm");

  /* A cancelled day is no longer a plan: it is said to be cancelled. */
  g_assert_true (rp_store_cancel_taster_day (fixture->store, day_id (fixture, 0), NULL, &error));
  g_clear_pointer (&schedule, rp_schedule_free);
  schedule = rp_schedule_build (fixture->store, rp_attendee_get_id (five), NULL, &error);
  g_assert_cmpuint (rp_schedule_count_items (schedule, RP_SCHEDULE_GOING), ==, 1);
  g_assert_cmpuint (rp_schedule_count_items (schedule, RP_SCHEDULE_CANCELLED), ==, 1);
}

static void
test_schedule_pdf_private (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) five = attendee (fixture, 5);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) all = NULL;
  g_autoptr(GListModel) attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "schedule.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  gint64 id = rp_attendee_get_id (five);

  g_array_append_val (ids, id);
  g_assert_true (rp_schedule_write_pdf (fixture->store, ids, NULL, path, &error));
  g_assert_no_error (error);

  /* Attendees 2, 5, 7 and 11 have taster days to come. */
  all = rp_schedule_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL, &error);
  g_assert_cmpuint (all->len, ==, 4);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  {
    const char *args[] = { pdftotext, path, "-", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL, &error));
  }

  /* The sheet is Ella's: her name, her days, and nothing about anyone else. */
  g_assert_nonnull (strstr (text, "Taster days for Ella Morgan"));
  g_assert_nonnull (strstr (text, "Transport will collect you at 10:15 am."));
  g_assert_null (strstr (text, "Susan keen on Mosaic"));   /* her private case notes */
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) other = g_list_model_get_item (attendees, i);

      if (rp_attendee_get_number (other) == 5)
        continue;
      if (strstr (text, rp_attendee_get_full_name (other)) != NULL ||
          (rp_attendee_get_contact_name (other) != NULL && strstr (text, rp_attendee_get_contact_name (other)) != NULL))
        g_test_fail_printf ("Ella's schedule names attendee %d or their family", rp_attendee_get_number (other));
    }
}

static void
test_book_several_all_or_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) before = rp_store_list_bookings (fixture->store, day_id (fixture, 4), NULL);
  g_autoptr(GListModel) after = NULL;
  guint n_before = g_list_model_get_n_items (before);

  /* FTM Dance, to be confirmed: attendees 8 and 9, then 8 again, which is refused. */
  g_ptr_array_add (bookings, make_booking (fixture, 4, 8));
  g_ptr_array_add (bookings, make_booking (fixture, 4, 9));
  g_ptr_array_add (bookings, make_booking (fixture, 4, 8));
  g_assert_false (rp_store_add_bookings (fixture->store, bookings, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_DUPLICATE);
  g_clear_error (&error);

  after = rp_store_list_bookings (fixture->store, day_id (fixture, 4), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before);
  g_clear_object (&after);

  g_ptr_array_remove_index (bookings, 2);
  g_assert_true (rp_store_add_bookings (fixture->store, bookings, &error));
  g_assert_no_error (error);
  after = rp_store_list_bookings (fixture->store, day_id (fixture, 4), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before + 2);
}

/* Danny (attendee 4) at Pathfinders on 19 October, then on another day that
 * date at other times: warned before saving, naming him and the other day.
 * A second booking on the very day is refused before saving, named, whether
 * the day has a date or not. */
static void
test_check_same_date_and_already_booked (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RpBooking) pathfinders = make_booking (fixture, 3, 4);
  g_autoptr(RpBooking) afternoon = NULL;
  g_autoptr(RpBooking) again = NULL;
  g_autoptr(RpBooking) ftm = make_booking (fixture, 4, 4);
  g_autoptr(RpBooking) ftm_again = NULL;
  g_autoptr(RpTasterDay) later = rp_taster_day_new ();
  g_autoptr(RpTasterDay) mosaic = g_list_model_get_item (fixture->days, 0);

  g_assert_true (rp_store_add_booking (fixture->store, pathfinders, &error));
  g_assert_no_error (error);

  /* Mosaic the same afternoon, after Pathfinders' 10:30–13:30. */
  rp_taster_day_set_programme_id (later, rp_programme_get_id (fixture->programme));
  rp_taster_day_set_provider_id (later, rp_taster_day_get_provider_id (mosaic));
  rp_taster_day_set_date (later, "2023-10-19");
  rp_taster_day_set_start_time (later, "14:00");
  rp_taster_day_set_end_time (later, "16:00");
  g_assert_true (rp_store_add_taster_day (fixture->store, later, &error));
  afternoon = make_booking (fixture, 0, 4);
  rp_booking_set_taster_day_id (afternoon, rp_taster_day_get_id (later));
  g_assert_cmphex (rp_store_check_booking (fixture->store, afternoon, messages, &error), ==, RP_BOOKING_WARNING_SAME_DATE);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==, "Danny (attendee 4) is already booked on 19 October 2023 with Pathfinders.");
  g_ptr_array_set_size (messages, 0);

  /* Saved anyway, Pathfinders' booking is warned in its turn, naming Mosaic. */
  g_assert_true (rp_store_add_booking (fixture->store, afternoon, &error));
  g_assert_cmphex (rp_store_check_booking (fixture->store, pathfinders, messages, &error), ==, RP_BOOKING_WARNING_SAME_DATE);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==, "Danny (attendee 4) is already booked on 19 October 2023 with Mosaic.");
  g_ptr_array_set_size (messages, 0);

  /* The very day again, even a booking he would decline. */
  again = make_booking (fixture, 3, 4);
  rp_booking_set_status (again, RP_BOOKING_DECLINED);
  g_assert_cmphex (rp_store_check_booking (fixture->store, again, messages, &error), ==, RP_BOOKING_WARNING_ALREADY_BOOKED);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==,
                   "Danny (attendee 4) already has a booking on this day, 19 October 2023 with Pathfinders:"
                   " change that booking instead of booking them twice.");
  g_ptr_array_set_size (messages, 0);

  /* FTM Dance, to be confirmed: no date, still one booking per person. */
  g_assert_true (rp_store_add_booking (fixture->store, ftm, &error));
  ftm_again = make_booking (fixture, 4, 4);
  g_assert_cmphex (rp_store_check_booking (fixture->store, ftm_again, messages, &error), ==, RP_BOOKING_WARNING_ALREADY_BOOKED);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==,
                   "Danny (attendee 4) already has a booking on this day, the FTM Dance day, date to be confirmed:"
                   " change that booking instead of booking them twice.");
  /* The saved booking itself is not its own double. */
  g_assert_cmphex (rp_store_check_booking (fixture->store, ftm, NULL, &error), ==, RP_BOOKING_WARNING_NONE);
  g_assert_no_error (error);
}

/* Booked together, each person counts the places those before them take;
 * someone refused as already booked takes none. */
static void
test_check_bookings_together (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) warnings = NULL;
  g_autoptr(RpTasterDay) small = NULL;
  g_autoptr(RpBooking) booked = NULL;

  {
    g_autoptr(RpTasterDay) like = g_list_model_get_item (fixture->days, 3);

    small = rp_taster_day_copy (like);
    rp_taster_day_set_id (small, 0);
    rp_taster_day_set_date (small, "2023-11-02");
    rp_taster_day_set_places (small, 3);
    g_assert_true (rp_store_add_taster_day (fixture->store, small, &error));
  }
  /* One place taken by attendee 6; then 6 again, 8, 9 and 12 ticked: 6 is
   * refused, 8 and 9 take the last two places, 12 finds none. */
  booked = make_booking (fixture, 0, 6);
  rp_booking_set_taster_day_id (booked, rp_taster_day_get_id (small));
  g_assert_true (rp_store_add_booking (fixture->store, booked, &error));
  for (guint i = 0; i < 4; i++)
    {
      static const int numbers[] = { 6, 8, 9, 12 };
      RpBooking *booking = make_booking (fixture, 0, numbers[i]);

      rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (small));
      g_ptr_array_add (bookings, booking);
    }

  warnings = rp_store_check_bookings (fixture->store, bookings, messages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 4);
  g_assert_cmphex (g_array_index (warnings, RpBookingWarning, 0), ==, RP_BOOKING_WARNING_ALREADY_BOOKED);
  g_assert_cmphex (g_array_index (warnings, RpBookingWarning, 1), ==, RP_BOOKING_WARNING_NONE);
  g_assert_cmphex (g_array_index (warnings, RpBookingWarning, 2), ==, RP_BOOKING_WARNING_NONE);
  g_assert_cmphex (g_array_index (warnings, RpBookingWarning, 3), ==, RP_BOOKING_WARNING_OVER_CAPACITY);
  g_assert_cmpuint (messages->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (messages, 1), ==,
                   "There is no place left for Liam Walker (attendee 12) on 2 November 2023 with Pathfinders:"
                   " it has 3 places, and they are all taken.");

  /* One at a time, nobody after the first is short of a place. */
  g_assert_cmphex (rp_store_check_booking (fixture->store, g_ptr_array_index (bookings, 3), NULL, &error), ==,
                   RP_BOOKING_WARNING_NONE);
}

/* Someone booked by another program between the check and the save is left
 * out and reported; the others are saved, each with its own details. */
static void
test_add_except_booked (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) before = rp_store_list_bookings (fixture->store, day_id (fixture, 4), NULL);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(RpBooking) elsewhere = make_booking (fixture, 4, 9);
  guint n_before = g_list_model_get_n_items (before);
  static const char * const pickups[] = { "09:15", "09:30", "09:45" };

  g_ptr_array_add (bookings, make_booking (fixture, 4, 8));
  g_ptr_array_add (bookings, make_booking (fixture, 4, 9));
  g_ptr_array_add (bookings, make_booking (fixture, 4, 10));
  for (guint i = 0; i < 3; i++)
    rp_booking_set_pickup_time (g_ptr_array_index (bookings, i), pickups[i]);

  /* Attendee 9 is booked from elsewhere first. */
  rp_booking_set_pickup_time (elsewhere, "11:00");
  g_assert_true (rp_store_add_booking (fixture->store, elsewhere, &error));

  g_assert_true (rp_store_add_bookings_except_booked (fixture->store, bookings, left_out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (left_out->len, ==, 1);
  g_assert_true (g_ptr_array_index (left_out, 0) == g_ptr_array_index (bookings, 1));
  g_assert_cmpint (rp_booking_get_id (g_ptr_array_index (bookings, 1)), ==, 0);
  g_assert_cmpint (rp_booking_get_id (g_ptr_array_index (bookings, 0)), >, 0);
  g_assert_cmpint (rp_booking_get_id (g_ptr_array_index (bookings, 2)), >, 0);

  after = rp_store_list_bookings (fixture->store, day_id (fixture, 4), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before + 3);
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(RpBooking) saved = g_list_model_get_item (after, i);
      g_autoptr(RpAttendee) who = rp_store_get_attendee (fixture->store, rp_booking_get_attendee_id (saved), NULL);

      switch (rp_attendee_get_number (who))
        {
        case 8: g_assert_cmpstr (rp_booking_get_pickup_time (saved), ==, "09:15"); break;
        case 9: g_assert_cmpstr (rp_booking_get_pickup_time (saved), ==, "11:00"); break;
        case 10: g_assert_cmpstr (rp_booking_get_pickup_time (saved), ==, "09:45"); break;
        default: break;
        }
    }
  g_clear_object (&after);

  /* Any other refusal saves none of them, and reports none left out. */
  g_ptr_array_set_size (left_out, 0);
  g_ptr_array_set_size (bookings, 0);
  g_ptr_array_add (bookings, make_booking (fixture, 4, 11));
  g_ptr_array_add (bookings, make_booking (fixture, 4, 8));
  g_ptr_array_add (bookings, make_booking (fixture, 4, 12));
  rp_booking_set_taster_day_id (g_ptr_array_index (bookings, 2), G_MAXINT32);
  g_assert_false (rp_store_add_bookings_except_booked (fixture->store, bookings, left_out, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  g_assert_cmpuint (left_out->len, ==, 0);
  for (guint i = 0; i < bookings->len; i++)
    g_assert_cmpint (rp_booking_get_id (g_ptr_array_index (bookings, i)), ==, 0);
  after = rp_store_list_bookings (fixture->store, day_id (fixture, 4), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before + 3);
}

/* A new booking starts from the attendee's own record, nobody else's. */
static void
test_booking_for_attendee (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) danny = attendee (fixture, 4);
  g_autoptr(RpAttendee) ella = attendee (fixture, 5);
  g_autoptr(RpBooking) for_danny = rp_booking_new_for_attendee (danny, day_id (fixture, 2));
  g_autoptr(RpBooking) for_ella = rp_booking_new_for_attendee (ella, day_id (fixture, 2));
  g_autoptr(RpBooking) plain = NULL;
  g_autoptr(RpBooking) accented = NULL;

  g_assert_cmpint (rp_booking_get_attendee_id (for_danny), ==, rp_attendee_get_id (danny));
  g_assert_cmpint (rp_booking_get_taster_day_id (for_danny), ==, day_id (fixture, 2));
  g_assert_cmpint (rp_booking_get_status (for_danny), ==, RP_BOOKING_INVITED);
  g_assert_false (rp_booking_get_transport_needed (for_danny));
  g_assert_cmpstr (rp_booking_get_family_attending (for_danny), ==, "Grace Okoro (sister)");
  g_assert_null (rp_booking_get_pickup_time (for_danny));
  g_assert_cmpint (rp_booking_get_staff_id (for_danny), ==, 0);
  g_assert_true (rp_booking_get_transport_needed (for_ella));
  g_assert_false (rp_booking_get_transport_arranged (for_ella));
  g_assert_cmpstr (rp_booking_get_family_attending (for_ella), ==, "Susan Morgan (mother)");
  g_assert_true (rp_booking_validate (for_ella, &error));

  /* No relationship: the name alone; an acronym kept; accents and ’ kept. */
  rp_attendee_set_contact_relationship (danny, NULL);
  plain = rp_booking_new_for_attendee (danny, day_id (fixture, 2));
  g_assert_cmpstr (rp_booking_get_family_attending (plain), ==, "Grace Okoro");
  rp_attendee_set_contact_name (ella, "Siobhán O’Connor");
  rp_attendee_set_contact_relationship (ella, "GP");
  accented = rp_booking_new_for_attendee (ella, day_id (fixture, 2));
  g_assert_cmpstr (rp_booking_get_family_attending (accented), ==, "Siobhán O’Connor (GP)");
  g_assert_true (rp_booking_validate (accented, &error));
  g_assert_no_error (error);

  /* A relationship holding a hidden character is not carried into a name. */
  g_clear_object (&accented);
  rp_attendee_set_contact_relationship (ella, "Aunt\u200b");
  accented = rp_booking_new_for_attendee (ella, day_id (fixture, 2));
  g_assert_cmpstr (rp_booking_get_family_attending (accented), ==, "Siobhán O’Connor");

  /* Nobody to call: nobody written in. */
  g_clear_object (&plain);
  rp_attendee_set_contact_name (danny, NULL);
  plain = rp_booking_new_for_attendee (danny, day_id (fixture, 2));
  g_assert_null (rp_booking_get_family_attending (plain));
}

/* Checks every booking of the programme one by one, as the agenda does for a
 * day it shows open, and asserts that each day's summary says the same, and
 * that each warning the open day shows names the person booked, as the
 * coordinator knows them. Returns the warnings met, so that a test can tell
 * which rules it exercised. */
static RpBookingWarning
assert_summaries_agree (RpStore *store,
                        gint64   programme_id,
                        guint   *n_warned)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) summaries = rp_store_summarise_taster_days (store, programme_id, &error);
  g_autoptr(GListModel) days = rp_store_list_taster_days (store, programme_id, NULL);
  RpBookingWarning seen = RP_BOOKING_WARNING_NONE;

  g_assert_no_error (error);
  g_assert_nonnull (summaries);
  g_assert_cmpuint (summaries->len, ==, g_list_model_get_n_items (days));
  for (guint i = 1; i < summaries->len; i++)
    g_assert_cmpint (g_array_index (summaries, RpTasterDaySummary, i - 1).taster_day_id, <,
                     g_array_index (summaries, RpTasterDaySummary, i).taster_day_id);

  *n_warned = 0;
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
      g_autoptr(GListModel) bookings = rp_store_list_bookings (store, rp_taster_day_get_id (day), NULL);
      const RpTasterDaySummary *summary = rp_taster_day_summary_find (summaries, rp_taster_day_get_id (day));
      guint booked = 0, warned = 0;

      for (guint b = 0; b < g_list_model_get_n_items (bookings); b++)
        {
          g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, b);
          g_autoptr(RpAttendee) attendee = rp_store_get_attendee (store, rp_booking_get_attendee_id (booking), NULL);
          g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *who = NULL;
          RpBookingStatus status = rp_booking_get_status (booking);
          RpBookingWarning warnings = rp_store_check_booking (store, booking, messages, &error);

          g_assert_no_error (error);
          g_assert_cmphex (rp_store_check_booking (store, booking, NULL, &error), ==, warnings);
          who = rp_booking_rules_describe_attendee (rp_attendee_get_number (attendee),
                                                    rp_attendee_get_preferred_name (attendee),
                                                    rp_attendee_get_full_name (attendee));
          for (guint m = 0; m < messages->len; m++)
            if (strstr (g_ptr_array_index (messages, m), who) == NULL)
              g_test_fail_printf ("“%s” does not name %s", (char *) g_ptr_array_index (messages, m), who);
          if (status != RP_BOOKING_DECLINED && status != RP_BOOKING_CANCELLED)
            booked++;
          seen |= warnings;
          /* The agenda checks no booking on a cancelled day. */
          if (warnings != RP_BOOKING_WARNING_NONE && !rp_taster_day_get_cancelled (day))
            warned++;
        }

      g_assert_nonnull (summary);
      if (summary->booked != booked || summary->warned != warned)
        g_test_fail_printf ("taster day %" G_GINT64_FORMAT " on %s: summary %u booked, %u warned;"
                            " one by one %u booked, %u warned", rp_taster_day_get_id (day),
                            rp_taster_day_get_date (day) != NULL ? rp_taster_day_get_date (day) : "a date to be confirmed",
                            summary->booked, summary->warned, booked, warned);
      *n_warned += warned;
    }

  g_assert_null (rp_taster_day_summary_find (summaries, G_MAXINT64));
  return seen;
}

static RpTasterDay *
add_day (Fixture    *fixture,
         gint64      provider_id,
         const char *date,
         const char *start,
         const char *end,
         int         places)
{
  g_autoptr(GError) error = NULL;
  RpTasterDay *day = rp_taster_day_new ();

  rp_taster_day_set_programme_id (day, rp_programme_get_id (fixture->programme));
  rp_taster_day_set_provider_id (day, provider_id);
  rp_taster_day_set_date (day, date);
  rp_taster_day_set_start_time (day, start);
  rp_taster_day_set_end_time (day, end);
  rp_taster_day_set_places (day, places);
  g_assert_true (rp_store_add_taster_day (fixture->store, day, &error));
  g_assert_no_error (error);
  return day;
}

static RpBooking *
book (Fixture         *fixture,
      RpTasterDay     *day,
      int              number,
      RpBookingStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) who = attendee (fixture, number);
  RpBooking *booking = rp_booking_new ();

  rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (day));
  rp_booking_set_attendee_id (booking, rp_attendee_get_id (who));
  rp_booking_set_status (booking, status);
  g_assert_true (rp_store_add_booking (fixture->store, booking, &error));
  g_assert_no_error (error);
  return booking;
}

static const RpTasterDaySummary *
summary_of (GArray      *summaries,
            RpTasterDay *day)
{
  const RpTasterDaySummary *summary = rp_taster_day_summary_find (summaries, rp_taster_day_get_id (day));

  g_assert_nonnull (summary);
  return summary;
}

/* One day for each kind of warning, next to the cases that must not warn. */
static void
test_summary_each_warning (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProvider) plain = rp_provider_new ();
  g_autoptr(GListModel) workers = rp_store_list_workers (fixture->store, FALSE, NULL);
  g_autoptr(RpWorker) staff = g_list_model_get_item (workers, 0);
  g_autoptr(RpTasterDay) overlap = NULL, touching = NULL, whole_day = NULL, called_off = NULL;
  g_autoptr(RpTasterDay) staff_a = NULL, staff_b = NULL, late = NULL, small = NULL, transport = NULL;
  g_autoptr(RpTasterDay) no_access = NULL, ground_floor = NULL, lift = NULL, cancelled = NULL, blank = NULL;
  g_autoptr(RpBooking) b = NULL;
  g_autoptr(GArray) summaries = NULL;
  gint64 pathfinders = 0;
  RpBookingWarning seen;
  guint n_warned = 0;

  {
    g_autoptr(RpTasterDay) day = g_list_model_get_item (fixture->days, 3);
    pathfinders = rp_taster_day_get_provider_id (day);
  }
  /* A provider whose notes say nothing about access. */
  rp_provider_set_name (plain, "Riverbank Arts");
  rp_provider_set_notes (plain, "Pottery and painting sessions.");
  g_assert_true (rp_store_add_provider (fixture->store, plain, &error));

  /* Overlap: attendee 8 at Pathfinders on 19 October, 10:30–13:30, and on a day
   * from 12:00. Attendee 9 is on a day starting as Pathfinders' ends (no clash,
   * but the same date: warned), and attendee 10 on a day with no times, which
   * takes the whole day. */
  g_clear_object (&b);
  b = make_booking (fixture, 3, 8);
  g_assert_true (rp_store_add_booking (fixture->store, b, &error));
  g_clear_object (&b);
  b = make_booking (fixture, 3, 9);
  g_assert_true (rp_store_add_booking (fixture->store, b, &error));
  g_clear_object (&b);
  b = make_booking (fixture, 3, 10);
  g_assert_true (rp_store_add_booking (fixture->store, b, &error));
  overlap = add_day (fixture, pathfinders, "2023-10-19", "12:00", "15:00", 0);
  g_clear_object (&b);
  b = book (fixture, overlap, 8, RP_BOOKING_INVITED);
  touching = add_day (fixture, pathfinders, "2023-10-19", "13:30", "16:00", 0);
  g_clear_object (&b);
  b = book (fixture, touching, 9, RP_BOOKING_CONFIRMED);
  whole_day = add_day (fixture, pathfinders, "2023-10-19", NULL, NULL, 0);
  g_clear_object (&b);
  b = book (fixture, whole_day, 10, RP_BOOKING_ATTENDED);
  /* A clash with a day called off, even with its booking put back, or with a
   * declined booking, is no clash. */
  called_off = add_day (fixture, pathfinders, "2023-10-19", NULL, NULL, 0);
  g_clear_object (&b);
  b = book (fixture, called_off, 9, RP_BOOKING_CONFIRMED);
  g_assert_true (rp_store_cancel_taster_day (fixture->store, rp_taster_day_get_id (called_off), NULL, &error));
  g_assert_true (rp_store_save_booking (fixture->store, b, &error));
  g_clear_object (&b);
  b = book (fixture, whole_day, 9, RP_BOOKING_DECLINED);

  /* Staff clash: the same staff member with attendees 11 and 12 at once, elsewhere. */
  staff_a = add_day (fixture, pathfinders, "2023-11-08", "10:00", "12:00", 0);
  staff_b = add_day (fixture, rp_provider_get_id (plain), "2023-11-08", "11:00", "13:00", 0);
  g_clear_object (&b);
  b = book (fixture, staff_a, 11, RP_BOOKING_CONFIRMED);
  rp_booking_set_staff_id (b, rp_worker_get_id (staff));
  g_assert_true (rp_store_save_booking (fixture->store, b, &error));
  g_clear_object (&b);
  b = book (fixture, staff_b, 12, RP_BOOKING_CONFIRMED);
  rp_booking_set_staff_id (b, rp_worker_get_id (staff));
  g_assert_true (rp_store_save_booking (fixture->store, b, &error));

  /* After the closure on 31 March 2024. */
  late = add_day (fixture, pathfinders, "2024-04-10", "10:00", "12:00", 0);
  g_clear_object (&b);
  b = book (fixture, late, 8, RP_BOOKING_CONFIRMED);

  /* Over capacity: one place, two booked (a cancelled booking does not count). */
  small = add_day (fixture, pathfinders, "2023-12-06", NULL, NULL, 1);
  g_clear_object (&b);
  b = book (fixture, small, 8, RP_BOOKING_CONFIRMED);
  g_clear_object (&b);
  b = book (fixture, small, 9, RP_BOOKING_INVITED);
  g_clear_object (&b);
  b = book (fixture, small, 10, RP_BOOKING_CANCELLED);

  /* Transport needed and not arranged; needed and arranged. */
  transport = add_day (fixture, pathfinders, NULL, NULL, NULL, 0);
  g_clear_object (&b);
  b = book (fixture, transport, 8, RP_BOOKING_CONFIRMED);
  rp_booking_set_transport_needed (b, TRUE);
  g_assert_true (rp_store_save_booking (fixture->store, b, &error));
  g_clear_object (&b);
  b = book (fixture, transport, 9, RP_BOOKING_CONFIRMED);
  rp_booking_set_transport_needed (b, TRUE);
  rp_booking_set_transport_arranged (b, TRUE);
  g_assert_true (rp_store_save_booking (fixture->store, b, &error));

  /* Attendee 1 uses a wheelchair: warned where nothing mentions access, not
   * where the venue or the day's notes do, whatever their case. */
  no_access = add_day (fixture, rp_provider_get_id (plain), NULL, NULL, NULL, 0);
  g_clear_object (&b);
  b = book (fixture, no_access, 1, RP_BOOKING_CONFIRMED);
  ground_floor = add_day (fixture, rp_provider_get_id (plain), NULL, NULL, NULL, 0);
  rp_taster_day_set_venue (ground_floor, "Studio 2, GROUND FLOOR");
  g_assert_true (rp_store_save_taster_day (fixture->store, ground_floor, &error));
  g_clear_object (&b);
  b = book (fixture, ground_floor, 1, RP_BOOKING_CONFIRMED);
  lift = add_day (fixture, rp_provider_get_id (plain), NULL, NULL, NULL, 0);
  rp_taster_day_set_notes (lift, "Lift to the first floor");
  g_assert_true (rp_store_save_taster_day (fixture->store, lift, &error));
  g_clear_object (&b);
  b = book (fixture, lift, 1, RP_BOOKING_CONFIRMED);

  /* A cancelled day whose booking was put back: still no warning on the agenda. */
  cancelled = add_day (fixture, rp_provider_get_id (plain), "2024-05-01", NULL, NULL, 0);
  g_clear_object (&b);
  b = book (fixture, cancelled, 1, RP_BOOKING_CONFIRMED);
  g_assert_true (rp_store_cancel_taster_day (fixture->store, rp_taster_day_get_id (cancelled), NULL, &error));
  rp_booking_set_status (b, RP_BOOKING_CONFIRMED);
  rp_booking_set_transport_needed (b, TRUE);
  g_assert_true (rp_store_save_booking (fixture->store, b, &error));

  /* A day with no bookings at all. */
  blank = add_day (fixture, pathfinders, "2023-12-13", NULL, NULL, 4);
  g_assert_no_error (error);

  seen = assert_summaries_agree (fixture->store, rp_programme_get_id (fixture->programme), &n_warned);
  g_assert_cmpint (seen, ==, RP_BOOKING_WARNING_OVERLAP | RP_BOOKING_WARNING_OVER_CAPACITY |
                             RP_BOOKING_WARNING_AFTER_CLOSURE | RP_BOOKING_WARNING_TRANSPORT |
                             RP_BOOKING_WARNING_STAFF_CLASH | RP_BOOKING_WARNING_ACCESS |
                             RP_BOOKING_WARNING_SAME_DATE);

  /* And the figures themselves, day by day. */
  summaries = rp_store_summarise_taster_days (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary_of (summaries, overlap)->warned, ==, 1);
  /* Once no warning: two days on one date are now warned, times apart or not. */
  g_assert_cmpuint (summary_of (summaries, touching)->warned, ==, 1);
  g_assert_cmpuint (summary_of (summaries, called_off)->booked, ==, 1);
  g_assert_cmpuint (summary_of (summaries, whole_day)->booked, ==, 1);
  g_assert_cmpuint (summary_of (summaries, whole_day)->warned, ==, 1);
  g_assert_cmpuint (summary_of (summaries, called_off)->warned, ==, 0);
  g_assert_cmpuint (summary_of (summaries, staff_a)->warned, ==, 1);
  g_assert_cmpuint (summary_of (summaries, staff_b)->warned, ==, 1);
  g_assert_cmpuint (summary_of (summaries, late)->warned, ==, 1);
  g_assert_cmpuint (summary_of (summaries, small)->booked, ==, 2);
  g_assert_cmpuint (summary_of (summaries, small)->warned, ==, 2);
  g_assert_cmpuint (summary_of (summaries, transport)->booked, ==, 2);
  g_assert_cmpuint (summary_of (summaries, transport)->warned, ==, 1);
  g_assert_cmpuint (summary_of (summaries, no_access)->warned, ==, 1);
  g_assert_cmpuint (summary_of (summaries, ground_floor)->warned, ==, 0);
  g_assert_cmpuint (summary_of (summaries, lift)->warned, ==, 0);
  g_assert_cmpuint (summary_of (summaries, cancelled)->booked, ==, 1);
  g_assert_cmpuint (summary_of (summaries, cancelled)->warned, ==, 0);
  g_assert_cmpuint (summary_of (summaries, blank)->booked, ==, 0);
  g_assert_cmpuint (summary_of (summaries, blank)->warned, ==, 0);
}

/* A staff member supports attendees of more than one programme: a clash with
 * another programme's day counts on both paths, for both programmes, until
 * that day is called off. */
static void
test_summary_staff_in_another_programme (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) riverside = rp_programme_new ();
  g_autoptr(RpAttendee) aisha = rp_attendee_new ();
  g_autoptr(GListModel) workers = rp_store_list_workers (fixture->store, FALSE, NULL);
  g_autoptr(RpWorker) staff = g_list_model_get_item (workers, 0);
  g_autoptr(RpBooking) here = make_booking (fixture, 3, 8);
  g_autoptr(RpBooking) there = rp_booking_new ();
  g_autoptr(RpTasterDay) day = rp_taster_day_new ();
  g_autoptr(GArray) summaries = NULL;
  guint n_warned = 0, warned_with_clash;

  rp_programme_set_name (riverside, "Riverside");
  g_assert_true (rp_store_add_programme (fixture->store, riverside, &error));
  rp_attendee_set_programme_id (aisha, rp_programme_get_id (riverside));
  rp_attendee_set_number (aisha, 1);
  rp_attendee_set_full_name (aisha, "Aisha Rahman");
  g_assert_true (rp_store_add_attendee (fixture->store, aisha, NULL, &error));

  /* Pathfinders on 19 October, 10:30–13:30, and Riverside's day from 12:00. */
  rp_booking_set_staff_id (here, rp_worker_get_id (staff));
  g_assert_true (rp_store_add_booking (fixture->store, here, &error));
  rp_taster_day_set_programme_id (day, rp_programme_get_id (riverside));
  rp_taster_day_set_provider_id (day, 1);
  rp_taster_day_set_date (day, "2023-10-19");
  rp_taster_day_set_start_time (day, "12:00");
  rp_taster_day_set_end_time (day, "15:00");
  g_assert_true (rp_store_add_taster_day (fixture->store, day, &error));
  rp_booking_set_taster_day_id (there, rp_taster_day_get_id (day));
  rp_booking_set_attendee_id (there, rp_attendee_get_id (aisha));
  rp_booking_set_status (there, RP_BOOKING_CONFIRMED);
  rp_booking_set_staff_id (there, rp_worker_get_id (staff));
  g_assert_true (rp_store_add_booking (fixture->store, there, &error));
  g_assert_no_error (error);

  g_assert_cmphex (rp_store_check_booking (fixture->store, here, NULL, &error), ==, RP_BOOKING_WARNING_STAFF_CLASH);
  g_assert_true (rp_store_check_booking (fixture->store, there, NULL, &error) & RP_BOOKING_WARNING_STAFF_CLASH);
  g_assert_cmphex (assert_summaries_agree (fixture->store, rp_programme_get_id (fixture->programme), &n_warned) &
                   RP_BOOKING_WARNING_STAFF_CLASH, ==, RP_BOOKING_WARNING_STAFF_CLASH);
  g_assert_cmphex (assert_summaries_agree (fixture->store, rp_programme_get_id (riverside), &n_warned) &
                   RP_BOOKING_WARNING_STAFF_CLASH, ==, RP_BOOKING_WARNING_STAFF_CLASH);
  g_assert_cmpuint (n_warned, ==, 1);
  summaries = rp_store_summarise_taster_days (fixture->store, rp_programme_get_id (fixture->programme), &error);
  warned_with_clash = rp_taster_day_summary_find (summaries, day_id (fixture, 3))->warned;
  g_assert_cmpuint (warned_with_clash, >, 0);
  g_clear_pointer (&summaries, g_array_unref);

  /* Riverside's day is called off: the staff member is free again. */
  g_assert_true (rp_store_cancel_taster_day (fixture->store, rp_taster_day_get_id (day), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmphex (rp_store_check_booking (fixture->store, here, NULL, &error), ==, RP_BOOKING_WARNING_NONE);
  g_assert_cmphex (assert_summaries_agree (fixture->store, rp_programme_get_id (fixture->programme), &n_warned) &
                   RP_BOOKING_WARNING_STAFF_CLASH, ==, 0);
  summaries = rp_store_summarise_taster_days (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_taster_day_summary_find (summaries, day_id (fixture, 3))->warned, ==, warned_with_clash - 1);
}

/* A generated programme, made untidy at random: days that share dates, a few
 * places, wheelchair users, transport, staff, every status. */
static void
test_summary_generated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "generated.db", NULL);
  g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) workers = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  static const char * const times[][2] = { { "09:00", "11:00" }, { "12:00", "15:00" }, { "14:00", "16:00" }, { NULL, NULL } };
  static const char * const access[] = { NULL, "Step-free entrance", "Upstairs, no lift at present", "Café" };
  RpBookingWarning seen;
  guint n_days, n_warned = 0;

  g_assert_no_error (error);
  rp_store_set_today (store, "2023-10-15");
  programme = rp_generate_programme (store, 1000, 42, &error);
  g_assert_no_error (error);
  days = rp_store_list_taster_days (store, rp_programme_get_id (programme), NULL);
  attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), NULL);
  workers = rp_store_list_workers (store, FALSE, NULL);
  providers = rp_store_list_providers (store, NULL);
  n_days = g_list_model_get_n_items (days);

  g_assert_true (rp_store_begin (store, &error));

  /* More days on the same dates as the generated ones, at other times. */
  for (guint i = 0; i < 24; i++)
    {
      g_autoptr(RpTasterDay) like = g_list_model_get_item (days, g_rand_int_range (rand, 0, n_days));
      g_autoptr(RpTasterDay) day = rp_taster_day_new ();
      guint t = g_rand_int_range (rand, 0, G_N_ELEMENTS (times));

      rp_taster_day_set_programme_id (day, rp_programme_get_id (programme));
      rp_taster_day_set_provider_id (day, rp_taster_day_get_provider_id (like));
      rp_taster_day_set_date (day, i % 8 == 7 ? "2024-04-02" : i % 8 == 3 ? "2024-03-31" : rp_taster_day_get_date (like));
      rp_taster_day_set_start_time (day, times[t][0]);
      rp_taster_day_set_end_time (day, times[t][1]);
      rp_taster_day_set_places (day, i % 4 == 0 ? 2 : 0);
      rp_taster_day_set_venue (day, access[g_rand_int_range (rand, 0, G_N_ELEMENTS (access))]);
      rp_taster_day_set_cancelled (day, i % 6 == 5);
      g_assert_true (rp_store_add_taster_day (store, day, &error));
    }
  /* Most of the generated days without a limit, so that being full hides no other warning. */
  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);

      rp_taster_day_set_places (day, i % 4 == 0 ? 8 : 0);
      g_assert_true (rp_store_save_taster_day (store, day, &error));
    }

  g_clear_object (&days);
  days = rp_store_list_taster_days (store, rp_programme_get_id (programme), NULL);
  n_days = g_list_model_get_n_items (days);

  for (guint i = 0; i < g_list_model_get_n_items (providers); i += 2)
    {
      g_autoptr(RpProvider) provider = g_list_model_get_item (providers, i);

      rp_provider_set_notes (provider, access[g_rand_int_range (rand, 0, G_N_ELEMENTS (access))]);
      g_assert_true (rp_store_save_provider (store, provider, &error));
    }

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(RpAttendee) a = g_list_model_get_item (attendees, g_rand_int_range (rand, 0, 100));

      rp_attendee_set_wheelchair_user (a, TRUE);
      g_assert_true (rp_store_save_attendee (store, a, &error));
    }

  /* Bookings for the first 100 attendees, so that many have several. */
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(RpAttendee) a = g_list_model_get_item (attendees, g_rand_int_range (rand, 0, 100));
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, g_rand_int_range (rand, 0, n_days));
      g_autoptr(RpBooking) booking = rp_booking_new ();
      g_autoptr(GError) duplicate = NULL;

      rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (day));
      rp_booking_set_attendee_id (booking, rp_attendee_get_id (a));
      rp_booking_set_status (booking, g_rand_int_range (rand, RP_BOOKING_INVITED, RP_BOOKING_CANCELLED + 1));
      rp_booking_set_transport_needed (booking, g_rand_int_range (rand, 0, 3) == 0);
      rp_booking_set_transport_arranged (booking, g_rand_boolean (rand));
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          g_autoptr(RpWorker) staff = g_list_model_get_item (workers, g_rand_int_range (rand, 0, 3));
          rp_booking_set_staff_id (booking, rp_worker_get_id (staff));
        }
      /* The same attendee twice on one day is refused; that is not what is tested here. */
      if (!rp_store_add_booking (store, booking, &duplicate))
        g_assert_error (duplicate, RP_ERROR, RP_ERROR_DUPLICATE);
    }

  g_assert_true (rp_store_commit (store, &error));

  seen = assert_summaries_agree (store, rp_programme_get_id (programme), &n_warned);
  g_assert_cmpint (seen, ==, RP_BOOKING_WARNING_OVERLAP | RP_BOOKING_WARNING_OVER_CAPACITY |
                             RP_BOOKING_WARNING_AFTER_CLOSURE | RP_BOOKING_WARNING_TRANSPORT |
                             RP_BOOKING_WARNING_STAFF_CLASH | RP_BOOKING_WARNING_ACCESS |
                             RP_BOOKING_WARNING_SAME_DATE);
  g_assert_cmpuint (n_warned, >, 0);

  g_clear_object (&days);
  g_clear_object (&attendees);
  g_clear_object (&workers);
  g_clear_object (&providers);
  g_clear_object (&programme);
  g_assert_finalize_object (g_steal_pointer (&store));
  rp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/taster-days/check-clean", test_check_clean);
  ADD ("/core/taster-days/check-overlap-and-staff", test_check_overlap_and_staff);
  ADD ("/core/taster-days/check-capacity-closure-transport-access", test_check_capacity_closure_transport_access);
  ADD ("/core/taster-days/cancel-keeps-bookings", test_cancel_keeps_bookings);
  ADD ("/core/taster-days/attendee-bookings", test_attendee_bookings);
  ADD ("/core/taster-days/schedule-items", test_schedule_items);
  ADD ("/core/taster-days/book-several-all-or-nothing", test_book_several_all_or_nothing);
  ADD ("/core/taster-days/schedule-pdf-private", test_schedule_pdf_private);
  ADD ("/core/taster-days/check-same-date-and-already-booked", test_check_same_date_and_already_booked);
  ADD ("/core/taster-days/check-bookings-together", test_check_bookings_together);
  ADD ("/core/taster-days/add-except-booked", test_add_except_booked);
  ADD ("/core/taster-days/booking-for-attendee", test_booking_for_attendee);
  ADD ("/core/taster-days/summary-each-warning", test_summary_each_warning);
  ADD ("/core/taster-days/summary-staff-in-another-programme", test_summary_staff_in_another_programme);
#undef ADD
  g_test_add_func ("/core/taster-days/summary-generated", test_summary_generated);

  return g_test_run ();
}
