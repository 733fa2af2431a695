/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking.c: an attendee booked on a taster day */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-attendee.h"
#include "rp-booking.h"

struct _RpBooking
{
  GObject parent_instance;

  gint64 id;
  gint64 taster_day_id;
  gint64 attendee_id;
  RpBookingStatus status;
  gboolean transport_needed;
  gboolean transport_arranged;
  char *pickup_time;
  gint64 staff_id;
  char *family_attending;
  char *feedback;
};

G_DEFINE_FINAL_TYPE (RpBooking, rp_booking, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TASTER_DAY_ID,
  PROP_ATTENDEE_ID,
  PROP_STATUS,
  PROP_TRANSPORT_NEEDED,
  PROP_TRANSPORT_ARRANGED,
  PROP_PICKUP_TIME,
  PROP_STAFF_ID,
  PROP_FAMILY_ATTENDING,
  PROP_FEEDBACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_booking_finalize (GObject *object)
{
  RpBooking *self = RP_BOOKING (object);

  g_clear_pointer (&self->pickup_time, g_free);
  g_clear_pointer (&self->family_attending, g_free);
  g_clear_pointer (&self->feedback, g_free);

  G_OBJECT_CLASS (rp_booking_parent_class)->finalize (object);
}

static void
rp_booking_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RpBooking *self = RP_BOOKING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TASTER_DAY_ID:
      g_value_set_int64 (value, self->taster_day_id);
      break;

    case PROP_ATTENDEE_ID:
      g_value_set_int64 (value, self->attendee_id);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_TRANSPORT_NEEDED:
      g_value_set_boolean (value, self->transport_needed);
      break;

    case PROP_TRANSPORT_ARRANGED:
      g_value_set_boolean (value, self->transport_arranged);
      break;

    case PROP_PICKUP_TIME:
      g_value_set_string (value, self->pickup_time);
      break;

    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;

    case PROP_FAMILY_ATTENDING:
      g_value_set_string (value, self->family_attending);
      break;

    case PROP_FEEDBACK:
      g_value_set_string (value, self->feedback);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_booking_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RpBooking *self = RP_BOOKING (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_booking_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TASTER_DAY_ID:
      rp_booking_set_taster_day_id (self, g_value_get_int64 (value));
      break;

    case PROP_ATTENDEE_ID:
      rp_booking_set_attendee_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATUS:
      rp_booking_set_status (self, g_value_get_enum (value));
      break;

    case PROP_TRANSPORT_NEEDED:
      rp_booking_set_transport_needed (self, g_value_get_boolean (value));
      break;

    case PROP_TRANSPORT_ARRANGED:
      rp_booking_set_transport_arranged (self, g_value_get_boolean (value));
      break;

    case PROP_PICKUP_TIME:
      rp_booking_set_pickup_time (self, g_value_get_string (value));
      break;

    case PROP_STAFF_ID:
      rp_booking_set_staff_id (self, g_value_get_int64 (value));
      break;

    case PROP_FAMILY_ATTENDING:
      rp_booking_set_family_attending (self, g_value_get_string (value));
      break;

    case PROP_FEEDBACK:
      rp_booking_set_feedback (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_booking_class_init (RpBookingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_booking_finalize;
  object_class->get_property = rp_booking_get_property;
  object_class->set_property = rp_booking_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TASTER_DAY_ID] =
    g_param_spec_int64 ("taster-day-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENDEE_ID] =
    g_param_spec_int64 ("attendee-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RP_TYPE_BOOKING_STATUS, RP_BOOKING_INVITED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRANSPORT_NEEDED] =
    g_param_spec_boolean ("transport-needed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRANSPORT_ARRANGED] =
    g_param_spec_boolean ("transport-arranged", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PICKUP_TIME] =
    g_param_spec_string ("pickup-time", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY_ATTENDING] =
    g_param_spec_string ("family-attending", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEEDBACK] =
    g_param_spec_string ("feedback", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_booking_init (RpBooking *self)
{
  self->status = RP_BOOKING_INVITED;
}

/**
 * rp_booking_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpBooking *
rp_booking_new (void)
{
  return g_object_new (RP_TYPE_BOOKING, NULL);
}

/**
 * rp_booking_copy:
 *
 * Returns: (transfer full): a new object with the same values, for editing
 */
RpBooking *
rp_booking_copy (RpBooking *self)
{
  RpBooking *copy;

  g_return_val_if_fail (RP_IS_BOOKING (self), NULL);

  copy = rp_booking_new ();
  copy->id = self->id;
  copy->taster_day_id = self->taster_day_id;
  copy->attendee_id = self->attendee_id;
  copy->status = self->status;
  copy->transport_needed = self->transport_needed;
  copy->transport_arranged = self->transport_arranged;
  copy->pickup_time = g_strdup (self->pickup_time);
  copy->staff_id = self->staff_id;
  copy->family_attending = g_strdup (self->family_attending);
  copy->feedback = g_strdup (self->feedback);
  return copy;
}

/* "Mother" reads "mother" after a name; "GP" stays as written. */
static char *
lower_first_letter (const char *text)
{
  const char *second = g_utf8_next_char (text);
  char first[7] = { 0 };

  if (*second != '\0' && !g_unichar_islower (g_utf8_get_char (second)))
    return g_strdup (text);

  g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (text)), first);
  return g_strconcat (first, second, NULL);
}

/* Who is coming from the family, as the sample and coordinators write it:
 * "Grace Okoro (sister)". */
static char *
family_from_contact (RpAttendee *attendee)
{
  const char *name = rp_attendee_get_contact_name (attendee);
  const char *relationship = rp_attendee_get_contact_relationship (attendee);
  g_autofree char *lower = NULL;
  g_autofree char *family = NULL;

  if (name == NULL || name[0] == '\0')
    return NULL;
  if (relationship == NULL || relationship[0] == '\0')
    return g_strdup (name);

  lower = lower_first_letter (relationship);
  family = g_strdup_printf ("%s (%s)", name, lower);

  /* A relationship that would not pass as a name (too long, a hidden
   * character) is left for the coordinator to write. */
  if (!rp_check_name (family, RP_SHORT_TEXT_MAX, _("Who is coming from the family"), NULL))
    return g_strdup (name);

  return g_steal_pointer (&family);
}

/**
 * rp_booking_new_for_attendee:
 * @attendee: who is to be booked
 * @taster_day_id: on which taster day
 *
 * A new booking filled in from the attendee's own record: whether they need
 * transport, and their contact as the family member going. The coordinator
 * confirms or changes each, so that one person's details never come from
 * another's.
 *
 * Returns: (transfer full): a new, unsaved booking
 */
RpBooking *
rp_booking_new_for_attendee (RpAttendee *attendee,
                             gint64      taster_day_id)
{
  RpBooking *self;

  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), NULL);

  self = rp_booking_new ();
  self->taster_day_id = taster_day_id;
  self->attendee_id = rp_attendee_get_id (attendee);
  self->transport_needed = rp_attendee_get_transport_needed (attendee);
  self->family_attending = family_from_contact (attendee);
  return self;
}

gint64
rp_booking_get_id (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), 0);

  return self->id;
}

void
rp_booking_set_id (RpBooking *self,
                   gint64     value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
rp_booking_get_taster_day_id (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), 0);

  return self->taster_day_id;
}

