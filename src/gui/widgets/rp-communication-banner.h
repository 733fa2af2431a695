/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-communication-banner.h: the flag of a person's communication needs, on every screen about them */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_COMMUNICATION_BANNER (rp_communication_banner_get_type ())

G_DECLARE_FINAL_TYPE (RpCommunicationBanner, rp_communication_banner, RP, COMMUNICATION_BANNER, GtkWidget)

GtkWidget  *rp_communication_banner_new           (void);
RpAttendee *rp_communication_banner_get_attendee  (RpCommunicationBanner *self);
void        rp_communication_banner_set_attendee  (RpCommunicationBanner *self,
                                                   RpAttendee            *attendee);
const char *rp_communication_banner_get_text      (RpCommunicationBanner *self);

G_END_DECLS
