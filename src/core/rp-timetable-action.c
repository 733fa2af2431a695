/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-timetable-action.c: an action on the closure timetable */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-enums.h"
#include "rp-error.h"
#include "rp-date.h"
#include "rp-validate.h"
#include "rp-timetable-action.h"

struct _RpTimetableAction
{
  GObject parent_instance;

  gint64 id;
  gint64 programme_id;
  char *activity;
  char *owner;
  char *due_date;
  char *due_note;   /* the due date in words when it is not one date: "tbc" */
  RpActionStatus status;
  int position;
  GPtrArray *taster_days;   /* of RpTasterDay: the days it is linked to, by id */
};

G_DEFINE_FINAL_TYPE (RpTimetableAction, rp_timetable_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROGRAMME_ID,
  PROP_ACTIVITY,
  PROP_OWNER,
  PROP_DUE_DATE,
  PROP_DUE_NOTE,
  PROP_STATUS,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rp_timetable_action_finalize (GObject *object)
{
  RpTimetableAction *self = RP_TIMETABLE_ACTION (object);

  g_clear_pointer (&self->activity, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->due_note, g_free);
  g_clear_pointer (&self->taster_days, g_ptr_array_unref);

  G_OBJECT_CLASS (rp_timetable_action_parent_class)->finalize (object);
}

static void
rp_timetable_action_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RpTimetableAction *self = RP_TIMETABLE_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;

    case PROP_ACTIVITY:
      g_value_set_string (value, self->activity);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;

    case PROP_DUE_NOTE:
      g_value_set_string (value, self->due_note);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timetable_action_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RpTimetableAction *self = RP_TIMETABLE_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      rp_timetable_action_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PROGRAMME_ID:
      rp_timetable_action_set_programme_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTIVITY:
      rp_timetable_action_set_activity (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      rp_timetable_action_set_owner (self, g_value_get_string (value));
      break;

    case PROP_DUE_DATE:
      rp_timetable_action_set_due_date (self, g_value_get_string (value));
      break;

    case PROP_DUE_NOTE:
      rp_timetable_action_set_due_note (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      rp_timetable_action_set_status (self, g_value_get_enum (value));
      break;

    case PROP_POSITION:
      rp_timetable_action_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_timetable_action_class_init (RpTimetableActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_timetable_action_finalize;
  object_class->get_property = rp_timetable_action_get_property;
  object_class->set_property = rp_timetable_action_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME_ID] =
    g_param_spec_int64 ("programme-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY] =
    g_param_spec_string ("activity", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_NOTE] =
    g_param_spec_string ("due-note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RP_TYPE_ACTION_STATUS, RP_ACTION_NOT_STARTED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_timetable_action_init (RpTimetableAction *self)
{
  self->status = RP_ACTION_NOT_STARTED;
  self->taster_days = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * rp_timetable_action_new:
 *
 * Returns: (transfer full): a new, empty record
 */
RpTimetableAction *
rp_timetable_action_new (void)
{
  return g_object_new (RP_TYPE_TIMETABLE_ACTION, NULL);
}

/**
 * rp_timetable_action_copy:
 *
 * Returns: (transfer full): a new object with the same values, for editing
 */
RpTimetableAction *
rp_timetable_action_copy (RpTimetableAction *self)
{
  RpTimetableAction *copy;

  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  copy = rp_timetable_action_new ();
  copy->id = self->id;
  copy->programme_id = self->programme_id;
  copy->activity = g_strdup (self->activity);
  copy->owner = g_strdup (self->owner);
  copy->due_date = g_strdup (self->due_date);
  copy->due_note = g_strdup (self->due_note);
  copy->status = self->status;
  copy->position = self->position;
  /* The days are shared: they are read-only snapshots of what is stored. */
  for (guint i = 0; i < self->taster_days->len; i++)
    g_ptr_array_add (copy->taster_days, g_object_ref (g_ptr_array_index (self->taster_days, i)));
  return copy;
}

gint64
rp_timetable_action_get_id (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), 0);

  return self->id;
}

void
rp_timetable_action_set_id (RpTimetableAction *self,
                            gint64             value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
rp_timetable_action_get_programme_id (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), 0);

  return self->programme_id;
}

void
rp_timetable_action_set_programme_id (RpTimetableAction *self,
                                      gint64             value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (self->programme_id == value)
    return;

  self->programme_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME_ID]);
}

const char *
rp_timetable_action_get_activity (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  return self->activity;
}

void
rp_timetable_action_set_activity (RpTimetableAction *self,
                                  const char        *value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (rp_set_string (&self->activity, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY]);
}

const char *
rp_timetable_action_get_owner (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  return self->owner;
}

void
rp_timetable_action_set_owner (RpTimetableAction *self,
                               const char        *value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->owner, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
rp_timetable_action_get_due_date (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  return self->due_date;
}

void
rp_timetable_action_set_due_date (RpTimetableAction *self,
                                  const char        *value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->due_date, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

const char *
rp_timetable_action_get_due_note (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  return self->due_note;
}

void
rp_timetable_action_set_due_note (RpTimetableAction *self,
                                  const char        *value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (rp_set_string (&self->due_note, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_NOTE]);
}

/**
 * rp_timetable_action_set_due_text:
 * @text: (nullable): what a person typed in the one "Due" field
 * @error: why it cannot be taken, such as "31/02/2027" not being a real date
 *
 * Reads "Due" as people write it: blank for neither a date nor a note, a
 * date ("30/09/2027", "30 Sep 2027") as the due date, and anything else
 * ("tbc", "IBC 30 Sept, Pathfinders 10 & 19 Oct") as the due note. Text
 * written as a date that is not a real one is refused, not kept as a note,
 * so a mistyped date is not silently left out of the overdue check. On an
 * error the action is unchanged.
 *
 * Returns: %TRUE if the action now has the due date or note typed
 */
gboolean
rp_timetable_action_set_due_text (RpTimetableAction  *self,
                                  const char         *text,
                                  GError            **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (rp_date_looks_like_date (trimmed))
    {
      if (!(iso = rp_date_normalise (trimmed, error)))
        return FALSE;
    }
  else if (!rp_check_text (trimmed, RP_SHORT_TEXT_MAX, _("The due note"), error))
    {
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  rp_timetable_action_set_due_date (self, iso);
  rp_timetable_action_set_due_note (self, iso == NULL ? trimmed : NULL);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * rp_timetable_action_dup_due_text:
 *
 * The inverse of rp_timetable_action_set_due_text(), for editing.
 *
 * Returns: (transfer full): the due date as typed ("30/09/2027"), the due
 *   note, or an empty string for neither
 */
char *
rp_timetable_action_dup_due_text (RpTimetableAction *self)
{
  char *date;

  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  if ((date = rp_date_format_numeric (self->due_date)) != NULL)
    return date;

  return g_strdup (self->due_note != NULL ? self->due_note : "");
}

RpActionStatus
rp_timetable_action_get_status (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), 0);

  return self->status;
}

void
rp_timetable_action_set_status (RpTimetableAction *self,
                                RpActionStatus     value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (self->status == value)
    return;

  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

int
rp_timetable_action_get_position (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), 0);

  return self->position;
}

void
rp_timetable_action_set_position (RpTimetableAction *self,
                                  int                value)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  if (self->position == value)
    return;

  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static gboolean
check_one_due (RpTimetableAction  *self,
               GError            **error)
{
  if (self->due_date == NULL || self->due_note == NULL)
    return TRUE;

  g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                       _("An action is due on a date or has a note about when it is due, not both. Remove one of them."));
  return FALSE;
}

/**
 * rp_timetable_action_validate:
 *
 * Returns: %TRUE if the action can be saved; otherwise a clear error
 */
gboolean
rp_timetable_action_validate (RpTimetableAction  *self,
                              GError            **error)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), FALSE);

  return rp_check_required (self->activity, _("Describe the activity."), error) &&
         rp_check_text (self->activity, RP_LONG_TEXT_MAX, _("The activity"), error) &&
         rp_check_name (self->owner, RP_SHORT_TEXT_MAX, _("The task owner"), error) &&
         rp_date_check (self->due_date, _("The due date"), error) &&
         rp_check_text (self->due_note, RP_SHORT_TEXT_MAX, _("The due note"), error) &&
         check_one_due (self, error);
}

