package org.kepu.event.internal;

import java.nio.charset.StandardCharsets;

/**
 * Folds iCalendar content lines at 75 octets, as RFC 5545 (3.1) asks, never inside a UTF-8 character. biweekly folds
 * at 75 characters, which for Chinese text is up to 225 octets: strict clients reject such lines.
 */
final class ContentLines {

    static final int MAX_OCTETS = 75;

    private ContentLines() {
    }

    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + width > MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += width;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
