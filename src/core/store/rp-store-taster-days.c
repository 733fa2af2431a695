/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-store-taster-days.c: taster days and bookings, and the rows the booking rules check */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rp-error.h"
#include "rp-store-internal.h"

#define TASTER_DAY_COLUMNS \
  "t.id, t.programme_id, t.provider_id, p.name, t.day, t.start_time, t.end_time, t.venue," \
  " t.places, t.notes, t.cancelled"
/* A reports login on a team database reads the days from
 * reprovision_report.taster_day (team schema 6), which has no venue or
 * notes: free text, which may name someone. */
#define TASTER_DAY_REPORT_COLUMNS \
  "t.id, t.programme_id, t.provider_id, p.name, t.day, t.start_time, t.end_time, NULL," \
  " t.places, NULL, t.cancelled"

/* The statement as a reports login runs it, or any other: the store keeps
 * its statements by their (static) text. */
#define FOR_ROLE(self, rest) \
  (rp_store_get_team_role (self) == RP_TEAM_ROLE_REPORTS \
   ? "SELECT " TASTER_DAY_REPORT_COLUMNS rest : "SELECT " TASTER_DAY_COLUMNS rest)

static RpTasterDay *
taster_day_from_row (RpStmt *stmt)
{
  RpTasterDay *day = rp_taster_day_new ();

  rp_taster_day_set_id (day, rp_stmt_column_int64 (stmt, 0));
  rp_taster_day_set_programme_id (day, rp_stmt_column_int64 (stmt, 1));
  rp_taster_day_set_provider_id (day, rp_stmt_column_int64 (stmt, 2));
  rp_taster_day_set_provider_name (day, column_text (stmt, 3));
  rp_taster_day_set_date (day, column_text (stmt, 4));
  rp_taster_day_set_start_time (day, column_text (stmt, 5));
  rp_taster_day_set_end_time (day, column_text (stmt, 6));
  rp_taster_day_set_venue (day, column_text (stmt, 7));
  rp_taster_day_set_places (day, rp_stmt_column_int (stmt, 8));
  rp_taster_day_set_notes (day, column_text (stmt, 9));
  rp_taster_day_set_cancelled (day, rp_stmt_column_int (stmt, 10));
  return day;
}

/* By day, "to be confirmed" last; on a day, one without a time first,
 * then by time, then by the provider's name (rp_name_sort_key ()). Days
 * and times are ISO text of fixed length, so the parts compare in turn. */
static char *
taster_day_sort_key (gpointer item)
{
  RpTasterDay *day = item;
  const char *date = rp_taster_day_get_date (day);
  const char *start = rp_taster_day_get_start_time (day);
  g_autofree char *provider = rp_name_sort_key (rp_taster_day_get_provider_name (day));

  return g_strdup_printf ("%c%s\1%c%s\1%s", date != NULL ? '0' : '1', date != NULL ? date : "",
                          start != NULL ? '1' : '0', start != NULL ? start : "", provider);
}

/**
 * rp_store_list_taster_days:
 * Returns: (transfer full): a #GListModel of #RpTasterDay, by date, "to be
 *   confirmed" last
 */
