/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-history.c: an attendee's, or a programme's, history and audit trail in people's words */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-attendee-field.h"
#include "rp-audit-entry.h"
#include "rp-audit-entry-private.h"
#include "rp-contact.h"
#include "rp-date.h"
#include "rp-history.h"
#include "rp-moving-plan.h"
#include "rp-review.h"
#include "rp-step-change.h"

typedef struct
{
  RpStore    *store;
  GHashTable *worker_names;   /* id → name, every worker ever */
  const char *my_account;
  const char *my_name;
  RpNameIndex *erased;        /* erased people's names, or NULL not to look */
} Names;

typedef struct
{
  char *sort_key;   /* ISO date, then the moment recorded */
  char *text;
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->sort_key);
  g_free (line->text);
  g_free (line);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Line *line_a = *(const Line * const *) a;
  const Line *line_b = *(const Line * const *) b;

  return -g_strcmp0 (line_a->sort_key, line_b->sort_key);
}

static void
add_line (GPtrArray  *lines,
          const char *day,
          const char *recorded_at,
          char       *text)
{
  Line *line = g_new0 (Line, 1);

  line->sort_key = g_strdup_printf ("%s %s", day, recorded_at != NULL ? recorded_at : "");
  line->text = text;
  g_ptr_array_add (lines, line);
}

static const char *
worker_name (Names  *names,
             gint64  worker_id)
{
  return g_hash_table_lookup (names->worker_names, &worker_id);
}

/* The person behind a computer account: the worker it is mapped to, or the
 * account itself. */
static const char *
who (Names      *names,
     const char *account)
{
  if (account != NULL && g_strcmp0 (account, names->my_account) == 0 &&
      names->my_name != NULL && names->my_name[0] != '\0')
    return names->my_name;

  return account != NULL ? account : _("someone unknown");
}

/* Whether typed words name someone who was erased: what the audit trail
 * keeps of other records (an activity's words before an edit) is not to
 * name them again. */
static gboolean
names_erased (Names      *names,
              const char *typed)
{
  return names->erased != NULL && typed != NULL && rp_name_index_match (names->erased, NULL, typed, NULL);
}

static const char *
withheld (void)
{
  return _("(words withheld: they named someone since erased)");
}

static char *
sentence_start (const char *label)
{
  g_autofree char *first = g_utf8_strup (label, g_utf8_next_char (label) - label);

  return g_strconcat (first, g_utf8_next_char (label), NULL);
}

static const char *
audit_day (RpAuditEntry *entry,
           char          day[11])
{
  g_strlcpy (day, rp_audit_entry_get_recorded_at (entry), 11);
  return day;
}

static char *
describe_step_change (Names        *names,
                      RpStepChange *change)
{
  g_autofree char *date = rp_date_format_medium (rp_step_change_get_changed_on (change));
  g_autofree char *what = NULL;
  const char *reason = rp_step_change_get_reason (change);
  const char *by = who (names, rp_step_change_get_recorded_by (change));
  int to = rp_step_change_get_to_step (change);

  if (rp_step_change_get_from_step (change) == 0)
    /* Translators: "17 July 2026 — Added to the programme at step 1, Social worker identified, by Jo Taylor" */
    what = g_strdup_printf (_("%s — Added to the programme at step %d, %s, by %s"),
                            date, to, rp_moving_plan_step_name (to), by);
  else
    /* Translators: "12 September 2026 — Moved to step 3, Review in progress, by Jo Taylor" */
    what = g_strdup_printf (_("%s — Moved to step %d, %s, by %s"),
                            date, to, rp_moving_plan_step_name (to), by);

  if (reason == NULL)
    return g_steal_pointer (&what);

  return g_strdup_printf ("%s: %s", what, reason);
}

/* An undone step change is one deletion, recorded field by field. */
static char *
describe_undone (Names        *names,
                 RpAuditEntry *to_step,
                 RpAuditEntry *changed_on)
{
  char day[11];
  g_autofree char *undone_on = rp_date_format_medium (audit_day (to_step, day));
  g_autofree char *dated = changed_on != NULL ? rp_date_format_medium (rp_audit_entry_get_old_value (changed_on)) : NULL;
  int step = (int) g_ascii_strtoll (rp_audit_entry_get_old_value (to_step), NULL, 10);

  /* The day it was dated is worth saying only when it is not the day it was undone. */
  if (dated == NULL || g_strcmp0 (dated, undone_on) == 0)
    /* Translators: "4 December 2026 — Step change to 3 undone by Jo Taylor" */
    return g_strdup_printf (_("%s — Step change to %d undone by %s"), undone_on, step,
                            who (names, rp_audit_entry_get_user (to_step)));

  /* Translators: "4 December 2026 — Step change to 3 (dated 2 December 2026) undone by Jo Taylor" */
  return g_strdup_printf (_("%s — Step change to %d (dated %s) undone by %s"), undone_on, step, dated,
                          who (names, rp_audit_entry_get_user (to_step)));
}

