/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-attendees-view.c: how the Attendees view copes with a council-sized programme */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"
#include "rp-attendee-table.h"
#include "rp-attendee-list-page.h"
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

/* Main-thread work: the main loop's time less the time it spent waiting in
 * poll(). Sorting, filtering and reading happen in a worker thread, so what
 * matters for frames is how long the main thread is busy, not how long the
 * answer takes. */
static gint64 poll_us;

static int
timed_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  gint64 start = g_get_monotonic_time ();
  int result = g_poll (fds, n_fds, timeout);

  poll_us += g_get_monotonic_time () - start;
  return result;
}

typedef struct
{
  const char *name;
  double      latency[RUNS];   /* until the answer is drawn */
  double      work[RUNS];      /* main-thread work in that time */
  double      longest[RUNS];   /* the longest the main loop was held at once */
} Change;

static guint paints;

static void
on_paint (GdkFrameClock *clock,
          gpointer       user_data)
{
  paints++;
}

/* Runs the main loop from a change until the list has its answer and a frame
 * showing it has been drawn. */
static void
measure_change (Change          *change,
                int              run,
                RpAttendeeListPage *page,
                void           (*act) (RpAttendeeListPage *page, gconstpointer data),
                gconstpointer    data)
{
  RpAttendeeList *list = rp_attendee_list_page_get_list (page);
  gint64 start = g_get_monotonic_time ();
  gint64 poll_start = poll_us;
  gint64 deadline = start + 60 * G_USEC_PER_SEC;
  double longest;
  guint paints_when_ready = G_MAXUINT;

  act (page, data);
  longest = bench_elapsed_ms (start);

  while (g_get_monotonic_time () < deadline)
    {
      gint64 iteration = g_get_monotonic_time ();
      gint64 polled = poll_us;
      double busy;

      if (paints_when_ready == G_MAXUINT && !rp_attendee_list_get_busy (list))
        {
          paints_when_ready = paints;
          gtk_widget_queue_draw (GTK_WIDGET (page));  /* a frame even if nothing in sight moved */
        }
      if (paints_when_ready != G_MAXUINT && paints > paints_when_ready)
        break;

      g_main_context_iteration (NULL, TRUE);
      busy = ((g_get_monotonic_time () - iteration) - (poll_us - polled)) / 1000.0;
      longest = MAX (longest, busy);
    }

  change->latency[run] = bench_elapsed_ms (start);
  change->work[run] = change->latency[run] - (poll_us - poll_start) / 1000.0;
  change->longest[run] = longest;
}

static void
report_change (Change *change)
{
  g_autofree char *work = g_strdup_printf ("%s: main-thread work", change->name);
  g_autofree char *longest = g_strdup_printf ("%s: longest hold", change->name);
  g_autofree char *latency = g_strdup_printf ("%s: until drawn", change->name);

  bench_report (work, change->work, RUNS);
  bench_report (longest, change->longest, RUNS);
  bench_report (latency, change->latency, RUNS);
}

