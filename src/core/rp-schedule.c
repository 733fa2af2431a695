/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-schedule.c: a family's own taster-day schedule, in plain words and large print */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-name-index.h"
#include "rp-output-file.h"
#include "rp-pdf.h"
#include "rp-schedule.h"

#define PAGE_WIDTH  595.28   /* A4 portrait, in points */
#define PAGE_HEIGHT 841.89
#define MARGIN      50.0
#define ICON_SIZE   34.0
#define TEXT_LEFT   (MARGIN + ICON_SIZE + 22)
#define TEXT_WIDTH  (PAGE_WIDTH - TEXT_LEFT - MARGIN)

#define NBSP              "\xc2\xa0"        /* U+00A0 NO-BREAK SPACE */
#define NON_BREAKING_DASH "\xe2\x80\x91"    /* U+2011 NON-BREAKING HYPHEN */

/* A run of words longer than this is left to wrap at its spaces: held
 * together it would not fit a narrow window in large print. */
#define MAX_GLUED_CHARS 20

/* Words -------------------------------------------------------------------- */

/* Text from a record as it may be printed: nothing invisible, one line,
 * single spaces; a line break in an address becomes a comma. */
static char *
clean (const char *text)
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

      if (c == '\n' || c == '\r')
        comma = space = TRUE;
      else if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (comma && out->len > 0 && out->str[out->len - 1] != ',' && c != ',')
            g_string_append_c (out, ',');
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          comma = space = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static gboolean
has_digit (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Joins @words, holding a pair together where @keep says so. */
typedef gboolean (*KeepFunc) (const char *before,
                              const char *after);

static char *
join_words (char     **words,
            KeepFunc   keep)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, keep (words[i - 1], words[i]) ? NBSP : " ");
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
keep_all (const char *before,
          const char *after)
{
  return TRUE;
}

/* A name, a date or a number held on one line: "Priya Mistry", "19 October". */
static char *
glue (const char *text)
{
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;
  if (g_utf8_strlen (text, -1) > MAX_GLUED_CHARS)
    return g_strdup (text);

  words = g_strsplit (text, " ", -1);
  return join_words (words, keep_all);
}

/* The last two words of a heading or a sentence stay together, so that
 * none ends with one word alone on its line: "Days you are / going to",
 * "Please do not / go." Not when they are long together, such as
 * "Wednesday 27 September": a narrow window would have to split them. */
#define MAX_LAST_WORDS_CHARS 16

static char *
glue_last_words (const char *text)
{
  const char *last;
  const char *before;
  GString *out;

  if (text == NULL)
    return NULL;
  if ((last = strrchr (text, ' ')) == NULL)
    return g_strdup (text);

  for (before = last; before > text && before[-1] != ' '; before--)
    ;
  if (g_utf8_strlen (before, -1) > MAX_LAST_WORDS_CHARS)
    return g_strdup (text);

  out = g_string_new_len (text, last - text);
  g_string_append (out, NBSP);
  g_string_append (out, last + 1);
  return g_string_free (out, FALSE);
}

/* "0116 496 0000" never splits; nor does "0116-496-0000". */
static char *
glue_phone (const char *phone)
{
  g_autofree char *joined = glue (phone);
  g_auto(GStrv) parts = NULL;

  if (joined == NULL)
    return NULL;

  parts = g_strsplit (joined, "-", -1);
  return g_strjoinv (NON_BREAKING_DASH, parts);
}

/* A number stays with the word beside it: "12 High Street", "Unit 4". */
static gboolean
keep_number (const char *before,
             const char *after)
{
  return !g_str_has_suffix (before, ",") && (has_digit (before) || has_digit (after));
}

static char *
glue_address (const char *address)
{
  g_auto(GStrv) words = NULL;

  if (address == NULL)
    return NULL;

  words = g_strsplit (address, " ", -1);
  return join_words (words, keep_number);
}

static gboolean
is_conjunction (const char *word)
{
  static const char * const conjunctions[] = { "and", "&", "+", "or", "with", NULL };

  return g_strv_contains (conjunctions, word) ||
         g_ascii_strcasecmp (word, "and") == 0 || g_ascii_strcasecmp (word, "with") == 0;
}

/* Family as typed: "Margaret (mother) and Ben’s sister". Each person stays
 * on one line; the text may break between people, at a comma or a word
 * such as "and". @several is set when it names more than one. */
static char *
glue_family (const char *family,
             gboolean   *several)
{
  g_auto(GStrv) words = g_strsplit (family, " ", -1);
  g_autoptr(GPtrArray) person = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  *several = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean between = words[i + 1] != NULL &&
                         (g_str_has_suffix (words[i], ",") || g_str_has_suffix (words[i], ";") ||
                          is_conjunction (words[i]) || is_conjunction (words[i + 1]));
      g_autofree char *joined = NULL;
      g_autofree char *glued = NULL;

      g_ptr_array_add (person, words[i]);
      if (!between && words[i + 1] != NULL)
        continue;

      if (between && !is_conjunction (words[i]))
        *several = TRUE;

      g_ptr_array_add (person, NULL);
      joined = g_strjoinv (" ", (char **) person->pdata);
      glued = glue (joined);
      g_ptr_array_set_size (person, 0);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, glued);
    }

  return g_string_free (out, FALSE);
}

/* "10 am", "10:30 am", "midday", "2 pm": how people say times. */
static char *
say_time (const char *hhmm)
{
  g_autofree char *said = NULL;
  int hours, minutes;

  if (hhmm == NULL || sscanf (hhmm, "%d:%d", &hours, &minutes) != 2)
    return NULL;

  if (hours == 12 && minutes == 0)
    return g_strdup (_("midday"));

  if (minutes == 0)
    said = g_strdup_printf (hours < 12 ? _("%d am") : _("%d pm"), hours == 0 ? 12 : hours > 12 ? hours - 12 : hours);
  else
    said = g_strdup_printf (hours < 12 ? _("%d:%02d am") : _("%d:%02d pm"),
                            hours == 0 ? 12 : hours > 12 ? hours - 12 : hours, minutes);
  return glue (said);
}

/* "Saturday 30 September": the year only confuses a schedule for the
 * weeks ahead. The day and the month stay together on one line. */
