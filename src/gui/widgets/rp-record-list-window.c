/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-record-list-window.c: a window listing one kind of record, to edit in place or add to
 *
 * The workers and providers windows are this window with their own records,
 * rows and add form; the programme's history is this window with read-only
 * rows and no form. It follows the store: whatever changes the table, here
 * or elsewhere, the list is made again from what is stored. */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-record-list-window.h"
#include "rp-team.h"

typedef struct
{
  /* Owned References */
  RpStore             *store;
  GSignalGroup        *store_signals;
  GPtrArray           *rows;      /* the rows of the records group, to make it again */
  GPtrArray           *unsaved;   /* drafts not saved for a lost connection: saved once it is back */
  guint                reload_source;
  guint                resave_source;
  gboolean             discard_unsaved;

  /* Template Widgets */
  AdwPreferencesGroup *records_group;
  AdwPreferencesGroup *add_group;
  AdwBin              *add_form_bin;
  GtkButton           *add_button;
  GtkLabel            *error_label;
} RpRecordListWindowPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RpRecordListWindow, rp_record_list_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RECORDS_TITLE,
  PROP_RECORDS_DESCRIPTION,
  PROP_ADD_TITLE,
  PROP_ADD_LABEL,
  PROP_ADD_FORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (RpRecordListWindow *self,
            const GError       *error)
{
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  gtk_label_set_label (priv->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), error != NULL);
}

static void
on_row_edited (RpRecordListWindow *self,
               RpRecordRow        *row)
{
  g_autoptr(GError) error = NULL;

  /* A saved edit comes back through the store's change signal. */
  show_error (self, NULL);
  if (!RP_RECORD_LIST_WINDOW_GET_CLASS (self)->save_record (self, rp_record_row_get_draft (row), &error))
    {
      RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);
      GObject *draft = rp_record_row_get_draft (row);

      show_error (self, error);
      if (g_error_matches (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE) &&
          !g_ptr_array_find (priv->unsaved, draft, NULL))
        g_ptr_array_add (priv->unsaved, g_object_ref (draft));
    }
}

/* The team database is back: what could not be saved is saved now, before
 * the rows are made again from what is stored. */
static gboolean
save_again (gpointer user_data)
{
  RpRecordListWindow *self = user_data;
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);
  g_autoptr(GPtrArray) drafts = NULL;

  priv->resave_source = 0;
  if (priv->store == NULL || rp_store_get_connection_lost (priv->store) || priv->unsaved->len == 0)
    return G_SOURCE_REMOVE;

  drafts = g_steal_pointer (&priv->unsaved);
  priv->unsaved = g_ptr_array_new_with_free_func (g_object_unref);
  show_error (self, NULL);
  for (guint i = 0; i < drafts->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!RP_RECORD_LIST_WINDOW_GET_CLASS (self)->save_record (self, g_ptr_array_index (drafts, i), &error))
        {
          show_error (self, error);
          if (g_error_matches (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE))
            g_ptr_array_add (priv->unsaved, g_object_ref (g_ptr_array_index (drafts, i)));
        }
    }
  return G_SOURCE_REMOVE;
}

/* Saved from an idle, once every form following the store has read what
 * became of an unanswered COMMIT (a save now would reset it). */
static void
on_connection_lost_changed (RpRecordListWindow *self,
                            GParamSpec         *pspec,
                            RpStore            *store)
{
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  if (rp_store_get_connection_lost (store) || priv->unsaved->len == 0 || priv->resave_source != 0)
    return;

  priv->resave_source = g_idle_add (save_again, self);
}

static void
on_close_unsaved_response (RpRecordListWindow *self,
                           const char         *response)
{
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  if (!g_str_equal (response, "close"))
    return;

  priv->discard_unsaved = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Closing never drops an edit that could not be saved without asking. */
static gboolean
rp_record_list_window_close_request (GtkWindow *window)
{
  RpRecordListWindow *self = RP_RECORD_LIST_WINDOW (window);
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);
  GtkWidget *dialog;

  if (priv->unsaved->len == 0 || priv->discard_unsaved)
    return GTK_WINDOW_CLASS (rp_record_list_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Close Without Saving?"),
                                   _("A change here is not saved, as the team database cannot be reached. If you "
                                     "close this window now, the change is lost; keep it open and the change is "
                                     "saved once the connection is back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Window Open"),
                                    "close", _("_Close and Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_unsaved_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
reload (RpRecordListWindow *self)
{
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);
  RpRecordListWindowClass *klass = RP_RECORD_LIST_WINDOW_GET_CLASS (self);
  g_autoptr(GListModel) records = NULL;

  for (guint i = 0; i < priv->rows->len; i++)
    adw_preferences_group_remove (priv->records_group, g_ptr_array_index (priv->rows, i));
  g_ptr_array_set_size (priv->rows, 0);

  if (priv->store == NULL)
    return;

  records = klass->list_records (self);
  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);
      GtkWidget *row;

      if (klass->make_row != NULL)
        {
          row = klass->make_row (self, record);
        }
      else
        {
          row = GTK_WIDGET (rp_record_row_new (record));
          klass->fill_row (self, RP_RECORD_ROW (row), record);
          g_signal_connect_object (row, "edited", G_CALLBACK (on_row_edited), self, G_CONNECT_SWAPPED);
        }
      adw_preferences_group_add (priv->records_group, row);
      g_ptr_array_add (priv->rows, row);
    }
}

