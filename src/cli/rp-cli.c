/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-cli.c: reprovision-cli, the headless tool on the Reprovision core library */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "rp-cli-team.h"
#include "rp-core.h"
#include "rp-validate.h"

#define EXIT_USAGE 2

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  run;
  const char  *summary;
} Command;

static int command_demo      (int argc, char **argv);
static int command_attendees (int argc, char **argv);
static int command_step      (int argc, char **argv);
static int command_erase     (int argc, char **argv);
static int command_report    (int argc, char **argv);
static int command_programme (int argc, char **argv);
static int command_timetable (int argc, char **argv);
static int command_generate  (int argc, char **argv);
static int command_schedule  (int argc, char **argv);
static int command_taster_days (int argc, char **argv);
static int command_backup    (int argc, char **argv);
static int command_restore   (int argc, char **argv);
static int command_check     (int argc, char **argv);
static int command_import    (int argc, char **argv);
static int command_contact   (int argc, char **argv);
static int command_review    (int argc, char **argv);

static const Command commands[] = {
  { "demo",      command_demo,      N_("Write the sample programme into a database") },
  { "attendees", command_attendees, N_("List the attendees of a programme") },
  { "step",      command_step,      N_("Record that an attendee has reached a step of the moving plan") },
  { "erase",     command_erase,     N_("Erase an attendee for good, from the database and its backups") },
  { "report",    command_report,    N_("Write the anonymised reprovision report") },
  { "programme", command_programme, N_("Show or change a programme’s closure date and the report’s front matter") },
  { "timetable", command_timetable, N_("List the closure timetable, or link an action to taster days") },
  { "schedule",  command_schedule,  N_("Write a family’s taster-day schedule as an easy-read PDF or a calendar file") },
  { "taster-days", command_taster_days, N_("List the taster days, or write them with their staff as a calendar file") },
  { "backup",    command_backup,    N_("Make or list backups of a database") },
  { "restore",   command_restore,   N_("Put a backup in place of a database, keeping the current file") },
  { "check",     command_check,     N_("Check a database for damage and broken records") },
  { "import",    command_import,    N_("Add attendees to a programme from a CSV file") },
  { "contact",   command_contact,   N_("List or log contacts with an attendee’s family, provider or advocate") },
  { "review",    command_review,    N_("List, add or record an attendee’s outcomes and reviews after the move") },
  { "generate",  command_generate,  N_("Write a synthetic programme of any size, for benchmarks") },
  { "team",      rp_cli_command_team, N_("Set up a team database on a PostgreSQL server, or copy a programme to and from one") },
};

static int
fail (GError *error)
{
  g_printerr ("reprovision-cli: %s\n", error->message);
  return EXIT_FAILURE;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("reprovision-cli: %s\n\n", message);
  {
    g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
    g_printerr ("%s", help);
  }
  return EXIT_USAGE;
}

/* Parses a command's options; returns FALSE (and sets *status) on error. */
static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (context, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Reading commands never write: not a schema into an empty file, not an
 * update, not a change of journal mode on a backup copy. */
static RpStore *
open_for_reading (const char  *path,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RpStore *store = rp_store_open (path, RP_STORE_OPEN_READ_ONLY | RP_STORE_OPEN_NO_COMPANIONS, &local_error);

  /* An older database is updated by the app or a writing command, not here. */
  if (g_error_matches (local_error, RP_ERROR, RP_ERROR_READ_ONLY))
    g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                 _("%s Open it in Reprovision once, then try again; this command changes nothing."),
                 local_error->message);
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return store;
}

static gboolean
holds_programme (RpStore *store)
{
  g_autoptr(GListModel) programmes = rp_store_list_programmes (store, NULL);

  return programmes != NULL && g_list_model_get_n_items (programmes) > 0;
}

/* Writing the sample or a synthetic programme beside a real one mixes made-up
 * people into real records: only when asked, and a refusal changes nothing. */
static RpStore *
open_for_adding_programme (const char  *path,
                           gboolean     add,
                           GError     **error)
{
  g_autoptr(RpStore) reader = NULL;
  g_autoptr(RpStore) store = NULL;
  gboolean refuse = FALSE;

  if (!add && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      reader = rp_store_open (path, RP_STORE_OPEN_READ_ONLY | RP_STORE_OPEN_NO_COMPANIONS, NULL);
      refuse = reader != NULL && holds_programme (reader);
      g_clear_object (&reader);
    }

  /* An older database is only readable once updated: look again after. */
  if (!refuse && (store = rp_store_open (path, RP_STORE_OPEN_CREATE, error)) == NULL)
    return NULL;
  if (!add && store != NULL)
    refuse = holds_programme (store);

  if (refuse)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("“%s” already holds a programme. Nothing was written. Use --add to add another programme beside it, or name a new file."),
                   path);
      return NULL;
    }

  return g_steal_pointer (&store);
}

/* @arguments: (nullable): what follows the options in the usage line, such as "FILE.csv" */
static GOptionContext *
command_context_with_arguments (const char         *arguments,
                                const char         *summary,
                                const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (arguments);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static GOptionContext *
command_context (const char         *summary,
                 const GOptionEntry *entries)
{
  return command_context_with_arguments (NULL, summary, entries);
}

/* Parses a command's options; every command works on a database. The
 * database variable is filled by parsing, so it is looked up by address. */
static gboolean
parse_command (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               char * const    *database,
               int             *status)
{
  if (!parse_options (context, argc, argv, status))
    return FALSE;

  if (*database == NULL)
    {
      *status = usage_error (context, _("Name the database with --database FILE."));
      return FALSE;
    }

  return TRUE;
}

/* Backups, restores and checks work on a database file; a team database is
 * kept safe by its server, and backed up by its administrator. */
static gboolean
refuse_team (const char *command,
             const char *database,
             int        *status)
{
  if (!rp_store_location_is_team (database))
    return FALSE;

  g_printerr (_("reprovision-cli: “%s” works on a database file only, not on a team database: the server keeps a team "
                "database safe, and its administrator makes its backups and checks it. Nothing was changed.\n"),
              command);
  *status = EXIT_FAILURE;
  return TRUE;
}

static RpProgramme *
choose_programme (RpStore  *store,
                  gint64    programme_id,
                  GError  **error)
{
  g_autoptr(GListModel) programmes = NULL;

  if (programme_id > 0)
    return rp_store_get_programme (store, programme_id, error);

  if (!(programmes = rp_store_list_programmes (store, error)))
    return NULL;

  if (g_list_model_get_n_items (programmes) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                           _("The database holds no programme yet."));
      return NULL;
    }

  if (g_list_model_get_n_items (programmes) > 1)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("The database holds several programmes. Choose one with --programme ID."));
      return NULL;
    }

  return g_list_model_get_item (programmes, 0);
}

static int
command_demo (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *today = NULL;
  RpProgrammeCounts counts;
  gboolean add = FALSE;
  gboolean after_move = FALSE;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file (created if it does not exist)"), N_("FILE") },
    { "add", 0, 0, G_OPTION_ARG_NONE, &add, N_("Add the sample beside a programme the database already holds"), NULL },
    { "after-move", 0, 0, G_OPTION_ARG_NONE, &after_move, N_("Add three people who have moved: one reviewed, one whose review is due, one in an interim place"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Write the sample as if today were this day, to make it the same every time (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  context = command_context (_("Write the sample programme: the 19 attendees of the reference scrutiny report, with fictional names, their step history, workers, four providers, taster days and the closure timetable, dated from today."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));
  if (today_text != NULL && !(today = rp_date_normalise (today_text, &error)))
    return error != NULL ? fail (error) : usage_error (context, _("The date is empty."));

  if (!(store = open_for_adding_programme (database, add, &error)))
    return fail (error);

  /* The sample's dates are counted from the store's today. */
  if (today != NULL)
    rp_store_set_today (store, today);

  if (!(programme = rp_sample_create (store, &error)) ||
      (after_move && !rp_sample_add_moves (store, programme, &error)) ||
      !rp_store_get_counts (store, rp_programme_get_id (programme), &counts, &error))
    return fail (error);

  g_print (_("Wrote the sample programme “%s” (%u attendees) to %s\n"),
           rp_programme_get_name (programme), counts.attendees, database);
  return EXIT_SUCCESS;
}

static const char *
worker_initials (GHashTable *initials,
                 gint64      worker_id)
{
  const char *found = g_hash_table_lookup (initials, &worker_id);

  return found != NULL ? found : "";
}

/* Every export is recorded in the database's export history. A reading
 * command's connection may be read-only, so the record is written through a
 * short connection of its own, opened before the file is written: an export
 * that cannot be recorded does not happen. */
static RpStore *
open_recorder (const char  *database,
               RpStore     *store,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RpStore *recorder;

  if (!rp_store_is_read_only (store))
    return g_object_ref (store);

  if (!(recorder = rp_store_open (database, RP_STORE_OPEN_AS_IS, &local_error)))
    g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                 _("Nothing was exported: every export is recorded in the database’s export history, and the database cannot be written (%s)."),
                 local_error->message);

  return recorder;
}

/* Records the export once its files are complete; if that fails, the files
 * are removed so that no export leaves without a trace. */
static gboolean
record_or_remove (RpStore               *recorder,
                  const RpExportDetails *details,
                  GPtrArray             *written,
                  GError               **error)
{
  if (rp_store_record_export (recorder, details, error))
    return TRUE;

  for (guint i = 0; written != NULL && i < written->len; i++)
    g_unlink (g_ptr_array_index (written, i));
  return FALSE;
}

/* Terminal columns a text takes: a wide character takes two and a combining
 * or invisible one none, so an en dash or an accent does not push the next
 * column out of line as padding by bytes would. */
static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Writes rows of cells as a table, each column as wide as its widest cell. */
static void
append_table (GString   *out,
              GPtrArray *rows)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (gsize));

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          if (c >= widths->len)
            g_array_set_size (widths, c + 1);
          g_array_index (widths, gsize, c) = MAX (g_array_index (widths, gsize, c), display_width (cells[c]));
        }
    }

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_string_append (out, cells[c]);
          if (cells[c + 1] == NULL)
            break;
          for (gsize w = display_width (cells[c]); w < g_array_index (widths, gsize, c) + 2; w++)
            g_string_append_c (out, ' ');
        }
      g_string_append_c (out, '\n');
    }
}

