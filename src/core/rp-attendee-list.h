/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-list.h: a programme's attendees, filtered and sorted in a worker thread */
#pragma once

#include <gio/gio.h>

#include "rp-attendee-filter.h"
#include "rp-attendee-list-row.h"
#include "rp-rules-context.h"
#include "rp-store.h"

G_BEGIN_DECLS

typedef enum
{
  RP_ATTENDEE_SORT_NUMBER,
  RP_ATTENDEE_SORT_NAME,
  RP_ATTENDEE_SORT_STATUS,
  RP_ATTENDEE_SORT_WORKER,
  RP_ATTENDEE_SORT_STEP,
  RP_ATTENDEE_SORT_DAYS_AT_STEP,  /* longest at the current step first */
  RP_ATTENDEE_SORT_TARGET_DATE,
  RP_ATTENDEE_SORT_OUTCOME,
  RP_ATTENDEE_SORT_ATTENTION,     /* those needing most attention first */
} RpAttendeeSort;

#define RP_TYPE_ATTENDEE_LIST (rp_attendee_list_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeeList, rp_attendee_list, RP, ATTENDEE_LIST, GObject)

RpAttendeeList   *rp_attendee_list_new             (RpAttendeeFilter *filter);
RpAttendeeFilter *rp_attendee_list_get_filter      (RpAttendeeList   *self);
void              rp_attendee_list_load            (RpAttendeeList   *self,
                                                    RpStore          *store,
                                                    gint64            programme_id);
void              rp_attendee_list_clear           (RpAttendeeList   *self);
void              rp_attendee_list_set_sort        (RpAttendeeList   *self,
                                                    RpAttendeeSort    sort,
                                                    gboolean          descending);
void              rp_attendee_list_set_attention   (RpAttendeeList   *self,
                                                    RpRulesContext   *rules);
gboolean          rp_attendee_list_get_busy        (RpAttendeeList   *self);
gboolean          rp_attendee_list_get_loaded      (RpAttendeeList   *self);
guint             rp_attendee_list_get_n_total     (RpAttendeeList   *self);
RpAttendee       *rp_attendee_list_get_attendee    (RpAttendeeList   *self,
                                                    guint             position);
guint             rp_attendee_list_find_number     (RpAttendeeList   *self,
                                                    int               number);
const GError     *rp_attendee_list_get_load_error  (RpAttendeeList   *self);

G_END_DECLS
