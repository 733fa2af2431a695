/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report.c: the reprovision report for the scrutiny commission, anonymised */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rp-csv.h"
#include "rp-date.h"
#include "rp-error.h"
#include "rp-follow-up.h"
#include "rp-moving-plan.h"
#include "rp-report.h"
#include "rp-report-private.h"
#include "rp-store-private.h"
#include "store/rp-stmt.h"

/* Summary cells: the six steps, then moved on, then the total. */
#define CELL_MOVED (RP_MOVING_PLAN_LAST_STEP + 1)
#define CELL_TOTAL (RP_MOVING_PLAN_LAST_STEP + 2)
#define N_CELLS    (RP_MOVING_PLAN_LAST_STEP + 3)

/* The follow-up summary's cells come after the summary's in one numbering,
 * so that one check sees what each table tells about the other. */
#define FU(cell)     (N_CELLS + (cell))
#define N_ALL_CELLS  (N_CELLS + RP_FOLLOW_UP_N_CELLS)
G_STATIC_ASSERT (N_ALL_CELLS <= 32);

struct _RpReport
{
  GObject     parent_instance;

  gint64      programme_id;
  char       *title;
  char       *programme;
  char       *as_of;
  char       *marking;
  char       *department;
  char       *author;
  char       *meeting;
  char       *meeting_date;
  char       *compare_with;
  char       *produced_on;
  GPtrArray  *rows;
  GListModel *actions;
  guint       counts[N_CELLS];
  int         changes[N_CELLS];
  gboolean    suppressed[N_CELLS];
  gboolean    has_comparison;
  gboolean    with_summary;
  RpReportTable only_table;
  guint       suppress_below;
  gboolean    without_steps;
  gboolean    plain_utf8;
  gboolean    with_follow_up_table;
  GPtrArray  *follow_ups;
  guint       follow_up_counts[RP_FOLLOW_UP_N_CELLS];
  gboolean    follow_up_suppressed[RP_FOLLOW_UP_N_CELLS];
  char       *last_report;   /* the as-of date of the previous report, or NULL */
};

G_DEFINE_FINAL_TYPE (RpReport, rp_report, G_TYPE_OBJECT)

static void
progress_row_free (gpointer data)
{
  RpProgressRow *row = data;

  if (row == NULL)
    return;

  g_free (row->report_note);
  g_free (row->target_date);
  g_free (row->outcome_date);
  g_free (row);
}

static void
follow_up_row_free (gpointer data)
{
  RpFollowUpRow *row = data;

  if (row == NULL)
    return;

  g_free (row->moved_on);
  g_free (row);
}

static void
rp_report_finalize (GObject *object)
{
  RpReport *self = RP_REPORT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->programme, g_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->marking, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->meeting, g_free);
  g_clear_pointer (&self->meeting_date, g_free);
  g_clear_pointer (&self->compare_with, g_free);
  g_clear_pointer (&self->produced_on, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);
  g_clear_pointer (&self->last_report, g_free);

  G_OBJECT_CLASS (rp_report_parent_class)->finalize (object);
}

static void
rp_report_class_init (RpReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rp_report_finalize;
}

static void
rp_report_init (RpReport *self)
{
  self->rows = g_ptr_array_new_with_free_func (progress_row_free);
  self->follow_ups = g_ptr_array_new_with_free_func (follow_up_row_free);
}

#define ATTENDEE_AS_OF(column, type) RP_STORE_AS_OF_##type ("attendee", "a.id", column, "a." column)

/* Where each attendee stood on @date: the step of the newest change on or
 * before it, and whether they had moved by then. Attendees whose first step
 * came later, and archived ones, are not in the report. With @since (see
 * rp_store_find_as_of_cutoff()), every other value is the one it had at the
 * end of @date, from the audit trail. */
static gboolean
read_rows (RpStore     *store,
           gint64       programme_id,
           const char  *date,
           gint64       since,
           GPtrArray   *rows,
           GError     **error)
{
  RpStmt *stmt = NULL;
  int rc;

  rc = rp_stmt_prepare (store,
                        since == 0
                        ? "SELECT a.number, a.funding,"
                          " (SELECT s.to_step FROM step_change s WHERE s.attendee_id = a.id AND s.changed_on <= ?2"
                          "  ORDER BY s.changed_on DESC, s.id DESC LIMIT 1),"
                          " a.report_note, a.target_date, a.outcome, a.outcome_date, a.id"
                          " FROM attendee a WHERE a.programme_id = ?1 AND NOT a.archived ORDER BY a.number"
                        : "SELECT * FROM (SELECT " ATTENDEE_AS_OF ("number", INTEGER) " AS number, " ATTENDEE_AS_OF ("funding", TEXT) ","
                          " (SELECT s.to_step FROM step_change s WHERE s.attendee_id = a.id AND s.changed_on <= ?3"
                          "  ORDER BY s.changed_on DESC, s.id DESC LIMIT 1),"
                          " " ATTENDEE_AS_OF ("report_note", TEXT) ", " ATTENDEE_AS_OF ("target_date", DATE) ","
                          " " ATTENDEE_AS_OF ("outcome", TEXT) ", " ATTENDEE_AS_OF ("outcome_date", DATE) ", a.id,"
                          " " ATTENDEE_AS_OF ("archived", FLAG) " AS archived"
                          " FROM attendee a WHERE a.programme_id = ?1) AS attendees"
                          " WHERE NOT archived ORDER BY number",
                        &stmt);
  if (rc != RP_STMT_OK)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_FAILED, _("The report could not be read: %s"),
                   rp_store_errmsg (store));
      return FALSE;
    }

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  if (since == 0)
    rp_stmt_bind_text (stmt, 2, date);
  else
    {
      rp_stmt_bind_int64 (stmt, 2, since);
      rp_stmt_bind_text (stmt, 3, date);
    }

  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      RpProgressRow *row;
      const char *outcome_date = rp_stmt_column_text (stmt, 6);
      RpOutcome outcome = RP_OUTCOME_ATTENDING;

      if (rp_stmt_column_is_null (stmt, 2))
        continue;

      rp_outcome_from_string (rp_stmt_column_text (stmt, 5), &outcome);
      /* A move recorded for a later day had not happened yet on @date. */
      if (outcome != RP_OUTCOME_ATTENDING && rp_date_compare (outcome_date, date) > 0)
        outcome = RP_OUTCOME_ATTENDING;

      row = g_new0 (RpProgressRow, 1);
      row->number = rp_stmt_column_int (stmt, 0);
      rp_funding_from_string (rp_stmt_column_text (stmt, 1), &row->funding);
      row->step = rp_stmt_column_int (stmt, 2);
      row->attendee_id = rp_stmt_column_int64 (stmt, 7);
      row->report_note = rp_text_strip_invisible (rp_stmt_column_text (stmt, 3));
      row->target_date = g_strdup (rp_stmt_column_text (stmt, 4));
      row->outcome = outcome;
      row->outcome_date = outcome != RP_OUTCOME_ATTENDING ? g_strdup (outcome_date) : NULL;
      g_ptr_array_add (rows, row);
    }

  rp_stmt_finalize (stmt);

  if (rc != RP_STMT_DONE)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_FAILED, _("The report could not be read from the database."));
      return FALSE;
    }

  return TRUE;
}

static void
count_rows (GPtrArray *rows,
            guint      counts[N_CELLS])
{
  memset (counts, 0, sizeof (guint) * N_CELLS);

  for (guint i = 0; i < rows->len; i++)
    {
      RpProgressRow *row = g_ptr_array_index (rows, i);

      if (row->outcome == RP_OUTCOME_MOVED)
        counts[CELL_MOVED]++;
      else if (row->outcome == RP_OUTCOME_ATTENDING && rp_moving_plan_step_valid (row->step))
        counts[row->step]++;
      else
        continue;

      counts[CELL_TOTAL]++;
    }
}

#define REVIEW_AS_OF(column, type) RP_STORE_AS_OF_##type ("review", "review_ids.id", column, "r." column)
#define RATING_AS_OF(column, type) RP_STORE_AS_OF_##type ("review_outcome", "rating_ids.id", column, "o." column)

/* Runs @stmt (prepared from @sql_now, or with @since from @sql_then), with
 * the report's date as ?1 and @since as ?2. */
static RpStmt *
prepare_as_of (RpStore     *store,
               const char  *sql_now,
               const char  *sql_then,
               const char  *date,
               gint64       since,
               GError     **error)
{
  RpStmt *stmt = NULL;

  if (rp_stmt_prepare (store, since == 0 ? sql_now : sql_then, &stmt) != RP_STMT_OK)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_FAILED, _("The report could not be read: %s"),
                   rp_store_errmsg (store));
      return NULL;
    }

  rp_stmt_bind_text (stmt, 1, date);
  if (since != 0)
    rp_stmt_bind_int64 (stmt, 2, since);
  return stmt;
}

static gboolean
finish_read (RpStore       *store,
             RpStmt        *stmt,
             int            rc,
             GError       **error)
{
  rp_stmt_finalize (stmt);
  if (rc != RP_STMT_DONE)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_FAILED, _("The report could not be read from the database."));
      return FALSE;
    }
  return TRUE;
}

/* The as-of date of this programme's latest report before @date, from the
 * export history, or NULL when there was none. */
