/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-date.c: calendar dates as people type them and as the database keeps them */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-validate.h"

static const char * const english_months[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static gboolean
parse_number (const char *text,
              gsize       len,
              int        *out)
{
  int value = 0;

  if (len == 0 || len > 4)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gboolean
parse_month_name (const char *word,
                  int        *month)
{
  gsize len = strlen (word);

  if (len < 3)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (english_months); i++)
    {
      if (g_ascii_strncasecmp (word, english_months[i], len) == 0 &&
          (len == 3 || len == strlen (english_months[i]) ||
           (i == 8 && len == 4)))   /* "Sept" */
        {
          *month = i + 1;
          return TRUE;
        }
    }

  return FALSE;
}

/* Splits "2023-09-20", "20/09/2023", "20.9.2023" or "20 Sep 2023" into numbers. */
static gboolean
split_date (const char *text,
            int        *year,
            int        *month,
            int        *day,
            gboolean   *two_digit_year)
{
  g_auto(GStrv) parts = NULL;
  const char *p;
  gsize lens[3];

  *two_digit_year = FALSE;

  if (strchr (text, ' ') != NULL)
    {
      g_autofree char *squeezed = g_strdup (text);

      g_strdelimit (squeezed, ",", ' ');
      parts = g_strsplit_set (squeezed, " ", -1);
      /* Drop empty pieces left by repeated spaces. */
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

        for (guint i = 0; parts[i] != NULL; i++)
          if (parts[i][0] != '\0')
            g_ptr_array_add (words, g_strdup (parts[i]));
        g_ptr_array_add (words, NULL);
        g_strfreev (parts);
        parts = (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
      }

      if (g_strv_length (parts) != 3)
        return FALSE;

      /* Tolerate "20th". */
      for (p = parts[0]; g_ascii_isdigit (*p); p++)
        ;
      if (*p != '\0' && g_ascii_strcasecmp (p, "st") != 0 && g_ascii_strcasecmp (p, "nd") != 0 &&
          g_ascii_strcasecmp (p, "rd") != 0 && g_ascii_strcasecmp (p, "th") != 0)
        return FALSE;

      if (!parse_number (parts[0], p - parts[0], day) ||
          !parse_month_name (parts[1], month) ||
          !parse_number (parts[2], strlen (parts[2]), year))
        return FALSE;

      *two_digit_year = strlen (parts[2]) <= 2;
      return TRUE;
    }

  parts = g_strsplit_set (text, "-/.", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    lens[i] = strlen (parts[i]);

  if (lens[0] == 4)
    {
      /* ISO 8601: year first. */
      if (!parse_number (parts[0], lens[0], year) ||
          !parse_number (parts[1], lens[1], month) ||
          !parse_number (parts[2], lens[2], day))
        return FALSE;
      return lens[1] <= 2 && lens[2] <= 2;
    }

  /* UK order: day, month, year. */
  if (lens[0] > 2 || lens[1] > 2 ||
      !parse_number (parts[0], lens[0], day) ||
      !parse_number (parts[1], lens[1], month) ||
      !parse_number (parts[2], lens[2], year))
    return FALSE;

  *two_digit_year = lens[2] <= 2;
  return lens[2] == 4 || lens[2] <= 2;
}

/* The checks every way of writing a date goes through, once split into numbers. */
static gboolean
check_date (const char  *trimmed,
            int          year,
            int          month,
            int          day,
            gboolean     two_digit_year,
            GDate       *date,
            GError     **error)
{
  g_autofree char *shown = rp_quote_value (trimmed);

  if (two_digit_year)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” has a two-digit year. Type the year in full, for example 20/09/2023."),
                   shown);
      return FALSE;
    }

  if (year < 1900 || year > 2200)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is not a likely year. Type a year between 1900 and 2200."),
                   shown);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is not a real date: there is no month %d. Type the day first, for example 20/09/2023."),
                   shown, month);
      return FALSE;
    }

  if (day < 1 || day > g_date_get_days_in_month (month, year))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is not a real date: that month has %d days."),
                   shown, g_date_get_days_in_month (month, year));
      return FALSE;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * rp_date_parse:
 * @text: what a person typed: "20/09/2023", "2023-09-20" or "20 Sep 2023"
 * @date: (out): the date
 * @error: an %RP_ERROR_INVALID error for text that is not a real date
 *
 * Dates are read in UK order (day, month, year). Two-digit years are refused
 * because "20/09/23" could be 1923 for a date of birth.
 */
