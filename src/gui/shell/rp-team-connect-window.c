/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-team-connect-window.c: asks for a team database's server, database and account, and opens it */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-team.h"
#include "rp-team-connect-window.h"
#include "rp-team-keyring.h"

struct _RpTeamConnectWindow
{
  AdwWindow            parent_instance;

  /* Owned References */
  GCancellable        *cancellable;     /* the attempt running, if any */
  char                *location;        /* the attempt's: never a password */
  char                *conninfo;        /* the location with the password that opened it */
  char                *password;        /* the attempt's, typed or from the keyring */
  RpTeamAccount       *account;         /* the keyring's key; NULL for a connection string */
  char                *notice;
  gboolean             password_from_keyring;
  gboolean             keyring_asked;   /* for these fields, since they last changed */

  /* Template Widgets */
  GtkButton           *cancel_button;
  GtkButton           *connect_button;
  AdwPreferencesGroup *fields_group;
  AdwEntryRow         *host_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *database_row;
  AdwEntryRow         *login_row;
  AdwActionRow        *verify_row;
  GtkSwitch           *verify_switch;
  AdwPreferencesGroup *password_group;
  AdwPasswordEntryRow *password_row;
  AdwActionRow        *remember_row;
  GtkSwitch           *remember_switch;
  AdwExpanderRow      *advanced_row;
  AdwEntryRow         *conninfo_row;
  AdwPreferencesGroup *status_group;
  GtkBox              *progress_box;
  GtkSpinner          *spinner;
  GtkLabel            *progress_label;
  GtkLabel            *message_label;
};

G_DEFINE_FINAL_TYPE (RpTeamConnectWindow, rp_team_connect_window, ADW_TYPE_WINDOW)

enum {
  OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void connect_with_password (RpTeamConnectWindow *self);

/* Location strings ------------------------------------------------------- */

static void
append_option (GString    *location,
               const char *keyword,
               const char *value)
{
  if (location->len > 0)
    g_string_append_c (location, ' ');
  g_string_append_printf (location, "%s='", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (location, '\\');
      g_string_append_c (location, *p);
    }
  g_string_append_c (location, '\'');
}

/* Whether the core asks a verified secure connection of this host by itself
 * (rp_team_complete_conninfo(): another computer, not a socket or loopback):
 * the rule lives there, so it is asked rather than repeated. */
static gboolean
needs_verification (const char *host)
{
  g_autoptr(GString) location = g_string_new (NULL);
  g_autofree char *completed = NULL;

  if (host == NULL || host[0] == '\0')
    return FALSE;

  append_option (location, "host", host);
  completed = rp_team_complete_conninfo (location->str, NULL);

  /* Without team support nothing connects anyway: show the switch as it is. */
  return completed == NULL || strstr (completed, "sslmode='verify-full'") != NULL;
}

static char *
strip (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/**
 * rp_team_connect_window_build_location:
 * @host: (nullable): the server's name or address; empty for this computer
 * @port: (nullable): its port, empty for the usual one
 * @database: the database's name
 * @login: (nullable): the account; empty for the computer's user name
 * @verify: %FALSE when the person switched off the verified secure
 *   connection; only then is a weaker sslmode written
 * @error: why the fields do not make a location
 *
 * Returns: (transfer full): a libpq key=value string for rp_store_open(),
 *   never with a password in it, or %NULL
 */
char *
rp_team_connect_window_build_location (const char  *host,
                                       const char  *port,
                                       const char  *database,
                                       const char  *login,
                                       gboolean     verify,
                                       GError     **error)
{
  g_autoptr(GString) location = g_string_new (NULL);
  g_autofree char *host_text = strip (host);
  g_autofree char *port_text = strip (port);
  g_autofree char *database_text = strip (database);
  g_autofree char *login_text = strip (login);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (database_text[0] == '\0')
    {
      g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID,
                           _("Give the name of the database. The database administrator can tell you it."));
      return NULL;
    }

  if (port_text[0] != '\0')
    {
      guint64 number = 0;

      if (!g_ascii_string_to_unsigned (port_text, 10, 1, 65535, &number, NULL))
        {
          g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID,
                               _("The port is a number from 1 to 65535, such as 5432. Leave it empty for the usual one."));
          return NULL;
        }
    }

