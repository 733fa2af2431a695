/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-sample.c: the sample programme, modelled on the reference scrutiny report */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rp-date.h"
#include "rp-error.h"
#include "rp-sample.h"
#include "rp-store-private.h"

/* The people are fictional. Numbers, statuses, steps and report notes are
 * those of the public report of 22 September 2023, so the sample reproduces
 * its progress table row for row. Its dates are written as they stood on that
 * day and moved to the day the sample is made, so a new user sees a live
 * programme rather than one that closed years ago. */
#define REFERENCE_DAY "2023-09-22"
typedef struct
{
  int         number;
  RpFunding   funding;
  int         step;
  const char *report_note;
  const char *full_name;
  const char *preferred_name;
  const char *date_of_birth;
  const char *contact_name;
  const char *contact_relationship;
  const char *contact_phone;
  gboolean    wheelchair_user;
  gboolean    transport_needed;
  const char *access_needs;
  guint       worker;        /* index into sample_workers */
  const char *case_notes;
  const char *target_date;
  const char *step_reached;  /* when the current step was reached, if not the usual day */
} SampleAttendee;

/* Communication needs, as the Accessible Information Standard asks: one
 * family needs large print, one person easy read, one a BSL interpreter
 * with a family contact who needs a Polish interpreter. */
typedef struct
{
  int         number;
  const char *needs;
  const char *language;
  const char *preferred;
  const char *notes;
  const char *contact_needs;
  const char *contact_language;
  const char *contact_preferred;
} SampleCommunication;

static const SampleCommunication sample_communication[] = {
  { 2, NULL, NULL, NULL, NULL, "large-print", NULL, "letter" },
  { 3, "makaton", NULL, "visit", "Uses a communication aid; Makaton signs for yes, no and more.", NULL, NULL, NULL },
  { 5, "easy-read,reader", NULL, NULL, "Likes Sam to go through letters with her, one point at a time.",
    NULL, NULL, "phone" },
  { 7, "bsl", NULL, "video-call", NULL, "interpreter", "Polish", "text" },
};

typedef struct
{
  const char   *name;
  const char   *initials;
  RpWorkerRole  role;
  const char   *team;
  const char   *phone;      /* what a family's schedule gives them to call */
} SampleWorker;

/* Phone numbers are from Ofcom's range for drama. Mel Lewis has none, so
 * her attendees' families are given the day centre office's. */
static const SampleWorker sample_workers[] = {
  { "Priya Mistry",  "PM", RP_WORKER_ROLE_SOCIAL_WORKER,   "Learning Disabilities Team", "0116 496 0201" },
  { "Rob Hughes",    "RH", RP_WORKER_ROLE_SOCIAL_WORKER,   "Learning Disabilities Team", "0116 496 0202" },
  { "Mel Lewis",     "ML", RP_WORKER_ROLE_SOCIAL_WORKER,   "Learning Disabilities Team", NULL },
  { "Olu Okafor",    "OO", RP_WORKER_ROLE_MANAGER,         "Day Services", NULL },
  { "Maria Mendes",  "MM", RP_WORKER_ROLE_MANAGER,         "Human Resources", NULL },
  { "Jo Taylor",     "JT", RP_WORKER_ROLE_MANAGER,         "Learning Disabilities Team", NULL },
  { "Hannah Ward",   "HW", RP_WORKER_ROLE_SOCIAL_WORKER,   "Community Health Team", "0116 496 0207" },
  { "Sam Carter",    "SC", RP_WORKER_ROLE_DAY_CENTRE_STAFF, "Day Centre", NULL },
  { "Dee Walsh",     "DW", RP_WORKER_ROLE_DAY_CENTRE_STAFF, "Day Centre", NULL },
};

enum { PM, RH, ML, OO, MM, JT, HW, SC, DW };

