/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-save.c: saving only the fields a person changed, never over someone else's change */

#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

/* Two connections on one file, as the app and the CLI (or two windows) are. */
typedef struct
{
  char       *dir;
  char       *path;
  RpStore    *mine;    /* the person editing */
  RpStore    *theirs;  /* someone else writing meanwhile */
  RpAttendee *base;    /* the attendee as the person's page read it */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();

  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->mine = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_user (fixture->mine, "jtaylor");

  rp_programme_set_name (programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (fixture->mine, programme, &error));
  rp_attendee_set_programme_id (attendee, rp_programme_get_id (programme));
  rp_attendee_set_number (attendee, 7);
  rp_attendee_set_full_name (attendee, "Georgia Bennett");
  rp_attendee_set_contact_name (attendee, "Ruth Bennett");
  rp_attendee_set_contact_phone (attendee, "07700 900107");
  rp_attendee_set_step (attendee, 1);
  g_assert_true (rp_store_add_attendee (fixture->mine, attendee, "2023-07-17", &error));
  g_assert_no_error (error);

  fixture->theirs = rp_test_open_store (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rp_store_set_user (fixture->theirs, "amorgan");

  fixture->base = rp_store_get_attendee (fixture->mine, rp_attendee_get_id (attendee), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->base);
  g_assert_finalize_object (fixture->theirs);
  g_assert_finalize_object (fixture->mine);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
attendee_id (Fixture *fixture)
{
  return rp_attendee_get_id (fixture->base);
}

/* Someone else saves @field of the attendee as @value, through the whole-record save. */
static void
their_edit (Fixture         *fixture,
            RpAttendeeField  field,
            const char      *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = rp_store_get_attendee (fixture->theirs, attendee_id (fixture), &error);

  g_assert_no_error (error);
  rp_attendee_set_field (attendee, field, g_variant_new_string (value));
  g_assert_true (rp_store_save_attendee (fixture->theirs, attendee, &error));
  g_assert_no_error (error);
}

/* The person's edits: each text @field of @fields set to the matching value. */
static GArray *
my_edits (Fixture               *fixture,
          const RpAttendeeField *fields,
          const char * const    *values,
          guint                  n)
{
  g_autoptr(RpAttendee) edited = rp_attendee_copy (fixture->base);

  for (guint i = 0; i < n; i++)
    rp_attendee_set_field (edited, fields[i], g_variant_new_string (values[i]));

  return rp_attendee_diff (fixture->base, edited);
}

static RpAttendee *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  RpAttendee *attendee = rp_store_get_attendee (fixture->theirs, attendee_id (fixture), &error);

  g_assert_no_error (error);
  return attendee;
}

static guint
count (RpStore    *store,
       const char *sql)
{
  return rp_test_query_int (store, sql);
}

static void
test_save_conflict_keeps_theirs (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const RpAttendeeField fields[] = { RP_ATTENDEE_FIELD_CONTACT_PHONE };
  static const char * const values[] = { "07700 900999" };
  g_autoptr(GArray) edits = my_edits (fixture, fields, values, 1);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) after = NULL;
  RpFieldConflict *conflict;

  their_edit (fixture, RP_ATTENDEE_FIELD_CONTACT_PHONE, "07700 900111");

  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_false (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture),
                                                 (RpFieldEdit *) edits->data, edits->len, &conflicts, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "Someone else changed the phone number of attendee 7 while you were editing it. "
                   "What they saved was kept: choose which to keep.");

  /* The person is told what is stored now and what they typed. */
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->field, ==, RP_ATTENDEE_FIELD_CONTACT_PHONE);
  g_assert_cmpstr (g_variant_get_string (conflict->base, NULL), ==, "07700 900107");
  g_assert_cmpstr (g_variant_get_string (conflict->stored, NULL), ==, "07700 900111");
  g_assert_cmpstr (g_variant_get_string (conflict->mine, NULL), ==, "07700 900999");
  /* And who saved theirs, and when, as the audit trail has it. */
  g_assert_cmpstr (conflict->changed_by, ==, rp_test_audit_user ("amorgan"));
  g_assert_nonnull (conflict->changed_at);
  g_assert_true (g_str_has_suffix (conflict->changed_at, "Z"));

  /* Their value is kept; the audit trail has only their change. */
  after = stored (fixture);
  g_assert_cmpstr (rp_attendee_get_contact_phone (after), ==, "07700 900111");
  g_assert_cmpuint (count (fixture->theirs, "SELECT count(*) FROM audit WHERE action = 'update' AND field = 'contact_phone'"), ==, 1);
  g_assert_cmpuint (count (fixture->theirs, "SELECT count(*) FROM audit WHERE new_value = '07700 900999'"), ==, 0);
}

