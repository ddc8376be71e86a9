package org.kepu.site.internal;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The view beacon a work page sends once it is shown ({@code navigator.sendBeacon}). Anyone may call it; it
 * answers 204 even while Redis is unavailable (the view is then lost, never the page).
 */
@RestController
class ViewsController {

    private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final ViewCounter counter;

    ViewsController(ViewCounter counter) {
        this.counter = counter;
    }

    @PostMapping("/api/views/{work}")
    Mono<ResponseEntity<Void>> view(@PathVariable String work, @RequestBody(required = false) Mono<Map<String, Object>> body) {
        UUID id;
        try {
            id = UUID.fromString(work);
        } catch (IllegalArgumentException e) {
            return Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "work-not-found", work));
        }
        return body.map(fields -> fields.get("visitor") instanceof String visitor && VISITOR.matcher(visitor).matches() ? visitor : "")
                .onErrorReturn("")
                .defaultIfEmpty("")
                .flatMap(visitor -> counter.count(id, visitor.isEmpty() ? null : visitor))
                .onErrorResume(error -> Mono.empty())
                .thenReturn(ResponseEntity.noContent().build());
    }
}
