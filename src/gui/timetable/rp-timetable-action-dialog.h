/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-timetable-action-dialog.h: edits one action on the timetable */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-form-dialog.h"

G_BEGIN_DECLS

#define RP_TYPE_TIMETABLE_ACTION_DIALOG (rp_timetable_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RpTimetableActionDialog, rp_timetable_action_dialog, RP, TIMETABLE_ACTION_DIALOG, RpFormDialog)

RpTimetableActionDialog *rp_timetable_action_dialog_new (GtkWindow         *parent,
                                                         RpStore           *store,
                                                         RpTimetableAction *action);

G_END_DECLS
