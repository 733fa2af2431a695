/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-schedule.c: a family's schedule never misleads them, and never shows them anyone else */

#include "config.h"

#include <pango/pangocairo.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <string.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "store/rp-stmt.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

#define NBSP "\xc2\xa0"

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
} Fixture;

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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static RpAttendee *
attendee (Fixture *fixture,
          int      number)
{
  RpAttendee *found = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), number, NULL);

  g_assert_nonnull (found);
  return found;
}

/* The sample's taster day of @provider on @date. */
static gint64
find_day (Fixture    *fixture,
          const char *provider,
          const char *date)
{
  g_autoptr(GListModel) days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);

      if (g_str_equal (rp_taster_day_get_provider_name (day), provider) &&
          g_strcmp0 (rp_taster_day_get_date (day), date) == 0)
        return rp_taster_day_get_id (day);
    }

  g_assert_not_reached ();
}

static gint64
find_provider (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GListModel) providers = rp_store_list_providers (fixture->store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(RpProvider) provider = g_list_model_get_item (providers, i);

      if (g_str_equal (rp_provider_get_name (provider), name))
        return rp_provider_get_id (provider);
    }

  g_assert_not_reached ();
}

/* A new taster day of @provider, from @start to @end on @date. */
static gint64
add_day (Fixture    *fixture,
         const char *provider,
         const char *date,
         const char *start,
         const char *end)
{
  g_autoptr(RpTasterDay) day = rp_taster_day_new ();
  g_autoptr(GError) error = NULL;

  rp_taster_day_set_programme_id (day, rp_programme_get_id (fixture->programme));
  rp_taster_day_set_provider_id (day, find_provider (fixture, provider));
  rp_taster_day_set_date (day, date);
  rp_taster_day_set_start_time (day, start);
  rp_taster_day_set_end_time (day, end);
  rp_taster_day_set_places (day, 6);
  g_assert_true (rp_store_add_taster_day (fixture->store, day, &error));
  g_assert_no_error (error);
  return rp_taster_day_get_id (day);
}

static RpBooking *
book (Fixture         *fixture,
      gint64           day_id,
      int              number,
      RpBookingStatus  status)
{
  g_autoptr(RpAttendee) who = attendee (fixture, number);
  g_autoptr(GError) error = NULL;
  RpBooking *booking = rp_booking_new ();

  rp_booking_set_taster_day_id (booking, day_id);
  rp_booking_set_attendee_id (booking, rp_attendee_get_id (who));
  rp_booking_set_status (booking, status);
  g_assert_true (rp_store_add_booking (fixture->store, booking, &error));
  g_assert_no_error (error);
  return booking;
}

