/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-follow-up.c: the report's follow-up table and summary, and the change since the last report */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-report-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

/* SQLite's clock, moved by the tests, as in test-report.c: the audit trail
 * dates each change by it, so a report as of a past day sees what was
 * recorded by then. 0 is the real time. */
static sqlite3_vfs  clock_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_int64 fake_now;   /* milliseconds since the Julian epoch, as SQLite counts */

static int
clock_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *now)
{
  if (fake_now == 0)
    return real_vfs->xCurrentTimeInt64 (real_vfs, now);

  *now = fake_now;
  return SQLITE_OK;
}

static int
clock_current_time (sqlite3_vfs *vfs,
                    double      *now)
{
  sqlite3_int64 ms;
  int rc = clock_current_time_int64 (vfs, &ms);

  *now = ms / 86400000.0;
  return rc;
}

static void
install_clock (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  clock_vfs = *real_vfs;
  clock_vfs.zName = "reprovision-test-clock";
  clock_vfs.xCurrentTime = clock_current_time;
  clock_vfs.xCurrentTimeInt64 = clock_current_time_int64;
  g_assert_cmpint (sqlite3_vfs_register (&clock_vfs, 1), ==, SQLITE_OK);
}

typedef struct
{
  char        *dir;
  char        *path;
  RpStore     *store;
  RpProgramme *programme;
} Fixture;

/* Sets SQLite's clock to noon UTC on @iso_date, and the store's today to it. */
static void
set_clock (Fixture    *fixture,
           const char *iso_date)
{
  g_autofree char *text = g_strdup_printf ("%sT12:00:00Z", iso_date);
  g_autoptr(GDateTime) noon = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (noon);
  fake_now = g_date_time_to_unix (noon) * 1000 + G_GINT64_CONSTANT (210866760000000);
  if (fixture->store != NULL)
    rp_store_set_today (fixture->store, iso_date);
}

/* Plain SQL, as another program or a later version would write it: the
 * audit triggers still record every change. */
static void
exec (Fixture    *fixture,
      const char *sql)
{
  rp_test_exec (fixture->store, sql);
}

static void
move (Fixture    *fixture,
      int         number,
      const char *date,
      gboolean    interim)
{
  g_autofree char *sql = NULL;

  set_clock (fixture, date);
  sql = g_strdup_printf ("UPDATE attendee SET outcome = 'moved', outcome_date = '%s', interim = '%d'"
                         " WHERE number = %d", date, interim, number);
  exec (fixture, sql);
}

/* A review of attendee @number on @date, rating their three outcomes. Every
 * text in it names the person: none of it may ever be published. */
