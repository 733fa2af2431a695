/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c: attendees from a CSV file, every row checked, all or none added */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"
#include "rp-validate.h"

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
  gint64       priya_id;
  gint64       rob_id;
} Fixture;

static gint64
add_worker (RpStore    *store,
            const char *name,
            const char *initials)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpWorker) worker = rp_worker_new ();

  rp_worker_set_name (worker, name);
  rp_worker_set_initials (worker, initials);
  g_assert_true (rp_store_add_worker (store, worker, &error));
  g_assert_no_error (error);
  return rp_worker_get_id (worker);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  rp_store_set_user (fixture->store, "jtaylor");

  fixture->programme = rp_programme_new ();
  rp_programme_set_name (fixture->programme, "Riverside Day Centre");
  g_assert_true (rp_store_add_programme (fixture->store, fixture->programme, &error));
  g_assert_no_error (error);

  fixture->priya_id = add_worker (fixture->store, "Priya Mistry", "PM");
  fixture->rob_id = add_worker (fixture->store, "Rob Hughes", "RH");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gint64
programme_id (Fixture *fixture)
{
  return rp_programme_get_id (fixture->programme);
}

static guint
count_rows (RpStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return rp_test_query_int (store, sql);
}

static void
add_attendee (Fixture    *fixture,
              int         number,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();

  rp_attendee_set_programme_id (attendee, programme_id (fixture));
  rp_attendee_set_number (attendee, number);
  rp_attendee_set_full_name (attendee, name);
  rp_attendee_set_step (attendee, 1);
  g_assert_true (rp_store_add_attendee (fixture->store, attendee, NULL, &error));
  g_assert_no_error (error);
}

static RpImport *
import_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  RpImport *import = rp_import_new_from_data (text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static RpImportPreview *
check_text (Fixture    *fixture,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpImport) import = import_text (text);
  RpImportPreview *preview = rp_import_check (import, fixture->store, programme_id (fixture), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  return preview;
}

/* Fails the test unless a problem on @line, in the column headed @heading
 * (NULL: the whole row or file), says @message_part. */
static void
assert_problem (RpImportPreview *preview,
                guint            line,
                const char      *heading,
                const char      *message_part)
{
  GPtrArray *problems = rp_import_preview_get_problems (preview);
  g_autoptr(GString) seen = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      RpImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line == line && g_strcmp0 (problem->heading, heading) == 0 &&
          strstr (problem->message, message_part) != NULL)
        return;
      g_string_append_printf (seen, "\n  %u: %s: %s", problem->line, problem->heading, problem->message);
    }

  g_test_fail_printf ("no problem on line %u, column “%s”, saying “%s”; the problems were:%s",
                      line, heading, message_part, seen->str);
}

/* @len: -1 for a string without NUL bytes */
static void
assert_csv_refused (const char *data,
                    gssize      len,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvTable) table = rp_csv_read (data, len < 0 ? strlen (data) : (gsize) len, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  if (strstr (error->message, message) == NULL)
    g_test_fail_printf ("the error was “%s”, expected it to say “%s”", error->message, message);
}

static RpCsvTable *
read_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  RpCsvTable *table = rp_csv_read (text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_record (RpCsvTable         *table,
               guint               index,
               guint               line,
               const char * const *expected)
{
  g_assert_cmpuint (index, <, rp_csv_table_get_n_records (table));
  g_assert_cmpstrv (rp_csv_table_get_record (table, index, NULL), expected);
  g_assert_cmpuint (rp_csv_table_get_line (table, index), ==, line);
}

/* The CSV reader ------------------------------------------------------- */

static void
test_csv_bom (void)
{
  const char * const heading[] = { "attendee_no", "status", NULL };
  const char * const row[] = { "4", "ASC", NULL };
  g_autoptr(RpCsvTable) with_bom = read_csv ("\xef\xbb\xbf" "attendee_no,status\n4,ASC\n");
  g_autoptr(RpCsvTable) without_bom = read_csv ("attendee_no,status\n4,ASC\n");
  g_autoptr(RpCsvTable) only_bom = read_csv ("\xef\xbb\xbf");

  /* The mark must not stick to the first heading, or "attendee_no" goes unrecognised. */
  g_assert_cmpuint (rp_csv_table_get_n_records (with_bom), ==, 2);
  assert_record (with_bom, 0, 1, heading);
  assert_record (with_bom, 1, 2, row);
  g_assert_cmpuint (rp_csv_table_get_n_records (without_bom), ==, 2);
  assert_record (without_bom, 0, 1, heading);
  assert_record (without_bom, 1, 2, row);
  g_assert_cmpuint (rp_csv_table_get_n_records (only_bom), ==, 0);
}

static void
test_csv_line_ends (void)
{
  const char * const texts[] = {
    "a,b\r\n1,2\r\n3,4\r\n",
    "a,b\n1,2\n3,4\n",
    "a,b\r1,2\r3,4\r",
    "a,b\r\n1,2\n3,4",   /* mixed, and no line end after the last record */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RpCsvTable) table = read_csv (texts[i]);
      const char * const first[] = { "a", "b", NULL };
      const char * const last[] = { "3", "4", NULL };

      g_assert_cmpuint (rp_csv_table_get_n_records (table), ==, 3);
      assert_record (table, 0, 1, first);
      assert_record (table, 2, 3, last);
    }
}

static void
test_csv_quoted (void)
{
  g_autoptr(RpCsvTable) table = read_csv ("no,note,name\r\n"
                                          "1,\"Family, and day centre\",Aisha\r\n"
                                          "2,\"Line one\r\nline two\nline three\",\"Ben \"\"Benji\"\" Clarke\"\r\n"
                                          "3,,\"\"\r\n"
                                          "\r\n"
                                          "4,last,\r\n");
  const char * const commas[] = { "1", "Family, and day centre", "Aisha", NULL };
  const char * const lines[] = { "2", "Line one\nline two\nline three", "Ben \"Benji\" Clarke", NULL };
  const char * const empty[] = { "3", "", "", NULL };
  const char * const blank[] = { "", NULL };
  const char * const trailing_comma[] = { "4", "last", "", NULL };

  g_assert_cmpuint (rp_csv_table_get_n_records (table), ==, 6);
  assert_record (table, 1, 2, commas);
  /* The record on lines 3 to 5 is followed by one that starts on line 6. */
  assert_record (table, 2, 3, lines);
  assert_record (table, 3, 6, empty);
  assert_record (table, 4, 7, blank);
  assert_record (table, 5, 8, trailing_comma);
}

static void
test_csv_refused (void)
{
  g_autofree char *wide = NULL;
  g_autofree char *long_cell = NULL;
  g_autoptr(GString) many_rows = g_string_new ("n\n");
  g_autofree char *huge = NULL;

  assert_csv_refused ("a,b\n1,\"open\n2,3\n", -1, "opens a cell on line 2 is never closed");
  assert_csv_refused ("a,b\n1,2\n3,Ben \"Benji\"\n", -1, "Line 3 has a quote mark in the wrong place");
  assert_csv_refused ("a,b\n\"1\"x,2\n", -1, "Line 2 has a quote mark in the wrong place");
  assert_csv_refused ("a,b\n1,2\n3,\0\n", 12, "Line 3 holds characters that are not text");
  assert_csv_refused ("a,b\n1,2\n3,4\nCaf\xe9,5\n", -1,
                      "Line 4 is not valid UTF-8 text. Save the file as UTF-8 CSV and try again.");
  assert_csv_refused ("\xff\xfe" "a\0,\0b\0", 8, "UTF-16");

  wide = g_strnfill (RP_CSV_MAX_COLUMNS, ',');
  assert_csv_refused (wide, -1, "Line 1 has more than 200 columns");
  wide[RP_CSV_MAX_COLUMNS - 1] = '\0';
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RpCsvTable) table = rp_csv_read (wide, strlen (wide), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rp_csv_table_get_n_records (table), ==, 1);
  }

  long_cell = g_strnfill (RP_CSV_MAX_FIELD + 1, 'x');
  assert_csv_refused (long_cell, -1, "Line 1 has a cell that is too long");

  for (guint i = 0; i < RP_CSV_MAX_RECORDS; i++)
    g_string_append (many_rows, "1\n");
  assert_csv_refused (many_rows->str, many_rows->len, "more than 100,000 rows");

  huge = g_malloc (RP_CSV_MAX_BYTES + 1);
  assert_csv_refused (huge, RP_CSV_MAX_BYTES + 1, "too large");
}

