/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report-document.c: the report laid out on A4 landscape pages, for PDF and printing */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-moving-plan.h"
#include "rp-output-file.h"
#include "rp-pdf.h"
#include "rp-report-document.h"

#define MARGIN        42.0   /* points: 15 mm */
#define HEADER_SPACE  22.0
#define FOOTER_SPACE  24.0
#define CELL_PADDING  5.0
#define FONT          "Sans"

typedef enum
{
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_TEXT,
  BLOCK_TABLE_ROW,
  BLOCK_CHART,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  GStrv      cells;          /* text, or the cells of a table row */
  const double *widths;      /* fractions of the text width, for table rows */
  guint      n_cells;
  gboolean   header;         /* a table header, repeated on each page */
  int        table;          /* which table a row belongs to */
  double     height;
  guint      page;
} Block;

struct _RpReportDocument
{
  RpReport  *report;
  GArray    *blocks;
  double     page_width;
  double     page_height;
  guint      n_pages;
  GArray    *page_starts;    /* the first block of each page */
  gboolean   tagged;         /* PDF structure tags, drawn in page order only */
};

static const double timetable_widths[] = { 0.62, 0.14, 0.24 };
static const double progress_widths[] = { 0.10, 0.15, 0.27, 0.48 };
static const double progress_without_steps_widths[] = { 0.10, 0.15, 0.75 };
static const double summary_widths[] = { 0.32, 0.10, 0.16 };   /* the change column names its date */
static const double follow_up_summary_widths[] = { 0.32, 0.10 };
static const double follow_up_widths[] = { 0.10, 0.20, 0.16, 0.12, 0.12, 0.12, 0.18 };

/* Which table a row belongs to. */
enum
{
  TABLE_SUMMARY,
  TABLE_TIMETABLE,
  TABLE_PROGRESS,
  TABLE_FOLLOW_UP_SUMMARY,
  TABLE_FOLLOW_UP,
};

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->cells, g_strfreev);
}

static void
add_block (RpReportDocument *self,
           BlockKind         kind,
           const char       *text)
{
  Block block = { kind };

  block.cells = g_new0 (char *, 2);
  block.cells[0] = g_strdup (text);
  block.n_cells = 1;
  g_array_append_val (self->blocks, block);
}

static void
add_row (RpReportDocument   *self,
         int                 table,
         const double       *widths,
         gboolean            header,
         const char * const *cells,
         guint               n_cells)
{
  Block block = { BLOCK_TABLE_ROW };

  block.cells = g_new0 (char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    block.cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  block.n_cells = n_cells;
  block.widths = widths;
  block.header = header;
  block.table = table;
  g_array_append_val (self->blocks, block);
}

static const cairo_user_data_key_t layout_key;

/* One layout per cairo context, reused for every piece of text: a report of
 * 10,000 attendees has 40,000 cells, each measured and drawn, and a new Pango
 * context for each was a tenth of the time the PDF took. */
static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = cairo_get_user_data (cr, &layout_key);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  if (layout == NULL)
    {
      layout = pango_cairo_create_layout (cr);
      /* The page is measured in points, so a 10 pt font is 10 units high. */
      pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
      pango_layout_context_changed (layout);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      cairo_set_user_data (cr, &layout_key, layout, g_object_unref);
    }
  else
    pango_cairo_update_layout (cr, layout);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, width > 0 ? width * PANGO_SCALE : -1);
  pango_layout_set_text (layout, text, -1);
  return g_object_ref (layout);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
text_width (RpReportDocument *self)
{
  return self->page_width - 2 * MARGIN;
}

static double
block_text_size (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:    return 22;
    case BLOCK_SUBHEADING: return 14;
    case BLOCK_TEXT:       return 11;
    case BLOCK_TABLE_ROW:  return 11;
    case BLOCK_CHART:
    case BLOCK_PAGE_BREAK:
    default:               return 10;
    }
}

/* Rows repeat the same status, step and often the same note: each text is
 * laid out once per column to learn its height, not once per row. */
static double
cell_height (GHashTable *heights,
             cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  g_autofree char *key = g_strdup_printf ("%g %d %g %s", size, bold, width, text);
  double *height = g_hash_table_lookup (heights, key);

  if (height == NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold, width);

      height = g_new (double, 1);
      *height = layout_height (layout);
      g_hash_table_insert (heights, g_steal_pointer (&key), height);
    }

  return *height;
}

