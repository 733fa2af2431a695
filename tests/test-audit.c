/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-audit.c: every change leaves a trail, and the trail cannot be edited */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rp-core.h"
#include "rp-audit-entry-private.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

typedef struct
{
  char    *dir;
  RpStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "audit.db", NULL);
  fixture->store = rp_test_open_store (path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_user (fixture->store, "mlewis");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static RpAuditEntry *
find_entry (GListModel *entries,
            const char *field)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (rp_audit_entry_get_field (entry), field) == 0)
        return g_steal_pointer (&entry);
    }

  return NULL;
}

static void
test_audit_insert_and_update (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProvider) provider = rp_provider_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RpAuditEntry) entry = NULL;
  guint after_insert;

  rp_provider_set_name (provider, "Pathfinders");
  rp_provider_set_address (provider, "Unit 4, Canal Wharf");
  g_assert_true (rp_store_add_provider (fixture->store, provider, &error));

  entries = rp_store_list_audit (fixture->store, "provider", rp_provider_get_id (provider), &error);
  g_assert_no_error (error);
  after_insert = g_list_model_get_n_items (entries);
  /* name, address and on_framework (0) have values; nothing else was set. */
  g_assert_cmpuint (after_insert, ==, 3);
  entry = find_entry (entries, "name");
  g_assert_nonnull (entry);
  g_assert_cmpstr (rp_audit_entry_get_user (entry), ==, rp_test_audit_user ("mlewis"));
  g_assert_cmpstr (rp_audit_entry_get_table_name (entry), ==, "provider");
  g_assert_null (rp_audit_entry_get_old_value (entry));
  g_assert_cmpstr (rp_audit_entry_get_new_value (entry), ==, "Pathfinders");
  g_assert_nonnull (rp_audit_entry_get_recorded_at (entry));
  g_clear_object (&entry);
  g_clear_object (&entries);

  /* An update records only the fields that changed, with both values. */
  rp_store_set_user (fixture->store, "rhughes");
  rp_provider_set_address (provider, "Unit 5, Canal Wharf");
  g_assert_true (rp_store_save_provider (fixture->store, provider, &error));
  entries = rp_store_list_audit (fixture->store, "provider", rp_provider_get_id (provider), &error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, after_insert + 1);
  entry = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (rp_audit_entry_get_field (entry), ==, "address");
  g_assert_cmpstr (rp_audit_entry_get_old_value (entry), ==, "Unit 4, Canal Wharf");
  g_assert_cmpstr (rp_audit_entry_get_new_value (entry), ==, "Unit 5, Canal Wharf");
  g_assert_cmpstr (rp_audit_entry_get_user (entry), ==, rp_test_audit_user ("rhughes"));
  g_clear_object (&entries);

  /* Saving without changes adds nothing. */
  g_assert_true (rp_store_save_provider (fixture->store, provider, &error));
  entries = rp_store_list_audit (fixture->store, "provider", rp_provider_get_id (provider), &error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, after_insert + 1);
}

static void
test_audit_step_change (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RpAuditEntry) step = NULL;

  rp_programme_set_name (programme, "Riverside");
  g_assert_true (rp_store_add_programme (fixture->store, programme, &error));
  rp_attendee_set_programme_id (attendee, rp_programme_get_id (programme));
  rp_attendee_set_number (attendee, 1);
  rp_attendee_set_full_name (attendee, "Aisha Rahman");
  g_assert_true (rp_store_add_attendee (fixture->store, attendee, NULL, &error));
  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (attendee), 2, NULL, NULL, &error));
  g_assert_no_error (error);

  entries = rp_store_list_audit (fixture->store, "attendee", rp_attendee_get_id (attendee), &error);
  step = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (rp_audit_entry_get_field (step), ==, "step");
  g_assert_cmpstr (rp_audit_entry_get_old_value (step), ==, "1");
  g_assert_cmpstr (rp_audit_entry_get_new_value (step), ==, "2");
}

