/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee.c: a person attending the day centre, and their move */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-attendee.h"
#include "rp-name-index.h"
#include "rp-communication.h"

struct _RpAttendee
{
  GObject parent_instance;

  gint64 id;
  gint64 programme_id;
  int number;
  char *full_name;
  char *preferred_name;
  char *full_name_key;        /* folded for searching, made when first asked for */
  char *preferred_name_key;
  char *full_name_sort_key;   /* rp_name_sort_key (), likewise */
  char *date_of_birth;
  char *contact_name;
  char *contact_relationship;
  char *contact_phone;
  gboolean wheelchair_user;
  gboolean transport_needed;
  char *access_needs;
  RpFunding funding;
  gint64 worker_id;
  char *worker_name;
  char *worker_name_sort_key;
  int step;
  char *step_since;
  char *case_notes;
  char *report_note;
  char *target_date;
  RpOutcome outcome;
  char *outcome_date;
  gint64 moved_to_provider_id;
  char *moved_to_provider_name;
  char *outcome_reason;
  gboolean archived;
  char *last_family_contact;   /* newest contact_log date with the family or advocate, read with the row */
  char *contact_log_since;     /* the day the programme's contact log began, read with the row */
  /* After the move (issue 17): an interim place and the permanent one planned,
   * and the reviews held, as the store read them. */
  gboolean interim;
  gint64 permanent_provider_id;
  char *permanent_date;
  char *follow_up_held_on;
  char *last_review_on;
  char *communication[7];  /* COMM_*: the person's and the family contact's needs */
};

G_DEFINE_FINAL_TYPE (RpAttendee, rp_attendee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROGRAMME_ID,
  PROP_NUMBER,
  PROP_FULL_NAME,
  PROP_PREFERRED_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_CONTACT_NAME,
  PROP_CONTACT_RELATIONSHIP,
  PROP_CONTACT_PHONE,
  PROP_WHEELCHAIR_USER,
  PROP_TRANSPORT_NEEDED,
  PROP_ACCESS_NEEDS,
  PROP_FUNDING,
  PROP_WORKER_ID,
  PROP_WORKER_NAME,
  PROP_STEP,
  PROP_STEP_SINCE,
  PROP_CASE_NOTES,
  PROP_REPORT_NOTE,
  PROP_TARGET_DATE,
  PROP_OUTCOME,
  PROP_OUTCOME_DATE,
  PROP_MOVED_TO_PROVIDER_ID,
  PROP_MOVED_TO_PROVIDER_NAME,
  PROP_OUTCOME_REASON,
  PROP_ARCHIVED,
  PROP_LAST_FAMILY_CONTACT,
  PROP_INTERIM,
  PROP_PERMANENT_PROVIDER_ID,
  PROP_PERMANENT_DATE,
  PROP_FOLLOW_UP_HELD_ON,
  PROP_LAST_REVIEW_ON,
  PROP_COMMUNICATION_NEEDS,
  PROP_INTERPRETER_LANGUAGE,
  PROP_PREFERRED_CONTACT,
  PROP_COMMUNICATION_NOTES,
  PROP_CONTACT_COMMUNICATION_NEEDS,
  PROP_CONTACT_INTERPRETER_LANGUAGE,
  PROP_CONTACT_PREFERRED_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The communication fields, in the order of their properties. */
enum {
  COMM_COMMUNICATION_NEEDS,
  COMM_INTERPRETER_LANGUAGE,
  COMM_PREFERRED_CONTACT,
  COMM_COMMUNICATION_NOTES,
  COMM_CONTACT_COMMUNICATION_NEEDS,
  COMM_CONTACT_INTERPRETER_LANGUAGE,
  COMM_CONTACT_PREFERRED_CONTACT,
  N_COMM
};

#define COMM_PROP(i) (PROP_COMMUNICATION_NEEDS + (i))

static void
rp_attendee_finalize (GObject *object)
{
  RpAttendee *self = RP_ATTENDEE (object);

  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->preferred_name, g_free);
  g_clear_pointer (&self->full_name_key, g_free);
  g_clear_pointer (&self->preferred_name_key, g_free);
  g_clear_pointer (&self->full_name_sort_key, g_free);
  g_clear_pointer (&self->date_of_birth, g_free);
  g_clear_pointer (&self->contact_name, g_free);
  g_clear_pointer (&self->contact_relationship, g_free);
  g_clear_pointer (&self->contact_phone, g_free);
  g_clear_pointer (&self->access_needs, g_free);
  for (guint i = 0; i < N_COMM; i++)
    g_clear_pointer (&self->communication[i], g_free);
  g_clear_pointer (&self->worker_name, g_free);
  g_clear_pointer (&self->worker_name_sort_key, g_free);
  g_clear_pointer (&self->step_since, g_free);
  g_clear_pointer (&self->case_notes, g_free);
  g_clear_pointer (&self->report_note, g_free);
  g_clear_pointer (&self->target_date, g_free);
  g_clear_pointer (&self->outcome_date, g_free);
  g_clear_pointer (&self->moved_to_provider_name, g_free);
  g_clear_pointer (&self->outcome_reason, g_free);
  g_clear_pointer (&self->last_family_contact, g_free);
  g_clear_pointer (&self->contact_log_since, g_free);
  g_clear_pointer (&self->permanent_date, g_free);
  g_clear_pointer (&self->follow_up_held_on, g_free);
  g_clear_pointer (&self->last_review_on, g_free);

  G_OBJECT_CLASS (rp_attendee_parent_class)->finalize (object);
}

