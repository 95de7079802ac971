#!/usr/bin/env bash
# Academic planning's speed targets (issue 15): one student's requirement
# audit under 2 ms, and a school's "not on track to graduate" list under
# 100 ms of server time at p95, on the 300,000-student state. Builds release,
# creates a demo database (STUDENTS students, default 2,000 as `ssp demo`),
# starts `ssp serve` on it and measures, one request at a time (server time
# from Server-Timing):
#   - the audit alone (the pure function over the demo's real transcripts
#     and plans, `ssp-demo`'s `academic_audit` example), then one student's
#     academic record through the API and the page (transcript, GPA, audit,
#     on-track) for high-school students, as their school administrator;
#   - the caseload's "not on track to graduate" list of several high
#     schools, each as that school's administrator (the whole school), and
#     demo.counselor's own caseload.
#
#   bench/academics.sh                      # the default demo district
#   STUDENTS=300000 bench/academics.sh      # the state
#   bench/academics.sh --state              # both, the district then the state
#   SSP=/tmp/old/ssp LOAD=/tmp/ssp-loadtest bench/academics.sh   # another build of ssp
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-8096}
AUDIT_STUDENTS=${AUDIT_STUDENTS:-12}
SCHOOLS=${SCHOOLS:-6}
TARGET=${CARGO_TARGET_DIR:-target}
# SSP=… LOAD=… measure given binaries (another build) instead of building.
if [[ -z "${SSP:-}" ]]; then
    cargo build --release -q -p ssp-cli -p ssp-loadtest
    cargo build --release -q -p ssp-demo --example academic_audit
    SSP=$TARGET/release/ssp
fi
LOAD=${LOAD:-$TARGET/release/ssp-loadtest}
AUDIT=${AUDIT:-$TARGET/release/examples/academic_audit}

measure() {
    local students=$1
    local db_file=/tmp/ssp-bench-academics-$students.db
    local db=sqlite://$db_file
    echo "== $students students ($db_file)"
    if [[ ! -f "$db_file" ]]; then
        /usr/bin/time -f "demo: %e s wall, peak RSS %M KiB" "$SSP" --database-url "$db" demo --students "$students" \
            | grep -E "^(Demo data|Plans|Careers|Academics)"
    fi
    "$SSP" --database-url "$db" migrate > /dev/null
    sqlite3 "$db_file" "SELECT 'high-school students: ' || COUNT(*) || ', not on track: ' || SUM(on_track = 0) || ' (' || ROUND(100.0 * SUM(on_track = 0) / COUNT(*), 1) || ' %), off track in grade 9: ' || SUM(grade9_on_track = 0) FROM academic_status WHERE on_track IS NOT NULL"
    if [[ -x "$AUDIT" ]]; then
        "$AUDIT" --database-url "$db" --students 2000
    fi
    "$SSP" --database-url "$db" serve --listen "127.0.0.1:$PORT" > "/tmp/ssp-bench-academics-serve.log" 2>&1 &
    local server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$PORT/readyz" > /dev/null && break
        sleep 0.5
    done
    local url="http://127.0.0.1:$PORT"

    # One student's record: high-school students of demo.schooladmin's
    # school (demo.student first), as that administrator.
    # (Person ids are stored as 16-byte blobs.)
    local paths=()
    while IFS= read -r id; do
        paths+=(--path "/api/v1/students/$id/academics")
    done < <(sqlite3 "$db_file" \
        "SELECT lower(substr(hex(x),1,8)||'-'||substr(hex(x),9,4)||'-'||substr(hex(x),13,4)||'-'||substr(hex(x),17,4)||'-'||substr(hex(x),21)) FROM ( \
           SELECT s.person_id AS x FROM students s JOIN accounts a ON a.person_id = s.person_id WHERE a.username = 'demo.student' \
           UNION SELECT * FROM (SELECT s.person_id FROM students s \
             JOIN staff_assignments sa ON sa.org_id = s.school_id AND sa.role = 'school_admin' \
             JOIN accounts a ON a.person_id = sa.person_id AND a.username = 'demo.schooladmin' \
             WHERE s.grade_level >= 10 ORDER BY s.person_id LIMIT $((AUDIT_STUDENTS - 1))))")
    local pages=()
    for ((i = 1; i < ${#paths[@]}; i += 2)); do
        pages+=(--path "${paths[$i]#/api/v1}")
    done
    "$LOAD" --url "$url" --user demo.schooladmin --concurrency 1 --requests "$REQUESTS" --warmup 50 "${paths[@]}"
    "$LOAD" --url "$url" --user demo.schooladmin --concurrency 1 --requests "$REQUESTS" --warmup 50 "${pages[@]}"

    # A school's not-on-track list: the administrators of the largest high
    # schools (across districts at state size), each their whole school.
    local users=()
    while IFS= read -r u; do users+=(--user "$u"); done < <(sqlite3 "$db_file" \
        "SELECT a.username FROM staff_assignments sa JOIN orgs o ON o.id = sa.org_id AND o.school_level = 'high' \
         JOIN accounts a ON a.person_id = sa.person_id \
         WHERE sa.role = 'school_admin' \
         ORDER BY (SELECT COUNT(*) FROM students s WHERE s.school_id = o.id) DESC, a.username LIMIT $SCHOOLS")
    "$LOAD" --url "$url" "${users[@]}" --rotate --requests "$REQUESTS" --warmup 50 \
        --path "/students?view=all&academic=not_on_track" \
        --path "/students?view=all&academic=plan_not_approved" \
        --path "/students?view=all&academic=not_on_track&grade=9"
    # A counselor's own caseload (about 350 students).
    "$LOAD" --url "$url" --user demo.counselor --concurrency 1 --requests "$REQUESTS" --warmup 50 \
        --path "/students?view=caseload&academic=not_on_track"

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
