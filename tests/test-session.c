/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c: opening a database, its faults, the local copy, the sample, restore and the daily backup, without a window */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rp-core.h"
#include "rp-database-file-private.h"
#include "rp-store-private.h"
#include "rp-test-util.h"

#define SMB2_SUPER_MAGIC 0xFE534D42

typedef struct
{
  char      *dir;
  char      *path;
  RpSession *session;
  GPtrArray *notices;
  guint      store_changes;
  guint      fault_changes;
} Fixture;

static void
on_notice (RpSession  *session,
           const char *message,
           Fixture    *fixture)
{
  g_ptr_array_add (fixture->notices, g_strdup (message));
}

static void
on_store_changed (Fixture *fixture)
{
  fixture->store_changes++;
}

static void
on_fault_changed (Fixture *fixture)
{
  fixture->fault_changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "cc.db", NULL);
  fixture->notices = g_ptr_array_new_with_free_func (g_free);
  fixture->session = rp_session_new ();
  g_signal_connect (fixture->session, "notice", G_CALLBACK (on_notice), fixture);
  g_signal_connect_swapped (fixture->session, "notify::store", G_CALLBACK (on_store_changed), fixture);
  g_signal_connect_swapped (fixture->session, "notify::fault", G_CALLBACK (on_fault_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_database_file_set_fake_filesystem_type (0);
  g_assert_finalize_object (fixture->session);
  g_ptr_array_unref (fixture->notices);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A database at @path with one programme, closed again. */
static void
make_database (const char *path,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) programme = rp_programme_new ();

  g_assert_no_error (error);
  rp_programme_set_name (programme, name);
  g_assert_true (rp_store_add_programme (store, programme, &error));
  g_assert_no_error (error);
}

static char *
first_programme_name (RpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) programmes = rp_store_list_programmes (store, &error);
  g_autoptr(RpProgramme) programme = NULL;

  g_assert_no_error (error);
  if (g_list_model_get_n_items (programmes) == 0)
    return NULL;
  programme = g_list_model_get_item (programmes, 0);
  return g_strdup (rp_programme_get_name (programme));
}

