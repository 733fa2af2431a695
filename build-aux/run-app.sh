#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Reprovision and starts it on the sample programme.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh build

if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build

sample="$PWD/_build/sample.db"
if [ ! -f "$sample" ]; then
  _build/src/cli/reprovision-cli demo --after-move --database "$sample"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "There is no display to show the window on. Run this from a desktop session," >&2
  echo "or start Xvfb and set DISPLAY (for example: Xvfb :99 & export DISPLAY=:99)." >&2
  exit 1
fi

exec meson devenv -C _build ./src/reprovision "$sample"