static int
command_attendees (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) workers = NULL;
  g_autoptr(GHashTable) initials = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *database = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gint64 programme_id = 0;
  gboolean csv;
  gboolean all_fields = FALSE;
  gboolean plain_utf8 = FALSE;
  g_autofree char *reason = NULL;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("With --all-fields, why the personal data is needed, for the export history"), N_("TEXT") },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("“table” (the default) or “csv”"), N_("FORMAT") },
    { "all-fields", 0, 0, G_OPTION_ARG_NONE, &all_fields, N_("With --format csv, add names, dates of birth, contacts, needs and notes, as “import” reads them. The output is then personal data: write it with --output, not a shell redirection, so that only you can read it."), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file, created readable by you only, instead of the terminal"), N_("FILE") },
    { "plain-utf8", 0, 0, G_OPTION_ARG_NONE, &plain_utf8, N_("With --format csv and --output, write the file without the byte-order mark that tells Excel it is UTF-8"), NULL },
    { NULL }
  };

  context = command_context (_("List the attendees of a programme with their number, status, step on the moving plan, allocated worker’s initials and target moving date."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv"))
    return usage_error (context, _("The format must be “table” or “csv”."));
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));

  csv = format != NULL && g_str_equal (format, "csv");
  if (all_fields && !csv)
    return usage_error (context, _("--all-fields works with --format csv only."));
  if (plain_utf8 && !csv)
    return usage_error (context, _("--plain-utf8 works with --format csv only."));

  if (!(store = open_for_reading (database, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)) ||
      !(attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), &error)) ||
      !(workers = rp_store_list_workers (store, TRUE, &error)))
    return fail (error);

  /* Every personal field leaves the database: that is an export, recorded first. */
  if (all_fields)
    {
      g_autoptr(RpStore) recorder = NULL;
      RpExportDetails details = { rp_programme_get_id (programme), "attendees-all-fields", "csv" };

      details.reason = reason;
      details.path = output;
      if (!(recorder = open_recorder (database, store, &error)) ||
          !record_or_remove (recorder, &details, NULL, &error))
        return fail (error);
    }

  /* The columns are those "import" reads: see rp-attendee-columns.c. */
  if (csv)
    {
      g_autofree char *text = rp_attendee_columns_to_csv (store, attendees, workers, all_fields, &error);

      if (text == NULL)
        return fail (error);
      g_string_append (out, text);
    }
  else
    {
      initials = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
        {
          g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);
          gint64 id = rp_worker_get_id (worker);

          g_hash_table_insert (initials, g_memdup2 (&id, sizeof id),
                               g_strdup (rp_worker_get_initials (worker)));
        }

      g_ptr_array_add (rows, g_strdupv ((char *[]) { _("No"), _("Status"), _("Step"), _("Worker"),
                                                     _("Target date"), _("Outcome"), NULL }));
    }

  for (guint i = 0; !csv && i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(RpAttendee) attendee = g_list_model_get_item (attendees, i);
      g_autofree char *number = g_strdup_printf ("%d", rp_attendee_get_number (attendee));
      g_autofree char *step = g_strdup_printf ("%d", rp_attendee_get_step (attendee));
      g_autofree char *target_text = rp_date_format_short (rp_attendee_get_target_date (attendee));
      const char *worker = worker_initials (initials, rp_attendee_get_worker_id (attendee));

      g_ptr_array_add (rows, g_strdupv ((char *[]) {
        number, (char *) rp_funding_get_label (rp_attendee_get_funding (attendee)),
        step, (char *) worker, target_text != NULL ? target_text : (char *) "–",
        (char *) rp_outcome_get_label (rp_attendee_get_outcome (attendee)), NULL }));
    }
  append_table (out, rows);

  /* A file gets the byte-order mark Excel needs; the terminal and pipes get the text alone. */
  if (output != NULL && csv)
    {
      if (!rp_csv_write_file (output, out->str, !plain_utf8, &error))
        return fail (error);
    }
  else if (output != NULL)
    {
      if (!rp_output_file_set_contents (output, out->str, out->len, &error))
        return fail (error);
    }
  else
    fwrite (out->str, 1, out->len, stdout);

  return EXIT_SUCCESS;
}

static int
command_step (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autofree char *to_text = NULL;
  gint64 programme_id = 0;
  int number = 0;
  int to_step = 0;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "attendee", 'a', 0, G_OPTION_ARG_INT, &number, N_("The attendee number"), N_("N") },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_text, N_("The step reached, 1 to 6, or its name"), N_("STEP") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day it was reached (default: today)"), N_("YYYY-MM-DD") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("Why; needed for a jump or a step back"), N_("TEXT") },
    { NULL }
  };

  context = command_context (_("Record a step change on the moving plan, under the same rules as the app: one step forward at a time, a jump or a step back only with a note, never dated in the future."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (number <= 0)
    return usage_error (context, _("Name the attendee with --attendee N."));
  if (to_text == NULL)
    return usage_error (context, _("Name the step reached with --to STEP."));
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));
  /* Read as an import reads a step cell: "2.5" or "3 or 4" is not a step. */
  if (!rp_import_parse_step (to_text, &to_step, &error))
    return usage_error (context, error->message);

  if (date_text != NULL && !(date = rp_date_normalise (date_text, &error)))
    {
      if (error == NULL)
        return usage_error (context, _("The date is empty."));
      return fail (error);
    }

  if (!(store = rp_store_open (database, RP_STORE_OPEN_DEFAULT, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)) ||
      !(attendee = rp_store_find_attendee (store, rp_programme_get_id (programme), number, &error)) ||
      !rp_store_change_step (store, rp_attendee_get_id (attendee), to_step, date, note, &error))
    return fail (error);

  g_print (_("Attendee %d is now at step %d, %s.\n"), number, to_step, rp_moving_plan_step_name (to_step));
  return EXIT_SUCCESS;
}

/* review: after the move ---------------------------------------------------- */

static gint64
find_worker_id (RpStore     *store,
                const char  *who,
                GError     **error)
{
  g_autoptr(GListModel) workers = rp_store_list_workers (store, TRUE, error);

  if (workers == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

      if (g_ascii_strcasecmp (who, rp_worker_get_initials (worker) != NULL ? rp_worker_get_initials (worker) : "") == 0 ||
          g_utf8_collate (who, rp_worker_get_name (worker)) == 0)
        return rp_worker_get_id (worker);
    }

  g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("No worker has the initials or name “%s”."), who);
  return 0;
}

static void
print_reviews (RpStore     *store,
               RpProgramme *programme,
               RpAttendee  *attendee)
{
  g_autoptr(GListModel) outcomes = rp_store_list_planned_outcomes (store, rp_attendee_get_id (attendee), NULL);
  g_autoptr(GListModel) reviews = rp_store_list_reviews (store, rp_attendee_get_id (attendee), NULL);
  g_autofree char *today = rp_store_dup_today (store);
  g_autofree char *due = NULL;
  const char *moved_on = rp_attendee_get_outcome_date (attendee);
  RpReviewState state;

  g_print (_("Attendee %d\n"), rp_attendee_get_number (attendee));
  if (rp_attendee_get_outcome (attendee) == RP_OUTCOME_MOVED && moved_on != NULL)
    {
      g_autofree char *held_text = rp_date_format_medium (rp_attendee_get_follow_up_held_on (attendee));
      g_autofree char *due_text = NULL;
      g_autofree char *permanent_text = rp_date_format_medium (rp_attendee_get_permanent_date (attendee));

      /* Dates as people write them, as everywhere else the CLI shows them. */
      state = rp_follow_up_state (moved_on, rp_programme_get_follow_up_weeks (programme),
                                  rp_attendee_get_follow_up_held_on (attendee), today, &due);
      due_text = rp_date_format_medium (due);
      switch (state)
        {
        case RP_REVIEW_STATE_DONE:
          g_print (_("Follow-up review: held on %s\n"), held_text);
          break;
        case RP_REVIEW_STATE_OVERDUE:
          g_print (_("Follow-up review: overdue, due %s\n"), due_text);
          break;
        case RP_REVIEW_STATE_DUE:
          g_print (_("Follow-up review: due by %s\n"), due_text);
          break;
        case RP_REVIEW_STATE_SCHEDULED:
        case RP_REVIEW_STATE_NONE:
        default:
          g_print (_("Follow-up review: falls on %s\n"), due_text);
          break;
        }
      if (rp_attendee_get_interim (attendee))
        g_print (_("Interim place: permanent move planned for %s\n"),
                 permanent_text != NULL ? permanent_text : _("a date not yet known"));
    }
  else
    g_print ("%s\n", _("Not moved yet: no review to hold."));

  g_print ("%s\n", _("Outcomes:"));
  for (guint i = 0; outcomes != NULL && i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, i);

      g_print ("  %u. %s\n", i + 1, rp_planned_outcome_get_description (outcome));
    }

  for (guint i = 0; reviews != NULL && i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(RpReview) review = g_list_model_get_item (reviews, i);
      g_autofree char *who = rp_took_part_describe (rp_review_get_took_part (review));
      g_autofree char *held_on = rp_date_format_medium (rp_review_get_held_on (review));

      g_print (_("%s on %s by %s; took part: %s; %s\n"),
               rp_review_kind_get_label (rp_review_get_kind (review)), held_on,
               rp_review_get_reviewer_name (review) != NULL ? rp_review_get_reviewer_name (review) : "",
               who, rp_review_get_placement_continues (review) ? _("placement continues") : _("placement does not continue"));
      for (guint r = 0; r < rp_review_get_n_ratings (review); r++)
        {
          const RpOutcomeRating *rating = rp_review_get_rating (review, r);

          g_print ("  %s: %s%s%s\n", rating->description, rp_rating_get_label (rating->rating),
                   rating->note != NULL ? " — " : "", rating->note != NULL ? rating->note : "");
        }
    }
}

/* Problems read like a compiler's, so that an editor can jump to the line. */
static void
print_problem (const char      *path,
               RpImportProblem *problem)
{
  if (problem->heading != NULL)
    g_printerr (_("%s:%u: column “%s”: %s\n"), path, problem->line, problem->heading, problem->message);
  else
    g_printerr ("%s:%u: %s\n", path, problem->line, problem->message);
}

/* What every import command shares: its options, its database and
 * programme (read-only for a dry run), and the file. */
typedef struct
{
  char        *database;
  gint64       programme_id;
  gboolean     dry_run;
  const char  *path;
  RpStore     *store;
  RpProgramme *programme;
  GMappedFile *file;
} ImportCommand;

static void
import_command_clear (ImportCommand *import)
{
  g_clear_pointer (&import->database, g_free);
  g_clear_object (&import->programme);
  g_clear_object (&import->store);
  g_clear_pointer (&import->file, g_mapped_file_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportCommand, import_command_clear)

/* Parses the options and opens everything; FALSE (with *status set) if not. */
static gboolean
import_command_open (ImportCommand   *import,
                     const char      *summary,
                     int             *argc,
                     char          ***argv,
                     int             *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &import->database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &import->programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &import->dry_run, N_("Check every row and say what would be added, without adding anything"), NULL },
    { NULL }
  };

  context = command_context_with_arguments (_("FILE.csv"), summary, entries);
  if (!parse_command (context, argc, argv, &import->database, status))
    return FALSE;
  if (*argc < 2)
    {
      *status = usage_error (context, _("Name the CSV file to import."));
      return FALSE;
    }
  if (*argc > 2)
    {
      *status = usage_error (context, _("Unexpected argument."));
      return FALSE;
    }
  import->path = (*argv)[1];

  if (!(import->store = import->dry_run ? open_for_reading (import->database, &error)
                                        : rp_store_open (import->database, RP_STORE_OPEN_DEFAULT, &error)) ||
      !(import->programme = choose_programme (import->store, import->programme_id, &error)))
    {
      *status = fail (error);
      return FALSE;
    }

  if (!(import->file = g_mapped_file_new (import->path, FALSE, &error)))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_printerr (_("reprovision-cli: “%s” does not exist.\n"), import->path);
      else
        g_printerr (_("reprovision-cli: “%s” could not be read: %s\n"), import->path, error->message);
      *status = EXIT_FAILURE;
      return FALSE;
    }

  return TRUE;
}

