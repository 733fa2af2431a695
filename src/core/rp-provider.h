/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-provider.h: an organisation offering new provision */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RP_TYPE_PROVIDER (rp_provider_get_type ())

G_DECLARE_FINAL_TYPE (RpProvider, rp_provider, RP, PROVIDER, GObject)

RpProvider *rp_provider_new               (void);
RpProvider *rp_provider_copy              (RpProvider  *self);
gint64      rp_provider_get_id            (RpProvider  *self);
void        rp_provider_set_id            (RpProvider  *self,
                                           gint64       value);
const char *rp_provider_get_name          (RpProvider  *self);
void        rp_provider_set_name          (RpProvider  *self,
                                           const char  *value);
const char *rp_provider_get_address       (RpProvider  *self);
void        rp_provider_set_address       (RpProvider  *self,
                                           const char  *value);
const char *rp_provider_get_contact_name  (RpProvider  *self);
void        rp_provider_set_contact_name  (RpProvider  *self,
                                           const char  *value);
const char *rp_provider_get_contact_phone (RpProvider  *self);
void        rp_provider_set_contact_phone (RpProvider  *self,
                                           const char  *value);
const char *rp_provider_get_contact_email (RpProvider  *self);
void        rp_provider_set_contact_email (RpProvider  *self,
                                           const char  *value);
gboolean    rp_provider_get_on_framework  (RpProvider  *self);
void        rp_provider_set_on_framework  (RpProvider  *self,
                                           gboolean     value);
const char *rp_provider_get_notes         (RpProvider  *self);
void        rp_provider_set_notes         (RpProvider  *self,
                                           const char  *value);
gboolean    rp_provider_validate          (RpProvider  *self,
                                           GError     **error);

G_END_DECLS
