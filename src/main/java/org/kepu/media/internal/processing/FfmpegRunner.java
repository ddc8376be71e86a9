package org.kepu.media.internal.processing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs ffmpeg and ffprobe. The blocking methods run the tool on the calling thread; {@link #offload}
 * and {@link #ffmpegAsync} run work on this runner's own bounded pool ({@code kepu.media.ffmpeg.concurrency}
 * threads), never on the event loop. Cancelling the {@code Mono} kills the process tree.
 */
public final class FfmpegRunner implements AutoCloseable {

    /** What one ffmpeg run took. */
    public record ToolResult(Duration elapsed, String stderrTail) {
    }

    private final FfmpegTools tools;
    private final FfmpegProperties properties;
    private final Scheduler pool;

    public FfmpegRunner(FfmpegTools tools, FfmpegProperties properties) {
        this.tools = tools;
        this.properties = properties;
        this.pool = Schedulers.newBoundedElastic(properties.concurrency(), 10_000, "kepu-media-ffmpeg", 60, true);
    }

    /** Runs {@code work} (which calls the blocking methods) on the ffmpeg pool. */
    /**
     * Runs blocking work on the pool. A {@link LinkageError} (a native library that cannot load) becomes an
     * ordinary failure: Reactor treats it as fatal and would throw it past the subscriber, leaving a job
     * that never ends.
     */
    public <T> Mono<T> offload(Callable<T> work) {
        return Mono.fromCallable(() -> {
            try {
                return work.call();
            } catch (LinkageError e) {
                throw new IllegalStateException("A native library could not be loaded: " + e, e);
            }
        }).subscribeOn(pool);
    }

    public Mono<ToolResult> ffmpegAsync(List<String> arguments, Duration mediaDuration, DoubleConsumer progress) {
        return offload(() -> ffmpeg(arguments, mediaDuration, progress));
    }

    /**
     * Runs ffmpeg with {@code arguments} (inputs, filters, outputs) and reports progress 0..1 from its
     * {@code -progress pipe:1} output when {@code mediaDuration} is known. Blocking.
     */
    public ToolResult ffmpeg(List<String> arguments, Duration mediaDuration, DoubleConsumer progress) {
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(),
                "-nostdin", "-hide_banner", "-y", "-v", "error", "-nostats", "-progress", "pipe:1"));
        command.addAll(arguments);
        DoubleConsumer listener = progress == null ? p -> { } : progress;
        var outcome = ProcessExecution.run("ffmpeg", command, tools.environment(), properties.timeout(),
                stdout -> readProgress(new BufferedReader(new InputStreamReader(stdout, StandardCharsets.US_ASCII)),
                        mediaDuration, listener));
        return new ToolResult(outcome.elapsed(), outcome.stderrTail());
    }

    /** Runs ffmpeg and hands its standard output (for example raw PCM) to {@code reader} as a stream. Blocking. */
    public ToolResult ffmpegStreaming(List<String> arguments, ProcessExecution.StdoutHandler reader) {
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(),
                "-nostdin", "-hide_banner", "-v", "error", "-nostats"));
        command.addAll(arguments);
        var outcome = ProcessExecution.run("ffmpeg", command, tools.environment(), properties.timeout(), reader);
        return new ToolResult(outcome.elapsed(), outcome.stderrTail());
    }

    /** Runs ffprobe and answers its standard output. Blocking; limited by {@code probe-timeout}. */
    public String ffprobe(List<String> arguments) {
        return ffprobeWithErrors(arguments).stdout();
    }

    public record ProbeOutput(String stdout, String stderrTail) {
    }

    /** Like {@link #ffprobe}, also answering what ffprobe reported at error level while reading. */
    public ProbeOutput ffprobeWithErrors(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(tools.ffprobe().toString(), "-hide_banner", "-v", "error"));
        command.addAll(arguments);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var outcome = ProcessExecution.run("ffprobe", command, tools.environment(), properties.probeTimeout(),
                stdout -> stdout.transferTo(out));
        return new ProbeOutput(out.toString(StandardCharsets.UTF_8), outcome.stderrTail());
    }

    static void readProgress(BufferedReader lines, Duration mediaDuration, DoubleConsumer listener)
            throws java.io.IOException {
        long totalMicros = mediaDuration == null ? 0 : mediaDuration.toNanos() / 1000;
        long doneMicros = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("out_time_us=") || line.startsWith("out_time_ms=")) {
                String value = line.substring(line.indexOf('=') + 1).trim();
                if (!value.isEmpty() && !value.equals("N/A")) {
                    doneMicros = Math.max(0, Long.parseLong(value));
                }
            } else if (line.startsWith("progress=")) {
                if (line.equals("progress=end")) {
                    listener.accept(1.0);
                } else if (totalMicros > 0) {
                    listener.accept(Math.min(1.0, (double) doneMicros / totalMicros));
                }
            }
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
