/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c: a writer killed at any moment leaves every committed edit and no half edit */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-util.h"

/* The test runs this same program as the writer: "test-crash --writer DATABASE FIRST"
 * makes edits FIRST, FIRST + 1, … and prints "N\n" once N edits are committed. */
#define WRITER_ARG "--writer"
/* A writer left running by a failed test still stops, at the latest here. */
#define WRITER_MAX_EDITS 10000

#define N_FIRST_ATTENDEES 6
#define N_ACTIONS 5
#define N_BOOKED 3
#define TODAY "2024-06-30"
#define STARTED_ON "2024-01-01"
#define ADDED_ON "2024-01-15"
#define STEP_DATE "2024-02-01"

/* Edit k is of kind k % N_KINDS in cycle k / N_KINDS. Each writes several
 * rows, and most several statements, so that half of one would show. */
typedef enum
{
  EDIT_STEP,          /* the next step: step history, attendee and audit */
  EDIT_NOTES,         /* both notes of an attendee: one update, two audit rows */
  EDIT_NEW_ATTENDEE,  /* an attendee and the first entry of its history */
  EDIT_TASTER_DAY,    /* a taster day and its bookings, in one transaction */
  EDIT_MOVE_ACTION,   /* renumbers every action of the timetable */
  EDIT_CANCEL_DAY,    /* the day of this cycle and its bookings, cancelled */
  N_KINDS
} EditKind;

static char *self_program;

static int
step_attendee (guint cycle)
{
  return 1 + cycle % N_FIRST_ATTENDEES;
}

static int
notes_attendee (guint cycle)
{
  return 1 + (cycle + 3) % N_FIRST_ATTENDEES;
}

static int
new_attendee_number (guint cycle)
{
  return N_FIRST_ATTENDEES + 1 + cycle;
}

static int
new_attendee_step (guint cycle)
{
  return 1 + cycle % 6;
}

static int
next_step (int step)
{
  return step == 6 ? 1 : step + 1;
}

static int
moved_action (guint cycle)
{
  return 1 + cycle % N_ACTIONS;
}

/* Up and down in turn, so every action travels and the list ends are reached. */
static int
move_offset (guint cycle)
{
  return (cycle / N_ACTIONS) % 2 == 0 ? 1 : -1;
}

static char *
attendee_name (int number)
{
  return g_strdup_printf ("Attendee %d", number);
}

static char *
step_reason (guint edit)
{
  return g_strdup_printf ("Step of edit %u", edit);
}

static char *
report_note (guint edit)
{
  return g_strdup_printf ("Report note of edit %u", edit);
}

static char *
case_notes (guint edit)
{
  return g_strdup_printf ("Case notes of edit %u", edit);
}

static char *
day_notes (guint edit)
{
  return g_strdup_printf ("Taster day of edit %u", edit);
}

static char *
action_name (int number)
{
  return g_strdup_printf ("Action %d", number);
}

/* The writer ------------------------------------------------------------- */

typedef struct
{
  RpStore *store;
  gint64   programme_id;
  gint64   provider_id;
} Writer;

static gint64
find_attendee_id (Writer   *writer,
                  int       number,
                  GError  **error)
{
  g_autoptr(RpAttendee) attendee = rp_store_find_attendee (writer->store, writer->programme_id,
                                                           number, error);

  return attendee != NULL ? rp_attendee_get_id (attendee) : 0;
}

static gboolean
write_taster_day (Writer   *writer,
                  guint     edit,
                  GError  **error)
{
  g_autoptr(RpTasterDay) day = rp_taster_day_new ();
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *notes = day_notes (edit);

  rp_taster_day_set_programme_id (day, writer->programme_id);
  rp_taster_day_set_provider_id (day, writer->provider_id);
  rp_taster_day_set_date (day, "2024-07-01");
  rp_taster_day_set_start_time (day, "10:00");
  rp_taster_day_set_end_time (day, "15:00");
  rp_taster_day_set_places (day, N_BOOKED);
  rp_taster_day_set_notes (day, notes);

  if (!rp_store_begin (writer->store, error))
    return FALSE;

  if (!rp_store_add_taster_day (writer->store, day, error))
    goto failed;

  for (int number = 1; number <= N_BOOKED; number++)
    {
      RpBooking *booking = rp_booking_new ();
      gint64 attendee_id;

      g_ptr_array_add (bookings, booking);
      if ((attendee_id = find_attendee_id (writer, number, error)) == 0)
        goto failed;
      rp_booking_set_taster_day_id (booking, rp_taster_day_get_id (day));
      rp_booking_set_attendee_id (booking, attendee_id);
    }

  if (rp_store_add_bookings (writer->store, bookings, error) &&
      rp_store_commit (writer->store, error))
    return TRUE;

failed:
  rp_store_rollback (writer->store);
  return FALSE;
}

