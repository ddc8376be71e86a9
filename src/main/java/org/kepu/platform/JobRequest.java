package org.kepu.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit of work to run at least once, later, on any worker instance.
 *
 * @param payload     JSON handed to the handler as is
 * @param maxAttempts 0 takes the kind's configured default
 * @param runAt       null means now
 */
public record JobRequest(String kind, String payload, int priority, int maxAttempts, Instant runAt) {

    public JobRequest {
        Objects.requireNonNull(kind, "kind");
        payload = payload == null ? "{}" : payload;
    }

    public static JobRequest of(String kind, String payload) {
        return new JobRequest(kind, payload, 0, 0, null);
    }

    public JobRequest withPriority(int priority) {
        return new JobRequest(kind, payload, priority, maxAttempts, runAt);
    }

    public JobRequest withMaxAttempts(int maxAttempts) {
        return new JobRequest(kind, payload, priority, maxAttempts, runAt);
    }

    public JobRequest at(Instant runAt) {
        return new JobRequest(kind, payload, priority, maxAttempts, runAt);
    }
}
