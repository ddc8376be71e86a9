#!/usr/bin/env bash
# Search on the embedded Elasticsearch node over 100,000 generated works:
#   a. Kepu's full reindex (PostgreSQL -> new index -> alias swap), documents per second;
#   b. GET /api/search?q=… at 16 concurrent clients, p50 and p99, against the very request Kepu sends to
#      Elasticsearch for the same query sent straight to the node, in alternating rounds of the same run;
#   c. publish -> searchable: from the 终审 approval returning (status PUBLISHED) until /api/search finds the work.
#
#   ./mvnw -B -o -q -DskipTests package && bench/search.sh
#   (WORKS=20000 ROUNDS=5 DURATION=30s WARMUP=120s CONNECTIONS=16 PUBLISHES=100 HEAP=512m SEED=42 bench/search.sh to
#    change the number of works (100000), rounds per side (5), their length (20s), the application's warm-up (120s), the
#    clients (16), the works published in c (100), the application's heap (512m) or the seed; APP_JVM_ARGS adds JVM
#    options to the application, e.g. APP_JVM_ARGS="-XX:StartFlightRecording=filename=$HOME/search.jfr" for a profile;
#    APP_ARGS adds settings;
#    PARTS="reindex search" runs only some of a, b, c: reindex, search, publish; the works are generated always)
#
# Two processes, as bench/upload.sh: A "servers" (org.kepu.bench.SearchBenchmark servers, test classpath) starts the
# embedded PostgreSQL, Elasticsearch (child JVM, -Xmx512m), S3Proxy and Redis in a temporary data folder; B is the
# packaged application (java -Xmx$HEAP -jar target/kepu-*.jar) using them as external servers, with media processing,
# the sample import and the periodic drift repair off. The benchmark reaches PostgreSQL and Elasticsearch directly:
#   - the works (org.kepu.bench.GeneratedWorks: recombined from the relevance corpus, all topics and kinds, seeded)
#     are inserted straight into PostgreSQL's content tables as published works, as a restored backup would hold them;
#     the first reindex is what makes them searchable;
#   - the direct requests are WorkQueries.request(...) serialized by the client's own mapper, sent to the same path
#     with the same query parameters (typed_keys=true) as the application's client sends them.
# Queries: bench/search/queries.txt (122: the relevance test's 53 judged queries, corpus tags, typed questions),
# rotated by bench/search/rotate.lua, each wrk thread starting elsewhere in the list. Clients, application and
# servers share the machine's cores. Everything is stopped and deleted at the end.
# Tools: bash, curl, awk, wrk (installed with apt-get when missing and run as root), a JDK, Maven (test classpath).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
WORKS=${WORKS:-100000}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
PUBLISHES=${PUBLISHES:-100}
HEAP=${HEAP:-512m}
SEED=${SEED:-42}
WARMUP=${WARMUP:-120s}
PARTS=${PARTS:-reindex search publish}
USER_NAME=bench
PASSWORD=bench-search-admin-password
BENCH=org.kepu.bench.SearchBenchmark
TICKS=$(getconf CLK_TCK)

require_build $BENCH
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing wrk (apt-get install wrk)"
    apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing (Debian: sudo apt-get install wrk)" >&2; exit 1
  fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kepu-search-bench.XXXXXX")
SERVERS_PID="" APP_PID=""

cleanup() {
  local status=$?
  if [ "$status" != 0 ] && [ -f "$WORK/app.log" ]; then
    echo "failed; the application's log ends with:" >&2; tail -n 30 "$WORK/app.log" >&2
  fi
  stop_all
}
trap cleanup EXIT
trap 'exit 130' INT TERM

