/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-reviews.c: "reprovision-cli review import FILE" reads back what
 * "review --format csv" writes, all or nothing */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rp-core.h"
#include "rp-export-record-private.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

#define HEADINGS "attendee,kind,held_on,reviewer,took_part,placement_continues,actions,notes,outcome,rating,rating_note\n"

static int
count_reviews (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = rp_test_open_store (path, RP_STORE_OPEN_READ_ONLY | RP_STORE_OPEN_NO_COMPANIONS, &error);

  g_assert_no_error (error);
  return (int) rp_test_query_int (store, "SELECT count(*) FROM review");
}

/* The sample with three people who have moved, and no review yet. */
static void
make_unreviewed (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autofree char *database = rp_test_cli_database (path);

  g_free (rp_test_cli_output (0, NULL, "demo", "--database", database, "--after-move", "--today", "2023-09-22", NULL));
  store = rp_test_open_store (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  rp_test_exec (store, "DELETE FROM review_outcome; DELETE FROM review");
}

static void
test_review_round_trip (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (dir, "second.db", NULL);
  /* What reprovision-cli is given: on the team backend, databases on the cluster. */
  g_autofree char *first_db = rp_test_cli_database (first);
  g_autofree char *second_db = rp_test_cli_database (second);
  g_autofree char *csv_path = g_build_filename (dir, "reviews.csv", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *described = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(RpExportRecord) record = NULL;
  g_autoptr(RpAttendee) tomasz = NULL;
  GStatBuf st;

  g_free (rp_test_cli_output (0, NULL, "demo", "--database", first_db, "--after-move", "--today", "2023-09-22", NULL));
  make_unreviewed (second);
  /* Beside the sample's follow-up review of attendee 20: an annual one with
   * a note a spreadsheet would run, and a follow-up review of attendee 21. */
  g_free (rp_test_cli_output (0, NULL, "review", "--database", first_db, "--attendee", "20", "--record", "--annual",
                              "--reviewer", "PM", "--rate", "1=met", "--rate", "2=not-met:=SUM(A1:A9)", "--rate", "3=partly-met",
                              "--took-part", "advocate,family", "--placement-ends", NULL));
  g_free (rp_test_cli_output (0, NULL, "review", "--database", first_db, "--attendee", "21", "--record", "--reviewer", "RH",
                              "--rate", "1=met", "--rate", "2=partly-met:Quiet room, then \"lunch\"\non two lines",
                              "--actions", "-call the family", NULL));
  g_assert_cmpint (count_reviews (first), ==, 3);

  g_free (rp_test_cli_output (0, NULL, "review", "--database", first_db, "--format", "csv", "--plain-utf8",
                              "--output", csv_path, "--reason", "moving the reviews", NULL));
  g_assert_true (g_file_get_contents (csv_path, &exported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_str_has_prefix (exported, "attendee,kind,held_on,reviewer,took_part,placement_continues,"
                                             "actions,notes,outcome,rating,rating_note\r\n"));
  /* A formula is neutralised, as every CSV export does. */
  g_assert_nonnull (strstr (exported, ",not-met,\"'=SUM(A1:A9)\"\r\n"));
  g_assert_nonnull (strstr (exported, ",\"'-call the family\","));
  g_assert_null (strstr (exported, ",=SUM"));

  store = rp_test_open_store (first, RP_STORE_OPEN_READ_ONLY | RP_STORE_OPEN_NO_COMPANIONS, &error);
  g_assert_no_error (error);
  programme = rp_store_get_programme (store, 1, &error);
  g_assert_no_error (error);
  /* The attendee by number only: no name of a person is in the file. */
  attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_auto(GStrv) words = g_strsplit (rp_attendee_get_full_name (attendee), " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        if (strlen (words[w]) > 2)
          g_assert_null (strstr (exported, words[w]));
    }
  /* The export is in the export history, named for what it is. */
  exports = rp_store_list_exports (store, rp_programme_get_id (programme), &error);
  g_assert_no_error (error);
  record = g_list_model_get_item (exports, 0);
  g_assert_cmpstr (rp_export_record_get_kind (record), ==, "reviews");
  described = rp_export_record_describe (record);
  g_assert_nonnull (strstr (described, "CSV · reviews"));
  g_assert_cmpstr (rp_export_record_get_reason (record), ==, "moving the reviews");
  g_clear_object (&store);

  /* A dry run says how many and records nothing. */
  out = rp_test_cli_output (0, NULL, "review", "import", "--database", second_db, "--dry-run", csv_path, NULL);
  g_assert_cmpstr (out, ==, "3 reviews would be recorded.\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (count_reviews (second), ==, 0);

  out = rp_test_cli_output (0, NULL, "review", "import", "--database", second_db, csv_path, NULL);
  g_assert_cmpstr (out, ==, "Recorded 3 reviews.\n");
  g_clear_pointer (&out, g_free);

  /* Written again from the second database, the file is the same to the byte. */
  again = rp_test_cli_output (0, NULL, "review", "--database", second_db, "--format", "csv", NULL);
  g_assert_cmpstr (again, ==, exported);

  /* Recorded as the store records a review: the follow-up one reaches step 6. */
  store = rp_test_open_store (second, RP_STORE_OPEN_READ_ONLY | RP_STORE_OPEN_NO_COMPANIONS, &error);
  g_assert_no_error (error);
  tomasz = rp_store_find_attendee (store, 1, 21, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rp_attendee_get_step (tomasz), ==, 6);
  g_clear_object (&store);

  rp_test_remove_tree (dir);
}

/* Imports @body into @path, expects a refusal naming @expected, and that nothing was written. */
static void
assert_refused (const char *dir,
                const char *path,
                const char *body,
                const char *expected)
{
  g_autofree char *bad_path = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *contents = g_strconcat (HEADINGS, body, NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = rp_database_file_get_backup_folder (path);
  g_autofree char *database = rp_test_store_location (path);
  g_autoptr(GDir) listing = NULL;
  int backups = 0;

  g_assert_true (g_file_set_contents (bad_path, contents, -1, &error));
  g_assert_no_error (error);
  for (int dry = 0; dry < 2; dry++)
    {
      g_clear_pointer (&err, g_free);
      if (dry)
        g_free (rp_test_cli_output (1, &err, "review", "import", "--database", database, "--dry-run", bad_path, NULL));
      else
        g_free (rp_test_cli_output (1, &err, "review", "import", "--database", database, bad_path, NULL));
      if (strstr (err, expected) == NULL)
        g_test_fail_printf ("expected “%s” in: %s", expected, err);
      g_assert_nonnull (strstr (err, "Nothing was added: the file has 1 problem."));
      g_assert_cmpint (count_reviews (path), ==, 0);
    }

  /* A file with a problem costs no backup either. */
  listing = g_dir_open (folder, 0, NULL);
  for (const char *name; listing != NULL && (name = g_dir_read_name (listing)) != NULL;)
    if (strstr (name, "before-import") != NULL)
      backups++;
  g_assert_cmpint (backups, ==, 0);
}

static void
test_review_refused (void)
{
  g_autofree char *dir = rp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "reviews.db", NULL);

  make_unreviewed (path);

  assert_refused (dir, path,
                  "21,follow-up,2023-09-20,RH,,yes,,,Cooking club on Tuesdays,superb,\n"
                  "21,follow-up,2023-09-20,RH,,yes,,,Keeps his quiet room after lunch,met,\n",
                  "bad.csv:2: column “rating”: “superb” is not a rating. Write met, partly-met or not-met.");
  assert_refused (dir, path,
                  "99,annual,2023-09-20,RH,,yes,,,,,\n",
                  "bad.csv:2: column “attendee”: No attendee numbered 99 is in this programme.");
  assert_refused (dir, path,
                  "1,annual,2023-09-20,RH,,yes,,,,,\n",
                  "bad.csv:2: column “attendee”: Attendee 1 has not moved yet: a review follows a move.");
  assert_refused (dir, path,
                  "21,follow-up,31/02/2023,RH,,yes,,,Cooking club on Tuesdays,met,\n",
                  "bad.csv:2: column “held_on”: “31/02/2023” is not a real date");
  assert_refused (dir, path,
                  "21,follow-up,2023-09-20,RH,,yes,,,Cooking club on Tuesdays,met,\n"
                  "21,follow-up,2023-09-20,RH,,yes,,,Flying lessons,met,\n",
                  "bad.csv:3: column “outcome”: “Flying lessons” is not an outcome in this person’s moving plan.");

  rp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/review/round-trip", test_review_round_trip);
  g_test_add_func ("/cli/review/refused", test_review_refused);

  return g_test_run ();
}
