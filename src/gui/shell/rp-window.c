/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-window.c: the main window: one programme, in four areas */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rp-attendee-detail-page.h"
#include "rp-attendee-list-page.h"
#include "rp-new-programme-window.h"
#include "rp-reports-page.h"
#include "rp-taster-days-page.h"
#include "rp-team.h"
#include "rp-team-connect-window.h"
#include "rp-timetable-page.h"
#include "rp-welcome-page.h"
#include "rp-window-private.h"

G_DEFINE_FINAL_TYPE (RpWindow, rp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  PROP_AREA,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_view (RpWindow *self)
{
  const char *view = self->store != NULL && self->programme != NULL ? "programme"
                     : rp_session_get_fault (self->session) != NULL ? "fault"
                     : "welcome";

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), view) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static gboolean
is_team (RpWindow *self)
{
  return self->store != NULL && rp_store_is_team (self->store);
}

/**
 * _rp_window_is_reports_only:
 *
 * Returns: %TRUE when the account may read only what the scrutiny report
 *   needs (the team's reports role): no names, no case notes, no changes
 */
gboolean
_rp_window_is_reports_only (RpWindow *self)
{
  return is_team (self) && rp_store_get_team_role (self->store) == RP_TEAM_ROLE_REPORTS;
}

void
_rp_window_update_actions (RpWindow *self)
{
  gboolean writable = self->store == NULL || !rp_store_is_read_only (self->store);
  gboolean reports_only = _rp_window_is_reports_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-programme", writable && !reports_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-attendees",
                                 self->store != NULL && writable && self->programme != NULL && !reports_only);
  /* A team database's backups are the server's; a copy to a file reads every table. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backups",
                                 is_team (self) ? !reports_only : rp_session_get_path (self->session) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.programme-history",
                                 self->store != NULL && self->programme != NULL && !reports_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-team", rp_team_is_supported ());
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-to-team",
                                 rp_team_is_supported () && self->store != NULL && !is_team (self) &&
                                 rp_session_get_path (self->session) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-team-copy", is_team (self) && !reports_only);
}

/* The menu lists the programmes only when there is a choice to make. */
static void
rebuild_programmes_menu (RpWindow *self)
{
  g_autoptr(GListModel) programmes = NULL;
  guint n_programmes;

  g_menu_remove_all (self->programmes_section);

  if (self->store == NULL ||
      !(programmes = rp_store_list_programmes (self->store, NULL)))
    return;

  n_programmes = g_list_model_get_n_items (programmes);
  if (n_programmes < 2)
    return;

  for (guint i = 0; i < n_programmes; i++)
    {
      g_autoptr(RpProgramme) programme = g_list_model_get_item (programmes, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (rp_programme_get_name (programme), NULL);

      g_menu_item_set_action_and_target_value (item, "programme.show",
                                               g_variant_new_int64 (rp_programme_get_id (programme)));
      g_menu_append_item (self->programmes_section, item);
    }
}

/* "31 March 2024": the full month reads better in a subtitle than "31 Mar 2024". */
static char *
format_closure_date (const char *iso)
{
  GDate date;
  char month[64];

  if (iso == NULL || !rp_date_parse (iso, &date, NULL) ||
      g_date_strftime (month, sizeof month, "%B", &date) == 0)
    return NULL;

  return g_strdup_printf ("%d %s %d", g_date_get_day (&date), month, g_date_get_year (&date));
}

/* "rp_demo on db.council.example · signed in as jo" */
static char *
team_subtitle (RpWindow *self)
{
  g_autofree char *name = rp_store_dup_display_name (self->store);
  const char *login = rp_store_get_login (self->store);

  if (login == NULL)
    return g_steal_pointer (&name);

  /* Translators: which team database and which account, as in "rp_demo on db.council.example · signed in as jo" */
  return g_strdup_printf (_("%s · signed in as %s"), name, login);
}

static void
update_titles (RpWindow *self)
{
  g_autofree char *closure = NULL;
  g_autofree char *subtitle = NULL;
  const char *closure_date;

  if (self->programme == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Reprovision"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->switcher_title), NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->programme_title), NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Reprovision"));
      return;
    }

  closure_date = rp_programme_get_closure_date (self->programme);
  closure = format_closure_date (closure_date);
  if (closure != NULL)
    {
      g_autofree char *today = self->store != NULL ? rp_store_dup_today (self->store) : rp_date_today ();

      if (rp_date_compare (closure_date, today) < 0)
        /* Translators: the subtitle of the window, under the day centre's name, as in "Closed 31 March 2024" */
        subtitle = g_strdup_printf (_("Closed %s"), closure);
      else
        /* Translators: the subtitle of the window, under the day centre's name, as in "Closes 31 March 2024" */
        subtitle = g_strdup_printf (_("Closes %s"), closure);
    }
  else
    subtitle = g_strdup (_("No closure date set"));

  /* The reports role reads the report's figures and builds, prints and
   * exports the report: more than read-only, less than anyone else. */
  if (_rp_window_is_reports_only (self))
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);

      /* Translators: the window's subtitle for an account that may only build and export the scrutiny report,
       * as in "Closes 31 March 2024 · Reports only" */
      subtitle = g_strdup_printf (_("%s · Reports only"), plain);
    }
  else if (self->store != NULL && rp_store_is_read_only (self->store))
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);

      /* Translators: the window's subtitle when the database is opened read-only, as in "Closes 31 March 2024 · Read-only" */
      subtitle = g_strdup_printf (_("%s · Read-only"), plain);
    }

  /* On a team database, which one and as whom come first: they matter
   * most, and the end of a long subtitle is what narrow windows cut. */
  if (is_team (self))
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);
      g_autofree char *team = team_subtitle (self);

      /* Translators: the window's subtitle on a team database, as in "rp_demo on db.council.example · signed in as jo · Closes 31 March 2024" */
      subtitle = g_strdup_printf (_("%s · %s"), team, plain);
    }

  adw_view_switcher_title_set_title (self->switcher_title, rp_programme_get_name (self->programme));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  adw_window_title_set_title (self->programme_title, rp_programme_get_name (self->programme));
  adw_window_title_set_subtitle (self->programme_title, subtitle);
  /* Cut short in a narrow window, the whole subtitle is still a hover away. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->switcher_title), is_team (self) ? subtitle : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->programme_title), is_team (self) ? subtitle : NULL);
  gtk_window_set_title (GTK_WINDOW (self), rp_programme_get_name (self->programme));
}

/* The areas, in the order of the view switcher and of Alt+1 to Alt+4. */
static const struct
{
  const char *name;
  guint       key;
  GType     (*get_type) (void);
} areas[] = {
  { "attendees",   GDK_KEY_1, rp_attendee_list_page_get_type },
  { "taster-days", GDK_KEY_2, rp_taster_days_page_get_type },
  { "timetable",   GDK_KEY_3, rp_timetable_page_get_type },
  { "reports",     GDK_KEY_4, rp_reports_page_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (areas) == G_N_ELEMENTS (((RpWindow *) NULL)->area_pages));

enum { AREA_ATTENDEES };

static void on_edit_note (RpWindow *self,
                          int       number);
static void on_show_attendee (RpWindow *self,
                              int       number);

/* An area is built when it is first shown: the window opens sooner, and
 * an area nobody visits costs nothing. */
static RpAreaPage *
ensure_area_page (RpWindow *self,
                  guint     area)
{
  RpAreaPage *page = self->area_pages[area];

  if (page == NULL)
    {
      page = self->area_pages[area] = g_object_new (areas[area].get_type (), NULL);
      /* Before the store: the reports role does not ask for what it may not read. */
      if (RP_IS_REPORTS_PAGE (page))
        rp_reports_page_set_reports_only (RP_REPORTS_PAGE (page), _rp_window_is_reports_only (self));
      rp_area_page_set_store (page, self->store);
      rp_area_page_set_programme (page, self->programme);
      if (RP_IS_REPORTS_PAGE (page))
        {
          g_signal_connect_object (page, "edit-note", G_CALLBACK (on_edit_note), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (page, "show-attendee", G_CALLBACK (on_show_attendee), self, G_CONNECT_SWAPPED);
        }
      adw_bin_set_child (ADW_BIN (adw_view_stack_get_child_by_name (self->view_stack, areas[area].name)),
                         GTK_WIDGET (page));
    }

  return page;
}

/* The area in view is built as soon as there is a programme to show in it. */
static RpAreaPage *
ensure_visible_area (RpWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->programme == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i].name, name) == 0)
      return ensure_area_page (self, i);

  return NULL;
}