static const SampleAttendee sample_attendees[] = {
  { 1, RP_FUNDING_ASC, 2, "Allocated worker made contact.",
    "Aisha Rahman", NULL, "1991-04-12", "Nasreen Rahman", "Mother", "07700 900101",
    TRUE, TRUE, "Hoist for personal care", PM,
    "Mum prefers calls after 3 pm. Aisha enjoys music sessions.", NULL, "2023-09-14" },
  { 2, RP_FUNDING_ASC, 4, "Allocated worker completed review, family attending open days",
    "Benjamin Clarke", "Ben", "1987-09-30", "Margaret Clarke", "Mother", "07700 900102",
    FALSE, TRUE, NULL, RH,
    "Review done at home with Margaret and Ben's sister.", "2024-01-15", NULL },
  { 3, RP_FUNDING_ASC, 2, "Allocated to worker – worker to discuss options with family",
    "Chloe Evans", NULL, "1995-02-03", "David Evans", "Father", "07700 900103",
    TRUE, TRUE, "Uses communication aid", ML, NULL, NULL, "2023-09-11" },
  { 4, RP_FUNDING_ASC, 1, "Allocated worker to make contact",
    "Daniel Okoro", "Danny", "1983-11-21", "Grace Okoro", "Sister", "07700 900104",
    FALSE, FALSE, NULL, PM, NULL, NULL, NULL },
  { 5, RP_FUNDING_ASC, 4, "Allocated worker completed review. Family going to open days",
    "Ella Morgan", NULL, "1990-06-08", "Susan Morgan", "Mother", "07700 900105",
    TRUE, TRUE, "Needs a quiet room", RH,
    "Susan keen on Mosaic; worried about transport times.", "2024-01-31", NULL },
  { 6, RP_FUNDING_ASC, 2, "Allocated worker made contact.",
    "Faisal Hussain", NULL, "1979-12-14", "Imran Hussain", "Brother", "07700 900106",
    FALSE, TRUE, NULL, ML, NULL, NULL, "2023-09-13" },
  { 7, RP_FUNDING_ASC, 3, "Allocated worker meeting with family – Mosaic potential alt. provider",
    "Georgia Bennett", "Georgie", "1993-03-27", "Paul Bennett", "Father", "07700 900107",
    TRUE, TRUE, "Tube feeding: trained staff needed", PM,
    "Paul asked for a visit to Mosaic with Georgie's physio.", "2024-02-28", "2023-09-15" },
  { 8, RP_FUNDING_ASC, 2, "Allocated worker made contact",
    "Harry Doyle", NULL, "1986-07-19", "Ann Doyle", "Mother", "07700 900108",
    FALSE, FALSE, NULL, RH, NULL, NULL, "2023-09-18" },
  { 9, RP_FUNDING_ASC, 2, "Allocated worker made contact – worker discussing options with family",
    "Imogen Price", NULL, "1998-01-05", "Claire Price", "Mother", "07700 900109",
    TRUE, TRUE, NULL, ML, NULL, NULL, "2023-09-15" },
  { 10, RP_FUNDING_ASC, 1, "Allocated worker – contact with family planned",
    "Jamal Ahmed", NULL, "1989-10-10", "Farida Ahmed", "Mother", "07700 900110",
    FALSE, TRUE, NULL, PM, NULL, NULL, NULL },
  { 11, RP_FUNDING_ASC, 3,
    "Allocated worker in discussions with new day care provider, family & day centre re: transition plan. Review commenced.",
    "Katie O'Neill", NULL, "1994-05-23", "Brendan O'Neill", "Father", "07700 900111",
    TRUE, TRUE, "Hoist; changing places toilet", RH,
    "Transition plan drafted with IBC.", "2023-09-15", "2023-09-12" },
  { 12, RP_FUNDING_ASC, 2, "Allocated worker made contact – family on holiday currently",
    "Liam Walker", NULL, "1981-08-02", "Janet Walker", "Mother", "07700 900112",
    FALSE, FALSE, NULL, ML, "Family on holiday in Spain for two weeks.", NULL, "2023-09-12" },
  { 13, RP_FUNDING_ASC, 2, "Allocated worker made contact. Discussion held with family",
    "Maya Patel", NULL, "1996-11-30", "Ravi Patel", "Father", "07700 900113",
    TRUE, TRUE, NULL, PM, NULL, NULL, "2023-09-19" },
  { 14, RP_FUNDING_HEALTH, 4, "Review process completed",
    "Nathan Brooks", "Nate", "1985-04-17", "Lorraine Brooks", "Mother", "07700 900114",
    TRUE, TRUE, "Epilepsy care plan", HW, NULL, "2024-03-01", NULL },
  { 15, RP_FUNDING_ASC, 2, "Allocated worker made contact",
    "Olivia Hart", NULL, "1992-09-09", "Karen Hart", "Aunt", "07700 900115",
    FALSE, TRUE, NULL, RH, NULL, NULL, "2023-09-14" },
  { 16, RP_FUNDING_HEALTH, 4, "Review process completed",
    "Peter Lowe", NULL, "1980-02-25", "Irene Lowe", "Mother", "07700 900116",
    TRUE, TRUE, NULL, HW, NULL, "2024-03-01", NULL },
  { 17, RP_FUNDING_HEALTH, 4, "Review process completed",
    "Rhiannon Jones", NULL, "1997-12-01", "Gareth Jones", "Father", "07700 900117",
    TRUE, TRUE, "Oxygen", HW, NULL, "2024-03-15", NULL },
  { 18, RP_FUNDING_HEALTH, 4, "Review process completed",
    "Samuel Adeyemi", "Sam", "1984-06-13", "Bisi Adeyemi", "Mother", "07700 900118",
    FALSE, TRUE, NULL, HW, NULL, "2024-03-15", NULL },
  { 19, RP_FUNDING_HEALTH, 5, "Options being explored",
    "Tara Quinn", NULL, "1999-03-04", "Declan Quinn", "Brother", "07700 900119",
    TRUE, TRUE, "Supported living being considered", HW,
    "Health looking at supported living in the north of the city.", "2024-03-29", NULL },
};

