/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store.c: the SQLite database that holds one or more reprovision programmes */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "rp-attention.h"
#include "rp-backup.h"
#include "rp-date.h"
#include "rp-enums.h"
#include "rp-error.h"
#include "rp-moving-plan.h"
#include "rp-output-file.h"
#include "rp-store.h"
#include "rp-store-private.h"

struct _RpStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *user;
  char       *today;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  struct stat wal_file;     /* the -wal and -shm this connection opened */
  struct stat shm_file;
  GHashTable *pending;      /* interned table name → GArray of row ids, or NULL for too many to list */
  gint64      data_version; /* PRAGMA data_version when last checked: changes made elsewhere move it */
  guint       read_only : 1;
  guint       erasing : 1;
  guint       lock_lost : 1;
};

G_DEFINE_FINAL_TYPE (RpStore, rp_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_LOCK_LOST,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Beyond this many rows of one table in one transaction, listeners are told
 * only that the table changed, as for a change made elsewhere. */
#define MAX_ANNOUNCED_IDS 256

/* Migrations, oldest first: entry N takes a database from version N to N + 1. */
static const char * const migrations[] = {
  /* 0 → 1: the first schema */
  "CREATE TABLE programme ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  closure_date TEXT,"
  "  report_title TEXT"
  ");"
  "CREATE TABLE worker ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  initials TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT 'social-worker'"
  "    CHECK (role IN ('social-worker', 'day-centre-staff', 'manager', 'other')),"
  "  team TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"
  "CREATE TABLE provider ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  address TEXT,"
  "  contact_name TEXT,"
  "  contact_phone TEXT,"
  "  contact_email TEXT,"
  "  on_framework INTEGER NOT NULL DEFAULT 0 CHECK (on_framework IN (0, 1)),"
  "  notes TEXT"
  ");"
  "CREATE TABLE attendee ("
  "  id INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id),"
  "  number INTEGER NOT NULL CHECK (number >= 1),"
  "  full_name TEXT NOT NULL CHECK (length (full_name) > 0),"
  "  preferred_name TEXT,"
  "  date_of_birth TEXT,"
  "  contact_name TEXT,"
  "  contact_relationship TEXT,"
  "  contact_phone TEXT,"
  "  wheelchair_user INTEGER NOT NULL DEFAULT 0 CHECK (wheelchair_user IN (0, 1)),"
  "  transport_needed INTEGER NOT NULL DEFAULT 0 CHECK (transport_needed IN (0, 1)),"
  "  access_needs TEXT,"
  "  funding TEXT NOT NULL DEFAULT 'asc' CHECK (funding IN ('asc', 'health')),"
  "  worker_id INTEGER REFERENCES worker (id),"
  "  step INTEGER NOT NULL DEFAULT 1 CHECK (step BETWEEN 1 AND 6),"
  "  case_notes TEXT,"
  "  report_note TEXT,"
  "  target_date TEXT,"
  "  outcome TEXT NOT NULL DEFAULT 'attending' CHECK (outcome IN ('attending', 'moved', 'left')),"
  "  outcome_date TEXT,"
  "  moved_to_provider_id INTEGER REFERENCES provider (id),"
  "  outcome_reason TEXT,"
  "  UNIQUE (programme_id, number)"
  ");"
  "CREATE INDEX attendee_worker ON attendee (worker_id);"
  "CREATE TABLE step_change ("
  "  id INTEGER PRIMARY KEY,"
  "  attendee_id INTEGER NOT NULL REFERENCES attendee (id) ON DELETE CASCADE,"
  "  from_step INTEGER NOT NULL CHECK (from_step BETWEEN 0 AND 6),"
  "  to_step INTEGER NOT NULL CHECK (to_step BETWEEN 1 AND 6),"
  "  changed_on TEXT NOT NULL,"
  "  recorded_by TEXT NOT NULL,"
  "  reason TEXT,"
  "  recorded_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))"
  ");"
  "CREATE INDEX step_change_attendee ON step_change (attendee_id, changed_on, id);"
  "CREATE TABLE taster_day ("
  "  id INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id),"
  "  provider_id INTEGER NOT NULL REFERENCES provider (id),"
  "  day TEXT,"
  "  start_time TEXT,"
  "  end_time TEXT,"
  "  venue TEXT,"
  "  places INTEGER NOT NULL DEFAULT 0 CHECK (places >= 0),"
  "  notes TEXT,"
  "  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))"
  ");"
  "CREATE INDEX taster_day_programme ON taster_day (programme_id, day);"
  "CREATE TABLE booking ("
  "  id INTEGER PRIMARY KEY,"
  "  taster_day_id INTEGER NOT NULL REFERENCES taster_day (id),"
  "  attendee_id INTEGER NOT NULL REFERENCES attendee (id),"
  "  status TEXT NOT NULL DEFAULT 'invited'"
  "    CHECK (status IN ('invited', 'confirmed', 'attended', 'declined', 'cancelled')),"
  "  transport_needed INTEGER NOT NULL DEFAULT 0 CHECK (transport_needed IN (0, 1)),"
  "  transport_arranged INTEGER NOT NULL DEFAULT 0 CHECK (transport_arranged IN (0, 1)),"
  "  staff_id INTEGER REFERENCES worker (id),"
  "  family_attending TEXT,"
  "  feedback TEXT,"
  "  UNIQUE (taster_day_id, attendee_id)"
  ");"
  "CREATE INDEX booking_attendee ON booking (attendee_id);"
  "CREATE TABLE timetable_action ("
  "  id INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id),"
  "  activity TEXT NOT NULL CHECK (length (activity) > 0),"
  "  owner TEXT,"
  "  due_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'not-started'"
  "    CHECK (status IN ('not-started', 'in-progress', 'completed')),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX timetable_action_programme ON timetable_action (programme_id, position);"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  recorded_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  user TEXT NOT NULL,"
  "  table_name TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
  "  field TEXT,"
  "  old_value,"
  "  new_value"
  ");"
  "CREATE INDEX audit_record ON audit (table_name, record_id);"
  /* The current step always agrees with the newest entry of the step history. */
  "CREATE TRIGGER step_change_after_insert AFTER INSERT ON step_change BEGIN"
  "  UPDATE attendee SET step = (SELECT to_step FROM step_change"
  "                              WHERE attendee_id = NEW.attendee_id"
  "                              ORDER BY changed_on DESC, id DESC LIMIT 1)"
  "  WHERE id = NEW.attendee_id;"
  "END;"
  "CREATE TRIGGER step_change_after_delete AFTER DELETE ON step_change BEGIN"
  "  UPDATE attendee SET step = coalesce ((SELECT to_step FROM step_change"
  "                                        WHERE attendee_id = OLD.attendee_id"
  "                                        ORDER BY changed_on DESC, id DESC LIMIT 1), step)"
  "  WHERE id = OLD.attendee_id;"
  "END;"
  "CREATE TRIGGER attendee_step_follows_history BEFORE UPDATE OF step ON attendee"
  "  WHEN NEW.step IS NOT (SELECT to_step FROM step_change WHERE attendee_id = NEW.id"
  "                        ORDER BY changed_on DESC, id DESC LIMIT 1) BEGIN"
  "  SELECT RAISE (ABORT, 'The step can only change through the step history.');"
  "END;"
  /* Nothing edits the audit trail except the erasure of a person's data. */
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN NOT rp_erasing () BEGIN"
  "  SELECT RAISE (ABORT, 'The audit trail cannot be changed.');"
  "END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN NOT rp_erasing () BEGIN"
  "  SELECT RAISE (ABORT, 'The audit trail cannot be changed.');"
  "END;",

  /* 1 → 2: archiving attendees, and an index for the attendees view's filters */
  "ALTER TABLE attendee ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));"
  "CREATE INDEX attendee_programme_step ON attendee (programme_id, step);",

  /* 2 → 3: when transport collects the attendee for a taster day */
  "ALTER TABLE booking ADD COLUMN pickup_time TEXT;"
  "CREATE INDEX booking_staff ON booking (staff_id);",

  /* 3 → 4: the date of the current step kept beside it, so reading every
   * attendee needs no look-up in the step history for each one */
  "ALTER TABLE attendee ADD COLUMN step_since TEXT;"
  "UPDATE attendee SET step_since = (SELECT changed_on FROM step_change WHERE attendee_id = attendee.id"
  "                                  ORDER BY changed_on DESC, id DESC LIMIT 1);"
  "DROP TRIGGER step_change_after_insert;"
  "DROP TRIGGER step_change_after_delete;"
  "CREATE TRIGGER step_change_after_insert AFTER INSERT ON step_change BEGIN"
  "  UPDATE attendee SET (step, step_since) = (SELECT to_step, changed_on FROM step_change"
  "                                            WHERE attendee_id = NEW.attendee_id"
  "                                            ORDER BY changed_on DESC, id DESC LIMIT 1)"
  "  WHERE id = NEW.attendee_id;"
  "END;"
  "CREATE TRIGGER step_change_after_delete AFTER DELETE ON step_change BEGIN"
  "  UPDATE attendee SET step = coalesce ((SELECT to_step FROM step_change"
  "                                        WHERE attendee_id = OLD.attendee_id"
  "                                        ORDER BY changed_on DESC, id DESC LIMIT 1), step),"
  "                      step_since = (SELECT changed_on FROM step_change"
  "                                    WHERE attendee_id = OLD.attendee_id"
  "                                    ORDER BY changed_on DESC, id DESC LIMIT 1)"
  "  WHERE id = OLD.attendee_id;"
  "END;"
  "CREATE TRIGGER attendee_step_since_follows_history BEFORE UPDATE OF step_since ON attendee"
  "  WHEN NEW.step_since IS NOT (SELECT changed_on FROM step_change WHERE attendee_id = NEW.id"
  "                              ORDER BY changed_on DESC, id DESC LIMIT 1) BEGIN"
  "  SELECT RAISE (ABORT, 'The step can only change through the step history.');"
  "END;",

  /* 4 → 5: what the name check needs beyond the names it can see: erased
   * people's names as keyed one-way digests (the key stays in this file, so
   * a backup or restore checks the same way), and the words someone
   * confirmed are not names in one published text */
  "CREATE TABLE erasure_key ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  key BLOB NOT NULL CHECK (length (key) >= 32)"
  ");"
  "CREATE TABLE erased_name ("
  "  digest TEXT PRIMARY KEY"
  ") WITHOUT ROWID;"
  "CREATE TABLE name_confirmation ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id),"
  "  place TEXT NOT NULL,"
  "  text_digest TEXT NOT NULL,"
  "  word TEXT NOT NULL,"
  "  confirmed_by TEXT NOT NULL,"
  "  confirmed_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  UNIQUE (place, text_digest, word)"
  ");"
  "CREATE INDEX name_confirmation_programme ON name_confirmation (programme_id);",

  /* 5 → 6: every export and print, so the council can say who published
   * what, when and why; ids are never reused, and nothing edits a record */
  "CREATE TABLE export_record ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  programme_id INTEGER REFERENCES programme (id),"
  "  recorded_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  user TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('report', 'print', 'family-schedule', 'attendees-all-fields')),"
  "  format TEXT NOT NULL CHECK (format IN ('pdf', 'xlsx', 'csv', 'print')),"
  "  tables TEXT,"
  "  as_of TEXT,"
  "  compare_with TEXT,"
  "  suppress_below INTEGER NOT NULL DEFAULT 0 CHECK (suppress_below >= 0),"
  "  file_name TEXT,"
  "  reason TEXT"
  ");"
  "CREATE INDEX export_record_programme ON export_record (programme_id, id);"
  "CREATE TRIGGER export_record_no_update BEFORE UPDATE ON export_record WHEN NOT rp_erasing () BEGIN"
  "  SELECT RAISE (ABORT, 'The export history cannot be changed.');"
  "END;"
  "CREATE TRIGGER export_record_no_delete BEFORE DELETE ON export_record WHEN NOT rp_erasing () BEGIN"
  "  SELECT RAISE (ABORT, 'The export history cannot be changed.');"
  "END;",

  /* 6 → 7: ids are never used twice (AUTOINCREMENT), so an erasure that
   * scrubs the audit trail by record id cannot reach another person's
   * history; the audit trail also records exports, restores, repairs and
   * confirmations. SQLite can only add AUTOINCREMENT by rebuilding each
   * table (its ALTER TABLE recipe; the runner turns foreign keys off, so
   * dropping attendee does not cascade into step_change). The triggers go
   * first, as they name tables that are missing for a moment (the audit
   * triggers of tables not rebuilt name the audit trail), and come back
   * unchanged; the audit triggers are made again by the runner. */
  "DROP TRIGGER IF EXISTS audit_name_confirmation_insert;"
  "DROP TRIGGER IF EXISTS audit_name_confirmation_update;"
  "DROP TRIGGER IF EXISTS audit_name_confirmation_delete;"
  "DROP TRIGGER IF EXISTS audit_export_record_insert;"
  "DROP TRIGGER IF EXISTS audit_export_record_update;"
  "DROP TRIGGER IF EXISTS audit_export_record_delete;"
  "DROP TRIGGER step_change_after_insert;"
  "DROP TRIGGER step_change_after_delete;"
  "DROP TRIGGER attendee_step_follows_history;"
  "DROP TRIGGER attendee_step_since_follows_history;"
  "DROP TRIGGER audit_no_update;"
  "DROP TRIGGER audit_no_delete;"
  "CREATE TABLE new_programme ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  closure_date TEXT,"
  "  report_title TEXT"
  ");"
  "INSERT INTO new_programme SELECT * FROM programme;"
  "DROP TABLE programme;"
  "ALTER TABLE new_programme RENAME TO programme;"
  "CREATE TABLE new_worker ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  initials TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT 'social-worker'"
  "    CHECK (role IN ('social-worker', 'day-centre-staff', 'manager', 'other')),"
  "  team TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"
  "INSERT INTO new_worker SELECT * FROM worker;"
  "DROP TABLE worker;"
  "ALTER TABLE new_worker RENAME TO worker;"
  "CREATE TABLE new_provider ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  address TEXT,"
  "  contact_name TEXT,"
  "  contact_phone TEXT,"
  "  contact_email TEXT,"
  "  on_framework INTEGER NOT NULL DEFAULT 0 CHECK (on_framework IN (0, 1)),"
  "  notes TEXT"
  ");"
  "INSERT INTO new_provider SELECT * FROM provider;"
  "DROP TABLE provider;"
  "ALTER TABLE new_provider RENAME TO provider;"
  "CREATE TABLE new_attendee ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id),"
  "  number INTEGER NOT NULL CHECK (number >= 1),"
  "  full_name TEXT NOT NULL CHECK (length (full_name) > 0),"
  "  preferred_name TEXT,"
  "  date_of_birth TEXT,"
  "  contact_name TEXT,"
  "  contact_relationship TEXT,"
  "  contact_phone TEXT,"
  "  wheelchair_user INTEGER NOT NULL DEFAULT 0 CHECK (wheelchair_user IN (0, 1)),"
  "  transport_needed INTEGER NOT NULL DEFAULT 0 CHECK (transport_needed IN (0, 1)),"
  "  access_needs TEXT,"
  "  funding TEXT NOT NULL DEFAULT 'asc' CHECK (funding IN ('asc', 'health')),"
  "  worker_id INTEGER REFERENCES worker (id),"
  "  step INTEGER NOT NULL DEFAULT 1 CHECK (step BETWEEN 1 AND 6),"
  "  case_notes TEXT,"
  "  report_note TEXT,"
  "  target_date TEXT,"
  "  outcome TEXT NOT NULL DEFAULT 'attending' CHECK (outcome IN ('attending', 'moved', 'left')),"
  "  outcome_date TEXT,"
  "  moved_to_provider_id INTEGER REFERENCES provider (id),"
  "  outcome_reason TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  step_since TEXT,"
  "  UNIQUE (programme_id, number)"
  ");"
  "INSERT INTO new_attendee SELECT * FROM attendee;"
  "DROP TABLE attendee;"
  "ALTER TABLE new_attendee RENAME TO attendee;"
  "CREATE INDEX attendee_worker ON attendee (worker_id);"
  "CREATE INDEX attendee_programme_step ON attendee (programme_id, step);"
  "CREATE TABLE new_step_change ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  attendee_id INTEGER NOT NULL REFERENCES attendee (id) ON DELETE CASCADE,"
  "  from_step INTEGER NOT NULL CHECK (from_step BETWEEN 0 AND 6),"
  "  to_step INTEGER NOT NULL CHECK (to_step BETWEEN 1 AND 6),"
  "  changed_on TEXT NOT NULL,"
  "  recorded_by TEXT NOT NULL,"
  "  reason TEXT,"
  "  recorded_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))"
  ");"
  "INSERT INTO new_step_change SELECT * FROM step_change;"
  "DROP TABLE step_change;"
  "ALTER TABLE new_step_change RENAME TO step_change;"
  "CREATE INDEX step_change_attendee ON step_change (attendee_id, changed_on, id);"
  "CREATE TABLE new_taster_day ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id),"
  "  provider_id INTEGER NOT NULL REFERENCES provider (id),"
  "  day TEXT,"
  "  start_time TEXT,"
  "  end_time TEXT,"
  "  venue TEXT,"
  "  places INTEGER NOT NULL DEFAULT 0 CHECK (places >= 0),"
  "  notes TEXT,"
  "  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))"
  ");"
  "INSERT INTO new_taster_day SELECT * FROM taster_day;"
  "DROP TABLE taster_day;"
  "ALTER TABLE new_taster_day RENAME TO taster_day;"
  "CREATE INDEX taster_day_programme ON taster_day (programme_id, day);"
  "CREATE TABLE new_booking ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  taster_day_id INTEGER NOT NULL REFERENCES taster_day (id),"
  "  attendee_id INTEGER NOT NULL REFERENCES attendee (id),"
  "  status TEXT NOT NULL DEFAULT 'invited'"
  "    CHECK (status IN ('invited', 'confirmed', 'attended', 'declined', 'cancelled')),"
  "  transport_needed INTEGER NOT NULL DEFAULT 0 CHECK (transport_needed IN (0, 1)),"
  "  transport_arranged INTEGER NOT NULL DEFAULT 0 CHECK (transport_arranged IN (0, 1)),"
  "  staff_id INTEGER REFERENCES worker (id),"
  "  family_attending TEXT,"
  "  feedback TEXT,"
  "  pickup_time TEXT,"
  "  UNIQUE (taster_day_id, attendee_id)"
  ");"
  "INSERT INTO new_booking SELECT * FROM booking;"
  "DROP TABLE booking;"
  "ALTER TABLE new_booking RENAME TO booking;"
  "CREATE INDEX booking_attendee ON booking (attendee_id);"
  "CREATE INDEX booking_staff ON booking (staff_id);"
  "CREATE TABLE new_timetable_action ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id),"
  "  activity TEXT NOT NULL CHECK (length (activity) > 0),"
  "  owner TEXT,"
  "  due_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'not-started'"
  "    CHECK (status IN ('not-started', 'in-progress', 'completed')),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO new_timetable_action SELECT * FROM timetable_action;"
  "DROP TABLE timetable_action;"
  "ALTER TABLE new_timetable_action RENAME TO timetable_action;"
  "CREATE INDEX timetable_action_programme ON timetable_action (programme_id, position);"
  "CREATE TABLE new_audit ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  recorded_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  user TEXT NOT NULL,"
  "  table_name TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL"
  "    CHECK (action IN ('insert', 'update', 'delete', 'export', 'restore', 'repair', 'confirm')),"
  "  field TEXT,"
  "  old_value,"
  "  new_value"
  ");"
  "INSERT INTO new_audit SELECT * FROM audit;"
  "DROP TABLE audit;"
  "ALTER TABLE new_audit RENAME TO audit;"
  "CREATE INDEX audit_record ON audit (table_name, record_id);"
  /* An id the audit trail has seen, on a row since deleted, is not given out again either. */
  "INSERT INTO sqlite_sequence (name, seq)"
  "  SELECT table_name, 0 FROM audit"
  "  WHERE table_name IN ('programme', 'worker', 'provider', 'attendee', 'step_change',"
  "                       'taster_day', 'booking', 'timetable_action')"
  "    AND table_name NOT IN (SELECT name FROM sqlite_sequence)"
  "  GROUP BY table_name;"
  "UPDATE sqlite_sequence SET seq = max (seq, coalesce ((SELECT max (record_id) FROM audit"
  "                                                     WHERE table_name = sqlite_sequence.name), 0));"
  "CREATE TRIGGER step_change_after_insert AFTER INSERT ON step_change BEGIN"
  "  UPDATE attendee SET (step, step_since) = (SELECT to_step, changed_on FROM step_change"
  "                                            WHERE attendee_id = NEW.attendee_id"
  "                                            ORDER BY changed_on DESC, id DESC LIMIT 1)"
  "  WHERE id = NEW.attendee_id;"
  "END;"
  "CREATE TRIGGER step_change_after_delete AFTER DELETE ON step_change BEGIN"
  "  UPDATE attendee SET step = coalesce ((SELECT to_step FROM step_change"
  "                                        WHERE attendee_id = OLD.attendee_id"
  "                                        ORDER BY changed_on DESC, id DESC LIMIT 1), step),"
  "                      step_since = (SELECT changed_on FROM step_change"
  "                                    WHERE attendee_id = OLD.attendee_id"
  "                                    ORDER BY changed_on DESC, id DESC LIMIT 1)"
  "  WHERE id = OLD.attendee_id;"
  "END;"
  "CREATE TRIGGER attendee_step_follows_history BEFORE UPDATE OF step ON attendee"
  "  WHEN NEW.step IS NOT (SELECT to_step FROM step_change WHERE attendee_id = NEW.id"
  "                        ORDER BY changed_on DESC, id DESC LIMIT 1) BEGIN"
  "  SELECT RAISE (ABORT, 'The step can only change through the step history.');"
  "END;"
  "CREATE TRIGGER attendee_step_since_follows_history BEFORE UPDATE OF step_since ON attendee"
  "  WHEN NEW.step_since IS NOT (SELECT changed_on FROM step_change WHERE attendee_id = NEW.id"
  "                              ORDER BY changed_on DESC, id DESC LIMIT 1) BEGIN"
  "  SELECT RAISE (ABORT, 'The step can only change through the step history.');"
  "END;"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN NOT rp_erasing () BEGIN"
  "  SELECT RAISE (ABORT, 'The audit trail cannot be changed.');"
  "END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN NOT rp_erasing () BEGIN"
  "  SELECT RAISE (ABORT, 'The audit trail cannot be changed.');"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RP_STORE_SCHEMA_VERSION);

/* Tables whose every change goes into the audit trail. */
static const char * const audited_tables[] = {
  "programme", "worker", "provider", "attendee", "step_change",
  "taster_day", "booking", "timetable_action", "name_confirmation", "export_record",
};

static void
rp_store_finalize (GObject *object)
{
  RpStore *self = (RpStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  if (self->path != NULL)
    rp_output_file_unprotect (self->path);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rp_store_parent_class)->finalize (object);
}

static void
rp_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RpStore *self = RP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_LOCK_LOST:
      g_value_set_boolean (value, self->lock_lost);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rp_store_class_init (RpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rp_store_finalize;
  object_class->get_property = rp_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCK_LOST] =
    g_param_spec_boolean ("lock-lost", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RpStore::changed:
   * @table: the table that changed, such as "attendee"; the signal's detail too
   * @ids: (nullable) (element-type gint64): the rows that changed, or %NULL
   *   when that is not known (a change made by another program, or many rows)
   *
   * Emitted after a write is committed, once for each table it changed, and
   * never for a write that was rolled back. Changes made through another
   * connection — another program, or another connection of this one — are
   * announced by rp_store_check_for_changes().
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ARRAY);
}

