#!/usr/bin/env bash
# The public site under 64 connections: a cached work page and the home page (also gzip-compressed), next to
# nginx serving the same HTML bytes as static files on the same machine (gzip: nginx compresses per request), then the same pages rendered on every request
# (page cache off). Requests/s and latency percentiles from wrk; the JVM's resident memory during the runs.
#
#   ./mvnw -B -DskipTests package && bench/site.sh           (DURATION=30s bench/site.sh for longer runs)
#
# The packaged application runs in embedded mode on a fresh data folder and imports and publishes the
# sample works first (media processing takes a minute or two). Tools: bash, curl, wrk and nginx
# (Debian: apt-get install wrk nginx-light).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}   # Kepu and nginx alternate, so both see the same noise; compare medians of the rounds
CONNECTIONS=${CONNECTIONS:-64}
JAR=$(ls target/kepu-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$JAR" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is missing (Debian: apt-get install nginx-light)" >&2; exit 1; }
export WORK=$(mktemp -d)
APP=""
NGINX_STARTED=""
cleanup() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true; fi
  [ -n "$NGINX_STARTED" ] && "$NGINX" -p "$WORK/nginx" -c nginx.conf -s stop 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

start_app() {  # extra arguments are passed to the application
  java -Xmx512m -jar "$JAR" --server.port=0 --kepu.data-dir="$WORK/data" --kepu.identity.bootstrap-admin.password=bench-admin-password \
      --logging.level.org.kepu=WARN "$@" >"$WORK/app.log" 2>&1 &
  APP=$!
  PORT=""
  for _ in $(seq 1 1800); do
    PORT=$(grep -oP 'Netty started on port \K[0-9]+' "$WORK/app.log" | head -n 1 || true)
    if [ -n "$PORT" ] && curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q '"status":"UP"'; then break; fi
    sleep 0.1
  done
  [ -n "$PORT" ] || { echo "the application did not start; see its log" >&2; tail -n 30 "$WORK/app.log" >&2; exit 1; }
  URL="http://127.0.0.1:$PORT"
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""; }
check() {  # url: one request must answer 200
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] || { echo "not 200: $1" >&2; exit 1; }
}
run() {  # label url [header]
  local rss_file="$WORK/rss-$RANDOM"
  ( while kill -0 "$APP" 2>/dev/null; do ps -o rss= -p "$APP" >>"$rss_file"; sleep 1; done ) &
  local sampler=$!
  echo "== $1"
  local header=()
  [ -n "${3:-}" ] && header=(-H "$3")
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$2" | grep -E 'Requests/sec|Latency  |50%|99%|requests in|Non-2xx'
  kill "$sampler" 2>/dev/null || true
  if [ -s "$rss_file" ] && [[ "$1" == Kepu* ]]; then
    echo "   JVM RSS during the run: max $(sort -n "$rss_file" | tail -n 1 | awk '{printf "%.0f MB", $1/1024}')"
  fi
}

start_app
for _ in $(seq 1 600); do
  [ "$(curl -fs "$URL/sitemap-works-1.xml" | grep -c '<url>' || true)" -ge 9 ] && break
  sleep 1
done
WORKPATH=$(curl -fs "$URL/topics/food-safety" | grep -oP 'href="\K/works/[0-9a-f-]+' | head -n 1)
[ -n "$WORKPATH" ] || { echo "no published sample video page found" >&2; exit 1; }

mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
chmod 755 "$WORK" "$WORK/nginx" "$WORK/nginx/html"   # nginx's workers run as an unprivileged user
curl -fs "$URL/" -o "$WORK/nginx/html/home.html"
curl -fs "$URL$WORKPATH" -o "$WORK/nginx/html/work.html"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  etag on;
  gzip on;
  gzip_vary on;
  server { listen 127.0.0.1:0; root $WORK/nginx/html; }
}
CONF
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
sed -i "s/127.0.0.1:0/127.0.0.1:$NGINX_PORT/" "$WORK/nginx/nginx.conf"
"$NGINX" -p "$WORK/nginx" -c nginx.conf
NGINX_STARTED=1

echo "machine: $(nproc) vCPUs, $(java -version 2>&1 | head -n 1), $("$NGINX" -v 2>&1); $CONNECTIONS connections, 2 wrk threads, $DURATION each"
echo "bytes: home $(wc -c <"$WORK/nginx/html/home.html") (gzip from Kepu: $(curl -fs -H 'Accept-Encoding: gzip' "$URL/" | wc -c)), work page $(wc -c <"$WORK/nginx/html/work.html")"
[ "$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%header{content-encoding}' "$URL/")" = gzip ] || { echo "the home page is not sent gzipped" >&2; exit 1; }
check "$URL/"; check "$URL$WORKPATH"; check "http://127.0.0.1:$NGINX_PORT/work.html"; check "http://127.0.0.1:$NGINX_PORT/home.html"
# Warm up the JIT and fill the page cache before measuring.
wrk -t2 -c"$CONNECTIONS" -d10s "$URL$WORKPATH" >/dev/null; wrk -t2 -c"$CONNECTIONS" -d10s "$URL/" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  echo "---- round $round of $ROUNDS"
  run "Kepu work page (cached)" "$URL$WORKPATH"
  run "nginx work page (static file)" "http://127.0.0.1:$NGINX_PORT/work.html"
  run "Kepu home page (cached)" "$URL/"
  run "nginx home page (static file)" "http://127.0.0.1:$NGINX_PORT/home.html"
  run "Kepu home page (cached, gzip)" "$URL/" "Accept-Encoding: gzip"
  run "nginx home page (static file, gzip per request)" "http://127.0.0.1:$NGINX_PORT/home.html" "Accept-Encoding: gzip"
done

stop_app
start_app --kepu.site.page-cache=false
wrk -t2 -c"$CONNECTIONS" -d10s "$URL$WORKPATH" >/dev/null
run "Kepu work page (rendered on every request)" "$URL$WORKPATH"
run "Kepu home page (rendered on every request)" "$URL/"
