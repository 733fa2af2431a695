/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-worker.h: a social worker, manager or member of day-centre staff */
#pragma once

#include <glib-object.h>

#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_WORKER (rp_worker_get_type ())

G_DECLARE_FINAL_TYPE (RpWorker, rp_worker, RP, WORKER, GObject)

RpWorker     *rp_worker_new          (void);
RpWorker     *rp_worker_copy         (RpWorker      *self);
gint64        rp_worker_get_id       (RpWorker      *self);
void          rp_worker_set_id       (RpWorker      *self,
                                      gint64         value);
const char   *rp_worker_get_name     (RpWorker      *self);
void          rp_worker_set_name     (RpWorker      *self,
                                      const char    *value);
const char   *rp_worker_get_initials (RpWorker      *self);
void          rp_worker_set_initials (RpWorker      *self,
                                      const char    *value);
RpWorkerRole  rp_worker_get_role     (RpWorker      *self);
void          rp_worker_set_role     (RpWorker      *self,
                                      RpWorkerRole   value);
const char   *rp_worker_get_team     (RpWorker      *self);
void          rp_worker_set_team     (RpWorker      *self,
                                      const char    *value);
const char   *rp_worker_get_phone    (RpWorker      *self);
void          rp_worker_set_phone    (RpWorker      *self,
                                      const char    *value);
gboolean      rp_worker_get_active   (RpWorker      *self);
void          rp_worker_set_active   (RpWorker      *self,
                                      gboolean       value);
gboolean      rp_worker_validate     (RpWorker      *self,
                                      GError       **error);

G_END_DECLS