/* The booking of attendee @number on @day_id. */
static RpBooking *
find_booking (Fixture *fixture,
              gint64   day_id,
              int      number)
{
  g_autoptr(RpAttendee) who = attendee (fixture, number);
  g_autoptr(GListModel) bookings = rp_store_list_attendee_bookings (fixture->store, rp_attendee_get_id (who), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
    {
      RpBooking *booking = g_list_model_get_item (bookings, i);

      if (rp_booking_get_taster_day_id (booking) == day_id)
        return booking;
      g_object_unref (booking);
    }

  g_assert_not_reached ();
}

static void
set_status (Fixture         *fixture,
            gint64           day_id,
            int              number,
            RpBookingStatus  status)
{
  g_autoptr(RpBooking) booking = find_booking (fixture, day_id, number);
  g_autoptr(GError) error = NULL;

  rp_booking_set_status (booking, status);
  g_assert_true (rp_store_save_booking (fixture->store, booking, &error));
  g_assert_no_error (error);
}

static RpSchedule *
schedule_of (Fixture *fixture,
             int      number)
{
  g_autoptr(RpAttendee) who = attendee (fixture, number);
  g_autoptr(GError) error = NULL;
  RpSchedule *schedule = rp_schedule_build (fixture->store, rp_attendee_get_id (who), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return schedule;
}

static RpScheduleSection *
section (RpSchedule     *schedule,
         RpScheduleKind  kind)
{
  for (guint i = 0; i < schedule->sections->len; i++)
    {
      RpScheduleSection *found = g_ptr_array_index (schedule->sections, i);

      if (found->kind == kind)
        return found;
    }

  return NULL;
}

static RpScheduleItem *
item (RpSchedule     *schedule,
      RpScheduleKind  kind,
      guint           index)
{
  RpScheduleSection *found = section (schedule, kind);

  g_assert_nonnull (found);
  g_assert_cmpuint (index, <, found->items->len);
  return g_ptr_array_index (found->items, index);
}

static const char *
line (RpScheduleItem *day,
      guint           index)
{
  g_assert_cmpuint (index, <, day->lines->len);
  return ((RpScheduleLine *) g_ptr_array_index (day->lines, index))->text;
}

/* Text as a reader sees it: non-breaking spaces and hyphens are plain ones. */
static char *
plain (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, NBSP, " ", 0);
  g_string_replace (out, "\xe2\x80\x91", "-", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @text as a reader sees it is @expected. */
#define assert_reads(text, expected) \
  G_STMT_START { \
    g_autofree char *read_ = plain (text); \
    g_assert_cmpstr (read_, ==, expected); \
  } G_STMT_END

static char *
plain_text (RpSchedule *schedule)
{
  g_autofree char *text = rp_schedule_dup_text (schedule);

  return plain (text);
}

static gboolean
contains_folded (const char *text,
                 const char *word)
{
  g_autofree char *haystack = g_utf8_casefold (text, -1);
  g_autofree char *needle = g_utf8_casefold (word, -1);

  return strstr (haystack, needle) != NULL;
}

/* Confirmed days are plans; an invitation is "to be confirmed", apart,
 * and never says "You are going to". */
static void
test_confirmed_are_plans (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RpSchedule) ella = schedule_of (fixture, 5);
  g_autoptr(RpSchedule) ben = schedule_of (fixture, 2);
  g_autofree char *ben_text = plain_text (ben);
  RpScheduleItem *day;

  /* Ella: Mosaic on 27 September and Pathfinders on 10 October, both confirmed. */
  g_assert_cmpuint (ella->sections->len, ==, 1);
  g_assert_cmpuint (rp_schedule_count_items (ella, RP_SCHEDULE_GOING), ==, 2);
  assert_reads (section (ella, RP_SCHEDULE_GOING)->heading, "Days you are going to");
  day = item (ella, RP_SCHEDULE_GOING, 0);
  g_assert_cmpstr (day->date, ==, "2023-09-27");
  assert_reads (day->heading, "Wednesday 27 September, 11 am to 3 pm");
  g_assert_cmpuint (day->lines->len, ==, 4);
  assert_reads (line (day, 0), "You are going to Mosaic, 3 Station Road.");
  assert_reads (line (day, 1), "Dee from the day centre will come with you.");
  assert_reads (line (day, 2), "Susan (mother) is coming too.");
  assert_reads (line (day, 3), "Transport will collect you at 10:15 am.");

  /* Ben: IBC on 30 September confirmed; Pathfinders on 19 October only invited. */
  g_assert_cmpuint (rp_schedule_count_items (ben, RP_SCHEDULE_GOING), ==, 1);
  g_assert_cmpuint (rp_schedule_count_items (ben, RP_SCHEDULE_TO_BE_CONFIRMED), ==, 1);
  g_assert_cmpuint (rp_schedule_count_items (ben, RP_SCHEDULE_CANCELLED), ==, 0);
  /* Plans come first. */
  g_assert_cmpint (((RpScheduleSection *) g_ptr_array_index (ben->sections, 0))->kind, ==, RP_SCHEDULE_GOING);
  day = item (ben, RP_SCHEDULE_TO_BE_CONFIRMED, 0);
  assert_reads (day->heading, "To be confirmed: Thursday 19 October, 10:30 am to 1:30 pm");
  assert_reads (line (day, 0), "You might go to Pathfinders, Unit 4, Canal Wharf.");
  assert_reads (line (day, 1), "This is not confirmed yet. The day centre will tell you if you are going.");
  /* Nothing that would only be true of a plan: who comes, transport. */
  g_assert_cmpuint (day->lines->len, ==, 2);
  assert_reads (section (ben, RP_SCHEDULE_TO_BE_CONFIRMED)->heading, "To be confirmed");
  g_assert_null (strstr (ben_text, "You are going to Pathfinders"));
  g_assert_nonnull (strstr (ben_text, "You are going to IBC, 12 High Street."));

  /* Confirming it makes it a plan. */
  set_status (fixture, find_day (fixture, "Pathfinders", "2023-10-19"), 2, RP_BOOKING_CONFIRMED);
  g_clear_pointer (&ben, rp_schedule_free);
  ben = schedule_of (fixture, 2);
  g_assert_cmpuint (rp_schedule_count_items (ben, RP_SCHEDULE_GOING), ==, 2);
  g_assert_cmpuint (rp_schedule_count_items (ben, RP_SCHEDULE_TO_BE_CONFIRMED), ==, 0);
}

/* Two days on one date never both look as if they happen: the confirmed
 * one is the plan, and says it is instead of the other. */
static void
test_clash_one_confirmed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RpSchedule) ben = NULL;
  g_autoptr(RpBooking) other = NULL;
  g_autofree char *text = NULL;
  RpScheduleItem *day;
  /* Pathfinders the same Saturday as IBC, overlapping it. */
  gint64 pathfinders = add_day (fixture, "Pathfinders", "2023-09-30", "10:30", "13:30");

  other = book (fixture, pathfinders, 2, RP_BOOKING_INVITED);
  ben = schedule_of (fixture, 2);
  text = plain_text (ben);

  g_assert_cmpuint (rp_schedule_count_items (ben, RP_SCHEDULE_GOING), ==, 1);
  day = item (ben, RP_SCHEDULE_GOING, 0);
  g_assert_cmpstr (day->date, ==, "2023-09-30");
  assert_reads (line (day, 0), "You are going to IBC, 12 High Street.");
  assert_reads (line (day, day->lines->len - 1), "You are going here, not to Pathfinders at 10:30 am.");
  /* The invitation of that Saturday is not offered as a maybe either:
   * only 19 October is to be confirmed. */
  g_assert_cmpuint (rp_schedule_count_items (ben, RP_SCHEDULE_TO_BE_CONFIRMED), ==, 1);
  g_assert_cmpstr (item (ben, RP_SCHEDULE_TO_BE_CONFIRMED, 0)->date, ==, "2023-10-19");
  g_assert_null (strstr (text, "You might go to Pathfinders, Unit 4, Canal Wharf, from 10:30 am"));

  /* Confirmed the other way round, the other is the plan. */
  set_status (fixture, pathfinders, 2, RP_BOOKING_CONFIRMED);
  set_status (fixture, find_day (fixture, "IBC", "2023-09-30"), 2, RP_BOOKING_INVITED);
  g_clear_pointer (&ben, rp_schedule_free);
  ben = schedule_of (fixture, 2);
  day = item (ben, RP_SCHEDULE_GOING, 0);
  assert_reads (line (day, 0), "You are going to Pathfinders, Unit 4, Canal Wharf.");
  assert_reads (line (day, day->lines->len - 1), "You are going here, not to IBC at 10 am.");
}

/* Neither settled, or both "confirmed": the family is told the team will
 * say which, and neither is a plan. */
static void
test_clash_unsettled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RpSchedule) ben = NULL;
  g_autoptr(RpBooking) other = NULL;
  RpScheduleItem *day;
  gint64 ibc = find_day (fixture, "IBC", "2023-09-30");
  /* The same date, not overlapping: still one day out, not two. */
  gint64 mosaic = add_day (fixture, "Mosaic", "2023-09-30", "15:00", "17:00");

  other = book (fixture, mosaic, 2, RP_BOOKING_INVITED);
  set_status (fixture, ibc, 2, RP_BOOKING_INVITED);

  for (int round = 0; round < 2; round++)
    {
      g_autofree char *text = NULL;

      g_clear_pointer (&ben, rp_schedule_free);
      ben = schedule_of (fixture, 2);
      text = plain_text (ben);

      g_assert_cmpuint (rp_schedule_count_items (ben, RP_SCHEDULE_GOING), ==, 0);
      g_assert_cmpuint (rp_schedule_count_items (ben, RP_SCHEDULE_TO_BE_CONFIRMED), ==, 2);
      day = item (ben, RP_SCHEDULE_TO_BE_CONFIRMED, 0);
      assert_reads (day->heading, "To be confirmed: Saturday 30 September");
      g_assert_cmpuint (day->lines->len, ==, 3);
      assert_reads (line (day, 0), "You might go to IBC, 12 High Street, from 10 am to 2 pm.");
      assert_reads (line (day, 1), "Or you might go to Mosaic, 3 Station Road, from 3 pm to 5 pm.");
      assert_reads (line (day, 2), "You can only go to one of these. The day centre will tell you which one.");
      g_assert_null (strstr (text, "You are going to"));

      /* Both confirmed is no more settled than neither. */
      set_status (fixture, ibc, 2, RP_BOOKING_CONFIRMED);
      set_status (fixture, mosaic, 2, RP_BOOKING_CONFIRMED);
    }
}

