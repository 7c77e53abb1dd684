#!/usr/bin/env bash
# The one test command, for a newcomer and for CI alike:
#   installs what the tests need and is missing (Debian: chromium, python3-aiosmtpd, poppler-utils, postgresql),
#   builds everything in Release with warnings as errors, starts a throwaway PostgreSQL (tests/throwaway-postgres.sh),
#   runs every test project - the web tests twice, on SQLite and on PostgreSQL -
#   and ends with the line "N passed, N failed, N skipped" summed over all runs.
set -uo pipefail
cd "$(dirname "$0")/.."

# The last line of every run, also one that stops before the tests: "N passed, N failed, N skipped".
summary() { echo "$1 passed, $2 failed, $3 skipped"; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  installed=false
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && installed=true
  elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && installed=true
  fi
  if [ "$installed" != true ]; then
    echo "These are needed and could not be installed here: ${missing[*]}." >&2
    echo "On Debian or Ubuntu: sudo apt-get install ${missing[*]}; then run tests/run.sh again." >&2
    summary 0 1 0
    exit 1
  fi
fi

# Every test site watches its settings and static files; with inotify each takes an instance, and the per-user limit
# (often 128) runs out when many sites start in one run or the machine is shared. Polling needs none.
export DOTNET_USE_POLLING_FILE_WATCHER=true
# Dynamic PGO instruments methods before optimising them, which pays off in a long-running server; the tests start a
# few hundred short-lived sites and keep re-compiling. Without it a sample of the web tests used about a quarter less
# CPU (tests/RemoteGuidanceTraining.Benchmarks/README.md, "Test run time"). The sites the tests start are the same code.
export DOTNET_TieredPGO=0

results=$(mktemp -d)
source tests/throwaway-postgres.sh
trap 'postgres_stop; rm -rf "$results"' EXIT

if ! dotnet build RemoteGuidanceTraining.sln -c Release -warnaserror -nologo -v quiet; then
  echo "The build failed (warnings count as errors)." >&2
  summary 0 1 0
  exit 1
fi

if ! postgres_start; then
  echo "PostgreSQL could not be started, so the tests on PostgreSQL cannot run (no silent skip)." >&2
  summary 0 1 0
  exit 1
fi

status=0
# run_tests NAME PROJECT [dotnet test arguments...]: one test run, its results in $results/NAME.trx; fails when a test
# failed or the run left no results (the test host crashed or was killed).
run_tests() {
  local name=$1 project=$2 rc=0
  shift 2
  dotnet test "$project" -c Release --no-build --nologo "$@" \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || rc=1
  if [ ! -f "$results/$name.trx" ]; then
    echo "$name produced no results (the test host crashed or was killed)." >&2
    rc=1
  fi
  return $rc
}

web=tests/RemoteGuidanceTraining.Web.Tests/RemoteGuidanceTraining.Web.Tests.csproj
for project in tests/*.Tests/*.Tests.csproj; do
  [ "$project" = "$web" ] || run_tests "$(basename "$project" .csproj)" "$project" || status=1
done
# The web tests run twice. On SQLite: every web test except the two-instance test, which needs PostgreSQL. On
# PostgreSQL: every web test again, each test site on a database of its own, plus the two-instance test. The browser
# tests run on SQLite, except three journeys that cross the most queries (a participant from registration to
# certificate, a coordinator's import to report, a trainer's review).
postgres_journeys="FullyQualifiedName~.Browser.ParticipantJourneyTests|FullyQualifiedName~.Browser.CoordinatorJourneyTests|FullyQualifiedName~.Browser.TaskReviewJourneyTests"
web_on_sqlite() { RGT_TEST_POSTGRES= run_tests Web.Tests.Sqlite "$web" --filter "Category!=TwoInstances"; }
web_on_postgres() { run_tests Web.Tests.Postgres "$web" --filter "(FullyQualifiedName!~.Browser.)|$postgres_journeys"; }
if [ "$(nproc)" -ge 4 ]; then
  # Side by side, each output line marked with its database. On 2 cores the two only compete for the same cores
  # (tests/RemoteGuidanceTraining.Benchmarks/README.md, "Test run time"), so there they go one after the other.
  ( web_on_sqlite 2>&1 | sed -u 's/^/[SQLite] /' ) &
  sqlite_run=$!
  ( web_on_postgres 2>&1 | sed -u 's/^/[PostgreSQL] /' ) &
  postgres_run=$!
  wait $sqlite_run || status=1
  wait $postgres_run || status=1
else
  web_on_sqlite || status=1
  web_on_postgres || status=1
fi
grep -ho 'Two-instance run: [^<]*' "$results/Web.Tests.Postgres.trx" 2>/dev/null | head -1 | sed 's/&quot;/"/g; s/&amp;/\&/g'

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner failed without a counted test failure (e.g. a crash)
fi
summary "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
