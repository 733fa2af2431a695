/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-fuzz.h: what every libFuzzer target shares */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A critical from g_return_if_fail() or a warning is a bug the fuzzer should report. */
static inline void
rp_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
