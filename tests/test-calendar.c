/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar.c: calendar files read back with libical's own parser say what the schedule says, at the right hour */

#include "config.h"

#include <libical/ical.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "rp-core.h"
#include "rp-export-record-private.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "store/rp-stmt.h"
#include "rp-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

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

static gint64
attendee_id (Fixture *fixture,
             int      number)
{
  g_autoptr(RpAttendee) who = attendee (fixture, number);

  return rp_attendee_get_id (who);
}

static gint64
add_provider (Fixture    *fixture,
              const char *name,
              const char *address)
{
  g_autoptr(RpProvider) provider = rp_provider_new ();
  g_autoptr(GError) error = NULL;

  rp_provider_set_name (provider, name);
  rp_provider_set_address (provider, address);
  rp_store_add_provider (fixture->store, provider, &error);
  g_assert_no_error (error);
  return rp_provider_get_id (provider);
}

static gint64
add_day (Fixture    *fixture,
         gint64      provider_id,
         const char *date,
         const char *start,
         const char *end)
{
  g_autoptr(RpTasterDay) day = rp_taster_day_new ();
  g_autoptr(GError) error = NULL;

  rp_taster_day_set_programme_id (day, rp_programme_get_id (fixture->programme));
  rp_taster_day_set_provider_id (day, provider_id);
  rp_taster_day_set_date (day, date);
  rp_taster_day_set_start_time (day, start);
  rp_taster_day_set_end_time (day, end);
  rp_taster_day_set_places (day, 6);
  g_assert_true (rp_store_add_taster_day (fixture->store, day, &error));
  g_assert_no_error (error);
  return rp_taster_day_get_id (day);
}

static void
book (Fixture         *fixture,
      gint64           day_id,
      int              number,
      RpBookingStatus  status)
{
  g_autoptr(RpBooking) booking = rp_booking_new ();
  g_autoptr(GError) error = NULL;

  rp_booking_set_taster_day_id (booking, day_id);
  rp_booking_set_attendee_id (booking, attendee_id (fixture, number));
  rp_booking_set_status (booking, status);
  g_assert_true (rp_store_add_booking (fixture->store, booking, &error));
  g_assert_no_error (error);
}

/* The file as a calendar reads it: libical's parser, and every line of the
 * file whole UTF-8 (a fold must not split a character). */
static icalcomponent *
parse (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  icalcomponent *calendar;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      /* RFC 5545 §3.1: lines are folded at 75 octets. */
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
    }

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

static char *
family_text (Fixture *fixture,
             int      number,
             guint   *n_events)
{
  g_autoptr(GError) error = NULL;
  char *text = rp_calendar_build_family (fixture->store, attendee_id (fixture, number), NULL, n_events, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *summary)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_summary (event), summary) == 0)
      return event;

  return NULL;
}

static GPtrArray *
list_uids (icalcomponent *calendar)
{
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_ptr_array_add (uids, g_strdup (icalcomponent_get_uid (event)));

  return uids;
}

/* A family's file holds their own days and nothing about anyone else, where
 * the staff's file of the same programme names several people. */
