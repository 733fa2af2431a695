/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-booking-details.c: one person's booking details, headed with their name
 *
 * Booking several people at once gives each of them one of these, filled in
 * from their own booking, so that one person's pick-up time, staff member or
 * family never lands on another's sheet. Every control is named for a screen
 * reader with the person it is for: "Pick-up time for Danny (attendee 4)". */

#include "config.h"

#include <glib/gi18n.h>

#include "rp-booking-details.h"
#include "rp-choices.h"
#include "rp-communication-banner.h"
#include "rp-date-row.h"

struct _RpBookingDetails
{
  AdwBin               parent_instance;

  /* Owned References */
  RpStore             *store;
  RpAttendee          *attendee;       /* NULL for an erased attendee */
  RpBooking           *booking;        /* the values first shown */
  char                *who;            /* "Danny (attendee 4)" */
  gboolean             show_feedback;

  /* Template Widgets */
  AdwPreferencesGroup *group;
  RpCommunicationBanner *communication_banner;
  AdwComboRow         *status_row;
  AdwActionRow        *needed_row;
  GtkSwitch           *needed_switch;
  AdwActionRow        *arranged_row;
  GtkSwitch           *arranged_switch;
  AdwEntryRow         *pickup_row;
  AdwComboRow         *staff_row;
  AdwEntryRow         *family_row;
  AdwEntryRow         *feedback_row;
};

G_DEFINE_FINAL_TYPE (RpBookingDetails, rp_booking_details, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ATTENDEE,
  PROP_BOOKING,
  PROP_WHO,
  PROP_SHOW_FEEDBACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  FIELD_STATUS,
  FIELD_NEEDED,
  FIELD_ARRANGED,
  FIELD_PICKUP,
  FIELD_STAFF,
  FIELD_FAMILY,
  FIELD_FEEDBACK,
} Field;

/* What a screen reader says for each control, with the person's name: the
 * heading is not read again as focus moves from one row to the next. */
static char *
field_name (RpBookingDetails *self,
            Field             field)
{
  switch (field)
    {
    /* Translators: %s is a person, "Danny (attendee 4)" */
    case FIELD_STATUS:   return g_strdup_printf (_("Status for %s"), self->who);
    /* Translators: %s is a person, "Danny (attendee 4)" */
    case FIELD_NEEDED:   return g_strdup_printf (_("Transport needed for %s"), self->who);
    /* Translators: %s is a person, "Danny (attendee 4)" */
    case FIELD_ARRANGED: return g_strdup_printf (_("Transport arranged for %s"), self->who);
    /* Translators: %s is a person, "Danny (attendee 4)" */
    case FIELD_PICKUP:   return g_strdup_printf (_("Pick-up time for %s"), self->who);
    /* Translators: %s is a person, "Danny (attendee 4)" */
    case FIELD_STAFF:    return g_strdup_printf (_("Day centre staff going with %s"), self->who);
    /* Translators: %s is a person, "Danny (attendee 4)" */
    case FIELD_FAMILY:   return g_strdup_printf (_("Family or carers going with %s"), self->who);
    /* Translators: %s is a person, "Danny (attendee 4)" */
    case FIELD_FEEDBACK: return g_strdup_printf (_("Feedback after the day for %s"), self->who);
    default:             g_assert_not_reached ();
    }
}

static char *
status_label (gpointer        item,
              RpBookingStatus status)
{
  return g_strdup (rp_booking_status_get_label (status));
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Names @widget for @field alone: the row's own title, which it is
 * otherwise labelled by, would be read after it again. */
static void
name_for (RpBookingDetails *self,
          gpointer          widget,
          Field             field)
{
  g_autofree char *name = field_name (self, field);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
show_booking (RpBookingDetails *self)
{
  AdwEnumListModel *statuses = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (self->status_row));

  adw_combo_row_set_selected (self->status_row, adw_enum_list_model_find_position (statuses, rp_booking_get_status (self->booking)));
  gtk_switch_set_active (self->needed_switch, rp_booking_get_transport_needed (self->booking));
  gtk_switch_set_active (self->arranged_switch, rp_booking_get_transport_arranged (self->booking));
  set_text (self->pickup_row, rp_booking_get_pickup_time (self->booking));
  rp_combo_row_set_selected_id (self->staff_row, rp_booking_get_staff_id (self->booking));
  set_text (self->family_row, rp_booking_get_family_attending (self->booking));
  set_text (self->feedback_row, rp_booking_get_feedback (self->booking));
}

static void
rp_booking_details_constructed (GObject *object)
{
  RpBookingDetails *self = RP_BOOKING_DETAILS (object);
  g_autoptr(RpChoices) staff = NULL;
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (rp_booking_details_parent_class)->constructed (object);

  g_assert (RP_IS_STORE (self->store));
  g_assert (RP_IS_BOOKING (self->booking));

  self->who = self->attendee != NULL
              ? rp_booking_rules_describe_attendee (rp_attendee_get_number (self->attendee),
                                                    rp_attendee_get_preferred_name (self->attendee),
                                                    rp_attendee_get_full_name (self->attendee))
              : g_strdup (_("Erased attendee"));

  /* The group's title is markup: a name may hold "&". */
  title = g_markup_escape_text (self->who, -1);
  adw_preferences_group_set_title (self->group, title);
  rp_communication_banner_set_attendee (self->communication_banner, self->attendee);

  /* Someone no longer working stays offered where they are already going. */
  staff = rp_choices_new (self->store, RP_TYPE_WORKER, _("Nobody yet"), rp_booking_get_staff_id (self->booking));
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (staff));

  name_for (self, self->status_row, FIELD_STATUS);
  name_for (self, self->needed_row, FIELD_NEEDED);
  name_for (self, self->needed_switch, FIELD_NEEDED);
  name_for (self, self->arranged_row, FIELD_ARRANGED);
  name_for (self, self->arranged_switch, FIELD_ARRANGED);
  name_for (self, self->pickup_row, FIELD_PICKUP);
  name_for (self, self->staff_row, FIELD_STAFF);
  name_for (self, self->family_row, FIELD_FAMILY);
  name_for (self, self->feedback_row, FIELD_FEEDBACK);

  show_booking (self);
}

