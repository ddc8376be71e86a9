package org.kepu.event.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kepu.identity.Actor;
import org.kepu.org.Volunteer;
import org.kepu.org.VolunteerId;
import org.kepu.org.Volunteers;
import org.kepu.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads series for the console: authors of the organiser and reviewers only. */
@Component
class SeriesConsole {

    static final int LIST_SIZE = 200;

    private final SeriesTable series;
    private final OccurrencesTable occurrences;
    private final ReviewRecords records;
    private final ChangesTable changes;
    private final AssignmentsTable assignments;
    private final RegistrationsTable registrations;
    private final Volunteers volunteers;

    SeriesConsole(SeriesTable series, OccurrencesTable occurrences, ReviewRecords records, ChangesTable changes,
                  AssignmentsTable assignments, RegistrationsTable registrations, Volunteers volunteers) {
        this.series = series;
        this.occurrences = occurrences;
        this.records = records;
        this.changes = changes;
        this.assignments = assignments;
        this.registrations = registrations;
        this.volunteers = volunteers;
    }

    Flux<SeriesView.Summary> list(Actor actor, SeriesStatus status, String organisation) {
        return series.list(status, organisation, LIST_SIZE).filter(found -> EventPermissions.reads(actor, found))
                .map(SeriesView.Summary::of);
    }

    Mono<SeriesView> view(UUID id, Actor actor) {
        return SeriesEditor.existing(series.find(id), id)
                .flatMap(found -> EventPermissions.reads(actor, found) ? view(found)
                        : Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "event-other-organisation",
                                actor.organisation() == null ? "—" : actor.organisation(), found.organiser().name())));
    }

    private Mono<SeriesView> view(Series found) {
        return occurrences.ofSeries(found.id()).collectList().flatMap(all -> {
            List<UUID> ids = all.stream().map(Occurrence::id).toList();
            return Mono.zip(changes.of(ids).collectList(), assignments.of(ids).collectList(), registrations.counts(ids),
                            records.submissions(found.id()).collectList(), records.decisions(found.id()).collectList())
                    .flatMap(parts -> names(parts.getT2()).map(names -> new SeriesView(found.id(), found.title(), found.summary(),
                            found.description(), new SeriesView.Organiser(found.organiser().slug(), found.organiser().name()),
                            found.topics(), found.audience(), found.coverAsset(), found.coverUrl(), found.status(), found.stage(),
                            found.version(), found.createdBy(), PublicTimes.shown(found.createdAt()), found.updatedBy(),
                            PublicTimes.shown(found.updatedAt()), found.publishedBy(), PublicTimes.shown(found.publishedAt()),
                            all.stream().map(o -> occurrence(o, parts.getT1(), parts.getT2(), parts.getT3(), names)).toList(),
                            parts.getT4().stream().map(SeriesView.SubmissionView::of).toList(),
                            parts.getT5().stream().map(d -> new SeriesView.DecisionView(d.stage().name(), d.verdict().name(), d.reason(),
                                    d.decidedBy(), PublicTimes.shown(d.decidedAt()))).toList())));
        });
    }

    private Mono<Map<UUID, String>> names(List<Assignment> all) {
        return Flux.fromIterable(all.stream().map(Assignment::volunteerId).distinct().toList())
                .concatMap(id -> volunteers.find(new VolunteerId(id)))
                .collect(Collectors.toMap(volunteer -> volunteer.id().value(), Volunteer::name));
    }

    private static SeriesView.OccurrenceView occurrence(Occurrence o, List<Change> changes, List<Assignment> assignments,
                                                        Map<UUID, RegistrationsTable.Counts> counts, Map<UUID, String> names) {
        RegistrationsTable.Counts count = counts.getOrDefault(o.id(), RegistrationsTable.Counts.NONE);
        RegistrationSettings settings = o.registration();
        return new SeriesView.OccurrenceView(o.id(), o.title(), o.description(), o.audience(), PublicTimes.shown(o.startsAt()),
                PublicTimes.shown(o.endsAt()), o.venue(), o.status().name(), o.sequence(),
                new SeriesView.RegistrationView(settings.enabled(), PublicTimes.shown(settings.opensAt()),
                        PublicTimes.shown(settings.closesAt()), settings.capacity(), count.confirmed(), count.waiting(), count.checkedIn()),
                assignments.stream().filter(a -> a.occurrenceId().equals(o.id()))
                        .map(a -> new SeriesView.AssignedVolunteer(a.volunteerId(), names.get(a.volunteerId()), a.role())).toList(),
                changes.stream().filter(c -> c.occurrenceId().equals(o.id()))
                        .map(c -> new SeriesView.ChangeView(c.kind().name(), c.before(), c.after(), c.announcement(), c.sequence(),
                                c.announcedBy(), PublicTimes.shown(c.announcedAt()))).toList());
    }
}