static void
test_audit_cannot_be_edited (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpWorker) worker = rp_worker_new ();
  g_autoptr(GListModel) entries = NULL;
  sqlite3 *db = rp_store_get_db (fixture->store);

  if (rp_test_skip_on_team ("about the file's triggers; on a server the roles may not edit the trail, as test-team checks"))
    return;

  rp_worker_set_name (worker, "Jo Taylor");
  rp_worker_set_initials (worker, "JT");
  g_assert_true (rp_store_add_worker (fixture->store, worker, &error));

  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET user = 'someone else'", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);

  entries = rp_store_list_audit (fixture->store, NULL, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RpAuditEntry) entry = g_list_model_get_item (entries, i);
      g_assert_cmpstr (rp_audit_entry_get_user (entry), ==, rp_test_audit_user ("mlewis"));
    }
}

static gint64
count_audit (RpStore    *store,
             const char *table_name,
             gint64      record_id)
{
  g_autoptr(GListModel) entries = rp_store_list_audit (store, table_name, record_id, NULL);

  return g_list_model_get_n_items (entries);
}

static RpAttendee *
add_attendee (RpStore    *store,
              gint64      programme_id,
              int         number,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) attendee = rp_attendee_new ();

  rp_attendee_set_programme_id (attendee, programme_id);
  rp_attendee_set_number (attendee, number);
  rp_attendee_set_full_name (attendee, name);
  g_assert_true (rp_store_add_attendee (store, attendee, "2024-01-08", &error));
  g_assert_no_error (error);

  return g_steal_pointer (&attendee);
}

/* The newest step change of an attendee (the history lists oldest first). */
static gint64
latest_step_change (RpStore *store,
                    gint64   attendee_id)
{
  g_autoptr(GListModel) history = rp_store_list_step_history (store, attendee_id, NULL);
  g_autoptr(RpStepChange) latest = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);

  return rp_step_change_get_id (latest);
}

/* A step change undone leaves its id free; a new record must not take it. */
static void
test_audit_ids_not_reused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpAttendee) first = NULL;
  g_autoptr(RpAttendee) later = NULL;
  gint64 undone;

  rp_programme_set_name (programme, "Riverside");
  g_assert_true (rp_store_add_programme (fixture->store, programme, &error));
  first = add_attendee (fixture->store, rp_programme_get_id (programme), 1, "Aisha Rahman");
  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (first), 2, "2024-02-01", NULL, &error));
  undone = latest_step_change (fixture->store, rp_attendee_get_id (first));
  g_assert_true (rp_store_undo_step_change (fixture->store, undone, &error));
  g_assert_no_error (error);

  later = add_attendee (fixture->store, rp_programme_get_id (programme), 2, "Ben Okafor");
  g_assert_cmpint (latest_step_change (fixture->store, rp_attendee_get_id (later)), >, undone);
}

/* A database from before version 5 may already have given an undone step
 * change's id to someone else's; erasing that person keeps the first
 * attendee's history of the undone change. */
