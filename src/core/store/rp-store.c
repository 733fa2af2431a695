/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store.c: the SQLite database that holds one or more reprovision programmes: the object, its connection, statements and transactions */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rp-database-file-private.h"
#include "rp-date.h"
#include "rp-error.h"
#include "rp-output-file.h"
#include "rp-store-internal.h"

G_DEFINE_FINAL_TYPE (RpStore, rp_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_LOCK_LOST,
  PROP_CONNECTION_LOST,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Beyond this many rows of one table in one transaction, listeners are told
 * only that the table changed, as for a change made elsewhere. */
#define MAX_ANNOUNCED_IDS 256

static void
rp_store_finalize (GObject *object)
{
  RpStore *self = (RpStore *)object;

  if (self->team != NULL)
    store_team_closing (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  store_team_close (self);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  if (self->path != NULL)
    rp_output_file_unprotect (self->path);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rp_store_parent_class)->finalize (object);
}

static void
rp_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RpStore *self = RP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_LOCK_LOST:
      g_value_set_boolean (value, self->lock_lost);
      break;

    case PROP_CONNECTION_LOST:
      g_value_set_boolean (value, rp_store_get_connection_lost (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_store_class_init (RpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_store_finalize;
  object_class->get_property = rp_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCK_LOST] =
    g_param_spec_boolean ("lock-lost", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RpStore:connection-lost:
   *
   * A team database's connection was lost (the server stopped or
   * restarted, or the network went). Nothing can be saved meanwhile; the
   * store connects again by itself, in the main context it was opened in,
   * and then announces every table as changed. Always %FALSE for a file.
   */
  properties[PROP_CONNECTION_LOST] =
    g_param_spec_boolean ("connection-lost", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpStore::changed:
   * @table: the table that changed, such as "attendee"; the signal's detail too
   * @ids: (nullable) (element-type gint64): the rows that changed, or %NULL
   *   when that is not known (a change made by another program, or many rows)
   *
   * Emitted after a write is committed, once for each table it changed, and
   * never for a write that was rolled back. Changes made through another
   * connection — another program, or another connection of this one — are
   * announced by rp_store_check_for_changes().
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ARRAY);
}

static void
pending_ids_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
rp_store_init (RpStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) rp_stmt_finalize);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pending_ids_free);
  self->user = g_strdup (g_get_user_name ());
}

/* Errors ---------------------------------------------------------------- */

gboolean
set_error_from_db (RpStore  *self,
                   GError  **error)
{
  if (self->team != NULL)
    return store_team_set_error (self, error);

  rp_error_set_from_sqlite (error, sqlite3_extended_errcode (self->db), sqlite3_errmsg (self->db));
  return FALSE;
}

/* Statements ------------------------------------------------------------ */

/* Statements are prepared once and reused; @sql must be a static string. */
RpStmt *
store_prepare (RpStore     *self,
               const char  *sql,
               GError     **error)
{
  RpStmt *stmt = g_hash_table_lookup (self->statements, sql);
  sqlite3_stmt *prepared = NULL;

  if (stmt != NULL)
    {
      rp_stmt_reset (stmt);
      rp_stmt_clear_bindings (stmt);
      return stmt;
    }

  if (self->team != NULL)
    stmt = store_team_prepare (self, sql, error);
  else if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &prepared, NULL) == SQLITE_OK)
    stmt = rp_stmt_new_sqlite (prepared);
  else
    set_error_from_db (self, error);

  if (stmt == NULL)
    return NULL;

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
store_exec (RpStore     *self,
            const char  *sql,
            GError     **error)
{
  if (self->team != NULL)
    return store_team_exec (self, sql, error);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_error_from_db (self, error);

  return TRUE;
}

gboolean
store_in_transaction (RpStore *self)
{
  if (self->team != NULL)
    return store_team_in_transaction (self);

  return !sqlite3_get_autocommit (self->db);
}

/* Runs a statement that returns no rows and resets it. */
gboolean
step_done (RpStore       *self,
           RpStmt        *stmt,
           GError       **error)
{
  if (rp_stmt_step (stmt) != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      rp_stmt_reset (stmt);
      return FALSE;
    }

  rp_stmt_reset (stmt);
  return TRUE;
}

gboolean
step_done_before_commit (RpStore  *self,
                         RpStmt   *stmt,
                         GError  **error)
{
  if (self->team != NULL && store_team_defer_write (self, stmt))
    return TRUE;
  return step_done (self, stmt, error);
}

void
bind_text (RpStmt       *stmt,
           int           index,
           const char   *text)
{
  rp_stmt_bind_text (stmt, index, text);
}

/* An id of 0 means "none" in the domain objects and NULL in the database. */
void
bind_id (RpStmt       *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    rp_stmt_bind_int64 (stmt, index, id);
  else
    rp_stmt_bind_null (stmt, index);
}

const char *
column_text (RpStmt       *stmt,
             int           column)
{
  return rp_stmt_column_text (stmt, column);
}

static gboolean
same_file (const char        *path,
           const struct stat *opened)
{
  struct stat now;

  return g_stat (path, &now) == 0 && now.st_dev == opened->st_dev && now.st_ino == opened->st_ino;
}

/* Remembers the -wal and -shm files SQLite opened, to notice later if they
 * were deleted or replaced under this connection. */
static void
remember_wal_files (RpStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

  if (g_stat (wal, &self->wal_file) != 0 || g_stat (shm, &self->shm_file) != 0)
    {
      memset (&self->wal_file, 0, sizeof self->wal_file);
      memset (&self->shm_file, 0, sizeof self->shm_file);
    }
}