static gboolean
write_edit (Writer   *writer,
            guint     edit,
            GError  **error)
{
  guint cycle = edit / N_KINDS;

  switch ((EditKind) (edit % N_KINDS))
    {
    case EDIT_STEP:
      {
        g_autoptr(RpAttendee) attendee = NULL;
        g_autofree char *reason = step_reason (edit);

        if (!(attendee = rp_store_find_attendee (writer->store, writer->programme_id,
                                                 step_attendee (cycle), error)))
          return FALSE;

        return rp_store_change_step (writer->store, rp_attendee_get_id (attendee),
                                     next_step (rp_attendee_get_step (attendee)),
                                     STEP_DATE, reason, error);
      }

    case EDIT_NOTES:
      {
        g_autoptr(RpAttendee) attendee = NULL;
        g_autofree char *note = report_note (edit);
        g_autofree char *notes = case_notes (edit);

        if (!(attendee = rp_store_find_attendee (writer->store, writer->programme_id,
                                                 notes_attendee (cycle), error)))
          return FALSE;

        rp_attendee_set_report_note (attendee, note);
        rp_attendee_set_case_notes (attendee, notes);
        return rp_store_save_attendee (writer->store, attendee, error);
      }

    case EDIT_NEW_ATTENDEE:
      {
        g_autoptr(RpAttendee) attendee = rp_attendee_new ();
        g_autofree char *name = attendee_name (new_attendee_number (cycle));

        rp_attendee_set_programme_id (attendee, writer->programme_id);
        rp_attendee_set_number (attendee, new_attendee_number (cycle));
        rp_attendee_set_full_name (attendee, name);
        rp_attendee_set_step (attendee, new_attendee_step (cycle));
        return rp_store_add_attendee (writer->store, attendee, ADDED_ON, error);
      }

    case EDIT_TASTER_DAY:
      return write_taster_day (writer, edit, error);

    case EDIT_MOVE_ACTION:
      {
        g_autoptr(GListModel) actions = NULL;
        g_autofree char *name = action_name (moved_action (cycle));

        if (!(actions = rp_store_list_actions (writer->store, writer->programme_id, error)))
          return FALSE;

        for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
          {
            g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);

            if (g_str_equal (rp_timetable_action_get_activity (action), name))
              return rp_store_move_action (writer->store, rp_timetable_action_get_id (action),
                                           move_offset (cycle), error);
          }
        break;
      }

    case EDIT_CANCEL_DAY:
      {
        g_autoptr(GListModel) days = NULL;
        g_autofree char *notes = day_notes (edit - (EDIT_CANCEL_DAY - EDIT_TASTER_DAY));

        if (!(days = rp_store_list_taster_days (writer->store, writer->programme_id, error)))
          return FALSE;

        for (guint i = 0; i < g_list_model_get_n_items (days); i++)
          {
            g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);

            if (g_strcmp0 (rp_taster_day_get_notes (day), notes) == 0)
              return rp_store_cancel_taster_day (writer->store, rp_taster_day_get_id (day), NULL, error);
          }
        break;
      }

    case N_KINDS:
    default:
      g_assert_not_reached ();
    }

  g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND, "what edit %u changes is missing", edit);
  return FALSE;
}