static void set_communication (RpAttendee *self, guint field, const char *value);

static void
rp_attendee_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RpAttendee *self = RP_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;

    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_PREFERRED_NAME:
      g_value_set_string (value, self->preferred_name);
      break;

    case PROP_DATE_OF_BIRTH:
      g_value_set_string (value, self->date_of_birth);
      break;

    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;

    case PROP_CONTACT_RELATIONSHIP:
      g_value_set_string (value, self->contact_relationship);
      break;

    case PROP_CONTACT_PHONE:
      g_value_set_string (value, self->contact_phone);
      break;

    case PROP_WHEELCHAIR_USER:
      g_value_set_boolean (value, self->wheelchair_user);
      break;

    case PROP_TRANSPORT_NEEDED:
      g_value_set_boolean (value, self->transport_needed);
      break;

    case PROP_ACCESS_NEEDS:
      g_value_set_string (value, self->access_needs);
      break;

    case PROP_FUNDING:
      g_value_set_enum (value, self->funding);
      break;

    case PROP_WORKER_ID:
      g_value_set_int64 (value, self->worker_id);
      break;

    case PROP_WORKER_NAME:
      g_value_set_string (value, self->worker_name);
      break;

    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;

    case PROP_STEP_SINCE:
      g_value_set_string (value, self->step_since);
      break;

    case PROP_LAST_FAMILY_CONTACT:
      g_value_set_string (value, self->last_family_contact);
      break;

    case PROP_CASE_NOTES:
      g_value_set_string (value, self->case_notes);
      break;

    case PROP_REPORT_NOTE:
      g_value_set_string (value, self->report_note);
      break;

    case PROP_TARGET_DATE:
      g_value_set_string (value, self->target_date);
      break;

    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;

    case PROP_OUTCOME_DATE:
      g_value_set_string (value, self->outcome_date);
      break;

    case PROP_MOVED_TO_PROVIDER_ID:
      g_value_set_int64 (value, self->moved_to_provider_id);
      break;

    case PROP_MOVED_TO_PROVIDER_NAME:
      g_value_set_string (value, self->moved_to_provider_name);
      break;

    case PROP_OUTCOME_REASON:
      g_value_set_string (value, self->outcome_reason);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_INTERIM:
      g_value_set_boolean (value, self->interim);
      break;
    case PROP_PERMANENT_PROVIDER_ID:
      g_value_set_int64 (value, self->permanent_provider_id);
      break;
    case PROP_PERMANENT_DATE:
      g_value_set_string (value, self->permanent_date);
      break;
    case PROP_FOLLOW_UP_HELD_ON:
      g_value_set_string (value, self->follow_up_held_on);
      break;
    case PROP_LAST_REVIEW_ON:
      g_value_set_string (value, self->last_review_on);
      break;

    case PROP_COMMUNICATION_NEEDS ... PROP_CONTACT_PREFERRED_CONTACT:
      g_value_set_string (value, self->communication[prop_id - PROP_COMMUNICATION_NEEDS]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_attendee_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RpAttendee *self = RP_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_attendee_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PROGRAMME_ID:
      rp_attendee_set_programme_id (self, g_value_get_int64 (value));
      break;

    case PROP_NUMBER:
      rp_attendee_set_number (self, g_value_get_int (value));
      break;

    case PROP_FULL_NAME:
      rp_attendee_set_full_name (self, g_value_get_string (value));
      break;

    case PROP_PREFERRED_NAME:
      rp_attendee_set_preferred_name (self, g_value_get_string (value));
      break;

    case PROP_DATE_OF_BIRTH:
      rp_attendee_set_date_of_birth (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_NAME:
      rp_attendee_set_contact_name (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_RELATIONSHIP:
      rp_attendee_set_contact_relationship (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_PHONE:
      rp_attendee_set_contact_phone (self, g_value_get_string (value));
      break;

    case PROP_WHEELCHAIR_USER:
      rp_attendee_set_wheelchair_user (self, g_value_get_boolean (value));
      break;

    case PROP_TRANSPORT_NEEDED:
      rp_attendee_set_transport_needed (self, g_value_get_boolean (value));
      break;

    case PROP_ACCESS_NEEDS:
      rp_attendee_set_access_needs (self, g_value_get_string (value));
      break;

    case PROP_FUNDING:
      rp_attendee_set_funding (self, g_value_get_enum (value));
      break;

    case PROP_WORKER_ID:
      rp_attendee_set_worker_id (self, g_value_get_int64 (value));
      break;

    case PROP_WORKER_NAME:
      rp_attendee_set_worker_name (self, g_value_get_string (value));
      break;

    case PROP_STEP:
      rp_attendee_set_step (self, g_value_get_int (value));
      break;

    case PROP_STEP_SINCE:
      rp_attendee_set_step_since (self, g_value_get_string (value));
      break;

    case PROP_LAST_FAMILY_CONTACT:
      rp_attendee_set_last_family_contact (self, g_value_get_string (value));
      break;

    case PROP_CASE_NOTES:
      rp_attendee_set_case_notes (self, g_value_get_string (value));
      break;

    case PROP_REPORT_NOTE:
      rp_attendee_set_report_note (self, g_value_get_string (value));
      break;

    case PROP_TARGET_DATE:
      rp_attendee_set_target_date (self, g_value_get_string (value));
      break;

    case PROP_OUTCOME:
      rp_attendee_set_outcome (self, g_value_get_enum (value));
      break;

    case PROP_OUTCOME_DATE:
      rp_attendee_set_outcome_date (self, g_value_get_string (value));
      break;

    case PROP_MOVED_TO_PROVIDER_ID:
      rp_attendee_set_moved_to_provider_id (self, g_value_get_int64 (value));
      break;

    case PROP_MOVED_TO_PROVIDER_NAME:
      rp_attendee_set_moved_to_provider_name (self, g_value_get_string (value));
      break;

    case PROP_OUTCOME_REASON:
      rp_attendee_set_outcome_reason (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED:
      rp_attendee_set_archived (self, g_value_get_boolean (value));
      break;
    case PROP_INTERIM:
      rp_attendee_set_interim (self, g_value_get_boolean (value));
      break;
    case PROP_PERMANENT_PROVIDER_ID:
      rp_attendee_set_permanent_provider_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERMANENT_DATE:
      rp_attendee_set_permanent_date (self, g_value_get_string (value));
      break;
    case PROP_FOLLOW_UP_HELD_ON:
      rp_attendee_set_follow_up_held_on (self, g_value_get_string (value));
      break;
    case PROP_LAST_REVIEW_ON:
      rp_attendee_set_last_review_on (self, g_value_get_string (value));
      break;

    case PROP_COMMUNICATION_NEEDS ... PROP_CONTACT_PREFERRED_CONTACT:
      set_communication (self, prop_id - PROP_COMMUNICATION_NEEDS, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_attendee_class_init (RpAttendeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_attendee_finalize;
  object_class->get_property = rp_attendee_get_property;
  object_class->set_property = rp_attendee_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME_ID] =
    g_param_spec_int64 ("programme-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_int ("number", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREFERRED_NAME] =
    g_param_spec_string ("preferred-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_OF_BIRTH] =
    g_param_spec_string ("date-of-birth", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_RELATIONSHIP] =
    g_param_spec_string ("contact-relationship", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_PHONE] =
    g_param_spec_string ("contact-phone", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHEELCHAIR_USER] =
    g_param_spec_boolean ("wheelchair-user", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRANSPORT_NEEDED] =
    g_param_spec_boolean ("transport-needed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMUNICATION_NEEDS] =
    g_param_spec_string ("communication-needs", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERPRETER_LANGUAGE] =
    g_param_spec_string ("interpreter-language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREFERRED_CONTACT] =
    g_param_spec_string ("preferred-contact", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMUNICATION_NOTES] =
    g_param_spec_string ("communication-notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_COMMUNICATION_NEEDS] =
    g_param_spec_string ("contact-communication-needs", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_INTERPRETER_LANGUAGE] =
    g_param_spec_string ("contact-interpreter-language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_PREFERRED_CONTACT] =
    g_param_spec_string ("contact-preferred-contact", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCESS_NEEDS] =
    g_param_spec_string ("access-needs", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FUNDING] =
    g_param_spec_enum ("funding", NULL, NULL, RP_TYPE_FUNDING, RP_FUNDING_ASC,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKER_ID] =
    g_param_spec_int64 ("worker-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKER_NAME] =
    g_param_spec_string ("worker-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL, 1, 6, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP_SINCE] =
    g_param_spec_string ("step-since", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_NOTES] =
    g_param_spec_string ("case-notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT_NOTE] =
    g_param_spec_string ("report-note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_DATE] =
    g_param_spec_string ("target-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, RP_TYPE_OUTCOME, RP_OUTCOME_ATTENDING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME_DATE] =
    g_param_spec_string ("outcome-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MOVED_TO_PROVIDER_ID] =
    g_param_spec_int64 ("moved-to-provider-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MOVED_TO_PROVIDER_NAME] =
    g_param_spec_string ("moved-to-provider-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME_REASON] =
    g_param_spec_string ("outcome-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_FAMILY_CONTACT] =
    g_param_spec_string ("last-family-contact", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERIM] =
    g_param_spec_boolean ("interim", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERMANENT_PROVIDER_ID] =
    g_param_spec_int64 ("permanent-provider-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERMANENT_DATE] =
    g_param_spec_string ("permanent-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOW_UP_HELD_ON] =
    g_param_spec_string ("follow-up-held-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_REVIEW_ON] =
    g_param_spec_string ("last-review-on", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_attendee_init (RpAttendee *self)
{
  self->funding = RP_FUNDING_ASC;
  self->step = 1;
  self->outcome = RP_OUTCOME_ATTENDING;
}

/**
 * rp_attendee_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpAttendee *
rp_attendee_new (void)
{
  return g_object_new (RP_TYPE_ATTENDEE, NULL);
}

/**
 * rp_attendee_copy:
 *
 * Returns: (transfer full): a new object with the same values, for editing
 */
RpAttendee *
rp_attendee_copy (RpAttendee *self)
{
  RpAttendee *copy;

  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  copy = rp_attendee_new ();
  copy->id = self->id;
  copy->programme_id = self->programme_id;
  copy->number = self->number;
  copy->full_name = g_strdup (self->full_name);
  copy->preferred_name = g_strdup (self->preferred_name);
  copy->date_of_birth = g_strdup (self->date_of_birth);
  copy->contact_name = g_strdup (self->contact_name);
  copy->contact_relationship = g_strdup (self->contact_relationship);
  copy->contact_phone = g_strdup (self->contact_phone);
  copy->wheelchair_user = self->wheelchair_user;
  copy->transport_needed = self->transport_needed;
  copy->access_needs = g_strdup (self->access_needs);
  copy->funding = self->funding;
  copy->worker_id = self->worker_id;
  copy->worker_name = g_strdup (self->worker_name);
  copy->step = self->step;
  copy->step_since = g_strdup (self->step_since);
  copy->case_notes = g_strdup (self->case_notes);
  copy->report_note = g_strdup (self->report_note);
  copy->target_date = g_strdup (self->target_date);
  copy->outcome = self->outcome;
  copy->outcome_date = g_strdup (self->outcome_date);
  copy->moved_to_provider_id = self->moved_to_provider_id;
  copy->moved_to_provider_name = g_strdup (self->moved_to_provider_name);
  copy->outcome_reason = g_strdup (self->outcome_reason);
  copy->archived = self->archived;
  copy->last_family_contact = g_strdup (self->last_family_contact);
  copy->contact_log_since = g_strdup (self->contact_log_since);
  copy->interim = self->interim;
  copy->permanent_provider_id = self->permanent_provider_id;
  copy->permanent_date = g_strdup (self->permanent_date);
  copy->follow_up_held_on = g_strdup (self->follow_up_held_on);
  copy->last_review_on = g_strdup (self->last_review_on);
  for (guint i = 0; i < N_COMM; i++)
    copy->communication[i] = g_strdup (self->communication[i]);
  return copy;
}

gint64
rp_attendee_get_id (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), 0);

  return self->id;
}

void
rp_attendee_set_id (RpAttendee *self,
                    gint64      value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
rp_attendee_get_programme_id (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), 0);

  return self->programme_id;
}

void
rp_attendee_set_programme_id (RpAttendee *self,
                              gint64      value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (self->programme_id == value)
    return;

  self->programme_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME_ID]);
}

int
rp_attendee_get_number (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), 0);

  return self->number;
}

void
rp_attendee_set_number (RpAttendee *self,
                        int         value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (self->number == value)
    return;

  self->number = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
rp_attendee_get_full_name (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->full_name;
}

void
rp_attendee_set_full_name (RpAttendee *self,
                           const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (rp_set_string (&self->full_name, value))
    {
      g_clear_pointer (&self->full_name_key, g_free);
      g_clear_pointer (&self->full_name_sort_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
    }
}

const char *
rp_attendee_get_preferred_name (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->preferred_name;
}

void
rp_attendee_set_preferred_name (RpAttendee *self,
                                const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->preferred_name, value))
    {
      g_clear_pointer (&self->preferred_name_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED_NAME]);
    }
}

/**
 * rp_attendee_make_search_key:
 *
 * Returns: (transfer full) (nullable): @text normalised and casefolded, so
 *   that "ZOË" is found by "zoë", whether the ë was typed as one character or two
 */
char *
rp_attendee_make_search_key (const char *text)
{
  g_autofree char *normalised = NULL;
  const char *p;

  if (text == NULL)
    return NULL;

  /* Most names are ASCII, which normalising leaves as it is: lower case is all it takes. */
  for (p = text; *p != '\0' && !(*p & 0x80); p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  normalised = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return normalised != NULL ? g_utf8_casefold (normalised, -1) : NULL;
}

/* Kept until the name changes: folding 100,000 names on every keystroke of a
 * search took longer than a frame. */
const char *
rp_attendee_get_full_name_key (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  if (self->full_name_key == NULL)
    self->full_name_key = rp_attendee_make_search_key (self->full_name);

  return self->full_name_key;
}

const char *
rp_attendee_get_preferred_name_key (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  if (self->preferred_name_key == NULL)
    self->preferred_name_key = rp_attendee_make_search_key (self->preferred_name);

  return self->preferred_name_key;
}

const char *
rp_attendee_get_date_of_birth (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->date_of_birth;
}

void
rp_attendee_set_date_of_birth (RpAttendee *self,
                               const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->date_of_birth, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_OF_BIRTH]);
}

const char *
rp_attendee_get_contact_name (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->contact_name;
}

void
rp_attendee_set_contact_name (RpAttendee *self,
                              const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->contact_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_NAME]);
}

const char *
rp_attendee_get_contact_relationship (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->contact_relationship;
}

void
rp_attendee_set_contact_relationship (RpAttendee *self,
                                      const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->contact_relationship, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_RELATIONSHIP]);
}

const char *
rp_attendee_get_contact_phone (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->contact_phone;
}

void
rp_attendee_set_contact_phone (RpAttendee *self,
                               const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->contact_phone, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_PHONE]);
}

gboolean
rp_attendee_get_wheelchair_user (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), FALSE);

  return self->wheelchair_user;
}

void
rp_attendee_set_wheelchair_user (RpAttendee *self,
                                 gboolean    value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  value = !!value;

  if (self->wheelchair_user == value)
    return;

  self->wheelchair_user = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHEELCHAIR_USER]);
}

gboolean
rp_attendee_get_transport_needed (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), FALSE);

  return self->transport_needed;
}

void
rp_attendee_set_transport_needed (RpAttendee *self,
                                  gboolean    value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  value = !!value;

  if (self->transport_needed == value)
    return;

  self->transport_needed = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSPORT_NEEDED]);
}

const char *
rp_attendee_get_access_needs (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->access_needs;
}

void
rp_attendee_set_access_needs (RpAttendee *self,
                              const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->access_needs, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESS_NEEDS]);
}

