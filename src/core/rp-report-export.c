/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report-export.c: writing a built report to files in a thread, with progress */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rp-csv.h"
#include "rp-report-document.h"
#include "rp-output-file.h"

/**
 * rp_report_write_csv:
 * @path: the file to write, created readable by its owner only
 *
 * Writes one table as a CSV file, with a UTF-8 byte-order mark unless the
 * report was built with plain_utf8 (see rp_csv_write_file()).
 */
gboolean
rp_report_write_csv (RpReport       *report,
                     RpReportTable   table,
                     const char     *path,
                     GError        **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (RP_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = rp_report_to_csv (report, table);
  return rp_csv_write_file (path, csv, !rp_report_get_plain_utf8 (report), error);
}

/**
 * rp_report_write_csv_files:
 * @folder: a folder, created if missing; not a link
 *
 * Writes one CSV file per table into @folder, named after the report and its
 * date ("Day Centre Update 2023-09-22 – progress.csv"), each readable by its
 * owner only, as rp_report_write_csv() writes them.
 */
gboolean
rp_report_write_csv_files (RpReport    *report,
                           const char  *folder,
                           GError     **error)
{
  /* In the order of RpReportTable, from RP_REPORT_TABLE_PROGRESS. */
  static const char * const tables[] = { N_("progress"), N_("timetable"), N_("summary"), N_("follow-up"),
                                         N_("follow-up summary") };

  g_return_val_if_fail (RP_IS_REPORT (report), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rp_output_file_check_folder (folder, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      /* Translators: a CSV file's name: the report's title, its date and the table, as in "Day Centre Update 2023-09-22 – progress.csv" */
      g_autofree char *name = g_strdup_printf (_("%s %s – %s.csv"), rp_report_get_title (report),
                                               rp_report_get_as_of (report), _(tables[i]));
      g_autofree char *target = NULL;

      /* The follow-up tables only when the report has them. */
      if (RP_REPORT_TABLE_PROGRESS + i >= RP_REPORT_TABLE_FOLLOW_UP &&
          !rp_report_includes (report, RP_REPORT_TABLE_PROGRESS + i))
        continue;

      /* A title may hold a slash; it must not become a folder. */
      g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
      target = g_build_filename (folder, name, NULL);
      if (!rp_report_write_csv (report, RP_REPORT_TABLE_PROGRESS + i, target, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  RpReportFormat  format;
  char           *path;
  RpProgressFunc  progress;
  gpointer        progress_data;
  GMainContext   *context;
  int             last_percent;   /* touched by the worker thread only */
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->path);
  g_main_context_unref (export->context);
  g_free (export);
}

typedef struct
{
  GTask  *task;
  double  fraction;
} ProgressUpdate;

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;
  ExportData *export = g_task_get_task_data (update->task);

  if (!g_task_get_completed (update->task))
    export->progress (update->fraction, export->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->task);
  g_free (update);
}

/* Runs in the worker; hands whole percents to the caller's main context. */
static void
on_worker_progress (double   fraction,
                    gpointer user_data)
{
  GTask *task = user_data;
  ExportData *export = g_task_get_task_data (task);
  int percent = (int) (fraction * 100);
  ProgressUpdate *update;

  if (export->progress == NULL || percent == export->last_percent)
    return;

  export->last_percent = percent;
  update = g_new0 (ProgressUpdate, 1);
  update->task = g_object_ref (task);
  update->fraction = fraction;
  g_main_context_invoke_full (export->context, G_PRIORITY_DEFAULT, deliver_progress,
                              update, progress_update_free);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RpReport *report = source_object;
  ExportData *export = task_data;
  GError *error = NULL;
  gboolean done = FALSE;

  switch (export->format)
    {
    case RP_REPORT_FORMAT_PDF:
      done = rp_report_write_pdf_full (report, export->path, cancellable, on_worker_progress, task, &error);
      break;

    case RP_REPORT_FORMAT_XLSX:
      done = rp_report_write_xlsx_full (report, export->path, cancellable, on_worker_progress, task, &error);
      break;

    case RP_REPORT_FORMAT_CSV:
    default:
      done = rp_report_write_csv_files (report, export->path, &error);
      break;
    }

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rp_report_export_async:
 * @format: PDF or XLSX into the file @path, or CSV files into the folder @path
 * @cancellable: (nullable): stops the export; nothing is left behind
 * @progress: (nullable): told the fraction done, in the caller's main context
 *
 * Writes the report in a thread, so a large programme does not hold up the
 * window. @report must not change until the export finishes.
 */
void
rp_report_export_async (RpReport            *report,
                        RpReportFormat       format,
                        const char          *path,
                        GCancellable        *cancellable,
                        RpProgressFunc       progress,
                        gpointer             progress_data,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (RP_IS_REPORT (report));
  g_return_if_fail (path != NULL);

  export = g_new0 (ExportData, 1);
  export->format = format;
  export->path = g_strdup (path);
  export->progress = progress;
  export->progress_data = progress_data;
  export->context = g_main_context_ref_thread_default ();
  export->last_percent = -1;

  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, rp_report_export_async);
  /* A file finished just as Cancel was pressed is reported as saved: it was. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
rp_report_export_finish (RpReport      *report,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (RP_IS_REPORT (report), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, report), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
