/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-field-message.c: a line of words under a form's row saying what is wrong with it */

#include "config.h"

#include "rp-field-message.h"

#define MESSAGE_BOX_CLASS "field-with-message"

/* libadwaita 1.2's entry and action rows have no line under the field for a
 * message. Their header box moves into a vertical box with a label under
 * it; style.css gives the header its look back there. */
static GtkLabel *
find_message_label (AdwPreferencesRow *row)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  if (child == NULL || !gtk_widget_has_css_class (child, MESSAGE_BOX_CLASS))
    return NULL;

  return GTK_LABEL (gtk_widget_get_last_child (child));
}

/**
 * rp_row_add_message_line:
 * @row: an #AdwEntryRow or #AdwActionRow (a combo row too)
 *
 * Makes room under @row for a message, shown only when @row is marked as
 * wrong. Call it before @row is shown: done later, it moves the field, and
 * rp_row_mark_error() does it then while keeping the focus where it was.
 */
void
rp_row_add_message_line (AdwPreferencesRow *row)
{
  GtkWidget *header;
  GtkWidget *box;
  GtkWidget *label;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row) || ADW_IS_ACTION_ROW (row));

  if (find_message_label (row) != NULL)
    return;

  header = g_object_ref (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (box, MESSAGE_BOX_CLASS);
  gtk_box_append (GTK_BOX (box), header);
  g_object_unref (header);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "field-message");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
}

/* The widget that takes the typing, which a screen reader is on while the
 * person is in the field. */
static GtkWidget *
typing_widget (AdwPreferencesRow *row)
{
  if (ADW_IS_ENTRY_ROW (row))
    return GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  return NULL;
}

static void
on_edited (AdwPreferencesRow *row)
{
  rp_row_clear_error (row);
}

/**
 * rp_row_mark_error:
 * @message: why, in words
 *
 * Marks @row as wrong: in the error colour, with @message on a line under
 * it (no tooltip, which would cover that line), and in words for a screen
 * reader, as the description
 * of the field and with the field marked invalid. Editing the field, or
 * choosing again in a combo row, takes the mark away.
 */
void
rp_row_mark_error (AdwPreferencesRow *row,
                   const char        *message)
{
  GtkWidget *typing = typing_widget (row);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkLabel *label;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row) || ADW_IS_ACTION_ROW (row));
  g_return_if_fail (message != NULL);

  if ((label = find_message_label (row)) == NULL)
    {
      gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row));
      int position = ADW_IS_ENTRY_ROW (row) ? gtk_editable_get_position (GTK_EDITABLE (row)) : -1;

      rp_row_add_message_line (row);
      label = find_message_label (row);
      if (had_focus)
        {
          gtk_widget_grab_focus (focus);
          if (position >= 0)
            gtk_editable_set_position (GTK_EDITABLE (row), position);
        }
    }

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  if (typing != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (typing), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (typing), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }

  if (!g_signal_handler_find (row, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_edited, NULL))
    {
      if (ADW_IS_ENTRY_ROW (row))
        g_signal_connect (row, "changed", G_CALLBACK (on_edited), NULL);
      else if (ADW_IS_COMBO_ROW (row))
        g_signal_connect (row, "notify::selected", G_CALLBACK (on_edited), NULL);
    }
}

/**
 * rp_row_clear_error:
 *
 * Takes away what rp_row_mark_error() showed.
 */
void
rp_row_clear_error (AdwPreferencesRow *row)
{
  GtkWidget *typing = typing_widget (row);
  GtkLabel *label = find_message_label (row);

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  if (label != NULL)
    {
      gtk_label_set_label (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (typing != NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (typing), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (typing), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/**
 * rp_row_get_error:
 *
 * Returns: (nullable): the message shown under @row, or %NULL when it is not marked
 */
const char *
rp_row_get_error (AdwPreferencesRow *row)
{
  GtkLabel *label;

  g_return_val_if_fail (ADW_IS_PREFERENCES_ROW (row), NULL);

  label = find_message_label (row);
  if (label == NULL || !gtk_widget_get_visible (GTK_WIDGET (label)) ||
      !gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    return NULL;

  return gtk_label_get_label (label);
}

/**
 * rp_find_row_in_error:
 * @root: a form
 *
 * Returns: (transfer none) (nullable): the first row of @root marked as wrong
 */
GtkWidget *
rp_find_row_in_error (GtkWidget *root)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (ADW_IS_PREFERENCES_ROW (root) && rp_row_get_error (ADW_PREFERENCES_ROW (root)) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rp_find_row_in_error (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * rp_focus_row:
 *
 * Puts the keyboard in @row, where the person can put it right: the text
 * of an entry row, or a combo row itself.
 */
void
rp_focus_row (AdwPreferencesRow *row)
{
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  if (ADW_IS_ENTRY_ROW (row))
    gtk_widget_grab_focus (typing_widget (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (row));
}
