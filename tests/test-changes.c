/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-changes.c: the store announces every committed change, and only those */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "rp-core.h"
#include "rp-store-private.h"
#include "rp-test-store.h"
#include "rp-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  RpStore     *store;
  RpProgramme *programme;
  GPtrArray   *heard;   /* "table" or "table:id,id" for each emission */
} Fixture;

static void
on_changed (RpStore    *store,
            const char *table,
            GArray     *ids,
            Fixture    *fixture)
{
  g_autoptr(GString) line = g_string_new (table);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (line, "%s%" G_GINT64_FORMAT, i == 0 ? ":" : ",", g_array_index (ids, gint64, i));
  g_ptr_array_add (fixture->heard, g_string_free (g_steal_pointer (&line), FALSE));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = rp_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = rp_test_open_store (fixture->path, RP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  rp_store_set_today (fixture->store, "2023-09-22");
  fixture->programme = rp_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  fixture->heard = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  g_assert_finalize_object (fixture->store);
  g_clear_pointer (&fixture->heard, g_ptr_array_unref);
  rp_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
heard (Fixture    *fixture,
       const char *line)
{
  for (guint i = 0; i < fixture->heard->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->heard, i), line))
      return TRUE;
  return FALSE;
}

/* A change made elsewhere to @table: on a file only the table is known
 * (SQLite says no more); a server's notification names the rows too. */
static gboolean
heard_elsewhere (Fixture    *fixture,
                 const char *table)
{
  g_autofree char *prefix = g_strconcat (table, ":", NULL);

  if (!rp_test_backend_is_team ())
    return heard (fixture, table);
  for (guint i = 0; i < fixture->heard->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (fixture->heard, i), prefix))
      return TRUE;
  return FALSE;
}

/* A step change is announced after it is committed: the attendee and the
 * new entry of their step history, by id. The audit trail is not. */
static void
test_changes_committed_write (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) four = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  g_autofree char *attendee_line = g_strdup_printf ("attendee:%" G_GINT64_FORMAT, rp_attendee_get_id (four));

  g_assert_true (rp_store_change_step (fixture->store, rp_attendee_get_id (four), 2, "2023-09-20", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (heard (fixture, attendee_line));
  for (guint i = 0; i < fixture->heard->len; i++)
    {
      const char *line = g_ptr_array_index (fixture->heard, i);

      g_assert_false (g_str_has_prefix (line, "audit"));
      g_assert_true (g_str_has_prefix (line, "attendee:") || g_str_has_prefix (line, "step_change:"));
    }
  g_assert_cmpuint (fixture->heard->len, ==, 2);
}

static void
count_call (guint *count)
{
  (*count)++;
}

/* Detailed: a page that follows only the timetable hears only of it. */
static void
test_changes_detail (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = rp_store_list_actions (fixture->store, rp_programme_get_id (fixture->programme), NULL);
  g_autoptr(RpTimetableAction) first = g_list_model_get_item (actions, 0);
  g_autoptr(RpAttendee) four = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);
  guint timetable_heard = 0;

  {
    gulong id = g_signal_connect_swapped (fixture->store, "changed::timetable_action",
                                          G_CALLBACK (count_call), &timetable_heard);

    rp_attendee_set_report_note (four, "Phoned the family.");
    g_assert_true (rp_store_save_attendee (fixture->store, four, &error));
    g_assert_cmpuint (timetable_heard, ==, 0);

    rp_timetable_action_set_owner (first, "RH");
    g_assert_true (rp_store_save_action (fixture->store, first, &error));
    g_assert_cmpuint (timetable_heard, ==, 1);
    g_signal_handler_disconnect (fixture->store, id);
  }
}

/* A write that fails, or a transaction rolled back, is never announced. */
static void
test_changes_rolled_back (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RpAttendee) four = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);

  /* A jump of two steps without a reason is refused. */
  g_assert_false (rp_store_change_step (fixture->store, rp_attendee_get_id (four), 3, "2023-09-20", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->heard->len, ==, 0);

  /* A larger transaction: announced only once it is committed, never if not. */
  g_assert_true (rp_store_begin (fixture->store, &error));
  rp_attendee_set_report_note (four, "Visited the family.");
  g_assert_true (rp_store_save_attendee (fixture->store, four, &error));
  g_assert_cmpuint (fixture->heard->len, ==, 0);
  rp_store_rollback (fixture->store);
  g_assert_cmpuint (fixture->heard->len, ==, 0);

  g_assert_true (rp_store_begin (fixture->store, &error));
  g_assert_true (rp_store_save_attendee (fixture->store, four, &error));
  g_assert_cmpuint (fixture->heard->len, ==, 0);
  g_assert_true (rp_store_commit (fixture->store, &error));
  g_assert_cmpuint (fixture->heard->len, ==, 1);
}

/* A change through another connection, or another program, is seen the next
 * time the store looks; its own changes are not seen twice. */
static void
test_changes_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("REPROVISION_CLI");

  g_assert_false (rp_store_check_for_changes (fixture->store));

  {
    g_autoptr(RpStore) other = rp_test_open_store (fixture->path, RP_STORE_OPEN_DEFAULT, &error);
    g_autoptr(RpAttendee) five = NULL;

    g_assert_no_error (error);
    five = rp_store_find_attendee (other, rp_programme_get_id (fixture->programme), 5, NULL);
    rp_attendee_set_report_note (five, "Family going to open days.");
    g_assert_true (rp_store_save_attendee (other, five, &error));
  }

  g_assert_cmpuint (fixture->heard->len, ==, 0);
  g_assert_true (rp_store_check_for_changes (fixture->store));
  g_assert_true (heard_elsewhere (fixture, "attendee"));
  g_assert_false (rp_store_check_for_changes (fixture->store));

  /* Its own writes are announced once, as they are made. */
  g_ptr_array_set_size (fixture->heard, 0);
  {
    g_autoptr(RpAttendee) four = rp_store_find_attendee (fixture->store, rp_programme_get_id (fixture->programme), 4, NULL);

    rp_attendee_set_report_note (four, "Phoned.");
    g_assert_true (rp_store_save_attendee (fixture->store, four, &error));
  }
  g_assert_cmpuint (fixture->heard->len, ==, 1);
  g_assert_false (rp_store_check_for_changes (fixture->store));

  /* Another program: reprovision-cli moves attendee 4 on. */
  if (cli != NULL)
    {
      g_autofree char *database = rp_test_store_location (fixture->path);
      const char *argv[] = { cli, "step", "--database", database, "--attendee", "4", "--to", "2", NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

      g_ptr_array_set_size (fixture->heard, 0);
      g_assert_true (rp_store_check_for_changes (fixture->store));
      g_assert_true (heard_elsewhere (fixture, "step_change"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/changes/committed-write", test_changes_committed_write);
  ADD ("/core/changes/detail", test_changes_detail);
  ADD ("/core/changes/rolled-back", test_changes_rolled_back);
  ADD ("/core/changes/elsewhere", test_changes_elsewhere);
#undef ADD

  return g_test_run ();
}