/* When each step was usually reached, for a plausible history leading to the
 * reference day; most attendees reached their current step more recently. */
static const char * const step_dates[] = {
  NULL, "2023-07-17", "2023-08-07", "2023-08-29", "2023-09-12", "2023-09-19", NULL,
};

static const char * const step_reasons[] = {
  NULL,
  N_("Allocated at the start of the closure programme"),
  N_("First phone call with the family"),
  N_("Review meeting arranged"),
  N_("Review signed off"),
  N_("Options discussed with Health"),
  NULL,
};

typedef struct
{
  const char *name;
  const char *address;
  const char *contact_name;
  const char *contact_phone;
  const char *notes;
} SampleProvider;

static const SampleProvider sample_providers[] = {
  { "IBC", "12 High Street", "Leah Grant", "0116 496 0101",
    "Ground floor, level access and a changing places toilet." },
  { "Pathfinders", "Unit 4, Canal Wharf", "Tom Reid", "0116 496 0102",
    "Step-free entrance; lift to first floor." },
  { "FTM Dance", "The Old Library, Church Lane", "Kemi Bello", "0116 496 0103",
    "Dance and movement sessions; studio on the ground floor." },
  { "Mosaic", "3 Station Road", "Ruth Ellis", "0116 496 0104",
    "Sensory room; level access." },
};

typedef struct
{
  guint       provider;
  const char *date;
  const char *start_time;
  const char *end_time;
  int         places;
} SampleTasterDay;

static const SampleTasterDay sample_taster_days[] = {
  { 0, "2023-09-30", "10:00", "14:00", 6 },
  { 1, "2023-10-10", "10:30", "13:30", 5 },
  { 1, "2023-10-19", "10:30", "13:30", 5 },
  { 2, NULL, NULL, NULL, 4 },
  { 3, "2023-09-27", "11:00", "15:00", 6 },
  /* Open days already held, which families went to. */
  { 3, "2023-09-02", "11:00", "15:00", 6 },
  { 0, "2023-09-09", "10:00", "14:00", 6 },
};

typedef struct
{
  const char     *activity;
  const char     *owner;
  const char     *due_date;
  RpActionStatus  status;
  guint           taster_days;   /* the sample_taster_days it is linked to, as bits */
} SampleAction;

#define TASTER_DAY(i) (1u << (i))
G_STATIC_ASSERT (G_N_ELEMENTS (sample_taster_days) <= 32);

static const SampleAction sample_actions[] = {
  { "Produce information for people and families on how they will be supported through change.",
    "ML", "2023-08-31", RP_ACTION_COMPLETED },
  { "Hold staff meeting to enable all staff to fully understand the above with support from Human Resources. "
    "Separate meeting for assisted employees with family members there to support. Easy read documents provided.",
    "OO/MM", "2023-09-20", RP_ACTION_COMPLETED },
  { "Allocate people to social workers so that officers can start to work and support people and their families.",
    "JT", "2023-07-17", RP_ACTION_COMPLETED },
  { "Work underway with Health looking at alternative provision for 6 people attending the day centre. "
    "Health is looking at alternatives for example Supported Living.",
    "H/PM", NULL, RP_ACTION_IN_PROGRESS },
  { "4 of the care providers on the framework (IBC, Pathfinders, FTM dance and Mosaic) are organising taster "
    "days/open days for people and their family/carer to attend which will be supported by staff at the day "
    "centre and arrange transport where required.",
    "RH/PM", "2023-10-19", RP_ACTION_IN_PROGRESS,
    /* It prints their dates itself: "Mosaic 27 Sep, IBC 30 Sep, Pathfinders 10 & 19 Oct, FTM Dance tbc". */
    TASTER_DAY (0) | TASTER_DAY (1) | TASTER_DAY (2) | TASTER_DAY (3) | TASTER_DAY (4) },
};

/* The contact log, dated back from today (not from the reference day): every
 * family was contacted within the last fortnight except Liam Walker's, away
 * in Spain, so the sample shows the "not contacted" marker once. */
typedef struct
{
  int              number;
  int              days_ago;
  RpContactWith    with_whom;
  const char      *with_name;
  RpContactMethod  method;
  const char      *summary;
  gboolean         follow_up_needed;
} SampleContact;

