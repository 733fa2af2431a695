/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-validate.h: shared checks behind the domain objects' validate functions */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RP_SHORT_TEXT_MAX 200
#define RP_LONG_TEXT_MAX  10000

gboolean rp_set_string         (char       **field,
                                const char  *value);
gboolean rp_check_required     (const char  *value,
                                const char  *message,
                                GError     **error);
gboolean rp_check_text         (const char  *value,
                                int          max_chars,
                                const char  *what,
                                GError     **error);
gboolean rp_check_name         (const char  *value,
                                int          max_chars,
                                const char  *what,
                                GError     **error);
char    *rp_quote_value        (const char  *value);
gboolean rp_check_phone        (const char  *value,
                                const char  *what,
                                GError     **error);
gboolean rp_check_time         (const char  *time,
                                GError     **error);
char    *rp_format_thousands   (guint        number);

G_END_DECLS
