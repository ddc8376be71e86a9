package org.kepu.platform.internal.jobs;

import java.time.OffsetDateTime;

/** A job row as the administration screens show it. */
public record JobRecord(long id, String kind, JobStatus status, int priority, int attempts, int maxAttempts,
                        OffsetDateTime runAt, String lockedBy, String lastError, String payload,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
