/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-contacts.c: "reprovision-cli contact import FILE" reads back what
 * "contact --format csv --all" writes, all or nothing */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "rp-core.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

/* Contacts of every attendee: the export's rows, after the heading. */
static guint
count_rows (const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpCsvTable) table = rp_csv_read (csv, strlen (csv), NULL, &error);

  g_assert_no_error (error);
  return rp_csv_table_get_n_records (table) - 1;
}

static void
test_contact_import (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *first_file = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second_file = g_build_filename (dir, "second.db", NULL);
  /* On the team backend, databases on the cluster (rp-test-store.h). */
  g_autofree char *first = rp_test_cli_database (first_file);
  g_autofree char *second = rp_test_cli_database (second_file);
  g_autofree char *csv_path = g_build_filename (dir, "contacts.csv", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_free (rp_test_cli_output (0, NULL, "demo", "--database", first, "--today", "2023-09-22", NULL));
  g_free (rp_test_cli_output (0, NULL, "demo", "--database", second, "--today", "2023-09-22", NULL));
  g_free (rp_test_cli_output (0, NULL, "contact", "--database", first, "--attendee", "12", "--add", "--how", "email",
                              "--date", "2023-09-01", "--summary", "=HYPERLINK(\"http://example.com\")", NULL));

  g_free (rp_test_cli_output (0, NULL, "contact", "--database", first, "--all", "--format", "csv", "--plain-utf8",
                              "--output", csv_path, "--reason", "moving the log", NULL));
  g_assert_true (g_file_get_contents (csv_path, &exported, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (exported, "\"'=HYPERLINK(\"\"http://example.com\"\")\""));
  n = count_rows (exported);

  before = rp_test_cli_output (0, NULL, "contact", "--database", second, "--all", "--format", "csv", NULL);

  /* A dry run says how many and adds nothing. */
  out = rp_test_cli_output (0, NULL, "contact", "import", "--database", second, "--dry-run", csv_path, NULL);
  expected = g_strdup_printf ("%u contacts would be added.\n", n);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&expected, g_free);

  out = rp_test_cli_output (0, NULL, "contact", "import", "--database", second, csv_path, NULL);
  expected = g_strdup_printf ("Added %u contacts.\n", n);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);

  /* The second database now holds its own log and the imported one. */
  after = rp_test_cli_output (0, NULL, "contact", "--database", second, "--all", "--format", "csv", NULL);
  g_assert_cmpuint (count_rows (after), ==, count_rows (before) + n);
  g_assert_nonnull (strstr (after, "\"'=HYPERLINK(\"\"http://example.com\"\")\""));
  g_clear_pointer (&after, g_free);

  /* A bad row names line and column, and nothing is added. */
  g_assert_true (g_file_set_contents (bad_path,
                                      "attendee,date,worker,with_whom,with_name,method,summary,follow_up_needed\n"
                                      "12,2023-09-01,,family,,phone,Fine,no\n"
                                      "12,2023-09-02,,family,,pigeon,Not fine,no\n", -1, &error));
  g_assert_no_error (error);
  out = rp_test_cli_output (1, &err, "contact", "import", "--database", second, bad_path, NULL);
  g_assert_nonnull (strstr (err, ":3: column “method”: “pigeon” is not a way of making contact"));
  g_assert_nonnull (strstr (err, "Nothing was added: the file has 1 problem."));
  after = rp_test_cli_output (0, NULL, "contact", "--database", second, "--all", "--format", "csv", NULL);
  g_assert_cmpuint (count_rows (after), ==, count_rows (before) + n);

  rp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/contact/import", test_contact_import);

  return g_test_run ();
}
