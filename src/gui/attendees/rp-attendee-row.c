/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-row.c: one attendee's row of an RpAttendeeTable
 *
 * The row puts each cell where the table's header for it lies. Its size never
 * depends on what it shows, so a new search, sort or scroll only draws rows
 * again; it does not measure them.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-attendee-row.h"
#include "rp-cell-text.h"
#include "rp-moving-plan.h"
#include "rp-step-dots.h"

struct _RpAttendeeRow
{
  GtkWidget  parent_instance;

  GtkWidget *attention;                       /* an icon, faded out when there is nothing to say */
  char      *attention_text;
  GtkWidget *dots;
  GtkWidget *cells[RP_ATTENDEE_N_COLUMNS];    /* RpCellText; none for the marker */
};

G_DEFINE_FINAL_TYPE (RpAttendeeRow, rp_attendee_row, GTK_TYPE_WIDGET)

static RpAttendeeTable *
get_table (RpAttendeeRow *self)
{
  return RP_ATTENDEE_TABLE (gtk_widget_get_ancestor (GTK_WIDGET (self), RP_TYPE_ATTENDEE_TABLE));
}

static int
natural_height (GtkWidget *child)
{
  int height;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  return height;
}

static void
rp_attendee_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RpAttendeeRow *self = RP_ATTENDEE_ROW (widget);
  RpAttendeeTable *table = get_table (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = table != NULL ? rp_attendee_table_get_row_width (table) : 0;
      return;
    }

  *minimum = MAX (natural_height (self->attention), natural_height (self->dots));
  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    if (self->cells[i] != NULL)
      *minimum = MAX (*minimum, natural_height (self->cells[i]));
  *natural = *minimum;
}

/* Centred in the height of the row, at its natural height. */
static void
allocate_centred (GtkWidget *child,
                  int        x,
                  int        width,
                  int        row_height)
{
  int height = MIN (natural_height (child), row_height);

  gtk_widget_size_allocate (child, &(GtkAllocation) { x, (row_height - height) / 2, MAX (width, 0), height }, -1);
}

static void
rp_attendee_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  RpAttendeeRow *self = RP_ATTENDEE_ROW (widget);
  RpAttendeeTable *table = get_table (self);

  if (table == NULL)
    return;

  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    {
      int x, column_width, content_x, content_width;

      rp_attendee_table_get_column_span (table, i, width, &x, &column_width);
      content_x = x + RP_ATTENDEE_CELL_PADDING;
      content_width = column_width - 2 * RP_ATTENDEE_CELL_PADDING;

      if (i == RP_ATTENDEE_COLUMN_ATTENTION)
        {
          int icon_width;

          gtk_widget_measure (self->attention, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &icon_width, NULL, NULL);
          allocate_centred (self->attention, x + (column_width - icon_width) / 2, icon_width, height);
          continue;
        }

      if (i == RP_ATTENDEE_COLUMN_STEP)
        {
          allocate_centred (self->dots, content_x, RP_STEP_DOTS_WIDTH, height);
          content_x += RP_STEP_DOTS_WIDTH + RP_ATTENDEE_STEP_SPACING;
          content_width -= RP_STEP_DOTS_WIDTH + RP_ATTENDEE_STEP_SPACING;
        }

      gtk_widget_size_allocate (self->cells[i], &(GtkAllocation) { content_x, 0, MAX (content_width, 0), height }, -1);
    }
}

/* Looked up when asked for: setting a tooltip on every bind costs an X round trip. */
static gboolean
on_attention_query_tooltip (GtkWidget     *widget,
                            int            x,
                            int            y,
                            gboolean       keyboard,
                            GtkTooltip    *tooltip,
                            RpAttendeeRow *self)
{
  if (self->attention_text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->attention_text);
  return TRUE;
}

static void
rp_attendee_row_dispose (GObject *object)
{
  RpAttendeeRow *self = RP_ATTENDEE_ROW (object);

  g_clear_pointer (&self->attention, gtk_widget_unparent);
  g_clear_pointer (&self->dots, gtk_widget_unparent);
  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    g_clear_pointer (&self->cells[i], gtk_widget_unparent);

  G_OBJECT_CLASS (rp_attendee_row_parent_class)->dispose (object);
}

static void
rp_attendee_row_finalize (GObject *object)
{
  RpAttendeeRow *self = RP_ATTENDEE_ROW (object);

  g_clear_pointer (&self->attention_text, g_free);

  G_OBJECT_CLASS (rp_attendee_row_parent_class)->finalize (object);
}

