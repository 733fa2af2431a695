/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-generate.h: a synthetic programme of any size, for benchmarks and trying out reports */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

RpProgramme *rp_generate_programme (RpStore  *store,
                                    guint     n_attendees,
                                    guint32   seed,
                                    GError  **error);

G_END_DECLS
