/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-erasure.c: erasing a person everywhere the app keeps them */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rp-database-file-private.h"
#include "rp-erasure.h"
#include "rp-error.h"
#include "rp-store-private.h"

/* Applies @tombstone to a copy of @backup_path; only if the backup held the
 * person is the copy (vacuumed, so no erased page is left in it) renamed
 * over it. Until then the backup is untouched, whatever fails. */
static gboolean
erase_from_backup (const char         *backup_path,
                   const RpTombstone  *tombstone,
                   gboolean           *rewritten,
                   GError            **error)
{
  g_autofree char *work = g_strconcat (backup_path, ".erasing", NULL);
  g_autoptr(RpStore) copy = NULL;
  gboolean erased = FALSE;

  *rewritten = FALSE;
  rp_database_file_remove_working_copy (work);

  if (!rp_database_file_copy (backup_path, work, error))
    return FALSE;

  copy = rp_store_open (work, RP_STORE_OPEN_WORKING_COPY | RP_STORE_OPEN_KEEP_VERSION, error);
  if (copy == NULL ||
      !rp_store_apply_tombstone (copy, tombstone, &erased, error) ||
      (erased && !rp_store_vacuum (copy, error)))
    {
      g_clear_object (&copy);
      rp_database_file_remove_working_copy (work);
      return FALSE;
    }
  g_clear_object (&copy);

  if (!erased)
    {
      rp_database_file_remove_working_copy (work);
      return TRUE;
    }

  if (g_rename (work, backup_path) != 0)
    {
      int saved_errno = errno;

      rp_database_file_remove_working_copy (work);
      g_set_error (error, RP_ERROR, RP_ERROR_IO, "%s", g_strerror (saved_errno));
      return FALSE;
    }

  *rewritten = TRUE;
  return TRUE;
}

static gboolean
erase_from_backups (const char         *database_path,
                    const RpTombstone  *tombstone,
                    guint              *n_backups,
                    GError            **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GString) failed = g_string_new (NULL);
  guint n_failed = 0;

  if (!(backups = rp_database_file_list_backups (database_path, error)))
    return FALSE;

  for (guint i = 0; i < backups->len; i++)
    {
      const RpBackupFile *backup = g_ptr_array_index (backups, i);
      g_autoptr(GError) local_error = NULL;
      gboolean rewritten = FALSE;

      if (!erase_from_backup (backup->path, tombstone, &rewritten, &local_error))
        {
          g_autofree char *name = g_path_get_basename (backup->path);

          n_failed++;
          g_string_append_printf (failed, "\n%s: %s", name, local_error->message);
        }
      else if (rewritten && n_backups != NULL)
        (*n_backups)++;
    }

  if (n_failed > 0)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_IO,
                   ngettext ("The attendee was erased, but %u backup could not be rewritten and still holds their details. Delete it by hand, or try again:%s",
                             "The attendee was erased, but %u backups could not be rewritten and still hold their details. Delete them by hand, or try again:%s",
                             n_failed),
                   n_failed, failed->str);
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_erasure_erase_attendee:
 * @store: a database open for writing
 * @attendee_id: the attendee to erase
 * @flags: whether the backups keep the person
 * @n_backups: (out) (optional): how many backups held the person and were rewritten
 * @error: why the attendee, or some backup, could not be erased
 *
 * Erases the attendee from the database (rp_store_delete_attendee()) and,
 * unless asked not to, from every copy in its backups folder: each copy that
 * holds them (the same attendee id, number and programme) goes through the
 * same erasure, is vacuumed and replaces the copy only when complete. Copies
 * kept anywhere else are out of reach.
 *
 * Returns: %TRUE if the attendee was erased everywhere asked
 */
gboolean
rp_erasure_erase_attendee (RpStore         *store,
                           gint64           attendee_id,
                           RpErasureFlags   flags,
                           guint           *n_backups,
                           GError         **error)
{
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(GArray) tombstones = NULL;
  RpTombstone tombstone = { 0 };

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_backups != NULL)
    *n_backups = 0;

  if (!(attendee = rp_store_get_attendee (store, attendee_id, error)) ||
      !rp_store_delete_attendee (store, attendee_id, error))
    return FALSE;

  /* A team database's backups are its administrator's, on the server. */
  if ((flags & RP_ERASURE_KEEP_BACKUPS) || rp_store_is_team (store))
    return TRUE;

  /* The backups get the same tombstone, date and all, so a later restore knows it was applied. */
  if (!(tombstones = rp_store_list_tombstones (store, error)))
    return FALSE;
  for (guint i = 0; i < tombstones->len; i++)
    if (g_array_index (tombstones, RpTombstone, i).attendee_id == attendee_id)
      tombstone = g_array_index (tombstones, RpTombstone, i);
  g_assert (tombstone.recorded_at != NULL);
  tombstone.programme_id = rp_attendee_get_programme_id (attendee);

  return erase_from_backups (rp_store_get_path (store), &tombstone, n_backups, error);
}

/* Every erasure recorded in @path, added to @tombstones; a file that cannot be read adds none. */
static void
collect_tombstones (const char *path,
                    GArray     *tombstones)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GArray) found = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;

  store = rp_store_open (path, RP_STORE_OPEN_READ_ONLY | RP_STORE_OPEN_KEEP_VERSION, NULL);
  if (store == NULL || !(found = rp_store_list_tombstones (store, NULL)))
    return;

  /* The strings move to @tombstones. */
  g_array_set_clear_func (found, NULL);
  g_array_append_vals (tombstones, found->data, found->len);
}

/**
 * rp_erasure_reapply:
 * @copy: a backup being restored, open for writing
 * @database_path: the database it will replace
 * @error: why an erasure could not be applied
 *
 * Applies every erasure recorded in the database, and in the other copies of
 * its backups folder, to @copy, so a person erased since the backup was made
 * does not come back with it. The tombstones are kept in @copy.
 */
gboolean
rp_erasure_reapply (RpStore     *copy,
                    const char  *database_path,
                    GError     **error)
{
  g_autoptr(GArray) tombstones = g_array_new (FALSE, TRUE, sizeof (RpTombstone));
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (RP_IS_STORE (copy), FALSE);
  g_return_val_if_fail (database_path != NULL, FALSE);

  /* A restore replaces a file with a backup of it; a server has no such files here. */
  if (rp_store_is_team (copy) || rp_store_location_is_team (database_path))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("This works on a database file only, not on a team database: the server keeps a "
                             "team database safe, and its administrator makes its backups."));
      return FALSE;
    }

  g_array_set_clear_func (tombstones, (GDestroyNotify) rp_tombstone_clear);
  collect_tombstones (database_path, tombstones);

  /* The database being replaced may be the damaged one: its backups remember too. */
  backups = rp_database_file_list_backups (database_path, NULL);
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const RpBackupFile *backup = g_ptr_array_index (backups, i);

      if (g_strcmp0 (backup->path, rp_store_get_path (copy)) != 0)
        collect_tombstones (backup->path, tombstones);
    }

  for (guint i = 0; i < tombstones->len; i++)
    if (!rp_store_apply_tombstone (copy, &g_array_index (tombstones, RpTombstone, i), NULL, error))
      return FALSE;

  return TRUE;
}
