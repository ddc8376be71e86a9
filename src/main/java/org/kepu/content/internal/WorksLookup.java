package org.kepu.content.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.kepu.content.RevisionText;
import org.kepu.content.ScheduledUnpublish;
import org.kepu.content.WorkFacts;
import org.kepu.content.WorkId;
import org.kepu.content.WorkPublished;
import org.kepu.content.WorkUnpublished;
import org.kepu.content.Works;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class WorksLookup implements Works {

    private final WorksTable works;
    private final WorkPublication publication;
    private final Unpublishing unpublishing;
    private final UnpublishesTable unpublishes;

    WorksLookup(WorksTable works, WorkPublication publication, Unpublishing unpublishing, UnpublishesTable unpublishes) {
        this.works = works;
        this.publication = publication;
        this.unpublishing = unpublishing;
        this.unpublishes = unpublishes;
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
        return publication.publish(id, revision, by);
    }

    @Override
    public Mono<WorkUnpublished> unpublish(WorkId id, String by, String reason) {
        return unpublishing.now(id.value(), by, reason).map(Unpublishing.Done::event);
    }

    @Override
    public Flux<ScheduledUnpublish> scheduledUnpublishes(OffsetDateTime from, OffsetDateTime to) {
        return unpublishes.waiting(from, to);
    }
}