static gboolean
read_last_report (RpStore     *store,
                  gint64       programme_id,
                  const char  *date,
                  char       **last,
                  GError     **error)
{
  RpStmt *stmt = NULL;
  int rc;

  if (rp_stmt_prepare (store,
                       "SELECT max (coalesce (as_of, date (recorded_at))) FROM export_record"
                       " WHERE programme_id = ?1 AND kind = 'report' AND coalesce (as_of, date (recorded_at)) < ?2",
                       &stmt) != RP_STMT_OK)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_FAILED, _("The report could not be read: %s"),
                   rp_store_errmsg (store));
      return FALSE;
    }

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  rp_stmt_bind_text (stmt, 2, date);
  if ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      const char *value = rp_stmt_column_text (stmt, 0);

      *last = value != NULL && rp_date_is_valid_iso (value) ? g_strdup (value) : NULL;
      rc = RP_STMT_DONE;
    }
  return finish_read (store, stmt, rc, error);
}

/* The latest review held since an attendee's move, whose ratings count. */
typedef struct
{
  RpFollowUpRow *row;
  gint64         review_id;
  char          *held_on;
  char          *follow_up_held_on;   /* the first follow-up review since the move */
} ReviewsSeen;

static void
reviews_seen_free (gpointer data)
{
  ReviewsSeen *seen = data;

  g_free (seen->held_on);
  g_free (seen->follow_up_held_on);
  g_free (seen);
}

/* Appendix 3 and the follow-up summary, as they stood at the end of @date:
 * everyone in @rows who had moved by then, the reviews held by then (those
 * deleted since back, and each value as it was then, from the audit trail
 * with @since, as every other value of the report), and the ratings those
 * reviews had then. Only numbers are kept: no note, no
 * outcome's wording, no reviewer. */
static gboolean
read_follow_ups (RpReport    *self,
                 RpStore     *store,
                 guint        weeks,
                 GPtrArray   *rows,
                 const char  *date,
                 gint64       since,
                 GError     **error)
{
  g_autoptr(GHashTable) attendees = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) moved = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, reviews_seen_free);
  g_autoptr(GHashTable) latest = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint *counts = self->follow_up_counts;
  RpStmt *stmt;
  GHashTableIter iter;
  gpointer value;
  int rc;

  for (guint i = 0; i < rows->len; i++)
    {
      RpProgressRow *progress = g_ptr_array_index (rows, i);

      g_hash_table_add (attendees, &progress->attendee_id);
      if (progress->outcome == RP_OUTCOME_MOVED && progress->outcome_date != NULL)
        {
          RpFollowUpRow *row = g_new0 (RpFollowUpRow, 1);
          ReviewsSeen *seen = g_new0 (ReviewsSeen, 1);

          row->attendee_id = progress->attendee_id;
          row->number = progress->number;
          row->moved_on = g_strdup (progress->outcome_date);
          row->placement_continues = -1;
          seen->row = row;
          g_ptr_array_add (self->follow_ups, row);
          g_hash_table_insert (moved, &row->attendee_id, seen);

          if (self->last_report != NULL && rp_date_compare (row->moved_on, self->last_report) > 0)
            counts[RP_FOLLOW_UP_MOVES_SINCE]++;
        }
    }

  /* Whether each move was to interim provision, as it was then. */
  if (rp_stmt_prepare (store,
                       since == 0
                       ? "SELECT a.id, a.interim FROM attendee a WHERE a.programme_id = ?1"
                       : "SELECT a.id, " ATTENDEE_AS_OF ("interim", FLAG) " FROM attendee a WHERE a.programme_id = ?1",
                       &stmt) != RP_STMT_OK)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_FAILED, _("The report could not be read: %s"),
                   rp_store_errmsg (store));
      return FALSE;
    }
  rp_stmt_bind_int64 (stmt, 1, self->programme_id);
  if (since != 0)
    rp_stmt_bind_int64 (stmt, 2, since);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      gint64 id = rp_stmt_column_int64 (stmt, 0);
      ReviewsSeen *seen = g_hash_table_lookup (moved, &id);

      if (seen != NULL)
        seen->row->interim = rp_stmt_column_int (stmt, 1) != 0;
    }
  if (!finish_read (store, stmt, rc, error))
    return FALSE;

  /* The reviews held by then, oldest first. */
  if (!(stmt = prepare_as_of (store,
                              "SELECT id, attendee_id, kind, held_on, placement_continues FROM review"
                              " WHERE held_on <= ?1 ORDER BY held_on, id",
                              "WITH review_ids (id) AS ("
                              "  SELECT id FROM review"
                              "  UNION SELECT record_id FROM audit WHERE table_name = 'review' AND action = 'delete' AND id >= ?2)"
                              " SELECT * FROM (SELECT review_ids.id, " REVIEW_AS_OF ("attendee_id", INTEGER) ", " REVIEW_AS_OF ("kind", TEXT) ","
                              "  " REVIEW_AS_OF ("held_on", DATE) " AS held_on, " REVIEW_AS_OF ("placement_continues", FLAG)
                              "  FROM review_ids LEFT JOIN review r ON r.id = review_ids.id"
                              /* Reviews count by the day they were held, as steps count by their
                               * day, whenever they were typed in; one deleted since is back,
                               * unless it was also added since. */
                              "  WHERE r.id IS NOT NULL"
                              "   OR coalesce ((SELECT action FROM audit WHERE table_name = 'review' AND record_id = review_ids.id"
                              "   AND id >= ?2 AND action IN ('insert', 'delete') ORDER BY id LIMIT 1), '') != 'insert') AS reviews"
                              " WHERE held_on <= ?1 ORDER BY held_on, id",
                              date, since, error)))
    return FALSE;
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      gint64 review_id = rp_stmt_column_int64 (stmt, 0);
      gint64 attendee_id = rp_stmt_column_int64 (stmt, 1);
      const char *kind = rp_stmt_column_text (stmt, 2);
      const char *held_on = rp_stmt_column_text (stmt, 3);
      ReviewsSeen *seen;

      if (held_on == NULL || !g_hash_table_contains (attendees, &attendee_id))
        continue;

      if (self->last_report != NULL && rp_date_compare (held_on, self->last_report) > 0)
        counts[RP_FOLLOW_UP_REVIEWS_SINCE]++;

      /* A review before the move (of an interim place, say) is not of this one. */
      if (!(seen = g_hash_table_lookup (moved, &attendee_id)) || rp_date_compare (held_on, seen->row->moved_on) < 0)
        continue;

      if (g_strcmp0 (kind, "follow-up") == 0 && seen->follow_up_held_on == NULL)
        seen->follow_up_held_on = g_strdup (held_on);
      g_free (seen->held_on);
      seen->held_on = g_strdup (held_on);
      seen->review_id = review_id;
      seen->row->placement_continues = rp_stmt_column_is_null (stmt, 4) ? -1 : rp_stmt_column_int (stmt, 4) != 0;
    }
  if (!finish_read (store, stmt, rc, error))
    return FALSE;

  g_hash_table_iter_init (&iter, moved);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ReviewsSeen *seen = value;

      /* The rule the attendee page and the attention markers use. */
      seen->row->follow_up = rp_follow_up_state (seen->row->moved_on, weeks, seen->follow_up_held_on, date, NULL);
      switch (seen->row->follow_up)
        {
        case RP_REVIEW_STATE_DONE:      counts[RP_FOLLOW_UP_REVIEWS_HELD]++; break;
        case RP_REVIEW_STATE_DUE:       counts[RP_FOLLOW_UP_REVIEWS_DUE]++; break;
        case RP_REVIEW_STATE_OVERDUE:   counts[RP_FOLLOW_UP_REVIEWS_OVERDUE]++; break;
        case RP_REVIEW_STATE_SCHEDULED:
        case RP_REVIEW_STATE_NONE:
        default:                        counts[RP_FOLLOW_UP_REVIEWS_NOT_YET_DUE]++; break;
        }
      if (seen->review_id != 0)
        g_hash_table_insert (latest, &seen->review_id, seen->row);
    }

  /* The ratings of each latest review, as they were then. */
  if (!(stmt = prepare_as_of (store,
                              "SELECT review_id, rating FROM review_outcome",
                              "WITH rating_ids (id) AS ("
                              "  SELECT id FROM review_outcome"
                              "  UNION SELECT record_id FROM audit WHERE table_name = 'review_outcome' AND action = 'delete' AND id >= ?2)"
                              " SELECT " RATING_AS_OF ("review_id", INTEGER) ", " RATING_AS_OF ("rating", TEXT)
                              "  FROM rating_ids LEFT JOIN review_outcome o ON o.id = rating_ids.id"
                              "  WHERE (o.id IS NOT NULL"
                              "   OR coalesce ((SELECT action FROM audit WHERE table_name = 'review_outcome' AND record_id = rating_ids.id"
                              "   AND id >= ?2 AND action IN ('insert', 'delete') ORDER BY id LIMIT 1), '') != 'insert')"
                              /* The day (?1) is not needed here, but a server must know the
                               * type of every parameter up to the last one. */
                              "   AND CAST (?1 AS TEXT) IS NOT NULL",
                              date, since, error)))
    return FALSE;
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      gint64 review_id = rp_stmt_column_int64 (stmt, 0);
      const char *rating = rp_stmt_column_text (stmt, 1);
      RpFollowUpRow *row = g_hash_table_lookup (latest, &review_id);

      if (row == NULL || rating == NULL)
        continue;

      if (g_str_equal (rating, "met"))
        {
          row->met++;
          counts[RP_FOLLOW_UP_MET]++;
        }
      else if (g_str_equal (rating, "partly-met"))
        {
          row->partly_met++;
          counts[RP_FOLLOW_UP_PARTLY_MET]++;
        }
      else if (g_str_equal (rating, "not-met"))
        {
          row->not_met++;
          counts[RP_FOLLOW_UP_NOT_MET]++;
        }
    }
  if (!finish_read (store, stmt, rc, error))
    return FALSE;

  counts[RP_FOLLOW_UP_OUTCOMES_TOTAL] = counts[RP_FOLLOW_UP_MET] + counts[RP_FOLLOW_UP_PARTLY_MET] +
                                        counts[RP_FOLLOW_UP_NOT_MET];
  return TRUE;
}

