/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-check.h: a database's health, in plain words */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One check: what was checked and, if it failed, each problem found. */
typedef struct
{
  char      *passed;    /* said when there is no problem */
  char      *failed;    /* said when there are problems */
  GPtrArray *problems;  /* plain sentences; empty when the check passed */
} RpCheckFinding;

GPtrArray *rp_check_database (const char  *path,
                              GError     **error);
gboolean   rp_check_passed   (GPtrArray   *findings);
gboolean   rp_check_quick    (const char  *path,
                              GError     **error);

G_END_DECLS
