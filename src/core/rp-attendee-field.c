/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-field.c: the fields of an attendee a person edits, and edits of them */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-attendee-field.h"
#include "rp-communication.h"
#include "rp-date.h"

typedef const char *(*TextGetter) (RpAttendee *attendee);
typedef void        (*TextSetter) (RpAttendee *attendee, const char *value);

typedef struct
{
  const char *name;
  const char *label;
  TextGetter  get_text;   /* NULL for a field that is not text */
  TextSetter  set_text;
} FieldInfo;

static const FieldInfo fields[RP_ATTENDEE_N_FIELDS] = {
  [RP_ATTENDEE_FIELD_FULL_NAME] = { "full_name", N_("full name"),
                                    rp_attendee_get_full_name, rp_attendee_set_full_name },
  [RP_ATTENDEE_FIELD_PREFERRED_NAME] = { "preferred_name", N_("preferred name"),
                                         rp_attendee_get_preferred_name, rp_attendee_set_preferred_name },
  [RP_ATTENDEE_FIELD_DATE_OF_BIRTH] = { "date_of_birth", N_("date of birth"),
                                        rp_attendee_get_date_of_birth, rp_attendee_set_date_of_birth },
  [RP_ATTENDEE_FIELD_CONTACT_NAME] = { "contact_name", N_("family or carer’s name"),
                                       rp_attendee_get_contact_name, rp_attendee_set_contact_name },
  [RP_ATTENDEE_FIELD_CONTACT_RELATIONSHIP] = { "contact_relationship", N_("family or carer’s relationship"),
                                               rp_attendee_get_contact_relationship, rp_attendee_set_contact_relationship },
  [RP_ATTENDEE_FIELD_CONTACT_PHONE] = { "contact_phone", N_("phone number"),
                                        rp_attendee_get_contact_phone, rp_attendee_set_contact_phone },
  [RP_ATTENDEE_FIELD_WHEELCHAIR_USER] = { "wheelchair_user", N_("wheelchair user"), NULL, NULL },
  [RP_ATTENDEE_FIELD_TRANSPORT_NEEDED] = { "transport_needed", N_("transport needed"), NULL, NULL },
  [RP_ATTENDEE_FIELD_ACCESS_NEEDS] = { "access_needs", N_("other access needs"),
                                       rp_attendee_get_access_needs, rp_attendee_set_access_needs },
  [RP_ATTENDEE_FIELD_FUNDING] = { "funding", N_("status"), NULL, NULL },
  [RP_ATTENDEE_FIELD_WORKER] = { "worker_id", N_("allocated worker"), NULL, NULL },
  [RP_ATTENDEE_FIELD_TARGET_DATE] = { "target_date", N_("target moving date"),
                                      rp_attendee_get_target_date, rp_attendee_set_target_date },
  [RP_ATTENDEE_FIELD_CASE_NOTES] = { "case_notes", N_("case notes"),
                                     rp_attendee_get_case_notes, rp_attendee_set_case_notes },
  [RP_ATTENDEE_FIELD_REPORT_NOTE] = { "report_note", N_("report note"),
                                      rp_attendee_get_report_note, rp_attendee_set_report_note },
  [RP_ATTENDEE_FIELD_ARCHIVED] = { "archived", N_("archived"), NULL, NULL },
  [RP_ATTENDEE_FIELD_COMMUNICATION_NEEDS] = { "communication_needs", N_("communication needs"),
                                              rp_attendee_get_communication_needs, rp_attendee_set_communication_needs },
  [RP_ATTENDEE_FIELD_INTERPRETER_LANGUAGE] = { "interpreter_language", N_("interpreter’s language"),
                                               rp_attendee_get_interpreter_language, rp_attendee_set_interpreter_language },
  [RP_ATTENDEE_FIELD_PREFERRED_CONTACT] = { "preferred_contact", N_("preferred way to be contacted"),
                                            rp_attendee_get_preferred_contact, rp_attendee_set_preferred_contact },
  [RP_ATTENDEE_FIELD_COMMUNICATION_NOTES] = { "communication_notes", N_("communication notes"),
                                              rp_attendee_get_communication_notes, rp_attendee_set_communication_notes },
  [RP_ATTENDEE_FIELD_CONTACT_COMMUNICATION_NEEDS] = { "contact_communication_needs",
                                                      N_("family or carer’s communication needs"),
                                                      rp_attendee_get_contact_communication_needs,
                                                      rp_attendee_set_contact_communication_needs },
  [RP_ATTENDEE_FIELD_CONTACT_INTERPRETER_LANGUAGE] = { "contact_interpreter_language",
                                                       N_("family or carer’s interpreter language"),
                                                       rp_attendee_get_contact_interpreter_language,
                                                       rp_attendee_set_contact_interpreter_language },
  [RP_ATTENDEE_FIELD_CONTACT_PREFERRED_CONTACT] = { "contact_preferred_contact",
                                                    N_("family or carer’s preferred way to be contacted"),
                                                    rp_attendee_get_contact_preferred_contact,
                                                    rp_attendee_set_contact_preferred_contact },
};