static void
set_communication (RpAttendee *self,
                   guint       field,
                   const char *value)
{
  g_autofree char *canonical = NULL;

  g_assert (field < N_COMM);

  if (value != NULL && value[0] == '\0')
    value = NULL;

  /* Keys are kept in their one standard form, so that the database, the
   * audit trail and the CSV file compare alike; a list with a word not known
   * is kept as typed for rp_attendee_validate() to refuse. */
  if (value != NULL && (field == COMM_COMMUNICATION_NEEDS || field == COMM_CONTACT_COMMUNICATION_NEEDS))
    {
      RpCommunicationNeeds needs;

      if (rp_communication_needs_parse (value, &needs, NULL))
        value = canonical = rp_communication_needs_to_string (needs);
    }
  else if (value != NULL && (field == COMM_PREFERRED_CONTACT || field == COMM_CONTACT_PREFERRED_CONTACT))
    {
      RpPreferredContact method;

      if (rp_preferred_contact_parse (value, &method, NULL))
        value = rp_preferred_contact_to_string (method);
    }

  if (rp_set_string (&self->communication[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[COMM_PROP (field)]);
}

const char *
rp_attendee_get_communication_needs (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->communication[COMM_COMMUNICATION_NEEDS];
}

void
rp_attendee_set_communication_needs (RpAttendee *self,
                                     const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  set_communication (self, COMM_COMMUNICATION_NEEDS, value);
}

const char *
rp_attendee_get_interpreter_language (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->communication[COMM_INTERPRETER_LANGUAGE];
}

void
rp_attendee_set_interpreter_language (RpAttendee *self,
                                      const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  set_communication (self, COMM_INTERPRETER_LANGUAGE, value);
}

const char *
rp_attendee_get_preferred_contact (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->communication[COMM_PREFERRED_CONTACT];
}

void
rp_attendee_set_preferred_contact (RpAttendee *self,
                                   const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  set_communication (self, COMM_PREFERRED_CONTACT, value);
}

const char *
rp_attendee_get_communication_notes (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->communication[COMM_COMMUNICATION_NOTES];
}

void
rp_attendee_set_communication_notes (RpAttendee *self,
                                     const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  set_communication (self, COMM_COMMUNICATION_NOTES, value);
}

const char *
rp_attendee_get_contact_communication_needs (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->communication[COMM_CONTACT_COMMUNICATION_NEEDS];
}

void
rp_attendee_set_contact_communication_needs (RpAttendee *self,
                                             const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  set_communication (self, COMM_CONTACT_COMMUNICATION_NEEDS, value);
}

const char *
rp_attendee_get_contact_interpreter_language (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->communication[COMM_CONTACT_INTERPRETER_LANGUAGE];
}

void
rp_attendee_set_contact_interpreter_language (RpAttendee *self,
                                              const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  set_communication (self, COMM_CONTACT_INTERPRETER_LANGUAGE, value);
}

const char *
rp_attendee_get_contact_preferred_contact (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->communication[COMM_CONTACT_PREFERRED_CONTACT];
}

void
rp_attendee_set_contact_preferred_contact (RpAttendee *self,
                                           const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  set_communication (self, COMM_CONTACT_PREFERRED_CONTACT, value);
}

RpFunding
rp_attendee_get_funding (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), 0);

  return self->funding;
}

