/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendees-page.c: the Attendees area: where every attendee is on the moving plan */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-attendees-page.h"
#include "rp-count-row.h"

struct _RpAttendeesPage
{
  RpAreaPage            parent_instance;

  GtkStack             *stack;
  AdwPreferencesGroup  *steps_group;
  RpCountRow           *step_rows[RP_MOVING_PLAN_N_STEPS + 1];
  RpCountRow           *attending_row;
  RpCountRow           *moved_row;
  RpCountRow           *left_row;
  RpCountRow           *asc_row;
  RpCountRow           *health_row;
  RpCountRow           *no_worker_row;
};

G_DEFINE_FINAL_TYPE (RpAttendeesPage, rp_attendees_page, RP_TYPE_AREA_PAGE)

static void
rp_attendees_page_refresh (RpAreaPage *page)
{
  RpAttendeesPage *self = RP_ATTENDEES_PAGE (page);
  RpProgrammeCounts counts;

  rp_area_page_load_counts (page, &counts);

  gtk_stack_set_visible_child_name (self->stack, counts.attendees > 0 ? "counts" : "empty");

  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    rp_count_row_set_count (self->step_rows[step], counts.at_step[step]);

  rp_count_row_set_count (self->attending_row, counts.attending);
  rp_count_row_set_count (self->moved_row, counts.moved);
  rp_count_row_set_count (self->left_row, counts.left);
  rp_count_row_set_count (self->asc_row, counts.attending - counts.health);
  rp_count_row_set_count (self->health_row, counts.health);
  rp_count_row_set_count (self->no_worker_row, counts.no_worker);
}

static void
rp_attendees_page_class_init (RpAttendeesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpAreaPageClass *page_class = RP_AREA_PAGE_CLASS (klass);

  page_class->refresh = rp_attendees_page_refresh;

  g_type_ensure (RP_TYPE_COUNT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-attendees-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpAttendeesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeesPage, steps_group);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeesPage, attending_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeesPage, moved_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeesPage, left_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeesPage, asc_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeesPage, health_row);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeesPage, no_worker_row);
}

static void
rp_attendees_page_init (RpAttendeesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The step names come from the core, so the page and the reports never disagree. */
  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *title = g_strdup_printf (_("Step %d · %s"), step, rp_moving_plan_step_name (step));

      self->step_rows[step] = g_object_new (RP_TYPE_COUNT_ROW, "title", title, NULL);
      adw_preferences_group_add (self->steps_group, GTK_WIDGET (self->step_rows[step]));
    }

  rp_attendees_page_refresh (RP_AREA_PAGE (self));
}
