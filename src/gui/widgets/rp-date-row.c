/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-date-row.c: an entry row for a date, typed and shown as dd/mm/yyyy, kept as ISO */

#include "config.h"

#include "rp-core.h"
#include "rp-date-row.h"

struct _RpDateRow
{
  AdwEntryRow parent_instance;
};

G_DEFINE_FINAL_TYPE (RpDateRow, rp_date_row, ADW_TYPE_ENTRY_ROW)

static void
clear_error (AdwEntryRow *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Editing the date again takes the mark away: it is no longer the date that was wrong. */
static void
on_changed (AdwEntryRow *row)
{
  clear_error (row);
}

/**
 * rp_entry_row_mark_error:
 * @row: a row where something that is not a real date was typed
 * @message: why, in words
 *
 * Marks @row as wrong the way an #RpDateRow marks itself, in colour, in a
 * tooltip and in words for a screen reader, until it is edited: for rows
 * that take a date or something else, such as a timetable's "Due".
 */
void
rp_entry_row_mark_error (AdwEntryRow *row,
                         const char  *message)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (message != NULL);

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);

  if (!g_signal_handler_find (row, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_changed, NULL))
    g_signal_connect (row, "changed", G_CALLBACK (on_changed), NULL);
}

static void
rp_date_row_class_init (RpDateRowClass *klass)
{
}

static void
rp_date_row_init (RpDateRow *self)
{
  g_signal_connect (self, "changed", G_CALLBACK (on_changed), NULL);
}

GtkWidget *
rp_date_row_new (void)
{
  return g_object_new (RP_TYPE_DATE_ROW, NULL);
}

/**
 * rp_date_row_set_iso:
 * @iso: (nullable): an ISO date, or %NULL for no date
 *
 * Shows @iso the way people here write a date, "27/09/2023".
 */
void
rp_date_row_set_iso (RpDateRow  *self,
                     const char *iso)
{
  g_autofree char *text = NULL;

  g_return_if_fail (RP_IS_DATE_ROW (self));

  text = rp_date_format_numeric (iso);
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
  clear_error (ADW_ENTRY_ROW (self));
}

/**
 * rp_date_row_dup_iso:
 * @error: why what was typed is not a date
 *
 * Reads the date typed. When it is not a real date the row is marked as
 * wrong, in colour, in a tooltip and in words for a screen reader, until
 * it is edited.
 *
 * Returns: (transfer full) (nullable): the ISO date, or %NULL with no error
 *   when the row is blank
 */
char *
rp_date_row_dup_iso (RpDateRow  *self,
                     GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (RP_IS_DATE_ROW (self), NULL);

  iso = rp_date_normalise (gtk_editable_get_text (GTK_EDITABLE (self)), &local_error);
  if (local_error != NULL)
    {
      rp_entry_row_mark_error (ADW_ENTRY_ROW (self), local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  clear_error (ADW_ENTRY_ROW (self));
  return g_steal_pointer (&iso);
}
