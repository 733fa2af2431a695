/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-team.c: the store on a team database (PostgreSQL through libpq):
 * the connection, its statements behind the seam (rp-stmt.h), and the
 * changes other people make, heard through LISTEN */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rp-error.h"
#include "rp-store-internal.h"
#include "rp-team-private.h"
#include "rp-validate.h"

#include "rp-sql-dialect.h"

/* PostgreSQL's type oids (pg_type.dat): they never change. */
#define BOOLOID        16
#define BYTEAOID       17
#define TIMEOID        1083
#define TIMESTAMPTZOID 1184

/* The channel the audited tables' triggers notify, "table:id" per row. */
#define CHANGES_CHANNEL "reprovision_changes"

struct _RpStoreTeam
{
  PGconn      *conn;
  guint        next_name;     /* statements are named rp1, rp2, … on this connection */
  PGresult    *failed;        /* the last statement that failed, for its message and SQLSTATE */
  char        *message;       /* or a message without a result (a lost connection) */
  int          changes;       /* rows the last INSERT, UPDATE or DELETE changed */
  const char  *insert_table;  /* interned: the table the last INSERT wrote to */
  RpTeamRole   role;
  char        *login;
  char        *database;
  char        *host;
  int          schema_version;
  GSource     *watch;         /* the connection's socket, for others' changes */
  GThread     *thread;        /* the thread the store was opened in, which alone uses it */
  GMainContext *context;      /* its main context, which runs the watch and the reconnecting */
  RpStore     *store;         /* not a reference: the store owns this */
  gboolean     read_only;     /* opened read-only: set again on a new connection */
  gboolean     closing;
  gboolean     lost;          /* the connection was lost; trying to make it again */
  GSource     *reconnect;     /* the next try, or the try under way */
  GSource     *give_up;       /* a try that takes too long is abandoned */
  guint        tries;         /* since the loss, for the wait between them */
  GError      *problem;       /* why the server, answering again, cannot be worked on */
  gboolean     setting_up;    /* the session's set-up runs on a connection made anew */
  char        *unsure_xid;    /* a COMMIT sent whose answer never came: its transaction */
  char        *xid;           /* the open transaction's id, asked with its first write */
  gboolean     begin_pending; /* a BEGIN to be sent with the next statement */
  gboolean     begin_writes;  /* the transaction begun is a write (BEGIN IMMEDIATE) */
  RpStmt      *deferred;      /* a write whose answer only the COMMIT needs, not yet sent */
  char       **deferred_values; /* its parameters, taken from it (the statement may be bound again) */
  RpCommitOutcome commit_outcome;
  GSource     *check_again;   /* the next look at the unsure COMMIT, while the old session ends */
  guint        checks;        /* looks at it since connected again */
  int          drop_commit;   /* tests: 1 drops the next COMMIT before it is sent, 2 its answer,
                               * 3 cuts the connection there without the server noticing */
  gboolean     said_goodbye;  /* the server ended the session while it was idle (a FATAL notice) */
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

static void note_lost (RpStoreTeam *team);
static void forget_deferred (RpStoreTeam *team);
static gboolean send_deferred (RpStoreTeam *team);

/* Errors ---------------------------------------------------------------- */

static void
keep_failure (RpStoreTeam *team,
              PGresult    *result)
{
  g_clear_pointer (&team->failed, PQclear);
  g_clear_pointer (&team->message, g_free);
  team->failed = result;
  if (result == NULL)
    team->message = g_strdup (PQerrorMessage (team->conn));
  /* An error libpq made itself (no SQLSTATE: the server never answered)
   * is the connection's, even while PQstatus () still says it is fine, as
   * after "server closed the connection unexpectedly". */
  if (PQstatus (team->conn) != CONNECTION_OK ||
      (result != NULL && PQresultErrorField (result, PG_DIAG_SQLSTATE) == NULL))
    note_lost (team);
}

static const char *
failed_state (RpStoreTeam *team)
{
  const char *state = team->failed != NULL ? PQresultErrorField (team->failed, PG_DIAG_SQLSTATE) : NULL;

  return state != NULL ? state : "";
}

const char *
store_team_errmsg (RpStore *self)
{
  RpStoreTeam *team = self->team;
  const char *message = NULL;

  if (team->failed != NULL)
    message = PQresultErrorField (team->failed, PG_DIAG_MESSAGE_PRIMARY);
  if (message == NULL && team->message != NULL)
    message = team->message;
  if (message == NULL)
    message = PQerrorMessage (team->conn);

  return message;
}

gboolean
store_team_error_is_duplicate_key (RpStore *self)
{
  return g_str_equal (failed_state (self->team), "23505");
}

static gboolean
connection_lost (RpStoreTeam *team)
{
  return team->lost || PQstatus (team->conn) != CONNECTION_OK;
}

/* While the connection is lost nothing of the store's runs on it: it may
 * be half made again, or made but not yet set up (its search path, its
 * day). The failure is kept for store_team_set_error (). */
static gboolean
refuse_while_lost (RpStoreTeam *team)
{
  if (!team->lost || team->setting_up)
    return FALSE;

  g_clear_pointer (&team->failed, PQclear);
  g_free (team->message);
  team->message = g_strdup ("the connection is lost");
  return TRUE;
}


/* The last failure as a person can act on it. */
gboolean
store_team_set_error (RpStore  *self,
                      GError  **error)
{
  RpStoreTeam *team = self->team;
  const char *state = failed_state (team);
  g_autofree char *detail = g_strstrip (g_strdup (store_team_errmsg (self)));

  if (connection_lost (team) || g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    {
      /* A server shutting down (57P01) or restarting ends the session too. */
      note_lost (team);
      g_set_error_literal (error, RP_TEAM_ERROR, RP_TEAM_ERROR_UNREACHABLE,
                           _("The connection to the team database was lost. Reprovision is trying to connect "
                             "again; what is on screen stays as it is."));
    }
  /* The reports role's views have only the report's tables and columns. */
  else if (team->role == RP_TEAM_ROLE_REPORTS &&
           (g_str_equal (state, "42501") || g_str_equal (state, "42P01") || g_str_equal (state, "42703")))
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION,
                 _("Your account %s may read what the scrutiny report shows, and nothing else, on the team "
                   "database. Ask the database administrator if you need more. (%s)"),
                 team->login != NULL ? team->login : "", detail);
  else if (g_str_equal (state, "42501"))
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION,
                 _("Your account %s may not do this on the team database. Ask the database administrator "
                   "if you need to. Nothing was changed. (%s)"), team->login != NULL ? team->login : "", detail);
  else if (g_str_equal (state, "25006"))
    g_set_error_literal (error, RP_ERROR, RP_ERROR_READ_ONLY,
                         _("This database is open read-only. Nothing can be changed."));
  else if (g_str_equal (state, "23503"))
    g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                         _("This refers to a record that no longer exists."));
  else if (g_str_equal (state, "23505"))
    g_set_error_literal (error, RP_ERROR, RP_ERROR_DUPLICATE,
                         _("This record already exists."));
  else if (g_str_has_prefix (state, "23") || g_str_equal (state, "P0001") || g_str_has_prefix (state, "22"))
    g_set_error (error, RP_ERROR, RP_ERROR_INVALID,
                 _("The change was refused: %s"), detail);
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    g_set_error_literal (error, RP_ERROR, RP_ERROR_LOCKED,
                         _("Someone else was saving the same records at the same moment. Nothing was saved; try again."));
  else if (g_str_equal (state, "53100"))
    g_set_error_literal (error, RP_ERROR, RP_ERROR_NO_SPACE,
                         _("The database server’s disk is full. Nothing was saved; tell the database administrator."));
  else
    g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_FAILED,
                 _("The team database refused this, so nothing was changed. (%s)"), detail);

  return FALSE;
}

/* Statements ------------------------------------------------------------ */

typedef enum
{
  KIND_PLAIN,
  KIND_BOOLEAN,
  KIND_TIME,
  KIND_TIMESTAMP,
  KIND_BYTES,
} ColumnKind;

