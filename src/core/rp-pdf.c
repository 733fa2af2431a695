/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-pdf.c: what cairo 1.16 cannot write into a PDF, added afterwards */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rp-error.h"
#include "rp-pdf.h"

/**
 * rp_pdf_get_language:
 *
 * Returns: the language the documents' words are in, as a BCP 47 tag
 */
const char *
rp_pdf_get_language (void)
{
  /* Translators: the language of this translation as a BCP 47 tag, such as
   * "cy-GB" for Welsh; screen readers read the PDFs in it */
  return _("en-GB");
}

/* g_strrstr_len() stops at a zero byte, and compressed streams hold them. */
static const char *
find_last (const char *haystack,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i > 0; i--)
    if (memcmp (haystack + i - 1, needle, n) == 0)
      return haystack + i - 1;

  return NULL;
}

static gboolean
append (const char  *path,
        const char  *data,
        gsize        length,
        GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0);
  gsize written = 0;

  if (fd < 0)
    goto failed;

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;
      written += n;
    }

  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }

  return TRUE;

failed:
  {
    int saved = errno;

    if (fd >= 0)
      close (fd);
    g_set_error (error, RP_ERROR, RP_ERROR_IO, _("“%s” could not be written: %s."), path, g_strerror (saved));
    return FALSE;
  }
}

/**
 * rp_pdf_set_language:
 * @path: a PDF that cairo has just written
 * @language: a BCP 47 tag, such as "en-GB"
 *
 * Sets the document's language, which screen readers use to pronounce it
 * and accessibility checks ask for. cairo 1.16 has no way to write it, so
 * it is added as an incremental update, as the PDF standard provides (ISO
 * 32000-1, 7.5.6): the catalog again with /Lang, a cross-reference section
 * for it and a trailer pointing back to cairo's. Nothing cairo wrote changes.
 */
gboolean
rp_pdf_set_language (const char  *path,
                     const char  *language,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *object_start = NULL;
  g_autoptr(GString) update = g_string_new (NULL);
  const char *trailer, *startxref, *object, *body, *end, *dict_end;
  gint64 size = 0, root = 0, info = 0, previous = 0;
  gsize length;
  gsize catalog;
  gsize xref;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  /* cairo ends its file with a cross-reference table and a trailer naming the catalog. */
  trailer = find_last (contents, length, "\ntrailer");
  startxref = find_last (contents, length, "\nstartxref");
  if (trailer == NULL || startxref == NULL || startxref < trailer ||
      sscanf (trailer, " trailer << /Size %" G_GINT64_FORMAT " /Root %" G_GINT64_FORMAT " 0 R /Info %" G_GINT64_FORMAT,
              &size, &root, &info) < 2 ||
      sscanf (startxref, " startxref %" G_GINT64_FORMAT, &previous) != 1)
    goto unexpected;

  object_start = g_strdup_printf ("\n%" G_GINT64_FORMAT " 0 obj\n", root);
  if ((object = find_last (contents, trailer - contents, object_start)) == NULL)
    goto unexpected;
  body = object + strlen (object_start);
  if ((end = strstr (body, "\nendobj")) == NULL ||
      (dict_end = find_last (body, end - body, ">>")) == NULL)
    goto unexpected;

  if (contents[length - 1] != '\n')
    g_string_append_c (update, '\n');

  /* The catalog as cairo wrote it, with the language added. */
  catalog = length + update->len;
  g_string_append_printf (update, "%" G_GINT64_FORMAT " 0 obj\n", root);
  g_string_append_len (update, body, dict_end - body);
  g_string_append_printf (update, "   /Lang (%s)\n>>\nendobj\n", language);

  /* Each entry of a cross-reference table is exactly 20 bytes. */
  xref = length + update->len;
  g_string_append_printf (update, "xref\n%" G_GINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n", root, catalog);
  g_string_append_printf (update, "trailer\n<< /Size %" G_GINT64_FORMAT "\n   /Root %" G_GINT64_FORMAT " 0 R\n",
                          size, root);
  if (info > 0)
    g_string_append_printf (update, "   /Info %" G_GINT64_FORMAT " 0 R\n", info);
  g_string_append_printf (update, "   /Prev %" G_GINT64_FORMAT "\n>>\n", previous);
  g_string_append_printf (update, "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);

  return append (path, update->str, update->len, error);

unexpected:
  g_set_error (error, RP_ERROR, RP_ERROR_FAILED,
               _("The document’s language could not be set in “%s”: the PDF is not laid out as expected."), path);
  return FALSE;
}
