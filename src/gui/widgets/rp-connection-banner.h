/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_CONNECTION_BANNER (rp_connection_banner_get_type ())

G_DECLARE_FINAL_TYPE (RpConnectionBanner, rp_connection_banner, RP, CONNECTION_BANNER, GtkWidget)

void rp_connection_banner_set_session (RpConnectionBanner *self,
                                       RpSession          *session);

G_END_DECLS
