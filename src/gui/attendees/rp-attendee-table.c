/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-table.c: the attendees as a table: column headers that sort, and rows
 *
 * Why not GtkColumnView: in GTK 4.8 a list view keeps 200 rows built,
 * measured and laid out whatever its height, and a column view adds a widget
 * per cell. At 100,000 attendees that made the first frame, every scrolled
 * frame and the memory of the Attendees view several times what they need to
 * be. A grid view of one column keeps only the rows in sight and a few more,
 * and each RpAttendeeRow lays out its cells itself, at the places this table
 * gives them under its headers.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-attendee-table.h"
#include "rp-cell-text.h"
#include "rp-step-dots.h"

/* The marker column holds one icon. */
#define MARKER_WIDTH 40

static const struct
{
  const char *id;
  const char *title;
  gboolean    expand;       /* shares out the width the columns do not need */
  int         width_chars;  /* in characters of the font, so the columns grow as text is scaled */
} column_specs[RP_ATTENDEE_N_COLUMNS] = {
  [RP_ATTENDEE_COLUMN_ATTENTION] = { "attention", N_("Attention"), FALSE, 0 },
  [RP_ATTENDEE_COLUMN_NUMBER]    = { "number", N_("No"), FALSE, 3 },
  [RP_ATTENDEE_COLUMN_NAME]      = { "name", N_("Name"), TRUE, 18 },
  [RP_ATTENDEE_COLUMN_STATUS]    = { "status", N_("Status"), FALSE, 5 },
  [RP_ATTENDEE_COLUMN_WORKER]    = { "worker", N_("Worker"), FALSE, 14 },
  [RP_ATTENDEE_COLUMN_STEP]      = { "step", N_("Step on Moving Plan"), TRUE, 18 },
  [RP_ATTENDEE_COLUMN_DAYS]      = { "days", N_("Days at Step"), FALSE, 4 },
  [RP_ATTENDEE_COLUMN_TARGET]    = { "target", N_("Target Date"), FALSE, 10 },
  [RP_ATTENDEE_COLUMN_OUTCOME]   = { "outcome", N_("Outcome"), FALSE, 16 },
};

struct _RpAttendeeTable
{
  GtkWidget          parent_instance;

  GtkWidget         *headers[RP_ATTENDEE_N_COLUMNS];  /* buttons */
  GtkImage          *arrows[RP_ATTENDEE_N_COLUMNS];
  int                widths[RP_ATTENDEE_N_COLUMNS];  /* each column's own width, before sharing out */
  int                row_width;                      /* their sum: narrower, the table scrolls */
  RpAttendeeColumn   sort_column;
  gboolean           sort_descending;

  GtkScrolledWindow *scroller;
  GtkGridView       *grid;
};

G_DEFINE_FINAL_TYPE (RpAttendeeTable, rp_attendee_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SORT_COLUMN,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each column is as wide as its header or as so many characters of the
 * current font, whichever is wider. */
static void
measure_columns (RpAttendeeTable *self)
{
  int char_width = rp_cell_text_get_char_width (GTK_WIDGET (self));

  self->row_width = 0;
  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    {
      int header_width;
      int content_width = column_specs[i].width_chars > 0
                          ? char_width * column_specs[i].width_chars + 2 * RP_ATTENDEE_CELL_PADDING
                          : MARKER_WIDTH;

      if (i == RP_ATTENDEE_COLUMN_STEP)
        content_width += RP_STEP_DOTS_WIDTH + RP_ATTENDEE_STEP_SPACING;

      gtk_widget_measure (self->headers[i], GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &header_width, NULL, NULL);
      self->widths[i] = MAX (header_width, content_width);
      self->row_width += self->widths[i];
    }
}

static void
rp_attendee_table_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RpAttendeeTable *self = RP_ATTENDEE_TABLE (widget);
  int scroller_min, scroller_nat;

  measure_columns (self);
  gtk_widget_measure (GTK_WIDGET (self->scroller), orientation, -1, &scroller_min, &scroller_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrower than its columns, the table scrolls sideways, headers and all. */
      *minimum = scroller_min;
      *natural = MAX (scroller_nat, self->row_width);
    }
  else
    {
      int header_height = 0;

      for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
        {
          int height;

          gtk_widget_measure (self->headers[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
          header_height = MAX (header_height, height);
        }

      *minimum = header_height + scroller_min;
      *natural = header_height + scroller_nat;
    }
}

static void
rp_attendee_table_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RpAttendeeTable *self = RP_ATTENDEE_TABLE (widget);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  int header_height = 0;
  int row_width;
  int scrolled;

  measure_columns (self);
  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    {
      int header_min, header_nat;

      gtk_widget_measure (self->headers[i], GTK_ORIENTATION_VERTICAL, -1,
                          &header_min, &header_nat, NULL, NULL);
      header_height = MAX (header_height, header_nat);
    }

  gtk_widget_allocate (GTK_WIDGET (self->scroller), width, MAX (height - header_height, 0), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, header_height)));

  /* The headers lie over the rows as the grid lays them out, and follow it sideways. */
  row_width = MAX (gtk_widget_get_width (GTK_WIDGET (self->grid)), self->row_width);
  scrolled = (int) gtk_adjustment_get_value (hadjustment);
  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    {
      int x, column_width;

      rp_attendee_table_get_column_span (self, i, row_width, &x, &column_width);
      gtk_widget_allocate (self->headers[i], column_width, header_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x - scrolled, 0)));
    }
}

