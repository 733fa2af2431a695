/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-window-actions.c: what the main window's menus and buttons do */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-backups-window.h"
#include "rp-file-chooser.h"
#include "rp-import-window.h"
#include "rp-preferences-window.h"
#include "rp-programme-history-window.h"
#include "rp-window-private.h"

static void
add_database_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Reprovision databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "reprovision");
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_chooser_add_filter (chooser, filter);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* The local path the user accepted in a file chooser, or %NULL. */
static char *
chosen_path (int              response,
             GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) == NULL)
    return NULL;

  return g_file_get_path (file);
}

static void
on_open_response (RpWindow        *self,
                  int              response,
                  GtkNativeDialog *dialog)
{
  g_autofree char *path = chosen_path (response, dialog);

  if (path != NULL)
    _rp_window_open_or_report (self, path);

  g_clear_object (&self->file_chooser);
}

/* Shows @chooser modally, replacing any other, and calls @on_response with the window. */
static void
show_file_chooser (RpWindow             *self,
                   GtkFileChooserNative *chooser,
                   GCallback             on_response)
{
  rp_file_chooser_open_away_from (GTK_FILE_CHOOSER (chooser), self->store);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", on_response, self, G_CONNECT_SWAPPED);

  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
choose_database_to_open (RpWindow *self,
                         gpointer  data)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_database_filter (GTK_FILE_CHOOSER (chooser));
  show_file_chooser (self, chooser, G_CALLBACK (on_open_response));
}

/* Opening another database asks first if an attendee's change could not be
 * saved in this one (as closing the window does). */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _rp_window_leave_database (RP_WINDOW (widget), RP_WINDOW_LEAVING_OPEN, choose_database_to_open, NULL, NULL);
}

static void
on_new_response (RpWindow        *self,
                 int              response,
                 GtkNativeDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = chosen_path (response, dialog);
  g_autofree char *created = NULL;

  g_clear_object (&self->file_chooser);
  if (path == NULL)
    return;

  /* An existing file is opened, never replaced. */
  if (!(created = rp_session_create (self->session, path, &error)))
    {
      rp_window_show_error (self, _("Could Not Create the Database"), error);
      return;
    }

  _rp_window_open_or_report (self, created);
}

static void
choose_database_to_create (RpWindow *self,
                           gpointer  data)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  add_database_filter (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Reprovision.db"));
  show_file_chooser (self, chooser, G_CALLBACK (on_new_response));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _rp_window_leave_database (RP_WINDOW (widget), RP_WINDOW_LEAVING_OPEN, choose_database_to_create, NULL, NULL);
}

/* A file that could not be opened is shown on the fault page; anything
 * else that went wrong (a copy or the sample not made) in a dialogue. */
static void
report_unless_fault (RpWindow     *self,
                     guint         n_faults_before,
                     const char   *heading,
                     const GError *error)
{
  if (self->n_faults == n_faults_before)
    rp_window_show_error (self, heading, error);
}

static void
open_sample (RpWindow *self,
             gpointer  data)
{
  guint n_faults = self->n_faults;
  g_autoptr(GError) error = NULL;

  if (!rp_session_open_sample (self->session, &error))
    {
      report_unless_fault (self, n_faults, _("Could Not Open the Sample Programme"), error);
      return;
    }

  _rp_window_opened (self);
}

static void
explore_sample_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _rp_window_leave_database (RP_WINDOW (widget), RP_WINDOW_LEAVING_OPEN, open_sample, NULL, NULL);
}

static void
retry_open_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RpWindow *self = RP_WINDOW (widget);
  g_autofree char *path = g_strdup (rp_session_get_path (self->session));

  if (path != NULL)
    _rp_window_open_or_report (self, path);
}

static void
open_local_copy_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RpWindow *self = RP_WINDOW (widget);
  guint n_faults = self->n_faults;
  g_autoptr(GError) error = NULL;

  if (!rp_session_open_local_copy (self->session, &error))
    {
      report_unless_fault (self, n_faults, _("The Database Could Not Be Copied"), error);
      return;
    }

  _rp_window_opened (self);
}

static void
open_read_only_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RpWindow *self = RP_WINDOW (widget);
  g_autofree char *path = g_strdup (rp_session_get_path (self->session));

  /* A failure is the session's fault, shown on the fault page. */
  if (path != NULL)
    _rp_window_open (self, path, RP_STORE_OPEN_READ_ONLY, NULL);
}

/* The repair is the user's decision, taken on the fault page; it is recorded in the audit trail. */
static void
repair_protection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RpWindow *self = RP_WINDOW (widget);

  if (rp_session_get_path (self->session) != NULL &&
      rp_session_repair_protection (self->session, NULL))
    _rp_window_opened (self);
}

typedef struct
{
  RpWindow        *window;
  RpBackupsWindow *dialog;
} Restoring;

static void
restoring_free (Restoring *restoring)
{
  g_object_unref (restoring->window);
  g_object_unref (restoring->dialog);
  g_free (restoring);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Restoring, restoring_free)

