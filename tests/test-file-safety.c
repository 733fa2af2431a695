/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-file-safety.c: saved changes survive another program, and no database is kept on a share */

#include "config.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-database-file-private.h"
#include "rp-store-private.h"
#include "rp-test-util.h"

#define NFS_SUPER_MAGIC  0x6969
#define SMB2_SUPER_MAGIC 0xFE534D42
#define EXT4_SUPER_MAGIC 0xEF53

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* The child's store is never closed, as in a crash; kept here so it is not a leak. */
static RpStore *crashed_store;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "cc.db", NULL);
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_database_file_set_fake_filesystem_type (0);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gboolean
add_programme (RpStore     *store,
               const char  *name,
               GError     **error)
{
  g_autoptr(RpProgramme) programme = rp_programme_new ();

  rp_programme_set_name (programme, name);
  return rp_store_add_programme (store, programme, error);
}

static gboolean
has_programme (const char *path,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, RP_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(GListModel) programmes = NULL;

  g_assert_no_error (error);
  programmes = rp_store_list_programmes (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(RpProgramme) programme = g_list_model_get_item (programmes, i);

      if (g_strcmp0 (rp_programme_get_name (programme), name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* What a file chooser does when it guesses a file's type: open, read, close. */
static void
peek_at (const char *path)
{
  char header[16];
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, header, sizeof header), ==, sizeof header);
  close (fd);
}

enum { SAVED, REFUSED, FAILED };

/* The running app: saves, has the database peeked at from inside its own
 * process, lets the other program run, saves again, then crashes. */
static G_NORETURN void
run_app (const char *path,
         int         to_other,
         int         from_other)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gboolean lost = FALSE;
  char go;

  crashed_store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  if (crashed_store == NULL || !add_programme (crashed_store, "Acknowledged", &error))
    _exit (FAILED);

  peek_at (path);
  peek_at (shm);
  /* The child leaves by _exit(): what it allocated is freed first, or
   * valgrind counts it as lost and changes the exit status. */
  g_clear_pointer (&shm, g_free);

  if (write (to_other, "p", 1) != 1 || read (from_other, &go, 1) != 1)
    _exit (FAILED);

  if (add_programme (crashed_store, "After the other program", &error))
    _exit (SAVED);

  g_object_get (crashed_store, "lock-lost", &lost, NULL);
  if (!g_error_matches (error, RP_ERROR, RP_ERROR_LOCK_LOST) || !lost ||
      rp_store_check_file (crashed_store, NULL) ||
      add_programme (crashed_store, "Still refused", NULL))
    _exit (FAILED);

  /* The user closes the app after the other program saved again. */
  if (write (to_other, "r", 1) != 1 || read (from_other, &go, 1) != 1)
    _exit (FAILED);
  g_clear_object (&crashed_store);
  _exit (REFUSED);
}

/* sqlite.org/howtocorrupt.html §2.2: a descriptor opened and closed on the
 * database inside the app's process drops all of SQLite's locks there, and
 * another program that opens and closes the database then deletes the
 * write-ahead log under the app. Nothing acknowledged may be lost. */
static void
test_file_safety_lost_lock (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int to_other[2], to_app[2];
  sqlite3 *other = NULL;
  int status = 0;
  char ready;
  pid_t app;

  {
    g_autoptr(RpStore) store = rp_store_open (fixture->path, RP_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (add_programme (store, "Before", &error));
  }

  g_assert_cmpint (pipe (to_other), ==, 0);
  g_assert_cmpint (pipe (to_app), ==, 0);

  app = fork ();
  g_assert_cmpint (app, >=, 0);
  if (app == 0)
    run_app (fixture->path, to_other[1], to_app[0]);
  close (to_other[1]);
  close (to_app[0]);

  /* The other program (reprovision-cli, or any SQLite tool) opens and closes the file. */
  g_assert_cmpint (read (to_other[0], &ready, 1), ==, 1);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "SELECT count(*) FROM programme", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_cmpint (write (to_app[1], "g", 1), ==, 1);

  /* If the app refused, the other program saves, then the app is closed. */
  if (read (to_other[0], &ready, 1) == 1)
    {
      g_autoptr(RpStore) store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error);

      g_assert_no_error (error);
      g_assert_true (add_programme (store, "Saved by the other program", &error));
      g_clear_object (&store);
      g_assert_cmpint (write (to_app[1], "g", 1), ==, 1);
    }

  g_assert_cmpint (waitpid (app, &status, 0), ==, app);
  close (to_other[0]);
  close (to_app[1]);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, FAILED);

  /* The other program copied the whole log into the file before deleting
   * it, so the app opens the file again and saves: nothing lost, nothing refused. */
  g_assert_cmpint (WEXITSTATUS (status), ==, SAVED);
  g_assert_true (has_programme (fixture->path, "Before"));
  g_assert_true (has_programme (fixture->path, "Acknowledged"));
  g_assert_true (has_programme (fixture->path, "After the other program"));
  g_assert_false (has_programme (fixture->path, "Still refused"));
}

/* The app after a file chooser looked into the database's folder: it takes
 * SQLite's locks again, so another program coming and going sees it still
 * there and leaves the write-ahead log alone. */
