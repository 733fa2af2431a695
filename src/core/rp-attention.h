/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attention.h: the markers that tell a worker an attendee needs attention */
#pragma once

#include "rp-attendee.h"
#include "rp-rules-context.h"

G_BEGIN_DECLS

typedef enum
{
  RP_ATTENTION_NONE                 = 0,
  RP_ATTENTION_NO_WORKER            = 1 << 0,
  RP_ATTENTION_STALLED              = 1 << 1,  /* no step change for too long */
  RP_ATTENTION_TARGET_PASSED        = 1 << 2,  /* target moving date gone, still attending */
  RP_ATTENTION_TARGET_AFTER_CLOSURE = 1 << 3,  /* target moving date after the centre closes */
  RP_ATTENTION_FAMILY_NOT_CONTACTED = 1 << 4,  /* no contact with the family logged for too long, or ever */
  /* After the move (issue 17); the higher bits come first when sorting by attention. */
  RP_ATTENTION_FOLLOW_UP_DUE        = 1 << 8,  /* follow-up review falls within two weeks */
  RP_ATTENTION_FOLLOW_UP_OVERDUE    = 1 << 9,
  RP_ATTENTION_ANNUAL_OVERDUE       = 1 << 10,
  RP_ATTENTION_INTERIM              = 1 << 11, /* in an interim place until the permanent move */
} RpAttention;

RpAttention  rp_attention_for_attendee (RpAttendee            *attendee,
                                        const RpRulesContext  *rules);
char        *rp_attention_describe     (RpAttention            attention,
                                        RpAttendee            *attendee,
                                        const char            *today);
/* As rp_attention_describe(), with the programme's weeks to the follow-up review. */
char        *rp_attention_describe_for (RpAttention            attention,
                                        RpAttendee            *attendee,
                                        const RpRulesContext  *rules);

G_END_DECLS
