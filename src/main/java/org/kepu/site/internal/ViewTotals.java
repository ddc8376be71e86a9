package org.kepu.site.internal;

import java.util.Collection;
import java.util.UUID;

import org.kepu.content.WorkId;
import org.kepu.content.WorkViewCounts;
import org.kepu.content.WorkViews;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The view totals {@link ViewsFlush} keeps in PostgreSQL, for content's works list: views from
 * {@code site_work_views}, visitors as the sum of the daily unique visitors of {@code site_work_views_daily}.
 * Views still pending in Redis show after the next flush.
 */
@Component
class ViewTotals implements WorkViewCounts {

    private final DatabaseClient database;

    ViewTotals(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<WorkViews> of(Collection<WorkId> works) {
        if (works.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                        SELECT v.work_id, v.views,
                               COALESCE((SELECT sum(d.visitors) FROM site_work_views_daily d WHERE d.work_id = v.work_id), 0) AS visitors
                          FROM site_work_views v
                         WHERE v.work_id = ANY(CAST(:works AS uuid[]))""")
                .bind("works", works.stream().map(WorkId::value).distinct().toArray(UUID[]::new))
                .map(row -> new WorkViews(new WorkId(row.get("work_id", UUID.class)), row.get("views", Long.class),
                        ((Number) row.get("visitors")).longValue()))
                .all();
    }
}
