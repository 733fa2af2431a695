/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-attention.c: the markers that tell a worker an attendee needs attention */

#include "config.h"

#include "rp-core.h"

static RpAttendee *
make_attendee (gint64      worker_id,
               const char *step_since,
               const char *target)
{
  RpAttendee *attendee = rp_attendee_new ();

  rp_attendee_set_number (attendee, 1);
  rp_attendee_set_full_name (attendee, "Aisha Rahman");
  rp_attendee_set_worker_id (attendee, worker_id);
  rp_attendee_set_step_since (attendee, step_since);
  rp_attendee_set_target_date (attendee, target);
  return attendee;
}

static void
test_attention_none (void)
{
  g_autoptr(RpAttendee) attendee = make_attendee (3, "2023-09-12", "2024-01-15");

  g_assert_cmpint (rp_attention_for_attendee (attendee, "2023-09-22", "2024-03-31", 14), ==, RP_ATTENTION_NONE);
  g_assert_null (rp_attention_describe (RP_ATTENTION_NONE, attendee, "2023-09-22"));
}

static void
test_attention_markers (void)
{
  g_autoptr(RpAttendee) attendee = make_attendee (0, "2023-08-01", "2024-04-30");
  g_autofree char *text = NULL;
  RpAttention attention;

  attention = rp_attention_for_attendee (attendee, "2023-09-22", "2024-03-31", 14);
  g_assert_cmpint (attention, ==, RP_ATTENTION_NO_WORKER | RP_ATTENTION_STALLED | RP_ATTENTION_TARGET_AFTER_CLOSURE);

  text = rp_attention_describe (attention, attendee, "2023-09-22");
  g_assert_cmpstr (text, ==, "No worker allocated\nNo progress for 52 days\nTarget moving date is after the closure");

  /* The stale threshold is the worker's setting: 60 days means not yet stalled. */
  g_assert_false (rp_attention_for_attendee (attendee, "2023-09-22", "2024-03-31", 60) & RP_ATTENTION_STALLED);
  /* Exactly the threshold is not over it. */
  g_assert_false (rp_attention_for_attendee (attendee, "2023-08-15", NULL, 14) & RP_ATTENTION_STALLED);
  g_assert_true (rp_attention_for_attendee (attendee, "2023-08-16", NULL, 14) & RP_ATTENTION_STALLED);
}

static void
test_attention_target_passed (void)
{
  g_autoptr(RpAttendee) attendee = make_attendee (3, "2023-09-20", "2023-09-21");

  g_assert_cmpint (rp_attention_for_attendee (attendee, "2023-09-22", NULL, 14), ==, RP_ATTENTION_TARGET_PASSED);

  /* Once moved, nothing needs attention any more. */
  rp_attendee_set_outcome (attendee, RP_OUTCOME_MOVED);
  g_assert_cmpint (rp_attention_for_attendee (attendee, "2023-09-22", NULL, 14), ==, RP_ATTENTION_NONE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/attention/none", test_attention_none);
  g_test_add_func ("/core/attention/markers", test_attention_markers);
  g_test_add_func ("/core/attention/target-passed", test_attention_target_passed);

  return g_test_run ();
}
