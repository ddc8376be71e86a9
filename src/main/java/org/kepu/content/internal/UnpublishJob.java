package org.kepu.content.internal;

import java.util.UUID;

import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Unpublishes a work at the time an editor set; an overdue job runs as soon as a worker is back. */
@Component
class UnpublishJob implements JobHandler {

    private final Unpublishing unpublishing;
    private final JsonMapper json;

    UnpublishJob(Unpublishing unpublishing, JsonMapper json) {
        this.unpublishing = unpublishing;
        this.json = json;
    }

    @Override
    public String kind() {
        return Unpublishing.JOB;
    }

    @Override
    public Mono<Void> handle(Job job) {
        return unpublishing.runScheduled(UUID.fromString(json.readTree(job.payload()).get("unpublish").asString()));
    }
}
