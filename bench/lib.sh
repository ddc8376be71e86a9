# Shared by the benchmarks. Most functions serve those that run the packaged application (B) against the four embedded servers started in a
# process of their own (A, "<bench class> servers"): bench/upload.sh and bench/search.sh; start_sample_app serves
# bench/lighthouse.sh and bench/console.sh, which run the application alone with its sample content.
# Source it from the repository root, after `set -euo pipefail`. The functions use the script's WORK (its
# temporary folder), and set or use SERVERS_PID, SERVER_ARGS, APP_PID, PORT, CP and JAR.

# require_build <bench class>: the packaged application, the Elasticsearch node and the benchmark's class are
# built; sets JAR.
require_build() {
  local class="target/test-classes/${1//.//}.class"
  JAR=$(ls target/kepu-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
  [ -n "$JAR" ] || { echo "build first: ./mvnw -B -o -q -DskipTests package" >&2; exit 1; }
  [ -d target/es-node/lib ] || { echo "target/es-node is missing: ./mvnw -B -o -q -DskipTests package" >&2; exit 1; }
  [ -f "$class" ] || { echo "build first: ./mvnw -B -o -q -DskipTests package" >&2; exit 1; }
}

# test_classpath: sets CP to the test classpath (classes, test classes and Maven's dependencies).
test_classpath() {
  ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
  CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
}

stop_pid() { # $1 pid, $2 seconds to wait after TERM before KILL
  local pid=$1 waited=0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $(( $2 * 10 )) ]; do sleep 0.1; waited=$(( waited + 1 )); done
  kill -KILL "$pid" 2>/dev/null || true
}

# stop_all: stops B and A, then whatever A left behind if it had to be killed (the Elasticsearch child, Redis and
# the PostgreSQL postmaster), each from the PID file it keeps in the data folder; a PID is only used while its
# command line still names what the file says it is. Deletes WORK.
stop_all() {
  stop_pid "${APP_PID:-}" 30
  stop_pid "${SERVERS_PID:-}" 60
  local data="$WORK/servers-data" pid file marker
  for entry in "elasticsearch/node.pid|$data" "redis/redis.pid|redis-server" "postgres/pgdata/postmaster.pid|$data"; do
    file="$data/${entry%%|*}" marker="${entry#*|}"
    [ -f "$file" ] || continue
    pid=$(head -n 1 "$file" | tr -dc '0-9')
    if [ -n "$pid" ] && { tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null | grep -qF -- "$marker"; then
      stop_pid "$pid" 10
    fi
  done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}

# start_servers <bench class>: starts A with its data in $WORK/servers-data and waits (180 s at most) for the
# settings file it writes; sets SERVERS_PID and SERVER_ARGS (the application's settings that point at A).
start_servers() {
  java -cp "$CP" "$1" servers "$WORK/servers-data" "$WORK/servers.args" >"$WORK/servers.log" 2>&1 &
  SERVERS_PID=$!
  for _ in $(seq 1 1800); do
    [ -f "$WORK/servers.args" ] && break
    kill -0 "$SERVERS_PID" 2>/dev/null || { echo "the servers process failed:" >&2; tail -n 40 "$WORK/servers.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -f "$WORK/servers.args" ] || { echo "the servers did not start in 180 s" >&2; exit 1; }
  mapfile -t SERVER_ARGS < "$WORK/servers.args"
}

# wait_for_app: waits (300 s at most) until B (APP_PID, logging to $WORK/app.log) is ready; sets PORT.
wait_for_app() {
  PORT=""
  for _ in $(seq 1 3000); do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application failed:" >&2; tail -n 40 "$WORK/app.log" >&2; exit 1; }
    PORT=$(grep -oP 'Netty started on port \K[0-9]+' "$WORK/app.log" | head -n 1 || true)
    if [ -n "$PORT" ] && curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"status":"UP"'; then return 0; fi
    PORT=""
    sleep 0.1
  done
  echo "the application did not become ready in 300 s" >&2; tail -n 40 "$WORK/app.log" >&2; exit 1
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else print ((NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# to_ms: wrk's latency figures (850.00us, 12.34ms, 1.20s, 1.50m) in milliseconds, one per line.
to_ms() { awk '{v = $1; u = v; sub(/^[0-9.]+/, "", u); v += 0; print (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v}'; }

# start_sample_app: starts the packaged application ($JAR) alone, embedded servers and sample content included,
# with its data in $WORK/data; waits until it is ready; sets APP_PID and URL (http://localhost:<port>, a secure
# context for browsers as HTTPS is in production). Stop it with stop_pid "$APP_PID" 30.
start_sample_app() {
  java -Xmx512m -jar "$JAR" --server.port=0 --kepu.data-dir="$WORK/data" --kepu.identity.bootstrap-admin.password=bench-admin-password \
      --logging.level.org.kepu=WARN >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  local port=""
  for _ in $(seq 1 1800); do
    port=$(grep -oP 'Netty started on port \K[0-9]+' "$WORK/app.log" | head -n 1 || true)
    if [ -n "$port" ] && curl -fs "http://127.0.0.1:$port/actuator/health/readiness" | grep -q '"status":"UP"'; then break; fi
    sleep 0.1
  done
  [ -n "$port" ] || { echo "the application did not start; see its log" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }
  URL="http://localhost:$port"
}
