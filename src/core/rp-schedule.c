/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-schedule.c: a family's own taster-day schedule, in plain words and large print */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-output-file.h"
#include "rp-pdf.h"
#include "rp-schedule.h"

#define PAGE_WIDTH  595.28   /* A4 portrait, in points */
#define PAGE_HEIGHT 841.89
#define MARGIN      50.0
#define ICON_SIZE   34.0
#define TEXT_LEFT   (MARGIN + ICON_SIZE + 22)
#define TEXT_WIDTH  (PAGE_WIDTH - TEXT_LEFT - MARGIN)

void
rp_schedule_item_free (RpScheduleItem *item)
{
  if (item == NULL)
    return;

  g_free (item->when);
  g_free (item->where);
  g_free (item->who);
  g_free (item->family);
  g_free (item->transport);
  g_free (item);
}

/* "10 am", "10:30 am", "midday", "2 pm": how people say times. */
static char *
say_time (const char *hhmm)
{
  int hours, minutes;

  if (hhmm == NULL || sscanf (hhmm, "%d:%d", &hours, &minutes) != 2)
    return NULL;

  if (hours == 12 && minutes == 0)
    return g_strdup (_("midday"));

  if (minutes == 0)
    return g_strdup_printf (hours < 12 ? _("%d am") : _("%d pm"), hours == 0 ? 12 : hours > 12 ? hours - 12 : hours);

  return g_strdup_printf (hours < 12 ? _("%d:%02d am") : _("%d:%02d pm"),
                          hours == 0 ? 12 : hours > 12 ? hours - 12 : hours, minutes);
}

/* "Saturday 30 September": the year only confuses a schedule for the weeks ahead. */
static char *
say_date (const char *iso)
{
  GDate date;
  char text[128];

  if (!rp_date_parse (iso, &date, NULL) || g_date_strftime (text, sizeof text, "%A %e %B", &date) == 0)
    return NULL;

  g_strstrip (text);
  /* %e pads single-digit days with a space. */
  {
    g_auto(GStrv) words = g_strsplit (text, " ", -1);
    g_autoptr(GPtrArray) kept = g_ptr_array_new ();

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_ptr_array_add (kept, words[i]);
    g_ptr_array_add (kept, NULL);
    return g_strjoinv (" ", (char **) kept->pdata);
  }
}

static char *
first_name (const char *name)
{
  const char *space;

  if (name == NULL)
    return NULL;

  space = strchr (name, ' ');
  return space != NULL ? g_strndup (name, space - name) : g_strdup (name);
}

static RpScheduleItem *
describe (RpStore     *store,
          RpBooking   *booking,
          RpTasterDay *day)
{
  RpScheduleItem *item = g_new0 (RpScheduleItem, 1);
  g_autofree char *date = say_date (rp_taster_day_get_date (day));
  g_autofree char *start = say_time (rp_taster_day_get_start_time (day));
  g_autofree char *end = say_time (rp_taster_day_get_end_time (day));
  g_autofree char *pickup = say_time (rp_booking_get_pickup_time (booking));
  g_autoptr(RpProvider) provider = rp_store_get_provider (store, rp_taster_day_get_provider_id (day), NULL);
  const char *venue = rp_taster_day_get_venue (day);

  if (date == NULL)
    item->when = g_strdup (_("The day is not fixed yet. The day centre will tell you."));
  else if (start != NULL && end != NULL)
    /* Translators: "Saturday 30 September, 10 am to 2 pm" */
    item->when = g_strdup_printf (_("%s, %s to %s"), date, start, end);
  else if (start != NULL)
    item->when = g_strdup_printf (_("%s, from %s"), date, start);
  else
    item->when = g_strdup (date);

  if (venue == NULL && provider != NULL)
    venue = rp_provider_get_address (provider);
  if (venue != NULL)
    /* Translators: "At IBC, 12 High Street." */
    item->where = g_strdup_printf (_("At %s, %s."), rp_taster_day_get_provider_name (day), venue);
  else
    item->where = g_strdup_printf (_("At %s."), rp_taster_day_get_provider_name (day));

  if (rp_booking_get_staff_id (booking) > 0)
    {
      g_autoptr(RpWorker) staff = rp_store_get_worker (store, rp_booking_get_staff_id (booking), NULL);
      g_autofree char *name = staff != NULL ? first_name (rp_worker_get_name (staff)) : NULL;

      if (name != NULL)
        /* Translators: "Sam from the day centre will come with you." */
        item->who = g_strdup_printf (_("%s from the day centre will come with you."), name);
    }

  if (rp_booking_get_family_attending (booking) != NULL)
    item->family = g_strdup_printf (_("%s is coming too."), rp_booking_get_family_attending (booking));

  if (rp_booking_get_transport_needed (booking))
    {
      if (rp_booking_get_transport_arranged (booking) && pickup != NULL)
        /* Translators: "Transport will collect you at 9:15 am." */
        item->transport = g_strdup_printf (_("Transport will collect you at %s."), pickup);
      else if (rp_booking_get_transport_arranged (booking))
        item->transport = g_strdup (_("Transport will collect you. The day centre will tell you the time."));
      else
        item->transport = g_strdup (_("The day centre is arranging transport."));
    }

  return item;
}

