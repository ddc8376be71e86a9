#!/usr/bin/env bash
# Events and the WeChat callback:
#   a. burst: 200 text messages from 200 followers, each delivered twice (WeChat's retry), all 400 at once on the
#      callback (plain mode, signed as WeChat signs), from a java.net.http client in the application's JVM with a new
#      connection per request: p50 and p99 latency, for the keyword 活动 (an answer listing upcoming events), the same
#      in safe mode (encrypted both ways), and for unknown check-in codes (counted, then answered by a search of the works), and proof that each counted message
#      was handled exactly once (a per-follower counter in Redis reads 1 for each);
#   b. sustained: wrk keeps 200 callback requests in flight on kept-alive connections (bench/events/callback.lua: a
#      new follower per message, each message delivered twice in a row): first 10 s right after start (cold), then
#      WARMUP_ROUNDS rounds of 10 s (warm-up), then WRK_ROUNDS rounds of WRK_DURATION per text, 活动 and
#      an unknown check-in code alternating: requests/s, p50 and p99 latency, and the application JVM's CPU time per
#      request (from /proc). The bursts (a.) run after this, on the warmed-up application;
#   c. the iCalendar feed of 10,000 occurrences (feed cap raised to 10,000): generation time and bytes.
#
#   ./mvnw -B -o -q -DskipTests package && bench/events.sh
#   (ROUNDS=5 WRK_ROUNDS=3 WRK_DURATION=15s WARMUP_ROUNDS=18 FEED_RUNS=7 HEAP=768m bench/events.sh to change the burst
#    rounds per kind after one warm-up round (5), the wrk rounds per text (3) and their length (15s), the warm-up
#    rounds (18), the timed feed requests after one warm-up request (7) or the heap (768m))
#
# One process (org.kepu.bench.EventsBenchmark, test classpath): the application with its embedded servers in a
# temporary folder and a WeChat account configured (token, AES key, app id) whose API host (127.0.0.1:9) answers
# nothing. The 10,000 occurrences are inserted straight into PostgreSQL as a published series. Client, application
# and servers share the machine's cores.
# Tools: bash, a JDK, Maven (test classpath), wrk (Debian: apt-get install wrk), sha1sum.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
ROUNDS=${ROUNDS:-5}
FEED_RUNS=${FEED_RUNS:-7}
WRK_ROUNDS=${WRK_ROUNDS:-3}
WRK_DURATION=${WRK_DURATION:-15s}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-18}
TOKEN=bench-token
HEAP=${HEAP:-768m}
BENCH=org.kepu.bench.EventsBenchmark

command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }
require_build $BENCH
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kepu-events-bench.XXXXXX")
trap 'if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
test_classpath

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
mkdir "$WORK/handover"
java -Xmx"$HEAP" -cp "$CP" $BENCH "$WORK/data" "$ROUNDS" "$FEED_RUNS" "$WORK/handover" > >(tee "$WORK/out.txt") &
APP_PID=$!
for _ in $(seq 1 6000); do
  [ -f "$WORK/handover/port" ] && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the benchmark process ended early" >&2; exit 1; }
  sleep 0.1
done
PORT=$(cat "$WORK/handover/port")

# The application JVM's user + system CPU time, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
TICKS=$(getconf CLK_TCK)
TIMESTAMP=$(date +%s)
NONCE=wrkbench
SIGNATURE=$(printf '%s\n' "$TOKEN" "$TIMESTAMP" "$NONCE" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
URL="http://127.0.0.1:$PORT/api/wechat/callback?signature=$SIGNATURE&timestamp=$TIMESTAMP&nonce=$NONCE"
wrk_round() { # $1 label, $2 run number, $3 text, $4 duration
  local before after out
  before=$(cpu_ticks)
  out=$(wrk -t2 -c200 -d"$4" --latency -s bench/events/callback.lua "$URL" -- "$2" "$3")
  after=$(cpu_ticks)
  echo "$out" | grep -qE 'Non-2xx|Socket errors' && echo "$out" | grep -E 'Non-2xx|Socket errors'
  local requests
  requests=$(echo "$out" | grep -oP '^\s+\K[0-9]+(?= requests in)')
  echo "wrk $1: rps=$(echo "$out" | grep -oP 'Requests/sec:\s+\K[0-9.]+')" \
    "p50=$(echo "$out" | grep -oP '^\s+50%\s+\K\S+') p99=$(echo "$out" | grep -oP '^\s+99%\s+\K\S+')" \
    "requests=$requests cpu_ms_per_request=$(awk -v t=$(( after - before )) -v hz="$TICKS" -v n="$requests" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')" \
    | tee -a "$WORK/wrk.txt"
}
RUN=$(( RANDOM % 8000 + 1 ))
next_run() { RUN=$(( RUN + 1 )); }
# Cold: the first seconds after start, as right after a deploy.
wrk_round "events cold" "$RUN" "活动" 10s
# Warm-up: on two shared cores the JIT needs minutes for the callback's paths, and the rate climbs in steps with
# plateaus between them, so the warm-up is fixed: WARMUP_ROUNDS rounds of 10 s, two of 活动 to one of codes (each in
# wrk.txt, to see the climb).
for warm in $(seq 1 "$WARMUP_ROUNDS"); do
  next_run
  if (( warm % 3 == 0 )); then wrk_round "codes warmup $warm" "$RUN" "Z0000000" 10s; else wrk_round "events warmup $warm" "$RUN" "活动" 10s; fi
done
for round in $(seq 1 "$WRK_ROUNDS"); do
  next_run; wrk_round "events round $round" "$RUN" "活动" "$WRK_DURATION"
  next_run; wrk_round "codes round $round" "$RUN" "Z0000000" "$WRK_DURATION"
done
touch "$WORK/handover/done"
wait "$APP_PID"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
for kind in events events-aes codes; do
  rounds=$(grep -E "^callback $kind round" "$WORK/out.txt")
  echo "callback ($kind), median of $ROUNDS rounds of 400 requests:" \
    "p50 $(echo "$rounds" | grep -oP 'p50_ms=\K[0-9.]+' | median) ms," \
    "p99 $(echo "$rounds" | grep -oP 'p99_ms=\K[0-9.]+' | median) ms"
done
grep -E "^wrk events cold" "$WORK/wrk.txt" | sed 's/^wrk events cold:/wrk, 200 in flight (events), the first 10 s after start:/'
for kind in events codes; do
  rounds=$(grep -E "^wrk $kind round" "$WORK/wrk.txt")
  echo "wrk, 200 in flight ($kind), median of $WRK_ROUNDS rounds of $WRK_DURATION:" \
    "$(echo "$rounds" | grep -oP 'rps=\K[0-9.]+' | median) requests/s," \
    "p50 $(echo "$rounds" | grep -oP 'p50=\K\S+' | to_ms | median) ms," \
    "p99 $(echo "$rounds" | grep -oP 'p99=\K\S+' | to_ms | median) ms," \
    "application CPU $(echo "$rounds" | grep -oP 'cpu_ms_per_request=\K[0-9.]+' | median) ms per request"
done
echo "counted messages handled other than exactly once: $(grep -E '^callback codes round' "$WORK/out.txt" | grep -oP 'handled_other=\K[0-9]+' | awk '{s += $1} END {print s + 0}')"
grep -E '^feed:' "$WORK/out.txt"
