#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs a fresh build with prefix /app into a staging folder, as the Flatpak does,
# and checks that everything a user needs is there.
set -euo pipefail

source_root=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

meson setup "$work/build" "$source_root" --prefix=/app -Dtests=false >"$work/setup.log" 2>&1 ||
  { cat "$work/setup.log"; exit 1; }
meson compile -C "$work/build" >"$work/compile.log" 2>&1 || { cat "$work/compile.log"; exit 1; }
DESTDIR="$work/stage" meson install -C "$work/build" --no-rebuild >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; exit 1; }

id=io.github.reprovision.Reprovision
missing=0
for file in \
  bin/reprovision \
  bin/reprovision-cli \
  "share/applications/$id.desktop" \
  "share/metainfo/$id.metainfo.xml" \
  "share/glib-2.0/schemas/$id.gschema.xml" \
  "share/icons/hicolor/scalable/apps/$id.svg" \
  "share/icons/hicolor/symbolic/apps/$id-symbolic.svg"
do
  if [ ! -e "$work/stage/app/$file" ]; then
    echo "not installed: /app/$file"
    missing=1
  fi
done

"$work/stage/app/bin/reprovision-cli" --version
exit $missing