void
rp_window_set_programme (RpWindow    *self,
                         RpProgramme *programme)
{
  RpAreaPage *visible_page;

  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (programme == NULL || RP_IS_PROGRAMME (programme));

  if (!g_set_object (&self->programme, programme))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->area_pages); i++)
    {
      if (self->area_pages[i] == NULL)
        continue;

      rp_area_page_set_store (self->area_pages[i], self->store);
      rp_area_page_set_programme (self->area_pages[i], programme);
    }
  visible_page = ensure_visible_area (self);

  /* The menu marks the programme shown; 0 is no programme's id. */
  g_simple_action_set_state (self->show_programme,
                             g_variant_new_int64 (programme != NULL ? rp_programme_get_id (programme) : 0));
  if (programme != NULL)
    g_settings_set_int64 (self->settings, "last-programme", rp_programme_get_id (programme));

  update_titles (self);
  _rp_window_update_actions (self);
  update_view (self);

  /* The area in view starts reading now, while the window is laid out. */
  if (visible_page != NULL)
    rp_area_page_refresh_if_pending (visible_page);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
}

static void
on_show_programme (RpWindow      *self,
                   GVariant      *state,
                   GSimpleAction *action)
{
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!(programme = rp_store_get_programme (self->store, g_variant_get_int64 (state), &error)))
    {
      rp_window_show_error (self, _("Could Not Open the Programme"), error);
      return;
    }

  rp_window_set_programme (self, programme);
}