static const char *
import_command_get_data (ImportCommand *import,
                         gsize         *len)
{
  *len = g_mapped_file_get_length (import->file);
  return g_mapped_file_get_contents (import->file);
}

/* Prints every problem by line and column; returns the exit status. */
static int
import_command_refuse (ImportCommand *import,
                       GPtrArray     *problems,
                       GError        *error)
{
  if (problems == NULL || problems->len == 0)
    {
      g_printerr ("%s: %s\n", import->path, error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < problems->len; i++)
    print_problem (import->path, g_ptr_array_index (problems, i));
  g_printerr (ngettext ("Nothing was added: the file has %u problem.\n",
                        "Nothing was added: the file has %u problems.\n", problems->len),
              problems->len);
  return EXIT_FAILURE;
}

/* Says what an import of a CSV file reprovision-cli wrote did, or would do. */
typedef void (*CsvImportedFunc) (gboolean dry_run,
                                 guint    n_added);

static int
run_csv_import (int              argc,
                char           **argv,
                const char      *summary,
                RpCsvImportFunc  import,
                CsvImportedFunc  imported)
{
  g_auto(ImportCommand) command = { 0 };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;
  guint n_added = 0;
  int status = EXIT_SUCCESS;

  if (!import_command_open (&command, summary, &argc, &argv, &status))
    return status;

  data = import_command_get_data (&command, &len);
  if (!import (command.store, rp_programme_get_id (command.programme), data, len,
               command.dry_run, &n_added, &problems, &error))
    return import_command_refuse (&command, problems, error);

  imported (command.dry_run, n_added);
  return EXIT_SUCCESS;
}

/* "review --format csv": every review of the programme, recorded in the
 * export history before it is written, as the contact log is. */
static int
write_reviews_csv (const char *database,
                   gint64      programme_id,
                   const char *output,
                   gboolean    plain_utf8,
                   const char *reason)
{
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpStore) recorder = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RpExportDetails details = { 0, "reviews", "csv" };

  if (!(store = open_for_reading (database, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)) ||
      !(text = rp_review_csv_write (store, rp_programme_get_id (programme), &error)))
    return fail (error);

  details.programme_id = rp_programme_get_id (programme);
  details.reason = reason;
  if (!(recorder = open_recorder (database, store, &error)) ||
      !record_or_remove (recorder, &details, NULL, &error))
    return fail (error);

  if (output != NULL)
    {
      if (!rp_csv_write_file (output, text, !plain_utf8, &error))
        return fail (error);
    }
  else
    fputs (text, stdout);
  return EXIT_SUCCESS;
}

/* "review import FILE": reviews written by "review --format csv", recorded
 * all or nothing after a backup, each as "review --record" records it. */
static void
print_reviews_recorded (gboolean dry_run,
                        guint    n)
{
  if (dry_run)
    g_print (ngettext ("%u review would be recorded.\n", "%u reviews would be recorded.\n", n), n);
  else
    g_print (ngettext ("Recorded %u review.\n", "Recorded %u reviews.\n", n), n);
}

static int
command_review_import (int    argc,
                       char **argv)
{
  return run_csv_import (argc, argv, _("Record reviews from a CSV file such as the output of “reprovision-cli review --format csv”. Attendees are named by number, outcomes by their wording in the person’s plan; both must be in the programme already. Every row is checked first: if any row has a problem, nothing is added."),
                         rp_review_csv_import, print_reviews_recorded);
}

static int
command_review (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *took_part = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *add_outcome = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) rates = NULL;
  gint64 programme_id = 0;
  int number = 0;
  gboolean plain_utf8 = FALSE;
  gboolean record = FALSE;
  gboolean annual = FALSE;
  gboolean ends = FALSE;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "attendee", 'a', 0, G_OPTION_ARG_INT, &number, N_("The attendee number"), N_("N") },
    { "add-outcome", 0, 0, G_OPTION_ARG_STRING, &add_outcome, N_("Add an outcome to the attendee’s moving plan"), N_("TEXT") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record, N_("Record a review (a follow-up review moves the attendee to step 6)"), NULL },
    { "annual", 0, 0, G_OPTION_ARG_NONE, &annual, N_("With --record: an annual review, not the follow-up one"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the review (default: today)"), N_("YYYY-MM-DD") },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, N_("Who held it: a worker’s initials or name"), N_("WHO") },
    { "rate", 0, 0, G_OPTION_ARG_STRING_ARRAY, &rates, N_("An outcome’s rating, by its number in the list: 1=met, 2=partly-met:a note, 3=not-met"), N_("N=RATING[:NOTE]") },
    { "took-part", 0, 0, G_OPTION_ARG_STRING, &took_part, N_("Who took part: person, family, provider, advocate, comma-separated"), N_("LIST") },
    { "placement-ends", 0, 0, G_OPTION_ARG_NONE, &ends, N_("The placement does not continue"), NULL },
    { "actions", 0, 0, G_OPTION_ARG_STRING, &actions, N_("Actions agreed"), N_("TEXT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("“csv”: every review of the programme, one row per outcome rated"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("With --format csv, write to this file, created readable by you only"), N_("FILE") },
    { "plain-utf8", 0, 0, G_OPTION_ARG_NONE, &plain_utf8, N_("With --format csv and --output, write the file without the byte-order mark"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("With --format csv, why the reviews are needed, for the export history"), N_("TEXT") },
    { NULL }
  };

  /* "review import FILE" reads back what "--format csv" writes. */
  if (argc > 1 && g_str_equal (argv[1], "import"))
    {
      g_set_prgname ("reprovision-cli review import");
      return command_review_import (argc - 1, argv + 1);
    }

  context = command_context (_("Show an attendee’s outcomes and reviews after the move, add an outcome to their plan, or record a review rating every outcome met, partly-met or not-met. With --format csv, write every review of the programme; “review import FILE” reads such a file back."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "csv"))
    return usage_error (context, _("The format must be “csv”."));
  if (format != NULL)
    {
      if (number > 0 || record || add_outcome != NULL || argc > 1)
        return usage_error (context, _("--format csv writes every review of the programme: leave out --attendee, --record and --add-outcome."));
      return write_reviews_csv (database, programme_id, output, plain_utf8, reason);
    }
  if (number <= 0)
    return usage_error (context, _("Name the attendee with --attendee N."));
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));
  if (record && reviewer == NULL)
    return usage_error (context, _("Name who held the review with --reviewer WHO."));
  if (date_text != NULL && !(date = rp_date_normalise (date_text, &error)))
    return error != NULL ? fail (error) : usage_error (context, _("The date is empty."));

  if (!(store = rp_store_open (database, RP_STORE_OPEN_DEFAULT, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)) ||
      !(attendee = rp_store_find_attendee (store, rp_programme_get_id (programme), number, &error)))
    return fail (error);

  if (add_outcome != NULL)
    {
      g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();

      rp_planned_outcome_set_attendee_id (outcome, rp_attendee_get_id (attendee));
      rp_planned_outcome_set_description (outcome, add_outcome);
      if (!rp_store_add_planned_outcome (store, outcome, &error))
        return fail (error);
    }

  if (record)
    {
      g_autoptr(RpReview) review = rp_review_new ();
      g_autoptr(GListModel) outcomes = rp_store_list_planned_outcomes (store, rp_attendee_get_id (attendee), &error);
      g_autofree char *today = rp_store_dup_today (store);
      gint64 reviewer_id;

      if (outcomes == NULL || (reviewer_id = find_worker_id (store, reviewer, &error)) <= 0)
        return fail (error);

      rp_review_set_attendee_id (review, rp_attendee_get_id (attendee));
      rp_review_set_kind (review, annual ? RP_REVIEW_KIND_ANNUAL : RP_REVIEW_KIND_FOLLOW_UP);
      rp_review_set_held_on (review, date != NULL ? date : today);
      rp_review_set_reviewer_id (review, reviewer_id);
      rp_review_set_took_part (review, rp_took_part_from_string (took_part));
      rp_review_set_placement_continues (review, !ends);
      rp_review_set_actions (review, actions);

      for (guint i = 0; rates != NULL && rates[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (rates[i], "=", 2);
          g_auto(GStrv) rating_note = NULL;
          g_autoptr(RpPlannedOutcome) outcome = NULL;
          guint64 which = 0;
          RpRating rating;

          if (parts[1] == NULL || !g_ascii_string_to_unsigned (parts[0], 10, 1, g_list_model_get_n_items (outcomes), &which, NULL))
            {
              g_autofree char *message = g_strdup_printf (_("“%s” does not name an outcome by its number, 1 to %u."),
                                                          rates[i], g_list_model_get_n_items (outcomes));
              return usage_error (context, message);
            }
          rating_note = g_strsplit (parts[1], ":", 2);
          if (!rp_rating_from_string (rating_note[0], &rating))
            {
              g_autofree char *message = g_strdup_printf (_("“%s” is not a rating: use met, partly-met or not-met."), rating_note[0]);
              return usage_error (context, message);
            }
          outcome = g_list_model_get_item (outcomes, which - 1);
          rp_review_set_rating (review, rp_planned_outcome_get_id (outcome), rp_planned_outcome_get_description (outcome),
                                rating, rating_note[1]);
        }

      if (!rp_store_record_review (store, review, &error))
        return fail (error);
      g_clear_object (&attendee);
      if (!(attendee = rp_store_find_attendee (store, rp_programme_get_id (programme), number, &error)))
        return fail (error);
    }

  print_reviews (store, programme, attendee);
  return EXIT_SUCCESS;
}

static int
command_erase (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *folder = NULL;
  gint64 programme_id = 0;
  int number = 0;
  gboolean yes = FALSE;
  gboolean keep_backups = FALSE;
  guint n_backups = 0;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "attendee", 'a', 0, G_OPTION_ARG_INT, &number, N_("The attendee number"), N_("N") },
    { "keep-backups", 0, 0, G_OPTION_ARG_NONE, &keep_backups, N_("Leave the backups as they are: they still hold the person"), NULL },
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Erase; without it, only say what would be erased"), NULL },
    { NULL }
  };

  context = command_context (_("Erase an attendee for good: their details, contacts, notes, step history, bookings and what the audit trail held about them. "
                               "Only the attendee number, the date and who erased it stay on record. "
                               "The backups in the database’s backups folder are erased from too, unless --keep-backups is given; "
                               "copies kept anywhere else are out of reach. Restoring a backup made before an erasure applies the erasure again."),
                             entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (number <= 0)
    return usage_error (context, _("Name the attendee with --attendee N."));
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));

  if (!(store = rp_store_open (database, yes ? RP_STORE_OPEN_DEFAULT : RP_STORE_OPEN_READ_ONLY, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)) ||
      !(attendee = rp_store_find_attendee (store, rp_programme_get_id (programme), number, &error)))
    return fail (error);

  /* A team database's backups are on the server, its administrator's. */
  if (rp_store_is_team (store))
    {
      if (!yes)
        {
          g_print (_("This would erase attendee %d of “%s” for good: their details, contacts, notes, step history, bookings and what the audit trail held about them.\n"),
                   number, rp_programme_get_name (programme));
          g_print (_("This is a team database: its backups are kept on the server by its administrator, who erases from them.\n"));
          g_print (_("Nothing was changed. To erase, run the command again with --yes.\n"));
          return EXIT_FAILURE;
        }
      if (!rp_erasure_erase_attendee (store, rp_attendee_get_id (attendee), RP_ERASURE_KEEP_BACKUPS, NULL, &error))
        return fail (error);
      g_print (_("Attendee %d was erased. Only the number, the date and who erased it stay on record.\n"), number);
      g_print (_("This is a team database: its backups are kept on the server by its administrator, who erases from them.\n"));
      return EXIT_SUCCESS;
    }

  if (!yes)
    {
      folder = rp_database_file_get_backup_folder (database);
      if (!(backups = rp_backup_list (database, &error)))
        return fail (error);

      g_print (_("This would erase attendee %d of “%s” for good: their details, contacts, notes, step history, bookings and what the audit trail held about them.\n"),
               number, rp_programme_get_name (programme));
      if (keep_backups)
        g_print (_("The backups in “%s” would still hold them.\n"), folder);
      else
        g_print (ngettext ("The %u backup in “%s” would be erased from too.\n",
                           "The %u backups in “%s” would be erased from too.\n",
                           g_list_model_get_n_items (backups)),
                 g_list_model_get_n_items (backups), folder);
      g_print (_("Nothing was changed. To erase, run the command again with --yes.\n"));
      return EXIT_FAILURE;
    }

  if (!rp_erasure_erase_attendee (store, rp_attendee_get_id (attendee),
                                  keep_backups ? RP_ERASURE_KEEP_BACKUPS : RP_ERASURE_DEFAULT,
                                  &n_backups, &error))
    return fail (error);

  g_print (_("Attendee %d was erased. Only the number, the date and who erased it stay on record.\n"), number);
  if (keep_backups)
    g_print (_("The backups still hold them: delete the backups made before today, or erase again without --keep-backups.\n"));
  else
    g_print (ngettext ("They were also erased from %u backup.\n", "They were also erased from %u backups.\n", n_backups),
             n_backups);

  return EXIT_SUCCESS;
}

