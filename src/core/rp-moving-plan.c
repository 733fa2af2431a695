/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-moving-plan.c: the six-step moving plan and the rules for changing step */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-moving-plan.h"

static const char * const step_names[] = {
  NULL,
  N_("Social worker identified"),
  N_("Contact with people to commence discussion"),
  N_("Review in progress"),
  N_("Review process completed"),
  N_("Explore options for new provision"),
  N_("Follow up as part of review"),
};

gboolean
rp_moving_plan_step_valid (int step)
{
  return step >= RP_MOVING_PLAN_FIRST_STEP && step <= RP_MOVING_PLAN_LAST_STEP;
}

/**
 * rp_moving_plan_step_name:
 * @step: 1 to 6
 *
 * Returns: (transfer none): the translated name of @step, as printed in the key
 *   of the scrutiny report
 */
const char *
rp_moving_plan_step_name (int step)
{
  g_return_val_if_fail (rp_moving_plan_step_valid (step), "");

  return _(step_names[step]);
}

/* Says which field a refusal is about, where the caller asked. */
static gboolean
refuse (RpPlanField *field,
        RpPlanField  which)
{
  if (field != NULL)
    *field = which;
  return FALSE;
}

/**
 * rp_moving_plan_check_change:
 * @from_step: the current step (0 when the attendee has none yet)
 * @to_step: the step to record
 * @date_iso: the day the step was reached
 * @previous_date_iso: (nullable): the day of the last recorded change
 * @today_iso: today
 * @reason: (nullable): why; needed for a jump or a step back
 * @error: why the change is refused
 *
 * Steps go forward one at a time. A jump forward or a step back is allowed
 * only with a reason, so that the history explains itself.
 */
gboolean
rp_moving_plan_check_change (int          from_step,
                             int          to_step,
                             const char  *date_iso,
                             const char  *previous_date_iso,
                             const char  *today_iso,
                             const char  *reason,
                             GError     **error)
{
  return rp_moving_plan_check_change_of (NULL, from_step, to_step, date_iso, previous_date_iso,
                                         today_iso, reason, NULL, error);
}

/**
 * rp_moving_plan_check_change_of:
 * @who: (nullable): the attendee as people here call them, such as "Danny"
 * @field: (out) (optional): which field the refusal is about
 *
 * As rp_moving_plan_check_change(), for a form: a missing reason is asked
 * for by name ("Say why Danny is moving from step 1 to step 4."), and
 * @field says whether the step, the date or the reason is wrong.
 */
gboolean
rp_moving_plan_check_change_of (const char  *who,
                                int          from_step,
                                int          to_step,
                                const char  *date_iso,
                                const char  *previous_date_iso,
                                const char  *today_iso,
                                const char  *reason,
                                RpPlanField *field,
                                GError     **error)
{
  g_autofree char *trimmed_reason = NULL;

  g_return_val_if_fail (today_iso != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rp_moving_plan_step_valid (to_step))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Step %d does not exist. The moving plan has steps 1 to 6."), to_step);
      return refuse (field, RP_PLAN_FIELD_STEP);
    }

  if (to_step == from_step)
    {
      if (who != NULL)
        g_set_error (error, RP_ERROR, RP_ERROR_INVALID, _("%s is already at step %d."), who, to_step);
      else
        g_set_error (error, RP_ERROR, RP_ERROR_INVALID, _("The attendee is already at step %d."), to_step);
      return refuse (field, RP_PLAN_FIELD_STEP);
    }

  if (!rp_date_is_valid_iso (date_iso))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("A step change needs the date it happened."));
      return refuse (field, RP_PLAN_FIELD_DATE);
    }

  if (rp_date_compare (date_iso, today_iso) > 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("A step change cannot be dated in the future."));
      return refuse (field, RP_PLAN_FIELD_DATE);
    }

  if (previous_date_iso != NULL && rp_date_compare (date_iso, previous_date_iso) < 0)
    {
      g_autofree char *previous = rp_date_format_short (previous_date_iso);

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("A step change cannot be dated before the last one, on %s."), previous);
      return refuse (field, RP_PLAN_FIELD_DATE);
    }

  trimmed_reason = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (from_step > 0 && to_step != from_step + 1 && trimmed_reason[0] == '\0')
    {
      if (who != NULL && to_step < from_step)
        /* Translators: "Say why Danny is going back from step 4 to step 3." */
        g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                     _("Say why %s is going back from step %d to step %d."), who, from_step, to_step);
      else if (who != NULL)
        /* Translators: "Say why Danny is moving from step 1 to step 4." */
        g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                     _("Say why %s is moving from step %d to step %d."), who, from_step, to_step);
      else if (to_step < from_step)
        g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                     _("Going back from step %d to step %d needs a reason."), from_step, to_step);
      else
        g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                     _("Jumping from step %d to step %d needs a reason."), from_step, to_step);
      return refuse (field, RP_PLAN_FIELD_REASON);
    }

  return TRUE;
}

