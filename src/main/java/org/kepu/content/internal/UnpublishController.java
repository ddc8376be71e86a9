package org.kepu.content.internal;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.platform.ScheduleProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Editors take a work offline: {@code 200} when done at once, {@code 202} when it waits for {@code at}.
 * Only staff get here ({@code SecurityConfiguration}).
 */
@RestController
class UnpublishController {

    record UnpublishRequest(String reason, OffsetDateTime at) {
    }

    private final Unpublishing unpublishing;
    private final ScheduleProperties schedule;

    UnpublishController(Unpublishing unpublishing, ScheduleProperties schedule) {
        this.unpublishing = unpublishing;
        this.schedule = schedule;
    }

    @PostMapping("/api/works/{id}/unpublish")
    Mono<ResponseEntity<UnpublishView>> unpublish(@PathVariable UUID id, @RequestBody(required = false) UnpublishRequest request,
                                                  Principal user) {
        UnpublishRequest given = request == null ? new UnpublishRequest(null, null) : request;
        return unpublishing.request(id, Actor.of(user), given.reason(), given.at())
                .map(done -> ResponseEntity.status(done.status() == Unpublish.Status.SCHEDULED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                        .body(UnpublishView.of(done, schedule)));
    }

    /** Cancels the unpublish waiting for its time; 404 when none waits. */
    @DeleteMapping("/api/works/{id}/unpublish")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> cancel(@PathVariable UUID id, Principal user) {
        return unpublishing.cancel(id, Actor.of(user).username()).then();
    }
}
