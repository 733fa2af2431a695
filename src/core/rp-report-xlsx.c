/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report-xlsx.c: the report as a spreadsheet, one sheet per table */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-moving-plan.h"
#include "rp-output-file.h"
#include "rp-report-document.h"

/* Every sheet is labelled above its table as the PDF is: the protective
 * marking, the report's title, the programme and the as-of date. The table
 * starts below them. */
#define HEADER_ROW 4

typedef struct
{
  lxw_format *bold;
  lxw_format *wrap;
  lxw_format *title;
} Formats;

/* The marking for a printed page's header or footer, where "&" starts a code. */
static char *
print_marking (RpReport *report)
{
  g_auto(GStrv) parts = g_strsplit (rp_report_get_marking (report), "&", -1);
  g_autofree char *escaped = g_strjoinv ("&&", parts);

  return g_strdup_printf ("&C%s", escaped);
}

static void
write_labels (lxw_worksheet *sheet,
              RpReport      *report,
              Formats       *formats)
{
  g_autofree char *date = rp_date_format_long (rp_report_get_as_of (report));
  /* Translators: "Riverside Day Centre — report as of Friday 22 September 2023" */
  g_autofree char *subtitle = g_strdup_printf (_("%s — report as of %s"), rp_report_get_programme (report), date);
  const char *marking = rp_report_get_marking (report);

  if (marking != NULL && marking[0] != '\0')
    {
      g_autofree char *printed = print_marking (report);

      worksheet_write_string (sheet, 0, 0, marking, formats->bold);
      worksheet_set_header (sheet, printed);
      worksheet_set_footer (sheet, printed);
    }
  worksheet_write_string (sheet, 1, 0, rp_report_get_title (report), formats->title);
  worksheet_write_string (sheet, 2, 0, subtitle, NULL);
}

static void
write_header (lxw_worksheet      *sheet,
              RpReport           *report,
              Formats            *formats,
              const char * const *titles,
              const double       *widths,
              guint               n,
              guint               n_rows)
{
  write_labels (sheet, report, formats);

  for (guint i = 0; i < n; i++)
    {
      worksheet_write_string (sheet, HEADER_ROW, i, titles[i], formats->bold);
      worksheet_set_column (sheet, i, i, widths[i], NULL);
    }

  /* The labels and the header stay in view as the rows scroll, the header
   * can filter and sort the rows, and prints on every page. */
  worksheet_freeze_panes (sheet, HEADER_ROW + 1, 0);
  worksheet_autofilter (sheet, HEADER_ROW, 0, HEADER_ROW + n_rows, n - 1);
  worksheet_repeat_rows (sheet, HEADER_ROW, HEADER_ROW);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
}

/* Spreadsheets do not grow rows to fit wrapped text on their own: give each
 * row the height of its longest cell, at about one line per column width. */
static void
fit_row (lxw_worksheet      *sheet,
         guint               row,
         const char * const *cells,
         const double       *widths,
         guint               n)
{
  guint lines = 1;

  for (guint i = 0; i < n; i++)
    if (cells[i] != NULL)
      lines = MAX (lines, (guint) (g_utf8_strlen (cells[i], -1) / (widths[i] * 1.1)) + 1);

  worksheet_set_row (sheet, row, 15.0 * lines, NULL);
}

static void
write_text (lxw_worksheet *sheet,
            guint          row,
            guint          column,
            const char    *text,
            lxw_format    *format)
{
  if (text != NULL && text[0] != '\0')
    worksheet_write_string (sheet, row, column, text, format);
}

static void
write_progress_row (lxw_worksheet       *sheet,
                    guint                line,
                    const RpProgressRow *row,
                    gboolean             with_steps,
                    lxw_format          *wrap,
                    const double        *widths)
{
  g_autofree char *status = rp_report_format_status (row);
  g_autofree char *step = g_strdup_printf ("%d · %s", row->step, rp_moving_plan_step_name (row->step));
  g_autofree char *note = rp_report_format_note (row);
  const char *cells[] = { NULL, status, step, note };
  const char *cells_without_steps[] = { NULL, status, note };
  const char **shown = with_steps ? cells : cells_without_steps;
  guint n_shown = with_steps ? G_N_ELEMENTS (cells) : G_N_ELEMENTS (cells_without_steps);

  worksheet_write_number (sheet, line, 0, row->number, wrap);
  for (guint c = 1; c < n_shown; c++)
    write_text (sheet, line, c, shown[c], wrap);
  fit_row (sheet, line, shown, widths, n_shown);
}

/**
 * rp_report_write_xlsx:
 * @path: the file to write, created readable by its owner only
 *
 * Writes the report as an XLSX workbook with a sheet for the timetable, the
 * progress table and the summary. Only what the report holds is written.
 */
