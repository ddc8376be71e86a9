#!/usr/bin/env bash
# Sensitive-word screen: milliseconds to screen a 20,000-character article (the sample texts repeated)
# with the dictionary loaded; medians of RUNS runs in one JVM after 3 warm-up runs.
#
#   ./mvnw -B -o -q test-compile && bench/screen.sh         (ENTRIES=20000 RUNS=51 bench/screen.sh)
#
# ENTRIES synthetic words (2-4 common Chinese characters, one in four BLOCK) are added to the starter
# dictionary of the migration; ENTRIES=0 measures the starter dictionary alone. Tools: bash, java.
set -euo pipefail
cd "$(dirname "$0")/.."
ENTRIES=${ENTRIES:-5000}
RUNS=${RUNS:-21}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -f target/test-classes/org/kepu/review/internal/ScreenBenchmark.class ] || {
  echo "build first: ./mvnw -B -o -q test-compile" >&2; exit 1; }
./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" org.kepu.review.internal.ScreenBenchmark "$ENTRIES" "$RUNS"
