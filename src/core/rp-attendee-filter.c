/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-filter.c: which attendees a worker wants to see */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-attendee-filter.h"
#include "rp-attendee-filter-private.h"
#include "rp-moving-plan.h"
#include "rp-validate.h"

struct _RpAttendeeFilter
{
  GObject  parent_instance;

  char    *search;
  char    *search_key;   /* casefolded, for matching names */
  int      step;
  gint64   worker_id;
  int      funding;
  int      outcome;
  gboolean include_archived;
};

G_DEFINE_FINAL_TYPE (RpAttendeeFilter, rp_attendee_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_STEP,
  PROP_WORKER_ID,
  PROP_FUNDING,
  PROP_OUTCOME,
  PROP_INCLUDE_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_search (RpAttendeeFilter *self,
            const char       *search)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));

  if (!rp_set_string (&self->search, trimmed[0] != '\0' ? trimmed : NULL))
    return;

  g_free (self->search_key);
  self->search_key = rp_attendee_make_search_key (self->search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

static void
rp_attendee_filter_finalize (GObject *object)
{
  RpAttendeeFilter *self = RP_ATTENDEE_FILTER (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (rp_attendee_filter_parent_class)->finalize (object);
}

static void
rp_attendee_filter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RpAttendeeFilter *self = RP_ATTENDEE_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;

    case PROP_WORKER_ID:
      g_value_set_int64 (value, self->worker_id);
      break;

    case PROP_FUNDING:
      g_value_set_int (value, self->funding);
      break;

    case PROP_OUTCOME:
      g_value_set_int (value, self->outcome);
      break;

    case PROP_INCLUDE_ARCHIVED:
      g_value_set_boolean (value, self->include_archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Sets an int field and notifies only on a real change. */
#define SET_FIELD(field, prop, value)                                           \
  G_STMT_START {                                                                \
    if (self->field != (value))                                                 \
      {                                                                         \
        self->field = (value);                                                  \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);           \
      }                                                                         \
  } G_STMT_END

static void
rp_attendee_filter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RpAttendeeFilter *self = RP_ATTENDEE_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      set_search (self, g_value_get_string (value));
      break;

    case PROP_STEP:
      SET_FIELD (step, PROP_STEP, g_value_get_int (value));
      break;

    case PROP_WORKER_ID:
      SET_FIELD (worker_id, PROP_WORKER_ID, g_value_get_int64 (value));
      break;

    case PROP_FUNDING:
      SET_FIELD (funding, PROP_FUNDING, g_value_get_int (value));
      break;

    case PROP_OUTCOME:
      SET_FIELD (outcome, PROP_OUTCOME, g_value_get_int (value));
      break;

    case PROP_INCLUDE_ARCHIVED:
      SET_FIELD (include_archived, PROP_INCLUDE_ARCHIVED, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_attendee_filter_class_init (RpAttendeeFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rp_attendee_filter_finalize;
  object_class->get_property = rp_attendee_filter_get_property;
  object_class->set_property = rp_attendee_filter_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL, 0, 6, 0, flags);
  properties[PROP_WORKER_ID] =
    g_param_spec_int64 ("worker-id", NULL, NULL, RP_ATTENDEE_FILTER_NO_WORKER, G_MAXINT64,
                        RP_ATTENDEE_FILTER_ANY_WORKER, flags);
  properties[PROP_FUNDING] =
    g_param_spec_int ("funding", NULL, NULL, RP_ATTENDEE_FILTER_ANY, RP_FUNDING_HEALTH,
                      RP_ATTENDEE_FILTER_ANY, flags);
  properties[PROP_OUTCOME] =
    g_param_spec_int ("outcome", NULL, NULL, RP_ATTENDEE_FILTER_ANY, RP_OUTCOME_LEFT,
                      RP_OUTCOME_ATTENDING, flags);
  properties[PROP_INCLUDE_ARCHIVED] =
    g_param_spec_boolean ("include-archived", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rp_attendee_filter_init (RpAttendeeFilter *self)
{
  self->funding = RP_ATTENDEE_FILTER_ANY;
  self->outcome = RP_OUTCOME_ATTENDING;
}

/**
 * rp_attendee_filter_new:
 *
 * Returns: (transfer full): a filter showing the attendees still attending,
 *   the view social workers start from
 */
RpAttendeeFilter *
rp_attendee_filter_new (void)
{
  return g_object_new (RP_TYPE_ATTENDEE_FILTER, NULL);
}

/**
 * rp_attendee_filter_copy:
 *
 * Returns: (transfer full): a filter with the same conditions, for a worker
 *   thread to match with while this one goes on changing
 */
RpAttendeeFilter *
rp_attendee_filter_copy (RpAttendeeFilter *self)
{
  RpAttendeeFilter *copy;

  g_return_val_if_fail (RP_IS_ATTENDEE_FILTER (self), NULL);

  copy = rp_attendee_filter_new ();
  copy->search = g_strdup (self->search);
  copy->search_key = g_strdup (self->search_key);
  copy->step = self->step;
  copy->worker_id = self->worker_id;
  copy->funding = self->funding;
  copy->outcome = self->outcome;
  copy->include_archived = self->include_archived;
  return copy;
}

static gboolean
name_matches (const char *name_key,
              const char *key)
{
  return name_key != NULL && strstr (name_key, key) != NULL;
}

static gboolean
search_matches (RpAttendeeFilter *self,
                RpAttendee       *attendee)
{
  gboolean digits = TRUE;

  if (self->search == NULL)
    return TRUE;

  for (const char *p = self->search; *p != '\0'; p++)
    digits = digits && g_ascii_isdigit (*p);

  /* "1" finds attendees 1 and 10–19, as the number is typed. */
  if (digits)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%d", rp_attendee_get_number (attendee));
      if (g_str_has_prefix (number, self->search))
        return TRUE;
    }

  return name_matches (rp_attendee_get_full_name_key (attendee), self->search_key) ||
         name_matches (rp_attendee_get_preferred_name_key (attendee), self->search_key);
}

/**
 * rp_attendee_filter_match:
 *
 * Returns: %TRUE if @attendee passes every condition of the filter
 */
gboolean
rp_attendee_filter_match (RpAttendeeFilter *self,
                          RpAttendee       *attendee)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_FILTER (self), FALSE);
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), FALSE);

  if (!self->include_archived && rp_attendee_get_archived (attendee))
    return FALSE;

  if (self->step != 0 && rp_attendee_get_step (attendee) != self->step)
    return FALSE;

  if (self->worker_id == RP_ATTENDEE_FILTER_NO_WORKER && rp_attendee_get_worker_id (attendee) > 0)
    return FALSE;

  if (self->worker_id > 0 && rp_attendee_get_worker_id (attendee) != self->worker_id)
    return FALSE;

  if (self->funding != RP_ATTENDEE_FILTER_ANY && (int) rp_attendee_get_funding (attendee) != self->funding)
    return FALSE;

  if (self->outcome != RP_ATTENDEE_FILTER_ANY && (int) rp_attendee_get_outcome (attendee) != self->outcome)
    return FALSE;

  return search_matches (self, attendee);
}

