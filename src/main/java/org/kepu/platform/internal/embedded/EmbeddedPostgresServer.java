package org.kepu.platform.internal.embedded;

import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.kepu.platform.internal.servers.ServerAddresses;

/** PostgreSQL from the zonky binaries, its cluster in {@code <data>/postgres/pgdata}. */
final class EmbeddedPostgresServer implements EmbeddedServer {

    static final String DATABASE = "kepu";
    private static final String SUPERUSER = "postgres";
    private static final int PORT_ATTEMPTS = 3;

    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path folder, boolean ephemeral) throws IOException, SQLException {
        Path cluster = folder.resolve("pgdata");
        Orphans.stopOrphan(cluster.resolve("postmaster.pid"), cluster.toString());
        IOException lastFailure = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try {
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder(cluster, ephemeral).start());
                server.createDatabaseIfMissing();
                return server;
            } catch (IOException e) {
                lastFailure = e;
            } catch (OverlappingFileLockException e) {
                // An earlier server of this process on the same folder is still being stopped (a restart in one JVM).
                lastFailure = new IOException("the folder is still locked by a server of this process", e);
                pause();
            }
        }
        throw new IOException("PostgreSQL did not start in " + cluster
                + " (if the folder is damaged, move it away to start afresh)", lastFailure);
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(LOCK_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the data folder", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path cluster, boolean ephemeral) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPort(FreePorts.next())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        if (ephemeral) {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        return builder;
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    ServerAddresses.Postgres address() {
        return new ServerAddresses.Postgres("127.0.0.1", postgres.getPort(), DATABASE, SUPERUSER, "", "", true);
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        }
    }
}
