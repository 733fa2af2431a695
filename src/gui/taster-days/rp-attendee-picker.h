/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-picker.h: tick attendees to book, searchable at any size of programme */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEE_PICKER (rp_attendee_picker_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeePicker, rp_attendee_picker, RP, ATTENDEE_PICKER, GtkWidget)

GtkWidget *rp_attendee_picker_new        (RpStore          *store,
                                          RpProgramme      *programme);
void       rp_attendee_picker_tick       (RpAttendeePicker *self,
                                          gint64            attendee_id);
void       rp_attendee_picker_untick     (RpAttendeePicker *self,
                                          gint64            attendee_id);
GArray    *rp_attendee_picker_get_ticked (RpAttendeePicker *self);
void       rp_attendee_picker_set_booked (RpAttendeePicker *self,
                                          GArray           *attendee_ids);

G_END_DECLS