static const SampleContact sample_contacts[] = {
  { 1, 3, RP_CONTACT_WITH_FAMILY, "Nasreen Rahman", RP_CONTACT_METHOD_PHONE,
    "Called after 3 pm as Nasreen prefers. Talked through the taster days; she would like Aisha to try IBC.", TRUE },
  { 1, 20, RP_CONTACT_WITH_FAMILY, "Nasreen Rahman", RP_CONTACT_METHOD_LETTER,
    "Sent the easy-read letter about the closure and the moving plan.", FALSE },
  { 2, 5, RP_CONTACT_WITH_FAMILY, "Margaret Clarke", RP_CONTACT_METHOD_VISIT,
    "Home visit with Margaret and Ben's sister to plan the open day.", FALSE },
  { 3, 6, RP_CONTACT_WITH_FAMILY, "David Evans", RP_CONTACT_METHOD_PHONE,
    "David asked how Chloe's communication aid will be supported at a new provider.", TRUE },
  { 4, 9, RP_CONTACT_WITH_FAMILY, "Grace Okoro", RP_CONTACT_METHOD_LETTER,
    "Letter introducing the allocated worker.", FALSE },
  { 5, 2, RP_CONTACT_WITH_FAMILY, "Susan Morgan", RP_CONTACT_METHOD_PHONE,
    "Susan still worried about transport times to Mosaic; checking the route.", TRUE },
  { 5, 4, RP_CONTACT_WITH_PROVIDER, "Ruth Ellis", RP_CONTACT_METHOD_EMAIL,
    "Asked Mosaic about a quiet room for Ella.", FALSE },
  { 6, 7, RP_CONTACT_WITH_FAMILY, "Imran Hussain", RP_CONTACT_METHOD_PHONE,
    "Imran is happy for Faisal to visit Pathfinders.", FALSE },
  { 7, 1, RP_CONTACT_WITH_FAMILY, "Paul Bennett", RP_CONTACT_METHOD_MEETING,
    "Meeting at the day centre with Paul and Georgie's physio about the visit to Mosaic.", TRUE },
  { 8, 8, RP_CONTACT_WITH_FAMILY, "Ann Doyle", RP_CONTACT_METHOD_PHONE,
    "Ann wants to see the options before deciding.", FALSE },
  { 9, 10, RP_CONTACT_WITH_FAMILY, "Claire Price", RP_CONTACT_METHOD_EMAIL,
    "Sent Claire the list of framework providers.", FALSE },
  { 10, 12, RP_CONTACT_WITH_FAMILY, "Farida Ahmed", RP_CONTACT_METHOD_LETTER,
    "Letter offering a first meeting.", FALSE },
  { 11, 4, RP_CONTACT_WITH_FAMILY, "Brendan O'Neill", RP_CONTACT_METHOD_VISIT,
    "Went through the transition plan drafted with IBC.", FALSE },
  { 11, 5, RP_CONTACT_WITH_ADVOCATE, NULL, RP_CONTACT_METHOD_PHONE,
    "Advocate to join the review.", FALSE },
  { 12, 18, RP_CONTACT_WITH_FAMILY, "Janet Walker", RP_CONTACT_METHOD_PHONE,
    "Janet said the family is away in Spain for two weeks; call when they are back.", TRUE },
  { 13, 3, RP_CONTACT_WITH_FAMILY, "Ravi Patel", RP_CONTACT_METHOD_MEETING,
    "Discussion with Ravi and Maya about the options.", FALSE },
  { 14, 11, RP_CONTACT_WITH_FAMILY, "Lorraine Brooks", RP_CONTACT_METHOD_PHONE,
    "Review outcome shared with Lorraine.", FALSE },
  { 15, 6, RP_CONTACT_WITH_FAMILY, "Karen Hart", RP_CONTACT_METHOD_PHONE,
    "Karen will come to the next open day with Olivia.", FALSE },
  { 16, 13, RP_CONTACT_WITH_FAMILY, "Irene Lowe", RP_CONTACT_METHOD_LETTER,
    "Letter confirming the review was completed.", FALSE },
  { 17, 9, RP_CONTACT_WITH_FAMILY, "Gareth Jones", RP_CONTACT_METHOD_PHONE,
    "Gareth asked about oxygen at the new provider; Health to answer.", TRUE },
  { 18, 2, RP_CONTACT_WITH_FAMILY, "Bisi Adeyemi", RP_CONTACT_METHOD_VISIT,
    "Home visit; Sam keen on dance sessions.", FALSE },
  { 19, 7, RP_CONTACT_WITH_FAMILY, "Declan Quinn", RP_CONTACT_METHOD_PHONE,
    "Declan told about the supported living being looked at in the north of the city.", FALSE },
};

/* A date of the reference report moved by @shift days. */
static char *
moved (const char *reference_date,
       int         shift)
{
  GDate date;

  if (reference_date == NULL)
    return NULL;

  if (!rp_date_parse_strict (reference_date, &date, NULL))
    g_assert_not_reached ();

  if (shift >= 0)
    g_date_add_days (&date, shift);
  else
    g_date_subtract_days (&date, -shift);

  return rp_date_to_iso (&date);
}

static gboolean
add_attendee_history (RpStore               *store,
                      RpAttendee            *attendee,
                      const SampleAttendee  *sample,
                      int                    shift,
                      GError               **error)
{
  g_autofree char *started_on = moved (step_dates[1], shift);

  if (!rp_store_add_attendee (store, attendee, started_on, error))
    return FALSE;

  for (int step = 2; step <= sample->step; step++)
    {
      const char *reached = step == sample->step && sample->step_reached != NULL
                              ? sample->step_reached : step_dates[step];
      g_autofree char *changed_on = moved (reached, shift);

      if (!rp_store_change_step (store, rp_attendee_get_id (attendee), step,
                                 changed_on, _(step_reasons[step]), error))
        return FALSE;
    }

  return TRUE;
}

