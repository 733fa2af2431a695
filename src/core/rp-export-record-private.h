/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-export-record-private.h: what only the tests read of an export record */
#pragma once

#include "rp-export-record.h"

G_BEGIN_DECLS

gint64       rp_export_record_get_id             (RpExportRecord *self);
const char  *rp_export_record_get_kind           (RpExportRecord *self);
const char  *rp_export_record_get_format         (RpExportRecord *self);
const char  *rp_export_record_get_tables         (RpExportRecord *self);
const char  *rp_export_record_get_as_of          (RpExportRecord *self);
const char  *rp_export_record_get_compare_with   (RpExportRecord *self);
guint        rp_export_record_get_suppress_below (RpExportRecord *self);

G_END_DECLS