static void
review (Fixture    *fixture,
        int         number,
        const char *date,
        const char *kind,
        const char *ratings[3],
        int         placement_continues)
{
  g_autofree char *sql = NULL;

  set_clock (fixture, date);
  sql = g_strdup_printf ("INSERT INTO review (attendee_id, kind, held_on, reviewer_id, took_part, placement_continues, actions, notes)"
                         " SELECT a.id, '%s', '%s', (SELECT min (id) FROM worker), 'person, family: ' || a.full_name, %s,"
                         "  'Ask ' || a.full_name || '’s sister about transport', a.full_name || ' settled well'"
                         " FROM attendee a WHERE a.number = %d;"
                         "INSERT INTO review_outcome (review_id, outcome_id, rating, note)"
                         " SELECT (SELECT max (id) FROM review), o.id,"
                         "  CASE o.position WHEN 0 THEN '%s' WHEN 1 THEN '%s' ELSE '%s' END,"
                         "  a.full_name || ' enjoys it'"
                         " FROM planned_outcome o JOIN attendee a ON a.id = o.attendee_id WHERE a.number = %d;",
                         kind, date, placement_continues ? "TRUE" : "FALSE", number, ratings[0], ratings[1], ratings[2], number);
  exec (fixture, sql);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *r2[] = { "met", "met", "partly-met" };
  const char *r5[] = { "met", "not-met", "met" };
  const char *r11[] = { "partly-met", "not-met", "met" };
  const char *r19[] = { "met", "partly-met", "met" };
  const char *r19_annual[] = { "met", "met", "met" };
  const int moved[] = { 2, 5, 11, 14, 16, 17, 19 };

  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  set_clock (fixture, "2026-06-01");
  fixture->store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_user (fixture->store, "jtaylor");
  rp_store_set_today (fixture->store, "2026-06-01");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);

  /* The outcomes written into each moving plan; the third names the person. */
  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO planned_outcome (attendee_id, description, position, written_on)"
                                              " SELECT id, 'keeps seeing friends from the centre', 0, '2026-06-01' FROM attendee WHERE number = %1$d;"
                                              "INSERT INTO planned_outcome (attendee_id, description, position, written_on)"
                                              " SELECT id, 'hydrotherapy each week', 1, '2026-06-01' FROM attendee WHERE number = %1$d;"
                                              "INSERT INTO planned_outcome (attendee_id, description, position, written_on)"
                                              " SELECT id, 'same transport driver, as ' || full_name || ' asked', 2, '2026-06-01'"
                                              " FROM attendee WHERE number = %1$d;", moved[i]);
      exec (fixture, sql);
    }

  /* The follow-up review falls six weeks after each move (the default). */
  move (fixture, 19, "2026-07-15", FALSE);
  review (fixture, 19, "2026-08-26", "follow-up", r19, 1);
  move (fixture, 2, "2026-09-01", FALSE);
  move (fixture, 5, "2026-09-20", FALSE);
  move (fixture, 11, "2026-10-10", TRUE);
  review (fixture, 2, "2026-10-13", "follow-up", r2, 1);
  move (fixture, 14, "2026-10-20", FALSE);
  move (fixture, 16, "2026-11-02", FALSE);
  review (fixture, 5, "2026-11-02", "follow-up", r5, 1);
  move (fixture, 17, "2026-11-20", FALSE);
  review (fixture, 11, "2026-11-25", "follow-up", r11, 0);
  review (fixture, 19, "2026-11-30", "annual", r19_annual, 1);

  /* Later: attendee 2's review was entered by mistake and removed, and a
   * rating of 19's follow-up review was corrected. */
  set_clock (fixture, "2026-12-01");
  exec (fixture, "DELETE FROM review WHERE attendee_id = (SELECT id FROM attendee WHERE number = 2)");
  set_clock (fixture, "2026-12-02");
  exec (fixture, "UPDATE review_outcome SET rating = 'not-met' WHERE rating = 'partly-met' AND review_id ="
                 " (SELECT min (id) FROM review WHERE attendee_id = (SELECT id FROM attendee WHERE number = 19))");

  set_clock (fixture, "2026-12-05");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  fixture->store = NULL;
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  fake_now = 0;
}

static RpReport *
build (Fixture               *fixture,
       const RpReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  RpReport *report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), options, &error);

  g_assert_no_error (error);
  return report;
}

