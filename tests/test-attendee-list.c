/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-attendee-list.c: the Attendees list reads, filters and sorts in a thread, and rows keep their places */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rp-core.h"
#include "rp-attendee-list-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

typedef struct
{
  char             *dir;
  char             *path;
  RpStore          *store;
  RpProgramme      *programme;
  RpAttendeeFilter *filter;
  RpAttendeeList   *list;
  RpRulesContext   *rules;
  guint             changes;      /* items-changed emissions */
  guint             last_position;
  guint             last_removed;
  guint             last_added;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->changes++;
  fixture->last_position = position;
  fixture->last_removed = removed;
  fixture->last_added = added;
}

/* Runs the main loop until the list has its answer; ten seconds at most. */
static void
settle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (rp_attendee_list_get_busy (fixture->list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (rp_attendee_list_get_busy (fixture->list));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);

  fixture->filter = rp_attendee_filter_new ();
  fixture->list = rp_attendee_list_new (fixture->filter);
  fixture->rules = rp_rules_context_new_for_programme (fixture->programme, "2023-09-22", 28);
  rp_attendee_list_set_attention (fixture->list, fixture->rules);
  g_assert_false (rp_attendee_list_get_loaded (fixture->list));
  rp_attendee_list_load (fixture->list, fixture->store, rp_programme_get_id (fixture->programme));
  g_assert_true (rp_attendee_list_get_busy (fixture->list));
  settle (fixture);
  g_assert_true (rp_attendee_list_get_loaded (fixture->list));
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gpointer list = fixture->list;

  /* Once the list is idle, a job may still be making collation keys in the
   * background: it holds the list until it ends. */
  g_object_add_weak_pointer (list, &list);
  g_object_unref (fixture->list);
  while (list != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (list);
  g_assert_finalize_object (fixture->filter);
  g_clear_object (&fixture->programme);
  g_clear_pointer (&fixture->rules, rp_rules_context_unref);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static int
number_at (Fixture *fixture,
           guint    position)
{
  return rp_attendee_get_number (rp_attendee_list_get_attendee (fixture->list, position));
}

static guint
shown (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->list));
}

/* The sample has 19 attendees, all still attending, shown by number. */
static void
test_list_reads_in_number_order (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(RpAttendeeListRow) first = g_list_model_get_item (G_LIST_MODEL (fixture->list), 0);

  g_assert_cmpuint (rp_attendee_list_get_n_total (fixture->list), ==, 19);
  g_assert_cmpuint (shown (fixture), ==, 19);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->list)) == RP_TYPE_ATTENDEE_LIST_ROW);
  for (guint i = 0; i < 19; i++)
    g_assert_cmpint (number_at (fixture, i), ==, (int) i + 1);

  g_assert_cmpint (rp_attendee_get_number (rp_attendee_list_row_get_attendee (first)), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->list), 19));
  g_assert_cmpuint (rp_attendee_list_find_number (fixture->list, 7), ==, 6);
  g_assert_cmpuint (rp_attendee_list_find_number (fixture->list, 99), ==, G_MAXUINT);
}

/* Searching and filtering show the same people as matching one by one. */
static void
test_list_follows_the_filter (Fixture       *fixture,
                              gconstpointer  data)
{
  g_object_set (fixture->filter, "search", "sam", NULL);
  g_assert_true (rp_attendee_list_get_busy (fixture->list));
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 1);
  g_assert_cmpint (number_at (fixture, 0), ==, 18);

  /* "1" finds attendee 1 and 10 to 19, as the number is typed. */
  g_object_set (fixture->filter, "search", "1", NULL);
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 11);

  g_object_set (fixture->filter, "search", NULL, "step", 4, NULL);
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 6);
  for (guint i = 0; i < shown (fixture); i++)
    g_assert_cmpint (rp_attendee_get_step (rp_attendee_list_get_attendee (fixture->list, i)), ==, 4);

  rp_attendee_filter_reset (fixture->filter);
  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 19);
}

/* Typed faster than the thread answers: only the last search counts. */
static void
test_list_last_search_wins (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char *typed[] = { "s", "sa", "sam", "samu", "x", "", "l", "li", "lia", "liam" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_object_set (fixture->filter, "search", typed[i], NULL);
      /* Now and then let a job start, so one is cancelled in flight. */
      if (i % 3 == 0)
        g_main_context_iteration (NULL, FALSE);
    }

  settle (fixture);
  g_assert_cmpuint (shown (fixture), ==, 1);
  g_assert_cmpint (number_at (fixture, 0), ==, 12);  /* Liam Walker */
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  RpAttendee *attendee_a = *(RpAttendee **) a;
  RpAttendee *attendee_b = *(RpAttendee **) b;

  return g_utf8_collate (rp_attendee_get_full_name (attendee_a), rp_attendee_get_full_name (attendee_b));
}

