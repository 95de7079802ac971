#!/usr/bin/env bash
# Finding a student and the home work queues: builds the demo state
# (STUDENTS students, default 300,000, in districts of about 45,000), starts
# `ssp serve` on it and measures, with one client at a time (server time from
# Server-Timing), the district-wide student list (first page, the next page
# by keyset, a deep page by number), name and student-number searches, a
# school's list, and staff home pages with their work queues.
#
#   bench/students-and-home.sh                      # 300,000 students, SQLite
#   STUDENTS=20000 bench/students-and-home.sh
#   DB=postgres://postgres@127.0.0.1:5432/ssp_bench bench/students-and-home.sh   # an existing, demo-filled database
set -euo pipefail
cd "$(dirname "$0")/.."
STUDENTS=${STUDENTS:-300000}
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-8097}
STATE=${STATE:-/tmp/ssp-bench-state-$STUDENTS.db}
DB=${DB:-sqlite://$STATE}
cargo build --release -q -p ssp-cli -p ssp-loadtest
SSP=target/release/ssp
LOAD=target/release/ssp-loadtest
if [[ "$DB" == sqlite* && ! -f "$STATE" ]]; then
    /usr/bin/time -f "demo: %e s wall, peak RSS %M KiB" "$SSP" --database-url "$DB" demo --students "$STUDENTS"
fi
"$SSP" --database-url "$DB" migrate > /dev/null
"$SSP" --database-url "$DB" serve --listen "127.0.0.1:$PORT" > /tmp/ssp-bench-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/readyz" > /dev/null && break
    sleep 0.5
done
URL="http://127.0.0.1:$PORT"
run() { "$LOAD" --url "$URL" --concurrency 1 --requests "$REQUESTS" --warmup 50 "$@"; }

# A district administrator: the whole district (about 45,000 students).
run --user demo.districtadmin \
    --path "/students?view=all" \
    --path "{next}" \
    --path "/students?view=all&page=400" \
    --path "/students?view=all&q=gar" \
    --path "/students?view=all&q=garcia+m" \
    --path "/students?view=all&q=1000123" \
    --path "/"
# A counselor (caseload, their school) and a nurse (their school).
run --user demo.counselor --path "/" --path "/students" --path "/students?view=all&q=mar"
run --user demo.nurse --path "/" --path "/students"
run --user demo.teacher --path "/"