static gboolean read_data_version (RpStore *self,
                                   gint64  *version);
static void     on_row_written    (void          *user_data,
                                   int            operation,
                                   const char    *database,
                                   const char    *table,
                                   sqlite3_int64  rowid);
static void     on_rolled_back    (void          *user_data);
static void     emit_changed      (RpStore    *self,
                                   const char *table,
                                   GArray     *ids);

/* Nothing is half-read or half-written on the connection. A cached
 * statement that gave its one row is left as it was until its next use,
 * still reading: it is done with, so it is reset first. */
static gboolean
is_idle (RpStore *self)
{
  GHashTableIter iter;
  gpointer stmt;

  if (store_in_transaction (self))
    return FALSE;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    rp_stmt_reset (stmt);

  /* A server's statement holds nothing open between calls. */
  if (self->team != NULL)
    return TRUE;

  for (sqlite3_stmt *other = sqlite3_next_stmt (self->db, NULL); other != NULL; other = sqlite3_next_stmt (self->db, other))
    if (sqlite3_stmt_busy (other))
      return FALSE;

  return TRUE;
}

/* What every connection of a store has: plain error codes, patience with
 * another writer, change announcements and the audit trail's functions. */
static void
attach_hooks (RpStore *self)
{
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_update_hook (self->db, on_row_written, self);
  sqlite3_rollback_hook (self->db, on_rolled_back, self);
  register_functions (self);
}

/* Closes the connection and opens the file again, so that SQLite takes its
 * locks afresh. The old connection closes without copying its log into the
 * file: the log may be one another program deleted after copying it in
 * itself, and the file may hold newer changes. Only between transactions,
 * so nothing of this process is in flight. */
/* Every change is audited, and audit ids only grow: the highest one given
 * says how far the file this connection reads has come. */
static gint64
last_audit_id (RpStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = -1;

  if (sqlite3_prepare_v2 (self->db, "SELECT coalesce (max (seq), 0) FROM sqlite_sequence WHERE name = 'audit'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

static gboolean
renew_connection (RpStore  *self,
                  GError  **error)
{
  gint64 known = last_audit_id (self);
  int rc;

  /* Every statement goes first, or the old connection would linger, and
   * with it the locks the new one must take for itself. */
  g_hash_table_remove_all (self->statements);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close_v2 (self->db);
  self->db = NULL;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      rp_error_set_from_sqlite (error, rc, self->db != NULL ? sqlite3_errmsg (self->db) : "");
      return FALSE;
    }

  attach_hooks (self);
  if (!store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !store_exec (self, "PRAGMA secure_delete = ON", error) ||
      !store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !store_exec (self, "SELECT count(*) FROM sqlite_master", error))
    return FALSE;

  /* A log deleted by anything but SQLite, before it was copied into the
   * file, took changes with it: they cannot be brought back from here, so
   * this is not papered over. */
  if (last_audit_id (self) < known)
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      g_set_error_literal (error, RP_ERROR, RP_ERROR_LOCK_LOST, "The log of recent changes was deleted before it was saved into the file.");
      return FALSE;
    }

  remember_wal_files (self);

  /* Another program may have written meanwhile: every view reads again. */
  read_data_version (self, &self->data_version);
  for (guint i = 0; i < n_audited_tables; i++)
    emit_changed (self, audited_tables[i], NULL);

  return TRUE;
}

/**
 * rp_store_renew_locks:
 *
 * SQLite's locks are POSIX locks, which belong to the process: when anything
 * else in the process opens and closes the database file (a file chooser
 * reading it to guess its type, say), they are all gone. This takes them
 * again by opening the file anew, between transactions. Call it after
 * anything that may have looked inside the database's folder.
 */
void
rp_store_renew_locks (RpStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RP_IS_STORE (self));

  if (self->team != NULL || self->read_only || self->lock_lost || self->wal_file.st_ino == 0 || !is_idle (self))
    return;

  if (!renew_connection (self, &error))
    {
      g_debug ("The database could not be opened again: %s", error->message);
      self->lock_lost = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_LOST]);
    }
}

/* With its locks gone, another program takes itself for the last user and
 * deletes the write-ahead log under this connection
 * (sqlite.org/howtocorrupt.html §2.2). It does so only after copying the
 * whole log into the file, so between transactions the connection is simply
 * opened again. A change already written into a deleted log is lost, so
 * writing then stops: everything saved before is in the database. */
static gboolean
check_wal_files (RpStore  *self,
                 GError  **error)
{
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  if (!self->lock_lost && self->wal_file.st_ino != 0)
    {
      wal = g_strconcat (self->path, "-wal", NULL);
      shm = g_strconcat (self->path, "-shm", NULL);
      if (!same_file (wal, &self->wal_file) || !same_file (shm, &self->shm_file))
        {
          if (is_idle (self) && renew_connection (self, NULL))
            return TRUE;

          /* Closing must not copy the deleted log into the file: the other
           * program may have saved newer changes there meanwhile. */
          if (self->db != NULL)
            sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
          self->lock_lost = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_LOST]);
        }
    }

  if (self->lock_lost)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_LOCK_LOST,
                           _("Another program opened the database while Reprovision was using it, so Reprovision has stopped saving to it to keep it safe. Everything saved before this message is in the file. Close the other program, then open the database again."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
require_writable (RpStore  *self,
                  GError  **error)
{
  if (self->team != NULL && store_team_get_role (self) == RP_TEAM_ROLE_REPORTS)
    {
      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION,
                   _("Your account %s may read the scrutiny report only, so nothing can be changed. Ask the "
                     "database administrator if you need to make changes."),
                   store_team_get_login (self));
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_READ_ONLY,
                           _("This database is open read-only. Nothing can be changed."));
      return FALSE;
    }

  /* The server keeps its own files safe. */
  if (self->team != NULL)
    return TRUE;

  return check_wal_files (self, error);
}

