/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-contact-csv.c: the contact log as a CSV file, written and read back
 *
 * One list of headings for both ways, so that a log exported with
 * "contact --format csv --all" imports into another programme as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-contact-csv.h"
#include "rp-csv.h"
#include "rp-csv-reader.h"
#include "rp-database-file.h"
#include "rp-error.h"
#include "rp-store-private.h"
#include "rp-validate.h"

typedef enum
{
  COLUMN_ATTENDEE,
  COLUMN_DATE,
  COLUMN_WORKER,
  COLUMN_WITH_WHOM,
  COLUMN_WITH_NAME,
  COLUMN_METHOD,
  COLUMN_SUMMARY,
  COLUMN_FOLLOW_UP,
  N_COLUMNS
} Column;

/* Never translated: a file written in one language is read in another. */
static const char * const headings[N_COLUMNS] = {
  "attendee", "date", "worker", "with_whom", "with_name", "method", "summary", "follow_up_needed",
};

/* Without these a row is no contact. */
static gboolean
column_is_required (Column column)
{
  return column == COLUMN_ATTENDEE || column == COLUMN_DATE || column == COLUMN_METHOD;
}

/**
 * rp_contact_csv_write:
 * @contacts: (element-type RpContact): the entries, one row each
 * @attendees: (element-type RpAttendee): their attendees, so that each row
 *   names the attendee by number
 *
 * Cells a spreadsheet would run as a formula are guarded, as
 * rp_csv_append_row() does; rp_contact_csv_import() takes the guard off.
 *
 * Returns: (transfer full): the CSV text, headings first; personal data
 */
char *
rp_contact_csv_write (GListModel *contacts,
                      GListModel *attendees)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (contacts), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (attendees), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      gint64 id = rp_attendee_get_id (attendee);

      g_hash_table_insert (numbers, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (rp_attendee_get_number (attendee)));
    }

  rp_csv_append_row (out, headings, N_COLUMNS);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RpContact) contact = g_list_model_get_item (contacts, i);
      gint64 attendee_id = rp_contact_get_attendee_id (contact);
      g_autofree char *number = g_strdup_printf ("%d", GPOINTER_TO_INT (g_hash_table_lookup (numbers, &attendee_id)));
      const char *fields[N_COLUMNS] = {
        number, rp_contact_get_contacted_on (contact), rp_contact_get_worker_name (contact),
        rp_contact_with_to_string (rp_contact_get_with_whom (contact)), rp_contact_get_with_name (contact),
        rp_contact_method_to_string (rp_contact_get_method (contact)), rp_contact_get_summary (contact),
        rp_contact_get_follow_up_needed (contact) ? "yes" : "no",
      };

      rp_csv_append_row (out, fields, N_COLUMNS);
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  RpCsvTable *table;
  GPtrArray  *problems;   /* (element-type RpImportProblem) */
  GPtrArray  *contacts;   /* (element-type RpContact) ready to add */
  GHashTable *attendees;  /* number → id */
  GListModel *workers;
  char       *today;
  int         columns[N_COLUMNS];  /* the file's column for each, or -1 */
  const char * const *heading_cells;
} Reading;

static void
reading_clear (Reading *reading)
{
  g_clear_pointer (&reading->table, rp_csv_table_free);
  g_clear_pointer (&reading->problems, g_ptr_array_unref);
  g_clear_pointer (&reading->contacts, g_ptr_array_unref);
  g_clear_pointer (&reading->attendees, g_hash_table_unref);
  g_clear_object (&reading->workers);
  g_clear_pointer (&reading->today, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reading, reading_clear)

static void
add_problem (Reading    *reading,
             guint       line,
             int         column,
             const char *message)
{
  RpImportProblem *problem = g_new0 (RpImportProblem, 1);

  problem->line = line;
  problem->column = column;
  if (column >= 0)
    problem->heading = rp_quote_value (reading->heading_cells[column]);
  problem->message = g_strdup (message);
  g_ptr_array_add (reading->problems, problem);
}

/* Each heading is one of the export's, once; the required ones are there. */
static void
read_headings (Reading *reading)
{
  guint n_cells = 0;
  guint line = rp_csv_table_get_line (reading->table, 0);

  reading->heading_cells = rp_csv_table_get_record (reading->table, 0, &n_cells);
  for (guint c = 0; c < N_COLUMNS; c++)
    reading->columns[c] = -1;

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *word = g_strstrip (g_ascii_strdown (reading->heading_cells[i], -1));
      gboolean known = FALSE;

      if (word[0] == '\0')
        continue;
      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (word, headings[c]))
          {
            known = TRUE;
            if (reading->columns[c] >= 0)
              add_problem (reading, line, i, _("This column is in the file twice. Leave one of them out."));
            else
              reading->columns[c] = i;
          }
      if (!known)
        add_problem (reading, line, i,
                     _("Reprovision does not know this heading. A contact log file has the headings attendee, date, worker, with_whom, with_name, method, summary and follow_up_needed."));
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    if (reading->columns[c] < 0 && column_is_required (c))
      {
        g_autofree char *message = g_strdup_printf (_("The file has no column headed “%s”. Add it."), headings[c]);

        add_problem (reading, line, -1, message);
      }
}

