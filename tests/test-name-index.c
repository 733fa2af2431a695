/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-name-index.c: text meant for publication must not name anyone */

#include "config.h"

#include "rp-core.h"

static void
test_names_found (void)
{
  const char *names[] = { "Aisha Rahman", "Samuel Adeyemi", "Sam", "Katie O'Neill", "Mary-Jane Price", "Jo Taylor", NULL };
  g_autoptr(RpNameIndex) index = rp_name_index_new (names, g_strv_length ((char **) names));

  g_assert_cmpstr (rp_name_index_find (index, "Allocated worker made contact with Aisha."), ==, "Aisha");
  g_assert_cmpstr (rp_name_index_find (index, "met RAHMAN family"), ==, "Rahman");
  /* Possessives, straight and curly. */
  g_assert_cmpstr (rp_name_index_find (index, "Sam's mother prefers Mosaic"), ==, "Sam");
  g_assert_cmpstr (rp_name_index_find (index, "Sam\xe2\x80\x99s mother"), ==, "Sam");
  g_assert_cmpstr (rp_name_index_find (index, "at O'Neill's house"), ==, "O'Neill");
  g_assert_cmpstr (rp_name_index_find (index, "Jane agreed"), ==, "Jane");
  g_assert_cmpstr (rp_name_index_find (index, "Review with Taylor."), ==, "Taylor");
}

static void
test_names_whole_words_only (void)
{
  const char *names[] = { "Sam Carter", "Ann Doyle", "J Taylor", NULL };
  g_autoptr(RpNameIndex) index = rp_name_index_new (names, g_strv_length ((char **) names));

  /* "Sam" inside "Samples" and "Ann" inside "annual" are not names. */
  g_assert_null (rp_name_index_find (index, "Samples sent; annual review planned."));
  /* A lone initial names nobody. */
  g_assert_null (rp_name_index_find (index, "Option J agreed"));
  g_assert_null (rp_name_index_find (index, "Allocated worker made contact."));
  g_assert_null (rp_name_index_find (index, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/name-index/found", test_names_found);
  g_test_add_func ("/core/name-index/whole-words-only", test_names_whole_words_only);

  return g_test_run ();
}
