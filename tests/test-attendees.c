/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-attendees.c: attendees, their numbers, steps and moves, as the store enforces them */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rp-core.h"
#include "rp-audit-entry-private.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
  gint64       provider_id;
  gint64       worker_id;
} Fixture;

static RpAttendee *
make_attendee (Fixture    *fixture,
               int         number,
               const char *name)
{
  RpAttendee *attendee = rp_attendee_new ();

  rp_attendee_set_programme_id (attendee, rp_programme_get_id (fixture->programme));
  rp_attendee_set_number (attendee, number);
  rp_attendee_set_full_name (attendee, name);
  rp_attendee_set_step (attendee, 1);
  return attendee;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RpProvider) provider = rp_provider_new ();
  g_autoptr(RpWorker) worker = rp_worker_new ();

  fixture->dir = rp_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  rp_store_set_user (fixture->store, "jtaylor");

  fixture->programme = rp_programme_new ();
  rp_programme_set_name (fixture->programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (fixture->store, fixture->programme, &error));

  rp_provider_set_name (provider, "Mosaic");
  g_assert_true (rp_store_add_provider (fixture->store, provider, &error));
  fixture->provider_id = rp_provider_get_id (provider);

  rp_worker_set_name (worker, "Priya Mistry");
  rp_worker_set_initials (worker, "PM");
  g_assert_true (rp_store_add_worker (fixture->store, worker, &error));
  fixture->worker_id = rp_worker_get_id (worker);
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

static guint
count_rows (Fixture    *fixture,
            const char *sql)
{
  return rp_test_query_int (fixture->store, sql);
}

static void
test_attendee_add_with_history (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = make_attendee (fixture, 1, "Aisha Rahman");
  g_autoptr(RpAttendee) loaded = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(RpStepChange) first = NULL;

  rp_attendee_set_worker_id (attendee, fixture->worker_id);
  rp_attendee_set_funding (attendee, RP_FUNDING_HEALTH);
  g_assert_true (rp_store_add_attendee (fixture->store, attendee, "2023-07-17", &error));
  g_assert_no_error (error);

  loaded = rp_store_get_attendee (fixture->store, rp_attendee_get_id (attendee), &error);
  g_assert_cmpint (rp_attendee_get_number (loaded), ==, 1);
  g_assert_cmpint (rp_attendee_get_step (loaded), ==, 1);
  g_assert_cmpstr (rp_attendee_get_step_since (loaded), ==, "2023-07-17");
  g_assert_cmpstr (rp_attendee_get_worker_name (loaded), ==, "Priya Mistry");
  g_assert_cmpint (rp_attendee_get_funding (loaded), ==, RP_FUNDING_HEALTH);

  history = rp_store_list_step_history (fixture->store, rp_attendee_get_id (attendee), &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  first = g_list_model_get_item (history, 0);
  g_assert_cmpint (rp_step_change_get_from_step (first), ==, 0);
  g_assert_cmpint (rp_step_change_get_to_step (first), ==, 1);
  g_assert_cmpstr (rp_step_change_get_recorded_by (first), ==, rp_test_audit_user ("jtaylor"));
}

static void
test_attendee_duplicate_number (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) first = make_attendee (fixture, 7, "Georgia Bennett");
  g_autoptr(RpAttendee) second = make_attendee (fixture, 7, "Harry Doyle");
  g_autoptr(GListModel) attendees = NULL;

  g_assert_true (rp_store_add_attendee (fixture->store, first, NULL, &error));
  g_assert_false (rp_store_add_attendee (fixture->store, second, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "Attendee number 7 is already in use in this programme. The next free number is 8.");
  g_assert_cmpint (rp_attendee_get_id (second), ==, 0);

  attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 1);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_change"), ==, 1);
  g_assert_cmpint (rp_store_next_attendee_number (fixture->store, rp_programme_get_id (fixture->programme), NULL), ==, 8);
}

