/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-import.c: adding a programme's attendees from a CSV file, all or none */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-attendee-columns.h"
#include "rp-database-file.h"
#include "rp-csv.h"
#include "rp-csv-reader.h"
#include "rp-date.h"
#include "rp-error.h"
#include "rp-import.h"
#include "rp-communication.h"
#include "rp-moving-plan.h"
#include "rp-planned-outcome.h"
#include "rp-store-private.h"
#include "rp-validate.h"

/* The headings the app's own files use are in rp-attendee-columns.c. */
typedef struct
{
  const char *label;     /* in a list of fields */
  const char *what;      /* inside a sentence */
  const char *aliases;   /* other headings people use, normalised, '|' between */
} FieldInfo;

static const FieldInfo field_infos[] = {
  [RP_IMPORT_FIELD_IGNORE]               = { N_("Not imported"), NULL, "" },
  [RP_IMPORT_FIELD_NUMBER]               = { N_("Attendee number"), N_("the attendee number"),
                                             "attendee_number|number|no" },
  [RP_IMPORT_FIELD_STATUS]               = { N_("Status (ASC or Health)"), N_("the status"),
                                             "funding|funded_by" },
  [RP_IMPORT_FIELD_STEP]                 = { N_("Step on the moving plan"), N_("the step"),
                                             "moving_plan_step|current_step|step_no|step_number" },
  [RP_IMPORT_FIELD_FULL_NAME]            = { N_("Full name"), N_("the full name"),
                                             "name|attendee_name" },
  [RP_IMPORT_FIELD_PREFERRED_NAME]       = { N_("Preferred name"), N_("the preferred name"),
                                             "known_as" },
  [RP_IMPORT_FIELD_DATE_OF_BIRTH]        = { N_("Date of birth"), N_("the date of birth"),
                                             "dob|birth_date" },
  [RP_IMPORT_FIELD_CONTACT_NAME]         = { N_("Contact’s name"), N_("the contact’s name"),
                                             "contact|next_of_kin" },
  [RP_IMPORT_FIELD_CONTACT_RELATIONSHIP] = { N_("Contact’s relationship"),
                                             N_("the contact’s relationship"), "relationship" },
  [RP_IMPORT_FIELD_CONTACT_PHONE]        = { N_("Contact’s phone number"),
                                             N_("the contact’s phone number"),
                                             "phone|telephone|contact_telephone|contact_number" },
  [RP_IMPORT_FIELD_WORKER]               = { N_("Allocated worker"), N_("the allocated worker"),
                                             "allocated_worker|social_worker|worker_name|worker_initials" },
  [RP_IMPORT_FIELD_REPORT_NOTE]          = { N_("Report note"), N_("the report note"),
                                             "published_note" },
  [RP_IMPORT_FIELD_CASE_NOTES]           = { N_("Case notes"), N_("the case notes"),
                                             "notes|case_note" },
  [RP_IMPORT_FIELD_TARGET_DATE]          = { N_("Target moving date"),
                                             N_("the target moving date"), "target_date|target_move_date" },
  [RP_IMPORT_FIELD_OUTCOME]              = { N_("Outcome"), N_("the outcome"), "" },
  [RP_IMPORT_FIELD_WHEELCHAIR_USER]      = { N_("Wheelchair user"),
                                             N_("whether they use a wheelchair"), "wheelchair" },
  [RP_IMPORT_FIELD_TRANSPORT_NEEDED]     = { N_("Transport needed"),
                                             N_("whether they need transport"), "transport" },
  [RP_IMPORT_FIELD_ACCESS_NEEDS]         = { N_("Access needs"), N_("the access needs"), "" },
  [RP_IMPORT_FIELD_COMMUNICATION_NEEDS]  = { N_("Communication needs"), N_("the communication needs"),
                                             "communication|accessible_information" },
  [RP_IMPORT_FIELD_INTERPRETER_LANGUAGE] = { N_("Interpreter’s language"), N_("the interpreter’s language"),
                                             "language|interpreter" },
  [RP_IMPORT_FIELD_PREFERRED_CONTACT]    = { N_("Preferred way to be contacted"),
                                             N_("the preferred way to be contacted"), "contact_method" },
  [RP_IMPORT_FIELD_COMMUNICATION_NOTES]  = { N_("Communication notes"), N_("the communication notes"), "" },
  [RP_IMPORT_FIELD_CONTACT_COMMUNICATION_NEEDS] = { N_("Contact’s communication needs"),
                                                    N_("the contact’s communication needs"), "" },
  [RP_IMPORT_FIELD_CONTACT_INTERPRETER_LANGUAGE] = { N_("Contact’s interpreter language"),
                                                     N_("the contact’s interpreter language"), "contact_language" },
  [RP_IMPORT_FIELD_CONTACT_PREFERRED_CONTACT] = { N_("Contact’s preferred way to be contacted"),
                                                  N_("the contact’s preferred way to be contacted"),
                                                  "contact_contact_method" },
  [RP_IMPORT_FIELD_INTERIM]              = { N_("Interim move"), N_("whether the move is interim"), "interim_move" },
  [RP_IMPORT_FIELD_PERMANENT_PROVIDER]   = { N_("Planned permanent provider"),
                                             N_("the planned permanent provider"), "permanent_provider_name" },
  [RP_IMPORT_FIELD_PERMANENT_DATE]       = { N_("Planned permanent date"), N_("the planned permanent date"),
                                             "permanent_move_date" },
  [RP_IMPORT_FIELD_PLANNED_OUTCOMES]     = { N_("Planned outcomes"), N_("the planned outcomes"),
                                             "outcomes|planned_outcome" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_infos) == RP_IMPORT_N_FIELDS);

/* Fields and values ----------------------------------------------------- */

/**
 * rp_import_field_get_label:
 *
 * Returns: (transfer none): the field's name for a list of choices, translated
 */
const char *
rp_import_field_get_label (RpImportField field)
{
  g_return_val_if_fail ((guint) field < RP_IMPORT_N_FIELDS, "");

  return _(field_infos[field].label);
}