/* One thing a reader knows: the cells of @plus, less those of @minus, add up to @value. */
typedef struct
{
  guint  plus;    /* a bit per cell */
  guint  minus;
  gint64 value;
} CellSum;

/* Every cell of both summaries in one numbering (see FU()), with what the
 * document prints of each. */
static void
gather_cells (RpReport *self,
              guint     counts[N_ALL_CELLS],
              gboolean  suppressed[N_ALL_CELLS])
{
  for (int cell = 0; cell < N_CELLS; cell++)
    {
      counts[cell] = self->counts[cell];
      suppressed[cell] = self->suppressed[cell];
    }
  for (int cell = 0; cell < RP_FOLLOW_UP_N_CELLS; cell++)
    {
      counts[FU (cell)] = self->follow_up_counts[cell];
      suppressed[FU (cell)] = self->follow_up_suppressed[cell];
    }
}

/* What a reader can work out from the document, checked from the reader's
 * side as sdcTable does: each hidden cell lies between the bounds its label
 * gives ("<5": 0 to 4; "[c]": 5 or more), and some sums are known: the total,
 * and with a progress table the number of attendees still attending (its
 * rows) and of those who moved; with the follow-up summary, its outcomes'
 * total and that its reviews add up to those who moved. The bounds are
 * narrowed from each sum until nothing changes; a hidden cell whose bounds
 * meet can be recounted. */
static gboolean
cells_recoverable (const guint    counts[N_ALL_CELLS],
                   const gboolean suppressed[N_ALL_CELLS],
                   guint          suppress_below,
                   const CellSum *sums,
                   guint          n_sums)
{
  gint64 lo[N_ALL_CELLS], hi[N_ALL_CELLS];
  gboolean changed = TRUE;

  for (int cell = 0; cell < N_ALL_CELLS; cell++)
    {
      gboolean below = counts[cell] < suppress_below;
      /* A "[c]" is at most everyone its table counts. */
      guint most = cell >= FU (RP_FOLLOW_UP_MET) && cell <= FU (RP_FOLLOW_UP_NOT_MET)
                   ? counts[FU (RP_FOLLOW_UP_OUTCOMES_TOTAL)] : counts[CELL_TOTAL];

      lo[cell] = !suppressed[cell] ? counts[cell] : below ? 0 : suppress_below;
      hi[cell] = !suppressed[cell] ? counts[cell] : below ? suppress_below - 1 : MAX (most, suppress_below);
    }

  while (changed)
    {
      changed = FALSE;
      for (guint e = 0; e < n_sums; e++)
        for (int cell = 0; cell < N_ALL_CELLS; cell++)
          {
            gint64 plus_lo = 0, plus_hi = 0, minus_lo = 0, minus_hi = 0;
            gint64 new_lo, new_hi;
            gboolean in_plus = (sums[e].plus & 1u << cell) != 0;

            if (!in_plus && !(sums[e].minus & 1u << cell))
              continue;

            for (int other = 0; other < N_ALL_CELLS; other++)
              {
                if (other == cell)
                  continue;
                if (sums[e].plus & 1u << other)
                  {
                    plus_lo += lo[other];
                    plus_hi += hi[other];
                  }
                else if (sums[e].minus & 1u << other)
                  {
                    minus_lo += lo[other];
                    minus_hi += hi[other];
                  }
              }

            /* cell = value - others in plus + minus, or, when it is in
             * minus, cell = plus - value - other minus. */
            if (in_plus)
              {
                new_lo = MAX (lo[cell], sums[e].value - plus_hi + minus_lo);
                new_hi = MIN (hi[cell], sums[e].value - plus_lo + minus_hi);
              }
            else
              {
                new_lo = MAX (lo[cell], plus_lo - sums[e].value - minus_hi);
                new_hi = MIN (hi[cell], plus_hi - sums[e].value - minus_lo);
              }
            new_lo = MAX (new_lo, 0);
            new_hi = MAX (new_hi, 0);
            if (new_lo != lo[cell] || new_hi != hi[cell])
              {
                lo[cell] = new_lo;
                hi[cell] = new_hi;
                changed = TRUE;
              }
          }
    }

  for (int cell = 0; cell < N_ALL_CELLS; cell++)
    if (suppressed[cell] && lo[cell] >= hi[cell])
      return TRUE;

  return FALSE;
}

/* @with_progress: the progress table's sums are known too;
 * @with_follow_up: the follow-up summary is printed;
 * @follow_up_rows: the number of rows of the follow-up table, or -1 without it */
static gboolean
recoverable (RpReport *self,
             gboolean  with_progress,
             gboolean  with_follow_up,
             gint64    follow_up_rows)
{
  CellSum sums[6];
  guint n_sums = 0;
  guint counts[N_ALL_CELLS];
  gboolean suppressed[N_ALL_CELLS];
  guint steps = 0;

  gather_cells (self, counts, suppressed);
  for (int cell = 1; cell <= RP_MOVING_PLAN_LAST_STEP; cell++)
    steps |= 1u << cell;

  sums[n_sums++] = (CellSum) { steps | 1u << CELL_MOVED, 0, self->counts[CELL_TOTAL] };
  if (with_progress)
    {
      sums[n_sums++] = (CellSum) { steps, 0, self->counts[CELL_TOTAL] - self->counts[CELL_MOVED] };
      sums[n_sums++] = (CellSum) { 1u << CELL_MOVED, 0, self->counts[CELL_MOVED] };
    }
  if (with_follow_up)
    {
      sums[n_sums++] = (CellSum) { 1u << FU (RP_FOLLOW_UP_MET) | 1u << FU (RP_FOLLOW_UP_PARTLY_MET) |
                                   1u << FU (RP_FOLLOW_UP_NOT_MET), 0,
                                   self->follow_up_counts[RP_FOLLOW_UP_OUTCOMES_TOTAL] };
      sums[n_sums++] = (CellSum) { 1u << FU (RP_FOLLOW_UP_REVIEWS_HELD) | 1u << FU (RP_FOLLOW_UP_REVIEWS_DUE) |
                                   1u << FU (RP_FOLLOW_UP_REVIEWS_OVERDUE) | 1u << FU (RP_FOLLOW_UP_REVIEWS_NOT_YET_DUE),
                                   1u << CELL_MOVED, 0 };
    }
  if (follow_up_rows >= 0)
    sums[n_sums++] = (CellSum) { 1u << CELL_MOVED, 0, follow_up_rows };

  return cells_recoverable (counts, suppressed, self->suppress_below, sums, n_sums);
}

/* Small counts (1 to N-1) among @cells are hidden. While the document still
 * lets a reader recount a hidden cell (one hidden cell, say, and the total),
 * the smallest of @cells still shown is hidden too: a zero first, as "<N" is
 * true of it, else a larger count, printed "[c]". The totals are always shown. */
static void
suppress_cells (RpReport   *self,
                const int  *cells,
                guint       n_cells,
                gboolean    with_follow_up)
{
  guint counts[N_ALL_CELLS];
  gboolean suppressed[N_ALL_CELLS];

  if (self->suppress_below == 0)
    return;

  gather_cells (self, counts, suppressed);
  for (guint i = 0; i < n_cells; i++)
    if (counts[cells[i]] > 0 && counts[cells[i]] < self->suppress_below)
      suppressed[cells[i]] = TRUE;

  for (;;)
    {
      int smallest = -1;

      /* The check reads the report's own flags. */
      for (int cell = 0; cell < N_CELLS; cell++)
        self->suppressed[cell] = suppressed[cell];
      for (int cell = 0; cell < RP_FOLLOW_UP_N_CELLS; cell++)
        self->follow_up_suppressed[cell] = suppressed[FU (cell)];

      if (!recoverable (self, FALSE, with_follow_up, -1))
        break;

      for (guint i = 0; i < n_cells; i++)
        if (!suppressed[cells[i]] && (smallest < 0 || counts[cells[i]] < counts[smallest]))
          smallest = cells[i];

      if (smallest < 0)
        break;
      suppressed[smallest] = TRUE;
    }
}

/* The summary is decided alone, so it reads the same with or without the
 * follow-up summary; the follow-up summary then hides what it must so that
 * nothing hidden in either can be recounted from both. */
static void
suppress (RpReport *self)
{
  int summary_cells[CELL_TOTAL - 1];
  int follow_up_cells[RP_FOLLOW_UP_N_CELLS - 1];
  guint n = 0;

  for (int cell = 1; cell < CELL_TOTAL; cell++)
    summary_cells[cell - 1] = cell;
  suppress_cells (self, summary_cells, G_N_ELEMENTS (summary_cells), FALSE);

  if (!rp_report_includes (self, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY))
    return;

  for (int cell = RP_FOLLOW_UP_MET; cell <= RP_FOLLOW_UP_REVIEWS_NOT_YET_DUE; cell++)
    if (cell != RP_FOLLOW_UP_OUTCOMES_TOTAL)
      follow_up_cells[n++] = FU (cell);
  suppress_cells (self, follow_up_cells, n, TRUE);

  /* The counts since the last report are in no sum the document prints:
   * only the small ones are hidden. */
  for (int cell = RP_FOLLOW_UP_MOVES_SINCE; cell <= RP_FOLLOW_UP_REVIEWS_SINCE; cell++)
    if (self->suppress_below > 0 && self->follow_up_counts[cell] > 0 &&
        self->follow_up_counts[cell] < self->suppress_below)
      self->follow_up_suppressed[cell] = TRUE;
}

