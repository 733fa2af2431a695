/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-name-index.c: finds personal names in text meant for publication */

#include "config.h"

#include <string.h>

#include "rp-name-index.h"

struct _RpNameIndex
{
  GHashTable *words;          /* folded word → the name part as the programme knows it */
  GHashTable *digests;        /* keyed digests of erased people's folded name words */
  GBytes     *digest_key;
  GHashTable *digest_cache;   /* folded word → GINT_TO_POINTER (1 + found) */
  GHashTable *confirmed;      /* place, text digest and folded word that are not names there */
  char       *last_erased;    /* the word of the text that matched an erased name */
};

/* Apostrophes and the marks people type for them: ' ’ ‘ ʼ ʹ ` ´ ′ ＇ */
static gboolean
is_apostrophe (gunichar c)
{
  switch (c)
    {
    case 0x0027: case 0x2019: case 0x2018: case 0x02BC: case 0x02B9:
    case 0x0060: case 0x00B4: case 0x2032: case 0xFF07:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Invisible characters (zero-width space and joiners, soft hyphen, word
 * joiner, bidi marks and overrides) are format characters: inside a word
 * they are part of it, and dropped when it is folded. */
static gboolean
is_invisible (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_FORMAT;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || is_apostrophe (c) || is_invisible (c);
}

/* Letters with no decomposition that people write without their stroke. */
static const char *
transliterate (gunichar c)
{
  switch (c)
    {
    case 0x00F8: case 0x00D8: return "o";   /* ø */
    case 0x0142: case 0x0141: return "l";   /* ł */
    case 0x0111: case 0x0110: return "d";   /* đ */
    case 0x00F0: case 0x00D0: return "d";   /* ð */
    case 0x00E6: case 0x00C6: return "ae";  /* æ */
    case 0x0153: case 0x0152: return "oe";  /* œ */
    case 0x00FE: case 0x00DE: return "th";  /* þ */
    case 0x0131: return "i";                /* dotless i */
    default: return NULL;
    }
}

/**
 * rp_name_index_fold:
 * @word: (nullable): a word, or a whole text
 * @len: its length in bytes, or -1
 *
 * The form in which words are compared: compatibility forms made plain
 * (NFKC), accents, apostrophes and invisible characters removed, case folded.
 * "Zoë", "ZOE" and "Zo\u200Be" fold alike, as do "O’Neill" and "ONeill".
 *
 * Returns: (transfer full) (nullable): the folded form
 */
char *
rp_name_index_fold (const char *word,
                    gssize      len)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) plain = NULL;

  if (word == NULL || !g_utf8_validate (word, len, NULL))
    return NULL;

  if (!(decomposed = g_utf8_normalize (word, len, G_NORMALIZE_ALL)))
    return NULL;

  plain = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *latin = transliterate (c);

      if (g_unichar_ismark (c) || is_apostrophe (c) || is_invisible (c) || g_unichar_isspace (c))
        continue;
      if (latin != NULL)
        g_string_append (plain, latin);
      else
        g_string_append_unichar (plain, c);
    }

  folded = g_utf8_casefold (plain->str, plain->len);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
}

typedef gboolean (*WordFunc) (const char *start,
                              gsize       len,
                              gpointer    user_data);

/* Calls @func for each word (letters, apostrophes and the invisible
 * characters inside them), split at spaces, hyphens and punctuation, until
 * @func returns %FALSE. */
static void
for_each_word (const char *text,
               WordFunc    func,
               gpointer    user_data)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      const char *end;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;

      /* Quotes around a word are not part of it. */
      while (start < end && (is_apostrophe (g_utf8_get_char (start)) || is_invisible (g_utf8_get_char (start))))
        start = g_utf8_next_char (start);

      if (end > start && !func (start, end - start, user_data))
        return;
    }
}

static gboolean
add_name_word (const char *start,
               gsize       len,
               gpointer    user_data)
{
  RpNameIndex *self = user_data;
  g_autofree char *key = rp_name_index_fold (start, len);

  /* Initials and single letters say nothing about who someone is. */
  if (key == NULL || g_utf8_strlen (key, -1) < 2)
    return TRUE;

  if (!g_hash_table_contains (self->words, key))
    g_hash_table_insert (self->words, g_steal_pointer (&key), g_strndup (start, len));

  return TRUE;
}

/**
 * rp_name_index_new:
 * @names: (array length=n_names): every personal name the programme knows
 *
 * Each part of each name counts on its own: a note that says only "Aisha"
 * names Aisha Rahman.
 */
