/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reports.c: a manager prints the report; a note that names someone stops it */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rp-attendee-detail-page.h"
#include "rp-attendee-list-page.h"
#include "rp-core.h"
#include "rp-report-details-dialog.h"
#include "rp-preferences-window.h"
#include "rp-export-record-private.h"
#include "rp-reports-page.h"
#include "rp-date-row.h"
#include "rp-field-message.h"
#include "rp-timetable-action-dialog.h"
#include "rp-timetable-page.h"
#include "rp-gui-test-util.h"
#include "rp-test-util.h"
#include "rp-window.h"

typedef struct
{
  char          *dir;
  RpStore       *store;
  RpProgramme   *programme;
  RpWindow      *window;
  RpReportsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_store_open (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);

  fixture->window = rp_window_new (NULL);
  rp_window_set_store (fixture->window, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_object_set (fixture->window, "area", "reports", NULL);
  rp_test_spin ();
  fixture->page = RP_REPORTS_PAGE (rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_REPORTS_PAGE, NULL, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  rp_test_spin ();
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_reports_print_to_pdf (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* The print path, exported headlessly: the same pages a printer gets. */
  rp_reports_page_print (fixture->page, path);
  rp_test_spin ();

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

static void
test_reports_name_opens_note (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) nine = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 9, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "stopped.pdf", NULL);
  GListModel *toplevels;
  AdwMessageDialog *dialog = NULL;
  RpAttendeeListPage *attendees;

  rp_attendee_set_report_note (nine, "Claire's choice is IBC");
  g_assert_true (rp_store_save_attendee (fixture->store, nine, &error));

  rp_reports_page_print (fixture->page, path);
  rp_test_spin ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Claire's” in the report note of attendee 9"));

  adw_message_dialog_response (dialog, "edit");
  rp_test_spin ();

  g_assert_cmpstr (rp_window_get_area (fixture->window), ==, "attendees");
  attendees = RP_ATTENDEE_LIST_PAGE (rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_ATTENDEE_LIST_PAGE, NULL, NULL));
  g_assert_cmpint (rp_attendee_get_number (rp_attendee_detail_page_get_attendee (rp_attendee_list_page_get_attendee_detail_page (attendees))), ==, 9);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }

  return dialog;
}

/* "Grant funding" is not about Leah Grant: the dialogue shows the note with
 * the word marked, and "This Is Not a Name Here" lets the export go on. */
static void
test_reports_not_a_name_here (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) four = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "confirmed.pdf", NULL);
  AdwMessageDialog *dialog;
  GtkWidget *flagged;

  rp_attendee_set_report_note (four, "Grant funding agreed for transport.");
  g_assert_true (rp_store_save_attendee (fixture->store, four, &error));

  rp_reports_page_print (fixture->page, path);
  rp_test_spin ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Grant” in the report note of attendee 4"));
  g_assert_true (adw_message_dialog_has_response (dialog, "not-a-name"));
  flagged = gtk_frame_get_child (GTK_FRAME (adw_message_dialog_get_extra_child (dialog)));
  g_assert_true (GTK_IS_LABEL (flagged));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (flagged)), ==, "<b><u>Grant</u></b> funding agreed for transport.");

  adw_message_dialog_response (dialog, "not-a-name");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();

  rp_reports_page_print (fixture->page, path);
  rp_test_spin ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_timetable_complete_and_reorder (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *staff_meeting = "Allocate people to social workers so that officers can start to work and support people and their families.";
  GtkWidget *timetable, *row;
  GtkWidget *check = NULL;
  GtkWidget *up = NULL;
  g_autoptr(GListModel) actions = NULL;

  g_object_set (fixture->window, "area", "timetable", NULL);
  rp_test_spin ();
  timetable = rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_TIMETABLE_PAGE, NULL, NULL);
  row = find_row (timetable, "Work underway with Health looking at alternative provision for 6 people attending the day centre. "
                             "Health is looking at alternatives for example Supported Living.");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "In progress"));

  /* Tick the action as completed: the store has it, and it prints as "Completed". */
  check = rp_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  rp_test_spin ();
  actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  {
    g_autoptr(RpTimetableAction) health = g_list_model_get_item (actions, 3);
    g_assert_cmpint (rp_timetable_action_get_status (health), ==, RP_ACTION_COMPLETED);
  }
  g_clear_object (&actions);

  /* Move the third action up one place with its button. */
  row = find_row (timetable, staff_meeting);
  {
    GtkWidget *stack[64];
    guint depth = 0;

    stack[depth++] = row;
    while (depth > 0 && up == NULL)
      {
        GtkWidget *w = stack[--depth];
        const char *tooltip = gtk_widget_get_tooltip_text (w);

        if (GTK_IS_BUTTON (w) && g_strcmp0 (tooltip, "Move Up") == 0)
          up = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && depth < 64; c = gtk_widget_get_next_sibling (c))
          stack[depth++] = c;
      }
  }
  g_assert_nonnull (up);
  g_signal_emit_by_name (up, "clicked");
  rp_test_spin ();

  actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  {
    g_autoptr(RpTimetableAction) second = g_list_model_get_item (actions, 1);
    g_assert_cmpstr (rp_timetable_action_get_owner (second), ==, "JT");
  }
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static GtkWindow *
find_dialog_headed (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return toplevel;
    }

  return NULL;
}