part() { [[ " $PARTS " == *" $1 "* ]]; }
cpu_s() { awk -v t="$TICKS" '{printf "%.1f\n", ($14 + $15) / t}' "/proc/$1/stat"; }
# CPU seconds of PostgreSQL: the postmaster and all its backends.
pg_cpu_s() {
  local postmaster
  postmaster=$(head -n 1 "$WORK/servers-data/postgres/pgdata/postmaster.pid")
  { echo "$postmaster"; pgrep -P "$postmaster" || true; } | while read -r pid; do
    [ -r "/proc/$pid/stat" ] && awk '{print $14 + $15}' "/proc/$pid/stat"
  done | awk -v t="$TICKS" '{s += $1} END {printf "%.1f\n", s / t}'
}
# CPU seconds of the application's threads, without (1) and with (2) its JIT compiler threads.
app_cpu_s() {
  for task in /proc/"$APP_PID"/task/*; do
    awk -v name="$(cat "$task/comm" 2>/dev/null)" '{print (name ~ /CompilerThre/ ? "jit" : "app"), $14 + $15}' "$task/stat" 2>/dev/null
  done | awk -v t="$TICKS" '{s[$1] += $2} END {printf "%.2f %.2f\n", s["app"] / t, (s["app"] + s["jit"]) / t}'
}
cpu_all() { echo "$(app_cpu_s) $(cpu_s "$ES_PID") $(pg_cpu_s)"; }
cpu_diff() { # $1 before, $2 after ("app app+jit es pg")
  awk -v a="$1" -v b="$2" 'BEGIN {split(a, x, " "); split(b, y, " ");
    printf "application %.1f (JIT compiler threads %.1f more), Elasticsearch %.1f, PostgreSQL %.1f",
      y[1] - x[1], (y[2] - x[2]) - (y[1] - x[1]), y[3] - x[3], y[4] - x[4]}'
}
cpu_per_request() { # $1 before, $2 after, $3 requests: "app ms es ms" per request (application without JIT)
  awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN {split(a, x, " "); split(b, y, " ");
    printf "%.2f %.2f", (y[1] - x[1]) * 1000 / n, (y[3] - x[3]) * 1000 / n}'
}

test_classpath

# --- A: the servers --------------------------------------------------------------------------------------
start_servers $BENCH
ES_URL=$(grep -oP '^--kepu.elasticsearch.url=\K.*' "$WORK/servers.args")
ES_PID=$(head -n 1 "$WORK/servers-data/elasticsearch/node.pid" | tr -dc '0-9')

# --- B: the application under test ------------------------------------------------------------------------
# shellcheck disable=SC2086 # APP_JVM_ARGS, APP_ARGS: extra JVM options and settings for experiments, split on spaces
java -Xmx"$HEAP" ${APP_JVM_ARGS:-} -jar "$JAR" \
    --server.port=0 --kepu.data-dir="$WORK/app-data" "${SERVER_ARGS[@]}" \
    --kepu.identity.bootstrap-admin.username="$USER_NAME" --kepu.identity.bootstrap-admin.password="$PASSWORD" \
    --kepu.media.processing.enabled=false --kepu.samples.enabled=false --kepu.search.indexing.drift-interval=0s \
    ${APP_ARGS:-} >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_for_app
URL="http://127.0.0.1:$PORT"

echo "machine: $(nproc) vCPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "application -Xmx$HEAP, Elasticsearch child -Xmx512m; $WORKS works (seed $SEED)"

echo "== generating $WORKS published works in PostgreSQL (not timed as part of the benchmark)"
java -cp "$CP" $BENCH generate "$WORK/servers.args" "$WORKS" "$SEED"

if part reindex; then
  echo "== a. full reindex through Kepu (POST /api/admin/search/reindex, followed to the job's success)"
  BEFORE=$(cpu_all)
  java -cp "$CP" $BENCH reindex "$WORK/servers.args" "$URL" "$USER_NAME" "$PASSWORD"
  echo "   CPU seconds during the reindex: $(cpu_diff "$BEFORE" "$(cpu_all)")"
  grep -oP 'Reindexed .*' "$WORK/app.log" | sed 's/^/   application log: /' || true
  curl -fs "$ES_URL/_cat/indices/works_v*?h=index,docs.count,store.size&bytes=mb" | sed 's/^/   index (name, documents, MB): /'
  jcmd "$ES_PID" GC.run >/dev/null
  curl -fs "$ES_URL/_nodes/stats/jvm?filter_path=**.heap_used_in_bytes" \
    | grep -oP '"heap_used_in_bytes":\K[0-9]+' | awk '{printf "   Elasticsearch heap in use after the reindex and a full GC: %.0f MB of 512\n", $1 / 1048576}'
else
  java -cp "$CP" $BENCH reindex "$WORK/servers.args" "$URL" "$USER_NAME" "$PASSWORD" >/dev/null
fi

wrk_run() { # $1 label, $2 requests file, $3 base URL, $4 duration; prints "p50_ms p99_ms requests_per_s non2xx"
  local out
  local threads=2
  [ "$CONNECTIONS" -lt 2 ] && threads=1
  out=$(REQUESTS="$2" wrk -t"$threads" -c"$CONNECTIONS" -d"$4" --timeout 30s --latency -s bench/search/rotate.lua "$3")
  echo "$out" > "$WORK/wrk-$1.txt"
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" {p50 = ms($2)} $1 == "99%" {p99 = ms($2)} $1 == "Requests/sec:" {rps = $2}
    /Non-2xx/ {bad = $NF} /Socket errors/ {bad += $NF} END {printf "%.2f %.2f %.1f %d\n", p50, p99, rps, bad}'
}

if part search; then
  echo "== b. search at $CONNECTIONS concurrent clients: Kepu's API against the same requests straight to Elasticsearch"
  java -cp "$CP" $BENCH requests bench/search/queries.txt works "$WORK/kepu.txt" "$WORK/direct.txt"
  # The reindex fills without refreshes; Elasticsearch merges its segments for a few minutes afterwards. Searches
  # measured during that would measure the merging too.
  WAITED=0
  while [ "$WAITED" -lt 600 ] && [ "$(curl -fs "$ES_URL/_nodes/stats/indices/merge?filter_path=**.merges.current" \
      | grep -oP '"current":\K[0-9]+' | head -n 1)" != 0 ]; do sleep 5; WAITED=$(( WAITED + 5 )); done
  echo "   waited ${WAITED} s for Elasticsearch's merges after the reindex; index now" \
    "$(curl -fs "$ES_URL/_cat/indices/works_v*?h=store.size,segments.count&bytes=mb" | awk '{print $1 " MB"}')"
  # Warm-up, not counted: the application's JIT needs minutes of searches (after a 60 s warm-up its compiler threads
  # still took as much CPU as the searches themselves), Elasticsearch its caches.
  wrk_run warm-kepu "$WORK/kepu.txt" "$URL" "$WARMUP" >/dev/null
  wrk_run warm-direct "$WORK/direct.txt" "$ES_URL" 20s >/dev/null
  # One client alone: what a single searcher waits, without queueing behind others.
  for side in kepu direct; do
    if [ "$side" = kepu ]; then R=$(CONNECTIONS=1 wrk_run "one-$side" "$WORK/kepu.txt" "$URL" "$DURATION"); else
      R=$(CONNECTIONS=1 wrk_run "one-$side" "$WORK/direct.txt" "$ES_URL" "$DURATION"); fi
    read -r P50 P99 RPS BAD <<< "$R"
    printf 'one client: %-6s p50 %7.2f ms  p99 %7.2f ms  %7.1f req/s  failed %d\n' "$side" "$P50" "$P99" "$RPS" "$BAD"
  done
  : > "$WORK/kepu-rounds"; : > "$WORK/direct-rounds"
  for i in $(seq 1 "$ROUNDS"); do
    for side in $( (( i % 2 )) && echo "kepu direct" || echo "direct kepu"); do
      BEFORE=$(cpu_all)
      if [ "$side" = kepu ]; then R=$(wrk_run "kepu-$i" "$WORK/kepu.txt" "$URL" "$DURATION"); else
        R=$(wrk_run "direct-$i" "$WORK/direct.txt" "$ES_URL" "$DURATION"); fi
      AFTER=$(cpu_all)
      read -r P50 P99 RPS BAD <<< "$R"
      REQS=$(grep -oP '^\s*\K[0-9]+(?= requests in)' "$WORK/wrk-$side-$i.txt")
      read -r APP_MS ES_MS <<< "$(cpu_per_request "$BEFORE" "$AFTER" "$REQS")"
      echo "$R $APP_MS $ES_MS" >> "$WORK/$side-rounds"
      printf 'round %d %-6s p50 %7.2f ms  p99 %7.2f ms  %6.1f req/s  failed %d  CPU ms per search: application %5.2f, Elasticsearch %5.2f\n' \
        "$i" "$side" "$P50" "$P99" "$RPS" "$BAD" "$APP_MS" "$ES_MS"
      echo "   round $i $side CPU s: $(cpu_diff "$BEFORE" "$AFTER")" >> "$WORK/cpu-detail"
    done
  done
  K50=$(awk '{print $1}' "$WORK/kepu-rounds" | median); K99=$(awk '{print $2}' "$WORK/kepu-rounds" | median)
  D50=$(awk '{print $1}' "$WORK/direct-rounds" | median); D99=$(awk '{print $2}' "$WORK/direct-rounds" | median)
  KR=$(awk '{print $3}' "$WORK/kepu-rounds" | median); DR=$(awk '{print $3}' "$WORK/direct-rounds" | median)
  KA=$(awk '{print $5}' "$WORK/kepu-rounds" | median); KE=$(awk '{print $6}' "$WORK/kepu-rounds" | median)
  DE=$(awk '{print $6}' "$WORK/direct-rounds" | median)
  echo
  printf 'median of %d rounds: Kepu p50 %.2f ms, p99 %.2f ms, %.1f req/s;  direct p50 %.2f ms, p99 %.2f ms, %.1f req/s\n' \
    "$ROUNDS" "$K50" "$K99" "$KR" "$D50" "$D99" "$DR"
  printf 'CPU ms per search (medians): through Kepu: application %.2f + Elasticsearch %.2f;  direct: Elasticsearch %.2f\n' \
    "$KA" "$KE" "$DE"
  cat "$WORK/cpu-detail"
  awk -v k50="$K50" -v k99="$K99" -v d50="$D50" -v d99="$D99" 'BEGIN {
    printf "ratio Kepu/direct: p50 %.2f, p99 %.2f (target <= 1.3); Kepu p99 %s 50 ms (target <= 50 ms)\n",
      k50 / d50, k99 / d99, (k99 <= 50 ? "<=" : ">") }'
fi

if part publish; then
  echo "== c. publish -> searchable, $PUBLISHES works one after another (search polled every 20 ms)"
  java -cp "$CP" $BENCH publish "$WORK/servers.args" "$URL" "$USER_NAME" "$PASSWORD" "$PUBLISHES" "$SEED" > "$WORK/publish.txt"
  grep -oP 'latency_ms=\K[0-9]+' "$WORK/publish.txt" | tr '\n' ' ' | fold -w 120 | sed 's/^/   ms: /'
  echo
  grep 'publish_to_searchable' "$WORK/publish.txt" | sed 's/^/   /'
fi
ERRORS=$(grep -cE ' ERROR |OutOfMemoryError' "$WORK/app.log" || true)
echo "application log: $ERRORS ERROR lines"
[ "$ERRORS" = 0 ] || grep -E ' ERROR |OutOfMemoryError' "$WORK/app.log" | head -n 5
