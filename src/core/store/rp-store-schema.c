/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-schema.c: the schema: its migrations, the audit triggers and the safeguards that protect them */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-error.h"
#include "rp-store-internal.h"

/* The table of links between timetable actions and taster days. */
#define TASTER_DAY_LINKS_MIGRATION \
  "CREATE TABLE IF NOT EXISTS timetable_action_taster_day (" \
  "  id INTEGER PRIMARY KEY AUTOINCREMENT," \
  "  action_id INTEGER NOT NULL REFERENCES timetable_action (id) ON DELETE CASCADE," \
  "  taster_day_id INTEGER NOT NULL REFERENCES taster_day (id) ON DELETE CASCADE," \
  "  UNIQUE (action_id, taster_day_id)" \
  ");" \
  "CREATE INDEX IF NOT EXISTS timetable_action_taster_day_day ON timetable_action_taster_day (taster_day_id);"

/* SQLite cannot widen a CHECK: the export history is rebuilt by its ALTER
 * TABLE recipe (foreign keys are off while the runner migrates), keeping
 * every row, its id and the ids never given out again (the old table's
 * counter may be past the newest row after an erasure); its index and its
 * guards come back exactly as they were, the audit triggers from the runner.
 * @kinds: the kinds it takes, as SQL strings. */
