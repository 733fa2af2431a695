/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-csv.c: writing RFC 4180 comma-separated values */

#include "config.h"

#include <string.h>

#include "rp-csv.h"

static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL)
    return;

  /* Quote only when needed, so plain numbers stay plain for spreadsheets. */
  if (strpbrk (value, ",\"\r\n") == NULL && value[0] != ' ' &&
      (value[0] == '\0' || value[strlen (value) - 1] != ' '))
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
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
 * line breaks or edge spaces.
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
