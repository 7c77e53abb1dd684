#!/usr/bin/env bash
# The coordinator report under wrk on SQLite and on PostgreSQL, same machine, same run:
# runs report-load.sh twice, the second time against a throwaway PostgreSQL (tests/throwaway-postgres.sh).
# Run from the repository root: PARTICIPANTS=3334 tests/RemoteGuidanceTraining.Benchmarks/compare-databases.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/throwaway-postgres.sh
trap postgres_stop EXIT
echo "=== SQLite"
tests/RemoteGuidanceTraining.Benchmarks/report-load.sh
postgres_start
echo "=== PostgreSQL"
DB_ARGS="--Database:Provider=Postgres --ConnectionStrings:Default=$RGT_TEST_POSTGRES;Database=load" \
  tests/RemoteGuidanceTraining.Benchmarks/report-load.sh
