/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-snapshot.c: reading a store's file in a thread, on a connection of its own */

#include "config.h"

#include "rp-store-private.h"
#include "rp-store-snapshot.h"

struct _RpStoreSnapshot
{
  char *path;
  char *user;
  char *today;
};

/**
 * rp_store_snapshot_new:
 * @store: an open store
 *
 * Takes what a thread needs to read @store's file on a connection of its own:
 * the file, who is named, and the day the rules judge by (a test's fixed
 * day stays fixed in the thread). Call it in @store's thread; open it with
 * rp_store_snapshot_open() in any thread.
 *
 * Returns: (transfer full): the snapshot
 */
RpStoreSnapshot *
rp_store_snapshot_new (RpStore *store)
{
  RpStoreSnapshot *snapshot;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  snapshot = g_new0 (RpStoreSnapshot, 1);
  snapshot->path = g_strdup (rp_store_get_location (store));
  snapshot->user = g_strdup (rp_store_get_user (store));
  snapshot->today = rp_store_dup_today (store);

  return snapshot;
}

/**
 * rp_store_snapshot_open:
 * @snapshot: a snapshot from rp_store_snapshot_new()
 * @error: why the file could not be read
 *
 * Opens the store's file read-only, as it was last committed, for one
 * thread's use: a long read there never holds up the store's own thread,
 * and nothing read there can change the file.
 *
 * Returns: (transfer full): a read-only store, or %NULL on error
 */
RpStore *
rp_store_snapshot_open (RpStoreSnapshot  *snapshot,
                        GError          **error)
{
  g_autoptr(RpStore) store = NULL;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(store = rp_store_open (snapshot->path, RP_STORE_OPEN_READ_ONLY, error)))
    return NULL;

  if (snapshot->user != NULL)
    rp_store_set_user (store, snapshot->user);
  rp_store_set_today (store, snapshot->today);

  return g_steal_pointer (&store);
}

/**
 * rp_store_snapshot_open_kept:
 * @snapshot: a snapshot from rp_store_snapshot_new()
 * @kept: (inout) (nullable): where the store opened for it is kept between
 *   reads, or %NULL the first time
 * @error: why the database could not be read
 *
 * As rp_store_snapshot_open(), for a thread that reads the same database
 * again and again (the Attendees list, after every change): on a team
 * database the store is also kept in @kept, and used again next time if it
 * was opened for the same location and its connection is still there and
 * idle. A new connection is a new server process and a round trip or two
 * of set-up; the kept one reads what was committed when each read starts,
 * as a new one would, and the server checks the login's rights at every
 * statement. A file's store is never kept: a file put in its place (a
 * restored backup) must be read anew.
 *
 * Use @kept in one thread at a time, and free it with g_clear_object().
 *
 * Returns: (transfer full): the store, or %NULL on error
 */
RpStore *
rp_store_snapshot_open_kept (RpStoreSnapshot  *snapshot,
                             RpStore         **kept,
                             GError          **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (kept != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*kept != NULL &&
      (g_strcmp0 (rp_store_get_location (*kept), snapshot->path) != 0 || !rp_store_ready_to_reuse (*kept)))
    g_clear_object (kept);

  if (*kept == NULL)
    {
      g_autoptr(RpStore) store = rp_store_snapshot_open (snapshot, error);

      /* A file's is read once. */
      if (store != NULL && rp_store_location_is_team (snapshot->path))
        *kept = g_object_ref (store);
      return g_steal_pointer (&store);
    }

  if (snapshot->user != NULL)
    rp_store_set_user (*kept, snapshot->user);
  /* Setting the day is a round trip: only a new one. */
  today = rp_store_dup_today (*kept);
  if (g_strcmp0 (today, snapshot->today) != 0)
    rp_store_set_today (*kept, snapshot->today);

  return g_object_ref (*kept);
}