void
rp_booking_set_taster_day_id (RpBooking *self,
                              gint64     value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  if (self->taster_day_id == value)
    return;

  self->taster_day_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASTER_DAY_ID]);
}

gint64
rp_booking_get_attendee_id (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), 0);

  return self->attendee_id;
}

void
rp_booking_set_attendee_id (RpBooking *self,
                            gint64     value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  if (self->attendee_id == value)
    return;

  self->attendee_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEE_ID]);
}

RpBookingStatus
rp_booking_get_status (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), 0);

  return self->status;
}

void
rp_booking_set_status (RpBooking       *self,
                       RpBookingStatus  value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  if (self->status == value)
    return;

  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
rp_booking_get_transport_needed (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), FALSE);

  return self->transport_needed;
}

void
rp_booking_set_transport_needed (RpBooking *self,
                                 gboolean   value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  value = !!value;

  if (self->transport_needed == value)
    return;

  self->transport_needed = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSPORT_NEEDED]);
}

gboolean
rp_booking_get_transport_arranged (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), FALSE);

  return self->transport_arranged;
}

void
rp_booking_set_transport_arranged (RpBooking *self,
                                   gboolean   value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  value = !!value;

  if (self->transport_arranged == value)
    return;

  self->transport_arranged = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSPORT_ARRANGED]);
}

const char *
rp_booking_get_pickup_time (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), NULL);

  return self->pickup_time;
}

void
rp_booking_set_pickup_time (RpBooking  *self,
                            const char *value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->pickup_time, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICKUP_TIME]);
}

gint64
rp_booking_get_staff_id (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), 0);

  return self->staff_id;
}

void
rp_booking_set_staff_id (RpBooking *self,
                         gint64     value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  if (self->staff_id == value)
    return;

  self->staff_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
}

const char *
rp_booking_get_family_attending (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), NULL);

  return self->family_attending;
}

void
rp_booking_set_family_attending (RpBooking  *self,
                                 const char *value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->family_attending, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_ATTENDING]);
}

const char *
rp_booking_get_feedback (RpBooking *self)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), NULL);

  return self->feedback;
}

void
rp_booking_set_feedback (RpBooking  *self,
                         const char *value)
{
  g_return_if_fail (RP_IS_BOOKING (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->feedback, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK]);
}

/**
 * rp_booking_validate:
 *
 * Returns: %TRUE if the booking can be saved; otherwise a clear error
 */
gboolean
rp_booking_validate (RpBooking  *self,
                     GError    **error)
{
  g_return_val_if_fail (RP_IS_BOOKING (self), FALSE);

  if (self->taster_day_id <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Choose the taster day to book."));
      return FALSE;
    }

  if (self->attendee_id <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Choose the attendee to book."));
      return FALSE;
    }

  return rp_check_time (self->pickup_time, error) &&
         rp_check_name (self->family_attending, RP_SHORT_TEXT_MAX, _("Who is coming from the family"), error) &&
         rp_check_text (self->feedback, RP_LONG_TEXT_MAX, _("The feedback"), error);
}
