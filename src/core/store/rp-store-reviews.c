/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-reviews.c: after the move — the outcomes in a person's moving
 * plan, the reviews that rate them, and moves to interim provision */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-moving-plan.h"
#include "rp-store-internal.h"

/* The attendee columns of issue 17's interim moves and reviews ---------------- */

void
read_after_move_columns (RpAttendee   *attendee,
                         RpStmt       *stmt,
                         int           first)
{
  rp_attendee_set_interim (attendee, rp_stmt_column_int (stmt, first));
  rp_attendee_set_permanent_provider_id (attendee, rp_stmt_column_int64 (stmt, first + 1));
  rp_attendee_set_permanent_date (attendee, column_text (stmt, first + 2));
  rp_attendee_set_follow_up_held_on (attendee, column_text (stmt, first + 3));
  rp_attendee_set_last_review_on (attendee, column_text (stmt, first + 4));
}

static gboolean
provider_exists (RpStore  *self,
                 gint64    provider_id,
                 GError  **error)
{
  guint found = 0;

  if (!count_query (self, "SELECT count(*) FROM provider WHERE id = ?", provider_id, NULL, &found, error))
    return FALSE;
  if (found == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                           _("The provider of the permanent place no longer exists. Choose another provider."));
      return FALSE;
    }
  return TRUE;
}