/* A raw value of the audit trail as a field's value. */
static GVariant *
field_value (RpAttendeeField  field,
             const char      *raw)
{
  const GVariantType *type = rp_attendee_field_get_value_type (field);

  if (g_variant_type_equal (type, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_new_boolean (raw != NULL && g_ascii_strtoll (raw, NULL, 10) != 0);
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT64))
    return g_variant_new_int64 (raw != NULL ? g_ascii_strtoll (raw, NULL, 10) : 0);

  return g_variant_new_string (raw != NULL ? raw : "");
}

static gboolean
find_field (const char      *name,
            RpAttendeeField *field)
{
  for (RpAttendeeField f = 0; f < RP_ATTENDEE_N_FIELDS; f++)
    if (g_strcmp0 (rp_attendee_field_get_name (f), name) == 0)
      {
        *field = f;
        return TRUE;
      }

  return FALSE;
}

/* A value in words, or NULL when the field was empty. */
static char *
describe_field_value (Names           *names,
                      RpAttendeeField  field,
                      const char      *raw)
{
  g_autoptr(GVariant) value = NULL;

  if (raw == NULL || raw[0] == '\0')
    return NULL;

  if (field == RP_ATTENDEE_FIELD_DATE_OF_BIRTH || field == RP_ATTENDEE_FIELD_TARGET_DATE)
    {
      char *date = rp_date_format_medium (raw);

      if (date != NULL)
        return date;
    }

  value = g_variant_ref_sink (field_value (field, raw));
  return rp_attendee_field_describe (field, value,
                                     worker_name (names, g_variant_is_of_type (value, G_VARIANT_TYPE_INT64)
                                                           ? g_variant_get_int64 (value) : 0));
}

/* How a recorded value is put into words. */
typedef enum
{
  SHOWN_QUOTED,          /* typed by a person: quoted, as case notes are */
  SHOWN_DATE,
  SHOWN_YES_NO,
  SHOWN_PROVIDER,
  SHOWN_WORKER,
  SHOWN_OUTCOME,
  SHOWN_REVIEW_KIND,
  SHOWN_TOOK_PART,
  SHOWN_RATING,
  SHOWN_CONTACT_WITH,
  SHOWN_CONTACT_METHOD,
  SHOWN_WEEKS_AFTER_MOVE,
  SHOWN_DAYS,
  SHOWN_ROLE,
  SHOWN_ACTION_STATUS,
} Shown;

/* The fields recorded outside the attendee page's fields (which
 * rp-attendee-field.c names), as a sentence names them. A field not here
 * (ids, positions) is kept by the system for itself and not told. */