/* "Keep Mine": saving again from the value now stored overwrites it, audited. */
static void
test_save_keep_mine (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) stored_value = g_variant_ref_sink (g_variant_new_string ("07700 900111"));
  g_autoptr(GVariant) my_value = g_variant_ref_sink (g_variant_new_string ("07700 900999"));
  RpFieldEdit edit = { RP_ATTENDEE_FIELD_CONTACT_PHONE, stored_value, my_value };
  g_autoptr(RpAttendee) after = NULL;

  their_edit (fixture, RP_ATTENDEE_FIELD_CONTACT_PHONE, "07700 900111");

  g_assert_true (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture), &edit, 1, NULL, &error));
  g_assert_no_error (error);
  after = stored (fixture);
  g_assert_cmpstr (rp_attendee_get_contact_phone (after), ==, "07700 900999");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'update' AND \"user\" = '%s'"
                                            " AND old_value = '07700 900111' AND new_value = '07700 900999'",
                                            rp_test_audit_user ("jtaylor"));

    g_assert_cmpuint (count (fixture->theirs, sql), ==, 1);
  }
}

/* Different fields of the same attendee merge without asking. */
static void
test_save_other_field_merges (Fixture       *fixture,
                              gconstpointer  data)
{
  static const RpAttendeeField fields[] = { RP_ATTENDEE_FIELD_CONTACT_NAME };
  static const char * const values[] = { "Ruth Bennett-Okafor" };
  g_autoptr(GArray) edits = my_edits (fixture, fields, values, 1);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) after = NULL;

  their_edit (fixture, RP_ATTENDEE_FIELD_CONTACT_PHONE, "07700 900111");

  g_assert_true (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture),
                                                (RpFieldEdit *) edits->data, edits->len, &conflicts, &error));
  g_assert_no_error (error);
  g_assert_null (conflicts);

  after = stored (fixture);
  g_assert_cmpstr (rp_attendee_get_contact_name (after), ==, "Ruth Bennett-Okafor");
  g_assert_cmpstr (rp_attendee_get_contact_phone (after), ==, "07700 900111");
}

/* In one save, the field without a conflict is saved and the other reported. */
static void
test_save_partial (Fixture       *fixture,
                   gconstpointer  data)
{
  static const RpAttendeeField fields[] = { RP_ATTENDEE_FIELD_CONTACT_NAME, RP_ATTENDEE_FIELD_CONTACT_PHONE };
  static const char * const values[] = { "Ruth Bennett-Okafor", "07700 900999" };
  g_autoptr(GArray) edits = my_edits (fixture, fields, values, 2);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) after = NULL;

  their_edit (fixture, RP_ATTENDEE_FIELD_CONTACT_PHONE, "07700 900111");

  g_assert_false (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture),
                                                 (RpFieldEdit *) edits->data, edits->len, &conflicts, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_CONFLICT);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpint (((RpFieldConflict *) g_ptr_array_index (conflicts, 0))->field, ==, RP_ATTENDEE_FIELD_CONTACT_PHONE);

  after = stored (fixture);
  g_assert_cmpstr (rp_attendee_get_contact_name (after), ==, "Ruth Bennett-Okafor");
  g_assert_cmpstr (rp_attendee_get_contact_phone (after), ==, "07700 900111");
}

/* Both made the same change: nothing to ask about. */
static void
test_save_same_change (Fixture       *fixture,
                       gconstpointer  data)
{
  static const RpAttendeeField fields[] = { RP_ATTENDEE_FIELD_CONTACT_PHONE };
  static const char * const values[] = { "07700 900111" };
  g_autoptr(GArray) edits = my_edits (fixture, fields, values, 1);
  g_autoptr(GError) error = NULL;

  their_edit (fixture, RP_ATTENDEE_FIELD_CONTACT_PHONE, "07700 900111");
  g_assert_true (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture),
                                                (RpFieldEdit *) edits->data, edits->len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->theirs, "SELECT count(*) FROM audit WHERE action = 'update' AND field = 'contact_phone'"), ==, 1);
}

/* A save that changes nothing leaves the file as it was: no audit row, no
 * commit another connection could see, no change to the files on disk. */
static void
test_save_nothing_writes_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RpAttendee) unchanged = rp_attendee_copy (fixture->base);
  g_autoptr(GArray) edits = NULL;
  g_autoptr(GVariant) same = g_variant_ref_sink (g_variant_new_string ("07700 900107"));
  RpFieldEdit no_change = { RP_ATTENDEE_FIELD_CONTACT_PHONE, same, same };
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  guint audit_rows = count (fixture->theirs, "SELECT count(*) FROM audit");
  /* On a server the audit trail is the record of a write; on a file the
   * file itself is too. */
  gboolean file = !rp_test_backend_is_team ();
  guint version = file ? count (fixture->theirs, "PRAGMA data_version") : 0;
  GStatBuf db_before, db_after, wal_before, wal_after;

  /* The same content typed again in a field ("07700 900107") is no change. */
  rp_attendee_set_contact_phone (unchanged, "07700 900107");
  edits = rp_attendee_diff (fixture->base, unchanged);
  g_assert_cmpuint (edits->len, ==, 0);

  if (file)
    {
      g_assert_cmpint (g_stat (fixture->path, &db_before), ==, 0);
      g_assert_cmpint (g_stat (wal, &wal_before), ==, 0);
    }

  g_assert_true (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture),
                                                (RpFieldEdit *) edits->data, edits->len, NULL, &error));
  g_assert_true (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture), &no_change, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count (fixture->theirs, "SELECT count(*) FROM audit"), ==, audit_rows);
  if (!file)
    return;
  g_assert_cmpuint (count (fixture->theirs, "PRAGMA data_version"), ==, version);
  g_assert_cmpint (g_stat (fixture->path, &db_after), ==, 0);
  g_assert_cmpint (g_stat (wal, &wal_after), ==, 0);
  g_assert_cmpint (db_after.st_size, ==, db_before.st_size);
  g_assert_cmpint (db_after.st_mtime, ==, db_before.st_mtime);
  g_assert_cmpint (wal_after.st_size, ==, wal_before.st_size);
  g_assert_cmpint (wal_after.st_mtime, ==, wal_before.st_mtime);
}

