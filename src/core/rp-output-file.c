/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-output-file.c: where an export, schedule or copy may be written, and writing it whole */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rp-database-file.h"
#include "rp-error.h"
#include "rp-output-file.h"

/* The rules, in the order they are applied to the name chosen:
 *
 *  - a symbolic link is refused, never followed: the link's target may be
 *    anything, including the database;
 *  - anything that is not an ordinary file (a folder, a device, a pipe) is refused;
 *  - an open database of this process, its -wal, -shm or -journal, or anything
 *    in its backups folder is refused, compared by device and inode so that
 *    "./x.db" and hard links are caught too;
 *  - an existing file that is an SQLite database, write-ahead log or rollback
 *    journal, or whose name is another file's plus -wal, -shm or -journal, is
 *    refused: no export Reprovision writes looks like one, so it is not an export;
 *  - anything else may be replaced, but only once the new file is complete: it is
 *    written beside the old one under a temporary name (0600, created exclusively)
 *    and renamed over it.
 *
 * The open databases are kept in a list of this process, filled by
 * rp_store_open(), so that no caller has to remember to pass them. */

static const char * const sidecar_suffixes[] = { "-wal", "-shm", "-journal" };

static GMutex protected_lock;
static GPtrArray *protected_paths;

/**
 * rp_output_file_protect:
 * @database_path: a database this process has open
 *
 * Refuses every later export onto @database_path, its companions and its
 * backups folder, until as many rp_output_file_unprotect() calls are made.
 */
void
rp_output_file_protect (const char *database_path)
{
  g_return_if_fail (database_path != NULL);

  g_mutex_lock (&protected_lock);
  if (protected_paths == NULL)
    protected_paths = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (protected_paths, g_strdup (database_path));
  g_mutex_unlock (&protected_lock);
}

void
rp_output_file_unprotect (const char *database_path)
{
  g_return_if_fail (database_path != NULL);

  g_mutex_lock (&protected_lock);
  for (guint i = 0; protected_paths != NULL && i < protected_paths->len; i++)
    if (g_str_equal (g_ptr_array_index (protected_paths, i), database_path))
      {
        g_ptr_array_remove_index (protected_paths, i);
        break;
      }
  if (protected_paths != NULL && protected_paths->len == 0)
    g_clear_pointer (&protected_paths, g_ptr_array_unref);
  g_mutex_unlock (&protected_lock);
}

static gboolean
same_file (const GStatBuf *a,
           const char     *path)
{
  GStatBuf b;

  return g_stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* @target: (nullable): the target's own status, when it exists */
static gboolean
is_protected (const GStatBuf *target,
              const GStatBuf *parent,
              const char     *basename)
{
  gboolean found = FALSE;

  g_mutex_lock (&protected_lock);
  for (guint i = 0; protected_paths != NULL && i < protected_paths->len && !found; i++)
    {
      const char *database = g_ptr_array_index (protected_paths, i);
      g_autofree char *database_dir = g_path_get_dirname (database);
      g_autofree char *database_name = g_path_get_basename (database);
      g_autofree char *backups = rp_database_file_get_backup_folder (database);

      if (same_file (parent, backups))
        found = TRUE;
      else if (target != NULL && same_file (target, database))
        found = TRUE;
      else if (same_file (parent, database_dir))
        {
          /* Compared by name too: a companion that does not exist yet must
           * not be created by an export either. */
          found = g_str_equal (basename, database_name);
          for (guint s = 0; s < G_N_ELEMENTS (sidecar_suffixes) && !found; s++)
            {
              g_autofree char *name = g_strconcat (database_name, sidecar_suffixes[s], NULL);

              found = g_str_equal (basename, name);
            }
        }
    }
  g_mutex_unlock (&protected_lock);

  return found;
}

/**
 * rp_output_file_is_protected:
 * @path: a file someone chose
 *
 * Whether @path is a database this process has open, one of the files
 * beside it, or in its backups folder. Nothing but SQLite may open such a
 * file in this process, not even to read it: closing any other descriptor
 * on it drops every lock SQLite holds on it (SQLite's "How To Corrupt",
 * §2.2). Only stat is used here.
 */
gboolean
rp_output_file_is_protected (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  GStatBuf target;
  GStatBuf parent;
  gboolean exists;

  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  exists = g_stat (path, &target) == 0;
  if (g_stat (dir, &parent) != 0)
    return FALSE;

  return is_protected (exists ? &target : NULL, &parent, basename);
}

/* A file whose name is another's plus -wal, -shm or -journal belongs to that database. */
static gboolean
is_companion (const char *path)
{
  for (guint s = 0; s < G_N_ELEMENTS (sidecar_suffixes); s++)
    if (g_str_has_suffix (path, sidecar_suffixes[s]))
      {
        g_autofree char *main_file = g_strndup (path, strlen (path) - strlen (sidecar_suffixes[s]));

        if (g_file_test (main_file, G_FILE_TEST_EXISTS))
          return TRUE;
      }

  return FALSE;
}

/* Only called on files that are not an open database of this process: closing
 * a descriptor on one would drop SQLite's locks on it. */
static gboolean
looks_like_database (const char *path)
{
  static const guchar wal_magic_be[] = { 0x37, 0x7f, 0x06, 0x82 };
  static const guchar wal_magic_le[] = { 0x37, 0x7f, 0x06, 0x83 };
  static const guchar journal_magic[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  guchar header[16] = { 0 };
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, header, sizeof header);
  g_close (fd, NULL);

  return (n >= 16 && memcmp (header, "SQLite format 3", 16) == 0) ||
         (n >= 4 && (memcmp (header, wal_magic_be, 4) == 0 || memcmp (header, wal_magic_le, 4) == 0)) ||
         (n >= 8 && memcmp (header, journal_magic, 8) == 0);
}

/**
 * rp_output_file_check_target:
 * @path: where the user asked for an export, schedule or copy to be written
 * @error: a message saying why not, and that nothing was written
 *
 * Applies the rules above without writing anything.
 *
 * Returns: %TRUE if @path may be written (created, or replaced whole)
 */
gboolean
rp_output_file_check_target (const char  *path,
                             GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  GStatBuf target;
  GStatBuf parent;
  gboolean exists;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  exists = g_lstat (path, &target) == 0;
  if (exists && S_ISLNK (target.st_mode))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is a link to another file. Reprovision does not write through links: choose another name. Nothing was written."),
                   path);
      return FALSE;
    }

  if (exists && !S_ISREG (target.st_mode))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is not an ordinary file. Choose another name. Nothing was written."), path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  if (g_stat (dir, &parent) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RP_ERROR, RP_ERROR_IO,
                   _("“%s” could not be written: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (is_protected (exists ? &target : NULL, &parent, basename))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is the database, part of it, or in its backups folder. Writing there would destroy records: choose another name. Nothing was written."),
                   path);
      return FALSE;
    }

  if (exists && (is_companion (path) || looks_like_database (path)))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is a database file, not an export, so it was not replaced. Choose another name. Nothing was written."),
                   path);
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_output_file_check_folder:
 * @path: a folder to write several exports into; created if missing
 *
 * Refuses a link or something that is not a folder. The files written into
 * it are each checked with rp_output_file_check_target().
 */
