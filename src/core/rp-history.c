/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-history.c: an attendee's step history and audit trail as readable lines */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-audit-entry.h"
#include "rp-date.h"
#include "rp-history.h"
#include "rp-moving-plan.h"
#include "rp-step-change.h"

static const struct
{
  const char *field;
  const char *label;
} field_labels[] = {
  { "full_name", N_("Full name") },
  { "preferred_name", N_("Preferred name") },
  { "date_of_birth", N_("Date of birth") },
  { "contact_name", N_("Contact’s name") },
  { "contact_relationship", N_("Contact’s relationship") },
  { "contact_phone", N_("Contact’s phone number") },
  { "wheelchair_user", N_("Wheelchair user") },
  { "transport_needed", N_("Transport needed") },
  { "access_needs", N_("Other access needs") },
  { "funding", N_("Status") },
  { "worker_id", N_("Allocated worker") },
  { "case_notes", N_("Case notes") },
  { "report_note", N_("Report note") },
  { "target_date", N_("Target moving date") },
  { "outcome", N_("Outcome") },
  { "outcome_date", N_("Date of move or leaving") },
  { "moved_to_provider_id", N_("New provider") },
  { "outcome_reason", N_("Reason for leaving") },
  { "archived", N_("Archived") },
};

/* A column of the attendee table in plain words, or the column's own name. */
static const char *
rp_history_field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field_labels[i].field, field) == 0)
      return _(field_labels[i].label);

  return field;
}

typedef struct
{
  char *sort_key;   /* ISO date, then the order recorded */
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

static Line *
describe_step_change (RpStepChange *change)
{
  Line *line = g_new0 (Line, 1);
  g_autofree char *date = rp_date_format_short (rp_step_change_get_changed_on (change));
  g_autofree char *what = NULL;
  const char *reason = rp_step_change_get_reason (change);
  int from = rp_step_change_get_from_step (change);
  int to = rp_step_change_get_to_step (change);

  if (from == 0)
    what = g_strdup_printf (_("Started at step %d, %s"), to, rp_moving_plan_step_name (to));
  else
    what = g_strdup_printf (_("Step %d → %d"), from, to);

  /* Translators: "12 Sep 2023 — Step 2 → 3 by Jo Taylor" */
  line->text = g_strdup_printf (_("%s — %s by %s"), date, what, rp_step_change_get_recorded_by (change));
  if (reason != NULL)
    {
      char *with_reason = g_strdup_printf ("%s: %s", line->text, reason);

      g_free (line->text);
      line->text = with_reason;
    }

  line->sort_key = g_strdup_printf ("%s %s", rp_step_change_get_changed_on (change),
                                    rp_step_change_get_recorded_at (change));
  return line;
}

static Line *
describe_audit_entry (RpAuditEntry *entry)
{
  Line *line = g_new0 (Line, 1);
  const char *recorded_at = rp_audit_entry_get_recorded_at (entry);
  g_autofree char *day = g_strndup (recorded_at, 10);
  g_autofree char *date = rp_date_format_short (day);
  const char *action = rp_audit_entry_get_action (entry);

  if (g_strcmp0 (action, "insert") == 0)
    line->text = g_strdup_printf (_("%s — Added to the programme by %s"), date, rp_audit_entry_get_user (entry));
  else
    /* Translators: "20 Sep 2023 — Report note changed by jtaylor" */
    line->text = g_strdup_printf (_("%s — %s changed by %s"), date,
                                  rp_history_field_label (rp_audit_entry_get_field (entry)),
                                  rp_audit_entry_get_user (entry));

  line->sort_key = g_strdup_printf ("%s %s", day, recorded_at);
  return line;
}

/**
 * rp_history_describe:
 * @step_changes: the attendee's #RpStepChange list
 * @audit_entries: the audit trail of the attendee's record
 *
 * Step changes come from the step history, which says why; the audit trail
 * adds every other edit, one line per record change rather than per field
 * for the first entry.
 *
 * Returns: (transfer full) (element-type utf8): the lines, newest first
 */
GPtrArray *
rp_history_describe (GListModel *step_changes,
                     GListModel *audit_entries)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (line_free);
  GPtrArray *texts;
  gboolean added = FALSE;

  g_return_val_if_fail (G_IS_LIST_MODEL (step_changes), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (audit_entries), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (step_changes); i++)
    {
      g_autoptr(RpStepChange) change = g_list_model_get_item (step_changes, i);
      g_ptr_array_add (lines, describe_step_change (change));
    }

  for (guint i = g_list_model_get_n_items (audit_entries); i > 0; i--)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (audit_entries, i - 1);
      const char *action = rp_audit_entry_get_action (entry);

      /* The step history already tells every step change, with its reason. */
      if (g_strcmp0 (rp_audit_entry_get_field (entry), "step") == 0)
        continue;

      if (g_strcmp0 (action, "insert") == 0)
        {
          if (added)
            continue;
          added = TRUE;
        }

      g_ptr_array_add (lines, describe_audit_entry (entry));
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