static double
measure (RpReportDocument *self,
         cairo_t          *cr,
         GHashTable       *heights,
         Block            *block)
{
  double width = text_width (self);

  switch (block->kind)
    {
    case BLOCK_TABLE_ROW:
      {
        double tallest = 0;

        for (guint i = 0; i < block->n_cells; i++)
          tallest = MAX (tallest, cell_height (heights, cr, block->cells[i], block_text_size (block), block->header,
                                               block->widths[i] * width - 2 * CELL_PADDING));

        return tallest + 2 * CELL_PADDING;
      }

    case BLOCK_CHART:
      return 0;   /* drawn beside the summary table */

    case BLOCK_PAGE_BREAK:
      return 0;

    case BLOCK_HEADING:
    case BLOCK_SUBHEADING:
    case BLOCK_TEXT:
    default:
      {
        g_autoptr(PangoLayout) layout = make_layout (cr, block->cells[0], block_text_size (block),
                                                     block->kind != BLOCK_TEXT, width);
        double space_after = block->kind == BLOCK_TEXT ? 6 : 10;

        return layout_height (layout) + space_after;
      }
    }
}

/* Finds the header row of @table, to repeat it at the top of a new page. */
static Block *
table_header (RpReportDocument *self,
              int               table)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (block->kind == BLOCK_TABLE_ROW && block->header && block->table == table)
        return block;
    }

  return NULL;
}

static gboolean
is_summary_row (Block *block)
{
  return block->kind == BLOCK_TABLE_ROW && block->table == TABLE_SUMMARY;
}

/* The summaries are read as a whole: never split over two pages. */
static gboolean
is_kept_row (Block *block)
{
  return block->kind == BLOCK_TABLE_ROW && (block->table == TABLE_SUMMARY || block->table == TABLE_FOLLOW_UP_SUMMARY);
}

#define CHART_TITLE_SPACE 24.0
#define CHART_BAR_SPACE   22.0
#define CHART_NOTE_SIZE   8.5

static double
chart_left (RpReportDocument *self)
{
  return MARGIN + 0.60 * text_width (self);
}

/* How far the chart and the note under it reach below the summary's top. */
static double
chart_height (RpReportDocument *self,
              cairo_t          *cr,
              const char       *note)
{
  double height = CHART_TITLE_SPACE + RP_MOVING_PLAN_N_STEPS * CHART_BAR_SPACE;

  if (note[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, note, CHART_NOTE_SIZE, FALSE,
                                                   MARGIN + text_width (self) - chart_left (self));

      height += 8 + layout_height (layout);
    }

  return height;
}

static void
paginate (RpReportDocument *self)
{
  double summary_height = 0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GHashTable) heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  double bottom = self->page_height - MARGIN - FOOTER_SPACE;
  double y = MARGIN + HEADER_SPACE;
  guint page = 0;
  guint first = 0;

  g_array_append_val (self->page_starts, first);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double needed;

      block->height = measure (self, cr, heights, block);
      if (is_summary_row (block))
        summary_height += block->height;
      /* The chart is drawn beside the summary: what follows starts below
       * whichever of the two reaches further down. */
      if (block->kind == BLOCK_CHART)
        block->height = MAX (0, chart_height (self, cr, block->cells[0]) - summary_height);
      needed = block->height;

      /* The summary, a few rows read beside its chart, is not split; other
       * headings stay with what follows them, a table header with its first row. */
      if (i + 1 < self->blocks->len &&
          (is_kept_row (block) ? block->header
                               : block->kind == BLOCK_SUBHEADING &&
                                 is_kept_row (&g_array_index (self->blocks, Block, i + 1))))
        {
          for (guint j = i + 1; j < self->blocks->len && is_kept_row (&g_array_index (self->blocks, Block, j)); j++)
            needed += measure (self, cr, heights, &g_array_index (self->blocks, Block, j));
        }
      else if (i + 1 < self->blocks->len &&
               (block->kind == BLOCK_SUBHEADING || (block->kind == BLOCK_TABLE_ROW && block->header)))
        needed += measure (self, cr, heights, &g_array_index (self->blocks, Block, i + 1));

      if (block->kind == BLOCK_PAGE_BREAK || (y + needed > bottom && y > MARGIN + HEADER_SPACE))
        {
          page++;
          y = MARGIN + HEADER_SPACE;
          g_array_append_val (self->page_starts, i);

          if (block->kind == BLOCK_TABLE_ROW && !block->header)
            y += table_header (self, block->table)->height;
        }

      block->page = page;
      y += block->height;
    }

  self->n_pages = page + 1;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The lines an agenda pack's cover sheet has: which meeting, from whom, who to ask. */
