package org.kepu.platform.internal.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import org.kepu.platform.internal.servers.ServerAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/** The Redis binary shipped in the embedded-redis jar, with its append-only file in {@code <data>/redis}. */
final class EmbeddedRedisServer implements EmbeddedServer {

    private static final Logger log = LoggerFactory.getLogger("kepu.embedded.redis");
    private static final int PORT_ATTEMPTS = 3;

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    static EmbeddedRedisServer start(Path folder, boolean ephemeral) throws IOException {
        Path pidFile = folder.resolve("redis.pid");
        Orphans.stopOrphan(pidFile, "redis-server");
        IOException lastFailure = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = FreePorts.next();
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .setting("daemonize no")
                    .setting("dir " + folder)
                    .setting("pidfile " + pidFile)
                    .setting(ephemeral ? "appendonly no" : "appendonly yes")
                    .setting("save \"\"")
                    .soutListener(log::debug)
                    .serrListener(log::warn)
                    .build();
            try {
                redis.start();
                return new EmbeddedRedisServer(redis, port);
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw new IOException("Redis did not start in " + folder, lastFailure);
    }

    ServerAddresses.Redis address() {
        return new ServerAddresses.Redis(URI.create("redis://127.0.0.1:" + port), true);
    }

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    public void close() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new IllegalStateException("Redis did not stop cleanly", e);
        }
    }
}
