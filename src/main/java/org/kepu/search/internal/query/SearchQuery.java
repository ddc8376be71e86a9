package org.kepu.search.internal.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.kepu.content.WorkKind;
import org.kepu.platform.ProblemException;
import org.kepu.search.internal.SearchProperties;
import org.springframework.http.HttpStatus;

/**
 * A validated search request. {@code text} is null when the query string is empty or a single
 * character: the answer is then the newest (or most viewed) works with their facets.
 *
 * @param page  1-based; hits {@code (page-1)*size} onwards, unless {@code after} is given
 * @param after the cursor of the previous page's last hit, or null
 */
public record SearchQuery(String text, List<String> topics, List<String> kinds, List<String> organisations,
                          List<Integer> years, SearchSort sort, int size, int page, SearchCursor after) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 50;
    static final int MAX_FILTER_VALUES = 20;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern YEAR = Pattern.compile("(19|2[0-9])[0-9]{2}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

    public SearchQuery {
        topics = List.copyOf(topics);
        kinds = List.copyOf(kinds);
        organisations = List.copyOf(organisations);
        years = List.copyOf(years);
    }

    /** A first page of {@code size} hits by relevance for {@code text}, without filters. */
    public static SearchQuery of(String text, int size) {
        return new SearchQuery(normalize(text), List.of(), List.of(), List.of(), List.of(), SearchSort.RELEVANCE, size, 1, null);
    }

    public boolean defaults() {
        return text == null;
    }

    public boolean filtered() {
        return !topics.isEmpty() || !kinds.isEmpty() || !organisations.isEmpty() || !years.isEmpty();
    }

    public int from() {
        return after == null ? (page - 1) * size : 0;
    }

    /** Reads the request parameters; anything unusable is a 422 naming the parameter. */
    static SearchQuery parse(String q, List<String> topic, List<String> kind, List<String> organisation, List<String> year,
                             String sort, String size, String page, String after, SearchProperties properties) {
        String text = normalize(q);
        if (text != null && text.codePointCount(0, text.length()) > properties.maxQueryLength()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-query-too-long", properties.maxQueryLength());
        }
        SearchSort order = sort == null || sort.isBlank() ? SearchSort.RELEVANCE : SearchSort.fromParameter(sort.strip().toLowerCase(Locale.ROOT));
        if (order == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-sort-invalid", sort);
        }
        if (text == null && order == SearchSort.RELEVANCE) {
            order = SearchSort.NEWEST;
        }
        int pageSize = number(size, DEFAULT_SIZE);
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-size-invalid", MAX_SIZE, size);
        }
        int pageNumber = number(page, 1);
        if (pageNumber < 1) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-page-invalid", page);
        }
        SearchCursor cursor = null;
        if (after != null && !after.isBlank()) {
            if (pageNumber != 1) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-page-and-cursor");
            }
            cursor = SearchCursor.decode(after.strip(), order);
        } else if ((long) pageNumber * pageSize > properties.maxPageDepth()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-page-too-deep", properties.maxPageDepth());
        }
        return new SearchQuery(text,
                values("topic", topic, value -> SLUG.matcher(value).matches() ? value : null),
                values("kind", kind, SearchQuery::kind),
                values("organisation", organisation, value -> SLUG.matcher(value).matches() ? value : null),
                values("year", year, value -> YEAR.matcher(value).matches() ? value : null).stream().map(Integer::valueOf).toList(),
                order, pageSize, pageNumber, cursor);
    }

    /** The query string without control characters and with single spaces; null when shorter than two characters. */
    static String normalize(String q) {
        if (q == null) {
            return null;
        }
        String text = SPACES.matcher(CONTROL.matcher(q).replaceAll(" ")).replaceAll(" ").strip();
        return text.codePointCount(0, text.length()) < 2 ? null : text;
    }

    private static String kind(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        for (WorkKind kind : WorkKind.values()) {
            if (kind.name().equals(upper)) {
                return upper;
            }
        }
        return null;
    }

    private static List<String> values(String parameter, List<String> given, UnaryOperator<String> check) {
        if (given == null) {
            return List.of();
        }
        Set<String> accepted = new LinkedHashSet<>();
        for (String raw : given) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String value = check.apply(raw.strip());
            if (value == null) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-filter-invalid", parameter, raw);
            }
            accepted.add(value);
        }
        if (accepted.size() > MAX_FILTER_VALUES) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "search-filter-too-many", parameter, MAX_FILTER_VALUES);
        }
        return new ArrayList<>(accepted);
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }
}
