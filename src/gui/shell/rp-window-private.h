/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-window-private.h: the main window's parts, shared with its actions */
#pragma once

#include "rp-area-page.h"
#include "rp-connection-banner.h"
#include "rp-fault-page.h"
#include "rp-window.h"

G_BEGIN_DECLS

struct _RpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned References */
  RpSession            *session;        /* the database, its fault, read-only */
  RpStore              *store;          /* the session's, while it has one */
  RpProgramme          *programme;
  GSettings            *settings;
  GtkNativeDialog      *file_chooser;
  GSimpleAction        *show_programme;
  GCancellable         *cancellable;
  GSignalGroup         *store_signals;
  guint                 check_tick_id;  /* the daily check waits for the first frame */
  guint                 check_idle_id;
  guint                 changes_poll_id;
  guint                 n_faults;       /* faults shown so far, to tell them from other errors */
  char                 *team_location;  /* the team store's location: never a password */
  char                 *team_conninfo;  /* and with the password that opened it; in memory only */
  gboolean              discard_unsaved; /* the person chose to close with a change not saved */

  /* Template Widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  RpFaultPage          *fault_page;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwWindowTitle       *programme_title;
  AdwViewStack         *view_stack;
  GMenu                *primary_menu;
  GMenu                *programmes_section;
  GtkMenuButton        *welcome_menu_button;
  GtkMenuButton        *fault_menu_button;
  GtkMenuButton        *menu_button;
  GtkLabel             *team_label;
  RpConnectionBanner   *connection_banner;

  /* Borrowed References */
  RpAreaPage           *area_pages[4];  /* NULL until first shown; held by the view stack */
};

void     _rp_window_class_actions_init          (RpWindowClass     *klass);
void     _rp_window_update_actions              (RpWindow          *self);
void     _rp_window_opened                      (RpWindow          *self);
gboolean _rp_window_open                        (RpWindow          *self,
                                                 const char        *path,
                                                 RpStoreOpenFlags   flags,
                                                 GError           **error);
void     _rp_window_open_or_report              (RpWindow          *self,
                                                 const char        *path);
void     _rp_window_present_new_programme_window (RpWindow         *self);
void     _rp_window_present_team_move_window    (RpWindow          *self);
void     _rp_window_present_team_connect_window (RpWindow          *self,
                                                 const char        *location);
gboolean _rp_window_is_reports_only             (RpWindow          *self);

typedef enum
{
  RP_WINDOW_LEAVING_CLOSE,
  RP_WINDOW_LEAVING_OPEN,
} RpWindowLeaving;

typedef void (*RpWindowLeave) (RpWindow *self,
                               gpointer  data);

void     _rp_window_leave_database              (RpWindow          *self,
                                                 RpWindowLeaving    why,
                                                 RpWindowLeave      leave,
                                                 gpointer           data,
                                                 GDestroyNotify     destroy);

G_END_DECLS