/* A commit that went into a log deleted meanwhile is not in the file. */
static gboolean
check_committed (RpStore  *self,
                 GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->team != NULL || check_wal_files (self, &local_error))
    return TRUE;

  g_set_error (error, RP_ERROR, RP_ERROR_LOCK_LOST,
               _("The last change may not have been saved. %s"), local_error->message);
  return FALSE;
}

/* Change announcements -------------------------------------------------- */

/* The tables a person works with; the audit trail and SQLite's own tables
 * follow from them and are not announced. */
static gboolean
is_announced_table (const char *table)
{
  return !g_str_equal (table, "audit") && !g_str_has_prefix (table, "sqlite_");
}

/* Called by SQLite inside the transaction for every row written. */
static void
on_row_written (void          *user_data,
                int            operation,
                const char    *database,
                const char    *table,
                sqlite3_int64  rowid)
{
  store_note_change (user_data, table, rowid);
}

/* A row of @table was written: it is announced after the commit, once per
 * table, with the rows' ids. A team database tells of each row, its own
 * and everyone else's, after each commit (rp-store-team.c). */
void
store_note_change (RpStore    *self,
                   const char *table,
                   gint64      id)
{
  const char *name;
  GArray *ids;

  if (!is_announced_table (table))
    return;

  name = g_intern_string (table);
  if (!g_hash_table_lookup_extended (self->pending, name, NULL, (gpointer *) &ids))
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->pending, (gpointer) name, ids);
    }

  if (ids == NULL)
    return;

  if (ids->len >= MAX_ANNOUNCED_IDS)
    {
      g_hash_table_insert (self->pending, (gpointer) name, NULL);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

static void
on_rolled_back (void *user_data)
{
  store_forget_changes (user_data);
}

void
store_forget_changes (RpStore *self)
{
  g_hash_table_remove_all (self->pending);
}

static void
emit_changed (RpStore    *self,
              const char *table,
              GArray     *ids)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, ids);
}

/* After a commit: tells listeners what it changed. The list is taken first,
 * so that a listener may write again. */
void
store_announce_changes (RpStore *self)
{
  g_autoptr(GHashTable) changed = NULL;
  GHashTableIter iter;
  gpointer table;
  gpointer ids;

  if (g_hash_table_size (self->pending) == 0)
    return;

  changed = g_steal_pointer (&self->pending);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pending_ids_free);

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &table, &ids))
    emit_changed (self, table, ids);
}

static gboolean
read_data_version (RpStore *self,
                   gint64  *version)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *version = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

/**
 * rp_store_check_for_changes:
 *
 * Looks, cheaply, whether anything was committed to the file through another
 * connection since the last look — by another program such as
 * reprovision-cli, a second window, or an import or restore of this one —
 * and if so announces every table as changed.
 *
 * Returns: %TRUE if something had changed
 */
gboolean
rp_store_check_for_changes (RpStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  /* A server tells of each change; they are read here, or as soon as they
   * arrive when a main loop runs (rp-store-team.c). */
  if (self->team != NULL)
    {
      gboolean changed;

      if (store_in_transaction (self))
        return FALSE;
      store_team_check_notifications (self);
      changed = g_hash_table_size (self->pending) > 0;
      store_announce_changes (self);
      return changed;
    }

  /* Inside a transaction the answer would be our own. */
  if (!sqlite3_get_autocommit (self->db) || !read_data_version (self, &version) ||
      version == self->data_version)
    return FALSE;

  self->data_version = version;
  for (guint i = 0; i < n_audited_tables; i++)
    emit_changed (self, audited_tables[i], NULL);

  return TRUE;
}

/* After a commit: a server has told of the rows it changed (and of other
 * people's commits meanwhile) on the connection; a file's update hook has
 * noted them already. */
static void
after_commit (RpStore *self)
{
  if (self->team != NULL)
    store_team_read_notifications (self);
  store_announce_changes (self);
}

/* A write on a team database whose connection was lost: what became of
 * the change, in words. A COMMIT sent without an answer may have been
 * saved; the edits are compare-and-set, so trying again never applies it
 * twice. */
static gboolean
say_not_saved (RpStore   *self,
               GError   **error,
               gboolean   committing)
{
  if (error == NULL || !g_error_matches (*error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE))
    return FALSE;

  g_clear_error (error);
  if (committing)
    g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE,
                         _("The connection to the team database was lost while your change was being saved, "
                           "so it may or may not have been saved. It is still on screen; once the connection "
                           "is back, Reprovision shows what the database holds, and saving again never saves "
                           "it twice."));
  else
    g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE,
                         _("The connection to the team database was lost. Your change was not saved; it is "
                           "still on screen and will be saved when you try again once the connection is back."));
  return FALSE;
}

/* A reports login on a team database writes only the report's own rows
 * (its exports, its name confirmations), through the owner's functions. */
