/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-list-row.c: one position of an attendee list, and who is shown there
 *
 * A row stays at its position while the list is filtered or sorted again;
 * only its attendee changes. A list view then updates the rows it shows in
 * place instead of making new widgets for them (see rp-attendee-list.c).
 */

#include "config.h"

#include "rp-attendee-list-row-private.h"

struct _RpAttendeeListRow
{
  GObject     parent_instance;

  gpointer               owner;  /* not owned: the list tells its rows when it goes */
  RpAttendeeListRowGone  gone;
  RpAttendee            *attendee;
  guint                  position;
};

G_DEFINE_FINAL_TYPE (RpAttendeeListRow, rp_attendee_list_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ATTENDEE,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_attendee_list_row_dispose (GObject *object)
{
  RpAttendeeListRow *self = RP_ATTENDEE_LIST_ROW (object);

  if (self->owner != NULL)
    self->gone (g_steal_pointer (&self->owner), self);

  G_OBJECT_CLASS (rp_attendee_list_row_parent_class)->dispose (object);
}

static void
rp_attendee_list_row_finalize (GObject *object)
{
  RpAttendeeListRow *self = RP_ATTENDEE_LIST_ROW (object);

  g_clear_object (&self->attendee);

  G_OBJECT_CLASS (rp_attendee_list_row_parent_class)->finalize (object);
}

static void
rp_attendee_list_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RpAttendeeListRow *self = RP_ATTENDEE_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ATTENDEE:
      g_value_set_object (value, self->attendee);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_attendee_list_row_class_init (RpAttendeeListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rp_attendee_list_row_dispose;
  object_class->finalize = rp_attendee_list_row_finalize;
  object_class->get_property = rp_attendee_list_row_get_property;

  properties[PROP_ATTENDEE] =
    g_param_spec_object ("attendee", NULL, NULL, RP_TYPE_ATTENDEE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_attendee_list_row_init (RpAttendeeListRow *self)
{
}

RpAttendeeListRow *
rp_attendee_list_row_new (guint       position,
                          RpAttendee *attendee)
{
  RpAttendeeListRow *self = g_object_new (RP_TYPE_ATTENDEE_LIST_ROW, NULL);

  self->position = position;
  self->attendee = g_object_ref (attendee);
  return self;
}

void
rp_attendee_list_row_set_attendee (RpAttendeeListRow *self,
                                   RpAttendee        *attendee)
{
  if (g_set_object (&self->attendee, attendee))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEE]);
}

void
rp_attendee_list_row_set_owner (RpAttendeeListRow     *self,
                                gpointer               owner,
                                RpAttendeeListRowGone  gone)
{
  self->owner = owner;
  self->gone = gone;
}

/**
 * rp_attendee_list_row_get_attendee:
 *
 * Returns: (transfer none): who is shown at this position now
 */
RpAttendee *
rp_attendee_list_row_get_attendee (RpAttendeeListRow *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST_ROW (self), NULL);

  return self->attendee;
}

guint
rp_attendee_list_row_get_position (RpAttendeeListRow *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_LIST_ROW (self), 0);

  return self->position;
}
