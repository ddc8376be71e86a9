package org.kepu.media.internal.processing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the ffmpeg and ffprobe executables: the configured paths, or else the ffmpeg 8 build (GPL, with
 * libx264 and libwebp) that bytedeco ships in {@code org.bytedeco:ffmpeg:…:linux-x86_64-gpl}, unpacked
 * by JavaCPP into {@code ~/.javacpp/cache} on first use. Lookup is lazy and blocking (the first call
 * unpacks about 100 MB), so call it from a worker thread, never from the event loop.
 */
public final class FfmpegTools {

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
            Path ffmpeg = Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            Path ffprobe = hasText(properties.ffprobePath()) ? Path.of(properties.ffprobePath())
                    : Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
            // The executables link against libva and friends that sit next to them in the cache folder.
            String libraries = ffmpeg.getParent().toString();
            String existing = System.getenv("LD_LIBRARY_PATH");
            String path = existing == null || existing.isBlank() ? libraries : libraries + ":" + existing;
            return new Located(ffmpeg, ffprobe, Map.of("LD_LIBRARY_PATH", path));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException("The bytedeco ffmpeg cannot be loaded (" + e.getMessage() + "). It needs the "
                    + "system library libpulse.so.0 (Debian: apt-get install libpulse0); or set "
                    + "kepu.media.ffmpeg.ffmpeg-path and ffprobe-path to installed executables.", e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private record Located(Path ffmpeg, Path ffprobe, Map<String, String> environment) {
    }
}
