package org.kepu.media.internal.processing;

import java.util.List;

/** The master playlist and the renditions it lists, lowest first. */
public record HlsLadder(ProducedFile master, List<HlsRendition> renditions) {
}