/**
 * rp_report_build:
 * @options: (nullable): what the report covers
 *
 * Builds the report as the data stood at the end of the chosen day: each
 * step from the step history, every other published value (status, note,
 * target date, outcome, the timetable) from the audit trail. It holds only
 * what may be published.
 *
 * Returns: (transfer full): the report, or %NULL
 */
RpReport *
rp_report_build (RpStore               *store,
                 gint64                 programme_id,
                 const RpReportOptions *options,
                 GError               **error)
{
  g_autoptr(RpReport) self = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (progress_row_free);
  gint64 since = 0;
  RpReportOptions defaults = { NULL };

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  if ((options->as_of != NULL && !rp_date_is_valid_iso (options->as_of)) ||
      (options->compare_with != NULL && !rp_date_is_valid_iso (options->compare_with)))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("The report date is not a real date."));
      return NULL;
    }

  if (!(programme = rp_store_get_programme (store, programme_id, error)))
    return NULL;

  /* Published text carries nothing a reader cannot see. */
  self = g_object_new (RP_TYPE_REPORT, NULL);
  self->programme_id = programme_id;
  self->programme = rp_text_strip_invisible (rp_programme_get_name (programme));
  self->title = rp_text_strip_invisible (rp_programme_get_report_title (programme) != NULL
                                         ? rp_programme_get_report_title (programme) : _("Reprovision Progress"));
  /* The front matter remembered for the programme, unless this export says otherwise. */
  self->as_of = options->as_of != NULL ? g_strdup (options->as_of)
                : rp_programme_get_report_as_of (programme) != NULL ? g_strdup (rp_programme_get_report_as_of (programme))
                : rp_store_dup_today (store);
  self->marking = rp_text_strip_invisible (options->marking != NULL ? options->marking
                                                                    : rp_programme_get_marking (programme));
  self->department = rp_text_strip_invisible (rp_programme_get_department (programme));
  self->author = rp_text_strip_invisible (rp_programme_get_author (programme));
  self->meeting = rp_text_strip_invisible (rp_programme_get_meeting (programme));
  self->meeting_date = g_strdup (rp_programme_get_meeting_date (programme));
  self->compare_with = g_strdup (options->compare_with);
  self->produced_on = rp_store_dup_today (store);
  self->suppress_below = options->suppress_below;
  self->without_steps = options->without_step_column;
  self->plain_utf8 = options->plain_utf8;
  self->with_summary = !options->without_summary;
  self->only_table = options->only_table;
  self->with_follow_up_table = !options->without_follow_up_table;

  if (!rp_store_find_as_of_cutoff (store, self->as_of, &since, error) ||
      !read_rows (store, programme_id, self->as_of, since, rows, error))
    return NULL;

  count_rows (rows, self->counts);

  if (!read_last_report (store, programme_id, self->as_of, &self->last_report, error) ||
      !read_follow_ups (self, store, rp_programme_get_follow_up_weeks (programme), rows, self->as_of, since, error))
    return NULL;

  if (options->compare_with != NULL)
    {
      g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func (progress_row_free);
      gint64 then_since = 0;
      guint then[N_CELLS];

      if (!rp_store_find_as_of_cutoff (store, options->compare_with, &then_since, error) ||
          !read_rows (store, programme_id, options->compare_with, then_since, earlier, error))
        return NULL;

      count_rows (earlier, then);
      for (int cell = 1; cell < N_CELLS; cell++)
        self->changes[cell] = (int) self->counts[cell] - (int) then[cell];
      self->has_comparison = TRUE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      RpProgressRow *row = g_ptr_array_index (rows, i);

      if (options->include_moved || row->outcome == RP_OUTCOME_ATTENDING)
        g_ptr_array_add (self->rows, g_steal_pointer (&rows->pdata[i]));
    }

  suppress (self);

  if (!(self->actions = rp_store_list_actions_as_of (store, programme_id, since, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (self->actions, i);
      g_autofree char *activity = rp_text_strip_invisible (rp_timetable_action_get_activity (action));
      g_autofree char *owner = rp_text_strip_invisible (rp_timetable_action_get_owner (action));
      g_autofree char *due_note = rp_text_strip_invisible (rp_timetable_action_get_due_note (action));

      rp_timetable_action_set_activity (action, activity);
      rp_timetable_action_set_owner (action, owner);
      rp_timetable_action_set_due_note (action, due_note);

      /* The days were read for this report alone: their providers' names
       * are printed, so they are cleaned like every other published text. */
      for (guint j = 0; j < rp_timetable_action_get_n_taster_days (action); j++)
        {
          RpTasterDay *day = rp_timetable_action_get_taster_day (action, j);
          g_autofree char *provider = rp_text_strip_invisible (rp_taster_day_get_provider_name (day));

          rp_taster_day_set_provider_name (day, provider);
        }
    }

  return g_steal_pointer (&self);
}

const char *
rp_report_get_title (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->title;
}

const char *
rp_report_get_programme (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->programme;
}

const char *
rp_report_get_as_of (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->as_of;
}

const char *
rp_report_get_marking (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->marking;
}

/* The front matter: each %NULL where the programme has none. */
const char *
rp_report_get_department (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->department;
}

const char *
rp_report_get_author (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->author;
}

const char *
rp_report_get_meeting (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->meeting;
}

const char *
rp_report_get_meeting_date (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->meeting_date;
}

guint
rp_report_get_n_rows (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), 0);
  return self->rows->len;
}

const RpProgressRow *
rp_report_get_row (RpReport *self,
                   guint     index)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

/**
 * rp_report_get_actions:
 * Returns: (transfer none): the closure timetable, a #GListModel of #RpTimetableAction
 */
GListModel *
rp_report_get_actions (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->actions;
}

/**
 * rp_report_get_count:
 * @step: 1 to 6 for attendees at a step, 7 for moved on, 8 for the total
 */
guint
rp_report_get_count (RpReport *self,
                     int       step)
{
  g_return_val_if_fail (RP_IS_REPORT (self), 0);
  g_return_val_if_fail (step >= 1 && step < N_CELLS, 0);
  return self->counts[step];
}

guint
rp_report_get_moved (RpReport *self)
{
  return rp_report_get_count (self, CELL_MOVED);
}

/**
 * rp_report_includes:
 * Returns: whether a document of the report includes @table
 */
gboolean
rp_report_includes (RpReport      *self,
                    RpReportTable  table)
{
  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);

  if ((table == RP_REPORT_TABLE_SUMMARY || table == RP_REPORT_TABLE_FOLLOW_UP_SUMMARY) && !self->with_summary)
    return FALSE;
  if (table == RP_REPORT_TABLE_FOLLOW_UP && !self->with_follow_up_table)
    return FALSE;
  /* The follow-up summary is part of the summary: "summary only" prints it too. */
  if (table == RP_REPORT_TABLE_FOLLOW_UP_SUMMARY && self->only_table == RP_REPORT_TABLE_SUMMARY)
    return TRUE;

  return self->only_table == RP_REPORT_TABLE_ALL || self->only_table == table;
}

gboolean
rp_report_has_comparison (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);
  return self->has_comparison;
}

/**
 * rp_report_get_change:
 * Returns: the change in the count since the comparison date
 */
int
rp_report_get_change (RpReport *self,
                      int       step)
{
  g_return_val_if_fail (RP_IS_REPORT (self), 0);
  g_return_val_if_fail (step >= 1 && step < N_CELLS, 0);
  return self->changes[step];
}

/**
 * rp_report_format_count:
 *
 * Returns: (transfer full): the count as printed: "4", or "<5" when suppressed
 */
char *
rp_report_format_count (RpReport *self,
                        int       step)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  g_return_val_if_fail (step >= 1 && step < N_CELLS, NULL);

  /* A cell hidden only so that another cannot be recounted is not small:
   * "<N" would be untrue of it. */
  if (self->suppressed[step] && self->counts[step] >= self->suppress_below)
    return g_strdup ("[c]");
  if (self->suppressed[step])
    return g_strdup_printf ("<%u", self->suppress_below);

  return g_strdup_printf ("%u", self->counts[step]);
}

/**
 * rp_report_format_status:
 * Returns: (transfer full): "Attendee (ASC)" or "Attendee (Health)", as the report prints it
 */
char *
rp_report_format_status (const RpProgressRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  /* Translators: the status column of the published progress table */
  return g_strdup_printf (_("Attendee (%s)"), rp_funding_get_label (row->funding));
}

/**
 * rp_report_format_note:
 * Returns: (transfer full): the published note with the target date or move after it
 */