static void
pending_ids_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
rp_store_init (RpStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pending_ids_free);
  self->user = g_strdup (g_get_user_name ());
}

/* Errors ---------------------------------------------------------------- */

void
rp_store_set_error_from_code (GError     **error,
                              int          code,
                              const char  *detail)
{
  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, RP_ERROR, RP_ERROR_LOCKED,
                           _("The database is in use by another program. Close it there, then try again."));
      break;

    case SQLITE_CORRUPT:
      g_set_error_literal (error, RP_ERROR, RP_ERROR_CORRUPT,
                           _("The database file is damaged. Open one of its backups instead."));
      break;

    case SQLITE_NOTADB:
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                           _("This file is not a Reprovision database."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error_literal (error, RP_ERROR, RP_ERROR_READ_ONLY,
                           _("The database cannot be changed: it is read-only or you do not have permission to write to it."));
      break;

    case SQLITE_FULL:
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NO_SPACE,
                           _("The disk is full. Nothing was saved; free some space, then try again."));
      break;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error_literal (error, RP_ERROR, RP_ERROR_IO,
                           _("The database file could not be read or written. Check that the disk is still connected."));
      break;

    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                             _("This refers to a record that no longer exists."));
      else if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error_literal (error, RP_ERROR, RP_ERROR_DUPLICATE,
                             _("This record already exists."));
      else
        g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                     _("The change was refused: %s"), detail);
      break;

    default:
      g_set_error (error, RP_ERROR, RP_ERROR_FAILED,
                   _("The database reported a problem: %s"), detail);
      break;
    }
}

static gboolean
set_error_from_db (RpStore  *self,
                   GError  **error)
{
  rp_store_set_error_from_code (error, sqlite3_extended_errcode (self->db), sqlite3_errmsg (self->db));
  return FALSE;
}

/* Statements ------------------------------------------------------------ */

/* Statements are prepared once and reused; @sql must be a static string. */
static sqlite3_stmt *
store_prepare (RpStore     *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
store_exec (RpStore     *self,
            const char  *sql,
            GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_error_from_db (self, error);

  return TRUE;
}

/* Runs a statement that returns no rows and resets it. */
static gboolean
step_done (RpStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* An id of 0 means "none" in the domain objects and NULL in the database. */
static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
same_file (const char        *path,
           const struct stat *opened)
{
  struct stat now;

  return g_stat (path, &now) == 0 && now.st_dev == opened->st_dev && now.st_ino == opened->st_ino;
}

/* Remembers the -wal and -shm files SQLite opened, to notice later if they
 * were deleted or replaced under this connection. */
static void
remember_wal_files (RpStore *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

  if (g_stat (wal, &self->wal_file) != 0 || g_stat (shm, &self->shm_file) != 0)
    {
      memset (&self->wal_file, 0, sizeof self->wal_file);
      memset (&self->shm_file, 0, sizeof self->shm_file);
    }
}

/* SQLite's locks are POSIX locks, which belong to the process: when anything
 * else in the process opens and closes the database (a file chooser reading
 * it to guess its type, say), they are all gone. Another program then takes
 * itself for the last user and deletes the write-ahead log under this
 * connection (sqlite.org/howtocorrupt.html §2.2). A change written after that
 * goes into a deleted file and is lost, so writing stops: everything saved
 * before is in the database, which the other program brought up to date. */
static gboolean
check_wal_files (RpStore  *self,
                 GError  **error)
{
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  if (!self->lock_lost && self->wal_file.st_ino != 0)
    {
      wal = g_strconcat (self->path, "-wal", NULL);
      shm = g_strconcat (self->path, "-shm", NULL);
      if (!same_file (wal, &self->wal_file) || !same_file (shm, &self->shm_file))
        {
          /* Closing must not copy the deleted log into the file: the other
           * program may have saved newer changes there meanwhile. */
          sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
          self->lock_lost = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCK_LOST]);
        }
    }

  if (self->lock_lost)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_LOCK_LOST,
                           _("Another program opened the database while Reprovision was using it, so Reprovision has stopped saving to it to keep it safe. Everything saved before this message is in the file. Close the other program, then open the database again."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
require_writable (RpStore  *self,
                  GError  **error)
{
  if (self->read_only)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_READ_ONLY,
                           _("This database is open read-only. Nothing can be changed."));
      return FALSE;
    }

  return check_wal_files (self, error);
}

/* A commit that went into a log deleted meanwhile is not in the file. */
static gboolean
check_committed (RpStore  *self,
                 GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (check_wal_files (self, &local_error))
    return TRUE;

  g_set_error (error, RP_ERROR, RP_ERROR_LOCK_LOST,
               _("The last change may not have been saved. %s"), local_error->message);
  return FALSE;
}

/* Change announcements -------------------------------------------------- */

/* The tables a person works with; the audit trail and SQLite's own tables
 * follow from them and are not announced. */
static gboolean
is_announced_table (const char *table)
{
  return !g_str_equal (table, "audit") && !g_str_has_prefix (table, "sqlite_");
}

/* Called by SQLite inside the transaction for every row written. */
static void
on_row_written (void          *user_data,
                int            operation,
                const char    *database,
                const char    *table,
                sqlite3_int64  rowid)
{
  RpStore *self = user_data;
  const char *name;
  GArray *ids;
  gint64 id = rowid;

  if (!is_announced_table (table))
    return;

  name = g_intern_string (table);
  if (!g_hash_table_lookup_extended (self->pending, name, NULL, (gpointer *) &ids))
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->pending, (gpointer) name, ids);
    }

  if (ids == NULL)
    return;

  if (ids->len >= MAX_ANNOUNCED_IDS)
    {
      g_hash_table_insert (self->pending, (gpointer) name, NULL);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

static void
on_rolled_back (void *user_data)
{
  RpStore *self = user_data;

  g_hash_table_remove_all (self->pending);
}

static void
emit_changed (RpStore    *self,
              const char *table,
              GArray     *ids)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, ids);
}

/* After a commit: tells listeners what it changed. The list is taken first,
 * so that a listener may write again. */
static void
announce_changes (RpStore *self)
{
  g_autoptr(GHashTable) changed = NULL;
  GHashTableIter iter;
  gpointer table;
  gpointer ids;

  if (g_hash_table_size (self->pending) == 0)
    return;

  changed = g_steal_pointer (&self->pending);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pending_ids_free);

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &table, &ids))
    emit_changed (self, table, ids);
}

static gboolean
read_data_version (RpStore *self,
                   gint64  *version)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *version = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

/**
 * rp_store_check_for_changes:
 *
 * Looks, cheaply, whether anything was committed to the file through another
 * connection since the last look — by another program such as
 * reprovision-cli, a second window, or an import or restore of this one —
 * and if so announces every table as changed.
 *
 * Returns: %TRUE if something had changed
 */
gboolean
rp_store_check_for_changes (RpStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  /* Inside a transaction the answer would be our own. */
  if (!sqlite3_get_autocommit (self->db) || !read_data_version (self, &version) ||
      version == self->data_version)
    return FALSE;

  self->data_version = version;
  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    emit_changed (self, audited_tables[i], NULL);

  return TRUE;
}

typedef gboolean (*StoreWriteFunc) (RpStore  *self,
                                    gpointer  data,
                                    GError  **error);

/* Every change is one immediate transaction: all of it is saved, or none.
 * Inside a larger transaction (rp_store_begin) it becomes a savepoint. */
