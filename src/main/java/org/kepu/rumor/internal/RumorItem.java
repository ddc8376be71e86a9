package org.kepu.rumor.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.kepu.rumor.PublicRumor;
import org.kepu.rumor.RumorVerdict;

/** A row of {@code rumor_item}: the working copy, its review state and whether a reviewed snapshot is public. */
record RumorItem(UUID id, String slug, String claim, List<PublicRumor.Appearance> appearances, LocalDate firstSeen,
                 RumorVerdict verdict, String truth, String explanation, List<PublicRumor.Evidence> evidence, List<String> topics,
                 String column, UUID rebuttalWork, RumorStatus status, RumorStage stage, int round, String submittedBy,
                 int version, boolean published, OffsetDateTime publishedAt, String createdBy, OffsetDateTime createdAt,
                 String updatedBy, OffsetDateTime updatedAt) {
}
