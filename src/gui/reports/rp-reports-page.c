/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-reports-page.c: the Reports area: the programme at a glance, as managers report it */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rp-count-row.h"
#include "rp-date-row.h"
#include "rp-field-message.h"
#include "rp-file-chooser.h"
#include "rp-report-details-dialog.h"
#include "rp-reports-page.h"
#include "rp-step-chart.h"

struct _RpReportsPage
{
  RpAreaPage    parent_instance;

  AdwActionRow *name_row;
  AdwActionRow *title_row;
  AdwActionRow *meeting_row;
  AdwActionRow *department_row;
  AdwActionRow *author_row;
  AdwActionRow *marking_row;
  AdwActionRow *family_contact_row;
  AdwActionRow *closure_row;
  RpCountRow   *days_row;
  RpCountRow   *moved_row;
  RpCountRow   *attending_row;
  RpCountRow   *left_row;
  AdwPreferencesGroup *steps_group;
  RpCountRow   *step_rows[RP_MOVING_PLAN_N_STEPS + 1];
  RpCountRow   *asc_row;
  RpCountRow   *health_row;
  RpCountRow   *no_worker_row;
  RpDateRow    *as_of_row;
  RpDateRow    *compare_row;
  GtkSwitch    *include_moved_switch;
  GtkSwitch    *suppress_switch;
  GtkSwitch    *summary_switch;
  GtkSwitch    *follow_up_switch;
  AdwComboRow  *safe_choice_row;
  AdwEntryRow  *reason_row;
  AdwPreferencesGroup *history_group;
  GPtrArray    *history_rows;  /* the rows of the export history, to remove on refresh */
  GtkNativeDialog *file_chooser;
  GSettings    *settings;
  RpStepChart  *step_chart;
  AdwPreferencesGroup *glance_group;
  AdwPreferencesGroup *attention_group;
  AdwPreferencesGroup *programme_group;
  gboolean      reports_only;  /* the team's reports role: no names, no changes */
  AdwPreferencesGroup *overdue_group;
  AdwPreferencesGroup *upcoming_group;
  GPtrArray    *dashboard_rows;   /* (group, row) pairs to remove on refresh */
  GCancellable *attention_cancellable;  /* the search for who needs attention, if running */
  RpReport     *pending;      /* the report waiting for a file name */
  GCancellable *export_cancellable;  /* the export running, if any */
  GtkRevealer  *export_revealer;
  GtkProgressBar *export_progress;
  char         *export_path;   /* the file or folder the running export writes */
  RpReportFormat export_format;
};

/* With counts hidden, what the report publishes besides the summary. */
enum {
  SAFE_SUMMARY_ALONE,
  SAFE_WITHOUT_STEPS,
  UNSAFE_EVERYTHING,
};

/* The export history lists the newest few; the audit trail keeps them all. */
#define MAX_HISTORY_LISTED 20

enum {
  FORMAT_CSV,
  FORMAT_PDF,
  FORMAT_XLSX,
};

enum {
  EDIT_NOTE,
  SHOW_ATTENDEE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RpReportsPage, rp_reports_page, RP_TYPE_AREA_PAGE)

/* The dashboard lists the first few who need attention; the Attendees area shows everyone. */
#define MAX_ATTENTION_LISTED 8

static void
update_closure (RpReportsPage *self,
                const char    *closure_date)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  g_autofree char *today = store != NULL ? rp_store_dup_today (store) : rp_date_today ();
  g_autofree char *date = rp_date_format_long (closure_date);
  int days;

  adw_action_row_set_subtitle (self->closure_row, date != NULL ? date : _("No closure date set"));
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), date != NULL);
  if (date == NULL)
    return;

  /* After the closure date the figure counts on, so the row says which way. */
  days = rp_date_days_between (today, closure_date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->days_row),
                                 days >= 0 ? _("Days until closure") : _("Days since closure"));
  rp_count_row_set_count (self->days_row, ABS (days));
}

/* Dashboard ---------------------------------------------------------------- */

static void
add_dashboard_row (RpReportsPage       *self,
                   AdwPreferencesGroup *group,
                   GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dashboard_rows, group);
  g_ptr_array_add (self->dashboard_rows, row);
}

static void
add_note_row (RpReportsPage       *self,
              AdwPreferencesGroup *group,
              const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  add_dashboard_row (self, group, row);
}

static void
on_attention_activated (AdwActionRow  *row,
                        RpReportsPage *self)
{
  g_signal_emit (self, signals[SHOW_ATTENDEE], 0, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "number")));
}

typedef struct
{
  GWeakRef        page;    /* not a strong reference: the page must not outlive its window for this */
  RpRulesContext *rules;
} AttentionSearch;

