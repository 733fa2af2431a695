/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-private.h: store internals for the core's own tools and tests */
#pragma once

#include <sqlite3.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* Opens and migrates only as far as @target_version; tests build old databases with it. */
RpStore *rp_store_open_at_version (const char        *path,
                                   RpStoreOpenFlags   flags,
                                   int                target_version,
                                   GError           **error);
sqlite3 *rp_store_get_db          (RpStore           *self);

/* One transaction around many writes, all or nothing (sample programme, imports). */
gboolean rp_store_begin           (RpStore           *self,
                                   GError           **error);
gboolean rp_store_commit          (RpStore           *self,
                                   GError           **error);
void     rp_store_rollback        (RpStore           *self);

G_END_DECLS
