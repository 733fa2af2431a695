/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-input.c: any text is kept exactly, too much is refused plainly, exports stay private */

#include "config.h"

#include <sys/stat.h>

#include "rp-core.h"
#include "rp-validate.h"
#include "rp-test-util.h"

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "centre.db", NULL);
  fixture->store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
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
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static RpAttendee *
find (Fixture *fixture,
      int      number)
{
  g_autoptr(GError) error = NULL;
  RpAttendee *attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme),
                                                 number, &error);

  g_assert_no_error (error);
  return attendee;
}

static guint
count_audit (Fixture *fixture,
             gint64   attendee_id)
{
  g_autoptr(GListModel) audit = rp_store_list_audit (fixture->store, "attendee", attendee_id, NULL);

  return g_list_model_get_n_items (audit);
}

/* Right-to-left script, emoji, a decomposed "ë" (e + combining diaeresis), Welsh and
 * Chinese, and text that would break SQL spliced into a statement. */
static const char *names[] = {
  "عائشة رحمن",
  "Zoe\xcc\x88 Ll\xc5\xb7r 🌻",
  "Siân O'Brien-Ó Ceallaigh",
  "李小龍",
  "Robert'); DROP TABLE attendee;--",
};

static void
test_unicode_kept_exactly (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RpAttendee) attendee = find (fixture, 3);
  g_autoptr(GError) error = NULL;
  gint64 id = rp_attendee_get_id (attendee);
  const char *notes = "Line one\nالسطر الثاني ← 🙂\n\tIndented; 50% \"quoted\" \\ backslash";

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RpAttendee) edited = rp_attendee_copy (attendee);
      g_autoptr(RpAttendee) stored = NULL;

      rp_attendee_set_full_name (edited, names[i]);
      rp_attendee_set_preferred_name (edited, names[(i + 1) % G_N_ELEMENTS (names)]);
      rp_attendee_set_case_notes (edited, notes);
      g_assert_true (rp_store_save_attendee (fixture->store, edited, &error));
      g_assert_no_error (error);

      stored = rp_store_get_attendee (fixture->store, id, &error);
      g_assert_no_error (error);
      /* Byte for byte: not normalised, not trimmed, not escaped. */
      g_assert_cmpstr (rp_attendee_get_full_name (stored), ==, names[i]);
      g_assert_cmpstr (rp_attendee_get_preferred_name (stored), ==, names[(i + 1) % G_N_ELEMENTS (names)]);
      g_assert_cmpstr (rp_attendee_get_case_notes (stored), ==, notes);
    }

  /* The SQL-like name did nothing but be a name. */
  {
    g_autoptr(GListModel) attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 19);
  }
}

static void
test_too_long_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpAttendee) attendee = find (fixture, 5);
  g_autoptr(RpAttendee) edited = rp_attendee_copy (attendee);
  g_autoptr(RpAttendee) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *long_name = NULL;
  guint audit_before = count_audit (fixture, rp_attendee_get_id (attendee));

  /* Characters, not bytes, are counted: 10,000 emoji are allowed, 10,001 are not. */
  for (int i = 0; i < RP_LONG_TEXT_MAX; i++)
    g_string_append (notes, "🌻");
  rp_attendee_set_case_notes (edited, notes->str);
  g_assert_true (rp_store_save_attendee (fixture->store, edited, &error));
  g_assert_no_error (error);
  audit_before = count_audit (fixture, rp_attendee_get_id (attendee));

  g_string_append (notes, "🌻");
  rp_attendee_set_case_notes (edited, notes->str);
  g_assert_false (rp_store_save_attendee (fixture->store, edited, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "10,000"));
  g_clear_error (&error);

  long_name = g_strnfill (RP_SHORT_TEXT_MAX + 1, 'a');
  rp_attendee_set_case_notes (edited, "Short again");
  rp_attendee_set_full_name (edited, long_name);
  g_assert_false (rp_store_save_attendee (fixture->store, edited, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);

  /* Nothing of either refused edit reached the database or its audit trail. */
  stored = find (fixture, 5);
  g_assert_cmpuint (g_utf8_strlen (rp_attendee_get_case_notes (stored), -1), ==, RP_LONG_TEXT_MAX);
  g_assert_cmpstr (rp_attendee_get_full_name (stored), ==, rp_attendee_get_full_name (attendee));
  g_assert_cmpuint (count_audit (fixture, rp_attendee_get_id (attendee)), ==, audit_before);
}

static void
assert_private (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

/* Exports hold personal data: owner-only, even over a file that was readable by all. */
static void
test_exports_private (Fixture       *fixture,
                      gconstpointer  data)
{
  RpReportOptions options = { 0 };
  g_autoptr(RpReport) report = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "report.xlsx", NULL);
  g_autofree char *schedule = g_build_filename (fixture->dir, "schedule.pdf", NULL);
  const char *paths[] = { pdf, xlsx, schedule };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_assert_true (g_file_set_contents (paths[i], "old", -1, NULL));
      g_assert_cmpint (g_chmod (paths[i], 0644), ==, 0);
    }

  report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), &options, &error);
  g_assert_no_error (error);
  g_assert_true (rp_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (rp_report_write_xlsx (report, xlsx, &error));
  g_assert_no_error (error);

  ids = rp_schedule_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), "2023-09-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 0);
  g_assert_true (rp_schedule_write_pdf (fixture->store, ids, "2023-09-01", schedule, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    assert_private (paths[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/core/input/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("unicode-kept-exactly", test_unicode_kept_exactly);
  ADD ("too-long-refused", test_too_long_refused);
  ADD ("exports-private", test_exports_private);
#undef ADD

  return g_test_run ();
}