static int
command_report (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpReport) report = NULL;
  g_autoptr(RpNameIndex) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *compare_text = NULL;
  g_autofree char *table = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *compare_with = NULL;
  g_autofree char *marking = NULL;
  gboolean pdf;
  gboolean xlsx;
  gint64 programme_id = 0;
  gboolean include_moved = FALSE;
  gboolean without_summary = FALSE;
  gboolean without_steps = FALSE;
  gboolean without_follow_up_table = FALSE;
  g_autofree char *reason = NULL;
  g_autoptr(RpStore) recorder = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  int suppress_below = 0;
  int status = EXIT_SUCCESS;
  g_auto(GStrv) confirmations = NULL;
  RpReportOptions options = { NULL };
  /* In the order of RpReportTable, from RP_REPORT_TABLE_PROGRESS. */
  static const char * const tables[] = { "progress", "timetable", "summary", "follow-up", "follow-up-summary" };
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("“pdf”, “xlsx” or “csv” (default: from the name given to --output)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write; for CSV with no --table, a folder for one file per table"), N_("PATH") },
    { "marking", 'm', 0, G_OPTION_ARG_STRING, &marking, N_("A protective marking for the top and foot of every page, such as OFFICIAL (default: the programme’s, see “programme --marking”)"), N_("TEXT") },
    { "table", 't', 0, G_OPTION_ARG_STRING, &table, N_("Only one table: “progress”, “timetable”, “summary”, “follow-up” or “follow-up-summary”"), N_("TABLE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, N_("Report the data as it was on this day (default: the programme’s, see “programme --as-of”, else today)"), N_("YYYY-MM-DD") },
    { "compare-with", 0, 0, G_OPTION_ARG_STRING, &compare_text, N_("Show the change in the summary since this day"), N_("YYYY-MM-DD") },
    { "include-moved", 0, 0, G_OPTION_ARG_NONE, &include_moved, N_("List attendees who have moved on too"), NULL },
    { "no-summary", 0, 0, G_OPTION_ARG_NONE, &without_summary, N_("Leave the summary and its chart out of a PDF or spreadsheet"), NULL },
    { "suppress-below", 0, 0, G_OPTION_ARG_INT, &suppress_below, N_("Print summary counts below N as “<N”"), N_("N") },
    { "confirm-not-a-name", 0, 0, G_OPTION_ARG_STRING_ARRAY, &confirmations,
      N_("Confirm that the word the name check flagged in a text is an ordinary word there, not a name, as in 4:note=Grant (recorded, with who confirmed it)"),
      N_("TEXT=WORD") },
    { "no-follow-up-table", 0, 0, G_OPTION_ARG_NONE, &without_follow_up_table, N_("Leave out the follow-up table (each person who moved, by number); the follow-up summary stays with the summary"), NULL },
    { "without-steps", 0, 0, G_OPTION_ARG_NONE, &without_steps, N_("Leave each attendee’s step out of the progress table, so hidden counts cannot be recounted from it"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the report is exported, for the export history"), N_("TEXT") },
    { "plain-utf8", 0, 0, G_OPTION_ARG_NONE, &options.plain_utf8, N_("Write CSV files without the byte-order mark that tells Excel they are UTF-8"), NULL },
    { NULL }
  };

  context = command_context (_("Write the reprovision report for the scrutiny commission: the closure timetable, the anonymised progress table, a summary and the follow-up after each move. Nothing that identifies a person is written, and the export stops if a published note names anyone."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (output == NULL)
    return usage_error (context, _("Name where to write with --output PATH."));
  /* "-o report.pdf" says what is wanted; a folder or another name still needs --format. */
  if (format == NULL)
    {
      const char *dot = strrchr (output, '.');

      if (dot != NULL && (g_ascii_strcasecmp (dot, ".pdf") == 0 || g_ascii_strcasecmp (dot, ".xlsx") == 0 ||
                          g_ascii_strcasecmp (dot, ".csv") == 0))
        format = g_ascii_strdown (dot + 1, -1);
    }
  if (format == NULL || (!g_str_equal (format, "csv") && !g_str_equal (format, "pdf") && !g_str_equal (format, "xlsx")))
    return usage_error (context, _("Say the format with --format: “pdf”, “xlsx” or “csv”."));
  pdf = g_str_equal (format, "pdf");
  xlsx = g_str_equal (format, "xlsx");

  if (table != NULL && !g_strv_contains (tables, table))
    return usage_error (context, _("The table must be “progress”, “timetable”, “summary”, “follow-up” or “follow-up-summary”."));
  if (suppress_below < 0)
    return usage_error (context, _("--suppress-below needs a whole number."));
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));

  if ((as_of_text != NULL && !(as_of = rp_date_normalise (as_of_text, &error))) ||
      (compare_text != NULL && !(compare_with = rp_date_normalise (compare_text, &error))))
    return error != NULL ? fail (error) : usage_error (context, _("The date is empty."));

  options.as_of = as_of;
  options.compare_with = compare_with;
  options.include_moved = include_moved;
  options.without_summary = without_summary;
  options.only_table = RP_REPORT_TABLE_ALL;
  for (guint i = 0; table != NULL && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (table, tables[i]))
      options.only_table = (RpReportTable) (RP_REPORT_TABLE_PROGRESS + i);
  options.without_follow_up_table = without_follow_up_table;
  options.suppress_below = suppress_below;
  options.without_step_column = without_steps;
  options.marking = marking;

  /* Only a confirmation writes: it is recorded, with who made it, in the audit trail. */
  if (!(store = confirmations != NULL ? rp_store_open (database, RP_STORE_OPEN_AS_IS, &error)
                                      : open_for_reading (database, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)) ||
      !(report = rp_report_build (store, rp_programme_get_id (programme), &options, &error)) ||
      !(names = rp_report_build_name_index (report, store, &error)))
    return fail (error);

  /* The message names the text and the word's place in it, never the name found. */
  if (!rp_report_check_names_confirming (report, store, names, (const char * const *) confirmations, NULL, &error))
    return fail (error);

  /* Hiding small counts that the same report lets anyone recount protects
   * no one: say so, and which combinations are safe. */
  if (rp_report_hidden_counts_recoverable (report))
    {
      g_printerr ("%s\n", _("reprovision-cli: With --suppress-below, the hidden counts could be recounted from the progress or follow-up table of this report, so nothing was exported. Publish the summary alone (--table summary), or leave the steps out of the progress table (--without-steps) and the follow-up table out (--no-follow-up-table)."));
      return EXIT_FAILURE;
    }

  if (!(recorder = open_recorder (database, store, &error)))
    return fail (error);

  if (pdf || xlsx)
    {
      g_ptr_array_add (written, g_strdup (output));
      if (!(pdf ? rp_report_write_pdf (report, output, &error) : rp_report_write_xlsx (report, output, &error)))
        return fail (error);
    }
  else if (table != NULL)
    {
      g_ptr_array_add (written, g_strdup (output));
      if (!rp_report_write_csv (report, options.only_table, output, &error))
        return fail (error);
    }
  else
    {
      if (!rp_output_file_check_folder (output, &error))
        return fail (error);

      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s.csv", tables[i]);
          g_autofree char *path = g_build_filename (output, name, NULL);

          if (!rp_report_includes (report, (RpReportTable) (RP_REPORT_TABLE_PROGRESS + i)) &&
              RP_REPORT_TABLE_PROGRESS + i >= RP_REPORT_TABLE_FOLLOW_UP)
            continue;

          g_ptr_array_add (written, g_strdup (path));
          if (!rp_report_write_csv (report, (RpReportTable) (RP_REPORT_TABLE_PROGRESS + i), path, &error))
            return fail (error);
        }
    }

  if (!rp_report_record_export (report, recorder, "report", format, output, reason, &error))
    {
      for (guint i = 0; i < written->len; i++)
        g_unlink (g_ptr_array_index (written, i));
      return fail (error);
    }

  return EXIT_SUCCESS;
}

/* A date option: empty clears it, anything else must be a real date. */
static gboolean
normalise_date_option (char    **value,
                       GError  **error)
{
  g_autofree char *date = NULL;

  if (*value == NULL || (*value)[0] == '\0')
    return TRUE;

  if (!(date = rp_date_normalise (*value, error)))
    return FALSE;

  g_free (*value);
  *value = g_steal_pointer (&date);
  return TRUE;
}

static void
print_programme_field (const char *label,
                       const char *value)
{
  g_print ("%-24s %s\n", label, value != NULL ? value : "–");
}

/* One line of a table: an activity of several lines, or with tabs, on one. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  return line;
}

/* "30 Sep 2023", "to be confirmed", with "(cancelled)" after a cancelled day. */
static char *
describe_taster_day_date (RpTasterDay *day)
{
  g_autofree char *date = rp_date_format_short (rp_taster_day_get_date (day));
  const char *when = date != NULL ? date : _("to be confirmed");

  if (rp_taster_day_get_cancelled (day))
    /* Translators: a taster day's date, as in "30 Sep 2023 (cancelled)" */
    return g_strdup_printf (_("%s (cancelled)"), when);

  return g_strdup (when);
}

static void
print_actions (GListModel *actions)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);

  g_ptr_array_add (rows, g_strdupv ((char *[]) { _("No."), _("Due"), _("Status"), _("Task owner"), _("Activity"), NULL }));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
      const char *owner = rp_timetable_action_get_owner (action);
      char **cells = g_new0 (char *, 6);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = rp_timetable_action_format_due (action);
      cells[2] = g_strdup (rp_action_status_get_label (rp_timetable_action_get_status (action)));
      cells[3] = g_strdup (owner != NULL ? owner : "–");
      cells[4] = one_line (rp_timetable_action_get_activity (action));
      g_ptr_array_add (rows, cells);
    }

  append_table (out, rows);
  g_print ("%s", out->str);
}

