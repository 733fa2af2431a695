/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-test-util.c: running reprovision-cli as a user does, and reading PDFs back, for the tests */

#include <string.h>
#include <sys/wait.h>

#include <gio/gio.h>

#include "rp-test-util.h"

void
rp_test_cli_result_clear (RpCliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

void
rp_test_run_cli (RpCliResult *result,
                 const char  *first_arg,
                 ...)
{
  va_list ap;

  va_start (ap, first_arg);
  rp_test_run_cli_valist (result, first_arg, ap);
  va_end (ap);
}

void
rp_test_run_cli_valist (RpCliResult *result,
                        const char  *first_arg,
                        va_list      ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("REPROVISION_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &result->out, &result->err, &wait_status, &error));
  g_assert_no_error (error);
  result->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
rp_test_inflate (const guint8 *data,
         gsize         len)
{
  g_autoptr(GConverter) zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize done_in = 0;

  while (done_in < len)
    {
      guint8 buffer[65536];
      gsize read = 0, written = 0;
      GConverterResult result = g_converter_convert (zlib, data + done_in, len - done_in, buffer, sizeof buffer,
                                                     G_CONVERTER_INPUT_AT_END, &read, &written, NULL);

      g_byte_array_append (out, buffer, written);
      done_in += read;
      if (result == G_CONVERTER_ERROR || result == G_CONVERTER_FINISHED || (read == 0 && written == 0))
        break;
    }
  g_byte_array_append (out, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&out), FALSE);
}

/* As g_strstr_len(), past NUL bytes: a PDF is binary. */
static const char *
rp_test_find_bytes (const char *haystack,
            gsize       len,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

/* The content streams of the PDF at @path, inflated, in file order. */
GPtrArray *
rp_test_pdf_streams (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *streams = g_ptr_array_new_with_free_func (g_free);
  gsize len = 0;
  const char *at;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  for (at = data; (at = rp_test_find_bytes (at, len - (at - data), "stream")) != NULL;)
    {
      const char *end;

      /* "stream", then the end of its line, then the data. */
      at += 6;
      if (at[0] == '\r')
        at++;
      if (at[0] != '\n')
        continue;
      at++;
      if ((end = rp_test_find_bytes (at, len - (at - data), "endstream")) == NULL)
        break;
      g_ptr_array_add (streams, rp_test_inflate ((const guint8 *) at, end - at));
      at = end + 9;
    }

  return streams;
}

/* Every text size a cairo PDF draws: cairo writes "s 0 0 -s x y Tm" with a
 * 1 pt font, so the size is the matrix's first number. */
GArray *
rp_test_pdf_text_sizes (const char *path)
{
  g_autoptr(GPtrArray) streams = rp_test_pdf_streams (path);
  g_autoptr(GRegex) tm = g_regex_new ("^(-?[0-9.]+) 0 0 (-?[0-9.]+) (-?[0-9.]+) (-?[0-9.]+) Tm$", G_REGEX_MULTILINE, 0, NULL);
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < streams->len; i++)
    {
      g_autoptr(GMatchInfo) m = NULL;

      for (g_regex_match (tm, g_ptr_array_index (streams, i), 0, &m); g_match_info_matches (m); g_match_info_next (m, NULL))
        {
          g_autofree char *a = g_match_info_fetch (m, 1);
          double size = g_ascii_strtod (a, NULL);

          g_array_append_val (sizes, size);
        }
    }

  return sizes;
}
