package org.kepu.event.internal;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Running an occurrence: announced changes and the registration capacity (authors of the organiser), volunteers and the registration list with
 * phone numbers (association staff), check-in at the door (staff and the occurrence's coordinators) and a coordinator's own list of
 * occurrences to check in at.
 */
@RestController
class OccurrenceOperationsController {

    record CheckInRequest(String code) {
    }

    record CapacityRequest(Integer capacity) {
    }

    /** A registration for staff: the phone number is here, and only here. */
    record RegistrantLine(UUID id, String name, String phone, String status, Integer position, String checkInCode,
                          OffsetDateTime registeredAt, OffsetDateTime checkedInAt, String checkedInBy, String cancelledBy) {
    }

    private final OccurrenceChanges changes;
    private final VolunteerAssignments volunteers;
    private final CheckIns checkIns;
    private final RegistrationsTable registrations;
    private final OccurrencesTable occurrences;
    private final SeriesConsole console;
    private final CapacityChanges capacities;
    private final CheckInDuties duties;

    OccurrenceOperationsController(OccurrenceChanges changes, VolunteerAssignments volunteers, CheckIns checkIns,
                                   RegistrationsTable registrations, OccurrencesTable occurrences, SeriesConsole console,
                                   CapacityChanges capacities, CheckInDuties duties) {
        this.duties = duties;
        this.capacities = capacities;
        this.changes = changes;
        this.volunteers = volunteers;
        this.checkIns = checkIns;
        this.registrations = registrations;
        this.occurrences = occurrences;
        this.console = console;
    }

    @PostMapping("/api/events/occurrences/{id}/changes")
    Mono<SeriesView.OccurrenceView> change(@PathVariable UUID id, @RequestBody OccurrenceChanges.ChangeRequest request, Principal user) {
        Actor actor = Actor.of(user);
        return changes.announce(id, request, actor).then(Mono.defer(() -> view(id, actor)));
    }

    /** Raising it promotes the waiting line; below the confirmed places it is 409. */
    @PutMapping("/api/events/occurrences/{id}/capacity")
    Mono<SeriesView.OccurrenceView> capacity(@PathVariable UUID id, @RequestBody CapacityRequest request, Principal user) {
        Actor actor = Actor.of(user);
        return capacities.change(id, request.capacity(), actor).then(Mono.defer(() -> view(id, actor)));
    }

    @PutMapping("/api/events/occurrences/{id}/volunteers")
    Mono<SeriesView.OccurrenceView> assign(@PathVariable UUID id, @RequestBody List<VolunteerAssignments.Wanted> wanted, Principal user) {
        Actor actor = Actor.of(user);
        return volunteers.replace(id, wanted, actor).then(Mono.defer(() -> view(id, actor)));
    }

    @GetMapping("/api/events/occurrences/{id}/registrations")
    Flux<RegistrantLine> registrations(@PathVariable UUID id) {
        return existing(id).thenMany(registrations.of(id).collectList().flatMapIterable(all -> lines(all)));
    }

    /** Any signed-in account: where it coordinates check-in soon (empty for most accounts, never 403). */
    @GetMapping("/api/events/my/check-in-duties")
    Flux<CheckInDuties.Duty> checkInDuties(Principal user) {
        return duties.of(Actor.of(user));
    }

    @PostMapping("/api/events/occurrences/{id}/check-ins")
    Mono<CheckIns.CheckedIn> checkIn(@PathVariable UUID id, @RequestBody CheckInRequest request, Principal user) {
        return checkIns.checkIn(id, request.code(), Actor.of(user));
    }

    private static List<RegistrantLine> lines(List<Registration> all) {
        int[] waiting = {0};
        return all.stream().map(r -> new RegistrantLine(r.id(), r.name(), r.phone(), r.status().name(),
                r.status() == Registration.Status.WAITING ? ++waiting[0] : null, r.checkInCode(), PublicTimes.shown(r.createdAt()),
                PublicTimes.shown(r.checkedInAt()), r.checkedInBy(), r.cancelledBy())).toList();
    }

    private Mono<Occurrence> existing(UUID id) {
        return occurrences.find(id)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", id)));
    }

    private Mono<SeriesView.OccurrenceView> view(UUID id, Actor actor) {
        return existing(id).flatMap(occurrence -> console.view(occurrence.seriesId(), actor))
                .flatMapIterable(SeriesView::occurrences).filter(view -> view.id().equals(id)).next();
    }
}
