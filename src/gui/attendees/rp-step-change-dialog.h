/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-change-dialog.h: records an attendee's step on the moving plan, with a date and reason */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-form-dialog.h"

G_BEGIN_DECLS

#define RP_TYPE_STEP_CHANGE_DIALOG (rp_step_change_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RpStepChangeDialog, rp_step_change_dialog, RP, STEP_CHANGE_DIALOG, RpFormDialog)

RpStepChangeDialog *rp_step_change_dialog_new (GtkWindow  *parent,
                                               RpStore    *store,
                                               RpAttendee *attendee);

G_END_DECLS