static void
add_front_matter (RpReportDocument *self)
{
  RpReport *report = self->report;
  const char *meeting = rp_report_get_meeting (report);
  const char *department = rp_report_get_department (report);
  const char *author = rp_report_get_author (report);
  g_autofree char *meeting_date = rp_date_format_long (rp_report_get_meeting_date (report));

  if (meeting != NULL || meeting_date != NULL)
    {
      g_autofree char *line = NULL;

      if (meeting != NULL && meeting_date != NULL)
        /* Translators: "Meeting: Scrutiny Commission, Thursday 5 October 2023" */
        line = g_strdup_printf (_("Meeting: %s, %s"), meeting, meeting_date);
      else
        line = g_strdup_printf (_("Meeting: %s"), meeting != NULL ? meeting : meeting_date);
      add_block (self, BLOCK_TEXT, line);
    }

  if (department != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Council or department: %s"), department);
      add_block (self, BLOCK_TEXT, line);
    }

  if (author != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Author or contact: %s"), author);
      add_block (self, BLOCK_TEXT, line);
    }
}

static void
add_key (RpReportDocument *self)
{
  add_block (self, BLOCK_TEXT, _("Key: the moving plan"));
  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *line = g_strdup_printf (_("Step %d — %s"), step, rp_moving_plan_step_name (step));
      add_block (self, BLOCK_TEXT, line);
    }
}

/* With the summary: the change since the last report, then the outcomes
 * and reviews by count, hidden as the summary's are. */
static void
add_follow_up_summary (RpReportDocument *self)
{
  RpReport *report = self->report;
  g_autofree char *since = rp_report_format_since_last_report (report);
  const char *header[] = { _("After the move"), _("Count") };

  add_block (self, BLOCK_SUBHEADING, _("Follow-up reviews after the move"));
  /* Printed under the summary's heading when there is one. */
  if (!rp_report_includes (report, RP_REPORT_TABLE_SUMMARY))
    add_block (self, BLOCK_TEXT, since);
  add_row (self, TABLE_FOLLOW_UP_SUMMARY, follow_up_summary_widths, TRUE, header, G_N_ELEMENTS (header));
  for (int cell = RP_FOLLOW_UP_MET; cell <= RP_FOLLOW_UP_REVIEWS_NOT_YET_DUE; cell++)
    {
      g_autofree char *count = rp_report_format_follow_up_count (report, cell);
      const char *row[] = { rp_report_follow_up_cell_label (cell), count };

      add_row (self, TABLE_FOLLOW_UP_SUMMARY, follow_up_summary_widths, FALSE, row, G_N_ELEMENTS (row));
    }
}

/* Appendix 3: a row for each person who moved, by number only. */
static void
add_follow_up_table (RpReportDocument *self)
{
  RpReport *report = self->report;
  const char *header[] = {
    _("Attendee No"), _("Moved"), _("Follow-up review"), _("Outcomes met"), _("Partly met"), _("Not met"),
    _("Placement continues"),
  };

  add_block (self, BLOCK_SUBHEADING, _("Appendix 3 — Follow-up after the move"));
  add_block (self, BLOCK_TEXT, _("Each person who had moved by the report’s date, by attendee number. The outcomes and "
                                 "whether the placement continues are from the latest review held since the move."));
  add_row (self, TABLE_FOLLOW_UP, follow_up_widths, TRUE, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < rp_report_get_n_follow_ups (report); i++)
    {
      const RpFollowUpRow *follow_up = rp_report_get_follow_up (report, i);
      g_autofree char *number = g_strdup_printf ("%d", follow_up->number);
      g_autofree char *moved = rp_report_format_moved_month (follow_up);
      g_autofree char *met = g_strdup_printf ("%u", follow_up->met);
      g_autofree char *partly = g_strdup_printf ("%u", follow_up->partly_met);
      g_autofree char *not_met = g_strdup_printf ("%u", follow_up->not_met);
      const char *row[] = {
        number, moved, rp_report_format_review_state (follow_up), met, partly, not_met,
        rp_report_format_placement (follow_up),
      };

      add_row (self, TABLE_FOLLOW_UP, follow_up_widths, FALSE, row, G_N_ELEMENTS (row));
    }

  if (rp_report_get_n_follow_ups (report) == 0)
    add_block (self, BLOCK_TEXT, _("No one had moved by the report’s date."));
}