static void
attention_search_free (AttentionSearch *search)
{
  g_weak_ref_clear (&search->page);
  rp_rules_context_unref (search->rules);
  g_free (search);
}

static void
on_attention_found (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AttentionSearch *search = user_data;
  g_autoptr(RpReportsPage) self = g_weak_ref_get (&search->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  guint n_needing = 0;
  guint n_not_contacted = 0;

  attendees = rp_store_find_needing_attention_finish_counted (result, &n_needing, &n_not_contacted, &error);

  /* The page has gone, or a newer search has started since (cancelling this
   * one): its answer is the one to show. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      attention_search_free (search);
      return;
    }
  g_clear_object (&self->attention_cancellable);

  if (attendees == NULL)
    {
      add_note_row (self, self->attention_group, error->message);
      attention_search_free (search);
      return;
    }

  /* Families the team has lost touch with, counted over everyone, not only those listed. */
  if (search->rules->contact_due_days > 0)
    {
      guint days = search->rules->contact_due_days;
      g_autofree char *title = NULL;
      g_autofree char *line = NULL;

      if (n_not_contacted == 0)
        line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every family or advocate contacted in the last %u day",
                                             "Every family or advocate contacted in the last %u days", days), days);
      else
        {
          /* Translators: "3 families or advocates" of "3 families or advocates not contacted in the
           * last 14 days": a person with no family is counted by their advocate */
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u family or advocate", "%u families or advocates",
                                                n_not_contacted),
                                   n_not_contacted);
          /* Translators: "3 families or advocates not contacted in the last 14 days"; the first %s is "3 families or advocates" */
          line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s not contacted in the last %u day",
                                               "%s not contacted in the last %u days", days), title, days);
        }
      add_note_row (self, self->attention_group, line);
    }

  for (guint i = 0; i < attendees->len; i++)
    {
      RpAttendee *attendee = g_ptr_array_index (attendees, i);
      RpAttention attention = rp_attention_for_attendee (attendee, search->rules);
      g_autofree char *lines = rp_attention_describe_for (attention, attendee, search->rules);
      g_auto(GStrv) parts = g_strsplit (lines, "\n", -1);
      g_autofree char *markers = g_strjoinv ("; ", parts);
      g_autofree char *title = g_strdup_printf ("%d · %s", rp_attendee_get_number (attendee),
                                                rp_attendee_get_display_name (attendee));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markers);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "number", GINT_TO_POINTER (rp_attendee_get_number (attendee)));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_attention_activated), self, 0);
      add_dashboard_row (self, self->attention_group, row);
    }

  if (n_needing == 0)
    add_note_row (self, self->attention_group, _("Nobody needs attention."));
  else if (n_needing > MAX_ATTENTION_LISTED)
    {
      guint more_count = n_needing - MAX_ATTENTION_LISTED;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more: see the Attendees area.",
                                                            "And %u more: see the Attendees area.", more_count),
                                               more_count);
      add_note_row (self, self->attention_group, more);
    }

  attention_search_free (search);
}

static void
start_attention_search (RpReportsPage *self,
                        RpStore       *store,
                        RpProgramme   *programme,
                        const char    *today)
{
  AttentionSearch *search = g_new0 (AttentionSearch, 1);

  g_weak_ref_init (&search->page, self);
  search->rules = rp_rules_context_new_for_programme (programme, today,
                                                      g_settings_get_uint (self->settings, "stale-days"));

  self->attention_cancellable = g_cancellable_new ();
  rp_store_find_needing_attention_async (store, rp_programme_get_id (programme), search->rules,
                                         MAX_ATTENTION_LISTED, self->attention_cancellable,
                                         on_attention_found, search);
}