/**
 * rp_import_field_to_string:
 *
 * Returns: (transfer none) (nullable): the heading the app's own CSV files
 *   give the field, never translated; %NULL for %RP_IMPORT_FIELD_IGNORE
 */
const char *
rp_import_field_to_string (RpImportField field)
{
  g_return_val_if_fail ((guint) field < RP_IMPORT_N_FIELDS, NULL);

  if (field == RP_IMPORT_FIELD_IGNORE)
    return NULL;

  for (guint column = 0; column < rp_attendee_columns_get_n (); column++)
    if (rp_attendee_column_get_field (column) == field)
      return rp_attendee_column_get_heading (column);

  g_return_val_if_reached (NULL);
}

/* Without these no attendee can be added. */
static gboolean
rp_import_field_is_required (RpImportField field)
{
  return field == RP_IMPORT_FIELD_NUMBER || field == RP_IMPORT_FIELD_STATUS ||
         field == RP_IMPORT_FIELD_STEP || field == RP_IMPORT_FIELD_FULL_NAME;
}

/* "Attendee No." and "attendee_no" both become "attendee_no". */
static char *
normalise_heading (const char *heading)
{
  g_autofree char *folded = g_utf8_casefold (heading, -1);
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* "Contact’s name" reads as "contacts_name", not "contact_s_name". */
      if (c == '\'' || c == 0x2019)
        continue;

      if (!g_unichar_isalnum (c))
        {
          gap = out->len > 0;
          continue;
        }

      if (gap)
        g_string_append_c (out, '_');
      g_string_append_unichar (out, c);
      gap = FALSE;
    }

  return g_string_free (out, FALSE);
}

static gboolean
word_in_list (const char *word,
              const char *list)
{
  g_auto(GStrv) words = g_strsplit (list, "|", -1);

  return g_strv_contains ((const char * const *) words, word);
}

/**
 * rp_import_field_for_heading:
 * @heading: a column's heading, as the file writes it
 * @recognised: (out) (optional): whether the heading is one Reprovision knows
 *   (a known heading may still be ignored, such as "step_name")
 *
 * Recognises the headings of the app's own CSV files and the obvious
 * variants, whatever their case, spaces or underscores.
 *
 * Returns: the field the column holds, or %RP_IMPORT_FIELD_IGNORE
 */
RpImportField
rp_import_field_for_heading (const char *heading,
                             gboolean   *recognised)
{
  g_autofree char *word = NULL;

  if (recognised != NULL)
    *recognised = FALSE;

  g_return_val_if_fail (heading != NULL, RP_IMPORT_FIELD_IGNORE);

  if (!g_utf8_validate (heading, -1, NULL))
    return RP_IMPORT_FIELD_IGNORE;

  word = normalise_heading (heading);
  if (word[0] == '\0')
    return RP_IMPORT_FIELD_IGNORE;

  /* The app's own headings, including those only people read, such as "step_name". */
  for (guint column = 0; column < rp_attendee_columns_get_n (); column++)
    if (g_str_equal (rp_attendee_column_get_heading (column), word))
      {
        if (recognised != NULL)
          *recognised = TRUE;
        return rp_attendee_column_get_field (column);
      }

  for (guint i = 0; i < RP_IMPORT_N_FIELDS; i++)
    {
      const FieldInfo *info = &field_infos[i];
      g_autofree char *label = normalise_heading (info->label);
      g_autofree char *translated_label = normalise_heading (_(info->label));

      /* A heading may also be the field's label, as the import window shows it. */
      if (word_in_list (word, info->aliases) ||
          (i != RP_IMPORT_FIELD_IGNORE && (g_str_equal (word, label) || g_str_equal (word, translated_label))))
        {
          if (recognised != NULL)
            *recognised = TRUE;
          return (RpImportField) i;
        }
    }

  return RP_IMPORT_FIELD_IGNORE;
}

/* A blank or unreadable cell gives "" so the parsers say what to write. */
static char *
trimmed_copy (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  return g_strstrip (g_strdup (text));
}

/* Reads 1 to 9 ASCII digits. */
static gboolean
read_digits (const char  *text,
             const char **end,
             int         *value)
{
  const char *p = text;
  int result = 0;

  while (g_ascii_isdigit (*p))
    {
      if (p - text >= 9)
        return FALSE;
      result = result * 10 + (*p - '0');
      p++;
    }

  if (p == text)
    return FALSE;

  *end = p;
  *value = result;
  return TRUE;
}

/**
 * rp_import_parse_number:
 * @text: a cell: "4", " 12 "
 * @number: (out): the attendee number, 1 or more
 */
gboolean
rp_import_parse_number (const char  *text,
                        int         *number,
                        GError     **error)
{
  g_autofree char *trimmed = trimmed_copy (text);
  const char *end = NULL;
  int value = 0;

  g_return_val_if_fail (number != NULL, FALSE);

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Enter the attendee number."));
      return FALSE;
    }

  if (!read_digits (trimmed, &end, &value) || *end != '\0' || value < 1)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The attendee number must be a whole number from 1 upwards."));
      return FALSE;
    }

  *number = value;
  return TRUE;
}

/* The step whose name is @text, whatever its case, or 0. */
static int
step_named (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *name = g_utf8_casefold (rp_moving_plan_step_name (step), -1);

      if (g_str_equal (folded, name))
        return step;
    }

  return 0;
}

/**
 * rp_import_parse_step:
 * @text: a cell: a whole number from 1 to 6 such as "2" or " 02 ", or a
 *   step's name alone, in any case, such as "Review in progress"
 * @step: (out): 1 to 6
 *
 * Anything else is refused, however likely its meaning: "2.5", "3 - maybe 4",
 * "4 not yet" or "Step 3" would each be a guess about someone's place on the
 * moving plan. The command line's "step --to" reads its step here too.
 */
