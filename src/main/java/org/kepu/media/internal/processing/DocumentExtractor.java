package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text and metadata of DOCX, PDF, ODT (anything Tika parses), extracted in a child JVM per document so
 * that a zip bomb or a pathological PDF costs that child, never the application: the child has its own
 * heap ({@code -Xmx}, exits on OutOfMemoryError), is killed with its process tree after the time limit,
 * and keeps at most {@code max-chars} characters of text.
 *
 * <p>The child runs {@link DocumentExtractionMain} on the application's own classpath: under Maven and in
 * tests that is {@code java.class.path}; from the packaged {@code kepu.jar} it is the fat jar launched
 * through Spring Boot's {@code PropertiesLauncher} with {@code -Dloader.main}.
 */
public final class DocumentExtractor implements AutoCloseable {

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final DocumentExtractionProperties properties;
    private final Scheduler pool;

    public DocumentExtractor(DocumentExtractionProperties properties) {
        this.properties = properties;
        this.pool = Schedulers.newBoundedElastic(properties.concurrency(), 10_000, "kepu-media-documents", 60, true);
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
        Path work = null;
        try {
            work = Files.createTempDirectory("kepu-extract");
            Path result = work.resolve("result.json");
            try {
                ProcessExecution.run("document extraction", command(document, result), Map.of(), properties.timeout(),
                        stdout -> stdout.transferTo(java.io.OutputStream.nullOutputStream()));
            } catch (ToolFailedException e) {
                throw translate(e);
            }
            return read(JsonMapper.builder().build().readTree(result.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(work);
        }
    }

    List<String> command(Path document, Path result) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + properties.maxHeap(), "-Xss4m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Dlogback.configurationFile=kepu-document-extraction-logback.xml",
                "-cp", System.getProperty("java.class.path")));
        if (runsFromBootJar()) {
            command.add("-Dloader.main=" + DocumentExtractionMain.class.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(DocumentExtractionMain.class.getName());
        }
        command.addAll(List.of(document.toAbsolutePath().toString(), result.toString(),
                String.valueOf(properties.maxChars()), String.valueOf(properties.timeout().toSeconds())));
        return command;
    }

    /** Our classes come from {@code BOOT-INF/classes} of a Spring Boot fat jar ({@code java -jar kepu.jar}). */
    static boolean runsFromBootJar() {
        var source = DocumentExtractionMain.class.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null && source.getLocation().toString().contains("BOOT-INF");
    }

    private RuntimeException translate(ToolFailedException e) {
        String reason = MediaProbe.lastLine(e.stderrTail());
        if (e.timedOut()) {
            return new UnsafeDocumentException("Extraction took longer than " + properties.timeout().toSeconds() + " s");
        }
        return switch (e.exitCode()) {
            case 3 -> new UnsafeDocumentException("Extraction needed more memory than " + properties.maxHeap());
            case DocumentExtractionMain.UNSAFE -> new UnsafeDocumentException(reason);
            case DocumentExtractionMain.CORRUPT, DocumentExtractionMain.ENCRYPTED -> new CorruptMediaException(reason);
            default -> e;
        };
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

    @Override
    public void close() {
        pool.dispose();
    }
}