/**
 * rp_schedule_build:
 * @from: (nullable): the first day to include; today if %NULL
 *
 * The attendee's taster days still to come, invited or confirmed, on days
 * not cancelled, in date order, in plain words. Nothing here is about anyone
 * else, and nothing comes from the private case notes.
 *
 * Returns: (transfer full) (element-type RpScheduleItem): the items
 */
GPtrArray *
rp_schedule_build (RpStore     *store,
                   gint64       attendee_id,
                   const char  *from,
                   GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_schedule_item_free);
  g_autoptr(GListModel) bookings = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  if (from == NULL)
    from = today = rp_store_dup_today (store);

  if (!(bookings = rp_store_list_attendee_bookings (store, attendee_id, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
    {
      g_autoptr(RpBooking) booking = g_list_model_get_item (bookings, i);
      g_autoptr(RpTasterDay) day = NULL;
      RpBookingStatus status = rp_booking_get_status (booking);

      if (status != RP_BOOKING_INVITED && status != RP_BOOKING_CONFIRMED)
        continue;

      if (!(day = rp_store_get_taster_day (store, rp_booking_get_taster_day_id (booking), error)))
        return NULL;

      if (rp_taster_day_get_cancelled (day) ||
          (rp_taster_day_get_date (day) != NULL && rp_date_compare (rp_taster_day_get_date (day), from) < 0))
        continue;

      g_ptr_array_add (items, describe (store, booking, day));
    }

  return g_steal_pointer (&items);
}

/* Icons --------------------------------------------------------------------- */

typedef enum
{
  ICON_CALENDAR,
  ICON_PLACE,
  ICON_PERSON,
  ICON_FAMILY,
  ICON_TRANSPORT,
} Icon;

static void
draw_icon (cairo_t *cr,
           Icon     icon,
           double   x,
           double   y)
{
  double s = ICON_SIZE;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, x, y);
  cairo_set_source_rgb (cr, 0.11, 0.35, 0.70);
  cairo_set_line_width (cr, 3);

  switch (icon)
    {
    case ICON_CALENDAR:
      cairo_rectangle (cr, 2, 6, s - 4, s - 8);
      cairo_stroke (cr);
      cairo_rectangle (cr, 2, 6, s - 4, 8);
      cairo_fill (cr);
      cairo_move_to (cr, 10, 2);
      cairo_line_to (cr, 10, 10);
      cairo_move_to (cr, s - 10, 2);
      cairo_line_to (cr, s - 10, 10);
      cairo_stroke (cr);
      break;

    case ICON_PLACE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, 13, 10, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, s / 2 - 9, 18);
      cairo_line_to (cr, s / 2, s - 1);
      cairo_line_to (cr, s / 2 + 9, 18);
      cairo_stroke (cr);
      break;

    case ICON_PERSON:
    case ICON_FAMILY:
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, 9, 7, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, s / 2, s, 13, G_PI, 2 * G_PI);
      cairo_fill (cr);
      if (icon == ICON_FAMILY)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, 5, 14, 4.5, 0, 2 * G_PI);
          cairo_fill (cr);
          cairo_new_sub_path (cr);
          cairo_arc (cr, s - 5, 14, 4.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;

    case ICON_TRANSPORT:
    default:
      cairo_move_to (cr, 2, s - 10);
      cairo_line_to (cr, 2, 16);
      cairo_line_to (cr, 9, 8);
      cairo_line_to (cr, s - 9, 8);
      cairo_line_to (cr, s - 2, 16);
      cairo_line_to (cr, s - 2, s - 10);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 10, 11, s - 20, 6);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.11, 0.35, 0.70);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 9, s - 8, 5, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, s - 9, s - 8, 5, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }

  cairo_restore (cr);
}

