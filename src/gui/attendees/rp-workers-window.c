/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-workers-window.c: social workers and day-centre staff, with their caseloads */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-workers-window.h"

#define N_ROLES 4

struct _RpWorkersWindow
{
  AdwWindow            parent_instance;

  RpStore             *store;
  RpProgramme         *programme;
  GPtrArray           *rows;      /* the rows of the workers group, to rebuild it */

  AdwPreferencesGroup *workers_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *initials_row;
  AdwComboRow         *role_row;
  AdwEntryRow         *team_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (RpWorkersWindow, rp_workers_window, ADW_TYPE_WINDOW)


static void reload (RpWorkersWindow *self);

static GListModel *
role_names (void)
{
  GtkStringList *roles = gtk_string_list_new (NULL);

  for (int role = 0; role < N_ROLES; role++)
    gtk_string_list_append (roles, rp_worker_role_get_label (role));

  return G_LIST_MODEL (roles);
}

static void
show_error (RpWorkersWindow *self,
            const GError    *error)
{
  gtk_label_set_label (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* Saves one worker after an edit in its row; the row's widgets carry the worker. */
static void
save_worker_from (RpWorkersWindow *self,
                  GtkWidget       *expander)
{
  RpWorker *stored = g_object_get_data (G_OBJECT (expander), "worker");
  g_autoptr(RpWorker) worker = rp_worker_copy (stored);
  g_autoptr(GError) error = NULL;

  rp_worker_set_name (worker, gtk_editable_get_text (g_object_get_data (G_OBJECT (expander), "name")));
  rp_worker_set_initials (worker, gtk_editable_get_text (g_object_get_data (G_OBJECT (expander), "initials")));
  rp_worker_set_team (worker, gtk_editable_get_text (g_object_get_data (G_OBJECT (expander), "team")));
  rp_worker_set_role (worker, adw_combo_row_get_selected (g_object_get_data (G_OBJECT (expander), "role")));
  rp_worker_set_active (worker, gtk_switch_get_active (g_object_get_data (G_OBJECT (expander), "active")));

  if (!rp_store_save_worker (self->store, worker, &error))
    {
      show_error (self, error);
      return;
    }

  show_error (self, NULL);
  reload (self);
}

static void
on_worker_edited (GtkWidget       *widget,
                  RpWorkersWindow *self)
{
  GtkWidget *expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  if (expander != NULL && g_object_get_data (G_OBJECT (expander), "loading") == NULL)
    save_worker_from (self, expander);
}

static GtkWidget *
add_entry (GtkWidget       *expander,
           const char      *key,
           const char      *title,
           const char      *text,
           RpWorkersWindow *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_worker_edited), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_object_set_data (G_OBJECT (expander), key, row);
  return row;
}

static GtkWidget *
make_worker_row (RpWorkersWindow *self,
                 RpWorker        *worker)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *role = adw_combo_row_new ();
  GtkWidget *active_row = adw_action_row_new ();
  GtkWidget *active = gtk_switch_new ();
  g_autoptr(GListModel) roles = role_names ();
  g_autofree char *subtitle = NULL;
  guint caseload = rp_store_count_caseload (self->store, rp_programme_get_id (self->programme),
                                            rp_worker_get_id (worker), NULL);
  const char *team = rp_worker_get_team (worker);

  g_object_set_data (G_OBJECT (expander), "loading", GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (expander), "worker", g_object_ref (worker), g_object_unref);

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s%s%s · %u attendee allocated",
                                           "%s%s%s · %u attendees allocated", caseload),
                              rp_worker_role_get_label (rp_worker_get_role (worker)),
                              team != NULL ? " · " : "", team != NULL ? team : "", caseload);
  if (!rp_worker_get_active (worker))
    {
      char *inactive = g_strdup_printf (_("%s · no longer active"), subtitle);
      g_free (subtitle);
      subtitle = inactive;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), rp_worker_get_name (worker));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

  add_entry (expander, "name", _("Name"), rp_worker_get_name (worker), self);
  add_entry (expander, "initials", _("Initials, as task owners are shown"), rp_worker_get_initials (worker), self);
  add_entry (expander, "team", _("Team"), rp_worker_get_team (worker), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), roles);
  adw_combo_row_set_selected (ADW_COMBO_ROW (role), rp_worker_get_role (worker));
  g_signal_connect_object (role, "notify::selected", G_CALLBACK (on_worker_edited), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), role);
  g_object_set_data (G_OBJECT (expander), "role", role);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (active_row), _("Active"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (active_row), _("A worker who has left stays in the history but cannot be allocated"));
  gtk_widget_set_valign (active, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (active), rp_worker_get_active (worker));
  gtk_accessible_update_property (GTK_ACCESSIBLE (active), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Active"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (active_row), active);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (active_row), active);
  g_signal_connect_object (active, "notify::active", G_CALLBACK (on_worker_edited), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), active_row);
  g_object_set_data (G_OBJECT (expander), "active", active);

  g_object_set_data (G_OBJECT (expander), "loading", NULL);
  return expander;
}

static void
reload (RpWorkersWindow *self)
{
  g_autoptr(GListModel) workers = rp_store_list_workers (self->store, TRUE, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->workers_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; workers != NULL && i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);
      GtkWidget *row = make_worker_row (self, worker);

      adw_preferences_group_add (self->workers_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RpWorkersWindow *self = RP_WORKERS_WINDOW (widget);
  g_autoptr(RpWorker) worker = rp_worker_new ();
  g_autoptr(GError) error = NULL;

  rp_worker_set_name (worker, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  rp_worker_set_initials (worker, gtk_editable_get_text (GTK_EDITABLE (self->initials_row)));
  rp_worker_set_role (worker, adw_combo_row_get_selected (self->role_row));
  rp_worker_set_team (worker, gtk_editable_get_text (GTK_EDITABLE (self->team_row)));

  if (!rp_store_add_worker (self->store, worker, &error))
    {
      show_error (self, error);
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->initials_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->team_row), "");
  reload (self);
}

static void
rp_workers_window_dispose (GObject *object)
{
  RpWorkersWindow *self = RP_WORKERS_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_workers_window_parent_class)->dispose (object);
}

static void
rp_workers_window_class_init (RpWorkersWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_workers_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-workers-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, workers_group);
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, initials_row);
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, team_row);
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, error_label);

  gtk_widget_class_install_action (widget_class, "workers.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_workers_window_init (RpWorkersWindow *self)
{
  g_autoptr(GListModel) roles = role_names ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->role_row, roles);
}

/**
 * rp_workers_window_new:
 * @parent: (nullable): the window it belongs to
 */
RpWorkersWindow *
rp_workers_window_new (GtkWindow   *parent,
                       RpStore     *store,
                       RpProgramme *programme)
{
  RpWorkersWindow *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), NULL);

  self = g_object_new (RP_TYPE_WORKERS_WINDOW, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);
  reload (self);
  return self;
}
