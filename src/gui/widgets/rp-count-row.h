/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-count-row.h: a list row that shows one figure beside its meaning */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RP_TYPE_COUNT_ROW (rp_count_row_get_type ())

G_DECLARE_FINAL_TYPE (RpCountRow, rp_count_row, RP, COUNT_ROW, AdwActionRow)

const char *rp_count_row_get_value (RpCountRow *self);
void        rp_count_row_set_value (RpCountRow *self,
                                    const char *value);
void        rp_count_row_set_count (RpCountRow *self,
                                    guint       count);

G_END_DECLS
