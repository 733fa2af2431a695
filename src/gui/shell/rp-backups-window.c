/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-backups-window.c: the copies kept of a database, to make one or restore one */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-backups-window.h"
#include "rp-core.h"
#include "rp-team-copy.h"

struct _RpBackupsWindow
{
  AdwWindow             parent_instance;

  char                 *path;          /* NULL for a team database */
  char                 *team_name;     /* "rp_demo on db.council.example" */
  char                 *team_conninfo; /* to copy it to a file; in memory only */
  GPtrArray            *rows;
  GCancellable         *cancellable;
  gboolean              backing_up;
  gboolean              can_back_up;
  GtkNativeDialog      *file_chooser;
  GtkSpinner           *copy_spinner;   /* spins while a team database is copied */

  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *backups_group;
  GtkWidget            *back_up_button;
};

G_DEFINE_FINAL_TYPE (RpBackupsWindow, rp_backups_window, ADW_TYPE_WINDOW)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (RpBackupsWindow *self,
              const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "Monday 23 November 2026, 10:17": the day matters when choosing what to go back to. */
static char *
format_when (GDateTime *when)
{
  return g_date_time_format (when, _("%A %-d %B %Y, %H:%M"));
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RpBackupsWindow  *self)
{
  const char *backup_path = g_object_get_data (G_OBJECT (dialog), "backup-path");

  if (g_str_equal (response, "restore"))
    g_signal_emit (self, signals[RESTORE], 0, backup_path);
}

static void
on_restore_clicked (RpBackupsWindow *self,
                    GtkButton       *button)
{
  RpBackup *backup = g_object_get_data (G_OBJECT (button), "backup");
  g_autofree char *when = format_when (rp_backup_get_created (backup));
  g_autofree char *heading = g_strdup_printf (_("Restore the Backup of %s?"), when);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The database will be put back as it was then: changes made since will no longer show. "
                                     "The database as it is now is kept as a backup first, so you can go back to it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path",
                          g_strdup (rp_backup_get_path (backup)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_row (RpBackupsWindow *self,
            RpBackup        *backup)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
  g_autofree char *when = format_when (rp_backup_get_created (backup));
  g_autofree char *size = g_format_size (rp_backup_get_size (backup));
  g_autofree char *subtitle = NULL;
  g_autofree char *button_name = NULL;

  /* Translators: a backup's kind and size, as in "Daily backup · 212.0 kB" */
  subtitle = g_strdup_printf (_("%s · %s"), rp_backup_reason_get_label (rp_backup_get_reason (backup)), size);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button_name = g_strdup_printf (_("Restore the backup of %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "backup", g_object_ref (backup), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/**
 * rp_backups_window_reload:
 *
 * Lists the backups again, newest first.
 */
void
rp_backups_window_reload (RpBackupsWindow *self)
{
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *description = NULL;
  guint n_backups;

  g_return_if_fail (RP_IS_BACKUPS_WINDOW (self));

  if (self->path == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->backups_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  folder = rp_database_file_get_backup_folder (self->path);
  description = g_strdup_printf (_("Kept in %s. Reprovision makes a backup the first time the database is opened each day and keeps the last %d, "
                                   "and one before every update, import and restore and keeps the last %d. Backups made with Back Up Now are never removed by Reprovision."),
                                 folder, RP_BACKUP_KEEP_DAILY, RP_BACKUP_KEEP_PRE_CHANGE);
  adw_preferences_group_set_description (self->backups_group, description);

  if (!(backups = rp_backup_list (self->path, &error)))
    {
      show_message (self, error->message);
      return;
    }

  n_backups = g_list_model_get_n_items (backups);
  for (guint i = 0; i < n_backups; i++)
    {
      g_autoptr(RpBackup) backup = g_list_model_get_item (backups, i);
      GtkWidget *row = create_row (self, backup);

      adw_preferences_group_add (self->backups_group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (n_backups == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_preferences_group_add (self->backups_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
back_up_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  char *copy = rp_database_file_back_up (task_data, RP_BACKUP_MANUAL, &error);

  if (copy == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, copy, g_free);
}

static void
on_backed_up (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_task_propagate_pointer (G_TASK (result), &error);
  RpBackupsWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RP_BACKUPS_WINDOW (source_object);
  self->backing_up = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up", self->can_back_up);

  if (copy == NULL)
    {
      show_message (self, error->message);
      return;
    }

  rp_backups_window_reload (self);
  show_message (self, _("Backed up"));
}

/* A large database takes a while to copy: the window stays responsive meanwhile. */
static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpBackupsWindow *self = RP_BACKUPS_WINDOW (widget);
  g_autoptr(GTask) task = NULL;

  if (self->backing_up)
    return;

  self->backing_up = TRUE;
  gtk_widget_action_set_enabled (widget, "backups.back-up", FALSE);

  task = g_task_new (self, self->cancellable, on_backed_up, NULL);
  g_task_set_source_tag (task, back_up_action);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, back_up_in_thread);
}

/* A team database copied into a file --------------------------------------- */

typedef struct
{
  char *conninfo;
  char *path;
} Copying;

static void
copying_free (Copying *copying)
{
  memset (copying->conninfo, 0, strlen (copying->conninfo));
  g_free (copying->conninfo);
  g_free (copying->path);
  g_free (copying);
}

static void
copy_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Copying *copying = task_data;
  g_auto(RpTeamCopySummary) summary = { 0 };
  GError *error = NULL;

  if (!rp_team_copy_team_to_file (copying->conninfo, copying->path, &summary, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Translators: after saving a team database as a file, as in "Saved a copy with 19 attendees: /home/jo/rp_demo.db" */
  g_task_return_pointer (task,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Saved a copy with %lu attendee: %s",
                                                       "Saved a copy with %lu attendees: %s",
                                                       (gulong) summary.attendees),
                                          (gulong) summary.attendees, copying->path),
                         g_free);
}

static void
on_copied (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_task_propagate_pointer (G_TASK (result), &error);
  RpBackupsWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RP_BACKUPS_WINDOW (source_object);
  self->backing_up = FALSE;
  gtk_spinner_set_spinning (self->copy_spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.save-copy", TRUE);
  show_message (self, message != NULL ? message : error->message);
}

/**
 * rp_backups_window_save_copy:
 * @path: a new file
 *
 * Copies the team database into @path in a thread, as Save a Copy as a
 * File does once a file is chosen; the window says when it is done or why not.
 */
void
rp_backups_window_save_copy (RpBackupsWindow *self,
                             const char      *path)
{
  g_autoptr(GTask) task = NULL;
  Copying *copying;

  g_return_if_fail (RP_IS_BACKUPS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->backing_up || self->team_conninfo == NULL)
    return;

  /* Reading the whole database takes a while: the window stays responsive. */
  self->backing_up = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.save-copy", FALSE);
  gtk_spinner_set_spinning (self->copy_spinner, TRUE);

  copying = g_new0 (Copying, 1);
  copying->conninfo = g_strdup (self->team_conninfo);
  copying->path = g_strdup (path);
  task = g_task_new (self, self->cancellable, on_copied, NULL);
  g_task_set_source_tag (task, rp_backups_window_save_copy);
  g_task_set_task_data (task, copying, (GDestroyNotify) copying_free);
  g_task_run_in_thread (task, copy_in_thread);
}

/**
 * rp_backups_window_is_busy:
 *
 * Returns: %TRUE while a backup or a copy is being made
 */
gboolean
rp_backups_window_is_busy (RpBackupsWindow *self)
{
  g_return_val_if_fail (RP_IS_BACKUPS_WINDOW (self), FALSE);

  return self->backing_up;
}

static void
on_copy_response (RpBackupsWindow *self,
                  int              response,
                  GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->file_chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    rp_backups_window_save_copy (self, path);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RpBackupsWindow *self = RP_BACKUPS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  if (self->backing_up || self->team_name == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save a Copy as a File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the suggested file name of a team database's copy */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Reprovision copy.db"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_copy_response), self, G_CONNECT_SWAPPED);
  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
rp_backups_window_dispose (GObject *object)
{
  RpBackupsWindow *self = RP_BACKUPS_WINDOW (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_BACKUPS_WINDOW);

  G_OBJECT_CLASS (rp_backups_window_parent_class)->dispose (object);
}

static void
rp_backups_window_finalize (GObject *object)
{
  RpBackupsWindow *self = RP_BACKUPS_WINDOW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->team_name, g_free);
  if (self->team_conninfo != NULL)
    memset (self->team_conninfo, 0, strlen (self->team_conninfo));
  g_clear_pointer (&self->team_conninfo, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rp_backups_window_parent_class)->finalize (object);
}

static void
rp_backups_window_class_init (RpBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_backups_window_dispose;
  object_class->finalize = rp_backups_window_finalize;

  /**
   * RpBackupsWindow::restore:
   * @backup_path: the backup the user confirmed
   *
   * The user asked to put this backup in place of the database; whoever has
   * the database open closes it and restores.
   */
  signals[RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/shell/rp-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpBackupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RpBackupsWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, RpBackupsWindow, back_up_button);

  gtk_widget_class_install_action (widget_class, "backups.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "backups.save-copy", NULL, save_copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_backups_window_init (RpBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

/**
 * rp_backups_window_new:
 * @parent: (nullable): the window to stay on top of
 * @database_path: the database whose backups are shown
 * @can_back_up: %FALSE when the database cannot be read to copy it (damaged)
 */
RpBackupsWindow *
rp_backups_window_new (GtkWindow  *parent,
                       const char *database_path,
                       gboolean    can_back_up)
{
  RpBackupsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (RP_TYPE_BACKUPS_WINDOW, "transient-for", parent, NULL);
  self->path = g_strdup (database_path);
  self->can_back_up = can_back_up;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up", can_back_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.save-copy", FALSE);
  rp_backups_window_reload (self);

  return self;
}

/**
 * rp_backups_window_new_for_team:
 * @parent: (nullable): the window to stay on top of
 * @team_name: which team database, as rp_store_dup_display_name() says it
 * @conninfo: (nullable): its location with the password that opened it,
 *   for a copy to a file; kept in memory only
 *
 * Says that a team database's backups are its server administrator's, and
 * offers a copy of it as a file.
 */
RpBackupsWindow *
rp_backups_window_new_for_team (GtkWindow  *parent,
                                const char *team_name,
                                const char *conninfo)
{
  RpBackupsWindow *self;
  g_autofree char *description = NULL;
  GtkWidget *row;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (team_name != NULL, NULL);

  self = g_object_new (RP_TYPE_BACKUPS_WINDOW, "transient-for", parent, NULL);
  self->team_name = g_strdup (team_name);
  self->team_conninfo = g_strdup (conninfo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up", FALSE);
  gtk_widget_set_visible (self->back_up_button, FALSE);

  adw_preferences_group_set_title (self->backups_group, _("Backups of This Team Database"));
  description = g_strdup_printf (_("%s is kept on a database server. Backing it up, and putting a backup back, is the job of the server’s administrator: "
                                   "Reprovision makes no backups of a team database. Ask the administrator how often it is backed up and how to get a copy back."),
                                 team_name);
  adw_preferences_group_set_description (self->backups_group, description);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("A copy on this computer"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("A Reprovision file with everything in the team database, its history and audit trail, as it is now. "
                                 "Keep it as safe as the database: it holds attendees’ personal details."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Save a Copy as a File…"));

    self->copy_spinner = GTK_SPINNER (gtk_spinner_new ());
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_spinner),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Saving a copy"),
                                    -1);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->copy_spinner));

    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.save-copy");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  }
  adw_preferences_group_add (self->backups_group, row);
  g_ptr_array_add (self->rows, row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.save-copy", conninfo != NULL);

  return self;
}

const char *
rp_backups_window_get_path (RpBackupsWindow *self)
{
  g_return_val_if_fail (RP_IS_BACKUPS_WINDOW (self), NULL);

  return self->path;
}
