package org.kepu.org;

import java.util.List;
import java.util.UUID;

/**
 * An expert of the 科普专家库.
 *
 * @param topics       topic slugs the expert can judge
 * @param organisation slug of the society the expert belongs to, or null
 * @param account      the username the expert signs reviews with, or null (listed only)
 */
public record Expert(UUID id, String name, String title, List<String> fields, List<String> topics, String organisation,
                     String account) {
}
