package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One VEVENT as Kepu describes it, before it is written.
 *
 * @param uid         stable for the life of what it describes: clients match updates by it
 * @param sequence    raised by every change the attendee should notice
 * @param transparent true for entries that do not take the attendee's time (registration windows)
 */
record CalendarEntry(String uid, int sequence, String summary, String description, String location, Double latitude,
                     Double longitude, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean cancelled, String url,
                     OffsetDateTime lastModified, boolean transparent, List<String> categories) {

    CalendarEntry {
        categories = List.copyOf(categories);
    }
}
