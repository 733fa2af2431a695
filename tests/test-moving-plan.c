/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-moving-plan.c: the rules for moving an attendee along the six-step plan */

#include "config.h"

#include <string.h>

#include "rp-core.h"

#define TODAY "2023-09-22"

static void
test_step_names (void)
{
  g_assert_cmpstr (rp_moving_plan_step_name (1), ==, "Social worker identified");
  g_assert_cmpstr (rp_moving_plan_step_name (2), ==, "Contact with people to commence discussion");
  g_assert_cmpstr (rp_moving_plan_step_name (3), ==, "Review in progress");
  g_assert_cmpstr (rp_moving_plan_step_name (4), ==, "Review process completed");
  g_assert_cmpstr (rp_moving_plan_step_name (5), ==, "Explore options for new provision");
  g_assert_cmpstr (rp_moving_plan_step_name (6), ==, "Follow up as part of review");
  g_assert_false (rp_moving_plan_step_valid (0));
  g_assert_false (rp_moving_plan_step_valid (7));
}

static void
test_step_forward_one (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_moving_plan_check_change (2, 3, "2023-09-20", "2023-09-01", TODAY, NULL, &error));
  g_assert_no_error (error);
  /* The same day as the last change, and today, are both fine. */
  g_assert_true (rp_moving_plan_check_change (3, 4, "2023-09-01", "2023-09-01", TODAY, "", &error));
  g_assert_true (rp_moving_plan_check_change (5, 6, TODAY, NULL, TODAY, NULL, &error));
  g_assert_no_error (error);
}

