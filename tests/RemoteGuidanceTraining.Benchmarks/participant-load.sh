#!/usr/bin/env bash
# Load test of the participant's pages, as ratios to a trivial page with the same layout and cookie.
# Run from the repository root: tests/RemoteGuidanceTraining.Benchmarks/participant-load.sh
#   BEFORE=/path/to/another/checkout   also measure that checkout's site, interleaved round by round (before/after)
#   PARTICIPANTS=2000 ROUNDS=5 DURATION=5s CONNECTIONS=32 COOKIES="1 20"
# Needs wrk and python3. Release build, Production environment, SQLite, everything on 127.0.0.1, stopped at the end.
# The auth cookie is refreshed before every measurement (as a browser would take the re-issued one), so the
# security-stamp check never costs a database round trip per request.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$PWD
bench=$here/tests/RemoteGuidanceTraining.Benchmarks
work=$(mktemp -d)
rounds=${ROUNDS:-5}; duration=${DURATION:-5s}; connections=${CONNECTIONS:-32}
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

sites=(after); roots=("$here"); ports=(5101)
if [[ -n "${BEFORE:-}" ]]; then sites=(before after); roots=("$BEFORE" "$here"); ports=(5100 5101); fi
for root in "${roots[@]}"; do dotnet build "$root/src/RemoteGuidanceTraining.Web" -c Release -nologo -v quiet | grep -E "error|Warn" || true; done
# Each site runs from a copy of its build, so rebuilding a checkout during the run cannot disturb it.
for i in "${!sites[@]}"; do cp -r "${roots[$i]}/src/RemoteGuidanceTraining.Web/bin/Release/net10.0" "$work/bin-${sites[$i]}"; done
dll() { echo "$work/bin-$1/RemoteGuidanceTraining.Web.dll"; }

# One generated database, copied to every site, so all measure the same data.
mkdir -p "$work/seed"
dotnet "$(dll "${sites[-1]}")" generate-data --participants "${PARTICIPANTS:-2000}" --App:DataFolder="$work/seed" \
  --contentRoot="$here/src/RemoteGuidanceTraining.Web" --Courses:Folder="$here/courses" | tail -1
for i in "${!sites[@]}"; do
  s=${sites[$i]}; mkdir -p "$work/$s"; cp "$work/seed/app.db" "$work/$s/app.db"
  dotnet "$(dll "$s")" --environment=Production --urls="http://127.0.0.1:${ports[$i]}" --App:DataFolder="$work/$s" \
    --contentRoot="${roots[$i]}/src/RemoteGuidanceTraining.Web" --Courses:Folder="$here/courses" --Courses:Watch=false \
    --Security:SignInAttemptsPerMinute=100000 --Logging:LogLevel:Default=Warning > "$work/$s.log" 2>&1 &
  pids+=($!)
done
for port in "${ports[@]}"; do for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.3; done; done

token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }
# Signs in generated participants with a course in progress and a lesson with a quiz; writes one line per person:
# jar <TAB> course path <TAB> lesson path <TAB> quiz body
prepare() { # site port count
  local site=$1 base="http://127.0.0.1:$2" want=$3 found=0 i=0
  : > "$work/$site.people"
  while (( found < want && i < 400 )); do
    local jar="$work/$site.jar.$i" email="osallistuja$i@example.fi"; i=$((i + 1))
    local t; t=$(curl -s -c "$jar" "$base/Account/Login" | token)
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=generated-password" \
      --data-urlencode "__RequestVerificationToken=$t" "$base/Account/Login"
    local course; course=$(curl -s -b "$jar" -c "$jar" "$base/my-studies" | sed -n 's/.*<h3><a href="\(\/courses\/[a-z0-9-]*\)".*/\1/p' | head -1)
    [[ -n "$course" ]] || continue
    local lesson page quiz
    for lesson in $(curl -s -b "$jar" -c "$jar" "$base$course" | grep -o "href=\"$course/[a-z0-9-]*/[a-z0-9-]*\"" | cut -d'"' -f2); do
      page=$(curl -s -b "$jar" -c "$jar" "$base$lesson")
      quiz=$(echo "$page" | sed -n 's/.*name="quizId" value="\([^"]*\)".*/\1/p' | head -1)
      if [[ -n "$quiz" ]]; then
        t=$(echo "$page" | token)
        printf '%s\t%s\t%s\t%s\n' "$jar" "$course" "$lesson" "quizId=$quiz&__RequestVerificationToken=$t" >> "$work/$site.people"
        found=$((found + 1)); break
      fi
    done
  done
}
# Takes any re-issued cookie into the jar, then writes wrk's target file for one page.
targets() { # site port page count
  local site=$1 base="http://127.0.0.1:$2" page=$3 count=$4
  : > "$work/targets"
  head -n "$count" "$work/$site.people" | while IFS=$'\t' read -r jar course lesson body; do
    curl -s -b "$jar" -c "$jar" -o /dev/null "$base/Account/Lockout"
    local cookie; cookie=$(awk '$6 ~ /^(rgt\.auth|\.AspNetCore\.Antiforgery)/ {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
    local path
    case $page in
      trivial) path=/Account/Lockout;; catalogue) path=/courses;; course) path=$course;;
      lesson|quiz) path=$lesson;; studies) path=/my-studies;;
    esac
    printf '%s\t%s\t%s\n' "$cookie" "$path" "$body" >> "$work/targets"
  done
}

max=1; for c in ${COOKIES:-1 20}; do (( c > max )) && max=$c; done
for i in "${!sites[@]}"; do prepare "${sites[$i]}" "${ports[$i]}" "$max"; echo "${sites[$i]}: $(wc -l < "$work/${sites[$i]}.people") participants signed in"; done

# Warm-up (JIT, caches) of every page on every site, not recorded.
for i in "${!sites[@]}"; do
  for page in trivial catalogue course lesson studies quiz; do
    targets "${sites[$i]}" "${ports[$i]}" "$page" "$max"
    mode=get; [[ $page == quiz ]] && mode=quiz
    TARGETS="$work/targets" MODE=$mode wrk -t2 -c"$connections" -d2s -s "$bench/participant-load.lua" "http://127.0.0.1:${ports[$i]}" > /dev/null
  done
done
echo "machine: $(nproc) CPU, $(uptime | sed 's/.*load average/load average/'), wrk -t2 -c$connections -d$duration, $rounds rounds"
: > "$work/results"
for cookies in ${COOKIES:-1 20}; do
  for round in $(seq "$rounds"); do
    for page in trivial catalogue course lesson studies quiz; do
      for i in "${!sites[@]}"; do
        targets "${sites[$i]}" "${ports[$i]}" "$page" "$cookies"
        mode=get; [[ $page == quiz ]] && mode=quiz
        out=$(TARGETS="$work/targets" MODE=$mode wrk -t2 -c"$connections" -d"$duration" --latency -s "$bench/participant-load.lua" "http://127.0.0.1:${ports[$i]}")
        rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
        errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $5}')
        echo "$cookies ${sites[$i]} $round $page $rps $p99 ${errors:-0}" | tee -a "$work/results"
      done
    done
  done
done
python3 "$bench/participant-load-summary.py" "$work/results"
grep -ci "database is locked" "$work"/*.log || true
