/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-programme-history-window.c: who changed the programme's settings, workers, providers and timetable, and when
 *
 * A record list of the core's history lines, read-only: it follows every
 * table the programme's history tells of, so a change made here or by
 * another program appears as soon as the store announces it. */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-programme-history-window.h"

struct _RpProgrammeHistoryWindow
{
  RpRecordListWindow  parent_instance;

  /* Owned References */
  RpProgramme        *programme;
  GSettings          *settings;
};

G_DEFINE_FINAL_TYPE (RpProgrammeHistoryWindow, rp_programme_history_window, RP_TYPE_RECORD_LIST_WINDOW)

/* The tables rp_history_describe_programme() tells of. */
static const char * const followed_tables[] = { "programme", "worker", "provider", "timetable_action", NULL };

static GListModel *
list_records (RpRecordListWindow *window)
{
  RpProgrammeHistoryWindow *self = RP_PROGRAMME_HISTORY_WINDOW (window);
  RpStore *store = rp_record_list_window_get_store (window);
  g_autofree char *my_name = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (self->programme == NULL)
    return NULL;

  /* Changes made from this computer account read as the worker it belongs to. */
  my_name = g_settings_get_string (self->settings, "my-worker");
  lines = rp_history_describe_programme (store, rp_programme_get_id (self->programme), rp_store_get_user (store),
                                         my_name, NULL);
  if (lines == NULL)
    return NULL;

  g_ptr_array_add (lines, NULL);
  return G_LIST_MODEL (gtk_string_list_new ((const char * const *) lines->pdata));
}

static GtkWidget *
make_row (RpRecordListWindow *window,
          GObject            *record)
{
  const char *line = gtk_string_object_get_string (GTK_STRING_OBJECT (record));
  GtkWidget *row = adw_action_row_new ();

  /* Typed values are shown as typed, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
  /* A screen reader moving down the history reads each line as it comes. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, line, -1);
  return row;
}

static void
rp_programme_history_window_dispose (GObject *object)
{
  RpProgrammeHistoryWindow *self = RP_PROGRAMME_HISTORY_WINDOW (object);

  g_clear_object (&self->programme);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rp_programme_history_window_parent_class)->dispose (object);
}

static void
rp_programme_history_window_class_init (RpProgrammeHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpRecordListWindowClass *list_class = RP_RECORD_LIST_WINDOW_CLASS (klass);

  object_class->dispose = rp_programme_history_window_dispose;
  list_class->tables = followed_tables;
  list_class->list_records = list_records;
  list_class->make_row = make_row;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/shell/rp-programme-history-window.ui");
}

static void
rp_programme_history_window_init (RpProgrammeHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
}

/**
 * rp_programme_history_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * The history of @programme, following @store.
 */
RpProgrammeHistoryWindow *
rp_programme_history_window_new (GtkWindow   *parent,
                                 RpStore     *store,
                                 RpProgramme *programme)
{
  RpProgrammeHistoryWindow *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), NULL);

  self = g_object_new (RP_TYPE_PROGRAMME_HISTORY_WINDOW, "transient-for", parent, "modal", parent != NULL, NULL);
  self->programme = g_object_ref (programme);
  rp_record_list_window_set_store (RP_RECORD_LIST_WINDOW (self), store);
  return self;
}
