/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-error-private.h: turning SQLite's result codes into RP_ERROR, for the core */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Turns an SQLite result code into a clear RP_ERROR. */
void rp_error_set_from_sqlite (GError     **error,
                               int          code,
                               const char  *detail);

G_END_DECLS