/* Reads one cell into @contact; @text is trimmed and unguarded, NULL when blank. */
static gboolean
read_cell (Reading     *reading,
           RpContact   *contact,
           Column       column,
           const char  *text,
           GError     **error)
{
  g_autofree char *shown = text != NULL ? rp_quote_value (text) : NULL;
  g_autofree char *iso = NULL;

  switch (column)
    {
    case COLUMN_ATTENDEE:
      {
        int number = 0;
        gpointer id;

        if (!rp_import_parse_number (text != NULL ? text : "", &number, error))
          return FALSE;
        if (!(id = g_hash_table_lookup (reading->attendees, GINT_TO_POINTER (number))))
          {
            g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                         _("No attendee numbered %d is in this programme. Import the attendees first."), number);
            return FALSE;
          }
        rp_contact_set_attendee_id (contact, *(gint64 *) id);
        return TRUE;
      }

    case COLUMN_DATE:
      if (text == NULL)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Write the day of the contact."));
          return FALSE;
        }
      if (!rp_import_parse_date (text, &iso, error) || !rp_contact_check_date (iso, reading->today, error))
        return FALSE;
      rp_contact_set_contacted_on (contact, iso);
      return TRUE;

    case COLUMN_WORKER:
      if (text != NULL)
        {
          g_autoptr(RpWorker) worker = rp_import_find_worker (reading->workers, text, error);

          if (worker == NULL)
            return FALSE;
          rp_contact_set_worker_id (contact, rp_worker_get_id (worker));
          rp_contact_set_worker_name (contact, rp_worker_get_name (worker));
        }
      return TRUE;

    case COLUMN_WITH_WHOM:
      {
        RpContactWith with_whom = RP_CONTACT_WITH_FAMILY;

        if (text != NULL && !rp_contact_with_from_string (text, &with_whom))
          {
            g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                         _("“%s” is not whom a contact can be with. Write family, person, provider, advocate or other."),
                         shown);
            return FALSE;
          }
        rp_contact_set_with_whom (contact, with_whom);
        return TRUE;
      }

    case COLUMN_WITH_NAME:
      if (!rp_check_name (text, RP_SHORT_TEXT_MAX, _("The name of whom the contact was with"), error))
        return FALSE;
      rp_contact_set_with_name (contact, text);
      return TRUE;

    case COLUMN_METHOD:
      {
        RpContactMethod method = RP_CONTACT_METHOD_NONE;

        if (text == NULL || !rp_contact_method_from_string (text, &method) || method == RP_CONTACT_METHOD_NONE)
          {
            if (text == NULL)
              g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                                   _("Say how the contact was made: letter, phone, visit, meeting or email."));
            else
              g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                           _("“%s” is not a way of making contact. Write letter, phone, visit, meeting or email."), shown);
            return FALSE;
          }
        rp_contact_set_method (contact, method);
        return TRUE;
      }

    case COLUMN_SUMMARY:
      if (!rp_check_text (text, RP_LONG_TEXT_MAX, _("The summary"), error))
        return FALSE;
      rp_contact_set_summary (contact, text);
      return TRUE;

    case COLUMN_FOLLOW_UP:
      {
        gboolean yes = FALSE;

        if (text != NULL && !rp_import_parse_yes_no (text, &yes, error))
          return FALSE;
        rp_contact_set_follow_up_needed (contact, yes);
        return TRUE;
      }

    case N_COLUMNS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
read_row (Reading *reading,
          guint    record)
{
  g_autoptr(RpContact) contact = rp_contact_new ();
  guint line = rp_csv_table_get_line (reading->table, record);
  guint n_problems = reading->problems->len;
  guint n_cells = 0;
  guint n_headings = 0;
  const char * const *cells = rp_csv_table_get_record (reading->table, record, &n_cells);
  gboolean blank = TRUE;

  for (guint i = 0; i < n_cells; i++)
    if (cells[i][0] != '\0')
      blank = FALSE;
  if (blank)
    return;

  rp_csv_table_get_record (reading->table, 0, &n_headings);
  if (n_cells != n_headings)
    {
      g_autofree char *message = g_strdup_printf (_("This row has %u cells, but the headings have %u columns. Check for a comma or a line break that is not inside quote marks."),
                                                  n_cells, n_headings);

      add_problem (reading, line, -1, message);
      return;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;
      const char *text;
      int column = reading->columns[c];

      if (column < 0)
        continue;

      value = g_utf8_validate (cells[column], -1, NULL) ? g_strstrip (g_strdup (cells[column])) : g_strdup ("");
      /* The apostrophe the export puts before "=…" is not part of the value;
       * anything else that starts with "=" is kept as the text it is. */
      text = rp_csv_unguard_cell (value);
      if (!read_cell (reading, contact, c, text[0] != '\0' ? text : NULL, &error))
        add_problem (reading, line, column, error->message);
    }

  if (reading->problems->len > n_problems)
    return;

  {
    g_autoptr(GError) error = NULL;

    if (!rp_contact_validate (contact, reading->today, &error))
      {
        add_problem (reading, line, -1, error->message);
        return;
      }
  }

  g_ptr_array_add (reading->contacts, g_steal_pointer (&contact));
}

