/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-history.c: an attendee's step history and audit trail in people's words */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-attendee-field.h"
#include "rp-audit-entry.h"
#include "rp-date.h"
#include "rp-history.h"
#include "rp-moving-plan.h"
#include "rp-step-change.h"

typedef struct
{
  RpStore    *store;
  GHashTable *worker_names;   /* id → name, every worker ever */
  const char *my_account;
  const char *my_name;
} Names;

typedef struct
{
  char *sort_key;   /* ISO date, then the moment recorded */
  char *text;
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->sort_key);
  g_free (line->text);
  g_free (line);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Line *line_a = *(const Line * const *) a;
  const Line *line_b = *(const Line * const *) b;

  return -g_strcmp0 (line_a->sort_key, line_b->sort_key);
}

static void
add_line (GPtrArray  *lines,
          const char *day,
          const char *recorded_at,
          char       *text)
{
  Line *line = g_new0 (Line, 1);

  line->sort_key = g_strdup_printf ("%s %s", day, recorded_at != NULL ? recorded_at : "");
  line->text = text;
  g_ptr_array_add (lines, line);
}

static const char *
worker_name (Names  *names,
             gint64  worker_id)
{
  return g_hash_table_lookup (names->worker_names, &worker_id);
}

/* The person behind a computer account: the worker it is mapped to, or the
 * account itself. */
static const char *
who (Names      *names,
     const char *account)
{
  if (account != NULL && g_strcmp0 (account, names->my_account) == 0 &&
      names->my_name != NULL && names->my_name[0] != '\0')
    return names->my_name;

  return account != NULL ? account : _("someone unknown");
}

static char *
sentence_start (const char *label)
{
  g_autofree char *first = g_utf8_strup (label, g_utf8_next_char (label) - label);

  return g_strconcat (first, g_utf8_next_char (label), NULL);
}

static const char *
audit_day (RpAuditEntry *entry,
           char          day[11])
{
  g_strlcpy (day, rp_audit_entry_get_recorded_at (entry), 11);
  return day;
}

static char *
describe_step_change (Names        *names,
                      RpStepChange *change)
{
  g_autofree char *date = rp_date_format_medium (rp_step_change_get_changed_on (change));
  g_autofree char *what = NULL;
  const char *reason = rp_step_change_get_reason (change);
  const char *by = who (names, rp_step_change_get_recorded_by (change));
  int to = rp_step_change_get_to_step (change);

  if (rp_step_change_get_from_step (change) == 0)
    /* Translators: "17 July 2026 — Added to the programme at step 1, Social worker identified, by Jo Taylor" */
    what = g_strdup_printf (_("%s — Added to the programme at step %d, %s, by %s"),
                            date, to, rp_moving_plan_step_name (to), by);
  else
    /* Translators: "12 September 2026 — Moved to step 3, Review in progress, by Jo Taylor" */
    what = g_strdup_printf (_("%s — Moved to step %d, %s, by %s"),
                            date, to, rp_moving_plan_step_name (to), by);

  if (reason == NULL)
    return g_steal_pointer (&what);

  return g_strdup_printf ("%s: %s", what, reason);
}

/* An undone step change is one deletion, recorded field by field. */
static char *
describe_undone (Names        *names,
                 RpAuditEntry *to_step,
                 RpAuditEntry *changed_on)
{
  char day[11];
  g_autofree char *undone_on = rp_date_format_medium (audit_day (to_step, day));
  g_autofree char *dated = changed_on != NULL ? rp_date_format_medium (rp_audit_entry_get_old_value (changed_on)) : NULL;
  int step = (int) g_ascii_strtoll (rp_audit_entry_get_old_value (to_step), NULL, 10);

  /* The day it was dated is worth saying only when it is not the day it was undone. */
  if (dated == NULL || g_strcmp0 (dated, undone_on) == 0)
    /* Translators: "4 December 2026 — Step change to 3 undone by Jo Taylor" */
    return g_strdup_printf (_("%s — Step change to %d undone by %s"), undone_on, step,
                            who (names, rp_audit_entry_get_user (to_step)));

  /* Translators: "4 December 2026 — Step change to 3 (dated 2 December 2026) undone by Jo Taylor" */
  return g_strdup_printf (_("%s — Step change to %d (dated %s) undone by %s"), undone_on, step, dated,
                          who (names, rp_audit_entry_get_user (to_step)));
}

