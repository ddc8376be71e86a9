package org.kepu.wechat.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.kepu.platform.AuditLog;
import org.kepu.platform.Jobs;
import org.kepu.platform.ProblemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Editors' requests: publish a schedule, retry a failed publication, send a published one to all followers. Each
 * request writes its row, its durable job and its audit entry in one transaction; the jobs do the WeChat calls.
 */
@Component
class Publishing {

    /** A publication and whether this request created it (false: one was already under way). */
    record Requested<T>(T value, boolean created) {
    }

    private final WeChatApi api;
    private final PublicationsTable table;
    private final ScheduleArticles articles;
    private final MassQuota quota;
    private final Jobs jobs;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    Publishing(WeChatApi api, PublicationsTable table, ScheduleArticles articles, MassQuota quota, Jobs jobs, AuditLog audit,
               TransactionalOperator transaction) {
        this.api = api;
        this.table = table;
        this.articles = articles;
        this.quota = quota;
        this.jobs = jobs;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<Requested<Publication>> request(String kind, String subject, String by) {
        return Mono.fromCallable(() -> {
            configured();
            Publication.Kind parsed = kind(kind);
            if (subject == null || subject.isBlank()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "wechat-subject-required");
            }
            String normalized = parsed == Publication.Kind.MONTH ? ScheduleArticles.month(subject.trim()).toString() : subject.trim();
            return Map.entry(parsed, normalized);
        }).flatMap(request -> articles.load(request.getKey(), request.getValue()).flatMap(schedule ->
                create(request.getKey(), request.getValue(), ScheduleArticles.cut(schedule.title(), ScheduleArticles.TITLE_CHARS), by)));
    }

    private Mono<Requested<Publication>> create(Publication.Kind kind, String subject, String title, String by) {
        UUID id = UUID.randomUUID();
        Mono<Requested<Publication>> insert = table.inProgress(kind, subject)
                .map(existing -> new Requested<>(existing, false))
                .switchIfEmpty(Mono.defer(() -> table.insert(id, kind, subject, title, by)
                        .flatMap(created -> jobs.enqueue(PublishScheduleJob.request(id))
                                .flatMap(job -> table.jobQueued(id, job.value()))
                                .then(audit.record(by, "wechat.publication-requested", "wechat-publication:" + id,
                                        Map.of("kind", kind.name(), "subject", subject, "title", title)))
                                .then(table.find(id)))
                        .map(created -> new Requested<>(created, true))));
        return transaction.transactional(insert)
                // Two requests for the same schedule at once: the loser answers the winner's publication.
                .onErrorResume(DataIntegrityViolationException.class, race -> table.inProgress(kind, subject)
                        .map(existing -> new Requested<>(existing, false)));
    }

    Mono<Publication> retry(UUID id, String by) {
        return found(id).flatMap(publication -> {
            if (publication.status() != Publication.Status.FAILED) {
                return Mono.error(new ProblemException(HttpStatus.CONFLICT, "wechat-publication-not-failed", publication.status().name()));
            }
            return transaction.transactional(table.requeue(id)
                    .then(jobs.enqueue(PublishScheduleJob.request(id)))
                    .flatMap(job -> table.jobQueued(id, job.value()))
                    .then(audit.record(by, "wechat.publication-retried", "wechat-publication:" + id, Map.of("title", publication.title())))
                    .then(table.find(id)));
        });
    }

    Mono<Requested<MassSend>> massSend(UUID id, String by) {
        return found(id).flatMap(publication -> {
            if (publication.status() != Publication.Status.PUBLISHED) {
                return Mono.error(new ProblemException(HttpStatus.CONFLICT, "wechat-publication-not-published", publication.status().name()));
            }
            UUID send = UUID.randomUUID();
            Mono<Requested<MassSend>> reserve = table.lockQuota()
                    .then(table.activeMassSend(id).map(existing -> new Requested<>(existing, false)))
                    .switchIfEmpty(Mono.defer(() -> quota.current().flatMap(current -> {
                        if (current.remaining() <= 0) {
                            return audit.record(by, "wechat.mass-send-refused", "wechat-publication:" + id,
                                            Map.of("used", current.used(), "limit", current.limit(), "period", current.period()))
                                    .then(Mono.error(quotaUsed(current)));
                        }
                        return table.insertMassSend(send, id, by)
                                .flatMap(created -> jobs.enqueue(MassSendJob.request(send))
                                        .then(audit.record(by, "wechat.mass-send-requested", "wechat-publication:" + id,
                                                Map.of("massSend", send.toString(), "used", current.used() + 1, "limit", current.limit())))
                                        .thenReturn(new Requested<>(created, true)));
                    })));
            return transaction.transactional(reserve);
        });
    }

    private static ProblemException quotaUsed(MassQuota.Quota current) {
        String resets = current.resetsAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
        Duration wait = Duration.between(OffsetDateTime.now(), current.resetsAt());
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "wechat-mass-quota-used", current.limit(), resets).retryAfter(wait.isNegative() ? Duration.ZERO : wait);
    }

    Mono<Publication> found(UUID id) {
        return Mono.fromRunnable(this::configured).then(table.find(id))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.NOT_FOUND, "wechat-publication-not-found", id)));
    }

    private void configured() {
        if (!api.configured()) {
            throw WeChatApi.notConfigured();
        }
    }

    private static Publication.Kind kind(String kind) {
        try {
            return Publication.Kind.valueOf(kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "wechat-kind-invalid", String.valueOf(kind));
        }
    }
}
