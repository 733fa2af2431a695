/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-list.c: a programme's attendees, filtered and sorted in a worker thread
 *
 * At a council's scale (100,000 attendees) reading, filtering and sorting
 * everyone takes far longer than a frame, so all three run in a thread, one
 * job at a time, on a snapshot: the thread reads with its own connection and
 * matches with a copy of the filter. The main thread only swaps the result in.
 *
 * The list's items are RpAttendeeListRow: a row keeps its position and only
 * its attendee changes. When a search or a sort changes who is where, the rows
 * on screen are told their new attendee, and the only items-changed is at the
 * end of the list when its length changes. GTK 4.8's list views would
 * otherwise make new widgets for every row in sight on each keystroke.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-attendee-list.h"
#include "rp-attendee-list-private.h"
#include "rp-attendee-list-row-private.h"
#include "rp-attention.h"
#include "rp-date.h"
#include "rp-store-snapshot.h"

struct _RpAttendeeList
{
  GObject           parent_instance;

  RpAttendeeFilter *filter;
  RpAttendeeSort    sort;
  gboolean          descending;
  RpRulesContext   *rules;         /* what sorting by attention judges by; NULL until set */

  GPtrArray        *attendees;     /* everyone read, by number */
  GPtrArray        *shown;         /* filtered and sorted: borrowed from attendees */
  GHashTable       *rows;          /* position → RpAttendeeListRow alive somewhere; not owned */
  gboolean          loaded;
  GError           *load_error;

  /* What is wanted next; the job in flight, if any, has its own copy. */
  RpStoreSnapshot  *load_snapshot;
  gint64            load_programme_id;
  RpStore          *reader;        /* a team database's connection, kept between reads; NULL while a job has it */
  gboolean          run_wanted;
  guint             start_source;
  guint             keys_source;
  GCancellable     *job_cancellable;
  gboolean          job_is_load;
  gboolean          keys_wanted;   /* collation keys still to be made, when nothing else waits */
  gboolean          job_makes_keys;
};

static void rp_attendee_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RpAttendeeList, rp_attendee_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rp_attendee_list_model_init))

enum {
  PROP_0,
  PROP_BUSY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The job: everything a worker thread needs, copied ---------------------------- */

typedef struct
{
  RpStoreSnapshot  *snapshot;      /* read the attendees first, when set */
  RpStore          *reader;        /* the list's kept connection, in and out */
  gint64            programme_id;
  GPtrArray        *attendees;     /* in, or out when read */
  RpAttendeeFilter *filter;
  RpAttendeeSort    sort;
  gboolean          descending;
  RpRulesContext   *rules;
  gboolean          make_keys;     /* only make the attendees' collation keys */
  GPtrArray        *shown;         /* out */
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->snapshot, rp_store_snapshot_free);
  g_clear_object (&job->reader);
  g_clear_pointer (&job->attendees, g_ptr_array_unref);
  g_clear_object (&job->filter);
  g_clear_pointer (&job->rules, rp_rules_context_unref);
  g_clear_pointer (&job->shown, g_ptr_array_unref);
  g_free (job);
}

typedef struct
{
  RpAttendee *attendee;
  int         number;
  int         key;
  const char *text;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *entry_a = a;
  const Entry *entry_b = b;
  const Job *job = user_data;
  int result;

  switch (job->sort)
    {
    case RP_ATTENDEE_SORT_NAME:
    case RP_ATTENDEE_SORT_WORKER:
    case RP_ATTENDEE_SORT_DAYS_AT_STEP:
    case RP_ATTENDEE_SORT_TARGET_DATE:
      /* Collation keys and ISO dates compare as bytes; the missing go last. */
      if (entry_a->text == NULL || entry_b->text == NULL)
        result = (entry_a->text == NULL) - (entry_b->text == NULL);
      else
        result = strcmp (entry_a->text, entry_b->text);
      break;

    case RP_ATTENDEE_SORT_NUMBER:
    case RP_ATTENDEE_SORT_STATUS:
    case RP_ATTENDEE_SORT_STEP:
    case RP_ATTENDEE_SORT_OUTCOME:
    case RP_ATTENDEE_SORT_ATTENTION:
    default:
      result = (entry_a->key > entry_b->key) - (entry_a->key < entry_b->key);
      break;
    }

  /* Ties keep the attendee-number order, so the list never shuffles. */
  if (result == 0)
    result = (entry_a->number > entry_b->number) - (entry_a->number < entry_b->number);

  return job->descending ? -result : result;
}