/* The record after the save must keep the rules, as a whole-record save does. */
static void
test_save_rules (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) name = rp_attendee_dup_field (fixture->base, RP_ATTENDEE_FIELD_FULL_NAME);
  g_autoptr(GVariant) empty = g_variant_ref_sink (g_variant_new_string (""));
  g_autoptr(GVariant) no_worker = g_variant_ref_sink (g_variant_new_int64 (0));
  g_autoptr(GVariant) lost_worker = g_variant_ref_sink (g_variant_new_int64 (4242));
  RpFieldEdit emptied = { RP_ATTENDEE_FIELD_FULL_NAME, name, empty };
  RpFieldEdit worker = { RP_ATTENDEE_FIELD_WORKER, no_worker, lost_worker };
  guint audit_rows = count (fixture->theirs, "SELECT count(*) FROM audit");

  g_assert_false (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture), &emptied, 1, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture), &worker, 1, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (count (fixture->theirs, "SELECT count(*) FROM audit"), ==, audit_rows);
}

/* Every field goes to the database and back with its own type. */
static void
test_save_every_field (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpAttendee) edited = rp_attendee_copy (fixture->base);
  g_autoptr(RpAttendee) after = NULL;
  g_autoptr(RpWorker) worker = rp_worker_new ();
  g_autoptr(GArray) edits = NULL;
  g_autoptr(GError) error = NULL;

  rp_worker_set_name (worker, "Priya Mistry");
  rp_worker_set_initials (worker, "PM");
  g_assert_true (rp_store_add_worker (fixture->mine, worker, &error));

  rp_attendee_set_full_name (edited, "Georgia Bennett-Hale");
  rp_attendee_set_preferred_name (edited, "Georgie");
  rp_attendee_set_date_of_birth (edited, "1991-04-12");
  rp_attendee_set_contact_name (edited, NULL);
  rp_attendee_set_contact_relationship (edited, "Sister");
  rp_attendee_set_contact_phone (edited, "07700 900999");
  rp_attendee_set_wheelchair_user (edited, TRUE);
  rp_attendee_set_transport_needed (edited, TRUE);
  rp_attendee_set_access_needs (edited, "Hoist");
  rp_attendee_set_funding (edited, RP_FUNDING_HEALTH);
  rp_attendee_set_worker_id (edited, rp_worker_get_id (worker));
  rp_attendee_set_target_date (edited, "2024-01-31");
  rp_attendee_set_case_notes (edited, "Visit booked");
  rp_attendee_set_report_note (edited, "Review started");
  rp_attendee_set_archived (edited, TRUE);
  rp_attendee_set_communication_needs (edited, "large-print,interpreter");
  rp_attendee_set_interpreter_language (edited, "Polish");
  rp_attendee_set_preferred_contact (edited, "phone");
  rp_attendee_set_communication_notes (edited, "Reads best in the morning");
  rp_attendee_set_contact_communication_needs (edited, "bsl");
  rp_attendee_set_contact_interpreter_language (edited, "British Sign Language");
  rp_attendee_set_contact_preferred_contact (edited, "video-call");

  edits = rp_attendee_diff (fixture->base, edited);
  g_assert_cmpuint (edits->len, ==, RP_ATTENDEE_N_FIELDS);
  g_assert_true (rp_store_save_attendee_fields (fixture->mine, attendee_id (fixture),
                                                (RpFieldEdit *) edits->data, edits->len, NULL, &error));
  g_assert_no_error (error);

  after = stored (fixture);
  for (RpAttendeeField field = 0; field < RP_ATTENDEE_N_FIELDS; field++)
    g_assert_true (rp_attendee_field_equal (after, edited, field));
  g_assert_null (rp_attendee_get_contact_name (after));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/save/conflict-keeps-theirs", test_save_conflict_keeps_theirs);
  ADD ("/core/save/keep-mine", test_save_keep_mine);
  ADD ("/core/save/other-field-merges", test_save_other_field_merges);
  ADD ("/core/save/partial", test_save_partial);
  ADD ("/core/save/same-change", test_save_same_change);
  ADD ("/core/save/nothing-writes-nothing", test_save_nothing_writes_nothing);
  ADD ("/core/save/rules", test_save_rules);
  ADD ("/core/save/every-field", test_save_every_field);
#undef ADD

  return g_test_run ();
}
