/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-validate.c: shared checks behind the domain objects' validate functions */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-validate.h"

/* Replaces a string field; returns whether the value changed. */
gboolean
rp_set_string (char       **field,
               const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * rp_check_required:
 * @message: what to tell the user when @value is blank, e.g. "Enter the provider’s name."
 */
gboolean
rp_check_required (const char  *value,
                   const char  *message,
                   GError     **error)
{
  if (is_blank (value))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, message);
      return FALSE;
    }

  return TRUE;
}

/* "The case notes" becomes "the case notes", to sit inside a sentence. */
static char *
lower_first (const char *what)
{
  gunichar first = g_utf8_get_char (what);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_tolower (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (what), NULL);
}

/**
 * rp_format_thousands:
 * @number: a count, 0 or more
 *
 * Returns: (transfer full): 10000 as "10,000", the way UK readers write it
 */
char *
rp_format_thousands (guint number)
{
  g_autofree char *thousands = NULL;

  if (number < 1000)
    return g_strdup_printf ("%u", number);

  thousands = rp_format_thousands (number / 1000);
  return g_strdup_printf ("%s,%03u", thousands, number % 1000);
}

/**
 * rp_check_text:
 * @what: the field in plain words, capitalised: "The report note"
 *
 * Refuses text that is not valid UTF-8 or longer than @max_chars characters.
 */
gboolean
rp_check_text (const char  *value,
               int          max_chars,
               const char  *what,
               GError     **error)
{
  g_autofree char *field = NULL;

  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      field = lower_first (what);
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Some characters in %s cannot be read. Type them again."), field);
      return FALSE;
    }

  if (g_utf8_strlen (value, -1) > max_chars)
    {
      g_autofree char *limit = rp_format_thousands (max_chars);

      field = lower_first (what);
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Too long: %s can hold at most %s characters."), field, limit);
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_check_date:
 * @iso: (nullable): an ISO 8601 date, or %NULL for none
 * @what: the field in plain words, capitalised: "The target moving date"
 */
gboolean
rp_check_date (const char  *iso,
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

/**
 * rp_check_time:
 * @time: (nullable): "HH:MM" on the 24-hour clock, or %NULL for none
 */
gboolean
rp_check_time (const char  *time,
               GError     **error)
{
  if (time == NULL)
    return TRUE;

  if (strlen (time) != 5 || time[2] != ':' ||
      !g_ascii_isdigit (time[0]) || !g_ascii_isdigit (time[1]) ||
      !g_ascii_isdigit (time[3]) || !g_ascii_isdigit (time[4]) ||
      (time[0] - '0') * 10 + (time[1] - '0') > 23 || time[3] > '5')
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("Enter times on the 24-hour clock, for example 10:00 or 14:30."));
      return FALSE;
    }

  return TRUE;
}
