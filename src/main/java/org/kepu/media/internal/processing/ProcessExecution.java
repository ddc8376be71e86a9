package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one external process to its end, blocking the calling thread: standard output goes to a handler
 * on a pump thread, the last lines of standard error are kept for the error message, and the whole
 * process tree is killed when the time limit passes, the handler fails, or the calling thread is
 * interrupted (a cancelled {@code Mono}).
 */
final class ProcessExecution {

    static final int STDERR_TAIL_LINES = 30;

    /** Reads the process's standard output; runs on its own thread. */
    @FunctionalInterface
    interface StdoutHandler {
        void read(InputStream stdout) throws IOException;
    }

    record Outcome(int exitCode, Duration elapsed, String stderrTail) {
    }

    private ProcessExecution() {
    }

    /** Runs the command; a non-zero exit or a timeout raises {@link ToolFailedException}. */
    static Outcome run(String tool, List<String> command, Map<String, String> environment, Duration timeout,
                       StdoutHandler stdoutHandler) {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + tool + " (" + command.get(0) + ")", e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // stdin of a process that already ended
        }
        StderrTail stderr = new StderrTail(process.getErrorStream());
        Thread stderrPump = pump(tool + "-stderr", stderr::drain);
        AtomicReference<Throwable> handlerFailure = new AtomicReference<>();
        Thread stdoutPump = pump(tool + "-stdout", () -> {
            try (InputStream stdout = process.getInputStream()) {
                stdoutHandler.read(stdout);
                stdout.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (Throwable e) {
                handlerFailure.set(e);
                killTree(process);
            }
        });
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (finished) {
                stdoutPump.join(10_000);
                stderrPump.join(10_000);
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new ToolFailedException(tool, -1, false, "interrupted (cancelled)");
        }
        if (!finished) {
            killTree(process);
            throw new ToolFailedException(tool, -1, true, stderr.tail());
        }
        Throwable failure = handlerFailure.get();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException("reading the output of " + tool + " failed", failure);
        }
        int exit = process.exitValue();
        if (exit != 0) {
            throw new ToolFailedException(tool, exit, false, stderr.tail());
        }
        return new Outcome(exit, Duration.ofNanos(System.nanoTime() - started), stderr.tail());
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static Thread pump(String name, Runnable body) {
        Thread thread = new Thread(body, "kepu-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Keeps the last lines of a stream. */
    static final class StderrTail {

        private final InputStream stream;
        private final Deque<String> lines = new ArrayDeque<>();

        StderrTail(InputStream stream) {
            this.stream = stream;
        }

        void drain() {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    keep(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }

        void keep(String line) {
            synchronized (lines) {
                lines.addLast(line.length() > 500 ? line.substring(0, 500) : line);
                if (lines.size() > STDERR_TAIL_LINES) {
                    lines.removeFirst();
                }
            }
        }

        String tail() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