/* Pages --------------------------------------------------------------------- */

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_spacing (layout, 4 * PANGO_SCALE);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws one line with its icon, or only measures it when @draw is FALSE. */
static double
line (cairo_t    *cr,
      Icon        icon,
      const char *text,
      gboolean    bold,
      double      y,
      gboolean    draw)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (text == NULL)
    return 0;

  layout = make_layout (cr, text, 20, bold, TEXT_WIDTH);
  pango_layout_get_size (layout, NULL, &height);

  /* Each day is a heading, its details paragraphs; the pictures beside
   * them only repeat the words, so a screen reader skips them. */
  if (draw)
    {
      draw_icon (cr, icon, MARGIN, y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, TEXT_LEFT, y + 4);
      cairo_tag_begin (cr, bold ? "H2" : "P", NULL);
      pango_cairo_show_layout (cr, layout);
      cairo_tag_end (cr, bold ? "H2" : "P");
    }

  return MAX ((double) height / PANGO_SCALE + 4, ICON_SIZE) + 16;
}

static double
item_lines (cairo_t              *cr,
            const RpScheduleItem *item,
            double                y,
            gboolean              draw)
{
  double start = y;

  y += line (cr, ICON_CALENDAR, item->when, TRUE, y, draw);
  y += line (cr, ICON_PLACE, item->where, FALSE, y, draw);
  y += line (cr, ICON_PERSON, item->who, FALSE, y, draw);
  y += line (cr, ICON_FAMILY, item->family, FALSE, y, draw);
  y += line (cr, ICON_TRANSPORT, item->transport, FALSE, y, draw);
  return y - start;
}

/* @tag: the text's structure tag in the PDF, such as "H1" or "P" */
static void
draw_text (cairo_t    *cr,
           const char *tag,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double     *height)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold, PAGE_WIDTH - 2 * MARGIN);
  int h;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  cairo_tag_begin (cr, tag, NULL);
  pango_cairo_show_layout (cr, layout);
  cairo_tag_end (cr, tag);
  pango_layout_get_size (layout, NULL, &h);
  *height = (double) h / PANGO_SCALE;
}

typedef struct
{
  RpAttendee *attendee;
  GPtrArray  *items;
} Sheet;

typedef struct
{
  guint    sheet;
  guint    first_item;
  guint    n_items;
  gboolean title;      /* the sheet's first page, with the attendee's name */
} Page;

struct _RpScheduleDocument
{
  GArray *sheets;
  GArray *pages;
};

static void
sheet_clear (gpointer data)
{
  Sheet *sheet = data;

  g_clear_object (&sheet->attendee);
  g_clear_pointer (&sheet->items, g_ptr_array_unref);
}

static double
title_height (cairo_t    *cr,
              RpAttendee *attendee,
              gboolean    draw)
{
  g_autofree char *title = g_strdup_printf (_("Taster days for %s"), rp_attendee_get_full_name (attendee));
  double y = MARGIN;
  double height;

  if (draw)
    {
      draw_text (cr, "H1", title, 28, TRUE, MARGIN, y, &height);
      y += height + 8;
      draw_text (cr, "P", _("Days out to try new places."), 20, FALSE, MARGIN, y, &height);
      return y + height + 28;
    }
  else
    {
      g_autoptr(PangoLayout) big = make_layout (cr, title, 28, TRUE, PAGE_WIDTH - 2 * MARGIN);
      g_autoptr(PangoLayout) small = make_layout (cr, _("Days out to try new places."), 20, FALSE, PAGE_WIDTH - 2 * MARGIN);
      int h1, h2;

      pango_layout_get_size (big, NULL, &h1);
      pango_layout_get_size (small, NULL, &h2);
      return y + (double) h1 / PANGO_SCALE + 8 + (double) h2 / PANGO_SCALE + 28;
    }
}

