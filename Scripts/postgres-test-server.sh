#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
#
# A throwaway PostgreSQL server for the hub's tests: a new cluster in a temporary directory, listening only on
# 127.0.0.1 (a free port) and on a Unix socket in that directory, with trust authentication for the role
# careconnect_test. Nothing of the machine's own PostgreSQL is touched.
#
#   Scripts/postgres-test-server.sh start   create and start it; prints the URL for CARECONNECT_TEST_POSTGRES_URL
#   Scripts/postgres-test-server.sh url     print that URL again
#   Scripts/postgres-test-server.sh stop    stop it and delete its directory
#
# The directory is $CARECONNECT_TEST_POSTGRES_DIR (default: /tmp/careconnect-test-postgres). As root, the cluster
# runs as the postgres user, since PostgreSQL refuses to run as root.
set -euo pipefail

dir="${CARECONNECT_TEST_POSTGRES_DIR:-/tmp/careconnect-test-postgres}"
role=careconnect_test

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
    echo "postgres-test-server: PostgreSQL's server is not installed (Debian package postgresql; make deps installs it)" >&2
    exit 1
  fi
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

url() {
  cat "$dir/url"
}

start() {
  local bin port
  bin=$(bindir)
  if [ -f "$dir/url" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    url
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir/socket"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U "$role" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  port=$(free_port)
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c max_connections=200" start >/dev/null; then
    cat "$dir/data/server.log" >&2
    exit 1
  fi
  echo "postgres://$role@127.0.0.1:$port/postgres?sslmode=disable" | as_owner tee "$dir/url" >/dev/null
  url
}

stop() {
  local bin
  bin=$(bindir)
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
