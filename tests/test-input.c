/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-input.c: any text is kept exactly, too much is refused plainly, exports stay private */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "rp-core.h"
#include "rp-validate.h"
#include "rp-test-store.h"
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
  fixture->store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
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

/* Names typed in the app or set through the core are checked as the import
 * checks them: no escape sequences, no bidirectional overrides, no hidden
 * characters, no line breaks. Other text keeps its tabs and line breaks but
 * no other control characters. */
static void
test_hidden_characters_refused (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(RpAttendee) attendee = find (fixture, 6);
  g_autoptr(RpAttendee) stored = NULL;
  g_autoptr(GListModel) workers = rp_store_list_workers (fixture->store, TRUE, NULL);
  g_autoptr(RpWorker) worker = g_list_model_get_item (workers, 0);
  g_autoptr(RpWorker) new_worker = rp_worker_new ();
  g_autoptr(GError) error = NULL;
  guint audit_before = count_audit (fixture, rp_attendee_get_id (attendee));
  const struct { const char *name; const char *message; } refused[] = {
    { "\x1b[31mAisha\x1b[0m", "There is a control character (U+001B) in the full name" },
    { "Aisha \xc2\x9b" "2J", "There is a control character (U+009B) in the full name" },
    { "Aisha\x7f", "There is a control character (U+007F) in the full name" },
    { "Aisha \xe2\x80\xae" "nahmaR", "There is a hidden character (U+202E) in the full name" },
    { "\xe2\x81\xa7" "Aisha\xe2\x81\xa9", "There is a hidden character (U+2067) in the full name" },
    { "Aisha\xe2\x80\x8e", "There is a hidden character (U+200E) in the full name" },
    { "Aisha \xd8\x9c" "Rahman", "There is a hidden character (U+061C) in the full name" },
    { "Ai\xe2\x80\x8bsha", "There is a hidden character (U+200B) in the full name" },
    { "Ai\xc2\xadsha", "There is a hidden character (U+00AD) in the full name" },
    { "Aisha\nRahman", "The full name cannot hold a line break or a tab." },
    { "Aisha\tRahman", "The full name cannot hold a line break or a tab." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(RpAttendee) edited = rp_attendee_copy (attendee);

      rp_attendee_set_full_name (edited, refused[i].name);
      g_assert_false (rp_store_save_attendee (fixture->store, edited, &error));
      g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, refused[i].message))
        g_test_fail_printf ("name %u refused with “%s”", i, error->message);
      g_clear_error (&error);
    }

  /* The other names of a person, and the names of workers, the same way. */
  {
    g_autoptr(RpAttendee) edited = rp_attendee_copy (attendee);

    rp_attendee_set_contact_name (edited, "Susan \xe2\x80\xae" "Morgan");
    g_assert_false (rp_store_save_attendee (fixture->store, edited, &error));
    g_assert_nonnull (strstr (error->message, "There is a hidden character (U+202E) in the contact’s name"));
    g_clear_error (&error);

    rp_attendee_set_contact_name (edited, NULL);
    rp_attendee_set_preferred_name (edited, "\x1b]0;Ali\x07");
    g_assert_false (rp_store_save_attendee (fixture->store, edited, &error));
    g_assert_nonnull (strstr (error->message, "There is a control character (U+001B) in the preferred name"));
    g_clear_error (&error);

    /* A control character in a note is refused too, but its line breaks and tabs are kept. */
    rp_attendee_set_preferred_name (edited, NULL);
    rp_attendee_set_case_notes (edited, "Fine\n\tthen \x1b[2J");
    g_assert_false (rp_store_save_attendee (fixture->store, edited, &error));
    g_assert_nonnull (strstr (error->message, "There is a control character (U+001B) in the case notes"));
    g_clear_error (&error);
  }

  rp_worker_set_name (worker, "Priya \xe2\x80\xae" "Mistry");
  g_assert_false (rp_store_save_worker (fixture->store, worker, &error));
  g_assert_nonnull (strstr (error->message, "There is a hidden character (U+202E) in the worker’s name"));
  g_clear_error (&error);

  rp_worker_set_name (new_worker, "Rosa Hale");
  rp_worker_set_initials (new_worker, "R\x1b[8mH");
  g_assert_false (rp_store_add_worker (fixture->store, new_worker, &error));
  g_assert_nonnull (strstr (error->message, "There is a control character (U+001B) in the initials"));
  g_clear_error (&error);

  /* Nothing refused was written; names in any script, with the joiners
   * Persian and emoji need, are still names. */
  stored = find (fixture, 6);
  g_assert_cmpstr (rp_attendee_get_full_name (stored), ==, rp_attendee_get_full_name (attendee));
  g_assert_cmpuint (count_audit (fixture, rp_attendee_get_id (attendee)), ==, audit_before);
  {
    g_autoptr(RpAttendee) edited = rp_attendee_copy (attendee);

    rp_attendee_set_full_name (edited, "\xd8\xb9\xd9\x84\xdb\x8c\xe2\x80\x8c\xd8\xb1\xd8\xb6\xd8\xa7 \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7");
    g_assert_true (rp_store_save_attendee (fixture->store, edited, &error));
    g_assert_no_error (error);
  }
}

