package org.kepu.rumor;

/** Published after a rumor item, column or list changed what the public sees. */
public record RumorsChanged(String slug) {
}