/* Opens @path expecting @code; the session shows the fault, and the file is as it was. */
static void
assert_fault_unchanged (Fixture    *fixture,
                        const char *path,
                        int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  g_assert_false (rp_session_open (fixture->session, path, RP_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, RP_ERROR, code);

  g_assert_null (rp_session_get_store (fixture->session));
  g_assert_error ((GError *) rp_session_get_fault (fixture->session), RP_ERROR, code);
  g_assert_cmpstr (rp_session_get_fault (fixture->session)->message, ==, error->message);
  g_assert_cmpstr (rp_session_get_path (fixture->session), ==, path);
  g_assert_cmpuint (fixture->fault_changes, ==, 1);

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_session_open (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  RpStore *store;

  make_database (fixture->path, "Riverside");

  g_assert_true (rp_session_open (fixture->session, fixture->path, RP_STORE_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  store = rp_session_get_store (fixture->session);
  g_assert_nonnull (store);
  g_assert_cmpuint (fixture->store_changes, ==, 1);
  g_assert_null (rp_session_get_fault (fixture->session));
  g_assert_false (rp_session_get_read_only (fixture->session));
  g_assert_cmpstr (rp_session_get_path (fixture->session), ==, fixture->path);
  name = first_programme_name (store);
  g_assert_cmpstr (name, ==, "Riverside");
  g_assert_cmpuint (fixture->notices->len, ==, 0);

  rp_session_close (fixture->session);
  g_assert_null (rp_session_get_store (fixture->session));
  g_assert_null (rp_session_get_path (fixture->session));
  g_assert_cmpuint (fixture->store_changes, ==, 2);
}

/* Scribbles over the file's header: SQLite will not open it. */
static void
test_session_corrupt (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  make_database (fixture->path, "Riverside");
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  memset (contents + 100, 0x5A, 200);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  assert_fault_unchanged (fixture, fixture->path, RP_ERROR_CORRUPT);
}

static void
test_session_not_ours (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_true (g_file_set_contents (fixture->path, "Attendee,Step\n4,2\n", -1, NULL));

  assert_fault_unchanged (fixture, fixture->path, RP_ERROR_NOT_DATABASE);
}

static void
test_session_newer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", RP_STORE_SCHEMA_VERSION + 1);
  sqlite3 *db = NULL;

  make_database (fixture->path, "Riverside");
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, bump, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_fault_unchanged (fixture, fixture->path, RP_ERROR_NEWER_VERSION);
}

/* Another program holds the file; once it lets go, opening again works. */
static void
test_session_locked (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  make_database (fixture->path, "Riverside");
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (rp_session_open (fixture->session, fixture->path, RP_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_LOCKED);
  g_assert_error ((GError *) rp_session_get_fault (fixture->session), RP_ERROR, RP_ERROR_LOCKED);
  g_assert_cmpstr (rp_session_get_path (fixture->session), ==, fixture->path);
  g_clear_error (&error);

  sqlite3_close (db);
  g_assert_true (rp_session_open (fixture->session, fixture->path, RP_STORE_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_null (rp_session_get_fault (fixture->session));
  g_assert_cmpuint (fixture->fault_changes, ==, 2);
}

static guint    count_daily_backups (const char  *path);
static gboolean run_daily_check     (RpSession   *session,
                                     GError     **error);

static void
test_session_read_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  gboolean read_only = FALSE;

  make_database (fixture->path, "Riverside");

  g_assert_true (rp_session_open (fixture->session, fixture->path, RP_STORE_OPEN_READ_ONLY, &error));
  g_assert_no_error (error);
  g_object_get (fixture->session, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_cmpuint (fixture->notices->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->notices, 0), "read-only"));

  rp_programme_set_name (programme, "Hillside");
  g_assert_false (rp_store_add_programme (rp_session_get_store (fixture->session), programme, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* No backup is made of a file opened only to look at. */
  g_assert_false (run_daily_check (fixture->session, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_READ_ONLY);
  g_assert_cmpuint (count_daily_backups (fixture->path), ==, 0);
}

/* A database on a network drive is not opened for writing: the fault says
 * why, and the copy offered is made in the data folder, on this computer. */
static void
test_session_network_share (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  RpStore *store;

  make_database (fixture->path, "Riverside");
  rp_database_file_set_fake_filesystem_type (SMB2_SUPER_MAGIC);

  g_assert_false (rp_session_open (fixture->session, fixture->path, RP_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NETWORK_SHARE);
  g_assert_error ((GError *) rp_session_get_fault (fixture->session), RP_ERROR, RP_ERROR_NETWORK_SHARE);
  g_clear_error (&error);

  rp_database_file_set_fake_filesystem_type (0);
  g_assert_true (rp_session_open_local_copy (fixture->session, &error));
  g_assert_no_error (error);
  store = rp_session_get_store (fixture->session);
  g_assert_nonnull (store);
  g_assert_null (rp_session_get_fault (fixture->session));
  g_assert_false (rp_store_is_read_only (store));
  g_assert_true (g_str_has_prefix (rp_store_get_path (store), g_get_user_data_dir ()));
  g_assert_cmpstr (rp_session_get_path (fixture->session), ==, rp_store_get_path (store));
  name = first_programme_name (store);
  g_assert_cmpstr (name, ==, "Riverside");
  g_assert_cmpuint (fixture->notices->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->notices, 0), rp_store_get_path (store)));
}

static void
test_session_sample (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample_path = rp_store_get_sample_path ();
  RpStore *store;
  RpProgrammeCounts counts;
  g_autofree char *name = NULL;

  g_assert_true (rp_session_open_sample (fixture->session, &error));
  g_assert_no_error (error);
  store = rp_session_get_store (fixture->session);
  g_assert_cmpstr (rp_store_get_path (store), ==, sample_path);
  name = first_programme_name (store);
  g_assert_nonnull (name);

  {
    g_autoptr(GListModel) programmes = rp_store_list_programmes (store, &error);
    g_autoptr(RpProgramme) programme = g_list_model_get_item (programmes, 0);

    g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
    g_assert_true (rp_store_get_counts (store, rp_programme_get_id (programme), &counts, &error));
    g_assert_no_error (error);
    /* The reference table's people, and three who have moved, so a new
     * user sees the work after a move too. */
    g_assert_cmpuint (counts.attendees, ==, G_N_ELEMENTS (rp_reference_rows) + 3);
    {
      g_autoptr(RpAttendee) grace = rp_store_find_attendee (store, rp_programme_get_id (programme),
                                                            G_N_ELEMENTS (rp_reference_rows) + 1, &error);
      g_autoptr(GListModel) reviews = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (rp_attendee_get_outcome (grace), ==, RP_OUTCOME_MOVED);
      reviews = rp_store_list_reviews (store, rp_attendee_get_id (grace), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (reviews), >, 0);
    }
  }

  /* Opened again, the sample is not made twice. */
  g_assert_true (rp_session_open_sample (fixture->session, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) programmes = rp_store_list_programmes (rp_session_get_store (fixture->session), &error);

    g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
  }
}

static void
on_programme_changed (guint *n_changes)
{
  (*n_changes)++;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Wait;

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = rp_session_restore_finish (RP_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
restore (RpSession   *session,
         const char  *backup_path,
         GError     **error)
{
  Wait wait = { 0 };

  rp_session_restore_async (session, backup_path, NULL, on_restored, &wait);
  /* The store is let go of before the file is replaced. */
  g_assert_null (rp_session_get_store (session));
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

/* Restoring a backup gives a new store on the file as it was; whoever
 * follows the session follows the new store. */
static void
test_session_restore (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  GSignalGroup *store_signals = g_signal_group_new (RP_TYPE_STORE);  /* no autoptr in GLib 2.74 */
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  RpStore *before;
  guint n_changes = 0;

  make_database (fixture->path, "Riverside");
  backup = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);

  g_assert_true (rp_session_open (fixture->session, fixture->path, RP_STORE_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  g_signal_group_connect_swapped (store_signals, "changed::programme", G_CALLBACK (on_programme_changed), &n_changes);
  g_object_bind_property (fixture->session, "store", store_signals, "target", G_BINDING_SYNC_CREATE);

  before = rp_session_get_store (fixture->session);
  programme = rp_programme_new ();
  rp_programme_set_name (programme, "Hillside");
  g_assert_true (rp_store_add_programme (before, programme, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes, ==, 1);

  fixture->store_changes = 0;
  g_assert_true (restore (fixture->session, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->store_changes, ==, 2);  /* let go of, then opened again */
  g_assert_nonnull (rp_session_get_store (fixture->session));
  g_assert_cmpstr (rp_session_get_path (fixture->session), ==, fixture->path);
  {
    g_autoptr(GListModel) programmes = rp_store_list_programmes (rp_session_get_store (fixture->session), &error);

    g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
  }

  /* The change signal now comes from the new store. */
  g_clear_object (&programme);
  programme = rp_programme_new ();
  rp_programme_set_name (programme, "Lakeside");
  g_assert_true (rp_store_add_programme (rp_session_get_store (fixture->session), programme, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes, ==, 2);

  name = first_programme_name (rp_session_get_store (fixture->session));
  g_assert_cmpstr (name, ==, "Riverside");
  g_object_unref (store_signals);
}

static guint
count_daily_backups (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = rp_backup_list (path, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(RpBackup) backup = g_list_model_get_item (backups, i);

      n += rp_backup_get_reason (backup) == RP_BACKUP_DAILY;
    }

  return n;
}

static void
on_daily_check (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Wait *check = user_data;

  check->ok = rp_session_run_daily_check_finish (RP_SESSION (source), result, &check->error);
  check->done = TRUE;
}

static gboolean
run_daily_check (RpSession  *session,
                 GError    **error)
{
  Wait check = { 0 };

  rp_session_run_daily_check_async (session, NULL, on_daily_check, &check);
  while (!check.done)
    g_main_context_iteration (NULL, TRUE);

  if (check.error != NULL)
    g_propagate_error (error, check.error);
  return check.ok;
}

static void
test_session_daily_check (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  make_database (fixture->path, "Riverside");
  g_assert_true (rp_session_open (fixture->session, fixture->path, RP_STORE_OPEN_DEFAULT, &error));
  g_assert_no_error (error);

  g_assert_true (run_daily_check (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_daily_backups (fixture->path), ==, 1);

  /* Once a day, however often the file is opened. */
  g_assert_true (rp_session_open (fixture->session, fixture->path, RP_STORE_OPEN_DEFAULT, &error));
  g_assert_true (run_daily_check (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_daily_backups (fixture->path), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  /* GLib reads the data folder once: the sample and local copies go here. */
  data_home = rp_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/session/open", test_session_open);
  ADD ("/core/session/corrupt", test_session_corrupt);
  ADD ("/core/session/not-ours", test_session_not_ours);
  ADD ("/core/session/newer", test_session_newer);
  ADD ("/core/session/locked", test_session_locked);
  ADD ("/core/session/read-only", test_session_read_only);
  ADD ("/core/session/network-share", test_session_network_share);
  ADD ("/core/session/sample", test_session_sample);
  ADD ("/core/session/restore", test_session_restore);
  ADD ("/core/session/daily-check", test_session_daily_check);
#undef ADD

  status = g_test_run ();
  rp_test_remove_tree (data_home);
  return status;
}
