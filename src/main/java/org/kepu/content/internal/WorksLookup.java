package org.kepu.content.internal;

import java.util.Collection;
import java.util.List;

import org.kepu.content.RevisionText;
import org.kepu.content.WorkFacts;
import org.kepu.content.WorkId;
import org.kepu.content.WorkPublished;
import org.kepu.content.Works;
import org.kepu.platform.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class WorksLookup implements Works {

    private final WorksTable works;
    private final DatabaseClient database;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    WorksLookup(WorksTable works, DatabaseClient database, ApplicationEventPublisher events, AuditLog audit) {
        this.works = works;
        this.database = database;
        this.events = events;
        this.audit = audit;
    }

    @Override
    public Mono<WorkFacts> find(WorkId id) {
        return works.facts(List.of(id.value())).next();
    }

    @Override
    public Flux<WorkFacts> find(Collection<WorkId> ids) {
        return ids.isEmpty() ? Flux.empty() : works.facts(ids.stream().map(WorkId::value).distinct().toList());
    }

    @Override
    public Mono<RevisionText> text(WorkId id, int revision) {
        return works.revision(id.value(), revision)
                .map(found -> new RevisionText(id, revision, found.title(), found.summary(), found.bodyHtml(),
                        found.topics(), found.tags(), found.coverAsset(), found.mediaAssets()));
    }

    @Override
    public Mono<WorkPublished> publish(WorkId id, int revision, String by) {
        return database.sql("""
                        WITH old AS (SELECT published_revision FROM content_work WHERE id = :id FOR UPDATE)
                        UPDATE content_work w SET published_revision = :revision, published_at = now(), published_by = :by,
                                                  updated_at = now()
                          FROM old
                         WHERE w.id = :id AND EXISTS (SELECT 1 FROM content_revision r WHERE r.work_id = :id AND r.number = :revision)
                        RETURNING old.published_revision AS previous""")
                .bind("id", id.value()).bind("revision", revision).bind("by", by)
                .map(row -> new WorkPublished(id, revision, row.get("previous", Integer.class), by))
                .one()
                .flatMap(published -> audit.record(by, "work.published", "work:" + id.value(),
                                java.util.Map.of("revision", revision, "previousRevision", String.valueOf(published.previousRevision())))
                        .thenReturn(published))
                .doOnNext(events::publishEvent);
    }
}
