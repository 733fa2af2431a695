/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-name-index.c: text meant for publication must not name anyone */

#include "config.h"

#include <string.h>

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


/* However a name is written, it is the same name. */
static void
test_names_written_differently (void)
{
  const char *names[] = { "Zo\xc3\xab Morgan", "Jos\xc3\xa9 \xc3\x81lvarez", "Katie O'Neill", "S\xc3\xb8ren Berg", NULL };
  g_autoptr(RpNameIndex) index = rp_name_index_new (names, g_strv_length ((char **) names));

  /* Accents removed, and added. */
  g_assert_cmpstr (rp_name_index_find (index, "Spoke to Zoe."), ==, "Zo\xc3\xab");
  g_assert_cmpstr (rp_name_index_find (index, "ZO\xc3\x8b agreed"), ==, "Zo\xc3\xab");
  g_assert_cmpstr (rp_name_index_find (index, "Zoe\xcc\x88 agreed"), ==, "Zo\xc3\xab");   /* e + combining diaeresis */
  g_assert_cmpstr (rp_name_index_find (index, "met Jose Alvarez"), ==, "Jos\xc3\xa9");
  g_assert_cmpstr (rp_name_index_find (index, "Alvarez family"), ==, "\xc3\x81lvarez");
  g_assert_cmpstr (rp_name_index_find (index, "Soren visited"), ==, "S\xc3\xb8ren");
  /* Compatibility forms: full-width letters. */
  g_assert_cmpstr (rp_name_index_find (index, "\xef\xbc\xad\xef\xbd\x8f\xef\xbd\x92\xef\xbd\x87\xef\xbd\x81\xef\xbd\x8e"), ==, "Morgan");
  /* Invisible characters inside a word: zero-width space, zero-width
   * joiner, soft hyphen, word joiner, a right-to-left override. */
  g_assert_cmpstr (rp_name_index_find (index, "Zo\xe2\x80\x8b" "e said"), ==, "Zo\xc3\xab");
  g_assert_cmpstr (rp_name_index_find (index, "Mor\xe2\x80\x8dgan"), ==, "Morgan");
  g_assert_cmpstr (rp_name_index_find (index, "Mor\xc2\xad" "gan"), ==, "Morgan");
  g_assert_cmpstr (rp_name_index_find (index, "Mor\xe2\x81\xa0gan"), ==, "Morgan");
  g_assert_cmpstr (rp_name_index_find (index, "\xe2\x80\xae" "Morgan\xe2\x80\xac"), ==, "Morgan");
  /* Every apostrophe alike, and none. */
  g_assert_cmpstr (rp_name_index_find (index, "O\xe2\x80\x99Neill family"), ==, "O'Neill");
  g_assert_cmpstr (rp_name_index_find (index, "O\xca\xbcNeill family"), ==, "O'Neill");
  g_assert_cmpstr (rp_name_index_find (index, "O`Neill family"), ==, "O'Neill");
  g_assert_cmpstr (rp_name_index_find (index, "ONeill family"), ==, "O'Neill");
  g_assert_cmpstr (rp_name_index_find (index, "O'Neill family"), ==, "O'Neill");
  /* Families, plural and possessive. */
  g_assert_cmpstr (rp_name_index_find (index, "Visit to the Morgans"), ==, "Morgan");
  g_assert_cmpstr (rp_name_index_find (index, "at the Morgans' house"), ==, "Morgan");
  g_assert_cmpstr (rp_name_index_find (index, "the O'Neills agreed"), ==, "O'Neill");
  g_assert_cmpstr (rp_name_index_find (index, "the Alvarezes agreed"), ==, "\xc3\x81lvarez");
}

/* Initials and ordinary words stay allowed. */
static void
test_names_initials_allowed (void)
{
  const char *names[] = { "Mel Lewis", "Olu Okafor", "Maria Mendes", NULL };
  g_autoptr(RpNameIndex) index = rp_name_index_new (names, g_strv_length ((char **) names));

  g_assert_null (rp_name_index_find (index, "ML"));
  g_assert_null (rp_name_index_find (index, "OO/MM"));
  g_assert_null (rp_name_index_find (index, "Service manager, day services"));
}

/* An erased person's name is found from its digests alone. */
static void
test_names_erased (void)
{
  const char *names[] = { "Jo Taylor", NULL };
  g_autoptr(RpNameIndex) index = rp_name_index_new (names, 1);
  g_autoptr(GBytes) key = g_bytes_new_static ("0123456789abcdef0123456789abcdef", 32);
  g_autoptr(GBytes) other_key = g_bytes_new_static ("fedcba9876543210fedcba9876543210", 32);
  g_auto(GStrv) words = rp_name_index_name_words ("Aisha Rahman");
  g_autoptr(GPtrArray) digests = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpstrv (words, ((const char *[]) { "aisha", "rahman", NULL }));
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *digest = rp_name_index_digest_word (key, words[i]);
      g_autofree char *other = rp_name_index_digest_word (other_key, words[i]);

      /* The digest is not the name, and depends on the key. */
      g_assert_null (strstr (digest, words[i]));
      g_assert_cmpstr (digest, !=, other);
      g_ptr_array_add (digests, digest);
    }
  g_ptr_array_add (digests, NULL);

  g_assert_null (rp_name_index_find (index, "the Rahmans were told"));
  rp_name_index_add_erased (index, key, (const char * const *) digests->pdata);
  g_assert_cmpstr (rp_name_index_find (index, "the Rahmans were told"), ==, "Rahmans");
  g_assert_cmpstr (rp_name_index_find (index, "AISHA\xe2\x80\x99S choice"), ==, "AISHA\xe2\x80\x99S");
  g_assert_null (rp_name_index_find (index, "Allocated worker made contact."));
  /* The known names are still found. */
  g_assert_cmpstr (rp_name_index_find (index, "Taylor agreed"), ==, "Taylor");
}

