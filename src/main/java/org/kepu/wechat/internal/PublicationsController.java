package org.kepu.wechat.internal;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The editors' console API for the Official Account (ADMIN, EDITOR): publish an event schedule as an article, see
 * how it went, retry a failed one, see the mass-send quota and send a published article to all followers.
 */
@RestController
@RequestMapping("/api/wechat")
class PublicationsController {

    static final int RECENT = 50;

    /** {@code kind}: {@code series} (subject = the series id) or {@code month} (subject = YYYY-MM). */
    record PublicationRequest(String kind, String subject) {
    }

    private final Publishing publishing;
    private final PublicationsTable table;
    private final MassQuota quota;
    private final WeChatApi api;

    PublicationsController(Publishing publishing, PublicationsTable table, MassQuota quota, WeChatApi api) {
        this.publishing = publishing;
        this.table = table;
        this.quota = quota;
        this.api = api;
    }

    @PostMapping("/publications")
    Mono<ResponseEntity<PublicationView>> publish(@RequestBody PublicationRequest request, Principal editor) {
        return publishing.request(request.kind(), request.subject(), editor.getName())
                .flatMap(requested -> view(requested.value()).map(view -> requested.created()
                        ? ResponseEntity.created(URI.create("/api/wechat/publications/" + view.id())).body(view)
                        : ResponseEntity.ok(view)));
    }

    @GetMapping("/publications")
    Mono<List<PublicationView>> recent() {
        return Mono.fromRunnable(this::configured).thenMany(table.recent(RECENT)).collectList()
                .flatMap(publications -> table.massSends(publications.stream().map(Publication::id).toList())
                        .collectMultimap(MassSend::publicationId)
                        .map(sends -> publications.stream()
                                .map(publication -> PublicationView.of(publication, List.copyOf(sends.getOrDefault(publication.id(), List.of()))))
                                .toList()));
    }

    @GetMapping("/publications/{id}")
    Mono<PublicationView> find(@PathVariable UUID id) {
        return publishing.found(id).flatMap(this::view);
    }

    @PostMapping("/publications/{id}/retry")
    Mono<PublicationView> retry(@PathVariable UUID id, Principal editor) {
        return publishing.retry(id, editor.getName()).flatMap(this::view);
    }

    @PostMapping("/publications/{id}/mass-send")
    Mono<ResponseEntity<PublicationView.MassSendView>> massSend(@PathVariable UUID id, Principal editor) {
        return publishing.massSend(id, editor.getName())
                .map(requested -> ResponseEntity.status(requested.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                        .body(PublicationView.MassSendView.of(requested.value())));
    }

    @GetMapping("/mass-quota")
    Mono<MassQuota.Quota> massQuota() {
        return Mono.fromRunnable(this::configured).then(quota.current());
    }

    private Mono<PublicationView> view(Publication publication) {
        return table.massSends(publication.id()).collectList().map(sends -> PublicationView.of(publication, sends));
    }

    private void configured() {
        if (!api.configured()) {
            throw WeChatApi.notConfigured();
        }
    }
}