static void
build_blocks (RpReportDocument *self)
{
  RpReport *report = self->report;
  g_autofree char *date = rp_date_format_long (rp_report_get_as_of (report));
  g_autofree char *subtitle = NULL;
  g_autofree char *suppression = rp_report_describe_suppression (report);
  GListModel *actions = rp_report_get_actions (report);
  gboolean with_steps = rp_report_get_with_step_column (report);

  add_block (self, BLOCK_HEADING, rp_report_get_title (report));
  /* Translators: "Riverside Day Centre — report as of Friday 22 September 2023" */
  subtitle = g_strdup_printf (_("%s — report as of %s"), rp_report_get_programme (report), date);
  add_block (self, BLOCK_TEXT, subtitle);
  add_front_matter (self);

  if (rp_report_includes (report, RP_REPORT_TABLE_SUMMARY))
    {
    add_block (self, BLOCK_SUBHEADING, _("Summary"));
    /* The change over time comes first: the question a commission asks first. */
    if (rp_report_includes (report, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY))
      {
        g_autofree char *since = rp_report_format_since_last_report (report);
        add_block (self, BLOCK_TEXT, since);
      }
    {
      g_autofree char *change_heading = rp_report_format_change_heading (report);
      const char *header[] = { _("Step on moving plan"), _("Attendees"), change_heading };
      /* Without an earlier date to compare with, there is no Change column at all. */
      guint n_columns = rp_report_has_comparison (report) ? 3 : 2;

      add_row (self, 0, summary_widths, TRUE, header, n_columns);
      for (int cell = 1; cell <= RP_MOVING_PLAN_LAST_STEP + 2; cell++)
        {
          g_autofree char *name = cell <= RP_MOVING_PLAN_LAST_STEP
                                  ? g_strdup_printf ("%d · %s", cell, rp_moving_plan_step_name (cell))
                                  : g_strdup (cell == RP_MOVING_PLAN_LAST_STEP + 1 ? _("Moved to new provision") : _("Total"));
          g_autofree char *count = rp_report_format_count (report, cell);
          g_autofree char *change = rp_report_has_comparison (report) && !rp_report_is_hidden (report, cell)
                                    ? g_strdup_printf ("%+d", rp_report_get_change (report, cell)) : g_strdup ("");
          const char *row[] = { name, count, change };

          add_row (self, 0, summary_widths, FALSE, row, n_columns);
        }
    }
    /* What hiding small counts protects is said beside the counts, under the chart. */
    add_block (self, BLOCK_CHART, suppression != NULL ? suppression : "");
    }

  if (rp_report_includes (report, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY))
    add_follow_up_summary (self);

  /* Each appendix starts a page, unless only the front matter comes before it. */
  if (rp_report_includes (report, RP_REPORT_TABLE_TIMETABLE))
    {
      const char *header[] = { _("Activity"), _("Task owner"), _("Due date") };

      if (rp_report_includes (report, RP_REPORT_TABLE_SUMMARY) ||
          rp_report_includes (report, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY))
        add_block (self, BLOCK_PAGE_BREAK, "");
      add_block (self, BLOCK_SUBHEADING, _("Appendix 1 — Indicative timetable for the closure"));
      add_row (self, 1, timetable_widths, TRUE, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
          g_autofree char *due = rp_timetable_action_format_due (action);
          const char *row[] = { rp_timetable_action_get_activity (action), rp_timetable_action_get_owner (action), due };

          add_row (self, 1, timetable_widths, FALSE, row, G_N_ELEMENTS (row));
        }
    }

  if (rp_report_includes (report, RP_REPORT_TABLE_PROGRESS))
    {
      const char *header[] = { _("Attendee No"), _("Status"), _("Step on moving plan"), _("Notes and target moving date") };
      const char *header_without_steps[] = { header[0], header[1], header[3] };
      const double *widths = with_steps ? progress_widths : progress_without_steps_widths;

      if (rp_report_includes (report, RP_REPORT_TABLE_SUMMARY) || rp_report_includes (report, RP_REPORT_TABLE_TIMETABLE) ||
          rp_report_includes (report, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY))
        add_block (self, BLOCK_PAGE_BREAK, "");
      add_block (self, BLOCK_SUBHEADING, _("Appendix 2 — Reprovision progress"));
      /* As in the council's own progress appendix; it leaves the first page to the summary. */
      add_key (self);
      if (with_steps)
        add_row (self, 2, widths, TRUE, header, G_N_ELEMENTS (header));
      else
        add_row (self, 2, widths, TRUE, header_without_steps, G_N_ELEMENTS (header_without_steps));
      for (guint i = 0; i < rp_report_get_n_rows (report); i++)
        {
          const RpProgressRow *progress = rp_report_get_row (report, i);
          g_autofree char *number = g_strdup_printf ("%d", progress->number);
          g_autofree char *status = rp_report_format_status (progress);
          g_autofree char *step = g_strdup_printf ("%d · %s", progress->step, rp_moving_plan_step_name (progress->step));
          g_autofree char *note = rp_report_format_note (progress);
          const char *row[] = { number, status, step, note };
          const char *row_without_steps[] = { number, status, note };

          if (with_steps)
            add_row (self, 2, widths, FALSE, row, G_N_ELEMENTS (row));
          else
            add_row (self, 2, widths, FALSE, row_without_steps, G_N_ELEMENTS (row_without_steps));
        }
    }

  if (rp_report_includes (report, RP_REPORT_TABLE_FOLLOW_UP))
    {
      if (rp_report_includes (report, RP_REPORT_TABLE_SUMMARY) || rp_report_includes (report, RP_REPORT_TABLE_TIMETABLE) ||
          rp_report_includes (report, RP_REPORT_TABLE_PROGRESS) ||
          rp_report_includes (report, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY))
        add_block (self, BLOCK_PAGE_BREAK, "");
      add_follow_up_table (self);
    }
}

