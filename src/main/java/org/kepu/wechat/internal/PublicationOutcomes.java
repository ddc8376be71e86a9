package org.kepu.wechat.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kepu.platform.AuditLog;
import org.kepu.platform.Jobs;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies WeChat's word on a submitted publication, whether it came by the {@code PUBLISHJOBFINISH} callback or by
 * polling {@code freepublish/get}: publish_status 0 published, 1 still publishing (look again later), 2–6 failed
 * (2 originality check, 3 general failure, 4 platform review, 5 deleted after success, 6 banned).
 */
@Component
class PublicationOutcomes {

    static final int SUCCESS = 0;
    static final int PUBLISHING = 1;

    private final PublicationsTable table;
    private final Jobs jobs;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final WeChatProperties properties;

    PublicationOutcomes(PublicationsTable table, Jobs jobs, AuditLog audit, TransactionalOperator transaction, WeChatProperties properties) {
        this.table = table;
        this.jobs = jobs;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** Applies an outcome to a publication that is still being published; others are left as they are. */
    Mono<Void> apply(Publication publication, int publishStatus, String articleId, List<String> failedIndexes, String articleUrl,
                     String actor) {
        if (publication.status() != Publication.Status.PUBLISHING) {
            return Mono.empty();
        }
        String subject = "wechat-publication:" + publication.id();
        if (publishStatus == SUCCESS) {
            return transaction.transactional(table.published(publication.id(), articleId, articleUrl)
                    .then(audit.record(actor, "wechat.published", subject, Map.of("articleId", String.valueOf(articleId)))));
        }
        if (publishStatus == PUBLISHING) {
            return jobs.enqueue(PublicationStatusJob.request(publication.id(), Instant.now().plus(properties.publishCheckInterval()))).then();
        }
        String message = "publish_status=" + publishStatus + (failedIndexes == null || failedIndexes.isEmpty() ? "" : " fail_idx=" + failedIndexes);
        return transaction.transactional(table.failure(publication.id(), 0, message, true)
                .then(audit.record(actor, "wechat.publication-failed", subject, Map.of("publishStatus", publishStatus))));
    }
}