gboolean
rp_date_parse (const char  *text,
               GDate       *date,
               GError     **error)
{
  g_autofree char *trimmed = NULL;
  int year = 0, month = 0, day = 0;
  gboolean two_digit_year = FALSE;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("Enter a date, for example 20/09/2023."));
      return FALSE;
    }

  if (!g_utf8_validate (trimmed, -1, NULL) ||
      !split_date (trimmed, &year, &month, &day, &two_digit_year))
    {
      g_autofree char *shown = rp_quote_value (trimmed);

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is not a date. Type the day, month and year, for example 20/09/2023."), shown);
      return FALSE;
    }

  return check_date (trimmed, year, month, day, two_digit_year, date, error);
}

/* Splits only "2023-09-20" and "20/09/2023" (day and month may have one digit). */
static gboolean
split_strict_date (const char *text,
                   int        *year,
                   int        *month,
                   int        *day,
                   gboolean   *two_digit_year)
{
  gsize len = strlen (text);
  const char *first;
  const char *second;
  gsize day_len, month_len, year_len;

  *two_digit_year = FALSE;

  if (len == 10 && text[4] == '-' && text[7] == '-')
    return parse_number (text, 4, year) &&
           parse_number (text + 5, 2, month) &&
           parse_number (text + 8, 2, day);

  if ((first = strchr (text, '/')) == NULL ||
      (second = strchr (first + 1, '/')) == NULL ||
      strchr (second + 1, '/') != NULL)
    return FALSE;

  day_len = first - text;
  month_len = second - first - 1;
  year_len = strlen (second + 1);
  if (day_len < 1 || day_len > 2 || month_len < 1 || month_len > 2 ||
      (year_len != 4 && year_len != 2))
    return FALSE;

  *two_digit_year = year_len == 2;
  return parse_number (text, day_len, day) &&
         parse_number (first + 1, month_len, month) &&
         parse_number (second + 1, year_len, year);
}

/**
 * rp_date_parse_strict:
 * @text: a date as a file holds it: "20/09/2023" or "2023-09-20"
 * @date: (out): the date
 * @error: an %RP_ERROR_INVALID error that names the forms accepted
 *
 * Reads only the UK form with the year in full and ISO 8601. Files often come
 * from spreadsheets set up for other countries, where guessing at "9.20.23" or
 * "Sep 20" could swap the day and the month without anyone noticing.
 */
gboolean
rp_date_parse_strict (const char  *text,
                      GDate       *date,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;
  int year = 0, month = 0, day = 0;
  gboolean two_digit_year = FALSE;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("Enter a date, for example 20/09/2023."));
      return FALSE;
    }

  if (!g_utf8_validate (trimmed, -1, NULL) ||
      !split_strict_date (trimmed, &year, &month, &day, &two_digit_year))
    {
      g_autofree char *shown = rp_quote_value (trimmed);

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is not a date written in a form that can be read. Write dates as DD/MM/YYYY, for example 20/09/2023, or as YYYY-MM-DD, for example 2023-09-20."),
                   shown);
      return FALSE;
    }

  return check_date (trimmed, year, month, day, two_digit_year, date, error);
}

/**
 * rp_date_normalise:
 * @text: (nullable): what a person typed; %NULL or blank means "no date"
 * @error: a clear error when @text is not a real date
 *
 * Returns: (transfer full) (nullable): the ISO 8601 form, or %NULL with no
 *   error set for a blank value
 */
char *
rp_date_normalise (const char  *text,
                   GError     **error)
{
  GDate date;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (trimmed[0] == '\0')
    return NULL;

  if (!rp_date_parse (trimmed, &date, error))
    return NULL;

  return rp_date_to_iso (&date);
}

/**
 * rp_date_looks_like_date:
 * @text: (nullable): what a person typed in a field that takes a date or words
 *
 * Whether @text is written as a date ("20/09/2023", "2023-09-20", "20 Sep
 * 2023"), real or not, or is only numbers and date separators ("30/09"),
 * so that a field taking a date or a note can refuse "31/02/2027" rather
 * than keep it as a note.
 *
 * Returns: %TRUE if @text is meant as a date
 */
gboolean
rp_date_looks_like_date (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  int year, month, day;
  gboolean two_digit_year, has_digit = FALSE, has_separator = FALSE;

  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    return FALSE;

  if (split_date (trimmed, &year, &month, &day, &two_digit_year))
    return TRUE;

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        has_digit = TRUE;
      else if (strchr ("-/.", *p) != NULL)
        has_separator = TRUE;
      else
        return FALSE;
    }

  return has_digit && has_separator;
}

char *
rp_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * rp_date_from_iso:
 * @iso: (nullable): a string
 * @date: (out caller-allocates): where to put the date
 *
 * Reads a real date written as YYYY-MM-DD, the way dates are stored;
 * nothing else (no other layout, no 31 February).
 *
 * Returns: %TRUE and sets @date if @iso is such a date
 */