static gboolean
is_report_writer (RpStore *self)
{
  return self->team != NULL && store_team_get_role (self) == RP_TEAM_ROLE_REPORTS && !self->read_only;
}

/* Every change is one immediate transaction: all of it is saved, or none.
 * Inside a larger transaction (rp_store_begin) it becomes a savepoint. */
static gboolean
write_in_transaction (RpStore         *self,
                      StoreWriteFunc   func,
                      gpointer         data,
                      GError         **error)
{
  gboolean nested = store_in_transaction (self);

  if (!store_exec (self, nested ? "SAVEPOINT rp_write" : "BEGIN IMMEDIATE", error))
    return say_not_saved (self, error, FALSE);

  if (!func (self, data, error))
    {
      /* Rows of a savepoint rolled back may still be announced with the
       * rest of its transaction: a needless refresh, never a missed one. */
      store_exec (self, nested ? "ROLLBACK TO rp_write; RELEASE rp_write" : "ROLLBACK", NULL);
      return say_not_saved (self, error, FALSE);
    }

  if (!store_exec (self, nested ? "RELEASE rp_write" : "COMMIT", error))
    {
      store_exec (self, nested ? "ROLLBACK TO rp_write; RELEASE rp_write" : "ROLLBACK", NULL);
      return say_not_saved (self, error, !nested);
    }

  if (nested)
    return TRUE;

  after_commit (self);
  return check_committed (self, error);
}

gboolean
store_write (RpStore         *self,
             StoreWriteFunc   func,
             gpointer         data,
             GError         **error)
{
  return require_writable (self, error) && write_in_transaction (self, func, data, error);
}

gboolean
store_write_report (RpStore         *self,
                    StoreWriteFunc   func,
                    gpointer         data,
                    GError         **error)
{
  return (is_report_writer (self) || require_writable (self, error)) &&
         write_in_transaction (self, func, data, error);
}

/* A failed write leaves the id an INSERT gave the record, which no longer
 * exists once the transaction rolled back: it is reset so the record can
 * be added again. */
