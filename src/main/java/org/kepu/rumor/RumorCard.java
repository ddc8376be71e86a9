package org.kepu.rumor;

/**
 * A known rumor that matches what somebody searched for or asked: shown before other results.
 *
 * @param score the claim similarity, 0 to 1
 */
public record RumorCard(String slug, String claim, RumorVerdict verdict, String truth, double score) {
}
