#!/usr/bin/env bash
# The README's test command. Starts what the tests need (a throwaway PostgreSQL on a free loopback port, run as a
# non-root user), runs every test project, stops PostgreSQL again, and ends with "N passed, N failed, N skipped".
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Storage).
set -uo pipefail
cd "$(dirname "$0")/.."

results="TestResults/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"

# docker-compose.yml is checked with `docker-compose config` (no Docker engine needed; installed when missing).
scripts/check-compose.sh
compose_status=$?
if [ "$compose_status" -eq 3 ] && [ "${CI:-}" != "true" ]; then
  echo "test.sh: docker-compose is not available; docker-compose.yml is not checked (in CI this fails)." >&2
elif [ "$compose_status" -ne 0 ]; then
  echo "test.sh: docker-compose.yml did not pass scripts/check-compose.sh." >&2
  exit 1
fi

# One throwaway server per checkout, so two checkouts testing at once do not stop each other's PostgreSQL.
export CLARITYCONNECT_PG_DIR="${CLARITYCONNECT_PG_DIR:-/tmp/clarityconnect-pg-$(pwd | sha1sum | cut -c1-8)}"
if scripts/postgres-test-server.sh start; then
  trap 'scripts/postgres-test-server.sh stop' EXIT
  export "$(scripts/postgres-test-server.sh env)"
elif [ "${CI:-}" = "true" ]; then
  echo "test.sh: PostgreSQL could not be started, and CI requires the PostgreSQL suite." >&2
  exit 1
else
  echo "test.sh: PostgreSQL could not be started; the PostgreSQL tests will be skipped (in CI they fail)." >&2
fi

# The CSI FTP tests run against Debian's real vsftpd (the fixture starts it; installing needs root).
if ! scripts/install-vsftpd.sh; then
  if [ "${CI:-}" = "true" ]; then
    echo "test.sh: vsftpd could not be installed, and CI requires the FTP suite." >&2
    exit 1
  fi
  echo "test.sh: vsftpd is not available; the FTP tests will be skipped (in CI they fail)." >&2
fi

# The website tests drive Debian's Chromium through Playwright (installing needs root). They never skip: without the
# browser they fail, naming the script to run.
if ! scripts/install-chromium.sh; then
  if [ "${CI:-}" = "true" ]; then
    echo "test.sh: Chromium could not be installed, and CI requires the website suite." >&2
    exit 1
  fi
  echo "test.sh: Chromium is not available; the website tests will fail (run scripts/install-chromium.sh as root)." >&2
fi

# The website tests save a screenshot of every page here.
export CLARITYCONNECT_TEST_RESULTS="$(pwd)/$results"

# Every project of the solution is built first, the benchmark and the simulator included: `dotnet test` alone builds
# only what the test projects reference, so a benchmark that no longer compiled went unnoticed.
if ! dotnet build ClarityConnect.sln -c Release; then
  echo "test.sh: the solution did not build (see above)." >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test ClarityConnect.sln -c Release --no-build --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test failed before reporting results (see above)." >&2
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