gboolean
store_add (RpStore           *self,
           gpointer           item,
           StoreValidateFunc  validate,
           StoreWriteFunc     write_func,
           StoreSetIdFunc     set_id,
           GError           **error)
{
  if (!validate (item, error))
    return FALSE;

  if (!store_write (self, write_func, item, error))
    {
      set_id (item, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_begin (RpStore  *self,
                GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return require_writable (self, error) && store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
rp_store_begin_report_export (RpStore  *self,
                              GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (is_report_writer (self))
    return store_exec (self, "BEGIN IMMEDIATE", error);

  return rp_store_begin (self, error);
}

gboolean
rp_store_commit (RpStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!store_exec (self, "COMMIT", error))
    {
      rp_store_rollback (self);
      return say_not_saved (self, error, TRUE);
    }

  after_commit (self);
  return check_committed (self, error);
}

void
rp_store_rollback (RpStore *self)
{
  g_return_if_fail (RP_IS_STORE (self));

  if (!store_in_transaction (self))
    return;

  store_exec (self, "ROLLBACK", NULL);
  /* A server tells of what others committed meanwhile, never of this. */
  if (self->team != NULL)
    after_commit (self);
}

/* Opening --------------------------------------------------------------- */

gboolean
query_int (RpStore     *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  RpStmt *stmt = NULL;
  int rc;

  if (rp_stmt_prepare (self, sql, &stmt) != RP_STMT_OK)
    return set_error_from_db (self, error);

  rc = rp_stmt_step (stmt);
  if (rc == RP_STMT_ROW)
    *value = rp_stmt_column_int (stmt, 0);

  if (rc != RP_STMT_ROW)
    {
      set_error_from_db (self, error);
      rp_stmt_finalize (stmt);
      return FALSE;
    }

  rp_stmt_finalize (stmt);
  return TRUE;
}

sqlite3 *
rp_store_open_sqlite_read_only (const char  *path,
                                gboolean     create_nothing,
                                GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *uri = NULL;
  gboolean has_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  gboolean has_shm = g_file_test (shm, G_FILE_TEST_EXISTS);
  sqlite3 *db = NULL;
  int rc;

  /* A database in write-ahead-log mode needs its -shm even to be read, and
   * SQLite creates it and an empty -wal when they are missing (wal.html,
   * "Read-Only Databases"). Neither exists only when nobody has the file open
   * and every change is in the main file: it is then read as it is
   * ("immutable"), creating nothing. A -wal without its -shm holds changes
   * that cannot be read without rebuilding the -shm. */
  if (create_nothing && has_wal && !has_shm)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                   _("The database “%s” was not closed properly, and reading it would change it. Open it in Reprovision once, then try again. Nothing was changed."),
                   path);
      return NULL;
    }

  if (create_nothing && !has_wal && !has_shm)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, error);

      if (file_uri == NULL)
        return NULL;
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | (uri != NULL ? SQLITE_OPEN_URI : 0),
                        NULL);
  if (rc != SQLITE_OK)
    {
      rp_error_set_from_sqlite (error, rc, db != NULL ? sqlite3_errmsg (db) : "");
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

RpStore *
rp_store_open_at_version (const char        *path,
                          RpStoreOpenFlags   flags,
                          int                target_version,
                          GError           **error)
{
  g_autoptr(RpStore) self = NULL;
  gboolean read_only = (flags & RP_STORE_OPEN_READ_ONLY) != 0;
  int open_flags;
  int tables = 0;
  int version = 0;
  int application_id = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refused before anything is created or opened there. */
  if (!read_only && rp_database_file_is_on_network_share (path))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NETWORK_SHARE,
                           _("The database is on a network drive. Reprovision cannot keep it safe there: the log of recent changes does not work between computers, so two people saving at once could lose changes or damage the file. Copy it to this computer and work on the copy, or open it read-only to look at it."));
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & RP_STORE_OPEN_CREATE) || read_only)
        {
          g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist."), path);
          return NULL;
        }

      if (!rp_database_file_create_private (path, error))
        return NULL;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                   _("“%s” is a folder, not a Reprovision database."), path);
      return NULL;
    }

  self = g_object_new (RP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  /* No export may be written over this file while it is open. */
  rp_output_file_protect (path);

  if (read_only)
    {
      if (!(self->db = rp_store_open_sqlite_read_only (path, (flags & RP_STORE_OPEN_NO_COMPANIONS) != 0, error)))
        return NULL;
    }
  else
    {
      if (!rp_database_file_make_private (path, error))
        return NULL;

      open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
      rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
      if (rc != SQLITE_OK)
        {
          rp_error_set_from_sqlite (error, rc, self->db ? sqlite3_errmsg (self->db) : "");
          return NULL;
        }
    }

  /* SQLite quietly opens a file it may not write to read-only: say so instead,
   * so nobody types changes that cannot be saved. */
  if (!read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                   _("The database cannot be changed: the file is read-only, or you do not have permission to change it. You can open it read-only to look at it."));
      return NULL;
    }

  attach_hooks (self);

  /* Reading the schema is the first thing that fails on a file that is not SQLite. */
  if (!query_int (self, "SELECT count(*) FROM sqlite_master", &tables, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error))
    return NULL;

  if (application_id != RP_STORE_APPLICATION_ID && (tables > 0 || application_id != 0))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                   _("“%s” is not a Reprovision database. It was left unchanged."), path);
      return NULL;
    }

  if (version > RP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NEWER_VERSION,
                   _("This database was saved by a newer version of Reprovision. Update Reprovision to open it; the file was left unchanged."));
      return NULL;
    }

  /* secure_delete: an erased person's details are overwritten, not left in free pages. */
  if (!store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !store_exec (self, "PRAGMA secure_delete = ON", error))
    return NULL;

  /* Recording an export made from a copy, such as a backup, leaves the copy
   * as it was in every other way: its journal mode, and its version. */
  if (!read_only && (flags & RP_STORE_OPEN_AS_IS) && (tables == 0 || version < target_version))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                   tables == 0 ? _("“%s” is empty: it holds no Reprovision database yet. It was left unchanged.")
                               : _("“%s” was saved by an older version of Reprovision. Open it in Reprovision once to update it, then try again. It was left unchanged."),
                   path);
      return NULL;
    }

  if (!read_only)
    {
      /* FULL: every commit survives a power cut; this is the only record. */
      if ((!(flags & RP_STORE_OPEN_AS_IS) && !store_exec (self, "PRAGMA journal_mode = WAL", error)) ||
          !store_exec (self, "PRAGMA synchronous = FULL", error))
        return NULL;

      if (flags & RP_STORE_OPEN_KEEP_VERSION)
        target_version = MIN (version, target_version);

      if (version > 0 && version < target_version && !(flags & RP_STORE_OPEN_WORKING_COPY))
        {
          g_autofree char *backup = NULL;
          g_autoptr(GError) backup_error = NULL;

          /* An update that goes wrong must be undoable: keep the file as it was. */
          backup = rp_database_file_back_up (path, RP_BACKUP_BEFORE_UPDATE, &backup_error);
          if (backup == NULL)
            {
              g_set_error (error, RP_ERROR, backup_error->code,
                           _("The database needs updating for this version of Reprovision, but a backup could not be made first, so nothing was changed. %s"),
                           backup_error->message);
              return NULL;
            }
        }

      if (version < target_version && !migrate (self, version, target_version, error))
        return NULL;

      if (target_version == RP_STORE_SCHEMA_VERSION &&
          !(flags & (RP_STORE_OPEN_WORKING_COPY | RP_STORE_OPEN_REPAIR)) &&
          !check_protection (self, error))
        return NULL;

      /* A read opens the write-ahead log and its index if nothing has yet. */
      if (!query_int (self, "SELECT count(*) FROM sqlite_master", &tables, error))
        return NULL;
      remember_wal_files (self);
    }
  else if (tables == 0)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                   _("“%s” is empty: it holds no Reprovision database yet. It was left unchanged."), path);
      return NULL;
    }
  else if (version < RP_STORE_SCHEMA_VERSION && !(flags & RP_STORE_OPEN_KEEP_VERSION))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                   _("This database was saved by an older version of Reprovision and needs updating, which cannot be done while it is read-only."));
      return NULL;
    }

  /* Opening is not a change anyone needs to hear of. */
  g_hash_table_remove_all (self->pending);
  read_data_version (self, &self->data_version);

  return g_steal_pointer (&self);
}

/**
 * rp_store_location_is_team:
 * @location: what the user gave as the database
 *
 * A team database is named by a URI ("postgresql://…" or "postgres://…")
 * or a libpq key=value string ("host=… dbname=…"); anything else is a file.
 *
 * Returns: %TRUE if @location names a team database, not a file
 */
gboolean
rp_store_location_is_team (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return rp_team_location_is_team (location);
}

