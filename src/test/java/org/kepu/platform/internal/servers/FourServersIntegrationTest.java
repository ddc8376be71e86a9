package org.kepu.platform.internal.servers;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.minio.GetObjectArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import org.junit.jupiter.api.Test;
import org.kepu.KepuIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

@KepuIntegrationTest
class FourServersIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    ServerAddresses addresses;
    @Autowired
    DatabaseClient database;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    MinioAsyncClient objects;
    @Autowired
    RedisReactiveCommands<String, String> redis;

    @Test
    void allFourServersAreEmbeddedOnLoopback() {
        assertThat(addresses.postgres().embedded()).isTrue();
        assertThat(addresses.postgres().host()).isEqualTo("127.0.0.1");
        assertThat(addresses.elasticsearch().embedded()).isTrue();
        assertThat(addresses.elasticsearch().url().getHost()).isEqualTo("127.0.0.1");
        assertThat(addresses.s3().embedded()).isTrue();
        assertThat(addresses.redis().embedded()).isTrue();
    }

    @Test
    void healthAndReadinessAreUpWithOneIndicatorPerServer() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.postgres.status").isEqualTo("UP")
                .jsonPath("$.components.elasticsearch.status").isEqualTo("UP")
                .jsonPath("$.components.s3.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
        web.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.elasticsearch.status").isEqualTo("UP");
    }

    @Test
    void postgresRunsMigratedSchemaOverR2dbc() {
        StepVerifier.create(database.sql("SELECT count(*) AS n FROM platform_job").map(row -> row.get("n", Long.class)).one())
                .assertNext(count -> assertThat(count).isNotNegative())
                .verifyComplete();
        StepVerifier.create(database.sql("SHOW server_version").map(row -> row.get(0, String.class)).one())
                .assertNext(version -> assertThat(version).startsWith("18."))
                .verifyComplete();
    }

    @Test
    void elasticsearchIndexesAndFindsChineseText() {
        String index = "four-servers-check";
        Mono<Long> hits = Mono.fromFuture(() -> elasticsearch.indices().create(c -> c.index(index)
                        .mappings(m -> m.properties("title", p -> p.text(t -> t.analyzer("smartcn"))))))
                .then(Mono.fromFuture(() -> elasticsearch.index(i -> i.index(index).id("1")
                        .document(Map.of("title", "食品安全从餐桌开始")).refresh(Refresh.True))))
                .then(Mono.fromFuture(() -> elasticsearch.search(s -> s.index(index)
                        .query(q -> q.match(m -> m.field("title").query("食品"))), Map.class)))
                .map(response -> response.hits().total().value());
        StepVerifier.create(hits).expectNext(1L).verifyComplete();
    }

    @Test
    void objectStorageStoresAndReturnsBytes() throws Exception {
        byte[] content = "科普作品原件".getBytes(StandardCharsets.UTF_8);
        objects.putObject(PutObjectArgs.builder().bucket(addresses.s3().bucket()).object("checks/hello.txt")
                .stream(new ByteArrayInputStream(content), (long) content.length, -1L).contentType("text/plain").build()).get();
        try (var stream = objects.getObject(GetObjectArgs.builder().bucket(addresses.s3().bucket()).object("checks/hello.txt").build()).get()) {
            assertThat(stream.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void redisKeepsValues() {
        StepVerifier.create(redis.set("kepu:check", "科普").then(redis.get("kepu:check")))
                .expectNext("科普")
                .verifyComplete();
    }
}
