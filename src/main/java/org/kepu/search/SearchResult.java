package org.kepu.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param query the query string as searched, or null when the answer is the default listing
 * @param sort  the order used ({@code relevance}, {@code newest} or {@code views})
 * @param next  the {@code after} cursor for the following page, or null on the last page
 */
public record SearchResult(String query, String sort, long total, List<Hit> hits, Map<String, List<FacetValue>> facets,
                           String next) {

    /**
     * A work found. {@code highlightedTitle} and {@code fragments} are HTML: everything escaped except
     * {@code <em>} around matches; the other strings are plain text.
     */
    public record Hit(String id, String title, String summary, String kind, List<String> topics, Organisation organisation,
                      Instant publishedAt, Long views, Integer durationSeconds, String highlightedTitle,
                      List<String> fragments) {
    }

    public record Organisation(String slug, String name) {
    }

    /** A facet value and how many works it would give; {@code label} is its display name where Kepu knows one. */
    public record FacetValue(String value, String label, long count) {
    }
}
