/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-follow-up.c: when the reviews after a move fall due */

#include "config.h"

#include "rp-core.h"

/* Six weeks after a move on 1 October is 12 November; the worker sees it
 * as due two weeks ahead, and overdue the day after. */
static void
test_follow_up_falls_weeks_after_the_move (void)
{
  g_autofree char *due = NULL;

  g_assert_cmpint (rp_follow_up_state ("2026-10-01", 6, NULL, "2026-10-20", &due), ==, RP_REVIEW_STATE_SCHEDULED);
  g_assert_cmpstr (due, ==, "2026-11-12");
  g_clear_pointer (&due, g_free);

  g_assert_cmpint (rp_follow_up_state ("2026-10-01", 6, NULL, "2026-10-29", NULL), ==, RP_REVIEW_STATE_DUE);
  g_assert_cmpint (rp_follow_up_state ("2026-10-01", 6, NULL, "2026-11-12", NULL), ==, RP_REVIEW_STATE_DUE);
  g_assert_cmpint (rp_follow_up_state ("2026-10-01", 6, NULL, "2026-11-13", NULL), ==, RP_REVIEW_STATE_OVERDUE);

  /* The programme's setting moves the date. */
  g_assert_cmpint (rp_follow_up_state ("2026-10-01", 8, NULL, "2026-11-13", &due), ==, RP_REVIEW_STATE_DUE);
  g_assert_cmpstr (due, ==, "2026-11-26");
}

/* Held, on time or late, it is done; held before the move it follows (an
 * interim placement's review, say) it is not. No move, no review. */
static void
test_follow_up_done_and_none (void)
{
  g_autofree char *due = NULL;

  g_assert_cmpint (rp_follow_up_state ("2026-10-01", 6, "2026-11-20", "2027-03-01", NULL), ==, RP_REVIEW_STATE_DONE);
  g_assert_cmpint (rp_follow_up_state ("2026-10-01", 6, "2026-09-15", "2026-11-20", NULL), ==, RP_REVIEW_STATE_OVERDUE);
  g_assert_cmpint (rp_follow_up_state (NULL, 6, NULL, "2026-11-20", &due), ==, RP_REVIEW_STATE_NONE);
  g_assert_null (due);
  g_assert_cmpint (rp_follow_up_state ("not a date", 6, NULL, "2026-11-20", NULL), ==, RP_REVIEW_STATE_NONE);
}

/* The annual review is a year after the latest review, or after the move
 * while there has been none; a review from before the move is ignored. */
static void
test_annual_review (void)
{
  g_autofree char *due = NULL;

  g_assert_cmpint (rp_annual_review_state ("2026-10-01", NULL, "2026-12-05", &due), ==, RP_REVIEW_STATE_SCHEDULED);
  g_assert_cmpstr (due, ==, "2027-10-01");
  g_clear_pointer (&due, g_free);

  g_assert_cmpint (rp_annual_review_state ("2026-10-01", "2026-11-12", "2027-11-01", &due), ==, RP_REVIEW_STATE_DUE);
  g_assert_cmpstr (due, ==, "2027-11-12");
  g_clear_pointer (&due, g_free);

  g_assert_cmpint (rp_annual_review_state ("2026-10-01", "2025-06-01", "2027-10-02", &due), ==, RP_REVIEW_STATE_OVERDUE);
  g_assert_cmpstr (due, ==, "2027-10-01");
  g_clear_pointer (&due, g_free);

  /* A year after 29 February is 28 February. */
  g_assert_cmpint (rp_annual_review_state ("2028-02-29", NULL, "2028-03-01", &due), ==, RP_REVIEW_STATE_SCHEDULED);
  g_assert_cmpstr (due, ==, "2029-02-28");
  g_clear_pointer (&due, g_free);

  g_assert_cmpint (rp_annual_review_state (NULL, "2026-11-12", "2026-12-05", &due), ==, RP_REVIEW_STATE_NONE);
  g_assert_null (due);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/follow-up/falls-weeks-after-the-move", test_follow_up_falls_weeks_after_the_move);
  g_test_add_func ("/core/follow-up/done-and-none", test_follow_up_done_and_none);
  g_test_add_func ("/core/follow-up/annual-review", test_annual_review);

  return g_test_run ();
}
