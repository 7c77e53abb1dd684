#!/usr/bin/env bash
# Load test of the participant's pages, as ratios to a trivial page with the same layout and cookie.
# Run from the repository root: tests/RemoteGuidanceTraining.Benchmarks/participant-load.sh
#   BEFORE=/path/to/another/checkout   also measure that checkout's site, interleaved round by round (before/after)
#   DATABASES=1   measure this checkout on SQLite, on PostgreSQL with one instance and on PostgreSQL with two
#                 instances sharing one database (wrk's connections split between them), interleaved round by round;
#                 a throwaway PostgreSQL cluster is started for the run (tests/throwaway-postgres.sh)
#   PARTICIPANTS=2000 ROUNDS=5 DURATION=5s CONNECTIONS=32 COOKIES="1 20"
# Needs wrk, openssl and python3. Release build, Production environment over HTTPS (a throwaway self-signed
# certificate), everything on 127.0.0.1, stopped at the end.
# The auth cookie is refreshed before every measurement (as a browser would take the re-issued one), so the
# security-stamp check never costs a database round trip per request. A cookie that would turn a minute old during
# the next measurement (the check's interval) is first let age past it and re-issued, so no measurement pays for it.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$PWD
bench=$here/tests/RemoteGuidanceTraining.Benchmarks
source "$bench/production-site.sh"
source "$here/tests/throwaway-postgres.sh"
work=$(mktemp -d)
rounds=${ROUNDS:-5}; duration=${DURATION:-5s}; connections=${CONNECTIONS:-32}
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; postgres_stop; rm -rf "$work"' EXIT

# A site: its name, the checkout it is built from, its instances' ports (space-separated) and its database.
sites=(after); roots=("$here"); ports=(5101); databases=(sqlite)
if [[ -n "${BEFORE:-}" ]]; then sites=(before after); roots=("$BEFORE" "$here"); ports=(5100 5101); databases=(sqlite sqlite); fi
if [[ -n "${DATABASES:-}" ]]; then
  sites=(sqlite postgres postgres-2x); roots=("$here" "$here" "$here"); ports=(5101 5111 "5121 5122")
  databases=(sqlite postgres postgres)
  postgres_start
fi
for root in $(printf '%s\n' "${roots[@]}" | sort -u); do dotnet build "$root/src/RemoteGuidanceTraining.Web" -c Release -nologo -v quiet | grep -E "error|Warn" || true; done
# Each site runs from a copy of its build, so rebuilding a checkout during the run cannot disturb it.
for i in "${!sites[@]}"; do cp -r "${roots[$i]}/src/RemoteGuidanceTraining.Web/bin/Release/net10.0" "$work/bin-${sites[$i]}"; done
dll() { echo "$work/bin-$1/RemoteGuidanceTraining.Web.dll"; }
first_port() { echo "${ports[$1]%% *}"; }
database_args() { # site index: the database settings of that site (each PostgreSQL site has a database of its own)
  if [[ ${databases[$1]} == postgres ]]; then
    printf '%s\n' --Database:Provider=Postgres "--ConnectionStrings:Default=$RGT_TEST_POSTGRES;Database=load_${sites[$1]//-/_}"
  fi
}

# The same generated data for every site: one SQLite file copied to the SQLite sites, and the same seeded
# generator run once into each PostgreSQL site's database.
mapfile -t seed_args < <(production_site_args "$work" 5199)
generate() { # data folder, database arguments...
  local folder=$1; shift
  mkdir -p "$folder"
  dotnet "$(dll "${sites[-1]}")" generate-data --participants "${PARTICIPANTS:-2000}" "${seed_args[@]}" "$@" --App:DataFolder="$folder" \
    --contentRoot="$here/src/RemoteGuidanceTraining.Web" --Courses:Folder="$here/courses" | tail -1
}
generate "$work/seed"
for i in "${!sites[@]}"; do
  s=${sites[$i]}
  mapfile -t db_args < <(database_args "$i")
  if [[ ${databases[$i]} == sqlite ]]; then mkdir -p "$work/$s"; cp "$work/seed/app.db" "$work/$s/app.db"; else generate "$work/$s" "${db_args[@]}"; fi
  for port in ${ports[$i]}; do
    # Instances of one site share its database; each has its own data folder, as on separate machines.
    mkdir -p "$work/$s-$port"; [[ -f "$work/$s/app.db" ]] && cp "$work/$s/app.db" "$work/$s-$port/app.db"
    mapfile -t site_args < <(production_site_args "$work" "$port")
    dotnet "$(dll "$s")" "${site_args[@]}" "${db_args[@]}" --App:DataFolder="$work/$s-$port" \
      --contentRoot="${roots[$i]}/src/RemoteGuidanceTraining.Web" --Courses:Folder="$here/courses" --Courses:Watch=false \
      --Security:SignInAttemptsPerMinute=100000 --Logging:LogLevel:Default=Warning > "$work/$s-$port.log" 2>&1 &
    pids+=($!)
  done
done
for port in ${ports[*]}; do for _ in $(seq 100); do curl -skf "https://127.0.0.1:$port/health" >/dev/null && break; sleep 0.3; done; done

