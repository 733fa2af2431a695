/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-sql-dialect.c: the store's SQL, written for SQLite, as PostgreSQL text for the team database */

#include "config.h"

#include <string.h>

#include "rp-sql-dialect.h"

/*
 * The store's SQL is written once, for SQLite, and kept portable where both
 * dialects accept the same text (NOT archived, date (recorded_at), true and
 * false, coalesce, RETURNING). What cannot be written portably is rewritten
 * here, word by word, never inside quoted text:
 *
 * - `?N` becomes `$N`; a bare `?` takes one more than the largest number so
 *   far, as SQLite numbers it.
 * - `INSERT OR IGNORE INTO …` becomes `INSERT INTO … ON CONFLICT DO NOTHING`
 *   (before a RETURNING clause, if any).
 * - `a IS b` and `a IS NOT b`, where b is a value rather than NULL, TRUE or
 *   FALSE, become `IS NOT DISTINCT FROM` and `IS DISTINCT FROM`.
 * - `COLLATE NOCASE` becomes `COLLATE reprovision.nocase`: a nondeterministic
 *   ICU collation (case-insensitive, accent-sensitive) that the team
 *   schema's migration 3 makes. It only orders and compares; the store uses
 *   it in ORDER BY only.
 * - `LIKE` becomes `ILIKE`: SQLite's LIKE ignores case (in ASCII letters).
 * - `strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')`, the file's time of recording,
 *   becomes `statement_timestamp ()`.
 * - the column `user` becomes `"user"` (a reserved word in PostgreSQL).
 * - `randomblob (N)` becomes `rp_random_bytes (N)` (the team schema's) and
 *   `ifnull` becomes `coalesce`.
 * - `BEGIN IMMEDIATE` (or DEFERRED, EXCLUSIVE) becomes `BEGIN`: the server
 *   takes its locks as rows are written.
 * - `CROSS JOIN t ON …` becomes `JOIN t ON …`: SQLite reads CROSS as "keep
 *   this join order"; PostgreSQL allows no ON after CROSS JOIN.
 *
 * And, whole, the few statements with which the store writes the audit
 * trail itself (audit_writes[] below): on the server only the owner's
 * functions write it, so each becomes a call of the function that does
 * that one thing and checks that it may.
 */

/* The store's own writes to the audit trail, as the store has them, and
 * what each is on a team database (team schema version 4,
 * src/core/team/rp-team-schema.c). Each function takes the statement's
 * parameters in the same order and returns no row, as the write: every
 * parameter is named, so PostgreSQL knows its type. A statement changed in
 * the store no longer matches, and then staff may not run it:
 * test-team-statements finds it. */
