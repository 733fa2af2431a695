/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-export-record.c: the record of one export or print, for the export history */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-export-record.h"
#include "rp-export-record-private.h"
#include "rp-store-private.h"
#include "store/rp-stmt.h"

struct _RpExportRecord
{
  GObject parent_instance;

  gint64  id;
  char   *recorded_at;
  char   *user;
  char   *kind;
  char   *format;
  char   *tables;
  char   *as_of;
  char   *compare_with;
  guint   suppress_below;
  char   *file_name;
  char   *reason;
};

G_DEFINE_FINAL_TYPE (RpExportRecord, rp_export_record, G_TYPE_OBJECT)

static void
rp_export_record_finalize (GObject *object)
{
  RpExportRecord *self = RP_EXPORT_RECORD (object);

  g_clear_pointer (&self->recorded_at, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->tables, g_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->compare_with, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (rp_export_record_parent_class)->finalize (object);
}

static void
rp_export_record_class_init (RpExportRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_export_record_finalize;
}

static void
rp_export_record_init (RpExportRecord *self)
{
}

#define GETTER(type, field) \
  type \
  rp_export_record_get_##field (RpExportRecord *self) \
  { \
    g_return_val_if_fail (RP_IS_EXPORT_RECORD (self), 0); \
    return self->field; \
  }

GETTER (gint64, id)
GETTER (const char *, recorded_at)
GETTER (const char *, user)
GETTER (const char *, kind)
GETTER (const char *, format)
GETTER (const char *, tables)
GETTER (const char *, as_of)
GETTER (const char *, compare_with)
GETTER (guint, suppress_below)
GETTER (const char *, file_name)
GETTER (const char *, reason)

#undef GETTER

/**
 * rp_export_record_describe:
 *
 * Returns: (transfer full): what was exported, in one line for the export
 *   history: "PDF · summary, timetable · as of 22 Sep 2023 · counts below 5 hidden"
 */
char *
rp_export_record_describe (RpExportRecord *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *as_of = NULL;
  g_autofree char *compare_with = NULL;

  g_return_val_if_fail (RP_IS_EXPORT_RECORD (self), NULL);

  if (g_str_equal (self->format, "print"))
    g_string_append (text, _("Printed"));
  else if (g_str_equal (self->format, "ics"))
    g_string_append (text, _("Calendar (iCalendar)"));
  else
    {
      g_autofree char *format = g_ascii_strup (self->format, -1);
      g_string_append (text, format);
    }

  if (g_str_equal (self->kind, "family-schedule"))
    g_string_append_printf (text, " · %s", _("family schedule"));
  else if (g_str_equal (self->kind, "attendees-all-fields"))
    g_string_append_printf (text, " · %s", _("attendees with all personal fields"));
  else if (g_str_equal (self->kind, "family-calendar"))
    g_string_append_printf (text, " · %s", _("one family’s taster days"));
  else if (g_str_equal (self->kind, "staff-calendar"))
    g_string_append_printf (text, " · %s", _("every taster day with staff and bookings"));
  else if (g_str_equal (self->kind, "contact-log"))
    g_string_append_printf (text, " · %s", _("contact log"));
  else if (g_str_equal (self->kind, "reviews"))
    g_string_append_printf (text, " · %s", _("reviews"));

  if (self->tables != NULL)
    g_string_append_printf (text, " · %s", self->tables);
  if ((as_of = rp_date_format_short (self->as_of)) != NULL)
    /* Translators: in the export history, "as of 22 Sep 2023" */
    g_string_append_printf (text, _(" · as of %s"), as_of);
  if ((compare_with = rp_date_format_short (self->compare_with)) != NULL)
    /* Translators: in the export history, "change since 1 Sep 2023" */
    g_string_append_printf (text, _(" · change since %s"), compare_with);
  if (self->suppress_below > 0)
    /* Translators: in the export history, "counts below 5 hidden" */
    g_string_append_printf (text, _(" · counts below %u hidden"), self->suppress_below);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
is_one_of (const char         *value,
           const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

/* What the export history's CHECKs allow, in the file's schema and the team's. */
static const char * const kinds[] = { "report", "print", "family-schedule", "attendees-all-fields",
                                      "family-calendar", "staff-calendar", "contact-log", "reviews", NULL };
static const char * const formats[] = { "pdf", "xlsx", "csv", "print", "ics", NULL };

/**
 * rp_export_record_get_kinds:
 *
 * Returns: (transfer none): every kind of export the history records
 */
const char * const *
rp_export_record_get_kinds (void)
{
  return kinds;
}

/**
 * rp_export_record_get_formats:
 *
 * Returns: (transfer none): every format of export the history records
 */
const char * const *
rp_export_record_get_formats (void)
{
  return formats;
}

/**
 * rp_store_record_export:
 *
 * Records an export or print in the export history, and through it in the
 * audit trail, under the store's user. Only the base name of the file is
 * kept: a full path would tell readers of the history about home folders.
 *
 * Returns: %TRUE if the export was recorded
 */
gboolean
rp_store_record_export (RpStore               *store,
                        const RpExportDetails *details,
                        GError               **error)
{
  g_autofree char *file_name = NULL;
  g_autofree char *reason = NULL;
  gboolean report_kind;
  RpStmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);
  g_return_val_if_fail (is_one_of (details->kind, kinds), FALSE);
  g_return_val_if_fail (is_one_of (details->format, formats), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A reports login on a team database records the report's own exports:
   * the export history is where it says what it published. */
  report_kind = g_str_equal (details->kind, "report") || g_str_equal (details->kind, "print");
  if (rp_store_is_read_only (store) &&
      !(report_kind && rp_store_get_team_role (store) == RP_TEAM_ROLE_REPORTS))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_READ_ONLY,
                           _("This database is open read-only, so the export cannot be recorded in its export history. Open it for editing to export."));
      return FALSE;
    }

  /* A family's schedule or calendar is named after the person, and the
   * history outlives an erasure: keep no file name for it. */
  if (details->path != NULL && !g_str_equal (details->kind, "family-schedule") &&
      !g_str_equal (details->kind, "family-calendar"))
    file_name = g_path_get_basename (details->path);
  if (details->reason != NULL)
    reason = g_strstrip (g_strdup (details->reason));

  if (!(report_kind ? rp_store_begin_report_export (store, error) : rp_store_begin (store, error)))
    return FALSE;

  rc = rp_stmt_prepare (store,
                        "INSERT INTO export_record (programme_id, user, kind, format, tables, as_of, compare_with,"
                        " suppress_below, file_name, reason)"
                        " VALUES (nullif (?1, 0), rp_audit_user (), ?2, ?3, ?4, ?5, ?6, ?7, ?8, nullif (?9, ''))",
                        &stmt);
  if (rc == RP_STMT_OK)
    {
      rp_stmt_bind_int64 (stmt, 1, details->programme_id);
      rp_stmt_bind_text (stmt, 2, details->kind);
      rp_stmt_bind_text (stmt, 3, details->format);
      rp_stmt_bind_text (stmt, 4, details->tables);
      rp_stmt_bind_text (stmt, 5, details->as_of);
      rp_stmt_bind_text (stmt, 6, details->compare_with);
      rp_stmt_bind_int (stmt, 7, details->suppress_below);
      rp_stmt_bind_text (stmt, 8, file_name);
      rp_stmt_bind_text (stmt, 9, reason);
      rc = rp_stmt_step (stmt);
    }
  rp_stmt_finalize (stmt);

  if (rc != RP_STMT_DONE)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_IO, _("The export could not be recorded: %s"), rp_store_errmsg (store));
      rp_store_rollback (store);
      return FALSE;
    }

  return rp_store_commit (store, error);
}