static void
update_dashboard (RpReportsPage     *self,
                  RpProgrammeCounts *counts)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autofree char *today = NULL;
  guint shown = 0;

  for (guint i = 0; i + 1 < self->dashboard_rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->dashboard_rows, i),
                                  g_ptr_array_index (self->dashboard_rows, i + 1));
  g_ptr_array_set_size (self->dashboard_rows, 0);

  rp_step_chart_set_counts (self->step_chart, counts->at_step, counts->moved);

  g_cancellable_cancel (self->attention_cancellable);
  g_clear_object (&self->attention_cancellable);
  if (store == NULL || programme == NULL)
    return;

  today = rp_store_dup_today (store);
  if (!self->reports_only)
    start_attention_search (self, store, programme, today);

  shown = 0;
  actions = rp_store_list_actions (store, rp_programme_get_id (programme), NULL);
  for (guint i = 0; actions != NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
      const char *due = rp_timetable_action_get_due_date (action);
      g_autofree char *subtitle = NULL;
      g_autofree char *due_text = NULL;
      GtkWidget *row;

      if (rp_timetable_action_get_status (action) == RP_ACTION_COMPLETED || due == NULL || rp_date_compare (due, today) >= 0)
        continue;

      due_text = rp_timetable_action_format_due (action);
      /* Translators: "Task owner: RH/PM · Due: 19 Oct 2023" */
      subtitle = g_strdup_printf (_("Task owner: %s · Due: %s"),
                                  rp_timetable_action_get_owner (action) != NULL ? rp_timetable_action_get_owner (action) : _("none"),
                                  due_text);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_timetable_action_get_activity (action));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_dashboard_row (self, self->overdue_group, row);
      shown++;
    }
  if (shown == 0)
    add_note_row (self, self->overdue_group, _("No timetable action is overdue."));

  shown = 0;
  days = rp_store_list_taster_days (store, rp_programme_get_id (programme), NULL);
  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days) && shown < 6; i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
      const char *date = rp_taster_day_get_date (day);
      g_autofree char *when = NULL;
      guint booked = 0;
      GtkWidget *row;

      if (rp_taster_day_get_cancelled (day) || (date != NULL && rp_date_compare (date, today) < 0))
        continue;

      when = date != NULL ? rp_date_format_long (date) : g_strdup (_("Date to be confirmed"));
      /* How full it is, from the bookings' states only: a reports login
       * sees this too, never who is booked. */
      if (rp_store_count_booked (store, rp_taster_day_get_id (day), &booked, NULL))
        {
          g_autofree char *places = rp_taster_day_get_places (day) > 0
            ? g_strdup_printf (_("%u of %d places booked"), booked, rp_taster_day_get_places (day))
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booked", "%u booked", booked), booked);
          g_autofree char *plain = g_steal_pointer (&when);

          /* Translators: an upcoming taster day, as in "Thursday 5 October 2023 · 3 of 8 places booked" */
          when = g_strdup_printf (_("%s · %s"), plain, places);
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rp_taster_day_get_provider_name (day));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      add_dashboard_row (self, self->upcoming_group, row);
      shown++;
    }
  if (shown == 0)
    add_note_row (self, self->upcoming_group, _("No taster day is coming up."));
}

/* Export history ---------------------------------------------------------- */

