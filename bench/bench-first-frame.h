/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-first-frame.h: report the first frame a window draws, then quit */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether the frame just drawn is the one that counts. */
typedef gboolean (*BenchFrameReady) (GtkWindow *window);

/* Called instead of quitting, once the first frame that counts is reported. */
typedef void (*BenchFrameDone) (GtkWindow *window);

guint64 bench_first_frame_peak_rss_kb (void);
void    bench_quit_on_first_frame     (GtkWindow       *window,
                                       BenchFrameReady  ready);
void    bench_on_first_frame          (GtkWindow       *window,
                                       BenchFrameReady  ready,
                                       BenchFrameDone   done);

G_END_DECLS
