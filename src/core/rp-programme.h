/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-programme.h: a programme: the day centre being closed */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RP_TYPE_PROGRAMME (rp_programme_get_type ())

/* The protective marking a new programme's reports carry until it is
 * changed: the UK government classification for most public-sector work. */
#define RP_PROGRAMME_DEFAULT_MARKING "OFFICIAL"
/* How long after a move its follow-up review falls, and how long a family
 * may go without contact, until the programme says otherwise. */
#define RP_PROGRAMME_DEFAULT_FOLLOW_UP_WEEKS 6
#define RP_PROGRAMME_DEFAULT_CONTACT_DUE_DAYS 14

G_DECLARE_FINAL_TYPE (RpProgramme, rp_programme, RP, PROGRAMME, GObject)

RpProgramme *rp_programme_new              (void);
RpProgramme *rp_programme_copy             (RpProgramme  *self);
gint64       rp_programme_get_id           (RpProgramme  *self);
void         rp_programme_set_id           (RpProgramme  *self,
                                            gint64        value);
const char  *rp_programme_get_name         (RpProgramme  *self);
void         rp_programme_set_name         (RpProgramme  *self,
                                            const char   *value);
const char  *rp_programme_get_closure_date (RpProgramme  *self);
void         rp_programme_set_closure_date (RpProgramme  *self,
                                            const char   *value);
const char  *rp_programme_get_report_title (RpProgramme  *self);
void         rp_programme_set_report_title (RpProgramme  *self,
                                            const char   *value);
const char  *rp_programme_get_department   (RpProgramme  *self);
void         rp_programme_set_department   (RpProgramme  *self,
                                            const char   *value);
const char  *rp_programme_get_author       (RpProgramme  *self);
void         rp_programme_set_author       (RpProgramme  *self,
                                            const char   *value);
const char  *rp_programme_get_meeting      (RpProgramme  *self);
void         rp_programme_set_meeting      (RpProgramme  *self,
                                            const char   *value);
const char  *rp_programme_get_meeting_date (RpProgramme  *self);
void         rp_programme_set_meeting_date (RpProgramme  *self,
                                            const char   *value);
const char  *rp_programme_get_report_as_of (RpProgramme  *self);
void         rp_programme_set_report_as_of (RpProgramme  *self,
                                            const char   *value);
const char  *rp_programme_get_marking      (RpProgramme  *self);
void         rp_programme_set_marking      (RpProgramme  *self,
                                            const char   *value);
const char  *rp_programme_get_family_contact       (RpProgramme  *self);
void         rp_programme_set_family_contact       (RpProgramme  *self,
                                                    const char   *value);
guint        rp_programme_get_follow_up_weeks      (RpProgramme  *self);
void         rp_programme_set_follow_up_weeks      (RpProgramme  *self,
                                                    guint         weeks);
guint        rp_programme_get_contact_due_days     (RpProgramme  *self);
void         rp_programme_set_contact_due_days     (RpProgramme  *self,
                                                    guint         days);
const char  *rp_programme_get_family_contact_phone (RpProgramme  *self);
void         rp_programme_set_family_contact_phone (RpProgramme  *self,
                                                    const char   *value);
gboolean     rp_programme_validate         (RpProgramme  *self,
                                            GError      **error);

G_END_DECLS
