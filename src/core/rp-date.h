/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-date.h: calendar dates as people type them and as the database keeps them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates travel through the core as ISO 8601 strings ("2023-09-20") or NULL for "no date". */

gboolean  rp_date_parse         (const char  *text,
                                 GDate       *date,
                                 GError     **error);
gboolean  rp_date_parse_strict  (const char  *text,
                                 GDate       *date,
                                 GError     **error);
char     *rp_date_normalise     (const char  *text,
                                 GError     **error);
char     *rp_date_to_iso        (const GDate *date);
gboolean  rp_date_from_iso      (const char  *iso,
                                 GDate       *date);
gboolean  rp_date_is_valid_iso  (const char  *iso);
gboolean  rp_date_check         (const char  *iso,
                                 const char  *what,
                                 GError     **error);
char     *rp_date_format_short  (const char  *iso);
char     *rp_date_format_medium (const char  *iso);
char     *rp_date_format_long   (const char  *iso);
char     *rp_date_format_numeric (const char *iso);
char     *rp_date_format_moment (const char  *recorded_at);
gboolean  rp_date_looks_like_date (const char *text);
int       rp_date_compare       (const char  *a,
                                 const char  *b);
int       rp_date_days_between  (const char  *from,
                                 const char  *to);
char     *rp_date_today         (void);

G_END_DECLS