#define REBUILD_EXPORT_RECORD(kinds) \
  "DROP TRIGGER IF EXISTS audit_export_record_insert;" \
  "DROP TRIGGER IF EXISTS audit_export_record_update;" \
  "DROP TRIGGER IF EXISTS audit_export_record_delete;" \
  "DROP TRIGGER export_record_no_update;" \
  "DROP TRIGGER export_record_no_delete;" \
  "CREATE TABLE new_export_record (" \
  "  id INTEGER PRIMARY KEY AUTOINCREMENT," \
  "  programme_id INTEGER REFERENCES programme (id)," \
  "  recorded_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))," \
  "  user TEXT NOT NULL," \
  "  kind TEXT NOT NULL CHECK (kind IN (" kinds "))," \
  "  format TEXT NOT NULL CHECK (format IN ('pdf', 'xlsx', 'csv', 'print', 'ics'))," \
  "  tables TEXT," \
  "  as_of TEXT," \
  "  compare_with TEXT," \
  "  suppress_below INTEGER NOT NULL DEFAULT 0 CHECK (suppress_below >= 0)," \
  "  file_name TEXT," \
  "  reason TEXT" \
  ");" \
  "INSERT INTO new_export_record (id, programme_id, recorded_at, user, kind, format, tables, as_of," \
  "                               compare_with, suppress_below, file_name, reason)" \
  "  SELECT id, programme_id, recorded_at, user, kind, format, tables, as_of," \
  "         compare_with, suppress_below, file_name, reason FROM export_record;" \
  "UPDATE sqlite_sequence SET seq = max (seq, (SELECT o.seq FROM sqlite_sequence o WHERE o.name = 'export_record'))" \
  "  WHERE name = 'new_export_record' AND EXISTS (SELECT 1 FROM sqlite_sequence o WHERE o.name = 'export_record');" \
  "INSERT INTO sqlite_sequence (name, seq)" \
  "  SELECT 'new_export_record', seq FROM sqlite_sequence WHERE name = 'export_record'" \
  "    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'new_export_record');" \
  "DROP TABLE export_record;" \
  "ALTER TABLE new_export_record RENAME TO export_record;" \
  "CREATE INDEX export_record_programme ON export_record (programme_id, id);" \
  "CREATE TRIGGER export_record_no_update BEFORE UPDATE ON export_record WHEN NOT rp_erasing () BEGIN" \
  "  SELECT RAISE (ABORT, 'The export history cannot be changed.');" \
  "END;" \
  "CREATE TRIGGER export_record_no_delete BEFORE DELETE ON export_record WHEN NOT rp_erasing () BEGIN" \
  "  SELECT RAISE (ABORT, 'The export history cannot be changed.');" \
  "END;"

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

  /* 7 → 8: the report's front matter, remembered per programme so the
   * agenda pack's report is the same each time it is made */
  "ALTER TABLE programme ADD COLUMN department TEXT;"
  "ALTER TABLE programme ADD COLUMN author TEXT;"
  "ALTER TABLE programme ADD COLUMN meeting TEXT;"
  "ALTER TABLE programme ADD COLUMN meeting_date TEXT;"
  "ALTER TABLE programme ADD COLUMN report_as_of TEXT;"
  "ALTER TABLE programme ADD COLUMN marking TEXT;",

  /* 8 → 9: a due date as people write it when it is not one date:
   * "tbc", or "IBC 30 Sept, Pathfinders 10 & 19 Oct". An action has a due
   * date or a due note, never both. */
  "ALTER TABLE timetable_action ADD COLUMN due_note TEXT"
  "  CHECK (due_note IS NULL OR (length (due_note) > 0 AND due_date IS NULL));",

  /* 9 → 10: whom a family calls with questions about their taster days:
   * the allocated worker's number, or the programme's contact for families
   * ("the day centre office") where the worker has none */
  "ALTER TABLE worker ADD COLUMN phone TEXT;"
  "ALTER TABLE programme ADD COLUMN family_contact TEXT;"
  "ALTER TABLE programme ADD COLUMN family_contact_phone TEXT;",

  /* 10 → 11: a timetable action linked to taster days of its programme,
   * which prints their dates itself ("IBC 30 Sep, Pathfinders 10 & 19
   * Oct"). A link goes when its action or its day does, and the audit
   * trail records it like every other row. Written to run once whatever
   * number it ends up with. */
  TASTER_DAY_LINKS_MIGRATION,

  /* 11 → 12: after the move. How long after a move its follow-up review
   * falls and how long a family may go without contact, per programme; a
   * move to interim provision with the permanent place planned; the
   * person's and their family contact's communication needs (the
   * Accessible Information Standard's record, kept as keys the core
   * checks); the outcomes written into the moving plan, the reviews that
   * rate them, and the log of contact with families. Ids are never given
   * out again, as everywhere since version 7. */
  "ALTER TABLE programme ADD COLUMN follow_up_weeks INTEGER NOT NULL DEFAULT 6"
  "  CHECK (follow_up_weeks BETWEEN 1 AND 52);"
  "ALTER TABLE programme ADD COLUMN contact_due_days INTEGER NOT NULL DEFAULT 14"
  "  CHECK (contact_due_days BETWEEN 1 AND 365);"
  "ALTER TABLE attendee ADD COLUMN interim INTEGER NOT NULL DEFAULT 0 CHECK (interim IN (0, 1));"
  "ALTER TABLE attendee ADD COLUMN permanent_provider_id INTEGER REFERENCES provider (id);"
  "ALTER TABLE attendee ADD COLUMN permanent_date TEXT;"
  "ALTER TABLE attendee ADD COLUMN communication_needs TEXT;"
  "ALTER TABLE attendee ADD COLUMN interpreter_language TEXT;"
  "ALTER TABLE attendee ADD COLUMN preferred_contact TEXT"
  "  CHECK (preferred_contact IS NULL OR preferred_contact IN ('letter', 'phone', 'text', 'email', 'visit', 'video-call'));"
  "ALTER TABLE attendee ADD COLUMN communication_notes TEXT;"
  "ALTER TABLE attendee ADD COLUMN contact_communication_needs TEXT;"
  "ALTER TABLE attendee ADD COLUMN contact_interpreter_language TEXT;"
  "ALTER TABLE attendee ADD COLUMN contact_preferred_contact TEXT"
  "  CHECK (contact_preferred_contact IS NULL OR contact_preferred_contact IN ('letter', 'phone', 'text', 'email', 'visit', 'video-call'));"
  "CREATE TABLE planned_outcome ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  attendee_id INTEGER NOT NULL REFERENCES attendee (id) ON DELETE CASCADE,"
  "  description TEXT NOT NULL CHECK (length (description) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  written_on TEXT"
  ");"
  "CREATE INDEX planned_outcome_attendee ON planned_outcome (attendee_id, position);"
  "CREATE TABLE review ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  attendee_id INTEGER NOT NULL REFERENCES attendee (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'follow-up' CHECK (kind IN ('follow-up', 'annual')),"
  "  held_on TEXT NOT NULL,"
  "  reviewer_id INTEGER REFERENCES worker (id),"
  "  took_part TEXT,"
  "  placement_continues INTEGER CHECK (placement_continues IN (0, 1)),"
  "  actions TEXT,"
  "  notes TEXT"
  ");"
  "CREATE INDEX review_attendee ON review (attendee_id, held_on);"
  "CREATE TABLE review_outcome ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  outcome_id INTEGER NOT NULL REFERENCES planned_outcome (id) ON DELETE CASCADE,"
  "  rating TEXT NOT NULL CHECK (rating IN ('met', 'partly-met', 'not-met')),"
  "  note TEXT,"
  "  UNIQUE (review_id, outcome_id)"
  ");"
  "CREATE INDEX review_outcome_outcome ON review_outcome (outcome_id);"
  "CREATE TABLE contact_log ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  attendee_id INTEGER NOT NULL REFERENCES attendee (id) ON DELETE CASCADE,"
  "  contacted_on TEXT NOT NULL,"
  "  worker_id INTEGER REFERENCES worker (id),"
  "  with_whom TEXT NOT NULL DEFAULT 'family'"
  "    CHECK (with_whom IN ('family', 'person', 'provider', 'advocate', 'other')),"
  "  with_name TEXT,"
  "  method TEXT NOT NULL CHECK (method IN ('letter', 'phone', 'visit', 'meeting', 'email')),"
  "  summary TEXT,"
  "  follow_up_needed INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_needed IN (0, 1))"
  ");"
  "CREATE INDEX contact_log_attendee ON contact_log (attendee_id, contacted_on);",

  /* 12 → 13: the export history names calendars (iCalendar, .ics) and the
   * contact log for what they are, where version 12 could only call them a
   * family schedule (CSV) and attendees with all fields. The contact log gets
   * an index that answers "newest contact with the family or advocate"
   * without reading the rows, and each programme the day its contact log
   * began, from which the attention rule counts when nobody has been
   * contacted yet: today for a programme that had none until now. */
  REBUILD_EXPORT_RECORD ("'report', 'print', 'family-schedule', 'attendees-all-fields', "
                         "'family-calendar', 'staff-calendar', 'contact-log'")
  "CREATE INDEX contact_log_attendee_with ON contact_log (attendee_id, with_whom, contacted_on);"
  "ALTER TABLE programme ADD COLUMN contact_log_since TEXT;"
  "UPDATE programme SET contact_log_since = rp_today ();",

  /* 13 → 14: the export history names the reviews CSV for what it is. */
  REBUILD_EXPORT_RECORD ("'report', 'print', 'family-schedule', 'attendees-all-fields', "
                         "'family-calendar', 'staff-calendar', 'contact-log', 'reviews'"),

  /* 14 → 15: each record with personal names keeps their folded words
   * (rp_name_index_stored_words (), through rp_name_words () below), which
   * the store writes with every name from now on. A team database's name
   * check reads them, so the rule for a name's words is the core's alone;
   * the file has them too, so that the two schemas stay one. They follow
   * the names, which are audited, so they are not audited themselves. */
  "ALTER TABLE attendee ADD COLUMN name_words TEXT;"
  "ALTER TABLE booking ADD COLUMN name_words TEXT;"
  "ALTER TABLE worker ADD COLUMN name_words TEXT;"
  "ALTER TABLE provider ADD COLUMN name_words TEXT;"
  "UPDATE attendee SET name_words = rp_name_words (full_name, preferred_name, contact_name);"
  "UPDATE booking SET name_words = rp_name_words (family_attending);"
  "UPDATE worker SET name_words = rp_name_words (name);"
  "UPDATE provider SET name_words = rp_name_words (contact_name);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RP_STORE_SCHEMA_VERSION);

