package org.kepu.rumor.internal;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The public "report a rumor" endpoint (JSON, or the site's HTML form, which is answered with a redirect to the
 * form's thank-you state) and the editors' clue inbox with near-duplicate matches.
 */
@RestController
class RumorCluesController {

    record RumorLinkRequest(UUID item) {
    }

    record RumorDismissRequest(String note) {
    }

    /** A clue with the items that may already rebut it, best first. */
    record RumorClueView(RumorClue clue, List<RumorMatch> matches) {
    }

    private final RumorClues clues;
    private final RumorCluesTable table;
    private final RumorMatches matches;

    RumorCluesController(RumorClues clues, RumorCluesTable table, RumorMatches matches) {
        this.clues = clues;
        this.table = table;
        this.matches = matches;
    }

    @PostMapping(value = "/api/rumors/public/clues", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> report(@RequestBody RumorClues.RumorReport report) {
        return Mono.defer(() -> clues.report(report))
                .map(id -> ResponseEntity.status(HttpStatus.CREATED).body(Map.<String, Object>of("id", id, "status", "RECEIVED")));
    }

    @PostMapping(value = "/api/rumors/public/clues", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Void>> reportFromForm(ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> Mono.defer(() -> clues.report(report(form))))
                .map(id -> ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/rumors/report?sent=1").<Void>build())
                .onErrorResume(ProblemException.class, problem -> Mono.just(ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .header(HttpHeaders.LOCATION, "/rumors/report?problem=" + problem.code()).build()));
    }

    @GetMapping("/api/rumors/clues")
    Flux<RumorClue> inbox(@RequestParam(required = false) String status) {
        RumorClue.Status wanted;
        try {
            wanted = status == null || status.isBlank() ? null : RumorClue.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            return Flux.error(RumorChecks.invalid("status"));
        }
        return table.list(wanted, 200);
    }

    @GetMapping("/api/rumors/clues/{id}")
    Mono<RumorClueView> clue(@PathVariable UUID id) {
        return table.find(id)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "rumor-clue-not-found", id)))
                .flatMap(clue -> matches.forEditors(clue.claim()).map(found -> new RumorClueView(clue, found)));
    }

    @PostMapping("/api/rumors/clues/{id}/link")
    Mono<ResponseEntity<Void>> link(@PathVariable UUID id, @RequestBody RumorLinkRequest request, Principal user) {
        if (request.item() == null) {
            return Mono.error(RumorChecks.required("item"));
        }
        return clues.link(id, request.item(), Actor.of(user)).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/api/rumors/clues/{id}/item")
    Mono<ResponseEntity<Map<String, Object>>> convert(@PathVariable UUID id, @RequestBody RumorForm form, Principal user) {
        return clues.convert(id, form, Actor.of(user))
                .map(item -> ResponseEntity.created(URI.create("/api/rumors/items/" + item)).body(Map.<String, Object>of("item", item)));
    }

    @PostMapping("/api/rumors/clues/{id}/dismiss")
    Mono<ResponseEntity<Void>> dismiss(@PathVariable UUID id, @RequestBody RumorDismissRequest request, Principal user) {
        return Mono.defer(() -> clues.dismiss(id, request.note(), Actor.of(user))).thenReturn(ResponseEntity.noContent().build());
    }

    /** Items that may already say what {@code text} says: for an editor entering a new item. */
    @GetMapping("/api/rumors/matches")
    Mono<List<RumorMatch>> matches(@RequestParam(required = false) String text) {
        return matches.forEditors(text);
    }

    private static RumorClues.RumorReport report(MultiValueMap<String, String> form) {
        return new RumorClues.RumorReport(form.getFirst("claim"), form.getFirst("whereSeen"), form.getFirst("link"), form.getFirst("contact"));
    }
}
