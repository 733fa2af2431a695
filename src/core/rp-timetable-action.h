/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-timetable-action.h: an action on the closure timetable */
#pragma once

#include <glib-object.h>

#include "rp-taster-day.h"
#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_TIMETABLE_ACTION (rp_timetable_action_get_type ())

G_DECLARE_FINAL_TYPE (RpTimetableAction, rp_timetable_action, RP, TIMETABLE_ACTION, GObject)

RpTimetableAction *rp_timetable_action_new              (void);
RpTimetableAction *rp_timetable_action_copy             (RpTimetableAction  *self);
gint64             rp_timetable_action_get_id           (RpTimetableAction  *self);
void               rp_timetable_action_set_id           (RpTimetableAction  *self,
                                                         gint64              value);
gint64             rp_timetable_action_get_programme_id (RpTimetableAction  *self);
void               rp_timetable_action_set_programme_id (RpTimetableAction  *self,
                                                         gint64              value);
const char        *rp_timetable_action_get_activity     (RpTimetableAction  *self);
void               rp_timetable_action_set_activity     (RpTimetableAction  *self,
                                                         const char         *value);
const char        *rp_timetable_action_get_owner        (RpTimetableAction  *self);
void               rp_timetable_action_set_owner        (RpTimetableAction  *self,
                                                         const char         *value);
const char        *rp_timetable_action_get_due_date     (RpTimetableAction  *self);
void               rp_timetable_action_set_due_date     (RpTimetableAction  *self,
                                                         const char         *value);
const char        *rp_timetable_action_get_due_note     (RpTimetableAction  *self);
void               rp_timetable_action_set_due_note     (RpTimetableAction  *self,
                                                         const char         *value);
gboolean           rp_timetable_action_set_due_text     (RpTimetableAction  *self,
                                                         const char         *text,
                                                         GError            **error);
char              *rp_timetable_action_dup_due_text     (RpTimetableAction  *self);
RpActionStatus     rp_timetable_action_get_status       (RpTimetableAction  *self);
void               rp_timetable_action_set_status       (RpTimetableAction  *self,
                                                         RpActionStatus      value);
int                rp_timetable_action_get_position     (RpTimetableAction  *self);
void               rp_timetable_action_set_position     (RpTimetableAction  *self,
                                                         int                 value);
gboolean           rp_timetable_action_validate         (RpTimetableAction  *self,
                                                         GError            **error);

/* The taster days it is linked to, which print their own dates in "Due". */
guint              rp_timetable_action_get_n_taster_days (RpTimetableAction *self);
RpTasterDay       *rp_timetable_action_get_taster_day   (RpTimetableAction  *self,
                                                         guint               index);
gboolean           rp_timetable_action_has_taster_day   (RpTimetableAction  *self,
                                                         gint64              taster_day_id);
void               rp_timetable_action_link_taster_day  (RpTimetableAction  *self,
                                                         RpTasterDay        *day);
gboolean           rp_timetable_action_unlink_taster_day (RpTimetableAction *self,
                                                         gint64              taster_day_id);
void               rp_timetable_action_clear_taster_days (RpTimetableAction *self);
char              *rp_timetable_action_format_due       (RpTimetableAction  *self);

G_END_DECLS
