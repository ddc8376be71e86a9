package org.kepu.review;

/**
 * One dictionary word found in a field.
 *
 * @param field   the field's name
 * @param word    the dictionary entry that matched, as an administrator wrote it
 * @param matched the text as it stands in the field, e.g. {@code 包 治 百 病} for the entry {@code 包治百病}
 * @param start   offset of the first matched character in the field's text (UTF-16 units, as Java and
 *                JavaScript count); for HTML fields, in the text without tags
 * @param end     offset just after the last matched character
 * @param before  up to the configured number of characters before the match (15 by default)
 * @param after   as many characters after it
 */
public record ScreenHit(String field, String word, String matched, ScreenLevel level, int start, int end,
                        String before, String after) {

    /** The match with its surroundings, as a reviewer reads it. */
    public String context() {
        return before + matched + after;
    }
}
