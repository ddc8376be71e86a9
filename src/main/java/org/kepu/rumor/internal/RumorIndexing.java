package org.kepu.rumor.internal;

import java.time.Duration;
import java.util.UUID;

import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the {@code rumors} index in step with PostgreSQL through durable jobs: each change queues {@code rumor.index}
 * for its item in the change's transaction; a newly created index (first start, or a cluster that lost it) is
 * refilled by {@code rumor.reindex}. Elasticsearch being down only delays the jobs.
 */
@Component
class RumorIndexing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RumorIndexing.class);
    static final String INDEX_ONE = "rumor.index";
    static final String INDEX_ALL = "rumor.reindex";

    private final RumorIndex index;
    private final RumorItemsTable items;
    private final PublishedRumorsTable published;
    private final Jobs jobs;
    private final JsonMapper json;

    RumorIndexing(RumorIndex index, RumorItemsTable items, PublishedRumorsTable published, Jobs jobs, JsonMapper json) {
        this.index = index;
        this.items = items;
        this.published = published;
        this.jobs = jobs;
        this.json = json;
    }

    Mono<Void> queue(UUID item) {
        return jobs.enqueue(JobRequest.of(INDEX_ONE, json.writeValueAsString(java.util.Map.of("item", item.toString())))).then();
    }

    @Override
    public void run(ApplicationArguments args) {
        index.ensure()
                .flatMap(created -> created ? jobs.enqueue(JobRequest.of(INDEX_ALL, "{}")).then() : Mono.empty())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(5)).maxBackoff(Duration.ofMinutes(5)))
                .subscribe(null, error -> log.error("The rumor index could not be prepared", error));
    }

    Mono<Void> write(RumorItem item) {
        return (item.published() ? published.byId(item.id()) : Mono.<org.kepu.rumor.PublicRumor>empty())
                .map(snapshot -> new RumorDocument(item.id().toString(), snapshot.slug(), snapshot.claim(), snapshot.truth(),
                        snapshot.verdict().name(), snapshot.topics(), item.status().name(), true))
                .defaultIfEmpty(new RumorDocument(item.id().toString(), item.slug(), item.claim(), item.truth(), item.verdict().name(),
                        item.topics(), item.status().name(), false))
                .flatMap(index::write);
    }

    @Component
    static class IndexOne implements JobHandler {

        private final RumorIndexing indexing;
        private final RumorItemsTable items;
        private final JsonMapper json;

        IndexOne(RumorIndexing indexing, RumorItemsTable items, JsonMapper json) {
            this.indexing = indexing;
            this.items = items;
            this.json = json;
        }

        @Override
        public String kind() {
            return INDEX_ONE;
        }

        @Override
        public Mono<Void> handle(Job job) {
            UUID id = UUID.fromString(json.readTree(job.payload()).path("item").asString());
            return items.find(id).flatMap(indexing::write);
        }
    }

    @Component
    static class IndexAll implements JobHandler {

        private final RumorIndexing indexing;
        private final RumorItemsTable items;

        IndexAll(RumorIndexing indexing, RumorItemsTable items) {
            this.indexing = indexing;
            this.items = items;
        }

        @Override
        public String kind() {
            return INDEX_ALL;
        }

        @Override
        public Mono<Void> handle(Job job) {
            return items.all().collectList().flatMapMany(reactor.core.publisher.Flux::fromIterable).concatMap(indexing::write).then();
        }
    }
}