/**
 * rp_attendee_filter_is_default:
 *
 * Returns: %TRUE if the filter shows everyone still attending
 */
gboolean
rp_attendee_filter_is_default (RpAttendeeFilter *self)
{
  g_return_val_if_fail (RP_IS_ATTENDEE_FILTER (self), TRUE);

  return self->search == NULL && self->step == 0 && self->worker_id == RP_ATTENDEE_FILTER_ANY_WORKER &&
         self->funding == RP_ATTENDEE_FILTER_ANY && self->outcome == RP_OUTCOME_ATTENDING &&
         !self->include_archived;
}

void
rp_attendee_filter_reset (RpAttendeeFilter *self)
{
  g_return_if_fail (RP_IS_ATTENDEE_FILTER (self));

  g_object_set (self,
                "search", NULL,
                "step", 0,
                "worker-id", (gint64) RP_ATTENDEE_FILTER_ANY_WORKER,
                "funding", RP_ATTENDEE_FILTER_ANY,
                "outcome", (int) RP_OUTCOME_ATTENDING,
                "include-archived", FALSE,
                NULL);
}

/**
 * rp_attendee_filter_describe:
 * @worker_name: (nullable): the name of the worker the filter shows, if it shows one
 *
 * Says in words which attendees the filter keeps to, apart from the search,
 * which shows itself: "Showing only attendees allocated to Priya Mistry, at
 * step 2". The list is never narrowed without saying so.
 *
 * Returns: (transfer full) (nullable): the description, or %NULL if the
 *   filter (the search aside) shows everyone still attending
 */
char *
rp_attendee_filter_describe (RpAttendeeFilter *self,
                             const char       *worker_name)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  g_return_val_if_fail (RP_IS_ATTENDEE_FILTER (self), NULL);

  if (self->worker_id == RP_ATTENDEE_FILTER_NO_WORKER)
    g_ptr_array_add (parts, g_strdup (_("with no worker allocated")));
  else if (self->worker_id != RP_ATTENDEE_FILTER_ANY_WORKER)
    g_ptr_array_add (parts, g_strdup_printf (_("allocated to %s"), worker_name != NULL ? worker_name : _("a worker no longer listed")));
  if (self->step != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("at step %d, %s"), self->step, rp_moving_plan_step_name (self->step)));
  if (self->funding != RP_ATTENDEE_FILTER_ANY)
    g_ptr_array_add (parts, g_strdup_printf (_("with status %s"), rp_funding_get_label (self->funding)));
  if (self->outcome == RP_ATTENDEE_FILTER_ANY)
    g_ptr_array_add (parts, g_strdup (_("whatever their outcome")));
  else if (self->outcome != RP_OUTCOME_ATTENDING)
    g_ptr_array_add (parts, g_strdup_printf (_("with the outcome “%s”"), rp_outcome_get_label (self->outcome)));
  if (self->include_archived)
    g_ptr_array_add (parts, g_strdup (_("archived ones included")));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* Translators: the parts are joined with ", " */
  joined = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: %s is for example "allocated to Priya Mistry, at step 2, Contact with people to commence discussion" */
  return g_strdup_printf (_("Showing only attendees %s"), joined);
}