static char *
say_date (const char *iso)
{
  GDate date;
  char text[128];
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  if (iso == NULL || !rp_date_parse (iso, &date, NULL) || g_date_strftime (text, sizeof text, "%A %e %B", &date) == 0)
    return NULL;

  /* %e pads single-digit days with a space. */
  words = g_strsplit (text, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);

  for (guint i = 0; i < kept->len; i++)
    {
      if (i > 0)
        g_string_append (out, i == 1 ? " " : NBSP);
      g_string_append (out, g_ptr_array_index (kept, i));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
first_word (const char *name)
{
  const char *space;

  if (name == NULL)
    return NULL;

  space = strchr (name, ' ');
  return space != NULL ? g_strndup (name, space - name) : g_strdup (name);
}

/* "from 10 am to 2 pm", "from 10 am", or %NULL. */
static char *
say_hours (RpTasterDay *day)
{
  g_autofree char *start = say_time (rp_taster_day_get_start_time (day));
  g_autofree char *end = say_time (rp_taster_day_get_end_time (day));

  if (start != NULL && end != NULL)
    /* Translators: "from 10 am to 2 pm" */
    return g_strdup_printf (_("from %s to %s"), start, end);
  if (start != NULL)
    return g_strdup_printf (_("from %s"), start);
  return NULL;
}

/* "Saturday 30 September, 10 am to 2 pm", or %NULL when the day is not fixed. */
static char *
say_when (RpTasterDay *day)
{
  g_autofree char *date = say_date (rp_taster_day_get_date (day));
  g_autofree char *start = say_time (rp_taster_day_get_start_time (day));
  g_autofree char *end = say_time (rp_taster_day_get_end_time (day));

  if (date == NULL)
    return NULL;
  if (start != NULL && end != NULL)
    /* Translators: "Saturday 30 September, 10 am to 2 pm" */
    return g_strdup_printf (_("%s, %s to %s"), date, start, end);
  if (start != NULL)
    return g_strdup_printf (_("%s, from %s"), date, start);
  return g_steal_pointer (&date);
}

/* The provider's name held together, and the venue (or the provider's
 * address) with its numbers held to their words. */
static void
say_place (RpStore      *store,
           RpTasterDay  *day,
           char        **name,
           char        **address)
{
  g_autofree char *provider_name = clean (rp_taster_day_get_provider_name (day));
  g_autofree char *venue = clean (rp_taster_day_get_venue (day));

  if (venue == NULL && rp_taster_day_get_provider_id (day) > 0)
    {
      g_autoptr(RpProvider) provider = rp_store_get_provider (store, rp_taster_day_get_provider_id (day), NULL);

      if (provider != NULL)
        venue = clean (rp_provider_get_address (provider));
    }

  *name = glue (provider_name != NULL ? provider_name : _("the provider"));
  *address = glue_address (venue);
}

/* Items -------------------------------------------------------------------- */

static void
line_free (gpointer data)
{
  RpScheduleLine *line = data;

  g_free (line->text);
  g_free (line);
}

static void
item_free (gpointer data)
{
  RpScheduleItem *item = data;

  g_free (item->date);
  g_free (item->heading);
  g_clear_pointer (&item->lines, g_ptr_array_unref);
  g_clear_pointer (&item->days, g_ptr_array_unref);
  g_free (item);
}

static void
section_free (gpointer data)
{
  RpScheduleSection *section = data;

  g_clear_pointer (&section->items, g_ptr_array_unref);
  g_free (section->heading);
  g_free (section->intro);
  g_free (section);
}

static RpScheduleItem *
item_new (RpScheduleKind  kind,
          RpTasterDay    *day,
          char           *heading)
{
  RpScheduleItem *item = g_new0 (RpScheduleItem, 1);

  item->kind = kind;
  item->date = g_strdup (rp_taster_day_get_date (day));
  item->heading = glue_last_words (heading);
  g_free (heading);
  item->lines = g_ptr_array_new_with_free_func (line_free);
  /* Kept for whoever turns the item into something else (a calendar's
   * events), so that the days are not chosen again by other rules. */
  item->days = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (item->days, g_object_ref (day));
  return item;
}

/* Takes @text; a %NULL text adds no line. */
static void
add_line (RpScheduleItem *item,
          RpScheduleIcon  icon,
          char           *text)
{
  RpScheduleLine *line;

  if (text == NULL)
    return;

  line = g_new0 (RpScheduleLine, 1);
  line->icon = icon;
  line->text = glue_last_words (text);
  g_free (text);
  g_ptr_array_add (item->lines, line);
}

typedef struct
{
  RpStore     *store;
  RpAttendee  *attendee;
  RpNameIndex *people;     /* everyone's names, to keep other people's off the sheet */
  GHashTable  *own_words;  /* the folded words of the attendee's own names and contact */
} Context;

static void
add_own_words (GHashTable *own,
               const char *name)
{
  g_auto(GStrv) words = rp_name_index_name_words (name);

  for (guint i = 0; words[i] != NULL; i++)
    g_hash_table_add (own, g_steal_pointer (&words[i]));
}

/* Whether @text names a person the file knows who is neither the attendee
 * nor their contact: family typed on one person's booking that belongs on
 * another's (the wrong "Susan" on Ben's sheet). */
static gboolean
names_someone_else (Context    *context,
                    const char *text)
{
  gsize offset = 0;
  RpNameMatch match;

  while (rp_name_index_match (context->people, NULL, text + offset, &match))
    {
      g_autofree char *word = match.known != NULL ? rp_name_index_fold (match.known, -1) : NULL;

      if (word == NULL || !g_hash_table_contains (context->own_words, word))
        return TRUE;
      offset += match.end;
    }

  return FALSE;
}

/* Who comes with them: by first name, and how the family knows them. */
static char *
say_staff (Context   *context,
           RpBooking *booking)
{
  g_autoptr(RpWorker) staff = NULL;
  g_autofree char *name = NULL;
  g_autofree char *first = NULL;
  g_autofree char *glued = NULL;

  if (rp_booking_get_staff_id (booking) <= 0 ||
      !(staff = rp_store_get_worker (context->store, rp_booking_get_staff_id (booking), NULL)) ||
      !(name = clean (rp_worker_get_name (staff))))
    return NULL;

  first = first_word (name);
  glued = glue (first);

  if (rp_worker_get_id (staff) == rp_attendee_get_worker_id (context->attendee) &&
      rp_worker_get_role (staff) == RP_WORKER_ROLE_SOCIAL_WORKER)
    /* Translators: "Priya, your social worker, will come with you." */
    return g_strdup_printf (_("%s, your social worker, will come with you."), glued);
  if (rp_worker_get_role (staff) == RP_WORKER_ROLE_DAY_CENTRE_STAFF)
    /* Translators: "Sam from the day centre will come with you." */
    return g_strdup_printf (_("%s from the day centre will come with you."), glued);
  return g_strdup_printf (_("%s will come with you."), glued);
}

static char *
say_family (Context   *context,
            RpBooking *booking)
{
  g_autofree char *family = clean (rp_booking_get_family_attending (booking));
  g_autofree char *glued = NULL;
  gboolean several;

  if (family == NULL)
    return NULL;

  /* Better to say nothing of who is coming than to show one family
   * another's. */
  if (names_someone_else (context, family))
    return g_strdup (_("The day centre will tell you who from your family is coming."));

  glued = glue_family (family, &several);
  /* Translators: "Margaret (mother) is coming too." */
  return g_strdup_printf (several ? _("%s are coming too.") : _("%s is coming too."), glued);
}

static char *
say_transport (RpBooking *booking)
{
  g_autofree char *pickup = say_time (rp_booking_get_pickup_time (booking));

  if (!rp_booking_get_transport_needed (booking))
    return NULL;
  if (rp_booking_get_transport_arranged (booking) && pickup != NULL)
    /* Translators: "Transport will collect you at 9:15 am." */
    return g_strdup_printf (_("Transport will collect you at %s."), pickup);
  if (rp_booking_get_transport_arranged (booking))
    return g_strdup (_("Transport will collect you. The day centre will tell you the time."));
  return g_strdup (_("The day centre is arranging transport."));
}

/* "Pathfinders at 10:30 am": another day on the same date, in a few words. */
static char *
say_other (Context     *context,
           RpTasterDay *day)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *start = say_time (rp_taster_day_get_start_time (day));

  say_place (context->store, day, &name, &address);
  if (start != NULL)
    /* Translators: "Pathfinders at 10:30 am" */
    return g_strdup_printf (_("%s at %s"), name, start);
  return g_steal_pointer (&name);
}

typedef struct
{
  RpBooking   *booking;
  RpTasterDay *day;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->booking);
  g_clear_object (&entry->day);
}

