/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timetable.c: the closure timetable as managers write it: due notes, deleting with undo, long activities */

#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

#define SEED_DUE "IBC 30 Sept, Pathfinders 10 & 19 Oct, FTM Dance tbc, Mosaic 27 Sept"

typedef struct
{
  char        *dir;
  char        *path;
  RpStore     *store;
  RpProgramme *programme;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GListModel *
list_actions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GListModel *actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), &error);

  g_assert_no_error (error);
  return actions;
}

static guint
count_actions (Fixture *fixture)
{
  g_autoptr(GListModel) actions = list_actions (fixture);

  return g_list_model_get_n_items (actions);
}

static RpTimetableAction *
nth_action (Fixture *fixture,
            guint    n)
{
  g_autoptr(GListModel) actions = list_actions (fixture);

  return g_list_model_get_item (actions, n);
}

static char *
timetable_csv (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReport) report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), NULL, &error);

  g_assert_no_error (error);
  return rp_report_to_csv (report, RP_REPORT_TABLE_TIMETABLE);
}

/* Adds an action with what a person typed in "Due", at the end of the timetable. */
static RpTimetableAction *
add_action (Fixture    *fixture,
            const char *activity,
            const char *due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = list_actions (fixture);
  RpTimetableAction *action = rp_timetable_action_new ();

  rp_timetable_action_set_programme_id (action, rp_programme_get_id (fixture->programme));
  rp_timetable_action_set_activity (action, activity);
  rp_timetable_action_set_owner (action, "OO/MM");
  rp_timetable_action_set_position (action, g_list_model_get_n_items (actions) + 1);
  g_assert_true (rp_timetable_action_set_due_text (action, due, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_add_action (fixture->store, action, &error));
  g_assert_no_error (error);
  return action;
}

/* One "Due" field: a date, a note, or nothing; and back again for editing. */
static void
test_due_text_read (void)
{
  static const struct {
    const char *typed;
    const char *due_date;
    const char *due_note;
    const char *edited;   /* what the field shows when the action is edited again */
  } cases[] = {
    { "", NULL, NULL, "" },
    { "   ", NULL, NULL, "" },
    { "tbc", NULL, "tbc", "tbc" },
    { " TBC ", NULL, "TBC", "TBC" },
    { SEED_DUE, NULL, SEED_DUE, SEED_DUE },
    { "End of October", NULL, "End of October", "End of October" },
    { "30 Sept", NULL, "30 Sept", "30 Sept" },
    { "30/09/2027", "2027-09-30", NULL, "30/09/2027" },
    { "1/2/2028", "2028-02-01", NULL, "01/02/2028" },
    { "2027-09-30", "2027-09-30", NULL, "30/09/2027" },
    { "30 Sep 2027", "2027-09-30", NULL, "30/09/2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *edited = NULL;

      g_test_message ("Due: “%s”", cases[i].typed);

      /* Whatever was there before is replaced. */
      rp_timetable_action_set_due_note (action, "earlier");
      g_assert_true (rp_timetable_action_set_due_text (action, cases[i].typed, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (rp_timetable_action_get_due_date (action), ==, cases[i].due_date);
      g_assert_cmpstr (rp_timetable_action_get_due_note (action), ==, cases[i].due_note);

      edited = rp_timetable_action_dup_due_text (action);
      g_assert_cmpstr (edited, ==, cases[i].edited);
    }
}

/* Something written as a date that is not one is refused in words, not kept as a note. */
static void
test_due_text_impossible_date (void)
{
  static const struct {
    const char *typed;
    const char *says;
  } cases[] = {
    { "31/02/2027", "that month has 28 days" },
    { "30/13/2027", "there is no month 13" },
    { "30/09/27", "two-digit year" },
    { "30/09", "Type the day, month and year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("Due: “%s”", cases[i].typed);
      rp_timetable_action_set_due_date (action, "2027-01-15");

      g_assert_false (rp_timetable_action_set_due_text (action, cases[i].typed, &error));
      g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].typed));
      g_assert_nonnull (strstr (error->message, cases[i].says));

      /* Unchanged. */
      g_assert_cmpstr (rp_timetable_action_get_due_date (action), ==, "2027-01-15");
      g_assert_null (rp_timetable_action_get_due_note (action));
    }

  /* A note is a short text, checked like the others. */
  {
    g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *long_note = g_strnfill (201, 'x');

    g_assert_false (rp_timetable_action_set_due_text (action, long_note, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "the due note can hold at most 200 characters"));
    g_assert_null (rp_timetable_action_get_due_note (action));
  }
}

/* "tbc" and a free-text note are stored, printed in the report's
 * timetable, audited and still there when the file is opened again. */
static void
test_due_note_stored_and_printed (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTimetableAction) tbc = add_action (fixture, "Agree the transport contract", "tbc");
  g_autoptr(RpTimetableAction) seed = add_action (fixture, "Taster days at the new providers", SEED_DUE);
  g_autoptr(RpTimetableAction) dated = add_action (fixture, "Staff consultation ends", "30/09/2027");
  g_autoptr(GListModel) audit = NULL;
  g_autofree char *csv = timetable_csv (fixture);
  gboolean audited = FALSE;
  RpProgrammeCounts counts;

  g_assert_nonnull (strstr (csv, "Agree the transport contract,OO/MM,,tbc,Not started\r\n"));
  g_assert_nonnull (strstr (csv, "Taster days at the new providers,OO/MM,,\"" SEED_DUE "\",Not started\r\n"));
  g_assert_nonnull (strstr (csv, "Staff consultation ends,OO/MM,2027-09-30,30 Sep 2027,Not started\r\n"));

  /* The note is in the audit trail like every other field. */
  audit = rp_store_list_audit (fixture->store, "timetable_action", rp_timetable_action_get_id (seed), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (audit); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (audit, i);

      audited |= g_strcmp0 (rp_audit_entry_get_field (entry), "due_note") == 0 &&
                 g_strcmp0 (rp_audit_entry_get_new_value (entry), SEED_DUE) == 0;
    }
  g_assert_true (audited);

  /* Only a date can be overdue: a note never is, however late it is read. */
  rp_store_set_today (fixture->store, "2030-01-01");
  g_assert_true (rp_store_get_counts (fixture->store, rp_programme_get_id (fixture->programme), &counts, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) actions = list_actions (fixture);
    guint dated_open = 0;

    for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
      {
        g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);

        dated_open += rp_timetable_action_get_due_date (action) != NULL &&
                      rp_timetable_action_get_status (action) != RP_ACTION_COMPLETED;
      }
    g_assert_cmpuint (counts.actions_overdue, ==, dated_open);
  }

  /* Opened again. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = rp_test_open_store (fixture->path, RP_STORE_OPEN_AS_IS, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) actions = list_actions (fixture);
    guint n = g_list_model_get_n_items (actions);
    g_autoptr(RpTimetableAction) last = g_list_model_get_item (actions, n - 1);
    g_autoptr(RpTimetableAction) middle = g_list_model_get_item (actions, n - 2);
    g_autoptr(RpTimetableAction) first = g_list_model_get_item (actions, n - 3);
    g_autofree char *reopened = timetable_csv (fixture);

    g_assert_cmpstr (rp_timetable_action_get_due_note (first), ==, "tbc");
    g_assert_cmpstr (rp_timetable_action_get_due_note (middle), ==, SEED_DUE);
    g_assert_null (rp_timetable_action_get_due_date (middle));
    g_assert_cmpstr (rp_timetable_action_get_due_date (last), ==, "2027-09-30");
    g_assert_null (rp_timetable_action_get_due_note (last));
    g_assert_cmpstr (reopened, ==, csv);
  }
}

/* A refused due date saves nothing; an action cannot hold both a date and a note. */
static void
test_due_refused_saves_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTimetableAction) stored = nth_action (fixture, 0);
  g_autoptr(RpTimetableAction) edited = rp_timetable_action_copy (stored);
  g_autofree char *before = timetable_csv (fixture);
  g_autofree char *after = NULL;

  rp_timetable_action_set_activity (edited, "Changed as well");
  g_assert_false (rp_timetable_action_set_due_text (edited, "31/02/2027", &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);

  /* A note and a date at once, which no form makes, is refused by the store. */
  rp_timetable_action_set_due_date (edited, "2027-09-30");
  rp_timetable_action_set_due_note (edited, "tbc");
  g_assert_false (rp_store_save_action (fixture->store, edited, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not both"));

  after = timetable_csv (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* A name in a due note stops the report like a name in an activity, and
 * the message says which text without saying the name. */
static void
test_due_note_name_check (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTimetableAction) action = nth_action (fixture, 1);
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autoptr(RpNameFinding) finding = NULL;

  /* Susan Morgan is Ella's mother in the sample. */
  g_assert_true (rp_timetable_action_set_due_text (action, "After the Morgans are back, tbc", &error));
  g_assert_true (rp_store_save_action (fixture->store, action, &error));
  g_assert_no_error (error);

  names = rp_store_build_name_index (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), NULL, &error);
  g_assert_no_error (error);

  g_assert_false (rp_report_check_names (report, names, &finding, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpint (finding->field, ==, RP_PUBLISHED_DUE_NOTE);
  g_assert_cmpint (finding->number, ==, 2);
  g_assert_cmpstr (finding->known, ==, "Morgan");
  g_assert_nonnull (strstr (error->message, "due note of closure action 2"));
  g_assert_nonnull (strstr (error->message, "--confirm-not-a-name timetable:2:due=WORD"));
  g_assert_null (strstr (error->message, "Morgan"));
}

static char *
describe_timetable (Fixture *fixture)
{
  g_autoptr(GListModel) actions = list_actions (fixture);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT " %s|%s|%s|%s|%s\n", rp_timetable_action_get_id (action),
                              rp_timetable_action_get_activity (action), rp_timetable_action_get_owner (action),
                              rp_timetable_action_get_due_date (action), rp_timetable_action_get_due_note (action),
                              rp_action_status_to_string (rp_timetable_action_get_status (action)));
    }

  return g_string_free (out, FALSE);
}

static gboolean
audit_has (Fixture    *fixture,
           gint64      id,
           const char *action)
{
  g_autoptr(GListModel) audit = rp_store_list_audit (fixture->store, "timetable_action", id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (audit); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (audit, i);

      if (g_strcmp0 (rp_audit_entry_get_action (entry), action) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Deleting an action takes it off the timetable, audited; the undo puts
 * it back as it was, in its place, even if the others moved meanwhile. */
static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTimetableAction) second = nth_action (fixture, 1);
  g_autoptr(RpTimetableAction) third = NULL;
  g_autoptr(RpTimetableAction) last = NULL;
  g_autoptr(GListModel) before_list = list_actions (fixture);
  guint n = g_list_model_get_n_items (before_list);
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *csv = NULL;
  gint64 id = rp_timetable_action_get_id (second);

  g_assert_cmpuint (n, >=, 4);
  g_assert_true (rp_timetable_action_set_due_text (second, "tbc", &error));
  g_assert_true (rp_store_save_action (fixture->store, second, &error));
  g_assert_no_error (error);
  before = describe_timetable (fixture);

  g_assert_true (rp_store_delete_action (fixture->store, id, &error));
  g_assert_no_error (error);
  deleted = describe_timetable (fixture);
  g_assert_cmpuint (count_actions (fixture), ==, n - 1);
  g_assert_null (strstr (deleted, rp_timetable_action_get_activity (second)));
  g_assert_true (audit_has (fixture, id, "delete"));
  csv = timetable_csv (fixture);
  g_assert_null (strstr (csv, rp_timetable_action_get_activity (second)));

  /* Deleting it twice says it is gone. */
  g_assert_false (rp_store_delete_action (fixture->store, id, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rp_store_restore_action (fixture->store, second, &error));
  g_assert_no_error (error);
  restored = describe_timetable (fixture);
  g_assert_cmpstr (restored, ==, before);

  /* Undoing twice does not make two. */
  g_assert_false (rp_store_restore_action (fixture->store, second, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_actions (fixture), ==, n);

  /* Deleted, then the last moved up over its place, then undone: it comes
   * back second, the others in the order they now have. */
  g_assert_true (rp_store_delete_action (fixture->store, id, &error));
  last = nth_action (fixture, n - 2);
  for (guint i = 0; i < n; i++)
    g_assert_true (rp_store_move_action (fixture->store, rp_timetable_action_get_id (last), -1, &error));
  g_assert_no_error (error);
  third = nth_action (fixture, 1);
  g_assert_true (rp_store_restore_action (fixture->store, second, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RpTimetableAction) now_second = nth_action (fixture, 1);
    g_autoptr(RpTimetableAction) now_third = nth_action (fixture, 2);

    g_assert_cmpint (rp_timetable_action_get_id (now_second), ==, id);
    g_assert_cmpstr (rp_timetable_action_get_due_note (now_second), ==, "tbc");
    g_assert_cmpint (rp_timetable_action_get_id (now_third), ==, rp_timetable_action_get_id (third));
  }
}

/* A tick changes the status alone, and only from the status it was made on. */
static void
test_status_tick (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTimetableAction) seen = add_action (fixture, "Tell families the closure date", "tbc");
  g_autoptr(RpTimetableAction) edited = NULL;
  g_autoptr(RpTimetableAction) now = NULL;
  gint64 id = rp_timetable_action_get_id (seen);
  RpActionStatus shown = rp_timetable_action_get_status (seen);

  g_assert_cmpint (shown, !=, RP_ACTION_COMPLETED);

  /* Someone else renames it meanwhile: the tick keeps their words. */
  edited = rp_timetable_action_copy (seen);
  rp_timetable_action_set_activity (edited, "Tell families and carers the closure date");
  g_assert_true (rp_store_save_action (fixture->store, edited, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_set_action_status (fixture->store, id, shown, RP_ACTION_COMPLETED, &error));
  g_assert_no_error (error);
  now = nth_action (fixture, count_actions (fixture) - 1);
  g_assert_cmpint (rp_timetable_action_get_status (now), ==, RP_ACTION_COMPLETED);
  g_assert_cmpstr (rp_timetable_action_get_activity (now), ==, "Tell families and carers the closure date");

  /* A tick made on the page before that: refused, and nothing changed. */
  g_assert_false (rp_store_set_action_status (fixture->store, id, shown, RP_ACTION_IN_PROGRESS, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&now);
  now = nth_action (fixture, count_actions (fixture) - 1);
  g_assert_cmpint (rp_timetable_action_get_status (now), ==, RP_ACTION_COMPLETED);

  /* Gone meanwhile: said so. */
  g_assert_true (rp_store_delete_action (fixture->store, id, &error));
  g_assert_false (rp_store_set_action_status (fixture->store, id, RP_ACTION_COMPLETED, RP_ACTION_IN_PROGRESS, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
}

/* An activity of several lines and sentences is kept as written. */
static void
test_multiline_activity (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char activity[] =
    "Hold taster days at the new providers.\n"
    "Families are invited; transport is arranged by the day centre.\n\n"
    "Check the feedback before the next meeting.";
  g_autoptr(RpTimetableAction) added = add_action (fixture, activity, "tbc");
  g_autoptr(GListModel) actions = list_actions (fixture);
  g_autoptr(RpTimetableAction) read = g_list_model_get_item (actions, g_list_model_get_n_items (actions) - 1);
  g_autofree char *csv = timetable_csv (fixture);
  g_autofree char *quoted = g_strdup_printf ("\"%s\",OO/MM,,tbc,", activity);

  g_assert_cmpstr (rp_timetable_action_get_activity (read), ==, activity);
  g_assert_nonnull (strstr (csv, quoted));
}

/* A taster day as the store gives it with an action: provider, date, cancelled. */
static RpTasterDay *
make_day (gint64      id,
          gint64      provider_id,
          const char *provider,
          const char *date,
          gboolean    cancelled)
{
  RpTasterDay *day = rp_taster_day_new ();

  rp_taster_day_set_id (day, id);
  rp_taster_day_set_provider_id (day, provider_id);
  rp_taster_day_set_provider_name (day, provider);
  rp_taster_day_set_date (day, date);
  rp_taster_day_set_cancelled (day, cancelled);
  return day;
}

/* The linked days print as people write them: by provider in date order,
 * days of a month together, "tbc" for a day not dated or cancelled, and the
 * action's own due date or note after a semicolon. */
static void
test_linked_days_printed (void)
{
  typedef struct
  {
    gint64      provider_id;
    const char *provider;
    const char *date;
    gboolean    cancelled;
  } Day;
  static const struct
  {
    const char     *what;
    Day             days[6];
    const char     *due;        /* typed in "Due" */
    RpActionStatus  status;
    const char     *printed;
  } cases[] = {
    { "one day", { { 1, "IBC", "2023-09-30" } }, NULL, RP_ACTION_NOT_STARTED, "IBC 30 Sep" },
    { "two days of a month", { { 2, "Pathfinders", "2023-10-19" }, { 2, "Pathfinders", "2023-10-10" } },
      NULL, RP_ACTION_NOT_STARTED, "Pathfinders 10 & 19 Oct" },
    { "three days of a month", { { 2, "Pathfinders", "2023-10-19" }, { 2, "Pathfinders", "2023-10-03" },
                                 { 2, "Pathfinders", "2023-10-10" } },
      NULL, RP_ACTION_NOT_STARTED, "Pathfinders 3, 10 & 19 Oct" },
    { "a month boundary", { { 1, "IBC", "2023-10-02" }, { 1, "IBC", "2023-09-30" } },
      NULL, RP_ACTION_NOT_STARTED, "IBC 30 Sep & 2 Oct" },
    { "three months", { { 1, "IBC", "2023-11-01" }, { 1, "IBC", "2023-09-28" }, { 1, "IBC", "2023-09-30" },
                        { 1, "IBC", "2023-10-02" } },
      NULL, RP_ACTION_NOT_STARTED, "IBC 28 & 30 Sep, 2 Oct & 1 Nov" },
    { "a year boundary", { { 1, "IBC", "2027-01-02" }, { 1, "IBC", "2026-12-30" }, { 2, "Pathfinders", "2027-01-08" } },
      NULL, RP_ACTION_NOT_STARTED, "IBC 30 Dec 2026 & 2 Jan 2027, Pathfinders 8 Jan 2027" },
    { "one day twice (morning and afternoon)", { { 1, "IBC", "2023-09-30" }, { 1, "IBC", "2023-09-30" } },
      NULL, RP_ACTION_NOT_STARTED, "IBC 30 Sep" },
    { "not dated yet", { { 3, "FTM Dance", NULL } }, NULL, RP_ACTION_NOT_STARTED, "FTM Dance tbc" },
    { "cancelled", { { 3, "FTM Dance", "2023-10-04", TRUE } }, NULL, RP_ACTION_NOT_STARTED, "FTM Dance tbc" },
    { "a date and a cancelled day", { { 2, "Pathfinders", "2023-10-19", TRUE }, { 2, "Pathfinders", "2023-10-10" } },
      NULL, RP_ACTION_NOT_STARTED, "Pathfinders 10 Oct & tbc" },
    { "two days to be confirmed", { { 3, "FTM Dance", NULL }, { 3, "FTM Dance", "2023-10-04", TRUE } },
      NULL, RP_ACTION_NOT_STARTED, "FTM Dance tbc" },
    /* The seed's note, written by the app: providers by their first day, the undated last. */
    { "the seed", { { 3, "FTM Dance", NULL }, { 2, "Pathfinders", "2023-10-19" }, { 1, "IBC", "2023-09-30" },
                    { 4, "Mosaic", "2023-09-27" }, { 2, "Pathfinders", "2023-10-10" } },
      NULL, RP_ACTION_IN_PROGRESS, "Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc" },
    { "two providers on one day, by name", { { 6, "Pathfinders", "2023-10-10" }, { 5, "IBC", "2023-10-10" } },
      NULL, RP_ACTION_NOT_STARTED, "IBC 10 Oct, Pathfinders 10 Oct" },
    { "accents and apostrophes", { { 7, "Café Lumière", "2023-10-03" }, { 8, "St David’s Centre", "2023-10-01" },
                                   { 9, "Ŵyn & Co", NULL } },
      NULL, RP_ACTION_NOT_STARTED, "St David’s Centre 1 Oct, Café Lumière 3 Oct, Ŵyn & Co tbc" },
    { "with its own date", { { 1, "IBC", "2023-09-30" } }, "31/10/2023", RP_ACTION_NOT_STARTED, "IBC 30 Sep; 31 Oct 2023" },
    { "with its own note", { { 3, "FTM Dance", NULL } }, "tbc", RP_ACTION_IN_PROGRESS, "FTM Dance tbc; tbc" },
    { "with a note of its own words", { { 1, "IBC", "2023-09-30" } }, "feedback by half term",
      RP_ACTION_NOT_STARTED, "IBC 30 Sep; feedback by half term" },
    { "completed", { { 1, "IBC", "2023-09-30" } }, "31/10/2023", RP_ACTION_COMPLETED, "Completed" },
    /* Without linked days, as before. */
    { "no days, no due", { { 0 } }, NULL, RP_ACTION_NOT_STARTED, "tbc" },
    { "no days, in progress", { { 0 } }, NULL, RP_ACTION_IN_PROGRESS, "In progress" },
    { "no days, a date", { { 0 } }, "30/09/2027", RP_ACTION_IN_PROGRESS, "30 Sep 2027" },
    { "no days, a note", { { 0 } }, SEED_DUE, RP_ACTION_NOT_STARTED, SEED_DUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
      g_autoptr(RpTimetableAction) copy = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *printed = NULL;
      g_autofree char *copied = NULL;

      g_test_message ("Linked days: %s", cases[i].what);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].days) && cases[i].days[j].provider != NULL; j++)
        {
          const Day *day = &cases[i].days[j];
          g_autoptr(RpTasterDay) linked = make_day (10 * (i + 1) + j, day->provider_id, day->provider,
                                                    day->date, day->cancelled);

          rp_timetable_action_link_taster_day (action, linked);
        }
      g_assert_true (rp_timetable_action_set_due_text (action, cases[i].due, &error));
      g_assert_no_error (error);
      rp_timetable_action_set_status (action, cases[i].status);

      printed = rp_timetable_action_format_due (action);
      g_assert_cmpstr (printed, ==, cases[i].printed);

      /* An action copied for editing prints the same. */
      copy = rp_timetable_action_copy (action);
      copied = rp_timetable_action_format_due (copy);
      g_assert_cmpstr (copied, ==, printed);
    }
}

/* Linking the same day twice keeps one link; unlinking says whether there was one. */
static void
test_linked_days_edited (void)
{
  g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
  g_autoptr(RpTimetableAction) copy = NULL;
  g_autoptr(RpTasterDay) ibc = make_day (1, 1, "IBC", "2023-09-30", FALSE);
  g_autoptr(RpTasterDay) moved = make_day (1, 1, "IBC", "2023-10-02", FALSE);
  g_autoptr(RpTasterDay) mosaic = make_day (2, 4, "Mosaic", "2023-09-27", FALSE);
  g_autofree char *printed = NULL;

  rp_timetable_action_link_taster_day (action, ibc);
  rp_timetable_action_link_taster_day (action, mosaic);
  rp_timetable_action_link_taster_day (action, moved);
  g_assert_cmpuint (rp_timetable_action_get_n_taster_days (action), ==, 2);
  g_assert_true (rp_timetable_action_has_taster_day (action, 1));
  g_assert_true (rp_timetable_action_get_taster_day (action, 0) == moved);

  copy = rp_timetable_action_copy (action);
  g_assert_true (rp_timetable_action_unlink_taster_day (copy, 1));
  g_assert_false (rp_timetable_action_unlink_taster_day (copy, 1));
  g_assert_false (rp_timetable_action_has_taster_day (copy, 1));
  /* The original is not changed by editing its copy. */
  g_assert_true (rp_timetable_action_has_taster_day (action, 1));
  printed = rp_timetable_action_format_due (copy);
  g_assert_cmpstr (printed, ==, "Mosaic 27 Sep");

  rp_timetable_action_clear_taster_days (copy);
  g_assert_cmpuint (rp_timetable_action_get_n_taster_days (copy), ==, 0);
}

static RpTasterDay *
find_sample_day (Fixture    *fixture,
                 const char *provider,
                 const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) days = rp_store_list_taster_days (fixture->store, rp_programme_get_id (fixture->programme), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);

      if (g_str_equal (rp_taster_day_get_provider_name (day), provider) &&
          g_strcmp0 (rp_taster_day_get_date (day), date) == 0)
        return g_steal_pointer (&day);
    }

  g_assert_not_reached ();
}

static guint
count_audit (Fixture    *fixture,
             const char *table_name,
             const char *action,
             const char *field,
             gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE table_name = '%s' AND action = '%s'"
                                          " AND field = '%s' AND CAST (coalesce (new_value, old_value) AS TEXT) = '%" G_GINT64_FORMAT "'",
                                          table_name, action, field, value);
  return rp_test_query_int (fixture->store, sql);
}

static guint
count_links (Fixture *fixture,
             gint64   action_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM timetable_action_taster_day WHERE action_id = %" G_GINT64_FORMAT,
                                          action_id);
  return rp_test_query_int (fixture->store, sql);
}

/* Links are saved with the action, read back with it (in the report too),
 * audited both ways, and kept when the file is opened again. */
static void
test_linked_days_stored (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpTimetableAction) action = add_action (fixture, "Check the new providers’ access", "31/10/2023");
  g_autoptr(RpTasterDay) ibc = find_sample_day (fixture, "IBC", "2023-09-30");
  g_autoptr(RpTasterDay) pathfinders = find_sample_day (fixture, "Pathfinders", "2023-10-10");
  g_autoptr(RpTimetableAction) read = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *printed = NULL;
  gint64 id = rp_timetable_action_get_id (action);

  /* The sample's own action is linked to these days already; this one has no links. */
  guint ibc_inserts = count_audit (fixture, "timetable_action_taster_day", "insert", "taster_day_id",
                                   rp_taster_day_get_id (ibc));
  guint pathfinders_inserts = count_audit (fixture, "timetable_action_taster_day", "insert", "taster_day_id",
                                           rp_taster_day_get_id (pathfinders));

  g_assert_cmpuint (count_links (fixture, id), ==, 0);
  rp_timetable_action_link_taster_day (action, ibc);
  rp_timetable_action_link_taster_day (action, pathfinders);
  g_assert_true (rp_store_save_action (fixture->store, action, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_links (fixture, id), ==, 2);
  g_assert_cmpuint (count_audit (fixture, "timetable_action_taster_day", "insert", "taster_day_id",
                                 rp_taster_day_get_id (ibc)), ==, ibc_inserts + 1);

  read = nth_action (fixture, count_actions (fixture) - 1);
  g_assert_cmpint (rp_timetable_action_get_id (read), ==, id);
  g_assert_cmpuint (rp_timetable_action_get_n_taster_days (read), ==, 2);
  printed = rp_timetable_action_format_due (read);
  g_assert_cmpstr (printed, ==, "IBC 30 Sep, Pathfinders 10 Oct; 31 Oct 2023");
  csv = timetable_csv (fixture);
  g_assert_nonnull (strstr (csv, "Check the new providers’ access,OO/MM,2023-10-31,\"IBC 30 Sep, Pathfinders 10 Oct; 31 Oct 2023\",Not started\r\n"));

  /* A day moved or cancelled is printed as it is now, without touching the action. */
  rp_taster_day_set_date (pathfinders, "2023-10-12");
  g_assert_true (rp_store_save_taster_day (fixture->store, pathfinders, &error));
  g_assert_true (rp_store_cancel_taster_day (fixture->store, rp_taster_day_get_id (ibc), NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  g_clear_pointer (&printed, g_free);
  read = nth_action (fixture, count_actions (fixture) - 1);
  printed = rp_timetable_action_format_due (read);
  g_assert_cmpstr (printed, ==, "Pathfinders 12 Oct, IBC tbc; 31 Oct 2023");

  /* Unlinked: the link goes, audited; the other stays as it was. */
  g_assert_true (rp_timetable_action_unlink_taster_day (read, rp_taster_day_get_id (ibc)));
  g_assert_true (rp_store_save_action (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_links (fixture, id), ==, 1);
  g_assert_cmpuint (count_audit (fixture, "timetable_action_taster_day", "delete", "taster_day_id",
                                 rp_taster_day_get_id (ibc)), ==, 1);
  g_assert_cmpuint (count_audit (fixture, "timetable_action_taster_day", "insert", "taster_day_id",
                                 rp_taster_day_get_id (pathfinders)), ==, pathfinders_inserts + 1);

  /* Opened again. */
  g_clear_object (&read);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = rp_test_open_store (fixture->path, RP_STORE_OPEN_AS_IS, &error);
  g_assert_no_error (error);
  read = nth_action (fixture, count_actions (fixture) - 1);
  g_assert_cmpuint (rp_timetable_action_get_n_taster_days (read), ==, 1);
  g_assert_cmpint (rp_taster_day_get_id (rp_timetable_action_get_taster_day (read, 0)), ==, rp_taster_day_get_id (pathfinders));
  g_assert_cmpstr (rp_taster_day_get_provider_name (rp_timetable_action_get_taster_day (read, 0)), ==, "Pathfinders");
}

/* A day of another programme, or one that does not exist, is refused in
 * words, and nothing of the edit is saved. */
static void
test_linked_days_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) other = rp_programme_new ();
  g_autoptr(RpTasterDay) elsewhere = rp_taster_day_new ();
  g_autoptr(RpTasterDay) ibc = find_sample_day (fixture, "IBC", "2023-09-30");
  g_autoptr(RpTasterDay) missing = make_day (9999, 1, "IBC", "2023-11-11", FALSE);
  g_autoptr(RpTimetableAction) action = nth_action (fixture, 0);
  g_autofree char *before = timetable_csv (fixture);
  g_autofree char *after = NULL;
  gint64 id = rp_timetable_action_get_id (action);

  rp_programme_set_name (other, "Northfield");
  g_assert_true (rp_store_add_programme (fixture->store, other, &error));
  rp_taster_day_set_programme_id (elsewhere, rp_programme_get_id (other));
  rp_taster_day_set_provider_id (elsewhere, rp_taster_day_get_provider_id (ibc));
  rp_taster_day_set_date (elsewhere, "2023-10-05");
  g_assert_true (rp_store_add_taster_day (fixture->store, elsewhere, &error));
  g_assert_no_error (error);
  rp_taster_day_set_provider_name (elsewhere, "IBC");

  rp_timetable_action_set_activity (action, "Changed as well");
  rp_timetable_action_link_taster_day (action, ibc);
  rp_timetable_action_link_taster_day (action, elsewhere);
  g_assert_false (rp_store_save_action (fixture->store, action, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The taster day at IBC on 5 Oct 2023 belongs to another programme. "
                                       "An action can only be linked to taster days of its own programme.");
  g_clear_error (&error);

  g_assert_true (rp_timetable_action_unlink_taster_day (action, rp_taster_day_get_id (elsewhere)));
  rp_timetable_action_link_taster_day (action, missing);
  g_assert_false (rp_store_save_action (fixture->store, action, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The taster day at IBC on 11 Nov 2023 no longer exists, so the action cannot be linked to it.");
  g_clear_error (&error);

  /* A new action is refused the same way, and not added. */
  {
    g_autoptr(RpTimetableAction) added = rp_timetable_action_new ();
    guint n = count_actions (fixture);

    rp_timetable_action_set_programme_id (added, rp_programme_get_id (fixture->programme));
    rp_timetable_action_set_activity (added, "Linked to a day elsewhere");
    rp_timetable_action_link_taster_day (added, elsewhere);
    g_assert_false (rp_store_add_action (fixture->store, added, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_assert_cmpint (rp_timetable_action_get_id (added), ==, 0);
    g_assert_cmpuint (count_actions (fixture), ==, n);
  }

  after = timetable_csv (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_links (fixture, id), ==, 0);
}

/* Deleting an action takes its links with it, in the audit trail; the undo
 * puts them back. Deleting a taster day removes its links too. */
static void
test_linked_days_deleted (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = list_actions (fixture);
  g_autoptr(RpTimetableAction) linked = NULL;
  g_autoptr(RpTimetableAction) back = NULL;
  g_autoptr(RpTasterDay) ftm = find_sample_day (fixture, "FTM Dance", NULL);
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *without_ftm = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  for (guint i = 0; linked == NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);

      if (rp_timetable_action_get_n_taster_days (action) > 0)
        linked = g_steal_pointer (&action);
    }
  g_assert_nonnull (linked);
  id = rp_timetable_action_get_id (linked);
  before = rp_timetable_action_format_due (linked);
  g_assert_cmpstr (before, ==, "Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc; 19 Oct 2023");
  g_assert_cmpuint (count_links (fixture, id), ==, 5);

  g_assert_true (rp_store_delete_action (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_links (fixture, id), ==, 0);
  g_assert_cmpuint (count_audit (fixture, "timetable_action_taster_day", "delete", "action_id", id), ==, 5);

  g_assert_true (rp_store_restore_action (fixture->store, linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_links (fixture, id), ==, 5);
  g_clear_object (&actions);
  actions = list_actions (fixture);
  for (guint i = 0; back == NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);

      if (rp_timetable_action_get_id (action) == id)
        back = g_steal_pointer (&action);
    }
  g_assert_nonnull (back);
  restored = rp_timetable_action_format_due (back);
  g_assert_cmpstr (restored, ==, before);

  /* A taster day deleted (the app cancels days; another tool might delete
   * one) leaves no link behind, and the audit trail says which went. */
  sql = g_strdup_printf ("DELETE FROM taster_day WHERE id = %" G_GINT64_FORMAT, rp_taster_day_get_id (ftm));
  rp_test_exec (fixture->store, sql);
  g_assert_cmpuint (count_links (fixture, id), ==, 4);
  g_assert_cmpuint (count_audit (fixture, "timetable_action_taster_day", "delete", "taster_day_id",
                                 rp_taster_day_get_id (ftm)), ==, 2);
  g_clear_object (&back);
  g_clear_object (&actions);
  actions = list_actions (fixture);
  for (guint i = 0; back == NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);

      if (rp_timetable_action_get_id (action) == id)
        back = g_steal_pointer (&action);
    }
  without_ftm = rp_timetable_action_format_due (back);
  g_assert_cmpstr (without_ftm, ==, "Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct; 19 Oct 2023");

  /* The undo of a deletion after that day went puts back the links it can. */
  g_assert_true (rp_store_delete_action (fixture->store, id, &error));
  g_assert_true (rp_store_restore_action (fixture->store, linked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_links (fixture, id), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/timetable/due-text/read", test_due_text_read);
  g_test_add_func ("/core/timetable/due-text/impossible-date", test_due_text_impossible_date);
  g_test_add ("/core/timetable/due-note/stored-and-printed", Fixture, NULL,
              fixture_set_up, test_due_note_stored_and_printed, fixture_tear_down);
  g_test_add ("/core/timetable/due-note/refused-saves-nothing", Fixture, NULL,
              fixture_set_up, test_due_refused_saves_nothing, fixture_tear_down);
  g_test_add ("/core/timetable/due-note/name-check", Fixture, NULL,
              fixture_set_up, test_due_note_name_check, fixture_tear_down);
  g_test_add ("/core/timetable/delete-and-undo", Fixture, NULL,
              fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/core/timetable/status-tick", Fixture, NULL,
              fixture_set_up, test_status_tick, fixture_tear_down);
  g_test_add ("/core/timetable/multiline-activity", Fixture, NULL,
              fixture_set_up, test_multiline_activity, fixture_tear_down);
  g_test_add_func ("/core/timetable/taster-days/printed", test_linked_days_printed);
  g_test_add_func ("/core/timetable/taster-days/edited", test_linked_days_edited);
  g_test_add ("/core/timetable/taster-days/stored", Fixture, NULL,
              fixture_set_up, test_linked_days_stored, fixture_tear_down);
  g_test_add ("/core/timetable/taster-days/refused", Fixture, NULL,
              fixture_set_up, test_linked_days_refused, fixture_tear_down);
  g_test_add ("/core/timetable/taster-days/deleted", Fixture, NULL,
              fixture_set_up, test_linked_days_deleted, fixture_tear_down);

  return g_test_run ();
}