typedef struct
{
  RpStmt      parent;
  RpStore    *store;         /* not a reference: the store frees its statements first */
  char       *name;
  char       *sql;           /* until it is prepared, with its first run */
  int         n_params;
  char      **values;        /* text parameters; NULL binds NULL */
  const char *insert_table;  /* interned, for an INSERT */
  gboolean    writes;        /* an INSERT, UPDATE or DELETE */
  PGresult   *result;        /* after the first step */
  int         row;
  int         n_rows;
  guint8     *kinds;         /* each column's ColumnKind, once known */
  int         n_columns;
  GPtrArray  *texts;         /* column texts made for this row */
} PgStmt;

static void
pg_set_param (RpStmt *stmt,
              int     index,
              char   *value)
{
  PgStmt *self = (PgStmt *) stmt;

  if (index < 1 || index > self->n_params)
    {
      g_free (value);
      return;
    }

  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
}

static void
pg_bind_int64 (RpStmt *stmt,
               int     index,
               gint64  value)
{
  pg_set_param (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_text (RpStmt     *stmt,
              int         index,
              const char *text)
{
  pg_set_param (stmt, index, g_strdup (text));
}

static void
pg_bind_null (RpStmt *stmt,
              int     index)
{
  pg_set_param (stmt, index, NULL);
}

static void
pg_clear_bindings (RpStmt *stmt)
{
  PgStmt *self = (PgStmt *) stmt;

  for (int i = 0; i < self->n_params; i++)
    g_clear_pointer (&self->values[i], g_free);
}

static void
pg_forget_row (PgStmt *self)
{
  if (self->texts != NULL && self->texts->len > 0)
    g_ptr_array_set_size (self->texts, 0);
}

static void
pg_reset (RpStmt *stmt)
{
  PgStmt *self = (PgStmt *) stmt;

  pg_forget_row (self);
  g_clear_pointer (&self->result, PQclear);
  self->row = 0;
  self->n_rows = 0;
}

static void
learn_columns (PgStmt *self)
{
  if (self->kinds != NULL)
    return;

  self->n_columns = PQnfields (self->result);
  self->kinds = g_new0 (guint8, MAX (self->n_columns, 1));
  for (int i = 0; i < self->n_columns; i++)
    switch (PQftype (self->result, i))
      {
      case BOOLOID:        self->kinds[i] = KIND_BOOLEAN; break;
      case TIMEOID:        self->kinds[i] = KIND_TIME; break;
      case TIMESTAMPTZOID: self->kinds[i] = KIND_TIMESTAMP; break;
      case BYTEAOID:       self->kinds[i] = KIND_BYTES; break;
      default:             self->kinds[i] = KIND_PLAIN; break;
      }
}

static gboolean
is_row_count_command (const char *status)
{
  return g_str_has_prefix (status, "INSERT") || g_str_has_prefix (status, "UPDATE") ||
         g_str_has_prefix (status, "DELETE") || g_str_has_prefix (status, "MERGE");
}

/* A transaction's id is the server's from its first write on; until then
 * the one the store has noted belongs to an earlier transaction. */
static void
forget_xid_if_idle (RpStoreTeam *team)
{
  if (PQtransactionStatus (team->conn) == PQTRANS_IDLE)
    g_clear_pointer (&team->xid, g_free);
}

/* A BEGIN waits for the statement after it, to go in the same round trip
 * (run_pipelined ()); anything else sends it first, on its own. */
static gboolean
send_pending_begin (RpStoreTeam *team)
{
  PGresult *result;

  if (!team->begin_pending)
    return TRUE;

  team->begin_pending = FALSE;
  g_clear_pointer (&team->xid, g_free);
  result = PQexec (team->conn, "BEGIN");
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      keep_failure (team, result);
      return FALSE;
    }
  PQclear (result);
  return TRUE;
}

#ifdef LIBPQ_HAS_PIPELINING
/* The next query's result in a pipeline, past the NULL that ends it. */
static PGresult *
next_result (PGconn *conn)
{
  PGresult *first = PQgetResult (conn);
  PGresult *more;

  if (first != NULL)
    while ((more = PQgetResult (conn)) != NULL)
      PQclear (more);
  return first;
}
#endif

/* A write transaction (BEGIN IMMEDIATE) is given its id with its first
 * statement, even a read, so that its last write may go with the COMMIT
 * (store_team_defer_write ()) and the id still be known first; any other
 * is asked only once it has written, as a read needs none. */
static const char *
xid_query (RpStoreTeam *team)
{
  return team->begin_writes ? "SELECT txid_current ()" : "SELECT txid_current_if_assigned ()";
}

/* A statement is prepared with its first run, in one round trip rather
 * than two (libpq's pipeline mode): opening a list on a connection made for
 * it prepares every statement it uses. A statement the server refuses says
 * so there, with the same error as at preparing. A BEGIN waiting to be
 * sent goes first, and the first write of a transaction asks for the
 * transaction's id after it, in the same round trip, which team_commit ()
 * would otherwise ask for before the COMMIT. */
static gboolean
run_pipelined (PgStmt   *self,
               gboolean  ask_xid)
{
  RpStoreTeam *team = self->store->team;
  gboolean prepare = self->sql != NULL;
  PGresult *prepared = NULL;
  PGresult *result;

#ifndef LIBPQ_HAS_PIPELINING
  /* A libpq before 14 has no pipeline: two round trips, and the COMMIT asks. */
  (void) ask_xid;
  (void) result;
  if (!send_pending_begin (team))
    return FALSE;
  if (prepare)
    prepared = PQprepare (team->conn, self->name, self->sql, 0, NULL);
  if (!prepare || PQresultStatus (prepared) == PGRES_COMMAND_OK)
    self->result = PQexecPrepared (team->conn, self->name, self->n_params,
                                   (const char * const *) self->values, NULL, NULL, 0);
#else
  PGresult *xid = NULL;
  PGresult *begun = NULL;
  gboolean begin = team->begin_pending;

  team->begin_pending = FALSE;
  if (!PQenterPipelineMode (team->conn) ||
      (begin && !PQsendQueryParams (team->conn, "BEGIN", 0, NULL, NULL, NULL, NULL, 0)) ||
      (prepare && !PQsendPrepare (team->conn, self->name, self->sql, 0, NULL)) ||
      !PQsendQueryPrepared (team->conn, self->name, self->n_params,
                            (const char * const *) self->values, NULL, NULL, 0) ||
      (ask_xid && !PQsendQueryParams (team->conn, xid_query (team), 0, NULL, NULL, NULL, NULL, 0)) ||
      !PQpipelineSync (team->conn))
    {
      PQexitPipelineMode (team->conn);
      keep_failure (team, NULL);
      return FALSE;
    }

  /* Each query's result and the NULL that ends it, then the Sync; a lost
   * connection ends it early. */
  if ((!begin || (begun = next_result (team->conn)) != NULL) &&
      (!prepare || (prepared = next_result (team->conn)) != NULL))
    {
      if ((self->result = next_result (team->conn)) != NULL &&
          (!ask_xid || (xid = next_result (team->conn)) != NULL))
        {
          result = PQgetResult (team->conn);
          PQclear (result);
        }
    }
  PQexitPipelineMode (team->conn);

  if (PQresultStatus (xid) == PGRES_TUPLES_OK && PQntuples (xid) == 1 && !PQgetisnull (xid, 0, 0))
    {
      g_free (team->xid);
      team->xid = g_strdup (PQgetvalue (xid, 0, 0));
    }
  PQclear (xid);

  if (begin && PQresultStatus (begun) != PGRES_COMMAND_OK)
    {
      g_clear_pointer (&self->result, PQclear);
      g_clear_pointer (&prepared, PQclear);
      keep_failure (team, begun);
      return FALSE;
    }
  PQclear (begun);
#endif

  if (prepare)
    {
      if (PQresultStatus (prepared) != PGRES_COMMAND_OK)
        {
          g_debug ("Could not prepare for the team database: %s\n%s",
                   prepared != NULL ? PQresultErrorMessage (prepared) : PQerrorMessage (team->conn), self->sql);
          g_clear_pointer (&self->result, PQclear);
          keep_failure (team, prepared);
          return FALSE;
        }
      PQclear (prepared);
      g_clear_pointer (&self->sql, g_free);
    }

  if (self->result == NULL)
    {
      keep_failure (team, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
note_rows_written (PgStmt   *self,
                   PGresult *result)
{
  RpStoreTeam *team = self->store->team;

  if (is_row_count_command (PQcmdStatus (result)))
    {
      team->changes = atoi (PQcmdTuples (result));
      if (self->insert_table != NULL)
        team->insert_table = self->insert_table;
    }
}

static void
free_values (char **values,
             int    n_values)
{
  if (values == NULL)
    return;
  for (int i = 0; i < n_values; i++)
    g_free (values[i]);
  g_free (values);
}

static void
forget_deferred (RpStoreTeam *team)
{
  if (team->deferred == NULL)
    return;
  free_values (team->deferred_values, ((PgStmt *) team->deferred)->n_params);
  team->deferred_values = NULL;
  team->deferred = NULL;
}

#ifdef LIBPQ_HAS_PIPELINING
/* The deferred write, then the COMMIT if @commit, in one round trip. An
 * error the write meets is kept as the failure, and the COMMIT is not
 * run; a lost connection leaves the COMMIT unanswered, as any other. */
static gboolean
run_deferred (RpStoreTeam *team,
              gboolean     commit)
{
  PgStmt *stmt = (PgStmt *) team->deferred;
  char **values = g_steal_pointer (&team->deferred_values);
  int n_values = stmt->n_params;
  gboolean prepare = stmt->sql != NULL;
  PGresult *prepared = NULL;
  PGresult *written = NULL;
  PGresult *committed = NULL;
  gboolean done = FALSE;

  team->deferred = NULL;
  if (!PQenterPipelineMode (team->conn) ||
      (prepare && !PQsendPrepare (team->conn, stmt->name, stmt->sql, 0, NULL)) ||
      !PQsendQueryPrepared (team->conn, stmt->name, n_values, (const char * const *) values, NULL, NULL, 0) ||
      (commit && !PQsendQueryParams (team->conn, "COMMIT", 0, NULL, NULL, NULL, NULL, 0)) ||
      !PQpipelineSync (team->conn))
    {
      PQexitPipelineMode (team->conn);
      free_values (values, n_values);
      keep_failure (team, NULL);
      return FALSE;
    }
  free_values (values, n_values);

  if ((!prepare || (prepared = next_result (team->conn)) != NULL) &&
      (written = next_result (team->conn)) != NULL &&
      (!commit || (committed = next_result (team->conn)) != NULL))
    PQclear (PQgetResult (team->conn));
  PQexitPipelineMode (team->conn);

  /* Prepared stays prepared, whatever became of the transaction. */
  if (prepare && PQresultStatus (prepared) == PGRES_COMMAND_OK)
    g_clear_pointer (&stmt->sql, g_free);

  if (prepare && PQresultStatus (prepared) != PGRES_COMMAND_OK)
    keep_failure (team, g_steal_pointer (&prepared));
  else if (PQresultStatus (written) != PGRES_COMMAND_OK && PQresultStatus (written) != PGRES_TUPLES_OK)
    keep_failure (team, g_steal_pointer (&written));
  else if (commit && PQresultStatus (committed) != PGRES_COMMAND_OK)
    keep_failure (team, g_steal_pointer (&committed));
  else
    {
      note_rows_written (stmt, written);
      done = TRUE;
    }

  PQclear (prepared);
  PQclear (written);
  PQclear (committed);
  return done;
}
#endif

/* Anything but the COMMIT sends the deferred write first, on its own. */
static gboolean
send_deferred (RpStoreTeam *team)
{
#ifdef LIBPQ_HAS_PIPELINING
  if (team->deferred != NULL)
    return run_deferred (team, FALSE);
#endif
  return TRUE;
}

/* The last write of a transaction, whose answer nothing but the COMMIT
 * waits for, goes in the COMMIT's round trip: one fewer per change. Only
 * once the transaction's id is known (xid_query ()), so that a COMMIT left
 * unanswered can still be looked up; %FALSE if it cannot wait. */
gboolean
store_team_defer_write (RpStore *self,
                        RpStmt  *stmt)
{
#ifdef LIBPQ_HAS_PIPELINING
  RpStoreTeam *team = self->team;
  PgStmt *pg = (PgStmt *) stmt;

  if (!pg->writes || team->deferred != NULL || team->xid == NULL || team->begin_pending ||
      team->lost || PQtransactionStatus (team->conn) != PQTRANS_INTRANS)
    return FALSE;

  pg_reset (stmt);
  team->deferred = stmt;
  team->deferred_values = g_steal_pointer (&pg->values);
  pg->values = g_new0 (char *, MAX (pg->n_params, 1));
  return TRUE;
#else
  return FALSE;
#endif
}

static RpStmtResult
pg_step (RpStmt *stmt)
{
  PgStmt *self = (PgStmt *) stmt;
  RpStoreTeam *team = self->store->team;
  ExecStatusType status;
  gboolean ask_xid;

  pg_forget_row (self);

  if (self->result != NULL)
    {
      self->row++;
      return self->row < self->n_rows ? RP_STMT_ROW : RP_STMT_DONE;
    }

  if (refuse_while_lost (team) || !send_deferred (team))
    return RP_STMT_ERROR;

  forget_xid_if_idle (team);
  ask_xid = team->xid == NULL &&
            ((team->begin_pending && team->begin_writes) ||
             (self->writes && (team->begin_pending || PQtransactionStatus (team->conn) == PQTRANS_INTRANS)));
  if (self->sql != NULL || ask_xid || team->begin_pending)
    {
      if (!run_pipelined (self, ask_xid))
        return RP_STMT_ERROR;
    }
  else
    self->result = PQexecPrepared (team->conn, self->name, self->n_params,
                                   (const char * const *) self->values, NULL, NULL, 0);
  status = PQresultStatus (self->result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      keep_failure (team, g_steal_pointer (&self->result));
      return RP_STMT_ERROR;
    }

  note_rows_written (self, self->result);

  self->row = 0;
  self->n_rows = status == PGRES_TUPLES_OK ? PQntuples (self->result) : 0;
  if (self->n_rows == 0)
    return RP_STMT_DONE;

  learn_columns (self);
  return RP_STMT_ROW;
}

static gboolean
pg_has_value (PgStmt *self,
              int     column)
{
  return self->result != NULL && self->row < self->n_rows &&
         column >= 0 && column < self->n_columns &&
         !PQgetisnull (self->result, self->row, column);
}

static gint64
pg_column_int64 (RpStmt *stmt,
                 int     column)
{
  PgStmt *self = (PgStmt *) stmt;
  const char *value;

  if (!pg_has_value (self, column))
    return 0;

  value = PQgetvalue (self->result, self->row, column);
  if (self->kinds[column] == KIND_BOOLEAN)
    return value[0] == 't';

  return g_ascii_strtoll (value, NULL, 10);
}

/* "2026-03-01 09:30:05.12+00" (UTC, DateStyle ISO) as the file writes a
 * moment: "2026-03-01T09:30:05.120Z". */
static char *
timestamp_as_file (const char *value)
{
  GString *text = g_string_new (NULL);
  const char *fraction;
  int digits = 0;

  if (strlen (value) < 19)
    {
      g_string_append (text, value);
      return g_string_free (text, FALSE);
    }

  g_string_append_len (text, value, 10);
  g_string_append_c (text, 'T');
  g_string_append_len (text, value + 11, 8);
  g_string_append_c (text, '.');
  fraction = value[19] == '.' ? value + 20 : "";
  for (; digits < 3 && g_ascii_isdigit (fraction[digits]); digits++)
    g_string_append_c (text, fraction[digits]);
  for (; digits < 3; digits++)
    g_string_append_c (text, '0');
  g_string_append_c (text, 'Z');

  return g_string_free (text, FALSE);
}

static const char *
pg_column_text (RpStmt *stmt,
                int     column)
{
  PgStmt *self = (PgStmt *) stmt;
  const char *value;
  char *made;

  if (!pg_has_value (self, column))
    return NULL;

  value = PQgetvalue (self->result, self->row, column);
  switch ((ColumnKind) self->kinds[column])
    {
    case KIND_BOOLEAN:
      return value[0] == 't' ? "1" : "0";

    case KIND_TIME:
      made = g_strndup (value, 5);  /* time (0) "HH:MM:SS": the file keeps "HH:MM" */
      break;

    case KIND_TIMESTAMP:
      made = timestamp_as_file (value);
      break;

    case KIND_PLAIN:
    case KIND_BYTES:
    default:
      return value;
    }

  if (self->texts == NULL)
    self->texts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->texts, made);
  return made;
}

static gboolean
pg_column_is_null (RpStmt *stmt,
                   int     column)
{
  return !pg_has_value ((PgStmt *) stmt, column);
}

static GBytes *
pg_column_bytes (RpStmt *stmt,
                 int     column)
{
  PgStmt *self = (PgStmt *) stmt;
  unsigned char *data;
  size_t length = 0;
  GBytes *bytes;

  if (!pg_has_value (self, column))
    return g_bytes_new (NULL, 0);

  data = PQunescapeBytea ((const unsigned char *) PQgetvalue (self->result, self->row, column), &length);
  if (data == NULL)
    return g_bytes_new (NULL, 0);
  bytes = g_bytes_new (data, length);
  PQfreemem (data);
  return bytes;
}

static int
pg_n_params (RpStmt *stmt)
{
  return ((PgStmt *) stmt)->n_params;
}

static void
pg_finalize (RpStmt *stmt)
{
  PgStmt *self = (PgStmt *) stmt;
  RpStoreTeam *team = self->store->team;

  if (team != NULL && team->deferred == stmt)
    forget_deferred (team);
  pg_reset (stmt);
  /* A statement of its own goes at once; the store's all go with the connection. */
  if (team != NULL && !team->closing && self->sql == NULL && PQstatus (team->conn) == CONNECTION_OK &&
      PQtransactionStatus (team->conn) != PQTRANS_INERROR)
    {
      g_autofree char *deallocate = g_strdup_printf ("DEALLOCATE %s", self->name);

      PQclear (PQexec (team->conn, deallocate));
    }

  pg_clear_bindings (stmt);
  g_free (self->values);
  g_free (self->kinds);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_free (self->name);
  g_free (self->sql);
  g_free (self);
}

static const RpStmtBackend pg_backend = {
  .bind_int64 = pg_bind_int64,
  .bind_text = pg_bind_text,
  .bind_null = pg_bind_null,
  .clear_bindings = pg_clear_bindings,
  .step = pg_step,
  .reset = pg_reset,
  .column_int64 = pg_column_int64,
  .column_text = pg_column_text,
  .column_is_null = pg_column_is_null,
  .column_bytes = pg_column_bytes,
  .n_params = pg_n_params,
  .finalize = pg_finalize,
};

/* The table an INSERT writes to, for store_last_insert_id(). */
static const char *
find_insert_table (const char *sql)
{
  const char *p = sql;
  const char *start;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INSERT", 6) != 0)
    return NULL;
  p += 6;
  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INTO", 4) != 0)
    return NULL;
  p += 4;
  while (g_ascii_isspace (*p))
    p++;

  start = p;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  if (p == start)
    return NULL;

  {
    g_autofree char *name = g_strndup (start, p - start);

    return g_intern_string (name);
  }
}

/* From @p on an opening parenthesis: the top-level items up to the matching
 * one, split on commas, outside quotes; @p is left after it. */
static GPtrArray *
split_list (const char **p)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  const char *start = *p + 1;
  int depth = 0;

  for (const char *q = *p; *q != '\0'; q++)
    {
      if (*q == '\'' || *q == '"')
        {
          char quote = *q;

          for (q++; *q != '\0' && *q != quote; q++)
            ;
          if (*q == '\0')
            break;
        }
      else if (*q == '(')
        depth++;
      else if (*q == ')' && --depth == 0)
        {
          g_ptr_array_add (items, g_strstrip (g_strndup (start, q - start)));
          *p = q + 1;
          return items;
        }
      else if (*q == ',' && depth == 1)
        {
          g_ptr_array_add (items, g_strstrip (g_strndup (start, q - start)));
          start = q + 1;
        }
    }

  g_ptr_array_unref (items);
  return NULL;
}

/* The store adds a record with "id" given as NULL (or a NULL parameter), as
 * SQLite then numbers it; an identity column takes a NULL as it is. The
 * value becomes DEFAULT, or the parameter else the next number. */
static char *
number_new_rows (const char *sql,
                 const char *table)
{
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GString) rewritten = NULL;
  const char *p = strstr (sql, table);
  const char *values_start;
  guint id_column = G_MAXUINT;

  if (p == NULL)
    return NULL;
  p += strlen (table);
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '(' || !(columns = split_list (&p)))
    return NULL;

  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_ptr_array_index (columns, i), "id"))
      id_column = i;
  if (id_column == G_MAXUINT)
    return NULL;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "VALUES", 6) != 0)
    return NULL;
  p += 6;
  while (g_ascii_isspace (*p))
    p++;
  values_start = p;
  if (*p != '(' || !(values = split_list (&p)) || values->len != columns->len)
    return NULL;

  rewritten = g_string_new_len (sql, values_start - sql);
  g_string_append_c (rewritten, '(');
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      if (i > 0)
        g_string_append (rewritten, ", ");
      if (i != id_column)
        g_string_append (rewritten, value);
      else if (g_ascii_strcasecmp (value, "NULL") == 0)
        g_string_append (rewritten, "DEFAULT");
      else
        g_string_append_printf (rewritten, "coalesce (%s, nextval (pg_get_serial_sequence ('%s', 'id')))",
                                value, table);
    }
  g_string_append_c (rewritten, ')');
  g_string_append (rewritten, p);

  return g_string_free (g_steal_pointer (&rewritten), FALSE);
}

