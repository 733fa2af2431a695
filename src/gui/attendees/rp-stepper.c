/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-stepper.c: the six steps of the moving plan: done, current and to come, with dates */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-core.h"
#include "rp-stepper.h"

struct _RpStepper
{
  GtkWidget  parent_instance;

  GtkWidget *rows[RP_MOVING_PLAN_N_STEPS];
  GtkWidget *badges[RP_MOVING_PLAN_N_STEPS];
  GtkWidget *names[RP_MOVING_PLAN_N_STEPS];
  GtkWidget *dates[RP_MOVING_PLAN_N_STEPS];
};

G_DEFINE_FINAL_TYPE (RpStepper, rp_stepper, GTK_TYPE_WIDGET)

static void
rp_stepper_dispose (GObject *object)
{
  RpStepper *self = RP_STEPPER (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    g_clear_pointer (&self->rows[i], gtk_widget_unparent);

  G_OBJECT_CLASS (rp_stepper_parent_class)->dispose (object);
}

/* Tab stops on the current step, which reads as a whole: a box with labels
 * in it would otherwise look for the focus among the labels and find none. */
static gboolean
rp_stepper_focus (GtkWidget        *widget,
                  GtkDirectionType  direction)
{
  RpStepper *self = RP_STEPPER (widget);

  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    if (gtk_widget_get_focusable (self->rows[i]))
      {
        if (gtk_widget_has_focus (self->rows[i]))
          return FALSE;
        return gtk_widget_grab_focus (self->rows[i]);
      }

  return FALSE;
}

static void
rp_stepper_class_init (RpStepperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_stepper_dispose;
  widget_class->focus = rp_stepper_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stepper");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
rp_stepper_init (RpStepper *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Moving plan"), -1);

  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    {
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      self->rows[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

      self->badges[i] = gtk_label_new (number);
      gtk_widget_add_css_class (self->badges[i], "badge");
      gtk_widget_set_valign (self->badges[i], GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (self->rows[i]), self->badges[i]);

      self->names[i] = gtk_label_new (rp_moving_plan_step_name (i + 1));
      gtk_label_set_xalign (GTK_LABEL (self->names[i]), 0);
      gtk_label_set_wrap (GTK_LABEL (self->names[i]), TRUE);
      gtk_box_append (GTK_BOX (text), self->names[i]);

      self->dates[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->dates[i]), 0);
      gtk_widget_add_css_class (self->dates[i], "dim-label");
      gtk_widget_add_css_class (self->dates[i], "caption");
      gtk_box_append (GTK_BOX (text), self->dates[i]);

      gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (self->rows[i]), text);
      gtk_widget_set_parent (self->rows[i], GTK_WIDGET (self));
    }
}

GtkWidget *
rp_stepper_new (void)
{
  return g_object_new (RP_TYPE_STEPPER, NULL);
}

/**
 * rp_stepper_set_history:
 * @current_step: the step the attendee is at
 * @step_changes: the attendee's #RpStepChange list, oldest first
 *
 * Shows for each step the day it was last reached.
 */
void
rp_stepper_set_history (RpStepper  *self,
                        int         current_step,
                        GListModel *step_changes)
{
  const char *reached[RP_MOVING_PLAN_N_STEPS + 1] = { NULL };

  g_return_if_fail (RP_IS_STEPPER (self));

  for (guint i = 0; step_changes != NULL && i < g_list_model_get_n_items (step_changes); i++)
    {
      g_autoptr(RpStepChange) change = g_list_model_get_item (step_changes, i);
      int to = rp_step_change_get_to_step (change);

      /* After a step back, later steps are "to come" again. */
      for (int later = to + 1; later <= RP_MOVING_PLAN_LAST_STEP; later++)
        reached[later] = NULL;
      if (rp_moving_plan_step_valid (to))
        reached[to] = rp_step_change_get_changed_on (change);
    }

  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      GtkWidget *badge = self->badges[step - 1];
      g_autofree char *date = rp_date_format_short (reached[step]);
      g_autofree char *state = NULL;
      g_autofree char *accessible = NULL;

      gtk_widget_remove_css_class (badge, "done");
      gtk_widget_remove_css_class (badge, "current");
      gtk_widget_remove_css_class (self->rows[step - 1], "to-come");
      /* The current step can take the keyboard, so that after a move the
       * focus lands on what changed, not on the button that moves again. */
      gtk_widget_set_focusable (self->rows[step - 1], step == current_step);

      if (step < current_step)
        {
          gtk_widget_add_css_class (badge, "done");
          gtk_label_set_label (GTK_LABEL (badge), "✓");
          state = date != NULL ? g_strdup_printf (_("Done, reached %s"), date) : g_strdup (_("Done"));
        }
      else if (step == current_step)
        {
          g_autofree char *number = g_strdup_printf ("%d", step);

          gtk_widget_add_css_class (badge, "current");
          gtk_label_set_label (GTK_LABEL (badge), number);
          state = date != NULL ? g_strdup_printf (_("Current step, since %s"), date) : g_strdup (_("Current step"));
        }
      else
        {
          g_autofree char *number = g_strdup_printf ("%d", step);

          gtk_label_set_label (GTK_LABEL (badge), number);
          gtk_widget_add_css_class (self->rows[step - 1], "to-come");
          state = g_strdup (_("To come"));
        }

      gtk_label_set_label (GTK_LABEL (self->dates[step - 1]), state);
      /* Translators: "Step 2, Contact with people to commence discussion: Done, reached 7 Aug 2023" */
      accessible = g_strdup_printf (_("Step %d, %s: %s"), step, rp_moving_plan_step_name (step), state);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[step - 1]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
    }
}

/**
 * rp_stepper_focus_current:
 *
 * Puts the keyboard on the current step, which a screen reader then reads:
 * "Step 3, Review in progress: Current step, since 5 Dec 2026".
 */
void
rp_stepper_focus_current (RpStepper *self)
{
  g_return_if_fail (RP_IS_STEPPER (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    if (gtk_widget_get_focusable (self->rows[i]))
      gtk_widget_grab_focus (self->rows[i]);
}
