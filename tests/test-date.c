/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-date.c: dates as social workers type them */

#include "config.h"

#include <string.h>

#include "rp-core.h"

static void
assert_normalises (const char *text,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = rp_date_normalise (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_refused (const char *text,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = rp_date_normalise (text, &error);

  g_assert_null (iso);
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  if (strstr (error->message, message_part) == NULL)
    g_test_fail_printf ("“%s” gave “%s”, expected it to mention “%s”", text, error->message, message_part);
}

static void
test_date_accepted_forms (void)
{
  assert_normalises ("2023-09-20", "2023-09-20");
  assert_normalises ("20/09/2023", "2023-09-20");
  assert_normalises ("20/9/2023", "2023-09-20");
  assert_normalises (" 1.3.2024 ", "2024-03-01");
  assert_normalises ("20 Sep 2023", "2023-09-20");
  assert_normalises ("20th September 2023", "2023-09-20");
  assert_normalises ("29/02/2024", "2024-02-29");
}

static void
test_date_blank_is_no_date (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (rp_date_normalise (NULL, &error));
  g_assert_no_error (error);
  g_assert_null (rp_date_normalise ("   ", &error));
  g_assert_no_error (error);
}

static void
test_date_impossible_refused (void)
{
  assert_refused ("31/02/2024", "not a real date");
  assert_refused ("29/02/2023", "28 days");
  assert_refused ("09/20/2023", "no month 20");
  assert_refused ("20/09/23", "year in full");
  assert_refused ("tomorrow", "20/09/2023");
  assert_refused ("2023-13-01", "no month 13");
  assert_refused ("20/09/0023", "between 1900 and 2200");
}

static void
assert_strict (const char *text,
               const char *expected_iso,
               const char *message_part)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  gboolean ok = rp_date_parse_strict (text, &date, &error);

  if (expected_iso != NULL)
    {
      g_autofree char *iso = NULL;

      g_assert_no_error (error);
      g_assert_true (ok);
      iso = rp_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, expected_iso);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  if (strstr (error->message, message_part) == NULL)
    g_test_fail_printf ("“%s” gave “%s”, expected it to mention “%s”", text, error->message, message_part);
}

/* A file's dates: only the UK form with the year in full, and ISO 8601. */
static void
test_date_strict (void)
{
  assert_strict ("2023-09-20", "2023-09-20", NULL);
  assert_strict ("20/09/2023", "2023-09-20", NULL);
  assert_strict (" 1/3/2024 ", "2024-03-01", NULL);
  assert_strict ("29/02/2024", "2024-02-29", NULL);

  assert_strict ("31/02/2024", NULL, "that month has 29 days");
  assert_strict ("2023-02-29", NULL, "that month has 28 days");
  assert_strict ("09/20/2023", NULL, "no month 20");
  assert_strict ("20/09/23", NULL, "year in full");
  assert_strict ("20 Sep 2023", NULL, "DD/MM/YYYY");
  assert_strict ("20.09.2023", NULL, "DD/MM/YYYY");
  assert_strict ("2023/09/20", NULL, "DD/MM/YYYY");
  assert_strict ("2023-9-20", NULL, "YYYY-MM-DD");
  assert_strict ("20/09/2023/1", NULL, "DD/MM/YYYY");
  assert_strict ("//2023", NULL, "DD/MM/YYYY");
  assert_strict ("+1/09/2023", NULL, "DD/MM/YYYY");
  assert_strict ("", NULL, "Enter a date");
}

static void
test_date_formats (void)
{
  g_autofree char *short_form = rp_date_format_short ("2023-09-20");
  g_autofree char *long_form = rp_date_format_long ("2023-09-30");

  g_assert_cmpstr (short_form, ==, "20 Sep 2023");
  g_assert_cmpstr (long_form, ==, "Saturday 30 September 2023");
  g_assert_null (rp_date_format_short (NULL));
  g_assert_null (rp_date_format_short ("2023-02-30"));
}

/* A moment the audit trail recorded, in UTC, is said in the time of the
 * place it is read, summer time included. */
static void
test_date_moment (void)
{
  g_autofree char *winter = NULL;
  g_autofree char *summer = NULL;
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));

  g_setenv ("TZ", "Europe/London", TRUE);
  winter = rp_date_format_moment ("2026-12-04T14:02:31.512Z");
  summer = rp_date_format_moment ("2026-07-04T14:02:31.512Z");
  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");

  g_assert_cmpstr (winter, ==, "4 Dec 2026 14:02");
  g_assert_cmpstr (summer, ==, "4 Jul 2026 15:02");
  g_assert_null (rp_date_format_moment (NULL));
  g_assert_null (rp_date_format_moment ("yesterday"));
}

static void
test_date_validity_and_order (void)
{
  g_assert_true (rp_date_is_valid_iso ("2024-02-29"));
  g_assert_false (rp_date_is_valid_iso ("2023-02-29"));
  g_assert_false (rp_date_is_valid_iso ("20/09/2023"));
  g_assert_false (rp_date_is_valid_iso (NULL));

  g_assert_cmpint (rp_date_compare ("2023-09-20", "2023-10-01"), <, 0);
  /* "No date" sorts after every date, as "tbc" does in the timetable. */
  g_assert_cmpint (rp_date_compare (NULL, "2023-10-01"), >, 0);
  g_assert_cmpint (rp_date_compare ("2023-10-01", NULL), <, 0);
  g_assert_cmpint (rp_date_compare (NULL, NULL), ==, 0);

  g_assert_cmpint (rp_date_days_between ("2023-09-20", "2023-10-01"), ==, 11);
  g_assert_cmpint (rp_date_days_between ("2024-03-01", "2024-02-28"), ==, -2);
  {
    g_autofree char *today = rp_date_today ();
    g_assert_true (rp_date_is_valid_iso (today));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/date/accepted-forms", test_date_accepted_forms);
  g_test_add_func ("/core/date/blank-is-no-date", test_date_blank_is_no_date);
  g_test_add_func ("/core/date/impossible-refused", test_date_impossible_refused);
  g_test_add_func ("/core/date/strict", test_date_strict);
  g_test_add_func ("/core/date/formats", test_date_formats);
  g_test_add_func ("/core/date/moment", test_date_moment);
  g_test_add_func ("/core/date/validity-and-order", test_date_validity_and_order);

  return g_test_run ();
}
