/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-database-file.c: a database as a file: created private, copied whole,
 * copied to this computer from a network share, and backed up beside itself.
 *
 * A database is read for a copy only through SQLite's online backup, so a copy
 * is never half a save and no descriptor of ours drops the process's locks
 * (platform notes). The store and the backups both use this; neither needs
 * the other for it.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "rp-database-file-private.h"
#include "rp-error.h"
#include "rp-error-private.h"
#include "rp-team.h"

/* Filesystems whose locks cannot be trusted across machines or at all, from
 * statfs(2) and linux/magic.h. SQLite's write-ahead log needs shared memory
 * and working POSIX locks, which only a local disk gives. */
#define NFS_SUPER_MAGIC     0x6969      /* NFS */
#define SMB_SUPER_MAGIC     0x517B      /* SMB (smbfs) */
#define CIFS_SUPER_MAGIC    0xFF534D42  /* Windows shares (cifs) */
#define SMB2_SUPER_MAGIC    0xFE534D42  /* Windows shares (smb3) */
#define AFS_SUPER_MAGIC     0x5346414F  /* OpenAFS */
#define KAFS_SUPER_MAGIC    0x6B414653  /* AFS (kernel) */
#define CEPH_SUPER_MAGIC    0x00C36400  /* Ceph */
#define V9FS_MAGIC          0x01021997  /* 9P: virtual machine and WSL shares */
#define CODA_SUPER_MAGIC    0x73757245  /* Coda */
#define NCP_SUPER_MAGIC     0x564C      /* NetWare */
#define LUSTRE_SUPER_MAGIC  0x0BD00BD0  /* Lustre */
#define FUSE_SUPER_MAGIC    0x65735546  /* FUSE: sshfs, GVfs shares, the document portal */

static unsigned long fake_filesystem_type;

void
rp_database_file_set_fake_filesystem_type (unsigned long type)
{
  fake_filesystem_type = type;
}

/* Whether the folder holding @path is on a network or FUSE filesystem. */
gboolean
rp_database_file_is_on_network_share (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs info;

  /* A folder still to be created lies on the filesystem of its parent. */
  while (fake_filesystem_type == 0 && statfs (dir, &info) != 0)
    {
      g_autofree char *parent = g_path_get_dirname (dir);

      if (errno != ENOENT || strcmp (parent, dir) == 0)
        return FALSE;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }

  if (fake_filesystem_type != 0)
    info.f_type = fake_filesystem_type;

  switch ((unsigned long) info.f_type)
    {
    case NFS_SUPER_MAGIC:
    case SMB_SUPER_MAGIC:
    case CIFS_SUPER_MAGIC:
    case SMB2_SUPER_MAGIC:
    case AFS_SUPER_MAGIC:
    case KAFS_SUPER_MAGIC:
    case CEPH_SUPER_MAGIC:
    case V9FS_MAGIC:
    case CODA_SUPER_MAGIC:
    case NCP_SUPER_MAGIC:
    case LUSTRE_SUPER_MAGIC:
    case FUSE_SUPER_MAGIC:
      return TRUE;

    default:
      return FALSE;
    }
}

/* Creates the file with owner-only permissions before SQLite touches it;
 * SQLite gives its -wal and -shm files the same mode. */
