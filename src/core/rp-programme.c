/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-programme.c: a programme: the day centre being closed */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-programme.h"

struct _RpProgramme
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *closure_date;
  char *report_title;
  /* The report's front matter */
  char *department;
  char *author;
  char *meeting;
  char *meeting_date;
  char *report_as_of;
  char *marking;
  /* Who a family calls with questions when their worker has no number */
  char *family_contact;
  char *family_contact_phone;
  /* After the move: when its follow-up review falls, and how long a
   * family may go without hearing from the team */
  guint follow_up_weeks;
  guint contact_due_days;
};

G_DEFINE_FINAL_TYPE (RpProgramme, rp_programme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CLOSURE_DATE,
  PROP_REPORT_TITLE,
  PROP_DEPARTMENT,
  PROP_AUTHOR,
  PROP_MEETING,
  PROP_MEETING_DATE,
  PROP_REPORT_AS_OF,
  PROP_MARKING,
  PROP_FAMILY_CONTACT,
  PROP_FAMILY_CONTACT_PHONE,
  PROP_FOLLOW_UP_WEEKS,
  PROP_CONTACT_DUE_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_programme_finalize (GObject *object)
{
  RpProgramme *self = RP_PROGRAMME (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->closure_date, g_free);
  g_clear_pointer (&self->report_title, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->meeting, g_free);
  g_clear_pointer (&self->meeting_date, g_free);
  g_clear_pointer (&self->report_as_of, g_free);
  g_clear_pointer (&self->marking, g_free);
  g_clear_pointer (&self->family_contact, g_free);
  g_clear_pointer (&self->family_contact_phone, g_free);

  G_OBJECT_CLASS (rp_programme_parent_class)->finalize (object);
}

static void
rp_programme_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RpProgramme *self = RP_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CLOSURE_DATE:
      g_value_set_string (value, self->closure_date);
      break;

    case PROP_REPORT_TITLE:
      g_value_set_string (value, self->report_title);
      break;

    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_MEETING:
      g_value_set_string (value, self->meeting);
      break;

    case PROP_MEETING_DATE:
      g_value_set_string (value, self->meeting_date);
      break;

    case PROP_REPORT_AS_OF:
      g_value_set_string (value, self->report_as_of);
      break;

    case PROP_MARKING:
      g_value_set_string (value, self->marking);
      break;

    case PROP_FAMILY_CONTACT:
      g_value_set_string (value, self->family_contact);
      break;

    case PROP_FAMILY_CONTACT_PHONE:
      g_value_set_string (value, self->family_contact_phone);
      break;

    case PROP_FOLLOW_UP_WEEKS:
      g_value_set_uint (value, self->follow_up_weeks);
      break;

    case PROP_CONTACT_DUE_DAYS:
      g_value_set_uint (value, self->contact_due_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_programme_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RpProgramme *self = RP_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_programme_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rp_programme_set_name (self, g_value_get_string (value));
      break;

    case PROP_CLOSURE_DATE:
      rp_programme_set_closure_date (self, g_value_get_string (value));
      break;

    case PROP_REPORT_TITLE:
      rp_programme_set_report_title (self, g_value_get_string (value));
      break;

    case PROP_DEPARTMENT:
      rp_programme_set_department (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      rp_programme_set_author (self, g_value_get_string (value));
      break;

    case PROP_MEETING:
      rp_programme_set_meeting (self, g_value_get_string (value));
      break;

    case PROP_MEETING_DATE:
      rp_programme_set_meeting_date (self, g_value_get_string (value));
      break;

    case PROP_REPORT_AS_OF:
      rp_programme_set_report_as_of (self, g_value_get_string (value));
      break;

    case PROP_MARKING:
      rp_programme_set_marking (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_CONTACT:
      rp_programme_set_family_contact (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_CONTACT_PHONE:
      rp_programme_set_family_contact_phone (self, g_value_get_string (value));
      break;

    case PROP_FOLLOW_UP_WEEKS:
      rp_programme_set_follow_up_weeks (self, g_value_get_uint (value));
      break;

    case PROP_CONTACT_DUE_DAYS:
      rp_programme_set_contact_due_days (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_programme_class_init (RpProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_programme_finalize;
  object_class->get_property = rp_programme_get_property;
  object_class->set_property = rp_programme_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOSURE_DATE] =
    g_param_spec_string ("closure-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT_TITLE] =
    g_param_spec_string ("report-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_string ("meeting", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_DATE] =
    g_param_spec_string ("meeting-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT_AS_OF] =
    g_param_spec_string ("report-as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARKING] =
    g_param_spec_string ("marking", NULL, NULL, RP_PROGRAMME_DEFAULT_MARKING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY_CONTACT] =
    g_param_spec_string ("family-contact", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY_CONTACT_PHONE] =
    g_param_spec_string ("family-contact-phone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The range is checked by rp_programme_validate(), so a bad value typed
   * in gets a message rather than a warning on the console. */
  properties[PROP_FOLLOW_UP_WEEKS] =
    g_param_spec_uint ("follow-up-weeks", NULL, NULL, 0, G_MAXUINT, RP_PROGRAMME_DEFAULT_FOLLOW_UP_WEEKS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_DUE_DAYS] =
    g_param_spec_uint ("contact-due-days", NULL, NULL, 0, G_MAXUINT, RP_PROGRAMME_DEFAULT_CONTACT_DUE_DAYS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_programme_init (RpProgramme *self)
{
  /* A new programme's reports are marked from the start; one read from a
   * file has the marking stored there, or none. */
  self->marking = g_strdup (RP_PROGRAMME_DEFAULT_MARKING);
  self->follow_up_weeks = RP_PROGRAMME_DEFAULT_FOLLOW_UP_WEEKS;
  self->contact_due_days = RP_PROGRAMME_DEFAULT_CONTACT_DUE_DAYS;
}

/**
 * rp_programme_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpProgramme *
rp_programme_new (void)
{
  return g_object_new (RP_TYPE_PROGRAMME, NULL);
}

/**
 * rp_programme_copy:
 *
 * Returns: (transfer full): a new object with the same values, for editing
 */
RpProgramme *
rp_programme_copy (RpProgramme *self)
{
  RpProgramme *copy;

  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  copy = rp_programme_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->closure_date = g_strdup (self->closure_date);
  copy->report_title = g_strdup (self->report_title);
  copy->department = g_strdup (self->department);
  copy->author = g_strdup (self->author);
  copy->meeting = g_strdup (self->meeting);
  copy->meeting_date = g_strdup (self->meeting_date);
  copy->report_as_of = g_strdup (self->report_as_of);
  rp_set_string (&copy->marking, self->marking);
  copy->family_contact = g_strdup (self->family_contact);
  copy->family_contact_phone = g_strdup (self->family_contact_phone);
  copy->follow_up_weeks = self->follow_up_weeks;
  copy->contact_due_days = self->contact_due_days;
  return copy;
}

gint64
rp_programme_get_id (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), 0);

  return self->id;
}

void
rp_programme_set_id (RpProgramme *self,
                     gint64       value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_programme_get_name (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->name;
}

void
rp_programme_set_name (RpProgramme *self,
                       const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (rp_set_string (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rp_programme_get_closure_date (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->closure_date;
}

void
rp_programme_set_closure_date (RpProgramme *self,
                               const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->closure_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSURE_DATE]);
}

const char *
rp_programme_get_report_title (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->report_title;
}

void
rp_programme_set_report_title (RpProgramme *self,
                               const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->report_title, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_TITLE]);
}

const char *
rp_programme_get_department (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->department;
}

void
rp_programme_set_department (RpProgramme *self,
                            const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->department, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

const char *
rp_programme_get_author (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->author;
}

void
rp_programme_set_author (RpProgramme *self,
                        const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->author, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
rp_programme_get_meeting (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->meeting;
}

void
rp_programme_set_meeting (RpProgramme *self,
                         const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->meeting, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

const char *
rp_programme_get_meeting_date (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->meeting_date;
}

void
rp_programme_set_meeting_date (RpProgramme *self,
                              const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->meeting_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_DATE]);
}

const char *
rp_programme_get_report_as_of (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->report_as_of;
}

void
rp_programme_set_report_as_of (RpProgramme *self,
                              const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->report_as_of, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_AS_OF]);
}

const char *
rp_programme_get_marking (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->marking;
}

void
rp_programme_set_marking (RpProgramme *self,
                         const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->marking, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKING]);
}

/**
 * rp_programme_get_family_contact:
 *
 * Returns: (nullable): who families call with questions about taster days
 *   when their worker has no phone number, such as “the day centre office”
 */
const char *
rp_programme_get_family_contact (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->family_contact;
}

void
rp_programme_set_family_contact (RpProgramme *self,
                                 const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->family_contact, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_CONTACT]);
}

const char *
rp_programme_get_family_contact_phone (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), NULL);

  return self->family_contact_phone;
}

void
rp_programme_set_family_contact_phone (RpProgramme *self,
                                       const char  *value)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->family_contact_phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_CONTACT_PHONE]);
}

