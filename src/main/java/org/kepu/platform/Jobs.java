package org.kepu.platform;

import reactor.core.publisher.Mono;

/**
 * The durable job queue. {@link #enqueue} joins the caller's R2DBC transaction, so a job exists
 * exactly when the change that caused it was committed.
 */
public interface Jobs {

    Mono<JobId> enqueue(JobRequest request);

    /** True while the job waits or runs (it may still run); false once it succeeded, failed for good, or is gone. */
    Mono<Boolean> pending(JobId id);
}
