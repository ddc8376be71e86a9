package org.kepu.rumor.internal;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.review.ScreenHit;
import org.kepu.review.ScreenResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rumor items for editors (write) and reviewers (read and decide). */
@RestController
class RumorItemsController {

    record RumorDecisionRequest(RumorReviewVerdict verdict, String reason) {
    }

    private static final TypeReference<List<ScreenHit>> HITS = new TypeReference<>() { };

    private final RumorItemsTable items;
    private final RumorDecisionsTable decisions;
    private final RumorEditor editor;
    private final RumorReview review;
    private final RumorPublication publication;
    private final RumorProperties properties;
    private final PublishedRumorsTable published;
    private final JsonMapper json;

    RumorItemsController(RumorItemsTable items, RumorDecisionsTable decisions, RumorEditor editor, RumorReview review,
                         RumorPublication publication, RumorProperties properties, PublishedRumorsTable published, JsonMapper json) {
        this.published = published;
        this.items = items;
        this.decisions = decisions;
        this.editor = editor;
        this.review = review;
        this.publication = publication;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/api/rumors/items")
    Flux<RumorItem> list(@RequestParam(required = false) String status) {
        RumorStatus wanted;
        try {
            wanted = status == null || status.isBlank() ? null : RumorStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            return Flux.error(RumorChecks.invalid("status"));
        }
        return items.list(wanted, 200);
    }

    @PostMapping("/api/rumors/items")
    Mono<ResponseEntity<RumorItemView>> create(@RequestBody RumorForm form, Principal user) {
        return editor.create(form, Actor.of(user)).flatMap(this::view)
                .map(view -> ResponseEntity.created(URI.create("/api/rumors/items/" + view.item().id())).body(view));
    }

    @GetMapping("/api/rumors/items/{id}")
    Mono<RumorItemView> find(@PathVariable UUID id) {
        return view(id);
    }

    @PutMapping("/api/rumors/items/{id}")
    Mono<RumorItemView> update(@PathVariable UUID id, @RequestBody RumorForm form, Principal user) {
        return editor.update(id, form, Actor.of(user)).then(Mono.defer(() -> view(id)));
    }

    @PostMapping("/api/rumors/items/{id}/submissions")
    Mono<ResponseEntity<ScreenResult>> submit(@PathVariable UUID id, Principal user) {
        return review.submit(id, Actor.of(user)).map(result -> ResponseEntity.status(HttpStatus.CREATED).body(result));
    }

    @PostMapping("/api/rumors/items/{id}/decisions")
    Mono<RumorItemView> decide(@PathVariable UUID id, @RequestBody RumorDecisionRequest request, Principal user) {
        return review.decide(id, Actor.of(user), request.verdict(), request.reason()).then(Mono.defer(() -> view(id)));
    }

    @PostMapping("/api/rumors/items/{id}/unpublish")
    Mono<RumorItemView> unpublish(@PathVariable UUID id, Principal user) {
        return publication.unpublish(id, Actor.of(user).username()).then(Mono.defer(() -> view(id)));
    }

    private Mono<RumorItemView> view(UUID id) {
        return RumorEditor.existing(items.find(id), id)
                .flatMap(item -> Mono.zip(decisions.of(id).collectList(), items.screen(id),
                                published.byId(id).map(snapshot -> "/rumors/" + snapshot.slug()).defaultIfEmpty(""))
                        .map(found -> new RumorItemView(item, found.getT1(), json.readValue(found.getT2(), HITS), properties.stages(),
                                found.getT3().isEmpty() ? null : found.getT3())));
    }
}