/* A confirmed day: what the family will do. @others are the days of the
 * same date it was chosen over. */
static RpScheduleItem *
describe_going (Context *context,
                Entry   *entry,
                GArray  *others)
{
  g_autofree char *when = say_when (entry->day);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  RpScheduleItem *item;

  say_place (context->store, entry->day, &name, &address);
  item = item_new (RP_SCHEDULE_GOING, entry->day, when != NULL ? g_steal_pointer (&when) : g_strdup (_("Day not fixed yet")));

  add_line (item, RP_SCHEDULE_ICON_PLACE,
            address != NULL
            /* Translators: "You are going to IBC, 12 High Street." */
            ? g_strdup_printf (_("You are going to %s, %s."), name, address)
            : g_strdup_printf (_("You are going to %s."), name));
  if (item->date == NULL)
    add_line (item, RP_SCHEDULE_ICON_NOTE, g_strdup (_("The day centre will tell you the day.")));
  add_line (item, RP_SCHEDULE_ICON_PERSON, say_staff (context, entry->booking));
  add_line (item, RP_SCHEDULE_ICON_FAMILY, say_family (context, entry->booking));
  add_line (item, RP_SCHEDULE_ICON_TRANSPORT, say_transport (entry->booking));

  if (others != NULL && others->len > 0)
    {
      g_autofree char *list = say_other (context, g_array_index (others, Entry, 0).day);

      for (guint i = 1; i < others->len; i++)
        {
          g_autofree char *next = say_other (context, g_array_index (others, Entry, i).day);
          /* Translators: "Pathfinders at 10:30 am or Mosaic at 11 am" */
          char *longer = g_strdup_printf (_("%s or %s"), list, next);

          g_free (list);
          list = longer;
        }
      /* Translators: "You are going here, not to Pathfinders at 10:30 am." */
      add_line (item, RP_SCHEDULE_ICON_NOTE, g_strdup_printf (_("You are going here, not to %s."), list));
    }

  return item;
}

/* An invitation: a day the family might go to, never written as a plan. */
static RpScheduleItem *
describe_invited (Context *context,
                  Entry   *entry)
{
  g_autofree char *when = say_when (entry->day);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  RpScheduleItem *item;

  say_place (context->store, entry->day, &name, &address);
  item = item_new (RP_SCHEDULE_TO_BE_CONFIRMED, entry->day,
                   when != NULL
                   /* Translators: "To be confirmed: Thursday 19 October, 10:30 am to 1:30 pm" */
                   ? g_strdup_printf (_("To be confirmed: %s"), when)
                   : g_strdup (_("To be confirmed: day not fixed yet")));

  add_line (item, RP_SCHEDULE_ICON_PLACE,
            address != NULL
            /* Translators: "You might go to Pathfinders, Unit 4, Canal Wharf." */
            ? g_strdup_printf (_("You might go to %s, %s."), name, address)
            : g_strdup_printf (_("You might go to %s."), name));
  add_line (item, RP_SCHEDULE_ICON_NOTE, g_strdup (_("This is not confirmed yet. The day centre will tell you if you are going.")));
  return item;
}

/* Days of one date that cannot all happen, with none chosen: the family
 * is told what each is and that the team will say which. */
static RpScheduleItem *
describe_choice (Context *context,
                 GArray  *entries)
{
  Entry *first = &g_array_index (entries, Entry, 0);
  g_autofree char *date = say_date (rp_taster_day_get_date (first->day));
  RpScheduleItem *item = item_new (RP_SCHEDULE_TO_BE_CONFIRMED, first->day,
                                   g_strdup_printf (_("To be confirmed: %s"), date));

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *name = NULL;
      g_autofree char *address = NULL;
      g_autofree char *hours = say_hours (entry->day);
      g_autofree char *place = NULL;

      if (i > 0)
        g_ptr_array_add (item->days, g_object_ref (entry->day));
      say_place (context->store, entry->day, &name, &address);
      place = address != NULL ? g_strdup_printf (_("%s, %s"), name, address) : g_strdup (name);
      if (hours != NULL)
        {
          /* Translators: "IBC, 12 High Street, from 10 am to 2 pm" */
          char *longer = g_strdup_printf (_("%s, %s"), place, hours);

          g_free (place);
          place = longer;
        }

      add_line (item, RP_SCHEDULE_ICON_PLACE,
                i == 0
                /* Translators: "You might go to IBC, 12 High Street, from 10 am to 2 pm." */
                ? g_strdup_printf (_("You might go to %s."), place)
                /* Translators: "Or you might go to Pathfinders, Unit 4, Canal Wharf, from 10:30 am to 1:30 pm." */
                : g_strdup_printf (_("Or you might go to %s."), place));
    }

  add_line (item, RP_SCHEDULE_ICON_NOTE,
            g_strdup (_("You can only go to one of these. The day centre will tell you which one.")));
  return item;
}

/* A day they were booked on that is not happening: said plainly, so that
 * nobody waits for transport or turns up at a closed door. */
