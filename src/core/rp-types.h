/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-types.h: the enumerations of the domain (registered as GTypes by rp-enums) */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Who funds and leads the reprovision: the council (Adult Social Care) or the NHS. */
typedef enum
{
  RP_FUNDING_ASC,
  RP_FUNDING_HEALTH,
} RpFunding;

typedef enum
{
  RP_OUTCOME_ATTENDING,
  RP_OUTCOME_MOVED,
  RP_OUTCOME_LEFT,
} RpOutcome;

typedef enum
{
  RP_WORKER_ROLE_SOCIAL_WORKER,
  RP_WORKER_ROLE_DAY_CENTRE_STAFF,
  RP_WORKER_ROLE_MANAGER,
  RP_WORKER_ROLE_OTHER,
} RpWorkerRole;

typedef enum
{
  RP_BOOKING_INVITED,
  RP_BOOKING_CONFIRMED,
  RP_BOOKING_ATTENDED,
  RP_BOOKING_DECLINED,
  RP_BOOKING_CANCELLED,
} RpBookingStatus;

typedef enum
{
  RP_ACTION_NOT_STARTED,
  RP_ACTION_IN_PROGRESS,
  RP_ACTION_COMPLETED,
} RpActionStatus;

/* Stable words stored in the database; never translated. */
const char *rp_funding_to_string        (RpFunding       funding);
gboolean    rp_funding_from_string      (const char     *text,
                                         RpFunding      *funding);
const char *rp_funding_get_label        (RpFunding       funding);   /* "ASC", "Health" */
const char *rp_outcome_to_string        (RpOutcome       outcome);
gboolean    rp_outcome_from_string      (const char     *text,
                                         RpOutcome      *outcome);
const char *rp_outcome_get_label        (RpOutcome       outcome);
const char *rp_worker_role_to_string    (RpWorkerRole    role);
gboolean    rp_worker_role_from_string  (const char     *text,
                                         RpWorkerRole   *role);
const char *rp_worker_role_get_label    (RpWorkerRole    role);
const char *rp_booking_status_to_string (RpBookingStatus status);
gboolean    rp_booking_status_from_string (const char    *text,
                                         RpBookingStatus *status);
const char *rp_booking_status_get_label (RpBookingStatus status);
const char *rp_action_status_to_string  (RpActionStatus  status);
gboolean    rp_action_status_from_string (const char     *text,
                                         RpActionStatus  *status);
const char *rp_action_status_get_label  (RpActionStatus  status);

G_END_DECLS
