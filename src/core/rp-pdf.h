/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-pdf.h: what cairo 1.16 cannot write into a PDF, added afterwards */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *rp_pdf_get_language (void);
gboolean    rp_pdf_set_language (const char  *path,
                                 const char  *language,
                                 GError     **error);

G_END_DECLS
