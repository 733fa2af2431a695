/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-communication-editor.c: editing one person's communication needs
 *
 * A tick for each need the core knows (rp-communication.h), the language an
 * interpreter is for, and the way they prefer to be contacted. "changed" is
 * emitted as the person edits, not while values are being loaded. */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-communication-editor.h"
#include "rp-core.h"

struct _RpCommunicationEditor
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *checks[RP_COMMUNICATION_N_NEEDS];
  AdwEntryRow         *language_row;
  AdwComboRow         *preferred_row;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (RpCommunicationEditor, rp_communication_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (RpCommunicationEditor *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
rp_communication_editor_class_init (RpCommunicationEditorClass *klass)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rp_communication_editor_init (RpCommunicationEditor *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);

  for (guint i = 0; i < RP_COMMUNICATION_N_NEEDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rp_communication_need_get_label (rp_communication_need_nth (i)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (emit_changed), self);
      /* The check reads as the need it ticks. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      self->checks[i] = check;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }

  self->language_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row), _("Interpreter’s language"));
  g_signal_connect_swapped (self->language_row, "changed", G_CALLBACK (emit_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->language_row));

  for (RpPreferredContact m = RP_PREFERRED_CONTACT_NONE; m < RP_PREFERRED_CONTACT_N; m++)
    gtk_string_list_append (methods, rp_preferred_contact_get_label (m));
  self->preferred_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preferred_row), _("Prefers to Be Contacted By"));
  adw_combo_row_set_model (self->preferred_row, G_LIST_MODEL (methods));
  g_signal_connect_swapped (self->preferred_row, "notify::selected", G_CALLBACK (emit_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->preferred_row));
}

GtkWidget *
rp_communication_editor_new (void)
{
  return g_object_new (RP_TYPE_COMMUNICATION_EDITOR, NULL);
}

void
rp_communication_editor_set_values (RpCommunicationEditor *self,
                                    const char            *needs,
                                    const char            *language,
                                    const char            *preferred)
{
  RpCommunicationNeeds parsed = RP_COMMUNICATION_NONE;
  RpPreferredContact method = RP_PREFERRED_CONTACT_NONE;

  g_return_if_fail (RP_IS_COMMUNICATION_EDITOR (self));

  rp_communication_needs_parse (needs, &parsed, NULL);
  rp_preferred_contact_parse (preferred, &method, NULL);

  self->loading = TRUE;
  for (guint i = 0; i < RP_COMMUNICATION_N_NEEDS; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->checks[i]), (parsed & rp_communication_need_nth (i)) != 0);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->language_row)), language != NULL ? language : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->language_row), language != NULL ? language : "");
  adw_combo_row_set_selected (self->preferred_row, method);
  self->loading = FALSE;
}

/**
 * rp_communication_editor_dup_needs:
 *
 * Returns: (transfer full) (nullable): the canonical list of the needs ticked
 */
char *
rp_communication_editor_dup_needs (RpCommunicationEditor *self)
{
  RpCommunicationNeeds needs = RP_COMMUNICATION_NONE;

  g_return_val_if_fail (RP_IS_COMMUNICATION_EDITOR (self), NULL);

  for (guint i = 0; i < RP_COMMUNICATION_N_NEEDS; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->checks[i])))
      needs |= rp_communication_need_nth (i);
  return rp_communication_needs_to_string (needs);
}

char *
rp_communication_editor_dup_language (RpCommunicationEditor *self)
{
  g_return_val_if_fail (RP_IS_COMMUNICATION_EDITOR (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_row))));
}

const char *
rp_communication_editor_get_preferred (RpCommunicationEditor *self)
{
  guint selected;

  g_return_val_if_fail (RP_IS_COMMUNICATION_EDITOR (self), NULL);

  selected = adw_combo_row_get_selected (self->preferred_row);
  return selected < RP_PREFERRED_CONTACT_N ? rp_preferred_contact_to_string (selected) : NULL;
}

/* For tests: the tick of the @n-th need, in rp_communication_need_nth() order. */
GtkWidget *
rp_communication_editor_get_need_check (RpCommunicationEditor *self,
                                        guint                  n)
{
  g_return_val_if_fail (RP_IS_COMMUNICATION_EDITOR (self), NULL);
  g_return_val_if_fail (n < RP_COMMUNICATION_N_NEEDS, NULL);

  return self->checks[n];
}