/* Shows the programme last used, or the first; NULL when the database has none yet. */
static RpProgramme *
choose_programme (RpWindow *self)
{
  g_autoptr(GListModel) programmes = rp_store_list_programmes (self->store, NULL);
  gint64 last = g_settings_get_int64 (self->settings, "last-programme");
  guint n_programmes = programmes != NULL ? g_list_model_get_n_items (programmes) : 0;

  for (guint i = 0; i < n_programmes; i++)
    {
      g_autoptr(RpProgramme) programme = g_list_model_get_item (programmes, i);

      if (rp_programme_get_id (programme) == last)
        return g_steal_pointer (&programme);
    }

  return n_programmes > 0 ? g_list_model_get_item (programmes, 0) : NULL;
}

/* Another program, or another window, may change the file at any time:
 * while this window is on screen it looks once a second, which costs one
 * small read, so a second window beside it follows along too. */
static gboolean
poll_for_changes (gpointer user_data)
{
  RpWindow *self = user_data;

  rp_session_check_for_changes (self->session);

  return G_SOURCE_CONTINUE;
}

/* Coming back to the window after using another program is when the
 * database is most likely to have been changed or taken from under it. */
static void
on_is_active_changed (RpWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    rp_session_check_file (self->session);
}

static void
rp_window_map (GtkWidget *widget)
{
  RpWindow *self = RP_WINDOW (widget);

  GTK_WIDGET_CLASS (rp_window_parent_class)->map (widget);

  if (self->changes_poll_id == 0)
    self->changes_poll_id = g_timeout_add_seconds (1, poll_for_changes, self);
}

static void
rp_window_unmap (GtkWidget *widget)
{
  RpWindow *self = RP_WINDOW (widget);

  g_clear_handle_id (&self->changes_poll_id, g_source_remove);

  GTK_WIDGET_CLASS (rp_window_parent_class)->unmap (widget);
}

/* The programme's name, dates or title changed, here or elsewhere: every
 * area shows it as it is now. */
static void
on_programmes_changed (RpWindow   *self,
                       const char *table,
                       GArray     *ids,
                       RpStore    *store)
{
  g_autoptr(RpProgramme) fresh = NULL;

  rebuild_programmes_menu (self);

  if (self->programme == NULL)
    return;

  if ((fresh = rp_store_get_programme (store, rp_programme_get_id (self->programme), NULL)) != NULL)
    rp_window_set_programme (self, fresh);
}

static void
forget_team_location (RpWindow *self)
{
  g_clear_pointer (&self->team_location, g_free);
  if (self->team_conninfo != NULL)
    memset (self->team_conninfo, 0, strlen (self->team_conninfo));
  g_clear_pointer (&self->team_conninfo, g_free);
}

static void
cancel_daily_check (RpWindow *self)
{
  g_clear_handle_id (&self->check_idle_id, g_source_remove);
  if (self->check_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->check_tick_id);
  self->check_tick_id = 0;
}

/* A team database: a line under the header names it and the account. The
 * reports role reads only what the scrutiny report needs: the other areas
 * are not shown, and the line says why. */
static void
apply_role (RpWindow *self)
{
  gboolean reports_only = _rp_window_is_reports_only (self);
  RpAreaPage *reports = self->area_pages[G_N_ELEMENTS (areas) - 1];

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, areas[i].name);

      if (!g_str_equal (areas[i].name, "reports"))
        adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, child), !reports_only);
    }

  if (reports_only)
    adw_view_stack_set_visible_child_name (self->view_stack, "reports");
  if (reports != NULL)
    rp_reports_page_set_reports_only (RP_REPORTS_PAGE (reports), reports_only);

  /* Which database and which account, in full: the subtitle beside the
   * view switcher is cut short in all but the widest windows. */
  if (is_team (self))
    {
      g_autofree char *identity = team_subtitle (self);
      g_autofree char *text = NULL;

      if (reports_only)
        text = g_strdup_printf ("%s\n%s", identity,
                                _("Reports only: your account can build, print and export reports but not see attendees’ details "
                                  "or change the programme, so only the Reports area is shown. "
                                  "Ask the database administrator if you need more."));
      gtk_label_set_label (self->team_label, text != NULL ? text : identity);
    }
  else
    gtk_label_set_label (self->team_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->team_label), is_team (self));
}