/**
 * rp_programme_get_follow_up_weeks:
 *
 * Returns: how many weeks after a move its follow-up review falls
 */
guint
rp_programme_get_follow_up_weeks (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), RP_PROGRAMME_DEFAULT_FOLLOW_UP_WEEKS);

  return self->follow_up_weeks;
}

void
rp_programme_set_follow_up_weeks (RpProgramme *self,
                                  guint        weeks)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (self->follow_up_weeks != weeks)
    {
      self->follow_up_weeks = weeks;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_UP_WEEKS]);
    }
}

/**
 * rp_programme_get_contact_due_days:
 *
 * Returns: how many days a family of someone still attending may go
 *   without contact before the attendee needs attention
 */
guint
rp_programme_get_contact_due_days (RpProgramme *self)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), RP_PROGRAMME_DEFAULT_CONTACT_DUE_DAYS);

  return self->contact_due_days;
}

void
rp_programme_set_contact_due_days (RpProgramme *self,
                                   guint        days)
{
  g_return_if_fail (RP_IS_PROGRAMME (self));

  if (self->contact_due_days != days)
    {
      self->contact_due_days = days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_DUE_DAYS]);
    }
}

static gboolean
check_range (guint        value,
             guint        lowest,
             guint        highest,
             const char  *message,
             GError     **error)
{
  if (value >= lowest && value <= highest)
    return TRUE;

  g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, message);
  return FALSE;
}