static void
on_action_saved (RpTimetableActionDialog  *dialog,
                 RpTimetableAction        *action,
                 RpTimetableAction       **saved)
{
  g_set_object (saved, action);
}

static char *
activity_text (GtkWindow *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL, NULL)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
due_row (GtkWindow *dialog)
{
  return rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Due date or note");
}

/* Opens the edit dialogue of the action at @activity. */
static GtkWindow *
open_action (Fixture    *fixture,
             const char *activity)
{
  GtkWidget *timetable, *row;

  g_object_set (fixture->window, "area", "timetable", NULL);
  rp_test_spin ();
  timetable = rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_TIMETABLE_PAGE, NULL, NULL);
  row = find_row (timetable, activity);
  g_assert_nonnull (row);
  g_signal_emit_by_name (find_button_with_tooltip (row, "Edit"), "clicked");
  rp_test_spin ();

  return find_toplevel (RP_TYPE_TIMETABLE_ACTION_DIALOG);
}

/* An action edited with a date that does not exist stays open as typed,
 * the date marked; put right, it is saved with the date kept as ISO. */
static void
test_timetable_edit_keeps_what_was_typed (Fixture       *fixture,
                                          gconstpointer  data)
{
  const char *activity = "Work underway with Health looking at alternative provision for 6 people attending the day centre. "
                         "Health is looking at alternatives for example Supported Living.";
  g_autoptr(RpTimetableAction) saved = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(RpTimetableAction) stored = NULL;
  g_autofree char *shown = NULL;
  GtkWindow *dialog;
  GtkWidget *owner, *due;

  dialog = open_action (fixture, activity);
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_action_saved), &saved);
  shown = activity_text (dialog);
  g_assert_cmpstr (shown, ==, activity);
  owner = rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Task owner");
  due = due_row (dialog);
  g_assert_nonnull (due);
  gtk_editable_set_text (GTK_EDITABLE (owner), "PM");
  gtk_editable_set_text (GTK_EDITABLE (due), "31/02/2024");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  rp_test_spin ();

  g_assert_true (find_toplevel (RP_TYPE_TIMETABLE_ACTION_DIALOG) == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, "PM");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "31/02/2024");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_null (saved);

  /* Said under the field, in words, and not again over the dialogue. */
  g_assert_nonnull (strstr (rp_row_get_error (ADW_PREFERENCES_ROW (due)), "“31/02/2024” is not a real date: that month has 29 days"));
  g_assert_null (find_dialog_headed ("The Action Was Not Saved"));
  g_assert_true (gtk_window_get_focus (dialog) == GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (due))));

  gtk_editable_set_text (GTK_EDITABLE (due), "15/01/2024");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  rp_test_spin ();

  g_assert_nonnull (saved);
  g_assert_null (find_toplevel (RP_TYPE_TIMETABLE_ACTION_DIALOG));
  actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  stored = g_list_model_get_item (actions, 3);
  g_assert_cmpstr (rp_timetable_action_get_activity (stored), ==, activity);
  g_assert_cmpstr (rp_timetable_action_get_owner (stored), ==, "PM");
  g_assert_cmpstr (rp_timetable_action_get_due_date (stored), ==, "2024-01-15");
}

