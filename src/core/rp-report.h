/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-report.h: the reprovision report for the scrutiny commission, anonymised */
#pragma once

#include "rp-export-record.h"
#include "rp-follow-up.h"
#include "rp-name-index.h"
#include "rp-store.h"

G_BEGIN_DECLS

/* One row of Appendix 2. It holds nothing that identifies a person: the
 * attendee number, status, step, the note written for publication, dates. */
typedef struct
{
  gint64     attendee_id;   /* never printed: for the name check's confirmations */
  int        number;
  RpFunding  funding;
  int        step;
  char      *report_note;
  char      *target_date;
  RpOutcome  outcome;
  char      *outcome_date;
} RpProgressRow;

typedef enum
{
  RP_REPORT_TABLE_ALL,
  RP_REPORT_TABLE_PROGRESS,
  RP_REPORT_TABLE_TIMETABLE,
  RP_REPORT_TABLE_SUMMARY,
  RP_REPORT_TABLE_FOLLOW_UP,          /* Appendix 3: each person who moved, by number */
  RP_REPORT_TABLE_FOLLOW_UP_SUMMARY,  /* printed with the summary: outcomes and reviews by count */
} RpReportTable;

/* One row of Appendix 3, for a person who has moved. Like a progress row,
 * it holds nothing that identifies anyone: no note, no outcome's wording,
 * no reviewer, only numbers, the month of the move and the review's state. */
typedef struct
{
  gint64         attendee_id;   /* never printed */
  int            number;
  char          *moved_on;      /* ISO date; only its month is printed */
  gboolean       interim;       /* the move was to interim provision */
  RpReviewState  follow_up;     /* the follow-up review, as of the report's date */
  guint          met;           /* outcome ratings at the latest review held since the move */
  guint          partly_met;
  guint          not_met;
  int            placement_continues;  /* 1 yes, 0 no, -1 no review held or not recorded */
} RpFollowUpRow;

/* The cells of the follow-up summary. */
typedef enum
{
  RP_FOLLOW_UP_MET,
  RP_FOLLOW_UP_PARTLY_MET,
  RP_FOLLOW_UP_NOT_MET,
  RP_FOLLOW_UP_OUTCOMES_TOTAL,    /* always shown, as the summary's total is */
  RP_FOLLOW_UP_REVIEWS_HELD,
  RP_FOLLOW_UP_REVIEWS_DUE,
  RP_FOLLOW_UP_REVIEWS_OVERDUE,
  RP_FOLLOW_UP_REVIEWS_NOT_YET_DUE,
  RP_FOLLOW_UP_MOVES_SINCE,       /* since the last report */
  RP_FOLLOW_UP_REVIEWS_SINCE,
  RP_FOLLOW_UP_N_CELLS
} RpFollowUpCell;

typedef struct
{
  const char *as_of;            /* ISO date the report reflects; NULL for the programme's, else today */
  const char *compare_with;     /* ISO date for "change since"; NULL for none */
  gboolean    include_moved;
  gboolean    without_summary;  /* leave the summary and its chart out of the document */
  RpReportTable only_table;     /* one table only, or RP_REPORT_TABLE_ALL (the default) */
  guint       suppress_below;   /* 0: show every count; else counts below it print as "<N" */
  gboolean    without_step_column;  /* the progress table leaves out each attendee's step */
  const char *marking;          /* protective marking for every page, e.g. "OFFICIAL"; NULL for the programme's */
  gboolean    plain_utf8;       /* CSV files without the byte-order mark Excel needs */
  gboolean    without_follow_up_table;  /* leave Appendix 3 out; its summary goes with the summary */
} RpReportOptions;

/* Every text a report prints that a person wrote. */
typedef enum
{
  RP_PUBLISHED_REPORT_NOTE,
  RP_PUBLISHED_ACTIVITY,
  RP_PUBLISHED_TASK_OWNER,
  RP_PUBLISHED_REPORT_TITLE,
  RP_PUBLISHED_PROGRAMME_NAME,
  RP_PUBLISHED_MARKING,
  RP_PUBLISHED_DEPARTMENT,
  RP_PUBLISHED_AUTHOR,
  RP_PUBLISHED_MEETING,
  RP_PUBLISHED_DUE_NOTE,
  RP_PUBLISHED_DUE_PROVIDER,   /* a provider's name, printed with the taster days an action is linked to */
} RpPublishedField;

/* A published text that names someone, and where. The name itself is in
 * @text at @match; show it only in the app, never in a message or a log. */
