/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-provider.c: an organisation offering new provision */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-provider.h"

struct _RpProvider
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *address;
  char *contact_name;
  char *contact_phone;
  char *contact_email;
  gboolean on_framework;
  char *notes;
};

G_DEFINE_FINAL_TYPE (RpProvider, rp_provider, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ADDRESS,
  PROP_CONTACT_NAME,
  PROP_CONTACT_PHONE,
  PROP_CONTACT_EMAIL,
  PROP_ON_FRAMEWORK,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_provider_finalize (GObject *object)
{
  RpProvider *self = RP_PROVIDER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->contact_name, g_free);
  g_clear_pointer (&self->contact_phone, g_free);
  g_clear_pointer (&self->contact_email, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (rp_provider_parent_class)->finalize (object);
}

static void
rp_provider_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RpProvider *self = RP_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;

    case PROP_CONTACT_PHONE:
      g_value_set_string (value, self->contact_phone);
      break;

    case PROP_CONTACT_EMAIL:
      g_value_set_string (value, self->contact_email);
      break;

    case PROP_ON_FRAMEWORK:
      g_value_set_boolean (value, self->on_framework);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_provider_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RpProvider *self = RP_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_provider_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rp_provider_set_name (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      rp_provider_set_address (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_NAME:
      rp_provider_set_contact_name (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_PHONE:
      rp_provider_set_contact_phone (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_EMAIL:
      rp_provider_set_contact_email (self, g_value_get_string (value));
      break;

    case PROP_ON_FRAMEWORK:
      rp_provider_set_on_framework (self, g_value_get_boolean (value));
      break;

    case PROP_NOTES:
      rp_provider_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_provider_class_init (RpProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_provider_finalize;
  object_class->get_property = rp_provider_get_property;
  object_class->set_property = rp_provider_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_PHONE] =
    g_param_spec_string ("contact-phone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_EMAIL] =
    g_param_spec_string ("contact-email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ON_FRAMEWORK] =
    g_param_spec_boolean ("on-framework", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_provider_init (RpProvider *self)
{
}

/**
 * rp_provider_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpProvider *
rp_provider_new (void)
{
  return g_object_new (RP_TYPE_PROVIDER, NULL);
}

/**
 * rp_provider_copy:
 *
 * Returns: (transfer full): a new object with the same values, for editing
 */
RpProvider *
rp_provider_copy (RpProvider *self)
{
  RpProvider *copy;

  g_return_val_if_fail (RP_IS_PROVIDER (self), NULL);

  copy = rp_provider_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->address = g_strdup (self->address);
  copy->contact_name = g_strdup (self->contact_name);
  copy->contact_phone = g_strdup (self->contact_phone);
  copy->contact_email = g_strdup (self->contact_email);
  copy->on_framework = self->on_framework;
  copy->notes = g_strdup (self->notes);
  return copy;
}

gint64
rp_provider_get_id (RpProvider *self)
{
  g_return_val_if_fail (RP_IS_PROVIDER (self), 0);

  return self->id;
}

void
rp_provider_set_id (RpProvider *self,
                    gint64      value)
{
  g_return_if_fail (RP_IS_PROVIDER (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_provider_get_name (RpProvider *self)
{
  g_return_val_if_fail (RP_IS_PROVIDER (self), NULL);

  return self->name;
}

void
rp_provider_set_name (RpProvider *self,
                      const char *value)
{
  g_return_if_fail (RP_IS_PROVIDER (self));

  if (rp_set_string (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rp_provider_get_address (RpProvider *self)
{
  g_return_val_if_fail (RP_IS_PROVIDER (self), NULL);

  return self->address;
}

void
rp_provider_set_address (RpProvider *self,
                         const char *value)
{
  g_return_if_fail (RP_IS_PROVIDER (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->address, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
rp_provider_get_contact_name (RpProvider *self)
{
  g_return_val_if_fail (RP_IS_PROVIDER (self), NULL);

  return self->contact_name;
}

void
rp_provider_set_contact_name (RpProvider *self,
                              const char *value)
{
  g_return_if_fail (RP_IS_PROVIDER (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->contact_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_NAME]);
}

const char *
rp_provider_get_contact_phone (RpProvider *self)
{
  g_return_val_if_fail (RP_IS_PROVIDER (self), NULL);

  return self->contact_phone;
}

void
rp_provider_set_contact_phone (RpProvider *self,
                               const char *value)
{
  g_return_if_fail (RP_IS_PROVIDER (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->contact_phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_PHONE]);
}

const char *
rp_provider_get_contact_email (RpProvider *self)
{
  g_return_val_if_fail (RP_IS_PROVIDER (self), NULL);

  return self->contact_email;
}

void
rp_provider_set_contact_email (RpProvider *self,
                               const char *value)
{
  g_return_if_fail (RP_IS_PROVIDER (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->contact_email, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_EMAIL]);
}

gboolean
rp_provider_get_on_framework (RpProvider *self)
{
  g_return_val_if_fail (RP_IS_PROVIDER (self), FALSE);

  return self->on_framework;
}

void
rp_provider_set_on_framework (RpProvider *self,
                              gboolean    value)
{
  g_return_if_fail (RP_IS_PROVIDER (self));

  value = !!value;

  if (self->on_framework == value)
    return;

  self->on_framework = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ON_FRAMEWORK]);
}

const char *
rp_provider_get_notes (RpProvider *self)
{
  g_return_val_if_fail (RP_IS_PROVIDER (self), NULL);

  return self->notes;
}

void
rp_provider_set_notes (RpProvider *self,
                       const char *value)
{
  g_return_if_fail (RP_IS_PROVIDER (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->notes, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * rp_provider_validate:
 *
 * Returns: %TRUE if the provider can be saved; otherwise a clear error
 */
gboolean
rp_provider_validate (RpProvider  *self,
                      GError     **error)
{
  g_return_val_if_fail (RP_IS_PROVIDER (self), FALSE);

  return rp_check_required (self->name, _("Enter the provider’s name."), error) &&
         rp_check_name (self->name, RP_SHORT_TEXT_MAX, _("The provider’s name"), error) &&
         rp_check_text (self->address, RP_LONG_TEXT_MAX, _("The address"), error) &&
         rp_check_name (self->contact_name, RP_SHORT_TEXT_MAX, _("The contact’s name"), error) &&
         rp_check_text (self->contact_phone, RP_SHORT_TEXT_MAX, _("The phone number"), error) &&
         rp_check_text (self->contact_email, RP_SHORT_TEXT_MAX, _("The email address"), error) &&
         rp_check_text (self->notes, RP_LONG_TEXT_MAX, _("The notes"), error);
}