/**
 * rp_attendee_field_get_name:
 *
 * Returns: the field's stable name, as the audit trail records it
 */
const char *
rp_attendee_field_get_name (RpAttendeeField field)
{
  g_return_val_if_fail (field < RP_ATTENDEE_N_FIELDS, NULL);

  return fields[field].name;
}

/**
 * rp_attendee_field_get_label:
 *
 * Returns: the field's name for a sentence, translated: "phone number"
 */
const char *
rp_attendee_field_get_label (RpAttendeeField field)
{
  g_return_val_if_fail (field < RP_ATTENDEE_N_FIELDS, NULL);

  return _(fields[field].label);
}

/**
 * rp_attendee_get_text_field:
 * @field: a field held as text, such as %RP_ATTENDEE_FIELD_CONTACT_PHONE
 *
 * Returns: (transfer none) (nullable): the field's text
 */
const char *
rp_attendee_get_text_field (RpAttendee      *attendee,
                            RpAttendeeField  field)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), NULL);
  g_return_val_if_fail (field < RP_ATTENDEE_N_FIELDS && fields[field].get_text != NULL, NULL);

  return fields[field].get_text (attendee);
}

/**
 * rp_attendee_dup_field:
 *
 * Returns: (transfer full): the value of @field in @attendee
 */
GVariant *
rp_attendee_dup_field (RpAttendee      *attendee,
                       RpAttendeeField  field)
{
  GVariant *value;

  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), NULL);
  g_return_val_if_fail (field < RP_ATTENDEE_N_FIELDS, NULL);

  switch (field)
    {
    case RP_ATTENDEE_FIELD_WHEELCHAIR_USER:
      value = g_variant_new_boolean (rp_attendee_get_wheelchair_user (attendee));
      break;

    case RP_ATTENDEE_FIELD_TRANSPORT_NEEDED:
      value = g_variant_new_boolean (rp_attendee_get_transport_needed (attendee));
      break;

    case RP_ATTENDEE_FIELD_ARCHIVED:
      value = g_variant_new_boolean (rp_attendee_get_archived (attendee));
      break;

    case RP_ATTENDEE_FIELD_FUNDING:
      value = g_variant_new_string (rp_funding_to_string (rp_attendee_get_funding (attendee)));
      break;

    case RP_ATTENDEE_FIELD_WORKER:
      value = g_variant_new_int64 (MAX (rp_attendee_get_worker_id (attendee), 0));
      break;

    default:
      {
        const char *text = fields[field].get_text (attendee);
        value = g_variant_new_string (text != NULL ? text : "");
      }
      break;
    }

  return g_variant_ref_sink (value);
}

/**
 * rp_attendee_field_get_value_type:
 *
 * Returns: the type of the #GVariant that holds a value of @field
 */
const GVariantType *
rp_attendee_field_get_value_type (RpAttendeeField field)
{
  g_return_val_if_fail (field < RP_ATTENDEE_N_FIELDS, NULL);

  switch (field)
    {
    case RP_ATTENDEE_FIELD_WHEELCHAIR_USER:
    case RP_ATTENDEE_FIELD_TRANSPORT_NEEDED:
    case RP_ATTENDEE_FIELD_ARCHIVED:
      return G_VARIANT_TYPE_BOOLEAN;

    case RP_ATTENDEE_FIELD_WORKER:
      return G_VARIANT_TYPE_INT64;

    default:
      return G_VARIANT_TYPE_STRING;
    }
}

/**
 * rp_attendee_set_field:
 *
 * Sets @field of @attendee to @value, of the type rp_attendee_dup_field() gives.
 * A floating @value is consumed, as GVariant functions do.
 */
void
rp_attendee_set_field (RpAttendee      *attendee,
                       RpAttendeeField  field,
                       GVariant        *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (attendee));
  g_return_if_fail (field < RP_ATTENDEE_N_FIELDS);
  g_return_if_fail (value != NULL && g_variant_is_of_type (value, rp_attendee_field_get_value_type (field)));

  g_variant_ref_sink (value);

  switch (field)
    {
    case RP_ATTENDEE_FIELD_WHEELCHAIR_USER:
      rp_attendee_set_wheelchair_user (attendee, g_variant_get_boolean (value));
      break;

    case RP_ATTENDEE_FIELD_TRANSPORT_NEEDED:
      rp_attendee_set_transport_needed (attendee, g_variant_get_boolean (value));
      break;

    case RP_ATTENDEE_FIELD_ARCHIVED:
      rp_attendee_set_archived (attendee, g_variant_get_boolean (value));
      break;

    case RP_ATTENDEE_FIELD_FUNDING:
      {
        RpFunding funding = RP_FUNDING_ASC;

        rp_funding_from_string (g_variant_get_string (value, NULL), &funding);
        rp_attendee_set_funding (attendee, funding);
      }
      break;

    case RP_ATTENDEE_FIELD_WORKER:
      rp_attendee_set_worker_id (attendee, g_variant_get_int64 (value));
      break;

    default:
      fields[field].set_text (attendee, g_variant_get_string (value, NULL));
      break;
    }

  g_variant_unref (value);
}

