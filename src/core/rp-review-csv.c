/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-review-csv.c: a programme's reviews after the move as a CSV file,
 * written and read back
 *
 * One row per outcome rated at a review, with the review's own cells
 * (attendee, kind, date, reviewer, who took part, whether the placement
 * continues, actions, notes) repeated on each of its rows. In a spreadsheet
 * every row then reads on its own, and sorts and filters by rating without
 * losing which review it belongs to; outcomes in cells side by side would
 * need as many columns as the longest plan, each under a heading that means
 * a different outcome for each person. A review of a person with no outcomes
 * in their plan is one row with the outcome cells empty.
 *
 * Reading back, rows whose review cells are all the same are one review,
 * wherever they are in the file, so a sorted file still imports. The
 * attendee is named by number only: the file holds no name of a person. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-csv.h"
#include "rp-csv-columns.h"
#include "rp-error.h"
#include "rp-planned-outcome.h"
#include "rp-review-csv.h"
#include "rp-store-private.h"
#include "rp-validate.h"
#include "rp-worker.h"

typedef enum
{
  COLUMN_ATTENDEE,
  COLUMN_KIND,
  COLUMN_HELD_ON,
  COLUMN_REVIEWER,
  COLUMN_TOOK_PART,
  COLUMN_PLACEMENT_CONTINUES,
  COLUMN_ACTIONS,
  COLUMN_NOTES,
  COLUMN_OUTCOME,
  COLUMN_RATING,
  COLUMN_RATING_NOTE,
  N_COLUMNS
} Column;

/* Never translated: a file written in one language is read in another. */
static const char * const headings[N_COLUMNS] = {
  "attendee", "kind", "held_on", "reviewer", "took_part", "placement_continues",
  "actions", "notes", "outcome", "rating", "rating_note",
};

/* Without these a row is no review. */
static const gboolean required[N_COLUMNS] = {
  [COLUMN_ATTENDEE] = TRUE, [COLUMN_KIND] = TRUE, [COLUMN_HELD_ON] = TRUE, [COLUMN_REVIEWER] = TRUE,
};

/* A worker by initials, as the attendees CSV names them, unless another
 * worker has the same initials: then by name, so the file reads back. */
static GHashTable *
reviewer_cells (GListModel *workers)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (workers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);
      const char *initials = rp_worker_get_initials (worker);

      if (initials != NULL)
        g_hash_table_insert (seen, (gpointer) initials,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (seen, initials)) + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);
      const char *initials = rp_worker_get_initials (worker);
      gint64 id = rp_worker_get_id (worker);
      gboolean unique = initials != NULL && initials[0] != '\0' &&
                        GPOINTER_TO_UINT (g_hash_table_lookup (seen, initials)) == 1;

      g_hash_table_insert (cells, g_memdup2 (&id, sizeof id),
                           g_strdup (unique ? initials : rp_worker_get_name (worker)));
    }

  return cells;
}

static void
append_review (GString    *out,
               int         number,
               RpReview   *review,
               const char *reviewer)
{
  g_autofree char *attendee = g_strdup_printf ("%d", number);
  g_autofree char *took_part = rp_took_part_to_string (rp_review_get_took_part (review));
  guint n = rp_review_get_n_ratings (review);

  for (guint r = 0; r < MAX (n, 1); r++)
    {
      const RpOutcomeRating *rating = n > 0 ? rp_review_get_rating (review, r) : NULL;
      const char *fields[N_COLUMNS] = {
        attendee, rp_review_kind_to_string (rp_review_get_kind (review)), rp_review_get_held_on (review),
        reviewer, took_part, rp_review_get_placement_continues (review) ? "yes" : "no",
        rp_review_get_actions (review), rp_review_get_notes (review),
        rating != NULL ? rating->description : NULL,
        rating != NULL ? rp_rating_to_string (rating->rating) : NULL,
        rating != NULL ? rating->note : NULL,
      };

      rp_csv_append_row (out, fields, N_COLUMNS);
    }
}

