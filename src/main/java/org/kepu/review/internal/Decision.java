package org.kepu.review.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A reviewer's signed verdict at one stage. Comments are anchored to a text passage or a media time. */
record Decision(ReviewStage stage, Verdict verdict, String reason, List<Comment> comments, String reviewer,
                OffsetDateTime decidedAt) {

    enum Verdict {
        APPROVE, REQUEST_CHANGES, REJECT
    }

    /**
     * @param quote   the passage of the text the comment is about, if any
     * @param seconds the time in the video or audio the comment is about, if any
     */
    record Comment(String quote, Double seconds, String text) {
    }
}
