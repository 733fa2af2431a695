/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-providers-window.h: the providers that run taster days and offer new provision */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-record-list-window.h"

G_BEGIN_DECLS

#define RP_TYPE_PROVIDERS_WINDOW (rp_providers_window_get_type ())

G_DECLARE_FINAL_TYPE (RpProvidersWindow, rp_providers_window, RP, PROVIDERS_WINDOW, RpRecordListWindow)

RpProvidersWindow *rp_providers_window_new (GtkWindow *parent,
                                            RpStore   *store);

G_END_DECLS
