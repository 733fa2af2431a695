/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-reports-page.c: the Reports area: the programme at a glance, as managers report it */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-count-row.h"
#include "rp-reports-page.h"

struct _RpReportsPage
{
  RpAreaPage    parent_instance;

  AdwActionRow *name_row;
  AdwActionRow *title_row;
  AdwActionRow *closure_row;
  RpCountRow   *moved_row;
  RpCountRow   *attending_row;
  RpCountRow   *left_row;
};

G_DEFINE_FINAL_TYPE (RpReportsPage, rp_reports_page, RP_TYPE_AREA_PAGE)

/* "Closes in 12 days" or "Closed 3 days ago", counted from today. */
static char *
describe_closure (const char *closure_date)
{
  g_autofree char *today = rp_date_today ();
  g_autofree char *date = rp_date_format_long (closure_date);
  int days;

  if (date == NULL)
    return g_strdup (_("No closure date set"));

  days = rp_date_days_between (today, closure_date);
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — in %d day", "%s — in %d days", days), date, days);
  if (days == 0)
    return g_strdup_printf (_("%s — today"), date);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %d day ago", "%s — %d days ago", -days), date, -days);
}

static void
rp_reports_page_refresh (RpAreaPage *page)
{
  RpReportsPage *self = RP_REPORTS_PAGE (page);
  RpProgramme *programme = rp_area_page_get_programme (page);
  g_autofree char *closure = NULL;
  g_autofree char *moved = NULL;
  RpProgrammeCounts counts;

  rp_area_page_load_counts (page, &counts);

  closure = describe_closure (programme != NULL ? rp_programme_get_closure_date (programme) : NULL);
  adw_action_row_set_subtitle (self->name_row, programme != NULL ? rp_programme_get_name (programme) : "");
  adw_action_row_set_subtitle (self->title_row,
                               programme != NULL && rp_programme_get_report_title (programme) != NULL
                               ? rp_programme_get_report_title (programme) : _("No report title set"));
  adw_action_row_set_subtitle (self->closure_row, closure);

  /* Translators: attendees moved out of all attendees, as in "3 of 19" */
  moved = g_strdup_printf (_("%u of %u"), counts.moved, counts.attendees);
  rp_count_row_set_value (self->moved_row, moved);
  rp_count_row_set_count (self->attending_row, counts.attending);
  rp_count_row_set_count (self->left_row, counts.left);
}

static void
rp_reports_page_class_init (RpReportsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpAreaPageClass *page_class = RP_AREA_PAGE_CLASS (klass);

  page_class->refresh = rp_reports_page_refresh;

  g_type_ensure (RP_TYPE_COUNT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/reports/rp-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, closure_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, moved_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, attending_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, left_row);
}

static void
rp_reports_page_init (RpReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rp_reports_page_refresh (RP_AREA_PAGE (self));
}
