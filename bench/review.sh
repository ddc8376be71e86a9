#!/usr/bin/env bash
# Review endpoints under 32 concurrent users: creating works, submitting them for review (each work
# once), and the 一审 reviewer's queue. Throughput and latency percentiles (p50/p90/p99) from wrk.
#
#   ./mvnw -B -DskipTests package && bench/review.sh        (DURATION=30s bench/review.sh for longer runs)
#
# The packaged application runs in embedded mode on a fresh data folder (demo accounts, no sample
# import, no media processing). Clients and server share the machine. Tools: bash, curl, wrk
# (Debian: apt-get install wrk), base64.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
JAR=$(ls target/kepu-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$JAR" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }
export WORK=$(mktemp -d)
APP=""
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

java -jar "$JAR" --server.port=0 --kepu.data-dir="$WORK/data" --kepu.identity.bootstrap-admin.password=bench-admin-password \
    --kepu.samples.enabled=false --kepu.media.processing.enabled=false >"$WORK/app.log" 2>&1 &
APP=$!
PORT=""
for _ in $(seq 1 1800); do
  PORT=$(grep -oP 'Netty started on port \K[0-9]+' "$WORK/app.log" | head -n 1 || true)
  if [ -n "$PORT" ] && curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"status":"UP"'; then break; fi
  sleep 0.1
done
[ -n "$PORT" ] || { echo "the application did not start; see its log" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }
URL="http://127.0.0.1:$PORT"
export MEMBER_AUTH=$(printf 'demo-society-member:kepu-demo-2026' | base64 -w0)
REVIEWER_AUTH=$(printf 'demo-reviewer-political:kepu-demo-2026' | base64 -w0)
curl -fs -o /dev/null -H "Authorization: Basic $MEMBER_AUTH" "$URL/api/me"   # warm the password check

echo "machine: $(nproc) vCPUs, $(java -version 2>&1 | head -n 1); $CONNECTIONS connections, 2 wrk threads, $DURATION each"
echo "== create works (POST /api/works)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/review/create.lua "$URL/api/works" | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
echo "   works created: $(cat "$WORK"/works-*.txt | wc -l)"
echo "== submit for review (POST /api/works/{id}/submissions, screen included)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/review/submit.lua "$URL" | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
echo "   cases opened: $(curl -fs -H "Authorization: Basic $REVIEWER_AUTH" "$URL/api/review/queue" | grep -o '"id"' | wc -l) shown of the queue (at most 100)"
echo "== 一审 queue (GET /api/review/queue, 100 cases a page)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Basic $REVIEWER_AUTH" "$URL/api/review/queue" \
  | grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