static void
test_file_safety_renewed_locks (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  int to_other[2], to_app[2];
  sqlite3 *other = NULL;
  int status = 0;
  char ready;
  pid_t app;

  {
    g_autoptr(RpStore) store = rp_store_open (fixture->path, RP_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (add_programme (store, "Before", &error));
  }

  g_assert_cmpint (pipe (to_other), ==, 0);
  g_assert_cmpint (pipe (to_app), ==, 0);

  app = fork ();
  g_assert_cmpint (app, >=, 0);
  if (app == 0)
    {
      gboolean lost = TRUE;
      char go;

      crashed_store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
      if (crashed_store == NULL || !add_programme (crashed_store, "Acknowledged", &error))
        _exit (FAILED);

      peek_at (fixture->path);
      peek_at (shm);
      rp_store_renew_locks (crashed_store);
      /* Freed before _exit(), or valgrind counts them lost and changes the exit status. */
      g_clear_pointer (&wal, g_free);
      g_clear_pointer (&shm, g_free);

      if (write (to_other[1], "p", 1) != 1 || read (to_app[0], &go, 1) != 1)
        _exit (FAILED);

      g_object_get (crashed_store, "lock-lost", &lost, NULL);
      _exit (!lost && add_programme (crashed_store, "After the other program", NULL) ? SAVED : FAILED);
    }
  close (to_other[1]);
  close (to_app[0]);

  g_assert_cmpint (read (to_other[0], &ready, 1), ==, 1);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "SELECT count(*) FROM programme", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  /* It knew the app was there: the log it would delete as the last user is kept. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (write (to_app[1], "g", 1), ==, 1);

  g_assert_cmpint (waitpid (app, &status, 0), ==, app);
  close (to_other[0]);
  close (to_app[1]);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, SAVED);
  g_assert_true (has_programme (fixture->path, "Acknowledged"));
  g_assert_true (has_programme (fixture->path, "After the other program"));
}

/* A log deleted by something other than SQLite, before it was copied into
 * the file, took saved changes with it: the store does not open the file
 * again as if nothing had happened, but stops saving and says so. */
static void
test_file_safety_log_deleted_unsaved (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autoptr(RpStore) store = rp_store_open (fixture->path, RP_STORE_OPEN_CREATE, &error);
  gboolean lost = FALSE;

  g_assert_no_error (error);
  g_assert_true (add_programme (store, "Only in the log", &error));
  g_assert_cmpint (g_unlink (wal), ==, 0);
  g_assert_cmpint (g_unlink (shm), ==, 0);

  g_assert_false (add_programme (store, "After", &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_LOCK_LOST);
  g_object_get (store, "lock-lost", &lost, NULL);
  g_assert_true (lost);
}

/* Without anything peeking, another program coming and going changes nothing. */
static void
test_file_safety_other_program (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpStore) reader = NULL;
  gboolean lost = TRUE;

  g_assert_no_error (error);
  g_assert_true (add_programme (store, "Before", &error));

  /* A second connection in the same process is safe: SQLite shares its locks. */
  reader = rp_store_open (fixture->path, RP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&reader);

  g_assert_true (rp_store_check_file (store, &error));
  g_assert_no_error (error);
  g_assert_true (add_programme (store, "After", &error));
  g_assert_no_error (error);
  g_object_get (store, "lock-lost", &lost, NULL);
  g_assert_false (lost);
}

static void
test_file_safety_network_share (Fixture       *fixture,
                                gconstpointer  data)
{
  static const unsigned long shares[] = { NFS_SUPER_MAGIC, SMB2_SUPER_MAGIC };
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *local = NULL;

  {
    g_autoptr(RpStore) store = rp_store_open (fixture->path, RP_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (add_programme (store, "Riverside", &error));
  }

  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      g_autofree char *new_path = g_build_filename (fixture->dir, "share", "new.db", NULL);
      g_autoptr(RpStore) store = NULL;
      g_autoptr(RpStore) reader = NULL;

      rp_database_file_set_fake_filesystem_type (shares[i]);

      /* Nothing is created on a share, and an existing file is not opened for writing. */
      g_assert_null (rp_store_open (new_path, RP_STORE_OPEN_CREATE, &error));
      g_assert_error (error, RP_ERROR, RP_ERROR_NETWORK_SHARE);
      g_assert_nonnull (strstr (error->message, "network drive"));
      g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
      g_clear_error (&error);

      g_assert_null (store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error));
      g_assert_error (error, RP_ERROR, RP_ERROR_NETWORK_SHARE);
      if (i == 0)
        g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_clear_error (&error);

      /* Looking at it read-only, or working on a copy, is what the user is offered. */
      g_assert_true (rp_database_file_needs_local_copy (fixture->path));
      reader = rp_store_open (fixture->path, RP_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_true (rp_store_check_file (reader, NULL));
    }

  rp_database_file_set_fake_filesystem_type (0);
  local = rp_database_file_make_local_copy (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (has_programme (local, "Riverside"));
  g_assert_cmpint (g_unlink (local), ==, 0);

  /* A local disk is fine. */
  rp_database_file_set_fake_filesystem_type (EXT4_SUPER_MAGIC);
  g_assert_false (rp_database_file_needs_local_copy (fixture->path));
  {
    g_autoptr(RpStore) store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (add_programme (store, "Hillside", &error));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  /* First: the local copy goes into the data folder GLib read at its first use. */
  ADD ("/core/file-safety/network-share", test_file_safety_network_share);
  ADD ("/core/file-safety/lost-lock", test_file_safety_lost_lock);
  ADD ("/core/file-safety/renewed-locks", test_file_safety_renewed_locks);
  ADD ("/core/file-safety/log-deleted-unsaved", test_file_safety_log_deleted_unsaved);
  ADD ("/core/file-safety/other-program", test_file_safety_other_program);
#undef ADD

  return g_test_run ();
}
