/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-columns.c: the columns of the attendees CSV file, written and read
 *
 * One table says what "attendees --format csv [--all-fields]" writes and
 * which field an import reads from each heading, so that whatever is
 * exported with every field can be imported back. */

#include "config.h"

#include "rp-attendee.h"
#include "rp-attendee-field.h"
#include "rp-attendee-columns.h"
#include "rp-csv.h"
#include "rp-moving-plan.h"
#include "rp-worker.h"

/* Returns the cell's text; @initials maps a worker's id to their initials. */
typedef char *(*FormatFunc) (RpAttendee *attendee,
                             GHashTable *initials);

typedef struct
{
  const char      *heading;   /* as the file writes it, never translated */
  RpImportField    field;     /* what an import reads; IGNORE for a column only people read */
  gboolean         personal;  /* written only with every field */
  FormatFunc       format;    /* NULL: the attendee's text field @text, as it is */
  RpAttendeeField  text;
} Column;

static char *
format_number (RpAttendee *attendee,
               GHashTable *initials)
{
  return g_strdup_printf ("%d", rp_attendee_get_number (attendee));
}

static char *
format_status (RpAttendee *attendee,
               GHashTable *initials)
{
  return g_strdup (rp_funding_get_label (rp_attendee_get_funding (attendee)));
}

static char *
format_step (RpAttendee *attendee,
             GHashTable *initials)
{
  return g_strdup_printf ("%d", rp_attendee_get_step (attendee));
}

static char *
format_step_name (RpAttendee *attendee,
                  GHashTable *initials)
{
  return g_strdup (rp_moving_plan_step_name (rp_attendee_get_step (attendee)));
}

static char *
format_worker (RpAttendee *attendee,
               GHashTable *initials)
{
  gint64 id = rp_attendee_get_worker_id (attendee);

  return g_strdup (g_hash_table_lookup (initials, &id));
}

static char *
format_target_date (RpAttendee *attendee,
                    GHashTable *initials)
{
  return g_strdup (rp_attendee_get_target_date (attendee));
}

static char *
format_outcome (RpAttendee *attendee,
                GHashTable *initials)
{
  return g_strdup (rp_outcome_to_string (rp_attendee_get_outcome (attendee)));
}

/* Untranslated, as the import reads "yes" and "no" in any language. */
static char *
format_wheelchair_user (RpAttendee *attendee,
                        GHashTable *initials)
{
  return g_strdup (rp_attendee_get_wheelchair_user (attendee) ? "yes" : "no");
}

static char *
format_transport_needed (RpAttendee *attendee,
                         GHashTable *initials)
{
  return g_strdup (rp_attendee_get_transport_needed (attendee) ? "yes" : "no");
}

/* In the order of the file; the personal columns come after the others. */
static const Column columns[] = {
  { "attendee_no",          RP_IMPORT_FIELD_NUMBER,               FALSE, format_number },
  { "status",               RP_IMPORT_FIELD_STATUS,               FALSE, format_status },
  { "step",                 RP_IMPORT_FIELD_STEP,                 FALSE, format_step },
  { "step_name",            RP_IMPORT_FIELD_IGNORE,               FALSE, format_step_name },
  { "worker",               RP_IMPORT_FIELD_WORKER,               FALSE, format_worker },
  { "target_moving_date",   RP_IMPORT_FIELD_TARGET_DATE,          FALSE, format_target_date },
  { "outcome",              RP_IMPORT_FIELD_OUTCOME,              FALSE, format_outcome },
  { "full_name",            RP_IMPORT_FIELD_FULL_NAME,            TRUE,  NULL, RP_ATTENDEE_FIELD_FULL_NAME },
  { "preferred_name",       RP_IMPORT_FIELD_PREFERRED_NAME,       TRUE,  NULL, RP_ATTENDEE_FIELD_PREFERRED_NAME },
  { "date_of_birth",        RP_IMPORT_FIELD_DATE_OF_BIRTH,        TRUE,  NULL, RP_ATTENDEE_FIELD_DATE_OF_BIRTH },
  { "contact_name",         RP_IMPORT_FIELD_CONTACT_NAME,         TRUE,  NULL, RP_ATTENDEE_FIELD_CONTACT_NAME },
  { "contact_relationship", RP_IMPORT_FIELD_CONTACT_RELATIONSHIP, TRUE,  NULL, RP_ATTENDEE_FIELD_CONTACT_RELATIONSHIP },
  { "contact_phone",        RP_IMPORT_FIELD_CONTACT_PHONE,        TRUE,  NULL, RP_ATTENDEE_FIELD_CONTACT_PHONE },
  { "wheelchair_user",      RP_IMPORT_FIELD_WHEELCHAIR_USER,      TRUE,  format_wheelchair_user },
  { "transport_needed",     RP_IMPORT_FIELD_TRANSPORT_NEEDED,     TRUE,  format_transport_needed },
  { "access_needs",         RP_IMPORT_FIELD_ACCESS_NEEDS,         TRUE,  NULL, RP_ATTENDEE_FIELD_ACCESS_NEEDS },
  { "report_note",          RP_IMPORT_FIELD_REPORT_NOTE,          TRUE,  NULL, RP_ATTENDEE_FIELD_REPORT_NOTE },
  { "case_notes",           RP_IMPORT_FIELD_CASE_NOTES,           TRUE,  NULL, RP_ATTENDEE_FIELD_CASE_NOTES },
  /* Communication needs: keys as rp-communication.h lists them. */
  { "communication_needs",  RP_IMPORT_FIELD_COMMUNICATION_NEEDS,  TRUE,  NULL, RP_ATTENDEE_FIELD_COMMUNICATION_NEEDS },
  { "interpreter_language", RP_IMPORT_FIELD_INTERPRETER_LANGUAGE, TRUE,  NULL, RP_ATTENDEE_FIELD_INTERPRETER_LANGUAGE },
  { "preferred_contact",    RP_IMPORT_FIELD_PREFERRED_CONTACT,    TRUE,  NULL, RP_ATTENDEE_FIELD_PREFERRED_CONTACT },
  { "communication_notes",  RP_IMPORT_FIELD_COMMUNICATION_NOTES,  TRUE,  NULL, RP_ATTENDEE_FIELD_COMMUNICATION_NOTES },
  { "contact_communication_needs", RP_IMPORT_FIELD_CONTACT_COMMUNICATION_NEEDS, TRUE, NULL,
    RP_ATTENDEE_FIELD_CONTACT_COMMUNICATION_NEEDS },
  { "contact_interpreter_language", RP_IMPORT_FIELD_CONTACT_INTERPRETER_LANGUAGE, TRUE, NULL,
    RP_ATTENDEE_FIELD_CONTACT_INTERPRETER_LANGUAGE },
  { "contact_preferred_contact", RP_IMPORT_FIELD_CONTACT_PREFERRED_CONTACT, TRUE, NULL,
    RP_ATTENDEE_FIELD_CONTACT_PREFERRED_CONTACT },
};

