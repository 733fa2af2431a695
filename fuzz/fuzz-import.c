/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import.c: every row check of the import, against a small programme */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "rp-core.h"
#include "rp-fuzz.h"

static char *dir;
static char *path;
static RpStore *store;
static gint64 programme_id;

static void
clean_up (void)
{
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&dir, g_free);
}

static void
add_worker (const char *name,
            const char *initials)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpWorker) worker = rp_worker_new ();

  rp_worker_set_name (worker, name);
  rp_worker_set_initials (worker, initials);
  g_assert_true (rp_store_add_worker (store, worker, &error));
}

/* One database for the whole run: checking writes nothing. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();

  rp_fuzz_init ();

  dir = g_dir_make_tmp ("reprovision-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.db", NULL);
  store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  atexit (clean_up);
  rp_store_set_today (store, "2023-09-22");

  rp_programme_set_name (programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (store, programme, &error));
  programme_id = rp_programme_get_id (programme);

  add_worker ("Priya Mistry", "PM");
  add_worker ("Rob Hughes", "RH");
  add_worker ("Rosa Hale", "RH");

  for (int number = 1; number <= 2; number++)
    {
      g_autoptr(RpAttendee) attendee = rp_attendee_new ();

      rp_attendee_set_programme_id (attendee, programme_id);
      rp_attendee_set_number (attendee, number);
      rp_attendee_set_full_name (attendee, "Aisha Rahman");
      rp_attendee_set_step (attendee, 1);
      g_assert_true (rp_store_add_attendee (store, attendee, NULL, &error));
    }

  /* Attendee 3 has moved, with two outcomes in the plan, so that a reviews
   * file reaches the checks of a review and not only of its cells. */
  {
    g_autoptr(RpAttendee) attendee = rp_attendee_new ();
    g_autoptr(RpProvider) provider = rp_provider_new ();
    const char * const outcomes[] = { "Swimming each week", "Same transport driver" };

    rp_provider_set_name (provider, "Oak Lodge");
    g_assert_true (rp_store_add_provider (store, provider, &error));
    rp_attendee_set_programme_id (attendee, programme_id);
    rp_attendee_set_number (attendee, 3);
    rp_attendee_set_full_name (attendee, "Grace Adeyemi");
    rp_attendee_set_step (attendee, 5);
    g_assert_true (rp_store_add_attendee (store, attendee, NULL, &error));
    for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
      {
        g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();

        rp_planned_outcome_set_attendee_id (outcome, rp_attendee_get_id (attendee));
        rp_planned_outcome_set_description (outcome, outcomes[i]);
        g_assert_true (rp_store_add_planned_outcome (store, outcome, &error));
      }
    g_assert_true (rp_store_record_move (store, rp_attendee_get_id (attendee), rp_provider_get_id (provider),
                                         "2023-08-01", &error));
  }

  return 0;
}

/* A problem names a line, a column only with its heading, and shows what
 * the file held safely. */
static void
assert_problems_shown_safely (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      RpImportProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_true ((problem->column >= 0) == (problem->heading != NULL));
      rp_fuzz_assert_shown_safely (problem->message);
      if (problem->heading != NULL)
        rp_fuzz_assert_shown_safely (problem->heading);
    }
}

/* A dry run of an import of the contact log or the reviews: checked, never written. */
static void
check_dry_run (RpCsvImportFunc  import,
               const uint8_t   *data,
               size_t           size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (!import (store, programme_id, (const char *) data, size, TRUE, &n_added, &problems, &error))
    {
      g_assert_true (error != NULL && error->domain == RP_ERROR);
      rp_fuzz_assert_shown_safely (error->message);
      g_assert_cmpuint (n_added, ==, 0);
    }
  assert_problems_shown_safely (problems);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpImport) import = rp_import_new_from_data ((const char *) data, size, NULL, &error);
  g_autoptr(RpImportPreview) preview = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  GPtrArray *problems;
  GPtrArray *attendees;

  if (import == NULL)
    {
      g_assert_true (error != NULL && error->domain == RP_ERROR);
      return 0;
    }

  preview = rp_import_check (import, store, programme_id, NULL, &error);
  g_assert_no_error (error);

  problems = rp_import_preview_get_problems (preview);
  for (guint i = 0; i < problems->len; i++)
    {
      RpImportProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_cmpint (problem->column, <, (int) rp_import_get_n_columns (import));
      g_assert_true ((problem->column >= 0) == (problem->heading != NULL));
      rp_fuzz_assert_shown_safely (problem->message);
      if (problem->heading != NULL)
        rp_fuzz_assert_shown_safely (problem->heading);
    }

  /* What would be added can be saved, once each, and takes no number in use. */
  attendees = rp_import_preview_get_attendees (preview);
  g_assert_cmpuint (attendees->len, <=, rp_import_get_n_rows (import));
  numbers = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < attendees->len; i++)
    {
      RpAttendee *attendee = g_ptr_array_index (attendees, i);
      int number = rp_attendee_get_number (attendee);

      const char * const *outcomes = rp_import_preview_get_planned_outcomes (preview, i);

      g_assert_true (rp_attendee_validate (attendee, NULL));
      g_assert_cmpint (number, >, 2);
      /* Each planned outcome is one the moving plan would save. */
      for (guint j = 0; outcomes[j] != NULL; j++)
        {
          g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();

          rp_planned_outcome_set_description (outcome, outcomes[j]);
          g_assert_true (rp_planned_outcome_validate (outcome, NULL));
        }
      g_assert_false (g_hash_table_contains (numbers, GINT_TO_POINTER (number)));
      g_hash_table_add (numbers, GINT_TO_POINTER (number));
    }

  /* The same bytes as a contact log and as reviews. */
  check_dry_run (rp_contact_csv_import, data, size);
  check_dry_run (rp_review_csv_import, data, size);

  return 0;
}