gboolean
rp_import_parse_step (const char  *text,
                      int         *step,
                      GError     **error)
{
  g_autofree char *trimmed = trimmed_copy (text);
  const char *end = NULL;
  int value = 0;

  g_return_val_if_fail (step != NULL, FALSE);

  /* A cell that is not text at all is quoted below, with its bytes as codes. */
  if (trimmed[0] == '\0' && (text == NULL || g_utf8_validate (text, -1, NULL)))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("Enter the step, a whole number from 1 to 6."));
      return FALSE;
    }

  if (!read_digits (trimmed, &end, &value) || *end != '\0')
    value = step_named (trimmed);

  if (!rp_moving_plan_step_valid (value))
    {
      g_autofree char *shown = rp_quote_value (trimmed[0] != '\0' ? trimmed : text);

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is not a step. Write a whole number from 1 to 6, or the step’s name as the moving plan gives it."),
                   shown);
      return FALSE;
    }

  *step = value;
  return TRUE;
}

/**
 * rp_import_parse_status:
 * @text: a cell: "ASC", "Health", or "Attendee (ASC)" as the report prints it
 * @funding: (out): the status
 */
gboolean
rp_import_parse_status (const char  *text,
                        RpFunding   *funding,
                        GError     **error)
{
  g_autofree char *trimmed = trimmed_copy (text);
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);
  const RpFunding values[] = { RP_FUNDING_ASC, RP_FUNDING_HEALTH };

  g_return_val_if_fail (funding != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      const char *label = rp_funding_get_label (values[i]);
      g_autofree char *folded_label = g_utf8_casefold (label, -1);
      g_autofree char *report_form = g_strdup_printf (_("Attendee (%s)"), label);
      g_autofree char *folded_report_form = g_utf8_casefold (report_form, -1);
      g_autofree char *english_report_form = g_strdup_printf ("attendee (%s)", rp_funding_to_string (values[i]));

      if (g_str_equal (folded, rp_funding_to_string (values[i])) ||
          g_str_equal (folded, folded_label) ||
          g_str_equal (folded, folded_report_form) ||
          g_str_equal (folded, english_report_form))
        {
          *funding = values[i];
          return TRUE;
        }
    }

  g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("The status must be ASC or Health."));
  return FALSE;
}

/**
 * rp_import_parse_yes_no:
 * @text: a cell: yes, no, true, false, y, n, 1 or 0, in any case
 * @value: (out): the answer
 */
gboolean
rp_import_parse_yes_no (const char  *text,
                        gboolean    *value,
                        GError     **error)
{
  static const char * const yes[] = { "yes", "y", "true", "1", NULL };
  static const char * const no[] = { "no", "n", "false", "0", NULL };
  g_autofree char *trimmed = trimmed_copy (text);
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);
  g_autofree char *folded_yes = g_utf8_casefold (_("yes"), -1);
  g_autofree char *folded_no = g_utf8_casefold (_("no"), -1);

  g_return_val_if_fail (value != NULL, FALSE);

  if (g_strv_contains (yes, folded) || g_str_equal (folded, folded_yes))
    {
      *value = TRUE;
      return TRUE;
    }

  if (g_strv_contains (no, folded) || g_str_equal (folded, folded_no))
    {
      *value = FALSE;
      return TRUE;
    }

  g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Write yes or no."));
  return FALSE;
}

/* Only people still at the day centre can be added: a move needs its provider and date. */
static gboolean
parse_outcome (const char  *text,
               GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *folded_label = g_utf8_casefold (rp_outcome_get_label (RP_OUTCOME_ATTENDING), -1);

  if (g_str_equal (folded, rp_outcome_to_string (RP_OUTCOME_ATTENDING)) ||
      g_str_equal (folded, folded_label) || g_str_equal (folded, "still attending"))
    return TRUE;

  g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                       _("Only attendees still attending can be imported: leave the outcome empty or write “attending”. Record a move in Reprovision once they are added."));
  return FALSE;
}

/* Problems ----------------------------------------------------------------- */

/**
 * rp_import_problem_new:
 * @column: the column, from 0, or -1 for the whole row or file
 * @heading: (nullable): the column's heading as the file has it, quoted here
 *
 * Returns: (transfer full): a problem, for rp_import_problem_free()
 */
RpImportProblem *
rp_import_problem_new (guint       line,
                       int         column,
                       const char *heading,
                       const char *message)
{
  RpImportProblem *problem = g_new0 (RpImportProblem, 1);

  problem->line = line;
  problem->column = column;
  if (column >= 0 && heading != NULL)
    problem->heading = rp_quote_value (heading);
  problem->message = g_strdup (message);
  return problem;
}

void
rp_import_problem_free (RpImportProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->heading);
  g_free (problem->message);
  g_free (problem);
}

struct _RpImportPreview
{
  GObject parent_instance;

  GPtrArray *attendees;
  GPtrArray *outcomes;  /* (element-type GStrv) an attendee's planned outcomes, at the same index */
  GPtrArray *problems;
};

G_DEFINE_FINAL_TYPE (RpImportPreview, rp_import_preview, G_TYPE_OBJECT)

static void
rp_import_preview_finalize (GObject *object)
{
  RpImportPreview *self = RP_IMPORT_PREVIEW (object);

  g_clear_pointer (&self->attendees, g_ptr_array_unref);
  g_clear_pointer (&self->outcomes, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_import_preview_parent_class)->finalize (object);
}

static void
rp_import_preview_class_init (RpImportPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_import_preview_finalize;
}

static void
rp_import_preview_init (RpImportPreview *self)
{
  self->attendees = g_ptr_array_new_with_free_func (g_object_unref);
  self->outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_import_problem_free);
}

/**
 * rp_import_preview_get_attendees:
 *
 * Returns: (transfer none) (element-type RpAttendee): the attendees the
 *   import would add, not yet saved, in the order of the file. Rows with a
 *   problem are not among them.
 */
GPtrArray *
rp_import_preview_get_attendees (RpImportPreview *self)
{
  g_return_val_if_fail (RP_IS_IMPORT_PREVIEW (self), NULL);

  return self->attendees;
}

/**
 * rp_import_preview_get_planned_outcomes:
 * @index: the attendee's index in rp_import_preview_get_attendees()
 *
 * Returns: (transfer none) (array zero-terminated=1): the outcomes written
 *   into the attendee's moving plan, in order, saved with them; may be empty
 */
