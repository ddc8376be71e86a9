package org.kepu.wechat.internal;

import java.util.Map;
import java.util.UUID;

import org.kepu.platform.AuditLog;
import org.kepu.platform.Job;
import org.kepu.platform.JobHandler;
import org.kepu.platform.JobRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a published schedule to every follower: a draft of its own (WeChat consumes the draft it sends), then
 * {@code message/mass/sendall} as mpnews with a clientmsgid, so WeChat itself refuses a second send of the same
 * request (45065) and a retry cannot notify followers twice. A refused send (no quota left, 45028; API limit,
 * 45009) fails for good and gives the quota back.
 */
@Component
class MassSendJob implements JobHandler {

    static final String KIND = "wechat.mass-send";
    private static final Logger log = LoggerFactory.getLogger(MassSendJob.class);

    private final PublicationsTable table;
    private final ScheduleArticles articles;
    private final WeChatSteps steps;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final JsonMapper json;

    MassSendJob(PublicationsTable table, ScheduleArticles articles, WeChatSteps steps, AuditLog audit,
                TransactionalOperator transaction, JsonMapper json) {
        this.table = table;
        this.articles = articles;
        this.steps = steps;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
    }

    static JobRequest request(UUID massSend) {
        return JobRequest.of(KIND, "{\"massSend\":\"" + massSend + "\"}").withMaxAttempts(5);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        UUID id = UUID.fromString(json.readTree(job.payload()).path("massSend").asString());
        return table.findMassSend(id)
                .flatMap(send -> step(send, false))
                .onErrorResume(failure -> failed(id, failure, job));
    }

    private Mono<Void> step(MassSend send, boolean justRecorded) {
        return switch (send.status()) {
            case QUEUED -> table.advanceMassSend(send.id(), MassSend.Status.DRAFTING, null, null).then(next(send.id(), true));
            case DRAFTING -> (justRecorded ? Mono.<String>empty() : steps.findDraft(send.marker()))
                    .switchIfEmpty(Mono.defer(() -> draft(send)))
                    .flatMap(draft -> table.advanceMassSend(send.id(), MassSend.Status.SENDING, "draft_media_id", draft))
                    .then(next(send.id(), true));
            case SENDING -> steps.sendToAll(send.draftMediaId(), send.clientMsgId())
                    .flatMap(msgId -> transaction.transactional(table.advanceMassSend(send.id(), MassSend.Status.SENT, "msg_id",
                                    msgId.isEmpty() ? null : msgId)
                            .then(audit.record("scheduler", "wechat.mass-sent", "wechat-publication:" + send.publicationId(),
                                    Map.of("massSend", send.id().toString(), "msgId", msgId)))));
            case SENT, FAILED -> Mono.empty();
        };
    }

    private Mono<String> draft(MassSend send) {
        return table.find(send.publicationId())
                .flatMap(publication -> articles.load(publication.kind(), publication.subject())
                        .flatMap(schedule -> (publication.thumbMediaId() != null ? Mono.just(publication.thumbMediaId())
                                : steps.uploadCover(schedule.coverUrl()))
                                .flatMap(thumb -> steps.addDraft(articles.article(schedule, thumb, send.marker())))));
    }

    private Mono<Void> next(UUID id, boolean justRecorded) {
        return table.findMassSend(id).flatMap(send -> step(send, justRecorded));
    }

    private Mono<Void> failed(UUID id, Throwable failure, Job job) {
        int code = Failures.code(failure);
        // WeChat refused the send itself: retrying cannot help, and the quota must come back at once.
        boolean refused = code == 45028 || code == 45009 || code == 45011;
        boolean permanent = refused || Failures.permanent(failure, job);
        log.warn("Mass send {} failed (attempt {}/{}{}): {}", id, job.attempt(), job.maxAttempts(), permanent ? ", giving up" : "",
                failure.toString());
        Mono<Void> record = table.massSendFailure(id, code, Failures.message(failure), permanent);
        if (!permanent) {
            return record.then(Mono.error(failure));
        }
        return transaction.transactional(record.then(audit.record("scheduler", "wechat.mass-send-failed", "wechat-mass-send:" + id,
                Map.of("code", code, "message", Failures.message(failure)))));
    }
}