static gboolean
starts_with_word (const char *sql,
                  const char *word)
{
  while (g_ascii_isspace (*sql))
    sql++;
  return g_ascii_strncasecmp (sql, word, strlen (word)) == 0 && !g_ascii_isalnum (sql[strlen (word)]);
}

RpStmt *
store_team_prepare (RpStore     *self,
                    const char  *sql,
                    GError     **error)
{
  RpStoreTeam *team = self->team;
  g_autofree char *translated = NULL;
  PgStmt *stmt;
  guint n_params = 0;

  if (refuse_while_lost (team))
    {
      store_team_set_error (self, error);
      return NULL;
    }

  translated = rp_sql_to_postgres (sql, &n_params);

  stmt = g_new0 (PgStmt, 1);
  stmt->parent.backend = &pg_backend;
  stmt->store = self;
  stmt->name = g_strdup_printf ("rp%u", ++team->next_name);
  stmt->n_params = n_params;
  stmt->values = g_new0 (char *, MAX (n_params, 1));
  stmt->insert_table = find_insert_table (translated);
  stmt->writes = starts_with_word (translated, "INSERT") || starts_with_word (translated, "UPDATE") ||
                 starts_with_word (translated, "DELETE");
  if (stmt->insert_table != NULL)
    {
      char *numbered = number_new_rows (translated, stmt->insert_table);

      if (numbered != NULL)
        {
          g_free (translated);
          translated = numbered;
        }
    }

  /* Prepared with its first run (run_pipelined ()). */
  stmt->sql = g_steal_pointer (&translated);
  return (RpStmt *) stmt;
}