static void
update_export_history (RpReportsPage *self)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  if (store == NULL || programme == NULL)
    return;

  if (!(exports = rp_store_list_exports (store, rp_programme_get_id (programme), &error)))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
      return;
    }

  n = MIN (g_list_model_get_n_items (exports), MAX_HISTORY_LISTED);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpExportRecord) record = g_list_model_get_item (exports, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (rp_export_record_get_recorded_at (record), NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%-d %b %Y, %H:%M") : NULL;
      g_autofree char *title = NULL;
      g_autofree char *what = rp_export_record_describe (record);
      g_autoptr(GString) subtitle = g_string_new (what);
      GtkWidget *row = adw_action_row_new ();

      /* Translators: in the export history, "4 Dec 2026, 15:22 · jtaylor"; a reports
       * login is not told who made others' exports: "4 Dec 2026, 15:22 · another account" */
      title = g_strdup_printf (_("%s · %s"), when != NULL ? when : rp_export_record_get_recorded_at (record),
                               rp_export_record_get_user (record) != NULL ? rp_export_record_get_user (record)
                                                                          : _("another account"));
      if (rp_export_record_get_file_name (record) != NULL)
        g_string_append_printf (subtitle, "\n%s", rp_export_record_get_file_name (record));
      if (rp_export_record_get_reason (record) != NULL)
        /* Translators: in the export history */
        g_string_append_printf (subtitle, "\n%s %s", _("Reason:"), rp_export_record_get_reason (record));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing has been exported or printed yet."));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
reset_as_of (RpReportsPage *self,
             RpStore       *store,
             RpProgramme   *programme)
{
  g_autofree char *today = rp_store_dup_today (store);
  const char *as_of = programme != NULL ? rp_programme_get_report_as_of (programme) : NULL;

  rp_date_row_set_iso (self->as_of_row, as_of != NULL ? as_of : today);
}

static void
set_detail (AdwActionRow *row,
            const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL ? value : _("Not set"));
}

static void
update_front_matter (RpReportsPage *self,
                     RpProgramme   *programme)
{
  const char *meeting = programme != NULL ? rp_programme_get_meeting (programme) : NULL;
  g_autofree char *meeting_date = programme != NULL ? rp_date_format_long (rp_programme_get_meeting_date (programme)) : NULL;
  g_autofree char *meeting_text = NULL;

  if (meeting != NULL && meeting_date != NULL)
    /* Translators: a meeting and its day, "Scrutiny Commission, Thursday 5 October 2023" */
    meeting_text = g_strdup_printf (_("%s, %s"), meeting, meeting_date);
  else if (meeting != NULL || meeting_date != NULL)
    meeting_text = g_strdup (meeting != NULL ? meeting : meeting_date);

  set_detail (self->meeting_row, meeting_text);
  set_detail (self->department_row, programme != NULL ? rp_programme_get_department (programme) : NULL);
  set_detail (self->author_row, programme != NULL ? rp_programme_get_author (programme) : NULL);
  set_detail (self->marking_row, programme != NULL ? rp_programme_get_marking (programme) : NULL);

  {
    const char *contact = programme != NULL ? rp_programme_get_family_contact (programme) : NULL;
    const char *phone = programme != NULL ? rp_programme_get_family_contact_phone (programme) : NULL;
    g_autofree char *text = NULL;

    if (phone != NULL)
      /* Translators: whom families call and the number: "the day centre office on 0116 496 0100" */
      text = g_strdup_printf (_("%s on %s"), contact != NULL ? contact : _("the day centre"), phone);
    else if (contact != NULL)
      text = g_strdup_printf (_("%s, no number"), contact);
    set_detail (self->family_contact_row, text);
  }
}

static void
rp_reports_page_refresh (RpAreaPage *page)
{
  RpReportsPage *self = RP_REPORTS_PAGE (page);
  RpProgramme *programme = rp_area_page_get_programme (page);
  g_autofree char *moved = NULL;
  RpProgrammeCounts counts;
  RpStore *store = rp_area_page_get_store (page);

  rp_area_page_load_counts (page, &counts);

  /* The report is as of the programme's day, or today, unless the manager picks another. */
  if (store != NULL && gtk_editable_get_text (GTK_EDITABLE (self->as_of_row))[0] == '\0')
    reset_as_of (self, store, programme);

  adw_action_row_set_subtitle (self->name_row, programme != NULL ? rp_programme_get_name (programme) : "");
  adw_action_row_set_subtitle (self->title_row,
                               programme != NULL && rp_programme_get_report_title (programme) != NULL
                               ? rp_programme_get_report_title (programme) : _("No report title set"));
  update_front_matter (self, programme);
  update_closure (self, programme != NULL ? rp_programme_get_closure_date (programme) : NULL);

  /* Translators: attendees moved out of all attendees, as in "3 of 19" */
  moved = g_strdup_printf (_("%u of %u"), counts.moved, counts.attendees);
  rp_count_row_set_value (self->moved_row, moved);
  rp_count_row_set_count (self->attending_row, counts.attending);
  rp_count_row_set_count (self->left_row, counts.left);

  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    rp_count_row_set_count (self->step_rows[step], counts.at_step[step]);
  update_dashboard (self, &counts);
  rp_count_row_set_count (self->asc_row, counts.attending - counts.health);
  rp_count_row_set_count (self->health_row, counts.health);
  rp_count_row_set_count (self->no_worker_row, counts.no_worker);
  update_export_history (self);
}

/* Export ---------------------------------------------------------------- */

static void
show_problem (RpReportsPage *self,
              const char    *heading,
              const char    *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_name_response (AdwMessageDialog *dialog,
                  const char       *response,
                  RpReportsPage    *self)
{
  RpNameFinding *finding = g_object_get_data (G_OBJECT (dialog), "finding");
  const char *retry = g_object_get_data (G_OBJECT (dialog), "retry");

  if (g_str_equal (response, "edit"))
    {
      g_signal_emit (self, signals[EDIT_NOTE], 0, finding->number);
    }
  else if (g_str_equal (response, "not-a-name"))
    {
      RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
      RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
      g_autofree char *word = rp_name_finding_get_word (finding);
      g_autoptr(GError) error = NULL;

      if (store == NULL || programme == NULL)
        return;

      if (!rp_store_confirm_not_a_name (store, rp_programme_get_id (programme), finding->place,
                                        finding->text, word, &error))
        {
          show_problem (self, _("The Confirmation Could Not Be Saved"), error->message);
          return;
        }

      /* Go on with what was asked for: the check runs again, on every other text. */
      if (retry != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), retry, NULL);
    }
}

/* The text as it will be published, with the word that matched a name in
 * bold and underlined, so the person can judge it in its place. */
static GtkWidget *
make_flagged_text (const RpNameFinding *finding)
{
  g_autofree char *before = g_markup_escape_text (finding->text, finding->start);
  g_autofree char *word = g_markup_escape_text (finding->text + finding->start, finding->end - finding->start);
  g_autofree char *after = g_markup_escape_text (finding->text + finding->end, -1);
  g_autofree char *markup = g_strdup_printf ("%s<b><u>%s</u></b>%s", before, word, after);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_frame_set_child (GTK_FRAME (frame), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, finding->text,
                                  -1);
  return frame;
}

/* A published text matches a name: show it with the word marked, and let
 * the person edit it, or confirm that here the word is not a name. */
static void
show_name_finding (RpReportsPage *self,
                   RpNameFinding *finding,
                   const char    *retry)
{
  g_autofree char *where = rp_name_finding_describe (finding);
  g_autofree char *word = g_strndup (finding->text + finding->start, finding->end - finding->start);
  g_autofree char *body = NULL;
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  /* A reports account can change none of these texts, only vouch for a word. */
  gboolean can_edit = store == NULL || rp_store_get_team_role (store) != RP_TEAM_ROLE_REPORTS;
  const char *next_step;
  GtkWidget *dialog;

  if (!can_edit)
    {
      next_step = _("Your account cannot change it: ask a member of staff to, or, if the word is an ordinary word here and not a name, say so.");
    }
  else
    {
      switch (finding->field)
        {
        case RP_PUBLISHED_REPORT_NOTE:
          next_step = _("Edit the note, or, if the word is an ordinary word here and not a name, say so.");
          break;
        case RP_PUBLISHED_ACTIVITY:
        case RP_PUBLISHED_TASK_OWNER:
        case RP_PUBLISHED_DUE_NOTE:
          next_step = _("Edit it in the Timetable area (a role such as “Service manager” or initials are fine), or, if the word is an ordinary word here and not a name, say so.");
          break;
        case RP_PUBLISHED_DUE_PROVIDER:
          next_step = _("Rename the provider under Taster Days → Providers and Schedules, or unlink its taster days from the action in the Timetable area, or, if the word is an ordinary word here and not a name, say so.");
          break;
        case RP_PUBLISHED_MARKING:
          next_step = _("Choose another protective marking with Edit Report Details.");
          break;
        case RP_PUBLISHED_REPORT_TITLE:
        case RP_PUBLISHED_PROGRAMME_NAME:
        case RP_PUBLISHED_DEPARTMENT:
        case RP_PUBLISHED_AUTHOR:
        case RP_PUBLISHED_MEETING:
        default:
          next_step = _("Change it with Edit Report Details, or, if the word is an ordinary word here and not a name, say so.");
          break;
        }
    }

  if (finding->known != NULL)
    /* Translators: "“Grant” in the report note of attendee 4 is also the name of someone…" */
    body = g_strdup_printf (_("“%s” in %s is also the name of someone the programme knows. Published reports must not identify anyone. %s"),
                            word, where, next_step);
  else
    body = g_strdup_printf (_("“%s” in %s matches the name of someone whose details were erased. Published reports must not identify anyone. %s"),
                            word, where, next_step);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("A Published Text May Name Someone"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), make_flagged_text (finding));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (finding->place != NULL)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "not-a-name", _("This Is _Not a Name Here"));
  if (can_edit && finding->field == RP_PUBLISHED_REPORT_NOTE)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "edit", _("_Edit the Note"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "edit", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "edit");
    }
  else
    {
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "finding", finding, (GDestroyNotify) rp_name_finding_free);
  g_object_set_data_full (G_OBJECT (dialog), "retry", g_strdup (retry), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_name_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Builds the report from the form, or explains why not. A published note that
 * names anyone stops the export and offers to open that note. */
static RpReport *
build_report (RpReportsPage *self,
              const char    *retry)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  g_autoptr(RpReport) report = NULL;
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *compare_with = NULL;
  RpNameFinding *finding = NULL;
  RpReportOptions options = { NULL };

  if (store == NULL || programme == NULL)
    return NULL;

  /* A date that is not one is said under its field, which takes the keyboard. */
  as_of = rp_date_row_dup_iso (self->as_of_row, &error);
  if (error == NULL)
    compare_with = rp_date_row_dup_iso (self->compare_row, &error);
  if (error != NULL)
    {
      rp_focus_row (ADW_PREFERENCES_ROW (rp_find_row_in_error (GTK_WIDGET (self))));
      return NULL;
    }

  options.as_of = as_of;
  options.compare_with = compare_with;
  options.include_moved = gtk_switch_get_active (self->include_moved_switch);
  options.without_summary = !gtk_switch_get_active (self->summary_switch);
  options.without_follow_up_table = !gtk_switch_get_active (self->follow_up_switch);
  options.suppress_below = gtk_switch_get_active (self->suppress_switch) ? 5 : 0;
  /* Hidden counts are safe only where the rest of the report cannot recount them. */
  if (options.suppress_below > 0)
    switch (adw_combo_row_get_selected (self->safe_choice_row))
      {
      case SAFE_SUMMARY_ALONE:
        options.only_table = RP_REPORT_TABLE_SUMMARY;
        options.without_summary = FALSE;
        break;

      case SAFE_WITHOUT_STEPS:
        /* The follow-up table's rows would let anyone recount its summary. */
        options.without_step_column = TRUE;
        options.without_follow_up_table = TRUE;
        break;

      case UNSAFE_EVERYTHING:
      default:
        break;
      }
  /* The marking and the front matter are the programme's, from its report details. */
  options.plain_utf8 = !g_settings_get_boolean (self->settings, "csv-byte-order-mark");

  if (!(report = rp_report_build (store, rp_programme_get_id (programme), &options, &error)) ||
      !(names = rp_report_build_name_index (report, store, &error)))
    {
      show_problem (self, _("The Report Could Not Be Made"), error->message);
      return NULL;
    }

  if (!rp_report_check_names (report, names, &finding, NULL))
    {
      show_name_finding (self, g_steal_pointer (&finding), retry);
      return NULL;
    }

  return g_steal_pointer (&report);
}