static void
test_family_holds_only_their_days (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GListModel) attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(GError) error = NULL;
  gint64 provider = add_provider (fixture, "Meadow Arts", "1 Mill Lane");
  gint64 shared = add_day (fixture, provider, "2023-10-03", "10:00", "14:00");
  gint64 ella_only = add_day (fixture, provider, "2023-10-04", "10:00", "14:00");
  gint64 other_only = add_day (fixture, provider, "2023-10-05", "10:00", "14:00");
  g_autoptr(RpAttendee) ella = attendee (fixture, 5);
  g_autofree char *text = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(RpSchedule) schedule = NULL;
  guint n_events = 0;
  guint expected = 0;

  book (fixture, shared, 5, RP_BOOKING_CONFIRMED);
  book (fixture, shared, 7, RP_BOOKING_CONFIRMED);
  book (fixture, ella_only, 5, RP_BOOKING_INVITED);
  book (fixture, other_only, 7, RP_BOOKING_CONFIRMED);

  text = family_text (fixture, 5, &n_events);
  calendar = parse (text);
  uids = list_uids (calendar);

  /* As many events as the schedule has dated days. */
  schedule = rp_schedule_build (fixture->store, rp_attendee_get_id (ella), NULL, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < schedule->sections->len; s++)
    {
      RpScheduleSection *section = g_ptr_array_index (schedule->sections, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          RpScheduleItem *item = g_ptr_array_index (section->items, i);

          for (guint d = 0; d < item->days->len; d++)
            expected += rp_taster_day_get_date (g_ptr_array_index (item->days, d)) != NULL;
        }
    }
  g_assert_cmpuint (expected, >=, 2);
  g_assert_cmpuint (n_events, ==, expected);
  g_assert_cmpuint (uids->len, ==, expected);

  suffix = g_strdup_printf ("-attendee-%" G_GINT64_FORMAT, rp_attendee_get_id (ella));
  for (guint i = 0; i < uids->len; i++)
    g_assert_true (g_str_has_suffix (g_ptr_array_index (uids, i), suffix));
  mine = g_strdup_printf ("-taster-day-%" G_GINT64_FORMAT "-", ella_only);
  theirs = g_strdup_printf ("-taster-day-%" G_GINT64_FORMAT "-", other_only);
  g_assert_nonnull (strstr (text, mine));
  g_assert_null (strstr (text, theirs));

  /* Named by the name she goes by, and nobody else is named at all. */
  g_assert_nonnull (strstr (text, rp_attendee_get_display_name (ella)));
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) other = g_list_model_get_item (attendees, i);

      if (rp_attendee_get_id (other) == rp_attendee_get_id (ella))
        continue;
      g_assert_null (strstr (text, rp_attendee_get_full_name (other)));
      if (rp_attendee_get_preferred_name (other) != NULL &&
          !strstr (rp_attendee_get_display_name (ella), rp_attendee_get_preferred_name (other)))
        g_assert_null (strstr (text, rp_attendee_get_preferred_name (other)));
    }

  /* The team's file is the one that names several people. */
  staff = rp_calendar_build_staff (fixture->store, rp_programme_get_id (fixture->programme), NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RpAttendee) georgie = attendee (fixture, 7);
    g_autoptr(icalcomponent) staff_calendar = parse (staff);

    g_assert_nonnull (strstr (staff, rp_attendee_get_display_name (georgie)));
    g_assert_nonnull (strstr (staff, theirs));
    g_assert_nonnull (staff_calendar);
  }
}

/* Importing the file again updates the events instead of adding them twice:
 * the UIDs are the same on every export, after reopening the file and in a
 * backup of it, and another database's are not the same. */
static void
test_uids_stable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = family_text (fixture, 5, NULL);
  g_autofree char *second = NULL;
  g_autofree char *staff_first = rp_calendar_build_staff (fixture->store, rp_programme_get_id (fixture->programme), NULL, NULL, &error);
  g_autofree char *staff_second = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "programme.db", NULL);
  g_autofree char *other_dir = rp_test_make_tmpdir ();
  g_autofree char *other_path = g_build_filename (other_dir, "other.db", NULL);
  g_autoptr(icalcomponent) first_calendar = parse (first);
  g_autoptr(icalcomponent) second_calendar = NULL;
  g_autoptr(icalcomponent) staff_first_calendar = NULL;
  g_autoptr(icalcomponent) staff_second_calendar = NULL;
  g_autoptr(GPtrArray) first_uids = list_uids (first_calendar);
  g_autoptr(GPtrArray) second_uids = NULL;
  g_autoptr(GPtrArray) staff_uids = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (first_uids->len, >, 0);

  /* Reopened. */
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  fixture->store = rp_test_open_store (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  {
    g_autoptr(GListModel) programmes = rp_store_list_programmes (fixture->store, NULL);

    fixture->programme = g_list_model_get_item (programmes, 0);
  }

  second = family_text (fixture, 5, NULL);
  second_calendar = parse (second);
  second_uids = list_uids (second_calendar);
  g_assert_cmpuint (second_uids->len, ==, first_uids->len);
  for (guint i = 0; i < first_uids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (second_uids, i), ==, g_ptr_array_index (first_uids, i));

  staff_second = rp_calendar_build_staff (fixture->store, rp_programme_get_id (fixture->programme), NULL, NULL, &error);
  g_assert_no_error (error);
  staff_first_calendar = parse (staff_first);
  staff_second_calendar = parse (staff_second);
  staff_uids = list_uids (staff_first_calendar);
  {
    g_autoptr(GPtrArray) again = list_uids (staff_second_calendar);

    g_assert_cmpuint (again->len, ==, staff_uids->len);
    for (guint i = 0; i < again->len; i++)
      g_assert_cmpstr (g_ptr_array_index (again, i), ==, g_ptr_array_index (staff_uids, i));
  }
  /* A family's event and the team's event of one day are different events. */
  for (guint i = 0; i < first_uids->len; i++)
    g_assert_false (g_ptr_array_find_with_equal_func (staff_uids, g_ptr_array_index (first_uids, i), g_str_equal, NULL));

  /* Another database with the same sample: other UIDs. */
  {
    g_autoptr(RpStore) other = rp_test_open_store (other_path, RP_STORE_OPEN_CREATE, &error);
    g_autoptr(RpProgramme) programme = NULL;
    g_autoptr(RpAttendee) ella = NULL;
    g_autofree char *text = NULL;
    g_autoptr(icalcomponent) calendar = NULL;
    g_autoptr(GPtrArray) uids = NULL;

    g_assert_no_error (error);
    rp_store_set_today (other, "2023-09-22");
    programme = rp_sample_create (other, &error);
    g_assert_no_error (error);
    ella = rp_store_find_attendee (other, rp_programme_get_id (programme), 5, NULL);
    text = rp_calendar_build_family (other, rp_attendee_get_id (ella), NULL, NULL, &error);
    g_assert_no_error (error);
    calendar = parse (text);
    uids = list_uids (calendar);
    g_assert_cmpuint (uids->len, ==, first_uids->len);
    for (guint i = 0; i < uids->len; i++)
      g_assert_false (g_ptr_array_find_with_equal_func (first_uids, g_ptr_array_index (uids, i), g_str_equal, NULL));
  }
  rp_test_remove_tree (other_dir);
}