/* One action, and every taster day of its programme with whether it is linked. */
static void
print_action_and_days (RpTimetableAction *action,
                       guint              number,
                       RpProgramme       *programme,
                       GListModel        *days)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *due = rp_timetable_action_format_due (action);
  const char *owner = rp_timetable_action_get_owner (action);

  g_print (_("Action %u: %s\n"), number, rp_timetable_action_get_activity (action));
  print_programme_field (_("Task owner:"), owner);
  print_programme_field (_("Due:"), due);
  print_programme_field (_("Status:"), rp_action_status_get_label (rp_timetable_action_get_status (action)));
  g_print ("\n");

  if (g_list_model_get_n_items (days) == 0)
    {
      g_print (_("%s has no taster days to link yet.\n"), rp_programme_get_name (programme));
      return;
    }

  g_print (_("Taster days of %s (link one with --link-taster-day ID):\n"), rp_programme_get_name (programme));
  g_ptr_array_add (rows, g_strdupv ((char *[]) { _("ID"), _("Linked"), _("Provider"), _("Date"), NULL }));
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, rp_taster_day_get_id (day));
      cells[1] = g_strdup (rp_timetable_action_has_taster_day (action, rp_taster_day_get_id (day)) ? _("yes") : _("no"));
      cells[2] = g_strdup (rp_taster_day_get_provider_name (day));
      cells[3] = describe_taster_day_date (day);
      g_ptr_array_add (rows, cells);
    }

  append_table (out, rows);
  g_print ("%s", out->str);
}

/* Reads the --link-taster-day and --unlink-taster-day values. */
static gboolean
parse_taster_day_ids (char   **texts,
                      GArray  *ids,
                      GError **error)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      guint64 parsed = 0;
      gint64 id;

      if (!g_ascii_string_to_unsigned (texts[i], 10, 1, G_MAXINT64, &parsed, NULL))
        {
          g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                       _("“%s” is not a taster day’s ID: give the number in the ID column of “timetable --action N”."),
                       texts[i]);
          return FALSE;
        }
      id = (gint64) parsed;
      g_array_append_val (ids, id);
    }

  return TRUE;
}

/* The taster day @id as the store has it, or an error that says what to do. */
static RpTasterDay *
find_taster_day_for (RpStore      *store,
                     RpProgramme  *programme,
                     gint64        id,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RpTasterDay) day = rp_store_get_taster_day (store, id, &local_error);

  if (day == NULL)
    {
      if (g_error_matches (local_error, RP_ERROR, RP_ERROR_NOT_FOUND))
        g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                     _("There is no taster day %" G_GINT64_FORMAT ". Nothing was changed. “timetable --action N” lists the programme’s taster days with their IDs."),
                     id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (rp_taster_day_get_programme_id (day) != rp_programme_get_id (programme))
    {
      g_autoptr(RpProgramme) other = rp_store_get_programme (store, rp_taster_day_get_programme_id (day), NULL);
      g_autofree char *date = describe_taster_day_date (day);

      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Taster day %" G_GINT64_FORMAT " (%s, %s) belongs to programme %" G_GINT64_FORMAT " (“%s”), not to programme %" G_GINT64_FORMAT " (“%s”). An action can only be linked to taster days of its own programme. Nothing was changed."),
                   id, rp_taster_day_get_provider_name (day), date,
                   rp_taster_day_get_programme_id (day), other != NULL ? rp_programme_get_name (other) : "",
                   rp_programme_get_id (programme), rp_programme_get_name (programme));
      return NULL;
    }

  return g_steal_pointer (&day);
}

static int
command_timetable (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(RpTimetableAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) link = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) unlink = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *database = NULL;
  g_auto(GStrv) link_texts = NULL;
  g_auto(GStrv) unlink_texts = NULL;
  gint64 programme_id = 0;
  int number = 0;
  guint n_actions;
  gboolean changing;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "action", 'a', 0, G_OPTION_ARG_INT, &number, N_("Show one action, by its number in the list, with the programme’s taster days"), N_("N") },
    { "link-taster-day", 0, 0, G_OPTION_ARG_STRING_ARRAY, &link_texts, N_("With --action, link the action to this taster day, so that it prints the day’s date itself (may be repeated)"), N_("ID") },
    { "unlink-taster-day", 0, 0, G_OPTION_ARG_STRING_ARRAY, &unlink_texts, N_("With --action, unlink the action from this taster day (may be repeated)"), N_("ID") },
    { NULL }
  };

  context = command_context (_("List the closure timetable with each action’s due date as the report prints it. An action linked to taster days prints their dates itself, grouped by provider (“IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc”), before its own due date or note. Links are recorded in the audit trail."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));
  if (!parse_taster_day_ids (link_texts, link, &error) ||
      !parse_taster_day_ids (unlink_texts, unlink, &error))
    return usage_error (context, error->message);

  changing = link->len > 0 || unlink->len > 0;
  if (changing && number <= 0)
    return usage_error (context, _("Say which action to link or unlink with --action N (its number in the list)."));
  for (guint i = 0; i < link->len; i++)
    for (guint j = 0; j < unlink->len; j++)
      if (g_array_index (link, gint64, i) == g_array_index (unlink, gint64, j))
        {
          g_autofree char *message = g_strdup_printf (_("Taster day %" G_GINT64_FORMAT " is both to be linked and unlinked: give it once."),
                                                      g_array_index (link, gint64, i));
          return usage_error (context, message);
        }

  if (!(store = changing ? rp_store_open (database, RP_STORE_OPEN_DEFAULT, &error)
                         : open_for_reading (database, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)) ||
      !(actions = rp_store_list_actions (store, rp_programme_get_id (programme), &error)))
    return fail (error);

  n_actions = g_list_model_get_n_items (actions);
  if (number == 0)
    {
      if (n_actions == 0)
        g_print (_("The timetable of %s has no actions yet.\n"), rp_programme_get_name (programme));
      else
        print_actions (actions);
      return EXIT_SUCCESS;
    }

  if (number < 0 || (guint) number > n_actions)
    {
      if (n_actions == 0)
        g_printerr (_("reprovision-cli: The timetable of %s has no actions yet.\n"), rp_programme_get_name (programme));
      else if (n_actions == 1)
        g_printerr (_("reprovision-cli: The timetable has no action %d: it has one action, number 1.\n"), number);
      else
        g_printerr (_("reprovision-cli: The timetable has no action %d: it has %u actions, numbered 1 to %u as “timetable” lists them.\n"),
                    number, n_actions, n_actions);
      return EXIT_FAILURE;
    }

  action = g_list_model_get_item (actions, number - 1);
  if (changing)
    {
      g_autoptr(RpTimetableAction) changed = rp_timetable_action_copy (action);

      /* Every day is looked up first, so a wrong one changes nothing. */
      for (guint i = 0; i < unlink->len; i++)
        {
          g_autoptr(RpTasterDay) day = find_taster_day_for (store, programme, g_array_index (unlink, gint64, i), &error);

          if (day == NULL)
            return fail (error);
          rp_timetable_action_unlink_taster_day (changed, rp_taster_day_get_id (day));
        }
      for (guint i = 0; i < link->len; i++)
        {
          g_autoptr(RpTasterDay) day = find_taster_day_for (store, programme, g_array_index (link, gint64, i), &error);

          if (day == NULL)
            return fail (error);
          rp_timetable_action_link_taster_day (changed, day);
        }

      if (!rp_store_save_action (store, changed, &error))
        return fail (error);
      g_set_object (&action, changed);
    }

  if (!(days = rp_store_list_taster_days (store, rp_programme_get_id (programme), &error)))
    return fail (error);
  print_action_and_days (action, number, programme, days);
  return EXIT_SUCCESS;
}

