package org.kepu.rumor.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stages   the review chain of rumor items, in order; it must contain SCIENTIFIC (二审 by an expert)
 * @param clues    limits on the public "report a rumor" form
 * @param matching thresholds of the claim similarity (0 to 1)
 */
@ConfigurationProperties("kepu.rumor")
record RumorProperties(@DefaultValue({"POLITICAL", "SCIENTIFIC"}) List<RumorStage> stages, @DefaultValue Clues clues,
                       @DefaultValue Matching matching) {

    RumorProperties {
        if (!stages.contains(RumorStage.SCIENTIFIC)) {
            throw new IllegalArgumentException("kepu.rumor.stages must contain SCIENTIFIC: rumor rebuttals are always signed by an expert");
        }
        if (stages.stream().distinct().count() != stages.size()) {
            throw new IllegalArgumentException("kepu.rumor.stages names a stage twice: " + stages);
        }
        stages = List.copyOf(stages);
    }

    /** @param maxPerAddress reports one client address may send per {@code window}; more are answered 429 */
    record Clues(@DefaultValue("5") int maxPerAddress, @DefaultValue("1h") Duration window) {
    }

    /**
     * @param duplicate a clue or new item at least this similar to an item is shown to editors as saying the same thing
     * @param search    a search query at least this similar to a published claim shows that rumor's card first
     */
    record Matching(@DefaultValue("0.35") double duplicate, @DefaultValue("0.35") double search) {
    }
}
