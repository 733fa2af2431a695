/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-list-page.c: the Attendees area: every attendee, where they are on the moving plan */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-attendee-detail-page.h"
#include "rp-attendee-row.h"
#include "rp-attendee-table.h"
#include "rp-attendee-list-page.h"
#include "rp-new-attendee-window.h"
#include "rp-workers-window.h"

struct _RpAttendeeListPage
{
  RpAreaPage           parent_instance;

  GSettings           *settings;
  RpAttendeeFilter    *filter;
  RpAttendeeList      *list;
  GtkSingleSelection  *selection;
  GListModel          *workers;
  GArray              *worker_choices;   /* worker dropdown position → filter value */
  RpRulesContext      *rules;            /* today, the closure date and the stale days */
  int                  selected_number;  /* kept selected as the list is sorted or filtered */
  gboolean             syncing;

  GtkStack            *stack;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *filter_revealer;
  GtkLabel            *filter_label;
  gboolean             go_to_result;      /* Enter was pressed in the search before its answer came */
  GtkDropDown         *step_dropdown;
  GtkDropDown         *worker_dropdown;
  GtkDropDown         *funding_dropdown;
  GtkDropDown         *outcome_dropdown;
  GtkCheckButton      *archived_check;
  GtkMenuButton       *mine_button;
  GtkStack            *list_stack;
  RpAttendeeTable     *table;
  GtkLabel            *count_label;
  RpAttendeeDetailPage      *attendee_detail_page;    /* made when first opened */
};

G_DEFINE_FINAL_TYPE (RpAttendeeListPage, rp_attendee_list_page, RP_TYPE_AREA_PAGE)

static const int outcome_choices[] = {
  RP_OUTCOME_ATTENDING, RP_OUTCOME_MOVED, RP_OUTCOME_LEFT, RP_ATTENDEE_FILTER_ANY,
};

/* Rows ---------------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           RpAttendeeListPage          *self)
{
  gtk_list_item_set_child (list_item, rp_attendee_row_new ());
}

static char *
format_name (RpAttendee *attendee)
{
  const char *preferred = rp_attendee_get_preferred_name (attendee);

  if (preferred != NULL && g_strcmp0 (preferred, rp_attendee_get_full_name (attendee)) != 0)
    /* Translators: full name, then the name the person prefers */
    return g_strdup_printf (_("%s (%s)"), rp_attendee_get_full_name (attendee), preferred);

  return g_strdup (rp_attendee_get_full_name (attendee));
}

static char *
format_outcome (RpAttendee *attendee)
{
  g_autofree char *date = rp_date_format_short (rp_attendee_get_outcome_date (attendee));

  switch (rp_attendee_get_outcome (attendee))
    {
    case RP_OUTCOME_MOVED:
      /* Translators: "Moved 20 Sep 2023 to Mosaic" */
      return g_strdup_printf (_("Moved %s to %s"), date, rp_attendee_get_moved_to_provider_name (attendee));

    case RP_OUTCOME_LEFT:
      /* Translators: "Left 20 Sep 2023" */
      return g_strdup_printf (_("Left %s"), date);

    case RP_OUTCOME_ATTENDING:
    default:
      return g_strdup (rp_outcome_get_label (RP_OUTCOME_ATTENDING));
    }
}

static char *
format_days_at_step (RpAttendeeListPage *self,
                     RpAttendee      *attendee)
{
  if (rp_attendee_get_outcome (attendee) == RP_OUTCOME_ATTENDING && rp_attendee_get_step_since (attendee) != NULL)
    return g_strdup_printf ("%d", rp_date_days_between (rp_attendee_get_step_since (attendee), self->rules->today));

  return g_strdup ("–");
}