/* A change to the day or to her booking is a newer version of the same
 * event (same UID, higher SEQUENCE); a change to someone else's booking on
 * that day does not touch her event. */
static void
test_sequence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 provider = add_provider (fixture, "Meadow Arts", "1 Mill Lane");
  gint64 day = add_day (fixture, provider, "2023-10-03", "10:00", "14:00");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(icalcomponent) a = NULL;
  g_autoptr(icalcomponent) b = NULL;
  g_autoptr(icalcomponent) c = NULL;
  icalcomponent *event_a, *event_b, *event_c;

  book (fixture, day, 5, RP_BOOKING_CONFIRMED);
  book (fixture, day, 7, RP_BOOKING_CONFIRMED);
  first = family_text (fixture, 5, NULL);
  a = parse (first);
  event_a = find_event (a, "Taster day at Meadow Arts");
  g_assert_nonnull (event_a);

  /* Georgie's booking changes: Ella's event does not. */
  {
    g_autoptr(GListModel) bookings = rp_store_list_bookings (fixture->store, day, NULL);

    for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
      {
        g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);

        if (rp_booking_get_attendee_id (booking) != attendee_id (fixture, 7))
          continue;
        rp_booking_set_transport_needed (booking, TRUE);
        rp_booking_set_transport_arranged (booking, TRUE);
        rp_booking_set_pickup_time (booking, "08:45");
        g_assert_true (rp_store_save_booking (fixture->store, booking, &error));
        g_assert_no_error (error);
      }
  }
  second = family_text (fixture, 5, NULL);
  b = parse (second);
  event_b = find_event (b, "Taster day at Meadow Arts");
  g_assert_cmpstr (icalcomponent_get_uid (event_b), ==, icalcomponent_get_uid (event_a));
  g_assert_cmpint (icalcomponent_get_sequence (event_b), ==, icalcomponent_get_sequence (event_a));

  /* Hers changes: the same event, newer. */
  {
    g_autoptr(GListModel) bookings = rp_store_list_bookings (fixture->store, day, NULL);

    for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
      {
        g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);

        if (rp_booking_get_attendee_id (booking) != attendee_id (fixture, 5))
          continue;
        rp_booking_set_transport_needed (booking, TRUE);
        rp_booking_set_transport_arranged (booking, TRUE);
        rp_booking_set_pickup_time (booking, "09:15");
        g_assert_true (rp_store_save_booking (fixture->store, booking, &error));
        g_assert_no_error (error);
      }
  }
  third = family_text (fixture, 5, NULL);
  c = parse (third);
  event_c = find_event (c, "Taster day at Meadow Arts");
  g_assert_cmpstr (icalcomponent_get_uid (event_c), ==, icalcomponent_get_uid (event_a));
  g_assert_cmpint (icalcomponent_get_sequence (event_c), >, icalcomponent_get_sequence (event_a));
  g_assert_nonnull (strstr (icalcomponent_get_description (event_c), "Transport will collect you at 9:15 am."));
}