static gboolean
read_file (Reading     *reading,
           RpStore     *store,
           gint64       programme_id,
           const char  *data,
           gsize        len,
           GError     **error)
{
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(RpProgramme) programme = NULL;

  if (!(programme = rp_store_get_programme (store, programme_id, error)) ||
      !(attendees = rp_store_list_attendees (store, programme_id, error)) ||
      !(reading->workers = rp_store_list_workers (store, TRUE, error)) ||
      !(reading->table = rp_csv_read (data, len, NULL, error)))
    return FALSE;

  reading->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_import_problem_free);
  reading->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  reading->attendees = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  reading->today = rp_store_dup_today (store);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      gint64 id = rp_attendee_get_id (attendee);

      g_hash_table_insert (reading->attendees, GINT_TO_POINTER (rp_attendee_get_number (attendee)),
                           g_memdup2 (&id, sizeof id));
    }

  if (rp_csv_table_get_n_records (reading->table) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("The file is empty."));
      return FALSE;
    }

  read_headings (reading);
  for (guint record = 1; record < rp_csv_table_get_n_records (reading->table); record++)
    read_row (reading, record);

  return TRUE;
}

/**
 * rp_contact_csv_import:
 * @store: the database, open for writing unless @dry_run
 * @programme_id: the programme whose attendees the rows name by number
 * @data: the file, as rp_contact_csv_write() writes it
 * @dry_run: check every row and write nothing
 * @n_added: (out) (optional): how many contacts were (or would be) added
 * @problems: (out) (transfer full) (element-type RpImportProblem) (optional):
 *   what is wrong with the file, naming line and column; empty if nothing
 * @error: an %RP_ERROR_INVALID error if any row has a problem, or why the
 *   file or database could not be read or written
 *
 * Adds every contact of the file, or none: the database is backed up first,
 * as an import of attendees does, and then every row is checked again and
 * added in one transaction, audited under the user of @store. Dates are
 * DD/MM/YYYY or YYYY-MM-DD, as the attendees import reads them; a worker is
 * named by full name or initials as there.
 */
gboolean
rp_contact_csv_import (RpStore     *store,
                       gint64       programme_id,
                       const char  *data,
                       gsize        len,
                       gboolean     dry_run,
                       guint       *n_added,
                       GPtrArray  **problems,
                       GError     **error)
{
  g_auto(Reading) reading = { 0 };
  g_autofree char *backup = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (problems != NULL)
    *problems = NULL;

  /* Checked once before the backup, so that a file with a problem costs none,
   * then again inside the transaction, so that nothing changes in between. */
  for (int pass = 0; pass < (dry_run ? 1 : 2); pass++)
    {
      if (pass == 1)
        {
          /* An import can be undone by restoring the copy made just before it. */
          if (!(backup = rp_database_file_back_up (rp_store_get_path (store), RP_BACKUP_BEFORE_IMPORT, &local_error)))
            {
              g_set_error (error, RP_ERROR, local_error->code,
                           _("A backup could not be made first, so nothing was imported. %s"), local_error->message);
              return FALSE;
            }
          if (!rp_store_begin (store, error))
            return FALSE;
          reading_clear (&reading);
        }

      if (!read_file (&reading, store, programme_id, data, len, error))
        {
          if (pass == 1)
            rp_store_rollback (store);
          return FALSE;
        }

      if (problems != NULL)
        {
          g_clear_pointer (problems, g_ptr_array_unref);
          *problems = g_ptr_array_ref (reading.problems);
        }

      if (reading.problems->len > 0)
        {
          if (pass == 1)
            rp_store_rollback (store);
          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The file has %u problem. Nothing was imported.",
                                    "The file has %u problems. Nothing was imported.", reading.problems->len),
                       reading.problems->len);
          return FALSE;
        }
    }

  if (!dry_run)
    {
      for (guint i = 0; i < reading.contacts->len; i++)
        if (!rp_store_add_contact (store, g_ptr_array_index (reading.contacts, i), error))
          {
            rp_store_rollback (store);
            return FALSE;
          }

      if (!rp_store_commit (store, error))
        return FALSE;
    }

  if (n_added != NULL)
    *n_added = reading.contacts->len;
  return TRUE;
}
