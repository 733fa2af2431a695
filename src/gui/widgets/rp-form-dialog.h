/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-form-dialog.h: a message dialogue holding a form, kept open as typed when its save is refused */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_FORM_DIALOG (rp_form_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (RpFormDialog, rp_form_dialog, RP, FORM_DIALOG, AdwMessageDialog)

struct _RpFormDialogClass
{
  AdwMessageDialogClass parent_class;

  /* The heading over a refusal, such as "The Taster Day Was Not Saved", marked for translation. */
  const char *problem_heading;

  /* Writes the form; on success the subclass emits its "saved" signal. A
   * refusal returns %FALSE with @error set, said over the dialogue; %FALSE
   * without an error means the subclass has said why itself, under the
   * field at fault (rp_row_mark_error(), which then takes the keyboard), or
   * asked a question first and saves, or not, on its answer. */
  gboolean (* save) (RpFormDialog  *self,
                     GError       **error);

  /* The store the form is saved to, to learn what became of a save whose
   * answer never came (a lost team connection). */
  RpStore * (* get_store) (RpFormDialog *self);
};

void rp_form_dialog_show_problem (RpFormDialog *self,
                                  const GError *error);

G_END_DECLS