token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }
# Signs in generated participants with a course in progress and a lesson with a quiz; writes one line per person:
# jar <TAB> course path <TAB> lesson path <TAB> quiz body
prepare() { # site port count
  local site=$1 base="https://127.0.0.1:$2" want=$3 found=0 i=0
  : > "$work/$site.people"
  while (( found < want && i < 400 )); do
    local jar="$work/$site.jar.$i" email="osallistuja$i@example.fi"; i=$((i + 1))
    local t; t=$(curl -sk -c "$jar" "$base/Account/Login" | token)
    curl -sk -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=generated-password" \
      --data-urlencode "__RequestVerificationToken=$t" "$base/Account/Login"
    auth_cookie "$jar" > "$jar.value"; date +%s > "$jar.issued"
    local course; course=$(curl -sk -b "$jar" -c "$jar" "$base/my-studies" | sed -n 's/.*<h3><a [^>]*href="\(\/courses\/[a-z0-9-]*\)".*/\1/p' | head -1)
    [[ -n "$course" ]] || continue
    local lesson page quiz
    for lesson in $(curl -sk -b "$jar" -c "$jar" "$base$course" | grep -o "href=\"$course/[a-z0-9-]*/[a-z0-9-]*\"" | cut -d'"' -f2); do
      page=$(curl -sk -b "$jar" -c "$jar" "$base$lesson")
      quiz=$(echo "$page" | sed -n 's/.*name="quizId" value="\([^"]*\)".*/\1/p' | head -1)
      if [[ -n "$quiz" ]]; then
        t=$(echo "$page" | token)
        printf '%s\t%s\t%s\t%s\n' "$jar" "$course" "$lesson" "quizId=$quiz&__RequestVerificationToken=$t" >> "$work/$site.people"
        found=$((found + 1)); break
      fi
    done
  done
}
auth_cookie() { awk '$6 == "rgt.auth" { print $7 }' "$1"; }
# Visits the site with the jar and notes when the site last re-issued its auth cookie.
refresh() { # jar base
  curl -sk -b "$1" -c "$1" -o /dev/null "$2/Account/Lockout"
  local value; value=$(auth_cookie "$1")
  if [[ "$value" != "$(cat "$1.value")" ]]; then echo "$value" > "$1.value"; date +%s > "$1.issued"; fi
}
# Takes any re-issued cookie into the jar, then writes wrk's target file for one page. The security-stamp check
# re-issues a cookie older than a minute; one that would reach that age during the measurement is first let pass it.
targets() { # site port page count
  local site=$1 base="https://127.0.0.1:$2" page=$3 count=$4
  : > "$work/targets"
  head -n "$count" "$work/$site.people" | while IFS=$'\t' read -r jar course lesson body; do
    refresh "$jar" "$base"
    local age=$(( $(date +%s) - $(cat "$jar.issued") ))
    if (( age + ${duration%s} + 3 >= 60 )); then
      (( age < 62 )) && sleep $(( 62 - age ))
      refresh "$jar" "$base"
    fi
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
for i in "${!sites[@]}"; do prepare "${sites[$i]}" "$(first_port "$i")" "$max"; echo "${sites[$i]}: $(wc -l < "$work/${sites[$i]}.people") participants signed in"; done

# Runs wrk on every instance of site $1 at once, the connections split between them; prints
# "req/s p99 errors": the sum of the instances' rates, the highest p99 and the sum of non-2xx/3xx answers.
measure() { # site index, mode, duration
  local i=$1 mode=$2 length=$3 instances=(${ports[$1]}) port n=0 runs=()
  for port in "${instances[@]}"; do
    TARGETS="$work/targets" MODE=$mode wrk -t2 -c"$((connections / ${#instances[@]}))" -d"$length" --latency \
      -s "$bench/participant-load.lua" "https://127.0.0.1:$port" > "$work/wrk.$n" &
    runs+=($!); n=$((n + 1))
  done
  wait "${runs[@]}"
  cat "$work"/wrk.* | awk '
    function ms(v) { if (v ~ /us$/) return v * 0.001; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps += $2 }
    $1 == "99%" { p = ms($2); if (p > p99) p99 = p }
    /Non-2xx or 3xx/ { errors += $5 }
    END { printf "%.2f %.2fms %d\n", rps, p99, errors }'
  rm -f "$work"/wrk.*
}

# Warm-up (JIT, caches) of every page on every site, not recorded.
for i in "${!sites[@]}"; do
  for page in trivial catalogue course lesson studies quiz; do
    targets "${sites[$i]}" "$(first_port "$i")" "$page" "$max"
    mode=get; [[ $page == quiz ]] && mode=quiz
    measure "$i" "$mode" 2s > /dev/null
  done
done
echo "machine: $(nproc) CPU, $(uptime | sed 's/.*load average/load average/'), wrk -t2 -c$connections -d$duration, $rounds rounds"
: > "$work/results"
for cookies in ${COOKIES:-1 20}; do
  for round in $(seq "$rounds"); do
    for page in catalogue course lesson studies quiz; do
      for i in "${!sites[@]}"; do
        # The trivial page is measured on the same site right before each page, and the page's ratio is taken to
        # that measurement: the machine's speed drifts by several per cent within a round.
        targets "${sites[$i]}" "$(first_port "$i")" trivial "$cookies"
        echo "$cookies ${sites[$i]} $round trivial:$page $(measure "$i" get "$duration")" | tee -a "$work/results"
        targets "${sites[$i]}" "$(first_port "$i")" "$page" "$cookies"
        mode=get; [[ $page == quiz ]] && mode=quiz
        echo "$cookies ${sites[$i]} $round $page $(measure "$i" "$mode" "$duration")" | tee -a "$work/results"
      done
    done
  done
done
python3 "$bench/participant-load-summary.py" "$work/results"
echo "\"database is locked\" in the site logs: $(cat "$work"/*.log | grep -ci "database is locked" || true)"
