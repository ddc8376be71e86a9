package org.kepu.review.internal;

import java.security.Principal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kepu.content.ScheduledUnpublish;
import org.kepu.content.WorkFacts;
import org.kepu.content.WorkId;
import org.kepu.content.Works;
import org.kepu.identity.Actor;
import org.kepu.platform.ProblemException;
import org.kepu.platform.ScheduleProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The editors' schedule: upcoming publications and unpublishes, and moving or holding a scheduled
 * publication. Only staff get here ({@code SecurityConfiguration}).
 */
@RestController
class ScheduleController {

    private static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    private static final Duration LONGEST_SPAN = Duration.ofDays(366);

    record ScheduleChange(OffsetDateTime publishAt) {
    }

    private final PublicationSchedule publications;
    private final ReviewCasesTable cases;
    private final Works works;
    private final ScheduleProperties schedule;

    ScheduleController(PublicationSchedule publications, ReviewCasesTable cases, Works works, ScheduleProperties schedule) {
        this.publications = publications;
        this.cases = cases;
        this.works = works;
        this.schedule = schedule;
    }

    /**
     * What is scheduled from {@code from} (absent: everything still waiting, overdue included) until {@code to}
     * (absent: 30 days after {@code from} or now), by time. Times are ISO 8601 with an offset, or dates (the day
     * starts in the configured time zone).
     */
    @GetMapping("/api/schedule")
    Flux<ScheduleEntry> upcoming(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        OffsetDateTime start = time(from);
        OffsetDateTime end = to == null ? (start == null ? OffsetDateTime.now() : start).plus(DEFAULT_SPAN) : time(to);
        if (start != null && !end.isAfter(start)) {
            return Flux.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "schedule-range-invalid", from, to));
        }
        if (Duration.between(start == null ? OffsetDateTime.now() : start, end).compareTo(LONGEST_SPAN) > 0) {
            return Flux.error(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "schedule-range-too-long", LONGEST_SPAN.toDays()));
        }
        Mono<List<ScheduleEntry>> publishing = cases.scheduled(start, end).collectList().flatMap(this::publications);
        Mono<List<ScheduleEntry>> unpublishing = works.scheduledUnpublishes(start, end).map(this::entry).collectList();
        return Mono.zip(publishing, unpublishing)
                .flatMapIterable(both -> {
                    List<ScheduleEntry> all = new ArrayList<>(both.getT1());
                    all.addAll(both.getT2());
                    all.sort(Comparator.comparing((ScheduleEntry entry) -> entry.at().toInstant()).thenComparing(ScheduleEntry::action));
                    return all;
                });
    }

    @PutMapping("/api/review/cases/{id}/schedule")
    Mono<CaseView> move(@PathVariable UUID id, @RequestBody(required = false) ScheduleChange change, Principal user) {
        return publications.move(id, change == null ? null : change.publishAt(), Actor.of(user)).flatMap(this::view);
    }

    /** Holds the publication: the case stays approved without a time (status APPROVED) until a time is set again. */
    @DeleteMapping("/api/review/cases/{id}/schedule")
    Mono<CaseView> hold(@PathVariable UUID id, Principal user) {
        return publications.hold(id, Actor.of(user)).flatMap(this::view);
    }

    private Mono<List<ScheduleEntry>> publications(List<ReviewCase> scheduled) {
        if (scheduled.isEmpty()) {
            return Mono.just(List.of());
        }
        return works.find(scheduled.stream().map(found -> new WorkId(found.work())).toList())
                .collectMap(facts -> facts.id().value())
                .flatMap(facts -> Flux.fromIterable(scheduled)
                        .concatMap(found -> works.text(new WorkId(found.work()), found.revision())
                                .map(text -> text.title())
                                .defaultIfEmpty("")
                                .map(title -> entry(found, title, facts)))
                        .collectList());
    }

    private ScheduleEntry entry(ReviewCase found, String title, Map<UUID, WorkFacts> facts) {
        WorkFacts work = facts.get(found.work());
        return new ScheduleEntry(ScheduleEntry.Action.PUBLISH, schedule.shown(found.publishAt()), found.work(), title,
                work == null ? null : work.organisation(), found.revision(), found.id(), null, found.submittedBy(), null);
    }

    private ScheduleEntry entry(ScheduledUnpublish waiting) {
        return new ScheduleEntry(ScheduleEntry.Action.UNPUBLISH, schedule.shown(waiting.at()), waiting.work().value(),
                waiting.title(), waiting.organisation(), waiting.revision(), null, waiting.id(), waiting.requestedBy(),
                waiting.reason());
    }

    private Mono<CaseView> view(ReviewCase found) {
        return ReviewController.view(found, works, cases, schedule);
    }

    /** ISO 8601 with an offset ({@code +} may arrive decoded as a space) or a date; null stays null. */
    private OffsetDateTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String given = value.strip().replace(' ', '+');
        try {
            return given.length() == 10 ? LocalDate.parse(given).atStartOfDay(schedule.timeZone()).toOffsetDateTime()
                    : OffsetDateTime.parse(given);
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "schedule-time-invalid", value);
        }
    }
}