/* Linked taster days ------------------------------------------------------ */

/**
 * rp_timetable_action_get_n_taster_days:
 *
 * Returns: how many taster days the action is linked to
 */
guint
rp_timetable_action_get_n_taster_days (RpTimetableAction *self)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), 0);

  return self->taster_days->len;
}

/**
 * rp_timetable_action_get_taster_day:
 * @index: from 0 to rp_timetable_action_get_n_taster_days() - 1
 *
 * Returns: (transfer none): a linked taster day, as the store read it with
 *   the action (its provider's name, date and whether it is cancelled)
 */
RpTasterDay *
rp_timetable_action_get_taster_day (RpTimetableAction *self,
                                    guint              index)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);
  g_return_val_if_fail (index < self->taster_days->len, NULL);

  return g_ptr_array_index (self->taster_days, index);
}

static guint
find_taster_day (RpTimetableAction *self,
                 gint64             taster_day_id)
{
  for (guint i = 0; i < self->taster_days->len; i++)
    if (rp_taster_day_get_id (g_ptr_array_index (self->taster_days, i)) == taster_day_id)
      return i;

  return G_MAXUINT;
}

gboolean
rp_timetable_action_has_taster_day (RpTimetableAction *self,
                                    gint64             taster_day_id)
{
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), FALSE);

  return find_taster_day (self, taster_day_id) != G_MAXUINT;
}

