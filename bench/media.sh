#!/usr/bin/env bash
# Media processing overhead, side by side:
#   hls        bare ffmpeg vs the same HLS ladder through VideoProcessor
#   tika-cold  bare Tika in-process vs DocumentExtractor (Tika in a child JVM, -Xmx256m), each measurement
#              one fresh JVM, so both include a JVM start and the extractor a cold child
#   tika-warm  the same two in ONE long-lived JVM: one AutoDetectParser vs DocumentExtractor with its warm
#              child, alternating, after WARMUP unmeasured rounds, ROUNDS measured rounds each
#   video-extras  on the 15 s sample video with two subtitle streams: what the HLS ladder costs against what
#              the pipeline adds to it (progressive MP4 remux, WebVTT captions, poster variants), the same
#              ffmpeg commands VideoProcessor and ImageProcessor issue
#
#   ./mvnw -B -o -q test-compile && bench/media.sh                  (all three)
#   ./mvnw -B -o -q test-compile && bench/media.sh tika-warm        (only the named parts)
#   RUNS=5 bench/media.sh hls tika-cold;  WARMUP=3 ROUNDS=9 bench/media.sh tika-warm
#
# hls and tika-cold time every measurement as one fresh process from outside. The bare ffmpeg commands are
# the ones VideoProcessor.renderRung issues for a 1280x720 source (360p, then 720p; libx264 veryfast, AAC,
# 4 s fMP4 segments). Tools: bash, awk, bc, date.
set -euo pipefail
cd "$(dirname "$0")/.."
PARTS=${*:-hls tika-cold tika-warm video-extras}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-7}
PAGES=${PAGES:-200}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -d target/test-classes ] || { echo "build first: ./mvnw -B -o -q test-compile" >&2; exit 1; }
./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
BENCH=org.kepu.media.internal.processing.ProcessingBenchmark
# Tika's side logs like the extraction child does: errors only.
QUIET=-Dlogback.configurationFile=kepu-document-extraction-logback.xml
for part in $PARTS; do
  case $part in hls|tika-cold|tika-warm|video-extras) ;;
    *) echo "unknown part: $part (hls, tika-cold, tika-warm, video-extras)" >&2; exit 2 ;; esac
done

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
wants() { [[ " $PARTS " == *" $1 "* ]]; }

echo "machine: $(nproc) vCPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"

if wants hls || wants video-extras; then
  # The bytedeco ffmpeg, unpacked by JavaCPP (the hls run below unpacks it if needed).
  java -cp "$CP" $BENCH hls /dev/null "$WORK/none" >/dev/null 2>&1 || true
  FFDIR=$(ls -d ~/.javacpp/cache/ffmpeg-*-linux-x86_64-gpl.jar/org/bytedeco/ffmpeg/linux-x86_64-gpl | head -n 1)
  FFMPEG="$FFDIR/ffmpeg"
  export LD_LIBRARY_PATH="$FFDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi

