/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report-details-dialog.h: edits the front matter every report of a programme carries */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-form-dialog.h"

G_BEGIN_DECLS

#define RP_TYPE_REPORT_DETAILS_DIALOG (rp_report_details_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RpReportDetailsDialog, rp_report_details_dialog, RP, REPORT_DETAILS_DIALOG, RpFormDialog)

RpReportDetailsDialog *rp_report_details_dialog_new (GtkWindow   *parent,
                                                     RpStore     *store,
                                                     RpProgramme *programme);

G_END_DECLS