/* The follow-up table as "number month state met/partly/not placement" lines. */
static char *
follow_up_rows (RpReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rp_report_get_n_follow_ups (report); i++)
    {
      const RpFollowUpRow *row = rp_report_get_follow_up (report, i);
      g_autofree char *month = rp_report_format_moved_month (row);

      g_string_append_printf (text, "%d | %s | %s | %u/%u/%u | %s\n", row->number, month,
                              rp_report_format_review_state (row), row->met, row->partly_met, row->not_met,
                              rp_report_format_placement (row));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
follow_up_counts (RpReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int cell = 0; cell < RP_FOLLOW_UP_N_CELLS; cell++)
    {
      g_autofree char *count = rp_report_format_follow_up_count (report, cell);

      g_string_append_printf (text, "%s%s", cell > 0 ? " " : "", count);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Who moved, their follow-up review by the programme's rule, and the ratings
 * of their latest review since the move; the summary counts the same. */
static void
test_contents (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RpReport) report = build (fixture, NULL);
  g_autofree char *rows = follow_up_rows (report);
  g_autofree char *counts = follow_up_counts (report);
  g_autofree char *csv = rp_report_to_csv (report, RP_REPORT_TABLE_FOLLOW_UP);
  g_autofree char *summary_csv = rp_report_to_csv (report, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY);

  g_assert_cmpstr (rows, ==,
                   /* Its review was removed: overdue since 13 October. */
                   "2 | September 2026 | Overdue | 0/0/0 | Not reviewed yet\n"
                   "5 | September 2026 | Held | 2/0/1 | Yes\n"
                   "11 | October 2026 (interim) | Held | 1/1/1 | No\n"
                   /* Due on 1 December. */
                   "14 | October 2026 | Overdue | 0/0/0 | Not reviewed yet\n"
                   /* Due on 14 December, within the fortnight. */
                   "16 | November 2026 | Due | 0/0/0 | Not reviewed yet\n"
                   "17 | November 2026 | Not yet due | 0/0/0 | Not reviewed yet\n"
                   /* The annual review is the latest: its ratings count. */
                   "19 | July 2026 | Held | 3/0/0 | Yes\n");
  /* Met, partly, not met, in all; held, due, overdue, not yet due; since the last report. */
  g_assert_cmpstr (counts, ==, "6 1 2 9 3 1 2 1 0 0");
  g_assert_cmpuint (rp_report_get_moved (report), ==, 7);
  g_assert_null (rp_report_get_last_report (report));

  g_assert_cmpstr (csv, ==,
                   "attendee_no,moved_month,interim,follow_up_review,outcomes_met,outcomes_partly_met,outcomes_not_met,placement_continues\r\n"
                   "2,2026-09,no,overdue,0,0,0,\r\n"
                   "5,2026-09,no,held,2,0,1,yes\r\n"
                   "11,2026-10,yes,held,1,1,1,no\r\n"
                   "14,2026-10,no,overdue,0,0,0,\r\n"
                   "16,2026-11,no,due,0,0,0,\r\n"
                   "17,2026-11,no,not-yet-due,0,0,0,\r\n"
                   "19,2026-07,no,held,3,0,0,yes\r\n");
  g_assert_true (g_str_has_prefix (summary_csv, "measure,label,count,since\r\n"
                                                "outcomes_met,Outcomes met,6,\r\n"
                                                "outcomes_partly_met,Outcomes partly met,1,\r\n"));
  /* With no earlier report there is no count since one. */
  g_assert_true (g_str_has_suffix (summary_csv, "moves_since_last_report,Moves since the last report,,\r\n"
                                                "reviews_held_since_last_report,Reviews held since the last report,,\r\n"));

  /* A longer follow-up period moves every due date with it. */
  {
    g_autoptr(RpReport) later = NULL;
    g_autofree char *later_counts = NULL;
    g_autoptr(GError) error = NULL;

    rp_programme_set_follow_up_weeks (fixture->programme, 8);
    g_assert_true (rp_store_save_programme (fixture->store, fixture->programme, &error));
    g_assert_no_error (error);
    later = build (fixture, NULL);
    later_counts = follow_up_counts (later);
    /* 2 still overdue (27 Oct), 14 now due (15 Dec), 16 not yet (28 Dec). */
    g_assert_cmpstr (later_counts, ==, "6 1 2 9 3 1 1 2 0 0");
  }
}

/* As of 1 November: moves and reviews after it do not count, a review
 * deleted since is back, and a rating corrected since has its value of then. */
static void
test_as_of (Fixture       *fixture,
            gconstpointer  data)
{
  RpReportOptions options = { .as_of = "2026-11-01" };
  g_autoptr(RpReport) report = build (fixture, &options);
  g_autofree char *rows = follow_up_rows (report);
  g_autofree char *counts = follow_up_counts (report);

  if (rp_test_skip_on_team ("dates the audit trail by faking SQLite's clock; a server dates it by its own"))
    return;

  g_assert_cmpstr (rows, ==,
                   "2 | September 2026 | Held | 2/1/0 | Yes\n"
                   /* Due that very day; held the day after. */
                   "5 | September 2026 | Due | 0/0/0 | Not reviewed yet\n"
                   "11 | October 2026 (interim) | Not yet due | 0/0/0 | Not reviewed yet\n"
                   "14 | October 2026 | Not yet due | 0/0/0 | Not reviewed yet\n"
                   /* The follow-up review's partly met, not its later correction. */
                   "19 | July 2026 | Held | 2/1/0 | Yes\n");
  g_assert_cmpstr (counts, ==, "4 2 0 6 2 1 0 2 0 0");
}

static void
record_report (Fixture    *fixture,
               const char *as_of,
               const char *kind)
{
  RpReportOptions options = { .as_of = as_of };
  g_autoptr(RpReport) report = build (fixture, &options);
  g_autoptr(GError) error = NULL;

  g_assert_true (rp_report_record_export (report, fixture->store, kind, "pdf", "report.pdf", NULL, &error));
  g_assert_no_error (error);
}

/* "Since the last report": the latest report of this programme before this
 * one's date, from the export history; said plainly when there was none. */
static void
test_since_last_report (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *none = NULL;

  if (rp_test_skip_on_team ("dates the audit trail by faking SQLite's clock; a server dates it by its own"))
    return;

  {
    g_autoptr(RpReport) first = build (fixture, NULL);

    none = rp_report_format_since_last_report (first);
    g_assert_cmpstr (none, ==, "Since the last report: no earlier report of this programme is in the export history, "
                               "so there is nothing to compare with.");
  }

  record_report (fixture, "2026-10-01", "report");
  /* A print is not a report sent to anyone; one of the same day is this one again. */
  record_report (fixture, "2026-11-15", "print");
  record_report (fixture, "2026-12-05", "report");

  {
    g_autoptr(RpReport) report = build (fixture, NULL);
    g_autofree char *line = rp_report_format_since_last_report (report);
    g_autofree char *counts = follow_up_counts (report);

    g_assert_cmpstr (rp_report_get_last_report (report), ==, "2026-10-01");
    /* Moves: 11, 14, 16, 17; reviews: 5, 11 and 19's annual (2's was removed). */
    g_assert_cmpstr (line, ==, "Since the last report (1 October 2026): 4 moves, 3 reviews held.");
    g_assert_true (g_str_has_suffix (counts, " 4 3"));
  }

  /* As of 1 November, reviews and moves after it do not count. */
  {
    RpReportOptions options = { .as_of = "2026-11-01" };
    g_autoptr(RpReport) report = build (fixture, &options);
    g_autofree char *line = rp_report_format_since_last_report (report);

    g_assert_cmpstr (line, ==, "Since the last report (1 October 2026): 2 moves, 1 review held.");
  }

  /* A report of before the first one has none before it. */
  {
    RpReportOptions options = { .as_of = "2026-09-30" };
    g_autoptr(RpReport) report = build (fixture, &options);

    g_assert_null (rp_report_get_last_report (report));
  }

  /* In the PDF, under the summary's heading. */
  {
    g_autoptr(RpReport) report = build (fixture, NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (fixture->dir, "since.pdf", NULL);
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *text = NULL;

    g_assert_true (rp_report_write_pdf (report, path, &error));
    g_assert_no_error (error);
    if (pdftotext != NULL)
      {
        const char *args[] = { pdftotext, path, "-", NULL };

        g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                                     NULL, &error));
        g_assert_nonnull (strstr (text, "Summary\nSince the last report (1 October 2026): 4 moves, 3 reviews held."));
      }
  }
}