/* A cancelled day, or a cancelled place, is said plainly and apart; a
 * declined one, or one gone by, is not news. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RpSchedule) ella = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RpScheduleItem *day;
  gint64 mosaic = find_day (fixture, "Mosaic", "2023-09-27");
  gint64 pathfinders = find_day (fixture, "Pathfinders", "2023-10-10");

  g_assert_true (rp_store_cancel_taster_day (fixture->store, mosaic, NULL, &error));
  g_assert_no_error (error);
  ella = schedule_of (fixture, 5);
  text = plain_text (ella);

  g_assert_cmpuint (rp_schedule_count_items (ella, RP_SCHEDULE_GOING), ==, 1);
  g_assert_cmpuint (rp_schedule_count_items (ella, RP_SCHEDULE_CANCELLED), ==, 1);
  /* Plans first; cancellations last. */
  g_assert_cmpint (((RpScheduleSection *) g_ptr_array_index (ella->sections, ella->sections->len - 1))->kind, ==,
                   RP_SCHEDULE_CANCELLED);
  assert_reads (section (ella, RP_SCHEDULE_CANCELLED)->heading, "Cancelled");
  day = item (ella, RP_SCHEDULE_CANCELLED, 0);
  assert_reads (day->heading, "Cancelled: Wednesday 27 September, 11 am to 3 pm");
  assert_reads (line (day, 0), "You are not going to Mosaic on this day.");
  assert_reads (line (day, 1), "This taster day has been cancelled. Please do not go.");
  /* Nothing of what was planned for it. */
  g_assert_cmpuint (day->lines->len, ==, 2);
  g_assert_null (strstr (text, "You are going to Mosaic"));

  /* Her place alone cancelled: the day goes on without her. */
  set_status (fixture, pathfinders, 5, RP_BOOKING_CANCELLED);
  g_clear_pointer (&ella, rp_schedule_free);
  ella = schedule_of (fixture, 5);
  g_assert_cmpuint (rp_schedule_count_items (ella, RP_SCHEDULE_GOING), ==, 0);
  g_assert_cmpuint (rp_schedule_count_items (ella, RP_SCHEDULE_CANCELLED), ==, 2);
  day = item (ella, RP_SCHEDULE_CANCELLED, 1);
  assert_reads (line (day, 1), "Your place on this day has been cancelled. Please do not go.");

  /* Declined: she said no, and knows. */
  set_status (fixture, pathfinders, 5, RP_BOOKING_DECLINED);
  g_clear_pointer (&ella, rp_schedule_free);
  ella = schedule_of (fixture, 5);
  g_assert_cmpuint (rp_schedule_count_items (ella, RP_SCHEDULE_CANCELLED), ==, 1);

  /* Seen from the day after, the cancelled day is past and not shown. */
  g_clear_pointer (&ella, rp_schedule_free);
  {
    g_autoptr(RpAttendee) five = attendee (fixture, 5);

    ella = rp_schedule_build (fixture->store, rp_attendee_get_id (five), "2023-09-28", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (ella->sections->len, ==, 0);
  assert_reads (ella->empty, "No taster days are booked at the moment.");
}

/* Headings and sentences use the name the person goes by. */
static void
test_preferred_name (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RpSchedule) danny = NULL;
  g_autoptr(RpBooking) booking = NULL;
  g_autoptr(RpAttendee) four = attendee (fixture, 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  booking = book (fixture, find_day (fixture, "IBC", "2023-09-30"), 4, RP_BOOKING_CONFIRMED);
  danny = schedule_of (fixture, 4);
  text = plain_text (danny);

  g_assert_cmpstr (rp_attendee_get_full_name (four), ==, "Daniel Okoro");
  g_assert_cmpstr (danny->name, ==, "Danny");
  assert_reads (danny->title, "Taster days for Danny");
  g_assert_null (strstr (text, "Daniel"));
  g_assert_null (strstr (text, "Okoro"));

  /* A name of two words (held on one line: see /core/schedule/no-break). */
  rp_attendee_set_preferred_name (four, "Danny Boy");
  g_assert_true (rp_store_save_attendee (fixture->store, four, &error));
  g_assert_no_error (error);
  g_clear_pointer (&danny, rp_schedule_free);
  danny = schedule_of (fixture, 4);
  assert_reads (danny->title, "Taster days for Danny Boy");

  /* No preferred name: the full name is the one they go by. */
  g_clear_pointer (&danny, rp_schedule_free);
  danny = schedule_of (fixture, 5);
  assert_reads (danny->title, "Taster days for Ella Morgan");
}

static void
set_worker_phone (Fixture    *fixture,
                  const char *name,
                  const char *phone,
                  gboolean    active)
{
  g_autoptr(GListModel) workers = rp_store_list_workers (fixture->store, TRUE, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

      if (!g_str_equal (rp_worker_get_name (worker), name))
        continue;
      rp_worker_set_phone (worker, phone);
      rp_worker_set_active (worker, active);
      g_assert_true (rp_store_save_worker (fixture->store, worker, &error));
      g_assert_no_error (error);
      return;
    }

  g_assert_not_reached ();
}

static void
set_family_contact (Fixture    *fixture,
                    const char *contact,
                    const char *phone)
{
  g_autoptr(RpProgramme) programme = rp_store_get_programme (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(GError) error = NULL;

  rp_programme_set_family_contact (programme, contact);
  rp_programme_set_family_contact_phone (programme, phone);
  g_assert_true (rp_store_save_programme (fixture->store, programme, &error));
  g_assert_no_error (error);
}

static char *
contact_of (Fixture *fixture,
            int      number)
{
  g_autoptr(RpSchedule) schedule = schedule_of (fixture, number);

  return plain (schedule->contact);
}

/* Whom to call: the allocated worker, else the programme's contact for
 * families, else whom to ask; never a blank, never someone who has left. */
static void
test_contact (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RpSchedule) schedule = NULL;
  g_autoptr(RpAttendee) danny = attendee (fixture, 4);
  g_autoptr(GError) error = NULL;
  char *contact;

  /* Danny's worker is Priya Mistry. */
  g_assert_cmpstr (rp_attendee_get_worker_name (danny), ==, "Priya Mistry");

  set_worker_phone (fixture, "Priya Mistry", "0116 496 0201", TRUE);
  set_family_contact (fixture, "the day centre office", "0116-496-0100");
  schedule = schedule_of (fixture, 4);
  assert_reads (schedule->contact, "If you have questions, call Priya Mistry on 0116 496 0201.");

  /* The worker has no number: the programme's contact. The number holds
   * together, hyphens too; a contact too long for a narrow line may wrap. */
  set_worker_phone (fixture, "Priya Mistry", NULL, TRUE);
  g_clear_pointer (&schedule, rp_schedule_free);
  schedule = schedule_of (fixture, 4);
  assert_reads (schedule->contact, "If you have questions, call the day centre office on 0116-496-0100.");
  set_family_contact (fixture, "Jo Taylor", "0116-496-0100");
  g_clear_pointer (&schedule, rp_schedule_free);
  schedule = schedule_of (fixture, 4);
  assert_reads (schedule->contact, "If you have questions, call Jo Taylor on 0116-496-0100.");

  set_family_contact (fixture, NULL, "0116 496 0100");
  contact = contact_of (fixture, 4);
  assert_reads (contact, "If you have questions, call the day centre on 0116 496 0100.");
  g_free (contact);

  /* No number at all: whom to ask, by name. */
  set_family_contact (fixture, "the day centre office", NULL);
  contact = contact_of (fixture, 4);
  assert_reads (contact, "If you have questions, ask your social worker, Priya Mistry.");
  g_free (contact);

  /* A worker who has left is not the one to call, even with a number. */
  set_worker_phone (fixture, "Priya Mistry", "0116 496 0201", FALSE);
  contact = contact_of (fixture, 4);
  assert_reads (contact, "If you have questions, ask the day centre office.");
  g_free (contact);

  /* Nobody allocated and no contact: still someone to ask. */
  set_family_contact (fixture, NULL, NULL);
  rp_attendee_set_worker_id (danny, 0);
  g_assert_true (rp_store_save_attendee (fixture->store, danny, &error));
  g_assert_no_error (error);
  contact = contact_of (fixture, 4);
  assert_reads (contact, "If you have questions, ask the staff at the day centre.");
  g_free (contact);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold 20");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Checks where Pango starts new lines in @text, at every width from the
 * widest of its unbreakable runs (what is held together by non-breaking
 * spaces) to a whole A4 line: never just after a non-breaking space, nor
 * with one. */
static void
assert_breaks_sensibly (const char *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_auto(GStrv) runs = g_strsplit (text, " ", -1);
  int widest = 0;

  for (guint i = 0; runs[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) run = make_layout (cr, runs[i]);
      int width;

      pango_layout_get_pixel_size (run, &width, NULL);
      widest = MAX (widest, width);
    }

  for (int width = widest + 1; width <= 440; width += 3)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, text);

      pango_layout_set_width (layout, width * PANGO_SCALE);
      for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
        {
          int start = pango_layout_line_get_start_index (l->data);

          if (start >= 2 && memcmp (text + start - 2, NBSP, 2) == 0)
            g_test_fail_printf ("“%s” breaks after a non-breaking space at %d points", text, width);
          if (start > 0 && strncmp (text + start, NBSP, 2) == 0)
            g_test_fail_printf ("“%s” breaks before a non-breaking space at %d points", text, width);
        }
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Dates, times, names and numbers never break across lines, at any width
 * where they fit: the sheet's 20-point type from a narrow phone to A4. */
static void
test_no_break (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RpSchedule) ben = NULL;
  g_autoptr(RpBooking) other = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  set_worker_phone (fixture, "Rob Hughes", "0116 496 0202", TRUE);
  other = book (fixture, add_day (fixture, "FTM Dance", "2023-10-19", "12:00", "16:45"), 2, RP_BOOKING_INVITED);
  ben = schedule_of (fixture, 2);
  text = rp_schedule_dup_text (ben);

  /* Names, numbers, the day and month, each time; and the last two words
   * of every heading and sentence, so that none ends with a word alone. */
  g_assert_cmpstr (ben->title, ==, "Taster days for" NBSP "Ben");
  g_assert_cmpstr (ben->contact, ==, "If you have questions, call Rob" NBSP "Hughes on 0116" NBSP "496" NBSP "0202.");
  g_assert_cmpstr (item (ben, RP_SCHEDULE_GOING, 0)->heading, ==, "Saturday 30" NBSP "September, 10" NBSP "am to" NBSP "2" NBSP "pm");
  g_assert_nonnull (strstr (text, "\nYou are going to IBC, 12" NBSP "High" NBSP "Street.\n"));
  g_assert_nonnull (strstr (text, "\nMargaret" NBSP "(mother) is coming" NBSP "too.\n"));
  g_assert_nonnull (strstr (text, "\nTransport will collect you at" NBSP "9:15" NBSP "am.\n"));
  /* Not "Thursday 19 October": too long to hold together in a narrow window. */
  g_assert_nonnull (strstr (text, "\nTo be confirmed: Thursday 19" NBSP "October\n"));
  g_assert_nonnull (strstr (text, "\nYou might go to Pathfinders, Unit" NBSP "4, Canal Wharf, from 10:30" NBSP "am to" NBSP "1:30" NBSP "pm.\n"));
  g_assert_nonnull (strstr (text, "\nOr you might go to FTM" NBSP "Dance, The Old Library, Church Lane, from midday to" NBSP "4:45" NBSP "pm.\n"));
  g_assert_nonnull (strstr (text, "\nDays you are going" NBSP "to\n"));

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    assert_breaks_sensibly (lines[i]);

  /* Held together, no run is too wide for a phone: 20-point bold fits 300
   * points with room to spare at 360 pixels less the margins and icon. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) runs = g_strsplit (lines[i], " ", -1);

      for (guint j = 0; runs[j] != NULL; j++)
        if (g_utf8_strlen (runs[j], -1) > 20)
          g_test_fail_printf ("“%s” holds %ld characters together", runs[j], g_utf8_strlen (runs[j], -1));
    }
}

/* Writes @family on @booking_id as a file from before the name checks,
 * or another program, may hold it: hidden characters and all. */
static void
set_family_raw (Fixture    *fixture,
                gint64      booking_id,
                const char *family)
{
  RpStmt *stmt = NULL;

  g_assert_cmpint (rp_stmt_prepare (fixture->store, "UPDATE booking SET family_attending = ?1 WHERE id = ?2", &stmt),
                   ==, RP_STMT_OK);
  rp_stmt_bind_text (stmt, 1, family);
  rp_stmt_bind_int64 (stmt, 2, booking_id);
  g_assert_cmpint (rp_stmt_step (stmt), ==, RP_STMT_DONE);
  rp_stmt_finalize (stmt);
}

/* Several people's family: "are", and each held together. */
static void
test_family_words (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RpBooking) booking = find_booking (fixture, find_day (fixture, "IBC", "2023-09-30"), 2);
  g_autoptr(RpSchedule) ben = NULL;
  g_autoptr(GError) error = NULL;

  rp_booking_set_family_attending (booking, "Margaret (mother) and Ben’s sister");
  g_assert_true (rp_store_save_booking (fixture->store, booking, &error));
  g_assert_no_error (error);
  ben = schedule_of (fixture, 2);
  assert_reads (line (item (ben, RP_SCHEDULE_GOING, 0), 2), "Margaret (mother) and Ben’s sister are coming too.");

  /* A hidden character, or a line break, from an older file is not printed. */
  set_family_raw (fixture, rp_booking_get_id (booking), "Marg\xe2\x80\x8b" "aret (mother),\nMum\xe2\x80\xae");
  g_clear_pointer (&ben, rp_schedule_free);
  ben = schedule_of (fixture, 2);
  assert_reads (line (item (ben, RP_SCHEDULE_GOING, 0), 2), "Margaret (mother), Mum are coming too.");
}

/* Runs pdftotext on @path; %NULL (and the test skipped) without it. */
static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { pdftotext, path, "-", NULL };

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return NULL;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  return plain (text);
}

