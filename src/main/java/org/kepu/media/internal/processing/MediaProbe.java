package org.kepu.media.internal.processing;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the facts of a media file or URL with ffprobe. Only plain media containers are accepted
 * ({@link #DEMUXERS}): playlists and concat lists, which could make ffmpeg read other local files or
 * URLs, are refused as {@link CorruptMediaException}.
 */
public final class MediaProbe {

    /** Demuxers ffmpeg may use on uploaded files (ffmpeg's {@code -format_whitelist}). */
    public static final String DEMUXERS = String.join(",", List.of(
            "mov", "mp4", "matroska", "webm", "avi", "flv", "mpegts", "mpeg", "asf", "ogg",
            "gif", "apng", "image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe",
            "mp3", "wav", "aac", "flac", "aiff", "amr", "caf", "w64", "m4a"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FfmpegRunner runner;

    public MediaProbe(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** {@link #probe} on {@code boundedElastic} (probes are short and bounded by {@code probe-timeout}). */
    public Mono<MediaFacts> probeAsync(String input) {
        return Mono.fromCallable(() -> probe(input)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * @param input a local path or an http(s) URL ffprobe can read
     * @throws CorruptMediaException when ffprobe cannot read it or it has neither video nor audio
     */
    public MediaFacts probe(String input) {
        String json;
        try {
            json = runner.ffprobe(List.of("-format_whitelist", DEMUXERS, "-print_format", "json",
                    "-show_format", "-show_streams", input));
        } catch (ToolFailedException e) {
            if (e.timedOut()) {
                throw e;
            }
            throw new CorruptMediaException("Not a readable media file: " + reason(e.stderrTail(), input), e);
        }
        MediaFacts facts = parse(JSON.readTree(json));
        if (!facts.hasVideo() && !facts.hasAudio()) {
            throw new CorruptMediaException("The file has neither a video nor an audio stream");
        }
        return facts;
    }

    /**
     * Reads every packet without decoding, so a file cut short or damaged inside fails here, in
     * seconds, instead of stalling an encoder that waits for data the index promised.
     *
     * @throws CorruptMediaException when ffprobe reports any error while reading
     */
    public void checkIntact(String input) {
        var output = runner.ffprobeWithErrors(List.of("-format_whitelist", DEMUXERS, "-count_packets",
                "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", input));
        if (!output.stderrTail().isBlank()) {
            throw new CorruptMediaException("The file is damaged or incomplete: " + reason(output.stderrTail(), input));
        }
    }

    static MediaFacts parse(JsonNode root) {
        JsonNode format = root.path("format");
        JsonNode video = null;
        JsonNode audio = null;
        List<SubtitleStream> subtitles = new java.util.ArrayList<>();
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asString("");
            if (type.equals("subtitle")) {
                subtitles.add(new SubtitleStream(subtitles.size(), stream.path("codec_name").asString("unknown"),
                        tag(stream, "language"), tag(stream, "title")));
            }
            if (video == null && type.equals("video") && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
                video = stream;
            } else if (audio == null && type.equals("audio")) {
                audio = stream;
            }
        }
        double seconds = number(format.path("duration"));
        if (seconds <= 0 && video != null) {
            seconds = number(video.path("duration"));
        }
        return new MediaFacts(format.path("format_name").asString(""),
                Duration.ofNanos((long) (Math.max(0, seconds) * 1e9)),
                (long) number(format.path("bit_rate")),
                video == null ? null : video.path("codec_name").asString("unknown"),
                video == null ? 0 : video.path("width").asInt(0),
                video == null ? 0 : video.path("height").asInt(0),
                video == null ? 0 : rotation(video),
                video == null ? 0 : rate(video.path("avg_frame_rate").asString("0/0")),
                video == null ? null : video.path("pix_fmt").asString(null),
                audio == null ? null : audio.path("codec_name").asString("unknown"),
                audio == null ? 0 : audio.path("channels").asInt(0),
                audio == null ? 0 : (int) number(audio.path("sample_rate")),
                tag(format, "title"), tag(format, "artist", "author", "album_artist", "composer"), tag(format, "creation_time", "date"),
                subtitles);
    }

    /** The first non-blank of a container's or stream's tags, by name in any case (Matroska and Vorbis write them in capitals). */
    private static String tag(JsonNode node, String... names) {
        for (String name : names) {
            for (var entry : node.path("tags").properties()) {
                String value = entry.getValue().asString("").strip();
                if (entry.getKey().equalsIgnoreCase(name) && !value.isEmpty()) {
                    return value;
                }
            }
        }
        return null;
    }

    /** Clockwise degrees from the display matrix (ffprobe reports them counter-clockwise) or the old rotate tag. */
    private static int rotation(JsonNode video) {
        double degrees = 0;
        for (JsonNode side : video.path("side_data_list")) {
            if (side.has("rotation")) {
                degrees = -side.path("rotation").asDouble(0);
            }
        }
        if (degrees == 0 && video.path("tags").has("rotate")) {
            degrees = number(video.path("tags").path("rotate"));
        }
        int rounded = (int) Math.round(degrees / 90.0) * 90;
        return ((rounded % 360) + 360) % 360;
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double numerator = Double.parseDouble(parts[0]);
            double denominator = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return denominator == 0 ? 0 : numerator / denominator;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asString(""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** ffmpeg's complaint without its context prefixes and without our local path, e.g. "moov atom not found". */
    static String reason(String stderr, String input) {
        String reason = stderr.lines()
                .map(line -> line.replaceFirst("^\\[[^]]* @ 0x[0-9a-f]+\\] ", "").replace(input, "input"))
                .filter(line -> !line.isBlank())
                .distinct()
                .collect(java.util.stream.Collectors.joining("; "));
        return reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
    }

    static String lastLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.lastIndexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(newline + 1);
    }
}
