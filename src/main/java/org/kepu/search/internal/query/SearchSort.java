package org.kepu.search.internal.query;

import java.util.List;
import java.util.Locale;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;

/**
 * How hits are ordered. Each order ends with the work id, so that a {@code search_after} cursor is
 * unambiguous; {@link #cursorTypes} says how the cursor's values are read back.
 */
public enum SearchSort {
    RELEVANCE(List.of(score(), newest(), byId()), List.of(Double.class, Long.class, String.class)),
    NEWEST(List.of(newest(), byId()), List.of(Long.class, String.class)),
    VIEWS(List.of(field("popularity"), newest(), byId()), List.of(Long.class, Long.class, String.class));

    private final List<SortOptions> order;
    private final List<Class<?>> cursorTypes;

    SearchSort(List<SortOptions> order, List<Class<?>> cursorTypes) {
        this.order = order;
        this.cursorTypes = cursorTypes;
    }

    public List<SortOptions> order() {
        return order;
    }

    List<Class<?>> cursorTypes() {
        return cursorTypes;
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SearchSort fromParameter(String value) {
        for (SearchSort sort : values()) {
            if (sort.parameter().equals(value)) {
                return sort;
            }
        }
        return null;
    }

    private static SortOptions score() {
        return SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)));
    }

    private static SortOptions newest() {
        return field("publishedAt");
    }

    private static SortOptions field(String name) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(SortOrder.Desc).missing("_last")));
    }

    private static SortOptions byId() {
        return SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
    }
}
