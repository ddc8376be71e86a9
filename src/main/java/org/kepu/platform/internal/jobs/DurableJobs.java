package org.kepu.platform.internal.jobs;

import org.kepu.platform.JobId;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class DurableJobs implements Jobs {

    private final JobsTable table;
    private final JobsProperties properties;

    DurableJobs(JobsTable table, JobsProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    @Override
    public Mono<JobId> enqueue(JobRequest request) {
        int maxAttempts = request.maxAttempts() > 0 ? request.maxAttempts() : properties.forKind(request.kind()).maxAttempts();
        return table.insert(request, maxAttempts);
    }

    @Override
    public Mono<Boolean> pending(JobId id) {
        return table.pending(id.value());
    }
}
