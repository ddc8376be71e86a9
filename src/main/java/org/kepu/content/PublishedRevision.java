package org.kepu.content;

/** Which revision of a work is public, and the work's publication version (see {@link Publication}). */
public record PublishedRevision(WorkId id, int revision, long version) {
}
