/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-taster-day.c: a provider's taster day or open day */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-taster-day.h"

struct _RpTasterDay
{
  GObject parent_instance;

  gint64 id;
  gint64 programme_id;
  gint64 provider_id;
  char *provider_name;
  char *date;
  char *start_time;
  char *end_time;
  char *venue;
  int places;
  char *notes;
  gboolean cancelled;
};

G_DEFINE_FINAL_TYPE (RpTasterDay, rp_taster_day, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROGRAMME_ID,
  PROP_PROVIDER_ID,
  PROP_PROVIDER_NAME,
  PROP_DATE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_VENUE,
  PROP_PLACES,
  PROP_NOTES,
  PROP_CANCELLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_taster_day_finalize (GObject *object)
{
  RpTasterDay *self = RP_TASTER_DAY (object);

  g_clear_pointer (&self->provider_name, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->start_time, g_free);
  g_clear_pointer (&self->end_time, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (rp_taster_day_parent_class)->finalize (object);
}

static void
rp_taster_day_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RpTasterDay *self = RP_TASTER_DAY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;

    case PROP_PROVIDER_ID:
      g_value_set_int64 (value, self->provider_id);
      break;

    case PROP_PROVIDER_NAME:
      g_value_set_string (value, self->provider_name);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_START_TIME:
      g_value_set_string (value, self->start_time);
      break;

    case PROP_END_TIME:
      g_value_set_string (value, self->end_time);
      break;

    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;

    case PROP_PLACES:
      g_value_set_int (value, self->places);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CANCELLED:
      g_value_set_boolean (value, self->cancelled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_taster_day_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RpTasterDay *self = RP_TASTER_DAY (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_taster_day_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PROGRAMME_ID:
      rp_taster_day_set_programme_id (self, g_value_get_int64 (value));
      break;

    case PROP_PROVIDER_ID:
      rp_taster_day_set_provider_id (self, g_value_get_int64 (value));
      break;

    case PROP_PROVIDER_NAME:
      rp_taster_day_set_provider_name (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      rp_taster_day_set_date (self, g_value_get_string (value));
      break;

    case PROP_START_TIME:
      rp_taster_day_set_start_time (self, g_value_get_string (value));
      break;

    case PROP_END_TIME:
      rp_taster_day_set_end_time (self, g_value_get_string (value));
      break;

    case PROP_VENUE:
      rp_taster_day_set_venue (self, g_value_get_string (value));
      break;

    case PROP_PLACES:
      rp_taster_day_set_places (self, g_value_get_int (value));
      break;

    case PROP_NOTES:
      rp_taster_day_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CANCELLED:
      rp_taster_day_set_cancelled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_taster_day_class_init (RpTasterDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_taster_day_finalize;
  object_class->get_property = rp_taster_day_get_property;
  object_class->set_property = rp_taster_day_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME_ID] =
    g_param_spec_int64 ("programme-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVIDER_ID] =
    g_param_spec_int64 ("provider-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVIDER_NAME] =
    g_param_spec_string ("provider-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_TIME] =
    g_param_spec_string ("start-time", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_TIME] =
    g_param_spec_string ("end-time", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACES] =
    g_param_spec_int ("places", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCELLED] =
    g_param_spec_boolean ("cancelled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_taster_day_init (RpTasterDay *self)
{
}

/**
 * rp_taster_day_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpTasterDay *
rp_taster_day_new (void)
{
  return g_object_new (RP_TYPE_TASTER_DAY, NULL);
}

/**
 * rp_taster_day_copy:
 *
 * Returns: (transfer full): a new object with the same values, for editing
 */
RpTasterDay *
rp_taster_day_copy (RpTasterDay *self)
{
  RpTasterDay *copy;

  g_return_val_if_fail (RP_IS_TASTER_DAY (self), NULL);

  copy = rp_taster_day_new ();
  copy->id = self->id;
  copy->programme_id = self->programme_id;
  copy->provider_id = self->provider_id;
  copy->provider_name = g_strdup (self->provider_name);
  copy->date = g_strdup (self->date);
  copy->start_time = g_strdup (self->start_time);
  copy->end_time = g_strdup (self->end_time);
  copy->venue = g_strdup (self->venue);
  copy->places = self->places;
  copy->notes = g_strdup (self->notes);
  copy->cancelled = self->cancelled;
  return copy;
}

gint64
rp_taster_day_get_id (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), 0);

  return self->id;
}

void
rp_taster_day_set_id (RpTasterDay *self,
                      gint64       value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
rp_taster_day_get_programme_id (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), 0);

  return self->programme_id;
}

void
rp_taster_day_set_programme_id (RpTasterDay *self,
                                gint64       value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (self->programme_id == value)
    return;

  self->programme_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME_ID]);
}

gint64
rp_taster_day_get_provider_id (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), 0);

  return self->provider_id;
}

void
rp_taster_day_set_provider_id (RpTasterDay *self,
                               gint64       value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (self->provider_id == value)
    return;

  self->provider_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER_ID]);
}