/**
 * rp_report_document_new:
 * @page_width: in points; A4 landscape is 842
 * @page_height: in points; A4 landscape is 595
 *
 * Lays the report out on pages: the title, the key to the six steps, the
 * summary with its chart, Appendix 1 (the timetable) and Appendix 2 (the
 * progress table). Table headers repeat on every page and no row is split.
 */
RpReportDocument *
rp_report_document_new (RpReport *report,
                        double    page_width,
                        double    page_height)
{
  RpReportDocument *self;

  g_return_val_if_fail (RP_IS_REPORT (report), NULL);

  self = g_new0 (RpReportDocument, 1);
  self->report = g_object_ref (report);
  self->page_width = page_width;
  self->page_height = page_height;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_set_clear_func (self->blocks, block_clear);

  build_blocks (self);
  paginate (self);
  return self;
}

void
rp_report_document_free (RpReportDocument *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->report);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_free (self);
}

guint
rp_report_document_get_n_pages (RpReportDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           double      width,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold, width);

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A structure tag for what a screen reader reads, when the document is tagged. */
static void
tag_begin (RpReportDocument *self,
           cairo_t          *cr,
           const char       *tag)
{
  if (self->tagged)
    cairo_tag_begin (cr, tag, NULL);
}

static void
tag_end (RpReportDocument *self,
         cairo_t          *cr,
         const char       *tag)
{
  if (self->tagged)
    cairo_tag_end (cr, tag);
}

/* @tagged: %FALSE for a header repeated on a later page, which a screen
 * reader has already read at the start of the table */