static int
command_programme (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *closure_date = NULL;
  g_autofree char *department = NULL;
  g_autofree char *author = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *meeting_date = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *marking = NULL;
  g_autofree char *family_contact = NULL;
  int follow_up_weeks = 0;
  int contact_days = 0;
  g_autofree char *family_phone = NULL;
  g_autofree char *closure_text = NULL;
  g_autofree char *meeting_text = NULL;
  g_autofree char *as_of_text = NULL;
  gint64 programme_id = 0;
  gboolean changing;
  gboolean history = FALSE;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "history", 0, 0, G_OPTION_ARG_NONE, &history, N_("Show who changed the programme’s settings, workers, providers and timetable, and when, newest first"), NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The day centre’s name"), N_("TEXT") },
    { "closure-date", 0, 0, G_OPTION_ARG_STRING, &closure_date, N_("The day the centre closes"), N_("YYYY-MM-DD") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The report’s title"), N_("TEXT") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("The council or department the report comes from"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("The report’s author or contact, as a role, such as “Head of Service”"), N_("TEXT") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The meeting the report is for"), N_("TEXT") },
    { "meeting-date", 0, 0, G_OPTION_ARG_STRING, &meeting_date, N_("The day of the meeting"), N_("YYYY-MM-DD") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The day the report reflects, unless “report --as-of” says otherwise (empty: the day it is made)"), N_("YYYY-MM-DD") },
    { "marking", 'm', 0, G_OPTION_ARG_STRING, &marking, N_("The protective marking at the top and foot of every page, such as OFFICIAL-SENSITIVE"), N_("TEXT") },
    { "family-contact", 0, 0, G_OPTION_ARG_STRING, &family_contact, N_("Whom families call with questions when their worker has no number, such as “the day centre office”; printed on family schedules only"), N_("TEXT") },
    { "family-phone", 0, 0, G_OPTION_ARG_STRING, &family_phone, N_("The phone number families call"), N_("NUMBER") },
    { "follow-up-weeks", 0, 0, G_OPTION_ARG_INT, &follow_up_weeks, N_("How many weeks after a move its follow-up review falls, 1 to 52"), N_("N") },
    { "contact-days", 0, 0, G_OPTION_ARG_INT, &contact_days, N_("How many days a family may go without contact, 1 to 365"), N_("N") },
    { NULL }
  };

  context = command_context (_("Show a programme’s closure date and the front matter its report carries. Give any option to change it (an empty value clears it); the change is recorded in the audit trail. Published texts are checked for names when the report is made."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));
  if (!normalise_date_option (&closure_date, &error) ||
      !normalise_date_option (&meeting_date, &error) ||
      !normalise_date_option (&as_of, &error))
    return fail (error);

  if (follow_up_weeks < 0 || follow_up_weeks > 52)
    return usage_error (context, _("The follow-up review falls 1 to 52 weeks after the move."));
  if (contact_days < 0 || contact_days > 365)
    return usage_error (context, _("Families need contact every 1 to 365 days."));

  changing = name != NULL || title != NULL || closure_date != NULL || department != NULL || author != NULL ||
             meeting != NULL || meeting_date != NULL || as_of != NULL || marking != NULL ||
             family_contact != NULL || family_phone != NULL || follow_up_weeks > 0 || contact_days > 0;
  if (history && changing)
    return usage_error (context, _("Give --history on its own, without changes."));

  if (!(store = changing ? rp_store_open (database, RP_STORE_OPEN_DEFAULT, &error)
                         : open_for_reading (database, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)))
    return fail (error);

  if (changing)
    {
      g_autoptr(RpProgramme) changed = rp_programme_copy (programme);

      if (name != NULL)
        rp_programme_set_name (changed, name);
      if (title != NULL)
        rp_programme_set_report_title (changed, title);
      if (closure_date != NULL)
        rp_programme_set_closure_date (changed, closure_date);
      if (department != NULL)
        rp_programme_set_department (changed, department);
      if (author != NULL)
        rp_programme_set_author (changed, author);
      if (meeting != NULL)
        rp_programme_set_meeting (changed, meeting);
      if (meeting_date != NULL)
        rp_programme_set_meeting_date (changed, meeting_date);
      if (as_of != NULL)
        rp_programme_set_report_as_of (changed, as_of);
      if (marking != NULL)
        rp_programme_set_marking (changed, marking);
      if (family_contact != NULL)
        rp_programme_set_family_contact (changed, family_contact);
      if (family_phone != NULL)
        rp_programme_set_family_contact_phone (changed, family_phone);
      if (follow_up_weeks > 0)
        rp_programme_set_follow_up_weeks (changed, follow_up_weeks);
      if (contact_days > 0)
        rp_programme_set_contact_due_days (changed, contact_days);

      if (!rp_store_save_programme (store, changed, &error))
        return fail (error);
      g_set_object (&programme, changed);
    }

  if (history)
    {
      /* The command line knows no worker of its own: accounts are named as they are. */
      g_autoptr(GPtrArray) lines = rp_history_describe_programme (store, rp_programme_get_id (programme), NULL, NULL, &error);

      if (lines == NULL)
        return fail (error);
      for (guint i = 0; i < lines->len; i++)
        {
          g_autofree char *line = one_line (g_ptr_array_index (lines, i));

          g_print ("%s\n", line);
        }
      return EXIT_SUCCESS;
    }

  closure_text = rp_date_format_long (rp_programme_get_closure_date (programme));
  meeting_text = rp_date_format_long (rp_programme_get_meeting_date (programme));
  as_of_text = rp_date_format_long (rp_programme_get_report_as_of (programme));
  print_programme_field (_("Day centre:"), rp_programme_get_name (programme));
  print_programme_field (_("Closure date:"), closure_text);
  print_programme_field (_("Report title:"), rp_programme_get_report_title (programme));
  print_programme_field (_("Council or department:"), rp_programme_get_department (programme));
  print_programme_field (_("Author or contact:"), rp_programme_get_author (programme));
  print_programme_field (_("Meeting:"), rp_programme_get_meeting (programme));
  print_programme_field (_("Meeting date:"), meeting_text);
  print_programme_field (_("Report as of:"), as_of_text != NULL ? as_of_text : _("the day it is made"));
  print_programme_field (_("Protective marking:"), rp_programme_get_marking (programme));
  print_programme_field (_("Families call:"), rp_programme_get_family_contact (programme));
  print_programme_field (_("Families’ number:"), rp_programme_get_family_contact_phone (programme));
  {
    g_autofree char *weeks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week after the move", "%u weeks after the move",
                                                           rp_programme_get_follow_up_weeks (programme)),
                                              rp_programme_get_follow_up_weeks (programme));
    g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u day", "every %u days",
                                                          rp_programme_get_contact_due_days (programme)),
                                             rp_programme_get_contact_due_days (programme));

    print_programme_field (_("Follow-up review:"), weeks);
    print_programme_field (_("Families need contact:"), days);
  }
  return EXIT_SUCCESS;
}

/* One calendar file per family, so that none is given another's days;
 * each is recorded in the export history. With --all, @output is a folder
 * and the files are named by attendee number, not by name. */
static int
write_family_calendars (RpStore    *store,
                        GArray     *ids,
                        gboolean    all,
                        const char *from,
                        const char *output,
                        const char *reason)
{
  g_autoptr(GError) error = NULL;

  if (all && g_mkdir_with_parents (output, 0700) != 0)
    {
      int saved_errno = errno;

      g_printerr ("reprovision-cli: %s\n", g_strerror (saved_errno));
      return EXIT_FAILURE;
    }
  if (all && !rp_output_file_check_folder (output, &error))
    return fail (error);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(RpAttendee) attendee = rp_store_get_attendee (store, id, &error);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      guint n_events = 0;

      if (attendee == NULL)
        return fail (error);
      if (all)
        {
          /* Translators: a file name; the number is the attendee's */
          name = g_strdup_printf (_("taster-days-attendee-%d.ics"), rp_attendee_get_number (attendee));
          path = g_build_filename (output, name, NULL);
        }
      else
        path = g_strdup (output);

      if (!rp_calendar_write_family (store, id, from, path, reason, &n_events, &error))
        return fail (error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u taster day\n", "%s: %u taster days\n", n_events), path, n_events);
    }

  return EXIT_SUCCESS;
}

static int
command_schedule (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *from = NULL;
  gint64 programme_id = 0;
  int number = 0;
  gboolean all = FALSE;
  g_autofree char *reason = NULL;
  g_autoptr(RpStore) recorder = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  RpExportDetails details = { 0 };
  int status = EXIT_SUCCESS;
  g_autofree char *format_text = NULL;
  g_autofree char *warnings = NULL;
  RpScheduleFormat sheet_format = RP_SCHEDULE_FORMAT_PLAIN;
  gboolean calendar = FALSE;
  gboolean sheet_chosen = FALSE;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the schedule is exported, for the export history"), N_("TEXT") },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "attendee", 'a', 0, G_OPTION_ARG_INT, &number, N_("The attendee number"), N_("N") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("One sheet for every attendee with a taster day to come"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("Include taster days from this day (default: today)"), N_("YYYY-MM-DD") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("pdf (default: sheets in the form each family’s communication needs ask for); plain, large-print or easy-read for every sheet; or ics, a calendar file each family can add to GNOME Calendar, Outlook or a phone"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write; with --format ics, the calendar file, or with --all a folder for one file per family"), N_("FILE") },
    { NULL }
  };

  context = command_context (_("Write the taster-day schedule of one attendee, or of all, as A4 sheets in the form each family’s communication needs ask for: plain, large print, or easy read (large print, short sentences and a picture beside each line). Each sheet names its attendee: it is for them and their family only. With --format ics, the same days as a calendar file: confirmed days as confirmed, days to be confirmed as tentative, cancelled days as cancelled; with --all, one file per family, so that no family is given another’s days."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  calendar = g_strcmp0 (format_text, "ics") == 0;
  if (format_text != NULL && !calendar && !g_str_equal (format_text, "pdf"))
    {
      if (!rp_schedule_format_parse (format_text, &sheet_format, NULL))
        return usage_error (context, _("The format is pdf, plain, large-print, easy-read or ics."));
      sheet_chosen = TRUE;
    }
  if (output == NULL)
    return usage_error (context, calendar
                                 ? _("Name the calendar file (or, with --all, the folder) with --output FILE.")
                                 : _("Name the PDF file with --output FILE."));
  if ((number > 0) == all)
    return usage_error (context, _("Name one attendee with --attendee N, or use --all."));
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));

  if (from_text != NULL && !(from = rp_date_normalise (from_text, &error)))
    return error != NULL ? fail (error) : usage_error (context, _("The date is empty."));

  if (!(store = open_for_reading (database, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)))
    return fail (error);

  if (all)
    ids = rp_schedule_list_attendees (store, rp_programme_get_id (programme), from, &error);
  else
    {
      g_autoptr(RpAttendee) attendee = rp_store_find_attendee (store, rp_programme_get_id (programme), number, &error);

      if (attendee != NULL)
        {
          gint64 id = rp_attendee_get_id (attendee);

          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_array_append_val (ids, id);
        }
    }

  if (ids == NULL || !(recorder = open_recorder (database, store, &error)))
    return fail (error);

  if (calendar)
    return write_family_calendars (recorder, ids, all, from, output, reason);

  g_ptr_array_add (written, g_strdup (output));
  details.programme_id = rp_programme_get_id (programme);
  details.kind = "family-schedule";
  details.format = "pdf";
  details.as_of = from;
  details.path = output;
  details.reason = reason;
  if (!rp_schedule_write_pdf_full (store, ids, from, sheet_chosen ? &sheet_format : NULL, output,
                                   &warnings, &error) ||
      !record_or_remove (recorder, &details, written, &error))
    return fail (error);

  /* Never guessed or translated: the coordinator is told. */
  if (warnings != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (warnings, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        /* Translators: a warning the command prints, for the coordinator */
        g_printerr (_("Warning: %s\n"), lines[i]);
    }

  return EXIT_SUCCESS;
}

