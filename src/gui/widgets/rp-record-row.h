/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-record-row.h: one record of a list window, opened to edit its fields in place */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RP_TYPE_RECORD_ROW (rp_record_row_get_type ())

G_DECLARE_FINAL_TYPE (RpRecordRow, rp_record_row, RP, RECORD_ROW, AdwExpanderRow)

RpRecordRow *rp_record_row_new        (GObject     *record);
GObject     *rp_record_row_get_draft  (RpRecordRow *self);
AdwEntryRow *rp_record_row_add_entry  (RpRecordRow *self,
                                       const char  *property,
                                       const char  *title);
GtkSwitch   *rp_record_row_add_switch (RpRecordRow *self,
                                       const char  *property,
                                       const char  *title,
                                       const char  *subtitle);
AdwComboRow *rp_record_row_add_combo  (RpRecordRow *self,
                                       const char  *property,
                                       const char  *title,
                                       GListModel  *labels);

void         rp_record_copy_values    (GObject     *to,
                                       GObject     *from);

G_END_DECLS
