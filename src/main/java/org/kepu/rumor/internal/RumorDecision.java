package org.kepu.rumor.internal;

import java.time.OffsetDateTime;

/** A named sign-off at one stage of one review round; the expert's name and title only at 二审. */
record RumorDecision(int round, RumorStage stage, RumorReviewVerdict verdict, String reason, String decidedBy, String expertName,
                     String expertTitle, OffsetDateTime decidedAt) {
}