static void
test_csv_binary_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4181);

  /* Random bytes are never read as a table, whatever the seed. */
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      guint8 bytes[512];
      g_autoptr(GError) error = NULL;
      g_autoptr(RpCsvTable) table = NULL;

      for (guint i = 0; i < sizeof bytes; i++)
        bytes[i] = g_rand_int_range (rand, 0, 256);

      table = rp_csv_read ((const char *) bytes, sizeof bytes, NULL, &error);
      g_assert_null (table);
      g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    }
}

/* Fails unless no cell of @csv would run as a formula in a spreadsheet: none
 * starts with =, +, -, @, a tab or a carriage return, other than a number. */
static void
assert_no_formula_cells (const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvTable) table = rp_csv_read (csv, strlen (csv), NULL, &error);

  g_assert_no_error (error);
  for (guint r = 0; r < rp_csv_table_get_n_records (table); r++)
    {
      guint n_cells = 0;
      const char * const *cells = rp_csv_table_get_record (table, r, &n_cells);

      for (guint c = 0; c < n_cells; c++)
        {
          char *end = NULL;

          if (cells[c][0] == '\0' || strchr ("=+-@\t\r", cells[c][0]) == NULL)
            continue;
          g_ascii_strtod (cells[c], &end);
          if (*end != '\0' || strpbrk (cells[c], "eExXnN") != NULL)
            g_test_fail_printf ("record %u, cell %u would be read as a formula: %s", r, c, cells[c]);
        }
    }
}

/* What would be a formula in a spreadsheet is written as text, and reads back
 * as it was; numbers stay numbers (OWASP, "CSV Injection"). */
static void
test_csv_formula_guard (void)
{
  const char *values[] = {
    "=1+2", "=HYPERLINK(\"http://example.com\",\"Open\")", "+44 7700 900123", "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1)", "\tTabbed", "\rCarriage return", "\nLine feed", " =after a space", "'=with an apostrophe", "''+two",
    "'apostrophe", "'", "-", "plain", "", "3.5", "-1", "+2", "-0.5", "1-2",
  };
  const char * const kept[] = { "'apostrophe", "'", "plain", "", "3.5", "-1", "+2", "-0.5", "1-2", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(RpCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *cells;
  guint n_cells = 0;

  rp_csv_append_row (out, values, G_N_ELEMENTS (values));
  assert_no_formula_cells (out->str);
  g_assert_true (g_str_has_prefix (out->str, "\"'=1+2\",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Open\"\")\",\"'+44 7700 900123\","));

  table = rp_csv_read (out->str, out->len, NULL, &error);
  g_assert_no_error (error);
  cells = rp_csv_table_get_record (table, 0, &n_cells);
  g_assert_cmpuint (n_cells, ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < n_cells; i++)
    {
      /* Reading makes every line end a line feed, in this cell as in any other. */
      g_autofree char *expected = g_strdelimit (g_strdup (values[i]), "\r", '\n');

      g_assert_cmpstr (rp_csv_unguard_cell (cells[i]), ==, expected);
      /* Text that could not be a formula, and numbers, are written as they are. */
      if (g_strv_contains (kept, values[i]))
        g_assert_cmpstr (cells[i], ==, values[i]);
      else
        g_assert_cmpint (cells[i][0], ==, '\'');
    }
}

static void
test_csv_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvTable) table = NULL;

  g_cancellable_cancel (cancellable);
  table = rp_csv_read ("a\n1\n", 4, cancellable, &error);
  g_assert_null (table);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Cells ------------------------------------------------------------------ */

static void
test_import_parsers (void)
{
  const struct { const char *text; int step; } steps[] = {
    /* A whole number from 1 to 6 (a leading zero changes nothing), or a step's exact name. */
    { "1", 1 }, { " 6 ", 6 }, { "\t4\t", 4 }, { "02", 2 }, { "006", 6 },
    { "Review in progress", 3 }, { "review IN progress", 3 }, { " Social worker identified ", 1 },
    /* Anything else is a guess about where someone is on the moving plan. */
    { "2.5", 0 }, { "3 - maybe 4", 0 }, { "1 – 6", 0 }, { "4 not yet", 0 }, { "07", 0 },
    { "+3", 0 }, { "3.0", 0 }, { "3.", 0 }, { "3,", 0 }, { "0x3", 0 }, { "３", 0 }, { "3/4", 0 },
    { "Step 3", 0 }, { "step 3", 0 }, { "2 · Contact with people to commence discussion", 0 },
    { "2 - Contact with…", 0 }, { "4. Review process completed", 0 }, { "Review", 0 },
    { "0", 0 }, { "7", 0 }, { "12", 0 }, { "2a", 0 }, { "two", 0 }, { "", 0 }, { "-1", 0 },
    { "3 · Social worker identified", 0 }, { "9999999999", 0 },
  };
  const struct { const char *text; int number; } numbers[] = {
    { "4", 4 }, { " 12 ", 12 }, { "007", 7 }, { "999999999", 999999999 },
    { "0", 0 }, { "-3", 0 }, { "4.5", 0 }, { "4.0", 0 }, { "1e3", 0 }, { "+4", 0 }, { "", 0 },
    { "four", 0 }, { "1000000000", 0 },
  };
  const struct { const char *text; int funding; } statuses[] = {
    { "ASC", RP_FUNDING_ASC }, { "asc", RP_FUNDING_ASC }, { " Health ", RP_FUNDING_HEALTH },
    { "Attendee (ASC)", RP_FUNDING_ASC }, { "attendee (health)", RP_FUNDING_HEALTH },
    { "NHS", -1 }, { "", -1 }, { "Attendee", -1 },
  };
  const struct { const char *text; int value; } answers[] = {
    { "yes", TRUE }, { "Y", TRUE }, { "TRUE", TRUE }, { "1", TRUE },
    { "no", FALSE }, { "n", FALSE }, { "False", FALSE }, { "0", FALSE },
    { "maybe", -1 }, { "", -1 }, { "2", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;
      int step = 0;
      gboolean ok = rp_import_parse_step (steps[i].text, &step, &error);

      if (steps[i].step == 0 ? ok : (!ok || step != steps[i].step))
        g_test_fail_printf ("step “%s” read as %d (%s)", steps[i].text, step,
                            error != NULL ? error->message : "no error");
      if (!ok)
        g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;
    int step = 0;

    g_assert_false (rp_import_parse_step (" 2.5 ", &step, &error));
    g_assert_cmpstr (error->message, ==, "“2.5” is not a step. Write a whole number from 1 to 6, or the step’s name as the moving plan gives it.");
    g_clear_error (&error);
    g_assert_false (rp_import_parse_step ("", &step, &error));
    g_assert_cmpstr (error->message, ==, "Enter the step, a whole number from 1 to 6.");
  }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(GError) error = NULL;
      int number = 0;
      gboolean ok = rp_import_parse_number (numbers[i].text, &number, &error);

      if (numbers[i].number == 0 ? ok : (!ok || number != numbers[i].number))
        g_test_fail_printf ("number “%s” read as %d", numbers[i].text, number);
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = NULL;
      RpFunding funding = RP_FUNDING_ASC;
      gboolean ok = rp_import_parse_status (statuses[i].text, &funding, &error);

      if (statuses[i].funding < 0 ? ok : (!ok || (int) funding != statuses[i].funding))
        g_test_fail_printf ("status “%s” read as %d", statuses[i].text, funding);
    }

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean value = FALSE;
      gboolean ok = rp_import_parse_yes_no (answers[i].text, &value, &error);

      if (answers[i].value < 0 ? ok : (!ok || value != answers[i].value))
        g_test_fail_printf ("answer “%s” read as %d", answers[i].text, value);
    }
}

/* Columns ---------------------------------------------------------------- */

