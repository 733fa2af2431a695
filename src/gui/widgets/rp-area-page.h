/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-area-page.h: the base of the window's four areas, each showing one programme */
#pragma once

#include <adwaita.h>

#include "rp-core.h"

G_BEGIN_DECLS

#define RP_TYPE_AREA_PAGE (rp_area_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (RpAreaPage, rp_area_page, RP, AREA_PAGE, AdwBin)

struct _RpAreaPageClass
{
  AdwBinClass parent_class;

  /* Reloads what the page shows; called whenever the store or programme changes. */
  void (*refresh) (RpAreaPage *self);
};

RpStore     *rp_area_page_get_store     (RpAreaPage  *self);
void         rp_area_page_set_store     (RpAreaPage  *self,
                                         RpStore     *store);
RpProgramme *rp_area_page_get_programme (RpAreaPage  *self);
void         rp_area_page_set_programme (RpAreaPage  *self,
                                         RpProgramme *programme);
void         rp_area_page_refresh       (RpAreaPage  *self);
void         rp_area_page_refresh_if_pending (RpAreaPage *self);
gboolean     rp_area_page_load_counts   (RpAreaPage        *self,
                                         RpProgrammeCounts *counts);

G_END_DECLS
