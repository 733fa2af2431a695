/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-common.h: figures and generated programmes shared by the benchmarks */
#pragma once

#include "rp-core.h"

G_BEGIN_DECLS

/* The programme every benchmark measures; `reprovision-cli generate` makes the same one. */
#define BENCH_SEED  42
#define BENCH_TODAY "2023-10-15"

double   bench_elapsed_ms         (gint64        start);
double   bench_median             (const double *values,
                                   guint         n);
void     bench_report             (const char   *name,
                                   const double *ms,
                                   guint         n);
char    *bench_programme_path     (const char   *cache_dir,
                                   guint         n_attendees,
                                   double       *generated_s,
                                   GError      **error);
RpStore *bench_open_programme     (const char   *path,
                                   RpProgramme **programme,
                                   GError      **error);
void     bench_remove_database    (const char   *path);
void     bench_remove_tree        (const char   *path);
guint64  bench_peak_rss_kb        (void);
gboolean bench_reset_peak_rss     (void);

G_END_DECLS