gboolean
rp_database_file_create_private (const char  *path,
                                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RP_ERROR, RP_ERROR_IO,
                   _("The folder “%s” could not be created: %s."), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, RP_ERROR, saved_errno == EACCES ? RP_ERROR_READ_ONLY : RP_ERROR_IO,
                   _("The database “%s” could not be created: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  g_close (fd, NULL);
  return TRUE;
}

/* Owner-only, like a new database: a file made by an older version, copied
 * in or created by hand may be readable by others. SQLite gives the -wal and
 * -shm it creates the database's mode; ones left from before are tightened too. */
gboolean
rp_database_file_make_private (const char  *path,
                               GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf info;

      if (g_stat (file, &info) != 0 || !S_ISREG (info.st_mode) || (info.st_mode & 077) == 0)
        continue;

      if (g_chmod (file, 0600) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, RP_ERROR, RP_ERROR_IO,
                       _("“%s” can be read by other people, and could not be made readable by you only: %s. Ask its owner to change that; nothing was changed."),
                       file, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * rp_database_file_is_portal:
 * @path: a database file
 *
 * Returns: whether @path was handed over by the Flatpak document portal
 */
gboolean
rp_database_file_is_portal (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return (g_str_has_prefix (path, "/run/user/") && strstr (path, "/doc/") != NULL) ||
         g_str_has_prefix (path, "/run/flatpak/doc/");
}

gboolean
rp_database_file_needs_local_copy (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return rp_database_file_is_portal (path) || rp_database_file_is_on_network_share (path);
}

/* Removes a database the core made for its own work, with its -wal and -shm. */
void
rp_database_file_remove_working_copy (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_return_if_fail (path != NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/**
 * rp_database_file_copy:
 * @source: a database path, or an SQLite `file:` URI
 * @target: a path that does not exist yet
 * @error: why the copy failed
 *
 * Copies a consistent snapshot of @source into @target with SQLite's online
 * backup, so a copy taken while someone is saving is never half a save. The
 * copy is written under a temporary name, flushed to disk, and only then
 * given its name: a crash part-way leaves no file that looks complete.
 */
gboolean
rp_database_file_copy (const char  *source,
                       const char  *target,
                       GError     **error)
{
  g_autofree char *partial = NULL;
  sqlite3 *source_db = NULL;
  sqlite3 *target_db = NULL;
  int rc;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  partial = g_strconcat (target, ".partial", NULL);
  g_unlink (partial);
  if (!rp_database_file_create_private (partial, error))
    return FALSE;

  rc = sqlite3_open_v2 (source, &source_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (source_db, 5000);
      rc = sqlite3_open_v2 (partial, &target_db, SQLITE_OPEN_READWRITE, NULL);
    }

  if (rc == SQLITE_OK)
    {
      sqlite3_backup *backup = sqlite3_backup_init (target_db, "main", source_db, "main");

      if (backup == NULL)
        rc = sqlite3_extended_errcode (target_db);
      else
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
    }

  /* A copy is a single self-contained file: no write-ahead log beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (target_db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    rp_error_set_from_sqlite (error, rc,
                              target_db != NULL && sqlite3_errcode (target_db) != SQLITE_OK
                              ? sqlite3_errmsg (target_db)
                              : source_db != NULL ? sqlite3_errmsg (source_db) : "");

  sqlite3_close_v2 (source_db);
  sqlite3_close_v2 (target_db);

  if (rc == SQLITE_OK)
    {
      int fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0);

      if (fd < 0 || fsync (fd) != 0)
        rc = SQLITE_IOERR;
      if (fd >= 0)
        g_close (fd, NULL);
      if (rc == SQLITE_OK && g_rename (partial, target) != 0)
        rc = SQLITE_IOERR;
      if (rc != SQLITE_OK)
        {
          int saved_errno = errno;

          g_set_error (error, RP_ERROR, saved_errno == ENOSPC ? RP_ERROR_NO_SPACE : RP_ERROR_IO,
                       _("The copy “%s” could not be written: %s."), target, g_strerror (saved_errno));
        }
    }

  if (rc != SQLITE_OK)
    {
      g_unlink (partial);
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_database_file_make_local_copy:
 * @path: a database on a portal or network location
 * @error: why the copy failed
 *
 * Copies @path with SQLite's online backup into the user data directory,
 * under a name that does not replace anything already there.
 *
 * Returns: (transfer full): the path of the copy, or %NULL
 */
char *
rp_database_file_make_local_copy (const char  *path,
                                  GError     **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_path_get_basename (path);
  stem = g_strdup (basename);
  if (strrchr (stem, '.') != NULL)
    *strrchr (stem, '.') = '\0';
  dir = g_build_filename (g_get_user_data_dir (), "reprovision", NULL);

  for (guint n = 1; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_clear_pointer (&target, g_free);
      if (n == 1)
        target = g_strdup_printf ("%s/%s.db", dir, stem);
      else
        target = g_strdup_printf ("%s/%s (%u).db", dir, stem, n);
    }

  /* immutable=1: the portal cannot take locks, and nobody writes the original meanwhile. */
  uri = g_strdup_printf ("file:%s?immutable=1", path);
  if (!rp_database_file_copy (uri, target, error))
    return NULL;

  return g_steal_pointer (&target);
}

/* File names are "<kind>-YYYYMMDD-HHMMSS.db", so they sort by age within a kind. */
static const char * const reason_names[] = {
  [RP_BACKUP_DAILY] = "daily",
  [RP_BACKUP_BEFORE_UPDATE] = "before-update",
  [RP_BACKUP_BEFORE_IMPORT] = "before-import",
  [RP_BACKUP_BEFORE_RESTORE] = "before-restore",
  [RP_BACKUP_MANUAL] = "manual",
};

/**
 * rp_database_file_get_backup_folder:
 * @database_path: a database file
 *
 * Backups live in a folder beside the database: "reprovision.db" keeps them
 * in "reprovision-backups", so they move and are deleted with it.
 *
 * Returns: (transfer full): the folder's path
 */
char *
rp_database_file_get_backup_folder (const char *database_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = g_path_get_dirname (database_path);
  stem = g_path_get_basename (database_path);
  if (strrchr (stem, '.') != NULL && strrchr (stem, '.') != stem)
    *strrchr (stem, '.') = '\0';
  name = g_strconcat (stem, "-backups", NULL);

  return g_build_filename (dir, name, NULL);
}

/* Copies of personal data go only into a folder of the user's own that nobody
 * else can write to: not through a link, not into someone else's folder where
 * its owner could read or replace them. A missing folder is fine: it is
 * created 0700. */
static gboolean
check_folder (const char  *folder,
              GError     **error)
{
  GStatBuf info;

  if (g_lstat (folder, &info) != 0)
    return TRUE;

  if (S_ISLNK (info.st_mode))
    g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                 _("The backups folder “%s” is a link to another folder, so no backup was written there or read from it. Replace the link with a folder of your own."),
                 folder);
  else if (!S_ISDIR (info.st_mode))
    g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                 _("“%s” is in the place of the backups folder but is not a folder. Move it away so that backups can be made."),
                 folder);
  else if (info.st_uid != geteuid ())
    g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                 _("The backups folder “%s” belongs to someone else, so no backup was written there or read from it. Move it away so that a folder of your own can be made."),
                 folder);
  else if ((info.st_mode & 022) != 0)
    g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                 _("Other people can change the backups folder “%s”, so no backup was written there or read from it. Make it writable by you only (chmod 700)."),
                 folder);
  else
    return TRUE;

  return FALSE;
}

void
rp_backup_file_free (RpBackupFile *file)
{
  g_clear_pointer (&file->path, g_free);
  g_clear_pointer (&file->created, g_date_time_unref);
  g_free (file);
}

/* Reads "<kind>-YYYYMMDD-HHMMSS.db"; anything else in the folder is not ours,
 * nor is a link or a file someone else owns. */
static RpBackupFile *
backup_from_name (const char *folder,
                  const char *name)
{
  g_autoptr(RpBackupFile) backup = NULL;
  g_autoptr(GTimeZone) local = NULL;
  GStatBuf info;
  int year, month, day, hour, minute, second;
  int consumed = 0;

  for (guint reason = 0; reason < G_N_ELEMENTS (reason_names); reason++)
    {
      gsize length = strlen (reason_names[reason]);

      if (strncmp (name, reason_names[reason], length) != 0 || name[length] != '-')
        continue;

      if (sscanf (name + length + 1, "%4d%2d%2d-%2d%2d%2d.db%n",
                  &year, &month, &day, &hour, &minute, &second, &consumed) != 6 ||
          name[length + 1 + consumed] != '\0')
        return NULL;

      local = g_time_zone_new_local ();
      backup = g_new0 (RpBackupFile, 1);
      backup->reason = reason;
      backup->path = g_build_filename (folder, name, NULL);
      backup->created = g_date_time_new (local, year, month, day, hour, minute, second);
      if (backup->created == NULL || g_lstat (backup->path, &info) != 0 ||
          !S_ISREG (info.st_mode) || info.st_uid != geteuid ())
        return NULL;
      backup->size = info.st_size;

      return g_steal_pointer (&backup);
    }

  return NULL;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const RpBackupFile *backup_a = *(RpBackupFile **) a;
  const RpBackupFile *backup_b = *(RpBackupFile **) b;
  int order = g_date_time_compare (backup_b->created, backup_a->created);

  return order != 0 ? order : g_strcmp0 (backup_b->path, backup_a->path);
}

GPtrArray *
rp_database_file_list_backups (const char  *database_path,
                               GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_backup_file_free);
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = rp_database_file_get_backup_folder (database_path);
  if (!check_folder (folder, error))
    return NULL;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_set_error (error, RP_ERROR, RP_ERROR_IO,
                   _("The backups in “%s” could not be read: %s"), folder, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      RpBackupFile *backup = backup_from_name (folder, name);

      if (backup != NULL)
        g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return g_steal_pointer (&backups);
}

static gboolean
is_pre_change (RpBackupReason reason)
{
  return reason == RP_BACKUP_BEFORE_UPDATE ||
         reason == RP_BACKUP_BEFORE_IMPORT ||
         reason == RP_BACKUP_BEFORE_RESTORE;
}

/* Removes the oldest backups of @reason's group beyond what is kept. Copies made
 * by hand are the user's to remove. */
static void
prune (const char     *database_path,
       RpBackupReason  reason)
{
  g_autoptr(GPtrArray) backups = rp_database_file_list_backups (database_path, NULL);
  guint limit;
  guint kept = 0;

  if (backups == NULL || reason == RP_BACKUP_MANUAL)
    return;

  limit = reason == RP_BACKUP_DAILY ? RP_BACKUP_KEEP_DAILY : RP_BACKUP_KEEP_PRE_CHANGE;

  for (guint i = 0; i < backups->len; i++)
    {
      const RpBackupFile *backup = g_ptr_array_index (backups, i);
      gboolean same_group = reason == RP_BACKUP_DAILY
                            ? backup->reason == RP_BACKUP_DAILY
                            : is_pre_change (backup->reason);

      if (!same_group)
        continue;

      if (++kept > limit)
        g_unlink (backup->path);
    }
}

char *
rp_database_file_new_backup_path (const char      *database_path,
                                  RpBackupReason   reason,
                                  GError         **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (reason <= RP_BACKUP_MANUAL, NULL);

  folder = rp_database_file_get_backup_folder (database_path);
  if (!check_folder (folder, error))
    return NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RP_ERROR, saved_errno == ENOSPC ? RP_ERROR_NO_SPACE : RP_ERROR_IO,
                   _("The backups folder “%s” could not be created: %s."),
                   folder, g_strerror (saved_errno));
      return NULL;
    }

  /* Two copies in the same second wait for the next: names stay unique and in order. */
  do
    {
      g_autoptr(GDateTime) now = NULL;
      g_autofree char *stamp = NULL;

      if (target != NULL)
        g_usleep (G_USEC_PER_SEC / 4);
      g_clear_pointer (&target, g_free);
      now = g_date_time_new_now_local ();
      stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      target = g_strdup_printf ("%s/%s-%s.db", folder, reason_names[reason], stamp);
    }
  while (g_file_test (target, G_FILE_TEST_EXISTS));

  return g_steal_pointer (&target);
}