/* Tables whose every change goes into the audit trail. */
const char * const audited_tables[] = {
  "programme", "worker", "provider", "attendee", "step_change",
  "taster_day", "booking", "timetable_action", "name_confirmation", "export_record",
  "timetable_action_taster_day", "planned_outcome", "review", "review_outcome", "contact_log",
};

const guint n_audited_tables = G_N_ELEMENTS (audited_tables);

/* SQL functions used by the triggers and the queries ----------------------- */

static void
sql_audit_user (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  RpStore *self = sqlite3_user_data (context);

  sqlite3_result_text (context, self->user, -1, SQLITE_TRANSIENT);
}

/* The core's folded words of the names given (rp_name_index_stored_words ()),
 * for the migration that fills the name_words columns. */
static void
sql_name_words (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  g_autofree const char **names = g_new0 (const char *, MAX (argc, 1));
  g_autofree char *words = NULL;

  for (int i = 0; i < argc; i++)
    names[i] = (const char *) sqlite3_value_text (argv[i]);
  words = rp_name_index_stored_words (names, argc);
  if (words != NULL)
    sqlite3_result_text (context, words, -1, SQLITE_TRANSIENT);
  else
    sqlite3_result_null (context);
}

static void
sql_erasing (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  RpStore *self = sqlite3_user_data (context);

  sqlite3_result_int (context, self->erasing);
}

