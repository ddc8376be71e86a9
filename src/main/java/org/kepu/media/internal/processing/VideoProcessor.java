package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import reactor.core.publisher.Mono;

/**
 * Poster frame, storyboard sprite and HLS ladder of a video or an animation (GIF, APNG). Inputs are a
 * local path or an http(s) URL, already probed with {@link MediaProbe}. Every method blocks; the
 * {@code *Async} ones run on the ffmpeg pool.
 */
public final class VideoProcessor {

    static final int SEGMENT_SECONDS = 4;
    static final int STORYBOARD_TILE_WIDTH = 160;
    static final int STORYBOARD_MAX_TILES = 100;
    static final int STORYBOARD_COLUMNS = 10;

    private final FfmpegRunner runner;

    public VideoProcessor(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** {@code poster.jpg}: the frame at 10% of the clip, at most 1280 wide. */
    public ProducedFile poster(String input, MediaFacts facts, Path outDir) {
        requireVideo(facts);
        Path poster = folder(outDir).resolve("poster.jpg");
        runner.ffmpeg(List.of("-ss", seconds(facts.durationSeconds() * 0.1), "-format_whitelist", MediaProbe.DEMUXERS,
                "-i", input, "-map", "0:v:0", "-frames:v", "1", "-vf", "scale='min(1280,iw)':-2", "-q:v", "3",
                "-update", "1", poster.toString()), null, null);
        return ProducedFile.of(poster, "image/jpeg");
    }

    /** {@code storyboard.jpg} (a grid of at most 100 tiles 160 wide), {@code storyboard.vtt}, {@code storyboard.json}. */
    public Storyboard storyboard(String input, MediaFacts facts, Path outDir) {
        requireVideo(facts);
        Path dir = folder(outDir);
        double duration = Math.max(facts.durationSeconds(), 0.04);
        double interval = Math.max(1.0, duration / STORYBOARD_MAX_TILES);
        int tiles = Math.max(1, (int) Math.ceil(duration / interval - 1e-6));
        int columns = Math.min(STORYBOARD_COLUMNS, tiles);
        int rows = (tiles + columns - 1) / columns;
        int tileWidth = STORYBOARD_TILE_WIDTH;
        int tileHeight = even(tileWidth * (double) facts.displayHeight() / facts.displayWidth());
        Path sprite = dir.resolve("storyboard.jpg");
        runner.ffmpeg(List.of("-format_whitelist", MediaProbe.DEMUXERS, "-i", input, "-map", "0:v:0",
                "-vf", String.format(Locale.ROOT, "fps=%.6f,scale=%d:%d,setsar=1,tile=%dx%d",
                        1 / interval, tileWidth, tileHeight, columns, rows),
                "-frames:v", "1", "-q:v", "4", "-update", "1", sprite.toString()), facts.duration(), null);
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        StringBuilder cues = new StringBuilder();
        for (int i = 0; i < tiles; i++) {
            int x = (i % columns) * tileWidth;
            int y = (i / columns) * tileHeight;
            vtt.append(timestamp(i * interval)).append(" --> ").append(timestamp(Math.min(duration, (i + 1) * interval)))
                    .append('\n').append("storyboard.jpg#xywh=").append(x).append(',').append(y).append(',')
                    .append(tileWidth).append(',').append(tileHeight).append("\n\n");
            cues.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.3f,%d,%d]", i * interval, x, y));
        }
        String json = String.format(Locale.ROOT, "{\"image\":\"storyboard.jpg\",\"tileWidth\":%d,\"tileHeight\":%d,"
                        + "\"columns\":%d,\"rows\":%d,\"tiles\":%d,\"interval\":%.3f,\"tilesStartXY\":[%s]}",
                tileWidth, tileHeight, columns, rows, tiles, interval, cues);
        Path vttFile = write(dir.resolve("storyboard.vtt"), vtt.toString());
        Path jsonFile = write(dir.resolve("storyboard.json"), json);
        return new Storyboard(ProducedFile.of(sprite, "image/jpeg"), ProducedFile.of(vttFile, "text/vtt"),
                ProducedFile.of(jsonFile, "application/json"), tileWidth, tileHeight, columns, rows, tiles, interval);
    }

