/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-providers.c: providers */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-error.h"
#include "rp-store-internal.h"

#define PROVIDER_COLUMNS \
  "id, name, address, contact_name, contact_phone, contact_email, on_framework, notes"

static RpProvider *
provider_from_row (RpStmt *stmt)
{
  RpProvider *provider = rp_provider_new ();

  rp_provider_set_id (provider, rp_stmt_column_int64 (stmt, 0));
  rp_provider_set_name (provider, column_text (stmt, 1));
  rp_provider_set_address (provider, column_text (stmt, 2));
  rp_provider_set_contact_name (provider, column_text (stmt, 3));
  rp_provider_set_contact_phone (provider, column_text (stmt, 4));
  rp_provider_set_contact_email (provider, column_text (stmt, 5));
  rp_provider_set_on_framework (provider, rp_stmt_column_int (stmt, 6));
  rp_provider_set_notes (provider, column_text (stmt, 7));
  return provider;
}

static char *
provider_sort_key (gpointer item)
{
  return rp_name_sort_key (rp_provider_get_name (item));
}

/**
 * rp_store_list_providers:
 * Returns: (transfer full): a #GListModel of #RpProvider, by name
 */
GListModel *
rp_store_list_providers (RpStore  *self,
                         GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " PROVIDER_COLUMNS " FROM provider ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  return collect_rows_sorted (self, stmt, RP_TYPE_PROVIDER, (RowFunc) provider_from_row, provider_sort_key, error);
}

static gboolean
write_provider (RpStore  *self,
                gpointer  data,
                GError  **error)
{
  RpProvider *provider = data;
  gint64 id = rp_provider_get_id (provider);
  RpStmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO provider (name, address, contact_name, contact_phone, contact_email,"
                          " on_framework, notes, id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)"
                        : "UPDATE provider SET name = ?, address = ?, contact_name = ?, contact_phone = ?,"
                          " contact_email = ?, on_framework = ?, notes = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, rp_provider_get_name (provider));
  bind_text (stmt, 2, rp_provider_get_address (provider));
  bind_text (stmt, 3, rp_provider_get_contact_name (provider));
  bind_text (stmt, 4, rp_provider_get_contact_phone (provider));
  bind_text (stmt, 5, rp_provider_get_contact_email (provider));
  rp_stmt_bind_int (stmt, 6, rp_provider_get_on_framework (provider) ? 1 : 0);
  bind_text (stmt, 7, rp_provider_get_notes (provider));
  if (id != 0)
    rp_stmt_bind_int64 (stmt, 8, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_provider_set_id (provider, store_last_insert_id (self));
  else if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The provider no longer exists."));
      return FALSE;
    }

  if (!store_write_name_words (self, "provider", rp_provider_get_id (provider), error))
    return FALSE;

  return TRUE;
}

gboolean
rp_store_add_provider (RpStore     *self,
                       RpProvider  *provider,
                       GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PROVIDER (provider), FALSE);
  g_return_val_if_fail (rp_provider_get_id (provider) == 0, FALSE);

  return store_add (self, provider, (StoreValidateFunc) rp_provider_validate, write_provider,
                    (StoreSetIdFunc) rp_provider_set_id, error);
}

gboolean
rp_store_save_provider (RpStore     *self,
                        RpProvider  *provider,
                        GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PROVIDER (provider), FALSE);
  g_return_val_if_fail (rp_provider_get_id (provider) > 0, FALSE);

  if (!rp_provider_validate (provider, error))
    return FALSE;

  return store_write (self, write_provider, provider, error);
}

RpProvider *
rp_store_get_provider (RpStore  *self,
                       gint64    provider_id,
                       GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!(stmt = store_prepare (self, "SELECT " PROVIDER_COLUMNS " FROM provider WHERE id = ?", error)))
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, provider_id);
  return collect_one (self, stmt, (RowFunc) provider_from_row, _("The provider no longer exists."), error);
}