/**
 * rp_programme_validate:
 *
 * Returns: %TRUE if the programme can be saved; otherwise a clear error
 */
gboolean
rp_programme_validate (RpProgramme  *self,
                       GError      **error)
{
  g_return_val_if_fail (RP_IS_PROGRAMME (self), FALSE);

  return rp_check_required (self->name, _("Enter the name of the day centre being closed."), error) &&
         rp_check_text (self->name, RP_SHORT_TEXT_MAX, _("The day centre’s name"), error) &&
         rp_check_text (self->report_title, RP_SHORT_TEXT_MAX, _("The report title"), error) &&
         rp_date_check (self->closure_date, _("The closure date"), error) &&
         rp_check_text (self->department, RP_SHORT_TEXT_MAX, _("The council or department"), error) &&
         rp_check_text (self->author, RP_SHORT_TEXT_MAX, _("The author or contact"), error) &&
         rp_check_text (self->meeting, RP_SHORT_TEXT_MAX, _("The meeting"), error) &&
         rp_date_check (self->meeting_date, _("The meeting date"), error) &&
         rp_date_check (self->report_as_of, _("The report’s “as of” date"), error) &&
         rp_check_text (self->marking, RP_SHORT_TEXT_MAX, _("The protective marking"), error) &&
         rp_check_name (self->family_contact, RP_SHORT_TEXT_MAX, _("Who families call"), error) &&
         rp_check_phone (self->family_contact_phone, _("The phone number for families"), error) &&
         check_range (self->follow_up_weeks, 1, 52,
                      _("The follow-up review must fall between 1 and 52 weeks after the move."), error) &&
         check_range (self->contact_due_days, 1, 365,
                      _("The days a family may go without contact must be between 1 and 365."), error);
}
