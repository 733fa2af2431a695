/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-contacts.c: the contact log: logging, listing newest first, refusals in words,
 * the "family not contacted" marker, and that no published export holds a summary */

#include "config.h"

#include <string.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

#define TODAY "2023-09-22"
#define SECRET "Janet’s zero\u200Bwidth secret: Émile O'Brien called"

typedef struct
{
  char        *dir;
  RpStore     *store;
  RpProgramme *programme;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, TODAY);
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static RpAttendee *
attendee (Fixture *fixture,
          int      number)
{
  g_autoptr(GError) error = NULL;
  RpAttendee *found = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), number, &error);

  g_assert_no_error (error);
  return found;
}

static RpContact *
make_contact (gint64           attendee_id,
              const char      *date,
              RpContactMethod  method,
              const char      *summary)
{
  RpContact *contact = rp_contact_new ();

  rp_contact_set_attendee_id (contact, attendee_id);
  rp_contact_set_contacted_on (contact, date);
  rp_contact_set_method (contact, method);
  rp_contact_set_with_name (contact, "Janet Walker");
  rp_contact_set_summary (contact, summary);
  return contact;
}

static GListModel *
list (Fixture *fixture,
      gint64   attendee_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *contacts = rp_store_list_contacts (fixture->store, attendee_id, &error);

  g_assert_no_error (error);
  return contacts;
}

static void
test_contacts_add_list (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RpAttendee) liam = attendee (fixture, 12);
  g_autoptr(RpContact) older = make_contact (rp_attendee_get_id (liam), "2023-09-01", RP_CONTACT_METHOD_LETTER, "Letter sent");
  g_autoptr(RpContact) newer = make_contact (rp_attendee_get_id (liam), "2023-09-21", RP_CONTACT_METHOD_PHONE, SECRET);
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(RpContact) first = NULL;
  g_autoptr(RpContact) last = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  contacts = list (fixture, rp_attendee_get_id (liam));
  before = g_list_model_get_n_items (contacts);
  g_clear_object (&contacts);

  rp_contact_set_follow_up_needed (newer, TRUE);
  rp_store_set_user (fixture->store, "Mel Lewis");
  g_assert_true (rp_store_add_contact (fixture->store, older, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_add_contact (fixture->store, newer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rp_contact_get_id (newer), >, 0);

  /* Newest first, whatever order they were logged in. */
  contacts = list (fixture, rp_attendee_get_id (liam));
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, before + 2);
  first = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (rp_contact_get_contacted_on (first), ==, "2023-09-21");
  g_assert_cmpstr (rp_contact_get_summary (first), ==, SECRET);
  g_assert_cmpint (rp_contact_get_method (first), ==, RP_CONTACT_METHOD_PHONE);
  g_assert_cmpint (rp_contact_get_with_whom (first), ==, RP_CONTACT_WITH_FAMILY);
  g_assert_true (rp_contact_get_follow_up_needed (first));
  for (guint i = 1; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RpContact) a = g_list_model_get_item (contacts, i - 1);
      g_autoptr(RpContact) b = g_list_model_get_item (contacts, i);

      g_assert_cmpint (rp_date_compare (rp_contact_get_contacted_on (a), rp_contact_get_contacted_on (b)), >=, 0);
    }

  /* Edited, then deleted and put back with its own id, as Undo does. */
  rp_contact_set_summary (newer, "Called back");
  g_assert_true (rp_store_save_contact (fixture->store, newer, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_delete_contact (fixture->store, rp_contact_get_id (newer), &error));
  g_assert_no_error (error);
  g_clear_object (&contacts);
  contacts = list (fixture, rp_attendee_get_id (liam));
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, before + 1);
  g_assert_false (rp_store_delete_contact (fixture->store, rp_contact_get_id (newer), &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rp_store_restore_contact (fixture->store, newer, &error));
  g_assert_no_error (error);
  g_assert_false (rp_store_restore_contact (fixture->store, newer, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&contacts);
  contacts = list (fixture, rp_attendee_get_id (liam));
  last = g_list_model_get_item (contacts, 0);
  g_assert_cmpint (rp_contact_get_id (last), ==, rp_contact_get_id (newer));
  g_assert_cmpstr (rp_contact_get_summary (last), ==, "Called back");

  /* Every change is in the audit trail, in the name of whoever made it. */
  audit = rp_store_list_audit (fixture->store, "contact_log", rp_contact_get_id (newer), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), >=, 4);
  {
    g_autoptr(RpAuditEntry) entry = g_list_model_get_item (audit, 0);
    g_assert_cmpstr (rp_audit_entry_get_user (entry), ==, rp_test_audit_user ("Mel Lewis"));
  }
}