  if (host_text[0] != '\0')
    append_option (location, "host", host_text);
  if (port_text[0] != '\0')
    append_option (location, "port", port_text);
  append_option (location, "dbname", database_text);
  if (login_text[0] != '\0')
    append_option (location, "user", login_text);

  /* The core asks verify-full of a remote host itself; only the person's
   * own choice weakens it (encrypted if the server offers it, unverified). */
  if (!verify && needs_verification (host_text))
    append_option (location, "sslmode", "prefer");

  return g_string_free (g_steal_pointer (&location), FALSE);
}

/* Reads back a location this window built: keyword='value' pairs of the
 * fields' keywords only. Anything else is shown as a connection string. */
static GHashTable *
parse_location (const char *location)
{
  static const char *known[] = { "host", "port", "dbname", "user", "sslmode", NULL };
  g_autoptr(GHashTable) options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = location;

  while (*p != '\0')
    {
      g_autoptr(GString) value = g_string_new (NULL);
      g_autofree char *keyword = NULL;
      const char *start;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      start = p;
      while (g_ascii_isalpha (*p) || *p == '_')
        p++;
      if (*p != '=' || p == start)
        return NULL;
      keyword = g_strndup (start, p - start);
      if (!g_strv_contains (known, keyword) || g_hash_table_contains (options, keyword))
        return NULL;
      p++;

      if (*p == '\'')
        {
          for (p++; *p != '\'' && *p != '\0'; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (value, *p);
            }
          if (*p != '\'')
            return NULL;
          p++;
        }
      else
        while (*p != '\0' && !g_ascii_isspace (*p))
          g_string_append_c (value, *p++);

      g_hash_table_insert (options, g_steal_pointer (&keyword), g_string_free (g_steal_pointer (&value), FALSE));
    }

  if (!g_hash_table_contains (options, "dbname"))
    return NULL;

  return g_steal_pointer (&options);
}

/* The form --------------------------------------------------------------- */

static gboolean
uses_connection_string (RpTeamConnectWindow *self)
{
  return adw_expander_row_get_enable_expansion (self->advanced_row);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
update_status_group (RpTeamConnectWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_group),
                          gtk_widget_get_visible (GTK_WIDGET (self->progress_box)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->message_label)));
}

static void
show_message (RpTeamConnectWindow *self,
              const char          *message,
              gboolean             is_error)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  update_status_group (self);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
update_verify_row (RpTeamConnectWindow *self)
{
  g_autofree char *host = strip (text_of (self->host_row));
  gboolean remote = needs_verification (host);

  gtk_widget_set_sensitive (GTK_WIDGET (self->verify_row), remote);
  if (!remote)
    adw_action_row_set_subtitle (self->verify_row,
                                 _("Not needed: the server is on this computer, so nothing goes over the network."));
  else if (gtk_switch_get_active (self->verify_switch))
    adw_action_row_set_subtitle (self->verify_row,
                                 _("Everything sent is encrypted, and only a server whose certificate this computer trusts for that name is accepted."));
  else
    adw_action_row_set_subtitle (self->verify_row,
                                 _("Switched off: the connection is encrypted only if the server offers it, and another computer could pretend to be the server. Switch it off only if the database administrator asks you to."));
}

static void
on_fields_changed (RpTeamConnectWindow *self)
{
  /* The template calls this while it is built. */
  if (self->verify_row == NULL || self->fields_group == NULL)
    return;

  update_verify_row (self);

  /* The fields go insensitive: focus moves out of them first (a focused
   * entry made insensitive would keep blinking unfocused). */
  if (uses_connection_string (self))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->fields_group)))
        gtk_widget_grab_focus (adw_expander_row_get_expanded (self->advanced_row) ? GTK_WIDGET (self->conninfo_row)
                                                                                   : GTK_WIDGET (self->advanced_row));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), !uses_connection_string (self));
  gtk_widget_set_visible (GTK_WIDGET (self->remember_row), !uses_connection_string (self));
  gtk_widget_remove_css_class (GTK_WIDGET (self->database_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->port_row), "error");
  self->keyring_asked = FALSE;
}

