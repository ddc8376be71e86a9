package org.kepu.content;

/** A revision became public (first publication or a reviewed edit replacing the old one). */
public record WorkPublished(WorkId id, int revision, Integer previousRevision, String by) {
}
