/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-contacts.c: each attendee's contact log. Private: no report or published export reads it */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-error.h"
#include "rp-store-internal.h"

#define CONTACT_COLUMNS \
  "c.id, c.attendee_id, c.contacted_on, c.worker_id, w.name, c.with_whom, c.with_name," \
  " c.method, c.summary, c.follow_up_needed"

#define CONTACT_FROM " FROM contact_log c LEFT JOIN worker w ON w.id = c.worker_id"

static RpContact *
contact_from_row (RpStmt *stmt)
{
  RpContact *contact = rp_contact_new ();
  RpContactWith with_whom = RP_CONTACT_WITH_FAMILY;
  RpContactMethod method = RP_CONTACT_METHOD_NONE;

  rp_contact_with_from_string (column_text (stmt, 5), &with_whom);
  rp_contact_method_from_string (column_text (stmt, 7), &method);
  rp_contact_set_id (contact, rp_stmt_column_int64 (stmt, 0));
  rp_contact_set_attendee_id (contact, rp_stmt_column_int64 (stmt, 1));
  rp_contact_set_contacted_on (contact, column_text (stmt, 2));
  rp_contact_set_worker_id (contact, rp_stmt_column_int64 (stmt, 3));
  rp_contact_set_worker_name (contact, column_text (stmt, 4));
  rp_contact_set_with_whom (contact, with_whom);
  rp_contact_set_with_name (contact, column_text (stmt, 6));
  rp_contact_set_method (contact, method);
  rp_contact_set_summary (contact, column_text (stmt, 8));
  rp_contact_set_follow_up_needed (contact, rp_stmt_column_int (stmt, 9) != 0);
  return contact;
}

/**
 * rp_store_list_contacts:
 * @attendee_id: whose log
 *
 * Returns: (transfer full): a #GListModel of #RpContact, newest first (by
 *   date, then the later entry first)
 */
GListModel *
rp_store_list_contacts (RpStore  *self,
                        gint64    attendee_id,
                        GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " CONTACT_COLUMNS CONTACT_FROM
                        " WHERE c.attendee_id = ? ORDER BY c.contacted_on DESC, c.id DESC",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  return collect_rows (self, stmt, RP_TYPE_CONTACT, (RowFunc) contact_from_row, error);
}

/**
 * rp_store_list_programme_contacts:
 *
 * Every attendee's log, for the private contact-log export: by attendee
 * number, then oldest first, as a log is read.
 *
 * Returns: (transfer full): a #GListModel of #RpContact
 */
GListModel *
rp_store_list_programme_contacts (RpStore  *self,
                                  gint64    programme_id,
                                  GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " CONTACT_COLUMNS CONTACT_FROM
                        " JOIN attendee a ON a.id = c.attendee_id"
                        " WHERE a.programme_id = ? ORDER BY a.number, c.contacted_on, c.id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  return collect_rows (self, stmt, RP_TYPE_CONTACT, (RowFunc) contact_from_row, error);
}

static void
bind_contact (RpStmt       *stmt,
              RpContact    *contact)
{
  rp_stmt_bind_int64 (stmt, 1, rp_contact_get_attendee_id (contact));
  bind_text (stmt, 2, rp_contact_get_contacted_on (contact));
  bind_id (stmt, 3, rp_contact_get_worker_id (contact));
  bind_text (stmt, 4, rp_contact_with_to_string (rp_contact_get_with_whom (contact)));
  bind_text (stmt, 5, rp_contact_get_with_name (contact));
  bind_text (stmt, 6, rp_contact_method_to_string (rp_contact_get_method (contact)));
  bind_text (stmt, 7, rp_contact_get_summary (contact));
  rp_stmt_bind_int (stmt, 8, rp_contact_get_follow_up_needed (contact));
}

/* Inserts a new entry, updates one, or puts back a deleted one with its own id. */
typedef struct
{
  RpContact *contact;
  gboolean   restore;
} WriteContact;

static gboolean
write_contact (RpStore  *self,
               gpointer  data,
               GError  **error)
{
  WriteContact *write = data;
  gint64 id = rp_contact_get_id (write->contact);
  gboolean insert = id == 0 || write->restore;
  RpStmt *stmt;

  stmt = store_prepare (self,
                        insert
                        ? "INSERT INTO contact_log (attendee_id, contacted_on, worker_id, with_whom, with_name,"
                          " method, summary, follow_up_needed, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        : "UPDATE contact_log SET attendee_id = ?, contacted_on = ?, worker_id = ?, with_whom = ?,"
                          " with_name = ?, method = ?, summary = ?, follow_up_needed = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_contact (stmt, write->contact);
  bind_id (stmt, 9, id);

  if (!step_done (self, stmt, error))
    {
      if (write->restore && store_error_is_duplicate_key (self))
        {
          g_clear_error (error);
          g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("The contact is already back in the log."));
        }
      return FALSE;
    }

  if (id == 0)
    rp_contact_set_id (write->contact, store_last_insert_id (self));
  else if (!insert && store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The contact is no longer in the log."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_contact (RpStore    *self,
              RpContact  *contact,
              gboolean    restore,
              GError    **error)
{
  g_autofree char *today = rp_store_dup_today (self);
  WriteContact write = { contact, restore };
  gboolean new_entry = rp_contact_get_id (contact) == 0;

  if (!rp_contact_validate (contact, today, error))
    return FALSE;

  if (!store_write (self, write_contact, &write, error))
    {
      /* The id a rolled-back INSERT gave no longer exists. */
      if (new_entry)
        rp_contact_set_id (contact, 0);
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_store_add_contact:
 * @contact: a new entry (id 0) for an attendee
 *
 * Logs a contact, checked first (rp_contact_validate() against the store's
 * today). The audit trail records it.
 */
gboolean
rp_store_add_contact (RpStore    *self,
                      RpContact  *contact,
                      GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (rp_contact_get_id (contact) == 0, FALSE);

  return save_contact (self, contact, FALSE, error);
}

/**
 * rp_store_save_contact:
 * @contact: an entry as edited
 */
gboolean
rp_store_save_contact (RpStore    *self,
                       RpContact  *contact,
                       GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (rp_contact_get_id (contact) > 0, FALSE);

  return save_contact (self, contact, FALSE, error);
}

static gboolean
write_delete_contact (RpStore  *self,
                      gpointer  data,
                      GError  **error)
{
  RpStmt *stmt = store_prepare (self, "DELETE FROM contact_log WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, *(gint64 *) data);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The contact is no longer in the log."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_store_delete_contact:
 *
 * Takes an entry out of the log. The audit trail keeps what it said, and
 * rp_store_restore_contact() puts it back.
 */
gboolean
rp_store_delete_contact (RpStore  *self,
                         gint64    contact_id,
                         GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact_id > 0, FALSE);

  return store_write (self, write_delete_contact, &contact_id, error);
}

/**
 * rp_store_restore_contact:
 * @contact: an entry as it was before rp_store_delete_contact()
 *
 * Puts a deleted entry back with the same id and content: the undo of a deletion.
 */
gboolean
rp_store_restore_contact (RpStore    *self,
                          RpContact  *contact,
                          GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (rp_contact_get_id (contact) > 0, FALSE);

  return save_contact (self, contact, TRUE, error);
}
