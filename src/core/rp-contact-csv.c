/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-contact-csv.c: the contact log as a CSV file, written and read back
 *
 * One list of headings for both ways, so that a log exported with
 * "contact --format csv --all" imports into another programme as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-contact-csv.h"
#include "rp-csv.h"
#include "rp-csv-columns.h"
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
static const gboolean required[N_COLUMNS] = {
  [COLUMN_ATTENDEE] = TRUE, [COLUMN_DATE] = TRUE, [COLUMN_METHOD] = TRUE,
};

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
  RpCsvColumns  file;
  GPtrArray    *contacts;   /* (element-type RpContact) ready to add */
  GHashTable   *attendees;  /* number → id */
  GListModel   *workers;
  char         *today;
} Reading;

static void
reading_clear (Reading *reading)
{
  rp_csv_columns_clear (&reading->file);
  g_clear_pointer (&reading->contacts, g_ptr_array_unref);
  g_clear_pointer (&reading->attendees, g_hash_table_unref);
  g_clear_object (&reading->workers);
  g_clear_pointer (&reading->today, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reading, reading_clear)

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
          guint    row)
{
  g_autoptr(RpContact) contact = rp_contact_new ();
  g_auto(GStrv) cells = rp_csv_columns_get_row (&reading->file, row);
  guint line = rp_csv_columns_get_line (&reading->file, row);
  guint n_problems = reading->file.problems->len;

  if (cells == NULL)
    return;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GError) error = NULL;

      if (reading->file.columns[c] >= 0 &&
          !read_cell (reading, contact, c, cells[c][0] != '\0' ? cells[c] : NULL, &error))
        rp_csv_columns_add_problem (&reading->file, line, c, error->message);
    }

  if (reading->file.problems->len > n_problems)
    return;

  {
    g_autoptr(GError) error = NULL;

    if (!rp_contact_validate (contact, reading->today, &error))
      {
        rp_csv_columns_add_problem (&reading->file, line, -1, error->message);
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
      !(reading->workers = rp_store_list_workers (store, TRUE, error)))
    return FALSE;

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

  if (!rp_csv_columns_read (&reading->file, data, len, headings, N_COLUMNS, required,
                            _("Reprovision does not know this heading. A contact log file has the headings attendee, date, worker, with_whom, with_name, method, summary and follow_up_needed."),
                            error))
    return FALSE;

  for (guint row = 0; row < rp_csv_columns_get_n_rows (&reading->file); row++)
    read_row (reading, row);

  return TRUE;
}

typedef struct
{
  RpStore    *store;
  gint64      programme_id;
  const char *data;
  gsize       len;
  Reading     reading;
} ContactImport;

static RpCsvColumns *
reread_file (gpointer   data,
             GError   **error)
{
  ContactImport *import = data;

  reading_clear (&import->reading);
  if (!read_file (&import->reading, import->store, import->programme_id, import->data, import->len, error))
    return NULL;
  return &import->reading.file;
}

static gboolean
add_contacts (gpointer   data,
              GError   **error)
{
  ContactImport *import = data;

  for (guint i = 0; i < import->reading.contacts->len; i++)
    if (!rp_store_add_contact (import->store, g_ptr_array_index (import->reading.contacts, i), error))
      return FALSE;
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
  ContactImport import = { store, programme_id, data, len, { { 0 } } };

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  if (!rp_csv_columns_import (store, dry_run, reread_file, add_contacts, &import, problems, error))
    {
      reading_clear (&import.reading);
      return FALSE;
    }

  if (n_added != NULL)
    *n_added = import.reading.contacts->len;
  reading_clear (&import.reading);
  return TRUE;
}