static void
test_audit_erasure_keeps_others_history (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = rp_programme_new ();
  g_autoptr(RpStore) store = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "old.db", NULL);
  gint64 undone, before, first_id, later_id;

  if (rp_test_skip_on_team ("about a version 4 file, which gave freed ids again"))
    return;

  store = rp_store_open_at_version (path, RP_STORE_OPEN_CREATE, 4, &error);
  g_assert_no_error (error);
  /* In SQL: today's store writes columns that version 4 does not have yet. */
  g_assert_cmpint (sqlite3_exec (rp_store_get_db (store), "INSERT INTO programme (name) VALUES ('Riverside')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  rp_programme_set_id (programme, sqlite3_last_insert_rowid (rp_store_get_db (store)));
  /* In SQL too: today's store reads columns that version 4 does not have
   * (communication needs and the rest of schema 12). */
  {
    sqlite3 *db = rp_store_get_db (store);
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO attendee (programme_id, number, full_name, step) VALUES (%" G_GINT64_FORMAT ", 1, 'Aisha Rahman', 1);"
      "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by) VALUES (last_insert_rowid (), 0, 1, '2024-01-08', 'test');",
      rp_programme_get_id (programme));

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    first_id = sqlite3_last_insert_rowid (db) > 0 ? 1 : 0;
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                                       " VALUES (1, 1, 2, '2024-02-01', 'test')", NULL, NULL, NULL), ==, SQLITE_OK);
    undone = sqlite3_last_insert_rowid (db);
    g_assert_cmpint (sqlite3_exec (db, "DELETE FROM step_change WHERE id = (SELECT max (id) FROM step_change)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);

    /* Version 4 gives the freed id to the next step change. */
    g_free (sql);
    sql = g_strdup_printf (
      "INSERT INTO attendee (programme_id, number, full_name, step) VALUES (%" G_GINT64_FORMAT ", 2, 'Ben Okafor', 1);",
      rp_programme_get_id (programme));
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    later_id = sqlite3_last_insert_rowid (db);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                                       " VALUES ((SELECT max (id) FROM attendee), 0, 1, '2024-01-08', 'test')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_last_insert_rowid (db), ==, undone);
    g_assert_cmpint (first_id, ==, 1);
  }
  g_clear_object (&store);

  store = rp_test_open_store (path, RP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  before = count_audit (store, "step_change", undone);
  g_assert_true (rp_store_delete_attendee (store, later_id, &error));
  g_assert_no_error (error);

  /* The first attendee's change and its undoing are still on record; the
   * later attendee's first step is not. */
  g_assert_cmpint (before, >, 0);
  {
    g_autoptr(GListModel) entries = rp_store_list_audit (store, "step_change", undone, &error);
    gboolean inserted = FALSE, deleted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr(RpAuditEntry) entry = g_list_model_get_item (entries, i);

        if (g_strcmp0 (rp_audit_entry_get_field (entry), "attendee_id") != 0)
          continue;
        g_assert_cmpstr (g_strcmp0 (rp_audit_entry_get_action (entry), "insert") == 0
                         ? rp_audit_entry_get_new_value (entry) : rp_audit_entry_get_old_value (entry),
                         ==, "1");
        inserted |= g_strcmp0 (rp_audit_entry_get_action (entry), "insert") == 0;
        deleted |= g_strcmp0 (rp_audit_entry_get_action (entry), "delete") == 0;
      }
    g_assert_true (inserted);
    g_assert_true (deleted);
  }
  g_assert_cmpint (count_audit (store, "attendee", first_id), >, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static gint64
worker_named (RpStore    *store,
              const char *name)
{
  g_autoptr(GListModel) workers = rp_store_list_workers (store, TRUE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

      if (g_strcmp0 (rp_worker_get_name (worker), name) == 0)
        return rp_worker_get_id (worker);
    }

  g_assert_not_reached ();
}

static gboolean
has_line (GPtrArray  *lines,
          const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), text) != NULL)
      return TRUE;

  return FALSE;
}

/* has_line() for a line that ends with who made the change: @account,
 * which on a server is the login (rp_test_audit_user()). */
static gboolean
has_line_by (GPtrArray  *lines,
             const char *text,
             const char *account)
{
  g_autofree char *line = g_strconcat (text, " by ", rp_test_audit_user (account), NULL);

  return has_line (lines, line);
}

/* The history says what changed from what to what, by the worker the
 * account belongs to, in the words of the attendee page. */
