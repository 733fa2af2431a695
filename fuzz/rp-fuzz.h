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

/* Text a message shows: valid UTF-8, with no character a terminal acts on or
 * that reorders what is shown (rp_quote_value() writes those as codes). */
static inline void
rp_fuzz_assert_shown_safely (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_false (c < 0x20 || (c >= 0x7f && c <= 0x9f));
      g_assert_false ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
    }
}
