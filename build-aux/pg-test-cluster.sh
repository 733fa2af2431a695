#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the team-database tests: Debian's
# PostgreSQL, run by an unprivileged user (the server refuses root), on a
# private Unix socket directory and no TCP port, in a folder of its own that
# "stop" removes.
#
# Usage: build-aux/pg-test-cluster.sh start|stop|env|crash|restart [DIR]
#   start    makes and starts the cluster in DIR, then prints its environment
#   env      prints "export PGHOST=… PGPORT=… PGUSER=…" for a running cluster
#   stop     stops the cluster and removes DIR
#   crash    stops the server at once (pg_ctl -m immediate), as a power cut
#            or a killed server would, keeping DIR (the fault tests)
#   restart  starts the server again on what DIR keeps
# DIR defaults to $RP_PG_CLUSTER_DIR, else /tmp/reprovision-pg.<uid>.
#
# RP_PG_CLUSTER_TCP=1 makes it listen on 127.0.0.1 too, and RP_PG_CLUSTER_FSYNC=on
# makes it wait for the disk as a real server does (the tests do not need to):
# the benchmarks measure a loopback server beside a file that is fsynced.
#
# The superuser ("postgres") and every other login are trusted on the socket
# and the loopback address, except the role reprovision_test_password, which
# must give a password on the socket: the tests use it to see how a refused
# password is reported.
set -euo pipefail

command=${1:-}
dir=${2:-${RP_PG_CLUSTER_DIR:-/tmp/reprovision-pg.$(id -u)}}
port=${RP_PG_CLUSTER_PORT:-54329}

find_bin() {
  local bin
  # The newest installed server.
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "pg-test-cluster: no PostgreSQL server is installed (apt-get install postgresql)" >&2
    return 1
  fi
  echo "$bin"
}

# Root runs the server as "postgres" (Debian's package makes that user);
# anyone else runs it as themselves.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

listen=""
if [ "${RP_PG_CLUSTER_TCP:-0}" = 1 ]; then
  listen=127.0.0.1
fi

server_options() {
  echo "-c listen_addresses='$listen' -k $dir/socket -p $port -c fsync=${RP_PG_CLUSTER_FSYNC:-off}"
}

print_env() {
  echo "export RP_TEAM_TEST_CLUSTER=$dir PGHOST=$dir/socket PGPORT=$port PGUSER=postgres PGDATABASE=postgres"
}

case "$command" in
  start)
    bin=$(find_bin)
    if [ -f "$dir/data/postmaster.pid" ]; then
      echo "pg-test-cluster: a cluster is already running in $dir (stop it first)" >&2
      exit 1
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
      echo "pg-test-cluster: run as root, but there is no postgres user to run the server" >&2
      exit 1
    fi
    rm -rf "$dir"
    mkdir -p "$dir/socket"
    chmod 700 "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown -R postgres: "$dir"
    fi
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # First match wins: the password role, then everyone else.
    as_server_user sh -c "cat >'$dir/data/pg_hba.conf'" <<'EOF'
local all reprovision_test_password scram-sha-256
local all all trust
host all all 127.0.0.1/32 trust
EOF
    if ! as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "$(server_options)" start >/dev/null; then
      cat "$dir/server.log" >&2 || true
      exit 1
    fi
    echo "$port" >"$dir/port"
    print_env
    ;;
  crash)
    [ -f "$dir/data/postmaster.pid" ] || { echo "pg-test-cluster: no cluster is running in $dir" >&2; exit 1; }
    bin=$(find_bin)
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null
    ;;
  restart)
    [ -d "$dir/data" ] || { echo "pg-test-cluster: no cluster in $dir" >&2; exit 1; }
    bin=$(find_bin)
    port=$(cat "$dir/port" 2>/dev/null || echo "$port")
    if ! as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "$(server_options)" start >/dev/null; then
      cat "$dir/server.log" >&2 || true
      exit 1
    fi
    ;;
  env)
    [ -f "$dir/data/postmaster.pid" ] || { echo "pg-test-cluster: no cluster is running in $dir" >&2; exit 1; }
    print_env
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      bin=$(find_bin)
      as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "Usage: $0 start|stop|env|crash|restart [DIR]" >&2
    exit 2
    ;;
esac
