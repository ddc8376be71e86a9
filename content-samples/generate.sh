#!/usr/bin/env bash
# Regenerates every Kepu demo sample work in this folder from texts/*.md.
#
# Debian packages needed (Debian 12 "bookworm"):
#   apt-get update && apt-get install -y --no-install-recommends \
#     ffmpeg espeak-ng fonts-wqy-zenhei pandoc weasyprint poppler-utils python3 file
#
# Usage: ./generate.sh            # everything
#        ./generate.sh video      # one group: video | animation | audio | articles
# Encodes run with 2 threads at modest quality (x264 CRF 30, audio 64 kbit/s).
# Outputs are written with bit-exact flags and a fixed SOURCE_DATE_EPOCH, so a
# second run on the same package versions gives identical files.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
for cmd in ffmpeg ffprobe espeak-ng pandoc weasyprint pdftotext python3; do
  command -v "$cmd" >/dev/null || missing+=("$cmd")
done
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=("fonts-wqy-zenhei")
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]} (see the package list at the top of $0)" >&2
  exit 1
fi

export SOURCE_DATE_EPOCH=1735689600   # 2025-01-01T00:00:00Z
python3 scripts/build.py "$@"
python3 scripts/manifest.py
python3 -m json.tool manifest.json >/dev/null

echo "== check"
for f in video/*.mp4 animation/* audio/*; do
  printf '%-40s %8s bytes  %6.2f s  %s\n' "$f" "$(stat -c %s "$f")" \
    "$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f")" \
    "$(ffprobe -v error -show_entries stream=codec_name -of csv=p=0 "$f" | paste -sd+)"
done
for f in articles/*; do printf '%-40s %8s bytes  %s\n' "$f" "$(stat -c %s "$f")" "$(file -b "$f" | cut -c1-50)"; done
du -ch video animation audio articles | tail -1
