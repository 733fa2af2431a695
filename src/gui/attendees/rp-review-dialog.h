/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-review-dialog.h: records a review after a move, rating each of the person's outcomes */
#pragma once

#include "rp-core.h"
#include "rp-form-dialog.h"

G_BEGIN_DECLS

#define RP_TYPE_REVIEW_DIALOG (rp_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RpReviewDialog, rp_review_dialog, RP, REVIEW_DIALOG, RpFormDialog)

RpReviewDialog *rp_review_dialog_new (GtkWindow  *parent,
                                      RpStore    *store,
                                      RpAttendee *attendee);

G_END_DECLS
