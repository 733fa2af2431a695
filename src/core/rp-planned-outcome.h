/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-planned-outcome.h: one outcome written into a person's moving plan,
 * such as "keeps seeing friends from the centre" */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RP_TYPE_PLANNED_OUTCOME (rp_planned_outcome_get_type ())

G_DECLARE_FINAL_TYPE (RpPlannedOutcome, rp_planned_outcome, RP, PLANNED_OUTCOME, GObject)

RpPlannedOutcome *rp_planned_outcome_new              (void);
gint64            rp_planned_outcome_get_id           (RpPlannedOutcome  *self);
void              rp_planned_outcome_set_id           (RpPlannedOutcome  *self,
                                                       gint64             value);
gint64            rp_planned_outcome_get_attendee_id  (RpPlannedOutcome  *self);
void              rp_planned_outcome_set_attendee_id  (RpPlannedOutcome  *self,
                                                       gint64             value);
const char       *rp_planned_outcome_get_description  (RpPlannedOutcome  *self);
void              rp_planned_outcome_set_description  (RpPlannedOutcome  *self,
                                                       const char        *value);
int               rp_planned_outcome_get_position     (RpPlannedOutcome  *self);
void              rp_planned_outcome_set_position     (RpPlannedOutcome  *self,
                                                       int                value);
const char       *rp_planned_outcome_get_written_on   (RpPlannedOutcome  *self);
void              rp_planned_outcome_set_written_on   (RpPlannedOutcome  *self,
                                                       const char        *value);
gboolean          rp_planned_outcome_validate         (RpPlannedOutcome  *self,
                                                       GError           **error);

G_END_DECLS
