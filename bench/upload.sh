#!/usr/bin/env bash
# Streamed upload of a 1 GiB video through the API with the application's heap capped, compared with
# the MinIO SDK's putObject of the same file straight to the same store, and the application's heap
# and resident memory while it uploads.
#
#   ./mvnw -B -o -q -DskipTests package && bench/upload.sh
#   (RUNS=3 SIZE_MB=2048 HEAP=512m bench/upload.sh to change the rounds (5), the file size (1024 MiB)
#    or the heap (256m);
#    APP_ARGS="--kepu.media.stream-part-size=32MB" adds application settings, APP_JVM_ARGS JVM options of B,
#    e.g. APP_JVM_ARGS="-XX:StartFlightRecording=filename=$HOME/upload.jfr" for a profile; NMT=1 runs B with
#    native memory tracking and prints its summary at the end)
#
# Two processes, because S3Proxy (the embedded S3 store) runs inside the JVM that starts it:
#   A "servers": org.kepu.bench.UploadBenchmark (test classpath, default heap) starts the embedded
#     PostgreSQL, Elasticsearch (child JVM), S3Proxy and Redis in a temporary data folder and writes
#     the settings that point at them;
#   B "application": java -Xmx256m -jar target/kepu-*.jar with those servers as external servers,
#     media processing and the sample import off, the streamed-video and request-size limits raised.
# The file is a real MP4 from content-samples/video/ grown to SIZE_MB with a trailing `free` box of
# random bytes, so the type sniffer accepts it as video/mp4.
# Each round uploads it once through B (curl -T, POST /api/media/assets?purpose=VIDEO, HTTP Basic;
# curl's time_total) and once with the SDK in a fresh JVM (putObject of a stream of known size with
# the SDK's default part size, timed around the call after an untimed 64 MiB warm-up put); the order
# alternates per round; one untimed API upload warms B first. Everything is on loopback, plain HTTP.
# While B uploads: jstat -gc every second (old generation and total heap used), B's GC log (heap
# after each collection) and B's RSS from ps. CPU seconds per upload: curl (GNU time), B and A (from
# /proc/<pid>/stat) for the API; the SDK JVM and A (measured in the SDK JVM) for putObject.
# Everything is stopped and deleted at the end.
# Tools: bash, curl, awk, ps, GNU time (/usr/bin/time), a JDK (java, jstat), Maven (for the test classpath).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
RUNS=${RUNS:-5}
SIZE_MB=${SIZE_MB:-1024}
HEAP=${HEAP:-256m}
BUCKET=kepu-media
USER_NAME=bench
PASSWORD=bench-upload-password
BENCH=org.kepu.bench.UploadBenchmark
TICKS=$(getconf CLK_TCK)

require_build $BENCH

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kepu-upload-bench.XXXXXX")
SERVERS_PID="" APP_PID="" SAMPLER_PIDS=""

stop_samplers() {
  for pid in $SAMPLER_PIDS; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  SAMPLER_PIDS=""
}

cleanup() {
  stop_samplers
  stop_all
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stats() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) {print "n/a"; exit}
  printf "min %s  median %s  p90 %s  max %s  (n=%d)", a[1], (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2, a[int(NR*0.9+0.999)], a[NR], NR}'; }

test_classpath

# --- A: the servers --------------------------------------------------------------------------------
start_servers $BENCH

# --- B: the application under test ------------------------------------------------------------------
LIMIT="$(( SIZE_MB + 64 ))MB"
# shellcheck disable=SC2086 # APP_JVM_ARGS, APP_ARGS: extra JVM options and settings for experiments, split on spaces
java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log":uptime ${NMT:+-XX:NativeMemoryTracking=summary} ${APP_JVM_ARGS:-} -jar "$JAR" \
    --server.port=0 --kepu.data-dir="$WORK/app-data" "${SERVER_ARGS[@]}" \
    --kepu.identity.bootstrap-admin.username="$USER_NAME" --kepu.identity.bootstrap-admin.password="$PASSWORD" \
    --kepu.media.processing.enabled=false --kepu.samples.enabled=false \
    --kepu.media.limits.video.streamed="$LIMIT" "--kepu.web.request-size-overrides.[/api/media/assets]=$LIMIT" \
    ${APP_ARGS:-} >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_for_app
