#!/usr/bin/env bash
# Runs every test StudyBot has, after installing what the tests need on a fresh machine:
#   - node packages for the reference scripts under tests/reference (npm ci), when node is present;
#   - Debian's chromium and a colour emoji font for the browser tests, when running as root with apt-get (CI does);
#   - a throwaway PostgreSQL 15 (scripts/postgres.sh) for the data tests' PostgreSQL half, unless
#     STUDYBOT_TEST_POSTGRES already names a server; stopped and deleted at the end, whatever happens.
# Then fuzzes the deck readers for 60 s (STUDYBOT_FUZZ_SECONDS), counted as one test.
# Ends with one line: "tests: N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
log=$(mktemp)
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
trap 'rm -f "$log"; postgres_stop' EXIT
trap 'exit 130' INT TERM

say() { printf '==> %s\n' "$*"; }

# Node packages for reference scripts (conformance checks, reference data makers).
if command -v npm >/dev/null 2>&1; then
  for dir in tests/reference/*/; do
    if [ -f "$dir/package-lock.json" ] && [ ! -d "$dir/node_modules" ]; then
      say "npm ci in $dir"
      # A lock made where the registry serves only this platform's build of a native package lacks the
      # other platforms' optional builds, which npm ci refuses; npm install still installs the locked versions.
      (cd "$dir" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null \
          || { say "npm ci refused the lock in $dir; installing the locked versions with npm install"; npm install --no-save --no-audit --no-fund --loglevel=error; }; }) \
        || say "npm install failed in $dir (tests that need it will say so and skip)"
    fi
  done
fi

# Chromium for the Playground browser tests, and a colour emoji font so the page's emoji (member
# avatars, button emoji) render as they do on a desktop.
browser_packages=()
[ -x /usr/bin/chromium ] || browser_packages+=(chromium fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || browser_packages+=(fonts-noto-color-emoji)
if [ "${#browser_packages[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing ${browser_packages[*]} (browser tests)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${browser_packages[@]}" >/dev/null) \
    || say "${browser_packages[*]} could not be installed (the browser tests will say so and skip, or show emoji as boxes)"
fi

# PostgreSQL: the data tests run once per provider; without a server their PostgreSQL half skips, saying why.
if [ -n "${STUDYBOT_TEST_POSTGRES:-}" ]; then
  say "PostgreSQL tests use the server STUDYBOT_TEST_POSTGRES names"
elif ! postgres_start; then
  say "PostgreSQL could not be started ($POSTGRES_PROBLEM): the PostgreSQL tests will skip and say why"
fi

# Request bodies the bot sends during the tests are recorded here for the conformance check.
export STUDYBOT_RECORD_DIR="$root/artifacts/recorded-requests"
rm -rf "$STUDYBOT_RECORD_DIR"; mkdir -p "$STUDYBOT_RECORD_DIR"

say "dotnet test"
# A test that hangs is stopped after 10 minutes with a minidump of its process (in the project's
# TestResults folder) instead of holding CI until its time runs out.
dotnet test StudyBot.sln --blame-hang-timeout 10m --blame-hang-dump-type mini 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(grep -E '^\s*(Passed|Failed)!\s+-\s+Failed:' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')

# Fuzzing: the deck readers against mutated corpus inputs, for a bounded time; one line of counts.
say "fuzzing the deck readers (${STUDYBOT_FUZZ_SECONDS:-60} s)"
if dotnet run -c Release --project tests/StudyBot.Fuzz -- --seconds "${STUDYBOT_FUZZ_SECONDS:-60}" --findings "$root/artifacts/fuzz-findings"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); status=1
  say "the fuzzer found inputs that break a reader: see artifacts/fuzz-findings"
fi

# Conformance: every recorded request body against discord-api-spec's Zod schemas.
conformance=tests/reference/discord-spec/check.mjs
if [ -f "$conformance" ]; then
  say "conformance check of recorded request bodies"
  if [ -d tests/reference/discord-spec/node_modules ]; then
    if node "$conformance" "$STUDYBOT_RECORD_DIR"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
  else
    say "skipped: node packages for the conformance check are not installed (run npm ci in tests/reference/discord-spec)"
    skipped=$((skipped + 1))
  fi
fi

# The failed tests again, with their messages, just above the summary: a failing test's output
# (a cluster test prints its processes' logs) can push its message far up the log.
if grep -qE '^\s+Failed [A-Za-z_][^ ]* \[' "$log"; then
  say "failed tests"
  awk '/^[[:space:]]+Failed [A-Za-z_][^ ]* \[/ { print; shown = 0; inside = 1; next }
       inside && /^[[:space:]]+(Stack Trace|Standard Output Messages):/ { inside = 0 }
       inside && shown < 12 { print; shown++ }' "$log"
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit "$status"
