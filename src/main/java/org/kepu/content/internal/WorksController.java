package org.kepu.content.internal;

import java.security.Principal;
import java.util.UUID;

import jakarta.validation.Valid;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
        return editor.create(work, author.getName());
    }

    @GetMapping("/{id}")
    Mono<WorkView> find(@PathVariable UUID id) {
        return works.find(id).switchIfEmpty(notFound(id));
    }

    @PutMapping("/{id}/draft")
    Mono<WorkView> saveDraft(@PathVariable UUID id, @Valid @RequestBody WorkDraft draft, Principal author) {
        return editor.saveDraft(id, draft, author.getName());
    }

    @GetMapping("/{id}/revisions")
    Flux<Revision> revisions(@PathVariable UUID id) {
        return works.revisions(id).switchIfEmpty(notFound(id));
    }

    @GetMapping("/{id}/revisions/{number}")
    Mono<Revision> revision(@PathVariable UUID id, @PathVariable int number) {
        return works.revision(id, number)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "revision-not-found", id, number)));
    }

    private static <T> Mono<T> notFound(UUID id) {
        return Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "work-not-found", id));
    }
}
