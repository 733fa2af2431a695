/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-session.h: the database a window works on, and what went wrong opening it */
#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

#define RP_TYPE_SESSION (rp_session_get_type ())

G_DECLARE_FINAL_TYPE (RpSession, rp_session, RP, SESSION, GObject)

RpSession    *rp_session_new                     (void);
RpStore      *rp_session_get_store               (RpSession            *self);
void          rp_session_set_store               (RpSession            *self,
                                                  RpStore              *store);
const char   *rp_session_get_path                (RpSession            *self);
const GError *rp_session_get_fault               (RpSession            *self);
void          rp_session_set_fault               (RpSession            *self,
                                                  const char           *path,
                                                  const GError         *fault);
gboolean      rp_session_get_read_only           (RpSession            *self);
gboolean      rp_session_open                    (RpSession            *self,
                                                  const char           *path,
                                                  RpStoreOpenFlags      flags,
                                                  GError              **error);
char         *rp_session_create                  (RpSession            *self,
                                                  const char           *path,
                                                  GError              **error);
gboolean      rp_session_open_local_copy         (RpSession            *self,
                                                  GError              **error);
gboolean      rp_session_open_sample             (RpSession            *self,
                                                  GError              **error);
gboolean      rp_session_repair_protection       (RpSession            *self,
                                                  GError              **error);
void          rp_session_restore_async           (RpSession            *self,
                                                  const char           *backup_path,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      rp_session_restore_finish          (RpSession            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void          rp_session_run_daily_check_async   (RpSession            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      rp_session_run_daily_check_finish  (RpSession            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void          rp_session_check_for_changes       (RpSession            *self);
void          rp_session_check_file              (RpSession            *self);
void          rp_session_close                   (RpSession            *self);

G_END_DECLS