char *
rp_report_format_note (const RpProgressRow *row)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *target = NULL;
  g_autofree char *addition = NULL;

  g_return_val_if_fail (row != NULL, NULL);

  text = g_string_new (row->report_note != NULL ? row->report_note : "");
  if (row->outcome == RP_OUTCOME_MOVED)
    moved = rp_date_format_short (row->outcome_date);
  else
    target = rp_date_format_short (row->target_date);

  if (moved != NULL)
    /* Translators: added to a published note */
    addition = g_strdup_printf (_("Moved on %s."), moved);
  else if (target != NULL)
    /* Translators: added to a published note */
    addition = g_strdup_printf (_("Target moving date %s."), target);

  if (addition != NULL)
    {
      if (text->len > 0 && !g_str_has_suffix (text->str, "."))
        g_string_append_c (text, '.');
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, addition);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * rp_name_place:
 *
 * Returns: (transfer full): how a confirmation names the place of a
 *   published text: "attendee/12/report_note"
 */
char *
rp_name_place (const char *table_name,
               gint64      record_id,
               const char *field)
{
  g_return_val_if_fail (table_name != NULL && field != NULL, NULL);
  return g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%s", table_name, record_id, field);
}

void
rp_name_finding_free (RpNameFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->place);
  g_free (finding->text);
  g_free (finding->known);
  g_free (finding);
}

/**
 * rp_name_finding_describe:
 *
 * Returns: (transfer full): which text it is, in words, without the name:
 *   "the report note of attendee 4"
 */
char *
rp_name_finding_describe (const RpNameFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  switch (finding->field)
    {
    case RP_PUBLISHED_REPORT_NOTE:
      return g_strdup_printf (_("the report note of attendee %d"), finding->number);
    case RP_PUBLISHED_ACTIVITY:
      return g_strdup_printf (_("the activity of closure action %d in the timetable"), finding->number);
    case RP_PUBLISHED_TASK_OWNER:
      return g_strdup_printf (_("the task owner of closure action %d in the timetable"), finding->number);
    case RP_PUBLISHED_DUE_NOTE:
      return g_strdup_printf (_("the due note of closure action %d in the timetable"), finding->number);
    case RP_PUBLISHED_DUE_PROVIDER:
      return g_strdup_printf (_("a provider’s name printed with the taster days of closure action %d in the timetable"),
                              finding->number);
    case RP_PUBLISHED_REPORT_TITLE:
      return g_strdup (_("the report title"));
    case RP_PUBLISHED_PROGRAMME_NAME:
      return g_strdup (_("the programme’s name"));
    case RP_PUBLISHED_DEPARTMENT:
      return g_strdup (_("the council or department"));
    case RP_PUBLISHED_AUTHOR:
      return g_strdup (_("the author or contact"));
    case RP_PUBLISHED_MEETING:
      return g_strdup (_("the meeting"));
    case RP_PUBLISHED_MARKING:
    default:
      return g_strdup (_("the protective marking"));
    }
}

/* How the command line names the text, as in "4:note" or "timetable:3:owner";
 * NULL for the protective marking, which is typed for each export and cannot
 * be confirmed. */
char *
rp_name_finding_get_handle (const RpNameFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  switch (finding->field)
    {
    case RP_PUBLISHED_REPORT_NOTE:
      return g_strdup_printf ("%d:note", finding->number);
    case RP_PUBLISHED_ACTIVITY:
      return g_strdup_printf ("timetable:%d:activity", finding->number);
    case RP_PUBLISHED_TASK_OWNER:
      return g_strdup_printf ("timetable:%d:owner", finding->number);
    case RP_PUBLISHED_DUE_NOTE:
    case RP_PUBLISHED_DUE_PROVIDER:
      return g_strdup_printf ("timetable:%d:due", finding->number);
    case RP_PUBLISHED_REPORT_TITLE:
      return g_strdup ("title");
    case RP_PUBLISHED_PROGRAMME_NAME:
      return g_strdup ("programme");
    case RP_PUBLISHED_DEPARTMENT:
      return g_strdup ("department");
    case RP_PUBLISHED_AUTHOR:
      return g_strdup ("author");
    case RP_PUBLISHED_MEETING:
      return g_strdup ("meeting");
    case RP_PUBLISHED_MARKING:
    default:
      return NULL;
    }
}

/**
 * rp_name_finding_get_word:
 *
 * Returns: (transfer full): the flagged word in the form a confirmation keeps
 */
char *
rp_name_finding_get_word (const RpNameFinding *finding)
{
  RpNameMatch match = { 0 };

  g_return_val_if_fail (finding != NULL, NULL);

  match.start = finding->start;
  match.end = finding->end;
  return rp_name_index_confirmation_word (finding->text, &match);
}

/**
 * rp_name_finding_get_word_position:
 *
 * Returns: which word of the text it is, counting from 1
 */
guint
rp_name_finding_get_word_position (const RpNameFinding *finding)
{
  g_return_val_if_fail (finding != NULL, 0);
  return rp_name_index_word_position (finding->text, finding->start);
}

/* Called for each text the report publishes that a person wrote, until it
 * returns %FALSE. */
typedef gboolean (*PublishedFunc) (RpPublishedField  field,
                                   int               number,
                                   const char       *table_name,
                                   gint64            record_id,
                                   const char       *column,
                                   const char       *text,
                                   gpointer          user_data);

/* What the linked taster days of an action add to its printed due text
 * that anyone wrote: the providers' names (as of the report's day). The
 * rest, day numbers, months and "tbc", is the app's own, and is not
 * checked, so that "9 May" is not taken for someone called May. */
static gboolean
for_each_linked_provider (RpTimetableAction *action,
                          int                number,
                          PublishedFunc      func,
                          gpointer           user_data)
{
  /* A completed action prints "Completed", not its days. */
  if (rp_timetable_action_get_status (action) == RP_ACTION_COMPLETED)
    return TRUE;

  for (guint i = 0; i < rp_timetable_action_get_n_taster_days (action); i++)
    {
      RpTasterDay *day = rp_timetable_action_get_taster_day (action, i);

      if (!func (RP_PUBLISHED_DUE_PROVIDER, number, "provider", rp_taster_day_get_provider_id (day), "name",
                 rp_taster_day_get_provider_name (day), user_data))
        return FALSE;
    }

  return TRUE;
}

/* Every text the report prints that a person wrote — report notes, the
 * timetable's activities, task owners, due notes and the providers' names
 * printed with linked taster days, the report title, the programme's name,
 * the council or department, the author or contact, the meeting and the
 * protective marking — in the order they are checked. The follow-up table
 * and summary print no text anyone wrote (only numbers, months and the
 * app's own words), so there is nothing of theirs here. */
static void
for_each_published_text (RpReport      *self,
                         PublishedFunc  func,
                         gpointer       user_data)
{
  if (!func (RP_PUBLISHED_REPORT_TITLE, 0, "programme", self->programme_id, "report_title", self->title, user_data) ||
      !func (RP_PUBLISHED_PROGRAMME_NAME, 0, "programme", self->programme_id, "name", self->programme, user_data) ||
      !func (RP_PUBLISHED_DEPARTMENT, 0, "programme", self->programme_id, "department", self->department, user_data) ||
      !func (RP_PUBLISHED_AUTHOR, 0, "programme", self->programme_id, "author", self->author, user_data) ||
      !func (RP_PUBLISHED_MEETING, 0, "programme", self->programme_id, "meeting", self->meeting, user_data) ||
      !func (RP_PUBLISHED_MARKING, 0, NULL, 0, NULL, self->marking, user_data))
    return;

  if (rp_report_includes (self, RP_REPORT_TABLE_TIMETABLE))
    for (guint i = 0; i < g_list_model_get_n_items (self->actions); i++)
      {
        g_autoptr(RpTimetableAction) action = g_list_model_get_item (self->actions, i);
        gint64 id = rp_timetable_action_get_id (action);

        /* The due note too: "After the Morgans are back" is published. */
        if (!func (RP_PUBLISHED_ACTIVITY, i + 1, "timetable_action", id, "activity",
                   rp_timetable_action_get_activity (action), user_data) ||
            !func (RP_PUBLISHED_TASK_OWNER, i + 1, "timetable_action", id, "owner",
                   rp_timetable_action_get_owner (action), user_data) ||
            !func (RP_PUBLISHED_DUE_NOTE, i + 1, "timetable_action", id, "due_note",
                   rp_timetable_action_get_due_note (action), user_data) ||
            !for_each_linked_provider (action, i + 1, func, user_data))
          return;
      }

  if (rp_report_includes (self, RP_REPORT_TABLE_PROGRESS))
    for (guint i = 0; i < self->rows->len; i++)
      {
        RpProgressRow *row = g_ptr_array_index (self->rows, i);

        if (!func (RP_PUBLISHED_REPORT_NOTE, row->number, "attendee", row->attendee_id, "report_note",
                   row->report_note, user_data))
          return;
      }
}

typedef struct
{
  RpNameIndex    *names;
  RpNameFinding  *found;
} CheckData;

static gboolean
check_text (RpPublishedField  field,
            int               number,
            const char       *table_name,
            gint64            record_id,
            const char       *column,
            const char       *text,
            gpointer          user_data)
{
  CheckData *check = user_data;
  g_autofree char *place = table_name != NULL ? rp_name_place (table_name, record_id, column) : NULL;
  RpNameMatch match;
  RpNameFinding *found;

  if (!rp_name_index_match (check->names, place, text, &match))
    return TRUE;

  found = g_new0 (RpNameFinding, 1);
  found->field = field;
  found->number = number;
  found->place = g_steal_pointer (&place);
  found->text = g_strdup (text);
  found->start = match.start;
  found->end = match.end;
  found->known = g_strdup (match.known);
  check->found = found;
  return FALSE;
}

typedef struct
{
  GPtrArray *words;
  GPtrArray *places;
  GPtrArray *digests;
} Published;

