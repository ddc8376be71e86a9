package org.kepu.media.internal.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the ffmpeg and ffprobe executables: the configured paths, or else the ffmpeg 8 build (GPL, with
 * libx264 and libwebp) that bytedeco ships in {@code org.bytedeco:ffmpeg:…:linux-x86_64-gpl}, unpacked
 * by JavaCPP into {@code ~/.javacpp/cache} on first use. Lookup is lazy and blocking (the first call
 * unpacks about 100 MB), so call it from a worker thread, never from the event loop. On a machine without
 * PulseAudio's client library, which the bundled libavdevice links, Kepu's stand-in takes its place
 * ({@link PulseAudioStub}).
 */
public final class FfmpegTools {

    private static final Logger log = LoggerFactory.getLogger(FfmpegTools.class);

    private final FfmpegProperties properties;
    private volatile Located located;

    public FfmpegTools(FfmpegProperties properties) {
        this.properties = properties;
    }

    public Path ffmpeg() {
        return locate().ffmpeg();
    }

    public Path ffprobe() {
        return locate().ffprobe();
    }

    /** Environment for the tools' processes (the bytedeco executables find their libraries through it). */
    public Map<String, String> environment() {
        return locate().environment();
    }

    private Located locate() {
        Located current = located;
        if (current == null) {
            synchronized (this) {
                current = located;
                if (current == null) {
                    current = hasText(properties.ffmpegPath()) ? configured() : bytedeco();
                    located = current;
                }
            }
        }
        return current;
    }

    private Located configured() {
        Path ffmpeg = Path.of(properties.ffmpegPath());
        Path ffprobe;
        if (hasText(properties.ffprobePath())) {
            ffprobe = Path.of(properties.ffprobePath());
        } else {
            Path sibling = ffmpeg.resolveSibling("ffprobe");
            ffprobe = Files.isExecutable(sibling) ? sibling : Path.of("ffprobe");
        }
        return new Located(ffmpeg, ffprobe, Map.of());
    }

    private Located bytedeco() {
        try {
            Optional<Path> pulseStub = PulseAudioStub.loadIfSystemLacksIt(Loader.getCacheDir().toPath());
            pulseStub.ifPresent(folder -> log.info("The system has no libpulse.so.0; the bundled ffmpeg uses Kepu's "
                    + "stand-in from {}", folder));
            Path ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            Path ffprobe = hasText(properties.ffprobePath()) ? Path.of(properties.ffprobePath())
                    : Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
            // The executables link against libavcodec and friends that sit next to them in the cache folder.
            List<Path> folders = new ArrayList<>(List.of(ffmpeg.getParent()));
            pulseStub.ifPresent(folders::add);
            return new Located(ffmpeg, ffprobe,
                    Map.of("LD_LIBRARY_PATH", libraryPath(folders, System.getenv("LD_LIBRARY_PATH"))));
        } catch (IOException | LinkageError | RuntimeException e) {
            String pulseHint = PulseAudioStub.bundled() ? "" : "This build carries no stand-in for libpulse.so.0 (it "
                    + "had no gcc), so the system needs that library (Debian: apt-get install libpulse0). ";
            throw new IllegalStateException("The bytedeco ffmpeg cannot be loaded (" + e.getMessage() + "). " + pulseHint
                    + "To use installed executables instead, set kepu.media.ffmpeg.ffmpeg-path and ffprobe-path.", e);
        }
    }

    private static String libraryPath(List<Path> folders, String inherited) {
        StringJoiner path = new StringJoiner(":");
        folders.forEach(folder -> path.add(folder.toString()));
        if (hasText(inherited)) {
            path.add(inherited);
        }
        return path.toString();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private record Located(Path ffmpeg, Path ffprobe, Map<String, String> environment) {
    }
}