static gint64
add_worker (Fixture      *fixture,
            const char   *name,
            const char   *initials,
            RpWorkerRole  role,
            const char   *phone)
{
  g_autoptr(RpWorker) worker = rp_worker_new ();
  g_autoptr(GError) error = NULL;

  rp_worker_set_name (worker, name);
  rp_worker_set_initials (worker, initials);
  rp_worker_set_role (worker, role);
  rp_worker_set_phone (worker, phone);
  g_assert_true (rp_store_add_worker (fixture->store, worker, &error));
  g_assert_no_error (error);
  return rp_worker_get_id (worker);
}

/* Another attendee on the same days as Ella, with every detail of theirs
 * that must never reach Ella's family: name, number, contact, family,
 * worker and the staff who go with them. */
static const char * const stranger_words[] = {
  "Zoë O’Brien-Whitfield", "Zoe", "Whitfield", "Zed", "4711", "attendee 4711",
  "Hildegard Quennell", "Hildegard", "Quennell", "07700 900999", "grandmother",
  "Bartholomew Fenwick", "Bartholomew", "Fenwick", "0116 496 0999",
  "Ottoline Strachan", "Ottoline", "Strachan",
  NULL
};

static void
add_stranger (Fixture *fixture)
{
  g_autoptr(RpAttendee) stranger = rp_attendee_new ();
  g_autoptr(GError) error = NULL;
  gint64 days[] = { find_day (fixture, "Mosaic", "2023-09-27"), find_day (fixture, "Pathfinders", "2023-10-10") };
  gint64 staff = add_worker (fixture, "Ottoline Strachan", "OS", RP_WORKER_ROLE_DAY_CENTRE_STAFF, "0116 496 0998");

  rp_attendee_set_programme_id (stranger, rp_programme_get_id (fixture->programme));
  rp_attendee_set_number (stranger, 4711);
  rp_attendee_set_full_name (stranger, "Zoë O’Brien-Whitfield");
  rp_attendee_set_preferred_name (stranger, "Zed");
  rp_attendee_set_contact_name (stranger, "Hildegard Quennell");
  rp_attendee_set_contact_relationship (stranger, "Grandmother");
  rp_attendee_set_contact_phone (stranger, "07700 900999");
  rp_attendee_set_worker_id (stranger, add_worker (fixture, "Bartholomew Fenwick", "BF", RP_WORKER_ROLE_SOCIAL_WORKER,
                                                   "0116 496 0999"));
  g_assert_true (rp_store_add_attendee (fixture->store, stranger, "2023-09-01", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(RpBooking) booking = rp_booking_new ();

      rp_booking_set_taster_day_id (booking, days[i]);
      rp_booking_set_attendee_id (booking, rp_attendee_get_id (stranger));
      rp_booking_set_status (booking, i == 0 ? RP_BOOKING_CONFIRMED : RP_BOOKING_INVITED);
      rp_booking_set_staff_id (booking, staff);
      rp_booking_set_family_attending (booking, "Hildegard Quennell (grandmother)");
      rp_booking_set_transport_needed (booking, TRUE);
      rp_booking_set_transport_arranged (booking, TRUE);
      rp_booking_set_pickup_time (booking, "08:50");
      g_assert_true (rp_store_add_booking (fixture->store, booking, &error));
      g_assert_no_error (error);
    }
}

static void
assert_no_stranger (const char *text,
                    const char *where)
{
  for (guint i = 0; stranger_words[i] != NULL; i++)
    if (contains_folded (text, stranger_words[i]))
      g_test_fail_printf ("%s shows “%s”, which is another attendee’s", where, stranger_words[i]);
  /* Their pick-up time is theirs too. */
  if (strstr (text, "8:50") != NULL)
    g_test_fail_printf ("%s shows another attendee’s pick-up time", where);
}

/* No one else's data, ever: not on screen, not in the PDF, not even when
 * their family's name was typed on Ella's own booking by mistake. */
static void
test_no_one_else (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RpAttendee) five = attendee (fixture, 5);
  g_autoptr(RpSchedule) ella = NULL;
  g_autoptr(RpBooking) mistaken = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "ella.pdf", NULL);
  g_autofree char *printed = NULL;
  gint64 id = rp_attendee_get_id (five);

  add_stranger (fixture);

  /* The wrong grandmother lands on Ella's booking for 10 October, hidden
   * behind a zero-width space and a curly apostrophe. */
  mistaken = find_booking (fixture, find_day (fixture, "Pathfinders", "2023-10-10"), 5);
  set_family_raw (fixture, rp_booking_get_id (mistaken), "Hilde\xe2\x80\x8bgard Quennell’s family (grandmother)");

  ella = rp_schedule_build (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  text = plain_text (ella);
  g_test_message ("%s", text);

  /* Her own days are all there, with her own family. */
  g_assert_cmpuint (rp_schedule_count_items (ella, RP_SCHEDULE_GOING), ==, 2);
  g_assert_nonnull (strstr (text, "Susan (mother) is coming too."));
  g_assert_nonnull (strstr (text, "The day centre will tell you who from your family is coming."));
  g_assert_null (strstr (text, "Susan keen on Mosaic"));   /* her private case notes */
  assert_no_stranger (text, "The family window");

  g_array_append_val (ids, id);
  g_assert_true (rp_schedule_write_pdf (fixture->store, ids, NULL, path, &error));
  g_assert_no_error (error);
  if ((printed = pdf_text (path)) == NULL)
    return;
  g_assert_nonnull (strstr (printed, "Taster days for Ella Morgan"));
  g_assert_nonnull (strstr (printed, "Susan (mother) is coming too."));
  assert_no_stranger (printed, "The PDF");

  /* Nor is anyone of the sample's other attendees, or their families. */
  {
    g_autoptr(GListModel) attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL);

    for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
      {
        g_autoptr(RpAttendee) other = g_list_model_get_item (attendees, i);

        if (rp_attendee_get_id (other) == id)
          continue;
        if (strstr (printed, rp_attendee_get_full_name (other)) != NULL ||
            strstr (text, rp_attendee_get_full_name (other)) != NULL ||
            (rp_attendee_get_contact_name (other) != NULL && strstr (printed, rp_attendee_get_contact_name (other)) != NULL))
          g_test_fail_printf ("Ella's schedule names attendee %d or their family", rp_attendee_get_number (other));
      }
  }
}