static const char *
row_subtitle (Fixture    *fixture,
              const char *title)
{
  GtkWidget *row = rp_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "title", title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The report's front matter, the closure date and the title are edited on
 * the Reports page, kept in the database, and shown there once saved; a
 * wrong date keeps the dialogue open as typed. */
static void
test_reports_edit_details (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) stored = NULL;
  GtkWindow *dialog;
  GtkWidget *as_of, *meeting_date;

  g_assert_cmpstr (row_subtitle (fixture, "Meeting"), ==, "Not set");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reports.edit-details", NULL);
  rp_test_spin ();
  dialog = find_toplevel (RP_TYPE_REPORT_DETAILS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Report title"))),
                   ==, "Day Centre Update");

  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Report title")),
                         "Reprovision Update");
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_DATE_ROW, "title", "Closure date (dd/mm/yyyy)")),
                         "30/04/2024");
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Council or department")),
                         "Adult Social Care");
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title", "Meeting")),
                         "Scrutiny Commission");
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title",
                                                            "Protective marking, at the top and foot of every page")),
                         "OFFICIAL-SENSITIVE");
  as_of = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_DATE_ROW, "title", "Report as of (dd/mm/yyyy), or empty for the day it is made");
  gtk_editable_set_text (GTK_EDITABLE (as_of), "20/09/2023");
  /* Whom families call, kept apart from what reports print. */
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title",
                                                            "Who to call, such as “the day centre office”")),
                         "the duty desk");
  gtk_editable_set_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "title",
                                                            "Their phone number")),
                         "0116 496 0300");
  meeting_date = rp_test_find_widget (GTK_WIDGET (dialog), RP_TYPE_DATE_ROW, "title", "Meeting date (dd/mm/yyyy)");
  gtk_editable_set_text (GTK_EDITABLE (meeting_date), "31/09/2023");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  rp_test_spin ();

  /* 31 September: refused, said under the field, and nothing lost or saved. */
  g_assert_true (find_toplevel (RP_TYPE_REPORT_DETAILS_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (meeting_date, "error"));
  g_assert_cmpstr (rp_row_get_error (ADW_PREFERENCES_ROW (meeting_date)), ==,
                   "“31/09/2023” is not a real date: that month has 30 days.");
  g_assert_null (rp_row_get_error (ADW_PREFERENCES_ROW (as_of)));
  g_assert_null (find_dialog_headed ("The Report Details Were Not Saved"));
  stored = rp_store_get_programme (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_null (rp_programme_get_meeting (stored));
  g_clear_object (&stored);

  gtk_editable_set_text (GTK_EDITABLE (meeting_date), "05/10/2023");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  rp_test_spin ();
  g_assert_null (find_toplevel (RP_TYPE_REPORT_DETAILS_DIALOG));

  stored = rp_store_get_programme (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rp_programme_get_report_title (stored), ==, "Reprovision Update");
  g_assert_cmpstr (rp_programme_get_closure_date (stored), ==, "2024-04-30");
  g_assert_cmpstr (rp_programme_get_department (stored), ==, "Adult Social Care");
  g_assert_cmpstr (rp_programme_get_meeting (stored), ==, "Scrutiny Commission");
  g_assert_cmpstr (rp_programme_get_meeting_date (stored), ==, "2023-10-05");
  g_assert_cmpstr (rp_programme_get_report_as_of (stored), ==, "2023-09-20");
  g_assert_cmpstr (rp_programme_get_marking (stored), ==, "OFFICIAL-SENSITIVE");
  g_assert_null (rp_programme_get_author (stored));
  g_assert_cmpstr (rp_programme_get_family_contact (stored), ==, "the duty desk");
  g_assert_cmpstr (rp_programme_get_family_contact_phone (stored), ==, "0116 496 0300");

  /* The page shows what is saved, and the next report is as of the programme's day. */
  g_assert_cmpstr (row_subtitle (fixture, "Report title"), ==, "Reprovision Update");
  g_assert_cmpstr (row_subtitle (fixture, "Closure date"), ==, "Tuesday 30 April 2024");
  g_assert_cmpstr (row_subtitle (fixture, "Meeting"), ==, "Scrutiny Commission, Thursday 5 October 2023");
  g_assert_cmpstr (row_subtitle (fixture, "Protective marking"), ==, "OFFICIAL-SENSITIVE");
  g_assert_cmpstr (row_subtitle (fixture, "Author or contact"), ==, "Not set");
  g_assert_cmpstr (row_subtitle (fixture, "Families call, when their worker has no number"), ==, "the duty desk on 0116 496 0300");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rp_test_find_widget (GTK_WIDGET (fixture->page), RP_TYPE_DATE_ROW, NULL, NULL))),
                   ==, "20/09/2023");
}

