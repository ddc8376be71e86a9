package org.kepu.search;

import java.util.List;

/**
 * A search as a visitor asked for it, unvalidated: the strings of a query string or form. Null or empty values
 * mean "not given".
 *
 * @param page  1-based page number, as typed
 * @param after the cursor from a previous result's {@link SearchResult#next()}
 */
public record SearchParameters(String q, List<String> topics, List<String> kinds, List<String> organisations,
                               List<String> years, String sort, String size, String page, String after) {

    public static SearchParameters of(String q) {
        return new SearchParameters(q, null, null, null, null, null, null, null, null);
    }
}
