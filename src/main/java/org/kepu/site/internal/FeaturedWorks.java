package org.kepu.site.internal;

import java.util.List;
import java.util.UUID;

import org.kepu.content.PublishedWork;
import org.kepu.content.PublishedWorks;
import org.kepu.content.WorkId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The works editors pick for the home page, by slot; works no longer public are skipped when shown. */
@Component
class FeaturedWorks {

    static final int SLOTS = 12;

    private final DatabaseClient database;
    private final PublishedWorks works;
    private final TransactionalOperator transaction;

    FeaturedWorks(DatabaseClient database, PublishedWorks works, TransactionalOperator transaction) {
        this.database = database;
        this.works = works;
        this.transaction = transaction;
    }

    Mono<List<UUID>> ids() {
        return database.sql("SELECT work_id FROM site_featured ORDER BY position").map(row -> row.get("work_id", UUID.class))
                .all().collectList();
    }

    Mono<List<PublishedWork>> shown() {
        return ids().flatMapMany(Flux::fromIterable).concatMap(id -> works.find(new WorkId(id))).collectList();
    }

    /** Replaces the picks with {@code ids} in that order. */
    Mono<Void> replace(List<UUID> ids, String by) {
        Mono<Void> insert = Flux.range(0, ids.size())
                .concatMap(i -> database.sql("INSERT INTO site_featured (position, work_id, picked_by) VALUES (:position, :work, :by)")
                        .bind("position", i + 1).bind("work", ids.get(i)).bind("by", by).then())
                .then();
        return transaction.transactional(database.sql("DELETE FROM site_featured").then().then(insert));
    }
}