/* Hidden as the summary's counts are, by the same rule. */
static void
test_suppression (Fixture       *fixture,
                  gconstpointer  data)
{
  RpReportOptions options = { .suppress_below = 5 };

  record_report (fixture, "2026-10-01", "report");

  {
    g_autoptr(RpReport) report = build (fixture, &options);
    g_autofree char *counts = follow_up_counts (report);
    g_autofree char *line = rp_report_format_since_last_report (report);
    g_autofree char *csv = rp_report_to_csv (report, RP_REPORT_TABLE_FOLLOW_UP_SUMMARY);

    /* 6 met shown, 1 and 2 hidden; the reviews (3, 1, 2, 1) all small. The
     * totals stay: 9 outcomes, and the 7 who moved in the summary. */
    g_assert_cmpstr (counts, ==, "6 <5 <5 9 <5 <5 <5 <5 <5 <5");
    g_assert_true (rp_report_is_follow_up_hidden (report, RP_FOLLOW_UP_PARTLY_MET));
    g_assert_false (rp_report_is_follow_up_hidden (report, RP_FOLLOW_UP_OUTCOMES_TOTAL));
    g_assert_cmpstr (line, ==, "Since the last report (1 October 2026): <5 moves, <5 reviews held.");
    g_assert_null (strstr (csv, ",1,"));
    g_assert_null (strstr (csv, ",2,"));
    g_assert_null (strstr (csv, ",3,"));

    /* Each row of the follow-up table would give the hidden counts away. */
    g_assert_true (rp_report_hidden_counts_recoverable (report));
  }

  /* Without the steps, the follow-up table still gives them away, and the document says so. */
  {
    RpReportOptions without_steps = { .suppress_below = 5, .without_step_column = TRUE };
    g_autoptr(RpReport) report = build (fixture, &without_steps);
    g_autofree char *said = rp_report_describe_suppression (report);

    g_assert_true (rp_report_hidden_counts_recoverable (report));
    g_assert_true (g_str_has_prefix (said, "Small counts: in the summary and the follow-up summary,"));
    g_assert_nonnull (strstr (said, "Warning: the follow-up table in this report has a row for each person who moved"));
  }

  /* One small count beside a total and counts shown would be recounted: a
   * further one is hidden, a zero first, as in the summary. */
  exec (fixture, "UPDATE review_outcome SET rating = 'met' WHERE rating = 'partly-met'");
  {
    g_autoptr(RpReport) report = build (fixture, &options);
    g_autofree char *counts = follow_up_counts (report);

    g_assert_cmpuint (rp_report_get_follow_up_count (report, RP_FOLLOW_UP_PARTLY_MET), ==, 0);
    g_assert_cmpstr (counts, ==, "7 <5 <5 9 <5 <5 <5 <5 <5 <5");
  }

  /* Summaries alone, or without the follow-up table and the progress
   * table's steps, nothing hidden can be worked out. */
  {
    RpReportOptions alone = { .suppress_below = 5, .only_table = RP_REPORT_TABLE_SUMMARY };
    RpReportOptions without = { .suppress_below = 5, .without_step_column = TRUE, .without_follow_up_table = TRUE };
    g_autoptr(RpReport) summaries = build (fixture, &alone);
    g_autoptr(RpReport) safe = build (fixture, &without);
    g_autofree char *tables = rp_report_describe_tables (summaries);

    g_assert_cmpstr (tables, ==, "summary, follow-up summary");
    g_assert_false (rp_report_hidden_counts_recoverable (summaries));
    g_assert_false (rp_report_hidden_counts_recoverable (safe));
  }

  /* As of 15 October four had moved: the summary hides that count, and
   * the follow-up table, a row for each, would give it away. */
  if (rp_test_skip_on_team ("the rest dates the audit trail by faking SQLite's clock; a server dates it by its own"))
    return;
  {
    RpReportOptions early = { .as_of = "2026-10-15", .suppress_below = 5, .only_table = RP_REPORT_TABLE_SUMMARY };
    RpReportOptions early_table = { .as_of = "2026-10-15", .suppress_below = 5, .only_table = RP_REPORT_TABLE_FOLLOW_UP };
    g_autoptr(RpReport) report = build (fixture, &early);
    g_autoptr(RpReport) table = build (fixture, &early_table);

    g_assert_true (rp_report_is_hidden (report, RP_MOVING_PLAN_LAST_STEP + 1));
    g_assert_false (rp_report_hidden_counts_recoverable (report));
    g_assert_cmpuint (rp_report_get_n_follow_ups (table), ==, 4);
  }
}

