/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-backup.c: copies of a database kept beside it, and restoring one */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "rp-backup.h"
#include "rp-check.h"
#include "rp-database-file-private.h"
#include "rp-erasure.h"
#include "rp-error.h"
#include "rp-error-private.h"
#include "rp-store.h"
#include "rp-store-private.h"

struct _RpBackup
{
  GObject         parent_instance;

  char           *path;
  RpBackupReason  reason;
  GDateTime      *created;
  goffset         size;
};

G_DEFINE_FINAL_TYPE (RpBackup, rp_backup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_REASON,
  PROP_CREATED,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_backup_finalize (GObject *object)
{
  RpBackup *self = RP_BACKUP (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (rp_backup_parent_class)->finalize (object);
}

static void
rp_backup_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RpBackup *self = RP_BACKUP (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_REASON:
      g_value_set_int (value, self->reason);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_backup_class_init (RpBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_backup_finalize;
  object_class->get_property = rp_backup_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_int ("reason", NULL, NULL, RP_BACKUP_DAILY, RP_BACKUP_MANUAL, RP_BACKUP_DAILY,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_backup_init (RpBackup *self)
{
}

const char *
rp_backup_get_path (RpBackup *self)
{
  g_return_val_if_fail (RP_IS_BACKUP (self), NULL);

  return self->path;
}

RpBackupReason
rp_backup_get_reason (RpBackup *self)
{
  g_return_val_if_fail (RP_IS_BACKUP (self), RP_BACKUP_DAILY);

  return self->reason;
}

/**
 * rp_backup_get_created:
 * Returns: (transfer none): when the backup was made, in local time
 */
GDateTime *
rp_backup_get_created (RpBackup *self)
{
  g_return_val_if_fail (RP_IS_BACKUP (self), NULL);

  return self->created;
}

goffset
rp_backup_get_size (RpBackup *self)
{
  g_return_val_if_fail (RP_IS_BACKUP (self), 0);

  return self->size;
}

const char *
rp_backup_reason_get_label (RpBackupReason reason)
{
  switch (reason)
    {
    case RP_BACKUP_DAILY:
      return _("Daily backup");
    case RP_BACKUP_BEFORE_UPDATE:
      return _("Before updating to a new version");
    case RP_BACKUP_BEFORE_IMPORT:
      return _("Before an import");
    case RP_BACKUP_BEFORE_RESTORE:
      return _("Before restoring a backup");
    case RP_BACKUP_MANUAL:
      return _("Made by hand");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rp_backup_list:
 * @database_path: a database file
 * @error: why the backups folder could not be read
 *
 * Returns: (transfer full): #RpBackup items, newest first (empty when there are none)
 */
GListModel *
rp_backup_list (const char  *database_path,
                GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RP_TYPE_BACKUP);
  g_autoptr(GPtrArray) files = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rp_database_file_refuse_team (database_path, error))
    return NULL;

  if (!(files = rp_database_file_list_backups (database_path, error)))
    return NULL;

  for (guint i = 0; i < files->len; i++)
    {
      RpBackupFile *file = g_ptr_array_index (files, i);
      g_autoptr(RpBackup) backup = g_object_new (RP_TYPE_BACKUP, NULL);

      backup->path = g_steal_pointer (&file->path);
      backup->reason = file->reason;
      backup->created = g_steal_pointer (&file->created);
      backup->size = file->size;
      g_list_store_append (store, backup);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * rp_backup_ensure_daily:
 * @database_path: the database the app has just opened
 * @error: why the copy could not be made
 *
 * Makes the day's backup unless one was already made today.
 *
 * Returns: (transfer full) (nullable): the path of the new copy, or %NULL
 *   with @error unset when today's copy already exists
 */
char *
rp_backup_ensure_daily (const char  *database_path,
                        GError     **error)
{
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rp_database_file_refuse_team (database_path, error))
    return NULL;

  if (!(backups = rp_backup_list (database_path, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(RpBackup) backup = g_list_model_get_item (backups, i);
      int year, month, day;

      if (backup->reason != RP_BACKUP_DAILY)
        continue;

      g_date_time_get_ymd (backup->created, &year, &month, &day);
      if (year == g_date_time_get_year (now) &&
          month == g_date_time_get_month (now) &&
          day == g_date_time_get_day_of_month (now))
        return NULL;
    }

  return rp_database_file_back_up (database_path, RP_BACKUP_DAILY, error);
}

static void
check_and_back_up_in_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  const char *database_path = task_data;
  g_autofree char *copy = NULL;
  GError *error = NULL;

  if (!rp_check_quick (database_path, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  copy = rp_backup_ensure_daily (database_path, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rp_backup_check_and_back_up_async:
 * @database_path: the database the app has just opened
 * @cancellable: (nullable): stops the wait for the answer
 * @callback: called in this thread when done
 * @user_data: for @callback
 *
 * Checks that @database_path is whole (rp_check_quick()), then makes the
 * day's backup (rp_backup_ensure_daily()), in a thread: reading a large file
 * takes longer than a frame. A damaged file is never backed up, so it cannot
 * push a good copy out of the backups.
 */
void
rp_backup_check_and_back_up_async (const char          *database_path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *refused = NULL;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_backup_check_and_back_up_async);

  if (!rp_database_file_refuse_team (database_path, &refused))
    {
      g_task_return_error (task, refused);
      return;
    }
  g_task_set_task_data (task, g_strdup (database_path), g_free);
  g_task_run_in_thread (task, check_and_back_up_in_thread);
}

/**
 * rp_backup_check_and_back_up_finish:
 * @result: the result given to the callback
 * @error: %RP_ERROR_CORRUPT when the file is damaged, or why the backup could
 *   not be made
 *
 * Returns: %TRUE if the file is whole and today's backup exists
 */
gboolean
rp_backup_check_and_back_up_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rp_backup_check_and_back_up_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A backup is only put back if it is whole and ours. */
static gboolean
check_restorable (const char  *backup_path,
                  GError     **error)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean whole = FALSE;

  /* Read-only refuses an older schema; a copy is opened as it is. */
  store = rp_store_open (backup_path, RP_STORE_OPEN_READ_ONLY, &local_error);
  if (store == NULL && !g_error_matches (local_error, RP_ERROR, RP_ERROR_READ_ONLY))
    {
      g_set_error (error, RP_ERROR, local_error->code,
                   _("This backup cannot be restored: %s"), local_error->message);
      return FALSE;
    }

  if (store != NULL &&
      sqlite3_prepare_v2 (rp_store_get_db (store), "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    whole = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (store != NULL && !whole)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_CORRUPT,
                           _("This backup is damaged and cannot be restored. Choose another one."));
      return FALSE;
    }

  return TRUE;
}

/* A file SQLite cannot back up (damaged, or not a database) is kept byte for byte. */
static char *
keep_raw_copy (const char  *database_path,
               GError     **error)
{
  g_autofree char *target = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (database_path);
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(target = rp_database_file_new_backup_path (database_path, RP_BACKUP_BEFORE_RESTORE, error)) ||
      !rp_database_file_create_private (target, error))
    return NULL;

  destination = g_file_new_for_path (target);

  if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_IO,
                   _("The current database could not be kept before restoring: %s"),
                   local_error->message);
      g_unlink (target);
      return NULL;
    }

  return g_steal_pointer (&target);
}

/* The backup as it will go live: a copy beside the database, brought up to
 * date, with every erasure recorded since applied again and the restore
 * itself recorded, so neither an erased person nor a rolled-back audit trail
 * comes back unnoticed. */
static char *
prepare_restore (const char  *database_path,
                 const char  *backup_path,
                 GError     **error)
{
  g_autofree char *prepared = g_strconcat (database_path, ".restoring", NULL);
  g_autoptr(RpStore) copy = NULL;

  rp_database_file_remove_working_copy (prepared);
  if (!rp_database_file_copy (backup_path, prepared, error))
    return NULL;

  copy = rp_store_open (prepared, RP_STORE_OPEN_WORKING_COPY, error);
  if (copy == NULL ||
      !rp_erasure_reapply (copy, database_path, error) ||
      !rp_store_record_restore (copy, backup_path, error))
    {
      g_clear_object (&copy);
      rp_database_file_remove_working_copy (prepared);
      return NULL;
    }

  return g_steal_pointer (&prepared);
}

/**
 * rp_backup_restore:
 * @database_path: the database to replace
 * @backup_path: the copy to put in its place
 * @safety_copy_path: (out) (optional) (transfer full): where the replaced file was kept
 * @error: why nothing was restored
 *
 * Puts a backup in place of the database. The current file is copied first
 * (even a damaged one, byte for byte), so a restore can itself be undone.
 * Every erasure recorded in the database or its backups is applied to the
 * restored copy, and the restore is recorded in its audit trail.
 * Close every store on @database_path before calling this.
 *
 * Returns: %TRUE if the backup was restored
 */
gboolean
rp_backup_restore (const char  *database_path,
                   const char  *backup_path,
                   char       **safety_copy_path,
                   GError     **error)
{
  g_autofree char *safety_copy = NULL;
  g_autofree char *prepared = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rp_database_file_refuse_team (database_path, error))
    return FALSE;

  if (!check_restorable (backup_path, error) ||
      !(prepared = prepare_restore (database_path, backup_path, error)))
    return FALSE;

  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      safety_copy = rp_database_file_back_up (database_path, RP_BACKUP_BEFORE_RESTORE, &local_error);
      if (safety_copy == NULL)
        {
          if (g_error_matches (local_error, RP_ERROR, RP_ERROR_LOCKED) ||
              g_error_matches (local_error, RP_ERROR, RP_ERROR_NO_SPACE))
            {
              rp_database_file_remove_working_copy (prepared);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_clear_error (&local_error);
          if (!(safety_copy = keep_raw_copy (database_path, error)))
            {
              rp_database_file_remove_working_copy (prepared);
              return FALSE;
            }
        }
    }

  if (!rp_database_file_copy_into (prepared, database_path, &local_error))
    {
      if (!g_error_matches (local_error, RP_ERROR, RP_ERROR_CORRUPT) &&
          !g_error_matches (local_error, RP_ERROR, RP_ERROR_NOT_DATABASE))
        {
          rp_database_file_remove_working_copy (prepared);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* SQLite cannot write into a damaged file, and nobody can have it open:
       * the prepared copy is renamed over it, so at every moment one whole
       * file has the name. */
      g_clear_error (&local_error);
      wal = g_strconcat (database_path, "-wal", NULL);
      shm = g_strconcat (database_path, "-shm", NULL);
      g_unlink (wal);
      g_unlink (shm);
      if (g_rename (prepared, database_path) != 0)
        {
          int saved_errno = errno;

          rp_database_file_remove_working_copy (prepared);
          g_set_error (error, RP_ERROR, RP_ERROR_IO,
                       _("The backup could not be put in place: %s. The database was left as it was."),
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  else
    rp_database_file_remove_working_copy (prepared);

  if (safety_copy_path != NULL)
    *safety_copy_path = g_steal_pointer (&safety_copy);

  return TRUE;
}
