package org.kepu.rumor;

/**
 * A rumor-rebuttal column (e.g. 食品安全辟谣).
 *
 * @param organisation the slug of the society that co-runs it, or null
 */
public record PublicRumorColumn(String slug, String name, String description, String organisation) {
}
