/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-follow-up.h: when the reviews after a move fall due */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A review is "due" from this many days before its date, so a worker
 * can arrange it with the family and the provider in time. */
#define RP_REVIEW_DUE_SOON_DAYS 14

typedef enum
{
  RP_REVIEW_STATE_NONE,       /* no move yet: no review to hold */
  RP_REVIEW_STATE_SCHEDULED,  /* falls later than RP_REVIEW_DUE_SOON_DAYS from today */
  RP_REVIEW_STATE_DUE,        /* falls within RP_REVIEW_DUE_SOON_DAYS, or today */
  RP_REVIEW_STATE_OVERDUE,    /* its date has passed and it has not been held */
  RP_REVIEW_STATE_DONE,       /* held (the follow-up review only: an annual one recurs) */
} RpReviewState;

char          *rp_follow_up_due_date     (const char  *moved_on,
                                          guint        weeks);
RpReviewState  rp_follow_up_state        (const char  *moved_on,
                                          guint        weeks,
                                          const char  *follow_up_held_on,
                                          const char  *today,
                                          char       **due_on);
RpReviewState  rp_annual_review_state    (const char  *moved_on,
                                          const char  *last_review_on,
                                          const char  *today,
                                          char       **due_on);

G_END_DECLS
