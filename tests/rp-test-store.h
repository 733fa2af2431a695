/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-test-store.h: the core tests' store, on a file or on the team backend (RP_TEST_BACKEND=team) */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

RpStore  *rp_test_open_store      (const char        *path,
                                   RpStoreOpenFlags   flags,
                                   GError           **error);
gboolean  rp_test_backend_is_team (void);

G_END_DECLS
