/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-after-move-group.h: the attendee page's "After the Move" section:
 * reviews due and held, an interim place, and the person's outcomes */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_AFTER_MOVE_GROUP (rp_after_move_group_get_type ())

G_DECLARE_FINAL_TYPE (RpAfterMoveGroup, rp_after_move_group, RP, AFTER_MOVE_GROUP, AdwBin)

void rp_after_move_group_show (RpAfterMoveGroup *self,
                               RpStore          *store,
                               RpProgramme      *programme,
                               RpAttendee       *attendee);

G_END_DECLS
