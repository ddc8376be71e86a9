package org.kepu.platform.internal.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kepu.platform.PlatformProperties;
import org.kepu.platform.internal.servers.ServerAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * An Elasticsearch node in a child JVM with its own classpath (see {@code infra/es-node}). The
 * child exits when its standard input closes, so it dies with this process even after a kill -9.
 */
final class EmbeddedElasticsearchNode implements EmbeddedServer {

    static final String MAIN_CLASS = "org.kepu.esnode.EsNodeMain";
    private static final Logger log = LoggerFactory.getLogger("kepu.embedded.elasticsearch");
    private static final Pattern READY = Pattern.compile("KEPU-ES-NODE READY http=([\\d.]+):(\\d+)");
    private static final String FAILED = "KEPU-ES-NODE FAILED";
    private static final int PORT_RANGE = 50;

    private final Process process;
    private final Path pidFile;
    private final URI url;

    private EmbeddedElasticsearchNode(Process process, Path pidFile, URI url) {
        this.process = process;
        this.pidFile = pidFile;
        this.url = url;
    }

    static EmbeddedElasticsearchNode start(Path home, PlatformProperties.Embedded settings) throws IOException {
        Path distribution = settings.elasticsearchDistribution();
        String heap = settings.elasticsearchHeap();
        Duration timeout = settings.startTimeout();
        Path lib = distribution.toAbsolutePath().resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IOException("The Elasticsearch node for the embedded mode is missing at " + lib
                    + ": build it with ./mvnw package (or set kepu.embedded.elasticsearch-distribution), "
                    + "or point KEPU_ELASTICSEARCH_URL at a running cluster");
        }
        Path pidFile = home.resolve("node.pid");
        Orphans.stopOrphan(pidFile, MAIN_CLASS);
        copyAnalysisFiles(home.resolve("config").resolve("analysis"));
        Files.createDirectories(home.resolve("tmp"));

        Process process = new ProcessBuilder(command(home, lib, heap))
                .redirectErrorStream(true)
                .start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> forwardOutput(process.getInputStream(), ready), "es-node-output");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(() -> ready.completeExceptionally(
                new IOException("The Elasticsearch node exited with status " + process.exitValue() + " before it was ready")));
        try {
            return new EmbeddedElasticsearchNode(process, pidFile, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("The Elasticsearch node was not ready within " + timeout, e);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e);
        }
    }

    private static List<String> command(Path home, Path lib, String heap) {
        int httpPort = FreePorts.next();
        int transportPort = FreePorts.next();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java,
                "-Xms" + heap, "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + home.resolve("tmp"),
                "-Dfile.encoding=UTF-8",
                "-cp", lib + "/*",
                MAIN_CLASS,
                "--home", home.toString(),
                "--data", home.resolve("data").toString(),
                "--logs", home.resolve("logs").toString(),
                "--http-port", httpPort + "-" + (httpPort + PORT_RANGE),
                "--transport-port", transportPort + "-" + (transportPort + PORT_RANGE));
    }

    /** The synonym and dictionary files the index templates name, unless an editor already changed them. */
    private static void copyAnalysisFiles(Path target) throws IOException {
        Files.createDirectories(target);
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:elasticsearch/analysis/*");
        for (Resource file : files) {
            Path destination = target.resolve(file.getFilename());
            if (!Files.exists(destination)) {
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void forwardOutput(InputStream output, CompletableFuture<URI> ready) {
        Deque<String> recent = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher matcher = READY.matcher(line);
                if (matcher.find()) {
                    ready.complete(URI.create("http://" + matcher.group(1) + ":" + matcher.group(2)));
                } else if (line.startsWith(FAILED)) {
                    ready.completeExceptionally(new IOException("The Elasticsearch node failed to start: "
                            + line.substring(FAILED.length()).trim() + lastLines(recent)));
                }
                logLine(line);
                recent.addLast(line);
                if (recent.size() > 20) {
                    recent.removeFirst();
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static String lastLines(Deque<String> recent) {
        return recent.isEmpty() ? "" : "\n  " + String.join("\n  ", recent);
    }

    private static void logLine(String line) {
        if (line.contains("ERROR") || line.contains("FATAL")) {
            log.error(line);
        } else if (line.contains("WARN")) {
            log.warn(line);
        } else {
            log.debug(line);
        }
    }

    ServerAddresses.Elasticsearch address() {
        return new ServerAddresses.Elasticsearch(url, null, null, true);
    }

    @Override
    public String name() {
        return "Elasticsearch";
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Could not remove {}", pidFile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
