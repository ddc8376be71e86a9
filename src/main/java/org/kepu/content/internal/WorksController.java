package org.kepu.content.internal;

import java.security.Principal;
import java.util.UUID;

import jakarta.validation.Valid;
import org.kepu.identity.Actor;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/works")
class WorksController {

    private final WorkEditor editor;
    private final WorksTable works;

    WorksController(WorkEditor editor, WorksTable works) {
        this.editor = editor;
        this.works = works;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WorkView> create(@Valid @RequestBody NewWork work, Principal author) {
        Actor actor = Actor.of(author);
        if (!actor.editsFor(work.organisation())) {
            return Mono.error(otherOrganisation(actor, work.organisation()));
        }
        return editor.create(work, author.getName());
    }

    /** The ETag is the draft's revision number: send it back as {@code If-Match} when saving. */
    @GetMapping("/{id}")
    Mono<ResponseEntity<WorkView>> find(@PathVariable UUID id, Principal reader) {
        return readable(id, reader).map(work -> ResponseEntity.ok().eTag(Integer.toString(work.draftRevision())).body(work));
    }

    @PutMapping("/{id}/draft")
    Mono<ResponseEntity<WorkView>> saveDraft(@PathVariable UUID id, @Valid @RequestBody WorkDraft draft,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String basedOn,
                                             Principal author) {
        Actor actor = Actor.of(author);
        return works.find(id).switchIfEmpty(notFound(id))
                .flatMap(work -> actor.editsFor(work.organisation()) ? editor.saveDraft(work, draft, author.getName(), revision(basedOn))
                        : Mono.error(otherOrganisation(actor, work.organisation())))
                .map(saved -> ResponseEntity.ok().eTag(Integer.toString(saved.draftRevision())).body(saved));
    }

    /** A new draft revision with the content of revision {@code number}; submit it to bring it online. */
    @PostMapping("/{id}/revisions/{number}/restore")
    Mono<ResponseEntity<WorkView>> restore(@PathVariable UUID id, @PathVariable int number,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String basedOn,
                                           Principal author) {
        Actor actor = Actor.of(author);
        return works.find(id).switchIfEmpty(notFound(id))
                .flatMap(work -> actor.editsFor(work.organisation()) ? editor.restore(work, number, author.getName(), revision(basedOn))
                        : Mono.error(otherOrganisation(actor, work.organisation())))
                .map(saved -> ResponseEntity.ok().eTag(Integer.toString(saved.draftRevision())).body(saved));
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; null when absent or {@code *}. */
    private static Integer revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String digits = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "work-if-match-invalid", ifMatch);
        }
    }

    @GetMapping("/{id}/revisions")
    Flux<Revision> revisions(@PathVariable UUID id, Principal reader) {
        return readable(id, reader).thenMany(works.revisions(id));
    }

    @GetMapping("/{id}/revisions/{number}")
    Mono<Revision> revision(@PathVariable UUID id, @PathVariable int number, Principal reader) {
        return readable(id, reader).then(works.revision(id, number))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "revision-not-found", id, number)));
    }

    /** Society accounts see their own society's works; staff and reviewers see all. */
    private Mono<WorkView> readable(UUID id, Principal reader) {
        Actor actor = Actor.of(reader);
        return works.find(id).switchIfEmpty(notFound(id))
                .flatMap(work -> actor.readsFor(work.organisation()) ? Mono.just(work)
                        : Mono.error(otherOrganisation(actor, work.organisation())));
    }

    private static ProblemException otherOrganisation(Actor actor, String organisation) {
        return new ProblemException(HttpStatus.FORBIDDEN, "work-other-organisation",
                actor.organisation() == null ? "—" : actor.organisation(), organisation);
    }

    private static <T> Mono<T> notFound(UUID id) {
        return Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "work-not-found", id));
    }
}