void
rp_store_snapshot_free (RpStoreSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->path);
  g_free (snapshot->user);
  g_free (snapshot->today);
  g_free (snapshot);
}

typedef struct
{
  RpStoreSnapshot *snapshot;
  gint64           programme_id;
  RpRulesContext  *rules;
  guint            max;
  guint            n_needing;   /* the answer, with the task's GPtrArray */
  guint            n_not_contacted;
} AttentionSearch;

static void
attention_search_free (AttentionSearch *search)
{
  rp_store_snapshot_free (search->snapshot);
  rp_rules_context_unref (search->rules);
  g_free (search);
}

static void
find_needing_attention_in_thread (GTask        *task,
                                  gpointer      source_object,
                                  gpointer      task_data,
                                  GCancellable *cancellable)
{
  AttentionSearch *search = task_data;
  g_autoptr(RpStore) store = NULL;
  GPtrArray *found;
  GError *error = NULL;

  if (!(store = rp_store_snapshot_open (search->snapshot, &error)) ||
      !(found = rp_store_find_needing_attention_counted (store, search->programme_id, search->rules,
                                                         search->max, &search->n_needing,
                                                         &search->n_not_contacted, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * rp_store_find_needing_attention_async:
 * @self: the store
 * @programme_id: the programme
 * @rules: the day, closure date and stale days to judge by
 * @max: how many of them to return
 * @cancellable: (nullable): stops the search
 * @callback: called in this thread with the answer
 * @user_data: for @callback
 *
 * Does rp_store_find_needing_attention() in a thread, on a read-only
 * connection of its own: every attendee is judged, which at 100,000 takes
 * longer than a frame. It reads what was committed when it starts. The
 * callback is given no source object.
 */
void
rp_store_find_needing_attention_async (RpStore             *self,
                                       gint64               programme_id,
                                       RpRulesContext      *rules,
                                       guint                max,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AttentionSearch *search;

  g_return_if_fail (RP_IS_STORE (self));
  g_return_if_fail (rules != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  search = g_new0 (AttentionSearch, 1);
  search->snapshot = rp_store_snapshot_new (self);
  search->programme_id = programme_id;
  search->rules = rp_rules_context_ref (rules);
  search->max = max;

  /* The task does not hold @self: the thread reads on a connection of its
   * own, and the store may be closed meanwhile (and never in the thread). */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_store_find_needing_attention_async);
  g_task_set_task_data (task, search, (GDestroyNotify) attention_search_free);
  g_task_run_in_thread (task, find_needing_attention_in_thread);
}

/**
 * rp_store_find_needing_attention_finish:
 * @result: the result given to the callback
 * @n_needing: (out) (optional): how many need attention in all
 * @error: why the search failed, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer container) (element-type RpAttendee): the first of them
 *   by number, as rp_store_find_needing_attention(), or %NULL on error
 */
GPtrArray *
rp_store_find_needing_attention_finish (GAsyncResult  *result,
                                        guint         *n_needing,
                                        GError       **error)
{
  return rp_store_find_needing_attention_finish_counted (result, n_needing, NULL, error);
}

/**
 * rp_store_find_needing_attention_finish_counted:
 * @n_not_contacted: (out) (optional): how many families were not contacted
 *   for longer than the rules allow, as rp_store_find_needing_attention_counted()
 */
GPtrArray *
rp_store_find_needing_attention_finish_counted (GAsyncResult  *result,
                                                guint         *n_needing,
                                                guint         *n_not_contacted,
                                                GError       **error)
{
  GPtrArray *found;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rp_store_find_needing_attention_async, NULL);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (n_needing != NULL)
    *n_needing = found != NULL ? ((AttentionSearch *) g_task_get_task_data (G_TASK (result)))->n_needing : 0;
  if (n_not_contacted != NULL)
    *n_not_contacted = found != NULL ? ((AttentionSearch *) g_task_get_task_data (G_TASK (result)))->n_not_contacted : 0;

  return found;
}