/* "tbc" and a note of several dates are taken in the one Due field, and
 * the activity is edited over several lines. */
static void
test_timetable_edit_due_note_and_lines (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *activity = "Work underway with Health looking at alternative provision for 6 people attending the day centre. "
                         "Health is looking at alternatives for example Supported Living.";
  const char *lines = "Work underway with Health.\nHealth is looking at Supported Living.";
  const char *note = "IBC 30 Sept, Pathfinders 10 & 19 Oct, FTM Dance tbc, Mosaic 27 Sept";
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(RpTimetableAction) stored = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *timetable, *row, *view;
  GtkWindow *dialog;

  dialog = open_action (fixture, activity);
  g_assert_nonnull (dialog);
  view = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (view)));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), !=, GTK_WRAP_NONE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Activity");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), lines, -1);
  gtk_editable_set_text (GTK_EDITABLE (due_row (dialog)), note);
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  rp_test_spin ();

  g_assert_null (find_toplevel (RP_TYPE_TIMETABLE_ACTION_DIALOG));
  actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  stored = g_list_model_get_item (actions, 3);
  g_assert_cmpstr (rp_timetable_action_get_activity (stored), ==, lines);
  g_assert_cmpstr (rp_timetable_action_get_due_note (stored), ==, note);
  g_assert_null (rp_timetable_action_get_due_date (stored));

  /* The page prints the note; the dialogue shows it again as typed. */
  timetable = rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_TIMETABLE_PAGE, NULL, NULL);
  row = find_row (timetable, lines);
  g_assert_nonnull (row);
  subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_nonnull (strstr (subtitle, note));
  dialog = open_action (fixture, lines);
  shown = activity_text (dialog);
  g_assert_cmpstr (shown, ==, lines);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row (dialog))), ==, note);

  /* "tbc" as the whole of it. */
  gtk_editable_set_text (GTK_EDITABLE (due_row (dialog)), "tbc");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  rp_test_spin ();
  g_clear_object (&stored);
  g_clear_object (&actions);
  actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  stored = g_list_model_get_item (actions, 3);
  g_assert_cmpstr (rp_timetable_action_get_due_note (stored), ==, "tbc");
}

/* The Add form takes the same Due text, and marks a date that does not exist. */
static void
test_timetable_add_due_note (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(RpTimetableAction) added = NULL;
  GtkWidget *timetable, *activity, *due, *message;
  guint n;

  g_object_set (fixture->window, "area", "timetable", NULL);
  rp_test_spin ();
  timetable = rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_TIMETABLE_PAGE, NULL, NULL);
  activity = rp_test_find_widget (timetable, ADW_TYPE_ENTRY_ROW, "title", "Activity");
  due = rp_test_find_widget (timetable, ADW_TYPE_ENTRY_ROW, "title", "Due: a date such as 30/09/2027, “tbc”, or a note");
  g_assert_nonnull (due);
  actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  n = g_list_model_get_n_items (actions);
  g_clear_object (&actions);

  gtk_editable_set_text (GTK_EDITABLE (activity), "Agree the transport contract");
  gtk_editable_set_text (GTK_EDITABLE (due), "31/02/2027");
  g_assert_true (gtk_widget_activate_action (timetable, "timetable.add", NULL));
  rp_test_spin ();
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  message = rp_test_find_widget (timetable, GTK_TYPE_LABEL, "label", "“31/02/2027” is not a real date: that month has 28 days.");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n);
  g_clear_object (&actions);

  gtk_editable_set_text (GTK_EDITABLE (due), "tbc");
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  g_assert_true (gtk_widget_activate_action (timetable, "timetable.add", NULL));
  rp_test_spin ();
  actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n + 1);
  added = g_list_model_get_item (actions, n);
  g_assert_cmpstr (rp_timetable_action_get_activity (added), ==, "Agree the transport contract");
  g_assert_cmpstr (rp_timetable_action_get_due_note (added), ==, "tbc");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "");
}