/* The store's day (a test's or the command line's --today, else the
 * clock's), so a migration dates what it starts as the rest of the app would. */
static void
sql_today (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  RpStore *self = sqlite3_user_data (context);
  g_autofree char *today = rp_store_dup_today (self);

  sqlite3_result_text (context, today, -1, SQLITE_TRANSIENT);
}

/* Audit triggers are generated from the live table definitions, so a
 * migration that adds a column is audited without further work. */
static gboolean
create_audit_triggers (RpStore  *self,
                       GError  **error)
{
  for (guint i = 0; i < n_audited_tables; i++)
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
          const char *column = (const char *) sqlite3_column_text (stmt, 1);
          const char *sep = inserted->len > 0 ? " UNION ALL " : "";

          /* name_words follows the names (version 15): not audited again. */
          if (g_str_equal (column, "id") || g_str_equal (column, "name_words"))
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

void
register_functions (RpStore *self)
{
  sqlite3_create_function (self->db, "rp_audit_user", 0, SQLITE_UTF8, self, sql_audit_user, NULL, NULL);
  sqlite3_create_function (self->db, "rp_erasing", 0, SQLITE_UTF8, self, sql_erasing, NULL, NULL);
  sqlite3_create_function (self->db, "rp_today", 0, SQLITE_UTF8, self, sql_today, NULL, NULL);
  sqlite3_create_function (self->db, "rp_name_words", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                           sql_name_words, NULL, NULL);
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

/* Foreign keys are off while migrating (a pragma that only works outside a
 * transaction): a migration that rebuilds a table drops it, which would
 * otherwise delete the rows that refer to it. Each step checks the
 * references itself before it commits. */
gboolean
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
      rp_error_set_from_sqlite (error, SQLITE_NOMEM, "");
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

      value[0] = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      value[1] = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_hash_table_insert (table, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), value);
    }
  sqlite3_finalize (stmt);

  triggers = g_steal_pointer (&table);
  return triggers;
}

static gpointer
prepare_safeguards_in_thread (gpointer data)
{
  reference_triggers (NULL);
  return NULL;
}

/**
 * rp_store_prepare_safeguards:
 *
 * Builds, in a thread of its own, what every open for writing compares the
 * file's safeguards with, so that an application can have it ready while
 * it starts up, and its first open does not wait for it.
 */
void
rp_store_prepare_safeguards (void)
{
  g_thread_unref (g_thread_new ("rp-safeguards", prepare_safeguards_in_thread, NULL));
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
      rp_error_set_from_sqlite (error, sqlite3_extended_errcode (db), sqlite3_errmsg (db));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      char **expected = g_hash_table_lookup (reference, name);

      if (expected == NULL)
        add_trigger_problem (problems, name, (const char *) sqlite3_column_text (stmt, 1), RP_TRIGGER_UNKNOWN);
      else
        {
          g_hash_table_add (seen, g_strdup (name));
          if (g_strcmp0 (expected[0], (const char *) sqlite3_column_text (stmt, 2)) != 0)
            add_trigger_problem (problems, name, (const char *) sqlite3_column_text (stmt, 1), RP_TRIGGER_CHANGED);
        }
    }
  if (rc != SQLITE_DONE)
    rp_error_set_from_sqlite (error, sqlite3_extended_errcode (db), sqlite3_errmsg (db));
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
gboolean
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
  RpStmt *stmt;

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

  /* A team database's triggers belong to its owner role; staff cannot change them. */
  if (rp_store_location_is_team (path))
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_INVALID,
                           _("This works on a database file only, not on a team database: its safeguards "
                             "belong to the server, where only the database administrator can change them."));
      return FALSE;
    }

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
