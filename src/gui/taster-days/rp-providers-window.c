/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-providers-window.c: the providers that run taster days and offer new provision */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-providers-window.h"

struct _RpProvidersWindow
{
  RpRecordListWindow   parent_instance;

  AdwEntryRow         *name_row;
  AdwEntryRow         *address_row;
};

G_DEFINE_FINAL_TYPE (RpProvidersWindow, rp_providers_window, RP_TYPE_RECORD_LIST_WINDOW)

static GListModel *
list_records (RpRecordListWindow *window)
{
  return rp_store_list_providers (rp_record_list_window_get_store (window), NULL);
}

static void
fill_row (RpRecordListWindow *window,
          RpRecordRow        *row,
          GObject            *record)
{
  RpProvider *provider = RP_PROVIDER (record);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_provider_get_name (provider));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 rp_provider_get_on_framework (provider) ? _("On the framework") : _("Not on the framework"));

  rp_record_row_add_entry (row, "name", _("Name"));
  rp_record_row_add_entry (row, "address", _("Address"));
  rp_record_row_add_entry (row, "contact-name", _("Contact’s name"));
  rp_record_row_add_entry (row, "contact-phone", _("Phone number"));
  rp_record_row_add_entry (row, "contact-email", _("Email address"));
  rp_record_row_add_entry (row, "notes", _("Notes, including access for wheelchair users"));
  rp_record_row_add_switch (row, "on-framework", _("On the council’s framework"), NULL);
}

static gboolean
save_record (RpRecordListWindow  *window,
             GObject             *record,
             GError             **error)
{
  return rp_store_save_provider (rp_record_list_window_get_store (window), RP_PROVIDER (record), error);
}

static gboolean
add_record (RpRecordListWindow  *window,
            GError             **error)
{
  RpProvidersWindow *self = RP_PROVIDERS_WINDOW (window);
  g_autoptr(RpProvider) provider = rp_provider_new ();

  rp_provider_set_name (provider, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  rp_provider_set_address (provider, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  rp_provider_set_on_framework (provider, TRUE);

  if (!rp_store_add_provider (rp_record_list_window_get_store (window), provider, error))
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), "");
  return TRUE;
}

static void
rp_providers_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RP_TYPE_PROVIDERS_WINDOW);

  G_OBJECT_CLASS (rp_providers_window_parent_class)->dispose (object);
}

static void
rp_providers_window_class_init (RpProvidersWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpRecordListWindowClass *list_class = RP_RECORD_LIST_WINDOW_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rp_providers_window_dispose;
  list_class->table = "provider";
  list_class->list_records = list_records;
  list_class->fill_row = fill_row;
  list_class->save_record = save_record;
  list_class->add_record = add_record;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-providers-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpProvidersWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpProvidersWindow, address_row);
}

static void
rp_providers_window_init (RpProvidersWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  rp_record_list_window_set_store (RP_RECORD_LIST_WINDOW (self), store);
  return self;
}