static gboolean
reload_after_change (gpointer user_data)
{
  RpRecordListWindow *self = user_data;
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  priv->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* The rows are made again once the change is over: an edit saved from a
 * row's own switch must not take the switch away while it is still turning. */
static void
on_store_changed (RpRecordListWindow *self,
                  const char         *table,
                  GArray             *ids,
                  RpStore            *store)
{
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);
  RpRecordListWindowClass *klass = RP_RECORD_LIST_WINDOW_GET_CLASS (self);
  gboolean follows = g_strcmp0 (table, klass->table) == 0 ||
                     (klass->tables != NULL && table != NULL && g_strv_contains (klass->tables, table));

  if (follows && priv->reload_source == 0)
    priv->reload_source = g_idle_add (reload_after_change, self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RpRecordListWindow *self = RP_RECORD_LIST_WINDOW (widget);
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (priv->store == NULL)
    return;

  show_error (self, NULL);
  if (!RP_RECORD_LIST_WINDOW_GET_CLASS (self)->add_record (self, &error))
    show_error (self, error);
}

static void
rp_record_list_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RpRecordListWindow *self = RP_RECORD_LIST_WINDOW (object);
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_RECORDS_TITLE:
      adw_preferences_group_set_title (priv->records_group, g_value_get_string (value));
      break;

    case PROP_RECORDS_DESCRIPTION:
      adw_preferences_group_set_description (priv->records_group, g_value_get_string (value));
      break;

    case PROP_ADD_TITLE:
      adw_preferences_group_set_title (priv->add_group, g_value_get_string (value));
      break;

    case PROP_ADD_LABEL:
      gtk_button_set_label (priv->add_button, g_value_get_string (value));
      break;

    case PROP_ADD_FORM:
      adw_bin_set_child (priv->add_form_bin, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_record_list_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RpRecordListWindow *self = RP_RECORD_LIST_WINDOW (object);
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_RECORDS_TITLE:
      g_value_set_string (value, adw_preferences_group_get_title (priv->records_group));
      break;

    case PROP_RECORDS_DESCRIPTION:
      g_value_set_string (value, adw_preferences_group_get_description (priv->records_group));
      break;

    case PROP_ADD_TITLE:
      g_value_set_string (value, adw_preferences_group_get_title (priv->add_group));
      break;

    case PROP_ADD_LABEL:
      g_value_set_string (value, gtk_button_get_label (priv->add_button));
      break;

    case PROP_ADD_FORM:
      g_value_set_object (value, adw_bin_get_child (priv->add_form_bin));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Only now is the instance's class its own: during the init of this
 * abstract type it is still this type's class, which adds nothing. */
static void
rp_record_list_window_constructed (GObject *object)
{
  RpRecordListWindow *self = RP_RECORD_LIST_WINDOW (object);
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  G_OBJECT_CLASS (rp_record_list_window_parent_class)->constructed (object);

  gtk_widget_set_visible (GTK_WIDGET (priv->add_group), RP_RECORD_LIST_WINDOW_GET_CLASS (self)->add_record != NULL);
}

static void
rp_record_list_window_dispose (GObject *object)
{
  RpRecordListWindow *self = RP_RECORD_LIST_WINDOW (object);
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  g_clear_handle_id (&priv->reload_source, g_source_remove);
  g_clear_handle_id (&priv->resave_source, g_source_remove);
  g_clear_object (&priv->store_signals);
  g_clear_object (&priv->store);
  g_clear_pointer (&priv->rows, g_ptr_array_unref);
  g_clear_pointer (&priv->unsaved, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_record_list_window_parent_class)->dispose (object);
}

static void
rp_record_list_window_class_init (RpRecordListWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_record_list_window_constructed;
  object_class->dispose = rp_record_list_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = rp_record_list_window_close_request;
  object_class->get_property = rp_record_list_window_get_property;
  object_class->set_property = rp_record_list_window_set_property;

  properties[PROP_RECORDS_TITLE] =
    g_param_spec_string ("records-title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDS_DESCRIPTION] =
    g_param_spec_string ("records-description", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_TITLE] =
    g_param_spec_string ("add-title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_FORM] =
    g_param_spec_object ("add-form", NULL, NULL, GTK_TYPE_WIDGET, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/widgets/rp-record-list-window.ui");
  gtk_widget_class_bind_template_child_private (widget_class, RpRecordListWindow, records_group);
  gtk_widget_class_bind_template_child_private (widget_class, RpRecordListWindow, add_group);
  gtk_widget_class_bind_template_child_private (widget_class, RpRecordListWindow, add_form_bin);
  gtk_widget_class_bind_template_child_private (widget_class, RpRecordListWindow, add_button);
  gtk_widget_class_bind_template_child_private (widget_class, RpRecordListWindow, error_label);

  gtk_widget_class_install_action (widget_class, "record-list.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_record_list_window_init (RpRecordListWindow *self)
{
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->rows = g_ptr_array_new ();
  priv->unsaved = g_ptr_array_new_with_free_func (g_object_unref);
  priv->store_signals = g_signal_group_new (RP_TYPE_STORE);
  g_signal_group_connect_object (priv->store_signals, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (priv->store_signals, "notify::connection-lost",
                                 G_CALLBACK (on_connection_lost_changed), self, G_CONNECT_SWAPPED);
}

RpStore *
rp_record_list_window_get_store (RpRecordListWindow *self)
{
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  g_return_val_if_fail (RP_IS_RECORD_LIST_WINDOW (self), NULL);

  return priv->store;
}

/**
 * rp_record_list_window_set_store:
 *
 * Lists the records in @store, and follows it from now on.
 */
void
rp_record_list_window_set_store (RpRecordListWindow *self,
                                 RpStore            *store)
{
  RpRecordListWindowPrivate *priv = rp_record_list_window_get_instance_private (self);

  g_return_if_fail (RP_IS_RECORD_LIST_WINDOW (self));
  g_return_if_fail (store == NULL || RP_IS_STORE (store));

  if (g_set_object (&priv->store, store))
    {
      g_signal_group_set_target (priv->store_signals, store);
      reload (self);
    }
}
