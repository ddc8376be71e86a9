package org.kepu.media.internal.processing;

import java.util.Locale;

/**
 * The child's answer to one {@link ExtractionRequest}: one line on its standard output, the outcome in a
 * word and a reason, such as {@code ok} or {@code corrupt Unreadable document: Missing root object}.
 */
record ExtractionStatus(Outcome outcome, String reason) {

    enum Outcome { OK, UNSAFE, CORRUPT, ENCRYPTED }

    static final ExtractionStatus OK = new ExtractionStatus(Outcome.OK, "");

    ExtractionStatus {
        reason = reason.replaceAll("\\s+", " ").strip();
    }

    String line() {
        String word = outcome.name().toLowerCase(Locale.ROOT);
        return reason.isEmpty() ? word : word + " " + reason;
    }

    /** @throws IllegalArgumentException the line is not a status */
    static ExtractionStatus parse(String line) {
        int space = line.indexOf(' ');
        String word = space < 0 ? line : line.substring(0, space);
        return new ExtractionStatus(Outcome.valueOf(word.toUpperCase(Locale.ROOT)), space < 0 ? "" : line.substring(space + 1));
    }
}