/* Values quoted in messages show what a terminal would act on as codes. */
static void
test_quote_value (void)
{
  const struct { const char *value; const char *quoted; } cases[] = {
    { "Zara Ali", "Zara Ali" },
    { "\x1b[2J\x1b]0;owned\x07", "\\x1b[2J\\x1b]0;owned\\x07" },
    { "a\tb\nc\rd", "a\\tb\\nc\\rd" },
    { "Ali \xe2\x80\xae" "exe.gnp", "Ali [U+202E]exe.gnp" },
    { "\xc2\x9b" "2J", "[U+009B]2J" },
    { "\xe2\x81\xa6" "x\xe2\x81\xa9\xe2\x80\x8f", "[U+2066]x[U+2069][U+200F]" },
    { "bad \xff byte", "bad \\xff byte" },
    { "\xd8\xb9\xd9\x84\xdb\x8c\xe2\x80\x8c\xd8\xb1\xd8\xb6\xd8\xa7", "\xd8\xb9\xd9\x84\xdb\x8c\xe2\x80\x8c\xd8\xb1\xd8\xb6\xd8\xa7" },
    { "", "" },
    { NULL, "" },
    { "1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890" },
    { "12345678901234567890123456789012345678901", "123456789012345678901234567890123456789…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = rp_quote_value (cases[i].value);

      g_assert_cmpstr (quoted, ==, cases[i].quoted);
      g_assert_true (g_utf8_validate (quoted, -1, NULL));
    }
}

/* A value the communication-needs columns of an import do not know is named in
 * the message as codes, never as the characters a terminal would act on. */
static void
test_communication_values_quoted (void)
{
  g_autoptr(GError) error = NULL;
  RpCommunicationNeeds needs;
  RpPreferredContact method;
  RpScheduleFormat format;

  g_assert_false (rp_communication_needs_parse ("large-print, br\x1b[2Jaille", &needs, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“br\\x1b[2Jaille”"));
  g_clear_error (&error);

  g_assert_false (rp_preferred_contact_parse ("ph\xe2\x80\xaeone", &method, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“ph[U+202E]one”"));
  g_clear_error (&error);

  g_assert_false (rp_schedule_format_parse ("big\x07", &format, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“big\\x07”"));
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
  ADD ("hidden-characters-refused", test_hidden_characters_refused);
#undef ADD
  g_test_add_func ("/core/input/quote-value", test_quote_value);
  g_test_add_func ("/core/input/communication-values-quoted", test_communication_values_quoted);

  return g_test_run ();
}
