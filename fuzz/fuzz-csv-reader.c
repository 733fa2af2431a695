/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv-reader.c: the CSV reader, and the import's reading of a file's headings */

#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rp_fuzz_init ();
  return 0;
}

/* What the reader returns, written out again with rp-csv.c, reads back the same
 * once the apostrophe that keeps a spreadsheet from running a cell as a formula
 * is taken off, and that apostrophe is the only change. The copy starts with a
 * byte order mark, as "CSV UTF-8" does: the reader takes one off, so a first
 * cell that itself starts with U+FEFF keeps it. */
static void
check_round_trip (RpCsvTable *table)
{
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  g_autoptr(RpCsvTable) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_records = rp_csv_table_get_n_records (table);

  for (guint i = 0; i < n_records; i++)
    {
      guint n_fields = 0;
      const char * const *record = rp_csv_table_get_record (table, i, &n_fields);

      rp_csv_append_row (out, record, n_fields);
    }

  again = rp_csv_read (out->str, out->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rp_csv_table_get_n_records (again), ==, n_records);
  for (guint i = 0; i < n_records; i++)
    {
      guint n_fields = 0;
      const char * const *record = rp_csv_table_get_record (table, i, &n_fields);
      const char * const *written = rp_csv_table_get_record (again, i, NULL);

      g_assert_cmpuint (g_strv_length ((char **) written), ==, n_fields);
      for (guint j = 0; j < n_fields; j++)
        {
          g_assert_cmpstr (rp_csv_unguard_cell (written[j]), ==, record[j]);
          g_assert_true (g_str_equal (written[j], record[j]) ||
                         (written[j][0] == '\'' && g_str_equal (written[j] + 1, record[j])));
        }
    }
}

static void
check_table (RpCsvTable *table)
{
  guint n_records = rp_csv_table_get_n_records (table);
  guint previous_line = 0;

  g_assert_cmpuint (n_records, <=, RP_CSV_MAX_RECORDS);

  for (guint i = 0; i < n_records; i++)
    {
      guint n_fields = 0;
      const char * const *record = rp_csv_table_get_record (table, i, &n_fields);
      guint line = rp_csv_table_get_line (table, i);

      /* Every record but the last ends with a line end, so each starts on a later line. */
      g_assert_cmpuint (line, >, previous_line);
      previous_line = line;

      g_assert_cmpuint (n_fields, >=, 1);
      g_assert_cmpuint (n_fields, <=, RP_CSV_MAX_COLUMNS);
      for (guint j = 0; j < n_fields; j++)
        {
          g_assert_true (g_utf8_validate (record[j], -1, NULL));
          g_assert_cmpuint (strlen (record[j]), <=, RP_CSV_MAX_FIELD);
          g_assert_null (strchr (record[j], '\r'));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) import_error = NULL;
  g_autoptr(RpCsvTable) table = rp_csv_read ((const char *) data, size, NULL, &error);
  g_autoptr(RpImport) import = NULL;

  if (table == NULL)
    {
      g_assert_true (error != NULL && error->domain == RP_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  check_table (table);
  check_round_trip (table);

  import = rp_import_new_from_data ((const char *) data, size, NULL, &import_error);
  if (import == NULL)
    {
      g_assert_error (import_error, RP_ERROR, RP_ERROR_INVALID);
      return 0;
    }

  for (guint i = 0; i < rp_import_get_n_columns (import); i++)
    {
      RpImportField field = rp_import_get_field (import, i);

      g_assert_nonnull (rp_import_get_heading (import, i));
      g_assert_cmpuint (field, <, RP_IMPORT_N_FIELDS);
      g_assert_nonnull (rp_import_field_get_label (field));
    }
  g_assert_cmpuint (rp_import_get_n_rows (import), <, rp_csv_table_get_n_records (table));

  return 0;
}
