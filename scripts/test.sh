#!/usr/bin/env bash
# THE test command (README → Quick start): bash scripts/test.sh
#   1. installs what is missing, idempotently: node_modules (npm ci), Debian's chromium and
#      postgresql (apt-get; with sudo when not root);
#   2. starts a throwaway PostgreSQL server on 127.0.0.1:54329 (scripts/pg-server.sh);
#   3. runs every test stage (npm test = scripts/test-all.mjs) with TEST_DATABASE_URL set:
#      type check, Vitest on PGlite, on PostgreSQL through pg and through the Neon driver,
#      Playwright end-to-end;
#   4. stops the server (also on failure or Ctrl-C) and exits with the tests' status.
# Arguments are passed to scripts/test-all.mjs (e.g. --skip=e2e, --only=pglite,pg).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n▶ %s\n' "$*"; }
started=$(date +%s)

SUDO=()
if [ "$(id -u)" != 0 ]; then SUDO=(sudo); fi

# ── 1. Dependencies ─────────────────────────────────────────────────────────────────────────
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci (node_modules missing or older than package-lock.json)"
  npm ci --no-audit --no-fund
else
  step "node_modules is up to date"
fi

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x /usr/bin/chromium ] || [ ! -x "$PG_BIN/initdb" ]; then
  step "apt-get install chromium postgresql (missing: $([ -x /usr/bin/chromium ] || printf 'chromium ')$([ -x "$PG_BIN/initdb" ] || printf 'postgresql'))"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium postgresql
else
  step "chromium and postgresql are installed"
fi
echo "  $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: unknown version')"
echo "  $("$PG_BIN/postgres" --version)"

# ── 2. A throwaway PostgreSQL server ────────────────────────────────────────────────────────
# Reuse a server that is already running (someone else's test run): stop only one we started.
if bash scripts/pg-server.sh status >/dev/null 2>&1; then
  step "PostgreSQL test server already running: reusing it"
else
  step "starting a throwaway PostgreSQL server"
  bash scripts/pg-server.sh start >/dev/null
  trap 'step "stopping the PostgreSQL test server"; bash scripts/pg-server.sh stop' EXIT
fi
TEST_DATABASE_URL="$(bash scripts/pg-server.sh url)"
export TEST_DATABASE_URL
echo "  TEST_DATABASE_URL=$TEST_DATABASE_URL"

# ── 3. Every test stage ─────────────────────────────────────────────────────────────────────
step "npm test"
status=0
node scripts/test-all.mjs "$@" || status=$?

echo
echo "scripts/test.sh: $(( $(date +%s) - started )) s in total, exit code $status"
exit "$status"
