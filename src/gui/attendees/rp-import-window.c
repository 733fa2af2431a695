/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-import-window.c: checking a CSV file of attendees, then adding them all or none */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-import-window.h"

/* More than this many problems are summed up: nobody reads a thousand rows of them. */
#define MAX_PROBLEM_ROWS 100
#define PREVIEW_ROWS 5

struct _RpImportWindow
{
  AdwWindow            parent_instance;

  RpStore             *store;
  RpProgramme         *programme;
  RpImport            *import;
  GCancellable        *cancellable;
  GPtrArray           *problem_rows;
  GPtrArray           *preview_rows;
  guint                n_problems;
  guint                n_attendees;
  guint                pulse_source;

  AdwActionRow        *summary_row;
  GtkImage            *summary_icon;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *problems_group;
  AdwPreferencesGroup *preview_group;
  GtkRevealer         *progress_revealer;
  GtkProgressBar      *progress_bar;
};

G_DEFINE_FINAL_TYPE (RpImportWindow, rp_import_window, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and cells from the file are text: "<" or "&" must show as written. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static char *
describe_problem_place (RpImportProblem *problem)
{
  if (problem->heading != NULL)
    /* Translators: where a problem is, as in "Line 4, column “step”" */
    return g_strdup_printf (_("Line %u, column “%s”"), problem->line, problem->heading);
  if (problem->line > 0)
    return g_strdup_printf (_("Line %u"), problem->line);
  return g_strdup (_("The whole file"));
}

static void
show_preview (RpImportWindow *self,
              GPtrArray      *attendees)
{
  clear_rows (self->preview_group, self->preview_rows);

  for (guint i = 0; i < MIN (attendees->len, PREVIEW_ROWS); i++)
    {
      RpAttendee *attendee = g_ptr_array_index (attendees, i);
      int step = rp_attendee_get_step (attendee);
      g_autofree char *title = g_strdup_printf ("%d · %s", rp_attendee_get_number (attendee),
                                                rp_attendee_get_full_name (attendee));
      /* Translators: an attendee about to be imported, as in "ASC · step 2 · Contact with people to commence discussion" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · step %d · %s"),
                                                   rp_funding_get_label (rp_attendee_get_funding (attendee)),
                                                   step, rp_moving_plan_step_name (step));

      add_row (self->preview_group, self->preview_rows, title, subtitle);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), attendees->len > 0);
}

/* Checks every row against the programme, as the file is mapped now. */
static void
recheck (RpImportWindow *self)
{
  g_autoptr(RpImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *problems;

  clear_rows (self->problems_group, self->problem_rows);

  preview = rp_import_check (self->import, self->store, rp_programme_get_id (self->programme), NULL, &error);
  if (preview == NULL)
    {
      self->n_problems = 1;
      self->n_attendees = 0;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), error->message);
      gtk_image_set_from_icon_name (self->summary_icon, "dialog-warning-symbolic");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
      return;
    }

  problems = rp_import_preview_get_problems (preview);
  self->n_problems = problems->len;
  self->n_attendees = rp_import_preview_get_attendees (preview)->len;

  for (guint i = 0; i < MIN (problems->len, MAX_PROBLEM_ROWS); i++)
    {
      RpImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *place = describe_problem_place (problem);

      add_row (self->problems_group, self->problem_rows, place, problem->message);
    }
  if (problems->len > MAX_PROBLEM_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("And %u more problems"), problems->len - MAX_PROBLEM_ROWS);

      add_row (self->problems_group, self->problem_rows, more, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);

  if (problems->len > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The file has %u problem. Nothing will be imported until it is put right.",
                                            "The file has %u problems. Nothing will be imported until they are put right.",
                                            problems->len),
                               problems->len);
  else if (self->n_attendees == 0)
    summary = g_strdup (_("The file holds no attendees."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u attendee will be added to %s.",
                                            "%u attendees will be added to %s.",
                                            self->n_attendees),
                               self->n_attendees, rp_programme_get_name (self->programme));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), summary);
  gtk_image_set_from_icon_name (self->summary_icon, problems->len > 0 || self->n_attendees == 0
                                                    ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  show_preview (self, rp_import_preview_get_attendees (preview));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 problems->len == 0 && self->n_attendees > 0);
}

