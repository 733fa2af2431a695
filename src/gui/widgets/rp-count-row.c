/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-count-row.c: a list row that shows one figure beside its meaning */

#include "config.h"

#include "rp-count-row.h"

struct _RpCountRow
{
  AdwActionRow  parent_instance;

  GtkLabel     *value_label;
};

G_DEFINE_FINAL_TYPE (RpCountRow, rp_count_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_count_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RpCountRow *self = RP_COUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, rp_count_row_get_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_count_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RpCountRow *self = RP_COUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      rp_count_row_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_count_row_class_init (RpCountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rp_count_row_get_property;
  object_class->set_property = rp_count_row_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/widgets/rp-count-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RpCountRow, value_label);
}

static void
rp_count_row_init (RpCountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
rp_count_row_get_value (RpCountRow *self)
{
  g_return_val_if_fail (RP_IS_COUNT_ROW (self), NULL);

  return gtk_label_get_label (self->value_label);
}

void
rp_count_row_set_value (RpCountRow *self,
                        const char *value)
{
  g_return_if_fail (RP_IS_COUNT_ROW (self));

  if (g_strcmp0 (value, gtk_label_get_label (self->value_label)) == 0)
    return;

  gtk_label_set_label (self->value_label, value != NULL ? value : "");
  /* Screen readers read the row as one sentence: "Moved, 3". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value != NULL ? value : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

void
rp_count_row_set_count (RpCountRow *self,
                        guint       count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  rp_count_row_set_value (self, text);
}