static void
test_import_columns (void)
{
  g_autoptr(RpImport) import = import_text ("Attendee No.,Attendee (ASC),STATUS,Step,step_name,Name,"
                                            "Date of Birth,Contact’s name,worker,Notes,Target date,"
                                            "Wheelchair user,transport_needed,Favourite colour,\n");
  const RpImportField expected[] = {
    RP_IMPORT_FIELD_NUMBER, RP_IMPORT_FIELD_IGNORE, RP_IMPORT_FIELD_STATUS, RP_IMPORT_FIELD_STEP,
    RP_IMPORT_FIELD_IGNORE, RP_IMPORT_FIELD_FULL_NAME, RP_IMPORT_FIELD_DATE_OF_BIRTH,
    RP_IMPORT_FIELD_CONTACT_NAME, RP_IMPORT_FIELD_WORKER, RP_IMPORT_FIELD_CASE_NOTES,
    RP_IMPORT_FIELD_TARGET_DATE, RP_IMPORT_FIELD_WHEELCHAIR_USER, RP_IMPORT_FIELD_TRANSPORT_NEEDED,
    RP_IMPORT_FIELD_IGNORE, RP_IMPORT_FIELD_IGNORE,
  };
  const gboolean recognised[] = {
    TRUE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE,
  };

  g_assert_cmpuint (rp_import_get_n_columns (import), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (rp_import_get_field (import, i) != expected[i])
        g_test_fail_printf ("column “%s” maps to %d, expected %d", rp_import_get_heading (import, i),
                            rp_import_get_field (import, i), expected[i]);
      if (rp_import_is_recognised (import, i) != recognised[i])
        g_test_fail_printf ("column “%s” is%s recognised", rp_import_get_heading (import, i),
                            recognised[i] ? " not" : "");
    }

  rp_import_set_field (import, 13, RP_IMPORT_FIELD_PREFERRED_NAME);
  g_assert_cmpint (rp_import_get_field (import, 13), ==, RP_IMPORT_FIELD_PREFERRED_NAME);
  g_assert_cmpstr (rp_import_get_heading (import, 13), ==, "Favourite colour");

  /* Every field has a label for the GUI's list, and a heading that reads back as itself. */
  for (guint field = 0; field < RP_IMPORT_N_FIELDS; field++)
    {
      const char *word = rp_import_field_to_string (field);

      g_assert_cmpstr (rp_import_field_get_label (field), !=, "");
      if (field == RP_IMPORT_FIELD_IGNORE)
        g_assert_null (word);
      else
        g_assert_cmpint (rp_import_field_for_heading (word, NULL), ==, field);
    }
}

static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RpImportPreview) preview = NULL;
  RpAttendee *ella;
  RpAttendee *farid;
  GPtrArray *attendees;
  guint attendees_before = count_rows (fixture->store, "attendee");
  guint audit_before = count_rows (fixture->store, "audit");

  preview = check_text (fixture,
                        "attendee_no,status,step,step_name,name,preferred_name,date_of_birth,worker,"
                        "wheelchair_user,transport_needed,target_moving_date,outcome,case_notes\r\n"
                        "5,ASC,4,Review process completed,Ella Morgan,,08/06/1990,rh,yes,no,31/01/2024,"
                        "attending,\"Susan keen on Mosaic;\r\nworried about transport.\"\r\n"
                        "7,Attendee (Health),Contact with people to commence discussion,,"
                        "Farid Shah,Fred,1985-02-01,Priya Mistry,,Y,,,\r\n"
                        ",,,,,,,,,,,,\r\n");

  g_assert_cmpuint (rp_import_preview_get_problems (preview)->len, ==, 0);
  attendees = rp_import_preview_get_attendees (preview);
  g_assert_cmpuint (attendees->len, ==, 2);

  ella = g_ptr_array_index (attendees, 0);
  g_assert_cmpint (rp_attendee_get_number (ella), ==, 5);
  g_assert_cmpint (rp_attendee_get_funding (ella), ==, RP_FUNDING_ASC);
  g_assert_cmpint (rp_attendee_get_step (ella), ==, 4);
  g_assert_cmpstr (rp_attendee_get_full_name (ella), ==, "Ella Morgan");
  g_assert_null (rp_attendee_get_preferred_name (ella));
  g_assert_cmpstr (rp_attendee_get_date_of_birth (ella), ==, "1990-06-08");
  g_assert_cmpint (rp_attendee_get_worker_id (ella), ==, fixture->rob_id);
  g_assert_true (rp_attendee_get_wheelchair_user (ella));
  g_assert_false (rp_attendee_get_transport_needed (ella));
  g_assert_cmpstr (rp_attendee_get_target_date (ella), ==, "2024-01-31");
  g_assert_cmpstr (rp_attendee_get_case_notes (ella), ==, "Susan keen on Mosaic;\nworried about transport.");
  g_assert_cmpint (rp_attendee_get_programme_id (ella), ==, programme_id (fixture));

  farid = g_ptr_array_index (attendees, 1);
  g_assert_cmpint (rp_attendee_get_number (farid), ==, 7);
  g_assert_cmpint (rp_attendee_get_funding (farid), ==, RP_FUNDING_HEALTH);
  g_assert_cmpint (rp_attendee_get_step (farid), ==, 2);
  g_assert_cmpstr (rp_attendee_get_preferred_name (farid), ==, "Fred");
  g_assert_cmpint (rp_attendee_get_worker_id (farid), ==, fixture->priya_id);
  g_assert_false (rp_attendee_get_wheelchair_user (farid));
  g_assert_true (rp_attendee_get_transport_needed (farid));

  /* A preview writes nothing. */
  g_assert_cmpuint (count_rows (fixture->store, "attendee"), ==, attendees_before);
  g_assert_cmpuint (count_rows (fixture->store, "audit"), ==, audit_before);
}

static void
test_import_row_checks (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RpImportPreview) preview = NULL;
  g_autofree char *long_name = g_strnfill (RP_SHORT_TEXT_MAX + 1, 'a');
  g_autofree char *text = NULL;

  add_attendee (fixture, 1, "Aisha Rahman");
  add_worker (fixture->store, "Rosa Hale", "RH");

  text = g_strdup_printf ("attendee_no,status,step,full_name,date_of_birth,target_moving_date,worker,outcome,wheelchair_user\n"
                          /* 2 */ ",ASC,1,No Number,,,,,\n"
                          /* 3 */ "abc,ASC,1,Letters,,,,,\n"
                          /* 4 */ "0,ASC,1,Nought,,,,,\n"
                          /* 5 */ "1,ASC,1,Taken,,,,,\n"
                          /* 6 */ "20,NHS,1,Bad Status,,,,,\n"
                          /* 7 */ "21,ASC,7,Bad Step,,,,,\n"
                          /* 8 */ "22,ASC,,No Step,,,,,\n"
                          /* 9 */ "23,ASC,1,,,,,,\n"
                          /* 10 */ "24,ASC,1,%s,,,,,\n"
                          /* 11 */ "25,ASC,1,Impossible,31/02/1990,,,,\n"
                          /* 12 */ "26,ASC,1,Two Digits,,20/09/23,,,\n"
                          /* 13 */ "27,ASC,1,American,,09/20/2023,,,\n"
                          /* 14 */ "28,ASC,1,Other Form,,2023/09/20,,,\n"
                          /* 15 */ "29,ASC,1,Future,2030-01-01,,,,\n"
                          /* 16 */ "30,ASC,1,Nobody,,,ZZ,,\n"
                          /* 17 */ "31,ASC,1,Two Workers,,,RH,,\n"
                          /* 18 */ "32,ASC,1,Moved,,,,moved,\n"
                          /* 19 */ "33,ASC,1,Unsure,,,,,maybe\n"
                          /* 20 */ "34,ASC,1,Short Row\n"
                          /* 21 */ "20,ASC,1,Same Number,,,,,\n"
                          /* 22 */ "35,asc,02,Fine,20/09/1980,2024-03-15,Priya Mistry,attending,no\n",
                          long_name);
  preview = check_text (fixture, text);

  assert_problem (preview, 2, "attendee_no", "Enter the attendee number.");
  assert_problem (preview, 3, "attendee_no", "must be a whole number from 1 upwards");
  assert_problem (preview, 4, "attendee_no", "must be a whole number from 1 upwards");
  assert_problem (preview, 5, "attendee_no", "Attendee number 1 is already in use in this programme.");
  assert_problem (preview, 6, "status", "The status must be ASC or Health.");
  assert_problem (preview, 7, "step", "“7” is not a step.");
  assert_problem (preview, 8, "step", "Enter the step, a whole number from 1 to 6.");
  assert_problem (preview, 9, "full_name", "Enter the attendee’s full name.");
  assert_problem (preview, 10, "full_name", "at most 200 characters");
  assert_problem (preview, 11, "date_of_birth", "“31/02/1990” is not a real date: that month has 28 days.");
  assert_problem (preview, 12, "target_moving_date", "year in full");
  assert_problem (preview, 13, "target_moving_date", "no month 20");
  assert_problem (preview, 14, "target_moving_date", "Write dates as DD/MM/YYYY");
  assert_problem (preview, 15, "date_of_birth", "cannot be in the future");
  assert_problem (preview, 16, "worker", "No worker called “ZZ” is in this database.");
  assert_problem (preview, 17, "worker", "More than one worker matches “RH”.");
  assert_problem (preview, 18, "outcome", "Only attendees still attending can be imported");
  assert_problem (preview, 19, "wheelchair_user", "Write yes or no.");
  assert_problem (preview, 20, NULL, "This row has 4 cells, but the headings have 9 columns.");
  assert_problem (preview, 21, "attendee_no", "Number 20 is also used on line 6.");

  /* One problem for each bad row, and only the last row is fine. */
  g_assert_cmpuint (rp_import_preview_get_problems (preview)->len, ==, 20);
  g_assert_cmpuint (rp_import_preview_get_attendees (preview)->len, ==, 1);
  g_assert_cmpint (rp_attendee_get_number (g_ptr_array_index (rp_import_preview_get_attendees (preview), 0)), ==, 35);
}

