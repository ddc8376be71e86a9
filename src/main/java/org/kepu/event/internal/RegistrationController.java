package org.kepu.event.internal;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.kepu.event.PublicOccurrence;
import org.kepu.platform.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Registration for citizens, who have no account: a public, rate-limited POST; afterwards everything goes through
 * the secret link the answer carries (view with notices, QR code, calendar entry, cancellation). Answers about a
 * registration are {@code no-store}: they hold a name and a check-in code.
 */
@RestController
class RegistrationController {

    record RegistrationRequest(String name, String phone) {
    }

    /** An occurrence with the state of its registration, for the site's registration form. */
    record OccurrenceWithRegistration(PublicOccurrence occurrence, Places registration) {
    }

    record Places(boolean offered, boolean open, OffsetDateTime opensAt, OffsetDateTime closesAt, Integer capacity, long confirmed,
                  long waiting) {
    }

    private final Registrations registrations;
    private final RegistrationViews views;
    private final PublicEventsTable events;
    private final OccurrencesTable occurrences;
    private final RegistrationsTable table;
    private final CheckInCodes codes;

    RegistrationController(Registrations registrations, RegistrationViews views, PublicEventsTable events, OccurrencesTable occurrences,
                           RegistrationsTable table, CheckInCodes codes) {
        this.codes = codes;
        this.registrations = registrations;
        this.views = views;
        this.events = events;
        this.occurrences = occurrences;
        this.table = table;
    }

    @GetMapping("/api/events/public/occurrences/{id}")
    Mono<OccurrenceWithRegistration> occurrence(@PathVariable UUID id) {
        return events.occurrence(id)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", id)))
                .zipWith(occurrences.find(id))
                .flatMap(found -> table.counts(List.of(id)).map(counts -> {
                    RegistrationsTable.Counts count = counts.getOrDefault(id, RegistrationsTable.Counts.NONE);
                    RegistrationSettings settings = found.getT2().registration();
                    return new OccurrenceWithRegistration(found.getT1(), new Places(settings.enabled(),
                            found.getT2().registrationOpen(Instant.now()), PublicTimes.shown(settings.opensAt()),
                            PublicTimes.shown(settings.closesAt()), settings.capacity(), count.confirmed(), count.waiting()));
                }));
    }

    @PostMapping("/api/events/public/occurrences/{id}/registrations")
    Mono<ResponseEntity<RegistrationView>> register(@PathVariable UUID id, @RequestBody RegistrationRequest request,
                                                    ServerWebExchange exchange) {
        return registrations.register(id, request.name(), request.phone())
                .flatMap(registered -> views.view(registered.registration(), registered.token(), registered.token(), locale(exchange)))
                .map(view -> ResponseEntity.created(URI.create(view.links().self())).cacheControl(CacheControl.noStore()).body(view));
    }

    @GetMapping("/api/events/public/registrations/{token}")
    Mono<ResponseEntity<RegistrationView>> find(@PathVariable String token, ServerWebExchange exchange) {
        return registrations.byToken(token).flatMap(found -> views.view(found, token, null, locale(exchange)))
                .map(view -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view));
    }

    @DeleteMapping("/api/events/public/registrations/{token}")
    Mono<ResponseEntity<RegistrationView>> cancel(@PathVariable String token, ServerWebExchange exchange) {
        return registrations.cancel(token).flatMap(cancelled -> views.view(cancelled, token, null, locale(exchange)))
                .map(view -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view));
    }

    /** The check-in code as a QR image, for the registrant's phone screen or a print-out. */
    @GetMapping("/api/events/public/registrations/{token}/qr.png")
    Mono<ResponseEntity<byte[]>> qr(@PathVariable String token) {
        return registrations.byToken(token)
                .filter(found -> found.status() == Registration.Status.CONFIRMED)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.CONFLICT, "event-check-in-not-confirmed")))
                .flatMap(found -> codes.png(RegistrationSecrets.qrText(found.occurrenceId(), found.checkInCode())))
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png));
    }

    static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }
}