/**
 * rp_timetable_action_link_taster_day:
 * @day: a taster day of the action's programme, with its id
 *
 * Links the action to @day, or, if it already is, takes @day's details as
 * the newer ones. The link is stored when the action is saved.
 */
void
rp_timetable_action_link_taster_day (RpTimetableAction *self,
                                     RpTasterDay       *day)
{
  guint index;

  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));
  g_return_if_fail (RP_IS_TASTER_DAY (day));
  g_return_if_fail (rp_taster_day_get_id (day) > 0);

  index = find_taster_day (self, rp_taster_day_get_id (day));
  if (index == G_MAXUINT)
    g_ptr_array_add (self->taster_days, g_object_ref (day));
  else if (g_ptr_array_index (self->taster_days, index) != day)
    {
      g_object_unref (g_ptr_array_index (self->taster_days, index));
      g_ptr_array_index (self->taster_days, index) = g_object_ref (day);
    }
}

/**
 * rp_timetable_action_unlink_taster_day:
 *
 * Returns: %TRUE if the action was linked to that day and is no longer
 */
gboolean
rp_timetable_action_unlink_taster_day (RpTimetableAction *self,
                                       gint64             taster_day_id)
{
  guint index;

  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), FALSE);

  index = find_taster_day (self, taster_day_id);
  if (index == G_MAXUINT)
    return FALSE;

  g_ptr_array_remove_index (self->taster_days, index);
  return TRUE;
}

void
rp_timetable_action_clear_taster_days (RpTimetableAction *self)
{
  g_return_if_fail (RP_IS_TIMETABLE_ACTION (self));

  g_ptr_array_set_size (self->taster_days, 0);
}

/* Printing the linked days --------------------------------------------------- */

typedef struct
{
  const char *provider;
  gint64      provider_id;
  GArray     *dates;       /* of GDate, ascending, no two the same */
  gboolean    tbc;         /* a day not dated yet, or cancelled */
} ProviderDays;

static void
provider_days_free (ProviderDays *days)
{
  g_array_unref (days->dates);
  g_free (days);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProviderDays, provider_days_free)

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

/* Providers by their first day, those with no date yet last; then by name. */
static int
compare_providers (gconstpointer a,
                   gconstpointer b)
{
  const ProviderDays *pa = *(ProviderDays * const *) a;
  const ProviderDays *pb = *(ProviderDays * const *) b;

  if (pa->dates->len > 0 && pb->dates->len > 0)
    {
      int by_date = g_date_compare (&g_array_index (pa->dates, GDate, 0), &g_array_index (pb->dates, GDate, 0));

      if (by_date != 0)
        return by_date;
    }
  else if (pa->dates->len != pb->dates->len)
    return pa->dates->len > 0 ? -1 : 1;

  return g_utf8_collate (pa->provider, pb->provider);
}

/* "a", "a & b", "a, b & c" */
static void
append_list (GString    *out,
             GPtrArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        /* Translators: between the last two items of a list of days, as in "10 & 19 Oct" */
        g_string_append (out, i + 1 == items->len ? _(" & ") : _(", "));
      g_string_append (out, g_ptr_array_index (items, i));
    }
}

/* "30 Sep", "10 & 19 Oct", "30 Sep & 2 Oct", with the year on each month
 * when the days are not all in one year. */
static void
append_dates (GString  *out,
              GArray   *dates,
              gboolean  tbc,
              gboolean  with_year)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  guint i = 0;

  while (i < dates->len)
    {
      const GDate *first = &g_array_index (dates, GDate, i);
      g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) group = g_string_new (NULL);
      char month[64];

      for (; i < dates->len; i++)
        {
          const GDate *date = &g_array_index (dates, GDate, i);

          if (g_date_get_month (date) != g_date_get_month (first) || g_date_get_year (date) != g_date_get_year (first))
            break;
          g_ptr_array_add (days, g_strdup_printf ("%d", g_date_get_day (date)));
        }

      if (g_date_strftime (month, sizeof month, "%b", first) == 0)
        month[0] = '\0';
      append_list (group, days);
      g_string_append_printf (group, " %s", month);
      if (with_year)
        g_string_append_printf (group, " %d", g_date_get_year (first));
      g_ptr_array_add (groups, g_string_free (g_steal_pointer (&group), FALSE));
    }

  if (tbc)
    /* Translators: "to be confirmed", as a due date */
    g_ptr_array_add (groups, g_strdup (_("tbc")));

  append_list (out, groups);
}