static const struct
{
  const char *table;
  const char *field;
  const char *label;
  Shown       shown;
} labels[] = {
  /* The move, and a move to interim provision with the permanent place planned */
  { "attendee",        "outcome",               N_("Outcome"),                                SHOWN_OUTCOME },
  { "attendee",        "outcome_date",          N_("Date of move or leaving"),                SHOWN_DATE },
  { "attendee",        "moved_to_provider_id",  N_("New provider"),                           SHOWN_PROVIDER },
  { "attendee",        "outcome_reason",        N_("Reason for leaving"),                     SHOWN_QUOTED },
  { "attendee",        "interim",               N_("Interim place"),                          SHOWN_YES_NO },
  { "attendee",        "permanent_provider_id", N_("Permanent provider"),                     SHOWN_PROVIDER },
  { "attendee",        "permanent_date",        N_("Date of the permanent move"),             SHOWN_DATE },
  /* After the move */
  { "planned_outcome", "description",           N_("Planned outcome"),                        SHOWN_QUOTED },
  { "planned_outcome", "written_on",            N_("Date a planned outcome was written"),     SHOWN_DATE },
  { "review",          "kind",                  N_("Kind of review"),                         SHOWN_REVIEW_KIND },
  { "review",          "held_on",               N_("Date of a review"),                       SHOWN_DATE },
  { "review",          "reviewer_id",           N_("Reviewer"),                               SHOWN_WORKER },
  { "review",          "took_part",             N_("Who took part in a review"),              SHOWN_TOOK_PART },
  { "review",          "placement_continues",   N_("Placement continues"),                    SHOWN_YES_NO },
  { "review",          "actions",               N_("Actions from a review"),                  SHOWN_QUOTED },
  { "review",          "notes",                 N_("Review notes"),                           SHOWN_QUOTED },
  { "review_outcome",  "rating",                N_("Rating of a planned outcome"),            SHOWN_RATING },
  { "review_outcome",  "note",                  N_("Note on a planned outcome’s rating"),     SHOWN_QUOTED },
  { "contact_log",     "contacted_on",          N_("Date of a contact"),                      SHOWN_DATE },
  { "contact_log",     "worker_id",             N_("Worker who made a contact"),              SHOWN_WORKER },
  { "contact_log",     "with_whom",             N_("Whom a contact was with"),                SHOWN_CONTACT_WITH },
  { "contact_log",     "with_name",             N_("Name of whom a contact was with"),        SHOWN_QUOTED },
  { "contact_log",     "method",                N_("How a contact was made"),                 SHOWN_CONTACT_METHOD },
  { "contact_log",     "summary",               N_("Summary of a contact"),                   SHOWN_QUOTED },
  { "contact_log",     "follow_up_needed",      N_("Contact to be followed up"),              SHOWN_YES_NO },
  /* The programme's settings, as Report Details names them */
  { "programme",       "name",                  N_("Programme name"),                         SHOWN_QUOTED },
  { "programme",       "closure_date",          N_("Closure date"),                           SHOWN_DATE },
  { "programme",       "report_title",          N_("Report title"),                           SHOWN_QUOTED },
  { "programme",       "department",            N_("Council or department"),                  SHOWN_QUOTED },
  { "programme",       "author",                N_("Report author or contact"),               SHOWN_QUOTED },
  { "programme",       "meeting",               N_("Meeting"),                                SHOWN_QUOTED },
  { "programme",       "meeting_date",          N_("Meeting date"),                           SHOWN_DATE },
  { "programme",       "report_as_of",          N_("Report as of"),                           SHOWN_DATE },
  { "programme",       "marking",               N_("Protective marking"),                     SHOWN_QUOTED },
  { "programme",       "family_contact",        N_("Whom families call"),                     SHOWN_QUOTED },
  { "programme",       "family_contact_phone",  N_("Phone number families call"),             SHOWN_QUOTED },
  { "programme",       "follow_up_weeks",       N_("Follow-up review"),                       SHOWN_WEEKS_AFTER_MOVE },
  { "programme",       "contact_due_days",      N_("Time families may go without contact"),   SHOWN_DAYS },
  { "programme",       "contact_log_since",     N_("Contact log kept since"),                 SHOWN_DATE },
  /* Workers, providers and the timetable, which the programme's history tells */
  { "worker",          "name",                  N_("Name"),                                   SHOWN_QUOTED },
  { "worker",          "initials",              N_("Initials"),                               SHOWN_QUOTED },
  { "worker",          "role",                  N_("Role"),                                   SHOWN_ROLE },
  { "worker",          "team",                  N_("Team"),                                   SHOWN_QUOTED },
  { "worker",          "phone",                 N_("Phone number families may call"),         SHOWN_QUOTED },
  { "worker",          "active",                N_("Active"),                                 SHOWN_YES_NO },
  { "provider",        "name",                  N_("Name"),                                   SHOWN_QUOTED },
  { "provider",        "address",               N_("Address"),                                SHOWN_QUOTED },
  { "provider",        "contact_name",          N_("Contact"),                                SHOWN_QUOTED },
  { "provider",        "contact_phone",         N_("Contact’s phone number"),                 SHOWN_QUOTED },
  { "provider",        "contact_email",         N_("Contact’s email address"),                SHOWN_QUOTED },
  { "provider",        "on_framework",          N_("On the council’s framework"),             SHOWN_YES_NO },
  { "provider",        "notes",                 N_("Notes"),                                  SHOWN_QUOTED },
  { "timetable_action", "activity",             N_("Activity"),                               SHOWN_QUOTED },
  { "timetable_action", "owner",                N_("Owner"),                                  SHOWN_QUOTED },
  { "timetable_action", "due_date",             N_("Due date"),                               SHOWN_DATE },
  { "timetable_action", "due_note",             N_("When it is due"),                         SHOWN_QUOTED },
  { "timetable_action", "status",               N_("Status"),                                 SHOWN_ACTION_STATUS },
};