/* The hour in UTC of @summary's start, as a calendar works it out from the
 * file's own VTIMEZONE; and the same with libical's copy of the zone. */
static void
start_in_utc (icalcomponent *calendar,
              const char    *summary,
              int           *hour,
              int           *builtin_hour,
              gboolean      *has_tzid)
{
  icalcomponent *event = find_event (calendar, summary);
  icalproperty *dtstart;
  icalparameter *tzid;
  struct icaltimetype start;
  struct icaltimetype utc;
  struct icaltimetype local;

  g_assert_nonnull (event);
  dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
  *has_tzid = tzid != NULL && g_strcmp0 (icalparameter_get_tzid (tzid), "Europe/London") == 0;

  start = icalcomponent_get_dtstart (event);
  g_assert_nonnull (start.zone);
  utc = icaltime_convert_to_zone (start, icaltimezone_get_utc_timezone ());
  *hour = utc.hour;

  local = start;
  local.zone = NULL;
  local = icaltime_set_timezone (&local, icaltimezone_get_builtin_timezone ("Europe/London"));
  *builtin_hour = icaltime_convert_to_zone (local, icaltimezone_get_utc_timezone ()).hour;
}

/* 10 am in London is 10:00 UTC in winter and 09:00 UTC in summer time, on
 * either side of the changes of late March and late October. */
static void
test_times_across_summer_time (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct
  {
    const char *provider;
    const char *date;
    int         utc_hour;
  } days[] = {
    { "Before BST", "2027-03-27", 10 },   /* Saturday; the clocks go forward on Sunday 28 March */
    { "After BST", "2027-03-29", 9 },
    { "Last BST", "2027-10-30", 9 },      /* the clocks go back on Sunday 31 October */
    { "After GMT", "2027-11-01", 10 },
  };
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      gint64 day = add_day (fixture, add_provider (fixture, days[i].provider, NULL), days[i].date, "10:00", "14:00");

      book (fixture, day, 2, RP_BOOKING_CONFIRMED);
    }

  text = family_text (fixture, 2, NULL);
  calendar = parse (text);
  g_assert_nonnull (icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT));

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *summary = g_strdup_printf ("Taster day at %s", days[i].provider);
      icalcomponent *event = find_event (calendar, summary);
      int hour, builtin_hour;
      gboolean has_tzid;

      start_in_utc (calendar, summary, &hour, &builtin_hour, &has_tzid);
      g_assert_true (has_tzid);
      g_assert_cmpint (hour, ==, days[i].utc_hour);
      g_assert_cmpint (builtin_hour, ==, days[i].utc_hour);
      /* And four hours long, whichever side of the change. */
      g_assert_cmpint (icaldurationtype_as_int (icalcomponent_get_duration (event)), ==, 4 * 3600);
    }

  /* The same in the team's file. */
  {
    g_autofree char *staff = rp_calendar_build_staff (fixture->store, rp_programme_get_id (fixture->programme), NULL, NULL, &error);
    g_autoptr(icalcomponent) staff_calendar = NULL;
    int hour, builtin_hour;
    gboolean has_tzid;

    g_assert_no_error (error);
    staff_calendar = parse (staff);
    start_in_utc (staff_calendar, "Taster day at After BST", &hour, &builtin_hour, &has_tzid);
    g_assert_cmpint (hour, ==, 9);
    start_in_utc (staff_calendar, "Taster day at After GMT", &hour, &builtin_hour, &has_tzid);
    g_assert_cmpint (hour, ==, 10);
  }
}

static void
set_text (Fixture    *fixture,
          const char *sql,
          const char *text,
          gint64      id)
{
  RpStmt *stmt = NULL;

  g_assert_cmpint (rp_stmt_prepare (fixture->store, sql, &stmt), ==, RP_STMT_OK);
  rp_stmt_bind_text (stmt, 1, text);
  rp_stmt_bind_int64 (stmt, 2, id);
  g_assert_cmpint (rp_stmt_step (stmt), ==, RP_STMT_DONE);
  rp_stmt_finalize (stmt);
}

