/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-values.c: the import's reading of numbers, steps, statuses, yes or no, and headings */

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
  int number = 0;
  int step = 0;
  RpFunding funding;
  gboolean yes;
  gboolean recognised = FALSE;
  RpImportField field;

  if (rp_import_parse_number (text, &number, NULL))
    {
      g_autofree char *printed = g_strdup_printf ("%d", number);
      int again = 0;

      g_assert_cmpint (number, >=, 1);
      g_assert_true (rp_import_parse_number (printed, &again, NULL));
      g_assert_cmpint (again, ==, number);
    }

  if (rp_import_parse_step (text, &step, NULL))
    g_assert_true (rp_moving_plan_step_valid (step));

  if (rp_import_parse_status (text, &funding, NULL))
    g_assert_true (funding == RP_FUNDING_ASC || funding == RP_FUNDING_HEALTH);

  (void) rp_import_parse_yes_no (text, &yes, NULL);

  field = rp_import_field_for_heading (text, &recognised);
  g_assert_cmpuint (field, <, RP_IMPORT_N_FIELDS);
  if (field != RP_IMPORT_FIELD_IGNORE)
    {
      g_assert_true (recognised);
      g_assert_cmpint (rp_import_field_for_heading (rp_import_field_to_string (field), NULL), ==, field);
    }

  /* With the messages, as the import shows them. */
  {
    g_autoptr(GError) number_error = NULL;
    g_autoptr(GError) step_error = NULL;

    if (!rp_import_parse_number (text, &number, &number_error))
      g_assert_error (number_error, RP_ERROR, RP_ERROR_INVALID);
    if (!rp_import_parse_step (text, &step, &step_error))
      rp_fuzz_assert_shown_safely (step_error->message);
  }

  return 0;
}