/* Each attendee's sort key is worked out once, not in every comparison. */
static void
fill_entry (const Job  *job,
            Entry      *entry,
            RpAttendee *attendee)
{
  entry->attendee = attendee;
  entry->number = rp_attendee_get_number (attendee);
  entry->key = 0;
  entry->text = NULL;

  switch (job->sort)
    {
    case RP_ATTENDEE_SORT_NAME:
      entry->text = rp_attendee_get_full_name_sort_key (attendee);
      break;

    case RP_ATTENDEE_SORT_WORKER:
      entry->text = rp_attendee_get_worker_name_sort_key (attendee);
      break;

    case RP_ATTENDEE_SORT_DAYS_AT_STEP:
      /* The oldest date first: the longest at the step. */
      entry->text = rp_attendee_get_step_since (attendee);
      break;

    case RP_ATTENDEE_SORT_TARGET_DATE:
      entry->text = rp_attendee_get_target_date (attendee);
      break;

    case RP_ATTENDEE_SORT_STATUS:
      entry->key = rp_attendee_get_funding (attendee);
      break;

    case RP_ATTENDEE_SORT_STEP:
      entry->key = rp_attendee_get_step (attendee);
      break;

    case RP_ATTENDEE_SORT_OUTCOME:
      entry->key = rp_attendee_get_outcome (attendee);
      break;

    case RP_ATTENDEE_SORT_ATTENTION:
      /* The most markers first. */
      entry->key = job->rules != NULL ? -(int) rp_attention_for_attendee (attendee, job->rules) : 0;
      break;

    case RP_ATTENDEE_SORT_NUMBER:
    default:
      entry->key = entry->number;
      break;
    }
}

/* On a team database the connection is kept for the next read: a new one
 * is a new server process and its set-up, at every change anyone makes. A
 * kept connection that fails (the server restarted meanwhile) is given up
 * and the read tried once more on a new one. */
static GPtrArray *
read_attendees (RpStoreSnapshot  *snapshot,
                RpStore         **reader,
                gint64            programme_id,
                GError          **error)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GListModel) model = NULL;
  GPtrArray *attendees;
  RpStore *before = *reader;   /* weak: gone if it was not fit to use again */
  gboolean kept;
  guint n;

  if (before != NULL)
    g_object_add_weak_pointer (G_OBJECT (before), (gpointer *) &before);
  store = rp_store_snapshot_open_kept (snapshot, reader, error);
  kept = before != NULL && store == before;
  if (before != NULL)
    g_object_remove_weak_pointer (G_OBJECT (before), (gpointer *) &before);
  if (store == NULL)
    return NULL;

  if (!(model = rp_store_list_attendees (store, programme_id, kept ? NULL : error)))
    {
      g_clear_object (reader);
      if (!kept)
        return NULL;
      g_clear_object (&store);
      if (!(store = rp_store_snapshot_open_kept (snapshot, reader, error)) ||
          !(model = rp_store_list_attendees (store, programme_id, error)))
        {
          g_clear_object (reader);
          return NULL;
        }
    }

  n = g_list_model_get_n_items (model);
  attendees = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (attendees, g_list_model_get_item (model, i));

  return attendees;
}

/* Collation keys are slow to make, so they are made once, in a job of their
 * own after the first answer is shown: then a sort by name or by worker is a
 * sort of bytes. Jobs run one at a time, and the main thread never reads the
 * keys, so no other thread touches them meanwhile. */
