#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: bash scripts/pg-server.sh start|stop|halt|resume|status|url
#
#   start   initdb into $PG_TEST_DIR (default /tmp/agency-portal-pg), listen on 127.0.0.1:$PG_TEST_PORT
#           (default 54329) only, trust auth, role/database `portal` with CREATEDB and
#           pg_signal_backend (DROP DATABASE … WITH (FORCE) may have to end an autovacuum worker
#           that just started on a test database); prints
#           TEST_DATABASE_URL=postgres://portal@127.0.0.1:54329/portal. Reuses a server that is
#           already running from that folder.
#   stop    stops it and deletes the folder.
#   halt    stops it (pg_ctl stop -m fast) and keeps the folder: an outage, for the faults test.
#   resume  starts a halted server again on the same data (or does `start` when there is none).
#   url     prints the URL only.
#
# Installs nothing (scripts/test.sh does): needs Debian's postgresql (PG_BIN overrides the
# binaries' folder). Debian's server refuses to run as root, so as root it runs as `postgres`.
# Durability is off (fsync, synchronous_commit, full_page_writes): the data is thrown away.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
DIR="${PG_TEST_DIR:-/tmp/agency-portal-pg}"
PORT="${PG_TEST_PORT:-54329}"
DATA="$DIR/data"
LOG="$DIR/server.log"
URL="postgres://portal@127.0.0.1:$PORT/portal"

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "pg-server: $PG_BIN/initdb not found: install Debian's postgresql (bash scripts/test.sh does)" >&2
    exit 1
  fi
  if running; then
    echo "pg-server: already running in $DATA" >&2
    echo "TEST_DATABASE_URL=$URL"
    return
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "pg-server: port $PORT is taken by another program (set PG_TEST_PORT)" >&2
    exit 1
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; fi

  as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
  as_owner tee -a "$DATA/postgresql.conf" >/dev/null <<CONF
# scripts/pg-server.sh: loopback only, no durability (test data is thrown away)
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DATA'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
  as_owner tee "$DATA/pg_hba.conf" >/dev/null <<HBA
local all all trust
host  all all 127.0.0.1/32 trust
HBA
  as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null || { cat "$LOG" >&2; exit 1; }
  as_owner "$PG_BIN/psql" -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres \
    -c "CREATE ROLE portal LOGIN CREATEDB" -c "CREATE DATABASE portal OWNER portal" \
    -c "GRANT pg_signal_backend TO portal"
  echo "pg-server: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($DATA)" >&2
  echo "TEST_DATABASE_URL=$URL"
}

stop() {
  if running; then
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "pg-server: stopped" >&2
  fi
  rm -rf "$DIR"
}

halt() {
  if running; then
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "pg-server: halted (data kept in $DATA)" >&2
  fi
}

resume() {
  if running; then
    echo "TEST_DATABASE_URL=$URL"
    return
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    start
    return
  fi
  as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null || { cat "$LOG" >&2; exit 1; }
  echo "pg-server: resumed on 127.0.0.1:$PORT ($DATA)" >&2
  echo "TEST_DATABASE_URL=$URL"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  halt) halt ;;
  resume) resume ;;
  status) if running; then echo "running: $URL"; else echo "stopped"; exit 1; fi ;;
  url) echo "$URL" ;;
  *) echo "usage: bash scripts/pg-server.sh start|stop|halt|resume|status|url" >&2; exit 2 ;;
esac
