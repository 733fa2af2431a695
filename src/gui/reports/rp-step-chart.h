/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-chart.h: a bar chart of how many attendees are at each step */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RP_TYPE_STEP_CHART (rp_step_chart_get_type ())

G_DECLARE_FINAL_TYPE (RpStepChart, rp_step_chart, RP, STEP_CHART, GtkWidget)

void rp_step_chart_set_counts (RpStepChart *self,
                               const guint *counts,
                               guint        moved);

G_END_DECLS