static void
test_step_first_entry (void)
{
  g_autoptr(GError) error = NULL;

  /* A new attendee may start at any step without a reason. */
  g_assert_true (rp_moving_plan_check_change (0, 4, "2023-09-01", NULL, TODAY, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_refused (int         from,
                int         to,
                const char *date,
                const char *previous,
                const char *reason,
                const char *expected_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rp_moving_plan_check_change (from, to, date, previous, TODAY, reason, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
test_step_jump_needs_reason (void)
{
  g_autoptr(GError) error = NULL;

  assert_refused (2, 4, "2023-09-20", NULL, NULL, "Jumping from step 2 to step 4 needs a reason.");
  assert_refused (2, 4, "2023-09-20", NULL, "   ", "Jumping from step 2 to step 4 needs a reason.");
  g_assert_true (rp_moving_plan_check_change (2, 4, "2023-09-20", NULL, TODAY,
                                              "Review done at the same meeting", &error));
  g_assert_no_error (error);
}

static void
test_step_back_needs_reason (void)
{
  g_autoptr(GError) error = NULL;

  assert_refused (4, 3, "2023-09-20", NULL, NULL, "Going back from step 4 to step 3 needs a reason.");
  g_assert_true (rp_moving_plan_check_change (4, 3, "2023-09-20", NULL, TODAY,
                                              "Family asked for the review to be reopened", &error));
  g_assert_no_error (error);
}

static void
test_step_bad_values (void)
{
  assert_refused (2, 2, "2023-09-20", NULL, "x", "The attendee is already at step 2.");
  assert_refused (2, 7, "2023-09-20", NULL, "x", "Step 7 does not exist. The moving plan has steps 1 to 6.");
  assert_refused (1, 0, "2023-09-20", NULL, "x", "Step 0 does not exist. The moving plan has steps 1 to 6.");
  assert_refused (2, 3, "2023-09-23", NULL, NULL, "A step change cannot be dated in the future.");
  assert_refused (2, 3, NULL, NULL, NULL, "A step change needs the date it happened.");
  assert_refused (2, 3, "2023-02-30", NULL, NULL, "A step change needs the date it happened.");
  assert_refused (2, 3, "2023-08-31", "2023-09-01", NULL,
                  "A step change cannot be dated before the last one, on 1 Sep 2023.");
}

static void
assert_refused_field (const char  *who,
                      int          from,
                      int          to,
                      const char  *date,
                      const char  *reason,
                      RpPlanField  expected_field,
                      const char  *expected_message)
{
  g_autoptr(GError) error = NULL;
  RpPlanField field = -1;

  g_assert_false (rp_moving_plan_check_change_of (who, from, to, date, "2023-09-01", TODAY, reason, &field, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
  g_assert_cmpint (field, ==, expected_field);
}

/* A form says why beside the field at fault, and asks for a reason by name. */
static void
test_step_refusal_fields (void)
{
  g_autoptr(GError) error = NULL;
  RpPlanField field = -1;

  assert_refused_field ("Danny", 1, 4, "2023-09-20", NULL, RP_PLAN_FIELD_REASON,
                        "Say why Danny is moving from step 1 to step 4.");
  assert_refused_field ("Zo\xc3\xab", 4, 3, "2023-09-20", " ", RP_PLAN_FIELD_REASON,
                        "Say why Zo\xc3\xab is going back from step 4 to step 3.");
  assert_refused_field ("Danny", 2, 2, "2023-09-20", "x", RP_PLAN_FIELD_STEP, "Danny is already at step 2.");
  assert_refused_field ("Danny", 2, 3, "2023-09-23", NULL, RP_PLAN_FIELD_DATE,
                        "A step change cannot be dated in the future.");
  assert_refused_field ("Danny", 2, 3, "2023-08-31", NULL, RP_PLAN_FIELD_DATE,
                        "A step change cannot be dated before the last one, on 1 Sep 2023.");
  /* A wrong date is named before a missing reason: the date is what to put right first. */
  assert_refused_field ("Danny", 1, 4, "2023-09-23", NULL, RP_PLAN_FIELD_DATE,
                        "A step change cannot be dated in the future.");

  /* Without a name, the words are those the command line has always printed. */
  g_assert_false (rp_moving_plan_check_change_of (NULL, 1, 4, "2023-09-20", NULL, TODAY, NULL, &field, &error));
  g_assert_cmpstr (error->message, ==, "Jumping from step 1 to step 4 needs a reason.");
  g_assert_cmpint (field, ==, RP_PLAN_FIELD_REASON);
  g_clear_error (&error);

  g_assert_true (rp_moving_plan_check_change_of ("Danny", 1, 4, "2023-09-20", NULL, TODAY, "Agreed at review", &field, &error));
  g_assert_no_error (error);
}

static void
test_move_refusal_fields (void)
{
  g_autoptr(GError) error = NULL;
  RpPlanField field = -1;

  g_assert_false (rp_moving_plan_check_move (0, "2023-09-20", TODAY, &field, &error));
  g_assert_cmpint (field, ==, RP_PLAN_FIELD_PROVIDER);
  g_assert_cmpstr (error->message, ==, "A move needs the provider the person moved to.");
  g_clear_error (&error);

  g_assert_false (rp_moving_plan_check_move (3, NULL, TODAY, &field, &error));
  g_assert_cmpint (field, ==, RP_PLAN_FIELD_DATE);
  g_clear_error (&error);

  g_assert_false (rp_moving_plan_check_move (3, "2023-09-23", TODAY, &field, &error));
  g_assert_cmpint (field, ==, RP_PLAN_FIELD_DATE);
  g_assert_nonnull (strstr (error->message, "once it has happened"));
  g_clear_error (&error);

  g_assert_true (rp_moving_plan_check_move (3, TODAY, TODAY, &field, &error));
  g_assert_no_error (error);
}

/* A move dated before the step it follows is most often a mistyped date:
 * said in words, with the step's day; on or after that day, nothing. */
static void
test_early_move_warned (void)
{
  g_autofree char *warning = rp_moving_plan_describe_early_move ("2026-10-23", 5, "2026-12-02");

  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "step 5 reached on Wednesday 2 December 2026"));
  g_assert_nonnull (strstr (warning, "Check the date of the move"));

  g_assert_null (rp_moving_plan_describe_early_move ("2026-12-02", 5, "2026-12-02"));
  g_assert_null (rp_moving_plan_describe_early_move ("2026-12-03", 5, "2026-12-02"));
  g_assert_null (rp_moving_plan_describe_early_move ("2026-10-23", 1, NULL));
}

/* After a move, step 6 is the follow-up review's to record, not a bare step. */
static void
test_step_six_by_review_after_move (void)
{
  g_assert_true (rp_moving_plan_step_by_review (6, TRUE));
  g_assert_false (rp_moving_plan_step_by_review (6, FALSE));
  g_assert_false (rp_moving_plan_step_by_review (5, TRUE));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/moving-plan/step-names", test_step_names);
  g_test_add_func ("/core/moving-plan/early-move-warned", test_early_move_warned);
  g_test_add_func ("/core/moving-plan/step-six-by-review-after-move", test_step_six_by_review_after_move);
  g_test_add_func ("/core/moving-plan/step-forward-one", test_step_forward_one);
  g_test_add_func ("/core/moving-plan/first-entry", test_step_first_entry);
  g_test_add_func ("/core/moving-plan/jump-needs-reason", test_step_jump_needs_reason);
  g_test_add_func ("/core/moving-plan/back-needs-reason", test_step_back_needs_reason);
  g_test_add_func ("/core/moving-plan/bad-values", test_step_bad_values);
  g_test_add_func ("/core/moving-plan/refusal-fields", test_step_refusal_fields);
  g_test_add_func ("/core/moving-plan/move-refusal-fields", test_move_refusal_fields);

  return g_test_run ();
}
