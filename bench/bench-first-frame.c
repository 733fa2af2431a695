/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-first-frame.c: report the first frame a window draws, then quit */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-first-frame.h"

/* A start that never shows its first frame must still end. */
#define GIVE_UP_SECONDS 300

/* The most resident memory the process has used, in KiB (VmHWM). */
guint64
bench_first_frame_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmHWM:")) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen ("\nVmHWM:"), NULL, 10);
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  BenchFrameReady ready = g_object_get_data (G_OBJECT (window), "bench-frame-ready");
  BenchFrameDone done = g_object_get_data (G_OBJECT (window), "bench-frame-done");

  if (ready != NULL && !ready (window))
    return;

  /* The monotonic clock is the same in every process, so bench-cold-start
   * subtracts the moment it started this one. */
  g_print ("first-frame %" G_GINT64_FORMAT " peak-rss-kb %" G_GUINT64_FORMAT "\n",
           g_get_monotonic_time (), bench_first_frame_peak_rss_kb ());
  fflush (stdout);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  if (done != NULL)
    done (window);
  else
    g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), window, 0);
}

static gboolean
give_up (gpointer user_data)
{
  g_printerr ("No first frame after %d s\n", GIVE_UP_SECONDS);
  exit (EXIT_FAILURE);
}

/**
 * bench_quit_on_first_frame:
 * @ready: (nullable): says whether a frame counts; %NULL for the first one drawn
 *
 * Prints the monotonic time and peak RSS when @window has drawn its first
 * frame that counts, then quits the application.
 */
void
bench_quit_on_first_frame (GtkWindow       *window,
                           BenchFrameReady  ready)
{
  bench_on_first_frame (window, ready, NULL);
}

/**
 * bench_on_first_frame:
 * @ready: (nullable): says whether a frame counts; %NULL for the first one drawn
 * @done: (nullable): what to do next; %NULL to quit
 *
 * As bench_quit_on_first_frame(), but @done carries on measuring and quits
 * the application itself.
 */
void
bench_on_first_frame (GtkWindow       *window,
                      BenchFrameReady  ready,
                      BenchFrameDone   done)
{
  g_object_set_data (G_OBJECT (window), "bench-frame-ready", ready);
  g_object_set_data (G_OBJECT (window), "bench-frame-done", done);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  g_timeout_add_seconds (GIVE_UP_SECONDS, give_up, NULL);
}