const char * const *
rp_import_preview_get_planned_outcomes (RpImportPreview *self,
                                        guint            index)
{
  g_return_val_if_fail (RP_IS_IMPORT_PREVIEW (self), NULL);
  g_return_val_if_fail (index < self->outcomes->len, NULL);

  return g_ptr_array_index (self->outcomes, index);
}

/**
 * rp_import_preview_get_problems:
 *
 * Returns: (transfer none) (element-type RpImportProblem): what stops the
 *   import, in the order of the file; empty if it can go ahead
 */
GPtrArray *
rp_import_preview_get_problems (RpImportPreview *self)
{
  g_return_val_if_fail (RP_IS_IMPORT_PREVIEW (self), NULL);

  return self->problems;
}

/* The import ------------------------------------------------------------- */

struct _RpImport
{
  GObject parent_instance;

  RpCsvTable    *table;
  guint          heading_record;  /* the first record that is not blank */
  guint          n_columns;
  RpImportField *fields;
  gboolean      *recognised;
};

G_DEFINE_FINAL_TYPE (RpImport, rp_import, G_TYPE_OBJECT)

static void
rp_import_finalize (GObject *object)
{
  RpImport *self = RP_IMPORT (object);

  g_clear_pointer (&self->table, rp_csv_table_free);
  g_clear_pointer (&self->fields, g_free);
  g_clear_pointer (&self->recognised, g_free);

  G_OBJECT_CLASS (rp_import_parent_class)->finalize (object);
}

static void
rp_import_class_init (RpImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_import_finalize;
}

static void
rp_import_init (RpImport *self)
{
}

