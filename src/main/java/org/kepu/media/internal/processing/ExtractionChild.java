package org.kepu.media.internal.processing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived extraction child JVM ({@link DocumentExtractionMain}) that serves one document at a time.
 * Any failure of a request (time limit, death) leaves the child killed; the caller replaces it. Lines on its
 * standard output that are no status (the JVM itself prints there when it runs out of memory) count as
 * standard error.
 */
final class ExtractionChild {

    static final String TOOL = "document extraction";

    /** Queued as the last answer when the child's standard output ends; compared by identity. */
    private static final ExtractionStatus ENDED = new ExtractionStatus(ExtractionStatus.Outcome.CORRUPT, "ended");

    private final Process process;
    private final Writer requests;
    private final BlockingQueue<ExtractionStatus> answers = new LinkedBlockingQueue<>();
    private final ProcessExecution.StderrTail stderr;
    private final Thread stderrPump;
    private int documentsServed;

    private ExtractionChild(Process process) {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stderr = new ProcessExecution.StderrTail(process.getErrorStream());
        this.stderrPump = ProcessExecution.pump("document-extraction-stderr", stderr::drain);
        ProcessExecution.pump("document-extraction-stdout", this::readAnswers);
    }

    static ExtractionChild start(List<String> command) {
        try {
            return new ExtractionChild(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + TOOL + " (" + command.get(0) + ")", e);
        }
    }

    /**
     * Sends the request and waits for the child's answer.
     *
     * @throws ToolFailedException the time limit passed, the caller was interrupted, or the child ended;
     *                             the child is dead afterwards
     */
    ExtractionStatus ask(ExtractionRequest request, Duration timeout) {
        ExtractionStatus answer;
        try {
            requests.write(request.line() + "\n");
            requests.flush();
            answer = answers.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            throw ended();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new ToolFailedException(TOOL, -1, false, "interrupted (cancelled)");
        }
        if (answer == null) {
            kill();
            throw new ToolFailedException(TOOL, -1, true, stderr.tail());
        }
        if (answer == ENDED) {
            throw ended();
        }
        documentsServed++;
        return answer;
    }

    int documentsServed() {
        return documentsServed;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Closes the child's standard input, which ends it; kills it should it still run after {@code grace}. */
    void retire(Duration grace) {
        try {
            requests.close();
        } catch (IOException ignored) {
            // the child has ended already
        }
        CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS).execute(this::kill);
    }

    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    void kill() {
        if (process.isAlive()) {
            ProcessExecution.killTree(process);
        }
    }

    private ToolFailedException ended() {
        if (!awaitExit(Duration.ofSeconds(5))) {
            kill();
            awaitExit(Duration.ofSeconds(5));
        }
        try {
            stderrPump.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ToolFailedException(TOOL, process.isAlive() ? -1 : process.exitValue(), false, stderr.tail());
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                try {
                    answers.add(ExtractionStatus.parse(line));
                } catch (IllegalArgumentException notAStatus) {
                    stderr.keep(line);
                }
            }
        } catch (IOException ignored) {
            // the child was killed
        }
        answers.add(ENDED);
    }
}
