/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-change.h: one entry of an attendee's step history */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RP_TYPE_STEP_CHANGE (rp_step_change_get_type ())

G_DECLARE_FINAL_TYPE (RpStepChange, rp_step_change, RP, STEP_CHANGE, GObject)

RpStepChange *rp_step_change_new             (void);
gint64        rp_step_change_get_id          (RpStepChange *self);
void          rp_step_change_set_id          (RpStepChange *self,
                                              gint64        value);
gint64        rp_step_change_get_attendee_id (RpStepChange *self);
void          rp_step_change_set_attendee_id (RpStepChange *self,
                                              gint64        value);
int           rp_step_change_get_from_step   (RpStepChange *self);
void          rp_step_change_set_from_step   (RpStepChange *self,
                                              int           value);
int           rp_step_change_get_to_step     (RpStepChange *self);
void          rp_step_change_set_to_step     (RpStepChange *self,
                                              int           value);
const char   *rp_step_change_get_changed_on  (RpStepChange *self);
void          rp_step_change_set_changed_on  (RpStepChange *self,
                                              const char   *value);
const char   *rp_step_change_get_recorded_by (RpStepChange *self);
void          rp_step_change_set_recorded_by (RpStepChange *self,
                                              const char   *value);
const char   *rp_step_change_get_reason      (RpStepChange *self);
void          rp_step_change_set_reason      (RpStepChange *self,
                                              const char   *value);
const char   *rp_step_change_get_recorded_at (RpStepChange *self);
void          rp_step_change_set_recorded_at (RpStepChange *self,
                                              const char   *value);

G_END_DECLS
