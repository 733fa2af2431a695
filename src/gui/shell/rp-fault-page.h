/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-fault-page.h: what the window shows when a database cannot be opened */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RP_TYPE_FAULT_PAGE (rp_fault_page_get_type ())

G_DECLARE_FINAL_TYPE (RpFaultPage, rp_fault_page, RP, FAULT_PAGE, AdwBin)

void        rp_fault_page_set_fault (RpFaultPage  *self,
                                     const char   *path,
                                     const GError *error,
                                     gboolean      has_backups);
const char *rp_fault_page_get_path  (RpFaultPage  *self);

G_END_DECLS