/* A step cell is a whole number from 1 to 6 or a step's name: each of these
 * was read as a step once, and each is now a problem that names the value. */
static void
test_import_step_exact (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *cells[] = { "2.5", "3 - maybe 4", "1 – 6", "4 not yet", "07", "+3", "3.0", "Step 3" };
  g_autoptr(GString) text = g_string_new ("attendee_no,status,full_name,step\n");
  g_autoptr(RpImportPreview) preview = NULL;
  GPtrArray *attendees;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_string_append_printf (text, "%u,ASC,Person %u,%s\n", 10 + i, i, cells[i]);
  /* Lines 10 to 12: what is still read. */
  g_string_append (text, "20,ASC,Leading Zero, 03 \n"
                         "21,ASC,By Name,review process COMPLETED\n"
                         "22,ASC,Plain,6\n");
  preview = check_text (fixture, text->str);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *expected = g_strdup_printf ("“%s” is not a step. Write a whole number from 1 to 6", cells[i]);

      assert_problem (preview, 2 + i, "step", expected);
    }
  g_assert_cmpuint (rp_import_preview_get_problems (preview)->len, ==, G_N_ELEMENTS (cells));

  attendees = rp_import_preview_get_attendees (preview);
  g_assert_cmpuint (attendees->len, ==, 3);
  g_assert_cmpint (rp_attendee_get_step (g_ptr_array_index (attendees, 0)), ==, 3);
  g_assert_cmpint (rp_attendee_get_step (g_ptr_array_index (attendees, 1)), ==, 4);
  g_assert_cmpint (rp_attendee_get_step (g_ptr_array_index (attendees, 2)), ==, 6);
}

/* Whether @text holds a character a terminal acts on or that reorders text. */
static gboolean
has_hidden_characters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c || c == 0x200b)
        return TRUE;
    }

  return FALSE;
}

/* Escape sequences and bidirectional overrides are refused in names, on the
 * right line and column, and no message or heading carries them raw. */
static void
test_import_hidden_characters (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RpImportPreview) preview = NULL;
  GPtrArray *problems;

  preview = check_text (fixture,
                        /* The heading of the name column ends in ESC, which the heading check skips. */
                        "attendee_no,status,step,full_name\x1b,preferred_name,contact_name,worker,date_of_birth\n"
                        /* 2 */ "10,ASC,1,\x1b[2J\x1b]0;owned\x07Ali,,,,\n"
                        /* 3 */ "11,ASC,1,Ali Khan,\xe2\x80\xae" "exe.gnp,,,\n"
                        /* 4 */ "12,ASC,1,Ali Khan,,Sam\xe2\x80\x8fir,,\n"
                        /* 5 */ "13,ASC,1,Ali\xe2\x80\x8b" "Khan,,,,\n"
                        /* 6 */ "14,ASC,1,Ali \xc2\x9b" "31m,,,,\n"
                        /* 7 */ "15,ASC,1,Ali Khan,\xe2\x81\xa6" "Ali\xe2\x81\xa9,,,\n"
                        /* 8 */ "16,ASC,1,Ali Khan,,,R\x1b[8mH,\n"
                        /* 9 */ "17,ASC,1,Ali Khan,,,,\xe2\x80\xae" "3202-01-02\n"
                        /* 10 */ "18,ASC,1,,,,,\n"
                        /* 11 */ "19,ASC,1,\xd8\xb9\xd9\x84\xdb\x8c\xe2\x80\x8c\xd8\xb1\xd8\xb6\xd8\xa7,,,Priya Mistry,\n"
                        /* 12 */ "20,ASC,1,\"Ali\nKhan\",,,,\n");
  problems = rp_import_preview_get_problems (preview);

  assert_problem (preview, 2, "full_name\\x1b", "There is a control character (U+001B) in the full name");
  assert_problem (preview, 3, "preferred_name", "There is a hidden character (U+202E) in the preferred name");
  assert_problem (preview, 4, "contact_name", "There is a hidden character (U+200F) in the contact’s name");
  assert_problem (preview, 5, "full_name\\x1b", "There is a hidden character (U+200B) in the full name");
  assert_problem (preview, 6, "full_name\\x1b", "There is a control character (U+009B) in the full name");
  assert_problem (preview, 7, "preferred_name", "There is a hidden character (U+2066) in the preferred name");
  /* Values that are quoted show their hidden characters as codes. */
  assert_problem (preview, 8, "worker", "No worker called “R\\x1b[8mH” is in this database.");
  assert_problem (preview, 9, "date_of_birth", "“[U+202E]3202-01-02” is not a date");
  assert_problem (preview, 10, "full_name\\x1b", "Enter the attendee’s full name.");
  assert_problem (preview, 12, "full_name\\x1b", "The full name cannot hold a line break or a tab.");
  /* A name written with a zero-width non-joiner, as Persian is, is a name. */
  g_assert_cmpuint (problems->len, ==, 10);
  g_assert_cmpuint (rp_import_preview_get_attendees (preview)->len, ==, 1);

  for (guint i = 0; i < problems->len; i++)
    {
      RpImportProblem *problem = g_ptr_array_index (problems, i);

      if (has_hidden_characters (problem->message) || has_hidden_characters (problem->heading))
        g_test_fail_printf ("the problem on line %u shows a hidden character raw", problem->line);
    }
}

static void
test_import_file_problems (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RpImportPreview) preview = check_text (fixture, "attendee_no,status,step\n1,ASC,1\n");

    assert_problem (preview, 1, NULL, "The file has no column for the full name. Add a column headed “full_name”.");
    g_assert_cmpuint (rp_import_preview_get_attendees (preview)->len, ==, 0);
  }

  {
    g_autoptr(RpImportPreview) preview = check_text (fixture,
                                                     "\n\nattendee_no,status,step,name,Full Name\n1,ASC,1,Aisha,Aisha\n");

    /* The headings are on line 3, after two blank lines. */
    assert_problem (preview, 3, "Full Name", "The columns “name” and “Full Name” both hold the full name.");
  }

  {
    g_autoptr(RpImportPreview) preview = check_text (fixture, "attendee_no,status,step,full_name\r\n");

    assert_problem (preview, 1, NULL, "The file has headings but no attendees.");
  }

  {
    g_autoptr(RpImport) import = rp_import_new_from_data ("\n \n", 3, NULL, &error);

    g_assert_null (import);
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "The file is empty."));
    g_clear_error (&error);
  }

  {
    g_autoptr(RpImport) import = import_text ("attendee_no,status,step,full_name\n1,ASC,1,Aisha\n");
    g_autoptr(RpImportPreview) preview = rp_import_check (import, fixture->store, 999, NULL, &error);

    g_assert_null (preview);
    g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
}

