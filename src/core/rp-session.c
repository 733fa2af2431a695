/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-session.c: the database a window works on, and what went wrong opening it */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-backup.h"
#include "rp-error.h"
#include "rp-programme.h"
#include "rp-sample.h"
#include "rp-session.h"

/* A session is in one of three states: nothing open, a store open, or a
 * fault (the path that could not be opened and why). The window shows the
 * page for the state; every way of opening a database goes through here. */
struct _RpSession
{
  GObject   parent_instance;

  RpStore  *store;
  char     *path;      /* the store's path, or the one that could not be opened */
  GError   *fault;
  guint     lock_lost_idle_id;
};

G_DEFINE_FINAL_TYPE (RpSession, rp_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PATH,
  PROP_FAULT,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  NOTICE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_path (RpSession  *self,
          const char *path)
{
  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

static void
clear_fault (RpSession *self)
{
  if (self->fault == NULL)
    return;

  g_clear_error (&self->fault);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAULT]);
}

static void
notice (RpSession  *self,
        const char *message)
{
  g_signal_emit (self, signals[NOTICE], 0, message);
}

static gboolean
show_lock_lost (gpointer user_data)
{
  RpSession *self = RP_SESSION (user_data);
  g_autoptr(GError) error = NULL;

  self->lock_lost_idle_id = 0;
  if (self->store != NULL && !rp_store_check_file (self->store, &error))
    rp_session_set_fault (self, rp_store_get_path (self->store), error);

  return G_SOURCE_REMOVE;
}

/* Noticed in the middle of a save: the page that saved reports its own error
 * first, then the session becomes a fault. */
static void
on_lock_lost (RpSession *self)
{
  if (self->lock_lost_idle_id == 0)
    self->lock_lost_idle_id = g_idle_add (show_lock_lost, self);
}

/**
 * rp_session_set_store:
 * @store: (nullable): a store already open, or %NULL to close
 *
 * Works on @store from now on; a fault is over.
 */
