package org.kepu.review.internal;

import java.util.UUID;

import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an approved case at its scheduled time (unless an editor moved or held it since). The job waits in PostgreSQL, so a restart or a
 * down period loses nothing: an overdue job runs as soon as a worker is back.
 */
@Component
class PublishScheduledJob implements JobHandler {

    private final ReviewChain chain;
    private final JsonMapper json;

    PublishScheduledJob(ReviewChain chain, JsonMapper json) {
        this.chain = chain;
        this.json = json;
    }

    @Override
    public String kind() {
        return ReviewChain.PUBLISH_JOB;
    }

    @Override
    public Mono<Void> handle(Job job) {
        return chain.publishScheduled(UUID.fromString(json.readTree(job.payload()).get("case").asString()), job.id());
    }
}