/**
 * rp_database_file_back_up:
 * @database_path: the database to copy
 * @reason: why the copy is made; decides how long it is kept
 * @error: why the copy could not be made
 *
 * Copies a consistent snapshot of the database into its backups folder
 * (created 0700; the copy is 0600), then removes the oldest copies of the
 * same kind beyond what is kept. The store calls it before updating a
 * database to a newer version, the backups for everything else.
 *
 * Returns: (transfer full): the path of the copy, or %NULL
 */
gboolean
rp_database_file_refuse_team (const char  *path,
                              GError     **error)
{
  if (!rp_team_location_is_team (path))
    return TRUE;

  g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                       _("This works on a database file only, not on a team database: the server keeps a "
                         "team database safe, and its administrator makes its backups and checks it."));
  return FALSE;
}

char *
rp_database_file_back_up (const char      *database_path,
                          RpBackupReason   reason,
                          GError         **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (reason <= RP_BACKUP_MANUAL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rp_database_file_refuse_team (database_path, error))
    return NULL;

  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist."), database_path);
      return NULL;
    }

  if (!(target = rp_database_file_new_backup_path (database_path, reason, error)) ||
      !rp_database_file_copy (database_path, target, error))
    return NULL;

  prune (database_path, reason);

  return g_steal_pointer (&target);
}

/* Writes @backup_path over the live database through SQLite, which takes the
 * locks: another program with the file open sees the restored data, not a
 * file swapped under it. */
gboolean
rp_database_file_copy_into (const char  *backup_path,
                            const char  *database_path,
                            GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  int rc;

  if (!rp_database_file_create_private (database_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (database_path, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (target, 5000);
      rc = sqlite3_exec (target, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_backup *backup = sqlite3_backup_init (target, "main", source, "main");

      if (backup == NULL)
        rc = sqlite3_extended_errcode (target);
      else
        {
          /* Busy: retry while the other program finishes its save. */
          for (int attempt = 0; attempt < 50; attempt++)
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                break;
              g_usleep (G_USEC_PER_SEC / 10);
            }
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    rp_error_set_from_sqlite (error, rc, target != NULL ? sqlite3_errmsg (target) : "");

  sqlite3_close_v2 (source);
  sqlite3_close_v2 (target);

  return rc == SQLITE_OK;
}