/* The PDF says what the screen says: plans, "to be confirmed" and
 * cancellations under their headings, and whom to call. */
static void
test_pdf_sections (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RpAttendee) two = attendee (fixture, 2);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "ben.pdf", NULL);
  g_autofree char *printed = NULL;
  gint64 id = rp_attendee_get_id (two);
  const char *order[] = {
    "Taster days for Ben", "If you have questions, call Rob Hughes on 0116 496 0202.",
    "Days you are going to", "Saturday 30 September, 10 am to 2 pm", "You are going to IBC",
    "To be confirmed", "To be confirmed: Thursday 19 October", "You might go to Pathfinders",
    "Cancelled", "Cancelled: Wednesday 27 September", "You are not going to Mosaic on this day.",
  };
  const char *at;

  {
    g_autoptr(RpBooking) booking = book (fixture, find_day (fixture, "Mosaic", "2023-09-27"), 2, RP_BOOKING_CONFIRMED);

    g_assert_true (rp_store_cancel_taster_day (fixture->store, find_day (fixture, "Mosaic", "2023-09-27"), NULL, &error));
    g_assert_no_error (error);
  }

  g_array_append_val (ids, id);
  g_assert_true (rp_schedule_write_pdf (fixture->store, ids, NULL, path, &error));
  g_assert_no_error (error);
  if ((printed = pdf_text (path)) == NULL)
    return;

  /* pdftotext keeps the layout's line breaks; a reader does not see them. */
  g_strdelimit (printed, "\n", ' ');
  at = printed;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *found = strstr (at, order[i]);

      if (found == NULL)
        g_test_fail_printf ("the PDF does not say “%s” where expected:\n%s", order[i], printed);
      else
        at = found + strlen (order[i]);
    }
}