static void
sort_by (RpAttendeeListPage *page,
         gconstpointer    data)
{
  const char *spec = data;

  /* "-step" is descending. */
  rp_attendee_list_page_sort_by (page, spec[0] == '-' ? spec + 1 : spec,
                             spec[0] == '-' ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
set_step (RpAttendeeListPage *page,
          gconstpointer    data)
{
  g_object_set (rp_attendee_list_page_get_filter (page), "step", GPOINTER_TO_INT (data), NULL);
}

static void
set_search (RpAttendeeListPage *page,
            gconstpointer    data)
{
  g_object_set (rp_attendee_list_page_get_filter (page), "search", (const char *) data, NULL);
}

static void
nothing (RpAttendeeListPage *page,
         gconstpointer    data)
{
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
  Change open = { "open the Attendees view" };
  Change sort_name = { "sort by name" };
  Change sort_step = { "sort by step, descending" };
  /* "Sort by any column": the others, each from the step order above. */
  static const struct { const char *id, *figure; } other_columns[] = {
    { "attention", "sort by attention" }, { "status", "sort by status" }, { "worker", "sort by worker" },
    { "days", "sort by days at step" }, { "target", "sort by target date" }, { "outcome", "sort by outcome" },
    { "number", "sort by number" },
  };
  Change sort_other[G_N_ELEMENTS (other_columns)];
  Change filter_step = { "filter to one step" };
  Change search_first = { "search by name, first letter" };
  Change search = { "search by name, third letter" };
  Change search_number = { "search by number" };
  Change settling = { "between figures" };
  gboolean peak_reset;
  guint64 peak_kb = 0;
  double generated_s;

  for (guint i = 0; i < G_N_ELEMENTS (other_columns); i++)
    sort_other[i].name = other_columns[i].figure;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  g_main_context_set_poll_func (NULL, timed_poll);

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
      RpAttendeeListPage *page;
      gint64 start;
      double built_ms;

      start = g_get_monotonic_time ();
      list = rp_store_list_attendees (store, rp_programme_get_id (programme), NULL);
      load.ms[run] = elapsed_ms (start);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_attendees);
      g_clear_object (&list);

      /* Building the page is one block of main-thread work before the loop runs. */
      start = g_get_monotonic_time ();
      page = g_object_new (RP_TYPE_ATTENDEE_LIST_PAGE, "store", store, "programme", programme, NULL);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
      gtk_window_present (GTK_WINDOW (window));
      built_ms = elapsed_ms (start);
      g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_paint), NULL);
      measure_change (&open, run, page, nothing, NULL);
      open.latency[run] += built_ms;
      open.work[run] += built_ms;
      open.longest[run] = MAX (open.longest[run], built_ms);
      if (run == 0)
        peak_kb = bench_peak_rss_kb ();

      measure_change (&sort_name, run, page, sort_by, "name");
      measure_change (&sort_step, run, page, sort_by, "-step");
      for (guint i = 0; i < G_N_ELEMENTS (other_columns); i++)
        {
          measure_change (&settling, run, page, sort_by, "-step");
          measure_change (&sort_other[i], run, page, sort_by, other_columns[i].id);
        }
      measure_change (&settling, run, page, sort_by, "-step");

      measure_change (&filter_step, run, page, set_step, GINT_TO_POINTER (3));
      measure_change (&settling, run, page, set_step, GINT_TO_POINTER (0));

      /* Typed one letter at a time; the first also folds every name for searching. */
      measure_change (&search_first, run, page, set_search, "s");
      measure_change (&settling, run, page, set_search, "sm");
      measure_change (&search, run, page, set_search, "smi");
      measure_change (&settling, run, page, set_search, NULL);
      measure_change (&search_number, run, page, set_search, "42");
      measure_change (&settling, run, page, set_search, NULL);

      if (run == RUNS - 1)
        {
          GtkWidget *table = find_widget (GTK_WIDGET (page), RP_TYPE_ATTENDEE_TABLE);
          GdkFrameClock *clock = gtk_widget_get_frame_clock (table);
          Scroll scroll = { rp_attendee_table_get_vadjustment (RP_ATTENDEE_TABLE (table)), 0, 0,
                            g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
                            FALSE };

          measure_change (&settling, run, page, sort_by, "number");
          g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &scroll);
          g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), &scroll);
          gtk_widget_add_tick_callback (table, scroll_tick, &scroll, NULL);
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
  report_change (&open);
  report_change (&sort_name);
  report_change (&sort_step);
  for (guint i = 0; i < G_N_ELEMENTS (other_columns); i++)
    report_change (&sort_other[i]);
  report_change (&filter_step);
  report_change (&search_first);
  report_change (&search);
  report_change (&search_number);
  g_print ("%-34s %8.1f MB   (VmHWM of the whole process%s)\n", "peak RSS, Attendees view open",
           peak_kb / 1024.0, peak_reset ? ", counted from after generating" : ", generation included");

  g_clear_object (&store);
  if (cache_dir == dir)
    bench_remove_database (path);
  g_rmdir (dir);
  return 0;
}
