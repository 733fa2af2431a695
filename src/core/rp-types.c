/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-types.c: database words and plain labels for the domain's enumerations */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-types.h"

typedef struct
{
  const char *word;   /* stored in the database, never translated */
  const char *label;  /* shown to people, translated */
} EnumText;

static const EnumText funding_texts[] = {
  [RP_FUNDING_ASC]    = { "asc",    N_("ASC") },
  [RP_FUNDING_HEALTH] = { "health", N_("Health") },
};

static const EnumText outcome_texts[] = {
  [RP_OUTCOME_ATTENDING] = { "attending", N_("Still attending") },
  [RP_OUTCOME_MOVED]     = { "moved",     N_("Moved") },
  [RP_OUTCOME_LEFT]      = { "left",      N_("Left for another reason") },
};

static const EnumText worker_role_texts[] = {
  [RP_WORKER_ROLE_SOCIAL_WORKER]    = { "social-worker",    N_("Social worker") },
  [RP_WORKER_ROLE_DAY_CENTRE_STAFF] = { "day-centre-staff", N_("Day centre staff") },
  [RP_WORKER_ROLE_MANAGER]          = { "manager",          N_("Manager") },
  [RP_WORKER_ROLE_OTHER]            = { "other",            N_("Other") },
};

static const EnumText booking_status_texts[] = {
  [RP_BOOKING_INVITED]   = { "invited",   N_("Invited") },
  [RP_BOOKING_CONFIRMED] = { "confirmed", N_("Confirmed") },
  [RP_BOOKING_ATTENDED]  = { "attended",  N_("Attended") },
  [RP_BOOKING_DECLINED]  = { "declined",  N_("Declined") },
  [RP_BOOKING_CANCELLED] = { "cancelled", N_("Cancelled") },
};

static const EnumText action_status_texts[] = {
  [RP_ACTION_NOT_STARTED] = { "not-started", N_("Not started") },
  [RP_ACTION_IN_PROGRESS] = { "in-progress", N_("In progress") },
  [RP_ACTION_COMPLETED]   = { "completed",   N_("Completed") },
};

static gboolean
lookup_word (const EnumText *texts,
             guint           n_texts,
             const char     *word,
             guint          *value)
{
  if (word == NULL)
    return FALSE;

  for (guint i = 0; i < n_texts; i++)
    if (g_str_equal (texts[i].word, word))
      {
        *value = i;
        return TRUE;
      }

  return FALSE;
}

#define DEFINE_ENUM_TEXT(Type, prefix, texts)                                   \
  const char *                                                                   \
  prefix##_to_string (Type value)                                                \
  {                                                                              \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (texts), NULL);           \
    return texts[value].word;                                                    \
  }                                                                              \
                                                                                 \
  const char *                                                                   \
  prefix##_get_label (Type value)                                                \
  {                                                                              \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (texts), "");             \
    return _(texts[value].label);                                                \
  }                                                                              \
                                                                                 \
  gboolean                                                                       \
  prefix##_from_string (const char *text,                                        \
                        Type       *value)                                       \
  {                                                                              \
    guint found;                                                                 \
                                                                                 \
    g_return_val_if_fail (value != NULL, FALSE);                                 \
    if (!lookup_word (texts, G_N_ELEMENTS (texts), text, &found))                \
      return FALSE;                                                              \
    *value = (Type) found;                                                       \
    return TRUE;                                                                 \
  }

DEFINE_ENUM_TEXT (RpFunding, rp_funding, funding_texts)
DEFINE_ENUM_TEXT (RpOutcome, rp_outcome, outcome_texts)
DEFINE_ENUM_TEXT (RpWorkerRole, rp_worker_role, worker_role_texts)
DEFINE_ENUM_TEXT (RpBookingStatus, rp_booking_status, booking_status_texts)
DEFINE_ENUM_TEXT (RpActionStatus, rp_action_status, action_status_texts)
