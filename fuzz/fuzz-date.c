/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-date.c: dates as people type them and as files hold them */

#include "config.h"

#include "rp-core.h"
#include "rp-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rp_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) lenient_error = NULL;
  g_autoptr(GError) strict_error = NULL;
  g_autoptr(GError) normalise_error = NULL;
  g_autofree char *normalised = NULL;
  g_autofree char *short_form = NULL;
  GDate lenient, strict;
  gboolean lenient_ok = rp_date_parse (text, &lenient, &lenient_error);
  gboolean strict_ok = rp_date_parse_strict (text, &strict, &strict_error);

  g_assert_true (lenient_ok == (lenient_error == NULL));
  g_assert_true (strict_ok == (strict_error == NULL));
  if (lenient_error != NULL)
    g_assert_true (g_utf8_validate (lenient_error->message, -1, NULL));
  if (strict_error != NULL)
    g_assert_true (g_utf8_validate (strict_error->message, -1, NULL));

  if (strict_ok)
    {
      g_autofree char *iso = rp_date_to_iso (&strict);
      GDate again;

      /* Whatever a file may hold, the typed forms accept too, as the same day. */
      g_assert_true (lenient_ok);
      g_assert_cmpint (g_date_compare (&strict, &lenient), ==, 0);

      /* The ISO form reads back as the same day. */
      g_assert_true (rp_date_is_valid_iso (iso));
      g_assert_true (rp_date_parse_strict (iso, &again, NULL));
      g_assert_cmpint (g_date_compare (&strict, &again), ==, 0);
    }

  normalised = rp_date_normalise (text, &normalise_error);
  if (normalised != NULL)
    g_assert_true (rp_date_is_valid_iso (normalised));

  short_form = rp_date_format_short (text);
  if (short_form != NULL)
    g_assert_true (rp_date_is_valid_iso (text));
  (void) rp_date_days_between (text, "2023-09-20");

  return 0;
}
