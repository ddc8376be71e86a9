package org.kepu.media.internal;

import java.text.Normalizer;

/** The uploader's file name as harmless metadata: no folders, no control characters, bounded length. */
final class FileNames {

    static final int MAX_LENGTH = 200;
    private static final String UNNAMED = "unnamed";

    private FileNames() {
    }

    static String sanitize(String name) {
        if (name == null) {
            return UNNAMED;
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
        String lastSegment = normalized.substring(Math.max(normalized.lastIndexOf('/'), normalized.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        lastSegment.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.PRIVATE_USE
                        && Character.getType(c) != Character.SURROGATE)
                .forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip().replaceAll("^\\.+", "").strip();
        if (cleaned.isEmpty()) {
            return UNNAMED;
        }
        return cleaned.codePointCount(0, cleaned.length()) <= MAX_LENGTH
                ? cleaned
                : cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH));
    }
}
