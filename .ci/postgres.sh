#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests of the postgres profile, on loopback only.
#
#   .ci/postgres.sh start   # installs PostgreSQL if missing (Debian, as root), starts it, prints the export line
#   .ci/postgres.sh stop    # stops it and deletes its data folder
#
# Settings (environment): BRIEFING_PG_PORT (55432), BRIEFING_PG_DIR (/tmp/briefing-pg-<port>).
# The server trusts every local connection (user briefing, no password): it is for tests, never for data.
set -euo pipefail

port="${BRIEFING_PG_PORT:-55432}"
dir="${BRIEFING_PG_DIR:-/tmp/briefing-pg-$port}"
url="jdbc:postgresql://127.0.0.1:$port/briefing"

pg_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "PostgreSQL is not installed: apt-get install -y postgresql (as root)" >&2
      return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$bin"
}

# initdb and postgres refuse to run as root: as root, run them as the postgres OS user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  bin="$(pg_bin)"
  if [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    echo "PostgreSQL already running in $dir" >&2
  else
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$dir" -U briefing --auth=trust --encoding=UTF8 --no-locale >"$dir.initdb.log" 2>&1 \
      || { cat "$dir.initdb.log" >&2; return 1; }
    # loopback only; the socket stays in the data folder; fsync off: a test server loses nothing of value
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U briefing -d postgres -c 'CREATE DATABASE briefing' >/dev/null
  fi
  echo "export BRIEFING_TEST_POSTGRES_URL=$url"
}

stop() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$bin" ] && [ -f "$dir/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$dir" "$dir.initdb.log"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
