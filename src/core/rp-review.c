/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-review.c: a review held after a move, rating each of the person's outcomes */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-planned-outcome.h"
#include "rp-review.h"
#include "rp-validate.h"

/* Kinds, ratings and who took part ------------------------------------------ */

const char *
rp_review_kind_to_string (RpReviewKind kind)
{
  return kind == RP_REVIEW_KIND_ANNUAL ? "annual" : "follow-up";
}

gboolean
rp_review_kind_from_string (const char   *text,
                            RpReviewKind *kind)
{
  if (g_strcmp0 (text, "follow-up") == 0)
    *kind = RP_REVIEW_KIND_FOLLOW_UP;
  else if (g_strcmp0 (text, "annual") == 0)
    *kind = RP_REVIEW_KIND_ANNUAL;
  else
    return FALSE;
  return TRUE;
}

const char *
rp_review_kind_get_label (RpReviewKind kind)
{
  return kind == RP_REVIEW_KIND_ANNUAL ? _("Annual review") : _("Follow-up review");
}

static const struct
{
  RpRating    rating;
  const char *word;
} ratings[] = {
  { RP_RATING_MET, "met" },
  { RP_RATING_PARTLY_MET, "partly-met" },
  { RP_RATING_NOT_MET, "not-met" },
};

const char *
rp_rating_to_string (RpRating rating)
{
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    if (ratings[i].rating == rating)
      return ratings[i].word;
  return NULL;
}

gboolean
rp_rating_from_string (const char *text,
                       RpRating   *rating)
{
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    if (g_strcmp0 (text, ratings[i].word) == 0)
      {
        *rating = ratings[i].rating;
        return TRUE;
      }
  return FALSE;
}

const char *
rp_rating_get_label (RpRating rating)
{
  switch (rating)
    {
    case RP_RATING_MET:
      return _("Met");
    case RP_RATING_PARTLY_MET:
      return _("Partly met");
    case RP_RATING_NOT_MET:
      return _("Not met");
    case RP_RATING_NONE:
    default:
      return _("Not rated");
    }
}

static const struct
{
  RpTookPart  flag;
  const char *word;
} took_part_words[] = {
  { RP_TOOK_PART_PERSON, "person" },
  { RP_TOOK_PART_FAMILY, "family" },
  { RP_TOOK_PART_PROVIDER, "provider" },
  { RP_TOOK_PART_ADVOCATE, "advocate" },
};

/**
 * rp_took_part_to_string:
 *
 * Returns: (transfer full) (nullable): the stored words, comma-separated, or %NULL for nobody
 */
char *
rp_took_part_to_string (RpTookPart took_part)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (took_part_words); i++)
    if (took_part & took_part_words[i].flag)
      g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", took_part_words[i].word);

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Unknown words are dropped: the column is written only by this code. */
RpTookPart
rp_took_part_from_string (const char *text)
{
  g_auto(GStrv) words = NULL;
  RpTookPart took_part = RP_TOOK_PART_NONE;

  if (text == NULL)
    return took_part;

  words = g_strsplit (text, ",", -1);
  for (guint w = 0; words[w] != NULL; w++)
    for (guint i = 0; i < G_N_ELEMENTS (took_part_words); i++)
      if (g_str_equal (g_strstrip (words[w]), took_part_words[i].word))
        took_part |= took_part_words[i].flag;

  return took_part;
}

/**
 * rp_took_part_describe:
 *
 * Returns: (transfer full): who took part in plain words, such as
 *   "the person, their family"
 */
