/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-contact.c: one entry in an attendee's contact log. Private: never published */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-contact.h"
#include "rp-date.h"
#include "rp-enums.h"
#include "rp-error.h"
#include "rp-validate.h"

struct _RpContact
{
  GObject parent_instance;

  gint64           id;
  gint64           attendee_id;
  char            *contacted_on;  /* ISO date */
  gint64           worker_id;     /* who made the contact, 0 for not recorded */
  char            *worker_name;   /* read with the entry, not stored */
  RpContactWith    with_whom;
  char            *with_name;
  RpContactMethod  method;
  char            *summary;
  gboolean         follow_up_needed;
};

G_DEFINE_FINAL_TYPE (RpContact, rp_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ATTENDEE_ID,
  PROP_CONTACTED_ON,
  PROP_WORKER_ID,
  PROP_WORKER_NAME,
  PROP_WITH_WHOM,
  PROP_WITH_NAME,
  PROP_METHOD,
  PROP_SUMMARY,
  PROP_FOLLOW_UP_NEEDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *word;
  const char *label;
} ContactText;

static const ContactText with_texts[] = {
  [RP_CONTACT_WITH_FAMILY]   = { "family",   N_("Family") },
  [RP_CONTACT_WITH_PERSON]   = { "person",   N_("The person") },
  [RP_CONTACT_WITH_PROVIDER] = { "provider", N_("Provider") },
  [RP_CONTACT_WITH_ADVOCATE] = { "advocate", N_("Advocate") },
  [RP_CONTACT_WITH_OTHER]    = { "other",    N_("Someone else") },
};

static const ContactText method_texts[] = {
  [RP_CONTACT_METHOD_NONE]    = { NULL,      N_("Not chosen") },
  [RP_CONTACT_METHOD_LETTER]  = { "letter",  N_("Letter") },
  [RP_CONTACT_METHOD_PHONE]   = { "phone",   N_("Phone call") },
  [RP_CONTACT_METHOD_VISIT]   = { "visit",   N_("Visit") },
  [RP_CONTACT_METHOD_MEETING] = { "meeting", N_("Meeting") },
  [RP_CONTACT_METHOD_EMAIL]   = { "email",   N_("Email") },
};

static gboolean
lookup (const ContactText *texts,
        guint              n_texts,
        const char        *word,
        guint             *value)
{
  if (word == NULL)
    return FALSE;

  for (guint i = 0; i < n_texts; i++)
    if (texts[i].word != NULL && g_str_equal (texts[i].word, word))
      {
        *value = i;
        return TRUE;
      }

  return FALSE;
}

const char *
rp_contact_with_to_string (RpContactWith with_whom)
{
  g_return_val_if_fail ((guint) with_whom < G_N_ELEMENTS (with_texts), NULL);
  return with_texts[with_whom].word;
}

gboolean
rp_contact_with_from_string (const char    *text,
                             RpContactWith *with_whom)
{
  guint value;

  if (!lookup (with_texts, G_N_ELEMENTS (with_texts), text, &value))
    return FALSE;
  *with_whom = value;
  return TRUE;
}

const char *
rp_contact_with_get_label (RpContactWith with_whom)
{
  g_return_val_if_fail ((guint) with_whom < G_N_ELEMENTS (with_texts), NULL);
  return _(with_texts[with_whom].label);
}

/* Returns: the stored word, or %NULL for %RP_CONTACT_METHOD_NONE */
const char *
rp_contact_method_to_string (RpContactMethod method)
{
  g_return_val_if_fail ((guint) method < G_N_ELEMENTS (method_texts), NULL);
  return method_texts[method].word;
}

gboolean
rp_contact_method_from_string (const char      *text,
                               RpContactMethod *method)
{
  guint value;

  if (!lookup (method_texts, G_N_ELEMENTS (method_texts), text, &value))
    return FALSE;
  *method = value;
  return TRUE;
}

const char *
rp_contact_method_get_label (RpContactMethod method)
{
  g_return_val_if_fail ((guint) method < G_N_ELEMENTS (method_texts), NULL);
  return _(method_texts[method].label);
}