/* After the move (issue 17): three people beyond the reference table who
 * have moved, with the outcomes in their plans. Grace's follow-up review is
 * done, one outcome partly met; Tomasz's falls due within days; Eileen is
 * in an interim place until her permanent one is ready. Days are counted
 * back from today. */
static const struct
{
  int         number;
  const char *full_name;
  const char *preferred_name;
  guint       worker;
  guint       provider;
  int         moved_days_ago;
  int         reviewed_days_ago;  /* 0: not yet */
  int         permanent_provider; /* -1: not interim */
  int         permanent_in_days;
  const char *outcomes[3];
} sample_moves[] = {
  { 20, "Grace Adeyemi", "Grace", PM, 0, 50, 4, -1, 0,
    { N_("Keeps seeing friends from the centre"), N_("Hydrotherapy each week"), N_("Same transport driver") } },
  { 21, "Tomasz Nowak", "Tom", RH, 1, 35, 0, -1, 0,
    { N_("Cooking club on Tuesdays"), N_("Keeps his quiet room after lunch"), NULL } },
  { 22, "Eileen Burke", NULL, ML, 2, 10, 0, 0, 30,
    { N_("Sees her sister at the new place"), N_("Garden group in the spring"), NULL } },
};

static char *
days_from (const char *today,
           int         days)
{
  GDate date;
  g_autoptr(GError) error = NULL;

  if (!rp_date_parse_strict (today, &date, &error))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return rp_date_to_iso (&date);
}