/* A long schedule runs over pages: each day whole on one page, a section's
 * heading never alone at the foot, and later pages say whose sheet it is. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RpAttendee) five = attendee (fixture, 5);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RpScheduleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "long.pdf", NULL);
  g_autofree char *printed = NULL;
  gint64 id = rp_attendee_get_id (five);

  for (int day = 1; day <= 9; day++)
    {
      g_autofree char *date = g_strdup_printf ("2023-11-%02d", day);
      g_autoptr(RpBooking) booking = book (fixture, add_day (fixture, "IBC", date, "10:00", "14:00"), 5,
                                           day % 3 == 0 ? RP_BOOKING_INVITED : RP_BOOKING_CONFIRMED);
    }

  g_array_append_val (ids, id);
  document = rp_schedule_document_new (fixture->store, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_schedule_document_get_n_pages (document), >=, 2);

  g_assert_true (rp_schedule_write_pdf (fixture->store, ids, NULL, path, &error));
  g_assert_no_error (error);
  if ((printed = pdf_text (path)) == NULL)
    return;

  {
    g_auto(GStrv) pages = g_strsplit (printed, "\f", -1);

    g_assert_cmpuint (g_strv_length (pages), >=, 3);   /* the last is after the final form feed */
    g_assert_nonnull (strstr (pages[0], "Taster days for Ella Morgan"));
    for (guint p = 1; pages[p] != NULL && pages[p][0] != '\0'; p++)
      {
        g_autofree char *stripped = g_strstrip (g_strdup (pages[p]));

        g_assert_true (g_str_has_prefix (stripped, "Taster days for Ella Morgan (continued)"));
      }
    for (guint p = 0; pages[p] != NULL; p++)
      {
        g_autofree char *stripped = g_strstrip (g_strdup (pages[p]));

        /* A heading is never the last thing on its page. */
        g_assert_false (g_str_has_suffix (stripped, "Days you are going to"));
        g_assert_false (g_str_has_suffix (stripped, "Please only go if the day centre tells you to."));
      }
  }
}