/* A word confirmed not to be a name is let through in that text, at that
 * place, only. */
static void
test_names_confirmed (void)
{
  const char *names[] = { "Pat Day", NULL };
  g_autoptr(RpNameIndex) index = rp_name_index_new (names, 1);
  const char *note = "Attends the day centre three times a week.";
  g_autofree char *digest = rp_name_index_digest_text (note);
  RpNameMatch match = { 0 };
  g_autofree char *word = NULL;

  g_assert_true (rp_name_index_match (index, "attendee/4/report_note", note, &match));
  g_assert_cmpuint (match.start, ==, 12);
  g_assert_cmpuint (match.end, ==, 15);
  word = rp_name_index_confirmation_word (note, &match);
  g_assert_cmpstr (word, ==, "day");
  g_assert_cmpuint (rp_name_index_word_position (note, match.start), ==, 3);

  rp_name_index_add_confirmation (index, "attendee/4/report_note", digest, word);
  g_assert_false (rp_name_index_match (index, "attendee/4/report_note", note, NULL));
  /* Another place, or the same place with the text edited, asks again. */
  g_assert_true (rp_name_index_match (index, "attendee/5/report_note", note, NULL));
  g_assert_true (rp_name_index_match (index, "attendee/4/report_note", "Attends the day centre twice a week.", NULL));
  g_assert_true (rp_name_index_match (index, NULL, note, NULL));
  /* And a real name in the confirmed text is still found. */
  g_assert_true (rp_name_index_match (index, "attendee/4/report_note", "Pat: day centre.", NULL));
}

static void
test_text_strip_invisible (void)
{
  g_autofree char *plain = rp_text_strip_invisible ("Moved\xe2\x80\x8b to \xe2\x80\xae" "IBC\xe2\x80\xac\x1b[31m\nin May\xc2\xad.");

  g_assert_cmpstr (plain, ==, "Moved to IBC[31m\nin May.");
}

/* A word found in the published text is found again in the text as typed,
 * whatever sits before it: accented letters of two bytes, a curly
 * apostrophe of three, zero-width characters of none once published. */
static void
test_text_map_stripped_range (void)
{
  const char *names[] = { "Claire Dupont", NULL };
  g_autoptr(RpNameIndex) index = rp_name_index_new (names, 1);
  const char *typed = "Zo\xc3\xab\xe2\x80\x99s caf\xc3\xa9\xe2\x80\x8b visit: Cl\xe2\x80\x8b" "aire\xe2\x80\x99s choice";
  g_autofree char *published = rp_text_strip_invisible (typed);
  g_autofree char *word = NULL;
  RpNameMatch match;
  int start = -1, end = -1;

  g_assert_true (rp_name_index_match (index, NULL, published, &match));
  g_assert_true (rp_text_map_stripped_range (typed, match.start, match.end, &start, &end));

  /* "Zoë’s café​ visit: " is 19 characters and 23 bytes as typed. */
  word = g_utf8_substring (typed, start, end);
  g_assert_cmpint (start, ==, 19);
  g_assert_true (g_str_has_prefix (word, "Cl\xe2\x80\x8b" "aire"));
  g_assert_cmpint (g_utf8_strlen (word, -1), ==, (glong) g_utf8_strlen (published + match.start, match.end - match.start) + 1);

  /* A range outside the text, or an empty one, is not found. */
  g_assert_false (rp_text_map_stripped_range (typed, 0, strlen (published) + 1, &start, &end));
  g_assert_false (rp_text_map_stripped_range (typed, 3, 3, &start, &end));
  g_assert_false (rp_text_map_stripped_range (NULL, 0, 1, &start, &end));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/name-index/found", test_names_found);
  g_test_add_func ("/core/name-index/whole-words-only", test_names_whole_words_only);
  g_test_add_func ("/core/name-index/written-differently", test_names_written_differently);
  g_test_add_func ("/core/name-index/initials-allowed", test_names_initials_allowed);
  g_test_add_func ("/core/name-index/erased", test_names_erased);
  g_test_add_func ("/core/name-index/confirmed", test_names_confirmed);
  g_test_add_func ("/core/name-index/strip-invisible", test_text_strip_invisible);
  g_test_add_func ("/core/name-index/map-stripped-range", test_text_map_stripped_range);

  return g_test_run ();
}