gboolean
rp_attendee_field_equal (RpAttendee      *a,
                         RpAttendee      *b,
                         RpAttendeeField  field)
{
  g_autoptr(GVariant) value_a = rp_attendee_dup_field (a, field);
  g_autoptr(GVariant) value_b = rp_attendee_dup_field (b, field);

  return g_variant_equal (value_a, value_b);
}

/**
 * rp_attendee_field_describe:
 *
 * Returns: (transfer full): @value in words, for a person choosing between two values
 */
char *
rp_attendee_field_describe (RpAttendeeField  field,
                            GVariant        *value,
                            const char      *worker_name)
{
  g_return_val_if_fail (field < RP_ATTENDEE_N_FIELDS, NULL);
  g_return_val_if_fail (value != NULL && g_variant_is_of_type (value, rp_attendee_field_get_value_type (field)), NULL);

  switch (field)
    {
    case RP_ATTENDEE_FIELD_WHEELCHAIR_USER:
    case RP_ATTENDEE_FIELD_TRANSPORT_NEEDED:
    case RP_ATTENDEE_FIELD_ARCHIVED:
      return g_strdup (g_variant_get_boolean (value) ? _("Yes") : _("No"));

    case RP_ATTENDEE_FIELD_FUNDING:
      {
        RpFunding funding = RP_FUNDING_ASC;

        rp_funding_from_string (g_variant_get_string (value, NULL), &funding);
        return g_strdup (rp_funding_get_label (funding));
      }

    case RP_ATTENDEE_FIELD_WORKER:
      if (g_variant_get_int64 (value) <= 0 || worker_name == NULL)
        return g_strdup (_("No worker allocated"));
      return g_strdup (worker_name);

    default:
      {
        const char *text = g_variant_get_string (value, NULL);

        if (text[0] == '\0')
          return g_strdup (_("Nothing (the field is empty)"));
        /* Keys are for files; people read the words. */
        if (field == RP_ATTENDEE_FIELD_COMMUNICATION_NEEDS ||
            field == RP_ATTENDEE_FIELD_CONTACT_COMMUNICATION_NEEDS)
          {
            char *flag = rp_communication_flag_text (text, NULL, NULL);

            if (flag != NULL)
              return flag;
          }
        if (field == RP_ATTENDEE_FIELD_PREFERRED_CONTACT ||
            field == RP_ATTENDEE_FIELD_CONTACT_PREFERRED_CONTACT)
          {
            RpPreferredContact method;

            if (rp_preferred_contact_parse (text, &method, NULL) && method != RP_PREFERRED_CONTACT_NONE)
              return g_strdup (rp_preferred_contact_get_label (method));
          }
        if (field == RP_ATTENDEE_FIELD_DATE_OF_BIRTH || field == RP_ATTENDEE_FIELD_TARGET_DATE)
          {
            char *date = rp_date_format_long (text);

            if (date != NULL)
              return date;
          }
        /* Translators: a value typed into a field, quoted */
        return g_strdup_printf (_("“%s”"), text);
      }
    }
}

void
rp_field_edit_clear (RpFieldEdit *edit)
{
  g_clear_pointer (&edit->base, g_variant_unref);
  g_clear_pointer (&edit->value, g_variant_unref);
}

GArray *
rp_attendee_diff (RpAttendee *base,
                  RpAttendee *edited)
{
  GArray *edits;

  g_return_val_if_fail (RP_IS_ATTENDEE (base), NULL);
  g_return_val_if_fail (RP_IS_ATTENDEE (edited), NULL);

  edits = g_array_new (FALSE, TRUE, sizeof (RpFieldEdit));
  g_array_set_clear_func (edits, (GDestroyNotify) rp_field_edit_clear);

  for (RpAttendeeField field = 0; field < RP_ATTENDEE_N_FIELDS; field++)
    {
      RpFieldEdit edit = {
        .field = field,
        .base = rp_attendee_dup_field (base, field),
        .value = rp_attendee_dup_field (edited, field),
      };

      if (g_variant_equal (edit.base, edit.value))
        rp_field_edit_clear (&edit);
      else
        g_array_append_val (edits, edit);
    }

  return edits;
}

RpFieldConflict *
rp_field_conflict_new (RpAttendeeField  field,
                       GVariant        *base,
                       GVariant        *stored,
                       GVariant        *mine)
{
  RpFieldConflict *conflict = g_new0 (RpFieldConflict, 1);

  conflict->field = field;
  conflict->base = g_variant_ref_sink (base);
  conflict->stored = g_variant_ref_sink (stored);
  conflict->mine = g_variant_ref_sink (mine);
  return conflict;
}

void
rp_field_conflict_free (RpFieldConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_clear_pointer (&conflict->base, g_variant_unref);
  g_clear_pointer (&conflict->stored, g_variant_unref);
  g_clear_pointer (&conflict->mine, g_variant_unref);
  g_clear_pointer (&conflict->changed_by, g_free);
  g_clear_pointer (&conflict->changed_at, g_free);
  g_free (conflict);
}