/* The taster days of a programme for the team: listed, or as a calendar
 * file with the staff going and each person's pick-up. */
static int
command_taster_days (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpStore) recorder = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *reason = NULL;
  gint64 programme_id = 0;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default) or ics, a calendar file for the team"), N_("FORMAT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("Only taster days from this day (default: every day with a date)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The calendar file to write"), N_("FILE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the calendar is exported, for the export history"), N_("TEXT") },
    { NULL }
  };

  context = command_context (_("List the programme’s taster days, or with --format ics write every one with a date as a calendar file for the team: where and when, the staff going, and each person booked with their pick-up. It names attendees: it is not for families."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "ics"))
    return usage_error (context, _("The format is text or ics."));
  if (format != NULL && g_str_equal (format, "ics") && output == NULL)
    return usage_error (context, _("Name the calendar file with --output FILE."));
  if ((format == NULL || g_str_equal (format, "text")) && output != NULL)
    return usage_error (context, _("--output is for --format ics."));
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));

  if (from_text != NULL && !(from = rp_date_normalise (from_text, &error)))
    return error != NULL ? fail (error) : usage_error (context, _("The date is empty."));

  if (!(store = open_for_reading (database, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)))
    return fail (error);

  if (format != NULL && g_str_equal (format, "ics"))
    {
      guint n_events = 0;

      if (!(recorder = open_recorder (database, store, &error)) ||
          !rp_calendar_write_staff (recorder, rp_programme_get_id (programme), from, output, reason, &n_events, &error))
        return fail (error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u taster day\n", "%s: %u taster days\n", n_events), output, n_events);
      return EXIT_SUCCESS;
    }

  {
    g_autoptr(GListModel) days = rp_store_list_taster_days (store, rp_programme_get_id (programme), &error);
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    g_autoptr(GString) out = g_string_new (NULL);

    if (days == NULL)
      return fail (error);

    for (guint i = 0; i < g_list_model_get_n_items (days); i++)
      {
        g_autoptr(RpTasterDay) day = g_list_model_get_item (days, i);
        const char *date = rp_taster_day_get_date (day);
        char **row;

        if (from != NULL && date != NULL && rp_date_compare (date, from) < 0)
          continue;
        row = g_new0 (char *, 6);
        row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, rp_taster_day_get_id (day));
        row[1] = g_strdup (date != NULL ? date : _("tbc"));
        row[2] = rp_taster_day_get_start_time (day) != NULL
                 ? g_strdup_printf ("%s–%s", rp_taster_day_get_start_time (day),
                                    rp_taster_day_get_end_time (day) != NULL ? rp_taster_day_get_end_time (day) : "")
                 : g_strdup ("");
        row[3] = g_strdup (rp_taster_day_get_provider_name (day) != NULL ? rp_taster_day_get_provider_name (day) : "");
        row[4] = g_strdup (rp_taster_day_get_cancelled (day) ? _("cancelled") : "");
        g_ptr_array_add (rows, row);
      }

    append_table (out, rows);
    g_print ("%s", out->str);
  }

  return EXIT_SUCCESS;
}

static int
command_generate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  int attendees = 0;
  int seed = 1;
  gboolean add = FALSE;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file (created if it does not exist)"), N_("FILE") },
    { "add", 0, 0, G_OPTION_ARG_NONE, &add, N_("Add the programme beside one the database already holds"), NULL },
    { "attendees", 'n', 0, G_OPTION_ARG_INT, &attendees, N_("How many attendees"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, N_("The same seed gives the same programme (default: 1)"), N_("S") },
    { NULL }
  };

  context = command_context (_("Write a synthetic programme with fictional attendees and several step changes each, workers, providers, taster days, bookings and timetable actions."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (attendees < 1 || attendees > 1000000)
    return usage_error (context, _("Give the number of attendees, from 1 to 1,000,000, with --attendees N."));
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));

  if (!(store = open_for_adding_programme (database, add, &error)) ||
      !(programme = rp_generate_programme (store, attendees, seed, &error)))
    return fail (error);

  g_print (_("Wrote “%s” to %s\n"), rp_programme_get_name (programme), database);
  return EXIT_SUCCESS;
}

static int
command_backup (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  g_autofree char *copy = NULL;
  gboolean list = FALSE;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the backups instead of making one"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the copy here instead of the backups folder"), N_("FILE") },
    { NULL }
  };

  context = command_context (_("Make a backup of a database in the backups folder beside it, or list the backups there. "
                               "Reprovision also makes one every day it is used, and before every update, import and restore."),
                             entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));
  if (list && output != NULL)
    return usage_error (context, _("Use --list or --output, not both."));
  if (refuse_team ("backup", database, &status))
    return status;

  if (list)
    {
      g_autoptr(GListModel) backups = rp_backup_list (database, &error);
      guint n;

      if (backups == NULL)
        return fail (error);

      n = g_list_model_get_n_items (backups);
      if (n == 0)
        {
          g_autofree char *folder = rp_database_file_get_backup_folder (database);

          g_print (_("There are no backups in “%s” yet.\n"), folder);
          return EXIT_SUCCESS;
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RpBackup) backup = g_list_model_get_item (backups, i);
          g_autofree char *when = g_date_time_format (rp_backup_get_created (backup), "%Y-%m-%d %H:%M");
          g_autofree char *size = g_format_size (rp_backup_get_size (backup));

          g_ptr_array_add (rows, g_strdupv ((char *[]) {
            when, (char *) rp_backup_reason_get_label (rp_backup_get_reason (backup)),
            size, (char *) rp_backup_get_path (backup), NULL }));
        }
      append_table (out, rows);
      fwrite (out->str, 1, out->len, stdout);
      return EXIT_SUCCESS;
    }

  if (!g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("reprovision-cli: ");
      g_printerr (_("The database “%s” does not exist."), database);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  if (output != NULL)
    {
      if (g_file_test (output, G_FILE_TEST_EXISTS))
        {
          g_printerr ("reprovision-cli: ");
          g_printerr (_("“%s” already exists. Choose a new file name; nothing was overwritten."), output);
          g_printerr ("\n");
          return EXIT_FAILURE;
        }
      /* Not a companion of the database, not in its backups folder, not through a link. */
      rp_output_file_protect (database);
      if (!rp_output_file_check_target (output, &error))
        return fail (error);
      if (!rp_database_file_copy (database, output, &error))
        return fail (error);
      copy = g_strdup (output);
    }
  else if (!(copy = rp_database_file_back_up (database, RP_BACKUP_MANUAL, &error)))
    return fail (error);

  g_print (_("Backed up to “%s”.\n"), copy);
  return EXIT_SUCCESS;
}

static int
command_restore (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *from = NULL;
  g_autofree char *kept = NULL;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file to replace"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The backup to restore (see “backup --list”)"), N_("BACKUP") },
    { NULL }
  };

  context = command_context (_("Put a backup in place of a database. The database as it is now is kept in the backups folder first, so a restore can be undone. "
                               "Close Reprovision before restoring."),
                             entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (from == NULL)
    return usage_error (context, _("Name the backup to restore with --from BACKUP."));
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));
  if (refuse_team ("restore", database, &status))
    return status;

  if (!rp_backup_restore (database, from, &kept, &error))
    return fail (error);

  g_print (_("Restored “%s” from “%s”.\n"), database, from);
  if (kept != NULL)
    g_print (_("The database as it was before is kept in “%s”.\n"), kept);

  return EXIT_SUCCESS;
}

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *database = NULL;
  gboolean repair = FALSE;
  guint n_repaired = 0;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "repair", 0, 0, G_OPTION_ARG_NONE, &repair, N_("First put back the safeguards of the audit trail, and record the repair in it"), NULL },
    { NULL }
  };

  context = command_context (_("Check a database without changing it: that the file is whole, that every record refers to records that exist, "
                               "that each attendee’s step agrees with their step history, that bookings are for existing taster days, "
                               "and that the safeguards protecting the audit trail are in place. "
                               "With --repair, missing or changed safeguards are put back first, and the repair is recorded in the audit trail. "
                               "Exits with status 1 if there is a problem."),
                             entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));
  if (refuse_team ("check", database, &status))
    return status;

  if (repair)
    {
      if (!rp_store_repair_protection (database, &n_repaired, &error))
        return fail (error);
      if (n_repaired > 0)
        g_print (ngettext ("Repaired: %u safeguard of the audit trail was put back. The repair is recorded in the audit trail.\n",
                           "Repaired: %u safeguards of the audit trail were put back. The repair is recorded in the audit trail.\n",
                           n_repaired),
                 n_repaired);
    }

  if (!(findings = rp_check_database (database, &error)))
    return fail (error);

  for (guint i = 0; i < findings->len; i++)
    {
      RpCheckFinding *finding = g_ptr_array_index (findings, i);

      if (finding->problems->len == 0)
        {
          g_print ("%s %s\n", _("OK:"), finding->passed);
          continue;
        }

      g_print ("%s %s\n", _("Problem:"), finding->failed);
      for (guint j = 0; j < finding->problems->len; j++)
        g_print ("  – %s\n", (const char *) g_ptr_array_index (finding->problems, j));
    }

  if (rp_check_passed (findings))
    {
      g_print (_("No problems found.\n"));
      return EXIT_SUCCESS;
    }

  g_print (_("Problems found. Keep the file as it is, and restore a backup with “reprovision-cli restore”.\n"));
  return EXIT_FAILURE;
}

