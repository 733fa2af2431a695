/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-audit-entry.h: one recorded change in the audit trail */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RP_TYPE_AUDIT_ENTRY (rp_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (RpAuditEntry, rp_audit_entry, RP, AUDIT_ENTRY, GObject)

RpAuditEntry *rp_audit_entry_new             (void);
void          rp_audit_entry_set_id          (RpAuditEntry *self,
                                              gint64        value);
const char   *rp_audit_entry_get_recorded_at (RpAuditEntry *self);
void          rp_audit_entry_set_recorded_at (RpAuditEntry *self,
                                              const char   *value);
const char   *rp_audit_entry_get_user        (RpAuditEntry *self);
void          rp_audit_entry_set_user        (RpAuditEntry *self,
                                              const char   *value);
void          rp_audit_entry_set_table_name  (RpAuditEntry *self,
                                              const char   *value);
gint64        rp_audit_entry_get_record_id   (RpAuditEntry *self);
void          rp_audit_entry_set_record_id   (RpAuditEntry *self,
                                              gint64        value);
const char   *rp_audit_entry_get_action      (RpAuditEntry *self);
void          rp_audit_entry_set_action      (RpAuditEntry *self,
                                              const char   *value);
const char   *rp_audit_entry_get_field       (RpAuditEntry *self);
void          rp_audit_entry_set_field       (RpAuditEntry *self,
                                              const char   *value);
const char   *rp_audit_entry_get_old_value   (RpAuditEntry *self);
void          rp_audit_entry_set_old_value   (RpAuditEntry *self,
                                              const char   *value);
const char   *rp_audit_entry_get_new_value   (RpAuditEntry *self);
void          rp_audit_entry_set_new_value   (RpAuditEntry *self,
                                              const char   *value);

G_END_DECLS