static void
test_attendee_number_stable (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = make_attendee (fixture, 3, "Chloe Evans");
  g_autoptr(RpAttendee) loaded = NULL;

  g_assert_true (rp_store_add_attendee (fixture->store, attendee, NULL, &error));
  rp_attendee_set_number (attendee, 4);
  rp_attendee_set_report_note (attendee, "Allocated worker made contact.");
  g_assert_false (rp_store_save_attendee (fixture->store, attendee, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);

  loaded = rp_store_get_attendee (fixture->store, rp_attendee_get_id (attendee), NULL);
  g_assert_cmpint (rp_attendee_get_number (loaded), ==, 3);
  g_assert_null (rp_attendee_get_report_note (loaded));
}

static void
test_attendee_step_rules (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = make_attendee (fixture, 2, "Ben Clarke");
  g_autoptr(RpAttendee) loaded = NULL;
  g_autoptr(GListModel) history = NULL;
  gint64 id;
  guint audit_before;

  g_assert_true (rp_store_add_attendee (fixture->store, attendee, "2023-07-17", &error));
  id = rp_attendee_get_id (attendee);

  g_assert_true (rp_store_change_step (fixture->store, id, 2, "2023-08-07", NULL, &error));
  g_assert_no_error (error);

  /* Refused changes write nothing at all, not even an audit row. */
  audit_before = count_rows (fixture, "SELECT count(*) FROM audit");
  g_assert_false (rp_store_change_step (fixture->store, id, 4, "2023-09-01", NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_change_step (fixture->store, id, 3, "2023-10-01", NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_change_step (fixture->store, id, 3, "2023-08-01", NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM audit"), ==, audit_before);

  g_assert_true (rp_store_change_step (fixture->store, id, 4, "2023-09-12", "Review completed at the first meeting", &error));
  g_assert_true (rp_store_change_step (fixture->store, id, 3, "2023-09-20", "Family asked to revisit the review", &error));
  g_assert_no_error (error);

  loaded = rp_store_get_attendee (fixture->store, id, NULL);
  g_assert_cmpint (rp_attendee_get_step (loaded), ==, 3);
  g_assert_cmpstr (rp_attendee_get_step_since (loaded), ==, "2023-09-20");

  history = rp_store_list_step_history (fixture->store, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 4);
  {
    g_autoptr(RpStepChange) last = g_list_model_get_item (history, 3);
    g_assert_cmpint (rp_step_change_get_from_step (last), ==, 4);
    g_assert_cmpint (rp_step_change_get_to_step (last), ==, 3);
    g_assert_cmpstr (rp_step_change_get_reason (last), ==, "Family asked to revisit the review");
  }
}

/* Raw SQL refused: by a constraint on a file (its triggers), by the server. */
static gboolean
refused (Fixture    *fixture,
         const char *sql)
{
  if (rp_test_backend_is_team ())
    return !rp_test_try_exec (fixture->store, sql);
  return (sqlite3_exec (rp_store_get_db (fixture->store), sql, NULL, NULL, NULL) & 0xff) == SQLITE_CONSTRAINT;
}

static void
test_attendee_step_follows_history (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = make_attendee (fixture, 5, "Ella Morgan");
  g_autofree char *sql = NULL;

  g_assert_true (rp_store_add_attendee (fixture->store, attendee, NULL, &error));

  /* Even raw SQL cannot make the current step disagree with the history. */
  sql = g_strdup_printf ("UPDATE attendee SET step = 5 WHERE id = %" G_GINT64_FORMAT,
                         rp_attendee_get_id (attendee));
  g_assert_true (refused (fixture, sql));
  g_assert_cmpuint (count_rows (fixture, "SELECT step FROM attendee"), ==, 1);

  /* Nor the date the step began, which the attendees view shows as days at step. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE attendee SET step_since = '2020-01-01' WHERE id = %" G_GINT64_FORMAT,
                         rp_attendee_get_id (attendee));
  g_assert_true (refused (fixture, sql));
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM attendee WHERE step_since = '2020-01-01'"), ==, 0);
}

static void
test_attendee_move (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = make_attendee (fixture, 11, "Katie O'Neill");
  g_autoptr(RpAttendee) loaded = NULL;
  g_autoptr(GListModel) attendees = NULL;
  gint64 id;

  g_assert_true (rp_store_add_attendee (fixture->store, attendee, NULL, &error));
  id = rp_attendee_get_id (attendee);

  g_assert_false (rp_store_record_move (fixture->store, id, 0, "2023-09-20", &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A move needs the provider the person moved to.");
  g_clear_error (&error);

  g_assert_false (rp_store_record_move (fixture->store, id, fixture->provider_id, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rp_store_record_move (fixture->store, id, fixture->provider_id, "2023-12-01", &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rp_store_record_move (fixture->store, id, 9999, "2023-09-20", &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  loaded = rp_store_get_attendee (fixture->store, id, NULL);
  g_assert_cmpint (rp_attendee_get_outcome (loaded), ==, RP_OUTCOME_ATTENDING);
  g_clear_object (&loaded);

  g_assert_true (rp_store_record_move (fixture->store, id, fixture->provider_id, "2023-09-20", &error));
  g_assert_no_error (error);
  loaded = rp_store_get_attendee (fixture->store, id, NULL);
  g_assert_cmpint (rp_attendee_get_outcome (loaded), ==, RP_OUTCOME_MOVED);
  g_assert_cmpstr (rp_attendee_get_outcome_date (loaded), ==, "2023-09-20");
  g_assert_cmpstr (rp_attendee_get_moved_to_provider_name (loaded), ==, "Mosaic");

  /* A moved attendee stays in the programme, and so in reports. */
  attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 1);
}

static void
test_attendee_validation (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) nameless = make_attendee (fixture, 1, NULL);
  g_autoptr(RpAttendee) bad_birth = make_attendee (fixture, 2, "Liam Walker");
  g_autoptr(RpAttendee) no_worker = make_attendee (fixture, 3, "Maya Patel");

  g_assert_false (rp_store_add_attendee (fixture->store, nameless, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);

  rp_attendee_set_date_of_birth (bad_birth, "2023-02-30");
  g_assert_false (rp_store_add_attendee (fixture->store, bad_birth, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);

  /* Text over the limit is refused with the limit in words a person reads. */
  {
    g_autofree char *long_notes = g_strnfill (10001, 'a');
    g_autoptr(RpAttendee) wordy = make_attendee (fixture, 4, "Jamal Ahmed");

    rp_attendee_set_case_notes (wordy, long_notes);
    g_assert_false (rp_store_add_attendee (fixture->store, wordy, NULL, &error));
    g_assert_cmpstr (error->message, ==, "Too long: the case notes can hold at most 10,000 characters.");
    g_clear_error (&error);
  }

  rp_attendee_set_worker_id (no_worker, 4242);
  g_assert_false (rp_store_add_attendee (fixture->store, no_worker, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM attendee"), ==, 0);
}

static void
test_attendee_unicode_unchanged (Fixture       *fixture,
                                 gconstpointer  data)
{
  /* Right-to-left, combining marks and emoji are stored and read back byte for byte. */
  const char *name = "\xd8\xb9\xd8\xa7\xd8\xa6\xd8\xb4\xd8\xa9 Zo\xc3\xab Ame\xcc\x81lie \xf0\x9f\x8c\xbb";
  const char *note = "Likes \xe2\x80\x9cQuiet room\xe2\x80\x9d; it's; DROP TABLE attendee; --";
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = make_attendee (fixture, 9, name);
  g_autoptr(RpAttendee) loaded = NULL;

  rp_attendee_set_case_notes (attendee, note);
  g_assert_true (rp_store_add_attendee (fixture->store, attendee, NULL, &error));
  g_assert_no_error (error);
  loaded = rp_store_get_attendee (fixture->store, rp_attendee_get_id (attendee), NULL);
  g_assert_cmpstr (rp_attendee_get_full_name (loaded), ==, name);
  g_assert_cmpstr (rp_attendee_get_case_notes (loaded), ==, note);
}

static void
test_attendee_undo_step (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = make_attendee (fixture, 6, "Faisal Hussain");
  g_autoptr(RpAttendee) loaded = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(RpStepChange) first = NULL;
  g_autoptr(RpStepChange) second = NULL;
  gint64 id;

  g_assert_true (rp_store_add_attendee (fixture->store, attendee, "2023-07-17", &error));
  id = rp_attendee_get_id (attendee);
  g_assert_true (rp_store_change_step (fixture->store, id, 2, "2023-08-07", NULL, &error));
  g_assert_true (rp_store_change_step (fixture->store, id, 3, "2023-09-01", NULL, &error));

  history = rp_store_list_step_history (fixture->store, id, NULL);
  first = g_list_model_get_item (history, 0);
  second = g_list_model_get_item (history, 1);

  /* Only the newest change can be taken back, and never the first entry. */
  g_assert_false (rp_store_undo_step_change (fixture->store, rp_step_change_get_id (second), &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_store_undo_step_change (fixture->store, rp_step_change_get_id (first), &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(RpStepChange) last = g_list_model_get_item (history, 2);
    g_assert_true (rp_store_undo_step_change (fixture->store, rp_step_change_get_id (last), &error));
    g_assert_no_error (error);
  }

  loaded = rp_store_get_attendee (fixture->store, id, NULL);
  g_assert_cmpint (rp_attendee_get_step (loaded), ==, 2);
  g_assert_cmpstr (rp_attendee_get_step_since (loaded), ==, "2023-08-07");
  /* The audit trail remembers the undone change as a deletion. */
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM audit WHERE table_name = 'step_change' AND action = 'delete'"), >, 0);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* The file holds NUL bytes, so search it as bytes, not as a string. */
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

static void
test_attendee_erasure (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) keep = make_attendee (fixture, 1, "Aisha Rahman");
  g_autoptr(RpAttendee) erase = make_attendee (fixture, 2, "Quentin Zebedee-Farquharson");
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(RpAuditEntry) tombstone = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "programme.db", NULL);
  gint64 id;

  rp_attendee_set_contact_name (erase, "Philomena Zebedee-Farquharson");
  rp_attendee_set_case_notes (erase, "Uniquely identifiable note xyzzy-plugh");
  g_assert_true (rp_store_add_attendee (fixture->store, keep, NULL, &error));
  g_assert_true (rp_store_add_attendee (fixture->store, erase, NULL, &error));
  id = rp_attendee_get_id (erase);
  g_assert_true (rp_store_change_step (fixture->store, id, 2, NULL, "Called Philomena", &error));

  rp_store_delete_attendee (fixture->store, id, &error);
  g_assert_no_error (error);

  g_assert_null (rp_store_get_attendee (fixture->store, id, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM step_change"), ==, 1);

  /* Only a tombstone is left: the number, when and by whom. */
  audit = rp_store_list_audit (fixture->store, "attendee", id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (audit), ==, 1);
  tombstone = g_list_model_get_item (audit, 0);
  g_assert_cmpstr (rp_audit_entry_get_action (tombstone), ==, "delete");
  g_assert_cmpstr (rp_audit_entry_get_old_value (tombstone), ==, "2");
  g_assert_cmpstr (rp_audit_entry_get_user (tombstone), ==, rp_test_audit_user ("jtaylor"));
  g_assert_cmpuint (count_rows (fixture, "SELECT count(*) FROM audit WHERE old_value LIKE '%Zebedee%' OR new_value LIKE '%Zebedee%' OR new_value LIKE '%Philomena%'"), ==, 0);

  /* Nothing of the person remains anywhere in the file. (A server's
   * storage is its administrator's, not a file for the test to read.) */
  if (rp_test_backend_is_team ())
    return;
  g_assert_false (file_contains (path, "Zebedee"));
  g_assert_false (file_contains (path, "xyzzy-plugh"));
  g_assert_false (file_contains (path, "Philomena"));
  g_assert_true (file_contains (path, "Aisha Rahman"));
}

static void
test_attendee_archive_and_caseload (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) a = make_attendee (fixture, 1, "Aisha Rahman");
  g_autoptr(RpAttendee) b = make_attendee (fixture, 2, "Ben Clarke");
  g_autoptr(RpAttendee) loaded = NULL;
  gint64 programme_id = rp_programme_get_id (fixture->programme);

  rp_attendee_set_worker_id (a, fixture->worker_id);
  rp_attendee_set_worker_id (b, fixture->worker_id);
  g_assert_true (rp_store_add_attendee (fixture->store, a, NULL, &error));
  g_assert_true (rp_store_add_attendee (fixture->store, b, NULL, &error));
  g_assert_cmpuint (rp_store_count_caseload (fixture->store, programme_id, fixture->worker_id, &error), ==, 2);

  rp_attendee_set_archived (b, TRUE);
  g_assert_true (rp_store_save_attendee (fixture->store, b, &error));
  loaded = rp_store_get_attendee (fixture->store, rp_attendee_get_id (b), NULL);
  g_assert_true (rp_attendee_get_archived (loaded));
  g_assert_cmpuint (rp_store_count_caseload (fixture->store, programme_id, fixture->worker_id, &error), ==, 1);

  g_assert_true (rp_store_record_move (fixture->store, rp_attendee_get_id (a), fixture->provider_id, "2023-09-20", &error));
  g_assert_cmpuint (rp_store_count_caseload (fixture->store, programme_id, fixture->worker_id, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_attendee_name_index (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = make_attendee (fixture, 1, "Aisha Rahman");
  g_autoptr(RpNameIndex) index = NULL;

  rp_attendee_set_contact_name (attendee, "Nasreen Rahman");
  g_assert_true (rp_store_add_attendee (fixture->store, attendee, NULL, &error));

  index = rp_store_build_name_index (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  /* Attendees, their contacts and workers are all known names. */
  g_assert_cmpstr (rp_name_index_find (index, "Nasreen's view is that"), ==, "Nasreen");
  g_assert_cmpstr (rp_name_index_find (index, "Discussed with Priya"), ==, "Priya");
  g_assert_null (rp_name_index_find (index, "Allocated worker made contact, Mosaic potential provider."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/attendees/add-with-history", test_attendee_add_with_history);
  ADD ("/core/attendees/duplicate-number", test_attendee_duplicate_number);
  ADD ("/core/attendees/number-stable", test_attendee_number_stable);
  ADD ("/core/attendees/step-rules", test_attendee_step_rules);
  ADD ("/core/attendees/step-follows-history", test_attendee_step_follows_history);
  ADD ("/core/attendees/move", test_attendee_move);
  ADD ("/core/attendees/validation", test_attendee_validation);
  ADD ("/core/attendees/unicode-unchanged", test_attendee_unicode_unchanged);
  ADD ("/core/attendees/undo-step", test_attendee_undo_step);
  ADD ("/core/attendees/erasure", test_attendee_erasure);
  ADD ("/core/attendees/archive-and-caseload", test_attendee_archive_and_caseload);
  ADD ("/core/attendees/name-index", test_attendee_name_index);
#undef ADD

  return g_test_run ();
}
