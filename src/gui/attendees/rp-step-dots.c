/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-dots.c: a compact six-dot marker of the step reached
 *
 * The dots are drawn, not built of child widgets: a list shows one in every
 * row, and seven widgets a row made scrolling and filtering slower.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-core.h"
#include "rp-step-dots.h"

/* In pixels: a dot, the current step's larger dot, and the room each takes. */
#define DOT_SIZE         8
#define CURRENT_DOT_SIZE 10
#define DOT_PITCH        (RP_STEP_DOTS_WIDTH / RP_MOVING_PLAN_N_STEPS)

struct _RpStepDots
{
  GtkWidget  parent_instance;

  int        step;
};

G_DEFINE_FINAL_TYPE (RpStepDots, rp_step_dots, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_step_dots_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = RP_STEP_DOTS_WIDTH;
  else
    *minimum = *natural = CURRENT_DOT_SIZE;
}

static void
rp_step_dots_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  RpStepDots *self = RP_STEP_DOTS (widget);
  GtkStyleContext *style;
  GdkRGBA to_come, reached;
  float middle = gtk_widget_get_height (widget) / 2.0f;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (style, &to_come);
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &reached))
    reached = to_come;
  G_GNUC_END_IGNORE_DEPRECATIONS
  to_come.alpha *= 0.2f;

  for (int i = 0; i < RP_MOVING_PLAN_N_STEPS; i++)
    {
      float size = i + 1 == self->step ? CURRENT_DOT_SIZE : DOT_SIZE;
      float centre = DOT_PITCH * i + DOT_PITCH / 2.0f;
      GskRoundedRect dot;

      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (centre - size / 2, middle - size / 2, size, size),
                                       size / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, i + 1 <= self->step ? &reached : &to_come, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
rp_step_dots_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RpStepDots *self = RP_STEP_DOTS (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_step_dots_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RpStepDots *self = RP_STEP_DOTS (object);

  switch (prop_id)
    {
    case PROP_STEP:
      rp_step_dots_set_step (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_step_dots_class_init (RpStepDotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rp_step_dots_get_property;
  object_class->set_property = rp_step_dots_set_property;

  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL, 0, RP_MOVING_PLAN_LAST_STEP, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = rp_step_dots_measure;
  widget_class->snapshot = rp_step_dots_snapshot;

  gtk_widget_class_set_css_name (widget_class, "stepdots");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rp_step_dots_init (RpStepDots *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
rp_step_dots_new (void)
{
  return g_object_new (RP_TYPE_STEP_DOTS, NULL);
}

int
rp_step_dots_get_step (RpStepDots *self)
{
  g_return_val_if_fail (RP_IS_STEP_DOTS (self), 0);

  return self->step;
}

void
rp_step_dots_set_step (RpStepDots *self,
                       int         step)
{
  g_autofree char *label = NULL;

  g_return_if_fail (RP_IS_STEP_DOTS (self));

  if (self->step == step)
    return;

  self->step = step;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  label = g_strdup_printf (_("Step %d of 6"), step);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}