void
rp_attendee_set_funding (RpAttendee *self,
                         RpFunding   value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (self->funding == value)
    return;

  self->funding = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNDING]);
}

gint64
rp_attendee_get_worker_id (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), 0);

  return self->worker_id;
}

void
rp_attendee_set_worker_id (RpAttendee *self,
                           gint64      value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (self->worker_id == value)
    return;

  self->worker_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKER_ID]);
}

const char *
rp_attendee_get_worker_name (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->worker_name;
}

void
rp_attendee_set_worker_name (RpAttendee *self,
                             const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->worker_name, value))
    {
      g_clear_pointer (&self->worker_name_sort_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKER_NAME]);
    }
}

/* Sorting by name compares these with strcmp(), in the order of
 * rp_name_sort_key() (the same on a file and a team database), without
 * collating both names for each of the 1.7 million comparisons that sort
 * 100,000 attendees. */
const char *
rp_attendee_get_full_name_sort_key (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  if (self->full_name_sort_key == NULL && self->full_name != NULL)
    self->full_name_sort_key = rp_name_sort_key (self->full_name);

  return self->full_name_sort_key;
}

const char *
rp_attendee_get_worker_name_sort_key (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  if (self->worker_name_sort_key == NULL && self->worker_name != NULL)
    self->worker_name_sort_key = rp_name_sort_key (self->worker_name);

  return self->worker_name_sort_key;
}