static void
on_restored (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Restoring) restoring = user_data;
  RpWindow *self = restoring->window;
  RpBackupsWindow *dialog = restoring->dialog;
  g_autoptr(GError) error = NULL;

  if (!rp_session_restore_finish (RP_SESSION (source_object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Opened again as it was, if it can be. */
      if (self->store != NULL)
        _rp_window_opened (self);
      rp_backups_window_reload (dialog);
      rp_window_show_error (self, _("Could Not Restore the Backup"), error);
      return;
    }

  _rp_window_opened (self);
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_window_add_toast (self, _("Backup restored. The database as it was before is kept among the backups."));
}

static void
on_restore (RpWindow        *self,
            const char      *backup_path,
            RpBackupsWindow *dialog)
{
  Restoring *restoring = g_new0 (Restoring, 1);

  restoring->window = g_object_ref (self);
  restoring->dialog = g_object_ref (dialog);
  rp_session_restore_async (self->session, backup_path, self->cancellable, on_restored, restoring);
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpWindow *self = RP_WINDOW (widget);
  const char *path = rp_session_get_path (self->session);
  RpBackupsWindow *dialog;

  /* The server's administrator backs a team database up; the window says so. */
  if (self->store != NULL && rp_store_is_team (self->store))
    {
      g_autofree char *name = rp_store_dup_display_name (self->store);

      dialog = rp_backups_window_new_for_team (GTK_WINDOW (self), name, self->team_conninfo);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (path == NULL)
    return;

  /* A damaged or foreign file cannot be copied; its backups can still be restored. */
  dialog = rp_backups_window_new (GTK_WINDOW (self), path, self->store != NULL);
  g_signal_connect_object (dialog, "restore", G_CALLBACK (on_restore), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_imported (RpWindow       *self,
             guint           n_added,
             RpImportWindow *dialog)
{
  g_autofree char *message = NULL;

  /* The store has already announced the new attendees (rp_import_apply_async()). */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u attendee. A backup of the database as it was is kept among the backups.",
                                          "Imported %u attendees. A backup of the database as it was is kept among the backups.",
                                          n_added),
                             n_added);
  rp_window_add_toast (self, message);
}

/**
 * rp_window_import_file:
 * @path: a CSV file of attendees
 *
 * Reads @path and shows the import window for it, or says why it cannot be read.
 */
void
rp_window_import_file (RpWindow   *self,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpImport) import = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  RpImportWindow *dialog;
  gsize length;

  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL || self->programme == NULL)
    return;

  /* Reading the open database through a descriptor of our own would drop
   * SQLite's locks on it. */
  if (rp_output_file_is_protected (path))
    {
      g_set_error (&error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” is the database itself, or one of its backups, not a CSV file of attendees. Choose the CSV file to import."),
                   path);
      rp_window_show_error (self, _("The File Cannot Be Imported"), error);
      return;
    }

  if (!g_file_get_contents (path, &contents, &length, &error) ||
      !(import = rp_import_new_from_data (contents, length, NULL, &error)))
    {
      rp_window_show_error (self, _("The File Cannot Be Imported"), error);
      return;
    }

  name = g_path_get_basename (path);
  dialog = rp_import_window_new (GTK_WINDOW (self), self->store, self->programme, import, name);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response (RpWindow        *self,
                    int              response,
                    GtkNativeDialog *dialog)
{
  g_autofree char *path = chosen_path (response, dialog);

  if (path != NULL)
    rp_window_import_file (self, path);

  g_clear_object (&self->file_chooser);
}

static void
import_attendees_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RpWindow *self = RP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Attendees from a CSV File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  show_file_chooser (self, chooser, G_CALLBACK (on_import_response));
}

static void
choose_team_database (RpWindow *self,
                      gpointer  data)
{
  _rp_window_present_team_connect_window (self, NULL);
}

static void
open_team_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _rp_window_leave_database (RP_WINDOW (widget), RP_WINDOW_LEAVING_OPEN, choose_team_database, NULL, NULL);
}

static void
move_to_team_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _rp_window_present_team_move_window (RP_WINDOW (widget));
}

/* The Backups window's copy, from the main menu: the file is chosen at once,
 * and the Backups window says how the copy goes. */
static void
save_team_copy_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RpWindow *self = RP_WINDOW (widget);
  g_autofree char *name = NULL;
  RpBackupsWindow *dialog;

  if (self->store == NULL || !rp_store_is_team (self->store))
    return;

  name = rp_store_dup_display_name (self->store);
  dialog = rp_backups_window_new_for_team (GTK_WINDOW (self), name, self->team_conninfo);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "backups.save-copy", NULL);
}

static void
new_programme_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RpWindow *self = RP_WINDOW (widget);

  /* Without an open database, the programme goes into the default one;
   * opening an empty one asks for its programme already. */
  if (self->store == NULL)
    {
      g_autofree char *path = rp_store_get_default_path ();

      if (!_rp_window_open (self, path, RP_STORE_OPEN_CREATE, NULL) || self->programme == NULL)
        return;
    }

  _rp_window_present_new_programme_window (self);
}

static void
programme_history_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RpWindow *self = RP_WINDOW (widget);

  if (self->store == NULL || self->programme == NULL)
    return;

  gtk_window_present (GTK_WINDOW (rp_programme_history_window_new (GTK_WINDOW (self), self->store, self->programme)));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (rp_preferences_window_new (GTK_WINDOW (widget), RP_WINDOW (widget)->store)));
}

/* Built when asked for: from gtk/help-overlay.ui, GtkApplication would build
 * it with every window, a third of the time the main window takes to make. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/reprovision/Reprovision/ui/shell/help-overlay.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}


void
_rp_window_class_actions_init (RpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-team", NULL, open_team_action);
  gtk_widget_class_install_action (widget_class, "win.move-to-team", NULL, move_to_team_action);
  gtk_widget_class_install_action (widget_class, "win.save-team-copy", NULL, save_team_copy_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.explore-sample", NULL, explore_sample_action);
  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL, new_programme_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.programme-history", NULL, programme_history_action);
  gtk_widget_class_install_action (widget_class, "win.import-attendees", NULL, import_attendees_action);
  gtk_widget_class_install_action (widget_class, "win.retry-open", NULL, retry_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-read-only", NULL, open_read_only_action);
  gtk_widget_class_install_action (widget_class, "win.open-local-copy", NULL, open_local_copy_action);
  gtk_widget_class_install_action (widget_class, "win.repair-protection", NULL, repair_protection_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
}
