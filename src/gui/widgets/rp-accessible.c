/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-accessible.c: corrections to what GTK tells screen readers
 *
 * GTK 4.8 gives a button with a mnemonic its label as written, underscore
 * and all, as its accessible name, so a screen reader reads "_Try Again" and
 * then the label inside it, "Try Again". Each button, check button and menu
 * button is given its label without the underscore as it is shown.
 */

#include "config.h"

#include "rp-accessible.h"

/**
 * rp_accessible_strip_mnemonic:
 *
 * Returns: @label as it is shown: "_Try Again" becomes "Try Again", and "__" one "_"
 */
char *
rp_accessible_strip_mnemonic (const char *label)
{
  GString *shown;

  g_return_val_if_fail (label != NULL, NULL);

  shown = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (shown, *p);
    }
  return g_string_free (shown, FALSE);
}

static void
name_without_mnemonic (GtkWidget  *widget,
                       const char *label,
                       gboolean    use_underline)
{
  g_autofree char *shown = NULL;

  if (!use_underline || label == NULL || strchr (label, '_') == NULL)
    return;

  shown = rp_accessible_strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

static void
name_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    name_without_mnemonic (widget, gtk_button_get_label (GTK_BUTTON (widget)),
                           gtk_button_get_use_underline (GTK_BUTTON (widget)));
  else if (GTK_IS_CHECK_BUTTON (widget))
    name_without_mnemonic (widget, gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)),
                           gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_MENU_BUTTON (widget))
    name_without_mnemonic (widget, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)),
                           gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)));
}

static void
name_buttons_within (GtkWidget *widget)
{
  name_button (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_buttons_within (child);
}

/* Whether @widget may hold hidden stack pages whose buttons are not mapped:
 * a window, or one of our own widgets outside a list. Rows and cells of a
 * list are mapped as they scroll into view and hold no stack, so they are
 * left to the per-button naming below. */
static gboolean
may_hold_hidden_pages (GtkWidget *widget)
{
  if (GTK_IS_WINDOW (widget))
    return TRUE;

  return g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Rp") &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW) == NULL &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) == NULL;
}

/* GTK 4.8 puts the pages a stack hides in the accessibility tree too, so a
 * window, or one of our own widgets, names every button within it when it
 * is shown, hidden pages included; a button shown again is named again, in
 * case its label changed. */
static gboolean
on_widget_mapped (GSignalInvocationHint *hint,
                  guint                  n_params,
                  const GValue          *params,
                  gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (may_hold_hidden_pages (widget))
    name_buttons_within (widget);
  else
    name_button (widget);

  return TRUE;
}

/**
 * rp_accessible_install_mnemonic_fix:
 *
 * From now on every button, check button and menu button shown is named
 * for screen readers by its label as shown. Safe to call more than once.
 */
void
rp_accessible_install_mnemonic_fix (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does, which may be later at start-up. */
      GTypeClass *widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
      guint map_signal = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (map_signal, 0, on_widget_mapped, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}