/* A raw value of the audit trail as a field's value. */
static GVariant *
field_value (RpAttendeeField  field,
             const char      *raw)
{
  const GVariantType *type = rp_attendee_field_get_value_type (field);

  if (g_variant_type_equal (type, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_new_boolean (raw != NULL && g_ascii_strtoll (raw, NULL, 10) != 0);
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT64))
    return g_variant_new_int64 (raw != NULL ? g_ascii_strtoll (raw, NULL, 10) : 0);

  return g_variant_new_string (raw != NULL ? raw : "");
}

static gboolean
find_field (const char      *name,
            RpAttendeeField *field)
{
  for (RpAttendeeField f = 0; f < RP_ATTENDEE_N_FIELDS; f++)
    if (g_strcmp0 (rp_attendee_field_get_name (f), name) == 0)
      {
        *field = f;
        return TRUE;
      }

  return FALSE;
}

/* A value in words, or NULL when the field was empty. */
static char *
describe_field_value (Names           *names,
                      RpAttendeeField  field,
                      const char      *raw)
{
  g_autoptr(GVariant) value = NULL;

  if (raw == NULL || raw[0] == '\0')
    return NULL;

  if (field == RP_ATTENDEE_FIELD_DATE_OF_BIRTH || field == RP_ATTENDEE_FIELD_TARGET_DATE)
    {
      char *date = rp_date_format_medium (raw);

      if (date != NULL)
        return date;
    }

  value = g_variant_ref_sink (field_value (field, raw));
  return rp_attendee_field_describe (field, value,
                                     worker_name (names, g_variant_is_of_type (value, G_VARIANT_TYPE_INT64)
                                                           ? g_variant_get_int64 (value) : 0));
}

/* The outcome's fields are not edited as fields, but a person records them. */
static gboolean
describe_outcome_field (Names       *names,
                        const char  *name,
                        const char  *raw,
                        char       **label,
                        char       **value)
{
  if (g_strcmp0 (name, "outcome") == 0)
    {
      RpOutcome outcome = RP_OUTCOME_ATTENDING;

      *label = g_strdup (_("Outcome"));
      if (raw != NULL && rp_outcome_from_string (raw, &outcome))
        *value = g_strdup (rp_outcome_get_label (outcome));
      return TRUE;
    }

  if (g_strcmp0 (name, "outcome_date") == 0)
    {
      *label = g_strdup (_("Date of move or leaving"));
      *value = rp_date_format_medium (raw);
      return TRUE;
    }

  if (g_strcmp0 (name, "moved_to_provider_id") == 0)
    {
      g_autoptr(RpProvider) provider = NULL;

      *label = g_strdup (_("New provider"));
      if (raw != NULL &&
          (provider = rp_store_get_provider (names->store, g_ascii_strtoll (raw, NULL, 10), NULL)) != NULL)
        *value = g_strdup (rp_provider_get_name (provider));
      return TRUE;
    }

  if (g_strcmp0 (name, "outcome_reason") == 0)
    {
      *label = g_strdup (_("Reason for leaving"));
      if (raw != NULL && raw[0] != '\0')
        *value = g_strdup_printf (_("“%s”"), raw);
      return TRUE;
    }

  return FALSE;
}

/* One field edit, or NULL for a field the system keeps for itself (ids,
 * the step, which the step history tells, and the day it was reached). */
static char *
describe_update (Names        *names,
                 RpAuditEntry *entry)
{
  const char *name = rp_audit_entry_get_field (entry);
  const char *by = who (names, rp_audit_entry_get_user (entry));
  char day[11];
  g_autofree char *date = rp_date_format_medium (audit_day (entry, day));
  g_autofree char *label = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  RpAttendeeField field;

  if (find_field (name, &field))
    {
      label = sentence_start (rp_attendee_field_get_label (field));
      old_value = describe_field_value (names, field, rp_audit_entry_get_old_value (entry));
      new_value = describe_field_value (names, field, rp_audit_entry_get_new_value (entry));
    }
  else if (describe_outcome_field (names, name, rp_audit_entry_get_old_value (entry), &label, &old_value))
    {
      g_clear_pointer (&label, g_free);
      describe_outcome_field (names, name, rp_audit_entry_get_new_value (entry), &label, &new_value);
    }
  else
    return NULL;

  if (old_value == NULL && new_value == NULL)
    return NULL;

  if (old_value == NULL)
    /* Translators: "4 December 2026 — Phone number set to “0116 496 0000” by Jo Taylor" */
    return g_strdup_printf (_("%s — %s set to %s by %s"), date, label, new_value, by);

  if (new_value == NULL)
    /* Translators: "4 December 2026 — Phone number cleared (was “0116 496 0000”) by Jo Taylor" */
    return g_strdup_printf (_("%s — %s cleared (was %s) by %s"), date, label, old_value, by);

  /* Translators: "4 December 2026 — Phone number changed from “0116 496 0000” to “0116 496 0999” by Jo Taylor" */
  return g_strdup_printf (_("%s — %s changed from %s to %s by %s"), date, label, old_value, new_value, by);
}