static void
show_in_row (RpAttendeeListPage *self,
             GtkListItem     *list_item)
{
  RpAttendee *attendee = rp_attendee_list_row_get_attendee (gtk_list_item_get_item (list_item));
  RpAttendeeRow *row = RP_ATTENDEE_ROW (gtk_list_item_get_child (list_item));
  RpAttention attention = rp_attention_for_attendee (attendee, self->rules);
  g_autofree char *described = rp_attention_describe_for (attention, attendee, self->rules);
  g_autofree char *number = g_strdup_printf ("%d", rp_attendee_get_number (attendee));
  g_autofree char *name = format_name (attendee);
  const char *worker = rp_attendee_get_worker_name (attendee);
  int step = rp_attendee_get_step (attendee);
  g_autofree char *step_text = g_strdup_printf ("%d · %s", step, rp_moving_plan_step_name (step));
  g_autofree char *days = format_days_at_step (self, attendee);
  g_autofree char *target = rp_date_format_short (rp_attendee_get_target_date (attendee));
  g_autofree char *outcome = format_outcome (attendee);

  rp_attendee_row_set_attention (row, described);
  rp_attendee_row_set_text (row, RP_ATTENDEE_COLUMN_NUMBER, number);
  rp_attendee_row_set_text (row, RP_ATTENDEE_COLUMN_NAME, name);
  rp_attendee_row_set_text (row, RP_ATTENDEE_COLUMN_STATUS, rp_funding_get_label (rp_attendee_get_funding (attendee)));
  rp_attendee_row_set_text (row, RP_ATTENDEE_COLUMN_WORKER, worker != NULL ? worker : _("None allocated"));
  rp_attendee_row_set_step (row, step, step_text);
  rp_attendee_row_set_text (row, RP_ATTENDEE_COLUMN_DAYS, days);
  rp_attendee_row_set_text (row, RP_ATTENDEE_COLUMN_TARGET, target != NULL ? target : "–");
  rp_attendee_row_set_text (row, RP_ATTENDEE_COLUMN_OUTCOME, outcome);
}

/* A row keeps its place as the list is searched or sorted; only its attendee changes. */
static void
on_row_attendee_changed (RpAttendeeListRow *row,
                         GParamSpec        *pspec,
                         GtkListItem       *list_item)
{
  RpAttendeeListPage *self = g_object_get_data (G_OBJECT (list_item), "page");

  show_in_row (self, list_item);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          RpAttendeeListPage          *self)
{
  g_object_set_data (G_OBJECT (list_item), "page", self);
  show_in_row (self, list_item);
  g_signal_connect (gtk_list_item_get_item (list_item), "notify::attendee",
                    G_CALLBACK (on_row_attendee_changed), list_item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            RpAttendeeListPage          *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), on_row_attendee_changed, list_item);
}

/* Sorting ------------------------------------------------------------------ */

static const struct
{
  const char     *column_id;
  RpAttendeeSort  sort;
} sorts[] = {
  { "attention", RP_ATTENDEE_SORT_ATTENTION },
  { "number", RP_ATTENDEE_SORT_NUMBER },
  { "name", RP_ATTENDEE_SORT_NAME },
  { "status", RP_ATTENDEE_SORT_STATUS },
  { "worker", RP_ATTENDEE_SORT_WORKER },
  { "step", RP_ATTENDEE_SORT_STEP },
  { "days", RP_ATTENDEE_SORT_DAYS_AT_STEP },
  { "target", RP_ATTENDEE_SORT_TARGET_DATE },
  { "outcome", RP_ATTENDEE_SORT_OUTCOME },
};

/* The list sorts itself in a thread (rp-attendee-list.c) by the column the table's headers chose. */
static void
on_sort_changed (RpAttendeeListPage *self)
{
  const char *column_id = rp_attendee_table_get_sort_column (self->table);
  gboolean descending = rp_attendee_table_get_sort_descending (self->table);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (g_str_equal (sorts[i].column_id, column_id))
      rp_attendee_list_set_sort (self->list, sorts[i].sort, descending);

  g_settings_set_string (self->settings, "attendees-sort-column", column_id);
  g_settings_set_boolean (self->settings, "attendees-sort-descending", descending);
}

