package org.kepu.event.internal;

import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.kepu.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * On the first start of an embedded installation, queues the durable import of the sample events, as the sample
 * works are queued (marker row and job in one transaction: once per manifest version, surviving restarts). Never
 * against an external PostgreSQL; off with {@code kepu.samples.enabled=false}, like the sample works.
 */
@Component
@ConditionalOnProperty(name = "kepu.samples.enabled", havingValue = "true", matchIfMissing = true)
class EventSampleStarter implements JobHandler {

    static final String KIND = "event.import-samples";
    static final int MANIFEST_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(EventSampleStarter.class);

    private final PlatformProperties platform;
    private final DatabaseClient database;
    private final Jobs jobs;
    private final EventSamples samples;
    private final TransactionalOperator transaction;

    EventSampleStarter(PlatformProperties platform, DatabaseClient database, Jobs jobs, EventSamples samples,
                       TransactionalOperator transaction) {
        this.platform = platform;
        this.database = database;
        this.jobs = jobs;
        this.samples = samples;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    Mono<Void> queueOnFirstStart() {
        if (platform.postgres().external()) {
            return Mono.empty();
        }
        return database.sql("INSERT INTO event_sample_import (manifest_version) VALUES (:version) ON CONFLICT DO NOTHING")
                .bind("version", MANIFEST_VERSION)
                .fetch().rowsUpdated()
                .filter(inserted -> inserted == 1)
                .flatMap(first -> jobs.enqueue(JobRequest.of(KIND, "{}").withPriority(10)))
                .doOnNext(job -> log.info("First start: publishing the sample events (job {})", job.value()))
                .as(transaction::transactional)
                .then();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        return samples.importAll().then();
    }
}
