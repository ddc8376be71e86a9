package org.kepu.platform;

/** A job as its handler sees it; {@code attempt} counts from 1. */
public record Job(JobId id, String kind, String payload, int attempt, int maxAttempts) {
}
