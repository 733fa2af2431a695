/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup.c: backups are made, kept, pruned and restored without losing anything */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "centre.db", NULL);

  store = rp_store_open (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  programme = rp_sample_create (store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static guint
count_attendees (const char *path)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GError) error = NULL;

  store = rp_store_open (path, RP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  programmes = rp_store_list_programmes (store, &error);
  g_assert_no_error (error);
  programme = g_list_model_get_item (programmes, 0);
  attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (attendees);
}

static void
add_attendee (const char *path,
              int         number,
              const char *name)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  g_autoptr(GError) error = NULL;

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rp_attendee_set_programme_id (attendee, 1);
  rp_attendee_set_number (attendee, number);
  rp_attendee_set_full_name (attendee, name);
  rp_store_add_attendee (store, attendee, "2023-09-01", &error);
  g_assert_no_error (error);
}

static guint
count_backups (const char     *path,
               RpBackupReason  reason)
{
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  backups = rp_backup_list (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(RpBackup) backup = g_list_model_get_item (backups, i);

      if (rp_backup_get_reason (backup) == reason)
        count++;
    }

  return count;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(RpBackup) backup = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *wal = NULL;
  GStatBuf info;

  copy = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);

  /* Beside the database, private to the user, and a whole database on its own. */
  folder = rp_database_file_get_backup_folder (fixture->path);
  g_assert_true (g_str_has_prefix (copy, folder));
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (copy, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  wal = g_strconcat (copy, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_attendees (copy), ==, count_attendees (fixture->path));

  backups = rp_backup_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  backup = g_list_model_get_item (backups, 0);
  g_assert_cmpstr (rp_backup_get_path (backup), ==, copy);
  g_assert_cmpint (rp_backup_get_reason (backup), ==, RP_BACKUP_MANUAL);
  g_assert_cmpint (rp_backup_get_size (backup), ==, info.st_size);
  g_assert_nonnull (rp_backup_get_created (backup));
}

