/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-sample.h: the sample programme, modelled on the reference scrutiny report */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

RpProgramme *rp_sample_create (RpStore  *store,
                               GError  **error);
/* After the move: three people moved, reviewed and in an interim place. */
gboolean     rp_sample_add_moves (RpStore      *store,
                                  RpProgramme  *programme,
                                  GError      **error);

G_END_DECLS