/* The session opened another database, or let go of one: show its programme. */
static void
on_session_store_changed (RpWindow *self)
{
  RpStore *store = rp_session_get_store (self->session);
  g_autoptr(RpProgramme) programme = NULL;

  if (!g_set_object (&self->store, store))
    return;

  /* The team location goes with the team store it opened. */
  if (!is_team (self))
    forget_team_location (self);
  apply_role (self);

  /* A check waiting for the old database is not for this one. */
  cancel_daily_check (self);
  g_signal_group_set_target (self->store_signals, store);

  rp_window_set_programme (self, NULL);
  rebuild_programmes_menu (self);
  _rp_window_update_actions (self);

  if (store != NULL && (programme = choose_programme (self)) != NULL)
    rp_window_set_programme (self, programme);

  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static gboolean
has_backups (const char *path)
{
  g_autoptr(GListModel) backups = rp_backup_list (path, NULL);

  return backups != NULL && g_list_model_get_n_items (backups) > 0;
}

/* The database could not be opened, or can no longer be used: say why, and
 * offer what can help. */
static void
on_session_fault_changed (RpWindow *self)
{
  const GError *fault = rp_session_get_fault (self->session);

  if (fault != NULL)
    {
      const char *path = rp_session_get_path (self->session);

      self->n_faults++;
      rp_fault_page_set_fault (self->fault_page, path, fault, has_backups (path));
    }

  _rp_window_update_actions (self);
  update_view (self);
}

static void
on_session_notice (RpWindow   *self,
                   const char *message)
{
  rp_window_add_toast (self, message);
}

void
rp_window_set_store (RpWindow *self,
                     RpStore  *store)
{
  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (store == NULL || RP_IS_STORE (store));

  rp_session_set_store (self->session, store);
}

static void
on_programme_created (RpWindow             *self,
                      RpProgramme          *programme,
                      RpNewProgrammeWindow *dialog)
{
  rebuild_programmes_menu (self);
  rp_window_set_programme (self, programme);
}

void
_rp_window_present_new_programme_window (RpWindow *self)
{
  RpNewProgrammeWindow *dialog = rp_new_programme_window_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_programme_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_daily_check_done (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* A damaged file is already the session's fault, shown on the fault page. */
  if (rp_session_run_daily_check_finish (RP_SESSION (source_object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, RP_ERROR, RP_ERROR_CORRUPT))
    return;

  message = g_strdup_printf (_("Today’s backup could not be made: %s"), error->message);
  rp_window_add_toast (self, message);
}

static gboolean
start_daily_check (gpointer user_data)
{
  RpWindow *self = RP_WINDOW (user_data);

  self->check_idle_id = 0;
  rp_session_run_daily_check_async (self->session, self->cancellable, on_daily_check_done, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static gboolean
on_first_frame (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  RpWindow *self = RP_WINDOW (widget);

  /* An idle runs once this frame has been painted. */
  self->check_tick_id = 0;
  self->check_idle_id = g_idle_add (start_daily_check, self);

  return G_SOURCE_REMOVE;
}

/**
 * _rp_window_opened:
 *
 * What follows the session opening a database for the person: it is
 * remembered for the next start; a database open for changes is checked and
 * backed up once the window has been drawn (reading the whole file on the
 * second core must not hold up the first frame); one without a programme
 * asks for one.
 */
void
_rp_window_opened (RpWindow *self)
{
  g_assert (self->store != NULL);

  /* A team database is remembered by its location, which never holds the
   * password; its checks and backups are the server's. */
  if (is_team (self))
    g_settings_set_string (self->settings, "recent-database", self->team_location != NULL ? self->team_location : "");
  else
    g_settings_set_string (self->settings, "recent-database", rp_store_get_path (self->store));

  /* The reports role cannot start a programme: it can only be told. */
  if (_rp_window_is_reports_only (self) && self->programme == NULL)
    rp_window_add_toast (self, _("This account could not read a programme in this team database. Ask the database administrator."));

  if (rp_store_is_read_only (self->store) || _rp_window_is_reports_only (self))
    return;

  if (!is_team (self) && self->check_tick_id == 0 && self->check_idle_id == 0)
    self->check_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_first_frame, NULL, NULL);

  if (self->programme == NULL)
    _rp_window_present_new_programme_window (self);
}

static void
on_team_opened (RpWindow            *self,
                RpStore             *store,
                RpTeamConnectWindow *dialog)
{
  const char *notice = rp_team_connect_window_get_notice (dialog);

  forget_team_location (self);
  self->team_location = g_strdup (rp_team_connect_window_get_location (dialog));
  self->team_conninfo = g_strdup (rp_team_connect_window_get_conninfo (dialog));
  rp_session_set_store (self->session, store);
  _rp_window_opened (self);

  if (notice != NULL)
    rp_window_add_toast (self, notice);
}

/**
 * _rp_window_present_team_connect_window:
 * @location: (nullable): a team location to connect to at once (the one
 *   used last), or %NULL for an empty form
 *
 * Asks for a team database and opens it in this window.
 */
void
_rp_window_present_team_connect_window (RpWindow   *self,
                                        const char *location)
{
  RpTeamConnectWindow *dialog = rp_team_connect_window_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "opened", G_CALLBACK (on_team_opened), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  if (location != NULL)
    {
      rp_team_connect_window_set_location (dialog, location);
      rp_team_connect_window_connect (dialog);
    }
}

/**
 * _rp_window_present_team_move_window:
 *
 * Offers to move the open file's programme onto a team database; once
 * moved and opened, this window shows the team database.
 */
void
_rp_window_present_team_move_window (RpWindow *self)
{
  const char *path = rp_session_get_path (self->session);
  RpTeamConnectWindow *dialog;

  if (path == NULL || is_team (self))
    return;

  /* The copy reads the file as it is when it starts: an attendee's edit
   * still waiting to be saved is saved first (the dialogue is modal, so
   * nothing else is written until it is done). */
  for (guint i = 0; i < G_N_ELEMENTS (self->area_pages); i++)
    if (RP_IS_ATTENDEE_LIST_PAGE (self->area_pages[i]))
      rp_attendee_detail_page_save_now (rp_attendee_list_page_get_attendee_detail_page (RP_ATTENDEE_LIST_PAGE (self->area_pages[i])));

  dialog = rp_team_connect_window_new_for_move (GTK_WINDOW (self), path);
  g_signal_connect_object (dialog, "opened", G_CALLBACK (on_team_opened), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_rp_window_open (RpWindow          *self,
                 const char        *path,
                 RpStoreOpenFlags   flags,
                 GError           **error)
{
  if (!rp_session_open (self->session, path, flags, error))
    return FALSE;

  _rp_window_opened (self);
  return TRUE;
}

/**
 * rp_window_open_database:
 * @path: a database file
 *
 * Opens @path through the window's session (rp_session_open(): a local
 * copy when it lies on the document portal) and remembers it for the next
 * start. A database without a programme asks for one. The first opening of
 * the day makes a backup. A file that cannot be opened is shown on the
 * fault page.
 */
gboolean
rp_window_open_database (RpWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _rp_window_open (self, path, RP_STORE_OPEN_DEFAULT, error);
}

/**
 * rp_window_open_team_location:
 * @location: a team database's location (a `postgresql://` URI or a
 *   key=value string), as given on the command line
 *
 * Connects to it in the connection dialogue, filled in from @location, so
 * that a password the server asks for is asked there (or taken from the
 * keyring) and any failure is shown beside the form.
 */
void
rp_window_open_team_location (RpWindow   *self,
                              const char *location)
{
  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (location != NULL);

  if (!rp_team_is_supported ())
    {
      rp_window_add_toast (self, _("This copy of Reprovision was built without team databases, so it cannot open one."));
      return;
    }

  _rp_window_present_team_connect_window (self, location);
}

static void
open_location_now (RpWindow *self,
                   gpointer  data)
{
  const char *location = data;
  g_autoptr(GError) error = NULL;

  /* A team database: connecting takes a moment and may want a password,
   * which the dialogue asks for, filled in from the location. */
  if (rp_store_location_is_team (location))
    rp_window_open_team_location (self, location);
  else if (!rp_window_open_database (self, location, &error))
    rp_window_show_fault (self, location, error);
}

/**
 * rp_window_open_location:
 * @location: a database file or a team database's location
 *
 * Opens @location in this window, as asked from outside it (the command
 * line, the desktop), asking first if an attendee's change could not be
 * saved in the database open now.
 */
void
rp_window_open_location (RpWindow   *self,
                         const char *location)
{
  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (location != NULL);

  _rp_window_leave_database (self, RP_WINDOW_LEAVING_OPEN, open_location_now, g_strdup (location), g_free);
}

void
_rp_window_open_or_report (RpWindow   *self,
                           const char *path)
{
  /* A failure is the session's fault, which the window shows. */
  _rp_window_open (self, path, RP_STORE_OPEN_DEFAULT, NULL);
}

/**
 * rp_window_show_fault:
 * @path: the database that could not be opened
 * @error: why
 *
 * Replaces the window's content with a page naming the problem and what can
 * be done: try again, open read-only, restore a backup or choose another file.
 */
void
rp_window_show_fault (RpWindow     *self,
                      const char   *path,
                      const GError *error)
{
  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);

  rp_session_set_fault (self->session, path, error);
}

/**
 * rp_window_restore_session:
 *
 * Reopens the database used last, if it is still there.
 */
void
rp_window_restore_session (RpWindow *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RP_IS_WINDOW (self));

  path = g_settings_get_string (self->settings, "recent-database");
  if (path[0] == '\0')
    return;

  /* Connecting takes a moment, and may want a password: in the dialogue. */
  if (rp_store_location_is_team (path))
    {
      if (rp_team_is_supported ())
        _rp_window_present_team_connect_window (self, path);
      else
        rp_window_add_toast (self, _("The team database used last cannot be opened: this copy of Reprovision was built without team databases."));
      return;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("The database used last, “%s”, could not be found. It may have been moved or renamed."), path);

      rp_window_add_toast (self, message);
      g_settings_set_string (self->settings, "recent-database", "");
      return;
    }

  _rp_window_open_or_report (self, path);
}

void
rp_window_show_error (RpWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (RP_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
rp_window_add_toast (RpWindow   *self,
                     const char *message)
{
  AdwToast *toast;

  g_return_if_fail (RP_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* GObject ------------------------------------------------------------------ */

/* The dashboard's "needs attention": open that attendee's page. */
static void
on_show_attendee (RpWindow *self,
                  int       number)
{
  if (_rp_window_is_reports_only (self))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, areas[AREA_ATTENDEES].name);
  rp_attendee_list_page_show_number (RP_ATTENDEE_LIST_PAGE (ensure_area_page (self, AREA_ATTENDEES)), number);
}

/* An export stopped on a note that names someone: open that note, at the
 * word, ready to be put right. */
static void
on_edit_note (RpWindow *self,
              int       number)
{
  RpAttendeeListPage *attendees;
  RpAttendeeDetailPage *page;

  if (_rp_window_is_reports_only (self))
    return;

  on_show_attendee (self, number);
  attendees = RP_ATTENDEE_LIST_PAGE (ensure_area_page (self, AREA_ATTENDEES));
  page = rp_attendee_list_page_get_attendee_detail_page (attendees);
  if (rp_attendee_detail_page_get_attendee (page) != NULL &&
      rp_attendee_get_number (rp_attendee_detail_page_get_attendee (page)) == number)
    rp_attendee_detail_page_edit_report_note (page);
}

static void
on_area_changed (RpWindow *self)
{
  /* The view stack reports its first page while the template is built. */
  if (self->view_stack == NULL)
    return;

  ensure_visible_area (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA]);
}

/* An attendee's change that could not be saved yet (the team database
 * cannot be reached, say), after one more try. */
static RpAttendeeDetailPage *
find_unsaved_page (RpWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->area_pages); i++)
    if (RP_IS_ATTENDEE_LIST_PAGE (self->area_pages[i]))
      {
        RpAttendeeDetailPage *page = rp_attendee_list_page_get_attendee_detail_page (RP_ATTENDEE_LIST_PAGE (self->area_pages[i]));

        rp_attendee_detail_page_save_now (page);
        if (rp_attendee_detail_page_has_unsaved (page))
          return page;
      }

  return NULL;
}

/* A timetable tick made while the team database could not be reached. */
static RpTimetablePage *
find_unsaved_timetable (RpWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->area_pages); i++)
    if (RP_IS_TIMETABLE_PAGE (self->area_pages[i]) &&
        rp_timetable_page_has_unsaved (RP_TIMETABLE_PAGE (self->area_pages[i])))
      return RP_TIMETABLE_PAGE (self->area_pages[i]);

  return NULL;
}

typedef struct
{
  RpWindow             *window;
  RpAttendeeDetailPage *page;       /* or */
  RpTimetablePage      *timetable;
  RpWindowLeave         leave;
  gpointer              data;
  GDestroyNotify        destroy;
} Leaving;

static void
leaving_free (Leaving *leaving)
{
  if (leaving->destroy != NULL)
    leaving->destroy (leaving->data);
  g_clear_object (&leaving->page);
  g_clear_object (&leaving->timetable);
  g_object_unref (leaving->window);
  g_free (leaving);
}

static void
on_leave_unsaved_response (AdwMessageDialog *dialog,
                           const char       *response,
                           Leaving          *leaving)
{
  if (!g_str_equal (response, "discard"))
    return;

  /* Let go for good: not saved later into the database left behind. */
  if (leaving->page != NULL)
    rp_attendee_detail_page_discard_unsaved (leaving->page);
  if (leaving->timetable != NULL)
    rp_timetable_page_discard_unsaved (leaving->timetable);
  leaving->leave (leaving->window, leaving->data);
}

/**
 * _rp_window_leave_database:
 * @why: closing the window, or opening another database in it
 * @leave: what to do once nothing unsaved is in the way
 *
 * Closing the window, quitting or opening another database never drops an
 * attendee's change or a timetable tick that could not be saved unasked:
 * @leave runs at once if there is none, else only once the person chooses to
 * let it go. Kept, the change is saved once the connection is back. @destroy
 * frees @data either way.
 */
void
_rp_window_leave_database (RpWindow       *self,
                           RpWindowLeaving why,
                           RpWindowLeave   leave,
                           gpointer        data,
                           GDestroyNotify  destroy)
{
  RpAttendeeDetailPage *page = find_unsaved_page (self);
  RpTimetablePage *timetable = page == NULL ? find_unsaved_timetable (self) : NULL;
  gboolean lost;
  const char *name;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Leaving *leaving;

  if (page == NULL && timetable == NULL)
    {
      leave (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  /* What is at stake, in words; a tick waits only for a lost connection. */
  lost = self->store != NULL && rp_store_get_connection_lost (self->store);
  name = page != NULL ? rp_attendee_get_display_name (rp_attendee_detail_page_get_attendee (page)) : NULL;
  if (timetable != NULL && why == RP_WINDOW_LEAVING_OPEN)
    body = g_strdup (_("A tick in the closure timetable is not saved, as the team database cannot be reached. "
                       "If you open another database now, it is lost; stay with this one and it is saved once "
                       "the connection is back."));
  else if (timetable != NULL)
    body = g_strdup (_("A tick in the closure timetable is not saved, as the team database cannot be reached. "
                       "If you close the window now, it is lost; keep it open and it is saved once the "
                       "connection is back."));
  else if (why == RP_WINDOW_LEAVING_OPEN && lost)
    body = g_strdup_printf (_("A change to %s’s details is not saved, as the team database cannot be reached. "
                              "If you open another database now, the change is lost; stay with this one and "
                              "the change is saved once the connection is back."), name);
  else if (why == RP_WINDOW_LEAVING_OPEN)
    body = g_strdup_printf (_("A change to %s’s details could not be saved. If you open another database "
                              "now, the change is lost."), name);
  else if (lost)
    body = g_strdup_printf (_("A change to %s’s details is not saved, as the team database cannot be reached. "
                              "If you close the window now, the change is lost; keep it open and the change is "
                              "saved once the connection is back."), name);
  else
    body = g_strdup_printf (_("A change to %s’s details could not be saved. If you close the window now, the "
                              "change is lost."), name);

  if (why == RP_WINDOW_LEAVING_OPEN)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open Another Database Without Saving?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Keep Editing"),
                                        "discard", _("_Discard and Open"),
                                        NULL);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Close Without Saving?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Keep Window Open"),
                                        "discard", _("_Close and Discard"),
                                        NULL);
    }

  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  leaving = g_new0 (Leaving, 1);
  leaving->window = g_object_ref (self);
  leaving->page = page != NULL ? g_object_ref (page) : NULL;
  leaving->timetable = timetable != NULL ? g_object_ref (timetable) : NULL;
  leaving->leave = leave;
  leaving->data = data;
  leaving->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_leave_unsaved_response), leaving,
                         (GClosureNotify) leaving_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_anyway (RpWindow *self,
              gpointer  data)
{
  self->discard_unsaved = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
rp_window_close_request (GtkWindow *window)
{
  RpWindow *self = RP_WINDOW (window);
  int width, height;

  /* Closing waits for the answer; once nothing unsaved is left, it goes on. */
  if (!self->discard_unsaved && (find_unsaved_page (self) != NULL || find_unsaved_timetable (self) != NULL))
    {
      _rp_window_leave_database (self, RP_WINDOW_LEAVING_CLOSE, close_anyway, NULL, NULL);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (rp_window_parent_class)->close_request (window);
}

static void
rp_window_dispose (GObject *object)
{
  RpWindow *self = RP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  cancel_daily_check (self);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  /* libadwaita 1.2 warns if the switchers outlive the stack's pages: let go of it first. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_WINDOW);
  memset (self->area_pages, 0, sizeof self->area_pages);

  g_clear_handle_id (&self->changes_poll_id, g_source_remove);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  /* A check still running holds the session: it must not call back here. */
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  g_clear_object (&self->settings);
  g_clear_object (&self->show_programme);
  forget_team_location (self);

  G_OBJECT_CLASS (rp_window_parent_class)->dispose (object);
}

static void
rp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RpWindow *self = RP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    case PROP_AREA:
      g_value_set_string (value, rp_window_get_area (self));
      break;

    case PROP_VIEW:
      g_value_set_string (value, rp_window_get_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RpWindow *self = RP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rp_window_set_store (self, g_value_get_object (value));
      break;

    case PROP_PROGRAMME:
      rp_window_set_programme (self, g_value_get_object (value));
      break;

    case PROP_AREA:
      /* Alt+1 to Alt+3 do not open an area the account may not see. */
      if (!_rp_window_is_reports_only (self) || g_strcmp0 (g_value_get_string (value), "reports") == 0)
        adw_view_stack_set_visible_child_name (self->view_stack, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_window_class_init (RpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  object_class->dispose = rp_window_dispose;
  object_class->get_property = rp_window_get_property;
  object_class->set_property = rp_window_set_property;
  window_class->close_request = rp_window_close_request;
  widget_class->map = rp_window_map;
  widget_class->unmap = rp_window_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, RP_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREA] =
    g_param_spec_string ("area", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RP_TYPE_WELCOME_PAGE);
  g_type_ensure (RP_TYPE_FAULT_PAGE);
  g_type_ensure (RP_TYPE_CONNECTION_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/shell/rp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, fault_page);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, programme_title);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, programmes_section);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, fault_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, team_label);
  gtk_widget_class_bind_template_child (widget_class, RpWindow, connection_banner);
  gtk_widget_class_bind_template_callback (widget_class, on_area_changed);

  gtk_widget_class_install_property_action (widget_class, "win.area", "area");
  _rp_window_class_actions_init (klass);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    gtk_widget_class_add_binding_action (widget_class, areas[i].key, GDK_ALT_MASK,
                                         "win.area", "s", areas[i].name);
}

