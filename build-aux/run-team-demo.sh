#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Tries the team database on this computer: builds Reprovision, starts a
# throwaway PostgreSQL server (build-aux/pg-test-cluster.sh), sets it up as an
# IT department would ("team init"), moves the sample programme onto it ("team
# copy"), gives three people logins of their own, and opens one window for
# each: two social workers (staff) and a manager (reports). The server and
# everything on it are removed when the app ends.
#
# Usage: build-aux/run-team-demo.sh [LOGIN…]   (default: amorgan bkhan manager)
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh test

if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "There is no display to show the windows on. Run this from a desktop session," >&2
  echo "or start Xvfb and set DISPLAY (for example: Xvfb :99 & export DISPLAY=:99)." >&2
  exit 1
fi

cli=_build/src/cli/reprovision-cli
cluster=$(mktemp -u /tmp/reprovision-team-demo.XXXXXX)
trap 'build-aux/pg-test-cluster.sh stop "$cluster" >/dev/null 2>&1 || true' EXIT
eval "$(RP_PG_CLUSTER_PORT=${RP_PG_CLUSTER_PORT:-54330} build-aux/pg-test-cluster.sh start "$cluster")"

server="host=$PGHOST port=$PGPORT"
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d "$server dbname=${1}" -U postgres -c "$2"; }

# What the council's IT department runs once (see the README, "For a team").
psql_admin postgres "CREATE DATABASE reprovision"
"$cli" team init --database "$server dbname=reprovision user=postgres"

# The sample programme, made as a file and moved onto the server with its history.
sample="$cluster/sample.db"
"$cli" demo --after-move --database "$sample" >/dev/null
"$cli" team copy --from "$sample" --to "$server dbname=reprovision user=postgres"
rm -f "$sample"

logins=("$@")
[ ${#logins[@]} -gt 0 ] || logins=(amorgan bkhan manager)
for login in "${logins[@]}"; do
  case "$login" in
    manager*) role=reprovision_reports ;;
    *) role=reprovision_staff ;;
  esac
  psql_admin reprovision "CREATE ROLE \"$login\" LOGIN IN ROLE $role"
  echo "Login $login: $role"
done

# One window per login, each its own app on its own session bus, as if on three
# people's computers; the server and all on it go when the last one closes.
pids=()
for login in "${logins[@]}"; do
  dbus-run-session -- meson devenv -C _build ./src/reprovision \
    --database "$server dbname=reprovision user=$login" &
  pids+=($!)
done
wait "${pids[@]}"
