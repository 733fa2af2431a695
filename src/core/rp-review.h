/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-review.h: a review held after a move, rating each of the person's outcomes */
#pragma once

#include <gio/gio.h>

#include "rp-attendee.h"

G_BEGIN_DECLS

typedef enum
{
  RP_REVIEW_KIND_FOLLOW_UP,  /* the first review, some weeks after the move */
  RP_REVIEW_KIND_ANNUAL,
} RpReviewKind;

typedef enum
{
  RP_RATING_NONE,        /* not rated yet: a review cannot be saved so */
  RP_RATING_MET,
  RP_RATING_PARTLY_MET,
  RP_RATING_NOT_MET,
} RpRating;

/* Who took part in the review, besides the reviewer. */
typedef enum
{
  RP_TOOK_PART_NONE     = 0,
  RP_TOOK_PART_PERSON   = 1 << 0,
  RP_TOOK_PART_FAMILY   = 1 << 1,
  RP_TOOK_PART_PROVIDER = 1 << 2,
  RP_TOOK_PART_ADVOCATE = 1 << 3,
} RpTookPart;

#define RP_TOOK_PART_ALL (RP_TOOK_PART_PERSON | RP_TOOK_PART_FAMILY | RP_TOOK_PART_PROVIDER | RP_TOOK_PART_ADVOCATE)

/* How one outcome was rated at a review. */
typedef struct
{
  gint64    outcome_id;
  char     *description;  /* the outcome as written, for showing */
  RpRating  rating;
  char     *note;
} RpOutcomeRating;

/* Stable words stored in the database; never translated. */
const char *rp_review_kind_to_string   (RpReviewKind  kind);
gboolean    rp_review_kind_from_string (const char   *text,
                                        RpReviewKind *kind);
const char *rp_review_kind_get_label   (RpReviewKind  kind);
const char *rp_rating_to_string        (RpRating      rating);
gboolean    rp_rating_from_string      (const char   *text,
                                        RpRating     *rating);
const char *rp_rating_get_label        (RpRating      rating);
char       *rp_took_part_to_string     (RpTookPart    took_part);
RpTookPart  rp_took_part_from_string   (const char   *text);
char       *rp_took_part_describe      (RpTookPart    took_part);

#define RP_TYPE_REVIEW (rp_review_get_type ())

G_DECLARE_FINAL_TYPE (RpReview, rp_review, RP, REVIEW, GObject)

RpReview     *rp_review_new                     (void);
gint64        rp_review_get_id                  (RpReview    *self);
void          rp_review_set_id                  (RpReview    *self,
                                                 gint64       value);
gint64        rp_review_get_attendee_id         (RpReview    *self);
void          rp_review_set_attendee_id         (RpReview    *self,
                                                 gint64       value);
RpReviewKind  rp_review_get_kind                (RpReview    *self);
void          rp_review_set_kind                (RpReview    *self,
                                                 RpReviewKind value);
const char   *rp_review_get_held_on             (RpReview    *self);
void          rp_review_set_held_on             (RpReview    *self,
                                                 const char  *value);
gint64        rp_review_get_reviewer_id         (RpReview    *self);
void          rp_review_set_reviewer_id         (RpReview    *self,
                                                 gint64       value);
const char   *rp_review_get_reviewer_name       (RpReview    *self);
void          rp_review_set_reviewer_name       (RpReview    *self,
                                                 const char  *value);
RpTookPart    rp_review_get_took_part           (RpReview    *self);
void          rp_review_set_took_part           (RpReview    *self,
                                                 RpTookPart   value);
gboolean      rp_review_get_placement_continues (RpReview    *self);
void          rp_review_set_placement_continues (RpReview    *self,
                                                 gboolean     value);
const char   *rp_review_get_actions             (RpReview    *self);
void          rp_review_set_actions             (RpReview    *self,
                                                 const char  *value);
const char   *rp_review_get_notes               (RpReview    *self);
void          rp_review_set_notes               (RpReview    *self,
                                                 const char  *value);

/* The ratings, in the order of the person's outcomes. */
guint                  rp_review_get_n_ratings (RpReview    *self);
const RpOutcomeRating *rp_review_get_rating    (RpReview    *self,
                                                guint        index);
const RpOutcomeRating *rp_review_find_rating   (RpReview    *self,
                                                gint64       outcome_id);
/* Adds or replaces the rating of one outcome. */
void                   rp_review_set_rating    (RpReview    *self,
                                                gint64       outcome_id,
                                                const char  *description,
                                                RpRating     rating,
                                                const char  *note);
void                   rp_review_count_ratings (RpReview    *self,
                                                guint       *met,
                                                guint       *partly_met,
                                                guint       *not_met);
gboolean               rp_review_validate      (RpReview    *self,
                                                GError     **error);

/* Which part of a review rp_review_check_for() refused. */
typedef enum
{
  RP_REVIEW_PART_PERSON,    /* the person has not moved */
  RP_REVIEW_PART_DATE,      /* before the move, or in the future */
  RP_REVIEW_PART_KIND,      /* a second follow-up review */
  RP_REVIEW_PART_OUTCOMES,  /* an outcome not rated, or not in the plan */
} RpReviewPart;

gboolean               rp_review_check_for     (RpReview     *self,
                                                RpAttendee   *attendee,
                                                const char   *who,
                                                GListModel   *outcomes,
                                                const char   *today,
                                                RpReviewPart *part,
                                                GError      **error);

G_END_DECLS