static char *
run_pdftotext (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (pdftotext == NULL)
    return NULL;

  {
    const char *args[] = { pdftotext, path, "-", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL,
                                 &error));
  }
  g_assert_no_error (error);
  return text;
}

static char *
run_xlsx_text (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-text.py", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (python == NULL)
    return NULL;

  {
    const char *args[] = { python, script, path, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, NULL, &error));
  }
  g_assert_no_error (error);
  return text;
}

/* Every review's text names the person: notes, actions, who took part, the
 * outcomes' wording and each rating's note. None of it is published, and
 * the name check has nothing of it to stop. */
static void
test_no_names (Fixture       *fixture,
               gconstpointer  data)
{
  RpReportOptions options = { .include_moved = TRUE };
  g_autoptr(RpReport) report = build (fixture, &options);
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(RpNameFinding) finding = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "csv", NULL);
  g_autoptr(GString) published = g_string_new (NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GListModel) attendees = NULL;
  const char *file;
  const char * const written[] = { "settled well", "sister", "enjoys it", "hydrotherapy", "transport driver", "friends" };

  names = rp_store_build_name_index (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  g_assert_true (rp_report_check_names (report, names, &finding, &error));
  g_assert_no_error (error);
  g_assert_null (finding);

  g_assert_true (rp_report_write_pdf (report, pdf, &error));
  g_assert_true (rp_report_write_xlsx (report, xlsx, &error));
  g_assert_true (rp_report_write_csv_files (report, folder, &error));
  g_assert_no_error (error);

  {
    g_autofree char *text = run_pdftotext (pdf);
    g_autofree char *sheets = run_xlsx_text (xlsx);

    if (text == NULL || sheets == NULL)
      {
        g_test_skip ("pdftotext or python3 is not installed");
        return;
      }
    /* The follow-up parts are there to look at. */
    g_assert_nonnull (strstr (text, "Appendix 3"));
    g_assert_nonnull (strstr (sheets, "Follow-up summary"));
    g_assert_nonnull (strstr (sheets, "October 2026 (interim)"));
    g_string_append (published, text);
    g_string_append (published, sheets);
  }

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, file, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      g_string_append (published, contents);
    }
  g_assert_nonnull (strstr (published->str, "follow_up_review"));

  /* No one's name, whole or in part. */
  attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_auto(GStrv) parts = g_strsplit (rp_attendee_get_full_name (attendee), " ", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        if (strlen (parts[p]) > 2 && strstr (published->str, parts[p]) != NULL)
          g_test_fail_printf ("a part of attendee %d's name is published", rp_attendee_get_number (attendee));
    }
  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    if (strstr (published->str, written[i]) != NULL)
      g_test_fail_printf ("a review's text “%s” is published", written[i]);
}