/**
 * rp_review_csv_write:
 * @programme_id: the programme whose attendees' reviews are written
 *
 * Writes every review of the programme, attendee by attendee in the order
 * of their numbers and oldest first, one row per outcome rated. Cells a
 * spreadsheet would run as a formula are guarded, as rp_csv_append_row()
 * does; rp_review_csv_import() takes the guard off.
 *
 * Returns: (transfer full): the CSV text, headings first; personal data
 */
char *
rp_review_csv_write (RpStore  *store,
                     gint64    programme_id,
                     GError  **error)
{
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) workers = NULL;
  g_autoptr(GHashTable) reviewers = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(attendees = rp_store_list_attendees (store, programme_id, error)) ||
      !(workers = rp_store_list_workers (store, TRUE, error)))
    return NULL;

  reviewers = reviewer_cells (workers);

  rp_csv_append_row (out, headings, N_COLUMNS);
  /* The store lists attendees by number. */
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_autoptr(GListModel) reviews = rp_store_list_reviews (store, rp_attendee_get_id (attendee), error);
      guint n;

      if (reviews == NULL)
        return NULL;

      /* The store lists the newest first; a file reads oldest first. */
      n = g_list_model_get_n_items (reviews);
      for (guint r = n; r > 0; r--)
        {
          g_autoptr(RpReview) review = g_list_model_get_item (reviews, r - 1);
          gint64 reviewer_id = rp_review_get_reviewer_id (review);
          const char *reviewer = g_hash_table_lookup (reviewers, &reviewer_id);

          append_review (out, rp_attendee_get_number (attendee), review,
                         reviewer != NULL ? reviewer : rp_review_get_reviewer_name (review));
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reading ------------------------------------------------------------------ */

/* One review of the file, from all its rows. */
typedef struct
{
  RpReview   *review;
  RpAttendee *attendee;  /* borrowed from the reading */
  guint       line;      /* its first row's */
  gboolean    damaged;   /* one of its rows has a problem: not checked further */
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->review);
  g_free (pending);
}

typedef struct
{
  RpStore     *store;
  gint64       programme_id;
  const char  *data;
  gsize        len;

  RpCsvColumns file;
  GHashTable  *attendees;  /* number → RpAttendee */
  GHashTable  *outcomes;   /* attendee id → GListModel of RpPlannedOutcome */
  GListModel  *workers;
  char        *today;
  GPtrArray   *reviews;    /* (element-type Pending), in the file's order */
  GHashTable  *by_cells;   /* the review's cells → Pending */
} Reading;

static void
reading_clear (Reading *reading)
{
  rp_csv_columns_clear (&reading->file);
  g_clear_pointer (&reading->attendees, g_hash_table_unref);
  g_clear_pointer (&reading->outcomes, g_hash_table_unref);
  g_clear_object (&reading->workers);
  g_clear_pointer (&reading->today, g_free);
  g_clear_pointer (&reading->by_cells, g_hash_table_unref);
  g_clear_pointer (&reading->reviews, g_ptr_array_unref);
}

/* What a row says of its review, before any of its outcome. */
typedef struct
{
  RpAttendee   *attendee;
  RpReviewKind  kind;
  char         *held_on;
  RpWorker     *reviewer;
  RpTookPart    took_part;
  gboolean      continues;
} ReviewCells;

static void
review_cells_clear (ReviewCells *cells)
{
  g_clear_pointer (&cells->held_on, g_free);
  g_clear_object (&cells->reviewer);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReviewCells, review_cells_clear)

/* Spreadsheet users write "Partly met" as often as "partly-met". */
static char *
normalise_word (const char *text)
{
  char *word = g_ascii_strdown (text, -1);

  g_strdelimit (word, " _", '-');
  return word;
}

