#!/usr/bin/env bash
# Lighthouse (performance, accessibility, best practices, SEO) on the home page, a video page and a search
# results page of a fresh embedded Kepu with its sample works, in Debian's headless Chromium. Lighthouse's
# default mobile profile: a mid-range phone emulated, simulated slow 4G and 4x CPU slowdown. Each page runs
# RUNS times (default 3); the run with the median performance score is reported, with the audits that lost
# points.
#
#   ./mvnw -B -DskipTests package && bench/lighthouse.sh          (RUNS=5 bench/lighthouse.sh)
#
# Lighthouse comes from npm into bench/lighthouse/node_modules (npm ci, pinned by its package-lock.json);
# 12.8.x is the newest line that runs on Node 20. Tools: bash, curl, node/npm, chromium (Debian: apt-get
# install chromium fonts-wqy-zenhei). Reports (HTML and JSON) are kept in target/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
RUNS=${RUNS:-3}
QUERY=${QUERY:-食品安全}
CHROMIUM=${CHROME_PATH:-/usr/bin/chromium}
JAR=$(ls target/kepu-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$JAR" ] || { echo "build first: ./mvnw -DskipTests package" >&2; exit 1; }
[ -x "$CHROMIUM" ] || { echo "Chromium is missing (Debian: apt-get install -y chromium fonts-wqy-zenhei)" >&2; exit 1; }
command -v npm >/dev/null || { echo "node and npm are missing" >&2; exit 1; }
[ -x bench/lighthouse/node_modules/.bin/lighthouse ] || npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error
LIGHTHOUSE=bench/lighthouse/node_modules/.bin/lighthouse
REPORTS=target/lighthouse
mkdir -p "$REPORTS"
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
echo "waiting for the nine sample works to be processed and published..."
for _ in $(seq 1 900); do
  [ "$(curl -fs "$URL/sitemap-works-1.xml" | grep -c '<url>' || true)" -ge 9 ] && break
  sleep 1
done
ENCODED=$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$QUERY")
for _ in $(seq 1 120); do
  curl -fs "$URL/search?q=$ENCODED" | grep -q '<em>' && break
  sleep 1
done
VIDEO=""
for page in $(curl -fs "$URL/sitemap-works-1.xml" | grep -oP '<loc>\K[^<]+' | sed -E 's#^https?://[^/]+##'); do
  if curl -fs "$URL$page" | grep -q 'data-hls='; then VIDEO=$page; break; fi
done
[ -n "$VIDEO" ] || { echo "no published video page found" >&2; exit 1; }

echo "machine: $(nproc) vCPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $("$CHROMIUM" --version 2>/dev/null | head -n 1); Lighthouse $("$LIGHTHOUSE" --version); $RUNS runs per page, median shown"
audit() {  # label path
  local label=$1 path=$2 i
  for i in $(seq 1 "$RUNS"); do
    "$LIGHTHOUSE" "$URL$path" --quiet --chrome-path="$CHROMIUM" \
        --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
        --only-categories=performance,accessibility,best-practices,seo \
        --output=json --output=html --output-path="$WORK/$label-$i" >/dev/null 2>>"$WORK/lighthouse.log" \
      || { echo "lighthouse failed on $path; see below" >&2; tail -n 20 "$WORK/lighthouse.log" >&2; exit 1; }
  done
  node - "$label" "$path" "$REPORTS" "$WORK/$label" "$RUNS" <<'NODE'
const fs = require('fs');
const [label, path, reports, prefix, runs] = process.argv.slice(2);
const all = [];
for (let i = 1; i <= Number(runs); i++) {
  all.push({ i, lhr: JSON.parse(fs.readFileSync(`${prefix}-${i}.report.json`, 'utf8')) });
}
all.sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
const { i, lhr } = all[Math.floor(all.length / 2)];
fs.copyFileSync(`${prefix}-${i}.report.json`, `${reports}/${label}.json`);
fs.copyFileSync(`${prefix}-${i}.report.html`, `${reports}/${label}.html`);
const score = (id) => Math.round(lhr.categories[id].score * 100);
const perfAll = all.map(r => Math.round(r.lhr.categories.performance.score * 100)).sort((a, b) => a - b).join('/');
console.log(`== ${label} ${decodeURIComponent(path)}`);
console.log(`   performance ${score('performance')} (runs ${perfAll})  accessibility ${score('accessibility')}  `
  + `best practices ${score('best-practices')}  SEO ${score('seo')}`);
const a = lhr.audits;
const ms = (id) => a[id] && a[id].numericValue !== undefined ? Math.round(a[id].numericValue) : '-';
console.log(`   FCP ${ms('first-contentful-paint')} ms  LCP ${ms('largest-contentful-paint')} ms  TBT ${ms('total-blocking-time')} ms  `
  + `CLS ${a['cumulative-layout-shift'].numericValue.toFixed(3)}  bytes ${Math.round(a['total-byte-weight'].numericValue / 1024)} KiB`);
for (const [id, category] of Object.entries(lhr.categories)) {
  for (const ref of category.auditRefs) {
    const audit = a[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) {
      console.log(`   - ${id}: ${ref.id} (${audit.score}) ${audit.title}${audit.displayValue ? ' — ' + audit.displayValue : ''}`);
    }
  }
}
NODE
}
audit home /
audit video "$VIDEO"
audit search "/search?q=$ENCODED"
echo "reports: $REPORTS/{home,video,search}.html"
