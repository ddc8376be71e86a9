package org.kepu.search.internal.indexing;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a full reindex on a worker, one at a time across all instances (a Redis lock with a lease): a second
 * one fails and is retried later rather than deleting the first one's half-built index.
 */
@Component
class ReindexJob implements JobHandler {

    static final String KIND = "search.reindex";
    private static final String LOCK = "kepu:search:reindex";
    private static final Duration LEASE = Duration.ofHours(2);

    private final Reindex reindex;
    private final RedisReactiveCommands<String, String> redis;
    private final JsonMapper json;

    ReindexJob(Reindex reindex, RedisReactiveCommands<String, String> redis, JsonMapper json) {
        this.reindex = reindex;
        this.redis = redis;
        this.json = json;
    }

    static JobRequest request(String by) {
        return JobRequest.of(KIND, "{\"by\":\"" + by.replace("\"", "") + "\"}").withMaxAttempts(3);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        String by = json.readTree(job.payload()).path("by").asString("system");
        String token = UUID.randomUUID().toString();
        return redis.set(LOCK, token, SetArgs.Builder.nx().px(LEASE.toMillis()))
                .filter("OK"::equals)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Another reindex is running")))
                .flatMap(locked -> reindex.run(by)
                        .then(release(token))
                        .onErrorResume(failure -> release(token).then(Mono.error(failure))));
    }

    private Mono<Void> release(String token) {
        return redis.get(LOCK).filter(token::equals).flatMap(mine -> redis.del(LOCK)).then();
    }
}