/* Runs @sql as it is (one or more statements, no parameters). */
static gboolean
team_exec (RpStoreTeam  *team,
           const char   *sql)
{
  PGresult *result;
  ExecStatusType status;

  if (!send_pending_begin (team) || !send_deferred (team))
    return FALSE;
  forget_xid_if_idle (team);
  result = PQexec (team->conn, sql);
  status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      keep_failure (team, result);
      return FALSE;
    }

  PQclear (result);
  return TRUE;
}

/* The connection drops as a network or a server does it, for the tests. */
static void
drop_connection (RpStoreTeam *team)
{
  g_autoptr(PGresult) result = NULL;

  shutdown (PQsocket (team->conn), SHUT_RDWR);
  result = PQexec (team->conn, "SELECT 1");
  keep_failure (team, g_steal_pointer (&result));
}

/* A COMMIT whose answer never comes may or may not have been saved. Its
 * transaction's id, asked for first, lets the server say which once the
 * connection is back (resolve_unsure_commit ()): nothing is claimed saved
 * meanwhile, and nobody is told it was lost when it was not. */
static gboolean
team_commit (RpStore  *self,
             GError  **error)
{
  RpStoreTeam *team = self->team;
  g_autofree char *xid = NULL;
  int drop = team->drop_commit;
  gboolean done;

  team->drop_commit = 0;
  g_clear_pointer (&team->unsure_xid, g_free);
  team->commit_outcome = RP_COMMIT_OUTCOME_NONE;

  /* A transaction that never sent a statement has nothing to commit (and
   * so no deferred write either). */
  if (team->begin_pending && drop == 0)
    {
      team->begin_pending = FALSE;
      return TRUE;
    }
  if (!send_pending_begin (team))
    return store_team_set_error (self, error);

  /* Only a transaction that wrote has an id, and only then is anything
   * unsure; its first write through a statement asked for it already. */
  xid = g_steal_pointer (&team->xid);
  if (xid == NULL && PQtransactionStatus (team->conn) == PQTRANS_INTRANS)
    {
      g_autoptr(PGresult) result = PQexec (team->conn, "SELECT txid_current_if_assigned ()");

      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        {
          keep_failure (team, g_steal_pointer (&result));
          return store_team_set_error (self, error);
        }
      if (!PQgetisnull (result, 0, 0))
        xid = g_strdup (PQgetvalue (result, 0, 0));
    }

  if (drop == 1)
    shutdown (PQsocket (team->conn), SHUT_RDWR);
  else if (drop == 3)
    {
      /* libpq's socket becomes one connected to nothing: the test holds
       * the real one, so the old session lives on, "in progress". */
      int nowhere = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

      dup2 (nowhere, PQsocket (team->conn));
      close (nowhere);
    }
#ifdef LIBPQ_HAS_PIPELINING
  if (team->deferred != NULL)
    done = run_deferred (team, TRUE);
  else
#endif
    done = team_exec (team, "COMMIT");
  if (done && drop == 2)
    {
      drop_connection (team);
      done = FALSE;
    }

  if (done)
    return TRUE;

  if (xid != NULL && connection_lost (team))
    {
      team->unsure_xid = g_steal_pointer (&xid);
      team->commit_outcome = RP_COMMIT_OUTCOME_UNSURE;
    }
  return store_team_set_error (self, error);
}