static void
on_import_applied (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static int
command_import (int    argc,
                char **argv)
{
  g_auto(ImportCommand) command = { 0 };
  g_autoptr(RpImport) import = NULL;
  g_autoptr(RpImportPreview) preview = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;
  GPtrArray *problems;
  guint n_added = 0;
  int status = EXIT_SUCCESS;

  if (!import_command_open (&command, _("Add attendees to a programme from a CSV file in UTF-8 whose first row holds the headings, such as the output of “reprovision-cli attendees --format csv --all-fields”. Every row is checked first: if any row has a problem, nothing is added."),
                            &argc, &argv, &status))
    return status;

  data = import_command_get_data (&command, &len);
  if (!(import = rp_import_new_from_data (data, len, NULL, &error)))
    return import_command_refuse (&command, NULL, error);

  for (guint i = 0; i < rp_import_get_n_columns (import); i++)
    if (!rp_import_is_recognised (import, i) && rp_import_get_heading (import, i)[0] != '\0')
      {
        g_autofree char *heading = rp_quote_value (rp_import_get_heading (import, i));

        g_printerr (_("%s: the column “%s” is left out: Reprovision does not know its heading.\n"),
                    command.path, heading);
      }

  if (!(preview = rp_import_check (import, command.store, rp_programme_get_id (command.programme), NULL, &error)))
    return fail (error);

  problems = rp_import_preview_get_problems (preview);
  if (problems->len > 0)
    return import_command_refuse (&command, problems, NULL);

  if (command.dry_run)
    {
      guint n = rp_import_preview_get_attendees (preview)->len;

      g_print (ngettext ("%u attendee would be added.\n", "%u attendees would be added.\n", n), n);
      return EXIT_SUCCESS;
    }

  /* The backup first, then the import, as the window does it. */
  rp_import_apply_async (import, command.store, rp_programme_get_id (command.programme), NULL, on_import_applied, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!rp_import_apply_finish (import, result, &n_added, &error))
    return fail (error);

  g_print (ngettext ("Added %u attendee.\n", "Added %u attendees.\n", n_added), n_added);
  return EXIT_SUCCESS;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: reprovision-cli COMMAND [OPTION…]"));
  fprintf (stream, "%s\n\n", _("Reprovision keeps the shared record of moving every day centre attendee to new provision. This tool works on its database without a display."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-12s %s\n", "--help", _("Show this help"));
  fprintf (stream, "  %-12s %s\n", "--version", _("Show the version"));
  fprintf (stream, "\n%s\n", _("Run “reprovision-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("reprovision-cli");

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return EXIT_SUCCESS;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("reprovision-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("reprovision-cli %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  {
    g_autofree char *command = rp_quote_value (argv[1]);

    g_printerr (_("reprovision-cli: “%s” is not a command.\n\n"), command);
  }
  print_help (stderr);
  return EXIT_USAGE;
}

/* Contact log ------------------------------------------------------------ */

static gint64
find_worker_by_name (RpStore     *store,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(GListModel) workers = rp_store_list_workers (store, TRUE, error);
  g_autofree char *wanted = NULL;

  if (workers == NULL)
    return -1;

  wanted = g_utf8_casefold (name, -1);
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);
      g_autofree char *folded = g_utf8_casefold (rp_worker_get_name (worker), -1);

      if (g_str_equal (folded, wanted))
        return rp_worker_get_id (worker);
    }

  g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("No worker called “%s” is in this database."), name);
  return -1;
}

/* "contact import FILE": a log written by "contact --format csv --all",
 * added all or nothing after a backup, as "import" adds attendees. */
static void
print_contacts_added (gboolean dry_run,
                      guint    n)
{
  if (dry_run)
    g_print (ngettext ("%u contact would be added.\n", "%u contacts would be added.\n", n), n);
  else
    g_print (ngettext ("Added %u contact.\n", "Added %u contacts.\n", n), n);
}

static int
command_contact_import (int    argc,
                        char **argv)
{
  return run_csv_import (argc, argv, _("Add contacts to the contact log from a CSV file such as the output of “reprovision-cli contact --format csv --all”. Attendees are named by number and must be in the programme already. Every row is checked first: if any row has a problem, nothing is added."),
                         rp_contact_csv_import, print_contacts_added);
}

static int
command_contact (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RpStore) store = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *database = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *with_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *how = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *worker_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *reason = NULL;
  gint64 programme_id = 0;
  int number = 0;
  gboolean add = FALSE;
  gboolean all = FALSE;
  gboolean follow_up = FALSE;
  gboolean plain_utf8 = FALSE;
  gboolean csv;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, N_("The database file, or a team database (postgresql://… or host=… dbname=…)"), N_("DATABASE") },
    { "programme", 'p', 0, G_OPTION_ARG_INT64, &programme_id, N_("The programme, when the database holds several"), N_("ID") },
    { "attendee", 'a', 0, G_OPTION_ARG_INT, &number, N_("The attendee number"), N_("N") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("With --format csv, every attendee’s log"), NULL },
    { "add", 0, 0, G_OPTION_ARG_NONE, &add, N_("Log a contact instead of listing them"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("With --add, the day of the contact (default: today)"), N_("YYYY-MM-DD") },
    { "with", 0, 0, G_OPTION_ARG_STRING, &with_text, N_("With --add, whom with: family (the default), person, provider, advocate or other"), N_("WHOM") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("With --add, their name"), N_("NAME") },
    { "how", 0, 0, G_OPTION_ARG_STRING, &how, N_("With --add, how: letter, phone, visit, meeting or email"), N_("HOW") },
    { "summary", 's', 0, G_OPTION_ARG_STRING, &summary, N_("With --add, what was said or agreed"), N_("TEXT") },
    { "follow-up", 0, 0, G_OPTION_ARG_NONE, &follow_up, N_("With --add, mark that a follow-up is needed"), NULL },
    { "worker", 'w', 0, G_OPTION_ARG_STRING, &worker_name, N_("With --add, the worker who made the contact (default: the allocated worker)"), N_("NAME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("“table” (the default) or “csv”"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file, created readable by you only"), N_("FILE") },
    { "plain-utf8", 0, 0, G_OPTION_ARG_NONE, &plain_utf8, N_("With --format csv and --output, write the file without the byte-order mark"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("With --format csv, why the log is needed, for the export history"), N_("TEXT") },
    { NULL }
  };

  /* "contact import FILE" reads back what "--format csv" writes. */
  if (argc > 1 && g_str_equal (argv[1], "import"))
    {
      g_set_prgname ("reprovision-cli contact import");
      return command_contact_import (argc - 1, argv + 1);
    }

  context = command_context (_("List an attendee’s contact log, newest first, or log a contact with --add, or add a log from a CSV file with “contact import FILE”. The log is private: no report includes it."), entries);
  if (!parse_command (context, &argc, &argv, &database, &status))
    return status;
  if (argc > 1)
    return usage_error (context, _("Unexpected argument."));
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv"))
    return usage_error (context, _("The format must be “table” or “csv”."));
  csv = format != NULL && g_str_equal (format, "csv");
  if (all && !csv)
    return usage_error (context, _("--all works with --format csv only."));
  if (number <= 0 && !all)
    return usage_error (context, _("Name the attendee with --attendee N."));
  if (add && (csv || all))
    return usage_error (context, _("--add logs one contact for one attendee: leave out --format and --all."));

  if (add)
    {
      g_autoptr(RpContact) contact = rp_contact_new ();
      RpContactWith with_whom = RP_CONTACT_WITH_FAMILY;
      RpContactMethod method = RP_CONTACT_METHOD_NONE;
      g_autofree char *described = NULL;
      gint64 worker_id;

      if (with_text != NULL && !rp_contact_with_from_string (with_text, &with_whom))
        return usage_error (context, _("--with must be family, person, provider, advocate or other."));
      if (how == NULL)
        return usage_error (context, _("Say how the contact was made with --how: letter, phone, visit, meeting or email."));
      if (!rp_contact_method_from_string (how, &method))
        return usage_error (context, _("--how must be letter, phone, visit, meeting or email."));
      if (date_text != NULL && !(date = rp_date_normalise (date_text, &error)))
        return error != NULL ? fail (error) : usage_error (context, _("The date is empty."));

      if (!(store = rp_store_open (database, RP_STORE_OPEN_DEFAULT, &error)) ||
          !(programme = choose_programme (store, programme_id, &error)) ||
          !(attendee = rp_store_find_attendee (store, rp_programme_get_id (programme), number, &error)))
        return fail (error);

      worker_id = rp_attendee_get_worker_id (attendee);
      if (worker_name != NULL && (worker_id = find_worker_by_name (store, worker_name, &error)) < 0)
        return fail (error);
      if (date == NULL)
        date = rp_store_dup_today (store);

      rp_contact_set_attendee_id (contact, rp_attendee_get_id (attendee));
      rp_contact_set_contacted_on (contact, date);
      rp_contact_set_worker_id (contact, worker_id);
      rp_contact_set_with_whom (contact, with_whom);
      rp_contact_set_with_name (contact, name);
      rp_contact_set_method (contact, method);
      rp_contact_set_summary (contact, summary);
      rp_contact_set_follow_up_needed (contact, follow_up);
      if (!rp_store_add_contact (store, contact, &error))
        return fail (error);

      described = rp_contact_describe (contact);
      g_print (_("Logged for attendee %d: %s on %s.\n"), number, described, date);
      return EXIT_SUCCESS;
    }

  if (!(store = open_for_reading (database, &error)) ||
      !(programme = choose_programme (store, programme_id, &error)))
    return fail (error);

  if (all)
    contacts = rp_store_list_programme_contacts (store, rp_programme_get_id (programme), &error);
  else if ((attendee = rp_store_find_attendee (store, rp_programme_get_id (programme), number, &error)))
    contacts = rp_store_list_contacts (store, rp_attendee_get_id (attendee), &error);
  if (contacts == NULL)
    return fail (error);

  if (csv)
    {
      g_autoptr(GListModel) attendees = NULL;
      g_autoptr(RpStore) recorder = NULL;
      g_autofree char *text = NULL;
      RpExportDetails details = { rp_programme_get_id (programme), "contact-log", "csv" };

      if (!(attendees = rp_store_list_attendees (store, rp_programme_get_id (programme), &error)))
        return fail (error);

      /* The log is personal data: its export is recorded first, as the
       * attendees' all fields are. */
      details.reason = reason;
      details.path = output;
      if (!(recorder = open_recorder (database, store, &error)) ||
          !record_or_remove (recorder, &details, NULL, &error))
        return fail (error);

      text = rp_contact_csv_write (contacts, attendees);
      if (output != NULL)
        {
          if (!rp_csv_write_file (output, text, !plain_utf8, &error))
            return fail (error);
        }
      else
        fputs (text, stdout);
      return EXIT_SUCCESS;
    }

  g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Date"), _("How"), _("With"), _("Name"), _("Worker"),
                                                 _("Follow-up"), _("Summary"), NULL }));
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RpContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *when = rp_date_format_short (rp_contact_get_contacted_on (contact));
      const char *summary_text = rp_contact_get_summary (contact);
      g_autofree char *one_line = g_strdup (summary_text != NULL ? summary_text : "");

      /* A table row is one line: the summary's line breaks become spaces. */
      g_strdelimit (one_line, "\r\n\t", ' ');
      g_ptr_array_add (rows, g_strdupv ((char *[]) {
        when, (char *) rp_contact_method_get_label (rp_contact_get_method (contact)),
        (char *) rp_contact_with_get_label (rp_contact_get_with_whom (contact)),
        (char *) (rp_contact_get_with_name (contact) != NULL ? rp_contact_get_with_name (contact) : ""),
        (char *) (rp_contact_get_worker_name (contact) != NULL ? rp_contact_get_worker_name (contact) : ""),
        rp_contact_get_follow_up_needed (contact) ? _("Needed") : (char *) "",
        one_line, NULL }));
    }
  if (g_list_model_get_n_items (contacts) == 0)
    g_print (_("No contact is logged for attendee %d.\n"), number);
  else
    append_table (out, rows);

  if (output != NULL)
    {
      if (!rp_output_file_set_contents (output, out->str, out->len, &error))
        return fail (error);
    }
  else
    fwrite (out->str, 1, out->len, stdout);

  return EXIT_SUCCESS;
}
