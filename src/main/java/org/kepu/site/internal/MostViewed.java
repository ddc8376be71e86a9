package org.kepu.site.internal;

import java.util.List;
import java.util.UUID;

import org.kepu.content.PublishedWork;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The public works with the most views (counted by {@link ViewCounter}, totals in PostgreSQL). */
@Component
class MostViewed {

    private final DatabaseClient database;
    private final PublishedWorks works;

    MostViewed(DatabaseClient database, PublishedWorks works) {
        this.database = database;
        this.works = works;
    }

    Mono<List<PublishedWork>> top(int limit) {
        // Read more than asked: some of the most viewed may have been unpublished since.
        return database.sql("SELECT work_id FROM site_work_views ORDER BY views DESC, work_id LIMIT :limit")
                .bind("limit", limit * 2).map(row -> row.get("work_id", UUID.class)).all().collectList()
                .flatMapMany(reactor.core.publisher.Flux::fromIterable)
                .concatMap(id -> works.find(new WorkId(id)))
                .take(limit)
                .collectList();
    }

    Mono<Long> views(WorkId work) {
        return database.sql("SELECT views FROM site_work_views WHERE work_id = :work").bind("work", work.value())
                .map(row -> row.get("views", Long.class)).one().defaultIfEmpty(0L);
    }
}
