package org.kepu.rumor.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A row of {@code rumor_list}: kind MONTH or YEAR, the editors' ordered item ids. */
record RumorList(String kind, String period, String title, List<UUID> items, boolean published, String updatedBy,
                 OffsetDateTime updatedAt) {

    RumorList {
        items = List.copyOf(items);
    }
}