static gboolean
record_is_blank (const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    for (const char *p = cells[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;

  return TRUE;
}

/**
 * rp_import_new_from_data:
 * @data: (array length=len): the bytes of a CSV file whose first row holds the headings
 * @cancellable: (nullable): stops reading a long file
 * @error: why the file cannot be read, naming the line
 *
 * Reads the file and recognises its columns. Nothing is checked against a
 * programme yet: see rp_import_check(). The import uses no global state, so
 * it can run in a worker thread, one thread at a time.
 *
 * Returns: (transfer full): the import, or %NULL if the file cannot be read
 */
RpImport *
rp_import_new_from_data (const char    *data,
                         gsize          len,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(RpCsvTable) table = NULL;
  g_autoptr(RpImport) self = NULL;
  const char * const *headings;
  guint n_records;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(table = rp_csv_read (data, len, cancellable, error)))
    return NULL;

  self = g_object_new (RP_TYPE_IMPORT, NULL);
  n_records = rp_csv_table_get_n_records (table);

  while (self->heading_record < n_records &&
         record_is_blank (rp_csv_table_get_record (table, self->heading_record, NULL)))
    self->heading_record++;

  if (self->heading_record == n_records)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The file is empty. Choose a CSV file with a row of headings and a row for each attendee."));
      return NULL;
    }

  headings = rp_csv_table_get_record (table, self->heading_record, &self->n_columns);
  self->fields = g_new0 (RpImportField, self->n_columns);
  self->recognised = g_new0 (gboolean, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    self->fields[i] = rp_import_field_for_heading (headings[i], &self->recognised[i]);

  self->table = g_steal_pointer (&table);
  return g_steal_pointer (&self);
}

guint
rp_import_get_n_columns (RpImport *self)
{
  g_return_val_if_fail (RP_IS_IMPORT (self), 0);

  return self->n_columns;
}

/**
 * rp_import_get_heading:
 *
 * Returns: (transfer none): the heading of @column as the file writes it
 */
const char *
rp_import_get_heading (RpImport *self,
                       guint     column)
{
  g_return_val_if_fail (RP_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return rp_csv_table_get_record (self->table, self->heading_record, NULL)[column];
}

RpImportField
rp_import_get_field (RpImport *self,
                     guint     column)
{
  g_return_val_if_fail (RP_IS_IMPORT (self), RP_IMPORT_FIELD_IGNORE);
  g_return_val_if_fail (column < self->n_columns, RP_IMPORT_FIELD_IGNORE);

  return self->fields[column];
}

/**
 * rp_import_set_field:
 *
 * Overrides what @column holds; %RP_IMPORT_FIELD_IGNORE leaves it out.
 */
void
rp_import_set_field (RpImport      *self,
                     guint          column,
                     RpImportField  field)
{
  g_return_if_fail (RP_IS_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail ((guint) field < RP_IMPORT_N_FIELDS);

  self->fields[column] = field;
}

/**
 * rp_import_is_recognised:
 *
 * Returns: whether the heading of @column is one Reprovision knows, even if
 *   it is left out (such as "step_name"); an unknown heading may mean a
 *   column that needs to be chosen by hand
 */
gboolean
rp_import_is_recognised (RpImport *self,
                         guint     column)
{
  g_return_val_if_fail (RP_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  return self->recognised[column];
}

/**
 * rp_import_get_n_rows:
 *
 * Returns: the rows below the headings, leaving out blank ones
 */
guint
rp_import_get_n_rows (RpImport *self)
{
  guint n_rows = 0;

  g_return_val_if_fail (RP_IS_IMPORT (self), 0);

  for (guint i = self->heading_record + 1; i < rp_csv_table_get_n_records (self->table); i++)
    if (!record_is_blank (rp_csv_table_get_record (self->table, i, NULL)))
      n_rows++;

  return n_rows;
}

/* Checking --------------------------------------------------------------- */

typedef struct
{
  RpImport        *import;
  gint64           programme_id;
  char            *today;
  GHashTable      *numbers_in_use;  /* number → TRUE */
  GHashTable      *numbers_in_file; /* number → line */
  GListModel      *workers;
  RpImportPreview *preview;
  GPtrArray       *row_outcomes;    /* the row being read's planned outcomes */
} Check;

static void
check_clear (Check *check)
{
  g_clear_pointer (&check->today, g_free);
  g_clear_pointer (&check->numbers_in_use, g_hash_table_unref);
  g_clear_pointer (&check->numbers_in_file, g_hash_table_unref);
  g_clear_object (&check->workers);
  g_clear_pointer (&check->row_outcomes, g_ptr_array_unref);
  g_clear_object (&check->preview);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

static void
add_problem (Check      *check,
             guint       line,
             int         column,
             const char *message)
{
  const char *heading = column >= 0 ? rp_import_get_heading (check->import, column) : NULL;

  g_ptr_array_add (check->preview->problems, rp_import_problem_new (line, column, heading, message));
}

/* Two columns for one field, or none for a field every attendee needs. */
static gboolean
check_columns (Check *check)
{
  RpImport *self = check->import;
  guint line = rp_csv_table_get_line (self->table, self->heading_record);
  gboolean ok = TRUE;

  for (guint field = RP_IMPORT_FIELD_IGNORE + 1; field < RP_IMPORT_N_FIELDS; field++)
    {
      int first = -1;

      for (guint column = 0; column < self->n_columns; column++)
        {
          g_autofree char *message = NULL;
          g_autofree char *first_heading = NULL;
          g_autofree char *heading = NULL;

          if (self->fields[column] != field)
            continue;
          if (first < 0)
            {
              first = column;
              continue;
            }

          first_heading = rp_quote_value (rp_import_get_heading (self, first));
          heading = rp_quote_value (rp_import_get_heading (self, column));
          message = g_strdup_printf (_("The columns “%s” and “%s” both hold %s. Leave one of them out."),
                                     first_heading, heading, _(field_infos[field].what));
          add_problem (check, line, column, message);
          ok = FALSE;
        }

      if (first < 0 && rp_import_field_is_required (field))
        {
          g_autofree char *message = g_strdup_printf (_("The file has no column for %s. Add a column headed “%s”."),
                                                      _(field_infos[field].what), rp_import_field_to_string (field));

          add_problem (check, line, -1, message);
          ok = FALSE;
        }
    }

  return ok;
}

/**
 * rp_import_parse_date:
 * @text: a date as a file writes it: DD/MM/YYYY or YYYY-MM-DD
 * @iso: (out) (transfer full): the date as YYYY-MM-DD
 *
 * Reads a date in the forms every import of the app accepts.
 */
gboolean
rp_import_parse_date (const char  *text,
                      char       **iso,
                      GError     **error)
{
  GDate date;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (iso != NULL, FALSE);

  if (!rp_date_parse_strict (text, &date, error))
    return FALSE;

  *iso = rp_date_to_iso (&date);
  return TRUE;
}

static gboolean
parse_date (Check       *check,
            const char  *text,
            gboolean     not_in_future,
            char       **iso,
            GError     **error)
{
  g_autofree char *value = NULL;

  if (!rp_import_parse_date (text, &value, error))
    return FALSE;

  if (not_in_future && rp_date_compare (value, check->today) > 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The date of birth cannot be in the future."));
      return FALSE;
    }

  *iso = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
matches_worker (RpWorker   *worker,
                const char *folded)
{
  g_autofree char *name = g_utf8_casefold (rp_worker_get_name (worker) != NULL ? rp_worker_get_name (worker) : "", -1);
  g_autofree char *initials = g_utf8_casefold (rp_worker_get_initials (worker) != NULL ? rp_worker_get_initials (worker) : "", -1);

  return g_str_equal (name, folded) || g_str_equal (initials, folded);
}

/**
 * rp_import_find_worker:
 * @workers: (element-type RpWorker): the database's workers, those who left too
 * @text: a worker's full name or initials, in any case
 *
 * Finds a worker as every import names them; an active worker is preferred
 * to one who has left, and a name two workers share is refused.
 *
 * Returns: (transfer full) (nullable): the worker, or %NULL with @error set
 */
RpWorker *
rp_import_find_worker (GListModel  *workers,
                       const char  *text,
                       GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *shown = rp_quote_value (text);
  g_autoptr(RpWorker) found = NULL;
  guint n_found = 0;

  for (int pass = 0; pass < 2 && n_found == 0; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
      {
        g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

        if ((rp_worker_get_active (worker) ? 0 : 1) == pass && matches_worker (worker, folded))
          {
            n_found++;
            g_set_object (&found, worker);
          }
      }

  if (n_found == 0)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                   _("No worker called “%s” is in this database. Add them under Workers first, or leave the cell empty."),
                   shown);
      return NULL;
    }

  if (n_found > 1)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("More than one worker matches “%s”. Write the worker’s full name instead."), shown);
      return NULL;
    }

  return g_steal_pointer (&found);
}

static gboolean
check_number (Check       *check,
              RpAttendee  *attendee,
              const char  *value,
              guint        line,
              GError     **error)
{
  int number = 0;
  gpointer other_line;

  if (!rp_import_parse_number (value, &number, error))
    return FALSE;

  if (g_hash_table_lookup_extended (check->numbers_in_file, GINT_TO_POINTER (number), NULL, &other_line))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_DUPLICATE,
                   _("Number %d is also used on line %u. Each attendee needs a number of their own."),
                   number, GPOINTER_TO_UINT (other_line));
      return FALSE;
    }
  g_hash_table_insert (check->numbers_in_file, GINT_TO_POINTER (number), GUINT_TO_POINTER (line));

  if (g_hash_table_contains (check->numbers_in_use, GINT_TO_POINTER (number)))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_DUPLICATE,
                   _("Attendee number %d is already in use in this programme."), number);
      return FALSE;
    }

  rp_attendee_set_number (attendee, number);
  return TRUE;
}

/* Interim and permanent details belong to a move, and only people still
 * attending are imported: the cell must be empty ("no" for interim is
 * what the app's own file never writes for them, but means the same). */
static gboolean
check_no_move_detail (RpImportField   field,
                      const char     *text,
                      GError        **error)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return TRUE;

  folded = g_utf8_casefold (text, -1);
  if (field == RP_IMPORT_FIELD_INTERIM && g_str_equal (folded, "no"))
    return TRUE;

  g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
               _("Only attendees still attending can be imported, so %s must be empty. Record the move in Reprovision once they are added."),
               _(field_infos[field].what));
  return FALSE;
}