/* The row of a taster day in the action dialogue, by provider and date as shown. */
static GtkWidget *
find_day_row (GtkWidget  *root,
              const char *provider,
              const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), provider) == 0 &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), subtitle) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_day_row (child, provider, subtitle);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
day_check (GtkWindow  *dialog,
           const char *provider,
           const char *subtitle)
{
  GtkWidget *row = find_day_row (GTK_WIDGET (dialog), provider, subtitle);

  g_assert_nonnull (row);
  return rp_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL, NULL);
}

/* Two days ticked in the dialogue: the action is linked to them, the
 * timetable prints their dates, and untick one, it goes. Each tick box is
 * named for a screen reader, and the list is reached with its access key. */
static void
test_timetable_link_taster_days (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *health = "Work underway with Health looking at alternative provision for 6 people attending the day centre. "
                       "Health is looking at alternatives for example Supported Living.";
  const char *providers = "4 of the care providers on the framework (IBC, Pathfinders, FTM dance and Mosaic) are organising taster "
                          "days/open days for people and their family/carer to attend which will be supported by staff at the day "
                          "centre and arrange transport where required.";
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(RpTimetableAction) stored = NULL;
  GtkWidget *timetable, *row, *ibc, *pathfinders, *ftm, *preview, *heading;
  GtkWindow *dialog;

  /* The sample's own linked action prints its days. */
  g_object_set (fixture->window, "area", "timetable", NULL);
  rp_test_spin ();
  timetable = rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_TIMETABLE_PAGE, NULL, NULL);
  row = find_row (timetable, providers);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Due: Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc; 19 Oct 2023"));
  /* Its dialogue shows the same, "&" and all, with its five days ticked. */
  dialog = open_action (fixture, providers);
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "label",
                                         "<b>Prints as:</b> Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 &amp; 19 Oct, FTM Dance tbc; 19 Oct 2023"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (day_check (dialog, "FTM Dance", "Date to be confirmed"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (day_check (dialog, "Mosaic", "2 Sep 2023"))));
  gtk_window_destroy (dialog);
  rp_test_spin ();

  dialog = open_action (fixture, health);
  g_assert_nonnull (dialog);
  heading = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "label", "_Taster Days");
  g_assert_nonnull (heading);
  g_assert_true (GTK_IS_LIST_BOX (gtk_label_get_mnemonic_widget (GTK_LABEL (heading))));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "label",
                                         "A date such as 30/09/2027, “tbc” or a note. Taster days ticked below print their own dates before it."));

  ibc = day_check (dialog, "IBC", "30 Sep 2023");
  pathfinders = day_check (dialog, "Pathfinders", "10 Oct 2023");
  ftm = day_check (dialog, "FTM Dance", "Date to be confirmed");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ibc), GTK_ACCESSIBLE_PROPERTY_LABEL, "IBC, 30 Sep 2023");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ftm), GTK_ACCESSIBLE_PROPERTY_LABEL, "FTM Dance, Date to be confirmed");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (ibc)));
  preview = rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "label", "<b>Prints as:</b> In progress");
  g_assert_nonnull (preview);

  /* Ticked as a keyboard user does, by activating the row. */
  adw_action_row_activate (ADW_ACTION_ROW (find_day_row (GTK_WIDGET (dialog), "IBC", "30 Sep 2023")));
  adw_action_row_activate (ADW_ACTION_ROW (find_day_row (GTK_WIDGET (dialog), "Pathfinders", "10 Oct 2023")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ibc)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (pathfinders)));
  gtk_editable_set_text (GTK_EDITABLE (due_row (dialog)), "tbc");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (preview)), ==, "Prints as: IBC 30 Sep, Pathfinders 10 Oct; tbc");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  rp_test_spin ();

  g_assert_null (find_toplevel (RP_TYPE_TIMETABLE_ACTION_DIALOG));
  actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  stored = g_list_model_get_item (actions, 3);
  g_assert_cmpuint (rp_timetable_action_get_n_taster_days (stored), ==, 2);
  row = find_row (timetable, health);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Due: IBC 30 Sep, Pathfinders 10 Oct; tbc"));

  /* Opened again: the two are ticked; one unticked and saved, it goes. */
  dialog = open_action (fixture, health);
  ibc = day_check (dialog, "IBC", "30 Sep 2023");
  pathfinders = day_check (dialog, "Pathfinders", "10 Oct 2023");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ibc)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (pathfinders)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (day_check (dialog, "IBC", "9 Sep 2023"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ibc), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (due_row (dialog)), "");
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Save"), "clicked");
  rp_test_spin ();

  row = find_row (timetable, health);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Due: Pathfinders 10 Oct"));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "IBC"));
}