static RpScheduleItem *
describe_cancelled (Context *context,
                    Entry   *entry)
{
  g_autofree char *when = say_when (entry->day);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  RpScheduleItem *item;

  say_place (context->store, entry->day, &name, &address);
  item = item_new (RP_SCHEDULE_CANCELLED, entry->day,
                   when != NULL
                   /* Translators: "Cancelled: Wednesday 27 September, 11 am to 3 pm" */
                   ? g_strdup_printf (_("Cancelled: %s"), when)
                   : g_strdup (_("Cancelled: day not fixed yet")));

  /* Translators: "You are not going to Mosaic on this day." */
  add_line (item, RP_SCHEDULE_ICON_PLACE, g_strdup_printf (_("You are not going to %s on this day."), name));
  add_line (item, RP_SCHEDULE_ICON_NOTE,
            rp_taster_day_get_cancelled (entry->day)
            ? g_strdup (_("This taster day has been cancelled. Please do not go."))
            : g_strdup (_("Your place on this day has been cancelled. Please do not go.")));
  return item;
}

/* Days of one date: one confirmed is the plan and the others are not;
 * none or several confirmed, and the team has still to choose. */
static void
describe_date (Context   *context,
               GArray    *entries,
               GPtrArray *going,
               GPtrArray *to_be_confirmed)
{
  Entry *chosen = NULL;
  guint n_confirmed = 0;

  if (entries->len == 1)
    {
      Entry *entry = &g_array_index (entries, Entry, 0);

      if (rp_booking_get_status (entry->booking) == RP_BOOKING_CONFIRMED)
        g_ptr_array_add (going, describe_going (context, entry, NULL));
      else
        g_ptr_array_add (to_be_confirmed, describe_invited (context, entry));
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    if (rp_booking_get_status (g_array_index (entries, Entry, i).booking) == RP_BOOKING_CONFIRMED)
      {
        chosen = &g_array_index (entries, Entry, i);
        n_confirmed++;
      }

  if (n_confirmed == 1)
    {
      g_autoptr(GArray) others = g_array_new (FALSE, TRUE, sizeof (Entry));

      /* Borrowed: @entries keeps them. */
      for (guint i = 0; i < entries->len; i++)
        if (&g_array_index (entries, Entry, i) != chosen)
          g_array_append_val (others, g_array_index (entries, Entry, i));
      g_ptr_array_add (going, describe_going (context, chosen, others));
    }
  else
    g_ptr_array_add (to_be_confirmed, describe_choice (context, entries));
}

static void
add_section (RpSchedule     *schedule,
             RpScheduleKind  kind,
             GPtrArray      *items)
{
  RpScheduleSection *section;

  if (items->len == 0)
    return;

  section = g_new0 (RpScheduleSection, 1);
  section->kind = kind;
  section->items = g_ptr_array_ref (items);
  switch (kind)
    {
    case RP_SCHEDULE_GOING:
      section->heading = glue_last_words (_("Days you are going to"));
      break;

    case RP_SCHEDULE_TO_BE_CONFIRMED:
      section->heading = glue_last_words (_("To be confirmed"));
      section->intro = glue_last_words (_("These days are not settled yet. Please only go if the day centre tells you to."));
      break;

    case RP_SCHEDULE_CANCELLED:
    default:
      section->heading = glue_last_words (_("Cancelled"));
      section->intro = glue_last_words (_("These days are not happening."));
      break;
    }

  g_ptr_array_add (schedule->sections, section);
}

/* "If you have questions, call …": the allocated worker, or the
 * programme's contact for families where the worker has no number; never
 * a blank, and never someone who has left. */
static char *
say_contact (Context  *context,
             GError  **error)
{
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpWorker) worker = NULL;
  g_autofree char *worker_name = NULL;
  g_autofree char *worker_phone = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *contact_phone = NULL;

  if (!(programme = rp_store_get_programme (context->store, rp_attendee_get_programme_id (context->attendee), error)))
    return NULL;

  if (rp_attendee_get_worker_id (context->attendee) > 0 &&
      (worker = rp_store_get_worker (context->store, rp_attendee_get_worker_id (context->attendee), NULL)) != NULL &&
      rp_worker_get_active (worker))
    {
      g_autofree char *name = clean (rp_worker_get_name (worker));
      g_autofree char *phone = clean (rp_worker_get_phone (worker));

      worker_name = glue (name);
      worker_phone = glue_phone (phone);
    }

  {
    g_autofree char *name = clean (rp_programme_get_family_contact (programme));
    g_autofree char *phone = clean (rp_programme_get_family_contact_phone (programme));

    contact = glue (name);
    contact_phone = glue_phone (phone);
  }

  if (worker_name != NULL && worker_phone != NULL)
    /* Translators: "If you have questions, call Priya Mistry on 0116 496 0000." */
    return g_strdup_printf (_("If you have questions, call %s on %s."), worker_name, worker_phone);
  if (contact_phone != NULL)
    return g_strdup_printf (_("If you have questions, call %s on %s."),
                            contact != NULL ? contact : _("the day centre"), contact_phone);
  if (worker_name != NULL && rp_worker_get_role (worker) == RP_WORKER_ROLE_SOCIAL_WORKER)
    /* Translators: "If you have questions, ask your social worker, Priya Mistry." */
    return g_strdup_printf (_("If you have questions, ask your social worker, %s."), worker_name);
  if (worker_name != NULL)
    return g_strdup_printf (_("If you have questions, ask %s."), worker_name);
  if (contact != NULL)
    return g_strdup_printf (_("If you have questions, ask %s."), contact);
  return g_strdup (_("If you have questions, ask the staff at the day centre."));
}

/* A language other than English is the coordinator's to act on: the sheet
 * is never guessed or machine-translated, so they are told, not the family. */
static char *
say_language_warning (RpAttendee *attendee)
{
  g_autofree char *own = g_strstrip (g_strdup (rp_attendee_get_interpreter_language (attendee) ?: ""));
  g_autofree char *contact = g_strstrip (g_strdup (rp_attendee_get_contact_interpreter_language (attendee) ?: ""));
  gboolean own_other = !rp_communication_language_is_english (own);
  gboolean contact_other = !rp_communication_language_is_english (contact);
  const char *name = rp_attendee_get_display_name (attendee);

  if (own_other && contact_other && g_utf8_collate (own, contact) != 0)
    /* Translators: for the coordinator: "Danny needs Polish and their family contact needs Urdu: …" */
    return g_strdup_printf (_("%s needs %s and their family contact needs %s: this schedule is in English only. "
                              "Arrange an interpreter or a translation; Reprovision does not translate."),
                            name, own, contact);
  if (own_other)
    /* Translators: for the coordinator: "Danny needs Polish: this schedule is in English only. …" */
    return g_strdup_printf (_("%s needs %s: this schedule is in English only. "
                              "Arrange an interpreter or a translation; Reprovision does not translate."),
                            name, own);
  if (contact_other)
    /* Translators: for the coordinator: "Danny’s family contact needs Urdu: …" */
    return g_strdup_printf (_("%s’s family contact needs %s: this schedule is in English only. "
                              "Arrange an interpreter or a translation; Reprovision does not translate."),
                            name, contact);
  return NULL;
}

