package org.kepu.event.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kepu.content.TopicName;
import org.kepu.event.EventFilter;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The SQL conditions of an {@link EventFilter} over {@link PublicRow#FROM}. The audience {@code youth} (or
 * {@code elderly}) also finds occurrences for everyone, which suit them too; {@code all} finds only those for everyone.
 * Each word of {@code text} must be found in a title (series or occurrence), the venue (name, address, district) or
 * the name of one of the series' topics.
 */
final class PublicFilter {

    static final int MAX_WORDS = 5;

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();

    PublicFilter(EventFilter filter, List<TopicName> topics) {
        if (filter.topic() != null && !filter.topic().isBlank()) {
            conditions.add("s.topics @> CAST(:topic AS varchar[])");
            binds.put("topic", new String[] {filter.topic().strip()});
        }
        if (filter.district() != null && !filter.district().isBlank()) {
            conditions.add("o.district = :district");
            binds.put("district", filter.district().strip());
        }
        audience(filter.audience());
        text(filter.text(), topics);
    }

    PublicFilter and(String condition, String name, Object value) {
        conditions.add(condition);
        binds.put(name, value);
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    Map<String, Object> binds() {
        return binds;
    }

    private void audience(String audience) {
        if (audience == null || audience.isBlank()) {
            return;
        }
        String wanted = audience.strip().toLowerCase(Locale.ROOT);
        if (!SeriesChecks.AUDIENCES.contains(wanted)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-audience-unknown", audience);
        }
        conditions.add("coalesce(o.audience, s.audience) IN (:audience, 'all')");
        binds.put("audience", wanted);
    }

    private void text(String text, List<TopicName> topics) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<String> words = Arrays.stream(text.strip().split("\\s+")).limit(MAX_WORDS).toList();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            String[] slugs = topics.stream()
                    .filter(topic -> topic.name().contains(word) || topic.slug().equalsIgnoreCase(word))
                    .map(TopicName::slug).toArray(String[]::new);
            conditions.add(("(s.title ILIKE :wN OR coalesce(o.title, '') ILIKE :wN OR o.venue_name ILIKE :wN"
                    + " OR o.venue_address ILIKE :wN OR o.district ILIKE :wN OR s.topics && CAST(:sN AS varchar[]))")
                    .replace("wN", "w" + i).replace("sN", "s" + i));
            binds.put("w" + i, like);
            binds.put("s" + i, slugs);
        }
    }
}
