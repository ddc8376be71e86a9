package org.kepu.event.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A named sign-off of one stage, as recorded (insert-only). */
record Decision(long id, UUID submissionId, ReviewStage stage, Verdict verdict, String reason, String decidedBy,
                OffsetDateTime decidedAt) {
}