/* A value kept as one of the core's keys, by the label it has everywhere. */
#define LABEL_OF(Type, prefix) \
  G_STMT_START { \
    Type key; \
    return prefix##_from_string (raw, &key) ? g_strdup (prefix##_get_label (key)) : NULL; \
  } G_STMT_END

/* A recorded value in words, or NULL when there was none. */
static char *
describe_shown (Names      *names,
                Shown       shown,
                const char *raw)
{
  if (raw == NULL || raw[0] == '\0')
    return NULL;

  switch (shown)
    {
    case SHOWN_DATE:
      {
        char *date = rp_date_format_medium (raw);

        return date != NULL ? date : g_strdup_printf (_("“%s”"), raw);
      }

    case SHOWN_YES_NO:
      return g_strdup (g_ascii_strtoll (raw, NULL, 10) != 0 ? _("Yes") : _("No"));

    case SHOWN_PROVIDER:
      {
        g_autoptr(RpProvider) provider = rp_store_get_provider (names->store, g_ascii_strtoll (raw, NULL, 10), NULL);

        return provider != NULL ? g_strdup (rp_provider_get_name (provider)) : NULL;
      }

    case SHOWN_WORKER:
      return g_strdup (worker_name (names, g_ascii_strtoll (raw, NULL, 10)));

    case SHOWN_OUTCOME:
      LABEL_OF (RpOutcome, rp_outcome);

    case SHOWN_REVIEW_KIND:
      LABEL_OF (RpReviewKind, rp_review_kind);

    case SHOWN_TOOK_PART:
      return rp_took_part_describe (rp_took_part_from_string (raw));

    case SHOWN_RATING:
      LABEL_OF (RpRating, rp_rating);

    case SHOWN_CONTACT_WITH:
      LABEL_OF (RpContactWith, rp_contact_with);

    case SHOWN_CONTACT_METHOD:
      LABEL_OF (RpContactMethod, rp_contact_method);

    case SHOWN_WEEKS_AFTER_MOVE:
      {
        guint weeks = (guint) g_ascii_strtoull (raw, NULL, 10);

        /* Translators: when a follow-up review falls: "8 weeks after the move" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week after the move", "%u weeks after the move", weeks),
                                weeks);
      }

    case SHOWN_DAYS:
      {
        guint days = (guint) g_ascii_strtoull (raw, NULL, 10);

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
      }

    case SHOWN_ROLE:
      LABEL_OF (RpWorkerRole, rp_worker_role);

    case SHOWN_ACTION_STATUS:
      LABEL_OF (RpActionStatus, rp_action_status);

    case SHOWN_QUOTED:
    default:
      if (names_erased (names, raw))
        return g_strdup (withheld ());
      /* Translators: a value typed into a field, quoted */
      return g_strdup_printf (_("“%s”"), raw);
    }
}

static gboolean
find_label (const char *table,
            const char *field,
            guint      *index)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].table, table) == 0 && g_strcmp0 (labels[i].field, field) == 0)
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

/* One field edit, or NULL for a field the system keeps for itself (ids,
 * the step, which the step history tells, and the day it was reached). */
static char *
describe_update (Names        *names,
                 RpAuditEntry *entry)
{
  const char *name = rp_audit_entry_get_field (entry);
  const char *by = who (names, rp_audit_entry_get_user (entry));
  char day[11];
  g_autofree char *date = rp_date_format_medium (audit_day (entry, day));
  g_autofree char *label = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  RpAttendeeField field;
  guint index;

  if (g_strcmp0 (rp_audit_entry_get_table_name (entry), "attendee") == 0 && find_field (name, &field))
    {
      label = sentence_start (rp_attendee_field_get_label (field));
      old_value = describe_field_value (names, field, rp_audit_entry_get_old_value (entry));
      new_value = describe_field_value (names, field, rp_audit_entry_get_new_value (entry));
    }
  else if (find_label (rp_audit_entry_get_table_name (entry), name, &index))
    {
      label = g_strdup (_(labels[index].label));
      old_value = describe_shown (names, labels[index].shown, rp_audit_entry_get_old_value (entry));
      new_value = describe_shown (names, labels[index].shown, rp_audit_entry_get_new_value (entry));
    }
  else
    return NULL;

  if (old_value == NULL && new_value == NULL)
    return NULL;

  if (old_value == NULL)
    /* Translators: "4 December 2026 — Phone number set to “0116 496 0000” by Jo Taylor" */
    return g_strdup_printf (_("%s — %s set to %s by %s"), date, label, new_value, by);

  if (new_value == NULL)
    /* Translators: "4 December 2026 — Phone number cleared (was “0116 496 0000”) by Jo Taylor" */
    return g_strdup_printf (_("%s — %s cleared (was %s) by %s"), date, label, old_value, by);

  /* Translators: "4 December 2026 — Phone number changed from “0116 496 0000” to “0116 496 0999” by Jo Taylor" */
  return g_strdup_printf (_("%s — %s changed from %s to %s by %s"), date, label, old_value, new_value, by);
}

