/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sql-dialect.c: the store's SQLite statements rewritten for the team database on PostgreSQL */

#include "config.h"

#include "store/rp-sql-dialect.h"

static void
assert_postgres (const char *sqlite,
                 const char *expected,
                 guint       expected_params)
{
  guint n_params = 999;
  g_autofree char *postgres = rp_sql_to_postgres (sqlite, &n_params);

  g_assert_cmpstr (postgres, ==, expected);
  g_assert_cmpuint (n_params, ==, expected_params);
}

static void
test_parameters (void)
{
  g_test_summary ("Parameters are numbered as SQLite numbers them: ?N keeps N, a bare ? takes one more than the largest so far");

  assert_postgres ("SELECT 1", "SELECT 1", 0);
  assert_postgres ("SELECT id FROM attendee WHERE programme_id = ?1 AND number = ?2",
                   "SELECT id FROM attendee WHERE programme_id = $1 AND number = $2", 2);
  assert_postgres ("INSERT INTO erased_name (digest) VALUES (?)", "INSERT INTO erased_name (digest) VALUES ($1)", 1);
  assert_postgres ("UPDATE t SET a = ?, b = ?, c = ?", "UPDATE t SET a = $1, b = $2, c = $3", 3);
  /* As SQLite: after ?5 a bare ? is 6; a repeated ?N is the same parameter. */
  assert_postgres ("SELECT ?5, ?, ?2, ?, ?2", "SELECT $5, $6, $2, $7, $2", 7);
  assert_postgres ("SELECT ?12+?", "SELECT $12+$13", 13);
  /* The count may be left out. */
  g_free (rp_sql_to_postgres ("SELECT ?", NULL));
}

static void
test_quotes (void)
{
  g_test_summary ("Text in quotes is never rewritten: a question mark, a keyword or a quote in it stays as written");

  assert_postgres ("SELECT 'why?', ?", "SELECT 'why?', $1", 1);
  assert_postgres ("SELECT 'it''s ?1 user IS ?', \"user\" FROM audit WHERE note = ?",
                   "SELECT 'it''s ?1 user IS ?', \"user\" FROM audit WHERE note = $1", 1);
  assert_postgres ("SELECT \"a ?\" FROM \"user\"", "SELECT \"a ?\" FROM \"user\"", 0);
  assert_postgres ("SELECT 'INSERT OR IGNORE INTO x' -- user ?\n, ?", "SELECT 'INSERT OR IGNORE INTO x' -- user ?\n, $1", 1);
  assert_postgres ("SELECT /* ? */ ?", "SELECT /* ? */ $1", 1);
  /* An unterminated quote runs to the end, as it is the server's to refuse. */
  assert_postgres ("SELECT 'a ?", "SELECT 'a ?", 0);
}

static void
test_insert_or_ignore (void)
{
  g_test_summary ("INSERT OR IGNORE becomes INSERT … ON CONFLICT DO NOTHING, in each statement, before RETURNING");

  assert_postgres ("INSERT OR IGNORE INTO erased_name (digest) VALUES (?)",
                   "INSERT INTO erased_name (digest) VALUES ($1) ON CONFLICT DO NOTHING", 1);
  assert_postgres ("insert or ignore into t (a) values (1);  ",
                   "INSERT into t (a) values (1) ON CONFLICT DO NOTHING;  ", 0);
  assert_postgres ("INSERT OR IGNORE INTO t (a) SELECT x FROM u WHERE (y = 1) RETURNING id",
                   "INSERT INTO t (a) SELECT x FROM u WHERE (y = 1) ON CONFLICT DO NOTHING RETURNING id", 0);
  assert_postgres ("INSERT OR IGNORE INTO t (a) VALUES (1); INSERT INTO t (a) VALUES (2)",
                   "INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING; INSERT INTO t (a) VALUES (2)", 0);
  /* Not at the start of a statement, the words are left alone. */
  assert_postgres ("SELECT 'INSERT OR IGNORE'", "SELECT 'INSERT OR IGNORE'", 0);
}

