/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-csv.c: writing RFC 4180 comma-separated values */

#include "config.h"

#include <string.h>

#include "rp-csv.h"
#include "rp-output-file.h"

/* A spreadsheet reads a cell that starts with one of these as a formula
 * (OWASP, "CSV Injection"); tab and carriage return are on OWASP's list too.
 * A line feed is guarded with them because reading turns a carriage return
 * into one, and the guard must come off again. */
static gboolean
is_formula_start (char c)
{
  return c != '\0' && strchr ("=+-@\t\r\n", c) != NULL;
}

/* Whether the text, after any apostrophes and spaces, starts like a formula. */
static gboolean
starts_like_formula (const char *value)
{
  while (*value == '\'' || *value == ' ')
    value++;

  return is_formula_start (*value);
}

/* "-1" and "+2" are numbers to a spreadsheet, never formulas: they stay numbers. */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;

  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;

  return *p == '\0';
}

static void
append_field (GString    *out,
              const char *value)
{
  gboolean guard;

  if (value == NULL)
    return;

  /* A leading apostrophe makes the spreadsheet read the cell as text; a cell that
   * already starts with apostrophes gets one more, so that rp_csv_unguard_cell()
   * gives back exactly what was written. A plain number is left as it is. */
  guard = starts_like_formula (value) && (value[0] == '\'' || value[0] == ' ' || !is_plain_number (value));

  /* Quote only when needed, so plain numbers stay plain for spreadsheets. */
  if (!guard && strpbrk (value, ",\"\r\n") == NULL && value[0] != ' ' &&
      (value[0] == '\0' || value[strlen (value) - 1] != ' '))
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * rp_csv_append_row:
 * @out: where the row goes
 * @fields: (array length=n_fields) (nullable): the values; %NULL is an empty field
 *
 * Appends one record ending in CRLF, quoting fields that hold commas, quotes,
 * line breaks or edge spaces. A field that a spreadsheet would run as a
 * formula (one that starts with =, +, -, @, a tab or a line break, other than
 * a plain number such as -1) is written quoted after an apostrophe, so that
 * it is read as text: see rp_csv_unguard_cell().
 */
void
rp_csv_append_row (GString            *out,
                   const char * const *fields,
                   gsize               n_fields)
{
  g_return_if_fail (out != NULL);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }

  g_string_append (out, "\r\n");
}

/**
 * rp_csv_unguard_cell:
 * @cell: a cell as read from a file
 *
 * Undoes the apostrophe rp_csv_append_row() puts before a cell that starts
 * like a formula, so that the app's own files read back as they were written.
 *
 * Returns: (transfer none): @cell, or @cell past its first character
 */
const char *
rp_csv_unguard_cell (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && starts_like_formula (cell + 1))
    return cell + 1;

  return cell;
}

/**
 * rp_csv_write_file:
 * @path: the file to write, created readable by its owner only
 * @csv: the text, in UTF-8
 * @byte_order_mark: whether the file starts with a UTF-8 byte-order mark
 *
 * Writes a CSV file. Excel reads a CSV file without a byte-order mark in the
 * computer's old code page, so "–" and accented letters come out garbled;
 * with the mark it reads UTF-8. Other programs may want the text alone.
 */
gboolean
rp_csv_write_file (const char  *path,
                   const char  *csv,
                   gboolean     byte_order_mark,
                   GError     **error)
{
  g_autoptr(GString) contents = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);

  contents = g_string_new (byte_order_mark ? "\xef\xbb\xbf" : "");
  g_string_append (contents, csv);
  return rp_output_file_set_contents (path, contents->str, contents->len, error);
}
