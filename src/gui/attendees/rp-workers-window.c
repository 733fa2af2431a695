/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-workers-window.c: social workers and day-centre staff, with their caseloads */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-workers-window.h"

#define N_ROLES 4

struct _RpWorkersWindow
{
  RpRecordListWindow   parent_instance;

  RpProgramme         *programme;

  AdwEntryRow         *name_row;
  AdwEntryRow         *initials_row;
  AdwComboRow         *role_row;
  AdwEntryRow         *team_row;
  AdwEntryRow         *phone_row;
};

G_DEFINE_FINAL_TYPE (RpWorkersWindow, rp_workers_window, RP_TYPE_RECORD_LIST_WINDOW)

static GListModel *
role_names (void)
{
  GtkStringList *roles = gtk_string_list_new (NULL);

  for (int role = 0; role < N_ROLES; role++)
    gtk_string_list_append (roles, rp_worker_role_get_label (role));

  return G_LIST_MODEL (roles);
}

static GListModel *
list_records (RpRecordListWindow *window)
{
  return rp_store_list_workers (rp_record_list_window_get_store (window), TRUE, NULL);
}

static void
fill_row (RpRecordListWindow *window,
          RpRecordRow        *row,
          GObject            *record)
{
  RpWorkersWindow *self = RP_WORKERS_WINDOW (window);
  RpWorker *worker = RP_WORKER (record);
  g_autoptr(GListModel) roles = role_names ();
  g_autofree char *subtitle = NULL;
  guint caseload = rp_store_count_caseload (rp_record_list_window_get_store (window), rp_programme_get_id (self->programme),
                                            rp_worker_get_id (worker), NULL);
  const char *team = rp_worker_get_team (worker);

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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_worker_get_name (worker));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  rp_record_row_add_entry (row, "name", _("Name"));
  rp_record_row_add_entry (row, "initials", _("Initials, as task owners are shown"));
  rp_record_row_add_entry (row, "team", _("Team"));
  rp_record_row_add_entry (row, "phone", _("Phone number families may call"));
  rp_record_row_add_combo (row, "role", _("Role"), roles);
  rp_record_row_add_switch (row, "active", _("Active"), _("A worker who has left stays in the history but cannot be allocated"));
}

static gboolean
save_record (RpRecordListWindow  *window,
             GObject             *record,
             GError             **error)
{
  return rp_store_save_worker (rp_record_list_window_get_store (window), RP_WORKER (record), error);
}

static gboolean
add_record (RpRecordListWindow  *window,
            GError             **error)
{
  RpWorkersWindow *self = RP_WORKERS_WINDOW (window);
  g_autoptr(RpWorker) worker = rp_worker_new ();

  rp_worker_set_name (worker, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  rp_worker_set_initials (worker, gtk_editable_get_text (GTK_EDITABLE (self->initials_row)));
  rp_worker_set_role (worker, adw_combo_row_get_selected (self->role_row));
  rp_worker_set_team (worker, gtk_editable_get_text (GTK_EDITABLE (self->team_row)));
  rp_worker_set_phone (worker, gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));

  if (!rp_store_add_worker (rp_record_list_window_get_store (window), worker, error))
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->initials_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->team_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), "");
  return TRUE;
}

static void
rp_workers_window_dispose (GObject *object)
{
  RpWorkersWindow *self = RP_WORKERS_WINDOW (object);

  g_clear_object (&self->programme);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_WORKERS_WINDOW);

  G_OBJECT_CLASS (rp_workers_window_parent_class)->dispose (object);
}

static void
rp_workers_window_class_init (RpWorkersWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpRecordListWindowClass *list_class = RP_RECORD_LIST_WINDOW_CLASS (klass);

  object_class->dispose = rp_workers_window_dispose;
  list_class->table = "worker";
  list_class->list_records = list_records;
  list_class->fill_row = fill_row;
  list_class->save_record = save_record;
  list_class->add_record = add_record;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-workers-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, initials_row);
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, team_row);
  gtk_widget_class_bind_template_child (widget_class, RpWorkersWindow, phone_row);
}

static void
rp_workers_window_init (RpWorkersWindow *self)
{
  g_autoptr(GListModel) roles = role_names ();

  gtk_widget_init_template (GTK_WIDGET (self));
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
  self->programme = g_object_ref (programme);
  rp_record_list_window_set_store (RP_RECORD_LIST_WINDOW (self), store);
  return self;
}
