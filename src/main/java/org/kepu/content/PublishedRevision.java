package org.kepu.content;

/** Which revision of a work is public. */
public record PublishedRevision(WorkId id, int revision) {
}