/* A value the audit trail recorded for a record, as it was when @up_to
 * (one of @entries) was recorded. */
static const char *
record_value (GListModel   *entries,
              RpAuditEntry *up_to,
              const char   *table,
              gint64        record_id,
              const char   *field)
{
  const char *value = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (entries, i);

      if (entry == up_to)
        break;
      if (rp_audit_entry_get_record_id (entry) == record_id &&
          g_strcmp0 (rp_audit_entry_get_table_name (entry), table) == 0 &&
          g_strcmp0 (rp_audit_entry_get_field (entry), field) == 0)
        value = rp_audit_entry_get_action (entry)[0] == 'd' ? rp_audit_entry_get_old_value (entry)
                                                            : rp_audit_entry_get_new_value (entry);
    }

  return value;
}

/* A record written or deleted after the move, told once: by the field that
 * names it (the day of a review or contact, the words of an outcome);
 * NULL for every other field of it. */
static char *
describe_record (Names        *names,
                 GListModel   *entries,
                 RpAuditEntry *entry)
{
  const char *table = rp_audit_entry_get_table_name (entry);
  const char *field = rp_audit_entry_get_field (entry);
  gboolean added = g_strcmp0 (rp_audit_entry_get_action (entry), "insert") == 0;
  const char *raw = added ? rp_audit_entry_get_new_value (entry) : rp_audit_entry_get_old_value (entry);
  const char *by = who (names, rp_audit_entry_get_user (entry));
  char day[11];
  g_autofree char *date = rp_date_format_medium (audit_day (entry, day));
  g_autofree char *value = NULL;

  if (g_strcmp0 (table, "contact_log") == 0 && g_strcmp0 (field, "contacted_on") == 0)
    {
      value = describe_shown (names, SHOWN_DATE, raw);
      return added ? /* Translators: "4 December 2026 — Contact on 3 December 2026 recorded by Jo Taylor" */
                     g_strdup_printf (_("%s — Contact on %s recorded by %s"), date, value, by)
                   : g_strdup_printf (_("%s — Contact on %s deleted by %s"), date, value, by);
    }

  if (g_strcmp0 (table, "review") == 0 && g_strcmp0 (field, "held_on") == 0)
    {
      value = describe_shown (names, SHOWN_DATE, raw);
      return added ? /* Translators: "4 December 2026 — Review held on 3 December 2026 recorded by Jo Taylor" */
                     g_strdup_printf (_("%s — Review held on %s recorded by %s"), date, value, by)
                   : g_strdup_printf (_("%s — Review held on %s deleted by %s"), date, value, by);
    }

  if (g_strcmp0 (table, "planned_outcome") == 0 && g_strcmp0 (field, "description") == 0)
    {
      value = describe_shown (names, SHOWN_QUOTED, raw);
      return added ? /* Translators: "4 December 2026 — Planned outcome “Goes swimming each week” written by Jo Taylor" */
                     g_strdup_printf (_("%s — Planned outcome %s written by %s"), date, value, by)
                   : g_strdup_printf (_("%s — Planned outcome %s removed by %s"), date, value, by);
    }

  /* A rating goes with its review; a deleted review takes its ratings with it. */
  if (added && g_strcmp0 (table, "review_outcome") == 0 && g_strcmp0 (field, "rating") == 0)
    {
      RpAuditEntry *up_to = entry;
      const char *outcome_id = record_value (entries, up_to, table, rp_audit_entry_get_record_id (entry), "outcome_id");
      /* The outcome in the words it had when it was rated. */
      const char *outcome = outcome_id != NULL
                            ? record_value (entries, up_to, "planned_outcome", g_ascii_strtoll (outcome_id, NULL, 10),
                                            "description")
                            : NULL;
      g_autofree char *quoted = describe_shown (names, SHOWN_QUOTED, outcome);

      value = describe_shown (names, SHOWN_RATING, raw);
      if (quoted == NULL)
        /* Translators: "4 December 2026 — A planned outcome rated Met at a review by Jo Taylor" */
        return g_strdup_printf (_("%s — A planned outcome rated %s at a review by %s"), date, value, by);
      /* Translators: "4 December 2026 — Planned outcome “Goes swimming each week” rated Met at a review by Jo Taylor" */
      return g_strdup_printf (_("%s — Planned outcome %s rated %s at a review by %s"), date, quoted, value, by);
    }

  return NULL;
}

