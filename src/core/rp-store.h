/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store.h: the SQLite database that holds one or more reprovision programmes */
#pragma once

#include <gio/gio.h>

#include "rp-attendee.h"
#include "rp-attendee-field.h"
#include "rp-audit-entry.h"
#include "rp-booking.h"
#include "rp-booking-rules.h"
#include "rp-contact.h"
#include "rp-moving-plan.h"
#include "rp-name-index.h"
#include "rp-planned-outcome.h"
#include "rp-programme.h"
#include "rp-provider.h"
#include "rp-review.h"
#include "rp-rules-context.h"
#include "rp-step-change.h"
#include "rp-taster-day.h"
#include "rp-team.h"
#include "rp-timetable-action.h"
#include "rp-worker.h"

G_BEGIN_DECLS

#define RP_TYPE_STORE (rp_store_get_type ())

G_DECLARE_FINAL_TYPE (RpStore, rp_store, RP, STORE, GObject)

/* The schema version this build writes; databases at older versions are migrated on open. */
#define RP_STORE_SCHEMA_VERSION 15

typedef enum
{
  RP_STORE_OPEN_DEFAULT   = 0,
  RP_STORE_OPEN_CREATE    = 1 << 0,  /* create the file (0600) if it does not exist */
  RP_STORE_OPEN_READ_ONLY = 1 << 1,
  RP_STORE_OPEN_NO_COMPANIONS = 1 << 2,  /* with READ_ONLY: create no -wal or -shm beside the file */
  RP_STORE_OPEN_AS_IS     = 1 << 3,  /* write to the file as it is: keep its journal mode, update nothing */
} RpStoreOpenFlags;

/* Attendee counts for one programme, for the overview pages and the CLI. */
typedef struct
{
  guint attendees;          /* every attendee on record */
  guint attending;          /* outcome "still attending" */
  guint moved;
  guint left;
  guint at_step[RP_MOVING_PLAN_N_STEPS + 1];  /* index 1..6, attending only */
  guint health;             /* attending, funded by Health */
  guint no_worker;          /* attending, no allocated worker */
  guint workers;            /* active workers */
  guint providers;
  guint taster_days;        /* not cancelled */
  guint taster_days_upcoming;  /* dated today or later, or to be confirmed */
  guint bookings;           /* not cancelled */
  guint actions;
  guint actions_completed;
  guint actions_overdue;    /* due before today and not completed */
} RpProgrammeCounts;

char        *rp_store_get_default_path       (void);
char        *rp_store_get_sample_path        (void);
void         rp_store_prepare_safeguards     (void);
RpStore     *rp_store_open                   (const char        *path,
                                              RpStoreOpenFlags   flags,
                                              GError           **error);
void         rp_store_open_async             (const char        *location,
                                              RpStoreOpenFlags   flags,
                                              GCancellable      *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer           user_data);
RpStore     *rp_store_open_finish            (GAsyncResult      *result,
                                              GError           **error);

/* Team databases (PostgreSQL): a location is a postgresql:// URI or a
 * key=value connection string. */
gboolean     rp_store_location_is_team       (const char        *location);
gboolean     rp_store_is_team                (RpStore           *self);
RpTeamRole   rp_store_get_team_role          (RpStore           *self);
char        *rp_store_dup_display_name       (RpStore           *self);
const char  *rp_store_get_login              (RpStore           *self);
int          rp_store_get_notify_fd          (RpStore           *self);
gboolean     rp_store_get_connection_lost    (RpStore           *self);
const GError *rp_store_get_connection_problem (RpStore           *self);
void         rp_store_reconnect              (RpStore           *self);

/**
 * RpCommitOutcome:
 * @RP_COMMIT_OUTCOME_NONE: every COMMIT sent was answered
 * @RP_COMMIT_OUTCOME_UNSURE: a COMMIT was sent and the connection was lost
 *   before its answer came; not known yet whether it was saved
 * @RP_COMMIT_OUTCOME_SAVED: once connected again, the server said it was saved
 * @RP_COMMIT_OUTCOME_NOT_SAVED: once connected again, the server said it was not
 * @RP_COMMIT_OUTCOME_UNKNOWN: the server could no longer tell
 *
 * What became of the last change whose COMMIT went unanswered on a team
 * database (always %RP_COMMIT_OUTCOME_NONE on a file).
 */