static gboolean
collect_published (RpPublishedField  field,
                   int               number,
                   const char       *table_name,
                   gint64            record_id,
                   const char       *column,
                   const char       *text,
                   gpointer          user_data)
{
  Published *published = user_data;
  g_auto(GStrv) words = rp_name_index_text_words (text);

  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (published->words, g_steal_pointer (&words[i]));
  if (table_name != NULL && text != NULL)
    {
      g_ptr_array_add (published->places, rp_name_place (table_name, record_id, column));
      g_ptr_array_add (published->digests, rp_name_index_digest_text (text));
    }
  return TRUE;
}

/**
 * rp_report_build_name_index:
 * @store: the database the report was built from
 *
 * The names rp_report_check_names() looks for. A login that may read names
 * gets every personal name the database knows (rp_store_build_name_index());
 * a reports login on a team database, which never receives a name, gets
 * only the words of this report's published texts that the server says are
 * parts of names (the words it already has), with the confirmations for
 * those texts: the check then finds the same words.
 *
 * Returns: (transfer full): the index, or %NULL on error
 */
RpNameIndex *
rp_report_build_name_index (RpReport  *self,
                            RpStore   *store,
                            GError   **error)
{
  Published published;
  RpNameIndex *index;

  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  if (rp_store_get_team_role (store) != RP_TEAM_ROLE_REPORTS)
    return rp_store_build_name_index (store, self->programme_id, error);

  published.words = g_ptr_array_new_with_free_func (g_free);
  published.places = g_ptr_array_new_with_free_func (g_free);
  published.digests = g_ptr_array_new_with_free_func (g_free);

  for_each_published_text (self, collect_published, &published);
  g_ptr_array_add (published.words, NULL);
  g_ptr_array_add (published.places, NULL);
  g_ptr_array_add (published.digests, NULL);
  index = rp_store_build_name_index_for_words (store, self->programme_id,
                                               (const char * const *) published.words->pdata,
                                               (const char * const *) published.places->pdata,
                                               (const char * const *) published.digests->pdata,
                                               error);
  g_ptr_array_unref (published.words);
  g_ptr_array_unref (published.places);
  g_ptr_array_unref (published.digests);
  return index;
}

/**
 * rp_report_check_names:
 * @names: every personal name the database knows (rp_report_build_name_index())
 * @finding: (out) (optional) (transfer full): the first text that names someone
 *
 * Stops any export that would publish a name: every text the report prints
 * that a person wrote is checked (for_each_published_text() says which).
 * The error says which text, never the name.
 *
 * Returns: %TRUE if no published text names anyone
 */
gboolean
rp_report_check_names (RpReport       *self,
                       RpNameIndex    *names,
                       RpNameFinding **finding,
                       GError        **error)
{
  g_autoptr(RpNameFinding) found = NULL;
  g_autofree char *where = NULL;
  g_autofree char *handle = NULL;
  CheckData check = { names, NULL };

  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);
  g_return_val_if_fail (names != NULL, FALSE);

  for_each_published_text (self, check_text, &check);
  found = check.found;

  if (found == NULL)
    return TRUE;

  where = rp_name_finding_describe (found);
  handle = rp_name_finding_get_handle (found);
  if (handle != NULL)
    /* Translators: the first %s is a text, as in "the report note of attendee 4";
     * the last is how the command line names it, as in "4:note" */
    g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                 _("Word %u of %s matches the name of a person the programme knows. Reports must not identify anyone: "
                   "edit the text, then export again. If that word is an ordinary word there and not a name, confirm it "
                   "with --confirm-not-a-name %s=WORD."),
                 rp_name_finding_get_word_position (found), where, handle);
  else
    g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                 _("Word %u of %s matches the name of a person the programme knows. Reports must not identify anyone: "
                   "choose another marking."),
                 rp_name_finding_get_word_position (found), where);

  if (finding != NULL)
    *finding = g_steal_pointer (&found);
  return FALSE;
}

/**
 * rp_report_check_names_confirming:
 * @confirmations: (nullable) (array zero-terminated=1): "HANDLE=WORD" pairs,
 *   as in "4:note=Grant": the word someone says is not a name in that text
 *
 * Like rp_report_check_names(), but where the first text that names someone
 * is one of @confirmations and its flagged word is the one given, records
 * the confirmation in @store (who and when, in the audit trail) and goes on.
 * A confirmation is only taken for the word the check actually flagged, so
 * nobody confirms a word they have not looked at.
 *
 * Returns: %TRUE if, with the confirmations, no published text names anyone
 */
gboolean
rp_report_check_names_confirming (RpReport            *self,
                                  RpStore             *store,
                                  RpNameIndex         *names,
                                  const char * const  *confirmations,
                                  RpNameFinding      **finding,
                                  GError             **error)
{
  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (names != NULL, FALSE);

  for (;;)
    {
      g_autoptr(RpNameFinding) found = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autofree char *handle = NULL;
      g_autofree char *word = NULL;
      g_autofree char *text_digest = NULL;
      gboolean confirmed = FALSE;

      if (rp_report_check_names (self, names, &found, &check_error))
        return TRUE;

      handle = rp_name_finding_get_handle (found);
      word = rp_name_finding_get_word (found);

      for (guint i = 0; handle != NULL && confirmations != NULL && confirmations[i] != NULL; i++)
        {
          const char *equals = strchr (confirmations[i], '=');
          g_autofree char *given = NULL;

          if (equals == NULL || strlen (handle) != (gsize) (equals - confirmations[i]) ||
              strncmp (handle, confirmations[i], equals - confirmations[i]) != 0)
            continue;

          given = rp_name_index_fold (equals + 1, -1);
          if (g_strcmp0 (given, word) == 0)
            confirmed = TRUE;
        }

      if (!confirmed)
        {
          if (finding != NULL)
            *finding = g_steal_pointer (&found);
          g_propagate_error (error, g_steal_pointer (&check_error));
          return FALSE;
        }

      if (!rp_store_confirm_not_a_name (store, self->programme_id, found->place, found->text, word, error))
        return FALSE;

      text_digest = rp_name_index_digest_text (found->text);
      rp_name_index_add_confirmation (names, found->place, text_digest, word);
    }
}

/**
 * rp_report_to_csv:
 *
 * Returns: (transfer full): one table as RFC 4180 CSV in UTF-8. The
 *   progress table has separate columns for the step and its name and an
 *   ISO 8601 target date, for spreadsheets.
 */
