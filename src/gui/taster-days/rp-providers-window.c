/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-providers-window.c: the providers that run taster days and offer new provision */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-providers-window.h"

struct _RpProvidersWindow
{
  AdwWindow            parent_instance;

  RpStore             *store;
  GPtrArray           *rows;

  AdwPreferencesGroup *providers_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *address_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (RpProvidersWindow, rp_providers_window, ADW_TYPE_WINDOW)


static void reload (RpProvidersWindow *self);

static void
show_error (RpProvidersWindow *self,
            const GError      *error)
{
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static const char *
row_text (GtkWidget  *expander,
          const char *key)
{
  return gtk_editable_get_text (g_object_get_data (G_OBJECT (expander), key));
}

static void
on_provider_edited (GtkWidget         *widget,
                    RpProvidersWindow *self)
{
  GtkWidget *expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);
  g_autoptr(RpProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  if (expander == NULL || g_object_get_data (G_OBJECT (expander), "loading") != NULL)
    return;

  provider = rp_provider_copy (g_object_get_data (G_OBJECT (expander), "provider"));
  rp_provider_set_name (provider, row_text (expander, "name"));
  rp_provider_set_address (provider, row_text (expander, "address"));
  rp_provider_set_contact_name (provider, row_text (expander, "contact"));
  rp_provider_set_contact_phone (provider, row_text (expander, "phone"));
  rp_provider_set_contact_email (provider, row_text (expander, "email"));
  rp_provider_set_notes (provider, row_text (expander, "notes"));
  rp_provider_set_on_framework (provider, gtk_switch_get_active (g_object_get_data (G_OBJECT (expander), "framework")));

  if (!rp_store_save_provider (self->store, provider, &error))
    {
      show_error (self, error);
      return;
    }

  show_error (self, NULL);
  reload (self);
}

static void
add_entry (RpProvidersWindow *self,
           GtkWidget         *expander,
           const char        *key,
           const char        *title,
           const char        *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_provider_edited), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_object_set_data (G_OBJECT (expander), key, row);
}

static GtkWidget *
make_row (RpProvidersWindow *self,
          RpProvider        *provider)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *framework_row = adw_action_row_new ();
  GtkWidget *framework = gtk_switch_new ();

  g_object_set_data (G_OBJECT (expander), "loading", GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (expander), "provider", g_object_ref (provider), g_object_unref);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), rp_provider_get_name (provider));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 rp_provider_get_on_framework (provider) ? _("On the framework") : _("Not on the framework"));

  add_entry (self, expander, "name", _("Name"), rp_provider_get_name (provider));
  add_entry (self, expander, "address", _("Address"), rp_provider_get_address (provider));
  add_entry (self, expander, "contact", _("Contact’s name"), rp_provider_get_contact_name (provider));
  add_entry (self, expander, "phone", _("Phone number"), rp_provider_get_contact_phone (provider));
  add_entry (self, expander, "email", _("Email address"), rp_provider_get_contact_email (provider));
  add_entry (self, expander, "notes", _("Notes, including access for wheelchair users"), rp_provider_get_notes (provider));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (framework_row), _("On the council’s framework"));
  gtk_widget_set_valign (framework, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (framework), rp_provider_get_on_framework (provider));
  gtk_accessible_update_property (GTK_ACCESSIBLE (framework), GTK_ACCESSIBLE_PROPERTY_LABEL, _("On the council’s framework"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (framework_row), framework);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (framework_row), framework);
  g_signal_connect_object (framework, "notify::active", G_CALLBACK (on_provider_edited), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), framework_row);
  g_object_set_data (G_OBJECT (expander), "framework", framework);

  g_object_set_data (G_OBJECT (expander), "loading", NULL);
  return expander;
}

static void
reload (RpProvidersWindow *self)
{
  g_autoptr(GListModel) providers = rp_store_list_providers (self->store, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->providers_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; providers != NULL && i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(RpProvider) provider = g_list_model_get_item (providers, i);
      GtkWidget *row = make_row (self, provider);

      adw_preferences_group_add (self->providers_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RpProvidersWindow *self = RP_PROVIDERS_WINDOW (widget);
  g_autoptr(RpProvider) provider = rp_provider_new ();
  g_autoptr(GError) error = NULL;

  rp_provider_set_name (provider, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  rp_provider_set_address (provider, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  rp_provider_set_on_framework (provider, TRUE);

  if (!rp_store_add_provider (self->store, provider, &error))
    {
      show_error (self, error);
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), "");
  reload (self);
}

static void
rp_providers_window_dispose (GObject *object)
{
  RpProvidersWindow *self = RP_PROVIDERS_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_providers_window_parent_class)->dispose (object);
}

static void
rp_providers_window_class_init (RpProvidersWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_providers_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-providers-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpProvidersWindow, providers_group);
  gtk_widget_class_bind_template_child (widget_class, RpProvidersWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpProvidersWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, RpProvidersWindow, error_label);

  gtk_widget_class_install_action (widget_class, "providers.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_providers_window_init (RpProvidersWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * rp_providers_window_new:
 * @parent: (nullable): the window it belongs to
 */
RpProvidersWindow *
rp_providers_window_new (GtkWindow *parent,
                         RpStore   *store)
{
  RpProvidersWindow *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  self = g_object_new (RP_TYPE_PROVIDERS_WINDOW, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}
