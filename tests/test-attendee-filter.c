/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-attendee-filter.c: finding attendees by number, name, step, worker, status and outcome, and sorting by name */

#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-attendee-filter-private.h"

static RpAttendee *
make_attendee (int         number,
               const char *full_name,
               const char *preferred_name,
               int         step,
               gint64      worker_id,
               RpFunding   funding)
{
  RpAttendee *attendee = rp_attendee_new ();

  rp_attendee_set_number (attendee, number);
  rp_attendee_set_full_name (attendee, full_name);
  rp_attendee_set_preferred_name (attendee, preferred_name);
  rp_attendee_set_step (attendee, step);
  rp_attendee_set_worker_id (attendee, worker_id);
  rp_attendee_set_funding (attendee, funding);
  return attendee;
}

static void
test_filter_default_hides_moved_and_archived (void)
{
  g_autoptr(RpAttendeeFilter) filter = rp_attendee_filter_new ();
  g_autoptr(RpAttendee) attending = make_attendee (1, "Aisha Rahman", NULL, 2, 1, RP_FUNDING_ASC);
  g_autoptr(RpAttendee) moved = make_attendee (2, "Ben Clarke", NULL, 4, 1, RP_FUNDING_ASC);
  g_autoptr(RpAttendee) archived = make_attendee (3, "Chloe Evans", NULL, 2, 1, RP_FUNDING_ASC);

  rp_attendee_set_outcome (moved, RP_OUTCOME_MOVED);
  rp_attendee_set_archived (archived, TRUE);

  g_assert_true (rp_attendee_filter_is_default (filter));
  g_assert_true (rp_attendee_filter_match (filter, attending));
  g_assert_false (rp_attendee_filter_match (filter, moved));
  g_assert_false (rp_attendee_filter_match (filter, archived));

  g_object_set (filter, "outcome", RP_ATTENDEE_FILTER_ANY, "include-archived", TRUE, NULL);
  g_assert_false (rp_attendee_filter_is_default (filter));
  g_assert_true (rp_attendee_filter_match (filter, moved));
  g_assert_true (rp_attendee_filter_match (filter, archived));

  rp_attendee_filter_reset (filter);
  g_assert_true (rp_attendee_filter_is_default (filter));
}

static void
test_filter_search (void)
{
  g_autoptr(RpAttendeeFilter) filter = rp_attendee_filter_new ();
  g_autoptr(RpAttendee) one = make_attendee (1, "Aisha Rahman", NULL, 2, 1, RP_FUNDING_ASC);
  g_autoptr(RpAttendee) twelve = make_attendee (12, "Liam Walker", NULL, 2, 1, RP_FUNDING_ASC);
  g_autoptr(RpAttendee) eighteen = make_attendee (18, "Samuel Adeyemi", "Sam", 4, 2, RP_FUNDING_HEALTH);
  g_autoptr(RpAttendee) zoe = make_attendee (5, "Zo\xc3\xab \xc3\x89vans", NULL, 1, 2, RP_FUNDING_ASC);

  /* Numbers match as they are typed. */
  g_object_set (filter, "search", "1", NULL);
  g_assert_true (rp_attendee_filter_match (filter, one));
  g_assert_true (rp_attendee_filter_match (filter, twelve));
  g_assert_true (rp_attendee_filter_match (filter, eighteen));
  g_object_set (filter, "search", "12", NULL);
  g_assert_false (rp_attendee_filter_match (filter, one));
  g_assert_true (rp_attendee_filter_match (filter, twelve));

  /* Names match anywhere, in any case, full or preferred. */
  g_object_set (filter, "search", "walk", NULL);
  g_assert_true (rp_attendee_filter_match (filter, twelve));
  g_assert_false (rp_attendee_filter_match (filter, one));
  g_object_set (filter, "search", "  SAM ", NULL);
  g_assert_true (rp_attendee_filter_match (filter, eighteen));
  g_object_set (filter, "search", "\xc3\xa9vans", NULL);
  g_assert_true (rp_attendee_filter_match (filter, zoe));

  /* A renamed attendee is found by the new name only, though the old one was searched for. */
  g_object_set (filter, "search", "walk", NULL);
  g_assert_true (rp_attendee_filter_match (filter, twelve));
  rp_attendee_set_full_name (twelve, "Liam Hart");
  rp_attendee_set_preferred_name (eighteen, "Sammy");
  g_assert_false (rp_attendee_filter_match (filter, twelve));
  g_object_set (filter, "search", "hart", NULL);
  g_assert_true (rp_attendee_filter_match (filter, twelve));
  g_object_set (filter, "search", "sammy", NULL);
  g_assert_true (rp_attendee_filter_match (filter, eighteen));
}

