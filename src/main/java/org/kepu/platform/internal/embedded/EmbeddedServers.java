package org.kepu.platform.internal.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.kepu.platform.PlatformProperties;
import org.kepu.platform.internal.servers.ExternalAddresses;
import org.kepu.platform.internal.servers.ServerAddresses;
import org.kepu.platform.internal.servers.ServerSetting;
import org.kepu.platform.internal.servers.ServerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, in parallel, every server whose address is not configured, and resolves the addresses
 * of all four. Ephemeral sets (tests) are shared by all application contexts of the JVM.
 */
public final class EmbeddedServers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final Map<String, EmbeddedServers> SHARED = new ConcurrentHashMap<>();

    private final DataFolder dataFolder;
    private final List<EmbeddedServer> running;
    private final ServerAddresses addresses;

    private EmbeddedServers(DataFolder dataFolder, List<EmbeddedServer> running, ServerAddresses addresses) {
        this.dataFolder = dataFolder;
        this.running = running;
        this.addresses = addresses;
    }

    public ServerAddresses addresses() {
        return addresses;
    }

    /** Stops the servers unless they are the JVM's shared (ephemeral) set, which stops with the JVM. */
    public void release() {
        if (!SHARED.containsValue(this)) {
            close();
        }
    }

    public static EmbeddedServers acquire(PlatformProperties properties) {
        if (!properties.embedded().ephemeral()) {
            return start(properties);
        }
        return SHARED.computeIfAbsent(externalKey(properties), key -> {
            EmbeddedServers servers = start(properties);
            Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "kepu-embedded-servers-stop"));
            return servers;
        });
    }

    private static String externalKey(PlatformProperties p) {
        return String.join("|", String.valueOf(p.postgres().url()), String.valueOf(p.elasticsearch().url()),
                String.valueOf(p.s3().endpoint()), String.valueOf(p.redis().url()));
    }

    private static EmbeddedServers start(PlatformProperties properties) {
        long started = System.nanoTime();
        DataFolder folder = null;
        List<EmbeddedServer> running = new ArrayList<>();
        ExecutorService starter = Executors.newFixedThreadPool(4);
        try {
            boolean anyEmbedded = !properties.postgres().external() || !properties.elasticsearch().external()
                    || !properties.s3().external() || !properties.redis().external();
            folder = !anyEmbedded ? null
                    : properties.embedded().ephemeral() ? DataFolder.ephemeral() : DataFolder.persistent(properties.dataDir());
            DataFolder data = folder;
            boolean ephemeral = properties.embedded().ephemeral();

            var elasticsearch = launch(properties.elasticsearch().external(), starter, () -> startIn(data, "elasticsearch",
                    ServerSetting.ELASTICSEARCH, home -> EmbeddedElasticsearchNode.start(home, properties.embedded())));
            var postgres = launch(properties.postgres().external(), starter, () -> startIn(data, "postgres",
                    ServerSetting.POSTGRES, dir -> EmbeddedPostgresServer.start(dir, ephemeral)));
            var s3 = launch(properties.s3().external(), starter, () -> startIn(data, "s3",
                    ServerSetting.S3, EmbeddedS3Server::start));
            var redis = launch(properties.redis().external(), starter, () -> startIn(data, "redis",
                    ServerSetting.REDIS, dir -> EmbeddedRedisServer.start(dir, ephemeral)));

            List<CompletableFuture<? extends Optional<? extends EmbeddedServer>>> all = List.of(postgres, elasticsearch, s3, redis);
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            all.stream().filter(f -> !f.isCompletedExceptionally()).forEach(f -> f.join().ifPresent(running::add));
            for (var future : all) {
                future.join();
            }

            ServerAddresses addresses = new ServerAddresses(
                    postgres.join().map(EmbeddedPostgresServer::address).orElseGet(() -> ExternalAddresses.postgres(properties.postgres())),
                    elasticsearch.join().map(EmbeddedElasticsearchNode::address).orElseGet(() -> ExternalAddresses.elasticsearch(properties.elasticsearch())),
                    s3.join().map(server -> server.address(properties.s3().region(), properties.s3().bucket()))
                            .orElseGet(() -> ExternalAddresses.s3(properties.s3())),
                    redis.join().map(EmbeddedRedisServer::address).orElseGet(() -> ExternalAddresses.redis(properties.redis())));
            if (!running.isEmpty()) {
                log.info("Embedded servers ready in {} ms under {}: {}", (System.nanoTime() - started) / 1_000_000,
                        data.root(), running.stream().map(EmbeddedServer::name).toList());
            }
            return new EmbeddedServers(folder, running, addresses);
        } catch (CompletionException e) {
            stopAll(running, folder);
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            stopAll(running, folder);
            throw e;
        } catch (Exception e) {
            stopAll(running, folder);
            throw new IllegalStateException("Cannot prepare the data folder " + properties.dataDir() + ": " + e.getMessage(), e);
        } finally {
            starter.shutdown();
        }
    }

    private interface Starter<T extends EmbeddedServer> {
        T start(Path folder) throws Exception;
    }

    private static <T extends EmbeddedServer> CompletableFuture<Optional<T>> launch(
            boolean external, ExecutorService executor, Supplier<T> start) {
        return external
                ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.supplyAsync(() -> Optional.of(start.get()), executor);
    }

    private static <T extends EmbeddedServer> T startIn(DataFolder data, String name, ServerSetting server, Starter<T> starter) {
        Path folder = data.folder(name);
        try {
            return starter.start(folder);
        } catch (Exception e) {
            throw new ServerUnavailableException(server, "embedded server in " + folder, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stopAll(running, dataFolder);
        running.clear();
    }

    private static void stopAll(List<EmbeddedServer> servers, DataFolder folder) {
        for (int i = servers.size() - 1; i >= 0; i--) {
            EmbeddedServer server = servers.get(i);
            try {
                server.close();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly", server.name(), e);
            }
        }
        if (folder != null) {
            try {
                folder.close();
            } catch (Exception e) {
                log.warn("Could not release the data folder {}", folder.root(), e);
            }
        }
    }
}