static RpStore *
open_team (const char        *location,
           RpStoreOpenFlags   flags,
           GError           **error)
{
  g_autoptr(RpStore) self = g_object_new (RP_TYPE_STORE, NULL);

  self->read_only = (flags & RP_STORE_OPEN_READ_ONLY) != 0;
  self->location = g_strdup (location);
  if (!store_team_open (self, location, flags, error))
    return NULL;

  /* The audit trail names the login (session_user); the step history too. */
  g_free (self->user);
  self->user = g_strdup (store_team_get_login (self));
  return g_steal_pointer (&self);
}

/**
 * rp_store_open:
 * @path: the database file, or a team database's location
 *   (rp_store_location_is_team())
 * @flags: whether to create it, or open it read-only
 * @error: a clear error for a file that is missing, not ours, newer, locked
 *   or damaged; for a team database, #RP_TEAM_ERROR for a server that cannot
 *   be reached, refuses the login or asks for a password
 *   (%RP_TEAM_ERROR_NEEDS_PASSWORD), or was set up by a newer version
 *
 * Opens the database, creating it with owner-only permissions if asked, and
 * brings an older schema up to date. A file that is not a Reprovision
 * database is never written to. A team database is never created or
 * updated from here: its administrator does that (reprovision-cli team init).
 *
 * Returns: (transfer full): the store, or %NULL
 */
RpStore *
rp_store_open (const char        *path,
               RpStoreOpenFlags   flags,
               GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (rp_store_location_is_team (path))
    return open_team (path, flags, error);

  return rp_store_open_at_version (path, flags, RP_STORE_SCHEMA_VERSION, error);
}

typedef struct
{
  char             *location;
  RpStoreOpenFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  /* A team database's location may hold a password. */
  memset (data->location, 0, strlen (data->location));
  g_free (data->location);
  g_free (data);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  RpStore *store = rp_store_open (data->location, data->flags, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * rp_store_open_async:
 * @location: a database file, or a team database's location
 *
 * Opens the store in a thread, as rp_store_open() does, so that a slow
 * server or a large file does not stop the window. A team database's
 * changes made by others are then heard in the main context of the thread
 * that calls rp_store_open_finish().
 */
void
rp_store_open_async (const char          *location,
                     RpStoreOpenFlags     flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (location != NULL);

  data = g_new0 (OpenData, 1);
  data->location = g_strdup (location);
  data->flags = flags;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_store_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_in_thread);
}

/**
 * rp_store_open_finish:
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
RpStore *
rp_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  RpStore *store;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rp_store_open_async, NULL);

  if ((store = g_task_propagate_pointer (G_TASK (result), error)) != NULL)
    store_team_watch (store);
  return store;
}

gboolean
rp_store_is_team (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return self->team != NULL;
}

/**
 * rp_store_get_team_role:
 *
 * Returns: what the login may do on a team database, from its membership of
 *   the team's roles; %RP_TEAM_ROLE_NONE for a file
 */
RpTeamRole
rp_store_get_team_role (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), RP_TEAM_ROLE_NONE);

  return self->team != NULL ? store_team_get_role (self) : RP_TEAM_ROLE_NONE;
}

/**
 * rp_store_dup_display_name:
 *
 * Returns: (transfer full): what to call the database for a person: the
 *   file's name, or the team database's name and server ("rp_demo on
 *   db.council.example"), never a password
 */
char *
rp_store_dup_display_name (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (self->team != NULL)
    return store_team_dup_display_name (self);

  return g_filename_display_basename (self->path);
}

/**
 * rp_store_get_login:
 *
 * Returns: (nullable): the database login (session_user) of a team
 *   database, %NULL for a file
 */
const char *
rp_store_get_login (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->team != NULL ? store_team_get_login (self) : NULL;
}

/**
 * rp_store_get_notify_fd:
 *
 * The store watches this itself, in the thread-default main context it was
 * opened in, and announces other people's changes through #RpStore::changed
 * as they arrive; a front end without a main loop calls
 * rp_store_check_for_changes() when it becomes readable.
 *
 * Returns: the team database connection's socket, or -1 for a file
 */
int
rp_store_get_notify_fd (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), -1);

  return self->team != NULL ? store_team_get_socket (self) : -1;
}

/**
 * rp_store_get_connection_lost:
 *
 * Returns: %TRUE while a team database's connection is lost (see
 *   #RpStore:connection-lost)
 */
gboolean
rp_store_get_connection_lost (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return self->team != NULL && store_team_is_connection_lost (self);
}

/**
 * rp_store_get_commit_outcome:
 *
 * A COMMIT sent whose answer never came (the connection dropped meanwhile)
 * may or may not have been saved: the store asks the server once it is
 * connected again (#RpStore:connection-lost is notified), so that what is
 * said about the change is true. The next change starts afresh.
 *
 * Returns: what became of the last unanswered COMMIT
 */
RpCommitOutcome
rp_store_get_commit_outcome (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), RP_COMMIT_OUTCOME_NONE);

  return self->team != NULL ? store_team_get_commit_outcome (self) : RP_COMMIT_OUTCOME_NONE;
}

/**
 * rp_store_get_connection_problem:
 *
 * Returns: (nullable): while the connection is lost, why the server that
 *   answers again cannot be worked on (#RP_TEAM_ERROR_NEWER_VERSION after an
 *   update, #RP_TEAM_ERROR_PERMISSION for an account no longer the team's),
 *   in plain words; %NULL when it simply cannot be reached.
 *   #RpStore:connection-lost is notified when this changes.
 */
