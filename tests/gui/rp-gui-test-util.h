/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-gui-test-util.h: running the main loop and finding widgets, for the UI tests */
#pragma once

#include <adwaita.h>

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

/* Saves @widget as drawn, as NAME.png in $RP_TEST_SHOTS_DIR, for people to
 * look at; does nothing without it. Waits for transitions to end first. */
static inline void
rp_test_save_shot (GtkWidget  *widget,
                   const char *name)
{
  const char *dir = g_getenv ("RP_TEST_SHOTS_DIR");
  GdkFrameClock *clock;
  GskRenderNode *node;
  GdkTexture *texture;
  GtkSnapshot *snapshot;
  char *path;
  gint64 until;
  gint64 frame;
  int width, height;

  if (dir == NULL)
    return;

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  frame = gdk_frame_clock_get_frame_counter (clock);
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until || gdk_frame_clock_get_frame_counter (clock) < frame + 3)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      if (g_get_monotonic_time () > until + 3 * G_USEC_PER_SEC)
        break;
    }

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  /* The window draws itself into the snapshot as it would on screen. */
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_test_message ("%s: nothing drawn to save", name);
      return;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_test_message ("%s could not be saved", path);
  g_free (path);
  g_object_unref (texture);
  gsk_render_node_unref (node);
}

/* The visible message dialogue headed @heading, or %NULL. */
static inline AdwMessageDialog *
rp_test_find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GObject *window = g_list_model_get_item (toplevels, i);
      gboolean found = ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
                       g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0;

      g_object_unref (window);
      if (found)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Clicks the dialogue's button labelled @label, as a person would. */
static inline void
rp_test_click_response (AdwMessageDialog *dialog,
                        const char       *label)
{
  GtkWidget *button = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}