static void
set_busy (RpTeamConnectWindow *self,
          gboolean             busy)
{
  /* The form goes insensitive: focus moves first to what still works
   * (a focused entry made insensitive would keep blinking unfocused). */
  if (busy)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));

  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), !busy && !uses_connection_string (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->advanced_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team-connect.connect", !busy);
  if (busy)
    show_message (self, NULL, FALSE);
  update_status_group (self);
}

static void
ask_for_password (RpTeamConnectWindow *self,
                  const char          *message,
                  gboolean             is_error)
{
  g_autofree char *title = NULL;
  const char *login = self->account != NULL ? self->account->login : NULL;

  if (login != NULL && login[0] != '\0')
    /* Translators: the password row's title, as in "Password of jo" */
    title = g_strdup_printf (_("Password of %s"), login);
  else
    title = g_strdup (_("Password"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), title);
  gtk_widget_set_visible (GTK_WIDGET (self->password_group), TRUE);
  show_message (self, message, is_error);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

/* Opening, in a thread --------------------------------------------------- */

static void
forget_password (char **password)
{
  if (*password != NULL)
    memset (*password, 0, strlen (*password));
  g_clear_pointer (password, g_free);
}

static void
on_password_cleared (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  /* Nothing to add if it fails: the next attempt asks again either way. */
  rp_team_keyring_clear_finish (result, NULL);
}

static void
finish_opened (RpTeamConnectWindow *self,
               RpStore             *store)
{
  g_signal_emit (self, signals[OPENED], 0, store);
  gtk_window_destroy (GTK_WINDOW (self));
}

typedef struct
{
  RpTeamConnectWindow *self;
  RpStore             *store;
} Opened;

static void
on_password_stored (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Opened *opened = user_data;
  g_autoptr(GError) error = NULL;

  if (!rp_team_keyring_store_finish (result, &error))
    {
      g_free (opened->self->notice);
      opened->self->notice = g_strdup_printf (_("The password could not be kept in the keyring, so it will be asked for next time: %s"),
                                              error->message);
    }

  finish_opened (opened->self, opened->store);
  g_object_unref (opened->self);
  g_object_unref (opened->store);
  g_free (opened);
}

typedef struct
{
  RpTeamConnectWindow *self;
  GCancellable        *cancellable;  /* the attempt's: a later attempt has its own */
} Attempt;

static void
on_opened (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Attempt *attempt = user_data;
  g_autoptr(RpTeamConnectWindow) self = attempt->self;
  g_autoptr(GCancellable) cancellable = attempt->cancellable;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_free (attempt);
  store = rp_store_open_finish (result, &error);

  /* Cancelled, or the window closed: the database opened late is let go. */
  if (cancellable != self->cancellable || g_cancellable_is_cancelled (cancellable))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (store != NULL)
    {
      g_free (self->conninfo);
      self->conninfo = self->password != NULL ? rp_team_conninfo_with_password (self->location, self->password)
                                              : g_strdup (self->location);

      if (self->password != NULL && !self->password_from_keyring && self->account != NULL &&
          gtk_switch_get_active (self->remember_switch))
        {
          Opened *opened = g_new0 (Opened, 1);
          g_autofree char *display = rp_store_dup_display_name (store);
          /* Translators: how the keyring lists the password, as in "Reprovision: rp_demo on db.council.example (jo)" */
          g_autofree char *label = g_strdup_printf (_("Reprovision: %s (%s)"), display, self->account->login);

          opened->self = g_object_ref (self);
          opened->store = g_steal_pointer (&store);
          rp_team_keyring_store_async (self->account, label, self->password, NULL, on_password_stored, opened);
          return;
        }

      finish_opened (self, store);
      return;
    }

  if (g_error_matches (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEEDS_PASSWORD))
    {
      g_autofree char *message = NULL;

      if (self->account != NULL && self->account->login[0] != '\0')
        message = g_strdup_printf (_("The server asks for the password of the account %s."), self->account->login);
      else
        message = g_strdup (_("The server asks for a password."));
      ask_for_password (self, message, FALSE);
      return;
    }

  if (g_error_matches (error, RP_TEAM_ERROR, RP_TEAM_ERROR_AUTHENTICATION) && self->password != NULL)
    {
      if (self->password_from_keyring)
        {
          g_autofree char *message = NULL;

          rp_team_keyring_clear_async (self->account, NULL, on_password_cleared, NULL);
          message = g_strdup_printf (_("The password kept in the keyring was not accepted, so it has been removed from the keyring. Type the password. (%s)"),
                                     error->message);
          ask_for_password (self, message, TRUE);
        }
      else
        {
          ask_for_password (self, error->message, TRUE);
          gtk_editable_select_region (GTK_EDITABLE (self->password_row), 0, -1);
        }
      return;
    }

  show_message (self, error->message, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->connect_button));
}

