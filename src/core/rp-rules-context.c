/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-rules-context.c: what the attention rules judge by, passed as one value */

#include "config.h"

#include "rp-rules-context.h"

G_DEFINE_BOXED_TYPE (RpRulesContext, rp_rules_context, rp_rules_context_ref, rp_rules_context_unref)

static void
rp_rules_context_clear (RpRulesContext *self)
{
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->closure_date, g_free);
}

/**
 * rp_rules_context_new:
 * @today: the day to judge by, as an ISO date
 * @closure_date: (nullable): when the day centre closes
 * @stale_days: how long one step may last before it counts as no progress
 *
 * Returns: (transfer full): a new context
 */
RpRulesContext *
rp_rules_context_new (const char *today,
                      const char *closure_date,
                      guint       stale_days)
{
  return rp_rules_context_new_full (today, closure_date, stale_days, 0);
}

/**
 * rp_rules_context_new_full:
 * @contact_due_days: how many days a family may go without contact while
 *   the attendee still attends (the programme's setting), or 0 not to judge it
 *
 * As rp_rules_context_new(), with contact with families judged too.
 *
 * Returns: (transfer full): a new context
 */
RpRulesContext *
rp_rules_context_new_full (const char *today,
                           const char *closure_date,
                           guint       stale_days,
                           guint       contact_due_days)
{
  RpRulesContext *self;

  g_return_val_if_fail (today != NULL, NULL);

  self = g_atomic_rc_box_new0 (RpRulesContext);
  self->today = g_strdup (today);
  self->closure_date = g_strdup (closure_date);
  self->stale_days = stale_days;
  self->contact_due_days = contact_due_days;
  self->follow_up_weeks = RP_PROGRAMME_DEFAULT_FOLLOW_UP_WEEKS;

  return self;
}

/**
 * rp_rules_context_new_for_programme:
 * @programme: (nullable): the programme judged, which gives the closure date
 * @today: the day to judge by (the store's day: rp_store_dup_today())
 * @stale_days: the person's setting
 *
 * Returns: (transfer full): a new context
 */
RpRulesContext *
rp_rules_context_new_for_programme (RpProgramme *programme,
                                    const char  *today,
                                    guint        stale_days)
{
  RpRulesContext *self;

  g_return_val_if_fail (programme == NULL || RP_IS_PROGRAMME (programme), NULL);

  if (programme == NULL)
    return rp_rules_context_new (today, NULL, stale_days);

  self = rp_rules_context_new_full (today, rp_programme_get_closure_date (programme), stale_days,
                                    rp_programme_get_contact_due_days (programme));
  if (self != NULL)
    self->follow_up_weeks = rp_programme_get_follow_up_weeks (programme);
  return self;
}

RpRulesContext *
rp_rules_context_ref (RpRulesContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
rp_rules_context_unref (RpRulesContext *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) rp_rules_context_clear);
}

/* Either may be %NULL: two contexts are equal when the rules judge alike by them. */
gboolean
rp_rules_context_equal (const RpRulesContext *a,
                        const RpRulesContext *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->today, b->today) == 0 &&
         g_strcmp0 (a->closure_date, b->closure_date) == 0 &&
         a->stale_days == b->stale_days &&
         a->contact_due_days == b->contact_due_days &&
         a->follow_up_weeks == b->follow_up_weeks;
}