static void
test_history_field_edit (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(GPtrArray) as_worker = NULL;
  g_autoptr(GPtrArray) as_account = NULL;
  RpFieldEdit edits[2] = { 0 };
  gint64 jo;

  rp_store_set_today (fixture->store, "2023-09-22");
  programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (programme), 1, &error);
  jo = worker_named (fixture->store, "Jo Taylor");

  rp_store_set_user (fixture->store, "jtaylor");
  edits[0].field = RP_ATTENDEE_FIELD_CONTACT_PHONE;
  edits[0].base = g_variant_ref_sink (g_variant_new_string ("07700 900101"));
  edits[0].value = g_variant_ref_sink (g_variant_new_string ("0116 496 0999"));
  edits[1].field = RP_ATTENDEE_FIELD_WORKER;
  edits[1].base = g_variant_ref_sink (g_variant_new_int64 (rp_attendee_get_worker_id (attendee)));
  edits[1].value = g_variant_ref_sink (g_variant_new_int64 (jo));
  g_assert_true (rp_store_save_attendee_fields (fixture->store, rp_attendee_get_id (attendee), edits, 2, NULL, &error));
  g_assert_no_error (error);
  rp_field_edit_clear (&edits[0]);
  rp_field_edit_clear (&edits[1]);

  as_worker = rp_history_describe (fixture->store, rp_attendee_get_id (attendee), rp_test_audit_user ("jtaylor"), "Jo Taylor", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (as_worker, 0),
                                   "Phone number changed from “07700 900101” to “0116 496 0999” by Jo Taylor") ||
                 g_str_has_suffix (g_ptr_array_index (as_worker, 1),
                                   "Phone number changed from “07700 900101” to “0116 496 0999” by Jo Taylor"));
  g_assert_true (has_line (as_worker, "Allocated worker changed from Priya Mistry to Jo Taylor by Jo Taylor"));

  /* An account mapped to nobody is named as it is. */
  as_account = rp_history_describe (fixture->store, rp_attendee_get_id (attendee), NULL, NULL, &error);
  g_assert_true (has_line_by (as_account, "to “0116 496 0999”", "jtaylor"));

  /* They joined the programme before their first step change, not on the day the sample was typed in. */
  {
    /* On a server the step history names the login that made the sample. */
    g_autofree char *joined = g_strconcat ("17 July 2023 — Added to the programme at step 1, Social worker identified, by ",
                                           rp_test_audit_user ("Priya Mistry"), NULL);

    g_assert_true (g_str_has_prefix (g_ptr_array_index (as_account, as_account->len - 1), joined));
  }
}

/* A step change undone stays in the history, as undone. */
static void
test_history_undone_step (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(RpStepChange) last = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  rp_store_set_today (fixture->store, "2023-09-22");
  programme = rp_sample_create (fixture->store, &error);
  attendee = rp_store_find_attendee (fixture->store, rp_programme_get_id (programme), 4, &error);
  rp_store_set_user (fixture->store, "jtaylor");
  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (attendee), 2, "2023-09-21", NULL, &error));
  steps = rp_store_list_step_history (fixture->store, rp_attendee_get_id (attendee), &error);
  last = g_list_model_get_item (steps, g_list_model_get_n_items (steps) - 1);
  g_assert_true (rp_store_undo_step_change (fixture->store, rp_step_change_get_id (last), &error));
  g_assert_no_error (error);

  lines = rp_history_describe (fixture->store, rp_attendee_get_id (attendee), rp_test_audit_user ("jtaylor"), "Jo Taylor", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (lines, 0),
                                   "— Step change to 2 (dated 21 September 2023) undone by Jo Taylor"));
}

