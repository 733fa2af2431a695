/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-save-watch.h: a form kept open after its save failed for a lost team connection follows the connection back */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_SAVE_WATCH (rp_save_watch_get_type ())

G_DECLARE_FINAL_TYPE (RpSaveWatch, rp_save_watch, RP, SAVE_WATCH, GObject)

RpSaveWatch *rp_save_watch_new    (GtkWindow   *form);
void         rp_save_watch_saving (RpSaveWatch *self,
                                   RpStore     *store);
void         rp_save_watch_failed (RpSaveWatch *self);
void         rp_save_watch_stop   (RpSaveWatch *self);

G_END_DECLS
