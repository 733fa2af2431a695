/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-gui-test-util.h: running the main loop and finding widgets, for the UI tests */
#pragma once

#include <gtk/gtk.h>

/* Runs everything pending on the main loop. */
static inline void
rp_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Depth-first search for a widget of @type whose string @property equals
 * @value; with a %NULL @property, the first widget of @type. */
static inline GtkWidget *
rp_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *property,
                     const char *value)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      g_autofree char *found = NULL;

      if (property == NULL)
        return root;
      g_object_get (root, property, &found, NULL);
      if (g_strcmp0 (found, value) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *match = rp_test_find_widget (child, type, property, value);

      if (match != NULL)
        return match;
    }

  return NULL;
}