RpNameIndex *
rp_name_index_new (const char * const *names,
                   gsize               n_names)
{
  RpNameIndex *self = g_new0 (RpNameIndex, 1);

  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->digest_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->confirmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; i < n_names; i++)
    if (names[i] != NULL && g_utf8_validate (names[i], -1, NULL))
      for_each_word (names[i], add_name_word, self);

  return self;
}

/**
 * rp_name_index_digest_word:
 * @key: the database's own secret key for erased names
 * @folded: a word as rp_name_index_fold() gives it
 *
 * An erased person's name is kept only as these one-way digests, one per
 * word, so that a note can still be checked without the name being kept.
 *
 * Returns: (transfer full): the digest, in hexadecimal
 */
char *
rp_name_index_digest_word (GBytes     *key,
                           const char *folded)
{
  gsize key_len = 0;
  const guint8 *key_data;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (folded != NULL, NULL);

  key_data = g_bytes_get_data (key, &key_len);
  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, key_data, key_len, folded, -1);
}

static gboolean
collect_folded (const char *start,
                gsize       len,
                gpointer    user_data)
{
  GPtrArray *words = user_data;
  char *key = rp_name_index_fold (start, len);

  if (key != NULL && g_utf8_strlen (key, -1) >= 2)
    g_ptr_array_add (words, key);
  else
    g_free (key);

  return TRUE;
}

/**
 * rp_name_index_name_words:
 * @name: (nullable): a personal name
 *
 * Returns: (transfer full): the folded words of @name that the check looks
 *   for, %NULL-terminated
 */
char **
rp_name_index_name_words (const char *name)
{
  GPtrArray *words = g_ptr_array_new ();

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    for_each_word (name, collect_folded, words);

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rp_name_index_stored_words:
 * @names: (array length=n_names): the personal names one record holds; any may be %NULL
 *
 * What the store keeps beside a record's names (its name_words column):
 * their folded words, as rp_name_index_name_words() gives them, each once,
 * sorted, separated by single spaces (a folded word has none). A team
 * database answers the reports login's name check from these, so that the
 * rule for what a word of a name is lives here only.
 *
 * Returns: (transfer full) (nullable): the words, or %NULL if the names have none
 */
char *
rp_name_index_stored_words (const char * const *names,
                            gsize               n_names)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = NULL;

  for (gsize i = 0; i < n_names; i++)
    if (names[i] != NULL && g_utf8_validate (names[i], -1, NULL))
      for_each_word (names[i], collect_folded, words);

  if (words->len == 0)
    return NULL;

  g_ptr_array_sort (words, compare_strings);
  text = g_string_new (NULL);
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (i > 0 && g_str_equal (word, g_ptr_array_index (words, i - 1)))
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, word);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * rp_name_sort_key:
 * @name: (nullable): a personal name, or a provider's
 *
 * The one order of names, whichever database holds them: compared with
 * strcmp(), keys put names in the order of their folded forms
 * (rp_name_index_fold(): case, accents, apostrophes, invisible characters
 * and spaces do not count, so "O’Brien" sorts with "OBrien" and "Ó Briain"
 * beside them), collated as the user's language does; names that fold
 * alike are then ordered by the names themselves. The lists are sorted by
 * the core, not by the database, whose own collations differ (SQLite's
 * NOCASE, PostgreSQL's ICU).
 *
 * Returns: (transfer full): the key
 */
char *
rp_name_sort_key (const char *name)
{
  g_autofree char *folded = rp_name_index_fold (name, -1);
  g_autofree char *primary = g_utf8_collate_key (folded != NULL ? folded : "", -1);
  g_autofree char *secondary = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_steal_pointer (&primary);

  /* Joined by \1, below the bytes a key's letters are made of, so a name
   * whose folded form begins another's sorts first. */
  secondary = g_utf8_collate_key (name, -1);
  return g_strconcat (primary, "\1", secondary, NULL);
}

/**
 * rp_name_index_add_erased:
 * @key: the key the digests were made with
 * @digests: (array zero-terminated=1): digests from rp_name_index_digest_word()
 *
 * Lets the index find erased people's names, which it never holds.
 */
void
rp_name_index_add_erased (RpNameIndex        *self,
                          GBytes             *key,
                          const char * const *digests)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  g_clear_pointer (&self->digest_key, g_bytes_unref);
  self->digest_key = g_bytes_ref (key);
  g_hash_table_remove_all (self->digest_cache);

  for (gsize i = 0; digests != NULL && digests[i] != NULL; i++)
    g_hash_table_add (self->digests, g_strdup (digests[i]));
}

static char *
confirmation_key (const char *place,
                  const char *text,
                  const char *word)
{
  g_autofree char *text_digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strconcat (place, "\x1f", text_digest, "\x1f", word, NULL);
}