static const struct
{
  const char *sqlite;
  const char *postgres;
  guint       n_params;
} audit_writes[] = {
  /* Erasure, rp-store-attendees.c: scrub_audit (), a record's audit rows. */
  { "DELETE FROM audit WHERE table_name = ?1 AND record_id = ?2"
    " AND id > coalesce ((SELECT max (id) FROM audit"
    "                     WHERE table_name = ?1 AND record_id = ?2"
    "                       AND action = 'delete'"
    "                       AND id < (SELECT max (id) FROM audit"
    "                                 WHERE table_name = ?1 AND record_id = ?2"
    "                                   AND action = 'insert')), 0)",
    "SELECT FROM rp_erase_audit ($1, $2)", 2 },
  /* Its tombstone, write_erasure (). */
  { "INSERT INTO audit (recorded_at, user, table_name, record_id, action, field, old_value)"
    " VALUES (coalesce (?1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')), ?2, 'attendee', ?3,"
    "         'delete', 'number', ?4)",
    "SELECT FROM rp_erase_tombstone ($1, $2, $3, $4)", 4 },
  /* An erasure applied to a copy that never held the person, write_tombstone (). */
  { "INSERT INTO audit (recorded_at, user, table_name, record_id, action, field, old_value)"
    " VALUES (?, ?, 'attendee', ?, 'delete', 'number', ?)",
    "SELECT FROM rp_erase_tombstone ($1, $2, $3, $4)", 4 },
  /* A restore, write_restore_record (): through rp_audit_note (). */
  { "INSERT INTO audit (user, table_name, record_id, action, field, new_value)"
    " VALUES (?, 'database', 0, 'restore', 'backup', ?)",
    "SELECT FROM rp_store_note ($1, 'database', 0, 'restore', 'backup', $2)", 2 },
  /* Not the audit trail, but written only through the owner's function
   * too (team schema 5): the export history, rp_store_record_export ()
   * in rp-export-record.c, which a reports login may add the report's
   * exports to. Qualified: that login's search path is reprovision_report. */
  { "INSERT INTO export_record (programme_id, user, kind, format, tables, as_of, compare_with,"
    " suppress_below, file_name, reason)"
    " VALUES (nullif (?1, 0), rp_audit_user (), ?2, ?3, ?4, ?5, ?6, ?7, ?8, nullif (?9, ''))",
    "SELECT FROM reprovision_report.rp_record_export ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9 },
  /* Likewise the name check's confirmations (team schema 6),
   * write_confirmation () in rp-store-attendees.c: a reports login
   * confirms the words of the report it exports. */
  { "INSERT OR IGNORE INTO name_confirmation"
    " (programme_id, place, text_digest, word, confirmed_by)"
    " VALUES (?, ?, ?, ?, ?)",
    "SELECT FROM reprovision_report.rp_confirm_not_a_name ($1, $2, $3, $4, $5)", 5 },
};

/* Whether @a and @b are the same but for how much white space there is
 * where there is some, and at either end. */
static gboolean
same_but_space (const char *a,
                const char *b)
{
  while (g_ascii_isspace (*a))
    a++;
  while (g_ascii_isspace (*b))
    b++;

  for (;;)
    {
      gboolean space_a = g_ascii_isspace (*a), space_b = g_ascii_isspace (*b);

      while (g_ascii_isspace (*a))
        a++;
      while (g_ascii_isspace (*b))
        b++;
      if (*a == '\0' || *b == '\0')
        return *a == *b;
      if (space_a != space_b || *a != *b)
        return FALSE;
      a++, b++;
    }
}

typedef enum
{
  TOKEN_SPACE,   /* white space and comments */
  TOKEN_WORD,    /* a keyword or a bare identifier */
  TOKEN_STRING,  /* '…' */
  TOKEN_QUOTED,  /* "…" */
  TOKEN_PARAM,   /* ? or ?N */
  TOKEN_NUMBER,
  TOKEN_OTHER,   /* one character of punctuation or an operator */
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *text;
  gsize       length;
  guint       number;  /* a parameter's ?N, 0 for a bare ? */
} Token;

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

/* The end of a quoted run starting at @p (on the quote); a doubled quote
 * stands for one. An unterminated quote runs to the end. */
static const char *
skip_quoted (const char *p)
{
  char quote = *p++;

  while (*p != '\0')
    {
      if (*p == quote)
        {
          if (p[1] == quote)
            p += 2;
          else
            return p + 1;
        }
      else
        p++;
    }
  return p;
}

static GArray *
tokenize (const char *sql)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = sql;

  while (*p != '\0')
    {
      Token token = { TOKEN_OTHER, p, 1, 0 };
      const char *end = p + 1;

      if (g_ascii_isspace (*p))
        {
          token.kind = TOKEN_SPACE;
          while (g_ascii_isspace (*end))
            end++;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          token.kind = TOKEN_SPACE;
          while (*end != '\0' && *end != '\n')
            end++;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *close = strstr (p + 2, "*/");

          token.kind = TOKEN_SPACE;
          end = close != NULL ? close + 2 : p + strlen (p);
        }
      else if (*p == '\'' || *p == '"')
        {
          token.kind = *p == '\'' ? TOKEN_STRING : TOKEN_QUOTED;
          end = skip_quoted (p);
        }
      else if (*p == '?')
        {
          token.kind = TOKEN_PARAM;
          while (g_ascii_isdigit (*end))
            token.number = token.number * 10 + (guint) (*end++ - '0');
        }
      else if (g_ascii_isdigit (*p))
        {
          token.kind = TOKEN_NUMBER;
          while (g_ascii_isalnum (*end) || *end == '.')
            end++;
        }
      else if (is_word_char (*p))
        {
          token.kind = TOKEN_WORD;
          while (is_word_char (*end))
            end++;
        }

      token.length = (gsize) (end - p);
      g_array_append_val (tokens, token);
      p = end;
    }

  return tokens;
}

static const Token *
token_at (GArray *tokens,
          guint   i)
{
  static const Token none = { TOKEN_SPACE, "", 0, 0 };

  return i < tokens->len ? &g_array_index (tokens, Token, i) : &none;
}

/* The index of the first token from @i on that is not white space. */
static guint
next_significant (GArray *tokens,
                  guint   i)
{
  while (i < tokens->len && g_array_index (tokens, Token, i).kind == TOKEN_SPACE)
    i++;
  return i;
}

