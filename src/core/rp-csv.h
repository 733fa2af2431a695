/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-csv.h: writing RFC 4180 comma-separated values */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        rp_csv_append_row   (GString            *out,
                                 const char * const *fields,
                                 gsize               n_fields);
const char *rp_csv_unguard_cell (const char         *cell);
gboolean    rp_csv_write_file   (const char         *path,
                                 const char         *csv,
                                 gboolean            byte_order_mark,
                                 GError            **error);

G_END_DECLS
