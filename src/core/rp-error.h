/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-error.h: the error domain for failures a user can cause or meet */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RP_ERROR (rp_error_quark ())

typedef enum
{
  RP_ERROR_INVALID,        /* a value the rules refuse: bad date, step out of range, missing field */
  RP_ERROR_DUPLICATE,      /* an attendee number already in use, and similar */
  RP_ERROR_NOT_FOUND,      /* the record no longer exists */
  RP_ERROR_NOT_DATABASE,   /* the file is not a Reprovision database */
  RP_ERROR_NEWER_VERSION,  /* written by a newer Reprovision */
  RP_ERROR_CORRUPT,        /* SQLite reports corruption */
  RP_ERROR_LOCKED,         /* another program holds the database */
  RP_ERROR_READ_ONLY,      /* the file or the store is read-only */
  RP_ERROR_NO_SPACE,       /* the disk is full */
  RP_ERROR_IO,             /* the operating system could not read or write */
  RP_ERROR_CONFLICT,       /* someone else changed the same field meanwhile; theirs was kept */
  RP_ERROR_FAILED,         /* anything else */
  RP_ERROR_LOCK_LOST,      /* another program took the database from under this one */
  RP_ERROR_NETWORK_SHARE,  /* the database is on a network drive, where it cannot be kept safe */
  RP_ERROR_UNPROTECTED,    /* the triggers that protect the audit trail are missing or changed */
} RpError;

GQuark rp_error_quark (void);

G_END_DECLS