const GError *
rp_store_get_connection_problem (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->team != NULL ? store_team_get_connection_problem (self) : NULL;
}

/**
 * rp_store_reconnect:
 *
 * With the connection lost, tries to make it again now rather than after
 * the wait; without blocking: #RpStore:connection-lost says how it went.
 */
void
rp_store_reconnect (RpStore *self)
{
  g_return_if_fail (RP_IS_STORE (self));

  if (self->team != NULL)
    store_team_reconnect (self);
}

/* rp-store-team.c lost its connection, or made it again: on a new one, what
 * others did meanwhile was not heard, so every view reads again. */
void
store_connection_changed (RpStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_LOST]);
  if (rp_store_get_connection_lost (self))
    return;

  store_forget_changes (self);
  for (guint i = 0; i < n_audited_tables; i++)
    emit_changed (self, audited_tables[i], NULL);
}

/* What a file-only operation says on a team database. */
gboolean
store_refuse_team (RpStore  *self,
                   GError  **error)
{
  if (self->team == NULL)
    return TRUE;

  g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                       _("This works on a database file only, not on a team database: the server keeps a "
                         "team database safe, and its administrator makes its backups."));
  return FALSE;
}

/**
 * rp_store_get_default_path:
 * Returns: (transfer full): `$XDG_DATA_HOME/reprovision/reprovision.db`
 */
char *
rp_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "reprovision", "reprovision.db", NULL);
}

/**
 * rp_store_get_sample_path:
 * Returns: (transfer full): where the sample programme is kept
 */
char *
rp_store_get_sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "reprovision", "sample.db", NULL);
}

const char *
rp_store_get_path (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->path;
}

/* What rp_store_open() opens again: the file's path, or the team
 * database's location (which may hold a password: never show it). */
const char *
rp_store_get_location (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->team != NULL ? self->location : self->path;
}

gboolean
rp_store_is_read_only (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), TRUE);

  /* A reports login changes nothing on a team database. */
  return self->read_only || (self->team != NULL && store_team_get_role (self) == RP_TEAM_ROLE_REPORTS);
}

/**
 * rp_store_check_file:
 * @error: why changes can no longer be saved
 *
 * Checks that this connection still owns the database's write-ahead log,
 * which another program deletes if it took the database for unused. Every
 * write checks this by itself; front ends call it to find out sooner, for
 * example when the window is used again. Once it fails, the store refuses
 * every change and #RpStore:lock-lost is %TRUE.
 *
 * Returns: %TRUE if changes can still be saved safely
 */
gboolean
rp_store_check_file (RpStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return self->team != NULL || self->read_only || check_wal_files (self, error);
}

int
rp_store_get_schema_version (RpStore *self)
{
  int version = -1;

  g_return_val_if_fail (RP_IS_STORE (self), -1);

  /* A team database has the tables of the file's version it follows. */
  if (self->team != NULL)
    return RP_STORE_SCHEMA_VERSION;

  query_int (self, "PRAGMA user_version", &version, NULL);
  return version;
}

const char *
rp_store_get_user (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->user;
}

void
rp_store_set_user (RpStore    *self,
                   const char *user)
{
  g_return_if_fail (RP_IS_STORE (self));
  g_return_if_fail (user != NULL && *user != '\0');

  g_free (self->user);
  self->user = g_strdup (user);
}

char *
rp_store_dup_today (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (self->today != NULL)
    return g_strdup (self->today);

  return rp_date_today ();
}

void
rp_store_set_today (RpStore    *self,
                    const char *today_iso)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RP_IS_STORE (self));
  g_return_if_fail (today_iso == NULL || rp_date_is_valid_iso (today_iso));

  g_free (self->today);
  self->today = g_strdup (today_iso);

  /* rp_today () on the server reads the connection's setting. */
  if (self->team != NULL && !store_team_set_today (self, today_iso, &error))
    g_warning ("The team database did not take the day %s: %s", today_iso, error->message);
}

gboolean
rp_store_ready_to_reuse (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return self->team != NULL && store_team_forget_notifications (self);
}

sqlite3 *
rp_store_get_db (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->db;
}