GListModel *
rp_store_list_taster_days (RpStore  *self,
                           gint64    programme_id,
                           GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  /* Sorted by the core (taster_day_sort_key ()), alike on a file and a server.
   * A reports login reads the days without their venue and notes. */
  stmt = store_prepare (self,
                        rp_store_get_team_role (self) == RP_TEAM_ROLE_REPORTS
                        ? "SELECT " TASTER_DAY_REPORT_COLUMNS " FROM taster_day t"
                          " JOIN provider p ON p.id = t.provider_id WHERE t.programme_id = ? ORDER BY t.id"
                        : "SELECT " TASTER_DAY_COLUMNS " FROM taster_day t"
                          " JOIN provider p ON p.id = t.provider_id WHERE t.programme_id = ? ORDER BY t.id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  return collect_rows_sorted (self, stmt, RP_TYPE_TASTER_DAY, (RowFunc) taster_day_from_row, taster_day_sort_key, error);
}

static gboolean
write_taster_day (RpStore  *self,
                  gpointer  data,
                  GError  **error)
{
  RpTasterDay *day = data;
  gint64 id = rp_taster_day_get_id (day);
  RpStmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO taster_day (programme_id, provider_id, day, start_time, end_time,"
                          " venue, places, notes, cancelled, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
                        : "UPDATE taster_day SET programme_id = ?, provider_id = ?, day = ?, start_time = ?,"
                          " end_time = ?, venue = ?, places = ?, notes = ?, cancelled = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, rp_taster_day_get_programme_id (day));
  bind_id (stmt, 2, rp_taster_day_get_provider_id (day));
  bind_text (stmt, 3, rp_taster_day_get_date (day));
  bind_text (stmt, 4, rp_taster_day_get_start_time (day));
  bind_text (stmt, 5, rp_taster_day_get_end_time (day));
  bind_text (stmt, 6, rp_taster_day_get_venue (day));
  rp_stmt_bind_int (stmt, 7, rp_taster_day_get_places (day));
  bind_text (stmt, 8, rp_taster_day_get_notes (day));
  rp_stmt_bind_int (stmt, 9, rp_taster_day_get_cancelled (day) ? 1 : 0);
  if (id != 0)
    rp_stmt_bind_int64 (stmt, 10, id);

  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    rp_taster_day_set_id (day, store_last_insert_id (self));
  else if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The taster day no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_add_taster_day (RpStore      *self,
                         RpTasterDay  *day,
                         GError      **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TASTER_DAY (day), FALSE);
  g_return_val_if_fail (rp_taster_day_get_id (day) == 0, FALSE);

  return store_add (self, day, (StoreValidateFunc) rp_taster_day_validate, write_taster_day,
                    (StoreSetIdFunc) rp_taster_day_set_id, error);
}

gboolean
rp_store_save_taster_day (RpStore      *self,
                          RpTasterDay  *day,
                          GError      **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_TASTER_DAY (day), FALSE);
  g_return_val_if_fail (rp_taster_day_get_id (day) > 0, FALSE);

  if (!rp_taster_day_validate (day, error))
    return FALSE;

  return store_write (self, write_taster_day, day, error);
}

#define BOOKING_COLUMNS \
  "id, taster_day_id, attendee_id, status, transport_needed, transport_arranged, staff_id," \
  " family_attending, feedback, pickup_time"

static RpBooking *
booking_from_row (RpStmt *stmt)
{
  RpBooking *booking = rp_booking_new ();
  RpBookingStatus status = RP_BOOKING_INVITED;

  rp_booking_status_from_string (column_text (stmt, 3), &status);
  rp_booking_set_id (booking, rp_stmt_column_int64 (stmt, 0));
  rp_booking_set_taster_day_id (booking, rp_stmt_column_int64 (stmt, 1));
  rp_booking_set_attendee_id (booking, rp_stmt_column_int64 (stmt, 2));
  rp_booking_set_status (booking, status);
  rp_booking_set_transport_needed (booking, rp_stmt_column_int (stmt, 4));
  rp_booking_set_transport_arranged (booking, rp_stmt_column_int (stmt, 5));
  rp_booking_set_staff_id (booking, rp_stmt_column_int64 (stmt, 6));
  rp_booking_set_family_attending (booking, column_text (stmt, 7));
  rp_booking_set_feedback (booking, column_text (stmt, 8));
  rp_booking_set_pickup_time (booking, column_text (stmt, 9));
  return booking;
}

/**
 * rp_store_list_bookings:
 * Returns: (transfer full): a #GListModel of #RpBooking on one taster day
 */
GListModel *
rp_store_list_bookings (RpStore  *self,
                        gint64    taster_day_id,
                        GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT " BOOKING_COLUMNS " FROM booking WHERE taster_day_id = ? ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, taster_day_id);
  return collect_rows (self, stmt, RP_TYPE_BOOKING, (RowFunc) booking_from_row, error);
}