/**
 * rp_moving_plan_check_move:
 * @provider_id: the provider the attendee moved to
 * @date_iso: (nullable): the day of the move
 * @today_iso: today
 * @field: (out) (optional): which field the refusal is about
 *
 * A move to new provision names the provider and has happened already.
 */
gboolean
rp_moving_plan_check_move (gint64       provider_id,
                           const char  *date_iso,
                           const char  *today_iso,
                           RpPlanField *field,
                           GError     **error)
{
  g_return_val_if_fail (today_iso != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (provider_id <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("A move needs the provider the person moved to."));
      return refuse (field, RP_PLAN_FIELD_PROVIDER);
    }

  if (!rp_date_is_valid_iso (date_iso))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Enter the date of the move."));
      return refuse (field, RP_PLAN_FIELD_DATE);
    }

  if (rp_date_compare (date_iso, today_iso) > 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("A move can only be recorded once it has happened. Set the target moving date for a planned move."));
      return refuse (field, RP_PLAN_FIELD_DATE);
    }

  return TRUE;
}

/**
 * rp_moving_plan_describe_early_move:
 * @move_date_iso: the day of the move being recorded
 * @step: the step the person is at
 * @step_since_iso: (nullable): the day that step was reached
 *
 * A move dated before the latest step was reached is allowed (the step may
 * have been recorded late) but is most often a mistyped date, so it is said
 * before the move is recorded.
 *
 * Returns: (transfer full) (nullable): the warning, or %NULL when the date
 *   follows the step history
 */
char *
rp_moving_plan_describe_early_move (const char *move_date_iso,
                                    int         step,
                                    const char *step_since_iso)
{
  g_autofree char *since = NULL;

  if (!rp_date_is_valid_iso (move_date_iso) || !rp_date_is_valid_iso (step_since_iso) ||
      rp_date_compare (move_date_iso, step_since_iso) >= 0)
    return NULL;

  since = rp_date_format_long (step_since_iso);
  /* Translators: "The step history has step 5 reached on Wednesday 2 December 2026, after this move. Check the date of the move." */
  return g_strdup_printf (_("The step history has step %d reached on %s, after this move. Check the date of the move."),
                          step, since);
}

/**
 * rp_moving_plan_step_by_review:
 * @to_step: the step asked for
 * @moved: whether the person has moved to new provision
 *
 * After a move, step 6 "Follow up as part of review" is reached by holding
 * the follow-up review, which records what the step stands for: how each
 * outcome was met. Before a move, or for any other step, it is a step change
 * like the rest.
 *
 * Returns: %TRUE when @to_step should be reached by recording the review
 */
gboolean
rp_moving_plan_step_by_review (int      to_step,
                               gboolean moved)
{
  return moved && to_step == RP_MOVING_PLAN_LAST_STEP;
}
