/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-chart.c: a bar chart of how many attendees are at each step */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-core.h"
#include "rp-step-chart.h"

#define BAR_HEIGHT 22
#define BAR_GAP    10
#define LABEL_WIDTH 64
#define N_BARS     (RP_MOVING_PLAN_N_STEPS + 1)

struct _RpStepChart
{
  GtkWidget parent_instance;

  guint     counts[N_BARS];   /* steps 1..6, then moved on */
};

G_DEFINE_FINAL_TYPE (RpStepChart, rp_step_chart, GTK_TYPE_WIDGET)

static void
rp_step_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = LABEL_WIDTH + 120;
  else
    *minimum = *natural = N_BARS * (BAR_HEIGHT + BAR_GAP);
}

static void
rp_step_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RpStepChart *self = RP_STEP_CHART (widget);
  int width = gtk_widget_get_width (widget);
  double bar_space = MAX (width - LABEL_WIDTH - 40, 10);
  guint largest = 1;
  GdkRGBA text, bar = { 0.21, 0.52, 0.89, 1.0 }, moved = { 0.18, 0.76, 0.49, 1.0 };
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &text);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < N_BARS; i++)
    largest = MAX (largest, self->counts[i]);

  for (guint i = 0; i < N_BARS; i++)
    {
      g_autofree char *label = i < RP_MOVING_PLAN_N_STEPS ? g_strdup_printf (_("Step %u"), i + 1) : g_strdup (_("Moved"));
      g_autofree char *count = g_strdup_printf ("%u", self->counts[i]);
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, label);
      double y = i * (BAR_HEIGHT + BAR_GAP);
      double length = bar_space * self->counts[i] / largest;
      int label_height;

      pango_layout_get_pixel_size (layout, NULL, &label_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + (BAR_HEIGHT - label_height) / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_restore (snapshot);

      gtk_snapshot_append_color (snapshot, i < RP_MOVING_PLAN_N_STEPS ? &bar : &moved,
                                 &GRAPHENE_RECT_INIT (LABEL_WIDTH, y, MAX (length, 2), BAR_HEIGHT));

      pango_layout_set_text (layout, count, -1);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (LABEL_WIDTH + length + 6, y + (BAR_HEIGHT - label_height) / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &text);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
    }
}

static void
rp_step_chart_class_init (RpStepChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = rp_step_chart_measure;
  widget_class->snapshot = rp_step_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "stepchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rp_step_chart_init (RpStepChart *self)
{
}

/**
 * rp_step_chart_set_counts:
 * @counts: (array fixed-size=7): attendees at index 1..6 for each step
 * @moved: attendees moved on
 */
void
rp_step_chart_set_counts (RpStepChart *self,
                          const guint *counts,
                          guint        moved)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (RP_IS_STEP_CHART (self));

  for (guint i = 0; i < RP_MOVING_PLAN_N_STEPS; i++)
    {
      self->counts[i] = counts[i + 1];
      /* Translators: part of the chart's description for screen readers, "Step 2: 8" */
      g_string_append_printf (description, _("Step %u: %u. "), i + 1, counts[i + 1]);
    }
  self->counts[RP_MOVING_PLAN_N_STEPS] = moved;
  g_string_append_printf (description, _("Moved on: %u."), moved);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