char *
rp_report_to_csv (RpReport      *self,
                  RpReportTable  table)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (RP_IS_REPORT (self), NULL);

  switch (table)
    {
    case RP_REPORT_TABLE_ALL:
    case RP_REPORT_TABLE_PROGRESS:
      {
        const char * const header[] = {
          "attendee_no", "status", "step", "step_name", "report_note", "target_moving_date",
        };
        const char * const header_without_steps[] = {
          "attendee_no", "status", "report_note", "target_moving_date",
        };

        if (self->without_steps)
          rp_csv_append_row (out, header_without_steps, G_N_ELEMENTS (header_without_steps));
        else
          rp_csv_append_row (out, header, G_N_ELEMENTS (header));
        for (guint i = 0; i < self->rows->len; i++)
          {
            RpProgressRow *row = g_ptr_array_index (self->rows, i);
            g_autofree char *number = g_strdup_printf ("%d", row->number);
            g_autofree char *step = g_strdup_printf ("%d", row->step);
            const char *fields[] = {
              number, rp_funding_get_label (row->funding), step, rp_moving_plan_step_name (row->step),
              row->report_note, row->target_date,
            };
            const char *fields_without_steps[] = {
              number, rp_funding_get_label (row->funding), row->report_note, row->target_date,
            };

            if (self->without_steps)
              rp_csv_append_row (out, fields_without_steps, G_N_ELEMENTS (fields_without_steps));
            else
              rp_csv_append_row (out, fields, G_N_ELEMENTS (fields));
          }
      }
      break;

    case RP_REPORT_TABLE_TIMETABLE:
      {
        const char * const header[] = { "activity", "task_owner", "due_date", "due", "status" };

        rp_csv_append_row (out, header, G_N_ELEMENTS (header));
        for (guint i = 0; i < g_list_model_get_n_items (self->actions); i++)
          {
            g_autoptr(RpTimetableAction) action = g_list_model_get_item (self->actions, i);
            g_autofree char *due = rp_timetable_action_format_due (action);
            const char *fields[] = {
              rp_timetable_action_get_activity (action), rp_timetable_action_get_owner (action),
              rp_timetable_action_get_due_date (action), due,
              rp_action_status_get_label (rp_timetable_action_get_status (action)),
            };

            rp_csv_append_row (out, fields, G_N_ELEMENTS (fields));
          }
      }
      break;

    case RP_REPORT_TABLE_FOLLOW_UP:
      {
        const char * const header[] = {
          "attendee_no", "moved_month", "interim", "follow_up_review", "outcomes_met", "outcomes_partly_met",
          "outcomes_not_met", "placement_continues",
        };
        static const char * const states[] = {
          [RP_REVIEW_STATE_NONE] = "not-yet-due", [RP_REVIEW_STATE_SCHEDULED] = "not-yet-due",
          [RP_REVIEW_STATE_DUE] = "due", [RP_REVIEW_STATE_OVERDUE] = "overdue", [RP_REVIEW_STATE_DONE] = "held",
        };

        rp_csv_append_row (out, header, G_N_ELEMENTS (header));
        for (guint i = 0; i < self->follow_ups->len; i++)
          {
            RpFollowUpRow *row = g_ptr_array_index (self->follow_ups, i);
            g_autofree char *number = g_strdup_printf ("%d", row->number);
            /* The month only, in ISO form: "2026-03". */
            g_autofree char *month = g_strndup (row->moved_on, 7);
            g_autofree char *met = g_strdup_printf ("%u", row->met);
            g_autofree char *partly = g_strdup_printf ("%u", row->partly_met);
            g_autofree char *not_met = g_strdup_printf ("%u", row->not_met);
            const char *fields[] = {
              number, month, row->interim ? "yes" : "no", states[row->follow_up], met, partly, not_met,
              row->placement_continues < 0 ? NULL : row->placement_continues ? "yes" : "no",
            };

            rp_csv_append_row (out, fields, G_N_ELEMENTS (fields));
          }
      }
      break;

    case RP_REPORT_TABLE_FOLLOW_UP_SUMMARY:
      {
        const char * const header[] = { "measure", "label", "count", "since" };
        static const char * const keys[] = {
          "outcomes_met", "outcomes_partly_met", "outcomes_not_met", "outcomes_rated", "reviews_held",
          "reviews_due", "reviews_overdue", "reviews_not_yet_due", "moves_since_last_report",
          "reviews_held_since_last_report",
        };
        G_STATIC_ASSERT (G_N_ELEMENTS (keys) == RP_FOLLOW_UP_N_CELLS);

        rp_csv_append_row (out, header, G_N_ELEMENTS (header));
        for (int cell = 0; cell < RP_FOLLOW_UP_N_CELLS; cell++)
          {
            gboolean since = cell >= RP_FOLLOW_UP_MOVES_SINCE;
            /* With no earlier report there is nothing to count since. */
            g_autofree char *count = since && self->last_report == NULL ? NULL
                                     : rp_report_format_follow_up_count (self, cell);
            const char *fields[] = { keys[cell], rp_report_follow_up_cell_label (cell), count,
                                     since ? self->last_report : NULL };

            rp_csv_append_row (out, fields, G_N_ELEMENTS (fields));
          }
      }
      break;

    case RP_REPORT_TABLE_SUMMARY:
    default:
      {
        g_autofree char *change_heading = rp_report_format_change_heading (self);
        const char * const header[] = { "step", "step_name", "attendees", change_heading != NULL ? change_heading : "change" };

        rp_csv_append_row (out, header, G_N_ELEMENTS (header));
        for (int cell = 1; cell < N_CELLS; cell++)
          {
            g_autofree char *step = cell <= RP_MOVING_PLAN_LAST_STEP ? g_strdup_printf ("%d", cell) : NULL;
            g_autofree char *count = rp_report_format_count (self, cell);
            g_autofree char *change = self->has_comparison ? g_strdup_printf ("%+d", self->changes[cell]) : NULL;
            const char *name = cell <= RP_MOVING_PLAN_LAST_STEP ? rp_moving_plan_step_name (cell)
                               : cell == CELL_MOVED ? _("Moved to new provision") : _("Total");
            const char *fields[] = { step, name, count, self->suppressed[cell] ? NULL : change };

            rp_csv_append_row (out, fields, G_N_ELEMENTS (fields));
          }
      }
      break;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * rp_report_is_hidden:
 * @step: 1 to 6, 7 for moved on, 8 for the total
 *
 * Returns: whether the count is hidden, as "<5" or "[c]"
 */
gboolean
rp_report_is_hidden (RpReport *self,
                     int       step)
{
  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);
  g_return_val_if_fail (step >= 1 && step < N_CELLS, FALSE);
  return self->suppressed[step];
}

/**
 * rp_report_get_with_step_column:
 * Returns: whether the progress table shows each attendee's step
 */
gboolean
rp_report_get_with_step_column (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);
  return !self->without_steps;
}

/**
 * rp_report_get_plain_utf8:
 * Returns: whether CSV files of the report are written without a byte-order mark
 */
gboolean
rp_report_get_plain_utf8 (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);
  return self->plain_utf8;
}

/**
 * rp_report_get_produced_on:
 * Returns: the ISO date the report was made, which may differ from its as-of date
 */
const char *
rp_report_get_produced_on (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->produced_on;
}

/**
 * rp_report_format_produced:
 *
 * Returns: (transfer full): the provenance line every published page
 *   carries: "Produced by Reprovision on 4 December 2026"
 */
char *
rp_report_format_produced (RpReport *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (RP_IS_REPORT (self), NULL);

  if (!(date = rp_date_format_medium (self->produced_on)))
    return g_strdup (_("Produced by Reprovision"));

  /* Translators: the provenance line at the foot of every published page, "Produced by Reprovision on 4 December 2026" */
  return g_strdup_printf (_("Produced by Reprovision on %s"), date);
}

/**
 * rp_report_format_change_heading:
 *
 * Returns: (transfer full) (nullable): the heading of the change column,
 *   which says what the change is measured from: "Change since 1 September
 *   2023"; %NULL when the report compares with no earlier date
 */
char *
rp_report_format_change_heading (RpReport *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (RP_IS_REPORT (self), NULL);

  if (!self->has_comparison || !(date = rp_date_format_medium (self->compare_with)))
    return NULL;

  /* Translators: heads the column of changes in the summary, "Change since 1 September 2023" */
  return g_strdup_printf (_("Change since %s"), date);
}

/**
 * rp_report_hidden_counts_recoverable:
 *
 * Checks the document from a reader's side: can any hidden summary count be
 * worked out from the rest of it, the progress table included?
 *
 * Returns: %TRUE if counts are hidden and at least one can be recounted
 */
gboolean
rp_report_hidden_counts_recoverable (RpReport *self)
{
  gboolean summary_hidden = FALSE;
  gboolean follow_up_hidden = FALSE;
  gboolean with_follow_up = rp_report_includes (self, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY);
  gboolean with_table = rp_report_includes (self, RP_REPORT_TABLE_FOLLOW_UP);

  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);

  if (rp_report_includes (self, RP_REPORT_TABLE_SUMMARY))
    for (int cell = 1; cell < CELL_TOTAL; cell++)
      summary_hidden |= self->suppressed[cell];
  if (with_follow_up)
    for (int cell = RP_FOLLOW_UP_MET; cell <= RP_FOLLOW_UP_REVIEWS_NOT_YET_DUE; cell++)
      follow_up_hidden |= self->follow_up_suppressed[cell];

  if (!summary_hidden && !follow_up_hidden)
    return FALSE;

  /* With the step column every step can be counted row by row. */
  if (summary_hidden && rp_report_includes (self, RP_REPORT_TABLE_PROGRESS) && !self->without_steps)
    return TRUE;
  /* Appendix 3 has a row for each person who moved, with their review and ratings. */
  if (follow_up_hidden && with_table)
    return TRUE;

  return recoverable (self, rp_report_includes (self, RP_REPORT_TABLE_PROGRESS), with_follow_up,
                      with_table ? (gint64) self->follow_ups->len : -1);
}

/**
 * rp_report_describe_suppression:
 *
 * Returns: (transfer full) (nullable): what hiding small counts protects in
 *   this report and what it does not, in plain words; %NULL when no count
 *   is hidden
 */