/* Builds one attendee's schedule with @people shared by the caller, so
 * that a document of many sheets reads everyone's names once. */
static RpSchedule *
build (RpStore      *store,
       gint64        attendee_id,
       const char   *from,
       RpNameIndex  *people,
       GError      **error)
{
  g_autoptr(RpSchedule) schedule = g_new0 (RpSchedule, 1);
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(GListModel) bookings = NULL;
  g_autoptr(GArray) active = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GArray) cancelled = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GPtrArray) going = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GPtrArray) to_be_confirmed = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GPtrArray) not_happening = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GHashTable) own_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *name = NULL;
  Context context = { store, NULL, people, own_words };

  g_array_set_clear_func (active, entry_clear);
  g_array_set_clear_func (cancelled, entry_clear);
  schedule->sections = g_ptr_array_new_with_free_func (section_free);

  if (!(attendee = rp_store_get_attendee (store, attendee_id, error)) ||
      !(bookings = rp_store_list_attendee_bookings (store, attendee_id, error)))
    return NULL;
  context.attendee = attendee;

  add_own_words (own_words, rp_attendee_get_full_name (attendee));
  add_own_words (own_words, rp_attendee_get_preferred_name (attendee));
  add_own_words (own_words, rp_attendee_get_contact_name (attendee));

  /* The name they go by, never the legal one when they have another. */
  name = clean (rp_attendee_get_display_name (attendee));
  schedule->name = glue (name);
  {
    /* Translators: "Taster days for Danny" */
    g_autofree char *title = g_strdup_printf (_("Taster days for %s"), schedule->name);

    schedule->title = glue_last_words (title);
  }
  schedule->intro = glue_last_words (_("Days out to try new places."));
  schedule->format = rp_schedule_format_for_needs (rp_attendee_get_communication_needs (attendee),
                                                   rp_attendee_get_contact_communication_needs (attendee));
  schedule->language_warning = say_language_warning (attendee);
  {
    g_autofree char *contact = say_contact (&context, error);

    if (contact == NULL)
      return NULL;
    schedule->contact = glue_last_words (contact);
  }

  for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
    {
      Entry entry = { g_list_model_get_item (bookings, i), NULL };
      RpBookingStatus status = rp_booking_get_status (entry.booking);
      const char *date;

      if (!(entry.day = rp_store_get_taster_day (store, rp_booking_get_taster_day_id (entry.booking), error)))
        {
          entry_clear (&entry);
          return NULL;
        }

      date = rp_taster_day_get_date (entry.day);
      /* Days gone, and days they said no to or have been to, are not news. */
      if ((date != NULL && rp_date_compare (date, from) < 0) ||
          status == RP_BOOKING_DECLINED || status == RP_BOOKING_ATTENDED)
        entry_clear (&entry);
      else if (status == RP_BOOKING_CANCELLED || rp_taster_day_get_cancelled (entry.day))
        g_array_append_val (cancelled, entry);
      else
        g_array_append_val (active, entry);
    }

  /* The bookings come by date, so the days of one date are side by side. */
  for (guint i = 0; i < active->len;)
    {
      const char *date = rp_taster_day_get_date (g_array_index (active, Entry, i).day);
      g_autoptr(GArray) same = g_array_new (FALSE, TRUE, sizeof (Entry));
      guint j = i;

      do
        g_array_append_val (same, g_array_index (active, Entry, j++));
      while (date != NULL && j < active->len &&
             g_strcmp0 (rp_taster_day_get_date (g_array_index (active, Entry, j).day), date) == 0);

      describe_date (&context, same, going, to_be_confirmed);
      i = j;
    }

  for (guint i = 0; i < cancelled->len; i++)
    g_ptr_array_add (not_happening, describe_cancelled (&context, &g_array_index (cancelled, Entry, i)));

  add_section (schedule, RP_SCHEDULE_GOING, going);
  add_section (schedule, RP_SCHEDULE_TO_BE_CONFIRMED, to_be_confirmed);
  add_section (schedule, RP_SCHEDULE_CANCELLED, not_happening);
  if (schedule->sections->len == 0)
    schedule->empty = glue_last_words (_("No taster days are booked at the moment."));

  return g_steal_pointer (&schedule);
}

/**
 * rp_schedule_build:
 * @from: (nullable): the first day to include; today if %NULL
 *
 * The attendee's taster days still to come, in plain words for them and
 * their family: the confirmed days they are going to, the days still to
 * be confirmed, and the days they were booked on that are cancelled. Two
 * days on one date are never shown as if both happen. The sheet uses the
 * name they go by and says whom to call with questions.
 *
 * Nothing here is about anyone else: only the attendee's own bookings are
 * read, and family typed on a booking that names another attendee or
 * another attendee's contact is left out. Nothing comes from the private
 * case notes.
 *
 * Returns: (transfer full): the schedule, or %NULL on error
 */
RpSchedule *
rp_schedule_build (RpStore     *store,
                   gint64       attendee_id,
                   const char  *from,
                   GError     **error)
{
  g_autoptr(RpNameIndex) people = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  if (from == NULL)
    from = today = rp_store_dup_today (store);

  if (!(people = rp_store_build_people_index (store, error)))
    return NULL;

  return build (store, attendee_id, from, people, error);
}

/**
 * rp_schedule_say_time:
 * @hhmm: (nullable): a time as stored, "09:15"
 *
 * Returns: (transfer full) (nullable): the time as the schedule says it,
 *   "9:15 am", "midday", held on one line with a non-breaking space
 */
char *
rp_schedule_say_time (const char *hhmm)
{
  return say_time (hhmm);
}

/**
 * rp_schedule_count_items:
 *
 * Returns: how many days of @kind the schedule shows
 */
guint
rp_schedule_count_items (RpSchedule     *self,
                         RpScheduleKind  kind)
{
  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->sections->len; i++)
    {
      RpScheduleSection *section = g_ptr_array_index (self->sections, i);

      if (section->kind == kind)
        return section->items->len;
    }

  return 0;
}

/**
 * rp_schedule_dup_text:
 *
 * Returns: (transfer full): everything the schedule says, a line each, in
 *   reading order: what the window shows and the sheet prints
 */
char *
rp_schedule_dup_text (RpSchedule *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n%s\n%s\n", self->title, self->intro, self->contact);
  if (self->empty != NULL)
    g_string_append_printf (text, "%s\n", self->empty);

  for (guint s = 0; s < self->sections->len; s++)
    {
      RpScheduleSection *section = g_ptr_array_index (self->sections, s);

      g_string_append_printf (text, "%s\n", section->heading);
      if (section->intro != NULL)
        g_string_append_printf (text, "%s\n", section->intro);

      for (guint i = 0; i < section->items->len; i++)
        {
          RpScheduleItem *item = g_ptr_array_index (section->items, i);

          g_string_append_printf (text, "%s\n", item->heading);
          for (guint l = 0; l < item->lines->len; l++)
            g_string_append_printf (text, "%s\n", ((RpScheduleLine *) g_ptr_array_index (item->lines, l))->text);
        }
    }

  return g_string_free (text, FALSE);
}