/* No column name, id or date the system keeps for itself reaches a person. */
static void
test_history_no_internal_fields (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(RpAttendee) seven = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(RpProvider) mosaic = NULL;
  g_autoptr(GListModel) everything = NULL;

  rp_store_set_today (fixture->store, "2023-09-22");
  programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);

  /* Every kind of change: fields, a step change, a move to a provider, archiving. */
  seven = rp_store_find_attendee (fixture->store, rp_programme_get_id (programme), 7, &error);
  providers = rp_store_list_providers (fixture->store, &error);
  mosaic = g_list_model_get_item (providers, 2);
  rp_attendee_set_target_date (seven, "2023-12-04");
  rp_attendee_set_wheelchair_user (seven, FALSE);
  rp_attendee_set_funding (seven, RP_FUNDING_HEALTH);
  rp_attendee_set_worker_id (seven, 0);
  g_assert_true (rp_store_save_attendee (fixture->store, seven, &error));
  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (seven), 4, "2023-09-20", NULL, &error));
  g_clear_object (&seven);
  seven = rp_store_find_attendee (fixture->store, rp_programme_get_id (programme), 7, &error);
  rp_attendee_set_outcome (seven, RP_OUTCOME_MOVED);
  rp_attendee_set_outcome_date (seven, "2023-09-21");
  rp_attendee_set_moved_to_provider_id (seven, rp_provider_get_id (mosaic));
  rp_attendee_set_archived (seven, TRUE);
  g_assert_true (rp_store_save_attendee (fixture->store, seven, &error));
  g_assert_no_error (error);

  everything = rp_store_list_audit (fixture->store, "attendee", rp_attendee_get_id (seven), &error);
  g_assert_cmpuint (g_list_model_get_n_items (everything), >, 20);

  attendees = rp_store_list_attendees (fixture->store, rp_programme_get_id (programme), &error);
  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_autoptr(GPtrArray) lines = rp_history_describe (fixture->store, rp_attendee_get_id (attendee), NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (lines->len, >=, rp_attendee_get_step (attendee));
      for (guint j = 0; j < lines->len; j++)
        {
          const char *line = g_ptr_array_index (lines, j);
          /* The account's own name is no column name, though a server's login may have an underscore. */
          g_auto(GStrv) around_account = g_strsplit (line, rp_test_audit_user ("mlewis"), -1);
          g_autofree char *without_account = g_strjoinv ("mlewis", around_account);

          if (strchr (without_account, '_') != NULL || strstr (line, "2023-") != NULL || g_regex_match_simple ("\\b(from|to|was) [0-9]+( to| by|\\))", line, 0, 0))
            g_test_fail_printf ("attendee %d's history shows “%s”", rp_attendee_get_number (attendee), line);
        }
    }

  {
    g_autoptr(GPtrArray) lines = rp_history_describe (fixture->store, rp_attendee_get_id (seven), NULL, NULL, &error);

    g_assert_true (has_line_by (lines, "Target moving date changed from 28 February 2024 to 4 December 2023", "mlewis"));
    g_assert_true (has_line_by (lines, "Wheelchair user changed from Yes to No", "mlewis"));
    g_assert_true (has_line_by (lines, "Status changed from ASC to Health", "mlewis"));
    g_assert_true (has_line_by (lines, "Allocated worker cleared (was Priya Mistry)", "mlewis"));
    g_assert_true (has_line_by (lines, "New provider set to Mosaic", "mlewis"));
    g_assert_true (has_line_by (lines, "Archived changed from No to Yes", "mlewis"));
  }
}

/* What is recorded after the move reads as sentences too: outcomes written
 * and rated at a review, an interim place with the permanent one planned,
 * communication needs, and contact with the family, whose summary is
 * quoted as case notes are; nothing the system keeps for itself shows. */
