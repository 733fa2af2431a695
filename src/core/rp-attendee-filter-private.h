/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-filter-private.h: what only the tests ask of a filter */
#pragma once

#include "rp-attendee-filter.h"

G_BEGIN_DECLS

gboolean          rp_attendee_filter_is_default   (RpAttendeeFilter *self);

G_END_DECLS
