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

            CompletableFuture<Optional<EmbeddedElasticsearchNode>> elasticsearch = properties.elasticsearch().external()
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : CompletableFuture.supplyAsync(() -> Optional.of(startElasticsearch(data, properties.embedded())), starter);
            CompletableFuture<Optional<EmbeddedPostgresServer>> postgres = properties.postgres().external()
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : CompletableFuture.supplyAsync(() -> Optional.of(startPostgres(data, ephemeral)), starter);
            CompletableFuture<Optional<EmbeddedS3Server>> s3 = properties.s3().external()
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : CompletableFuture.supplyAsync(() -> Optional.of(startS3(data)), starter);
            CompletableFuture<Optional<EmbeddedRedisServer>> redis = properties.redis().external()
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : CompletableFuture.supplyAsync(() -> Optional.of(startRedis(data, ephemeral)), starter);

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

    private static EmbeddedElasticsearchNode startElasticsearch(DataFolder data, PlatformProperties.Embedded settings) {
        Path home = data.folder("elasticsearch");
        try {
            return EmbeddedElasticsearchNode.start(home, settings.elasticsearchDistribution(),
                    settings.elasticsearchHeap(), settings.startTimeout());
        } catch (Exception e) {
            throw new ServerUnavailableException(ServerSetting.ELASTICSEARCH, "embedded node in " + home, e.getMessage(), e);
        }
    }

    private static EmbeddedPostgresServer startPostgres(DataFolder data, boolean ephemeral) {
        Path folder = data.folder("postgres");
        try {
            return EmbeddedPostgresServer.start(folder, ephemeral);
        } catch (Exception e) {
            throw new ServerUnavailableException(ServerSetting.POSTGRES, "embedded server in " + folder, e.getMessage(), e);
        }
    }

    private static EmbeddedS3Server startS3(DataFolder data) {
        Path folder = data.folder("s3");
        try {
            return EmbeddedS3Server.start(folder);
        } catch (Exception e) {
            throw new ServerUnavailableException(ServerSetting.S3, "embedded server in " + folder, e.getMessage(), e);
        }
    }

    private static EmbeddedRedisServer startRedis(DataFolder data, boolean ephemeral) {
        Path folder = data.folder("redis");
        try {
            return EmbeddedRedisServer.start(folder, ephemeral);
        } catch (Exception e) {
            throw new ServerUnavailableException(ServerSetting.REDIS, "embedded server in " + folder, e.getMessage(), e);
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