static gboolean
store_write (RpStore         *self,
             StoreWriteFunc   func,
             gpointer         data,
             GError         **error)
{
  gboolean nested;

  if (!require_writable (self, error))
    return FALSE;

  nested = !sqlite3_get_autocommit (self->db);

  if (!store_exec (self, nested ? "SAVEPOINT rp_write" : "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!func (self, data, error) ||
      !store_exec (self, nested ? "RELEASE rp_write" : "COMMIT", error))
    {
      /* Rows of a savepoint rolled back may still be announced with the
       * rest of its transaction: a needless refresh, never a missed one. */
      sqlite3_exec (self->db, nested ? "ROLLBACK TO rp_write; RELEASE rp_write" : "ROLLBACK",
                    NULL, NULL, NULL);
      return FALSE;
    }

  if (nested)
    return TRUE;

  announce_changes (self);
  return check_committed (self, error);
}

gboolean
rp_store_begin (RpStore  *self,
                GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return require_writable (self, error) && store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
rp_store_commit (RpStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (!store_exec (self, "COMMIT", error))
    {
      rp_store_rollback (self);
      return FALSE;
    }

  announce_changes (self);
  return check_committed (self, error);
}

void
rp_store_rollback (RpStore *self)
{
  g_return_if_fail (RP_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* SQL functions used by the triggers and the queries ----------------------- */

static void
sql_audit_user (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  RpStore *self = sqlite3_user_data (context);

  sqlite3_result_text (context, self->user, -1, SQLITE_TRANSIENT);
}

static void
sql_erasing (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  RpStore *self = sqlite3_user_data (context);

  sqlite3_result_int (context, self->erasing);
}

/* Audit triggers are generated from the live table definitions, so a
 * migration that adds a column is audited without further work. */
static gboolean
create_audit_triggers (RpStore  *self,
                       GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      const char *table = audited_tables[i];
      g_autoptr(GString) inserted = g_string_new (NULL);
      g_autoptr(GString) updated = g_string_new (NULL);
      g_autoptr(GString) deleted = g_string_new (NULL);
      g_autofree char *sql = NULL;
      g_autofree char *info = g_strdup_printf ("PRAGMA table_info (%s)", table);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (self->db, info, -1, &stmt, NULL) != SQLITE_OK)
        return set_error_from_db (self, error);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *column = column_text (stmt, 1);
          const char *sep = inserted->len > 0 ? " UNION ALL " : "";

          if (g_str_equal (column, "id"))
            continue;

          g_string_append_printf (inserted, "%sSELECT '%s' AS f, NEW.%s AS v", sep, column, column);
          g_string_append_printf (deleted, "%sSELECT '%s' AS f, OLD.%s AS v", sep, column, column);
          g_string_append_printf (updated, "%sSELECT '%s' AS f, OLD.%s AS o, NEW.%s AS n",
                                  sep, column, column, column);
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        return set_error_from_db (self, error);

      /* A table that a later migration adds is not there yet. */
      if (inserted->len == 0)
        continue;

      sql = g_strdup_printf (
        "DROP TRIGGER IF EXISTS audit_%1$s_insert;"
        "DROP TRIGGER IF EXISTS audit_%1$s_update;"
        "DROP TRIGGER IF EXISTS audit_%1$s_delete;"
        "CREATE TRIGGER audit_%1$s_insert AFTER INSERT ON %1$s BEGIN"
        "  INSERT INTO audit (user, table_name, record_id, action, field, new_value)"
        "  SELECT rp_audit_user (), '%1$s', NEW.id, 'insert', f, v FROM (%2$s) WHERE v IS NOT NULL;"
        "END;"
        "CREATE TRIGGER audit_%1$s_update AFTER UPDATE ON %1$s BEGIN"
        "  INSERT INTO audit (user, table_name, record_id, action, field, old_value, new_value)"
        "  SELECT rp_audit_user (), '%1$s', NEW.id, 'update', f, o, n FROM (%3$s) WHERE o IS NOT n;"
        "END;"
        "CREATE TRIGGER audit_%1$s_delete AFTER DELETE ON %1$s BEGIN"
        "  INSERT INTO audit (user, table_name, record_id, action, field, old_value)"
        "  SELECT rp_audit_user (), '%1$s', OLD.id, 'delete', f, v FROM (%4$s) WHERE v IS NOT NULL;"
        "END;",
        table, inserted->str, updated->str, deleted->str);

      if (!store_exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

static void
register_functions (RpStore *self)
{
  sqlite3_create_function (self->db, "rp_audit_user", 0, SQLITE_UTF8, self, sql_audit_user, NULL, NULL);
  sqlite3_create_function (self->db, "rp_erasing", 0, SQLITE_UTF8, self, sql_erasing, NULL, NULL);
}

/* Opening --------------------------------------------------------------- */

static gboolean
query_int (RpStore     *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_error_from_db (self, error);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return set_error_from_db (self, error);

  return TRUE;
}

static gboolean
migrate_steps (RpStore  *self,
               int       from_version,
               int       to_version,
               GError  **error)
{
  for (int version = from_version; version < to_version; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      g_autofree char *set_application = g_strdup_printf ("PRAGMA application_id = %d",
                                                          RP_STORE_APPLICATION_ID);
      int problems = 0;

      if (!store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!store_exec (self, migrations[version], error) ||
          !store_exec (self, set_version, error) ||
          !store_exec (self, set_application, error) ||
          !create_audit_triggers (self, error) ||
          !query_int (self, "SELECT count(*) FROM pragma_foreign_key_check", &problems, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      if (problems > 0)
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, RP_ERROR, RP_ERROR_CORRUPT,
                       _("The database could not be updated to this version of Reprovision: %d records refer to records that do not exist. Nothing was changed."),
                       problems);
          return FALSE;
        }

      if (!store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* Filesystems whose locks cannot be trusted across machines or at all, from
 * statfs(2) and linux/magic.h. SQLite's write-ahead log needs shared memory
 * and working POSIX locks, which only a local disk gives. */
#define NFS_SUPER_MAGIC     0x6969      /* NFS */
#define SMB_SUPER_MAGIC     0x517B      /* SMB (smbfs) */
#define CIFS_SUPER_MAGIC    0xFF534D42  /* Windows shares (cifs) */
#define SMB2_SUPER_MAGIC    0xFE534D42  /* Windows shares (smb3) */
#define AFS_SUPER_MAGIC     0x5346414F  /* OpenAFS */
#define KAFS_SUPER_MAGIC    0x6B414653  /* AFS (kernel) */
#define CEPH_SUPER_MAGIC    0x00C36400  /* Ceph */
#define V9FS_MAGIC          0x01021997  /* 9P: virtual machine and WSL shares */
#define CODA_SUPER_MAGIC    0x73757245  /* Coda */
#define NCP_SUPER_MAGIC     0x564C      /* NetWare */
#define LUSTRE_SUPER_MAGIC  0x0BD00BD0  /* Lustre */
#define FUSE_SUPER_MAGIC    0x65735546  /* FUSE: sshfs, GVfs shares, the document portal */

static unsigned long fake_filesystem_type;

void
rp_store_set_fake_filesystem_type (unsigned long type)
{
  fake_filesystem_type = type;
}

/* Whether the folder holding @path is on a network or FUSE filesystem. */
static gboolean
is_on_network_share (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs info;

  /* A folder still to be created lies on the filesystem of its parent. */
  while (fake_filesystem_type == 0 && statfs (dir, &info) != 0)
    {
      g_autofree char *parent = g_path_get_dirname (dir);

      if (errno != ENOENT || strcmp (parent, dir) == 0)
        return FALSE;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }

  if (fake_filesystem_type != 0)
    info.f_type = fake_filesystem_type;

  switch ((unsigned long) info.f_type)
    {
    case NFS_SUPER_MAGIC:
    case SMB_SUPER_MAGIC:
    case CIFS_SUPER_MAGIC:
    case SMB2_SUPER_MAGIC:
    case AFS_SUPER_MAGIC:
    case KAFS_SUPER_MAGIC:
    case CEPH_SUPER_MAGIC:
    case V9FS_MAGIC:
    case CODA_SUPER_MAGIC:
    case NCP_SUPER_MAGIC:
    case LUSTRE_SUPER_MAGIC:
    case FUSE_SUPER_MAGIC:
      return TRUE;

    default:
      return FALSE;
    }
}

/* Foreign keys are off while migrating (a pragma that only works outside a
 * transaction): a migration that rebuilds a table drops it, which would
 * otherwise delete the rows that refer to it. Each step checks the
 * references itself before it commits. */
static gboolean
migrate (RpStore  *self,
         int       from_version,
         int       to_version,
         GError  **error)
{
  gboolean ok;

  if (!store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  ok = migrate_steps (self, from_version, to_version, error);

  if (!store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    return FALSE;

  return ok;
}

/* Protective triggers ---------------------------------------------------- */

/* The triggers of the current schema (name → { SQL, table }), as the
 * migrations make them in an empty database: what a file of this version
 * must hold. Built once; %NULL if SQLite could not build it. */
static GHashTable *
reference_triggers (GError **error)
{
  static GMutex mutex;
  static GHashTable *triggers = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);
  g_autoptr(RpStore) reference = NULL;
  g_autoptr(GHashTable) table = NULL;
  sqlite3_stmt *stmt = NULL;

  if (triggers != NULL)
    return triggers;

  reference = g_object_new (RP_TYPE_STORE, NULL);
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);

  if (sqlite3_open_v2 (":memory:", &reference->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      rp_store_set_error_from_code (error, SQLITE_NOMEM, "");
      return NULL;
    }
  register_functions (reference);

  /* Every step in one transaction, and the audit triggers made once at the
   * end from the final tables, as the runner leaves them: building this at
   * each start must not cost what a step-by-step update does. */
  if (!store_exec (reference, "BEGIN", error))
    return NULL;
  for (int version = 0; version < RP_STORE_SCHEMA_VERSION; version++)
    if (!store_exec (reference, migrations[version], error))
      return NULL;
  if (!create_audit_triggers (reference, error) ||
      !store_exec (reference, "COMMIT", error))
    return NULL;
  if (sqlite3_prepare_v2 (reference->db, "SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'trigger'",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_db (reference, error);
      return NULL;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char **value = g_new0 (char *, 3);

      value[0] = g_strdup (column_text (stmt, 1));
      value[1] = g_strdup (column_text (stmt, 2));
      g_hash_table_insert (table, g_strdup (column_text (stmt, 0)), value);
    }
  sqlite3_finalize (stmt);

  triggers = g_steal_pointer (&table);
  return triggers;
}

static void
trigger_problem_free (RpTriggerProblem *problem)
{
  g_free (problem->name);
  g_free (problem->table);
  g_free (problem);
}

static void
add_trigger_problem (GPtrArray          *problems,
                     const char         *name,
                     const char         *table,
                     RpTriggerDamage     damage)
{
  RpTriggerProblem *problem = g_new0 (RpTriggerProblem, 1);

  problem->name = g_strdup (name);
  problem->table = g_strdup (table);
  problem->damage = damage;
  g_ptr_array_add (problems, problem);
}

/**
 * rp_store_list_trigger_problems:
 * @db: a database of the current schema version
 *
 * Compares the triggers of @db with those the migrations make: the ones that
 * keep the audit trail unchangeable and complete and the step history
 * consistent. A missing, changed or unknown trigger means the file was
 * altered outside Reprovision.
 *
 * Returns: (transfer full) (element-type RpTriggerProblem): what is wrong (the
 *   file's own triggers first, then the missing ones); empty when nothing is
 */
GPtrArray *
rp_store_list_trigger_problems (sqlite3  *db,
                                GError  **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) trigger_problem_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) names = NULL;
  GHashTable *reference;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!(reference = reference_triggers (error)))
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      rp_store_set_error_from_code (error, sqlite3_extended_errcode (db), sqlite3_errmsg (db));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = column_text (stmt, 0);
      char **expected = g_hash_table_lookup (reference, name);

      if (expected == NULL)
        add_trigger_problem (problems, name, column_text (stmt, 1), RP_TRIGGER_UNKNOWN);
      else
        {
          g_hash_table_add (seen, g_strdup (name));
          if (g_strcmp0 (expected[0], column_text (stmt, 2)) != 0)
            add_trigger_problem (problems, name, column_text (stmt, 1), RP_TRIGGER_CHANGED);
        }
    }
  if (rc != SQLITE_DONE)
    rp_store_set_error_from_code (error, sqlite3_extended_errcode (db), sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return NULL;

  names = g_list_sort (g_hash_table_get_keys (reference), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_hash_table_contains (seen, l->data))
      add_trigger_problem (problems, l->data, ((char **) g_hash_table_lookup (reference, l->data))[1],
                           RP_TRIGGER_MISSING);

  return g_steal_pointer (&problems);
}

/* A file whose audit trail could be edited, or whose changes would go
 * unrecorded, is not written to until it is repaired on purpose. */
static gboolean
check_protection (RpStore  *self,
                  GError  **error)
{
  g_autoptr(GPtrArray) problems = rp_store_list_trigger_problems (self->db, error);

  if (problems == NULL)
    return FALSE;

  if (problems->len > 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_UNPROTECTED,
                           _("The safeguards that keep this database’s audit trail complete and unchangeable are missing or have been changed, "
                             "so Reprovision will not change the file. You can open it read-only, or repair the safeguards "
                             "(Repair in the app, or “reprovision-cli check --repair”); the repair is recorded in the audit trail."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_repair (RpStore  *self,
              gpointer  data,
              GError  **error)
{
  GPtrArray *problems = data;
  GHashTable *reference = reference_triggers (error);
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (reference == NULL)
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      RpTriggerProblem *problem = g_ptr_array_index (problems, i);
      char **expected = g_hash_table_lookup (reference, problem->name);

      if (problem->damage != RP_TRIGGER_MISSING)
        {
          char *drop = sqlite3_mprintf ("DROP TRIGGER \"%w\"", problem->name);
          gboolean dropped = store_exec (self, drop, error);

          sqlite3_free (drop);
          if (!dropped)
            return FALSE;
        }

      if (expected != NULL && !store_exec (self, expected[0], error))
        return FALSE;

      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", problem->name);
    }

  stmt = store_prepare (self,
                        "INSERT INTO audit (user, table_name, record_id, action, field, new_value)"
                        " VALUES (?, 'database', 0, 'repair', 'triggers', ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, self->user);
  bind_text (stmt, 2, names->str);
  return step_done (self, stmt, error);
}

/**
 * rp_store_repair_protection:
 * @path: a database that rp_store_open() refused with %RP_ERROR_UNPROTECTED
 * @n_repaired: (out) (optional): how many triggers were made again or removed
 * @error: why it could not be repaired
 *
 * Puts back the triggers that keep the audit trail unchangeable and complete
 * and the step history consistent, exactly as this version makes them, and
 * removes triggers Reprovision does not make. The repair is recorded in the
 * audit trail (action "repair", with the triggers' names). Changes made while
 * the safeguards were missing cannot be found again; the repair says when
 * they started to be kept again.
 *
 * Returns: %TRUE if the file is protected now
 */
gboolean
rp_store_repair_protection (const char  *path,
                            guint       *n_repaired,
                            GError     **error)
{
  g_autoptr(RpStore) self = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_repaired != NULL)
    *n_repaired = 0;

  if (!(self = rp_store_open (path, RP_STORE_OPEN_REPAIR, error)) ||
      !(problems = rp_store_list_trigger_problems (self->db, error)))
    return FALSE;

  if (problems->len == 0)
    return TRUE;

  if (!store_write (self, write_repair, problems, error))
    return FALSE;

  if (n_repaired != NULL)
    *n_repaired = problems->len;

  return check_protection (self, error);
}

/* Creates the file with owner-only permissions before SQLite touches it;
 * SQLite gives its -wal and -shm files the same mode. */
gboolean
rp_store_create_private_file (const char  *path,
                              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RP_ERROR, RP_ERROR_IO,
                   _("The folder “%s” could not be created: %s."), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, RP_ERROR, saved_errno == EACCES ? RP_ERROR_READ_ONLY : RP_ERROR_IO,
                   _("The database “%s” could not be created: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }

  g_close (fd, NULL);
  return TRUE;
}

/* Owner-only, like a new database: a file made by an older version, copied
 * in or created by hand may be readable by others. SQLite gives the -wal and
 * -shm it creates the database's mode; ones left from before are tightened too. */
static gboolean
make_private (const char  *path,
              GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf info;

      if (g_stat (file, &info) != 0 || !S_ISREG (info.st_mode) || (info.st_mode & 077) == 0)
        continue;

      if (g_chmod (file, 0600) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, RP_ERROR, RP_ERROR_IO,
                       _("“%s” can be read by other people, and could not be made readable by you only: %s. Ask its owner to change that; nothing was changed."),
                       file, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

sqlite3 *
rp_store_open_sqlite_read_only (const char  *path,
                                gboolean     create_nothing,
                                GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *uri = NULL;
  gboolean has_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  gboolean has_shm = g_file_test (shm, G_FILE_TEST_EXISTS);
  sqlite3 *db = NULL;
  int rc;

  /* A database in write-ahead-log mode needs its -shm even to be read, and
   * SQLite creates it and an empty -wal when they are missing (wal.html,
   * "Read-Only Databases"). Neither exists only when nobody has the file open
   * and every change is in the main file: it is then read as it is
   * ("immutable"), creating nothing. A -wal without its -shm holds changes
   * that cannot be read without rebuilding the -shm. */
  if (create_nothing && has_wal && !has_shm)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                   _("The database “%s” was not closed properly, and reading it would change it. Open it in Reprovision once, then try again. Nothing was changed."),
                   path);
      return NULL;
    }

  if (create_nothing && !has_wal && !has_shm)
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, error);

      if (file_uri == NULL)
        return NULL;
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | (uri != NULL ? SQLITE_OPEN_URI : 0),
                        NULL);
  if (rc != SQLITE_OK)
    {
      rp_store_set_error_from_code (error, rc, db != NULL ? sqlite3_errmsg (db) : "");
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

RpStore *
rp_store_open_at_version (const char        *path,
                          RpStoreOpenFlags   flags,
                          int                target_version,
                          GError           **error)
{
  g_autoptr(RpStore) self = NULL;
  gboolean read_only = (flags & RP_STORE_OPEN_READ_ONLY) != 0;
  int open_flags;
  int tables = 0;
  int version = 0;
  int application_id = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refused before anything is created or opened there. */
  if (!read_only && is_on_network_share (path))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NETWORK_SHARE,
                           _("The database is on a network drive. Reprovision cannot keep it safe there: the log of recent changes does not work between computers, so two people saving at once could lose changes or damage the file. Copy it to this computer and work on the copy, or open it read-only to look at it."));
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & RP_STORE_OPEN_CREATE) || read_only)
        {
          g_set_error (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist."), path);
          return NULL;
        }

      if (!rp_store_create_private_file (path, error))
        return NULL;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                   _("“%s” is a folder, not a Reprovision database."), path);
      return NULL;
    }

  self = g_object_new (RP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  /* No export may be written over this file while it is open. */
  rp_output_file_protect (path);

  if (read_only)
    {
      if (!(self->db = rp_store_open_sqlite_read_only (path, (flags & RP_STORE_OPEN_NO_COMPANIONS) != 0, error)))
        return NULL;
    }
  else
    {
      if (!make_private (path, error))
        return NULL;

      open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
      rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
      if (rc != SQLITE_OK)
        {
          rp_store_set_error_from_code (error, rc, self->db ? sqlite3_errmsg (self->db) : "");
          return NULL;
        }
    }

  /* SQLite quietly opens a file it may not write to read-only: say so instead,
   * so nobody types changes that cannot be saved. */
  if (!read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                   _("The database cannot be changed: the file is read-only, or you do not have permission to change it. You can open it read-only to look at it."));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_update_hook (self->db, on_row_written, self);
  sqlite3_rollback_hook (self->db, on_rolled_back, self);
  register_functions (self);

  /* Reading the schema is the first thing that fails on a file that is not SQLite. */
  if (!query_int (self, "SELECT count(*) FROM sqlite_master", &tables, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error))
    return NULL;

  if (application_id != RP_STORE_APPLICATION_ID && (tables > 0 || application_id != 0))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                   _("“%s” is not a Reprovision database. It was left unchanged."), path);
      return NULL;
    }

  if (version > RP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NEWER_VERSION,
                   _("This database was saved by a newer version of Reprovision. Update Reprovision to open it; the file was left unchanged."));
      return NULL;
    }

  /* secure_delete: an erased person's details are overwritten, not left in free pages. */
  if (!store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !store_exec (self, "PRAGMA secure_delete = ON", error))
    return NULL;

  /* Recording an export made from a copy, such as a backup, leaves the copy
   * as it was in every other way: its journal mode, and its version. */
  if (!read_only && (flags & RP_STORE_OPEN_AS_IS) && (tables == 0 || version < target_version))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                   tables == 0 ? _("“%s” is empty: it holds no Reprovision database yet. It was left unchanged.")
                               : _("“%s” was saved by an older version of Reprovision. Open it in Reprovision once to update it, then try again. It was left unchanged."),
                   path);
      return NULL;
    }

  if (!read_only)
    {
      /* FULL: every commit survives a power cut; this is the only record. */
      if ((!(flags & RP_STORE_OPEN_AS_IS) && !store_exec (self, "PRAGMA journal_mode = WAL", error)) ||
          !store_exec (self, "PRAGMA synchronous = FULL", error))
        return NULL;

      if (flags & RP_STORE_OPEN_KEEP_VERSION)
        target_version = MIN (version, target_version);

      if (version > 0 && version < target_version && !(flags & RP_STORE_OPEN_WORKING_COPY))
        {
          g_autofree char *backup = NULL;
          g_autoptr(GError) backup_error = NULL;

          /* An update that goes wrong must be undoable: keep the file as it was. */
          backup = rp_backup_create (path, RP_BACKUP_BEFORE_UPDATE, &backup_error);
          if (backup == NULL)
            {
              g_set_error (error, RP_ERROR, backup_error->code,
                           _("The database needs updating for this version of Reprovision, but a backup could not be made first, so nothing was changed. %s"),
                           backup_error->message);
              return NULL;
            }
        }

      if (version < target_version && !migrate (self, version, target_version, error))
        return NULL;

      if (target_version == RP_STORE_SCHEMA_VERSION &&
          !(flags & (RP_STORE_OPEN_WORKING_COPY | RP_STORE_OPEN_REPAIR)) &&
          !check_protection (self, error))
        return NULL;

      /* A read opens the write-ahead log and its index if nothing has yet. */
      if (!query_int (self, "SELECT count(*) FROM sqlite_master", &tables, error))
        return NULL;
      remember_wal_files (self);
    }
  else if (tables == 0)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                   _("“%s” is empty: it holds no Reprovision database yet. It was left unchanged."), path);
      return NULL;
    }
  else if (version < RP_STORE_SCHEMA_VERSION && !(flags & RP_STORE_OPEN_KEEP_VERSION))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_READ_ONLY,
                   _("This database was saved by an older version of Reprovision and needs updating, which cannot be done while it is read-only."));
      return NULL;
    }

  /* Opening is not a change anyone needs to hear of. */
  g_hash_table_remove_all (self->pending);
  read_data_version (self, &self->data_version);

  return g_steal_pointer (&self);
}

/**
 * rp_store_open:
 * @path: the database file
 * @flags: whether to create it, or open it read-only
 * @error: a clear error for a file that is missing, not ours, newer, locked or damaged
 *
 * Opens the database, creating it with owner-only permissions if asked, and
 * brings an older schema up to date. A file that is not a Reprovision
 * database is never written to.
 *
 * Returns: (transfer full): the store, or %NULL
 */
RpStore *
rp_store_open (const char        *path,
               RpStoreOpenFlags   flags,
               GError           **error)
{
  return rp_store_open_at_version (path, flags, RP_STORE_SCHEMA_VERSION, error);
}

/**
 * rp_store_get_default_path:
 * Returns: (transfer full): `$XDG_DATA_HOME/reprovision/reprovision.db`
 */
char *
rp_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "reprovision", "reprovision.db", NULL);
}

/**
 * rp_store_get_sample_path:
 * Returns: (transfer full): where the sample programme is kept
 */
char *
rp_store_get_sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "reprovision", "sample.db", NULL);
}

/**
 * rp_store_path_is_portal:
 * @path: a database file
 *
 * Returns: whether @path was handed over by the Flatpak document portal
 */
gboolean
rp_store_path_is_portal (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return (g_str_has_prefix (path, "/run/user/") && strstr (path, "/doc/") != NULL) ||
         g_str_has_prefix (path, "/run/flatpak/doc/");
}

gboolean
rp_store_path_needs_local_copy (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return rp_store_path_is_portal (path) || is_on_network_share (path);
}

