/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-test-store.h: the core tests' store, on a file or on the team backend (RP_TEST_BACKEND=team) */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

RpStore  *rp_test_open_store      (const char        *path,
                                   RpStoreOpenFlags   flags,
                                   GError           **error);
gboolean  rp_test_backend_is_team (void);
char     *rp_test_store_location  (const char        *path);
char     *rp_test_cli_database    (const char        *path);

/* What differs by design between the backends, for the tests to say once. */
const char *rp_test_audit_user    (const char        *name);
gboolean    rp_test_skip_on_team  (const char        *reason);

/* A statement of the test's own, through the store's statement seam (so
 * on either backend; `?` parameters are not bound): rp_test_exec() runs it
 * (or several, as sqlite3_exec() on a file) to the end, rp_test_query_int() reads the first column of its first row
 * (0 without one), rp_test_query_text() the same as text (NULL without one). */
void        rp_test_exec          (RpStore           *store,
                                   const char        *sql);
/* Whether the statement ran: for one a test expects refused. */
gboolean    rp_test_try_exec      (RpStore           *store,
                                   const char        *sql);
gint64      rp_test_query_int     (RpStore           *store,
                                   const char        *sql);
char       *rp_test_query_text    (RpStore           *store,
                                   const char        *sql);

G_END_DECLS
