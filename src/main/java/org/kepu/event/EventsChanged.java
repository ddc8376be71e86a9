package org.kepu.event;

/** Published when what the public sees of a series changed: it was published, an occurrence changed or its capacity. */
public record EventsChanged(String series) {
}
