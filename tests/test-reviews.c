/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reviews.c: after the move — outcomes, follow-up reviews reaching
 * step 6 through the step history, interim moves, and their markers */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

#define TODAY "2026-12-05"

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
  gint64       provider_id;
  gint64       other_provider_id;
  gint64       worker_id;
  gint64       attendee_id;
  gint64       outcome_ids[3];
} Fixture;

static const char * const outcome_texts[] = {
  "Keeps seeing friends from the centre",
  "Hydrotherapy each week",
  "Same transport driver",
};

static guint
count_rows (Fixture    *fixture,
            const char *sql)
{
  return rp_test_query_int (fixture->store, sql);
}

static gint64
add_provider (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProvider) provider = rp_provider_new ();

  rp_provider_set_name (provider, name);
  g_assert_true (rp_store_add_provider (fixture->store, provider, &error));
  g_assert_no_error (error);
  return rp_provider_get_id (provider);
}

static gint64
add_attendee (Fixture    *fixture,
              int         number,
              const char *name,
              int         step,
              const char *started_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();

  rp_attendee_set_programme_id (attendee, rp_programme_get_id (fixture->programme));
  rp_attendee_set_number (attendee, number);
  rp_attendee_set_full_name (attendee, name);
  rp_attendee_set_step (attendee, step);
  rp_attendee_set_worker_id (attendee, fixture->worker_id);
  g_assert_true (rp_store_add_attendee (fixture->store, attendee, started_on, &error));
  g_assert_no_error (error);
  return rp_attendee_get_id (attendee);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RpWorker) worker = rp_worker_new ();

  fixture->dir = rp_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, TODAY);
  rp_store_set_user (fixture->store, "jtaylor");

  fixture->programme = rp_programme_new ();
  rp_programme_set_name (fixture->programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (fixture->store, fixture->programme, &error));

  fixture->provider_id = add_provider (fixture, "Mosaic");
  fixture->other_provider_id = add_provider (fixture, "Brook House");

  rp_worker_set_name (worker, "Priya Mistry");
  rp_worker_set_initials (worker, "PM");
  g_assert_true (rp_store_add_worker (fixture->store, worker, &error));
  fixture->worker_id = rp_worker_get_id (worker);
  g_assert_no_error (error);

  /* Siân moved on 1 October, at step 5, with three outcomes in her plan. */
  fixture->attendee_id = add_attendee (fixture, 1, "Siân O’Neill", 5, "2026-09-01");
  for (guint i = 0; i < G_N_ELEMENTS (outcome_texts); i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();

      rp_planned_outcome_set_attendee_id (outcome, fixture->attendee_id);
      rp_planned_outcome_set_description (outcome, outcome_texts[i]);
      g_assert_true (rp_store_add_planned_outcome (fixture->store, outcome, &error));
      g_assert_no_error (error);
      fixture->outcome_ids[i] = rp_planned_outcome_get_id (outcome);
    }
  g_assert_true (rp_store_record_move (fixture->store, fixture->attendee_id, fixture->provider_id,
                                       "2026-10-01", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static RpReview *
make_review (Fixture    *fixture,
             const char *held_on)
{
  RpReview *review = rp_review_new ();

  rp_review_set_attendee_id (review, fixture->attendee_id);
  rp_review_set_held_on (review, held_on);
  rp_review_set_reviewer_id (review, fixture->worker_id);
  rp_review_set_took_part (review, RP_TOOK_PART_PERSON | RP_TOOK_PART_FAMILY);
  rp_review_set_rating (review, fixture->outcome_ids[0], NULL, RP_RATING_MET, NULL);
  rp_review_set_rating (review, fixture->outcome_ids[1], NULL, RP_RATING_PARTLY_MET,
                        "Pool closed for repairs in November");
  rp_review_set_rating (review, fixture->outcome_ids[2], NULL, RP_RATING_MET, NULL);
  rp_review_set_actions (review, "Ask the provider for another pool session");
  return review;
}

static void
test_outcomes_order (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) outcomes = NULL;
  g_autoptr(RpPlannedOutcome) blank = rp_planned_outcome_new ();
  g_autoptr(RpPlannedOutcome) first = NULL;
  g_autoptr(RpPlannedOutcome) last = NULL;

  outcomes = rp_store_list_planned_outcomes (fixture->store, fixture->attendee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (outcomes), ==, 3);
  first = g_list_model_get_item (outcomes, 0);
  g_assert_cmpstr (rp_planned_outcome_get_description (first), ==, outcome_texts[0]);
  g_assert_cmpstr (rp_planned_outcome_get_written_on (first), ==, TODAY);
  g_clear_object (&first);
  g_clear_object (&outcomes);

  /* The last moves to the top; the others keep their order. */
  g_assert_true (rp_store_move_planned_outcome (fixture->store, fixture->outcome_ids[2], -2, &error));
  g_assert_no_error (error);
  outcomes = rp_store_list_planned_outcomes (fixture->store, fixture->attendee_id, &error);
  first = g_list_model_get_item (outcomes, 0);
  last = g_list_model_get_item (outcomes, 2);
  g_assert_cmpstr (rp_planned_outcome_get_description (first), ==, outcome_texts[2]);
  g_assert_cmpstr (rp_planned_outcome_get_description (last), ==, outcome_texts[1]);

  /* An outcome must say something. */
  rp_planned_outcome_set_attendee_id (blank, fixture->attendee_id);
  rp_planned_outcome_set_description (blank, "   ");
  g_assert_false (rp_store_add_planned_outcome (fixture->store, blank, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Write the outcome, such as “keeps seeing friends from the centre”.");
  g_assert_cmpint (rp_planned_outcome_get_id (blank), ==, 0);
  g_clear_error (&error);

  /* One not yet rated can be deleted. */
  g_assert_true (rp_store_delete_planned_outcome (fixture->store, fixture->outcome_ids[2], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM planned_outcome"), ==, 2);
}

static void
test_review_reaches_step_six (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReview) review = make_review (fixture, "2026-11-12");
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) reviews = NULL;
  g_autoptr(RpStepChange) last = NULL;
  g_autoptr(RpReview) loaded = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  guint before, met, partly, not_met;

  history = rp_store_list_step_history (fixture->store, fixture->attendee_id, &error);
  before = g_list_model_get_n_items (history);
  g_clear_object (&history);

  g_assert_true (rp_store_record_review (fixture->store, review, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_review_get_id (review), >, 0);

  /* Step 6, dated the day of the review, through the step history. */
  attendee = rp_store_get_attendee (fixture->store, fixture->attendee_id, &error);
  g_assert_cmpint (rp_attendee_get_step (attendee), ==, 6);
  g_assert_cmpstr (rp_attendee_get_step_since (attendee), ==, "2026-11-12");
  g_assert_cmpstr (rp_attendee_get_follow_up_held_on (attendee), ==, "2026-11-12");
  history = rp_store_list_step_history (fixture->store, fixture->attendee_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, before + 1);
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_assert_cmpint (rp_step_change_get_from_step (last), ==, 5);
  g_assert_cmpint (rp_step_change_get_to_step (last), ==, 6);
  g_assert_cmpstr (rp_step_change_get_changed_on (last), ==, "2026-11-12");
  g_assert_cmpstr (rp_step_change_get_recorded_by (last), ==, rp_test_audit_user ("jtaylor"));

  /* The review reads back with its ratings in the plan's order. */
  reviews = rp_store_list_reviews (fixture->store, fixture->attendee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 1);
  loaded = g_list_model_get_item (reviews, 0);
  g_assert_cmpint (rp_review_get_kind (loaded), ==, RP_REVIEW_KIND_FOLLOW_UP);
  g_assert_cmpstr (rp_review_get_reviewer_name (loaded), ==, "Priya Mistry");
  g_assert_cmpint (rp_review_get_took_part (loaded), ==, RP_TOOK_PART_PERSON | RP_TOOK_PART_FAMILY);
  g_assert_true (rp_review_get_placement_continues (loaded));
  g_assert_cmpuint (rp_review_get_n_ratings (loaded), ==, 3);
  g_assert_cmpstr (rp_review_get_rating (loaded, 1)->description, ==, "Hydrotherapy each week");
  g_assert_cmpint (rp_review_get_rating (loaded, 1)->rating, ==, RP_RATING_PARTLY_MET);
  g_assert_cmpstr (rp_review_get_rating (loaded, 1)->note, ==, "Pool closed for repairs in November");
  rp_review_count_ratings (loaded, &met, &partly, &not_met);
  g_assert_cmpuint (met, ==, 2);
  g_assert_cmpuint (partly, ==, 1);
  g_assert_cmpuint (not_met, ==, 0);

  /* Every row is in the audit trail. */
  g_assert_cmpuint (count_rows (fixture, "SELECT count(DISTINCT record_id) FROM audit WHERE table_name = 'review_outcome'"),
                    ==, 3);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM audit WHERE table_name = 'review' AND action = 'insert'"
                                         " AND field = 'held_on' AND new_value = '2026-11-12'"), ==, 1);

  /* The step the review reached is not taken back without the review: the
   * page would offer the follow-up review again though it was held. */
  g_assert_false (rp_store_undo_step_change (fixture->store, rp_step_change_get_id (last), &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Step 6 was reached by the follow-up review held on Thursday 12 November 2026. "
                                       "The review stays recorded, so its step cannot be undone on its own.");
  g_clear_error (&error);
  g_clear_object (&attendee);
  attendee = rp_store_get_attendee (fixture->store, fixture->attendee_id, &error);
  g_assert_cmpint (rp_attendee_get_step (attendee), ==, 6);

  /* A rated outcome stays, as part of the review's record. */
  g_assert_false (rp_store_delete_planned_outcome (fixture->store, fixture->outcome_ids[1], &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This outcome was rated at the review on Thursday 12 November 2026, "
                                       "so it stays as part of that record. Change its wording instead, or leave it.");
}

static void
test_review_at_step_six_already (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReview) review = make_review (fixture, "2026-11-12");
  g_autoptr(GListModel) history = NULL;
  guint before;

  g_assert_true (rp_store_change_step (fixture->store, fixture->attendee_id, 6, "2026-10-02", NULL, &error));
  g_assert_no_error (error);
  history = rp_store_list_step_history (fixture->store, fixture->attendee_id, &error);
  before = g_list_model_get_n_items (history);
  g_clear_object (&history);

  g_assert_true (rp_store_record_review (fixture->store, review, &error));
  g_assert_no_error (error);
  history = rp_store_list_step_history (fixture->store, fixture->attendee_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, before);
}

/* The step rules refuse the change (a later step change than the review):
 * the review, its ratings and their audit rows are all rolled back. */
static void
test_review_rolled_back (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReview) review = make_review (fixture, "2026-10-20");
  g_autoptr(RpAttendee) attendee = NULL;
  guint audit_before;

  g_assert_true (rp_store_change_step (fixture->store, fixture->attendee_id, 4, "2026-11-01",
                                       "Family asked to look again", &error));
  g_assert_no_error (error);
  audit_before = count_rows (fixture, "SELECT count(*) FROM audit");

  g_assert_false (rp_store_record_review (fixture->store, review, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A step change cannot be dated before the last one, on 1 Nov 2026.");
  g_assert_cmpint (rp_review_get_id (review), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM review"), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM review_outcome"), ==, 0);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM audit"), ==, audit_before);
  attendee = rp_store_get_attendee (fixture->store, fixture->attendee_id, &error);
  g_assert_cmpint (rp_attendee_get_step (attendee), ==, 4);
}

static void
assert_review_refused (Fixture    *fixture,
                       RpReview   *review,
                       const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rp_store_record_review (fixture->store, review, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM review"), ==, 0);
}

static void
test_review_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReview) early = make_review (fixture, "2026-09-30");
  g_autoptr(RpReview) future = make_review (fixture, "2026-12-06");
  g_autoptr(RpReview) undated = make_review (fixture, NULL);
  g_autoptr(RpReview) nobody = make_review (fixture, "2026-11-12");
  g_autoptr(RpReview) unrated = make_review (fixture, "2026-11-12");
  g_autoptr(RpReview) missing = rp_review_new ();
  g_autoptr(RpReview) not_moved = NULL;
  g_autoptr(RpReview) first = make_review (fixture, "2026-11-12");
  g_autoptr(RpReview) second = make_review (fixture, "2026-11-20");
  gint64 still_attending;

  assert_review_refused (fixture, early, "A review cannot be dated before the move on Thursday 1 October 2026.");
  assert_review_refused (fixture, future, "A review cannot be dated in the future: record it on the day it is held.");
  assert_review_refused (fixture, undated, "Enter the date the review was held.");
  rp_review_set_reviewer_id (nobody, 0);
  assert_review_refused (fixture, nobody, "Choose who held the review.");
  rp_review_set_rating (unrated, fixture->outcome_ids[1], "Hydrotherapy each week", RP_RATING_NONE, NULL);
  assert_review_refused (fixture, unrated, "Say whether “Hydrotherapy each week” was met, partly met or not met.");

  /* An outcome left out altogether is asked for by its words. */
  rp_review_set_attendee_id (missing, fixture->attendee_id);
  rp_review_set_held_on (missing, "2026-11-12");
  rp_review_set_reviewer_id (missing, fixture->worker_id);
  rp_review_set_rating (missing, fixture->outcome_ids[0], NULL, RP_RATING_MET, NULL);
  assert_review_refused (fixture, missing, "Say whether “Hydrotherapy each week” was met, partly met or not met.");

  still_attending = add_attendee (fixture, 2, "Danny Hughes", 3, "2026-09-01");
  not_moved = make_review (fixture, "2026-11-12");
  rp_review_set_attendee_id (not_moved, still_attending);
  assert_review_refused (fixture, not_moved, "Danny Hughes has not moved yet: a review follows a move. Record the move first.");

  /* One follow-up review per move; the next is an annual one. */
  g_assert_true (rp_store_record_review (fixture->store, first, &error));
  g_assert_no_error (error);
  g_assert_false (rp_store_record_review (fixture->store, second, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "The follow-up review since the move was held on Thursday 12 November 2026. "
                                       "Record this one as an annual review.");
  g_clear_error (&error);
  rp_review_set_kind (second, RP_REVIEW_KIND_ANNUAL);
  g_assert_true (rp_store_record_review (fixture->store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM review"), ==, 2);
}

static void
test_interim_then_permanent (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(RpRulesContext) rules = rp_rules_context_new (TODAY, NULL, 30);
  g_autofree char *words = NULL;
  gint64 id = add_attendee (fixture, 2, "Zoë Smith", 5, "2026-09-01");

  /* The permanent place must be somewhere else, and planned. */
  g_assert_false (rp_store_record_interim_move (fixture->store, id, fixture->provider_id, "2026-11-30",
                                                fixture->provider_id, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_record_interim_move (fixture->store, id, fixture->provider_id, "2026-11-30",
                                                0, NULL, &error));
  g_assert_cmpstr (error->message, ==, "An interim move needs the provider of the permanent place planned.");
  g_clear_error (&error);
  g_assert_false (rp_store_record_interim_move (fixture->store, id, fixture->provider_id, "2026-11-30",
                                                fixture->other_provider_id, "2026-11-01", &error));
  g_assert_cmpstr (error->message, ==, "The permanent move cannot be planned before the interim move.");
  g_clear_error (&error);
  attendee = rp_store_get_attendee (fixture->store, id, &error);
  g_assert_cmpint (rp_attendee_get_outcome (attendee), ==, RP_OUTCOME_ATTENDING);
  g_clear_object (&attendee);

  g_assert_true (rp_store_record_interim_move (fixture->store, id, fixture->provider_id, "2026-11-30",
                                               fixture->other_provider_id, "2027-01-04", &error));
  g_assert_no_error (error);
  attendee = rp_store_get_attendee (fixture->store, id, &error);
  g_assert_cmpint (rp_attendee_get_outcome (attendee), ==, RP_OUTCOME_MOVED);
  g_assert_true (rp_attendee_get_interim (attendee));
  g_assert_cmpint (rp_attendee_get_permanent_provider_id (attendee), ==, fixture->other_provider_id);
  g_assert_cmpstr (rp_attendee_get_permanent_date (attendee), ==, "2027-01-04");

  /* On the worklist until the permanent move. */
  g_assert_true (rp_attention_for_attendee (attendee, rules) & RP_ATTENTION_INTERIM);
  words = rp_attention_describe_for (rp_attention_for_attendee (attendee, rules), attendee, rules);
  g_assert_nonnull (strstr (words, "In an interim place: permanent move planned for 4 January 2027"));
  g_clear_object (&attendee);

  g_assert_false (rp_store_record_permanent_move (fixture->store, id, 0, "2026-11-29", &error));
  g_assert_cmpstr (error->message, ==, "The permanent move cannot be dated before the interim move on Monday 30 November 2026.");
  g_clear_error (&error);

  g_assert_true (rp_store_record_permanent_move (fixture->store, id, 0, "2026-12-04", &error));
  g_assert_no_error (error);
  attendee = rp_store_get_attendee (fixture->store, id, &error);
  g_assert_false (rp_attendee_get_interim (attendee));
  g_assert_cmpint (rp_attendee_get_moved_to_provider_id (attendee), ==, fixture->other_provider_id);
  g_assert_cmpstr (rp_attendee_get_outcome_date (attendee), ==, "2026-12-04");
  g_assert_cmpint (rp_attendee_get_permanent_provider_id (attendee), ==, 0);
  g_assert_false (rp_attention_for_attendee (attendee, rules) & RP_ATTENTION_INTERIM);

  g_assert_false (rp_store_record_permanent_move (fixture->store, id, 0, "2026-12-04", &error));
  g_assert_cmpstr (error->message, ==, "Zoë Smith is not in an interim place: there is no permanent move to record.");
}

/* Someone in an interim place who leaves for another reason leaves the
 * interim worklist too; saving them is not refused. */
static void
test_interim_then_left (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(RpAttendee) loaded = NULL;
  g_autoptr(RpRulesContext) rules = rp_rules_context_new (TODAY, NULL, 30);
  gint64 id = add_attendee (fixture, 2, "Zoë Smith", 5, "2026-09-01");

  g_assert_true (rp_store_record_interim_move (fixture->store, id, fixture->provider_id, "2026-11-30",
                                               fixture->other_provider_id, NULL, &error));
  g_assert_no_error (error);
  attendee = rp_store_get_attendee (fixture->store, id, &error);
  rp_attendee_set_outcome (attendee, RP_OUTCOME_LEFT);
  rp_attendee_set_outcome_reason (attendee, "Moved to live with her sister in Wales");
  rp_attendee_set_moved_to_provider_id (attendee, 0);
  g_assert_true (rp_store_save_attendee (fixture->store, attendee, &error));
  g_assert_no_error (error);

  loaded = rp_store_get_attendee (fixture->store, id, &error);
  g_assert_false (rp_attendee_get_interim (loaded));
  g_assert_cmpint (rp_attendee_get_permanent_provider_id (loaded), ==, 0);
  g_assert_cmpint (rp_attention_for_attendee (loaded, rules), ==, RP_ATTENTION_NONE);
  g_assert_false (rp_store_record_permanent_move (fixture->store, id, 0, TODAY, &error));
}

static void
test_attention_markers (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(RpReview) review = make_review (fixture, "2026-11-12");

  attendee = rp_store_get_attendee (fixture->store, fixture->attendee_id, &error);

  /* Moved 1 October; six weeks on is 12 November. */
  {
    g_autoptr(RpRulesContext) early = rp_rules_context_new ("2026-10-20", NULL, 30);
    g_autoptr(RpRulesContext) soon = rp_rules_context_new ("2026-11-01", NULL, 30);
    g_autoptr(RpRulesContext) late = rp_rules_context_new ("2026-11-15", NULL, 30);
    g_autofree char *soon_words = NULL;
    g_autofree char *late_words = NULL;

    g_assert_cmpint (rp_attention_for_attendee (attendee, early), ==, RP_ATTENTION_NONE);
    g_assert_cmpint (rp_attention_for_attendee (attendee, soon), ==, RP_ATTENTION_FOLLOW_UP_DUE);
    soon_words = rp_attention_describe_for (RP_ATTENTION_FOLLOW_UP_DUE, attendee, soon);
    g_assert_cmpstr (soon_words, ==, "Follow-up review due by 12 November 2026");
    g_assert_cmpint (rp_attention_for_attendee (attendee, late), ==, RP_ATTENTION_FOLLOW_UP_OVERDUE);
    late_words = rp_attention_describe_for (RP_ATTENTION_FOLLOW_UP_OVERDUE, attendee, late);
    g_assert_cmpstr (late_words, ==, "Follow-up review 3 days overdue");
  }

  /* The programme's weeks move the date. */
  {
    g_autoptr(RpRulesContext) eight = rp_rules_context_new ("2026-11-15", NULL, 30);
    g_autofree char *words = NULL;

    eight->follow_up_weeks = 8;
    g_assert_cmpint (rp_attention_for_attendee (attendee, eight), ==, RP_ATTENTION_FOLLOW_UP_DUE);
    words = rp_attention_describe_for (RP_ATTENTION_FOLLOW_UP_DUE, attendee, eight);
    g_assert_cmpstr (words, ==, "Follow-up review due by 26 November 2026");
  }

  /* Held: nothing more until a year after it. */
  g_assert_true (rp_store_record_review (fixture->store, review, &error));
  g_assert_no_error (error);
  g_clear_object (&attendee);
  attendee = rp_store_get_attendee (fixture->store, fixture->attendee_id, &error);
  {
    g_autoptr(RpRulesContext) after = rp_rules_context_new ("2026-11-15", NULL, 30);
    g_autoptr(RpRulesContext) next_year = rp_rules_context_new ("2027-11-22", NULL, 30);
    g_autofree char *words = NULL;

    g_assert_cmpint (rp_attention_for_attendee (attendee, after), ==, RP_ATTENTION_NONE);
    g_assert_cmpint (rp_attention_for_attendee (attendee, next_year), ==, RP_ATTENTION_ANNUAL_OVERDUE);
    words = rp_attention_describe_for (RP_ATTENTION_ANNUAL_OVERDUE, attendee, next_year);
    g_assert_cmpstr (words, ==, "Annual review 10 days overdue");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reviews/outcomes-order", test_outcomes_order);
  ADD ("/reviews/reaches-step-six", test_review_reaches_step_six);
  ADD ("/reviews/at-step-six-already", test_review_at_step_six_already);
  ADD ("/reviews/rolled-back", test_review_rolled_back);
  ADD ("/reviews/refusals", test_review_refusals);
  ADD ("/reviews/interim-then-permanent", test_interim_then_permanent);
  ADD ("/reviews/interim-then-left", test_interim_then_left);
  ADD ("/reviews/attention", test_attention_markers);

  return g_test_run ();
}
