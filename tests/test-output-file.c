/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-output-file.c: exports never land on the database, through a link or over a file half-written */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  RpStore     *store;
  RpProgramme *programme;
  RpReport    *report;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RpReportOptions options = { NULL };

  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "centre.db", NULL);
  fixture->store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  fixture->report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), &options, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->report);
  g_clear_object (&fixture->programme);
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gboolean
write_schedule (Fixture     *fixture,
                const char  *path,
                GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RpAttendee) attendee = NULL;
  gint64 id;

  attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 5, NULL);
  g_assert_nonnull (attendee);
  id = rp_attendee_get_id (attendee);
  g_array_append_val (ids, id);

  return rp_schedule_write_pdf (fixture->store, ids, "2023-09-22", path, error);
}

/* Every way of writing a file the app has, refused onto @path. */
static void
assert_every_export_refused (Fixture    *fixture,
                             const char *path)
{
  g_autoptr(GError) pdf_error = NULL;
  g_autoptr(GError) xlsx_error = NULL;
  g_autoptr(GError) schedule_error = NULL;
  g_autoptr(GError) csv_error = NULL;

  g_assert_false (rp_report_write_pdf (fixture->report, path, &pdf_error));
  g_assert_error (pdf_error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (pdf_error->message, "Nothing was written"));

  g_assert_false (rp_report_write_xlsx (fixture->report, path, &xlsx_error));
  g_assert_error (xlsx_error, RP_ERROR, RP_ERROR_INVALID);

  g_assert_false (write_schedule (fixture, path, &schedule_error));
  g_assert_error (schedule_error, RP_ERROR, RP_ERROR_INVALID);

  g_assert_false (rp_output_file_set_contents (path, "a,b\r\n", -1, &csv_error));
  g_assert_error (csv_error, RP_ERROR, RP_ERROR_INVALID);
}

/* Naming the open database, its companions, a link or hard link to it, or
 * a place in its backups folder writes nothing: the file is byte for byte
 * the same and still opens. */
static void
test_output_file_refuses_database (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RpStore) reopened = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  g_autofree char *dotted = g_build_filename (fixture->dir, ".", "centre.db", NULL);
  g_autofree char *soft = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *hard = g_build_filename (fixture->dir, "hard.pdf", NULL);
  g_autofree char *backup = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_autofree char *backups = rp_database_file_get_backup_folder (fixture->path);
  g_autofree char *in_backups = g_build_filename (backups, "report.pdf", NULL);
  g_autoptr(GBytes) backup_before = NULL;
  g_autoptr(GBytes) backup_after = NULL;

  if (rp_test_skip_on_team ("about the database's own files (-wal, -shm) as outputs"))
    return;

  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  backup_before = read_bytes (backup);

  g_assert_cmpint (symlink (fixture->path, soft), ==, 0);
  g_assert_cmpint (link (fixture->path, hard), ==, 0);

  assert_every_export_refused (fixture, fixture->path);
  assert_every_export_refused (fixture, dotted);
  assert_every_export_refused (fixture, wal);
  assert_every_export_refused (fixture, shm);
  assert_every_export_refused (fixture, journal);
  assert_every_export_refused (fixture, soft);
  assert_every_export_refused (fixture, hard);
  assert_every_export_refused (fixture, backup);
  assert_every_export_refused (fixture, in_backups);

  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (in_backups, G_FILE_TEST_EXISTS));
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  backup_after = read_bytes (backup);
  g_assert_true (g_bytes_equal (backup_before, backup_after));

  /* And still a working database once closed and opened again. */
  g_clear_object (&fixture->report);
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  reopened = rp_test_open_store (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (rp_check_quick (fixture->path, &error));
  g_assert_no_error (error);
}

