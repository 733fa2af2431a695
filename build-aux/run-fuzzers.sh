#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets in fuzz/ with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for a bounded time from its seed
# corpus. Fails if any target finds a crash, a leak, undefined behaviour or
# a failed check; the input that did it is kept in _build-fuzz/artifacts/.
# Usage: build-aux/run-fuzzers.sh [SECONDS]   (each target; default 30)
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "Usage: $0 [SECONDS]" >&2
  exit 2
fi

build-aux/install-deps.sh fuzz || exit 1

builddir=_build-fuzz
targets=(fuzz-csv-reader fuzz-date fuzz-values fuzz-import)

if [ ! -f "$builddir/build.ninja" ]; then
  # Only the fuzz targets are compiled below, so the GUI never has to build with clang.
  CC=clang meson setup "$builddir" -Dfuzzing=true -Dtests=false || exit 1
fi
meson compile -C "$builddir" "${targets[@]/#/fuzz/}" || exit 1

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LC_ALL=C.UTF-8

failed=()
for target in "${targets[@]}"; do
  name=${target#fuzz-}
  # New inputs go to a corpus in the build folder; the seeds in fuzz/corpus stay as committed.
  corpus="$builddir/corpus/$name"
  artifacts="$builddir/artifacts/$name"
  mkdir -p "$corpus" "$artifacts"

  echo "== $target: $seconds s"
  if ! "$builddir/fuzz/$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
      -dict=fuzz/csv.dict -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "$corpus" "fuzz/corpus/$name" 2>"$builddir/$target.log"; then
    tail -n 40 "$builddir/$target.log"
    failed+=("$target")
  else
    grep -E '^(stat::number_of_executed_units|stat::new_units_added)' "$builddir/$target.log" | sed 's/^/   /'
  fi
done

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzers: ${#failed[@]} failed: ${failed[*]} (inputs in $builddir/artifacts/)"
  exit 1
fi
echo "fuzzers: ${#targets[@]} ran for $seconds s each and found nothing"