/* The main menu is made the first time it opens: most starts never open it,
 * and the window opens sooner without three menus built in advance. */
static void
add_primary_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  RpWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->primary_menu));
}

static void
rp_window_init (RpWindow *self)
{
  g_autoptr(GSimpleActionGroup) programme_actions = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->welcome_menu_button, add_primary_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->fault_menu_button, add_primary_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, add_primary_menu, self, NULL);

  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed), NULL);
  self->session = rp_session_new ();
  rp_connection_banner_set_session (self->connection_banner, self->session);
  g_signal_connect_object (self->session, "notify::store", G_CALLBACK (on_session_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::fault", G_CALLBACK (on_session_fault_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::read-only", G_CALLBACK (_rp_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notice", G_CALLBACK (on_session_notice), self, G_CONNECT_SWAPPED);
  self->store_signals = g_signal_group_new (RP_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed::programme", G_CALLBACK (on_programmes_changed),
                                 self, G_CONNECT_SWAPPED);

  /* Stateful, so the menu shows the current programme as a radio item. */
  self->show_programme = g_simple_action_new_stateful ("show", G_VARIANT_TYPE_INT64, g_variant_new_int64 (0));
  g_signal_connect_object (self->show_programme, "change-state", G_CALLBACK (on_show_programme), self, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (programme_actions), G_ACTION (self->show_programme));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "programme", G_ACTION_GROUP (programme_actions));

  /* When the switcher takes the header's centre, the programme's name moves to the start. */
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->programme_title, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  update_titles (self);
  _rp_window_update_actions (self);
  update_view (self);
}

RpWindow *
rp_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (RP_TYPE_WINDOW, "application", application, NULL);
}

RpStore *
rp_window_get_store (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return self->store;
}

RpProgramme *
rp_window_get_programme (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return self->programme;
}

/**
 * rp_window_get_area:
 *
 * Returns: the area shown: "attendees", "taster-days", "timetable" or "reports"
 */
const char *
rp_window_get_area (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * rp_window_get_view:
 *
 * Returns: "welcome" before a programme is open, then "programme";
 *   "fault" when the database could not be opened
 */
const char *
rp_window_get_view (RpWindow *self)
{
  g_return_val_if_fail (RP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
