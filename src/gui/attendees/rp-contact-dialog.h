/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-contact-dialog.h: logs or edits one contact in an attendee's contact log */
#pragma once

#include "rp-core.h"
#include "rp-form-dialog.h"

G_BEGIN_DECLS

#define RP_TYPE_CONTACT_DIALOG (rp_contact_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RpContactDialog, rp_contact_dialog, RP, CONTACT_DIALOG, RpFormDialog)

RpContactDialog *rp_contact_dialog_new (GtkWindow *parent,
                                        RpStore   *store,
                                        RpContact *contact);

G_END_DECLS
