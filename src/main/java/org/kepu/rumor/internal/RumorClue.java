package org.kepu.rumor.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A citizen's report of a rumor, for editors only: {@code contact} never reaches a public answer.
 *
 * @param item the item the clue was linked to or turned into, or null
 */
record RumorClue(UUID id, String claim, String whereSeen, String link, String contact, Status status, UUID item, String note,
                 String handledBy, OffsetDateTime handledAt, OffsetDateTime reportedAt) {

    enum Status {
        NEW, LINKED, CONVERTED, DISMISSED
    }
}