static void
restore_sort (RpAttendeeListPage *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "attendees-sort-column");

  rp_attendee_table_set_sort (self->table, id, g_settings_get_boolean (self->settings, "attendees-sort-descending"));
  on_sort_changed (self);
}

/* Filtering ---------------------------------------------------------------- */

static void
update_counts (RpAttendeeListPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint total = rp_attendee_list_get_n_total (self->list);
  const GError *error = rp_attendee_list_get_load_error (self->list);
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      /* What was shown stays; the count says why it may be out of date. */
      text = g_strdup_printf (_("The attendees could not be read again: %s"), error->message);
      gtk_label_set_label (self->count_label, text);
      return;
    }

  if (!rp_attendee_list_get_loaded (self->list))
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      gtk_label_set_label (self->count_label, rp_attendee_list_get_busy (self->list) ? _("Reading the attendees…") : "");
      return;
    }

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  /* Translators: "12 attendees shown of 19" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attendee shown of %u", "%u attendees shown of %u", shown),
                          shown, total);
  gtk_label_set_label (self->count_label, text);
}

static guint
worker_position (RpAttendeeListPage *self,
                 gint64           worker_id)
{
  for (guint i = 0; i < self->worker_choices->len; i++)
    if (g_array_index (self->worker_choices, gint64, i) == worker_id)
      return i;

  return 0;
}

/* Says above the list which attendees it keeps to, so a list narrowed to
 * one worker, perhaps by someone else at this computer, never passes for all. */
static void
update_filter_bar (RpAttendeeListPage *self)
{
  g_autofree char *description = NULL;
  const char *worker_name = NULL;
  gint64 worker_id;

  g_object_get (self->filter, "worker-id", &worker_id, NULL);
  for (guint i = 0; worker_id > 0 && self->workers != NULL && i < g_list_model_get_n_items (self->workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (self->workers, i);

      if (rp_worker_get_id (worker) == worker_id)
        {
          description = rp_attendee_filter_describe (self->filter, rp_worker_get_name (worker));
          worker_name = rp_worker_get_name (worker);
          break;
        }
    }
  if (worker_name == NULL)
    description = rp_attendee_filter_describe (self->filter, NULL);

  if (description != NULL)
    gtk_label_set_label (self->filter_label, description);
  gtk_revealer_set_reveal_child (self->filter_revealer, description != NULL);
}

/* Shows the filter's values in the popover's controls. */
static void
sync_controls (RpAttendeeListPage *self)
{
  int step, funding, outcome;
  gint64 worker_id;
  gboolean archived;

  g_object_get (self->filter, "step", &step, "worker-id", &worker_id, "funding", &funding,
                "outcome", &outcome, "include-archived", &archived, NULL);

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->step_dropdown, step);
  gtk_drop_down_set_selected (self->worker_dropdown, worker_position (self, worker_id));
  gtk_drop_down_set_selected (self->funding_dropdown, funding + 1);
  for (guint i = 0; i < G_N_ELEMENTS (outcome_choices); i++)
    if (outcome_choices[i] == outcome)
      gtk_drop_down_set_selected (self->outcome_dropdown, i);
  gtk_check_button_set_active (self->archived_check, archived);
  self->syncing = FALSE;
  update_filter_bar (self);
}

static void
on_filter_changed (RpAttendeeListPage *self)
{
  int step, funding, outcome;
  gint64 worker_id;
  gboolean archived;
  g_autofree char *search = NULL;

  g_object_get (self->filter, "step", &step, "worker-id", &worker_id, "funding", &funding,
                "outcome", &outcome, "include-archived", &archived, "search", &search, NULL);
  g_settings_set (self->settings, "attendees-filter", "(ixiib)", step, worker_id, funding, outcome, archived);
  g_settings_set_string (self->settings, "attendees-search", search != NULL ? search : "");

  sync_controls (self);
}