gboolean
rp_report_write_xlsx (RpReport    *report,
                      const char  *path,
                      GError     **error)
{
  return rp_report_write_xlsx_full (report, path, NULL, NULL, NULL, error);
}

/**
 * rp_report_write_xlsx_full:
 * @cancellable: (nullable): stops between rows; nothing is left behind
 * @on_progress: (nullable): told the fraction of the progress table written, in this thread
 *
 * As rp_report_write_xlsx(); safe to call from a thread while nothing changes @report.
 */
gboolean
rp_report_write_xlsx_full (RpReport        *report,
                           const char      *path,
                           GCancellable    *cancellable,
                           RpProgressFunc   on_progress,
                           gpointer         user_data,
                           GError         **error)
{
  g_autoptr(RpOutputFile) file = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *timetable, *progress, *summary, *follow_up_summary, *follow_up;
  Formats formats;
  lxw_error result;
  GListModel *actions;

  g_return_val_if_fail (RP_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(file = rp_output_file_new (path, error)))
    return FALSE;

  workbook = workbook_new (rp_output_file_get_temp_path (file));
  if (workbook == NULL)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_IO, _("“%s” could not be written."), path);
      return FALSE;
    }

  formats.bold = workbook_add_format (workbook);
  format_set_bold (formats.bold);
  format_set_text_wrap (formats.bold);
  format_set_align (formats.bold, LXW_ALIGN_VERTICAL_TOP);
  formats.wrap = workbook_add_format (workbook);
  format_set_text_wrap (formats.wrap);
  format_set_align (formats.wrap, LXW_ALIGN_VERTICAL_TOP);
  formats.title = workbook_add_format (workbook);
  format_set_bold (formats.title);
  format_set_font_size (formats.title, 14);

  timetable = rp_report_includes (report, RP_REPORT_TABLE_TIMETABLE) ? workbook_add_worksheet (workbook, _("Timetable")) : NULL;
  if (timetable != NULL)
  {
    const char *titles[] = { _("Activity"), _("Task owner"), _("Due date") };
    const double widths[] = { 80, 14, 16 };

    actions = rp_report_get_actions (report);
    write_header (timetable, report, &formats, titles, widths, G_N_ELEMENTS (titles), g_list_model_get_n_items (actions));
    for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
      {
        g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
        g_autofree char *due = rp_timetable_action_format_due (action);

        const char *cells[] = { rp_timetable_action_get_activity (action), rp_timetable_action_get_owner (action), due };

        for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
          write_text (timetable, HEADER_ROW + 1 + i, c, cells[c], formats.wrap);
        fit_row (timetable, HEADER_ROW + 1 + i, cells, widths, G_N_ELEMENTS (cells));
      }
  }

  progress = rp_report_includes (report, RP_REPORT_TABLE_PROGRESS) ? workbook_add_worksheet (workbook, _("Progress")) : NULL;
  if (progress != NULL)
  {
    gboolean with_steps = rp_report_get_with_step_column (report);
    const char *titles[] = { _("Attendee No"), _("Status"), _("Step on moving plan"), _("Notes and target moving date") };
    const char *titles_without_steps[] = { titles[0], titles[1], titles[3] };
    const double widths[] = { 10, 16, 34, 60 };
    const double widths_without_steps[] = { 10, 16, 94 };

    if (with_steps)
      write_header (progress, report, &formats, titles, widths, G_N_ELEMENTS (titles), rp_report_get_n_rows (report));
    else
      write_header (progress, report, &formats, titles_without_steps, widths_without_steps,
                    G_N_ELEMENTS (titles_without_steps), rp_report_get_n_rows (report));
    for (guint i = 0; i < rp_report_get_n_rows (report); i++)
      {
        /* Every 256 rows: often enough to feel immediate, rarely enough to cost nothing. */
        if (i % 256 == 0)
          {
            if (g_cancellable_is_cancelled (cancellable))
              break;
            if (on_progress != NULL)
              on_progress ((double) i / rp_report_get_n_rows (report), user_data);
          }

        write_progress_row (progress, HEADER_ROW + 1 + i, rp_report_get_row (report, i), with_steps, formats.wrap,
                            with_steps ? widths : widths_without_steps);
      }
  }

  summary = rp_report_includes (report, RP_REPORT_TABLE_SUMMARY) ? workbook_add_worksheet (workbook, _("Summary")) : NULL;
  if (summary != NULL)
  {
    g_autofree char *change_heading = rp_report_format_change_heading (report);
    const char *titles[] = { _("Step on moving plan"), _("Attendees"), change_heading };
    const double widths[] = { 45, 12, 30 };
    g_autofree char *suppression = rp_report_describe_suppression (report);

    write_header (summary, report, &formats, titles, widths, rp_report_has_comparison (report) ? 3 : 2,
                  RP_MOVING_PLAN_LAST_STEP + 2);
    for (int cell = 1; cell <= RP_MOVING_PLAN_LAST_STEP + 2; cell++)
      {
        g_autofree char *name = cell <= RP_MOVING_PLAN_LAST_STEP
                                ? g_strdup_printf ("%d · %s", cell, rp_moving_plan_step_name (cell))
                                : g_strdup (cell == RP_MOVING_PLAN_LAST_STEP + 1 ? _("Moved to new provision") : _("Total"));
        g_autofree char *count = rp_report_format_count (report, cell);

        guint row = HEADER_ROW + cell;

        write_text (summary, row, 0, name, NULL);
        /* Hidden counts stay text ("<5", "[c]"); the others are numbers a spreadsheet can add up. */
        if (rp_report_is_hidden (report, cell))
          write_text (summary, row, 1, count, NULL);
        else
          {
            worksheet_write_number (summary, row, 1, rp_report_get_count (report, cell), NULL);
            if (rp_report_has_comparison (report))
              worksheet_write_number (summary, row, 2, rp_report_get_change (report, cell), NULL);
          }
      }

    if (suppression != NULL)
      write_text (summary, HEADER_ROW + RP_MOVING_PLAN_LAST_STEP + 4, 0, suppression, NULL);
  }

  follow_up_summary = rp_report_includes (report, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY)
                      ? workbook_add_worksheet (workbook, _("Follow-up summary")) : NULL;
  if (follow_up_summary != NULL)
  {
    const char *titles[] = { _("After the move"), _("Count") };
    const double widths[] = { 45, 12 };
    g_autofree char *since = rp_report_format_since_last_report (report);
    guint row = HEADER_ROW + 1;

    write_header (follow_up_summary, report, &formats, titles, widths, G_N_ELEMENTS (titles),
                  RP_FOLLOW_UP_REVIEWS_NOT_YET_DUE - RP_FOLLOW_UP_MET + 1);
    for (int cell = RP_FOLLOW_UP_MET; cell <= RP_FOLLOW_UP_REVIEWS_NOT_YET_DUE; cell++, row++)
      {
        write_text (follow_up_summary, row, 0, rp_report_follow_up_cell_label (cell), NULL);
        /* As in the summary: hidden counts stay text, the others are numbers. */
        if (rp_report_is_follow_up_hidden (report, cell))
          {
            g_autofree char *count = rp_report_format_follow_up_count (report, cell);
            write_text (follow_up_summary, row, 1, count, NULL);
          }
        else
          worksheet_write_number (follow_up_summary, row, 1, rp_report_get_follow_up_count (report, cell), NULL);
      }

    write_text (follow_up_summary, row + 1, 0, since, NULL);
  }

  follow_up = rp_report_includes (report, RP_REPORT_TABLE_FOLLOW_UP) ? workbook_add_worksheet (workbook, _("Follow-up")) : NULL;
  if (follow_up != NULL)
  {
    const char *titles[] = {
      _("Attendee No"), _("Moved"), _("Follow-up review"), _("Outcomes met"), _("Partly met"), _("Not met"),
      _("Placement continues"),
    };
    const double widths[] = { 10, 24, 18, 14, 12, 10, 20 };

    write_header (follow_up, report, &formats, titles, widths, G_N_ELEMENTS (titles), rp_report_get_n_follow_ups (report));
    for (guint i = 0; i < rp_report_get_n_follow_ups (report); i++)
      {
        const RpFollowUpRow *row = rp_report_get_follow_up (report, i);
        g_autofree char *moved = rp_report_format_moved_month (row);
        guint line = HEADER_ROW + 1 + i;

        worksheet_write_number (follow_up, line, 0, row->number, NULL);
        write_text (follow_up, line, 1, moved, NULL);
        write_text (follow_up, line, 2, rp_report_format_review_state (row), NULL);
        worksheet_write_number (follow_up, line, 3, row->met, NULL);
        worksheet_write_number (follow_up, line, 4, row->partly_met, NULL);
        worksheet_write_number (follow_up, line, 5, row->not_met, NULL);
        write_text (follow_up, line, 6, rp_report_format_placement (row), NULL);
      }
  }

  /* Cancelled or failed: the temporary file goes, an earlier export stays. */
  result = workbook_close (workbook);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (result != LXW_NO_ERROR)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_IO, _("“%s” could not be written: %s."), path, lxw_strerror (result));
      return FALSE;
    }

  return rp_output_file_commit (file, error);
}