int
rp_attendee_get_step (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), 0);

  return self->step;
}

void
rp_attendee_set_step (RpAttendee *self,
                      int         value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (self->step == value)
    return;

  self->step = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

const char *
rp_attendee_get_step_since (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->step_since;
}

void
rp_attendee_set_step_since (RpAttendee *self,
                            const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->step_since, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_SINCE]);
}

const char *
rp_attendee_get_case_notes (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->case_notes;
}

void
rp_attendee_set_case_notes (RpAttendee *self,
                            const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->case_notes, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_NOTES]);
}

const char *
rp_attendee_get_report_note (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->report_note;
}

void
rp_attendee_set_report_note (RpAttendee *self,
                             const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->report_note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_NOTE]);
}

const char *
rp_attendee_get_target_date (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->target_date;
}

void
rp_attendee_set_target_date (RpAttendee *self,
                             const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->target_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_DATE]);
}

RpOutcome
rp_attendee_get_outcome (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), 0);

  return self->outcome;
}

void
rp_attendee_set_outcome (RpAttendee *self,
                         RpOutcome   value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (self->outcome == value)
    return;

  self->outcome = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

const char *
rp_attendee_get_outcome_date (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->outcome_date;
}

void
rp_attendee_set_outcome_date (RpAttendee *self,
                              const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->outcome_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME_DATE]);
}

