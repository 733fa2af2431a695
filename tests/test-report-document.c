/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-document.c: the report's front matter is remembered per programme and printed on every page */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "rp-core.h"
#include "rp-report-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

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
  rp_store_set_user (fixture->store, "jtaylor");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  g_clear_object (&fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
set_front_matter (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  rp_programme_set_report_title (fixture->programme, "Day Centre Reprovision Update");
  rp_programme_set_department (fixture->programme, "Adult Social Care, Riverside City Council");
  rp_programme_set_author (fixture->programme, "Head of Service, Learning Disabilities");
  rp_programme_set_meeting (fixture->programme, "Adult Social Care Scrutiny Commission");
  rp_programme_set_meeting_date (fixture->programme, "2023-10-05");
  rp_programme_set_report_as_of (fixture->programme, "2023-09-20");
  rp_programme_set_marking (fixture->programme, "OFFICIAL-SENSITIVE");
  g_assert_true (rp_store_save_programme (fixture->store, fixture->programme, &error));
  g_assert_no_error (error);
}

static void
test_front_matter_remembered (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) again = NULL;
  g_autoptr(GListModel) audit = NULL;
  gboolean meeting_audited = FALSE;

  set_front_matter (fixture);

  /* Closed and opened again, as the next time the report is made. */
  g_clear_object (&fixture->store);
  fixture->store = rp_test_open_store (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  again = rp_store_get_programme (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rp_programme_get_report_title (again), ==, "Day Centre Reprovision Update");
  g_assert_cmpstr (rp_programme_get_department (again), ==, "Adult Social Care, Riverside City Council");
  g_assert_cmpstr (rp_programme_get_author (again), ==, "Head of Service, Learning Disabilities");
  g_assert_cmpstr (rp_programme_get_meeting (again), ==, "Adult Social Care Scrutiny Commission");
  g_assert_cmpstr (rp_programme_get_meeting_date (again), ==, "2023-10-05");
  g_assert_cmpstr (rp_programme_get_report_as_of (again), ==, "2023-09-20");
  g_assert_cmpstr (rp_programme_get_marking (again), ==, "OFFICIAL-SENSITIVE");

  /* Audited like every other change: who set the meeting, and to what. */
  audit = rp_store_list_audit (fixture->store, "programme", rp_programme_get_id (again), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (audit); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (audit, i);

      if (g_strcmp0 (rp_audit_entry_get_field (entry), "meeting") == 0 &&
          g_strcmp0 (rp_audit_entry_get_new_value (entry), "Adult Social Care Scrutiny Commission") == 0 &&
          g_strcmp0 (rp_audit_entry_get_user (entry), rp_test_audit_user ("jtaylor")) == 0)
        meeting_audited = TRUE;
    }
  g_assert_true (meeting_audited);

  /* An empty field clears it, and a date that is not one is refused. */
  rp_programme_set_meeting (again, "");
  g_assert_null (rp_programme_get_meeting (again));
  rp_programme_set_meeting_date (again, "2023-02-30");
  g_assert_false (rp_store_save_programme (fixture->store, again, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
}

/* pdftotext's text of each page; NULL if it is not installed. */
static char **
pdf_pages (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
  char **pages;
  guint n;

  if (pdftotext == NULL)
    return NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, NULL, &error));
  g_assert_no_error (error);

  /* pdftotext ends every page with a form feed: the last piece is empty. */
  pages = g_strsplit (out, "\f", -1);
  n = g_strv_length (pages);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (pages[n - 1], ==, "");
  g_clear_pointer (&pages[n - 1], g_free);
  return pages;
}

static guint
count_matches (const char *text,
               const char *needle)
{
  guint n = 0;

  for (const char *at = text; (at = strstr (at, needle)) != NULL; at += strlen (needle))
    n++;

  return n;
}

static void
test_front_matter_printed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  guint n_keys = 0;

  set_front_matter (fixture);
  /* Nothing given for this export: what the programme remembers is used. */
  report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_report_get_as_of (report), ==, "2023-09-20");
  g_assert_cmpstr (rp_report_get_marking (report), ==, "OFFICIAL-SENSITIVE");
  g_assert_true (rp_report_write_pdf (report, path, &error));
  g_assert_no_error (error);

  if ((pages = pdf_pages (path)) == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >=, 3);

  /* The cover: which meeting, from whom, as of when. */
  g_assert_nonnull (strstr (pages[0], "Day Centre Reprovision Update"));
  g_assert_nonnull (strstr (pages[0], "Meeting: Adult Social Care Scrutiny Commission, Thursday 5 October 2023"));
  g_assert_nonnull (strstr (pages[0], "Council or department: Adult Social Care, Riverside City Council"));
  g_assert_nonnull (strstr (pages[0], "Author or contact: Head of Service, Learning Disabilities"));
  g_assert_nonnull (strstr (pages[0], "report as of Wednesday 20 September 2023"));

  /* The summary is on the cover, not alone on a page of its own; the key to the
   * steps is with the progress table, as in the council's own appendix. */
  g_assert_nonnull (strstr (pages[0], "Summary"));
  g_assert_nonnull (strstr (pages[0], "Total"));
  g_assert_null (strstr (pages[0], "Key: the moving plan"));
  for (guint i = 0; i < n_pages; i++)
    if (strstr (pages[i], "Key: the moving plan") != NULL)
      {
        g_assert_nonnull (strstr (pages[i], "Appendix 2"));
        g_assert_nonnull (strstr (pages[i], "Step 6 — Follow up as part of review"));
        n_keys++;
      }
  g_assert_cmpuint (n_keys, ==, 1);

  /* Every page: the marking at its top and at its foot, and its number. */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      g_auto(GStrv) lines = g_strsplit (g_strstrip (pages[i]), "\n", -1);
      guint n_lines = g_strv_length (lines);

      g_assert_cmpuint (count_matches (pages[i], "OFFICIAL-SENSITIVE"), ==, 2);
      g_assert_nonnull (strstr (lines[0], "OFFICIAL-SENSITIVE"));
      g_assert_nonnull (strstr (lines[n_lines - 1], "OFFICIAL-SENSITIVE"));
      g_assert_nonnull (strstr (pages[i], number));
    }
}

