/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-taster-days-page.c: the Taster Days area: providers’ taster days and who is booked */

#include "config.h"

#include "rp-count-row.h"
#include "rp-taster-days-page.h"

struct _RpTasterDaysPage
{
  RpAreaPage  parent_instance;

  GtkStack   *stack;
  RpCountRow *providers_row;
  RpCountRow *days_row;
  RpCountRow *upcoming_row;
  RpCountRow *bookings_row;
};

G_DEFINE_FINAL_TYPE (RpTasterDaysPage, rp_taster_days_page, RP_TYPE_AREA_PAGE)

static void
rp_taster_days_page_refresh (RpAreaPage *page)
{
  RpTasterDaysPage *self = RP_TASTER_DAYS_PAGE (page);
  RpProgrammeCounts counts;

  rp_area_page_load_counts (page, &counts);

  gtk_stack_set_visible_child_name (self->stack, counts.providers + counts.taster_days > 0 ? "counts" : "empty");
  rp_count_row_set_count (self->providers_row, counts.providers);
  rp_count_row_set_count (self->days_row, counts.taster_days);
  rp_count_row_set_count (self->upcoming_row, counts.taster_days_upcoming);
  rp_count_row_set_count (self->bookings_row, counts.bookings);
}

static void
rp_taster_days_page_class_init (RpTasterDaysPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpAreaPageClass *page_class = RP_AREA_PAGE_CLASS (klass);

  page_class->refresh = rp_taster_days_page_refresh;

  g_type_ensure (RP_TYPE_COUNT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-taster-days-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTasterDaysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDaysPage, providers_row);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDaysPage, days_row);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDaysPage, upcoming_row);
  gtk_widget_class_bind_template_child (widget_class, RpTasterDaysPage, bookings_row);
}

static void
rp_taster_days_page_init (RpTasterDaysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rp_taster_days_page_refresh (RP_AREA_PAGE (self));
}