static void
on_control_changed (RpAttendeeListPage *self)
{
  guint worker = gtk_drop_down_get_selected (self->worker_dropdown);
  guint outcome = gtk_drop_down_get_selected (self->outcome_dropdown);

  if (self->syncing)
    return;

  g_object_set (self->filter,
                "step", (int) gtk_drop_down_get_selected (self->step_dropdown),
                "worker-id", worker < self->worker_choices->len ? g_array_index (self->worker_choices, gint64, worker)
                                                                : (gint64) RP_ATTENDEE_FILTER_ANY_WORKER,
                "funding", (int) gtk_drop_down_get_selected (self->funding_dropdown) - 1,
                "outcome", outcome < G_N_ELEMENTS (outcome_choices) ? outcome_choices[outcome] : RP_OUTCOME_ATTENDING,
                "include-archived", gtk_check_button_get_active (self->archived_check),
                NULL);
}

static void
on_search_changed (RpAttendeeListPage *self)
{
  g_object_set (self->filter, "search", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), NULL);
}

static void on_row_activated (RpAttendeeListPage *self,
                              guint               position);

/* Enter in the search opens the one attendee it found, or goes to the
 * first of several, as searching in GNOME's own apps does. */
static void
go_to_search_result (RpAttendeeListPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  self->go_to_result = FALSE;
  if (n_shown == 1)
    on_row_activated (self, 0);
  else if (n_shown > 1)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->table));
    }
}

/* The search runs in a thread: Enter pressed before its answer waits for it. */
static void
on_search_activate (RpAttendeeListPage *self)
{
  on_search_changed (self);
  if (rp_attendee_list_get_busy (self->list))
    self->go_to_result = TRUE;
  else
    go_to_search_result (self);
}

