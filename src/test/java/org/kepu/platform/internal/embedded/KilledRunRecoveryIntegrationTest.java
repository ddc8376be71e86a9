package org.kepu.platform.internal.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kepu.KepuApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run killed with SIGKILL leaves PostgreSQL and Redis behind (the Elasticsearch child notices
 * its closed stdin and exits). The next run on the same data folder stops those orphans, starts
 * fresh servers, and finds the data of the killed run.
 */
class KilledRunRecoveryIntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    void theRunAfterAKilledOneRecoversItsServersAndData() throws Exception {
        Process killedRun = startApplicationProcess();
        try {
            awaitStarted(killedRun);
            long postgresPid = Orphans.readPid(dataDir.resolve("postgres/pgdata/postmaster.pid")).orElseThrow();
            long redisPid = Orphans.readPid(dataDir.resolve("redis/redis.pid")).orElseThrow();
            long elasticsearchPid = Orphans.readPid(dataDir.resolve("elasticsearch/node.pid")).orElseThrow();
            int postgresPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/pgdata/postmaster.pid")).get(3).trim());
            try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/kepu", "postgres", "")) {
                connection.createStatement().execute("INSERT INTO platform_job (kind, max_attempts) VALUES ('survives-kill', 1)");
            }

            killedRun.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> !isAlive(elasticsearchPid));
            assertThat(isAlive(postgresPid)).as("PostgreSQL outlives a killed parent").isTrue();
            assertThat(isAlive(redisPid)).as("Redis outlives a killed parent").isTrue();

            try (ConfigurableApplicationContext nextRun = new SpringApplicationBuilder(KepuApplication.class)
                    .run("--server.port=0", "--kepu.data-dir=" + dataDir, "--kepu.embedded.ephemeral=false",
                            "--kepu.embedded.elasticsearch-heap=384m", "--kepu.identity.bootstrap-admin.password=recovered")) {
                assertThat(isAlive(postgresPid)).isFalse();
                assertThat(isAlive(redisPid)).isFalse();
                assertThat(Orphans.readPid(dataDir.resolve("postgres/pgdata/postmaster.pid"))).get().isNotEqualTo(postgresPid);
                Long survivors = nextRun.getBean(DatabaseClient.class)
                        .sql("SELECT count(*) FROM platform_job WHERE kind = 'survives-kill'")
                        .map(row -> row.get(0, Long.class)).one().block();
                assertThat(survivors).isEqualTo(1);
            }
            assertThat(dataDir.resolve("elasticsearch/node.pid")).doesNotExist();
        } finally {
            killedRun.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            // Whatever the outcome, leave no server of this test behind.
            Orphans.stopOrphan(dataDir.resolve("postgres/pgdata/postmaster.pid"), dataDir.toString());
            Orphans.stopOrphan(dataDir.resolve("redis/redis.pid"), "redis-server");
            Orphans.stopOrphan(dataDir.resolve("elasticsearch/node.pid"), EmbeddedElasticsearchNode.MAIN_CLASS);
        }
    }

    private Process startApplicationProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String distribution = System.getProperty("kepu.embedded.elasticsearch-distribution", "target/es-node");
        return new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KepuApplication.class.getName(),
                "--server.port=0",
                "--kepu.data-dir=" + dataDir,
                "--kepu.embedded.elasticsearch-distribution=" + distribution,
                "--kepu.embedded.elasticsearch-heap=384m",
                "--kepu.identity.bootstrap-admin.password=killed",
                "--logging.level.root=WARN",
                "--logging.level.org.kepu.KepuApplication=INFO"))
                .redirectErrorStream(true)
                .start();
    }

    private static void awaitStarted(Process process) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("Started KepuApplication")) {
                        started.complete(null);
                    }
                }
                started.completeExceptionally(new AssertionError("the application exited:\n" + output));
            } catch (Exception e) {
                started.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        started.get(180, TimeUnit.SECONDS);
    }

    private static boolean isAlive(long pid) {
        return Orphans.isRunning(pid);
    }
}