static GHashTable *
list_worker_names (RpStore  *store,
                   GError  **error)
{
  g_autoptr(GListModel) workers = rp_store_list_workers (store, TRUE, error);
  GHashTable *names;

  if (workers == NULL)
    return NULL;

  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

      g_hash_table_insert (names, g_memdup2 (&(gint64) { rp_worker_get_id (worker) }, sizeof (gint64)),
                           g_strdup (rp_worker_get_name (worker)));
    }

  return names;
}

/* Who is who: every worker ever by id, and the worker this computer's account belongs to. */
static gboolean
names_init (Names       *names,
            RpStore     *store,
            const char  *my_account,
            const char  *my_name,
            GError     **error)
{
  names->store = store;
  names->my_account = my_account;
  names->my_name = my_name;
  names->worker_names = list_worker_names (store, error);
  return names->worker_names != NULL;
}

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->worker_names, g_hash_table_unref);
  g_clear_pointer (&names->erased, rp_name_index_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

static void
add_undone (GPtrArray  *lines,
            Names      *names,
            GListModel *deletions)
{
  /* Each deletion is a run of rows of one record id, newest first. */
  for (guint i = 0; i < g_list_model_get_n_items (deletions); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (deletions, i);
      g_autoptr(RpAuditEntry) changed_on = NULL;
      char day[11];

      if (g_strcmp0 (rp_audit_entry_get_field (entry), "to_step") != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (deletions); j++)
        {
          g_autoptr(RpAuditEntry) other = g_list_model_get_item (deletions, j);

          if (rp_audit_entry_get_record_id (other) == rp_audit_entry_get_record_id (entry) &&
              g_strcmp0 (rp_audit_entry_get_field (other), "changed_on") == 0)
            g_set_object (&changed_on, other);
        }

      add_line (lines, audit_day (entry, day), rp_audit_entry_get_recorded_at (entry),
                describe_undone (names, entry, changed_on));
    }
}

/**
 * rp_history_describe:
 * @store: the store
 * @attendee_id: the attendee
 * @my_account: (nullable): this computer's account, as the audit trail names it
 * @my_name: (nullable): the name of the worker who uses @my_account
 * @error: why the history could not be read
 *
 * The attendee's history in people's words: the step history, which says
 * why; step changes undone; and every edit from the audit trail, from what to
 * what, with field names as the page shows them, workers and providers by
 * name, dates in words; and what was recorded after the move (planned
 * outcomes, reviews and their ratings, the contact log), each field named
 * by the labels table. Fields the system keeps for itself are left out.
 *
 * Returns: (transfer full) (element-type utf8): the lines, newest first
 */
GPtrArray *
rp_history_describe (RpStore     *store,
                     gint64       attendee_id,
                     const char  *my_account,
                     const char  *my_name,
                     GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (line_free);
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(GListModel) undone = NULL;
  g_autoptr(GListModel) records = NULL;
  g_auto(Names) names = { 0 };
  gboolean started = FALSE;
  GPtrArray *texts;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(steps = rp_store_list_step_history (store, attendee_id, error)) ||
      !(audit = rp_store_list_audit (store, "attendee", attendee_id, error)) ||
      !(undone = rp_store_list_undone_step_changes (store, attendee_id, error)) ||
      !(records = rp_store_list_attendee_records_audit (store, attendee_id, error)) ||
      !names_init (&names, store, my_account, my_name, error))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(RpStepChange) change = g_list_model_get_item (steps, i);

      started |= rp_step_change_get_from_step (change) == 0;
      add_line (lines, rp_step_change_get_changed_on (change), rp_step_change_get_recorded_at (change),
                describe_step_change (&names, change));
    }

  add_undone (lines, &names, undone);

  for (guint i = g_list_model_get_n_items (audit); i > 0; i--)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (audit, i - 1);
      const char *action = rp_audit_entry_get_action (entry);
      char day[11];
      char *text = NULL;

      /* The first step of the history says when they joined; the record's
       * insertion is only when someone typed it in. */
      if (g_strcmp0 (action, "insert") == 0 && !started)
        {
          g_autofree char *date = rp_date_format_medium (audit_day (entry, day));

          started = TRUE;
          text = g_strdup_printf (_("%s — Added to the programme by %s"), date,
                                  who (&names, rp_audit_entry_get_user (entry)));
        }
      else if (g_strcmp0 (action, "update") == 0)
        text = describe_update (&names, entry);

      if (text != NULL)
        add_line (lines, audit_day (entry, day), rp_audit_entry_get_recorded_at (entry), text);
    }

  /* What was recorded after the move: reviews, outcomes, contact with the family. */
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (records, i);
      const char *action = rp_audit_entry_get_action (entry);
      char day[11];
      char *text = g_strcmp0 (action, "update") == 0 ? describe_update (&names, entry)
                                                     : describe_record (&names, records, entry);

      if (text != NULL)
        add_line (lines, audit_day (entry, day), rp_audit_entry_get_recorded_at (entry), text);
    }

  g_ptr_array_sort (lines, compare_newest_first);

  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      g_ptr_array_add (texts, g_steal_pointer (&line->text));
    }

  return texts;
}

