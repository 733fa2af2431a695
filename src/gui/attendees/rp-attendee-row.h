/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-row.h: one attendee's row of an RpAttendeeTable */
#pragma once

#include <gtk/gtk.h>

#include "rp-attendee-table.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEE_ROW (rp_attendee_row_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeeRow, rp_attendee_row, RP, ATTENDEE_ROW, GtkWidget)

GtkWidget  *rp_attendee_row_new           (void);
void        rp_attendee_row_set_text      (RpAttendeeRow    *self,
                                           RpAttendeeColumn  column,
                                           const char       *text);
const char *rp_attendee_row_get_text      (RpAttendeeRow    *self,
                                           RpAttendeeColumn  column);
void        rp_attendee_row_set_step      (RpAttendeeRow    *self,
                                           int               step,
                                           const char       *text);
void        rp_attendee_row_set_attention (RpAttendeeRow    *self,
                                           const char       *description);

G_END_DECLS
