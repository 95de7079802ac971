#!/usr/bin/env bash
# Roster sync benchmark: the demo district (STUDENTS students, default
# 300,000) written as a OneRoster 1.2 package, served by the OneRoster test
# server (crates/testkit/src/oneroster.rs, binary `oneroster-server`) on
# 127.0.0.1, then pulled over REST into a fresh SQLite database with
# `ssp roster sync`; compared with `ssp import oneroster` of the same
# package into another fresh database. Prints wall time and peak RSS of
# each (`/usr/bin/time`); the target is REST within 2x the CSV import's
# time with peak RSS under 1 GiB. A second pull (a delta: nothing changed
# on the server) is measured too.
#
#   bench/roster-sync.sh                 # 300,000 students
#   STUDENTS=20000 bench/roster-sync.sh
#   PAGE_SIZE=10000 bench/roster-sync.sh
#   PROFILE=debug STUDENTS=20000 bench/roster-sync.sh   # no release build at hand
set -euo pipefail
cd "$(dirname "$0")/.."
STUDENTS=${STUDENTS:-300000}
PAGE_SIZE=${PAGE_SIZE:-10000}
PROFILE=${PROFILE:-release}
WORK=${WORK:-/tmp/ssp-sync-bench}
if [ "$PROFILE" = release ]; then
    cargo build --release -q -p ssp-cli -p ssp-testkit --bin ssp --bin oneroster-server
else
    cargo build -q -p ssp-cli -p ssp-testkit --bin ssp --bin oneroster-server
fi
SSP=target/$PROFILE/ssp
SERVER=target/$PROFILE/oneroster-server
mkdir -p "$WORK"
PKG="$WORK/district-$STUDENTS.zip"
if [ ! -f "$PKG" ]; then
    rm -rf "$WORK/source"
    "$SSP" --data-dir "$WORK/source" demo --students "$STUDENTS" --districts 1 --oneroster "$PKG"
fi
DIR="$WORK/district-$STUDENTS"
if [ ! -d "$DIR" ]; then
    python3 -m zipfile -e "$PKG" "$DIR"
fi
ls -l "$PKG"
wc -l "$DIR/users.csv" "$DIR/enrollments.csv"
DISTRICT=$(awk -F, '$5 == "district" { print $1; exit }' "$DIR/orgs.csv")
echo "district sourcedId: $DISTRICT"

measure() { # label, then the command
    local label=$1; shift
    /usr/bin/time -f "$label: %e s wall, peak RSS %M KiB" "$@" > "$WORK/out.txt" 2> "$WORK/time.txt" || { cat "$WORK/out.txt" "$WORK/time.txt"; exit 1; }
    grep -E "^(Pulled|Imported|Nothing changed)" "$WORK/out.txt" || true
    grep -E "^(students|guardians|staff|enrollments) " "$WORK/out.txt" || true
    tail -1 "$WORK/time.txt"
}

# The CSV import of the package.
rm -rf "$WORK/csv"
"$SSP" --data-dir "$WORK/csv" migrate > /dev/null
measure "csv import" "$SSP" --data-dir "$WORK/csv" import oneroster "$PKG"

# The test server, serving the same package.
"$SERVER" "$DIR" > "$WORK/server.txt" 2> "$WORK/server.err" &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
    grep -q '^client_secret=' "$WORK/server.txt" 2>/dev/null && break
    sleep 1
done
cat "$WORK/server.err"
BASE_URL=$(sed -n 's/^base_url=//p' "$WORK/server.txt")
TOKEN_URL=$(sed -n 's/^token_url=//p' "$WORK/server.txt")
CLIENT_ID=$(sed -n 's/^client_id=//p' "$WORK/server.txt")
export ONEROSTER_CLIENT_SECRET=$(sed -n 's/^client_secret=//p' "$WORK/server.txt")

# A fresh database that knows only the district (a sync goes to a district
# ssp already has), then the full pull and a second (delta) pull.
rm -rf "$WORK/rest" "$WORK/orgs-only"
mkdir -p "$WORK/orgs-only"
printf 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\n' > "$WORK/orgs-only/manifest.csv"
awk -F, 'NR == 1 || $5 == "district"' "$DIR/orgs.csv" > "$WORK/orgs-only/orgs.csv"
"$SSP" --data-dir "$WORK/rest" import oneroster "$WORK/orgs-only" > /dev/null
"$SSP" --data-dir "$WORK/rest" roster configure-sync --district "$DISTRICT" \
    --base-url "$BASE_URL" --token-url "$TOKEN_URL" --client-id "$CLIENT_ID"
measure "rest full pull" "$SSP" --data-dir "$WORK/rest" roster sync --district "$DISTRICT" --page-size "$PAGE_SIZE"
measure "rest delta pull" "$SSP" --data-dir "$WORK/rest" roster sync --district "$DISTRICT" --page-size "$PAGE_SIZE"