static void
make_keys (GTask *task,
           Job   *job)
{
  for (guint i = 0; i < job->attendees->len; i++)
    {
      RpAttendee *attendee = g_ptr_array_index (job->attendees, i);

      if (i % 1024 == 0 && g_task_return_error_if_cancelled (task))
        return;

      rp_attendee_get_full_name_sort_key (attendee);
      rp_attendee_get_worker_name_sort_key (attendee);
    }

  g_task_return_boolean (task, TRUE);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree Entry *entries = NULL;
  GError *error = NULL;
  guint n_entries = 0;

  if (job->make_keys)
    {
      make_keys (task, job);
      return;
    }

  if (job->snapshot != NULL && !(job->attendees = read_attendees (job->snapshot, &job->reader, job->programme_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  entries = g_new (Entry, MAX (job->attendees->len, 1));
  for (guint i = 0; i < job->attendees->len; i++)
    {
      RpAttendee *attendee = g_ptr_array_index (job->attendees, i);

      /* A newer job is waiting: this one's answer would only be thrown away. */
      if (i % 4096 == 0 && g_task_return_error_if_cancelled (task))
        return;

      if (rp_attendee_filter_match (job->filter, attendee))
        fill_entry (job, &entries[n_entries++], attendee);
    }

  if (job->sort != RP_ATTENDEE_SORT_NUMBER || job->descending)
    g_qsort_with_data (entries, n_entries, sizeof (Entry), compare_entries, job);

  job->shown = g_ptr_array_sized_new (n_entries);
  for (guint i = 0; i < n_entries; i++)
    g_ptr_array_add (job->shown, entries[i].attendee);

  g_task_return_boolean (task, TRUE);
}

/* Swapping a result in -------------------------------------------------------- */

static void
set_busy (RpAttendeeList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
apply_shown (RpAttendeeList *self,
             GPtrArray      *shown)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->shown);
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = old->len;
  guint new_n = shown->len;
  GHashTableIter iter;
  gpointer key, value;

  self->shown = shown;

  /* Rows in sight show their new attendee; rows past the new end are let go. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position < new_n)
        continue;

      rp_attendee_list_row_set_owner (value, NULL, NULL);
      g_hash_table_iter_remove (&iter);
    }

  /* Held while they change: a handler may drop the last other reference. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (live, g_object_ref (value));
  for (guint i = 0; i < live->len; i++)
    {
      RpAttendeeListRow *row = g_ptr_array_index (live, i);

      rp_attendee_list_row_set_attendee (row, g_ptr_array_index (shown, rp_attendee_list_row_get_position (row)));
    }

  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);

  if (new_n != old_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void start_job (RpAttendeeList *self);
static gboolean start_keys_when_idle (gpointer user_data);

/* The list is the task's user data, not its source object, so its last
 * reference is always dropped here on the main thread, never in the worker. */
static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RpAttendeeList) self = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean was_load = self->job_is_load;
  gboolean was_busy = rp_attendee_list_get_busy (self);

  g_clear_object (&self->job_cancellable);
  self->job_is_load = FALSE;
  self->job_makes_keys = FALSE;

  /* The list was let go while the thread worked. */
  if (self->filter == NULL)
    return;

  if (job->reader != NULL)
    {
      g_clear_object (&self->reader);
      self->reader = g_steal_pointer (&job->reader);
    }

  if (job->make_keys)
    {
      /* Stopped for a search or a sort: the rest are made after it. */
      if (!g_task_propagate_boolean (G_TASK (result), NULL) && job->attendees == self->attendees)
        self->keys_wanted = TRUE;
    }
  else if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* A cancelled read is still wanted, unless a newer one replaced it. */
          if (was_load && self->load_snapshot == NULL)
            {
              self->load_snapshot = g_steal_pointer (&job->snapshot);
              self->load_programme_id = job->programme_id;
            }
        }
      else if (was_load)
        {
          g_clear_error (&self->load_error);
          self->load_error = g_steal_pointer (&error);
          g_signal_emit (self, signals[UPDATED], 0);
        }
    }
  else
    {
      if (was_load)
        {
          g_clear_error (&self->load_error);
          g_clear_pointer (&self->attendees, g_ptr_array_unref);
          self->attendees = g_ptr_array_ref (job->attendees);
          self->loaded = TRUE;
          self->keys_wanted = TRUE;
        }

      /* Only the newest answer is shown; a stale one is worked out again. */
      if (self->load_snapshot == NULL && !self->run_wanted && job->attendees == self->attendees)
        {
          apply_shown (self, g_steal_pointer (&job->shown));
          g_signal_emit (self, signals[UPDATED], 0);
        }
      else
        self->run_wanted = TRUE;
    }

  /* Keys wait below drawing: they would only slow the frame showing this answer. */
  if (self->load_snapshot != NULL || self->run_wanted)
    start_job (self);
  else if (self->keys_wanted && self->keys_source == 0)
    self->keys_source = g_idle_add_full (G_PRIORITY_LOW, start_keys_when_idle, self, NULL);

  if (rp_attendee_list_get_busy (self) != was_busy)
    set_busy (self);
}

