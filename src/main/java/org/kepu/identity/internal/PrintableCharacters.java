package org.kepu.identity.internal;

/**
 * The firewall's character rules, as Spring Security states them with the patterns
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (names) and {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} (header
 * values): every code point assigned and none a control character, except tab in a header value. {@code null} passes,
 * as there.
 */
final class PrintableCharacters {

    private PrintableCharacters() {
    }

    static boolean name(String text) {
        return allPrintable(text, false);
    }

    static boolean headerValue(String text) {
        return allPrintable(text, true);
    }

    private static boolean allPrintable(String text, boolean tabAllowed) {
        if (text == null) {
            return true;
        }
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            if (codePoint < 0x7f) {
                if (codePoint < 0x20 && !(tabAllowed && codePoint == '\t')) {
                    return false;
                }
            } else {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                    return false;
                }
            }
            index += Character.charCount(codePoint);
        }
        return true;
    }
}