    /** The rungs of {@link Rung#DEFAULT_LADDER} this source gets. */
    public List<Rung> ladderFor(MediaFacts facts) {
        return ladderFor(facts, Rung.DEFAULT_LADDER);
    }

    /**
     * The candidates no larger than the source, lowest first; a source smaller than every candidate gets
     * one rung at its own size (never upscaled).
     */
    public List<Rung> ladderFor(MediaFacts facts, List<Rung> candidates) {
        requireVideo(facts);
        int sourceShort = Math.min(facts.displayWidth(), facts.displayHeight());
        List<Rung> sorted = candidates.stream().sorted((a, b) -> Integer.compare(a.shortSide(), b.shortSide())).toList();
        List<Rung> fitting = sorted.stream().filter(rung -> rung.shortSide() <= sourceShort).toList();
        if (!fitting.isEmpty()) {
            return fitting;
        }
        Rung lowest = sorted.get(0);
        return List.of(new Rung(Math.max(2, sourceShort / 2 * 2), lowest.videoKbps(), lowest.audioKbps()));
    }

    /**
     * The whole ladder, lowest rung first. After each rung {@code master.m3u8} is rewritten to list the
     * rungs done so far and {@code afterEachRung} is told, so a caller can publish after the first.
     * Layout: {@code hlsDir/master.m3u8}, {@code hlsDir/<360p|720p|…>/{index.m3u8,init.mp4,seg_0000.m4s…}}.
     */
    public HlsLadder hls(String input, MediaFacts facts, Path hlsDir, Consumer<HlsLadder> afterEachRung,
                         DoubleConsumer progress) {
        List<Rung> rungs = ladderFor(facts);
        List<HlsRendition> done = new ArrayList<>();
        HlsLadder ladder = null;
        DoubleConsumer overall = progress == null ? p -> { } : progress;
        for (Rung rung : rungs) {
            int index = done.size();
            done.add(renderRung(input, facts, rung, hlsDir, p -> overall.accept((index + p) / rungs.size())));
            ladder = new HlsLadder(writeMaster(hlsDir, done), List.copyOf(done));
            if (afterEachRung != null) {
                afterEachRung.accept(ladder);
            }
        }
        return ladder;
    }

    public Mono<HlsLadder> hlsAsync(String input, MediaFacts facts, Path hlsDir, Consumer<HlsLadder> afterEachRung,
                                    DoubleConsumer progress) {
        return runner.offload(() -> hls(input, facts, hlsDir, afterEachRung, progress));
    }