static void
rp_attendee_row_class_init (RpAttendeeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_attendee_row_dispose;
  object_class->finalize = rp_attendee_row_finalize;

  widget_class->measure = rp_attendee_row_measure;
  widget_class->size_allocate = rp_attendee_row_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "attendeerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
rp_attendee_row_init (RpAttendeeRow *self)
{
  self->attention = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->attention, "attention");
  gtk_widget_set_has_tooltip (self->attention, TRUE);
  g_signal_connect (self->attention, "query-tooltip", G_CALLBACK (on_attention_query_tooltip), self);
  gtk_widget_set_parent (self->attention, GTK_WIDGET (self));
  gtk_widget_set_opacity (self->attention, 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->attention), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    {
      if (i == RP_ATTENDEE_COLUMN_ATTENTION)
        continue;

      if (i == RP_ATTENDEE_COLUMN_STEP)
        {
          self->dots = rp_step_dots_new ();
          /* The step's cell says it in words. */
          gtk_accessible_update_state (GTK_ACCESSIBLE (self->dots), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          gtk_widget_set_parent (self->dots, GTK_WIDGET (self));
        }

      /* The table gives each cell its width; it asks for little of its own. */
      self->cells[i] = g_object_new (RP_TYPE_CELL_TEXT,
                                     "width-chars", 1,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_CELL,
                                     NULL);
      rp_cell_text_set_heading (RP_CELL_TEXT (self->cells[i]), rp_attendee_table_get_column_title (i));
      gtk_widget_set_parent (self->cells[i], GTK_WIDGET (self));
    }
}

GtkWidget *
rp_attendee_row_new (void)
{
  return g_object_new (RP_TYPE_ATTENDEE_ROW, NULL);
}

void
rp_attendee_row_set_text (RpAttendeeRow    *self,
                          RpAttendeeColumn  column,
                          const char       *text)
{
  g_return_if_fail (RP_IS_ATTENDEE_ROW (self));
  g_return_if_fail (column < RP_ATTENDEE_N_COLUMNS && column != RP_ATTENDEE_COLUMN_ATTENTION);

  rp_cell_text_set_text (RP_CELL_TEXT (self->cells[column]), text);

  /* The row, and the grid's cell around it, are named after the person;
   * unnamed, a screen reader would read out their type names. */
  if (column == RP_ATTENDEE_COLUMN_NUMBER || column == RP_ATTENDEE_COLUMN_NAME)
    {
      const char *number = rp_cell_text_get_text (RP_CELL_TEXT (self->cells[RP_ATTENDEE_COLUMN_NUMBER]));
      const char *name = rp_cell_text_get_text (RP_CELL_TEXT (self->cells[RP_ATTENDEE_COLUMN_NAME]));
      /* Translators: an attendee's row as a screen reader names it: their number, then their name */
      g_autofree char *label = g_strdup_printf (_("%s, %s"), number != NULL ? number : "", name != NULL ? name : "");
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      if (parent != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

/**
 * rp_attendee_row_get_text:
 *
 * Returns: (nullable): what the cell of @column shows; %NULL for the marker
 */
const char *
rp_attendee_row_get_text (RpAttendeeRow    *self,
                          RpAttendeeColumn  column)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_ROW (self), NULL);
  g_return_val_if_fail (column < RP_ATTENDEE_N_COLUMNS, NULL);

  if (column == RP_ATTENDEE_COLUMN_ATTENTION)
    return self->attention_text;

  return rp_cell_text_get_text (RP_CELL_TEXT (self->cells[column]));
}

/**
 * rp_attendee_row_set_step:
 * @text: the step's number and name
 */
void
rp_attendee_row_set_step (RpAttendeeRow *self,
                          int            step,
                          const char    *text)
{
  g_return_if_fail (RP_IS_ATTENDEE_ROW (self));

  rp_step_dots_set_step (RP_STEP_DOTS (self->dots), step);
  if (g_strcmp0 (text, rp_cell_text_get_text (RP_CELL_TEXT (self->cells[RP_ATTENDEE_COLUMN_STEP]))) != 0)
    {
      g_autofree char *spoken = NULL;

      rp_cell_text_set_text (RP_CELL_TEXT (self->cells[RP_ATTENDEE_COLUMN_STEP]), text);
      /* Translators: the step cell of the attendee list as a screen reader reads it, for example
       * "Step on Moving Plan: 2 of 6, Contact with people to commence discussion" */
      spoken = g_strdup_printf (_("%s: %d of 6, %s"), rp_attendee_table_get_column_title (RP_ATTENDEE_COLUMN_STEP),
                                step, rp_moving_plan_step_name (step));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->cells[RP_ATTENDEE_COLUMN_STEP]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    }
}

/**
 * rp_attendee_row_set_attention:
 * @description: (nullable): why the attendee needs attention; %NULL if they do not
 */
void
rp_attendee_row_set_attention (RpAttendeeRow *self,
                               const char    *description)
{
  g_return_if_fail (RP_IS_ATTENDEE_ROW (self));

  /* Most rows rebound by a search or sort have nothing new to say. */
  if (g_strcmp0 (self->attention_text, description) == 0)
    return;

  g_free (self->attention_text);
  self->attention_text = g_strdup (description);

  /* Faded rather than hidden: hiding would change the row's size. */
  gtk_widget_set_opacity (self->attention, description != NULL ? 1.0 : 0.0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->attention), GTK_ACCESSIBLE_STATE_HIDDEN, description == NULL, -1);
  if (description != NULL)
    {
      g_autofree char *spoken = g_strdup_printf (_("%s: %s"), rp_attendee_table_get_column_title (RP_ATTENDEE_COLUMN_ATTENTION),
                                                 description);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->attention), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    }
}