/* Delete in the dialogue takes the action off; the toast's Undo puts it
 * back as it was, in its place. */
static void
test_timetable_delete_and_undo (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *activity = "Work underway with Health looking at alternative provision for 6 people attending the day centre. "
                         "Health is looking at alternatives for example Supported Living.";
  g_autoptr(GListModel) before = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(RpTimetableAction) was = g_list_model_get_item (before, 3);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(RpTimetableAction) back = NULL;
  GtkWidget *timetable, *undo;
  GtkWindow *dialog;

  dialog = open_action (fixture, activity);
  g_assert_nonnull (dialog);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_signal_emit_by_name (rp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Delete"), "clicked");
  rp_test_spin ();

  g_assert_null (find_toplevel (RP_TYPE_TIMETABLE_ACTION_DIALOG));
  after = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) - 1);
  timetable = rp_test_find_widget (GTK_WIDGET (fixture->window), RP_TYPE_TIMETABLE_PAGE, NULL, NULL);
  g_assert_null (find_row (timetable, activity));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, "label", "Action deleted"));

  undo = rp_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "label", "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  rp_test_spin ();

  g_clear_object (&after);
  after = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  back = g_list_model_get_item (after, 3);
  g_assert_cmpint (rp_timetable_action_get_id (back), ==, rp_timetable_action_get_id (was));
  g_assert_cmpstr (rp_timetable_action_get_activity (back), ==, activity);
  g_assert_cmpint (rp_timetable_action_get_status (back), ==, rp_timetable_action_get_status (was));
  g_assert_nonnull (find_row (timetable, activity));
}

/* The dashboard's list of who needs attention is filled from a thread: it
 * arrives without holding up the window, and names the same people. */
static void
test_reports_attention_listed (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(RpRulesContext) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  RpAttendee *first;
  guint n_needing = 0;

  rules = rp_rules_context_new_for_programme (fixture->programme, "2023-09-22",
                                              g_settings_get_uint (settings, "stale-days"));
  expected = rp_store_find_needing_attention (fixture->store, rp_programme_get_id (fixture->programme), rules, 8,
                                              &n_needing, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);
  first = g_ptr_array_index (expected, 0);
  title = g_strdup_printf ("%d · %s", rp_attendee_get_number (first), rp_attendee_get_display_name (first));

  while (rp_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "title", title) == NULL &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "title", title));
  g_assert_null (rp_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "title", "Nobody needs attention."));
}

/* Runs the main loop until the export's progress bar is hidden again; FALSE after 30 s. */
static gboolean
wait_for_export (Fixture *fixture)
{
  GtkWidget *revealer = rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_REVEALER, NULL, NULL);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static RpReport *
build_report (Fixture *fixture)
{
  RpReportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  RpReport *report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), &options, &error);

  g_assert_no_error (error);
  return report;
}

