/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-cell-text.h: one line of text in a list cell, sized by the column, not by the text */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RP_TYPE_CELL_TEXT (rp_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (RpCellText, rp_cell_text, RP, CELL_TEXT, GtkWidget)

GtkWidget  *rp_cell_text_new      (int         width_chars);
void        rp_cell_text_set_text (RpCellText *self,
                                   const char *text);
const char *rp_cell_text_get_text (RpCellText *self);
void        rp_cell_text_set_heading (RpCellText *self,
                                      const char *heading);

int         rp_cell_text_get_char_width (GtkWidget *widget);

G_END_DECLS
