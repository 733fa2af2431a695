/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-columns.h: the columns of the attendees CSV file, written and read */
#pragma once

#include <gio/gio.h>

#include "rp-store.h"

G_BEGIN_DECLS

/* What a column of the file holds: the columns are written from it and read
 * back into it (an import lets the person say which column holds what). */
typedef enum
{
  RP_IMPORT_FIELD_IGNORE,
  RP_IMPORT_FIELD_NUMBER,
  RP_IMPORT_FIELD_STATUS,
  RP_IMPORT_FIELD_STEP,
  RP_IMPORT_FIELD_FULL_NAME,
  RP_IMPORT_FIELD_PREFERRED_NAME,
  RP_IMPORT_FIELD_DATE_OF_BIRTH,
  RP_IMPORT_FIELD_CONTACT_NAME,
  RP_IMPORT_FIELD_CONTACT_RELATIONSHIP,
  RP_IMPORT_FIELD_CONTACT_PHONE,
  RP_IMPORT_FIELD_WORKER,
  RP_IMPORT_FIELD_REPORT_NOTE,
  RP_IMPORT_FIELD_CASE_NOTES,
  RP_IMPORT_FIELD_TARGET_DATE,
  RP_IMPORT_FIELD_OUTCOME,
  RP_IMPORT_FIELD_WHEELCHAIR_USER,
  RP_IMPORT_FIELD_TRANSPORT_NEEDED,
  RP_IMPORT_FIELD_ACCESS_NEEDS,
  RP_IMPORT_FIELD_COMMUNICATION_NEEDS,
  RP_IMPORT_FIELD_INTERPRETER_LANGUAGE,
  RP_IMPORT_FIELD_PREFERRED_CONTACT,
  RP_IMPORT_FIELD_COMMUNICATION_NOTES,
  RP_IMPORT_FIELD_CONTACT_COMMUNICATION_NEEDS,
  RP_IMPORT_FIELD_CONTACT_INTERPRETER_LANGUAGE,
  RP_IMPORT_FIELD_CONTACT_PREFERRED_CONTACT,
  RP_IMPORT_FIELD_INTERIM,
  RP_IMPORT_FIELD_PERMANENT_PROVIDER,
  RP_IMPORT_FIELD_PERMANENT_DATE,
  RP_IMPORT_FIELD_PLANNED_OUTCOMES,
} RpImportField;

#define RP_IMPORT_N_FIELDS (RP_IMPORT_FIELD_PLANNED_OUTCOMES + 1)

guint          rp_attendee_columns_get_n      (void);
const char    *rp_attendee_column_get_heading (guint         column);
RpImportField  rp_attendee_column_get_field   (guint         column);
char          *rp_attendee_columns_to_csv     (RpStore      *store,
                                               GListModel   *attendees,
                                               GListModel   *workers,
                                               gboolean      personal,
                                               GError      **error);

G_END_DECLS
