package org.kepu.wechat.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event schedule on its way to (or in) the Official Account, as stored in {@code wechat_publication}. */
record Publication(UUID id, Kind kind, String subject, String title, Status status, String thumbMediaId, String draftMediaId,
                   String publishId, String articleId, String articleUrl, Integer errorCode, String errorMessage,
                   Long jobId, String requestedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    enum Kind { SERIES, MONTH }

    /**
     * QUEUED → DRAFTING (cover uploaded, draft/add may be under way) → DRAFTED → SUBMITTING (freepublish/submit may
     * be under way) → PUBLISHING (WeChat checks and publishes) → PUBLISHED, or FAILED at any step.
     */
    enum Status {
        QUEUED, DRAFTING, DRAFTED, SUBMITTING, PUBLISHING, PUBLISHED, FAILED;

        boolean finished() {
            return this == PUBLISHED || this == FAILED;
        }
    }

    /** The marker in the article's source link that finds its draft again after a lost answer. */
    String marker() {
        return "wechat=" + id;
    }
}
