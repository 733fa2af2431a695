/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sample.c: the sample programme reproduces the reference report */

#include "config.h"

#include "rp-core.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

static void
test_sample_reference_rows (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) attendees = NULL;

  /* The sample as of the reference report, 22 September 2023. */
  rp_store_set_today (store, "2023-09-22");
  programme = rp_sample_create (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (programme);
  g_assert_cmpstr (rp_programme_get_report_title (programme), ==, "Day Centre Update");
  g_assert_true (rp_date_is_valid_iso (rp_programme_get_closure_date (programme)));

  attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), &error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, G_N_ELEMENTS (rp_reference_rows));

  for (guint i = 0; i < G_N_ELEMENTS (rp_reference_rows); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_autoptr(GListModel) history = NULL;
      g_autoptr(RpStepChange) first = NULL;
      g_autoptr(RpStepChange) last = NULL;
      const RpReferenceRow *row = &rp_reference_rows[i];

      g_assert_cmpint (rp_attendee_get_number (attendee), ==, row->number);
      g_assert_cmpstr (rp_funding_get_label (rp_attendee_get_funding (attendee)), ==, row->status);
      g_assert_cmpint (rp_attendee_get_step (attendee), ==, row->step);
      g_assert_cmpstr (rp_attendee_get_report_note (attendee), ==, row->note);

      /* Every attendee has an allocated worker, private details and a history to explain its step. */
      g_assert_cmpint (rp_attendee_get_worker_id (attendee), >, 0);
      g_assert_nonnull (rp_attendee_get_full_name (attendee));
      g_assert_nonnull (rp_attendee_get_contact_name (attendee));
      g_assert_true (rp_date_is_valid_iso (rp_attendee_get_date_of_birth (attendee)));

      history = rp_store_list_step_history (store, rp_attendee_get_id (attendee), &error);
      g_assert_cmpuint (g_list_model_get_n_items (history), ==, row->step);
      first = g_list_model_get_item (history, 0);
      last = g_list_model_get_item (history, row->step - 1);
      g_assert_cmpint (rp_step_change_get_from_step (first), ==, 0);
      g_assert_cmpint (rp_step_change_get_to_step (last), ==, row->step);
      g_assert_cmpint (rp_date_compare (rp_step_change_get_changed_on (last), "2023-09-22"), <=, 0);
    }

  g_clear_object (&attendees);
  g_clear_object (&programme);
  g_assert_finalize_object (g_steal_pointer (&store));
  rp_test_remove_tree (dir);
}

static void
test_sample_timetable_and_providers (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GListModel) days = NULL;
  static const char * const owners[] = { "ML", "OO/MM", "JT", "H/PM", "RH/PM" };
  static const char * const provider_names[] = { "FTM Dance", "IBC", "Mosaic", "Pathfinders" };

  rp_store_set_today (store, "2023-09-22");
  programme = rp_sample_create (store, &error);
  g_assert_no_error (error);

  actions = rp_store_list_actions (store, rp_programme_get_id (programme), &error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, G_N_ELEMENTS (owners));
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
      g_assert_cmpstr (rp_timetable_action_get_owner (action), ==, owners[i]);
      /* Only the taster-day action is linked to the days, and prints them as the reference report wrote them. */
      g_assert_cmpuint (rp_timetable_action_get_n_taster_days (action), ==, i == 4 ? 5 : 0);
    }
  {
    g_autoptr(RpTimetableAction) linked = g_list_model_get_item (actions, 4);
    g_autofree char *due = rp_timetable_action_format_due (linked);

    g_assert_cmpstr (due, ==, "Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc; 19 Oct 2023");
  }
  g_assert_cmpstr (rp_programme_get_marking (programme), ==, RP_PROGRAMME_DEFAULT_MARKING);

  providers = rp_store_list_providers (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, G_N_ELEMENTS (provider_names));
  for (guint i = 0; i < G_N_ELEMENTS (provider_names); i++)
    {
      g_autoptr(RpProvider) provider = g_list_model_get_item (providers, i);
      g_assert_cmpstr (rp_provider_get_name (provider), ==, provider_names[i]);
      g_assert_true (rp_provider_get_on_framework (provider));
    }

  /* Open days held at Mosaic 2 Sep and IBC 9 Sep; to come: Mosaic 27 Sep,
   * IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance to be confirmed. */
  days = rp_store_list_taster_days (store, rp_programme_get_id (programme), &error);
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 7);
  {
    static const char * const expected[][2] = {
      { "Mosaic", "2023-09-02" }, { "IBC", "2023-09-09" }, { "Mosaic", "2023-09-27" }, { "IBC", "2023-09-30" }, { "Pathfinders", "2023-10-10" },
      { "Pathfinders", "2023-10-19" }, { "FTM Dance", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
        g_assert_cmpstr (rp_taster_day_get_provider_name (day), ==, expected[i][0]);
        g_assert_cmpstr (rp_taster_day_get_date (day), ==, expected[i][1]);
      }
  }

  rp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sample/reference-rows", test_sample_reference_rows);
  g_test_add_func ("/core/sample/timetable-and-providers", test_sample_timetable_and_providers);

  return g_test_run ();
}
