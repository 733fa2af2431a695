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
clear_error (RpDateRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Editing the date again takes the mark away: it is no longer the date that was wrong. */
static void
on_changed (RpDateRow *self)
{
  clear_error (self);
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
  GDate date;

  g_return_if_fail (RP_IS_DATE_ROW (self));

  g_date_clear (&date, 1);
  if (iso != NULL && rp_date_parse (iso, &date, NULL))
    {
      text = g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date),
                              g_date_get_month (&date), g_date_get_year (&date));
    }

  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
  clear_error (self);
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
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), local_error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, local_error->message,
                                      -1);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  clear_error (self);
  return g_steal_pointer (&iso);
}