static void
test_is_distinct (void)
{
  g_test_summary ("IS and IS NOT between two values compare as IS NOT DISTINCT FROM and IS DISTINCT FROM; IS NULL stays");

  assert_postgres ("UPDATE attendee SET step = ?1 WHERE id = ?2 AND step IS ?3",
                   "UPDATE attendee SET step = $1 WHERE id = $2 AND step IS NOT DISTINCT FROM $3", 3);
  assert_postgres ("SELECT 1 WHERE a IS NOT ?", "SELECT 1 WHERE a IS DISTINCT FROM $1", 1);
  assert_postgres ("SELECT 1 WHERE new.a IS NOT old.a OR b is c",
                   "SELECT 1 WHERE new.a IS DISTINCT FROM old.a OR b IS NOT DISTINCT FROM c", 0);
  assert_postgres ("SELECT 1 WHERE a IS 'x' OR b IS (SELECT 2) OR c IS 3",
                   "SELECT 1 WHERE a IS NOT DISTINCT FROM 'x' OR b IS NOT DISTINCT FROM (SELECT 2) OR c IS NOT DISTINCT FROM 3", 0);
  assert_postgres ("SELECT 1 WHERE a IS NULL AND b IS NOT NULL AND c IS TRUE AND d IS NOT false AND e IS DISTINCT FROM f",
                   "SELECT 1 WHERE a IS NULL AND b IS NOT NULL AND c IS TRUE AND d IS NOT false AND e IS DISTINCT FROM f", 0);
}

static void
test_collate_nocase (void)
{
  g_test_summary ("COLLATE NOCASE orders by the team schema's case-insensitive collation");

  assert_postgres ("SELECT id FROM worker ORDER BY name COLLATE NOCASE, id",
                   "SELECT id FROM worker ORDER BY name COLLATE reprovision.nocase, id", 0);
  assert_postgres ("SELECT id FROM worker ORDER BY name collate nocase", "SELECT id FROM worker ORDER BY name COLLATE reprovision.nocase", 0);
  /* Other collations are the server's business. */
  assert_postgres ("SELECT 1 ORDER BY a COLLATE \"C\"", "SELECT 1 ORDER BY a COLLATE \"C\"", 0);
}

static void
test_now (void)
{
  g_test_summary ("The file's moment of recording is the statement's time on the server");

  assert_postgres ("INSERT INTO audit (recorded_at) VALUES (coalesce (?1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')))",
                   "INSERT INTO audit (recorded_at) VALUES (coalesce ($1, statement_timestamp ()))", 1);
  assert_postgres ("SELECT strftime('%Y-%m-%dT%H:%M:%fZ','now')", "SELECT statement_timestamp ()", 0);
  /* Another format is not the moment of recording, and stays (for the check to find). */
  assert_postgres ("SELECT strftime ('%Y', 'now')", "SELECT strftime ('%Y', 'now')", 0);
}

static void
test_user_column (void)
{
  g_test_summary ("The column user is quoted, as PostgreSQL reserves the word; rp_audit_user () and quoted text are not");

  assert_postgres ("INSERT INTO audit (user, table_name) VALUES (rp_audit_user (), 'user')",
                   "INSERT INTO audit (\"user\", table_name) VALUES (rp_audit_user (), 'user')", 0);
  assert_postgres ("SELECT a.user, wheelchair_user FROM audit a", "SELECT a.\"user\", wheelchair_user FROM audit a", 0);
}

static void
test_other_words (void)
{
  g_test_summary ("LIKE ignores case as in SQLite, random bytes and ifnull have their PostgreSQL names, BEGIN takes no mode, CROSS JOIN … ON is a JOIN");

  assert_postgres ("DELETE FROM name_confirmation WHERE place LIKE 'attendee/' || ? || '/%'",
                   "DELETE FROM name_confirmation WHERE place ILIKE 'attendee/' || $1 || '/%'", 1);
  assert_postgres ("SELECT 1 WHERE a NOT LIKE 'x%'", "SELECT 1 WHERE a NOT ILIKE 'x%'", 0);
  assert_postgres ("INSERT OR IGNORE INTO erasure_key (id, key) VALUES (1, randomblob (32))",
                   "INSERT INTO erasure_key (id, key) VALUES (1, rp_random_bytes (32)) ON CONFLICT DO NOTHING", 0);
  assert_postgres ("SELECT ifnull (a, 0)", "SELECT coalesce (a, 0)", 0);
  assert_postgres ("BEGIN IMMEDIATE", "BEGIN", 0);
  assert_postgres ("begin deferred;", "BEGIN;", 0);
  assert_postgres ("SAVEPOINT rp_write", "SAVEPOINT rp_write", 0);
  /* SQLite's CROSS JOIN … ON keeps the join order; PostgreSQL takes JOIN … ON. */
  assert_postgres ("SELECT 1 FROM taster_day o CROSS JOIN booking x ON x.taster_day_id = o.id",
                   "SELECT 1 FROM taster_day o JOIN booking x ON x.taster_day_id = o.id", 0);
  assert_postgres ("SELECT 1 FROM a CROSS JOIN b AS c ON c.x = a.x", "SELECT 1 FROM a JOIN b AS c ON c.x = a.x", 0);
  assert_postgres ("SELECT 1 FROM a CROSS JOIN b WHERE b.x = a.x", "SELECT 1 FROM a CROSS JOIN b WHERE b.x = a.x", 0);
}