static gboolean
parse_took_part (const char  *text,
                 RpTookPart  *took_part,
                 GError     **error)
{
  g_auto(GStrv) words = g_strsplit (text, ",", -1);

  *took_part = RP_TOOK_PART_NONE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_ascii_strdown (g_strstrip (words[i]), -1);
      RpTookPart one;

      if (word[0] == '\0')
        continue;
      if ((one = rp_took_part_from_string (word)) == RP_TOOK_PART_NONE)
        {
          g_autofree char *shown = rp_quote_value (words[i]);

          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("“%s” is not one who can take part in a review. Write person, family, provider or advocate, separated by commas."),
                       shown);
          return FALSE;
        }
      *took_part |= one;
    }
  return TRUE;
}

/* Reads one of the review's own cells; @text is NULL when blank. */
static gboolean
read_review_cell (Reading      *reading,
                  ReviewCells  *cells,
                  Column        column,
                  const char   *text,
                  GError      **error)
{
  g_autofree char *shown = text != NULL ? rp_quote_value (text) : NULL;

  switch (column)
    {
    case COLUMN_ATTENDEE:
      {
        int number = 0;

        if (!rp_import_parse_number (text != NULL ? text : "", &number, error))
          return FALSE;
        if (!(cells->attendee = g_hash_table_lookup (reading->attendees, GINT_TO_POINTER (number))))
          {
            g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                         _("No attendee numbered %d is in this programme. Import the attendees first."), number);
            return FALSE;
          }
        return TRUE;
      }

    case COLUMN_KIND:
      {
        g_autofree char *word = text != NULL ? normalise_word (text) : NULL;

        if (word == NULL || !rp_review_kind_from_string (word, &cells->kind))
          {
            if (text == NULL)
              g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                                   _("Say which review it was: follow-up or annual."));
            else
              g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                           _("“%s” is not a kind of review. Write follow-up or annual."), shown);
            return FALSE;
          }
        return TRUE;
      }

    case COLUMN_HELD_ON:
      if (text == NULL)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Write the day the review was held."));
          return FALSE;
        }
      return rp_import_parse_date (text, &cells->held_on, error);

    case COLUMN_REVIEWER:
      if (text == NULL)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                               _("Write who held the review: a worker’s initials or name."));
          return FALSE;
        }
      return (cells->reviewer = rp_import_find_worker (reading->workers, text, error)) != NULL;

    case COLUMN_TOOK_PART:
      return text == NULL || parse_took_part (text, &cells->took_part, error);

    case COLUMN_PLACEMENT_CONTINUES:
      return text == NULL || rp_import_parse_yes_no (text, &cells->continues, error);

    case COLUMN_ACTIONS:
      return rp_check_text (text, RP_LONG_TEXT_MAX, _("The actions"), error);

    case COLUMN_NOTES:
      return rp_check_text (text, RP_LONG_TEXT_MAX, _("The notes"), error);

    case COLUMN_OUTCOME:
    case COLUMN_RATING:
    case COLUMN_RATING_NOTE:
    case N_COLUMNS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static GListModel *
outcomes_of (Reading     *reading,
             RpAttendee  *attendee,
             GError     **error)
{
  gint64 id = rp_attendee_get_id (attendee);
  GListModel *outcomes = g_hash_table_lookup (reading->outcomes, &id);

  if (outcomes == NULL)
    {
      if (!(outcomes = rp_store_list_planned_outcomes (reading->store, id, error)))
        return NULL;
      g_hash_table_insert (reading->outcomes, g_memdup2 (&id, sizeof id), outcomes);
    }
  return outcomes;
}

