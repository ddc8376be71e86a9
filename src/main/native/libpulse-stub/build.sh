#!/bin/sh
# Compiles the libpulse.so.0 stand-in (see libpulse-stub.c) into the given output file.
# Without a C compiler, or off Linux x86-64, it skips with a message and succeeds: the
# application then needs the system's PulseAudio client library (Debian: libpulse0).
# Usage: build.sh OUTPUT_FILE
set -eu
output="$1"
here="$(cd "$(dirname "$0")" && pwd)"
compiler="${CC:-gcc}"

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "libpulse stub: skipped (only built on Linux x86-64)"
  exit 0
fi
if ! command -v "$compiler" >/dev/null 2>&1; then
  echo "libpulse stub: skipped ($compiler not found); the bundled ffmpeg will need the system libpulse.so.0 (Debian: libpulse0)"
  exit 0
fi

mkdir -p "$(dirname "$output")"
"$compiler" -shared -fPIC -O2 -Wall -Werror \
  -Wl,-soname,libpulse.so.0 \
  -Wl,--version-script="$here/libpulse-stub.map" \
  -Wl,-z,defs -s \
  -o "$output" "$here/libpulse-stub.c"