static void
test_history_after_the_move (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpAttendee) grace = NULL;
  g_autoptr(RpAttendee) eileen = NULL;
  g_autoptr(RpContact) contact = rp_contact_new ();
  g_autoptr(GListModel) outcomes = NULL;
  g_autoptr(RpPlannedOutcome) first = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) eileens = NULL;

  if (rp_test_skip_on_team ("names several people through rp_store_set_user (); on a server every change is the login's"))
    return;

  rp_store_set_today (fixture->store, "2026-12-04");
  programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (rp_sample_add_moves (fixture->store, programme, &error));
  g_assert_no_error (error);
  grace = rp_store_find_attendee (fixture->store, rp_programme_get_id (programme), 20, &error);
  eileen = rp_store_find_attendee (fixture->store, rp_programme_get_id (programme), 22, &error);

  rp_store_set_user (fixture->store, "jtaylor");
  rp_contact_set_attendee_id (contact, rp_attendee_get_id (grace));
  rp_contact_set_contacted_on (contact, "2026-12-03");
  rp_contact_set_with_whom (contact, RP_CONTACT_WITH_FAMILY);
  rp_contact_set_method (contact, RP_CONTACT_METHOD_PHONE);
  rp_contact_set_summary (contact, "Mum worried about the bus");
  g_assert_true (rp_store_add_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  rp_contact_set_summary (contact, "Mum reassured about the bus");
  rp_contact_set_method (contact, RP_CONTACT_METHOD_VISIT);
  g_assert_true (rp_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  g_assert_true (rp_store_delete_contact (fixture->store, rp_contact_get_id (contact), &error));
  g_assert_no_error (error);

  outcomes = rp_store_list_planned_outcomes (fixture->store, rp_attendee_get_id (grace), &error);
  first = g_list_model_get_item (outcomes, 0);
  rp_planned_outcome_set_description (first, "Sees friends from the centre each week");
  g_assert_true (rp_store_save_planned_outcome (fixture->store, first, &error));
  g_assert_no_error (error);

  rp_attendee_set_communication_needs (grace, "large-print");
  g_assert_true (rp_store_save_attendee (fixture->store, grace, &error));
  g_assert_no_error (error);

  lines = rp_history_describe (fixture->store, rp_attendee_get_id (grace), rp_test_audit_user ("jtaylor"), "Jo Taylor", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_test_verbose ())
        g_printerr ("%s\n", line);
      if (strchr (line, '_') != NULL || strstr (line, "-12-") != NULL || strstr (line, "(null)") != NULL)
        g_test_fail_printf ("Grace's history shows “%s”", line);
    }
  g_assert_true (has_line (lines, "Planned outcome “Hydrotherapy each week” written by Priya Mistry"));
  g_assert_true (has_line (lines, "Review held on 30 November 2026 recorded by Priya Mistry"));
  g_assert_true (has_line (lines, "Planned outcome “Hydrotherapy each week” rated Partly met at a review by Priya Mistry"));
  g_assert_true (has_line (lines, "Planned outcome changed from “Keeps seeing friends from the centre” to “Sees friends from the centre each week” by Jo Taylor"));
  g_assert_true (has_line (lines, "— Contact on 3 December 2026 recorded by Jo Taylor"));
  g_assert_true (has_line (lines, "Summary of a contact changed from “Mum worried about the bus” to “Mum reassured about the bus” by Jo Taylor"));
  g_assert_true (has_line (lines, "How a contact was made changed from Phone call to Visit by Jo Taylor"));
  g_assert_true (has_line (lines, "— Contact on 3 December 2026 deleted by Jo Taylor"));
  g_assert_true (has_line (lines, "Communication needs set to Large print by Jo Taylor"));
  /* Rated in the words the outcome had then, not in the words it was given later. */
  g_assert_true (has_line (lines, "Planned outcome “Keeps seeing friends from the centre” rated Met at a review by Priya Mistry"));

  eileens = rp_history_describe (fixture->store, rp_attendee_get_id (eileen), NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < eileens->len; i++)
    if (g_test_verbose ())
      g_printerr ("%s\n", (const char *) g_ptr_array_index (eileens, i));
  g_assert_true (has_line (eileens, "Interim place changed from No to Yes by Mel Lewis"));
  g_assert_true (has_line (eileens, "Permanent provider set to"));
  g_assert_true (has_line (eileens, "Date of the permanent move set to 3 January 2027 by Mel Lewis"));
  for (guint i = 0; i < eileens->len; i++)
    if (strchr (g_ptr_array_index (eileens, i), '_') != NULL)
      g_test_fail_printf ("Eileen's history shows “%s”", (const char *) g_ptr_array_index (eileens, i));
}

