package org.kepu.search.internal.indexing;

import org.kepu.content.WorkPublished;
import org.kepu.platform.Jobs;
import org.kepu.platform.ModuleEventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Queues the indexing job in the publishing transaction: if the publication commits, the index follows. */
@Component
class QueueIndexingOnPublish implements ModuleEventListener<WorkPublished> {

    private final Jobs jobs;
    private final IndexingProperties properties;

    QueueIndexingOnPublish(Jobs jobs, IndexingProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public Class<WorkPublished> eventType() {
        return WorkPublished.class;
    }

    @Override
    public Mono<Void> on(WorkPublished published) {
        return jobs.enqueue(IndexWorkJob.request(published.id(), properties.maxAttempts())).then();
    }
}