static void
rp_booking_details_dispose (GObject *object)
{
  RpBookingDetails *self = RP_BOOKING_DETAILS (object);

  /* The bin lets its child go first, or it would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RP_TYPE_BOOKING_DETAILS);
  g_clear_object (&self->store);
  g_clear_object (&self->attendee);
  g_clear_object (&self->booking);

  G_OBJECT_CLASS (rp_booking_details_parent_class)->dispose (object);
}

static void
rp_booking_details_finalize (GObject *object)
{
  RpBookingDetails *self = RP_BOOKING_DETAILS (object);

  g_clear_pointer (&self->who, g_free);

  G_OBJECT_CLASS (rp_booking_details_parent_class)->finalize (object);
}

static void
rp_booking_details_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RpBookingDetails *self = RP_BOOKING_DETAILS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ATTENDEE:
      g_value_set_object (value, self->attendee);
      break;

    case PROP_BOOKING:
      g_value_set_object (value, self->booking);
      break;

    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;

    case PROP_SHOW_FEEDBACK:
      g_value_set_boolean (value, self->show_feedback);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_booking_details_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RpBookingDetails *self = RP_BOOKING_DETAILS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ATTENDEE:
      self->attendee = g_value_dup_object (value);
      break;

    case PROP_BOOKING:
      /* A copy: what is typed is read back with rp_booking_details_dup_booking(). */
      self->booking = rp_booking_copy (g_value_get_object (value));
      break;

    case PROP_SHOW_FEEDBACK:
      rp_booking_details_set_show_feedback (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_booking_details_class_init (RpBookingDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rp_booking_details_constructed;
  object_class->dispose = rp_booking_details_dispose;
  object_class->finalize = rp_booking_details_finalize;
  object_class->get_property = rp_booking_details_get_property;
  object_class->set_property = rp_booking_details_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENDEE] =
    g_param_spec_object ("attendee", NULL, NULL, RP_TYPE_ATTENDEE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOOKING] =
    g_param_spec_object ("booking", NULL, NULL, RP_TYPE_BOOKING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHO] =
    g_param_spec_string ("who", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_FEEDBACK] =
    g_param_spec_boolean ("show-feedback", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RP_TYPE_BOOKING_STATUS);
  g_type_ensure (RP_TYPE_WORKER);
  g_type_ensure (RP_TYPE_COMMUNICATION_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/reprovision/Reprovision/ui/taster-days/rp-booking-details.ui");
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, group);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, communication_banner);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, status_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, needed_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, needed_switch);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, arranged_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, arranged_switch);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, pickup_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, staff_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, family_row);
  gtk_widget_class_bind_template_child (widget_class, RpBookingDetails, feedback_row);
  gtk_widget_class_bind_template_callback (widget_class, status_label);
}

