package org.kepu.platform.internal.jobs;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with ±20 % jitter, so that jobs failing together do not retry together. */
record Backoff(Duration base, Duration max) {

    Duration after(int attempt) {
        double exponential = base.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(exponential, max.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.round(capped * jitter));
    }
}