static void
test_contacts_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpAttendee) liam = attendee (fixture, 12);
  g_autoptr(RpContact) contact = make_contact (rp_attendee_get_id (liam), NULL, RP_CONTACT_METHOD_PHONE, NULL);
  g_autoptr(GListModel) before = list (fixture, rp_attendee_get_id (liam));
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (rp_store_add_contact (fixture->store, contact, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Give the date of the contact.");
  g_clear_error (&error);

  rp_contact_set_contacted_on (contact, "2023-09-23");
  g_assert_false (rp_store_add_contact (fixture->store, contact, &error));
  g_assert_cmpstr (error->message, ==, "The date of the contact cannot be in the future.");
  g_clear_error (&error);

  rp_contact_set_contacted_on (contact, "2023-02-31");
  g_assert_false (rp_store_add_contact (fixture->store, contact, &error));
  g_assert_cmpstr (error->message, ==, "The date of the contact is not a real date.");
  g_clear_error (&error);

  rp_contact_set_contacted_on (contact, TODAY);
  rp_contact_set_method (contact, RP_CONTACT_METHOD_NONE);
  g_assert_false (rp_store_add_contact (fixture->store, contact, &error));
  g_assert_cmpstr (error->message, ==, "Say how the contact was made: letter, phone, visit, meeting or email.");
  g_clear_error (&error);

  /* A name with a line break is refused; nothing was written, and the id is still 0. */
  rp_contact_set_method (contact, RP_CONTACT_METHOD_VISIT);
  rp_contact_set_with_name (contact, "Janet\nWalker");
  g_assert_false (rp_store_add_contact (fixture->store, contact, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rp_contact_get_id (contact), ==, 0);

  after = list (fixture, rp_attendee_get_id (liam));
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));

  /* Today itself is fine. */
  rp_contact_set_with_name (contact, "Janet Walker");
  g_assert_true (rp_store_add_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
}

/* The marker, judged on the attendee as the store reads it. */
static RpAttention
judge (Fixture    *fixture,
       int         number,
       const char *today,
       guint       due_days)
{
  g_autoptr(RpAttendee) read = attendee (fixture, number);
  g_autoptr(RpRulesContext) rules = rp_rules_context_new_full (today, NULL, 365, due_days);

  return rp_attention_for_attendee (read, rules) & RP_ATTENTION_FAMILY_NOT_CONTACTED;
}

static void
test_contacts_marker (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RpAttendee) ella = attendee (fixture, 5);
  g_autoptr(RpContact) call = make_contact (rp_attendee_get_id (ella), "2023-10-01", RP_CONTACT_METHOD_PHONE, NULL);
  g_autoptr(RpContact) provider = make_contact (rp_attendee_get_id (ella), "2023-10-20", RP_CONTACT_METHOD_EMAIL, NULL);
  g_autoptr(RpAttendee) read = NULL;
  g_autoptr(RpRulesContext) rules = NULL;
  g_autofree char *words = NULL;
  g_autoptr(GError) error = NULL;

  rp_store_set_today (fixture->store, "2023-10-20");
  g_assert_true (rp_store_add_contact (fixture->store, call, &error));
  g_assert_no_error (error);
  /* Contact with the provider is not contact with the family. */
  rp_contact_set_with_whom (provider, RP_CONTACT_WITH_PROVIDER);
  g_assert_true (rp_store_add_contact (fixture->store, provider, &error));
  g_assert_no_error (error);

  /* 13 days after the call, no marker; 14 is not over; 15 is. */
  g_assert_false (judge (fixture, 5, "2023-10-14", 14));
  g_assert_false (judge (fixture, 5, "2023-10-15", 14));
  g_assert_true (judge (fixture, 5, "2023-10-16", 14));

  /* The programme's setting is what counts. */
  g_assert_false (judge (fixture, 5, "2023-10-16", 30));
  g_assert_true (judge (fixture, 5, "2023-10-04", 2));
  rp_programme_set_contact_due_days (fixture->programme, 30);
  read = attendee (fixture, 5);
  rules = rp_rules_context_new_for_programme (fixture->programme, "2023-10-16", 365);
  g_assert_cmpuint (rules->contact_due_days, ==, 30);
  g_assert_false (rp_attention_for_attendee (read, rules) & RP_ATTENTION_FAMILY_NOT_CONTACTED);
  g_clear_pointer (&rules, rp_rules_context_unref);
  rules = rp_rules_context_new_for_programme (fixture->programme, "2023-11-01", 365);
  g_assert_true (rp_attention_for_attendee (read, rules) & RP_ATTENTION_FAMILY_NOT_CONTACTED);
  words = rp_attention_describe (RP_ATTENTION_FAMILY_NOT_CONTACTED, read, "2023-11-01");
  g_assert_cmpstr (words, ==, "Family or advocate not contacted for 31 days");

  /* Once moved, the family is no longer chased. */
  {
    g_autoptr(GListModel) providers = rp_store_list_providers (fixture->store, &error);
    g_autoptr(RpProvider) mosaic = g_list_model_get_item (providers, 3);

    g_assert_true (rp_store_record_move (fixture->store, rp_attendee_get_id (ella), rp_provider_get_id (mosaic),
                                         "2023-10-20", &error));
  }
  g_assert_no_error (error);
  g_assert_false (judge (fixture, 5, "2023-12-01", 14));
}