/**
 * rp_name_index_digest_text:
 *
 * Returns: (transfer full): the digest by which a confirmation remembers the
 *   text it was given for; any edit of the text changes it
 */
char *
rp_name_index_digest_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/**
 * rp_name_index_add_confirmation:
 * @place: where the text is published, as rp_name_place() writes it
 * @text_digest: rp_name_index_digest_text() of the text as it was confirmed
 * @word: the folded word someone confirmed is not a name in that text
 *
 * A word that is both a name and an ordinary word ("Grant funding", "May")
 * is let through in the one text someone confirmed it for.
 */
void
rp_name_index_add_confirmation (RpNameIndex *self,
                                const char  *place,
                                const char  *text_digest,
                                const char  *word)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (place != NULL && text_digest != NULL && word != NULL);

  g_hash_table_add (self->confirmed, g_strconcat (place, "\x1f", text_digest, "\x1f", word, NULL));
}

static gboolean
is_erased_word (RpNameIndex *self,
                const char  *key)
{
  gpointer cached;
  g_autofree char *digest = NULL;
  gboolean found;

  if (self->digest_key == NULL || g_hash_table_size (self->digests) == 0)
    return FALSE;

  if (g_hash_table_lookup_extended (self->digest_cache, key, NULL, &cached))
    return GPOINTER_TO_INT (cached) == 2;

  digest = rp_name_index_digest_word (self->digest_key, key);
  found = g_hash_table_contains (self->digests, digest);
  g_hash_table_insert (self->digest_cache, g_strdup (key), GINT_TO_POINTER (found ? 2 : 1));
  return found;
}

/* The known name a folded word is, or "" for an erased person's. */
static const char *
lookup (RpNameIndex *self,
        const char  *key)
{
  const char *known = g_hash_table_lookup (self->words, key);

  if (known != NULL)
    return known;

  return is_erased_word (self, key) ? "" : NULL;
}

typedef struct
{
  RpNameIndex *index;
  const char  *text;
  const char  *place;
  RpNameMatch *match;
  gboolean     found;
} FindData;

/* How many forms of the folded word @key (of @key_len bytes) name someone:
 * the word itself; then, for possessives and families, without its ending:
 * "Sam's" and "Sams" name Sam, "the Morgans'" the Morgans, "the Joneses"
 * the Joneses (apostrophes are already folded away). Form i is @key
 * without its last i bytes. */
static guint
word_forms (const char *key,
            gsize       key_len)
{
  if (key_len > 2 && key[key_len - 1] == 's')
    return key_len > 3 && key[key_len - 2] == 'e' ? 3 : 2;
  return 1;
}

static gboolean
collect_word_forms (const char *start,
                    gsize       len,
                    gpointer    user_data)
{
  GPtrArray *words = user_data;
  g_autofree char *key = rp_name_index_fold (start, len);
  gsize key_len;

  if (key == NULL || (key_len = strlen (key)) < 2)
    return TRUE;

  for (guint i = 0; i < word_forms (key, key_len); i++)
    g_ptr_array_add (words, g_strndup (key, key_len - i));
  return TRUE;
}

/**
 * rp_name_index_text_words:
 * @text: (nullable): text meant for publication
 *
 * Every folded form of @text's words that rp_name_index_find() looks up:
 * what a login that never receives a name asks the server about.
 *
 * Returns: (transfer full): the forms, %NULL-terminated
 */
char **
rp_name_index_text_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new ();

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    for_each_word (text, collect_word_forms, words);

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

static gboolean
find_word (const char *start,
           gsize       len,
           gpointer    user_data)
{
  FindData *data = user_data;
  g_autofree char *key = rp_name_index_fold (start, len);
  const char *known = NULL;
  gsize key_len;
  guint forms;

  if (key == NULL || (key_len = strlen (key)) < 2)
    return TRUE;

  /* The word itself; then without a possessive's or family's ending. */
  forms = word_forms (key, key_len);
  for (guint i = 0; known == NULL && i < forms; i++)
    {
      key[key_len - i] = '\0';
      known = lookup (data->index, key);
    }

  if (known == NULL)
    return TRUE;

  if (data->place != NULL)
    {
      g_autofree char *whole_word = rp_name_index_fold (start, len);
      g_autofree char *confirmed = confirmation_key (data->place, data->text, whole_word);

      if (g_hash_table_contains (data->index->confirmed, confirmed))
        return TRUE;
    }

  data->found = TRUE;
  if (data->match != NULL)
    {
      data->match->start = start - data->text;
      data->match->end = start - data->text + len;
      data->match->known = known[0] != '\0' ? known : NULL;
    }

  return FALSE;
}