static void
start_attempt (RpTeamConnectWindow *self)
{
  g_autofree char *message = NULL;
  Attempt *attempt;
  char *conninfo;

  if (self->password != NULL)
    conninfo = rp_team_conninfo_with_password (self->location, self->password);
  else
    conninfo = g_strdup (self->location);

  if (self->account != NULL && self->account->host[0] != '\0')
    message = g_strdup_printf (_("Connecting to %s…"), self->account->host);
  else
    message = g_strdup (_("Connecting to the database server…"));
  gtk_label_set_label (self->progress_label, message);
  set_busy (self, TRUE);

  /* A connection attempt cannot be stopped half way: Cancel lets it finish
   * in its thread (10 seconds at most) and drops what it opened. */
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  attempt = g_new0 (Attempt, 1);
  attempt->self = g_object_ref (self);
  attempt->cancellable = g_object_ref (self->cancellable);
  rp_store_open_async (conninfo, RP_STORE_OPEN_DEFAULT, NULL, on_opened, attempt);
  forget_password (&conninfo);
}

typedef struct
{
  RpTeamConnectWindow *self;
  GCancellable        *cancellable;  /* the lookup's: a later attempt has its own */
} Lookup;

static void
on_password_looked_up (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Lookup *lookup = user_data;
  RpTeamConnectWindow *self = lookup->self;
  g_autoptr(GError) error = NULL;
  char *password = rp_team_keyring_lookup_finish (result, &error);

  /* Without a keyring (none running, or none allowed) the server asks. */
  if (lookup->cancellable == self->cancellable && !g_cancellable_is_cancelled (lookup->cancellable))
    {
      g_clear_pointer (&self->password, g_free);
      self->password = g_strdup (password);
      self->password_from_keyring = password != NULL;
      start_attempt (self);
    }

  forget_password (&password);
  g_object_unref (lookup->self);
  g_object_unref (lookup->cancellable);
  g_free (lookup);
}

/* Reads the form into the attempt's location and keyring key; FALSE, with
 * the reason shown, while the form does not make one. */
