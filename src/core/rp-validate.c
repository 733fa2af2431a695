/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-validate.c: shared checks behind the domain objects' validate functions */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <string.h>

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

/* C0 and C1 controls: a terminal acts on them (ESC starts an escape sequence). */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/* Characters that change how text reads without being seen: bidirectional
 * overrides, isolates and marks, zero-width spaces, soft hyphens, line and
 * paragraph separators. Zero-width joiner and non-joiner are left alone: they
 * belong to how Persian, Indic scripts and emoji are written. */
static gboolean
is_invisible_format (gunichar c)
{
  if (c == 0x200C || c == 0x200D)
    return FALSE;

  return g_unichar_type (c) == G_UNICODE_FORMAT || c == 0x2028 || c == 0x2029;
}

/* Any text but a name may hold tabs and line breaks; no text holds other controls. */
static gboolean
is_forbidden_in_text (gunichar c)
{
  return is_control (c) && c != '\t' && c != '\n' && c != '\r';
}

/* "U+202E", the way a person can look the character up. */
static char *
code_point (gunichar c)
{
  return g_strdup_printf ("U+%04X", c);
}

/**
 * rp_check_text:
 * @what: the field in plain words, capitalised: "The report note"
 *
 * Refuses text that is not valid UTF-8, holds a control character other
 * than a tab or a line break, or is longer than @max_chars characters.
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

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (is_forbidden_in_text (g_utf8_get_char (p)))
      {
        g_autofree char *code = code_point (g_utf8_get_char (p));

        field = lower_first (what);
        g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                     _("There is a control character (%s) in %s. Remove it and try again."), code, field);
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
 * rp_check_name:
 * @value: (nullable): a person's name, initials or a provider's name
 * @max_chars: the most characters it may hold
 * @what: the field in plain words, capitalised: "The full name"
 *
 * As rp_check_text(), and also refuses what no name holds but an attack
 * does: line breaks, tabs and other control characters (a terminal runs
 * escape sequences from them), and invisible format characters such as
 * bidirectional overrides, which make a name read as something else.
 */
gboolean
rp_check_name (const char  *value,
               int          max_chars,
               const char  *what,
               GError     **error)
{
  if (!rp_check_text (value, max_chars, what, error))
    return FALSE;

  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *code = NULL;
      g_autofree char *field = NULL;

      if (c == '\t' || c == '\n' || c == '\r')
        {
          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("%s cannot hold a line break or a tab."), what);
          return FALSE;
        }

      if (!is_control (c) && !is_invisible_format (c))
        continue;

      code = code_point (c);
      field = lower_first (what);
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("There is a hidden character (%s) in %s. Hidden characters can make text read as something else: remove it and try again."),
                   code, field);
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_check_phone:
 * @value: (nullable): a phone number a family may call
 * @what: the field in plain words, capitalised: "The worker’s phone number"
 *
 * As rp_check_name() (a number printed for a family must read as typed),
 * and the number has at least six digits, so that a note such as “ask at
 * reception” is not printed as a number to call.
 */
gboolean
rp_check_phone (const char  *value,
                const char  *what,
                GError     **error)
{
  guint digits = 0;

  if (!rp_check_name (value, 40, what, error))
    return FALSE;

  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits++;

  if (digits < 6)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("%s needs at least six digits, such as 0116 496 0000."), what);
      return FALSE;
    }

  return TRUE;
}

/* The next character of @p, or one byte that is not UTF-8 (then -1 in @c). */
static const char *
next_unit (const char *p,
           const char *end,
           gunichar   *c)
{
  *c = g_utf8_get_char_validated (p, end - p);
  if (*c == (gunichar) -1 || *c == (gunichar) -2)
    {
      *c = (gunichar) -1;
      return p + 1;
    }

  return g_utf8_next_char (p);
}

/**
 * rp_quote_value:
 * @value: (nullable): text from a file or typed by someone, to be quoted in a message
 *
 * Makes text safe to show inside a message, on screen or on a terminal:
 * control characters are written as codes such as \x1b, invisible format
 * characters such as a bidirectional override as [U+202E], bytes that are not
 * UTF-8 as \xff, and long text is cut short so that one value cannot fill
 * the screen. Every message that quotes a value goes through this.
 *
 * Returns: (transfer full): the text to quote, valid UTF-8
 */
char *
rp_quote_value (const char *value)
{
  const guint max_chars = 40;
  GString *out = g_string_new (NULL);
  const char *text = value != NULL ? value : "";
  const char *end = text + strlen (text);
  guint n_units = 0;
  gunichar c;

  for (const char *p = text; p < end; p = next_unit (p, end, &c))
    n_units++;

  for (const char *p = text, *next; p < end; p = next)
    {
      next = next_unit (p, end, &c);

      if (n_units > max_chars && out->len > 0 && g_utf8_strlen (out->str, -1) >= (glong) max_chars - 1)
        {
          g_string_append (out, "…");
          break;
        }

      if (c == (gunichar) -1)
        g_string_append_printf (out, "\\x%02x", *(const guchar *) p);
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x80 && is_control (c))
        g_string_append_printf (out, "\\x%02x", c);
      else if (is_control (c) || is_invisible_format (c))
        g_string_append_printf (out, "[U+%04X]", c);
      else
        g_string_append_len (out, p, next - p);
    }

  return g_string_free (out, FALSE);
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
