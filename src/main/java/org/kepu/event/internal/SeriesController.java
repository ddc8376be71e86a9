package org.kepu.event.internal;

import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The console's series and occurrences while they are drafts, and their review. */
@RestController
class SeriesController {

    record DecisionRequest(Verdict verdict, String reason) {
    }

    private final SeriesEditor editor;
    private final SeriesReview review;
    private final SeriesConsole console;
    private final OccurrencesTable occurrences;

    SeriesController(SeriesEditor editor, SeriesReview review, SeriesConsole console, OccurrencesTable occurrences) {
        this.editor = editor;
        this.review = review;
        this.console = console;
        this.occurrences = occurrences;
    }

    @GetMapping("/api/events/series")
    Flux<SeriesView.Summary> list(@RequestParam(required = false) String status, @RequestParam(required = false) String organisation,
                                  Principal user) {
        return Mono.fromCallable(() -> status(status)).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMapMany(wanted -> console.list(Actor.of(user), wanted.orElse(null),
                        organisation == null || organisation.isBlank() ? null : organisation.strip()));
    }

    @PostMapping("/api/events/series")
    Mono<ResponseEntity<SeriesView>> create(@RequestBody SeriesForm form, Principal user) {
        Actor actor = Actor.of(user);
        return editor.create(form, actor).flatMap(id -> console.view(id, actor))
                .map(view -> ResponseEntity.created(URI.create("/api/events/series/" + view.id())).body(view));
    }

    @GetMapping("/api/events/series/{id}")
    Mono<SeriesView> find(@PathVariable UUID id, Principal user) {
        return console.view(id, Actor.of(user));
    }

    @PutMapping("/api/events/series/{id}")
    Mono<SeriesView> update(@PathVariable UUID id, @RequestBody SeriesForm form, Principal user) {
        Actor actor = Actor.of(user);
        return editor.update(id, form, actor).then(Mono.defer(() -> console.view(id, actor)));
    }

    @PostMapping("/api/events/series/{id}/occurrences")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SeriesView.OccurrenceView> addOccurrence(@PathVariable UUID id, @RequestBody OccurrenceForm form, Principal user) {
        Actor actor = Actor.of(user);
        return editor.addOccurrence(id, form, actor).flatMap(occurrence -> occurrenceView(id, occurrence, actor));
    }

    @PutMapping("/api/events/occurrences/{id}")
    Mono<SeriesView.OccurrenceView> updateOccurrence(@PathVariable UUID id, @RequestBody OccurrenceForm form, Principal user) {
        Actor actor = Actor.of(user);
        return seriesOf(id).flatMap(series -> editor.updateOccurrence(series, id, form, actor).then(occurrenceView(series, id, actor)));
    }

    @DeleteMapping("/api/events/occurrences/{id}")
    Mono<ResponseEntity<Void>> removeOccurrence(@PathVariable UUID id, Principal user) {
        return seriesOf(id).flatMap(series -> editor.removeOccurrence(series, id, Actor.of(user)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/events/series/{id}/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SeriesView.SubmissionView> submit(@PathVariable UUID id, Principal user) {
        return review.submit(id, Actor.of(user)).map(SeriesView.SubmissionView::of);
    }

    @PostMapping("/api/events/series/{id}/decisions")
    Mono<SeriesView> decide(@PathVariable UUID id, @RequestBody DecisionRequest decision, Principal user) {
        Actor actor = Actor.of(user);
        return review.decide(id, actor, decision.verdict(), decision.reason()).then(Mono.defer(() -> console.view(id, actor)));
    }

    private Mono<UUID> seriesOf(UUID occurrence) {
        return occurrences.find(occurrence).map(Occurrence::seriesId)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", occurrence)));
    }

    private Mono<SeriesView.OccurrenceView> occurrenceView(UUID series, UUID occurrence, Actor actor) {
        return console.view(series, actor).flatMapIterable(SeriesView::occurrences).filter(view -> view.id().equals(occurrence)).next();
    }

    private static SeriesStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SeriesStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-status-unknown", status);
        }
    }
}
