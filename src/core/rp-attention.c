/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attention.c: the markers that tell a worker an attendee needs attention */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-attention.h"
#include "rp-date.h"

/**
 * rp_attention_for_attendee:
 * @rules: the day to judge by, the closure date, how long a step may last and
 *   how long a family may go without contact
 *
 * Only people still attending need attention; a move or a departure ends it.
 */
RpAttention
rp_attention_for_attendee (RpAttendee           *attendee,
                           const RpRulesContext *rules)
{
  RpAttention attention = RP_ATTENTION_NONE;
  const char *target;
  const char *since;

  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), RP_ATTENTION_NONE);
  g_return_val_if_fail (rules != NULL, RP_ATTENTION_NONE);

  if (rp_attendee_get_outcome (attendee) != RP_OUTCOME_ATTENDING)
    return RP_ATTENTION_NONE;

  if (rp_attendee_get_worker_id (attendee) <= 0)
    attention |= RP_ATTENTION_NO_WORKER;

  since = rp_attendee_get_step_since (attendee);
  if (since != NULL && rp_date_days_between (since, rules->today) > (int) rules->stale_days)
    attention |= RP_ATTENTION_STALLED;

  target = rp_attendee_get_target_date (attendee);
  if (target != NULL && rp_date_compare (target, rules->today) < 0)
    attention |= RP_ATTENTION_TARGET_PASSED;
  if (target != NULL && rules->closure_date != NULL && rp_date_compare (target, rules->closure_date) > 0)
    attention |= RP_ATTENTION_TARGET_AFTER_CLOSURE;

  if (rules->contact_due_days > 0)
    {
      const char *contacted = rp_attendee_get_last_family_contact (attendee);

      if (contacted == NULL || rp_date_days_between (contacted, rules->today) > (int) rules->contact_due_days)
        attention |= RP_ATTENTION_FAMILY_NOT_CONTACTED;
    }

  return attention;
}

/**
 * rp_attention_describe:
 *
 * Returns: (transfer full) (nullable): the markers in plain words, one per
 *   line, or %NULL when nothing needs attention
 */
char *
rp_attention_describe (RpAttention  attention,
                       RpAttendee  *attendee,
                       const char  *today)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), NULL);

  if (attention == RP_ATTENTION_NONE)
    return NULL;

  text = g_string_new (NULL);

  if (attention & RP_ATTENTION_NO_WORKER)
    g_string_append_printf (text, "%s\n", _("No worker allocated"));

  if (attention & RP_ATTENTION_STALLED)
    {
      int days = rp_date_days_between (rp_attendee_get_step_since (attendee), today);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "No progress for %d day\n",
                                                 "No progress for %d days\n", days), days);
    }

  if (attention & RP_ATTENTION_TARGET_PASSED)
    g_string_append_printf (text, "%s\n", _("Target moving date has passed"));

  if (attention & RP_ATTENTION_TARGET_AFTER_CLOSURE)
    g_string_append_printf (text, "%s\n", _("Target moving date is after the closure"));

  if (attention & RP_ATTENTION_FAMILY_NOT_CONTACTED)
    {
      const char *contacted = rp_attendee_get_last_family_contact (attendee);

      if (contacted == NULL)
        g_string_append_printf (text, "%s\n", _("No contact with the family recorded"));
      else
        {
          int days = rp_date_days_between (contacted, today);

          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Family not contacted for %d day\n",
                                                     "Family not contacted for %d days\n", days), days);
        }
    }

  g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