static gboolean
read_form (RpTeamConnectWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  if (uses_connection_string (self))
    {
      g_autofree char *text = strip (text_of (self->conninfo_row));
      g_autofree char *completed = NULL;

      if (text[0] == '\0' || !(completed = rp_team_complete_conninfo (text, &error)))
        {
          show_message (self, error != NULL ? error->message : _("Type the connection string, or switch it off and fill in the fields."), TRUE);
          return FALSE;
        }

      /* The location is remembered for the next start: a password in it would be too. */
      if (g_str_has_prefix (completed, "password=") || strstr (completed, " password=") != NULL)
        {
          show_message (self, _("Leave the password out of the connection string: Reprovision asks for it when the server wants it, and can keep it in the keyring."), TRUE);
          return FALSE;
        }

      g_clear_pointer (&self->account, rp_team_account_free);
      location = g_steal_pointer (&text);
    }
  else
    {
      location = rp_team_connect_window_build_location (text_of (self->host_row), text_of (self->port_row),
                                                        text_of (self->database_row), text_of (self->login_row),
                                                        gtk_switch_get_active (self->verify_switch), &error);
      if (location == NULL)
        {
          g_autofree char *database = strip (text_of (self->database_row));
          /* The database is asked about first, then the port. */
          GtkWidget *row = database[0] == '\0' ? GTK_WIDGET (self->database_row) : GTK_WIDGET (self->port_row);

          gtk_widget_add_css_class (row, "error");
          gtk_widget_grab_focus (row);
          show_message (self, error->message, TRUE);
          return FALSE;
        }

      g_clear_pointer (&self->account, rp_team_account_free);
      {
        g_autofree char *host = strip (text_of (self->host_row));
        g_autofree char *port = strip (text_of (self->port_row));
        g_autofree char *database = strip (text_of (self->database_row));
        g_autofree char *login = strip (text_of (self->login_row));

        self->account = rp_team_account_new (host, port, database, login);
      }
    }

  g_free (self->location);
  self->location = g_steal_pointer (&location);
  return TRUE;
}

static void
connect_with_password (RpTeamConnectWindow *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  Lookup *lookup;

  forget_password (&self->password);
  self->password_from_keyring = FALSE;

  if (gtk_widget_get_visible (GTK_WIDGET (self->password_group)) && typed[0] != '\0')
    {
      self->password = g_strdup (typed);
      start_attempt (self);
      return;
    }

  /* The keyring first, once for these fields: a password kept there is
   * tried before anyone is asked. */
  if (self->account != NULL && !self->keyring_asked)
    {
      self->keyring_asked = TRUE;
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      set_busy (self, TRUE);
      gtk_label_set_label (self->progress_label, _("Looking in the keyring…"));
      lookup = g_new0 (Lookup, 1);
      lookup->self = g_object_ref (self);
      lookup->cancellable = g_object_ref (self->cancellable);
      rp_team_keyring_lookup_async (self->account, self->cancellable, on_password_looked_up, lookup);
      return;
    }

  start_attempt (self);
}

/* Actions ---------------------------------------------------------------- */

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpTeamConnectWindow *self = RP_TEAM_CONNECT_WINDOW (widget);

  if (self->cancellable != NULL || !read_form (self))
    return;

  connect_with_password (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RpTeamConnectWindow *self = RP_TEAM_CONNECT_WINDOW (widget);

  if (self->cancellable == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  show_message (self, _("Connecting was cancelled. Change what you need and connect again, or cancel to close."), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->connect_button));
}

/* GObject ---------------------------------------------------------------- */

static void
rp_team_connect_window_dispose (GObject *object)
{
  RpTeamConnectWindow *self = RP_TEAM_CONNECT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_TEAM_CONNECT_WINDOW);

  G_OBJECT_CLASS (rp_team_connect_window_parent_class)->dispose (object);
}

static void
rp_team_connect_window_finalize (GObject *object)
{
  RpTeamConnectWindow *self = RP_TEAM_CONNECT_WINDOW (object);

  forget_password (&self->password);
  forget_password (&self->conninfo);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->account, rp_team_account_free);

  G_OBJECT_CLASS (rp_team_connect_window_parent_class)->finalize (object);
}