static gboolean
token_is (const Token *token,
          TokenKind    kind,
          const char  *text)
{
  if (token->kind != kind || token->length != strlen (text))
    return FALSE;
  /* Keywords in any case; quoted text exactly. */
  return kind == TOKEN_WORD ? g_ascii_strncasecmp (token->text, text, token->length) == 0
                            : strncmp (token->text, text, token->length) == 0;
}

static gboolean
word_is (const Token *token,
         const char  *word)
{
  return token_is (token, TOKEN_WORD, word);
}

/* Whether the tokens from @i on are @pattern's, white space aside; @last
 * is set to the index of the last one. */
static gboolean
match_sequence (GArray              *tokens,
                guint                i,
                const Token * const *pattern,
                guint               *last)
{
  for (guint n = 0; pattern[n] != NULL; n++)
    {
      i = next_significant (tokens, i);
      if (!token_is (token_at (tokens, i), pattern[n]->kind, pattern[n]->text))
        return FALSE;
      *last = i++;
    }
  return TRUE;
}

/* strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), the file's moment of recording. */
static gboolean
match_now (GArray *tokens,
           guint   i,
           guint  *last)
{
  static const Token open = { TOKEN_OTHER, "(", 1, 0 };
  static const Token format = { TOKEN_STRING, "'%Y-%m-%dT%H:%M:%fZ'", 0, 0 };
  static const Token comma = { TOKEN_OTHER, ",", 1, 0 };
  static const Token now = { TOKEN_STRING, "'now'", 0, 0 };
  static const Token close = { TOKEN_OTHER, ")", 1, 0 };
  static const Token * const pattern[] = { &open, &format, &comma, &now, &close, NULL };

  return match_sequence (tokens, i, pattern, last);
}

/* After IS (or IS NOT), a value to compare with rather than NULL, TRUE or FALSE. */
static gboolean
is_compared_value (const Token *token)
{
  static const char * const words[] = { "NULL", "TRUE", "FALSE", "UNKNOWN", "DISTINCT", "NOT", "JSON", "DOCUMENT" };

  switch (token->kind)
    {
    case TOKEN_WORD:
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        if (word_is (token, words[i]))
          return FALSE;
      return TRUE;
    case TOKEN_PARAM:
    case TOKEN_STRING:
    case TOKEN_QUOTED:
    case TOKEN_NUMBER:
      return TRUE;
    case TOKEN_OTHER:
      return token->text[0] == '(' || token->text[0] == '-';
    case TOKEN_SPACE:
    default:
      return FALSE;
    }
}

/* Whether the CROSS JOIN whose JOIN is at @join names its table (and an
 * alias) and then ON: SQLite takes CROSS JOIN … ON as an inner join whose
 * order its planner keeps; PostgreSQL wants JOIN … ON. */
static gboolean
cross_join_has_on (GArray *tokens,
                   guint   join)
{
  guint i = next_significant (tokens, join + 1);

  if (token_at (tokens, i)->kind != TOKEN_WORD && token_at (tokens, i)->kind != TOKEN_QUOTED)
    return FALSE;
  i = next_significant (tokens, i + 1);
  if (word_is (token_at (tokens, i), "AS"))
    i = next_significant (tokens, i + 1);
  if (!word_is (token_at (tokens, i), "ON") &&
      (token_at (tokens, i)->kind == TOKEN_WORD || token_at (tokens, i)->kind == TOKEN_QUOTED))
    i = next_significant (tokens, i + 1);
  return word_is (token_at (tokens, i), "ON");
}

/**
 * rp_sql_to_postgres:
 * @sql: a statement (or several, separated by semicolons) written for SQLite
 * @n_params: (out) (optional): how many parameters it takes: the largest
 *   number, as SQLite counts them. A bind beyond it is to be ignored, as
 *   SQLite ignores it (the now-variants of the as-of reports bind a day they
 *   do not use).
 *
 * Rewrites the store's SQL for PostgreSQL: parameters as `$N`, and the few
 * constructs only SQLite understands (listed at the top of this file) as
 * PostgreSQL's equivalents. Quoted text is left alone. The store's own
 * writes to the audit trail become calls of the team schema's functions.
 *
 * Returns: (transfer full): the PostgreSQL text
 */
