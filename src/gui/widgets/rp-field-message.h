/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-field-message.h: a line of words under a form's row saying what is wrong with it */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void        rp_row_add_message_line (AdwPreferencesRow *row);
void        rp_row_mark_error       (AdwPreferencesRow *row,
                                     const char        *message);
void        rp_row_clear_error      (AdwPreferencesRow *row);
const char *rp_row_get_error        (AdwPreferencesRow *row);
GtkWidget  *rp_find_row_in_error    (GtkWidget         *root);
void        rp_focus_row            (AdwPreferencesRow *row);

G_END_DECLS