/* For a person with no family the advocate speaks for them: a call with the
 * advocate clears the marker as one with the family does; a call with the
 * provider or with the person does not. */
static void
test_contacts_advocate (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RpAttendee) ella = attendee (fixture, 5);
  g_autoptr(RpContact) provider = make_contact (rp_attendee_get_id (ella), "2023-10-15", RP_CONTACT_METHOD_PHONE, NULL);
  g_autoptr(RpContact) person = make_contact (rp_attendee_get_id (ella), "2023-10-15", RP_CONTACT_METHOD_VISIT, NULL);
  g_autoptr(RpContact) advocate = make_contact (rp_attendee_get_id (ella), "2023-10-15", RP_CONTACT_METHOD_PHONE, NULL);
  g_autoptr(GError) error = NULL;

  rp_store_set_today (fixture->store, "2023-10-20");
  /* The sample's last contact with Ella's family is before 22 September. */
  g_assert_true (judge (fixture, 5, "2023-10-20", 14));

  rp_contact_set_with_whom (provider, RP_CONTACT_WITH_PROVIDER);
  g_assert_true (rp_store_add_contact (fixture->store, provider, &error));
  g_assert_no_error (error);
  rp_contact_set_with_whom (person, RP_CONTACT_WITH_PERSON);
  g_assert_true (rp_store_add_contact (fixture->store, person, &error));
  g_assert_no_error (error);
  g_assert_true (judge (fixture, 5, "2023-10-20", 14));

  rp_contact_set_with_whom (advocate, RP_CONTACT_WITH_ADVOCATE);
  rp_contact_set_with_name (advocate, "Priya Shah (advocate)");
  g_assert_true (rp_store_add_contact (fixture->store, advocate, &error));
  g_assert_no_error (error);
  g_assert_false (judge (fixture, 5, "2023-10-20", 14));
  g_assert_false (judge (fixture, 5, "2023-10-29", 14));
  g_assert_true (judge (fixture, 5, "2023-10-30", 14));
}

/* Days without contact count from no earlier than the day the programme's
 * contact log began: nobody is flagged until more days than allowed have
 * passed since then, however long ago the last contact was. */
static void
test_contacts_log_since (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Liam's family was last contacted weeks ago: flagged. */
  g_assert_true (judge (fixture, 12, TODAY, 14));
  g_assert_true (rp_store_set_contact_log_since (fixture->store, rp_programme_get_id (fixture->programme),
                                                 "2023-09-20", &error));
  g_assert_no_error (error);
  g_assert_false (judge (fixture, 12, TODAY, 14));
  g_assert_false (judge (fixture, 12, "2023-10-04", 14));
  g_assert_true (judge (fixture, 12, "2023-10-05", 14));
}

static void
test_contacts_never (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RpAttendee) someone = rp_attendee_new ();
  g_autoptr(RpRulesContext) rules = rp_rules_context_new_full (TODAY, NULL, 365, 14);
  g_autoptr(RpRulesContext) unjudged = rp_rules_context_new (TODAY, NULL, 365);
  g_autofree char *words = NULL;

  rp_attendee_set_worker_id (someone, 3);
  g_assert_cmpint (rp_attention_for_attendee (someone, rules), ==, RP_ATTENTION_FAMILY_NOT_CONTACTED);
  words = rp_attention_describe (RP_ATTENTION_FAMILY_NOT_CONTACTED, someone, TODAY);
  g_assert_cmpstr (words, ==, "No contact with the family or advocate recorded");
  g_assert_cmpint (rp_attention_for_attendee (someone, unjudged), ==, RP_ATTENTION_NONE);
}