RSS_IDLE=$(ps -o rss= -p "$APP_PID" | awk '{printf "%.0f", $1 / 1024}')
jstat -gc "$APP_PID" > "$WORK/jstat-idle.txt"

# --- The file: a real MP4 followed by a `free` box up to SIZE_MB ------------------------------------
FILE="$WORK/upload.mp4"
SAMPLE=content-samples/video/earthquake-drill.mp4
SIZE=$(( SIZE_MB * 1024 * 1024 ))
BOX=$(( SIZE - $(stat -c %s "$SAMPLE") ))
{
  cat "$SAMPLE"
  printf '%b' "$(printf '\\x%02x' $(( BOX >> 24 & 255 )) $(( BOX >> 16 & 255 )) $(( BOX >> 8 & 255 )) $(( BOX & 255 )))free"
  head -c $(( BOX - 8 )) /dev/urandom
} > "$FILE"
[ "$(stat -c %s "$FILE")" -eq "$SIZE" ] || { echo "the test file has the wrong size" >&2; exit 1; }

# --- Uploads ------------------------------------------------------------------------------------------
start_samplers() { # $1 label
  jstat -gc -t "$APP_PID" 1000 > "$WORK/jstat-$1.txt" 2>/dev/null &
  SAMPLER_PIDS="$!"
  ( while kill -0 "$APP_PID" 2>/dev/null; do ps -o rss= -p "$APP_PID" >> "$WORK/rss-$1.txt" || true; sleep 1; done ) >/dev/null 2>&1 &
  SAMPLER_PIDS="$SAMPLER_PIDS $!"
}

gc_lines() { [ -f "$WORK/gc.log" ] && wc -l < "$WORK/gc.log" || echo 0; }

cpu_s() { awk -v t="$TICKS" '{printf "%.2f\n", ($14 + $15) / t}' "/proc/$1/stat"; }

api_upload() { # $1 label; prints seconds; CPU seconds (curl, application, servers) go to cpu-api-<label>
  local label=$1 from to result code seconds app_cpu store_cpu
  from=$(gc_lines)
  start_samplers "$label"
  app_cpu=$(cpu_s "$APP_PID"); store_cpu=$(cpu_s "$SERVERS_PID")
  result=$(/usr/bin/time -f '%U %S' -o "$WORK/curl-time-$label" curl -sS -o "$WORK/response-$label.json" \
      -w '%{http_code} %{time_total}' -u "$USER_NAME:$PASSWORD" \
      -H 'Expect:' -H 'Content-Type: video/mp4' -H 'X-File-Name: %E7%A7%91%E6%99%AE-bench.mp4' \
      -X POST -T "$FILE" "http://127.0.0.1:$PORT/api/media/assets?purpose=VIDEO" || echo "000 0")
  app_cpu=$(awk -v a="$app_cpu" -v b="$(cpu_s "$APP_PID")" 'BEGIN {printf "%.2f", b - a}')
  store_cpu=$(awk -v a="$store_cpu" -v b="$(cpu_s "$SERVERS_PID")" 'BEGIN {printf "%.2f", b - a}')
  stop_samplers
  echo "$(awk '{printf "%.2f", $1 + $2}' "$WORK/curl-time-$label") $app_cpu $store_cpu" > "$WORK/cpu-api-$label"
  to=$(gc_lines)
  sed -n "$(( from + 1 )),${to}p" "$WORK/gc.log" > "$WORK/gc-$label.log"
  read -r code seconds <<< "$result"
  if [ "$code" != 201 ] || ! grep -q "\"status\":\"STORED\"" "$WORK/response-$label.json" \
      || ! grep -q "\"size\":$SIZE" "$WORK/response-$label.json"; then
    echo "API upload $label failed: HTTP $code $(cat "$WORK/response-$label.json" 2>/dev/null)" >&2
    tail -n 40 "$WORK/app.log" >&2
    exit 1
  fi
  echo "$seconds"
}