/* The programme's history ------------------------------------------------- */

/* A value as "(was …)" gives it: a number of weeks or days is already
 * said by the new value beside it. */
static char *
describe_was (Names      *names,
              Shown       shown,
              const char *raw)
{
  if (raw != NULL && (shown == SHOWN_WEEKS_AFTER_MOVE || shown == SHOWN_DAYS))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_ascii_strtoll (raw, NULL, 10));

  return describe_shown (names, shown, raw);
}

/* "Follow-up review set to 8 weeks after the move (was 6)", or NULL when
 * there is nothing to tell. */
static char *
describe_setting (Names        *names,
                  RpAuditEntry *entry,
                  guint         index)
{
  g_autofree char *old_value = describe_was (names, labels[index].shown, rp_audit_entry_get_old_value (entry));
  g_autofree char *new_value = describe_shown (names, labels[index].shown, rp_audit_entry_get_new_value (entry));
  const char *label = _(labels[index].label);

  if (old_value == NULL && new_value == NULL)
    return NULL;
  if (old_value == NULL)
    /* Translators: "Closure date set to 31 March 2027" */
    return g_strdup_printf (_("%s set to %s"), label, new_value);
  if (new_value == NULL)
    /* Translators: "Meeting cleared (was “Scrutiny Committee”)" */
    return g_strdup_printf (_("%s cleared (was %s)"), label, old_value);

  /* Translators: "Follow-up review set to 8 weeks after the move (was 6)" */
  return g_strdup_printf (_("%s set to %s (was %s)"), label, new_value, old_value);
}

/* A worker, provider or timetable action as a sentence names it, by the
 * name it had then; the programme itself for its own settings. */
static char *
describe_subject (Names      *names,
                  const char *table,
                  const char *name)
{
  if (name == NULL)
    name = _("(no name)");
  else if (names_erased (names, name))
    name = withheld ();

  if (g_str_equal (table, "worker"))
    /* Translators: "Worker Jo Taylor" */
    return g_strdup_printf (_("Worker %s"), name);
  if (g_str_equal (table, "provider"))
    /* Translators: "Provider Oakfield Day Opportunities" */
    return g_strdup_printf (_("Provider %s"), name);
  if (g_str_equal (table, "timetable_action"))
    /* Translators: "Timetable action “Book the coach”" */
    return g_strdup_printf (_("Timetable action “%s”"), name);

  /* Translators: "Programme “Riverside Day Centre closure”" */
  return g_strdup_printf (_("Programme “%s”"), name);
}

/* The field that names a record of @table. */
static const char *
naming_field (const char *table)
{
  return g_str_equal (table, "timetable_action") ? "activity" : "name";
}

/* One change of the programme's history without who and when, or NULL for
 * one it does not tell (ids, positions, the values a new record starts with). */