static void
test_audit_writes (void)
{
  g_test_summary ("The store's own writes to the audit trail become calls of the owner's functions; any other write to it is left as it is, for the server to refuse");

  /* The restore note, however it is laid out. */
  assert_postgres ("INSERT INTO audit (user, table_name, record_id, action, field, new_value)"
                   " VALUES (?, 'database', 0, 'restore', 'backup', ?)",
                   "SELECT FROM rp_store_note ($1, 'database', 0, 'restore', 'backup', $2)", 2);
  assert_postgres ("  INSERT INTO audit (user, table_name, record_id, action, field, new_value)\n"
                   "  VALUES (?,   'database', 0, 'restore', 'backup', ?) ",
                   "SELECT FROM rp_store_note ($1, 'database', 0, 'restore', 'backup', $2)", 2);
  assert_postgres ("INSERT INTO audit (recorded_at, user, table_name, record_id, action, field, old_value)"
                   " VALUES (?, ?, 'attendee', ?, 'delete', 'number', ?)",
                   "SELECT FROM rp_erase_tombstone ($1, $2, $3, $4)", 4);
  /* Anything else is not: another note, space inside a word or a quote, another statement. */
  assert_postgres ("INSERT INTO audit (user, table_name, record_id, action, field, new_value)"
                   " VALUES (?, 'database', 0, 'restore', 'forged', ?)",
                   "INSERT INTO audit (\"user\", table_name, record_id, action, field, new_value)"
                   " VALUES ($1, 'database', 0, 'restore', 'forged', $2)", 2);
  assert_postgres ("INSERT INTO audit (user, table_name, record_id, action, field, new_value)"
                   " VALUES (?, 'database', 0, 'restore', 'back up', ?)",
                   "INSERT INTO audit (\"user\", table_name, record_id, action, field, new_value)"
                   " VALUES ($1, 'database', 0, 'restore', 'back up', $2)", 2);
  assert_postgres ("DELETE FROM audit WHERE table_name = ?1 AND record_id = ?2",
                   "DELETE FROM audit WHERE table_name = $1 AND record_id = $2", 2);
  assert_postgres ("UPDATE audit SET old_value = NULL", "UPDATE audit SET old_value = NULL", 0);
  /* The export history's one insert (rp-export-record.c), which a reports login makes too. */
  assert_postgres ("INSERT INTO export_record (programme_id, user, kind, format, tables, as_of, compare_with,"
                   " suppress_below, file_name, reason)"
                   " VALUES (nullif (?1, 0), rp_audit_user (), ?2, ?3, ?4, ?5, ?6, ?7, ?8, nullif (?9, ''))",
                   "SELECT FROM reprovision_report.rp_record_export ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9);
  /* And the name check's confirmation (rp-store-attendees.c), a reports login's too (team schema 6). */
  assert_postgres ("INSERT OR IGNORE INTO name_confirmation (programme_id, place, text_digest, word, confirmed_by)"
                   " VALUES (?, ?, ?, ?, ?)",
                   "SELECT FROM reprovision_report.rp_confirm_not_a_name ($1, $2, $3, $4, $5)", 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sql-dialect/parameters", test_parameters);
  g_test_add_func ("/core/sql-dialect/quotes", test_quotes);
  g_test_add_func ("/core/sql-dialect/insert-or-ignore", test_insert_or_ignore);
  g_test_add_func ("/core/sql-dialect/is-distinct", test_is_distinct);
  g_test_add_func ("/core/sql-dialect/collate-nocase", test_collate_nocase);
  g_test_add_func ("/core/sql-dialect/now", test_now);
  g_test_add_func ("/core/sql-dialect/user-column", test_user_column);
  g_test_add_func ("/core/sql-dialect/other-words", test_other_words);
  g_test_add_func ("/core/sql-dialect/audit-writes", test_audit_writes);

  return g_test_run ();
}
