package org.kepu.review;

import java.util.Objects;

/**
 * One named part of a work to screen (title, summary, body). An HTML field is screened on its
 * text: tags are dropped, entities decoded, and each block element (paragraph, heading, list item)
 * ends with a line break; the offsets of its hits refer to that text.
 */
public record ScreenedField(String name, String text, boolean html) {

    public ScreenedField {
        Objects.requireNonNull(name, "name");
        text = text == null ? "" : text;
    }

    public static ScreenedField plain(String name, String text) {
        return new ScreenedField(name, text, false);
    }

    public static ScreenedField html(String name, String html) {
        return new ScreenedField(name, html, true);
    }
}
