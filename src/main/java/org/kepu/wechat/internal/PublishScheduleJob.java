package org.kepu.wechat.internal;

import java.util.Map;
import java.util.UUID;

import org.kepu.platform.AuditLog;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobRequest;
import org.kepu.platform.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a publication through WeChat, one stored step at a time, so a retry goes on from the last step that was
 * recorded: upload the cover ({@code material/add_material}), create the draft ({@code draft/add}), submit it
 * ({@code freepublish/submit}), then hand over to {@link PublicationStatusJob}. A step whose answer may have been lost
 * is recorded before it is called (DRAFTING, SUBMITTING); a retry in that state first looks in WeChat for the draft or
 * article carrying the publication's marker and adopts it, so one request never makes two drafts.
 */
@Component
class PublishScheduleJob implements JobHandler {

    static final String KIND = "wechat.publish";
    private static final Logger log = LoggerFactory.getLogger(PublishScheduleJob.class);

    private final PublicationsTable table;
    private final ScheduleArticles articles;
    private final WeChatSteps steps;
    private final Jobs jobs;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final JsonMapper json;
    private final WeChatProperties properties;

    PublishScheduleJob(PublicationsTable table, ScheduleArticles articles, WeChatSteps steps, Jobs jobs, AuditLog audit,
                       TransactionalOperator transaction, JsonMapper json, WeChatProperties properties) {
        this.table = table;
        this.articles = articles;
        this.steps = steps;
        this.jobs = jobs;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
        this.properties = properties;
    }

    static JobRequest request(UUID publication) {
        return JobRequest.of(KIND, "{\"publication\":\"" + publication + "\"}").withMaxAttempts(6);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        UUID id = UUID.fromString(json.readTree(job.payload()).path("publication").asString());
        return table.find(id)
                .flatMap(publication -> step(publication, false))
                .onErrorResume(failure -> failed(id, failure, job));
    }

    private Mono<Void> step(Publication publication, boolean justRecorded) {
        UUID id = publication.id();
        return switch (publication.status()) {
            case QUEUED -> articles.load(publication.kind(), publication.subject())
                    .flatMap(schedule -> steps.uploadCover(schedule.coverUrl()))
                    .flatMap(thumb -> table.advance(id, Publication.Status.DRAFTING, "thumb_media_id", thumb))
                    .then(next(id, true));
            case DRAFTING -> (justRecorded ? Mono.<String>empty() : steps.findDraft(publication.marker()))
                    .switchIfEmpty(Mono.defer(() -> articles.load(publication.kind(), publication.subject())
                            .flatMap(schedule -> steps.addDraft(articles.article(schedule, publication.thumbMediaId(), publication.marker())))))
                    .flatMap(draft -> table.advance(id, Publication.Status.DRAFTED, "draft_media_id", draft))
                    .then(next(id, true));
            case DRAFTED -> table.advance(id, Publication.Status.SUBMITTING, null, null)
                    .then(submit(publication));
            case SUBMITTING -> steps.findPublished(publication.marker())
                    .map(article -> transaction.transactional(table.published(id, article[0], article[1])
                            .then(audit.record("scheduler", "wechat.published", "wechat-publication:" + id, Map.of("articleId", article[0])))))
                    .switchIfEmpty(Mono.fromSupplier(() -> submit(publication)))
                    .flatMap(next -> next);
            case PUBLISHING -> jobs.enqueue(PublicationStatusJob.request(id, java.time.Instant.now())).then();
            case PUBLISHED, FAILED -> Mono.empty();
        };
    }

    private Mono<Void> submit(Publication publication) {
        UUID id = publication.id();
        return steps.submit(publication.draftMediaId())
                .flatMap(publishId -> transaction.transactional(table.advance(id, Publication.Status.PUBLISHING, "publish_id", publishId)
                        .then(jobs.enqueue(PublicationStatusJob.request(id,
                                java.time.Instant.now().plus(properties.publishCheckInterval()))))
                        .then(audit.record("scheduler", "wechat.publication-submitted", "wechat-publication:" + id,
                                Map.of("publishId", publishId)))));
    }

    private Mono<Void> next(UUID id, boolean justRecorded) {
        return table.find(id).flatMap(publication -> step(publication, justRecorded));
    }

    private Mono<Void> failed(UUID id, Throwable failure, Job job) {
        boolean permanent = Failures.permanent(failure, job);
        log.warn("Publishing {} to WeChat failed (attempt {}/{}{}): {}", id, job.attempt(), job.maxAttempts(),
                permanent ? ", giving up" : "", failure.toString());
        Mono<Void> record = table.failure(id, Failures.code(failure), Failures.message(failure), permanent);
        if (!permanent) {
            return record.then(Mono.error(failure));
        }
        return transaction.transactional(record.then(audit.record("scheduler", "wechat.publication-failed", "wechat-publication:" + id,
                Map.of("code", Failures.code(failure), "message", Failures.message(failure)))));
    }
}