if wants hls; then

  CLIP="$WORK/clip.mp4"
  "$FFMPEG" -nostdin -v error -y -f lavfi -i testsrc2=size=1280x720:rate=25 -f lavfi -i sine=frequency=440 \
    -t 60 -c:v libx264 -preset veryfast -c:a aac -pix_fmt yuv420p "$CLIP"

  bare_rung() { # $1 out folder, $2 width, $3 height, $4 video kbps, $5 audio kbps
    local dir="$1/$3p" maxrate=$(( $4 * 107 / 100 )) bufsize=$(( $4 * 3 / 2 ))
    mkdir -p "$dir"
    "$FFMPEG" -nostdin -hide_banner -y -v error -nostats -i "$CLIP" -map 0:v:0 \
      -vf "scale=$2:$3:flags=bicubic,setsar=1,format=yuv420p" -c:v libx264 -preset veryfast -profile:v high \
      -level:v 4.0 -b:v "$4k" -maxrate "${maxrate}k" -bufsize "${bufsize}k" -force_key_frames 'expr:gte(t,n_forced*4)' \
      -map 0:a:0 -c:a aac -b:a "$5k" -ac 2 -ar 48000 -f hls -hls_time 4 -hls_playlist_type vod \
      -hls_segment_type fmp4 -hls_flags independent_segments -hls_fmp4_init_filename init.mp4 \
      -hls_segment_filename "$dir/seg_%04d.m4s" "$dir/index.m3u8"
  }

  : > "$WORK/bare"; : > "$WORK/java"
  for i in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/hls"; s=$(now)
    bare_rung "$WORK/hls" 640 360 800 96; bare_rung "$WORK/hls" 1280 720 2800 128
    e=$(now); echo "$e - $s" | bc -l >> "$WORK/bare"
    rm -rf "$WORK/hls"; s=$(now)
    java -cp "$CP" $BENCH hls "$CLIP" "$WORK/hls" >/dev/null
    e=$(now); echo "$e - $s" | bc -l >> "$WORK/java"
  done
  HB=$(median < "$WORK/bare"); HJ=$(median < "$WORK/java")
  echo "hls: $RUNS runs each, fresh processes, medians in seconds"
  printf 'HLS 60 s 720p -> 360p+720p   bare ffmpeg %6.2f   VideoProcessor %6.2f   ratio (bare/java) %.3f\n' "$HB" "$HJ" \
    "$(echo "$HB / $HJ" | bc -l)"
  echo "  all runs bare: $(paste -sd' ' "$WORK/bare")   java: $(paste -sd' ' "$WORK/java")"
fi

if wants video-extras; then
  SOURCE="$WORK/captioned.mp4"
  printf '1\n00:00:00,000 --> 00:00:05,000\n地震来了，不要慌。\n' > "$WORK/zh.srt"
  printf '1\n00:00:00,000 --> 00:00:05,000\nDrop, cover and hold on.\n' > "$WORK/en.srt"
  "$FFMPEG" -nostdin -v error -y -i content-samples/video/earthquake-drill.mp4 -i "$WORK/zh.srt" -i "$WORK/en.srt" \
    -map 0:v -map 0:a -map 1 -map 2 -c:v copy -c:a copy -c:s mov_text "$SOURCE"
  rung() { # $1 out folder, $2 width, $3 height, $4 video kbps, $5 audio kbps
    local dir="$1/$3p" maxrate=$(( $4 * 107 / 100 )) bufsize=$(( $4 * 3 / 2 ))
    mkdir -p "$dir"
    "$FFMPEG" -nostdin -hide_banner -y -v error -nostats -i "$SOURCE" -map 0:v:0 \
      -vf "scale=$2:$3:flags=bicubic,setsar=1,format=yuv420p" -c:v libx264 -preset veryfast -profile:v high \
      -level:v 4.0 -b:v "$4k" -maxrate "${maxrate}k" -bufsize "${bufsize}k" -force_key_frames 'expr:gte(t,n_forced*4)' \
      -map 0:a:0 -c:a aac -b:a "$5k" -ac 2 -ar 48000 -f hls -hls_time 4 -hls_playlist_type vod \
      -hls_segment_type fmp4 -hls_flags independent_segments -hls_fmp4_init_filename init.mp4 \
      -hls_segment_filename "$dir/seg_%04d.m4s" "$dir/index.m3u8"
  }
  : > "$WORK/ladder"; : > "$WORK/mp4"; : > "$WORK/captions"; : > "$WORK/posters"
  for i in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/x"; mkdir -p "$WORK/x"
    s=$(now); rung "$WORK/x" 640 360 800 96; rung "$WORK/x" 1280 720 2800 128; e=$(now); echo "$e - $s" | bc -l >> "$WORK/ladder"
    s=$(now)
    "$FFMPEG" -nostdin -v error -y -protocol_whitelist file -format_whitelist hls,mov -i "$WORK/x/360p/index.m3u8" \
      -map 0 -c copy -movflags +faststart "$WORK/x/video.mp4"
    e=$(now); echo "$e - $s" | bc -l >> "$WORK/mp4"
    s=$(now)
    "$FFMPEG" -nostdin -v error -y -i "$SOURCE" -map 0:s:0 -c:s webvtt -f webvtt "$WORK/x/0-zh.vtt" \
      -map 0:s:1 -c:s webvtt -f webvtt "$WORK/x/1-en.vtt"
    e=$(now); echo "$e - $s" | bc -l >> "$WORK/captions"
    "$FFMPEG" -nostdin -v error -y -ss 1.5 -i "$SOURCE" -map 0:v:0 -frames:v 1 -vf "scale='min(1280,iw)':-2" -q:v 3 \
      -update 1 "$WORK/x/poster.jpg"
    s=$(now)
    args=()
    for w in 480 960; do
      h=$(( w * 720 / 1280 ))
      args+=(-map 0:v:0 -frames:v 1 -map_metadata -1 -vf "scale=$w:$h:flags=lanczos" -c:v libwebp -quality 80 "$WORK/x/poster-$w.webp")
      args+=(-map 0:v:0 -frames:v 1 -map_metadata -1 -vf "scale=$w:$h:flags=lanczos" -c:v mjpeg -q:v 3 -update 1 "$WORK/x/poster-$w.jpg")
    done
    "$FFMPEG" -nostdin -v error -y -i "$WORK/x/poster.jpg" "${args[@]}"
    e=$(now); echo "$e - $s" | bc -l >> "$WORK/posters"
  done
  L=$(median < "$WORK/ladder"); M=$(median < "$WORK/mp4"); C=$(median < "$WORK/captions"); P=$(median < "$WORK/posters")
  echo "video-extras: 15 s 1280x720 sample with two subtitle streams, $RUNS runs, medians in seconds"
  printf 'HLS ladder 360p+720p %6.2f   MP4 remux %5.2f   captions %5.2f   poster variants %5.2f   extras/ladder %.3f\n' \
    "$L" "$M" "$C" "$P" "$(echo "($M + $C + $P) / $L" | bc -l)"
  echo "  all runs ladder: $(paste -sd' ' "$WORK/ladder")   mp4: $(paste -sd' ' "$WORK/mp4")"
  echo "  captions: $(paste -sd' ' "$WORK/captions")   posters: $(paste -sd' ' "$WORK/posters")"
  echo "  sizes: video.mp4 $(stat -c %s "$WORK/x/video.mp4") B, 360p rung $(cat "$WORK/x/360p"/*.m4s "$WORK/x/360p/init.mp4" | wc -c) B"