static char *
suggested_name (RpReport   *report,
                const char *suffix)
{
  return g_strdup_printf ("%s %s%s", rp_report_get_title (report), rp_report_get_as_of (report), suffix);
}

static void
set_exporting (RpReportsPage *self,
               gboolean       exporting)
{
  gtk_revealer_set_reveal_child (self->export_revealer, exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-pdf", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-xlsx", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-csv", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", exporting);
}

static void
on_export_progress (double   fraction,
                    gpointer user_data)
{
  RpReportsPage *self = user_data;
  g_autofree char *text = g_strdup_printf (_("Saving the report… %d%%"), (int) (fraction * 100));

  gtk_progress_bar_set_fraction (self->export_progress, fraction);
  gtk_progress_bar_set_text (self->export_progress, text);
}

static const char *
format_name (RpReportFormat format)
{
  return format == RP_REPORT_FORMAT_PDF ? "pdf" : format == RP_REPORT_FORMAT_XLSX ? "xlsx" : "csv";
}

static void
on_exported (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RpReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  const char *message;

  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  g_autofree char *path = g_steal_pointer (&self->export_path);

  rp_report_export_finish (RP_REPORT (source_object), result, &error);
  g_clear_object (&self->export_cancellable);
  set_exporting (self, FALSE);

  /* The file is complete: record it, or do not keep it. */
  if (error == NULL && store != NULL &&
      !rp_report_record_export (RP_REPORT (source_object), store, "report", format_name (self->export_format), path,
                                gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), &error))
    {
      if (self->export_format != RP_REPORT_FORMAT_CSV)
        g_unlink (path);
    }
  update_export_history (self);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_problem (self, _("The Report Could Not Be Saved"), error->message);
      return;
    }

  message = error != NULL ? _("Saving was cancelled. Nothing was saved.") : _("The report was saved.");
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* A large programme's report takes a while to write: it is written in a
 * thread with a progress bar, and can be cancelled. */