typedef struct
{
  RpPublishedField field;
  int              number;     /* the attendee's number, or the action's place in the timetable */
  char            *place;      /* for rp_store_confirm_not_a_name(); NULL where there is none */
  char            *text;
  gsize            start;      /* bytes [start, end) of @text are the name */
  gsize            end;
  char            *known;      /* (nullable): as the programme spells it; NULL for an erased person */
} RpNameFinding;

void           rp_name_finding_free          (RpNameFinding *finding);
char          *rp_name_finding_describe      (const RpNameFinding *finding);
char          *rp_name_finding_get_word      (const RpNameFinding *finding);
guint          rp_name_finding_get_word_position (const RpNameFinding *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RpNameFinding, rp_name_finding_free)

char          *rp_name_place                 (const char    *table_name,
                                              gint64         record_id,
                                              const char    *field);

#define RP_TYPE_REPORT (rp_report_get_type ())

G_DECLARE_FINAL_TYPE (RpReport, rp_report, RP, REPORT, GObject)

RpReport      *rp_report_build             (RpStore               *store,
                                            gint64                 programme_id,
                                            const RpReportOptions *options,
                                            GError               **error);
const char    *rp_report_get_title         (RpReport              *self);
const char    *rp_report_get_programme     (RpReport              *self);
const char    *rp_report_get_as_of         (RpReport              *self);
const char    *rp_report_get_marking       (RpReport              *self);
const char    *rp_report_get_department    (RpReport              *self);
const char    *rp_report_get_author        (RpReport              *self);
const char    *rp_report_get_meeting       (RpReport              *self);
const char    *rp_report_get_meeting_date  (RpReport              *self);
guint          rp_report_get_n_rows        (RpReport              *self);
const RpProgressRow *rp_report_get_row     (RpReport              *self,
                                            guint                  index);
GListModel    *rp_report_get_actions       (RpReport              *self);
guint          rp_report_get_count         (RpReport              *self,
                                            int                    step);
int            rp_report_get_change        (RpReport              *self,
                                            int                    step);
gboolean       rp_report_has_comparison    (RpReport              *self);
gboolean       rp_report_includes          (RpReport              *self,
                                            RpReportTable          table);
char          *rp_report_format_count      (RpReport              *self,
                                            int                    step);
char          *rp_report_format_status     (const RpProgressRow   *row);
char          *rp_report_format_note       (const RpProgressRow   *row);
RpNameIndex   *rp_report_build_name_index  (RpReport              *self,
                                            RpStore               *store,
                                            GError               **error);
gboolean       rp_report_check_names       (RpReport              *self,
                                            RpNameIndex           *names,
                                            RpNameFinding        **finding,
                                            GError               **error);
gboolean       rp_report_check_names_confirming (RpReport           *self,
                                                 RpStore            *store,
                                                 RpNameIndex        *names,
                                                 const char * const *confirmations,
                                                 RpNameFinding     **finding,
                                                 GError            **error);
char          *rp_report_to_csv            (RpReport              *self,
                                            RpReportTable          table);
gboolean       rp_report_is_hidden         (RpReport              *self,
                                            int                    step);
gboolean       rp_report_get_with_step_column (RpReport           *self);
gboolean       rp_report_get_plain_utf8    (RpReport              *self);
const char    *rp_report_get_produced_on   (RpReport              *self);
char          *rp_report_format_produced   (RpReport              *self);
char          *rp_report_format_change_heading (RpReport          *self);
gboolean       rp_report_hidden_counts_recoverable (RpReport      *self);
char          *rp_report_describe_suppression (RpReport           *self);
char          *rp_report_describe_tables   (RpReport              *self);
guint          rp_report_get_n_follow_ups  (RpReport              *self);
const RpFollowUpRow *rp_report_get_follow_up (RpReport            *self,
                                            guint                  index);
guint          rp_report_get_follow_up_count (RpReport            *self,
                                              RpFollowUpCell       cell);
gboolean       rp_report_is_follow_up_hidden (RpReport            *self,
                                              RpFollowUpCell       cell);
char          *rp_report_format_follow_up_count (RpReport         *self,
                                                 RpFollowUpCell    cell);
const char    *rp_report_follow_up_cell_label (RpFollowUpCell      cell);
const char    *rp_report_get_last_report   (RpReport              *self);
char          *rp_report_format_since_last_report (RpReport       *self);
char          *rp_report_format_moved_month (const RpFollowUpRow  *row);
const char    *rp_report_format_review_state (const RpFollowUpRow *row);
const char    *rp_report_format_placement  (const RpFollowUpRow   *row);
gboolean       rp_report_record_export     (RpReport              *self,
                                            RpStore               *store,
                                            const char            *kind,
                                            const char            *format,
                                            const char            *path,
                                            const char            *reason,
                                            GError               **error);

G_END_DECLS
