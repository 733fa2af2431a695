/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-audit.c: every change leaves a trail, and the trail cannot be edited */

#include "config.h"

#include <sqlite3.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-util.h"

typedef struct
{
  char    *dir;
  RpStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "audit.db", NULL);
  fixture->store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_user (fixture->store, "mlewis");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static RpAuditEntry *
find_entry (GListModel *entries,
            const char *field)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (rp_audit_entry_get_field (entry), field) == 0)
        return g_steal_pointer (&entry);
    }

  return NULL;
}

static void
test_audit_insert_and_update (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProvider) provider = rp_provider_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RpAuditEntry) entry = NULL;
  guint after_insert;

  rp_provider_set_name (provider, "Pathfinders");
  rp_provider_set_address (provider, "Unit 4, Canal Wharf");
  g_assert_true (rp_store_add_provider (fixture->store, provider, &error));

  entries = rp_store_list_audit (fixture->store, "provider", rp_provider_get_id (provider), &error);
  g_assert_no_error (error);
  after_insert = g_list_model_get_n_items (entries);
  /* name, address and on_framework (0) have values; nothing else was set. */
  g_assert_cmpuint (after_insert, ==, 3);
  entry = find_entry (entries, "name");
  g_assert_nonnull (entry);
  g_assert_cmpstr (rp_audit_entry_get_user (entry), ==, "mlewis");
  g_assert_cmpstr (rp_audit_entry_get_table_name (entry), ==, "provider");
  g_assert_null (rp_audit_entry_get_old_value (entry));
  g_assert_cmpstr (rp_audit_entry_get_new_value (entry), ==, "Pathfinders");
  g_assert_nonnull (rp_audit_entry_get_recorded_at (entry));
  g_clear_object (&entry);
  g_clear_object (&entries);

  /* An update records only the fields that changed, with both values. */
  rp_store_set_user (fixture->store, "rhughes");
  rp_provider_set_address (provider, "Unit 5, Canal Wharf");
  g_assert_true (rp_store_save_provider (fixture->store, provider, &error));
  entries = rp_store_list_audit (fixture->store, "provider", rp_provider_get_id (provider), &error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, after_insert + 1);
  entry = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (rp_audit_entry_get_field (entry), ==, "address");
  g_assert_cmpstr (rp_audit_entry_get_old_value (entry), ==, "Unit 4, Canal Wharf");
  g_assert_cmpstr (rp_audit_entry_get_new_value (entry), ==, "Unit 5, Canal Wharf");
  g_assert_cmpstr (rp_audit_entry_get_user (entry), ==, "rhughes");
  g_clear_object (&entries);

  /* Saving without changes adds nothing. */
  g_assert_true (rp_store_save_provider (fixture->store, provider, &error));
  entries = rp_store_list_audit (fixture->store, "provider", rp_provider_get_id (provider), &error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, after_insert + 1);
}

static void
test_audit_step_change (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RpAuditEntry) step = NULL;

  rp_programme_set_name (programme, "Riverside");
  g_assert_true (rp_store_add_programme (fixture->store, programme, &error));
  rp_attendee_set_programme_id (attendee, rp_programme_get_id (programme));
  rp_attendee_set_number (attendee, 1);
  rp_attendee_set_full_name (attendee, "Aisha Rahman");
  g_assert_true (rp_store_add_attendee (fixture->store, attendee, NULL, &error));
  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (attendee), 2, NULL, NULL, &error));
  g_assert_no_error (error);

  entries = rp_store_list_audit (fixture->store, "attendee", rp_attendee_get_id (attendee), &error);
  step = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (rp_audit_entry_get_field (step), ==, "step");
  g_assert_cmpstr (rp_audit_entry_get_old_value (step), ==, "1");
  g_assert_cmpstr (rp_audit_entry_get_new_value (step), ==, "2");
}

static void
test_audit_cannot_be_edited (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpWorker) worker = rp_worker_new ();
  g_autoptr(GListModel) entries = NULL;
  sqlite3 *db = rp_store_get_db (fixture->store);

  rp_worker_set_name (worker, "Jo Taylor");
  rp_worker_set_initials (worker, "JT");
  g_assert_true (rp_store_add_worker (fixture->store, worker, &error));

  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET user = 'someone else'", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);

  entries = rp_store_list_audit (fixture->store, NULL, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (entries, i);
      g_assert_cmpstr (rp_audit_entry_get_user (entry), ==, "mlewis");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/audit/insert-and-update", test_audit_insert_and_update);
  ADD ("/core/audit/step-change", test_audit_step_change);
  ADD ("/core/audit/cannot-be-edited", test_audit_cannot_be_edited);
#undef ADD

  return g_test_run ();
}