static void
test_import_unreadable (void)
{
  const struct { const char *data; gssize len; const char *message; } files[] = {
    { "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16, "not text" },
    { "attendee_no,status\n1,ASC\n2,ASC\n3,Sant\xe9\n", -1, "Line 4 is not valid UTF-8 text." },
    { "attendee_no,full_name\n1,\"Aisha\n2,Ben\n", -1, "The quote mark that opens a cell on line 2 is never closed." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = files[i].len < 0 ? strlen (files[i].data) : (gsize) files[i].len;
      g_autoptr(RpImport) import = rp_import_new_from_data (files[i].data, len, NULL, &error);

      g_assert_null (import);
      g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
      if (strstr (error->message, files[i].message) == NULL)
        g_test_fail_printf ("file %u gave “%s”, expected “%s”", i, error->message, files[i].message);
    }
}

/* Applying --------------------------------------------------------------- */

static const char good_file[] =
  "attendee_no,status,step,full_name,worker\n"
  "3,ASC,1,Chloe Evans,PM\n"
  "4,Health,3,Daniel Okoro,\n"
  "5,ASC,6,Ella Morgan,RH\n";

static void
test_import_apply (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpImport) import = import_text (good_file);
  g_autoptr(RpAttendee) daniel = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(RpStepChange) change = NULL;
  g_autoptr(GListModel) audit = NULL;
  guint n_added = 0;

  g_assert_true (rp_import_apply (import, fixture->store, programme_id (fixture), NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_cmpuint (count_rows (fixture->store, "attendee"), ==, 3);

  daniel = rp_store_find_attendee (fixture->store, programme_id (fixture), 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_attendee_get_step (daniel), ==, 3);
  g_assert_cmpint (rp_attendee_get_funding (daniel), ==, RP_FUNDING_HEALTH);
  g_assert_cmpstr (rp_attendee_get_step_since (daniel), ==, "2023-09-22");

  /* Added at its step, as the New Attendee window does: one entry, today, by the user. */
  history = rp_store_list_step_history (fixture->store, rp_attendee_get_id (daniel), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  change = g_list_model_get_item (history, 0);
  g_assert_cmpint (rp_step_change_get_from_step (change), ==, 0);
  g_assert_cmpint (rp_step_change_get_to_step (change), ==, 3);
  g_assert_cmpstr (rp_step_change_get_changed_on (change), ==, "2023-09-22");
  g_assert_cmpstr (rp_step_change_get_recorded_by (change), ==, rp_test_audit_user ("jtaylor"));

  /* Each at the step the file gives, from the first to the last. */
  {
    const int numbers[] = { 3, 4, 5 };
    const int steps[] = { 1, 3, 6 };
    const gint64 workers[] = { fixture->priya_id, 0, fixture->rob_id };

    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        g_autoptr(RpAttendee) attendee = rp_store_find_attendee (fixture->store, programme_id (fixture),
                                                                 numbers[i], &error);

        g_assert_no_error (error);
        g_assert_cmpint (rp_attendee_get_step (attendee), ==, steps[i]);
        g_assert_cmpint (rp_attendee_get_worker_id (attendee), ==, workers[i]);
      }
  }

  audit = rp_store_list_audit (fixture->store, "attendee", rp_attendee_get_id (daniel), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), >, 0);

  /* The same file again: every number is taken now, and nothing more is added. */
  {
    g_autoptr(RpImport) again = import_text (good_file);

    g_assert_false (rp_import_apply (again, fixture->store, programme_id (fixture), NULL, &n_added, &error));
    g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "The file has 3 problems. Nothing was imported.");
    g_assert_cmpuint (n_added, ==, 0);
    g_assert_cmpuint (count_rows (fixture->store, "attendee"), ==, 3);
  }
}

typedef struct
{
  guint attendees;
  guint step_changes;
  guint audit;
} Counts;

static void
get_counts (RpStore *store,
            Counts  *counts)
{
  counts->attendees = count_rows (store, "attendee");
  counts->step_changes = count_rows (store, "step_change");
  counts->audit = count_rows (store, "audit");
}

static void
assert_counts_equal (const Counts *before,
                     const Counts *after)
{
  g_assert_cmpuint (after->attendees, ==, before->attendees);
  g_assert_cmpuint (after->step_changes, ==, before->step_changes);
  g_assert_cmpuint (after->audit, ==, before->audit);
}

static void
test_import_nothing_written (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *one_bad_row = g_strconcat (good_file, "6,ASC,9,Faisal Hussain,\n", NULL);
  g_autoptr(RpImport) bad = import_text (one_bad_row);
  g_autoptr(RpImport) good = import_text (good_file);
  Counts before, after;
  guint n_added = 99;
  char *sql_error = NULL;

  if (rp_test_skip_on_team ("makes one insert fail with an SQLite TEMP TRIGGER"))
    return;

  add_attendee (fixture, 1, "Aisha Rahman");
  get_counts (fixture->store, &before);

  /* One bad row stops every row. */
  g_assert_false (rp_import_apply (bad, fixture->store, programme_id (fixture), NULL, &n_added, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The file has 1 problem. Nothing was imported.");
  g_assert_cmpuint (n_added, ==, 0);
  g_clear_error (&error);
  get_counts (fixture->store, &after);
  assert_counts_equal (&before, &after);

  /* The database refuses the third row after two were written: both are rolled back. */
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (fixture->store),
                                 "CREATE TEMP TRIGGER refuse_five BEFORE INSERT ON attendee"
                                 " WHEN NEW.number = 5 BEGIN SELECT RAISE (ABORT, 'refused'); END;",
                                 NULL, NULL, &sql_error), ==, SQLITE_OK);
  g_assert_null (sql_error);
  g_assert_false (rp_import_apply (good, fixture->store, programme_id (fixture), NULL, &n_added, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  get_counts (fixture->store, &after);
  assert_counts_equal (&before, &after);

  /* The store is usable afterwards: no transaction was left open. */
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (fixture->store), "DROP TRIGGER refuse_five", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (rp_import_apply (good, fixture->store, programme_id (fixture), NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
}

static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) many = g_string_new ("attendee_no,status,step,full_name\n");
  g_autoptr(RpImport) import = NULL;
  Counts before, after;

  for (guint i = 1; i <= 600; i++)
    g_string_append_printf (many, "%u,ASC,1,Attendee %u\n", i, i);
  import = import_text (many->str);

  get_counts (fixture->store, &before);
  g_cancellable_cancel (cancellable);
  g_assert_false (rp_import_apply (import, fixture->store, programme_id (fixture), cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  get_counts (fixture->store, &after);
  assert_counts_equal (&before, &after);
}

/* One table of columns, written and read ---------------------------------- */

static void
on_applied (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs rp_import_apply_async() to the end, as the command line does. */
static gboolean
apply_and_wait (RpImport  *import,
                RpStore   *store,
                gint64     programme,
                guint     *n_added,
                GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rp_import_apply_async (import, store, programme, NULL, on_applied, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return rp_import_apply_finish (import, result, n_added, error);
}

static char *
export_programme (RpStore *store,
                  gint64   programme,
                  gboolean personal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attendees = rp_store_list_attendees (store, programme, &error);
  g_autoptr(GListModel) workers = rp_store_list_workers (store, TRUE, &error);

  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  csv = rp_attendee_columns_to_csv (store, attendees, workers, personal, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&csv);
}

static void
test_columns_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  g_autoptr(RpProgramme) second = rp_programme_new ();
  g_autoptr(RpImport) import = NULL;
  g_autoptr(RpCsvTable) table = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *reimported = NULL;
  g_autofree char *short_form = NULL;
  gboolean seen[RP_IMPORT_N_FIELDS] = { FALSE, };
  const char * const *headings;
  const char * const *cells;
  guint n_headings = 0;
  guint n_cells = 0;
  guint n_added = 0;

  /* Every field an import reads has exactly one column, and the import
   * reads each column's heading as that field. */
  for (guint i = 0; i < rp_attendee_columns_get_n (); i++)
    {
      RpImportField field = rp_attendee_column_get_field (i);
      gboolean recognised = FALSE;

      g_assert_cmpint (rp_import_field_for_heading (rp_attendee_column_get_heading (i), &recognised), ==, field);
      g_assert_true (recognised);
      if (field == RP_IMPORT_FIELD_IGNORE)
        continue;
      g_assert_false (seen[field]);
      seen[field] = TRUE;
      g_assert_cmpstr (rp_import_field_to_string (field), ==, rp_attendee_column_get_heading (i));
    }
  for (guint field = RP_IMPORT_FIELD_IGNORE + 1; field < RP_IMPORT_N_FIELDS; field++)
    g_assert_true (seen[field]);

  /* An attendee with every field filled in, none at its default. */
  rp_attendee_set_programme_id (attendee, programme_id (fixture));
  rp_attendee_set_number (attendee, 7);
  rp_attendee_set_funding (attendee, RP_FUNDING_HEALTH);
  rp_attendee_set_step (attendee, 3);
  rp_attendee_set_full_name (attendee, "Amira Okafor");
  rp_attendee_set_preferred_name (attendee, "Mira");
  rp_attendee_set_date_of_birth (attendee, "1990-04-12");
  rp_attendee_set_contact_name (attendee, "Grace Okafor");
  rp_attendee_set_contact_relationship (attendee, "Mother");
  rp_attendee_set_contact_phone (attendee, "+44 7700 900456");
  rp_attendee_set_worker_id (attendee, fixture->rob_id);
  rp_attendee_set_wheelchair_user (attendee, TRUE);
  rp_attendee_set_transport_needed (attendee, TRUE);
  rp_attendee_set_access_needs (attendee, "Hoist, quiet room");
  rp_attendee_set_report_note (attendee, "=Visiting two providers");
  rp_attendee_set_case_notes (attendee, "Likes music, \"loud\" music");
  rp_attendee_set_target_date (attendee, "2024-03-01");
  rp_attendee_set_communication_needs (attendee, "Easy read, BSL");
  rp_attendee_set_interpreter_language (attendee, "Urdu");
  rp_attendee_set_preferred_contact (attendee, "text");
  rp_attendee_set_communication_notes (attendee, "Uses a picture board, “yes” and “no” cards");
  rp_attendee_set_contact_communication_needs (attendee, "interpreter,large-print");
  rp_attendee_set_contact_interpreter_language (attendee, "Somali");
  rp_attendee_set_contact_preferred_contact (attendee, "Video call");
  g_assert_true (rp_store_add_attendee (fixture->store, attendee, NULL, &error));
  g_assert_no_error (error);
  /* Kept in their one standard form, whichever way they were typed. */
  g_assert_cmpstr (rp_attendee_get_communication_needs (attendee), ==, "easy-read,bsl");
  g_assert_cmpstr (rp_attendee_get_contact_communication_needs (attendee), ==, "large-print,interpreter");
  g_assert_cmpstr (rp_attendee_get_contact_preferred_contact (attendee), ==, "video-call");
  /* Outcomes are written into the plan before any move; the first starts
   * like a formula and must come back as text. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();

      rp_planned_outcome_set_attendee_id (outcome, rp_attendee_get_id (attendee));
      rp_planned_outcome_set_description (outcome, i == 0 ? "=Keeps seeing friends, \"Tuesday\" club" : "Goes swimming");
      g_assert_true (rp_store_add_planned_outcome (fixture->store, outcome, &error));
      g_assert_no_error (error);
    }

  /* Every column of the file holds something for that attendee. */
  exported = export_programme (fixture->store, programme_id (fixture), TRUE);
  table = rp_csv_read (exported, strlen (exported), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_csv_table_get_n_records (table), ==, 2);
  headings = rp_csv_table_get_record (table, 0, &n_headings);
  cells = rp_csv_table_get_record (table, 1, &n_cells);
  g_assert_cmpuint (n_headings, ==, rp_attendee_columns_get_n ());
  g_assert_cmpuint (n_cells, ==, n_headings);
  for (guint i = 0; i < n_headings; i++)
    {
      g_test_message ("%s: %s", headings[i], cells[i]);
      g_assert_cmpstr (headings[i], ==, rp_attendee_column_get_heading (i));
      /* What follows a move stays empty for someone still attending. */
      if (g_str_equal (headings[i], "interim") || g_str_has_prefix (headings[i], "permanent_") ||
          g_str_has_suffix (headings[i], "_review_due"))
        g_assert_cmpstr (cells[i], ==, "");
      else
        g_assert_cmpstr (cells[i], !=, "");
    }
  g_assert_nonnull (strstr (exported, ",\"'=Keeps seeing friends, \"\"Tuesday\"\" club\nGoes swimming\","));

  /* The short form leaves out exactly the personal columns. */
  short_form = export_programme (fixture->store, programme_id (fixture), FALSE);
  g_assert_cmpstr (short_form, ==, "attendee_no,status,step,step_name,worker,target_moving_date,outcome\r\n"
                                   "7,Health,3,Review in progress,RH,2024-03-01,attending\r\n");
  g_assert_null (strstr (short_form, "Amira"));

  /* Read back into another programme, every column gives the same value. */
  rp_programme_set_name (second, "Second day centre");
  g_assert_true (rp_store_add_programme (fixture->store, second, &error));
  g_assert_no_error (error);
  import = import_text (exported);
  for (guint i = 0; i < rp_import_get_n_columns (import); i++)
    g_assert_true (rp_import_is_recognised (import, i));
  g_assert_true (apply_and_wait (import, fixture->store, rp_programme_get_id (second), &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);

  reimported = export_programme (fixture->store, rp_programme_get_id (second), TRUE);
  g_assert_cmpstr (reimported, ==, exported);

  /* The outcomes are saved with the attendee, in their order, as text. */
  {
    g_autoptr(GListModel) copies = rp_store_list_attendees (fixture->store, rp_programme_get_id (second), &error);
    g_autoptr(RpAttendee) copy = g_list_model_get_item (copies, 0);
    g_autoptr(GListModel) outcomes = rp_store_list_planned_outcomes (fixture->store, rp_attendee_get_id (copy), &error);
    g_autoptr(RpPlannedOutcome) first = g_list_model_get_item (outcomes, 0);
    g_autoptr(RpPlannedOutcome) next = g_list_model_get_item (outcomes, 1);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (outcomes), ==, 2);
    g_assert_cmpstr (rp_planned_outcome_get_description (first), ==, "=Keeps seeing friends, \"Tuesday\" club");
    g_assert_cmpstr (rp_planned_outcome_get_description (next), ==, "Goes swimming");
  }
}

/* A communication need the app does not know, or an interpreter without a
 * language, is refused with words a person understands; nothing is guessed. */
static void
test_communication_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RpImportPreview) preview =
    check_text (fixture,
                "attendee_no,status,step,full_name,communication_needs,interpreter_language,contact_preferred_contact\n"
                "1,ASC,1,Ann Lee,braille,,\n"
                "2,ASC,1,Bob Ray,interpreter,,\n"
                "3,ASC,1,Cai Wu,large print,,pigeon\n"
                "4,ASC,1,Dee Fox,\"Large Print, BSL\",,Video call\n");
  GPtrArray *attendees = rp_import_preview_get_attendees (preview);

  assert_problem (preview, 2, "communication_needs", "“braille” is not a communication need Reprovision knows");
  assert_problem (preview, 3, NULL, "Say which language the interpreter for the person speaks.");
  assert_problem (preview, 4, "contact_preferred_contact", "“pigeon” is not a way of contacting someone");
  g_assert_cmpuint (rp_import_preview_get_problems (preview)->len, ==, 3);

  /* The good row is read in its standard form. */
  for (guint i = 0; i < attendees->len; i++)
    {
      RpAttendee *attendee = g_ptr_array_index (attendees, i);

      if (rp_attendee_get_number (attendee) != 4)
        continue;
      g_assert_cmpstr (rp_attendee_get_communication_needs (attendee), ==, "large-print,bsl");
      g_assert_cmpstr (rp_attendee_get_contact_preferred_contact (attendee), ==, "video-call");
    }
}

static void
on_changed (RpStore    *store,
            const char *table,
            GPtrArray  *ids,
            guint      *n_changes)
{
  (*n_changes)++;
}

/* The window and the command line import through one use case: the backup
 * first, then every attendee, announced by the caller's store. */
static void
test_import_apply_async (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpImport) import = import_text ("attendee_no,status,step,full_name,worker\n"
                                            "1,ASC,2,Zara Ali,PM\n"
                                            "2,Health,1,Yusuf Ali,\n");
  g_autoptr(RpImport) bad = import_text ("attendee_no,status,step,full_name\n"
                                         "1,ASC,9,Bad Step\n");
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(RpBackup) before = NULL;
  g_autoptr(GListModel) attendees = NULL;
  guint n_changes = 0;
  guint n_added = 0;

  if (rp_test_skip_on_team ("checks the backup file made before an import; a server's backups are its administrator's"))
    return;

  g_signal_connect (fixture->store, "changed::attendee", G_CALLBACK (on_changed), &n_changes);

  g_assert_true (apply_and_wait (import, fixture->store, programme_id (fixture), &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (n_changes, >, 0);
  g_assert_cmpuint (count_rows (fixture->store, "attendee"), ==, 2);

  /* Written as the store's user, and undone by restoring the copy made first. */
  attendees = rp_store_list_attendees (fixture->store, programme_id (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 2);
  backups = rp_backup_list (rp_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  before = g_list_model_get_item (backups, 0);
  g_assert_cmpint (rp_backup_get_reason (before), ==, RP_BACKUP_BEFORE_IMPORT);
  {
    g_autoptr(RpStore) copy = rp_store_open (rp_backup_get_path (before), RP_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (count_rows (copy, "attendee"), ==, 0);
  }

  /* A file with a problem adds nobody, and says so. */
  n_changes = 0;
  g_assert_false (apply_and_wait (bad, fixture->store, programme_id (fixture), &n_added, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpuint (count_rows (fixture->store, "attendee"), ==, 2);

  g_signal_handlers_disconnect_by_func (fixture->store, on_changed, &n_changes);
}

/* Round trip through reprovision-cli ------------------------------------ */

static char *
run_cli (int        expected_status,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("REPROVISION_CLI");
  char *out = NULL;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != expected_status)
    g_test_fail_printf ("reprovision-cli %s exited with %d, expected %d: %s", first_arg,
                        WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1, expected_status, err);
  return out;
}

static void
test_import_round_trip (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (dir, "second.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "attendees.csv", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.csv", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *reimported = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *added = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) empty = rp_programme_new ();

  if (rp_test_skip_on_team ("makes its databases as files with reprovision-cli demo"))
    return;

  g_free (run_cli (0, "demo", "--database", first, NULL));

  /* Text a spreadsheet would run as a formula, and a phone number that looks like one. */
  {
    g_autoptr(RpStore) store = rp_test_open_store (first, RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(RpProgramme) programme = NULL;
    g_autoptr(RpAttendee) one = NULL;
    g_autoptr(RpAttendee) two = NULL;

    g_assert_no_error (error);
    programme = rp_store_get_programme (store, 1, &error);
    g_assert_no_error (error);
    one = rp_store_find_attendee (store, rp_programme_get_id (programme), 1, &error);
    two = rp_store_find_attendee (store, rp_programme_get_id (programme), 2, &error);
    g_assert_no_error (error);
    rp_attendee_set_report_note (one, "=HYPERLINK(\"http://example.com\",\"Open\")");
    rp_attendee_set_contact_phone (one, "+44 7700 900123");
    rp_attendee_set_case_notes (one, "-2+3+cmd|' /C calc'!A0");
    rp_attendee_set_access_needs (two, "@SUM(1+1)");
    rp_attendee_set_case_notes (two, "'=typed with an apostrophe");
    rp_attendee_set_contact_relationship (two, "\tSister");
    g_assert_true (rp_store_save_attendee (store, one, &error));
    g_assert_true (rp_store_save_attendee (store, two, &error));
    g_assert_no_error (error);
  }

  exported = run_cli (0, "attendees", "--database", first, "--format", "csv", "--all-fields", NULL);
  g_assert_true (g_file_set_contents (csv_path, exported, -1, &error));
  assert_no_formula_cells (exported);
  g_assert_nonnull (strstr (exported, ",\"'+44 7700 900123\","));

  /* The other database knows the same workers, and has an empty programme to fill. */
  g_free (run_cli (0, "demo", "--database", second, NULL));
  {
    g_autoptr(RpStore) store = rp_test_open_store (second, RP_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    rp_programme_set_name (empty, "Second day centre");
    g_assert_true (rp_store_add_programme (store, empty, &error));
    g_assert_no_error (error);
  }
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, rp_programme_get_id (empty));

  /* A file written with --output starts with the byte-order mark Excel
   * needs; the import reads it as it reads one without. */
  {
    g_autofree char *bom_path = g_build_filename (dir, "with-bom.csv", NULL);
    g_autofree char *bom_text = NULL;
    g_autofree char *checked = NULL;

    g_free (run_cli (0, "attendees", "--database", first, "--format", "csv", "--all-fields",
                     "--output", bom_path, NULL));
    g_assert_true (g_file_get_contents (bom_path, &bom_text, NULL, &error));
    g_assert_true (g_str_has_prefix (bom_text, "\xef\xbb\xbf"));
    g_assert_cmpstr (bom_text + 3, ==, exported);
    checked = run_cli (0, "import", "--database", second, "--programme", id_text, "--dry-run", bom_path, NULL);
    g_assert_cmpstr (checked, ==, "19 attendees would be added.\n");
  }

  added = run_cli (0, "import", "--database", second, "--programme", id_text, csv_path, NULL);
  g_assert_cmpstr (added, ==, "Added 19 attendees.\n");
  reimported = run_cli (0, "attendees", "--database", second, "--programme", id_text,
                        "--format", "csv", "--all-fields", NULL);
  g_assert_cmpstr (reimported, ==, exported);

  /* The short listing has no names, so it cannot add anyone, and says why. */
  plain = run_cli (0, "attendees", "--database", first, "--format", "csv", NULL);
  g_assert_true (g_file_set_contents (plain_path, plain, -1, &error));
  {
    g_autoptr(RpImport) import = import_text (plain);
    g_autoptr(RpStore) store = rp_test_open_store (second, RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(RpImportPreview) preview = NULL;

    g_assert_no_error (error);
    preview = rp_import_check (import, store, rp_programme_get_id (empty), NULL, &error);
    g_assert_no_error (error);
    assert_problem (preview, 1, NULL, "no column for the full name");
  }

  rp_test_remove_tree (dir);
}

/* Keeps the file's heading row and the rows for which @keep says so. */
static char *
filter_rows (const char *csv,
             int         column,
             gboolean    moved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvTable) table = rp_csv_read (csv, strlen (csv), NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rp_csv_table_get_n_records (table); i++)
    {
      guint n = 0;
      const char * const *cells = rp_csv_table_get_record (table, i, &n);

      if (i == 0 || g_str_equal (cells[column], "moved") == moved)
        rp_csv_append_row (out, cells, n);
    }
  return g_string_free (out, FALSE);
}

/* The sample, exported with every field, carries the moves' interim details,
 * review dates and planned outcomes; the people still attending import into
 * a fresh programme with their outcomes, and those who moved are refused,
 * naming line and column, with nothing saved. */
static void
test_sample_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "sample.db", NULL);
  g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(RpProgramme) sample = NULL;
  g_autoptr(RpProgramme) fresh = rp_programme_new ();
  g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(RpAttendee) first = NULL;
  g_autoptr(RpImport) import = NULL;
  g_autoptr(RpImportPreview) preview = NULL;
  g_autoptr(RpCsvTable) table = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *attending = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;
  const char * const *headings;
  guint n_headings = 0;
  guint n_before;
  guint n_added = 0;
  int outcome_column = -1;

  /* A database of its own: the fixture's workers share the sample's initials. */
  g_assert_no_error (error);
  rp_store_set_today (store, "2023-09-22");
  rp_store_set_user (store, "jtaylor");
  sample = rp_sample_create (store, &error);
  g_assert_no_error (error);
  g_assert_true (rp_sample_add_moves (store, sample, &error));
  g_assert_no_error (error);

  /* Someone still attending with outcomes already in their plan. */
  attendees = rp_store_list_attendees (store, rp_programme_get_id (sample), &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (attendees, 0);
  g_assert_cmpint (rp_attendee_get_outcome (first), ==, RP_OUTCOME_ATTENDING);
  rp_planned_outcome_set_attendee_id (outcome, rp_attendee_get_id (first));
  rp_planned_outcome_set_description (outcome, "+ Keeps Friday lunch with friends");
  g_assert_true (rp_store_add_planned_outcome (store, outcome, &error));
  g_assert_no_error (error);

  exported = export_programme (store, rp_programme_get_id (sample), TRUE);
  g_assert_nonnull (strstr (exported, "Keeps seeing friends from the centre\nHydrotherapy each week\nSame transport driver"));
  g_assert_nonnull (strstr (exported, "\"'+ Keeps Friday lunch with friends\""));

  table = rp_csv_read (exported, strlen (exported), NULL, &error);
  g_assert_no_error (error);
  headings = rp_csv_table_get_record (table, 0, &n_headings);
  for (guint i = 0; i < n_headings; i++)
    if (g_str_equal (headings[i], "outcome"))
      outcome_column = i;
  g_assert_cmpint (outcome_column, >=, 0);

  /* Grace's follow-up review is held: due no more; Tomasz's is to come;
   * Eileen is in an interim place. Review dates are after the move. */
  for (guint r = 1; r < rp_csv_table_get_n_records (table); r++)
    {
      g_autoptr(GHashTable) row = g_hash_table_new (g_str_hash, g_str_equal);
      const char * const *cells = rp_csv_table_get_record (table, r, NULL);
      int number;

      for (guint i = 0; i < n_headings; i++)
        g_hash_table_insert (row, (gpointer) headings[i], (gpointer) cells[i]);
      number = (int) g_ascii_strtoll (g_hash_table_lookup (row, "attendee_no"), NULL, 10);
      if (number == 20)
        {
          g_assert_cmpstr (g_hash_table_lookup (row, "follow_up_review_due"), ==, "");
          g_assert_cmpstr (g_hash_table_lookup (row, "annual_review_due"), >, "2023-09-22");
          g_assert_cmpstr (g_hash_table_lookup (row, "interim"), ==, "no");
        }
      else if (number == 21)
        g_assert_cmpstr (g_hash_table_lookup (row, "follow_up_review_due"), >, "2023-09-22");
      else if (number == 22)
        {
          g_assert_cmpstr (g_hash_table_lookup (row, "interim"), ==, "yes");
          g_assert_cmpstr (g_hash_table_lookup (row, "permanent_provider"), !=, "");
          g_assert_cmpstr (g_hash_table_lookup (row, "permanent_date"), >, "2023-09-22");
        }
      else if (g_str_equal (g_hash_table_lookup (row, "outcome"), "attending"))
        g_assert_cmpstr (g_hash_table_lookup (row, "annual_review_due"), ==, "");
    }

  rp_programme_set_name (fresh, "Fresh programme");
  g_assert_true (rp_store_add_programme (store, fresh, &error));
  g_assert_no_error (error);

  /* Those who moved are refused, each cell about the move named. */
  moved = filter_rows (exported, outcome_column, TRUE);
  import = import_text (moved);
  for (guint i = 0; i < rp_import_get_n_columns (import); i++)
    g_assert_true (rp_import_is_recognised (import, i));
  preview = rp_import_check (import, store, rp_programme_get_id (fresh), NULL, &error);
  g_assert_no_error (error);
  assert_problem (preview, 2, "outcome", "Only attendees still attending");
  /* Eileen's row starts on line 7, after two rows of three-line outcomes. */
  assert_problem (preview, 7, "interim", "whether the move is interim must be empty");
  assert_problem (preview, 7, "permanent_provider", "the planned permanent provider must be empty");
  assert_problem (preview, 7, "permanent_date", "the planned permanent date must be empty");
  n_before = count_rows (store, "planned_outcome");
  g_assert_false (apply_and_wait (import, store, rp_programme_get_id (fresh), NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (store, "planned_outcome"), ==, n_before);
  g_clear_object (&import);

  /* Everyone still attending comes back as they were, outcomes and all. */
  attending = filter_rows (exported, outcome_column, FALSE);
  import = import_text (attending);
  g_assert_true (apply_and_wait (import, store, rp_programme_get_id (fresh), &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, >, 1);
  copied = export_programme (store, rp_programme_get_id (fresh), TRUE);
  g_assert_cmpstr (copied, ==, attending);
  g_assert_cmpuint (count_rows (store, "planned_outcome"), ==, n_before + 1);
}

/* A planned outcome the moving plan would refuse stops the whole file. */
static void
test_planned_outcomes_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_outcome = g_strnfill (RP_SHORT_TEXT_MAX + 1, 'a');
  g_autofree char *text = g_strdup_printf ("attendee_no,status,step,full_name,planned_outcomes,follow_up_review_due\n"
                                           "1,ASC,1,Ann Lee,\"Goes swimming\n\n  Cooking club  \",2020-01-01\n"
                                           "2,ASC,1,Bob Ray,\"Fine\nBad \x01 outcome\",\n"
                                           "3,ASC,1,Cai Wu,%s,\n", long_outcome);
  g_autoptr(RpImportPreview) preview = check_text (fixture, text);
  g_autoptr(RpImport) import = import_text (text);
  const char * const *outcomes;

  /* Lines of the file, where each row starts, as a text editor counts them. */
  assert_problem (preview, 5, "planned_outcomes", "Outcome 2: There is a control character (U+0001)");
  assert_problem (preview, 7, "planned_outcomes", "Outcome 1: Too long");
  g_assert_cmpuint (rp_import_preview_get_problems (preview)->len, ==, 2);

  /* Blank lines and edge spaces are not outcomes; the review date is ignored. */
  g_assert_cmpuint (rp_import_preview_get_attendees (preview)->len, ==, 1);
  outcomes = rp_import_preview_get_planned_outcomes (preview, 0);
  g_assert_cmpuint (g_strv_length ((char **) outcomes), ==, 2);
  g_assert_cmpstr (outcomes[0], ==, "Goes swimming");
  g_assert_cmpstr (outcomes[1], ==, "Cooking club");

  g_assert_false (apply_and_wait (import, fixture->store, programme_id (fixture), NULL, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpuint (count_rows (fixture->store, "attendee"), ==, 0);
  g_assert_cmpuint (count_rows (fixture->store, "planned_outcome"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv-reader/bom", test_csv_bom);
  g_test_add_func ("/core/csv-reader/line-ends", test_csv_line_ends);
  g_test_add_func ("/core/csv-reader/quoted", test_csv_quoted);
  g_test_add_func ("/core/csv-reader/refused", test_csv_refused);
  g_test_add_func ("/core/csv-reader/binary-garbage", test_csv_binary_garbage);
  g_test_add_func ("/core/csv-reader/cancelled", test_csv_cancelled);
  g_test_add_func ("/core/csv/formula-guard", test_csv_formula_guard);
  g_test_add_func ("/core/import/parsers", test_import_parsers);
  g_test_add_func ("/core/import/columns", test_import_columns);
  g_test_add ("/core/import/preview", Fixture, NULL, fixture_set_up, test_import_preview, fixture_tear_down);
  g_test_add ("/core/import/row-checks", Fixture, NULL, fixture_set_up, test_import_row_checks, fixture_tear_down);
  g_test_add ("/core/import/step-exact", Fixture, NULL, fixture_set_up, test_import_step_exact, fixture_tear_down);
  g_test_add ("/core/import/hidden-characters", Fixture, NULL, fixture_set_up, test_import_hidden_characters, fixture_tear_down);
  g_test_add ("/core/import/file-problems", Fixture, NULL, fixture_set_up, test_import_file_problems, fixture_tear_down);
  g_test_add_func ("/core/import/unreadable", test_import_unreadable);
  g_test_add ("/core/import/apply", Fixture, NULL, fixture_set_up, test_import_apply, fixture_tear_down);
  g_test_add ("/core/import/nothing-written", Fixture, NULL, fixture_set_up, test_import_nothing_written, fixture_tear_down);
  g_test_add ("/core/import/cancelled", Fixture, NULL, fixture_set_up, test_import_cancelled, fixture_tear_down);
  g_test_add_func ("/core/import/round-trip", test_import_round_trip);
  g_test_add ("/core/import/communication-refused", Fixture, NULL, fixture_set_up, test_communication_refused, fixture_tear_down);
  g_test_add ("/core/import/columns-round-trip", Fixture, NULL, fixture_set_up, test_columns_round_trip, fixture_tear_down);
  g_test_add ("/core/import/sample-round-trip", Fixture, NULL, fixture_set_up, test_sample_round_trip, fixture_tear_down);
  g_test_add ("/core/import/planned-outcomes-refused", Fixture, NULL, fixture_set_up, test_planned_outcomes_refused, fixture_tear_down);
  g_test_add ("/core/import/apply-async", Fixture, NULL, fixture_set_up, test_import_apply_async, fixture_tear_down);

  return g_test_run ();
}