/* Runs reprovision-cli with @args after its name; its output in @out, its errors in @err. */
static int
run_cli (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  int wait_status = 0;

  g_assert_nonnull (g_getenv ("REPROVISION_CLI"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("REPROVISION_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out != NULL ? out : &ignored_out, err != NULL ? err : &ignored_err,
                               &wait_status, &error));
  g_assert_no_error (error);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* The programme's contact for families is set from the command line, and
 * the family of an attendee whose worker has no number is given it. */
static void
test_contact_cli (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "programme.db", NULL);
  g_autofree char *path = rp_test_store_location (file);
  g_autofree char *pdf = g_build_filename (fixture->dir, "chloe.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *printed = NULL;
  const char *set[] = { "programme", "--database", path, "--family-contact", "the duty desk",
                        "--family-phone", "0116 496 0300", NULL };
  const char *wrong[] = { "programme", "--database", path, "--family-phone", "ring reception", NULL };
  const char *schedule[] = { "schedule", "--database", path, "--attendee", "3", "--from", "2023-09-22",
                             "--output", pdf, "--reason", "for the family", NULL };
  g_autoptr(RpBooking) booking = NULL;
  g_autoptr(RpProgramme) stored = NULL;

  g_assert_cmpint (run_cli (set, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "the duty desk"));
  g_assert_nonnull (strstr (out, "0116 496 0300"));
  stored = rp_store_get_programme (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpstr (rp_programme_get_family_contact (stored), ==, "the duty desk");
  g_assert_cmpstr (rp_programme_get_family_contact_phone (stored), ==, "0116 496 0300");

  /* Words where a number should be are refused, and nothing changes. */
  g_assert_cmpint (run_cli (wrong, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "six digits"));
  g_clear_object (&stored);
  stored = rp_store_get_programme (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpstr (rp_programme_get_family_contact_phone (stored), ==, "0116 496 0300");

  /* Chloe's worker, Mel Lewis, has no number in the sample. */
  booking = book (fixture, find_day (fixture, "IBC", "2023-09-30"), 3, RP_BOOKING_CONFIRMED);
  g_assert_cmpint (run_cli (schedule, NULL, NULL), ==, 0);
  if ((printed = pdf_text (pdf)) == NULL)
    return;
  g_strdelimit (printed, "\n", ' ');
  g_assert_nonnull (strstr (printed, "If you have questions, call the duty desk on 0116 496 0300."));
}

/* Reading a schedule PDF back, as a reader would meet it ------------------ */

/* One tagged paragraph or heading of the PDF, where its first line starts. */
typedef struct
{
  guint  page;       /* from 1 */
  char   tag[8];     /* "H1", "P"… */
  double size;       /* the font size, in points, of its first line */
  double x;
  double baseline;   /* from the top of the page */
  char  *text;       /* its words, as pdftotext reads them */
} PdfBlock;

static void
pdf_block_clear (gpointer data)
{
  g_free (((PdfBlock *) data)->text);
}

/* Every text size the PDF draws (cairo writes "s 0 0 -s x y Tm" with a
 * 1 pt font), and where each tagged block starts, page by page. */
static GArray *
pdf_blocks (const char *path,
            GArray     *sizes)
{
  g_autoptr(GPtrArray) streams = rp_test_pdf_streams (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) tm = g_regex_new ("^(-?[0-9.]+) 0 0 (-?[0-9.]+) ([0-9.]+) ([0-9.]+) Tm$", G_REGEX_MULTILINE, 0, NULL);
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (PdfBlock));
  guint page = 0;

  g_array_set_clear_func (blocks, pdf_block_clear);
  for (guint s = 0; s < streams->len; s++)
    {
      const char *content = g_ptr_array_index (streams, s);
      g_auto(GStrv) lines = NULL;
      PdfBlock pending = { 0 };
      gboolean want = FALSE;

      if (strstr (content, " BDC") == NULL || strstr (content, " Tm") == NULL)
        continue;

      page++;
      lines = g_strsplit (content, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(GMatchInfo) m = NULL;

          if (lines[i][0] == '/' && g_str_has_suffix (lines[i], " BDC") && strstr (lines[i], "/MCID") != NULL)
            {
              memset (&pending, 0, sizeof pending);
              sscanf (lines[i], "/%7[A-Za-z0-9]", pending.tag);
              want = TRUE;
            }
          else if (g_regex_match (tm, lines[i], 0, &m))
            {
              g_autofree char *a = g_match_info_fetch (m, 1);
              g_autofree char *x = g_match_info_fetch (m, 3);
              g_autofree char *y = g_match_info_fetch (m, 4);
              double size = g_ascii_strtod (a, NULL);

              if (sizes != NULL)
                g_array_append_val (sizes, size);
              if (want)
                {
                  pending.page = page;
                  pending.size = size;
                  pending.x = g_ascii_strtod (x, NULL);
                  pending.baseline = g_ascii_strtod (y, NULL);
                  g_array_append_val (blocks, pending);
                  want = FALSE;
                }
            }
        }
    }

  /* The words, from pdftotext, each to the block it falls under. */
  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *html = NULL;
    const char *args[] = { pdftotext, "-bbox", path, "-", NULL };
    g_autoptr(GRegex) word = g_regex_new ("<page |<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\"[^>]*>([^<]*)</word>", 0, 0, NULL);
    g_autoptr(GMatchInfo) m = NULL;
    guint word_page = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &html, NULL, NULL, &error));
    g_assert_no_error (error);
    for (g_regex_match (word, html, 0, &m); g_match_info_matches (m); g_match_info_next (m, NULL))
      {
        g_autofree char *whole = g_match_info_fetch (m, 0);
        g_autofree char *top_text = NULL;
        g_autofree char *text = NULL;
        PdfBlock *owner = NULL;
        double top;

        if (g_str_has_prefix (whole, "<page "))
          {
            word_page++;
            continue;
          }
        top_text = g_match_info_fetch (m, 2);
        text = g_match_info_fetch (m, 3);
        top = g_ascii_strtod (top_text, NULL);
        for (guint b = 0; b < blocks->len; b++)
          {
            PdfBlock *block = &g_array_index (blocks, PdfBlock, b);

            if (block->page == word_page && block->baseline - block->size - 2 <= top)
              owner = block;
          }
        if (owner == NULL)
          g_error ("“%s” at %g on page %u is under no block of %u", text, top, word_page, blocks->len);
        {
          char *longer = owner->text == NULL ? g_strdup (text) : g_strconcat (owner->text, " ", text, NULL);

          g_free (owner->text);
          owner->text = longer;
        }
      }
  }

  return blocks;
}

