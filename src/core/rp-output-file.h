/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-output-file.h: where an export, schedule or copy may be written, and writing it whole */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RpOutputFile RpOutputFile;

void          rp_output_file_protect        (const char    *database_path);
void          rp_output_file_unprotect      (const char    *database_path);

gboolean      rp_output_file_is_protected   (const char    *path);
gboolean      rp_output_file_check_target   (const char    *path,
                                             GError       **error);
gboolean      rp_output_file_check_folder   (const char    *path,
                                             GError       **error);

RpOutputFile *rp_output_file_new            (const char    *path,
                                             GError       **error);
const char   *rp_output_file_get_temp_path  (RpOutputFile  *self);
gboolean      rp_output_file_commit         (RpOutputFile  *self,
                                             GError       **error);
void          rp_output_file_free           (RpOutputFile  *self);

gboolean      rp_output_file_set_contents   (const char    *path,
                                             const char    *contents,
                                             gssize         length,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpOutputFile, rp_output_file_free)

G_END_DECLS
