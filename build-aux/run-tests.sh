#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Reprovision and runs the whole test suite: every test under Xvfb with
# warnings as errors, every test again under AddressSanitizer and
# UndefinedBehaviorSanitizer, the core tests under valgrind's memcheck, and
# then each fuzz target for FUZZ_SECONDS (20 by default).
set -uo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh test || exit 1

passed=0
failed=0

# Adds the counts from meson's closing summary to the totals; a run that
# failed without saying how (stopped by the time limit, say) counts as one.
count_results() {
  local log=$1 status=$2 ok fail unexpected timeout
  ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
  fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
  unexpected=$(sed -n 's/^Unexpected Pass: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
  timeout=$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
  fail=$((${fail:-0} + ${unexpected:-0} + ${timeout:-0}))
  if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then
    fail=1
  fi
  passed=$((passed + ${ok:-0}))
  failed=$((failed + fail))
}

run_suite() {
  local builddir=$1; shift
  local log status
  log=$(mktemp)
  echo "== meson test -C $builddir $*"
  # Output goes to a file, not a pipe, so that no stray process left holding
  # it can stop the run from ending; the whole suite is bounded in time too.
  timeout --kill-after=30 2400 \
    dbus-run-session --config-file=build-aux/test-session-bus.conf -- \
    xvfb-run -a -s "-screen 0 1280x800x24" \
    meson test -C "$builddir" --print-errorlogs "$@" >"$log" 2>&1
  status=$?
  cat "$log"
  count_results "$log" "$status"
  rm -f "$log"
}

status=0

# A throwaway PostgreSQL cluster for the team-database tests (suite "team"),
# in a folder of its own so that two runs on one machine keep apart, removed
# when this script ends however it ends. Without PostgreSQL those tests say
# they are skipped, and the rest runs as before; CI must have it.
# (Under /tmp: the server's user must reach it, and a socket's path is short.)
pg_cluster_dir=$(mktemp -u /tmp/reprovision-pg.XXXXXX)
stop_pg_cluster() {
  build-aux/pg-test-cluster.sh stop "$pg_cluster_dir" >/dev/null 2>&1 || true
}
trap stop_pg_cluster EXIT
trap 'exit 130' INT TERM
if pg_env=$(build-aux/pg-test-cluster.sh start "$pg_cluster_dir"); then
  eval "$pg_env"
  echo "== PostgreSQL test cluster in $pg_cluster_dir"
else
  echo "== No PostgreSQL test cluster: the team-database tests will be skipped"
  if [ "${CI:-}" = true ]; then
    failed=$((failed + 1))
  fi
fi

if [ ! -f _build/build.ninja ]; then
  meson setup _build -Dwerror=true || exit 1
else
  meson configure _build -Dwerror=true || exit 1
fi
meson compile -C _build || exit 1
run_suite _build

if [ ! -f _build-sanitize/build.ninja ]; then
  meson setup _build-sanitize -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false || exit 1
fi
meson compile -C _build-sanitize || exit 1
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 run_suite _build-sanitize

# The test setup is in tests/meson.build: errors and definite leaks fail a test.
# The team suite too: rp-team.c is core code, and skips itself without a cluster.
run_suite _build --setup valgrind --suite core --suite team

# The slow part: every fuzz target for a bounded time (FUZZ_SECONDS each).
echo "== build-aux/run-fuzzers.sh ${FUZZ_SECONDS:-20}"
if build-aux/run-fuzzers.sh "${FUZZ_SECONDS:-20}"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo
echo "tests: $passed passed, $failed failed ($((SECONDS / 60)) min $((SECONDS % 60)) s)"
[ "$failed" -eq 0 ] || status=1
exit $status
