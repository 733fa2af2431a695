/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-columns.h: the columns of the attendees CSV file, written and read */
#pragma once

#include <gio/gio.h>

#include "rp-import.h"

G_BEGIN_DECLS

guint          rp_attendee_columns_get_n      (void);
const char    *rp_attendee_column_get_heading (guint         column);
RpImportField  rp_attendee_column_get_field   (guint         column);
gboolean       rp_attendee_column_is_personal (guint         column);
char          *rp_attendee_columns_to_csv     (GListModel   *attendees,
                                               GListModel   *workers,
                                               gboolean      personal);

G_END_DECLS
