/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-test-util.h: temporary folders, the reference table, running reprovision-cli and reading PDFs, shared by the tests */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Appendix 2 of the reference report, 22 September 2023. */
typedef struct
{
  int         number;
  const char *status;
  int         step;
  const char *note;
} RpReferenceRow;

static const RpReferenceRow rp_reference_rows[] = {
  { 1, "ASC", 2, "Allocated worker made contact." },
  { 2, "ASC", 4, "Allocated worker completed review, family attending open days" },
  { 3, "ASC", 2, "Allocated to worker – worker to discuss options with family" },
  { 4, "ASC", 1, "Allocated worker to make contact" },
  { 5, "ASC", 4, "Allocated worker completed review. Family going to open days" },
  { 6, "ASC", 2, "Allocated worker made contact." },
  { 7, "ASC", 3, "Allocated worker meeting with family – Mosaic potential alt. provider" },
  { 8, "ASC", 2, "Allocated worker made contact" },
  { 9, "ASC", 2, "Allocated worker made contact – worker discussing options with family" },
  { 10, "ASC", 1, "Allocated worker – contact with family planned" },
  { 11, "ASC", 3, "Allocated worker in discussions with new day care provider, family & day centre re: transition plan. Review commenced." },
  { 12, "ASC", 2, "Allocated worker made contact – family on holiday currently" },
  { 13, "ASC", 2, "Allocated worker made contact. Discussion held with family" },
  { 14, "Health", 4, "Review process completed" },
  { 15, "ASC", 2, "Allocated worker made contact" },
  { 16, "Health", 4, "Review process completed" },
  { 17, "Health", 4, "Review process completed" },
  { 18, "Health", 4, "Review process completed" },
  { 19, "Health", 5, "Options being explored" },
};

static inline void
rp_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            rp_test_remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }

  g_rmdir (path);
}

/* A fresh folder per test; XDG_DATA_HOME points into it so nothing touches the real home. */
static inline char *
rp_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("reprovision-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* What one run of reprovision-cli gave back. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} RpCliResult;

void rp_test_cli_result_clear (RpCliResult *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RpCliResult, rp_test_cli_result_clear)

/* Runs $REPROVISION_CLI with the NULL-terminated arguments and waits for it. */
void rp_test_run_cli (RpCliResult *result,
                      const char  *first_arg,
                      ...);
void rp_test_run_cli_valist (RpCliResult *result,
                             const char  *first_arg,
                             va_list      ap);

/* The PDF's content streams, inflated (char *). */
GPtrArray  *rp_test_pdf_streams    (const char   *path);
/* Every font size, in points, the PDF at @path draws text in. */
GArray     *rp_test_pdf_text_sizes (const char   *path);
