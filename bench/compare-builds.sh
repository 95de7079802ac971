#!/usr/bin/env bash
# Two builds of ssp side by side on the same demo state: the caseload and
# plan pages (one client, then 32), each build served in turn on the same
# database, two rounds (A B A B) so drift on the machine shows.
#
#   bench/compare-builds.sh OLD/ssp NEW/ssp             # 300,000 students, SQLite
#   STUDENTS=20000 bench/compare-builds.sh OLD/ssp NEW/ssp
#
# Build each with `cargo build --release -p ssp-cli -p ssp-loadtest` in its
# own checkout; LOAD (default target/release/ssp-loadtest) drives both.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:?old ssp binary}
NEW=${2:?new ssp binary}
STUDENTS=${STUDENTS:-300000}
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-8098}
STATE=${STATE:-/tmp/ssp-compare-$STUDENTS.db}
LOAD=${LOAD:-target/release/ssp-loadtest}
DB="sqlite://$STATE"
if [[ ! -f "$STATE" ]]; then
    /usr/bin/time -f "demo: %e s wall, peak RSS %M KiB" "$OLD" --database-url "$DB" demo --students "$STUDENTS"
fi
serve_and_measure() {
    local label=$1 bin=$2
    "$bin" --database-url "$DB" migrate > /dev/null
    "$bin" --database-url "$DB" serve --listen "127.0.0.1:$PORT" > "/tmp/ssp-compare-$label.log" 2>&1 &
    local server=$!
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$PORT/readyz" > /dev/null && break
        sleep 0.5
    done
    echo "== $label ($bin)"
    "$LOAD" --url "http://127.0.0.1:$PORT" --concurrency 1 --requests "$REQUESTS" --warmup 50 \
        --path /students --path "{plan}"
    "$LOAD" --url "http://127.0.0.1:$PORT" --user demo.student --concurrency 1 --requests $((REQUESTS / 5)) --warmup 10 \
        --path "{plan}"
    "$LOAD" --url "http://127.0.0.1:$PORT" --concurrency 32 --requests $((REQUESTS * 8)) --warmup 200 \
        --path /students --path "{plan}"
    kill "$server"
    wait "$server" 2> /dev/null || true
}
for round in 1 2; do
    serve_and_measure "old-$round" "$OLD"
    serve_and_measure "new-$round" "$NEW"
done
