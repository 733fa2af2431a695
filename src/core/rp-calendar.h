/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-calendar.h: taster days as iCalendar files (RFC 5545), for a family or for the staff */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* The time zone every taster day is in; the files carry its definition. */
#define RP_CALENDAR_TZID "Europe/London"

char     *rp_calendar_build_family (RpStore     *store,
                                    gint64       attendee_id,
                                    const char  *from,
                                    guint       *n_events,
                                    GError     **error);
char     *rp_calendar_build_staff  (RpStore     *store,
                                    gint64       programme_id,
                                    const char  *from,
                                    guint       *n_events,
                                    GError     **error);

gboolean  rp_calendar_write_family (RpStore     *store,
                                    gint64       attendee_id,
                                    const char  *from,
                                    const char  *path,
                                    const char  *reason,
                                    guint       *n_events,
                                    GError     **error);
gboolean  rp_calendar_write_staff  (RpStore     *store,
                                    gint64       programme_id,
                                    const char  *from,
                                    const char  *path,
                                    const char  *reason,
                                    guint       *n_events,
                                    GError     **error);

G_END_DECLS
