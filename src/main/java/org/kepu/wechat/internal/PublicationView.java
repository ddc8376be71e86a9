package org.kepu.wechat.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A publication as the console shows it, with its mass sends. */
record PublicationView(UUID id, String kind, String subject, String title, String status, String draftMediaId, String publishId,
                       String articleId, String articleUrl, Integer errorCode, String errorMessage, String requestedBy,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, List<MassSendView> massSends) {

    static PublicationView of(Publication p, List<MassSend> sends) {
        return new PublicationView(p.id(), p.kind().name().toLowerCase(java.util.Locale.ROOT), p.subject(), p.title(), p.status().name(),
                p.draftMediaId(), p.publishId(), p.articleId(), p.articleUrl(), p.errorCode(), p.errorMessage(), p.requestedBy(),
                p.createdAt(), p.updatedAt(), sends.stream().map(MassSendView::of).toList());
    }

    record MassSendView(UUID id, String status, String msgId, String result, Integer totalCount, Integer sentCount, Integer errorCount,
                        Integer errorCode, String errorMessage, String requestedBy, OffsetDateTime requestedAt, OffsetDateTime updatedAt) {

        static MassSendView of(MassSend s) {
            return new MassSendView(s.id(), s.status().name(), s.msgId(), s.result(), s.totalCount(), s.sentCount(), s.errorCount(),
                    s.errorCode(), s.errorMessage(), s.requestedBy(), s.requestedAt(), s.updatedAt());
        }
    }
}