static void
start_job (RpAttendeeList *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->job_cancellable != NULL || (self->load_snapshot == NULL && !self->run_wanted && !self->keys_wanted))
    return;

  job = g_new0 (Job, 1);
  if (self->load_snapshot != NULL)
    {
      job->snapshot = g_steal_pointer (&self->load_snapshot);
      job->reader = g_steal_pointer (&self->reader);
      job->programme_id = self->load_programme_id;
    }
  else
    job->attendees = g_ptr_array_ref (self->attendees);
  /* Anything a person waits for comes first. */
  job->make_keys = job->snapshot == NULL && !self->run_wanted;
  job->filter = rp_attendee_filter_copy (self->filter);
  job->sort = self->sort;
  job->descending = self->descending;
  job->rules = self->rules != NULL ? rp_rules_context_ref (self->rules) : NULL;
  if (job->make_keys)
    self->keys_wanted = FALSE;
  else
    self->run_wanted = FALSE;
  self->job_is_load = job->snapshot != NULL;
  self->job_makes_keys = job->make_keys;
  self->job_cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->job_cancellable, on_job_done, g_object_ref (self));
  g_task_set_source_tag (task, start_job);
  g_task_set_name (task, "[reprovision] attendee list");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

static gboolean
start_job_when_idle (gpointer user_data)
{
  RpAttendeeList *self = user_data;

  self->start_source = 0;
  start_job (self);
  return G_SOURCE_REMOVE;
}

static gboolean
start_keys_when_idle (gpointer user_data)
{
  RpAttendeeList *self = user_data;

  self->keys_source = 0;
  start_job (self);
  return G_SOURCE_REMOVE;
}

/* Asks for the list to be worked out again. Changes made together (a filter
 * reset sets six conditions) are gathered into one job; a filter or sort job
 * in flight is stopped, but a read of the database is let finish. */
static void
schedule (RpAttendeeList *self)
{
  gboolean was_busy = rp_attendee_list_get_busy (self);

  self->run_wanted = TRUE;
  if (self->job_cancellable != NULL && !self->job_is_load)
    g_cancellable_cancel (self->job_cancellable);
  if (self->start_source == 0)
    self->start_source = g_idle_add_full (G_PRIORITY_DEFAULT, start_job_when_idle, self, NULL);

  if (!was_busy)
    set_busy (self);
}

static void
on_filter_changed (RpAttendeeList *self)
{
  schedule (self);
}

/* GListModel ----------------------------------------------------------------- */

/* A row on its way out: the list stops handing it out. */
static void
forget_row (gpointer           owner,
            RpAttendeeListRow *row)
{
  RpAttendeeList *self = owner;
  guint position = rp_attendee_list_row_get_position (row);

  if (g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position)) == row)
    g_hash_table_remove (self->rows, GUINT_TO_POINTER (position));
}

static GType
rp_attendee_list_get_item_type (GListModel *model)
{
  return RP_TYPE_ATTENDEE_LIST_ROW;
}

static guint
rp_attendee_list_get_n_items (GListModel *model)
{
  return RP_ATTENDEE_LIST (model)->shown->len;
}

static gpointer
rp_attendee_list_get_item (GListModel *model,
                           guint       position)
{
  RpAttendeeList *self = RP_ATTENDEE_LIST (model);
  RpAttendeeListRow *row;

  if (position >= self->shown->len)
    return NULL;

  if ((row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position))) != NULL)
    return g_object_ref (row);

  row = rp_attendee_list_row_new (position, g_ptr_array_index (self->shown, position));
  rp_attendee_list_row_set_owner (row, self, forget_row);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  return row;
}