char *
rp_sql_to_postgres (const char *sql,
                    guint      *n_params)
{
  g_autoptr(GArray) tokens = NULL;
  GString *out;
  guint max_param = 0;
  guint depth = 0;
  gboolean statement_start = TRUE;
  gboolean on_conflict = FALSE;  /* an INSERT OR IGNORE waits for its ON CONFLICT */
  guint on_conflict_depth = 0;
  gsize last_end = 0;            /* where the output's last significant token ends */

  g_return_val_if_fail (sql != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (audit_writes); i++)
    if (same_but_space (sql, audit_writes[i].sqlite))
      {
        if (n_params != NULL)
          *n_params = audit_writes[i].n_params;
        return g_strdup (audit_writes[i].postgres);
      }

  tokens = tokenize (sql);
  out = g_string_sized_new (strlen (sql) + 32);

#define CLOSE_INSERT() \
  G_STMT_START { \
    if (on_conflict) \
      { \
        g_string_insert (out, (gssize) last_end, " ON CONFLICT DO NOTHING"); \
        on_conflict = FALSE; \
      } \
  } G_STMT_END

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = token_at (tokens, i);
      guint j, k;

      switch (token->kind)
        {
        case TOKEN_SPACE:
          g_string_append_len (out, token->text, (gssize) token->length);
          continue;

        case TOKEN_PARAM:
          {
            guint number = token->number != 0 ? token->number : max_param + 1;

            max_param = MAX (max_param, number);
            g_string_append_printf (out, "$%u", number);
          }
          break;

        case TOKEN_WORD:
          j = next_significant (tokens, i + 1);
          if (statement_start && word_is (token, "INSERT") && word_is (token_at (tokens, j), "OR") &&
              word_is (token_at (tokens, k = next_significant (tokens, j + 1)), "IGNORE"))
            {
              g_string_append (out, "INSERT");
              on_conflict = TRUE;
              on_conflict_depth = depth;
              i = k;
            }
          else if (statement_start && word_is (token, "BEGIN") &&
                   (word_is (token_at (tokens, j), "IMMEDIATE") || word_is (token_at (tokens, j), "DEFERRED") ||
                    word_is (token_at (tokens, j), "EXCLUSIVE")))
            {
              g_string_append (out, "BEGIN");
              i = j;
            }
          else if (word_is (token, "RETURNING") && on_conflict && depth == on_conflict_depth)
            {
              CLOSE_INSERT ();
              g_string_append_len (out, token->text, (gssize) token->length);
            }
          else if (word_is (token, "IS"))
            {
              gboolean negated = word_is (token_at (tokens, j), "NOT");

              k = negated ? next_significant (tokens, j + 1) : j;
              if (is_compared_value (token_at (tokens, k)))
                {
                  g_string_append (out, negated ? "IS DISTINCT FROM" : "IS NOT DISTINCT FROM");
                  if (negated)
                    i = j;
                }
              else
                g_string_append_len (out, token->text, (gssize) token->length);
            }
          else if (word_is (token, "COLLATE") && word_is (token_at (tokens, j), "NOCASE"))
            {
              g_string_append (out, "COLLATE reprovision.nocase");
              i = j;
            }
          else if (word_is (token, "strftime") && match_now (tokens, i + 1, &k))
            {
              g_string_append (out, "statement_timestamp ()");
              i = k;
            }
          else if (word_is (token, "CROSS") && word_is (token_at (tokens, j), "JOIN") && cross_join_has_on (tokens, j))
            {
              g_string_append (out, "JOIN");
              i = j;
            }
          else if (word_is (token, "user"))
            g_string_append (out, "\"user\"");
          else if (word_is (token, "LIKE"))
            g_string_append (out, "ILIKE");
          else if (word_is (token, "randomblob"))
            g_string_append (out, "rp_random_bytes");
          else if (word_is (token, "ifnull"))
            g_string_append (out, "coalesce");
          else
            g_string_append_len (out, token->text, (gssize) token->length);
          break;

        case TOKEN_OTHER:
          if (token->text[0] == '(')
            depth++;
          else if (token->text[0] == ')' && depth > 0)
            depth--;
          else if (token->text[0] == ';')
            {
              CLOSE_INSERT ();
              g_string_append_c (out, ';');
              statement_start = TRUE;
              depth = 0;
              last_end = out->len;
              continue;
            }
          g_string_append_len (out, token->text, (gssize) token->length);
          break;

        case TOKEN_STRING:
        case TOKEN_QUOTED:
        case TOKEN_NUMBER:
        default:
          g_string_append_len (out, token->text, (gssize) token->length);
          break;
        }

      statement_start = FALSE;
      last_end = out->len;
    }

  CLOSE_INSERT ();
#undef CLOSE_INSERT

  if (n_params != NULL)
    *n_params = max_param;
  return g_string_free (out, FALSE);
}
