/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rp-core.h: the Reprovision domain library (no GTK) */
#pragma once

#include "rp-attendee.h"
#include "rp-audit-entry.h"
#include "rp-booking.h"
#include "rp-csv.h"
#include "rp-date.h"
#include "rp-enums.h"
#include "rp-error.h"
#include "rp-moving-plan.h"
#include "rp-programme.h"
#include "rp-provider.h"
#include "rp-sample.h"
#include "rp-step-change.h"
#include "rp-store.h"
#include "rp-taster-day.h"
#include "rp-timetable-action.h"
#include "rp-types.h"
#include "rp-worker.h"
