package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.kepu.identity.Actor;
import org.kepu.platform.AuditLog;
import org.kepu.platform.ProblemException;
import org.kepu.review.ScreenHit;
import org.kepu.review.ScreenLevel;
import org.kepu.review.SensitiveWordScreen;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.kepu.event.EventsChanged;
import org.kepu.platform.ModuleEvents;
import reactor.core.publisher.Mono;

/**
 * Changes to a published occurrence, never silent: each is recorded with the values before and after and the text
 * announced to the public, raises the iCalendar SEQUENCE, and puts a notice in every live registration's outbox. A
 * cancellation also ends the registrations. The announcement is public text: the sensitive-word screen stops it on a
 * BLOCK word (it is urgent, so it does not wait for 一审 and 终审; the change is audited instead).
 */
@Component
class OccurrenceChanges {

    static final int MAX_ANNOUNCEMENT = 1000;

    record ChangeRequest(ChangeKind kind, OffsetDateTime startsAt, OffsetDateTime endsAt, OccurrenceForm.VenueForm venue,
                         String announcement) {
    }

    private final OccurrencesTable occurrences;
    private final SeriesTable series;
    private final ChangesTable changes;
    private final RegistrationsTable registrations;
    private final NoticesTable notices;
    private final SensitiveWordScreen screen;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final ModuleEvents events;
    private final Reminders reminders;

    OccurrenceChanges(OccurrencesTable occurrences, SeriesTable series, ChangesTable changes, RegistrationsTable registrations,
                      NoticesTable notices, SensitiveWordScreen screen, AuditLog audit, TransactionalOperator transaction,
                      Reminders reminders, ModuleEvents events) {
        this.events = events;
        this.reminders = reminders;
        this.occurrences = occurrences;
        this.series = series;
        this.changes = changes;
        this.registrations = registrations;
        this.notices = notices;
        this.screen = screen;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<Void> announce(UUID occurrenceId, ChangeRequest request, Actor actor) {
        if (request.kind() == null) {
            return Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required", "kind"));
        }
        String announcement;
        try {
            announcement = SeriesChecks.required(request.announcement(), "announcement", MAX_ANNOUNCEMENT);
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        return screen.screen(announcement)
                .flatMap(result -> result.blocked() ? Mono.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                        "event-announcement-blocked", String.join("、", result.hits(ScreenLevel.BLOCK).stream().map(ScreenHit::word).distinct().toList())))
                        : Mono.empty())
                .then(occurrences.lock(occurrenceId))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "event-occurrence-not-found", occurrenceId)))
                .flatMap(current -> series.find(current.seriesId()).flatMap(owner -> {
                    EventPermissions.checkAuthor(actor, owner.organiser());
                    if (owner.status() != SeriesStatus.PUBLISHED) {
                        return Mono.error(Transitions.refused(owner.status(), "change"));
                    }
                    if (current.cancelled()) {
                        return Mono.error(new ProblemException(HttpStatus.CONFLICT, "event-occurrence-cancelled"));
                    }
                    Changed changed = changed(current, request);
                    String title = current.title() == null ? owner.title() : current.title();
                    return occurrences.change(occurrenceId, request.kind().status(), changed.startsAt(), changed.endsAt(), changed.venue())
                            .then(changes.insert(occurrenceId, request.kind(), changed.before(), changed.after(), announcement,
                                    current.sequence() + 1, actor.username()))
                            .then(series.touched(owner.id(), actor.username()))
                            .then(occurrences.find(occurrenceId))
                            .flatMap(after -> tellRegistrants(after, title, request.kind(), announcement)
                                    .then(request.kind() == ChangeKind.RESCHEDULED ? reminders.schedule(after) : Mono.empty()))
                            .then(audit.record(actor.username(), "event.changed", Registrations.subject(occurrenceId),
                                    Map.of("kind", request.kind().name(), "before", changed.before(), "after", changed.after())))
                            .then(events.publish(new EventsChanged(owner.id().toString())));
                }))
                .as(transaction::transactional);
    }

    private record Changed(OffsetDateTime startsAt, OffsetDateTime endsAt, Venue venue, Map<String, Object> before,
                           Map<String, Object> after) {
    }

    private static Changed changed(Occurrence current, ChangeRequest request) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        switch (request.kind()) {
            case RESCHEDULED -> {
                if (request.startsAt() == null || request.endsAt() == null) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-field-required", "startsAt, endsAt");
                }
                OccurrenceChecks.checkTimes(request.startsAt().toInstant(), request.endsAt().toInstant());
                if (request.startsAt().isEqual(current.startsAt()) && request.endsAt().isEqual(current.endsAt())) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-change-nothing");
                }
                before.put("startsAt", PublicTimes.shown(current.startsAt()).toString());
                before.put("endsAt", PublicTimes.shown(current.endsAt()).toString());
                after.put("startsAt", PublicTimes.shown(request.startsAt()).toString());
                after.put("endsAt", PublicTimes.shown(request.endsAt()).toString());
                return new Changed(request.startsAt(), request.endsAt(), current.venue(), before, after);
            }
            case MOVED -> {
                Venue venue = OccurrenceChecks.venue(request.venue());
                if (venue.equals(current.venue())) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "event-change-nothing");
                }
                before.putAll(venueValues(current.venue()));
                after.putAll(venueValues(venue));
                return new Changed(current.startsAt(), current.endsAt(), venue, before, after);
            }
            default -> {
                before.put("status", current.status().name());
                after.put("status", "CANCELLED");
                return new Changed(current.startsAt(), current.endsAt(), current.venue(), before, after);
            }
        }
    }

    private static Map<String, Object> venueValues(Venue venue) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("venue", venue.name());
        values.put("address", venue.address());
        values.put("district", venue.district());
        return values;
    }

    /**
     * Every live registration learns of the change; a cancellation ends them. Two statements whatever the number of
     * registrants: this runs under the occurrence's row lock, which registrations queue behind.
     */
    private Mono<Void> tellRegistrants(Occurrence after, String title, ChangeKind kind, String announcement) {
        Map<String, String> arguments = RegistrantTexts.arguments(title, after);
        arguments.put("announcement", announcement);
        NoticesTable.Kind notice = switch (kind) {
            case RESCHEDULED -> NoticesTable.Kind.RESCHEDULED;
            case MOVED -> NoticesTable.Kind.MOVED;
            case CANCELLED -> NoticesTable.Kind.OCCURRENCE_CANCELLED;
        };
        return notices.insertForLive(after.id(), notice, arguments)
                .then(kind == ChangeKind.CANCELLED ? registrations.cancelLive(after.id(), "organiser") : Mono.empty());
    }
}