void
rp_schedule_free (RpSchedule *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->title);
  g_free (self->intro);
  g_free (self->contact);
  g_free (self->empty);
  g_free (self->language_warning);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_free (self);
}

/* Icons --------------------------------------------------------------------- */

static void
draw_icon (cairo_t        *cr,
           RpScheduleIcon  icon,
           double          x,
           double          y)
{
  double s = ICON_SIZE;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, x, y);
  cairo_set_source_rgb (cr, 0.11, 0.35, 0.70);
  cairo_set_line_width (cr, 3);

  switch (icon)
    {
    case RP_SCHEDULE_ICON_CALENDAR:
      cairo_rectangle (cr, 2, 6, s - 4, s - 8);
      cairo_stroke (cr);
      cairo_rectangle (cr, 2, 6, s - 4, 8);
      cairo_fill (cr);
      cairo_move_to (cr, 10, 2);
      cairo_line_to (cr, 10, 10);
      cairo_move_to (cr, s - 10, 2);
      cairo_line_to (cr, s - 10, 10);
      cairo_stroke (cr);
      break;

    case RP_SCHEDULE_ICON_PLACE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, 13, 10, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, s / 2 - 9, 18);
      cairo_line_to (cr, s / 2, s - 1);
      cairo_line_to (cr, s / 2 + 9, 18);
      cairo_stroke (cr);
      break;

    case RP_SCHEDULE_ICON_PERSON:
    case RP_SCHEDULE_ICON_FAMILY:
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, 9, 7, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, s, 13, G_PI, 2 * G_PI);
      cairo_fill (cr);
      if (icon == RP_SCHEDULE_ICON_FAMILY)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, 5, 14, 4.5, 0, 2 * G_PI);
          cairo_fill (cr);
          cairo_new_sub_path (cr);
          cairo_arc (cr, s - 5, 14, 4.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;

    case RP_SCHEDULE_ICON_NOTE:
      /* An "i" in a circle: something to know. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, s / 2, s / 2 - 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, 10, 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_rectangle (cr, s / 2 - 2, 15, 4, 12);
      cairo_fill (cr);
      break;

    case RP_SCHEDULE_ICON_PHONE:
      /* A handset: a curved grip, with the ear and mouth pieces turned in. */
      {
        const double cx = s * 0.9, cy = s * 0.1, r = s * 0.68;
        const double ends[] = { G_PI * 0.54, G_PI * 0.96 };

        cairo_set_line_width (cr, 7);
        cairo_new_sub_path (cr);
        cairo_arc (cr, cx, cy, r, ends[0], ends[1]);
        cairo_stroke (cr);
        for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
          {
            cairo_save (cr);
            cairo_translate (cr, cx, cy);
            cairo_rotate (cr, ends[i]);
            cairo_translate (cr, r, 0);
            cairo_new_sub_path (cr);
            cairo_arc (cr, -8, -4, 3, G_PI, G_PI * 1.5);
            cairo_arc (cr, 1, -4, 3, G_PI * 1.5, 0);
            cairo_arc (cr, 1, 4, 3, 0, G_PI * 0.5);
            cairo_arc (cr, -8, 4, 3, G_PI * 0.5, G_PI);
            cairo_close_path (cr);
            cairo_fill (cr);
            cairo_restore (cr);
          }
      }
      break;

    case RP_SCHEDULE_ICON_TRANSPORT:
    default:
      cairo_move_to (cr, 2, s - 10);
      cairo_line_to (cr, 2, 16);
      cairo_line_to (cr, 9, 8);
      cairo_line_to (cr, s - 9, 8);
      cairo_line_to (cr, s - 2, 16);
      cairo_line_to (cr, s - 2, s - 10);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 10, 11, s - 20, 6);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.11, 0.35, 0.70);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 9, s - 8, 5, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, s - 9, s - 8, 5, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }

  cairo_restore (cr);
}

/* The calendar of a day that is not a plan carries a mark: a question for
 * one to be confirmed, a cross for one cancelled. */
static void
draw_heading_icon (cairo_t        *cr,
                   RpScheduleKind  kind,
                   double          x,
                   double          y)
{
  double s = ICON_SIZE;

  draw_icon (cr, RP_SCHEDULE_ICON_CALENDAR, x, y);
  if (kind == RP_SCHEDULE_GOING)
    return;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_set_source_rgb (cr, 0.11, 0.35, 0.70);
  cairo_set_line_width (cr, 3);
  if (kind == RP_SCHEDULE_CANCELLED)
    {
      cairo_move_to (cr, 10, 18);
      cairo_line_to (cr, s - 10, s - 5);
      cairo_move_to (cr, s - 10, 18);
      cairo_line_to (cr, 10, s - 5);
      cairo_stroke (cr);
    }
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, 21, 4.5, G_PI, G_PI * 2.4);
      cairo_line_to (cr, s / 2, 27);
      cairo_stroke (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, 30.5, 1.8, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* Pages --------------------------------------------------------------------- */

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  /* Lines break at spaces; the non-breaking ones hold dates, times, names
   * and numbers together. Only a word too long for a line is split. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_spacing (layout, 4 * PANGO_SCALE);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text at @x, @y under @tag, or only measures it when @draw is FALSE. */
static double
text_block (cairo_t    *cr,
            const char *tag,
            const char *text,
            double      size,
            gboolean    bold,
            double      x,
            double      y,
            double      width,
            gboolean    draw)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold, width);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  if (draw)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, x, y);
      cairo_tag_begin (cr, tag, NULL);
      pango_cairo_show_layout (cr, layout);
      cairo_tag_end (cr, tag);
    }

  return (double) height / PANGO_SCALE;
}

/* The sizes of each format, in points. Plain is ordinary print; large print
 * is 16 pt and more (RNIB); easy read is large too, with a picture on the
 * left of every point (Mencap, and the UK government's easy-read guidance). */
typedef struct
{
  double   title;
  double   section;
  double   heading;    /* a day's heading */
  double   body;
  double   continued;
  double   gap;        /* between one point and the next */
  gboolean pictures;
} Style;

static const Style styles[] = {
  [RP_SCHEDULE_FORMAT_PLAIN]       = { 20, 16, 13, 12, 11, 8, FALSE },
  [RP_SCHEDULE_FORMAT_LARGE_PRINT] = { 28, 24, 20, 18, 16, 14, FALSE },
  [RP_SCHEDULE_FORMAT_EASY_READ]   = { 28, 24, 20, 20, 16, 16, TRUE },
};

