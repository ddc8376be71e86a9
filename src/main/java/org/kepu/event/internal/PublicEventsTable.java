package org.kepu.event.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.kepu.content.Topics;
import org.kepu.event.EventFilter;
import org.kepu.event.PublicEvents;
import org.kepu.event.PublicOccurrence;
import org.kepu.event.PublicSeries;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link PublicEvents} over PostgreSQL: every query joins published series only ({@link PublicRow#FROM}). */
@Component
class PublicEventsTable implements PublicEvents {

    static final int MAX_LIMIT = 500;

    private final DatabaseClient database;
    private final Topics topics;
    private final EventCovers covers;

    PublicEventsTable(DatabaseClient database, Topics topics, EventCovers covers) {
        this.database = database;
        this.topics = topics;
        this.covers = covers;
    }

    @Override
    public Flux<PublicOccurrence> upcoming(OffsetDateTime now, EventFilter filter, int limit) {
        int bounded = Math.max(0, Math.min(limit, MAX_LIMIT));
        return filter(filter).map(where -> where.and("o.ends_at > :now", "now", now))
                .flatMapMany(where -> occurrences(where, bounded, now.toInstant()));
    }

    @Override
    public Flux<PublicOccurrence> between(OffsetDateTime from, OffsetDateTime to, EventFilter filter) {
        return filter(filter).map(where -> where.and("o.starts_at >= :from", "from", from).and("o.starts_at < :to", "to", to))
                .flatMapMany(where -> occurrences(where, MAX_LIMIT, Instant.now()));
    }

    @Override
    public Mono<PublicSeries> series(String seriesId) {
        UUID id;
        try {
            id = UUID.fromString(Objects.requireNonNull(seriesId).strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Mono.empty();
        }
        return filter(EventFilter.NONE).map(where -> where.and("s.id = :series", "series", id))
                .flatMap(where -> select(where, MAX_LIMIT).collectList())
                .zipWith(database.sql("""
                                SELECT s.id, s.title, s.summary, s.description, s.topics, s.cover_asset, s.cover_url, org.name AS organiser
                                  FROM event_series s JOIN org_organisation org ON org.id = s.organisation_id
                                 WHERE s.id = :id AND s.status = 'PUBLISHED'""")
                        .bind("id", id)
                        .map(row -> new SeriesRow(row.get("id", UUID.class), row.get("title", String.class), row.get("summary", String.class),
                                row.get("description", String.class), row.get("organiser", String.class),
                                List.of(row.get("topics", String[].class)), row.get("cover_asset", UUID.class), row.get("cover_url", String.class)))
                        .one())
                // The occurrences share the series' cover: one lookup serves them all.
                .flatMap(found -> covers.urls(found.getT2().coverAsset() == null ? List.of() : List.of(found.getT2().coverAsset()))
                        .map(urls -> found.getT2().toPublic(toPublic(found.getT1(), Instant.now(), urls), urls)));
    }

    /** One occurrence of a published series; empty otherwise. */
    Mono<PublicOccurrence> occurrence(UUID id) {
        return filter(EventFilter.NONE).map(where -> where.and("o.id = :occurrence", "occurrence", id))
                .flatMapMany(where -> occurrences(where, 1, Instant.now())).next();
    }

    /**
     * Published occurrences for the calendars: those ending after {@code endedAfter}, of a series, a topic or one
     * occurrence when given.
     */
    Flux<PublicRow> rows(OffsetDateTime endedAfter, UUID series, String topic, UUID occurrence, int limit) {
        PublicFilter where = new PublicFilter(new EventFilter(topic, null, null, null), List.of()).and("o.ends_at > :after", "after", endedAfter);
        if (series != null) {
            where.and("s.id = :series", "series", series);
        }
        if (occurrence != null) {
            where.and("o.id = :occurrence", "occurrence", occurrence);
        }
        return select(where, limit);
    }

    private record SeriesRow(UUID id, String title, String summary, String description, String organiser, List<String> topics,
                             UUID coverAsset, String coverUrl) {

        PublicSeries toPublic(List<PublicOccurrence> occurrences, Map<UUID, String> urls) {
            return new PublicSeries(id.toString(), title, summary, description, organiser, topics,
                    EventCovers.cover(coverUrl, coverAsset, urls), PublicTimes.path(id), occurrences);
        }
    }

    private Mono<PublicFilter> filter(EventFilter filter) {
        EventFilter given = filter == null ? EventFilter.NONE : filter;
        if (given.text() == null || given.text().isBlank()) {
            return Mono.fromCallable(() -> new PublicFilter(given, List.of()));
        }
        return topics.all().collectList().map(all -> new PublicFilter(given, all));
    }

    private Flux<PublicOccurrence> occurrences(PublicFilter where, int limit, Instant now) {
        // Every row is read before the media lookup: a streaming result would hold its connection.
        return select(where, limit).collectList()
                .flatMapMany(rows -> covers.urls(rows.stream().map(PublicRow::coverAsset).filter(Objects::nonNull).toList())
                        .flatMapIterable(urls -> toPublic(rows, now, urls)));
    }

    /** The rows of published occurrences matching {@code where}, by start time. */
    private Flux<PublicRow> select(PublicFilter where, int limit) {
        var select = database.sql("SELECT " + PublicRow.COLUMNS + PublicRow.FROM + where.where()
                + " ORDER BY o.starts_at, o.id LIMIT :limit").bind("limit", limit);
        for (Map.Entry<String, Object> bind : where.binds().entrySet()) {
            select = select.bind(bind.getKey(), bind.getValue());
        }
        return select.map(PublicRow::of).all();
    }

    private static List<PublicOccurrence> toPublic(List<PublicRow> rows, Instant now, Map<UUID, String> covers) {
        return rows.stream().map(row -> row.toPublic(now, covers)).toList();
    }
}
