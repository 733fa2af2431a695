/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-communication.h: a person's communication needs, as the Accessible Information Standard asks */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The needs recorded for a person or their family contact. The database
 * holds them as a comma list of stable keys, in this order:
 * "easy-read,large-print,bsl,makaton,reader,interpreter". */
typedef enum /*< flags >*/
{
  RP_COMMUNICATION_NONE        = 0,
  RP_COMMUNICATION_EASY_READ   = 1 << 0,
  RP_COMMUNICATION_LARGE_PRINT = 1 << 1,
  RP_COMMUNICATION_BSL         = 1 << 2,
  RP_COMMUNICATION_MAKATON     = 1 << 3,
  RP_COMMUNICATION_READER      = 1 << 4,  /* needs someone to read it to them */
  RP_COMMUNICATION_INTERPRETER = 1 << 5,  /* a spoken-language interpreter; the language is kept apart */
} RpCommunicationNeeds;

#define RP_COMMUNICATION_N_NEEDS 6

/* How a person would like to be contacted. Stored as its key. */
typedef enum
{
  RP_PREFERRED_CONTACT_NONE,
  RP_PREFERRED_CONTACT_LETTER,
  RP_PREFERRED_CONTACT_PHONE,
  RP_PREFERRED_CONTACT_TEXT,
  RP_PREFERRED_CONTACT_EMAIL,
  RP_PREFERRED_CONTACT_VISIT,
  RP_PREFERRED_CONTACT_VIDEO_CALL,
} RpPreferredContact;

#define RP_PREFERRED_CONTACT_N (RP_PREFERRED_CONTACT_VIDEO_CALL + 1)

/* The form a family's schedule takes, from their needs. */
typedef enum
{
  RP_SCHEDULE_FORMAT_PLAIN,
  RP_SCHEDULE_FORMAT_LARGE_PRINT,
  RP_SCHEDULE_FORMAT_EASY_READ,
} RpScheduleFormat;

RpCommunicationNeeds rp_communication_need_nth          (guint                 n);
const char          *rp_communication_need_to_string    (RpCommunicationNeeds  need);
const char          *rp_communication_need_get_label    (RpCommunicationNeeds  need);
gboolean             rp_communication_needs_parse       (const char           *text,
                                                         RpCommunicationNeeds *needs,
                                                         GError              **error);
char                *rp_communication_needs_to_string   (RpCommunicationNeeds  needs);
char                *rp_communication_needs_normalise   (const char           *text,
                                                         GError              **error);

const char          *rp_preferred_contact_to_string        (RpPreferredContact       method);
const char          *rp_preferred_contact_get_label        (RpPreferredContact       method);
gboolean             rp_preferred_contact_parse            (const char           *text,
                                                         RpPreferredContact      *method,
                                                         GError              **error);

gboolean             rp_communication_check             (const char           *needs,
                                                         const char           *language,
                                                         const char           *preferred,
                                                         const char           *whose,
                                                         GError              **error);
char                *rp_communication_flag_text         (const char           *needs,
                                                         const char           *language,
                                                         const char           *preferred);
gboolean             rp_communication_language_is_english (const char         *language);

const char          *rp_schedule_format_to_string       (RpScheduleFormat      format);
const char          *rp_schedule_format_get_label       (RpScheduleFormat      format);
gboolean             rp_schedule_format_parse           (const char           *text,
                                                         RpScheduleFormat     *format,
                                                         GError              **error);
RpScheduleFormat     rp_schedule_format_for_needs       (const char           *needs,
                                                         const char           *contact_needs);

G_END_DECLS
