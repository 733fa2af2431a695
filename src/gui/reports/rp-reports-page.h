/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-reports-page.h: the Reports area: the programme at a glance, as managers report it */
#pragma once

#include "rp-area-page.h"
#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_REPORTS_PAGE (rp_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (RpReportsPage, rp_reports_page, RP, REPORTS_PAGE, RpAreaPage)

void rp_reports_page_print  (RpReportsPage  *self,
                             const char     *export_path);
void rp_reports_page_export (RpReportsPage  *self,
                             RpReport       *report,
                             RpReportFormat  format,
                             const char     *path);
void rp_reports_page_set_reports_only (RpReportsPage *self,
                                       gboolean       reports_only);

G_END_DECLS
