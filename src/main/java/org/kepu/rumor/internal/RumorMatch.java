package org.kepu.rumor.internal;

/**
 * An item that says what a text says, for editors.
 *
 * @param score     claim similarity, 0 to 1
 * @param duplicate true at or above the configured duplicate threshold
 */
record RumorMatch(String id, String slug, String claim, String verdict, String truth, String status, boolean published, double score,
                  boolean duplicate) {
}