gint64
rp_attendee_get_moved_to_provider_id (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), 0);

  return self->moved_to_provider_id;
}

void
rp_attendee_set_moved_to_provider_id (RpAttendee *self,
                                      gint64      value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (self->moved_to_provider_id == value)
    return;

  self->moved_to_provider_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVED_TO_PROVIDER_ID]);
}

const char *
rp_attendee_get_moved_to_provider_name (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->moved_to_provider_name;
}

void
rp_attendee_set_moved_to_provider_name (RpAttendee *self,
                                        const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->moved_to_provider_name, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVED_TO_PROVIDER_NAME]);
}

const char *
rp_attendee_get_outcome_reason (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->outcome_reason;
}

void
rp_attendee_set_outcome_reason (RpAttendee *self,
                                const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->outcome_reason, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME_REASON]);
}

gboolean
rp_attendee_get_archived (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), FALSE);

  return self->archived;
}

void
rp_attendee_set_archived (RpAttendee *self,
                          gboolean    value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  value = !!value;

  if (self->archived == value)
    return;

  self->archived = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

/* After the move ------------------------------------------------------------ */

gboolean
rp_attendee_get_interim (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), FALSE);

  return self->interim;
}

void
rp_attendee_set_interim (RpAttendee *self,
                         gboolean    value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  value = !!value;
  if (self->interim == value)
    return;

  self->interim = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERIM]);
}

