/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-preferences-window.c: the team's preferences */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-preferences-window.h"

struct _RpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template Widgets */
  GtkSpinButton        *stale_days_spin;
  AdwPreferencesGroup  *you_group;
  AdwComboRow          *my_worker_row;

  /* Owned References */
  GSettings            *settings;
  RpStore              *store;
  GtkSwitch            *csv_byte_order_mark_switch;
};

G_DEFINE_FINAL_TYPE (RpPreferencesWindow, rp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
rp_preferences_window_dispose (GObject *object)
{
  RpPreferencesWindow *self = RP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

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
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, you_group);
  gtk_widget_class_bind_template_child (widget_class, RpPreferencesWindow, my_worker_row);
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

static void
on_my_worker_selected (RpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->my_worker_row);
  GListModel *names = adw_combo_row_get_model (self->my_worker_row);

  /* The first choice is nobody: the history then names the account. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    g_settings_set_string (self->settings, "my-worker", "");
  else
    g_settings_set_string (self->settings, "my-worker",
                           gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
}

/* The workers of the open database; the setting keeps a name, not an id, so
 * that it holds whichever database is open. */
static void
load_workers (RpPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) workers = rp_store_list_workers (self->store, FALSE, NULL);
  g_autofree char *mine = g_settings_get_string (self->settings, "my-worker");
  g_autofree char *description = NULL;
  guint selected = 0;

  gtk_string_list_append (names, _("Nobody chosen"));
  for (guint i = 0; workers != NULL && i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

      gtk_string_list_append (names, rp_worker_get_name (worker));
      if (g_strcmp0 (rp_worker_get_name (worker), mine) == 0)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->my_worker_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->my_worker_row, selected);

  description = g_strdup_printf (_("Changes made here are recorded under the computer account “%s”. "
                                   "Choose who you are, so that each attendee’s history shows your name instead."),
                                 rp_store_get_user (self->store));
  adw_preferences_group_set_description (self->you_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->you_group), TRUE);

  g_signal_connect_object (self->my_worker_row, "notify::selected", G_CALLBACK (on_my_worker_selected),
                           self, G_CONNECT_SWAPPED);
}

/**
 * rp_preferences_window_new:
 * @parent: (nullable): the main window
 * @store: (nullable): the open database, whose workers "you" is chosen from
 */
GtkWidget *
rp_preferences_window_new (GtkWindow *parent,
                           RpStore   *store)
{
  RpPreferencesWindow *self = g_object_new (RP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  g_return_val_if_fail (store == NULL || RP_IS_STORE (store), NULL);

  if (g_set_object (&self->store, store))
    load_workers (self);

  return GTK_WIDGET (self);
}