static char *
describe_programme_entry (Names        *names,
                          RpAuditEntry *entry,
                          const char   *name)
{
  const char *table = rp_audit_entry_get_table_name (entry);
  const char *field = rp_audit_entry_get_field (entry);
  const char *action = rp_audit_entry_get_action (entry);
  const char *new_raw = rp_audit_entry_get_new_value (entry);
  gboolean names_it = g_strcmp0 (field, naming_field (table)) == 0;
  gboolean is_programme = g_str_equal (table, "programme");
  g_autofree char *subject = NULL;
  g_autofree char *change = NULL;
  guint index;

  if (!g_str_equal (action, "update"))
    {
      if (!names_it)
        return NULL;
      subject = describe_subject (names, table, g_str_equal (action, "insert") ? new_raw : rp_audit_entry_get_old_value (entry));
      if (g_str_equal (action, "insert"))
        /* Translators: "Worker Jo Taylor added", "Programme “Riverside” set up" */
        return g_strdup_printf (is_programme ? _("%s set up") : _("%s added"), subject);
      /* Translators: "Timetable action “Book the coach” removed" */
      return g_strdup_printf (_("%s removed"), subject);
    }

  if (!find_label (table, field, &index) || !(change = describe_setting (names, entry, index)))
    return NULL;
  if (is_programme)
    return g_steal_pointer (&change);

  subject = describe_subject (names, table, name);
  if (names_it && new_raw != NULL)
    {
      /* An activity is typed words, quoted as its subject quotes it; a person or place is named as it is. */
      g_autofree char *new_name = names_erased (names, new_raw) ? g_strdup (withheld ())
                                  : g_str_equal (table, "timetable_action") ? g_strdup_printf (_("“%s”"), new_raw)
                                  : g_strdup (new_raw);

      /* Translators: "Worker Jo Taylor renamed Jo Mistry" */
      return g_strdup_printf (_("%s renamed %s"), subject, new_name);
    }
  if (g_str_equal (field, "status") && g_strcmp0 (new_raw, rp_action_status_to_string (RP_ACTION_COMPLETED)) == 0)
    /* Translators: "Timetable action “Book the coach” done" */
    return g_strdup_printf (_("%s done"), subject);
  if (g_str_equal (field, "active"))
    return g_strdup_printf (g_ascii_strtoll (new_raw != NULL ? new_raw : "0", NULL, 10) != 0
                            /* Translators: "Worker Jo Taylor active again" */
                            ? _("%s active again")
                            /* Translators: "Worker Jo Taylor no longer active" */
                            : _("%s no longer active"), subject);

  /* Translators: "Worker Jo Taylor: Team set to “North” (was “South”)" */
  return g_strdup_printf (_("%s: %s"), subject, change);
}

/**
 * rp_history_describe_programme:
 * @store: the store
 * @programme_id: the programme
 * @my_account: (nullable): this computer's account, as the audit trail names it
 * @my_name: (nullable): the name of the worker who uses @my_account
 * @error: why the history could not be read
 *
 * The programme's history in people's words, each line saying who made the
 * change and when: its settings (report details, after-the-move settings,
 * the closure date) from what to what; workers and providers added,
 * renamed, changed and removed; its timetable actions added, changed and
 * done. Nothing about an attendee is in it: that is each attendee's own
 * history, and what an erasure took is gone from both. Typed words that
 * named someone since erased (an activity's, before it was reworded) are
 * withheld.
 *
 * Returns: (transfer full) (element-type utf8): the lines, newest first
 */
GPtrArray *
rp_history_describe_programme (RpStore     *store,
                               gint64       programme_id,
                               const char  *my_account,
                               const char  *my_name,
                               GError     **error)
{
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(GHashTable) record_names = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_auto(Names) names = { 0 };

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(audit = rp_store_list_programme_audit (store, programme_id, error)) ||
      !names_init (&names, store, my_account, my_name, error) ||
      !(names.erased = rp_store_build_erased_index (store, error)))
    return NULL;

  /* Oldest first, so each record is named as it was called at the time. */
  record_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (audit); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (audit, i);
      const char *table = rp_audit_entry_get_table_name (entry);
      g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, table, rp_audit_entry_get_record_id (entry));
      g_autofree char *what = describe_programme_entry (&names, entry, g_hash_table_lookup (record_names, key));
      g_autofree char *when = NULL;

      if (g_strcmp0 (rp_audit_entry_get_field (entry), naming_field (table)) == 0 &&
          rp_audit_entry_get_new_value (entry) != NULL)
        g_hash_table_insert (record_names, g_steal_pointer (&key), g_strdup (rp_audit_entry_get_new_value (entry)));

      if (what == NULL)
        continue;

      when = rp_date_format_moment (rp_audit_entry_get_recorded_at (entry));
      /* Translators: "Follow-up review set to 8 weeks after the move (was 6) — Priya Mistry, 4 Dec 2026 14:02" */
      g_ptr_array_add (texts, g_strdup_printf (_("%s — %s, %s"), what, who (&names, rp_audit_entry_get_user (entry)),
                                               when != NULL ? when : rp_audit_entry_get_recorded_at (entry)));
    }

  /* Newest first, as the audit trail's own order has it. */
  for (guint i = 0; i < texts->len / 2; i++)
    {
      gpointer line = texts->pdata[i];

      texts->pdata[i] = texts->pdata[texts->len - 1 - i];
      texts->pdata[texts->len - 1 - i] = line;
    }

  return g_steal_pointer (&texts);
}
