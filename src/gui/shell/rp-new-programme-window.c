/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-new-programme-window.c: asks for the day centre, closure date and report title */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-new-programme-window.h"
#include "rp-save-watch.h"

struct _RpNewProgrammeWindow
{
  AdwWindow    parent_instance;

  RpStore     *store;
  gboolean     can_create;

  AdwEntryRow *name_row;
  AdwEntryRow *closure_row;
  AdwEntryRow *title_row;
  GtkLabel    *error_label;

  RpSaveWatch *watch;    /* a save refused for a lost connection */
};

G_DEFINE_FINAL_TYPE (RpNewProgrammeWindow, rp_new_programme_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_CREATE,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (RpNewProgrammeWindow *self,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Builds the programme from the form; NULL, with the reason, while it is not valid. */
static RpProgramme *
read_form (RpNewProgrammeWindow  *self,
           GError               **error)
{
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autofree char *closure = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  const char *closure_text = gtk_editable_get_text (GTK_EDITABLE (self->closure_row));
  g_autoptr(GError) date_error = NULL;

  closure = rp_date_normalise (closure_text, &date_error);
  gtk_widget_remove_css_class (GTK_WIDGET (self->closure_row), "error");
  if (date_error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->closure_row), "error");
      g_propagate_error (error, g_steal_pointer (&date_error));
      return NULL;
    }

  rp_programme_set_name (programme, name);
  rp_programme_set_closure_date (programme, closure);
  rp_programme_set_report_title (programme, title);

  if (!rp_programme_validate (programme, error))
    return NULL;

  return g_steal_pointer (&programme);
}

static void
update_can_create (RpNewProgrammeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = read_form (self, &error);
  const char *closure_text = gtk_editable_get_text (GTK_EDITABLE (self->closure_row));
  gboolean can_create = programme != NULL;

  /* Only a date being typed wrongly is worth interrupting for; an empty name is obvious. */
  show_error (self, error != NULL && closure_text[0] != '\0' && gtk_widget_has_css_class (GTK_WIDGET (self->closure_row), "error")
              ? error->message : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-programme.create", can_create);

  if (self->can_create != can_create)
    {
      self->can_create = can_create;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CREATE]);
    }
}

static void
on_entry_changed (RpNewProgrammeWindow *self)
{
  update_can_create (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpNewProgrammeWindow *self = RP_NEW_PROGRAMME_WINDOW (widget);
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  if (!(programme = read_form (self, &error)))
    {
      show_error (self, error->message);
      return;
    }

  rp_save_watch_saving (self->watch, self->store);
  if (!rp_store_add_programme (self->store, programme, &error))
    {
      /* A lost connection: once it is back, the window goes if the server
       * had the programme (never added twice), or says it can be saved now. */
      rp_save_watch_failed (self->watch);
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, programme);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rp_new_programme_window_dispose (GObject *object)
{
  RpNewProgrammeWindow *self = RP_NEW_PROGRAMME_WINDOW (object);

  g_clear_object (&self->watch);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rp_new_programme_window_parent_class)->dispose (object);
}

static void
rp_new_programme_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RpNewProgrammeWindow *self = RP_NEW_PROGRAMME_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CAN_CREATE:
      g_value_set_boolean (value, self->can_create);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_new_programme_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RpNewProgrammeWindow *self = RP_NEW_PROGRAMME_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_new_programme_window_class_init (RpNewProgrammeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_new_programme_window_dispose;
  object_class->get_property = rp_new_programme_window_get_property;
  object_class->set_property = rp_new_programme_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_CREATE] =
    g_param_spec_boolean ("can-create", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpNewProgrammeWindow::created:
   * @programme: the programme now in the store
   */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RP_TYPE_PROGRAMME);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/shell/rp-new-programme-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpNewProgrammeWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpNewProgrammeWindow, closure_row);
  gtk_widget_class_bind_template_child (widget_class, RpNewProgrammeWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, RpNewProgrammeWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "new-programme.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_new_programme_window_init (RpNewProgrammeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->watch = rp_save_watch_new (GTK_WINDOW (self));
  update_can_create (self);
}

/**
 * rp_new_programme_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: where the programme will be written
 */
RpNewProgrammeWindow *
rp_new_programme_window_new (GtkWindow *parent,
                             RpStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RP_IS_STORE (store), NULL);

  return g_object_new (RP_TYPE_NEW_PROGRAMME_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "store", store,
                       NULL);
}

gboolean
rp_new_programme_window_get_can_create (RpNewProgrammeWindow *self)
{
  g_return_val_if_fail (RP_IS_NEW_PROGRAMME_WINDOW (self), FALSE);

  return self->can_create;
}