RpCommitOutcome
store_team_get_commit_outcome (RpStore *self)
{
  return self->team->commit_outcome;
}

void
store_team_drop_next_commit (RpStore  *self,
                             gboolean  after)
{
  self->team->drop_commit = after ? 2 : 1;
}

int
store_team_cut_next_commit (RpStore *self)
{
  self->team->drop_commit = 3;
  return dup (PQsocket (self->team->conn));
}

gboolean
store_team_exec (RpStore     *self,
                 const char  *sql,
                 GError     **error)
{
  g_autofree char *translated = NULL;
  guint n_params = 0;

  gboolean writes = FALSE;

  /* SQLite's way of starting a write transaction; PostgreSQL's rows lock themselves. */
  if (g_str_equal (sql, "BEGIN IMMEDIATE"))
    {
      sql = "BEGIN";
      writes = TRUE;
    }

  /* A write never sent is rolled back by not sending it. */
  if (g_str_has_prefix (sql, "ROLLBACK"))
    forget_deferred (self->team);

  if (refuse_while_lost (self->team))
    return store_team_set_error (self, error);

  /* Sent with the statement after it, one round trip fewer per write. */
  if (g_str_equal (sql, "BEGIN") && !self->team->begin_pending &&
      PQtransactionStatus (self->team->conn) == PQTRANS_IDLE)
    {
      self->team->begin_pending = TRUE;
      self->team->begin_writes = writes;
      return TRUE;
    }
  if (g_str_equal (sql, "ROLLBACK") && self->team->begin_pending)
    {
      self->team->begin_pending = FALSE;
      return TRUE;
    }

  if (g_str_equal (sql, "COMMIT"))
    return team_commit (self, error);

  translated = rp_sql_to_postgres (sql, &n_params);
  if (!team_exec (self->team, translated))
    return store_team_set_error (self, error);

  return TRUE;
}