/* Moves what the WAL holds into the database file at once. */
void
store_checkpoint (RpStore *self)
{
  /* A server's log is its own. */
  if (self->team != NULL)
    return;

  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

/**
 * rp_store_vacuum:
 *
 * Rewrites the database file, leaving none of its deleted content in the
 * free pages: after an erasure from a copy.
 *
 * Returns: %TRUE on success
 */
gboolean
rp_store_vacuum (RpStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_refuse_team (self, error) && store_exec (self, "VACUUM", error);
}

/* Runs a prepared, bound query and collects one object per row. */
GListModel *
collect_rows (RpStore       *self,
              RpStmt        *stmt,
              GType          item_type,
              RowFunc        from_row,
              GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (item_type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    g_ptr_array_add (items, from_row (stmt));

  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* The names each table holds, which its name_words column follows: the
 * same people as rp_store_build_name_index (). */
static const struct
{
  const char *table;
  int         n_names;
  const char *read;
  const char *write;
} name_word_tables[] = {
  { "attendee", 3, "SELECT full_name, preferred_name, contact_name FROM attendee WHERE id = ?1",
    "UPDATE attendee SET name_words = ?1 WHERE id = ?2 AND name_words IS NOT ?1" },
  { "booking", 1, "SELECT family_attending FROM booking WHERE id = ?1",
    "UPDATE booking SET name_words = ?1 WHERE id = ?2 AND name_words IS NOT ?1" },
  { "worker", 1, "SELECT name FROM worker WHERE id = ?1",
    "UPDATE worker SET name_words = ?1 WHERE id = ?2 AND name_words IS NOT ?1" },
  { "provider", 1, "SELECT contact_name FROM provider WHERE id = ?1",
    "UPDATE provider SET name_words = ?1 WHERE id = ?2 AND name_words IS NOT ?1" },
};

/* Brings record @id's name_words up to date with its names, folded by the
 * core (rp_name_index_stored_words ()): called by every write that may
 * change a name, in its transaction. A team database's name check reads
 * these words and folds nothing itself, so the rule is written once. */
gboolean
store_write_name_words (RpStore     *self,
                        const char  *table,
                        gint64       id,
                        GError     **error)
{
  g_autofree char *words = NULL;
  RpStmt *stmt;
  guint i;
  int rc;

  for (i = 0; i < G_N_ELEMENTS (name_word_tables); i++)
    if (g_str_equal (name_word_tables[i].table, table))
      break;
  g_assert (i < G_N_ELEMENTS (name_word_tables));

  if (!(stmt = store_prepare (self, name_word_tables[i].read, error)))
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, id);
  rc = rp_stmt_step (stmt);
  if (rc == RP_STMT_ROW)
    {
      const char *names[3] = { NULL, NULL, NULL };
      int n = name_word_tables[i].n_names;

      g_assert (n <= (int) G_N_ELEMENTS (names));
      for (int c = 0; c < n; c++)
        names[c] = rp_stmt_column_text (stmt, c);
      words = rp_name_index_stored_words (names, n);
    }
  rp_stmt_reset (stmt);
  if (rc == RP_STMT_DONE)
    return TRUE;
  if (rc != RP_STMT_ROW)
    return set_error_from_db (self, error);

  if (!(stmt = store_prepare (self, name_word_tables[i].write, error)))
    return FALSE;
  if (words != NULL)
    rp_stmt_bind_text (stmt, 1, words);
  else
    rp_stmt_bind_null (stmt, 1);
  rp_stmt_bind_int64 (stmt, 2, id);
  return step_done (self, stmt, error);
}

typedef struct
{
  char    *key;
  guint    position;
  gpointer item;
} SortEntry;

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const SortEntry *entry_a = a;
  const SortEntry *entry_b = b;
  int result = strcmp (entry_a->key, entry_b->key);

  if (result == 0)
    result = (entry_a->position > entry_b->position) - (entry_a->position < entry_b->position);
  return result;
}

/* collect_rows (), then in the order of @key_func's keys (strcmp ()); rows
 * with equal keys keep the query's order. Names are ordered by the core
 * (rp_name_sort_key ()), so that a file and a team database list them
 * alike: their own collations do not agree. */
GListModel *
collect_rows_sorted (RpStore    *self,
                     RpStmt     *stmt,
                     GType       item_type,
                     RowFunc     from_row,
                     SortKeyFunc key_func,
                     GError    **error)
{
  g_autoptr(GListModel) rows = collect_rows (self, stmt, item_type, from_row, error);
  g_autoptr(GListStore) list = NULL;
  g_autofree SortEntry *entries = NULL;
  g_autofree gpointer *items = NULL;
  guint n;

  if (rows == NULL)
    return NULL;

  n = g_list_model_get_n_items (rows);
  entries = g_new0 (SortEntry, MAX (n, 1));
  items = g_new0 (gpointer, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      entries[i].item = g_list_model_get_item (rows, i);
      entries[i].key = key_func (entries[i].item);
      entries[i].position = i;
    }
  g_qsort_with_data (entries, n, sizeof (SortEntry), compare_sort_entries, NULL);

  list = g_list_store_new (item_type);
  for (guint i = 0; i < n; i++)
    items[i] = entries[i].item;
  g_list_store_splice (list, 0, 0, items, n);
  for (guint i = 0; i < n; i++)
    {
      g_free (entries[i].key);
      g_object_unref (entries[i].item);
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Runs a prepared, bound query expected to return one row. */
gpointer
collect_one (RpStore       *self,
             RpStmt        *stmt,
             RowFunc        from_row,
             const char    *not_found,
             GError       **error)
{
  gpointer item = NULL;
  int rc = rp_stmt_step (stmt);

  if (rc == RP_STMT_ROW)
    item = from_row (stmt);
  else if (rc == RP_STMT_DONE)
    g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, not_found);
  else
    set_error_from_db (self, error);

  rp_stmt_reset (stmt);
  return item;
}

gboolean
count_query (RpStore     *self,
             const char  *sql,
             gint64       programme_id,
             const char  *today,
             guint       *count,
             GError     **error)
{
  RpStmt *stmt = store_prepare (self, sql, error);
  int n_params;
  int rc;

  if (stmt == NULL)
    return FALSE;

  /* The number of parameters tells which of the two a count query takes. */
  n_params = rp_stmt_n_params (stmt);
  if (n_params >= 1)
    rp_stmt_bind_int64 (stmt, 1, programme_id);
  if (n_params >= 2)
    bind_text (stmt, 2, today);

  rc = rp_stmt_step (stmt);
  if (rc == RP_STMT_ROW)
    *count = rp_stmt_column_int (stmt, 0);
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_ROW)
    return set_error_from_db (self, error);

  return TRUE;
}