static void
test_front_matter_names_nobody (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(RpNameFinding) finding = NULL;
  g_autofree char *handle = NULL;
  gint64 id = rp_programme_get_id (fixture->programme);

  set_front_matter (fixture);
  rp_programme_set_meeting (fixture->programme, "Review meeting with Aisha");
  g_assert_true (rp_store_save_programme (fixture->store, fixture->programme, &error));

  report = rp_report_build (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  names = rp_store_build_name_index (fixture->store, id, &error);
  g_assert_no_error (error);

  g_assert_false (rp_report_check_names (report, names, &finding, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_null (strstr (error->message, "Aisha"));
  g_assert_nonnull (strstr (error->message, "the meeting"));
  g_assert_cmpint (finding->field, ==, RP_PUBLISHED_MEETING);
  handle = rp_name_finding_get_handle (finding);
  g_assert_cmpstr (handle, ==, "meeting");
  g_clear_error (&error);
  g_clear_object (&report);
  g_clear_pointer (&finding, rp_name_finding_free);

  /* The department and the author are checked too. */
  rp_programme_set_meeting (fixture->programme, "Scrutiny Commission");
  rp_programme_set_author (fixture->programme, "Contact: Imran");
  g_assert_true (rp_store_save_programme (fixture->store, fixture->programme, &error));
  report = rp_report_build (fixture->store, id, NULL, &error);
  g_assert_false (rp_report_check_names (report, names, &finding, NULL));
  g_assert_cmpint (finding->field, ==, RP_PUBLISHED_AUTHOR);
  g_clear_object (&report);
  g_clear_pointer (&finding, rp_name_finding_free);

  rp_programme_set_author (fixture->programme, NULL);
  rp_programme_set_department (fixture->programme, "Clarke's team");
  g_assert_true (rp_store_save_programme (fixture->store, fixture->programme, &error));
  report = rp_report_build (fixture->store, id, NULL, &error);
  g_assert_false (rp_report_check_names (report, names, &finding, NULL));
  g_assert_cmpint (finding->field, ==, RP_PUBLISHED_DEPARTMENT);
}

/* The PDF's structure tree as text, depth first, in reading order:
 * "Document(H1 P H2 Table(TR(TH TH) TR(TD TD)))". cairo writes the tree's
 * objects uncompressed, so a pattern reads them without a PDF library. */
static void
append_element (GString    *out,
                GHashTable *elements,
                const char *id)
{
  char **element = g_hash_table_lookup (elements, id);   /* { S, K } */
  g_autoptr(GRegex) refs = g_regex_new ("(\\d+) 0 R", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gboolean first = TRUE;

  g_assert_nonnull (element);
  g_string_append (out, element[0]);
  for (g_regex_match (refs, element[1], 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *child = g_match_info_fetch (match, 1);

      g_string_append (out, first ? "(" : " ");
      append_element (out, elements, child);
      first = FALSE;
    }
  if (!first)
    g_string_append_c (out, ')');
}

static char *
structure_tree (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize length;
  g_autoptr(GRegex) element_pattern = g_regex_new ("(\\d+) 0 obj\\s*<< /Type /StructElem\\s*/S /(\\w+)(.*?)endobj",
                                                   G_REGEX_RAW | G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) root_pattern = g_regex_new ("<< /Type /StructTreeRoot(.*?)endobj", G_REGEX_RAW | G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) kids_pattern = g_regex_new ("/K (\\[[^]]*\\]|\\d+ 0 R|\\d+)", G_REGEX_RAW, 0, NULL);
  g_autoptr(GHashTable) elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) root = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *root_body = NULL;
  g_autoptr(GMatchInfo) root_kids = NULL;
  g_autofree char *root_kid = NULL;

  g_assert_true (g_file_get_contents (path, &pdf, &length, &error));
  g_assert_no_error (error);

  for (g_regex_match_full (element_pattern, pdf, length, 0, 0, &match, NULL);
       g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *body = g_match_info_fetch (match, 3);
      g_autoptr(GMatchInfo) kids = NULL;
      char **element = g_new0 (char *, 3);

      element[0] = g_match_info_fetch (match, 2);
      element[1] = g_regex_match (kids_pattern, body, 0, &kids) ? g_match_info_fetch (kids, 1) : g_strdup ("");
      g_hash_table_insert (elements, g_match_info_fetch (match, 1), element);
    }

  g_assert_true (g_regex_match_full (root_pattern, pdf, length, 0, 0, &root, NULL));
  root_body = g_match_info_fetch (root, 1);
  g_assert_true (g_regex_match (kids_pattern, root_body, 0, &root_kids));
  root_kid = g_match_info_fetch (root_kids, 1);
  /* One element at the root, the document. */
  g_assert_true (g_str_has_prefix (root_kid, "[ ") && g_str_has_suffix (root_kid, " 0 R ]"));
  root_kid[strlen (root_kid) - strlen (" 0 R ]")] = '\0';
  append_element (out, elements, root_kid + strlen ("[ "));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_bytes (const char *path,
           const char *needle)
{
  g_autofree char *pdf = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  /* Byte by byte: the file holds compressed streams with zero bytes in them. */
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (pdf + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

/* The language is in the catalog that the file's last cross-reference
 * section points at, at the very byte it says, so a reader finds it. */
static void
assert_language (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *expected_object = NULL;
  gsize length;
  const char *startxref = NULL;
  guint64 xref, catalog;
  guint root, first;

  g_assert_true (g_file_get_contents (path, &pdf, &length, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i + strlen ("startxref") <= length; i++)
    if (memcmp (pdf + i, "startxref", strlen ("startxref")) == 0)
      startxref = pdf + i;
  g_assert_nonnull (startxref);

  g_assert_cmpint (sscanf (startxref, "startxref %" G_GUINT64_FORMAT, &xref), ==, 1);
  g_assert_cmpuint (xref, <, length);
  g_assert_cmpint (sscanf (pdf + xref, "xref %u 1 %" G_GUINT64_FORMAT " 00000 n", &first, &catalog), ==, 2);
  g_assert_cmpint (sscanf (strstr (pdf + xref, "trailer"), "trailer << /Size %*u /Root %u 0 R", &root), ==, 1);
  g_assert_cmpuint (first, ==, root);
  expected_object = g_strdup_printf ("%u 0 obj\n<< /Type /Catalog", root);
  g_assert_true (g_str_has_prefix (pdf + catalog, expected_object));
  g_assert_nonnull (strstr (pdf + catalog, "/Lang (en-GB)\n>>\nendobj"));
  g_assert_nonnull (strstr (pdf + catalog, "/StructTreeRoot"));

  /* And poppler reads the updated file without complaint. */
  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int wait_status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                   &wait_status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, "Tagged:          yes"));
    }
}

static void
test_report_tagged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *tree = NULL;
  RpReportOptions options = { .compare_with = "2023-09-01", .include_moved = TRUE };

  set_front_matter (fixture);
  report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), &options, &error);
  g_assert_no_error (error);
  g_assert_true (rp_report_write_pdf (report, path, &error));
  g_assert_no_error (error);

  g_assert_true (has_bytes (path, "/MarkInfo << /Marked true >>"));
  g_assert_true (has_bytes (path, "/Title (Day Centre Reprovision Update)"));
  assert_language (path);

  tree = structure_tree (path);
  g_test_message ("%s", tree);
  /* The title, the front matter, then each part under its heading, in reading
   * order; the summary's first line is the change since the last report. */
  g_assert_true (g_str_has_prefix (tree, "Document(H1 P P P P H2 P Table("));
  /* The key to the steps heads the progress table: its title and six steps. */
  g_assert_nonnull (strstr (tree, "H2 P P P P P P P Table(TR(TH TH TH TH)"));
  /* Real tables: a header row of header cells, once, however many pages the table runs over. */
  g_assert_nonnull (strstr (tree, "H2 P Table(TR(TH TH TH) TR(TD TD TD) "));
  g_assert_nonnull (strstr (tree, "P Table(TR(TH TH TH TH) TR(TD TD TD TD) "));
  /* The follow-up summary: eight counts under its own heading. */
  g_assert_nonnull (strstr (tree, "H2 Table(TR(TH TH) TR(TD TD) TR(TD TD) TR(TD TD) TR(TD TD) TR(TD TD) TR(TD TD) "
                                  "TR(TD TD) TR(TD TD)) H2"));
  g_assert_cmpuint (count_matches (tree, "TH"), ==, 3 + 2 + 3 + 4 + 7);
  /* Every attendee's row is in the progress table: 19 rows and the header. */
  g_assert_cmpuint (count_matches (tree, "TR(TD TD TD TD)"), ==, 19);
  /* Nobody in the sample has moved: the follow-up table, its heading and
   * what it holds, then a line that says so. */
  g_assert_true (g_str_has_suffix (tree, "TR(TD TD TD TD)) H2 P Table(TR(TH TH TH TH TH TH TH)) P)"));
}

static void
test_schedule_tagged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = g_build_filename (fixture->dir, "schedule.pdf", NULL);
  g_autofree char *tree = NULL;
  gint64 id;

  attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 5, &error);
  g_assert_no_error (error);
  id = rp_attendee_get_id (attendee);
  g_array_append_val (ids, id);
  g_assert_true (rp_schedule_write_pdf (fixture->store, ids, "2023-09-22", path, &error));
  g_assert_no_error (error);

  g_assert_true (has_bytes (path, "/MarkInfo << /Marked true >>"));
  g_assert_true (has_bytes (path, "/Title (Taster days)"));
  assert_language (path);

  tree = structure_tree (path);
  g_test_message ("%s", tree);
  /* The sheet's title, what it is, the hard word explained (the sample
   * gives Ella easy read) and whom to call; then the days she is going to
   * under their heading, each day a heading of its own with its details
   * after it: where, who comes, her family, transport. */
  g_assert_true (g_str_has_prefix (tree, "Document(H1 P P P H2 H3 P P P P "));
  g_assert_cmpuint (count_matches (tree, "H2"), ==, 1);
  g_assert_cmpuint (count_matches (tree, "H3"), ==, 2);
}

