/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attention.c: the markers that tell a worker an attendee needs attention */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-attention.h"
#include "rp-date.h"
#include "rp-follow-up.h"

/* After a move: its reviews, and an interim place until the permanent move. */
static RpAttention
attention_after_move (RpAttendee           *attendee,
                      const RpRulesContext *rules)
{
  RpAttention attention = RP_ATTENTION_NONE;
  const char *moved_on = rp_attendee_get_outcome_date (attendee);

  if (rp_attendee_get_interim (attendee))
    attention |= RP_ATTENTION_INTERIM;

  switch (rp_follow_up_state (moved_on, rules->follow_up_weeks, rp_attendee_get_follow_up_held_on (attendee),
                              rules->today, NULL))
    {
    case RP_REVIEW_STATE_DUE:
      attention |= RP_ATTENTION_FOLLOW_UP_DUE;
      break;
    case RP_REVIEW_STATE_OVERDUE:
      attention |= RP_ATTENTION_FOLLOW_UP_OVERDUE;
      break;
    case RP_REVIEW_STATE_DONE:
      if (rp_annual_review_state (moved_on, rp_attendee_get_last_review_on (attendee), rules->today, NULL)
          == RP_REVIEW_STATE_OVERDUE)
        attention |= RP_ATTENTION_ANNUAL_OVERDUE;
      break;
    case RP_REVIEW_STATE_NONE:
    case RP_REVIEW_STATE_SCHEDULED:
    default:
      break;
    }

  return attention;
}

/* Days without contact count from the newest contact with the family or
 * advocate, but from no earlier than the day the contact log began: a
 * programme updated from before the log is not flagged all at once on its
 * first day. %NULL when neither is known. */
static const char *
contact_clock_start (RpAttendee *attendee)
{
  const char *contacted = rp_attendee_get_last_family_contact (attendee);
  const char *log_since = rp_attendee_get_contact_log_since (attendee);

  if (contacted == NULL)
    return log_since;
  if (log_since != NULL && rp_date_compare (log_since, contacted) > 0)
    return log_since;
  return contacted;
}

/**
 * rp_attention_for_attendee:
 * @rules: the day to judge by, the closure date, how long a step may last and
 *   how long a family may go without contact
 *
 * People still attending need attention as their move nears; after a move,
 * their reviews and an interim place do; a departure ends it.
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

  if (rp_attendee_get_outcome (attendee) == RP_OUTCOME_MOVED)
    return attention_after_move (attendee, rules);

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
      const char *counted_from = contact_clock_start (attendee);

      if (counted_from == NULL || rp_date_days_between (counted_from, rules->today) > (int) rules->contact_due_days)
        attention |= RP_ATTENTION_FAMILY_NOT_CONTACTED;
    }

  return attention;
}

static void
describe_after_move (GString              *text,
                     RpAttention           attention,
                     RpAttendee           *attendee,
                     const char           *today,
                     guint                 weeks)
{
  const char *moved_on = rp_attendee_get_outcome_date (attendee);

  if (attention & (RP_ATTENTION_FOLLOW_UP_DUE | RP_ATTENTION_FOLLOW_UP_OVERDUE))
    {
      g_autofree char *due = rp_follow_up_due_date (moved_on, weeks);
      int late = due != NULL ? rp_date_days_between (due, today) : 0;

      if ((attention & RP_ATTENTION_FOLLOW_UP_OVERDUE) && late > 0)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Follow-up review %d day overdue\n",
                                                   "Follow-up review %d days overdue\n", late), late);
      else if (due != NULL)
        {
          g_autofree char *when = rp_date_format_medium (due);

          /* Translators: "Follow-up review due by 12 November 2026" */
          g_string_append_printf (text, _("Follow-up review due by %s\n"), when);
        }
    }

  if (attention & RP_ATTENTION_ANNUAL_OVERDUE)
    {
      g_autofree char *due = NULL;
      int late;

      rp_annual_review_state (moved_on, rp_attendee_get_last_review_on (attendee), today, &due);
      late = due != NULL ? rp_date_days_between (due, today) : 0;
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Annual review %d day overdue\n",
                                                 "Annual review %d days overdue\n", late), late);
    }

  if (attention & RP_ATTENTION_INTERIM)
    {
      g_autofree char *when = rp_date_format_medium (rp_attendee_get_permanent_date (attendee));

      if (when != NULL)
        /* Translators: "In an interim place: permanent move planned for 3 January 2027" */
        g_string_append_printf (text, _("In an interim place: permanent move planned for %s\n"), when);
      else
        g_string_append_printf (text, "%s\n", _("In an interim place until the permanent move"));
    }
}

static char *
describe (RpAttention  attention,
          RpAttendee  *attendee,
          const char  *today,
          guint        weeks)
{
  g_autoptr(GString) text = NULL;

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
        g_string_append_printf (text, "%s\n", _("No contact with the family or advocate recorded"));
      else
        {
          int days = rp_date_days_between (contacted, today);

          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Family or advocate not contacted for %d day\n",
                                                     "Family or advocate not contacted for %d days\n", days), days);
        }
    }
  describe_after_move (text, attention, attendee, today, weeks);

  if (text->len == 0)
    return NULL;

  g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * rp_attention_describe:
 *
 * Follow-up reviews are judged at the default weeks after the move; use
 * rp_attention_describe_for() to judge by the programme's setting.
 *
 * Returns: (transfer full) (nullable): the markers in plain words, one per
 *   line, or %NULL when nothing needs attention
 */
char *
rp_attention_describe (RpAttention  attention,
                       RpAttendee  *attendee,
                       const char  *today)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), NULL);

  return describe (attention, attendee, today, RP_PROGRAMME_DEFAULT_FOLLOW_UP_WEEKS);
}

/**
 * rp_attention_describe_for:
 *
 * Returns: (transfer full) (nullable): the markers in plain words, one per
 *   line, or %NULL when nothing needs attention
 */
char *
rp_attention_describe_for (RpAttention           attention,
                           RpAttendee           *attendee,
                           const RpRulesContext *rules)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  return describe (attention, attendee, rules->today, rules->follow_up_weeks);
}