/* Splits each sheet into pages, keeping each taster day's lines together. */
static void
paginate (RpScheduleDocument *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  for (guint s = 0; s < self->sheets->len; s++)
    {
      Sheet *sheet = &g_array_index (self->sheets, Sheet, s);
      Page page = { s, 0, 0, TRUE };
      double y = title_height (cr, sheet->attendee, FALSE);

      for (guint i = 0; i < sheet->items->len; i++)
        {
          double needed = item_lines (cr, g_ptr_array_index (sheet->items, i), y, FALSE) + 24;

          if (y + needed > PAGE_HEIGHT - MARGIN && page.n_items > 0)
            {
              g_array_append_val (self->pages, page);
              page.first_item = i;
              page.n_items = 0;
              page.title = FALSE;
              y = MARGIN;
            }

          page.n_items++;
          y += needed;
        }

      g_array_append_val (self->pages, page);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/**
 * rp_schedule_document_new:
 * @attendee_ids: (element-type gint64): whose schedules, one sheet each
 * @from: (nullable): the first day to include; today if %NULL
 *
 * Lays out easy-read A4 portrait sheets, for the PDF and for printing alike.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
RpScheduleDocument *
rp_schedule_document_new (RpStore     *store,
                          GArray      *attendee_ids,
                          const char  *from,
                          GError     **error)
{
  RpScheduleDocument *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (attendee_ids != NULL, NULL);

  self = g_new0 (RpScheduleDocument, 1);
  self->sheets = g_array_new (FALSE, TRUE, sizeof (Sheet));
  g_array_set_clear_func (self->sheets, sheet_clear);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));

  for (guint i = 0; i < attendee_ids->len; i++)
    {
      gint64 id = g_array_index (attendee_ids, gint64, i);
      Sheet sheet = { NULL, NULL };

      if (!(sheet.attendee = rp_store_get_attendee (store, id, error)) ||
          !(sheet.items = rp_schedule_build (store, id, from, error)))
        {
          sheet_clear (&sheet);
          rp_schedule_document_free (self);
          return NULL;
        }

      g_array_append_val (self->sheets, sheet);
    }

  paginate (self);
  return self;
}

guint
rp_schedule_document_get_n_pages (RpScheduleDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

/**
 * rp_schedule_document_draw_page:
 * @cr: a context in points, with the origin at the page's top left
 */
void
rp_schedule_document_draw_page (RpScheduleDocument *self,
                                cairo_t            *cr,
                                guint               page_nr)
{
  Page *page;
  Sheet *sheet;
  double y = MARGIN;
  double height;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page_nr < self->pages->len);

  page = &g_array_index (self->pages, Page, page_nr);
  sheet = &g_array_index (self->sheets, Sheet, page->sheet);

  cairo_save (cr);

  if (page->title)
    y = title_height (cr, sheet->attendee, TRUE);

  if (sheet->items->len == 0)
    draw_text (cr, "P", _("No taster days are booked at the moment."), 20, FALSE, MARGIN, y, &height);

  for (guint i = page->first_item; i < page->first_item + page->n_items; i++)
    {
      y += item_lines (cr, g_ptr_array_index (sheet->items, i), y, TRUE);

      /* A clear line between one day and the next. */
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, MARGIN, y);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN, y);
      cairo_stroke (cr);
      y += 24;
    }

  cairo_restore (cr);
}

void
rp_schedule_document_free (RpScheduleDocument *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->sheets, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self);
}

/**
 * rp_schedule_write_pdf:
 * @attendee_ids: (element-type gint64): whose schedules, one sheet each
 * @from: (nullable): the first day to include; today if %NULL
 * @path: the file, created readable by its owner only
 *
 * Writes an easy-read A4 sheet for each attendee: large type, short
 * sentences, one idea per line, a simple picture beside each line. The
 * sheet carries the attendee's name, since it is for them and their family.
 */
gboolean
rp_schedule_write_pdf (RpStore     *store,
                       GArray      *attendee_ids,
                       const char  *from,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(RpScheduleDocument) document = NULL;
  g_autoptr(RpOutputFile) file = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (attendee_ids != NULL, FALSE);

  if (!(document = rp_schedule_document_new (store, attendee_ids, from, error)) ||
      !(file = rp_output_file_new (path, error)))
    return FALSE;

  surface = cairo_pdf_surface_create (rp_output_file_get_temp_path (file), PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Taster days"));
  cr = cairo_create (surface);

  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < rp_schedule_document_get_n_pages (document); page++)
    {
      rp_schedule_document_draw_page (document, cr, page);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_IO, _("“%s” could not be written: %s."), path, cairo_status_to_string (status));
      return FALSE;
    }

  return rp_pdf_set_language (rp_output_file_get_temp_path (file), rp_pdf_get_language (), error) &&
         rp_output_file_commit (file, error);
}

/**
 * rp_schedule_list_attendees:
 * @from: (nullable): the first day to count; today if %NULL
 *
 * Returns: (transfer full) (element-type gint64): the attendees of the
 *   programme with a taster day still to come, by attendee number
 */
GArray *
rp_schedule_list_attendees (RpStore     *store,
                            gint64       programme_id,
                            const char  *from,
                            GError     **error)
{
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  if (!(attendees = rp_store_list_attendees (store, programme_id, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_autoptr(GPtrArray) items = rp_schedule_build (store, rp_attendee_get_id (attendee), from, error);
      gint64 id = rp_attendee_get_id (attendee);

      if (items == NULL)
        return NULL;
      if (items->len > 0)
        g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}
