package org.kepu.platform.internal.servers;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobId;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import reactor.core.publisher.Mono;
import org.kepu.KepuApplication;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Starts the application with every server address configured, as in production, using the
 * servers this test JVM already runs; and shows how a wrong address stops the start.
 */
@KepuIntegrationTest
class ExternalServersIntegrationTest {

    @Autowired
    ServerAddresses running;

    @Test
    void configuredAddressesAreUsedAndNoServerIsStarted() {
        try (ConfigurableApplicationContext app = start(externalSettings())) {
            ServerAddresses used = app.getBean(ServerAddresses.class);
            assertThat(used.postgres().embedded()).isFalse();
            assertThat(used.elasticsearch().embedded()).isFalse();
            assertThat(used.s3().embedded()).isFalse();
            assertThat(used.redis().embedded()).isFalse();
            assertThat(used.postgres().port()).isEqualTo(running.postgres().port());
            assertThat(used.elasticsearch().url()).isEqualTo(running.elasticsearch().url());

            Long jobs = app.getBean(DatabaseClient.class).sql("SELECT count(*) FROM platform_job")
                    .map(row -> row.get(0, Long.class)).one().block();
            assertThat(jobs).isNotNull();
            clientOf(app).get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components.postgres.details.embedded").doesNotExist();
        }
    }

    @Test
    void aWorkerInstanceRunsJobsAndAnswersOnlyProbes() {
        try (ConfigurableApplicationContext worker = start(CountingHandler.class, "worker", externalSettings())) {
            CountingHandler handler = worker.getBean(CountingHandler.class);
            JobId id = worker.getBean(Jobs.class).enqueue(JobRequest.of(handler.kind(), "{}")).block();
            await().atMost(Duration.ofSeconds(30)).until(() -> handler.handled.contains(id));

            WebTestClient web = clientOf(worker);
            web.get().uri("/api/admin/jobs").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.code").isEqualTo("worker-instance");
            web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
    }

    @Test
    void aWebInstanceRunsNoJobs() throws InterruptedException {
        try (ConfigurableApplicationContext web = start(CountingHandler.class, "web", externalSettings())) {
            CountingHandler handler = web.getBean(CountingHandler.class);
            web.getBean(Jobs.class).enqueue(JobRequest.of(handler.kind(), "{}")).block();
            Thread.sleep(1500);
            assertThat(handler.handled).isEmpty();
        }
    }

    /** A job handler whose kind is unique to one application start. */
    static class CountingHandler implements JobHandler {
        final Set<JobId> handled = ConcurrentHashMap.newKeySet();
        private final String kind = "counting-" + UUID.randomUUID();

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Mono<Void> handle(Job job) {
            handled.add(job.id());
            return Mono.empty();
        }
    }

    @Test
    void anUnreachableRedisStopsTheStartNamingItsSetting() {
        String[] settings = externalSettings();
        settings[settings.length - 1] = "kepu.redis.url=redis://127.0.0.1:1";
        assertThatThrownBy(() -> start(settings).close())
                .hasRootCauseInstanceOf(java.net.ConnectException.class)
                .satisfies(error -> assertThat(causeOfType(error).getMessage())
                        .contains("Redis at redis://127.0.0.1:1 cannot be used")
                        .contains("kepu.redis.url (KEPU_REDIS_URL)"));
    }

    @Test
    void anUnreachableElasticsearchStopsTheStartNamingItsSetting() {
        String[] settings = externalSettings();
        settings[2] = "kepu.elasticsearch.url=http://127.0.0.1:1";
        assertThatThrownBy(() -> start(settings).close())
                .satisfies(error -> assertThat(causeOfType(error).getMessage())
                        .contains("Elasticsearch at http://127.0.0.1:1 cannot be used")
                        .contains("KEPU_ELASTICSEARCH_URL"));
    }

    @Test
    void aWrongDatabaseStopsTheStartNamingItsSetting() {
        String[] settings = externalSettings();
        settings[0] = "kepu.postgres.url=postgresql://127.0.0.1:" + running.postgres().port() + "/no_such_database";
        assertThatThrownBy(() -> start(settings).close())
                .satisfies(error -> assertThat(causeOfType(error).getMessage())
                        .contains("PostgreSQL at postgresql://127.0.0.1:" + running.postgres().port() + "/no_such_database cannot be used")
                        .contains("no_such_database")
                        .contains("KEPU_POSTGRES_URL"));
    }

    @Test
    void aMalformedAddressIsRefusedBeforeAnythingStarts() {
        String[] settings = externalSettings();
        settings[5] = "kepu.s3.endpoint=ftp://objects.example";
        assertThatThrownBy(() -> start(settings).close())
                .satisfies(error -> assertThat(causeOfType(error).getMessage())
                        .contains("expected an http:// or https:// address")
                        .contains("KEPU_S3_ENDPOINT"));
    }

    @Test
    void theFailureAnalysisIsTwoPlainSentences() {
        var failure = new ServerUnavailableException(ServerSetting.REDIS, "redis://10.0.0.9:6379", "Connection refused", null);
        var analysis = new ServerUnavailableFailureAnalyzer().analyze(new IllegalStateException(failure));
        assertThat(analysis.getDescription()).isEqualTo("Redis at redis://10.0.0.9:6379 cannot be used: Connection refused. "
                + "Check kepu.redis.url (KEPU_REDIS_URL), or leave it empty to run an embedded server.");
        assertThat(analysis.getAction()).contains("kepu.redis.url (KEPU_REDIS_URL)");
    }

    private String[] externalSettings() {
        return new String[] {
                "kepu.postgres.url=postgresql://127.0.0.1:" + running.postgres().port() + "/" + running.postgres().database(),
                "kepu.postgres.username=" + running.postgres().username(),
                "kepu.elasticsearch.url=" + running.elasticsearch().url(),
                "kepu.s3.access-key=" + running.s3().accessKey(),
                "kepu.s3.secret-key=" + running.s3().secretKey(),
                "kepu.s3.endpoint=" + running.s3().endpoint(),
                "kepu.redis.url=" + running.redis().url()};
    }

    private static ConfigurableApplicationContext start(String... settings) {
        return start(KepuApplication.class, "web", settings);
    }

    private static ConfigurableApplicationContext start(Class<?> extra, String role, String... settings) {
        String[] arguments = Stream.concat(Stream.of("server.port=0", "kepu.role=" + role), Arrays.stream(settings))
                .map(setting -> "--" + setting).toArray(String[]::new);
        return new SpringApplicationBuilder(KepuApplication.class, extra).profiles("test").run(arguments);
    }

    private static WebTestClient clientOf(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    private static ServerUnavailableException causeOfType(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerUnavailableException unavailable) {
                return unavailable;
            }
        }
        throw new AssertionError("no ServerUnavailableException in " + error);
    }
}
