/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-export-record.h: the record of one export or print, for the export history */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

/* What an export wrote, as recorded before it is handed to anyone. */
typedef struct
{
  gint64      programme_id;
  const char *kind;            /* "report", "print", "family-schedule", "attendees-all-fields",
                                * "family-calendar", "staff-calendar", "contact-log" or "reviews" */
  const char *format;          /* "pdf", "xlsx", "csv", "print" or "ics" */
  const char *tables;          /* (nullable): which tables, as rp_report_describe_tables() says */
  const char *as_of;           /* (nullable): ISO date */
  const char *compare_with;    /* (nullable): ISO date */
  guint       suppress_below;
  const char *path;            /* (nullable): only its base name is kept */
  const char *reason;          /* (nullable): why, as the user wrote it */
} RpExportDetails;

#define RP_TYPE_EXPORT_RECORD (rp_export_record_get_type ())

G_DECLARE_FINAL_TYPE (RpExportRecord, rp_export_record, RP, EXPORT_RECORD, GObject)

const char  *rp_export_record_get_recorded_at    (RpExportRecord *self);
/* (nullable): read by a reports login on a team database, another login's
 * export has no user, file name or reason (rp_store_list_exports()). */
const char  *rp_export_record_get_user           (RpExportRecord *self);
const char  *rp_export_record_get_file_name      (RpExportRecord *self);
const char  *rp_export_record_get_reason         (RpExportRecord *self);
char        *rp_export_record_describe           (RpExportRecord *self);

const char * const *rp_export_record_get_kinds   (void);
const char * const *rp_export_record_get_formats (void);

gboolean     rp_store_record_export              (RpStore               *store,
                                                  const RpExportDetails *details,
                                                  GError               **error);
GListModel  *rp_store_list_exports               (RpStore               *store,
                                                  gint64                 programme_id,
                                                  GError               **error);

G_END_DECLS
