/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-follow-up.c: when the reviews after a move fall due
 *
 * The follow-up review falls a set number of weeks after the move (the
 * programme's setting); the annual review a year after the latest review
 * held, or a year after the move while none has been. Dates are worked
 * out, never stored, so a change to the setting or a move date moves
 * every due date with it. */

#include "config.h"

#include "rp-date.h"
#include "rp-follow-up.h"

/**
 * rp_follow_up_due_date:
 * @moved_on: the ISO date of the move
 * @weeks: weeks after the move
 *
 * Returns: (transfer full) (nullable): the ISO date the follow-up review
 *   falls on, or %NULL when @moved_on is not a date
 */
char *
rp_follow_up_due_date (const char *moved_on,
                       guint       weeks)
{
  GDate date;

  if (!rp_date_from_iso (moved_on, &date))
    return NULL;

  g_date_add_days (&date, weeks * 7);
  return rp_date_to_iso (&date);
}

static RpReviewState
state_of (const char *due_on,
          const char *today)
{
  int days = rp_date_days_between (today, due_on);

  if (days < 0)
    return RP_REVIEW_STATE_OVERDUE;
  if (days <= RP_REVIEW_DUE_SOON_DAYS)
    return RP_REVIEW_STATE_DUE;
  return RP_REVIEW_STATE_SCHEDULED;
}

/**
 * rp_follow_up_state:
 * @moved_on: (nullable): the ISO date of the move, or %NULL when not moved
 * @weeks: the programme's weeks from move to follow-up review
 * @follow_up_held_on: (nullable): when the follow-up review was held
 * @today: the ISO date to judge by
 * @due_on: (out) (optional) (transfer full): the date it falls on
 *
 * A follow-up review held before the move it follows (after an interim
 * move, say) does not count for a later move.
 */
RpReviewState
rp_follow_up_state (const char  *moved_on,
                    guint        weeks,
                    const char  *follow_up_held_on,
                    const char  *today,
                    char       **due_on)
{
  g_autofree char *due = rp_follow_up_due_date (moved_on, weeks);
  RpReviewState state;

  g_return_val_if_fail (today != NULL, RP_REVIEW_STATE_NONE);

  if (due == NULL)
    state = RP_REVIEW_STATE_NONE;
  else if (follow_up_held_on != NULL && rp_date_compare (follow_up_held_on, moved_on) >= 0)
    state = RP_REVIEW_STATE_DONE;
  else
    state = state_of (due, today);

  if (due_on != NULL)
    *due_on = g_steal_pointer (&due);
  return state;
}

/**
 * rp_annual_review_state:
 * @moved_on: (nullable): the ISO date of the move, or %NULL when not moved
 * @last_review_on: (nullable): the latest review held since the move
 * @today: the ISO date to judge by
 * @due_on: (out) (optional) (transfer full): the date the next one falls on
 *
 * Never %RP_REVIEW_STATE_DONE: there is always a next annual review.
 * A year after 29 February is 28 February.
 */
RpReviewState
rp_annual_review_state (const char  *moved_on,
                        const char  *last_review_on,
                        const char  *today,
                        char       **due_on)
{
  g_autofree char *due = NULL;
  GDate date, last;

  g_return_val_if_fail (today != NULL, RP_REVIEW_STATE_NONE);

  if (due_on != NULL)
    *due_on = NULL;

  if (!rp_date_from_iso (moved_on, &date))
    return RP_REVIEW_STATE_NONE;

  if (rp_date_from_iso (last_review_on, &last) && g_date_compare (&last, &date) > 0)
    date = last;

  g_date_add_years (&date, 1);
  due = rp_date_to_iso (&date);

  if (due_on != NULL)
    *due_on = g_strdup (due);
  return state_of (due, today);
}