char *
rp_took_part_describe (RpTookPart took_part)
{
  const char *labels[] = {
    N_("the person"), N_("their family"), N_("the provider"), N_("an advocate"),
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (took_part_words); i++)
    if (took_part & took_part_words[i].flag)
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", _(labels[i]));

  if (text->len == 0)
    g_string_append (text, _("nobody besides the reviewer"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The review ---------------------------------------------------------------- */

struct _RpReview
{
  GObject parent_instance;

  gint64 id;
  gint64 attendee_id;
  RpReviewKind kind;
  char *held_on;
  gint64 reviewer_id;
  char *reviewer_name;
  RpTookPart took_part;
  gboolean placement_continues;
  char *actions;
  char *notes;
  GArray *ratings;  /* RpOutcomeRating */
};

G_DEFINE_FINAL_TYPE (RpReview, rp_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ATTENDEE_ID,
  PROP_HELD_ON,
  PROP_REVIEWER_ID,
  PROP_REVIEWER_NAME,
  PROP_PLACEMENT_CONTINUES,
  PROP_ACTIONS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_rating (gpointer data)
{
  RpOutcomeRating *rating = data;

  g_clear_pointer (&rating->description, g_free);
  g_clear_pointer (&rating->note, g_free);
}

static void
rp_review_finalize (GObject *object)
{
  RpReview *self = RP_REVIEW (object);

  g_clear_pointer (&self->held_on, g_free);
  g_clear_pointer (&self->reviewer_name, g_free);
  g_clear_pointer (&self->actions, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->ratings, g_array_unref);

  G_OBJECT_CLASS (rp_review_parent_class)->finalize (object);
}

static void
rp_review_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RpReview *self = RP_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ATTENDEE_ID:
      g_value_set_int64 (value, self->attendee_id);
      break;
    case PROP_HELD_ON:
      g_value_set_string (value, self->held_on);
      break;
    case PROP_REVIEWER_ID:
      g_value_set_int64 (value, self->reviewer_id);
      break;
    case PROP_REVIEWER_NAME:
      g_value_set_string (value, self->reviewer_name);
      break;
    case PROP_PLACEMENT_CONTINUES:
      g_value_set_boolean (value, self->placement_continues);
      break;
    case PROP_ACTIONS:
      g_value_set_string (value, self->actions);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_review_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RpReview *self = RP_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_review_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ATTENDEE_ID:
      rp_review_set_attendee_id (self, g_value_get_int64 (value));
      break;
    case PROP_HELD_ON:
      rp_review_set_held_on (self, g_value_get_string (value));
      break;
    case PROP_REVIEWER_ID:
      rp_review_set_reviewer_id (self, g_value_get_int64 (value));
      break;
    case PROP_REVIEWER_NAME:
      rp_review_set_reviewer_name (self, g_value_get_string (value));
      break;
    case PROP_PLACEMENT_CONTINUES:
      rp_review_set_placement_continues (self, g_value_get_boolean (value));
      break;
    case PROP_ACTIONS:
      rp_review_set_actions (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      rp_review_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_review_class_init (RpReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rp_review_finalize;
  object_class->get_property = rp_review_get_property;
  object_class->set_property = rp_review_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ATTENDEE_ID] = g_param_spec_int64 ("attendee-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HELD_ON] = g_param_spec_string ("held-on", NULL, NULL, NULL, flags);
  properties[PROP_REVIEWER_ID] = g_param_spec_int64 ("reviewer-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REVIEWER_NAME] = g_param_spec_string ("reviewer-name", NULL, NULL, NULL, flags);
  properties[PROP_PLACEMENT_CONTINUES] = g_param_spec_boolean ("placement-continues", NULL, NULL, TRUE, flags);
  properties[PROP_ACTIONS] = g_param_spec_string ("actions", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_review_init (RpReview *self)
{
  self->placement_continues = TRUE;
  self->ratings = g_array_new (FALSE, TRUE, sizeof (RpOutcomeRating));
  g_array_set_clear_func (self->ratings, clear_rating);
}

RpReview *
rp_review_new (void)
{
  return g_object_new (RP_TYPE_REVIEW, NULL);
}

#define INT64_ACCESSORS(field, PROP) \
gint64 \
rp_review_get_##field (RpReview *self) \
{ \
  g_return_val_if_fail (RP_IS_REVIEW (self), 0); \
  return self->field; \
} \
\
void \
rp_review_set_##field (RpReview *self, \
                       gint64    value) \
{ \
  g_return_if_fail (RP_IS_REVIEW (self)); \
  if (self->field == value) \
    return; \
  self->field = value; \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
}

#define STRING_ACCESSORS(field, PROP) \
const char * \
rp_review_get_##field (RpReview *self) \
{ \
  g_return_val_if_fail (RP_IS_REVIEW (self), NULL); \
  return self->field; \
} \
\
void \
rp_review_set_##field (RpReview   *self, \
                       const char *value) \
{ \
  g_return_if_fail (RP_IS_REVIEW (self)); \
  if (value != NULL && value[0] == '\0') \
    value = NULL; \
  if (rp_set_string (&self->field, value)) \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
}

INT64_ACCESSORS (id, PROP_ID)
INT64_ACCESSORS (attendee_id, PROP_ATTENDEE_ID)
INT64_ACCESSORS (reviewer_id, PROP_REVIEWER_ID)
STRING_ACCESSORS (held_on, PROP_HELD_ON)
STRING_ACCESSORS (reviewer_name, PROP_REVIEWER_NAME)
STRING_ACCESSORS (actions, PROP_ACTIONS)
STRING_ACCESSORS (notes, PROP_NOTES)

#undef INT64_ACCESSORS
#undef STRING_ACCESSORS

RpReviewKind
rp_review_get_kind (RpReview *self)
{
  g_return_val_if_fail (RP_IS_REVIEW (self), RP_REVIEW_KIND_FOLLOW_UP);
  return self->kind;
}

void
rp_review_set_kind (RpReview     *self,
                    RpReviewKind  value)
{
  g_return_if_fail (RP_IS_REVIEW (self));
  self->kind = value;
}

RpTookPart
rp_review_get_took_part (RpReview *self)
{
  g_return_val_if_fail (RP_IS_REVIEW (self), RP_TOOK_PART_NONE);
  return self->took_part;
}

void
rp_review_set_took_part (RpReview   *self,
                         RpTookPart  value)
{
  g_return_if_fail (RP_IS_REVIEW (self));
  self->took_part = value & RP_TOOK_PART_ALL;
}

gboolean
rp_review_get_placement_continues (RpReview *self)
{
  g_return_val_if_fail (RP_IS_REVIEW (self), TRUE);
  return self->placement_continues;
}

void
rp_review_set_placement_continues (RpReview *self,
                                   gboolean  value)
{
  g_return_if_fail (RP_IS_REVIEW (self));
  value = !!value;
  if (self->placement_continues == value)
    return;
  self->placement_continues = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEMENT_CONTINUES]);
}

guint
rp_review_get_n_ratings (RpReview *self)
{
  g_return_val_if_fail (RP_IS_REVIEW (self), 0);
  return self->ratings->len;
}

const RpOutcomeRating *
rp_review_get_rating (RpReview *self,
                      guint     index)
{
  g_return_val_if_fail (RP_IS_REVIEW (self), NULL);
  g_return_val_if_fail (index < self->ratings->len, NULL);
  return &g_array_index (self->ratings, RpOutcomeRating, index);
}

const RpOutcomeRating *
rp_review_find_rating (RpReview *self,
                       gint64    outcome_id)
{
  g_return_val_if_fail (RP_IS_REVIEW (self), NULL);

  for (guint i = 0; i < self->ratings->len; i++)
    if (g_array_index (self->ratings, RpOutcomeRating, i).outcome_id == outcome_id)
      return &g_array_index (self->ratings, RpOutcomeRating, i);
  return NULL;
}

void
rp_review_set_rating (RpReview   *self,
                      gint64      outcome_id,
                      const char *description,
                      RpRating    rating,
                      const char *note)
{
  RpOutcomeRating *found = NULL;

  g_return_if_fail (RP_IS_REVIEW (self));

  for (guint i = 0; i < self->ratings->len && found == NULL; i++)
    if (g_array_index (self->ratings, RpOutcomeRating, i).outcome_id == outcome_id)
      found = &g_array_index (self->ratings, RpOutcomeRating, i);

  if (found == NULL)
    {
      RpOutcomeRating blank = { outcome_id, NULL, RP_RATING_NONE, NULL };

      g_array_append_val (self->ratings, blank);
      found = &g_array_index (self->ratings, RpOutcomeRating, self->ratings->len - 1);
    }

  if (description != NULL)
    rp_set_string (&found->description, description);
  found->rating = rating;
  rp_set_string (&found->note, note != NULL && note[0] != '\0' ? note : NULL);
}

void
rp_review_count_ratings (RpReview *self,
                         guint    *met,
                         guint    *partly_met,
                         guint    *not_met)
{
  guint counts[4] = { 0, };

  g_return_if_fail (RP_IS_REVIEW (self));

  for (guint i = 0; i < self->ratings->len; i++)
    counts[g_array_index (self->ratings, RpOutcomeRating, i).rating]++;

  if (met != NULL)
    *met = counts[RP_RATING_MET];
  if (partly_met != NULL)
    *partly_met = counts[RP_RATING_PARTLY_MET];
  if (not_met != NULL)
    *not_met = counts[RP_RATING_NOT_MET];
}

/**
 * rp_review_validate:
 *
 * Checks what the review says of itself; the store checks it against the
 * person's move and outcomes.
 */
gboolean
rp_review_validate (RpReview  *self,
                    GError   **error)
{
  g_return_val_if_fail (RP_IS_REVIEW (self), FALSE);

  if (self->held_on == NULL)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Enter the date the review was held."));
      return FALSE;
    }

  if (!rp_date_check (self->held_on, _("The date of the review"), error) ||
      !rp_check_text (self->actions, RP_LONG_TEXT_MAX, _("The actions"), error) ||
      !rp_check_text (self->notes, RP_LONG_TEXT_MAX, _("The notes"), error))
    return FALSE;

  for (guint i = 0; i < self->ratings->len; i++)
    {
      const RpOutcomeRating *rating = &g_array_index (self->ratings, RpOutcomeRating, i);

      if (rating->rating == RP_RATING_NONE)
        {
          if (rating->description != NULL)
            g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                         _("Say whether “%s” was met, partly met or not met."), rating->description);
          else
            g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                                 _("Say whether each outcome was met, partly met or not met."));
          return FALSE;
        }

      if (!rp_check_text (rating->note, RP_LONG_TEXT_MAX, _("The note on an outcome"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
refuse (RpReviewPart *part,
        RpReviewPart  which)
{
  if (part != NULL)
    *part = which;
  return FALSE;
}

/**
 * rp_review_check_for:
 * @attendee: the person reviewed, as the store has them now
 * @who: how messages name the person: their name, or "Attendee 12" where
 *   a name must not be shown
 * @outcomes: (element-type RpPlannedOutcome): the outcomes in their plan
 * @today: ISO date
 * @part: (out) (optional): which part of the review is refused
 *
 * Checks the review against the person's move and plan: it follows a move,
 * is dated between the move and today, is the only follow-up review since
 * the move, and rates every outcome in the plan and no other. The store
 * checks each review so before it records it; an import checks each row so
 * before it writes anything.
 */
gboolean
rp_review_check_for (RpReview     *self,
                     RpAttendee   *attendee,
                     const char   *who,
                     GListModel   *outcomes,
                     const char   *today,
                     RpReviewPart *part,
                     GError      **error)
{
  const char *moved_on;
  const char *held_on;
  guint n;

  g_return_val_if_fail (RP_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (outcomes), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  moved_on = rp_attendee_get_outcome_date (attendee);
  held_on = self->held_on;

  if (rp_attendee_get_outcome (attendee) != RP_OUTCOME_MOVED || moved_on == NULL)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("%s has not moved yet: a review follows a move. Record the move first."), who);
      return refuse (part, RP_REVIEW_PART_PERSON);
    }

  if (rp_date_compare (held_on, moved_on) < 0)
    {
      g_autofree char *when = rp_date_format_long (moved_on);

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("A review cannot be dated before the move on %s."), when);
      return refuse (part, RP_REVIEW_PART_DATE);
    }

  if (rp_date_compare (held_on, today) > 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("A review cannot be dated in the future: record it on the day it is held."));
      return refuse (part, RP_REVIEW_PART_DATE);
    }

  if (self->kind == RP_REVIEW_KIND_FOLLOW_UP &&
      rp_attendee_get_follow_up_held_on (attendee) != NULL &&
      rp_date_compare (rp_attendee_get_follow_up_held_on (attendee), moved_on) >= 0)
    {
      g_autofree char *when = rp_date_format_long (rp_attendee_get_follow_up_held_on (attendee));

      g_set_error (error, RP_ERROR, RP_ERROR_DUPLICATE,
                   _("The follow-up review since the move was held on %s. Record this one as an annual review."),
                   when);
      return refuse (part, RP_REVIEW_PART_KIND);
    }

  /* Every outcome in the plan is rated, and only those. */
  n = g_list_model_get_n_items (outcomes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, i);
      const RpOutcomeRating *rating = rp_review_find_rating (self, rp_planned_outcome_get_id (outcome));

      if (rating == NULL || rating->rating == RP_RATING_NONE)
        {
          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("Say whether “%s” was met, partly met or not met."),
                       rp_planned_outcome_get_description (outcome));
          return refuse (part, RP_REVIEW_PART_OUTCOMES);
        }
    }

  for (guint i = 0; i < self->ratings->len; i++)
    {
      const RpOutcomeRating *rating = &g_array_index (self->ratings, RpOutcomeRating, i);
      gboolean known = FALSE;

      for (guint j = 0; j < n && !known; j++)
        {
          g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, j);
          known = rp_planned_outcome_get_id (outcome) == rating->outcome_id;
        }

      if (!known)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_CONFLICT,
                               _("One of the outcomes rated is no longer in the person’s plan: "
                                 "someone changed the plan. Open the review again."));
          return refuse (part, RP_REVIEW_PART_OUTCOMES);
        }
    }

  return TRUE;
}
