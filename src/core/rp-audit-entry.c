/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-audit-entry.c: one recorded change in the audit trail */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-audit-entry.h"
#include "rp-audit-entry-private.h"

struct _RpAuditEntry
{
  GObject parent_instance;

  gint64 id;
  char *recorded_at;
  char *user;
  char *table_name;
  gint64 record_id;
  char *action;
  char *field;
  char *old_value;
  char *new_value;
};

G_DEFINE_FINAL_TYPE (RpAuditEntry, rp_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RECORDED_AT,
  PROP_USER,
  PROP_TABLE_NAME,
  PROP_RECORD_ID,
  PROP_ACTION,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_audit_entry_finalize (GObject *object)
{
  RpAuditEntry *self = RP_AUDIT_ENTRY (object);

  g_clear_pointer (&self->recorded_at, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->table_name, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);

  G_OBJECT_CLASS (rp_audit_entry_parent_class)->finalize (object);
}

static void
rp_audit_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RpAuditEntry *self = RP_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_RECORDED_AT:
      g_value_set_string (value, self->recorded_at);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    case PROP_TABLE_NAME:
      g_value_set_string (value, self->table_name);
      break;

    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;

    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_audit_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RpAuditEntry *self = RP_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_audit_entry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_RECORDED_AT:
      rp_audit_entry_set_recorded_at (self, g_value_get_string (value));
      break;

    case PROP_USER:
      rp_audit_entry_set_user (self, g_value_get_string (value));
      break;

    case PROP_TABLE_NAME:
      rp_audit_entry_set_table_name (self, g_value_get_string (value));
      break;

    case PROP_RECORD_ID:
      rp_audit_entry_set_record_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTION:
      rp_audit_entry_set_action (self, g_value_get_string (value));
      break;

    case PROP_FIELD:
      rp_audit_entry_set_field (self, g_value_get_string (value));
      break;

    case PROP_OLD_VALUE:
      rp_audit_entry_set_old_value (self, g_value_get_string (value));
      break;

    case PROP_NEW_VALUE:
      rp_audit_entry_set_new_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_audit_entry_class_init (RpAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_audit_entry_finalize;
  object_class->get_property = rp_audit_entry_get_property;
  object_class->set_property = rp_audit_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDED_AT] =
    g_param_spec_string ("recorded-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE_NAME] =
    g_param_spec_string ("table-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OLD_VALUE] =
    g_param_spec_string ("old-value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_VALUE] =
    g_param_spec_string ("new-value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_audit_entry_init (RpAuditEntry *self)
{
}

/**
 * rp_audit_entry_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpAuditEntry *
rp_audit_entry_new (void)
{
  return g_object_new (RP_TYPE_AUDIT_ENTRY, NULL);
}

void
rp_audit_entry_set_id (RpAuditEntry *self,
                       gint64        value)
{
  g_return_if_fail (RP_IS_AUDIT_ENTRY (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rp_audit_entry_get_recorded_at (RpAuditEntry *self)
{
  g_return_val_if_fail (RP_IS_AUDIT_ENTRY (self), NULL);

  return self->recorded_at;
}

void
rp_audit_entry_set_recorded_at (RpAuditEntry *self,
                                const char   *value)
{
  g_return_if_fail (RP_IS_AUDIT_ENTRY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->recorded_at, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_AT]);
}

const char *
rp_audit_entry_get_user (RpAuditEntry *self)
{
  g_return_val_if_fail (RP_IS_AUDIT_ENTRY (self), NULL);

  return self->user;
}

void
rp_audit_entry_set_user (RpAuditEntry *self,
                         const char   *value)
{
  g_return_if_fail (RP_IS_AUDIT_ENTRY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->user, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

const char *
rp_audit_entry_get_table_name (RpAuditEntry *self)
{
  g_return_val_if_fail (RP_IS_AUDIT_ENTRY (self), NULL);

  return self->table_name;
}

void
rp_audit_entry_set_table_name (RpAuditEntry *self,
                               const char   *value)
{
  g_return_if_fail (RP_IS_AUDIT_ENTRY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->table_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE_NAME]);
}

gint64
rp_audit_entry_get_record_id (RpAuditEntry *self)
{
  g_return_val_if_fail (RP_IS_AUDIT_ENTRY (self), 0);

  return self->record_id;
}

void
rp_audit_entry_set_record_id (RpAuditEntry *self,
                              gint64        value)
{
  g_return_if_fail (RP_IS_AUDIT_ENTRY (self));

  if (self->record_id == value)
    return;

  self->record_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
}

const char *
rp_audit_entry_get_action (RpAuditEntry *self)
{
  g_return_val_if_fail (RP_IS_AUDIT_ENTRY (self), NULL);

  return self->action;
}

void
rp_audit_entry_set_action (RpAuditEntry *self,
                           const char   *value)
{
  g_return_if_fail (RP_IS_AUDIT_ENTRY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->action, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

const char *
rp_audit_entry_get_field (RpAuditEntry *self)
{
  g_return_val_if_fail (RP_IS_AUDIT_ENTRY (self), NULL);

  return self->field;
}

void
rp_audit_entry_set_field (RpAuditEntry *self,
                          const char   *value)
{
  g_return_if_fail (RP_IS_AUDIT_ENTRY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
rp_audit_entry_get_old_value (RpAuditEntry *self)
{
  g_return_val_if_fail (RP_IS_AUDIT_ENTRY (self), NULL);

  return self->old_value;
}

void
rp_audit_entry_set_old_value (RpAuditEntry *self,
                              const char   *value)
{
  g_return_if_fail (RP_IS_AUDIT_ENTRY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->old_value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OLD_VALUE]);
}

const char *
rp_audit_entry_get_new_value (RpAuditEntry *self)
{
  g_return_val_if_fail (RP_IS_AUDIT_ENTRY (self), NULL);

  return self->new_value;
}

void
rp_audit_entry_set_new_value (RpAuditEntry *self,
                              const char   *value)
{
  g_return_if_fail (RP_IS_AUDIT_ENTRY (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->new_value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_VALUE]);
}