static void
draw_row (RpReportDocument *self,
          cairo_t          *cr,
          Block            *block,
          double            y,
          gboolean          tagged)
{
  const char *cell_tag = block->header ? "TH" : "TD";

  double width = text_width (self);
  double x = MARGIN;

  if (block->header)
    {
      double table_width = 0;

      for (guint i = 0; i < block->n_cells; i++)
        table_width += block->widths[i] * width;

      cairo_set_source_rgb (cr, 0.90, 0.90, 0.90);
      cairo_rectangle (cr, MARGIN, y, table_width, block->height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (tagged)
    tag_begin (self, cr, "TR");
  for (guint i = 0; i < block->n_cells; i++)
    {
      double cell_width = block->widths[i] * width;

      if (tagged)
        tag_begin (self, cr, cell_tag);
      draw_text (cr, block->cells[i], x + CELL_PADDING, y + CELL_PADDING, block_text_size (block), block->header,
                 cell_width - 2 * CELL_PADDING, PANGO_ALIGN_LEFT);
      if (tagged)
        tag_end (self, cr, cell_tag);
      x += cell_width;
    }
  if (tagged)
    tag_end (self, cr, "TR");

  /* The cells' borders in one stroke: fewer operations for the PDF to write. */
  x = MARGIN;
  cairo_new_path (cr);
  for (guint i = 0; i < block->n_cells; i++)
    {
      cairo_rectangle (cr, x, y, block->widths[i] * width, block->height);
      x += block->widths[i] * width;
    }
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

static void
draw_chart (RpReportDocument *self,
            cairo_t          *cr,
            double            y,
            const char       *note)
{
  double left = chart_left (self);
  double label_width = 50;
  double bar_space = MARGIN + text_width (self) - left - label_width - 30;
  guint largest = 1;

  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    largest = MAX (largest, rp_report_get_count (self->report, step));

  draw_text (cr, _("Attendees still attending, by step"), left, y, 11, TRUE, MARGIN + text_width (self) - left, PANGO_ALIGN_LEFT);
  y += CHART_TITLE_SPACE;
  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *label = g_strdup_printf (_("Step %d"), step);
      g_autofree char *count = rp_report_format_count (self->report, step);
      /* A suppressed count draws no bar: its length would give it away. */
      double length = rp_report_is_hidden (self->report, step) ? 0 : bar_space * rp_report_get_count (self->report, step) / largest;

      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, label, left, y, 11, FALSE, label_width, PANGO_ALIGN_LEFT);
      cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
      cairo_rectangle (cr, left + label_width, y + 2, length, 13);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, count, left + label_width + length + 6, y, 11, FALSE, 30, PANGO_ALIGN_LEFT);
      y += CHART_BAR_SPACE;
    }

  /* The bars repeat the summary's counts and are left out of the structure;
   * what hiding protects is read after the table. */
  if (note[0] != '\0')
    {
      tag_begin (self, cr, "P");
      draw_text (cr, note, left, y + 8, CHART_NOTE_SIZE, FALSE, MARGIN + text_width (self) - left, PANGO_ALIGN_LEFT);
      tag_end (self, cr, "P");
    }
}

/* The last row of its table: the table's structure ends with it. */
static gboolean
ends_table (RpReportDocument *self,
            guint             index)
{
  Block *block = &g_array_index (self->blocks, Block, index);
  Block *next;

  if (index + 1 >= self->blocks->len)
    return TRUE;

  next = &g_array_index (self->blocks, Block, index + 1);
  return next->kind != BLOCK_TABLE_ROW || next->table != block->table;
}

static const char *
block_tag (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:    return "H1";
    case BLOCK_SUBHEADING: return "H2";
    case BLOCK_TEXT:
    case BLOCK_TABLE_ROW:
    case BLOCK_CHART:
    case BLOCK_PAGE_BREAK:
    default:               return "P";
    }
}

/**
 * rp_report_document_draw_page:
 * @cr: a context in points, with the origin at the page's top left
 * @page: from 0
 *
 * Draws one page, for the PDF and for GtkPrintOperation alike.
 */