gint64
rp_attendee_get_permanent_provider_id (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), 0);

  return self->permanent_provider_id;
}

void
rp_attendee_set_permanent_provider_id (RpAttendee *self,
                                       gint64      value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (self->permanent_provider_id == value)
    return;

  self->permanent_provider_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERMANENT_PROVIDER_ID]);
}

#define STRING_ACCESSORS(field, PROP) \
const char * \
rp_attendee_get_##field (RpAttendee *self) \
{ \
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL); \
  return self->field; \
} \
\
void \
rp_attendee_set_##field (RpAttendee *self, \
                         const char *value) \
{ \
  g_return_if_fail (RP_IS_ATTENDEE (self)); \
  if (value != NULL && value[0] == '\0') \
    value = NULL; \
  if (rp_set_string (&self->field, value)) \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
}

STRING_ACCESSORS (permanent_date, PROP_PERMANENT_DATE)
/* When the follow-up review since the move was held; read by the store, never written by it. */
STRING_ACCESSORS (follow_up_held_on, PROP_FOLLOW_UP_HELD_ON)
/* The latest review of any kind; read by the store, never written by it. */
STRING_ACCESSORS (last_review_on, PROP_LAST_REVIEW_ON)

#undef STRING_ACCESSORS

/**
 * rp_attendee_get_display_name:
 *
 * Returns: (transfer none) (nullable): the name the person prefers, or their full name
 */
const char *
rp_attendee_get_display_name (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->preferred_name != NULL ? self->preferred_name : self->full_name;
}

/**
 * rp_attendee_check_date_of_birth:
 * @date_iso: (nullable): a real ISO date, or %NULL for none
 * @today_iso: today
 *
 * A date of birth cannot be in the future: the rule the attendee's page
 * applies to the field as it is typed, and every save applies again.
 */