/* Renders @page at 72 dpi (a pixel a point); %NULL without pdftoppm. */
static cairo_surface_t *
pdf_page_image (Fixture    *fixture,
                const char *path,
                guint       page)
{
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *prefix = g_build_filename (fixture->dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *args[] = { pdftoppm, "-r", "72", "-png", "-singlefile", "-f", number, "-l", number, path, prefix, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (pdftoppm == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  return cairo_image_surface_create_from_png (png);
}

/* Whether the picture column, left of a block's first line, holds the
 * pictures' blue: text is black, so only a picture can put it there. */
static gboolean
picture_beside (cairo_surface_t *image,
                const PdfBlock  *block)
{
  const guint8 *pixels = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int blue = 0;

  cairo_surface_flush (image);
  for (int y = MAX (0, (int) (block->baseline - block->size - 8)); y < (int) block->baseline + 2; y++)
    for (int x = 50; x < 50 + 34; x++)
      {
        const guint8 *p = pixels + y * stride + x * 4;   /* B G R A, little-endian */

        if (p[0] > 140 && p[2] < 90)
          blue++;
      }

  return blue > 10;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static guint
count_words (const char *sentence)
{
  g_auto(GStrv) words = g_strsplit_set (sentence, " \n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      n++;
  return n;
}

/* Ella's sheet, long enough for several pages, in @format. */
static char *
write_in_format (Fixture          *fixture,
                 const char       *needs,
                 const char       *contact_needs,
                 const char       *name)
{
  g_autoptr(RpAttendee) five = attendee (fixture, 5);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);
  gint64 id = rp_attendee_get_id (five);

  rp_attendee_set_communication_needs (five, needs);
  rp_attendee_set_contact_communication_needs (five, contact_needs);
  g_assert_true (rp_store_save_attendee (fixture->store, five, &error));
  g_assert_no_error (error);

  g_array_append_val (ids, id);
  g_assert_true (rp_schedule_write_pdf (fixture->store, ids, NULL, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
add_many_days (Fixture *fixture)
{
  for (int day = 1; day <= 6; day++)
    {
      g_autofree char *date = g_strdup_printf ("2023-11-%02d", day);
      g_autoptr(RpBooking) booking = book (fixture, add_day (fixture, "IBC", date, "10:00", "14:00"), 5,
                                           day % 2 ? RP_BOOKING_CONFIRMED : RP_BOOKING_INVITED);
    }
}

/* Large print is 16 pt and more, every word of it, read back from the PDF. */
static void
test_pdf_large_print (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain_sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = NULL;
  g_autofree char *plain_path = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(GArray) plain_blocks = NULL;
  double smallest = G_MAXDOUBLE;

  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  add_many_days (fixture);
  /* The family contact's need is enough: the sheet is for them both. */
  path = write_in_format (fixture, NULL, "large-print", "large.pdf");
  blocks = pdf_blocks (path, sizes);
  g_assert_cmpuint (sizes->len, >, 20);
  for (guint i = 0; i < sizes->len; i++)
    smallest = MIN (smallest, g_array_index (sizes, double, i));
  g_assert_cmpfloat (smallest, >=, 16.0);
  g_assert_cmpuint (g_array_index (blocks, PdfBlock, blocks->len - 1).page, >, 1);

  /* With no needs recorded the sheet is plain, ordinary print: the check
   * above can fail. */
  plain_path = write_in_format (fixture, NULL, NULL, "plain.pdf");
  plain_blocks = pdf_blocks (plain_path, plain_sizes);
  smallest = G_MAXDOUBLE;
  for (guint i = 0; i < plain_sizes->len; i++)
    smallest = MIN (smallest, g_array_index (plain_sizes, double, i));
  g_assert_cmpfloat (smallest, <, 14.0);
}

/* Easy read: at least 14 pt, a picture on the left of every point, short
 * sentences, no capitals for emphasis, and the hard word explained. */
static void
test_pdf_easy_read (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = NULL;
  g_autofree char *plain_path = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(GArray) plain_blocks = NULL;
  cairo_surface_t *image = NULL;
  guint image_page = 0;
  guint n_points = 0;
  gboolean explained = FALSE;

  if (!have_program ("pdftotext") || !have_program ("pdftoppm"))
    {
      g_test_skip ("pdftotext or pdftoppm is not installed");
      return;
    }

  add_many_days (fixture);
  path = write_in_format (fixture, "Easy Read, reader", NULL, "easy.pdf");
  blocks = pdf_blocks (path, sizes);

  for (guint i = 0; i < sizes->len; i++)
    g_assert_cmpfloat (g_array_index (sizes, double, i), >=, 14.0);

  for (guint i = 0; i < blocks->len; i++)
    {
      const PdfBlock *block = &g_array_index (blocks, PdfBlock, i);
      g_auto(GStrv) words = NULL;
      GString *sentence = g_string_new (NULL);

      g_assert_nonnull (block->text);
      explained |= strstr (block->text, "A taster day is") != NULL;

      /* Sentences of 15 words or fewer; a heading counts as one. */
      words = g_strsplit (block->text, " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          gsize n = strlen (words[w]);
          guint letters = 0;
          gboolean capitals = TRUE;

          /* A short name such as "IBC" or "BSL" is not emphasis. */
          for (gsize c = 0; c < n; c++)
            if (g_ascii_isalpha (words[w][c]))
              {
                letters++;
                capitals &= g_ascii_isupper (words[w][c]);
              }
          capitals &= letters >= 4;
          if (capitals)
            g_test_fail_printf ("“%s” is in capitals: %s", words[w], block->text);

          g_string_append_printf (sentence, "%s ", words[w]);
          if (words[w + 1] == NULL || (n > 0 && strchr (".?!", words[w][n - 1]) != NULL))
            {
              if (count_words (sentence->str) > 15)
                g_test_fail_printf ("a sentence of %u words: %s", count_words (sentence->str), sentence->str);
              g_string_truncate (sentence, 0);
            }
        }
      g_string_free (sentence, TRUE);

      /* The title is the one line without a picture. */
      if (g_str_equal (block->tag, "H1"))
        continue;

      if (block->page != image_page)
        {
          g_clear_pointer (&image, cairo_surface_destroy);
          image = pdf_page_image (fixture, path, block->page);
          image_page = block->page;
          g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
        }
      n_points++;
      g_assert_cmpfloat (block->x, >, 50 + 34);
      if (!picture_beside (image, block))
        g_test_fail_printf ("no picture beside “%s” on page %u", block->text, block->page);
    }
  g_clear_pointer (&image, cairo_surface_destroy);
  g_assert_cmpuint (n_points, >, 20);
  g_assert_true (explained);
  g_assert_cmpuint (g_array_index (blocks, PdfBlock, blocks->len - 1).page, >, 1);

  /* The plain sheet has no pictures: the check above can fail. */
  plain_path = write_in_format (fixture, NULL, NULL, "plain.pdf");
  plain_blocks = pdf_blocks (plain_path, NULL);
  image = pdf_page_image (fixture, plain_path, 1);
  for (guint i = 0; i < plain_blocks->len; i++)
    if (g_array_index (plain_blocks, PdfBlock, i).page == 1)
      g_assert_false (picture_beside (image, &g_array_index (plain_blocks, PdfBlock, i)));
  cairo_surface_destroy (image);
}

/* A language other than English is told to the coordinator, and never
 * printed on the sheet or guessed. */
static void
test_language_warning (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpAttendee) five = attendee (fixture, 5);
  g_autoptr(RpSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  schedule = schedule_of (fixture, 5);
  g_assert_null (schedule->language_warning);
  g_clear_pointer (&schedule, rp_schedule_free);

  rp_attendee_set_contact_communication_needs (five, "interpreter");
  rp_attendee_set_contact_interpreter_language (five, " Polish ");
  rp_attendee_set_communication_notes (five, "Private: Zebedee signs");
  g_assert_true (rp_store_save_attendee (fixture->store, five, &error));
  g_assert_no_error (error);

  schedule = schedule_of (fixture, 5);
  g_assert_nonnull (schedule->language_warning);
  g_assert_nonnull (strstr (schedule->language_warning, "family contact needs Polish"));
  g_assert_nonnull (strstr (schedule->language_warning, "does not translate"));
  text = rp_schedule_dup_text (schedule);
  g_assert_null (strstr (text, "Polish"));
  g_assert_null (strstr (text, "Zebedee"));

  /* English is not flagged, however it is written. */
  g_clear_pointer (&schedule, rp_schedule_free);
  rp_attendee_set_contact_interpreter_language (five, "english");
  g_assert_true (rp_store_save_attendee (fixture->store, five, &error));
  schedule = schedule_of (fixture, 5);
  g_assert_null (schedule->language_warning);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/schedule/confirmed-are-plans", test_confirmed_are_plans);
  ADD ("/core/schedule/clash-one-confirmed", test_clash_one_confirmed);
  ADD ("/core/schedule/clash-unsettled", test_clash_unsettled);
  ADD ("/core/schedule/cancelled", test_cancelled);
  ADD ("/core/schedule/preferred-name", test_preferred_name);
  ADD ("/core/schedule/contact", test_contact);
  ADD ("/core/schedule/contact-cli", test_contact_cli);
  ADD ("/core/schedule/no-break", test_no_break);
  ADD ("/core/schedule/family-words", test_family_words);
  ADD ("/core/schedule/no-one-else", test_no_one_else);
  ADD ("/core/schedule/pdf-sections", test_pdf_sections);
  ADD ("/core/schedule/pages", test_pages);
  ADD ("/core/schedule/pdf-large-print", test_pdf_large_print);
  ADD ("/core/schedule/pdf-easy-read", test_pdf_easy_read);
  ADD ("/core/schedule/language-warning", test_language_warning);
#undef ADD

  return g_test_run ();
}