static int
run_writer (const char *path,
            const char *first_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpProvider) provider = NULL;
  g_autoptr(RpStore) store = NULL;
  guint64 first = 0;
  Writer writer;

  if (!g_ascii_string_to_unsigned (first_text, 10, 0, G_MAXUINT - WRITER_MAX_EDITS, &first, &error) ||
      !(store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error)) ||
      !(programmes = rp_store_list_programmes (store, &error)) ||
      !(providers = rp_store_list_providers (store, &error)))
    {
      g_printerr ("crash writer: %s\n", error->message);
      return 1;
    }

  rp_store_set_user (store, "writer");
  rp_store_set_today (store, TODAY);
  programme = g_list_model_get_item (programmes, 0);
  provider = g_list_model_get_item (providers, 0);
  writer.store = store;
  writer.programme_id = rp_programme_get_id (programme);
  writer.provider_id = rp_provider_get_id (provider);

  for (guint edit = first; edit < first + WRITER_MAX_EDITS; edit++)
    {
      g_autofree char *ack = NULL;

      if (!write_edit (&writer, edit, &error))
        {
          g_printerr ("crash writer: edit %u: %s\n", edit, error->message);
          return 1;
        }

      /* One write(2) per line, which a pipe never splits; a parent that has
       * gone closes the pipe, and the next write ends the writer. */
      ack = g_strdup_printf ("%u\n", edit + 1);
      if (write (STDOUT_FILENO, ack, strlen (ack)) != (gssize) strlen (ack))
        return 1;
    }

  return 0;
}

/* The model: what the database holds after the first n edits -------------- */

typedef struct
{
  int step;
  int notes_edit;   /* -1: no notes */
} ModelAttendee;

typedef struct
{
  int         number;
  int         from_step;
  int         to_step;
  const char *date;
  int         edit;   /* -1: no reason */
} ModelStepChange;

typedef struct
{
  guint    edit;
  gboolean cancelled;
} ModelDay;

typedef struct
{
  GArray *attendees;     /* ModelAttendee, by number - 1 */
  GArray *step_changes;  /* ModelStepChange, oldest first */
  GArray *days;          /* ModelDay, oldest first; each booked for attendees 1 to N_BOOKED */
  GArray *actions;       /* int, action numbers in timetable order */
} Model;

static void
model_add_attendee (Model      *model,
                    int         step,
                    const char *date)
{
  ModelAttendee attendee = { step, -1 };
  ModelStepChange change = { model->attendees->len + 1, 0, step, date, -1 };

  g_array_append_val (model->attendees, attendee);
  g_array_append_val (model->step_changes, change);
}

