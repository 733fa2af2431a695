/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-sql-dialect.h: the store's SQL, written for SQLite, as PostgreSQL text for the team database */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rp_sql_to_postgres (const char *sql,
                          guint      *n_params);

G_END_DECLS