static const Style *
style_of (const RpSchedule *schedule)
{
  return &styles[schedule->format < G_N_ELEMENTS (styles) ? schedule->format : RP_SCHEDULE_FORMAT_PLAIN];
}

/* One point. In easy read its picture is beside it, on the left; the picture
 * only repeats the words, so a screen reader skips it. */
static double
icon_line (cairo_t     *cr,
           const Style *style,
           const char  *tag,
           const char  *text,
           double       size,
           gboolean     bold,
           double       y,
           gboolean     draw)
{
  double height;

  if (!style->pictures)
    return text_block (cr, tag, text, size, bold, MARGIN, y, PAGE_WIDTH - 2 * MARGIN, draw) + style->gap;

  height = text_block (cr, tag, text, size, bold, TEXT_LEFT, y + 4, TEXT_WIDTH, draw);
  return MAX (height + 4, ICON_SIZE) + style->gap;
}

typedef enum
{
  BLOCK_TITLE,      /* the title, what the sheet is, and whom to call */
  BLOCK_CONTINUED,  /* a later page's reminder of whose sheet it is */
  BLOCK_EMPTY,
  BLOCK_SECTION,    /* a section's heading and what it means */
  BLOCK_ITEM,
} BlockKind;

typedef struct
{
  BlockKind                 kind;
  const RpSchedule         *schedule;
  const RpScheduleSection  *section;
  const RpScheduleItem     *item;
} Block;

/* Draws one block from @y, or only measures it; returns its height. */
static double
block (cairo_t     *cr,
       const Block *b,
       double       y,
       gboolean     draw)
{
  const double full = PAGE_WIDTH - 2 * MARGIN;
  const Style *style = style_of (b->schedule);
  gboolean icons = draw && style->pictures;
  double start = y;

  switch (b->kind)
    {
    case BLOCK_TITLE:
      y += text_block (cr, "H1", b->schedule->title, style->title, TRUE, MARGIN, y, full, draw) + 8;
      if (icons)
        draw_icon (cr, RP_SCHEDULE_ICON_PLACE, MARGIN, y);
      y += icon_line (cr, style, "P", b->schedule->intro, style->body, FALSE, y, draw);
      if (style->pictures)
        {
          /* A hard word, explained in the next sentence. */
          if (icons)
            draw_icon (cr, RP_SCHEDULE_ICON_NOTE, MARGIN, y);
          y += icon_line (cr, style, "P", _("A taster day is a visit to try out a new place."),
                          style->body, FALSE, y, draw);
        }
      if (icons)
        draw_icon (cr, RP_SCHEDULE_ICON_PHONE, MARGIN, y);
      y += icon_line (cr, style, "P", b->schedule->contact, style->body, FALSE, y, draw) + 12;
      break;

    case BLOCK_CONTINUED:
      {
        /* Translators: at the top of a schedule's later pages: "Taster days for Danny (continued)" */
        g_autofree char *text = g_strdup_printf (_("%s (continued)"), b->schedule->title);

        if (icons)
          draw_icon (cr, RP_SCHEDULE_ICON_CALENDAR, MARGIN, y);
        y += icon_line (cr, style, "P", text, style->continued, FALSE, y, draw) + 12;
      }
      break;

    case BLOCK_EMPTY:
      if (icons)
        draw_icon (cr, RP_SCHEDULE_ICON_NOTE, MARGIN, y);
      y += icon_line (cr, style, "P", b->schedule->empty, style->body, FALSE, y, draw) + 12;
      break;

    case BLOCK_SECTION:
      if (icons)
        draw_heading_icon (cr, b->section->kind, MARGIN, y);
      y += icon_line (cr, style, "H2", b->section->heading, style->section, TRUE, y, draw);
      if (b->section->intro != NULL)
        {
          if (icons)
            draw_icon (cr, RP_SCHEDULE_ICON_NOTE, MARGIN, y);
          y += icon_line (cr, style, "P", b->section->intro, style->body, FALSE, y, draw);
        }
      y += 4;
      break;

    case BLOCK_ITEM:
    default:
      if (icons)
        draw_heading_icon (cr, b->item->kind, MARGIN, y);
      y += icon_line (cr, style, "H3", b->item->heading, style->heading, TRUE, y, draw);
      for (guint i = 0; i < b->item->lines->len; i++)
        {
          const RpScheduleLine *line = g_ptr_array_index (b->item->lines, i);

          if (icons)
            draw_icon (cr, line->icon, MARGIN, y);
          y += icon_line (cr, style, "P", line->text, style->body, FALSE, y, draw);
        }

      /* A clear line between one day and the next. */
      if (draw)
        {
          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (cr, 1.5);
          cairo_move_to (cr, MARGIN, y);
          cairo_line_to (cr, PAGE_WIDTH - MARGIN, y);
          cairo_stroke (cr);
        }
      y += style->gap + 8;
      break;
    }

  return y - start;
}

typedef struct
{
  guint first_block;
  guint n_blocks;
} Page;

struct _RpScheduleDocument
{
  GPtrArray *schedules;   /* (element-type RpSchedule), one sheet each */
  GArray    *blocks;      /* (element-type Block), borrowing from @schedules */
  GArray    *pages;       /* (element-type Page) */
};

static void
add_block (GArray                  *blocks,
           BlockKind                kind,
           const RpSchedule        *schedule,
           const RpScheduleSection *section,
           const RpScheduleItem    *item)
{
  Block b = { kind, schedule, section, item };

  g_array_append_val (blocks, b);
}

/* Lays each sheet out as blocks and splits them into pages: a day's lines
 * stay together, a section's heading stays with its first day, and a later
 * page says whose sheet it is. A block's height does not depend on where
 * it is drawn. */