static void
test_filter_step_worker_status (void)
{
  g_autoptr(RpAttendeeFilter) filter = rp_attendee_filter_new ();
  g_autoptr(RpAttendee) a = make_attendee (1, "Aisha Rahman", NULL, 2, 7, RP_FUNDING_ASC);
  g_autoptr(RpAttendee) b = make_attendee (2, "Ben Clarke", NULL, 4, 0, RP_FUNDING_HEALTH);

  g_object_set (filter, "step", 2, NULL);
  g_assert_true (rp_attendee_filter_match (filter, a));
  g_assert_false (rp_attendee_filter_match (filter, b));
  rp_attendee_filter_reset (filter);

  g_object_set (filter, "worker-id", (gint64) 7, NULL);
  g_assert_true (rp_attendee_filter_match (filter, a));
  g_assert_false (rp_attendee_filter_match (filter, b));
  g_object_set (filter, "worker-id", (gint64) RP_ATTENDEE_FILTER_NO_WORKER, NULL);
  g_assert_false (rp_attendee_filter_match (filter, a));
  g_assert_true (rp_attendee_filter_match (filter, b));
  rp_attendee_filter_reset (filter);

  g_object_set (filter, "funding", (int) RP_FUNDING_HEALTH, NULL);
  g_assert_false (rp_attendee_filter_match (filter, a));
  g_assert_true (rp_attendee_filter_match (filter, b));
}

/* The sort keys order names as g_utf8_collate() does, and follow a rename. */
static void
test_sort_keys (void)
{
  g_autoptr(RpAttendee) aisha = make_attendee (1, "Aisha Rahman", NULL, 2, 1, RP_FUNDING_ASC);
  g_autoptr(RpAttendee) ben = make_attendee (2, "Ben Clarke", NULL, 2, 1, RP_FUNDING_ASC);

  rp_attendee_set_worker_name (aisha, "Tara Quinn");
  rp_attendee_set_worker_name (ben, "Maya Patel");
  g_assert_cmpint (strcmp (rp_attendee_get_full_name_sort_key (aisha), rp_attendee_get_full_name_sort_key (ben)), <, 0);
  g_assert_cmpint (strcmp (rp_attendee_get_worker_name_sort_key (aisha), rp_attendee_get_worker_name_sort_key (ben)), >, 0);

  rp_attendee_set_full_name (aisha, "Zo\xc3\xab Evans");
  rp_attendee_set_worker_name (aisha, "Imogen Hart");
  g_assert_cmpint (strcmp (rp_attendee_get_full_name_sort_key (aisha), rp_attendee_get_full_name_sort_key (ben)), >, 0);
  g_assert_cmpint (strcmp (rp_attendee_get_worker_name_sort_key (aisha), rp_attendee_get_worker_name_sort_key (ben)), <, 0);

  rp_attendee_set_worker_name (aisha, NULL);
  g_assert_null (rp_attendee_get_worker_name_sort_key (aisha));
}

/* A narrowed list always says so in words, and the search alone does not
 * count, as it shows itself in the search box. */
static void
test_filter_describe (void)
{
  g_autoptr(RpAttendeeFilter) filter = rp_attendee_filter_new ();
  g_autofree char *mine = NULL;
  g_autofree char *several = NULL;

  g_assert_null (rp_attendee_filter_describe (filter, NULL));
  g_object_set (filter, "search", "ella", NULL);
  g_assert_null (rp_attendee_filter_describe (filter, NULL));

  g_object_set (filter, "worker-id", (gint64) 3, NULL);
  mine = rp_attendee_filter_describe (filter, "Priya Mistry");
  g_assert_cmpstr (mine, ==, "Showing only attendees allocated to Priya Mistry");

  g_object_set (filter, "step", 2, "funding", RP_FUNDING_HEALTH, "outcome", RP_ATTENDEE_FILTER_ANY,
                "include-archived", TRUE, NULL);
  several = rp_attendee_filter_describe (filter, "Priya Mistry");
  g_assert_cmpstr (several, ==, "Showing only attendees allocated to Priya Mistry, at step 2, Contact with people "
                                "to commence discussion, with status Health, whatever their outcome, archived ones included");

  rp_attendee_filter_reset (filter);
  g_assert_null (rp_attendee_filter_describe (filter, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/attendee-filter/default", test_filter_default_hides_moved_and_archived);
  g_test_add_func ("/core/attendee-filter/search", test_filter_search);
  g_test_add_func ("/core/attendee-filter/step-worker-status", test_filter_step_worker_status);
  g_test_add_func ("/core/attendee-filter/sort-keys", test_sort_keys);
  g_test_add_func ("/core/attendee-filter/describe", test_filter_describe);

  return g_test_run ();
}
