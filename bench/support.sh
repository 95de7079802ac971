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
db_file=/tmp/ssp-bench-support-$STUDENTS.db
db=sqlite://$db_file
work=$(mktemp -d /tmp/ssp-bench-support.XXXXXX)
trap 'rm -rf "$work"' EXIT
rm -f "$db_file" "$db_file-wal" "$db_file-shm"

echo "== 1. demo state of $STUDENTS students, flags raised by the rules ($db_file)"
/usr/bin/time -f "demo: %e s wall, peak RSS %M KiB" "$SSP" --database-url "$db" demo --students "$STUDENTS" \
    | grep -E "^(Demo data|Support|Flags)"
sqlite3 "$db_file" "SELECT 'flags: ' || COUNT(*) || ' (' || GROUP_CONCAT(kind || ' ' || n, ', ') || ')' FROM (SELECT kind, COUNT(*) AS n FROM flags GROUP BY kind)"
sqlite3 "$db_file" "SELECT 'flag status: ' || GROUP_CONCAT(status || ' ' || n, ', ') FROM (SELECT status, COUNT(*) AS n FROM flags GROUP BY status)"

echo "== 2. a full import of next week's indicator files, district by district"
# Next week: the as-of date a week later (never after today), five more
# school days enrolled, and so on; rows name students by their local id.
week='+7 days'
total_rows=0
start_all=$(date +%s.%N)
for district in $(sqlite3 "$db_file" "SELECT source_id FROM orgs WHERE kind = 'district' ORDER BY source_id"); do
    of_district="(SELECT id FROM orgs WHERE kind = 'district' AND source_id = '$district')"
    sqlite3 -csv -header "$db_file" > "$work/attendance-$district.csv" <<SQL
SELECT COALESCE(s.local_id, s.state_student_id) AS studentUniqueId,
       a.days_enrolled + 5 AS daysEnrolled,
       a.excused AS excusedAbsences,
       a.unexcused + (abs(random()) % 4 = 0) AS unexcusedAbsences,
       a.disciplinary AS disciplinaryAbsences,
       date(a.as_of, '$week') AS asOfDate,
       a.source AS sourceSystem
FROM attendance_readings a JOIN students s ON s.person_id = a.student_id
WHERE a.district_id = $of_district;
SQL
    sqlite3 -csv -header "$db_file" > "$work/behaviour-$district.csv" <<SQL
SELECT COALESCE(s.local_id, s.state_student_id) AS studentUniqueId,
       b.incidents + (abs(random()) % 10 = 0) AS incidents,
       b.iss_days AS inSchoolSuspensionDays,
       b.oss_days AS outOfSchoolSuspensionDays,
       date(b.as_of, '$week') AS asOfDate,
       b.source AS sourceSystem
FROM behaviour_readings b JOIN students s ON s.person_id = b.student_id
WHERE b.district_id = $of_district;
SQL
    sqlite3 -csv -header "$db_file" > "$work/marks-$district.csv" <<SQL
SELECT COALESCE(s.local_id, s.state_student_id) AS studentUniqueId,
       m.course_code AS courseCode, m.subject AS academicSubject, m.term_length AS termLength,
       CASE WHEN m.failing THEN 'yes' ELSE 'no' END AS failing,
       m.term_ends_on AS termEndDate, date(m.as_of, '$week') AS asOfDate, m.source AS sourceSystem
FROM course_marks m JOIN students s ON s.person_id = m.student_id
WHERE m.district_id = $of_district;
SQL
    for kind in attendance behaviour marks; do
        file="$work/$kind-$district.csv"
        rows=$(($(wc -l < "$file") - 1))
        total_rows=$((total_rows + rows))
        started=$(date +%s.%N)
        "$SSP" --database-url "$db" import "$kind" --district "$district" "$file" > "$work/out.txt" 2> "$work/log.txt" \
            || { cat "$work/out.txt" "$work/log.txt"; exit 1; }
        wall=$(echo "$(date +%s.%N) - $started" | bc)
        flags=$(grep -o 'students=[0-9]* opened=[0-9]* moved=[0-9]* refreshed=[0-9]* ms=[0-9]*' "$work/log.txt" | tail -1)
        printf '%s %-10s %8d rows  %6.1f s wall  flags: %s\n' "$district" "$kind" "$rows" "$wall" "$flags"
        grep -h "^Loaded in" "$work/out.txt" | sed 's/^/    /'
    done
done
printf 'full import: %d rows in %.1f s wall\n' "$total_rows" "$(echo "$(date +%s.%N) - $start_all" | bc)"

echo "== 3. one student's change"
"$UPDATE" --database-url "$db" --students "$FLAG_STUDENTS"
