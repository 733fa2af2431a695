/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-record-row.c: one record of a list window, opened to edit its fields in place
 *
 * Each field's editor is tied to a property of a draft copy of the record:
 * an edit confirmed (Enter or the tick, a switch turned, a choice made)
 * writes it into the draft and the row says "edited"; the window saves the
 * draft. A draft that is refused keeps what was typed. */

#include "config.h"

#include "rp-record-row.h"

struct _RpRecordRow
{
  AdwExpanderRow  parent_instance;

  GObject        *draft;
};

G_DEFINE_FINAL_TYPE (RpRecordRow, rp_record_row, ADW_TYPE_EXPANDER_ROW)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * rp_record_copy_values:
 *
 * Gives @to the values of @from, a record of the same type; each property
 * notifies only if it changed.
 */
void
rp_record_copy_values (GObject *to,
                       GObject *from)
{
  guint n_specs;
  g_autofree GParamSpec **specs = NULL;

  g_return_if_fail (G_IS_OBJECT (to));
  g_return_if_fail (G_OBJECT_TYPE (to) == G_OBJECT_TYPE (from));

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (specs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (from, specs[i]->name, &value);
      g_object_set_property (to, specs[i]->name, &value);
    }
}

/* @property: an interned string */
static void
on_entry_applied (AdwEntryRow *entry,
                  const char  *property)
{
  RpRecordRow *self = RP_RECORD_ROW (gtk_widget_get_ancestor (GTK_WIDGET (entry), RP_TYPE_RECORD_ROW));

  g_object_set (self->draft, property, gtk_editable_get_text (GTK_EDITABLE (entry)), NULL);
  g_signal_emit (self, signals[EDITED], 0);
}

/**
 * rp_record_row_add_entry:
 * @property: the draft's string property the entry edits
 *
 * Returns: (transfer none): the entry, added to the row
 */
AdwEntryRow *
rp_record_row_add_entry (RpRecordRow *self,
                         const char  *property,
                         const char  *title)
{
  GtkWidget *entry;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RP_IS_RECORD_ROW (self), NULL);

  g_object_get (self->draft, property, &text, NULL);
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_signal_connect (entry, "apply", G_CALLBACK (on_entry_applied), (gpointer) g_intern_string (property));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), entry);

  return ADW_ENTRY_ROW (entry);
}

static void
on_value_changed (RpRecordRow *self)
{
  g_signal_emit (self, signals[EDITED], 0);
}

/**
 * rp_record_row_add_switch:
 * @property: the draft's boolean property the switch turns
 * @subtitle: (nullable): a line saying what it means
 *
 * Returns: (transfer none): the switch, in a row added to the row
 */
GtkSwitch *
rp_record_row_add_switch (RpRecordRow *self,
                          const char  *property,
                          const char  *title,
                          const char  *subtitle)
{
  GtkWidget *row, *toggle;

  g_return_val_if_fail (RP_IS_RECORD_ROW (self), NULL);

  row = adw_action_row_new ();
  toggle = gtk_switch_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_bind_property (self->draft, property, toggle, "active", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_value_changed), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  return GTK_SWITCH (toggle);
}

static gboolean
position_to_enum (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_enum (to, (int) g_value_get_uint (from));
  return TRUE;
}

static gboolean
enum_to_position (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

/**
 * rp_record_row_add_combo:
 * @property: the draft's enum property, its values numbered from 0
 * @labels: what each value is called, in order
 *
 * Returns: (transfer none): the combo row, added to the row
 */
AdwComboRow *
rp_record_row_add_combo (RpRecordRow *self,
                         const char  *property,
                         const char  *title,
                         GListModel  *labels)
{
  GtkWidget *combo;

  g_return_val_if_fail (RP_IS_RECORD_ROW (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (labels), NULL);

  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), labels);
  g_object_bind_property_full (self->draft, property, combo, "selected", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               enum_to_position, position_to_enum, NULL, NULL);
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (on_value_changed), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), combo);

  return ADW_COMBO_ROW (combo);
}

/**
 * rp_record_row_get_draft:
 *
 * Returns: (transfer none): the record as edited in the row
 */
GObject *
rp_record_row_get_draft (RpRecordRow *self)
{
  g_return_val_if_fail (RP_IS_RECORD_ROW (self), NULL);

  return self->draft;
}

static void
rp_record_row_dispose (GObject *object)
{
  RpRecordRow *self = RP_RECORD_ROW (object);

  g_clear_object (&self->draft);

  G_OBJECT_CLASS (rp_record_row_parent_class)->dispose (object);
}

static void
rp_record_row_class_init (RpRecordRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rp_record_row_dispose;

  /**
   * RpRecordRow::edited:
   *
   * An edit was confirmed and is in the draft.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rp_record_row_init (RpRecordRow *self)
{
}

/**
 * rp_record_row_new:
 * @record: the record as stored; the row edits a copy
 */
RpRecordRow *
rp_record_row_new (GObject *record)
{
  RpRecordRow *self;

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  self = g_object_new (RP_TYPE_RECORD_ROW, NULL);
  self->draft = g_object_new (G_OBJECT_TYPE (record), NULL);
  rp_record_copy_values (self->draft, record);

  return self;
}
