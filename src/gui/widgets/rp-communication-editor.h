/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-communication-editor.h: editing one person's communication needs */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RP_TYPE_COMMUNICATION_EDITOR (rp_communication_editor_get_type ())

G_DECLARE_FINAL_TYPE (RpCommunicationEditor, rp_communication_editor, RP, COMMUNICATION_EDITOR, AdwPreferencesGroup)

GtkWidget *rp_communication_editor_new           (void);
void       rp_communication_editor_set_values    (RpCommunicationEditor *self,
                                                  const char            *needs,
                                                  const char            *language,
                                                  const char            *preferred);
char      *rp_communication_editor_dup_needs     (RpCommunicationEditor *self);
char      *rp_communication_editor_dup_language  (RpCommunicationEditor *self);
const char *rp_communication_editor_get_preferred (RpCommunicationEditor *self);
GtkWidget *rp_communication_editor_get_need_check (RpCommunicationEditor *self,
                                                   guint                  n);

G_END_DECLS
