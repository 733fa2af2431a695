/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-csv-columns.c: the headings and cells of a CSV file Reprovision wrote,
 * read back with every problem named by line and column
 *
 * The contact log and the reviews are written with one list of headings
 * each and read back with the same list: a column may be left out or moved,
 * but not renamed, so a file read in another language still reads. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-csv.h"
#include "rp-csv-columns.h"
#include "rp-database-file.h"
#include "rp-error.h"
#include "rp-import.h"
#include "rp-store-private.h"
#include "rp-validate.h"

void
rp_csv_columns_clear (RpCsvColumns *self)
{
  g_clear_pointer (&self->table, rp_csv_table_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_free);
  self->heading_cells = NULL;
  self->n_heading_cells = 0;
}

/* @column: the file's column, from 0, or -1 for the whole row */
static void
add_problem_at (RpCsvColumns *self,
                guint         line,
                int           column,
                const char   *message)
{
  const char *heading = column >= 0 ? self->heading_cells[column] : NULL;

  g_ptr_array_add (self->problems, rp_import_problem_new (line, column, heading, message));
}

/**
 * rp_csv_columns_add_problem:
 * @line: the line of the file, from 1
 * @heading: the index in the export's headings, or -1 for the whole row
 */
void
rp_csv_columns_add_problem (RpCsvColumns *self,
                            guint         line,
                            int           heading,
                            const char   *message)
{
  add_problem_at (self, line, heading >= 0 ? self->columns[heading] : -1, message);
}

/* Each heading is one of the export's, once; the required ones are there. */
static void
read_headings (RpCsvColumns       *self,
               const gboolean     *required,
               const char         *unknown_message)
{
  guint line = rp_csv_table_get_line (self->table, 0);

  self->heading_cells = rp_csv_table_get_record (self->table, 0, &self->n_heading_cells);
  self->columns = g_new (int, self->n_headings);
  for (guint c = 0; c < self->n_headings; c++)
    self->columns[c] = -1;

  for (guint i = 0; i < self->n_heading_cells; i++)
    {
      g_autofree char *word = g_strstrip (g_ascii_strdown (self->heading_cells[i], -1));
      gboolean known = FALSE;

      if (word[0] == '\0')
        continue;
      for (guint c = 0; c < self->n_headings; c++)
        if (g_str_equal (word, self->headings[c]))
          {
            known = TRUE;
            if (self->columns[c] >= 0)
              add_problem_at (self, line, i, _("This column is in the file twice. Leave one of them out."));
            else
              self->columns[c] = i;
          }
      if (!known)
        add_problem_at (self, line, i, unknown_message);
    }

  for (guint c = 0; c < self->n_headings; c++)
    if (self->columns[c] < 0 && required[c])
      {
        g_autofree char *message = g_strdup_printf (_("The file has no column headed “%s”. Add it."), self->headings[c]);

        rp_csv_columns_add_problem (self, line, -1, message);
      }
}

/**
 * rp_csv_columns_read:
 * @headings: the export's headings
 * @required: for each heading, whether a file must have it
 * @unknown_message: what to say of a heading that is not one of @headings
 *
 * Reads the file and its headings; problems with the headings are added
 * to @self's problems, not returned.
 *
 * Returns: %FALSE if the file cannot be read as CSV or is empty
 */
gboolean
rp_csv_columns_read (RpCsvColumns        *self,
                     const char          *data,
                     gsize                len,
                     const char * const  *headings,
                     guint                n_headings,
                     const gboolean      *required,
                     const char          *unknown_message,
                     GError             **error)
{
  g_return_val_if_fail (self != NULL && self->table == NULL, FALSE);

  self->headings = headings;
  self->n_headings = n_headings;
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_import_problem_free);
  if (!(self->table = rp_csv_read (data, len, NULL, error)))
    return FALSE;

  if (rp_csv_table_get_n_records (self->table) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("The file is empty."));
      return FALSE;
    }

  read_headings (self, required, unknown_message);
  return TRUE;
}

/* The rows after the headings. */
guint
rp_csv_columns_get_n_rows (RpCsvColumns *self)
{
  return rp_csv_table_get_n_records (self->table) - 1;
}

guint
rp_csv_columns_get_line (RpCsvColumns *self,
                         guint         row)
{
  return rp_csv_table_get_line (self->table, row + 1);
}

/**
 * rp_csv_columns_get_row:
 * @row: from 0, after the headings
 *
 * Returns: (transfer full) (nullable): for each of the export's headings,
 *   its cell trimmed and without the guard rp_csv_append_row() puts before
 *   a formula, "" when blank or absent; %NULL for a blank row, or a row of
 *   the wrong length (a problem is added)
 */
