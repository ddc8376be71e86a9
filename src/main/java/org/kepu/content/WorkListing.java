package org.kepu.content;

import java.util.List;

/**
 * Which published works to list, newest first. Null criteria do not filter.
 *
 * @param topic        a topic slug
 * @param column       a column slug
 * @param organisation an organisation slug
 * @param excluding    works left out (the page's own work, for "related works")
 */
public record WorkListing(String topic, String column, String organisation, WorkKind kind, List<WorkId> excluding,
                          int offset, int limit) {

    public WorkListing {
        excluding = excluding == null ? List.of() : List.copyOf(excluding);
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
    }

    public static WorkListing newest(int limit) {
        return new WorkListing(null, null, null, null, List.of(), 0, limit);
    }

    public static WorkListing inTopic(String topic, int offset, int limit) {
        return new WorkListing(topic, null, null, null, List.of(), offset, limit);
    }

    public static WorkListing inColumn(String column, int offset, int limit) {
        return new WorkListing(null, column, null, null, List.of(), offset, limit);
    }

    public static WorkListing byOrganisation(String organisation, int offset, int limit) {
        return new WorkListing(null, null, organisation, null, List.of(), offset, limit);
    }
}
