/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-timetable-page.c: the Timetable area: the actions needed to close the day centre */

#include "config.h"

#include "rp-count-row.h"
#include "rp-timetable-page.h"

struct _RpTimetablePage
{
  RpAreaPage  parent_instance;

  GtkStack   *stack;
  RpCountRow *actions_row;
  RpCountRow *completed_row;
  RpCountRow *remaining_row;
  RpCountRow *overdue_row;
};

G_DEFINE_FINAL_TYPE (RpTimetablePage, rp_timetable_page, RP_TYPE_AREA_PAGE)

static void
rp_timetable_page_refresh (RpAreaPage *page)
{
  RpTimetablePage *self = RP_TIMETABLE_PAGE (page);
  RpProgrammeCounts counts;

  rp_area_page_load_counts (page, &counts);

  gtk_stack_set_visible_child_name (self->stack, counts.actions > 0 ? "counts" : "empty");
  rp_count_row_set_count (self->actions_row, counts.actions);
  rp_count_row_set_count (self->completed_row, counts.actions_completed);
  rp_count_row_set_count (self->remaining_row, counts.actions - counts.actions_completed);
  rp_count_row_set_count (self->overdue_row, counts.actions_overdue);
}

static void
rp_timetable_page_class_init (RpTimetablePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpAreaPageClass *page_class = RP_AREA_PAGE_CLASS (klass);

  page_class->refresh = rp_timetable_page_refresh;

  g_type_ensure (RP_TYPE_COUNT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/timetable/rp-timetable-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, stack);
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, actions_row);
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, completed_row);
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, remaining_row);
  gtk_widget_class_bind_template_child (widget_class, RpTimetablePage, overdue_row);
}

static void
rp_timetable_page_init (RpTimetablePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rp_timetable_page_refresh (RP_AREA_PAGE (self));
}
