/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-rules-context.h: what the attention rules judge by: today, the closure date and how long a step may last */
#pragma once

#include <glib-object.h>

#include "rp-programme.h"

G_BEGIN_DECLS

/* Immutable once made, so a thread can hold a reference while the window
 * makes a new one. */
typedef struct
{
  char  *today;         /* ISO date the rules judge by */
  char  *closure_date;  /* ISO date the day centre closes, or NULL when not set */
  guint  stale_days;    /* how long one step may last before it counts as no progress */
  guint  contact_due_days;  /* how long a family may go without contact; 0: not judged */
  guint  follow_up_weeks;  /* weeks from a move to its follow-up review (the programme's setting) */
} RpRulesContext;

#define RP_TYPE_RULES_CONTEXT (rp_rules_context_get_type ())

GType           rp_rules_context_get_type          (void) G_GNUC_CONST;
RpRulesContext *rp_rules_context_new               (const char           *today,
                                                    const char           *closure_date,
                                                    guint                 stale_days);
RpRulesContext *rp_rules_context_new_full         (const char           *today,
                                                    const char           *closure_date,
                                                    guint                 stale_days,
                                                    guint                 contact_due_days);
RpRulesContext *rp_rules_context_new_for_programme (RpProgramme          *programme,
                                                    const char           *today,
                                                    guint                 stale_days);
RpRulesContext *rp_rules_context_ref               (RpRulesContext       *self);
void            rp_rules_context_unref             (RpRulesContext       *self);
gboolean        rp_rules_context_equal             (const RpRulesContext *a,
                                                    const RpRulesContext *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpRulesContext, rp_rules_context_unref)

G_END_DECLS
