#!/usr/bin/env bash
# Roster import benchmark: writes the demo district as a OneRoster 1.2
# package (STUDENTS students in one district, default 300,000), then imports
# it into a fresh database twice (first load, then the unchanged package
# again), printing wall time and peak memory of each run. SQLite always;
# PostgreSQL too when PG_URL is set (a scratch database is made there).
#
#   bench/roster-import.sh                      # 300,000 students, SQLite
#   STUDENTS=20000 PG_URL=postgres://postgres@127.0.0.1:5432 bench/roster-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
STUDENTS=${STUDENTS:-300000}
WORK=${WORK:-/tmp/ssp-roster-bench}
cargo build --release -q -p ssp-cli
SSP=target/release/ssp
mkdir -p "$WORK"
PKG="$WORK/district-$STUDENTS.zip"
if [ ! -f "$PKG" ]; then
    rm -rf "$WORK/source"
    "$SSP" --data-dir "$WORK/source" demo --students "$STUDENTS" --districts 1 --oneroster "$PKG"
fi
ls -l "$PKG"

measure() { # label, then the command
    local label=$1; shift
    /usr/bin/time -f "$label: %e s wall, peak RSS %M KiB" "$@" > "$WORK/out.txt" 2> "$WORK/time.txt" || { cat "$WORK/out.txt" "$WORK/time.txt"; exit 1; }
    grep -E "^(Imported|Nothing changed)" "$WORK/out.txt" || true
    grep -E "^(students|guardians|staff|enrollments) " "$WORK/out.txt" || true
    tail -1 "$WORK/time.txt"
}

rm -rf "$WORK/sqlite"
"$SSP" --data-dir "$WORK/sqlite" migrate > /dev/null
measure "sqlite first import" "$SSP" --data-dir "$WORK/sqlite" import oneroster "$PKG"
measure "sqlite re-import" "$SSP" --data-dir "$WORK/sqlite" import oneroster "$PKG"

if [ -n "${PG_URL:-}" ]; then
    psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS ssp_roster_bench" -c "CREATE DATABASE ssp_roster_bench"
    DB="$PG_URL/ssp_roster_bench"
    "$SSP" --database-url "$DB" migrate > /dev/null
    measure "postgres first import" "$SSP" --database-url "$DB" import oneroster "$PKG"
    measure "postgres re-import" "$SSP" --database-url "$DB" import oneroster "$PKG"
fi
