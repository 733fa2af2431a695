/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-family-window.c: one attendee's taster days, full window, in the form their communication needs ask for */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rp-family-window.h"
#include "rp-communication-banner.h"
#include "rp-file-chooser.h"

struct _RpFamilyWindow
{
  AdwWindow        parent_instance;

  RpStore         *store;
  RpAttendee      *attendee;
  GtkNativeDialog *file_chooser;
  guint            reload_id;
  /* The coordinator's choice for this sheet only, or -1 to follow the
   * needs; never written to the record. */
  int              format_override;
  RpScheduleFormat shown_format;

  /* Template widgets */
  GtkLabel        *title_label;
  RpCommunicationBanner *communication_banner;
  GtkLabel        *format_label;
  GtkDropDown     *format_dropdown;
  GtkImage        *contact_icon;
  GtkLabel        *language_label;
  GtkLabel        *intro_label;
  GtkLabel        *contact_label;
  GtkBox          *content_box;
};

G_DEFINE_FINAL_TYPE (RpFamilyWindow, rp_family_window, ADW_TYPE_WINDOW)

static const char *
icon_name (RpScheduleIcon icon)
{
  switch (icon)
    {
    case RP_SCHEDULE_ICON_CALENDAR:  return "x-office-calendar-symbolic";
    case RP_SCHEDULE_ICON_PLACE:     return "mark-location-symbolic";
    case RP_SCHEDULE_ICON_PERSON:    return "avatar-default-symbolic";
    case RP_SCHEDULE_ICON_FAMILY:    return "system-users-symbolic";
    case RP_SCHEDULE_ICON_TRANSPORT: return "rp-transport-symbolic";
    case RP_SCHEDULE_ICON_PHONE:     return "call-start-symbolic";
    case RP_SCHEDULE_ICON_NOTE:
    default:                         return "dialog-information-symbolic";
    }
}

/* The picture beside a day's heading says at a glance what kind of day it is. */
static const char *
heading_icon_name (RpScheduleKind kind)
{
  switch (kind)
    {
    case RP_SCHEDULE_TO_BE_CONFIRMED: return "dialog-question-symbolic";
    case RP_SCHEDULE_CANCELLED:       return "action-unavailable-symbolic";
    case RP_SCHEDULE_GOING:
    default:                          return "x-office-calendar-symbolic";
    }
}

/* A label that wraps only at spaces: the schedule's non-breaking spaces
 * hold dates, times and names together; a word too long for the line is
 * split rather than widening the window. */
static GtkWidget *
make_label (const char *text,
            const char *css_class,
            int         heading_level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   "hexpand", TRUE,
                                   "accessible-role", heading_level > 0 ? GTK_ACCESSIBLE_ROLE_HEADING
                                                                        : GTK_ACCESSIBLE_ROLE_LABEL,
                                   NULL);

  gtk_widget_add_css_class (label, css_class);
  if (heading_level > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, heading_level, -1);
  return label;
}

/* In easy read each point has its picture on the left, as on the sheet;
 * plain and large print are words only. */