/* Removes a database the core made for its own work, with its -wal and -shm. */
void
rp_store_remove_working_copy (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_return_if_fail (path != NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/**
 * rp_store_copy_database:
 * @source: a database path, or an SQLite `file:` URI
 * @target: a path that does not exist yet
 * @error: why the copy failed
 *
 * Copies a consistent snapshot of @source into @target with SQLite's online
 * backup, so a copy taken while someone is saving is never half a save. The
 * copy is written under a temporary name, flushed to disk, and only then
 * given its name: a crash part-way leaves no file that looks complete.
 */
gboolean
rp_store_copy_database (const char  *source,
                        const char  *target,
                        GError     **error)
{
  g_autofree char *partial = NULL;
  sqlite3 *source_db = NULL;
  sqlite3 *target_db = NULL;
  int rc;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  partial = g_strconcat (target, ".partial", NULL);
  g_unlink (partial);
  if (!rp_store_create_private_file (partial, error))
    return FALSE;

  rc = sqlite3_open_v2 (source, &source_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (source_db, 5000);
      rc = sqlite3_open_v2 (partial, &target_db, SQLITE_OPEN_READWRITE, NULL);
    }

  if (rc == SQLITE_OK)
    {
      sqlite3_backup *backup = sqlite3_backup_init (target_db, "main", source_db, "main");

      if (backup == NULL)
        rc = sqlite3_extended_errcode (target_db);
      else
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
    }

  /* A copy is a single self-contained file: no write-ahead log beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (target_db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    rp_store_set_error_from_code (error, rc,
                                  target_db != NULL && sqlite3_errcode (target_db) != SQLITE_OK
                                  ? sqlite3_errmsg (target_db)
                                  : source_db != NULL ? sqlite3_errmsg (source_db) : "");

  sqlite3_close_v2 (source_db);
  sqlite3_close_v2 (target_db);

  if (rc == SQLITE_OK)
    {
      int fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0);

      if (fd < 0 || fsync (fd) != 0)
        rc = SQLITE_IOERR;
      if (fd >= 0)
        g_close (fd, NULL);
      if (rc == SQLITE_OK && g_rename (partial, target) != 0)
        rc = SQLITE_IOERR;
      if (rc != SQLITE_OK)
        {
          int saved_errno = errno;

          g_set_error (error, RP_ERROR, saved_errno == ENOSPC ? RP_ERROR_NO_SPACE : RP_ERROR_IO,
                       _("The copy “%s” could not be written: %s."), target, g_strerror (saved_errno));
        }
    }

  if (rc != SQLITE_OK)
    {
      g_unlink (partial);
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_store_make_local_copy:
 * @path: a database on a portal or network location
 * @error: why the copy failed
 *
 * Copies @path with SQLite's online backup into the user data directory,
 * under a name that does not replace anything already there.
 *
 * Returns: (transfer full): the path of the copy, or %NULL
 */
char *
rp_store_make_local_copy (const char  *path,
                          GError     **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_path_get_basename (path);
  stem = g_strdup (basename);
  if (strrchr (stem, '.') != NULL)
    *strrchr (stem, '.') = '\0';
  dir = g_build_filename (g_get_user_data_dir (), "reprovision", NULL);

  for (guint n = 1; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_clear_pointer (&target, g_free);
      if (n == 1)
        target = g_strdup_printf ("%s/%s.db", dir, stem);
      else
        target = g_strdup_printf ("%s/%s (%u).db", dir, stem, n);
    }

  /* immutable=1: the portal cannot take locks, and nobody writes the original meanwhile. */
  uri = g_strdup_printf ("file:%s?immutable=1", path);
  if (!rp_store_copy_database (uri, target, error))
    return NULL;

  return g_steal_pointer (&target);
}

const char *
rp_store_get_path (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->path;
}

gboolean
rp_store_is_read_only (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * rp_store_check_file:
 * @error: why changes can no longer be saved
 *
 * Checks that this connection still owns the database's write-ahead log,
 * which another program deletes if it took the database for unused. Every
 * write checks this by itself; front ends call it to find out sooner, for
 * example when the window is used again. Once it fails, the store refuses
 * every change and #RpStore:lock-lost is %TRUE.
 *
 * Returns: %TRUE if changes can still be saved safely
 */
gboolean
rp_store_check_file (RpStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return self->read_only || check_wal_files (self, error);
}

int
rp_store_get_schema_version (RpStore *self)
{
  int version = -1;

  g_return_val_if_fail (RP_IS_STORE (self), -1);

  query_int (self, "PRAGMA user_version", &version, NULL);
  return version;
}

const char *
rp_store_get_user (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->user;
}

void
rp_store_set_user (RpStore    *self,
                   const char *user)
{
  g_return_if_fail (RP_IS_STORE (self));
  g_return_if_fail (user != NULL && *user != '\0');

  g_free (self->user);
  self->user = g_strdup (user);
}

char *
rp_store_dup_today (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (self->today != NULL)
    return g_strdup (self->today);

  return rp_date_today ();
}

void
rp_store_set_today (RpStore    *self,
                    const char *today_iso)
{
  g_return_if_fail (RP_IS_STORE (self));
  g_return_if_fail (today_iso == NULL || rp_date_is_valid_iso (today_iso));

  g_free (self->today);
  self->today = g_strdup (today_iso);
}

sqlite3 *
rp_store_get_db (RpStore *self)
{
  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  return self->db;
}

/* Programmes ------------------------------------------------------------ */

#define PROGRAMME_COLUMNS "id, name, closure_date, report_title"

static RpProgramme *
programme_from_row (sqlite3_stmt *stmt)
{
  RpProgramme *programme = rp_programme_new ();

  rp_programme_set_id (programme, sqlite3_column_int64 (stmt, 0));
  rp_programme_set_name (programme, column_text (stmt, 1));
  rp_programme_set_closure_date (programme, column_text (stmt, 2));
  rp_programme_set_report_title (programme, column_text (stmt, 3));
  return programme;
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* Runs a prepared, bound query and collects one object per row. */
static GListModel *
collect_rows (RpStore       *self,
              sqlite3_stmt  *stmt,
              GType          item_type,
              RowFunc        from_row,
              GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (item_type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, from_row (stmt));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Runs a prepared, bound query expected to return one row. */
static gpointer
collect_one (RpStore       *self,
             sqlite3_stmt  *stmt,
             RowFunc        from_row,
             const char    *not_found,
             GError       **error)
{
  gpointer item = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    item = from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, not_found);
  else
    set_error_from_db (self, error);

  sqlite3_reset (stmt);
  return item;
}

/**
 * rp_store_list_programmes:
 * Returns: (transfer full): a #GListModel of #RpProgramme, oldest first
 */
GListModel *
rp_store_list_programmes (RpStore  *self,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!(stmt = store_prepare (self, "SELECT " PROGRAMME_COLUMNS " FROM programme ORDER BY id", error)))
    return NULL;

  return collect_rows (self, stmt, RP_TYPE_PROGRAMME, (RowFunc) programme_from_row, error);
}

RpProgramme *
rp_store_get_programme (RpStore  *self,
                        gint64    programme_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!(stmt = store_prepare (self, "SELECT " PROGRAMME_COLUMNS " FROM programme WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  return collect_one (self, stmt, (RowFunc) programme_from_row,
                      _("The programme no longer exists."), error);
}

static gboolean
write_programme (RpStore  *self,
                 gpointer  data,
                 GError  **error)
{
  RpProgramme *programme = data;
  gint64 id = rp_programme_get_id (programme);
  sqlite3_stmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO programme (name, closure_date, report_title, id) VALUES (?, ?, ?, NULL)"
                        : "UPDATE programme SET name = ?, closure_date = ?, report_title = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, rp_programme_get_name (programme));
  bind_text (stmt, 2, rp_programme_get_closure_date (programme));
  bind_text (stmt, 3, rp_programme_get_report_title (programme));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 4, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_programme_set_id (programme, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The programme no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_add_programme (RpStore      *self,
                        RpProgramme  *programme,
                        GError      **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (rp_programme_get_id (programme) == 0, FALSE);

  if (!rp_programme_validate (programme, error))
    return FALSE;

  if (!store_write (self, write_programme, programme, error))
    {
      rp_programme_set_id (programme, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_save_programme (RpStore      *self,
                         RpProgramme  *programme,
                         GError      **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (rp_programme_get_id (programme) > 0, FALSE);

  if (!rp_programme_validate (programme, error))
    return FALSE;

  return store_write (self, write_programme, programme, error);
}

static gboolean
count_query (RpStore     *self,
             const char  *sql,
             gint64       programme_id,
             const char  *today,
             guint       *count,
             GError     **error)
{
  sqlite3_stmt *stmt = store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, programme_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    bind_text (stmt, 2, today);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return set_error_from_db (self, error);

  return TRUE;
}

/**
 * rp_store_get_counts:
 * @counts: (out caller-allocates): the figures
 *
 * Counts the attendees, workers, providers, taster days and timetable actions
 * of a programme, as the overview pages and the CLI show them.
 */
gboolean
rp_store_get_counts (RpStore            *self,
                     gint64              programme_id,
                     RpProgrammeCounts  *counts,
                     GError            **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  today = rp_store_dup_today (self);

  stmt = store_prepare (self,
                        "SELECT outcome, step, funding, worker_id IS NULL, count(*) FROM attendee"
                        " WHERE programme_id = ? GROUP BY 1, 2, 3, 4",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpOutcome outcome = RP_OUTCOME_ATTENDING;
      int step = sqlite3_column_int (stmt, 1);
      guint n = sqlite3_column_int (stmt, 4);

      rp_outcome_from_string (column_text (stmt, 0), &outcome);
      counts->attendees += n;

      switch (outcome)
        {
        case RP_OUTCOME_MOVED:
          counts->moved += n;
          break;

        case RP_OUTCOME_LEFT:
          counts->left += n;
          break;

        case RP_OUTCOME_ATTENDING:
        default:
          counts->attending += n;
          if (rp_moving_plan_step_valid (step))
            counts->at_step[step] += n;
          if (g_strcmp0 (column_text (stmt, 2), "health") == 0)
            counts->health += n;
          if (sqlite3_column_int (stmt, 3))
            counts->no_worker += n;
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_db (self, error);

  return count_query (self, "SELECT count(*) FROM worker WHERE active",
                      programme_id, NULL, &counts->workers, error) &&
         count_query (self, "SELECT count(*) FROM provider",
                      programme_id, NULL, &counts->providers, error) &&
         count_query (self, "SELECT count(*) FROM taster_day WHERE programme_id = ? AND NOT cancelled",
                      programme_id, NULL, &counts->taster_days, error) &&
         count_query (self,
                      "SELECT count(*) FROM taster_day WHERE programme_id = ? AND NOT cancelled"
                      " AND (day IS NULL OR day >= ?)",
                      programme_id, today, &counts->taster_days_upcoming, error) &&
         count_query (self,
                      "SELECT count(*) FROM booking b JOIN taster_day t ON t.id = b.taster_day_id"
                      " WHERE t.programme_id = ? AND b.status != 'cancelled'",
                      programme_id, NULL, &counts->bookings, error) &&
         count_query (self, "SELECT count(*) FROM timetable_action WHERE programme_id = ?",
                      programme_id, NULL, &counts->actions, error) &&
         count_query (self,
                      "SELECT count(*) FROM timetable_action WHERE programme_id = ? AND status = 'completed'",
                      programme_id, NULL, &counts->actions_completed, error) &&
         count_query (self,
                      "SELECT count(*) FROM timetable_action WHERE programme_id = ?"
                      " AND status != 'completed' AND due_date < ?",
                      programme_id, today, &counts->actions_overdue, error);
}

/* Workers --------------------------------------------------------------- */

#define WORKER_COLUMNS "id, name, initials, role, team, active"

static RpWorker *
worker_from_row (sqlite3_stmt *stmt)
{
  RpWorker *worker = rp_worker_new ();
  RpWorkerRole role = RP_WORKER_ROLE_SOCIAL_WORKER;

  rp_worker_role_from_string (column_text (stmt, 3), &role);
  rp_worker_set_id (worker, sqlite3_column_int64 (stmt, 0));
  rp_worker_set_name (worker, column_text (stmt, 1));
  rp_worker_set_initials (worker, column_text (stmt, 2));
  rp_worker_set_role (worker, role);
  rp_worker_set_team (worker, column_text (stmt, 4));
  rp_worker_set_active (worker, sqlite3_column_int (stmt, 5));
  return worker;
}

/**
 * rp_store_list_workers:
 * Returns: (transfer full): a #GListModel of #RpWorker, by name
 */
GListModel *
rp_store_list_workers (RpStore   *self,
                       gboolean   include_inactive,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " WORKER_COLUMNS " FROM worker WHERE active OR ?"
                        " ORDER BY name COLLATE NOCASE, id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_inactive);
  return collect_rows (self, stmt, RP_TYPE_WORKER, (RowFunc) worker_from_row, error);
}

RpWorker *
rp_store_get_worker (RpStore  *self,
                     gint64    worker_id,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!(stmt = store_prepare (self, "SELECT " WORKER_COLUMNS " FROM worker WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, worker_id);
  return collect_one (self, stmt, (RowFunc) worker_from_row,
                      _("The worker no longer exists."), error);
}

static gboolean
write_worker (RpStore  *self,
              gpointer  data,
              GError  **error)
{
  RpWorker *worker = data;
  gint64 id = rp_worker_get_id (worker);
  sqlite3_stmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO worker (name, initials, role, team, active, id) VALUES (?, ?, ?, ?, ?, NULL)"
                        : "UPDATE worker SET name = ?, initials = ?, role = ?, team = ?, active = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, rp_worker_get_name (worker));
  bind_text (stmt, 2, rp_worker_get_initials (worker));
  bind_text (stmt, 3, rp_worker_role_to_string (rp_worker_get_role (worker)));
  bind_text (stmt, 4, rp_worker_get_team (worker));
  sqlite3_bind_int (stmt, 5, rp_worker_get_active (worker) ? 1 : 0);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_worker_set_id (worker, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The worker no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_add_worker (RpStore   *self,
                     RpWorker  *worker,
                     GError   **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_WORKER (worker), FALSE);
  g_return_val_if_fail (rp_worker_get_id (worker) == 0, FALSE);

  if (!rp_worker_validate (worker, error))
    return FALSE;

  if (!store_write (self, write_worker, worker, error))
    {
      rp_worker_set_id (worker, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_save_worker (RpStore   *self,
                      RpWorker  *worker,
                      GError   **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_WORKER (worker), FALSE);
  g_return_val_if_fail (rp_worker_get_id (worker) > 0, FALSE);

  if (!rp_worker_validate (worker, error))
    return FALSE;

  return store_write (self, write_worker, worker, error);
}

/* Attendees ------------------------------------------------------------- */

#define ATTENDEE_COLUMNS \
  "a.id, a.programme_id, a.number, a.full_name, a.preferred_name, a.date_of_birth," \
  " a.contact_name, a.contact_relationship, a.contact_phone, a.wheelchair_user," \
  " a.transport_needed, a.access_needs, a.funding, a.worker_id, w.name, a.step, a.step_since," \
  " a.case_notes, a.report_note, a.target_date, a.outcome, a.outcome_date," \
  " a.moved_to_provider_id, p.name, a.outcome_reason, a.archived"

#define ATTENDEE_FROM \
  " FROM attendee a LEFT JOIN worker w ON w.id = a.worker_id" \
  " LEFT JOIN provider p ON p.id = a.moved_to_provider_id"

static RpAttendee *
attendee_from_row (sqlite3_stmt *stmt)
{
  RpAttendee *attendee = rp_attendee_new ();
  RpFunding funding = RP_FUNDING_ASC;
  RpOutcome outcome = RP_OUTCOME_ATTENDING;

  rp_funding_from_string (column_text (stmt, 12), &funding);
  rp_outcome_from_string (column_text (stmt, 20), &outcome);

  rp_attendee_set_id (attendee, sqlite3_column_int64 (stmt, 0));
  rp_attendee_set_programme_id (attendee, sqlite3_column_int64 (stmt, 1));
  rp_attendee_set_number (attendee, sqlite3_column_int (stmt, 2));
  rp_attendee_set_full_name (attendee, column_text (stmt, 3));
  rp_attendee_set_preferred_name (attendee, column_text (stmt, 4));
  rp_attendee_set_date_of_birth (attendee, column_text (stmt, 5));
  rp_attendee_set_contact_name (attendee, column_text (stmt, 6));
  rp_attendee_set_contact_relationship (attendee, column_text (stmt, 7));
  rp_attendee_set_contact_phone (attendee, column_text (stmt, 8));
  rp_attendee_set_wheelchair_user (attendee, sqlite3_column_int (stmt, 9));
  rp_attendee_set_transport_needed (attendee, sqlite3_column_int (stmt, 10));
  rp_attendee_set_access_needs (attendee, column_text (stmt, 11));
  rp_attendee_set_funding (attendee, funding);
  rp_attendee_set_worker_id (attendee, sqlite3_column_int64 (stmt, 13));
  rp_attendee_set_worker_name (attendee, column_text (stmt, 14));
  rp_attendee_set_step (attendee, sqlite3_column_int (stmt, 15));
  rp_attendee_set_step_since (attendee, column_text (stmt, 16));
  rp_attendee_set_case_notes (attendee, column_text (stmt, 17));
  rp_attendee_set_report_note (attendee, column_text (stmt, 18));
  rp_attendee_set_target_date (attendee, column_text (stmt, 19));
  rp_attendee_set_outcome (attendee, outcome);
  rp_attendee_set_outcome_date (attendee, column_text (stmt, 21));
  rp_attendee_set_moved_to_provider_id (attendee, sqlite3_column_int64 (stmt, 22));
  rp_attendee_set_moved_to_provider_name (attendee, column_text (stmt, 23));
  rp_attendee_set_outcome_reason (attendee, column_text (stmt, 24));
  rp_attendee_set_archived (attendee, sqlite3_column_int (stmt, 25));
  return attendee;
}

/**
 * rp_store_list_attendees:
 * Returns: (transfer full): a #GListModel of #RpAttendee, by attendee number
 */
GListModel *
rp_store_list_attendees (RpStore  *self,
                         gint64    programme_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM
                        " WHERE a.programme_id = ? ORDER BY a.number",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  return collect_rows (self, stmt, RP_TYPE_ATTENDEE, (RowFunc) attendee_from_row, error);
}

/**
 * rp_store_find_needing_attention:
 * @today: the day to judge by
 * @closure_date: (nullable): the programme's closure date
 * @stale_days: how long one step may last before it counts as no progress
 * @max: how many of them to return
 * @n_needing: (out) (optional): how many need attention in all
 *
 * The attendees not archived who need attention (see rp_attention_for_attendee()),
 * judged one row at a time: a programme of 100,000 is never all in memory.
 *
 * Returns: (transfer container) (element-type RpAttendee): the first @max of
 *   them by number, or %NULL on error
 */
GPtrArray *
rp_store_find_needing_attention (RpStore     *self,
                                 gint64       programme_id,
                                 const char  *today,
                                 const char  *closure_date,
                                 guint        stale_days,
                                 guint        max,
                                 guint       *n_needing,
                                 GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = store_prepare (self,
                        "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM
                        " WHERE a.programme_id = ? AND NOT a.archived ORDER BY a.number",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  found = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RpAttendee) attendee = attendee_from_row (stmt);

      if (rp_attention_for_attendee (attendee, today, closure_date, stale_days) == RP_ATTENTION_NONE)
        continue;

      if (n++ < max)
        g_ptr_array_add (found, g_steal_pointer (&attendee));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  if (n_needing != NULL)
    *n_needing = n;
  return g_steal_pointer (&found);
}

RpAttendee *
rp_store_get_attendee (RpStore  *self,
                       gint64    attendee_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self, "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM " WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, attendee_id);
  return collect_one (self, stmt, (RowFunc) attendee_from_row,
                      _("The attendee no longer exists."), error);
}

RpAttendee *
rp_store_find_attendee (RpStore  *self,
                        gint64    programme_id,
                        int       number,
                        GError  **error)
{
  g_autofree char *message = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " ATTENDEE_COLUMNS ATTENDEE_FROM
                        " WHERE a.programme_id = ? AND a.number = ?",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, number);
  message = g_strdup_printf (_("There is no attendee number %d in this programme."), number);
  return collect_one (self, stmt, (RowFunc) attendee_from_row, message, error);
}

/**
 * rp_store_next_attendee_number:
 * Returns: the number after the highest in use, or 0 on error
 */
int
rp_store_next_attendee_number (RpStore  *self,
                               gint64    programme_id,
                               GError  **error)
{
  guint highest = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  if (!count_query (self, "SELECT coalesce (max (number), 0) FROM attendee WHERE programme_id = ?",
                    programme_id, NULL, &highest, error))
    return 0;

  return highest + 1;
}

/* Binds every editable attendee column; the step is changed only through the history. */
static void
bind_attendee (sqlite3_stmt *stmt,
               RpAttendee   *attendee)
{
  bind_text (stmt, 1, rp_attendee_get_full_name (attendee));
  bind_text (stmt, 2, rp_attendee_get_preferred_name (attendee));
  bind_text (stmt, 3, rp_attendee_get_date_of_birth (attendee));
  bind_text (stmt, 4, rp_attendee_get_contact_name (attendee));
  bind_text (stmt, 5, rp_attendee_get_contact_relationship (attendee));
  bind_text (stmt, 6, rp_attendee_get_contact_phone (attendee));
  sqlite3_bind_int (stmt, 7, rp_attendee_get_wheelchair_user (attendee) ? 1 : 0);
  sqlite3_bind_int (stmt, 8, rp_attendee_get_transport_needed (attendee) ? 1 : 0);
  bind_text (stmt, 9, rp_attendee_get_access_needs (attendee));
  bind_text (stmt, 10, rp_funding_to_string (rp_attendee_get_funding (attendee)));
  bind_id (stmt, 11, rp_attendee_get_worker_id (attendee));
  bind_text (stmt, 12, rp_attendee_get_case_notes (attendee));
  bind_text (stmt, 13, rp_attendee_get_report_note (attendee));
  bind_text (stmt, 14, rp_attendee_get_target_date (attendee));
  bind_text (stmt, 15, rp_outcome_to_string (rp_attendee_get_outcome (attendee)));
  bind_text (stmt, 16, rp_attendee_get_outcome_date (attendee));
  bind_id (stmt, 17, rp_attendee_get_moved_to_provider_id (attendee));
  bind_text (stmt, 18, rp_attendee_get_outcome_reason (attendee));
  sqlite3_bind_int (stmt, 19, rp_attendee_get_archived (attendee) ? 1 : 0);
}

static gboolean
check_references (RpStore     *self,
                  RpAttendee  *attendee,
                  GError     **error)
{
  guint found = 0;

  if (rp_attendee_get_worker_id (attendee) > 0)
    {
      if (!count_query (self, "SELECT count(*) FROM worker WHERE id = ?",
                        rp_attendee_get_worker_id (attendee), NULL, &found, error))
        return FALSE;
      if (found == 0)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                               _("The allocated worker no longer exists. Choose another worker."));
          return FALSE;
        }
    }

  if (rp_attendee_get_moved_to_provider_id (attendee) > 0)
    {
      if (!count_query (self, "SELECT count(*) FROM provider WHERE id = ?",
                        rp_attendee_get_moved_to_provider_id (attendee), NULL, &found, error))
        return FALSE;
      if (found == 0)
        {
          g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                               _("The provider no longer exists. Choose another provider."));
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  RpAttendee *attendee;
  const char *started_on;
} AddAttendee;

static gboolean
write_new_attendee (RpStore  *self,
                    gpointer  data,
                    GError  **error)
{
  AddAttendee *add = data;
  RpAttendee *attendee = add->attendee;
  gint64 programme_id = rp_attendee_get_programme_id (attendee);
  int number = rp_attendee_get_number (attendee);
  guint existing = 0;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!count_query (self, "SELECT count(*) FROM programme WHERE id = ?",
                    programme_id, NULL, &existing, error))
    return FALSE;
  if (existing == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The programme no longer exists."));
      return FALSE;
    }

  stmt = store_prepare (self, "SELECT count(*) FROM attendee WHERE programme_id = ? AND number = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return set_error_from_db (self, error);
    }
  existing = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (existing > 0)
    {
      int next = rp_store_next_attendee_number (self, programme_id, NULL);

      g_set_error (error, RP_ERROR, RP_ERROR_DUPLICATE,
                   _("Attendee number %d is already in use in this programme. The next free number is %d."),
                   number, next);
      return FALSE;
    }

  if (!check_references (self, attendee, error))
    return FALSE;

  stmt = store_prepare (self,
                        "INSERT INTO attendee (full_name, preferred_name, date_of_birth, contact_name,"
                        " contact_relationship, contact_phone, wheelchair_user, transport_needed,"
                        " access_needs, funding, worker_id, case_notes, report_note, target_date,"
                        " outcome, outcome_date, moved_to_provider_id, outcome_reason, archived,"
                        " programme_id, number, step)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_attendee (stmt, attendee);
  sqlite3_bind_int64 (stmt, 20, programme_id);
  sqlite3_bind_int (stmt, 21, number);
  sqlite3_bind_int (stmt, 22, rp_attendee_get_step (attendee));
  if (!step_done (self, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (self->db);

  stmt = store_prepare (self,
                        "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on, recorded_by)"
                        " VALUES (?, 0, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, rp_attendee_get_step (attendee));
  bind_text (stmt, 3, add->started_on);
  bind_text (stmt, 4, self->user);
  if (!step_done (self, stmt, error))
    return FALSE;

  rp_attendee_set_id (attendee, id);
  return TRUE;
}

/**
 * rp_store_add_attendee:
 * @attendee: a new attendee (id 0) with its programme, number and step set
 * @started_on: (nullable): the date the attendee reached its first step; today if %NULL
 *
 * Adds the attendee and the first entry of its step history.
 */
gboolean
rp_store_add_attendee (RpStore     *self,
                       RpAttendee  *attendee,
                       const char  *started_on,
                       GError     **error)
{
  g_autofree char *today = NULL;
  AddAttendee add;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), FALSE);
  g_return_val_if_fail (rp_attendee_get_id (attendee) == 0, FALSE);

  if (!rp_attendee_validate (attendee, error))
    return FALSE;

  today = rp_store_dup_today (self);
  if (started_on == NULL)
    started_on = today;

  if (!rp_moving_plan_check_change (0, rp_attendee_get_step (attendee), started_on, NULL,
                                    today, NULL, error))
    return FALSE;

  add.attendee = attendee;
  add.started_on = started_on;
  if (!store_write (self, write_new_attendee, &add, error))
    {
      rp_attendee_set_id (attendee, 0);
      return FALSE;
    }

  rp_attendee_set_step_since (attendee, started_on);
  return TRUE;
}

static gboolean
write_attendee (RpStore  *self,
                gpointer  data,
                GError  **error)
{
  RpAttendee *attendee = data;
  g_autoptr(RpAttendee) stored = NULL;
  sqlite3_stmt *stmt;

  if (!(stored = rp_store_get_attendee (self, rp_attendee_get_id (attendee), error)))
    return FALSE;

  /* Published reports identify people by number only, so it never changes. */
  if (rp_attendee_get_number (stored) != rp_attendee_get_number (attendee) ||
      rp_attendee_get_programme_id (stored) != rp_attendee_get_programme_id (attendee))
    {
      g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                   _("Attendee number %d cannot be changed: published reports identify people by their number."),
                   rp_attendee_get_number (stored));
      return FALSE;
    }

  if (!check_references (self, attendee, error))
    return FALSE;

  stmt = store_prepare (self,
                        "UPDATE attendee SET full_name = ?, preferred_name = ?, date_of_birth = ?,"
                        " contact_name = ?, contact_relationship = ?, contact_phone = ?,"
                        " wheelchair_user = ?, transport_needed = ?, access_needs = ?, funding = ?,"
                        " worker_id = ?, case_notes = ?, report_note = ?, target_date = ?, outcome = ?,"
                        " outcome_date = ?, moved_to_provider_id = ?, outcome_reason = ?, archived = ?"
                        " WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_attendee (stmt, attendee);
  sqlite3_bind_int64 (stmt, 20, rp_attendee_get_id (attendee));
  return step_done (self, stmt, error);
}

/**
 * rp_store_save_attendee:
 *
 * Saves every field of @attendee except its step, which changes only through
 * rp_store_change_step(), and its number, which never changes.
 */
gboolean
rp_store_save_attendee (RpStore     *self,
                        RpAttendee  *attendee,
                        GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_ATTENDEE (attendee), FALSE);
  g_return_val_if_fail (rp_attendee_get_id (attendee) > 0, FALSE);

  if (!rp_attendee_validate (attendee, error))
    return FALSE;

  return store_write (self, write_attendee, attendee, error);
}

/* Compare-and-set, one statement a field: the field is written only while it
 * still holds the value the person started from (?3). */
#define FIELD_UPDATE(column) \
  "UPDATE attendee SET " column " = ?1 WHERE id = ?2 AND " column " IS ?3"

static const char * const field_updates[RP_ATTENDEE_N_FIELDS] = {
  [RP_ATTENDEE_FIELD_FULL_NAME] = FIELD_UPDATE ("full_name"),
  [RP_ATTENDEE_FIELD_PREFERRED_NAME] = FIELD_UPDATE ("preferred_name"),
  [RP_ATTENDEE_FIELD_DATE_OF_BIRTH] = FIELD_UPDATE ("date_of_birth"),
  [RP_ATTENDEE_FIELD_CONTACT_NAME] = FIELD_UPDATE ("contact_name"),
  [RP_ATTENDEE_FIELD_CONTACT_RELATIONSHIP] = FIELD_UPDATE ("contact_relationship"),
  [RP_ATTENDEE_FIELD_CONTACT_PHONE] = FIELD_UPDATE ("contact_phone"),
  [RP_ATTENDEE_FIELD_WHEELCHAIR_USER] = FIELD_UPDATE ("wheelchair_user"),
  [RP_ATTENDEE_FIELD_TRANSPORT_NEEDED] = FIELD_UPDATE ("transport_needed"),
  [RP_ATTENDEE_FIELD_ACCESS_NEEDS] = FIELD_UPDATE ("access_needs"),
  [RP_ATTENDEE_FIELD_FUNDING] = FIELD_UPDATE ("funding"),
  [RP_ATTENDEE_FIELD_WORKER] = FIELD_UPDATE ("worker_id"),
  [RP_ATTENDEE_FIELD_TARGET_DATE] = FIELD_UPDATE ("target_date"),
  [RP_ATTENDEE_FIELD_CASE_NOTES] = FIELD_UPDATE ("case_notes"),
  [RP_ATTENDEE_FIELD_REPORT_NOTE] = FIELD_UPDATE ("report_note"),
  [RP_ATTENDEE_FIELD_ARCHIVED] = FIELD_UPDATE ("archived"),
};

#undef FIELD_UPDATE

/* Binds a field value as the column holds it: empty text and no worker are NULL. */
static void
bind_field (sqlite3_stmt *stmt,
            int           index,
            GVariant     *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    sqlite3_bind_int (stmt, index, g_variant_get_boolean (value) ? 1 : 0);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    bind_id (stmt, index, g_variant_get_int64 (value));
  else
    {
      const char *text = g_variant_get_string (value, NULL);
      bind_text (stmt, index, text[0] != '\0' ? text : NULL);
    }
}

typedef struct
{
  gint64             attendee_id;
  const RpFieldEdit *edits;
  guint              n_edits;
  int                number;
  GPtrArray         *conflicts;
} SaveFields;

static gboolean
write_attendee_fields (RpStore  *self,
                       gpointer  data,
                       GError  **error)
{
  SaveFields *save = data;
  g_autoptr(RpAttendee) stored = NULL;
  g_autoptr(RpAttendee) merged = NULL;
  g_autoptr(GArray) to_write = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!(stored = rp_store_get_attendee (self, save->attendee_id, error)))
    return FALSE;

  save->number = rp_attendee_get_number (stored);
  merged = rp_attendee_copy (stored);

  for (guint i = 0; i < save->n_edits; i++)
    {
      const RpFieldEdit *edit = &save->edits[i];
      g_autoptr(GVariant) current = rp_attendee_dup_field (stored, edit->field);

      /* Already what the person wants: nothing to write, nothing to ask. */
      if (g_variant_equal (current, edit->value))
        continue;

      /* Someone else changed it meanwhile: theirs is kept, and the person asked. */
      if (!g_variant_equal (current, edit->base))
        {
          g_ptr_array_add (save->conflicts, rp_field_conflict_new (edit->field, edit->base, current, edit->value));
          continue;
        }

      rp_attendee_set_field (merged, edit->field, edit->value);
      g_array_append_val (to_write, i);
    }

  /* The record as it will be after the save must keep every rule. */
  if (to_write->len > 0 &&
      (!rp_attendee_validate (merged, error) || !check_references (self, merged, error)))
    return FALSE;

  for (guint i = 0; i < to_write->len; i++)
    {
      const RpFieldEdit *edit = &save->edits[g_array_index (to_write, guint, i)];
      sqlite3_stmt *stmt = store_prepare (self, field_updates[edit->field], error);

      if (stmt == NULL)
        return FALSE;

      bind_field (stmt, 1, edit->value);
      sqlite3_bind_int64 (stmt, 2, save->attendee_id);
      bind_field (stmt, 3, edit->base);
      if (!step_done (self, stmt, error))
        return FALSE;

      /* The write lock is held since the read above, so this cannot happen;
       * should it, the field is reported rather than overwritten. */
      if (sqlite3_changes (self->db) != 1)
        {
          g_autoptr(GVariant) current = rp_attendee_dup_field (stored, edit->field);
          g_ptr_array_add (save->conflicts, rp_field_conflict_new (edit->field, edit->base, current, edit->value));
        }
    }

  return TRUE;
}

/**
 * rp_store_save_attendee_fields:
 * @edits: (array length=n_edits): the fields changed, each with the value it
 *   held when the person started editing it
 * @conflicts: (out) (optional) (transfer full): on %RP_ERROR_CONFLICT, a
 *   #GPtrArray of #RpFieldConflict; otherwise %NULL
 *
 * Saves only the edited fields, in one transaction, and each only while the
 * store still holds its base value. A field someone else changed meanwhile is
 * left as they saved it and reported as a conflict; the other fields are still
 * saved. Edits that change nothing write nothing, not even a transaction.
 *
 * Returns: %TRUE if every edit is saved; %FALSE with %RP_ERROR_CONFLICT if
 *   some were not because of a conflict (the others are saved), or another
 *   error if nothing was saved
 */
gboolean
rp_store_save_attendee_fields (RpStore            *self,
                               gint64              attendee_id,
                               const RpFieldEdit  *edits,
                               guint               n_edits,
                               GPtrArray         **conflicts,
                               GError            **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (RpFieldEdit));
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) rp_field_conflict_free);
  SaveFields save = { .attendee_id = attendee_id, .conflicts = found };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (attendee_id > 0, FALSE);
  g_return_val_if_fail (edits != NULL || n_edits == 0, FALSE);

  if (conflicts != NULL)
    *conflicts = NULL;

  for (guint i = 0; i < n_edits; i++)
    {
      g_return_val_if_fail (edits[i].field < RP_ATTENDEE_N_FIELDS, FALSE);
      g_return_val_if_fail (edits[i].base != NULL && edits[i].value != NULL, FALSE);
      g_return_val_if_fail (g_variant_is_of_type (edits[i].base, rp_attendee_field_get_value_type (edits[i].field)) &&
                            g_variant_is_of_type (edits[i].value, rp_attendee_field_get_value_type (edits[i].field)),
                            FALSE);

      if (!g_variant_equal (edits[i].base, edits[i].value))
        g_array_append_val (changed, edits[i]);
    }

  if (changed->len == 0)
    return TRUE;

  save.edits = (const RpFieldEdit *) changed->data;
  save.n_edits = changed->len;
  if (!store_write (self, write_attendee_fields, &save, error))
    return FALSE;

  if (found->len > 0)
    {
      if (found->len == 1)
        g_set_error (error, RP_ERROR, RP_ERROR_CONFLICT,
                     _("Someone else changed the %s of attendee %d while you were editing it. "
                       "What they saved was kept: choose which to keep."),
                     rp_attendee_field_get_label (((RpFieldConflict *) found->pdata[0])->field), save.number);
      else
        g_set_error (error, RP_ERROR, RP_ERROR_CONFLICT,
                     _("Someone else changed %u fields of attendee %d while you were editing them. "
                       "What they saved was kept: choose which to keep."),
                     found->len, save.number);
      if (conflicts != NULL)
        *conflicts = g_steal_pointer (&found);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gint64      attendee_id;
  int         to_step;
  const char *date;
  const char *reason;
} ChangeStep;

static gboolean
write_step_change (RpStore  *self,
                   gpointer  data,
                   GError  **error)
{
  ChangeStep *change = data;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autofree char *today = rp_store_dup_today (self);
  g_autofree char *reason = NULL;
  sqlite3_stmt *stmt;

  if (!(attendee = rp_store_get_attendee (self, change->attendee_id, error)))
    return FALSE;

  if (!rp_moving_plan_check_change (rp_attendee_get_step (attendee), change->to_step, change->date,
                                    rp_attendee_get_step_since (attendee), today, change->reason,
                                    error))
    return FALSE;

  reason = g_strstrip (g_strdup (change->reason != NULL ? change->reason : ""));

  stmt = store_prepare (self,
                        "INSERT INTO step_change (attendee_id, from_step, to_step, changed_on,"
                        " recorded_by, reason) VALUES (?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, change->attendee_id);
  sqlite3_bind_int (stmt, 2, rp_attendee_get_step (attendee));
  sqlite3_bind_int (stmt, 3, change->to_step);
  bind_text (stmt, 4, change->date);
  bind_text (stmt, 5, self->user);
  bind_text (stmt, 6, reason[0] != '\0' ? reason : NULL);
  return step_done (self, stmt, error);
}

/**
 * rp_store_change_step:
 * @to_step: the step reached
 * @date_iso: (nullable): the day it was reached; today if %NULL
 * @reason: (nullable): a note; required for a jump or a step back
 *
 * Records a step change under the moving-plan rules; refused changes write nothing.
 */
gboolean
rp_store_change_step (RpStore     *self,
                      gint64       attendee_id,
                      int          to_step,
                      const char  *date_iso,
                      const char  *reason,
                      GError     **error)
{
  g_autofree char *today = NULL;
  ChangeStep change = { attendee_id, to_step, date_iso, reason };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (date_iso == NULL)
    change.date = today = rp_store_dup_today (self);

  return store_write (self, write_step_change, &change, error);
}

typedef struct
{
  gint64      attendee_id;
  RpOutcome   outcome;
  gint64      provider_id;
  const char *date;
  const char *reason;
} RecordOutcome;

static gboolean
write_outcome (RpStore  *self,
               gpointer  data,
               GError  **error)
{
  RecordOutcome *record = data;
  g_autoptr(RpAttendee) attendee = NULL;

  if (!(attendee = rp_store_get_attendee (self, record->attendee_id, error)))
    return FALSE;

  rp_attendee_set_outcome (attendee, record->outcome);
  rp_attendee_set_outcome_date (attendee, record->date);
  rp_attendee_set_moved_to_provider_id (attendee, record->provider_id);
  rp_attendee_set_outcome_reason (attendee, record->reason);

  return rp_attendee_validate (attendee, error) && write_attendee (self, attendee, error);
}

static gboolean
check_outcome_date (RpStore     *self,
                    const char  *date_iso,
                    GError     **error)
{
  g_autofree char *today = rp_store_dup_today (self);

  if (!rp_date_is_valid_iso (date_iso))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID, _("Enter the date of the move."));
      return FALSE;
    }

  if (rp_date_compare (date_iso, today) > 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("A move can only be recorded once it has happened. Set the target moving date for a planned move."));
      return FALSE;
    }

  return TRUE;
}

/**
 * rp_store_record_move:
 * @provider_id: the provider the attendee moved to
 * @date_iso: the day of the move, not in the future
 *
 * Records that the attendee has moved to new provision. They stay in the
 * programme and in reports.
 */
gboolean
rp_store_record_move (RpStore     *self,
                      gint64       attendee_id,
                      gint64       provider_id,
                      const char  *date_iso,
                      GError     **error)
{
  RecordOutcome record = { attendee_id, RP_OUTCOME_MOVED, provider_id, date_iso, NULL };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  if (provider_id <= 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("A move needs the provider the person moved to."));
      return FALSE;
    }

  if (!check_outcome_date (self, date_iso, error))
    return FALSE;

  return store_write (self, write_outcome, &record, error);
}

#define STEP_CHANGE_COLUMNS \
  "id, attendee_id, from_step, to_step, changed_on, recorded_by, reason, recorded_at"

static RpStepChange *
step_change_from_row (sqlite3_stmt *stmt)
{
  RpStepChange *change = rp_step_change_new ();

  rp_step_change_set_id (change, sqlite3_column_int64 (stmt, 0));
  rp_step_change_set_attendee_id (change, sqlite3_column_int64 (stmt, 1));
  rp_step_change_set_from_step (change, sqlite3_column_int (stmt, 2));
  rp_step_change_set_to_step (change, sqlite3_column_int (stmt, 3));
  rp_step_change_set_changed_on (change, column_text (stmt, 4));
  rp_step_change_set_recorded_by (change, column_text (stmt, 5));
  rp_step_change_set_reason (change, column_text (stmt, 6));
  rp_step_change_set_recorded_at (change, column_text (stmt, 7));
  return change;
}

/**
 * rp_store_list_step_history:
 * Returns: (transfer full): a #GListModel of #RpStepChange, oldest first
 */
GListModel *
rp_store_list_step_history (RpStore  *self,
                            gint64    attendee_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " STEP_CHANGE_COLUMNS " FROM step_change WHERE attendee_id = ?"
                        " ORDER BY changed_on, id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, attendee_id);
  return collect_rows (self, stmt, RP_TYPE_STEP_CHANGE, (RowFunc) step_change_from_row, error);
}

static gboolean
write_undo_step_change (RpStore  *self,
                        gpointer  data,
                        GError  **error)
{
  gint64 step_change_id = *(gint64 *) data;
  sqlite3_stmt *stmt;
  int rc;
  gboolean newest, first;

  stmt = store_prepare (self,
                        "SELECT s.from_step = 0,"
                        " s.id = (SELECT n.id FROM step_change n WHERE n.attendee_id = s.attendee_id"
                        "         ORDER BY n.changed_on DESC, n.id DESC LIMIT 1)"
                        " FROM step_change s WHERE s.id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, step_change_id);
  rc = sqlite3_step (stmt);
  first = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  newest = rc == SQLITE_ROW && sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("That step change no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return set_error_from_db (self, error);

  if (first || !newest)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           first ? _("The first step of the history cannot be undone.")
                                 : _("Only the latest step change can be undone."));
      return FALSE;
    }

  stmt = store_prepare (self, "DELETE FROM step_change WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, step_change_id);
  return step_done (self, stmt, error);
}

/**
 * rp_store_undo_step_change:
 * @step_change_id: the latest step change of an attendee
 *
 * Takes back a step change recorded by mistake; the attendee returns to the
 * step before it. The audit trail keeps a record of both.
 */
gboolean
rp_store_undo_step_change (RpStore  *self,
                           gint64    step_change_id,
                           GError  **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_write (self, write_undo_step_change, &step_change_id, error);
}

/* Collects the ids a query returns, for the erasure of one person's records. */
static GArray *
collect_ids (RpStore     *self,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static gboolean
delete_by_id (RpStore     *self,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
}

/* Deletes what the audit trail holds about records @ids of @table_name, and
 * nothing older: a database from before version 5 may have given the same id
 * to an earlier record, since deleted, whose history ends with its 'delete'
 * rows before this record's 'insert'. That history is someone else's. */
static gboolean
scrub_audit (RpStore     *self,
             const char  *table_name,
             GArray      *ids,
             GError     **error)
{
  sqlite3_stmt *stmt = store_prepare (self,
                                      "DELETE FROM audit WHERE table_name = ?1 AND record_id = ?2"
                                      " AND id > coalesce ((SELECT max (id) FROM audit"
                                      "                     WHERE table_name = ?1 AND record_id = ?2"
                                      "                       AND action = 'delete'"
                                      "                       AND id < (SELECT max (id) FROM audit"
                                      "                                 WHERE table_name = ?1 AND record_id = ?2"
                                      "                                   AND action = 'insert')), 0)",
                                      error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      bind_text (stmt, 1, table_name);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static GBytes *
read_erasure_key (RpStore  *self,
                  GError  **error)
{
  sqlite3_stmt *stmt = store_prepare (self, "SELECT key FROM erasure_key WHERE id = 1", error);
  GBytes *key = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    key = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc != SQLITE_DONE)
    set_error_from_db (self, error);
  sqlite3_reset (stmt);

  return key;
}

/* An erased person's names, and the family named on their bookings, stay
 * only as keyed one-way digests of their words, so that a published note
 * that still names them is stopped without the names being kept. */
static gboolean
remember_erased_names (RpStore     *self,
                       gint64       attendee_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) key = NULL;
  GError *key_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = store_prepare (self,
                              "SELECT full_name FROM attendee WHERE id = ?1"
                              " UNION ALL SELECT preferred_name FROM attendee WHERE id = ?1"
                              " UNION ALL SELECT contact_name FROM attendee WHERE id = ?1"
                              " UNION ALL SELECT family_attending FROM booking WHERE attendee_id = ?1",
                              error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attendee_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_db (self, error);

  if (!store_exec (self, "INSERT OR IGNORE INTO erasure_key (id, key) VALUES (1, randomblob (32))", error))
    return FALSE;
  if (!(key = read_erasure_key (self, &key_error)))
    {
      if (key_error != NULL)
        g_propagate_error (error, key_error);
      else
        set_error_from_db (self, error);
      return FALSE;
    }

  if (!(stmt = store_prepare (self, "INSERT OR IGNORE INTO erased_name (digest) VALUES (?)", error)))
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      g_auto(GStrv) words = rp_name_index_name_words (g_ptr_array_index (names, i));

      for (guint j = 0; words[j] != NULL; j++)
        {
          g_autofree char *digest = rp_name_index_digest_word (key, words[j]);

          bind_text (stmt, 1, digest);
          if (!step_done (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* A backup made before the name check had no digests of erased names: it is
 * given them when it is restored and brought up to date. */
static gboolean
has_table (RpStore    *self,
           const char *name)
{
  sqlite3_stmt *stmt = store_prepare (self, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, name);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

typedef struct
{
  gint64      attendee_id;
  int         number;        /* 0: whatever number the attendee has */
  gint64      programme_id;  /* 0: whichever programme */
  const char *recorded_at;   /* the tombstone's, when an erasure is applied again */
  const char *user;
  gboolean    erased;
} Erasure;

static gboolean
write_erasure (RpStore  *self,
               gpointer  data,
               GError  **error)
{
  Erasure *erasure = data;
  g_autoptr(GArray) step_ids = NULL;
  g_autoptr(GArray) booking_ids = NULL;
  g_autoptr(GArray) attendee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) confirmation_ids = NULL;
  sqlite3_stmt *stmt;
  int number = 0;
  int rc;

  /* Only the number and programme are read, so a backup of any schema
   * version can be erased from too. */
  stmt = store_prepare (self, "SELECT number FROM attendee WHERE id = ?1 AND number = coalesce (?2, number)"
                              " AND programme_id = coalesce (?3, programme_id)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, erasure->attendee_id);
  bind_id (stmt, 2, erasure->number);
  bind_id (stmt, 3, erasure->programme_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    number = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("That attendee no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return set_error_from_db (self, error);

  if (!(step_ids = collect_ids (self, "SELECT id FROM step_change WHERE attendee_id = ?", erasure->attendee_id, error)) ||
      !(booking_ids = collect_ids (self, "SELECT id FROM booking WHERE attendee_id = ?", erasure->attendee_id, error)))
    return FALSE;

  g_array_append_val (attendee_ids, erasure->attendee_id);

  if (has_table (self, "erased_name"))
    {
      /* Confirmations name their place "attendee/ID/field" (rp_name_place()). */
      if (!(confirmation_ids = collect_ids (self, "SELECT id FROM name_confirmation"
                                                  " WHERE place LIKE 'attendee/' || ? || '/%'",
                                            erasure->attendee_id, error)) ||
          !remember_erased_names (self, erasure->attendee_id, error) ||
          !delete_by_id (self, "DELETE FROM name_confirmation WHERE place LIKE 'attendee/' || ? || '/%'",
                         erasure->attendee_id, error))
        return FALSE;
    }
  else
    {
      confirmation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  /* The step history goes with the attendee (ON DELETE CASCADE). */
  if (!delete_by_id (self, "DELETE FROM booking WHERE attendee_id = ?", erasure->attendee_id, error) ||
      !delete_by_id (self, "DELETE FROM attendee WHERE id = ?", erasure->attendee_id, error) ||
      !scrub_audit (self, "booking", booking_ids, error) ||
      !scrub_audit (self, "step_change", step_ids, error) ||
      !scrub_audit (self, "name_confirmation", confirmation_ids, error) ||
      !scrub_audit (self, "attendee", attendee_ids, error))
    return FALSE;

  /* The tombstone: who was erased (by number only), when and by whom. An
   * erasure applied again to a copy keeps the original's date and user. */
  stmt = store_prepare (self,
                        "INSERT INTO audit (recorded_at, user, table_name, record_id, action, field, old_value)"
                        " VALUES (coalesce (?1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')), ?2, 'attendee', ?3,"
                        "         'delete', 'number', ?4)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, erasure->recorded_at);
  bind_text (stmt, 2, erasure->user != NULL ? erasure->user : self->user);
  sqlite3_bind_int64 (stmt, 3, erasure->attendee_id);
  sqlite3_bind_int (stmt, 4, number);
  erasure->erased = TRUE;
  return step_done (self, stmt, error);
}

static gboolean
store_erase (RpStore  *self,
             Erasure  *erasure,
             GError  **error)
{
  gboolean ok;

  self->erasing = TRUE;
  ok = store_write (self, write_erasure, erasure, error);
  self->erasing = FALSE;

  /* Move the overwritten pages out of the WAL into the main file at once. */
  if (ok)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  return ok;
}

/**
 * rp_store_delete_attendee:
 *
 * Permanently erases an attendee: their record, step history, bookings and
 * every value the audit trail held about them. Only a tombstone remains in
 * the audit trail — the attendee number, the date and who erased it — so a
 * right-to-erasure request can be honoured.
 */
gboolean
rp_store_delete_attendee (RpStore  *self,
                          gint64    attendee_id,
                          GError  **error)
{
  Erasure erasure = { .attendee_id = attendee_id };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_erase (self, &erasure, error);
}

static gboolean
has_tombstone (RpStore             *self,
               const RpTombstone   *tombstone,
               gboolean            *found,
               GError             **error)
{
  sqlite3_stmt *stmt = store_prepare (self,
                                      "SELECT 1 FROM audit WHERE table_name = 'attendee' AND record_id = ?"
                                      " AND action = 'delete' AND field = 'number' AND old_value = ?"
                                      " AND recorded_at = ?",
                                      error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, tombstone->attendee_id);
  sqlite3_bind_int (stmt, 2, tombstone->number);
  bind_text (stmt, 3, tombstone->recorded_at);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_error_from_db (self, error);

  *found = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
write_tombstone (RpStore  *self,
                 gpointer  data,
                 GError  **error)
{
  const RpTombstone *tombstone = data;
  sqlite3_stmt *stmt = store_prepare (self,
                                      "INSERT INTO audit (recorded_at, user, table_name, record_id, action, field, old_value)"
                                      " VALUES (?, ?, 'attendee', ?, 'delete', 'number', ?)",
                                      error);

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, tombstone->recorded_at);
  bind_text (stmt, 2, tombstone->user);
  sqlite3_bind_int64 (stmt, 3, tombstone->attendee_id);
  sqlite3_bind_int (stmt, 4, tombstone->number);
  return step_done (self, stmt, error);
}

/**
 * rp_store_apply_tombstone:
 * @tombstone: an erasure recorded in another copy of this database
 * @erased: (out) (optional): whether a record of the person was found and erased
 *
 * Applies an erasure recorded elsewhere to this copy (a backup, or a backup
 * being restored): the attendee with the tombstone's id and number is erased
 * as rp_store_delete_attendee() would, and the tombstone itself is kept. A
 * copy that already holds the tombstone was made after the erasure and is
 * left as it is.
 */
gboolean
rp_store_apply_tombstone (RpStore            *self,
                          const RpTombstone  *tombstone,
                          gboolean           *erased,
                          GError            **error)
{
  Erasure erasure = {
    .attendee_id = tombstone->attendee_id,
    .number = tombstone->number,
    .programme_id = tombstone->programme_id,
    .recorded_at = tombstone->recorded_at,
    .user = tombstone->user,
  };
  g_autoptr(GError) local_error = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (tombstone != NULL, FALSE);

  if (erased != NULL)
    *erased = FALSE;

  if (!has_tombstone (self, tombstone, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  if (store_erase (self, &erasure, &local_error))
    {
      if (erased != NULL)
        *erased = TRUE;
      return TRUE;
    }

  if (!g_error_matches (local_error, RP_ERROR, RP_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The copy never held the person: the erasure is still on record. */
  return store_write (self, write_tombstone, (gpointer) tombstone, error);
}

/**
 * rp_store_list_tombstones:
 *
 * Returns: (transfer full) (element-type RpTombstone): every erasure on record, oldest first
 */
GArray *
rp_store_list_tombstones (RpStore  *self,
                          GError  **error)
{
  g_autoptr(GArray) tombstones = g_array_new (FALSE, TRUE, sizeof (RpTombstone));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  g_array_set_clear_func (tombstones, (GDestroyNotify) rp_tombstone_clear);
  stmt = store_prepare (self,
                        "SELECT record_id, old_value, recorded_at, user FROM audit"
                        " WHERE table_name = 'attendee' AND action = 'delete' AND field = 'number'"
                        " ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpTombstone tombstone = {
        .attendee_id = sqlite3_column_int64 (stmt, 0),
        .number = sqlite3_column_int (stmt, 1),
        .recorded_at = g_strdup (column_text (stmt, 2)),
        .user = g_strdup (column_text (stmt, 3)),
      };

      g_array_append_val (tombstones, tombstone);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  return g_steal_pointer (&tombstones);
}

void
rp_tombstone_clear (RpTombstone *tombstone)
{
  g_clear_pointer (&tombstone->recorded_at, g_free);
  g_clear_pointer (&tombstone->user, g_free);
}

static gboolean
write_restore_record (RpStore  *self,
                      gpointer  data,
                      GError  **error)
{
  sqlite3_stmt *stmt = store_prepare (self,
                                      "INSERT INTO audit (user, table_name, record_id, action, field, new_value)"
                                      " VALUES (?, 'database', 0, 'restore', 'backup', ?)",
                                      error);

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, self->user);
  bind_text (stmt, 2, data);
  return step_done (self, stmt, error);
}

/**
 * rp_store_record_restore:
 * @backup_path: the copy this database was restored from
 *
 * Records in the audit trail that this database was put back from a backup:
 * who, when and from which copy, so a rolled-back trail says so itself.
 */
gboolean
rp_store_record_restore (RpStore     *self,
                         const char  *backup_path,
                         GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  return store_write (self, write_restore_record, (gpointer) backup_path, error);
}

/**
 * rp_store_count_caseload:
 *
 * Returns: how many attendees still attending are allocated to @worker_id
 */
guint
rp_store_count_caseload (RpStore  *self,
                         gint64    programme_id,
                         gint64    worker_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (RP_IS_STORE (self), 0);

  stmt = store_prepare (self,
                        "SELECT count(*) FROM attendee WHERE programme_id = ? AND worker_id = ?"
                        " AND outcome = 'attending' AND NOT archived",
                        error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, worker_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  else
    set_error_from_db (self, error);
  sqlite3_reset (stmt);

  return count;
}

/**
 * rp_store_build_name_index:
 * @programme_id: the programme whose published text will be checked
 *
 * Collects every personal name the database knows, in every programme —
 * attendees' full and preferred names, their contacts, family named on
 * bookings, workers and staff, providers' contacts — and the digests of
 * erased people's names, to check text meant for publication. The words
 * someone confirmed are not names in @programme_id's texts are let through.
 *
 * Returns: (transfer full): the index, or %NULL on error
 */
RpNameIndex *
rp_store_build_name_index (RpStore  *self,
                           gint64    programme_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) digests = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RpNameIndex) index = NULL;
  g_autoptr(GBytes) key = NULL;
  GError *key_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT full_name FROM attendee"
                        " UNION SELECT preferred_name FROM attendee"
                        " UNION SELECT contact_name FROM attendee"
                        " UNION SELECT family_attending FROM booking"
                        " UNION SELECT name FROM worker"
                        " UNION SELECT contact_name FROM provider",
                        error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (column_text (stmt, 0) != NULL)
      g_ptr_array_add (names, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  index = rp_name_index_new ((const char * const *) names->pdata, names->len);

  if ((key = read_erasure_key (self, &key_error)) != NULL)
    {
      if (!(stmt = store_prepare (self, "SELECT digest FROM erased_name", error)))
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (digests, g_strdup (column_text (stmt, 0)));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          set_error_from_db (self, error);
          return NULL;
        }
      g_ptr_array_add (digests, NULL);
      rp_name_index_add_erased (index, key, (const char * const *) digests->pdata);
    }
  else if (key_error != NULL)
    {
      g_propagate_error (error, key_error);
      return NULL;
    }

  if (!(stmt = store_prepare (self,
                              "SELECT place, text_digest, word FROM name_confirmation WHERE programme_id = ?",
                              error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rp_name_index_add_confirmation (index, column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 2));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  return g_steal_pointer (&index);
}

typedef struct
{
  gint64      programme_id;
  const char *place;
  const char *text;
  const char *word;
} Confirmation;

static gboolean
write_confirmation (RpStore  *self,
                    gpointer  data,
                    GError  **error)
{
  Confirmation *confirmation = data;
  g_autofree char *text_digest = rp_name_index_digest_text (confirmation->text);
  sqlite3_stmt *stmt = store_prepare (self,
                                      "INSERT OR IGNORE INTO name_confirmation"
                                      " (programme_id, place, text_digest, word, confirmed_by)"
                                      " VALUES (?, ?, ?, ?, ?)",
                                      error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, confirmation->programme_id);
  bind_text (stmt, 2, confirmation->place);
  bind_text (stmt, 3, text_digest);
  bind_text (stmt, 4, confirmation->word);
  bind_text (stmt, 5, self->user);
  return step_done (self, stmt, error);
}

/**
 * rp_store_confirm_not_a_name:
 * @place: where the text is published (rp_name_place())
 * @text: the text exactly as it was shown to the person confirming
 * @word: the folded word (rp_name_index_confirmation_word())
 *
 * Records that someone looked at @text and confirmed that @word, which the
 * name check flagged, is an ordinary word there and not a name. It is kept
 * with who confirmed it and when, in the audit trail, and holds for this
 * text only: any later edit is checked afresh.
 */
gboolean
rp_store_confirm_not_a_name (RpStore     *self,
                             gint64       programme_id,
                             const char  *place,
                             const char  *text,
                             const char  *word,
                             GError     **error)
{
  Confirmation confirmation = { programme_id, place, text, word };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (place != NULL && text != NULL && word != NULL, FALSE);

  return store_write (self, write_confirmation, &confirmation, error);
}

/* Providers ------------------------------------------------------------- */

#define PROVIDER_COLUMNS \
  "id, name, address, contact_name, contact_phone, contact_email, on_framework, notes"

static RpProvider *
provider_from_row (sqlite3_stmt *stmt)
{
  RpProvider *provider = rp_provider_new ();

  rp_provider_set_id (provider, sqlite3_column_int64 (stmt, 0));
  rp_provider_set_name (provider, column_text (stmt, 1));
  rp_provider_set_address (provider, column_text (stmt, 2));
  rp_provider_set_contact_name (provider, column_text (stmt, 3));
  rp_provider_set_contact_phone (provider, column_text (stmt, 4));
  rp_provider_set_contact_email (provider, column_text (stmt, 5));
  rp_provider_set_on_framework (provider, sqlite3_column_int (stmt, 6));
  rp_provider_set_notes (provider, column_text (stmt, 7));
  return provider;
}

/**
 * rp_store_list_providers:
 * Returns: (transfer full): a #GListModel of #RpProvider, by name
 */
GListModel *
rp_store_list_providers (RpStore  *self,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " PROVIDER_COLUMNS " FROM provider ORDER BY name COLLATE NOCASE, id",
                        error);
  if (stmt == NULL)
    return NULL;

  return collect_rows (self, stmt, RP_TYPE_PROVIDER, (RowFunc) provider_from_row, error);
}

static gboolean
write_provider (RpStore  *self,
                gpointer  data,
                GError  **error)
{
  RpProvider *provider = data;
  gint64 id = rp_provider_get_id (provider);
  sqlite3_stmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO provider (name, address, contact_name, contact_phone, contact_email,"
                          " on_framework, notes, id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)"
                        : "UPDATE provider SET name = ?, address = ?, contact_name = ?, contact_phone = ?,"
                          " contact_email = ?, on_framework = ?, notes = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, rp_provider_get_name (provider));
  bind_text (stmt, 2, rp_provider_get_address (provider));
  bind_text (stmt, 3, rp_provider_get_contact_name (provider));
  bind_text (stmt, 4, rp_provider_get_contact_phone (provider));
  bind_text (stmt, 5, rp_provider_get_contact_email (provider));
  sqlite3_bind_int (stmt, 6, rp_provider_get_on_framework (provider) ? 1 : 0);
  bind_text (stmt, 7, rp_provider_get_notes (provider));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 8, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_provider_set_id (provider, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The provider no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_add_provider (RpStore     *self,
                       RpProvider  *provider,
                       GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PROVIDER (provider), FALSE);
  g_return_val_if_fail (rp_provider_get_id (provider) == 0, FALSE);

  if (!rp_provider_validate (provider, error))
    return FALSE;

  if (!store_write (self, write_provider, provider, error))
    {
      rp_provider_set_id (provider, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_save_provider (RpStore     *self,
                        RpProvider  *provider,
                        GError     **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_PROVIDER (provider), FALSE);
  g_return_val_if_fail (rp_provider_get_id (provider) > 0, FALSE);

  if (!rp_provider_validate (provider, error))
    return FALSE;

  return store_write (self, write_provider, provider, error);
}

/* Taster days and bookings ---------------------------------------------- */

#define TASTER_DAY_COLUMNS \
  "t.id, t.programme_id, t.provider_id, p.name, t.day, t.start_time, t.end_time, t.venue," \
  " t.places, t.notes, t.cancelled"

static RpTasterDay *
taster_day_from_row (sqlite3_stmt *stmt)
{
  RpTasterDay *day = rp_taster_day_new ();

  rp_taster_day_set_id (day, sqlite3_column_int64 (stmt, 0));
  rp_taster_day_set_programme_id (day, sqlite3_column_int64 (stmt, 1));
  rp_taster_day_set_provider_id (day, sqlite3_column_int64 (stmt, 2));
  rp_taster_day_set_provider_name (day, column_text (stmt, 3));
  rp_taster_day_set_date (day, column_text (stmt, 4));
  rp_taster_day_set_start_time (day, column_text (stmt, 5));
  rp_taster_day_set_end_time (day, column_text (stmt, 6));
  rp_taster_day_set_venue (day, column_text (stmt, 7));
  rp_taster_day_set_places (day, sqlite3_column_int (stmt, 8));
  rp_taster_day_set_notes (day, column_text (stmt, 9));
  rp_taster_day_set_cancelled (day, sqlite3_column_int (stmt, 10));
  return day;
}

/**
 * rp_store_list_taster_days:
 * Returns: (transfer full): a #GListModel of #RpTasterDay, by date, "to be
 *   confirmed" last
 */
GListModel *
rp_store_list_taster_days (RpStore  *self,
                           gint64    programme_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " TASTER_DAY_COLUMNS " FROM taster_day t"
                        " JOIN provider p ON p.id = t.provider_id WHERE t.programme_id = ?"
                        " ORDER BY t.day IS NULL, t.day, t.start_time, p.name COLLATE NOCASE, t.id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  return collect_rows (self, stmt, RP_TYPE_TASTER_DAY, (RowFunc) taster_day_from_row, error);
}

static gboolean
write_taster_day (RpStore  *self,
                  gpointer  data,
                  GError  **error)
{
  RpTasterDay *day = data;
  gint64 id = rp_taster_day_get_id (day);
  sqlite3_stmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO taster_day (programme_id, provider_id, day, start_time, end_time,"
                          " venue, places, notes, cancelled, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
                        : "UPDATE taster_day SET programme_id = ?, provider_id = ?, day = ?, start_time = ?,"
                          " end_time = ?, venue = ?, places = ?, notes = ?, cancelled = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rp_taster_day_get_programme_id (day));
  bind_id (stmt, 2, rp_taster_day_get_provider_id (day));
  bind_text (stmt, 3, rp_taster_day_get_date (day));
  bind_text (stmt, 4, rp_taster_day_get_start_time (day));
  bind_text (stmt, 5, rp_taster_day_get_end_time (day));
  bind_text (stmt, 6, rp_taster_day_get_venue (day));
  sqlite3_bind_int (stmt, 7, rp_taster_day_get_places (day));
  bind_text (stmt, 8, rp_taster_day_get_notes (day));
  sqlite3_bind_int (stmt, 9, rp_taster_day_get_cancelled (day) ? 1 : 0);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 10, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_taster_day_set_id (day, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The taster day no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_add_taster_day (RpStore      *self,
                         RpTasterDay  *day,
                         GError      **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TASTER_DAY (day), FALSE);
  g_return_val_if_fail (rp_taster_day_get_id (day) == 0, FALSE);

  if (!rp_taster_day_validate (day, error))
    return FALSE;

  if (!store_write (self, write_taster_day, day, error))
    {
      rp_taster_day_set_id (day, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_save_taster_day (RpStore      *self,
                          RpTasterDay  *day,
                          GError      **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TASTER_DAY (day), FALSE);
  g_return_val_if_fail (rp_taster_day_get_id (day) > 0, FALSE);

  if (!rp_taster_day_validate (day, error))
    return FALSE;

  return store_write (self, write_taster_day, day, error);
}

#define BOOKING_COLUMNS \
  "id, taster_day_id, attendee_id, status, transport_needed, transport_arranged, staff_id," \
  " family_attending, feedback, pickup_time"

static RpBooking *
booking_from_row (sqlite3_stmt *stmt)
{
  RpBooking *booking = rp_booking_new ();
  RpBookingStatus status = RP_BOOKING_INVITED;

  rp_booking_status_from_string (column_text (stmt, 3), &status);
  rp_booking_set_id (booking, sqlite3_column_int64 (stmt, 0));
  rp_booking_set_taster_day_id (booking, sqlite3_column_int64 (stmt, 1));
  rp_booking_set_attendee_id (booking, sqlite3_column_int64 (stmt, 2));
  rp_booking_set_status (booking, status);
  rp_booking_set_transport_needed (booking, sqlite3_column_int (stmt, 4));
  rp_booking_set_transport_arranged (booking, sqlite3_column_int (stmt, 5));
  rp_booking_set_staff_id (booking, sqlite3_column_int64 (stmt, 6));
  rp_booking_set_family_attending (booking, column_text (stmt, 7));
  rp_booking_set_feedback (booking, column_text (stmt, 8));
  rp_booking_set_pickup_time (booking, column_text (stmt, 9));
  return booking;
}

/**
 * rp_store_list_bookings:
 * Returns: (transfer full): a #GListModel of #RpBooking on one taster day
 */
GListModel *
rp_store_list_bookings (RpStore  *self,
                        gint64    taster_day_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " BOOKING_COLUMNS " FROM booking WHERE taster_day_id = ? ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, taster_day_id);
  return collect_rows (self, stmt, RP_TYPE_BOOKING, (RowFunc) booking_from_row, error);
}

static gboolean
write_booking (RpStore  *self,
               gpointer  data,
               GError  **error)
{
  RpBooking *booking = data;
  gint64 id = rp_booking_get_id (booking);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO booking (taster_day_id, attendee_id, status, transport_needed,"
                          " transport_arranged, staff_id, family_attending, feedback, pickup_time, id)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
                        : "UPDATE booking SET taster_day_id = ?, attendee_id = ?, status = ?,"
                          " transport_needed = ?, transport_arranged = ?, staff_id = ?,"
                          " family_attending = ?, feedback = ?, pickup_time = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_id (stmt, 1, rp_booking_get_taster_day_id (booking));
  bind_id (stmt, 2, rp_booking_get_attendee_id (booking));
  bind_text (stmt, 3, rp_booking_status_to_string (rp_booking_get_status (booking)));
  sqlite3_bind_int (stmt, 4, rp_booking_get_transport_needed (booking) ? 1 : 0);
  sqlite3_bind_int (stmt, 5, rp_booking_get_transport_arranged (booking) ? 1 : 0);
  bind_id (stmt, 6, rp_booking_get_staff_id (booking));
  bind_text (stmt, 7, rp_booking_get_family_attending (booking));
  bind_text (stmt, 8, rp_booking_get_feedback (booking));
  bind_text (stmt, 9, rp_booking_get_pickup_time (booking));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 10, id);

  if (!step_done (self, stmt, &local_error))
    {
      if (g_error_matches (local_error, RP_ERROR, RP_ERROR_DUPLICATE))
        g_set_error_literal (error, RP_ERROR, RP_ERROR_DUPLICATE,
                             _("This attendee is already booked on that taster day."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (id == 0)
    rp_booking_set_id (booking, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The booking no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_add_booking (RpStore    *self,
                      RpBooking  *booking,
                      GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_BOOKING (booking), FALSE);
  g_return_val_if_fail (rp_booking_get_id (booking) == 0, FALSE);

  if (!rp_booking_validate (booking, error))
    return FALSE;

  if (!store_write (self, write_booking, booking, error))
    {
      rp_booking_set_id (booking, 0);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_bookings (RpStore  *self,
                gpointer  data,
                GError  **error)
{
  GPtrArray *bookings = data;

  for (guint i = 0; i < bookings->len; i++)
    if (!write_booking (self, g_ptr_array_index (bookings, i), error))
      return FALSE;

  return TRUE;
}

/**
 * rp_store_add_bookings:
 * @bookings: (element-type RpBooking): new bookings, for several attendees at once
 *
 * Adds every booking, or none of them.
 */
gboolean
rp_store_add_bookings (RpStore    *self,
                       GPtrArray  *bookings,
                       GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (bookings != NULL, FALSE);

  for (guint i = 0; i < bookings->len; i++)
    if (!rp_booking_validate (g_ptr_array_index (bookings, i), error))
      return FALSE;

  if (!store_write (self, write_bookings, bookings, error))
    {
      for (guint i = 0; i < bookings->len; i++)
        rp_booking_set_id (g_ptr_array_index (bookings, i), 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_save_booking (RpStore    *self,
                       RpBooking  *booking,
                       GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_BOOKING (booking), FALSE);
  g_return_val_if_fail (rp_booking_get_id (booking) > 0, FALSE);

  if (!rp_booking_validate (booking, error))
    return FALSE;

  return store_write (self, write_booking, booking, error);
}

RpTasterDay *
rp_store_get_taster_day (RpStore  *self,
                         gint64    taster_day_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " TASTER_DAY_COLUMNS " FROM taster_day t JOIN provider p ON p.id = t.provider_id"
                        " WHERE t.id = ?",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, taster_day_id);
  return collect_one (self, stmt, (RowFunc) taster_day_from_row, _("The taster day no longer exists."), error);
}

RpProvider *
rp_store_get_provider (RpStore  *self,
                       gint64    provider_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  if (!(stmt = store_prepare (self, "SELECT " PROVIDER_COLUMNS " FROM provider WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, provider_id);
  return collect_one (self, stmt, (RowFunc) provider_from_row, _("The provider no longer exists."), error);
}

/**
 * rp_store_list_attendee_bookings:
 * Returns: (transfer full): the attendee's #RpBooking list, by the day's date, "to be confirmed" last
 */
GListModel *
rp_store_list_attendee_bookings (RpStore  *self,
                                 gint64    attendee_id,
                                 GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT b.id, b.taster_day_id, b.attendee_id, b.status, b.transport_needed,"
                        " b.transport_arranged, b.staff_id, b.family_attending, b.feedback, b.pickup_time"
                        " FROM booking b JOIN taster_day t ON t.id = b.taster_day_id WHERE b.attendee_id = ?"
                        " ORDER BY t.day IS NULL, t.day, t.start_time, b.id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, attendee_id);
  return collect_rows (self, stmt, RP_TYPE_BOOKING, (RowFunc) booking_from_row, error);
}

/* Taster-day warnings: the rows rp_booking_rules_check() needs ----------- */

/* Interned, so that equal dates share an address; a blank counts as none,
 * as the objects read it. */
static const char *
keep_text (GStringChunk *strings,
           const char   *text)
{
  return text != NULL && text[0] != '\0' ? g_string_chunk_insert_const (strings, text) : NULL;
}

/* A booking and its day from @stmt, whose columns from @first are: booking
 * id, taster day id, attendee id, staff id, status, date, start time, end
 * time, cancelled. */
#define SLOT_COLUMNS "x.id, o.id, x.attendee_id, x.staff_id, x.status, o.day, o.start_time, o.end_time, o.cancelled"

static void
slot_from_row (sqlite3_stmt  *stmt,
               GStringChunk  *strings,
               RpBookingSlot *slot)
{
  RpBookingStatus status = RP_BOOKING_INVITED;

  rp_booking_status_from_string (column_text (stmt, 4), &status);
  *slot = (RpBookingSlot) {
    .id = sqlite3_column_int64 (stmt, 0),
    .taster_day_id = sqlite3_column_int64 (stmt, 1),
    .attendee_id = sqlite3_column_int64 (stmt, 2),
    .staff_id = sqlite3_column_int64 (stmt, 3),
    .status = status,
    .date = keep_text (strings, column_text (stmt, 5)),
    .start_time = keep_text (strings, column_text (stmt, 6)),
    .end_time = keep_text (strings, column_text (stmt, 7)),
    .day_cancelled = sqlite3_column_int (stmt, 8) != 0,
  };
}

/* Bookings of one person on one date: only those can clash, and the rules
 * pick them out again. */
static gboolean
load_slots (RpStore       *self,
            const char    *sql,
            gint64         who,
            const char    *date,
            GStringChunk  *strings,
            GArray        *slots,
            GError       **error)
{
  sqlite3_stmt *stmt = store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, who);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpBookingSlot slot;

      slot_from_row (stmt, strings, &slot);
      g_array_append_val (slots, slot);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return set_error_from_db (self, error);

  return TRUE;
}

/* How many bookings of a day, other than @booking_id, take someone there. */
static gboolean
count_others_booked (RpStore  *self,
                     gint64    taster_day_id,
                     gint64    booking_id,
                     guint    *count,
                     GError  **error)
{
  sqlite3_stmt *stmt = store_prepare (self, "SELECT id, status FROM booking WHERE taster_day_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  *count = 0;
  sqlite3_bind_int64 (stmt, 1, taster_day_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpBookingStatus status = RP_BOOKING_INVITED;

      rp_booking_status_from_string (column_text (stmt, 1), &status);
      if (sqlite3_column_int64 (stmt, 0) != booking_id && rp_booking_rules_takes_place (status))
        (*count)++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return set_error_from_db (self, error);

  return TRUE;
}

/**
 * rp_store_check_booking:
 * @booking: a booking, saved or about to be
 * @messages: (nullable) (element-type utf8): where to add each warning in plain words
 *
 * Loads what the rules need to know about one booking and checks it with
 * rp_booking_rules_check(), the rules rp_store_summarise_taster_days()
 * applies to every saved booking at once.
 *
 * Returns: the warnings found
 */
RpBookingWarning
rp_store_check_booking (RpStore    *self,
                        RpBooking  *booking,
                        GPtrArray  *messages,
                        GError    **error)
{
  g_autoptr(RpTasterDay) day = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(RpProvider) provider = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(GStringChunk) strings = NULL;
  g_autoptr(GArray) attendee_bookings = NULL;
  g_autoptr(GArray) staff_bookings = NULL;
  RpBookingFacts facts;

  g_return_val_if_fail (RP_IS_STORE (self), RP_BOOKING_WARNING_NONE);
  g_return_val_if_fail (RP_IS_BOOKING (booking), RP_BOOKING_WARNING_NONE);

  /* Nothing to load for a booking that takes nobody anywhere. */
  if (!rp_booking_rules_takes_place (rp_booking_get_status (booking)))
    return RP_BOOKING_WARNING_NONE;

  if (!(day = rp_store_get_taster_day (self, rp_booking_get_taster_day_id (booking), error)) ||
      !(attendee = rp_store_get_attendee (self, rp_booking_get_attendee_id (booking), error)) ||
      !(provider = rp_store_get_provider (self, rp_taster_day_get_provider_id (day), error)) ||
      !(programme = rp_store_get_programme (self, rp_taster_day_get_programme_id (day), error)))
    return RP_BOOKING_WARNING_NONE;

  facts = (RpBookingFacts) {
    .booking = {
      .id = rp_booking_get_id (booking),
      .taster_day_id = rp_taster_day_get_id (day),
      .attendee_id = rp_attendee_get_id (attendee),
      .staff_id = rp_booking_get_staff_id (booking),
      .status = rp_booking_get_status (booking),
      .transport_needed = rp_booking_get_transport_needed (booking),
      .transport_arranged = rp_booking_get_transport_arranged (booking),
      .date = rp_taster_day_get_date (day),
      .start_time = rp_taster_day_get_start_time (day),
      .end_time = rp_taster_day_get_end_time (day),
      .day_cancelled = rp_taster_day_get_cancelled (day),
    },
    .places = rp_taster_day_get_places (day),
    .closure_date = rp_programme_get_closure_date (programme),
    .wheelchair_user = rp_attendee_get_wheelchair_user (attendee),
    .venue = rp_taster_day_get_venue (day),
    .day_notes = rp_taster_day_get_notes (day),
    .provider_notes = rp_provider_get_notes (provider),
  };

  if (!count_others_booked (self, facts.booking.taster_day_id, facts.booking.id, &facts.others_booked, error))
    return RP_BOOKING_WARNING_NONE;

  /* The attendee's and the staff member's bookings on the same date. */
  strings = g_string_chunk_new (256);
  attendee_bookings = g_array_new (FALSE, TRUE, sizeof (RpBookingSlot));
  staff_bookings = g_array_new (FALSE, TRUE, sizeof (RpBookingSlot));
  if (facts.booking.date != NULL)
    {
      if (!load_slots (self,
                       "SELECT " SLOT_COLUMNS " FROM booking x JOIN taster_day o ON o.id = x.taster_day_id"
                       " WHERE x.attendee_id = ?1 AND o.day = ?2",
                       facts.booking.attendee_id, facts.booking.date, strings, attendee_bookings, error))
        return RP_BOOKING_WARNING_NONE;
      if (facts.booking.staff_id > 0 &&
          !load_slots (self,
                       "SELECT " SLOT_COLUMNS " FROM booking x JOIN taster_day o ON o.id = x.taster_day_id"
                       " WHERE x.staff_id = ?1 AND o.day = ?2",
                       facts.booking.staff_id, facts.booking.date, strings, staff_bookings, error))
        return RP_BOOKING_WARNING_NONE;
    }
  facts.attendee_bookings = (const RpBookingSlot *) attendee_bookings->data;
  facts.n_attendee_bookings = attendee_bookings->len;
  facts.staff_bookings = (const RpBookingSlot *) staff_bookings->data;
  facts.n_staff_bookings = staff_bookings->len;

  return rp_booking_rules_check (&facts, messages);
}

/* Bookings filed by person and date, for the summary to find the ones that
 * may clash with each booking without a query per booking. */
typedef struct
{
  gint64      who;
  const char *date;  /* interned */
} SlotKey;

static guint
slot_key_hash (gconstpointer key)
{
  const SlotKey *k = key;

  return g_int64_hash (&k->who) ^ g_direct_hash (k->date);
}

static gboolean
slot_key_equal (gconstpointer a,
                gconstpointer b)
{
  const SlotKey *x = a, *y = b;

  return x->who == y->who && x->date == y->date;
}

static GHashTable *
slot_table_new (void)
{
  return g_hash_table_new_full (slot_key_hash, slot_key_equal, g_free, (GDestroyNotify) g_array_unref);
}

static void
file_slot (GHashTable          *table,
           gint64               who,
           const RpBookingSlot *slot)
{
  SlotKey key = { who, slot->date };
  GArray *slots;

  if (who <= 0 || slot->date == NULL)
    return;

  if (!(slots = g_hash_table_lookup (table, &key)))
    {
      slots = g_array_new (FALSE, TRUE, sizeof (RpBookingSlot));
      g_hash_table_insert (table, g_memdup2 (&key, sizeof key), slots);
    }
  g_array_append_vals (slots, slot, 1);
}

static const RpBookingSlot *
filed_slots (GHashTable *table,
             gint64      who,
             const char *date,
             guint      *n_slots)
{
  SlotKey key = { who, date };
  GArray *slots = date != NULL ? g_hash_table_lookup (table, &key) : NULL;

  *n_slots = slots != NULL ? slots->len : 0;
  return slots != NULL ? (const RpBookingSlot *) slots->data : NULL;
}

/* A taster day of the programme as the rules see it. */
typedef struct
{
  gint64      id;
  gboolean    cancelled;
  int         places;
  const char *closure_date;
  const char *venue;
  const char *notes;
  const char *provider_notes;
  guint       booked;
} SummaryDay;

typedef struct
{
  RpBookingSlot slot;
  gboolean      wheelchair_user;
  guint         day;  /* in the days array */
} SummaryBooking;

/**
 * rp_store_summarise_taster_days:
 *
 * What the agenda shows of each taster day of a programme without listing
 * its bookings: how many are booked, and how many of those bookings
 * rp_store_check_booking() would warn about. Two queries over the whole
 * programme, not one check per booking, and each booking checked by
 * rp_booking_rules_check(); a cancelled day's bookings are not checked.
 *
 * Returns: (transfer full) (element-type RpTasterDaySummary): one summary per
 *   taster day, in order of taster day id, or %NULL on error
 */
GArray *
rp_store_summarise_taster_days (RpStore  *self,
                                gint64    programme_id,
                                GError  **error)
{
  g_autoptr(GArray) summaries = g_array_new (FALSE, TRUE, sizeof (RpTasterDaySummary));
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (SummaryDay));
  g_autoptr(GArray) bookings = g_array_new (FALSE, TRUE, sizeof (SummaryBooking));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  g_autoptr(GHashTable) by_attendee = slot_table_new ();
  g_autoptr(GHashTable) by_staff = slot_table_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The programme's days, each with its bookings. */
  stmt = store_prepare (self,
                        "SELECT b.id, t.id, b.attendee_id, b.staff_id, b.status, t.day, t.start_time, t.end_time,"
                        " t.cancelled, b.transport_needed, b.transport_arranged, a.wheelchair_user, t.places,"
                        " t.venue, t.notes, p.notes, g.closure_date"
                        " FROM taster_day t JOIN provider p ON p.id = t.provider_id JOIN programme g ON g.id = t.programme_id"
                        " LEFT JOIN booking b ON b.taster_day_id = t.id LEFT JOIN attendee a ON a.id = b.attendee_id"
                        " WHERE t.programme_id = ?1 ORDER BY t.id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 day_id = sqlite3_column_int64 (stmt, 1);
      SummaryBooking booking = { .day = days->len - 1 };

      if (days->len == 0 || g_array_index (days, SummaryDay, days->len - 1).id != day_id)
        {
          SummaryDay day = {
            .id = day_id,
            .cancelled = sqlite3_column_int (stmt, 8) != 0,
            .places = sqlite3_column_int (stmt, 12),
            .venue = keep_text (strings, column_text (stmt, 13)),
            .notes = keep_text (strings, column_text (stmt, 14)),
            .provider_notes = keep_text (strings, column_text (stmt, 15)),
            .closure_date = keep_text (strings, column_text (stmt, 16)),
          };

          g_array_append_val (days, day);
          booking.day = days->len - 1;
        }

      /* A day without bookings. */
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;

      slot_from_row (stmt, strings, &booking.slot);
      booking.slot.transport_needed = sqlite3_column_int (stmt, 9) != 0;
      booking.slot.transport_arranged = sqlite3_column_int (stmt, 10) != 0;
      booking.wheelchair_user = sqlite3_column_int (stmt, 11) != 0;
      g_array_append_val (bookings, booking);
      file_slot (by_attendee, booking.slot.attendee_id, &booking.slot);
      file_slot (by_staff, booking.slot.staff_id, &booking.slot);
      if (rp_booking_rules_takes_place (booking.slot.status))
        g_array_index (days, SummaryDay, booking.day).booked++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  /* Other programmes' bookings on the same dates: a staff member works for
   * more than one. Days are few and bookings many, so the days lead. */
  stmt = store_prepare (self,
                        "SELECT " SLOT_COLUMNS " FROM taster_day o CROSS JOIN booking x ON x.taster_day_id = o.id"
                        " WHERE o.programme_id != ?1 AND o.day IN (SELECT day FROM taster_day WHERE programme_id = ?1)",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RpBookingSlot slot;

      slot_from_row (stmt, strings, &slot);
      file_slot (by_attendee, slot.attendee_id, &slot);
      file_slot (by_staff, slot.staff_id, &slot);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  for (guint i = 0; i < days->len; i++)
    {
      RpTasterDaySummary summary = {
        .taster_day_id = g_array_index (days, SummaryDay, i).id,
        .booked = g_array_index (days, SummaryDay, i).booked,
      };

      g_array_append_val (summaries, summary);
    }

  for (guint i = 0; i < bookings->len; i++)
    {
      const SummaryBooking *booking = &g_array_index (bookings, SummaryBooking, i);
      const SummaryDay *day = &g_array_index (days, SummaryDay, booking->day);
      RpBookingFacts facts;

      /* The agenda warns of nothing on a day that is called off. */
      if (day->cancelled || !rp_booking_rules_takes_place (booking->slot.status))
        continue;

      facts = (RpBookingFacts) {
        .booking = booking->slot,
        .places = day->places,
        .others_booked = day->booked - 1,
        .closure_date = day->closure_date,
        .wheelchair_user = booking->wheelchair_user,
        .venue = day->venue,
        .day_notes = day->notes,
        .provider_notes = day->provider_notes,
      };
      facts.attendee_bookings = filed_slots (by_attendee, facts.booking.attendee_id, facts.booking.date,
                                             &facts.n_attendee_bookings);
      facts.staff_bookings = filed_slots (by_staff, facts.booking.staff_id, facts.booking.date,
                                          &facts.n_staff_bookings);

      if (rp_booking_rules_check (&facts, NULL) != RP_BOOKING_WARNING_NONE)
        g_array_index (summaries, RpTasterDaySummary, booking->day).warned++;
    }

  return g_steal_pointer (&summaries);
}

static int
compare_summary_ids (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = ((const RpTasterDaySummary *) a)->taster_day_id;
  gint64 y = ((const RpTasterDaySummary *) b)->taster_day_id;

  return (x > y) - (x < y);
}

/**
 * rp_taster_day_summary_find:
 * @summaries: (element-type RpTasterDaySummary): from rp_store_summarise_taster_days()
 *
 * Returns: (nullable) (transfer none): the summary of @taster_day_id, or %NULL
 */
const RpTasterDaySummary *
rp_taster_day_summary_find (GArray *summaries,
                            gint64  taster_day_id)
{
  RpTasterDaySummary key = { .taster_day_id = taster_day_id };
  guint index;

  g_return_val_if_fail (summaries != NULL, NULL);

  if (!g_array_binary_search (summaries, &key, compare_summary_ids, &index))
    return NULL;

  return &g_array_index (summaries, RpTasterDaySummary, index);
}

typedef struct
{
  gint64  taster_day_id;
  guint  *n_bookings;
} CancelDay;

static gboolean
write_cancel_day (RpStore  *self,
                  gpointer  data,
                  GError  **error)
{
  CancelDay *cancel = data;
  sqlite3_stmt *stmt;

  stmt = store_prepare (self, "UPDATE taster_day SET cancelled = 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cancel->taster_day_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The taster day no longer exists."));
      return FALSE;
    }

  /* The bookings stay, marked cancelled, so the record shows what was planned. */
  stmt = store_prepare (self,
                        "UPDATE booking SET status = 'cancelled' WHERE taster_day_id = ?"
                        " AND status NOT IN ('declined', 'cancelled')",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cancel->taster_day_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (cancel->n_bookings != NULL)
    *cancel->n_bookings = sqlite3_changes (self->db);

  return TRUE;
}

/**
 * rp_store_cancel_taster_day:
 * @n_bookings: (out) (optional): how many bookings were marked cancelled
 *
 * Cancels a taster day and marks its bookings cancelled; nothing is deleted.
 */
gboolean
rp_store_cancel_taster_day (RpStore  *self,
                            gint64    taster_day_id,
                            guint    *n_bookings,
                            GError  **error)
{
  CancelDay cancel = { taster_day_id, n_bookings };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_write (self, write_cancel_day, &cancel, error);
}

/* Closure timetable ----------------------------------------------------- */

#define ACTION_COLUMNS "id, programme_id, activity, owner, due_date, status, position"

static RpTimetableAction *
action_from_row (sqlite3_stmt *stmt)
{
  RpTimetableAction *action = rp_timetable_action_new ();
  RpActionStatus status = RP_ACTION_NOT_STARTED;

  rp_action_status_from_string (column_text (stmt, 5), &status);
  rp_timetable_action_set_id (action, sqlite3_column_int64 (stmt, 0));
  rp_timetable_action_set_programme_id (action, sqlite3_column_int64 (stmt, 1));
  rp_timetable_action_set_activity (action, column_text (stmt, 2));
  rp_timetable_action_set_owner (action, column_text (stmt, 3));
  rp_timetable_action_set_due_date (action, column_text (stmt, 4));
  rp_timetable_action_set_status (action, status);
  rp_timetable_action_set_position (action, sqlite3_column_int (stmt, 6));
  return action;
}

/**
 * rp_store_list_actions:
 * Returns: (transfer full): a #GListModel of #RpTimetableAction in timetable order
 */
GListModel *
rp_store_list_actions (RpStore  *self,
                       gint64    programme_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " ACTION_COLUMNS " FROM timetable_action WHERE programme_id = ?"
                        " ORDER BY position, id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  return collect_rows (self, stmt, RP_TYPE_TIMETABLE_ACTION, (RowFunc) action_from_row, error);
}

static gboolean
write_action (RpStore  *self,
              gpointer  data,
              GError  **error)
{
  RpTimetableAction *action = data;
  gint64 id = rp_timetable_action_get_id (action);
  sqlite3_stmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO timetable_action (programme_id, activity, owner, due_date, status,"
                          " position, id) VALUES (?, ?, ?, ?, ?, ?, NULL)"
                        : "UPDATE timetable_action SET programme_id = ?, activity = ?, owner = ?,"
                          " due_date = ?, status = ?, position = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rp_timetable_action_get_programme_id (action));
  bind_text (stmt, 2, rp_timetable_action_get_activity (action));
  bind_text (stmt, 3, rp_timetable_action_get_owner (action));
  bind_text (stmt, 4, rp_timetable_action_get_due_date (action));
  bind_text (stmt, 5, rp_action_status_to_string (rp_timetable_action_get_status (action)));
  sqlite3_bind_int (stmt, 6, rp_timetable_action_get_position (action));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 7, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_timetable_action_set_id (action, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The timetable action no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_add_action (RpStore            *self,
                     RpTimetableAction  *action,
                     GError            **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (action), FALSE);
  g_return_val_if_fail (rp_timetable_action_get_id (action) == 0, FALSE);

  if (!rp_timetable_action_validate (action, error))
    return FALSE;

  if (!store_write (self, write_action, action, error))
    {
      rp_timetable_action_set_id (action, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_save_action (RpStore            *self,
                      RpTimetableAction  *action,
                      GError            **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TIMETABLE_ACTION (action), FALSE);
  g_return_val_if_fail (rp_timetable_action_get_id (action) > 0, FALSE);

  if (!rp_timetable_action_validate (action, error))
    return FALSE;

  return store_write (self, write_action, action, error);
}

typedef struct
{
  gint64 action_id;
  int    offset;
} MoveAction;

static gboolean
write_move_action (RpStore  *self,
                   gpointer  data,
                   GError  **error)
{
  MoveAction *move = data;
  g_autoptr(GListModel) actions = NULL;
  gint64 programme_id = 0;
  sqlite3_stmt *stmt;
  guint n, from = G_MAXUINT;
  int to;

  stmt = store_prepare (self, "SELECT programme_id FROM timetable_action WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, move->action_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    programme_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (programme_id == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The timetable action no longer exists."));
      return FALSE;
    }

  if (!(actions = rp_store_list_actions (self, programme_id, error)))
    return FALSE;

  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RpTimetableAction) action = g_list_model_get_item (actions, i);
      if (rp_timetable_action_get_id (action) == move->action_id)
        from = i;
    }

  to = CLAMP ((int) from + move->offset, 0, (int) n - 1);

  /* Renumber every action 1..n in the new order, so positions stay tidy. */
  stmt = store_prepare (self, "UPDATE timetable_action SET position = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0, position = 1; i < n; i++)
    {
      guint source = i;
      g_autoptr(RpTimetableAction) action = NULL;

      /* Walk the list as it will be after moving item @from to @to. */
      if ((int) i == to)
        source = from;
      else if (from < (guint) to && i >= from && (int) i < to)
        source = i + 1;
      else if (from > (guint) to && (int) i > to && i <= from)
        source = i - 1;

      action = g_list_model_get_item (actions, source);
      sqlite3_bind_int (stmt, 1, position++);
      sqlite3_bind_int64 (stmt, 2, rp_timetable_action_get_id (action));
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rp_store_move_action:
 * @offset: how many places to move: -1 up, 1 down
 *
 * Moves an action within the timetable's order.
 */
gboolean
rp_store_move_action (RpStore  *self,
                      gint64    action_id,
                      int       offset,
                      GError  **error)
{
  MoveAction move = { action_id, offset };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_write (self, write_move_action, &move, error);
}

/* Audit trail ----------------------------------------------------------- */

#define AUDIT_COLUMNS \
  "id, recorded_at, user, table_name, record_id, field, old_value, new_value, action"

static RpAuditEntry *
audit_entry_from_row (sqlite3_stmt *stmt)
{
  RpAuditEntry *entry = rp_audit_entry_new ();

  rp_audit_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
  rp_audit_entry_set_recorded_at (entry, column_text (stmt, 1));
  rp_audit_entry_set_user (entry, column_text (stmt, 2));
  rp_audit_entry_set_table_name (entry, column_text (stmt, 3));
  rp_audit_entry_set_record_id (entry, sqlite3_column_int64 (stmt, 4));
  rp_audit_entry_set_field (entry, column_text (stmt, 5));
  rp_audit_entry_set_old_value (entry, column_text (stmt, 6));
  rp_audit_entry_set_new_value (entry, column_text (stmt, 7));
  rp_audit_entry_set_action (entry, column_text (stmt, 8));
  return entry;
}

/**
 * rp_store_list_audit:
 * @table_name: (nullable): only changes to this table
 * @record_id: only changes to this record, if @table_name is set
 *
 * Returns: (transfer full): a #GListModel of #RpAuditEntry, newest first
 */
GListModel *
rp_store_list_audit (RpStore     *self,
                     const char  *table_name,
                     gint64       record_id,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  /* Two statements, not one with "?1 IS NULL OR": SQLite cannot use the
   * audit_record index for an OR, and read every change ever made to show
   * one attendee's (0.3 s at 100,000 attendees). */
  if (table_name != NULL)
    stmt = store_prepare (self,
                          "SELECT " AUDIT_COLUMNS " FROM audit WHERE table_name = ? AND record_id = ?"
                          " ORDER BY id DESC",
                          error);
  else
    stmt = store_prepare (self, "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;

  if (table_name != NULL)
    {
      bind_text (stmt, 1, table_name);
      sqlite3_bind_int64 (stmt, 2, record_id);
    }

  return collect_rows (self, stmt, RP_TYPE_AUDIT_ENTRY, (RowFunc) audit_entry_from_row, error);
}
