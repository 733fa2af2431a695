/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-name-index.h: finds personal names in text meant for publication */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RpNameIndex RpNameIndex;

/* Where a name was found in a text: bytes [start, end) of it. */
typedef struct
{
  gsize       start;
  gsize       end;
  const char *known;   /* the name part as the programme spells it; NULL for an erased person */
} RpNameMatch;

RpNameIndex *rp_name_index_new               (const char * const *names,
                                              gsize               n_names);
void         rp_name_index_add_erased        (RpNameIndex        *self,
                                              GBytes             *key,
                                              const char * const *digests);
void         rp_name_index_add_confirmation  (RpNameIndex        *self,
                                              const char         *place,
                                              const char         *text_digest,
                                              const char         *word);
gboolean     rp_name_index_match             (RpNameIndex        *self,
                                              const char         *place,
                                              const char         *text,
                                              RpNameMatch        *match);
const char  *rp_name_index_find              (RpNameIndex        *self,
                                              const char         *text);
void         rp_name_index_free              (RpNameIndex        *self);

char        *rp_name_index_fold              (const char         *word,
                                              gssize              len);
char       **rp_name_index_name_words        (const char         *name);
char       **rp_name_index_text_words        (const char         *text);
char        *rp_name_index_stored_words      (const char * const *names,
                                              gsize               n_names);
char        *rp_name_sort_key                (const char         *name);
char        *rp_name_index_digest_word       (GBytes             *key,
                                              const char         *folded);
char        *rp_name_index_digest_text       (const char         *text);
char        *rp_name_index_confirmation_word (const char         *text,
                                              const RpNameMatch  *match);
guint        rp_name_index_word_position     (const char         *text,
                                              gsize               offset);

char        *rp_text_strip_invisible         (const char         *text);
gboolean     rp_text_map_stripped_range      (const char         *text,
                                              gsize               start,
                                              gsize               end,
                                              int                *char_start,
                                              int                *char_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpNameIndex, rp_name_index_free)

G_END_DECLS