static void
rp_attendee_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rp_attendee_list_get_item_type;
  iface->get_n_items = rp_attendee_list_get_n_items;
  iface->get_item = rp_attendee_list_get_item;
}

/* GObject --------------------------------------------------------------------- */

static void
rp_attendee_list_dispose (GObject *object)
{
  RpAttendeeList *self = RP_ATTENDEE_LIST (object);
  GHashTableIter iter;
  gpointer row;

  g_clear_handle_id (&self->start_source, g_source_remove);
  g_clear_handle_id (&self->keys_source, g_source_remove);
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    rp_attendee_list_row_set_owner (row, NULL, NULL);
  g_hash_table_remove_all (self->rows);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (rp_attendee_list_parent_class)->dispose (object);
}

static void
rp_attendee_list_finalize (GObject *object)
{
  RpAttendeeList *self = RP_ATTENDEE_LIST (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->attendees, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_error (&self->load_error);
  g_clear_object (&self->job_cancellable);
  g_clear_pointer (&self->load_snapshot, rp_store_snapshot_free);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->rules, rp_rules_context_unref);

  G_OBJECT_CLASS (rp_attendee_list_parent_class)->finalize (object);
}

static void
rp_attendee_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RpAttendeeList *self = RP_ATTENDEE_LIST (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, rp_attendee_list_get_busy (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->shown->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_attendee_list_class_init (RpAttendeeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_attendee_list_dispose;
  object_class->finalize = rp_attendee_list_finalize;
  object_class->get_property = rp_attendee_list_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpAttendeeList::updated:
   *
   * A new answer is shown, or reading the attendees failed
   * (see rp_attendee_list_get_load_error()).
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rp_attendee_list_init (RpAttendeeList *self)
{
  self->attendees = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->rows = g_hash_table_new (NULL, NULL);
}

/* API -------------------------------------------------------------------------- */

/**
 * rp_attendee_list_new:
 * @filter: who to show; the list follows its changes
 *
 * Returns: (transfer full): an empty list: see rp_attendee_list_load()
 */
RpAttendeeList *
rp_attendee_list_new (RpAttendeeFilter *filter)
{
  RpAttendeeList *self;

  g_return_val_if_fail (RP_IS_ATTENDEE_FILTER (filter), NULL);

  self = g_object_new (RP_TYPE_ATTENDEE_LIST, NULL);
  self->filter = g_object_ref (filter);
  g_signal_connect_swapped (filter, "notify", G_CALLBACK (on_filter_changed), self);
  return self;
}

/**
 * rp_attendee_list_get_filter:
 *
 * Returns: (transfer none): the filter the list follows
 */
RpAttendeeFilter *
rp_attendee_list_get_filter (RpAttendeeList *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST (self), NULL);

  return self->filter;
}

/**
 * rp_attendee_list_load:
 *
 * Reads the programme's attendees again, in a thread with its own read-only
 * connection to @store's file; what is shown now stays until the new answer
 * is ready. A failure keeps the list as it was: see "updated".
 */
void
rp_attendee_list_load (RpAttendeeList *self,
                       RpStore        *store,
                       gint64          programme_id)
{
  g_return_if_fail (RP_IS_ATTENDEE_LIST (self));
  g_return_if_fail (RP_IS_STORE (store));

  g_clear_pointer (&self->load_snapshot, rp_store_snapshot_free);
  self->load_snapshot = rp_store_snapshot_new (store);
  self->load_programme_id = programme_id;

  /* An older read in flight would only be read again. */
  if (self->job_cancellable != NULL && self->job_is_load)
    g_cancellable_cancel (self->job_cancellable);

  schedule (self);

  /* A read is slow, so it starts at once rather than when the main loop is
   * next idle; a filter or sort set after it is applied to what it reads. */
  if (self->job_cancellable == NULL)
    {
      g_clear_handle_id (&self->start_source, g_source_remove);
      start_job (self);
    }
}

/**
 * rp_attendee_list_clear:
 *
 * Empties the list at once, for when no programme is open.
 */
void
rp_attendee_list_clear (RpAttendeeList *self)
{
  g_return_if_fail (RP_IS_ATTENDEE_LIST (self));

  g_clear_pointer (&self->load_snapshot, rp_store_snapshot_free);
  self->run_wanted = FALSE;
  self->keys_wanted = FALSE;
  g_clear_handle_id (&self->start_source, g_source_remove);
  g_clear_handle_id (&self->keys_source, g_source_remove);
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  self->job_is_load = FALSE;  /* so its answer is not taken when it comes */

  g_clear_pointer (&self->attendees, g_ptr_array_unref);
  self->attendees = g_ptr_array_new_with_free_func (g_object_unref);
  self->loaded = FALSE;
  g_clear_error (&self->load_error);
  apply_shown (self, g_ptr_array_new ());
  g_signal_emit (self, signals[UPDATED], 0);
}

void
rp_attendee_list_set_sort (RpAttendeeList *self,
                           RpAttendeeSort  sort,
                           gboolean        descending)
{
  g_return_if_fail (RP_IS_ATTENDEE_LIST (self));
  g_return_if_fail (sort <= RP_ATTENDEE_SORT_ATTENTION);

  if (self->sort == sort && self->descending == !!descending)
    return;

  self->sort = sort;
  self->descending = !!descending;
  schedule (self);
}

/**
 * rp_attendee_list_get_sort:
 * @descending: (out) (optional): whether the order is reversed
 */
RpAttendeeSort
rp_attendee_list_get_sort (RpAttendeeList *self,
                           gboolean       *descending)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST (self), RP_ATTENDEE_SORT_NUMBER);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

/**
 * rp_attendee_list_set_attention:
 * @rules: the day, closure date and stale days to judge by
 *
 * What sorting by attention judges by: see rp_attention_for_attendee().
 */
void
rp_attendee_list_set_attention (RpAttendeeList *self,
                                RpRulesContext *rules)
{
  g_return_if_fail (RP_IS_ATTENDEE_LIST (self));
  g_return_if_fail (rules != NULL);

  if (rp_rules_context_equal (self->rules, rules))
    return;

  g_clear_pointer (&self->rules, rp_rules_context_unref);
  self->rules = rp_rules_context_ref (rules);
  if (self->sort == RP_ATTENDEE_SORT_ATTENTION)
    schedule (self);
}

/**
 * rp_attendee_list_get_busy:
 *
 * Returns: %TRUE while the attendees are being read, filtered or sorted
 */
gboolean
rp_attendee_list_get_busy (RpAttendeeList *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST (self), FALSE);

  return (self->job_cancellable != NULL && !self->job_makes_keys) || self->load_snapshot != NULL || self->run_wanted;
}