/**
 * rp_store_list_exports:
 *
 * Returns: (transfer full): a #GListModel of #RpExportRecord of the
 *   programme, and those of no programme, newest first
 */
GListModel *
rp_store_list_exports (RpStore  *store,
                       gint64    programme_id,
                       GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (RP_TYPE_EXPORT_RECORD);
  /* A reports login on a team database reads the history without logins,
   * file names or reasons (reprovision_report.export_record, team schema
   * 6): only its own exports are known to be its own, and named so. */
  gboolean anonymous = rp_store_get_team_role (store) == RP_TEAM_ROLE_REPORTS;
  RpStmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  rc = rp_stmt_prepare (store,
                        anonymous
                        ? "SELECT id, recorded_at, CASE WHEN mine THEN ?2 END, kind, format, tables, as_of, compare_with,"
                          " suppress_below, NULL, NULL FROM export_record"
                          " WHERE programme_id = ?1 OR programme_id IS NULL ORDER BY id DESC"
                        : "SELECT id, recorded_at, user, kind, format, tables, as_of, compare_with, suppress_below,"
                          " file_name, reason FROM export_record"
                          " WHERE programme_id = ?1 OR programme_id IS NULL ORDER BY id DESC",
                        &stmt);
  if (rc == RP_STMT_OK)
    {
      rp_stmt_bind_int64 (stmt, 1, programme_id);
      if (anonymous)
        rp_stmt_bind_text (stmt, 2, rp_store_get_login (store));
      while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
        {
          g_autoptr(RpExportRecord) record = g_object_new (RP_TYPE_EXPORT_RECORD, NULL);

          record->id = rp_stmt_column_int64 (stmt, 0);
          record->recorded_at = g_strdup (rp_stmt_column_text (stmt, 1));
          record->user = g_strdup (rp_stmt_column_text (stmt, 2));
          record->kind = g_strdup (rp_stmt_column_text (stmt, 3));
          record->format = g_strdup (rp_stmt_column_text (stmt, 4));
          record->tables = g_strdup (rp_stmt_column_text (stmt, 5));
          record->as_of = g_strdup (rp_stmt_column_text (stmt, 6));
          record->compare_with = g_strdup (rp_stmt_column_text (stmt, 7));
          record->suppress_below = rp_stmt_column_int (stmt, 8);
          record->file_name = g_strdup (rp_stmt_column_text (stmt, 9));
          record->reason = g_strdup (rp_stmt_column_text (stmt, 10));
          g_list_store_append (list, record);
        }
    }
  rp_stmt_finalize (stmt);

  if (rc != RP_STMT_DONE)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_IO, _("The export history could not be read: %s"), rp_store_errmsg (store));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}
