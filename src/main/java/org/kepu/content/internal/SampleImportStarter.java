package org.kepu.content.internal;

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
 * On the first start of an embedded installation, queues the durable import of the sample works. The
 * marker row and the job are written in one transaction: the import is queued exactly once per
 * manifest version, survives a restart, and sample works an editor deleted never come back.
 */
@Component
@ConditionalOnProperty(name = "kepu.samples.enabled", havingValue = "true", matchIfMissing = true)
class SampleImportStarter {

    static final int MANIFEST_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(SampleImportStarter.class);

    private final PlatformProperties platform;
    private final DatabaseClient database;
    private final Jobs jobs;
    private final TransactionalOperator transaction;

    SampleImportStarter(PlatformProperties platform, DatabaseClient database, Jobs jobs, TransactionalOperator transaction) {
        this.platform = platform;
        this.database = database;
        this.jobs = jobs;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    Mono<Void> queueOnFirstStart() {
        if (platform.postgres().external()) {
            return Mono.empty();
        }
        return database.sql("INSERT INTO content_sample_import (manifest_version) VALUES (:version) ON CONFLICT DO NOTHING")
                .bind("version", MANIFEST_VERSION)
                .fetch().rowsUpdated()
                .filter(inserted -> inserted == 1)
                .flatMap(first -> jobs.enqueue(JobRequest.of(ImportSamplesJob.KIND, "{}").withPriority(10)))
                .doOnNext(job -> log.info("First start: importing the sample works (job {})", job.value()))
                .as(transaction::transactional)
                .then();
    }
}
