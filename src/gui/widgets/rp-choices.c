/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-choices.c: the store's workers or providers as a list model for a combo row, kept current
 *
 * The items are the records themselves, so a combo row shows them with an
 * expression on their "name" and its selected item gives the id; an item
 * meaning "none" (id 0) may come first. The list follows the store's change
 * signal. A record still there after a change is the same object with its
 * new values, so a combo row keeps it selected. */

#include "config.h"

#include "rp-choices.h"
#include "rp-record-row.h"

struct _RpChoices
{
  GObject       parent_instance;

  RpStore      *store;
  GType         record_type;
  GObject      *none;        /* the "none" item, or NULL for none */
  gint64        keep_id;     /* listed even when no longer active */
  GListStore   *items;
  gulong        changed_id;
};

static void rp_choices_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RpChoices, rp_choices, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rp_choices_list_model_init))

static GType
rp_choices_get_item_type (GListModel *model)
{
  return RP_CHOICES (model)->record_type;
}

static guint
rp_choices_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (RP_CHOICES (model)->items));
}

static gpointer
rp_choices_get_item (GListModel *model,
                     guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (RP_CHOICES (model)->items), position);
}

static void
rp_choices_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rp_choices_get_item_type;
  iface->get_n_items = rp_choices_get_n_items;
  iface->get_item = rp_choices_get_item;
}

static GListModel *
list_records (RpChoices *self)
{
  if (self->record_type == RP_TYPE_WORKER)
    return rp_store_list_workers (self->store, TRUE, NULL);
  return rp_store_list_providers (self->store, NULL);
}

static gboolean
is_listed (RpChoices *self,
           GObject   *record)
{
  gboolean active = TRUE;

  /* Someone no longer active is offered only where they are still chosen. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "active") != NULL)
    g_object_get (record, "active", &active, NULL);

  return active || rp_choices_get_item_id (record) == self->keep_id;
}

static void
refill (RpChoices *self)
{
  g_autoptr(GListModel) records = list_records (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (self->none != NULL)
    g_ptr_array_add (items, g_object_ref (self->none));

  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);
      guint old;

      if (!is_listed (self, record))
        continue;

      /* The same object, so that a combo row keeps it chosen. */
      old = rp_choices_find (self, rp_choices_get_item_id (record));
      if (old != GTK_INVALID_LIST_POSITION)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), old);

          rp_record_copy_values (item, record);
          g_ptr_array_add (items, g_steal_pointer (&item));
        }
      else
        g_ptr_array_add (items, g_steal_pointer (&record));
    }

  g_list_store_splice (self->items, 0, n_old, items->pdata, items->len);
}

static void
on_store_changed (RpChoices  *self,
                  const char *table,
                  GArray     *ids,
                  RpStore    *store)
{
  refill (self);
}

static void
on_items_changed (RpChoices  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *items)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
rp_choices_dispose (GObject *object)
{
  RpChoices *self = RP_CHOICES (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->none);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (rp_choices_parent_class)->dispose (object);
}

static void
rp_choices_class_init (RpChoicesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rp_choices_dispose;
}

static void
rp_choices_init (RpChoices *self)
{
}

/**
 * rp_choices_new:
 * @record_type: %RP_TYPE_WORKER or %RP_TYPE_PROVIDER
 * @none_label: (nullable): the name of a first item meaning "none", with id 0
 * @keep_id: a worker listed even if no longer active, as the one already
 *   chosen; 0 for none
 *
 * Returns: (transfer full): the store's records of @record_type, by name,
 *   kept current as the store changes
 */
RpChoices *
rp_choices_new (RpStore    *store,
                GType       record_type,
                const char *none_label,
                gint64      keep_id)
{
  RpChoices *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (record_type == RP_TYPE_WORKER || record_type == RP_TYPE_PROVIDER, NULL);

  self = g_object_new (RP_TYPE_CHOICES, NULL);
  self->store = g_object_ref (store);
  self->record_type = record_type;
  self->keep_id = keep_id;
  self->items = g_list_store_new (record_type);
  if (none_label != NULL)
    self->none = g_object_new (record_type, "name", none_label, NULL);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  self->changed_id = g_signal_connect_object (store, record_type == RP_TYPE_WORKER ? "changed::worker" : "changed::provider",
                                              G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  refill (self);

  return self;
}

/**
 * rp_choices_get_store:
 *
 * Returns: (transfer none): the store the records come from
 */
RpStore *
rp_choices_get_store (RpChoices *self)
{
  g_return_val_if_fail (RP_IS_CHOICES (self), NULL);

  return self->store;
}

/**
 * rp_choices_set_keep_id:
 * @keep_id: a worker to list even if no longer active; 0 for none
 *
 * Reads the records again, listing @keep_id whatever its state.
 */
void
rp_choices_set_keep_id (RpChoices *self,
                        gint64     keep_id)
{
  g_return_if_fail (RP_IS_CHOICES (self));

  self->keep_id = keep_id;
  refill (self);
}

/**
 * rp_choices_get_item_id:
 * @item: a worker or provider, or the "none" item
 *
 * Returns: its id; 0 for "none"
 */
gint64
rp_choices_get_item_id (gpointer item)
{
  gint64 id = 0;

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);

  return id;
}

/**
 * rp_choices_find:
 *
 * Returns: the position of the record with @id, the "none" item for 0, or
 *   %GTK_INVALID_LIST_POSITION if it is not listed
 */
guint
rp_choices_find (RpChoices *self,
                 gint64     id)
{
  GListModel *items;

  g_return_val_if_fail (RP_IS_CHOICES (self), GTK_INVALID_LIST_POSITION);

  items = G_LIST_MODEL (self->items);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (rp_choices_get_item_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * rp_combo_row_get_selected_id:
 * @row: a combo row whose model is an #RpChoices
 *
 * Returns: the id of the record chosen; 0 for "none" or nothing
 */
gint64
rp_combo_row_get_selected_id (AdwComboRow *row)
{
  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), 0);

  return rp_choices_get_item_id (adw_combo_row_get_selected_item (row));
}

/**
 * rp_combo_row_set_selected_id:
 * @row: a combo row whose model is an #RpChoices
 *
 * Chooses the record with @id; one not listed chooses the first item.
 */
void
rp_combo_row_set_selected_id (AdwComboRow *row,
                              gint64       id)
{
  guint position;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (RP_IS_CHOICES (adw_combo_row_get_model (row)));

  position = rp_choices_find (RP_CHOICES (adw_combo_row_get_model (row)), id);
  adw_combo_row_set_selected (row, position != GTK_INVALID_LIST_POSITION ? position : 0);
}
