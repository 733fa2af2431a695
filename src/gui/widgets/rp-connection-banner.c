/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-connection-banner.c: a team database's lost connection, said across the window
 *
 * While the store's connection is lost (RpStore:connection-lost) a strip
 * under the header says so in plain words, with Try Now; it goes once the
 * store has connected again by itself. The pages keep what is on screen,
 * typed or read (libadwaita 1.2 has no AdwBanner: a revealer does it). */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-connection-banner.h"

struct _RpConnectionBanner
{
  GtkWidget    parent_instance;

  RpSession   *session;
  RpStore     *store;       /* the session's, watched */
  GtkRevealer *revealer;
  GtkWidget   *label;
  GtkWidget   *button;
  guint        enable_source;  /* Try Now is offered again after a moment */
};

G_DEFINE_FINAL_TYPE (RpConnectionBanner, rp_connection_banner, GTK_TYPE_WIDGET)

static void
update (RpConnectionBanner *self)
{
  gboolean lost = self->store != NULL && rp_store_get_connection_lost (self->store);
  const GError *problem = self->store != NULL ? rp_store_get_connection_problem (self->store) : NULL;

  /* The server answers, but cannot be worked on: why, in its words. */
  gtk_label_set_label (GTK_LABEL (self->label),
                       problem != NULL ? problem->message
                                       : _("The connection to the team database was lost. Trying again… "
                                           "What you type is kept and can be saved once it is back."));

  gtk_revealer_set_reveal_child (self->revealer, lost);
  gtk_widget_set_visible (GTK_WIDGET (self), lost || gtk_revealer_get_child_revealed (self->revealer));
  gtk_widget_set_sensitive (self->button, TRUE);
}

static void
on_child_revealed (RpConnectionBanner *self)
{
  if (!gtk_revealer_get_reveal_child (self->revealer) && !gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
set_store (RpConnectionBanner *self,
           RpStore            *store)
{
  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "notify::connection-lost", G_CALLBACK (update), self);
  update (self);
}

static void
on_session_store_changed (RpConnectionBanner *self)
{
  set_store (self, self->session != NULL ? rp_session_get_store (self->session) : NULL);
}

static gboolean
enable_try_now (gpointer user_data)
{
  RpConnectionBanner *self = user_data;

  self->enable_source = 0;
  gtk_widget_set_sensitive (self->button, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_try_now (RpConnectionBanner *self)
{
  if (self->store == NULL)
    return;

  /* Pressed once per try: the banner goes by itself when it works. */
  gtk_widget_set_sensitive (self->button, FALSE);
  g_clear_handle_id (&self->enable_source, g_source_remove);
  self->enable_source = g_timeout_add_seconds (3, enable_try_now, self);
  rp_store_reconnect (self->store);
}

void
rp_connection_banner_set_session (RpConnectionBanner *self,
                                  RpSession          *session)
{
  g_return_if_fail (RP_IS_CONNECTION_BANNER (self));
  g_return_if_fail (session == NULL || RP_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_swapped (session, "notify::store", G_CALLBACK (on_session_store_changed), self);
  on_session_store_changed (self);
}

static void
rp_connection_banner_dispose (GObject *object)
{
  RpConnectionBanner *self = RP_CONNECTION_BANNER (object);

  g_clear_handle_id (&self->enable_source, g_source_remove);
  set_store (self, NULL);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }

  G_OBJECT_CLASS (rp_connection_banner_parent_class)->dispose (object);
}

static void
rp_connection_banner_class_init (RpConnectionBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_connection_banner_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "connection-banner");
}

static void
rp_connection_banner_init (RpConnectionBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
  g_signal_connect_swapped (self->revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed), self);

  gtk_widget_add_css_class (box, "connection-banner");
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);

  self->button = gtk_button_new_with_mnemonic (_("_Try Now"));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (on_try_now), self);
  gtk_box_append (GTK_BOX (box), self->button);

  gtk_revealer_set_child (self->revealer, box);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  update (self);
}
