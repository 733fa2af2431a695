/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c: attendees from a CSV file, every row checked, all or none added */

#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-test-util.h"
#include "rp-validate.h"

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

  return g_test_run ();
}
