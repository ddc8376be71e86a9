package org.kepu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import org.kepu.platform.InstanceRole;
import org.kepu.platform.PlatformProperties;
import org.kepu.platform.internal.embedded.EmbeddedServers;
import org.kepu.platform.internal.servers.ServerAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four embedded servers in a process of their own, for benchmarks that run the packaged application against
 * them as external servers (so that the application's JVM holds only the application, and the benchmark can
 * reach PostgreSQL and Elasticsearch directly).
 */
public final class BenchServers {

    private BenchServers() {
    }

    /** Without a logback configuration on the test classpath everything logs at DEBUG, S3Proxy's Jetty included. */
    static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    /**
     * Starts PostgreSQL, Elasticsearch (child JVM, 512 MB heap), S3Proxy (in this JVM) and Redis with their data in
     * the folder, writes the application's command-line settings that point at them (one per line) to the settings
     * file, and runs until this process is terminated.
     */
    static void run(Path dataDir, Path settingsFile) throws Exception {
        PlatformProperties properties = new PlatformProperties(dataDir, InstanceRole.ALL,
                new PlatformProperties.Postgres(null, "kepu", null),
                new PlatformProperties.Elasticsearch(null, null, null),
                new PlatformProperties.S3(null, null, null, "us-east-1", "kepu-media"),
                new PlatformProperties.Redis(null),
                new PlatformProperties.Embedded(false, Path.of("target/es-node"), "512m", Duration.ofSeconds(120)));
        EmbeddedServers servers = EmbeddedServers.acquire(properties);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            servers.close();
            stopped.countDown();
        }, "bench-servers-stop"));

        ServerAddresses a = servers.addresses();
        List<String> settings = List.of(
                "--kepu.postgres.url=postgresql://" + a.postgres().host() + ":" + a.postgres().port() + "/" + a.postgres().database(),
                "--kepu.postgres.username=" + a.postgres().username(),
                "--kepu.elasticsearch.url=" + a.elasticsearch().url(),
                "--kepu.s3.endpoint=" + a.s3().endpoint(),
                "--kepu.s3.access-key=" + a.s3().accessKey(),
                "--kepu.s3.secret-key=" + a.s3().secretKey(),
                "--kepu.s3.region=" + a.s3().region(),
                "--kepu.redis.url=" + a.redis().url());
        Path partial = settingsFile.resolveSibling(settingsFile.getFileName() + ".partial");
        Files.write(partial, settings, StandardCharsets.UTF_8);
        Files.move(partial, settingsFile, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("servers ready, pid " + ProcessHandle.current().pid());
        stopped.await();
    }

    /** The settings file {@link #run} wrote, as property name to value. */
    static Map<String, String> settings(Path settingsFile) throws Exception {
        return Files.readAllLines(settingsFile, StandardCharsets.UTF_8).stream()
                .map(line -> line.replaceFirst("^--", "").split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (x, y) -> y));
    }
}
