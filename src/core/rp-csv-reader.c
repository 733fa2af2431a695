/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-csv-reader.c: reading RFC 4180 comma-separated values, refusing what it cannot read */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-csv-reader.h"
#include "rp-error.h"
#include "rp-validate.h"

struct _RpCsvTable
{
  GPtrArray *records;  /* of GStrv */
  GArray    *lines;    /* of guint: the line each record starts on */
};

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
  guint       n_cells;
} Reader;

/* Spreadsheets on Windows save "CSV UTF-8" with a byte order mark. */
static const char utf8_bom[] = "\xef\xbb\xbf";

static gboolean
is_line_end (char c)
{
  return c == '\r' || c == '\n';
}

/* Steps over one line end: CRLF, LF or a lone CR (old Mac files). */
static void
skip_line_end (Reader *reader)
{
  if (*reader->p == '\r' && reader->p + 1 < reader->end && reader->p[1] == '\n')
    reader->p++;
  reader->p++;
  reader->line++;
}

/* The line of @at, counting line ends the same way as skip_line_end(). */
static guint
line_of (const char *start,
         const char *at)
{
  guint line = 1;

  for (const char *p = start; p < at; p++)
    {
      if (*p == '\r' && p + 1 < at && p[1] == '\n')
        p++;
      if (*p == '\r' || *p == '\n')
        line++;
    }

  return line;
}

static gboolean
set_misplaced_quote (Reader  *reader,
                     GError **error)
{
  g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
               _("Line %u has a quote mark in the wrong place. A cell that holds quote marks must start and end with one, and each quote mark inside it must be written twice."),
               reader->line);
  return FALSE;
}

static gboolean
check_field_length (Reader   *reader,
                    GString  *field,
                    GError  **error)
{
  if (field->len > RP_CSV_MAX_FIELD)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Line %u has a cell that is too long to import (more than 64 KB of text)."),
                   reader->line);
      return FALSE;
    }

  return TRUE;
}

/* A cell in quote marks: commas and line ends are part of it, "" is one quote mark. */
static gboolean
read_quoted (Reader   *reader,
             GString  *field,
             GError  **error)
{
  guint opened_on = reader->line;

  reader->p++;

  for (;;)
    {
      const char *run = reader->p;

      while (reader->p < reader->end && *reader->p != '"' && !is_line_end (*reader->p))
        reader->p++;
      g_string_append_len (field, run, reader->p - run);

      if (!check_field_length (reader, field, error))
        return FALSE;

      if (reader->p >= reader->end)
        {
          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("The quote mark that opens a cell on line %u is never closed. Add the closing quote mark, or remove the opening one."),
                       opened_on);
          return FALSE;
        }

      if (is_line_end (*reader->p))
        {
          /* A line break inside a cell is kept as one "\n", whatever the file used. */
          skip_line_end (reader);
          g_string_append_c (field, '\n');
          continue;
        }

      if (reader->p + 1 < reader->end && reader->p[1] == '"')
        {
          g_string_append_c (field, '"');
          reader->p += 2;
          continue;
        }

      reader->p++;
      break;
    }

  if (!check_field_length (reader, field, error))
    return FALSE;

  if (reader->p < reader->end && *reader->p != ',' && !is_line_end (*reader->p))
    return set_misplaced_quote (reader, error);

  return TRUE;
}

static gboolean
read_plain (Reader   *reader,
            GString  *field,
            GError  **error)
{
  const char *run = reader->p;

  while (reader->p < reader->end && *reader->p != ',' && !is_line_end (*reader->p))
    {
      if (*reader->p == '"')
        return set_misplaced_quote (reader, error);
      reader->p++;
    }

  g_string_append_len (field, run, reader->p - run);
  return check_field_length (reader, field, error);
}

/* Reads one record and the line end after it. */
static GStrv
read_record (Reader  *reader,
             GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);

  for (;;)
    {
      g_string_truncate (field, 0);

      if (reader->p < reader->end && *reader->p == '"')
        {
          if (!read_quoted (reader, field, error))
            return NULL;
        }
      else if (!read_plain (reader, field, error))
        return NULL;

      if (fields->len >= RP_CSV_MAX_COLUMNS)
        {
          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("Line %u has more than %u columns. Check that it is the right file."),
                       reader->line, (guint) RP_CSV_MAX_COLUMNS);
          return NULL;
        }

      if (++reader->n_cells > RP_CSV_MAX_CELLS)
        {
          g_autofree char *limit = rp_format_thousands (RP_CSV_MAX_CELLS);

          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("The file has more than %s cells. Split it into smaller files."), limit);
          return NULL;
        }

      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (reader->p < reader->end && *reader->p == ',')
        {
          reader->p++;
          continue;
        }

      if (reader->p < reader->end)
        skip_line_end (reader);
      break;
    }

  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}