const char *
rp_taster_day_get_provider_name (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), NULL);

  return self->provider_name;
}

void
rp_taster_day_set_provider_name (RpTasterDay *self,
                                 const char  *value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->provider_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER_NAME]);
}

const char *
rp_taster_day_get_date (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), NULL);

  return self->date;
}

void
rp_taster_day_set_date (RpTasterDay *self,
                        const char  *value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
rp_taster_day_get_start_time (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), NULL);

  return self->start_time;
}

void
rp_taster_day_set_start_time (RpTasterDay *self,
                              const char  *value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->start_time, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIME]);
}

const char *
rp_taster_day_get_end_time (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), NULL);

  return self->end_time;
}

void
rp_taster_day_set_end_time (RpTasterDay *self,
                            const char  *value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->end_time, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_TIME]);
}

const char *
rp_taster_day_get_venue (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), NULL);

  return self->venue;
}

void
rp_taster_day_set_venue (RpTasterDay *self,
                         const char  *value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->venue, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE]);
}

int
rp_taster_day_get_places (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), 0);

  return self->places;
}

void
rp_taster_day_set_places (RpTasterDay *self,
                          int          value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (self->places == value)
    return;

  self->places = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACES]);
}

const char *
rp_taster_day_get_notes (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), NULL);

  return self->notes;
}

void
rp_taster_day_set_notes (RpTasterDay *self,
                         const char  *value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->notes, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
rp_taster_day_get_cancelled (RpTasterDay *self)
{
  g_return_val_if_fail (RP_IS_TASTER_DAY (self), FALSE);

  return self->cancelled;
}

void
rp_taster_day_set_cancelled (RpTasterDay *self,
                             gboolean     value)
{
  g_return_if_fail (RP_IS_TASTER_DAY (self));

  value = !!value;

  if (self->cancelled == value)
    return;

  self->cancelled = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED]);
}

/* "HH:MM" on the 24-hour clock, as 10:00 or 09:15. */
static gboolean
parse_time (const char *text,
            int        *minutes)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  *minutes = ((text[0] - '0') * 10 + (text[1] - '0')) * 60 + (text[3] - '0') * 10 + (text[4] - '0');
  return (text[0] - '0') * 10 + (text[1] - '0') < 24 && (text[3] - '0') < 6;
}

/**
 * rp_taster_day_validate:
 *
 * Returns: %TRUE if the taster day can be saved; otherwise a clear error
 */
gboolean
rp_taster_day_validate (RpTasterDay  *self,
                        GError      **error)
{
  int start = 0, end = 0;

  g_return_val_if_fail (RP_IS_TASTER_DAY (self), FALSE);

  if (self->provider_id <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Choose the provider running the taster day."));
      return FALSE;
    }

  if (!rp_date_check (self->date, _("The date of the taster day"), error) ||
      !rp_check_text (self->venue, RP_LONG_TEXT_MAX, _("The venue"), error) ||
      !rp_check_text (self->notes, RP_LONG_TEXT_MAX, _("The notes"), error))
    return FALSE;

  if ((self->start_time != NULL && !parse_time (self->start_time, &start)) ||
      (self->end_time != NULL && !parse_time (self->end_time, &end)))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("Enter times on the 24-hour clock, for example 10:00 or 14:30."));
      return FALSE;
    }

  if (self->start_time != NULL && self->end_time != NULL && end <= start)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The taster day must end after it starts."));
      return FALSE;
    }

  if (self->places < 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The number of places cannot be negative."));
      return FALSE;
    }

  return TRUE;
}
