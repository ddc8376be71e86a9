package org.kepu.review;

import java.util.List;

/** The hits of a screen, in field order, then by offset. */
public record ScreenResult(List<ScreenHit> hits) {

    public ScreenResult {
        hits = List.copyOf(hits);
    }

    /** True when any hit is a {@link ScreenLevel#BLOCK BLOCK} word: the work stops here. */
    public boolean blocked() {
        return hits.stream().anyMatch(hit -> hit.level() == ScreenLevel.BLOCK);
    }

    public List<ScreenHit> hits(ScreenLevel level) {
        return hits.stream().filter(hit -> hit.level() == level).toList();
    }
}
