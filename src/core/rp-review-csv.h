/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-review-csv.h: a programme's reviews after the move as a CSV file, written and read back */
#pragma once

#include <gio/gio.h>

#include "rp-import.h"
#include "rp-store.h"

G_BEGIN_DECLS

char     *rp_review_csv_write  (RpStore     *store,
                                gint64       programme_id,
                                GError     **error);
gboolean  rp_review_csv_import (RpStore     *store,
                                gint64       programme_id,
                                const char  *data,
                                gsize        len,
                                gboolean     dry_run,
                                guint       *n_added,
                                GPtrArray  **problems,
                                GError     **error);

G_END_DECLS