/* One outcome a line, as rp_attendee_columns_to_csv() writes them; blank
 * lines are skipped. Each is checked as the moving plan checks it. */
static gboolean
read_planned_outcomes (Check       *check,
                       const char  *text,
                       GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();
      g_autoptr(GError) local_error = NULL;
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0')
        continue;

      n++;
      rp_planned_outcome_set_description (outcome, line);
      if (!rp_planned_outcome_validate (outcome, &local_error))
        {
          /* Translators: "Outcome 2: There is a control character …" */
          g_set_error (error, RP_ERROR, RP_ERROR_INVALID, _("Outcome %u: %s"), n, local_error->message);
          return FALSE;
        }
      g_ptr_array_add (check->row_outcomes, g_strdup (line));
    }

  return TRUE;
}

/* Reads one cell into @attendee; @value is trimmed, "" when blank. */
static gboolean
read_cell (Check          *check,
           RpAttendee     *attendee,
           RpImportField   field,
           const char     *value,
           guint           line,
           GError        **error)
{
  const char *text = value[0] != '\0' ? value : NULL;
  g_autofree char *iso = NULL;
  gboolean yes = FALSE;
  RpFunding funding;
  int step = 0;

  switch (field)
    {
    case RP_IMPORT_FIELD_NUMBER:
      return check_number (check, attendee, value, line, error);

    case RP_IMPORT_FIELD_STATUS:
      if (!rp_import_parse_status (value, &funding, error))
        return FALSE;
      rp_attendee_set_funding (attendee, funding);
      return TRUE;

    case RP_IMPORT_FIELD_STEP:
      if (!rp_import_parse_step (value, &step, error))
        return FALSE;
      rp_attendee_set_step (attendee, step);
      return TRUE;

    case RP_IMPORT_FIELD_FULL_NAME:
      if (!rp_check_required (text, _("Enter the attendee’s full name."), error) ||
          !rp_check_name (text, RP_SHORT_TEXT_MAX, _("The full name"), error))
        return FALSE;
      rp_attendee_set_full_name (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_PREFERRED_NAME:
      if (!rp_check_name (text, RP_SHORT_TEXT_MAX, _("The preferred name"), error))
        return FALSE;
      rp_attendee_set_preferred_name (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_DATE_OF_BIRTH:
      if (text != NULL && !parse_date (check, text, TRUE, &iso, error))
        return FALSE;
      rp_attendee_set_date_of_birth (attendee, iso);
      return TRUE;

    case RP_IMPORT_FIELD_CONTACT_NAME:
      if (!rp_check_name (text, RP_SHORT_TEXT_MAX, _("The contact’s name"), error))
        return FALSE;
      rp_attendee_set_contact_name (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_CONTACT_RELATIONSHIP:
      if (!rp_check_text (text, RP_SHORT_TEXT_MAX, _("The relationship"), error))
        return FALSE;
      rp_attendee_set_contact_relationship (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_CONTACT_PHONE:
      if (!rp_check_text (text, RP_SHORT_TEXT_MAX, _("The phone number"), error))
        return FALSE;
      rp_attendee_set_contact_phone (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_WORKER:
      if (text != NULL)
        {
          g_autoptr(RpWorker) worker = rp_import_find_worker (check->workers, text, error);

          if (worker == NULL)
            return FALSE;
          rp_attendee_set_worker_id (attendee, rp_worker_get_id (worker));
          rp_attendee_set_worker_name (attendee, rp_worker_get_name (worker));
        }
      return TRUE;

    case RP_IMPORT_FIELD_REPORT_NOTE:
      if (!rp_check_text (text, RP_LONG_TEXT_MAX, _("The report note"), error))
        return FALSE;
      rp_attendee_set_report_note (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_CASE_NOTES:
      if (!rp_check_text (text, RP_LONG_TEXT_MAX, _("The case notes"), error))
        return FALSE;
      rp_attendee_set_case_notes (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_ACCESS_NEEDS:
      if (!rp_check_text (text, RP_LONG_TEXT_MAX, _("The access needs"), error))
        return FALSE;
      rp_attendee_set_access_needs (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_COMMUNICATION_NEEDS:
    case RP_IMPORT_FIELD_CONTACT_COMMUNICATION_NEEDS:
      {
        RpCommunicationNeeds needs;

        if (!rp_communication_needs_parse (text, &needs, error))
          return FALSE;
        if (field == RP_IMPORT_FIELD_COMMUNICATION_NEEDS)
          rp_attendee_set_communication_needs (attendee, text);
        else
          rp_attendee_set_contact_communication_needs (attendee, text);
      }
      return TRUE;

    case RP_IMPORT_FIELD_PREFERRED_CONTACT:
    case RP_IMPORT_FIELD_CONTACT_PREFERRED_CONTACT:
      {
        RpPreferredContact method;

        if (!rp_preferred_contact_parse (text, &method, error))
          return FALSE;
        if (field == RP_IMPORT_FIELD_PREFERRED_CONTACT)
          rp_attendee_set_preferred_contact (attendee, text);
        else
          rp_attendee_set_contact_preferred_contact (attendee, text);
      }
      return TRUE;

    case RP_IMPORT_FIELD_INTERPRETER_LANGUAGE:
    case RP_IMPORT_FIELD_CONTACT_INTERPRETER_LANGUAGE:
      if (!rp_check_text (text, RP_SHORT_TEXT_MAX, _("The interpreter’s language"), error))
        return FALSE;
      if (field == RP_IMPORT_FIELD_INTERPRETER_LANGUAGE)
        rp_attendee_set_interpreter_language (attendee, text);
      else
        rp_attendee_set_contact_interpreter_language (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_COMMUNICATION_NOTES:
      if (!rp_check_text (text, RP_LONG_TEXT_MAX, _("The communication notes"), error))
        return FALSE;
      rp_attendee_set_communication_notes (attendee, text);
      return TRUE;

    case RP_IMPORT_FIELD_TARGET_DATE:
      if (text != NULL && !parse_date (check, text, FALSE, &iso, error))
        return FALSE;
      rp_attendee_set_target_date (attendee, iso);
      return TRUE;

    case RP_IMPORT_FIELD_OUTCOME:
      return text == NULL || parse_outcome (text, error);

    case RP_IMPORT_FIELD_INTERIM:
    case RP_IMPORT_FIELD_PERMANENT_PROVIDER:
    case RP_IMPORT_FIELD_PERMANENT_DATE:
      return check_no_move_detail (field, text, error);

    case RP_IMPORT_FIELD_PLANNED_OUTCOMES:
      return read_planned_outcomes (check, text, error);

    case RP_IMPORT_FIELD_WHEELCHAIR_USER:
      if (text != NULL && !rp_import_parse_yes_no (text, &yes, error))
        return FALSE;
      rp_attendee_set_wheelchair_user (attendee, yes);
      return TRUE;

    case RP_IMPORT_FIELD_TRANSPORT_NEEDED:
      if (text != NULL && !rp_import_parse_yes_no (text, &yes, error))
        return FALSE;
      rp_attendee_set_transport_needed (attendee, yes);
      return TRUE;

    case RP_IMPORT_FIELD_IGNORE:
    default:
      return TRUE;
    }
}

static void
check_row (Check    *check,
           guint     record,
           gboolean  columns_ok)
{
  RpImport *self = check->import;
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  guint line = rp_csv_table_get_line (self->table, record);
  guint n_problems = check->preview->problems->len;
  const char * const *cells;
  guint n_cells = 0;

  cells = rp_csv_table_get_record (self->table, record, &n_cells);
  if (record_is_blank (cells))
    return;

  if (n_cells != self->n_columns)
    {
      g_autofree char *message = g_strdup_printf (_("This row has %u cells, but the headings have %u columns. Check for a comma or a line break that is not inside quote marks."),
                                                  n_cells, self->n_columns);

      add_problem (check, line, -1, message);
      return;
    }

  rp_attendee_set_programme_id (attendee, check->programme_id);
  g_clear_pointer (&check->row_outcomes, g_ptr_array_unref);
  check->row_outcomes = g_ptr_array_new_with_free_func (g_free);

  for (guint column = 0; column < self->n_columns; column++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      if (self->fields[column] == RP_IMPORT_FIELD_IGNORE)
        continue;

      /* The apostrophe the app's own files put before "=…" or "+44…" is not part of the value. */
      value = trimmed_copy (cells[column]);
      if (!read_cell (check, attendee, self->fields[column], rp_csv_unguard_cell (value), line, &error))
        add_problem (check, line, column, error->message);
    }

  if (check->preview->problems->len > n_problems || !columns_ok)
    return;

  /* Whatever else the store would refuse, said before anything is written. */
  {
    g_autoptr(GError) error = NULL;

    if (!rp_attendee_validate (attendee, &error))
      {
        add_problem (check, line, -1, error->message);
        return;
      }
  }

  g_ptr_array_add (check->preview->attendees, g_steal_pointer (&attendee));
  g_ptr_array_add (check->row_outcomes, NULL);
  g_ptr_array_add (check->preview->outcomes, g_ptr_array_free (g_steal_pointer (&check->row_outcomes), FALSE));
}

/**
 * rp_import_check:
 * @store: the database
 * @programme_id: the programme the attendees would join
 * @cancellable: (nullable): stops checking a long file
 * @error: a failure to read the database, or cancellation; not the file's problems
 *
 * Checks every row as the import would add it, and writes nothing: the
 * columns every attendee needs are there; each number is a whole number
 * from 1, used once in the file and not yet in the programme; the status is
 * ASC or Health; the step is 1 to 6; dates are real and written DD/MM/YYYY
 * or YYYY-MM-DD; the name is there; no text is longer than the app allows;
 * a worker is named as they are in the database.
 *
 * Returns: (transfer full): the attendees that would be added and the
 *   problems, or %NULL with @error set
 */
RpImportPreview *
rp_import_check (RpImport      *self,
                 RpStore       *store,
                 gint64         programme_id,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_auto(Check) check = { 0 };
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) attendees = NULL;
  gboolean columns_ok;
  guint n_records;

  g_return_val_if_fail (RP_IS_IMPORT (self), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(programme = rp_store_get_programme (store, programme_id, error)) ||
      !(attendees = rp_store_list_attendees (store, programme_id, error)))
    return NULL;

  check.import = self;
  check.programme_id = programme_id;
  check.today = rp_store_dup_today (store);
  check.preview = g_object_new (RP_TYPE_IMPORT_PREVIEW, NULL);
  check.numbers_in_use = g_hash_table_new (NULL, NULL);
  check.numbers_in_file = g_hash_table_new (NULL, NULL);

  if (!(check.workers = rp_store_list_workers (store, TRUE, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);

      g_hash_table_add (check.numbers_in_use, GINT_TO_POINTER (rp_attendee_get_number (attendee)));
    }

  columns_ok = check_columns (&check);

  n_records = rp_csv_table_get_n_records (self->table);
  for (guint record = self->heading_record + 1; record < n_records; record++)
    {
      if (record % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      check_row (&check, record, columns_ok);
    }

  if (rp_import_get_n_rows (self) == 0)
    add_problem (&check, rp_csv_table_get_line (self->table, self->heading_record), -1,
                 _("The file has headings but no attendees."));

  return g_steal_pointer (&check.preview);
}

/**
 * rp_import_apply:
 * @store: the database, open for writing
 * @programme_id: the programme the attendees join
 * @cancellable: (nullable): stops the import; nothing is then written
 * @n_added: (out) (optional): how many attendees were added
 * @error: an %RP_ERROR_INVALID error if any row has a problem, or why the
 *   database could not be written
 *
 * Checks the file again, as rp_import_check() does, and adds every attendee
 * in one transaction: all of them, or none if anything fails. Each is added
 * at its step, as the New Attendee window does, so its step history starts
 * today, and the audit trail records the user of @store.
 *
 * Make a backup of the database before calling this, or call
 * rp_import_apply_async(), which does.
 */
gboolean
rp_import_apply (RpImport      *self,
                 RpStore       *store,
                 gint64         programme_id,
                 GCancellable  *cancellable,
                 guint         *n_added,
                 GError       **error)
{
  g_autoptr(RpImportPreview) preview = NULL;
  GPtrArray *attendees;
  guint n_problems;

  g_return_val_if_fail (RP_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  /* Checked inside the transaction, so no number can be taken in between. */
  if (!rp_store_begin (store, error))
    return FALSE;

  if (!(preview = rp_import_check (self, store, programme_id, cancellable, error)))
    {
      rp_store_rollback (store);
      return FALSE;
    }

  n_problems = preview->problems->len;
  if (n_problems > 0)
    {
      rp_store_rollback (store);
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has %u problem. Nothing was imported.",
                                "The file has %u problems. Nothing was imported.", n_problems),
                   n_problems);
      return FALSE;
    }

  attendees = preview->attendees;
  for (guint i = 0; i < attendees->len; i++)
    {
      RpAttendee *attendee = g_ptr_array_index (attendees, i);
      const char * const *outcomes = g_ptr_array_index (preview->outcomes, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !rp_store_add_attendee (store, attendee, NULL, error))
        {
          rp_store_rollback (store);
          return FALSE;
        }

      /* With the attendee, in the same transaction, in the file's order. */
      for (guint j = 0; outcomes[j] != NULL; j++)
        {
          g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();

          rp_planned_outcome_set_attendee_id (outcome, rp_attendee_get_id (attendee));
          rp_planned_outcome_set_description (outcome, outcomes[j]);
          if (!rp_store_add_planned_outcome (store, outcome, error))
            {
              rp_store_rollback (store);
              return FALSE;
            }
        }
    }

  if (!rp_store_commit (store, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = attendees->len;
  return TRUE;
}

/* Backing up, then importing ------------------------------------------------ */

typedef struct
{
  RpStore *store;         /* the caller's; used on the caller's thread only */
  char    *path;
  char    *user;
  char    *today;
  gint64   programme_id;
} ApplyData;

static void
apply_data_free (gpointer data)
{
  ApplyData *apply = data;

  g_clear_object (&apply->store);
  g_free (apply->path);
  g_free (apply->user);
  g_free (apply->today);
  g_free (apply);
}

/* The caller's connection belongs to its thread: the worker opens its own,
 * makes the backup first, and adds every attendee in one transaction. */
static void
apply_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RpImport *self = source_object;
  ApplyData *apply = task_data;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  /* An import can be undone by restoring the copy made just before it. A
   * team database's backups are its administrator's, on the server. */
  if (!rp_store_location_is_team (apply->path) &&
      !(backup = rp_database_file_back_up (apply->path, RP_BACKUP_BEFORE_IMPORT, &error)))
    {
      g_task_return_new_error (task, RP_ERROR, error->code,
                               _("A backup could not be made first, so nothing was imported. %s"),
                               error->message);
      return;
    }

  if (!(store = rp_store_open (apply->path, RP_STORE_OPEN_DEFAULT, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  rp_store_set_user (store, apply->user);
  rp_store_set_today (store, apply->today);

  if (!rp_import_apply (self, store, apply->programme_id, cancellable, &n_added, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n_added);
}

/* Back on the caller's thread: its store announces the new attendees before
 * the caller hears that the import is done. */
static void
on_applied_in_thread (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ApplyData *apply = g_task_get_task_data (task);
  GError *error = NULL;
  gssize n_added = g_task_propagate_int (G_TASK (result), &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  rp_store_check_for_changes (apply->store);
  g_task_return_int (task, n_added);
}

/**
 * rp_import_apply_async:
 * @store: the database, open for writing; the import writes through a
 *   connection of its own to the same file, as the user of @store
 * @programme_id: the programme the attendees join
 * @cancellable: (nullable): stops the import; nothing is then written
 * @callback: called when the import is done, or has failed
 *
 * Makes a backup of the database (%RP_BACKUP_BEFORE_IMPORT), so that the
 * import can be undone, then applies the import as rp_import_apply() does,
 * in a worker thread. If the backup cannot be made, nothing is imported.
 * Once the attendees are added, @store announces them with its
 * #RpStore::changed signal before @callback is called.
 *
 * The window and the command line both import this way.
 */
void
rp_import_apply_async (RpImport            *self,
                       RpStore             *store,
                       gint64               programme_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  ApplyData *apply;

  g_return_if_fail (RP_IS_IMPORT (self));
  g_return_if_fail (RP_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  apply = g_new0 (ApplyData, 1);
  apply->store = g_object_ref (store);
  apply->path = g_strdup (rp_store_get_location (store));
  apply->user = g_strdup (rp_store_get_user (store));
  apply->today = rp_store_dup_today (store);
  apply->programme_id = programme_id;

  /* A cancellation that comes after the commit does not undo it: say what happened. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_import_apply_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, apply, apply_data_free);

  /* The outer task, held until the worker is done, keeps @apply alive for it. */
  worker = g_task_new (self, cancellable, on_applied_in_thread, g_object_ref (task));
  g_task_set_source_tag (worker, apply_in_thread);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, apply, NULL);
  g_task_run_in_thread (worker, apply_in_thread);
}

/**
 * rp_import_apply_finish:
 * @n_added: (out) (optional): how many attendees were added
 * @error: why nothing was imported: the backup could not be made, a row has
 *   a problem (%RP_ERROR_INVALID), the database could not be written, or
 *   the import was cancelled
 *
 * Returns: %TRUE if every attendee was added
 */
gboolean
rp_import_apply_finish (RpImport      *self,
                        GAsyncResult  *result,
                        guint         *n_added,
                        GError       **error)
{
  gssize added;

  g_return_val_if_fail (RP_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rp_import_apply_async, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  added = g_task_propagate_int (G_TASK (result), error);
  if (added < 0)
    return FALSE;

  if (n_added != NULL)
    *n_added = (guint) added;
  return TRUE;
}