static guint
count_bytes (const char *path,
             const char *needle)
{
  g_autofree char *pdf = NULL;
  gsize length;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (pdf + i, needle, strlen (needle)) == 0)
      n++;

  return n;
}

/* The follow-up table is a real table in the tagged PDF: a header row of
 * seven header cells and a row of seven data cells for each person. */
static void
test_tagged (Fixture       *fixture,
             gconstpointer  data)
{
  RpReportOptions with = { .only_table = RP_REPORT_TABLE_FOLLOW_UP };
  g_autoptr(RpReport) report = build (fixture, &with);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "follow-up.pdf", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  g_assert_true (rp_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_bytes (path, "/S /Table"), ==, 1);
  g_assert_cmpuint (count_bytes (path, "/S /TH"), ==, 7);
  g_assert_cmpuint (count_bytes (path, "/S /TR"), ==, 1 + 7);
  g_assert_cmpuint (count_bytes (path, "/S /TD"), ==, 7 * 7);
  g_assert_cmpuint (count_bytes (path, "/S /H2"), ==, 1);

  if (pdfinfo != NULL)
    {
      const char *args[] = { pdfinfo, path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, "Tagged:          yes"));
    }
}

/* The command line offers the tables by name, and leaves the follow-up table out on request. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  const char *cli = g_getenv ("REPROVISION_CLI");
  g_autofree char *one = g_build_filename (fixture->dir, "follow-up.csv", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "tables", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *database = rp_test_store_location (fixture->path);
  g_autoptr(GError) error = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("REPROVISION_CLI is not set");
      return;
    }

  /* The command line opens the file itself. */
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  fixture->store = NULL;

  {
    const char *args[] = { cli, "report", "--database", database, "--format", "csv", "--table", "follow-up",
                           "--output", one, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                 &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_get_contents (one, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "attendee_no,moved_month,interim,follow_up_review,"));
  g_assert_nonnull (strstr (contents, "\r\n11,2026-10,yes,"));

  {
    const char *args[] = { cli, "report", "--database", database, "--format", "csv", "--no-follow-up-table",
                           "--output", folder, NULL };
    g_autofree char *table = g_build_filename (folder, "follow-up.csv", NULL);
    g_autofree char *summary = g_build_filename (folder, "follow-up-summary.csv", NULL);

    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                 &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_false (g_file_test (table, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (summary, G_FILE_TEST_EXISTS));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  install_clock ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/report-follow-up/contents", test_contents);
  ADD ("/core/report-follow-up/as-of", test_as_of);
  ADD ("/core/report-follow-up/since-last-report", test_since_last_report);
  ADD ("/core/report-follow-up/suppression", test_suppression);
  ADD ("/core/report-follow-up/no-names", test_no_names);
  ADD ("/core/report-follow-up/tagged", test_tagged);
  ADD ("/core/report-follow-up/cli", test_cli);

  return g_test_run ();
}