gboolean
rp_date_from_iso (const char *iso,
                  GDate      *date)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;

  if (!parse_number (iso, 4, &year) ||
      !parse_number (iso + 5, 2, &month) ||
      !parse_number (iso + 8, 2, &day))
    return FALSE;

  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * rp_date_is_valid_iso:
 * @iso: (nullable): a string
 *
 * Returns: %TRUE if @iso is a real date written as YYYY-MM-DD
 */
gboolean
rp_date_is_valid_iso (const char *iso)
{
  GDate date;

  return rp_date_from_iso (iso, &date);
}

/**
 * rp_date_check:
 * @iso: (nullable): an ISO 8601 date, or %NULL for none
 * @what: the field in plain words, capitalised: "The target moving date"
 */
gboolean
rp_date_check (const char  *iso,
               const char  *what,
               GError     **error)
{
  if (iso != NULL && !rp_date_is_valid_iso (iso))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("%s is not a real date."), what);
      return FALSE;
    }

  return TRUE;
}

static char *
format_date (const char *iso,
             const char *month_format,
             gboolean    with_weekday)
{
  GDate date;
  char month[64];
  char weekday[64];

  if (!rp_date_from_iso (iso, &date))
    return NULL;

  if (g_date_strftime (month, sizeof month, month_format, &date) == 0)
    return NULL;

  if (!with_weekday)
    return g_strdup_printf ("%d %s %d", g_date_get_day (&date), month, g_date_get_year (&date));

  if (g_date_strftime (weekday, sizeof weekday, "%A", &date) == 0)
    return NULL;

  return g_strdup_printf ("%s %d %s %d", weekday, g_date_get_day (&date), month,
                          g_date_get_year (&date));
}

/**
 * rp_date_format_short:
 * @iso: (nullable): an ISO date
 *
 * Returns: (transfer full) (nullable): "20 Sep 2023", or %NULL for no date
 */
char *
rp_date_format_short (const char *iso)
{
  return format_date (iso, "%b", FALSE);
}

/**
 * rp_date_format_medium:
 * @iso: (nullable): an ISO date
 *
 * Returns: (transfer full) (nullable): "20 September 2023", or %NULL for no date
 */
char *
rp_date_format_medium (const char *iso)
{
  return format_date (iso, "%B", FALSE);
}

/**
 * rp_date_format_numeric:
 * @iso: (nullable): an ISO date
 *
 * Returns: (transfer full) (nullable): "20/09/2023", as people here type a
 *   date, or %NULL for no date
 */
char *
rp_date_format_numeric (const char *iso)
{
  GDate date;

  if (!rp_date_from_iso (iso, &date))
    return NULL;

  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

/**
 * rp_date_format_moment:
 * @recorded_at: (nullable): a moment as the database records it, in UTC
 *   ("2026-12-04T14:02:31.512Z")
 *
 * Returns: (transfer full) (nullable): "4 Dec 2026 14:02" in local time,
 *   or %NULL for no moment
 */
char *
rp_date_format_moment (const char *recorded_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *iso = NULL;

  if (recorded_at == NULL || !(utc = g_date_time_new_from_iso8601 (recorded_at, NULL)))
    return NULL;

  /* The day through the same words as every other date, the time after it. */
  local = g_date_time_to_local (utc);
  iso = g_date_time_format (local, "%Y-%m-%d");
  day = rp_date_format_short (iso);
  return g_strdup_printf ("%s %02d:%02d", day, g_date_time_get_hour (local), g_date_time_get_minute (local));
}

/**
 * rp_date_format_long:
 * @iso: (nullable): an ISO date
 *
 * Returns: (transfer full) (nullable): "Wednesday 20 September 2023", or %NULL
 */
char *
rp_date_format_long (const char *iso)
{
  return format_date (iso, "%B", TRUE);
}

/* Orders dates with "no date" last, as people read a timetable. */
int
rp_date_compare (const char *a,
                 const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return strcmp (a, b);
}

/**
 * rp_date_days_between:
 * Returns: the number of days from @from to @to (negative if @to is earlier),
 *   or 0 if either is not a valid date
 */
int
rp_date_days_between (const char *from,
                      const char *to)
{
  GDate a, b;

  if (!rp_date_from_iso (from, &a) || !rp_date_from_iso (to, &b))
    return 0;

  return g_date_days_between (&a, &b);
}

/**
 * rp_date_today:
 * Returns: (transfer full): today's local date as ISO 8601
 */
char *
rp_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
