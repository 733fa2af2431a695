/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-form-dialog.c: a message dialogue holding a form, kept open as typed when its save is refused */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-field-message.h"
#include "rp-form-dialog.h"

G_DEFINE_ABSTRACT_TYPE (RpFormDialog, rp_form_dialog, ADW_TYPE_MESSAGE_DIALOG)

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
  RpFormDialogClass *klass = RP_FORM_DIALOG_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  GtkWidget *wrong;

  if (g_strcmp0 (response, adw_message_dialog_get_default_response (dialog)) != 0 || klass->save (self, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_window_present (GTK_WINDOW (self));
  if ((wrong = rp_find_row_in_error (GTK_WIDGET (self))) != NULL)
    rp_focus_row (ADW_PREFERENCES_ROW (wrong));
  if (error != NULL)
    rp_form_dialog_show_problem (self, error);
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
  gtk_window_present (GTK_WINDOW (problem));
}