/* Every field an import reads has a column, and only one. */
G_STATIC_ASSERT (G_N_ELEMENTS (columns) == RP_IMPORT_N_FIELDS);

guint
rp_attendee_columns_get_n (void)
{
  return G_N_ELEMENTS (columns);
}

/**
 * rp_attendee_column_get_heading:
 * @column: from 0, in the order of the file
 *
 * Returns: (transfer none): the column's heading, never translated
 */
const char *
rp_attendee_column_get_heading (guint column)
{
  g_return_val_if_fail (column < G_N_ELEMENTS (columns), NULL);

  return columns[column].heading;
}

/**
 * rp_attendee_column_get_field:
 *
 * Returns: what an import reads from @column; %RP_IMPORT_FIELD_IGNORE for a
 *   column written only for people, such as "step_name"
 */
RpImportField
rp_attendee_column_get_field (guint column)
{
  g_return_val_if_fail (column < G_N_ELEMENTS (columns), RP_IMPORT_FIELD_IGNORE);

  return columns[column].field;
}

/**
 * rp_attendee_columns_to_csv:
 * @attendees: (element-type RpAttendee): the attendees, one row each
 * @workers: (element-type RpWorker): the workers, so that each attendee's
 *   allocated worker is written by their initials
 * @personal: whether to add the personal columns, as rp_import_new_from_data()
 *   reads them back; the text is then personal data
 *
 * Cells a spreadsheet would run as a formula are guarded, as
 * rp_csv_append_row() does, and the import takes the guard off again.
 *
 * Returns: (transfer full): the CSV text, headings first
 */
char *
rp_attendee_columns_to_csv (GListModel *attendees,
                            GListModel *workers,
                            gboolean    personal)
{
  g_autoptr(GHashTable) initials = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  guint n_columns = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (attendees), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (workers), NULL);

  initials = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);
      gint64 id = rp_worker_get_id (worker);

      g_hash_table_insert (initials, g_memdup2 (&id, sizeof id), g_strdup (rp_worker_get_initials (worker)));
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (personal || !columns[i].personal)
      g_ptr_array_add (cells, g_strdup (columns[i].heading));
  n_columns = cells->len;
  rp_csv_append_row (out, (const char * const *) cells->pdata, n_columns);

  for (guint row = 0; row < g_list_model_get_n_items (attendees); row++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, row);

      g_ptr_array_set_size (cells, 0);
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        if (personal || !columns[i].personal)
          g_ptr_array_add (cells, columns[i].format != NULL ? columns[i].format (attendee, initials)
                                  : g_strdup (rp_attendee_get_text_field (attendee, columns[i].text)));
      rp_csv_append_row (out, (const char * const *) cells->pdata, n_columns);
    }

  return g_string_free (out, FALSE);
}