static void
on_save_response (RpReportsPage   *self,
                  int              response,
                  GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RpReport) report = g_steal_pointer (&self->pending);
  g_autofree char *path = NULL;
  int format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (response != GTK_RESPONSE_ACCEPT || report == NULL ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) == NULL ||
      (path = g_file_get_path (file)) == NULL)
    {
      g_clear_object (&self->file_chooser);
      return;
    }

  g_clear_object (&self->file_chooser);
  rp_reports_page_export (self, report,
                          format == FORMAT_PDF ? RP_REPORT_FORMAT_PDF
                          : format == FORMAT_XLSX ? RP_REPORT_FORMAT_XLSX
                          : RP_REPORT_FORMAT_CSV,
                          path);
}

/* Every export and print is recorded; one that cannot be is not made. */
static gboolean
check_recordable (RpReportsPage *self)
{
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));

  /* A reports account on a team database adds the report's exports and
   * prints to the export history (team schema 5), and nothing else. */
  if (store != NULL && rp_store_get_team_role (store) == RP_TEAM_ROLE_REPORTS)
    return TRUE;

  if (store != NULL && rp_store_is_read_only (store))
    {
      show_problem (self, _("The Report Cannot Be Exported"),
                    _("Every export and print is recorded in the database’s export history, and this database is open read-only. Open it for editing to export or print."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_reports_page_export:
 * @report: a report built from the form
 * @path: the file (PDF, XLSX) or folder (CSV) chosen
 *
 * Writes @report in a thread, showing progress with a Cancel button.
 */
void
rp_reports_page_export (RpReportsPage  *self,
                        RpReport       *report,
                        RpReportFormat  format,
                        const char     *path)
{
  g_return_if_fail (RP_IS_REPORTS_PAGE (self));
  g_return_if_fail (RP_IS_REPORT (report));
  g_return_if_fail (path != NULL);

  if (self->export_cancellable != NULL)
    return;

  if (!check_recordable (self))
    return;

  g_free (self->export_path);
  self->export_path = g_strdup (path);
  self->export_format = format;
  self->export_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_progress_bar_set_text (self->export_progress, _("Saving the report…"));
  set_exporting (self, TRUE);
  rp_report_export_async (report, format, path, self->export_cancellable,
                          on_export_progress, self,
                          on_exported, g_object_ref (self));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RpReportsPage *self = RP_REPORTS_PAGE (widget);

  g_cancellable_cancel (self->export_cancellable);
}

static void
save (RpReportsPage *self,
      int            format)
{
  gboolean pdf = format == FORMAT_PDF;
  gboolean file = format != FORMAT_CSV;
  g_autoptr(RpReport) report = build_report (self, format == FORMAT_PDF ? "reports.save-pdf"
                                                  : format == FORMAT_XLSX ? "reports.save-xlsx"
                                                  : "reports.save-csv");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (report == NULL)
    return;

  chooser = gtk_file_chooser_native_new (pdf ? _("Save the Report as PDF")
                                         : file ? _("Save the Report as a Spreadsheet")
                                         : _("Choose a Folder for the CSV Files"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         file ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Save"), _("_Cancel"));
  if (file)
    {
      g_autofree char *name = suggested_name (report, pdf ? ".pdf" : ".xlsx");

      gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("Spreadsheets"));
      gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "xlsx");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  rp_file_chooser_open_away_from (GTK_FILE_CHOOSER (chooser), rp_area_page_get_store (RP_AREA_PAGE (self)));
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, G_CONNECT_SWAPPED);

  g_set_object (&self->pending, report);
  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  save (RP_REPORTS_PAGE (widget), FORMAT_PDF);
}

static void
save_xlsx_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  save (RP_REPORTS_PAGE (widget), FORMAT_XLSX);
}

static void
save_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  save (RP_REPORTS_PAGE (widget), FORMAT_CSV);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                RpReportDocument  *document)
{
  gtk_print_operation_set_n_pages (operation, rp_report_document_get_n_pages (document));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              RpReportDocument  *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / RP_REPORT_PAGE_WIDTH;

  /* The same drawing as the PDF, scaled to the paper the printer has. */
  cairo_scale (cr, scale, scale);
  rp_report_document_draw_page (document, cr, page);
}

/**
 * rp_reports_page_print:
 * @export_path: (nullable): write a PDF here through the print path instead of printing
 *
 * Prints the report, with a preview in the print dialogue.
 */
void
rp_reports_page_print (RpReportsPage *self,
                       const char    *export_path)
{
  g_autoptr(RpReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(RpOutputFile) file = NULL;
  g_autoptr(GError) error = NULL;
  RpReportDocument *document;
  GtkPrintOperationResult result;

  g_return_if_fail (RP_IS_REPORTS_PAGE (self));

  if (!check_recordable (self) || !(report = build_report (self, export_path == NULL ? "reports.print" : NULL)))
    return;

  /* Under the same rules as every other export: never over the database or
   * through a link, and an earlier file replaced only by a complete one. */
  if (export_path != NULL && !(file = rp_output_file_new (export_path, &error)))
    {
      show_problem (self, _("The Report Could Not Be Printed"), error->message);
      return;
    }

  document = rp_report_document_new (report, RP_REPORT_PAGE_WIDTH, RP_REPORT_PAGE_HEIGHT);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, rp_report_get_title (report));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), document);

  if (file != NULL)
    gtk_print_operation_set_export_filename (operation, rp_output_file_get_temp_path (file));

  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error);
  rp_report_document_free (document);
  /* The print dialogue's "Print to File" may have browsed the database's folder. */
  rp_store_renew_locks (rp_area_page_get_store (RP_AREA_PAGE (self)));

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && file != NULL)
    rp_output_file_commit (file, &error);

  if (error != NULL)
    show_problem (self, _("The Report Could Not Be Printed"), error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      if (!rp_report_record_export (report, rp_area_page_get_store (RP_AREA_PAGE (self)), "print",
                                    export_path != NULL ? "pdf" : "print", export_path,
                                    gtk_editable_get_text (GTK_EDITABLE (self->reason_row)), &error))
        show_problem (self, _("The Print Was Not Recorded"), error->message);
      update_export_history (self);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  rp_reports_page_print (RP_REPORTS_PAGE (widget), NULL);
}

