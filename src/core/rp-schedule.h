/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-schedule.h: a family's own taster-day schedule, in plain words and large print */
#pragma once

#include <cairo.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* One taster day, one idea per line. Lines that do not apply are NULL. */
typedef struct
{
  char *when;       /* "Saturday 30 September, 10 am to 2 pm" */
  char *where;      /* "At IBC, 12 High Street." */
  char *who;        /* "Sam from the day centre will come with you." */
  char *family;     /* "Margaret (mother) is coming too." */
  char *transport;  /* "Transport will collect you at 9:15 am." */
} RpScheduleItem;

typedef struct _RpScheduleDocument RpScheduleDocument;

#define RP_SCHEDULE_PAGE_WIDTH  595.28   /* A4 portrait, in points */
#define RP_SCHEDULE_PAGE_HEIGHT 841.89

void       rp_schedule_item_free      (RpScheduleItem  *item);
RpScheduleDocument *rp_schedule_document_new       (RpStore            *store,
                                                    GArray             *attendee_ids,
                                                    const char         *from,
                                                    GError            **error);
guint               rp_schedule_document_get_n_pages (RpScheduleDocument *self);
void                rp_schedule_document_draw_page (RpScheduleDocument *self,
                                                    cairo_t            *cr,
                                                    guint               page_nr);
void                rp_schedule_document_free      (RpScheduleDocument *self);
GPtrArray *rp_schedule_build          (RpStore         *store,
                                       gint64           attendee_id,
                                       const char      *from,
                                       GError         **error);
GArray    *rp_schedule_list_attendees (RpStore         *store,
                                       gint64           programme_id,
                                       const char      *from,
                                       GError         **error);
gboolean   rp_schedule_write_pdf      (RpStore         *store,
                                       GArray          *attendee_ids,
                                       const char      *from,
                                       const char      *path,
                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpScheduleItem, rp_schedule_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpScheduleDocument, rp_schedule_document_free)

G_END_DECLS
