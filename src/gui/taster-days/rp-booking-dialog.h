/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking-dialog.h: books attendees on a taster day, or edits one booking */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-form-dialog.h"

G_BEGIN_DECLS

#define RP_TYPE_BOOKING_DIALOG (rp_booking_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RpBookingDialog, rp_booking_dialog, RP, BOOKING_DIALOG, RpFormDialog)

RpBookingDialog *rp_booking_dialog_new (GtkWindow   *parent,
                                        RpStore     *store,
                                        RpProgramme *programme,
                                        RpTasterDay *day,
                                        RpBooking   *booking);

G_END_DECLS
