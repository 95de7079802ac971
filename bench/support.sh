#!/usr/bin/env bash
# Early-warning flags' speed targets (issue 17), on the embedded SQLite
# default: after a full indicator import for the 300,000-student state, all
# flags are current in under 60 s; one student's data change updates their
# flags in under 5 ms. Builds release and measures:
#   1. `ssp demo --students STUDENTS`: the generator writes this school
#      year's attendance for every student, behaviour records and
#      first-quarter marks at realistic rates, needs and interventions; then
#      the app's rules raise every district's flags from scratch (every
#      student, every flag new: the slowest case) — its time is printed;
#   2. a full import of next week's files, for every district: attendance
#      (5 more school days, an absence more for about a quarter of the
#      students), behaviour (a new incident for a few) and marks (a week
#      later), through `ssp import attendance|behaviour|marks`; for each file
#      the wall time (parse, check, write, flags) and, from the log, how long
#      the flags of the students it changed took to be current;
#   3. one student's change (`ssp-demo`'s `flag_update` example): a new
#      attendance reading written and the student's flags recomputed, for
#      FLAG_STUDENTS students across the districts: p50/p95/p99.
#
#   bench/support.sh                      # the default demo district (2,000)
#   STUDENTS=300000 bench/support.sh      # the state
#   PG_URL=postgres://postgres@127.0.0.1:5432 bench/support.sh   # on PostgreSQL
#                                         # (a scratch database ssp_support_bench)
#   SSP=/tmp/old/ssp bench/support.sh     # another build of ssp
set -euo pipefail
cd "$(dirname "$0")/.."
STUDENTS=${STUDENTS:-2000}
FLAG_STUDENTS=${FLAG_STUDENTS:-1000}
TARGET=${CARGO_TARGET_DIR:-target}
if [[ -z "${SSP:-}" ]]; then
    cargo build --release -q -p ssp-cli
    cargo build --release -q -p ssp-demo --example flag_update
    SSP=$TARGET/release/ssp
fi
UPDATE=${UPDATE:-$TARGET/release/examples/flag_update}
work=$(mktemp -d /tmp/ssp-bench-support.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [[ -n "${PG_URL:-}" ]]; then
    psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS ssp_support_bench" -c "CREATE DATABASE ssp_support_bench"
    db=$PG_URL/ssp_support_bench
    # Rows as CSV with a header; the dialect's "a week later" and coin toss.
    sql() { psql "$db" -q --csv -c "$1"; }
    week() { echo "($1 + 7)"; }
    one_in() { echo "(CASE WHEN random() < 1.0 / $1 THEN 1 ELSE 0 END)"; }
else
    db_file=/tmp/ssp-bench-support-$STUDENTS.db
    rm -f "$db_file" "$db_file-wal" "$db_file-shm"
    db=sqlite://$db_file
    sql() { sqlite3 -csv -header "$db_file" "$1"; }
    week() { echo "date($1, '+7 days')"; }
    one_in() { echo "(abs(random()) % $1 = 0)"; }
fi

[[ -n "${db_file:-}" ]] && rm -f "$db_file"{,-wal,-shm}
echo "== 1. demo state of $STUDENTS students, flags raised by the rules ($db)"
/usr/bin/time -f "demo: %e s wall, peak RSS %M KiB" "$SSP" --database-url "$db" demo --students "$STUDENTS" \
    | grep -E "^(Demo data|Support|Flags)"
sql "SELECT kind, status, COUNT(*) AS flags FROM flags GROUP BY kind, status ORDER BY kind, status"

echo "== 2. a full import of next week's indicator files, district by district"
# Next week: the as-of date a week later, five more school days enrolled,
# an absence more for about a quarter of the students and an incident more
# for a tenth of those with a record; rows name students by their local id.
total_rows=0
flags_total=0
start_all=$(date +%s.%N)
for district in $(sql "SELECT source_id FROM orgs WHERE kind = 'district' ORDER BY source_id" | tail -n +2); do
    of_district="(SELECT id FROM orgs WHERE kind = 'district' AND source_id = '$district')"
    sql "SELECT COALESCE(s.local_id, s.state_student_id) AS \"studentUniqueId\",
       a.days_enrolled + 5 AS \"daysEnrolled\", a.excused AS \"excusedAbsences\",
       a.unexcused + $(one_in 4) AS \"unexcusedAbsences\", a.disciplinary AS \"disciplinaryAbsences\",
       $(week a.as_of) AS \"asOfDate\", a.source AS \"sourceSystem\"
FROM attendance_readings a JOIN students s ON s.person_id = a.student_id
WHERE a.district_id = $of_district" > "$work/attendance-$district.csv"
    sql "SELECT COALESCE(s.local_id, s.state_student_id) AS \"studentUniqueId\",
       b.incidents + $(one_in 10) AS incidents, b.iss_days AS \"inSchoolSuspensionDays\",
       b.oss_days AS \"outOfSchoolSuspensionDays\", $(week b.as_of) AS \"asOfDate\", b.source AS \"sourceSystem\"
FROM behaviour_readings b JOIN students s ON s.person_id = b.student_id
WHERE b.district_id = $of_district" > "$work/behaviour-$district.csv"
    sql "SELECT COALESCE(s.local_id, s.state_student_id) AS \"studentUniqueId\",
       m.course_code AS \"courseCode\", m.subject AS \"academicSubject\", m.term_length AS \"termLength\",
       CASE WHEN m.failing THEN 'yes' ELSE 'no' END AS failing,
       m.term_ends_on AS \"termEndDate\", $(week m.as_of) AS \"asOfDate\", m.source AS \"sourceSystem\"
FROM course_marks m JOIN students s ON s.person_id = m.student_id
WHERE m.district_id = $of_district" > "$work/marks-$district.csv"
    for kind in attendance behaviour marks; do
        file="$work/$kind-$district.csv"
        rows=$(($(wc -l < "$file") - 1))
        total_rows=$((total_rows + rows))
        started=$(date +%s.%N)
        "$SSP" --database-url "$db" import "$kind" --district "$district" "$file" > "$work/out.txt" 2> "$work/log.txt" \
            || { cat "$work/out.txt" "$work/log.txt"; exit 1; }
        wall=$(echo "$(date +%s.%N) - $started" | bc)
        printf '%s %-10s %8d rows  %6.1f s wall; %s\n' "$district" "$kind" "$rows" "$wall" \
            "$(grep -h "^Loaded in" "$work/out.txt" || echo "nothing changed")"
        flags=$(sed -n 's/.*the flags current \([0-9.]*\) s after.*/\1/p' "$work/out.txt")
        flags_total=$(echo "$flags_total + ${flags:-0}" | bc)
    done
done
printf 'full import: %d rows in %.1f s wall\n' "$total_rows" "$(echo "$(date +%s.%N) - $start_all" | bc)"
# Each file recomputes the flags its data feeds once its rows are written;
# the sum is the time the state's flags took to be current after the data.
printf 'flags current after the full import: %.1f s in all (the sum over the %s files)\n' "$flags_total" "$(ls "$work"/*.csv | wc -l)"

echo "== 3. one student's change"
"$UPDATE" --database-url "$db" --students "$FLAG_STUDENTS"
