/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-erasure.h: erasing a person everywhere the app keeps them */
#pragma once

#include "rp-store.h"

G_BEGIN_DECLS

typedef enum
{
  RP_ERASURE_DEFAULT      = 0,
  RP_ERASURE_KEEP_BACKUPS = 1 << 0,  /* leave the copies in the backups folder as they are */
} RpErasureFlags;

gboolean rp_erasure_erase_attendee (RpStore         *store,
                                    gint64           attendee_id,
                                    RpErasureFlags   flags,
                                    guint           *n_backups,
                                    GError         **error);
gboolean rp_erasure_reapply        (RpStore         *copy,
                                    const char      *database_path,
                                    GError         **error);

G_END_DECLS