/* The dashboard's count is the same as judging each attendee. */
static void
test_contacts_counted (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RpRulesContext) rules = rp_rules_context_new_for_programme (fixture->programme, TODAY, 365);
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  guint n_needing = 0, n_not_contacted = 0, expected = 0;

  attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) each = g_list_model_get_item (attendees, i);
      if (rp_attention_for_attendee (each, rules) & RP_ATTENTION_FAMILY_NOT_CONTACTED)
        expected++;
    }

  found = rp_store_find_needing_attention_counted (fixture->store, rp_programme_get_id (fixture->programme), rules, 3,
                                                   &n_needing, &n_not_contacted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_not_contacted, ==, expected);
  /* The sample: Liam Walker's family, away in Spain, 18 days ago. */
  g_assert_cmpuint (n_not_contacted, ==, 1);
}

/* The log is private: neither the report, in any table, nor the attendee
 * list without personal fields holds a word of a summary or a name. */
static void
test_contacts_never_published (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RpAttendee) liam = attendee (fixture, 12);
  g_autoptr(RpContact) contact = make_contact (rp_attendee_get_id (liam), TODAY, RP_CONTACT_METHOD_VISIT, SECRET);
  g_autoptr(GError) error = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) workers = NULL;
  g_autofree char *list_csv = NULL;
  static const RpReportTable tables[] = { RP_REPORT_TABLE_PROGRESS, RP_REPORT_TABLE_TIMETABLE, RP_REPORT_TABLE_SUMMARY };

  rp_contact_set_with_name (contact, "Zebedee Quartermain");
  g_assert_true (rp_store_add_contact (fixture->store, contact, &error));
  g_assert_no_error (error);

  report = rp_report_build (fixture->store, rp_programme_get_id (fixture->programme), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *csv = rp_report_to_csv (report, tables[i]);

      g_assert_nonnull (csv);
      g_assert_null (strstr (csv, "secret"));
      g_assert_null (strstr (csv, "Zebedee"));
      g_assert_null (strstr (csv, "Janet’s"));
      g_assert_null (strstr (csv, "Spain"));   /* the sample's own summary for Liam */
    }

  attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);
  workers = rp_store_list_workers (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  list_csv = rp_attendee_columns_to_csv (fixture->store, attendees, workers, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (list_csv, "secret"));
  g_assert_null (strstr (list_csv, "Zebedee"));
}

static char *
export_log (RpStore     *store,
            RpProgramme *programme)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contacts = rp_store_list_programme_contacts (store, rp_programme_get_id (programme), &error);
  g_autoptr(GListModel) attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), &error);

  g_assert_no_error (error);
  return rp_contact_csv_write (contacts, attendees);
}

static guint
count_contacts (RpStore     *store,
                RpProgramme *programme)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contacts = rp_store_list_programme_contacts (store, rp_programme_get_id (programme), &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (contacts);
}

/* A second database holding the sample without its contact log. */
static RpStore *
open_other (Fixture      *fixture,
            RpProgramme **programme)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "other.db", NULL);
  RpStore *store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_autoptr(GListModel) contacts = NULL;

  g_assert_no_error (error);
  rp_store_set_today (store, TODAY);
  rp_store_set_user (store, "Jo Taylor");
  *programme = rp_sample_create (store, &error);
  g_assert_no_error (error);
  contacts = rp_store_list_programme_contacts (store, rp_programme_get_id (*programme), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RpContact) contact = g_list_model_get_item (contacts, i);

      g_assert_true (rp_store_delete_contact (store, rp_contact_get_id (contact), &error));
      g_assert_no_error (error);
    }
  return store;
}

/* Fails the test unless one of @problems is on @line, in @heading, saying @part. */
static void
assert_problem (GPtrArray  *problems,
                guint       line,
                const char *heading,
                const char *part)
{
  for (guint i = 0; i < problems->len; i++)
    {
      RpImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line == line && g_strcmp0 (problem->heading, heading) == 0 && strstr (problem->message, part) != NULL)
        return;
      g_test_message ("%u: %s: %s", problem->line, problem->heading, problem->message);
    }
  g_test_fail_printf ("no problem on line %u, column %s, saying “%s”", line, heading, part);
}

/* The log exported from one programme imports into another as it was,
 * summaries that start like formulas kept as text and guarded again. */
