#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests and benchmarks: Debian's server binaries, a fresh
# cluster in a temporary folder, on a free loopback port, run as a non-root user, stopped and
# deleted afterwards. fsync is off: the data is thrown away, so only speed matters.
#
# Sourced (scripts/test.sh does this):
#   source scripts/postgres.sh
#   postgres_start || echo "no PostgreSQL: $POSTGRES_PROBLEM"
#   trap postgres_stop EXIT
#   # ... STUDYBOT_TEST_POSTGRES is exported while it runs
#
# Run (for a benchmark by hand):
#   scripts/postgres.sh run -- dotnet run -c Release --project tests/StudyBot.Benchmarks -- ...
# starts the server, runs the command with STUDYBOT_TEST_POSTGRES set, stops the server, and exits
# with the command's status.
#
# As root (CI), it installs postgresql-15 with apt-get when /usr/lib/postgresql/15/bin/postgres
# is missing (without starting Debian's own cluster), and runs the server as the system user
# "studybot-pg", created if needed: PostgreSQL refuses to run as root.

POSTGRES_BIN=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
POSTGRES_USER_NAME=${POSTGRES_USER_NAME:-studybot-pg}
POSTGRES_DIR=""
POSTGRES_PORT=""
POSTGRES_PROBLEM=""
POSTGRES_RUN_AS=()

postgres_say() { printf '==> %s\n' "$*"; }

# Installs Debian's PostgreSQL 15 server when it is missing. Debian's package starts its own
# "15/main" cluster on port 5432 after installing: a policy-rc.d that refuses every start keeps it
# stopped (the package still creates it; it is never used).
postgres_install() {
  [ -x "$POSTGRES_BIN/postgres" ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    POSTGRES_PROBLEM="$POSTGRES_BIN/postgres is not installed, and installing it needs root and apt-get (apt-get install postgresql-15)"
    return 1
  fi
  postgres_say "installing postgresql-15 (PostgreSQL tests)"
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null)
  local status=$?
  [ "$made_policy" = 1 ] && rm -f "$policy"
  if [ "$status" -ne 0 ] || [ ! -x "$POSTGRES_BIN/postgres" ]; then
    POSTGRES_PROBLEM="apt-get install postgresql-15 failed (exit $status)"
    return 1
  fi
}

# PostgreSQL will not run as root: as root, run it as a system user of its own.
postgres_user() {
  POSTGRES_RUN_AS=()
  [ "$(id -u)" != 0 ] && return 0
  if ! id -u "$POSTGRES_USER_NAME" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$POSTGRES_USER_NAME" 2>/dev/null \
      || { POSTGRES_PROBLEM="could not create the system user $POSTGRES_USER_NAME to run PostgreSQL as (it refuses root)"; return 1; }
  fi
  if command -v runuser >/dev/null 2>&1; then
    POSTGRES_RUN_AS=(runuser -u "$POSTGRES_USER_NAME" --)
  else
    POSTGRES_RUN_AS=(setpriv --reuid="$POSTGRES_USER_NAME" --regid="$POSTGRES_USER_NAME" --clear-groups --)
  fi
}

# A loopback port nothing listens on (bash's /dev/tcp: a refused connection means free). The server
# may still lose a race for it; postgres_start then tries another.
postgres_free_port() {
  local port tries=0
  while [ "$tries" -lt 50 ]; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

# Starts the server and exports STUDYBOT_TEST_POSTGRES. On failure returns 1 with the reason in
# POSTGRES_PROBLEM and leaves nothing behind.
postgres_start() {
  POSTGRES_PROBLEM=""
  postgres_install || return 1
  postgres_user || return 1
  POSTGRES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/studybot-postgres.XXXXXX") || { POSTGRES_PROBLEM="mktemp failed"; return 1; }
  chmod 700 "$POSTGRES_DIR"
  [ "$(id -u)" = 0 ] && chown "$POSTGRES_USER_NAME" "$POSTGRES_DIR"
  if ! "${POSTGRES_RUN_AS[@]}" "$POSTGRES_BIN/initdb" -D "$POSTGRES_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$POSTGRES_DIR/initdb.log" 2>&1; then
    POSTGRES_PROBLEM="initdb failed: $(tail -n 3 "$POSTGRES_DIR/initdb.log" | tr '\n' ' ')"
    rm -rf "$POSTGRES_DIR"; POSTGRES_DIR=""
    return 1
  fi
  local attempt
  for attempt in 1 2 3; do
    POSTGRES_PORT=$(postgres_free_port) || { POSTGRES_PROBLEM="no free loopback port found"; break; }
    if "${POSTGRES_RUN_AS[@]}" "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 30 \
        -o "-p $POSTGRES_PORT -c listen_addresses=127.0.0.1 -k $POSTGRES_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null 2>&1; then
      export STUDYBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Database=postgres"
      postgres_say "PostgreSQL $("$POSTGRES_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$POSTGRES_PORT (throwaway, in $POSTGRES_DIR)"
      return 0
    fi
    POSTGRES_PROBLEM="the server did not start (attempt $attempt): $(tail -n 3 "$POSTGRES_DIR/server.log" 2>/dev/null | tr '\n' ' ')"
  done
  rm -rf "$POSTGRES_DIR"; POSTGRES_DIR=""
  return 1
}

# Stops the server (immediately: its data is thrown away) and deletes its folder. Safe to call twice.
postgres_stop() {
  [ -n "$POSTGRES_DIR" ] || return 0
  "${POSTGRES_RUN_AS[@]}" "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$POSTGRES_DIR"
  POSTGRES_DIR=""
  unset STUDYBOT_TEST_POSTGRES
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  case "${1:-}" in
    run)
      shift
      [ "${1:-}" = "--" ] && shift
      [ "$#" -gt 0 ] || { echo "usage: scripts/postgres.sh run -- COMMAND..." >&2; exit 2; }
      postgres_start || { echo "PostgreSQL could not be started: $POSTGRES_PROBLEM" >&2; exit 1; }
      trap postgres_stop EXIT
      "$@"
      exit $?
      ;;
    *)
      echo "usage: scripts/postgres.sh run -- COMMAND...   (or source it: postgres_start, postgres_stop)" >&2
      exit 2
      ;;
  esac
fi
