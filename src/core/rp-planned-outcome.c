/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-planned-outcome.c: one outcome written into a person's moving plan */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-planned-outcome.h"
#include "rp-validate.h"

struct _RpPlannedOutcome
{
  GObject parent_instance;

  gint64 id;
  gint64 attendee_id;
  char *description;
  int position;
  char *written_on;
};

G_DEFINE_FINAL_TYPE (RpPlannedOutcome, rp_planned_outcome, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ATTENDEE_ID,
  PROP_DESCRIPTION,
  PROP_POSITION,
  PROP_WRITTEN_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_planned_outcome_finalize (GObject *object)
{
  RpPlannedOutcome *self = RP_PLANNED_OUTCOME (object);

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->written_on, g_free);

  G_OBJECT_CLASS (rp_planned_outcome_parent_class)->finalize (object);
}

static void
rp_planned_outcome_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RpPlannedOutcome *self = RP_PLANNED_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ATTENDEE_ID:
      g_value_set_int64 (value, self->attendee_id);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_WRITTEN_ON:
      g_value_set_string (value, self->written_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_planned_outcome_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RpPlannedOutcome *self = RP_PLANNED_OUTCOME (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_planned_outcome_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ATTENDEE_ID:
      rp_planned_outcome_set_attendee_id (self, g_value_get_int64 (value));
      break;
    case PROP_DESCRIPTION:
      rp_planned_outcome_set_description (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      rp_planned_outcome_set_position (self, g_value_get_int (value));
      break;
    case PROP_WRITTEN_ON:
      rp_planned_outcome_set_written_on (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_planned_outcome_class_init (RpPlannedOutcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_planned_outcome_finalize;
  object_class->get_property = rp_planned_outcome_get_property;
  object_class->set_property = rp_planned_outcome_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENDEE_ID] =
    g_param_spec_int64 ("attendee-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WRITTEN_ON] =
    g_param_spec_string ("written-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_planned_outcome_init (RpPlannedOutcome *self)
{
}

RpPlannedOutcome *
rp_planned_outcome_new (void)
{
  return g_object_new (RP_TYPE_PLANNED_OUTCOME, NULL);
}

gint64
rp_planned_outcome_get_id (RpPlannedOutcome *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_OUTCOME (self), 0);
  return self->id;
}

void
rp_planned_outcome_set_id (RpPlannedOutcome *self,
                           gint64            value)
{
  g_return_if_fail (RP_IS_PLANNED_OUTCOME (self));
  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
rp_planned_outcome_get_attendee_id (RpPlannedOutcome *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_OUTCOME (self), 0);
  return self->attendee_id;
}

void
rp_planned_outcome_set_attendee_id (RpPlannedOutcome *self,
                                    gint64            value)
{
  g_return_if_fail (RP_IS_PLANNED_OUTCOME (self));
  if (self->attendee_id == value)
    return;
  self->attendee_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEE_ID]);
}

const char *
rp_planned_outcome_get_description (RpPlannedOutcome *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_OUTCOME (self), NULL);
  return self->description;
}

void
rp_planned_outcome_set_description (RpPlannedOutcome *self,
                                    const char       *value)
{
  g_return_if_fail (RP_IS_PLANNED_OUTCOME (self));
  if (rp_set_string (&self->description, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

int
rp_planned_outcome_get_position (RpPlannedOutcome *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_OUTCOME (self), 0);
  return self->position;
}

void
rp_planned_outcome_set_position (RpPlannedOutcome *self,
                                 int               value)
{
  g_return_if_fail (RP_IS_PLANNED_OUTCOME (self));
  if (self->position == value)
    return;
  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
rp_planned_outcome_get_written_on (RpPlannedOutcome *self)
{
  g_return_val_if_fail (RP_IS_PLANNED_OUTCOME (self), NULL);
  return self->written_on;
}

void
rp_planned_outcome_set_written_on (RpPlannedOutcome *self,
                                   const char       *value)
{
  g_return_if_fail (RP_IS_PLANNED_OUTCOME (self));
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (rp_set_string (&self->written_on, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITTEN_ON]);
}

/**
 * rp_planned_outcome_validate:
 *
 * An outcome is one short sentence a review can rate: it must say something.
 */
gboolean
rp_planned_outcome_validate (RpPlannedOutcome  *self,
                             GError           **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (RP_IS_PLANNED_OUTCOME (self), FALSE);

  trimmed = g_strstrip (g_strdup (self->description != NULL ? self->description : ""));
  if (!rp_check_required (trimmed, _("Write the outcome, such as “keeps seeing friends from the centre”."), error) ||
      !rp_check_text (self->description, RP_SHORT_TEXT_MAX, _("The outcome"), error) ||
      !rp_date_check (self->written_on, _("The date the outcome was written"), error))
    return FALSE;

  return TRUE;
}