static void
test_contacts_csv_round_trip (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(RpAttendee) liam = attendee (fixture, 12);
  g_autoptr(RpContact) formula = make_contact (rp_attendee_get_id (liam), "2023-09-01", RP_CONTACT_METHOD_EMAIL,
                                               "=HYPERLINK(\"http://example.com\",\"click\")");
  g_autoptr(RpContact) lines = make_contact (rp_attendee_get_id (liam), "2023-09-02", RP_CONTACT_METHOD_MEETING,
                                             "Met at home.\nAgreed, in writing, a second \"taster\" day.");
  g_autoptr(RpStore) other = NULL;
  g_autoptr(RpProgramme) other_programme = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  guint n_added = 0;

  rp_contact_set_with_whom (lines, RP_CONTACT_WITH_PROVIDER);
  rp_contact_set_follow_up_needed (lines, TRUE);
  g_assert_true (rp_store_add_contact (fixture->store, formula, &error));
  g_assert_true (rp_store_add_contact (fixture->store, lines, &error));
  g_assert_no_error (error);

  exported = export_log (fixture->store, fixture->programme);
  g_assert_nonnull (strstr (exported, ",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\","));
  g_assert_cmpuint (count_contacts (fixture->store, fixture->programme), >, 2);

  other = open_other (fixture, &other_programme);
  g_assert_true (rp_contact_csv_import (other, rp_programme_get_id (other_programme), exported, strlen (exported),
                                        FALSE, &n_added, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (n_added, ==, count_contacts (fixture->store, fixture->programme));

  again = export_log (other, other_programme);
  g_assert_cmpstr (again, ==, exported);
  g_clear_object (&other_programme);
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* A bad row names its line and column, and nothing of the file is saved;
 * a formula from another program is kept as text. */
static void
test_contacts_csv_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *bad =
    "attendee,date,worker,with_whom,with_name,method,summary,follow_up_needed,colour\n"
    "12,2023-09-01,Priya Mistry,family,Janet Walker,phone,\"=1+1\",no,\n"
    "12,31/02/2023,PM,family,,fax,Fine,maybe,\n"
    "999,2023-09-01,Nobody Known,aliens,,letter,,,\n";
  const char *good =
    "attendee,date,worker,with_whom,with_name,method,summary,follow_up_needed\r\n"
    "12,21/09/2023,pm,,,phone,=1+1,yes\r\n";
  g_autoptr(RpStore) other = NULL;
  g_autoptr(RpProgramme) other_programme = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) liam = attendee (fixture, 12);
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(RpContact) contact = NULL;
  g_autofree char *exported = NULL;
  guint before = count_contacts (fixture->store, fixture->programme);
  guint n_added = 0;

  g_assert_false (rp_contact_csv_import (fixture->store, rp_programme_get_id (fixture->programme), bad, strlen (bad),
                                         FALSE, &n_added, &problems, &error));
  g_assert_error (error, RP_ERROR, RP_ERROR_INVALID);
  g_clear_error (&error);
  assert_problem (problems, 1, "colour", "does not know this heading");
  assert_problem (problems, 3, "date", "");
  assert_problem (problems, 3, "method", "“fax” is not a way of making contact");
  assert_problem (problems, 3, "follow_up_needed", "");
  assert_problem (problems, 4, "attendee", "No attendee numbered 999");
  assert_problem (problems, 4, "worker", "No worker called “Nobody Known”");
  assert_problem (problems, 4, "with_whom", "“aliens” is not whom");
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (count_contacts (fixture->store, fixture->programme), ==, before);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A cell starting with "=" that the app did not guard is the text itself. */
  g_assert_true (rp_contact_csv_import (fixture->store, rp_programme_get_id (fixture->programme), good, strlen (good),
                                        FALSE, &n_added, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);
  contacts = list (fixture, rp_attendee_get_id (liam));
  contact = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (rp_contact_get_contacted_on (contact), ==, "2023-09-21");
  g_assert_cmpstr (rp_contact_get_summary (contact), ==, "=1+1");
  g_assert_cmpstr (rp_contact_get_worker_name (contact), ==, "Priya Mistry");
  g_assert_true (rp_contact_get_follow_up_needed (contact));
  exported = export_log (fixture->store, fixture->programme);
  g_assert_nonnull (strstr (exported, ",\"'=1+1\",yes\r\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/contacts/add-list", test_contacts_add_list);
  ADD ("/core/contacts/refused", test_contacts_refused);
  ADD ("/core/contacts/marker", test_contacts_marker);
  ADD ("/core/contacts/never-contacted", test_contacts_never);
  ADD ("/core/contacts/advocate", test_contacts_advocate);
  ADD ("/core/contacts/log-since", test_contacts_log_since);
  ADD ("/core/contacts/counted", test_contacts_counted);
  ADD ("/core/contacts/never-published", test_contacts_never_published);
  ADD ("/core/contacts/csv-round-trip", test_contacts_csv_round_trip);
  ADD ("/core/contacts/csv-refused", test_contacts_csv_refused);
#undef ADD

  return g_test_run ();
}
