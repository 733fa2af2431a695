/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-worker.c: a social worker, manager or member of day-centre staff */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-worker.h"

struct _RpWorker
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *initials;
  RpWorkerRole role;
  char *team;
  char *phone;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (RpWorker, rp_worker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_INITIALS,
  PROP_ROLE,
  PROP_TEAM,
  PROP_PHONE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_worker_finalize (GObject *object)
{
  RpWorker *self = RP_WORKER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->initials, g_free);
  g_clear_pointer (&self->team, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (rp_worker_parent_class)->finalize (object);
}

static void
rp_worker_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RpWorker *self = RP_WORKER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_INITIALS:
      g_value_set_string (value, self->initials);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_TEAM:
      g_value_set_string (value, self->team);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_worker_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RpWorker *self = RP_WORKER (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_worker_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rp_worker_set_name (self, g_value_get_string (value));
      break;

    case PROP_INITIALS:
      rp_worker_set_initials (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      rp_worker_set_role (self, g_value_get_enum (value));
      break;

    case PROP_TEAM:
      rp_worker_set_team (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      rp_worker_set_phone (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      rp_worker_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_worker_class_init (RpWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_worker_finalize;
  object_class->get_property = rp_worker_get_property;
  object_class->set_property = rp_worker_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIALS] =
    g_param_spec_string ("initials", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, RP_TYPE_WORKER_ROLE, RP_WORKER_ROLE_SOCIAL_WORKER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_worker_init (RpWorker *self)
{
  self->role = RP_WORKER_ROLE_SOCIAL_WORKER;
  self->active = TRUE;
}

/**
 * rp_worker_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpWorker *
rp_worker_new (void)
{
  return g_object_new (RP_TYPE_WORKER, NULL);
}

/**
 * rp_worker_copy:
 *
 * Returns: (transfer full): a new object with the same values, for editing
 */
RpWorker *
rp_worker_copy (RpWorker *self)
{
  RpWorker *copy;

  g_return_val_if_fail (RP_IS_WORKER (self), NULL);

  copy = rp_worker_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->initials = g_strdup (self->initials);
  copy->role = self->role;
  copy->team = g_strdup (self->team);
  copy->phone = g_strdup (self->phone);
  copy->active = self->active;
  return copy;
}

gint64
rp_worker_get_id (RpWorker *self)
{
  g_return_val_if_fail (RP_IS_WORKER (self), 0);

  return self->id;
}

void
rp_worker_set_id (RpWorker *self,
                  gint64    value)
{
  g_return_if_fail (RP_IS_WORKER (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_worker_get_name (RpWorker *self)
{
  g_return_val_if_fail (RP_IS_WORKER (self), NULL);

  return self->name;
}

void
rp_worker_set_name (RpWorker   *self,
                    const char *value)
{
  g_return_if_fail (RP_IS_WORKER (self));

  if (rp_set_string (&self->name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rp_worker_get_initials (RpWorker *self)
{
  g_return_val_if_fail (RP_IS_WORKER (self), NULL);

  return self->initials;
}

void
rp_worker_set_initials (RpWorker   *self,
                        const char *value)
{
  g_return_if_fail (RP_IS_WORKER (self));

  if (rp_set_string (&self->initials, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
}

RpWorkerRole
rp_worker_get_role (RpWorker *self)
{
  g_return_val_if_fail (RP_IS_WORKER (self), 0);

  return self->role;
}

void
rp_worker_set_role (RpWorker     *self,
                    RpWorkerRole  value)
{
  g_return_if_fail (RP_IS_WORKER (self));

  if (self->role == value)
    return;

  self->role = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
rp_worker_get_team (RpWorker *self)
{
  g_return_val_if_fail (RP_IS_WORKER (self), NULL);

  return self->team;
}

void
rp_worker_set_team (RpWorker   *self,
                    const char *value)
{
  g_return_if_fail (RP_IS_WORKER (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->team, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM]);
}

/**
 * rp_worker_get_phone:
 *
 * Returns: (nullable): the number families may call the worker on
 */
const char *
rp_worker_get_phone (RpWorker *self)
{
  g_return_val_if_fail (RP_IS_WORKER (self), NULL);

  return self->phone;
}

void
rp_worker_set_phone (RpWorker   *self,
                     const char *value)
{
  g_return_if_fail (RP_IS_WORKER (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

gboolean
rp_worker_get_active (RpWorker *self)
{
  g_return_val_if_fail (RP_IS_WORKER (self), FALSE);

  return self->active;
}

void
rp_worker_set_active (RpWorker *self,
                      gboolean  value)
{
  g_return_if_fail (RP_IS_WORKER (self));

  value = !!value;

  if (self->active == value)
    return;

  self->active = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * rp_worker_validate:
 *
 * Returns: %TRUE if the worker can be saved; otherwise a clear error
 */
gboolean
rp_worker_validate (RpWorker  *self,
                    GError   **error)
{
  g_return_val_if_fail (RP_IS_WORKER (self), FALSE);

  return rp_check_required (self->name, _("Enter the worker’s name."), error) &&
         rp_check_name (self->name, RP_SHORT_TEXT_MAX, _("The worker’s name"), error) &&
         rp_check_required (self->initials, _("Enter the worker’s initials, as task owners are shown in reports."), error) &&
         rp_check_name (self->initials, 8, _("The initials"), error) &&
         rp_check_text (self->team, RP_SHORT_TEXT_MAX, _("The team"), error) &&
         rp_check_phone (self->phone, _("The worker’s phone number"), error);
}