static void
add_line (RpFamilyWindow *self,
          GtkWidget      *box,
          const char     *icon,
          GtkWidget      *label)
{
  GtkWidget *row;
  GtkWidget *image;

  if (self->shown_format != RP_SCHEDULE_FORMAT_EASY_READ)
    {
      gtk_box_append (GTK_BOX (box), label);
      return;
    }

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  image = gtk_image_new_from_icon_name (icon);

  gtk_widget_add_css_class (image, "family-icon");
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  /* The picture only repeats the words; screen readers read the words. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_box_append (GTK_BOX (row), image);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (box), row);
}

static void
show_item (RpFamilyWindow       *self,
           const RpScheduleItem *item,
           gboolean              first)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL,
                                self->shown_format == RP_SCHEDULE_FORMAT_PLAIN ? 6 : 12);

  add_line (self, box, heading_icon_name (item->kind), make_label (item->heading, "family-day", 3));
  for (guint i = 0; i < item->lines->len; i++)
    {
      const RpScheduleLine *line = g_ptr_array_index (item->lines, i);

      add_line (self, box, icon_name (line->icon), make_label (line->text, "family-line", 0));
    }

  /* A clear line between one day and the next. */
  if (!first)
    gtk_box_append (self->content_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (self->content_box, box);
}

static void
clear_content (RpFamilyWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
}

static const char *const format_classes[] = {
  [RP_SCHEDULE_FORMAT_PLAIN]       = "family-plain",
  [RP_SCHEDULE_FORMAT_LARGE_PRINT] = "family-large-print",
  [RP_SCHEDULE_FORMAT_EASY_READ]   = "family-easy-read",
};

/* Sets the form the window shows, and says to the coordinator which form
 * the needs ask for and which is shown and printed. */
static void
show_format (RpFamilyWindow   *self,
             RpScheduleFormat  needed)
{
  g_autofree char *text = NULL;

  self->shown_format = self->format_override >= 0 ? (RpScheduleFormat) self->format_override : needed;

  for (guint i = 0; i < G_N_ELEMENTS (format_classes); i++)
    if (i == self->shown_format)
      gtk_widget_add_css_class (GTK_WIDGET (self), format_classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self), format_classes[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_icon), self->shown_format == RP_SCHEDULE_FORMAT_EASY_READ);

  if (gtk_drop_down_get_selected (self->format_dropdown) != self->shown_format)
    gtk_drop_down_set_selected (self->format_dropdown, self->shown_format);

  if (self->shown_format == needed)
    /* Translators: for the coordinator: "As their needs ask: Large print" */
    text = g_strdup_printf (_("As their needs ask: %s."), rp_schedule_format_get_label (needed));
  else
    /* Translators: for the coordinator; the record itself is not changed */
    text = g_strdup_printf (_("Their needs ask for %s. This sheet only is shown and printed differently; their record is not changed."),
                            rp_schedule_format_get_label (needed));
  gtk_label_set_label (self->format_label, text);
}

/* Reads the schedule again and shows it: the window always shows what is
 * in the database now, even when someone changes a booking meanwhile. */
static void
load (RpFamilyWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpSchedule) schedule = rp_schedule_build (self->store, rp_attendee_get_id (self->attendee), NULL, &error);

  clear_content (self);

  if (schedule == NULL)
    {
      gtk_box_append (self->content_box, make_label (error->message, "family-line", 0));
      return;
    }

  gtk_label_set_label (self->title_label, schedule->title);
  show_format (self, schedule->format);
  {
    g_autoptr(RpAttendee) fresh = rp_store_get_attendee (self->store, rp_attendee_get_id (self->attendee), NULL);

    rp_communication_banner_set_attendee (self->communication_banner, fresh != NULL ? fresh : self->attendee);
    gtk_label_set_label (self->language_label, schedule->language_warning != NULL ? schedule->language_warning : "");
    gtk_widget_set_visible (GTK_WIDGET (self->language_label), schedule->language_warning != NULL);
  }
  gtk_window_set_title (GTK_WINDOW (self), schedule->title);
  gtk_label_set_label (self->intro_label, schedule->intro);
  gtk_label_set_label (self->contact_label, schedule->contact);

  if (schedule->empty != NULL)
    gtk_box_append (self->content_box, make_label (schedule->empty, "family-line", 0));

  for (guint s = 0; s < schedule->sections->len; s++)
    {
      const RpScheduleSection *section = g_ptr_array_index (schedule->sections, s);
      GtkWidget *heading = make_label (section->heading, "family-section", 2);

      gtk_widget_set_margin_top (heading, 18);
      gtk_box_append (self->content_box, heading);
      if (section->intro != NULL)
        gtk_box_append (self->content_box, make_label (section->intro, "family-line", 0));
      for (guint i = 0; i < section->items->len; i++)
        show_item (self, g_ptr_array_index (section->items, i), i == 0);
    }
}

static gboolean
reload_idle (gpointer user_data)
{
  RpFamilyWindow *self = user_data;

  self->reload_id = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

/* One write can change several tables: read once, when they are done. */
static void
on_store_changed (RpFamilyWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle, self);
}

/* The coordinator chose a form for this sheet: the window and what it
 * prints or saves follow it until the window closes. */
static void
on_format_selected (RpFamilyWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->format_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == self->shown_format)
    return;
  self->format_override = (int) selected;
  load (self);
}

