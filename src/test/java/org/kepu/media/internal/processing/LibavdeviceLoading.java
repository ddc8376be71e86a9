package org.kepu.media.internal.processing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.Loader;

/**
 * Run in a child JVM by {@link PulseAudioStubTest}: loads the stand-in from the folder in the first
 * argument, then the bytedeco ffmpeg as {@link FfmpegTools} does, and prints the libraries mapped into
 * the process whose names mention libpulse or libavdevice.
 */
final class LibavdeviceLoading {

    private LibavdeviceLoading() {
    }

    public static void main(String[] arguments) throws Exception {
        PulseAudioStub.load(Path.of(arguments[0]));
        Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .filter(file -> file.contains("libpulse") || file.contains("libavdevice"))
                .distinct()
                .forEach(System.out::println);
    }
}
