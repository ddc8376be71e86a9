package org.kepu.review.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kepu.content.WorkKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The stages each kind of work passes, in order (e.g. articles may skip 终审). Every kind not
 * configured passes all three. 二审 (SCIENTIFIC) can never be left out: science content is not
 * published without a scientific sign-off.
 */
@ConfigurationProperties("kepu.review")
record ReviewProperties(Map<WorkKind, List<ReviewStage>> stages) {

    private static final List<ReviewStage> ALL = List.of(ReviewStage.POLITICAL, ReviewStage.SCIENTIFIC, ReviewStage.FINAL);

    ReviewProperties {
        Map<WorkKind, List<ReviewStage>> merged = new EnumMap<>(WorkKind.class);
        for (WorkKind kind : WorkKind.values()) {
            List<ReviewStage> given = stages == null ? null : stages.get(kind);
            List<ReviewStage> chosen = given == null || given.isEmpty() ? ALL : List.copyOf(given);
            if (!chosen.contains(ReviewStage.SCIENTIFIC)) {
                throw new IllegalArgumentException("kepu.review.stages." + kind + " must include SCIENTIFIC (二审)");
            }
            merged.put(kind, chosen.stream().distinct().sorted().toList());
        }
        stages = Map.copyOf(merged);
    }

    List<ReviewStage> stagesOf(WorkKind kind) {
        return stages.get(kind);
    }
}
