#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Reprovision needs that are not there yet.
# Usage: build-aux/install-deps.sh [build|test|fuzz]
set -euo pipefail

build_packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libcairo2-dev libpango1.0-dev libxlsxwriter-dev libical-dev libpq-dev libsecret-1-dev
  desktop-file-utils appstream
)
# clang with libFuzzer and the sanitizer runtimes; llvm for symbolised stack traces.
fuzz_packages=(
  clang libclang-rt-14-dev llvm
)
test_packages=(
  xvfb xauth dbus dbus-daemon dbus-x11 flatpak-builder python3 poppler-utils valgrind
  at-spi2-core gir1.2-atspi-2.0 python3-gi
  fonts-cantarell adwaita-icon-theme
  postgresql gnome-keyring
)

wanted=("${build_packages[@]}")
if [ "${1:-build}" = test ]; then
  wanted+=("${test_packages[@]}")
elif [ "${1:-build}" = fuzz ]; then
  wanted+=("${fuzz_packages[@]}")
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