static void
test_daily_once_a_day (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = rp_backup_ensure_daily (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  second = rp_backup_ensure_daily (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (second);
  g_assert_cmpuint (count_backups (fixture->path, RP_BACKUP_DAILY), ==, 1);
}

/* Puts a copy of @source into the backups folder under an old name. */
static void
plant_old_backup (const char *source,
                  const char *folder,
                  const char *name)
{
  g_autofree char *contents = NULL;
  g_autofree char *target = g_build_filename (folder, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
}

static void
test_prune_keeps_the_newest (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *manual = NULL;
  g_autofree char *folder = rp_database_file_get_backup_folder (fixture->path);
  g_autofree char *daily = NULL;
  g_autofree char *update = NULL;

  manual = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);

  for (int day = 1; day <= 20; day++)
    {
      g_autofree char *name = g_strdup_printf ("daily-202301%02d-090000.db", day);
      plant_old_backup (manual, folder, name);
    }
  for (int day = 1; day <= 8; day++)
    {
      g_autofree char *name = g_strdup_printf ("before-import-202301%02d-090000.db", day);
      plant_old_backup (manual, folder, name);
    }
  /* Files that are not backups are never touched. */
  plant_old_backup (manual, folder, "notes.db");

  daily = rp_database_file_back_up (fixture->path, RP_BACKUP_DAILY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (fixture->path, RP_BACKUP_DAILY), ==, RP_BACKUP_KEEP_DAILY);
  g_assert_true (g_file_test (daily, G_FILE_TEST_EXISTS));
  {
    g_autofree char *oldest_kept = g_build_filename (folder, "daily-20230108-090000.db", NULL);
    g_autofree char *newest_removed = g_build_filename (folder, "daily-20230107-090000.db", NULL);

    g_assert_true (g_file_test (oldest_kept, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (newest_removed, G_FILE_TEST_EXISTS));
  }

  /* Pre-change copies share one allowance; hand-made ones are never removed. */
  update = rp_database_file_back_up (fixture->path, RP_BACKUP_BEFORE_UPDATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (fixture->path, RP_BACKUP_BEFORE_UPDATE) +
                    count_backups (fixture->path, RP_BACKUP_BEFORE_IMPORT), ==, RP_BACKUP_KEEP_PRE_CHANGE);
  g_assert_true (g_file_test (update, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (manual, G_FILE_TEST_EXISTS));
  {
    g_autofree char *other = g_build_filename (folder, "notes.db", NULL);
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

static void
test_update_makes_a_backup (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(RpBackup) backup = NULL;
  g_autoptr(RpStore) copy = NULL;

  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (store), ==, RP_STORE_SCHEMA_VERSION);

  backups = rp_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  backup = g_list_model_get_item (backups, 0);
  g_assert_cmpint (rp_backup_get_reason (backup), ==, RP_BACKUP_BEFORE_UPDATE);

  /* The copy is the file as it was before the update. */
  copy = rp_store_open_at_version (rp_backup_get_path (backup), RP_STORE_OPEN_DEFAULT, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_store_get_schema_version (copy), ==, 1);

  g_clear_object (&copy);
  g_clear_object (&store);
  rp_test_remove_tree (dir);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *safety = NULL;
  guint before;

  before = count_attendees (fixture->path);
  copy = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);

  add_attendee (fixture->path, 90, "Priya Shah");
  g_assert_cmpuint (count_attendees (fixture->path), ==, before + 1);

  g_assert_true (rp_backup_restore (fixture->path, copy, &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_attendees (fixture->path), ==, before);

  /* The restore can itself be undone: the replaced file was kept. */
  g_assert_nonnull (safety);
  g_assert_cmpuint (count_attendees (safety), ==, before + 1);
  g_assert_cmpuint (count_backups (fixture->path, RP_BACKUP_BEFORE_RESTORE), ==, 1);
}

static void
test_restore_refuses_a_damaged_backup (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint before = count_attendees (fixture->path);

  copy = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);

  /* Damage a page in the middle of the copy, past the header. */
  g_assert_true (g_file_get_contents (copy, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  memset (contents + 2 * 4096, 0xA5, 4096);
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));

  g_assert_false (rp_backup_restore (fixture->path, copy, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == RP_ERROR);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (count_attendees (fixture->path), ==, before);
  g_assert_cmpuint (count_backups (fixture->path, RP_BACKUP_BEFORE_RESTORE), ==, 0);

  g_clear_error (&error);
  g_assert_true (g_file_set_contents (copy, "name,step\nSam,2\n", -1, NULL));
  g_assert_false (rp_backup_restore (fixture->path, copy, NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE);
  g_assert_cmpuint (count_attendees (fixture->path), ==, before);
}

static void
test_restore_over_a_damaged_database (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *kept = NULL;
  const char *garbage = "This is what was left after the disk failed.";
  guint before = count_attendees (fixture->path);

  copy = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (fixture->path, garbage, -1, NULL));

  g_assert_true (rp_backup_restore (fixture->path, copy, &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_attendees (fixture->path), ==, before);

  /* Even the damaged file is kept, byte for byte. */
  g_assert_true (g_file_get_contents (safety, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, garbage);
}

static gint64
find_attendee (const char *path,
               int         number)
{
  g_autoptr(RpStore) store = rp_store_open (path, RP_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(RpAttendee) attendee = NULL;

  g_assert_nonnull (store);
  attendee = rp_store_find_attendee (store, 1, number, NULL);

  return attendee != NULL ? rp_attendee_get_id (attendee) : 0;
}

static gboolean
file_mentions (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;
  gsize length;
  gsize text_length = strlen (text);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* The file holds NUL bytes: no string search. */
  for (gsize i = 0; i + text_length <= length; i++)
    if (memcmp (contents + i, text, text_length) == 0)
      return TRUE;

  return FALSE;
}

static int
count_audit (const char *path,
             const char *where)
{
  g_autoptr(RpStore) store = rp_store_open (path, RP_STORE_OPEN_READ_ONLY, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE %s", where);
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_nonnull (store);
  g_assert_cmpint (sqlite3_prepare_v2 (rp_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

/* Erasing someone erases them from every backup too, unless asked not to;
 * each copy is rewritten whole, with no trace of the person left in it. */
static void
test_erase_from_backups (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *manual = NULL;
  g_autofree char *before_import = NULL;
  g_autofree char *folder = rp_database_file_get_backup_folder (fixture->path);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint before = count_attendees (fixture->path);
  guint n_backups = 99;

  add_attendee (fixture->path, 90, "Quentin Zebedee-Farquharson");
  add_attendee (fixture->path, 91, "Philomena Wollstonecraft");
  manual = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  before_import = rp_database_file_back_up (fixture->path, RP_BACKUP_BEFORE_IMPORT, &error);
  g_assert_no_error (error);
  g_assert_true (file_mentions (manual, "Zebedee"));

  store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* Kept: the backups still hold the person. */
  g_assert_true (rp_erasure_erase_attendee (store, find_attendee (fixture->path, 91),
                                            RP_ERASURE_KEEP_BACKUPS, &n_backups, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_backups, ==, 0);
  g_assert_cmpint (find_attendee (manual, 91), !=, 0);

  g_assert_true (rp_erasure_erase_attendee (store, find_attendee (fixture->path, 90),
                                            RP_ERASURE_DEFAULT, &n_backups, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_backups, ==, 2);
  g_clear_object (&store);

  g_assert_cmpint (find_attendee (fixture->path, 90), ==, 0);
  g_assert_cmpint (find_attendee (manual, 90), ==, 0);
  g_assert_cmpint (find_attendee (before_import, 90), ==, 0);
  g_assert_false (file_mentions (manual, "Zebedee"));
  g_assert_false (file_mentions (before_import, "Zebedee"));
  g_assert_cmpuint (count_attendees (manual), ==, before + 1);
  g_assert_cmpint (count_audit (manual, "table_name = 'attendee' AND action = 'delete' AND field = 'number' AND old_value = 90"), ==, 1);

  /* No working copy is left behind. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".erasing"));
}

/* A backup made before an erasure brings nobody back when restored; the
 * erasure and the restore are both on record in the restored database. */
static void
test_restore_keeps_erasures (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *restore_row = NULL;
  guint before = count_attendees (fixture->path);
  gint64 id;

  add_attendee (fixture->path, 90, "Quentin Zebedee-Farquharson");
  id = find_attendee (fixture->path, 90);
  copy = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);

  store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (rp_store_delete_attendee (store, id, &error));
  g_clear_object (&store);
  g_assert_cmpint (find_attendee (copy, 90), ==, id);

  g_assert_true (rp_backup_restore (fixture->path, copy, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (find_attendee (fixture->path, 90), ==, 0);
  g_assert_cmpuint (count_attendees (fixture->path), ==, before);
  g_assert_cmpint (count_audit (fixture->path, "table_name = 'attendee' AND action = 'delete' AND field = 'number' AND old_value = 90"), ==, 1);
  g_assert_cmpint (count_audit (fixture->path, "(old_value LIKE '%Zebedee%' OR new_value LIKE '%Zebedee%')"), ==, 0);

  restore_row = g_strdup_printf ("action = 'restore' AND new_value = '%s' AND user = '%s'", copy, g_get_user_name ());
  g_assert_cmpint (count_audit (fixture->path, restore_row), ==, 1);
}

/* The hostile case after the move: a person with outcomes, a rated review,
 * contact-log rows and communication needs is erased while a backup made
 * before (and kept, as the user may ask) still holds all of it. Restoring
 * that backup brings none of it back, in the tables or in the audit trail:
 * the erasure is applied again, as for everything else about the person. */
static void
test_restore_keeps_erasures_after_the_move (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *sql = NULL;
  guint n_backups = 99;
  gint64 id;

  add_attendee (fixture->path, 90, "Quentin Zebedee-Farquharson");
  id = find_attendee (fixture->path, 90);
  store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE attendee SET communication_needs = 'bsl', interpreter_language = 'Zebedeish',"
                         " communication_notes = 'Zebedee signs', contact_communication_needs = 'interpreter'"
                         " WHERE id = %1$" G_GINT64_FORMAT ";"
                         "INSERT INTO planned_outcome (attendee_id, description) VALUES (%1$" G_GINT64_FORMAT ", 'Zebedee swims');"
                         "INSERT INTO review (attendee_id, held_on, notes) VALUES (%1$" G_GINT64_FORMAT ", '2023-11-12', 'Zebedee happy');"
                         "INSERT INTO review_outcome (review_id, outcome_id, rating, note)"
                         "  SELECT r.id, o.id, 'met', 'Zebedee swam' FROM review r, planned_outcome o"
                         "  WHERE r.attendee_id = %1$" G_GINT64_FORMAT " AND o.attendee_id = %1$" G_GINT64_FORMAT ";"
                         "INSERT INTO contact_log (attendee_id, contacted_on, method, with_name, summary)"
                         "  VALUES (%1$" G_GINT64_FORMAT ", '2023-11-20', 'phone', 'Mrs Zebedee', 'Zebedee review');",
                         id);
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  copy = rp_database_file_back_up (fixture->path, RP_BACKUP_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (copy, "table_name IN ('planned_outcome', 'review', 'review_outcome', 'contact_log')"
                                     " AND (new_value LIKE '%Zebedee%')"), ==, 5);

  store = rp_store_open (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (rp_erasure_erase_attendee (store, id, RP_ERASURE_KEEP_BACKUPS, &n_backups, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  /* The kept backup still holds everything. */
  g_assert_true (file_mentions (copy, "Zebedee swims"));

  g_assert_true (rp_backup_restore (fixture->path, copy, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (find_attendee (fixture->path, 90), ==, 0);
  {
    g_autoptr(RpStore) restored = rp_store_open (fixture->path, RP_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(GListModel) outcomes = NULL;
    g_autoptr(GListModel) reviews = NULL;
    g_autoptr(GListModel) contacts = NULL;

    g_assert_no_error (error);
    outcomes = rp_store_list_planned_outcomes (restored, id, &error);
    g_assert_no_error (error);
    reviews = rp_store_list_reviews (restored, id, &error);
    g_assert_no_error (error);
    contacts = rp_store_list_contacts (restored, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (outcomes), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);
  }
  g_assert_cmpint (count_audit (fixture->path, "(old_value LIKE '%Zebedee%' OR new_value LIKE '%Zebedee%')"), ==, 0);
  /* The file itself, pages and all, holds nothing of the person. */
  g_assert_false (file_mentions (fixture->path, "Zebedee"));
  g_assert_cmpint (count_audit (fixture->path, "table_name = 'attendee' AND action = 'delete' AND field = 'number' AND old_value = 90"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/core/backup/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create", test_create);
  ADD ("daily-once-a-day", test_daily_once_a_day);
  ADD ("prune-keeps-the-newest", test_prune_keeps_the_newest);
  ADD ("restore", test_restore);
  ADD ("restore-keeps-erasures-after-the-move", test_restore_keeps_erasures_after_the_move);
  ADD ("restore-refuses-a-damaged-backup", test_restore_refuses_a_damaged_backup);
  ADD ("restore-over-a-damaged-database", test_restore_over_a_damaged_database);
  ADD ("erase-from-backups", test_erase_from_backups);
  ADD ("restore-keeps-erasures", test_restore_keeps_erasures);
#undef ADD
  g_test_add_func ("/core/backup/update-makes-a-backup", test_update_makes_a_backup);

  return g_test_run ();
}