gboolean
store_team_in_transaction (RpStore *self)
{
  PGTransactionStatusType status = PQtransactionStatus (self->team->conn);

  if (self->team->begin_pending)
    return TRUE;
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

int
store_team_changes (RpStore *self)
{
  /* Only a write nobody asks about is deferred; this is asking. */
  if (!send_deferred (self->team))
    return 0;
  return self->team->changes;
}

gint64
store_team_last_insert_id (RpStore *self)
{
  RpStoreTeam *team = self->team;
  const char *params[] = { team->insert_table };
  g_autoptr(PGresult) result = NULL;

  if (refuse_while_lost (team) || !send_pending_begin (team) || !send_deferred (team) ||
      team->insert_table == NULL)
    return 0;

  /* Not lastval (): the audit trigger took a number of its own since. */
  result = PQexecParams (team->conn, "SELECT currval (pg_get_serial_sequence ($1, 'id'))",
                         1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1 || PQgetisnull (result, 0, 0))
    return 0;

  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

gboolean
store_team_set_today (RpStore     *self,
                      const char  *today_iso,
                      GError     **error)
{
  const char *params[] = { today_iso != NULL ? today_iso : "" };
  PGresult *result;

  /* Set again with the session once the connection is back. */
  if (self->team->lost && !self->team->setting_up)
    return TRUE;

  /* rp_today () on the server reads it; empty is the clock's day. */
  if (!send_pending_begin (self->team))
    return store_team_set_error (self, error);
  result = PQexecParams (self->team->conn, "SELECT set_config ('reprovision.today', $1, false)",
                         1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      keep_failure (self->team, result);
      return store_team_set_error (self, error);
    }

  PQclear (result);
  return TRUE;
}

/* Changes made by anyone -------------------------------------------------- */

gboolean
store_team_read_notifications (RpStore *self)
{
  RpStoreTeam *team = self->team;
  PGnotify *notify;

  if ((team->lost && !team->setting_up) || !PQconsumeInput (team->conn))
    return FALSE;

  while ((notify = PQnotifies (team->conn)) != NULL)
    {
      const char *colon = g_str_equal (notify->relname, CHANGES_CHANNEL) ? strrchr (notify->extra, ':') : NULL;

      if (colon != NULL && colon > notify->extra)
        {
          g_autofree char *table = g_strndup (notify->extra, colon - notify->extra);

          store_note_change (self, table, g_ascii_strtoll (colon + 1, NULL, 10));
        }
      PQfreemem (notify);
    }

  return TRUE;
}

gboolean
store_team_forget_notifications (RpStore *self)
{
  RpStoreTeam *team = self->team;
  PGnotify *notify;

  if (team->lost)
    return FALSE;

  /* A server that restarted or closed the connection meanwhile shows here
   * by its last words (a FATAL error, which libpq hands the notice
   * receiver) or the end of the socket's input: read until nothing waits. */
  for (guint i = 0; i < 64; i++)
    {
      struct pollfd waiting = { PQsocket (team->conn), POLLIN, 0 };

      if (poll (&waiting, 1, 0) <= 0)
        break;
      if (!PQconsumeInput (team->conn))
        return FALSE;
    }

  while ((notify = PQnotifies (team->conn)) != NULL)
    PQfreemem (notify);

  return !team->said_goodbye && PQstatus (team->conn) == CONNECTION_OK &&
         PQtransactionStatus (team->conn) == PQTRANS_IDLE && !team->begin_pending;
}

void
store_team_check_notifications (RpStore *self)
{
  RpStoreTeam *team = self->team;

  if (!store_team_read_notifications (self))
    return;

  /* The server signals this connection's backend as another commits, and
   * the backend passes it on when idle: a query brings it in with its answer,
   * and the socket is looked at once more for one that arrived just after. */
  if (g_hash_table_size (self->pending) == 0)
    {
      PQclear (PQexec (team->conn, "SELECT 1"));
      store_team_read_notifications (self);
    }
}

int
store_team_get_socket (RpStore *self)
{
  return PQsocket (self->team->conn);
}

/* Someone else committed: their changes are announced within moments,
 * with no polling. Inside a transaction of this store's they wait: the
 * server holds them back until it ends anyway. */
static gboolean
on_socket_readable (int           fd,
                    GIOCondition  condition,
                    gpointer      user_data)
{
  RpStore *self = user_data;
  RpStoreTeam *team = self->team;

  /* Only where the store is used: another thread's would be a race. */
  if (team->thread != g_thread_self ())
    return G_SOURCE_REMOVE;

  if (store_team_in_transaction (self) ? PQconsumeInput (team->conn) : store_team_read_notifications (self))
    {
      if (!store_team_in_transaction (self))
        store_announce_changes (self);
      return G_SOURCE_CONTINUE;
    }

  /* The server went away (or the network did): said at once, not at the next save. */
  g_debug ("The connection to the team database was lost: %s", PQerrorMessage (team->conn));
  g_clear_pointer (&team->watch, g_source_unref);
  note_lost (team);
  return G_SOURCE_REMOVE;
}

static void
add_watch (RpStore *self)
{
  RpStoreTeam *team = self->team;

  team->watch = g_unix_fd_source_new (PQsocket (team->conn), G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (team->watch, G_SOURCE_FUNC (on_socket_readable), self, NULL);
  g_source_set_static_name (team->watch, "[reprovision] team database changes");
  g_source_attach (team->watch, team->context);
}

/* Others' changes are heard in the main context of the thread that opened
 * the store, when that thread runs it: a store a worker thread opens (a
 * snapshot, an import) is not watched from the main thread's loop. */
static void
watch_socket (RpStore *self)
{
  RpStoreTeam *team = self->team;
  GMainContext *context = g_main_context_get_thread_default ();

  if (team->watch != NULL)
    return;

  team->thread = g_thread_self ();
  team->store = self;
  if (context == NULL)
    {
      context = g_main_context_default ();
      if (!g_main_context_acquire (context))
        return;
      g_main_context_release (context);
    }

  g_clear_pointer (&team->context, g_main_context_unref);
  team->context = g_main_context_ref (context);
  if (!team->lost)
    add_watch (self);
}

/* Opening ---------------------------------------------------------------- */

/* Notices are not shown; but an error that comes while no statement runs
 * is the server's last words before it closes the connection (terminated,
 * shutting down), which libpq passes on as a notice. */
static void
receive_notice (void           *data,
                const PGresult *notice)
{
  RpStoreTeam *team = data;
  const char *severity = PQresultErrorField (notice, PG_DIAG_SEVERITY_NONLOCALIZED);

  if (g_strcmp0 (severity, "FATAL") == 0 || g_strcmp0 (severity, "PANIC") == 0)
    team->said_goodbye = TRUE;
}

/* The first value of @sql's first row, or %NULL; FALSE if it failed. */
static gboolean
team_query (RpStoreTeam  *team,
            const char   *sql,
            const char   *param,
            char        **value)
{
  const char *params[] = { param };
  g_autoptr(PGresult) result = NULL;

  *value = NULL;
  if (!send_pending_begin (team))
    return FALSE;
  result = PQexecParams (team->conn, sql, param != NULL ? 1 : 0, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      keep_failure (team, g_steal_pointer (&result));
      return FALSE;
    }

  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    *value = g_strdup (PQgetvalue (result, 0, 0));
  return TRUE;
}

/* Several statements in one round trip ------------------------------------
 *
 * Each server round trip costs a wait on the other process; on a busy
 * machine or a real network it is most of what opening costs. These
 * statements go together in libpq's pipeline mode, each with its own Sync,
 * so that one failing (a reports login may not read team_setting) neither
 * aborts the others nor undoes what they set. */

typedef struct
{
  const char *sql;
  const char *param;   /* at most one, or NULL */
} Query;

static void
run_batch (RpStoreTeam  *team,
           const Query  *queries,
           guint         n_queries,
           PGresult    **results)
{
  guint i;

  for (i = 0; i < n_queries; i++)
    results[i] = NULL;

#ifdef LIBPQ_HAS_PIPELINING
  if (PQenterPipelineMode (team->conn))
    {
      guint sent = 0;

      for (; sent < n_queries; sent++)
        {
          const char *params[] = { queries[sent].param };

          if (!PQsendQueryParams (team->conn, queries[sent].sql, queries[sent].param != NULL ? 1 : 0,
                                  NULL, params, NULL, NULL, 0) ||
              !PQpipelineSync (team->conn))
            break;
        }
      PQflush (team->conn);

      /* Each query's result, the NULL that ends it, then its Sync. */
      for (i = 0; i < sent; i++)
        {
          PGresult *result;

          results[i] = PQgetResult (team->conn);
          if (results[i] == NULL)
            break;
          while ((result = PQgetResult (team->conn)) != NULL)
            PQclear (result);
          result = PQgetResult (team->conn);
          if (PQresultStatus (result) != PGRES_PIPELINE_SYNC)
            {
              PQclear (result);
              break;
            }
          PQclear (result);
        }
      /* Left in pipeline mode only on a connection that failed. */
      PQexitPipelineMode (team->conn);
      return;
    }
#endif

  for (i = 0; i < n_queries; i++)
    {
      const char *params[] = { queries[i].param };

      results[i] = PQexecParams (team->conn, queries[i].sql, queries[i].param != NULL ? 1 : 0,
                                 NULL, params, NULL, NULL, 0);
    }
}

static gboolean
batch_ok (PGresult *result)
{
  ExecStatusType status = PQresultStatus (result);

  return result != NULL && (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK);
}

/* The first value of @result's first row, or %NULL. */
static char *
batch_value (PGresult *result,
             int       column)
{
  if (!batch_ok (result) || PQntuples (result) == 0 || PQnfields (result) <= column ||
      PQgetisnull (result, 0, column))
    return NULL;

  return g_strdup (PQgetvalue (result, 0, column));
}

/* Keeps @result (or the connection's message) as the failure and says it. */
static gboolean
batch_failed (RpStore   *self,
              PGresult **result,
              GError   **error)
{
  keep_failure (self->team, g_steal_pointer (result));
  return store_team_set_error (self, error);
}

/* A reports login cannot read team_setting, so its role is found from the
 * database's own rights. */
static RpTeamRole
find_reports_role (RpStoreTeam *team)
{
  g_autofree char *reports = NULL;

  if (team_query (team,
                  "SELECT r.rolname FROM pg_database d, aclexplode (d.datacl) a, pg_roles r"
                  " WHERE d.datname = current_database () AND a.privilege_type = 'CONNECT'"
                  "   AND r.oid = a.grantee AND r.rolname LIKE '%reports' AND NOT r.rolcanlogin"
                  "   AND pg_has_role (session_user, r.oid, 'MEMBER')"
                  " LIMIT 1",
                  NULL, &reports) && reports != NULL)
    return RP_TEAM_ROLE_REPORTS;

  return RP_TEAM_ROLE_NONE;
}

static RpTeamRole
role_from_kind (const char *kind)
{
  if (g_strcmp0 (kind, "owner") == 0)
    return RP_TEAM_ROLE_OWNER;
  if (g_strcmp0 (kind, "staff") == 0)
    return RP_TEAM_ROLE_STAFF;
  if (g_strcmp0 (kind, "reports") == 0)
    return RP_TEAM_ROLE_REPORTS;
  return RP_TEAM_ROLE_NONE;
}

/* What every connection of the store is told before it is used: the
 * forms values are read in, who is connected and with which role, the
 * schema, the day. Run again on a connection made anew.
 *
 * For a staff or owner login it is one round trip: the settings, the
 * login, whether the schema is there, the role, the schema's version and
 * LISTEN together. The search path is set for the staff's schema at once;
 * a reports login, which reads neither team_setting nor schema_version,
 * takes a second (and a third to find its role from the database's rights). */
static gboolean
set_up_session (RpStore  *self,
                GError  **error)
{
  RpStoreTeam *team = self->team;
  g_autofree char *database = rp_quote_value (team->database);
  g_autofree char *first = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *has_prefix = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *version = NULL;
  PGresult *results[4] = { NULL, };
  Query queries[4];
  gboolean ok = FALSE;

  /* Moments in UTC and dates as ISO, so they read as the file writes them;
   * rp_today () on the server reads reprovision.today (empty is the clock's day). */
  first = g_strdup_printf ("SELECT session_user,"
                           " (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                           "   WHERE n.nspname = 'reprovision' AND c.relname = 'schema_version'),"
                           " set_config ('TimeZone', 'UTC', false), set_config ('DateStyle', 'ISO, YMD', false),"
                           " set_config ('IntervalStyle', 'iso_8601', false),"
                           " set_config ('client_min_messages', 'warning', false),"
                           " set_config ('search_path', 'reprovision, pg_catalog', false),"
                           " set_config ('reprovision.today', $1, false)%s",
                           team->read_only ? ", set_config ('default_transaction_read_only', 'on', false)" : "");
  queries[0] = (Query) { first, self->today != NULL ? self->today : "" };
  /* The most the login may do; the second column says whether the prefix is there. */
  queries[1] = (Query) {
    "SELECT (SELECT k FROM unnest (ARRAY['owner', 'staff', 'reports']) WITH ORDINALITY AS u (k, n)"
    "          JOIN pg_roles r ON r.rolname = s.value || k"
    "         WHERE pg_has_role (session_user, r.oid, 'MEMBER') ORDER BY n LIMIT 1), true"
    "  FROM reprovision.team_setting s WHERE s.name = 'role_prefix'", NULL };
  queries[2] = (Query) { "SELECT coalesce (max (version), 0) FROM reprovision.schema_version", NULL };
  queries[3] = (Query) { "LISTEN " CHANGES_CHANNEL, NULL };
  run_batch (team, queries, G_N_ELEMENTS (queries), results);

  if (!batch_ok (results[0]))
    {
      batch_failed (self, &results[0], error);
      goto out;
    }
  g_free (team->login);
  team->login = batch_value (results[0], 0);
  exists = batch_value (results[0], 1);

  if (g_strcmp0 (exists, "0") == 0)
    {
      g_set_error (error, RP_ERROR, RP_ERROR_NOT_DATABASE,
                   _("The database %s has not been set up for Reprovision. The database administrator sets it up "
                     "with “reprovision-cli team init”. Nothing was changed."),
                   database);
      goto out;
    }

  kind = batch_value (results[1], 0);
  has_prefix = batch_value (results[1], 1);
  team->role = has_prefix != NULL ? role_from_kind (kind) : find_reports_role (team);
  if (team->role == RP_TEAM_ROLE_NONE)
    {
      g_autofree char *login = rp_quote_value (team->login);

      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_PERMISSION,
                   _("The account %s is not one of the team’s on the database %s. Ask the database administrator "
                     "to give it Reprovision’s staff or reports role."),
                   login, database);
      goto out;
    }

  if (team->role == RP_TEAM_ROLE_REPORTS)
    {
      /* The reports role reads the views of the same names in reprovision_report. */
      if (!team_exec (team, "SET search_path = reprovision_report, pg_catalog") ||
          !team_query (team, "SELECT coalesce (max (version), 0) FROM reprovision_report.schema_version",
                       NULL, &version))
        {
          store_team_set_error (self, error);
          goto out;
        }
    }
  else if (!batch_ok (results[2]))
    {
      batch_failed (self, &results[2], error);
      goto out;
    }
  else
    version = batch_value (results[2], 0);

  team->schema_version = version != NULL ? atoi (version) : 0;
  if (team->schema_version > RP_TEAM_SCHEMA_VERSION)
    {
      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_NEWER_VERSION,
                   _("The team database %s was set up by a newer version of Reprovision (its version %d; this one "
                     "knows up to %d). Update Reprovision to open it; nothing was changed."),
                   database, team->schema_version, RP_TEAM_SCHEMA_VERSION);
      goto out;
    }

  /* Never updated from the app: that is the administrator's, with the owner's rights. */
  if (team->schema_version < RP_TEAM_SCHEMA_VERSION)
    {
      g_set_error (error, RP_TEAM_ERROR, RP_TEAM_ERROR_INVALID,
                   _("The team database %s needs updating for this version of Reprovision. The database "
                     "administrator updates it with “reprovision-cli team init”. Nothing was changed."),
                   database);
      goto out;
    }

  if (!batch_ok (results[3]))
    {
      batch_failed (self, &results[3], error);
      goto out;
    }

  ok = TRUE;

out:
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    g_clear_pointer (&results[i], PQclear);
  return ok;
}