static void
rp_booking_details_init (RpBookingDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rp_booking_details_new:
 * @attendee: (nullable): who the booking is for, or %NULL if their record was erased
 * @booking: the values to show first: a booking to edit, or a new one made
 *   with rp_booking_new_for_attendee()
 */
GtkWidget *
rp_booking_details_new (RpStore    *store,
                        RpAttendee *attendee,
                        RpBooking  *booking)
{
  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (attendee == NULL || RP_IS_ATTENDEE (attendee), NULL);
  g_return_val_if_fail (RP_IS_BOOKING (booking), NULL);

  return g_object_new (RP_TYPE_BOOKING_DETAILS, "store", store, "attendee", attendee, "booking", booking, NULL);
}

/**
 * rp_booking_details_get_booking:
 *
 * Returns: (transfer none): the booking as it was first shown
 */
RpBooking *
rp_booking_details_get_booking (RpBookingDetails *self)
{
  g_return_val_if_fail (RP_IS_BOOKING_DETAILS (self), NULL);

  return self->booking;
}

/**
 * rp_booking_details_get_attendee:
 *
 * Returns: (transfer none) (nullable): who the booking is for
 */
RpAttendee *
rp_booking_details_get_attendee (RpBookingDetails *self)
{
  g_return_val_if_fail (RP_IS_BOOKING_DETAILS (self), NULL);

  return self->attendee;
}

/**
 * rp_booking_details_get_who:
 *
 * Returns: the person as the heading names them, "Danny (attendee 4)"
 */
const char *
rp_booking_details_get_who (RpBookingDetails *self)
{
  g_return_val_if_fail (RP_IS_BOOKING_DETAILS (self), NULL);

  return self->who;
}

gboolean
rp_booking_details_get_show_feedback (RpBookingDetails *self)
{
  g_return_val_if_fail (RP_IS_BOOKING_DETAILS (self), FALSE);

  return self->show_feedback;
}

/* Feedback belongs to a day that has happened: a new booking for a day to
 * come has none, and one field fewer for each person. */
void
rp_booking_details_set_show_feedback (RpBookingDetails *self,
                                      gboolean          show_feedback)
{
  g_return_if_fail (RP_IS_BOOKING_DETAILS (self));

  show_feedback = !!show_feedback;
  if (self->show_feedback == show_feedback)
    return;

  self->show_feedback = show_feedback;
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_row), show_feedback);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_FEEDBACK]);
}

/* Checks the one field of @only against the core's rules; a refusal marks
 * @row and says whose field it is. */
static gboolean
check_row (RpBookingDetails  *self,
           RpBooking         *only,
           AdwEntryRow       *row,
           Field              field,
           GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (rp_booking_validate (only, &local_error))
    return TRUE;

  rp_entry_row_mark_error (row, local_error->message);
  name = field_name (self, field);
  g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
  return FALSE;
}

/* A booking holding only @text in the field @set writes, for check_row(). */
static RpBooking *
with_only (RpBooking  *booking,
           void      (*set) (RpBooking *, const char *),
           const char *text)
{
  RpBooking *only = rp_booking_new ();

  /* Only the field is in question here: the whole booking is checked after. */
  rp_booking_set_taster_day_id (only, MAX (rp_booking_get_taster_day_id (booking), 1));
  rp_booking_set_attendee_id (only, MAX (rp_booking_get_attendee_id (booking), 1));
  set (only, text);
  return only;
}

/**
 * rp_booking_details_dup_booking:
 *
 * The booking with what the form says now. A field the core refuses (a time
 * that is not HH:MM, a hidden character in a name) is marked on its row, and
 * the error names the field and the person.
 *
 * Returns: (transfer full) (nullable): a copy of the booking with the form's
 *   values, or %NULL with @error set
 */
RpBooking *
rp_booking_details_dup_booking (RpBookingDetails  *self,
                                GError           **error)
{
  g_autoptr(RpBooking) booking = NULL;
  g_autoptr(RpBooking) pickup = NULL;
  g_autoptr(RpBooking) family = NULL;
  g_autoptr(RpBooking) feedback = NULL;
  AdwEnumListItem *status;

  g_return_val_if_fail (RP_IS_BOOKING_DETAILS (self), NULL);

  booking = rp_booking_copy (self->booking);
  status = adw_combo_row_get_selected_item (self->status_row);
  rp_booking_set_status (booking, adw_enum_list_item_get_value (status));
  rp_booking_set_transport_needed (booking, gtk_switch_get_active (self->needed_switch));
  rp_booking_set_transport_arranged (booking, gtk_switch_get_active (self->arranged_switch));
  /* A blank time is no time (the setter says so); anything else must be HH:MM. */
  rp_booking_set_pickup_time (booking, text_of (self->pickup_row));
  rp_booking_set_staff_id (booking, rp_combo_row_get_selected_id (self->staff_row));
  rp_booking_set_family_attending (booking, text_of (self->family_row));
  rp_booking_set_feedback (booking, text_of (self->feedback_row));

  pickup = with_only (booking, rp_booking_set_pickup_time, rp_booking_get_pickup_time (booking));
  family = with_only (booking, rp_booking_set_family_attending, rp_booking_get_family_attending (booking));
  feedback = with_only (booking, rp_booking_set_feedback, rp_booking_get_feedback (booking));
  if (!check_row (self, pickup, self->pickup_row, FIELD_PICKUP, error) ||
      !check_row (self, family, self->family_row, FIELD_FAMILY, error) ||
      !check_row (self, feedback, self->feedback_row, FIELD_FEEDBACK, error) ||
      !rp_booking_validate (booking, error))
    return NULL;

  return g_steal_pointer (&booking);
}
