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
#include "rp-follow-up.h"
#include "rp-moving-plan.h"
#include "rp-planned-outcome.h"
#include "rp-programme.h"
#include "rp-provider.h"
#include "rp-worker.h"

/* What a row needs beyond the attendee: names for ids, and the store for
 * the planned outcomes and the programme's follow-up weeks. */
typedef struct
{
  GHashTable *initials;   /* worker id → initials */
  GHashTable *providers;  /* provider id → name */
  GHashTable *weeks;      /* programme id → follow-up weeks */
  RpStore    *store;      /* (nullable) without it, no personal columns are written */
  char       *today;
  GError     *error;      /* the first failure to read the store */
} Lookup;

/* Returns the cell's text. */
typedef char *(*FormatFunc) (RpAttendee *attendee,
                             Lookup     *lookup);

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
               Lookup     *lookup)
{
  return g_strdup_printf ("%d", rp_attendee_get_number (attendee));
}

static char *
format_status (RpAttendee *attendee,
               Lookup     *lookup)
{
  return g_strdup (rp_funding_get_label (rp_attendee_get_funding (attendee)));
}

static char *
format_step (RpAttendee *attendee,
             Lookup     *lookup)
{
  return g_strdup_printf ("%d", rp_attendee_get_step (attendee));
}

static char *
format_step_name (RpAttendee *attendee,
                  Lookup     *lookup)
{
  return g_strdup (rp_moving_plan_step_name (rp_attendee_get_step (attendee)));
}

static char *
format_worker (RpAttendee *attendee,
               Lookup     *lookup)
{
  gint64 id = rp_attendee_get_worker_id (attendee);

  return g_strdup (g_hash_table_lookup (lookup->initials, &id));
}

static char *
format_target_date (RpAttendee *attendee,
                    Lookup     *lookup)
{
  return g_strdup (rp_attendee_get_target_date (attendee));
}

static char *
format_outcome (RpAttendee *attendee,
                Lookup     *lookup)
{
  return g_strdup (rp_outcome_to_string (rp_attendee_get_outcome (attendee)));
}

/* Untranslated, as the import reads "yes" and "no" in any language. */
static char *
format_wheelchair_user (RpAttendee *attendee,
                        Lookup     *lookup)
{
  return g_strdup (rp_attendee_get_wheelchair_user (attendee) ? "yes" : "no");
}

static char *
format_transport_needed (RpAttendee *attendee,
                         Lookup     *lookup)
{
  return g_strdup (rp_attendee_get_transport_needed (attendee) ? "yes" : "no");
}

/* Interim details are written only for someone who has moved: for anyone
 * else they mean nothing, and an import of people still attending refuses them. */
static gboolean
has_moved (RpAttendee *attendee)
{
  return rp_attendee_get_outcome (attendee) == RP_OUTCOME_MOVED;
}

static char *
format_interim (RpAttendee *attendee,
                Lookup     *lookup)
{
  if (!has_moved (attendee))
    return g_strdup ("");

  return g_strdup (rp_attendee_get_interim (attendee) ? "yes" : "no");
}

static char *
format_permanent_provider (RpAttendee *attendee,
                           Lookup     *lookup)
{
  gint64 id = rp_attendee_get_permanent_provider_id (attendee);

  if (!has_moved (attendee) || id == 0)
    return g_strdup ("");

  return g_strdup (g_hash_table_lookup (lookup->providers, &id));
}

static char *
format_permanent_date (RpAttendee *attendee,
                       Lookup     *lookup)
{
  return g_strdup (has_moved (attendee) ? rp_attendee_get_permanent_date (attendee) : NULL);
}

/* One outcome a line, in the plan's order. An outcome is one short
 * sentence typed on one line; should one hold a line break all the same,
 * it is written as a space, or it would come back as two outcomes. */
static char *
format_planned_outcomes (RpAttendee *attendee,
                         Lookup     *lookup)
{
  g_autoptr(GListModel) outcomes = NULL;
  GString *cell = g_string_new (NULL);

  if (lookup->error != NULL)
    return g_string_free (cell, FALSE);

  outcomes = rp_store_list_planned_outcomes (lookup->store, rp_attendee_get_id (attendee), &lookup->error);
  for (guint i = 0; outcomes != NULL && i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, i);
      g_autofree char *line = g_strdup (rp_planned_outcome_get_description (outcome));

      g_strdelimit (line, "\r\n", ' ');
      if (cell->len > 0)
        g_string_append_c (cell, '\n');
      g_string_append (cell, g_strstrip (line));
    }

  return g_string_free (cell, FALSE);
}