/* A database nobody has open is not an export either, nor is a -wal or -shm beside a file. */
static void
test_output_file_refuses_other_databases (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *other_shm = g_build_filename (fixture->dir, "other.db-shm", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (rp_database_file_copy (fixture->path, other, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (other_shm, "index", -1, NULL));
  before = read_bytes (other);

  g_assert_false (rp_output_file_check_target (other, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rp_output_file_set_contents (other_shm, "a,b\r\n", -1, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);

  /* A folder is not a file to replace. */
  g_assert_false (rp_output_file_check_target (fixture->dir, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);

  after = read_bytes (other);
  g_assert_true (g_bytes_equal (before, after));
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

/* An earlier export stays whole until the new one is complete: a cancelled
 * or failed export leaves it as it was, and no partial file behind. */
static void
test_output_file_replaced_when_complete (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autofree char *contents = NULL;
  GStatBuf info;
  guint entries;

  g_assert_true (g_file_set_contents (pdf, "last week's report", -1, NULL));
  g_assert_true (g_file_set_contents (xlsx, "last week's spreadsheet", -1, NULL));
  g_assert_cmpint (g_chmod (pdf, 0644), ==, 0);
  entries = count_entries (fixture->dir);

  g_cancellable_cancel (cancellable);
  g_assert_false (rp_report_write_pdf_full (fixture->report, pdf, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (rp_report_write_xlsx_full (fixture->report, xlsx, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last week's report");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last week's spreadsheet");
  g_clear_pointer (&contents, g_free);
  g_assert_cmpuint (count_entries (fixture->dir), ==, entries);

  /* Finished, it replaces the earlier file, readable by its owner only. */
  g_assert_true (rp_report_write_pdf (fixture->report, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpint (g_stat (pdf, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_entries (fixture->dir), ==, entries);
}

/* A link is never written through, for every kind of export, and the file it
 * points at is untouched; a CSV folder that is a link is refused too. */
static void
test_output_file_refuses_links (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *soft = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "nowhere.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "exports", NULL);
  g_autofree char *folder_link = g_build_filename (fixture->dir, "exports-link", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (target, "Someone else's notes", -1, NULL));
  g_assert_cmpint (symlink (target, soft), ==, 0);
  g_assert_cmpint (symlink (missing, dangling), ==, 0);

  assert_every_export_refused (fixture, soft);
  assert_every_export_refused (fixture, dangling);

  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Someone else's notes");
  g_assert_true (g_file_test (soft, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink (folder, folder_link), ==, 0);
  g_assert_false (rp_report_write_csv_files (fixture->report, folder_link, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *with_slash = g_strconcat (folder_link, "/", NULL);

    g_assert_false (rp_report_write_csv_files (fixture->report, with_slash, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  }
  g_assert_cmpuint (count_entries (folder), ==, 0);
}

/* Backups go only into a folder of the user's own that nobody else can change. */
static void
test_output_file_backups_folder (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autofree char *folder = rp_database_file_get_backup_folder (fixture->path);
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *planted = NULL;
  g_autofree char *planted_target = g_build_filename (fixture->dir, "planted.db", NULL);

  /* A link in the folder's place. */
  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  g_assert_cmpint (symlink (elsewhere, folder), ==, 0);
  g_assert_null (rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "link"));
  g_clear_error (&error);
  g_assert_null (rp_backup_list (fixture->path, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (elsewhere), ==, 0);
  g_assert_cmpint (g_unlink (folder), ==, 0);

  /* A folder others can write to. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0777), ==, 0);
  g_assert_null (rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (folder), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);

  /* In the user's own folder, only the user's own copies are listed. */
  copy = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_true (rp_database_file_copy (fixture->path, planted_target, &error));
  g_assert_no_error (error);
  planted = g_build_filename (folder, "manual-20200101-120000.db", NULL);
  g_assert_cmpint (symlink (planted_target, planted), ==, 0);

  backups = rp_backup_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  {
    g_autoptr(RpBackup) backup = g_list_model_get_item (backups, 0);

    g_assert_cmpstr (rp_backup_get_path (backup), ==, copy);
  }

  /* Someone else's folder, where root can make one. */
  if (geteuid () == 0)
    {
      g_autofree char *others = g_build_filename (folder, "before-import-20200101-120000.db", NULL);

      g_clear_object (&backups);
      g_assert_true (rp_database_file_copy (fixture->path, others, &error));
      g_assert_no_error (error);
      g_assert_cmpint (chown (others, 65534, 65534), ==, 0);
      backups = rp_backup_list (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);

      g_assert_cmpint (chown (folder, 65534, 65534), ==, 0);
      g_assert_null (rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error));
      g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "belongs to someone else"));
      g_assert_cmpint (chown (folder, 0, 0), ==, 0);
    }
}

/* A database left readable by others is made the owner's alone when opened for writing. */
static void
test_output_file_tightens_database (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) second = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  const char *files[] = { fixture->path, wal, shm };
  GStatBuf info;

  if (rp_test_skip_on_team ("about the database files' permissions"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_cmpint (g_chmod (files[i], 0644), ==, 0);

  second = rp_test_open_store (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_assert_cmpint (g_stat (files[i], &info), ==, 0);
      g_assert_cmpint (info.st_mode & 0777, ==, 0600);
    }
}

/* Reading creates nothing beside a database nobody has open, and an empty
 * file is refused with a clear message and left empty. */
static void
test_output_file_read_only_writes_nothing (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) reader = NULL;
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.db", NULL);
  GStatBuf info;

  if (rp_test_skip_on_team ("about an empty file opened read-only"))
    return;

  g_clear_object (&fixture->report);
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = read_bytes (fixture->path);

  reader = rp_test_open_store (fixture->path, RP_STORE_OPEN_READ_ONLY | RP_STORE_OPEN_NO_COMPANIONS, &error);
  g_assert_no_error (error);
  programmes = rp_store_list_programmes (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
  g_clear_object (&programmes);
  g_assert_finalize_object (g_steal_pointer (&reader));

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_null (rp_test_open_store (empty, RP_STORE_OPEN_READ_ONLY | RP_STORE_OPEN_NO_COMPANIONS, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_cmpint (g_stat (empty, &info), ==, 0);
  g_assert_cmpint (info.st_size, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/output-file/refuses-database", test_output_file_refuses_database);
  ADD ("/core/output-file/refuses-other-databases", test_output_file_refuses_other_databases);
  ADD ("/core/output-file/replaced-when-complete", test_output_file_replaced_when_complete);
  ADD ("/core/output-file/refuses-links", test_output_file_refuses_links);
  ADD ("/core/output-file/backups-folder", test_output_file_backups_folder);
  ADD ("/core/output-file/tightens-database", test_output_file_tightens_database);
  ADD ("/core/output-file/read-only-writes-nothing", test_output_file_read_only_writes_nothing);
#undef ADD

  return g_test_run ();
}
