package org.kepu.platform;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * A periodic safety net for scheduled work whose durable job went missing or failed for good. Instances
 * that run jobs call every sweep each {@code kepu.schedule.sweep-interval}; a sweep must be idempotent and
 * safe with several instances sweeping at once (claim rows with {@code FOR UPDATE SKIP LOCKED}).
 */
public interface Sweep {

    String name();

    /**
     * @param grace how long past its time an item must be before the sweep takes it over from its job
     * @return how many items the sweep completed
     */
    Mono<Long> sweep(Duration grace);
}
