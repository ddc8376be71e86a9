package org.kepu.review.internal;

import java.util.Locale;
import java.util.Optional;

import org.kepu.review.ScreenLevel;

/** The three lists of the dictionary: two that hit, and the allow-list that keeps ordinary words from hitting. */
enum WordLevel {
    BLOCK, FLAG, ALLOW;

    static Optional<WordLevel> parse(String level) {
        if (level == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(level.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    ScreenLevel screenLevel() {
        return switch (this) {
            case BLOCK -> ScreenLevel.BLOCK;
            case FLAG -> ScreenLevel.FLAG;
            case ALLOW -> throw new IllegalStateException("ALLOW words never hit");
        };
    }
}