char **
rp_csv_columns_get_row (RpCsvColumns *self,
                        guint         row)
{
  guint n_cells = 0;
  const char * const *cells = rp_csv_table_get_record (self->table, row + 1, &n_cells);
  gboolean blank = TRUE;
  char **values;

  for (guint i = 0; i < n_cells; i++)
    if (cells[i][0] != '\0')
      blank = FALSE;
  if (blank)
    return NULL;

  if (n_cells != self->n_heading_cells)
    {
      g_autofree char *message = g_strdup_printf (_("This row has %u cells, but the headings have %u columns. Check for a comma or a line break that is not inside quote marks."),
                                                  n_cells, self->n_heading_cells);

      rp_csv_columns_add_problem (self, rp_csv_columns_get_line (self, row), -1, message);
      return NULL;
    }

  values = g_new0 (char *, self->n_headings + 1);
  for (guint c = 0; c < self->n_headings; c++)
    {
      g_autofree char *value = NULL;
      const char *text;
      int column = self->columns[c];

      if (column < 0)
        {
          values[c] = g_strdup ("");
          continue;
        }

      value = g_utf8_validate (cells[column], -1, NULL) ? g_strstrip (g_strdup (cells[column])) : g_strdup ("");
      /* The apostrophe the export puts before "=…" is not part of the value;
       * anything else that starts with "=" is kept as the text it is. */
      text = rp_csv_unguard_cell (value);
      values[c] = g_strdup (text);
    }

  return values;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const RpImportProblem *one = *(const RpImportProblem * const *) a;
  const RpImportProblem *other = *(const RpImportProblem * const *) b;

  return (one->line > other->line) - (one->line < other->line);
}

static gboolean
refuse_problems (RpCsvColumns  *file,
                 GPtrArray    **problems,
                 GError       **error)
{
  /* Checks of whole records come after the rows': read in the file's order. */
  g_ptr_array_sort (file->problems, compare_lines);
  if (problems != NULL)
    {
      g_clear_pointer (problems, g_ptr_array_unref);
      *problems = g_ptr_array_ref (file->problems);
    }

  if (file->problems->len == 0)
    return TRUE;

  g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "The file has %u problem. Nothing was imported.",
                            "The file has %u problems. Nothing was imported.", file->problems->len),
               file->problems->len);
  return FALSE;
}

/**
 * rp_csv_columns_import:
 * @store: the database, open for writing unless @dry_run
 * @dry_run: read and check every row, and write nothing
 * @read: reads the file and checks every row against @store
 * @apply: writes what @read read
 * @problems: (out) (transfer full) (element-type RpImportProblem) (optional):
 *   what is wrong with the file, naming line and column; empty if nothing
 * @error: an %RP_ERROR_INVALID error if any row has a problem, or why the
 *   file or database could not be read or written
 *
 * Imports all of a file or nothing, as an import of attendees does: the
 * file is checked once before the backup, so that a file with a problem
 * costs none, and then again inside one transaction after the backup, so
 * that nothing changes in between; the import can be undone by restoring
 * the copy made just before it.
 */
gboolean
rp_csv_columns_import (RpStore         *store,
                       gboolean         dry_run,
                       RpCsvReadFunc    read,
                       RpCsvApplyFunc   apply,
                       gpointer         data,
                       GPtrArray      **problems,
                       GError         **error)
{
  g_autofree char *backup = NULL;
  g_autoptr(GError) local_error = NULL;
  RpCsvColumns *file;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (problems != NULL)
    *problems = NULL;

  if (!(file = read (data, error)) || !refuse_problems (file, problems, error))
    return FALSE;
  if (dry_run)
    return TRUE;

  /* A team database's backups are its administrator's, on the server. */
  if (!rp_store_is_team (store) &&
      !(backup = rp_database_file_back_up (rp_store_get_path (store), RP_BACKUP_BEFORE_IMPORT, &local_error)))
    {
      g_set_error (error, RP_ERROR, local_error->code,
                   _("A backup could not be made first, so nothing was imported. %s"), local_error->message);
      return FALSE;
    }
  if (!rp_store_begin (store, error))
    return FALSE;

  if (!(file = read (data, error)) || !refuse_problems (file, problems, error) ||
      !apply (data, error) || !refuse_problems (file, problems, error))
    {
      rp_store_rollback (store);
      return FALSE;
    }

  return rp_store_commit (store, error);
}