static void
rp_contact_finalize (GObject *object)
{
  RpContact *self = RP_CONTACT (object);

  g_clear_pointer (&self->contacted_on, g_free);
  g_clear_pointer (&self->worker_name, g_free);
  g_clear_pointer (&self->with_name, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (rp_contact_parent_class)->finalize (object);
}

static void
rp_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RpContact *self = RP_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ATTENDEE_ID:
      g_value_set_int64 (value, self->attendee_id);
      break;

    case PROP_CONTACTED_ON:
      g_value_set_string (value, self->contacted_on);
      break;

    case PROP_WORKER_ID:
      g_value_set_int64 (value, self->worker_id);
      break;

    case PROP_WORKER_NAME:
      g_value_set_string (value, self->worker_name);
      break;

    case PROP_WITH_WHOM:
      g_value_set_enum (value, self->with_whom);
      break;

    case PROP_WITH_NAME:
      g_value_set_string (value, self->with_name);
      break;

    case PROP_METHOD:
      g_value_set_enum (value, self->method);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_FOLLOW_UP_NEEDED:
      g_value_set_boolean (value, self->follow_up_needed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_contact_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RpContact *self = RP_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_contact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ATTENDEE_ID:
      rp_contact_set_attendee_id (self, g_value_get_int64 (value));
      break;

    case PROP_CONTACTED_ON:
      rp_contact_set_contacted_on (self, g_value_get_string (value));
      break;

    case PROP_WORKER_ID:
      rp_contact_set_worker_id (self, g_value_get_int64 (value));
      break;

    case PROP_WORKER_NAME:
      rp_contact_set_worker_name (self, g_value_get_string (value));
      break;

    case PROP_WITH_WHOM:
      rp_contact_set_with_whom (self, g_value_get_enum (value));
      break;

    case PROP_WITH_NAME:
      rp_contact_set_with_name (self, g_value_get_string (value));
      break;

    case PROP_METHOD:
      rp_contact_set_method (self, g_value_get_enum (value));
      break;

    case PROP_SUMMARY:
      rp_contact_set_summary (self, g_value_get_string (value));
      break;

    case PROP_FOLLOW_UP_NEEDED:
      rp_contact_set_follow_up_needed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_contact_class_init (RpContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rp_contact_finalize;
  object_class->get_property = rp_contact_get_property;
  object_class->set_property = rp_contact_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ATTENDEE_ID] = g_param_spec_int64 ("attendee-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CONTACTED_ON] = g_param_spec_string ("contacted-on", NULL, NULL, NULL, flags);
  properties[PROP_WORKER_ID] = g_param_spec_int64 ("worker-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_WORKER_NAME] = g_param_spec_string ("worker-name", NULL, NULL, NULL, flags);
  properties[PROP_WITH_WHOM] = g_param_spec_enum ("with-whom", NULL, NULL, RP_TYPE_CONTACT_WITH,
                                                  RP_CONTACT_WITH_FAMILY, flags);
  properties[PROP_WITH_NAME] = g_param_spec_string ("with-name", NULL, NULL, NULL, flags);
  properties[PROP_METHOD] = g_param_spec_enum ("method", NULL, NULL, RP_TYPE_CONTACT_METHOD,
                                               RP_CONTACT_METHOD_NONE, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_FOLLOW_UP_NEEDED] = g_param_spec_boolean ("follow-up-needed", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_contact_init (RpContact *self)
{
  self->with_whom = RP_CONTACT_WITH_FAMILY;
  self->method = RP_CONTACT_METHOD_NONE;
}

RpContact *
rp_contact_new (void)
{
  return g_object_new (RP_TYPE_CONTACT, NULL);
}

/**
 * rp_contact_copy:
 * Returns: (transfer full): a copy to edit, leaving @self as it was
 */
RpContact *
rp_contact_copy (RpContact *self)
{
  RpContact *copy;

  g_return_val_if_fail (RP_IS_CONTACT (self), NULL);

  copy = rp_contact_new ();
  copy->id = self->id;
  copy->attendee_id = self->attendee_id;
  copy->contacted_on = g_strdup (self->contacted_on);
  copy->worker_id = self->worker_id;
  copy->worker_name = g_strdup (self->worker_name);
  copy->with_whom = self->with_whom;
  copy->with_name = g_strdup (self->with_name);
  copy->method = self->method;
  copy->summary = g_strdup (self->summary);
  copy->follow_up_needed = self->follow_up_needed;
  return copy;
}

#define DEFINE_INT64(field, PROP)                                               \
  gint64 rp_contact_get_##field (RpContact *self)                               \
  {                                                                             \
    g_return_val_if_fail (RP_IS_CONTACT (self), 0);                             \
    return self->field;                                                         \
  }                                                                             \
  void rp_contact_set_##field (RpContact *self, gint64 value)                   \
  {                                                                             \
    g_return_if_fail (RP_IS_CONTACT (self));                                    \
    if (self->field != value)                                                   \
      {                                                                         \
        self->field = value;                                                    \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
      }                                                                         \
  }

#define DEFINE_STRING(field, PROP)                                              \
  const char *rp_contact_get_##field (RpContact *self)                          \
  {                                                                             \
    g_return_val_if_fail (RP_IS_CONTACT (self), NULL);                          \
    return self->field;                                                         \
  }                                                                             \
  void rp_contact_set_##field (RpContact *self, const char *value)              \
  {                                                                             \
    g_return_if_fail (RP_IS_CONTACT (self));                                    \
    if (rp_set_string (&self->field, value))                                    \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
  }

DEFINE_INT64 (id, PROP_ID)
DEFINE_INT64 (attendee_id, PROP_ATTENDEE_ID)
DEFINE_INT64 (worker_id, PROP_WORKER_ID)
DEFINE_STRING (contacted_on, PROP_CONTACTED_ON)
DEFINE_STRING (worker_name, PROP_WORKER_NAME)
DEFINE_STRING (with_name, PROP_WITH_NAME)
DEFINE_STRING (summary, PROP_SUMMARY)

RpContactWith
rp_contact_get_with_whom (RpContact *self)
{
  g_return_val_if_fail (RP_IS_CONTACT (self), RP_CONTACT_WITH_FAMILY);
  return self->with_whom;
}

void
rp_contact_set_with_whom (RpContact     *self,
                          RpContactWith  value)
{
  g_return_if_fail (RP_IS_CONTACT (self));
  g_return_if_fail ((guint) value < G_N_ELEMENTS (with_texts));

  if (self->with_whom != value)
    {
      self->with_whom = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_WHOM]);
    }
}

RpContactMethod
rp_contact_get_method (RpContact *self)
{
  g_return_val_if_fail (RP_IS_CONTACT (self), RP_CONTACT_METHOD_NONE);
  return self->method;
}

void
rp_contact_set_method (RpContact       *self,
                       RpContactMethod  value)
{
  g_return_if_fail (RP_IS_CONTACT (self));
  g_return_if_fail ((guint) value < G_N_ELEMENTS (method_texts));

  if (self->method != value)
    {
      self->method = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
    }
}

gboolean
rp_contact_get_follow_up_needed (RpContact *self)
{
  g_return_val_if_fail (RP_IS_CONTACT (self), FALSE);
  return self->follow_up_needed;
}

void
rp_contact_set_follow_up_needed (RpContact *self,
                                 gboolean   value)
{
  g_return_if_fail (RP_IS_CONTACT (self));

  value = !!value;
  if (self->follow_up_needed != value)
    {
      self->follow_up_needed = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_UP_NEEDED]);
    }
}

/**
 * rp_contact_check_date:
 * @contacted_on: (nullable): the date as an ISO date
 * @today: the store's today
 *
 * A contact is logged after it happened: the date is needed, and cannot
 * be later than today.
 */
gboolean
rp_contact_check_date (const char  *contacted_on,
                       const char  *today,
                       GError     **error)
{
  g_return_val_if_fail (today != NULL, FALSE);

  if (contacted_on == NULL || *contacted_on == '\0')
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Give the date of the contact."));
      return FALSE;
    }

  if (!rp_date_check (contacted_on, _("The date of the contact"), error))
    return FALSE;

  if (rp_date_compare (contacted_on, today) > 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The date of the contact cannot be in the future."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_contact_validate:
 * @today: the store's today, which the date may not pass
 *
 * Returns: %TRUE if the entry can be saved; otherwise a clear error
 */
gboolean
rp_contact_validate (RpContact   *self,
                     const char  *today,
                     GError     **error)
{
  g_return_val_if_fail (RP_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->attendee_id <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Say whose contact log this is for."));
      return FALSE;
    }

  if (!rp_contact_check_date (self->contacted_on, today, error))
    return FALSE;

  if (self->method == RP_CONTACT_METHOD_NONE)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("Say how the contact was made: letter, phone, visit, meeting or email."));
      return FALSE;
    }

  return rp_check_name (self->with_name, RP_SHORT_TEXT_MAX, _("The name of whom the contact was with"), error) &&
         rp_check_text (self->summary, RP_LONG_TEXT_MAX, _("The summary"), error);
}

/**
 * rp_contact_describe:
 *
 * Returns: (transfer full): how and with whom, such as "Phone call with the
 *   family (Nasreen Rahman)"
 */
char *
rp_contact_describe (RpContact *self)
{
  const char *how;
  const char *whom;

  g_return_val_if_fail (RP_IS_CONTACT (self), NULL);

  how = rp_contact_method_get_label (self->method);
  switch (self->with_whom)
    {
    case RP_CONTACT_WITH_FAMILY:
      whom = _("the family");
      break;
    case RP_CONTACT_WITH_PERSON:
      whom = _("the person");
      break;
    case RP_CONTACT_WITH_PROVIDER:
      whom = _("the provider");
      break;
    case RP_CONTACT_WITH_ADVOCATE:
      whom = _("an advocate");
      break;
    case RP_CONTACT_WITH_OTHER:
    default:
      whom = _("someone else");
      break;
    }

  if (self->with_name != NULL)
    /* Translators: "Phone call with the family (Nasreen Rahman)" */
    return g_strdup_printf (_("%s with %s (%s)"), how, whom, self->with_name);

  /* Translators: "Phone call with the family" */
  return g_strdup_printf (_("%s with %s"), how, whom);
}
