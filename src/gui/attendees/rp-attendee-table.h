/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-attendee-table.h: the attendees as a table: column headers that sort, and rows */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  RP_ATTENDEE_COLUMN_ATTENTION,
  RP_ATTENDEE_COLUMN_NUMBER,
  RP_ATTENDEE_COLUMN_NAME,
  RP_ATTENDEE_COLUMN_STATUS,
  RP_ATTENDEE_COLUMN_WORKER,
  RP_ATTENDEE_COLUMN_STEP,
  RP_ATTENDEE_COLUMN_DAYS,
  RP_ATTENDEE_COLUMN_TARGET,
  RP_ATTENDEE_COLUMN_OUTCOME,
  RP_ATTENDEE_N_COLUMNS
} RpAttendeeColumn;

/* In pixels: the room each side of a cell's content, and between the step's
 * dots and its name. */
#define RP_ATTENDEE_CELL_PADDING 6
#define RP_ATTENDEE_STEP_SPACING 8

#define RP_TYPE_ATTENDEE_TABLE (rp_attendee_table_get_type ())

G_DECLARE_FINAL_TYPE (RpAttendeeTable, rp_attendee_table, RP, ATTENDEE_TABLE, GtkWidget)

const char        *rp_attendee_table_get_column_title   (RpAttendeeColumn    column);

GtkWidget         *rp_attendee_table_new                (void);
GtkSelectionModel *rp_attendee_table_get_model          (RpAttendeeTable     *self);
void               rp_attendee_table_set_model          (RpAttendeeTable     *self,
                                                         GtkSelectionModel   *model);
void               rp_attendee_table_set_factory        (RpAttendeeTable     *self,
                                                         GtkListItemFactory  *factory);
const char        *rp_attendee_table_get_sort_column    (RpAttendeeTable     *self);
gboolean           rp_attendee_table_get_sort_descending (RpAttendeeTable    *self);
gboolean           rp_attendee_table_set_sort           (RpAttendeeTable     *self,
                                                         const char          *column_id,
                                                         gboolean             descending);
GtkAdjustment     *rp_attendee_table_get_vadjustment    (RpAttendeeTable     *self);

/* For the rows: where each column lies in a row @row_width wide. */
int                rp_attendee_table_get_row_width      (RpAttendeeTable     *self);
void               rp_attendee_table_get_column_span    (RpAttendeeTable     *self,
                                                         RpAttendeeColumn     column,
                                                         int                  row_width,
                                                         int                 *x,
                                                         int                 *width);

G_END_DECLS
