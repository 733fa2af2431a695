/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-error.c: the error domain for failures a user can cause or meet */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "rp-error.h"
#include "rp-error-private.h"

G_DEFINE_QUARK (rp-error-quark, rp_error)

/* Every SQLite failure a person can meet, in words they can act on. */
void
rp_error_set_from_sqlite (GError     **error,
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