/* The linked days as people write them: "IBC 30 Sep, Pathfinders 10 & 19
 * Oct, FTM Dance tbc"; %NULL when there are none. */
static char *
format_taster_days (RpTimetableAction *self)
{
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GString) out = NULL;
  GDateYear first_year = 0;
  gboolean with_year = FALSE;

  if (self->taster_days->len == 0)
    return NULL;

  providers = g_ptr_array_new_with_free_func ((GDestroyNotify) provider_days_free);
  for (guint i = 0; i < self->taster_days->len; i++)
    {
      RpTasterDay *day = g_ptr_array_index (self->taster_days, i);
      const char *provider = rp_taster_day_get_provider_name (day);
      ProviderDays *found = NULL;
      GDate date;

      if (provider == NULL)
        provider = "";

      /* One entry per provider: by its id, or by its name when the day came without one. */
      for (guint j = 0; found == NULL && j < providers->len; j++)
        {
          ProviderDays *candidate = g_ptr_array_index (providers, j);

          if (rp_taster_day_get_provider_id (day) != 0
              ? candidate->provider_id == rp_taster_day_get_provider_id (day)
              : strcmp (candidate->provider, provider) == 0)
            found = candidate;
        }
      if (found == NULL)
        {
          found = g_new0 (ProviderDays, 1);
          found->provider = provider;
          found->provider_id = rp_taster_day_get_provider_id (day);
          found->dates = g_array_new (FALSE, FALSE, sizeof (GDate));
          g_ptr_array_add (providers, found);
        }

      if (rp_taster_day_get_cancelled (day) || rp_taster_day_get_date (day) == NULL ||
          !rp_date_parse_strict (rp_taster_day_get_date (day), &date, NULL))
        {
          found->tbc = TRUE;
          continue;
        }

      g_array_append_val (found->dates, date);
      if (first_year == 0)
        first_year = g_date_get_year (&date);
      else if (g_date_get_year (&date) != first_year)
        with_year = TRUE;
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < providers->len; i++)
    {
      ProviderDays *days = g_ptr_array_index (providers, i);
      GArray *unique = g_array_new (FALSE, FALSE, sizeof (GDate));

      g_array_sort (days->dates, compare_dates);
      for (guint j = 0; j < days->dates->len; j++)
        if (unique->len == 0 ||
            g_date_compare (&g_array_index (unique, GDate, unique->len - 1), &g_array_index (days->dates, GDate, j)) != 0)
          g_array_append_val (unique, g_array_index (days->dates, GDate, j));
      g_array_unref (days->dates);
      days->dates = unique;
    }
  g_ptr_array_sort (providers, compare_providers);

  for (guint i = 0; i < providers->len; i++)
    {
      ProviderDays *days = g_ptr_array_index (providers, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, days->provider);
      g_string_append_c (out, ' ');
      append_dates (out, days->dates, days->tbc, with_year);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * rp_timetable_action_format_due:
 *
 * What the timetable, the report and the command line print as "Due". The
 * linked taster days print their own dates, grouped by provider in date
 * order ("IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc": a day not
 * dated yet, or cancelled, is "tbc"); the action's own due date or note
 * follows after a semicolon. Without linked days it is the due date ("20
 * Sep 2023") or the note. A completed action says "Completed"; one with
 * nothing else, "In progress" or "tbc".
 *
 * Returns: (transfer full): the due date as people write it
 */
char *
rp_timetable_action_format_due (RpTimetableAction *self)
{
  g_autofree char *days = NULL;
  g_autofree char *own = NULL;

  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (self), NULL);

  if (self->status == RP_ACTION_COMPLETED)
    return g_strdup (_("Completed"));

  days = format_taster_days (self);
  if ((own = rp_date_format_short (self->due_date)) == NULL)
    own = g_strdup (self->due_note);

  if (days != NULL && own != NULL)
    /* Translators: the linked taster days, then the action's own due date or note:
     * "IBC 30 Sep, Pathfinders 10 & 19 Oct; 31 Oct 2023" */
    return g_strdup_printf (_("%s; %s"), days, own);
  if (days != NULL)
    return g_steal_pointer (&days);
  if (own != NULL)
    return g_steal_pointer (&own);

  if (self->status == RP_ACTION_IN_PROGRESS)
    return g_strdup (_("In progress"));

  /* Translators: "to be confirmed", as a due date */
  return g_strdup (_("tbc"));
}