void
rp_session_set_store (RpSession *self,
                      RpStore   *store)
{
  gboolean was_read_only;

  g_return_if_fail (RP_IS_SESSION (self));
  g_return_if_fail (store == NULL || RP_IS_STORE (store));

  if (self->store == store)
    return;

  was_read_only = rp_session_get_read_only (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_lock_lost, self);
  g_clear_handle_id (&self->lock_lost_idle_id, g_source_remove);

  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "notify::lock-lost", G_CALLBACK (on_lock_lost), self, G_CONNECT_SWAPPED);
      clear_fault (self);
      set_path (self, rp_store_get_path (store));
    }
  else if (self->fault == NULL)
    set_path (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  if (was_read_only != rp_session_get_read_only (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/**
 * rp_session_set_fault:
 * @path: the database that could not be opened, or can no longer be used
 * @fault: why
 *
 * Lets go of the store and records why @path cannot be used.
 */
void
rp_session_set_fault (RpSession    *self,
                      const char   *path,
                      const GError *fault)
{
  g_autofree char *kept = NULL;

  g_return_if_fail (RP_IS_SESSION (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (fault != NULL);

  /* @path may be the store's own, which goes with the store. */
  kept = g_strdup (path);
  g_clear_error (&self->fault);
  self->fault = g_error_copy (fault);
  rp_session_set_store (self, NULL);
  set_path (self, kept);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAULT]);
}

RpStore *
rp_session_get_store (RpSession *self)
{
  g_return_val_if_fail (RP_IS_SESSION (self), NULL);

  return self->store;
}

/**
 * rp_session_get_path:
 *
 * Returns: (nullable): the open database, or the one that could not be opened
 */
const char *
rp_session_get_path (RpSession *self)
{
  g_return_val_if_fail (RP_IS_SESSION (self), NULL);

  return self->path;
}

/**
 * rp_session_get_fault:
 *
 * Returns: (nullable): why rp_session_get_path() could not be opened, or %NULL
 */
const GError *
rp_session_get_fault (RpSession *self)
{
  g_return_val_if_fail (RP_IS_SESSION (self), NULL);

  return self->fault;
}

gboolean
rp_session_get_read_only (RpSession *self)
{
  g_return_val_if_fail (RP_IS_SESSION (self), FALSE);

  return self->store != NULL && rp_store_is_read_only (self->store);
}

/* @path cannot be used: it becomes the fault, and the caller learns why too. */
static gboolean
fail (RpSession   *self,
      const char  *path,
      GError      *fault,
      GError     **error)
{
  rp_session_set_fault (self, path, fault);
  g_propagate_error (error, fault);
  return FALSE;
}

/**
 * rp_session_open:
 * @path: a database file
 * @flags: %RP_STORE_OPEN_READ_ONLY to look without changing anything
 * @error: why it could not be opened
 *
 * Opens @path, or a local copy of it when it lies on the document portal,
 * which cannot hold SQLite's locks. A database on a network drive is not
 * copied behind the user's back: the fault says so, and
 * rp_session_open_local_copy() is what they are offered.
 *
 * Returns: %TRUE if open; otherwise #RpSession:fault says why too
 */
gboolean
rp_session_open (RpSession         *self,
                 const char        *path,
                 RpStoreOpenFlags   flags,
                 GError           **error)
{
  g_autoptr(RpStore) store = NULL;
  g_autofree char *local_path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rp_database_file_is_portal (path))
    {
      g_autofree char *message = NULL;

      if (!(local_path = rp_database_file_make_local_copy (path, &local_error)))
        return fail (self, path, g_steal_pointer (&local_error), error);

      message = g_strdup_printf (_("A copy was opened from your data folder, because the database cannot be used safely where it is: %s"),
                                 local_path);
      notice (self, message);
      path = local_path;
    }

  if (!(store = rp_store_open (path, flags, &local_error)))
    return fail (self, path, g_steal_pointer (&local_error), error);

  rp_session_set_store (self, store);
  if (rp_store_is_read_only (store))
    notice (self, _("Opened read-only: you can look, but changes cannot be saved."));

  return TRUE;
}

/**
 * rp_session_create:
 * @path: where the person asked for a new database
 * @error: why it could not be created
 *
 * Creates an empty database at @path, or in the user data folder when @path
 * is on the portal or a network drive, where a live database cannot be kept.
 * An existing file is left as it is. The session does not change: open the
 * returned path with rp_session_open().
 *
 * Returns: (transfer full): the path of the database, or %NULL
 */
char *
rp_session_create (RpSession   *self,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(RpStore) store = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (RP_IS_SESSION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (rp_database_file_needs_local_copy (path))
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *message = NULL;

      target = g_build_filename (g_get_user_data_dir (), "reprovision", basename, NULL);
      message = g_strdup_printf (_("The database was created in your data folder, because it cannot be used safely in the place you chose: %s"),
                                 target);
      notice (self, message);
    }
  else
    target = g_strdup (path);

  if (!(store = rp_store_open (target, RP_STORE_OPEN_CREATE, error)))
    return NULL;

  return g_steal_pointer (&target);
}

/**
 * rp_session_open_local_copy:
 * @error: why the copy could not be made or opened
 *
 * Copies the database that could not be used where it is (on a network
 * drive) into the user data folder and opens the copy. When the copy cannot
 * be made the fault stays as it was.
 */
gboolean
rp_session_open_local_copy (RpSession  *self,
                            GError    **error)
{
  g_autofree char *local_path = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (RP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->path == NULL)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("No database has been chosen to copy."));
      return FALSE;
    }

  if (!(local_path = rp_database_file_make_local_copy (self->path, error)))
    return FALSE;

  if (!rp_session_open (self, local_path, RP_STORE_OPEN_DEFAULT, error))
    return FALSE;

  message = g_strdup_printf (_("Working on a copy in your data folder: %s. Changes are saved there, not on the network drive."),
                             local_path);
  notice (self, message);
  return TRUE;
}

/**
 * rp_session_open_sample:
 * @error: why the sample could not be made or opened
 *
 * Opens the sample programme's own database, creating it the first time.
 * When the sample cannot be made the session is left as it was.
 */
