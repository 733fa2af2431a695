/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-schedule.h: a family's own taster-day schedule, in plain words and large print */
#pragma once

#include <cairo.h>

#include "rp-communication.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* What a day on the schedule is for the family. */
typedef enum
{
  RP_SCHEDULE_GOING,            /* confirmed, and happening: "You are going to …" */
  RP_SCHEDULE_TO_BE_CONFIRMED,  /* invited, or days on one date the team has still to choose between */
  RP_SCHEDULE_CANCELLED,        /* booked, and now not happening */
} RpScheduleKind;

/* The picture beside a line; it only repeats the words. */
typedef enum
{
  RP_SCHEDULE_ICON_CALENDAR,
  RP_SCHEDULE_ICON_PLACE,
  RP_SCHEDULE_ICON_PERSON,
  RP_SCHEDULE_ICON_FAMILY,
  RP_SCHEDULE_ICON_TRANSPORT,
  RP_SCHEDULE_ICON_NOTE,        /* not confirmed, cancelled, not the other day */
  RP_SCHEDULE_ICON_PHONE,
} RpScheduleIcon;

/* One idea per line. Dates, times, names and numbers hold non-breaking
 * spaces, so that a line wraps only where a reader would expect. */
typedef struct
{
  RpScheduleIcon  icon;
  char           *text;
} RpScheduleLine;

/* One day, or the days of one date the team has still to choose between. */
typedef struct
{
  RpScheduleKind  kind;
  char           *date;      /* ISO; %NULL when the day is not fixed */
  char           *heading;   /* "Saturday 30 September, 10 am to 2 pm" or "To be confirmed: …" */
  GPtrArray      *lines;     /* (element-type RpScheduleLine) */
  GPtrArray      *days;      /* (element-type RpTasterDay): the day it tells of, or each
                              * of the days the team has still to choose between */
} RpScheduleItem;

typedef struct
{
  RpScheduleKind  kind;
  char           *heading;   /* "Days you are going to" */
  char           *intro;     /* (nullable) */
  GPtrArray      *items;     /* (element-type RpScheduleItem), by date */
} RpScheduleSection;

typedef struct
{
  char      *name;       /* the name the attendee goes by */
  char      *title;      /* "Taster days for Danny" */
  char      *intro;      /* "Days out to try new places." */
  char      *contact;    /* "If you have questions, call Priya Mistry on 0116 496 0000." */
  char      *empty;      /* (nullable): said when there is nothing to show */
  GPtrArray *sections;   /* (element-type RpScheduleSection): going, to be confirmed, cancelled; none empty */
  RpScheduleFormat format;  /* from the person's and their contact's communication needs */
  char      *language_warning;  /* (nullable): for the coordinator, never on the sheet: a
                                 * language other than English, which is not guessed or translated */
} RpSchedule;

typedef struct _RpScheduleDocument RpScheduleDocument;

#define RP_SCHEDULE_PAGE_WIDTH  595.28   /* A4 portrait, in points */
#define RP_SCHEDULE_PAGE_HEIGHT 841.89

RpSchedule         *rp_schedule_build               (RpStore            *store,
                                                     gint64              attendee_id,
                                                     const char         *from,
                                                     GError            **error);
char               *rp_schedule_say_time            (const char         *hhmm);
guint               rp_schedule_count_items         (RpSchedule         *self,
                                                     RpScheduleKind      kind);
char               *rp_schedule_dup_text            (RpSchedule         *self);
void                rp_schedule_free                (RpSchedule         *self);

RpScheduleDocument *rp_schedule_document_new        (RpStore            *store,
                                                     GArray             *attendee_ids,
                                                     const char         *from,
                                                     GError            **error);
/* As above; @format (nullable) overrides each sheet's own format. */
RpScheduleDocument *rp_schedule_document_new_full   (RpStore            *store,
                                                     GArray             *attendee_ids,
                                                     const char         *from,
                                                     const RpScheduleFormat *format,
                                                     GError            **error);
/* Returns: (transfer full) (nullable): every sheet's language warning, a line each */
char               *rp_schedule_document_dup_language_warnings (RpScheduleDocument *self);
guint               rp_schedule_document_get_n_pages (RpScheduleDocument *self);
void                rp_schedule_document_draw_page  (RpScheduleDocument *self,
                                                     cairo_t            *cr,
                                                     guint               page_nr);
void                rp_schedule_document_free       (RpScheduleDocument *self);

gboolean            rp_schedule_write_pdf_full      (RpStore            *store,
                                                     GArray             *attendee_ids,
                                                     const char         *from,
                                                     const RpScheduleFormat *format,
                                                     const char         *path,
                                                     char              **warnings,
                                                     GError            **error);
GArray             *rp_schedule_list_attendees      (RpStore            *store,
                                                     gint64              programme_id,
                                                     const char         *from,
                                                     GError            **error);
gboolean            rp_schedule_write_pdf           (RpStore            *store,
                                                     GArray             *attendee_ids,
                                                     const char         *from,
                                                     const char         *path,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpSchedule, rp_schedule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpScheduleDocument, rp_schedule_document_free)

G_END_DECLS