/* The outcome in the person's plan worded as @text, ignoring case. */
static RpPlannedOutcome *
find_outcome (GListModel  *outcomes,
              const char  *text,
              GError     **error)
{
  g_autofree char *wanted = g_utf8_casefold (text, -1);
  g_autofree char *shown = rp_quote_value (text);
  g_autoptr(RpPlannedOutcome) found = NULL;
  guint n_found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, i);
      g_autofree char *folded = g_utf8_casefold (rp_planned_outcome_get_description (outcome), -1);

      if (g_str_equal (folded, wanted))
        {
          n_found++;
          g_set_object (&found, outcome);
        }
    }

  if (n_found == 0)
    g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                 _("“%s” is not an outcome in this person’s moving plan. Add it to the plan first, or check its wording."),
                 shown);
  else if (n_found > 1)
    g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                 _("The person’s plan has “%s” more than once, so the rating cannot be matched. Reword one of them first."),
                 shown);
  return n_found == 1 ? g_steal_pointer (&found) : NULL;
}

/* The review the row belongs to: the one with the same cells, or a new one. */
static Pending *
review_for (Reading     *reading,
            ReviewCells *cells,
            const char  *actions,
            const char  *notes,
            guint        line)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%d\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%u\x1f%d\x1f%s\x1f%s",
                                          rp_attendee_get_id (cells->attendee), cells->kind, cells->held_on,
                                          rp_worker_get_id (cells->reviewer), cells->took_part, cells->continues,
                                          actions != NULL ? actions : "\x1e", notes != NULL ? notes : "\x1e");
  Pending *pending = g_hash_table_lookup (reading->by_cells, key);

  if (pending != NULL)
    return pending;

  pending = g_new0 (Pending, 1);
  pending->attendee = cells->attendee;
  pending->line = line;
  pending->review = rp_review_new ();
  rp_review_set_attendee_id (pending->review, rp_attendee_get_id (cells->attendee));
  rp_review_set_kind (pending->review, cells->kind);
  rp_review_set_held_on (pending->review, cells->held_on);
  rp_review_set_reviewer_id (pending->review, rp_worker_get_id (cells->reviewer));
  rp_review_set_reviewer_name (pending->review, rp_worker_get_name (cells->reviewer));
  rp_review_set_took_part (pending->review, cells->took_part);
  rp_review_set_placement_continues (pending->review, cells->continues);
  rp_review_set_actions (pending->review, actions);
  rp_review_set_notes (pending->review, notes);
  g_ptr_array_add (reading->reviews, pending);
  g_hash_table_insert (reading->by_cells, g_steal_pointer (&key), pending);
  return pending;
}

#define CELL(cells, c) ((cells)[c][0] != '\0' ? (cells)[c] : NULL)

/* Reads the row's outcome and rating into its review. */
static void
read_rating (Reading     *reading,
             Pending     *pending,
             char       **cells,
             guint        line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpPlannedOutcome) outcome = NULL;
  const char *outcome_text = CELL (cells, COLUMN_OUTCOME);
  const char *rating_text = CELL (cells, COLUMN_RATING);
  const char *note = CELL (cells, COLUMN_RATING_NOTE);
  g_autofree char *word = NULL;
  GListModel *outcomes;
  RpRating rating = RP_RATING_NONE;

  gboolean damaged = pending->damaged;

  /* Any problem below leaves the review incomplete. */
  pending->damaged = TRUE;

  if (outcome_text == NULL)
    {
      pending->damaged = damaged || rating_text != NULL || note != NULL;
      if (rating_text != NULL || note != NULL)
        rp_csv_columns_add_problem (&reading->file, line, COLUMN_OUTCOME,
                                    _("Write the outcome this rating is for, as it is worded in the person’s plan."));
      return;
    }

  if (!(outcomes = outcomes_of (reading, pending->attendee, &error)) ||
      !(outcome = find_outcome (outcomes, outcome_text, &error)))
    {
      rp_csv_columns_add_problem (&reading->file, line, COLUMN_OUTCOME, error->message);
      return;
    }

  word = rating_text != NULL ? normalise_word (rating_text) : NULL;
  if (word == NULL || !rp_rating_from_string (word, &rating))
    {
      g_autofree char *shown = rating_text != NULL ? rp_quote_value (rating_text) : NULL;
      g_autofree char *message = rating_text == NULL
        ? g_strdup (_("Say whether the outcome was met, partly-met or not-met."))
        : g_strdup_printf (_("“%s” is not a rating. Write met, partly-met or not-met."), shown);

      rp_csv_columns_add_problem (&reading->file, line, COLUMN_RATING, message);
      return;
    }

  if (!rp_check_text (note, RP_LONG_TEXT_MAX, _("The note on an outcome"), &error))
    {
      rp_csv_columns_add_problem (&reading->file, line, COLUMN_RATING_NOTE, error->message);
      return;
    }

  if (rp_review_find_rating (pending->review, rp_planned_outcome_get_id (outcome)) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("This outcome is rated twice for the review on line %u. Leave one of the rows out."),
                                                  pending->line);

      rp_csv_columns_add_problem (&reading->file, line, COLUMN_OUTCOME, message);
      return;
    }

  rp_review_set_rating (pending->review, rp_planned_outcome_get_id (outcome),
                        rp_planned_outcome_get_description (outcome), rating, note);
  pending->damaged = damaged;
}

