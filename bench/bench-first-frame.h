/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-first-frame.h: report the first frame a window draws, then quit */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether the frame just drawn is the one that counts. */
typedef gboolean (*BenchFrameReady) (GtkWindow *window);

void bench_quit_on_first_frame (GtkWindow       *window,
                                BenchFrameReady  ready);

G_END_DECLS
