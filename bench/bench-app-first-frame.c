/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-app-first-frame.c: Reprovision started as main.c starts it, until the attendees are drawn */

#include "config.h"

#include <glib/gi18n.h>

#include "bench-first-frame.h"
#include "rp-application.h"
#include "rp-attendee-list-page.h"
#include "rp-taster-days-page.h"
#include "rp-window.h"

/* What happens on the main thread after the first frame: until the main loop
 * is idle, then while the Taster Days area is built, read and shown. */
static struct
{
  void      (*refresh) (RpAreaPage *page);   /* the Taster Days page's own */
  gint64      refresh_us;                    /* main-thread time in its refreshes */
  guint       n_refreshes;
  gint64      last_probe;
  gint64      longest_stall_us;              /* the longest the main loop was kept busy */
  guint       probe_source;
  gint64      shown_at;
  GtkWidget  *opened_day;
  gint64      opened_at;
  gint64      last_frame;
  gint64      longest_frame_us;              /* the longest from one frame to the next while a day opens */
} watch;

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The frame that counts shows the programme's attendees, not an empty window. */
static gboolean
shows_attendees (GtkWindow *window)
{
  GtkWidget *page;

  if (g_strcmp0 (rp_window_get_view (RP_WINDOW (window)), "programme") != 0 ||
      g_strcmp0 (rp_window_get_area (RP_WINDOW (window)), "attendees") != 0)
    return FALSE;

  page = find_widget (GTK_WIDGET (window), RP_TYPE_ATTENDEE_LIST_PAGE);
  return page != NULL && g_list_model_get_n_items (G_LIST_MODEL (rp_attendee_list_page_get_list (RP_ATTENDEE_LIST_PAGE (page)))) > 0;
}

/* The page's refresh, timed; the app itself has no benchmark hook. */
static void
timed_refresh (RpAreaPage *page)
{
  gint64 start = g_get_monotonic_time ();

  watch.refresh (page);
  watch.refresh_us += g_get_monotonic_time () - start;
  watch.n_refreshes++;
}

/* A high-priority tick every millisecond: a long gap between two ticks is
 * the main loop kept busy by one piece of work. */
static gboolean
probe (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  watch.longest_stall_us = MAX (watch.longest_stall_us, now - watch.last_probe);
  watch.last_probe = now;
  return G_SOURCE_CONTINUE;
}

/* Whether @root holds a button labelled @label. */
static gboolean
has_button (GtkWidget  *root,
            const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_button (child, label))
      return TRUE;

  return FALSE;
}

/* Every frame until the day opened shows all its bookings, which end with its buttons. */
static void
on_opened (GdkFrameClock *clock,
           GtkWindow     *window)
{
  gint64 now = g_get_monotonic_time ();

  watch.longest_frame_us = MAX (watch.longest_frame_us, now - watch.last_frame);
  watch.last_frame = now;
  if (!has_button (watch.opened_day, "Ca_ncel Day…"))
    return;

  g_print ("open-day-us %" G_GINT64_FORMAT " open-day-longest-frame-us %" G_GINT64_FORMAT
           " opened-peak-rss-kb %" G_GUINT64_FORMAT "\n",
           now - watch.opened_at, watch.longest_frame_us, bench_first_frame_peak_rss_kb ());
  fflush (stdout);

  g_signal_handlers_disconnect_by_func (clock, on_opened, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_shown (GdkFrameClock *clock,
          GtkWindow     *window)
{
  GtkWidget *page = find_widget (GTK_WIDGET (window), RP_TYPE_TASTER_DAYS_PAGE);
  GtkWidget *first_day = find_widget (page, ADW_TYPE_EXPANDER_ROW);

  g_print ("taster-days-shown-us %" G_GINT64_FORMAT " shown-peak-rss-kb %" G_GUINT64_FORMAT
           " taster-days-refresh-us %" G_GINT64_FORMAT " taster-days-refreshes %u\n",
           g_get_monotonic_time () - watch.shown_at, bench_first_frame_peak_rss_kb (),
           watch.refresh_us, watch.n_refreshes);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_shown, window);

  /* Then the first day is opened, as a click on it does, until all its bookings are shown. */
  g_assert (first_day != NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_opened), window);
  watch.opened_day = first_day;
  watch.opened_at = watch.last_frame = g_get_monotonic_time ();
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first_day), TRUE);
}

/* Runs below anything else the app has to do, so once the main loop is idle. */
static gboolean
on_settled (gpointer user_data)
{
  GtkWindow *window = user_data;

  g_clear_handle_id (&watch.probe_source, g_source_remove);
  g_print ("settled-peak-rss-kb %" G_GUINT64_FORMAT " longest-stall-us %" G_GINT64_FORMAT "\n",
           bench_first_frame_peak_rss_kb (), watch.longest_stall_us);
  fflush (stdout);

  /* Then the Taster Days area is shown, as Alt+2 does: it is built and read
   * on its first showing, until the frame that draws it. */
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_shown), window);
  watch.shown_at = g_get_monotonic_time ();
  g_object_set (window, "area", "taster-days", NULL);
  return G_SOURCE_REMOVE;
}

static void
after_first_frame (GtkWindow *window)
{
  watch.last_probe = g_get_monotonic_time ();
  watch.probe_source = g_timeout_add_full (G_PRIORITY_HIGH, 1, probe, NULL, NULL);
  g_idle_add_full (G_PRIORITY_LOW + 100, on_settled, window, NULL);
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  if (RP_IS_WINDOW (window))
    bench_on_first_frame (window, shows_attendees, after_first_frame);
}

/* As main.c, with one signal handler more; the database is the argument. */
int
main (int    argc,
      char **argv)
{
  g_autoptr(RpApplication) application = NULL;
  RpAreaPageClass *page_class;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  page_class = g_type_class_ref (RP_TYPE_TASTER_DAYS_PAGE);
  watch.refresh = page_class->refresh;
  page_class->refresh = timed_refresh;

  application = rp_application_new ();
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