fi

if wants tika-cold || wants tika-warm; then
  PDF="$WORK/bench.pdf"
  java -cp "$CP" $BENCH make-pdf "$PDF" "$PAGES" >/dev/null 2>&1
  echo "PDF: $(( $(stat -c %s "$PDF") / 1048576 )) MB, $PAGES pages"
fi

if wants tika-cold; then
  : > "$WORK/inproc"; : > "$WORK/iso"
  for i in $(seq 1 "$RUNS"); do
    s=$(now); java $QUIET -cp "$CP" $BENCH tika-inprocess "$PDF" | tail -n 1 > "$WORK/chars-inproc"; e=$(now)
    echo "$e - $s" | bc -l >> "$WORK/inproc"
    s=$(now); java $QUIET -cp "$CP" $BENCH tika-isolated "$PDF" | tail -n 1 > "$WORK/chars-iso"; e=$(now)
    echo "$e - $s" | bc -l >> "$WORK/iso"
  done
  TB=$(median < "$WORK/inproc"); TI=$(median < "$WORK/iso")
  echo "tika-cold: $RUNS runs each, one fresh JVM per measurement, medians in seconds"
  printf 'Tika PDF  in-process %6.2f   cold child JVM %6.2f   ratio (in/iso) %.3f\n' "$TB" "$TI" \
    "$(echo "$TB / $TI" | bc -l)"
  echo "  all runs in-process: $(paste -sd' ' "$WORK/inproc")   isolated: $(paste -sd' ' "$WORK/iso")"
  echo "  text: in-process $(cat "$WORK/chars-inproc"), isolated $(cat "$WORK/chars-iso")"
fi

if wants tika-warm; then
  echo "tika-warm: one JVM, $WARMUP warm-up rounds, $ROUNDS measured rounds each, alternating, medians in seconds"
  java $QUIET -cp "$CP" $BENCH tika-warm "$PDF" "$WARMUP" "$ROUNDS" | sed 's/^/  /'
fi
