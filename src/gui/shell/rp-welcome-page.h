/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-welcome-page.h: what the window shows before any database is open */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RP_TYPE_WELCOME_PAGE (rp_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (RpWelcomePage, rp_welcome_page, RP, WELCOME_PAGE, AdwBin)

G_END_DECLS
