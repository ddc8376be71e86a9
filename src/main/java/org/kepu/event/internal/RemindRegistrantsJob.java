package org.kepu.event.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.kepu.event.RegistrantReminded;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.ModuleEvents;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reminds an occurrence's confirmed registrants ({@link Reminders#JOB}): a {@code REMINDER} notice in each one's
 * outbox and a {@link RegistrantReminded} event for other channels, in one transaction under the occurrence's row lock.
 * {@code event_reminder}'s key (registration, start time) makes every further run (a retry, another instance, a second
 * job for the same time) remind nobody twice. A job whose start time is no longer the occurrence's (it was rescheduled:
 * the change queued the job of the new time), a cancelled occurrence, one that has started, or a series no longer
 * published is left alone.
 */
@Component
class RemindRegistrantsJob implements JobHandler {

    private final Reminders reminders;
    private final OccurrencesTable occurrences;
    private final SeriesTable series;
    private final NoticesTable notices;
    private final ModuleEvents events;
    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    RemindRegistrantsJob(Reminders reminders, OccurrencesTable occurrences, SeriesTable series, NoticesTable notices, ModuleEvents events,
                         DatabaseClient database, TransactionalOperator transaction) {
        this.reminders = reminders;
        this.occurrences = occurrences;
        this.series = series;
        this.notices = notices;
        this.events = events;
        this.database = database;
        this.transaction = transaction;
    }

    @Override
    public String kind() {
        return Reminders.JOB;
    }

    @Override
    public Mono<Void> handle(Job job) {
        Reminders.Payload payload = reminders.payload(job.payload());
        return occurrences.lock(payload.occurrence())
                .filter(occurrence -> !occurrence.cancelled() && occurrence.startsAt().isEqual(payload.startsAt())
                        && occurrence.startsAt().toInstant().isAfter(Instant.now()))
                .flatMap(occurrence -> series.find(occurrence.seriesId())
                        .filter(owner -> owner.status() == SeriesStatus.PUBLISHED)
                        .flatMap(owner -> remind(occurrence, occurrence.title() == null ? owner.title() : occurrence.title())))
                .as(transaction::transactional);
    }

    private Mono<Void> remind(Occurrence occurrence, String title) {
        return newlyReminded(occurrence)
                .concatMap(registration -> {
                    Map<String, String> arguments = RegistrantTexts.arguments(title, occurrence);
                    arguments.put("code", registration.code());
                    return notices.insert(registration.id(), NoticesTable.Kind.REMINDER, arguments)
                            .then(events.publish(new RegistrantReminded(registration.id().toString(), occurrence.id().toString(), title,
                                    PublicTimes.shown(occurrence.startsAt()), PublicTimes.shown(occurrence.endsAt()),
                                    occurrence.venue().place(), PublicTimes.path(occurrence.seriesId(), occurrence.id()))));
                })
                .then();
    }

    private record Reminded(UUID id, String code) {
    }

    /** Marks the confirmed registrations not yet reminded of this start time, and returns them (collected: no nested query on a stream). */
    private Flux<Reminded> newlyReminded(Occurrence occurrence) {
        return database.sql("""
                        WITH marked AS (
                            INSERT INTO event_reminder (registration_id, starts_at)
                            SELECT id, :startsAt FROM event_registration WHERE occurrence_id = :occurrence AND status = 'CONFIRMED'
                            ON CONFLICT DO NOTHING RETURNING registration_id)
                        SELECT r.id, r.check_in_code FROM marked m JOIN event_registration r ON r.id = m.registration_id
                         ORDER BY r.created_at, r.id""")
                .bind("occurrence", occurrence.id()).bind("startsAt", occurrence.startsAt())
                .map(row -> new Reminded(row.get("id", UUID.class), row.get("check_in_code", String.class)))
                .all().collectList().flatMapMany(Flux::fromIterable);
    }
}
