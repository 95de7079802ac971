#!/usr/bin/env bash
# The portfolio's speed and size targets (issue 16):
#  - a 200 MB upload streams with server memory growth under 32 MB;
#  - a student's portfolio page with 200 artifacts renders in under 25 ms
#    of server time at p95.
# Builds release, creates the demo district (STUDENTS, default 2,000), gives
# demo.student 200 artifacts (texts, links and files of every kind, as rows:
# the page never reads the file bytes), starts `ssp serve` with a 256 MB
# upload limit, measures the page with ssp-loadtest (Server-Timing), then
# uploads a 200 MB video through the real form with curl and reads the
# server's resident memory before and its peak (VmHWM) after.
#
#   bench/portfolio.sh
#   SSP=/tmp/old/ssp LOAD=/tmp/ssp-loadtest bench/portfolio.sh   # other builds
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-1000}
PORT=${PORT:-8097}
STUDENTS=${STUDENTS:-2000}
UPLOAD_MB=${UPLOAD_MB:-200}
TARGET=${CARGO_TARGET_DIR:-target}
if [[ -z "${SSP:-}" ]]; then
    cargo build --release -q -p ssp-cli -p ssp-loadtest
    SSP=$TARGET/release/ssp
fi
LOAD=${LOAD:-$TARGET/release/ssp-loadtest}
work=$(mktemp -d /tmp/ssp-bench-portfolio.XXXXXX)
trap 'kill ${server:-0} 2>/dev/null || true; rm -rf "$work"' EXIT
db_file=$work/ssp.db
db=sqlite://$db_file
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$SSP" --database-url "$db" demo --students "$STUDENTS" > /dev/null

# 200 artifacts for demo.student, spread over four school years.
student=$(sqlite3 "$db_file" "SELECT hex(a.person_id) FROM accounts a WHERE a.username = 'demo.student'")
district=$(sqlite3 "$db_file" "SELECT hex(district_id) FROM students WHERE hex(person_id) = '$student'")
{
    echo "BEGIN;"
    for i in $(seq 1 200); do
        id=$(printf '%032x' $((0x10000000 + i)))
        year=$((2024 + i % 4))
        case $((i % 4)) in
            0) kind=text; extra="NULL, 'A reflection essay of about a page, written for English class, number $i.', NULL, NULL, NULL, NULL" ;;
            1) kind=link; extra="'https://example.org/work/$i', NULL, NULL, NULL, NULL, NULL" ;;
            2) kind=file; extra="NULL, NULL, 'artifacts/x/$i', 'poster-$i.png', 'png', 480000" ;;
            3) kind=file; extra="NULL, NULL, 'artifacts/x/$i', 'lab-report-$i.pdf', 'pdf', 1200000" ;;
        esac
        best=$([[ $((i % 40)) == 0 ]] && echo TRUE || echo FALSE)
        echo "INSERT INTO artifacts (id, district_id, student_id, kind, title, description, reflection, domain, school_year, competencies, url, body, file_key, file_name, file_type, file_bytes, has_thumbnail, private, best_work, created_at, updated_at) VALUES (X'$id', X'$district', X'$student', '$kind', 'Work number $i', 'What it is: a piece of work for class $i.', 'What I learned doing piece $i, and what I would do differently.', 'academic', $year, 'casel:self_awareness,p21:communication', $extra, $([[ $kind == file && $((i % 4)) == 2 ]] && echo TRUE || echo FALSE), FALSE, $best, '2026-09-0$((1 + i % 9))T10:00:00Z', '2026-09-01T10:00:00Z');"
    done
    echo "COMMIT;"
} | sqlite3 "$db_file"
echo "demo.student has $(sqlite3 "$db_file" "SELECT COUNT(*) FROM artifacts WHERE hex(student_id) = '$student'") artifacts"

SSP_UPLOAD_LIMIT_MB=256 SSP_DATA_DIR=$work "$SSP" --database-url "$db" serve --listen "127.0.0.1:$PORT" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/readyz" > /dev/null && break
    sleep 0.5
done
url="http://127.0.0.1:$PORT"

echo "== the portfolio page, 200 artifacts (server time)"
"$LOAD" --url "$url" --user demo.student --concurrency 1 --requests "$REQUESTS" --warmup 50 \
    --path "{plan}/portfolio"

echo "== a ${UPLOAD_MB} MB upload through the form"
# The first form token on a page (no pipe: `head` would cut the writer off).
token_of() { awk 'match($0, /name="csrf" value="[^"]*"/) { print substr($0, RSTART + 19, RLENGTH - 20); exit }' <<< "$1"; }
jar=$work/cookies
page=$(curl -fs -c "$jar" -b "$jar" "$url/sign-in")
csrf=$(token_of "$page")
curl -fs -c "$jar" -b "$jar" -o /dev/null -H "Origin: $url" \
    --data-urlencode "login=demo.student" --data-urlencode "password=ssp-demo-2026" --data-urlencode "csrf=$csrf" "$url/sign-in"
sid=$(sqlite3 "$db_file" "SELECT lower(substr(hex(person_id),1,8)||'-'||substr(hex(person_id),9,4)||'-'||substr(hex(person_id),13,4)||'-'||substr(hex(person_id),17,4)||'-'||substr(hex(person_id),21)) FROM accounts WHERE username = 'demo.student'")
page=$(curl -fs -c "$jar" -b "$jar" "$url/students/$sid/portfolio")
csrf=$(token_of "$page")
# An MP4 (ftyp box, then zeros): judged from its first bytes.
video=$work/talk.mp4
{ printf '\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2'; head -c $((UPLOAD_MB * 1024 * 1024 - 24)) /dev/zero; } > "$video"
rss() { awk "/^$1:/ {print \$2}" "/proc/$server/status"; }
# The peak so far (start-up, the page run) is not the upload's: reset it.
echo 5 > "/proc/$server/clear_refs"
before=$(rss VmRSS)
start=$(date +%s.%N)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -H "Origin: $url" \
    -F "kind=file" -F "title=My talk" -F "domain=career" -F "school_year=2027" -F "csrf=$csrf" \
    -F "file=@$video;type=video/mp4" "$url/students/$sid/portfolio?csrf=$csrf")
end=$(date +%s.%N)
peak=$(rss VmHWM)
stored=$(find "$work/files" -type f -size +100M | head -1)
echo "answer: HTTP $code in $(echo "$end - $start" | bc) s; stored: ${stored:-none} ($(stat -c %s "$stored" 2>/dev/null || echo 0) bytes)"
echo "server memory: resident before ${before} KiB, peak during ${peak} KiB, growth $(( (peak - before) / 1024 )) MiB (target < 32 MiB)"