gboolean
rp_session_open_sample (RpSession  *self,
                        GError    **error)
{
  g_autofree char *path = rp_store_get_sample_path ();

  g_return_val_if_fail (RP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  {
    g_autoptr(RpStore) store = NULL;
    g_autoptr(GListModel) programmes = NULL;
    g_autoptr(RpProgramme) sample = NULL;

    if (!(store = rp_store_open (path, RP_STORE_OPEN_CREATE, error)) ||
        !(programmes = rp_store_list_programmes (store, error)))
      return FALSE;

    /* The sample a new user opens shows the work after a move too. */
    if (g_list_model_get_n_items (programmes) == 0 &&
        (!(sample = rp_sample_create (store, error)) ||
         !rp_sample_add_moves (store, sample, error)))
      return FALSE;
  }

  return rp_session_open (self, path, RP_STORE_OPEN_DEFAULT, error);
}

/**
 * rp_session_repair_protection:
 * @error: why the repair failed, or why the file still cannot be opened
 *
 * Puts back the audit trail's safeguards in the database that could not be
 * opened without them (the person's decision; recorded in the audit trail),
 * then opens it.
 */
gboolean
rp_session_repair_protection (RpSession  *self,
                              GError    **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  path = g_strdup (self->path);
  if (!rp_store_repair_protection (path, NULL, &local_error))
    return fail (self, path, g_steal_pointer (&local_error), error);

  return rp_session_open (self, path, RP_STORE_OPEN_DEFAULT, error);
}

typedef struct
{
  char *path;
  char *backup_path;
} Restore;

static void
restore_free (Restore *restore)
{
  g_free (restore->path);
  g_free (restore->backup_path);
  g_free (restore);
}

static void
restore_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Restore *restore = task_data;
  g_autofree char *kept = NULL;
  GError *error = NULL;

  if (rp_backup_restore (restore->path, restore->backup_path, &kept, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_restored (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RpSession *self = RP_SESSION (source_object);
  Restore *restore = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean restored = g_task_propagate_boolean (G_TASK (result), &error);

  /* Opened again either way: restored, or as it was. */
  rp_session_open (self, restore->path, RP_STORE_OPEN_DEFAULT, restored ? &error : NULL);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rp_session_restore_async:
 * @backup_path: one of the database's backups (rp_backup_list())
 * @cancellable: (nullable): the window's
 * @callback: called once the database is open again
 * @user_data: for @callback
 *
 * Puts @backup_path in place of the session's database, which is kept among
 * the backups, and opens it again: #RpSession:store becomes a new store. The
 * store is let go of first, so nothing of ours reads the file while it is
 * replaced, and the copy is made in a thread. When the restore fails the
 * database is opened again as it was (or the fault says why it cannot be).
 */
void
rp_session_restore_async (RpSession           *self,
                          const char          *backup_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  Restore *restore;

  g_return_if_fail (RP_IS_SESSION (self));
  g_return_if_fail (backup_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_session_restore_async);

  if (self->path == NULL)
    {
      g_task_return_new_error (task, RP_ERROR, RP_ERROR_NOT_FOUND,
                               _("No database is open to restore a backup into."));
      return;
    }

  restore = g_new0 (Restore, 1);
  restore->path = g_strdup (self->path);
  restore->backup_path = g_strdup (backup_path);
  g_task_set_task_data (task, restore, (GDestroyNotify) restore_free);

  rp_session_set_store (self, NULL);

  /* Not cancellable once started: a file half put back is worse than waiting. */
  worker = g_task_new (self, NULL, on_restored, g_steal_pointer (&task));
  g_task_set_source_tag (worker, restore_in_thread);
  g_task_set_task_data (worker, restore, NULL);
  g_task_run_in_thread (worker, restore_in_thread);
}

/**
 * rp_session_restore_finish:
 *
 * Returns: %TRUE if the backup was put back and opened
 */
gboolean
rp_session_restore_finish (RpSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (RP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rp_session_restore_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_checked_and_backed_up (GObject      *source_object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RpSession *self = g_task_get_source_object (task);
  const char *path = g_task_get_task_data (task);
  GError *error = NULL;

  if (rp_backup_check_and_back_up_finish (result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Only if that file is still the one open. */
  if (g_error_matches (error, RP_ERROR, RP_ERROR_CORRUPT) &&
      self->store != NULL && g_strcmp0 (rp_store_get_path (self->store), path) == 0)
    rp_session_set_fault (self, path, error);

  g_task_return_error (task, error);
}

/**
 * rp_session_run_daily_check_async:
 * @cancellable: (nullable): the window's
 * @callback: called when the check and backup are done
 * @user_data: for @callback
 *
 * Checks the open database whole and makes the day's backup of it, once a
 * day, in a thread (rp_backup_check_and_back_up_async()). A damaged file
 * becomes the session's fault, if it is still the one open.
 */
void
rp_session_run_daily_check_async (RpSession           *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char *path;

  g_return_if_fail (RP_IS_SESSION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_session_run_daily_check_async);

  if (self->store == NULL || rp_store_is_read_only (self->store))
    {
      g_task_return_new_error (task, RP_ERROR, RP_ERROR_READ_ONLY,
                               _("No database is open for changes, so there is nothing to back up."));
      return;
    }

  /* The server keeps a team database whole; its administrator backs it up. */
  if (rp_store_is_team (self->store))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  path = g_strdup (rp_store_get_path (self->store));
  g_task_set_task_data (task, path, g_free);
  rp_backup_check_and_back_up_async (path, cancellable, on_checked_and_backed_up, g_steal_pointer (&task));
}

/**
 * rp_session_run_daily_check_finish:
 *
 * Returns: %TRUE when the file is whole and today's backup exists
 */
gboolean
rp_session_run_daily_check_finish (RpSession     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (RP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rp_session_run_daily_check_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rp_session_check_for_changes:
 *
 * Looks whether another program or connection changed the database; the
 * store announces what changed. One small read: cheap enough every second.
 */
void
rp_session_check_for_changes (RpSession *self)
{
  g_return_if_fail (RP_IS_SESSION (self));

  if (self->store != NULL)
    rp_store_check_for_changes (self->store);
}

/**
 * rp_session_check_file:
 *
 * Looks whether the database was taken from under us (replaced or its locks
 * lost), which makes it the session's fault, and whether it was changed.
 */
void
rp_session_check_file (RpSession *self)
{
  g_return_if_fail (RP_IS_SESSION (self));

  if (self->store == NULL)
    return;

  rp_store_check_file (self->store, NULL);
  rp_store_check_for_changes (self->store);
}

/**
 * rp_session_close:
 *
 * Lets go of the database and forgets any fault.
 */
void
rp_session_close (RpSession *self)
{
  g_return_if_fail (RP_IS_SESSION (self));

  clear_fault (self);
  rp_session_set_store (self, NULL);
  set_path (self, NULL);
}

static void
rp_session_dispose (GObject *object)
{
  RpSession *self = RP_SESSION (object);

  g_clear_handle_id (&self->lock_lost_idle_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_lock_lost, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_session_parent_class)->dispose (object);
}

static void
rp_session_finalize (GObject *object)
{
  RpSession *self = RP_SESSION (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_error (&self->fault);

  G_OBJECT_CLASS (rp_session_parent_class)->finalize (object);
}

static void
rp_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RpSession *self = RP_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_FAULT:
      g_value_set_boxed (value, self->fault);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, rp_session_get_read_only (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RpSession *self = RP_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rp_session_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_session_class_init (RpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_session_dispose;
  object_class->finalize = rp_session_finalize;
  object_class->get_property = rp_session_get_property;
  object_class->set_property = rp_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAULT] =
    g_param_spec_boxed ("fault", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpSession::notice:
   * @message: what the person should know, in a sentence
   *
   * Something happened that the person did not ask for in so many words: a
   * local copy was opened, or the database was opened read-only.
   */
  signals[NOTICE] =
    g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rp_session_init (RpSession *self)
{
}

RpSession *
rp_session_new (void)
{
  return g_object_new (RP_TYPE_SESSION, NULL);
}
