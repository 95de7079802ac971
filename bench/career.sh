#!/usr/bin/env bash
# Career exploration's speed targets (issue 14): occupation search over the
# shipped O*NET data (1,016 occupations, 56,560 alternate titles) and a
# student's ranked matches must each answer in under 10 ms of server time at
# p95. Builds release, creates a demo database (STUDENTS students, default
# 2,000 as `ssp demo`; the occupation data is the same at every size), starts
# `ssp serve` on it and measures, one request at a time (server time from
# Server-Timing), a mix of searches and filters, then the matches of
# students with a completed inventory, each signed in as themself.
#
#   bench/career.sh                      # the default demo district
#   STUDENTS=300000 bench/career.sh      # the state (matches on 300,000 students)
#   bench/career.sh --state              # both, the district then the state
#   SSP=/tmp/old/ssp LOAD=/tmp/ssp-loadtest bench/career.sh   # another build of ssp
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-8099}
MATCH_STUDENTS=${MATCH_STUDENTS:-40}
TARGET=${CARGO_TARGET_DIR:-target}
# SSP=… LOAD=… measure given binaries (another build) instead of building.
if [[ -z "${SSP:-}" ]]; then
    cargo build --release -q -p ssp-cli -p ssp-loadtest
    SSP=$TARGET/release/ssp
fi
LOAD=${LOAD:-$TARGET/release/ssp-loadtest}

measure() {
    local students=$1
    local db_file=/tmp/ssp-bench-career-$students.db
    local db=sqlite://$db_file
    echo "== $students students ($db_file)"
    if [[ ! -f "$db_file" ]]; then
        /usr/bin/time -f "demo: %e s wall, peak RSS %M KiB" "$SSP" --database-url "$db" demo --students "$students" \
            | grep -E "^(Demo data|Plans|Careers)"
    fi
    "$SSP" --database-url "$db" migrate > /dev/null
    echo "occupations: $(sqlite3 "$db_file" 'SELECT COUNT(*) FROM occupations'), alternate titles: $(sqlite3 "$db_file" 'SELECT COUNT(*) FROM occupation_titles')"
    "$SSP" --database-url "$db" serve --listen "127.0.0.1:$PORT" > "/tmp/ssp-bench-career-serve.log" 2>&1 &
    local server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$PORT/readyz" > /dev/null && break
        sleep 0.5
    done
    local url="http://127.0.0.1:$PORT"

    # Occupation search: open to every signed-in person; a student here.
    "$LOAD" --url "$url" --user demo.student --concurrency 1 --requests "$REQUESTS" --warmup 50 \
        --path "/careers?q=nurse" \
        --path "/careers?q=coder" \
        --path "/careers?q=vet" \
        --path "/careers?q=engineer" \
        --path "/careers?q=a" \
        --path "/careers?q=a&offset=500" \
        --path "/careers" \
        --path "/careers?zone=3" \
        --path "/careers?area=social" \
        --path "/careers?cluster=healthcare_human_services" \
        --path "/careers?cluster=legacy:information_technology" \
        --path "/careers?q=tech&zone=4&area=investigative"

    # Matches: students with a completed inventory, each signed in as themself.
    local users=()
    while IFS= read -r u; do users+=(--user "$u"); done < <(sqlite3 "$db_file" \
        "SELECT a.username FROM accounts a JOIN career_inventories i ON i.student_id = a.person_id \
         WHERE i.completed_at IS NOT NULL GROUP BY a.username ORDER BY MIN(i.id) LIMIT $MATCH_STUDENTS")
    "$LOAD" --url "$url" "${users[@]}" --rotate --requests "$REQUESTS" --warmup 50 \
        --path "{plan}/career/matches" \
        --path "{plan}/career/matches?zone=3&zone=4"

    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    trap - EXIT
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "${1:-}" == "--state" ]]; then
    measure "${STUDENTS:-2000}"
    measure 300000
else
    measure "${STUDENTS:-2000}"
fi
