/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-import.h: adding a programme's attendees from a CSV file, all or none */
#pragma once

#include <gio/gio.h>

#include "rp-attendee-columns.h"
#include "rp-store.h"
#include "rp-types.h"

G_BEGIN_DECLS

const char    *rp_import_field_get_label   (RpImportField  field);
const char    *rp_import_field_to_string   (RpImportField  field);
RpImportField  rp_import_field_for_heading (const char    *heading,
                                            gboolean      *recognised);

/* One thing wrong with the file or one of its rows. */
typedef struct
{
  guint  line;     /* the line of the file the row starts on (the first line is 1) */
  int    column;   /* the column, from 0, or -1 for the whole row or file */
  char  *heading;  /* (nullable) the column's heading, as rp_quote_value() shows it */
  char  *message;
} RpImportProblem;

RpImportProblem *rp_import_problem_new  (guint            line,
                                         int              column,
                                         const char      *heading,
                                         const char      *message);
void             rp_import_problem_free (RpImportProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpImportProblem, rp_import_problem_free)

#define RP_TYPE_IMPORT_PREVIEW (rp_import_preview_get_type ())

G_DECLARE_FINAL_TYPE (RpImportPreview, rp_import_preview, RP, IMPORT_PREVIEW, GObject)

GPtrArray *rp_import_preview_get_attendees (RpImportPreview *self);
GPtrArray *rp_import_preview_get_problems  (RpImportPreview *self);
const char * const *rp_import_preview_get_planned_outcomes (RpImportPreview *self,
                                                            guint            index);

#define RP_TYPE_IMPORT (rp_import_get_type ())

G_DECLARE_FINAL_TYPE (RpImport, rp_import, RP, IMPORT, GObject)

RpImport        *rp_import_new_from_data        (const char    *data,
                                                 gsize          len,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
guint            rp_import_get_n_columns        (RpImport      *self);
const char      *rp_import_get_heading          (RpImport      *self,
                                                 guint          column);
RpImportField    rp_import_get_field            (RpImport      *self,
                                                 guint          column);
void             rp_import_set_field            (RpImport      *self,
                                                 guint          column,
                                                 RpImportField  field);
gboolean         rp_import_is_recognised        (RpImport      *self,
                                                 guint          column);
guint            rp_import_get_n_rows           (RpImport      *self);
RpImportPreview *rp_import_check                (RpImport      *self,
                                                 RpStore       *store,
                                                 gint64         programme_id,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
gboolean         rp_import_apply                (RpImport      *self,
                                                 RpStore       *store,
                                                 gint64         programme_id,
                                                 GCancellable  *cancellable,
                                                 guint         *n_added,
                                                 GError       **error);
void             rp_import_apply_async          (RpImport            *self,
                                                 RpStore             *store,
                                                 gint64               programme_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean         rp_import_apply_finish         (RpImport      *self,
                                                 GAsyncResult  *result,
                                                 guint         *n_added,
                                                 GError       **error);

/* How a cell is read; shared with the fuzz targets. A blank cell is refused. */
gboolean         rp_import_parse_number         (const char    *text,
                                                 int           *number,
                                                 GError       **error);
gboolean         rp_import_parse_step           (const char    *text,
                                                 int           *step,
                                                 GError       **error);
gboolean         rp_import_parse_status         (const char    *text,
                                                 RpFunding     *funding,
                                                 GError       **error);
gboolean         rp_import_parse_date           (const char    *text,
                                                 char         **iso,
                                                 GError       **error);
RpWorker        *rp_import_find_worker          (GListModel    *workers,
                                                 const char    *text,
                                                 GError       **error);
gboolean         rp_import_parse_yes_no         (const char    *text,
                                                 gboolean      *value,
                                                 GError       **error);

G_END_DECLS
