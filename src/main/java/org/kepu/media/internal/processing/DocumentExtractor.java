package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text and metadata of DOCX, PDF, ODT (anything Tika parses), extracted in warm child JVMs so that a zip
 * bomb or a pathological PDF costs a child, never the application: each child has its own heap
 * ({@code -Xmx}, exits on OutOfMemoryError), is killed with its process tree after the time limit, keeps at
 * most {@code max-chars} characters of text, and is replaced after a failure or after
 * {@code documents-per-child} documents ({@link ExtractionChildPool}).
 *
 * <p>The child runs {@link DocumentExtractionMain} on the application's own classpath: under Maven and in
 * tests that is {@code java.class.path}; from the packaged {@code kepu.jar} it is the fat jar launched
 * through Spring Boot's {@code PropertiesLauncher} with {@code -Dloader.main}.
 */
public final class DocumentExtractor implements AutoCloseable {

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final DocumentExtractionProperties properties;
    private final Scheduler pool;
    private final ExtractionChildPool children;
    private final JsonMapper json = JsonMapper.builder().build();

    public DocumentExtractor(DocumentExtractionProperties properties) {
        this.properties = properties;
        this.pool = Schedulers.newBoundedElastic(properties.concurrency(), 10_000, "kepu-media-documents", 60, true);
        this.children = new ExtractionChildPool(childCommand(properties.maxHeap()), properties.concurrency(),
                properties.documentsPerChild(), properties.prestart());
    }

    public Mono<ExtractedDocument> extractAsync(Path document) {
        return Mono.fromCallable(() -> extract(document)).subscribeOn(pool);
    }

    /**
     * Blocking.
     *
     * @throws UnsafeDocumentException a zip bomb, or the child ran out of memory or time
     * @throws CorruptMediaException   Tika cannot read the document, or it is encrypted
     */
    public ExtractedDocument extract(Path document) {
        return extract(document, properties.timeout());
    }

    ExtractedDocument extract(Path document, Duration timeout) {
        Path work = null;
        try {
            work = Files.createTempDirectory("kepu-extract");
            Path result = work.resolve("result.json");
            var request = new ExtractionRequest(document.toAbsolutePath().toString(), result.toString(),
                    properties.maxChars(), timeout.toMillis());
            ExtractionStatus status;
            try {
                status = children.ask(request, timeout);
            } catch (ToolFailedException e) {
                throw translate(e, timeout);
            }
            return switch (status.outcome()) {
                case OK -> read(json.readTree(result.toFile()));
                case UNSAFE -> throw new UnsafeDocumentException(status.reason());
                case CORRUPT, ENCRYPTED -> throw new CorruptMediaException(status.reason());
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** Process ids of the running extraction children. */
    List<Long> childPids() {
        return children.childPids();
    }

    static List<String> childCommand(String maxHeap) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-Xss4m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Dlogback.configurationFile=kepu-document-extraction-logback.xml",
                "-cp", System.getProperty("java.class.path")));
        if (runsFromBootJar()) {
            command.add("-Dloader.main=" + DocumentExtractionMain.class.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(DocumentExtractionMain.class.getName());
        }
        return command;
    }

    /** Our classes come from {@code BOOT-INF/classes} of a Spring Boot fat jar ({@code java -jar kepu.jar}). */
    static boolean runsFromBootJar() {
        var source = DocumentExtractionMain.class.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null && source.getLocation().toString().contains("BOOT-INF");
    }

    private RuntimeException translate(ToolFailedException e, Duration timeout) {
        if (e.timedOut()) {
            return new UnsafeDocumentException("Extraction took longer than " + describe(timeout));
        }
        return switch (e.exitCode()) {
            case 3 -> new UnsafeDocumentException("Extraction needed more memory than " + properties.maxHeap());
            case DocumentExtractionMain.TOO_SLOW -> new UnsafeDocumentException("Extraction took longer than "
                    + describe(timeout));
            default -> e;
        };
    }

    private static String describe(Duration timeout) {
        return timeout.toMillisPart() == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static ExtractedDocument read(JsonNode json) {
        return new ExtractedDocument(text(json, "contentType"), text(json, "title"), text(json, "author"),
                json.path("created").isString() ? Instant.parse(json.path("created").asString()) : null,
                json.path("pages").isNumber() ? json.path("pages").asInt() : null,
                json.path("words").isNumber() ? json.path("words").asInt() : null,
                json.path("characters").asInt(0), json.path("truncated").asBoolean(false), json.path("text").asString(""));
    }

    private static String text(JsonNode json, String field) {
        return json.path(field).isString() ? json.path(field).asString() : null;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    /** Ends every extraction child and waits for them (a few seconds at most). */
    @Override
    public void close() {
        children.close();
        pool.dispose();
    }
}
