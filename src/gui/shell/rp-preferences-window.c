/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-preferences-window.c: the team's preferences */

#include "config.h"

#include "rp-preferences-window.h"

struct _RpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkSpinButton        *stale_days_spin;
  GtkSwitch            *csv_byte_order_mark_switch;
};

G_DEFINE_FINAL_TYPE (RpPreferencesWindow, rp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
rp_preferences_window_dispose (GObject *object)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rp_preferences_window_parent_class)->dispose (object);
}

static void
rp_preferences_window_class_init (RpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/shell/rp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, stale_days_spin);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, csv_byte_order_mark_switch);
}

static void
rp_preferences_window_init (RpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "stale-days",
                   gtk_spin_button_get_adjustment (self->stale_days_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "csv-byte-order-mark", self->csv_byte_order_mark_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * rp_preferences_window_new:
 * @parent: (nullable): the main window
 */
GtkWidget *
rp_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (RP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