/* Saving runs in a thread with a progress bar; the window answers meanwhile. */
static void
test_reports_export_in_thread (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RpReport) report = build_report (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  GtkWidget *revealer = rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_REVEALER, NULL, NULL);
  GStatBuf info;

  rp_reports_page_export (fixture->page, report, RP_REPORT_FORMAT_PDF, pdf);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  /* One export at a time. */
  g_assert_false (gtk_widget_is_sensitive (rp_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON,
                                                                "label", "Save as P_DF…")));

  g_assert_true (wait_for_export (fixture));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpint (g_stat (pdf, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, "label", "The report was saved."));

  /* CSV: one private file per table in the chosen folder, each starting
   * with the byte-order mark that Excel needs to read UTF-8. */
  rp_reports_page_export (fixture->page, report, RP_REPORT_FORMAT_CSV, fixture->dir);
  g_assert_true (wait_for_export (fixture));
  {
    g_autofree char *progress = g_strdup_printf ("%s/%s %s – progress.csv", fixture->dir,
                                                 rp_report_get_title (report), rp_report_get_as_of (report));
    g_autofree char *csv = NULL;

    g_assert_true (g_file_get_contents (progress, &csv, NULL, NULL));
    g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf" "attendee_no,"));
  }
}

/* The Preferences switch for CSV files is the setting the Reports page reads. */
static void
test_reports_csv_preference (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *preferences = rp_preferences_window_new (GTK_WINDOW (fixture->window), fixture->store);
  GtkWidget *row = find_row (preferences, "CSV Files for Excel");
  GtkWidget *toggle = rp_test_find_widget (row, GTK_TYPE_SWITCH, NULL, NULL);

  g_assert_true (g_settings_get_boolean (settings, "csv-byte-order-mark"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "csv-byte-order-mark"));

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "csv-byte-order-mark");
}

/* Cancel stops the export and leaves no half-written file behind. */
static void
test_reports_export_cancelled (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RpProgramme) large = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "large.pdf", NULL);
  RpReportOptions options = { 0 };

  large = rp_generate_programme (fixture->store, 3000, 7, &error);
  g_assert_no_error (error);
  report = rp_report_build (fixture->store, rp_programme_get_id (large), &options, &error);
  g_assert_no_error (error);

  rp_reports_page_export (fixture->page, report, RP_REPORT_FORMAT_PDF, pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "reports.cancel-export", NULL));
  g_assert_true (wait_for_export (fixture));

  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_nonnull (rp_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, "label",
                                         "Saving was cancelled. Nothing was saved."));
}

/* Every export is recorded with its reason, and listed in the Reports area. */
static void
test_reports_export_recorded (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(RpReport) report = build_report (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "for-scrutiny.pdf", NULL);
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(RpExportRecord) saved = NULL;
  g_autoptr(RpExportRecord) print = NULL;
  GtkWidget *reason = rp_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_ENTRY_ROW, "title",
                                           "Reason for this export (optional, kept in the export history)");
  GtkWidget *history;

  g_assert_nonnull (reason);
  g_assert_nonnull (find_row (GTK_WIDGET (fixture->page), "Nothing has been exported or printed yet."));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Scrutiny commission, 12 October");

  rp_reports_page_export (fixture->page, report, RP_REPORT_FORMAT_PDF, pdf);
  g_assert_true (wait_for_export (fixture));
  rp_reports_page_print (fixture->page, printed);
  rp_test_spin ();

  exports = rp_store_list_exports (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (exports), ==, 2);
  print = g_list_model_get_item (exports, 0);
  saved = g_list_model_get_item (exports, 1);
  g_assert_cmpstr (rp_export_record_get_kind (saved), ==, "report");
  g_assert_cmpstr (rp_export_record_get_format (saved), ==, "pdf");
  g_assert_cmpstr (rp_export_record_get_file_name (saved), ==, "for-scrutiny.pdf");
  g_assert_cmpstr (rp_export_record_get_reason (saved), ==, "Scrutiny commission, 12 October");
  g_assert_cmpstr (rp_export_record_get_kind (print), ==, "print");

  /* The history shows it, newest first, without a reload. */
  g_assert_null (find_row (GTK_WIDGET (fixture->page), "Nothing has been exported or printed yet."));
  history = rp_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_PREFERENCES_GROUP, "title", "Export History");
  g_assert_nonnull (rp_test_find_widget (history, ADW_TYPE_ACTION_ROW, "subtitle",
                                         "PDF · summary, timetable, progress, follow-up summary, follow-up · as of 22 Sep 2023\n"
                                         "for-scrutiny.pdf\nReason: Scrutiny commission, 12 October"));
}

