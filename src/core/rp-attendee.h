/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee.h: a person attending the day centre, and their move */
#pragma once

#include <glib-object.h>

#include "rp-types.h"

G_BEGIN_DECLS

#define RP_TYPE_ATTENDEE (rp_attendee_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendee, rp_attendee, RP, ATTENDEE, GObject)

RpAttendee *rp_attendee_new                        (void);
RpAttendee *rp_attendee_copy                       (RpAttendee  *self);
gint64      rp_attendee_get_id                     (RpAttendee  *self);
void        rp_attendee_set_id                     (RpAttendee  *self,
                                                    gint64       value);
gint64      rp_attendee_get_programme_id           (RpAttendee  *self);
void        rp_attendee_set_programme_id           (RpAttendee  *self,
                                                    gint64       value);
int         rp_attendee_get_number                 (RpAttendee  *self);
void        rp_attendee_set_number                 (RpAttendee  *self,
                                                    int          value);
const char *rp_attendee_get_full_name              (RpAttendee  *self);
void        rp_attendee_set_full_name              (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_preferred_name         (RpAttendee  *self);
void        rp_attendee_set_preferred_name         (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_date_of_birth          (RpAttendee  *self);
void        rp_attendee_set_date_of_birth          (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_contact_name           (RpAttendee  *self);
void        rp_attendee_set_contact_name           (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_contact_relationship   (RpAttendee  *self);
void        rp_attendee_set_contact_relationship   (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_contact_phone          (RpAttendee  *self);
void        rp_attendee_set_contact_phone          (RpAttendee  *self,
                                                    const char  *value);
gboolean    rp_attendee_get_wheelchair_user        (RpAttendee  *self);
void        rp_attendee_set_wheelchair_user        (RpAttendee  *self,
                                                    gboolean     value);
gboolean    rp_attendee_get_transport_needed       (RpAttendee  *self);
void        rp_attendee_set_transport_needed       (RpAttendee  *self,
                                                    gboolean     value);
const char *rp_attendee_get_access_needs           (RpAttendee  *self);
void        rp_attendee_set_access_needs           (RpAttendee  *self,
                                                    const char  *value);
RpFunding   rp_attendee_get_funding                (RpAttendee  *self);
void        rp_attendee_set_funding                (RpAttendee  *self,
                                                    RpFunding    value);
gint64      rp_attendee_get_worker_id              (RpAttendee  *self);
void        rp_attendee_set_worker_id              (RpAttendee  *self,
                                                    gint64       value);
const char *rp_attendee_get_worker_name            (RpAttendee  *self);
void        rp_attendee_set_worker_name            (RpAttendee  *self,
                                                    const char  *value);
int         rp_attendee_get_step                   (RpAttendee  *self);
void        rp_attendee_set_step                   (RpAttendee  *self,
                                                    int          value);
const char *rp_attendee_get_step_since             (RpAttendee  *self);
void        rp_attendee_set_step_since             (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_case_notes             (RpAttendee  *self);
void        rp_attendee_set_case_notes             (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_report_note            (RpAttendee  *self);
void        rp_attendee_set_report_note            (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_target_date            (RpAttendee  *self);
void        rp_attendee_set_target_date            (RpAttendee  *self,
                                                    const char  *value);
RpOutcome   rp_attendee_get_outcome                (RpAttendee  *self);
void        rp_attendee_set_outcome                (RpAttendee  *self,
                                                    RpOutcome    value);
const char *rp_attendee_get_outcome_date           (RpAttendee  *self);
void        rp_attendee_set_outcome_date           (RpAttendee  *self,
                                                    const char  *value);
gint64      rp_attendee_get_moved_to_provider_id   (RpAttendee  *self);
void        rp_attendee_set_moved_to_provider_id   (RpAttendee  *self,
                                                    gint64       value);
const char *rp_attendee_get_moved_to_provider_name (RpAttendee  *self);
void        rp_attendee_set_moved_to_provider_name (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_outcome_reason         (RpAttendee  *self);
void        rp_attendee_set_outcome_reason         (RpAttendee  *self,
                                                    const char  *value);
gboolean    rp_attendee_get_archived               (RpAttendee  *self);
void        rp_attendee_set_archived               (RpAttendee  *self,
                                                    gboolean     value);
/* The newest contact with the family or advocate in the contact log, and
 * the day the programme's contact log began: read, never saved. */
const char *rp_attendee_get_last_family_contact    (RpAttendee  *self);
void        rp_attendee_set_last_family_contact    (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_contact_log_since      (RpAttendee  *self);
void        rp_attendee_set_contact_log_since      (RpAttendee  *self,
                                                    const char  *value);
/* After the move: an interim place, the permanent place planned, and when
 * reviews were held (the last two as the store read them). */
gboolean    rp_attendee_get_interim                (RpAttendee  *self);
void        rp_attendee_set_interim                (RpAttendee  *self,
                                                    gboolean     value);
gint64      rp_attendee_get_permanent_provider_id  (RpAttendee  *self);
void        rp_attendee_set_permanent_provider_id  (RpAttendee  *self,
                                                    gint64       value);
const char *rp_attendee_get_permanent_date         (RpAttendee  *self);
void        rp_attendee_set_permanent_date         (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_follow_up_held_on      (RpAttendee  *self);
void        rp_attendee_set_follow_up_held_on      (RpAttendee  *self,
                                                    const char  *value);
const char *rp_attendee_get_last_review_on         (RpAttendee  *self);
void        rp_attendee_set_last_review_on         (RpAttendee  *self,
                                                    const char  *value);
/* Communication needs (see rp-communication.h): the needs are a comma list
 * of keys, the preferred contact one key; the notes are private. */
const char *rp_attendee_get_communication_needs          (RpAttendee  *self);
void        rp_attendee_set_communication_needs          (RpAttendee  *self,
                                                           const char  *value);
const char *rp_attendee_get_interpreter_language         (RpAttendee  *self);
void        rp_attendee_set_interpreter_language         (RpAttendee  *self,
                                                           const char  *value);
const char *rp_attendee_get_preferred_contact            (RpAttendee  *self);
void        rp_attendee_set_preferred_contact            (RpAttendee  *self,
                                                           const char  *value);
const char *rp_attendee_get_communication_notes          (RpAttendee  *self);
void        rp_attendee_set_communication_notes          (RpAttendee  *self,
                                                           const char  *value);
const char *rp_attendee_get_contact_communication_needs  (RpAttendee  *self);
void        rp_attendee_set_contact_communication_needs  (RpAttendee  *self,
                                                           const char  *value);
const char *rp_attendee_get_contact_interpreter_language (RpAttendee  *self);
void        rp_attendee_set_contact_interpreter_language (RpAttendee  *self,
                                                           const char  *value);
const char *rp_attendee_get_contact_preferred_contact    (RpAttendee  *self);
void        rp_attendee_set_contact_preferred_contact    (RpAttendee  *self,
                                                           const char  *value);
const char *rp_attendee_get_display_name           (RpAttendee  *self);
/* The names folded for search as you type (see rp_attendee_make_search_key). */
const char *rp_attendee_get_full_name_key          (RpAttendee  *self);
const char *rp_attendee_get_preferred_name_key     (RpAttendee  *self);
char       *rp_attendee_make_search_key            (const char  *text);
/* g_utf8_collate_key() of the names, for sorting; NULL when the name is unset. */
const char *rp_attendee_get_full_name_sort_key     (RpAttendee  *self);
const char *rp_attendee_get_worker_name_sort_key   (RpAttendee  *self);
gboolean    rp_attendee_check_date_of_birth        (const char  *date_iso,
                                                    const char  *today_iso,
                                                    GError     **error);
gboolean    rp_attendee_validate                   (RpAttendee  *self,
                                                    GError     **error);

G_END_DECLS
