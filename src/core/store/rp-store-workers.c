/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-workers.c: workers */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-error.h"
#include "rp-store-internal.h"

#define WORKER_COLUMNS "id, name, initials, role, team, active, phone"

static RpWorker *
worker_from_row (RpStmt *stmt)
{
  RpWorker *worker = rp_worker_new ();
  RpWorkerRole role = RP_WORKER_ROLE_SOCIAL_WORKER;

  rp_worker_role_from_string (column_text (stmt, 3), &role);
  rp_worker_set_id (worker, rp_stmt_column_int64 (stmt, 0));
  rp_worker_set_name (worker, column_text (stmt, 1));
  rp_worker_set_initials (worker, column_text (stmt, 2));
  rp_worker_set_role (worker, role);
  rp_worker_set_team (worker, column_text (stmt, 4));
  rp_worker_set_active (worker, rp_stmt_column_int (stmt, 5));
  rp_worker_set_phone (worker, column_text (stmt, 6));
  return worker;
}

static char *
worker_sort_key (gpointer item)
{
  return rp_name_sort_key (rp_worker_get_name (item));
}

/**
 * rp_store_list_workers:
 * Returns: (transfer full): a #GListModel of #RpWorker, by name
 */
GListModel *
rp_store_list_workers (RpStore   *self,
                       gboolean   include_inactive,
                       GError   **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " WORKER_COLUMNS " FROM worker WHERE active OR ? ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int (stmt, 1, include_inactive);
  return collect_rows_sorted (self, stmt, RP_TYPE_WORKER, (RowFunc) worker_from_row, worker_sort_key, error);
}

RpWorker *
rp_store_get_worker (RpStore  *self,
                     gint64    worker_id,
                     GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!(stmt = store_prepare (self, "SELECT " WORKER_COLUMNS " FROM worker WHERE id = ?", error)))
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, worker_id);
  return collect_one (self, stmt, (RowFunc) worker_from_row,
                      _("The worker no longer exists."), error);
}

static gboolean
write_worker (RpStore  *self,
              gpointer  data,
              GError  **error)
{
  RpWorker *worker = data;
  gint64 id = rp_worker_get_id (worker);
  RpStmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO worker (name, initials, role, team, active, phone, id) VALUES (?, ?, ?, ?, ?, ?, NULL)"
                        : "UPDATE worker SET name = ?, initials = ?, role = ?, team = ?, active = ?, phone = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, rp_worker_get_name (worker));
  bind_text (stmt, 2, rp_worker_get_initials (worker));
  bind_text (stmt, 3, rp_worker_role_to_string (rp_worker_get_role (worker)));
  bind_text (stmt, 4, rp_worker_get_team (worker));
  rp_stmt_bind_int (stmt, 5, rp_worker_get_active (worker) ? 1 : 0);
  bind_text (stmt, 6, rp_worker_get_phone (worker));
  if (id != 0)
    rp_stmt_bind_int64 (stmt, 7, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_worker_set_id (worker, store_last_insert_id (self));
  else if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The worker no longer exists."));
      return FALSE;
    }

  if (!store_write_name_words (self, "worker", rp_worker_get_id (worker), error))
    return FALSE;

  return TRUE;
}

gboolean
rp_store_add_worker (RpStore   *self,
                     RpWorker  *worker,
                     GError   **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_WORKER (worker), FALSE);
  g_return_val_if_fail (rp_worker_get_id (worker) == 0, FALSE);

  return store_add (self, worker, (StoreValidateFunc) rp_worker_validate, write_worker,
                    (StoreSetIdFunc) rp_worker_set_id, error);
}

gboolean
rp_store_save_worker (RpStore   *self,
                      RpWorker  *worker,
                      GError   **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_WORKER (worker), FALSE);
  g_return_val_if_fail (rp_worker_get_id (worker) > 0, FALSE);

  if (!rp_worker_validate (worker, error))
    return FALSE;

  return store_write (self, write_worker, worker, error);
}
