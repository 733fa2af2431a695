/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-moving-plan.h: the six-step moving plan and the rules for changing step */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RP_MOVING_PLAN_FIRST_STEP 1
#define RP_MOVING_PLAN_LAST_STEP  6
#define RP_MOVING_PLAN_N_STEPS    6

/* Which field of a step change or a move a refusal is about, so that a
 * form can say why beside that field. */
typedef enum
{
  RP_PLAN_FIELD_STEP,
  RP_PLAN_FIELD_DATE,
  RP_PLAN_FIELD_REASON,
  RP_PLAN_FIELD_PROVIDER,
} RpPlanField;

const char *rp_moving_plan_step_name  (int          step);
gboolean    rp_moving_plan_step_valid (int          step);
gboolean    rp_moving_plan_check_change (int         from_step,
                                         int         to_step,
                                         const char *date_iso,
                                         const char *previous_date_iso,
                                         const char *today_iso,
                                         const char *reason,
                                         GError    **error);
gboolean    rp_moving_plan_check_change_of (const char  *who,
                                            int          from_step,
                                            int          to_step,
                                            const char  *date_iso,
                                            const char  *previous_date_iso,
                                            const char  *today_iso,
                                            const char  *reason,
                                            RpPlanField *field,
                                            GError     **error);
gboolean    rp_moving_plan_check_move   (gint64       provider_id,
                                         const char  *date_iso,
                                         const char  *today_iso,
                                         RpPlanField *field,
                                         GError     **error);
char       *rp_moving_plan_describe_early_move (const char *move_date_iso,
                                                int         step,
                                                const char *step_since_iso);
gboolean    rp_moving_plan_step_by_review      (int         to_step,
                                                gboolean    moved);

G_END_DECLS
