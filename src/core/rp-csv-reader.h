/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-csv-reader.h: reading RFC 4180 comma-separated values, refusing what it cannot read */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Far beyond any real programme, so that a wrong or hostile file fails fast. */
#define RP_CSV_MAX_BYTES   (64 * 1024 * 1024)
#define RP_CSV_MAX_RECORDS 100000
#define RP_CSV_MAX_COLUMNS 200
#define RP_CSV_MAX_FIELD   (64 * 1024)
#define RP_CSV_MAX_CELLS   4000000

typedef struct _RpCsvTable RpCsvTable;

RpCsvTable         *rp_csv_read                (const char    *data,
                                                gsize          len,
                                                GCancellable  *cancellable,
                                                GError       **error);
void                rp_csv_table_free          (RpCsvTable    *table);
guint               rp_csv_table_get_n_records (RpCsvTable    *table);
const char * const *rp_csv_table_get_record    (RpCsvTable    *table,
                                                guint          index,
                                                guint         *n_fields);
guint               rp_csv_table_get_line      (RpCsvTable    *table,
                                                guint          index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpCsvTable, rp_csv_table_free)

G_END_DECLS
