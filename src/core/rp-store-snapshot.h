/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-snapshot.h: reading a store's file in a thread, on a connection of its own */
#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* What a thread needs to open its own read-only connection to a store's file.
 * It is taken in the store's thread and opened in the other, so the thread
 * never touches the store itself. */
typedef struct _RpStoreSnapshot RpStoreSnapshot;

RpStoreSnapshot *rp_store_snapshot_new   (RpStore          *store);
RpStore         *rp_store_snapshot_open  (RpStoreSnapshot  *snapshot,
                                          GError          **error);
RpStore         *rp_store_snapshot_open_kept (RpStoreSnapshot  *snapshot,
                                              RpStore         **kept,
                                              GError          **error);
void             rp_store_snapshot_free  (RpStoreSnapshot  *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpStoreSnapshot, rp_store_snapshot_free)

/* The attention search of rp_store_find_needing_attention(), read in a thread. */
void       rp_store_find_needing_attention_async  (RpStore              *self,
                                                   gint64                programme_id,
                                                   RpRulesContext       *rules,
                                                   guint                 max,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GPtrArray *rp_store_find_needing_attention_finish (GAsyncResult         *result,
                                                   guint                *n_needing,
                                                   GError              **error);
GPtrArray *rp_store_find_needing_attention_finish_counted (GAsyncResult  *result,
                                                           guint         *n_needing,
                                                           guint         *n_not_contacted,
                                                           GError       **error);

G_END_DECLS
