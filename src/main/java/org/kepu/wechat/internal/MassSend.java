package org.kepu.wechat.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A publication sent to all followers ({@code message/mass/sendall}), as stored in {@code wechat_mass_send}. */
record MassSend(UUID id, UUID publicationId, Status status, String draftMediaId, String msgId, String result,
                Integer totalCount, Integer sentCount, Integer errorCount, Integer errorCode, String errorMessage,
                String requestedBy, OffsetDateTime requestedAt, OffsetDateTime updatedAt) {

    /** QUEUED → DRAFTING (its own draft: WeChat consumes a draft when it sends it) → SENDING → SENT, or FAILED. */
    enum Status { QUEUED, DRAFTING, SENDING, SENT, FAILED }

    String marker() {
        return "wechat-mass=" + id;
    }

    /** WeChat's clientmsgid: a second sendall with it is refused (45065) instead of sending twice. */
    String clientMsgId() {
        return "kepu-" + id;
    }
}