static gboolean
add_moves (RpStore       *store,
           gint64         programme_id,
           GError       **error)
{
  g_autofree char *today = rp_store_dup_today (store);
  gint64 worker_ids[G_N_ELEMENTS (sample_workers)] = { 0, };
  gint64 provider_ids[G_N_ELEMENTS (sample_providers)] = { 0, };
  g_autoptr(GListModel) workers = rp_store_list_workers (store, TRUE, error);
  g_autoptr(GListModel) providers = NULL;

  /* The sample's own workers and providers, found by name. */
  if (workers == NULL || !(providers = rp_store_list_providers (store, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(RpWorker) worker = g_list_model_get_item (workers, i);

      for (guint w = 0; w < G_N_ELEMENTS (sample_workers); w++)
        if (g_strcmp0 (rp_worker_get_name (worker), sample_workers[w].name) == 0 && worker_ids[w] == 0)
          worker_ids[w] = rp_worker_get_id (worker);
    }
  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(RpProvider) provider = g_list_model_get_item (providers, i);

      for (guint p = 0; p < G_N_ELEMENTS (sample_providers); p++)
        if (g_strcmp0 (rp_provider_get_name (provider), sample_providers[p].name) == 0 && provider_ids[p] == 0)
          provider_ids[p] = rp_provider_get_id (provider);
    }
  for (guint w = 0; w < G_N_ELEMENTS (sample_workers); w++)
    if (worker_ids[w] == 0)
      {
        g_set_error_literal (error, RP_ERROR, RP_ERROR_NOT_FOUND,
                             _("This is not the sample programme: its workers are not all there."));
        return FALSE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (sample_moves); i++)
    {
      g_autoptr(RpAttendee) attendee = rp_attendee_new ();
      g_autofree char *started_on = days_from (today, -200);
      g_autofree char *moved_on = days_from (today, -sample_moves[i].moved_days_ago);
      gint64 id;

      rp_store_set_user (store, sample_workers[sample_moves[i].worker].name);
      rp_attendee_set_programme_id (attendee, programme_id);
      rp_attendee_set_number (attendee, sample_moves[i].number);
      rp_attendee_set_full_name (attendee, sample_moves[i].full_name);
      rp_attendee_set_preferred_name (attendee, sample_moves[i].preferred_name);
      rp_attendee_set_worker_id (attendee, worker_ids[sample_moves[i].worker]);
      rp_attendee_set_step (attendee, 1);
      if (!rp_store_add_attendee (store, attendee, started_on, error))
        return FALSE;
      id = rp_attendee_get_id (attendee);

      for (int step = 2; step <= 5; step++)
        {
          g_autofree char *changed_on = days_from (today, -200 + (step - 1) * 25);

          if (!rp_store_change_step (store, id, step, changed_on, _(step_reasons[step]), error))
            return FALSE;
        }

      /* The outcomes are written when the moving plan is made. */
      for (guint o = 0; o < G_N_ELEMENTS (sample_moves[i].outcomes) && sample_moves[i].outcomes[o] != NULL; o++)
        {
          g_autoptr(RpPlannedOutcome) outcome = rp_planned_outcome_new ();
          g_autofree char *written_on = days_from (today, -100);

          rp_planned_outcome_set_attendee_id (outcome, id);
          rp_planned_outcome_set_description (outcome, _(sample_moves[i].outcomes[o]));
          rp_planned_outcome_set_written_on (outcome, written_on);
          if (!rp_store_add_planned_outcome (store, outcome, error))
            return FALSE;
        }

      if (sample_moves[i].permanent_provider >= 0)
        {
          g_autofree char *permanent_on = days_from (today, sample_moves[i].permanent_in_days);

          if (!rp_store_record_interim_move (store, id, provider_ids[sample_moves[i].provider], moved_on,
                                             provider_ids[sample_moves[i].permanent_provider], permanent_on, error))
            return FALSE;
        }
      else if (!rp_store_record_move (store, id, provider_ids[sample_moves[i].provider], moved_on, error))
        return FALSE;

      if (sample_moves[i].reviewed_days_ago > 0)
        {
          g_autoptr(RpReview) review = rp_review_new ();
          g_autoptr(GListModel) outcomes = rp_store_list_planned_outcomes (store, id, error);
          g_autofree char *held_on = days_from (today, -sample_moves[i].reviewed_days_ago);

          if (outcomes == NULL)
            return FALSE;

          rp_review_set_attendee_id (review, id);
          rp_review_set_held_on (review, held_on);
          rp_review_set_reviewer_id (review, worker_ids[sample_moves[i].worker]);
          rp_review_set_took_part (review, RP_TOOK_PART_PERSON | RP_TOOK_PART_FAMILY | RP_TOOK_PART_PROVIDER);
          rp_review_set_actions (review, _("Ask the provider for a second pool session while the usual one is closed."));
          for (guint o = 0; o < g_list_model_get_n_items (outcomes); o++)
            {
              g_autoptr(RpPlannedOutcome) outcome = g_list_model_get_item (outcomes, o);

              rp_review_set_rating (review, rp_planned_outcome_get_id (outcome), NULL,
                                    o == 1 ? RP_RATING_PARTLY_MET : RP_RATING_MET,
                                    o == 1 ? _("The pool was closed for repairs for three weeks.") : NULL);
            }
          if (!rp_store_record_review (store, review, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_sample (RpStore      *store,
            RpProgramme  *programme,
            int           shift,
            GError      **error)
{
  g_autofree char *today = rp_store_dup_today (store);
  gint64 worker_ids[G_N_ELEMENTS (sample_workers)];
  gint64 provider_ids[G_N_ELEMENTS (sample_providers)];
  gint64 day_ids[G_N_ELEMENTS (sample_taster_days)];
  gint64 programme_id;

  if (!rp_store_add_programme (store, programme, error))
    return FALSE;
  programme_id = rp_programme_get_id (programme);

  /* The sample's contact log goes back weeks, so it began before today. */
  {
    g_autofree char *log_since = moved (today, -90);

    if (!rp_store_set_contact_log_since (store, programme_id, log_since, error))
      return FALSE;
  }

  for (guint i = 0; i < G_N_ELEMENTS (sample_workers); i++)
    {
      g_autoptr(RpWorker) worker = rp_worker_new ();

      rp_worker_set_name (worker, sample_workers[i].name);
      rp_worker_set_initials (worker, sample_workers[i].initials);
      rp_worker_set_role (worker, sample_workers[i].role);
      rp_worker_set_team (worker, sample_workers[i].team);
      rp_worker_set_phone (worker, sample_workers[i].phone);
      if (!rp_store_add_worker (store, worker, error))
        return FALSE;
      worker_ids[i] = rp_worker_get_id (worker);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_providers); i++)
    {
      g_autoptr(RpProvider) provider = rp_provider_new ();

      rp_provider_set_name (provider, sample_providers[i].name);
      rp_provider_set_address (provider, sample_providers[i].address);
      rp_provider_set_contact_name (provider, sample_providers[i].contact_name);
      rp_provider_set_contact_phone (provider, sample_providers[i].contact_phone);
      rp_provider_set_on_framework (provider, TRUE);
      rp_provider_set_notes (provider, sample_providers[i].notes);
      if (!rp_store_add_provider (store, provider, error))
        return FALSE;
      provider_ids[i] = rp_provider_get_id (provider);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_attendees); i++)
    {
      const SampleAttendee *sample = &sample_attendees[i];
      g_autoptr(RpAttendee) attendee = rp_attendee_new ();
      g_autofree char *target_date = moved (sample->target_date, shift);
      gint64 worker_id = worker_ids[sample->worker];

      rp_attendee_set_programme_id (attendee, programme_id);
      rp_attendee_set_number (attendee, sample->number);
      rp_attendee_set_full_name (attendee, sample->full_name);
      rp_attendee_set_preferred_name (attendee, sample->preferred_name);
      rp_attendee_set_date_of_birth (attendee, sample->date_of_birth);
      rp_attendee_set_contact_name (attendee, sample->contact_name);
      rp_attendee_set_contact_relationship (attendee, sample->contact_relationship);
      rp_attendee_set_contact_phone (attendee, sample->contact_phone);
      rp_attendee_set_wheelchair_user (attendee, sample->wheelchair_user);
      rp_attendee_set_transport_needed (attendee, sample->transport_needed);
      rp_attendee_set_access_needs (attendee, sample->access_needs);
      rp_attendee_set_funding (attendee, sample->funding);
      rp_attendee_set_worker_id (attendee, worker_id);
      rp_attendee_set_case_notes (attendee, sample->case_notes);
      rp_attendee_set_report_note (attendee, sample->report_note);
      rp_attendee_set_target_date (attendee, target_date);
      rp_attendee_set_step (attendee, 1);
      for (guint c = 0; c < G_N_ELEMENTS (sample_communication); c++)
        {
          const SampleCommunication *comm = &sample_communication[c];

          if (comm->number != sample->number)
            continue;
          rp_attendee_set_communication_needs (attendee, comm->needs);
          rp_attendee_set_interpreter_language (attendee, comm->language);
          rp_attendee_set_preferred_contact (attendee, comm->preferred);
          rp_attendee_set_communication_notes (attendee, comm->notes);
          rp_attendee_set_contact_communication_needs (attendee, comm->contact_needs);
          rp_attendee_set_contact_interpreter_language (attendee, comm->contact_language);
          rp_attendee_set_contact_preferred_contact (attendee, comm->contact_preferred);
        }

      /* The history is recorded in the name of the allocated worker. */
      rp_store_set_user (store, sample_workers[sample->worker].name);

      if (!add_attendee_history (store, attendee, sample, shift, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_taster_days); i++)
    {
      const SampleTasterDay *sample = &sample_taster_days[i];
      g_autoptr(RpTasterDay) day = rp_taster_day_new ();
      g_autofree char *date = moved (sample->date, shift);

      rp_taster_day_set_programme_id (day, programme_id);
      rp_taster_day_set_provider_id (day, provider_ids[sample->provider]);
      rp_taster_day_set_date (day, date);
      rp_taster_day_set_start_time (day, sample->start_time);
      rp_taster_day_set_end_time (day, sample->end_time);
      rp_taster_day_set_venue (day, sample_providers[sample->provider].address);
      rp_taster_day_set_places (day, sample->places);
      if (!rp_store_add_taster_day (store, day, error))
        return FALSE;
      day_ids[i] = rp_taster_day_get_id (day);
    }

  /* Families of attendees 2, 5, 7 and 11 go to open days, as the report says;
   * 2 and 5 have been to one already. */
  {
    static const struct { int number; guint day; RpBookingStatus status; guint staff; const char *family; const char *pickup; } bookings[] = {
      { 2, 0, RP_BOOKING_CONFIRMED, SC, "Margaret (mother)", "09:15" },
      { 5, 4, RP_BOOKING_CONFIRMED, DW, "Susan (mother)", "10:15" },
      { 5, 1, RP_BOOKING_CONFIRMED, DW, "Susan (mother)", "09:45" },
      { 7, 4, RP_BOOKING_CONFIRMED, SC, "Paul (father)", "10:15" },
      { 11, 0, RP_BOOKING_CONFIRMED, SC, "Brendan (father)", "09:15" },
      { 2, 2, RP_BOOKING_INVITED, DW, NULL, NULL },
      { 2, 5, RP_BOOKING_ATTENDED, SC, "Margaret (mother)", "10:15" },
      { 5, 6, RP_BOOKING_ATTENDED, DW, "Susan (mother)", "09:15" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bookings); i++)
      {
        g_autoptr(RpBooking) booking = rp_booking_new ();
        g_autoptr(RpAttendee) attendee = NULL;

        if (!(attendee = rp_store_find_attendee (store, programme_id, bookings[i].number, error)))
          return FALSE;

        rp_booking_set_taster_day_id (booking, day_ids[bookings[i].day]);
        rp_booking_set_attendee_id (booking, rp_attendee_get_id (attendee));
        rp_booking_set_status (booking, bookings[i].status);
        rp_booking_set_transport_needed (booking, rp_attendee_get_transport_needed (attendee));
        rp_booking_set_transport_arranged (booking, rp_attendee_get_transport_needed (attendee) && bookings[i].pickup != NULL);
        if (rp_attendee_get_transport_needed (attendee))
          rp_booking_set_pickup_time (booking, bookings[i].pickup);
        rp_booking_set_staff_id (booking, worker_ids[bookings[i].staff]);
        rp_booking_set_family_attending (booking, bookings[i].family);
        if (!rp_store_add_booking (store, booking, error))
          return FALSE;
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (sample_contacts); i++)
    {
      const SampleContact *sample = &sample_contacts[i];
      const SampleAttendee *person = &sample_attendees[sample->number - 1];
      g_autoptr(RpContact) contact = rp_contact_new ();
      g_autoptr(RpAttendee) attendee = NULL;
      g_autofree char *contacted_on = moved (today, -sample->days_ago);

      if (!(attendee = rp_store_find_attendee (store, programme_id, sample->number, error)))
        return FALSE;

      rp_contact_set_attendee_id (contact, rp_attendee_get_id (attendee));
      rp_contact_set_contacted_on (contact, contacted_on);
      rp_contact_set_worker_id (contact, worker_ids[person->worker]);
      rp_contact_set_with_whom (contact, sample->with_whom);
      rp_contact_set_with_name (contact, sample->with_name);
      rp_contact_set_method (contact, sample->method);
      rp_contact_set_summary (contact, sample->summary);
      rp_contact_set_follow_up_needed (contact, sample->follow_up_needed);
      rp_store_set_user (store, sample_workers[person->worker].name);
      if (!rp_store_add_contact (store, contact, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_actions); i++)
    {
      g_autoptr(RpTimetableAction) action = rp_timetable_action_new ();
      g_autofree char *due_date = moved (sample_actions[i].due_date, shift);

      rp_timetable_action_set_programme_id (action, programme_id);
      rp_timetable_action_set_activity (action, sample_actions[i].activity);
      rp_timetable_action_set_owner (action, sample_actions[i].owner);
      rp_timetable_action_set_due_date (action, due_date);
      rp_timetable_action_set_status (action, sample_actions[i].status);
      rp_timetable_action_set_position (action, i + 1);
      for (guint j = 0; j < G_N_ELEMENTS (sample_taster_days); j++)
        if (sample_actions[i].taster_days & TASTER_DAY (j))
          {
            g_autoptr(RpTasterDay) day = rp_taster_day_new ();

            rp_taster_day_set_id (day, day_ids[j]);
            rp_timetable_action_link_taster_day (action, day);
          }
      if (!rp_store_add_action (store, action, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rp_sample_create:
 * @store: an open, writable store
 * @error: why the sample could not be written
 *
 * Adds the sample programme — the 19 attendees of the reference progress
 * table with fictional personal details, their step history, workers, the
 * four framework providers and their taster days, and the five timetable
 * actions — in one transaction.
 *
 * Its dates are set from the store's today (rp_store_set_today() makes them
 * reproducible): step changes in the weeks and months before it, taster days
 * in the coming weeks, the closure some months ahead. Two attendees have made
 * no progress for weeks and one has passed their target date, so the sample
 * shows what needs attention too, as does one family not contacted for 18
 * days (the contact log is dated back from today).
 *
 * Returns: (transfer full): the new programme, or %NULL
 */
RpProgramme *
rp_sample_create (RpStore  *store,
                  GError  **error)
{
  g_autoptr(RpProgramme) programme = NULL;
  g_autofree char *user = NULL;
  g_autofree char *today = NULL;
  g_autofree char *closure_date = NULL;
  int shift;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  today = rp_store_dup_today (store);
  shift = rp_date_days_between (REFERENCE_DAY, today);
  closure_date = moved ("2024-03-31", shift);

  programme = rp_programme_new ();
  rp_programme_set_name (programme, _("Riverside (sample)"));
  rp_programme_set_closure_date (programme, closure_date);
  rp_programme_set_report_title (programme, _("Day Centre Update"));
  rp_programme_set_family_contact (programme, _("the day centre office"));
  rp_programme_set_family_contact_phone (programme, "0116 496 0100");

  if (!rp_store_begin (store, error))
    return NULL;

  user = g_strdup (rp_store_get_user (store));
  ok = add_sample (store, programme, shift, error);
  rp_store_set_user (store, user);

  if (!ok || !rp_store_commit (store, error))
    {
      rp_store_rollback (store);
      return NULL;
    }

  return g_steal_pointer (&programme);
}

/**
 * rp_sample_add_moves:
 * @store: an open, writable store holding the sample programme
 * @programme: the sample programme, from rp_sample_create()
 *
 * Adds three people who have moved, beyond the 19 of the reference table
 * (which the sample keeps as it is, for the reports it is checked against):
 * Grace, whose follow-up review is done with one outcome partly met; Tomasz,
 * whose follow-up review falls due within days; and Eileen, in an interim
 * place until her permanent one is ready. Dated from the store's today, in
 * one transaction.
 */
gboolean
rp_sample_add_moves (RpStore      *store,
                     RpProgramme  *programme,
                     GError      **error)
{
  g_autofree char *user = NULL;
  gboolean ok;

  g_return_val_if_fail (RP_IS_STORE (store), FALSE);
  g_return_val_if_fail (RP_IS_PROGRAMME (programme), FALSE);

  if (!rp_store_begin (store, error))
    return FALSE;

  user = g_strdup (rp_store_get_user (store));
  ok = add_moves (store, rp_programme_get_id (programme), error);
  rp_store_set_user (store, user);

  if (!ok || !rp_store_commit (store, error))
    {
      rp_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