gboolean
store_team_open (RpStore           *self,
                 const char        *location,
                 RpStoreOpenFlags   flags,
                 GError           **error)
{
  RpStoreTeam *team;
  const char *host;

  self->team = team = g_new0 (RpStoreTeam, 1);
  if (!(team->conn = rp_team_connect (location, error)))
    return FALSE;

  PQsetNoticeReceiver (team->conn, receive_notice, team);
  team->database = g_strdup (PQdb (team->conn));
  host = PQhost (team->conn);
  team->host = g_strdup (host != NULL ? host : "");
  team->read_only = (flags & RP_STORE_OPEN_READ_ONLY) != 0;

  if (!set_up_session (self, error))
    return FALSE;

  watch_socket (self);
  return TRUE;
}

/* A lost connection --------------------------------------------------------
 *
 * The server stopped, restarted, or the network went: the store says so at
 * once (RpStore:connection-lost) and tries again by itself, after 1, 2, 4 …
 * up to 30 seconds, without blocking the thread that uses it (libpq's
 * PQresetStart () and PQresetPoll () on the socket). Nothing is saved
 * meanwhile: every write fails and says so. Once connected again the
 * session is set up as at opening, the statements are prepared again as
 * they are used (the server forgot them), and every table is announced as
 * changed, since other people's changes may have been missed. */

#define FIRST_WAIT_MS   1000
#define LONGEST_WAIT_MS 30000
#define TRY_FOR_MS      15000

static void try_again_later (RpStoreTeam *team);
static void check_unsure_commit (RpStoreTeam *team);

static void
stop_trying (RpStoreTeam *team)
{
  if (team->reconnect != NULL)
    {
      g_source_destroy (team->reconnect);
      g_clear_pointer (&team->reconnect, g_source_unref);
    }
  if (team->give_up != NULL)
    {
      g_source_destroy (team->give_up);
      g_clear_pointer (&team->give_up, g_source_unref);
    }
  if (team->check_again != NULL)
    {
      g_source_destroy (team->check_again);
      g_clear_pointer (&team->check_again, g_source_unref);
    }
}

/* The statements were prepared on the old connection: they go (without a
 * DEALLOCATE, which the new one would refuse) and are prepared again. */
static void
forget_statements (RpStore *self)
{
  RpStoreTeam *team = self->team;

  team->closing = TRUE;
  g_hash_table_remove_all (self->statements);
  team->closing = FALSE;
  team->insert_table = NULL;
  team->changes = 0;
}

/* Set up again, and nothing left to find out: the store is connected. */
static void
connected_again (RpStoreTeam *team)
{
  RpStore *self = team->store;

  team->lost = FALSE;
  team->said_goodbye = FALSE;
  team->tries = 0;
  if (team->watch != NULL)
    {
      g_source_destroy (team->watch);
      g_clear_pointer (&team->watch, g_source_unref);
    }
  add_watch (self);
  store_connection_changed (self);
}

static gboolean
on_check_again (gpointer user_data)
{
  RpStoreTeam *team = user_data;

  g_clear_pointer (&team->check_again, g_source_unref);
  check_unsure_commit (team);
  return G_SOURCE_REMOVE;
}

/* Connected again: whether the unanswered COMMIT was saved, before the
 * store says it is connected (the form dialogues read the outcome then).
 * The old session may take a moment to end (its transaction is "in
 * progress" until then): looked at again every 50 ms for up to 2 s from a
 * timeout, never by sleeping, so the window goes on being drawn and read. */
#define CHECK_EVERY_MS 50
#define CHECKS         40

static void
check_unsure_commit (RpStoreTeam *team)
{
  const char *params[1];
  g_autoptr(PGresult) result = NULL;
  const char *status;

  if (team->unsure_xid == NULL)
    {
      connected_again (team);
      return;
    }

  params[0] = team->unsure_xid;
  result = PQexecParams (team->conn, "SELECT txid_status ($1::bigint)", 1, NULL, params, NULL, NULL, 0);
  if (PQstatus (team->conn) != CONNECTION_OK)
    {
      /* Lost again: still unsure, asked again at the next connection. */
      g_debug ("Lost the team database again while asking about a COMMIT: %s", PQerrorMessage (team->conn));
      try_again_later (team);
      return;
    }

  status = PQresultStatus (result) != PGRES_TUPLES_OK || PQgetisnull (result, 0, 0) ? "" : PQgetvalue (result, 0, 0);
  if (g_str_equal (status, "in progress") && ++team->checks < CHECKS)
    {
      team->check_again = g_timeout_source_new (CHECK_EVERY_MS);
      g_source_set_callback (team->check_again, on_check_again, team, NULL);
      g_source_set_static_name (team->check_again, "[reprovision] team database, asking about a COMMIT");
      g_source_attach (team->check_again, team->context);
      return;
    }

  if (g_str_equal (status, "committed"))
    team->commit_outcome = RP_COMMIT_OUTCOME_SAVED;
  else if (g_str_equal (status, "aborted"))
    team->commit_outcome = RP_COMMIT_OUTCOME_NOT_SAVED;
  else
    team->commit_outcome = RP_COMMIT_OUTCOME_UNKNOWN;
  g_clear_pointer (&team->unsure_xid, g_free);
  connected_again (team);
}