static void
restore_filter (RpAttendeeListPage *self)
{
  g_autofree char *search = g_settings_get_string (self->settings, "attendees-search");
  int step, funding, outcome;
  gint64 worker_id;
  gboolean archived;

  g_settings_get (self->settings, "attendees-filter", "(ixiib)", &step, &worker_id, &funding, &outcome, &archived);
  g_object_set (self->filter,
                "step", CLAMP (step, 0, RP_MOVING_PLAN_LAST_STEP),
                "worker-id", MAX (worker_id, (gint64) RP_ATTENDEE_FILTER_NO_WORKER),
                "funding", CLAMP (funding, RP_ATTENDEE_FILTER_ANY, RP_FUNDING_HEALTH),
                "outcome", CLAMP (outcome, RP_ATTENDEE_FILTER_ANY, RP_OUTCOME_LEFT),
                "include-archived", archived,
                NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
}

/* Loading ------------------------------------------------------------------ */

static void
rebuild_worker_choices (RpAttendeeListPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 any = RP_ATTENDEE_FILTER_ANY_WORKER;
  gint64 none = RP_ATTENDEE_FILTER_NO_WORKER;

  g_array_set_size (self->worker_choices, 0);
  gtk_string_list_append (names, _("Any worker"));
  g_array_append_val (self->worker_choices, any);
  gtk_string_list_append (names, _("No worker allocated"));
  g_array_append_val (self->worker_choices, none);

  for (guint i = 0; self->workers != NULL && i < g_list_model_get_n_items (self->workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (self->workers, i);
      gint64 id = rp_worker_get_id (worker);

      gtk_string_list_append (names, rp_worker_get_name (worker));
      g_array_append_val (self->worker_choices, id);
    }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->worker_dropdown, G_LIST_MODEL (names));
  self->syncing = FALSE;
}

/* Made as the menu opens, so each caseload is as it is now, and opening the
 * window need not count them. */
static void
build_worker_menu (GtkMenuButton *button,
                   gpointer       user_data)
{
  RpAttendeeListPage *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));

  g_menu_append (menu, _("Everyone"), "attendees.show-worker(int64 0)");

  for (guint i = 0; self->workers != NULL && i < g_list_model_get_n_items (self->workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (self->workers, i);
      gint64 id = rp_worker_get_id (worker);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      guint caseload;

      if (!rp_worker_get_active (worker) || store == NULL || programme == NULL)
        continue;

      caseload = rp_store_count_caseload (store, rp_programme_get_id (programme), id, NULL);
      label = g_strdup_printf ("%s (%u)", rp_worker_get_name (worker), caseload);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "attendees.show-worker", g_variant_new_int64 (id));
      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, _("Allocated to"), G_MENU_MODEL (section));
  g_menu_append (menu, _("Manage _Workers…"), "attendees.workers");
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* Keeps the selected attendee selected wherever a new search or sort puts them. */
static void
on_list_updated (RpAttendeeListPage *self)
{
  guint position = self->selected_number > 0 ? rp_attendee_list_find_number (self->list, self->selected_number)
                                             : G_MAXUINT;
  int number = self->selected_number;

  gtk_single_selection_set_selected (self->selection, position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  self->selected_number = number;  /* still wanted if a later search shows them again */
  update_counts (self);

  if (self->go_to_result && !rp_attendee_list_get_busy (self->list))
    go_to_search_result (self);
}

static void
rp_attendee_list_page_refresh (RpAreaPage *page)
{
  RpAttendeeListPage *self = RP_ATTENDEE_LIST_PAGE (page);
  RpStore *store = rp_area_page_get_store (page);
  RpProgramme *programme = rp_area_page_get_programme (page);
  g_autofree char *today = NULL;

  g_clear_pointer (&self->rules, rp_rules_context_unref);
  g_clear_object (&self->workers);

  if (store != NULL)
    {
      today = rp_store_dup_today (store);
      self->workers = rp_store_list_workers (store, TRUE, NULL);
    }
  else
    today = rp_date_today ();

  self->rules = rp_rules_context_new_for_programme (programme, today,
                                                    g_settings_get_uint (self->settings, "stale-days"));
  rp_attendee_list_set_attention (self->list, self->rules);

  /* Read in a thread: what is shown stays until the new list is ready. */
  if (store != NULL && programme != NULL)
    rp_attendee_list_load (self->list, store, rp_programme_get_id (programme));
  else
    rp_attendee_list_clear (self->list);

  rebuild_worker_choices (self);
  sync_controls (self);
  update_counts (self);

  if (programme == NULL)
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Attendee page -------------------------------------------------------------- */

static void
on_attendee_back (RpAttendeeListPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

/* Built on first use: most starts never open an attendee, and the window
 * opens sooner without styling a page nobody sees. */
static RpAttendeeDetailPage *
ensure_attendee_detail_page (RpAttendeeListPage *self)
{
  if (self->attendee_detail_page == NULL)
    {
      self->attendee_detail_page = g_object_new (RP_TYPE_ATTENDEE_DETAIL_PAGE, NULL);
      g_signal_connect_object (self->attendee_detail_page, "back", G_CALLBACK (on_attendee_back), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->attendee_detail_page), "attendee");
    }

  return self->attendee_detail_page;
}

static void
show_attendee (RpAttendeeListPage *self,
               RpAttendee      *attendee)
{
  rp_attendee_detail_page_show (ensure_attendee_detail_page (self), rp_area_page_get_store (RP_AREA_PAGE (self)),
                         rp_area_page_get_programme (RP_AREA_PAGE (self)), attendee);
  g_settings_set_int (self->settings, "attendees-selected", rp_attendee_get_number (attendee));
  gtk_stack_set_visible_child_name (self->stack, "attendee");
}

static void
on_row_activated (RpAttendeeListPage *self,
                  guint            position)
{
  RpAttendee *attendee = rp_attendee_list_get_attendee (self->list, position);

  if (attendee != NULL)
    show_attendee (self, attendee);
}

static void
on_selection_changed (RpAttendeeListPage *self)
{
  RpAttendeeListRow *row;

  /* Tearing down the table reports a change after the selection is gone. */
  if (self->selection == NULL)
    return;

  row = gtk_single_selection_get_selected_item (self->selection);
  self->selected_number = row != NULL ? rp_attendee_get_number (rp_attendee_list_row_get_attendee (row)) : 0;
  if (row != NULL)
    g_settings_set_int (self->settings, "attendees-selected", self->selected_number);
}

/* Actions -------------------------------------------------------------------- */

static void
on_attendee_created (RpAttendeeListPage *self,
                     RpAttendee      *attendee)
{
  rp_area_page_refresh (RP_AREA_PAGE (self));
  show_attendee (self, attendee);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RpAttendeeListPage *self = RP_ATTENDEE_LIST_PAGE (widget);
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  RpNewAttendeeWindow *window;

  if (store == NULL || programme == NULL)
    return;

  window = rp_new_attendee_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), store, programme);
  g_signal_connect_object (window, "created", G_CALLBACK (on_attendee_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
workers_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RpAttendeeListPage *self = RP_ATTENDEE_LIST_PAGE (widget);
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  RpWorkersWindow *window;

  if (store == NULL || programme == NULL)
    return;

  window = rp_workers_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), store, programme);
  gtk_window_present (GTK_WINDOW (window));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RpAttendeeListPage *self = RP_ATTENDEE_LIST_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rp_attendee_filter_reset (self->filter);
}