/* Written beside the attendee's other columns, in the same transaction. */
gboolean
write_after_move_columns (RpStore     *self,
                          gint64       attendee_id,
                          RpAttendee  *attendee,
                          gboolean     clearing,
                          GError     **error)
{
  g_autoptr(RpAttendee) cleared = NULL;
  RpStmt *stmt;

  /* A departure, or a move taken back, ends an interim place. */
  if (rp_attendee_get_outcome (attendee) != RP_OUTCOME_MOVED && rp_attendee_get_interim (attendee))
    {
      attendee = cleared = rp_attendee_copy (attendee);
      rp_attendee_set_interim (cleared, FALSE);
      rp_attendee_set_permanent_provider_id (cleared, 0);
      rp_attendee_set_permanent_date (cleared, NULL);
      clearing = TRUE;
    }

  /* Nothing of an interim move to write: touch no column, so that stores
   * opened at an older schema (in tests of migrations) still take attendees. */
  if (!rp_attendee_get_interim (attendee) && rp_attendee_get_permanent_provider_id (attendee) <= 0 &&
      rp_attendee_get_permanent_date (attendee) == NULL && !clearing)
    return TRUE;

  if (rp_attendee_get_permanent_provider_id (attendee) > 0 &&
      !provider_exists (self, rp_attendee_get_permanent_provider_id (attendee), error))
    return FALSE;

  stmt = store_prepare (self,
                        "UPDATE attendee SET interim = ?, permanent_provider_id = ?, permanent_date = ?"
                        " WHERE id = ? AND (interim IS NOT ? OR permanent_provider_id IS NOT ?"
                        "  OR permanent_date IS NOT ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int (stmt, 1, rp_attendee_get_interim (attendee) ? 1 : 0);
  bind_id (stmt, 2, rp_attendee_get_permanent_provider_id (attendee));
  bind_text (stmt, 3, rp_attendee_get_permanent_date (attendee));
  rp_stmt_bind_int64 (stmt, 4, attendee_id);
  rp_stmt_bind_int (stmt, 5, rp_attendee_get_interim (attendee) ? 1 : 0);
  bind_id (stmt, 6, rp_attendee_get_permanent_provider_id (attendee));
  bind_text (stmt, 7, rp_attendee_get_permanent_date (attendee));
  return step_done (self, stmt, error);
}

/* Planned outcomes --------------------------------------------------------- */

#define OUTCOME_COLUMNS "id, attendee_id, description, position, written_on"

static gpointer
outcome_from_row (RpStmt *stmt)
{
  RpPlannedOutcome *outcome = rp_planned_outcome_new ();

  rp_planned_outcome_set_id (outcome, rp_stmt_column_int64 (stmt, 0));
  rp_planned_outcome_set_attendee_id (outcome, rp_stmt_column_int64 (stmt, 1));
  rp_planned_outcome_set_description (outcome, column_text (stmt, 2));
  rp_planned_outcome_set_position (outcome, rp_stmt_column_int (stmt, 3));
  rp_planned_outcome_set_written_on (outcome, column_text (stmt, 4));
  return outcome;
}

/**
 * rp_store_list_planned_outcomes:
 *
 * Returns: (transfer full): a #GListModel of #RpPlannedOutcome, in the plan's order
 */
GListModel *
rp_store_list_planned_outcomes (RpStore  *self,
                                gint64    attendee_id,
                                GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " OUTCOME_COLUMNS " FROM planned_outcome WHERE attendee_id = ?"
                        " ORDER BY position, id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  return collect_rows (self, stmt, RP_TYPE_PLANNED_OUTCOME, outcome_from_row, error);
}

static gboolean
attendee_exists (RpStore  *self,
                 gint64    attendee_id,
                 GError  **error)
{
  guint found = 0;

  if (!count_query (self, "SELECT count(*) FROM attendee WHERE id = ?", attendee_id, NULL, &found, error))
    return FALSE;
  if (found == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The attendee no longer exists."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_new_outcome (RpStore  *self,
                   gpointer  data,
                   GError  **error)
{
  RpPlannedOutcome *outcome = data;
  g_autofree char *today = rp_store_dup_today (self);
  g_autofree char *description = NULL;
  guint last = 0;
  RpStmt *stmt;

  if (!attendee_exists (self, rp_planned_outcome_get_attendee_id (outcome), error))
    return FALSE;

  if (!count_query (self, "SELECT coalesce (max (position), 0) FROM planned_outcome WHERE attendee_id = ?",
                    rp_planned_outcome_get_attendee_id (outcome), NULL, &last, error))
    return FALSE;

  if (rp_planned_outcome_get_written_on (outcome) == NULL)
    rp_planned_outcome_set_written_on (outcome, today);
  rp_planned_outcome_set_position (outcome, last + 1);
  description = g_strstrip (g_strdup (rp_planned_outcome_get_description (outcome)));

  stmt = store_prepare (self,
                        "INSERT INTO planned_outcome (attendee_id, description, position, written_on)"
                        " VALUES (?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, rp_planned_outcome_get_attendee_id (outcome));
  bind_text (stmt, 2, description);
  rp_stmt_bind_int (stmt, 3, last + 1);
  bind_text (stmt, 4, rp_planned_outcome_get_written_on (outcome));
  if (!step_done (self, stmt, error))
    return FALSE;

  rp_planned_outcome_set_id (outcome, store_last_insert_id (self));
  rp_planned_outcome_set_description (outcome, description);
  return TRUE;
}

static void
set_outcome_id (gpointer item,
                gint64   id)
{
  rp_planned_outcome_set_id (item, id);
}

static gboolean
validate_outcome (gpointer   item,
                  GError   **error)
{
  return rp_planned_outcome_validate (item, error);
}

/**
 * rp_store_add_planned_outcome:
 * @outcome: a new outcome (id 0) with its attendee and description set
 *
 * Adds the outcome at the end of the person's list, written today unless
 * its date is set.
 */
gboolean
rp_store_add_planned_outcome (RpStore           *self,
                              RpPlannedOutcome  *outcome,
                              GError           **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PLANNED_OUTCOME (outcome), FALSE);
  g_return_val_if_fail (rp_planned_outcome_get_id (outcome) == 0, FALSE);

  return store_add (self, outcome, validate_outcome, write_new_outcome, set_outcome_id, error);
}

static gboolean
write_outcome_text (RpStore  *self,
                    gpointer  data,
                    GError  **error)
{
  RpPlannedOutcome *outcome = data;
  g_autofree char *description = g_strstrip (g_strdup (rp_planned_outcome_get_description (outcome)));
  RpStmt *stmt;

  stmt = store_prepare (self, "UPDATE planned_outcome SET description = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, description);
  rp_stmt_bind_int64 (stmt, 2, rp_planned_outcome_get_id (outcome));
  if (!step_done (self, stmt, error))
    return FALSE;

  if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The outcome no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/**
 * rp_store_save_planned_outcome:
 *
 * Saves the outcome's wording. Its ratings at earlier reviews stay with it.
 */
gboolean
rp_store_save_planned_outcome (RpStore           *self,
                               RpPlannedOutcome  *outcome,
                               GError           **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PLANNED_OUTCOME (outcome), FALSE);

  if (!rp_planned_outcome_validate (outcome, error))
    return FALSE;

  return store_write (self, write_outcome_text, outcome, error);
}

typedef struct
{
  gint64 outcome_id;
  int    offset;
} MoveOutcome;

static gint64
outcome_attendee (RpStore *self,
                  gint64   outcome_id,
                  GError **error)
{
  RpStmt *stmt = store_prepare (self, "SELECT attendee_id FROM planned_outcome WHERE id = ?", error);
  gint64 attendee_id = 0;

  if (stmt == NULL)
    return -1;

  rp_stmt_bind_int64 (stmt, 1, outcome_id);
  if (rp_stmt_step (stmt) == RP_STMT_ROW)
    attendee_id = rp_stmt_column_int64 (stmt, 0);
  rp_stmt_reset (stmt);

  if (attendee_id == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The outcome no longer exists."));
      return -1;
    }
  return attendee_id;
}

static gboolean
write_move_outcome (RpStore  *self,
                    gpointer  data,
                    GError  **error)
{
  MoveOutcome *move = data;
  g_autoptr(GListModel) outcomes = NULL;
  g_autoptr(GPtrArray) order = NULL;
  gint64 attendee_id;
  RpStmt *stmt;
  guint n, from = 0;
  int to;

  if ((attendee_id = outcome_attendee (self, move->outcome_id, error)) < 0)
    return FALSE;

  if (!(outcomes = rp_store_list_planned_outcomes (self, attendee_id, error)))
    return FALSE;

  n = g_list_model_get_n_items (outcomes);
  order = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      RpPlannedOutcome *outcome = g_list_model_get_item (outcomes, i);

      if (rp_planned_outcome_get_id (outcome) == move->outcome_id)
        from = i;
      g_ptr_array_add (order, outcome);
    }

  to = CLAMP ((int) from + move->offset, 0, (int) n - 1);
  if ((guint) to != from)
    {
      gpointer moved = g_ptr_array_steal_index (order, from);

      g_ptr_array_insert (order, to, moved);
    }

  /* Renumber 1..n in the new order, so positions stay tidy. */
  stmt = store_prepare (self, "UPDATE planned_outcome SET position = ? WHERE id = ? AND position IS NOT ?", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      rp_stmt_bind_int (stmt, 1, i + 1);
      rp_stmt_bind_int64 (stmt, 2, rp_planned_outcome_get_id (order->pdata[i]));
      rp_stmt_bind_int (stmt, 3, i + 1);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rp_store_move_planned_outcome:
 * @offset: how many places to move: -1 up, 1 down
 *
 * Moves an outcome within the person's list.
 */
gboolean
rp_store_move_planned_outcome (RpStore  *self,
                               gint64    outcome_id,
                               int       offset,
                               GError  **error)
{
  MoveOutcome move = { outcome_id, offset };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_write (self, write_move_outcome, &move, error);
}

static gboolean
write_delete_outcome (RpStore  *self,
                      gpointer  data,
                      GError  **error)
{
  gint64 *outcome_id = data;
  RpStmt *stmt;
  g_autofree char *held_on = NULL;

  if (outcome_attendee (self, *outcome_id, error) < 0)
    return FALSE;

  /* A rating is part of a review's record: the outcome it rated stays. */
  stmt = store_prepare (self,
                        "SELECT min (r.held_on) FROM review_outcome ro JOIN review r ON r.id = ro.review_id"
                        " WHERE ro.outcome_id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, *outcome_id);
  if (rp_stmt_step (stmt) == RP_STMT_ROW)
    held_on = g_strdup (column_text (stmt, 0));
  rp_stmt_reset (stmt);

  if (held_on != NULL)
    {
      g_autofree char *when = rp_date_format_long (held_on);

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("This outcome was rated at the review on %s, so it stays as part of that record. "
                     "Change its wording instead, or leave it."), when);
      return FALSE;
    }

  stmt = store_prepare (self, "DELETE FROM planned_outcome WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, *outcome_id);
  return step_done (self, stmt, error);
}

/**
 * rp_store_delete_planned_outcome:
 *
 * Deletes an outcome no review has rated yet.
 */
gboolean
rp_store_delete_planned_outcome (RpStore  *self,
                                 gint64    outcome_id,
                                 GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_write (self, write_delete_outcome, &outcome_id, error);
}

/* Reviews ------------------------------------------------------------------ */

static gpointer
review_from_row (RpStmt *stmt)
{
  RpReview *review = rp_review_new ();
  RpReviewKind kind = RP_REVIEW_KIND_FOLLOW_UP;

  rp_review_kind_from_string (column_text (stmt, 2), &kind);
  rp_review_set_id (review, rp_stmt_column_int64 (stmt, 0));
  rp_review_set_attendee_id (review, rp_stmt_column_int64 (stmt, 1));
  rp_review_set_kind (review, kind);
  rp_review_set_held_on (review, column_text (stmt, 3));
  rp_review_set_reviewer_id (review, rp_stmt_column_int64 (stmt, 4));
  rp_review_set_reviewer_name (review, column_text (stmt, 5));
  rp_review_set_took_part (review, rp_took_part_from_string (column_text (stmt, 6)));
  rp_review_set_placement_continues (review, rp_stmt_column_is_null (stmt, 7)
                                             || rp_stmt_column_int (stmt, 7) != 0);
  rp_review_set_actions (review, column_text (stmt, 8));
  rp_review_set_notes (review, column_text (stmt, 9));
  return review;
}

static gboolean
load_ratings (RpStore   *self,
              RpReview  *review,
              GError   **error)
{
  RpStmt *stmt;
  int rc;

  stmt = store_prepare (self,
                        "SELECT ro.outcome_id, o.description, ro.rating, ro.note FROM review_outcome ro"
                        " JOIN planned_outcome o ON o.id = ro.outcome_id WHERE ro.review_id = ?"
                        " ORDER BY o.position, o.id",
                        error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, rp_review_get_id (review));
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      RpRating rating = RP_RATING_NONE;

      rp_rating_from_string (column_text (stmt, 2), &rating);
      rp_review_set_rating (review, rp_stmt_column_int64 (stmt, 0), column_text (stmt, 1),
                            rating, column_text (stmt, 3));
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    return set_error_from_db (self, error);
  return TRUE;
}

/**
 * rp_store_list_reviews:
 *
 * Returns: (transfer full): a #GListModel of #RpReview, newest first, each
 *   with its ratings in the order of the person's outcomes
 */
GListModel *
rp_store_list_reviews (RpStore  *self,
                       gint64    attendee_id,
                       GError  **error)
{
  g_autoptr(GListModel) reviews = NULL;
  RpStmt *stmt;
  guint n;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT r.id, r.attendee_id, r.kind, r.held_on, r.reviewer_id, w.name, r.took_part,"
                        " r.placement_continues, r.actions, r.notes FROM review r"
                        " LEFT JOIN worker w ON w.id = r.reviewer_id WHERE r.attendee_id = ?"
                        " ORDER BY r.held_on DESC, r.id DESC",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  if (!(reviews = collect_rows (self, stmt, RP_TYPE_REVIEW, review_from_row, error)))
    return NULL;

  n = g_list_model_get_n_items (reviews);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpReview) review = g_list_model_get_item (reviews, i);

      if (!load_ratings (self, review, error))
        return NULL;
    }

  return g_steal_pointer (&reviews);
}

static gboolean
check_review (RpStore     *self,
              RpReview    *review,
              RpAttendee  *attendee,
              const char  *today,
              GError     **error)
{
  g_autoptr(GListModel) outcomes = NULL;
  const char *moved_on = rp_attendee_get_outcome_date (attendee);
  const char *held_on = rp_review_get_held_on (review);
  guint n;

  if (rp_attendee_get_outcome (attendee) != RP_OUTCOME_MOVED || moved_on == NULL)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("%s has not moved yet: a review follows a move. Record the move first."),
                   rp_attendee_get_display_name (attendee));
      return FALSE;
    }

  if (rp_date_compare (held_on, moved_on) < 0)
    {
      g_autofree char *when = rp_date_format_long (moved_on);

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("A review cannot be dated before the move on %s."), when);
      return FALSE;
    }

  if (rp_date_compare (held_on, today) > 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("A review cannot be dated in the future: record it on the day it is held."));
      return FALSE;
    }

  if (rp_review_get_reviewer_id (review) <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Choose who held the review."));
      return FALSE;
    }
  else
    {
      guint found = 0;

      if (!count_query (self, "SELECT count(*) FROM worker WHERE id = ?",
                        rp_review_get_reviewer_id (review), NULL, &found, error))
        return FALSE;
      if (found == 0)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                               _("The reviewer no longer exists. Choose another worker."));
          return FALSE;
        }
    }

  if (rp_review_get_kind (review) == RP_REVIEW_KIND_FOLLOW_UP &&
      rp_attendee_get_follow_up_held_on (attendee) != NULL &&
      rp_date_compare (rp_attendee_get_follow_up_held_on (attendee), moved_on) >= 0)
    {
      g_autofree char *when = rp_date_format_long (rp_attendee_get_follow_up_held_on (attendee));

      g_set_error (error, RP_ERROR, RP_ERROR_DUPLICATE,
                   _("The follow-up review since the move was held on %s. Record this one as an annual review."),
                   when);
      return FALSE;
    }

  /* Every outcome in the plan is rated, and only those. */
  if (!(outcomes = rp_store_list_planned_outcomes (self, rp_attendee_get_id (attendee), error)))
    return FALSE;

  n = g_list_model_get_n_items (outcomes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, i);
      const RpOutcomeRating *rating = rp_review_find_rating (review, rp_planned_outcome_get_id (outcome));

      if (rating == NULL || rating->rating == RP_RATING_NONE)
        {
          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("Say whether “%s” was met, partly met or not met."),
                       rp_planned_outcome_get_description (outcome));
          return FALSE;
        }
    }

  for (guint i = 0; i < rp_review_get_n_ratings (review); i++)
    {
      const RpOutcomeRating *rating = rp_review_get_rating (review, i);
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
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_review (RpStore  *self,
              gpointer  data,
              GError  **error)
{
  RpReview *review = data;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autofree char *today = rp_store_dup_today (self);
  g_autofree char *took_part = rp_took_part_to_string (rp_review_get_took_part (review));
  RpStmt *stmt;
  gint64 review_id;

  if (!(attendee = rp_store_get_attendee (self, rp_review_get_attendee_id (review), error)))
    return FALSE;

  if (!check_review (self, review, attendee, today, error))
    return FALSE;

  stmt = store_prepare (self,
                        "INSERT INTO review (attendee_id, kind, held_on, reviewer_id, took_part,"
                        " placement_continues, actions, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, rp_review_get_attendee_id (review));
  bind_text (stmt, 2, rp_review_kind_to_string (rp_review_get_kind (review)));
  bind_text (stmt, 3, rp_review_get_held_on (review));
  bind_id (stmt, 4, rp_review_get_reviewer_id (review));
  bind_text (stmt, 5, took_part);
  rp_stmt_bind_int (stmt, 6, rp_review_get_placement_continues (review) ? 1 : 0);
  bind_text (stmt, 7, rp_review_get_actions (review));
  bind_text (stmt, 8, rp_review_get_notes (review));
  if (!step_done (self, stmt, error))
    return FALSE;

  review_id = store_last_insert_id (self);

  stmt = store_prepare (self,
                        "INSERT INTO review_outcome (review_id, outcome_id, rating, note) VALUES (?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < rp_review_get_n_ratings (review); i++)
    {
      const RpOutcomeRating *rating = rp_review_get_rating (review, i);

      rp_stmt_bind_int64 (stmt, 1, review_id);
      rp_stmt_bind_int64 (stmt, 2, rating->outcome_id);
      bind_text (stmt, 3, rp_rating_to_string (rating->rating));
      bind_text (stmt, 4, rating->note);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  /* Step 6 is "Follow up as part of review": the follow-up review reaches
   * it, through the step history and its rules, in this same transaction. */
  if (rp_review_get_kind (review) == RP_REVIEW_KIND_FOLLOW_UP &&
      rp_attendee_get_step (attendee) != RP_MOVING_PLAN_LAST_STEP &&
      !rp_store_change_step (self, rp_attendee_get_id (attendee), RP_MOVING_PLAN_LAST_STEP,
                             rp_review_get_held_on (review), _("Follow-up review held"), error))
    return FALSE;

  rp_review_set_id (review, review_id);
  return TRUE;
}

/**
 * rp_store_record_review:
 * @review: a new review (id 0) with its attendee, date, reviewer and a
 *   rating for every one of the person's outcomes
 *
 * Records the review in one transaction. A follow-up review also moves
 * the attendee to step 6, dated the day of the review, through the step
 * history; if anything is refused, nothing is written.
 */
gboolean
rp_store_record_review (RpStore   *self,
                        RpReview  *review,
                        GError   **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (rp_review_get_id (review) == 0, FALSE);

  if (!rp_review_validate (review, error))
    return FALSE;

  if (!store_write (self, write_review, review, error))
    {
      rp_review_set_id (review, 0);
      return FALSE;
    }
  return TRUE;
}

/* Interim moves ------------------------------------------------------------ */

typedef struct
{
  gint64      attendee_id;
  gint64      provider_id;
  const char *date;
  gint64      permanent_provider_id;
  const char *permanent_date;
} InterimMove;

static gboolean
write_interim (RpStore  *self,
               gpointer  data,
               GError  **error)
{
  InterimMove *move = data;
  g_autoptr(RpAttendee) attendee = NULL;

  if (!rp_store_record_move (self, move->attendee_id, move->provider_id, move->date, error))
    return FALSE;

  if (!(attendee = rp_store_get_attendee (self, move->attendee_id, error)))
    return FALSE;

  rp_attendee_set_interim (attendee, TRUE);
  rp_attendee_set_permanent_provider_id (attendee, move->permanent_provider_id);
  rp_attendee_set_permanent_date (attendee, move->permanent_date);

  if (!rp_attendee_validate (attendee, error))
    return FALSE;

  if (move->permanent_date != NULL && rp_date_compare (move->permanent_date, move->date) < 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The permanent move cannot be planned before the interim move."));
      return FALSE;
    }

  return write_after_move_columns (self, move->attendee_id, attendee, TRUE, error);
}

/**
 * rp_store_record_interim_move:
 * @provider_id: the provider of the interim place
 * @date_iso: the day of the move, not in the future
 * @permanent_provider_id: the provider of the permanent place planned
 * @permanent_date_iso: (nullable): when the permanent move is planned, if known
 *
 * Records a move to interim provision, in one transaction: the person has
 * moved, and stays on the worklist until rp_store_record_permanent_move().
 */
gboolean
rp_store_record_interim_move (RpStore     *self,
                              gint64       attendee_id,
                              gint64       provider_id,
                              const char  *date_iso,
                              gint64       permanent_provider_id,
                              const char  *permanent_date_iso,
                              GError     **error)
{
  InterimMove move = { attendee_id, provider_id, date_iso, permanent_provider_id, permanent_date_iso };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (permanent_provider_id <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("An interim move needs the provider of the permanent place planned."));
      return FALSE;
    }

  return store_write (self, write_interim, &move, error);
}

typedef struct
{
  gint64      attendee_id;
  gint64      provider_id;
  const char *date;
} PermanentMove;

static gboolean
write_permanent (RpStore  *self,
                 gpointer  data,
                 GError  **error)
{
  PermanentMove *move = data;
  g_autoptr(RpAttendee) attendee = NULL;
  gint64 provider_id;

  if (!(attendee = rp_store_get_attendee (self, move->attendee_id, error)))
    return FALSE;

  if (!rp_attendee_get_interim (attendee) || rp_attendee_get_outcome (attendee) != RP_OUTCOME_MOVED)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("%s is not in an interim place: there is no permanent move to record."),
                   rp_attendee_get_display_name (attendee));
      return FALSE;
    }

  if (rp_date_compare (move->date, rp_attendee_get_outcome_date (attendee)) < 0)
    {
      g_autofree char *when = rp_date_format_long (rp_attendee_get_outcome_date (attendee));

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("The permanent move cannot be dated before the interim move on %s."), when);
      return FALSE;
    }

  provider_id = move->provider_id > 0 ? move->provider_id : rp_attendee_get_permanent_provider_id (attendee);

  /* The move is now the permanent one: its date starts the follow-up review's weeks. */
  rp_attendee_set_interim (attendee, FALSE);
  rp_attendee_set_permanent_provider_id (attendee, 0);
  rp_attendee_set_permanent_date (attendee, NULL);
  if (!write_after_move_columns (self, move->attendee_id, attendee, TRUE, error))
    return FALSE;

  return rp_store_record_move (self, move->attendee_id, provider_id, move->date, error);
}

/**
 * rp_store_record_permanent_move:
 * @provider_id: the provider of the permanent place, or 0 for the one planned
 * @date_iso: the day of the permanent move, not in the future nor before the interim one
 *
 * Makes an interim move permanent: the person is recorded as moved to
 * the permanent place on @date_iso, and leaves the interim worklist.
 */
gboolean
rp_store_record_permanent_move (RpStore     *self,
                                gint64       attendee_id,
                                gint64       provider_id,
                                const char  *date_iso,
                                GError     **error)
{
  PermanentMove move = { attendee_id, provider_id, date_iso };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!rp_date_is_valid_iso (date_iso))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Enter the date of the permanent move."));
      return FALSE;
    }

  return store_write (self, write_permanent, &move, error);
}
