/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-record-list-window.h: a window listing one kind of record, to edit in place or add to */
#pragma once

#include <adwaita.h>

#include "rp-core.h"
#include "rp-record-row.h"

G_BEGIN_DECLS

#define RP_TYPE_RECORD_LIST_WINDOW (rp_record_list_window_get_type ())

G_DECLARE_DERIVABLE_TYPE (RpRecordListWindow, rp_record_list_window, RP, RECORD_LIST_WINDOW, AdwWindow)

struct _RpRecordListWindowClass
{
  AdwWindowClass parent_class;

  /* The store's table the list follows, such as "worker"; or, for a
   * list made from several, NULL and the tables in @tables. */
  const char *table;
  const char * const *tables;

  /* The records to list, in order. */
  GListModel *(* list_records) (RpRecordListWindow  *self);

  /* Gives @row, made for @record, its title, subtitle and editors. */
  void        (* fill_row)     (RpRecordListWindow  *self,
                                RpRecordRow         *row,
                                GObject             *record);

  /* Stores @record as edited in its row. */
  gboolean    (* save_record)  (RpRecordListWindow  *self,
                                GObject             *record,
                                GError             **error);

  /* Adds a record from the add form, and clears the form if it was added.
   * A list without it has no add form: it is read, not edited. */
  gboolean    (* add_record)   (RpRecordListWindow  *self,
                                GError             **error);

  /* A read-only row for @record, instead of an #RpRecordRow to edit. */
  GtkWidget  *(* make_row)     (RpRecordListWindow  *self,
                                GObject             *record);
};

RpStore *rp_record_list_window_get_store (RpRecordListWindow *self);
void     rp_record_list_window_set_store (RpRecordListWindow *self,
                                          RpStore            *store);

G_END_DECLS