static void
paginate (RpScheduleDocument *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) content = g_array_new (FALSE, TRUE, sizeof (Block));

  for (guint s = 0; s < self->schedules->len; s++)
    {
      const RpSchedule *schedule = g_ptr_array_index (self->schedules, s);
      Page page = { self->blocks->len, 0 };
      double y = MARGIN;

      g_array_set_size (content, 0);
      add_block (content, BLOCK_TITLE, schedule, NULL, NULL);
      if (schedule->empty != NULL)
        add_block (content, BLOCK_EMPTY, schedule, NULL, NULL);
      for (guint i = 0; i < schedule->sections->len; i++)
        {
          const RpScheduleSection *section = g_ptr_array_index (schedule->sections, i);

          add_block (content, BLOCK_SECTION, schedule, section, NULL);
          for (guint j = 0; j < section->items->len; j++)
            add_block (content, BLOCK_ITEM, schedule, section, g_ptr_array_index (section->items, j));
        }

      for (guint i = 0; i < content->len; i++)
        {
          Block *b = &g_array_index (content, Block, i);
          double height = block (cr, b, 0, FALSE);
          double kept = height;

          if (b->kind == BLOCK_SECTION && i + 1 < content->len)
            kept += block (cr, &g_array_index (content, Block, i + 1), 0, FALSE);

          if (y + kept > PAGE_HEIGHT - MARGIN && page.n_blocks > 0)
            {
              g_array_append_val (self->pages, page);
              page.first_block = self->blocks->len;
              page.n_blocks = 1;
              add_block (self->blocks, BLOCK_CONTINUED, schedule, NULL, NULL);
              y = MARGIN + block (cr, &g_array_index (self->blocks, Block, self->blocks->len - 1), 0, FALSE);
            }

          g_array_append_val (self->blocks, *b);
          page.n_blocks++;
          y += height;
        }

      g_array_append_val (self->pages, page);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/**
 * rp_schedule_document_new:
 * @attendee_ids: (element-type gint64): whose schedules, one sheet each
 * @from: (nullable): the first day to include; today if %NULL
 *
 * Lays out easy-read A4 portrait sheets, for the PDF and for printing alike.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
RpScheduleDocument *
rp_schedule_document_new (RpStore     *store,
                          GArray      *attendee_ids,
                          const char  *from,
                          GError     **error)
{
  return rp_schedule_document_new_full (store, attendee_ids, from, NULL, error);
}

/**
 * rp_schedule_document_new_full:
 * @format: (nullable): the format of every sheet; %NULL for each sheet to
 *   follow its family's communication needs (plain when there are none)
 */
RpScheduleDocument *
rp_schedule_document_new_full (RpStore                *store,
                               GArray                 *attendee_ids,
                               const char             *from,
                               const RpScheduleFormat *format,
                               GError                **error)
{
  g_autoptr(RpScheduleDocument) self = NULL;
  g_autoptr(RpNameIndex) people = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (attendee_ids != NULL, NULL);

  if (from == NULL)
    from = today = rp_store_dup_today (store);

  self = g_new0 (RpScheduleDocument, 1);
  self->schedules = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_schedule_free);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));

  if (!(people = rp_store_build_people_index (store, error)))
    return NULL;

  for (guint i = 0; i < attendee_ids->len; i++)
    {
      RpSchedule *schedule = build (store, g_array_index (attendee_ids, gint64, i), from, people, error);

      if (schedule == NULL)
        return NULL;
      if (format != NULL)
        schedule->format = *format;
      g_ptr_array_add (self->schedules, schedule);
    }

  paginate (self);
  return g_steal_pointer (&self);
}

char *
rp_schedule_document_dup_language_warnings (RpScheduleDocument *self)
{
  GString *out = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->schedules->len; i++)
    {
      const RpSchedule *schedule = g_ptr_array_index (self->schedules, i);

      if (schedule->language_warning == NULL)
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append_c (out, '\n');
      g_string_append (out, schedule->language_warning);
    }

  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

guint
rp_schedule_document_get_n_pages (RpScheduleDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

/**
 * rp_schedule_document_draw_page:
 * @cr: a context in points, with the origin at the page's top left
 */
void
rp_schedule_document_draw_page (RpScheduleDocument *self,
                                cairo_t            *cr,
                                guint               page_nr)
{
  Page *page;
  double y = MARGIN;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page_nr < self->pages->len);

  page = &g_array_index (self->pages, Page, page_nr);

  cairo_save (cr);
  for (guint i = page->first_block; i < page->first_block + page->n_blocks; i++)
    y += block (cr, &g_array_index (self->blocks, Block, i), y, TRUE);
  cairo_restore (cr);
}

void
rp_schedule_document_free (RpScheduleDocument *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->schedules, g_ptr_array_unref);
  g_free (self);
}

/**
 * rp_schedule_write_pdf:
 * @attendee_ids: (element-type gint64): whose schedules, one sheet each
 * @from: (nullable): the first day to include; today if %NULL
 * @path: the file, created readable by its owner only
 *
 * Writes an easy-read A4 sheet for each attendee: large type, short
 * sentences, one idea per line, a simple picture beside each line. The
 * sheet carries the attendee's name, since it is for them and their family.
 */
gboolean
rp_schedule_write_pdf (RpStore     *store,
                       GArray      *attendee_ids,
                       const char  *from,
                       const char  *path,
                       GError     **error)
{
  return rp_schedule_write_pdf_full (store, attendee_ids, from, NULL, path, NULL, error);
}

/**
 * rp_schedule_write_pdf_full:
 * @format: (nullable): the format of every sheet; %NULL to follow each
 *   family's communication needs
 * @warnings: (out) (optional) (transfer full) (nullable): for the
 *   coordinator, each sheet whose family needs a language other than English
 */
gboolean
rp_schedule_write_pdf_full (RpStore                *store,
                            GArray                 *attendee_ids,
                            const char             *from,
                            const RpScheduleFormat *format,
                            const char             *path,
                            char                  **warnings,
                            GError                **error)
{
  g_autoptr(RpScheduleDocument) document = NULL;
  g_autoptr(RpOutputFile) file = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (attendee_ids != NULL, FALSE);

  if (warnings != NULL)
    *warnings = NULL;

  if (!(document = rp_schedule_document_new_full (store, attendee_ids, from, format, error)) ||
      !(file = rp_output_file_new (path, error)))
    return FALSE;

  if (warnings != NULL)
    *warnings = rp_schedule_document_dup_language_warnings (document);

  surface = cairo_pdf_surface_create (rp_output_file_get_temp_path (file), PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Taster days"));
  cr = cairo_create (surface);

  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < rp_schedule_document_get_n_pages (document); page++)
    {
      rp_schedule_document_draw_page (document, cr, page);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_IO, _("“%s” could not be written: %s."), path, cairo_status_to_string (status));
      return FALSE;
    }

  return rp_pdf_set_language (rp_output_file_get_temp_path (file), rp_pdf_get_language (), error) &&
         rp_output_file_commit (file, error);
}

/**
 * rp_schedule_list_attendees:
 * @from: (nullable): the first day to count; today if %NULL
 *
 * Returns: (transfer full) (element-type gint64): the attendees of the
 *   programme with a taster day still to come (or one to come that was
 *   cancelled, which their family needs to know), by attendee number
 */
GArray *
rp_schedule_list_attendees (RpStore     *store,
                            gint64       programme_id,
                            const char  *from,
                            GError     **error)
{
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RpNameIndex) people = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  if (from == NULL)
    from = today = rp_store_dup_today (store);

  if (!(attendees = rp_store_list_attendees (store, programme_id, error)) ||
      !(people = rp_store_build_people_index (store, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      gint64 id = rp_attendee_get_id (attendee);
      g_autoptr(RpSchedule) schedule = build (store, id, from, people, error);

      if (schedule == NULL)
        return NULL;
      if (schedule->sections->len > 0)
        g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}
