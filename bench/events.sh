#!/usr/bin/env bash
# Events and the WeChat callback:
#   a. 200 text messages from 200 followers, each delivered twice (WeChat's retry), all 400 at once on the callback
#      (plain mode, signed as WeChat signs): p50 and p99 latency of every request, for the keyword 活动 (answered
#      from PostgreSQL) and for unknown check-in codes (counted, then answered by a search of the works), and proof
#      that each counted message was handled exactly once (a per-follower counter in Redis reads 1 for each);
#   b. the iCalendar feed of 10,000 occurrences (feed cap raised to 10,000): generation time and bytes.
#
#   ./mvnw -B -o -q -DskipTests package && bench/events.sh
#   (ROUNDS=5 FEED_RUNS=7 HEAP=768m bench/events.sh to change the callback rounds per kind after three warm-up rounds (5), the
#    timed feed requests after one warm-up request (7) or the heap (768m))
#
# One process (org.kepu.bench.EventsBenchmark, test classpath): the application with its embedded servers in a
# temporary folder and a WeChat account configured (token, AES key, app id) whose API host (127.0.0.1:9) answers
# nothing, and the benchmark's HTTP client (java.net.http, HTTP/1.1, a connection per request in flight). Each
# message's text looks like a check-in code that matches no registration: the account looks it up, counts the miss
# for the follower, and answers with a search of the works. The 10,000 occurrences are inserted straight into
# PostgreSQL as a published series. Client, application and servers share the machine's cores.
# Tools: bash, a JDK, Maven (test classpath).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
ROUNDS=${ROUNDS:-5}
FEED_RUNS=${FEED_RUNS:-7}
HEAP=${HEAP:-768m}
BENCH=org.kepu.bench.EventsBenchmark

require_build $BENCH
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kepu-events-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
test_classpath

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -Xmx"$HEAP" -cp "$CP" $BENCH "$WORK/data" "$ROUNDS" "$FEED_RUNS" | tee "$WORK/out.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
for kind in events codes; do
  rounds=$(grep -E "^callback $kind round" "$WORK/out.txt")
  echo "callback ($kind), median of $ROUNDS rounds of 400 requests:" \
    "p50 $(echo "$rounds" | grep -oP 'p50_ms=\K[0-9.]+' | median) ms," \
    "p99 $(echo "$rounds" | grep -oP 'p99_ms=\K[0-9.]+' | median) ms"
done
echo "counted messages handled other than exactly once: $(grep -E '^callback codes round' "$WORK/out.txt" | grep -oP 'handled_other=\K[0-9]+' | awk '{s += $1} END {print s + 0}')"
grep -E '^feed:' "$WORK/out.txt"