static gboolean
write_booking (RpStore  *self,
               gpointer  data,
               GError  **error)
{
  RpBooking *booking = data;
  gint64 id = rp_booking_get_id (booking);
  g_autoptr(GError) local_error = NULL;
  RpStmt *stmt;

  stmt = store_prepare (self,
                        id == 0
                        ? "INSERT INTO booking (taster_day_id, attendee_id, status, transport_needed,"
                          " transport_arranged, staff_id, family_attending, feedback, pickup_time, id)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
                        : "UPDATE booking SET taster_day_id = ?, attendee_id = ?, status = ?,"
                          " transport_needed = ?, transport_arranged = ?, staff_id = ?,"
                          " family_attending = ?, feedback = ?, pickup_time = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_id (stmt, 1, rp_booking_get_taster_day_id (booking));
  bind_id (stmt, 2, rp_booking_get_attendee_id (booking));
  bind_text (stmt, 3, rp_booking_status_to_string (rp_booking_get_status (booking)));
  rp_stmt_bind_int (stmt, 4, rp_booking_get_transport_needed (booking) ? 1 : 0);
  rp_stmt_bind_int (stmt, 5, rp_booking_get_transport_arranged (booking) ? 1 : 0);
  bind_id (stmt, 6, rp_booking_get_staff_id (booking));
  bind_text (stmt, 7, rp_booking_get_family_attending (booking));
  bind_text (stmt, 8, rp_booking_get_feedback (booking));
  bind_text (stmt, 9, rp_booking_get_pickup_time (booking));
  if (id != 0)
    rp_stmt_bind_int64 (stmt, 10, id);

  if (!step_done (self, stmt, &local_error))
    {
      if (g_error_matches (local_error, RP_ERROR, RP_ERROR_DUPLICATE))
        g_set_error_literal (error, RP_ERROR, RP_ERROR_DUPLICATE,
                             _("This attendee is already booked on that taster day."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (id == 0)
    rp_booking_set_id (booking, store_last_insert_id (self));
  else if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The booking no longer exists."));
      return FALSE;
    }

  if (!store_write_name_words (self, "booking", rp_booking_get_id (booking), error))
    return FALSE;

  return TRUE;
}

gboolean
rp_store_add_booking (RpStore    *self,
                      RpBooking  *booking,
                      GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_BOOKING (booking), FALSE);
  g_return_val_if_fail (rp_booking_get_id (booking) == 0, FALSE);

  return store_add (self, booking, (StoreValidateFunc) rp_booking_validate, write_booking,
                    (StoreSetIdFunc) rp_booking_set_id, error);
}

static gboolean
write_bookings (RpStore  *self,
                gpointer  data,
                GError  **error)
{
  GPtrArray *bookings = data;

  for (guint i = 0; i < bookings->len; i++)
    if (!write_booking (self, g_ptr_array_index (bookings, i), error))
      return FALSE;

  return TRUE;
}

/**
 * rp_store_add_bookings:
 * @bookings: (element-type RpBooking): new bookings, for several attendees at once
 *
 * Adds every booking, or none of them.
 */
gboolean
rp_store_add_bookings (RpStore    *self,
                       GPtrArray  *bookings,
                       GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (bookings != NULL, FALSE);

  for (guint i = 0; i < bookings->len; i++)
    if (!rp_booking_validate (g_ptr_array_index (bookings, i), error))
      return FALSE;

  if (!store_write (self, write_bookings, bookings, error))
    {
      for (guint i = 0; i < bookings->len; i++)
        rp_booking_set_id (g_ptr_array_index (bookings, i), 0);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GPtrArray *bookings;
  GPtrArray *already_booked;
} AddExceptBooked;

static gboolean
write_bookings_except_booked (RpStore  *self,
                              gpointer  data,
                              GError  **error)
{
  AddExceptBooked *add = data;

  for (guint i = 0; i < add->bookings->len; i++)
    {
      RpBooking *booking = g_ptr_array_index (add->bookings, i);
      g_autoptr(GError) local_error = NULL;

      /* A refused INSERT undoes only itself: the others go on. Each is a
       * savepoint of its own, as a server undoes the whole transaction
       * after a failed statement otherwise. */
      if (store_write (self, write_booking, booking, &local_error))
        continue;
      if (!g_error_matches (local_error, RP_ERROR, RP_ERROR_DUPLICATE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      rp_booking_set_id (booking, 0);
      g_ptr_array_add (add->already_booked, g_object_ref (booking));
    }

  return TRUE;
}

/**
 * rp_store_add_bookings_except_booked:
 * @bookings: (element-type RpBooking): new bookings, for several attendees at once
 * @already_booked: (element-type RpBooking): where to add, with no id, the
 *   bookings left out because their attendee was already booked on that day
 *
 * Adds every booking in one transaction, except any whose attendee already
 * has a booking on that day: someone else may have booked them since they
 * were checked, and the others must not be lost for it. Any other refusal
 * adds none of them.
 *
 * Returns: %TRUE if the others were added, even if some were left out
 */
gboolean
rp_store_add_bookings_except_booked (RpStore    *self,
                                     GPtrArray  *bookings,
                                     GPtrArray  *already_booked,
                                     GError    **error)
{
  AddExceptBooked add = { bookings, already_booked };
  guint n_before;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (bookings != NULL, FALSE);
  g_return_val_if_fail (already_booked != NULL, FALSE);

  for (guint i = 0; i < bookings->len; i++)
    {
      g_return_val_if_fail (rp_booking_get_id (g_ptr_array_index (bookings, i)) == 0, FALSE);
      if (!rp_booking_validate (g_ptr_array_index (bookings, i), error))
        return FALSE;
    }

  n_before = already_booked->len;
  if (!store_write (self, write_bookings_except_booked, &add, error))
    {
      for (guint i = 0; i < bookings->len; i++)
        rp_booking_set_id (g_ptr_array_index (bookings, i), 0);
      g_ptr_array_remove_range (already_booked, n_before, already_booked->len - n_before);
      return FALSE;
    }

  return TRUE;
}

gboolean
rp_store_save_booking (RpStore    *self,
                       RpBooking  *booking,
                       GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (RP_IS_BOOKING (booking), FALSE);
  g_return_val_if_fail (rp_booking_get_id (booking) > 0, FALSE);

  if (!rp_booking_validate (booking, error))
    return FALSE;

  return store_write (self, write_booking, booking, error);
}

/**
 * rp_store_count_booked:
 * @booked: (out): how many of the day's bookings take someone there
 *   (rp_booking_rules_takes_place())
 *
 * How full a taster day is, from its bookings' states alone, so that a
 * reports login on a team database, which reads no booking's attendee or
 * family, can tell too.
 *
 * Returns: %TRUE if counted
 */
gboolean
rp_store_count_booked (RpStore  *self,
                       gint64    taster_day_id,
                       guint    *booked,
                       GError  **error)
{
  RpStmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);
  g_return_val_if_fail (booked != NULL, FALSE);

  if (!(stmt = store_prepare (self, "SELECT status FROM booking WHERE taster_day_id = ?", error)))
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, taster_day_id);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      RpBookingStatus status = RP_BOOKING_INVITED;

      rp_booking_status_from_string (column_text (stmt, 0), &status);
      n += rp_booking_rules_takes_place (status);
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return FALSE;
    }

  *booked = n;
  return TRUE;
}

RpTasterDay *
rp_store_get_taster_day (RpStore  *self,
                         gint64    taster_day_id,
                         GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        FOR_ROLE (self, " FROM taster_day t JOIN provider p ON p.id = t.provider_id WHERE t.id = ?"),
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, taster_day_id);
  return collect_one (self, stmt, (RowFunc) taster_day_from_row, _("The taster day no longer exists."), error);
}

/**
 * rp_store_list_attendee_bookings:
 * Returns: (transfer full): the attendee's #RpBooking list, by the day's date, "to be confirmed" last
 */
GListModel *
rp_store_list_attendee_bookings (RpStore  *self,
                                 gint64    attendee_id,
                                 GError  **error)
{
  RpStmt *stmt;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);

  stmt = store_prepare (self,
                        "SELECT b.id, b.taster_day_id, b.attendee_id, b.status, b.transport_needed,"
                        " b.transport_arranged, b.staff_id, b.family_attending, b.feedback, b.pickup_time"
                        " FROM booking b JOIN taster_day t ON t.id = b.taster_day_id WHERE b.attendee_id = ?"
                        " ORDER BY t.day IS NULL, t.day, t.start_time NULLS FIRST, b.id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, attendee_id);
  return collect_rows (self, stmt, RP_TYPE_BOOKING, (RowFunc) booking_from_row, error);
}

/* Taster-day warnings: the rows rp_booking_rules_check() needs ----------- */

/* Interned, so that equal dates share an address; a blank counts as none,
 * as the objects read it. */
static const char *
keep_text (GStringChunk *strings,
           const char   *text)
{
  return text != NULL && text[0] != '\0' ? g_string_chunk_insert_const (strings, text) : NULL;
}

/* A booking and its day from @stmt, whose first columns are: booking id,
 * taster day id, attendee id, staff id, status, date, start time, end time,
 * cancelled. */
#define SLOT_COLUMNS "x.id, o.id, x.attendee_id, x.staff_id, x.status, o.day, o.start_time, o.end_time, o.cancelled"
/* Then, for the words of a warning: provider, attendee number, preferred
 * name, full name. */
#define SLOT_NAME_COLUMNS ", p.name, a.number, a.preferred_name, a.full_name"
#define SLOT_NAME_JOINS " JOIN provider p ON p.id = o.provider_id LEFT JOIN attendee a ON a.id = x.attendee_id"

static void
slot_from_row (RpStmt        *stmt,
               GStringChunk  *strings,
               RpBookingSlot *slot)
{
  RpBookingStatus status = RP_BOOKING_INVITED;

  rp_booking_status_from_string (column_text (stmt, 4), &status);
  *slot = (RpBookingSlot) {
    .id = rp_stmt_column_int64 (stmt, 0),
    .taster_day_id = rp_stmt_column_int64 (stmt, 1),
    .attendee_id = rp_stmt_column_int64 (stmt, 2),
    .staff_id = rp_stmt_column_int64 (stmt, 3),
    .status = status,
    .date = keep_text (strings, column_text (stmt, 5)),
    .start_time = keep_text (strings, column_text (stmt, 6)),
    .end_time = keep_text (strings, column_text (stmt, 7)),
    .day_cancelled = rp_stmt_column_int (stmt, 8) != 0,
  };
}

/* As slot_from_row(), with the names of SLOT_NAME_COLUMNS. */
static void
named_slot_from_row (RpStmt        *stmt,
                     GStringChunk  *strings,
                     RpBookingSlot *slot)
{
  slot_from_row (stmt, strings, slot);
  slot->provider_name = keep_text (strings, column_text (stmt, 9));
  slot->attendee_number = rp_stmt_column_int (stmt, 10);
  slot->preferred_name = keep_text (strings, column_text (stmt, 11));
  slot->full_name = keep_text (strings, column_text (stmt, 12));
}

/* Bookings of one person on one date, or on one taster day: only those can
 * clash, and the rules pick them out again. */
static gboolean
load_slots (RpStore       *self,
            const char    *sql,
            gint64         who,
            const char    *date,
            gint64         taster_day_id,
            GStringChunk  *strings,
            GArray        *slots,
            GError       **error)
{
  RpStmt *stmt = store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rp_stmt_bind_int64 (stmt, 1, who);
  bind_text (stmt, 2, date);
  rp_stmt_bind_int64 (stmt, 3, taster_day_id);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      RpBookingSlot slot;

      named_slot_from_row (stmt, strings, &slot);
      g_array_append_val (slots, slot);
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    return set_error_from_db (self, error);

  return TRUE;
}

/* How many bookings of a day, other than @booking_id, take someone there. */
static gboolean
count_others_booked (RpStore  *self,
                     gint64    taster_day_id,
                     gint64    booking_id,
                     guint    *count,
                     GError  **error)
{
  RpStmt *stmt = store_prepare (self, "SELECT id, status FROM booking WHERE taster_day_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  *count = 0;
  rp_stmt_bind_int64 (stmt, 1, taster_day_id);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      RpBookingStatus status = RP_BOOKING_INVITED;

      rp_booking_status_from_string (column_text (stmt, 1), &status);
      if (rp_stmt_column_int64 (stmt, 0) != booking_id && rp_booking_rules_takes_place (status))
        (*count)++;
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    return set_error_from_db (self, error);

  return TRUE;
}

/* Checks @booking as rp_store_check_booking() does, counting @also_booked
 * more people on its day than are stored: those booked with it at once. */
static RpBookingWarning
check_booking (RpStore    *self,
               RpBooking  *booking,
               guint       also_booked,
               GPtrArray  *messages,
               GError    **error)
{
  g_autoptr(RpTasterDay) day = NULL;
  g_autoptr(RpAttendee) attendee = NULL;
  g_autoptr(RpProvider) provider = NULL;
  g_autoptr(RpProgramme) programme = NULL;
  g_autoptr(RpWorker) staff = NULL;
  g_autoptr(GStringChunk) strings = NULL;
  g_autoptr(GArray) attendee_bookings = NULL;
  g_autoptr(GArray) staff_bookings = NULL;
  RpBookingFacts facts;

  if (!(day = rp_store_get_taster_day (self, rp_booking_get_taster_day_id (booking), error)) ||
      !(attendee = rp_store_get_attendee (self, rp_booking_get_attendee_id (booking), error)) ||
      !(provider = rp_store_get_provider (self, rp_taster_day_get_provider_id (day), error)) ||
      !(programme = rp_store_get_programme (self, rp_taster_day_get_programme_id (day), error)))
    return RP_BOOKING_WARNING_NONE;

  /* Someone no longer on the staff list is still named where they go. */
  if (rp_booking_get_staff_id (booking) > 0)
    staff = rp_store_get_worker (self, rp_booking_get_staff_id (booking), NULL);

  facts = (RpBookingFacts) {
    .booking = {
      .id = rp_booking_get_id (booking),
      .taster_day_id = rp_taster_day_get_id (day),
      .attendee_id = rp_attendee_get_id (attendee),
      .staff_id = rp_booking_get_staff_id (booking),
      .status = rp_booking_get_status (booking),
      .transport_needed = rp_booking_get_transport_needed (booking),
      .transport_arranged = rp_booking_get_transport_arranged (booking),
      .date = rp_taster_day_get_date (day),
      .start_time = rp_taster_day_get_start_time (day),
      .end_time = rp_taster_day_get_end_time (day),
      .day_cancelled = rp_taster_day_get_cancelled (day),
      .provider_name = rp_taster_day_get_provider_name (day),
      .attendee_number = rp_attendee_get_number (attendee),
      .preferred_name = rp_attendee_get_preferred_name (attendee),
      .full_name = rp_attendee_get_full_name (attendee),
    },
    .places = rp_taster_day_get_places (day),
    .closure_date = rp_programme_get_closure_date (programme),
    .wheelchair_user = rp_attendee_get_wheelchair_user (attendee),
    .venue = rp_taster_day_get_venue (day),
    .day_notes = rp_taster_day_get_notes (day),
    .provider_notes = rp_provider_get_notes (provider),
    .staff_name = staff != NULL ? rp_worker_get_name (staff) : NULL,
  };

  /* The attendee's bookings on the same date or the same day, and the staff
   * member's on the same date. */
  strings = g_string_chunk_new (256);
  attendee_bookings = g_array_new (FALSE, TRUE, sizeof (RpBookingSlot));
  staff_bookings = g_array_new (FALSE, TRUE, sizeof (RpBookingSlot));
  if (!load_slots (self,
                   "SELECT " SLOT_COLUMNS SLOT_NAME_COLUMNS " FROM booking x JOIN taster_day o ON o.id = x.taster_day_id"
                   SLOT_NAME_JOINS " WHERE x.attendee_id = ?1 AND (o.day = ?2 OR o.id = ?3)",
                   facts.booking.attendee_id, facts.booking.date, facts.booking.taster_day_id,
                   strings, attendee_bookings, error))
    return RP_BOOKING_WARNING_NONE;
  facts.attendee_bookings = (const RpBookingSlot *) attendee_bookings->data;
  facts.n_attendee_bookings = attendee_bookings->len;

  /* Nothing more to load for a booking that takes nobody anywhere. */
  if (!rp_booking_rules_takes_place (facts.booking.status))
    return rp_booking_rules_check (&facts, messages);

  if (!count_others_booked (self, facts.booking.taster_day_id, facts.booking.id, &facts.others_booked, error))
    return RP_BOOKING_WARNING_NONE;
  facts.others_booked += also_booked;

  if (facts.booking.date != NULL && facts.booking.staff_id > 0 &&
      !load_slots (self,
                   "SELECT " SLOT_COLUMNS SLOT_NAME_COLUMNS " FROM booking x JOIN taster_day o ON o.id = x.taster_day_id"
                   SLOT_NAME_JOINS " WHERE x.staff_id = ?1 AND o.day = ?2",
                   facts.booking.staff_id, facts.booking.date, facts.booking.taster_day_id,
                   strings, staff_bookings, error))
    return RP_BOOKING_WARNING_NONE;
  facts.staff_bookings = (const RpBookingSlot *) staff_bookings->data;
  facts.n_staff_bookings = staff_bookings->len;

  return rp_booking_rules_check (&facts, messages);
}

/**
 * rp_store_check_booking:
 * @booking: a booking, saved or about to be
 * @messages: (nullable) (element-type utf8): where to add each warning in plain words
 *
 * Loads what the rules need to know about one booking and checks it with
 * rp_booking_rules_check(), the rules rp_store_summarise_taster_days()
 * applies to every saved booking at once.
 *
 * Returns: the warnings found
 */
RpBookingWarning
rp_store_check_booking (RpStore    *self,
                        RpBooking  *booking,
                        GPtrArray  *messages,
                        GError    **error)
{
  g_return_val_if_fail (RP_IS_STORE (self), RP_BOOKING_WARNING_NONE);
  g_return_val_if_fail (RP_IS_BOOKING (booking), RP_BOOKING_WARNING_NONE);

  return check_booking (self, booking, 0, messages, error);
}

/**
 * rp_store_check_bookings:
 * @bookings: (element-type RpBooking): new bookings, to be made at once
 * @messages: (nullable) (element-type utf8): where to add each warning in plain words
 *
 * Checks bookings about to be made together, as rp_store_check_booking()
 * checks one, except that the places on a day count those booked before
 * each one in @bookings as taken: three people ticked for two places left
 * warn about the third.
 *
 * Returns: (transfer full) (element-type RpBookingWarning): the warnings of
 *   each booking, in order, or %NULL on error
 */
GArray *
rp_store_check_bookings (RpStore    *self,
                         GPtrArray  *bookings,
                         GPtrArray  *messages,
                         GError    **error)
{
  g_autoptr(GArray) warnings = NULL;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (bookings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  warnings = g_array_sized_new (FALSE, TRUE, sizeof (RpBookingWarning), bookings->len);
  for (guint i = 0; i < bookings->len; i++)
    {
      RpBooking *booking = g_ptr_array_index (bookings, i);
      g_autoptr(GError) local_error = NULL;
      RpBookingWarning found;
      guint also_booked = 0;

      /* Only those who will go, and are not refused, take a place. */
      for (guint j = 0; j < i; j++)
        {
          RpBooking *before = g_ptr_array_index (bookings, j);

          if (rp_booking_get_taster_day_id (before) == rp_booking_get_taster_day_id (booking) &&
              rp_booking_rules_takes_place (rp_booking_get_status (before)) &&
              !(g_array_index (warnings, RpBookingWarning, j) & RP_BOOKING_WARNING_ALREADY_BOOKED))
            also_booked++;
        }

      found = check_booking (self, booking, also_booked, messages, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_array_append_val (warnings, found);
    }

  return g_steal_pointer (&warnings);
}

/* Bookings filed by person and date, for the summary to find the ones that
 * may clash with each booking without a query per booking. */
typedef struct
{
  gint64      who;
  const char *date;  /* interned */
} SlotKey;

static guint
slot_key_hash (gconstpointer key)
{
  const SlotKey *k = key;

  return g_int64_hash (&k->who) ^ g_direct_hash (k->date);
}

static gboolean
slot_key_equal (gconstpointer a,
                gconstpointer b)
{
  const SlotKey *x = a, *y = b;

  return x->who == y->who && x->date == y->date;
}

static GHashTable *
slot_table_new (void)
{
  return g_hash_table_new_full (slot_key_hash, slot_key_equal, g_free, (GDestroyNotify) g_array_unref);
}

static void
file_slot (GHashTable          *table,
           gint64               who,
           const RpBookingSlot *slot)
{
  SlotKey key = { who, slot->date };
  GArray *slots;

  if (who <= 0 || slot->date == NULL)
    return;

  if (!(slots = g_hash_table_lookup (table, &key)))
    {
      slots = g_array_new (FALSE, TRUE, sizeof (RpBookingSlot));
      g_hash_table_insert (table, g_memdup2 (&key, sizeof key), slots);
    }
  g_array_append_vals (slots, slot, 1);
}

static const RpBookingSlot *
filed_slots (GHashTable *table,
             gint64      who,
             const char *date,
             guint      *n_slots)
{
  SlotKey key = { who, date };
  GArray *slots = date != NULL ? g_hash_table_lookup (table, &key) : NULL;

  *n_slots = slots != NULL ? slots->len : 0;
  return slots != NULL ? (const RpBookingSlot *) slots->data : NULL;
}

/* A taster day of the programme as the rules see it. */
typedef struct
{
  gint64      id;
  gboolean    cancelled;
  int         places;
  const char *closure_date;
  const char *venue;
  const char *notes;
  const char *provider_notes;
  guint       booked;
} SummaryDay;

typedef struct
{
  RpBookingSlot slot;
  gboolean      wheelchair_user;
  guint         day;  /* in the days array */
} SummaryBooking;

/**
 * rp_store_summarise_taster_days:
 *
 * What the agenda shows of each taster day of a programme without listing
 * its bookings: how many are booked, and how many of those bookings
 * rp_store_check_booking() would warn about. Two queries over the whole
 * programme, not one check per booking, and each booking checked by
 * rp_booking_rules_check(); a cancelled day's bookings are not checked.
 *
 * Returns: (transfer full) (element-type RpTasterDaySummary): one summary per
 *   taster day, in order of taster day id, or %NULL on error
 */
GArray *
rp_store_summarise_taster_days (RpStore  *self,
                                gint64    programme_id,
                                GError  **error)
{
  g_autoptr(GArray) summaries = g_array_new (FALSE, TRUE, sizeof (RpTasterDaySummary));
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (SummaryDay));
  g_autoptr(GArray) bookings = g_array_new (FALSE, TRUE, sizeof (SummaryBooking));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  g_autoptr(GHashTable) by_attendee = slot_table_new ();
  g_autoptr(GHashTable) by_staff = slot_table_new ();
  RpStmt *stmt;
  int rc;

  g_return_val_if_fail (RP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The programme's days, each with its bookings. */
  stmt = store_prepare (self,
                        "SELECT b.id, t.id, b.attendee_id, b.staff_id, b.status, t.day, t.start_time, t.end_time,"
                        " t.cancelled, b.transport_needed, b.transport_arranged, a.wheelchair_user, t.places,"
                        " t.venue, t.notes, p.notes, g.closure_date"
                        " FROM taster_day t JOIN provider p ON p.id = t.provider_id JOIN programme g ON g.id = t.programme_id"
                        " LEFT JOIN booking b ON b.taster_day_id = t.id LEFT JOIN attendee a ON a.id = b.attendee_id"
                        " WHERE t.programme_id = ?1 ORDER BY t.id",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      gint64 day_id = rp_stmt_column_int64 (stmt, 1);
      SummaryBooking booking = { .day = days->len - 1 };

      if (days->len == 0 || g_array_index (days, SummaryDay, days->len - 1).id != day_id)
        {
          SummaryDay day = {
            .id = day_id,
            .cancelled = rp_stmt_column_int (stmt, 8) != 0,
            .places = rp_stmt_column_int (stmt, 12),
            .venue = keep_text (strings, column_text (stmt, 13)),
            .notes = keep_text (strings, column_text (stmt, 14)),
            .provider_notes = keep_text (strings, column_text (stmt, 15)),
            .closure_date = keep_text (strings, column_text (stmt, 16)),
          };

          g_array_append_val (days, day);
          booking.day = days->len - 1;
        }

      /* A day without bookings. */
      if (rp_stmt_column_is_null (stmt, 0))
        continue;

      slot_from_row (stmt, strings, &booking.slot);
      booking.slot.transport_needed = rp_stmt_column_int (stmt, 9) != 0;
      booking.slot.transport_arranged = rp_stmt_column_int (stmt, 10) != 0;
      booking.wheelchair_user = rp_stmt_column_int (stmt, 11) != 0;
      g_array_append_val (bookings, booking);
      file_slot (by_attendee, booking.slot.attendee_id, &booking.slot);
      file_slot (by_staff, booking.slot.staff_id, &booking.slot);
      if (rp_booking_rules_takes_place (booking.slot.status))
        g_array_index (days, SummaryDay, booking.day).booked++;
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  /* Other programmes' bookings on the same dates: a staff member works for
   * more than one. Days are few and bookings many, so the days lead. */
  stmt = store_prepare (self,
                        "SELECT " SLOT_COLUMNS " FROM taster_day o CROSS JOIN booking x ON x.taster_day_id = o.id"
                        " WHERE o.programme_id != ?1 AND o.day IN (SELECT day FROM taster_day WHERE programme_id = ?1)",
                        error);
  if (stmt == NULL)
    return NULL;

  rp_stmt_bind_int64 (stmt, 1, programme_id);
  while ((rc = rp_stmt_step (stmt)) == RP_STMT_ROW)
    {
      RpBookingSlot slot;

      slot_from_row (stmt, strings, &slot);
      file_slot (by_attendee, slot.attendee_id, &slot);
      file_slot (by_staff, slot.staff_id, &slot);
    }
  rp_stmt_reset (stmt);

  if (rc != RP_STMT_DONE)
    {
      set_error_from_db (self, error);
      return NULL;
    }

  for (guint i = 0; i < days->len; i++)
    {
      RpTasterDaySummary summary = {
        .taster_day_id = g_array_index (days, SummaryDay, i).id,
        .booked = g_array_index (days, SummaryDay, i).booked,
      };

      g_array_append_val (summaries, summary);
    }

  for (guint i = 0; i < bookings->len; i++)
    {
      const SummaryBooking *booking = &g_array_index (bookings, SummaryBooking, i);
      const SummaryDay *day = &g_array_index (days, SummaryDay, booking->day);
      RpBookingFacts facts;

      /* The agenda warns of nothing on a day that is called off. */
      if (day->cancelled || !rp_booking_rules_takes_place (booking->slot.status))
        continue;

      facts = (RpBookingFacts) {
        .booking = booking->slot,
        .places = day->places,
        .others_booked = day->booked - 1,
        .closure_date = day->closure_date,
        .wheelchair_user = booking->wheelchair_user,
        .venue = day->venue,
        .day_notes = day->notes,
        .provider_notes = day->provider_notes,
      };
      facts.attendee_bookings = filed_slots (by_attendee, facts.booking.attendee_id, facts.booking.date,
                                             &facts.n_attendee_bookings);
      facts.staff_bookings = filed_slots (by_staff, facts.booking.staff_id, facts.booking.date,
                                          &facts.n_staff_bookings);

      if (rp_booking_rules_check (&facts, NULL) != RP_BOOKING_WARNING_NONE)
        g_array_index (summaries, RpTasterDaySummary, booking->day).warned++;
    }

  return g_steal_pointer (&summaries);
}

static int
compare_summary_ids (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = ((const RpTasterDaySummary *) a)->taster_day_id;
  gint64 y = ((const RpTasterDaySummary *) b)->taster_day_id;

  return (x > y) - (x < y);
}

/**
 * rp_taster_day_summary_find:
 * @summaries: (element-type RpTasterDaySummary): from rp_store_summarise_taster_days()
 *
 * Returns: (nullable) (transfer none): the summary of @taster_day_id, or %NULL
 */
const RpTasterDaySummary *
rp_taster_day_summary_find (GArray *summaries,
                            gint64  taster_day_id)
{
  RpTasterDaySummary key = { .taster_day_id = taster_day_id };
  guint index;

  g_return_val_if_fail (summaries != NULL, NULL);

  if (!g_array_binary_search (summaries, &key, compare_summary_ids, &index))
    return NULL;

  return &g_array_index (summaries, RpTasterDaySummary, index);
}

typedef struct
{
  gint64  taster_day_id;
  guint  *n_bookings;
} CancelDay;

static gboolean
write_cancel_day (RpStore  *self,
                  gpointer  data,
                  GError  **error)
{
  CancelDay *cancel = data;
  RpStmt *stmt;

  stmt = store_prepare (self, "UPDATE taster_day SET cancelled = true WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, cancel->taster_day_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (store_changes (self) == 0)
    {
      g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND, _("The taster day no longer exists."));
      return FALSE;
    }

  /* The bookings stay, marked cancelled, so the record shows what was planned. */
  stmt = store_prepare (self,
                        "UPDATE booking SET status = 'cancelled' WHERE taster_day_id = ?"
                        " AND status NOT IN ('declined', 'cancelled')",
                        error);
  if (stmt == NULL)
    return FALSE;
  rp_stmt_bind_int64 (stmt, 1, cancel->taster_day_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (cancel->n_bookings != NULL)
    *cancel->n_bookings = store_changes (self);

  return TRUE;
}

/**
 * rp_store_cancel_taster_day:
 * @n_bookings: (out) (optional): how many bookings were marked cancelled
 *
 * Cancels a taster day and marks its bookings cancelled; nothing is deleted.
 */
gboolean
rp_store_cancel_taster_day (RpStore  *self,
                            gint64    taster_day_id,
                            guint    *n_bookings,
                            GError  **error)
{
  CancelDay cancel = { taster_day_id, n_bookings };

  g_return_val_if_fail (RP_IS_STORE (self), FALSE);

  return store_write (self, write_cancel_day, &cancel, error);
}