static void
on_details_saved (RpReportsPage *self,
                  RpProgramme   *programme)
{
  /* The page shows the rest when the store announces the change; the
   * report's date follows the details at once, as the manager expects. */
  reset_as_of (self, rp_area_page_get_store (RP_AREA_PAGE (self)), programme);
}

static void
edit_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RpReportsPage *self = RP_REPORTS_PAGE (widget);
  RpStore *store = rp_area_page_get_store (RP_AREA_PAGE (self));
  RpProgramme *programme = rp_area_page_get_programme (RP_AREA_PAGE (self));
  RpReportDetailsDialog *dialog;

  if (store == NULL || programme == NULL)
    return;

  dialog = rp_report_details_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), store, programme);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_details_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rp_reports_page_dispose (GObject *object)
{
  RpReportsPage *self = RP_REPORTS_PAGE (object);

  g_cancellable_cancel (self->export_cancellable);
  g_cancellable_cancel (self->attention_cancellable);
  g_clear_object (&self->attention_cancellable);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_object (&self->pending);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->dashboard_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->export_path, g_free);

  G_OBJECT_CLASS (rp_reports_page_parent_class)->dispose (object);
}

static void
rp_reports_page_class_init (RpReportsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RpAreaPageClass *page_class = RP_AREA_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rp_reports_page_dispose;
  page_class->refresh = rp_reports_page_refresh;

  /**
   * RpReportsPage::edit-note:
   * @number: the attendee whose report note must change before export
   */
  signals[EDIT_NOTE] = g_signal_new ("edit-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * RpReportsPage::show-attendee:
   * @number: the attendee the dashboard says needs attention
   */
  signals[SHOW_ATTENDEE] = g_signal_new ("show-attendee", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.save-csv", NULL, save_csv_action);
  gtk_widget_class_install_action (widget_class, "reports.save-xlsx", NULL, save_xlsx_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "reports.edit-details", NULL, edit_details_action);

  g_type_ensure (RP_TYPE_COUNT_ROW);
  g_type_ensure (RP_TYPE_STEP_CHART);
  g_type_ensure (RP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/reports/rp-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, author_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, closure_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, days_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, moved_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, attending_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, left_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, steps_group);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, asc_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, health_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, no_worker_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, step_chart);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, glance_group);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, programme_group);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, compare_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, marking_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, family_contact_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, include_moved_switch);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, follow_up_switch);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, suppress_switch);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, summary_switch);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, safe_choice_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, RpReportsPage, export_progress);
}