gboolean
rp_output_file_check_folder (const char  *path,
                             GError     **error)
{
  g_autofree char *folder = NULL;
  gsize length;
  GStatBuf info;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* "report/" would look through a link called "report". */
  folder = g_strdup (path);
  length = strlen (folder);
  while (length > 1 && folder[length - 1] == G_DIR_SEPARATOR)
    folder[--length] = '\0';

  if (g_lstat (folder, &info) == 0 && S_ISLNK (info.st_mode))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is a link to another folder. Reprovision does not write through links: choose the folder itself. Nothing was written."),
                   path);
      return FALSE;
    }

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RP_ERROR, RP_ERROR_IO,
                   _("The folder “%s” could not be created: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

struct _RpOutputFile
{
  char *path;
  char *temp_path;
};

/**
 * rp_output_file_new:
 * @path: the file to write, checked with rp_output_file_check_target()
 *
 * Creates an empty temporary file beside @path, readable by its owner only,
 * for a writer to fill. Nothing happens to @path until rp_output_file_commit();
 * freeing the #RpOutputFile without committing removes the temporary file.
 *
 * Returns: (transfer full): the file being written, or %NULL
 */
RpOutputFile *
rp_output_file_new (const char  *path,
                    GError     **error)
{
  g_autoptr(RpOutputFile) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *template = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rp_output_file_check_target (path, error))
    return NULL;

  dir = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  template = g_strdup_printf (".%s.XXXXXX", basename);

  self = g_new0 (RpOutputFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_build_filename (dir, template, NULL);

  /* Exclusive and not through a link: the name is new and ours alone. */
  fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->temp_path, g_free);
      g_set_error (error, RP_ERROR, saved_errno == ENOSPC ? RP_ERROR_NO_SPACE : RP_ERROR_IO,
                   _("“%s” could not be written: %s."), path, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);

  return g_steal_pointer (&self);
}

/**
 * rp_output_file_get_temp_path:
 *
 * Returns: where the writer puts the contents until rp_output_file_commit()
 */
const char *
rp_output_file_get_temp_path (RpOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

/**
 * rp_output_file_commit:
 *
 * Flushes the complete file to disk, makes sure it is still readable by its
 * owner only (a library may have recreated it), checks the target again and
 * gives the file its name, replacing any earlier export in one step.
 */
gboolean
rp_output_file_commit (RpOutputFile  *self,
                       GError       **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && self->temp_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = g_open (self->temp_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0 || fchmod (fd, 0600) != 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, RP_ERROR, saved_errno == ENOSPC ? RP_ERROR_NO_SPACE : RP_ERROR_IO,
                   _("“%s” could not be written: %s."), self->path, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  /* The target may have changed while the file was written. */
  if (!rp_output_file_check_target (self->path, error))
    return FALSE;

  if (g_rename (self->temp_path, self->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RP_ERROR, saved_errno == ENOSPC ? RP_ERROR_NO_SPACE : RP_ERROR_IO,
                   _("“%s” could not be written: %s."), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  g_clear_pointer (&self->temp_path, g_free);
  return TRUE;
}

void
rp_output_file_free (RpOutputFile *self)
{
  if (self == NULL)
    return;

  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}

/**
 * rp_output_file_set_contents:
 * @path: the file to write, checked with rp_output_file_check_target()
 * @length: the length of @contents, or -1 if it ends with a nul
 *
 * Writes @contents whole to @path, readable by its owner only, replacing an
 * earlier export only once the new one is complete.
 */
gboolean
rp_output_file_set_contents (const char  *path,
                             const char  *contents,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(RpOutputFile) file = NULL;
  gsize left;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(file = rp_output_file_new (path, error)))
    return FALSE;

  left = length < 0 ? strlen (contents) : (gsize) length;
  fd = g_open (file->temp_path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  while (fd >= 0 && left > 0)
    {
      gssize written = write (fd, contents, left);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        break;
      contents += written;
      left -= written;
    }

  if (fd < 0 || left > 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, RP_ERROR, saved_errno == ENOSPC ? RP_ERROR_NO_SPACE : RP_ERROR_IO,
                   _("“%s” could not be written: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  return rp_output_file_commit (file, error);
}
