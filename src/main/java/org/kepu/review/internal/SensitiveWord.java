package org.kepu.review.internal;

import java.time.OffsetDateTime;

/** An entry of the dictionary, as administrators see it. */
record SensitiveWord(long id, String word, WordLevel level, String note, String createdBy, OffsetDateTime createdAt) {
}
