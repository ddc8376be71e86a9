package org.kepu.media.internal.processing;

import java.util.List;

/**
 * One rung of the ladder. {@code shortSide} is the height of a landscape picture and the width of a
 * portrait one ("720p" means 1280×720 or 720×1280).
 */
public record Rung(int shortSide, int videoKbps, int audioKbps) {

    /** 360p, 720p and 1080p; rungs above the source are skipped, never upscaled. */
    public static final List<Rung> DEFAULT_LADDER = List.of(
            new Rung(360, 800, 96), new Rung(720, 2800, 128), new Rung(1080, 5000, 128));

    public String name() {
        return shortSide + "p";
    }
}
