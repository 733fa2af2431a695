/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-generate.c: a synthetic programme of any size, for benchmarks and trying out reports */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-generate.h"
#include "rp-store-private.h"

static const char * const first_names[] = {
  "Aisha", "Ben", "Chloe", "Daniel", "Ella", "Faisal", "Georgia", "Harry", "Imogen", "Jamal",
  "Katie", "Liam", "Maya", "Nathan", "Olivia", "Peter", "Rhiannon", "Samuel", "Tara", "Usman",
};

static const char * const last_names[] = {
  "Rahman", "Clarke", "Evans", "Okoro", "Morgan", "Hussain", "Bennett", "Doyle", "Price", "Ahmed",
  "O'Neill", "Walker", "Patel", "Brooks", "Hart", "Lowe", "Jones", "Adeyemi", "Quinn", "Smith",
};

static const char * const notes[] = {
  "Allocated worker made contact.",
  "Allocated worker to make contact",
  "Review commenced with family and day centre.",
  "Review process completed",
  "Family attending open days",
  "Options being explored",
  "Follow-up visit planned at new provider",
};

static const char * const provider_names[] = {
  "IBC", "Pathfinders", "FTM Dance", "Mosaic", "Oakleaf", "Brightways", "Harbour House", "Meadowview",
};

static gboolean
generate (RpStore      *store,
          RpProgramme  *programme,
          guint         n_attendees,
          GRand        *rand,
          GError      **error)
{
  gint64 workers[30], providers[G_N_ELEMENTS (provider_names)];
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 programme_id;

  if (!rp_store_add_programme (store, programme, error))
    return FALSE;
  programme_id = rp_programme_get_id (programme);

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      g_autoptr(RpWorker) worker = rp_worker_new ();
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[(i * 3) % 20], last_names[(i * 7 + 3) % 20]);
      g_autofree char *initials = g_strdup_printf ("W%u", i + 1);

      rp_worker_set_name (worker, name);
      rp_worker_set_initials (worker, initials);
      rp_worker_set_role (worker, i % 6 == 5 ? RP_WORKER_ROLE_DAY_CENTRE_STAFF : RP_WORKER_ROLE_SOCIAL_WORKER);
      if (!rp_store_add_worker (store, worker, error))
        return FALSE;
      workers[i] = rp_worker_get_id (worker);
    }

  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      g_autoptr(RpProvider) provider = rp_provider_new ();

      rp_provider_set_name (provider, provider_names[i]);
      rp_provider_set_on_framework (provider, i < 4);
      if (!rp_store_add_provider (store, provider, error))
        return FALSE;
      providers[i] = rp_provider_get_id (provider);
    }

  for (guint i = 0; i < G_N_ELEMENTS (providers) * 2; i++)
    {
      g_autoptr(RpTasterDay) day = rp_taster_day_new ();
      g_autofree char *date = g_strdup_printf ("2023-%02d-%02d", 9 + i % 3, 1 + (i * 5) % 28);
      gint64 id;

      rp_taster_day_set_programme_id (day, programme_id);
      rp_taster_day_set_provider_id (day, providers[i % G_N_ELEMENTS (providers)]);
      rp_taster_day_set_date (day, i % 7 == 6 ? NULL : date);
      rp_taster_day_set_start_time (day, "10:00");
      rp_taster_day_set_end_time (day, "14:00");
      rp_taster_day_set_places (day, 8);
      if (!rp_store_add_taster_day (store, day, error))
        return FALSE;
      id = rp_taster_day_get_id (day);
      g_array_append_val (days, id);
    }

  for (guint number = 1; number <= n_attendees; number++)
    {
      g_autoptr(RpAttendee) attendee = rp_attendee_new ();
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[g_rand_int_range (rand, 0, 20)],
                                               last_names[g_rand_int_range (rand, 0, 20)]);
      int step = g_rand_int_range (rand, 1, 7);
      int month = 3;

      rp_attendee_set_programme_id (attendee, programme_id);
      rp_attendee_set_number (attendee, number);
      rp_attendee_set_full_name (attendee, name);
      rp_attendee_set_funding (attendee, g_rand_int_range (rand, 0, 4) == 0 ? RP_FUNDING_HEALTH : RP_FUNDING_ASC);
      if (g_rand_int_range (rand, 0, 20) != 0)
        rp_attendee_set_worker_id (attendee, workers[g_rand_int_range (rand, 0, G_N_ELEMENTS (workers))]);
      rp_attendee_set_report_note (attendee, notes[MIN (step - 1, (int) G_N_ELEMENTS (notes) - 1)]);
      if (step >= 4)
        rp_attendee_set_target_date (attendee, g_rand_boolean (rand) ? "2024-01-31" : "2024-03-15");
      rp_attendee_set_step (attendee, 1);
      if (!rp_store_add_attendee (store, attendee, "2023-02-01", error))
        return FALSE;

      /* About five changes each: forward, with the odd step back and forward again. */
      for (int reached = 2; reached <= step; reached++)
        {
          g_autofree char *date = g_strdup_printf ("2023-%02d-%02d", month++, g_rand_int_range (rand, 1, 29));

          if (!rp_store_change_step (store, rp_attendee_get_id (attendee), reached, date, NULL, error))
            return FALSE;
        }

      if (number % 25 == 0)
        {
          g_autoptr(RpBooking) booking = rp_booking_new ();

          rp_booking_set_taster_day_id (booking, g_array_index (days, gint64, number % days->len));
          rp_booking_set_attendee_id (booking, rp_attendee_get_id (attendee));
          rp_booking_set_status (booking, RP_BOOKING_CONFIRMED);
          if (!rp_store_add_booking (store, booking, error))
            return FALSE;
        }

      if (number % 40 == 0)
        {
          g_autoptr(GError) move_error = NULL;

          rp_store_record_move (store, rp_attendee_get_id (attendee), providers[number % G_N_ELEMENTS (providers)],
                                "2023-10-02", &move_error);
        }
    }

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
      g_autofree char *activity = g_strdup_printf ("Closure action %u: review progress with the team and families.", i + 1);
      g_autofree char *due = g_strdup_printf ("2023-%02d-15", 5 + i);

      rp_timetable_action_set_programme_id (action, programme_id);
      rp_timetable_action_set_activity (action, activity);
      rp_timetable_action_set_owner (action, "W1/W2");
      rp_timetable_action_set_due_date (action, i % 3 == 2 ? NULL : due);
      rp_timetable_action_set_status (action, i < 3 ? RP_ACTION_COMPLETED : i < 5 ? RP_ACTION_IN_PROGRESS : RP_ACTION_NOT_STARTED);
      rp_timetable_action_set_position (action, i + 1);
      if (!rp_store_add_action (store, action, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rp_generate_programme:
 * @n_attendees: how many attendees
 * @seed: the same seed gives the same programme
 *
 * Writes a synthetic programme with fictional attendees, a step history of
 * several changes each, workers, providers, taster days, bookings and
 * timetable actions, in one transaction.
 *
 * Returns: (transfer full): the programme, or %NULL
 */
RpProgramme *
rp_generate_programme (RpStore  *store,
                       guint     n_attendees,
                       guint32   seed,
                       GError  **error)
{
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autofree char *name = NULL;
  GRand *rand;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  name = g_strdup_printf (_("Generated programme (%u attendees)"), n_attendees);
  rp_programme_set_name (programme, name);
  rp_programme_set_closure_date (programme, "2024-03-31");
  rp_programme_set_report_title (programme, _("Day Centre Update"));

  if (!rp_store_begin (store, error))
    return NULL;

  rand = g_rand_new_with_seed (seed);
  ok = generate (store, programme, n_attendees, rand, error);
  g_rand_free (rand);

  if (!ok || !rp_store_commit (store, error))
    {
      rp_store_rollback (store);
      return NULL;
    }

  return g_steal_pointer (&programme);
}