static void
rp_team_connect_window_class_init (RpTeamConnectWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_team_connect_window_dispose;
  object_class->finalize = rp_team_connect_window_finalize;

  /**
   * RpTeamConnectWindow::opened:
   * @store: the team database, open
   *
   * The database opened; rp_team_connect_window_get_location() says how to
   * open it again (without the password). The window closes after this.
   */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, RP_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/shell/rp-team-connect-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, fields_group);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, port_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, verify_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, verify_switch);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, password_group);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, remember_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, conninfo_row);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, status_group);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RpTeamConnectWindow, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_fields_changed);

  gtk_widget_class_install_action (widget_class, "team-connect.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "team-connect.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "team-connect.cancel", NULL);
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
rp_team_connect_window_init (RpTeamConnectWindow *self)
{
  GtkWidget *enable;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* libadwaita 1.2 gives the expander row's switch no name of its own. */
  if ((enable = find_switch (GTK_WIDGET (self->advanced_row))) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (enable),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use a connection string"),
                                    -1);
  on_fields_changed (self);
}

RpTeamConnectWindow *
rp_team_connect_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RP_TYPE_TEAM_CONNECT_WINDOW, "transient-for", parent, NULL);
}

/**
 * rp_team_connect_window_set_location:
 * @location: a team location opened before (from the settings)
 *
 * Fills the form from @location: the fields when it is one this window
 * built, the connection string otherwise.
 */
void
rp_team_connect_window_set_location (RpTeamConnectWindow *self,
                                     const char          *location)
{
  g_autoptr(GHashTable) options = NULL;
  const char *sslmode;

  g_return_if_fail (RP_IS_TEAM_CONNECT_WINDOW (self));
  g_return_if_fail (location != NULL);

  if (!(options = parse_location (location)))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->conninfo_row), location);
      adw_expander_row_set_expanded (self->advanced_row, TRUE);
      adw_expander_row_set_enable_expansion (self->advanced_row, TRUE);
      return;
    }

  adw_expander_row_set_enable_expansion (self->advanced_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), g_hash_table_lookup (options, "host") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), g_hash_table_lookup (options, "port") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), g_hash_table_lookup (options, "dbname") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), g_hash_table_lookup (options, "user") ?: "");
  sslmode = g_hash_table_lookup (options, "sslmode");
  gtk_switch_set_active (self->verify_switch, sslmode == NULL || g_str_equal (sslmode, "verify-full"));
}

/**
 * rp_team_connect_window_connect:
 *
 * Connects with what the form holds, as the Connect button does.
 */
void
rp_team_connect_window_connect (RpTeamConnectWindow *self)
{
  g_return_if_fail (RP_IS_TEAM_CONNECT_WINDOW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "team-connect.connect", NULL);
}

gboolean
rp_team_connect_window_is_connecting (RpTeamConnectWindow *self)
{
  g_return_val_if_fail (RP_IS_TEAM_CONNECT_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * rp_team_connect_window_get_location:
 *
 * Returns: (nullable): the location of the last attempt, to open it again:
 *   never with a password
 */
const char *
rp_team_connect_window_get_location (RpTeamConnectWindow *self)
{
  g_return_val_if_fail (RP_IS_TEAM_CONNECT_WINDOW (self), NULL);

  return self->location;
}

/**
 * rp_team_connect_window_get_conninfo:
 *
 * Returns: (nullable): once opened, the location with the password that
 *   opened it, for a second connection (a copy to a file). Keep it in
 *   memory only.
 */
const char *
rp_team_connect_window_get_conninfo (RpTeamConnectWindow *self)
{
  g_return_val_if_fail (RP_IS_TEAM_CONNECT_WINDOW (self), NULL);

  return self->conninfo;
}

/**
 * rp_team_connect_window_get_notice:
 *
 * Returns: (nullable): something the person should know after opening
 *   (the password could not be kept in the keyring)
 */
const char *
rp_team_connect_window_get_notice (RpTeamConnectWindow *self)
{
  g_return_val_if_fail (RP_IS_TEAM_CONNECT_WINDOW (self), NULL);

  return self->notice;
}

/**
 * rp_team_connect_window_get_message:
 *
 * Returns: (nullable): what the window says under the form: why the last
 *   attempt failed, or what it asks for
 */
const char *
rp_team_connect_window_get_message (RpTeamConnectWindow *self)
{
  g_return_val_if_fail (RP_IS_TEAM_CONNECT_WINDOW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_label (self->message_label) : NULL;
}