typedef enum
{
  RP_COMMIT_OUTCOME_NONE,
  RP_COMMIT_OUTCOME_UNSURE,
  RP_COMMIT_OUTCOME_SAVED,
  RP_COMMIT_OUTCOME_NOT_SAVED,
  RP_COMMIT_OUTCOME_UNKNOWN,
} RpCommitOutcome;

RpCommitOutcome rp_store_get_commit_outcome  (RpStore           *self);
/* Puts back the triggers that protect the audit trail, and records the repair. */
gboolean     rp_store_repair_protection      (const char        *path,
                                              guint             *n_repaired,
                                              GError           **error);
const char  *rp_store_get_path               (RpStore           *self);
gboolean     rp_store_is_read_only           (RpStore           *self);
void         rp_store_renew_locks            (RpStore           *self);
gboolean     rp_store_check_file             (RpStore           *self,
                                              GError           **error);

/* Who is named in the audit trail and step history (default: the OS user). */
const char  *rp_store_get_user               (RpStore           *self);
void         rp_store_set_user               (RpStore           *self,
                                              const char        *user);
/* Today's date as the rules see it (default: the clock). Tests set a fixed day. */
char        *rp_store_dup_today              (RpStore           *self);
gboolean     rp_store_check_for_changes      (RpStore           *self);
void         rp_store_set_today              (RpStore           *self,
                                              const char        *today_iso);

/* Programmes */
GListModel  *rp_store_list_programmes        (RpStore           *self,
                                              GError           **error);
RpProgramme *rp_store_get_programme          (RpStore           *self,
                                              gint64             programme_id,
                                              GError           **error);
gboolean     rp_store_add_programme          (RpStore           *self,
                                              RpProgramme       *programme,
                                              GError           **error);
gboolean     rp_store_save_programme         (RpStore           *self,
                                              RpProgramme       *programme,
                                              GError           **error);
gboolean     rp_store_get_counts             (RpStore           *self,
                                              gint64             programme_id,
                                              RpProgrammeCounts *counts,
                                              GError           **error);

/* Workers (shared by every programme in the database) */
GListModel  *rp_store_list_workers           (RpStore           *self,
                                              gboolean           include_inactive,
                                              GError           **error);
RpWorker    *rp_store_get_worker             (RpStore           *self,
                                              gint64             worker_id,
                                              GError           **error);
gboolean     rp_store_add_worker             (RpStore           *self,
                                              RpWorker          *worker,
                                              GError           **error);
gboolean     rp_store_save_worker            (RpStore           *self,
                                              RpWorker          *worker,
                                              GError           **error);

/* Attendees */
GListModel  *rp_store_list_attendees         (RpStore           *self,
                                              gint64             programme_id,
                                              GError           **error);
GPtrArray   *rp_store_find_needing_attention (RpStore              *self,
                                              gint64                programme_id,
                                              const RpRulesContext *rules,
                                              guint                 max,
                                              guint                *n_needing,
                                              GError              **error);
GPtrArray   *rp_store_find_needing_attention_counted (RpStore              *self,
                                                      gint64                programme_id,
                                                      const RpRulesContext *rules,
                                                      guint                 max,
                                                      guint                *n_needing,
                                                      guint                *n_not_contacted,
                                                      GError              **error);
RpAttendee  *rp_store_get_attendee           (RpStore           *self,
                                              gint64             attendee_id,
                                              GError           **error);
RpAttendee  *rp_store_find_attendee          (RpStore           *self,
                                              gint64             programme_id,
                                              int                number,
                                              GError           **error);
int          rp_store_next_attendee_number   (RpStore           *self,
                                              gint64             programme_id,
                                              GError           **error);
gboolean     rp_store_add_attendee           (RpStore           *self,
                                              RpAttendee        *attendee,
                                              const char        *started_on,
                                              GError           **error);
gboolean     rp_store_save_attendee          (RpStore           *self,
                                              RpAttendee        *attendee,
                                              GError           **error);
gboolean     rp_store_save_attendee_fields   (RpStore           *self,
                                              gint64             attendee_id,
                                              const RpFieldEdit *edits,
                                              guint              n_edits,
                                              GPtrArray        **conflicts,
                                              GError           **error);
gboolean     rp_store_change_step            (RpStore           *self,
                                              gint64             attendee_id,
                                              int                to_step,
                                              const char        *date_iso,
                                              const char        *reason,
                                              GError           **error);