char *
rp_report_describe_suppression (RpReport *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (RP_IS_REPORT (self), NULL);

  if (self->suppress_below == 0 || !rp_report_includes (self, RP_REPORT_TABLE_SUMMARY))
    return NULL;

  text = g_string_new (NULL);
  if (rp_report_includes (self, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY))
    g_string_append_printf (text,
                            _("Small counts: in the summary and the follow-up summary, counts from 1 to %u are shown as “<%u”, as are the counts since the last report. Where a total would still give one away, a further count is hidden too: a 0 as “<%u”, a larger count as “[c]”. This protects the summary tables only."),
                            self->suppress_below - 1, self->suppress_below, self->suppress_below);
  else
    g_string_append_printf (text,
                            _("Small counts: in the summary, counts from 1 to %u are shown as “<%u”. Where the total would still give one away, a further count is hidden too: a 0 as “<%u”, a larger count as “[c]”. This protects the summary table only."),
                            self->suppress_below - 1, self->suppress_below, self->suppress_below);
  g_string_append_c (text, ' ');

  if (rp_report_hidden_counts_recoverable (self))
    {
      gboolean summary_hidden = FALSE;

      for (int cell = 1; cell < CELL_TOTAL; cell++)
        summary_hidden |= self->suppressed[cell];

      /* Say what gives them away: the steps first, as they give away the most. */
      if (summary_hidden && rp_report_includes (self, RP_REPORT_TABLE_PROGRESS) && !self->without_steps)
        g_string_append (text, _("Warning: the progress table in this report lists each attendee’s step, so every hidden count can be recounted from it. This report does not protect small groups."));
      else if (rp_report_includes (self, RP_REPORT_TABLE_FOLLOW_UP))
        g_string_append (text, _("Warning: the follow-up table in this report has a row for each person who moved, with their review and ratings, so hidden counts can be recounted from it. This report does not protect small groups."));
      else
        g_string_append (text, _("Warning: the progress table in this report shows how many attendees are still attending and how many have moved, so hidden counts can be worked out from it. This report does not protect small groups."));
    }
  else if (rp_report_includes (self, RP_REPORT_TABLE_PROGRESS))
    g_string_append (text, _("The progress table leaves out each attendee’s step, and no hidden count can be worked out from this report. Its notes are not checked for steps: a note that names a step can still give one away."));
  else
    g_string_append (text, _("The progress table is left out, and no hidden count can be worked out from this report."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * rp_report_describe_tables:
 *
 * Returns: (transfer full): the tables a document of the report holds, for
 *   the export history: "summary, timetable, progress without steps"
 */
char *
rp_report_describe_tables (RpReport *self)
{
  const char *tables[6] = { NULL };
  guint n = 0;

  g_return_val_if_fail (RP_IS_REPORT (self), NULL);

  if (rp_report_includes (self, RP_REPORT_TABLE_SUMMARY))
    tables[n++] = "summary";
  if (rp_report_includes (self, RP_REPORT_TABLE_TIMETABLE))
    tables[n++] = "timetable";
  if (rp_report_includes (self, RP_REPORT_TABLE_PROGRESS))
    tables[n++] = self->without_steps ? "progress without steps" : "progress";
  if (rp_report_includes (self, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY))
    tables[n++] = "follow-up summary";
  if (rp_report_includes (self, RP_REPORT_TABLE_FOLLOW_UP))
    tables[n++] = "follow-up";

  return g_strjoinv (", ", (char **) tables);
}

/**
 * rp_report_record_export:
 * @kind: "report" for a file, "print" for the printer
 * @format: "pdf", "xlsx", "csv" or "print"
 * @path: (nullable): the file or folder written; only its base name is kept
 * @reason: (nullable): why, as the user wrote it
 *
 * Records in the export history what this report published: its tables,
 * dates and suppression. Call it when the file is complete.
 */
gboolean
rp_report_record_export (RpReport    *self,
                         RpStore     *store,
                         const char  *kind,
                         const char  *format,
                         const char  *path,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *tables = NULL;
  RpExportDetails details = { 0 };

  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);
  g_return_val_if_fail (RP_IS_STORE (store), FALSE);

  tables = rp_report_describe_tables (self);
  details.programme_id = self->programme_id;
  details.kind = kind;
  details.format = format;
  details.tables = tables;
  details.as_of = self->as_of;
  details.compare_with = self->compare_with;
  details.suppress_below = self->suppress_below;
  details.path = path;
  details.reason = reason;
  return rp_store_record_export (store, &details, error);
}

/**
 * rp_report_get_n_follow_ups:
 * Returns: how many people had moved by the report's date: the rows of Appendix 3
 */
guint
rp_report_get_n_follow_ups (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), 0);
  return self->follow_ups->len;
}

const RpFollowUpRow *
rp_report_get_follow_up (RpReport *self,
                         guint     index)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->follow_ups->len, NULL);
  return g_ptr_array_index (self->follow_ups, index);
}

guint
rp_report_get_follow_up_count (RpReport       *self,
                               RpFollowUpCell  cell)
{
  g_return_val_if_fail (RP_IS_REPORT (self), 0);
  g_return_val_if_fail (cell < RP_FOLLOW_UP_N_CELLS, 0);
  return self->follow_up_counts[cell];
}

/**
 * rp_report_is_follow_up_hidden:
 * Returns: whether the follow-up summary prints the count as "<5" or "[c]"
 */
gboolean
rp_report_is_follow_up_hidden (RpReport       *self,
                               RpFollowUpCell  cell)
{
  g_return_val_if_fail (RP_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cell < RP_FOLLOW_UP_N_CELLS, FALSE);
  return self->follow_up_suppressed[cell];
}

/**
 * rp_report_format_follow_up_count:
 *
 * Returns: (transfer full): the count as printed, as rp_report_format_count() prints the summary's
 */
char *
rp_report_format_follow_up_count (RpReport       *self,
                                  RpFollowUpCell  cell)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  g_return_val_if_fail (cell < RP_FOLLOW_UP_N_CELLS, NULL);

  if (self->follow_up_suppressed[cell] && self->follow_up_counts[cell] >= self->suppress_below)
    return g_strdup ("[c]");
  if (self->follow_up_suppressed[cell])
    return g_strdup_printf ("<%u", self->suppress_below);

  return g_strdup_printf ("%u", self->follow_up_counts[cell]);
}

/**
 * rp_report_follow_up_cell_label:
 * Returns: (transfer none): what the cell counts, as the follow-up summary prints it
 */
const char *
rp_report_follow_up_cell_label (RpFollowUpCell cell)
{
  switch (cell)
    {
    case RP_FOLLOW_UP_MET:                 return _("Outcomes met");
    case RP_FOLLOW_UP_PARTLY_MET:          return _("Outcomes partly met");
    case RP_FOLLOW_UP_NOT_MET:             return _("Outcomes not met");
    case RP_FOLLOW_UP_OUTCOMES_TOTAL:      return _("Outcomes rated in all");
    case RP_FOLLOW_UP_REVIEWS_HELD:        return _("Follow-up reviews held");
    case RP_FOLLOW_UP_REVIEWS_DUE:         return _("Follow-up reviews due");
    case RP_FOLLOW_UP_REVIEWS_OVERDUE:     return _("Follow-up reviews overdue");
    case RP_FOLLOW_UP_REVIEWS_NOT_YET_DUE: return _("Follow-up reviews not yet due");
    case RP_FOLLOW_UP_MOVES_SINCE:         return _("Moves since the last report");
    case RP_FOLLOW_UP_REVIEWS_SINCE:       return _("Reviews held since the last report");
    case RP_FOLLOW_UP_N_CELLS:
    default:                               return "";
    }
}

/**
 * rp_report_get_last_report:
 * Returns: (nullable): the as-of date of this programme's latest report
 *   before this one, from the export history; %NULL when there was none
 */
const char *
rp_report_get_last_report (RpReport *self)
{
  g_return_val_if_fail (RP_IS_REPORT (self), NULL);
  return self->last_report;
}

/* "3 moves", "1 review held", or with a hidden count "<5 moves". */
static char *
count_phrase (RpReport       *self,
              RpFollowUpCell  cell)
{
  guint n = self->follow_up_counts[cell];
  g_autofree char *hidden = NULL;

  if (self->follow_up_suppressed[cell])
    {
      hidden = rp_report_format_follow_up_count (self, cell);
      /* Translators: a hidden count, "<5 moves" */
      return g_strdup_printf (cell == RP_FOLLOW_UP_MOVES_SINCE ? _("%s moves") : _("%s reviews held"), hidden);
    }

  return g_strdup_printf (cell == RP_FOLLOW_UP_MOVES_SINCE ? ngettext ("%u move", "%u moves", n)
                                                          : ngettext ("%u review held", "%u reviews held", n), n);
}

/**
 * rp_report_format_since_last_report:
 *
 * Returns: (transfer full): the summary's line of change over time: "Since
 *   the last report (1 September 2026): 3 moves, 2 reviews held.", or, when
 *   the export history has no earlier report, a line that says so
 */
char *
rp_report_format_since_last_report (RpReport *self)
{
  g_autofree char *date = NULL;
  g_autofree char *moves = NULL;
  g_autofree char *reviews = NULL;

  g_return_val_if_fail (RP_IS_REPORT (self), NULL);

  if (self->last_report == NULL || !(date = rp_date_format_medium (self->last_report)))
    return g_strdup (_("Since the last report: no earlier report of this programme is in the export history, so there is nothing to compare with."));

  moves = count_phrase (self, RP_FOLLOW_UP_MOVES_SINCE);
  reviews = count_phrase (self, RP_FOLLOW_UP_REVIEWS_SINCE);
  /* Translators: "Since the last report (1 September 2026): 3 moves, 2 reviews held." */
  return g_strdup_printf (_("Since the last report (%s): %s, %s."), date, moves, reviews);
}

/**
 * rp_report_format_moved_month:
 * Returns: (transfer full): the month of the move, "March 2026": never the day
 */
char *
rp_report_format_moved_month (const RpFollowUpRow *row)
{
  g_autoptr(GError) error = NULL;
  char month[64];
  GDate date;

  g_return_val_if_fail (row != NULL, NULL);

  if (!rp_date_parse_strict (row->moved_on, &date, &error) ||
      g_date_strftime (month, sizeof month, "%B %Y", &date) == 0)
    return g_strdup ("");

  if (row->interim)
    /* Translators: the month of a move to interim provision, "March 2026 (interim)" */
    return g_strdup_printf (_("%s (interim)"), month);
  return g_strdup (month);
}

/**
 * rp_report_format_review_state:
 * Returns: (transfer none): the follow-up review's state as printed: "Held", "Due", "Overdue" or "Not yet due"
 */
const char *
rp_report_format_review_state (const RpFollowUpRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  switch (row->follow_up)
    {
    case RP_REVIEW_STATE_DONE:    return _("Held");
    case RP_REVIEW_STATE_DUE:     return _("Due");
    case RP_REVIEW_STATE_OVERDUE: return _("Overdue");
    case RP_REVIEW_STATE_NONE:
    case RP_REVIEW_STATE_SCHEDULED:
    default:                      return _("Not yet due");
    }
}

/**
 * rp_report_format_placement:
 * Returns: (transfer none): whether the placement continues, as printed: "Yes", "No", "Not reviewed yet" or "Not recorded"
 */
const char *
rp_report_format_placement (const RpFollowUpRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (row->placement_continues < 0)
    return row->follow_up != RP_REVIEW_STATE_DONE && row->met + row->partly_met + row->not_met == 0
           ? _("Not reviewed yet") : _("Not recorded");
  return row->placement_continues ? _("Yes") : _("No");
}
