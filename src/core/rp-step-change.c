/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-change.c: one entry of an attendee's step history */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-step-change.h"

struct _RpStepChange
{
  GObject parent_instance;

  gint64 id;
  gint64 attendee_id;
  int from_step;
  int to_step;
  char *changed_on;
  char *recorded_by;
  char *reason;
  char *recorded_at;
};

G_DEFINE_FINAL_TYPE (RpStepChange, rp_step_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ATTENDEE_ID,
  PROP_FROM_STEP,
  PROP_TO_STEP,
  PROP_CHANGED_ON,
  PROP_RECORDED_BY,
  PROP_REASON,
  PROP_RECORDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_step_change_finalize (GObject *object)
{
  RpStepChange *self = RP_STEP_CHANGE (object);

  g_clear_pointer (&self->changed_on, g_free);
  g_clear_pointer (&self->recorded_by, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->recorded_at, g_free);

  G_OBJECT_CLASS (rp_step_change_parent_class)->finalize (object);
}

static void
rp_step_change_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RpStepChange *self = RP_STEP_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ATTENDEE_ID:
      g_value_set_int64 (value, self->attendee_id);
      break;

    case PROP_FROM_STEP:
      g_value_set_int (value, self->from_step);
      break;

    case PROP_TO_STEP:
      g_value_set_int (value, self->to_step);
      break;

    case PROP_CHANGED_ON:
      g_value_set_string (value, self->changed_on);
      break;

    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_RECORDED_AT:
      g_value_set_string (value, self->recorded_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_step_change_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RpStepChange *self = RP_STEP_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_step_change_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ATTENDEE_ID:
      rp_step_change_set_attendee_id (self, g_value_get_int64 (value));
      break;

    case PROP_FROM_STEP:
      rp_step_change_set_from_step (self, g_value_get_int (value));
      break;

    case PROP_TO_STEP:
      rp_step_change_set_to_step (self, g_value_get_int (value));
      break;

    case PROP_CHANGED_ON:
      rp_step_change_set_changed_on (self, g_value_get_string (value));
      break;

    case PROP_RECORDED_BY:
      rp_step_change_set_recorded_by (self, g_value_get_string (value));
      break;

    case PROP_REASON:
      rp_step_change_set_reason (self, g_value_get_string (value));
      break;

    case PROP_RECORDED_AT:
      rp_step_change_set_recorded_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_step_change_class_init (RpStepChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_step_change_finalize;
  object_class->get_property = rp_step_change_get_property;
  object_class->set_property = rp_step_change_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENDEE_ID] =
    g_param_spec_int64 ("attendee-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM_STEP] =
    g_param_spec_int ("from-step", NULL, NULL, 0, 6, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO_STEP] =
    g_param_spec_int ("to-step", NULL, NULL, 1, 6, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGED_ON] =
    g_param_spec_string ("changed-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDED_BY] =
    g_param_spec_string ("recorded-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDED_AT] =
    g_param_spec_string ("recorded-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_step_change_init (RpStepChange *self)
{
  self->to_step = 1;
}

/**
 * rp_step_change_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpStepChange *
rp_step_change_new (void)
{
  return g_object_new (RP_TYPE_STEP_CHANGE, NULL);
}

gint64
rp_step_change_get_id (RpStepChange *self)
{
  g_return_val_if_fail (RP_IS_STEP_CHANGE (self), 0);

  return self->id;
}

void
rp_step_change_set_id (RpStepChange *self,
                       gint64        value)
{
  g_return_if_fail (RP_IS_STEP_CHANGE (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
rp_step_change_get_attendee_id (RpStepChange *self)
{
  g_return_val_if_fail (RP_IS_STEP_CHANGE (self), 0);

  return self->attendee_id;
}

void
rp_step_change_set_attendee_id (RpStepChange *self,
                                gint64        value)
{
  g_return_if_fail (RP_IS_STEP_CHANGE (self));

  if (self->attendee_id == value)
    return;

  self->attendee_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEE_ID]);
}

int
rp_step_change_get_from_step (RpStepChange *self)
{
  g_return_val_if_fail (RP_IS_STEP_CHANGE (self), 0);

  return self->from_step;
}

void
rp_step_change_set_from_step (RpStepChange *self,
                              int           value)
{
  g_return_if_fail (RP_IS_STEP_CHANGE (self));

  if (self->from_step == value)
    return;

  self->from_step = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_STEP]);
}

int
rp_step_change_get_to_step (RpStepChange *self)
{
  g_return_val_if_fail (RP_IS_STEP_CHANGE (self), 0);

  return self->to_step;
}

void
rp_step_change_set_to_step (RpStepChange *self,
                            int           value)
{
  g_return_if_fail (RP_IS_STEP_CHANGE (self));

  if (self->to_step == value)
    return;

  self->to_step = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_STEP]);
}

const char *
rp_step_change_get_changed_on (RpStepChange *self)
{
  g_return_val_if_fail (RP_IS_STEP_CHANGE (self), NULL);

  return self->changed_on;
}

void
rp_step_change_set_changed_on (RpStepChange *self,
                               const char   *value)
{
  g_return_if_fail (RP_IS_STEP_CHANGE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->changed_on, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON]);
}

const char *
rp_step_change_get_recorded_by (RpStepChange *self)
{
  g_return_val_if_fail (RP_IS_STEP_CHANGE (self), NULL);

  return self->recorded_by;
}

void
rp_step_change_set_recorded_by (RpStepChange *self,
                                const char   *value)
{
  g_return_if_fail (RP_IS_STEP_CHANGE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->recorded_by, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_BY]);
}

const char *
rp_step_change_get_reason (RpStepChange *self)
{
  g_return_val_if_fail (RP_IS_STEP_CHANGE (self), NULL);

  return self->reason;
}

void
rp_step_change_set_reason (RpStepChange *self,
                           const char   *value)
{
  g_return_if_fail (RP_IS_STEP_CHANGE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->reason, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
rp_step_change_get_recorded_at (RpStepChange *self)
{
  g_return_val_if_fail (RP_IS_STEP_CHANGE (self), NULL);

  return self->recorded_at;
}

void
rp_step_change_set_recorded_at (RpStepChange *self,
                                const char   *value)
{
  g_return_if_fail (RP_IS_STEP_CHANGE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->recorded_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_AT]);
}