static void
update_headers (RpAttendeeTable *self)
{
  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    {
      gboolean sorted = i == self->sort_column;
      GtkAccessibleSort sort = !sorted ? GTK_ACCESSIBLE_SORT_NONE
                               : self->sort_descending ? GTK_ACCESSIBLE_SORT_DESCENDING
                               : GTK_ACCESSIBLE_SORT_ASCENDING;

      /* Faded rather than hidden, so a header keeps its width. */
      gtk_image_set_from_icon_name (self->arrows[i], self->sort_descending && sorted ? "pan-down-symbolic"
                                                                                      : "pan-up-symbolic");
      gtk_widget_set_opacity (GTK_WIDGET (self->arrows[i]), sorted ? 1.0 : 0.0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->headers[i]), GTK_ACCESSIBLE_PROPERTY_SORT, sort, -1);
    }
}

/* A click on a header sorts by its column; a second click turns the order round. */
static void
on_header_clicked (GtkButton       *button,
                   RpAttendeeTable *self)
{
  RpAttendeeColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));

  rp_attendee_table_set_sort (self, column_specs[column].id,
                              column == self->sort_column ? !self->sort_descending : FALSE);
}

/**
 * rp_attendee_table_get_column_title:
 *
 * Returns: the translated title of @column's header
 */
const char *
rp_attendee_table_get_column_title (RpAttendeeColumn column)
{
  g_return_val_if_fail (column < RP_ATTENDEE_N_COLUMNS, NULL);

  return _(column_specs[column].title);
}

static void
on_grid_activate (RpAttendeeTable *self,
                  guint            position)
{
  g_signal_emit (self, signals[ACTIVATE], 0, position);
}

static gboolean
rp_attendee_table_grab_focus (GtkWidget *widget)
{
  RpAttendeeTable *self = RP_ATTENDEE_TABLE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static void
rp_attendee_table_dispose (GObject *object)
{
  RpAttendeeTable *self = RP_ATTENDEE_TABLE (object);

  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    {
      self->arrows[i] = NULL;
      g_clear_pointer (&self->headers[i], gtk_widget_unparent);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_ATTENDEE_TABLE);

  G_OBJECT_CLASS (rp_attendee_table_parent_class)->dispose (object);
}

static void
rp_attendee_table_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RpAttendeeTable *self = RP_ATTENDEE_TABLE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, rp_attendee_table_get_model (self));
      break;

    case PROP_SORT_COLUMN:
      g_value_set_string (value, rp_attendee_table_get_sort_column (self));
      break;

    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_attendee_table_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RpAttendeeTable *self = RP_ATTENDEE_TABLE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      rp_attendee_table_set_model (self, g_value_get_object (value));
      break;

    case PROP_SORT_COLUMN:
      rp_attendee_table_set_sort (self, g_value_get_string (value), self->sort_descending);
      break;

    case PROP_SORT_DESCENDING:
      rp_attendee_table_set_sort (self, column_specs[self->sort_column].id, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_attendee_table_class_init (RpAttendeeTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_attendee_table_dispose;
  object_class->get_property = rp_attendee_table_get_property;
  object_class->set_property = rp_attendee_table_set_property;

  widget_class->measure = rp_attendee_table_measure;
  widget_class->size_allocate = rp_attendee_table_size_allocate;
  widget_class->grab_focus = rp_attendee_table_grab_focus;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_COLUMN] =
    g_param_spec_string ("sort-column", NULL, NULL, "number",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpAttendeeTable::activate:
   * @position: the row activated, by a double click or Enter
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/attendees/rp-attendee-table.ui");
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, RpAttendeeTable, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate);

  gtk_widget_class_set_css_name (widget_class, "attendeetable");
}

static void
rp_attendee_table_init (RpAttendeeTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The headers sit over the rows, so what scrolls past them is cut off. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    {
      const char *title = _(column_specs[i].title);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (i == RP_ATTENDEE_COLUMN_ATTENTION ? NULL : title);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-up-symbolic");
      GtkWidget *header = g_object_new (GTK_TYPE_BUTTON,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                                        "child", box,
                                        NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), arrow);

      gtk_widget_add_css_class (header, "column-header");
      gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (header), "column", GUINT_TO_POINTER (i));
      g_signal_connect (header, "clicked", G_CALLBACK (on_header_clicked), self);

      /* Before the rows, so Tab reaches the headers first. */
      gtk_widget_insert_before (header, GTK_WIDGET (self), GTK_WIDGET (self->scroller));
      self->headers[i] = header;
      self->arrows[i] = GTK_IMAGE (arrow);
    }

  self->sort_column = RP_ATTENDEE_COLUMN_NUMBER;
  update_headers (self);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "value-changed",
                           G_CALLBACK (gtk_widget_queue_allocate), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rp_attendee_table_new (void)
{
  return g_object_new (RP_TYPE_ATTENDEE_TABLE, NULL);
}

