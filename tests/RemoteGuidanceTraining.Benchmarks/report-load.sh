#!/usr/bin/env bash
# Load test of the coordinator report and its CSV export on 10,000 generated participants.
# Run from the repository root: tests/RemoteGuidanceTraining.Benchmarks/report-load.sh
# COURSES=1 puts everyone in the first course (a single course of 10,000); the default spreads them over three.
# Needs wrk (apt-get install wrk). One connection at a time, so latency is the time one coordinator waits.
# Everything binds to 127.0.0.1 and is stopped at the end. DB_ARGS (e.g. --Database:Provider=Postgres
# --ConnectionStrings:Default=...) go to every command; compare-databases.sh uses it.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$(mktemp -d)
port=5099
base="https://127.0.0.1:$port"
source tests/RemoteGuidanceTraining.Benchmarks/production-site.sh
mapfile -t site_args < <(production_site_args "$data" "$port")
dotnet build src/RemoteGuidanceTraining.Web -c Release -nologo -v quiet
run() { exec dotnet src/RemoteGuidanceTraining.Web/bin/Release/net10.0/RemoteGuidanceTraining.Web.dll "$@" --App:DataFolder="$data" --contentRoot="$PWD/src/RemoteGuidanceTraining.Web" ${DB_ARGS:-}; }
(run generate-data "${site_args[@]}" --participants "${PARTICIPANTS:-10000}" --courses "${COURSES:-3}") | tail -1
(run create-admin "${site_args[@]}" --email admin@example.fi --name "Anna Admin" --password admin-salasana-123) | tail -1
(run "${site_args[@]}" --Security:SignInAttemptsPerMinute=1000 --Logging:LogLevel:Default=Warning ${SITE_ARGS:-} > "$data/site.log" 2>&1) &
site=$!
trap 'kill $site 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -skf "$base/health" >/dev/null && break; sleep 0.2; done

jar=$(mktemp)
token=$(curl -sk -c "$jar" "$base/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
curl -sk -b "$jar" -c "$jar" -o /dev/null -d "Input.Email=admin@example.fi&Input.Password=admin-salasana-123&__RequestVerificationToken=$token" "$base/Account/Login"
cookie=$(awk '$6=="rgt.auth"{print $6"="$7}' "$jar")
course=$(curl -sk -b "$jar" "$base/Coordination/Reports" | sed -n 's/.*<option value="\([a-z0-9-]*\)" selected.*/\1/p' | head -1)
echo "course: $course"
report="$base/Coordination/Reports?course=$course"
curl -sk -b "$jar" -o /dev/null -w "report page once: %{time_total} s, %{size_download} bytes\n" "$report"
curl -sk -b "$jar" -o /tmp/report.csv -w "full CSV once: %{time_total} s, %{size_download} bytes\n" "$report&handler=Csv"
echo "CSV rows: $(($(wc -l < /tmp/report.csv) - 1))"
echo "--- baseline: /health"
wrk -t1 -c1 -d10s "$base/health" | grep -E "Latency|Requests/sec"
echo "--- report page (first page of participants, figures, chart)"
wrk -t1 -c1 -d20s -H "Cookie: $cookie" "$report" | grep -E "Latency|Requests/sec"
echo "--- full CSV export"
wrk -t1 -c1 -d20s -H "Cookie: $cookie" "$report&handler=Csv" | grep -E "Latency|Requests/sec"