static void
read_row (Reading *reading,
          guint    row)
{
  g_auto(GStrv) cells = rp_csv_columns_get_row (&reading->file, row);
  g_auto(ReviewCells) review = { NULL, RP_REVIEW_KIND_FOLLOW_UP, NULL, NULL, RP_TOOK_PART_NONE, TRUE };
  guint line = rp_csv_columns_get_line (&reading->file, row);
  guint n_problems = reading->file.problems->len;

  if (cells == NULL)
    return;

  for (guint c = 0; c < COLUMN_OUTCOME; c++)
    {
      g_autoptr(GError) error = NULL;

      if (reading->file.columns[c] >= 0 && !read_review_cell (reading, &review, c, CELL (cells, c), &error))
        rp_csv_columns_add_problem (&reading->file, line, c, error->message);
    }

  /* A row without a required column is no review: the headings say so. */
  if (reading->file.problems->len > n_problems ||
      review.attendee == NULL || review.held_on == NULL || review.reviewer == NULL)
    return;

  read_rating (reading, review_for (reading, &review, CELL (cells, COLUMN_ACTIONS), CELL (cells, COLUMN_NOTES), line),
               cells, line);
}

/* Which column a refusal of rp_review_check_for() is about. */
static const Column part_columns[] = {
  [RP_REVIEW_PART_PERSON] = COLUMN_ATTENDEE,
  [RP_REVIEW_PART_DATE] = COLUMN_HELD_ON,
  [RP_REVIEW_PART_KIND] = COLUMN_KIND,
  [RP_REVIEW_PART_OUTCOMES] = COLUMN_OUTCOME,
};

