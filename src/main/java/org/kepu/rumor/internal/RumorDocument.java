package org.kepu.rumor.internal;

import java.util.List;

/**
 * One rumor item as the {@code rumors} index holds it (field names of {@code infra/elasticsearch/index-templates/rumors.json}).
 * A published item is indexed with its public claim, a draft with its working claim.
 */
record RumorDocument(String id, String slug, String claim, String truth, String verdict, List<String> topics, String status,
                     boolean published) {
}
