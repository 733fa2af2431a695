/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-name-index.h: finds personal names in text meant for publication */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RpNameIndex RpNameIndex;

RpNameIndex *rp_name_index_new  (const char * const *names,
                                 gsize               n_names);
const char  *rp_name_index_find (RpNameIndex        *self,
                                 const char         *text);
void         rp_name_index_free (RpNameIndex        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpNameIndex, rp_name_index_free)

G_END_DECLS