static void
rp_reports_page_init (RpReportsPage *self)
{
  self->settings = g_settings_new (APP_ID);
  self->dashboard_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", FALSE);

  /* The step names come from the core, so this page and the reports never disagree. */
  for (int step = RP_MOVING_PLAN_FIRST_STEP; step <= RP_MOVING_PLAN_LAST_STEP; step++)
    {
      g_autofree char *title = g_strdup_printf (_("Step %d · %s"), step, rp_moving_plan_step_name (step));

      self->step_rows[step] = g_object_new (RP_TYPE_COUNT_ROW, "title", title, NULL);
      adw_preferences_group_add (self->steps_group, GTK_WIDGET (self->step_rows[step]));
    }

  rp_reports_page_refresh (RP_AREA_PAGE (self));
}

/**
 * rp_reports_page_set_reports_only:
 * @reports_only: %TRUE for an account that may read only what the scrutiny
 *   report needs (the team's reports role)
 *
 * Leaves out who needs attention (it names them) and the change of the
 * report's details, and says why.
 */
void
rp_reports_page_set_reports_only (RpReportsPage *self,
                                  gboolean       reports_only)
{
  g_return_if_fail (RP_IS_REPORTS_PAGE (self));

  reports_only = !!reports_only;
  if (self->reports_only == reports_only)
    return;

  self->reports_only = reports_only;
  if (reports_only)
    {
      g_cancellable_cancel (self->attention_cancellable);
      g_clear_object (&self->attention_cancellable);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attention_group), !reports_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.edit-details", !reports_only);
  adw_preferences_group_set_description (self->programme_group,
                                         reports_only ? _("What every report of this programme says about itself. Your account can print reports but not change these details.")
                                                      : _("What every report of this programme says about itself"));
}
