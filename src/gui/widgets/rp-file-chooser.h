/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-file-chooser.h: where file choosers open, away from the live database */
#pragma once

#include <gtk/gtk.h>

#include "rp-core.h"

G_BEGIN_DECLS

void rp_file_chooser_open_away_from (GtkFileChooser *chooser,
                                     RpStore        *store);

G_END_DECLS
