/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-cell-text.c: one line of text in a list cell, sized by the column, not by the text
 *
 * A GtkLabel asks for the size of its text, so every change of text in a list
 * of 100,000 rows re-measures the row, the column and the window: in GTK 4.8
 * that is most of the cost of a keystroke of search. This cell asks for a
 * width of so many characters and one line of the current font, whatever its
 * text; a new text is only drawn again. Text that does not fit is ellipsized,
 * and shown whole in a tooltip. It scales with the font.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-cell-text.h"

struct _RpCellText
{
  GtkWidget    parent_instance;

  char        *text;
  char        *heading;       /* the column's title, read before the text by screen readers */
  int          width_chars;
  PangoLayout *layout;        /* made when first drawn, for the current text and width */
  int          layout_width;
  int          char_width;    /* from the font's metrics, in pixels; 0 until measured */
  int          line_height;
  PangoFontDescription *font; /* what the metrics were taken from */
  double       resolution;
};

G_DEFINE_FINAL_TYPE (RpCellText, rp_cell_text, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
char_width_of (PangoFontMetrics *metrics)
{
  return PANGO_PIXELS_CEIL (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                 pango_font_metrics_get_approximate_digit_width (metrics)));
}

static void
ensure_metrics (RpCellText *self)
{
  PangoContext *context;
  PangoFontMetrics *metrics;

  if (self->char_width > 0)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  self->resolution = pango_cairo_context_get_resolution (context);
  metrics = pango_context_get_metrics (context, NULL, NULL);
  self->char_width = char_width_of (metrics);
  self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  if (self->line_height <= 0)
    self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                           pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
}

static void
rp_cell_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  RpCellText *self = RP_CELL_TEXT (widget);

  ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->char_width * self->width_chars;
  else
    *minimum = *natural = self->line_height;
}

static void
rp_cell_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  RpCellText *self = RP_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA color;
  int layout_height;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      self->layout_width = -1;
    }
  if (self->layout_width != width)
    {
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      self->layout_width = width;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  pango_layout_get_pixel_size (self->layout, NULL, &layout_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - layout_height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* A new font (text scaled, or another theme) changes the size asked for; a
 * new colour, as when a row is hovered or selected, only needs drawing. */
static void
rp_cell_text_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  RpCellText *self = RP_CELL_TEXT (widget);
  PangoContext *context;

  GTK_WIDGET_CLASS (rp_cell_text_parent_class)->css_changed (widget, change);

  context = gtk_widget_get_pango_context (widget);
  if (self->font != NULL &&
      pango_font_description_equal (self->font, pango_context_get_font_description (context)) &&
      self->resolution == pango_cairo_context_get_resolution (context))
    return;

  self->char_width = 0;
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static gboolean
rp_cell_text_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  RpCellText *self = RP_CELL_TEXT (widget);

  if (self->layout == NULL || !pango_layout_is_ellipsized (self->layout))
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
rp_cell_text_finalize (GObject *object)
{
  RpCellText *self = RP_CELL_TEXT (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->heading, g_free);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (rp_cell_text_parent_class)->finalize (object);
}

static void
rp_cell_text_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RpCellText *self = RP_CELL_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_WIDTH_CHARS:
      g_value_set_int (value, self->width_chars);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_cell_text_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RpCellText *self = RP_CELL_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      rp_cell_text_set_text (self, g_value_get_string (value));
      break;

    case PROP_WIDTH_CHARS:
      self->width_chars = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_cell_text_class_init (RpCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rp_cell_text_finalize;
  object_class->get_property = rp_cell_text_get_property;
  object_class->set_property = rp_cell_text_set_property;

  widget_class->measure = rp_cell_text_measure;
  widget_class->snapshot = rp_cell_text_snapshot;
  widget_class->css_changed = rp_cell_text_css_changed;
  widget_class->query_tooltip = rp_cell_text_query_tooltip;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH_CHARS] =
    g_param_spec_int ("width-chars", NULL, NULL, 1, 200, 8,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rp_cell_text_init (RpCellText *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
rp_cell_text_new (int width_chars)
{
  return g_object_new (RP_TYPE_CELL_TEXT, "width-chars", width_chars, NULL);
}

/* A screen reader reads "Target Date: 15 Jan 2024" cell by cell, as the
 * table's headers are not announced for cells of our own drawing. */
static void
update_accessible_label (RpCellText *self)
{
  g_autofree char *label = NULL;
  gboolean empty = self->text == NULL || self->text[0] == '\0' || g_str_equal (self->text, "–");

  if (self->heading == NULL)
    label = g_strdup (self->text != NULL ? self->text : "");
  else
    /* Translators: a table cell as a screen reader reads it: the column's title, then what the cell holds */
    label = g_strdup_printf (_("%s: %s"), self->heading, empty ? _("not set") : self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * rp_cell_text_set_heading:
 * @heading: (nullable): the title of the cell's column
 *
 * Screen readers then read the cell as "HEADING: TEXT".
 */
void
rp_cell_text_set_heading (RpCellText *self,
                          const char *heading)
{
  g_return_if_fail (RP_IS_CELL_TEXT (self));

  g_free (self->heading);
  self->heading = g_strdup (heading);
  update_accessible_label (self);
}

/**
 * rp_cell_text_set_text:
 *
 * Shows @text; the size asked for stays the same, so only the cell is drawn again.
 */
void
rp_cell_text_set_text (RpCellText *self,
                       const char *text)
{
  g_return_if_fail (RP_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);

  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
rp_cell_text_get_text (RpCellText *self)
{
  g_return_val_if_fail (RP_IS_CELL_TEXT (self), NULL);

  return self->text;
}

/**
 * rp_cell_text_get_char_width:
 * @widget: any widget, for its font
 *
 * Returns: the width in pixels of one of the characters cells count, in @widget's font
 */
int
rp_cell_text_get_char_width (GtkWidget *widget)
{
  PangoFontMetrics *metrics;
  int width;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);
  width = char_width_of (metrics);
  pango_font_metrics_unref (metrics);
  return width;
}
