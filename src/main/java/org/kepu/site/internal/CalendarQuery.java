package org.kepu.site.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.kepu.event.EventFilter;

/**
 * What the events calendar shows: a filter, a month (null: the coming year) and the view. Unusable values are
 * dropped, so any query string names one of a bounded set of pages. A month shows as a grid unless
 * {@code view=list} asks for its list; {@code view=month} without a month shows the current month.
 */
record CalendarQuery(EventFilter filter, YearMonth month, boolean grid) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern AUDIENCE = Pattern.compile("youth|elderly|all");
    private static final Pattern MONTH = Pattern.compile("(20[0-9]{2})-(0[1-9]|1[0-2])");
    private static final int MAX_TEXT = 30;

    static CalendarQuery of(String topic, String district, String audience, String q, String month, String view, YearMonth current) {
        EventFilter filter = new EventFilter(matching(topic, SLUG), shortText(district), matching(audience, AUDIENCE), shortText(q));
        YearMonth chosen = month(month);
        boolean grid = "month".equals(view) || (chosen != null && !"list".equals(view));
        return new CalendarQuery(filter, grid && chosen == null ? current : chosen, grid);
    }

    /** Public: the template calls it through SpEL, which does not call package-private methods. */
    public boolean filtered() {
        return filter.topic() != null || filter.district() != null || filter.audience() != null || filter.text() != null;
    }

    /** This page's address: its parameters in a fixed order, defaults left out. */
    String path() {
        return path(filter, month, grid);
    }

    /** The same filter on another month, in the same view. */
    String path(YearMonth other) {
        return other == null || !MONTH.matcher(other.toString()).matches() ? null : path(filter, other, grid);
    }

    /** The same filter and month as a grid ({@code true}) or a list. */
    String path(boolean asGrid) {
        return path(filter, month, asGrid);
    }

    /** The coming year's list with the same filter. */
    String upcomingPath() {
        return path(filter, null, false);
    }

    /** What the page depends on besides the language and the clock, for the page cache. */
    String key() {
        return path();
    }

    private static String path(EventFilter filter, YearMonth month, boolean grid) {
        StringJoiner query = new StringJoiner("&", "/events?", "").setEmptyValue("/events");
        add(query, "topic", filter.topic());
        add(query, "district", filter.district());
        add(query, "audience", filter.audience());
        add(query, "q", filter.text());
        if (month != null) {
            add(query, "month", month.toString());
            if (!grid) {
                add(query, "view", "list");
            }
        } else if (grid) {
            add(query, "view", "month");
        }
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }

    private static String matching(String value, Pattern pattern) {
        return value != null && pattern.matcher(value.strip()).matches() ? value.strip() : null;
    }

    private static String shortText(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip().replaceAll("\\s+", " ");
        return text.isEmpty() || text.length() > MAX_TEXT ? null : text;
    }

    private static YearMonth month(String value) {
        return value != null && MONTH.matcher(value.strip()).matches() ? YearMonth.parse(value.strip()) : null;
    }
}
