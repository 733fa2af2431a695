/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-communication-banner.c: the flag of a person's communication needs, on every screen about them
 *
 * The Accessible Information Standard asks that a person's communication
 * needs are flagged wherever their record is used. One widget says them
 * the same way on the attendee page, in the booking dialogue and in the
 * family's view: "Communication: Large print · Prefers phone. Family
 * contact: Polish interpreter". It hides itself when nothing is recorded,
 * and follows the attendee as it changes. */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-communication-banner.h"

struct _RpCommunicationBanner
{
  GtkWidget   parent_instance;

  RpAttendee *attendee;
  gulong      notify_id;
  char       *text;

  GtkWidget  *box;
  GtkWidget  *label;
};

G_DEFINE_FINAL_TYPE (RpCommunicationBanner, rp_communication_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ATTENDEE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (RpCommunicationBanner *self)
{
  g_autofree char *own = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *text = NULL;

  if (self->attendee != NULL)
    {
      own = rp_communication_flag_text (rp_attendee_get_communication_needs (self->attendee),
                                        rp_attendee_get_interpreter_language (self->attendee),
                                        rp_attendee_get_preferred_contact (self->attendee));
      contact = rp_communication_flag_text (rp_attendee_get_contact_communication_needs (self->attendee),
                                            rp_attendee_get_contact_interpreter_language (self->attendee),
                                            rp_attendee_get_contact_preferred_contact (self->attendee));
    }

  if (own != NULL && contact != NULL)
    /* Translators: the banner: "Danny: Large print · Prefers phone. Family contact: Polish interpreter" */
    text = g_strdup_printf (_("%s: %s. Family contact: %s"), rp_attendee_get_display_name (self->attendee), own, contact);
  else if (own != NULL)
    text = g_strdup_printf (_("%s: %s"), rp_attendee_get_display_name (self->attendee), own);
  else if (contact != NULL)
    /* Translators: the banner, for the family contact only: "Family contact: Large print" */
    text = g_strdup_printf (_("Family contact: %s"), contact);

  if (g_strcmp0 (text, self->text) == 0)
    return;

  g_free (self->text);
  self->text = g_steal_pointer (&text);
  gtk_label_set_text (GTK_LABEL (self->label), self->text != NULL ? self->text : "");
  gtk_widget_set_visible (GTK_WIDGET (self), self->text != NULL);
  /* A screen reader reads the flag as what it is, then the needs. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Communication needs"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text != NULL ? self->text : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
rp_communication_banner_dispose (GObject *object)
{
  RpCommunicationBanner *self = RP_COMMUNICATION_BANNER (object);

  rp_communication_banner_set_attendee (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (rp_communication_banner_parent_class)->dispose (object);
}

static void
rp_communication_banner_finalize (GObject *object)
{
  RpCommunicationBanner *self = RP_COMMUNICATION_BANNER (object);

  g_clear_pointer (&self->text, g_free);
  G_OBJECT_CLASS (rp_communication_banner_parent_class)->finalize (object);
}

static void
rp_communication_banner_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RpCommunicationBanner *self = RP_COMMUNICATION_BANNER (object);

  switch (prop_id)
    {
    case PROP_ATTENDEE:
      g_value_set_object (value, self->attendee);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_communication_banner_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RpCommunicationBanner *self = RP_COMMUNICATION_BANNER (object);

  switch (prop_id)
    {
    case PROP_ATTENDEE:
      rp_communication_banner_set_attendee (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_communication_banner_class_init (RpCommunicationBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rp_communication_banner_dispose;
  object_class->finalize = rp_communication_banner_finalize;
  object_class->get_property = rp_communication_banner_get_property;
  object_class->set_property = rp_communication_banner_set_property;

  properties[PROP_ATTENDEE] =
    g_param_spec_object ("attendee", NULL, NULL, RP_TYPE_ATTENDEE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "communication-banner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_NOTE);
}

static void
rp_communication_banner_init (RpCommunicationBanner *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->box, "communication-banner");

  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->box), icon);

  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->label), FALSE);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->label);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rp_communication_banner_new (void)
{
  return g_object_new (RP_TYPE_COMMUNICATION_BANNER, NULL);
}

RpAttendee *
rp_communication_banner_get_attendee (RpCommunicationBanner *self)
{
  g_return_val_if_fail (RP_IS_COMMUNICATION_BANNER (self), NULL);

  return self->attendee;
}

/**
 * rp_communication_banner_set_attendee:
 * @attendee: (nullable): whose needs to flag; followed as it changes
 */
void
rp_communication_banner_set_attendee (RpCommunicationBanner *self,
                                      RpAttendee            *attendee)
{
  g_return_if_fail (RP_IS_COMMUNICATION_BANNER (self));
  g_return_if_fail (attendee == NULL || RP_IS_ATTENDEE (attendee));

  if (self->attendee == attendee)
    return;

  if (self->attendee != NULL)
    g_clear_signal_handler (&self->notify_id, self->attendee);
  g_set_object (&self->attendee, attendee);
  if (attendee != NULL)
    self->notify_id = g_signal_connect_swapped (attendee, "notify", G_CALLBACK (update), self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEE]);
}

/**
 * rp_communication_banner_get_text:
 *
 * Returns: (nullable): what the banner says; %NULL while it is hidden
 */
const char *
rp_communication_banner_get_text (RpCommunicationBanner *self)
{
  g_return_val_if_fail (RP_IS_COMMUNICATION_BANNER (self), NULL);

  return self->text;
}
