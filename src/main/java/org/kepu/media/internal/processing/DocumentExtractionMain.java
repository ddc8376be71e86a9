package org.kepu.media.internal.processing;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The extraction child JVM's main, launched by {@link ExtractionChild}; it never runs inside the application.
 * It serves one {@link ExtractionRequest} per line of standard input, one at a time, and answers each with
 * one {@link ExtractionStatus} line on standard output after the result file is written.
 *
 * <p>It ends as soon as its standard input closes (the parent closed it or died), even in the middle of a
 * document, and halts itself with exit code {@value #TOO_SLOW} should a document outlast its time limit by
 * {@value #GRACE_MILLIS} ms (the parent normally kills it first). Out of memory exits with 3
 * ({@code -XX:+ExitOnOutOfMemoryError}); any other failure ends it with a stack trace on standard error.
 * Whatever a library prints to {@code System.out} goes to standard error, so the status lines stay clean.
 */
public final class DocumentExtractionMain {

    static final int TOO_SLOW = 11;
    static final long GRACE_MILLIS = 5_000;

    private DocumentExtractionMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream status = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BlockingQueue<String> requests = readUntilEndOfInput();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> daemon("watchdog", task));
        TikaExtraction tika = new TikaExtraction();
        while (true) {
            ExtractionRequest request = ExtractionRequest.parse(requests.take());
            ScheduledFuture<?> halt = watchdog.schedule(() -> Runtime.getRuntime().halt(TOO_SLOW),
                    request.timeoutMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
            ExtractionStatus outcome = tika.extract(Path.of(request.document()), Path.of(request.result()),
                    request.maxChars());
            halt.cancel(false);
            status.println(outcome.line());
        }
    }

    /** Request lines, read on their own thread so that the end of input ends the JVM even during a parse. */
    private static BlockingQueue<String> readUntilEndOfInput() {
        BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        daemon("requests", () -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        requests.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the parent is gone
            }
            Runtime.getRuntime().halt(0);
        }).start();
        return requests;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
