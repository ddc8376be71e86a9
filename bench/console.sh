#!/usr/bin/env bash
# The console's weight and how soon its reviewer screen can be used.
#  1. Bundle size: the files the console's page loads first and all of its files, raw and gzip -9, from the
#     last build (target/frontend/static/console).
#  2. Time to interactive of the reviewer's queue, signed in as demo-reviewer-political on a fresh embedded
#     Kepu with its sample content: Lighthouse (default mobile profile: emulated mid-range phone, simulated
#     slow 4G, 4x CPU slowdown) in Debian's headless Chromium, the session cookie sent as a header. RUNS runs
#     (default 5); medians reported.
#
#   ./mvnw -B -DskipTests package && bench/console.sh          (RUNS=9 REVIEW_PATH=/console/review bench/console.sh)
#
# Tools: bash, curl, gzip, node/npm (Lighthouse 12.8 from bench/lighthouse, npm ci), chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
RUNS=${RUNS:-5}
REVIEW_PATH=${REVIEW_PATH:-/console/review}
CHROMIUM=${CHROME_PATH:-/usr/bin/chromium}
BUILT=target/frontend/static/console
JAR=$(ls target/kepu-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$JAR" ] && [ -f "$BUILT/index.html" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
[ -x "$CHROMIUM" ] || { echo "Chromium is missing (Debian: apt-get install -y chromium fonts-wqy-zenhei)" >&2; exit 1; }
[ -x bench/lighthouse/node_modules/.bin/lighthouse ] || npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error
LIGHTHOUSE=bench/lighthouse/node_modules/.bin/lighthouse

size() { # file -> "raw gzip" in bytes
  echo "$(stat -c %s "$1") $(gzip -9 -c "$1" | wc -c)"
}
echo "== bundle ($BUILT)"
initial_raw=0 initial_gz=0
for file in $(grep -oP '(src|href)="/console/\K[^"]+\.(js|css)' "$BUILT/index.html"); do
  read -r raw gz < <(size "$BUILT/$file")
  initial_raw=$((initial_raw + raw)) initial_gz=$((initial_gz + gz))
  printf '   first load  %-45s %7d B  gzip %6d B\n' "$file" "$raw" "$gz"
done
all_raw=0 all_gz=0
for file in "$BUILT"/assets/*.js "$BUILT"/assets/*.css; do
  read -r raw gz < <(size "$file")
  all_raw=$((all_raw + raw)) all_gz=$((all_gz + gz))
done
printf '   first load total %d KiB, gzip %d KiB; all files %d KiB, gzip %d KiB\n' \
  $((initial_raw / 1024)) $((initial_gz / 1024)) $((all_raw / 1024)) $((all_gz / 1024))

WORK=$(mktemp -d)
APP_PID=""
cleanup() {
  local status=$?
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
start_sample_app
for _ in $(seq 1 300); do
  curl -fs -o /dev/null -c "$WORK/cookies" -H 'Content-Type: application/json' \
      -d '{"username":"demo-reviewer-political","password":"kepu-demo-2026"}' "$URL/api/session" && break
  sleep 1
done
SESSION=$(awk '$6 == "KEPU_SESSION" {print $7}' "$WORK/cookies")
[ -n "$SESSION" ] || { echo "signing in as demo-reviewer-political failed" >&2; exit 1; }

echo "== reviewer screen $REVIEW_PATH; machine: $(nproc) vCPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $("$CHROMIUM" --version 2>/dev/null | head -n 1); Lighthouse $("$LIGHTHOUSE" --version); $RUNS runs"
for i in $(seq 1 "$RUNS"); do
  "$LIGHTHOUSE" "$URL$REVIEW_PATH" --quiet --chrome-path="$CHROMIUM" \
      --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
      --extra-headers="{\"Cookie\":\"KEPU_SESSION=$SESSION\"}" \
      --only-categories=performance,accessibility,best-practices \
      --output=json --output-path="$WORK/review-$i.json" >/dev/null 2>>"$WORK/lighthouse.log" \
    || { echo "lighthouse failed; see below" >&2; tail -n 20 "$WORK/lighthouse.log" >&2; exit 1; }
done
mkdir -p target/lighthouse
node - "$WORK" "$RUNS" <<'NODE'
const fs = require('fs');
const [work, runs] = process.argv.slice(2);
const reports = [];
for (let i = 1; i <= Number(runs); i++) reports.push(JSON.parse(fs.readFileSync(`${work}/review-${i}.json`, 'utf8')));
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const metric = (id) => median(reports.map((r) => r.audits[id].numericValue));
const score = (id) => median(reports.map((r) => Math.round(r.categories[id].score * 100)));
const finalUrl = reports[0].finalDisplayedUrl || reports[0].finalUrl;
if (!finalUrl.includes('/console/') || finalUrl.includes('sign-in')) throw new Error(`the screen redirected to ${finalUrl}`);
console.log(`   final URL ${finalUrl.replace(/^https?:\/\/[^/]+/, '')}`);
console.log(`   time to interactive ${Math.round(metric('interactive'))} ms (runs ${reports.map((r) => Math.round(r.audits.interactive.numericValue)).join('/')})`);
console.log(`   FCP ${Math.round(metric('first-contentful-paint'))} ms  LCP ${Math.round(metric('largest-contentful-paint'))} ms  `
  + `TBT ${Math.round(metric('total-blocking-time'))} ms  transferred ${Math.round(metric('total-byte-weight') / 1024)} KiB`);
console.log(`   scores: performance ${score('performance')}  accessibility ${score('accessibility')}  best practices ${score('best-practices')}`);
fs.copyFileSync(`${work}/review-${Math.floor(reports.length / 2) + 1}.json`, 'target/lighthouse/console-review.json');
NODE
