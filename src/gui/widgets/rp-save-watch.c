/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-save-watch.c: a form kept open after its save failed for a lost team
 * connection follows the connection back, and says what became of it
 *
 * A form (a dialogue, the new-attendee window) stays open as typed when its
 * save fails. If the connection to the team database was lost, the watch
 * follows the store until it is back, then:
 *  - the save's COMMIT went unanswered and the server had it: the form goes
 *    and "Saved" is said, so that it is never saved twice;
 *  - otherwise the form stays, and a message over it says plainly that the
 *    connection is back and it can be saved now, or, when the server could
 *    no longer tell, to check before saving again.
 * The form is not saved by itself: the person may have gone on typing in
 * it, and a form is saved when they say so. */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-save-watch.h"

struct _RpSaveWatch
{
  GObject    parent_instance;

  GtkWindow *form;     /* borrowed: it owns the watch */
  RpStore   *saving;   /* the store of the save under way */
  gboolean   was_lost; /* its connection was lost before: its COMMIT was never sent */
  RpStore   *store;    /* followed while the connection is lost */
  gboolean   unsure;   /* the failed save's COMMIT went unanswered */
};

G_DEFINE_FINAL_TYPE (RpSaveWatch, rp_save_watch, G_TYPE_OBJECT)

/* Messages over the form were about the failed save: they go with it. */
static void
close_messages_over (GtkWindow *form)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (GTK_WINDOW (window)) == form)
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
say (GtkWindow  *over,
     const char *heading,
     const char *body)
{
  GtkWidget *said = adw_message_dialog_new (over, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (said), "close", _("_Close"));
  /* Said over the form, it goes with it. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (said), over != NULL);
  gtk_window_present (GTK_WINDOW (said));
}

static void
on_connection_lost_changed (RpStore     *store,
                            GParamSpec  *pspec,
                            RpSaveWatch *self)
{
  g_autoptr(RpSaveWatch) hold = NULL;
  RpCommitOutcome outcome;
  GtkWindow *form;

  if (rp_store_get_connection_lost (store))
    return;

  /* The form may go below, and the watch with it. */
  hold = g_object_ref (self);
  form = self->form;
  outcome = self->unsure ? rp_store_get_commit_outcome (store) : RP_COMMIT_OUTCOME_NOT_SAVED;
  rp_save_watch_stop (self);
  if (form == NULL)
    return;

  close_messages_over (form);
  if (outcome == RP_COMMIT_OUTCOME_SAVED)
    {
      GtkWindow *parent = gtk_window_get_transient_for (form);

      gtk_window_destroy (form);
      say (parent, _("Saved"),
           _("The connection is back. Your change had reached the team database before the connection was "
             "lost, so it is saved; it was not saved a second time."));
    }
  else if (outcome == RP_COMMIT_OUTCOME_UNKNOWN)
    say (form, _("The Connection Is Back"),
         _("The team database could not tell whether your change was saved just before the connection was "
           "lost. What you typed is still here: check whether the change is there before you save it again, "
           "so that it is not saved twice."));
  else
    say (form, _("The Connection Is Back"),
         _("Your change was not saved, and what you typed is still here. You can save it now."));
}

static void
on_form_destroyed (gpointer  data,
                   GObject  *where_the_form_was)
{
  RpSaveWatch *self = data;

  self->form = NULL;
  rp_save_watch_stop (self);
}

static void
rp_save_watch_dispose (GObject *object)
{
  RpSaveWatch *self = RP_SAVE_WATCH (object);

  rp_save_watch_stop (self);
  if (self->form != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->form), on_form_destroyed, self);
      self->form = NULL;
    }

  G_OBJECT_CLASS (rp_save_watch_parent_class)->dispose (object);
}

static void
rp_save_watch_class_init (RpSaveWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rp_save_watch_dispose;
}

static void
rp_save_watch_init (RpSaveWatch *self)
{
}

/**
 * rp_save_watch_new:
 * @form: the window holding the form; it owns the watch
 */
RpSaveWatch *
rp_save_watch_new (GtkWindow *form)
{
  RpSaveWatch *self;

  g_return_val_if_fail (GTK_IS_WINDOW (form), NULL);

  self = g_object_new (RP_TYPE_SAVE_WATCH, NULL);
  self->form = form;
  g_object_weak_ref (G_OBJECT (form), on_form_destroyed, self);
  return self;
}

/**
 * rp_save_watch_saving:
 * @store: the store the form is about to be saved to
 *
 * Called just before the form's save, and rp_save_watch_failed () if it
 * fails: an earlier save's unanswered COMMIT is not taken for this one's.
 */
void
rp_save_watch_saving (RpSaveWatch *self,
                      RpStore     *store)
{
  g_return_if_fail (RP_IS_SAVE_WATCH (self));
  g_return_if_fail (RP_IS_STORE (store));

  rp_save_watch_stop (self);
  g_set_object (&self->saving, store);
  self->was_lost = rp_store_get_connection_lost (store);
}

/**
 * rp_save_watch_failed:
 *
 * The save begun with rp_save_watch_saving () failed: if the store's
 * connection is lost, follows it until it is back (see above). Whether the
 * save's COMMIT went unanswered is read now, before anything else is saved.
 */
void
rp_save_watch_failed (RpSaveWatch *self)
{
  g_autoptr(RpStore) store = NULL;

  g_return_if_fail (RP_IS_SAVE_WATCH (self));

  store = g_steal_pointer (&self->saving);
  if (store == NULL || !rp_store_get_connection_lost (store))
    return;

  self->unsure = !self->was_lost && rp_store_get_commit_outcome (store) == RP_COMMIT_OUTCOME_UNSURE;
  self->store = g_steal_pointer (&store);
  g_signal_connect (self->store, "notify::connection-lost", G_CALLBACK (on_connection_lost_changed), self);
}

/**
 * rp_save_watch_stop:
 *
 * Stops following: the form was saved, or let go.
 */
void
rp_save_watch_stop (RpSaveWatch *self)
{
  g_return_if_fail (RP_IS_SAVE_WATCH (self));

  g_clear_object (&self->saving);
  if (self->store == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  self->unsure = FALSE;
}
