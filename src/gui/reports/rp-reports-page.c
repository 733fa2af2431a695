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
  RpCountRow   *days_row;
  RpCountRow   *moved_row;
  RpCountRow   *attending_row;
  RpCountRow   *left_row;
  AdwPreferencesGroup *steps_group;
  RpCountRow   *step_rows[RP_MOVING_PLAN_N_STEPS + 1];
  RpCountRow   *asc_row;
  RpCountRow   *health_row;
  RpCountRow   *no_worker_row;
};

G_DEFINE_FINAL_TYPE (RpReportsPage, rp_reports_page, RP_TYPE_AREA_PAGE)

static void
update_closure (RpReportsPage *self,
                const char    *closure_date)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  g_autofree char *today = store != NULL ? rp_store_dup_today (store) : rp_date_today ();
  g_autofree char *date = rp_date_format_long (closure_date);
  int days;

  adw_action_row_set_subtitle (self->closure_row, date != NULL ? date : _("No closure date set"));
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), date != NULL);
  if (date == NULL)
    return;

  /* After the closure date the figure counts on, so the row says which way. */
  days = rp_date_days_between (today, closure_date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->days_row),
                                 days >= 0 ? _("Days until closure") : _("Days since closure"));
  rp_count_row_set_count (self->days_row, ABS (days));
}

static void
rp_reports_page_refresh (RpAreaPage *page)
{
  RpReportsPage *self = RP_REPORTS_PAGE (page);
  RpProgramme *programme = rp_area_page_get_programme (page);
  g_autofree char *moved = NULL;
  RpProgrammeCounts counts;

  rp_area_page_load_counts (page, &counts);

  adw_action_row_set_subtitle (self->name_row, programme != NULL ? rp_programme_get_name (programme) : "");
  adw_action_row_set_subtitle (self->title_row,
                               programme != NULL && rp_programme_get_report_title (programme) != NULL
                               ? rp_programme_get_report_title (programme) : _("No report title set"));
  update_closure (self, programme != NULL ? rp_programme_get_closure_date (programme) : NULL);

  /* Translators: attendees moved out of all attendees, as in "3 of 19" */
  moved = g_strdup_printf (_("%u of %u"), counts.moved, counts.attendees);
  rp_count_row_set_value (self->moved_row, moved);
  rp_count_row_set_count (self->attending_row, counts.attending);
  rp_count_row_set_count (self->left_row, counts.left);

  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    rp_count_row_set_count (self->step_rows[step], counts.at_step[step]);
  rp_count_row_set_count (self->asc_row, counts.attending - counts.health);
  rp_count_row_set_count (self->health_row, counts.health);
  rp_count_row_set_count (self->no_worker_row, counts.no_worker);
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
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, days_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, moved_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, attending_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, left_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, steps_group);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, asc_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, health_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, no_worker_row);
}

static void
rp_reports_page_init (RpReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The step names come from the core, so this page and the reports never disagree. */
  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *title = g_strdup_printf (_("Step %d · %s"), step, rp_moving_plan_step_name (step));

      self->step_rows[step] = g_object_new (RP_TYPE_COUNT_ROW, "title", title, NULL);
      adw_preferences_group_add (self->steps_group, GTK_WIDGET (self->step_rows[step]));
    }

  rp_reports_page_refresh (RP_AREA_PAGE (self));
}