gboolean
rp_attendee_check_date_of_birth (const char  *date_iso,
                                 const char  *today_iso,
                                 GError     **error)
{
  g_return_val_if_fail (today_iso != NULL, FALSE);

  if (date_iso != NULL && rp_date_compare (date_iso, today_iso) > 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The date of birth cannot be in the future."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_attendee_validate:
 *
 * Returns: %TRUE if the attendee can be saved; otherwise a clear error
 */
gboolean
rp_attendee_validate (RpAttendee  *self,
                      GError     **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (RP_IS_ATTENDEE (self), FALSE);

  if (self->number < 1)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The attendee number must be a whole number from 1 upwards."));
      return FALSE;
    }

  if (!rp_check_required (self->full_name, _("Enter the attendee’s full name."), error) ||
      !rp_check_name (self->full_name, RP_SHORT_TEXT_MAX, _("The full name"), error) ||
      !rp_check_name (self->preferred_name, RP_SHORT_TEXT_MAX, _("The preferred name"), error) ||
      !rp_check_name (self->contact_name, RP_SHORT_TEXT_MAX, _("The contact’s name"), error) ||
      !rp_check_text (self->contact_relationship, RP_SHORT_TEXT_MAX, _("The relationship"), error) ||
      !rp_check_text (self->contact_phone, RP_SHORT_TEXT_MAX, _("The phone number"), error) ||
      !rp_check_text (self->access_needs, RP_LONG_TEXT_MAX, _("The access needs"), error) ||
      !rp_check_text (self->case_notes, RP_LONG_TEXT_MAX, _("The case notes"), error) ||
      !rp_check_text (self->report_note, RP_LONG_TEXT_MAX, _("The report note"), error) ||
      !rp_check_text (self->outcome_reason, RP_LONG_TEXT_MAX, _("The reason for leaving"), error) ||
      !rp_check_text (self->communication[COMM_COMMUNICATION_NOTES], RP_LONG_TEXT_MAX,
                      _("The communication notes"), error) ||
      !rp_communication_check (self->communication[COMM_COMMUNICATION_NEEDS],
                               self->communication[COMM_INTERPRETER_LANGUAGE],
                               self->communication[COMM_PREFERRED_CONTACT],
                               _("the person"), error) ||
      !rp_communication_check (self->communication[COMM_CONTACT_COMMUNICATION_NEEDS],
                               self->communication[COMM_CONTACT_INTERPRETER_LANGUAGE],
                               self->communication[COMM_CONTACT_PREFERRED_CONTACT],
                               _("their family contact"), error) ||
      !rp_date_check (self->date_of_birth, _("The date of birth"), error) ||
      !rp_date_check (self->target_date, _("The target moving date"), error) ||
      !rp_date_check (self->outcome_date, _("The date of the move"), error) ||
      !rp_date_check (self->permanent_date, _("The date of the permanent move"), error))
    return FALSE;

  today = rp_date_today ();
  if (!rp_attendee_check_date_of_birth (self->date_of_birth, today, error))
    return FALSE;

  if (self->step < 1 || self->step > 6)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Step %d does not exist. The moving plan has steps 1 to 6."), self->step);
      return FALSE;
    }

  if (self->outcome == RP_OUTCOME_MOVED && self->moved_to_provider_id <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("A move needs the provider the person moved to."));
      return FALSE;
    }

  /* An interim place belongs to a move; the store drops it with the move. */
  if (self->interim && self->outcome == RP_OUTCOME_MOVED && self->permanent_provider_id <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("An interim move needs the provider of the permanent place planned."));
      return FALSE;
    }

  if (self->interim && self->outcome == RP_OUTCOME_MOVED && self->permanent_provider_id == self->moved_to_provider_id)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The permanent place must be with another provider than the interim one: "
                             "if the person stays where they are, the move is not interim."));
      return FALSE;
    }

  if (self->outcome != RP_OUTCOME_ATTENDING && self->outcome_date == NULL)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           self->outcome == RP_OUTCOME_MOVED
                           ? _("A move needs the date the person moved.")
                           : _("Enter the date the person left."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_attendee_get_last_family_contact:
 *
 * Returns: (nullable): the date of the newest contact with the family or
 *   the advocate in the contact log, read with the attendee, or %NULL when
 *   none is logged
 */
const char *
rp_attendee_get_last_family_contact (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->last_family_contact;
}

void
rp_attendee_set_last_family_contact (RpAttendee *self,
                                     const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->last_family_contact, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_FAMILY_CONTACT]);
}

/**
 * rp_attendee_get_contact_log_since:
 *
 * Returns: (nullable): the day the contact log of the attendee's programme
 *   began (its creation, or the update that brought the log), read with the
 *   attendee; the attention rule counts days without contact from no earlier
 */
const char *
rp_attendee_get_contact_log_since (RpAttendee *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE (self), NULL);

  return self->contact_log_since;
}

void
rp_attendee_set_contact_log_since (RpAttendee *self,
                                   const char *value)
{
  g_return_if_fail (RP_IS_ATTENDEE (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  rp_set_string (&self->contact_log_since, value);
}
