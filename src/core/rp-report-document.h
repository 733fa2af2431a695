/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report-document.h: the report laid out on A4 landscape pages, for PDF and printing */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rp-report.h"

G_BEGIN_DECLS

/* A4 landscape, in points. */
#define RP_REPORT_PAGE_WIDTH  841.89
#define RP_REPORT_PAGE_HEIGHT 595.28

typedef struct _RpReportDocument RpReportDocument;

RpReportDocument *rp_report_document_new         (RpReport         *report,
                                                  double            page_width,
                                                  double            page_height);
guint             rp_report_document_get_n_pages (RpReportDocument *self);
void              rp_report_document_draw_page   (RpReportDocument *self,
                                                  cairo_t          *cr,
                                                  guint             page);
void              rp_report_document_free        (RpReportDocument *self);
gboolean          rp_report_write_pdf            (RpReport         *report,
                                                  const char       *path,
                                                  GError          **error);
gboolean          rp_report_write_xlsx           (RpReport         *report,
                                                  const char       *path,
                                                  GError          **error);

/* Reports how far a long export has gone, from 0 to 1. */
typedef void (*RpProgressFunc) (double   fraction,
                                gpointer user_data);

typedef enum
{
  RP_REPORT_FORMAT_PDF,
  RP_REPORT_FORMAT_XLSX,
  RP_REPORT_FORMAT_CSV,   /* one file per table, in a folder */
} RpReportFormat;

gboolean          rp_report_write_pdf_full       (RpReport         *report,
                                                  const char       *path,
                                                  GCancellable     *cancellable,
                                                  RpProgressFunc    progress,
                                                  gpointer          user_data,
                                                  GError          **error);
gboolean          rp_report_write_xlsx_full      (RpReport         *report,
                                                  const char       *path,
                                                  GCancellable     *cancellable,
                                                  RpProgressFunc    progress,
                                                  gpointer          user_data,
                                                  GError          **error);
gboolean          rp_report_write_csv            (RpReport         *report,
                                                  RpReportTable     table,
                                                  const char       *path,
                                                  GError          **error);
gboolean          rp_report_write_csv_files      (RpReport         *report,
                                                  const char       *folder,
                                                  GError          **error);
void              rp_report_export_async         (RpReport         *report,
                                                  RpReportFormat    format,
                                                  const char       *path,
                                                  GCancellable     *cancellable,
                                                  RpProgressFunc    progress,
                                                  gpointer          progress_data,
                                                  GAsyncReadyCallback callback,
                                                  gpointer          user_data);
gboolean          rp_report_export_finish        (RpReport         *report,
                                                  GAsyncResult     *result,
                                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpReportDocument, rp_report_document_free)

G_END_DECLS