static guint
follow_up_weeks (RpAttendee *attendee,
                 Lookup     *lookup)
{
  gint64 programme_id = rp_attendee_get_programme_id (attendee);
  gpointer weeks = g_hash_table_lookup (lookup->weeks, &programme_id);

  if (weeks == NULL && lookup->error == NULL)
    {
      g_autoptr(RpProgramme) programme = rp_store_get_programme (lookup->store, programme_id, &lookup->error);

      if (programme == NULL)
        return 0;
      weeks = GUINT_TO_POINTER (rp_programme_get_follow_up_weeks (programme));
      g_hash_table_insert (lookup->weeks, g_memdup2 (&programme_id, sizeof programme_id), weeks);
    }

  return GPOINTER_TO_UINT (weeks);
}

/* The review dates follow from the move, so an import ignores them. A
 * follow-up review already held is due no more: its cell is empty. */
static char *
format_follow_up_due (RpAttendee *attendee,
                      Lookup     *lookup)
{
  const char *moved_on = rp_attendee_get_outcome_date (attendee);
  char *due = NULL;

  if (!has_moved (attendee) || moved_on == NULL)
    return g_strdup ("");

  if (rp_follow_up_state (moved_on, follow_up_weeks (attendee, lookup), rp_attendee_get_follow_up_held_on (attendee),
                          lookup->today, &due) == RP_REVIEW_STATE_DONE)
    g_clear_pointer (&due, g_free);
  return due;
}

static char *
format_annual_review_due (RpAttendee *attendee,
                          Lookup     *lookup)
{
  const char *moved_on = rp_attendee_get_outcome_date (attendee);
  char *due = NULL;

  if (!has_moved (attendee) || moved_on == NULL)
    return g_strdup ("");

  rp_annual_review_state (moved_on, rp_attendee_get_last_review_on (attendee), lookup->today, &due);
  return due;
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
  /* After the move (schema 12), appended so that older files keep their columns. */
  { "interim",              RP_IMPORT_FIELD_INTERIM,              TRUE,  format_interim },
  { "permanent_provider",   RP_IMPORT_FIELD_PERMANENT_PROVIDER,   TRUE,  format_permanent_provider },
  { "permanent_date",       RP_IMPORT_FIELD_PERMANENT_DATE,       TRUE,  format_permanent_date },
  { "planned_outcomes",     RP_IMPORT_FIELD_PLANNED_OUTCOMES,     TRUE,  format_planned_outcomes },
  { "follow_up_review_due", RP_IMPORT_FIELD_IGNORE,               TRUE,  format_follow_up_due },
  { "annual_review_due",    RP_IMPORT_FIELD_IGNORE,               TRUE,  format_annual_review_due },
};

/* Every field an import reads has a column, and only one; three columns
 * are only for people: step_name and the two review dates. */
G_STATIC_ASSERT (G_N_ELEMENTS (columns) == RP_IMPORT_N_FIELDS + 2);

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

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->initials, g_hash_table_unref);
  g_clear_pointer (&lookup->providers, g_hash_table_unref);
  g_clear_pointer (&lookup->weeks, g_hash_table_unref);
  g_clear_pointer (&lookup->today, g_free);
  g_clear_error (&lookup->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookup, lookup_clear)

/**
 * rp_attendee_columns_to_csv:
 * @store: the database the attendees come from, for their planned outcomes,
 *   permanent providers and review dates
 * @attendees: (element-type RpAttendee): the attendees, one row each
 * @workers: (element-type RpWorker): the workers, so that each attendee's
 *   allocated worker is written by their initials
 * @personal: whether to add the personal columns, as rp_import_new_from_data()
 *   reads them back; the text is then personal data
 * @error: why the store could not be read
 *
 * Cells a spreadsheet would run as a formula are guarded, as
 * rp_csv_append_row() does, and the import takes the guard off again.
 *
 * Returns: (transfer full): the CSV text, headings first, or %NULL with @error set
 */
char *
rp_attendee_columns_to_csv (RpStore     *store,
                            GListModel  *attendees,
                            GListModel  *workers,
                            gboolean     personal,
                            GError     **error)
{
  g_auto(Lookup) lookup = { 0 };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_columns = 0;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (attendees), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (workers), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lookup.store = store;
  lookup.today = rp_store_dup_today (store);
  lookup.weeks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  lookup.initials = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);
      gint64 id = rp_worker_get_id (worker);

      g_hash_table_insert (lookup.initials, g_memdup2 (&id, sizeof id), g_strdup (rp_worker_get_initials (worker)));
    }

  lookup.providers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (personal)
    {
      if (!(providers = rp_store_list_providers (store, error)))
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
        {
          g_autoptr(RpProvider) provider = g_list_model_get_item (providers, i);
          gint64 id = rp_provider_get_id (provider);

          g_hash_table_insert (lookup.providers, g_memdup2 (&id, sizeof id), g_strdup (rp_provider_get_name (provider)));
        }
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
          g_ptr_array_add (cells, columns[i].format != NULL ? columns[i].format (attendee, &lookup)
                                  : g_strdup (rp_attendee_get_text_field (attendee, columns[i].text)));
      rp_csv_append_row (out, (const char * const *) cells->pdata, n_columns);
    }

  /* Half a file is never written: a missing outcome would look like none. */
  if (lookup.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&lookup.error));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