gboolean     rp_store_record_move            (RpStore           *self,
                                              gint64             attendee_id,
                                              gint64             provider_id,
                                              const char        *date_iso,
                                              GError           **error);
GListModel  *rp_store_list_step_history      (RpStore           *self,
                                              gint64             attendee_id,
                                              GError           **error);
gboolean     rp_store_undo_step_change       (RpStore           *self,
                                              gint64             step_change_id,
                                              GError           **error);
gboolean     rp_store_delete_attendee        (RpStore           *self,
                                              gint64             attendee_id,
                                              GError           **error);
guint        rp_store_count_caseload         (RpStore           *self,
                                              gint64             programme_id,
                                              gint64             worker_id,
                                              GError           **error);
RpNameIndex *rp_store_build_name_index       (RpStore           *self,
                                              gint64             programme_id,
                                              GError           **error);
RpNameIndex *rp_store_build_name_index_for_words (RpStore            *self,
                                                 gint64              programme_id,
                                                 const char * const *words,
                                                 const char * const *places,
                                                 const char * const *text_digests,
                                                 GError            **error);
RpNameIndex *rp_store_build_people_index      (RpStore           *self,
                                              GError           **error);
RpNameIndex *rp_store_build_erased_index     (RpStore           *self,
                                              GError           **error);
gboolean     rp_store_confirm_not_a_name     (RpStore           *self,
                                              gint64             programme_id,
                                              const char        *place,
                                              const char        *text,
                                              const char        *word,
                                              GError           **error);

/* Providers (shared by every programme in the database) */
GListModel  *rp_store_list_providers         (RpStore           *self,
                                              GError           **error);
gboolean     rp_store_add_provider           (RpStore           *self,
                                              RpProvider        *provider,
                                              GError           **error);
gboolean     rp_store_save_provider          (RpStore           *self,
                                              RpProvider        *provider,
                                              GError           **error);

/* Taster days and bookings */
GListModel  *rp_store_list_taster_days       (RpStore           *self,
                                              gint64             programme_id,
                                              GError           **error);
gboolean     rp_store_add_taster_day         (RpStore           *self,
                                              RpTasterDay       *day,
                                              GError           **error);
gboolean     rp_store_save_taster_day        (RpStore           *self,
                                              RpTasterDay       *day,
                                              GError           **error);
GListModel  *rp_store_list_bookings          (RpStore           *self,
                                              gint64             taster_day_id,
                                              GError           **error);
gboolean     rp_store_add_booking            (RpStore           *self,
                                              RpBooking         *booking,
                                              GError           **error);
gboolean     rp_store_add_bookings           (RpStore           *self,
                                              GPtrArray         *bookings,
                                              GError           **error);
gboolean     rp_store_add_bookings_except_booked (RpStore           *self,
                                                  GPtrArray         *bookings,
                                                  GPtrArray         *already_booked,
                                                  GError           **error);
gboolean     rp_store_save_booking           (RpStore           *self,
                                              RpBooking         *booking,
                                              GError           **error);

RpBookingWarning rp_store_check_booking      (RpStore           *self,
                                              RpBooking         *booking,
                                              GPtrArray         *messages,
                                              GError           **error);
GArray      *rp_store_check_bookings         (RpStore           *self,
                                              GPtrArray         *bookings,
                                              GPtrArray         *messages,
                                              GError           **error);

/* What the agenda shows of a taster day while its bookings are not listed. */
typedef struct
{
  gint64 taster_day_id;
  guint  booked;   /* bookings neither declined nor cancelled */
  guint  warned;   /* of those, how many rp_store_check_booking() warns about; none on a cancelled day */
} RpTasterDaySummary;

GArray      *rp_store_summarise_taster_days  (RpStore           *self,
                                              gint64             programme_id,
                                              GError           **error);
const RpTasterDaySummary *rp_taster_day_summary_find (GArray    *summaries,
                                                      gint64     taster_day_id);

gboolean     rp_store_cancel_taster_day      (RpStore           *self,
                                              gint64             taster_day_id,
                                              guint             *n_bookings,
                                              GError           **error);
GListModel  *rp_store_list_attendee_bookings (RpStore           *self,
                                              gint64             attendee_id,
                                              GError           **error);