static void
model_apply (Model *model,
             guint  edit)
{
  guint cycle = edit / N_KINDS;

  switch ((EditKind) (edit % N_KINDS))
    {
    case EDIT_STEP:
      {
        ModelAttendee *attendee = &g_array_index (model->attendees, ModelAttendee,
                                                  step_attendee (cycle) - 1);
        ModelStepChange change = { step_attendee (cycle), attendee->step,
                                   next_step (attendee->step), STEP_DATE, edit };

        attendee->step = change.to_step;
        g_array_append_val (model->step_changes, change);
        break;
      }

    case EDIT_NOTES:
      g_array_index (model->attendees, ModelAttendee, notes_attendee (cycle) - 1).notes_edit = edit;
      break;

    case EDIT_NEW_ATTENDEE:
      g_assert_cmpint (new_attendee_number (cycle), ==, model->attendees->len + 1);
      model_add_attendee (model, new_attendee_step (cycle), ADDED_ON);
      break;

    case EDIT_TASTER_DAY:
      {
        ModelDay day = { edit, FALSE };

        g_array_append_val (model->days, day);
        break;
      }

    case EDIT_MOVE_ACTION:
      {
        int moved = moved_action (cycle);
        guint from = 0;
        int to;

        while (g_array_index (model->actions, int, from) != moved)
          from++;
        to = CLAMP ((int) from + move_offset (cycle), 0, (int) model->actions->len - 1);
        g_array_remove_index (model->actions, from);
        g_array_insert_val (model->actions, to, moved);
        break;
      }

    case EDIT_CANCEL_DAY:
      g_array_index (model->days, ModelDay, model->days->len - 1).cancelled = TRUE;
      break;

    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
append_text (GString    *out,
             const char *separator,
             char       *text)
{
  g_string_append_printf (out, "%s%s", separator, text != NULL ? text : "NULL");
  g_free (text);
}

/* The model written the way dump_database() writes the database. */
static char *
model_dump (guint n_edits)
{
  Model model;
  GString *out = g_string_new (NULL);

  model.attendees = g_array_new (FALSE, FALSE, sizeof (ModelAttendee));
  model.step_changes = g_array_new (FALSE, FALSE, sizeof (ModelStepChange));
  model.days = g_array_new (FALSE, FALSE, sizeof (ModelDay));
  model.actions = g_array_new (FALSE, FALSE, sizeof (int));

  for (int i = 0; i < N_FIRST_ATTENDEES; i++)
    model_add_attendee (&model, 1, STARTED_ON);
  for (int number = 1; number <= N_ACTIONS; number++)
    g_array_append_val (model.actions, number);

  for (guint edit = 0; edit < n_edits; edit++)
    model_apply (&model, edit);

  g_string_append (out, "attendees\n");
  for (guint i = 0; i < model.attendees->len; i++)
    {
      ModelAttendee *attendee = &g_array_index (model.attendees, ModelAttendee, i);
      gboolean notes = attendee->notes_edit >= 0;

      g_string_append_printf (out, "%u", i + 1);
      append_text (out, "|", attendee_name (i + 1));
      g_string_append_printf (out, "|%d", attendee->step);
      append_text (out, "|", notes ? report_note (attendee->notes_edit) : NULL);
      append_text (out, "|", notes ? case_notes (attendee->notes_edit) : NULL);
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "step history\n");
  for (guint i = 0; i < model.step_changes->len; i++)
    {
      ModelStepChange *change = &g_array_index (model.step_changes, ModelStepChange, i);

      g_string_append_printf (out, "%d|%d|%d|%s", change->number, change->from_step,
                              change->to_step, change->date);
      append_text (out, "|", change->edit >= 0 ? step_reason (change->edit) : NULL);
      g_string_append_c (out, '\n');
    }

  g_string_append (out, "taster days\n");
  for (guint i = 0; i < model.days->len; i++)
    {
      ModelDay *day = &g_array_index (model.days, ModelDay, i);

      append_text (out, "", day_notes (day->edit));
      g_string_append_printf (out, "|%d\n", day->cancelled);
    }

  g_string_append (out, "bookings\n");
  for (guint i = 0; i < model.days->len; i++)
    {
      ModelDay *day = &g_array_index (model.days, ModelDay, i);

      for (int number = 1; number <= N_BOOKED; number++)
        {
          append_text (out, "", day_notes (day->edit));
          g_string_append_printf (out, "|%d|%s\n", number, day->cancelled ? "cancelled" : "invited");
        }
    }

  g_string_append (out, "timetable\n");
  for (guint i = 0; i < model.actions->len; i++)
    {
      append_text (out, "", action_name (g_array_index (model.actions, int, i)));
      g_string_append_printf (out, "|%u\n", i + 1);
    }

  g_array_unref (model.attendees);
  g_array_unref (model.step_changes);
  g_array_unref (model.days);
  g_array_unref (model.actions);
  return g_string_free (out, FALSE);
}

/* The database ------------------------------------------------------------ */

static void
create_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpProvider) provider = rp_provider_new ();

  g_assert_no_error (error);
  rp_store_set_user (store, "setup");
  rp_store_set_today (store, TODAY);

  rp_programme_set_name (programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (store, programme, &error));
  g_assert_no_error (error);
  rp_provider_set_name (provider, "Mosaic");
  g_assert_true (rp_store_add_provider (store, provider, &error));
  g_assert_no_error (error);

  for (int number = 1; number <= N_FIRST_ATTENDEES; number++)
    {
      g_autoptr(RpAttendee) attendee = rp_attendee_new ();
      g_autofree char *name = attendee_name (number);

      rp_attendee_set_programme_id (attendee, rp_programme_get_id (programme));
      rp_attendee_set_number (attendee, number);
      rp_attendee_set_full_name (attendee, name);
      rp_attendee_set_step (attendee, 1);
      g_assert_true (rp_store_add_attendee (store, attendee, STARTED_ON, &error));
      g_assert_no_error (error);
    }

  for (int number = 1; number <= N_ACTIONS; number++)
    {
      g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
      g_autofree char *name = action_name (number);

      rp_timetable_action_set_programme_id (action, rp_programme_get_id (programme));
      rp_timetable_action_set_activity (action, name);
      rp_timetable_action_set_position (action, number);
      g_assert_true (rp_store_add_action (store, action, &error));
      g_assert_no_error (error);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Appends every row of @sql, its columns joined by "|". */
static void
dump_query (GString    *out,
            sqlite3    *db,
            const char *title,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_string_append_printf (out, "%s\n", title);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", text != NULL ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static char *
dump_database (sqlite3 *db)
{
  GString *out = g_string_new (NULL);

  dump_query (out, db, "attendees",
              "SELECT number, full_name, step, report_note, case_notes FROM attendee ORDER BY number");
  dump_query (out, db, "step history",
              "SELECT a.number, s.from_step, s.to_step, s.changed_on, s.reason FROM step_change s"
              " JOIN attendee a ON a.id = s.attendee_id ORDER BY s.id");
  dump_query (out, db, "taster days", "SELECT notes, cancelled FROM taster_day ORDER BY id");
  dump_query (out, db, "bookings",
              "SELECT d.notes, a.number, b.status FROM booking b"
              " JOIN taster_day d ON d.id = b.taster_day_id"
              " JOIN attendee a ON a.id = b.attendee_id ORDER BY b.id");
  dump_query (out, db, "timetable", "SELECT activity, position FROM timetable_action ORDER BY position, id");
  return g_string_free (out, FALSE);
}

static int
query_count (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/* Replaying the audit trail gives every field's current value, so a change
 * saved without its audit rows, or audit rows without their change, shows. */
static void
assert_audit_matches_data (sqlite3 *db)
{
  static const char * const tables[] = {
    "programme", "worker", "provider", "attendee", "step_change",
    "taster_day", "booking", "timetable_action",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *info = g_strdup_printf ("PRAGMA table_info (%s)", tables[i]);
      g_autofree char *orphans = g_strdup_printf ("SELECT count(*) FROM audit"
                                                  " WHERE table_name = '%1$s'"
                                                  " AND record_id NOT IN (SELECT id FROM %1$s)",
                                                  tables[i]);
      sqlite3_stmt *stmt = NULL;

      /* Nothing is deleted in this test. */
      g_assert_cmpint (query_count (db, orphans), ==, 0);

      g_assert_cmpint (sqlite3_prepare_v2 (db, info, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 1);
          g_autofree char *sql = NULL;
          int wrong;

          /* name_words is made from the names, which are audited, and is not audited itself. */
          if (g_str_equal (column, "id") || g_str_equal (column, "name_words"))
            continue;

          sql = g_strdup_printf ("SELECT count(*) FROM %1$s t WHERE t.%2$s IS NOT"
                                 " (SELECT a.new_value FROM audit a WHERE a.table_name = '%1$s'"
                                 "  AND a.record_id = t.id AND a.field = '%2$s'"
                                 "  ORDER BY a.id DESC LIMIT 1)",
                                 tables[i], column);
          wrong = query_count (db, sql);
          if (wrong != 0)
            g_error ("%d rows of %s hold a %s that the audit trail does not end with",
                     wrong, tables[i], column);
        }
      sqlite3_finalize (stmt);
    }
}

/* The first line where the two differ, for a readable failure. */
static char *
first_difference (const char *actual,
                  const char *expected)
{
  g_auto(GStrv) actual_lines = g_strsplit (actual, "\n", -1);
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);
  guint i = 0;

  while (actual_lines[i] != NULL && expected_lines[i] != NULL &&
         g_str_equal (actual_lines[i], expected_lines[i]))
    i++;

  return g_strdup_printf ("line %u is “%s”, expected “%s”", i + 1,
                          actual_lines[i] != NULL ? actual_lines[i] : "(end)",
                          expected_lines[i] != NULL ? expected_lines[i] : "(end)");
}

/* Checks the database after a kill and returns how many edits it holds:
 * every one acknowledged, and at most one more, committed just before the kill. */
static guint
check_database (const char *path,
                guint       acked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_store_open (path, RP_STORE_OPEN_DEFAULT, &error);
  g_autofree char *actual = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *one_more = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  guint n_edits = acked;

  g_assert_no_error (error);
  db = rp_store_get_db (store);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (query_count (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  assert_audit_matches_data (db);

  actual = dump_database (db);
  expected = model_dump (acked);
  if (!g_str_equal (actual, expected))
    {
      one_more = model_dump (acked + 1);
      n_edits = acked + 1;
      if (!g_str_equal (actual, one_more))
        {
          g_autofree char *difference = first_difference (actual, expected);

          g_error ("after %u acknowledged edits the database holds neither %u nor %u edits: %s",
                   acked, acked, acked + 1, difference);
        }
    }

  g_assert_finalize_object (g_steal_pointer (&store));
  return n_edits;
}

/* The parent ------------------------------------------------------------- */

/* Reads the writer's acknowledgements, "N\n" once edit N - 1 is committed,
 * until @wanted more have come or the writer has gone. */
static void
read_acks (int      fd,
           GString *pending,
           guint    wanted,
           guint   *acked)
{
  guint got = 0;

  while (got < wanted)
    {
      char chunk[256];
      char *newline;
      gssize n;

      if ((newline = memchr (pending->str, '\n', pending->len)) != NULL)
        {
          *newline = '\0';
          g_assert_cmpuint (g_ascii_strtoull (pending->str, NULL, 10), ==, *acked + 1);
          *acked += 1;
          got++;
          g_string_erase (pending, 0, newline - pending->str + 1);
          continue;
        }

      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        break;
      g_string_append_len (pending, chunk, n);
    }
}

/* Starts a writer at edit @first, waits for @wait_acks acknowledgements and
 * @delay_us more, then kills it. Returns the number of edits acknowledged. */
static guint
run_and_kill_writer (const char *path,
                     guint       first,
                     guint       wait_acks,
                     gulong      delay_us)
{
  g_autofree char *first_text = g_strdup_printf ("%u", first);
  const char *argv[] = { self_program, WRITER_ARG, path, first_text, NULL };
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint acked = first;
  int wait_status = 0;
  GPid pid;
  int out;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);

  read_acks (out, pending, wait_acks, &acked);
  if (delay_us > 0)
    g_usleep (delay_us);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  while (waitpid (pid, &wait_status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);

  /* Whatever it acknowledged before it died is still in the pipe. */
  read_acks (out, pending, G_MAXUINT, &acked);
  g_assert_cmpuint (pending->len, ==, 0);
  close (out);

  /* Only the kill may stop it early; an error of its own is a failure. */
  if (!(WIFSIGNALED (wait_status) && WTERMSIG (wait_status) == SIGKILL) &&
      !(WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0))
    g_error ("the writer stopped by itself (wait status %d) after edit %u", wait_status, acked);

  return acked;
}

static void
test_crash_kill_writer (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  /* A fixed seed: every run kills at the same kinds of points, and what is
   * checked never depends on where exactly the kill lands. */
  g_autoptr(GRand) random = g_rand_new_with_seed (20230922);
  guint rounds = g_test_slow () ? 500 : 60;
  guint n_edits = 0;
  guint unacknowledged = 0;
  guint nothing_done = 0;

  create_database (path);
  g_assert_cmpuint (check_database (path, 0), ==, 0);

  for (guint i = 0; i < rounds; i++)
    {
      /* Up to 8 edits in, then up to 20 ms more: from before the writer has
       * opened the database to the middle of a later edit or checkpoint. */
      guint wait_acks = g_rand_int_range (random, 0, 8);
      gulong delay_us = g_rand_int_range (random, 0, 20000);
      guint acked = run_and_kill_writer (path, n_edits, wait_acks, delay_us);
      guint held = check_database (path, acked);

      g_assert_cmpuint (acked, >=, n_edits + wait_acks);
      if (held > acked)
        unacknowledged++;
      if (held == n_edits)
        nothing_done++;
      n_edits = held;
    }

  g_test_message ("%u edits over %u kills; %u kills after a commit but before its acknowledgement, "
                  "%u before any commit",
                  n_edits, rounds, unacknowledged, nothing_done);
  rp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], WRITER_ARG))
    return run_writer (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  /* Run again as the writer; meson gives the full path, but be sure of it. */
  self_program = g_canonicalize_filename (argv[0], NULL);

  g_test_add_func ("/crash/kill-writer", test_crash_kill_writer);

  return g_test_run ();
}