/* What the sheet printed or saved is: the coordinator's choice, if any. */
static const RpScheduleFormat *
chosen_format (RpFamilyWindow *self)
{
  return self->format_override >= 0 ? &self->shown_format : NULL;
}

static void
show_error (RpFamilyWindow *self,
            const char     *heading,
            const GError   *error)
{
  GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

/* The schedule names its attendee: each copy made is recorded, as every export is. */
static gboolean
record_export (RpFamilyWindow  *self,
               const char      *format,
               const char      *path,
               GError         **error)
{
  RpExportDetails details = { rp_attendee_get_programme_id (self->attendee), "family-schedule", format };

  details.path = path;
  return rp_store_record_export (self->store, &details, error);
}

/**
 * rp_family_window_save_pdf:
 * @path: where to write the sheet
 *
 * Writes the sheet as shown, in the format chosen for it, as a PDF, and
 * records it in the export history; a sheet that cannot be recorded is
 * not kept.
 */
gboolean
rp_family_window_save_pdf (RpFamilyWindow  *self,
                           const char      *path,
                           GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  g_return_val_if_fail (RP_IS_FAMILY_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  id = rp_attendee_get_id (self->attendee);
  g_array_append_val (ids, id);
  if (!rp_schedule_write_pdf_full (self->store, ids, NULL, chosen_format (self), path, NULL, error))
    return FALSE;
  if (!record_export (self, "pdf", path, error))
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

static void
on_save_response (RpFamilyWindow  *self,
                  int              response,
                  GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL &&
      !rp_family_window_save_pdf (self, path, &error))
    show_error (self, _("The Schedule Was Not Saved"), error);

  g_clear_object (&self->file_chooser);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RpFamilyWindow *self = RP_FAMILY_WINDOW (widget);
  g_autofree char *name = g_strdup_printf (_("Taster days for %s.pdf"), rp_attendee_get_full_name (self->attendee));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Schedule as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  rp_file_chooser_open_away_from (GTK_FILE_CHOOSER (chooser), self->store);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
on_calendar_response (RpFamilyWindow  *self,
                      int              response,
                      GtkNativeDialog *dialog)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Written whole beside the chosen name and renamed over it, which the
   * document portal allows for a file it has handed over; recorded in the
   * export history before it is given its name. */
  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL &&
      !rp_calendar_write_family (self->store, rp_attendee_get_id (self->attendee), NULL, path, NULL, NULL, &error))
    show_error (self, _("The Calendar Was Not Saved"), error);

  g_clear_object (&self->file_chooser);
}

/* The same days as a calendar file the family can add to GNOME Calendar,
 * Outlook or a phone; only theirs. */
static void
add_to_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RpFamilyWindow *self = RP_FAMILY_WINDOW (widget);
  /* Translators: a file name; the name is the attendee's */
  g_autofree char *name = g_strdup_printf (_("Taster days for %s.ics"), rp_attendee_get_full_name (self->attendee));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Taster Days as a Calendar"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  rp_file_chooser_open_away_from (GTK_FILE_CHOOSER (chooser), self->store);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_calendar_response), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
on_begin_print (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                RpScheduleDocument *document)
{
  gtk_print_operation_set_n_pages (operation, rp_schedule_document_get_n_pages (document));
}

static void
on_draw_page (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page,
              RpScheduleDocument *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / RP_SCHEDULE_PAGE_WIDTH;

  /* The same sheet as the PDF, scaled to the paper the printer has. */
  cairo_scale (cr, scale, scale);
  rp_schedule_document_draw_page (document, cr, page);
}

/**
 * rp_family_window_print:
 * @export_path: (nullable): write a PDF here through the print path instead
 *   of printing
 *
 * Prints the sheet as shown, in the format chosen for it, after the print
 * dialogue; a print is recorded in the export history.
 */
void
rp_family_window_print (RpFamilyWindow *self,
                        const char     *export_path)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RpScheduleDocument) document = NULL;
  g_autoptr(RpOutputFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  gint64 id;

  g_return_if_fail (RP_IS_FAMILY_WINDOW (self));

  /* A print that could not be recorded must not happen: check first. */
  if (rp_store_is_read_only (self->store))
    {
      g_set_error_literal (&error, RP_ERROR, RP_ERROR_READ_ONLY,
                           _("This database is open read-only, so the print cannot be recorded in its export history. Open it for editing to print."));
      show_error (self, _("The Schedule Was Not Printed"), error);
      return;
    }

  /* Under the rules of every export: never over the database or through a link. */
  if (export_path != NULL && !(file = rp_output_file_new (export_path, &error)))
    {
      show_error (self, _("The Schedule Was Not Printed"), error);
      return;
    }

  id = rp_attendee_get_id (self->attendee);
  g_array_append_val (ids, id);
  if (!(document = rp_schedule_document_new_full (self->store, ids, NULL, chosen_format (self), &error)))
    {
      show_error (self, _("The Schedule Was Not Printed"), error);
      return;
    }

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), document);
  if (file != NULL)
    gtk_print_operation_set_export_filename (operation, rp_output_file_get_temp_path (file));

  result = gtk_print_operation_run (operation,
                                    file != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* The print dialogue's "Print to File" may have browsed the database's folder. */
  rp_store_renew_locks (self->store);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && file != NULL)
    rp_output_file_commit (file, &error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || error != NULL)
    show_error (self, _("The Schedule Was Not Printed"), error);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY &&
           !record_export (self, export_path != NULL ? "pdf" : "print", export_path, &error))
    {
      /* A sheet that cannot be recorded is not kept. */
      if (export_path != NULL)
        g_unlink (export_path);
      show_error (self, _("The Print Was Not Recorded"), error);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  rp_family_window_print (RP_FAMILY_WINDOW (widget), NULL);
}