sdk_upload() { # $1 label; prints seconds; the SDK's part size and CPU seconds (client JVM, servers) go to files
  local out
  out=$(java -cp "$CP" $BENCH put "$WORK/servers.args" "$BUCKET" "$FILE" "bench/sdk-$1.mp4" 64 "$SERVERS_PID")
  echo "$out" | grep -oP 'part_size=\K[0-9]+' > "$WORK/sdk-part-size"
  echo "$(echo "$out" | grep -oP 'client_cpu=\K[0-9.]+') $(echo "$out" | grep -oP 'store_cpu=\K[0-9.]+')" > "$WORK/cpu-sdk-$1"
  echo "$out" | grep -oP 'sdk_seconds=\K[0-9.]+'
}

mib_s() { awk -v s="$1" -v b="$SIZE" 'BEGIN {printf "%.1f", b / 1048576 / s}'; }

echo "machine: $(nproc) vCPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
echo "file: $SIZE_MB MiB MP4 ($SAMPLE + free box); application heap -Xmx$HEAP; rounds: $RUNS (+1 untimed API warm-up)"
W=$(api_upload warmup)
echo "warm-up API upload: ${W} s ($(mib_s "$W") MiB/s)"
: > "$WORK/api"; : > "$WORK/sdk"
for i in $(seq 1 "$RUNS"); do
  if (( i % 2 )); then
    A=$(api_upload "$i"); S=$(sdk_upload "$i")
  else
    S=$(sdk_upload "$i"); A=$(api_upload "$i")
  fi
  echo "$A" >> "$WORK/api"; echo "$S" >> "$WORK/sdk"
  read -r CURL_CPU APP_CPU STORE_CPU < "$WORK/cpu-api-$i"; read -r SDK_CPU SDK_STORE_CPU < "$WORK/cpu-sdk-$i"
  printf 'round %d (%s first): API %6.2f s %5.1f MiB/s (CPU s: curl %s, app %s, store %s)   SDK %6.2f s %5.1f MiB/s (CPU s: client %s, store %s)\n' \
    "$i" "$( (( i % 2 )) && echo API || echo SDK)" "$A" "$(mib_s "$A")" "$CURL_CPU" "$APP_CPU" "$STORE_CPU" \
    "$S" "$(mib_s "$S")" "$SDK_CPU" "$SDK_STORE_CPU"
done
MA=$(median < "$WORK/api"); MS=$(median < "$WORK/sdk")
echo
printf 'median: API %.2f s (%s MiB/s)   SDK putObject %.2f s (%s MiB/s, part size %s MiB)\n' "$MA" "$(mib_s "$MA")" \
  "$MS" "$(mib_s "$MS")" "$(( $(cat "$WORK/sdk-part-size") / 1048576 ))"
printf 'ratio API/SDK throughput: %.3f (target >= 0.8)\n' "$(awk -v a="$MA" -v s="$MS" 'BEGIN {print s / a}')"
cpu_median() { # $1 api|sdk, $2 column; median over the timed rounds
  for i in $(seq 1 "$RUNS"); do awk -v c="$2" '{print $c}' "$WORK/cpu-$1-$i"; done | median
}
cpu_total() { for i in $(seq 1 "$RUNS"); do awk '{s = 0; for (i = 1; i <= NF; i++) s += $i; print s}' "$WORK/cpu-$1-$i"; done | median; }
echo "median CPU seconds per upload: API curl $(cpu_median api 1) + application $(cpu_median api 2) + store $(cpu_median api 3)" \
  "(total $(cpu_total api));  SDK client JVM $(cpu_median sdk 1) + store $(cpu_median sdk 2) (total $(cpu_total sdk))"

