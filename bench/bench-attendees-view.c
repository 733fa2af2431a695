/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-attendees-view.c: how the Attendees view copes with a council-sized programme */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"
#include "rp-attendees-page.h"
#include "rp-core.h"

#define RUNS 5

typedef struct
{
  const char *name;
  double      ms[RUNS];
} Figure;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (Figure *figure)
{
  bench_report (figure->name, figure->ms, RUNS);
}

static double
elapsed_ms (gint64 start)
{
  return bench_elapsed_ms (start);
}

/* Frames over budget while scrolling from top to bottom, one page per frame:
 * the work of each frame, from the frame clock's before-paint to its
 * after-paint (updating, layout and drawing), and the time between frames. */
typedef struct
{
  GtkAdjustment *adjustment;
  gint64         last_frame;
  gint64         frame_start;
  GArray        *intervals;
  GArray        *work;
  gboolean       done;
} Scroll;

static void
on_before_paint (GdkFrameClock *clock,
                 Scroll        *scroll)
{
  scroll->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Scroll        *scroll)
{
  double ms = (g_get_monotonic_time () - scroll->frame_start) / 1000.0;

  if (scroll->last_frame != 0 && !scroll->done)
    g_array_append_val (scroll->work, ms);
}

static void
print_frames (const char *name,
              GArray     *frames,
              double      budget)
{
  double *ms = (double *) frames->data;
  guint over = 0;

  qsort (ms, frames->len, sizeof (double), compare_doubles);
  for (guint i = 0; i < frames->len; i++)
    over += ms[i] > budget;
  g_print ("%-34s median %8.2f ms   (max %.2f), %u of %u frames over %.1f ms\n", name,
           frames->len > 0 ? ms[frames->len / 2] : 0.0, frames->len > 0 ? ms[frames->len - 1] : 0.0,
           over, frames->len, budget);
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Scroll *scroll = user_data;
  gint64 now = g_get_monotonic_time ();
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double page = gtk_adjustment_get_page_size (scroll->adjustment);

  if (scroll->last_frame != 0)
    {
      double interval = (now - scroll->last_frame) / 1000.0;
      g_array_append_val (scroll->intervals, interval);
    }
  scroll->last_frame = now;

  if (value + page >= gtk_adjustment_get_upper (scroll->adjustment) || scroll->intervals->len >= 400)
    {
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (scroll->adjustment, value + page);
  return G_SOURCE_CONTINUE;
}

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

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  int n_attendees = argc > 1 ? atoi (argv[1]) : 10000;
  g_autofree char *dir = g_dir_make_tmp ("reprovision-bench-XXXXXX", NULL);
  const char *cache_dir = argc > 2 ? argv[2] : dir;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  Figure load = { "load attendees from the database" };
  Figure open = { "open the Attendees view" };
  Figure sort_name = { "sort by name" };
  Figure sort_step = { "sort by step, descending" };
  /* "Sort by any column": the others, each from the step order above. */
  static const struct { const char *id, *figure; } other_columns[] = {
    { "attention", "sort by attention" }, { "status", "sort by status" }, { "worker", "sort by worker" },
    { "days", "sort by days at step" }, { "target", "sort by target date" }, { "outcome", "sort by outcome" },
    { "number", "sort by number" },
  };
  Figure sort_other[G_N_ELEMENTS (other_columns)];
  Figure filter_step = { "filter to one step" };
  Figure search_first = { "search by name, first letter" };
  Figure search = { "search by name, third letter" };
  Figure search_number = { "search by number" };
  gboolean peak_reset;
  guint64 peak_kb = 0;
  double generated_s;

  for (guint i = 0; i < G_N_ELEMENTS (other_columns); i++)
    sort_other[i].name = other_columns[i].figure;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  /* Only read: the cached programme is opened as it is. */
  path = bench_programme_path (cache_dir, n_attendees, &generated_s, &error);
  g_assert_no_error (error);
  store = bench_open_programme (path, &programme, &error);
  g_assert_no_error (error);
  if (generated_s > 0)
    g_print ("Attendees view with %d attendees (generated in %.1f s)\n\n", n_attendees, generated_s);
  else
    g_print ("Attendees view with %d attendees (generated earlier: %s)\n\n", n_attendees, path);

  /* Generating the programme is not what is measured. */
  peak_reset = bench_reset_peak_rss ();

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GListModel) list = NULL;
      GtkWidget *window = gtk_window_new ();
      RpAttendeesPage *page;
      RpAttendeeFilter *filter;
      gint64 start;

      start = g_get_monotonic_time ();
      list = rp_store_list_attendees (store, rp_programme_get_id (programme), NULL);
      load.ms[run] = elapsed_ms (start);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_attendees);
      g_clear_object (&list);

      start = g_get_monotonic_time ();
      page = g_object_new (RP_TYPE_ATTENDEES_PAGE, "store", store, "programme", programme, NULL);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
      gtk_window_present (GTK_WINDOW (window));
      spin ();
      open.ms[run] = elapsed_ms (start);
      if (run == 0)
        peak_kb = bench_peak_rss_kb ();
      filter = rp_attendees_page_get_filter (page);

      start = g_get_monotonic_time ();
      rp_attendees_page_sort_by (page, "name", GTK_SORT_ASCENDING);
      g_list_model_get_n_items (rp_attendees_page_get_model (page));
      sort_name.ms[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      rp_attendees_page_sort_by (page, "step", GTK_SORT_DESCENDING);
      g_list_model_get_n_items (rp_attendees_page_get_model (page));
      sort_step.ms[run] = elapsed_ms (start);

      for (guint i = 0; i < G_N_ELEMENTS (other_columns); i++)
        {
          rp_attendees_page_sort_by (page, "step", GTK_SORT_DESCENDING);
          start = g_get_monotonic_time ();
          rp_attendees_page_sort_by (page, other_columns[i].id, GTK_SORT_ASCENDING);
          g_list_model_get_n_items (rp_attendees_page_get_model (page));
          sort_other[i].ms[run] = elapsed_ms (start);
        }
      rp_attendees_page_sort_by (page, "step", GTK_SORT_DESCENDING);

      start = g_get_monotonic_time ();
      g_object_set (filter, "step", 3, NULL);
      filter_step.ms[run] = elapsed_ms (start);
      g_object_set (filter, "step", 0, NULL);

      /* Typed one letter at a time; the first also folds every name for searching. */
      start = g_get_monotonic_time ();
      g_object_set (filter, "search", "s", NULL);
      search_first.ms[run] = elapsed_ms (start);
      g_object_set (filter, "search", "sm", NULL);
      start = g_get_monotonic_time ();
      g_object_set (filter, "search", "smi", NULL);
      search.ms[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      g_object_set (filter, "search", "42", NULL);
      search_number.ms[run] = elapsed_ms (start);
      g_object_set (filter, "search", NULL, NULL);

      if (run == RUNS - 1)
        {
          GtkWidget *scroller = gtk_widget_get_parent (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
          GdkFrameClock *clock = gtk_widget_get_frame_clock (scroller);
          Scroll scroll = { gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0, 0,
                            g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
                            FALSE };

          rp_attendees_page_sort_by (page, "number", GTK_SORT_ASCENDING);
          spin ();
          g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &scroll);
          g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), &scroll);
          gtk_widget_add_tick_callback (scroller, scroll_tick, &scroll, NULL);
          for (gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
               !scroll.done && g_get_monotonic_time () < deadline;)
            g_main_context_iteration (NULL, TRUE);
          g_signal_handlers_disconnect_by_data (clock, &scroll);

          /* Xvfb paces frames at 60 Hz: an interval over one and a half frames is a frame missed. */
          print_frames ("scroll, work per frame", scroll.work, 16.0);
          print_frames ("scroll, time between frames", scroll.intervals, 1.5 * 1000.0 / 60);
          g_print ("\n");
          g_array_unref (scroll.intervals);
          g_array_unref (scroll.work);
        }

      gtk_window_destroy (GTK_WINDOW (window));
      spin ();
    }

  report (&load);
  report (&open);
  report (&sort_name);
  report (&sort_step);
  for (guint i = 0; i < G_N_ELEMENTS (other_columns); i++)
    report (&sort_other[i]);
  report (&filter_step);
  report (&search_first);
  report (&search);
  report (&search_number);
  g_print ("%-34s %8.1f MB   (VmHWM of the whole process%s)\n", "peak RSS, Attendees view open",
           peak_kb / 1024.0, peak_reset ? ", counted from after generating" : ", generation included");

  g_clear_object (&store);
  if (cache_dir == dir)
    bench_remove_database (path);
  g_rmdir (dir);
  return 0;
}
