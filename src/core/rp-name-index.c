/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-name-index.c: finds personal names in text meant for publication */

#include "config.h"

#include <string.h>

#include "rp-name-index.h"

struct _RpNameIndex
{
  GHashTable *words;   /* casefolded word → the name part as the programme knows it */
};

static char *
fold (const char *word,
      gssize      len)
{
  g_autofree char *normalised = g_utf8_normalize (word, len, G_NORMALIZE_ALL_COMPOSE);

  return normalised != NULL ? g_utf8_casefold (normalised, -1) : NULL;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;  /* ' and ’ */
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (g_unichar_tolower (c)) || g_unichar_ismark (c) || is_apostrophe (c);
}

typedef void (*WordFunc) (const char *start,
                          gsize       len,
                          gpointer    user_data);

/* Calls @func for each word: letters and apostrophes, split at spaces, hyphens and punctuation. */
static void
for_each_word (const char *text,
               WordFunc    func,
               gpointer    user_data)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      /* Quotes around a word are not part of it. */
      while (start < p && is_apostrophe (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);

      if (p > start)
        func (start, p - start, user_data);
    }
}

static void
add_name_word (const char *start,
               gsize       len,
               gpointer    user_data)
{
  RpNameIndex *self = user_data;
  g_autofree char *key = fold (start, len);

  /* Initials and single letters say nothing about who someone is. */
  if (key == NULL || g_utf8_strlen (key, -1) < 2)
    return;

  if (!g_hash_table_contains (self->words, key))
    g_hash_table_insert (self->words, g_steal_pointer (&key), g_strndup (start, len));
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

  for (gsize i = 0; i < n_names; i++)
    if (names[i] != NULL && g_utf8_validate (names[i], -1, NULL))
      for_each_word (names[i], add_name_word, self);

  return self;
}

typedef struct
{
  RpNameIndex *index;
  const char  *found;
} FindData;

static void
find_word (const char *start,
           gsize       len,
           gpointer    user_data)
{
  FindData *data = user_data;
  g_autofree char *key = NULL;
  gsize key_len;

  if (data->found != NULL)
    return;

  key = fold (start, len);
  if (key == NULL)
    return;

  if ((data->found = g_hash_table_lookup (data->index->words, key)) != NULL)
    return;

  /* Possessives: "Sam's", "Sam’s" and "James'" name Sam and James. */
  key_len = strlen (key);
  if (key_len > 2 && key[key_len - 2] == '\'' && key[key_len - 1] == 's')
    key[key_len - 2] = '\0';
  else if (key_len > 4 && g_str_has_suffix (key, "\xe2\x80\x99s"))
    key[key_len - 4] = '\0';
  else if (key_len > 1 && key[key_len - 1] == '\'')
    key[key_len - 1] = '\0';
  else if (key_len > 3 && g_str_has_suffix (key, "\xe2\x80\x99"))
    key[key_len - 3] = '\0';
  else
    return;

  data->found = g_hash_table_lookup (data->index->words, key);
}

/**
 * rp_name_index_find:
 * @text: (nullable): text meant for publication
 *
 * Looks for any known name as a whole word, ignoring case and allowing a
 * possessive ending.
 *
 * Returns: (transfer none) (nullable): the name part found, as the programme
 *   spells it, or %NULL if @text names nobody the programme knows
 */
const char *
rp_name_index_find (RpNameIndex *self,
                    const char  *text)
{
  FindData data = { self, NULL };

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for_each_word (text, find_word, &data);
  return data.found;
}

void
rp_name_index_free (RpNameIndex *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->words, g_hash_table_unref);
  g_free (self);
}