static void
rp_family_window_dispose (GObject *object)
{
  RpFamilyWindow *self = RP_FAMILY_WINDOW (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->attendee);

  G_OBJECT_CLASS (rp_family_window_parent_class)->dispose (object);
}

static void
rp_family_window_class_init (RpFamilyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_family_window_dispose;

  g_type_ensure (RP_TYPE_COMMUNICATION_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-family-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RpFamilyWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RpFamilyWindow, communication_banner);
  gtk_widget_class_bind_template_child (widget_class, RpFamilyWindow, format_label);
  gtk_widget_class_bind_template_child (widget_class, RpFamilyWindow, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RpFamilyWindow, contact_icon);
  gtk_widget_class_bind_template_child (widget_class, RpFamilyWindow, language_label);
  gtk_widget_class_bind_template_child (widget_class, RpFamilyWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, RpFamilyWindow, contact_label);
  gtk_widget_class_bind_template_child (widget_class, RpFamilyWindow, content_box);

  gtk_widget_class_install_action (widget_class, "family.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "family.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "family.add-to-calendar", NULL, add_to_calendar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "family.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rp_family_window_init (RpFamilyWindow *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  self->format_override = -1;
  for (RpScheduleFormat f = RP_SCHEDULE_FORMAT_PLAIN; f <= RP_SCHEDULE_FORMAT_EASY_READ; f++)
    gtk_string_list_append (formats, rp_schedule_format_get_label (f));

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Before the handler runs: set here, the list causes no reload. */
  self->shown_format = RP_SCHEDULE_FORMAT_LARGE_PRINT;
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (formats));
  gtk_drop_down_set_selected (self->format_dropdown, self->shown_format);
  g_signal_connect_swapped (self->format_dropdown, "notify::selected", G_CALLBACK (on_format_selected), self);
}

/**
 * rp_family_window_new:
 * @parent: (nullable): the main window, hidden behind this one while it is shown
 *
 * Shows one attendee's taster days and nothing else: no list, no other
 * names, no notes, and no way to reach them without closing the window.
 */
RpFamilyWindow *
rp_family_window_new (GtkWindow  *parent,
                      RpStore    *store,
                      RpAttendee *attendee)
{
  RpFamilyWindow *self;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), NULL);

  self = g_object_new (RP_TYPE_FAMILY_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->attendee = g_object_ref (attendee);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  load (self);

  /* The whole screen is the family's: nothing else shows behind. */
  gtk_window_maximize (GTK_WINDOW (self));
  return self;
}