/* Commas, semicolons, backslashes, line breaks, accents and ’ come back as
 * typed; zero-width and control characters do not come back at all. */
static void
test_escaping (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RpAttendee) ella = attendee (fixture, 5);
  g_autoptr(GError) error = NULL;
  gint64 provider = add_provider (fixture, "Placeholder", NULL);
  gint64 day = add_day (fixture, provider, "2023-10-12", "10:00", "14:00");
  g_autofree char *text = NULL;
  g_autofree char *staff = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  icalcomponent *event;
  const char *description;

  /* The app refuses hidden characters now; a record from before that rule,
   * or written by another program, may still hold them. */
  set_text (fixture, "UPDATE provider SET name = ?1 WHERE id = ?2",
            "Caf\u00e9 Lumi\u00e8re; Bar, \\ \u201cO\u2019Neill\u2019s\u201d\u200b", provider);
  set_text (fixture, "UPDATE provider SET address = ?1 WHERE id = ?2",
            "Flat 2,\n12 Ch\u00e2teau Road\u202e\x1b", provider);
  set_text (fixture, "UPDATE attendee SET preferred_name = ?1 WHERE id = ?2",
            "Zo\u00eb\u200d \u00c9lla O\u2019Brien, Jr; \u00e9", rp_attendee_get_id (ella));
  book (fixture, day, 5, RP_BOOKING_CONFIRMED);

  text = family_text (fixture, 5, NULL);
  g_assert_null (strstr (text, "\u200b"));
  g_assert_null (strstr (text, "\u200d"));
  g_assert_null (strstr (text, "\u202e"));
  g_assert_null (strstr (text, "\x1b"));
  g_assert_null (strstr (text, "\xc2\xa0"));   /* the schedule's non-breaking spaces */

  calendar = parse (text);
  if (g_getenv ("RP_TEST_DUMP") != NULL)
    g_printerr ("%s", text);
  event = find_event (calendar, "Taster day at Caf\u00e9 Lumi\u00e8re; Bar, \\ \u201cO\u2019Neill\u2019s\u201d");
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_location (event), ==,
                   "Caf\u00e9 Lumi\u00e8re; Bar, \\ \u201cO\u2019Neill\u2019s\u201d, Flat 2, 12 Ch\u00e2teau Road");
  description = icalcomponent_get_description (event);
  g_assert_true (g_str_has_prefix (description, "You are going to Caf\u00e9 Lumi\u00e8re; Bar, \\ \u201cO\u2019Neill\u2019s\u201d, Flat 2, 12 Ch\u00e2teau Road.\n"));
  /* On the wire, each is escaped. */
  g_assert_nonnull (strstr (text, "SUMMARY:Taster day at Caf\u00e9 Lumi\u00e8re\\; Bar\\, \\\\ \u201cO\u2019Neill\u2019s\u201d\r\n"));

  /* The calendar's name is the name she goes by, escaped as text, both as
   * RFC 7986's NAME and as the X-WR-CALNAME that Outlook and Google read. */
  {
    const char *expected = "Taster days for Zo\u00eb \u00c9lla O\u2019Brien, Jr; \u00e9";
    guint n_names = 0;

    g_assert_cmpstr (icalproperty_get_name (icalcomponent_get_first_property (calendar, ICAL_NAME_PROPERTY)), ==, expected);
    for (icalproperty *x = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);
         x != NULL;
         x = icalcomponent_get_next_property (calendar, ICAL_X_PROPERTY))
      if (g_str_equal (icalproperty_get_x_name (x), "X-WR-CALNAME"))
        {
          g_assert_cmpstr (icalproperty_get_x (x), ==, expected);
          n_names++;
        }
    g_assert_cmpuint (n_names, ==, 1);
    g_assert_nonnull (strstr (text, "\r\nX-WR-CALNAME:Taster days for Zo\u00eb \u00c9lla O\u2019Brien\\, Jr\\; \u00e9\r\n"));
  }

  /* And in the team's file, where she is named in the description. */
  staff = rp_calendar_build_staff (fixture->store, rp_programme_get_id (fixture->programme), NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(icalcomponent) staff_calendar = parse (staff);
    icalcomponent *staff_event = find_event (staff_calendar, "Taster day at Caf\u00e9 Lumi\u00e8re; Bar, \\ \u201cO\u2019Neill\u2019s\u201d");

    g_assert_nonnull (staff_event);
    g_assert_nonnull (strstr (icalcomponent_get_description (staff_event),
                              "\nZo\u00eb \u00c9lla O\u2019Brien, Jr; \u00e9 (attendee 5), confirmed: "));
  }
}

