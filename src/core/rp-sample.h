/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-sample.h: the sample programme, modelled on the reference scrutiny report */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

RpProgramme *rp_sample_create (RpStore  *store,
                               GError  **error);

G_END_DECLS