RpTasterDay *rp_store_get_taster_day         (RpStore           *self,
                                              gint64             taster_day_id,
                                              GError           **error);
gboolean     rp_store_count_booked           (RpStore           *self,
                                              gint64             taster_day_id,
                                              guint             *booked,
                                              GError           **error);
RpProvider  *rp_store_get_provider           (RpStore           *self,
                                              gint64             provider_id,
                                              GError           **error);

/* Closure timetable */
GListModel  *rp_store_list_actions           (RpStore           *self,
                                              gint64             programme_id,
                                              GError           **error);
gboolean     rp_store_add_action             (RpStore           *self,
                                              RpTimetableAction *action,
                                              GError           **error);
gboolean     rp_store_save_action            (RpStore           *self,
                                              RpTimetableAction *action,
                                              GError           **error);
gboolean     rp_store_set_action_status      (RpStore           *self,
                                              gint64             action_id,
                                              RpActionStatus     from,
                                              RpActionStatus     to,
                                              GError           **error);
gboolean     rp_store_move_action            (RpStore           *self,
                                              gint64             action_id,
                                              int                offset,
                                              GError           **error);
gboolean     rp_store_delete_action          (RpStore           *self,
                                              gint64             action_id,
                                              GError           **error);
gboolean     rp_store_restore_action         (RpStore           *self,
                                              RpTimetableAction *action,
                                              GError           **error);

/* Contact log (private: never published) */
GListModel  *rp_store_list_contacts          (RpStore           *self,
                                              gint64             attendee_id,
                                              GError           **error);
GListModel  *rp_store_list_programme_contacts (RpStore          *self,
                                              gint64             programme_id,
                                              GError           **error);
gboolean     rp_store_add_contact            (RpStore           *self,
                                              RpContact         *contact,
                                              GError           **error);
gboolean     rp_store_save_contact           (RpStore           *self,
                                              RpContact         *contact,
                                              GError           **error);
gboolean     rp_store_delete_contact         (RpStore           *self,
                                              gint64             contact_id,
                                              GError           **error);
gboolean     rp_store_restore_contact        (RpStore           *self,
                                              RpContact         *contact,
                                              GError           **error);

/* After the move: the outcomes in a person's moving plan, the reviews
 * that rate them, and moves to interim provision */
GListModel  *rp_store_list_planned_outcomes  (RpStore           *self,
                                              gint64             attendee_id,
                                              GError           **error);
gboolean     rp_store_add_planned_outcome    (RpStore           *self,
                                              RpPlannedOutcome  *outcome,
                                              GError           **error);
gboolean     rp_store_save_planned_outcome   (RpStore           *self,
                                              RpPlannedOutcome  *outcome,
                                              GError           **error);
gboolean     rp_store_move_planned_outcome   (RpStore           *self,
                                              gint64             outcome_id,
                                              int                offset,
                                              GError           **error);
gboolean     rp_store_delete_planned_outcome (RpStore           *self,
                                              gint64             outcome_id,
                                              GError           **error);
GListModel  *rp_store_list_reviews           (RpStore           *self,
                                              gint64             attendee_id,
                                              GError           **error);
gboolean     rp_store_record_review          (RpStore           *self,
                                              RpReview          *review,
                                              GError           **error);
gboolean     rp_store_record_interim_move    (RpStore           *self,
                                              gint64             attendee_id,
                                              gint64             provider_id,
                                              const char        *date_iso,
                                              gint64             permanent_provider_id,
                                              const char        *permanent_date_iso,
                                              GError           **error);
gboolean     rp_store_record_permanent_move  (RpStore           *self,
                                              gint64             attendee_id,
                                              gint64             provider_id,
                                              const char        *date_iso,
                                              GError           **error);

/* Audit trail, newest first */
GListModel  *rp_store_list_audit             (RpStore           *self,
                                              const char        *table_name,
                                              gint64             record_id,
                                              GError           **error);

GListModel  *rp_store_list_attendee_records_audit (RpStore      *self,
                                                  gint64        attendee_id,
                                                  GError      **error);
GListModel  *rp_store_list_undone_step_changes (RpStore         *self,
                                                gint64           attendee_id,
                                                GError         **error);
GListModel  *rp_store_list_programme_audit  (RpStore           *self,
                                             gint64             programme_id,
                                             GError           **error);

G_END_DECLS
