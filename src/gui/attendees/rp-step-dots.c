/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-step-dots.c: a compact six-dot marker of the step reached */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-core.h"
#include "rp-step-dots.h"

struct _RpStepDots
{
  GtkWidget  parent_instance;

  int        step;
  GtkWidget *dots[RP_MOVING_PLAN_N_STEPS];
};

G_DEFINE_FINAL_TYPE (RpStepDots, rp_step_dots, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_step_dots_dispose (GObject *object)
{
  RpStepDots *self = RP_STEP_DOTS (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->dots); i++)
    g_clear_pointer (&self->dots[i], gtk_widget_unparent);

  G_OBJECT_CLASS (rp_step_dots_parent_class)->dispose (object);
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

  object_class->dispose = rp_step_dots_dispose;
  object_class->get_property = rp_step_dots_get_property;
  object_class->set_property = rp_step_dots_set_property;

  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL, 0, RP_MOVING_PLAN_LAST_STEP, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stepdots");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rp_step_dots_init (RpStepDots *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->dots); i++)
    {
      self->dots[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_valign (self->dots[i], GTK_ALIGN_CENTER);
      gtk_widget_set_parent (self->dots[i], GTK_WIDGET (self));
    }

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

  for (int i = 0; i < (int) G_N_ELEMENTS (self->dots); i++)
    {
      gtk_widget_remove_css_class (self->dots[i], "done");
      gtk_widget_remove_css_class (self->dots[i], "current");
      if (i + 1 < step)
        gtk_widget_add_css_class (self->dots[i], "done");
      else if (i + 1 == step)
        gtk_widget_add_css_class (self->dots[i], "current");
    }

  label = g_strdup_printf (_("Step %d of 6"), step);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}
