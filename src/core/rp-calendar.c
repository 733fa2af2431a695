/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-calendar.c: taster days as iCalendar files (RFC 5545), for a family or for the staff */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>
#include <unistd.h>

#include "rp-calendar.h"
#include "rp-date.h"
#include "rp-error.h"
#include "rp-export-record.h"
#include "rp-name-index.h"
#include "rp-output-file.h"
#include "rp-schedule.h"
#include "rp-store-private.h"
#include "store/rp-stmt.h"

/* How the export history names a calendar (since schema 13). */
#define EXPORT_KIND_FAMILY "family-calendar"
#define EXPORT_KIND_STAFF  "staff-calendar"
#define EXPORT_FORMAT      "ics"

/* Europe/London as the UK has kept it since 1996 (the Summer Time Order
 * 2002, retained from EU directive 2000/84/EC): British Summer Time from
 * 1 am GMT on the last Sunday of March to 2 am BST on the last Sunday of
 * October. Written out rather than taken from libical's zone files, which
 * would put 380 lines of history since 1847 into every file and a TZID
 * prefix that Outlook does not know; X-LIC-LOCATION lets libical-based
 * calendars (GNOME Calendar, Evolution) use their own copy of the zone. */
static const char vtimezone_text[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:" RP_CALENDAR_TZID "\r\n"
  "X-LIC-LOCATION:" RP_CALENDAR_TZID "\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZNAME:BST\r\n"
  "TZOFFSETFROM:+0000\r\n"
  "TZOFFSETTO:+0100\r\n"
  "DTSTART:19700329T010000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZNAME:GMT\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0000\r\n"
  "DTSTART:19701025T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* Words ---------------------------------------------------------------------- */

/* Text as a calendar shows it: nothing invisible (zero-width spaces, bidi
 * overrides, control characters), the schedule's non-breaking spaces and
 * hyphens made plain (a calendar wraps its own way), and, on one line, a
 * line break in an address turned into a comma. libical escapes commas,
 * semicolons, backslashes and line breaks itself. */
static char *
plain (const char *text,
       gboolean    one_line)
{
  g_autofree char *visible = rp_text_strip_invisible (text);
  g_autoptr(GString) out = NULL;
  gboolean space = FALSE;
  gboolean comma = FALSE;

  if (visible == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = visible; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2011)      /* NON-BREAKING HYPHEN */
        c = '-';
      if (c == '\r')
        continue;
      if (c == '\n' && !one_line)
        {
          g_string_append_c (out, '\n');
          space = comma = FALSE;
        }
      else if (c == '\n')
        comma = space = TRUE;
      else if (g_unichar_isspace (c) || c == 0x00A0)
        space = TRUE;
      else
        {
          if (comma && out->len > 0 && out->str[out->len - 1] != ',' && c != ',')
            g_string_append_c (out, ',');
          if (space && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          comma = space = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* "Café Lumière, 12 High Street": the provider, and where the day is held
 * (its venue, or else the provider's address). */
static char *
say_location (RpStore     *store,
              RpTasterDay *day,
              char       **provider_name)
{
  g_autofree char *name = plain (rp_taster_day_get_provider_name (day), TRUE);
  g_autofree char *venue = plain (rp_taster_day_get_venue (day), TRUE);

  if (venue == NULL && rp_taster_day_get_provider_id (day) > 0)
    {
      g_autoptr(RpProvider) provider = rp_store_get_provider (store, rp_taster_day_get_provider_id (day), NULL);

      if (provider != NULL)
        venue = plain (rp_provider_get_address (provider), TRUE);
    }

  if (name == NULL)
    name = g_strdup (_("the provider"));
  if (provider_name != NULL)
    *provider_name = g_strdup (name);
  if (venue == NULL)
    return g_steal_pointer (&name);
  /* Translators: a calendar event's place, "Café Lumière, 12 High Street" */
  return g_strdup_printf (_("%s, %s"), name, venue);
}

static char *
say_time (const char *hhmm)
{
  g_autofree char *said = rp_schedule_say_time (hhmm);

  return plain (said, TRUE);
}

/* Events --------------------------------------------------------------------- */

typedef struct
{
  RpStore      *store;
  icaltimezone *zone;
  char         *tag;       /* this file's own part of every UID */
  gint64        programme_id;
} Calendar;

static void
calendar_clear (Calendar *calendar)
{
  if (calendar->zone != NULL)
    icaltimezone_free (calendar->zone, 1);
  g_clear_pointer (&calendar->tag, g_free);
}

static gboolean
calendar_init (Calendar  *calendar,
               RpStore   *store,
               gint64     programme_id,
               GError   **error)
{
  icalcomponent *definition;

  memset (calendar, 0, sizeof *calendar);
  calendar->store = store;
  calendar->programme_id = programme_id;

  /* The same for every export of this file, and for its backups, so that a
   * calendar that imports the file again updates its events instead of
   * adding them twice; another database gives other UIDs. */
  if (!(calendar->tag = rp_store_dup_file_tag (store, "calendar-uid", error)))
    return FALSE;

  definition = icalcomponent_new_from_string (vtimezone_text);
  g_assert (definition != NULL);
  calendar->zone = icaltimezone_new ();
  icaltimezone_set_component (calendar->zone, definition);
  return TRUE;
}

static icalcomponent *
calendar_new_vcalendar (Calendar   *calendar,
                        const char *name)
{
  icalcomponent *vcalendar = icalcomponent_new_vcalendar ();
  icalproperty *property;

  icalcomponent_add_property (vcalendar, icalproperty_new_prodid ("-//Reprovision//Reprovision " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (vcalendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (vcalendar, icalproperty_new_calscale ("GREGORIAN"));
  /* Outlook adds the events of a PUBLISH file to the calendar the person
   * chooses, rather than opening them as a calendar of their own. */
  icalcomponent_add_property (vcalendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  /* The calendar's name (RFC 7986); X-WR-CALNAME, which Outlook, Google
   * and Apple read, is added by as_text(). */
  icalcomponent_add_property (vcalendar, icalproperty_new_name (name));
  property = icalproperty_new_x (RP_CALENDAR_TZID);
  icalproperty_set_x_name (property, "X-WR-TIMEZONE");
  icalcomponent_add_property (vcalendar, property);

  icalcomponent_add_component (vcalendar, icalcomponent_new_clone (icaltimezone_get_component (calendar->zone)));
  return vcalendar;
}

static gboolean
parse_hhmm (const char *text,
            int        *hours,
            int        *minutes)
{
  return text != NULL && sscanf (text, "%d:%d", hours, minutes) == 2 &&
         *hours >= 0 && *hours < 24 && *minutes >= 0 && *minutes < 60;
}

/* DTSTART and DTEND in Europe/London; a day without a start time is a day
 * long; one without an end time has none, rather than an invented one. */
static gboolean
set_times (Calendar      *calendar,
           icalcomponent *event,
           RpTasterDay   *day)
{
  GDate date;
  struct icaltimetype start = icaltime_null_time ();
  int hours, minutes;

  if (rp_taster_day_get_date (day) == NULL || !rp_date_parse (rp_taster_day_get_date (day), &date, NULL))
    return FALSE;

  start.year = g_date_get_year (&date);
  start.month = g_date_get_month (&date);
  start.day = g_date_get_day (&date);

  if (!parse_hhmm (rp_taster_day_get_start_time (day), &hours, &minutes))
    {
      struct icaltimetype end;

      start.is_date = 1;
      end = start;
      icaltime_adjust (&end, 1, 0, 0, 0);
      icalcomponent_set_dtstart (event, start);
      icalcomponent_set_dtend (event, end);
      return TRUE;
    }

  start.hour = hours;
  start.minute = minutes;
  start = icaltime_set_timezone (&start, calendar->zone);
  icalcomponent_set_dtstart (event, start);

  if (parse_hhmm (rp_taster_day_get_end_time (day), &hours, &minutes) &&
      hours * 60 + minutes > start.hour * 60 + start.minute)
    {
      struct icaltimetype end = start;

      end.hour = hours;
      end.minute = minutes;
      icalcomponent_set_dtend (event, end);
    }

  return TRUE;
}

/* How many times the day, and the bookings the event tells of (one
 * attendee's, or all when @attendee_id is 0), have changed, from the audit
 * trail: the event's SEQUENCE, so that a calendar importing the file again
 * takes a changed day as newer than the copy it holds (Outlook compares
 * it). */
static int
count_changes (Calendar *calendar,
               gint64    taster_day_id,
               gint64    attendee_id)
{
  RpStmt *stmt = NULL;
  int n = 0;

  if (rp_stmt_prepare (calendar->store,
                       "SELECT (SELECT count (*) FROM audit WHERE table_name = 'taster_day' AND record_id = ?1)"
                       " + (SELECT count (*) FROM booking JOIN audit"
                       "    ON audit.table_name = 'booking' AND audit.record_id = booking.id"
                       "    WHERE booking.taster_day_id = ?1 AND (?2 = 0 OR booking.attendee_id = ?2))",
                       &stmt) == RP_STMT_OK)
    {
      rp_stmt_bind_int64 (stmt, 1, taster_day_id);
      rp_stmt_bind_int64 (stmt, 2, attendee_id);
      if (rp_stmt_step (stmt) == RP_STMT_ROW)
        n = rp_stmt_column_int (stmt, 0);
    }
  rp_stmt_finalize (stmt);

  /* The first version of an event is 0. */
  return MAX (n - 1, 0);
}

/* A taster day as an event of @vcalendar, or nothing if it has no date yet. */
static gboolean
add_event (Calendar      *calendar,
           icalcomponent *vcalendar,
           RpTasterDay   *day,
           gint64         attendee_id,
           const char    *uid_suffix,
           const char    *summary,
           const char    *location,
           const char    *description,
           enum icalproperty_status status)
{
  g_autofree char *uid = NULL;
  icalcomponent *event = icalcomponent_new_vevent ();

  if (!set_times (calendar, event, day))
    {
      icalcomponent_free (event);
      return FALSE;
    }

  uid = g_strdup_printf ("reprovision-%s-p%" G_GINT64_FORMAT "-taster-day-%" G_GINT64_FORMAT "-%s",
                         calendar->tag, calendar->programme_id, rp_taster_day_get_id (day), uid_suffix);
  icalcomponent_set_uid (event, uid);
  icalcomponent_set_dtstamp (event, icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ()));
  icalcomponent_set_summary (event, summary);
  if (location != NULL)
    icalcomponent_set_location (event, location);
  if (description != NULL)
    icalcomponent_set_description (event, description);
  icalcomponent_set_status (event, status);
  icalcomponent_set_sequence (event, count_changes (calendar, rp_taster_day_get_id (day), attendee_id));
  icalcomponent_add_component (vcalendar, event);
  return TRUE;
}

/* Appends @text as an RFC 5545 TEXT value: backslash, comma, semicolon and
 * line break escaped. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == ',' || *p == ';')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
}

/* Appends @line folded at 75 octets (RFC 5545 §3.1), never inside a character. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize width = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize size = g_utf8_next_char (p) - p;

      if (width + size > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, size);
      width += size;
    }
  g_string_append (out, "\r\n");
}

/* The file's text, with the calendar's name as X-WR-CALNAME. libical 3.0
 * writes the value of an X- property without escaping its commas and
 * semicolons, and reads such a value back cut at the first comma; so that
 * one line is written here, escaped as the TEXT it is. */
static char *
as_text (icalcomponent *vcalendar,
         const char    *name)
{
  char *text = icalcomponent_as_ical_string_r (vcalendar);
  const char *after = strstr (text, "\r\nMETHOD:");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("X-WR-CALNAME:");

  g_assert (after != NULL);
  after = strstr (after + 2, "\r\n") + 2;
  g_string_append_len (out, text, after - text);
  append_escaped (line, name);
  append_folded (out, line->str);
  g_string_append (out, after);

  icalmemory_free_buffer (text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A family's calendar ---------------------------------------------------------- */

/* Everything the schedule says about the day, a line each, and whom to call. */
static char *
describe_item (RpSchedule     *schedule,
               RpScheduleItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < item->lines->len; i++)
    {
      RpScheduleLine *line = g_ptr_array_index (item->lines, i);
      g_autofree char *words = plain (line->text, TRUE);

      if (words == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, words);
    }

  if (schedule->contact != NULL)
    {
      g_autofree char *contact = plain (schedule->contact, TRUE);

      g_string_append (text, "\n\n");
      g_string_append (text, contact);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
summarise_family (RpScheduleKind  kind,
                  const char     *provider)
{
  switch (kind)
    {
    case RP_SCHEDULE_GOING:
      /* Translators: a calendar event, "Taster day at Café Lumière" */
      return g_strdup_printf (_("Taster day at %s"), provider);
    case RP_SCHEDULE_TO_BE_CONFIRMED:
      /* Translators: a calendar event the family might go to, as the schedule says it */
      return g_strdup_printf (_("To be confirmed: taster day at %s"), provider);
    case RP_SCHEDULE_CANCELLED:
    default:
      /* Translators: a calendar event that is not happening */
      return g_strdup_printf (_("Cancelled: taster day at %s"), provider);
    }
}

/**
 * rp_calendar_build_family:
 * @from: (nullable): the first day to include; today if %NULL
 * @n_events: (out) (optional): how many events the calendar holds
 *
 * The attendee's own taster days as an iCalendar file: the days of their
 * schedule (rp_schedule_build()), chosen by the same rules and in the same
 * words, under the name they go by. A confirmed day is CONFIRMED, a day
 * still to be confirmed TENTATIVE (each of several days on one date the
 * team has still to choose between is its own tentative event), and a day
 * or place cancelled CANCELLED. A day not fixed yet has no date and is
 * left out. Nothing in it is about anyone else.
 *
 * Makes the database's own key if it has none yet, so @store must be open
 * for writing.
 *
 * Returns: (transfer full): the file's text, or %NULL with @error set
 */
char *
rp_calendar_build_family (RpStore     *store,
                          gint64       attendee_id,
                          const char  *from,
                          guint       *n_events,
                          GError     **error)
{
  g_autoptr(RpSchedule) schedule = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(icalcomponent) vcalendar = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *name = NULL;
  Calendar calendar;
  guint n = 0;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(attendee = rp_store_get_attendee (store, attendee_id, error)) ||
      !(schedule = rp_schedule_build (store, attendee_id, from, error)) ||
      !calendar_init (&calendar, store, rp_attendee_get_programme_id (attendee), error))
    return NULL;

  /* The attendee's record id, not their name: the UID is seen by whoever
   * the file is shared with. */
  suffix = g_strdup_printf ("attendee-%" G_GINT64_FORMAT, attendee_id);
  name = plain (schedule->title, TRUE);
  vcalendar = calendar_new_vcalendar (&calendar, name);

  for (guint s = 0; s < schedule->sections->len; s++)
    {
      RpScheduleSection *section = g_ptr_array_index (schedule->sections, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          RpScheduleItem *item = g_ptr_array_index (section->items, i);
          g_autofree char *description = describe_item (schedule, item);
          enum icalproperty_status status = item->kind == RP_SCHEDULE_GOING ? ICAL_STATUS_CONFIRMED
                                          : item->kind == RP_SCHEDULE_CANCELLED ? ICAL_STATUS_CANCELLED
                                          : ICAL_STATUS_TENTATIVE;

          for (guint d = 0; d < item->days->len; d++)
            {
              RpTasterDay *day = g_ptr_array_index (item->days, d);
              g_autofree char *provider = NULL;
              g_autofree char *location = say_location (store, day, &provider);
              g_autofree char *summary = summarise_family (item->kind, provider);

              if (add_event (&calendar, vcalendar, day, attendee_id, suffix, summary, location, description, status))
                n++;
            }
        }
    }

  calendar_clear (&calendar);
  if (n_events != NULL)
    *n_events = n;
  return as_text (vcalendar, name);
}

/* The staff's calendar ---------------------------------------------------------- */

static const char *
say_status (RpBookingStatus status)
{
  switch (status)
    {
    case RP_BOOKING_INVITED:   return _("invited");
    case RP_BOOKING_CONFIRMED: return _("confirmed");
    case RP_BOOKING_ATTENDED:  return _("attended");
    case RP_BOOKING_DECLINED:  return _("declined");
    case RP_BOOKING_CANCELLED:
    default:                   return _("cancelled");
    }
}

static char *
say_transport (RpBooking *booking)
{
  g_autofree char *pickup = say_time (rp_booking_get_pickup_time (booking));

  if (!rp_booking_get_transport_needed (booking))
    return g_strdup (_("no transport needed"));
  if (rp_booking_get_transport_arranged (booking) && pickup != NULL)
    /* Translators: "pick-up at 9:15 am" */
    return g_strdup_printf (_("pick-up at %s"), pickup);
  if (rp_booking_get_transport_arranged (booking))
    return g_strdup (_("transport arranged, pick-up time not set"));
  return g_strdup (_("transport needed, not arranged yet"));
}

/* The name of staff member @id, read once per calendar. */
static const char *
staff_name (RpStore    *store,
            GHashTable *names,
            gint64      id)
{
  char *name;

  if (id <= 0)
    return NULL;
  if (!g_hash_table_lookup_extended (names, &id, NULL, (gpointer *) &name))
    {
      g_autoptr(RpWorker) worker = rp_store_get_worker (store, id, NULL);
      gint64 *key = g_new (gint64, 1);

      *key = id;
      name = worker != NULL ? plain (rp_worker_get_name (worker), TRUE) : NULL;
      g_hash_table_insert (names, key, name);
    }

  return name;
}

/* Who goes, who is booked with their pick-up, and the day's notes. */
static char *
describe_staff_day (RpStore      *store,
                    RpTasterDay  *day,
                    GHashTable   *names,
                    GError      **error)
{
  g_autoptr(GListModel) bookings = rp_store_list_bookings (store, rp_taster_day_get_id (day), error);
  g_autoptr(GPtrArray) staff = g_ptr_array_new ();
  g_autoptr(GString) people = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *notes = plain (rp_taster_day_get_notes (day), FALSE);

  if (bookings == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
    {
      g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);
      RpBookingStatus status = rp_booking_get_status (booking);
      g_autoptr(RpAttendee) attendee = NULL;
      g_autofree char *who = NULL;
      g_autofree char *transport = NULL;
      const char *with;

      if (status == RP_BOOKING_DECLINED || status == RP_BOOKING_CANCELLED)
        continue;
      if (!(attendee = rp_store_get_attendee (store, rp_booking_get_attendee_id (booking), error)))
        return NULL;

      with = staff_name (store, names, rp_booking_get_staff_id (booking));
      if (with != NULL && !g_ptr_array_find_with_equal_func (staff, with, g_str_equal, NULL))
        g_ptr_array_add (staff, (gpointer) with);

      who = plain (rp_attendee_get_display_name (attendee), TRUE);
      transport = say_transport (booking);
      /* Translators: "Danny (attendee 4), confirmed: pick-up at 9:15 am" */
      g_string_append_printf (people, _("%s (attendee %d), %s: %s"),
                              who, rp_attendee_get_number (attendee), say_status (status), transport);
      if (with != NULL)
        /* Translators: follows a person booked, "; with Sam Patel" */
        g_string_append_printf (people, _("; with %s"), with);
      g_string_append_c (people, '\n');
    }

  if (rp_taster_day_get_cancelled (day))
    g_string_append (text, _("This taster day has been cancelled."));
  else if (staff->len == 0)
    g_string_append (text, _("Staff going: none booked yet."));
  else
    {
      g_ptr_array_add (staff, NULL);
      {
        g_autofree char *list = g_strjoinv (", ", (char **) staff->pdata);

        /* Translators: "Staff going: Sam Patel, Jo Taylor." */
        g_string_append_printf (text, _("Staff going: %s."), list);
      }
    }

  g_string_append (text, "\n\n");
  if (people->len > 0)
    {
      g_string_append (text, _("Booked:"));
      g_string_append_c (text, '\n');
      g_string_append_len (text, people->str, people->len - 1);
    }
  else
    g_string_append (text, _("Nobody is booked yet."));

  if (rp_taster_day_get_places (day) > 0)
    {
      g_string_append (text, "\n\n");
      /* Translators: "Places: 6" */
      g_string_append_printf (text, _("Places: %d"), rp_taster_day_get_places (day));
    }
  if (notes != NULL)
    {
      g_string_append (text, "\n\n");
      /* Translators: the taster day's notes follow */
      g_string_append_printf (text, _("Notes: %s"), notes);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * rp_calendar_build_staff:
 * @from: (nullable): the first day to include; every dated day if %NULL
 * @n_events: (out) (optional): how many events the calendar holds
 *
 * Every dated taster day of the programme as an iCalendar file for the
 * team: where, when, the staff going, and each person booked (the name they
 * go by and their number) with their pick-up and who goes with them. A
 * cancelled day is CANCELLED. Declined and cancelled places are left out.
 * It names attendees: it is for the team, not for families.
 *
 * Returns: (transfer full): the file's text, or %NULL with @error set
 */
char *
rp_calendar_build_staff (RpStore     *store,
                         gint64       programme_id,
                         const char  *from,
                         guint       *n_events,
                         GError     **error)
{
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(icalcomponent) vcalendar = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *programme_name = NULL;
  g_autofree char *title = NULL;
  Calendar calendar;
  guint n = 0;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(programme = rp_store_get_programme (store, programme_id, error)) ||
      !(days = rp_store_list_taster_days (store, programme_id, error)) ||
      !calendar_init (&calendar, store, programme_id, error))
    return NULL;

  programme_name = plain (rp_programme_get_name (programme), TRUE);
  /* Translators: the staff calendar's name, "Taster days – Oakfield Day Centre closure" */
  title = g_strdup_printf (_("Taster days – %s"), programme_name);
  vcalendar = calendar_new_vcalendar (&calendar, title);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
      g_autofree char *provider = NULL;
      g_autofree char *location = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *description = NULL;
      const char *date = rp_taster_day_get_date (day);

      if (date == NULL || (from != NULL && rp_date_compare (date, from) < 0))
        continue;

      if (!(description = describe_staff_day (store, day, names, error)))
        {
          calendar_clear (&calendar);
          return NULL;
        }
      location = say_location (store, day, &provider);
      summary = rp_taster_day_get_cancelled (day)
                ? g_strdup_printf (_("Cancelled: taster day at %s"), provider)
                : g_strdup_printf (_("Taster day at %s"), provider);

      if (add_event (&calendar, vcalendar, day, 0, "staff", summary, location, description,
                     rp_taster_day_get_cancelled (day) ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED))
        n++;
    }

  calendar_clear (&calendar);
  if (n_events != NULL)
    *n_events = n;
  return as_text (vcalendar, title);
}

/* Writing ---------------------------------------------------------------------- */

static gboolean
write_all (const char  *path,
           const char  *contents,
           GError     **error)
{
  gsize left = strlen (contents);
  int fd = g_open (path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0);

  while (fd >= 0 && left > 0)
    {
      gssize written = write (fd, contents, left);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        break;
      contents += written;
      left -= written;
    }

  if (fd < 0 || left > 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, RP_ERROR, saved_errno == ENOSPC ? RP_ERROR_NO_SPACE : RP_ERROR_IO,
                   _("The calendar could not be written: %s."), g_strerror (saved_errno));
      return FALSE;
    }

  return g_close (fd, error);
}

/* Written whole under a temporary name, recorded in the export history, and
 * only then given its name: an export that cannot be recorded is not made. */
static gboolean
write_and_record (RpStore               *store,
                  const char            *text,
                  const char            *path,
                  const RpExportDetails *details,
                  GError               **error)
{
  g_autoptr(RpOutputFile) file = NULL;

  if (!(file = rp_output_file_new (path, error)) ||
      !write_all (rp_output_file_get_temp_path (file), text, error) ||
      !rp_store_record_export (store, details, error))
    return FALSE;

  return rp_output_file_commit (file, error);
}

/**
 * rp_calendar_write_family:
 * @from: (nullable): the first day to include; today if %NULL
 * @reason: (nullable): why, for the export history
 * @n_events: (out) (optional): how many events were written
 *
 * Writes rp_calendar_build_family() to @path, readable by its owner only,
 * never through a link or over a database, and records it in the export
 * history (without the file's name, which names the person).
 */
gboolean
rp_calendar_write_family (RpStore     *store,
                          gint64       attendee_id,
                          const char  *from,
                          const char  *path,
                          const char  *reason,
                          guint       *n_events,
                          GError     **error)
{
  g_autoptr(RpAttendee) attendee = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;
  RpExportDetails details = { 0 };

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (from == NULL)
    from = today = rp_store_dup_today (store);

  if (!rp_output_file_check_target (path, error) ||
      !(attendee = rp_store_get_attendee (store, attendee_id, error)) ||
      !(text = rp_calendar_build_family (store, attendee_id, from, n_events, error)))
    return FALSE;

  details.programme_id = rp_attendee_get_programme_id (attendee);
  details.kind = EXPORT_KIND_FAMILY;
  details.format = EXPORT_FORMAT;
  details.as_of = from;
  details.path = path;
  details.reason = reason;
  return write_and_record (store, text, path, &details, error);
}

/**
 * rp_calendar_write_staff:
 * @from: (nullable): the first day to include; every dated day if %NULL
 * @reason: (nullable): why, for the export history
 * @n_events: (out) (optional): how many events were written
 *
 * Writes rp_calendar_build_staff() to @path as rp_calendar_write_family()
 * does, and records it in the export history.
 */
gboolean
rp_calendar_write_staff (RpStore     *store,
                         gint64       programme_id,
                         const char  *from,
                         const char  *path,
                         const char  *reason,
                         guint       *n_events,
                         GError     **error)
{
  g_autofree char *text = NULL;
  RpExportDetails details = { 0 };

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rp_output_file_check_target (path, error) ||
      !(text = rp_calendar_build_staff (store, programme_id, from, n_events, error)))
    return FALSE;

  details.programme_id = programme_id;
  details.kind = EXPORT_KIND_STAFF;
  details.format = EXPORT_FORMAT;
  details.as_of = from;
  details.path = path;
  details.reason = reason;
  return write_and_record (store, text, path, &details, error);
}