static enum icalproperty_status
status_of (icalcomponent *calendar,
           const char    *summary)
{
  icalcomponent *event = find_event (calendar, summary);

  g_assert_nonnull (event);
  return icalcomponent_get_status (event);
}

/* Confirmed, to be confirmed and cancelled, as the schedule says them. */
static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 going = add_day (fixture, add_provider (fixture, "Going", NULL), "2023-10-02", "10:00", "14:00");
  gint64 invited = add_day (fixture, add_provider (fixture, "Invited", NULL), "2023-10-03", "10:00", "14:00");
  gint64 choice_a = add_day (fixture, add_provider (fixture, "Choice A", NULL), "2023-10-04", "10:00", "14:00");
  gint64 choice_b = add_day (fixture, add_provider (fixture, "Choice B", NULL), "2023-10-04", "11:00", "15:00");
  gint64 called_off = add_day (fixture, add_provider (fixture, "Called Off", NULL), "2023-10-05", "10:00", "14:00");
  gint64 undated;
  g_autofree char *text = NULL;
  g_autofree char *staff = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(icalcomponent) staff_calendar = NULL;
  guint n_cancelled = 0;
  guint n_events = 0;

  {
    g_autoptr(RpTasterDay) day = rp_taster_day_new ();

    rp_taster_day_set_programme_id (day, rp_programme_get_id (fixture->programme));
    rp_taster_day_set_provider_id (day, add_provider (fixture, "Undated", NULL));
    g_assert_true (rp_store_add_taster_day (fixture->store, day, &error));
    g_assert_no_error (error);
    undated = rp_taster_day_get_id (day);
  }

  book (fixture, going, 13, RP_BOOKING_CONFIRMED);
  book (fixture, invited, 13, RP_BOOKING_INVITED);
  book (fixture, choice_a, 13, RP_BOOKING_INVITED);
  book (fixture, choice_b, 13, RP_BOOKING_INVITED);
  book (fixture, called_off, 13, RP_BOOKING_CONFIRMED);
  book (fixture, undated, 13, RP_BOOKING_CONFIRMED);
  g_assert_true (rp_store_cancel_taster_day (fixture->store, called_off, NULL, &error));
  g_assert_no_error (error);

  text = family_text (fixture, 13, &n_events);
  calendar = parse (text);
  g_assert_cmpint (status_of (calendar, "Taster day at Going"), ==, ICAL_STATUS_CONFIRMED);
  g_assert_cmpint (status_of (calendar, "To be confirmed: taster day at Invited"), ==, ICAL_STATUS_TENTATIVE);
  /* Two days of one date with none chosen: both tentative, each saying
   * that only one can happen. */
  g_assert_cmpint (status_of (calendar, "To be confirmed: taster day at Choice A"), ==, ICAL_STATUS_TENTATIVE);
  g_assert_cmpint (status_of (calendar, "To be confirmed: taster day at Choice B"), ==, ICAL_STATUS_TENTATIVE);
  g_assert_nonnull (strstr (icalcomponent_get_description (find_event (calendar, "To be confirmed: taster day at Choice B")),
                            "You can only go to one of these."));
  g_assert_cmpint (status_of (calendar, "Cancelled: taster day at Called Off"), ==, ICAL_STATUS_CANCELLED);
  /* A day not fixed yet cannot be put in a calendar. */
  g_assert_null (find_event (calendar, "Taster day at Undated"));
  g_assert_null (strstr (text, "Undated"));

  /* Once one of the two is confirmed, it is the plan and the other is gone. */
  {
    g_autoptr(GListModel) bookings = rp_store_list_bookings (fixture->store, choice_b, NULL);
    g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, 0);
    g_autofree char *again = NULL;
    g_autoptr(icalcomponent) again_calendar = NULL;

    rp_booking_set_status (booking, RP_BOOKING_CONFIRMED);
    g_assert_true (rp_store_save_booking (fixture->store, booking, &error));
    g_assert_no_error (error);
    again = family_text (fixture, 13, NULL);
    again_calendar = parse (again);
    g_assert_cmpint (status_of (again_calendar, "Taster day at Choice B"), ==, ICAL_STATUS_CONFIRMED);
    g_assert_null (find_event (again_calendar, "To be confirmed: taster day at Choice A"));
  }

  staff = rp_calendar_build_staff (fixture->store, rp_programme_get_id (fixture->programme), NULL, NULL, &error);
  g_assert_no_error (error);
  staff_calendar = parse (staff);
  g_assert_cmpint (status_of (staff_calendar, "Cancelled: taster day at Called Off"), ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpint (status_of (staff_calendar, "Taster day at Going"), ==, ICAL_STATUS_CONFIRMED);
  for (icalcomponent *event = icalcomponent_get_first_component (staff_calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (staff_calendar, ICAL_VEVENT_COMPONENT))
    n_cancelled += icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED;
  g_assert_cmpuint (n_cancelled, >=, 1);
}

/* Written readable by its owner only, never through a link, and recorded in
 * the export history; a read-only database exports nothing. */
static void
test_write_and_record (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *family = g_build_filename (fixture->dir, "ella.ics", NULL);
  g_autofree char *team = g_build_filename (fixture->dir, "team.ics", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.ics", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GListModel) before = rp_store_list_exports (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(GListModel) after = NULL;
  guint n_events = 0;
  GStatBuf st;

  g_assert_true (rp_calendar_write_family (fixture->store, attendee_id (fixture, 5), NULL, family, "For the family", &n_events, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events, >, 0);
  g_assert_cmpint (g_stat (family, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (family, &contents, NULL, NULL));
  {
    g_autoptr(icalcomponent) calendar = parse (contents);
  }

  g_assert_true (rp_calendar_write_staff (fixture->store, rp_programme_get_id (fixture->programme), NULL, team, NULL, NULL, &error));
  g_assert_no_error (error);

  after = rp_store_list_exports (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 2);
  {
    g_autoptr(RpExportRecord) staff_record = g_list_model_get_item (after, 0);
    g_autoptr(RpExportRecord) family_record = g_list_model_get_item (after, 1);
    g_autofree char *staff_line = rp_export_record_describe (staff_record);
    g_autofree char *family_line = rp_export_record_describe (family_record);

    g_assert_cmpstr (rp_export_record_get_reason (family_record), ==, "For the family");
    /* A family's file is named after the person: no name is kept. */
    g_assert_null (rp_export_record_get_file_name (family_record));
    /* Named for what they are (schema 13), in plain words. */
    g_assert_cmpstr (rp_export_record_get_kind (family_record), ==, "family-calendar");
    g_assert_cmpstr (rp_export_record_get_format (family_record), ==, "ics");
    g_assert_cmpstr (rp_export_record_get_kind (staff_record), ==, "staff-calendar");
    g_assert_cmpstr (family_line, ==, "Calendar (iCalendar) · one family’s taster days · as of 22 Sep 2023");
    g_assert_cmpstr (staff_line, ==, "Calendar (iCalendar) · every taster day with staff and bookings");
  }

  /* A link is refused, whatever it points at. */
  g_assert_cmpint (symlink (team, link), ==, 0);
  g_assert_false (rp_calendar_write_staff (fixture->store, rp_programme_get_id (fixture->programme), NULL, link, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nor over the database (a file; a server's database is none). */
  if (!rp_test_backend_is_team ())
    {
      g_assert_false (rp_calendar_write_staff (fixture->store, rp_programme_get_id (fixture->programme), NULL,
                                               rp_store_get_path (fixture->store), NULL, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  /* Read-only: nothing written. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "programme.db", NULL);
    g_autofree char *nothing = g_build_filename (fixture->dir, "nothing.ics", NULL);
    g_autoptr(RpStore) reader = NULL;

    g_clear_object (&fixture->programme);
    g_assert_finalize_object (g_steal_pointer (&fixture->store));
    reader = rp_test_open_store (path, RP_STORE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    {
      g_autoptr(GListModel) programmes = rp_store_list_programmes (reader, NULL);
      g_autoptr(RpProgramme) programme = g_list_model_get_item (programmes, 0);

      g_assert_false (rp_calendar_write_staff (reader, rp_programme_get_id (programme), NULL, nothing, NULL, NULL, &error));
      g_assert_error (error, RP_ERROR, RP_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
    }
    g_clear_object (&reader);
    fixture->store = rp_test_open_store (path, RP_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
  }
}

/* reprovision-cli ------------------------------------------------------------- */

static icalcomponent *
parse_file (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return parse (contents);
}

static guint
count_events (icalcomponent *calendar)
{
  return icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT);
}

static void
test_cli (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "s.db", NULL);
  g_autofree char *one = g_build_filename (dir, "ella.ics", NULL);
  g_autofree char *folder = g_build_filename (dir, "families", NULL);
  g_autofree char *team = g_build_filename (dir, "team.ics", NULL);
  g_autofree char *ella_in_folder = g_build_filename (folder, "taster-days-attendee-5.ics", NULL);
  g_auto(RpCliResult) demo = { 0 };
  g_auto(RpCliResult) single = { 0 };
  g_auto(RpCliResult) every = { 0 };
  g_auto(RpCliResult) staff = { 0 };
  g_auto(RpCliResult) listing = { 0 };
  g_auto(RpCliResult) bad = { 0 };
  g_auto(RpCliResult) no_output = { 0 };
  g_autoptr(icalcomponent) ella = NULL;
  g_autoptr(icalcomponent) ella_again = NULL;
  g_autoptr(icalcomponent) everyone = NULL;
  g_autoptr(GDir) files = NULL;
  guint n_files = 0;

  rp_test_run_cli (&demo, "demo", "--database", db, "--today", "2026-12-05", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  rp_test_run_cli (&single, "schedule", "--database", db, "--attendee", "5", "--from", "2026-12-05",
           "--format", "ics", "--output", one, NULL);
  g_assert_cmpstr (single.err, ==, "");
  g_assert_cmpint (single.status, ==, 0);
  ella = parse_file (one);
  g_assert_cmpuint (count_events (ella), >, 0);

  /* --all: one file per family in a folder, never one file for all. */
  rp_test_run_cli (&every, "schedule", "--database", db, "--all", "--from", "2026-12-05",
           "--format", "ics", "--output", folder, NULL);
  g_assert_cmpstr (every.err, ==, "");
  g_assert_cmpint (every.status, ==, 0);
  files = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (files);
  while (g_dir_read_name (files) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, >, 1);
  ella_again = parse_file (ella_in_folder);
  g_assert_cmpuint (count_events (ella_again), ==, count_events (ella));
  /* The same events, by UID. */
  {
    g_autoptr(GPtrArray) a = list_uids (ella);
    g_autoptr(GPtrArray) b = list_uids (ella_again);

    for (guint i = 0; i < a->len; i++)
      g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
  }

  rp_test_run_cli (&staff, "taster-days", "--database", db, "--format", "ics", "--output", team, NULL);
  g_assert_cmpstr (staff.err, ==, "");
  g_assert_cmpint (staff.status, ==, 0);
  everyone = parse_file (team);
  g_assert_cmpuint (count_events (everyone), >, count_events (ella));

  rp_test_run_cli (&listing, "taster-days", "--database", db, NULL);
  g_assert_cmpint (listing.status, ==, 0);
  g_assert_nonnull (strstr (listing.out, "Pathfinders"));

  rp_test_run_cli (&bad, "schedule", "--database", db, "--attendee", "5", "--format", "vcs", "--output", one, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  rp_test_run_cli (&no_output, "taster-days", "--database", db, "--format", "ics", NULL);
  g_assert_cmpint (no_output.status, ==, 2);

  rp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/calendar/family-holds-only-their-days", Fixture, NULL, fixture_set_up, test_family_holds_only_their_days, fixture_tear_down);
  g_test_add ("/core/calendar/uids-stable", Fixture, NULL, fixture_set_up, test_uids_stable, fixture_tear_down);
  g_test_add ("/core/calendar/sequence", Fixture, NULL, fixture_set_up, test_sequence, fixture_tear_down);
  g_test_add ("/core/calendar/times-across-summer-time", Fixture, NULL, fixture_set_up, test_times_across_summer_time, fixture_tear_down);
  g_test_add ("/core/calendar/escaping", Fixture, NULL, fixture_set_up, test_escaping, fixture_tear_down);
  g_test_add ("/core/calendar/status", Fixture, NULL, fixture_set_up, test_status, fixture_tear_down);
  g_test_add ("/core/calendar/write-and-record", Fixture, NULL, fixture_set_up, test_write_and_record, fixture_tear_down);
  g_test_add_func ("/core/calendar/cli", test_cli);

  return g_test_run ();
}
