package org.kepu.platform.internal.servers;

import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.minio.BucketExistsArgs;
import io.minio.MinioAsyncClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** One health indicator per server; all four are part of readiness. */
@Configuration(proxyBeanMethods = false)
class ServerHealthConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Bean
    ReactiveHealthIndicator postgresHealthIndicator(DatabaseClient database, ServerAddresses addresses) {
        return () -> check(database.sql("SELECT version()").map(row -> row.get(0, String.class)).one()
                .map(version -> Health.up().withDetail("version", version)), addresses.postgres().embedded());
    }

    @Bean
    ReactiveHealthIndicator elasticsearchHealthIndicator(ElasticsearchAsyncClient client, ServerAddresses addresses) {
        return () -> check(Mono.fromFuture(() -> client.cluster().health()).map(health -> {
            Health.Builder builder = health.status() == HealthStatus.Red ? Health.down() : Health.up();
            return builder.withDetail("cluster", health.clusterName()).withDetail("status", health.status().jsonValue());
        }), addresses.elasticsearch().embedded());
    }

    @Bean
    ReactiveHealthIndicator s3HealthIndicator(MinioAsyncClient client, ServerAddresses addresses) {
        String bucket = addresses.s3().bucket();
        return () -> check(Mono.fromFuture(() -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
                .map(exists -> (exists ? Health.up() : Health.down()).withDetail("bucket", bucket)), addresses.s3().embedded());
    }

    @Bean
    ReactiveHealthIndicator redisHealthIndicator(RedisReactiveCommands<String, String> redis, ServerAddresses addresses) {
        return () -> check(redis.ping().map(pong -> Health.up()), addresses.redis().embedded());
    }

    private static Mono<Health> check(Mono<Health.Builder> probe, boolean embedded) {
        return probe.timeout(TIMEOUT)
                .onErrorResume(error -> Mono.just(Health.down().withDetail("error", ServerUnavailableException.rootMessage(error))))
                .map(builder -> builder.withDetail("embedded", embedded).build());
    }
}
