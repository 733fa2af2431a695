/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-date-row.h: an entry row for a date, typed and shown as dd/mm/yyyy, kept as ISO */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RP_TYPE_DATE_ROW (rp_date_row_get_type ())

G_DECLARE_FINAL_TYPE (RpDateRow, rp_date_row, RP, DATE_ROW, AdwEntryRow)

GtkWidget *rp_date_row_new     (void);
void       rp_date_row_set_iso (RpDateRow   *self,
                                const char  *iso);
char      *rp_date_row_dup_iso (RpDateRow   *self,
                                GError     **error);

void       rp_entry_row_mark_error (AdwEntryRow *row,
                                    const char  *message);

G_END_DECLS
