/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-form-dialog.c: a message dialogue holding a form, kept open as typed when its save is refused */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-form-dialog.h"

G_DEFINE_ABSTRACT_TYPE (RpFormDialog, rp_form_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The dialogue hides on close rather than going, and its response comes
 * after: a refused save shows it again with everything as typed, under a
 * message saying why. The default response is the one that saves. */
static void
rp_form_dialog_response (AdwMessageDialog *dialog,
                         const char       *response)
{
  RpFormDialog *self = RP_FORM_DIALOG (dialog);
  RpFormDialogClass *klass = RP_FORM_DIALOG_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *problem;

  if (g_strcmp0 (response, adw_message_dialog_get_default_response (dialog)) != 0 || klass->save (self, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_window_present (GTK_WINDOW (self));
  problem = adw_message_dialog_new (GTK_WINDOW (self), _(klass->problem_heading), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (problem), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (problem));
}

static void
rp_form_dialog_class_init (RpFormDialogClass *klass)
{
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = rp_form_dialog_response;
}

static void
rp_form_dialog_init (RpFormDialog *self)
{
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);
}
