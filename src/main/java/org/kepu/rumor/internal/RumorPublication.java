package org.kepu.rumor.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.kepu.platform.AuditLog;
import org.kepu.platform.ModuleEvents;
import org.kepu.platform.ProblemException;
import org.kepu.rumor.PublicRumor;
import org.kepu.rumor.PublicRumorColumn;
import org.kepu.rumor.RumorsChanged;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes an item's reviewed working copy public as a snapshot (with the experts who signed 二审 in the same round)
 * and takes it down again. Runs inside the caller's transaction.
 */
@Component
class RumorPublication {

    private final RumorItemsTable items;
    private final RumorDecisionsTable decisions;
    private final RumorColumnsTable columns;
    private final PublishedRumorsTable published;
    private final RumorIndexing indexing;
    private final ModuleEvents events;
    private final AuditLog audit;

    RumorPublication(RumorItemsTable items, RumorDecisionsTable decisions, RumorColumnsTable columns, PublishedRumorsTable published,
                     RumorIndexing indexing, ModuleEvents events, AuditLog audit) {
        this.items = items;
        this.decisions = decisions;
        this.columns = columns;
        this.published = published;
        this.indexing = indexing;
        this.events = events;
        this.audit = audit;
    }

    Mono<Void> publish(UUID id, String by) {
        return items.find(id).flatMap(item -> decisions.of(id)
                        .filter(decision -> decision.round() == item.round() && decision.stage() == RumorStage.SCIENTIFIC
                                && decision.verdict() == RumorReviewVerdict.APPROVE && decision.expertName() != null)
                        .map(decision -> new PublicRumor.SigningExpert(decision.expertName(), decision.expertTitle()))
                        .collectList()
                        .zipWith(item.column() == null ? Mono.just(new PublicRumorColumn(null, null, null, null)) : columns.find(item.column()))
                        .flatMap(found -> {
                            OffsetDateTime at = item.publishedAt() == null ? OffsetDateTime.now(ZoneOffset.UTC) : item.publishedAt();
                            PublicRumor snapshot = new PublicRumor(item.id(), item.slug(), item.claim(), item.verdict(), item.truth(),
                                    item.explanation(), item.appearances(), item.firstSeen(), item.evidence(), found.getT1(), item.topics(),
                                    found.getT2().slug(), found.getT2().name(), item.rebuttalWork(), at);
                            return items.publish(id, published.write(snapshot), by)
                                    .then(audit.record(by, "rumor.published", RumorEditor.subject(id), Map.of("slug", item.slug())))
                                    .then(indexing.queue(id))
                                    .then(events.publish(new RumorsChanged(item.slug())));
                        }));
    }

    Mono<Void> unpublish(UUID id, String by) {
        return RumorEditor.existing(items.find(id), id)
                .flatMap(item -> items.unpublish(id, by)
                        .flatMap(changed -> changed == 0
                                ? Mono.error(new ProblemException(HttpStatus.CONFLICT, "rumor-not-published"))
                                : audit.record(by, "rumor.unpublished", RumorEditor.subject(id), Map.of("slug", item.slug()))
                                        .then(indexing.queue(id))
                                        .then(events.publish(new RumorsChanged(item.slug())))));
    }
}