/* Refuses, with the line, a file that is not UTF-8 text. */
static gboolean
check_text (const char  *start,
            gsize        len,
            GError     **error)
{
  const char *nul = memchr (start, '\0', len);
  const char *invalid = NULL;

  if (nul != NULL)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Line %u holds characters that are not text. This does not look like a CSV file: check that it is the right file."),
                   line_of (start, nul));
      return FALSE;
    }

  if (!g_utf8_validate_len (start, len, &invalid))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Line %u is not valid UTF-8 text. Save the file as UTF-8 CSV and try again."),
                   line_of (start, invalid));
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_csv_read:
 * @data: (array length=len): the bytes of a file
 * @cancellable: (nullable): stops a long read
 * @error: an %RP_ERROR_INVALID error naming the line it cannot read
 *
 * Reads comma-separated values as RFC 4180 describes them, in UTF-8 with or
 * without a byte order mark, with CRLF, LF or CR line ends. A quoted cell
 * may hold commas, line breaks (returned as "\n") and doubled quote marks.
 * A line end after the last record adds no record; a blank line in the
 * middle is a record with one empty cell. A file it cannot read in full,
 * or one larger than the RP_CSV_MAX_ limits, is refused.
 *
 * Returns: (transfer full): the records, or %NULL with @error set
 */
RpCsvTable *
rp_csv_read (const char    *data,
             gsize          len,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(RpCsvTable) table = NULL;
  Reader reader = { 0 };

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len > RP_CSV_MAX_BYTES)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The file is too large to import (more than 64 MB). Check that it is the right file."));
      return NULL;
    }

  if (len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The file is saved as UTF-16 text. Save it as “CSV UTF-8” and try again."));
      return NULL;
    }

  reader.p = data;
  reader.end = data + len;
  reader.line = 1;
  if (len >= 3 && memcmp (data, utf8_bom, 3) == 0)
    reader.p += 3;

  if (!check_text (reader.p, reader.end - reader.p, error))
    return NULL;

  table = g_new0 (RpCsvTable, 1);
  table->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  while (reader.p < reader.end)
    {
      guint line = reader.line;
      GStrv record;

      if (table->records->len >= RP_CSV_MAX_RECORDS)
        {
          g_autofree char *limit = rp_format_thousands (RP_CSV_MAX_RECORDS);

          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("The file has more than %s rows. Split it into smaller files."), limit);
          return NULL;
        }

      if (table->records->len % 1024 == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!(record = read_record (&reader, error)))
        return NULL;

      g_ptr_array_add (table->records, record);
      g_array_append_val (table->lines, line);
    }

  return g_steal_pointer (&table);
}

void
rp_csv_table_free (RpCsvTable *table)
{
  if (table == NULL)
    return;

  g_ptr_array_unref (table->records);
  g_array_unref (table->lines);
  g_free (table);
}

guint
rp_csv_table_get_n_records (RpCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->records->len;
}

/**
 * rp_csv_table_get_record:
 * @n_fields: (out) (optional): the number of cells
 *
 * Returns: (transfer none) (array zero-terminated=1): the cells of record @index
 */
const char * const *
rp_csv_table_get_record (RpCsvTable *table,
                         guint       index,
                         guint      *n_fields)
{
  const char * const *record;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (index < table->records->len, NULL);

  record = g_ptr_array_index (table->records, index);
  if (n_fields != NULL)
    *n_fields = g_strv_length ((GStrv) record);

  return record;
}

/**
 * rp_csv_table_get_line:
 *
 * Returns: the line of the file record @index starts on (the first line is 1);
 *   a record with line breaks in a quoted cell spans several lines
 */
guint
rp_csv_table_get_line (RpCsvTable *table,
                       guint       index)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (index < table->lines->len, 0);

  return g_array_index (table->lines, guint, index);
}