/**
 * rp_attendee_list_get_loaded:
 *
 * Returns: %TRUE once the attendees have been read
 */
gboolean
rp_attendee_list_get_loaded (RpAttendeeList *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST (self), FALSE);

  return self->loaded;
}

/**
 * rp_attendee_list_get_n_total:
 *
 * Returns: how many attendees were read, shown or not
 */
guint
rp_attendee_list_get_n_total (RpAttendeeList *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST (self), 0);

  return self->attendees->len;
}

/**
 * rp_attendee_list_get_attendee:
 *
 * Returns: (transfer none) (nullable): who is shown at @position
 */
RpAttendee *
rp_attendee_list_get_attendee (RpAttendeeList *self,
                               guint           position)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST (self), NULL);

  return position < self->shown->len ? g_ptr_array_index (self->shown, position) : NULL;
}

/**
 * rp_attendee_list_find_number:
 *
 * Returns: where attendee @number is shown, or %G_MAXUINT if they are not
 */
guint
rp_attendee_list_find_number (RpAttendeeList *self,
                              int             number)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->shown->len; i++)
    if (rp_attendee_get_number (g_ptr_array_index (self->shown, i)) == number)
      return i;

  return G_MAXUINT;
}

/**
 * rp_attendee_list_get_load_error:
 *
 * Returns: (nullable): why the last read of the attendees failed
 */
const GError *
rp_attendee_list_get_load_error (RpAttendeeList *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST (self), NULL);

  return self->load_error;
}