/* Runs reprovision-cli with @args after its name; its output in @out, its errors in @err. */
static int
run_cli (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  int wait_status = 0;

  g_assert_nonnull (g_getenv ("REPROVISION_CLI"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("REPROVISION_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out != NULL ? out : &ignored_out, err != NULL ? err : &ignored_err,
                               &wait_status, &error));
  g_assert_no_error (error);
  /* Never on the test's own output, which is TAP. */
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_front_matter_cli (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) stored = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *database = rp_test_store_location (fixture->path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) pages = NULL;
  const char *set[] = { "programme", "--database", database, "--meeting", "Adult Social Care Scrutiny Commission",
                        "--meeting-date", "05/10/2023", "--department", "Adult Social Care", "--author", "Head of Service",
                        "--marking", "OFFICIAL-SENSITIVE", "--title", "Day Centre Reprovision Update",
                        "--closure-date", "2024-03-31", NULL };
  const char *report[] = { "report", "--database", database, "--format", "pdf", "--output", pdf, NULL };
  const char *named[] = { "programme", "--database", database, "--meeting", "Review with Aisha", NULL };
  const char *not_a_date[] = { "programme", "--database", database, "--meeting-date", "30/02/2023", NULL };

  g_assert_cmpint (run_cli (set, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Adult Social Care Scrutiny Commission"));
  g_assert_nonnull (strstr (out, "Thursday 5 October 2023"));
  g_clear_pointer (&out, g_free);

  stored = rp_store_get_programme (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_programme_get_meeting (stored), ==, "Adult Social Care Scrutiny Commission");
  g_assert_cmpstr (rp_programme_get_meeting_date (stored), ==, "2023-10-05");
  g_assert_cmpstr (rp_programme_get_marking (stored), ==, "OFFICIAL-SENSITIVE");
  g_assert_cmpstr (rp_programme_get_report_title (stored), ==, "Day Centre Reprovision Update");

  /* The report made next carries it without being told again. */
  g_assert_cmpint (run_cli (report, NULL, NULL), ==, 0);
  if ((pages = pdf_pages (pdf)) != NULL)
    {
      g_assert_nonnull (strstr (pages[0], "Meeting: Adult Social Care Scrutiny Commission, Thursday 5 October 2023"));
      g_assert_cmpuint (count_matches (pages[0], "OFFICIAL-SENSITIVE"), ==, 2);
    }

  /* A meeting that names someone stops the report, without the name in the message. */
  g_assert_cmpint (run_cli (named, NULL, NULL), ==, 0);
  g_assert_cmpint (run_cli (report, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "the meeting"));
  g_assert_nonnull (strstr (err, "--confirm-not-a-name meeting=WORD"));
  g_assert_null (strstr (err, "Aisha"));

  g_assert_cmpint (run_cli (not_a_date, NULL, NULL), !=, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/report-document/front-matter-remembered", test_front_matter_remembered);
  ADD ("/core/report-document/front-matter-on-every-page", test_front_matter_printed);
  ADD ("/core/report-document/front-matter-names-nobody", test_front_matter_names_nobody);
  ADD ("/core/report-document/front-matter-cli", test_front_matter_cli);
  ADD ("/core/report-document/report-tagged", test_report_tagged);
  ADD ("/core/report-document/schedule-tagged", test_schedule_tagged);
#undef ADD

  return g_test_run ();
}
