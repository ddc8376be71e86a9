#!/usr/bin/env bash
# Cold start of the packaged application in embedded mode: seconds from launch until
# /actuator/health/readiness is UP, and resident memory of every process after start.
#
#   ./mvnw -DskipTests package && bench/startup.sh        (RUNS=5 bench/startup.sh for more runs)
#
# "fresh" runs start on an empty data folder (initdb, bucket and index creation included);
# "warm" runs restart on the folder a previous run left. RSS columns are read with ps right after
# readiness; app_max_rss_mb is GNU time's peak for the application JVM over its whole run.
# Tools: bash, curl, ps, pgrep, GNU time (/usr/bin/time), awk.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
JAR=$(ls target/kepu-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$JAR" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
[ -d target/es-node/lib ] || { echo "target/es-node is missing: ./mvnw -DskipTests package" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

rss_mb() { # sum of RSS (MB) of the given PIDs
  [ $# -gt 0 ] || { echo 0; return; }
  ps -o rss= -p "$(IFS=,; echo "$*")" 2>/dev/null | awk '{s+=$1} END {printf "%.0f", s/1024}'
}

run_once() { # $1 = data folder, $2 = label
  local data=$1 log="$WORK/app.log" port start ready
  : > "$log"
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$WORK/time.txt" java -jar "$JAR" --server.port=0 --kepu.data-dir="$data" \
      --kepu.identity.bootstrap-admin.password=bench >"$log" 2>&1 &
  local timer=$!
  port=""
  for _ in $(seq 1 1200); do
    port=$(grep -oP 'Netty started on port \K[0-9]+' "$log" | head -n 1 || true)
    if [ -n "$port" ] && curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q '"status":"UP"'; then
      break
    fi
    sleep 0.1
  done
  ready=$(date +%s.%N)
  local app es pg redis
  app=$(pgrep -P "$timer" java)
  es=$(cat "$data/elasticsearch/node.pid")
  pg=$(pgrep -f -- "-D $data/postgres/pgdata" | tr '\n' ' ')
  pg="$pg $(for p in $pg; do pgrep -P "$p"; done | tr '\n' ' ')"
  redis=$(cat "$data/redis/redis.pid")
  local line
  line=$(printf '%s\t%s\t%s\t%s\t%s\t%s' "$2" "$(awk -v a="$ready" -v b="$start" 'BEGIN {printf "%.2f", a - b}')" \
      "$(rss_mb "$app")" "$(rss_mb "$es")" "$(rss_mb $pg)" "$(rss_mb "$redis")")
  kill -TERM "$app"
  wait "$timer" || true
  printf '%s\t%s\n' "$line" "$(awk '/Maximum resident set size/ {printf "%.0f", $NF / 1024}' "$WORK/time.txt")"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

RESULTS="$WORK/results.tsv"
printf "run\tready_s\tapp_rss_mb\tes_rss_mb\tpostgres_rss_mb\tredis_rss_mb\tapp_max_rss_mb\n"
for i in $(seq 1 "$RUNS"); do run_once "$WORK/fresh-$i" "fresh-$i"; done | tee -a "$RESULTS"
for i in $(seq 1 "$RUNS"); do run_once "$WORK/fresh-1" "warm-$i"; done | tee -a "$RESULTS"
echo
for mode in fresh warm; do
  printf 'median %s: ready %ss, app %s MB, elasticsearch %s MB, postgres %s MB, redis %s MB, app peak %s MB\n' "$mode" \
    "$(grep "^$mode" "$RESULTS" | cut -f2 | median)" "$(grep "^$mode" "$RESULTS" | cut -f3 | median)" \
    "$(grep "^$mode" "$RESULTS" | cut -f4 | median)" "$(grep "^$mode" "$RESULTS" | cut -f5 | median)" \
    "$(grep "^$mode" "$RESULTS" | cut -f6 | median)" "$(grep "^$mode" "$RESULTS" | cut -f7 | median)"
done