void
rp_report_document_draw_page (RpReportDocument *self,
                              cairo_t          *cr,
                              guint             page)
{
  double y = MARGIN + HEADER_SPACE;
  const char *marking = rp_report_get_marking (self->report);
  g_autofree char *footer = NULL;
  g_autofree char *produced = rp_report_format_produced (self->report);
  int last_table = -1;
  double summary_top = y;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* The marking, page numbers and provenance repeat on every page: they
   * stay outside the structure, as page furniture, so a screen reader
   * reads the document once, in order. */
  if (page == 0)
    tag_begin (self, cr, "Document");

  /* At the top and the bottom of every page, as the UK government's
   * classification guidance places a marking. */
  if (marking != NULL && marking[0] != '\0')
    {
      draw_text (cr, marking, MARGIN, MARGIN - 14, 10, TRUE, text_width (self), PANGO_ALIGN_CENTER);
      draw_text (cr, marking, MARGIN, self->page_height - MARGIN + 6, 10, TRUE, text_width (self), PANGO_ALIGN_CENTER);
    }

  /* Translators: page footer, "Day Centre Update — Page 2 of 5" */
  footer = g_strdup_printf (_("%s — Page %u of %u"), rp_report_get_title (self->report), page + 1, self->n_pages);
  draw_text (cr, footer, MARGIN, self->page_height - MARGIN - 10, 9, FALSE, text_width (self), PANGO_ALIGN_RIGHT);
  /* Provenance: a page passed on alone still says where it came from. */
  draw_text (cr, produced, MARGIN, self->page_height - MARGIN - 10, 9, FALSE, text_width (self) / 2, PANGO_ALIGN_LEFT);

  /* From the page's first block, not the document's: a 700-page report would
   * otherwise look at every block for every page. */
  for (guint i = g_array_index (self->page_starts, guint, page);
       i < self->blocks->len && g_array_index (self->blocks, Block, i).page == page; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      /* A table continued from the page before starts with its header again. */
      if (block->kind == BLOCK_TABLE_ROW && !block->header && block->table != last_table)
        {
          Block *header = table_header (self, block->table);

          if (header->page != page)
            {
              draw_row (self, cr, header, y, FALSE);
              y += header->height;
            }
        }
      if (block->kind == BLOCK_TABLE_ROW)
        last_table = block->table;

      switch (block->kind)
        {
        case BLOCK_TABLE_ROW:
          if (block->header && block->table == 0)
            summary_top = y;
          if (block->header)
            tag_begin (self, cr, "Table");
          draw_row (self, cr, block, y, TRUE);
          if (ends_table (self, i))
            tag_end (self, cr, "Table");
          break;

        case BLOCK_CHART:
          draw_chart (self, cr, summary_top, block->cells[0]);
          break;

        case BLOCK_PAGE_BREAK:
          break;

        case BLOCK_HEADING:
        case BLOCK_SUBHEADING:
        case BLOCK_TEXT:
        default:
          cairo_set_source_rgb (cr, 0, 0, 0);
          tag_begin (self, cr, block_tag (block));
          draw_text (cr, block->cells[0], MARGIN, y, block_text_size (block), block->kind != BLOCK_TEXT,
                     text_width (self), PANGO_ALIGN_LEFT);
          tag_end (self, cr, block_tag (block));
          break;
        }

      y += block->height;
    }

  if (page + 1 == self->n_pages)
    tag_end (self, cr, "Document");

  cairo_restore (cr);
}

/**
 * rp_report_write_pdf:
 * @path: the file to write, created readable by its owner only
 *
 * Writes the report as an A4 landscape PDF.
 */
gboolean
rp_report_write_pdf (RpReport    *report,
                     const char  *path,
                     GError     **error)
{
  return rp_report_write_pdf_full (report, path, NULL, NULL, NULL, error);
}

/**
 * rp_report_write_pdf_full:
 * @path: the file to write, created readable by its owner only
 * @cancellable: (nullable): stops between pages; the part written is removed
 * @progress: (nullable): told the fraction done after each page, in this thread
 *
 * Writes the report as an A4 landscape PDF; safe to call from a thread while
 * nothing changes @report.
 */
gboolean
rp_report_write_pdf_full (RpReport        *report,
                          const char      *path,
                          GCancellable    *cancellable,
                          RpProgressFunc   progress,
                          gpointer         user_data,
                          GError         **error)
{
  g_autoptr(RpOutputFile) file = NULL;
  RpReportDocument *document;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (RP_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (!(file = rp_output_file_new (path, error)))
    return FALSE;

  document = rp_report_document_new (report, RP_REPORT_PAGE_WIDTH, RP_REPORT_PAGE_HEIGHT);
  /* Every page in order, so a table's structure can run over several pages. */
  document->tagged = TRUE;
  surface = cairo_pdf_surface_create (rp_output_file_get_temp_path (file), RP_REPORT_PAGE_WIDTH, RP_REPORT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, rp_report_get_title (report));
  cr = cairo_create (surface);

  n_pages = rp_report_document_get_n_pages (document);
  for (guint page = 0; page < n_pages && !cancelled; page++)
    {
      rp_report_document_draw_page (document, cr, page);
      cairo_show_page (cr);
      if (progress != NULL)
        progress ((double) (page + 1) / n_pages, user_data);
      cancelled = g_cancellable_is_cancelled (cancellable);
    }

  /* A structure tag left open is an error on the context, not the surface. */
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  rp_report_document_free (document);

  /* Cancelled or failed: the temporary file goes, an earlier export stays. */
  if (cancelled)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_IO, _("“%s” could not be written: %s."), path, cairo_status_to_string (status));
      return FALSE;
    }

  return rp_pdf_set_language (rp_output_file_get_temp_path (file), rp_pdf_get_language (), error) &&
         rp_output_file_commit (file, error);
}