/* With counts hidden, the default publishes only what cannot be recounted. */
static void
test_reports_suppression_safe_default (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GListModel) exports = NULL;
  g_autoptr(RpExportRecord) print = NULL;
  GtkWidget *suppress_row = find_row (GTK_WIDGET (fixture->page), "Hide counts below 5 in the summary");
  GtkWidget *choice = find_row (GTK_WIDGET (fixture->page), "With counts hidden, publish");

  g_assert_nonnull (choice);
  g_assert_false (gtk_widget_get_visible (choice));
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (suppress_row))), TRUE);
  g_assert_true (gtk_widget_get_visible (choice));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (choice)), ==, 0);

  rp_reports_page_print (fixture->page, printed);
  rp_test_spin ();
  exports = rp_store_list_exports (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  print = g_list_model_get_item (exports, 0);
  /* The summaries alone: the follow-up summary is part of the summary. */
  g_assert_cmpstr (rp_export_record_get_tables (print), ==, "summary, follow-up summary");
  g_assert_cmpuint (rp_export_record_get_suppress_below (print), ==, 5);
}

/* Save as… and the print path, pointed at the open database, write nothing
 * and say why; the database is as it was and still in use. The file is only
 * looked at with stat: opening it here would drop SQLite's locks. */
static void
test_reports_export_onto_database_refused (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(RpReport) report = build_report (fixture);
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = rp_store_get_path (fixture->store);
  AdwMessageDialog *dialog;
  GStatBuf before;
  GStatBuf after;

  g_assert_cmpint (g_stat (path, &before), ==, 0);

  rp_reports_page_export (fixture->page, report, RP_REPORT_FORMAT_PDF, path);
  g_assert_true (wait_for_export (fixture));
  rp_test_spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was written"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();

  rp_reports_page_print (fixture->page, path);
  rp_test_spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was written"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rp_test_spin ();

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (before.st_size, ==, after.st_size);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  programmes = rp_store_list_programmes (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/reports/print-to-pdf", test_reports_print_to_pdf);
  ADD ("/gui/reports/attention-listed", test_reports_attention_listed);
  ADD ("/gui/reports/name-opens-note", test_reports_name_opens_note);
  ADD ("/gui/reports/not-a-name-here", test_reports_not_a_name_here);
  ADD ("/gui/reports/export-in-thread", test_reports_export_in_thread);
  ADD ("/gui/reports/export-cancelled", test_reports_export_cancelled);
  ADD ("/gui/reports/csv-preference", test_reports_csv_preference);
  ADD ("/gui/reports/export-recorded", test_reports_export_recorded);
  ADD ("/gui/reports/suppression-safe-default", test_reports_suppression_safe_default);
  ADD ("/gui/reports/export-onto-database-refused", test_reports_export_onto_database_refused);
  ADD ("/gui/timetable/complete-and-reorder", test_timetable_complete_and_reorder);
  ADD ("/gui/timetable/edit-keeps-what-was-typed", test_timetable_edit_keeps_what_was_typed);
  ADD ("/gui/reports/edit-details", test_reports_edit_details);
  ADD ("/gui/timetable/edit-due-note-and-lines", test_timetable_edit_due_note_and_lines);
  ADD ("/gui/timetable/add-due-note", test_timetable_add_due_note);
  ADD ("/gui/timetable/delete-and-undo", test_timetable_delete_and_undo);
  ADD ("/gui/timetable/link-taster-days", test_timetable_link_taster_days);
#undef ADD

  return g_test_run ();
}