static void
show_worker_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RpAttendeeListPage *self = RP_ATTENDEE_LIST_PAGE (widget);

  g_object_set (self->filter, "worker-id", g_variant_get_int64 (parameter), NULL);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpAttendeeListPage *self = RP_ATTENDEE_LIST_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Construction --------------------------------------------------------------- */

static GListModel *
make_string_list (const char *first,
                  ...)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    gtk_string_list_append (list, s);
  va_end (args);

  return G_LIST_MODEL (list);
}

static void
rp_attendee_list_page_dispose (GObject *object)
{
  RpAttendeeListPage *self = RP_ATTENDEE_LIST_PAGE (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->filter);
  g_clear_object (&self->workers);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->worker_choices, g_array_unref);
  g_clear_pointer (&self->rules, rp_rules_context_unref);
  self->attendee_detail_page = NULL;  /* the stack holds it */

  G_OBJECT_CLASS (rp_attendee_list_page_parent_class)->dispose (object);
}

static void
rp_attendee_list_page_class_init (RpAttendeeListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpAreaPageClass *page_class = RP_AREA_PAGE_CLASS (klass);

  object_class->dispose = rp_attendee_list_page_dispose;
  page_class->refresh = rp_attendee_list_page_refresh;

  g_type_ensure (RP_TYPE_ATTENDEE_DETAIL_PAGE);
  g_type_ensure (RP_TYPE_ATTENDEE_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-attendee-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, step_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, worker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, funding_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, archived_check);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, table);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeListPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "attendees.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "attendees.workers", NULL, workers_action);
  gtk_widget_class_install_action (widget_class, "attendees.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "attendees.show-worker", "x", show_worker_action);
  gtk_widget_class_install_action (widget_class, "attendees.focus-search", NULL, focus_search_action);
}

