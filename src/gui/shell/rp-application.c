/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-application.c: the single-instance Reprovision application */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-accessible.h"
#include "rp-application.h"
#include "rp-window.h"

struct _RpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GPtrArray      *locations;  /* team locations from the command line, not yet opened */
};

G_DEFINE_FINAL_TYPE (RpApplication, rp_application, ADW_TYPE_APPLICATION)

static void
apply_style (RpApplication *self)
{
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (variant, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (variant, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static RpWindow *
get_window (RpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RP_IS_WINDOW (window))
    return RP_WINDOW (window);

  /* The workers window, say, is the active one: the main window is still there. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (RP_IS_WINDOW (l->data))
      return RP_WINDOW (l->data);

  window = GTK_WINDOW (rp_window_new (GTK_APPLICATION (self)));
  return RP_WINDOW (window);
}

static void
rp_application_activate (GApplication *application)
{
  RpApplication *self = RP_APPLICATION (application);
  gboolean is_new = gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL;
  RpWindow *window = get_window (self);

  if (is_new)
    rp_window_restore_session (window);

  gtk_window_present (GTK_WINDOW (window));
}

/* A team database given as a URI reaches open () as a GFile with the
 * URI's scheme (GIO knows no such scheme, so the URI is kept as given). */
static char *
location_of_file (GFile *file)
{
  if (g_file_has_uri_scheme (file, "postgresql") || g_file_has_uri_scheme (file, "postgres"))
    return g_file_get_uri (file);

  return g_file_get_path (file);
}

static void
open_location (RpApplication *self,
               const char    *location)
{
  RpWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  rp_window_open_location (window, location);
}

static void
rp_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  RpApplication *self = RP_APPLICATION (application);
  g_autofree char *location = NULL;

  /* One window shows one database: the first file given wins. */
  if (n_files > 0 && (location = location_of_file (files[0])) != NULL)
    open_location (self, location);
  else
    gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
open_location_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  open_location (RP_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

/* A key=value team location ("host=… dbname=…") is no file, and GIO would
 * make a relative path of it: team locations are taken out of the
 * arguments here and opened through the app.open-location action, which
 * reaches the running instance if there is one. */
static gboolean
rp_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  RpApplication *self = RP_APPLICATION (application);
  char **argv = *arguments;
  int kept = 1;

  if (argv[0] == NULL)
    return G_APPLICATION_CLASS (rp_application_parent_class)->local_command_line (application, arguments, exit_status);

  for (int i = 1; argv[i] != NULL; i++)
    {
      /* --database's own value is the option's. */
      if (g_str_equal (argv[i], "--database") && argv[i + 1] != NULL)
        {
          argv[kept++] = argv[i++];
          argv[kept++] = argv[i];
          continue;
        }
      if (argv[i][0] != '-' && rp_store_location_is_team (argv[i]))
        {
          g_ptr_array_add (self->locations, argv[i]);
          continue;
        }
      argv[kept++] = argv[i];
    }
  argv[kept] = NULL;

  return G_APPLICATION_CLASS (rp_application_parent_class)->local_command_line (application, arguments, exit_status);
}

static int
rp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  RpApplication *self = RP_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "&s", &database))
    {
      /* A file relative to where the command was given, not to the running instance. */
      if (rp_store_location_is_team (database))
        g_ptr_array_add (self->locations, g_strdup (database));
      else
        g_ptr_array_add (self->locations, g_canonicalize_filename (database, NULL));
    }

  if (self->locations->len == 0)
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* One window shows one database: the first location given wins. Then
   * the usual start goes on, which finds the window open and shows it. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-location",
                                  g_variant_new_string (g_ptr_array_index (self->locations, 0)));
  g_ptr_array_set_size (self->locations, 0);
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RpApplication *self = RP_APPLICATION (user_data);
  static const char *developers[] = { "The Reprovision developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Reprovision"),
                        "developer-name", _("The Reprovision developers"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_WEBSITE "/issues",
                        "comments", _("A shared record of moving every attendee of a closing day centre safely to new provision. Everything stays on this computer unless you export it."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Reprovision developers"),
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (application);

  /* Closing, not destroying, lets each window save its size first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
  { "open-location", open_location_action, "s" },
};

static void
rp_application_startup (GApplication *application)
{
  RpApplication *self = RP_APPLICATION (application);
  g_autoptr(GAction) style_action = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  /* Ready on the second core while GTK starts on the first. */
  rp_store_prepare_safeguards ();

  G_APPLICATION_CLASS (rp_application_parent_class)->startup (application);
  rp_accessible_install_mnemonic_fix ();

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (apply_style), self, G_CONNECT_SWAPPED);
  apply_style (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  style_action = g_settings_create_action (self->settings, "style-variant");
  g_action_map_add_action (G_ACTION_MAP (self), style_action);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
rp_application_dispose (GObject *object)
{
  RpApplication *self = RP_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->locations, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_application_parent_class)->dispose (object);
}

static void
rp_application_class_init (RpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rp_application_dispose;
  application_class->activate = rp_application_activate;
  application_class->open = rp_application_open;
  application_class->startup = rp_application_startup;
  application_class->local_command_line = rp_application_local_command_line;
  application_class->handle_local_options = rp_application_handle_local_options;
}

static void
rp_application_init (RpApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Open this database: a file, or a team database’s location (postgresql://… or host=… dbname=…)"),
      N_("LOCATION") },
    { NULL }
  };

  self->locations = g_ptr_array_new_with_free_func (g_free);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

RpApplication *
rp_application_new (void)
{
  return g_object_new (RP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/reprovision/Reprovision",
                       NULL);
}
