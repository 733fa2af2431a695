/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-taster-day.h: a provider's taster day or open day */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RP_TYPE_TASTER_DAY (rp_taster_day_get_type ())

G_DECLARE_FINAL_TYPE (RpTasterDay, rp_taster_day, RP, TASTER_DAY, GObject)

RpTasterDay *rp_taster_day_new               (void);
RpTasterDay *rp_taster_day_copy              (RpTasterDay  *self);
gint64       rp_taster_day_get_id            (RpTasterDay  *self);
void         rp_taster_day_set_id            (RpTasterDay  *self,
                                              gint64        value);
gint64       rp_taster_day_get_programme_id  (RpTasterDay  *self);
void         rp_taster_day_set_programme_id  (RpTasterDay  *self,
                                              gint64        value);
gint64       rp_taster_day_get_provider_id   (RpTasterDay  *self);
void         rp_taster_day_set_provider_id   (RpTasterDay  *self,
                                              gint64        value);
const char  *rp_taster_day_get_provider_name (RpTasterDay  *self);
void         rp_taster_day_set_provider_name (RpTasterDay  *self,
                                              const char   *value);
const char  *rp_taster_day_get_date          (RpTasterDay  *self);
void         rp_taster_day_set_date          (RpTasterDay  *self,
                                              const char   *value);
const char  *rp_taster_day_get_start_time    (RpTasterDay  *self);
void         rp_taster_day_set_start_time    (RpTasterDay  *self,
                                              const char   *value);
const char  *rp_taster_day_get_end_time      (RpTasterDay  *self);
void         rp_taster_day_set_end_time      (RpTasterDay  *self,
                                              const char   *value);
const char  *rp_taster_day_get_venue         (RpTasterDay  *self);
void         rp_taster_day_set_venue         (RpTasterDay  *self,
                                              const char   *value);
int          rp_taster_day_get_places        (RpTasterDay  *self);
void         rp_taster_day_set_places        (RpTasterDay  *self,
                                              int           value);
const char  *rp_taster_day_get_notes         (RpTasterDay  *self);
void         rp_taster_day_set_notes         (RpTasterDay  *self,
                                              const char   *value);
gboolean     rp_taster_day_get_cancelled     (RpTasterDay  *self);
void         rp_taster_day_set_cancelled     (RpTasterDay  *self,
                                              gboolean      value);
gboolean     rp_taster_day_validate          (RpTasterDay  *self,
                                              GError      **error);

G_END_DECLS