# --- Heap and RSS of B while it uploaded -----------------------------------------------------------------
# jstat -gc columns by name: OU old generation used; S0U+S1U+EU+OU heap used; S0C+S1C+EC+OC heap committed (KB).
jstat_col() { # $1 expression over the columns, files...; prints one MB value per sample
  local expr=$1; shift
  awk -v expr="$expr" '
    $1 == "Timestamp" || $1 == "S0C" {for (i = 1; i <= NF; i++) col[$i] = i; next}
    NF > 5 {
      if (expr == "old") v = $col["OU"];
      else if (expr == "used") v = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"];
      else v = $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"];
      printf "%.0f\n", v / 1024
    }' "$@"
}
after_gc() { grep -hoP '\d+M->\K\d+(?=M\(\d+M\))' "$@" || true; }
rss() { awk '{printf "%.0f\n", $1 / 1024}' "$@"; }

echo
echo "application (B) while uploading, MB; samples every second, GC log: every collection"
for label in warmup $(seq 1 "$RUNS"); do
  printf '  %-7s heap after GC: %s\n' "$label" "$(after_gc "$WORK/gc-$label.log" | stats)"
  printf '  %-7s old gen used:  %s\n' "" "$(jstat_col old "$WORK/jstat-$label.txt" | stats)"
  printf '  %-7s RSS:           %s\n' "" "$(rss "$WORK/rss-$label.txt" | stats)"
done
TIMED_GC=$(for i in $(seq 1 "$RUNS"); do echo "$WORK/gc-$i.log"; done)
TIMED_JSTAT=$(for i in $(seq 1 "$RUNS"); do echo "$WORK/jstat-$i.txt"; done)
TIMED_RSS=$(for i in $(seq 1 "$RUNS"); do echo "$WORK/rss-$i.txt"; done)
echo "  all timed rounds:"
echo "    heap after GC:     $(after_gc $TIMED_GC | stats)"
echo "    old gen used:      $(jstat_col old $TIMED_JSTAT | stats)"
echo "    heap used:         $(jstat_col used $TIMED_JSTAT | stats)"
echo "    heap committed:    $(jstat_col committed $TIMED_JSTAT | stats)"
echo "    RSS:               $(rss $TIMED_RSS | stats)"
echo "    GC pauses:         $(cat $TIMED_GC | grep -c 'Pause' || true) ($(cat $TIMED_GC | grep -c 'Pause Full' || true) full)," \
  "$(cat $TIMED_GC | grep 'Pause' | grep -oP '[0-9.]+(?=ms$)' | awk '{s += $1} END {printf "%.0f", s}') ms in all"
echo "  idle after start: heap used $(jstat_col used "$WORK/jstat-idle.txt"), committed $(jstat_col committed "$WORK/jstat-idle.txt"), RSS $RSS_IDLE"
OOM=$(grep -c 'OutOfMemoryError' "$WORK/app.log" || true)
if [ -n "${NMT:-}" ]; then
  echo "  native memory after the last round (jcmd VM.native_memory summary, committed):"
  jcmd "$APP_PID" VM.native_memory summary scale=MB | grep -E '^(Total|-)' \
    | sed -E 's/^- *//; s/:? *\(?reserved=[0-9]+MB, committed=([0-9]+)MB\)?.*/: \1 MB/; s/^/    /'
fi
if kill -0 "$APP_PID" 2>/dev/null && [ "$OOM" -eq 0 ]; then
  echo "    application alive, no OutOfMemoryError in its log"
else
  echo "    APPLICATION FAILED: alive=$(kill -0 "$APP_PID" 2>/dev/null && echo yes || echo no), OutOfMemoryError lines: $OOM"
fi