/* The programme's own history: its settings from what to what, who and
 * when, its workers and timetable; nothing about an attendee, and nothing
 * of one who was erased. */
static void
test_history_programme (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(RpWorker) worker = rp_worker_new ();
  g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) after_attendee_edit = NULL;
  g_autoptr(GPtrArray) after_erasure = NULL;
  g_autofree char *follow_up = NULL;
  g_autofree char *contact_due = NULL;
  g_autofree char *full_name = NULL;
  RpFieldEdit edit = { 0 };
  gint64 programme_id;

  rp_store_set_today (fixture->store, "2026-12-04");
  programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  programme_id = rp_programme_get_id (programme);

  rp_store_set_user (fixture->store, "pmistry");
  follow_up = g_strdup_printf ("Follow-up review set to 8 weeks after the move (was %u) — Priya Mistry, ",
                               rp_programme_get_follow_up_weeks (programme));
  contact_due = g_strdup_printf ("Time families may go without contact set to 21 days (was %u) — Priya Mistry, ",
                                 rp_programme_get_contact_due_days (programme));
  rp_programme_set_follow_up_weeks (programme, 8);
  rp_programme_set_contact_due_days (programme, 21);
  g_assert_true (rp_store_save_programme (fixture->store, programme, &error));
  g_assert_no_error (error);

  rp_worker_set_name (worker, "Sam Okoro");
  rp_worker_set_initials (worker, "SO");
  g_assert_true (rp_store_add_worker (fixture->store, worker, &error));
  g_assert_no_error (error);
  rp_worker_set_name (worker, "Sam Okoro-Hill");
  g_assert_true (rp_store_save_worker (fixture->store, worker, &error));
  g_assert_no_error (error);

  rp_timetable_action_set_programme_id (action, programme_id);
  rp_timetable_action_set_activity (action, "Book the coach");
  g_assert_true (rp_store_add_action (fixture->store, action, &error));
  g_assert_no_error (error);
  rp_timetable_action_set_status (action, RP_ACTION_COMPLETED);
  g_assert_true (rp_store_save_action (fixture->store, action, &error));
  g_assert_no_error (error);

  lines = rp_history_describe_programme (fixture->store, programme_id, rp_test_audit_user ("pmistry"), "Priya Mistry", &error);
  g_assert_no_error (error);
  for (guint i = 0; g_test_verbose () && i < lines->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (lines, i));
  g_assert_true (has_line (lines, follow_up));
  g_assert_true (has_line (lines, contact_due));
  /* Said in the day and time it was made. */
  for (guint i = 0; i < lines->len; i++)
    g_assert_true (g_regex_match_simple (" — .+, [0-9]{1,2} [^ ]+ [0-9]{4} [0-9]{2}:[0-9]{2}$",
                                         g_ptr_array_index (lines, i), 0, 0));
  g_assert_true (has_line (lines, "Worker Sam Okoro added — Priya Mistry, "));
  g_assert_true (has_line (lines, "Worker Sam Okoro renamed Sam Okoro-Hill — Priya Mistry, "));
  g_assert_true (has_line (lines, "Timetable action “Book the coach” added — Priya Mistry, "));
  g_assert_true (has_line (lines, "Timetable action “Book the coach” done — Priya Mistry, "));
  /* Newest first. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 0), "Timetable action “Book the coach” done"));
  /* An account mapped to nobody is named as it is. */
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = rp_history_describe_programme (fixture->store, programme_id, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *by_account = g_strdup_printf ("Follow-up review set to 8 weeks after the move (was 6) — %s, ",
                                                   rp_test_audit_user ("pmistry"));

    g_assert_true (has_line (lines, by_account));
  }

  /* An attendee's edit is on their own history, not here. */
  attendee = rp_store_find_attendee (fixture->store, programme_id, 1, &error);
  g_assert_no_error (error);
  full_name = g_strdup (rp_attendee_get_full_name (attendee));
  edit.field = RP_ATTENDEE_FIELD_CONTACT_PHONE;
  edit.base = g_variant_ref_sink (g_variant_new_string (rp_attendee_get_contact_phone (attendee)));
  edit.value = g_variant_ref_sink (g_variant_new_string ("0116 496 0999"));
  g_assert_true (rp_store_save_attendee_fields (fixture->store, rp_attendee_get_id (attendee), &edit, 1, NULL, &error));
  g_assert_no_error (error);
  rp_field_edit_clear (&edit);
  after_attendee_edit = rp_history_describe_programme (fixture->store, programme_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_attendee_edit->len, ==, lines->len);
  g_assert_false (has_line (after_attendee_edit, "0116 496 0999"));
  {
    g_autoptr(GListModel) entries = rp_store_list_programme_audit (fixture->store, programme_id, &error);
    const char * const programme_tables[] = { "programme", "worker", "provider", "timetable_action", NULL };

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr(RpAuditEntry) entry = g_list_model_get_item (entries, i);

        g_assert_true (g_strv_contains (programme_tables, rp_audit_entry_get_table_name (entry)));
      }
  }

  /* An erased attendee leaves nothing: not even that they were erased. An
   * action whose words named them, since reworded, no longer names them
   * either; every other line is as it was. */
  {
    g_autoptr(RpTimetableAction) taster = rp_timetable_action_new ();
    g_autofree char *named = g_strdup_printf ("Taster day for %s at Mosaic", full_name);
    g_auto(GStrv) words = g_strsplit (full_name, " ", -1);

    rp_timetable_action_set_programme_id (taster, programme_id);
    rp_timetable_action_set_activity (taster, named);
    g_assert_true (rp_store_add_action (fixture->store, taster, &error));
    g_assert_no_error (error);
    rp_timetable_action_set_activity (taster, "Taster day for attendee 1 at Mosaic");
    g_assert_true (rp_store_save_action (fixture->store, taster, &error));
    g_assert_no_error (error);
    g_clear_pointer (&lines, g_ptr_array_unref);
    lines = rp_history_describe_programme (fixture->store, programme_id, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (has_line (lines, named));

    g_assert_true (rp_erasure_erase_attendee (fixture->store, rp_attendee_get_id (attendee), RP_ERASURE_KEEP_BACKUPS,
                                              NULL, &error));
    g_assert_no_error (error);
    after_erasure = rp_history_describe_programme (fixture->store, programme_id, NULL, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; g_test_verbose () && i < 3; i++)
      g_printerr ("%s\n", (const char *) g_ptr_array_index (after_erasure, i));
    g_assert_cmpuint (after_erasure->len, ==, lines->len);
    for (guint i = 0; words[i] != NULL; i++)
      g_assert_false (has_line (after_erasure, words[i]));
    g_assert_true (has_line (after_erasure, "Timetable action “(words withheld: they named someone since erased)” added — "));
    g_assert_true (has_line (after_erasure, "renamed “Taster day for attendee 1 at Mosaic” — "));
    for (guint i = 2; i < after_erasure->len; i++)
      g_assert_cmpstr (g_ptr_array_index (after_erasure, i), ==, g_ptr_array_index (lines, i));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/audit/insert-and-update", test_audit_insert_and_update);
  ADD ("/core/audit/step-change", test_audit_step_change);
  ADD ("/core/audit/cannot-be-edited", test_audit_cannot_be_edited);
  ADD ("/core/audit/ids-not-reused", test_audit_ids_not_reused);
  ADD ("/core/audit/erasure-keeps-others-history", test_audit_erasure_keeps_others_history);
  ADD ("/core/history/field-edit", test_history_field_edit);
  ADD ("/core/history/undone-step", test_history_undone_step);
  ADD ("/core/history/no-internal-fields", test_history_no_internal_fields);
  ADD ("/core/history/after-the-move", test_history_after_the_move);
  ADD ("/core/history/programme", test_history_programme);
#undef ADD

  return g_test_run ();
}
