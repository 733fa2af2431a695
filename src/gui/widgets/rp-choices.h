/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-choices.h: the store's workers or providers as a list model for a combo row, kept current */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_CHOICES (rp_choices_get_type ())

G_DECLARE_FINAL_TYPE (RpChoices, rp_choices, RP, CHOICES, GObject)

RpChoices *rp_choices_new          (RpStore     *store,
                                    GType        record_type,
                                    const char  *none_label,
                                    gint64       keep_id);
RpStore   *rp_choices_get_store    (RpChoices   *self);
void       rp_choices_set_keep_id  (RpChoices   *self,
                                    gint64       keep_id);
guint      rp_choices_find         (RpChoices   *self,
                                    gint64       id);
gint64     rp_choices_get_item_id  (gpointer     item);
gint64     rp_combo_row_get_selected_id (AdwComboRow *row);
void       rp_combo_row_set_selected_id (AdwComboRow *row,
                                         gint64       id);

G_END_DECLS