static void
rp_attendee_list_page_init (RpAttendeeListPage *self)
{
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GtkStringList) step_names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) fundings = NULL;
  g_autoptr(GListModel) outcomes = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autofree char *today = rp_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+F searches from anywhere in the window while the Attendees area
   * is shown, not only once the focus is already in it. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("attendees.focus-search")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  self->settings = g_settings_new (APP_ID);
  self->filter = rp_attendee_filter_new ();
  self->worker_choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rules = rp_rules_context_new_for_programme (NULL, today, g_settings_get_uint (self->settings, "stale-days"));
  self->selected_number = g_settings_get_int (self->settings, "attendees-selected");
  self->list = rp_attendee_list_new (self->filter);
  g_signal_connect_object (self->list, "updated", G_CALLBACK (on_list_updated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::busy", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  rp_attendee_table_set_factory (self->table, factory);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  rp_attendee_table_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (step_names, _("Any step"));
  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *name = g_strdup_printf ("%d · %s", step, rp_moving_plan_step_name (step));
      gtk_string_list_append (step_names, name);
    }
  gtk_drop_down_set_model (self->step_dropdown, G_LIST_MODEL (step_names));
  fundings = make_string_list (_("Any status"), rp_funding_get_label (RP_FUNDING_ASC),
                               rp_funding_get_label (RP_FUNDING_HEALTH), NULL);
  gtk_drop_down_set_model (self->funding_dropdown, fundings);
  outcomes = make_string_list (rp_outcome_get_label (RP_OUTCOME_ATTENDING), rp_outcome_get_label (RP_OUTCOME_MOVED),
                               rp_outcome_get_label (RP_OUTCOME_LEFT), _("Any outcome"), NULL);
  gtk_drop_down_set_model (self->outcome_dropdown, outcomes);

  restore_filter (self);
  rebuild_worker_choices (self);
  gtk_menu_button_set_create_popup_func (self->mine_button, build_worker_menu, self, NULL);
  sync_controls (self);

  g_signal_connect_object (self->filter, "notify", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->step_dropdown, "notify::selected", G_CALLBACK (on_control_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->worker_dropdown, "notify::selected", G_CALLBACK (on_control_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->funding_dropdown, "notify::selected", G_CALLBACK (on_control_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outcome_dropdown, "notify::selected", G_CALLBACK (on_control_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->archived_check, "toggled", G_CALLBACK (on_control_changed), self, G_CONNECT_SWAPPED);

  restore_sort (self);
  g_signal_connect_object (self->table, "notify::sort-column", G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table, "notify::sort-descending", G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  update_counts (self);

  g_signal_connect_object (self->settings, "changed::stale-days", G_CALLBACK (rp_area_page_refresh),
                           self, G_CONNECT_SWAPPED);
}

/**
 * rp_attendee_list_page_get_filter:
 *
 * Returns: (transfer none): the filter the list shows
 */
RpAttendeeFilter *
rp_attendee_list_page_get_filter (RpAttendeeListPage *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST_PAGE (self), NULL);

  return self->filter;
}

/**
 * rp_attendee_list_page_get_list:
 *
 * Returns: (transfer none): the attendees as shown: filtered and sorted
 */
RpAttendeeList *
rp_attendee_list_page_get_list (RpAttendeeListPage *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST_PAGE (self), NULL);

  return self->list;
}

/**
 * rp_attendee_list_page_open:
 * @position: a row of the list as shown
 *
 * Opens the attendee's page, as activating the row does.
 */
void
rp_attendee_list_page_open (RpAttendeeListPage *self,
                        guint            position)
{
  g_return_if_fail (RP_IS_ATTENDEE_LIST_PAGE (self));

  on_row_activated (self, position);
}

/**
 * rp_attendee_list_page_sort_by:
 * @column_id: "number", "name", "status", "worker", "step", "days", "target", "outcome" or "attention"
 */
void
rp_attendee_list_page_sort_by (RpAttendeeListPage *self,
                           const char      *column_id,
                           GtkSortType      order)
{
  g_return_if_fail (RP_IS_ATTENDEE_LIST_PAGE (self));

  rp_attendee_table_set_sort (self->table, column_id, order == GTK_SORT_DESCENDING);
}

/**
 * rp_attendee_list_page_show_number:
 *
 * Opens the page of attendee @number, whether or not the list's filters show them.
 */
void
rp_attendee_list_page_show_number (RpAttendeeListPage *self,
                               int              number)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  g_autoptr(RpAttendee) attendee = NULL;

  g_return_if_fail (RP_IS_ATTENDEE_LIST_PAGE (self));

  if (store != NULL && programme != NULL &&
      (attendee = rp_store_find_attendee (store, rp_programme_get_id (programme), number, NULL)) != NULL)
    show_attendee (self, attendee);
}

/**
 * rp_attendee_list_page_get_attendee_detail_page:
 *
 * Returns: (transfer none): the page that shows one attendee, made now if
 *   no attendee has been opened yet
 */
RpAttendeeDetailPage *
rp_attendee_list_page_get_attendee_detail_page (RpAttendeeListPage *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST_PAGE (self), NULL);

  return ensure_attendee_detail_page (self);
}