static void
test_list_sorts (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) stored = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(GPtrArray) by_name = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean descending;

  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    g_ptr_array_add (by_name, g_list_model_get_item (stored, i));
  g_ptr_array_sort (by_name, compare_names);

  rp_attendee_list_set_sort (fixture->list, RP_ATTENDEE_SORT_NAME, FALSE);
  settle (fixture);
  for (guint i = 0; i < by_name->len; i++)
    g_assert_cmpint (number_at (fixture, i), ==, rp_attendee_get_number (g_ptr_array_index (by_name, i)));

  /* Descending by step: the only one at step 5 first; ties by number, reversed. */
  rp_attendee_list_set_sort (fixture->list, RP_ATTENDEE_SORT_STEP, TRUE);
  settle (fixture);
  g_assert_cmpint (rp_attendee_list_get_sort (fixture->list, &descending), ==, RP_ATTENDEE_SORT_STEP);
  g_assert_true (descending);
  g_assert_cmpint (number_at (fixture, 0), ==, 19);
  for (guint i = 1; i < shown (fixture); i++)
    {
      RpAttendee *before = rp_attendee_list_get_attendee (fixture->list, i - 1);
      RpAttendee *after = rp_attendee_list_get_attendee (fixture->list, i);

      g_assert_cmpint (rp_attendee_get_step (before), >=, rp_attendee_get_step (after));
      if (rp_attendee_get_step (before) == rp_attendee_get_step (after))
        g_assert_cmpint (rp_attendee_get_number (before), >, rp_attendee_get_number (after));
    }

  /* Attention: whoever has the most markers comes first. */
  rp_attendee_list_set_sort (fixture->list, RP_ATTENDEE_SORT_ATTENTION, FALSE);
  settle (fixture);
  for (guint i = 1; i < shown (fixture); i++)
    {
      RpAttention before = rp_attention_for_attendee (rp_attendee_list_get_attendee (fixture->list, i - 1),
                                                      fixture->rules);
      RpAttention after = rp_attention_for_attendee (rp_attendee_list_get_attendee (fixture->list, i), fixture->rules);
      g_assert_cmpint (before, >=, after);
    }
}

/* A row keeps its place and is told its new attendee; the list only reports
 * a change at its end, when its length changes. */
static void
test_list_rows_keep_their_places (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RpAttendeeListRow) first = g_list_model_get_item (G_LIST_MODEL (fixture->list), 0);
  g_autoptr(RpAttendeeListRow) last = g_list_model_get_item (G_LIST_MODEL (fixture->list), 18);
  g_autoptr(RpAttendeeListRow) again = NULL;

  rp_attendee_list_set_sort (fixture->list, RP_ATTENDEE_SORT_NUMBER, TRUE);
  settle (fixture);
  g_assert_cmpuint (fixture->changes, ==, 0);
  g_assert_cmpint (rp_attendee_get_number (rp_attendee_list_row_get_attendee (first)), ==, 19);
  g_assert_cmpint (rp_attendee_get_number (rp_attendee_list_row_get_attendee (last)), ==, 1);
  again = g_list_model_get_item (G_LIST_MODEL (fixture->list), 0);
  g_assert_true (again == first);

  /* Six at step 4: the thirteen past them are removed at the end. */
  g_object_set (fixture->filter, "step", 4, NULL);
  settle (fixture);
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpuint (fixture->last_position, ==, 6);
  g_assert_cmpuint (fixture->last_removed, ==, 13);
  g_assert_cmpuint (fixture->last_added, ==, 0);
  g_assert_cmpint (rp_attendee_get_step (rp_attendee_list_row_get_attendee (first)), ==, 4);

  g_object_set (fixture->filter, "step", 0, NULL);
  settle (fixture);
  g_assert_cmpuint (fixture->changes, ==, 2);
  g_assert_cmpuint (fixture->last_position, ==, 6);
  g_assert_cmpuint (fixture->last_removed, ==, 0);
  g_assert_cmpuint (fixture->last_added, ==, 13);
}

/* Reading again picks up a change made since; a read that fails keeps what
 * was shown and says why. */
static void
test_list_reads_again (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpAttendee) attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (attendee), 2, "2023-09-22", "Phoned the family", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_attendee_get_step (rp_attendee_list_get_attendee (fixture->list, 3)), ==, 1);
  rp_attendee_list_load (fixture->list, fixture->store, rp_programme_get_id (fixture->programme));
  settle (fixture);
  g_assert_cmpint (rp_attendee_get_step (rp_attendee_list_get_attendee (fixture->list, 3)), ==, 2);
  g_assert_null (rp_attendee_list_get_load_error (fixture->list));

  /* The file is gone from under the open store: nothing can be read again.
   * (A server's database has no file to lose; a lost connection is
   * test-team-store's.) */
  if (rp_test_backend_is_team ())
    return;
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  rp_attendee_list_load (fixture->list, fixture->store, rp_programme_get_id (fixture->programme));
  settle (fixture);
  g_assert_nonnull (rp_attendee_list_get_load_error (fixture->list));
  g_assert_cmpuint (shown (fixture), ==, 19);
  g_assert_cmpint (rp_attendee_get_step (rp_attendee_list_get_attendee (fixture->list, 3)), ==, 2);

  rp_attendee_list_clear (fixture->list);
  g_assert_cmpuint (shown (fixture), ==, 0);
  g_assert_false (rp_attendee_list_get_loaded (fixture->list));
  g_assert_null (rp_attendee_list_get_load_error (fixture->list));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/attendee-list/reads-in-number-order", test_list_reads_in_number_order);
  ADD ("/attendee-list/follows-the-filter", test_list_follows_the_filter);
  ADD ("/attendee-list/last-search-wins", test_list_last_search_wins);
  ADD ("/attendee-list/sorts", test_list_sorts);
  ADD ("/attendee-list/rows-keep-their-places", test_list_rows_keep_their_places);
  ADD ("/attendee-list/reads-again", test_list_reads_again);
#undef ADD

  return g_test_run ();
}
