/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-form-dialog.c: a message dialogue holding a form, kept open as typed when its save is refused */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-field-message.h"
#include "rp-form-dialog.h"
#include "rp-save-watch.h"

typedef struct
{
  /* A save refused for a lost connection: what becomes of it once the
   * connection is back (rp-save-watch.c). */
  RpSaveWatch *watch;
} RpFormDialogPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RpFormDialog, rp_form_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The dialogue hides on close rather than going, and its response comes
 * after: a refused save shows it again with everything as typed. Where the
 * refusal is about one field, the field says why, under it, and takes the
 * keyboard; anything else is said in a message over the dialogue. The
 * default response is the one that saves. A save that asks a question
 * first also shows it again, under the question. */
static void
rp_form_dialog_response (AdwMessageDialog *dialog,
                         const char       *response)
{
  RpFormDialog *self = RP_FORM_DIALOG (dialog);
  RpFormDialogPrivate *priv = rp_form_dialog_get_instance_private (self);
  RpFormDialogClass *klass = RP_FORM_DIALOG_GET_CLASS (self);
  RpStore *store = klass->get_store != NULL ? klass->get_store (self) : NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *wrong;

  if (g_strcmp0 (response, adw_message_dialog_get_default_response (dialog)) != 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (store != NULL)
    rp_save_watch_saving (priv->watch, store);
  if (klass->save (self, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  rp_save_watch_failed (priv->watch);
  gtk_window_present (GTK_WINDOW (self));
  if ((wrong = rp_find_row_in_error (GTK_WIDGET (self))) != NULL)
    rp_focus_row (ADW_PREFERENCES_ROW (wrong));
  if (error != NULL)
    rp_form_dialog_show_problem (self, error);
}

static void
rp_form_dialog_dispose (GObject *object)
{
  RpFormDialogPrivate *priv = rp_form_dialog_get_instance_private (RP_FORM_DIALOG (object));

  g_clear_object (&priv->watch);

  G_OBJECT_CLASS (rp_form_dialog_parent_class)->dispose (object);
}

static void
rp_form_dialog_class_init (RpFormDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rp_form_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = rp_form_dialog_response;
}

static void
rp_form_dialog_init (RpFormDialog *self)
{
  RpFormDialogPrivate *priv = rp_form_dialog_get_instance_private (self);

  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);
  priv->watch = rp_save_watch_new (GTK_WINDOW (self));
}

/**
 * rp_form_dialog_show_problem:
 * @error: why the form was not saved
 *
 * Says why over the dialogue, which stays open as typed.
 */
void
rp_form_dialog_show_problem (RpFormDialog *self,
                             const GError *error)
{
  GtkWidget *problem;

  g_return_if_fail (RP_IS_FORM_DIALOG (self));
  g_return_if_fail (error != NULL);

  problem = adw_message_dialog_new (GTK_WINDOW (self), _(RP_FORM_DIALOG_GET_CLASS (self)->problem_heading), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (problem), "close", _("_Close"));
  /* A form that goes by itself (saved after all, see above) takes it along. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (problem), TRUE);
  gtk_window_present (GTK_WINDOW (problem));
}
