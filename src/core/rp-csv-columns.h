/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-csv-columns.h: the headings and cells of a CSV file Reprovision wrote,
 * read back with every problem named by line and column */
#pragma once

#include <gio/gio.h>

#include "rp-csv-reader.h"
#include "rp-store.h"

G_BEGIN_DECLS

typedef struct
{
  RpCsvTable          *table;
  GPtrArray           *problems;       /* (element-type RpImportProblem) */
  const char * const  *headings;       /* the export's headings, never translated */
  guint                n_headings;
  int                 *columns;        /* the file's column for each heading, or -1 */
  const char * const  *heading_cells;  /* the file's first row */
  guint                n_heading_cells;
} RpCsvColumns;

gboolean  rp_csv_columns_read        (RpCsvColumns        *self,
                                      const char          *data,
                                      gsize                len,
                                      const char * const  *headings,
                                      guint                n_headings,
                                      const gboolean      *required,
                                      const char          *unknown_message,
                                      GError             **error);
void      rp_csv_columns_clear       (RpCsvColumns        *self);
guint     rp_csv_columns_get_n_rows  (RpCsvColumns        *self);
guint     rp_csv_columns_get_line    (RpCsvColumns        *self,
                                      guint                row);
char    **rp_csv_columns_get_row     (RpCsvColumns        *self,
                                      guint                row);
void      rp_csv_columns_add_problem (RpCsvColumns        *self,
                                      guint                line,
                                      int                  heading,
                                      const char          *message);

/* rp_contact_csv_import() and rp_review_csv_import(): the imports of a CSV
 * file Reprovision wrote, which front ends and fuzzers run alike. */
typedef gboolean (*RpCsvImportFunc) (RpStore     *store,
                                     gint64       programme_id,
                                     const char  *data,
                                     gsize        len,
                                     gboolean     dry_run,
                                     guint       *n_added,
                                     GPtrArray  **problems,
                                     GError     **error);

/* Reads (again) the whole file: returns its columns and problems (borrowed). */
typedef RpCsvColumns *(*RpCsvReadFunc)  (gpointer   data,
                                         GError   **error);
/* Writes what was read, in the import's transaction; a row the store refuses
 * is added to the problems, and then nothing is written. */
typedef gboolean      (*RpCsvApplyFunc) (gpointer   data,
                                         GError   **error);

gboolean  rp_csv_columns_import      (RpStore             *store,
                                      gboolean             dry_run,
                                      RpCsvReadFunc        read,
                                      RpCsvApplyFunc       apply,
                                      gpointer             data,
                                      GPtrArray          **problems,
                                      GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RpCsvColumns, rp_csv_columns_clear)

G_END_DECLS
