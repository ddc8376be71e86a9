package org.kepu.platform;

import reactor.core.publisher.Mono;

/**
 * Runs jobs of one kind. A handler must be idempotent: a job whose worker died is run again.
 * Blocking work belongs on a bounded elastic scheduler, never on the calling thread.
 */
public interface JobHandler {

    String kind();

    Mono<Void> handle(Job job);
}
