package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

/** Loudness-normalised AAC rendition and waveform peaks of an audio file (or the sound of a video). Blocking. */
public final class AudioProcessor {

    /** Peaks in a waveform unless the caller asks otherwise. */
    public static final int DEFAULT_PEAKS = 1000;
    static final int PCM_RATE = 8000;

    /** @param peaks normalised 0..1, the loudest peak is 1 */
    public record Waveform(ProducedFile json, double[] peaks, double durationSeconds) {
    }

    private final FfmpegRunner runner;

    public AudioProcessor(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** {@code audio.m4a}: AAC-LC 128 kb/s, 48 kHz, EBU R128 one-pass loudnorm to -16 LUFS, faststart. */
    public ProducedFile normalise(String input, MediaFacts facts, Path outDir) {
        requireAudio(facts);
        Path m4a = VideoProcessor.folder(outDir).resolve("audio.m4a");
        runner.ffmpeg(List.of("-format_whitelist", MediaProbe.DEMUXERS, "-i", input, "-map", "0:a:0", "-vn",
                "-af", "loudnorm=I=-16:TP=-1.5:LRA=11", "-ar", "48000", "-c:a", "aac", "-b:a", "128k",
                "-movflags", "+faststart", m4a.toString()), facts.duration(), null);
        return ProducedFile.of(m4a, "audio/mp4");
    }

    public Mono<ProducedFile> normaliseAsync(String input, MediaFacts facts, Path outDir) {
        return runner.offload(() -> normalise(input, facts, outDir));
    }

    /**
     * {@code waveform.json}: {@code peaks} values (maximum absolute amplitude per slice, scaled so the
     * loudest is 1), read from 8 kHz mono PCM that ffmpeg streams to us; memory stays flat.
     */
    public Waveform waveform(String input, MediaFacts facts, Path outDir, int peaks) {
        requireAudio(facts);
        if (peaks < 1) {
            throw new IllegalArgumentException("peaks must be positive");
        }
        double expectedSamples = Math.max(1, facts.durationSeconds() * PCM_RATE);
        double samplesPerPeak = Math.max(1.0, expectedSamples / peaks);
        int[] maxima = new int[peaks];
        runner.ffmpegStreaming(List.of("-format_whitelist", MediaProbe.DEMUXERS, "-i", input, "-map", "0:a:0",
                "-vn", "-ac", "1", "-ar", String.valueOf(PCM_RATE), "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"),
                stdout -> readPeaks(stdout, maxima, samplesPerPeak));
        int loudest = 1;
        for (int max : maxima) {
            loudest = Math.max(loudest, max);
        }
        double[] normalised = new double[peaks];
        StringBuilder json = new StringBuilder(peaks * 6 + 120);
        json.append(String.format(Locale.ROOT, "{\"version\":1,\"sampleRate\":%d,\"samplesPerPeak\":%.2f,\"duration\":%.3f,"
                + "\"length\":%d,\"peaks\":[", PCM_RATE, samplesPerPeak, facts.durationSeconds(), peaks));
        for (int i = 0; i < peaks; i++) {
            normalised[i] = Math.round(maxima[i] * 1000.0 / loudest) / 1000.0;
            json.append(i == 0 ? "" : ",").append(normalised[i]);
        }
        json.append("]}");
        Path file = VideoProcessor.write(VideoProcessor.folder(outDir).resolve("waveform.json"), json.toString());
        return new Waveform(ProducedFile.of(file, "application/json"), normalised, facts.durationSeconds());
    }

    public Mono<Waveform> waveformAsync(String input, MediaFacts facts, Path outDir, int peaks) {
        return runner.offload(() -> waveform(input, facts, outDir, peaks));
    }

    /** Little-endian signed 16-bit samples; the maximum |sample| of each slice goes into {@code maxima}. */
    static void readPeaks(InputStream pcm, int[] maxima, double samplesPerPeak) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int carried = 0;
        long sample = 0;
        int read;
        while ((read = pcm.read(buffer, carried, buffer.length - carried)) >= 0) {
            int available = carried + read;
            int even = available & ~1;
            for (int i = 0; i < even; i += 2) {
                int value = Math.abs((short) ((buffer[i] & 0xff) | (buffer[i + 1] << 8)));
                int slice = (int) Math.min(maxima.length - 1, (long) (sample++ / samplesPerPeak));
                if (value > maxima[slice]) {
                    maxima[slice] = value;
                }
            }
            carried = available - even;
            if (carried == 1) {
                buffer[0] = buffer[even];
            }
        }
    }

    private static void requireAudio(MediaFacts facts) {
        if (!facts.hasAudio()) {
            throw new CorruptMediaException("The file has no sound");
        }
    }
}