static GHashTable *
list_worker_names (RpStore  *store,
                   GError  **error)
{
  g_autoptr(GListModel) workers = rp_store_list_workers (store, TRUE, error);
  GHashTable *names;

  if (workers == NULL)
    return NULL;

  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

      g_hash_table_insert (names, g_memdup2 (&(gint64) { rp_worker_get_id (worker) }, sizeof (gint64)),
                           g_strdup (rp_worker_get_name (worker)));
    }

  return names;
}

static void
add_undone (GPtrArray  *lines,
            Names      *names,
            GListModel *deletions)
{
  /* Each deletion is a run of rows of one record id, newest first. */
  for (guint i = 0; i < g_list_model_get_n_items (deletions); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (deletions, i);
      g_autoptr(RpAuditEntry) changed_on = NULL;
      char day[11];

      if (g_strcmp0 (rp_audit_entry_get_field (entry), "to_step") != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (deletions); j++)
        {
          g_autoptr(RpAuditEntry) other = g_list_model_get_item (deletions, j);

          if (rp_audit_entry_get_record_id (other) == rp_audit_entry_get_record_id (entry) &&
              g_strcmp0 (rp_audit_entry_get_field (other), "changed_on") == 0)
            g_set_object (&changed_on, other);
        }

      add_line (lines, audit_day (entry, day), rp_audit_entry_get_recorded_at (entry),
                describe_undone (names, entry, changed_on));
    }
}

/**
 * rp_history_describe:
 * @store: the store
 * @attendee_id: the attendee
 * @my_account: (nullable): this computer's account, as the audit trail names it
 * @my_name: (nullable): the name of the worker who uses @my_account
 * @error: why the history could not be read
 *
 * The attendee's history in people's words: the step history, which says
 * why; step changes undone; and every edit from the audit trail, from what to
 * what, with field names as the page shows them, workers and providers by
 * name, dates in words. Fields the system keeps for itself are left out.
 *
 * Returns: (transfer full) (element-type utf8): the lines, newest first
 */
GPtrArray *
rp_history_describe (RpStore     *store,
                     gint64       attendee_id,
                     const char  *my_account,
                     const char  *my_name,
                     GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (line_free);
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(GListModel) undone = NULL;
  g_autoptr(GHashTable) worker_names = NULL;
  gboolean started = FALSE;
  Names names;
  GPtrArray *texts;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(steps = rp_store_list_step_history (store, attendee_id, error)) ||
      !(audit = rp_store_list_audit (store, "attendee", attendee_id, error)) ||
      !(undone = rp_store_list_undone_step_changes (store, attendee_id, error)) ||
      !(worker_names = list_worker_names (store, error)))
    return NULL;

  names.store = store;
  names.worker_names = worker_names;
  names.my_account = my_account;
  names.my_name = my_name;

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(RpStepChange) change = g_list_model_get_item (steps, i);

      started |= rp_step_change_get_from_step (change) == 0;
      add_line (lines, rp_step_change_get_changed_on (change), rp_step_change_get_recorded_at (change),
                describe_step_change (&names, change));
    }

  add_undone (lines, &names, undone);

  for (guint i = g_list_model_get_n_items (audit); i > 0; i--)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (audit, i - 1);
      const char *action = rp_audit_entry_get_action (entry);
      char day[11];
      char *text = NULL;

      /* The first step of the history says when they joined; the record's
       * insertion is only when someone typed it in. */
      if (g_strcmp0 (action, "insert") == 0 && !started)
        {
          g_autofree char *date = rp_date_format_medium (audit_day (entry, day));

          started = TRUE;
          text = g_strdup_printf (_("%s — Added to the programme by %s"), date,
                                  who (&names, rp_audit_entry_get_user (entry)));
        }
      else if (g_strcmp0 (action, "update") == 0)
        text = describe_update (&names, entry);

      if (text != NULL)
        add_line (lines, audit_day (entry, day), rp_audit_entry_get_recorded_at (entry), text);
    }

  g_ptr_array_sort (lines, compare_newest_first);

  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      g_ptr_array_add (texts, g_steal_pointer (&line->text));
    }

  return texts;
}