/**
 * rp_name_index_match:
 * @place: (nullable): where @text is published, so that a word someone
 *   confirmed is not a name there is let through; %NULL for no such place
 * @text: (nullable): text meant for publication
 * @match: (out caller-allocates) (optional): where the name is in @text
 *
 * Looks for any known name, or any erased person's name, as a whole word,
 * however it is written: in any case, with or without accents, apostrophes
 * or invisible characters, possessive or plural.
 *
 * Returns: %TRUE if @text names someone
 */
gboolean
rp_name_index_match (RpNameIndex *self,
                     const char  *place,
                     const char  *text,
                     RpNameMatch *match)
{
  FindData data = { self, text, place, match, FALSE };

  g_return_val_if_fail (self != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for_each_word (text, find_word, &data);
  return data.found;
}

/**
 * rp_name_index_find:
 * @text: (nullable): text meant for publication
 *
 * Returns: (transfer none) (nullable): the name part found, as the programme
 *   spells it (or, for an erased person, as @text does), or %NULL if @text
 *   names nobody the programme knows; valid until the next call
 */
const char *
rp_name_index_find (RpNameIndex *self,
                    const char  *text)
{
  RpNameMatch match;

  g_return_val_if_fail (self != NULL, NULL);

  if (!rp_name_index_match (self, NULL, text, &match))
    return NULL;

  if (match.known != NULL)
    return match.known;

  g_free (self->last_erased);
  self->last_erased = g_strndup (text + match.start, match.end - match.start);
  return self->last_erased;
}

/**
 * rp_name_index_confirmation_word:
 *
 * Returns: (transfer full): the folded form of the word @match found in
 *   @text, as a confirmation records it
 */
char *
rp_name_index_confirmation_word (const char        *text,
                                 const RpNameMatch *match)
{
  g_return_val_if_fail (text != NULL && match != NULL, NULL);
  return rp_name_index_fold (text + match->start, match->end - match->start);
}

/**
 * rp_name_index_word_position:
 *
 * Returns: the 1-based position of the word at @offset in @text, so that a
 *   message can point at it without quoting it
 */
guint
rp_name_index_word_position (const char *text,
                             gsize       offset)
{
  guint position = 0;
  const char *p = text;

  g_return_val_if_fail (text != NULL, 0);

  while (*p != '\0' && (gsize) (p - text) <= offset)
    {
      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0' || (gsize) (p - text) > offset)
        break;
      position++;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }

  return position;
}

/**
 * rp_text_strip_invisible:
 * @text: (nullable): text meant for publication
 *
 * Published text must carry nothing a reader cannot see: control
 * characters other than line breaks and tabs, and format characters
 * (zero-width spaces and joiners, soft hyphens, bidi marks and overrides).
 *
 * Returns: (transfer full) (nullable): @text without them
 */
char *
rp_text_strip_invisible (const char *text)
{
  GString *plain;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);

  plain = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c) || (g_unichar_iscntrl (c) && c != '\n' && c != '\t'))
        continue;
      g_string_append_unichar (plain, c);
    }

  return g_string_free (plain, FALSE);
}

/**
 * rp_text_map_stripped_range:
 * @text: a text as typed, which may hold invisible characters
 * @start: where a word starts, in bytes of rp_text_strip_invisible (@text)
 * @end: where it ends, likewise
 * @char_start: (out): where it starts in @text, in characters
 * @char_end: (out): where it ends in @text, in characters
 *
 * Finds in the text as typed a word that a name check found in the text as
 * published, so that an editor can select it: an invisible character or a
 * letter of several bytes before it moves it.
 *
 * Returns: %FALSE if the range is not one of the stripped text
 */
gboolean
rp_text_map_stripped_range (const char *text,
                            gsize       start,
                            gsize       end,
                            int        *char_start,
                            int        *char_end)
{
  gsize stripped = 0;
  int index = 0;
  gboolean started = FALSE;

  g_return_val_if_fail (char_start != NULL && char_end != NULL, FALSE);

  if (text == NULL || start >= end || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c) || (g_unichar_iscntrl (c) && c != '\n' && c != '\t'))
        continue;

      if (stripped == start)
        {
          *char_start = index;
          started = TRUE;
        }
      stripped += g_unichar_to_utf8 (c, NULL);
      if (started && stripped == end)
        {
          *char_end = index + 1;
          return TRUE;
        }
      if (stripped > end)
        break;
    }

  return FALSE;
}

void
rp_name_index_free (RpNameIndex *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->digests, g_hash_table_unref);
  g_clear_pointer (&self->digest_cache, g_hash_table_unref);
  g_clear_pointer (&self->confirmed, g_hash_table_unref);
  g_clear_pointer (&self->digest_key, g_bytes_unref);
  g_clear_pointer (&self->last_erased, g_free);
  g_free (self);
}