static void
on_field_selected (RpImportWindow *self,
                   GParamSpec     *pspec,
                   AdwComboRow    *row)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  rp_import_set_field (self->import, column, adw_combo_row_get_selected (row));
  recheck (self);
}

static void
build_column_rows (RpImportWindow *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  for (guint field = 0; field < RP_IMPORT_N_FIELDS; field++)
    gtk_string_list_append (fields, rp_import_field_get_label (field));

  for (guint column = 0; column < rp_import_get_n_columns (self->import); column++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *heading = rp_import_get_heading (self->import, column);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     heading != NULL && heading[0] != '\0' ? heading : _("(no heading)"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   rp_import_is_recognised (self->import, column)
                                   ? _("Recognised") : _("Not recognised: choose what it holds"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), rp_import_get_field (self->import, column));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (column));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_field_selected), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->columns_group, row);
    }
}

/* Applying ------------------------------------------------------------------ */

static gboolean
pulse (gpointer user_data)
{
  RpImportWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (RpImportWindow *self,
          gboolean        busy)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->columns_group), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", !busy && self->n_problems == 0 && self->n_attendees > 0);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (busy)
    self->pulse_source = g_timeout_add (100, pulse, self);
}

static void
on_applied (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RpImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  GtkWidget *dialog;

  rp_import_apply_finish (RP_IMPORT (source_object), result, &n_added, &error);

  /* The window was closed while importing; the store has announced any change. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (error != NULL)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      recheck (self);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, n_added);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RpImportWindow *self = RP_IMPORT_WINDOW (widget);

  if (self->n_problems > 0 || self->n_attendees == 0 || self->pulse_source != 0)
    return;

  set_busy (self, TRUE);
  rp_import_apply_async (self->import, self->store, rp_programme_get_id (self->programme),
                         self->cancellable, on_applied, g_object_ref (self));
}

/* GObject ------------------------------------------------------------------ */

static void
rp_import_window_dispose (GObject *object)
{
  RpImportWindow *self = RP_IMPORT_WINDOW (object);

  /* Closing the window while importing stops the import; it is rolled back. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_IMPORT_WINDOW);

  G_OBJECT_CLASS (rp_import_window_parent_class)->dispose (object);
}

static void
rp_import_window_finalize (GObject *object)
{
  RpImportWindow *self = RP_IMPORT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_import_window_parent_class)->finalize (object);
}

static void
rp_import_window_class_init (RpImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_import_window_dispose;
  object_class->finalize = rp_import_window_finalize;

  /**
   * RpImportWindow::imported:
   * @n_added: how many attendees were added
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpImportWindow, summary_row);
  gtk_widget_class_bind_template_child (widget_class, RpImportWindow, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, RpImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RpImportWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, RpImportWindow, preview_group);
  gtk_widget_class_bind_template_child (widget_class, RpImportWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpImportWindow, progress_bar);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_import_window_init (RpImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->problem_rows = g_ptr_array_new ();
  self->preview_rows = g_ptr_array_new ();
}

/**
 * rp_import_window_new:
 * @import: the file, read and mapped as far as its headings allow
 * @file_name: shown in the title, so the right file is checked
 */
RpImportWindow *
rp_import_window_new (GtkWindow   *parent,
                      RpStore     *store,
                      RpProgramme *programme,
                      RpImport    *import,
                      const char  *file_name)
{
  RpImportWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (RP_IS_IMPORT (import), NULL);

  self = g_object_new (RP_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);
  self->import = g_object_ref (import);

  if (file_name != NULL)
    {
      /* Translators: the import window's title, as in "Import attendees.csv" */
      g_autofree char *title = g_strdup_printf (_("Import %s"), file_name);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }

  build_column_rows (self);
  recheck (self);

  return self;
}

guint
rp_import_window_get_n_problems (RpImportWindow *self)
{
  g_return_val_if_fail (RP_IS_IMPORT_WINDOW (self), 0);

  return self->n_problems;
}
