/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-field.h: the fields of an attendee a person edits, and edits of them */
#pragma once

#include <glib.h>

#include "rp-attendee.h"

G_BEGIN_DECLS

/* The fields a save can write one by one. The step, the number and the outcome
 * change only through their own rules, never as a field edit. */
typedef enum
{
  RP_ATTENDEE_FIELD_FULL_NAME,
  RP_ATTENDEE_FIELD_PREFERRED_NAME,
  RP_ATTENDEE_FIELD_DATE_OF_BIRTH,
  RP_ATTENDEE_FIELD_CONTACT_NAME,
  RP_ATTENDEE_FIELD_CONTACT_RELATIONSHIP,
  RP_ATTENDEE_FIELD_CONTACT_PHONE,
  RP_ATTENDEE_FIELD_WHEELCHAIR_USER,
  RP_ATTENDEE_FIELD_TRANSPORT_NEEDED,
  RP_ATTENDEE_FIELD_ACCESS_NEEDS,
  RP_ATTENDEE_FIELD_FUNDING,
  RP_ATTENDEE_FIELD_WORKER,
  RP_ATTENDEE_FIELD_TARGET_DATE,
  RP_ATTENDEE_FIELD_CASE_NOTES,
  RP_ATTENDEE_FIELD_REPORT_NOTE,
  RP_ATTENDEE_FIELD_ARCHIVED,
  /* Communication needs, as the Accessible Information Standard asks. */
  RP_ATTENDEE_FIELD_COMMUNICATION_NEEDS,
  RP_ATTENDEE_FIELD_INTERPRETER_LANGUAGE,
  RP_ATTENDEE_FIELD_PREFERRED_CONTACT,
  RP_ATTENDEE_FIELD_COMMUNICATION_NOTES,
  RP_ATTENDEE_FIELD_CONTACT_COMMUNICATION_NEEDS,
  RP_ATTENDEE_FIELD_CONTACT_INTERPRETER_LANGUAGE,
  RP_ATTENDEE_FIELD_CONTACT_PREFERRED_CONTACT,
  RP_ATTENDEE_N_FIELDS
} RpAttendeeField;

/* A field's value as a #GVariant: text is "s" ("" when empty), yes/no is "b",
 * the funding is "s" (its stable word, "asc" or "health") and the worker is
 * "x" (their id, 0 for none). */
const char *rp_attendee_field_get_name   (RpAttendeeField  field);  /* "contact_phone", as the audit trail */
const char *rp_attendee_field_get_label  (RpAttendeeField  field);  /* "phone number", for a sentence */
const GVariantType *rp_attendee_field_get_value_type (RpAttendeeField field);
const char *rp_attendee_get_text_field   (RpAttendee      *attendee,
                                          RpAttendeeField  field);
GVariant   *rp_attendee_dup_field        (RpAttendee      *attendee,
                                          RpAttendeeField  field);
void        rp_attendee_set_field        (RpAttendee      *attendee,
                                          RpAttendeeField  field,
                                          GVariant        *value);
gboolean    rp_attendee_field_equal      (RpAttendee      *a,
                                          RpAttendee      *b,
                                          RpAttendeeField  field);
/* The value in words for a person: the text in quotes, "Yes", "Health", "nothing".
 * A worker is described by @worker_name (or "no worker allocated" when there is none). */
char       *rp_attendee_field_describe   (RpAttendeeField  field,
                                          GVariant        *value,
                                          const char      *worker_name);

/* One edit: the value the field held when the person started editing it
 * (@base), and the value they gave it (@value). */
typedef struct
{
  RpAttendeeField  field;
  GVariant        *base;
  GVariant        *value;
} RpFieldEdit;

void        rp_field_edit_clear          (RpFieldEdit     *edit);
/* Returns: (transfer full): a #GArray of #RpFieldEdit, one for each field in
 * which @edited differs from @base; empty when nothing was changed. */
GArray     *rp_attendee_diff             (RpAttendee      *base,
                                          RpAttendee      *edited);

/* A field that someone else changed between the start of an edit and its save. */
typedef struct
{
  RpAttendeeField  field;
  GVariant        *base;    /* what the person started from */
  GVariant        *stored;  /* what is stored now, and was kept */
  GVariant        *mine;    /* what the person gave it, not saved */
  char            *changed_by;  /* (nullable): the account that saved @stored, from the audit trail */
  char            *changed_at;  /* (nullable): when, ISO 8601 in UTC */
} RpFieldConflict;

RpFieldConflict *rp_field_conflict_new   (RpAttendeeField  field,
                                          GVariant        *base,
                                          GVariant        *stored,
                                          GVariant        *mine);
void        rp_field_conflict_free       (RpFieldConflict *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpFieldConflict, rp_field_conflict_free)

G_END_DECLS