    /** One rung into {@code hlsDir/<rung name>/}: H.264 (libx264 veryfast) + AAC, fMP4 segments of ~4 s. */
    public HlsRendition renderRung(String input, MediaFacts facts, Rung rung, Path hlsDir, DoubleConsumer progress) {
        requireVideo(facts);
        boolean portrait = facts.displayHeight() > facts.displayWidth();
        int shortSide = even(rung.shortSide());
        int longSide = even(shortSide * (double) Math.max(facts.displayWidth(), facts.displayHeight())
                / Math.min(facts.displayWidth(), facts.displayHeight()));
        int width = portrait ? shortSide : longSide;
        int height = portrait ? longSide : shortSide;
        boolean highRate = facts.frameRate() > 30.5;
        String level = highRate ? "4.2" : "4.0";
        Path dir = folder(hlsDir.resolve(rung.name()));
        clean(dir);
        List<String> args = new ArrayList<>(List.of("-format_whitelist", MediaProbe.DEMUXERS, "-i", input,
                "-map", "0:v:0", "-vf", "scale=" + width + ":" + height + ":flags=bicubic,setsar=1,format=yuv420p",
                "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-level:v", level,
                "-b:v", rung.videoKbps() + "k", "-maxrate", (rung.videoKbps() * 107 / 100) + "k",
                "-bufsize", (rung.videoKbps() * 3 / 2) + "k",
                "-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")"));
        if (facts.hasAudio()) {
            args.addAll(List.of("-map", "0:a:0", "-c:a", "aac", "-b:a", rung.audioKbps() + "k", "-ac", "2", "-ar", "48000"));
        } else {
            args.add("-an");
        }
        args.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments",
                "-hls_fmp4_init_filename", "init.mp4",
                "-hls_segment_filename", dir.resolve("seg_%04d.m4s").toString(), dir.resolve("index.m3u8").toString()));
        runner.ffmpeg(args, facts.duration(), progress);
        String codecs = "avc1.6400" + (highRate ? "2a" : "28") + (facts.hasAudio() ? ",mp4a.40.2" : "");
        return HlsPlaylists.describe(rung.name(), width, height, codecs, dir);
    }

    /** Writes (atomically) {@code hlsDir/master.m3u8} listing {@code renditions}. */
    public ProducedFile writeMaster(Path hlsDir, List<HlsRendition> renditions) {
        return HlsPlaylists.writeMaster(hlsDir, renditions);
    }

    /**
     * {@code video.mp4}: the streams of an HLS rung, already encoded, copied into one progressive MP4 with its
     * index first ({@code +faststart}), for players without HLS and without Media Source Extensions. No encode:
     * it costs a read and a write of the rung.
     */
    public ProducedFile progressiveMp4(HlsRendition rung, Path outDir) {
        Path mp4 = folder(outDir).resolve("video.mp4");
        runner.ffmpeg(List.of("-protocol_whitelist", "file", "-format_whitelist", "hls,mov",
                "-i", rung.playlist().toString(), "-map", "0", "-c", "copy", "-movflags", "+faststart", mp4.toString()),
                null, null);
        return ProducedFile.of(mp4, "video/mp4");
    }

    /** A subtitle stream as a WebVTT file, with its language as a BCP 47 tag ({@code und} when unknown). */
    public record Captions(int ordinal, String language, ProducedFile file) {
    }

    /**
     * {@code captions/<ordinal>-<language>.vtt} for every text subtitle stream of the input (mov_text, SubRip,
     * WebVTT, ASS), in one pass over the file; picture subtitles are skipped.
     */
    public List<Captions> captions(String input, MediaFacts facts, Path outDir) {
        List<SubtitleStream> text = facts.subtitles().stream().filter(SubtitleStream::isText).toList();
        if (text.isEmpty()) {
            return List.of();
        }
        Path dir = folder(outDir.resolve("captions"));
        List<String> args = new ArrayList<>(List.of("-format_whitelist", MediaProbe.DEMUXERS, "-i", input));
        List<Captions> planned = new ArrayList<>();
        for (SubtitleStream stream : text) {
            String language = CaptionLanguage.of(stream.language());
            Path file = dir.resolve(stream.ordinal() + "-" + language + ".vtt");
            args.addAll(List.of("-map", "0:s:" + stream.ordinal(), "-c:s", "webvtt", "-f", "webvtt", file.toString()));
            planned.add(new Captions(stream.ordinal(), language, null));
        }
        runner.ffmpeg(args, facts.duration(), null);
        return planned.stream().map(c -> new Captions(c.ordinal(), c.language(),
                ProducedFile.of(dir.resolve(c.ordinal() + "-" + c.language() + ".vtt"), "text/vtt"))).toList();
    }

    /** {@code animation.mp4}: a GIF or APNG as a silent H.264 MP4 (faststart), for a looping {@code <video>}. */
    public ProducedFile animationToMp4(String input, MediaFacts facts, Path outDir) {
        requireVideo(facts);
        Path mp4 = folder(outDir).resolve("animation.mp4");
        runner.ffmpeg(List.of("-format_whitelist", MediaProbe.DEMUXERS, "-i", input, "-map", "0:v:0",
                "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2,setsar=1,format=yuv420p", "-c:v", "libx264",
                "-preset", "veryfast", "-crf", "23", "-movflags", "+faststart", "-an", mp4.toString()),
                facts.duration(), null);
        return ProducedFile.of(mp4, "video/mp4");
    }

    private static void requireVideo(MediaFacts facts) {
        if (!facts.hasVideo() || facts.width() <= 0 || facts.height() <= 0) {
            throw new CorruptMediaException("The file has no picture");
        }
    }

    static int even(double value) {
        return Math.max(2, (int) Math.round(value / 2) * 2);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String timestamp(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
    }

    static Path folder(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String content) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, content);
            return Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A retried rung starts from an empty folder, so no segment of an earlier attempt lingers. */
    private static void clean(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