static void
reconnected (RpStoreTeam *team)
{
  RpStore *self = team->store;
  g_autoptr(GError) error = NULL;
  gboolean set_up;

  stop_trying (team);
  forget_statements (self);
  team->setting_up = TRUE;
  set_up = set_up_session (self, &error);
  team->setting_up = FALSE;
  if (!set_up)
    {
      g_debug ("The team database answered again, but: %s", error->message);
      /* Not a state to work in (updated to a newer version meanwhile, the
       * account's rights taken away): said, and tried again later as a loss
       * (the next try closes this connection). */
      try_again_later (team);
      if (team->problem == NULL || !g_error_matches (team->problem, error->domain, error->code))
        {
          g_clear_error (&team->problem);
          team->problem = g_steal_pointer (&error);
          store_connection_changed (self);
        }
      return;
    }

  g_debug ("Connected to the team database again");
  g_clear_error (&team->problem);
  g_clear_pointer (&team->failed, PQclear);
  g_clear_pointer (&team->message, g_free);
  team->checks = 0;
  check_unsure_commit (team);
}

static gboolean on_reset_ready (int fd, GIOCondition condition, gpointer user_data);

/* One step of making the connection again; the next when the socket is ready. */
static void
poll_reset (RpStoreTeam *team)
{
  GIOCondition condition;

  if (team->reconnect != NULL)
    {
      g_source_destroy (team->reconnect);
      g_clear_pointer (&team->reconnect, g_source_unref);
    }

  switch (PQresetPoll (team->conn))
    {
    case PGRES_POLLING_OK:
      reconnected (team);
      return;

    case PGRES_POLLING_READING:
      condition = G_IO_IN | G_IO_HUP | G_IO_ERR;
      break;

    case PGRES_POLLING_WRITING:
      condition = G_IO_OUT | G_IO_HUP | G_IO_ERR;
      break;

    case PGRES_POLLING_FAILED:
    case PGRES_POLLING_ACTIVE:
    default:
      g_debug ("Could not connect to the team database again: %s", PQerrorMessage (team->conn));
      try_again_later (team);
      return;
    }

  /* The socket may be a new one at each step. */
  team->reconnect = g_unix_fd_source_new (PQsocket (team->conn), condition);
  g_source_set_callback (team->reconnect, G_SOURCE_FUNC (on_reset_ready), team, NULL);
  g_source_set_static_name (team->reconnect, "[reprovision] team database reconnecting");
  g_source_attach (team->reconnect, team->context);
}

static gboolean
on_reset_ready (int           fd,
                GIOCondition  condition,
                gpointer      user_data)
{
  RpStoreTeam *team = user_data;

  /* Given up on this source: poll_reset () makes the next. */
  g_clear_pointer (&team->reconnect, g_source_unref);
  poll_reset (team);
  return G_SOURCE_REMOVE;
}

/* A server that takes no notice (a network that drops everything) is not waited for forever. */
static gboolean
on_try_too_long (gpointer user_data)
{
  RpStoreTeam *team = user_data;

  g_clear_pointer (&team->give_up, g_source_unref);
  g_debug ("Connecting to the team database again took too long");
  try_again_later (team);
  return G_SOURCE_REMOVE;
}

static void
try_now (RpStoreTeam *team)
{
  stop_trying (team);
  team->tries++;
  if (!PQresetStart (team->conn))
    {
      try_again_later (team);
      return;
    }

  team->give_up = g_timeout_source_new (TRY_FOR_MS);
  g_source_set_callback (team->give_up, on_try_too_long, team, NULL);
  g_source_set_static_name (team->give_up, "[reprovision] team database reconnecting, too long");
  g_source_attach (team->give_up, team->context);
  poll_reset (team);
}

static gboolean
on_wait_over (gpointer user_data)
{
  RpStoreTeam *team = user_data;

  g_clear_pointer (&team->reconnect, g_source_unref);
  try_now (team);
  return G_SOURCE_REMOVE;
}

static void
try_again_later (RpStoreTeam *team)
{
  guint wait = FIRST_WAIT_MS;

  stop_trying (team);
  for (guint i = 1; i < team->tries && wait < LONGEST_WAIT_MS; i++)
    wait *= 2;
  wait = MIN (wait, LONGEST_WAIT_MS);

  team->reconnect = g_timeout_source_new (wait);
  g_source_set_callback (team->reconnect, on_wait_over, team, NULL);
  g_source_set_static_name (team->reconnect, "[reprovision] team database, waiting to reconnect");
  g_source_attach (team->reconnect, team->context);
}

/* The connection is gone: said once, and tried again from the store's own
 * main context (a store opened where none runs is simply reported lost). */
static void
note_lost (RpStoreTeam *team)
{
  if (team->lost || team->store == NULL || team->closing)
    return;

  team->lost = TRUE;
  team->tries = 0;
  team->begin_pending = FALSE;
  forget_deferred (team);
  if (team->watch != NULL)
    {
      g_source_destroy (team->watch);
      g_clear_pointer (&team->watch, g_source_unref);
    }
  g_debug ("The connection to the team database was lost: %s", PQerrorMessage (team->conn));
  if (team->context != NULL)
    try_again_later (team);
  store_connection_changed (team->store);
}

gboolean
store_team_is_connection_lost (RpStore *self)
{
  return self->team->lost;
}

const GError *
store_team_get_connection_problem (RpStore *self)
{
  return self->team->lost ? self->team->problem : NULL;
}

/* Tries at once, rather than after the wait ("Try Now"). */
void
store_team_reconnect (RpStore *self)
{
  RpStoreTeam *team = self->team;

  if (!team->lost || team->context == NULL || team->give_up != NULL || team->check_again != NULL)
    return;

  team->tries = 0;
  try_now (team);
}

/* A store opened in a worker thread for the main thread (rp_store_open_async())
 * is watched from the context of the thread that finishes the open. */
void
store_team_watch (RpStore *self)
{
  if (self->team != NULL && self->team->conn != NULL)
    watch_socket (self);
}

void
store_team_close (RpStore *self)
{
  RpStoreTeam *team = self->team;

  if (team == NULL)
    return;

  if (team->watch != NULL)
    {
      g_source_destroy (team->watch);
      g_clear_pointer (&team->watch, g_source_unref);
    }
  stop_trying (team);
  g_clear_pointer (&team->context, g_main_context_unref);
  g_clear_error (&team->problem);
  team->closing = TRUE;
  g_clear_pointer (&team->failed, PQclear);
  g_clear_pointer (&team->conn, PQfinish);
  g_free (team->message);
  g_free (team->unsure_xid);
  g_free (team->xid);
  g_free (team->login);
  g_free (team->database);
  g_free (team->host);
  g_free (team);
  self->team = NULL;
}

/* Before the store's statements go: they go with the connection, not one by one. */
void
store_team_closing (RpStore *self)
{
  self->team->closing = TRUE;
}

RpTeamRole
store_team_get_role (RpStore *self)
{
  return self->team->role;
}

const char *
store_team_get_login (RpStore *self)
{
  return self->team->login;
}

int
store_team_get_schema_version (RpStore *self)
{
  return self->team->schema_version;
}

char *
store_team_dup_display_name (RpStore *self)
{
  RpStoreTeam *team = self->team;
  const char *host = team->host;

  /* A socket directory or this computer by name says nothing to a person. */
  if (host[0] == '\0' || host[0] == '/' || host[0] == '@' || g_ascii_strcasecmp (host, "localhost") == 0)
    return g_strdup_printf (_("%s on this computer"), team->database);

  return g_strdup_printf (_("%s on %s"), team->database, host);
}
