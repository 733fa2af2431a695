/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-timetable-action.c: an action on the closure timetable */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-timetable-action.h"

struct _RpTimetableAction
{
  GObject parent_instance;

  gint64 id;
  gint64 programme_id;
  char *activity;
  char *owner;
  char *due_date;
  char *due_note;   /* the due date in words when it is not one date: "tbc" */
  RpActionStatus status;
  int position;
};

G_DEFINE_FINAL_TYPE (RpTimetableAction, rp_timetable_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROGRAMME_ID,
  PROP_ACTIVITY,
  PROP_OWNER,
  PROP_DUE_DATE,
  PROP_DUE_NOTE,
  PROP_STATUS,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_timetable_action_finalize (GObject *object)
{
  RpTimetableAction *self = RP_TIMETABLE_ACTION (object);

  g_clear_pointer (&self->activity, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->due_note, g_free);

  G_OBJECT_CLASS (rp_timetable_action_parent_class)->finalize (object);
}

static void
rp_timetable_action_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RpTimetableAction *self = RP_TIMETABLE_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;

    case PROP_ACTIVITY:
      g_value_set_string (value, self->activity);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;

    case PROP_DUE_NOTE:
      g_value_set_string (value, self->due_note);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timetable_action_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RpTimetableAction *self = RP_TIMETABLE_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_timetable_action_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PROGRAMME_ID:
      rp_timetable_action_set_programme_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTIVITY:
      rp_timetable_action_set_activity (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      rp_timetable_action_set_owner (self, g_value_get_string (value));
      break;

    case PROP_DUE_DATE:
      rp_timetable_action_set_due_date (self, g_value_get_string (value));
      break;

    case PROP_DUE_NOTE:
      rp_timetable_action_set_due_note (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      rp_timetable_action_set_status (self, g_value_get_enum (value));
      break;

    case PROP_POSITION:
      rp_timetable_action_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timetable_action_class_init (RpTimetableActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_timetable_action_finalize;
  object_class->get_property = rp_timetable_action_get_property;
  object_class->set_property = rp_timetable_action_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME_ID] =
    g_param_spec_int64 ("programme-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY] =
    g_param_spec_string ("activity", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_NOTE] =
    g_param_spec_string ("due-note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RP_TYPE_ACTION_STATUS, RP_ACTION_NOT_STARTED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_timetable_action_init (RpTimetableAction *self)
{
  self->status = RP_ACTION_NOT_STARTED;
}

/**
 * rp_timetable_action_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpTimetableAction *
rp_timetable_action_new (void)
{
  return g_object_new (RP_TYPE_TIMETABLE_ACTION, NULL);
}

/**
 * rp_timetable_action_copy:
 *
 * Returns: (transfer full): a new object with the same values, for editing
 */
RpTimetableAction *
rp_timetable_action_copy (RpTimetableAction *self)
{
  RpTimetableAction *copy;

  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  copy = rp_timetable_action_new ();
  copy->id = self->id;
  copy->programme_id = self->programme_id;
  copy->activity = g_strdup (self->activity);
  copy->owner = g_strdup (self->owner);
  copy->due_date = g_strdup (self->due_date);
  copy->due_note = g_strdup (self->due_note);
  copy->status = self->status;
  copy->position = self->position;
  return copy;
}

gint64
rp_timetable_action_get_id (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), 0);

  return self->id;
}

void
rp_timetable_action_set_id (RpTimetableAction *self,
                            gint64             value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
rp_timetable_action_get_programme_id (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), 0);

  return self->programme_id;
}

void
rp_timetable_action_set_programme_id (RpTimetableAction *self,
                                      gint64             value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (self->programme_id == value)
    return;

  self->programme_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME_ID]);
}

const char *
rp_timetable_action_get_activity (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  return self->activity;
}

void
rp_timetable_action_set_activity (RpTimetableAction *self,
                                  const char        *value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (rp_set_string (&self->activity, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY]);
}

const char *
rp_timetable_action_get_owner (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  return self->owner;
}

void
rp_timetable_action_set_owner (RpTimetableAction *self,
                               const char        *value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->owner, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
rp_timetable_action_get_due_date (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  return self->due_date;
}

void
rp_timetable_action_set_due_date (RpTimetableAction *self,
                                  const char        *value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->due_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

const char *
rp_timetable_action_get_due_note (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  return self->due_note;
}

void
rp_timetable_action_set_due_note (RpTimetableAction *self,
                                  const char        *value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->due_note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_NOTE]);
}

/**
 * rp_timetable_action_set_due_text:
 * @text: (nullable): what a person typed in the one "Due" field
 * @error: why it cannot be taken, such as "31/02/2027" not being a real date
 *
 * Reads "Due" as people write it: blank for neither a date nor a note, a
 * date ("30/09/2027", "30 Sep 2027") as the due date, and anything else
 * ("tbc", "IBC 30 Sept, Pathfinders 10 & 19 Oct") as the due note. Text
 * written as a date that is not a real one is refused, not kept as a note,
 * so a mistyped date is not silently left out of the overdue check. On an
 * error the action is unchanged.
 *
 * Returns: %TRUE if the action now has the due date or note typed
 */
gboolean
rp_timetable_action_set_due_text (RpTimetableAction  *self,
                                  const char         *text,
                                  GError            **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (rp_date_looks_like_date (trimmed))
    {
      if (!(iso = rp_date_normalise (trimmed, error)))
        return FALSE;
    }
  else if (!rp_check_text (trimmed, RP_SHORT_TEXT_MAX, _("The due note"), error))
    {
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  rp_timetable_action_set_due_date (self, iso);
  rp_timetable_action_set_due_note (self, iso == NULL ? trimmed : NULL);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * rp_timetable_action_dup_due_text:
 *
 * The inverse of rp_timetable_action_set_due_text(), for editing.
 *
 * Returns: (transfer full): the due date as typed ("30/09/2027"), the due
 *   note, or an empty string for neither
 */
char *
rp_timetable_action_dup_due_text (RpTimetableAction *self)
{
  char *date;

  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  if ((date = rp_date_format_numeric (self->due_date)) != NULL)
    return date;

  return g_strdup (self->due_note != NULL ? self->due_note : "");
}

RpActionStatus
rp_timetable_action_get_status (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), 0);

  return self->status;
}

void
rp_timetable_action_set_status (RpTimetableAction *self,
                                RpActionStatus     value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (self->status == value)
    return;

  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

int
rp_timetable_action_get_position (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), 0);

  return self->position;
}

void
rp_timetable_action_set_position (RpTimetableAction *self,
                                  int                value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (self->position == value)
    return;

  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static gboolean
check_one_due (RpTimetableAction  *self,
               GError            **error)
{
  if (self->due_date == NULL || self->due_note == NULL)
    return TRUE;

  g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                       _("An action is due on a date or has a note about when it is due, not both. Remove one of them."));
  return FALSE;
}

/**
 * rp_timetable_action_validate:
 *
 * Returns: %TRUE if the action can be saved; otherwise a clear error
 */
gboolean
rp_timetable_action_validate (RpTimetableAction  *self,
                              GError            **error)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), FALSE);

  return rp_check_required (self->activity, _("Describe the activity."), error) &&
         rp_check_text (self->activity, RP_LONG_TEXT_MAX, _("The activity"), error) &&
         rp_check_name (self->owner, RP_SHORT_TEXT_MAX, _("The task owner"), error) &&
         rp_date_check (self->due_date, _("The due date"), error) &&
         rp_check_text (self->due_note, RP_SHORT_TEXT_MAX, _("The due note"), error) &&
         check_one_due (self, error);
}
