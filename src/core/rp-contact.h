/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-contact.h: one entry in an attendee's contact log: a call, letter, visit, meeting or email */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Whom the contact was with; stored as the words of rp_contact_with_to_string(). */
typedef enum
{
  RP_CONTACT_WITH_FAMILY,
  RP_CONTACT_WITH_PERSON,     /* the attendee themselves */
  RP_CONTACT_WITH_PROVIDER,
  RP_CONTACT_WITH_ADVOCATE,
  RP_CONTACT_WITH_OTHER,
} RpContactWith;

/* How; NONE means not chosen yet, which a saved entry never is. */
typedef enum
{
  RP_CONTACT_METHOD_NONE,
  RP_CONTACT_METHOD_LETTER,
  RP_CONTACT_METHOD_PHONE,
  RP_CONTACT_METHOD_VISIT,
  RP_CONTACT_METHOD_MEETING,
  RP_CONTACT_METHOD_EMAIL,
} RpContactMethod;

#define RP_TYPE_CONTACT (rp_contact_get_type ())

G_DECLARE_FINAL_TYPE (RpContact, rp_contact, RP, CONTACT, GObject)

RpContact      *rp_contact_new                  (void);
RpContact      *rp_contact_copy                 (RpContact       *self);
gint64          rp_contact_get_id               (RpContact       *self);
void            rp_contact_set_id               (RpContact       *self,
                                                 gint64           value);
gint64          rp_contact_get_attendee_id      (RpContact       *self);
void            rp_contact_set_attendee_id      (RpContact       *self,
                                                 gint64           value);
const char     *rp_contact_get_contacted_on     (RpContact       *self);
void            rp_contact_set_contacted_on     (RpContact       *self,
                                                 const char      *value);
gint64          rp_contact_get_worker_id        (RpContact       *self);
void            rp_contact_set_worker_id        (RpContact       *self,
                                                 gint64           value);
const char     *rp_contact_get_worker_name      (RpContact       *self);
void            rp_contact_set_worker_name      (RpContact       *self,
                                                 const char      *value);
RpContactWith   rp_contact_get_with_whom        (RpContact       *self);
void            rp_contact_set_with_whom        (RpContact       *self,
                                                 RpContactWith    value);
const char     *rp_contact_get_with_name        (RpContact       *self);
void            rp_contact_set_with_name        (RpContact       *self,
                                                 const char      *value);
RpContactMethod rp_contact_get_method           (RpContact       *self);
void            rp_contact_set_method           (RpContact       *self,
                                                 RpContactMethod  value);
const char     *rp_contact_get_summary          (RpContact       *self);
void            rp_contact_set_summary          (RpContact       *self,
                                                 const char      *value);
gboolean        rp_contact_get_follow_up_needed (RpContact       *self);
void            rp_contact_set_follow_up_needed (RpContact       *self,
                                                 gboolean         value);
gboolean        rp_contact_check_date           (const char      *contacted_on,
                                                 const char      *today,
                                                 GError         **error);
gboolean        rp_contact_validate             (RpContact       *self,
                                                 const char      *today,
                                                 GError         **error);
/* "Phone call with the family (Nasreen Rahman)", for the log and the CLI. */
char           *rp_contact_describe             (RpContact       *self);

/* Stable words stored in the database and the CSV; never translated. */
const char     *rp_contact_with_to_string       (RpContactWith    with_whom);
gboolean        rp_contact_with_from_string     (const char      *text,
                                                 RpContactWith   *with_whom);
const char     *rp_contact_with_get_label       (RpContactWith    with_whom);
const char     *rp_contact_method_to_string     (RpContactMethod  method);
gboolean        rp_contact_method_from_string   (const char      *text,
                                                 RpContactMethod *method);
const char     *rp_contact_method_get_label     (RpContactMethod  method);

G_END_DECLS
