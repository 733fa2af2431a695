/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-accessible.h: corrections to what GTK tells screen readers */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  rp_accessible_install_mnemonic_fix (void);
char *rp_accessible_strip_mnemonic       (const char *label);

G_END_DECLS