/* Each review as the store will check it, in the file's order. */
static void
check_reviews (Reading *reading)
{
  for (guint i = 0; i < reading->reviews->len; i++)
    {
      Pending *pending = g_ptr_array_index (reading->reviews, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *who = g_strdup_printf (_("Attendee %d"), rp_attendee_get_number (pending->attendee));
      RpReviewPart part = RP_REVIEW_PART_PERSON;
      GListModel *outcomes;

      if (pending->damaged)
        continue;
      if (!rp_review_validate (pending->review, &error))
        {
          rp_csv_columns_add_problem (&reading->file, pending->line, -1, error->message);
          continue;
        }

      if (!(outcomes = outcomes_of (reading, pending->attendee, &error)))
        {
          rp_csv_columns_add_problem (&reading->file, pending->line, -1, error->message);
          continue;
        }

      if (!rp_review_check_for (pending->review, pending->attendee, who, outcomes, reading->today, &part, &error))
        {
          int column = reading->file.columns[part_columns[part]] >= 0 ? (int) part_columns[part] : -1;

          rp_csv_columns_add_problem (&reading->file, pending->line, column, error->message);
          continue;
        }

      /* A second follow-up review of the same person, later in the file,
       * is refused as the store would refuse it once this one is recorded. */
      if (rp_review_get_kind (pending->review) == RP_REVIEW_KIND_FOLLOW_UP)
        rp_attendee_set_follow_up_held_on (pending->attendee, rp_review_get_held_on (pending->review));
    }
}

static RpCsvColumns *
read_file (gpointer   data,
           GError   **error)
{
  Reading *reading = data;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(RpProgramme) programme = NULL;

  reading_clear (reading);
  if (!(programme = rp_store_get_programme (reading->store, reading->programme_id, error)) ||
      !(attendees = rp_store_list_attendees (reading->store, reading->programme_id, error)) ||
      !(reading->workers = rp_store_list_workers (reading->store, TRUE, error)))
    return NULL;

  reading->attendees = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  reading->outcomes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  reading->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  reading->by_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reading->today = rp_store_dup_today (reading->store);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      RpAttendee *attendee = g_list_model_get_item (attendees, i);

      g_hash_table_insert (reading->attendees, GINT_TO_POINTER (rp_attendee_get_number (attendee)), attendee);
    }

  if (!rp_csv_columns_read (&reading->file, reading->data, reading->len, headings, N_COLUMNS, required,
                            _("Reprovision does not know this heading. A reviews file has the headings attendee, kind, held_on, reviewer, took_part, placement_continues, actions, notes, outcome, rating and rating_note."),
                            error))
    return NULL;

  for (guint row = 0; row < rp_csv_columns_get_n_rows (&reading->file); row++)
    read_row (reading, row);

  check_reviews (reading);

  return &reading->file;
}

/* Through the store's one way of recording a review, so that its rules,
 * step 6 and the audit trail apply; a refusal names the review's line. */
static gboolean
record_reviews (gpointer   data,
                GError   **error)
{
  Reading *reading = data;

  for (guint i = 0; i < reading->reviews->len; i++)
    {
      Pending *pending = g_ptr_array_index (reading->reviews, i);
      g_autoptr(GError) local_error = NULL;

      if (!rp_store_record_review (reading->store, pending->review, &local_error))
        rp_csv_columns_add_problem (&reading->file, pending->line, -1, local_error->message);
    }
  return TRUE;
}

/**
 * rp_review_csv_import:
 * @store: the database, open for writing unless @dry_run
 * @programme_id: the programme whose attendees the rows name by number
 * @data: the file, as rp_review_csv_write() writes it
 * @dry_run: check every row and write nothing
 * @n_added: (out) (optional): how many reviews were (or would be) recorded
 * @problems: (out) (transfer full) (element-type RpImportProblem) (optional):
 *   what is wrong with the file, naming line and column; empty if nothing
 * @error: an %RP_ERROR_INVALID error if any row has a problem, or why the
 *   file or database could not be read or written
 *
 * Records every review of the file, or none, after a backup, as
 * rp_csv_columns_import() does. Each review is recorded by
 * rp_store_record_review(), so a follow-up review moves its attendee to
 * step 6 and everything is audited under the user of @store. Dates are
 * DD/MM/YYYY or YYYY-MM-DD and the reviewer is named by full name or
 * initials, as the attendees import reads them; an outcome is named by its
 * wording in the person's plan.
 */
gboolean
rp_review_csv_import (RpStore     *store,
                      gint64       programme_id,
                      const char  *data,
                      gsize        len,
                      gboolean     dry_run,
                      guint       *n_added,
                      GPtrArray  **problems,
                      GError     **error)
{
  Reading reading = { store, programme_id, data, len, { 0 } };
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  ok = rp_csv_columns_import (store, dry_run, read_file, record_reviews, &reading, problems, error);
  if (ok && n_added != NULL)
    *n_added = reading.reviews->len;
  reading_clear (&reading);
  return ok;
}
