/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-date-row.c: an entry row for a date, typed and shown as dd/mm/yyyy, kept as ISO */

#include "config.h"

#include "rp-core.h"
#include "rp-date-row.h"
#include "rp-field-message.h"

struct _RpDateRow
{
  AdwEntryRow parent_instance;
};

G_DEFINE_FINAL_TYPE (RpDateRow, rp_date_row, ADW_TYPE_ENTRY_ROW)

/* Editing the date again takes the mark away: it is no longer the date that was wrong. */
static void
on_changed (RpDateRow *self)
{
  rp_row_clear_error (ADW_PREFERENCES_ROW (self));
}

/**
 * rp_entry_row_mark_error:
 * @row: a row where something that is not a real date was typed
 * @message: why, in words
 *
 * Marks @row as wrong the way an #RpDateRow marks itself, in colour, in a
 * line of words under it and for a screen reader, until it is edited: for
 * rows that take a date or something else, such as a timetable's "Due".
 */
void
rp_entry_row_mark_error (AdwEntryRow *row,
                         const char  *message)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (message != NULL);

  rp_row_mark_error (ADW_PREFERENCES_ROW (row), message);
}

static void
rp_date_row_class_init (RpDateRowClass *klass)
{
}

static void
rp_date_row_init (RpDateRow *self)
{
  /* A wrong date is said under the field: room is made before it is shown. */
  rp_row_add_message_line (ADW_PREFERENCES_ROW (self));
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
  rp_row_clear_error (ADW_PREFERENCES_ROW (self));
}

/**
 * rp_date_row_dup_iso:
 * @error: why what was typed is not a date
 *
 * Reads the date typed. When it is not a real date the row is marked as
 * wrong, in colour, in a line of words under it and for a screen reader,
 * until it is edited.
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

  rp_row_clear_error (ADW_PREFERENCES_ROW (self));
  return g_steal_pointer (&iso);
}