/**
 * rp_attendee_table_get_model:
 *
 * Returns: (transfer none) (nullable): the rows shown
 */
GtkSelectionModel *
rp_attendee_table_get_model (RpAttendeeTable *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_TABLE (self), NULL);

  return gtk_grid_view_get_model (self->grid);
}

void
rp_attendee_table_set_model (RpAttendeeTable   *self,
                             GtkSelectionModel *model)
{
  g_return_if_fail (RP_IS_ATTENDEE_TABLE (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (gtk_grid_view_get_model (self->grid) == model)
    return;

  gtk_grid_view_set_model (self->grid, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * rp_attendee_table_set_factory:
 * @factory: makes and fills the rows, each an RpAttendeeRow
 */
void
rp_attendee_table_set_factory (RpAttendeeTable    *self,
                               GtkListItemFactory *factory)
{
  g_return_if_fail (RP_IS_ATTENDEE_TABLE (self));
  g_return_if_fail (factory == NULL || GTK_IS_LIST_ITEM_FACTORY (factory));

  gtk_grid_view_set_factory (self->grid, factory);
}

/**
 * rp_attendee_table_get_sort_column:
 *
 * Returns: the id of the column the rows are sorted by: "attention",
 *   "number", "name", "status", "worker", "step", "days", "target" or "outcome"
 */
const char *
rp_attendee_table_get_sort_column (RpAttendeeTable *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_TABLE (self), NULL);

  return column_specs[self->sort_column].id;
}

gboolean
rp_attendee_table_get_sort_descending (RpAttendeeTable *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_TABLE (self), FALSE);

  return self->sort_descending;
}

/**
 * rp_attendee_table_set_sort:
 * @column_id: see rp_attendee_table_get_sort_column()
 *
 * Marks the column the rows are sorted by, as a click on its header does;
 * whoever fills the model sorts it, when told by the notifications.
 *
 * Returns: %FALSE if there is no column @column_id
 */
gboolean
rp_attendee_table_set_sort (RpAttendeeTable *self,
                            const char      *column_id,
                            gboolean         descending)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_TABLE (self), FALSE);

  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    {
      gboolean column_changed, order_changed;

      if (g_strcmp0 (column_specs[i].id, column_id) != 0)
        continue;

      descending = !!descending;
      column_changed = self->sort_column != i;
      order_changed = self->sort_descending != descending;
      if (!column_changed && !order_changed)
        return TRUE;

      self->sort_column = i;
      self->sort_descending = descending;
      update_headers (self);

      g_object_freeze_notify (G_OBJECT (self));
      if (column_changed)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_COLUMN]);
      if (order_changed)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
      g_object_thaw_notify (G_OBJECT (self));
      return TRUE;
    }

  return FALSE;
}

/**
 * rp_attendee_table_get_vadjustment:
 *
 * Returns: (transfer none): the adjustment that scrolls the rows
 */
GtkAdjustment *
rp_attendee_table_get_vadjustment (RpAttendeeTable *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_TABLE (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/**
 * rp_attendee_table_get_row_width:
 *
 * Returns: the width a row needs for all its columns
 */
int
rp_attendee_table_get_row_width (RpAttendeeTable *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_TABLE (self), 0);

  return self->row_width;
}

/**
 * rp_attendee_table_get_column_span:
 * @row_width: the width of the row, at least rp_attendee_table_get_row_width()
 * @x: (out): where @column starts
 * @width: (out): its width, padding included
 *
 * A row wider than its columns need shares the rest among the columns that
 * expand, the name and the step; the headers above are laid out the same way.
 */
void
rp_attendee_table_get_column_span (RpAttendeeTable  *self,
                                   RpAttendeeColumn  column,
                                   int               row_width,
                                   int              *x,
                                   int              *width)
{
  int spare, n_expanding = 0, nth_expanding = 0;

  g_return_if_fail (RP_IS_ATTENDEE_TABLE (self));
  g_return_if_fail (column < RP_ATTENDEE_N_COLUMNS);

  spare = MAX (row_width - self->row_width, 0);
  for (guint i = 0; i < RP_ATTENDEE_N_COLUMNS; i++)
    n_expanding += column_specs[i].expand;

  *x = 0;
  for (guint i = 0; i <= column; i++)
    {
      int share = 0;

      /* The last column to expand takes what division leaves over. */
      if (column_specs[i].expand)
        share = ++nth_expanding == n_expanding ? spare - (spare / n_expanding) * (n_expanding - 1)
                                               : spare / n_expanding;

      *width = self->widths[i] + share;
      if (i < column)
        *x += *width;
    }
}
