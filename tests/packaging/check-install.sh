#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs a fresh build with prefix /app into a staging folder, as the Flatpak does,
# and checks that everything a user needs is there and points at the right names.
set -euo pipefail

source_root=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Without these the EXIT trap would not run when meson test stops us on timeout.
trap 'exit 1' INT TERM

meson setup "$work/build" "$source_root" --prefix=/app -Dtests=false >"$work/setup.log" 2>&1 ||
  { cat "$work/setup.log"; exit 1; }
meson compile -C "$work/build" >"$work/compile.log" 2>&1 || { cat "$work/compile.log"; exit 1; }
DESTDIR="$work/stage" meson install -C "$work/build" --no-rebuild >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; exit 1; }

id=io.github.reprovision.Reprovision
app="$work/stage/app"
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
  if [ ! -e "$app/$file" ]; then
    echo "not installed: /app/$file"
    missing=1
  fi
done
[ "$missing" -eq 0 ] || exit 1

# The launcher must start an installed program and show an installed icon.
desktop="$app/share/applications/$id.desktop"
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)
program=${exec_line%% *}
if [ ! -x "$app/bin/$program" ]; then
  echo "the desktop file starts '$program', which is not installed in /app/bin"
  exit 1
fi
icon=$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)
if [ "$icon" != "$id" ]; then
  echo "the desktop file shows icon '$icon', not $id"
  exit 1
fi

# Software centres find the app through the launchable named in the metainfo.
if ! grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" \
     "$app/share/metainfo/$id.metainfo.xml"; then
  echo "the installed metainfo does not name $id.desktop as its launchable"
  exit 1
fi

glib-compile-schemas --strict --dry-run "$app/share/glib-2.0/schemas"
"$app/bin/reprovision-cli" --version
echo "installed layout ok"
