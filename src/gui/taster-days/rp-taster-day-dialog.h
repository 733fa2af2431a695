/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-taster-day-dialog.h: adds or edits a taster day */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-form-dialog.h"

G_BEGIN_DECLS

#define RP_TYPE_TASTER_DAY_DIALOG (rp_taster_day_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RpTasterDayDialog, rp_taster_day_dialog, RP, TASTER_DAY_DIALOG, RpFormDialog)

RpTasterDayDialog *rp_taster_day_dialog_new (GtkWindow   *parent,
                                             RpStore     *store,
                                             RpProgramme *programme,
                                             RpTasterDay *day);

G_END_DECLS
